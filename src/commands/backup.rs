//! `kiosk backup [--out FILE]`: one consistent snapshot of the database,
//! safe to run while seats are writing (the nightly timer does). It speaks
//! the language set in kiosk.toml.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::store_error::{explain, explain_writing};
use crate::commands::{CliError, Writes, load_config, refuse_out};
use crate::i18n::{fill, texts};
use crate::store::{Store, StoreError, backup};

pub fn run(cli: &Cli, out: Option<&Path>) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    let t = texts(cfg.language);
    if !cfg.database.exists() {
        return Err(CliError::Failed(fill(
            t.bak_no_database,
            &[("path", &cfg.database.display())],
        )));
    }
    if let Some(out) = out {
        refuse_out(&cfg, out, Writes::Backup)?;
    }
    let say = |e| explain(e, &cfg);
    let store = Store::open(&cfg).map_err(say)?;
    let written = match out {
        Some(out) => backup::backup_to(&store, out).map_err(|e| match e {
            // The store refuses `--out` for one of two reasons; a path with
            // a file name can only be the live database.
            StoreError::Invalid { field, .. } if field == "--out" => {
                let reason = match out.file_name() {
                    Some(_) => t.bak_out_is_live,
                    None => t.bak_out_not_file,
                };
                CliError::Usage(fill(reason, &[("path", &out.display())]))
            }
            e => explain_writing(e, &cfg, out),
        }),
        None => backup::backup_now(&cfg, &store).map_err(say),
    }?;
    let size = std::fs::metadata(&written).map(|m| m.len()).unwrap_or(0);
    println!(
        "{}",
        fill(
            t.bak_done,
            &[
                ("db", &cfg.database.display()),
                ("file", &written.display()),
                ("kb", &size.div_ceil(1024)),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}
