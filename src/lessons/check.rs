//! `kiosk check`: validates every lesson file and prints every problem, one
//! per line as `path:line:col: error: message`, then a one-line summary, in
//! the language of `kiosk.toml` (Vietnamese when there is none).
//! Exit status: 0 no errors (warnings are fine), 1 some error, 2 it could
//! not run (no such folder, or a broken `kiosk.toml`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::CliError;
use crate::config::Config;
use crate::i18n::{Texts, fill, texts};

use super::LoadReport;

pub fn run(cli: &Cli, lessons: Option<&Path>) -> Result<ExitCode, CliError> {
    // The indicator ids come from kiosk.toml when there is one; a site that
    // has none gets the defaults the kiosk itself would use.
    let config = if cli.config.is_file() {
        Some(Config::load(&cli.config)?)
    } else {
        None
    };
    let lang = config.as_ref().map(|c| c.language).unwrap_or_default();
    let t = texts(lang);
    let indicators: Vec<String> = match &config {
        Some(cfg) => cfg.indicators.iter().map(|i| i.id.clone()).collect(),
        None => crate::config::default_indicators()
            .into_iter()
            .map(|i| i.id)
            .collect(),
    };
    let dir: PathBuf = match (lessons, &config) {
        (Some(dir), _) => dir.to_path_buf(),
        (None, Some(cfg)) => cfg.lessons_dir.clone(),
        (None, None) => PathBuf::from("lessons"),
    };
    if !dir.exists() {
        return Err(CliError::Usage(fill(
            t.les_no_folder,
            &[("path", &dir.display())],
        )));
    }
    if !dir.is_dir() {
        return Err(CliError::Usage(fill(
            t.les_not_folder,
            &[("path", &dir.display())],
        )));
    }
    let report =
        super::load_dir_in(&dir, &indicators, lang).map_err(|e| CliError::Usage(e.describe(t)))?;

    // Written by hand rather than println!: `kiosk check | head` closes the
    // pipe early, and println! would panic on that.
    let mut out = std::io::stdout().lock();
    for d in &report.diagnostics {
        if writeln!(out, "{}", d.render(t)).is_err() {
            break;
        }
    }
    let _ = writeln!(out, "{}", summary(&report, t));
    let _ = out.flush();
    Ok(ExitCode::from(if report.errors() > 0 { 1 } else { 0 }))
}

/// "11 modules checked: 0 errors, 2 warnings", plus which files will not
/// be shown on the kiosk and which shown ones lost a prerequisite to them.
fn summary(report: &LoadReport, t: &Texts) -> String {
    let mut s = fill(
        t.les_summary,
        &[
            ("files", &report.files),
            ("errors", &report.errors()),
            ("warnings", &report.warnings()),
        ],
    );
    let names = |paths: &[PathBuf]| -> String {
        paths
            .iter()
            .map(|p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !report.skipped.is_empty() {
        s.push_str(&fill(
            t.les_summary_skipped,
            &[("names", &names(&report.skipped))],
        ));
    }
    if !report.unlocked.is_empty() {
        s.push_str(&fill(
            t.les_summary_unlocked,
            &[("names", &names(&report.unlocked))],
        ));
    }
    s
}
