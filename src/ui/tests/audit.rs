//! Regression tests for the accessibility audit of the learner screens
//! (quiz, result, home), each written as what a learner would notice.

use std::collections::BTreeSet;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

use super::super::app::{App, Msg, Screen, page, update};
use super::super::layout::Target;
use super::super::quiz::{Given, shown};
use super::render::{buffer_of, states, text_of};
use super::{Harness, add, sign_in};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::lessons::{Answer, Question, QuestionKind, Response};

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

/// Signs the only resident called `query` in and opens the first module's
/// quiz, on question 1.
fn to_quiz(h: &mut Harness, query: &str) {
    sign_in(h, query);
    super::to_quiz(h);
}

/// The question on screen and its choices in screen order (as written).
fn question(h: &Harness) -> (Question, Vec<usize>) {
    let Screen::Quiz(q) = &h.app.screen else {
        panic!("not in a quiz: {}", h.screen())
    };
    let m = &h.app.curriculum.modules[q.module];
    let question = m.quiz[q.order[q.index]].clone();
    let attempt = q.attempt_id.clone().expect("attempt started");
    let order = shown(m, &question, &attempt);
    (question, order)
}

/// The number keys of the right answer to the question on screen.
fn right_keys(h: &Harness) -> Vec<KeyCode> {
    let (q, order) = question(h);
    let pos = |w: usize| order.iter().position(|x| *x == w).unwrap_or(0);
    let positions: Vec<usize> = match &q.answer {
        Answer::Single(a) => vec![pos(*a)],
        Answer::Multi(v) => v.iter().map(|w| pos(*w)).collect(),
        Answer::TrueFalse(b) => vec![if *b { 0 } else { 1 }],
        Answer::Order => (0..q.choices.len()).map(pos).collect(),
    };
    positions
        .into_iter()
        .map(|p| KeyCode::Char(char::from(b'1' + p as u8)))
        .collect()
}

fn picked(h: &Harness) -> Vec<usize> {
    match &h.app.screen {
        Screen::Quiz(q) => q.picked.clone(),
        _ => panic!("not in a quiz: {}", h.screen()),
    }
}

/// Audit 1: number keys, then Enter, answers every kind of question, as
/// the footer says ("Enter/→ trả lời"); on the select-all question
/// `1 2 Enter` used to untick 2 instead.
#[test]
fn number_keys_then_enter_answer_every_kind_of_question() {
    let mut h = Harness::new();
    add(&h, "Lê Thị Cúc", 1950, 3);
    to_quiz(&mut h, "cuc");
    for n in 1..=4 {
        assert!(h.sees(&format!("Câu {n}/4")), "{}", h.screen());
        let keys = right_keys(&h);
        for k in &keys {
            h.key(*k);
        }
        let chosen = picked(&h);
        h.enter();
        assert!(
            h.sees("Đúng rồi!"),
            "question {n}: {keys:?} then Enter answers (chosen {chosen:?}):\n{}",
            h.screen()
        );
        h.enter();
    }
    assert!(h.sees("Bạn trả lời đúng 4/4 câu (100%)."), "{}", h.screen());
}

/// Audit 1, ordering: a step placed by its number stays placed when Enter
/// follows; Enter answers, and says to place every step first.
#[test]
fn enter_after_a_number_never_undoes_a_placed_step() {
    let mut h = Harness::new();
    add(&h, "Lê Thị Cúc", 1950, 3);
    to_quiz(&mut h, "cuc");
    for _ in 0..3 {
        for k in right_keys(&h) {
            h.key(k);
        }
        h.enter();
        h.enter();
    }
    assert_eq!(question(&h).0.kind, QuestionKind::Order, "{}", h.screen());
    h.key(KeyCode::Char('3'));
    h.enter();
    assert_eq!(picked(&h), vec![2], "step 3 is still placed");
    assert!(h.sees("Hãy xếp hết các bước trước"), "{}", h.screen());
    // The footer still says Enter answers; 1 and 2 finish the order.
    assert!(h.sees("Enter/→ trả lời"), "{}", h.screen());
    h.key(KeyCode::Char('1'));
    h.key(KeyCode::Char('2'));
    h.enter();
    assert!(h.sees("Bạn đã xếp:"), "answered: {}", h.screen());
}

/// Audit 1, keyboard only: ↓ lights a choice and Enter (or Space) on it
/// picks it and keeps it lit, so the next Enter on the same choice takes
/// it back; the footer names what Enter does on the lit choice, and → as
/// "answer", on every kind of question.
#[test]
fn the_footer_says_what_enter_does_on_every_kind_of_question() {
    let mut h = Harness::new();
    add(&h, "Lê Thị Cúc", 1950, 3);
    to_quiz(&mut h, "cuc");
    for n in 1..=4 {
        let kind = question(&h).0.kind;
        assert!(h.sees("Enter/→ trả lời"), "question {n}: {}", h.screen());
        assert!(!h.sees("tiếp tục"), "question {n}: {}", h.screen());
        h.key(KeyCode::Down);
        let (before, after) = match kind {
            QuestionKind::Single | QuestionKind::TrueFalse => {
                ("chọn mục đang sáng", "Enter/→ trả lời")
            }
            QuestionKind::Multi => ("đánh dấu mục đang sáng", "bỏ dấu mục đang sáng"),
            QuestionKind::Order => ("xếp bước đang sáng", "bỏ bước đang sáng ra"),
        };
        assert!(
            h.sees(&format!("Enter/Space {before}")) && h.sees("→ trả lời"),
            "question {n}: {}",
            h.screen()
        );
        h.enter();
        assert_eq!(picked(&h), vec![0], "question {n}: Enter on the lit choice");
        assert!(h.sees(after), "question {n}: {}", h.screen());
        if matches!(kind, QuestionKind::Multi | QuestionKind::Order) {
            // Still lit: Space on it takes it back, as the footer said.
            h.key(KeyCode::Char(' '));
            assert!(picked(&h).is_empty(), "question {n}: taken back");
            assert!(h.sees(before), "question {n}: {}", h.screen());
            for k in right_keys(&h) {
                h.key(k);
            }
        }
        h.key(KeyCode::Right);
        assert!(
            h.sees("Đúng rồi!") || h.sees("Chưa đúng"),
            "question {n}: → answers: {}",
            h.screen()
        );
        h.enter();
    }
}

/// Audit 3: while ordering, each step shows the place it was given in
/// words next to its key number ("3. (bước 1)"), not "3. [ 1]"; a step not
/// placed yet shows no place; the steps' words stay in one column.
#[test]
fn an_ordering_step_shows_its_place_in_words() {
    for (lang, first, second) in [
        (Lang::Vi, "(bước 1)", "(bước 2)"),
        (Lang::En, "(step 1)", "(step 2)"),
    ] {
        let mut app = state("quiz_order");
        app.lang = lang;
        if let Screen::Quiz(q) = &mut app.screen {
            q.picked = vec![2, 0];
        }
        let text = text_of(&app);
        let line = |n: usize| -> &str {
            text.lines()
                .find(|l| l.trim_start().starts_with(&format!("{n}. ")))
                .unwrap_or_else(|| panic!("no choice {n}:\n{text}"))
        };
        assert!(line(3).contains(&format!("3. {first} ")), "{text}");
        assert!(line(1).contains(&format!("1. {second} ")), "{text}");
        assert!(!line(2).contains('(') && !text.contains("[ 1]"), "{text}");
        // Where each step's words start on screen: the same column.
        let words_at: Vec<usize> = app.curriculum.modules[0].quiz[3]
            .choices
            .iter()
            .map(|c| {
                let label = c.get(lang);
                let l = text
                    .lines()
                    .find(|l| l.contains(label))
                    .unwrap_or_else(|| panic!("{label} not on screen:\n{text}"));
                l.find(label).map_or(0, |b| l[..b].width())
            })
            .collect();
        assert!(
            words_at.windows(2).all(|w| w[0] == w[1]),
            "{words_at:?}\n{text}"
        );
    }
}

/// Audit 4: the result says how many questions pass, in questions, and
/// rounds so that number really passes (75 % of 4 is 3).
#[test]
fn a_failed_result_says_how_many_questions_pass() {
    for (lang, want, not) in [
        (Lang::Vi, "Cần đúng ít nhất 3/4 câu để đạt.", "75%"),
        (Lang::En, "You need at least 3 of 4 right to pass.", "75%"),
    ] {
        let mut app = state("result_failed");
        app.lang = lang;
        let text = text_of(&app)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(want), "{text}");
        assert!(!text.contains(not), "{text}");
    }
}

/// Audit 4: a true/false question answered right says "Đúng rồi!" and
/// then that the statement is false, not "Đáp án đúng: Sai".
#[test]
fn true_false_feedback_says_what_the_statement_is() {
    for (lang, want, not) in [
        (Lang::Vi, "Câu nói này: Sai", "Đáp án đúng: Sai"),
        (
            Lang::En,
            "The statement is: False",
            "The right answer: False",
        ),
    ] {
        let mut app = state("quiz_true_false");
        app.lang = lang;
        if let Screen::Quiz(q) = &mut app.screen {
            q.answers[q.index] = Some(Given {
                response: Response::TrueFalse(false),
                correct: true,
            });
        }
        let text = text_of(&app);
        assert!(text.contains(want) && !text.contains(not), "{text}");
    }
}

/// Audit 4: no interface text praises like one praises a child, and the
/// help names what is lit as an item ("mục") or a button ("nút").
#[test]
fn wording_suits_older_adults() {
    for (name, text) in crate::i18n::texts(Lang::Vi).all() {
        for word in ["Giỏi lắm", "điều đang sáng"] {
            assert!(!text.contains(word), "{name}: {text}");
        }
    }
    // The words of a screen as one line, frames aside.
    let words = |app: &App| {
        text_of(app)
            .replace(['║', '│', '┃'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut app = state("help");
    assert!(
        words(&app).contains("chọn mục đang sáng"),
        "{}",
        words(&app)
    );
    app.screen = state("quiz_single").screen;
    let help = words(&app);
    assert!(help.contains("Enter trên một mục đang sáng"), "{help}");
}

/// Audit 5: after passing a module and choosing "Xem lại bài", home's big
/// button goes on to the next module, not back to page 1 of the one just
/// passed; a review left mid-way is offered as "Xem lại tiếp", also after
/// a restart; a review read to its last page gives way to the next module.
#[test]
fn after_passing_continue_goes_on_to_the_next_module() {
    let mut h = Harness::new();
    add(&h, "Lê Thị Cúc", 1950, 3);
    to_quiz(&mut h, "cuc");
    for _ in 0..4 {
        for k in right_keys(&h) {
            h.key(k);
        }
        h.enter();
        h.enter();
    }
    assert!(h.sees("Chúc mừng!"), "{}", h.screen());
    h.click(Target::Review);
    assert!(h.sees("Trang 1/3"), "{}", h.screen());
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Home), "{}", h.screen());
    assert!(h.sees("Bắt đầu học: Bài thử thứ hai"), "{}", h.screen());
    assert!(!h.sees("Học tiếp: Bài thử: điện thoại"), "{}", h.screen());

    // The review, read on to page 2 and left there.
    h.key(KeyCode::Char('1'));
    h.key(KeyCode::Right);
    assert!(h.sees("Trang 2/3"), "{}", h.screen());
    h.key(KeyCode::Esc);
    let mid = "Xem lại tiếp: Bài thử: điện thoại, trang 2/3";
    assert!(h.sees(mid), "{}", h.screen());
    // The same from the database, after a restart.
    let mut h = h.restart();
    sign_in(&mut h, "cuc");
    assert!(h.sees(mid), "{}", h.screen());
    // Read to its last page: the next module again, and it opens.
    h.enter();
    assert!(h.sees("Trang 2/3"), "{}", h.screen());
    h.key(KeyCode::Right);
    assert!(h.sees("Trang 3/3"), "{}", h.screen());
    h.key(KeyCode::Esc);
    assert!(h.sees("Bắt đầu học: Bài thử thứ hai"), "{}", h.screen());
    h.enter();
    assert!(
        h.sees("Bài thử thứ hai") && h.sees("Trang 1/1"),
        "{}",
        h.screen()
    );
}
