//! Where everything drawn over an instructor view goes: the forms (open a
//! class, register or correct a resident, indicators), the confirmations
//! and the attendance room. One pure function, [`modal`], places every
//! line, field, choice and button; `forms::view` draws from it and
//! `forms::on_mouse` looks clicks up in it, so a click always lands on what
//! was drawn there (the learner screens' rule, see `ui::layout`).
//!
//! Every button does what a key already does (the footer names the keys):
//! the mouse is a second way in, never a different one.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::forms::{Confirm, Modal, ResidentForm};
use super::room::{self, Room};
use super::{Desk, table};
use crate::i18n::{Texts, fill};
use crate::store::instructor::AttendanceStatus;
use crate::ui::app::App;
use crate::ui::layout::{Tone, contains, wrap};

/// Something in a form that a click (or touch) acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A text field, by its index in the form.
    Field(usize),
    /// The "the resident agreed" tick box.
    Consent,
    /// Save the form (Enter on its last field).
    Save,
    /// Close without saving, or close the add box (Esc).
    Cancel,
    /// An indicator line: switch reached / not yet.
    Toggle(usize),
    /// A confirmation's safe answer (1 / Esc) and its other answer (2).
    No,
    Yes,
    /// Mark the room's chosen person (P, L, E, A).
    Mark(AttendanceStatus),
    /// Open the room's "add someone" box (+).
    Add,
    /// Add this match of the add box (best first).
    AddMatch(usize),
}

/// How a block of lines looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Plain(Tone),
    /// The chosen line (reverse video).
    Focus,
}

/// What an [`Item`] shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Wrapped lines, already cut to the item's width.
    Lines(Vec<String>, Look),
    /// A label, then the typed text in brackets: the end of the text when
    /// it is longer than the box (the part being typed).
    Field {
        label: String,
        label_w: u16,
        value: String,
        on: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub rect: Rect,
    pub content: Content,
    pub hit: Option<Hit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub rect: Rect,
    pub label: String,
    pub hit: Hit,
    pub primary: bool,
    /// Drawn lit: the answer Enter gives in a confirmation.
    pub lit: bool,
}

/// A form placed on the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    /// The framed box (for the room: the whole room).
    pub frame: Rect,
    pub title: String,
    pub tone: Tone,
    pub items: Vec<Item>,
    /// The room's list of people (a table; empty elsewhere).
    pub list: Rect,
    pub buttons: Vec<Button>,
}

impl Laid {
    /// What a click at (x, y) acts on (the room's list rows are looked up
    /// with `table::row_at` on [`Laid::list`]).
    pub fn hit(&self, x: u16, y: u16) -> Option<Hit> {
        let button = self.buttons.iter().find(|b| contains(b.rect, x, y));
        if let Some(b) = button {
            return Some(b.hit);
        }
        self.items
            .iter()
            .filter(|i| contains(i.rect, x, y))
            .find_map(|i| i.hit)
    }
}

/// A piece of a form, before placing.
enum Spec {
    Text(String, Look, Option<Hit>),
    Field {
        label: String,
        value: String,
        on: bool,
        hit: Option<Hit>,
    },
    Blank,
}

/// A button before placing: label, what it does, primary, lit.
type ButtonSpec = (String, Hit, bool, bool);

/// Buttons are framed and three rows tall when the screen has room.
fn button_height(area: Rect) -> u16 {
    if area.height >= 24 { 3 } else { 1 }
}

/// Lays out the form `m` over the desk drawn in `area`.
pub fn modal(app: &App, d: &Desk, m: &Modal, area: Rect) -> Laid {
    let t = app.t();
    let field = |label: &str, value: &str, on: bool, i: usize| Spec::Field {
        label: label.to_string(),
        value: value.to_string(),
        on,
        hit: Some(Hit::Field(i)),
    };
    let save_cancel = |save: &str| -> Vec<ButtonSpec> {
        vec![
            (t.ins_button_cancel.to_string(), Hit::Cancel, false, false),
            (save.to_string(), Hit::Save, true, false),
        ]
    };
    let (title, tone, specs, buttons) = match m {
        Modal::Room(r) => return room_layout(app, d, r, area),
        Modal::Class(f) => {
            let mut specs = vec![
                field(t.ins_form_topic, &f.topic, f.field == 0, 0),
                field(t.ins_form_instructor, &f.instructor, f.field == 1, 1),
            ];
            if let Some(topic) = &f.ends {
                specs.push(Spec::Text(
                    fill(t.ins_open_class_ends, &[("topic", topic)]),
                    Look::Plain(Tone::Strong),
                    None,
                ));
            }
            if f.missing {
                specs.push(Spec::Text(
                    t.ins_form_fill_both.to_string(),
                    Look::Plain(Tone::Bad),
                    None,
                ));
            }
            specs.push(telex_hint(t));
            (
                t.ins_open_class_title,
                Tone::Strong,
                specs,
                save_cancel(t.ins_button_open),
            )
        }
        Modal::Resident(f) => {
            let (title, specs) = resident_specs(app, f);
            (title, Tone::Strong, specs, save_cancel(t.ins_button_save))
        }
        Modal::Indicators(f) => {
            let mut specs = vec![Spec::Text(
                fill(t.ins_indicators_for, &[("name", &f.name)]),
                Look::Plain(Tone::Strong),
                None,
            )];
            for (i, (id, reached)) in f.items.iter().enumerate() {
                let name = app
                    .settings
                    .instructor
                    .indicators
                    .iter()
                    .find(|x| &x.id == id)
                    .map(|x| x.name(app.lang).to_string())
                    .unwrap_or_else(|| id.clone());
                let mark = if *reached { "[x]" } else { "[ ]" };
                let look = if i == f.cursor {
                    Look::Focus
                } else {
                    Look::Plain(Tone::Normal)
                };
                specs.push(Spec::Text(
                    format!("{mark} {name}"),
                    look,
                    Some(Hit::Toggle(i)),
                ));
            }
            let close = vec![(t.ins_button_close.to_string(), Hit::Cancel, true, false)];
            (t.ins_indicators_title, Tone::Strong, specs, close)
        }
        Modal::Confirm(c) => {
            let text = match c {
                Confirm::Forget { name, .. } => fill(t.ins_confirm_forget, &[("name", name)]),
                Confirm::CloseClass(_) => t.ins_confirm_close_class.to_string(),
                Confirm::Leave => t.ins_confirm_leave.to_string(),
                Confirm::DropForm(_) => t.ins_confirm_drop_form.to_string(),
            };
            let specs = vec![Spec::Text(text, Look::Plain(Tone::Strong), None)];
            // The safe answer is first, lit, and what Enter or Esc give.
            let buttons = vec![
                (format!("1  {}", t.ins_do_no), Hit::No, true, true),
                (format!("2  {}", t.ins_do_yes), Hit::Yes, false, false),
            ];
            (t.ins_confirm_title, Tone::Warning, specs, buttons)
        }
    };
    boxed_form(area, title, tone, specs, &buttons)
}

fn resident_specs(app: &App, f: &ResidentForm) -> (&'static str, Vec<Spec>) {
    let t = app.t();
    let labels = [
        t.ins_form_name,
        t.ins_form_year,
        t.ins_form_group,
        t.ins_form_household,
        t.ins_form_phone,
    ];
    let mut specs: Vec<Spec> = labels
        .iter()
        .zip(&f.fields)
        .enumerate()
        .map(|(i, (l, v))| Spec::Field {
            label: l.to_string(),
            value: v.clone(),
            on: f.field == i,
            hit: Some(Hit::Field(i)),
        })
        .collect();
    if f.id.is_none() {
        let mark = if f.consent { "[x]" } else { "[ ]" };
        let look = if f.field == 5 {
            Look::Focus
        } else {
            Look::Plain(Tone::Normal)
        };
        specs.push(Spec::Text(
            format!("{mark} {}", t.ins_form_consent),
            look,
            Some(Hit::Consent),
        ));
    }
    if let Some(k) = &f.known {
        let who =
            super::residents::who_line(t, &k.full_name, k.group_no, k.birth_year, &k.household);
        specs.push(Spec::Text(
            fill(t.ins_known, &[("who", &who)]),
            Look::Plain(Tone::Bad),
            None,
        ));
    }
    if let Some(e) = &f.error {
        specs.push(Spec::Text(e.clone(), Look::Plain(Tone::Bad), None));
    }
    specs.push(telex_hint(t));
    let title = if f.id.is_some() {
        t.ins_correct_title
    } else {
        t.ins_register_title
    };
    (title, specs)
}

/// How to type accents, last in a form with words to type: where the
/// screen is low it is the line that gives way, not an error.
fn telex_hint(t: &Texts) -> Spec {
    Spec::Text(t.telex_hint.to_string(), Look::Plain(Tone::Muted), None)
}

/// A framed box in the middle of `area` (under the tab bar).
fn boxed(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let h = h.min(area.height.saturating_sub(4)).max(1);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + 3 + (area.height.saturating_sub(4) - h) / 2,
        w,
        h,
    )
}

/// The widest label of the fields, plus a space, at most half the width.
fn label_width(specs: &[Spec], width: u16) -> u16 {
    let widest = specs
        .iter()
        .filter_map(|s| match s {
            Spec::Field { label, .. } => Some(label.width() as u16 + 1),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    widest.min(width / 2)
}

/// How many lines `spec` takes at `width`.
fn height_of(spec: &Spec, width: u16) -> u16 {
    match spec {
        Spec::Text(text, ..) => wrap(text, width as usize).len() as u16,
        Spec::Field { .. } | Spec::Blank => 1,
    }
}

/// A form in a framed box: its lines from the top, its buttons at the
/// bottom (always on screen: lines that do not fit are the ones cut).
fn boxed_form(
    area: Rect,
    title: &str,
    tone: Tone,
    specs: Vec<Spec>,
    buttons: &[ButtonSpec],
) -> Laid {
    let width = 76.min(area.width.saturating_sub(2));
    let inner_w = width.saturating_sub(4);
    let content: u16 = specs.iter().map(|s| height_of(s, inner_w)).sum();
    let bh = buttons_height(buttons, inner_w, button_height(area));
    // Frame, a blank line, the lines, a blank line, the buttons, frame;
    // on a low screen the blank lines go before any line of the form.
    let fits = |pads: u16| content + bh + 2 + pads <= area.height.saturating_sub(4);
    let (top, gap) = match (fits(2), fits(1)) {
        (true, _) => (1, 1),
        (false, true) => (0, 1),
        _ => (0, 0),
    };
    let frame = boxed(area, width, content + bh + 2 + top + gap);
    let inner = Rect::new(
        frame.x + 2,
        frame.y + 1 + top,
        inner_w,
        frame.height.saturating_sub(2 + top),
    );
    let buttons_y = inner.bottom().saturating_sub(bh);
    let room_for_lines = Rect::new(
        inner.x,
        inner.y,
        inner.width,
        buttons_y.saturating_sub(inner.y + gap),
    );
    Laid {
        frame,
        title: title.to_string(),
        tone,
        items: place(specs, room_for_lines),
        list: Rect::default(),
        buttons: button_rows(
            buttons,
            inner.x,
            buttons_y,
            inner.width,
            button_height(area),
        ),
    }
}

/// Places `specs` top to bottom in `area`, dropping what does not fit.
fn place(specs: Vec<Spec>, area: Rect) -> Vec<Item> {
    let label_w = label_width(&specs, area.width);
    let mut items = Vec::new();
    let mut y = area.y;
    for spec in specs {
        let left = area.bottom().saturating_sub(y);
        if left == 0 {
            break;
        }
        let h = height_of(&spec, area.width).min(left);
        let rect = Rect::new(area.x, y, area.width, h);
        y += h;
        match spec {
            Spec::Text(text, look, hit) => {
                let mut lines = wrap(&text, area.width as usize);
                lines.truncate(h as usize);
                items.push(Item {
                    rect,
                    content: Content::Lines(lines, look),
                    hit,
                });
            }
            Spec::Field {
                label,
                value,
                on,
                hit,
            } => items.push(Item {
                rect,
                content: Content::Field {
                    label,
                    label_w,
                    value,
                    on,
                },
                hit,
            }),
            Spec::Blank => {}
        }
    }
    items
}

/// The fewest columns a button needs: its label and its frame, or the
/// brackets a one-line button is drawn with ("[ Save ]").
fn least_width(label: &str, h: u16) -> u16 {
    label.width() as u16 + if h >= 3 { 2 } else { 4 }
}

/// Which buttons go on which line: as many as fit side by side, in order.
fn button_lines(specs: &[ButtonSpec], width: u16, h: u16) -> Vec<Vec<usize>> {
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut used = 0;
    for (i, s) in specs.iter().enumerate() {
        let w = least_width(&s.0, h);
        match lines.last_mut() {
            Some(line) if used + 1 + w <= width => {
                line.push(i);
                used += 1 + w;
            }
            _ => {
                lines.push(vec![i]);
                used = w;
            }
        }
    }
    lines
}

/// How many rows the buttons take at `width`.
fn buttons_height(specs: &[ButtonSpec], width: u16, h: u16) -> u16 {
    button_lines(specs, width, h).len() as u16 * h
}

/// Buttons on lines from `y` down, `h` rows each. On a line the first is at
/// the left edge, the last at the right edge and the space left is shared
/// between them; big buttons get more padding when the line allows.
fn button_rows(specs: &[ButtonSpec], x: u16, y: u16, width: u16, h: u16) -> Vec<Button> {
    let mut out = Vec::new();
    for (row, line) in button_lines(specs, width, h).iter().enumerate() {
        let y = y + row as u16 * h;
        let n = line.len() as u16;
        let gaps = n.saturating_sub(1);
        let least: Vec<u16> = line.iter().map(|&i| least_width(&specs[i].0, h)).collect();
        // Up to 4 more columns each (more room to touch), if all get them.
        let spare = width.saturating_sub(least.iter().sum::<u16>() + gaps);
        let extra = (spare / n.max(1)).min(if h >= 3 { 6 } else { 0 });
        let widths: Vec<u16> = least.iter().map(|w| (w + extra).min(width)).collect();
        let free = width.saturating_sub(widths.iter().sum::<u16>() + gaps);
        let mut before = 0u16;
        for (k, (&i, w)) in line.iter().zip(&widths).enumerate() {
            let k = k as u16;
            let share = if n == 1 { free } else { free * k / gaps };
            let bx = x + before + k + share;
            let w = (*w).min((x + width).saturating_sub(bx));
            let s = &specs[i];
            out.push(Button {
                rect: Rect::new(bx, y, w, h),
                label: s.0.clone(),
                hit: s.1,
                primary: s.2,
                lit: s.3,
            });
            before += w;
        }
    }
    out
}

/// The attendance room: the whole screen between the tab bar and the
/// footer (which names P, L, E and A, so it stays visible).
fn room_layout(app: &App, d: &Desk, room: &Room, area: Rect) -> Laid {
    let t = app.t();
    let footer_h = super::shell_areas(area, &super::room::footer(app, room))
        .footer
        .height;
    let frame = Rect::new(
        area.x,
        area.y + 2.min(area.height),
        area.width,
        area.height.saturating_sub(2 + footer_h),
    );
    let inner = Rect::new(
        frame.x + 1,
        frame.y + 1,
        frame.width.saturating_sub(2),
        frame.height.saturating_sub(2),
    );
    let one = if inner.height >= 16 { 3 } else { 1 };
    let buttons: Vec<ButtonSpec> = match &room.adding {
        Some(_) => vec![
            (format!("Esc {}", t.ins_do_close), Hit::Cancel, false, false),
            (
                format!("Enter {}", t.ins_do_add_first),
                Hit::AddMatch(0),
                true,
                false,
            ),
        ],
        None => {
            let mut b: Vec<ButtonSpec> = room::MARKS
                .iter()
                .map(|(_, status)| {
                    let word = room::status_name(t, Some(*status));
                    let key = room::key_shown(app.lang, *status);
                    (format!("{key} {word}"), Hit::Mark(*status), false, false)
                })
                .collect();
            b.push((format!("+ {}", t.ins_do_add_person), Hit::Add, false, false));
            b.push((format!("Esc {}", t.ins_do_close), Hit::Cancel, false, false));
            b
        }
    };
    let bh = buttons_height(&buttons, inner.width, one);
    let buttons_y = inner.bottom().saturating_sub(bh);
    // The lines above the list end above the buttons, never under them.
    let room_above = buttons_y.saturating_sub(inner.y);
    let mut specs = vec![Spec::Text(
        room::summary(app, room),
        Look::Plain(Tone::Strong),
        None,
    )];
    // The room covers the desk's note line: a mark that could not be
    // saved is said here, where the instructor is looking.
    if let Some(super::Note::Trouble(why)) = &d.note {
        specs.push(Spec::Text(why.text(t), Look::Plain(Tone::Bad), None));
    }
    match &room.adding {
        Some(text) => {
            specs.push(Spec::Field {
                label: t.ins_room_add.to_string(),
                value: text.clone(),
                on: true,
                hit: None,
            });
            let matches = room::adding_matches(d, room);
            if text.trim().is_empty() {
                // Nothing typed yet: say what to type, not "nobody found".
                specs.push(Spec::Text(
                    t.ins_room_add_hint.to_string(),
                    Look::Plain(Tone::Muted),
                    None,
                ));
            } else if matches.is_empty() {
                specs.push(Spec::Text(
                    t.ins_residents_no_match.to_string(),
                    Look::Plain(Tone::Muted),
                    None,
                ));
            } else {
                // One a line, numbered, with year and address: namesakes
                // are common, and the number adds the one meant. Only the
                // matches that fit whole are listed (a small screen has
                // room for fewer than five): their numbers are the keys.
                let mut used: u16 = specs.iter().map(|s| height_of(s, inner.width)).sum();
                for (i, r) in matches.iter().enumerate() {
                    let who = crate::i18n::who_line(
                        t,
                        &r.full_name,
                        r.group_no,
                        r.birth_year,
                        &r.household,
                    );
                    let spec = Spec::Text(
                        format!("{}. {who}", i + 1),
                        Look::Plain(Tone::Strong),
                        Some(Hit::AddMatch(i)),
                    );
                    used += height_of(&spec, inner.width);
                    if used > room_above {
                        break;
                    }
                    specs.push(spec);
                }
            }
        }
        None => {
            // A closed class can still be corrected: say so, lest the
            // instructor think the marks go nowhere or to a new class.
            if let Some(ended) = room.class.ended_at {
                specs.push(Spec::Text(
                    fill(t.ins_room_ended, &[("time", &table::clock(ended))]),
                    Look::Plain(Tone::Warning),
                    None,
                ));
            }
        }
    }
    specs.push(Spec::Blank);
    let top_h: u16 = specs.iter().map(|s| height_of(s, inner.width)).sum();
    let top = Rect::new(inner.x, inner.y, inner.width, top_h.min(room_above));
    let list_y = top.bottom();
    let list = Rect::new(
        inner.x,
        list_y,
        inner.width,
        buttons_y.saturating_sub(list_y + 1),
    );
    Laid {
        frame,
        title: fill(t.ins_room_title, &[("topic", &room.class.topic)]),
        tone: Tone::Normal,
        items: place(specs, top),
        list,
        buttons: button_rows(&buttons, inner.x, buttons_y, inner.width, one),
    }
}
