//! Coordinator figures: exporting a million attendance rows to CSV (time,
//! and memory that must not grow with the row count), and merging fifty
//! cultural houses' bundles of 2,000 residents each.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use kiosk::export::sheets::Attendance;
use kiosk::export::{Format, Pending, write_rows};
use kiosk::i18n::Lang;
use kiosk::store::Store;
use kiosk::store::bulk;
use kiosk::store::export::Filter;
use kiosk::store::merge::check_bundles;

use super::{Table, quick};

/// Anonymous resident memory in KiB, from /proc (Linux): what the process
/// itself allocated. The export reads the database through a memory map,
/// and mapped file pages count in VmRSS too, but they are the operating
/// system's file cache (shared, dropped first under pressure), not memory
/// the export holds: counting them would say "grows with rows" of a cache.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("RssAnon:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// Runs `f` while sampling memory; returns its duration and the peak growth
/// of anonymous resident memory over what it was before, in MiB.
fn measured(f: impl FnOnce()) -> (Duration, f64) {
    let before = rss_kib();
    let peak = Arc::new(AtomicU64::new(before));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done) = (peak.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    let t = Instant::now();
    f();
    let took = t.elapsed();
    done.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    peak.fetch_max(rss_kib(), Ordering::Relaxed);
    let growth = peak.load(Ordering::Relaxed).saturating_sub(before) as f64 / 1024.0;
    (took, growth)
}

/// The same work as `kiosk export attendance --out FILE` once the
/// database is open: the same sheet, the same two threads.
fn export(store: &Store, filter: &Filter, out: &Path, format: Format) -> u64 {
    let sheet = Attendance::new(Lang::Vi, None);
    let (pending, file) = Pending::create(out).unwrap();
    write_rows(&sheet, pending, file, format, |send| {
        Ok(store.export_attendance(filter, send)?)
    })
    .unwrap()
}

fn export_rows(table: &mut Table) {
    let rows: u64 = if quick() { 100_000 } else { 1_000_000 };
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_path(&dir.path().join("kiosk.db"), "vh-bench", "1", None).unwrap();
    eprintln!("  generating {rows} attendance rows...");
    let (first, last) = bulk::attendance_load(&store, rows).unwrap();
    let out = dir.path().join("diem-danh.csv");

    // A tenth of the days first: the memory it needs is the baseline the
    // full export must not grow beyond.
    let days = (last - first).num_days();
    let tenth = Filter {
        from: Some(first),
        to: Some(first + chrono::Duration::days(days / 10)),
        ..Filter::default()
    };
    let mut small_rows = 0;
    let (_, small_growth) = measured(|| small_rows = export(&store, &tenth, &out, Format::Csv));
    let mut all_rows = 0;
    let (took, growth) =
        measured(|| all_rows = export(&store, &Filter::default(), &out, Format::Csv));
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    let target = if quick() { 0.3 } else { 3.0 };
    table.add(
        &format!("export {all_rows} attendance rows to CSV"),
        &format!("< {target} s"),
        format!(
            "{:.2} s ({:.0} MB file, {:.0} rows/s)",
            took.as_secs_f64(),
            size as f64 / 1e6,
            all_rows as f64 / took.as_secs_f64()
        ),
        Some(took.as_secs_f64() < target),
    );
    // Streamed: ten times the rows may not need much more memory than a
    // tenth of them (allow 16 MiB of page cache and allocator noise).
    table.add(
        &format!("CSV export memory growth (anonymous), {small_rows} vs {all_rows} rows"),
        "does not grow with rows",
        format!("{small_growth:.1} MiB vs {growth:.1} MiB"),
        Some(growth <= small_growth + 16.0),
    );
    if !quick() {
        let xlsx = dir.path().join("diem-danh.xlsx");
        let mut n = 0;
        let (took, growth) = measured(|| n = export(&store, &tenth, &xlsx, Format::Xlsx));
        table.add(
            &format!("export {n} attendance rows to XLSX (constant memory)"),
            "information",
            format!("{:.2} s, memory +{growth:.1} MiB", took.as_secs_f64()),
            None,
        );
    }
}

fn merge_bundles(table: &mut Table) {
    let (sites, residents) = if quick() { (10, 500) } else { (50, 2_000) };
    let dir = tempfile::tempdir().unwrap();
    eprintln!("  generating {sites} bundles of {residents} residents...");
    let mut bundles = Vec::new();
    for s in 0..sites {
        let site = format!("vh-{s:02}");
        let sd = dir.path().join(&site);
        std::fs::create_dir(&sd).unwrap();
        let store = Store::open_path(&sd.join("kiosk.db"), &site, "1", None).unwrap();
        bulk::learner_load(&store, residents).unwrap();
        let path = dir.path().join(format!("{site}.kiosk"));
        store.write_bundle(&site, &path).unwrap();
        bundles.push(path);
    }
    let ward = Store::open_path(&dir.path().join("phuong.db"), "phuong", "1", None).unwrap();
    // The same work as `kiosk merge FILE...` once the database is open:
    // every file checked, then merged, then synced.
    let t = Instant::now();
    let checked = check_bundles(&bundles).unwrap();
    let counts = ward.merge_bundles(&checked).unwrap();
    let records: u64 = counts
        .iter()
        .map(|n| n.records_added + n.residents_added)
        .sum();
    let took = t.elapsed();
    let target = if quick() { 2.0 } else { 10.0 };
    table.add(
        &format!("merge {sites} bundles of {residents} residents"),
        &format!("< {target} s"),
        format!(
            "{:.2} s ({records} rows, {:.0} rows/s)",
            took.as_secs_f64(),
            records as f64 / took.as_secs_f64()
        ),
        Some(took.as_secs_f64() < target),
    );
    // Merging them all again changes nothing, and is the cost of a
    // coordinator re-reading an old USB stick: each file is checked, then
    // passed over as merged before.
    let t = Instant::now();
    let again = ward
        .merge_bundles(&check_bundles(&bundles).unwrap())
        .unwrap();
    assert!(
        again.iter().all(|n| n.is_empty()),
        "a second merge changed something"
    );
    table.add(
        &format!("merge the same {sites} bundles again (merged before, passed over)"),
        "information",
        format!("{:.2} s", t.elapsed().as_secs_f64()),
        None,
    );
    // Next week's bundles of the same houses with nothing new in them:
    // new files, so every record is looked up and found already here.
    let newer: Vec<_> = (0..sites)
        .map(|s| {
            let site = format!("vh-{s:02}");
            let store =
                Store::open_path(&dir.path().join(&site).join("kiosk.db"), &site, "1", None)
                    .unwrap();
            let path = dir.path().join(format!("{site}-newer.kiosk"));
            store.write_bundle(&site, &path).unwrap();
            path
        })
        .collect();
    let t = Instant::now();
    let same = ward.merge_bundles(&check_bundles(&newer).unwrap()).unwrap();
    assert!(
        same.iter().all(|n| n.is_empty()),
        "newer bundles with nothing new changed something"
    );
    table.add(
        &format!("merge {sites} newer bundles, every record already here"),
        "information",
        format!("{:.2} s", t.elapsed().as_secs_f64()),
        None,
    );
}

pub fn run(table: &mut Table) {
    eprintln!("coordinator exports and merges");
    export_rows(table);
    merge_bundles(table);
}
