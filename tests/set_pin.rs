//! `kiosk set-pin` run as the real binary with the PIN on standard input.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn set_pin(dir: &Path, input: &str) -> Output {
    common::output_typing(
        Command::new(env!("CARGO_BIN_EXE_kiosk")).args([
            "--config",
            dir.join("kiosk.toml").to_str().unwrap(),
            "set-pin",
        ]),
        input,
    )
}

fn site(lang: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kiosk.toml"),
        format!("language = \"{lang}\"\n[site]\nid = \"vh-pin\"\nname = \"Nhà văn hóa\"\n"),
    )
    .unwrap();
    dir
}

fn stored(dir: &Path) -> Vec<(String, String)> {
    let db = dir.join("data/kiosk.db");
    if !db.exists() {
        return Vec::new();
    }
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn
        .prepare("SELECT key, value FROM local_settings")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn a_good_pin_given_twice_is_stored_as_an_argon2id_hash() {
    let dir = site("en");
    let out = set_pin(dir.path(), "482913\n482913\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("PIN is saved"));
    let rows = stored(dir.path());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "instructor_pin");
    assert!(rows[0].1.starts_with("$argon2id$"));
    assert!(!rows[0].1.contains("482913"));
}

#[test]
fn different_pins_change_nothing_and_fail() {
    let dir = site("en");
    let out = set_pin(dir.path(), "482913\n482914\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not the same"));
    assert!(stored(dir.path()).is_empty());
}

#[test]
fn trivial_pins_are_refused_with_the_reason_in_the_site_language() {
    let dir = site("vi");
    let out = set_pin(dir.path(), "123456\n123456\n");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("quá dễ đoán") && err.contains("123456 hay 654321"),
        "{err}"
    );
    let out = set_pin(dir.path(), "1234\n1234\n");
    assert_eq!(out.status.code(), Some(1));
    let dir = site("en");
    let out = set_pin(dir.path(), "48291\n48291\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 6 digits"));
    assert!(stored(dir.path()).is_empty());
}

/// A letter in the PIN is not "too easy": the PIN must be digits only.
#[test]
fn a_pin_with_a_letter_must_be_digits_only_in_both_languages() {
    for (lang, says, not) in [
        ("en", "the PIN must be digits only", "too easy"),
        ("vi", "chỉ được có chữ số", "dễ đoán"),
    ] {
        let dir = site(lang);
        let out = set_pin(dir.path(), "48a913\n48a913\n");
        assert_eq!(out.status.code(), Some(1), "{lang}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says) && !err.contains(not), "{lang}: {err}");
        assert!(stored(dir.path()).is_empty());
    }
}

#[test]
fn one_line_only_is_a_usage_error() {
    let dir = site("en");
    let out = set_pin(dir.path(), "482913\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("twice"));
}
