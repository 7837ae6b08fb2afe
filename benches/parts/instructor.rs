//! Instructor views on a big site: 10,000 residents, 40 modules and
//! 1,000,000 answers. Each view's queries must finish in under 100 ms.
//! Also prints the query plan of every view query.

use std::time::Instant;

use kiosk::store::Store;
use kiosk::store::instructor::bulk::{self, BulkSpec};

use super::{Table, ms, percentile, quick, sample};

const TARGET_MS: f64 = 100.0;

pub fn run(table: &mut Table) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // KIOSK_BENCH_INSTRUCTOR_DB=FILE keeps the data set there, to look at
    // query plans by hand afterwards.
    let db = std::env::var_os("KIOSK_BENCH_INSTRUCTOR_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("kiosk.db"));
    let _ = std::fs::remove_file(&db);
    let store = Store::open_path(&db, "vh-bench", "1", None).expect("open the database");
    let mut spec = BulkSpec::default();
    if quick() {
        spec.residents /= 10;
        spec.answers /= 10;
    }
    let now = kiosk::store::now_ms();
    let t = Instant::now();
    bulk::build(&store, &spec, now).expect("build the data set");
    let built = t.elapsed();
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    let label = format!(
        "{} residents, {} modules, {} answers",
        spec.residents, spec.modules, spec.answers
    );
    table.add(
        &format!("instructor data set ({label})"),
        "-",
        format!(
            "built in {:.1} s, {} MB",
            built.as_secs_f64(),
            size / 1_000_000
        ),
        None,
    );
    for (name, plan) in bulk::query_plans(&store).expect("query plans") {
        eprintln!("    plan {name}: {plan}");
    }

    let indicators: Vec<String> = kiosk::config::default_indicators()
        .into_iter()
        .map(|i| i.id)
        .collect();
    let mut view = |name: &str, f: &mut dyn FnMut()| {
        f(); // warm the page cache once, as a kiosk that has been running would be
        let times = sample(if quick() { 5 } else { 15 }, f);
        let p50 = percentile(&times, 50.0);
        let p95 = percentile(&times, 95.0);
        table.add(
            &format!("instructor view: {name}"),
            "< 100 ms",
            format!("median {}, p95 {}", ms(p50), ms(p95)),
            Some(p95.as_secs_f64() * 1000.0 < TARGET_MS),
        );
    };
    view("Today (30 in the room)", &mut || {
        let today = store.today(15).unwrap();
        assert!(today.learners.len() >= 30);
    });
    view("Residents (all 10,000)", &mut || {
        store.resident_summaries().unwrap();
    });
    view("Residents search \"nguyen hang\"", &mut || {
        store.find_residents("nguyen hang", 200).unwrap();
    });
    view("Modules (40)", &mut || {
        store.module_stats().unwrap();
    });
    view("Modules: difficult questions of one", &mut || {
        store.question_stats("m-03").unwrap();
    });
    view("Groups (25) with 8 indicators", &mut || {
        store.group_stats(&indicators).unwrap();
    });
}
