//! Each learner flow, driven by keys and clicks as a learner would.

use ratatui::crossterm::event::KeyCode;

use crate::lessons::{Answer, QuestionKind};

use super::super::app::{CONSENT_VERSION, Effect, EndWhy, Msg, Screen};
use super::super::layout::Target;
use super::super::quiz::shown;
use super::{Harness, add, sign_in};

/// Enter through the test module's three pages to its quiz, ticking the
/// practice page done on the way.
fn through_pages(h: &mut Harness) {
    for _ in 0..3 {
        h.enter();
        if h.sees("[ ] Làm xong") {
            h.enter();
        }
    }
}

/// Types `values` into the registration form's five boxes by touch, then
/// presses Continue.
fn fill_form(h: &mut Harness, values: [&str; 5]) {
    for (i, v) in values.iter().enumerate() {
        h.click(Target::Field(i));
        h.typ(v);
    }
    h.click(Target::Next);
}

fn db(h: &Harness) -> rusqlite::Connection {
    rusqlite::Connection::open(h.store.path()).unwrap()
}

fn count(h: &Harness, sql: &str) -> i64 {
    db(h).query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The question on screen, its choice order, and the attempt.
fn on_screen(h: &Harness) -> (crate::lessons::Question, Vec<usize>, String) {
    let Screen::Quiz(q) = &h.app.screen else {
        panic!("not in a quiz: {:?}", h.app.screen)
    };
    let m = &h.app.curriculum.modules[q.module];
    let question = m.quiz[q.order[q.index]].clone();
    let attempt = q.attempt_id.clone().expect("attempt started");
    (question.clone(), shown(m, &question, &attempt), attempt)
}

/// The screen positions to press, in order, for a right or wrong answer.
fn presses(h: &Harness, right: bool) -> Vec<usize> {
    let (q, shown, _) = on_screen(h);
    let pos = |w: usize| shown.iter().position(|x| *x == w).unwrap();
    match (&q.answer, right) {
        (Answer::Single(a), true) => vec![pos(*a)],
        (Answer::Single(a), false) => vec![pos((*a + 1) % q.choices.len())],
        (Answer::Multi(v), true) => v.iter().map(|w| pos(*w)).collect(),
        (Answer::Multi(v), false) => vec![pos(v[0])],
        (Answer::TrueFalse(b), r) => vec![if *b == r { 0 } else { 1 }],
        (Answer::Order, true) => (0..q.choices.len()).map(pos).collect(),
        (Answer::Order, false) => (0..q.choices.len()).rev().map(pos).collect(),
    }
}

/// Answers the question on screen with number keys and Enter.
fn answer_by_keys(h: &mut Harness, right: bool) {
    for p in presses(h, right) {
        h.key(KeyCode::Char(char::from(b'1' + p as u8)));
    }
    // → always means "Answer" (it never picks a choice).
    h.key(KeyCode::Right);
    let verdict = if right {
        "Đúng rồi!"
    } else {
        "Chưa đúng"
    };
    assert!(h.sees(verdict), "{}", h.screen());
}

/// Answers the question on screen with clicks only.
fn answer_by_mouse(h: &mut Harness, right: bool) {
    for p in presses(h, right) {
        h.click(Target::Choice(p));
    }
    h.click(Target::Answer);
}

#[test]
fn register_with_consent() {
    let mut h = Harness::new();
    h.click(Target::Start);
    h.typ("hang");
    assert!(h.sees("Chưa có ai tên “hang”"), "{}", h.screen());
    h.click(Target::Register);
    assert!(h.sees("Đăng ký người học mới"));
    // Continue with nothing filled in: every box says what to fix.
    h.click(Target::Next);
    assert!(h.sees("Có ô cần sửa"), "{}", h.screen());
    assert!(h.sees("Xin gõ họ và tên của bạn."));
    assert_eq!(h.app.focus, Some(0), "the first box to fix is focused");
    h.typ("Nguyễn Thị Hằng");
    h.enter();
    h.typ("1956");
    h.enter();
    h.typ("5");
    h.enter();
    h.typ("Số 12 ngõ 5");
    h.enter();
    h.typ("0912 345 678");
    h.enter();
    assert!(h.sees("Đồng ý lưu thông tin"), "{}", h.screen());
    assert_eq!(
        count(&h, "SELECT count(*) FROM residents"),
        0,
        "nothing saved before consent"
    );
    // Back keeps what was typed.
    h.key(KeyCode::Left);
    assert!(h.sees("Nguyễn Thị Hằng"), "{}", h.screen());
    h.click(Target::Next);
    // Declining asks first (a stray ↓↓ Enter lands on it), and the safe
    // answer, Enter, keeps the page and the form.
    h.click(Target::Decline);
    assert!(h.sees("Không đồng ý?"), "{}", h.screen());
    h.enter();
    assert!(
        matches!(h.app.screen, Screen::Consent(_)),
        "{:?}",
        h.app.screen
    );
    h.key(KeyCode::Esc);
    assert!(h.sees("Không đồng ý?"), "Esc asks too: {}", h.screen());
    h.key(KeyCode::Esc);
    h.key(KeyCode::Left);
    assert!(
        h.sees("Nguyễn Thị Hằng"),
        "the form is intact: {}",
        h.screen()
    );
    h.click(Target::Next);
    // Declining for sure saves nothing and says so.
    h.click(Target::Decline);
    h.key(KeyCode::Char('2'));
    assert!(matches!(h.app.screen, Screen::Welcome));
    assert!(h.sees("Chưa lưu gì cả"), "{}", h.screen());
    assert_eq!(count(&h, "SELECT count(*) FROM residents"), 0);

    // Again, and accept.
    h.enter();
    h.click(Target::Register);
    fill_form(&mut h, ["Nguyễn Thị Hằng", "1956", "5", "Số 12 ngõ 5", ""]);
    // Consent is an active choice: Enter alone says how to choose.
    h.enter();
    assert!(h.sees("Hãy chọn một nút"), "{}", h.screen());
    assert_eq!(count(&h, "SELECT count(*) FROM residents"), 0);
    h.click(Target::Accept);
    assert!(h.sees("Xin chào, Nguyễn Thị Hằng"), "{}", h.screen());
    let r = h.store.find_residents("nguyen thi hang", 5).unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].consent_version.as_deref(), Some(CONSENT_VERSION));
    assert!(r[0].consent_at.is_some());
    assert_eq!(r[0].phone, None);
    assert_eq!(
        count(
            &h,
            "SELECT count(*) FROM seat_sessions WHERE ended_at IS NULL"
        ),
        1
    );
}

#[test]
fn namesakes_are_told_apart_and_picked_with_the_mouse() {
    let mut h = Harness::new();
    add(&h, "Nguyễn Thị Hằng", 1956, 5);
    let second = add(&h, "Nguyễn Thị Hằng", 1961, 7);
    h.click(Target::Start);
    h.typ("nguyen thi hang");
    assert!(h.sees("tổ 5 · sinh năm 1956"), "{}", h.screen());
    assert!(h.sees("tổ 7 · sinh năm 1961"));
    let row = if h.screen().find("tổ 7").unwrap() < h.screen().find("tổ 5").unwrap() {
        0
    } else {
        1
    };
    h.click(Target::Row(row));
    assert!(h.sees("Có phải bạn không?"));
    // Privacy: before sign-in only name, group and birth year are shown.
    assert!(h.sees("tổ 7 · sinh năm 1961"), "{}", h.screen());
    assert!(
        !h.sees("ngõ") && !h.sees("Địa chỉ"),
        "no address before sign-in: {}",
        h.screen()
    );
    h.click(Target::No);
    assert!(matches!(h.app.screen, Screen::Who(_)));
    h.click(Target::Row(row));
    h.click(Target::Yes);
    assert_eq!(h.app.learner.as_ref().unwrap().person.id, second);
}

#[test]
fn a_lesson_by_keys_records_each_page_and_resumes_after_a_restart() {
    let mut h = Harness::new();
    let id = add(&h, "Trần Văn Bình", 1950, 3);
    sign_in(&mut h, "binh");
    assert!(h.sees("Bắt đầu học: Bài thử: điện thoại"), "{}", h.screen());
    h.enter();
    assert!(h.sees("Trang 1/3"), "{}", h.screen());
    assert!(h.sees("Mẹo") && h.sees("Giữ nút nguồn ba giây."));
    assert!(h.sees("Cẩn thận") && h.sees("Không đưa mật khẩu cho ai."));
    h.key(KeyCode::Right);
    assert!(h.sees("Trang 2/3"));
    // A practice page: Space ticks the box and stays; Enter goes on. The
    // footer says "done, next page" only once the box is ticked (Enter
    // alone ticks nothing, so it must not claim to).
    assert!(h.sees("[ ] Làm xong thì bấm Space"), "{}", h.screen());
    assert!(!h.sees("đã làm xong, sang trang sau"), "{}", h.screen());
    assert!(h.sees("Enter/→ tiếp tục"), "{}", h.screen());
    h.key(KeyCode::Char(' '));
    assert!(h.sees("[✓] Đã làm xong"), "{}", h.screen());
    assert!(h.sees("đã làm xong, sang trang sau"), "{}", h.screen());
    assert!(h.sees("Trang 2/3"));
    h.key(KeyCode::Char(' '));
    assert!(h.sees("[ ] Làm xong"), "Space unticks: {}", h.screen());
    // Enter on the lit box ticks it, as Enter chooses what is lit.
    for _ in 0..4 {
        if h.app.target_of(&crate::ui::app::Action::Activate) == Some(Target::Practice) {
            break;
        }
        h.key(KeyCode::Up);
    }
    h.enter();
    assert!(h.sees("[✓] Đã làm xong"), "{}", h.screen());
    assert!(h.sees("Trang 2/3"), "{}", h.screen());
    h.enter();
    assert!(h.sees("Trang 3/3"), "one Enter goes on: {}", h.screen());
    // Back goes to the previous page, and that is recorded too.
    h.key(KeyCode::Backspace);
    assert!(h.sees("Trang 2/3"));
    let p = h.store.progress(&id).unwrap();
    assert_eq!(
        p[0].steps_seen.iter().copied().collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    assert_eq!(p[0].last_step, Some(1));

    // The kiosk restarts (a crash or a pulled plug): sign in again.
    let mut h = h.restart();
    sign_in(&mut h, "binh");
    assert!(
        h.sees("Học tiếp: Bài thử: điện thoại, trang 2/3"),
        "{}",
        h.screen()
    );
    h.enter();
    assert!(h.sees("Trang 2/3"), "{}", h.screen());
}

#[test]
fn every_question_kind_by_keys_right_answers_pass_and_unlock() {
    let mut h = Harness::new();
    let id = add(&h, "Lê Thị Cúc", 1948, 2);
    sign_in(&mut h, "cuc");
    assert!(
        h.sees("Chưa mở: học bài “Bài thử: điện thoại” trước"),
        "{}",
        h.screen()
    );
    h.enter();
    for _ in 0..3 {
        h.enter();
        if h.sees("[ ] Làm xong") {
            h.key(KeyCode::Char(' '));
        }
    }
    assert!(h.sees("Câu 1/4"), "{}", h.screen());
    let kinds: Vec<QuestionKind> = (0..4)
        .map(|_| {
            let kind = on_screen(&h).0.kind;
            answer_by_keys(&mut h, true);
            assert!(h.sees("Vì sao"), "the explanation is shown");
            h.enter();
            kind
        })
        .collect();
    assert_eq!(
        kinds,
        [
            QuestionKind::Single,
            QuestionKind::Multi,
            QuestionKind::TrueFalse,
            QuestionKind::Order
        ]
    );
    assert!(h.sees("Bạn trả lời đúng 4/4 câu (100%)."), "{}", h.screen());
    assert!(h.sees("Chúc mừng!"));
    let p = h.store.progress(&id).unwrap();
    assert!(
        p.iter()
            .any(|m| m.module_id == "basics" && m.passed && m.best_score == Some(100))
    );
    assert_eq!(h.store.resume_point(&id).unwrap(), None);
    // Home: done mark, and the second module is open.
    h.enter();
    assert!(h.sees("Đã xong ✓ · điểm cao nhất 100%"), "{}", h.screen());
    assert!(h.sees("Bắt đầu học: Bài thử thứ hai"), "{}", h.screen());
    assert_eq!(
        count(&h, "SELECT count(*) FROM quiz_answers WHERE correct = 1"),
        4
    );
}

#[test]
fn wrong_answers_by_mouse_show_the_right_one_then_retry() {
    let mut h = Harness::new();
    add(&h, "Phạm Văn Dũng", 1952, 4);
    sign_in(&mut h, "dung");
    h.click(Target::Resume);
    h.click(Target::Next);
    h.click(Target::Practice);
    h.click(Target::Next);
    h.click(Target::Next);
    // Answering with nothing chosen is a friendly nudge, not an error.
    h.click(Target::Answer);
    assert!(h.sees("Hãy chọn một câu trả lời trước"), "{}", h.screen());
    let first_attempt = on_screen(&h).2;
    for i in 0..4 {
        answer_by_mouse(&mut h, i == 0);
        if i > 0 {
            assert!(h.sees("Chưa đúng"), "{}", h.screen());
            // True/false says what the statement is rather than "the
            // right answer: False".
            assert!(
                h.sees("Đáp án đúng:") || h.sees("Câu nói này:"),
                "{}",
                h.screen()
            );
        }
        h.click(Target::Next);
    }
    assert!(h.sees("Bạn trả lời đúng 1/4 câu (25%)."), "{}", h.screen());
    assert!(h.sees("Cần đúng ít nhất 3/4 câu để đạt"), "{}", h.screen());
    assert!(h.sees("Nên xem lại các câu:"));
    assert!(h.sees("• Điều gì an toàn?"), "{}", h.screen());
    assert_eq!(
        count(&h, "SELECT count(*) FROM quiz_results WHERE passed = 0"),
        1
    );
    h.click(Target::Retry);
    assert!(h.sees("Câu 1/4"));
    assert_ne!(on_screen(&h).2, first_attempt, "a retry is a new attempt");
    assert_eq!(count(&h, "SELECT count(*) FROM quiz_attempts"), 2);
}

#[test]
fn a_quiz_resumes_on_the_same_question_with_the_same_choice_order() {
    let mut h = Harness::new();
    let id = add(&h, "Đỗ Thị Én", 1955, 6);
    sign_in(&mut h, "en");
    h.enter();
    through_pages(&mut h);
    answer_by_keys(&mut h, true);
    h.enter();
    answer_by_keys(&mut h, false);
    h.enter();
    let (q, order, attempt) = on_screen(&h);
    assert!(h.sees("Câu 3/4"));

    let mut h = h.restart();
    sign_in(&mut h, "en");
    assert!(
        h.sees("Làm tiếp bài kiểm tra: Bài thử: điện thoại, câu 3/4"),
        "{}",
        h.screen()
    );
    h.enter();
    assert!(h.sees("Câu 3/4"), "{}", h.screen());
    let (q2, order2, attempt2) = on_screen(&h);
    assert_eq!((q.id, order, attempt.clone()), (q2.id, order2, attempt2));
    answer_by_keys(&mut h, true);
    h.enter();
    answer_by_keys(&mut h, true);
    h.enter();
    // 3 of 4 right: the wrong answer from before the restart still counts.
    assert!(h.sees("Bạn trả lời đúng 3/4 câu (75%)."), "{}", h.screen());
    assert!(h.store.progress(&id).unwrap()[0].passed);
}

#[test]
fn idle_countdown_is_cancelled_by_a_key_then_signs_out() {
    let mut h = Harness::new();
    add(&h, "Vũ Văn Giang", 1949, 1);
    h.send(Msg::Tick(1_000));
    sign_in(&mut h, "giang");
    let deadline = h.app.next_deadline().unwrap();
    assert_eq!(deadline, 1_000 + 300_000);
    h.send(Msg::Tick(deadline));
    assert!(h.sees("Bạn còn ở đây không?"), "{}", h.screen());
    assert!(h.sees("30 giây"), "{}", h.screen());
    h.send(Msg::Tick(deadline + 12_500));
    assert!(h.sees("18 giây"), "{}", h.screen());
    // Any key cancels, and does nothing else.
    h.key(KeyCode::Enter);
    assert!(!h.sees("Bạn còn ở đây không?"));
    assert!(matches!(h.app.screen, Screen::Home));
    // Then nobody comes back.
    let deadline = h.app.next_deadline().unwrap();
    h.send(Msg::Tick(deadline));
    h.send(Msg::Tick(deadline + 30_000));
    assert!(matches!(h.app.screen, Screen::Welcome));
    assert!(h.app.learner.is_none());
    assert!(h.effects.iter().any(|e| matches!(
        e,
        Effect::EndSession {
            reason: EndWhy::Idle,
            ..
        }
    )));
    assert_eq!(
        count(
            &h,
            "SELECT count(*) FROM seat_sessions WHERE end_reason = 'idle'"
        ),
        1
    );
    assert_eq!(
        h.app.next_deadline(),
        None,
        "the welcome screen waits forever"
    );
}

#[test]
fn a_touch_cancels_the_countdown_too() {
    let mut h = Harness::new();
    add(&h, "Hoàng Thị Hoa", 1957, 2);
    sign_in(&mut h, "hoa");
    h.send(Msg::Tick(310_000));
    assert!(h.app.countdown_left().is_some());
    h.click(Target::Close);
    assert!(h.app.countdown_left().is_none());
    assert!(matches!(h.app.screen, Screen::Home));
}

#[test]
fn leaving_a_quiz_asks_first() {
    let mut h = Harness::new();
    add(&h, "Ngô Văn Khải", 1951, 8);
    sign_in(&mut h, "khai");
    h.enter();
    through_pages(&mut h);
    assert!(h.sees("Câu 1/4"));
    h.key(KeyCode::Esc);
    assert!(h.sees("Dừng bài kiểm tra?"), "{}", h.screen());
    h.enter(); // "Keep going" is focused
    assert!(h.sees("Câu 1/4"));
    h.key(KeyCode::Left);
    assert!(h.sees("Dừng bài kiểm tra?"));
    h.key(KeyCode::Char('2'));
    assert!(matches!(h.app.screen, Screen::Home), "{:?}", h.app.screen);
    assert!(h.sees("Làm tiếp bài kiểm tra"), "{}", h.screen());
}

#[test]
fn ctrl_c_ctrl_z_and_ctrl_backslash_do_nothing() {
    let mut h = Harness::new();
    h.enter();
    let before = h.screen();
    for c in ['c', 'z', '\\', 'd'] {
        h.ctrl(c);
    }
    assert_eq!(h.screen(), before);
    assert!(!h.app.quit);
    assert!(h.effects.is_empty());
}

#[test]
fn a_locked_module_says_which_comes_first() {
    let mut h = Harness::new();
    add(&h, "Đinh Văn Long", 1950, 9);
    sign_in(&mut h, "long");
    h.click(Target::Module(1));
    assert!(
        h.sees("Bài này chưa mở. Hãy học xong bài “Bài thử: điện thoại” trước."),
        "{}",
        h.screen()
    );
    assert!(matches!(h.app.screen, Screen::Home));
    h.key(KeyCode::Char('1'));
    assert!(h.sees("Trang 1/3"));
}

/// A senior who starts typing their name on the welcome screen is taken to
/// "Who are you?" with it, Telex and all; "Lan" no longer turns the screen
/// English (L was the language key). F12 switches the language in the name
/// box too, keeping what was typed.
#[test]
fn a_name_typed_on_the_welcome_screen_starts_the_search() {
    let mut h = Harness::new();
    add(&h, "Lê Thị Lan", 1950, 2);
    h.typ("Lee");
    assert!(matches!(h.app.screen, Screen::Who(_)), "{}", h.screen());
    assert!(h.sees("Lê"), "{}", h.screen());
    assert!(h.sees("Bạn là ai?"), "{}", h.screen());
    h.typ(" thi lan");
    assert!(h.sees("Lê Thị Lan"), "{}", h.screen());
    h.key(KeyCode::F(12));
    assert!(h.sees("Who are you?"), "{}", h.screen());
    assert!(h.sees("Lê thi lan"), "{}", h.screen());
}

#[test]
fn language_toggles_everywhere_and_idle_resets_it() {
    let mut h = Harness::new();
    h.key(KeyCode::F(12));
    assert!(
        h.sees("Press Enter or touch the Start button"),
        "{}",
        h.screen()
    );
    h.click(Target::Language);
    assert!(h.sees("Bấm Enter hoặc chạm vào nút Bắt đầu"));
    h.click(Target::Language);
    h.enter();
    assert!(h.sees("Who are you?"));
    h.send(Msg::Tick(10_000_000));
    h.send(Msg::Tick(20_000_000));
    assert!(matches!(h.app.screen, Screen::Welcome));
    assert!(h.sees("Xin chào!"), "back to the default language");
}

#[test]
fn help_opens_with_f1_or_question_mark_and_closes() {
    let mut h = Harness::new();
    h.key(KeyCode::F(1));
    assert!(
        h.sees("Trợ giúp") && h.sees("Enter hoặc →: tiếp tục"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Esc);
    assert!(!h.sees("Trợ giúp"));
    h.key(KeyCode::Char('?'));
    assert!(h.sees("Trợ giúp"));
    h.click(Target::Close);
    assert!(h.app.overlay.is_none());
}

/// Help names only the keys that work on the screen under it: in the name
/// box Space and the digits of the form are typed, and Esc goes home
/// from a lesson page only (in the quiz it stops the quiz, and help said
/// both "stop the quiz, asks first" and "go home").
#[test]
fn help_names_only_the_keys_that_work_on_this_screen() {
    let mut h = Harness::new();
    add(&h, "Nguyễn Thị Hằng", 1956, 5);
    let help = |h: &mut Harness| {
        h.key(KeyCode::F(1));
        let screen = h.screen();
        assert!(screen.contains("Trợ giúp"), "{screen}");
        h.key(KeyCode::Esc);
        screen
    };
    let welcome = help(&mut h);
    assert!(welcome.contains("F12: đổi sang tiếng Anh"), "{welcome}");
    assert!(!welcome.contains("Esc: về trang chủ"), "{welcome}");
    assert!(!welcome.contains("Space"), "{welcome}");
    h.enter();
    let who = help(&mut h);
    for wrong in ["Space", "Esc: về trang chủ"] {
        assert!(!who.contains(wrong), "{wrong:?} on Who:\n{who}");
    }
    // F12 is not a letter: it works in the name box too.
    assert!(who.contains("F12: đổi sang tiếng Anh"), "{who}");
    assert!(
        who.contains("Phím số 1, 2, 3…"),
        "names are picked by number: {who}"
    );
    h.click(Target::Register);
    let form = help(&mut h);
    for wrong in ["Space", "Phím số", "Esc: về trang chủ"] {
        assert!(!form.contains(wrong), "{wrong:?} on the form:\n{form}");
    }
    h.key(KeyCode::Left);
    h.key(KeyCode::Left);
    sign_in(&mut h, "hang");
    let home = help(&mut h);
    assert!(!home.contains("Esc: về trang chủ"), "{home}");
    h.enter(); // the first lesson page
    let lesson = help(&mut h);
    assert!(lesson.contains("Esc: về trang chủ"), "{lesson}");
    through_pages(&mut h);
    assert!(
        matches!(h.app.screen, Screen::Quiz(_)),
        "{:?}",
        h.app.screen
    );
    let quiz = help(&mut h);
    assert!(quiz.contains("dừng bài kiểm tra"), "{quiz}");
    assert!(!quiz.contains("Esc: về trang chủ"), "{quiz}");
    assert!(quiz.contains("Space"), "{quiz}");
}

#[test]
fn read_aloud_only_with_a_command_and_stops_on_moving_on() {
    let mut h = Harness::new();
    add(&h, "Mai Văn Nam", 1953, 3);
    sign_in(&mut h, "nam");
    h.enter();
    assert!(!h.sees("đọc to"), "no speech command, no key");
    h.key(KeyCode::Char('r'));
    assert!(!h.effects.iter().any(|e| matches!(e, Effect::Speak(_))));

    h.app.settings.speech = true;
    assert!(h.sees("R đọc to"), "{}", h.screen());
    h.key(KeyCode::Char('r'));
    let spoken = h.effects.iter().find_map(|e| match e {
        Effect::Speak(t) => Some(t.clone()),
        _ => None,
    });
    let spoken = spoken.expect("speaks");
    assert!(spoken.contains("Trang một: bật điện thoại.") && spoken.contains("Mẹo: Giữ nút nguồn"));
    assert!(h.sees("R dừng đọc"));
    h.enter();
    assert_eq!(h.effects.last(), Some(&Effect::StopSpeaking));
    assert!(!h.app.speaking);
}

#[test]
fn instructor_key_opens_the_plug_in_and_esc_returns() {
    let mut h = Harness::new();
    h.enter();
    h.typ("ab");
    h.ctrl('k');
    assert!(matches!(h.app.screen, Screen::Instructor(_)));
    assert!(h.sees("Chế độ người hướng dẫn"));
    h.key(KeyCode::Esc);
    let Screen::Who(w) = &h.app.screen else {
        panic!("{:?}", h.app.screen)
    };
    assert_eq!(w.query, "ab", "the learner's screen is back as it was");
    assert!(!h.sees("Ctrl+K"), "no learner screen names the key");
}

#[test]
fn the_wheel_scrolls_a_long_page() {
    let mut h = Harness::new();
    add(&h, "Lý Thị Oanh", 1958, 5);
    sign_in(&mut h, "oanh");
    h.send(Msg::Resize(40, 15));
    h.enter();
    assert!(h.sees("còn ở dưới"), "{}", h.screen());
    for _ in 0..5 {
        h.wheel(true);
    }
    assert!(h.app.scroll > 0);
    assert!(h.sees("còn ở trên"), "{}", h.screen());
    assert!(h.sees("Không đưa mật khẩu cho ai."), "{}", h.screen());
}

#[test]
fn sigterm_closes_the_session_and_quits() {
    let mut h = Harness::new();
    add(&h, "Tạ Văn Phúc", 1947, 1);
    sign_in(&mut h, "phuc");
    h.send(Msg::Terminate);
    assert!(h.app.quit);
    assert_eq!(
        count(
            &h,
            "SELECT count(*) FROM seat_sessions WHERE end_reason = 'closed'"
        ),
        1
    );
}

#[test]
fn signing_out_asks_then_returns_to_welcome() {
    let mut h = Harness::new();
    add(&h, "Kiều Thị Quế", 1954, 2);
    sign_in(&mut h, "que");
    h.key(KeyCode::Left);
    assert!(h.sees("Đăng xuất?"), "{}", h.screen());
    h.click(Target::Yes);
    assert!(matches!(h.app.screen, Screen::Welcome));
    assert_eq!(
        count(
            &h,
            "SELECT count(*) FROM seat_sessions WHERE end_reason = 'sign-out'"
        ),
        1
    );
}

/// The shipped lessons with 010 (phone basics) broken: its nine dependents
/// down the chain used to vanish from home. Now the other ten modules are
/// all listed, 010's direct dependents open at once, and the rest unlock
/// in the usual order.
#[test]
fn a_broken_first_module_leaves_the_rest_reachable() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo.join("lessons")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let mut text = std::fs::read_to_string(&path).unwrap();
            if path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("010")
            {
                assert!(text.contains("\norder = 10\n"));
                text = text.replace("\norder = 10\n", "\norder = \"ten\"\n");
            }
            std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
        }
    }
    let cfg = crate::config::Config::load(&repo.join("kiosk.toml")).unwrap();
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let report = crate::lessons::load_dir(dir.path(), &ids).unwrap();
    assert_eq!(report.skipped.len(), 1, "only 010 is broken");
    let modules = &report.curriculum.modules;
    assert_eq!(modules.len(), 10, "020..110 are all shown");
    assert!(modules.iter().all(|m| m.id != "phone-basics"));

    let mut h = Harness::new();
    h.app.curriculum = std::sync::Arc::new(report.curriculum);
    add(&h, "Đinh Văn Long", 1950, 9);
    sign_in(&mut h, "long");
    let curriculum = h.app.curriculum.clone();
    let index = |id: &str| curriculum.modules.iter().position(|m| m.id == id).unwrap();
    // Nothing is locked by the missing module: its direct dependents open.
    for id in ["vneid-level-1", "ihanoi", "ewallet", "zalo-safety"] {
        assert_eq!(
            super::super::home::locked_by(&h.app, index(id)),
            None,
            "{id}"
        );
    }
    // The chain after them is kept: VNeID level 2 waits for level 1.
    assert_eq!(
        super::super::home::locked_by(&h.app, index("vneid-level-2")),
        Some(index("vneid-level-1"))
    );
    // "Continue" starts the first module there is, VNeID level 1.
    assert!(h.sees("VNeID mức 1"), "{}", h.screen());
    h.click(Target::Module(index("vneid-level-1")));
    assert!(matches!(h.app.screen, Screen::Lesson(_)), "{}", h.screen());
    assert!(h.sees("Trang 1/"), "{}", h.screen());
    h.key(KeyCode::Esc);
    h.click(Target::Module(index("ewallet")));
    assert!(matches!(h.app.screen, Screen::Lesson(_)), "{}", h.screen());
}

/// Nine names fit the list. With more matches the learner is told to type
/// more, instead of not finding themselves and registering a second time.
#[test]
fn more_matches_than_fit_ask_for_more_of_the_name() {
    let mut h = Harness::new();
    let given = [
        "An", "Bình", "Cúc", "Dung", "Giang", "Hà", "Hằng", "Khánh", "Lan", "Liên", "Xuân",
    ];
    for (i, g) in given.iter().enumerate() {
        add(&h, &format!("Nguyễn Thị {g}"), 1950 + i as i32, 1);
    }
    // At the usual 80×24 the notice is in sight, above the list (below
    // it, it was off the screen).
    h.enter();
    h.typ("nguyen");
    assert!(h.sees("Còn người khác có tên như vậy"), "{}", h.screen());
    h.send(Msg::Resize(100, 40));
    assert!(h.sees("9. "), "{}", h.screen());
    let Screen::Who(w) = &h.app.screen else {
        panic!("{:?}", h.app.screen)
    };
    assert_eq!(w.people.len(), 9);
    // Typing more of the name finds the one the list had no room for.
    h.typ(" thi xuan");
    assert!(h.sees("1. Nguyễn Thị Xuân"), "{}", h.screen());
    assert!(!h.sees("Còn người khác"), "{}", h.screen());
}

/// ← or Esc on a filled-in registration form asks before it throws the
/// typing away; the safe answer keeps every box as it was.
#[test]
fn leaving_a_filled_in_form_asks_first() {
    let mut h = Harness::new();
    h.enter(); // welcome → who
    h.app.go(Screen::Register(Default::default()));
    h.typ("Trần Văn Bảy");
    h.key(KeyCode::Esc);
    assert!(h.sees("Bỏ những gì đã điền?"), "{}", h.screen());
    h.key(KeyCode::Enter); // the safe answer: keep filling in
    let Screen::Register(form) = &h.app.screen else {
        panic!("{:?}", h.app.screen)
    };
    assert_eq!(form.fields[0], "Trần Văn Bảy");
    h.key(KeyCode::Left);
    assert!(h.sees("Bỏ những gì đã điền?"), "{}", h.screen());
    h.key(KeyCode::Char('2'));
    assert!(matches!(h.app.screen, Screen::Who(_)), "{:?}", h.app.screen);
    // An empty form is left at once.
    h.app.go(Screen::Register(Default::default()));
    h.key(KeyCode::Esc);
    assert!(
        matches!(h.app.screen, Screen::Welcome),
        "{:?}",
        h.app.screen
    );
}

/// "Enter/→ tiếp tục": → goes on even when the focus has been moved onto
/// the language button; Enter there switches the language, as the button
/// says.
#[test]
fn right_arrow_starts_even_from_the_language_button() {
    let mut h = Harness::new();
    h.key(KeyCode::Tab);
    let page = crate::ui::app::page(&h.app);
    assert_eq!(h.app.focused(&page), Some(Target::Language));
    h.key(KeyCode::Enter);
    assert!(h.sees("Welcome") || h.sees("Start"), "{}", h.screen());
    h.key(KeyCode::Right);
    assert!(matches!(h.app.screen, Screen::Who(_)), "{:?}", h.app.screen);
}

/// A quiz left at question 3 carries on at question 3 also when the
/// learner comes back through the module list and its pages, not only
/// through "Continue": the same attempt, no second one.
#[test]
fn a_quiz_left_unfinished_carries_on_whichever_way_it_is_reopened() {
    let mut h = Harness::new();
    add(&h, "Lê Thị Mận", 1952, 4);
    sign_in(&mut h, "man");
    h.enter();
    through_pages(&mut h);
    answer_by_keys(&mut h, true);
    h.enter();
    answer_by_keys(&mut h, false);
    h.enter();
    assert!(h.sees("Câu 3/4"), "{}", h.screen());
    let (_, _, attempt) = on_screen(&h);
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('2'));
    assert!(matches!(h.app.screen, Screen::Home), "{:?}", h.app.screen);
    // The module from the list, its first page, then on to the quiz.
    h.key(KeyCode::Char('1'));
    assert!(
        matches!(h.app.screen, Screen::Lesson(_)),
        "{:?}",
        h.app.screen
    );
    through_pages(&mut h);
    assert!(h.sees("Câu 3/4"), "{}", h.screen());
    assert_eq!(on_screen(&h).2, attempt);
    assert_eq!(count(&h, "SELECT count(*) FROM quiz_attempts"), 1);
}

/// On a small screen the consent text is longer than the page: ↓ reads it
/// to its end, then goes on to the buttons, so agreeing by keys alone is
/// still possible.
#[test]
fn a_long_consent_page_is_read_then_answered_by_keys() {
    let mut h = Harness::new();
    h.send(Msg::Resize(60, 16));
    h.click(Target::Start);
    h.click(Target::Register);
    fill_form(&mut h, ["Trịnh Văn Tám", "1950", "2", "Số 8 ngõ 2", ""]);
    assert!(
        matches!(h.app.screen, Screen::Consent(_)),
        "{:?}",
        h.app.screen
    );
    for _ in 0..30 {
        h.key(KeyCode::Down);
    }
    let page = crate::ui::app::page(&h.app);
    assert_eq!(h.app.focused(&page), Some(Target::Accept), "{}", h.screen());
    h.enter();
    assert!(h.sees("Xin chào, Trịnh Văn Tám"), "{}", h.screen());
}

/// Registering with the name, birth year and group of someone registered
/// already asks "Is that you?" first: yes signs them in, no registers the
/// new person after all, Esc goes back to the consent page.
#[test]
fn registering_again_asks_whether_it_is_the_same_person() {
    let mut h = Harness::new();
    let known = add(&h, "Nguyễn Thị Hà", 1961, 1);
    let register = |h: &mut Harness| {
        h.app.go(Screen::Register(Default::default()));
        fill_form(h, ["Nguyen Thi Ha", "1961", "1", "Số 2 ngõ 63", ""]);
        h.click(Target::Accept);
    };
    register(&mut h);
    assert!(h.sees("Có phải bạn đã đăng ký rồi?"), "{}", h.screen());
    assert!(
        h.sees("Nguyễn Thị Hà · tổ 1 · sinh năm 1961"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Esc);
    assert!(
        matches!(h.app.screen, Screen::Consent(_)),
        "{:?}",
        h.app.screen
    );
    assert_eq!(count(&h, "SELECT count(*) FROM residents"), 1);
    h.click(Target::Accept);
    h.key(KeyCode::Char('2')); // "Yes, it is me"
    assert_eq!(h.app.learner.as_ref().unwrap().person.id, known);
    assert_eq!(count(&h, "SELECT count(*) FROM residents"), 1);
    // Someone else with the same name and year in the same group.
    h.app.learner = None;
    register(&mut h);
    h.enter(); // the first answer: "No, I am someone else"
    assert!(h.sees("Xin chào, Nguyen Thi Ha"), "{}", h.screen());
    assert_eq!(count(&h, "SELECT count(*) FROM residents"), 2);
}

/// After an ordering question answered wrongly, the right order reads as
/// steps joined by arrows, and the learner's own order under it; the
/// choices are not listed again with the numbers they had on screen,
/// which would read as a third order.
#[test]
fn a_wrong_order_shows_the_right_steps_without_screen_numbers() {
    let mut h = Harness::new();
    add(&h, "Lê Thị Cúc", 1948, 2);
    sign_in(&mut h, "cuc");
    h.enter();
    for _ in 0..3 {
        h.enter();
        if h.sees("[ ] Làm xong") {
            h.key(KeyCode::Char(' '));
        }
    }
    while on_screen(&h).0.kind != QuestionKind::Order {
        answer_by_keys(&mut h, true);
        h.enter();
    }
    let (q, shown, _) = on_screen(&h);
    answer_by_keys(&mut h, false);
    let labels: Vec<String> = q
        .choices
        .iter()
        .map(|c| c.get(h.app.lang).to_string())
        .collect();
    let right = format!("Đáp án đúng: {}", labels.join(" → "));
    // The screen's words, frames aside, as one line.
    let flat = h
        .screen()
        .replace(['║', '│', '┃'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&right), "{right}\n{}", h.screen());
    let mine: Vec<&str> = labels.iter().rev().map(String::as_str).collect();
    assert!(flat.contains(&mine.join(" → ")), "{}", h.screen());
    for (pos, w) in shown.iter().enumerate() {
        let numbered = format!("{}. {}", pos + 1, labels[*w]);
        assert!(!flat.contains(&numbered), "{numbered}\n{}", h.screen());
    }
}

/// Backspace in an empty name box stays on the page: a held key must not
/// carry the learner back to the welcome page, where the next letter they
/// type acts as a key ("L" switches the language).
#[test]
fn backspace_in_an_empty_name_box_stays_put() {
    let mut h = Harness::new();
    h.enter();
    h.typ("ab");
    for _ in 0..5 {
        h.key(KeyCode::Backspace);
    }
    assert!(matches!(h.app.screen, Screen::Who(_)), "{:?}", h.app.screen);
    h.typ("L");
    assert_eq!(h.app.lang, crate::i18n::Lang::Vi);
    assert!(h.sees("L"), "{}", h.screen());
    // ← still goes back, as the footer says.
    h.key(KeyCode::Left);
    assert!(
        matches!(h.app.screen, Screen::Welcome),
        "{:?}",
        h.app.screen
    );
}

/// Two residents alike in name, group and birth year are told apart by the
/// day each registered, in the list and in "Is this you?"; a name with no
/// twin shows no date.
#[test]
fn namesakes_alike_in_everything_show_the_day_they_registered() {
    let mut h = Harness::new();
    let first = add(&h, "Phạm Kim Cúc", 1969, 1);
    add(&h, "Phạm Kim Cúc", 1969, 1);
    add(&h, "Phạm Kim Cường", 1969, 1);
    rusqlite::Connection::open(h.store.path())
        .unwrap()
        .execute(
            "UPDATE residents SET created_at = 1767225600000 WHERE id = ?1",
            [&first],
        )
        .unwrap();
    h.enter();
    h.typ("pham kim c");
    let day = {
        use chrono::TimeZone;
        chrono::Local
            .timestamp_millis_opt(1767225600000)
            .unwrap()
            .format("%d/%m/%Y")
            .to_string()
    };
    let line = format!("Phạm Kim Cúc · tổ 1 · sinh năm 1969 · đăng ký ngày {day}");
    assert!(h.sees(&line), "{line}\n{}", h.screen());
    assert_eq!(
        h.screen().matches("đăng ký ngày").count(),
        2,
        "{}",
        h.screen()
    );
    let screen = h.screen();
    let cuong = screen.lines().find(|l| l.contains("Cường")).unwrap();
    assert!(!cuong.contains("đăng ký"), "no twin, no date: {cuong}");
    let Screen::Who(w) = &h.app.screen else {
        panic!("{:?}", h.app.screen)
    };
    let pos = w.people.iter().position(|p| p.id == first).unwrap();
    h.key(KeyCode::Char(char::from(b'1' + pos as u8)));
    let Some(crate::ui::app::Overlay::Confirm {
        what: crate::ui::app::Confirm::ThisIsMe(p),
        ..
    }) = &h.app.overlay
    else {
        panic!("{:?}", h.app.overlay)
    };
    let asked = crate::ui::who::describe(&h.app, p);
    assert!(
        asked.contains(&line),
        "the question names the day too: {asked}"
    );
}

/// On a page longer than the screen, Enter (or →) first reads on to the
/// end, and the footer says so; only then does it go to the next page. A
/// warning cut off at the bottom is never skipped by "continue".
#[test]
fn enter_reads_a_long_page_to_its_end_before_going_on() {
    let mut h = Harness::new();
    add(&h, "Trần Văn Bình", 1950, 3);
    sign_in(&mut h, "binh");
    h.enter();
    h.send(Msg::Resize(50, 15));
    assert!(h.sees("Trang 1/3"), "{}", h.screen());
    assert!(h.sees("đọc tiếp phần dưới"), "{}", h.screen());
    let mut presses = 0;
    while h.sees("Trang 1/3") {
        assert!(presses < 10, "never went on: {}", h.screen());
        let reading_on = h.sees("đọc tiếp phần dưới");
        h.enter();
        presses += 1;
        if reading_on {
            assert!(h.sees("Trang 1/3"), "read on, not away: {}", h.screen());
        }
    }
    assert!(presses >= 2, "the page was cut, so Enter read on first");
    assert!(h.sees("Trang 2/3"), "{}", h.screen());
}

/// The form's text for field `i` now.
fn field(h: &Harness, i: usize) -> String {
    match &h.app.screen {
        Screen::Register(s) => s.fields[i].clone(),
        other => panic!("not registering: {other:?}"),
    }
}

/// A newcomer who typed their whole name with its accents and found nobody
/// goes on to a form that already holds it (they had to type it again, the
/// Telex way); a few plain letters typed to search are not carried over.
#[test]
fn a_whole_name_that_found_nobody_is_not_typed_twice() {
    let mut h = Harness::new();
    h.click(Target::Start);
    h.typ("Traanf  Vawn Dduwcs ");
    assert!(h.sees("Chưa có ai tên “Trần Văn Đức”"), "{}", h.screen());
    h.enter(); // Enter in the box: nobody found, so on to registering
    assert!(h.sees("Đăng ký người học mới"), "{}", h.screen());
    assert_eq!(field(&h, 0), "Trần Văn Đức");
    // Typing goes on at its end, the Telex way.
    h.typ(" Anh");
    assert_eq!(field(&h, 0), "Trần Văn Đức Anh");

    let mut h = Harness::new();
    h.click(Target::Start);
    h.typ("hang");
    h.click(Target::Register);
    assert_eq!(field(&h, 0), "", "one plain word is a search, not a name");
    let mut h = Harness::new();
    h.click(Target::Start);
    h.typ("tran van duc");
    h.click(Target::Register);
    assert_eq!(field(&h, 0), "", "no accents: the form asks for them");
    let mut h = Harness::new();
    add(&h, "Trần Văn Đức", 1950, 2);
    h.click(Target::Start);
    h.typ("Traanf Vawn Dduwcs");
    h.click(Target::Register);
    assert_eq!(field(&h, 0), "", "someone was found: not carried");
}

/// Register pressed by mistake, then Back: "Who are you?" came back empty
/// and the name had to be typed again. It now shows the same search, with
/// its matches, whether the form was left untouched or dropped on asking.
#[test]
fn back_from_the_register_form_shows_the_search_again() {
    let mut h = Harness::new();
    add(&h, "Nguyễn Thị Hằng", 1956, 5);
    h.click(Target::Start);
    h.typ("nguyen hang");
    assert!(h.sees("1. Nguyễn Thị Hằng"), "{}", h.screen());
    h.click(Target::Register);
    h.key(KeyCode::Left);
    assert!(matches!(h.app.screen, Screen::Who(_)), "{:?}", h.app.screen);
    assert!(h.sees("nguyen hang"), "{}", h.screen());
    assert!(h.sees("1. Nguyễn Thị Hằng"), "{}", h.screen());
    // Something typed on the form: it asks, and "drop and go back" also
    // brings the search back.
    h.click(Target::Register);
    h.typ("Lan");
    h.click(Target::Back);
    h.key(KeyCode::Char('2'));
    assert!(matches!(h.app.screen, Screen::Who(_)), "{:?}", h.app.screen);
    assert!(h.sees("1. Nguyễn Thị Hằng"), "{}", h.screen());
    // Esc leaves for the welcome page: the next person starts afresh.
    h.click(Target::Register);
    h.key(KeyCode::Esc);
    h.enter();
    assert!(!h.sees("nguyen hang"), "{}", h.screen());
}

/// With no Vietnamese keyboard, accents are typed the Telex way, in the
/// name and address boxes only; the database gets the accented words.
#[test]
fn a_name_typed_the_telex_way_is_saved_with_its_accents() {
    let mut h = Harness::new();
    h.click(Target::Start);
    h.click(Target::Register);
    assert!(h.sees("Gõ dấu Telex: aa → â, dd → đ"), "{}", h.screen());
    h.click(Target::Field(0));
    h.typ("Nguyeenx Thij Hoaf");
    assert_eq!(field(&h, 0), "Nguyễn Thị Hoà");
    assert!(h.sees("Nguyễn Thị Hoà"), "{}", h.screen());
    // Backspace takes away the last letter as shown, marks and all.
    h.key(KeyCode::Backspace);
    assert_eq!(field(&h, 0), "Nguyễn Thị Ho");
    h.typ("af");
    assert_eq!(field(&h, 0), "Nguyễn Thị Hoà");
    // Number boxes take digits only, as before: no Telex there.
    h.click(Target::Field(1));
    h.typ("19s56");
    assert_eq!(field(&h, 1), "1956");
    h.click(Target::Field(2));
    h.typ("5");
    h.click(Target::Field(3));
    h.typ("Soos 12 ngox 5 Phucs Xas");
    assert_eq!(field(&h, 3), "Số 12 ngõ 5 Phúc Xá");
    h.click(Target::Next);
    h.click(Target::Accept);
    assert!(h.sees("Xin chào, Nguyễn Thị Hoà"), "{}", h.screen());
    let r = h.store.find_residents("nguyen thi hoa", 5).unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].full_name, "Nguyễn Thị Hoà");
    assert_eq!(r[0].household, "Số 12 ngõ 5 Phúc Xá");
}

/// The name search takes Telex too, so a name is found typed the way it was
/// registered; names typed plainly, without accents, still find people.
#[test]
fn the_name_search_finds_people_typed_plainly_or_the_telex_way() {
    let mut h = Harness::new();
    add(&h, "Phạm Thị Xuân", 1950, 1);
    add(&h, "Cao Thị Thu", 1952, 2);
    add(&h, "Nguyễn Thị Hoà", 1955, 3);
    add(&h, "Trần Văn Sơn", 1949, 4);
    h.click(Target::Start);
    for (keys, shown, found) in [
        ("xuan", "xuan", "Phạm Thị Xuân"),
        ("thu", "thu", "Cao Thị Thu"),
        ("son", "son", "Trần Văn Sơn"),
        ("nguyen thi hoa", "nguyen thi hoa", "Nguyễn Thị Hoà"),
        ("Xuaan", "Xuân", "Phạm Thị Xuân"),
        ("hoaf", "hoà", "Nguyễn Thị Hoà"),
        ("Nguyeenx Thij Hoaf", "Nguyễn Thị Hoà", "Nguyễn Thị Hoà"),
        ("Traafn Vawn Sown", "Trần Văn Sơn", "Trần Văn Sơn"),
    ] {
        h.typ(keys);
        let Screen::Who(s) = &h.app.screen else {
            panic!("left the search: {:?}", h.app.screen)
        };
        assert_eq!(s.query, shown);
        assert!(h.sees(&format!("1. {found}")), "{keys}:\n{}", h.screen());
        for _ in shown.chars() {
            h.key(KeyCode::Backspace);
        }
        assert!(matches!(&h.app.screen, Screen::Who(s) if s.query.is_empty()));
    }
}

/// How to type accents is in sight, whole, while the name is typed, down
/// to the smallest screen.
#[test]
fn the_register_form_says_how_to_type_accents() {
    for size in [(80, 24), (60, 16)] {
        for lang in [crate::i18n::Lang::Vi, crate::i18n::Lang::En] {
            let mut h = Harness::new();
            h.app.lang = lang;
            h.send(Msg::Resize(size.0, size.1));
            h.click(Target::Start);
            h.click(Target::Register);
            h.typ("Nguyeenx");
            let hint = h.app.t().telex_hint;
            assert!(h.sees(hint), "{size:?}\n{}", h.screen());
            assert!(h.sees("Nguyễn"), "{size:?}\n{}", h.screen());
        }
    }
}

/// The database refuses writes (folder made read-only, disk full) while a
/// learner answers: they are told it was not saved. Once it writes again,
/// the answer given meanwhile is written with the moment it was given,
/// before anything newer. It used to be dropped for good: the result
/// counted it, the answers table never had it.
#[test]
fn an_answer_the_database_refused_is_written_once_it_accepts_again() {
    let mut h = Harness::new();
    add(&h, "Phan Thị Gấm", 1952, 3);
    sign_in(&mut h, "gam");
    h.enter();
    through_pages(&mut h);
    answer_by_keys(&mut h, true);
    h.enter();
    let refuse = |h: &Harness, on: bool| {
        h.store
            .conn()
            .pragma_update(None, "query_only", on)
            .unwrap()
    };
    refuse(&h, true);
    answer_by_keys(&mut h, false);
    assert!(h.sees("Máy chưa lưu được"), "{}", h.screen());
    assert_eq!(count(&h, "SELECT count(*) FROM quiz_answers"), 1);
    assert_eq!(h.unsaved.len(), 1);
    // Still refused: the next answer is held behind it.
    h.enter();
    answer_by_keys(&mut h, true);
    assert!(h.sees("Máy chưa lưu được"), "{}", h.screen());
    assert_eq!(h.unsaved.len(), 2);
    refuse(&h, false);
    h.enter();
    answer_by_keys(&mut h, true);
    assert!(!h.sees("Máy chưa lưu được"), "{}", h.screen());
    assert!(h.unsaved.is_empty());
    assert_eq!(count(&h, "SELECT count(*) FROM quiz_answers"), 4);
    // In the order given, so a restart resumes on the right question.
    let conn = db(&h);
    let mut stmt = conn
        .prepare("SELECT correct FROM quiz_answers ORDER BY answered_at, id")
        .unwrap();
    let rights: Vec<bool> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rights, [true, false, true, true]);
}

/// The quiz could not be started (the database refused the write): the
/// screen used to say "Đang chuẩn bị câu hỏi…" (preparing the questions)
/// for ever, even after the database accepted writes again. It now goes
/// home with the notice, and choosing the module again starts the quiz.
#[test]
fn a_quiz_the_database_could_not_start_goes_home_and_starts_when_chosen_again() {
    let mut h = Harness::new();
    add(&h, "Hồ Văn Khải", 1950, 2);
    sign_in(&mut h, "khai");
    h.enter();
    let refuse = |h: &Harness, on: bool| {
        h.store
            .conn()
            .pragma_update(None, "query_only", on)
            .unwrap()
    };
    refuse(&h, true);
    // On through the pages (not saved either) to the quiz.
    for _ in 0..5 {
        if matches!(h.app.screen, Screen::Home | Screen::Quiz(_)) {
            break;
        }
        h.enter();
    }
    assert!(matches!(h.app.screen, Screen::Home), "{}", h.screen());
    assert!(h.sees("Máy chưa lưu được"), "{}", h.screen());
    assert!(!h.sees("Đang chuẩn bị"), "{}", h.screen());
    refuse(&h, false);
    h.key(KeyCode::Char('1'));
    through_pages(&mut h);
    assert!(h.sees("Câu 1/4"), "{}", h.screen());
    assert!(!h.sees("Đang chuẩn bị"), "{}", h.screen());
    assert_eq!(count(&h, "SELECT count(*) FROM quiz_attempts"), 1);
    assert!(h.unsaved.is_empty());
}

/// A question answered before a break was taken out of the lesson file:
/// home offered "câu 3/4" and the quiz then opened on "Câu 2/3". Home now
/// counts the questions the quiz will ask.
#[test]
fn continue_counts_the_questions_still_in_the_lesson_file() {
    let mut h = Harness::new();
    add(&h, "Vũ Thị Loan", 1951, 5);
    sign_in(&mut h, "loan");
    h.enter();
    through_pages(&mut h);
    answer_by_keys(&mut h, true);
    h.enter();
    answer_by_keys(&mut h, true);
    h.enter();
    let Screen::Quiz(q) = &h.app.screen else {
        panic!("{}", h.screen())
    };
    let second = q.order[1];
    let mut h = h.restart();
    let mut curriculum = (*h.app.curriculum).clone();
    curriculum.modules[0].quiz.remove(second);
    h.app.curriculum = std::sync::Arc::new(curriculum);
    sign_in(&mut h, "loan");
    assert!(
        h.sees("Làm tiếp bài kiểm tra: Bài thử: điện thoại, câu 2/3"),
        "{}",
        h.screen()
    );
    h.enter();
    assert!(h.sees("Câu 2/3"), "{}", h.screen());
}
