//! The Groups view: per residential group, residents, households, who was
//! active this month and modules completed; under the table, the chosen
//! group's campaign indicators as the share of households reached, each with
//! a plain bar and the ward's target from `kiosk.toml`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Desk;
use super::table::{self, Key, TableRow};
use super::today::view_desk;
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

pub fn table_area(body: Rect) -> Rect {
    Rect::new(
        body.x,
        body.y,
        body.width,
        (body.height / 2).max(3.min(body.height)),
    )
}

pub fn view(app: &App, d: &Desk, frame: &mut Frame, body: Rect) {
    let t = app.t();
    let theme = app.settings.theme;
    let Some(groups) = &d.groups else {
        frame.render_widget(Paragraph::new(t.ins_loading).style(theme.base()), body);
        return;
    };
    let rows = rows(app);
    let area = table_area(body);
    let headers = [
        t.ins_col_group_no,
        t.ins_col_residents,
        t.ins_col_households,
        t.ins_col_active,
        t.ins_col_modules_done,
        t.ins_col_at_target,
    ];
    let widths = [
        Constraint::Length(6),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ];
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
    let Some(g) = rows
        .get(d.cursor[3])
        .and_then(|r| groups.iter().find(|g| g.group_no.to_string() == r.id))
    else {
        return;
    };
    let target = app.settings.instructor.target_percent;
    let mut lines = vec![Line::from(Span::styled(
        fill(
            t.ins_group_title,
            &[
                ("group", &g.group_no),
                ("households", &g.households),
                ("target", &target),
            ],
        ),
        theme.title(),
    ))];
    let name_w = (body.width as usize / 3).clamp(16, 34);
    let bar_w = (body.width as usize)
        .saturating_sub(name_w + 22)
        .clamp(10, 50);
    for ind in &app.settings.instructor.indicators {
        let share = g.share(&ind.id);
        let reached = g
            .indicators
            .iter()
            .find(|i| i.indicator == ind.id)
            .map_or(0, |i| i.households);
        let name: String = ind.name(app.lang).chars().take(name_w).collect();
        let pad = name_w.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()));
        let ok = share >= f64::from(target);
        lines.push(Line::from(vec![
            Span::styled(
                format!("{name}{} ", " ".repeat(pad)),
                theme.tone(Tone::Normal),
            ),
            Span::styled(
                table::bar(share, target, bar_w),
                theme.tone(if ok { Tone::Good } else { Tone::Warning }),
            ),
            Span::styled(
                format!(
                    " {share:>3.0}% ({reached}/{}){}",
                    g.households,
                    if ok { " ✓" } else { "" }
                ),
                theme.tone(if ok { Tone::Good } else { Tone::Normal }),
            ),
        ]));
    }
    let below = Rect::new(
        body.x,
        area.y + area.height + 1,
        body.width,
        body.height.saturating_sub(area.height + 1),
    );
    frame.render_widget(super::paragraph(lines, theme.base()), below);
}
