//! The welcome screen: the cultural house's name, "press Enter or touch to
//! start", and the language toggle. It is where the kiosk rests between
//! learners (no idle timer runs here). ONE primary action: the big "Start"
//! button (focused); the greeting above it is plain text, so nothing else
//! competes with it. Typing a name here goes straight to "Who are you?"
//! with the letters typed.

use super::app::{Action, App, Effect, Keys, Screen, footer};
use super::layout::{Block, Button, Page, Target, Tone};
use super::who::Who;

pub fn page(app: &App) -> Page {
    let t = app.t();
    let mut page = Page {
        title: app.settings.site_name.clone(),
        corner: t.language_name.to_string(),
        body: vec![
            Block::Text {
                text: t.welcome_hello.to_string(),
                tone: Tone::Strong,
            },
            Block::text(t.welcome_what),
            Block::Text {
                text: t.welcome_how.to_string(),
                tone: Tone::Strong,
            },
        ],
        buttons: vec![
            Button::new(Target::Language, t.switch_language),
            Button::primary(Target::Start, t.welcome_start),
        ],
        footer: footer(
            app,
            Keys {
                next: true,
                ..Keys::default()
            },
        ),
        ..Page::default()
    };
    page.default_focus = page.button_focus(&Target::Start);
    page
}

pub fn on(app: &mut App, action: Action) -> Vec<Effect> {
    // Someone who starts typing their name here is taken to "Who are
    // you?" with what they typed, as if they had pressed Start first.
    if let Action::Type(c) = action {
        app.go(Screen::Who(Who::default()));
        return super::who::on(app, Action::Type(c));
    }
    match app.target_of(&action) {
        Some(Target::Start) => {
            app.go(Screen::Who(Who::default()));
            Vec::new()
        }
        _ => Vec::new(),
    }
}
