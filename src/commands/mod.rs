//! The commands behind the command line, one file per family. Each returns
//! an exit code or a [`CliError`] that `main` prints in one line.

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::config::{Config, ConfigError};

// store helper: residents and backup commands.
pub mod backup;
pub mod residents;
pub mod restore;
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

/// What a command writes to its `--out`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    Export,
    Bundle,
    Backup,
}

/// Refuses an `--out` whose file would be lost: one of this kiosk's own
/// files (its database or settings), or an existing file of another kind
/// than the command makes: a database, a backup or another site's bundle
/// under an export, an export under a bundle. Replacing the same kind
/// (last week's export, this site's older bundle, an older backup) is the
/// normal way to use a fixed file name, and goes ahead.
pub fn refuse_out(cfg: &Config, out: &std::path::Path, writes: Writes) -> Result<(), CliError> {
    use crate::store::merge::{FileKind, file_kind};
    let t = crate::i18n::texts(cfg.language);
    if cfg.is_own_file(out) {
        let line = crate::i18n::fill(t.cmd_out_is_own_file, &[("path", &out.display())]);
        return Err(CliError::Usage(line));
    }
    // A folder, or a file that cannot be read, is left to the write
    // itself, which says what is wrong with it.
    if !out.is_file() {
        return Ok(());
    }
    let Ok(kind) = file_kind(out) else {
        return Ok(());
    };
    let what = match (writes, &kind) {
        (Writes::Export, FileKind::NotSqlite) => return Ok(()),
        (Writes::Bundle, FileKind::Bundle { site }) if *site == cfg.site_id => return Ok(()),
        (Writes::Backup, FileKind::KioskDatabase) => return Ok(()),
        (_, FileKind::NotSqlite) => t.cmd_out_holds_other,
        (_, FileKind::Bundle { .. }) => t.cmd_out_holds_bundle,
        (_, FileKind::KioskDatabase) => t.cmd_out_holds_database,
        (_, FileKind::OtherSqlite) => t.cmd_out_holds_sqlite,
    };
    let site = match &kind {
        FileKind::Bundle { site } => site.as_str(),
        _ => "",
    };
    let what = crate::i18n::fill(what, &[("site", &site)]);
    Err(CliError::Usage(crate::i18n::fill(
        t.cmd_out_would_replace,
        &[("path", &out.display()), ("what", &what)],
    )))
}

/// Asks `question` and reads one line: "có" (accents optional) or "yes"
/// is yes, anything else no; `None` when nobody answered (a script with
/// nothing on its input), which the caller treats as a usage mistake.
pub fn answer_yes(question: &str) -> Option<bool> {
    use std::io::{BufRead, Write};
    print!("{question}");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    let read = std::io::stdin().lock().read_line(&mut answer).unwrap_or(0);
    if read == 0 {
        println!();
        return None;
    }
    // Typed at a terminal, the answer ends the line; piped in, it does not.
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        println!();
    }
    let answer = crate::text::fold(answer.trim());
    Some(matches!(answer.as_str(), "co" | "c" | "yes" | "y"))
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
        Some(Command::Restore { file, yes }) => restore::run(&cli, file.as_deref(), *yes),
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
