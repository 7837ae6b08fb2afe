//! The sortable table every view uses: rows carry a sort key per column,
//! Tab picks the column, Shift-Tab turns the order around, and the chosen
//! row is always scrolled into view. Where the table starts scrolling is
//! computed here, the same way for drawing and for clicks.

use std::cmp::Ordering;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::ui::app::App;
use crate::ui::layout::Tone;

/// The sort of one view's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub column: usize,
    pub descending: bool,
}

impl Sort {
    /// The next column; numbers read best from the largest, so a new column
    /// starts descending except the first (names).
    pub fn next_column(self, columns: usize) -> Sort {
        let column = (self.column + 1) % columns.max(1);
        Sort {
            column,
            descending: column != 0,
        }
    }
}

/// A value to sort by.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    Num(f64),
    Text(String),
    /// No value: always last.
    None,
}

impl Key {
    fn cmp(&self, other: &Key) -> Ordering {
        match (self, other) {
            (Key::Num(a), Key::Num(b)) => a.partial_cmp(b).unwrap_or(Ordering::Equal),
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            (Key::None, Key::None) => Ordering::Equal,
            (Key::None, _) => Ordering::Greater,
            (_, Key::None) => Ordering::Less,
            (Key::Num(_), Key::Text(_)) => Ordering::Less,
            (Key::Text(_), Key::Num(_)) => Ordering::Greater,
        }
    }
}

/// One row: what each cell shows, what each column sorts by, and a tone
/// for the whole row (for "needs help").
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub id: String,
    pub cells: Vec<String>,
    pub keys: Vec<Key>,
    pub tone: Tone,
}

/// Sorts rows by `sort` (stable, so ties keep the order they came in).
pub fn sort_rows(rows: &mut [TableRow], sort: Sort) {
    rows.sort_by(|a, b| {
        let (ka, kb) = (a.keys.get(sort.column), b.keys.get(sort.column));
        let ord = match (ka, kb) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => Ordering::Equal,
        };
        // "No value" stays last whichever way the column is turned.
        let none = matches!(ka, Some(Key::None)) || matches!(kb, Some(Key::None));
        if sort.descending && !none {
            ord.reverse()
        } else {
            ord
        }
    });
}

/// The first row shown so that `cursor` is visible in `height` rows.
pub fn offset(cursor: usize, rows: usize, height: usize) -> usize {
    if height == 0 || rows <= height {
        return 0;
    }
    cursor.saturating_sub(height - 1).min(rows - height)
}

/// Which row (index into the shown order) a click on line `y` is, for a
/// table drawn in `area` (one header line).
pub fn row_at(area: Rect, cursor: usize, rows: usize, y: u16) -> Option<usize> {
    let first = area.y + 1;
    if y < first || y >= area.y + area.height {
        return None;
    }
    let height = area.height.saturating_sub(1) as usize;
    let i = offset(cursor, rows, height) + (y - first) as usize;
    (i < rows).then_some(i)
}

/// Draws `rows` with `headers`; the sorted column is marked ▲ or ▼.
/// Draws the table, or says `empty` in muted text when it has no rows
/// (every view shows an empty table the same way). Returns whether there
/// were rows.
#[allow(clippy::too_many_arguments)]
pub fn draw_or_say(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    empty: &str,
    columns: (&[&str], &[Constraint]),
    rows: &[TableRow],
    cursor: usize,
    sort: Sort,
) -> bool {
    if rows.is_empty() {
        let muted = app.settings.theme.tone(Tone::Muted);
        frame.render_widget(Paragraph::new(empty).style(muted), area);
        return false;
    }
    draw(app, frame, area, columns, rows, cursor, sort);
    true
}

pub fn draw(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    (headers, widths): (&[&str], &[Constraint]),
    rows: &[TableRow],
    cursor: usize,
    sort: Sort,
) {
    let theme = app.settings.theme;
    // A column given no width is left out, with the space between columns
    // it would still take.
    let keep = |i: &usize| widths.get(*i) != Some(&Constraint::Length(0));
    let header = Row::new(
        headers
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(i))
            .map(|(i, h)| {
                let mark = if i == sort.column {
                    if sort.descending { " ▼" } else { " ▲" }
                } else {
                    ""
                };
                Cell::from(format!("{h}{mark}"))
            }),
    )
    .style(theme.tone(Tone::Strong));
    let body = rows.iter().map(|r| {
        Row::new(
            r.cells
                .iter()
                .enumerate()
                .filter(|(i, _)| keep(i))
                .map(|(_, c)| Cell::from(Line::from(c.clone()))),
        )
        .style(theme.tone(r.tone))
    });
    let height = area.height.saturating_sub(1) as usize;
    let mut state = TableState::new()
        .with_offset(offset(cursor, rows.len(), height))
        .with_selected((!rows.is_empty()).then_some(cursor.min(rows.len() - 1)));
    let widths: Vec<Constraint> = widths
        .iter()
        .filter(|w| **w != Constraint::Length(0))
        .copied()
        .collect();
    let table = Table::new(body, widths)
        .header(header)
        .style(theme.base())
        .row_highlight_style(theme.focus())
        .column_spacing(1);
    frame.render_stateful_widget(table, area, &mut state);
}

/// A percentage for a cell: "62%", or "–" when there is nothing to count.
pub fn pct(v: Option<f64>) -> String {
    match v {
        Some(v) => format!("{:.0}%", v),
        None => "–".to_string(),
    }
}

/// A local clock time "HH:MM" for a UTC-ms instant.
pub fn clock(at_ms: i64) -> String {
    use chrono::TimeZone;
    chrono::Local
        .timestamp_millis_opt(at_ms)
        .single()
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default()
}

/// The one way a date is shown on screen: day/month/year ("30/11/2026"),
/// as Vietnamese readers write it, in both languages. Files and exports
/// keep ISO dates (2026-11-30); only screens use this.
pub fn show_date(day: chrono::NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// The local date of a UTC-ms instant, for the screen.
pub fn date(at_ms: i64) -> String {
    use chrono::TimeZone;
    chrono::Local
        .timestamp_millis_opt(at_ms)
        .single()
        .map(|t| show_date(t.date_naive()))
        .unwrap_or_default()
}

/// A stored ISO day ("2026-11-30"), for the screen; kept as it is if it
/// is not one.
pub fn day(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(show_date)
        .unwrap_or_else(|_| iso.to_string())
}
