//! Regression tests for the defects QA found in the learner screens, each
//! written as what a senior would notice (see the commit messages).

use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

use super::super::app::{Screen, page};
use super::super::layout::{Block, Target};
use super::render::{buffer_of, states};
use super::{Harness, add, sign_in, to_quiz};
use crate::i18n::{Lang, texts};

/// A1: before sign-in, no address (or phone) anywhere on screen.
#[test]
fn a1_no_address_before_sign_in() {
    let mut h = Harness::new();
    add(&h, "Nguyễn Thị Hằng", 1956, 5);
    h.enter();
    h.typ("hang");
    let list = h.screen();
    h.key(KeyCode::Char('1'));
    let dialog = h.screen();
    assert!(dialog.contains("Có phải bạn không?"), "{dialog}");
    assert!(dialog.contains("tổ 5 · sinh năm 1956"), "{dialog}");
    for screen in [list, dialog] {
        assert!(
            !screen.contains("Hàng Gà") && !screen.contains("0912"),
            "{screen}"
        );
    }
}

/// A2: the consent notice tells the truth about the ward.
#[test]
fn a2_consent_says_who_really_sees_the_records() {
    for lang in [Lang::Vi, Lang::En] {
        let t = texts(lang);
        let all = [
            t.consent_what,
            t.consent_why,
            t.consent_who,
            t.consent_remove,
        ]
        .join(" ");
        let (coordinators, never, erase, totals) = match lang {
            Lang::Vi => (
                "cán bộ phụ trách của phường",
                "không bao giờ",
                "xóa",
                "con số tổng",
            ),
            Lang::En => ("coordinators", "never", "erased", "totals"),
        };
        assert!(all.contains(coordinators), "{all}");
        assert!(all.contains(never), "other learners never see it: {all}");
        // What the name search shows anyone at the seat is said too.
        let (search, shown) = match lang {
            Lang::Vi => ("Ai tìm tên", "họ tên, tổ và năm sinh"),
            Lang::En => ("searches for a name", "full name, group and year of birth"),
        };
        assert!(all.contains(search) && all.contains(shown), "{all}");
        assert!(all.contains(erase), "{all}");
        assert!(!all.contains(totals), "no claim of totals only: {all}");
    }
    assert!(!["2026-11-v1", "2026-11-v2"].contains(&super::super::app::CONSENT_VERSION));
}

/// A3: → (continue) never picks a quiz choice, on any kind of question.
#[test]
fn a3_continue_never_picks_a_choice() {
    let mut h = Harness::new();
    add(&h, "Lê Thị Cúc", 1948, 2);
    sign_in(&mut h, "cuc");
    to_quiz(&mut h);
    for n in 1..=4 {
        assert!(h.sees(&format!("Câu {n}/4")), "{}", h.screen());
        for key in [KeyCode::Right, KeyCode::Enter, KeyCode::Right] {
            h.key(key);
            let Screen::Quiz(q) = &h.app.screen else {
                panic!()
            };
            assert!(q.picked.is_empty(), "question {n}: nothing chosen");
            assert!(q.answers[q.index].is_none(), "question {n}: not answered");
            assert!(
                h.sees("Hãy chọn một câu trả lời trước") || h.sees("Hãy xếp hết các bước trước"),
                "question {n}: {}",
                h.screen()
            );
        }
        // ↓ lights choice 1; Enter on it chooses it; → never does.
        h.key(KeyCode::Down);
        h.key(KeyCode::Right);
        let Screen::Quiz(q) = &h.app.screen else {
            panic!()
        };
        assert!(q.picked.is_empty(), "→ on a lit choice does not pick it");
        h.key(KeyCode::Enter);
        let Screen::Quiz(q) = &h.app.screen else {
            panic!()
        };
        assert_eq!(q.picked, vec![0], "Enter on a lit choice picks it");
        // Finish the question with number keys, then go on.
        let Screen::Quiz(q) = &h.app.screen else {
            panic!()
        };
        let m = &h.app.curriculum.modules[q.module];
        if m.quiz[q.order[q.index]].kind == crate::lessons::QuestionKind::Order {
            for c in ['2', '3'] {
                h.key(KeyCode::Char(c));
            }
        }
        h.key(KeyCode::Right);
        assert!(
            h.sees("Đúng rồi!") || h.sees("Chưa đúng"),
            "→ answers once chosen: {}",
            h.screen()
        );
        h.key(KeyCode::Right);
    }
}

/// A4: exactly one thing is lit up as focus (reverse video), it is the
/// focused target, and at most one thing is dressed as the primary action.
#[test]
fn a4_one_primary_and_one_focus_on_every_screen() {
    for (name, app) in states() {
        if app.overlay.is_some()
            || name.starts_with("idle")
            || name.starts_with("instructor")
            || name.starts_with("too_small")
        {
            continue;
        }
        let p = page(&app);
        let big_rows = p
            .body
            .iter()
            .filter(|b| matches!(b, Block::Row { big: true, .. }))
            .count();
        let primaries = p.buttons.iter().filter(|b| b.primary).count();
        assert!(
            big_rows + primaries <= 1,
            "{name}: {big_rows} big rows, {primaries} primary"
        );
        let laid = app.laid(&p);
        let buf = buffer_of(&app);
        let lit: std::collections::BTreeSet<String> = laid
            .targets
            .iter()
            .filter(|(r, _)| {
                (r.y..r.bottom()).any(|y| {
                    (r.x..r.right()).any(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
                })
            })
            .map(|(_, t)| format!("{t:?}"))
            .collect();
        // Text boxes too: a focused one has its label in reverse video.
        let focused = app.focused(&p).map(|t| format!("{t:?}"));
        assert_eq!(lit.len(), focused.iter().len(), "{name}: lit {lit:?}");
        if let Some(f) = focused {
            assert!(lit.contains(&f), "{name}: focus {f} lit {lit:?}");
        }
    }
    // The welcome after ↓: focus moved, and only the focused button is lit.
    let mut h = Harness::new();
    h.key(KeyCode::Down);
    assert_eq!(h.app.focused(&page(&h.app)), Some(Target::Language));
    h.enter();
    assert!(h.sees("Hello!"), "{}", h.screen());
}

/// B1: ↓ from the last choice reaches "Answer" before "Stop"; the leave
/// dialog opens on "Keep going".
#[test]
fn b1_focus_order_and_safe_confirmations() {
    let mut h = Harness::new();
    add(&h, "Ngô Văn Khải", 1951, 8);
    sign_in(&mut h, "khai");
    to_quiz(&mut h);
    let n = {
        let p = page(&h.app);
        p.body_focusables()
    };
    for _ in 0..=n {
        h.key(KeyCode::Down);
    }
    assert_eq!(h.app.focused(&page(&h.app)), Some(Target::Answer));
    h.key(KeyCode::Esc);
    assert!(h.sees("Dừng bài kiểm tra?"));
    h.enter();
    assert!(matches!(h.app.screen, Screen::Quiz(_)), "Enter keeps going");
    // Sign-out also opens on the safe answer.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('2'));
    assert!(matches!(h.app.screen, Screen::Home));
    h.key(KeyCode::Left);
    assert!(h.sees("Đăng xuất?"));
    h.enter();
    assert!(matches!(h.app.screen, Screen::Home), "Enter stays");
}

/// B2: consent has nothing focused; Enter says to choose.
#[test]
fn b2_consent_is_an_active_choice() {
    let (_, app) = states().into_iter().find(|(n, _)| *n == "consent").unwrap();
    let p = page(&app);
    assert_eq!(app.focused(&p), None);
    assert!(p.buttons.iter().all(|b| !b.primary), "no agree pre-lit");
}

/// Footers and help say only what the keys really do.
#[test]
fn footers_are_truthful() {
    let mut h = Harness::new();
    add(&h, "Mai Văn Nam", 1953, 3);
    // Enter with nothing typed says what to do.
    h.enter();
    h.enter();
    assert!(h.sees("Hãy gõ vài chữ trong tên"), "{}", h.screen());
    // No match: Enter goes on to register (the primary action then).
    h.typ("zzz");
    h.enter();
    assert!(
        matches!(h.app.screen, Screen::Register(_)),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Esc);
    h.enter();
    h.typ("nam");
    h.key(KeyCode::Char('1'));
    let dialog = h.screen();
    assert!(
        !dialog.contains("xóa chữ") && !dialog.contains("1–9"),
        "{dialog}"
    );
    assert!(dialog.contains("1/2"), "{dialog}");
    h.key(KeyCode::Char('2'));
    to_quiz(&mut h);
    assert!(h.sees("← Esc dừng bài kiểm tra"), "{}", h.screen());
    assert!(!h.sees("← quay lại"), "{}", h.screen());
    h.key(KeyCode::F(1));
    assert!(h.sees("← hoặc Esc: dừng bài kiểm tra"), "{}", h.screen());
    assert!(!h.sees("quay lại trang trước"), "{}", h.screen());
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
    h.key(KeyCode::Char('1'));
    h.key(KeyCode::Right);
    assert!(
        h.sees("← Esc dừng bài kiểm tra"),
        "feedback too: {}",
        h.screen()
    );
}

/// Polish: multi-select feedback lists right answers by screen number.
#[test]
fn multi_feedback_lists_numbers_in_screen_order() {
    let (_, app) = states()
        .into_iter()
        .find(|(n, _)| *n == "quiz_feedback_wrong")
        .unwrap();
    let text = super::render::text_of(&app);
    assert!(text.contains("Đáp án đúng: "), "{text}");
    let line = text.lines().find(|l| l.contains("Đáp án đúng")).unwrap();
    assert!(
        line.contains("1. ") || line.contains("2. ") || line.contains("3. "),
        "{line}"
    );
}

/// Polish: registration refuses implausible years and groups, and says
/// why letters do not appear in number boxes.
#[test]
fn registration_ranges_and_digit_hint() {
    use super::super::register::{FieldError, Register, validate};
    let mut r = Register {
        fields: [
            "Phan Thị Tuyết".into(),
            "2026".into(),
            "300".into(),
            "Số 5".into(),
            String::new(),
        ],
        ..Register::default()
    };
    let e = validate(&r, 2026).unwrap_err();
    assert_eq!(e[1], Some(FieldError::YearRange));
    assert_eq!(e[2], Some(FieldError::GroupRange));
    r.fields[1] = "1956".into();
    r.fields[2] = "200".into();
    assert!(validate(&r, 2026).is_ok());

    let mut h = Harness::new();
    h.enter();
    h.typ("zzz");
    h.enter();
    h.key(KeyCode::Down);
    h.typ("19a");
    assert!(h.sees("chỉ nhận chữ số"), "{}", h.screen());
    let Screen::Register(r) = &h.app.screen else {
        panic!()
    };
    assert_eq!(r.fields[1], "19");
}

/// Polish: after instructor mode, the welcome is back in the default language.
#[test]
fn instructor_language_does_not_stick() {
    let mut h = Harness::new();
    h.ctrl('k');
    assert!(matches!(h.app.screen, Screen::Instructor(_)));
    h.key(KeyCode::F(12)); // the instructor switches language
    assert_eq!(h.app.lang, Lang::En);
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Welcome), "{}", h.screen());
    assert!(h.sees("Xin chào!"), "{}", h.screen());
}
