//! The PIN prompt (digits shown as dots) and, when no PIN has been set yet,
//! the screen that says exactly how to set one.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::text::{Line, Span};

use super::{Effect, Shell, Stage, close, draw_footer, paragraph, state};
use crate::i18n::fill;
use crate::store::pin::MAX_LEN;
use crate::ui::app::{App, Effect as AppEffect};
use crate::ui::layout::Tone;

/// What the prompt says after a try.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinNote {
    Wrong {
        tries_left: u32,
    },
    /// Too many wrong PINs: wait this many seconds.
    Locked {
        wait_secs: i64,
    },
    Checking,
    Trouble,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PinEntry {
    pub digits: String,
    pub note: Option<PinNote>,
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<AppEffect> {
    let Some(s) = state(app) else {
        return Vec::new();
    };
    if key.code == KeyCode::Esc {
        close(app);
        return Vec::new();
    }
    if key.code == KeyCode::F(12) {
        app.lang = app.lang.other();
        return Vec::new();
    }
    let Stage::Pin(p) = &mut s.stage else {
        // "No PIN yet": any key goes back, after Esc above.
        if key.code == KeyCode::Enter {
            close(app);
        }
        return Vec::new();
    };
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Vec::new();
    }
    match key.code {
        KeyCode::Char(c) if c.is_ascii_digit() && p.digits.len() < MAX_LEN => {
            p.digits.push(c);
        }
        KeyCode::Backspace => {
            p.digits.pop();
        }
        KeyCode::Enter if !p.digits.is_empty() && p.note != Some(PinNote::Checking) => {
            // The digits leave the state at once: they are never kept.
            let pin = std::mem::take(&mut p.digits);
            p.note = Some(PinNote::Checking);
            return vec![AppEffect::Instructor(Effect::CheckPin(pin))];
        }
        _ => {}
    }
    Vec::new()
}

pub fn view_pin(app: &App, p: &PinEntry, frame: &mut Frame, shell: &Shell) {
    let t = app.t();
    let theme = app.settings.theme;
    let dots: String = "●".repeat(p.digits.chars().count());
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(t.ins_pin_prompt, theme.tone(Tone::Strong))),
        Line::from(""),
        Line::from(Span::styled(format!("  [ {dots:<12} ]"), theme.focus())),
        Line::from(""),
    ];
    if let Some(note) = &p.note {
        let (text, tone) = match note {
            PinNote::Wrong { tries_left } if *tries_left > 0 => {
                (fill(t.ins_pin_wrong_left, &[("n", tries_left)]), Tone::Bad)
            }
            PinNote::Wrong { .. } => (t.ins_pin_wrong.to_string(), Tone::Bad),
            // The first wait is 30 s: "about 1 minute" would send the
            // instructor away for twice as long.
            PinNote::Locked { wait_secs } if *wait_secs < 60 => (
                fill(t.ins_pin_locked_secs, &[("secs", &(*wait_secs).max(1))]),
                Tone::Warning,
            ),
            PinNote::Locked { wait_secs } => {
                let minutes = (*wait_secs + 59) / 60;
                (
                    fill(t.ins_pin_locked, &[("minutes", &minutes.max(1))]),
                    Tone::Warning,
                )
            }
            PinNote::Checking => (t.ins_pin_checking.to_string(), Tone::Muted),
            PinNote::Trouble => (t.notice_trouble.to_string(), Tone::Bad),
        };
        lines.push(Line::from(Span::styled(text, theme.tone(tone))));
    }
    frame.render_widget(paragraph(lines, theme.base()), shell.body);
    draw_footer(app, frame, shell.footer, &keys(app, true));
}

pub fn view_no_pin(app: &App, frame: &mut Frame, shell: &Shell) {
    let t = app.t();
    let theme = app.settings.theme;
    let lines = vec![
        Line::from(""),
        Line::from(Span::styled(t.ins_no_pin, theme.tone(Tone::Warning))),
        Line::from(""),
        Line::from(Span::styled(t.ins_no_pin_how, theme.tone(Tone::Normal))),
        Line::from(""),
        Line::from(Span::styled("    kiosk set-pin", theme.tone(Tone::Strong))),
        Line::from(""),
        Line::from(Span::styled(t.ins_no_pin_config, theme.tone(Tone::Muted))),
    ];
    frame.render_widget(paragraph(lines, theme.base()), shell.body);
    draw_footer(app, frame, shell.footer, &keys(app, false));
}

/// The footer of the PIN prompt (`prompt`) or of "no PIN yet".
pub fn keys(app: &App, prompt: bool) -> Vec<(String, String)> {
    let t = app.t();
    let mut keys = Vec::new();
    if prompt {
        keys.push(("0-9".to_string(), t.ins_do_digits.to_string()));
        keys.push(("Enter".to_string(), t.ins_do_open.to_string()));
    }
    keys.push(("Esc".to_string(), t.ins_do_cancel.to_string()));
    keys.push(("F12".to_string(), t.switch_language.to_string()));
    keys
}
