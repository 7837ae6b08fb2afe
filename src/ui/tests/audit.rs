//! Regression tests for the accessibility audit of the learner screens
//! (quiz, result, home), each written as what a learner would notice.

use std::collections::BTreeSet;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

use super::super::app::{App, Msg, page, update};
use super::super::layout::Target;
use super::render::{buffer_of, states};

/// The screen state `name` from the render tests.
fn state(name: &str) -> App {
    states()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, app)| app)
        .unwrap_or_else(|| panic!("no state {name}"))
}

fn press(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// What is lit up on screen (drawn in reverse video), as the learner sees it.
fn lit(app: &App) -> Option<Target> {
    let p = page(app);
    let laid = app.laid(&p);
    let buf = buffer_of(app);
    let lit: Vec<Target> = laid
        .targets
        .iter()
        .filter(|(r, _)| {
            (r.y..r.bottom()).any(|y| {
                (r.x..r.right()).any(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
            })
        })
        .map(|(_, t)| t.clone())
        .collect();
    assert!(lit.len() <= 1, "one thing lit at most: {lit:?}");
    lit.into_iter().next()
}

/// Audit 2: on the result screen ("Xem lại bài | Làm lại | Trang chủ")
/// ↓ and Tab, and ↑ and Shift-Tab, light every button in turn, whichever
/// is the main one; each press moves the light, ↑ on "Trang chủ" too.
#[test]
fn every_result_button_is_reached_by_arrows_and_tab() {
    let all: BTreeSet<String> = [Target::Review, Target::Retry, Target::Home]
        .iter()
        .map(|t| format!("{t:?}"))
        .collect();
    for name in ["result_passed", "result_failed"] {
        for key in [KeyCode::Down, KeyCode::Tab, KeyCode::Up, KeyCode::BackTab] {
            let mut app = state(name);
            let first = lit(&app).expect("a button is lit when the result shows");
            let mut seen = BTreeSet::from([format!("{first:?}")]);
            let mut before = first.clone();
            for _ in 0..3 {
                press(&mut app, key);
                let now = lit(&app).expect("still a button lit");
                assert_ne!(now, before, "{name}: {key:?} moves the light");
                seen.insert(format!("{now:?}"));
                before = now;
            }
            assert_eq!(seen, all, "{name}: {key:?} reaches every button");
            assert_eq!(before, first, "{name}: three presses come round");
        }
        // ↑ from "Trang chủ" moves the light off it.
        let mut app = state(name);
        for _ in 0..3 {
            if lit(&app) == Some(Target::Home) {
                break;
            }
            press(&mut app, KeyCode::Down);
        }
        assert_eq!(lit(&app), Some(Target::Home), "{name}");
        press(&mut app, KeyCode::Up);
        assert_ne!(lit(&app), Some(Target::Home), "{name}: ↑ from Trang chủ");
    }
}
