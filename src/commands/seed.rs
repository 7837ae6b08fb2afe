//! `kiosk seed`: fills the database named in `kiosk.toml` with a lively,
//! made-up cultural house (residents, classes, sign-ins, lessons read,
//! quizzes, indicators) built on the real lessons, so that a newcomer can
//! try the learner screens and the instructor view at once.
//!
//! It refuses a database that already holds residents unless `--force`:
//! made-up people must never be mixed with a ward's real ones by accident.
//! It speaks the language set in kiosk.toml.

mod history;
mod names;

use std::process::ExitCode;

use chrono::NaiveDate;

use crate::cli::Cli;
use crate::commands::store_error::explain;
use crate::commands::{CliError, load_config};
use crate::i18n::{fill, texts};
use crate::lessons::Severity;
use crate::store::Store;
use crate::store::pin::SetPinError;

pub use history::{Plan, fill as fill_history};

/// The most residents one run makes (a whole district is about this).
const MAX_RESIDENTS: u32 = 1_000_000;
const MAX_DAYS: u32 = 3_650;
/// The instructor PIN a fresh demo database gets (printed by the command).
pub const DEMO_PIN: &str = "246813";

pub fn run(
    cli: &Cli,
    residents: u32,
    days: u32,
    seed: u64,
    force: bool,
    today: Option<&str>,
) -> Result<ExitCode, CliError> {
    // The settings come first: they say which language to answer in.
    let cfg = load_config(cli)?;
    let t = texts(cfg.language);
    if residents == 0 || residents > MAX_RESIDENTS {
        return Err(CliError::Usage(fill(
            t.seed_bad_residents,
            &[("max", &MAX_RESIDENTS), ("n", &residents)],
        )));
    }
    if days == 0 || days > MAX_DAYS {
        return Err(CliError::Usage(fill(
            t.seed_bad_days,
            &[("max", &MAX_DAYS), ("n", &days)],
        )));
    }
    let today = match today {
        None => chrono::Local::now().date_naive(),
        Some(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| CliError::Usage(fill(t.seed_bad_today, &[("value", &s)])))?,
    };
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let report = crate::lessons::load_dir_in(&cfg.lessons_dir, &ids, cfg.language)
        .map_err(|e| CliError::Failed(e.describe(t)))?;
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let dir = cfg.lessons_dir.display();
    if errors > 0 {
        return Err(CliError::Failed(fill(
            t.seed_lessons_errors,
            &[("dir", &dir), ("n", &errors)],
        )));
    }
    if report.curriculum.modules.is_empty() {
        return Err(CliError::Failed(fill(
            t.seed_lessons_empty,
            &[("dir", &dir)],
        )));
    }

    // Every store failure here is a failure of the run (exit 1), never a
    // bad flag: the flags were checked above.
    let say = |e| match explain(e, &cfg) {
        CliError::Usage(text) => CliError::Failed(text),
        other => other,
    };
    let store = Store::open(&cfg).map_err(say)?;
    let before = store.resident_counts().map_err(say)?;
    let db = cfg.database.display();
    if !force && before.real() > 0 {
        return Err(CliError::Failed(fill(
            t.seed_real_residents,
            &[("db", &db), ("n", &before.real())],
        )));
    }
    if !force && before.demo > 0 {
        return Err(CliError::Failed(fill(
            t.seed_has_demo,
            &[("db", &db), ("n", &before.demo)],
        )));
    }

    let plan = Plan {
        residents,
        days,
        seed,
        today,
    };
    let counts = store
        .seed_with(|w| fill_history(w, &plan, &report.curriculum, &ids))
        .map_err(say)?;

    let last = today - chrono::Days::new(1);
    println!(
        "{}",
        fill(
            t.seed_made,
            &[
                ("db", &db),
                ("seed", &seed),
                ("days", &days),
                ("last", &last)
            ],
        )
    );
    for (what, n) in [
        (t.seed_residents, counts.residents),
        (t.seed_class_sessions, counts.class_sessions),
        (t.seed_attendance, counts.attendance),
        (t.seed_sign_ins, counts.seat_sessions),
        (t.seed_pages, counts.step_views),
        (t.seed_attempts, counts.quiz_attempts),
        (t.seed_answers, counts.quiz_answers),
        (t.seed_results, counts.quiz_results),
        (t.seed_indicators, counts.indicator_events),
    ] {
        println!("  {n:>9}  {what}");
    }
    // A demo database gets a known PIN so the instructor view can be tried
    // at once; a database with real residents (--force) keeps its own.
    if before.real() == 0 {
        let has_pin = store.pin_is_set().map_err(say)?;
        if !has_pin {
            store.set_pin(DEMO_PIN).map_err(|e| match e {
                SetPinError::Store(e) => say(e),
                e => CliError::Failed(e.to_string()),
            })?;
        }
        let pin = if has_pin { t.seed_pin_kept } else { DEMO_PIN };
        println!(
            "{}",
            fill(t.seed_pin, &[("pin", &pin), ("key", &cfg.instructor_key)])
        );
    }
    println!("{}", fill(t.seed_start, &[("path", &cfg.path.display())]));
    Ok(ExitCode::SUCCESS)
}
