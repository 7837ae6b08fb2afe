//! Instructor mode: the plug-in point for the instructor helper, who owns
//! this folder. The configured `instructor_key` sends `Msg::InstructorKey`,
//! which calls [`open`]; while `Screen::Instructor` is on show, keys and
//! clicks come straight here ([`on_key`], [`on_mouse`]) and [`view`] draws.
//! Instructor work for the database goes out as `Effect::Instructor` and
//! comes back as `Msg::Instructor` (see `ui::runtime`).
//!
//! For now this is a short screen saying instructor mode is on its way;
//! Esc returns to the learner's screen exactly as it was.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::app::{self, Action, App, Effect as AppEffect, Keys, Screen, footer};
use super::layout::{self, Block, Button, Page, Target};
use super::widgets;

/// Instructor-mode state.
#[derive(Debug, Clone, PartialEq)]
pub struct Instructor {
    /// The learner screen to return to.
    pub previous: Box<Screen>,
}

/// Database work for instructor mode (none yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {}

/// Replies to instructor effects (none yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {}

pub fn open(app: &mut App) -> Vec<AppEffect> {
    if matches!(app.screen, Screen::Instructor(_)) {
        return Vec::new();
    }
    app.overlay = None;
    let previous = std::mem::replace(&mut app.screen, Screen::Welcome);
    app.go(Screen::Instructor(Instructor {
        previous: Box::new(previous),
    }));
    Vec::new()
}

fn close(app: &mut App) -> Vec<AppEffect> {
    if let Screen::Instructor(s) = &app.screen {
        let previous = (*s.previous).clone();
        app.go(previous);
    }
    Vec::new()
}

pub fn page(app: &App, _s: &Instructor) -> Page {
    let t = app.t();
    Page {
        title: t.instructor_title.to_string(),
        corner: String::new(),
        body: vec![Block::text(t.instructor_coming)],
        buttons: vec![Button::primary(Target::Back, t.button_back)],
        footer: footer(
            app,
            Keys {
                back: true,
                ..Keys::default()
            },
        ),
        default_focus: 0,
    }
}

pub fn view(app: &App, s: &Instructor, frame: &mut Frame) {
    let page = page(app, s);
    let focus = app.focus_index(&page);
    let laid = layout::layout(&page, frame.area(), focus, app.scroll, app.follow);
    widgets::draw_page(
        frame,
        app.settings.theme,
        app.t(),
        &page,
        &laid,
        focus,
        true,
    );
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<AppEffect> {
    match app::action_for_key(app, &key) {
        Some(a) => on_action(app, a),
        None => Vec::new(),
    }
}

pub fn on_mouse(app: &mut App, m: MouseEvent) -> Vec<AppEffect> {
    let Screen::Instructor(s) = &app.screen else {
        return Vec::new();
    };
    let page = page(app, s);
    match app.laid(&page).hit(m.column, m.row) {
        Some(t) => on_action(app, Action::Click(t)),
        None => Vec::new(),
    }
}

pub fn on_action(app: &mut App, action: Action) -> Vec<AppEffect> {
    match action {
        Action::Home | Action::Back | Action::Activate | Action::Click(Target::Back) => close(app),
        Action::Language => {
            app.lang = app.lang.other();
            Vec::new()
        }
        _ => Vec::new(),
    }
}

pub fn reply(_app: &mut App, reply: Reply) -> Vec<AppEffect> {
    match reply {}
}

/// Carries out an instructor effect against the store (see `ui::effects`).
pub fn execute(
    _store: &crate::store::Store,
    _log: &crate::ui::runtime::Log,
    effect: Effect,
) -> Vec<super::app::Msg> {
    match effect {}
}
