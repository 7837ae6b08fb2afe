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
use crate::ui::layout::Tone;

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

pub(crate) fn view_desk(app: &App) -> Option<&Desk> {
    match &app.screen {
        crate::ui::app::Screen::Instructor(s) => match &s.stage {
            super::Stage::Desk(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

/// The table sits under two lines about the class and the counts.
pub fn table_area(body: Rect) -> Rect {
    Rect::new(
        body.x,
        body.y + 3.min(body.height),
        body.width,
        body.height.saturating_sub(3),
    )
}

pub fn view(app: &App, d: &Desk, frame: &mut Frame, body: Rect) {
    let t = app.t();
    let theme = app.settings.theme;
    let Some(today) = &d.today else {
        frame.render_widget(Paragraph::new(t.ins_loading).style(theme.base()), body);
        return;
    };
    let class = match &today.class {
        Some(c) if c.ended_at.is_none() => Span::styled(
            fill(
                t.ins_class_open,
                &[
                    ("topic", &c.topic),
                    ("instructor", &c.instructor),
                    ("time", &table::clock(c.started_at)),
                ],
            ),
            theme.tone(Tone::Good),
        ),
        Some(c) => Span::styled(
            fill(
                t.ins_class_closed,
                &[
                    ("topic", &c.topic),
                    ("time", &table::clock(c.ended_at.unwrap_or(c.started_at))),
                ],
            ),
            theme.tone(Tone::Normal),
        ),
        None => Span::styled(t.ins_class_none, theme.tone(Tone::Warning)),
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
    let lines = vec![
        Line::from(class),
        Line::from(Span::styled(counts, theme.tone(Tone::Strong))),
    ];
    frame.render_widget(
        Paragraph::new(lines).style(theme.base()),
        Rect::new(body.x, body.y, body.width, 2.min(body.height)),
    );
    let area = table_area(body);
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
    table::draw_or_say(
        app,
        frame,
        area,
        t.ins_today_nobody,
        (&headers, &widths),
        &rows,
        d.cursor[0],
        d.sort[0],
    );
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
    let open_class = d
        .today
        .as_ref()
        .and_then(|t| t.class.as_ref())
        .filter(|c| c.ended_at.is_none())
        .cloned();
    match key.code {
        KeyCode::F(6) => match open_class {
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
