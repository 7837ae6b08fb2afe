//! The Residents view: every resident with their learning at a glance,
//! found with the same accent-free search as the sign-in screen; from here
//! the instructor corrects details, records indicators, registers someone
//! new or forgets someone.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::effects::SearchBox;
use super::forms::{Confirm, IndicatorForm, Modal, ResidentForm};
use super::table::{self, Key, TableRow};
use super::today::view_desk;
use super::{Desk, Effect, close, desk};
use crate::i18n::{Texts, fill};
use crate::store::instructor::ResidentSummary;
use crate::ui::app::{App, Effect as AppEffect};
use crate::ui::layout::Tone;

pub const COLUMNS: usize = 10;

/// The summaries in the shown order: search rank while searching by name,
/// otherwise the chosen sort.
pub fn shown(app: &App) -> Vec<&ResidentSummary> {
    let Some(d) = view_desk(app) else {
        return Vec::new();
    };
    let Some(all) = &d.residents else {
        return Vec::new();
    };
    match (&d.found, d.search.trim().is_empty()) {
        (Some(ids), false) => {
            let by_id: HashMap<&str, &ResidentSummary> =
                all.iter().map(|r| (r.id.as_str(), r)).collect();
            ids.iter()
                .filter_map(|id| by_id.get(id.as_str()).copied())
                .collect()
        }
        (None, false) => Vec::new(),
        _ => all.iter().collect(),
    }
}

pub fn rows(app: &App) -> Vec<TableRow> {
    let Some(d) = view_desk(app) else {
        return Vec::new();
    };
    let t = app.t();
    let total = app.settings.instructor.indicators.len();
    let mut rows: Vec<TableRow> = shown(app)
        .into_iter()
        .map(|r| {
            // A count, at every width: the ids are English slugs, and the
            // names are too long to list; F6 shows them one by one.
            let indicators = format!("{}/{}", r.indicators.len(), total);
            let score = |s: Option<u8>| s.map(|s| format!("{s}%")).unwrap_or_else(|| "–".into());
            let num = |v: Option<u8>| v.map_or(Key::None, |v| Key::Num(f64::from(v)));
            TableRow {
                id: r.id.clone(),
                cells: vec![
                    r.full_name.clone(),
                    r.group_no.to_string(),
                    r.birth_year.map(|y| y.to_string()).unwrap_or_default(),
                    r.modules_done.to_string(),
                    score(r.best_score),
                    score(r.last_score.as_ref().map(|(_, s)| *s)),
                    r.attempts.to_string(),
                    r.attendance.to_string(),
                    r.last_seen
                        .map(table::date)
                        .unwrap_or_else(|| t.ins_never.to_string()),
                    indicators,
                ],
                keys: vec![
                    Key::Text(crate::text::fold(&r.full_name)),
                    Key::Num(r.group_no as f64),
                    r.birth_year.map_or(Key::None, |y| Key::Num(f64::from(y))),
                    Key::Num(f64::from(r.modules_done)),
                    num(r.best_score),
                    num(r.last_score.as_ref().map(|(_, s)| *s)),
                    Key::Num(f64::from(r.attempts)),
                    Key::Num(f64::from(r.attendance)),
                    r.last_seen.map_or(Key::None, |v| Key::Num(v as f64)),
                    Key::Num(r.indicators.len() as f64),
                ],
                tone: Tone::Normal,
            }
        })
        .collect();
    let searching = !d.search.trim().is_empty();
    if !(searching && d.sort[1].column == 0 && !d.sort[1].descending) {
        table::sort_rows(&mut rows, d.sort[1]);
    }
    rows
}

pub fn table_area(body: Rect) -> Rect {
    Rect::new(
        body.x,
        body.y + 2.min(body.height),
        body.width,
        body.height.saturating_sub(2),
    )
}

pub fn view(app: &App, d: &Desk, frame: &mut Frame, body: Rect) {
    let t = app.t();
    let theme = app.settings.theme;
    let Some(all) = &d.residents else {
        frame.render_widget(Paragraph::new(t.ins_loading).style(theme.base()), body);
        return;
    };
    let rows = rows(app);
    let count = if d.search.trim().is_empty() {
        fill(t.ins_residents_count, &[("n", &all.len())])
    } else {
        fill(t.ins_residents_found, &[("n", &rows.len())])
    };
    let line = Line::from(vec![
        Span::styled(format!("{} ", t.ins_search), theme.tone(Tone::Strong)),
        Span::styled(format!("[{}▏]", d.search), theme.focus()),
        Span::styled(format!("  {count}"), theme.tone(Tone::Muted)),
    ]);
    frame.render_widget(
        Paragraph::new(line).style(theme.base()),
        Rect::new(body.x, body.y, body.width, 1.min(body.height)),
    );
    // The short headers, in words, on the line between the search and the
    // table: the longest legend that fits, or none on a very narrow screen.
    let wide = body.width >= 120;
    let legends = if wide {
        [t.ins_residents_legend_wide, t.ins_residents_legend]
    } else {
        [t.ins_residents_legend, t.ins_residents_legend]
    };
    if body.height > 2
        && let Some(legend) = legends
            .into_iter()
            .find(|l| Line::from(*l).width() <= usize::from(body.width))
    {
        frame.render_widget(
            Paragraph::new(legend).style(theme.tone(Tone::Muted)),
            Rect::new(body.x, body.y + 1, body.width, 1),
        );
    }
    let area = table_area(body);
    let headers = [
        t.ins_col_name,
        t.ins_col_group,
        t.ins_col_born,
        t.ins_col_done,
        t.ins_col_best,
        t.ins_col_last,
        t.ins_col_attempts,
        t.ins_col_attendance,
        t.ins_col_last_seen,
        t.ins_col_indicators,
    ];
    let hidden = hidden_columns(body.width);
    let shown = |i: usize, w: u16| Constraint::Length(if hidden.contains(&i) { 0 } else { w });
    let widths = [
        Constraint::Fill(2),
        shown(1, 3),
        shown(2, 5),
        shown(3, 4),
        shown(4, 5),
        shown(5, 5),
        shown(6, 5),
        shown(7, 4),
        shown(8, 10),
        shown(9, 10),
    ];
    let empty = if d.search.trim().is_empty() {
        t.ins_residents_none
    } else {
        t.ins_residents_no_match
    };
    table::draw_or_say(
        app,
        frame,
        area,
        empty,
        (&headers, &widths),
        &rows,
        d.cursor[1],
        d.sort[1],
    );
}

/// Birth year and attempts are drawn only on a wide screen (see `view`);
/// below 80 columns the best and last scores give way too, so that the
/// names, which tell people apart, are not cut to "Nguyễn Thị".
pub fn hidden_columns(width: u16) -> Vec<usize> {
    if width >= 120 {
        Vec::new()
    } else if width >= 80 {
        vec![2, 6]
    } else {
        vec![2, 4, 5, 6]
    }
}

pub fn footer_keys(t: &Texts, add: &mut dyn FnMut(&str, &str)) {
    add(t.ins_key_letters, t.ins_do_search);
    add("Enter", t.ins_do_correct);
    add("F6", t.ins_do_indicators);
    add("F7", t.ins_do_register);
    add("F8", t.ins_do_forget);
}

/// The resident on the chosen row.
fn chosen(app: &App) -> Option<ResidentSummary> {
    let d = view_desk(app)?;
    let id = rows(app).get(d.cursor[1])?.id.clone();
    d.residents.as_ref()?.iter().find(|r| r.id == id).cloned()
}

pub use crate::i18n::who_line;

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<AppEffect> {
    let chosen = chosen(app);
    let indicators = app.settings.instructor.indicators.clone();
    let app_lang = app.lang;
    let Some(d) = desk(app) else {
        return Vec::new();
    };
    let typed = |d: &mut Desk| {
        d.cursor[1] = 0;
        d.found = None;
        if d.search.trim().is_empty() {
            Vec::new()
        } else {
            vec![AppEffect::Instructor(Effect::Search {
                query: d.search.clone(),
                for_box: SearchBox::Residents,
            })]
        }
    };
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            // Telex, as names are typed everywhere (plain letters stay plain).
            crate::text::telex::type_into(&mut d.search, c, 40);
            typed(d)
        }
        KeyCode::Backspace => {
            crate::text::telex::erase(&mut d.search);
            typed(d)
        }
        KeyCode::Esc if !d.search.is_empty() => {
            d.search.clear();
            typed(d)
        }
        KeyCode::Esc => {
            // Logging out, as Esc on the other views: kiosk.log says so.
            close(app);
            vec![AppEffect::Instructor(Effect::Log(
                super::LogLine::LoggedOut,
            ))]
        }
        KeyCode::Enter => {
            if let Some(r) = chosen {
                d.modal = Some(Modal::Resident(ResidentForm::edit(&r)));
            }
            Vec::new()
        }
        KeyCode::F(6) => {
            if let Some(r) = chosen {
                d.modal = Some(Modal::Indicators(IndicatorForm::new(&r, &indicators)));
            }
            Vec::new()
        }
        KeyCode::F(7) => {
            d.modal = Some(Modal::Resident(ResidentForm::default()));
            Vec::new()
        }
        KeyCode::F(8) => {
            if let Some(r) = chosen {
                // Namesakes are common: the question names the group, the
                // year and the household too, since it cannot be undone.
                let t = crate::i18n::texts(app_lang);
                let who = who_line(t, &r.full_name, r.group_no, r.birth_year, &r.household);
                d.modal = Some(Modal::Confirm(Confirm::Forget {
                    id: r.id,
                    name: who,
                }));
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
