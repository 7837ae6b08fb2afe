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

use std::borrow::Cow;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

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
        let ext = out
            .extension()
            .map(|e| e.to_string_lossy().to_string())
            .unwrap_or_default();
        let by_name = Format::parse(&ext);
        match explicit {
            Some(s) => {
                let format =
                    Format::parse(s).ok_or_else(|| ExportError::UnknownFormat(s.to_string()))?;
                // phuong.csv written as XLSX would not open in Excel.
                match by_name {
                    Some(named) if named != format => Err(ExportError::FormatClash {
                        path: out.to_path_buf(),
                        format: s.to_string(),
                    }),
                    _ => Ok(format),
                }
            }
            None => by_name.ok_or_else(|| ExportError::NoFormat(out.to_path_buf())),
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

/// One typed cell. Text borrows from the row it describes where it can: a
/// million rows should not mean millions of copied names.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(Cow<'a, str>),
    Int(i64),
    Num(f64),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

/// Where rows go: a CSV or XLSX writer. `Send`, because rows are written
/// on their own thread while the store reads the next ones.
pub trait RowSink: Send {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError>;
    /// Writes what is left to the file (the caller syncs and renames it).
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

/// One export as a sheet: its name, its columns, and how one row from the
/// store becomes typed cells (see [`sheets`]).
pub trait Sheet: Sync {
    /// What the store streams for this sheet.
    type Row: Send;
    fn name(&self) -> &'static str;
    fn columns(&self) -> Vec<Column>;
    fn cells<'r>(&'r self, row: &'r Self::Row, out: &mut Vec<Cell<'r>>);
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
    #[error("{} has another format's name: --format {format} would make a file Excel cannot open", .path.display())]
    FormatClash { path: PathBuf, format: String },
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
    /// The finished file could not take the old one's place: on Windows,
    /// most often because the old one is open in Excel.
    #[error("cannot replace {}: {source}", .path.display())]
    Replace {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{rows} rows do not fit in one Excel sheet (at most 1,048,575): export a shorter period or use CSV"
    )]
    TooManyRows { rows: u64 },
    #[error("reading the database failed: {0}")]
    Store(String),
}

/// A failure while streaming rows into a file: the file's own error, or the
/// database's in words.
impl From<crate::store::export::RowsError<ExportError>> for ExportError {
    fn from(e: crate::store::export::RowsError<ExportError>) -> ExportError {
        match e {
            crate::store::export::RowsError::Sink(e) => e,
            other => ExportError::Store(other.to_string()),
        }
    }
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
        let dir = crate::durable::folder_of(target).to_path_buf();
        if !dir.is_dir() {
            return Err(ExportError::NoFolder(dir));
        }
        // Temporary files of an earlier export to this name that was
        // killed outright (Ctrl+C is handled: see `leftovers`).
        let prefix = format!(".{}.", name.to_string_lossy());
        crate::leftovers::sweep(&dir, &prefix, ".tmp");
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
        crate::leftovers::register(&temp);
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
        crate::durable::sync_file(&self.temp).map_err(io)?;
        // Only an old file can be held open (by Excel, on Windows).
        let replacing = self.target.exists();
        std::fs::rename(&self.temp, &self.target).map_err(|source| match replacing {
            true => ExportError::Replace {
                path: self.target.clone(),
                source,
            },
            false => io(source),
        })?;
        self.committed = true;
        crate::leftovers::unregister(&self.temp);
        // The rename itself is durable once the folder is synced; the file
        // is already whole, so a failure here is not the export's.
        let _ = crate::durable::sync_dir(crate::durable::folder_of(&self.target));
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
            // A bundle is written by SQLite, which leaves its rollback
            // journal beside the file when a write fails (a full stick).
            let _ = std::fs::remove_file(crate::durable::with_suffix(&self.temp, "-journal"));
            crate::leftovers::unregister(&self.temp);
        }
    }
}

/// Rows handed from the reading thread to the writing thread at a time,
/// and how many such batches may wait: bounds the memory an export needs,
/// however many rows it has.
const BATCH: usize = 512;
const BATCHES_WAITING: usize = 8;

/// Writes one sheet into `pending` (made by [`Pending::create`]) in
/// `format`: the header row, then every row `produce` sends. The file
/// replaces the target only if everything succeeded. Returns the number of
/// data rows.
///
/// `produce` runs on this thread (it reads the database); turning rows into
/// cells and writing them runs on a second thread, so a large export uses
/// two cores. Whichever side fails first, its error is the one returned.
pub fn write_rows<S: Sheet>(
    sheet: &S,
    pending: Pending,
    file: File,
    format: Format,
    produce: impl FnOnce(&mut dyn FnMut(S::Row) -> Result<(), ExportError>) -> Result<u64, ExportError>,
) -> Result<u64, ExportError> {
    let out = pending.target().to_path_buf();
    let columns = sheet.columns();
    let mut sink: Box<dyn RowSink> = match format {
        Format::Csv => Box::new(csv::CsvSink::new(file, &columns, &out)?),
        Format::Xlsx => {
            drop(file);
            Box::new(xlsx::XlsxSink::new(
                pending.temp_path(),
                sheet.name(),
                &columns,
                &out,
            )?)
        }
    };
    let (tx, rx) = mpsc::sync_channel::<Vec<S::Row>>(BATCHES_WAITING);
    let (produced, written) = std::thread::scope(|scope| {
        let sink = &mut sink;
        let writer = scope.spawn(move || -> Result<(), ExportError> {
            for batch in rx {
                let mut cells = Vec::with_capacity(columns.len());
                for row in &batch {
                    sheet.cells(row, &mut cells);
                    sink.row(&cells)?;
                    cells.clear();
                }
            }
            Ok(())
        });
        let mut batch = Vec::with_capacity(BATCH);
        // The writer stopped (it failed): stop reading; its error is
        // reported below.
        let stopped = || ExportError::Store("the file writer stopped".into());
        let produced = produce(&mut |row| {
            batch.push(row);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                tx.send(full).map_err(|_| stopped())?;
            }
            Ok(())
        })
        .and_then(|n| {
            if !batch.is_empty() {
                tx.send(std::mem::take(&mut batch)).map_err(|_| stopped())?;
            }
            Ok(n)
        });
        drop(tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(ExportError::Store("the file writer crashed".into())));
        (produced, written)
    });
    written?;
    let rows = produced?;
    sink.finish()?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::VI;
    use std::io::Write;

    /// The old file cannot be replaced (on Windows: it is open in Excel;
    /// here: a folder took its name meanwhile). The person is told what to
    /// do, and no temporary file is left behind.
    #[test]
    fn a_file_that_cannot_be_replaced_is_named_with_what_to_do() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("phuong.csv");
        let (pending, mut file) = Pending::create(&target).unwrap();
        file.write_all(b"a,b\r\n").unwrap();
        drop(file);
        std::fs::create_dir_all(target.join("inside")).unwrap();
        let err = pending.commit().unwrap_err();
        assert!(matches!(err, ExportError::Replace { .. }), "{err:?}");
        let said = crate::commands::coordinator_errors::export(err, &VI).to_string();
        assert!(
            said.starts_with(&format!("không thay được tệp {}: ", target.display())),
            "{said}"
        );
        assert!(
            said.contains("hãy đóng nó rồi làm lại. Tệp cũ vẫn còn nguyên"),
            "{said}"
        );
        let left: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the folder: {left:?}");
    }
}
