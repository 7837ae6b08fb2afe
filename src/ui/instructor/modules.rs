//! The Modules view: per module, how many started, completed and passed,
//! and under the table the chosen module's difficult questions (worst
//! first) with the wrong answer people pick most, in the lesson's words.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::table::{self, Key, TableRow};
use super::today::view_desk;
use super::{Desk, Effect};
use crate::i18n::fill;
use crate::lessons::model::{QuestionKind, Response};
use crate::store::instructor::{ModuleStats, QuestionStats};
use crate::ui::app::{App, Effect as AppEffect};
use crate::ui::layout::Tone;

pub const COLUMNS: usize = 5;

/// Every module of the curriculum (in course order) and any module with
/// records that is no longer in the lessons folder.
pub fn rows(app: &App) -> Vec<TableRow> {
    let Some(d) = view_desk(app) else {
        return Vec::new();
    };
    let Some(stats) = &d.modules else {
        return Vec::new();
    };
    let blank = |id: &str| ModuleStats {
        module_id: id.to_string(),
        started: 0,
        completed: 0,
        attempts: 0,
        passed_attempts: 0,
        average_score: None,
    };
    let mut list: Vec<(usize, String, ModuleStats)> = app
        .curriculum
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let s = stats
                .iter()
                .find(|s| s.module_id == m.id)
                .cloned()
                .unwrap_or_else(|| blank(&m.id));
            (i, m.title.get(app.lang).to_string(), s)
        })
        .collect();
    for s in stats {
        if app.curriculum.module(&s.module_id).is_none() {
            list.push((list.len(), s.module_id.clone(), s.clone()));
        }
    }
    let mut rows: Vec<TableRow> = list
        .into_iter()
        .map(|(i, title, s)| TableRow {
            id: s.module_id.clone(),
            cells: vec![
                title,
                s.started.to_string(),
                s.completed.to_string(),
                table::pct(s.pass_rate()),
                table::pct(s.average_score),
            ],
            keys: vec![
                Key::Num(i as f64),
                Key::Num(f64::from(s.started)),
                Key::Num(f64::from(s.completed)),
                s.pass_rate().map_or(Key::None, Key::Num),
                s.average_score.map_or(Key::None, Key::Num),
            ],
            tone: Tone::Normal,
        })
        .collect();
    table::sort_rows(&mut rows, d.sort[2]);
    rows
}

/// Asks for the item analysis of the chosen module when it is not the one
/// on show.
pub fn selection_changed(app: &mut App) -> Vec<AppEffect> {
    let Some(d) = view_desk(app) else {
        return Vec::new();
    };
    let Some(row) = rows(app).into_iter().nth(d.cursor[2]) else {
        return Vec::new();
    };
    if d.questions.as_ref().is_some_and(|(id, _)| *id == row.id) {
        return Vec::new();
    }
    vec![AppEffect::Instructor(Effect::LoadQuestions(row.id))]
}

/// The module table takes the top part, the questions the rest.
pub fn table_area(app: &App, body: Rect) -> Rect {
    let n = app.curriculum.modules.len().max(1) as u16 + 1;
    let h = n.min(body.height / 2).max(3.min(body.height));
    Rect::new(body.x, body.y, body.width, h)
}

/// A response in the lesson's own words.
fn describe(app: &App, module_id: &str, question_id: &str, response: &str) -> String {
    let t = app.t();
    let Some(q) = app
        .curriculum
        .module(module_id)
        .and_then(|m| m.question(question_id))
    else {
        return response.to_string();
    };
    let choice = |i: &usize| {
        q.choices
            .get(*i)
            .map(|c| c.get(app.lang).to_string())
            .unwrap_or_else(|| format!("#{}", i + 1))
    };
    match Response::decode(q.kind, response) {
        Some(Response::Single(i)) => choice(&i),
        Some(Response::Multi(v)) => v.iter().map(choice).collect::<Vec<_>>().join(" + "),
        Some(Response::Order(v)) => v.iter().map(choice).collect::<Vec<_>>().join(" → "),
        Some(Response::TrueFalse(b)) => if b { t.ins_true } else { t.ins_false }.to_string(),
        None if q.kind == QuestionKind::Single => response.to_string(),
        None => response.to_string(),
    }
}

fn question_lines(app: &App, module_id: &str, qs: &[QuestionStats]) -> Vec<Line<'static>> {
    let t = app.t();
    let theme = app.settings.theme;
    let mut lines = Vec::new();
    for q in qs {
        let prompt = app
            .curriculum
            .module(module_id)
            .and_then(|m| m.question(&q.question_id))
            .map(|x| x.prompt.get(app.lang).to_string())
            .unwrap_or_else(|| q.question_id.clone());
        let share = q.correct_share();
        let tone = if share < 50.0 {
            Tone::Bad
        } else {
            Tone::Normal
        };
        lines.push(Line::from(vec![
            Span::styled(
                fill(
                    t.ins_q_right,
                    &[
                        ("pct", &format!("{share:.0}")),
                        ("n", &q.correct),
                        ("total", &q.answers),
                    ],
                ),
                theme.tone(tone),
            ),
            Span::styled(format!("  {prompt}"), theme.tone(Tone::Strong)),
        ]));
        if let Some((resp, n)) = &q.top_wrong {
            lines.push(Line::from(Span::styled(
                fill(
                    t.ins_q_wrong,
                    &[
                        ("answer", &describe(app, module_id, &q.question_id, resp)),
                        ("n", n),
                    ],
                ),
                theme.tone(Tone::Muted),
            )));
        }
    }
    lines
}

pub fn view(app: &App, d: &Desk, frame: &mut Frame, body: Rect) {
    let t = app.t();
    let theme = app.settings.theme;
    if d.modules.is_none() {
        frame.render_widget(Paragraph::new(t.ins_loading).style(theme.base()), body);
        return;
    }
    let rows = rows(app);
    let area = table_area(app, body);
    let headers = [
        t.ins_col_module,
        t.ins_col_started,
        t.ins_col_completed,
        t.ins_col_pass_rate,
        t.ins_col_average,
    ];
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(10),
        Constraint::Length(10),
        Constraint::Length(10),
    ];
    table::draw(
        app,
        frame,
        area,
        (&headers, &widths),
        &rows,
        d.cursor[2],
        d.sort[2],
    );
    let below = Rect::new(
        body.x,
        area.y + area.height + 1,
        body.width,
        body.height.saturating_sub(area.height + 1),
    );
    let chosen = rows.get(d.cursor[2]);
    let mut lines = vec![Line::from(Span::styled(
        fill(
            t.ins_questions_title,
            &[(
                "module",
                &chosen.map(|r| r.cells[0].clone()).unwrap_or_default(),
            )],
        ),
        theme.title(),
    ))];
    match (&d.questions, chosen) {
        (Some((id, qs)), Some(row)) if *id == row.id => {
            if qs.is_empty() {
                lines.push(Line::from(Span::styled(
                    t.ins_questions_none,
                    theme.tone(Tone::Muted),
                )));
            }
            lines.extend(question_lines(app, id, qs));
        }
        _ => lines.push(Line::from(Span::styled(
            t.ins_loading,
            theme.tone(Tone::Muted),
        ))),
    }
    frame.render_widget(super::paragraph(lines, theme.base()), below);
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<AppEffect> {
    match key.code {
        KeyCode::Enter => selection_changed(app),
        _ => Vec::new(),
    }
}
