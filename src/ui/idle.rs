//! The idle countdown: after `idle_timeout_secs` without a key or touch, a
//! visible countdown that any key or touch cancels; at zero the seat session
//! ends (reason: idle) and the kiosk returns to Welcome. Progress is already
//! saved by then — it is written as it happens.

use crate::i18n::fill;

use super::app::{App, Effect, EndWhy, Screen};
use super::layout::{Button, Dialog, Target};

pub fn dialog(app: &App, seconds_left: u64) -> Dialog {
    let t = app.t();
    Dialog {
        title: t.idle_title.to_string(),
        text: fill(t.idle_text, &[("seconds", &seconds_left)]),
        buttons: vec![Button::primary(Target::Close, t.idle_stay)],
        focus: 0,
    }
}

/// Time is up: sign out and go back to Welcome.
pub fn timed_out(app: &mut App) -> Vec<Effect> {
    let mut fx = Vec::new();
    if app.speaking {
        app.speaking = false;
        fx.push(Effect::StopSpeaking);
    }
    if let Some(l) = app.learner.take() {
        fx.push(Effect::EndSession {
            session_id: l.session_id,
            reason: EndWhy::Idle,
        });
    }
    app.countdown_from = None;
    app.overlay = None;
    app.notice = None;
    app.lang = app.settings.language;
    app.go(Screen::Welcome);
    fx
}
