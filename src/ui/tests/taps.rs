//! Touch alone: every key the footer names with its own key can be tapped
//! there instead, and does what the key does.

use ratatui::crossterm::event::KeyCode;

use crate::i18n::Lang;
use crate::store::NewResident;

use super::super::app::{Overlay, Screen};
use super::Harness;

#[test]
fn footer_items_are_buttons_for_their_keys() {
    let mut h = Harness::new();
    h.store
        .add_resident(&NewResident {
            full_name: "Phạm Thị Huệ".into(),
            birth_year: 1952,
            group_no: 2,
            household: "Số 3 ngõ 4".into(),
            phone: None,
            consent_version: Some("test".into()),
        })
        .unwrap();

    // Help and language, on the welcome screen.
    h.tap_text("trợ giúp");
    assert_eq!(h.app.overlay, Some(Overlay::Help), "{}", h.screen());
    // Under the help the footer names the help's keys: "Enter/Esc close".
    h.tap_text("đóng");
    assert_eq!(h.app.overlay, None, "{}", h.screen());
    // The lowest "English" is the footer's "L English", not the button.
    h.tap_text("English");
    assert_eq!(h.app.lang, Lang::En);
    assert!(
        h.sees("Press Enter or touch the Start button"),
        "{}",
        h.screen()
    );
    h.tap_text("Tiếng Việt");
    assert_eq!(h.app.lang, Lang::Vi);

    // A lesson: "Enter/→ continue", "← back" and "Esc home" by touch.
    h.enter();
    h.typ("hue");
    h.key(KeyCode::Char('1'));
    h.key(KeyCode::Char('2'));
    assert!(matches!(h.app.screen, Screen::Home), "{}", h.screen());
    h.enter();
    assert!(h.sees("Trang 1/3"), "{}", h.screen());
    h.tap_text("tiếp tục");
    assert!(h.sees("Trang 2/3"), "{}", h.screen());
    h.tap_text("quay lại");
    assert!(h.sees("Trang 1/3"), "{}", h.screen());
    // "↑↓ move" names two keys: a tap on it does nothing.
    let before = h.screen();
    h.tap_text("di chuyển");
    assert_eq!(h.screen(), before);
    h.tap_text("trang chủ");
    assert!(matches!(h.app.screen, Screen::Home), "{}", h.screen());
    // Home's "← sign out (asks first)": the tap asks, nothing is lost.
    h.tap_text("đăng xuất");
    assert!(
        matches!(h.app.overlay, Some(Overlay::Confirm { .. })),
        "{}",
        h.screen()
    );
    assert!(h.app.learner.is_some());
}
