//! `kiosk bundle --out FILE`: writes this site's records to one SQLite file
//! for the ward coordinator (see `store::merge` for what is in it). The file
//! appears only when complete, so a stick pulled out too early never holds
//! half a bundle under the final name.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::{CliError, load_config};
use crate::export::{ExportError, Pending};
use crate::i18n::{fill, texts};
use crate::store::Store;

pub fn run(cli: &Cli, out: &Path) -> Result<ExitCode, CliError> {
    let (pending, file) = Pending::create(out).map_err(|e| match e {
        ExportError::Io { .. } => CliError::Failed(e.to_string()),
        _ => CliError::Usage(e.to_string()),
    })?;
    drop(file);
    let cfg = load_config(cli)?;
    let store = Store::open(&cfg)?;
    let info = store.write_bundle(&cfg.site_name, pending.temp_path())?;
    pending
        .commit()
        .map_err(|e| CliError::Failed(e.to_string()))?;
    println!(
        "{}",
        fill(
            texts(cfg.language).cmd_bundle_wrote,
            &[
                ("site", &info.site_id),
                ("file", &out.display()),
                ("residents", &info.residents),
                ("records", &info.records),
                ("erased", &info.forgotten),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}
