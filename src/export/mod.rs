//! Spreadsheet output for ward coordinators: one [`Sheet`] description
//! (columns and typed cells) rendered to CSV ([`csv`]) or XLSX ([`xlsx`]).
//! Each export (attendance, progress, indicators; see [`sheets`]) is written
//! once, against the [`RowSink`] trait, and works in both formats.
//!
//! Every file is written to a temporary file next to the target, flushed to
//! disk, then renamed over it: a failed or interrupted export never leaves a
//! half-written file where a good one was.

pub mod csv;
pub mod sheets;
pub mod xlsx;

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

/// The two file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The format asked for, or else the one the file name's extension names.
    pub fn choose(explicit: Option<&str>, out: &Path) -> Result<Format, ExportError> {
        match explicit {
            Some(s) => Format::parse(s).ok_or_else(|| ExportError::UnknownFormat(s.to_string())),
            None => {
                let ext = out
                    .extension()
                    .map(|e| e.to_string_lossy().to_string())
                    .unwrap_or_default();
                Format::parse(&ext).ok_or_else(|| ExportError::NoFormat(out.to_path_buf()))
            }
        }
    }
}

/// What a column holds: decides number formats and the default width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Integer,
    /// A number shown with one decimal (shares in percent).
    Decimal,
    Date,
    DateTime,
}

/// One column: its header (already in the chosen language) and kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub kind: Kind,
    /// Width in Excel character units.
    pub width: f64,
}

impl Column {
    pub fn new(header: &str, kind: Kind, width: f64) -> Column {
        Column {
            header: header.to_string(),
            kind,
            width,
        }
    }
}

/// One typed cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Num(f64),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

/// Where rows go: a CSV or XLSX writer.
pub trait RowSink {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError>;
}

/// Everything that can go wrong writing an export, in words that name the
/// file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown format {0:?}: write csv or xlsx")]
    UnknownFormat(String),
    #[error(
        "cannot tell the format of {}: end the file name with .csv or .xlsx, or add --format csv|xlsx",
        .0.display()
    )]
    NoFormat(PathBuf),
    #[error("the folder {} does not exist", .0.display())]
    NoFolder(PathBuf),
    #[error("cannot write in the folder {}: {source}", .path.display())]
    FolderNotWritable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is a folder, not a file name", .0.display())]
    IsFolder(PathBuf),
    #[error("writing {} failed: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("writing {} failed: {message}", .path.display())]
    Xlsx { path: PathBuf, message: String },
    #[error(
        "{rows} rows do not fit in one Excel sheet (at most 1,048,575): export a shorter period or use CSV"
    )]
    TooManyRows { rows: u64 },
    #[error("reading the database failed: {0}")]
    Store(String),
}

/// A file being written: a temporary file in the target's folder that
/// becomes the target only by [`Pending::commit`]. Dropped uncommitted, it
/// is removed.
pub struct Pending {
    target: PathBuf,
    temp: PathBuf,
    committed: bool,
}

impl Pending {
    /// Checks the target's folder and creates an empty temporary file in it.
    pub fn create(target: &Path) -> Result<(Pending, File), ExportError> {
        if target.is_dir() {
            return Err(ExportError::IsFolder(target.to_path_buf()));
        }
        let name = target
            .file_name()
            .ok_or_else(|| ExportError::IsFolder(target.to_path_buf()))?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(ExportError::NoFolder(dir));
        }
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let temp = dir.join(format!(
            ".{}.{}-{stamp}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|source| ExportError::FolderNotWritable {
                path: dir.clone(),
                source,
            })?;
        Ok((
            Pending {
                target: target.to_path_buf(),
                temp,
                committed: false,
            },
            file,
        ))
    }

    /// The temporary file's path (XLSX writes it by name).
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes the temporary file to disk and renames it over the target.
    pub fn commit(mut self) -> Result<(), ExportError> {
        let io = |source| ExportError::Io {
            path: self.target.clone(),
            source,
        };
        File::open(&self.temp)
            .and_then(|f| f.sync_all())
            .map_err(io)?;
        std::fs::rename(&self.temp, &self.target).map_err(io)?;
        self.committed = true;
        // The rename itself is durable once the folder is synced.
        if let Some(dir) = self.target.parent()
            && let Ok(d) = File::open(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            })
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes one sheet into `pending` (made by [`Pending::create`]) in
/// `format`: the header row, then the rows `fill` sends to the sink. The file
/// replaces the target only if everything succeeded. Returns the number of
/// data rows.
pub fn write_sheet(
    pending: Pending,
    file: File,
    format: Format,
    sheet_name: &str,
    columns: &[Column],
    fill: impl FnOnce(&mut dyn RowSink) -> Result<u64, ExportError>,
) -> Result<u64, ExportError> {
    let out = pending.target().to_path_buf();
    let rows = match format {
        Format::Csv => {
            let mut sink = csv::CsvSink::new(file, columns, &out)?;
            let rows = fill(&mut sink)?;
            sink.finish()?;
            rows
        }
        Format::Xlsx => {
            drop(file);
            let mut sink = xlsx::XlsxSink::new(pending.temp_path(), sheet_name, columns, &out)?;
            let rows = fill(&mut sink)?;
            sink.finish()?;
            rows
        }
    };
    pending.commit()?;
    Ok(rows)
}

/// Local date and time of UTC milliseconds.
pub fn local_datetime(ms: i64) -> Option<NaiveDateTime> {
    use chrono::TimeZone;
    chrono::Local
        .timestamp_millis_opt(ms)
        .single()
        .map(|t| t.naive_local())
}
