//! `kiosk residents add|list|find|import|forget`: registering and looking up
//! residents from the command line (volunteers preparing a class, ward staff
//! loading a roster). Readable tables by default, JSON with `--json`.

mod roster;

use std::path::Path;
use std::process::ExitCode;

use unicode_width::UnicodeWidthStr;

use crate::cli::{Cli, ResidentsCommand};
use crate::commands::{CliError, load_config};
use crate::store::{NewResident, Resident, Store};

/// How many matches `find` shows.
const FIND_LIMIT: usize = 50;

pub fn run(cli: &Cli, cmd: &ResidentsCommand) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    let store = Store::open(&cfg)?;
    match cmd {
        ResidentsCommand::Add {
            name,
            group,
            birth_year,
            household,
            phone,
        } => add(&store, name, *group, *birth_year, household, phone),
        ResidentsCommand::List { group, json } => {
            let list = store.list_residents(*group)?;
            if *json {
                print_json(&list);
            } else if list.is_empty() {
                match group {
                    Some(g) => println!("No residents in group {g}."),
                    None => println!("No residents yet. Add one with `kiosk residents add`."),
                }
            } else {
                print_table(&list);
                println!("{}", count(list.len(), "resident"));
            }
            Ok(ExitCode::SUCCESS)
        }
        ResidentsCommand::Find { text, json } => {
            let found = store.find_residents(text, FIND_LIMIT)?;
            if *json {
                print_json(&found);
            } else if found.is_empty() {
                println!("Nobody's name contains {:?}.", text.trim());
            } else {
                print_table(&found);
            }
            Ok(ExitCode::SUCCESS)
        }
        ResidentsCommand::Import { file, skip_bad } => import(&store, file, *skip_bad),
        ResidentsCommand::Forget { id } => {
            let before = store
                .resident(id)?
                .ok_or_else(|| CliError::Failed(format!("there is no resident with id {id:?}")))?;
            if before.forgotten {
                println!("{id} was already forgotten.");
            } else {
                store.forget_resident(id)?;
                println!(
                    "Forgot {id}: name, birth year, household and phone are erased. \
                     Learning records stay, without a name."
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn add(
    store: &Store,
    name: &str,
    group: i64,
    birth_year: i64,
    household: &Option<String>,
    phone: &Option<String>,
) -> Result<ExitCode, CliError> {
    let r = NewResident {
        full_name: name.to_string(),
        birth_year: i32::try_from(birth_year)
            .map_err(|_| CliError::Usage(format!("--birth-year: {birth_year} is not a year")))?,
        group_no: group,
        household: household.clone().unwrap_or_default(),
        phone: phone.clone(),
        consent_version: None,
    };
    let twin = store.matching_resident(&r)?;
    let added = store.add_resident(&r)?;
    println!(
        "Added {}: {} (group {}, born {}).",
        added.id, added.full_name, added.group_no, birth_year
    );
    if let Some(t) = twin {
        println!(
            "Note: {} ({}) has the same name, birth year and group. If it is the same person, \
             run `kiosk residents forget {}`.",
            t.id, t.full_name, added.id
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn import(store: &Store, file: &Path, skip_bad: bool) -> Result<ExitCode, CliError> {
    let bytes = std::fs::read(file)
        .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", file.display())))?;
    let roster =
        roster::parse(&bytes).map_err(|e| CliError::Failed(format!("{}: {e}", file.display())))?;
    for p in &roster.problems {
        eprintln!("{}: {p}", file.display());
    }
    if !roster.ignored_columns.is_empty() {
        eprintln!(
            "{}: ignored columns: {}",
            file.display(),
            roster.ignored_columns.join(", ")
        );
    }
    if !roster.problems.is_empty() && !skip_bad {
        return Err(CliError::Failed(format!(
            "nothing was imported: {} of {} have problems (listed above). Fix them, \
             or run again with --skip-bad to import the {}",
            count(roster.problems.len(), "row"),
            roster.problems.len() + roster.rows.len(),
            count(roster.rows.len(), "good row")
        )));
    }
    let mut new = Vec::new();
    let mut already = 0;
    for (line, r) in roster.rows {
        match store.matching_resident(&r)? {
            Some(existing) => {
                already += 1;
                eprintln!(
                    "{}: line {line}: {} is already registered as {}; not added again",
                    file.display(),
                    r.full_name,
                    existing.id
                );
            }
            None => new.push(r),
        }
    }
    let added = store.add_residents(&new)?;
    let mut summary = format!(
        "Imported {} from {}",
        count(added.len(), "resident"),
        file.display()
    );
    if already > 0 {
        summary.push_str(&format!("; {} already registered", count(already, "was")));
    }
    if !roster.problems.is_empty() {
        summary.push_str(&format!(
            "; {} skipped",
            count(roster.problems.len(), "bad row")
        ));
    }
    println!("{summary}.");
    Ok(ExitCode::SUCCESS)
}

/// "1 resident", "2 residents"; "1 was", "2 were".
fn count(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "was") => format!("{n} were"),
        _ => format!("{n} {what}s"),
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
fn print_table(list: &[Resident]) {
    let header = ["ID", "Name", "Group", "Born", "Household", "Phone"];
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
