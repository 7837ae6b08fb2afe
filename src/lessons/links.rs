//! The rules that need every file at once: module ids are unique across the
//! folder, prerequisites name modules that exist, prerequisites do not go
//! round in a circle, and a module whose prerequisite is not shown is not
//! shown either (a learner could never unlock it).
//!
//! No recursion anywhere: a folder of a thousand modules chained one after
//! another must not be able to overflow the stack.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

use super::diag::closest;
use super::load::Entry;
use super::parse::Located;
use super::{Diagnostic, Severity};

fn error_at(path: &Path, at: &Located<String>, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line: at.line,
        col: at.col,
        severity: Severity::Error,
        message,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Applies the cross-file rules, marking entries that break them (or depend
/// on one that is not shown) as failed.
pub(crate) fn check(entries: &mut [Entry], out: &mut Vec<Diagnostic>) {
    let ids: Vec<Option<Located<String>>> = entries
        .iter()
        .map(|e| e.report.as_ref().and_then(|r| r.id.clone()))
        .collect();
    let prereqs: Vec<Vec<Located<String>>> = entries
        .iter()
        .map(|e| {
            e.report
                .as_ref()
                .map(|r| r.prerequisites.clone())
                .unwrap_or_default()
        })
        .collect();

    // Which files use each id.
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            by_id.entry(id.value.as_str()).or_default().push(i);
        }
    }
    let duplicated: BTreeSet<&str> = by_id
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| *k)
        .collect();
    for id in &duplicated {
        let users = &by_id[id];
        for &i in users {
            let others: Vec<String> = users
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| file_name(&entries[j].path))
                .collect();
            let at = ids[i].as_ref().expect("indexed by id");
            out.push(error_at(
                &entries[i].path,
                at,
                format!(
                    "module id {id:?} is also used by {}; each module needs its own id",
                    others.join(", ")
                ),
            ));
            entries[i].failed = true;
        }
    }
    let unique: BTreeMap<&str, usize> = by_id
        .iter()
        .filter(|(_, v)| v.len() == 1)
        .map(|(k, v)| (*k, v[0]))
        .collect();

    // Prerequisites that name no module at all.
    let known: Vec<&str> = by_id.keys().copied().collect();
    for (i, list) in prereqs.iter().enumerate() {
        for p in list {
            if by_id.contains_key(p.value.as_str()) {
                continue;
            }
            let own = ids[i].as_ref().map(|l| l.value.as_str());
            let others: Vec<&str> = known.iter().copied().filter(|k| Some(*k) != own).collect();
            let hint = match closest(&p.value, &others) {
                Some(c) => format!("; did you mean {c:?}?"),
                None => String::new(),
            };
            out.push(error_at(
                &entries[i].path,
                p,
                format!(
                    "`prerequisites`: no module in this folder has the id {:?}{hint}",
                    p.value
                ),
            ));
            entries[i].failed = true;
        }
    }

    cycles(entries, &ids, &prereqs, &unique, out);

    // A module whose prerequisite is not shown could never be unlocked, so
    // it is not shown either. Repeat until nothing changes: the failure runs
    // down chains of prerequisites.
    let shown = |entries: &[Entry], i: usize| {
        !entries[i].failed
            && entries[i]
                .report
                .as_ref()
                .is_some_and(|r| r.module.is_some())
    };
    loop {
        let mut changed = false;
        for i in 0..entries.len() {
            if !shown(entries, i) {
                continue;
            }
            for p in &prereqs[i] {
                let reason = match unique.get(p.value.as_str()) {
                    Some(&j) if shown(entries, j) => continue,
                    Some(&j) => format!("{} has problems", file_name(&entries[j].path)),
                    None if duplicated.contains(p.value.as_str()) => {
                        "several files use that id".to_string()
                    }
                    None => continue, // reported above as unknown
                };
                out.push(error_at(
                    &entries[i].path,
                    p,
                    format!(
                        "prerequisite {:?} is not shown ({reason}), so this module cannot be shown either",
                        p.value
                    ),
                ));
                entries[i].failed = true;
                changed = true;
                break;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Finds every module that is part of a circle of prerequisites and reports
/// the circle from its point of view ("a → b → c → a").
fn cycles(
    entries: &mut [Entry],
    ids: &[Option<Located<String>>],
    prereqs: &[Vec<Located<String>>],
    unique: &BTreeMap<&str, usize>,
    out: &mut Vec<Diagnostic>,
) {
    let n = entries.len();
    // edges[i]: (prerequisite's entry, index into prereqs[i]).
    let edges: Vec<Vec<(usize, usize)>> = prereqs
        .iter()
        .map(|list| {
            list.iter()
                .enumerate()
                .filter_map(|(k, p)| unique.get(p.value.as_str()).map(|&j| (j, k)))
                .collect()
        })
        .collect();

    // Peel off modules whose prerequisites are all peeled (Kahn's
    // algorithm); what remains is in a circle or waits on one.
    let mut waiting: Vec<usize> = edges.iter().map(Vec::len).collect();
    let mut needed_by: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, list) in edges.iter().enumerate() {
        for &(j, _) in list {
            needed_by[j].push(i);
        }
    }
    let mut queue: VecDeque<usize> = (0..n).filter(|&i| waiting[i] == 0).collect();
    while let Some(j) = queue.pop_front() {
        for &i in &needed_by[j] {
            waiting[i] -= 1;
            if waiting[i] == 0 {
                queue.push_back(i);
            }
        }
    }
    let stuck: Vec<bool> = waiting.iter().map(|&w| w > 0).collect();

    for start in (0..n).filter(|&i| stuck[i]) {
        // Shortest way from `start` back to itself (breadth first).
        let mut came_from: Vec<Option<(usize, usize)>> = vec![None; n];
        let mut queue = VecDeque::from([start]);
        let mut closing = None;
        'search: while let Some(i) = queue.pop_front() {
            for &(j, k) in &edges[i] {
                if !stuck[j] {
                    continue;
                }
                if j == start {
                    closing = Some((i, k));
                    break 'search;
                }
                if came_from[j].is_none() {
                    came_from[j] = Some((i, k));
                    queue.push_back(j);
                }
            }
        }
        let Some((last, _)) = closing else {
            continue; // waits on a circle without being in it
        };
        let mut path = vec![start];
        let mut at = last;
        while at != start {
            path.push(at);
            at = came_from[at].expect("reached by the search").0;
        }
        path[1..].reverse();
        path.push(start);
        let names: Vec<&str> = path
            .iter()
            .map(|&i| ids[i].as_ref().map_or("?", |l| l.value.as_str()))
            .collect();
        // The first step of the circle is the prerequisite to point at.
        let first = edges[start]
            .iter()
            .find(|&&(j, _)| j == path[1])
            .map(|&(_, k)| &prereqs[start][k])
            .expect("the circle leaves start by one of its edges");
        out.push(error_at(
            &entries[start].path,
            first,
            format!(
                "circular prerequisites: {}; one of these modules must not need the other",
                names.join(" → ")
            ),
        ));
        entries[start].failed = true;
    }
}
