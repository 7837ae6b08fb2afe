//! The rules that need every file at once: module ids are unique across the
//! folder, prerequisites name modules that exist, and prerequisites do not
//! go round in a circle.
//!
//! A module whose prerequisite could not be loaded (its file has errors) is
//! still shown, unlocked as far as that prerequisite goes, with a warning:
//! hiding it would hide everything down the chain (one broken first module
//! used to hide nine), and a learner is better served by a module they can
//! open than by one that vanished. The kiosk's home screen already ignores a
//! prerequisite it does not have.
//!
//! No recursion anywhere: a folder of a thousand modules chained one after
//! another must not be able to overflow the stack.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

use super::diag::closest;
use super::load::Entry;
use super::parse::Located;
use super::{Diagnostic, Severity};
use crate::i18n::{Texts, fill};

fn error_at(path: &Path, at: &Located<String>, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line: at.line,
        col: at.col,
        severity: Severity::Error,
        message,
    }
}

fn warning_at(path: &Path, at: &Located<String>, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        ..error_at(path, at, message)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Applies the cross-file rules, marking entries that break them as failed,
/// and entries shown although a prerequisite is not as `unlocked`.
pub(crate) fn check(entries: &mut [Entry], out: &mut Vec<Diagnostic>, t: &Texts) {
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
            let message = fill(
                t.les_module_id_taken,
                &[("id", &format!("{id:?}")), ("others", &others.join(", "))],
            );
            out.push(error_at(&entries[i].path, at, message));
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
                Some(c) => fill(t.les_hint_did_you_mean, &[("value", &format!("{c:?}"))]),
                None => String::new(),
            };
            let message = fill(
                t.les_no_such_prerequisite,
                &[("id", &format!("{:?}", p.value)), ("hint", &hint)],
            );
            out.push(error_at(&entries[i].path, p, message));
            entries[i].failed = true;
        }
    }

    cycles(entries, &ids, &prereqs, &unique, out, t);

    // A module whose prerequisite is not shown stays shown, unlocked as far
    // as that prerequisite goes (see the top of this file). Nothing runs
    // down the chain any more, so one pass is enough; the warning names
    // the dependent, in its own file, at the prerequisite.
    let shown = |entries: &[Entry], i: usize| {
        !entries[i].failed
            && entries[i]
                .report
                .as_ref()
                .is_some_and(|r| r.module.is_some())
    };
    let shown_now: Vec<bool> = (0..entries.len()).map(|i| shown(entries, i)).collect();
    for (i, list) in prereqs.iter().enumerate() {
        if !shown_now[i] {
            continue;
        }
        for p in list {
            let reason = match unique.get(p.value.as_str()) {
                Some(&j) if shown_now[j] => continue,
                Some(&j) => fill(
                    t.les_file_has_problems,
                    &[("file", &file_name(&entries[j].path))],
                ),
                None if duplicated.contains(p.value.as_str()) => t.les_id_shared.to_string(),
                None => continue, // reported above as unknown
            };
            let message = fill(
                t.les_unlocked,
                &[("id", &format!("{:?}", p.value)), ("reason", &reason)],
            );
            out.push(warning_at(&entries[i].path, p, message));
            entries[i].unlocked = true;
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
    t: &Texts,
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
        let message = fill(t.les_circular, &[("names", &names.join(" → "))]);
        out.push(error_at(&entries[start].path, first, message));
        entries[start].failed = true;
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::lessons::{Severity, load_dir};

    /// A small valid module; `broken` gives it an answer out of range.
    fn module(id: &str, order: u32, prerequisites: &[&str], broken: bool) -> String {
        let list: Vec<String> = prerequisites.iter().map(|p| format!("{p:?}")).collect();
        let answer = if broken { "7" } else { "true" };
        format!(
            r#"id = "{id}"
order = {order}
minutes = 5
prerequisites = [{}]
title.vi = "Bài {id}"
title.en = "Module {id}"
summary.vi = "Tóm tắt."
summary.en = "Summary."

[[steps]]
text.vi = "Trang một."
text.en = "Page one."

[[quiz]]
id = "q"
kind = "true-false"
question.vi = "Trời xanh."
question.en = "The sky is blue."
explanation.vi = "Vì thế."
explanation.en = "Because."
answer = {answer}
"#,
            list.join(", ")
        )
    }

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    /// One broken first module used to hide the whole chain after it.
    #[test]
    fn a_broken_prerequisite_leaves_its_dependents_shown() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "010.toml", &module("a", 10, &[], true));
        write(dir.path(), "020.toml", &module("b", 20, &["a"], false));
        write(dir.path(), "030.toml", &module("c", 30, &["b"], false));
        write(dir.path(), "040.toml", &module("d", 40, &["a", "b"], false));
        let report = load_dir(dir.path(), &[]).unwrap();
        let ids = report.curriculum.ids();
        assert_eq!(ids, vec!["b", "c", "d"]);
        assert_eq!(report.skipped, vec![dir.path().join("010.toml")]);
        assert_eq!(
            report.unlocked,
            vec![dir.path().join("020.toml"), dir.path().join("040.toml")],
            "the direct dependents, not c (its prerequisite b is shown)"
        );
        // The broken file is an error; each dependent gets one warning.
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(
            errors.iter().all(|d| d.path.ends_with("010.toml")),
            "{errors:?}"
        );
        assert!(!errors.is_empty());
        let warnings: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| d.to_string())
            .collect();
        assert_eq!(warnings.len(), 2, "{warnings:#?}");
        assert!(
            warnings[0].contains("020.toml:4:")
                && warnings[0].contains("prerequisite \"a\" is not shown (010.toml has problems)")
                && warnings[0].contains("shown unlocked"),
            "{warnings:#?}"
        );
    }

    #[test]
    fn a_prerequisite_whose_id_two_files_share_does_not_hide_the_dependent() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "1.toml", &module("a", 1, &[], false));
        write(dir.path(), "2.toml", &module("a", 2, &[], false));
        write(dir.path(), "3.toml", &module("c", 3, &["a"], false));
        let report = load_dir(dir.path(), &[]).unwrap();
        let ids = report.curriculum.ids();
        assert_eq!(ids, vec!["c"]);
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Warning
                    && d.message.contains("several files use that id"))
        );
    }
}
