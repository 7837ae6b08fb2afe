//! `kiosk seed`: fills the database named in `kiosk.toml` with a lively,
//! made-up cultural house (residents, classes, sign-ins, lessons read,
//! quizzes, indicators) built on the real lessons, so that a newcomer can
//! try the learner screens and the instructor view at once.
//!
//! It refuses a database that already holds residents unless `--force`:
//! made-up people must never be mixed with a ward's real ones by accident.

mod history;
mod names;

use std::process::ExitCode;

use chrono::NaiveDate;

use crate::cli::Cli;
use crate::commands::{CliError, load_config};
use crate::lessons::Severity;
use crate::store::Store;

pub use history::{Plan, fill};

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
    if residents == 0 || residents > MAX_RESIDENTS {
        return Err(CliError::Usage(format!(
            "--residents must be from 1 to {MAX_RESIDENTS}, not {residents}"
        )));
    }
    if days == 0 || days > MAX_DAYS {
        return Err(CliError::Usage(format!(
            "--days must be from 1 to {MAX_DAYS}, not {days}"
        )));
    }
    let today = match today {
        None => chrono::Local::now().date_naive(),
        Some(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
            CliError::Usage(format!("--today {s:?} is not a date written YYYY-MM-DD"))
        })?,
    };
    let cfg = load_config(cli)?;
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let report = crate::lessons::load_dir(&cfg.lessons_dir, &ids)
        .map_err(|e| CliError::Failed(e.to_string()))?;
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 || report.curriculum.modules.is_empty() {
        return Err(CliError::Failed(format!(
            "the lessons in {} {}; the demo data is built on them. Run `kiosk check`",
            cfg.lessons_dir.display(),
            if errors > 0 {
                format!("have {errors} errors")
            } else {
                "hold no modules".to_string()
            }
        )));
    }

    let store = Store::open(&cfg).map_err(|e| CliError::Failed(e.to_string()))?;
    let before = store
        .resident_counts()
        .map_err(|e| CliError::Failed(e.to_string()))?;
    if !force && before.real() > 0 {
        return Err(CliError::Failed(format!(
            "{} already holds {} real {}; demo data would mix made-up people with them. \
             Nothing was changed. Point --config at a kiosk.toml with another database, \
             or add --force if you really mean it",
            cfg.database.display(),
            before.real(),
            if before.real() == 1 {
                "resident"
            } else {
                "residents"
            }
        )));
    }
    if !force && before.demo > 0 {
        return Err(CliError::Failed(format!(
            "{} already holds demo data ({} made-up residents). Nothing was changed. \
             Delete that file to start again, or add --force to add more",
            cfg.database.display(),
            before.demo
        )));
    }

    let plan = Plan {
        residents,
        days,
        seed,
        today,
    };
    let counts = store
        .seed_with(|w| fill(w, &plan, &report.curriculum, &ids))
        .map_err(|e| CliError::Failed(e.to_string()))?;

    println!(
        "Made a demo cultural house in {} (seed {seed}, {days} days up to {}):",
        cfg.database.display(),
        today - chrono::Days::new(1)
    );
    for (what, n) in [
        ("residents", counts.residents),
        ("class sessions", counts.class_sessions),
        ("attendance marks", counts.attendance),
        ("sign-ins", counts.seat_sessions),
        ("pages seen", counts.step_views),
        ("quiz attempts", counts.quiz_attempts),
        ("answers", counts.quiz_answers),
        ("finished quizzes", counts.quiz_results),
        ("indicator checks", counts.indicator_events),
    ] {
        println!("  {n:>9}  {what}");
    }
    // A demo database gets a known PIN so the instructor view can be tried
    // at once; a database with real residents (--force) keeps its own.
    if before.real() == 0 {
        let has_pin = store
            .pin_is_set()
            .map_err(|e| CliError::Failed(e.to_string()))?;
        if !has_pin {
            store
                .set_pin(DEMO_PIN)
                .map_err(|e| CliError::Failed(e.to_string()))?;
        }
        println!(
            "Instructor PIN of this demo: {} (open instructor mode with {})",
            if has_pin {
                "the one already set"
            } else {
                DEMO_PIN
            },
            cfg.instructor_key
        );
    }
    println!(
        "Start the kiosk on it with: kiosk --config {}",
        cfg.path.display()
    );
    Ok(ExitCode::SUCCESS)
}
