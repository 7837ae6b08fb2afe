//! `kiosk merge FILE...`: merges bundles from cultural houses into this
//! database. Every file is checked before anything is merged, so one wrong
//! file on the stick stops the command with nothing changed; then each
//! bundle is merged in its own transaction, and the lines saying so are
//! printed once all of it is on the disk.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::coordinator_errors::merge as explain;
use crate::commands::{CliError, load_config, store_error};
use crate::i18n::{fill, texts};
use crate::store::Store;
use crate::store::merge::{PartialMerge, check_bundles};

pub fn run(cli: &Cli, files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    let checked = check_bundles(files).map_err(|e| explain(e, &cfg, ""))?;
    let store = Store::open(&cfg).map_err(|e| store_error::explain(e, &cfg))?;
    // Lines are printed once the merge is on the disk (merge_bundles syncs
    // before it returns), so nothing is reported that a power cut could
    // take back.
    let (merged, error) = match store.merge_bundles(&checked) {
        Ok(merged) => (merged, None),
        Err(PartialMerge { merged, error }) => (merged, Some(error)),
    };
    let t = texts(cfg.language);
    for (b, n) in checked.iter().zip(&merged) {
        let (file, site) = (b.path.display(), &b.site_id);
        if n.is_empty() {
            let args: [(&str, &dyn std::fmt::Display); 2] = [("file", &file), ("site", site)];
            println!("{}", fill(t.cmd_merge_nothing_new, &args));
        } else {
            println!(
                "{}",
                fill(
                    t.cmd_merge_counts,
                    &[
                        ("file", &file),
                        ("site", site),
                        ("added", &n.residents_added),
                        ("updated", &n.residents_updated),
                        ("erased", &n.residents_erased),
                        ("records", &n.records_added),
                        ("ended", &n.sessions_ended),
                    ]
                )
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
        fill(t.cmd_merge_already, &[("files", &names.join(", "))])
    };
    Err(explain(e, &cfg, &done))
}
