//! A store error, said to the person at the keyboard in the configured
//! language. The store's own messages are English (they are for logs and
//! developers); the commands that volunteers run speak Vietnamese by default,
//! so the refusals they meet most (a database that is not the kiosk's, a
//! newer or damaged one, a busy one) are rebuilt here from the error's fields.
//! Errors whose detail comes from the system (file or SQLite errors) keep it.

use std::path::Path;

use crate::commands::CliError;
use crate::config::Config;
use crate::i18n::{Texts, fill, texts};
use crate::store::{StoreError, backup};

/// `e` as a one-line message in `cfg.language`, with the same exit code as
/// the plain conversion (a bad value typed: 2; anything else: 1). A bad
/// value keeps the store's words here: the command that passed the value
/// knows what was typed and says what is wrong with it (see
/// `residents::refusal`).
pub fn explain(e: StoreError, cfg: &Config) -> CliError {
    let t = texts(cfg.language);
    let backup = || backup_hint(t, &cfg.backup_dir);
    let text = match &e {
        StoreError::OldSqlite { found, needed } => {
            fill(t.cli_old_sqlite, &[("found", found), ("needed", needed)])
        }
        StoreError::Newer {
            path,
            found,
            supported,
            ..
        } => fill(
            t.cli_db_newer,
            &[
                ("path", &path.display()),
                ("found", found),
                ("supported", supported),
                ("backup", &backup()),
            ],
        ),
        StoreError::NotKiosk { path, reason, .. } => fill(
            t.cli_db_not_kiosk,
            &[
                ("path", &path.display()),
                ("reason", reason),
                ("backup", &backup()),
            ],
        ),
        StoreError::Corrupt { path, detail, .. } => fill(
            t.cli_db_damaged,
            &[
                ("path", &path.display()),
                ("detail", detail),
                ("backup", &backup()),
            ],
        ),
        StoreError::Busy { path, secs } => {
            fill(t.cli_db_busy, &[("path", &path.display()), ("secs", secs)])
        }
        StoreError::NotFound { id, .. } => fill(t.cli_not_found, &[("id", id)]),
        StoreError::Io { .. } | StoreError::Sqlite { .. } | StoreError::Invalid { .. } => {
            return CliError::from(e);
        }
    };
    CliError::Failed(text)
}

/// "newest backup: FILE", or that there is none, in the configured language
/// (the store's own hint is English).
fn backup_hint(t: &Texts, dir: &Path) -> String {
    match backup::newest_backup(dir) {
        Some(file) => fill(t.cli_newest_backup, &[("file", &file.display())]),
        None => fill(t.cli_no_backup_in, &[("dir", &dir.display())]),
    }
}
