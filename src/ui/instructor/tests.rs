//! Instructor mode driven by keys through `update`, with effects carried
//! out against a real store (the learner UI's test harness), and every view
//! rendered with realistic data at 80×24 and 160×48.

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::i18n::Lang;
use crate::store::NewResident;
use crate::store::instructor::AttendanceStatus;
use crate::ui::app::{Effect as AppEffect, Msg};
use crate::ui::tests::Harness;

pub(super) const PIN: &str = "482913";

fn person(name: &str, year: i32, group: i64, household: &str) -> NewResident {
    NewResident {
        full_name: name.into(),
        birth_year: year,
        group_no: group,
        household: household.into(),
        phone: None,
        consent_version: Some("test".into()),
    }
}

/// A class in progress: four residents, three of them at seats, one stuck
/// after failing the first quiz twice, verified indicators.
/// Fills in the open-class form now on screen: `topic`, by "Cô Hoa".
fn fill_class(h: &mut Harness, topic: &str) {
    h.typ(topic);
    h.enter();
    h.typ("Cô Hoa");
    h.enter();
}

/// Opens a class on `topic` from Today (F7).
fn open_class(h: &mut Harness, topic: &str) {
    h.key(KeyCode::F(7));
    fill_class(h, topic);
}

/// Registers someone from the Residents view (F7): the five boxes, the
/// spoken consent ticked, then Save.
fn register(h: &mut Harness, values: [&str; 5]) {
    h.key(KeyCode::F(7));
    for v in values {
        h.typ(v);
        h.enter();
    }
    h.key(KeyCode::Char(' '));
    h.enter();
}

pub(super) fn classroom() -> Harness {
    let h = Harness::new();
    let s = &h.store;
    let hang = s
        .add_resident(&person("Nguyễn Thị Hằng", 1956, 1, "Số 5 ngõ 12"))
        .unwrap();
    let minh = s
        .add_resident(&person("Trần Văn Minh", 1950, 1, "số 5 ngõ 12"))
        .unwrap();
    let lan = s
        .add_resident(&person("Lê Thị Lan", 1960, 2, "Số 7"))
        .unwrap();
    let duc = s
        .add_resident(&person("Phạm Văn Đức", 1948, 2, "Số 20"))
        .unwrap();
    let sh = s.start_seat_session(&hang.id).unwrap();
    s.record_step(Some(&sh), &hang.id, "basics", 0).unwrap();
    s.record_step(Some(&sh), &hang.id, "basics", 1).unwrap();
    let sm = s.start_seat_session(&minh.id).unwrap();
    s.record_step(Some(&sm), &minh.id, "basics", 0).unwrap();
    for _ in 0..2 {
        let order: Vec<String> = ["power", "safe", "otp", "steps"].map(String::from).to_vec();
        let a = s
            .start_attempt(Some(&sm), &minh.id, "basics", &order)
            .unwrap();
        s.record_answer(&a, &minh.id, "basics", "power", "2", false)
            .unwrap();
        s.record_answer(&a, &minh.id, "basics", "otp", "true", false)
            .unwrap();
        s.finish_attempt(&a, &minh.id, "basics", 0, 4, 75).unwrap();
    }
    let sl = s.start_seat_session(&lan.id).unwrap();
    s.record_step(Some(&sl), &lan.id, "next", 0).unwrap();
    let a = s
        .start_attempt(Some(&sl), &lan.id, "next", &["only".to_string()])
        .unwrap();
    s.record_answer(&a, &lan.id, "next", "only", "true", true)
        .unwrap();
    s.finish_attempt(&a, &lan.id, "next", 1, 1, 75).unwrap();
    s.end_seat_session(&sl, crate::store::EndReason::SignOut)
        .unwrap();
    s.record_indicator(&hang.id, "smartphone", true, "Cô Hoa")
        .unwrap();
    s.record_indicator(&minh.id, "smartphone", true, "Cô Hoa")
        .unwrap();
    s.record_indicator(&duc.id, "vneid", true, "Cô Hoa")
        .unwrap();
    s.set_pin(PIN).unwrap();
    h
}

pub(super) fn log_in(h: &mut Harness) {
    h.ctrl('k');
    h.typ(PIN);
    h.enter();
    assert!(matches!(stage(h), Some(Stage::Desk(_))), "{}", h.screen());
}

pub(super) fn stage(h: &Harness) -> Option<&Stage> {
    match &h.app.screen {
        Screen::Instructor(s) => Some(&s.stage),
        _ => None,
    }
}

/// The attendance room open on the desk.
fn the_room(h: &Harness) -> &room::Room {
    match &the_desk(h).modal {
        Some(Modal::Room(room)) => room,
        other => panic!("no room open: {other:?}"),
    }
}

pub(super) fn the_desk(h: &Harness) -> &Desk {
    match stage(h) {
        Some(Stage::Desk(d)) => d,
        other => panic!("not at the desk: {other:?}"),
    }
}

#[test]
fn without_a_pin_it_says_how_to_set_one_and_esc_returns() {
    let mut h = Harness::new();
    h.enter();
    h.typ("ab");
    h.ctrl('k');
    assert_eq!(stage(&h), Some(&Stage::NoPin));
    assert!(h.sees("kiosk set-pin"), "{}", h.screen());
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Who(_)));
}

#[test]
fn the_pin_is_masked_wrong_pins_count_and_the_right_one_opens_today() {
    let mut h = classroom();
    h.ctrl('k');
    h.typ("4829");
    assert!(h.sees("●●●●") && !h.sees("4829"), "{}", h.screen());
    h.typ("99");
    h.enter();
    assert!(h.sees("2"), "{}", h.screen());
    let Some(Stage::Pin(p)) = stage(&h) else {
        panic!()
    };
    assert!(p.digits.is_empty(), "a tried PIN is not kept");
    assert_eq!(p.note, Some(PinNote::Wrong { tries_left: 2 }));
    h.typ(PIN);
    h.enter();
    let d = the_desk(&h);
    assert_eq!(d.tab(), Tab::Today);
    assert_eq!(d.today.as_ref().unwrap().learners.len(), 3);
    assert!(h.sees("Trần Văn Minh"));
}

#[test]
fn three_wrong_pins_bring_a_wait_shared_through_the_database() {
    let mut h = classroom();
    h.ctrl('k');
    for _ in 0..3 {
        h.typ("111222");
        h.enter();
    }
    let Some(Stage::Pin(p)) = stage(&h) else {
        panic!()
    };
    assert!(
        matches!(p.note, Some(PinNote::Locked { wait_secs }) if wait_secs > 0 && wait_secs <= 30)
    );
    // The first wait is 30 s, said in seconds, not "about 1 minute".
    let Some(Stage::Pin(p)) = stage(&h) else {
        panic!()
    };
    let Some(PinNote::Locked { wait_secs }) = p.note else {
        panic!()
    };
    let said = format!("Xin chờ {wait_secs} giây");
    assert!(h.sees(&said), "{said}\n{}", h.screen());
    // Even the right PIN waits now: the counter is in the database.
    h.typ(PIN);
    h.enter();
    assert!(matches!(stage(&h), Some(Stage::Pin(_))));
    assert!(matches!(
        h.store.check_pin(PIN).unwrap(),
        crate::store::pin::PinCheck::Locked { .. }
    ));
}

#[test]
fn idle_instructor_mode_logs_itself_out() {
    let mut h = classroom();
    h.send(Msg::Tick(1_000));
    log_in(&mut h);
    let idle = h.app.settings.instructor.idle_ms;
    // Reading the room again is not a key press: the clock still runs.
    assert!(idle > TODAY_REFRESH_MS);
    assert_eq!(h.app.next_deadline(), Some(1_000 + TODAY_REFRESH_MS));
    h.send(Msg::Tick(1_000 + idle - 1));
    assert!(stage(&h).is_some());
    h.send(Msg::Tick(1_000 + idle));
    assert!(matches!(h.app.screen, Screen::Welcome));
    assert_eq!(
        h.effects.last(),
        Some(&AppEffect::Instructor(Effect::LoggedOutIdle))
    );
}

/// Someone who signs in at another seat shows on Today by itself, without
/// a key press; while a form is open, or on another view, nothing is read.
#[test]
fn today_reads_the_room_again_while_watched() {
    let mut h = classroom();
    h.send(Msg::Tick(1_000));
    log_in(&mut h);
    let duc = h
        .store
        .find_residents("duc", 5)
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    h.store.start_seat_session(&duc.id).unwrap();
    h.send(Msg::Tick(1_000 + TODAY_REFRESH_MS - 1));
    assert!(!h.sees("Phạm Văn Đức"), "{}", h.screen());
    h.send(Msg::Tick(1_000 + TODAY_REFRESH_MS));
    assert!(h.sees("Phạm Văn Đức"), "{}", h.screen());
    let idle_at = |h: &Harness| h.app.last_input + h.app.settings.instructor.idle_ms;
    // A form over Today: the next wake-up is the idle logout only.
    h.key(KeyCode::F(7));
    assert_eq!(h.app.next_deadline(), Some(idle_at(&h)));
    h.key(KeyCode::Esc);
    h.key(KeyCode::F(3));
    assert_eq!(h.app.next_deadline(), Some(idle_at(&h)));
    h.key(KeyCode::F(2));
    assert_eq!(h.app.next_deadline(), Some(h.app.now + TODAY_REFRESH_MS));
}

/// Read again, the rows may move (a newcomer, someone stuck moving up):
/// the learner the instructor chose stays chosen, and the line under the
/// table keeps describing them.
#[test]
fn the_chosen_learner_stays_chosen_when_today_is_read_again() {
    let mut h = classroom();
    h.send(Msg::Tick(1_000));
    log_in(&mut h);
    let ids =
        |h: &Harness| -> Vec<String> { today::rows(&h.app).into_iter().map(|r| r.id).collect() };
    let before = ids(&h);
    assert_eq!(before.len(), 3, "{}", h.screen());
    h.key(KeyCode::Down);
    let chosen = today::chosen_id(&h.app).unwrap();
    assert_eq!(chosen, before[1]);
    // The last row is signed out idle mid-lesson: it needs help and moves
    // up, above the chosen one.
    let last = &before[2];
    let s = h.store.start_seat_session(last).unwrap();
    h.store.record_step(Some(&s), last, "m-vneid", 0).unwrap();
    h.store
        .end_seat_session(&s, crate::store::EndReason::Idle)
        .unwrap();
    h.send(Msg::Tick(1_000 + TODAY_REFRESH_MS));
    assert_eq!(
        ids(&h),
        [before[0].clone(), last.clone(), chosen.clone()],
        "{}",
        h.screen()
    );
    assert_eq!(today::chosen_id(&h.app), Some(chosen), "{}", h.screen());
}

#[test]
fn views_are_one_key_away_and_tab_sorts() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(3));
    assert_eq!(the_desk(&h).tab(), Tab::Residents);
    assert_eq!(the_desk(&h).residents.as_ref().unwrap().len(), 4);
    // Name order first: Hằng, Lan, Minh, Đức by the folded key.
    let names = |h: &Harness| -> Vec<String> {
        residents::rows(&h.app)
            .iter()
            .map(|r| r.cells[0].clone())
            .collect()
    };
    assert_eq!(names(&h)[0], "Lê Thị Lan");
    h.key(KeyCode::Tab); // by group, largest first
    assert_eq!(
        the_desk(&h).sort[1],
        Sort {
            column: 1,
            descending: true
        }
    );
    assert!(names(&h)[0] == "Lê Thị Lan" || names(&h)[0] == "Phạm Văn Đức");
    h.key(KeyCode::BackTab);
    assert!(names(&h)[0] == "Nguyễn Thị Hằng" || names(&h)[0] == "Trần Văn Minh");
    // Searching without accents finds by any part of the name.
    h.typ("duc");
    assert_eq!(names(&h), ["Phạm Văn Đức"]);
    h.key(KeyCode::Esc);
    assert_eq!(names(&h).len(), 4);
    h.key(KeyCode::F(4));
    assert_eq!(the_desk(&h).tab(), Tab::Modules);
    let q = &the_desk(&h).questions.as_ref().unwrap();
    assert_eq!(q.0, "basics");
    // Minh answered "power" and "otp" wrong twice each.
    assert_eq!(q.1.len(), 2);
    assert!(h.sees("Màn hình") || h.sees("Sai"), "{}", h.screen());
    h.key(KeyCode::F(5));
    let g = the_desk(&h).groups.as_ref().unwrap();
    assert_eq!(g.len(), 2);
    // Hằng and Minh share a household: one household of two reached.
    assert_eq!(g[0].share("smartphone"), 100.0);
    assert!(h.sees("100%"), "{}", h.screen());
    h.key(KeyCode::Char('1'));
    assert_eq!(the_desk(&h).tab(), Tab::Today);
}

#[test]
fn a_room_is_marked_with_one_key_per_person() {
    let mut h = classroom();
    log_in(&mut h);
    // No class yet: attendance asks for one first.
    h.key(KeyCode::F(6));
    assert_eq!(the_desk(&h).note, Some(Note::NeedClass));
    open_class(&mut h, "VNeID mức 2");
    let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
    assert_eq!(class.topic, "VNeID mức 2");
    h.key(KeyCode::F(6));
    let room = the_room(&h);
    assert_eq!(room.rows.len(), 3);
    h.typ("12");
    // Add Đức, who came without using a seat.
    h.typ("+");
    // Nothing typed yet: it says what to type, not "nobody found".
    assert!(
        h.sees("Gõ vài chữ trong tên người cần thêm."),
        "{}",
        h.screen()
    );
    assert!(!h.sees("Không thấy ai"), "{}", h.screen());
    h.typ("duc");
    h.enter();
    h.key(KeyCode::Up);
    h.key(KeyCode::Char('4'));
    let marks = h.store.attendance(&class.id).unwrap();
    let got: Vec<(&str, AttendanceStatus)> = marks
        .iter()
        .map(|m| (m.full_name.as_str(), m.status))
        .collect();
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got.contains(&("Phạm Văn Đức", AttendanceStatus::Present)));
    assert!(got.contains(&("Lê Thị Lan", AttendanceStatus::Absent)));
    assert!(h.sees("Có mặt 2"), "{}", h.screen());
    h.key(KeyCode::Esc);
    assert!(the_desk(&h).modal.is_none());
    // Closing the class asks first; 1 keeps it open.
    h.key(KeyCode::F(8));
    h.key(KeyCode::Char('1'));
    assert!(
        h.store
            .class_session(&class.id)
            .unwrap()
            .unwrap()
            .ended_at
            .is_none()
    );
    h.key(KeyCode::F(8));
    h.key(KeyCode::Char('2'));
    assert!(
        h.store
            .class_session(&class.id)
            .unwrap()
            .unwrap()
            .ended_at
            .is_some()
    );
}

#[test]
fn register_correct_indicate_and_forget_a_resident() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(3));
    h.key(KeyCode::F(7));
    h.typ("Đỗ Thị Yến");
    h.enter();
    h.typ("1952");
    h.enter();
    h.typ("3");
    h.enter();
    h.typ("Số 9");
    h.enter();
    h.enter(); // no phone
    h.enter(); // consent not ticked: refused
    assert!(matches!(&the_desk(&h).modal, Some(Modal::Resident(f)) if f.error.is_some()));
    h.key(KeyCode::Char(' '));
    h.enter();
    let yen = h.store.find_residents("do thi yen", 5).unwrap();
    assert_eq!(yen.len(), 1);
    assert_eq!(yen[0].group_no, 3);
    // Correct her group: find her, Enter, move to the group field.
    h.typ("do thi yen");
    h.enter();
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::Backspace);
    h.typ("4");
    for _ in 0..3 {
        h.enter();
    }
    assert_eq!(h.store.resident(&yen[0].id).unwrap().unwrap().group_no, 4);
    // Indicators: the second one (VNeID) reached.
    h.key(KeyCode::F(6));
    h.key(KeyCode::Down);
    h.enter();
    h.key(KeyCode::Esc);
    let me = the_desk(&h)
        .residents
        .as_ref()
        .unwrap()
        .iter()
        .find(|r| r.id == yen[0].id)
        .unwrap()
        .clone();
    assert_eq!(me.indicators, ["vneid"]);
    // Forget asks first.
    h.key(KeyCode::F(8));
    assert!(h.sees("Xóa rồi thì không lấy lại được"), "{}", h.screen());
    h.key(KeyCode::Char('2'));
    assert!(h.store.resident(&yen[0].id).unwrap().unwrap().forgotten);
    assert_eq!(the_desk(&h).note, Some(Note::Erased));
    assert!(
        h.sees("Đã xóa thông tin cá nhân của người này."),
        "{}",
        h.screen()
    );
}

#[test]
fn leaving_the_kiosk_asks_first_and_signs_the_learner_out() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(10));
    h.key(KeyCode::Esc);
    assert!(!h.app.quit);
    // Enter gives the lit answer, which is the safe "no".
    h.key(KeyCode::F(10));
    h.enter();
    assert!(!h.app.quit && the_desk(&h).modal.is_none());
    h.key(KeyCode::F(10));
    assert!(h.sees("Rời kiosk"), "{}", h.screen());
    h.key(KeyCode::Char('2'));
    assert!(h.app.quit);
    assert_eq!(h.effects.last(), Some(&AppEffect::Quit));
}

/// Every view and form, at 80×24 and 160×48, in both languages: the
/// figures are on screen and nothing panics.
#[test]
fn every_view_renders_at_80x24_and_160x48() {
    for (w, hgt) in [(80, 24), (160, 48)] {
        for lang in [crate::i18n::Lang::Vi, crate::i18n::Lang::En] {
            let mut h = classroom();
            h.app.lang = lang;
            h.send(Msg::Resize(w, hgt));
            h.ctrl('k');
            let t = h.app.t();
            assert!(h.sees(t.instructor_title), "{}", h.screen());
            log_in(&mut h);
            let screen = h.screen();
            for text in ["Trần Văn Minh", "Nguyễn Thị Hằng", "F2", "F10"] {
                assert!(
                    screen.contains(text),
                    "{w}x{hgt} {lang:?} Today: {text}\n{screen}"
                );
            }
            h.key(KeyCode::F(3));
            let screen = h.screen();
            for text in ["Phạm Văn Đức", "Lê Thị Lan", "100%"] {
                assert!(
                    screen.contains(text),
                    "{w}x{hgt} Residents: {text}\n{screen}"
                );
            }
            h.key(KeyCode::F(4));
            let screen = h.screen();
            let wrong = if lang == crate::i18n::Lang::Vi {
                "Màn hình"
            } else {
                "The screen"
            };
            for text in ["100%", "0%", wrong] {
                assert!(screen.contains(text), "{w}x{hgt} Modules: {text}\n{screen}");
            }
            h.key(KeyCode::F(5));
            let screen = h.screen();
            assert!(screen.contains("100%") && screen.contains('█'), "{screen}");
            h.key(KeyCode::F(2));
            h.key(KeyCode::F(7));
            assert!(h.screen().contains(t.ins_open_class_title));
            fill_class(&mut h, "Zalo");
            h.key(KeyCode::F(6));
            let screen = h.screen();
            assert!(
                screen.contains("Zalo") && screen.contains("Trần Văn Minh"),
                "{screen}"
            );
            // The keys that mark the room are named on screen at every size:
            // numbers in Vietnamese, the English initials in English.
            let keys = match lang {
                crate::i18n::Lang::Vi => ["1", "2", "3", "4"],
                crate::i18n::Lang::En => ["P", "L", "E", "A"],
            };
            for (key, word) in keys.into_iter().zip([
                t.ins_att_present,
                t.ins_att_late,
                t.ins_att_excused,
                t.ins_att_absent,
            ]) {
                assert!(
                    screen.contains(&format!("{key} {word}")),
                    "{w}x{hgt} {lang:?} room footer lacks {key} {word:?}\n{screen}"
                );
            }
            h.key(KeyCode::Esc);
            h.key(KeyCode::F(10));
            assert!(
                h.screen()
                    .contains(t.ins_confirm_leave.split(' ').next().unwrap())
            );
        }
    }
}

#[test]
fn tiny_and_huge_windows_do_not_panic() {
    let mut h = classroom();
    log_in(&mut h);
    for (w, hgt) in [(1, 1), (20, 5), (59, 15), (60, 16), (300, 100)] {
        h.send(Msg::Resize(w, hgt));
        for k in [2, 3, 4, 5] {
            h.key(KeyCode::F(k));
            let _ = h.screen();
        }
    }
}

/// Opens today's class and its attendance room from any view.
pub(super) fn open_room(h: &mut Harness) {
    h.key(KeyCode::F(2));
    open_class(h, "Zalo");
    h.key(KeyCode::F(6));
    assert!(
        matches!(the_desk(h).modal, Some(Modal::Room(_))),
        "{}",
        h.screen()
    );
}

/// The Residents search and the room's "add someone" box each keep their
/// own text and their own matches.
#[test]
fn each_search_box_keeps_its_own_text() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(3));
    h.typ("duc");
    assert!(h.sees("[duc▏]"), "{}", h.screen());
    open_room(&mut h);
    h.typ("+");
    // The add box opens empty, with no names from the other search.
    let screen = h.screen();
    assert!(screen.contains("[▏]"), "{screen}");
    assert!(
        !screen.contains("duc") && !screen.contains("Phạm Văn Đức"),
        "{screen}"
    );
    h.typ("lan");
    let screen = h.screen();
    assert!(
        screen.contains("[lan▏]") && screen.contains("1. Lê Thị Lan (tổ 2, sinh năm 1960, Số 7)"),
        "{screen}"
    );
    assert!(!screen.contains("Phạm Văn Đức"), "{screen}");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Esc);
    // Back in Residents: its box still says "duc" and finds only Đức.
    h.key(KeyCode::F(3));
    assert_eq!(the_desk(&h).search, "duc");
    let screen = h.screen();
    assert!(
        screen.contains("[duc▏]") && !screen.contains("lan▏"),
        "{screen}"
    );
    let names: Vec<String> = residents::rows(&h.app)
        .iter()
        .map(|r| r.cells[0].clone())
        .collect();
    assert_eq!(names, ["Phạm Văn Đức"]);
    // And the room's box starts empty again next time.
    h.key(KeyCode::F(2));
    h.key(KeyCode::F(6));
    h.typ("+");
    assert!(
        h.sees("[▏]") && !h.sees("Lê Thị Lan (tổ 2)"),
        "{}",
        h.screen()
    );
}

/// Every key a desk view's footer names is on screen, from the smallest
/// size instructor mode draws at to a wide one, in both languages.
#[test]
fn every_footer_key_is_on_screen_at_every_size() {
    let mut h = classroom();
    log_in(&mut h);
    for lang in [crate::i18n::Lang::Vi, crate::i18n::Lang::En] {
        h.app.lang = lang;
        for (w, hgt) in [(60, 16), (80, 24), (120, 40)] {
            h.send(Msg::Resize(w, hgt));
            for tab in [2, 3, 4, 5] {
                h.key(KeyCode::F(tab));
                let screen = h.screen();
                let Screen::Instructor(s) = &h.app.screen else {
                    panic!("left instructor mode")
                };
                for (key, words) in footer_keys(&h.app, s) {
                    assert!(
                        screen.contains(&format!("{key} {words}")),
                        "{w}x{hgt} {lang:?} F{tab}: {key} {words} is missing\n{screen}"
                    );
                }
            }
        }
    }
}

/// Esc on the open-class form with a topic typed asks first, as the
/// resident form does: "No" gives the form back as it was, "Yes" drops it
/// and opens nothing. With nothing typed, Esc just closes it.
#[test]
fn esc_on_a_typed_class_form_asks_before_dropping_it() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(7));
    h.key(KeyCode::Esc);
    assert!(the_desk(&h).modal.is_none());
    h.key(KeyCode::F(7));
    h.typ("Ví điện tử");
    h.key(KeyCode::Esc);
    assert!(
        h.sees("Bỏ những gì vừa gõ trong mẫu này?"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Char('1'));
    assert!(
        matches!(&the_desk(&h).modal, Some(Modal::Class(f)) if f.topic == "Ví điện tử"),
        "{:?}",
        the_desk(&h).modal
    );
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('2'));
    assert!(the_desk(&h).modal.is_none());
    let class = the_desk(&h).today.as_ref().and_then(|t| t.class.clone());
    assert_eq!(class, None);
}

#[test]
fn opening_a_second_class_says_the_first_one_ends() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(7));
    assert!(!h.sees("đang mở sẽ kết thúc"), "{}", h.screen());
    fill_class(&mut h, "VNeID mức 2");
    h.key(KeyCode::F(7));
    assert!(
        h.sees("Buổi học “VNeID mức 2” đang mở sẽ kết thúc khi mở buổi này."),
        "{}",
        h.screen()
    );
    h.typ("Ví điện tử");
    h.enter();
    h.enter();
    let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
    assert_eq!(class.topic, "Ví điện tử");
    assert_eq!(class.ended_at, None);
}

/// Registering someone who is registered already (same name, year and
/// group) shows who, and saves only when Enter is pressed again.
#[test]
fn registering_someone_known_shows_who_first() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(3));
    register(&mut h, ["Le Thi Lan", "1960", "2", "Số 7 mới", ""]);
    assert!(
        h.sees("Đã có người đăng ký: Lê Thị Lan (tổ 2, sinh năm 1960, Số 7)"),
        "{}",
        h.screen()
    );
    assert_eq!(h.store.find_residents("le thi lan", 5).unwrap().len(), 1);
    h.enter();
    assert!(the_desk(&h).modal.is_none(), "{:?}", the_desk(&h).modal);
    assert_eq!(h.store.find_residents("le thi lan", 5).unwrap().len(), 2);
}

/// Finding someone again in the room's add box keeps the mark they have.
#[test]
fn adding_someone_already_marked_keeps_their_mark() {
    let mut h = classroom();
    log_in(&mut h);
    open_room(&mut h);
    let room = the_room(&h);
    let first = room.rows[0].clone();
    h.typ("2"); // late
    h.typ("+");
    h.typ(&crate::text::fold(&first.name));
    h.enter();
    let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
    let marks = h.store.attendance(&class.id).unwrap();
    let theirs: Vec<_> = marks
        .iter()
        .filter(|m| m.full_name == first.name)
        .map(|m| m.status)
        .collect();
    assert_eq!(theirs, [AttendanceStatus::Late], "{marks:?}");
}

/// Someone registered while a search is on shows in its results at once.
#[test]
fn the_search_is_run_again_after_a_registration() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(3));
    h.typ("le thi");
    assert_eq!(the_desk(&h).found.as_ref().map(Vec::len), Some(1));
    register(&mut h, ["Lê Thị Mai", "1970", "2", "Số 9", ""]);
    assert!(the_desk(&h).modal.is_none(), "{:?}", the_desk(&h).modal);
    assert_eq!(the_desk(&h).found.as_ref().map(Vec::len), Some(2));
    assert!(h.sees("Lê Thị Mai"), "{}", h.screen());
}

/// The form's field `i` now.
fn resident_field(h: &Harness, i: usize) -> String {
    match &the_desk(h).modal {
        Some(Modal::Resident(f)) => f.fields[i].clone(),
        other => panic!("no resident form: {other:?}"),
    }
}

/// With no Vietnamese keyboard the instructor types accents the Telex way
/// in the words of a form (topic, names, address); numbers stay as typed.
#[test]
fn forms_take_telex_accents_in_their_words() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(7));
    assert!(h.sees("Gõ dấu Telex: aa → â, dd → đ"), "{}", h.screen());
    fill_class(&mut h, "Vis ddieenj tuwr");
    let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
    assert_eq!(class.topic, "Ví điện tử");
    assert_eq!(class.instructor, "Cô Hoa");

    h.key(KeyCode::F(3));
    register(
        &mut h,
        ["Nguyeenx Thij Hoaf", "1950", "2", "Soos 9 ngox 5", ""],
    );
    let found = h.store.find_residents("nguyen thi hoa", 5).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].full_name, "Nguyễn Thị Hoà");
    assert_eq!(found[0].household, "Số 9 ngõ 5");
    assert_eq!((found[0].birth_year, found[0].group_no), (Some(1950), 2));

    // The search box takes Telex too; Enter opens her form to correct.
    h.typ("Hoaf");
    assert_eq!(the_desk(&h).search, "Hoà");
    assert_eq!(the_desk(&h).found.as_ref().map(Vec::len), Some(1));
    h.enter();
    assert_eq!(resident_field(&h, 0), "Nguyễn Thị Hoà");
    // Backspace takes away the last letter as shown, tone and all.
    h.key(KeyCode::Backspace);
    assert_eq!(resident_field(&h, 0), "Nguyễn Thị Ho");
    h.typ("afi");
    assert_eq!(resident_field(&h, 0), "Nguyễn Thị Hoài");
    // The birth year is a number: letters there are not Telex, and are
    // refused as typed.
    h.key(KeyCode::Down);
    h.typ("s");
    assert_eq!(resident_field(&h, 1), "1950");
    assert!(h.sees("Ô này chỉ nhận chữ số 0–9."), "{}", h.screen());
}

/// kiosk.log is written in the kiosk's language (Vietnamese here), even
/// when the screen has been switched to English.
#[test]
fn the_log_speaks_the_kiosks_language() {
    let mut h = classroom();
    h.app.lang = crate::i18n::Lang::En;
    log_in(&mut h);
    h.key(KeyCode::F(9));
    let path = h.store.path().parent().unwrap().join("kiosk.log");
    let log = std::fs::read_to_string(path).unwrap();
    assert!(log.contains("người hướng dẫn đã đăng nhập"), "{log}");
    assert!(log.contains("người hướng dẫn đã đăng xuất"), "{log}");
    assert!(!log.contains("instructor"), "{log}");
}

/// On the Vietnamese room screen letters never mark anyone: typing the
/// next latecomer's name ("le thi") opens the add box with it, where the
/// initials L, E, A used to mark three people late, excused and absent.
#[test]
fn typing_a_name_in_the_room_never_marks_anyone() {
    let mut h = classroom();
    log_in(&mut h);
    open_class(&mut h, "Zalo");
    let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
    h.key(KeyCode::F(6));
    h.typ("le thi");
    assert!(h.store.attendance(&class.id).unwrap().is_empty());
    let room = the_room(&h);
    assert_eq!(room.adding.as_deref(), Some("le thi"));
    // Enter adds the match, marked present; the others are untouched.
    h.enter();
    let marks = h.store.attendance(&class.id).unwrap();
    assert_eq!(marks.len(), 1, "{marks:?}");
    assert_eq!(marks[0].status, AttendanceStatus::Present);
}

/// Two residents alike in name and group are told apart in the add box by
/// year and address, and a number key adds the one meant, not always the
/// first.
#[test]
fn the_add_box_tells_namesakes_apart_and_adds_the_one_chosen() {
    let mut h = classroom();
    for household in ["Số 1 ngõ 3", "Số 8 ngõ 3"] {
        h.store
            .add_resident(&person("Phạm Kim Cúc", 1969, 1, household))
            .unwrap();
    }
    log_in(&mut h);
    open_room(&mut h);
    h.typ("+");
    h.typ("pham kim cuc");
    assert!(
        h.sees("1. Phạm Kim Cúc (tổ 1, sinh năm 1969, Số 1 ngõ 3)"),
        "{}",
        h.screen()
    );
    assert!(
        h.sees("2. Phạm Kim Cúc (tổ 1, sinh năm 1969, Số 8 ngõ 3)"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Char('2'));
    let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
    let marks = h.store.attendance(&class.id).unwrap();
    let added: Vec<&str> = marks.iter().map(|m| m.resident_id.as_str()).collect();
    let second = h
        .store
        .find_residents("pham kim cuc", 5)
        .unwrap()
        .into_iter()
        .find(|r| r.household == "Số 8 ngõ 3")
        .unwrap();
    assert_eq!(added, [second.id.as_str()], "{marks:?}");
}

/// A letter in a number box (year, group, phone) is refused as it is
/// typed, in the kiosk's words, as on the learner's form; it used to be
/// taken, and refused on saving in the store's English.
#[test]
fn a_letter_in_a_number_box_is_refused_as_typed() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(3));
    h.key(KeyCode::F(7));
    h.typ("Đỗ Văn Tư");
    h.enter();
    h.typ("19x");
    assert_eq!(resident_field(&h, 1), "19");
    assert!(h.sees("Ô này chỉ nhận chữ số 0–9."), "{}", h.screen());
    assert!(!h.sees("has characters"), "{}", h.screen());
    // The next digit is taken and clears the message.
    h.typ("5");
    assert_eq!(resident_field(&h, 1), "195");
    assert!(!h.sees("Ô này chỉ nhận chữ số 0–9."), "{}", h.screen());
}

/// Tab on Residents passes over the columns a narrow screen does not draw
/// (birth year, attempts): sorting by them would reorder the rows with no
/// arrow in sight. On a wide screen they are sorted by like the rest.
#[test]
fn tab_sorts_only_by_columns_on_screen() {
    for (width, hidden_visited) in [(80, false), (160, true)] {
        let mut h = classroom();
        h.send(Msg::Resize(width, 40));
        log_in(&mut h);
        h.key(KeyCode::F(3));
        let mut seen = Vec::new();
        for _ in 0..super::residents::COLUMNS {
            h.key(KeyCode::Tab);
            seen.push(the_desk(&h).sort[1].column);
        }
        let visited = seen.contains(&2) || seen.contains(&6);
        assert_eq!(visited, hidden_visited, "{width}: {seen:?}");
        assert!(seen.contains(&3), "{width}: {seen:?}");
    }
}

/// A wrong mark noticed after F8 closed the class can still be put right:
/// F6 opens the closed class's room, which says the class has ended, and
/// the correction is the mark the store keeps. With no class at all today
/// F6 still asks for one.
#[test]
fn a_closed_class_can_still_be_corrected() {
    for (lang, ended, today_says) in [
        (Lang::Vi, "Buổi học đã kết thúc lúc", "F6 để sửa điểm danh"),
        (
            Lang::En,
            "This class ended at",
            "F6 corrects its attendance",
        ),
    ] {
        let mut h = classroom();
        h.app.lang = lang;
        for size in [(80, 24), (60, 16), (120, 40)] {
            h.send(Msg::Resize(size.0, size.1));
        }
        log_in(&mut h);
        h.key(KeyCode::F(6));
        assert_eq!(the_desk(&h).note, Some(Note::NeedClass));
        assert!(the_desk(&h).modal.is_none());
        open_room(&mut h);
        assert!(!h.sees(ended), "{}", h.screen());
        let room = the_room(&h);
        let first = room.rows[0].clone();
        h.typ("4"); // absent, by mistake
        h.key(KeyCode::Esc);
        h.key(KeyCode::F(8));
        h.key(KeyCode::Char('2'));
        let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
        assert!(class.ended_at.is_some());
        assert!(h.sees(today_says), "{}", h.screen());
        h.key(KeyCode::F(6));
        let room = the_room(&h);
        assert_eq!(room.rows[0].status, Some(AttendanceStatus::Absent));
        for size in [(60, 16), (80, 24), (120, 40)] {
            h.send(Msg::Resize(size.0, size.1));
            assert!(h.sees(ended), "{size:?}\n{}", h.screen());
        }
        h.typ("2"); // late, in fact
        let marks = h.store.attendance(&class.id).unwrap();
        let theirs: Vec<_> = marks
            .iter()
            .filter(|m| m.resident_id == first.resident_id)
            .map(|m| m.status)
            .collect();
        assert_eq!(theirs, [AttendanceStatus::Late], "{marks:?}");
        // Someone who came without a seat can be added after closing too.
        h.typ("+");
        h.typ("duc");
        h.enter();
        let marks = h.store.attendance(&class.id).unwrap();
        assert!(
            marks
                .iter()
                .any(|m| m.full_name == "Phạm Văn Đức" && m.status == AttendanceStatus::Present),
            "{marks:?}"
        );
        // The class stays closed, and its room opens again as it was left.
        assert!(
            h.store
                .class_session(&class.id)
                .unwrap()
                .unwrap()
                .ended_at
                .is_some()
        );
        h.key(KeyCode::Esc);
        h.key(KeyCode::F(6));
        let room = the_room(&h);
        assert_eq!(room.rows[0].status, Some(AttendanceStatus::Late));
    }
}

/// A mark the database refuses is said in the room (which covers the
/// desk's note line), and the room shows the marks as saved, not as typed.
#[test]
fn a_mark_not_saved_is_said_in_the_room_and_not_shown_as_made() {
    let mut h = classroom();
    log_in(&mut h);
    open_room(&mut h);
    h.typ("2"); // the first person: late, saved
    // The second person's record is gone from under the room (as if the
    // database refused the write).
    if let Screen::Instructor(s) = &mut h.app.screen
        && let Stage::Desk(d) = &mut s.stage
        && let Some(Modal::Room(room)) = &mut d.modal
    {
        room.rows[1].resident_id = "vh-test-nobody".into();
    }
    h.typ("1");
    // In the screen's words, not the store's English.
    assert!(
        h.sees("Chưa làm được: không thấy người hay buổi học này nữa."),
        "{}",
        h.screen()
    );
    assert!(!h.sees("no class session"), "{}", h.screen());
    let room = the_room(&h);
    assert_eq!(room.rows[0].status, Some(AttendanceStatus::Late));
    assert_eq!(room.rows[1].status, None, "{:?}", room.rows);
    // The next key clears the message.
    h.key(KeyCode::Down);
    assert!(!h.sees("Chưa làm được"), "{}", h.screen());
}

/// On the smallest screen (60×16) the add box has room for fewer than five
/// matches: each one listed is whole (none runs under the buttons), and
/// the number of one not listed adds nobody; it used to add and mark
/// present someone the instructor could not see.
#[test]
fn the_add_box_adds_only_matches_on_screen() {
    let mut h = classroom();
    for (given, household) in [
        ("An", "Số 101, ngõ 6 Tân Ấp, phường Phúc Xá"),
        ("Bình", "Số 163, ngõ 6 Tân Ấp, phường Phúc Xá"),
        ("Cường", "Số 121, ngõ 106 Hoàng Hoa Thám"),
        ("Dũng", "Số 20 Hòe Nhai, phường Nguyễn Trung Trực"),
        ("Em", "Số 29, ngõ 76 Hòe Nhai"),
    ] {
        h.store
            .add_resident(&person(&format!("Nguyễn Công {given}"), 1952, 5, household))
            .unwrap();
    }
    h.send(Msg::Resize(60, 16));
    log_in(&mut h);
    open_room(&mut h);
    h.typ("+");
    h.typ("nguyen cong");
    let screen = h.screen();
    let shown = (1..=5)
        .filter(|i| screen.contains(&format!("│{i}. Nguyễn Công")))
        .count();
    assert!((1..5).contains(&shown), "{screen}");
    // Each match listed is whole: its address ends before the buttons.
    let lines: Vec<&str> = screen.lines().collect();
    let buttons = lines.iter().position(|l| l.contains("Esc")).unwrap();
    let last = lines
        .iter()
        .rposition(|l| l.contains(&format!("{shown}. Nguyễn Công")))
        .unwrap();
    assert!(
        lines[last + 1..buttons]
            .iter()
            .all(|l| !l.contains("Nguyễn"))
    );
    assert!(
        lines[last..buttons].iter().any(|l| l.contains(")")),
        "{screen}"
    );
    let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
    h.typ(&(shown + 1).to_string());
    assert!(h.store.attendance(&class.id).unwrap().is_empty());
    assert!(h.sees("Thêm người:"), "{}", h.screen());
    h.typ(&shown.to_string());
    assert_eq!(h.store.attendance(&class.id).unwrap().len(), 1);
}

/// Esc logs out from every view, and kiosk.log says so each time; from
/// Residents (search box empty) it used to leave no line.
#[test]
fn esc_logs_out_with_a_line_in_the_log_from_every_view() {
    let mut h = classroom();
    let path = h.store.path().parent().unwrap().join("kiosk.log");
    for view in [2, 3, 4, 5] {
        log_in(&mut h);
        h.key(KeyCode::F(view));
        let before = std::fs::read_to_string(&path).unwrap();
        h.key(KeyCode::Esc);
        assert!(!matches!(h.app.screen, Screen::Instructor(_)), "F{view}");
        let after = std::fs::read_to_string(&path).unwrap();
        assert!(
            after[before.len()..].contains("người hướng dẫn đã đăng xuất"),
            "F{view}: {after}"
        );
    }
}

/// On the smallest screen (60 columns) Residents shows whole names: they
/// were cut to "Nguyễn Thị", so namesakes and most people looked alike.
/// The scores give way, and Tab passes over them.
#[test]
fn residents_show_whole_names_on_a_narrow_screen() {
    let mut h = classroom();
    h.store
        .add_resident(&person("Nguyễn Thị Phương Thảo", 1957, 3, "Số 9"))
        .unwrap();
    h.send(Msg::Resize(60, 16));
    log_in(&mut h);
    h.key(KeyCode::F(3));
    for name in ["Nguyễn Thị Hằng", "Nguyễn Thị Phương Thảo", "Phạm Văn Đức"] {
        assert!(h.sees(name), "{name}\n{}", h.screen());
    }
    let mut seen = Vec::new();
    for _ in 0..super::residents::COLUMNS {
        h.key(KeyCode::Tab);
        seen.push(the_desk(&h).sort[1].column);
    }
    assert!(!seen.contains(&4) && !seen.contains(&5), "{seen:?}");
}

/// A database kept busy by another seat or program is said in the
/// screen's language, in plain words (the store's message is English and
/// names the file).
#[test]
fn a_busy_database_is_said_in_the_screens_words() {
    for (lang, said) in [
        (Lang::Vi, "Chưa làm được: dữ liệu đang bận. Hãy thử lại."),
        (
            Lang::En,
            "Could not do that: the database is busy. Try again.",
        ),
    ] {
        let mut h = classroom();
        h.app.lang = lang;
        // Whole on the one note line of the smallest screen.
        h.send(Msg::Resize(60, 16));
        log_in(&mut h);
        let busy = crate::store::StoreError::Busy {
            path: "/srv/kiosk/kiosk.db".into(),
            secs: 60,
        };
        h.send(Msg::Instructor(Reply::Failed(Why::of(&busy))));
        assert!(h.sees(said), "{}", h.screen());
        assert!(!h.sees("kiosk.db"), "{}", h.screen());
    }
}
