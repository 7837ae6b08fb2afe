//! `kiosk merge FILE...`: merges bundles from cultural houses into this
//! database. Every file is checked before anything is merged, so one wrong
//! file on the stick stops the command with nothing changed; then each
//! bundle is merged in its own transaction, and the lines saying so are
//! printed once all of it is on the disk. A folder or a `*` pattern stands
//! for the bundles in it (`files`).

mod files;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::coordinator_errors::merge as explain;
use crate::commands::{CliError, load_config, store_error};
use crate::i18n::{fill, texts};
use crate::store::Store;
use crate::store::merge::{PartialMerge, check_bundles};

pub fn run(cli: &Cli, files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    let t = texts(cfg.language);
    // Fifty bundles take half a minute: on a terminal, say that it moves
    // (on stderr, one line rewritten, wiped at the end; never in a pipe).
    let files = files::expand(files, t)?;
    let mut progress = Progress::on_terminal();
    progress.say(&fill(t.cmd_merge_checking, &[("n", &files.len())]));
    let checked = check_bundles(&files).map_err(|e| {
        progress.done();
        explain(e, &cfg, "")
    })?;
    let store = Store::open(&cfg).map_err(|e| {
        progress.done();
        store_error::explain(e, &cfg)
    })?;
    let total = checked.len();
    progress.say(&fill(
        t.cmd_merge_progress,
        &[("done", &0), ("total", &total)],
    ));
    // Lines are printed once the merge is on the disk (merge_bundles syncs
    // before it returns), so nothing is reported that a power cut could
    // take back.
    let result = store.merge_bundles_reporting(&checked, |done| {
        progress.say(&fill(
            t.cmd_merge_progress,
            &[("done", &done), ("total", &total)],
        ));
    });
    progress.done();
    let (merged, error, known) = match result {
        Ok(merged) => (merged, None, Vec::new()),
        Err(partial) => {
            let PartialMerge {
                merged,
                error,
                known,
            } = *partial;
            (merged, Some(error), known)
        }
    };
    for (b, n) in checked.iter().zip(&merged) {
        let (file, site) = (b.path.display(), &b.site_id);
        // A bundle of this very site is right for bringing lost records
        // back, but it is also what two kiosks given the same site id
        // look like: say so while it is still easy to mend.
        if *site == cfg.site_id {
            let args: [(&str, &dyn std::fmt::Display); 2] = [("file", &file), ("site", site)];
            println!("{}", fill(t.cmd_merge_own_site, &args));
        }
        if n.is_empty() {
            // Passed over as merged before, or read through and every
            // record found here already (an older bundle of a site whose
            // newer one came first): both change nothing, but only the
            // first was merged "before".
            let args: [(&str, &dyn std::fmt::Display); 2] = [("file", &file), ("site", site)];
            let said = if n.known {
                t.cmd_merge_nothing_new
            } else {
                t.cmd_merge_all_here
            };
            println!("{}", fill(said, &args));
        } else {
            println!(
                "{}",
                fill(
                    t.cmd_merge_counts,
                    &[
                        ("file", &file),
                        ("site", site),
                        ("added", &n.residents_added),
                        ("updated", &n.residents_updated),
                        ("erased", &n.residents_erased),
                        ("records", &n.records_added),
                        ("ended", &n.sessions_ended),
                    ]
                )
            );
        }
    }
    let Some(e) = error else {
        return Ok(ExitCode::SUCCESS);
    };
    // The merge stops at the refused bundle (merged.len()): name the ones
    // before it, merged, and the ones after it, not merged yet.
    let names = |bundles: &[crate::store::merge::CheckedBundle]| {
        let names: Vec<String> = bundles
            .iter()
            .map(|b| b.path.display().to_string())
            .collect();
        names.join(", ")
    };
    // After the refused one, a bundle merged on an earlier day is not
    // "still to merge": it counts with the merged ones.
    let refused = merged.len();
    let known_at = |i: usize| known.get(i).copied().unwrap_or(false);
    let (mut done_list, mut after) = (checked[..refused].to_vec(), Vec::new());
    for (i, b) in checked.iter().enumerate().skip(refused + 1) {
        if known_at(i) {
            done_list.push(b.clone());
        } else {
            after.push(b.clone());
        }
    }
    let mut done = String::new();
    if !done_list.is_empty() {
        done = fill(t.cmd_merge_already, &[("files", &names(&done_list))]);
    }
    if !after.is_empty() {
        done.push_str(&fill(t.cmd_merge_not_yet, &[("files", &names(&after))]));
    }
    Err(explain(e, &cfg, &done))
}

/// One line of progress on stderr, rewritten in place, only when stderr is
/// a terminal (a script reading the output sees only the result lines).
/// The old line is overwritten with spaces rather than an escape sequence,
/// which Windows' console would print as it is.
struct Progress {
    on: bool,
    /// Columns the line on screen takes.
    shown: usize,
}

impl Progress {
    fn on_terminal() -> Progress {
        Progress {
            on: std::io::stderr().is_terminal(),
            shown: 0,
        }
    }

    fn say(&mut self, line: &str) {
        if self.on {
            let width = unicode_width::UnicodeWidthStr::width(line);
            let rest = " ".repeat(self.shown.saturating_sub(width));
            eprint!("\r{line}{rest}");
            self.shown = width;
        }
    }

    /// Wipes the line, so the result lines start on a clean one.
    fn done(&mut self) {
        if std::mem::take(&mut self.on) {
            eprint!("\r{}\r", " ".repeat(self.shown));
        }
    }
}
