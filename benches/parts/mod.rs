//! The benchmark table and the list of benchmark areas.

// coordinator: exports and merges
pub mod export;

use std::time::{Duration, Instant};

// The instructor helper's benchmark area.
pub mod instructor;
// ops helper: the real kiosk in a pseudo-terminal.
pub mod tui;
// ui helper: the learner screen.
pub mod ui;

/// One row: what was measured, the promise, and the figure.
pub struct Row {
    pub figure: String,
    pub target: String,
    pub measured: String,
    /// `None` when the row has no pass/fail target (information only).
    pub met: Option<bool>,
}

#[derive(Default)]
pub struct Table {
    pub rows: Vec<Row>,
}

impl Table {
    pub fn add(&mut self, figure: &str, target: &str, measured: String, met: Option<bool>) {
        eprintln!("  {figure}: {measured}");
        self.rows.push(Row {
            figure: figure.into(),
            target: target.into(),
            measured,
            met,
        });
    }

    pub fn print(&self) {
        let w0 = self
            .rows
            .iter()
            .map(|r| r.figure.chars().count())
            .max()
            .unwrap_or(6)
            .max(6);
        let w1 = self
            .rows
            .iter()
            .map(|r| r.target.chars().count())
            .max()
            .unwrap_or(6)
            .max(6);
        let w2 = self
            .rows
            .iter()
            .map(|r| r.measured.chars().count())
            .max()
            .unwrap_or(8)
            .max(8);
        println!(
            "| {:w0$} | {:w1$} | {:w2$} | met |",
            "figure", "target", "measured"
        );
        println!(
            "|{}|{}|{}|-----|",
            "-".repeat(w0 + 2),
            "-".repeat(w1 + 2),
            "-".repeat(w2 + 2)
        );
        for r in &self.rows {
            let met = match r.met {
                Some(true) => "yes",
                Some(false) => "NO",
                None => "-",
            };
            println!(
                "| {:w0$} | {:w1$} | {:w2$} | {met:3} |",
                r.figure, r.target, r.measured
            );
        }
    }
}

/// Whether a quick, smaller run was asked for.
pub fn quick() -> bool {
    std::env::var_os("KIOSK_BENCH_QUICK").is_some()
}

/// Runs `f` `n` times and returns every duration, sorted.
pub fn sample(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut v: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v
}

/// The `p`th percentile (0-100) of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p / 100.0).round() as usize;
    sorted[i]
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

// store helper
mod store;
// lessons helper: loading and validating a lessons folder.
mod lessons;

/// One benchmark area: its name on the command line and what it runs.
type Area = (&'static str, fn(&mut Table));

/// Runs every area, or only those named on the command line
/// (`cargo bench -- lessons tui`); flags that cargo passes are ignored.
pub fn run_all(table: &mut Table) {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let areas: [Area; 6] = [
        ("instructor", instructor::run),
        ("store", store::run),
        ("lessons", lessons::run),
        ("export", export::run), // exports and merges
        ("tui", tui::run),       // the real kiosk in a terminal
        ("ui", ui::run),         // the learner screen in process
    ];
    for (name, run) in areas {
        if wanted.is_empty() || wanted.iter().any(|w| w == name) {
            run(table);
        }
    }
}
