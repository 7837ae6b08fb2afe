//! Loading and validating a lessons folder: 1,000 generated modules of the
//! size of the shipped ones (8 pages and 6 questions in Vietnamese and
//! English, about 10 KB each), through `kiosk::lessons::load_dir`, the same
//! call `kiosk check` and the kiosk make. The baseline in the same run is
//! only reading the same files into memory.

use std::fmt::Write;
use std::path::Path;

use super::{Table, ms, percentile, quick, sample};

const MODULES: usize = 1000;

const VI: &str = "Bạn mở ứng dụng VNeID trên điện thoại và bấm nút Đăng nhập ở giữa màn hình.";
const EN: &str =
    "Open the VNeID app on your phone and tap the Log in button in the middle of the screen.";

fn page(n: usize, sentence: &str) -> String {
    // About 60 words: four short sentences, as the shipped pages have.
    (0..4)
        .map(|i| format!("{sentence} ({n}.{i})"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A realistic module: every question kind, callouts, prerequisites.
fn module(i: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Generated module {i} for the benchmark.");
    let _ = writeln!(s, "id = \"bench-{i:04}\"");
    let _ = writeln!(s, "order = {}", (i * 7919) % 1000);
    let _ = writeln!(s, "minutes = 15");
    if !i.is_multiple_of(10) {
        let _ = writeln!(s, "prerequisites = [\"bench-{:04}\"]", i - 1);
    }
    let _ = writeln!(s, "indicators = [\"vneid\", \"scam-safety\"]");
    let _ = writeln!(s, "shuffle_choices = {}", i.is_multiple_of(2));
    let _ = writeln!(s, "title.vi = \"Bài số {i}: tài khoản VNeID\"");
    let _ = writeln!(s, "title.en = \"Lesson {i}: the VNeID account\"");
    let _ = writeln!(s, "summary.vi = \"Làm ở đâu, mang gì theo, giữ an toàn.\"");
    let _ = writeln!(
        s,
        "summary.en = \"Where to go, what to bring, staying safe.\"\n"
    );
    for p in 0..8 {
        let _ = writeln!(s, "[[steps]]");
        let _ = writeln!(s, "text.vi = \"\"\"\n{}\"\"\"", page(p, VI));
        let _ = writeln!(s, "text.en = \"\"\"\n{}\"\"\"", page(p, EN));
        match p % 3 {
            0 => {
                let _ = writeln!(s, "tip.vi = \"Mang theo căn cước gắn chip.\"");
                let _ = writeln!(s, "tip.en = \"Bring your chip ID card.\"");
            }
            1 => {
                let _ = writeln!(s, "warning.vi = \"Không ai làm việc này qua điện thoại.\"");
                let _ = writeln!(s, "warning.en = \"Nobody does this over the phone.\"");
            }
            _ => {
                let _ = writeln!(s, "practice.vi = \"Mở ứng dụng VNeID trên điện thoại.\"");
                let _ = writeln!(s, "practice.en = \"Open the VNeID app on your phone.\"");
            }
        }
        s.push('\n');
    }
    let choices = "choices = [\n  { vi = \"Qua điện thoại\", en = \"Over the phone\" },\n  { vi = \"Tại công an phường\", en = \"At the ward police\" },\n  { vi = \"Trên Zalo\", en = \"On Zalo\" },\n  { vi = \"Ở chợ\", en = \"At the market\" },\n]";
    for q in 0..6 {
        let _ = writeln!(s, "[[quiz]]\nid = \"q{q}\"");
        let _ = match q % 4 {
            0 => writeln!(s, "kind = \"single\"\n{choices}\nanswer = 2"),
            1 => writeln!(s, "kind = \"multi\"\n{choices}\nanswer = [2, 4]"),
            2 => writeln!(s, "kind = \"true-false\"\nanswer = false"),
            _ => writeln!(s, "kind = \"order\"\n{choices}"),
        };
        let _ = writeln!(s, "question.vi = \"Làm tài khoản mức 2 ở đâu? (câu {q})\"");
        let _ = writeln!(
            s,
            "question.en = \"Where do you get a level 2 account? (question {q})\""
        );
        let _ = writeln!(
            s,
            "explanation.vi = \"Mức 2 phải làm trực tiếp, có căn cước gắn chip.\""
        );
        let _ = writeln!(
            s,
            "explanation.en = \"Level 2 is done in person, with the chip ID card.\"\n"
        );
    }
    s
}

fn indicators() -> Vec<String> {
    kiosk::config::default_indicators()
        .into_iter()
        .map(|i| i.id)
        .collect()
}

fn read_all(dir: &Path) -> usize {
    let mut total = 0;
    for e in std::fs::read_dir(dir).expect("bench folder") {
        total += std::fs::read(e.expect("entry").path()).expect("file").len();
    }
    total
}

pub fn run(table: &mut Table) {
    eprintln!("lessons:");
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut bytes = 0;
    for i in 0..MODULES {
        let text = module(i);
        bytes += text.len();
        std::fs::write(dir.path().join(format!("{i:04}.toml")), text).expect("write module");
    }
    let ids = indicators();
    // The generated folder must be valid, or we would be timing error paths.
    let report = kiosk::lessons::load_dir(dir.path(), &ids).expect("load");
    assert_eq!(
        report.curriculum.modules.len(),
        MODULES,
        "{:?}",
        report.diagnostics.first()
    );
    assert_eq!(report.errors(), 0);

    let runs = if quick() { 3 } else { 11 };
    let cpu_before = cpu_seconds();
    let load = sample(runs, || {
        let r = kiosk::lessons::load_dir(dir.path(), &ids).expect("load");
        assert_eq!(r.curriculum.modules.len(), MODULES);
    });
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(a, b)| (a - b) / runs as f64);
    let read = sample(runs, || {
        assert!(read_all(dir.path()) > 0);
    });
    let median = percentile(&load, 50.0);
    let base = percentile(&read, 50.0);
    table.add(
        "lessons: load and validate 1,000 modules (median)",
        "< 200 ms",
        format!(
            "{} ({:.1} MB, {:.0} µs a module)",
            ms(median),
            bytes as f64 / 1e6,
            median.as_secs_f64() * 1e6 / MODULES as f64
        ),
        Some(median.as_millis() < 200),
    );
    table.add(
        "lessons: same, against only reading the files",
        "-",
        format!(
            "{:.1}× ({} to read)",
            median.as_secs_f64() / base.as_secs_f64().max(1e-9),
            ms(base)
        ),
        None,
    );
    // Other programs on the machine stretch the wall-clock figure; the
    // processor time the load used (all threads) and the load average say
    // how much.
    table.add(
        "lessons: processor time per load (all threads), load average",
        "-",
        format!(
            "{}, load average {}",
            cpu.map_or("unknown".to_string(), |c| format!("{:.0} ms", c * 1000.0)),
            std::fs::read_to_string("/proc/loadavg")
                .ok()
                .and_then(|l| l.split_whitespace().next().map(str::to_string))
                .unwrap_or_else(|| "unknown".into())
        ),
        None,
    );
}

/// User plus system processor time of this process so far (Linux only).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name in field 2 may hold spaces; count from after it.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // Clock ticks are 100 a second on every Linux the kiosk runs on.
    Some((utime + stime) / 100.0)
}
