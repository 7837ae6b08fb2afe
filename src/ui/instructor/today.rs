//! The Today view: the class session (open and close it), who signed in
//! today and where, what each learner is on, and who needs help (shown
//! first).

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::forms::{ClassForm, Confirm, Modal};
use super::table::{self, Key, TableRow};
use super::{Desk, Note, desk};
use crate::i18n::{Texts, fill};
use crate::store::instructor::{Activity, HelpReason, TodayLearner};
use crate::ui::app::{App, Effect as AppEffect};
use crate::ui::layout::{Tone, wrap};

pub const COLUMNS: usize = 6;
/// Sorting by "needs help" (most reasons first) is how the view opens.
pub const HELP_COLUMN: usize = 5;

fn title(app: &App, id: &str) -> String {
    app.curriculum
        .module(id)
        .map(|m| m.title.get(app.lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// What a learner is on, in words.
pub fn activity_text(app: &App, a: &Option<Activity>) -> String {
    let t = app.t();
    match a {
        None => t.ins_on_nothing.to_string(),
        Some(Activity::Page {
            module_id, step, ..
        }) => {
            let total = app
                .curriculum
                .module(module_id)
                .map(|m| m.steps.len().to_string())
                .unwrap_or_else(|| "?".into());
            fill(
                t.ins_on_page,
                &[
                    ("n", &(step + 1)),
                    ("total", &total),
                    ("module", &title(app, module_id)),
                ],
            )
        }
        Some(Activity::Quiz {
            module_id,
            answered,
            ..
        }) => fill(
            t.ins_on_quiz,
            &[("n", answered), ("module", &title(app, module_id))],
        ),
        Some(Activity::Finished {
            module_id,
            score,
            passed,
            ..
        }) => fill(
            if *passed {
                t.ins_on_passed
            } else {
                t.ins_on_failed
            },
            &[("score", score), ("module", &title(app, module_id))],
        ),
    }
}

pub fn help_text(app: &App, l: &TodayLearner) -> String {
    let t = app.t();
    l.help
        .iter()
        .map(|h| match h {
            HelpReason::Stuck { minutes } => fill(t.ins_help_stuck, &[("minutes", minutes)]),
            HelpReason::LeftIdle => t.ins_help_left_idle.to_string(),
            HelpReason::FailedQuiz {
                module_id,
                failures,
            } => fill(
                t.ins_help_failed,
                &[("n", failures), ("module", &title(app, module_id))],
            ),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rows in their shown order.
pub fn rows(app: &App) -> Vec<TableRow> {
    let Some(d) = view_desk(app) else {
        return Vec::new();
    };
    let Some(today) = &d.today else {
        return Vec::new();
    };
    let mut rows: Vec<TableRow> = today
        .learners
        .iter()
        .map(|l| TableRow {
            id: l.resident_id.clone(),
            cells: vec![
                l.full_name.clone(),
                l.group_no.to_string(),
                if l.signed_in {
                    l.seat.clone()
                } else {
                    format!("({})", l.seat)
                },
                table::clock(l.first_in),
                activity_text(app, &l.activity),
                help_text(app, l),
            ],
            keys: vec![
                Key::Text(crate::text::fold(&l.full_name)),
                Key::Num(l.group_no as f64),
                Key::Text(l.seat.clone()),
                Key::Num(l.first_in as f64),
                Key::Text(activity_text(app, &l.activity)),
                Key::Num(l.help.len() as f64),
            ],
            tone: if l.needs_help() {
                Tone::Warning
            } else if l.signed_in {
                Tone::Normal
            } else {
                Tone::Muted
            },
        })
        .collect();
    table::sort_rows(&mut rows, d.sort[0]);
    rows
}

/// The resident on the chosen row.
pub fn chosen_id(app: &App) -> Option<String> {
    let d = view_desk(app)?;
    rows(app).get(d.cursor[0]).map(|r| r.id.clone())
}

/// Moves the cursor to `id`'s row, wherever the sort has put it.
pub fn choose(app: &mut App, id: &str) {
    let Some(i) = rows(app).iter().position(|r| r.id == id) else {
        return;
    };
    if let Some(d) = desk(app) {
        d.cursor[0] = i;
    }
}

pub(crate) fn view_desk(app: &App) -> Option<&Desk> {
    match &app.screen {
        crate::ui::app::Screen::Instructor(s) => match &s.stage {
            super::Stage::Desk(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

/// The lines above the table: the class, then the day's counts, each
/// wrapped to the width (a narrow screen must not cut the counts off).
fn top_lines(app: &App, body: Rect) -> Vec<(String, Tone)> {
    let t = app.t();
    let Some(today) = view_desk(app).and_then(|d| d.today.as_ref()) else {
        return Vec::new();
    };
    let class = match &today.class {
        Some(c) if c.ended_at.is_none() => (
            fill(
                t.ins_class_open,
                &[
                    ("topic", &c.topic),
                    ("instructor", &c.instructor),
                    ("time", &table::clock(c.started_at)),
                ],
            ),
            Tone::Good,
        ),
        Some(c) => (
            fill(
                t.ins_class_closed,
                &[
                    ("topic", &c.topic),
                    ("time", &table::clock(c.ended_at.unwrap_or(c.started_at))),
                ],
            ),
            Tone::Normal,
        ),
        None => (t.ins_class_none.to_string(), Tone::Warning),
    };
    let here = today.learners.iter().filter(|l| l.signed_in).count();
    let help = today.learners.iter().filter(|l| l.needs_help()).count();
    let counts = fill(
        t.ins_today_counts,
        &[
            ("day", &table::day(&today.day)),
            ("came", &today.learners.len()),
            ("here", &here),
            ("help", &help),
        ],
    );
    [class, (counts, Tone::Strong)]
        .into_iter()
        .flat_map(|(text, tone)| {
            wrap(&text, usize::from(body.width))
                .into_iter()
                .map(move |l| (l, tone))
        })
        .collect()
}

/// Lines under the table for the chosen learner, in full: the table's
/// columns cut long module names on a narrow screen.
const DETAIL_LINES: u16 = 2;

/// The table: under the top lines and a blank line, over the chosen
/// learner's details when the screen has room for them.
pub fn table_area(app: &App, body: Rect) -> Rect {
    let top = (top_lines(app, body).len() as u16 + 1).min(body.height);
    let detail = if body.height >= 12 { DETAIL_LINES } else { 0 };
    Rect::new(
        body.x,
        body.y + top,
        body.width,
        body.height.saturating_sub(top + detail),
    )
}

/// "Lê Văn Quý: Trang 1/10 · Làm quen với điện thoại · Cần giúp: …".
fn detail(app: &App, d: &Desk) -> Option<(String, Tone)> {
    let id = rows(app).get(d.cursor[0])?.id.clone();
    let l = d
        .today
        .as_ref()?
        .learners
        .iter()
        .find(|l| l.resident_id == id)?;
    let mut text = format!("{}: {}", l.full_name, activity_text(app, &l.activity));
    if l.needs_help() {
        text.push_str(&format!(
            " · {}: {}",
            app.t().ins_col_help,
            help_text(app, l)
        ));
    }
    Some((
        text,
        if l.needs_help() {
            Tone::Warning
        } else {
            Tone::Normal
        },
    ))
}

pub fn view(app: &App, d: &Desk, frame: &mut Frame, body: Rect) {
    let t = app.t();
    let theme = app.settings.theme;
    if d.today.is_none() {
        frame.render_widget(Paragraph::new(t.ins_loading).style(theme.base()), body);
        return;
    }
    let top: Vec<Line> = top_lines(app, body)
        .into_iter()
        .map(|(text, tone)| Line::from(Span::styled(text, theme.tone(tone))))
        .collect();
    let area = table_area(app, body);
    frame.render_widget(
        Paragraph::new(top).style(theme.base()),
        Rect::new(body.x, body.y, body.width, area.y - body.y),
    );
    let rows = rows(app);
    let headers = [
        t.ins_col_name,
        t.ins_col_group,
        t.ins_col_seat,
        t.ins_col_arrived,
        t.ins_col_now,
        t.ins_col_help,
    ];
    let wide = body.width >= 120;
    let widths = [
        Constraint::Length(if wide { 26 } else { 18 }),
        Constraint::Length(4),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Fill(3),
        Constraint::Fill(2),
    ];
    let shown = table::draw_or_say(
        app,
        frame,
        area,
        t.ins_today_nobody,
        (&headers, &widths),
        &rows,
        d.cursor[0],
        d.sort[0],
    );
    let below = Rect::new(
        body.x,
        area.y + area.height,
        body.width,
        (body.y + body.height).saturating_sub(area.y + area.height),
    );
    if shown
        && below.height > 0
        && let Some((text, tone)) = detail(app, d)
    {
        let mut lines = wrap(&text, usize::from(body.width));
        lines.truncate(usize::from(below.height));
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.tone(tone))))
            .collect();
        frame.render_widget(Paragraph::new(lines).style(theme.base()), below);
    }
}

pub fn footer_keys(t: &Texts, add: &mut dyn FnMut(&str, &str)) {
    add("F6", t.ins_do_attendance);
    add("F7", t.ins_do_open_class);
    add("F8", t.ins_do_close_class);
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<AppEffect> {
    let Some(d) = desk(app) else {
        return Vec::new();
    };
    // Today's newest class, open or closed: a wrong mark noticed after
    // closing can still be put right (the newest mark counts).
    let class = d.today.as_ref().and_then(|t| t.class.clone());
    let open_class = class.clone().filter(|c| c.ended_at.is_none());
    match key.code {
        KeyCode::F(6) => match class {
            Some(c) => super::room::open(app, c),
            None => {
                d.note = Some(Note::NeedClass);
                Vec::new()
            }
        },
        KeyCode::F(7) => {
            let name = d
                .today
                .as_ref()
                .and_then(|t| t.class.as_ref())
                .map(|c| c.instructor.clone())
                .unwrap_or_default();
            let ends = open_class.map(|c| c.topic);
            d.modal = Some(Modal::Class(ClassForm::new(name, ends)));
            Vec::new()
        }
        KeyCode::F(8) => {
            match open_class {
                Some(c) => d.modal = Some(Modal::Confirm(Confirm::CloseClass(c.id))),
                None => d.note = Some(Note::NeedClass),
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
