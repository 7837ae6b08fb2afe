//! Lesson modules: the model ([`model`]), loading a folder ([`load`]),
//! validating one file ([`parse`]) and the rules across files (`links`),
//! plain-language measures (`plain`), and the `kiosk check` command
//! ([`check`]). The file format is documented for authors in
//! `lessons/README.md`.

pub mod check;
mod diag;
mod links;
pub mod load;
pub mod model;
pub mod parse;
mod plain;
mod quiz;
mod texts;

pub use model::*;
pub use parse::{FileReport, Located, load_str, load_str_in};

use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one lesson file, with its position (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
}

/// Every valid module, sorted by (order, id).
#[derive(Debug, Clone, Default)]
pub struct Curriculum {
    pub modules: Vec<Module>,
}

impl Curriculum {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The module ids, in the order the kiosk shows them.
    pub fn ids(&self) -> Vec<&str> {
        self.modules.iter().map(|m| m.id.as_str()).collect()
    }
}

/// The result of loading a folder: the modules that are valid, every
/// diagnostic, the files that were skipped because of errors, and the shown
/// files that a skipped prerequisite no longer locks.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub curriculum: Curriculum,
    /// How many lesson files were read (valid or not).
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
    pub skipped: Vec<PathBuf>,
    /// Shown, but a prerequisite is not (its file has errors), so the
    /// kiosk shows them unlocked.
    pub unlocked: Vec<PathBuf>,
}

/// The folder itself could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the lessons folder {path}: {source}")]
pub struct LoadError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl LoadError {
    /// The problem in the language of `t`.
    pub fn describe(&self, t: &crate::i18n::Texts) -> String {
        crate::i18n::fill(
            t.les_cannot_list,
            &[
                ("path", &self.path.display()),
                ("error", &crate::i18n::os_error(t, &self.source)),
            ],
        )
    }
}

/// Loads and validates every `*.toml` file directly in `dir` (not in
/// sub-folders; names starting with a dot are ignored). `indicators` are the
/// campaign indicator ids allowed by `kiosk.toml`.
///
/// Every problem becomes a [`Diagnostic`] (sorted by file, line, column); a
/// module with any error is left out and its file listed in `skipped`; the
/// rest load, sorted by (order, id). Only a folder that cannot be listed is
/// an `Err`. The same folder always gives the same report.
///
/// The messages are in English; [`load_dir_in`] says them in another
/// language.
pub fn load_dir(dir: &Path, indicators: &[String]) -> Result<LoadReport, LoadError> {
    load::load_dir(dir, indicators, crate::i18n::Lang::En)
}

/// [`load_dir`] with the messages in `lang` (the kiosk's language).
pub fn load_dir_in(
    dir: &Path,
    indicators: &[String],
    lang: crate::i18n::Lang,
) -> Result<LoadReport, LoadError> {
    load::load_dir(dir, indicators, lang)
}

impl LoadReport {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

impl Diagnostic {
    /// `path:line:col: error: message`, the form editors and terminals
    /// recognise as a link to the place, with "error"/"warning" in the
    /// language of `t` (the message already is).
    pub fn render(&self, t: &crate::i18n::Texts) -> String {
        let severity = match self.severity {
            Severity::Error => t.les_error,
            Severity::Warning => t.les_warning,
        };
        format!(
            "{}:{}:{}: {severity}: {}",
            self.path.display(),
            self.line,
            self.col,
            self.message
        )
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::i18n::texts(crate::i18n::Lang::En)))
    }
}
