//! Attendance for the whole room on one screen: everyone who signed in
//! today or was marked in this class, one key per person (P present, L late,
//! E excused, A absent; the list then moves to the next person), and `+` to
//! add someone who came without using a seat. Every mark is saved as it is
//! made; the newest mark counts. The same can be done by touch: a row is
//! chosen by clicking it, and each key has its button (placed by
//! `layout.rs`, which also places the add box and the names it finds).

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::Paragraph;

use super::effects::SearchBox;
use super::forms::Modal;
use super::table::{self, Key, Sort, TableRow};
use super::{Desk, Effect, desk};
use crate::i18n::{Texts, fill};
use crate::store::instructor::{AttendanceMark, AttendanceStatus, ClassSession, ResidentSummary};
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
    /// The add box's own answer (resident ids, best first): never the
    /// Residents view's search, which keeps its own text.
    pub found: Option<Vec<String>>,
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
        found: None,
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
    // The database's marks are the room's: one not saved shows as not made.
    for r in &mut room.rows {
        r.status = None;
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

/// One key per mark, in the order the buttons show them.
pub const MARKS: [(char, AttendanceStatus); 4] = [
    ('P', AttendanceStatus::Present),
    ('L', AttendanceStatus::Late),
    ('E', AttendanceStatus::Excused),
    ('A', AttendanceStatus::Absent),
];

/// The mark a key gives: its number (1 to 4) in either language, and on
/// the English screen its initial (P, L, E, A) too. On the Vietnamese
/// screen letters are the start of a name (see [`on_key`]): an instructor
/// typing the next latecomer's name must never mark the room with its
/// letters ("le van" gave late, excused, absent).
fn status_key(c: char, lang: crate::i18n::Lang) -> Option<AttendanceStatus> {
    if let Some(i) = c.to_digit(10).and_then(|d| (d as usize).checked_sub(1)) {
        return MARKS.get(i).map(|(_, s)| *s);
    }
    if lang != crate::i18n::Lang::En {
        return None;
    }
    MARKS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(&c))
        .map(|(_, s)| *s)
}

/// The key shown for `status`: in Vietnamese its number, since the English
/// initials (P present, A absent) mean nothing in "có mặt" or "vắng".
pub fn key_shown(lang: crate::i18n::Lang, status: AttendanceStatus) -> String {
    let at = MARKS.iter().position(|(_, s)| *s == status).unwrap_or(0);
    match lang {
        crate::i18n::Lang::Vi => (at + 1).to_string(),
        crate::i18n::Lang::En => MARKS[at].0.to_string(),
    }
}

/// The key that gives `status` on either screen: its number.
pub fn number_key(status: AttendanceStatus) -> char {
    let at = MARKS.iter().position(|(_, s)| *s == status).unwrap_or(0);
    char::from(b'1' + at as u8)
}

pub fn on_key(app: &mut App, key: KeyEvent, signer: String) -> Vec<AppEffect> {
    let lang = app.lang;
    if matches!(room_of(app), Some(r) if r.adding.is_some()) {
        match key.code {
            // The best match joins the room, marked present.
            KeyCode::Enter => return add_match(app, 0, signer),
            // A number picks another (names have no digits): namesakes
            // are told apart by year and address in the list.
            KeyCode::Char(c @ '1'..='5') => {
                return add_match(app, c as usize - '1' as usize, signer);
            }
            _ => {}
        }
    }
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
                crate::text::telex::erase(text);
                return search(d);
            }
            KeyCode::Char(c) if plain => {
                // Telex, as names are typed everywhere (plain letters stay plain).
                crate::text::telex::type_into(text, c, usize::MAX);
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
        KeyCode::Char('+') => {
            room.adding = Some(String::new());
            room.found = None;
        }
        KeyCode::Char(c) if plain => {
            if let Some(status) = status_key(c, lang) {
                if room.cursor < n {
                    let i = room.cursor;
                    room.cursor = (i + 1).min(n - 1);
                    return mark(room, i, status, signer);
                }
            } else if c.is_alphabetic() {
                // Any other letter starts a name: the add box opens with it.
                let mut text = String::new();
                crate::text::telex::type_into(&mut text, c, usize::MAX);
                room.adding = Some(text);
                room.found = None;
                return search(d);
            }
        }
        _ => {}
    }
    Vec::new()
}

fn room_of(app: &App) -> Option<&Room> {
    match &super::today::view_desk(app)?.modal {
        Some(Modal::Room(r)) => Some(r),
        _ => None,
    }
}

/// How many of the add box's matches are on screen: a small screen lists
/// fewer than five, and a number must never add someone not shown.
fn shown_matches(app: &App) -> usize {
    let Some(d) = super::today::view_desk(app) else {
        return 0;
    };
    let Some(modal) = &d.modal else {
        return 0;
    };
    super::layout::modal(app, d, modal, app.area())
        .items
        .iter()
        .filter(|i| matches!(i.hit, Some(super::layout::Hit::AddMatch(_))))
        .count()
}

/// Match `i` of the add box (0 is the best) joins the room, marked present.
pub fn add_match(app: &mut App, i: usize, signer: String) -> Vec<AppEffect> {
    if i >= shown_matches(app) {
        return Vec::new();
    }
    let Some(d) = desk(app) else {
        return Vec::new();
    };
    let Some(Modal::Room(room)) = &d.modal else {
        return Vec::new();
    };
    let Some((id, name, group)) = adding_matches(d, room)
        .into_iter()
        .nth(i)
        .map(|r| (r.id.clone(), r.full_name.clone(), r.group_no))
    else {
        return Vec::new();
    };
    let Some(Modal::Room(room)) = d.modal.as_mut() else {
        return Vec::new();
    };
    room.adding = None;
    room.found = None;
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
    // Someone in the room already keeps their mark (a "late" is not turned
    // into "present" by finding them again); the cursor is on them.
    if room.rows[i].status.is_some() {
        return Vec::new();
    }
    mark(room, i, AttendanceStatus::Present, signer)
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
    let Some(Modal::Room(room)) = &mut d.modal else {
        return Vec::new();
    };
    let text = room.adding.clone().unwrap_or_default();
    room.found = None;
    if text.trim().is_empty() {
        return Vec::new();
    }
    vec![AppEffect::Instructor(Effect::Search {
        query: text,
        for_box: SearchBox::Room,
    })]
}

/// The database answered the add box's search for `query`: kept only
/// while the box still says that.
pub fn found(d: &mut Desk, query: &str, ids: Vec<String>) {
    if let Some(Modal::Room(room)) = &mut d.modal
        && room.adding.as_deref() == Some(query)
    {
        room.found = Some(ids);
    }
}

/// The residents the add box found, best first: (id, name, group).
pub fn adding_matches<'d>(d: &'d Desk, room: &Room) -> Vec<&'d ResidentSummary> {
    let (Some(ids), Some(all)) = (&room.found, &d.residents) else {
        return Vec::new();
    };
    ids.iter()
        .filter_map(|id| all.iter().find(|r| &r.id == id))
        .take(MAX_ADD_MATCHES)
        .collect()
}

/// Matches listed in the add box; keys 1 to 5 add one of them.
pub const MAX_ADD_MATCHES: usize = 5;

pub fn status_name(t: &Texts, s: Option<AttendanceStatus>) -> &'static str {
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
    let pair = |k: &str, w: &str| (k.to_string(), w.to_string());
    if room.adding.is_some() {
        return vec![
            pair(t.ins_key_letters, t.ins_do_type),
            pair("Enter", t.ins_do_add_first),
            pair("1–5", t.ins_do_add_number),
            pair("Esc", t.ins_do_close),
        ];
    }
    let mut pairs = vec![pair("↑↓", t.ins_do_choose)];
    for (_, status) in MARKS {
        pairs.push(pair(
            &key_shown(app.lang, status),
            status_name(t, Some(status)),
        ));
    }
    pairs.push(pair("+", t.ins_do_add_person));
    pairs.push(pair("Esc", t.ins_do_close));
    pairs
}

/// The counts line at the top of the room.
pub fn summary(app: &App, room: &Room) -> String {
    let count = |s: Option<AttendanceStatus>| room.rows.iter().filter(|r| r.status == s).count();
    fill(
        app.t().ins_room_counts,
        &[
            ("present", &count(Some(AttendanceStatus::Present))),
            ("late", &count(Some(AttendanceStatus::Late))),
            ("excused", &count(Some(AttendanceStatus::Excused))),
            ("absent", &count(Some(AttendanceStatus::Absent))),
            ("unmarked", &count(None)),
        ],
    )
}

/// The people in the room, in `list` (placed by `layout.rs`).
pub fn draw_list(app: &App, room: &Room, frame: &mut Frame, list: Rect) {
    let t = app.t();
    let theme = app.settings.theme;
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
                status_name(t, r.status).to_string(),
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

#[cfg(test)]
mod keys {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn numbers_and_initials_both_mark_and_vietnamese_shows_numbers() {
        use AttendanceStatus::*;
        for (keys, status) in [
            ("1pP", Present),
            ("2lL", Late),
            ("3eE", Excused),
            ("4aA", Absent),
        ] {
            for c in keys.chars() {
                assert_eq!(status_key(c, Lang::En), Some(status), "{c}");
            }
            // On the Vietnamese screen only the number marks.
            let mut chars = keys.chars();
            let number = chars.next().unwrap();
            assert_eq!(status_key(number, Lang::Vi), Some(status));
            for c in chars {
                assert_eq!(status_key(c, Lang::Vi), None, "{c}");
            }
        }
        assert_eq!(status_key('5', Lang::En), None);
        assert_eq!(status_key('0', Lang::Vi), None);
        assert_eq!(key_shown(Lang::Vi, Absent), "4");
        assert_eq!(key_shown(Lang::En, Absent), "A");
    }
}
