//! The Groups view: per residential group, residents, households, who was
//! active this month and modules completed; under the table, a grid of
//! every group's share of households reached for each campaign indicator,
//! side by side, each a compact bar with the ward's target (from
//! `kiosk.toml`) marked `|` and ✓ when the group is there. The grid's
//! groups follow the table's order; on a narrow screen with many groups it
//! shows those around the chosen row.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Desk;
use super::table::{self, Key, TableRow};
use super::today::view_desk;
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::store::instructor::GroupStats;
use crate::ui::app::App;
use crate::ui::layout::Tone;

pub fn columns(_app: &App) -> usize {
    6
}

fn at_target(app: &App, g: &GroupStats) -> usize {
    let target = f64::from(app.settings.instructor.target_percent);
    app.settings
        .instructor
        .indicators
        .iter()
        .filter(|i| g.share(&i.id) >= target)
        .count()
}

pub fn rows(app: &App) -> Vec<TableRow> {
    let Some(d) = view_desk(app) else {
        return Vec::new();
    };
    let Some(groups) = &d.groups else {
        return Vec::new();
    };
    let total = app.settings.instructor.indicators.len();
    let mut rows: Vec<TableRow> = groups
        .iter()
        .map(|g| {
            let reached = at_target(app, g);
            TableRow {
                id: g.group_no.to_string(),
                cells: vec![
                    g.group_no.to_string(),
                    g.residents.to_string(),
                    g.households.to_string(),
                    g.active_this_month.to_string(),
                    g.modules_completed.to_string(),
                    format!("{reached}/{total}"),
                ],
                keys: vec![
                    Key::Num(g.group_no as f64),
                    Key::Num(f64::from(g.residents)),
                    Key::Num(f64::from(g.households)),
                    Key::Num(f64::from(g.active_this_month)),
                    Key::Num(f64::from(g.modules_completed)),
                    Key::Num(reached as f64),
                ],
                tone: Tone::Normal,
            }
        })
        .collect();
    table::sort_rows(&mut rows, d.sort[3]);
    rows
}

/// Lines the share grid needs: its title, its header and one line per
/// indicator.
fn grid_height(app: &App) -> u16 {
    app.settings.instructor.indicators.len() as u16 + 2
}

/// The group table takes what the share grid under it leaves (at least a
/// header and two rows), and no more than its rows need.
pub fn table_area(app: &App, body: Rect) -> Rect {
    let groups = view_desk(app)
        .and_then(|d| d.groups.as_ref())
        .map_or(0, |g| g.len()) as u16;
    let left = body.height.saturating_sub(grid_height(app) + 1);
    let h = (groups + 1).min(left).max(3).min(body.height);
    Rect::new(body.x, body.y, body.width, h)
}

pub fn view(app: &App, d: &Desk, frame: &mut Frame, body: Rect) {
    let t = app.t();
    let theme = app.settings.theme;
    let Some(groups) = &d.groups else {
        frame.render_widget(Paragraph::new(t.ins_loading).style(theme.base()), body);
        return;
    };
    let rows = rows(app);
    let area = table_area(app, body);
    let headers = [
        t.ins_col_group_no,
        t.ins_col_residents,
        t.ins_col_households,
        t.ins_col_active,
        t.ins_col_modules_done,
        t.ins_col_at_target,
    ];
    // Each column as wide as its heading and the sort mark (" ▼"), so no
    // heading is cut at 80 columns ("Active this month").
    let widths: Vec<Constraint> = headers
        .iter()
        .map(|h| Constraint::Length(h.width().max(4) as u16 + 2))
        .collect();
    if !table::draw_or_say(
        app,
        frame,
        area,
        t.ins_groups_none,
        (&headers, &widths),
        &rows,
        d.cursor[3],
        d.sort[3],
    ) {
        return;
    }
    // The groups in the table's order, so the grid reads like the table.
    let ordered: Vec<&GroupStats> = rows
        .iter()
        .filter_map(|r| groups.iter().find(|g| g.group_no.to_string() == r.id))
        .collect();
    let below = Rect::new(
        body.x,
        area.y + area.height + 1,
        body.width,
        body.height.saturating_sub(area.height + 1),
    );
    // Not wrapped: a grid line that wrapped would no longer line up.
    frame.render_widget(
        Paragraph::new(grid(app, &ordered, d.cursor[3], below.width)).style(theme.base()),
        below,
    );
}

/// Where the share grid's columns go at a width: the indicator names, then
/// one column per group shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    pub name_w: usize,
    /// Each group column, its one-space gap included.
    pub cell_w: usize,
    /// The groups shown: `first..first + shown` of the table's order.
    pub first: usize,
    pub shown: usize,
}

/// The narrowest group column: " 100%✓".
const MIN_CELL: usize = 6;
/// The widest: more bar than this does not read better.
const MAX_CELL: usize = 24;

/// Fits `groups` columns beside the indicator names in `width`; when they
/// do not all fit, the ones around the chosen group (`cursor`) are shown.
pub fn grid_columns(app: &App, groups: usize, cursor: usize, width: usize) -> Grid {
    let longest = app
        .settings
        .instructor
        .indicators
        .iter()
        .map(|i| i.name(app.lang).width())
        .max()
        .unwrap_or(0);
    let name_w = (longest + 1).clamp(12, (width * 2 / 5).max(12));
    let room = width.saturating_sub(name_w);
    let fit = (room / MIN_CELL).max(1);
    let shown = groups.min(fit);
    let cell_w = (room / shown.max(1)).clamp(MIN_CELL, MAX_CELL);
    let first = cursor
        .saturating_sub(shown.saturating_sub(1))
        .min(groups - shown.min(groups));
    Grid {
        name_w,
        cell_w,
        first,
        shown,
    }
}

/// One cell: a bar with the target marked (when there is room), the share
/// and ✓ when the group is at the target.
fn cell(share: f64, target: u8, cell_w: usize) -> String {
    let ok = share >= f64::from(target);
    let mark = if ok { "✓" } else { " " };
    let pct = format!("{share:.0}%");
    // gap + bar and its target mark + " 100%" + ✓
    let bar_w = cell_w.saturating_sub(1 + 1 + 5 + 1);
    if bar_w >= 3 {
        format!(" {}{pct:>5}{mark}", bar(share, target, bar_w))
    } else {
        format!("{pct:>w$}{mark}", w = cell_w - 1)
    }
}

/// A bar of `width` cells filled in eighths (so 85% and 96% differ even
/// in four cells), with `|` put in between the cells where the target is.
pub fn bar(percent: f64, target: u8, width: usize) -> String {
    const EIGHTHS: [char; 8] = ['░', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let units = (percent.clamp(0.0, 100.0) / 100.0 * (width * 8) as f64).round() as usize;
    let mark = (f64::from(target.min(100)) / 100.0 * width as f64).round() as usize;
    let mut out = String::new();
    for i in 0..=width {
        if i == mark {
            out.push('|');
        }
        if i < width {
            let filled = units.saturating_sub(i * 8).min(8);
            out.push(if filled == 8 { '█' } else { EIGHTHS[filled] });
        }
    }
    out
}

/// Every group's share of households per indicator, side by side, against
/// the ward's target: one line per indicator, one column per group.
fn grid(app: &App, groups: &[&GroupStats], cursor: usize, width: u16) -> Vec<Line<'static>> {
    let t = app.t();
    let theme = app.settings.theme;
    let target = app.settings.instructor.target_percent;
    let g = grid_columns(app, groups.len(), cursor, width as usize);
    let shown = &groups[g.first..g.first + g.shown];
    let hidden = groups.len() - g.shown;
    let mut title = vec![Span::styled(
        fill(t.ins_share_title, &[("target", &target)]),
        theme.title(),
    )];
    if hidden > 0 {
        title.push(Span::styled(
            format!("  {}", fill(t.ins_share_hidden, &[("n", &hidden)])),
            theme.tone(Tone::Muted),
        ));
    }
    let mut header = vec![Span::styled(
        pad(t.ins_col_indicators, g.name_w),
        theme.tone(Tone::Strong),
    )];
    for (i, grp) in shown.iter().enumerate() {
        let long = fill(t.ins_group_short, &[("n", &grp.group_no)]);
        let label = if long.width() < g.cell_w {
            long
        } else {
            grp.group_no.to_string()
        };
        let style = if g.first + i == cursor {
            theme.focus()
        } else {
            theme.tone(Tone::Strong)
        };
        header.push(Span::raw(" "));
        header.push(Span::styled(
            format!("{label:>w$}", w = g.cell_w - 1),
            style,
        ));
    }
    let mut lines = vec![Line::from(title), Line::from(header)];
    for ind in &app.settings.instructor.indicators {
        let mut spans = vec![Span::styled(
            pad(ind.name(app.lang), g.name_w),
            theme.tone(Tone::Normal),
        )];
        for grp in shown {
            let share = grp.share(&ind.id);
            let tone = if share >= f64::from(target) {
                Tone::Good
            } else {
                Tone::Warning
            };
            spans.push(Span::styled(
                cell(share, target, g.cell_w),
                theme.tone(tone),
            ));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// `text` in exactly `w` columns: cut with "…" or padded with spaces.
fn pad(text: &str, w: usize) -> String {
    let room = w.saturating_sub(1);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > room {
            out.pop();
            out.push('…');
            used = room;
            break;
        }
        out.push(c);
        used += cw;
    }
    format!("{out}{}", " ".repeat(w.saturating_sub(used)))
}
