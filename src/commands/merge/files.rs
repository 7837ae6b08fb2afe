//! Which files `kiosk merge` was given: a folder stands for every `.kiosk`
//! file in it, and a name with `*` or `?` for the files it matches. A
//! coordinator then types `kiosk merge E:\` or `kiosk merge E:\*.kiosk`;
//! Windows' command prompt does not expand `*` itself, so without this the
//! second would look for a file literally named `*.kiosk`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::commands::CliError;
use crate::i18n::{Texts, fill, os_error};

/// The bundle files the arguments name, in order, each once. Folders are
/// read in name order (bundles are named by site and date, so that is a
/// sensible merge order). A name that does not exist and has no wildcard
/// is kept: checking the bundles says it cannot be read.
pub fn expand(args: &[PathBuf], t: &Texts) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let found = listed(arg, has_kiosk_extension, t)?;
            if found.is_empty() {
                let message = fill(t.cmd_merge_empty_folder, &[("dir", &arg.display())]);
                return Err(CliError::Usage(message));
            }
            files.extend(found);
        } else if !arg.exists() && is_pattern(arg) {
            let pattern = arg.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let dir = crate::durable::folder_of(arg);
            let found = if dir.is_dir() {
                listed(dir, |name| matches(pattern, name), t)?
            } else {
                Vec::new()
            };
            if found.is_empty() {
                let message = fill(t.cmd_merge_no_match, &[("pattern", &arg.display())]);
                return Err(CliError::Usage(message));
            }
            files.extend(found);
        } else {
            files.push(arg.clone());
        }
    }
    // The same file named twice (a folder and one of its files) is merged once.
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok(files)
}

fn is_pattern(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.contains(['*', '?']))
}

fn has_kiosk_extension(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("kiosk"))
}

/// The files (not folders) in `dir` whose names `keep`, sorted by name.
/// Hidden names are passed over, as a shell does: a stick that has been in
/// a Mac holds a `._vh-a.kiosk` beside each `vh-a.kiosk`, and it is not a
/// bundle.
fn listed(dir: &Path, keep: impl Fn(&str) -> bool, t: &Texts) -> Result<Vec<PathBuf>, CliError> {
    let cannot = |e: std::io::Error| {
        let message = fill(
            t.cmd_cannot_read,
            &[("path", &dir.display()), ("error", &os_error(t, &e))],
        );
        CliError::Usage(message)
    };
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(cannot)? {
        let entry = entry.map_err(cannot)?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.starts_with('.') && keep(name) && entry.path().is_file() {
            found.push(entry.path());
        }
    }
    found.sort();
    Ok(found)
}

/// Whether `name` matches `pattern`, where `*` is any run of characters and
/// `?` any one character; letters match in either case, as Windows does.
fn matches(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().flat_map(char::to_lowercase).collect();
    let n: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
    // Greedy walk, remembering the last `*` to fall back to.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, VI};

    #[test]
    fn wildcards_match_names_as_a_prompt_would() {
        assert!(matches("*.kiosk", "vh-01-2026-03-31.kiosk"));
        assert!(matches("*.kiosk", "VH-01.KIOSK"));
        assert!(matches("vh-??.kiosk", "vh-07.kiosk"));
        assert!(matches("*03*", "vh-01-2026-03-31.kiosk"));
        assert!(matches("*", "anything"));
        assert!(!matches("*.kiosk", "vh-01.kiosk.txt"));
        assert!(!matches("vh-??.kiosk", "vh-107.kiosk"));
        assert!(!matches("vh-*", "nhà-văn-hóa.kiosk"));
        assert!(matches("nhà-*", "nhà-văn-hóa.kiosk"));
    }

    fn touch(dir: &Path, name: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, "x").unwrap();
        p
    }

    #[test]
    fn folders_and_patterns_become_their_bundles_each_once() {
        let d = tempfile::tempdir().unwrap();
        let usb = d.path().join("usb");
        std::fs::create_dir_all(usb.join("old.kiosk")).unwrap(); // a folder, not a bundle
        let b = touch(&usb, "vh-b.kiosk");
        let a = touch(&usb, "vh-a.KIOSK");
        touch(&usb, "ghi-chu.txt");
        touch(&usb, "._vh-a.KIOSK");
        let got = expand(std::slice::from_ref(&usb), &VI).unwrap();
        assert_eq!(got, vec![a.clone(), b.clone()]);
        let got = expand(&[usb.join("*-b.kiosk"), usb.clone()], &VI).unwrap();
        assert_eq!(got, vec![b.clone(), a.clone()]);
        // A name that is not there is left for the check to name.
        let missing = usb.join("vh-c.kiosk");
        assert_eq!(
            expand(std::slice::from_ref(&missing), &VI).unwrap(),
            vec![missing]
        );
    }

    #[test]
    fn a_folder_or_pattern_with_nothing_in_it_is_said_plainly() {
        let d = tempfile::tempdir().unwrap();
        touch(d.path(), "ghi-chu.txt");
        let said = |args: &[PathBuf], t: &Texts| match expand(args, t) {
            Err(CliError::Usage(m)) => m,
            other => panic!("{other:?}"),
        };
        let folder = d.path().to_path_buf();
        assert_eq!(
            said(std::slice::from_ref(&folder), &VI),
            format!("không có tệp .kiosk nào trong thư mục {}", folder.display())
        );
        let pattern = d.path().join("*.kiosk");
        assert_eq!(
            said(std::slice::from_ref(&pattern), &EN),
            format!("no file matches {}", pattern.display())
        );
    }
}
