//! `kiosk report [--from] [--to] [--site] [--json]`: the figures a ward
//! coordinator reports upward (residents, active learners, sessions, modules
//! completed, indicators per residential group against the target), as
//! aligned text in the configured language, or the same data as JSON.

use std::process::ExitCode;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::cli::{Cli, DateRange};
use crate::commands::export::{check_site, parse_range};
use crate::commands::{CliError, load_config};
use crate::config::Config;
use crate::export::sheets::share;
use crate::i18n::{Texts, decimal, fill, texts};
use crate::store::Store;
use crate::store::export::Filter;
use crate::store::report::{Figures, SiteFigures, Summary};

#[derive(Debug, Serialize)]
struct Report {
    from: Option<String>,
    to: Option<String>,
    site: Option<String>,
    target_percent: u8,
    total: Figures,
    sites: Vec<SiteFigures>,
    groups: Vec<Group>,
    all_groups: Group,
}

#[derive(Debug, Serialize)]
struct Group {
    /// `None` for the whole ward.
    group_no: Option<i64>,
    residents: i64,
    households: i64,
    indicators: Vec<IndicatorFigure>,
}

#[derive(Debug, Serialize)]
struct IndicatorFigure {
    id: String,
    name: String,
    households_reached: i64,
    share_percent: f64,
    target_percent: u8,
    met: bool,
}

fn build(cfg: &Config, filter: &Filter, s: Summary) -> Report {
    let target = cfg.target_percent;
    let figure = |id: &str, reached: i64, households: i64| {
        let share = share(reached, households);
        IndicatorFigure {
            id: id.to_string(),
            name: cfg
                .indicator(id)
                .map(|i| i.name(cfg.language).to_string())
                .unwrap_or_else(|| id.to_string()),
            households_reached: reached,
            share_percent: share,
            target_percent: target,
            met: households > 0 && share >= target as f64,
        }
    };
    let groups: Vec<Group> = s
        .groups
        .iter()
        .map(|g| Group {
            group_no: Some(g.group_no),
            residents: g.residents,
            households: g.households,
            indicators: g
                .reached
                .iter()
                .map(|(id, n)| figure(id, *n, g.households))
                .collect(),
        })
        .collect();
    // Counted over the whole ward, not summed: an address registered in
    // two groups is one household (see `ward_indicators`).
    let all_groups = Group {
        group_no: None,
        residents: s.ward.residents,
        households: s.ward.households,
        indicators: cfg
            .indicators
            .iter()
            .map(|ind| {
                let reached = s
                    .ward
                    .reached
                    .iter()
                    .find(|(id, _)| *id == ind.id)
                    .map_or(0, |(_, n)| *n);
                figure(&ind.id, reached, s.ward.households)
            })
            .collect(),
    };
    Report {
        from: filter.from.map(|d| d.to_string()),
        to: filter.to.map(|d| d.to_string()),
        site: filter.site.clone(),
        target_percent: target,
        total: s.total,
        sites: s.sites,
        groups,
        all_groups,
    }
}

/// The figures' labels; residents are counted up to the end of the
/// period, not only those registered in it, and the label says so.
fn figure_lines(t: &Texts, r: &Report, f: &Figures) -> Vec<(String, i64)> {
    let residents = match &r.to {
        Some(to) => fill(t.rep_residents_by, &[("to", &shown_day(to))]),
        None => t.rep_residents.to_string(),
    };
    vec![
        (residents, f.residents),
        (t.rep_active.to_string(), f.active_learners),
        (t.rep_seat_sessions.to_string(), f.seat_sessions),
        (t.rep_class_sessions.to_string(), f.class_sessions),
        (t.rep_modules_completed.to_string(), f.modules_completed),
    ]
}

/// A day as people read it on screen (30/11/2026); `--json` keeps ISO.
fn shown_day(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// The period in words, whichever ends of it were given.
fn period(t: &Texts, r: &Report) -> String {
    let from = r.from.as_deref().map(shown_day);
    let to = r.to.as_deref().map(shown_day);
    match (from, to) {
        (Some(from), Some(to)) => fill(t.rep_period, &[("from", &from), ("to", &to)]),
        (Some(from), None) => fill(t.rep_period_from, &[("from", &from)]),
        (None, Some(to)) => fill(t.rep_period_to, &[("to", &to)]),
        (None, None) => t.rep_period_all.to_string(),
    }
}

/// Label, dots to a common width, then the number: easy to read across.
fn push_figures(out: &mut String, indent: &str, lines: &[(String, i64)]) {
    let width = lines.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    for (label, n) in lines {
        let pad = width - label.width();
        out.push_str(&format!("{indent}{label} {} {n:>7}\n", ".".repeat(pad + 2)));
    }
}

fn indicator_lines(t: &Texts, out: &mut String, g: &Group) {
    for i in &g.indicators {
        let verdict = if i.met { t.rep_met } else { t.rep_not_met };
        out.push_str("    ");
        out.push_str(&fill(
            t.rep_indicator_line,
            &[
                ("name", &i.name),
                ("reached", &i.households_reached),
                ("households", &g.households),
                ("share", &decimal(t, i.share_percent)),
                ("verdict", &verdict),
            ],
        ));
        out.push('\n');
    }
}

fn text(t: &Texts, r: &Report) -> String {
    let mut out = String::new();
    out.push_str(t.rep_title);
    out.push('\n');
    out.push_str(&period(t, r));
    out.push('\n');
    let sites: Vec<&str> = r.sites.iter().map(|s| s.site_id.as_str()).collect();
    let sites = if sites.is_empty() {
        t.rep_no_sites.to_string()
    } else {
        sites.join(", ")
    };
    out.push_str(&fill(t.rep_sites, &[("sites", &sites)]));
    out.push_str("\n\n");
    push_figures(&mut out, "", &figure_lines(t, r, &r.total));
    if r.sites.len() > 1 {
        out.push('\n');
        out.push_str(t.rep_per_site);
        out.push('\n');
        for s in &r.sites {
            out.push_str(&format!("  {}\n", s.site_id));
            push_figures(&mut out, "    ", &figure_lines(t, r, &s.figures));
        }
    }
    out.push('\n');
    out.push_str(&match &r.to {
        Some(to) => fill(
            t.rep_indicators_by,
            &[("to", &shown_day(to)), ("target", &r.target_percent)],
        ),
        None => fill(t.rep_indicators, &[("target", &r.target_percent)]),
    });
    out.push('\n');
    if r.groups.is_empty() {
        out.push_str("  ");
        out.push_str(t.rep_no_residents);
        out.push('\n');
        return out;
    }
    for g in &r.groups {
        out.push_str("  ");
        out.push_str(&fill(
            t.rep_group,
            &[
                ("n", &g.group_no.unwrap_or_default()),
                ("residents", &g.residents),
                ("households", &g.households),
            ],
        ));
        out.push('\n');
        indicator_lines(t, &mut out, g);
    }
    out.push_str("  ");
    out.push_str(&fill(
        t.rep_all_groups,
        &[
            ("residents", &r.all_groups.residents),
            ("households", &r.all_groups.households),
        ],
    ));
    out.push('\n');
    indicator_lines(t, &mut out, &r.all_groups);
    out
}

pub fn run(
    cli: &Cli,
    range: &DateRange,
    site: Option<&str>,
    json: bool,
) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    let (from, to) = parse_range(texts(cfg.language), range)?;
    let store = Store::open(&cfg).map_err(|e| super::store_error::explain(e, &cfg))?;
    check_site(texts(cfg.language), &store, site)?;
    let filter = Filter {
        from,
        to,
        group: None,
        site: site.map(str::to_string),
    };
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let summary = store.report(&filter, &ids)?;
    let report = build(&cfg, &filter, summary);
    if json {
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::Failed(format!("cannot write JSON: {e}")))?;
        println!("{text}");
    } else {
        print!("{}", text(texts(cfg.language), &report));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, VI};

    #[test]
    fn shares_are_written_as_each_language_writes_decimals() {
        let group = Group {
            group_no: Some(3),
            residents: 5,
            households: 3,
            indicators: vec![IndicatorFigure {
                id: "vneid".into(),
                name: "VNeID".into(),
                households_reached: 2,
                share_percent: crate::export::sheets::share(2, 3),
                target_percent: 70,
                met: false,
            }],
        };
        let said = |t: &Texts| {
            let mut out = String::new();
            indicator_lines(t, &mut out, &group);
            out
        };
        assert_eq!(said(&VI), "    VNeID: 2/3 hộ (66,7%) chưa đạt\n");
        assert_eq!(said(&EN), "    VNeID: 2/3 households (66.7%) not met\n");
    }
}
