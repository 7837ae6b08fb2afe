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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Kind;

    fn written(cells: &[Cell]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let file = File::create(&path).unwrap();
        let columns: Vec<Column> = (0..cells.len())
            .map(|i| Column::new(&format!("c{i}"), Kind::Text, 10.0))
            .collect();
        let mut sink = CsvSink::new(file, &columns, &path).unwrap();
        sink.row(cells).unwrap();
        sink.finish().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(BOM));
        String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap()
    }

    #[test]
    fn text_that_looks_like_a_formula_is_neutralised_but_numbers_are_not() {
        let out = written(&[
            Cell::Text("=1+2".into()),
            Cell::Text("+84 912".into()),
            Cell::Text("-x".into()),
            Cell::Text("@SUM(A1)".into()),
            Cell::Text("\tTab".into()),
            Cell::Text("\rCR".into()),
            Cell::Int(-5),
            Cell::Num(-12.25),
            Cell::Int(0),
            Cell::Text("Bà \"Hằng\", tổ 3".into()),
        ]);
        let line = out.lines().nth(1).unwrap();
        assert_eq!(
            line,
            "'=1+2,'+84 912,'-x,'@SUM(A1),'\tTab,\"'\rCR\",-5,-12.3,0,\"Bà \"\"Hằng\"\", tổ 3\""
        );
        assert!(out.ends_with("\r\n"), "RFC 4180 line ends");
    }
}
