//! Loading a lessons folder: which files count, reading each one safely, and
//! putting the per-file results ([`parse`](super::parse)) and the cross-file
//! rules ([`links`](super::links)) together into a [`LoadReport`].
//!
//! Nothing in a folder may stop the kiosk or make it hang: every file is
//! checked to be a regular file of at most [`MAX_FILE_BYTES`] before it is
//! opened (a FIFO named `x.toml` would block a read forever, `/dev/zero`
//! would never end), and every failure becomes a diagnostic naming the file.
//!
//! Deep nesting (`a = [[[[…` a hundred thousand deep) needs no pre-scan:
//! the `toml` parser refuses to go deeper than 80 levels with an error of its
//! own instead of recursing, and our walk only follows the few levels the
//! format has. `tests/check.rs` holds this to account.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::links;
use super::parse::{FileReport, load_str_in};
use super::{Curriculum, Diagnostic, LoadError, LoadReport, Severity};
use crate::i18n::{Lang, Texts, fill, os_error, texts};

/// A lesson file larger than this is refused: real modules are a few
/// kilobytes, and this bounds the time and memory one file can take.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// One `*.toml` entry of the folder and what became of it.
pub(crate) struct Entry {
    pub path: PathBuf,
    /// `None` when the file could not be read as text (already diagnosed).
    pub report: Option<FileReport>,
    /// Set by the cross-file checks.
    pub failed: bool,
    /// Shown although a prerequisite is not (that one does not lock it).
    pub unlocked: bool,
}

/// Loads and validates every `*.toml` file directly inside `dir`; see
/// [`super::load_dir`].
pub fn load_dir(dir: &Path, indicators: &[String], lang: Lang) -> Result<LoadReport, LoadError> {
    let t = texts(lang);
    let listing = std::fs::read_dir(dir).map_err(|source| LoadError {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut diagnostics = Vec::new();
    let mut names = Vec::new();
    for entry in listing {
        let entry = entry.map_err(|source| LoadError {
            path: dir.to_path_buf(),
            source,
        })?;
        let name = entry.file_name();
        let shown = name.to_string_lossy();
        // Hidden files are editor leftovers (`.#03.toml` is an Emacs lock,
        // a link to nowhere), never lessons.
        if shown.starts_with('.') {
            continue;
        }
        if shown.ends_with(".toml") {
            names.push(name);
        } else if shown.to_ascii_lowercase().ends_with(".toml") {
            diagnostics.push(file_diagnostic(
                &dir.join(&name),
                Severity::Warning,
                t.les_bad_name.to_string(),
            ));
        }
    }
    // read_dir's order depends on the file system; the report must not.
    names.sort();

    let paths: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    let mut entries = Vec::with_capacity(paths.len());
    for (path, result) in paths
        .iter()
        .zip(read_and_check_all(&paths, indicators, lang))
    {
        match result {
            Ok(report) => entries.push(Entry {
                path: path.clone(),
                report: Some(report),
                failed: false,
                unlocked: false,
            }),
            Err(d) => {
                // A warning here means "not a file at all" (a folder named
                // x.toml): no lesson is lost, so it is neither counted nor
                // listed as skipped.
                if d.severity == Severity::Error {
                    entries.push(Entry {
                        path: path.clone(),
                        report: None,
                        failed: true,
                        unlocked: false,
                    });
                }
                diagnostics.push(d);
            }
        }
    }

    links::check(&mut entries, &mut diagnostics, t);

    let files = entries.len();
    let mut modules = Vec::new();
    let mut skipped = Vec::new();
    let mut unlocked = Vec::new();
    for e in entries {
        let module = e.report.and_then(|mut r| {
            diagnostics.append(&mut r.diagnostics);
            r.module
        });
        match module {
            Some(m) if !e.failed => {
                if e.unlocked {
                    unlocked.push(e.path);
                }
                modules.push(m);
            }
            _ => skipped.push(e.path),
        }
    }
    modules.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    skipped.sort();
    unlocked.sort();
    // Stable: problems at the same place keep the order they were found in.
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    Ok(LoadReport {
        curriculum: Curriculum { modules },
        files,
        diagnostics,
        skipped,
        unlocked,
    })
}

/// Reads and checks each file, in the order given. Files are independent,
/// so they are shared out over the machine's cores (a kiosk PC has two);
/// each thread takes a contiguous run and the results are put back in
/// order, so the report does not depend on which thread finished first.
fn read_and_check_all(
    paths: &[PathBuf],
    indicators: &[String],
    lang: Lang,
) -> Vec<Result<FileReport, Diagnostic>> {
    let t = texts(lang);
    let one = |path: &PathBuf| {
        read_lesson(path, t).map(|text| load_str_in(path, &text, indicators, lang))
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4)
        // Starting a thread costs more than checking a few files.
        .min(paths.len().div_ceil(16))
        .max(1);
    if threads == 1 {
        return paths.iter().map(one).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(results) => results,
                // Checking a file does not panic; if it ever did, the
                // kiosk should stop loudly rather than lose lessons quietly.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// A diagnostic about a whole file, placed at its start.
pub(crate) fn file_diagnostic(path: &Path, severity: Severity, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line: 1,
        col: 1,
        severity,
        message,
    }
}

/// Reads one lesson file as UTF-8 text, or says in words why not. Things
/// that are not files at all (a folder named `x.toml`) come back as a
/// warning: they are not lessons someone wrote, so nothing is lost.
fn read_lesson(path: &Path, t: &Texts) -> Result<String, Diagnostic> {
    let error = |message: String| file_diagnostic(path, Severity::Error, message);
    // `metadata` follows links, so a link to a lesson file works.
    let meta = std::fs::metadata(path).map_err(|e| error(cannot_read(path, &e, t)))?;
    if meta.is_dir() {
        return Err(file_diagnostic(
            path,
            Severity::Warning,
            t.les_is_folder.to_string(),
        ));
    }
    if !meta.is_file() {
        return Err(file_diagnostic(
            path,
            Severity::Warning,
            t.les_not_file.to_string(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(error(too_big(meta.len(), t)));
    }
    let file = std::fs::File::open(path).map_err(|e| error(cannot_read(path, &e, t)))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may have grown since `metadata`: read one byte past the limit
    // at most.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| error(cannot_read(path, &e, t)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(error(too_big(bytes.len() as u64, t)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        // Valid by construction: `valid_up_to` ends on a character boundary.
        let before = std::str::from_utf8(&bytes[..good]).unwrap_or("");
        let (line, col) = crate::config::line_col(before, good);
        Diagnostic {
            line,
            col,
            ..error(fill(t.les_not_utf8, &[("line", &line), ("col", &col)]))
        }
    })
}

fn too_big(len: u64, t: &Texts) -> String {
    let size = format!("{:.1}", len as f64 / (1024.0 * 1024.0));
    fill(
        t.les_too_big,
        &[("size", &size), ("max", &(MAX_FILE_BYTES / (1024 * 1024)))],
    )
}

fn cannot_read(path: &Path, e: &std::io::Error, t: &Texts) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match e.kind() {
        std::io::ErrorKind::NotFound if is_link => t.les_dangling_link.to_string(),
        std::io::ErrorKind::PermissionDenied => t.les_no_permission.to_string(),
        _ if is_link => fill(t.les_link_loop, &[("error", &os_error(t, e))]),
        _ => fill(t.les_cannot_read, &[("error", &os_error(t, e))]),
    }
}
