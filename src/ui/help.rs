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
    // Only the keys that work here, as the footer does: in a text box
    // digits and Space are typed; Esc goes home from a lesson page only
    // (the quiz and the result say it with ←; before sign-in there is no
    // home, and on the home screen it does nothing).
    let pick = matches!(&app.screen, Screen::Who(_) | Screen::Home | Screen::Quiz(_));
    let toggle = match &app.screen {
        Screen::Quiz(_) => true,
        Screen::Lesson(s) => app
            .curriculum
            .modules
            .get(s.module)
            .and_then(|m| m.steps.get(s.step))
            .is_some_and(|step| step.practice.is_some()),
        _ => false,
    };
    let esc_home = matches!(&app.screen, Screen::Lesson(_));
    let mut lines = vec![next];
    lines.extend(back);
    lines.push(t.help_move);
    if pick {
        lines.push(t.help_pick);
    }
    if toggle {
        lines.push(t.help_toggle);
    }
    if esc_home {
        lines.push(t.help_home);
    }
    lines.push(t.help_language);
    lines.push(t.help_touch);
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
