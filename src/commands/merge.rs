//! `kiosk merge FILE...`: merges bundles from cultural houses into this
//! database. Every file is checked before anything is merged, so one wrong
//! file on the stick stops the command with nothing changed; then each
//! bundle is merged in its own transaction.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::{CliError, load_config};
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
                "{}: site {}: {} new residents, {} updated, {} erased, {} new records, {} sessions ended",
                b.path.display(),
                b.site_id,
                n.residents_added,
                n.residents_updated,
                n.residents_erased,
                n.records_added,
                n.sessions_ended
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
