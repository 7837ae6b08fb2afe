//! CSV for Excel on Windows: UTF-8 with a byte-order mark (without it Excel
//! reads Vietnamese as mojibake), RFC 4180 quoting (the `csv` crate), CRLF
//! line ends, and text cells made safe against formula injection.
//!
//! Rows are written as they arrive through a buffered writer, so memory does
//! not grow with the number of rows.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{Cell, Column, ExportError, RowSink};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A text cell as it must appear in a CSV file: a cell that Excel would read
/// as a formula (it begins with `=`, `+`, `-`, `@`, a tab, CR or LF) gets a
/// leading apostrophe, so `=HYPERLINK(...)` stays text. Only text is
/// neutralised: a negative number is written by [`Cell::Int`] as a number.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => format!("'{text}").into(),
        _ => text.into(),
    }
}

pub struct CsvSink {
    w: csv::Writer<BufWriter<File>>,
    path: PathBuf,
    buf: String,
}

impl CsvSink {
    /// Writes the BOM and the header row.
    pub fn new(file: File, columns: &[Column], path: &Path) -> Result<CsvSink, ExportError> {
        let mut out = BufWriter::with_capacity(1 << 16, file);
        out.write_all(BOM).map_err(|source| ExportError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        let mut sink = CsvSink {
            w,
            path: path.to_path_buf(),
            buf: String::new(),
        };
        let headers: Vec<Cell> = columns
            .iter()
            .map(|c| Cell::Text(c.header.clone()))
            .collect();
        sink.row(&headers)?;
        Ok(sink)
    }

    fn err(&self, e: csv::Error) -> ExportError {
        let source = match e.into_kind() {
            csv::ErrorKind::Io(io) => io,
            other => std::io::Error::other(format!("{other:?}")),
        };
        ExportError::Io {
            path: self.path.clone(),
            source,
        }
    }

    /// Flushes everything to the file (the caller syncs and renames it).
    pub fn finish(self) -> Result<(), ExportError> {
        let path = self.path.clone();
        let inner = self.w.into_inner().map_err(|e| ExportError::Io {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        inner
            .into_inner()
            .map_err(|e| ExportError::Io {
                path: path.clone(),
                source: e.into_error(),
            })?
            .sync_all()
            .map_err(|source| ExportError::Io { path, source })
    }
}

impl RowSink for CsvSink {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        use std::fmt::Write as _;
        for cell in cells {
            self.buf.clear();
            let field: &str = match cell {
                Cell::Empty => "",
                Cell::Text(t) => {
                    let safe = neutralise(t);
                    self.buf.push_str(&safe);
                    &self.buf
                }
                Cell::Int(n) => {
                    let _ = write!(self.buf, "{n}");
                    &self.buf
                }
                Cell::Num(x) => {
                    let _ = write!(self.buf, "{}", (x * 10.0).round() / 10.0);
                    &self.buf
                }
                Cell::Date(d) => {
                    let _ = write!(self.buf, "{}", d.format("%Y-%m-%d"));
                    &self.buf
                }
                Cell::DateTime(t) => {
                    let _ = write!(self.buf, "{}", t.format("%Y-%m-%d %H:%M"));
                    &self.buf
                }
            };
            if let Err(e) = self.w.write_field(field) {
                return Err(self.err(e));
            }
        }
        if let Err(e) = self.w.write_record(None::<&[u8]>) {
            return Err(self.err(e));
        }
        Ok(())
    }
}
