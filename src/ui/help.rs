//! Help (F1 or ?): every key in words, touch, and how to get a person.

use super::app::App;
use super::layout::{Button, Dialog, Target};

pub fn dialog(app: &App) -> Dialog {
    let t = app.t();
    let mut lines = vec![
        t.help_next,
        t.help_back,
        t.help_move,
        t.help_pick,
        t.help_toggle,
        t.help_home,
        t.help_language,
        t.help_touch,
    ];
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
