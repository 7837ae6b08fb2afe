//! Everything drawn on top of a view: opening a class, registering or
//! correcting a resident, recording indicators, the attendance room, and
//! the confirmations (forget a resident, close the class, leave the kiosk),
//! whose safe answer is always the one chosen at first. Where each part
//! goes is `layout.rs`; keys and clicks both end in [`on_key`].

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};

use super::layout::{self, Content, Hit, Look};
use super::room::Room;
use super::{Desk, Effect, desk, leave_kiosk, table};
use crate::config::Indicator;
use crate::store::NewResident;
use crate::store::instructor::ResidentSummary;
use crate::text::telex;
use crate::ui::app::{App, CONSENT_VERSION, Effect as AppEffect};
use crate::ui::layout::{Button, Target, Tone};
use crate::ui::widgets;

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Class(ClassForm),
    Room(Room),
    Resident(ResidentForm),
    Indicators(IndicatorForm),
    Confirm(Confirm),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    Forget {
        id: String,
        name: String,
    },
    CloseClass(String),
    Leave,
    /// Esc on a form (a resident's, a class's) with something typed or
    /// changed: the form, to go back to on "No".
    DropForm(Box<Modal>),
}

/// Text fields typed one after the other; Enter moves on, and on the last
/// field saves.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClassForm {
    pub topic: String,
    pub instructor: String,
    pub field: usize,
    pub missing: bool,
    /// The topic of the class still open, which opening this one ends.
    pub ends: Option<String>,
    /// The instructor's name the form opened with.
    pub given: String,
}

impl ClassForm {
    pub fn new(instructor: String, ends: Option<String>) -> ClassForm {
        ClassForm {
            given: instructor.clone(),
            instructor,
            ends,
            ..ClassForm::default()
        }
    }

    /// Something was typed or changed since the form opened.
    pub fn changed(&self) -> bool {
        !self.topic.trim().is_empty() || self.instructor != self.given
    }
}

/// The fields of [`ResidentForm`] typed as words (the others are numbers).
const RESIDENT_NAME: usize = 0;
const RESIDENT_HOUSEHOLD: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResidentForm {
    /// `None` registers someone new.
    pub id: Option<String>,
    /// name, birth year, group, household, phone
    pub fields: [String; 5],
    pub field: usize,
    /// New residents only: they agreed after hearing what is stored.
    pub consent: bool,
    pub error: Option<String>,
    /// Someone alike is registered already (shown on the form); saving
    /// again registers this person anyway.
    pub known: Option<crate::store::Resident>,
    pub even_if_known: bool,
    /// The fields as the form opened, to tell whether anything changed
    /// (boxed: a form travels inside every modal).
    pub original: Box<[String; 5]>,
}

impl ResidentForm {
    pub fn edit(r: &ResidentSummary) -> ResidentForm {
        let fields = [
            r.full_name.clone(),
            r.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            r.group_no.to_string(),
            r.household.clone(),
            r.phone.clone().unwrap_or_default(),
        ];
        ResidentForm {
            id: Some(r.id.clone()),
            original: Box::new(fields.clone()),
            fields,
            ..ResidentForm::default()
        }
    }

    /// Something was typed or changed since the form opened.
    pub fn changed(&self) -> bool {
        self.fields != *self.original
    }

    /// The field list: the consent line only when registering.
    pub fn count(&self) -> usize {
        if self.id.is_none() { 6 } else { 5 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorForm {
    pub resident_id: String,
    pub name: String,
    /// (indicator id, reached)
    pub items: Vec<(String, bool)>,
    pub cursor: usize,
}

impl IndicatorForm {
    pub fn new(r: &ResidentSummary, indicators: &[Indicator]) -> IndicatorForm {
        IndicatorForm {
            resident_id: r.id.clone(),
            name: r.full_name.clone(),
            items: indicators
                .iter()
                .map(|i| (i.id.clone(), r.indicators.contains(&i.id)))
                .collect(),
            cursor: 0,
        }
    }
}

fn typing(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// The name that signs marks made now.
fn signer(app: &App) -> String {
    let t = app.t();
    super::today::view_desk(app)
        .map(|d| d.signer(t))
        .unwrap_or_default()
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<AppEffect> {
    let signer = signer(app);
    let t = app.t();
    let Some(d) = desk(app) else {
        return Vec::new();
    };
    let Some(modal) = d.modal.as_mut() else {
        return Vec::new();
    };
    match modal {
        Modal::Room(_) => super::room::on_key(app, key, signer),
        Modal::Class(f) => {
            let changed = f.changed();
            let field = if f.field == 0 {
                &mut f.topic
            } else {
                &mut f.instructor
            };
            match key.code {
                // What was typed is not thrown away by one key.
                KeyCode::Esc if changed => {
                    let form = Modal::Class(f.clone());
                    d.modal = Some(Modal::Confirm(Confirm::DropForm(Box::new(form))));
                }
                KeyCode::Esc => d.modal = None,
                KeyCode::Backspace => telex::erase(field),
                KeyCode::Up | KeyCode::BackTab => f.field = 0,
                KeyCode::Down | KeyCode::Tab => f.field = 1,
                KeyCode::Enter if f.field == 0 => f.field = 1,
                KeyCode::Enter => {
                    if f.topic.trim().is_empty() || f.instructor.trim().is_empty() {
                        f.missing = true;
                    } else {
                        let fx = Effect::OpenClass {
                            topic: f.topic.trim().to_string(),
                            instructor: f.instructor.trim().to_string(),
                        };
                        d.modal = None;
                        return vec![AppEffect::Instructor(fx)];
                    }
                }
                _ => {
                    // Topic and name are words: Telex accents.
                    if let Some(c) = typing(&key) {
                        telex::type_into(field, c, 80);
                    }
                }
            }
            Vec::new()
        }
        Modal::Resident(f) => {
            let n = f.count();
            match key.code {
                // Typing is not thrown away by one key: asked first, as on
                // the learner's form.
                KeyCode::Esc if f.changed() => {
                    let form = Modal::Resident(f.clone());
                    d.modal = Some(Modal::Confirm(Confirm::DropForm(Box::new(form))));
                }
                KeyCode::Esc => d.modal = None,
                KeyCode::Up | KeyCode::BackTab => f.field = f.field.saturating_sub(1),
                KeyCode::Down | KeyCode::Tab => f.field = (f.field + 1).min(n - 1),
                KeyCode::Char(' ') if f.field == 5 => {
                    f.consent = !f.consent;
                    // "Needs their agreement" no longer holds once ticked.
                    if f.consent && f.error.as_deref() == Some(t.ins_form_need_consent) {
                        f.error = None;
                    }
                }
                KeyCode::Backspace if f.field < 5 => telex::erase(&mut f.fields[f.field]),
                KeyCode::Enter if f.field + 1 < n => f.field += 1,
                KeyCode::Enter => match resident_from_form(f, t) {
                    Ok(person) => {
                        let fx = Effect::SaveResident {
                            id: f.id.clone(),
                            person,
                            form: Box::new(f.clone()),
                        };
                        d.modal = None;
                        return vec![AppEffect::Instructor(fx)];
                    }
                    Err(e) => f.error = Some(e),
                },
                _ => match typing(&key) {
                    // Name and household address are words: Telex accents.
                    Some(c) if matches!(f.field, RESIDENT_NAME | RESIDENT_HOUSEHOLD) => {
                        telex::type_into(&mut f.fields[f.field], c, 100);
                    }
                    // Year, group and phone take digits, said at once (as
                    // on the learner's form) rather than on saving.
                    Some(c) if f.field < 5 => {
                        let (ok, max) = crate::ui::register::accepts(f.field, c);
                        if !ok {
                            f.error = Some(t.reg_err_digits.to_string());
                        } else {
                            if f.error.as_deref() == Some(t.reg_err_digits) {
                                f.error = None;
                            }
                            if f.fields[f.field].chars().count() < max {
                                f.fields[f.field].push(c);
                            }
                        }
                    }
                    _ => {}
                },
            }
            Vec::new()
        }
        Modal::Indicators(f) => {
            match key.code {
                KeyCode::Esc => d.modal = None,
                KeyCode::Up => f.cursor = f.cursor.saturating_sub(1),
                KeyCode::Down => f.cursor = (f.cursor + 1).min(f.items.len().saturating_sub(1)),
                KeyCode::Enter | KeyCode::Char(' ') => {
                    if let Some((id, reached)) = f.items.get_mut(f.cursor) {
                        *reached = !*reached;
                        return vec![AppEffect::Instructor(Effect::Indicator {
                            resident_id: f.resident_id.clone(),
                            indicator: id.clone(),
                            reached: *reached,
                            by: signer,
                        })];
                    }
                }
                _ => {}
            }
            Vec::new()
        }
        Modal::Confirm(what) => {
            let what = what.clone();
            let yes = match key.code {
                KeyCode::Char('2') => Some(true),
                // Enter gives the lit answer, the safe one (as on learner screens).
                KeyCode::Char('1') | KeyCode::Esc | KeyCode::Enter => Some(false),
                _ => None,
            };
            match yes {
                Some(false) => {
                    d.modal = match what {
                        Confirm::DropForm(form) => Some(*form),
                        _ => None,
                    };
                    Vec::new()
                }
                Some(true) => {
                    d.modal = None;
                    confirmed(app, what)
                }
                None => Vec::new(),
            }
        }
    }
}

fn confirmed(app: &mut App, what: Confirm) -> Vec<AppEffect> {
    match what {
        Confirm::Forget { id, .. } => vec![AppEffect::Instructor(Effect::Forget(id))],
        Confirm::CloseClass(id) => vec![AppEffect::Instructor(Effect::CloseClass(id))],
        Confirm::Leave => leave_kiosk(app),
        Confirm::DropForm(_) => Vec::new(),
    }
}

/// Checks the typed fields; the store checks them again.
fn resident_from_form(f: &ResidentForm, t: &crate::i18n::Texts) -> Result<NewResident, String> {
    let [name, year, group, household, phone] = &f.fields;
    if name.trim().is_empty() {
        return Err(t.ins_form_need_name.to_string());
    }
    let birth_year: i32 = year
        .trim()
        .parse()
        .map_err(|_| t.ins_form_bad_year.to_string())?;
    let group_no: i64 = group
        .trim()
        .parse()
        .ok()
        .filter(|g| *g >= 1)
        .ok_or_else(|| t.ins_form_bad_group.to_string())?;
    if f.id.is_none() && !f.consent {
        return Err(t.ins_form_need_consent.to_string());
    }
    let person = NewResident {
        full_name: name.trim().to_string(),
        birth_year,
        group_no,
        household: household.trim().to_string(),
        phone: Some(phone.trim().to_string()).filter(|p| !p.is_empty()),
        consent_version: f.id.is_none().then(|| CONSENT_VERSION.to_string()),
    };
    // The store's reason in the screen's words (its own are English).
    crate::store::residents::validate(&person).map_err(|e| {
        crate::commands::residents::refusal(&e, &person, t)
            .map_or_else(|| e.to_string(), |(_, why)| why)
    })?;
    Ok(person)
}

/// The keys named under a form.
pub fn footer(app: &App, _d: &Desk, m: &Modal) -> Vec<(String, String)> {
    let t = app.t();
    let pairs: Vec<(&str, &str)> = match m {
        Modal::Room(r) => return super::room::footer(app, r),
        Modal::Class(_) | Modal::Resident(_) => vec![
            (t.ins_key_letters, t.ins_do_type),
            ("↑↓", t.ins_do_field),
            ("Enter", t.ins_do_next_save),
            ("Esc", t.ins_do_cancel),
        ],
        Modal::Indicators(_) => vec![
            ("↑↓", t.ins_do_choose),
            ("Enter", t.ins_do_toggle_reached),
            ("Esc", t.ins_do_close),
        ],
        Modal::Confirm(_) => vec![("1/Enter/Esc", t.ins_do_no), ("2", t.ins_do_yes)],
    };
    pairs
        .into_iter()
        .map(|(k, w)| (k.to_string(), w.to_string()))
        .collect()
}

/// Draws the form `m` where [`layout::modal`] puts it.
pub fn view(app: &App, d: &Desk, m: &Modal, frame: &mut Frame, area: Rect) {
    let laid = layout::modal(app, d, m, area);
    let theme = app.settings.theme;
    frame.render_widget(Clear, laid.frame);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.frame(laid.tone))
        .title(Span::styled(format!(" {} ", laid.title), theme.title()))
        .style(theme.base());
    frame.render_widget(block, laid.frame);
    draw_items(app, &laid, frame);
    if let Modal::Room(r) = m {
        super::room::draw_list(app, r, frame, laid.list);
    }
    let buf = frame.buffer_mut();
    for b in &laid.buttons {
        let button = Button {
            // Only the look is used: what a click does is `b.hit`.
            target: Target::Next,
            label: b.label.clone(),
            primary: b.primary,
        };
        widgets::draw_button(buf, theme, b.rect, &button, b.lit);
    }
}

fn draw_items(app: &App, laid: &layout::Laid, frame: &mut Frame) {
    let theme = app.settings.theme;
    let base = theme.base();
    let buf = frame.buffer_mut();
    for item in &laid.items {
        let r = item.rect;
        match &item.content {
            Content::Lines(lines, look) => {
                let style = match look {
                    Look::Focus => theme.focus(),
                    Look::Plain(tone) => base.patch(theme.tone(*tone)),
                };
                if *look == Look::Focus {
                    widgets::fill(buf, r, style);
                }
                for (i, line) in lines.iter().enumerate() {
                    widgets::put(buf, r, r.x, r.y + i as u16, line, style);
                }
            }
            Content::Field {
                label,
                label_w,
                value,
                on,
            } => {
                let strong = base.patch(theme.tone(Tone::Strong));
                widgets::put(buf, r, r.x, r.y, label, strong);
                let x = r.x + label_w;
                // Room for the text between "[" and "▏]": its end shows.
                let room = r.right().saturating_sub(x + 3) as usize;
                let shown = tail_fitting(value, room);
                let text = if *on {
                    format!("[{shown}▏]")
                } else {
                    format!("[{shown}]")
                };
                let style = if *on {
                    theme.focus()
                } else {
                    base.patch(theme.tone(Tone::Normal))
                };
                widgets::put(buf, r, x, r.y, &text, style);
            }
        }
    }
}

/// The end of `s` that fits in `width` columns.
fn tail_fitting(s: &str, width: usize) -> String {
    let mut w = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w > width {
            break;
        }
        start = i;
    }
    s[start..].to_string()
}

/// A click or touch on a form: the same change the matching key makes.
pub fn on_mouse(app: &mut App, m: MouseEvent) -> Vec<AppEffect> {
    let area = app.area();
    let Some(d) = super::today::view_desk(app) else {
        return Vec::new();
    };
    let Some(modal) = &d.modal else {
        return Vec::new();
    };
    let laid = layout::modal(app, d, modal, area);
    if let Modal::Room(room) = modal {
        match m.kind {
            MouseEventKind::ScrollUp => return on_key(app, key(KeyCode::Up)),
            MouseEventKind::ScrollDown => return on_key(app, key(KeyCode::Down)),
            _ => {}
        }
        let row = table::row_at(laid.list, room.cursor, room.rows.len(), m.row)
            .filter(|_| m.column >= laid.list.x && m.column < laid.list.right());
        if let Some(i) = row {
            if let Some(Modal::Room(room)) = desk(app).and_then(|d| d.modal.as_mut()) {
                room.cursor = i;
            }
            return Vec::new();
        }
    }
    if !matches!(m.kind, MouseEventKind::Down(_)) {
        return Vec::new();
    }
    let Some(hit) = laid.hit(m.column, m.row) else {
        return Vec::new();
    };
    let set_field = |app: &mut App, i: usize| match desk(app).and_then(|d| d.modal.as_mut()) {
        Some(Modal::Class(f)) => f.field = i.min(1),
        Some(Modal::Resident(f)) => f.field = i.min(f.count() - 1),
        _ => {}
    };
    match hit {
        Hit::Field(i) => {
            set_field(app, i);
            Vec::new()
        }
        Hit::Consent => {
            set_field(app, 5);
            on_key(app, key(KeyCode::Char(' ')))
        }
        // Saving is Enter on the last field.
        Hit::Save => {
            set_field(app, usize::MAX);
            on_key(app, key(KeyCode::Enter))
        }
        Hit::Cancel => on_key(app, key(KeyCode::Esc)),
        Hit::Toggle(i) => {
            if let Some(Modal::Indicators(f)) = desk(app).and_then(|d| d.modal.as_mut()) {
                f.cursor = i;
            }
            on_key(app, key(KeyCode::Enter))
        }
        Hit::No => on_key(app, key(KeyCode::Char('1'))),
        Hit::Yes => on_key(app, key(KeyCode::Char('2'))),
        Hit::Mark(status) => on_key(app, key(KeyCode::Char(super::room::number_key(status)))),
        Hit::Add => on_key(app, key(KeyCode::Char('+'))),
        Hit::AddMatch(i) => {
            let signer = signer(app);
            super::room::add_match(app, i, signer)
        }
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}
