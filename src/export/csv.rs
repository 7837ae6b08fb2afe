//! CSV for Excel on Windows: UTF-8 with a byte-order mark (without it Excel
//! reads Vietnamese as mojibake), RFC 4180 quoting (the `csv` crate), CRLF
//! line ends, and text cells made safe against formula injection.
//!
//! Rows are written as they arrive through a buffered writer, so memory does
//! not grow with the number of rows.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Timelike};

use super::{Cell, Column, ExportError, RowSink};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A text cell as it must appear in a CSV file: a cell that Excel would read
/// as a formula (it begins with `=`, `+`, `-`, `@`, a tab, CR or LF) gets a
/// leading apostrophe, so `=HYPERLINK(...)` stays text. Only text is
/// neutralised: a negative number is written by [`Cell::Int`] as a number.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if needs_neutralising(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

fn needs_neutralising(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\n')
    )
}

pub struct CsvSink {
    w: csv::Writer<BufWriter<File>>,
    path: PathBuf,
    buf: String,
    rows: u64,
}

/// Every this many rows, the disk is asked to start writing what the file
/// has so far, so that the sync at the end has less left to wait for (a
/// million rows are 150 MB; on the benchmark machine the final sync took
/// 0.39 s without this and 0.24 s with it).
const WRITEBACK_EVERY: u64 = 1 << 15;

/// Starts writing the file's dirty pages to disk, without waiting (Linux;
/// elsewhere the final sync does all of it).
fn start_writeback(file: &File) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: a plain system call on a descriptor we own; it reads no
        // memory of ours. A failure only means the final sync does the work.
        unsafe {
            libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = file;
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
            rows: 0,
        };
        let headers: Vec<Cell> = columns
            .iter()
            .map(|c| Cell::Text(c.header.as_str().into()))
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

    /// Writes everything buffered to the file. Syncing it to disk is
    /// [`super::Pending::commit`]'s, once, for both formats.
    fn flush(self) -> Result<(), ExportError> {
        let path = self.path.clone();
        let inner = self.w.into_inner().map_err(|e| ExportError::Io {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        inner.into_inner().map(drop).map_err(|e| ExportError::Io {
            path,
            source: e.into_error(),
        })
    }
}

impl RowSink for CsvSink {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        use std::fmt::Write as _;
        for cell in cells {
            self.buf.clear();
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => {
                    if needs_neutralising(t) {
                        self.buf.push('\'');
                    }
                    self.buf.push_str(t);
                }
                Cell::Int(n) => {
                    let _ = write!(self.buf, "{n}");
                }
                Cell::Num(x) => {
                    let _ = write!(self.buf, "{}", (x * 10.0).round() / 10.0);
                }
                Cell::Date(d) => push_date(&mut self.buf, *d),
                Cell::DateTime(t) => {
                    push_date(&mut self.buf, t.date());
                    self.buf.push(' ');
                    push_2(&mut self.buf, t.hour());
                    self.buf.push(':');
                    push_2(&mut self.buf, t.minute());
                }
            }
            if let Err(e) = self.w.write_field(&self.buf) {
                return Err(self.err(e));
            }
        }
        if let Err(e) = self.w.write_record(None::<&[u8]>) {
            return Err(self.err(e));
        }
        self.rows += 1;
        if self.rows.is_multiple_of(WRITEBACK_EVERY) {
            start_writeback(self.w.get_ref().get_ref());
        }
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.flush()
    }
}

/// Two digits, zero-padded (`format!("{:02}")` parses its format on every
/// call: a million rows have two million times).
fn push_2(buf: &mut String, n: u32) {
    buf.push(char::from(b'0' + (n / 10 % 10) as u8));
    buf.push(char::from(b'0' + (n % 10) as u8));
}

/// `YYYY-MM-DD`, as Excel reads a date in any locale.
fn push_date(buf: &mut String, d: NaiveDate) {
    let y = d.year();
    if (0..=9999).contains(&y) {
        push_2(buf, (y / 100) as u32);
        push_2(buf, (y % 100) as u32);
        buf.push('-');
        push_2(buf, d.month());
        buf.push('-');
        push_2(buf, d.day());
    } else {
        use std::fmt::Write as _;
        let _ = write!(buf, "{}", d.format("%Y-%m-%d"));
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
        Box::new(sink).finish().unwrap();
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

    #[test]
    fn dates_and_times_are_written_as_excel_reads_them() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let out = written(&[
            Cell::Date(day(2026, 3, 2)),
            Cell::Date(day(987, 12, 31)),
            Cell::DateTime(day(2026, 11, 30).and_hms_opt(7, 5, 59).unwrap()),
            Cell::DateTime(day(2026, 1, 1).and_hms_opt(23, 0, 0).unwrap()),
        ]);
        assert_eq!(
            out.lines().nth(1).unwrap(),
            "2026-03-02,0987-12-31,2026-11-30 07:05,2026-01-01 23:00"
        );
    }
}
