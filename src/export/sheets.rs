//! The three exports as sheets: which columns, in which language, and how a
//! row from the store becomes typed cells. Written once; [`super::csv`] and
//! [`super::xlsx`] render them.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::xlsx::width_for;
use super::{Cell, Column, Kind, Sheet, local_datetime};
use crate::config::Indicator;
use crate::i18n::{Lang, Texts, fill, texts};
use crate::lessons::Curriculum;
use crate::store::export::{AttendanceRow, GroupIndicators, ProgressRow, Status, Who};

fn col(header: &str, kind: Kind) -> Column {
    Column::new(header, kind, width_for(kind, header))
}

fn text(s: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(s))
}

fn opt_text(s: &Option<String>) -> Cell<'_> {
    s.as_deref().map(text).unwrap_or(Cell::Empty)
}

fn opt_int(n: Option<i64>) -> Cell<'static> {
    n.map(Cell::Int).unwrap_or(Cell::Empty)
}

fn when(ms: Option<i64>) -> Cell<'static> {
    ms.and_then(local_datetime)
        .map(Cell::DateTime)
        .unwrap_or(Cell::Empty)
}

/// The resident columns shared by attendance and progress.
fn who_columns(t: &Texts) -> Vec<Column> {
    vec![
        Column::new(t.exp_resident_id, Kind::Text, 14.0),
        Column::new(t.exp_name, Kind::Text, 28.0),
        col(t.exp_birth_year, Kind::Integer),
        col(t.exp_group, Kind::Integer),
        Column::new(t.exp_household, Kind::Text, 24.0),
    ]
}

fn who_cells<'a>(t: &'static Texts, w: &'a Who, out: &mut Vec<Cell<'a>>) {
    out.push(text(&w.resident_id));
    // A forgotten resident's name is NULL from the store: say so instead.
    out.push(match &w.name {
        Some(n) => text(n),
        None => text(t.exp_forgotten),
    });
    out.push(opt_int(w.birth_year));
    out.push(Cell::Int(w.group_no));
    out.push(opt_text(&w.household));
}

/// Module titles in the export's language, by id. Modules no longer in the
/// lessons folder are shown by id.
pub struct Titles(FxHashMap<String, String>);

impl Titles {
    pub fn new(curriculum: Option<&Curriculum>, lang: Lang) -> Titles {
        Titles(
            curriculum
                .map(|c| {
                    c.modules
                        .iter()
                        .map(|m| (m.id.clone(), m.title.get(lang).to_string()))
                        .collect()
                })
                .unwrap_or_default(),
        )
    }

    pub fn get<'a>(&'a self, id: &'a str) -> &'a str {
        self.0.get(id).map(String::as_str).unwrap_or(id)
    }
}

pub fn status_text(t: &Texts, s: Status) -> &'static str {
    match s {
        Status::Present => t.exp_present,
        Status::Late => t.exp_late,
        Status::Excused => t.exp_excused,
        Status::Absent => t.exp_absent,
        Status::SelfSignedIn => t.exp_self_signed_in,
    }
}

/// `kiosk export attendance`.
pub struct Attendance {
    t: &'static Texts,
    titles: Titles,
}

impl Attendance {
    pub fn new(lang: Lang, curriculum: Option<&Curriculum>) -> Attendance {
        Attendance {
            t: texts(lang),
            titles: Titles::new(curriculum, lang),
        }
    }
}

impl Sheet for Attendance {
    type Row = AttendanceRow;

    fn name(&self) -> &'static str {
        self.t.exp_sheet_attendance
    }

    fn columns(&self) -> Vec<Column> {
        let t = self.t;
        let mut v = vec![
            col(t.exp_day, Kind::Date),
            Column::new(t.exp_topic, Kind::Text, 28.0),
        ];
        v.extend(who_columns(t));
        v.extend([
            col(t.exp_status, Kind::Text),
            col(t.exp_first, Kind::DateTime),
            col(t.exp_last, Kind::DateTime),
            col(t.exp_minutes, Kind::Integer),
            Column::new(t.exp_modules, Kind::Text, 40.0),
            col(t.exp_site, Kind::Text),
        ]);
        v
    }

    fn cells<'r>(&'r self, r: &'r AttendanceRow, out: &mut Vec<Cell<'r>>) {
        let t = self.t;
        out.clear();
        out.push(Cell::Date(r.day));
        out.push(r.topic.as_deref().map(text).unwrap_or(Cell::Empty));
        who_cells(t, &r.who, out);
        out.push(text(status_text(t, r.status)));
        out.push(when(r.first_at));
        out.push(when(r.last_at));
        out.push(Cell::Int(r.minutes_active));
        let mut modules = String::new();
        for m in r.modules.iter() {
            if !modules.is_empty() {
                modules.push_str("; ");
            }
            modules.push_str(self.titles.get(m));
        }
        out.push(Cell::Text(Cow::Owned(modules)));
        out.push(text(&r.site_id));
    }
}

/// `kiosk export progress`.
pub struct Progress<'c> {
    t: &'static Texts,
    lang: Lang,
    curriculum: Option<&'c Curriculum>,
}

impl<'c> Progress<'c> {
    pub fn new(lang: Lang, curriculum: Option<&'c Curriculum>) -> Progress<'c> {
        Progress {
            t: texts(lang),
            lang,
            curriculum,
        }
    }
}

impl Sheet for Progress<'_> {
    type Row = ProgressRow;

    fn name(&self) -> &'static str {
        self.t.exp_sheet_progress
    }

    fn columns(&self) -> Vec<Column> {
        let t = self.t;
        let mut v = who_columns(t);
        v.extend([
            Column::new(t.exp_module, Kind::Text, 32.0),
            col(t.exp_module_id, Kind::Text),
            col(t.exp_steps_seen, Kind::Integer),
            col(t.exp_steps_total, Kind::Integer),
            col(t.exp_attempts, Kind::Integer),
            col(t.exp_best_score, Kind::Integer),
            col(t.exp_passed, Kind::Text),
            col(t.exp_passed_at, Kind::DateTime),
            col(t.exp_last_activity, Kind::DateTime),
            col(t.exp_site, Kind::Text),
        ]);
        v
    }

    fn cells<'r>(&'r self, r: &'r ProgressRow, out: &mut Vec<Cell<'r>>) {
        let t = self.t;
        out.clear();
        who_cells(t, &r.who, out);
        let module = self.curriculum.and_then(|c| c.module(&r.module_id));
        out.push(text(
            module
                .map(|m| m.title.get(self.lang))
                .unwrap_or(&r.module_id),
        ));
        out.push(text(&r.module_id));
        match module {
            // Pages that no longer exist in the lesson do not count.
            Some(m) => {
                let total = m.steps.len() as i64;
                let seen = r
                    .steps_seen
                    .iter()
                    .filter(|&&s| s >= 0 && s < total)
                    .count();
                out.push(Cell::Int(seen as i64));
                out.push(Cell::Int(total));
            }
            None => {
                out.push(Cell::Int(r.steps_seen.len() as i64));
                out.push(Cell::Empty);
            }
        }
        out.push(Cell::Int(r.attempts));
        out.push(opt_int(r.best_score));
        out.push(text(if r.passed_at.is_some() {
            t.exp_yes
        } else {
            t.exp_no
        }));
        out.push(when(r.passed_at));
        out.push(when(r.last_at));
        out.push(text(&r.site_id));
    }
}

/// `kiosk export indicators`: three columns per campaign indicator.
pub struct Indicators<'a> {
    t: &'static Texts,
    lang: Lang,
    indicators: &'a [Indicator],
    target_percent: u8,
}

/// Households reached as a percentage of households, one decimal.
pub fn share(reached: i64, households: i64) -> f64 {
    if households == 0 {
        0.0
    } else {
        (reached as f64 * 1000.0 / households as f64).round() / 10.0
    }
}

impl<'a> Indicators<'a> {
    pub fn new(lang: Lang, indicators: &'a [Indicator], target_percent: u8) -> Indicators<'a> {
        Indicators {
            t: texts(lang),
            lang,
            indicators,
            target_percent,
        }
    }
}

impl Sheet for Indicators<'_> {
    type Row = GroupIndicators;

    fn name(&self) -> &'static str {
        self.t.exp_sheet_indicators
    }

    fn columns(&self) -> Vec<Column> {
        let t = self.t;
        let mut v = vec![
            col(t.exp_group, Kind::Integer),
            col(t.exp_residents, Kind::Integer),
            col(t.exp_households, Kind::Integer),
        ];
        for ind in self.indicators {
            let name = ind.name(self.lang);
            v.push(col(
                &fill(t.exp_ind_reached, &[("name", &name)]),
                Kind::Integer,
            ));
            v.push(col(
                &fill(t.exp_ind_share, &[("name", &name)]),
                Kind::Decimal,
            ));
            v.push(col(
                &fill(t.exp_ind_target, &[("name", &name)]),
                Kind::Integer,
            ));
        }
        v.push(col(t.exp_sites, Kind::Text));
        v
    }

    fn cells<'r>(&'r self, g: &'r GroupIndicators, out: &mut Vec<Cell<'r>>) {
        out.clear();
        out.push(Cell::Int(g.group_no));
        out.push(Cell::Int(g.residents));
        out.push(Cell::Int(g.households));
        for ind in self.indicators {
            let reached = g
                .reached
                .iter()
                .find(|(id, _)| *id == ind.id)
                .map(|(_, n)| *n)
                .unwrap_or(0);
            out.push(Cell::Int(reached));
            out.push(Cell::Num(share(reached, g.households)));
            out.push(Cell::Int(self.target_percent as i64));
        }
        out.push(Cell::Text(Cow::Owned(g.sites.join(", "))));
    }
}
