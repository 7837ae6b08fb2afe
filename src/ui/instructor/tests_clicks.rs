//! Instructor forms, confirmations and the attendance room worked with the
//! mouse alone (typing aside): every click goes through `update` as a real
//! mouse event, at the place the layout says and the screen shows.

use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::forms::{Confirm, Modal};
use super::layout::{self, Hit};
use super::tests::{classroom, log_in, open_room, stage, the_desk};
use super::*;
use crate::store::instructor::AttendanceStatus;
use crate::ui::app::{Effect as AppEffect, Msg};
use crate::ui::tests::Harness;

fn mouse(h: &mut Harness, kind: MouseEventKind, x: u16, y: u16) {
    h.send(Msg::Mouse(MouseEvent {
        kind,
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
}

/// Clicks the middle of `hit` as laid out now, after checking that the
/// screen shows the button's label (or the item's first line) right there.
fn click(h: &mut Harness, hit: Hit) {
    let area = h.app.area();
    let d = the_desk(h);
    let m = d.modal.as_ref().expect("a form is open");
    let laid = layout::modal(&h.app, d, m, area);
    // The rectangle, the words drawn in it and the line they are on.
    let (r, label, label_y) = laid
        .buttons
        .iter()
        .find(|b| b.hit == hit)
        .map(|b| (b.rect, b.label.clone(), b.rect.y + b.rect.height / 2))
        .or_else(|| {
            laid.items.iter().find(|i| i.hit == Some(hit)).map(|i| {
                let text = match &i.content {
                    layout::Content::Lines(lines, _) => lines[0].clone(),
                    layout::Content::Field { label, .. } => label.clone(),
                };
                (i.rect, text, i.rect.y)
            })
        })
        .unwrap_or_else(|| panic!("{hit:?} is not on screen\n{}", h.screen()));
    let y = r.y + r.height / 2;
    let screen = h.screen();
    let line = screen.lines().nth(label_y as usize).unwrap_or_default();
    assert!(
        line.contains(label.trim()),
        "{hit:?}: {label:?} is not drawn on line {y}:\n{screen}"
    );
    mouse(
        h,
        MouseEventKind::Down(MouseButton::Left),
        r.x + r.width / 2,
        y,
    );
}

fn modal(h: &Harness) -> Option<&Modal> {
    the_desk(h).modal.as_ref()
}

#[test]
fn a_resident_is_registered_with_clicks_and_a_cancel_saves_nothing() {
    for size in [(80, 24), (60, 16), (160, 48)] {
        let mut h = classroom();
        h.send(Msg::Resize(size.0, size.1));
        log_in(&mut h);
        h.key(KeyCode::F(3));
        h.key(KeyCode::F(7));
        h.typ("Đỗ Thị Yến");
        // Each field is chosen by a click, then typed in.
        click(&mut h, Hit::Field(3));
        h.typ("Số 9");
        click(&mut h, Hit::Field(1));
        h.typ("1952");
        click(&mut h, Hit::Field(2));
        h.typ("3");
        // Saving without the resident's agreement is refused, in words.
        click(&mut h, Hit::Save);
        let t = h.app.t();
        let said: Vec<&str> = t.ins_form_need_consent.split(' ').take(4).collect();
        assert!(h.sees(&said.join(" ")), "{size:?}\n{}", h.screen());
        click(&mut h, Hit::Consent);
        assert!(matches!(modal(&h), Some(Modal::Resident(f)) if f.consent));
        // Ticked: the "needs their agreement" line goes.
        assert!(!h.sees(&said.join(" ")), "{size:?}\n{}", h.screen());
        click(&mut h, Hit::Save);
        assert!(modal(&h).is_none(), "{size:?}\n{}", h.screen());
        let yen = h.store.find_residents("do thi yen", 5).unwrap();
        assert_eq!(yen.len(), 1, "{size:?}");
        assert_eq!((yen[0].group_no, yen[0].birth_year), (3, Some(1952)));
        // Correcting: Cancel asks first (something was changed); "No"
        // gives the form back as it was, "Yes" closes it and changes
        // nothing.
        h.typ("do thi yen");
        h.enter();
        click(&mut h, Hit::Field(2));
        h.key(KeyCode::Backspace);
        h.typ("7");
        click(&mut h, Hit::Cancel);
        assert!(matches!(modal(&h), Some(Modal::Confirm(_))), "{size:?}");
        click(&mut h, Hit::No);
        assert!(
            matches!(modal(&h), Some(Modal::Resident(f)) if f.fields[2] == "7"),
            "{size:?}"
        );
        click(&mut h, Hit::Cancel);
        click(&mut h, Hit::Yes);
        assert!(modal(&h).is_none());
        assert_eq!(h.store.resident(&yen[0].id).unwrap().unwrap().group_no, 3);
        // And Save keeps the correction.
        h.enter();
        click(&mut h, Hit::Field(2));
        h.key(KeyCode::Backspace);
        h.typ("7");
        click(&mut h, Hit::Save);
        assert_eq!(h.store.resident(&yen[0].id).unwrap().unwrap().group_no, 7);
    }
}

#[test]
fn indicators_are_switched_by_clicking_their_line() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(3));
    h.typ("duc");
    h.key(KeyCode::F(6));
    assert!(matches!(modal(&h), Some(Modal::Indicators(_))));
    // Đức has VNeID (the second); clicking the first adds a smartphone.
    click(&mut h, Hit::Toggle(0));
    click(&mut h, Hit::Toggle(1));
    click(&mut h, Hit::Cancel);
    assert!(modal(&h).is_none());
    let duc = the_desk(&h)
        .residents
        .as_ref()
        .unwrap()
        .iter()
        .find(|r| r.full_name == "Phạm Văn Đức")
        .unwrap()
        .clone();
    assert_eq!(duc.indicators, ["smartphone"]);
}

#[test]
fn the_room_is_marked_and_added_to_with_clicks() {
    for size in [(80, 24), (60, 16)] {
        let mut h = classroom();
        h.send(Msg::Resize(size.0, size.1));
        log_in(&mut h);
        open_room(&mut h);
        let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
        // A click on a person's row chooses them; a mark button marks them.
        let area = h.app.area();
        let laid = {
            let d = the_desk(&h);
            layout::modal(&h.app, d, d.modal.as_ref().unwrap(), area)
        };
        let Some(Modal::Room(room)) = modal(&h) else {
            panic!()
        };
        let lan = room
            .rows
            .iter()
            .position(|r| r.name == "Lê Thị Lan")
            .unwrap();
        let y = laid.list.y + 1 + lan as u16;
        assert!(
            h.screen()
                .lines()
                .nth(y as usize)
                .unwrap()
                .contains("Lê Thị Lan")
        );
        mouse(&mut h, MouseEventKind::Down(MouseButton::Left), 5, y);
        assert!(matches!(modal(&h), Some(Modal::Room(r)) if r.cursor == lan));
        click(&mut h, Hit::Mark(AttendanceStatus::Late));
        // Add someone who came without a seat: open the box, type, click
        // the name found.
        click(&mut h, Hit::Add);
        h.typ("duc");
        click(&mut h, Hit::AddMatch(0));
        let marks = |h: &Harness| -> Vec<(String, AttendanceStatus)> {
            let mut v: Vec<(String, AttendanceStatus)> = h
                .store
                .attendance(&class.id)
                .unwrap()
                .into_iter()
                .map(|m| (m.full_name, m.status))
                .collect();
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v
        };
        assert_eq!(
            marks(&h),
            [
                ("Lê Thị Lan".to_string(), AttendanceStatus::Late),
                ("Phạm Văn Đức".to_string(), AttendanceStatus::Present),
            ],
            "{size:?}"
        );
        // The added person is the chosen row: a click corrects their mark.
        click(&mut h, Hit::Mark(AttendanceStatus::Excused));
        assert!(marks(&h).contains(&("Phạm Văn Đức".to_string(), AttendanceStatus::Excused)));
        click(&mut h, Hit::Cancel);
        assert!(modal(&h).is_none(), "{size:?}");
    }
}

#[test]
fn forgetting_and_leaving_are_confirmed_by_clicking_a_button() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(3));
    h.typ("duc");
    let duc = the_desk(&h).found.clone().unwrap()[0].clone();
    h.key(KeyCode::F(8));
    click(&mut h, Hit::No);
    assert!(modal(&h).is_none());
    assert!(!h.store.resident(&duc).unwrap().unwrap().forgotten);
    h.key(KeyCode::F(8));
    click(&mut h, Hit::Yes);
    assert!(h.store.resident(&duc).unwrap().unwrap().forgotten);
    // Leaving the kiosk: "no" stays, "yes" quits.
    h.key(KeyCode::F(10));
    click(&mut h, Hit::No);
    assert!(!h.app.quit && modal(&h).is_none());
    h.key(KeyCode::F(10));
    click(&mut h, Hit::Yes);
    assert!(h.app.quit);
    assert_eq!(h.effects.last(), Some(&AppEffect::Quit));
}

#[test]
fn a_class_is_opened_with_clicks() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(7));
    click(&mut h, Hit::Save);
    assert!(h.sees(h.app.t().ins_form_fill_both), "{}", h.screen());
    click(&mut h, Hit::Field(0));
    h.typ("iHanoi");
    click(&mut h, Hit::Field(1));
    h.typ("Cô Hoa");
    click(&mut h, Hit::Save);
    let class = the_desk(&h).today.as_ref().unwrap().class.clone().unwrap();
    assert_eq!(
        (class.topic.as_str(), class.instructor.as_str()),
        ("iHanoi", "Cô Hoa")
    );
}

/// Clicks outside any button or line change nothing.
#[test]
fn clicks_beside_the_buttons_do_nothing() {
    let mut h = classroom();
    log_in(&mut h);
    h.key(KeyCode::F(10));
    let before = the_desk(&h).clone();
    mouse(&mut h, MouseEventKind::Down(MouseButton::Left), 0, 0);
    mouse(&mut h, MouseEventKind::Down(MouseButton::Left), 79, 23);
    assert_eq!(the_desk(&h), &before);
    assert!(!h.app.quit);
}

/// At every size instructor mode draws on, each form's buttons sit inside
/// its frame, apart from each other, with their whole label on screen.
#[test]
fn buttons_fit_apart_and_whole_at_every_size() {
    for size in [
        (60, 16),
        (72, 20),
        (80, 24),
        (100, 30),
        (160, 48),
        (300, 100),
    ] {
        for lang in [crate::i18n::Lang::Vi, crate::i18n::Lang::En] {
            let mut h = classroom();
            h.app.lang = lang;
            h.send(Msg::Resize(size.0, size.1));
            log_in(&mut h);
            let check = |h: &mut Harness, what: &str| {
                let d = the_desk(h);
                let laid = layout::modal(&h.app, d, d.modal.as_ref().unwrap(), h.app.area());
                let screen = h.screen();
                let f = laid.frame;
                for (i, b) in laid.buttons.iter().enumerate() {
                    let r = b.rect;
                    assert!(
                        r.x > f.x && r.right() < f.right() && r.y > f.y && r.bottom() < f.bottom(),
                        "{what} {size:?}: {:?} outside {f:?}",
                        b.label
                    );
                    for other in &laid.buttons[i + 1..] {
                        assert!(
                            !r.intersects(other.rect),
                            "{what} {size:?}: buttons overlap"
                        );
                    }
                    let line = screen.lines().nth((r.y + r.height / 2) as usize).unwrap();
                    assert!(
                        line.contains(&b.label),
                        "{what} {size:?}: {:?}\n{screen}",
                        b.label
                    );
                }
            };
            h.key(KeyCode::F(3));
            h.key(KeyCode::F(7));
            check(&mut h, "register");
            h.key(KeyCode::Esc);
            h.key(KeyCode::F(6));
            check(&mut h, "indicators");
            h.key(KeyCode::Esc);
            h.key(KeyCode::F(8));
            check(&mut h, "forget");
            h.key(KeyCode::Esc);
            open_room(&mut h);
            check(&mut h, "room");
            h.typ("+");
            check(&mut h, "room, adding");
        }
    }
}

/// Every key the footer names on its own can be tapped there instead: at
/// the PIN prompt, on the desk's views and under forms.
#[test]
fn footer_keys_by_touch() {
    let mut h = classroom();
    h.ctrl('k');
    assert!(matches!(stage(&h), Some(Stage::Pin(_))), "{}", h.screen());
    h.tap_text("English");
    assert_eq!(h.app.lang, crate::i18n::Lang::En, "{}", h.screen());
    h.tap_text("Tiếng Việt");
    assert_eq!(h.app.lang, crate::i18n::Lang::Vi, "{}", h.screen());
    h.typ(super::tests::PIN);
    h.tap_text("mở");
    assert!(matches!(stage(&h), Some(Stage::Desk(_))), "{}", h.screen());

    h.key(KeyCode::F(3));
    assert!(h.sees("đăng ký mới"), "{}", h.screen());
    let modal = |h: &Harness| the_desk(h).modal.clone();
    h.tap_text("đăng ký mới");
    assert!(
        matches!(modal(&h), Some(Modal::Resident(f)) if f.id.is_none()),
        "{}",
        h.screen()
    );
    // Under the form, its own footer: "Esc cancel, go back".
    h.tap_text("hủy, quay lại");
    assert_eq!(modal(&h), None, "{}", h.screen());
    h.tap_text("sửa thông tin");
    assert!(
        matches!(modal(&h), Some(Modal::Resident(f)) if f.id.is_some()),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Esc);
    h.tap_text("chỉ tiêu");
    assert!(
        matches!(modal(&h), Some(Modal::Indicators(_))),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Esc);
    h.tap_text("xóa người này");
    assert!(
        matches!(modal(&h), Some(Modal::Confirm(Confirm::Forget { .. }))),
        "{}",
        h.screen()
    );
    // It cannot be undone, so the question tells namesakes apart.
    assert!(
        h.sees("Lê Thị Lan (tổ 2, sinh năm 1960, Số 7)?"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Esc);
    assert_eq!(modal(&h), None);

    h.key(KeyCode::F(2));
    h.tap_text("mở buổi học");
    assert!(matches!(modal(&h), Some(Modal::Class(_))), "{}", h.screen());
    h.key(KeyCode::Esc);
    // "F9 log out" closes instructor mode, back to the learners' welcome.
    h.tap_text("đăng xuất");
    assert!(matches!(h.app.screen, Screen::Welcome), "{}", h.screen());
}
