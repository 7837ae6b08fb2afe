//! The real binary's help and mistakes, in the language of the `kiosk.toml`
//! it is given: what a ward officer reads when they type a command.

use std::path::Path;
use std::process::{Command, Output};

fn kiosk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn help_follows_the_language_of_kiosk_toml() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // No kiosk.toml yet: the kiosk's default language.
    let vi = kiosk(d, &["export", "progress", "--help"]);
    assert_eq!(vi.status.code(), Some(0));
    let text = out(&vi);
    assert!(
        text.starts_with("Mỗi người một dòng cho mỗi bài học\n"),
        "{text}"
    );
    assert!(
        text.contains("Cách dùng: kiosk export progress [tùy chọn] --out <TỆP>"),
        "{text}"
    );
    assert!(
        !text.contains("Usage") && !text.contains("Options"),
        "{text}"
    );

    std::fs::write(d.join("kiosk.toml"), "language = \"en\"\n").unwrap();
    let en = out(&kiosk(d, &["export", "progress", "--help"]));
    assert!(en.starts_with("One row per resident per module\n"), "{en}");
    let out_line = en
        .lines()
        .find(|l| l.trim_start().starts_with("--out <FILE>"));
    assert!(
        out_line.is_some_and(|l| l.ends_with(" The file to write (.csv or .xlsx)")),
        "{en}"
    );

    // Notepad on Windows starts the file with a byte-order mark.
    std::fs::write(d.join("kiosk.toml"), "\u{feff}language = \"en\"\n").unwrap();
    let en = out(&kiosk(d, &["help", "report"]));
    assert!(en.contains("Usage: kiosk report"), "{en}");

    // --config names the file whose language counts, in either spelling.
    std::fs::write(d.join("vi.toml"), "language = \"vi\"  # tiếng Việt\n").unwrap();
    for args in [
        &["--config", "vi.toml", "report", "--help"][..],
        &["--config=vi.toml", "report", "--help"][..],
        &["report", "--config", "vi.toml", "--help"][..],
    ] {
        let text = out(&kiosk(d, args));
        assert!(text.contains("Cách dùng: kiosk report"), "{args:?}: {text}");
    }
}

#[test]
fn help_as_a_command_is_the_same_help() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let by_word = kiosk(d, &["help", "export", "attendance"]);
    let by_flag = kiosk(d, &["export", "attendance", "--help"]);
    assert_eq!(by_word.status.code(), Some(0));
    assert_eq!(out(&by_word), out(&by_flag));
    assert!(out(&by_word).contains("--from <NGÀY>"));
    let top = kiosk(d, &["help"]);
    assert!(out(&top).contains("Lệnh:"), "{}", out(&top));
}

#[test]
fn a_mistake_is_one_line_in_the_files_language_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = kiosk(d, &["residents", "add", "--name", "Nguyễn Thị Lan"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o),
        "kiosk: cần ghi thêm --group <SỐ>, --birth-year <NĂM>. Gõ kiosk residents add --help để xem cách dùng.\n"
    );
    assert!(o.stdout.is_empty());
    let o = kiosk(d, &["bundel", "--out", "b.kiosk"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o),
        "kiosk: không có lệnh \"bundel\"; có phải ý bạn là bundle? Gõ kiosk --help để xem cách dùng.\n"
    );
    std::fs::write(d.join("kiosk.toml"), "language = 'en'\n").unwrap();
    let o = kiosk(d, &["seed", "--residents", "ten"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o),
        "kiosk: --residents <N> takes a number, not \"ten\". Type kiosk seed --help to see how to use it.\n"
    );
}

#[test]
fn version_and_an_empty_export_say_what_they_should() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let v = kiosk(d, &["--version"]);
    assert_eq!(v.status.code(), Some(0));
    assert_eq!(out(&v), format!("kiosk {}\n", env!("CARGO_PKG_VERSION")));
    // `kiosk export` alone shows its three kinds rather than a mistake.
    let e = kiosk(d, &["export"]);
    assert_eq!(e.status.code(), Some(2));
    let text = err(&e);
    for kind in ["attendance", "progress", "indicators"] {
        assert!(text.contains(kind), "{text}");
    }
    assert!(
        text.contains("Cách dùng: kiosk export [tùy chọn] <LỆNH>"),
        "{text}"
    );
}
