//! Help (F1 or ?): every key in words, touch, and how to get a person.

use super::app::{App, Screen};
use super::layout::{Button, Dialog, Target};

pub fn dialog(app: &App) -> Dialog {
    let t = app.t();
    // The lines about Enter and ← say what they do on THIS screen.
    let (next, back) = match &app.screen {
        Screen::Quiz(_) => (t.help_next_quiz, Some(t.help_back_quiz)),
        Screen::Result(_) => (t.help_next, Some(t.help_back_home)),
        Screen::Home => (t.help_next, Some(t.help_back_sign_out)),
        Screen::Welcome => (t.help_next, None),
        // Backspace deletes a letter there, never goes back.
        Screen::Who(_) | Screen::Register(_) => (t.help_next, Some(t.help_back_typing)),
        _ => (t.help_next, Some(t.help_back)),
    };
    let mut lines = vec![next];
    lines.extend(back);
    lines.extend([
        t.help_move,
        t.help_pick,
        t.help_toggle,
        t.help_home,
        t.help_language,
        t.help_touch,
    ]);
    if app.settings.speech {
        lines.push(t.help_read);
    }
    lines.push("");
    lines.push(t.help_person);
    Dialog {
        title: t.help_title.to_string(),
        text: lines.join("\n"),
        buttons: vec![Button::primary(Target::Close, t.help_close)],
        focus: 0,
    }
}
