//! Drawing tests on ratatui's `TestBackend`: a snapshot of every screen at
//! 80×24 in Vietnamese and English, a sweep of sizes from 1×1 to 300×100
//! (nothing may panic, clicks included), and the look rules (named colours
//! only; focus still visible under NO_COLOR).

use std::collections::{BTreeMap, BTreeSet};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::{Color, Modifier};

use crate::i18n::Lang;

use super::super::app::{
    App, Confirm, Learner, Msg, Notice, Overlay, Person, Screen, update, view,
};
use super::super::consent::Consent;
use super::super::instructor::Instructor;
use super::super::layout::Target;
use super::super::lesson::Lesson;
use super::super::quiz::{Given, Quiz};
use super::super::register::{Register, validate};
use super::super::result::Outcome;
use super::super::who::Who;
use super::new_app;
use crate::lessons::Response;
use crate::store::{ModuleProgress, Resume};

pub fn buffer_of(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as plain text, one line per row, trailing spaces trimmed.
pub fn text_of(app: &App) -> String {
    let buf = buffer_of(app);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn person() -> Person {
    Person {
        id: "vh-test-1".into(),
        name: "Nguyễn Thị Hằng".into(),
        birth_year: Some(1956),
        group: 5,
        registered_at: 0,
        twin: false,
    }
}

fn signed_in(app: &mut App) {
    let mut progress = BTreeMap::new();
    progress.insert(
        "basics".to_string(),
        ModuleProgress {
            module_id: "basics".into(),
            steps_seen: BTreeSet::from([0, 1]),
            last_step: Some(1),
            attempts: 1,
            best_score: Some(50),
            last_score: Some(50),
            passed: false,
        },
    );
    app.learner = Some(Learner {
        person: person(),
        session_id: "s-1".into(),
        progress,
        resume: Some(Resume::Page {
            module_id: "basics".into(),
            step: 1,
        }),
    });
}

fn quiz(index: usize, picked: Vec<usize>, answers: Vec<Option<Given>>) -> Screen {
    let mut all = answers;
    all.resize(4, None);
    Screen::Quiz(Quiz {
        module: 0,
        attempt_id: Some("attempt-1".into()),
        order: vec![0, 1, 2, 3],
        index,
        answers: all,
        picked,
    })
}

/// Every screen (and dialog) in a typical state.
pub fn states() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut add = |name: &'static str, f: &dyn Fn(&mut App)| {
        let mut app = new_app();
        f(&mut app);
        out.push((name, app));
    };
    add("welcome", &|_| {});
    add("who_empty", &|a| a.screen = Screen::Who(Who::default()));
    add("who_matches", &|a| {
        let mut other = person();
        other.id = "vh-test-2".into();
        other.group = 7;
        other.birth_year = Some(1961);
        a.screen = Screen::Who(Who {
            query: "hang".into(),
            people: vec![person(), other],
            searched: Some("hang".into()),
            more: false,
        });
    });
    add("who_nobody", &|a| {
        a.screen = Screen::Who(Who {
            query: "hagn".into(),
            people: vec![],
            searched: Some("hagn".into()),
            more: false,
        })
    });
    add("this_is_you", &|a| {
        a.screen = Screen::Who(Who {
            query: "hang".into(),
            people: vec![person()],
            searched: Some("hang".into()),
            more: false,
        });
        a.overlay = Some(Overlay::Confirm {
            what: Confirm::ThisIsMe(person()),
            focus: 1,
        });
    });
    add("register_errors", &|a| {
        let mut form = Register::default();
        form.fields[0] = "Nguyễn Thị Hằng".into();
        form.fields[1] = "1850".into();
        form.errors = validate(&form, 2026).unwrap_err();
        a.screen = Screen::Register(form);
        a.notice = Some(Notice::FixFields);
    });
    add("consent", &|a| {
        let form = Register {
            fields: ["Nguyễn Thị Hằng", "1956", "5", "Số 12 ngõ 5", ""].map(String::from),
            ..Register::default()
        };
        let person = validate(&form, 2026).unwrap();
        a.screen = Screen::Consent(Consent { form, person });
    });
    add("home", &|a| {
        signed_in(a);
        a.screen = Screen::Home;
    });
    add("home_locked_notice", &|a| {
        signed_in(a);
        a.screen = Screen::Home;
        a.notice = Some(Notice::Locked(0));
    });
    add("lesson_tip_warning", &|a| {
        signed_in(a);
        a.screen = Screen::Lesson(Lesson {
            module: 0,
            step: 0,
            practiced: false,
        });
    });
    add("lesson_practice", &|a| {
        signed_in(a);
        a.screen = Screen::Lesson(Lesson {
            module: 0,
            step: 1,
            practiced: false,
        });
    });
    add("quiz_single", &|a| {
        signed_in(a);
        a.screen = quiz(0, vec![1], vec![]);
    });
    add("quiz_multi", &|a| {
        signed_in(a);
        a.screen = quiz(1, vec![0, 2], vec![]);
    });
    add("quiz_true_false", &|a| {
        signed_in(a);
        a.screen = quiz(2, vec![], vec![]);
    });
    add("quiz_order", &|a| {
        signed_in(a);
        a.screen = quiz(3, vec![2], vec![]);
    });
    add("quiz_feedback_wrong", &|a| {
        signed_in(a);
        let given = Given {
            response: Response::Multi(vec![0]),
            correct: false,
        };
        a.screen = quiz(1, vec![], vec![None, Some(given)]);
    });
    add("quiz_feedback_order_right", &|a| {
        signed_in(a);
        let given = Given {
            response: Response::Order(vec![0, 1, 2]),
            correct: true,
        };
        a.screen = quiz(3, vec![], vec![None, None, None, Some(given)]);
    });
    add("leave_quiz", &|a| {
        signed_in(a);
        a.screen = quiz(0, vec![], vec![]);
        a.overlay = Some(Overlay::Confirm {
            what: Confirm::LeaveQuiz,
            focus: 0,
        });
    });
    add("result_failed", &|a| {
        signed_in(a);
        a.screen = Screen::Result(Outcome {
            module: 0,
            correct: 2,
            total: 4,
            score: 50,
            passed: false,
            wrong: vec![1, 3],
        });
    });
    add("result_passed", &|a| {
        signed_in(a);
        a.screen = Screen::Result(Outcome {
            module: 0,
            correct: 4,
            total: 4,
            score: 100,
            passed: true,
            wrong: vec![],
        });
    });
    add("help", &|a| a.overlay = Some(Overlay::Help));
    add("idle_countdown", &|a| {
        signed_in(a);
        a.screen = Screen::Home;
        a.countdown_from = Some(0);
        a.now = 7_200;
    });
    add("sign_out", &|a| {
        signed_in(a);
        a.screen = Screen::Home;
        a.overlay = Some(Overlay::Confirm {
            what: Confirm::SignOut,
            focus: 0,
        });
    });
    add("instructor_pin", &|a| {
        a.screen = Screen::Instructor(Instructor::new(Screen::Welcome))
    });
    add("too_small", &|a| a.size = (30, 10));
    out
}

#[test]
fn every_screen_at_80x24_in_both_languages() {
    for lang in [Lang::Vi, Lang::En] {
        for (name, mut app) in states() {
            app.lang = lang;
            let text = text_of(&app);
            insta::assert_snapshot!(format!("{name}_{}", lang.code()), text);
        }
    }
}

#[test]
fn english_screens_have_no_vietnamese_interface_words() {
    // A sign that a string was hard-coded in a screen instead of i18n.
    for (name, mut app) in states() {
        app.lang = Lang::En;
        let text = text_of(&app);
        for word in [
            "Tiếp tục",
            "Quay lại",
            "trợ giúp",
            "Trả lời",
            "Bước ",
            "Trang ",
        ] {
            assert!(!text.contains(word), "{name}: {word:?} in English:\n{text}");
        }
    }
}

#[test]
fn no_size_panics_from_1x1_to_300x100() {
    // Every screen at the edges (1, 2, around the minimum, common, largest)…
    let widths = [1u16, 2, 39, 40, 73, 80, 300];
    let heights = [1u16, 2, 14, 15, 20, 24, 100];
    for (_, app) in states() {
        for &w in &widths {
            for &h in &heights {
                let mut app = app.clone();
                app.size = (w, h);
                let _ = buffer_of(&app);
            }
        }
    }
    // …and a sweep across the whole range for the busiest screen.
    let (_, busy) = states()
        .into_iter()
        .find(|(n, _)| *n == "quiz_feedback_wrong")
        .unwrap();
    for w in (1..=300).step_by(23) {
        for h in (1..=100).step_by(9) {
            let mut app = busy.clone();
            app.size = (w, h);
            let _ = buffer_of(&app);
        }
    }
}

#[test]
fn clicks_anywhere_are_safe() {
    for (_, app) in states() {
        for (w, h) in [(80u16, 24u16), (40, 15), (5, 3)] {
            for x in (0..w).step_by(4) {
                for y in (0..h).step_by(2) {
                    let mut a = app.clone();
                    a.size = (w, h);
                    let _ = update(
                        &mut a,
                        Msg::Mouse(MouseEvent {
                            kind: MouseEventKind::Down(MouseButton::Left),
                            column: x,
                            row: y,
                            modifiers: KeyModifiers::NONE,
                        }),
                    );
                }
            }
        }
    }
}

#[test]
fn resizing_between_sizes_keeps_working() {
    let mut app = states().into_iter().find(|(n, _)| *n == "home").unwrap().1;
    for (w, h) in [(80, 24), (20, 5), (300, 100), (40, 15), (1, 1), (80, 24)] {
        update(&mut app, Msg::Resize(w, h));
        let text = text_of(&app);
        if w >= 40 && h >= 15 {
            assert!(
                text.contains("Xin chào, Nguyễn Thị Hằng"),
                "{w}×{h}:\n{text}"
            );
        }
    }
    update(&mut app, Msg::Resize(30, 10));
    assert!(text_of(&app).contains("phóng to"), "{}", text_of(&app));
}

#[test]
fn only_named_colours_and_focus_shows_without_colour() {
    for (name, app) in states() {
        let buf = buffer_of(&app);
        for cell in buf.content() {
            for c in [cell.fg, cell.bg] {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    "{name}: {c:?} is not one of the 16 named colours"
                );
            }
        }
    }
    let (_, mut app) = states().into_iter().find(|(n, _)| *n == "welcome").unwrap();
    app.settings.theme.color = false;
    let buf = buffer_of(&app);
    let mut reversed = 0;
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "NO_COLOR means no colour"
        );
        if cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD) {
            reversed += 1;
        }
    }
    assert!(
        reversed >= 10,
        "the focused button is in reverse video and bold"
    );
}

#[test]
fn one_primary_action_per_screen() {
    for (name, app) in states() {
        let page = super::super::app::page(&app);
        let primaries = page.buttons.iter().filter(|b| b.primary).count();
        assert!(primaries <= 1, "{name}: {primaries} primary buttons");
        // Every screen says how to go on and how to go back (keys footer).
        if !matches!(name, "too_small") {
            assert!(!page.footer.is_empty(), "{name}");
        }
    }
}

/// The app on the SHIPPED lessons (not the test fixtures), signed in.
fn shipped_app() -> App {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let cfg = crate::config::Config::load(&repo.join("kiosk.toml")).expect("kiosk.toml");
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let report = crate::lessons::load_dir(&repo.join("lessons"), &ids).expect("lessons");
    assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
    let mut app = App::new(
        super::settings(false),
        std::sync::Arc::new(report.curriculum),
        (80, 24),
        2026,
    );
    signed_in(&mut app);
    app
}

/// QA: on 010's "Trang 2/10" at 80×24 the "press Space when done" row was
/// below the fold until the learner scrolled. The task and its check box
/// are pinned above the buttons; only the page text scrolls, and a hint
/// says there is more of it.
#[test]
fn practice_box_is_in_view_at_80x24_on_the_real_first_module() {
    for lang in [Lang::Vi, Lang::En] {
        let mut app = shipped_app();
        app.lang = lang;
        let t = crate::i18n::texts(lang);
        let module = app
            .curriculum
            .modules
            .iter()
            .position(|m| m.order == 10)
            .expect("module 010 is shipped");
        app.screen = Screen::Lesson(Lesson {
            module,
            step: 1,
            practiced: false,
        });
        let text = text_of(&app);
        insta::assert_snapshot!(format!("lesson_010_practice_{}", lang.code()), text);
        assert!(text.contains("2/10"), "{text}");
        assert!(
            text.contains(t.practice_confirm),
            "check box in view:\n{text}"
        );
        assert!(text.contains(t.practice_label), "task in view:\n{text}");
        assert!(
            text.contains(t.more_below),
            "hint that the text goes on:\n{text}"
        );
        // …and a touch on it, where it is drawn, ticks it.
        let (x, y) = super::where_is(&app, &Target::Practice).expect("clickable");
        update(
            &mut app,
            Msg::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: x,
                row: y,
                modifiers: KeyModifiers::NONE,
            }),
        );
        let text = text_of(&app);
        assert!(text.contains(t.practice_done), "ticked by touch:\n{text}");
    }
}

/// Every "try it on your phone" page of the shipped lessons, in both
/// languages, shows its task and check box at 80×24 without scrolling, and
/// the cut page text can still be read to its end with ↓.
#[test]
fn every_shipped_practice_page_shows_its_box_at_80x24() {
    let base = shipped_app();
    let mut checked = 0;
    for lang in [Lang::Vi, Lang::En] {
        let t = crate::i18n::texts(lang);
        for (mi, m) in base.curriculum.modules.iter().enumerate() {
            for (si, step) in m.steps.iter().enumerate() {
                let Some(practice) = &step.practice else {
                    continue;
                };
                let mut app = base.clone();
                app.lang = lang;
                app.screen = Screen::Lesson(Lesson {
                    module: mi,
                    step: si,
                    practiced: false,
                });
                let text = text_of(&app);
                let first_words: String = practice
                    .get(lang)
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ");
                let at = format!("{} page {} ({lang:?})", m.id, si + 1);
                assert!(text.contains(t.practice_confirm), "{at}:\n{text}");
                assert!(text.contains(&first_words), "{at}: task\n{text}");
                // ↓ reads the page text to its last line.
                let last_line = step
                    .text
                    .get(lang)
                    .lines()
                    .last()
                    .unwrap()
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ");
                for _ in 0..40 {
                    if text_of(&app).contains(&last_line) {
                        break;
                    }
                    update(
                        &mut app,
                        Msg::Key(ratatui::crossterm::event::KeyEvent::new(
                            ratatui::crossterm::event::KeyCode::Down,
                            KeyModifiers::NONE,
                        )),
                    );
                }
                let text = text_of(&app);
                assert!(text.contains(&last_line), "{at}: ↓ reads on\n{text}");
                assert!(text.contains(t.practice_confirm), "{at}:\n{text}");
                // Other sizes: never a panic, and where the box is drawn
                // a touch there lands on it.
                for size in [(40, 15), (41, 16), (60, 20), (100, 30), (300, 100)] {
                    let mut small = app.clone();
                    small.size = size;
                    let _ = buffer_of(&small);
                    if let Some(at) = super::where_is(&small, &Target::Practice) {
                        let page = super::super::app::page(&small);
                        assert_eq!(
                            small.laid(&page).hit(at.0, at.1),
                            Some(Target::Practice),
                            "{at:?} at {size:?}"
                        );
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "only {checked} practice pages");
}

/// Help at 60×16 showed the keys but not its last line, how to get a
/// person: it was cut without a sign. A dialog that does not fit now gives
/// up its blank rows first, so help is whole on every learner screen there.
#[test]
fn help_on_a_small_window_still_says_how_to_get_a_person() {
    for lang in [Lang::Vi, Lang::En] {
        let t = crate::i18n::texts(lang);
        let person = t.help_person.split('?').next().unwrap_or_default();
        for (name, mut app) in states() {
            if name.starts_with("instructor") || name == "too_small" || name == "idle_countdown" {
                continue;
            }
            app.lang = lang;
            app.overlay = Some(Overlay::Help);
            app.size = (60, 16);
            let text = text_of(&app);
            assert!(text.contains(person), "{name} {lang:?}:\n{text}");
            assert!(text.contains(t.help_close), "{name} {lang:?}:\n{text}");
        }
    }
}

/// The row on screen whose text contains `needle`.
fn row_with(buf: &Buffer, needle: &str) -> Option<u16> {
    (0..buf.area.height).find(|&y| {
        let line: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        line.contains(needle)
    })
}

/// How many cells of row `y` are in reverse video and bold.
fn reversed_in_row(buf: &Buffer, y: u16) -> usize {
    (0..buf.area.width)
        .filter(|&x| {
            buf[(x, y)]
                .modifier
                .contains(Modifier::REVERSED | Modifier::BOLD)
        })
        .count()
}

/// QA: a focused text box showed focus only by a thicker frame and the
/// cursor; everything else focused is in reverse video and bold. Under
/// NO_COLOR the focused box's label is reversed across the column, and
/// an unfocused box's label is not.
#[test]
fn a_focused_text_box_shows_focus_in_reverse_video_without_colour() {
    for lang in [Lang::Vi, Lang::En] {
        let t = crate::i18n::texts(lang);
        // The name box on "who are you", focused when the screen opens.
        let (_, mut who) = states()
            .into_iter()
            .find(|(n, _)| *n == "who_empty")
            .unwrap();
        who.lang = lang;
        who.settings.theme.color = false;
        let buf = buffer_of(&who);
        let y = row_with(&buf, t.who_label).expect("the name box's label");
        assert!(
            reversed_in_row(&buf, y) >= 72,
            "who: label row {y} not reversed"
        );

        // Register: the third box focused; the first is not.
        let (_, mut reg) = states()
            .into_iter()
            .find(|(n, _)| *n == "register_errors")
            .unwrap();
        reg.lang = lang;
        reg.settings.theme.color = false;
        reg.focus = Some(2);
        let buf = buffer_of(&reg);
        let labels = [t.reg_name, t.reg_year, t.reg_group, t.reg_household];
        let mut others = 0;
        for (i, label) in labels.into_iter().enumerate() {
            let Some(y) = row_with(&buf, label) else {
                assert_ne!(i, 2, "the focused box is scrolled into view");
                continue;
            };
            if i == 2 {
                assert!(reversed_in_row(&buf, y) >= 72, "register: focused {label}");
            } else {
                assert_eq!(reversed_in_row(&buf, y), 0, "register: {label}");
                others += 1;
            }
        }
        assert!(others >= 1, "an unfocused box is on screen too");
    }
}
