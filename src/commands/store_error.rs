//! A store error, said to the person at the keyboard in the configured
//! language. The store's own messages are English (they are for logs and
//! developers); the commands that volunteers run speak Vietnamese by default,
//! so the refusals they meet most (a database that is not the kiosk's, a
//! newer or damaged one, a busy one) are rebuilt here from the error's fields.
//! A file error is said in the system's words translated (`i18n::os_error`);
//! SQLite errors keep their detail.

use std::path::Path;

use crate::commands::CliError;
use crate::config::Config;
use crate::i18n::{EN, Texts, fill, os_error, texts};
use crate::store::{NotBackup, StoreError, backup};

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
                ("reason", &not_kiosk_reason(t, reason)),
                ("backup", &backup()),
            ],
        ),
        StoreError::Corrupt { path, detail, .. } => fill(
            t.cli_db_damaged,
            &[
                ("path", &path.display()),
                // SQLite's report runs over several lines; one line here.
                (
                    "detail",
                    &detail.split_whitespace().collect::<Vec<_>>().join(" "),
                ),
                ("backup", &backup()),
            ],
        ),
        StoreError::Busy { path, secs } => {
            fill(t.cli_db_busy, &[("path", &path.display()), ("secs", secs)])
        }
        // A file named by mistake: exit 2, as for any mistake typed.
        StoreError::NotBackup { path, why } => {
            let path = path.display();
            return CliError::Usage(match why {
                NotBackup::Live => fill(t.rst_is_live, &[("path", &path)]),
                NotBackup::Empty => fill(t.rst_empty, &[("path", &path)]),
                NotBackup::Bundle { site } => {
                    fill(t.rst_bundle, &[("path", &path), ("site", site)])
                }
            });
        }
        StoreError::InUse { path } => fill(t.cli_db_in_use, &[("path", &path.display())]),
        StoreError::NotFound { id, .. } => fill(t.cli_not_found, &[("id", id)]),
        // The system's words for a file error, in the kiosk's language.
        StoreError::Io { path, source } => {
            format!("{}: {}", path.display(), crate::i18n::os_error(t, source))
        }
        StoreError::Sqlite { .. } | StoreError::Invalid { .. } => {
            return CliError::from(e);
        }
    };
    CliError::Failed(text)
}

/// A failure writing `out` (a bundle or a backup), as one line naming
/// `out`: the disk is full, or writing failed (a stick pulled out, a file
/// too large for it). SQLite reports these against the database it was
/// working in, which for a bundle or a backup is the kiosk's own database
/// (only read) or a hidden temporary file: a volunteer read
/// "site-a/data/kiosk.db: database or disk is full" about a full USB
/// stick. Anything else as [`explain`].
pub fn explain_writing(e: StoreError, cfg: &Config, out: &Path) -> CliError {
    use rusqlite::ffi;
    let t = texts(cfg.language);
    let detail = match &e {
        StoreError::Sqlite {
            source: rusqlite::Error::SqliteFailure(f, message),
            ..
        } => match f.extended_code {
            ffi::SQLITE_FULL => Some(t.os_disk_full.to_string()),
            ffi::SQLITE_IOERR_WRITE | ffi::SQLITE_IOERR_FSYNC | ffi::SQLITE_IOERR_TRUNCATE => {
                let said = message.clone().unwrap_or_else(|| f.to_string());
                Some(fill(t.os_other, &[("detail", &said)]))
            }
            _ => None,
        },
        StoreError::Io { source, .. } => Some(os_error(t, source)),
        _ => None,
    };
    match detail {
        Some(error) => CliError::Failed(fill(
            t.cmd_write_failed,
            &[("path", &out.display()), ("error", &error)],
        )),
        None => explain(e, cfg),
    }
}

/// The store's reason for refusing a file, in `t`'s language. The store
/// words its two reasons as the English texts here (a test holds them
/// together); any other reason is shown as it is.
fn not_kiosk_reason<'a>(t: &'static Texts, reason: &'a str) -> &'a str {
    if reason == EN.cli_reason_not_sqlite {
        t.cli_reason_not_sqlite
    } else if reason == EN.cli_reason_not_ours {
        t.cli_reason_not_ours
    } else {
        reason
    }
}

/// "newest backup: FILE", or that there is none, in the configured language
/// (the store's own hint is English).
fn backup_hint(t: &Texts, dir: &Path) -> String {
    match backup::newest_backup(dir) {
        Some(file) => fill(t.cli_newest_backup, &[("file", &file.display())]),
        None => fill(t.cli_no_backup_in, &[("dir", &dir.display())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::Store;

    /// Settings for a database at `db` in `dir`, in `lang`.
    fn config(dir: &Path, lang: &str) -> Config {
        let path = dir.join("kiosk.toml");
        std::fs::write(
            &path,
            format!("language = \"{lang}\"\n[site]\nid = \"vh-test\"\nname = \"Thử\"\n"),
        )
        .unwrap();
        Config::load(&path).unwrap()
    }

    #[test]
    fn a_file_the_kiosk_did_not_make_is_refused_in_the_settings_language() {
        let dir = tempfile::tempdir().unwrap();
        let vi = config(dir.path(), "vi");
        assert_eq!(vi.language, Lang::Vi);
        std::fs::create_dir_all(vi.database.parent().unwrap()).unwrap();

        // Not SQLite at all.
        std::fs::write(&vi.database, "Họ và tên,Năm sinh\n").unwrap();
        let said = explain(Store::open(&vi).err().unwrap(), &vi).to_string();
        assert!(said.contains("(đây không phải tệp SQLite)"), "{said}");
        assert!(said.contains("chưa có bản sao lưu nào trong"), "{said}");

        // SQLite, but another program's.
        std::fs::remove_file(&vi.database).unwrap();
        rusqlite::Connection::open(&vi.database)
            .unwrap()
            .execute_batch("CREATE TABLE sổ (tên TEXT)")
            .unwrap();
        let said = explain(Store::open(&vi).err().unwrap(), &vi).to_string();
        assert!(
            said.contains("(đây là tệp SQLite nhưng không do kiosk tạo ra)"),
            "{said}"
        );
        let en = config(dir.path(), "en");
        let said = explain(Store::open(&en).err().unwrap(), &en).to_string();
        assert!(
            said.contains(
                "is not a kiosk database (it is an SQLite database, but not one the kiosk made)"
            ),
            "{said}"
        );
    }
}
