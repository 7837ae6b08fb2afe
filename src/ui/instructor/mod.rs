//! Instructor mode: a PIN-protected desk inside the kiosk for the person
//! running the class. The configured `instructor_key` (never named on a
//! learner screen) sends `Msg::InstructorKey`, which calls [`open`]; while
//! `Screen::Instructor` is on show, keys and clicks come straight here and
//! [`view`] draws.
//!
//! The same Elm shape as the learner screens: [`Instructor`] is all the
//! state, keys become changes of it in the `on_*` functions (called only from
//! `app::update`), database work goes out as [`Effect`]s that [`execute`]
//! carries out in the runtime's one place for effects, and comes back as
//! [`Reply`]s. Drawing is a pure function of the state.
//!
//! Files: `pin.rs` (the PIN prompt and "no PIN yet"), one file per view
//! (`today.rs`, `residents.rs`, `modules.rs`, `groups.rs`), `room.rs`
//! (attendance for the whole room), `forms.rs` (open a class, register or
//! correct a resident, indicators, confirmations), `layout.rs` (where the
//! parts of forms and the room go, for drawing and for clicks), `table.rs`
//! (the sortable table all views share), `effects.rs` (the store calls).

mod effects;
mod forms;
mod groups;
mod layout;
mod modules;
mod pin;
mod residents;
mod room;
mod table;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_clicks;
#[cfg(test)]
mod tests_render;
mod today;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::app::{Action, App, Effect as AppEffect, EndWhy, Screen};
use super::layout::Page;
use crate::config::{Config, Indicator};
use crate::i18n::Texts;
use crate::store::instructor::{
    GroupStats, ModuleStats, QuestionStats, ResidentSummary, Today as TodayData,
};

pub use effects::{Effect, LogLine, Reply, SearchBox, Why, execute, load};
pub use forms::{Confirm, Modal};
pub use pin::PinNote;
pub use table::Sort;

/// The parts of `kiosk.toml` instructor mode needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub idle_ms: i64,
    pub stuck_minutes: u64,
    pub target_percent: u8,
    pub indicators: Vec<Indicator>,
}

impl Settings {
    pub fn from_config(cfg: &Config) -> Settings {
        Settings {
            idle_ms: (cfg.instructor_idle_secs as i64).saturating_mul(1000),
            stuck_minutes: cfg.stuck_minutes,
            target_percent: cfg.target_percent,
            indicators: cfg.indicators.clone(),
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            idle_ms: 600_000,
            stuck_minutes: 15,
            target_percent: 70,
            indicators: crate::config::default_indicators(),
        }
    }
}

/// Instructor-mode state.
#[derive(Debug, Clone, PartialEq)]
pub struct Instructor {
    /// The learner screen to return to.
    pub previous: Box<Screen>,
    pub stage: Stage,
}

impl Instructor {
    pub fn new(previous: Screen) -> Instructor {
        Instructor {
            previous: Box::new(previous),
            stage: Stage::Pin(pin::PinEntry::default()),
        }
    }
}

/// Where in instructor mode we are.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    Pin(pin::PinEntry),
    /// No PIN has been set on this database: say how to set one.
    NoPin,
    Desk(Box<Desk>),
}

/// The four views, each one key away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Today,
    Residents,
    Modules,
    Groups,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Today, Tab::Residents, Tab::Modules, Tab::Groups];

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn name(self, t: &Texts) -> &'static str {
        match self {
            Tab::Today => t.ins_tab_today,
            Tab::Residents => t.ins_tab_residents,
            Tab::Modules => t.ins_tab_modules,
            Tab::Groups => t.ins_tab_groups,
        }
    }
}

/// A short message at the top of the desk until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    Saved,
    /// A resident's personal details were erased.
    Erased,
    Trouble(Why),
    NeedClass,
}

/// The instructor's desk after the PIN: the loaded figures of each view,
/// the row chosen and the sort of each table, and any form on top.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Desk {
    pub tab: usize,
    pub today: Option<TodayData>,
    pub residents: Option<Vec<ResidentSummary>>,
    pub modules: Option<Vec<ModuleStats>>,
    /// The item analysis on show: module id and its questions.
    pub questions: Option<(String, Vec<QuestionStats>)>,
    pub groups: Option<Vec<GroupStats>>,
    /// Row chosen in each view's table (in its shown order).
    pub cursor: [usize; 4],
    pub sort: [Sort; 4],
    /// The Residents search box, and the ids it found in rank order.
    pub search: String,
    pub found: Option<Vec<String>>,
    pub modal: Option<Modal>,
    pub note: Option<Note>,
    /// When the Today view reads the room again (monotonic ms): learners
    /// sign in, move on and get stuck at other seats while it is watched.
    pub today_due: i64,
}

impl Desk {
    pub fn tab(&self) -> Tab {
        Tab::ALL[self.tab.min(3)]
    }

    /// The name that signs attendance marks and indicator checks: the
    /// instructor of today's class, if one is open.
    pub fn signer(&self, t: &Texts) -> String {
        self.today
            .as_ref()
            .and_then(|d| d.class.as_ref())
            .map(|c| c.instructor.clone())
            .unwrap_or_else(|| t.ins_signer_default.to_string())
    }
}

/// Opens instructor mode at the PIN prompt (asking the database first
/// whether a PIN has been set).
pub fn open(app: &mut App) -> Vec<AppEffect> {
    if matches!(app.screen, Screen::Instructor(_)) {
        return Vec::new();
    }
    app.overlay = None;
    let previous = std::mem::replace(&mut app.screen, Screen::Welcome);
    app.go(Screen::Instructor(Instructor::new(previous)));
    vec![AppEffect::Instructor(Effect::CheckPinSet)]
}

/// Leaves instructor mode back to the learner screen exactly as it was.
pub(crate) fn close(app: &mut App) {
    if let Screen::Instructor(s) = &app.screen {
        let previous = (*s.previous).clone();
        app.go(previous);
    }
}

/// When instructor mode logs itself out if nothing is pressed.
pub fn deadline(app: &App) -> i64 {
    app.last_input + app.settings.instructor.idle_ms
}

/// The clock ticked: log out after the idle time. The effect only writes a
/// line to the log, and makes the runtime redraw.
pub fn tick(app: &mut App) -> Vec<AppEffect> {
    if matches!(app.screen, Screen::Instructor(_)) && app.now >= deadline(app) {
        close(app);
        return vec![AppEffect::Instructor(Effect::LoggedOutIdle)];
    }
    let now = app.now;
    match desk(app) {
        Some(d) if today_due(d).is_some_and(|due| now >= due) => {
            d.today_due = now + TODAY_REFRESH_MS;
            vec![effects::load(app, Tab::Today)]
        }
        _ => Vec::new(),
    }
}

/// How often the Today view reads the room again while it is on show.
pub const TODAY_REFRESH_MS: i64 = 10_000;

/// When the Today view is next read again: only while it is on show with
/// no form over it, so that nothing moves under a form being filled in.
fn today_due(d: &Desk) -> Option<i64> {
    (d.tab() == Tab::Today && d.modal.is_none()).then_some(d.today_due)
}

/// The instructor mode's next wake-up: its idle logout, or the Today
/// view's next reading, whichever comes first.
pub fn next_deadline(app: &App) -> i64 {
    let idle = deadline(app);
    today::view_desk(app)
        .and_then(today_due)
        .map_or(idle, |due| due.min(idle))
}

fn state(app: &mut App) -> Option<&mut Instructor> {
    match &mut app.screen {
        Screen::Instructor(s) => Some(s),
        _ => None,
    }
}

pub(crate) fn desk(app: &mut App) -> Option<&mut Desk> {
    match state(app).map(|s| &mut s.stage) {
        Some(Stage::Desk(d)) => Some(d),
        _ => None,
    }
}

/// Leaving the kiosk for the shell: the learner (if any) is signed out
/// first, then the runtime quits.
pub(crate) fn leave_kiosk(app: &mut App) -> Vec<AppEffect> {
    let mut fx = vec![AppEffect::Instructor(Effect::Log(LogLine::LeftKiosk))];
    if let Some(l) = app.learner.take() {
        fx.push(AppEffect::EndSession {
            session_id: l.session_id,
            reason: EndWhy::Closed,
        });
    }
    fx.push(AppEffect::Quit);
    app.quit = true;
    fx
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<AppEffect> {
    let Some(s) = state(app) else {
        return Vec::new();
    };
    match &s.stage {
        Stage::Pin(_) | Stage::NoPin => pin::on_key(app, key),
        Stage::Desk(_) => on_desk_key(app, key),
    }
}

fn on_desk_key(app: &mut App, key: KeyEvent) -> Vec<AppEffect> {
    let lang = app.lang;
    let Some(d) = desk(app) else {
        return Vec::new();
    };
    d.note = None;
    if d.modal.is_some() {
        return forms::on_key(app, key);
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let tab = d.tab();
    match key.code {
        KeyCode::F(n @ 2..=5) => return switch(app, (n - 2) as usize),
        KeyCode::Char(c @ '1'..='4') if tab != Tab::Residents && !ctrl => {
            return switch(app, c as usize - '1' as usize);
        }
        KeyCode::F(9) => {
            close(app);
            return vec![AppEffect::Instructor(Effect::Log(LogLine::LoggedOut))];
        }
        KeyCode::F(10) => {
            d.modal = Some(Modal::Confirm(Confirm::Leave));
            return Vec::new();
        }
        KeyCode::F(12) => {
            app.lang = lang.other();
            return Vec::new();
        }
        KeyCode::Tab => {
            let n = columns_of(app, tab);
            let hidden = hidden_columns(app, tab);
            if let Some(d) = desk(app) {
                // A column too narrow to be drawn is passed over: sorting
                // by it would reorder the rows with no arrow in sight.
                let mut next = d.sort[tab.index()].next_column(n);
                while hidden.contains(&next.column) {
                    next = next.next_column(n);
                }
                d.sort[tab.index()] = next;
            }
            return sorted(app, tab);
        }
        KeyCode::BackTab => {
            if let Some(d) = desk(app) {
                d.sort[tab.index()].descending = !d.sort[tab.index()].descending;
            }
            return sorted(app, tab);
        }
        KeyCode::Up | KeyCode::Down | KeyCode::PageUp | KeyCode::PageDown => {
            let delta = match key.code {
                KeyCode::Up => -1,
                KeyCode::Down => 1,
                KeyCode::PageUp => -10,
                _ => 10,
            };
            return move_cursor(app, tab, delta);
        }
        KeyCode::Esc if tab != Tab::Residents => {
            close(app);
            return vec![AppEffect::Instructor(Effect::Log(LogLine::LoggedOut))];
        }
        _ => {}
    }
    match tab {
        Tab::Today => today::on_key(app, key),
        Tab::Residents => residents::on_key(app, key),
        Tab::Modules => modules::on_key(app, key),
        Tab::Groups => Vec::new(),
    }
}

/// After a new sort the chosen row is the first one again.
fn sorted(app: &mut App, tab: Tab) -> Vec<AppEffect> {
    if let Some(d) = desk(app) {
        d.cursor[tab.index()] = 0;
    }
    if tab == Tab::Modules {
        return modules::selection_changed(app);
    }
    Vec::new()
}

/// Shows view `i` and reloads its figures.
pub(crate) fn switch(app: &mut App, i: usize) -> Vec<AppEffect> {
    let now = app.now;
    let Some(d) = desk(app) else {
        return Vec::new();
    };
    d.tab = i.min(3);
    d.today_due = now + TODAY_REFRESH_MS;
    let tab = d.tab();
    vec![effects::load(app, tab)]
}

/// The columns of `tab` not drawn at the current width.
fn hidden_columns(app: &App, tab: Tab) -> Vec<usize> {
    match tab {
        Tab::Residents => residents::hidden_columns(app.size.0),
        _ => Vec::new(),
    }
}

fn columns_of(app: &App, tab: Tab) -> usize {
    match tab {
        Tab::Today => today::COLUMNS,
        Tab::Residents => residents::COLUMNS,
        Tab::Modules => modules::COLUMNS,
        Tab::Groups => groups::columns(app),
    }
}

fn rows_of(app: &App, tab: Tab) -> usize {
    match tab {
        Tab::Today => today::rows(app).len(),
        Tab::Residents => residents::rows(app).len(),
        Tab::Modules => modules::rows(app).len(),
        Tab::Groups => groups::rows(app).len(),
    }
}

fn move_cursor(app: &mut App, tab: Tab, delta: i32) -> Vec<AppEffect> {
    let n = rows_of(app, tab);
    let Some(d) = desk(app) else {
        return Vec::new();
    };
    let i = tab.index();
    let cur = d.cursor[i] as i32;
    d.cursor[i] = (cur + delta).clamp(0, n.saturating_sub(1) as i32) as usize;
    if tab == Tab::Modules {
        return modules::selection_changed(app);
    }
    Vec::new()
}

pub fn on_mouse(app: &mut App, m: MouseEvent) -> Vec<AppEffect> {
    let area = app.area();
    // A tap on a footer item is its key, on every stage and under forms
    // (they never cover the footer).
    if let Screen::Instructor(s) = &app.screen
        && matches!(m.kind, MouseEventKind::Down(_))
        && area.width >= MIN_W
        && area.height >= MIN_H
        && let Some(code) = footer_key_at(app, s, m.column, m.row)
    {
        return on_key(app, KeyEvent::new(code, KeyModifiers::NONE));
    }
    let Some(Stage::Desk(d)) = state(app).map(|s| s.stage.clone()) else {
        return Vec::new();
    };
    if d.modal.is_some() {
        return forms::on_mouse(app, m);
    }
    let tab = d.tab();
    match m.kind {
        MouseEventKind::ScrollUp => move_cursor(app, tab, -3),
        MouseEventKind::ScrollDown => move_cursor(app, tab, 3),
        _ => {
            // The tab bar: each view's name is a button.
            if m.row == 1 {
                if let Some(i) = tab_at(app, area, m.column) {
                    return switch(app, i);
                }
                return Vec::new();
            }
            let shell = shell(app);
            let rows = rows_of(app, tab);
            let cursor = d.cursor[tab.index()];
            if let Some(row) = table::row_at(table_area(app, tab, shell.body), cursor, rows, m.row)
            {
                let delta = row as i32 - cursor as i32;
                return move_cursor(app, tab, delta);
            }
            Vec::new()
        }
    }
}

/// The part of the body the view's table takes (for clicks).
fn table_area(app: &App, tab: Tab, body: Rect) -> Rect {
    match tab {
        Tab::Today => today::table_area(app, body),
        Tab::Residents => residents::table_area(body),
        Tab::Modules => modules::table_area(app, body),
        Tab::Groups => groups::table_area(app, body),
    }
}

/// The shared actions (`app::act`) reach here only from paths instructor
/// mode does not use (its keys and clicks come through [`on_key`] and
/// [`on_mouse`]); Esc-like actions still lead out, so no path is a trap.
pub fn on_action(app: &mut App, action: Action) -> Vec<AppEffect> {
    match action {
        Action::Home | Action::Back => {
            close(app);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Instructor mode draws itself ([`view`]); the learner page engine only
/// needs its title (for the window's text and generic focus handling).
pub fn page(app: &App, s: &Instructor) -> Page {
    Page {
        title: app.t().instructor_title.to_string(),
        corner: String::new(),
        body: Vec::new(),
        buttons: Vec::new(),
        footer: footer_keys(app, s),
        default_focus: None,
        pinned: 0,
    }
}

/// The keys named at the bottom of the screen now.
pub fn footer_keys(app: &App, s: &Instructor) -> Vec<(String, String)> {
    match &s.stage {
        Stage::Pin(_) => pin::keys(app, true),
        Stage::NoPin => pin::keys(app, false),
        Stage::Desk(d) => match &d.modal {
            Some(m) => forms::footer(app, d, m),
            None => desk_footer(app, d),
        },
    }
}

pub fn reply(app: &mut App, reply: Reply) -> Vec<AppEffect> {
    effects::reply(app, reply)
}

// ---- drawing ---------------------------------------------------------------

/// The screen's parts: title and tab bar, a note line, body, footer.
pub(crate) struct Shell {
    pub title: Rect,
    pub tabs: Rect,
    pub note: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// The parts of `area` for a screen whose footer names `keys`.
pub(crate) fn shell_areas(area: Rect, keys: &[(String, String)]) -> Shell {
    let line = |y: u16, h: u16| Rect::new(area.x, area.y + y, area.width, h);
    // The footer names every key in words: two lines on a wide screen,
    // three on a narrower one, and a fourth when the keys need it (the
    // Residents view in English at 60 columns names eleven).
    let usual = if area.width < 100 { 3 } else { 2 };
    let needed = crate::ui::footer::pack(keys, area.width as usize, 4)
        .lines
        .len();
    let footer_h = (needed as u16).max(usual).min(area.height);
    let body_y = 3.min(area.height);
    let body_h = area.height.saturating_sub(body_y + footer_h);
    Shell {
        title: line(0, 1.min(area.height)),
        tabs: line(1.min(area.height), 1.min(area.height.saturating_sub(1))),
        note: line(2.min(area.height), 1.min(area.height.saturating_sub(2))),
        body: line(body_y, body_h),
        footer: line(area.height.saturating_sub(footer_h), footer_h),
    }
}

/// The parts of the screen as instructor mode is now.
pub(crate) fn shell(app: &App) -> Shell {
    let keys = match &app.screen {
        Screen::Instructor(s) => footer_keys(app, s),
        _ => Vec::new(),
    };
    shell_areas(app.area(), &keys)
}

/// The column where each tab starts and its label.
fn tab_labels(app: &App) -> Vec<String> {
    let t = app.t();
    Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, tab)| format!(" F{} {} ", i + 2, tab.name(t)))
        .collect()
}

fn tab_at(app: &App, area: Rect, x: u16) -> Option<usize> {
    let mut at = area.x;
    for (i, label) in tab_labels(app).iter().enumerate() {
        let w = unicode_width::UnicodeWidthStr::width(label.as_str()) as u16;
        if x >= at && x < at + w {
            return Some(i);
        }
        at += w + 1;
    }
    None
}

/// The smallest screen instructor mode draws on.
const MIN_W: u16 = 60;
const MIN_H: u16 = 16;

pub fn view(app: &App, s: &Instructor, frame: &mut Frame) {
    let area = frame.area();
    let theme = app.settings.theme;
    let t = app.t();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new("").style(theme.base()), area);
    if area.width < MIN_W || area.height < MIN_H {
        let p = Paragraph::new(t.too_small)
            .style(theme.base())
            .wrap(Wrap { trim: true });
        frame.render_widget(p, area);
        return;
    }
    let keys = footer_keys(app, s);
    let shell = shell_areas(area, &keys);
    let title = format!("{} · {}", t.instructor_title, app.settings.site_name);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(title, theme.title()))).style(theme.base()),
        shell.title,
    );
    match &s.stage {
        Stage::Pin(p) => pin::view_pin(app, p, frame, &shell),
        Stage::NoPin => pin::view_no_pin(app, frame, &shell),
        Stage::Desk(d) => {
            draw_tabs(app, d, frame, shell.tabs);
            draw_note(app, d, frame, shell.note);
            match d.tab() {
                Tab::Today => today::view(app, d, frame, shell.body),
                Tab::Residents => residents::view(app, d, frame, shell.body),
                Tab::Modules => modules::view(app, d, frame, shell.body),
                Tab::Groups => groups::view(app, d, frame, shell.body),
            }
            draw_footer(app, frame, shell.footer, &keys);
            if let Some(m) = &d.modal {
                forms::view(app, d, m, frame, area);
            }
        }
    }
}

fn draw_tabs(app: &App, d: &Desk, frame: &mut Frame, area: Rect) {
    let theme = app.settings.theme;
    let mut spans = Vec::new();
    for (i, label) in tab_labels(app).into_iter().enumerate() {
        let style = if i == d.tab {
            theme.focus()
        } else {
            theme.button()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_note(app: &App, d: &Desk, frame: &mut Frame, area: Rect) {
    let t = app.t();
    let theme = app.settings.theme;
    let (text, tone) = match &d.note {
        None => return,
        Some(Note::Saved) => (t.ins_saved.to_string(), super::layout::Tone::Good),
        Some(Note::Erased) => (t.ins_erased.to_string(), super::layout::Tone::Good),
        Some(Note::NeedClass) => (t.ins_need_class.to_string(), super::layout::Tone::Warning),
        Some(Note::Trouble(why)) => (why.text(t), super::layout::Tone::Bad),
    };
    frame.render_widget(Paragraph::new(text).style(theme.tone(tone)), area);
}

/// (key, what it does) pairs for the desk's footer.
fn desk_footer(app: &App, d: &Desk) -> Vec<(String, String)> {
    let t = app.t();
    let mut keys: Vec<(String, String)> = Vec::new();
    let mut add = |k: &str, w: &str| keys.push((k.to_string(), w.to_string()));
    add("F2-F5", t.ins_do_views);
    add("↑↓", t.ins_do_choose);
    add("Tab", t.ins_do_sort);
    match d.tab() {
        Tab::Today => today::footer_keys(t, &mut add),
        Tab::Residents => residents::footer_keys(t, &mut add),
        // The chosen module's difficult questions follow ↑↓ by themselves:
        // no key of their own to name.
        Tab::Modules | Tab::Groups => {}
    }
    add("F9", t.ins_do_log_out);
    add("F10", t.ins_do_leave);
    add("F12", t.switch_language);
    keys
}

pub(crate) fn draw_footer(app: &App, frame: &mut Frame, area: Rect, keys: &[(String, String)]) {
    let theme = app.settings.theme;
    let lines = crate::ui::footer::pack(keys, area.width as usize, area.height as usize);
    crate::ui::footer::draw(
        frame.buffer_mut(),
        area,
        keys,
        &lines,
        theme.key(),
        theme.tone(super::layout::Tone::Normal),
    );
}

/// The key a tap at (x, y) presses when it lands on a footer item; the
/// same packing as [`draw_footer`], so a tap lands on what is drawn.
fn footer_key_at(app: &App, s: &Instructor, x: u16, y: u16) -> Option<KeyCode> {
    let keys = footer_keys(app, s);
    let area = shell_areas(app.area(), &keys).footer;
    let lines = crate::ui::footer::pack(&keys, area.width as usize, area.height as usize);
    crate::ui::footer::hit(&keys, &lines, area, x, y)
}

/// Text in the base style, wrapped, for simple screens.
pub(crate) fn paragraph<'a>(lines: Vec<Line<'a>>, style: Style) -> Paragraph<'a> {
    Paragraph::new(lines)
        .style(style)
        .wrap(Wrap { trim: false })
}
