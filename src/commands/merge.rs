//! `kiosk merge FILE...`: merges bundles from cultural houses into this
//! database. Every file is checked before anything is merged, so one wrong
//! file on the stick stops the command with nothing changed; then each
//! bundle is merged in its own transaction.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::{CliError, counted, load_config};
use crate::store::Store;
use crate::store::merge::{MergeError, check_bundle};

pub fn run(cli: &Cli, files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let mut checked = Vec::with_capacity(files.len());
    for f in files {
        checked.push(check_bundle(f).map_err(|e| CliError::Usage(e.to_string()))?);
    }
    let cfg = load_config(cli)?;
    let store = Store::open(&cfg)?;
    let mut merged: Vec<String> = Vec::new();
    for b in &checked {
        match store.merge_bundle(b) {
            Ok(n) if n.is_empty() => {
                println!(
                    "{}: site {}: already merged, nothing new",
                    b.path.display(),
                    b.site_id
                );
            }
            Ok(n) => println!(
                "{}: site {}: {}, {} updated, {} erased, {}, {} ended",
                b.path.display(),
                b.site_id,
                counted(n.residents_added, "new resident", "new residents"),
                n.residents_updated,
                n.residents_erased,
                counted(n.records_added, "new record", "new records"),
                counted(n.sessions_ended, "session", "sessions")
            ),
            Err(e) => {
                let done = if merged.is_empty() {
                    String::new()
                } else {
                    format!(" (already merged: {})", merged.join(", "))
                };
                return Err(match e {
                    MergeError::Store(_) => CliError::Failed(format!("{e}{done}")),
                    _ => CliError::Usage(format!("{e}{done}")),
                });
            }
        }
        merged.push(b.path.display().to_string());
    }
    Ok(ExitCode::SUCCESS)
}
