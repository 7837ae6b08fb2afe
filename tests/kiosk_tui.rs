//! End-to-end tests of the learner's kiosk: the real `kiosk` binary runs in
//! a pseudo-terminal (portable-pty) on a temporary folder with its own
//! kiosk.toml and the two fixture lessons; a vt100 parser keeps the screen.
//! The tests type keys, wait for words on the screen (with a generous
//! deadline, never asserting on timing), and check the database afterwards.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kiosk::config::Config;
use kiosk::store::{NewResident, Store};
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(30);

/// A temporary kiosk folder: kiosk.toml, lessons/, data/.
struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let lessons = dir.path().join("lessons");
        std::fs::create_dir(&lessons).unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ui-lessons");
        for f in ["10-basics.toml", "20-next.toml"] {
            std::fs::copy(fixtures.join(f), lessons.join(f)).unwrap();
        }
        std::fs::write(
            dir.path().join("kiosk.toml"),
            "[site]\nid = \"vh-e2e\"\nname = \"Nhà văn hóa Phúc Xá\"\n",
        )
        .unwrap();
        Site { dir }
    }

    fn config(&self) -> Config {
        Config::load(&self.dir.path().join("kiosk.toml")).unwrap()
    }

    fn db_path(&self) -> PathBuf {
        self.config().database
    }

    fn add_resident(&self, name: &str) -> String {
        let store = Store::open(&self.config()).unwrap();
        store
            .add_resident(&NewResident {
                full_name: name.into(),
                birth_year: 1955,
                group_no: 4,
                household: "Số 8 ngõ 2".into(),
                phone: None,
                consent_version: Some("test".into()),
            })
            .unwrap()
            .id
    }

    fn count(&self, sql: &str) -> i64 {
        let conn = rusqlite::Connection::open(self.db_path()).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn start(&self) -> Kiosk {
        Kiosk::start(self.dir.path())
    }
}

/// The running kiosk in a pseudo-terminal.
struct Kiosk {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set when the reader has seen the end of the kiosk's output.
    drained: Arc<AtomicBool>,
}

/// An 80×24 pseudo-terminal, and the kiosk's command to run in it in `dir`
/// (`--config kiosk.toml`, a known TERM, no seat name).
fn pty_and_kiosk(dir: &Path) -> (portable_pty::PtyPair, CommandBuilder) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kiosk"));
    cmd.args(["--config", "kiosk.toml"]);
    cmd.cwd(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("KIOSK_SEAT");
    (pty, cmd)
}

impl Kiosk {
    fn start(dir: &Path) -> Kiosk {
        Kiosk::start_with(dir, &[])
    }

    /// The kiosk with a command after `--config kiosk.toml`.
    fn start_with(dir: &Path, command: &[&str]) -> Kiosk {
        let (pty, mut cmd) = pty_and_kiosk(dir);
        cmd.args(command);
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let drained = Arc::new(AtomicBool::new(false));
        let (s, r, d) = (screen.clone(), raw.clone(), drained.clone());
        std::thread::spawn(move || {
            // Keep the master open as long as we read from it.
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => {
                        d.store(true, Ordering::SeqCst);
                        return;
                    }
                    Ok(n) => {
                        s.lock().unwrap().process(&buf[..n]);
                        r.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        Kiosk {
            child,
            writer,
            screen,
            raw,
            drained,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until `text` is on screen; panics with the screen after the
    /// deadline.
    fn wait_for(&mut self, text: &str) {
        self.wait_until(text, |screen| screen.contains(text));
    }

    /// Waits until `text` is gone from the screen (a dialog closed).
    fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} to go"), |screen| !screen.contains(text));
    }

    fn wait_until(&mut self, text: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if done(&self.text()) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "the kiosk exited ({status:?}) while waiting for {text:?}:\n{}",
                    self.text()
                );
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("{text:?} did not appear; the screen:\n{}", self.text());
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // One key at a time, like a person: each is its own event.
        std::thread::sleep(Duration::from_millis(15));
    }

    fn enter(&mut self) {
        self.send("\r");
    }

    fn down(&mut self) {
        self.send("\x1b[B");
    }

    /// The number shown before the choice `label` in the quiz.
    fn number_of(&self, label: &str) -> char {
        let text = self.text();
        let line = text
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label:?} not on screen:\n{text}"));
        let before = line.split(". ").next().unwrap().trim();
        before.chars().last().unwrap()
    }

    /// Waits until the kiosk has written nothing for a moment, so the
    /// screen holds a whole frame. The reader parses output as it comes, so
    /// a frame can be half drawn: on the welcome screen the title is there
    /// before the Start button, and the only "Bắt đầu" yet is the hint text
    /// above it.
    fn settle(&self) {
        let start = Instant::now();
        let mut seen = self.raw.lock().unwrap().len();
        let mut since = Instant::now();
        while start.elapsed() < DEADLINE {
            std::thread::sleep(Duration::from_millis(30));
            let now = self.raw.lock().unwrap().len();
            if now != seen {
                seen = now;
                since = Instant::now();
            } else if since.elapsed() >= Duration::from_millis(150) {
                return;
            }
        }
    }

    /// Taps (clicks) the middle of the lowest `label` on a settled screen
    /// (buttons sit below any text that names them), as an SGR press and
    /// release.
    fn tap(&mut self, label: &str) {
        let start = Instant::now();
        let (row, col) = loop {
            self.settle();
            let text = self.text();
            let found = text
                .lines()
                .enumerate()
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .find_map(|(r, l)| {
                    l.find(label)
                        .map(|b| (r, l[..b].chars().count() + label.chars().count() / 2))
                });
            if let Some(at) = found {
                break at;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "{label:?} not on screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(30));
        };
        let (x, y) = (col + 1, row + 1);
        self.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    }

    fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("a pid");
        let ok = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill {sig} {pid}");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("the kiosk did not exit:\n{}", self.text());
    }

    /// Everything the kiosk wrote, once it has exited and the reader has
    /// drained the pseudo-terminal (its last bytes may still be in flight
    /// when the process is already gone).
    fn output_after_exit(&self) -> String {
        let start = Instant::now();
        while !self.drained.load(Ordering::SeqCst) && start.elapsed() < DEADLINE {
            std::thread::sleep(Duration::from_millis(30));
        }
        self.raw_output()
    }

    fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.signal("-KILL");
            let _ = self.child.wait();
        }
    }
}

/// Signs in the resident called `query` from the welcome screen.
fn sign_in(k: &mut Kiosk, query: &str) {
    k.wait_for("Bấm Enter hoặc chạm vào nút Bắt đầu");
    k.enter();
    k.wait_for("Bạn là ai?");
    k.send(query);
    k.wait_for("1. ");
    k.send("1");
    k.wait_for("Có phải bạn không?");
    // The dialog opens on the safe "No": 2 is "Yes, it is me".
    k.send("2");
    k.wait_for("Xin chào,");
}

#[test]
fn register_then_a_full_module_and_its_quiz_by_keys() {
    let site = Site::new();
    let mut k = site.start();
    k.wait_for("Nhà văn hóa Phúc Xá");
    k.enter();
    k.wait_for("Bạn là ai?");
    k.send("tuyet");
    k.wait_for("Chưa có ai tên “tuyet”");
    // No match: Enter goes on to register.
    k.enter();
    k.wait_for("Đăng ký người học mới");
    for (value, next) in [
        ("Phan Thị Tuyết", "Năm sinh"),
        ("1953", "Tổ dân phố"),
        ("3", "Địa chỉ nhà"),
        ("Số 5 ngõ 9", "Số điện thoại"),
        ("", ""),
    ] {
        k.send(value);
        k.enter();
        if !next.is_empty() {
            k.wait_for(next);
        }
    }
    k.wait_for("Đồng ý lưu thông tin");
    assert_eq!(site.count("SELECT count(*) FROM residents"), 0);
    // Agreeing is an active choice: ↓ to "I agree" (Back, Decline, Agree),
    // after ↓ has scrolled the text to its end where the screen is short;
    // the focus stops at the last button, so a press too many is harmless.
    for _ in 0..8 {
        k.down();
    }
    k.enter();
    k.wait_for("Xin chào, Phan Thị Tuyết");
    k.wait_for("Bắt đầu học: Bài thử: điện thoại");
    k.enter();
    k.wait_for("Trang 1/3");
    k.enter();
    k.wait_for("Trang 2/3");
    k.send(" ");
    k.wait_for("Đã làm xong. Rất tốt!");
    k.enter(); // one Enter: done and on to the next page
    k.wait_for("Trang 3/3");
    k.enter();
    k.wait_for("Câu 1/4");
    // Single choice.
    k.wait_for("Nút nguồn");
    let n = k.number_of("Nút nguồn");
    k.send(&n.to_string());
    k.enter();
    k.wait_for("Đúng rồi!");
    k.enter();
    // Select all that apply: two numbers, then down to "Answer".
    k.wait_for("Câu 2/4");
    let a = k.number_of("Giữ mật khẩu cho riêng mình");
    let b = k.number_of("Khóa màn hình");
    k.send(&a.to_string());
    k.send(&b.to_string());
    // → means "Answer".
    k.send("\x1b[C");
    k.wait_for("Đúng rồi!");
    k.enter();
    // True or false: "Sai" is 2.
    k.wait_for("Câu 3/4");
    k.send("2");
    k.enter();
    k.wait_for("Đúng rồi!");
    k.enter();
    // Order: press the numbers in the right order.
    k.wait_for("Câu 4/4");
    for label in [
        "Mở ứng dụng Điện thoại",
        "Chọn tên người cần gọi",
        "Bấm nút gọi màu xanh",
    ] {
        let n = k.number_of(label);
        k.send(&n.to_string());
    }
    k.enter();
    k.wait_for("Đúng rồi!");
    k.enter();
    k.wait_for("Bạn trả lời đúng 4/4 câu (100%).");
    k.enter();
    k.wait_for("Đã xong ✓ · điểm cao nhất 100%");

    // The database has it all.
    assert_eq!(
        site.count("SELECT count(*) FROM residents WHERE full_name = 'Phan Thị Tuyết' AND consent_at IS NOT NULL AND consent_version IS NOT NULL"),
        1
    );
    assert_eq!(
        site.count("SELECT count(DISTINCT step) FROM step_views WHERE module_id = 'basics'"),
        3
    );
    assert_eq!(
        site.count("SELECT count(*) FROM quiz_answers WHERE correct = 1"),
        4
    );
    assert_eq!(
        site.count("SELECT count(*) FROM quiz_results WHERE module_id = 'basics' AND passed = 1 AND score = 100"),
        1
    );
}

#[test]
fn ctrl_c_ctrl_z_and_ctrl_backslash_are_ignored() {
    let site = Site::new();
    let mut k = site.start();
    k.wait_for("Bấm Enter hoặc chạm vào nút Bắt đầu");
    k.send("\x03");
    k.send("\x1a");
    k.send("\x1c");
    k.enter();
    k.wait_for("Bạn là ai?");
    k.send("\x03");
    k.send("abc");
    k.wait_for("abc");
    assert!(k.child.try_wait().unwrap().is_none(), "still running");
}

#[test]
fn sigkill_then_restart_resumes_on_the_same_page() {
    let site = Site::new();
    site.add_resident("Trịnh Văn Hùng");
    let mut k = site.start();
    sign_in(&mut k, "hung");
    k.enter();
    k.wait_for("Trang 1/3");
    k.enter();
    k.wait_for("Trang 2/3");
    // The screen showed page 2: it is on disk. Pull the plug.
    k.signal("-KILL");
    k.wait_exit();
    drop(k);
    assert_eq!(site.count("SELECT max(step) FROM step_views"), 1);

    let mut k = site.start();
    sign_in(&mut k, "hung");
    k.wait_for("Học tiếp: Bài thử: điện thoại, trang 2/3");
    k.enter();
    k.wait_for("Trang 2/3");
    k.wait_for("Trang hai: mở khóa màn hình.");
}

#[test]
fn sigterm_restores_the_terminal_and_closes_the_session() {
    let site = Site::new();
    site.add_resident("Lưu Thị Mận");
    let mut k = site.start();
    sign_in(&mut k, "man");
    k.signal("-TERM");
    let status = k.wait_exit();
    assert!(status.success(), "{status:?}");
    let out = k.output_after_exit();
    let left = out.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(left > out.rfind("\x1b[?1049h").unwrap());
    assert!(out.contains("\x1b[?25h"), "cursor shown again");
    assert!(out.contains("\x1b[?1000l"), "mouse reporting off");
    assert_eq!(
        site.count("SELECT count(*) FROM seat_sessions WHERE end_reason = 'closed'"),
        1
    );
}

/// Closing the terminal window hangs up the kiosk's terminal: every
/// write to it fails from then on. The kiosk used to close the session and
/// then panic (exit 101) on its way out, because the screen library's
/// clean-up printed "Failed to show the cursor" to the dead terminal; its
/// "kiosk stopped" line never reached kiosk.log.
#[test]
fn closing_the_terminal_closes_the_session_without_a_panic() {
    let site = Site::new();
    site.add_resident("Đỗ Thị Hạnh");
    let (pty, cmd) = pty_and_kiosk(site.dir.path());
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    // The reads below block: should the kiosk stop drawing, end it, which
    // ends them.
    let pid = child.process_id().expect("a pid");
    std::thread::spawn(move || {
        std::thread::sleep(DEADLINE);
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
    });
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    // Read on this thread (a reader thread would keep the terminal open):
    // the kiosk writes after every key, so each wait ends.
    let mut screen = vt100::Parser::new(
        NonZeroU16::new(24).unwrap(),
        NonZeroU16::new(80).unwrap(),
        0,
    );
    let mut wait_for = |reader: &mut Box<dyn Read + Send>, text: &str| {
        let mut buf = [0u8; 8192];
        while !screen.screen().contents().contains(text) {
            let n = reader.read(&mut buf).unwrap();
            assert!(n > 0, "{text:?} did not appear");
            screen.process(&buf[..n]);
        }
    };
    wait_for(&mut reader, "Bắt đầu");
    for (keys, then) in [
        ("\r", "Bạn là ai?"),
        ("hanh", "1. "),
        ("1", "2"),
        ("2", "Xin chào"),
    ] {
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
        wait_for(&mut reader, then);
    }
    // Close the window: the last handle on the terminal's master side goes.
    drop(reader);
    drop(writer);
    drop(pty.master);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < DEADLINE, "the kiosk did not exit");
        std::thread::sleep(Duration::from_millis(30));
    };
    let log = std::fs::read_to_string(site.db_path().parent().unwrap().join("kiosk.log")).unwrap();
    assert_eq!(
        site.count("SELECT count(*) FROM seat_sessions WHERE end_reason = 'closed'"),
        1
    );
    assert!(log.contains("kiosk đã dừng"), "{log}");
    // 0, or 1 when the window closed in the middle of a frame (the screen
    // failed); 101 was the panic.
    assert_ne!(status.exit_code(), 101, "{log}");
}

#[test]
fn a_refused_database_is_a_plain_message_and_the_terminal_is_untouched() {
    let site = Site::new();
    let db = site.db_path();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    std::fs::write(&db, "this is a spreadsheet, not a database\n".repeat(200)).unwrap();
    let mut k = site.start();
    let status = k.wait_exit();
    assert!(!status.success());
    let out = k.output_after_exit();
    assert!(out.contains("kiosk:"), "{out}");
    assert!(out.contains("kiosk.db"), "names the file: {out}");
    // In the kiosk's language (Vietnamese here), as every command says it.
    assert!(
        out.contains("không phải dữ liệu của kiosk"),
        "in Vietnamese: {out}"
    );
    assert!(
        !out.contains("\x1b[?1049h"),
        "never entered full screen: {out:?}"
    );
}

#[test]
fn a_broken_lesson_is_named_and_the_kiosk_still_starts() {
    let site = Site::new();
    std::fs::write(
        site.dir.path().join("lessons/30-broken.toml"),
        "id = \"broken\"\norder = 30\n",
    )
    .unwrap();
    let mut k = site.start();
    k.wait_for("Bấm Enter hoặc chạm vào nút Bắt đầu");
    let out = k.raw_output();
    assert!(out.contains("30-broken.toml"), "named on stderr: {out}");
    let log = std::fs::read_to_string(site.db_path().parent().unwrap().join("kiosk.log")).unwrap();
    assert!(log.contains("30-broken.toml"), "{log}");
    assert!(log.contains("Đã nạp 2 bài học"), "{log}");
}

#[test]
fn a_lesson_and_its_quiz_by_touch_alone() {
    let site = Site::new();
    site.add_resident("Cao Thị Thu");
    let mut k = site.start();
    k.wait_for("Nhà văn hóa Phúc Xá");
    k.tap("Bắt đầu");
    k.wait_for("Bạn là ai?");
    // Typing the name needs letters; everything after is touch only.
    k.send("thu");
    k.tap("Cao Thị Thu");
    k.wait_for("Có phải bạn không?");
    k.tap("Đúng, là tôi");
    k.wait_for("Xin chào, Cao Thị Thu");
    k.tap("Bắt đầu học");
    k.wait_for("Trang 1/3");
    k.tap("Tiếp tục");
    k.wait_for("Trang 2/3");
    k.tap("Làm xong thì bấm Space");
    k.wait_for("Đã làm xong");
    k.tap("Tiếp tục");
    k.wait_for("Trang 3/3");
    k.tap("Làm bài kiểm tra");
    k.wait_for("Câu 1/4");
    k.tap("Nút nguồn");
    k.tap("Trả lời");
    k.wait_for("Đúng rồi!");
    k.tap("Câu tiếp theo");
    k.wait_for("Câu 2/4");
    k.tap("Giữ mật khẩu cho riêng mình");
    k.tap("Khóa màn hình");
    k.tap("Trả lời");
    k.wait_for("Đúng rồi!");
    k.tap("Câu tiếp theo");
    k.wait_for("Câu 3/4");
    k.tap("Đúng");
    k.tap("Trả lời");
    k.wait_for("Chưa đúng");
    k.wait_for("Câu nói này: Sai");
    k.tap("Câu tiếp theo");
    k.wait_for("Câu 4/4");
    for label in [
        "Mở ứng dụng Điện thoại",
        "Chọn tên người cần gọi",
        "Bấm nút gọi màu xanh",
    ] {
        k.tap(label);
    }
    k.tap("Trả lời");
    k.wait_for("Đúng rồi!");
    k.tap("Xem kết quả");
    k.wait_for("Bạn trả lời đúng 3/4 câu (75%).");
    k.wait_for("Chúc mừng!");
    k.tap("Trang chủ");
    k.wait_for("Đã xong ✓ · điểm cao nhất 75%");
    assert_eq!(
        site.count("SELECT count(*) FROM quiz_results WHERE passed = 1 AND score = 75"),
        1
    );
}

#[test]
fn read_aloud_pipes_the_page_to_the_speech_command() {
    let site = Site::new();
    let toml = site.dir.path().join("kiosk.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    // `tee` stands in for espeak-ng: it writes what it hears to a file.
    text.push_str("\n[speech]\ncommand = \"tee spoken.txt\"\n");
    std::fs::write(&toml, text).unwrap();
    site.add_resident("Âu Văn Sơn");
    let mut k = site.start();
    sign_in(&mut k, "son");
    k.enter();
    k.wait_for("Trang 1/3");
    k.wait_for("R đọc to");
    k.send("r");
    let spoken = site.dir.path().join("spoken.txt");
    let start = Instant::now();
    loop {
        let heard = std::fs::read_to_string(&spoken).unwrap_or_default();
        if heard.contains("Trang một: bật điện thoại.") && heard.contains("Giữ nút nguồn ba giây.")
        {
            break;
        }
        assert!(start.elapsed() < DEADLINE, "heard {heard:?}");
        std::thread::sleep(Duration::from_millis(30));
    }
    // The command ends by itself; the key is offered again.
    k.wait_for("R đọc to");
}

/// Instructor mode in the real binary, by touch once in: a class is opened
/// with a tap on a field and on the form's button, and leaving the kiosk is
/// a tap on "No" (stays), then on "Yes" (the kiosk ends cleanly).
#[test]
fn instructor_forms_and_confirmations_by_touch() {
    let site = Site::new();
    site.add_resident("Nguyễn Thị Hằng");
    Store::open(&site.config())
        .unwrap()
        .set_pin("482913")
        .unwrap();
    let mut k = site.start();
    k.wait_for("Bắt đầu");
    k.send("\x0b"); // Ctrl+K
    k.wait_for("Nhập mã PIN");
    for c in "482913".chars() {
        k.send(&c.to_string());
    }
    k.enter();
    k.wait_for("F10");
    // The footer's "F7 mở buổi học" is a button for its key.
    k.tap("F7 mở buổi học");
    k.wait_for("Chủ đề");
    k.send("Zalo");
    k.tap("Người hướng dẫn");
    for c in "Cô Hoa".chars() {
        k.send(&c.to_string());
    }
    k.tap("Mở buổi học");
    k.wait_for("Buổi học: Zalo");
    assert_eq!(
        site.count(
            "SELECT count(*) FROM class_sessions WHERE topic = 'Zalo' AND instructor = 'Cô Hoa'"
        ),
        1
    );
    k.tap("F10 rời kiosk"); // leave the kiosk?
    k.wait_for("1  Không");
    k.tap("1  Không");
    // The class line shows behind the dialog too: wait for the dialog to
    // close, not for the line.
    k.wait_gone("1  Không");
    assert!(k.text().contains("Buổi học: Zalo"), "{}", k.text());
    k.send("\x1b[21~");
    k.wait_for("2  Có");
    k.tap("2  Có");
    assert!(k.wait_exit().success());
}

/// On a terminal, a merge says that it moves, then wipes that line and
/// prints what each bundle added.
#[test]
fn merge_on_a_terminal_shows_progress_then_the_results() {
    let site = Site::new();
    let mut bundles = Vec::new();
    for name in ["vh-a", "vh-b"] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_path(&dir.path().join("k.db"), name, "1", None).unwrap();
        kiosk::store::fixture::small_site_in(&store, name);
        let path = site.dir.path().join(format!("{name}.kiosk"));
        store.write_bundle(name, &path).unwrap();
        bundles.push(format!("{name}.kiosk"));
    }
    let mut args = vec!["merge"];
    args.extend(bundles.iter().map(String::as_str));
    let mut k = Kiosk::start_with(site.dir.path(), &args);
    assert!(k.wait_exit().success());
    let out = k.output_after_exit();
    assert!(out.contains("Đang kiểm tra 2 tệp…"), "{out:?}");
    assert!(out.contains("Đang gộp: xong 2/2 gói…"), "{out:?}");
    let screen = k.text();
    assert!(
        screen.contains("vh-a.kiosk: nhà văn hóa vh-a: 4 người mới")
            && screen.contains("vh-b.kiosk: nhà văn hóa vh-b: 4 người mới"),
        "{screen}"
    );
    assert!(
        !screen.contains("Đang gộp"),
        "the progress line is wiped:\n{screen}"
    );
}
