//! The learner screen, in process: the time `update` + `view` take for a
//! page turn, and what the real event loop writes and the CPU it uses while
//! nobody touches the kiosk. (The real binary in a pseudo-terminal — first
//! frame, bytes per page turn and answer, memory — is measured in `tui.rs`.)

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use kiosk::i18n::Lang;
use kiosk::lessons::load_dir;
use kiosk::ui::app::{App, Learner, Msg, Person, Screen, Settings, update, view};
use kiosk::ui::lesson::Lesson;
use kiosk::ui::runtime::{Log, Speech, run_loop};
use kiosk::ui::terminal::Input;
use kiosk::ui::theme::Theme;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::{Table, ms, percentile, quick};

/// A writer that only counts bytes (shared, so the loop's thread can own it).
#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::SeqCst);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn settings() -> Settings {
    Settings {
        site_name: "Nhà văn hóa Phúc Xá".into(),
        language: Lang::Vi,
        idle_ms: 300_000,
        countdown_ms: 30_000,
        instructor_key: kiosk::config::KeyCombo::Ctrl('k'),
        speech: false,
        theme: Theme { color: true },
        instructor: kiosk::ui::instructor::Settings::default(),
    }
}

fn signed_in_app() -> App {
    let report = load_dir(&repo().join("lessons"), &[]).expect("the shipped lessons load");
    let mut app = App::new(settings(), Arc::new(report.curriculum), (80, 24), 2026);
    app.learner = Some(Learner {
        person: Person {
            id: "vh-1".into(),
            name: "Nguyễn Thị Hằng".into(),
            birth_year: Some(1956),
            group: 5,
            registered_at: 0,
            twin: false,
        },
        session_id: "s".into(),
        progress: Default::default(),
        resume: None,
    });
    app
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn run(table: &mut Table) {
    eprintln!("ui:");
    // ── update + draw time for a page turn ──────────────────────────────
    let mut app = signed_in_app();
    let steps = app.curriculum.modules[0].steps.len();
    let mut term = Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions {
            viewport: Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
        },
    )
    .unwrap();
    let mut times = Vec::new();
    for i in 0..if quick() { 300 } else { 3000 } {
        app.go(Screen::Lesson(Lesson {
            module: 0,
            step: i % (steps - 1),
            practiced: false,
        }));
        let t = Instant::now();
        update(&mut app, key(KeyCode::Right));
        term.draw(|f| view(&app, f)).unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    table.add(
        "learner screen: update + view for a page turn (in process), p50 / p99",
        "-",
        format!(
            "{} / {}",
            ms(percentile(&times, 50.0)),
            ms(percentile(&times, 99.0))
        ),
        None,
    );

    // ── The real loop while idle: bytes and CPU ──────────────────────────
    let (idle_bytes, idle_cpu) = idle_loop(Duration::from_secs(if quick() { 1 } else { 3 }));
    table.add(
        "event loop, idle: bytes written (in process)",
        "0 B",
        format!("{idle_bytes} B in the idle window"),
        Some(idle_bytes == 0),
    );
    table.add(
        "event loop, idle: CPU time (in process)",
        "≈0",
        format!("{idle_cpu} ms of CPU in the idle window"),
        Some(idle_cpu <= 10),
    );
}

/// CPU time of this process (user + system), in ms.
fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name's ')' start at field 3 (the state);
    // utime and stime are fields 14 and 15, in clock ticks (100 a second).
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    (tick(11) + tick(12)) * 10
}

/// Runs the real event loop on the welcome screen and measures what it
/// writes and the CPU it uses while nothing happens.
fn idle_loop(window: Duration) -> (usize, u64) {
    let counter = Counter::default();
    let (tx, rx) = mpsc::channel::<Input>();
    let c = counter.clone();
    let handle = std::thread::spawn(move || {
        let mut term = Terminal::new(CrosstermBackend::new(c)).unwrap();
        term.resize(ratatui::layout::Rect::new(0, 0, 80, 24))
            .unwrap();
        let mut app = signed_in_app();
        app.learner = None;
        let mut speech = Speech::new(None, Log::none());
        run_loop(&mut term, &mut app, &rx, &mut speech, &mut |_| Vec::new()).unwrap();
    });
    // Let the first frame out, then watch.
    tx.send(Input::Event(Event::Resize(80, 24))).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let bytes0 = counter.0.load(Ordering::SeqCst);
    let cpu0 = cpu_ms();
    std::thread::sleep(window);
    let bytes = counter.0.load(Ordering::SeqCst) - bytes0;
    let cpu = cpu_ms().saturating_sub(cpu0);
    tx.send(Input::Terminate).unwrap();
    handle.join().unwrap();
    (bytes, cpu)
}
