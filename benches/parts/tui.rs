//! The learner's kiosk as a person meets it: the REAL `kiosk` binary in a
//! pseudo-terminal of 80×24 (portable-pty), its output fed to a vt100
//! screen, on a temporary folder with the shipped lessons.
//!
//! Figures: start of the process to the first frame (the welcome text on
//! screen), bytes written to the terminal for a page turn and for an answer,
//! bytes written while nobody touches it, and resident memory (VmRSS).
//! Every figure is a median (or, for idle bytes, the largest) over several
//! runs, so one slow moment on a shared machine does not decide it.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kiosk::config::Config;
use kiosk::i18n::{Lang, fill, texts};
use kiosk::store::{NewResident, Store};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::{Table, ms, percentile, quick};

const COLS: u16 = 80;
const ROWS: u16 = 24;
/// Longest wait for anything to appear; a bench that hangs helps nobody.
const DEADLINE: Duration = Duration::from_secs(20);
/// No output for this long means the screen is drawn.
const QUIET: Duration = Duration::from_millis(250);
const IDLE_FOR: Duration = Duration::from_secs(3);

pub fn run(table: &mut Table) {
    let site = match Site::new() {
        Ok(s) => s,
        Err(e) => {
            table.add(
                "kiosk in a terminal",
                "-",
                format!("not measured: {}", short(&e)),
                None,
            );
            return;
        }
    };
    first_frame(table, &site);
    session(table);
}

/// The first line of an error for the table; the whole of it to stderr.
fn short(e: &str) -> String {
    eprintln!("  tui: {e}");
    e.lines().next().unwrap_or("").to_string()
}

/// A temporary kiosk folder: kiosk.toml using the shipped lessons, a
/// database with one resident, and a private copy of the binary (other
/// builds in a shared target folder must not swap it mid-run).
struct Site {
    dir: tempfile::TempDir,
    binary: PathBuf,
    cfg: Config,
}

impl Site {
    fn new() -> Result<Site, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        let toml = dir.path().join("kiosk.toml");
        std::fs::write(
            &toml,
            format!(
                "lessons = {:?}\n[site]\nid = \"vh-bench\"\nname = \"Nhà văn hóa Phúc Xá\"\n",
                lessons.display().to_string()
            ),
        )
        .map_err(|e| e.to_string())?;
        let binary = dir.path().join("kiosk");
        std::fs::copy(env!("CARGO_BIN_EXE_kiosk"), &binary).map_err(|e| e.to_string())?;
        let cfg = Config::load(&toml).map_err(|e| e.to_string())?;
        let store = Store::open(&cfg).map_err(|e| e.to_string())?;
        store
            .add_resident(&NewResident {
                full_name: "Trịnh Văn Hùng".into(),
                birth_year: 1954,
                group_no: 4,
                household: "Số 8, ngõ 2 Phúc Xá".into(),
                phone: None,
                consent_version: Some("bench".into()),
            })
            .map_err(|e| e.to_string())?;
        Ok(Site { dir, binary, cfg })
    }
}

/// The running kiosk: its screen and every byte it wrote.
struct Kiosk {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    shared: Arc<Mutex<Shared>>,
    started: Instant,
}

struct Shared {
    screen: vt100::Parser,
    bytes: usize,
    last_output: Instant,
    /// When `watch` first appeared on screen.
    watch: Option<String>,
    seen_at: Option<Instant>,
}

impl Kiosk {
    fn start(site: &Site, watch: Option<&str>) -> Result<Kiosk, String> {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("no pseudo-terminal: {e}"))?;
        let mut cmd = CommandBuilder::new(&site.binary);
        cmd.args(["--config", "kiosk.toml"]);
        cmd.cwd(site.dir.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("KIOSK_SEAT");
        cmd.env_remove("NO_COLOR");
        let shared = Arc::new(Mutex::new(Shared {
            screen: vt100::Parser::new(
                NonZeroU16::new(ROWS).unwrap(),
                NonZeroU16::new(COLS).unwrap(),
                0,
            ),
            bytes: 0,
            last_output: Instant::now(),
            watch: watch.map(str::to_string),
            seen_at: None,
        }));
        let started = Instant::now();
        let child = pty
            .slave
            .spawn_command(cmd)
            .map_err(|e| format!("cannot start {}: {e}", site.binary.display()))?;
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().map_err(|e| e.to_string())?;
        let writer = pty.master.take_writer().map_err(|e| e.to_string())?;
        let s = shared.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => {
                        let now = Instant::now();
                        let mut sh = s.lock().unwrap();
                        sh.screen.process(&buf[..n]);
                        sh.bytes += n;
                        sh.last_output = now;
                        // Checked here, as the bytes arrive, so the time is
                        // not rounded up to a polling interval.
                        if sh.seen_at.is_none()
                            && let Some(w) = &sh.watch
                            && sh.screen.screen().contents().contains(w.as_str())
                        {
                            sh.seen_at = Some(now);
                        }
                    }
                }
            }
        });
        Ok(Kiosk {
            child,
            master: pty.master,
            writer,
            shared,
            started,
        })
    }

    fn text(&self) -> String {
        self.shared.lock().unwrap().screen.screen().contents()
    }

    fn bytes(&self) -> usize {
        self.shared.lock().unwrap().bytes
    }

    fn wait_for(&mut self, text: &str) -> Result<(), String> {
        self.wait_for_any(&[text])
    }

    /// Waits until the screen shows one of `texts`. Gives up after
    /// [`DEADLINE`], or at once when the kiosk exits, with a message that
    /// names what it waited for and shows the screen as it was.
    fn wait_for_any(&mut self, texts: &[&str]) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let screen = self.text();
            if texts.iter().any(|t| screen.contains(t)) {
                return Ok(());
            }
            let what = match texts {
                [one] => format!("{one:?}"),
                many => format!("one of {many:?}"),
            };
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "the kiosk exited ({status:?}) while the bench waited for {what}; the screen:\n{screen}"
                ));
            }
            if start.elapsed() >= DEADLINE {
                return Err(format!(
                    "waited {} s for {what} to appear on the 80×24 screen; the screen:\n{screen}",
                    DEADLINE.as_secs()
                ));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits until the kiosk has written nothing for [`QUIET`]; a kiosk
    /// that keeps writing for [`DEADLINE`] is an error (its byte counts
    /// would mean nothing).
    fn settle(&self) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let last = self.shared.lock().unwrap().last_output;
            if last.elapsed() >= QUIET {
                return Ok(());
            }
            if start.elapsed() > DEADLINE {
                return Err(format!(
                    "the kiosk kept writing for {} s without a pause of {} ms",
                    DEADLINE.as_secs(),
                    QUIET.as_millis()
                ));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, keys: &str) {
        let _ = self.writer.write_all(keys.as_bytes());
        let _ = self.writer.flush();
    }

    /// Bytes written for `keys` until the screen shows one of `until` and
    /// settles.
    fn bytes_for(&mut self, keys: &str, until: &[&str]) -> Result<usize, String> {
        self.settle()?;
        let before = self.bytes();
        self.send(keys);
        self.wait_for_any(until)?;
        self.settle()?;
        Ok(self.bytes() - before)
    }

    /// Bytes written while nobody touches the kiosk for [`IDLE_FOR`].
    fn idle_bytes(&self) -> Result<usize, String> {
        self.settle()?;
        let before = self.bytes();
        std::thread::sleep(IDLE_FOR);
        Ok(self.bytes() - before)
    }

    /// Bytes of a complete redraw of the current screen at 80×24: the
    /// terminal grows by a row and back, and the kiosk draws everything anew.
    fn full_redraw(&mut self) -> Result<usize, String> {
        self.settle()?;
        let size = |rows| PtySize {
            rows,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let parser_size = |rows| {
            (
                NonZeroU16::new(rows).expect("rows"),
                NonZeroU16::new(COLS).expect("cols"),
            )
        };
        let (r, c) = parser_size(ROWS + 1);
        self.shared.lock().unwrap().screen.set_size(r, c);
        let before = self.bytes();
        self.master
            .resize(size(ROWS + 1))
            .map_err(|e| e.to_string())?;
        self.output_after(before)?;
        self.settle()?;
        let before = self.bytes();
        let (r, c) = parser_size(ROWS);
        self.shared.lock().unwrap().screen.set_size(r, c);
        self.master.resize(size(ROWS)).map_err(|e| e.to_string())?;
        self.output_after(before)?;
        self.settle()?;
        Ok(self.bytes() - before)
    }

    /// Waits until the kiosk has written something past `before` bytes.
    fn output_after(&self, before: usize) -> Result<(), String> {
        let start = Instant::now();
        while self.bytes() == before {
            if start.elapsed() > DEADLINE {
                return Err("the kiosk did not redraw after the terminal was resized".into());
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        Ok(())
    }

    fn rss_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn first_frame(table: &mut Table, site: &Site) {
    let t = texts(Lang::Vi);
    let runs = if quick() { 5 } else { 25 };
    let mut times = Vec::new();
    for _ in 0..runs {
        let started = Kiosk::start(site, Some(t.welcome_how));
        let waited = started.and_then(|mut k| k.wait_for(t.welcome_how).map(|()| k));
        let k = match waited {
            Ok(k) => k,
            Err(e) => {
                table.add(
                    "start to first frame",
                    "< 50 ms",
                    format!("failed: {}", short(&e)),
                    Some(false),
                );
                return;
            }
        };
        // The reader thread notes the moment as the bytes arrive; the
        // screen just showed the text, so it has noted it.
        let seen = k
            .shared
            .lock()
            .unwrap()
            .seen_at
            .unwrap_or_else(Instant::now);
        times.push(seen - k.started);
    }
    times.sort();
    let median = percentile(&times, 50.0);
    table.add(
        &format!(
            "start to first frame ({} modules, median of {runs})",
            site_modules(site)
        ),
        "< 50 ms",
        format!("{} (p90 {})", ms(median), ms(percentile(&times, 90.0))),
        Some(median < Duration::from_millis(50)),
    );
}

fn site_modules(site: &Site) -> usize {
    let ids: Vec<String> = site.cfg.indicators.iter().map(|i| i.id.clone()).collect();
    kiosk::lessons::load_dir(&site.cfg.lessons_dir, &ids)
        .map(|r| r.curriculum.modules.len())
        .unwrap_or(0)
}

#[derive(Default)]
struct SessionFigures {
    page_turns: Vec<usize>,
    /// A complete redraw of a lesson page, the yardstick for a page turn.
    redraws: Vec<usize>,
    /// Ticking "done" on a try-it-on-your-phone page: a small change.
    practice_marks: Vec<usize>,
    answers: Vec<usize>,
    idle: Vec<usize>,
    rss_kib: Vec<u64>,
}

fn session(table: &mut Table) {
    let runs = if quick() { 1 } else { 5 };
    let mut f = SessionFigures::default();
    for _ in 0..runs {
        // A fresh folder each time: the same learner would resume where
        // the last run left off.
        let result = Site::new().and_then(|site| one_session(&site, &mut f));
        if let Err(e) = result {
            table.add(
                "page turn, answer, idle, memory",
                "-",
                format!("failed: {}", short(&e)),
                Some(false),
            );
            return;
        }
    }
    let median = |v: &mut Vec<usize>| {
        v.sort_unstable();
        v.get(v.len() / 2).copied().unwrap_or(0)
    };
    let (turns, answers) = (f.page_turns.len(), f.answers.len());
    let page = median(&mut f.page_turns);
    let redraw = median(&mut f.redraws).max(1);
    table.add(
        &format!("bytes for a page turn at 80×24 (median of {turns})"),
        "only changed cells",
        format!(
            "{page} B ({:.0}% of a full redraw of a page, {redraw} B)",
            100.0 * page as f64 / redraw as f64
        ),
        Some(page < redraw),
    );
    let marks = f.practice_marks.len();
    let mark = median(&mut f.practice_marks);
    table.add(
        &format!("bytes for ticking a practice step done (median of {marks})"),
        "only changed cells",
        format!(
            "{mark} B ({:.0}% of a full redraw)",
            100.0 * mark as f64 / redraw as f64
        ),
        Some(mark * 4 < redraw),
    );
    let answer = median(&mut f.answers);
    table.add(
        &format!("bytes for an answer at 80×24 (median of {answers})"),
        "only changed cells",
        format!("{answer} B"),
        None,
    );
    let idle = f.idle.iter().copied().max().unwrap_or(0);
    table.add(
        &format!(
            "bytes while idle ({} s, {} screens)",
            IDLE_FOR.as_secs(),
            f.idle.len()
        ),
        "0 B",
        format!("{idle} B"),
        Some(idle == 0),
    );
    f.rss_kib.sort_unstable();
    let rss = f.rss_kib.get(f.rss_kib.len() / 2).copied().unwrap_or(0);
    table.add(
        "resident memory of the running kiosk (VmRSS, in a quiz)",
        "< 15 MB",
        format!("{:.1} MB", rss as f64 / 1024.0),
        Some(rss > 0 && rss < 15 * 1024),
    );
}

/// Signs in, reads the first module page by page, answers the first
/// question; measures along the way. Every wait is for text the learner
/// sees at 80×24 (the practice check box is pinned in view), and every
/// error says which step of the walk it came from.
fn one_session(site: &Site, f: &mut SessionFigures) -> Result<(), String> {
    let t = texts(Lang::Vi);
    let ids: Vec<String> = site.cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let curriculum = kiosk::lessons::load_dir(&site.cfg.lessons_dir, &ids)
        .map_err(|e| e.to_string())?
        .curriculum;
    let module = curriculum.modules.first().ok_or("no modules")?;
    let steps = module.steps.len();
    let step = |n: usize| fill(t.lesson_step, &[("n", &n), ("total", &steps)]);
    let at = |doing: &str| {
        let doing = doing.to_string();
        move |e: String| format!("{doing}: {e}")
    };

    let mut k = Kiosk::start(site, None).map_err(at("starting"))?;
    k.wait_for(t.welcome_how).map_err(at("starting"))?;
    f.idle.push(k.idle_bytes().map_err(at("idle on welcome"))?);

    k.send("\r");
    k.wait_for(t.who_title)
        .map_err(at("opening 'who are you'"))?;
    k.send("hung");
    k.wait_for("1. Trịnh Văn Hùng")
        .map_err(at("searching for the learner"))?;
    f.idle.push(k.idle_bytes().map_err(at("idle on search"))?);
    k.send("1");
    k.wait_for(t.this_is_you_title)
        .map_err(at("choosing the name"))?;
    // The dialog opens on the safe "No": 2 is "Yes, it is me".
    k.send("2");
    let home = fill(t.home_title, &[("name", &"Trịnh Văn Hùng")]);
    k.wait_for(&home).map_err(at("signing in"))?;
    f.idle.push(k.idle_bytes().map_err(at("idle on home"))?);
    k.send("\r");
    k.wait_for(&step(1))
        .map_err(at("opening the first module"))?;
    f.idle
        .push(k.idle_bytes().map_err(at("idle on a lesson page"))?);

    f.redraws
        .push(k.full_redraw().map_err(at("redrawing a page in full"))?);
    for n in 1..=steps {
        if module.steps[n - 1].practice.is_some() {
            let mark = k
                .bytes_for(" ", &[t.practice_done])
                .map_err(at(&format!("ticking the practice box on page {n}")))?;
            f.practice_marks.push(mark);
        }
        // A page cut at the bottom is read to its end first (Enter scrolls
        // it, and the footer says "read on"); the turn is measured from there.
        let mut reads = 0;
        while k.text().contains(t.do_read_on) {
            reads += 1;
            if reads > 20 {
                return Err(format!("page {n} never reached its end"));
            }
            k.send("\r");
            std::thread::sleep(Duration::from_millis(50));
            k.settle()
                .map_err(at(&format!("reading page {n} to its end")))?;
        }
        if n < steps {
            let turn = k
                .bytes_for("\r", &[&step(n + 1)])
                .map_err(at(&format!("turning from page {n} to {}", n + 1)))?;
            f.page_turns.push(turn);
        }
    }
    let first = fill(t.quiz_counter, &[("n", &1), ("total", &module.quiz.len())]);
    k.send("\r");
    k.wait_for(&first).map_err(at("starting the quiz"))?;
    // Questions are shuffled per attempt: answer whichever comes first, by
    // its kind (an order question, known by its instruction, takes every
    // step before it can be answered).
    let order = t
        .quiz_how_order
        .split(',')
        .next()
        .unwrap_or(t.quiz_how_order);
    let keys = if k.text().contains(order) {
        "123456789\r"
    } else {
        "1\r"
    };
    f.answers.push(
        k.bytes_for(keys, &[t.quiz_right, t.quiz_wrong])
            .map_err(at("answering the first question"))?,
    );
    if let Some(kib) = k.rss_kib() {
        f.rss_kib.push(kib);
    }
    f.idle
        .push(k.idle_bytes().map_err(at("idle on the quiz feedback"))?);
    Ok(())
}
