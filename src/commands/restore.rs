//! `kiosk restore [FILE] [--yes]`: puts a backup (the newest in the backup
//! folder by default) back in place of the database, for a kiosk that
//! refuses to start on a damaged file. It says what the backup holds and
//! asks first; the database it replaces is kept beside it, never deleted
//! (see `store::backup::restore` for the order of the steps).

use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Local, TimeZone};

use crate::cli::Cli;
use crate::commands::store_error::explain;
use crate::commands::{CliError, answer_yes, load_config};
use crate::i18n::{Texts, fill, texts};
use crate::store::backup::{self, restore};

pub fn run(cli: &Cli, file: Option<&Path>, yes: bool) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    let t = texts(cfg.language);
    let backup = match file {
        Some(f) => f.to_path_buf(),
        None => backup::newest_backup(&cfg.backup_dir).ok_or_else(|| {
            CliError::Failed(fill(t.rst_no_backup, &[("dir", &cfg.backup_dir.display())]))
        })?,
    };
    let db = &cfg.database;
    let candidate = restore::prepare(db, &backup).map_err(|e| explain(e, &cfg))?;
    if !yes {
        let what = match db.exists() {
            true => fill(t.rst_ask_replace, &[("db", &db.display())]),
            false => fill(t.rst_ask_new, &[("db", &db.display())]),
        };
        let question = fill(
            t.rst_ask,
            &[
                ("file", &backup.display()),
                ("made", &when(t, candidate.made)),
                ("residents", &candidate.residents),
                ("newest", &when(t, candidate.newest_record.and_then(local))),
                ("what", &what),
            ],
        );
        match answer_yes(&question) {
            None => return Err(CliError::Usage(t.rst_no_answer.to_string())),
            Some(false) => {
                println!("{}", fill(t.rst_kept, &[("db", &db.display())]));
                return Ok(ExitCode::FAILURE);
            }
            Some(true) => {}
        }
    }
    let done = restore::finish(db, candidate).map_err(|e| explain(e, &cfg))?;
    println!(
        "{}",
        fill(
            t.rst_done,
            &[("file", &backup.display()), ("db", &db.display())]
        )
    );
    if let Some(aside) = done.set_aside {
        println!("{}", fill(t.rst_set_aside, &[("path", &aside.display())]));
    }
    Ok(ExitCode::SUCCESS)
}

fn local(ms: i64) -> Option<DateTime<Local>> {
    Local.timestamp_millis_opt(ms).single()
}

/// "14:05 30/11/2026", or "unknown" in words.
fn when(t: &Texts, at: Option<DateTime<Local>>) -> String {
    match at {
        Some(at) => at.format("%H:%M %d/%m/%Y").to_string(),
        None => t.rst_unknown_time.to_string(),
    }
}
