//! `kiosk merge FILE...`: merges bundles from cultural houses into this
//! database. Every file is checked before anything is merged, so one wrong
//! file on the stick stops the command with nothing changed; then each
//! bundle is merged in its own transaction, and the lines saying so are
//! printed once all of it is on the disk.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::{CliError, counted, load_config};
use crate::store::Store;
use crate::store::merge::{MergeError, PartialMerge, check_bundles};

pub fn run(cli: &Cli, files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let checked = check_bundles(files).map_err(|e| CliError::Usage(e.to_string()))?;
    let cfg = load_config(cli)?;
    let store = Store::open(&cfg)?;
    // Lines are printed once the merge is on the disk (merge_bundles syncs
    // before it returns), so nothing is reported that a power cut could
    // take back.
    let (merged, error) = match store.merge_bundles(&checked) {
        Ok(merged) => (merged, None),
        Err(PartialMerge { merged, error }) => (merged, Some(error)),
    };
    for (b, n) in checked.iter().zip(&merged) {
        if n.is_empty() {
            println!(
                "{}: site {}: already merged, nothing new",
                b.path.display(),
                b.site_id
            );
        } else {
            println!(
                "{}: site {}: {}, {} updated, {} erased, {}, {} ended",
                b.path.display(),
                b.site_id,
                counted(n.residents_added, "new resident", "new residents"),
                n.residents_updated,
                n.residents_erased,
                counted(n.records_added, "new record", "new records"),
                counted(n.sessions_ended, "session", "sessions")
            );
        }
    }
    let Some(e) = error else {
        return Ok(ExitCode::SUCCESS);
    };
    let done = if merged.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = checked[..merged.len()]
            .iter()
            .map(|b| b.path.display().to_string())
            .collect();
        format!(" (already merged: {})", names.join(", "))
    };
    Err(match e {
        MergeError::Store(_) => CliError::Failed(format!("{e}{done}")),
        _ => CliError::Usage(format!("{e}{done}")),
    })
}
