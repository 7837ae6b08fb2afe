//! `kiosk doctor` run as a volunteer would: the real binary on a fresh
//! folder, once in a pseudo-terminal set up like the installed kiosk (all
//! well, exit 0), and on folders with the mistakes it must name (exit 1).
//! Most tests read the English lines (`language = "en"`); one reads the
//! Vietnamese ones a kiosk shows by default.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Site {
    dir: tempfile::TempDir,
}

fn lessons_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")
}

impl Site {
    /// A folder with a kiosk.toml in English using the shipped lessons;
    /// `extra` is appended to the settings.
    fn new(extra: &str) -> Site {
        Site::vietnamese(&format!("language = \"en\"\n{extra}"))
    }

    /// The same with no language named, so Vietnamese.
    fn vietnamese(extra: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let lessons = if extra.contains("lessons =") {
            String::new()
        } else {
            format!("lessons = {:?}\n", lessons_dir().display().to_string())
        };
        std::fs::write(
            dir.path().join("kiosk.toml"),
            format!(
                "{lessons}{extra}\n[site]\nid = \"vh-phuc-xa\"\nname = \"Nhà văn hóa Phúc Xá\"\n"
            ),
        )
        .unwrap();
        Site { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The kiosk with a clean environment plus `env`.
    fn kiosk(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiosk"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }

    /// A database with a backup, as after installing and one nightly backup.
    fn ready(&self) {
        self.with_database();
        self.set_pin();
    }

    /// A database holding one resident, and its first backup.
    fn with_database(&self) {
        for args in [
            &[
                "residents",
                "add",
                "--name",
                "Nguyễn Thị Lan",
                "--group",
                "3",
                "--birth-year",
                "1956",
            ][..],
            &["backup"][..],
        ] {
            let out = self.kiosk(args, &[]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    /// `kiosk set-pin`, typing the PIN twice on standard input.
    fn set_pin(&self) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .arg("set-pin")
            .current_dir(self.dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), b"258036\n258036\n").unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn doctor(&self, env: &[(&str, &str)]) -> (i32, String) {
        let out = self.kiosk(&["doctor"], env);
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }
}

const GOOD_ENV: &[(&str, &str)] = &[("TERM", "xterm-256color"), ("LANG", "C.UTF-8")];

/// The line about `topic`, which must be there. Each line is a mark
/// padded to 8 letters ("ok", "PROBLEM", "CẦN SỬA" …), a space, the topic.
fn line<'a>(report: &'a str, topic: &str) -> &'a str {
    report
        .lines()
        .find(|l| {
            l.chars()
                .skip(9)
                .collect::<String>()
                .starts_with(&format!("{topic}:"))
        })
        .unwrap_or_else(|| panic!("no line about {topic} in:\n{report}"))
}

fn is_problem(line: &str) -> bool {
    line.starts_with("PROBLEM") || line.starts_with("CẦN SỬA")
}

/// Runs doctor in a pseudo-terminal of `cols`×`rows`; returns the exit
/// code and the text it printed (colours removed).
fn doctor_in_terminal(site: &Site, cols: u16, rows: u16, env: &[(&str, &str)]) -> (u32, String) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kiosk"));
    cmd.arg("doctor");
    cmd.cwd(site.dir.path());
    cmd.env_clear();
    cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let collector = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        // The pty reports an error (EIO) once the program has exited.
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        all
    });
    let status = child.wait().unwrap();
    drop(pty.master);
    let bytes = collector.join().unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let plain = strip_ansi(&text).replace('\r', "");
    (status.exit_code(), plain)
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ ... final byte in @..~
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_ready_kiosk_in_a_good_terminal_is_all_well() {
    let site = Site::new("");
    site.ready();
    let (code, report) = doctor_in_terminal(&site, 100, 30, GOOD_ENV);
    assert_eq!(code, 0, "{report}");
    assert!(
        line(&report, "terminal size").contains("100×30"),
        "{report}"
    );
    assert!(line(&report, "locale").contains("C.UTF-8"), "{report}");
    assert!(
        line(&report, "database").contains("integrity check"),
        "{report}"
    );
    assert!(line(&report, "lessons").contains("modules"), "{report}");
    assert!(line(&report, "backups").starts_with("ok"), "{report}");
    assert!(report.contains("All is well"), "{report}");
}

#[test]
fn a_missing_instructor_pin_is_a_problem() {
    let site = Site::new("");
    site.with_database();
    let (code, report) = site.doctor(GOOD_ENV);
    assert_eq!(code, 1, "{report}");
    let pin = line(&report, "instructor PIN");
    assert!(is_problem(pin) && pin.contains("kiosk set-pin"), "{pin}");
    site.set_pin();
    let (_, report) = site.doctor(GOOD_ENV);
    assert!(
        line(&report, "instructor PIN").starts_with("ok"),
        "{report}"
    );
}

#[test]
fn a_small_terminal_and_the_linux_console_are_problems() {
    let site = Site::new("");
    site.ready();
    let (code, report) =
        doctor_in_terminal(&site, 60, 20, &[("TERM", "linux"), ("LANG", "C.UTF-8")]);
    assert_eq!(code, 1, "{report}");
    let size = line(&report, "terminal size");
    assert!(
        is_problem(size) && size.contains("60×20") && size.contains("80×24"),
        "{size}"
    );
    let console = line(&report, "console");
    assert!(
        is_problem(console) && console.contains("graphical terminal"),
        "{console}"
    );
}

#[test]
fn a_bare_folder_names_every_missing_piece() {
    let site = Site::new("lessons = \"no-such-folder\"\n");
    // No database, no backups, no lessons, no locale, no TERM.
    let (code, report) = site.doctor(&[]);
    assert_eq!(code, 1, "{report}");
    if cfg!(windows) {
        // A Windows console sets neither, and needs neither.
        assert!(line(&report, "locale").starts_with("ok"), "{report}");
        assert!(line(&report, "colours").starts_with("ok"), "{report}");
    } else {
        assert!(is_problem(line(&report, "locale")), "{report}");
        assert!(line(&report, "locale").contains("LANG=C.UTF-8"), "{report}");
        assert!(is_problem(line(&report, "colours")), "{report}");
    }
    let lessons = line(&report, "lessons");
    assert!(
        is_problem(lessons) && lessons.contains("no-such-folder"),
        "{lessons}"
    );
    // No database yet is fine: the kiosk makes it on its first start.
    assert!(line(&report, "database").starts_with("ok"), "{report}");
    assert!(report.contains("to fix"), "{report}");
    assert!(
        !site.path("data/kiosk.db").exists(),
        "doctor must not create the database"
    );
}

#[test]
fn settings_that_do_not_load_are_a_problem_not_a_crash() {
    // Settings that cannot be read name no language: Vietnamese.
    let site = Site::vietnamese("langauge = \"vi\"\n");
    let (code, report) = site.doctor(GOOD_ENV);
    assert_eq!(code, 1, "{report}");
    let settings = line(&report, "cài đặt");
    assert!(
        is_problem(settings) && settings.contains("langauge"),
        "{settings}"
    );
}

#[test]
fn a_damaged_database_is_a_problem() {
    let site = Site::new("");
    std::fs::create_dir_all(site.path("data")).unwrap();
    std::fs::write(site.path("data/kiosk.db"), vec![0x5a; 8192]).unwrap();
    let (code, report) = site.doctor(GOOD_ENV);
    assert_eq!(code, 1, "{report}");
    let db = line(&report, "database");
    assert!(is_problem(db) && db.contains("kiosk.db"), "{db}");
}

#[test]
fn an_old_or_missing_backup_is_a_problem() {
    let site = Site::new("");
    site.ready();
    let backups: Vec<PathBuf> = std::fs::read_dir(site.path("data/backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1);
    // Five days old, as a nightly backup that stopped leaves it (with std,
    // not `touch`, so that the test runs on Windows too).
    let five_days = std::time::Duration::from_secs(5 * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&backups[0])
        .unwrap()
        .set_modified(std::time::SystemTime::now() - five_days)
        .unwrap();
    let (code, report) = site.doctor(GOOD_ENV);
    assert_eq!(code, 1, "{report}");
    let b = line(&report, "backups");
    assert!(is_problem(b) && b.contains("5 days"), "{b}");

    std::fs::remove_file(&backups[0]).unwrap();
    let (_, report) = site.doctor(GOOD_ENV);
    let b = line(&report, "backups");
    assert!(is_problem(b) && b.contains("kiosk backup"), "{b}");
}

#[test]
fn a_backup_folder_that_cannot_be_written_is_a_problem() {
    let site = Site::new("[backup]\nfolder = \"a-file/backups\"\n");
    std::fs::write(site.path("a-file"), "not a folder").unwrap();
    let (code, report) = site.doctor(GOOD_ENV);
    assert_eq!(code, 1, "{report}");
    let b = line(&report, "backup folder");
    assert!(is_problem(b) && b.contains("a-file"), "{b}");
}

#[test]
#[cfg(unix)] // the failing "speaker" is a shell script
fn the_speech_command_is_run_and_its_failure_named() {
    // The settings split the command at spaces (no shell), so a failing
    // "speaker" is a small script.
    let bin = tempfile::tempdir().unwrap();
    let speaker = bin.path().join("speaker");
    std::fs::write(
        &speaker,
        "#!/bin/sh\ncat >/dev/null\necho 'no voice vi' >&2\nexit 3\n",
    )
    .unwrap();
    let mut perms = std::fs::metadata(&speaker).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&speaker, perms).unwrap();
    let site = Site::new(&format!(
        "[speech]\ncommand = {:?}\n",
        speaker.display().to_string()
    ));
    let (code, report) = site.doctor(GOOD_ENV);
    assert_eq!(code, 1, "{report}");
    let s = line(&report, "read aloud");
    assert!(is_problem(s), "{s}");
    assert!(
        s.contains("exit code 3") && s.contains("no voice vi"),
        "{s}"
    );

    let site = Site::new("[speech]\ncommand = \"no-such-speaker -v vi\"\n");
    let (_, report) = site.doctor(GOOD_ENV);
    let s = line(&report, "read aloud");
    assert!(is_problem(s) && s.contains("no-such-speaker"), "{s}");

    // A command that reads the text and succeeds is fine.
    let site = Site::new("[speech]\ncommand = \"cat\"\n");
    let (_, report) = site.doctor(GOOD_ENV);
    assert!(line(&report, "read aloud").starts_with("ok"), "{report}");
}

/// A kiosk.toml that names no language gets the report in Vietnamese:
/// each line's mark and topic, the advice, and the last line.
#[test]
fn the_report_is_in_vietnamese_by_default() {
    let site = Site::vietnamese("");
    site.with_database();
    let (code, report) = site.doctor(GOOD_ENV);
    assert_eq!(code, 1, "{report}");
    assert_eq!(
        line(&report, "mã PIN"),
        "CẦN SỬA  mã PIN: chưa đặt, nên không ai mở được chế độ người hướng dẫn hay rời kiosk. \
         Hãy đặt mã bằng `kiosk set-pin`"
    );
    assert_eq!(
        line(&report, "màu"),
        "ổn       màu: TERM=xterm-256color, 256 màu (kiosk cần 16 màu cơ bản)"
    );
    assert!(
        line(&report, "dữ liệu").ends_with("kiosk.db mở được và qua kiểm tra toàn vẹn"),
        "{report}"
    );
    assert!(
        line(&report, "bản sao lưu").contains("làm cách đây chưa đến một phút"),
        "{report}"
    );
    assert_eq!(
        report.lines().last(),
        Some("Có 1 điều cần sửa (xem các dòng ghi CẦN SỬA).")
    );
    site.set_pin();
    let (code, report) = site.doctor(GOOD_ENV);
    assert_eq!(code, 0, "{report}");
    assert_eq!(line(&report, "mã PIN"), "ổn       mã PIN: đã đặt");
    assert_eq!(
        report.lines().last(),
        Some("Mọi thứ đều ổn: máy này sẵn sàng làm kiosk.")
    );
}
