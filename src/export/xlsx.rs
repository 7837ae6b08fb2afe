//! XLSX with rust_xlsxwriter: a bold, frozen header row with an autofilter,
//! column widths that fit the content, real dates (a date format on a date
//! serial, so Excel sorts and filters them as dates), numbers as numbers, and
//! text always through `write_string`, which Excel never evaluates.
//!
//! The worksheet is in rust_xlsxwriter's constant-memory mode: each row goes
//! to a temporary file in the target's folder as soon as the next row starts.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use super::{Cell, Column, ExportError, Kind, RowSink};

/// Excel's last row index (0-based) is 1,048,575; row 0 is the header.
const MAX_ROW: u32 = 1_048_575;

pub struct XlsxSink {
    book: Workbook,
    temp: PathBuf,
    target: PathBuf,
    columns: usize,
    next_row: u32,
    rows: u64,
    date: Format,
    datetime: Format,
    decimal: Format,
}

fn excel_epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a valid date")
}

std::thread_local! {
    /// Set while this thread runs a guarded rust_xlsxwriter call.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, a call into rust_xlsxwriter, turning a panic into an error.
///
/// In constant-memory mode rust_xlsxwriter panics ("Couldn't write to xml
/// file: Os { code: 28, … }") when its spill file cannot be written, as on
/// a full USB stick. The coordinator then saw a Rust panic and "reading the
/// database failed"; this makes it the same one-line write error as a CSV
/// gets (the disk is full), and keeps the panic's own message off the
/// screen.
fn guarded<T>(target: &Path, f: impl FnOnce() -> Result<T, XlsxError>) -> Result<T, ExportError> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    match result {
        Ok(r) => r.map_err(|e| ExportError::Xlsx {
            path: target.to_path_buf(),
            message: e.to_string(),
        }),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("the XLSX writer stopped");
            Err(ExportError::Io {
                path: target.to_path_buf(),
                source: os_error_in(message),
            })
        }
    }
}

/// The system error a panic message quotes (`Os { code: 28, … }`), so it is
/// said in the kiosk's words ("the disk is full"); else the message itself.
fn os_error_in(message: &str) -> std::io::Error {
    message
        .split_once("Os { code: ")
        .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|code| code.parse::<i32>().ok())
        .map(std::io::Error::from_raw_os_error)
        .unwrap_or_else(|| std::io::Error::other(message.to_string()))
}

/// The Excel serial number of a local date and time (days since 1899-12-30).
pub fn serial(t: NaiveDateTime) -> f64 {
    (t - excel_epoch()).num_milliseconds() as f64 / 86_400_000.0
}

impl XlsxSink {
    /// Starts a workbook that will be saved to `temp`; messages name `target`.
    pub fn new(
        temp: &Path,
        sheet_name: &str,
        columns: &[Column],
        target: &Path,
    ) -> Result<XlsxSink, ExportError> {
        let xerr = |e: XlsxError| ExportError::Xlsx {
            path: target.to_path_buf(),
            message: e.to_string(),
        };
        let mut book = Workbook::new();
        // Keep the constant-memory spill file on the target's disk rather
        // than a possibly small /tmp.
        if let Some(dir) = temp.parent() {
            book.set_tempdir(dir).map_err(xerr)?;
        }
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color("#DDEBF7");
        let sheet = book.add_worksheet_with_constant_memory().map_err(xerr)?;
        sheet.set_name(sheet_name).map_err(xerr)?;
        for (i, c) in columns.iter().enumerate() {
            let col = i as u16;
            sheet.set_column_width(col, c.width).map_err(xerr)?;
            sheet
                .write_string_with_format(0, col, &c.header, &header)
                .map_err(xerr)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(xerr)?;
        Ok(XlsxSink {
            book,
            temp: temp.to_path_buf(),
            target: target.to_path_buf(),
            columns: columns.len(),
            next_row: 1,
            rows: 0,
            date: Format::new().set_num_format("dd/mm/yyyy"),
            datetime: Format::new().set_num_format("dd/mm/yyyy hh:mm"),
            decimal: Format::new().set_num_format("0.0"),
        })
    }

    /// Adds the autofilter over every written row and saves the workbook.
    fn save(mut self) -> Result<(), ExportError> {
        let last_row = self.next_row.saturating_sub(1);
        let last_col = self.columns.saturating_sub(1) as u16;
        let (book, temp) = (&mut self.book, &self.temp);
        guarded(&self.target, || {
            let sheet = book.worksheet_from_index(0)?;
            sheet.autofilter(0, 0, last_row, last_col)?;
            book.save(temp)
        })
    }
}

impl RowSink for XlsxSink {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        if self.next_row > MAX_ROW {
            return Err(ExportError::TooManyRows {
                rows: self.rows + 1,
            });
        }
        let row = self.next_row;
        let (date, datetime, decimal) = (&self.date, &self.datetime, &self.decimal);
        let book = &mut self.book;
        guarded(&self.target, || {
            let sheet = book.worksheet_from_index(0)?;
            for (i, cell) in cells.iter().enumerate() {
                let col = i as u16;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        sheet.write_string(row, col, t.as_ref())?;
                    }
                    Cell::Int(n) => {
                        sheet.write_number(row, col, *n as f64)?;
                    }
                    Cell::Num(x) => {
                        sheet.write_number_with_format(row, col, *x, decimal)?;
                    }
                    Cell::Date(d) => {
                        let t = d.and_hms_opt(0, 0, 0).expect("midnight exists");
                        let v = ExcelDateTime::from_serial_datetime(serial(t))?;
                        sheet.write_datetime_with_format(row, col, &v, date)?;
                    }
                    Cell::DateTime(t) => {
                        let v = ExcelDateTime::from_serial_datetime(serial(*t))?;
                        sheet.write_datetime_with_format(row, col, &v, datetime)?;
                    }
                }
            }
            Ok::<(), XlsxError>(())
        })?;
        self.next_row += 1;
        self.rows += 1;
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.save()
    }
}

/// A sensible width for a column of `kind` whose header is `header`.
pub fn width_for(kind: Kind, header: &str) -> f64 {
    let content: f64 = match kind {
        Kind::Text => 14.0,
        Kind::Integer | Kind::Decimal => 8.0,
        Kind::Date => 11.0,
        Kind::DateTime => 16.0,
    };
    // Headers wrap onto at most three lines.
    let header = (header.chars().count() as f64 / 3.0).ceil() + 2.0;
    content.max(header).min(60.0)
}
