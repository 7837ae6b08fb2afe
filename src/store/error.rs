//! The store's typed errors. Every message names the database file, and the
//! ones that refuse to open a database also name the newest backup, because
//! the person reading them needs to know what to restore.

use std::path::{Path, PathBuf};

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The SQLite compiled into this binary has a known WAL bug with several
    /// writers; refusing is safer than losing answers.
    #[error(
        "this kiosk was built with SQLite {found}, which is older than {needed} \
         (a bug there can lose data when several seats write at once); rebuild it with a newer SQLite"
    )]
    OldSqlite { found: String, needed: String },

    #[error(
        "{path} was written by a newer kiosk (database version {found}, this kiosk knows up to {supported}); \
         nothing was changed. Install the newer kiosk, or restore a backup ({backup})"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
        backup: String,
    },

    #[error(
        "{path} is not a kiosk database ({reason}); nothing was changed. \
         Check `database` in kiosk.toml, or restore a backup ({backup})"
    )]
    NotKiosk {
        path: PathBuf,
        reason: String,
        backup: String,
    },

    #[error("{path} is damaged ({detail}); nothing was changed. Restore a backup ({backup})")]
    Corrupt {
        path: PathBuf,
        detail: String,
        backup: String,
    },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "{path} stayed busy for {secs} seconds (another seat or program keeps writing); try again"
    )]
    Busy { path: PathBuf, secs: u64 },

    /// `kiosk restore` was given a file it must not put in place.
    #[error("{path} cannot be restored: {why}")]
    NotBackup { path: PathBuf, why: NotBackup },

    /// `kiosk restore` found the database open (a seat still running).
    #[error("{path} is open in a running kiosk or another program; stop it first, then try again")]
    InUse { path: PathBuf },

    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },

    /// A value a person typed or a file gave is not acceptable.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },

    #[error("no {what} with id {id:?}")]
    NotFound { what: &'static str, id: String },
}

/// Why a file is not a backup to restore.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotBackup {
    #[error("it is the database in use")]
    Live,
    #[error("the file is empty")]
    Empty,
    #[error("it is a bundle of site {site}, to merge with kiosk merge")]
    Bundle { site: String },
}

/// Result with [`StoreError`].
pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> StoreError {
        StoreError::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// The same write may well succeed later, unchanged: the database was
    /// busy, the disk full or read-only, or the file could not be reached.
    /// (A refused value or a missing record stays refused.)
    pub fn is_transient(&self) -> bool {
        use rusqlite::ErrorCode as C;
        match self {
            StoreError::Busy { .. } | StoreError::Io { .. } | StoreError::InUse { .. } => true,
            StoreError::Sqlite { source, .. } => matches!(
                source.sqlite_error_code(),
                Some(
                    C::DatabaseBusy
                        | C::DatabaseLocked
                        | C::DiskFull
                        | C::ReadOnly
                        | C::SystemIoFailure
                        | C::CannotOpen
                        | C::OutOfMemory
                        | C::FileLockingProtocolFailed
                )
            ),
            _ => false,
        }
    }

    pub(crate) fn sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// "newest backup: FILE" or why there is none, for refusal messages.
pub(crate) fn backup_hint(dir: Option<&Path>) -> String {
    match dir {
        None => "no backup folder is configured".to_string(),
        Some(dir) => match super::backup::newest_backup(dir) {
            Some(file) => format!("newest backup: {}", file.display()),
            None => format!("no backup found in {}", dir.display()),
        },
    }
}
