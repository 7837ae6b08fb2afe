//! The commands behind the command line, one file per family. Each returns
//! an exit code or a [`CliError`] that `main` prints in one line.

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::config::{Config, ConfigError};

// store helper: residents and backup commands.
pub mod backup;
pub mod residents;
// cli: store errors in the configured language (residents, backup, doctor, seed).
pub mod coordinator_errors;
pub mod store_error;

// coordinator: exports, report, bundle, merge.
pub mod bundle;
pub mod export;
pub mod merge;
pub mod report;

// instructor helper: set-pin.
pub mod pin;
// ops helper: doctor and seed.
pub mod doctor;
pub mod seed;

/// A command's failure, in words for the person at the keyboard.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command could not start (missing file, bad flag value): exit 2.
    #[error("{0}")]
    Usage(String),
    /// The command ran and failed: exit 1.
    #[error("{0}")]
    Failed(String),
}

/// A configuration problem cannot start a command: exit 2, in the words
/// and language of the file (`ConfigError::describe`).
impl From<ConfigError> for CliError {
    fn from(e: ConfigError) -> Self {
        CliError::Usage(e.describe())
    }
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Failed(_) => 1,
        }
    }
}

// store helper: a store error becomes a one-line message. A bad value the
// person typed cannot run (exit 2); anything else failed (exit 1).
impl From<crate::store::StoreError> for CliError {
    fn from(e: crate::store::StoreError) -> Self {
        match e {
            crate::store::StoreError::Invalid { .. } => CliError::Usage(e.to_string()),
            _ => CliError::Failed(e.to_string()),
        }
    }
}

pub fn load_config(cli: &Cli) -> Result<Config, CliError> {
    Ok(Config::load(&cli.config)?)
}

/// Refuses an `--out` that is one of this kiosk's own files (its database
/// or settings): writing a bundle or an export there would destroy them.
pub fn refuse_own_file(cfg: &Config, out: &std::path::Path) -> Result<(), CliError> {
    if cfg.is_own_file(out) {
        let t = crate::i18n::texts(cfg.language);
        let line = crate::i18n::fill(t.cmd_out_is_own_file, &[("path", &out.display())]);
        return Err(CliError::Usage(line));
    }
    Ok(())
}

/// Runs the command `cli` names.
pub fn dispatch(cli: Cli) -> Result<ExitCode, CliError> {
    match &cli.command {
        None | Some(Command::Run) => {
            let cfg = load_config(&cli)?;
            crate::ui::run(&cfg)
        }
        Some(Command::Check { lessons }) => crate::lessons::check::run(&cli, lessons.as_deref()),
        // store helper
        Some(Command::Backup { out }) => backup::run(&cli, out.as_deref()),
        Some(Command::Residents { command }) => residents::run(&cli, command),
        // coordinator: exports, report, bundle, merge
        Some(Command::Export { what }) => export::run(&cli, what),
        Some(Command::Bundle { out }) => bundle::run(&cli, out),
        Some(Command::Merge { files }) => merge::run(&cli, files),
        Some(Command::Report { range, site, json }) => {
            report::run(&cli, range, site.as_deref(), *json)
        }
        Some(Command::SetPin) => pin::run(&cli),
        // ops helper: doctor and seed.
        Some(Command::Doctor) => doctor::run(&cli),
        Some(Command::Seed {
            residents,
            days,
            seed,
            force,
            today,
        }) => seed::run(&cli, *residents, *days, *seed, *force, today.as_deref()),
    }
}
