//! `kiosk residents add|list|find|import|forget`: registering and looking up
//! residents from the command line (volunteers preparing a class, ward staff
//! loading a roster). Readable tables by default, JSON with `--json`. The
//! words are in the language set in kiosk.toml; JSON and ids never change.

mod roster;

use std::path::Path;
use std::process::ExitCode;

use unicode_width::UnicodeWidthStr;

use crate::cli::{Cli, ResidentsCommand};
use crate::commands::store_error::explain;
use crate::commands::{CliError, answer_yes, load_config};
use crate::i18n::{Texts, fill, texts};
use crate::store::residents::validate;
use crate::store::{NewResident, Resident, Store, StoreError};

/// How many matches `find` shows.
const FIND_LIMIT: usize = 50;
/// The longest name the store accepts, in letters (said when it refuses).
const NAME_MAX_LETTERS: usize = 100;

pub fn run(cli: &Cli, cmd: &ResidentsCommand) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    let t = texts(cfg.language);
    let say = |e| explain(e, &cfg);
    let store = Store::open(&cfg).map_err(say)?;
    match cmd {
        ResidentsCommand::Add {
            name,
            group,
            birth_year,
            household,
            phone,
        } => {
            let r = NewResident {
                full_name: name.to_string(),
                birth_year: i32::try_from(*birth_year).map_err(|_| {
                    CliError::Usage(format!("--birth-year: {}", bad_year(t, *birth_year)))
                })?,
                group_no: *group,
                household: household.clone().unwrap_or_default(),
                phone: phone.clone(),
                consent_version: None,
            };
            add(&store, t, &r).map_err(|e| match refusal(&e, &r, t) {
                Some((field, why)) => CliError::Usage(format!("{}: {why}", flag(field))),
                None => say(e),
            })
        }
        ResidentsCommand::List { group, json } => {
            let list = store.list_residents(*group).map_err(say)?;
            if *json {
                print_json(&list);
            } else if list.is_empty() {
                match group {
                    Some(g) => println!("{}", fill(t.res_none_in_group, &[("group", g)])),
                    None => println!("{}", t.res_none_yet),
                }
            } else {
                print_table(t, &list);
                println!("{}", count(t, list.len()));
            }
            Ok(ExitCode::SUCCESS)
        }
        ResidentsCommand::Find { text, json } => {
            let found = store.find_residents(text, FIND_LIMIT).map_err(say)?;
            if *json {
                print_json(&found);
            } else if found.is_empty() {
                println!("{}", fill(t.res_nobody_found, &[("text", &text.trim())]));
            } else {
                print_table(t, &found);
            }
            Ok(ExitCode::SUCCESS)
        }
        ResidentsCommand::Import { file, skip_bad } => {
            import(&store, t, file, *skip_bad).map_err(|e| e.into_cli(&cfg))
        }
        ResidentsCommand::Forget { id, yes } => {
            let before = store
                .resident(id)
                .map_err(say)?
                // A mistyped id is a mistake in what was typed: exit 2.
                .ok_or_else(|| CliError::Usage(fill(t.res_no_such_id, &[("id", id)])))?;
            if before.forgotten {
                println!("{}", fill(t.res_already_forgotten, &[("id", id)]));
                return Ok(ExitCode::SUCCESS);
            }
            // It cannot be undone, and spreads to every site with the next
            // bundles: who it is gets said, and confirmed, first.
            if !yes && !confirm_forget(t, &before)? {
                println!("{}", fill(t.res_forget_kept, &[("id", id)]));
                return Ok(ExitCode::FAILURE);
            }
            store.forget_resident(id).map_err(say)?;
            println!("{}", fill(t.res_forgot, &[("id", id)]));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Names the resident and reads one answer from standard input: "có"
/// (accents optional) or "yes" erases; anything else keeps them. No answer
/// at all (a script with nothing on its input) is a usage mistake.
fn confirm_forget(t: &Texts, r: &Resident) -> Result<bool, CliError> {
    let who = crate::i18n::who_line(t, &r.full_name, r.group_no, r.birth_year, &r.household);
    let question = fill(t.res_forget_ask, &[("who", &who), ("id", &r.id)]);
    answer_yes(&question)
        .ok_or_else(|| CliError::Usage(fill(t.res_forget_no_answer, &[("id", &r.id)])))
}

fn add(store: &Store, t: &Texts, r: &NewResident) -> Result<ExitCode, StoreError> {
    // Checked first, so a bad value is named before anything is looked up.
    validate(r)?;
    let twin = store.matching_resident(r)?;
    let added = store.add_resident(r)?;
    println!(
        "{}",
        fill(
            t.res_added,
            &[
                ("id", &added.id),
                ("name", &added.full_name),
                ("group", &added.group_no),
                ("year", &r.birth_year),
            ],
        )
    );
    if let Some(twin) = twin {
        println!(
            "{}",
            fill(
                t.res_twin,
                &[
                    ("twin", &twin.id),
                    ("twin_name", &twin.full_name),
                    ("id", &added.id),
                ],
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The store's field names as the flags of `kiosk residents add`.
fn flag(field: &'static str) -> &'static str {
    match field {
        "name" => "--name",
        "birth year" => "--birth-year",
        "group" => "--group",
        "phone" => "--phone",
        other => other,
    }
}

/// Why the store refused `r`, in the configured language: the store names
/// the field, this says what is wrong with the value given. `None` for any
/// other error. Returns the store's field name and the reason.
pub(crate) fn refusal(
    e: &StoreError,
    r: &NewResident,
    t: &Texts,
) -> Option<(&'static str, String)> {
    let StoreError::Invalid { field, .. } = e else {
        return None;
    };
    Some(match field.as_str() {
        "name" if r.full_name.trim().is_empty() => ("name", t.res_bad_name_empty.to_string()),
        "name" => (
            "name",
            fill(t.res_bad_name_long, &[("max", &NAME_MAX_LETTERS)]),
        ),
        "birth year" => ("birth year", bad_year(t, r.birth_year.into())),
        "group" => ("group", fill(t.res_bad_group, &[("group", &r.group_no)])),
        "phone" => (
            "phone",
            fill(
                t.res_bad_phone,
                &[("phone", &r.phone.as_deref().unwrap_or_default())],
            ),
        ),
        _ => return None,
    })
}

/// That `year` is not a birth year the store takes (1900 to this year).
fn bad_year(t: &Texts, year: i64) -> String {
    let this_year = chrono::Datelike::year(&chrono::Local::now());
    fill(t.res_bad_year, &[("year", &year), ("max", &this_year)])
}

/// How an import ends early: a message of its own, or a store error that is
/// explained with the settings.
enum ImportError {
    Cli(CliError),
    Store(StoreError),
}

impl ImportError {
    fn into_cli(self, cfg: &crate::config::Config) -> CliError {
        match self {
            ImportError::Cli(e) => e,
            ImportError::Store(e) => explain(e, cfg),
        }
    }
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

fn import(store: &Store, t: &Texts, file: &Path, skip_bad: bool) -> Result<ExitCode, ImportError> {
    let shown = file.display();
    let bytes = std::fs::read(file).map_err(|e| {
        ImportError::Cli(CliError::Usage(fill(
            t.res_cannot_read,
            &[("file", &shown), ("error", &crate::i18n::os_error(t, &e))],
        )))
    })?;
    let roster = roster::parse(&bytes, t)
        .map_err(|e| ImportError::Cli(CliError::Failed(format!("{shown}: {e}"))))?;
    for p in &roster.problems {
        eprintln!("{shown}: {p}");
    }
    if !roster.ignored_columns.is_empty() {
        let columns = roster.ignored_columns.join(", ");
        eprintln!(
            "{shown}: {}",
            fill(t.res_ignored_columns, &[("columns", &columns)])
        );
    }
    if !roster.problems.is_empty() && !skip_bad {
        return Err(ImportError::Cli(CliError::Failed(fill(
            t.res_nothing_imported,
            &[
                ("bad", &roster.problems.len()),
                ("total", &(roster.problems.len() + roster.rows.len())),
                ("good", &roster.rows.len()),
            ],
        ))));
    }
    let mut new = Vec::new();
    let mut already = 0;
    for (line, r) in roster.rows {
        match store.matching_resident(&r)? {
            Some(existing) => {
                already += 1;
                eprintln!(
                    "{shown}: {}",
                    fill(
                        t.res_already_registered,
                        &[
                            ("line", &line),
                            ("name", &r.full_name),
                            ("id", &existing.id)
                        ],
                    )
                );
            }
            None => new.push(r),
        }
    }
    let added = store.add_residents(&new)?;
    let mut summary = fill(
        t.res_imported,
        &[("count", &count(t, added.len())), ("file", &shown)],
    );
    if already > 0 {
        summary.push_str(&fill(t.res_imported_already, &[("n", &already)]));
    }
    if !roster.problems.is_empty() {
        summary.push_str(&fill(
            t.res_imported_skipped,
            &[("n", &roster.problems.len())],
        ));
    }
    println!("{summary}.");
    Ok(ExitCode::SUCCESS)
}

/// "1 người", "2 người"; "1 resident", "2 residents".
fn count(t: &Texts, n: usize) -> String {
    if n == 1 {
        t.res_count_one.to_string()
    } else {
        fill(t.res_count, &[("n", &n)])
    }
}

fn print_json(list: &[Resident]) {
    println!(
        "{}",
        serde_json::to_string_pretty(list).expect("residents serialise to JSON")
    );
}

/// A table with group and birth year beside each name, so namesakes can be
/// told apart.
fn print_table(t: &Texts, list: &[Resident]) {
    let header = [
        t.res_col_id,
        t.res_col_name,
        t.res_col_group,
        t.res_col_born,
        t.res_col_household,
        t.res_col_phone,
    ];
    let rows: Vec<[String; 6]> = list
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                r.full_name.clone(),
                r.group_no.to_string(),
                r.birth_year.map(|y| y.to_string()).unwrap_or_default(),
                r.household.clone(),
                r.phone.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[&str]| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            out.push_str(cell);
            if i + 1 < cells.len() {
                out.push_str(&" ".repeat(w - cell.width() + 2));
            }
        }
        println!("{}", out.trim_end());
    };
    line(&header);
    for row in &rows {
        line(&row.each_ref().map(String::as_str));
    }
}
