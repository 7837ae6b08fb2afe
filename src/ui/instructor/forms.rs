//! Everything drawn on top of a view: opening a class, registering or
//! correcting a resident, recording indicators, the attendance room, and
//! the confirmations (forget a resident, close the class, leave the kiosk),
//! whose safe answer is always the one chosen at first.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use super::room::Room;
use super::{Desk, Effect, desk, leave_kiosk, paragraph};
use crate::config::Indicator;
use crate::i18n::fill;
use crate::store::NewResident;
use crate::store::instructor::ResidentSummary;
use crate::ui::app::{App, CONSENT_VERSION, Effect as AppEffect};
use crate::ui::layout::Tone;

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Class(ClassForm),
    Room(Room),
    Resident(ResidentForm),
    Indicators(IndicatorForm),
    Confirm(Confirm),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    Forget { id: String, name: String },
    CloseClass(String),
    Leave,
}

/// Text fields typed one after the other; Enter moves on, and on the last
/// field saves.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClassForm {
    pub topic: String,
    pub instructor: String,
    pub field: usize,
    pub missing: bool,
}

impl ClassForm {
    pub fn new(instructor: String) -> ClassForm {
        ClassForm {
            instructor,
            ..ClassForm::default()
        }
    }
}

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
}

impl ResidentForm {
    pub fn edit(r: &ResidentSummary) -> ResidentForm {
        ResidentForm {
            id: Some(r.id.clone()),
            fields: [
                r.full_name.clone(),
                r.birth_year.map(|y| y.to_string()).unwrap_or_default(),
                r.group_no.to_string(),
                r.household.clone(),
                r.phone.clone().unwrap_or_default(),
            ],
            ..ResidentForm::default()
        }
    }

    /// The field list: the consent line only when registering.
    fn count(&self) -> usize {
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

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<AppEffect> {
    let signer = {
        let t = app.t();
        super::today::view_desk(app)
            .map(|d| d.signer(t))
            .unwrap_or_default()
    };
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
            let field = if f.field == 0 {
                &mut f.topic
            } else {
                &mut f.instructor
            };
            match key.code {
                KeyCode::Esc => d.modal = None,
                KeyCode::Backspace => {
                    field.pop();
                }
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
                    if let Some(c) = typing(&key)
                        && field.chars().count() < 80
                    {
                        field.push(c);
                    }
                }
            }
            Vec::new()
        }
        Modal::Resident(f) => {
            let n = f.count();
            match key.code {
                KeyCode::Esc => d.modal = None,
                KeyCode::Up | KeyCode::BackTab => f.field = f.field.saturating_sub(1),
                KeyCode::Down | KeyCode::Tab => f.field = (f.field + 1).min(n - 1),
                KeyCode::Char(' ') if f.field == 5 => f.consent = !f.consent,
                KeyCode::Backspace if f.field < 5 => {
                    f.fields[f.field].pop();
                }
                KeyCode::Enter if f.field + 1 < n => f.field += 1,
                KeyCode::Enter => match resident_from_form(f, t) {
                    Ok(person) => {
                        let fx = Effect::SaveResident {
                            id: f.id.clone(),
                            person,
                        };
                        d.modal = None;
                        return vec![AppEffect::Instructor(fx)];
                    }
                    Err(e) => f.error = Some(e),
                },
                _ => {
                    if let Some(c) = typing(&key)
                        && f.field < 5
                        && f.fields[f.field].chars().count() < 100
                    {
                        f.fields[f.field].push(c);
                    }
                }
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
                KeyCode::Char('1') | KeyCode::Esc => Some(false),
                _ => None,
            };
            match yes {
                Some(false) => {
                    d.modal = None;
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
    crate::store::residents::validate(&person).map_err(|e| e.to_string())?;
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
        Modal::Confirm(_) => vec![("1/Esc", t.ins_do_no), ("2", t.ins_do_yes)],
    };
    pairs
        .into_iter()
        .map(|(k, w)| (k.to_string(), w.to_string()))
        .collect()
}

/// A framed box in the middle of `area`.
pub fn boxed(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let h = h.min(area.height.saturating_sub(4)).max(1);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + 3 + (area.height.saturating_sub(4) - h) / 2,
        w,
        h,
    )
}

pub fn view(app: &App, d: &Desk, m: &Modal, frame: &mut Frame, area: Rect) {
    if let Modal::Room(r) = m {
        return super::room::view(app, d, r, frame, area);
    }
    let t = app.t();
    let theme = app.settings.theme;
    let field_line = |label: &str, value: &str, on: bool| {
        let style = if on {
            theme.focus()
        } else {
            theme.tone(Tone::Normal)
        };
        Line::from(vec![
            Span::styled(format!("{label:<22}"), theme.tone(Tone::Strong)),
            Span::styled(format!("[{value}{}]", if on { "▏" } else { "" }), style),
        ])
    };
    let (title, lines, tone) = match m {
        Modal::Room(_) => return,
        Modal::Class(f) => {
            let mut lines = vec![
                field_line(t.ins_form_topic, &f.topic, f.field == 0),
                field_line(t.ins_form_instructor, &f.instructor, f.field == 1),
            ];
            if f.missing {
                lines.push(Line::from(Span::styled(
                    t.ins_form_fill_both,
                    theme.tone(Tone::Bad),
                )));
            }
            (t.ins_open_class_title.to_string(), lines, Tone::Strong)
        }
        Modal::Resident(f) => {
            let labels = [
                t.ins_form_name,
                t.ins_form_year,
                t.ins_form_group,
                t.ins_form_household,
                t.ins_form_phone,
            ];
            let mut lines: Vec<Line> = labels
                .iter()
                .zip(&f.fields)
                .enumerate()
                .map(|(i, (l, v))| field_line(l, v, f.field == i))
                .collect();
            if f.id.is_none() {
                let mark = if f.consent { "[x]" } else { "[ ]" };
                let style = if f.field == 5 {
                    theme.focus()
                } else {
                    theme.tone(Tone::Normal)
                };
                lines.push(Line::from(Span::styled(
                    format!("{mark} {}", t.ins_form_consent),
                    style,
                )));
            }
            if let Some(e) = &f.error {
                lines.push(Line::from(Span::styled(e.clone(), theme.tone(Tone::Bad))));
            }
            let title = if f.id.is_some() {
                t.ins_correct_title
            } else {
                t.ins_register_title
            };
            (title.to_string(), lines, Tone::Strong)
        }
        Modal::Indicators(f) => {
            let mut lines = vec![Line::from(Span::styled(
                fill(t.ins_indicators_for, &[("name", &f.name)]),
                theme.tone(Tone::Strong),
            ))];
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
                let style = if i == f.cursor {
                    theme.focus()
                } else {
                    theme.tone(Tone::Normal)
                };
                lines.push(Line::from(Span::styled(format!("{mark} {name}"), style)));
            }
            (t.ins_indicators_title.to_string(), lines, Tone::Strong)
        }
        Modal::Confirm(c) => {
            let text = match c {
                Confirm::Forget { name, .. } => fill(t.ins_confirm_forget, &[("name", name)]),
                Confirm::CloseClass(_) => t.ins_confirm_close_class.to_string(),
                Confirm::Leave => t.ins_confirm_leave.to_string(),
            };
            let lines = vec![
                Line::from(Span::styled(text, theme.tone(Tone::Strong))),
                Line::from(""),
                Line::from(vec![
                    Span::styled(format!(" 1  {} ", t.ins_do_no), theme.focus()),
                    Span::raw("    "),
                    Span::styled(format!(" 2  {} ", t.ins_do_yes), theme.tone(Tone::Warning)),
                ]),
            ];
            (t.ins_confirm_title.to_string(), lines, Tone::Warning)
        }
    };
    let h = lines.len() as u16 + 4;
    let r = boxed(area, 76, h.max(7));
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.frame(tone))
        .title(Span::styled(format!(" {title} "), theme.title()))
        .style(theme.base());
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let inner = Rect::new(
        inner.x + 1,
        inner.y + 1,
        inner.width.saturating_sub(2),
        inner.height.saturating_sub(1),
    );
    frame.render_widget(paragraph(lines, theme.base()), inner);
}
