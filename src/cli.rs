//! The command line: every subcommand and flag, parsed with clap. Dispatch
//! lives in `main.rs`; each command's work lives in `commands/`.
//!
//! The doc comments below are for readers of this file; what people see in
//! `--help` and in mistakes comes from `i18n::cli`, in the language of
//! `kiosk.toml` (`words` and `mistakes`).

mod mistakes;
mod words;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Args, FromArgMatches, Parser, Subcommand};

use crate::i18n::cli_texts;

/// Parses the command line, with help and mistakes in the language of the
/// `kiosk.toml` it names. `Err` carries the exit code once the help, the
/// version or the mistake has been printed.
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    let lang = crate::config::language_of_path(&config_path(&args));
    let cmd = words::command(lang);
    let outline = Outline::of(&args, &cmd);
    let args = outline.help_as_flag(args);
    let err = match cmd.clone().try_get_matches_from(&args) {
        Ok(matches) => match Cli::from_arg_matches(&matches) {
            Ok(cli) => return Ok(cli),
            Err(err) => err,
        },
        Err(err) => err,
    };
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Printing can only fail when the reader has gone.
            let _ = err.print();
            Err(ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2)))
        }
        _ => {
            let line = mistakes::explain(&err, &outline.help_command(), cli_texts(lang));
            eprintln!("kiosk: {line}");
            Err(ExitCode::from(2))
        }
    }
}

/// The `--config` file the arguments name (before clap has read them: the
/// language of the help depends on it).
fn config_path(args: &[OsString]) -> PathBuf {
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let Some(word) = arg.to_str() else { continue };
        if word == "--config" {
            if let Some(path) = rest.next() {
                return PathBuf::from(path);
            }
        } else if let Some(path) = word.strip_prefix("--config=") {
            return PathBuf::from(path);
        }
    }
    Path::new("kiosk.toml").to_path_buf()
}

/// What the arguments say before clap reads them: the `--config` words,
/// the commands named, and a `help` standing where a command would.
#[derive(Debug, Default, PartialEq)]
struct Outline {
    config: Vec<String>,
    commands: Vec<String>,
    help_at: Option<usize>,
}

impl Outline {
    fn of(args: &[OsString], root: &clap::Command) -> Outline {
        let mut out = Outline::default();
        let mut cmd = root;
        let mut i = 1;
        while i < args.len() {
            let word = args[i].to_string_lossy();
            i += 1;
            if word == "--config" {
                // Without its value (the mistake being reported), the hint
                // leaves it out rather than suggest it bare.
                if let Some(value) = args.get(i) {
                    out.config.push(word.into_owned());
                    out.config.push(value.to_string_lossy().into_owned());
                    i += 1;
                }
            } else if word.starts_with("--config=") {
                out.config.push(word.into_owned());
            } else if word.starts_with('-') {
                // Another flag; its value, if any, names no command.
            } else if let Some(sub) = cmd.find_subcommand(word.as_ref()) {
                out.commands.push(sub.get_name().to_string());
                cmd = sub;
            } else if word == "help" && cmd.has_subcommands() && out.help_at.is_none() {
                out.help_at = Some(i - 1);
            }
        }
        out
    }

    /// `kiosk help export attendance` and `kiosk export help attendance`
    /// mean `kiosk export attendance --help` (clap's own help command would
    /// answer in English).
    fn help_as_flag(&self, mut args: Vec<OsString>) -> Vec<OsString> {
        if let Some(at) = self.help_at {
            args.remove(at);
            args.push("--help".into());
        }
        args
    }

    /// The command to type for the help of what was being typed, with the
    /// same `--config` (whose language the help is in).
    fn help_command(&self) -> String {
        let mut words = vec!["kiosk".to_string()];
        for w in self.config.iter().chain(&self.commands) {
            if w.contains(char::is_whitespace) {
                words.push(format!("\"{w}\""));
            } else {
                words.push(w.clone());
            }
        }
        words.push("--help".into());
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(args: &[&str]) -> (Outline, Vec<String>) {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let o = Outline::of(&args, &words::command(crate::i18n::Lang::Vi));
        let rewritten = o.help_as_flag(args.clone());
        (
            o,
            rewritten
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect(),
        )
    }

    #[test]
    fn help_as_a_command_becomes_the_flag_wherever_it_stands() {
        for args in [
            &["kiosk", "help", "export", "attendance"][..],
            &["kiosk", "export", "help", "attendance"][..],
        ] {
            let (_, got) = outline(args);
            assert_eq!(got, ["kiosk", "export", "attendance", "--help"], "{args:?}");
        }
        let (o, got) = outline(&["kiosk", "--config", "en.toml", "help", "export"]);
        assert_eq!(got, ["kiosk", "--config", "en.toml", "export", "--help"]);
        assert_eq!(o.help_command(), "kiosk --config en.toml export --help");
        // A file called help, and a resident called Help, stay what they are.
        let (_, got) = outline(&["kiosk", "--config", "help", "report"]);
        assert_eq!(got, ["kiosk", "--config", "help", "report"]);
        let (_, got) = outline(&["kiosk", "residents", "find", "help"]);
        assert_eq!(got, ["kiosk", "residents", "find", "help"]);
        let (o, _) = outline(&["kiosk", "report", "--config"]);
        assert_eq!(o.help_command(), "kiosk report --help");
        let (o, _) = outline(&["kiosk", "--config=my kiosk.toml", "seed"]);
        assert_eq!(
            o.help_command(),
            "kiosk \"--config=my kiosk.toml\" seed --help"
        );
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "kiosk",
    version,
    about = "A full-screen kiosk that teaches seniors to use their phones for public life.",
    long_about = "Run without a command to start the kiosk on the lessons and database named in kiosk.toml."
)]
pub struct Cli {
    /// The configuration file.
    #[arg(long, global = true, value_name = "FILE", default_value = "kiosk.toml")]
    pub config: PathBuf,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the kiosk (the default when no command is given).
    Run,
    /// Check lesson files and report every problem.
    Check {
        /// The lessons folder (default: the one in kiosk.toml, or ./lessons).
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
    },
    /// Write a consistent snapshot of the database.
    Backup {
        /// Where to write it (default: a dated file in the backup folder).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Put a backup back in place of the database (the one in use is kept).
    Restore {
        /// The backup (default: the newest in the backup folder).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Restore without asking first (for scripts).
        #[arg(long)]
        yes: bool,
    },
    /// Add, list, find, import or forget residents.
    Residents {
        #[command(subcommand)]
        command: ResidentsCommand,
    },
    /// Set the instructor PIN (asks twice, never shows it).
    SetPin,
    /// Export attendance, progress or indicators for Excel.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Print a summary of residents, learning and indicators.
    Report {
        #[command(flatten)]
        range: DateRange,
        /// Only this site.
        #[arg(long, value_name = "SITE")]
        site: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write this site's records to one file for the ward coordinator.
    Bundle {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Merge bundles from several cultural houses into this database.
    Merge {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Fill a database with realistic demo data.
    Seed {
        /// How many made-up residents.
        #[arg(long, value_name = "N")]
        residents: u32,
        /// Days of history, ending yesterday.
        #[arg(long, value_name = "D", default_value_t = 30)]
        days: u32,
        /// The same seed (and day) always makes the same data.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// Also when the database already holds real residents.
        #[arg(long)]
        force: bool,
        /// The day the history ends before (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Check that this computer is ready to be a kiosk.
    Doctor,
}

/// Residential groups are numbered from 1: `--group 0` or `-1` is a typo
/// that would otherwise find nobody, so it is a mistake (exit 2).
fn group_number() -> clap::builder::RangedI64ValueParser<i64> {
    clap::value_parser!(i64).range(1..)
}

#[derive(Debug, Subcommand)]
pub enum ResidentsCommand {
    /// Register a resident.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "N", value_parser = group_number())]
        group: i64,
        #[arg(long = "birth-year", value_name = "YYYY")]
        birth_year: i64,
        #[arg(long, value_name = "H")]
        household: Option<String>,
        #[arg(long, value_name = "P")]
        phone: Option<String>,
    },
    /// List residents.
    List {
        #[arg(long, value_name = "N", value_parser = group_number())]
        group: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Find residents by any part of their name (accents optional).
    Find {
        text: String,
        #[arg(long)]
        json: bool,
    },
    /// Import a ward roster (CSV).
    Import {
        file: PathBuf,
        /// Import the good rows even when some rows are bad.
        #[arg(long = "skip-bad")]
        skip_bad: bool,
    },
    /// Erase a resident's personal data (kept erased after merges).
    Forget {
        id: String,
        /// Erase without asking first (for scripts).
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Clone, Args)]
pub struct DateRange {
    /// First day, YYYY-MM-DD (inclusive).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD (inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub range: DateRange,
    /// Only this residential group.
    #[arg(long, value_name = "N", value_parser = group_number())]
    pub group: Option<i64>,
    /// Only this site.
    #[arg(long, value_name = "SITE")]
    pub site: Option<String>,
    /// csv or xlsx (default: from the file name).
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Column headers in vi or en.
    #[arg(long, value_name = "LANG", default_value = "vi")]
    pub lang: String,
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// One row per resident per class session or day signed in.
    Attendance(ExportArgs),
    /// One row per resident per module.
    Progress(ExportArgs),
    /// Per residential group: households reached for each indicator.
    Indicators(ExportArgs),
}
