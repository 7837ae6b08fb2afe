//! Attendance for the whole room on one screen: everyone who signed in
//! today or was marked in this class, one key per person (P present, L late,
//! E excused, A absent; the list then moves to the next person), and `+` to
//! add someone who came without using a seat. Every mark is saved as it is
//! made; the newest mark counts.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::forms::Modal;
use super::table::{self, Key, Sort, TableRow};
use super::{Desk, Effect, desk};
use crate::i18n::fill;
use crate::store::instructor::{AttendanceMark, AttendanceStatus, ClassSession};
use crate::ui::app::{App, Effect as AppEffect};
use crate::ui::layout::Tone;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomRow {
    pub resident_id: String,
    pub name: String,
    pub group: i64,
    pub status: Option<AttendanceStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room {
    pub class: ClassSession,
    pub rows: Vec<RoomRow>,
    pub cursor: usize,
    /// Adding someone: the search text, when the box is open.
    pub adding: Option<String>,
}

/// Opens the room for `class`: today's learners at once, then the marks
/// already made (and people marked who did not sign in) from the database.
pub fn open(app: &mut App, class: ClassSession) -> Vec<AppEffect> {
    // The add box finds people among all residents: have them at hand.
    let residents = super::load(app, super::Tab::Residents);
    let Some(d) = desk(app) else {
        return Vec::new();
    };
    let rows = d
        .today
        .as_ref()
        .map(|t| {
            t.learners
                .iter()
                .map(|l| RoomRow {
                    resident_id: l.resident_id.clone(),
                    name: l.full_name.clone(),
                    group: l.group_no,
                    status: None,
                })
                .collect()
        })
        .unwrap_or_default();
    let id = class.id.clone();
    d.modal = Some(Modal::Room(Room {
        class,
        rows,
        cursor: 0,
        adding: None,
    }));
    vec![AppEffect::Instructor(Effect::LoadRoom(id)), residents]
}

/// The marks arrived from the database.
pub fn loaded(d: &mut Desk, class_id: String, marks: Vec<AttendanceMark>) {
    let Some(Modal::Room(room)) = d.modal.as_mut() else {
        return;
    };
    if room.class.id != class_id {
        return;
    }
    for m in marks {
        match room
            .rows
            .iter_mut()
            .find(|r| r.resident_id == m.resident_id)
        {
            Some(r) => r.status = Some(m.status),
            None => room.rows.push(RoomRow {
                resident_id: m.resident_id,
                name: m.full_name,
                group: m.group_no,
                status: Some(m.status),
            }),
        }
    }
}

fn status_key(c: char) -> Option<AttendanceStatus> {
    match c.to_ascii_lowercase() {
        'p' => Some(AttendanceStatus::Present),
        'l' => Some(AttendanceStatus::Late),
        'e' => Some(AttendanceStatus::Excused),
        'a' => Some(AttendanceStatus::Absent),
        _ => None,
    }
}

pub fn on_key(app: &mut App, key: KeyEvent, signer: String) -> Vec<AppEffect> {
    // People found for the add box, before the desk is borrowed.
    let found = adding_matches(app);
    let Some(d) = desk(app) else {
        return Vec::new();
    };
    let Some(Modal::Room(room)) = d.modal.as_mut() else {
        return Vec::new();
    };
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if let Some(text) = room.adding.as_mut() {
        match key.code {
            KeyCode::Esc => room.adding = None,
            KeyCode::Backspace => {
                text.pop();
                return search(d);
            }
            KeyCode::Enter => {
                // The best match joins the room, marked present.
                if let Some((id, name, group)) = found.into_iter().next() {
                    room.adding = None;
                    if !room.rows.iter().any(|r| r.resident_id == id) {
                        room.rows.push(RoomRow {
                            resident_id: id.clone(),
                            name,
                            group,
                            status: None,
                        });
                    }
                    let i = room
                        .rows
                        .iter()
                        .position(|r| r.resident_id == id)
                        .unwrap_or(0);
                    room.cursor = i;
                    return mark(room, i, AttendanceStatus::Present, signer);
                }
            }
            KeyCode::Char(c) if plain => {
                text.push(c);
                return search(d);
            }
            _ => {}
        }
        return Vec::new();
    }
    let n = room.rows.len();
    match key.code {
        KeyCode::Esc => d.modal = None,
        KeyCode::Up => room.cursor = room.cursor.saturating_sub(1),
        KeyCode::Down => room.cursor = (room.cursor + 1).min(n.saturating_sub(1)),
        KeyCode::PageUp => room.cursor = room.cursor.saturating_sub(10),
        KeyCode::PageDown => room.cursor = (room.cursor + 10).min(n.saturating_sub(1)),
        KeyCode::Char('+') => room.adding = Some(String::new()),
        KeyCode::Char(c) if plain => {
            if let Some(status) = status_key(c)
                && room.cursor < n
            {
                let i = room.cursor;
                room.cursor = (i + 1).min(n - 1);
                return mark(room, i, status, signer);
            }
        }
        _ => {}
    }
    Vec::new()
}

fn mark(room: &mut Room, i: usize, status: AttendanceStatus, by: String) -> Vec<AppEffect> {
    let Some(row) = room.rows.get_mut(i) else {
        return Vec::new();
    };
    row.status = Some(status);
    vec![AppEffect::Instructor(Effect::Mark {
        class_id: room.class.id.clone(),
        resident_id: row.resident_id.clone(),
        status,
        by,
    })]
}

/// Looks the add box's text up in the database.
fn search(d: &mut Desk) -> Vec<AppEffect> {
    let Some(Modal::Room(room)) = &d.modal else {
        return Vec::new();
    };
    let text = room.adding.clone().unwrap_or_default();
    d.search = text.clone();
    d.found = None;
    if text.trim().is_empty() {
        return Vec::new();
    }
    vec![AppEffect::Instructor(Effect::Search(text))]
}

/// The residents the add box found, best first: (id, name, group).
fn adding_matches(app: &App) -> Vec<(String, String, i64)> {
    let Some(d) = super::today::view_desk(app) else {
        return Vec::new();
    };
    let (Some(ids), Some(all)) = (&d.found, &d.residents) else {
        return Vec::new();
    };
    ids.iter()
        .filter_map(|id| all.iter().find(|r| &r.id == id))
        .take(5)
        .map(|r| (r.id.clone(), r.full_name.clone(), r.group_no))
        .collect()
}

fn status_name(app: &App, s: Option<AttendanceStatus>) -> &'static str {
    let t = app.t();
    match s {
        None => t.ins_att_unmarked,
        Some(AttendanceStatus::Present) => t.ins_att_present,
        Some(AttendanceStatus::Late) => t.ins_att_late,
        Some(AttendanceStatus::Excused) => t.ins_att_excused,
        Some(AttendanceStatus::Absent) => t.ins_att_absent,
    }
}

pub fn footer(app: &App, room: &Room) -> Vec<(String, String)> {
    let t = app.t();
    let pairs: Vec<(&str, &str)> = if room.adding.is_some() {
        vec![
            (t.ins_key_letters, t.ins_do_type),
            ("Enter", t.ins_do_add_first),
            ("Esc", t.ins_do_close),
        ]
    } else {
        vec![
            ("↑↓", t.ins_do_choose),
            ("P", t.ins_att_present),
            ("L", t.ins_att_late),
            ("E", t.ins_att_excused),
            ("A", t.ins_att_absent),
            ("+", t.ins_do_add_person),
            ("Esc", t.ins_do_close),
        ]
    };
    pairs
        .into_iter()
        .map(|(k, w)| (k.to_string(), w.to_string()))
        .collect()
}

pub fn view(app: &App, _d: &Desk, room: &Room, frame: &mut Frame, area: Rect) {
    let t = app.t();
    let theme = app.settings.theme;
    // Stop above the footer: it names P/L/E/A, and on a narrow screen it
    // needs three lines, which a fixed margin of two used to cover.
    let footer_h = super::shell_areas(area).footer.height;
    let r = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2 + footer_h),
    );
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(
            format!(
                " {} ",
                fill(t.ins_room_title, &[("topic", &room.class.topic)])
            ),
            theme.title(),
        ))
        .style(theme.base());
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let count = |s: Option<AttendanceStatus>| room.rows.iter().filter(|r| r.status == s).count();
    let summary = fill(
        t.ins_room_counts,
        &[
            ("present", &count(Some(AttendanceStatus::Present))),
            ("late", &count(Some(AttendanceStatus::Late))),
            ("excused", &count(Some(AttendanceStatus::Excused))),
            ("absent", &count(Some(AttendanceStatus::Absent))),
            ("unmarked", &count(None)),
        ],
    );
    let mut top = vec![Line::from(Span::styled(summary, theme.tone(Tone::Strong)))];
    let matches = adding_matches(app);
    if let Some(text) = &room.adding {
        top.push(Line::from(vec![
            Span::styled(format!("{} ", t.ins_room_add), theme.tone(Tone::Strong)),
            Span::styled(format!("[{text}▏]"), theme.focus()),
        ]));
        let names: Vec<String> = matches
            .iter()
            .map(|(_, n, g)| fill(t.ins_room_match, &[("name", n), ("group", g)]))
            .collect();
        top.push(Line::from(Span::styled(
            if names.is_empty() {
                t.ins_residents_no_match.to_string()
            } else {
                names.join("  ·  ")
            },
            theme.tone(Tone::Muted),
        )));
    }
    let top_h = top.len() as u16;
    frame.render_widget(
        Paragraph::new(top).style(theme.base()),
        Rect::new(inner.x, inner.y, inner.width, top_h.min(inner.height)),
    );
    let list = Rect::new(
        inner.x,
        inner.y + top_h + 1,
        inner.width,
        inner.height.saturating_sub(top_h + 1),
    );
    if room.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(t.ins_room_empty).style(theme.tone(Tone::Muted)),
            list,
        );
        return;
    }
    let rows: Vec<TableRow> = room
        .rows
        .iter()
        .map(|r| TableRow {
            id: r.resident_id.clone(),
            cells: vec![
                r.name.clone(),
                r.group.to_string(),
                status_name(app, r.status).to_string(),
            ],
            keys: vec![Key::None, Key::None, Key::None],
            tone: match r.status {
                None => Tone::Warning,
                Some(AttendanceStatus::Absent) => Tone::Muted,
                _ => Tone::Normal,
            },
        })
        .collect();
    let headers = [t.ins_col_name, t.ins_col_group, t.ins_col_status];
    let widths = [
        Constraint::Fill(2),
        Constraint::Length(4),
        Constraint::Fill(1),
    ];
    table::draw(
        app,
        frame,
        list,
        (&headers, &widths),
        &rows,
        room.cursor,
        Sort {
            column: usize::MAX,
            descending: false,
        },
    );
}
