//! `kiosk bundle --out FILE`: writes this site's records to one SQLite file
//! for the ward coordinator (see `store::merge` for what is in it). The file
//! appears only when complete, so a stick pulled out too early never holds
//! half a bundle under the final name.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::coordinator_errors::export as explain;
use crate::commands::{CliError, Writes, load_config, refuse_out, store_error};
use crate::export::Pending;
use crate::i18n::{fill, texts};
use crate::store::Store;

pub fn run(cli: &Cli, out: &Path) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    let t = texts(cfg.language);
    refuse_out(&cfg, out, Writes::Bundle)?;
    let (pending, file) = Pending::create(out).map_err(|e| explain(e, t))?;
    drop(file);
    let store = Store::open(&cfg).map_err(|e| store_error::explain(e, &cfg))?;
    let info = store
        .write_bundle(&cfg.site_name, pending.temp_path())
        .map_err(|e| store_error::explain_writing(e, &cfg, out))?;
    pending.commit().map_err(|e| explain(e, t))?;
    println!(
        "{}",
        fill(
            t.cmd_bundle_wrote,
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
