//! `kiosk export attendance|progress|indicators`: checks every flag before
//! touching anything (dates, language, format, the output folder), then
//! streams rows from the store into one CSV or XLSX sheet.

use std::process::ExitCode;

use chrono::NaiveDate;

use crate::cli::{Cli, DateRange, ExportArgs, ExportWhat};
use crate::commands::coordinator_errors::export as explain;
use crate::commands::{CliError, Writes, load_config, refuse_out, store_error};
use crate::config::Config;
use crate::export::sheets::{Attendance, Indicators, Progress};
use crate::export::{Format, Pending, write_rows};
use crate::i18n::{Lang, Texts, fill, texts};
use crate::lessons::Curriculum;
use crate::store::Store;
use crate::store::export::Filter;

/// Parses one `YYYY-MM-DD` flag value; an impossible date is refused.
fn parse_day(t: &Texts, flag: &str, value: &str) -> Result<NaiveDate, CliError> {
    let shape_ok = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let day = if shape_ok {
        NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
    } else {
        None
    };
    day.ok_or_else(|| {
        CliError::Usage(fill(
            t.cmd_bad_date,
            &[("flag", &flag), ("value", &format!("{value:?}"))],
        ))
    })
}

/// `--from` and `--to`, checked: real dates, and `--to` not before `--from`.
pub(crate) fn parse_range(
    t: &Texts,
    range: &DateRange,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), CliError> {
    let from = range
        .from
        .as_deref()
        .map(|v| parse_day(t, "--from", v))
        .transpose()?;
    let to = range
        .to
        .as_deref()
        .map(|v| parse_day(t, "--to", v))
        .transpose()?;
    if let (Some(f), Some(to)) = (from, to)
        && to < f
    {
        return Err(CliError::Usage(fill(
            t.cmd_to_before_from,
            &[("to", &to), ("from", &f)],
        )));
    }
    Ok((from, to))
}

/// Refuses a `--site` no record in this database carries (most likely a
/// typo), naming the sites there are.
pub(crate) fn check_site(t: &Texts, store: &Store, site: Option<&str>) -> Result<(), CliError> {
    let Some(site) = site else { return Ok(()) };
    let sites = store.sites().map_err(failed)?;
    let quoted = format!("{site:?}");
    if sites.iter().any(|s| s == site) {
        Ok(())
    } else if sites.is_empty() {
        Err(CliError::Usage(fill(
            t.cmd_site_no_records,
            &[("site", &quoted)],
        )))
    } else {
        Err(CliError::Usage(fill(
            t.cmd_site_unknown,
            &[("site", &quoted), ("sites", &sites.join(", "))],
        )))
    }
}

pub(crate) fn failed(e: impl std::fmt::Display) -> CliError {
    CliError::Failed(e.to_string())
}

/// The lessons, for module titles and page totals. Exports still work
/// without them (by module id), so a missing folder is only a warning.
fn curriculum(cfg: &Config) -> Option<Curriculum> {
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    match crate::lessons::load_dir_in(&cfg.lessons_dir, &ids, cfg.language) {
        Ok(report) => Some(report.curriculum),
        Err(e) => {
            let t = crate::i18n::texts(cfg.language);
            let e = e.describe(t);
            eprintln!("kiosk: {}", fill(t.cmd_export_no_lessons, &[("error", &e)]));
            None
        }
    }
}

pub fn run(cli: &Cli, what: &ExportWhat) -> Result<ExitCode, CliError> {
    let args: &ExportArgs = match what {
        ExportWhat::Attendance(a) | ExportWhat::Progress(a) | ExportWhat::Indicators(a) => a,
    };
    // The settings first: they say which language to answer in.
    let cfg = load_config(cli)?;
    let t = texts(cfg.language);
    let (from, to) = parse_range(t, &args.range)?;
    let lang = Lang::parse(&args.lang).ok_or_else(|| {
        CliError::Usage(fill(
            t.cmd_bad_lang,
            &[("value", &format!("{:?}", args.lang))],
        ))
    })?;
    // The folder is checked (and the temporary file made) before the
    // database is opened, so a typo in --out costs nothing.
    refuse_out(&cfg, &args.out, Writes::Export)?;
    let (pending, file) = Pending::create(&args.out).map_err(|e| explain(e, t))?;
    let format = Format::choose(args.format.as_deref(), &args.out).map_err(|e| explain(e, t))?;
    let store = Store::open(&cfg).map_err(|e| store_error::explain(e, &cfg))?;
    check_site(t, &store, args.site.as_deref())?;
    let filter = Filter {
        from,
        to,
        group: args.group,
        site: args.site.clone(),
    };
    let rows = match what {
        ExportWhat::Attendance(_) => {
            let lessons = curriculum(&cfg);
            let sheet = Attendance::new(lang, lessons.as_ref());
            write_rows(&sheet, pending, file, format, |send| {
                Ok(store.export_attendance(&filter, send)?)
            })
        }
        ExportWhat::Progress(_) => {
            let lessons = curriculum(&cfg);
            let sheet = Progress::new(lang, lessons.as_ref());
            write_rows(&sheet, pending, file, format, |send| {
                Ok(store.export_progress(&filter, send)?)
            })
        }
        ExportWhat::Indicators(_) => {
            // Said, not refused: the same flags work on every export.
            if let Some(f) = &args.range.from {
                eprintln!("kiosk: {}", fill(t.cmd_indicators_from, &[("from", f)]));
            }
            let sheet = Indicators::new(lang, &cfg.indicators, cfg.target_percent);
            let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
            let groups = store.export_indicators(&filter, &ids).map_err(failed)?;
            write_rows(&sheet, pending, file, format, |send| {
                let n = groups.len() as u64;
                groups.into_iter().try_for_each(send)?;
                Ok(n)
            })
        }
    }
    .map_err(|e| explain(e, t))?;
    println!(
        "{}",
        fill(
            t.cmd_export_wrote,
            &[("rows", &rows), ("file", &args.out.display())]
        )
    );
    // An empty sheet is a true answer, but most often a typo in a number,
    // or, on the coordinator's machine, bundles not merged yet.
    if rows == 0 {
        let nothing_here = store.sites().map(|s| s.is_empty()).unwrap_or(false);
        let note = if nothing_here {
            t.cmd_export_empty_db.to_string()
        } else {
            fill(t.cmd_export_empty, &[("filters", &asked(t, args))])
        };
        eprintln!("kiosk: {note}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The filters as they were typed ("--group 9 --from 2026-03-01").
fn asked(t: &Texts, args: &ExportArgs) -> String {
    let given = [
        ("--group", args.group.map(|g| g.to_string())),
        ("--site", args.site.clone()),
        ("--from", args.range.from.clone()),
        ("--to", args.range.to.clone()),
    ];
    let said: Vec<String> = given
        .into_iter()
        .filter_map(|(flag, v)| v.map(|v| format!("{flag} {v}")))
        .collect();
    if said.is_empty() {
        t.cmd_export_all.to_string()
    } else {
        said.join(" ")
    }
}
