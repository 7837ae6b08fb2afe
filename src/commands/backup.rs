//! `kiosk backup [--out FILE]`: one consistent snapshot of the database,
//! safe to run while seats are writing (the nightly timer does).

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::{CliError, load_config};
use crate::store::{Store, backup};

pub fn run(cli: &Cli, out: Option<&Path>) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    if !cfg.database.exists() {
        return Err(CliError::Failed(format!(
            "there is no database at {} yet, so there is nothing to back up",
            cfg.database.display()
        )));
    }
    let store = Store::open(&cfg)?;
    let written = match out {
        Some(out) => backup::backup_to(&store, out)?,
        None => backup::backup_now(&cfg, &store)?,
    };
    let size = std::fs::metadata(&written).map(|m| m.len()).unwrap_or(0);
    println!(
        "Backed up {} to {} ({} kB).",
        cfg.database.display(),
        written.display(),
        size.div_ceil(1024)
    );
    Ok(ExitCode::SUCCESS)
}
