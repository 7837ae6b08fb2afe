//! Tests of the learner interface: flows driven by keys and clicks through
//! `update` with the effects carried out against a real store in a
//! temporary folder (`flows.rs`), and drawings on ratatui's `TestBackend`
//! (`render.rs`); taps on what the screen shows, footer keys included
//! (`taps.rs`); the accessibility audit's findings (`audit.rs`).

mod audit;
mod flows;
mod qa;
mod render;
mod taps;

use std::path::Path;
use std::sync::Arc;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::config::Config;
use crate::lessons::{Curriculum, load_str};
use crate::store::Store;

use super::app::{App, Effect, Msg, Settings, update};
use super::layout::Target;
use super::runtime::Log;
use super::theme::Theme;

/// The two fixture modules shared with the end-to-end tests.
pub fn curriculum() -> Curriculum {
    let files = [
        (
            "10-basics.toml",
            include_str!("../../../tests/fixtures/ui-lessons/10-basics.toml"),
        ),
        (
            "20-next.toml",
            include_str!("../../../tests/fixtures/ui-lessons/20-next.toml"),
        ),
    ];
    let modules = files
        .iter()
        .map(|(name, text)| {
            let report = load_str(Path::new(name), text, &[]);
            report
                .module
                .unwrap_or_else(|| panic!("{name}: {:?}", report.diagnostics))
        })
        .collect();
    Curriculum { modules }
}

pub fn settings(speech: bool) -> Settings {
    Settings {
        site_name: "Nhà văn hóa Phúc Xá".into(),
        language: crate::i18n::Lang::Vi,
        idle_ms: 300_000,
        countdown_ms: 30_000,
        instructor_key: crate::config::KeyCombo::Ctrl('k'),
        speech,
        theme: Theme { color: true },
        instructor: super::instructor::Settings::default(),
    }
}

pub fn new_app() -> App {
    App::new(settings(false), Arc::new(curriculum()), (80, 24), 2026)
}

/// An app wired to a real store in a temporary folder, carrying out
/// effects like the runtime does.
pub struct Harness {
    pub app: App,
    pub store: Store,
    pub log: Log,
    /// Every effect, in order (speech included).
    pub effects: Vec<Effect>,
    /// Records held because the database refused them.
    pub unsaved: super::effects::Unsaved,
    pub dir: tempfile::TempDir,
}

impl Harness {
    pub fn new() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let cfg = Config::for_dir(dir.path(), "vh-test");
        let store = Store::open(&cfg).unwrap();
        let log = Log::next_to(store.path(), crate::i18n::Lang::Vi);
        Harness {
            app: new_app(),
            store,
            log,
            effects: Vec::new(),
            unsaved: Default::default(),
            dir,
        }
    }

    /// Reopens the same database with a fresh app (a restart).
    pub fn restart(self) -> Harness {
        let Harness {
            store, log, dir, ..
        } = self;
        Harness {
            app: new_app(),
            store,
            log,
            effects: Vec::new(),
            unsaved: Default::default(),
            dir,
        }
    }

    pub fn send(&mut self, msg: Msg) {
        let mut queue = std::collections::VecDeque::from([msg]);
        while let Some(m) = queue.pop_front() {
            for e in update(&mut self.app, m) {
                self.effects.push(e.clone());
                match e {
                    Effect::Speak(_) | Effect::StopSpeaking | Effect::Quit => {}
                    other => queue.extend(super::effects::execute(
                        &self.store,
                        &self.log,
                        &mut self.unsaved,
                        other,
                    )),
                }
            }
        }
    }

    pub fn key(&mut self, code: KeyCode) {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    pub fn ctrl(&mut self, c: char) {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    pub fn enter(&mut self) {
        self.key(KeyCode::Enter);
    }

    pub fn typ(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Clicks the middle of `target` as laid out on screen now, first
    /// scrolling it into view with the wheel if needed (as a learner would).
    pub fn click(&mut self, target: Target) {
        for down in [true, false] {
            for _ in 0..20 {
                if where_is(&self.app, &target).is_some() {
                    break;
                }
                self.wheel(down);
            }
        }
        let (x, y) = where_is(&self.app, &target)
            .unwrap_or_else(|| panic!("{target:?} is not on screen: {:?}", self.app.screen));
        self.send(Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        }));
    }

    /// Taps the middle of the lowest `text` on the rendered screen, the way
    /// a person touches what they read (the footer is at the bottom, so
    /// its items win over the same words higher up).
    pub fn tap_text(&mut self, text: &str) {
        use unicode_width::UnicodeWidthStr;
        let screen = self.screen();
        let (y, x) = screen
            .lines()
            .enumerate()
            .filter_map(|(y, line)| line.find(text).map(|b| (y, line[..b].width())))
            .last()
            .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{screen}"));
        self.send(Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: (x + text.width() / 2) as u16,
            row: y as u16,
            modifiers: KeyModifiers::NONE,
        }));
    }

    pub fn wheel(&mut self, down: bool) {
        self.send(Msg::Mouse(MouseEvent {
            kind: if down {
                MouseEventKind::ScrollDown
            } else {
                MouseEventKind::ScrollUp
            },
            column: 40,
            row: 10,
            modifiers: KeyModifiers::NONE,
        }));
    }

    /// Everything on screen now, as text (rendered at the app's size).
    pub fn screen(&self) -> String {
        render::text_of(&self.app)
    }

    pub fn sees(&self, text: &str) -> bool {
        self.screen().contains(text)
    }
}

/// The centre of `target` on screen (dialog buttons included).
pub fn where_is(app: &App, target: &Target) -> Option<(u16, u16)> {
    use super::app::{dialog, page};
    use super::layout::layout_dialog;
    let r = if let Some(d) = dialog(app) {
        let dl = layout_dialog(&d, app.area());
        dl.buttons
            .iter()
            .zip(&d.buttons)
            .find(|(_, b)| &b.target == target)
            .map(|(r, _)| *r)?
    } else {
        let page = page(app);
        let laid = app.laid(&page);
        laid.targets
            .iter()
            .find(|(_, t)| t == target)
            .map(|(r, _)| *r)?
    };
    Some((r.x + r.width / 2, r.y + r.height / 2))
}

/// Registers a resident straight in the store (with an address and phone,
/// so that tests can check neither shows before sign-in); returns the id.
pub fn add(h: &Harness, name: &str, year: i32, group: i64) -> String {
    h.store
        .add_resident(&crate::store::NewResident {
            full_name: name.into(),
            birth_year: year,
            group_no: group,
            household: format!("Số {group} ngõ 4 phố Hàng Gà"),
            phone: Some("0912345678".into()),
            consent_version: Some("test".into()),
        })
        .unwrap()
        .id
}

/// Signs in the only resident called `query` by keys, from the welcome
/// screen to home.
pub fn sign_in(h: &mut Harness, query: &str) {
    h.enter(); // welcome → who
    h.typ(query);
    assert!(h.sees("1. "), "{}", h.screen());
    h.key(KeyCode::Char('1'));
    assert!(h.sees("Có phải bạn không?"), "{}", h.screen());
    // The dialog opens on the safe "No"; 2 is "Yes, it is me".
    h.key(KeyCode::Char('2'));
    assert!(
        matches!(h.app.screen, super::app::Screen::Home),
        "{:?}",
        h.app.screen
    );
}

/// From home, opens the first module and goes through its three pages to
/// the quiz, on question 1.
pub fn to_quiz(h: &mut Harness) {
    h.enter(); // home: start the first module
    for _ in 0..3 {
        h.key(KeyCode::Right);
    }
    assert!(h.sees("Câu 1/4"), "{}", h.screen());
}
