//! Putting a backup back in place of the live database (`kiosk restore`).
//!
//! Nothing is deleted. The file it replaces stays beside it under a dated
//! name, with its write-ahead log, so whatever was written after the backup
//! can still be recovered by hand.
//!
//! The order makes a crash at any point safe:
//! 1. the backup is copied next to the database, and the copy is checked as
//!    the kiosk checks a database at start-up (ours, not newer, undamaged)
//!    and migrated; the backup itself is only read (it may be on a stick);
//! 2. the live database must not be open anywhere: a seat still running
//!    would go on writing into the file set aside;
//! 3. the live file gets its second name (a hard link, else a copy) and its
//!    write-ahead log moves to that name, so the old log can never be played
//!    into the restored file;
//! 4. the checked copy is renamed over the live name and the folder synced.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::{same_file, stamp_of};
use crate::durable::with_suffix;
use crate::store::{NotBackup, Result, StoreError, is_busy, open::open_checked};

/// A backup copied next to the database and checked, ready to go in.
#[derive(Debug)]
pub struct Candidate {
    /// The backup as it was named.
    pub backup: PathBuf,
    /// When it was made: from its dated name, else from the file's time.
    pub made: Option<DateTime<Local>>,
    /// Residents in it, the forgotten left out.
    pub residents: i64,
    /// The newest record in it (a sign-in, a page, a mark, a registration),
    /// in UTC milliseconds.
    pub newest_record: Option<i64>,
    copy: TempCopy,
}

/// What [`finish`] did.
#[derive(Debug)]
pub struct Restored {
    /// Where the replaced database now is (none when there was none).
    pub set_aside: Option<PathBuf>,
}

/// Copies `backup` next to `db` and checks the copy. Nothing of `db`
/// changes; a refused backup leaves nothing behind.
pub fn prepare(db: &Path, backup: &Path) -> Result<Candidate> {
    let io = |path: &Path, source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let refuse = |why| StoreError::NotBackup {
        path: backup.to_path_buf(),
        why,
    };
    if same_file(db, backup) {
        return Err(refuse(NotBackup::Live));
    }
    let meta = std::fs::metadata(backup).map_err(|e| io(backup, e))?;
    if !meta.is_file() {
        return Err(io(
            backup,
            std::io::Error::new(std::io::ErrorKind::IsADirectory, "not a file"),
        ));
    }
    // SQLite takes an empty file for a new database: restoring it would put
    // an empty kiosk in place of the real one.
    if meta.len() == 0 {
        return Err(refuse(NotBackup::Empty));
    }
    let folder = crate::durable::folder_of(db).to_path_buf();
    std::fs::create_dir_all(&folder).map_err(|e| io(&folder, e))?;
    crate::leftovers::sweep(&folder, ".kiosk-restore-", ".db");
    let copy = TempCopy::new(folder.join(format!(
        ".kiosk-restore-{}-{}.db",
        std::process::id(),
        crate::store::now_ms()
    )));
    std::fs::copy(backup, &copy.path).map_err(|e| io(backup, e))?;
    // A database set aside by an earlier restore (to undo it), or copied
    // with its log: the rows still in the log come along.
    let backup_wal = with_suffix(backup, "-wal");
    if backup_wal.is_file() {
        std::fs::copy(&backup_wal, with_suffix(&copy.path, "-wal"))
            .map_err(|e| io(&backup_wal, e))?;
    }
    // The checks of start-up, on the copy; a refusal names the backup.
    let conn = open_checked(&copy.path, None).map_err(|e| named(e, backup))?;
    // A bundle carries the kiosk's mark too, but only one site's records
    // for merging: never a database to run on.
    let bundle = conn
        .query_row(
            "SELECT (SELECT value FROM meta WHERE key = 'kind'),
                    (SELECT value FROM meta WHERE key = 'bundle_site')",
            [],
            |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                ))
            },
        )
        .map_err(|e| StoreError::sqlite(backup, e))?;
    if bundle.0.as_deref() == Some(crate::store::merge::BUNDLE_KIND) {
        return Err(refuse(NotBackup::Bundle {
            site: bundle.1.unwrap_or_default(),
        }));
    }
    let counted = count(&conn).map_err(|e| StoreError::sqlite(backup, e));
    // One file again: the copy's log folded in and gone before it moves.
    let single = conn.pragma_update(None, "journal_mode", "DELETE");
    drop(conn);
    let (residents, newest_record) = counted?;
    single.map_err(|e| StoreError::sqlite(backup, e))?;
    crate::durable::sync_file(&copy.path).map_err(|e| io(&copy.path, e))?;
    let name = backup.file_name().and_then(|n| n.to_str());
    let made = name
        .and_then(stamp_of)
        .or_else(|| meta.modified().ok().map(DateTime::<Local>::from));
    Ok(Candidate {
        backup: backup.to_path_buf(),
        made,
        residents,
        newest_record,
        copy,
    })
}

/// Puts `candidate` in place of `db`, keeping the old file beside it.
pub fn finish(db: &Path, candidate: Candidate) -> Result<Restored> {
    let io = |path: &Path, source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = crate::durable::folder_of(db).to_path_buf();
    let wal = with_suffix(db, "-wal");
    let shm = with_suffix(db, "-shm");
    let aside = aside_name(db);
    let mut set_aside = None;
    // Held until the restored file is in place (Unix), so a seat starting
    // meanwhile waits instead of opening the file being set aside. Windows
    // cannot rename over a file held open, so there it is let go at once.
    let lock = if db.exists() {
        ensure_closed(db)?
    } else {
        None
    };
    #[cfg(windows)]
    drop(lock);
    if db.exists() {
        if std::fs::hard_link(db, &aside).is_err() {
            std::fs::copy(db, &aside).map_err(|e| io(&aside, e))?;
            crate::durable::sync_file(&aside).map_err(|e| io(&aside, e))?;
        }
        set_aside = Some(aside.clone());
    }
    // The log goes with the file it belongs to, also when that file was
    // deleted by hand: played into the restored file, it would damage it.
    if wal.exists() {
        let aside_wal = with_suffix(&aside, "-wal");
        std::fs::rename(&wal, &aside_wal).map_err(|e| io(&wal, e))?;
        set_aside.get_or_insert(aside_wal);
    }
    // The index of a log that is gone: stale, and rebuilt on the next open.
    if shm.exists() {
        std::fs::remove_file(&shm).map_err(|e| io(&shm, e))?;
    }
    let mut copy = candidate.copy;
    std::fs::rename(&copy.path, db).map_err(|e| io(db, e))?;
    copy.placed = true;
    crate::durable::sync_dir(&folder).map_err(|e| io(&folder, e))?;
    #[cfg(not(windows))]
    drop(lock);
    Ok(Restored { set_aside })
}

/// Refuses when any connection has `db` open: an open connection in WAL
/// mode holds a shared lock, so an exclusive one cannot be had. Returns the
/// connection holding the exclusive lock, if the file could be locked.
fn ensure_closed(db: &Path) -> Result<Option<Connection>> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| StoreError::sqlite(db, e))?;
    // Asked once, not waited for: a seat that has it open keeps it open.
    conn.busy_timeout(std::time::Duration::ZERO)
        .map_err(|e| StoreError::sqlite(db, e))?;
    // Only looking: this connection must not fold the log into the file.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .map_err(|e| StoreError::sqlite(db, e))?;
    let locked = conn
        .pragma_update(None, "locking_mode", "EXCLUSIVE")
        .and_then(|()| conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;"));
    match locked {
        Err(e) if is_busy(&e) => Err(StoreError::InUse {
            path: db.to_path_buf(),
        }),
        Ok(()) => Ok(Some(conn)),
        // A file too damaged to lock is not one a kiosk is running on (it
        // refuses a damaged file at start-up); it is set aside as it is.
        Err(_) => Ok(None),
    }
}

/// Residents in the database (the forgotten left out) and its newest record.
fn count(conn: &Connection) -> rusqlite::Result<(i64, Option<i64>)> {
    let residents = conn.query_row(
        "SELECT count(*) FROM residents WHERE forgotten_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    let newest = conn.query_row(
        "SELECT max(t) FROM (
            SELECT max(started_at) AS t FROM seat_sessions
            UNION ALL SELECT max(seen_at) FROM step_views
            UNION ALL SELECT max(marked_at) FROM attendance
            UNION ALL SELECT max(updated_at) FROM residents)",
        [],
        |r| r.get(0),
    )?;
    Ok((residents, newest))
}

/// A refusal of the checked copy, naming the backup instead of the copy.
fn named(e: StoreError, backup: &Path) -> StoreError {
    let path = backup.to_path_buf();
    match e {
        StoreError::Newer {
            found,
            supported,
            backup,
            ..
        } => StoreError::Newer {
            path,
            found,
            supported,
            backup,
        },
        StoreError::NotKiosk { reason, backup, .. } => StoreError::NotKiosk {
            path,
            reason,
            backup,
        },
        StoreError::Corrupt { detail, backup, .. } => StoreError::Corrupt {
            path,
            detail,
            backup,
        },
        StoreError::Sqlite { source, .. } => StoreError::Sqlite { path, source },
        e => e,
    }
}

/// `kiosk.db` → `kiosk.db.replaced-2026-12-01-031502` (a number added if
/// that is taken).
fn aside_name(db: &Path) -> PathBuf {
    let stamp = Local::now().format("%Y-%m-%d-%H%M%S");
    let base = with_suffix(db, &format!(".replaced-{stamp}"));
    let mut candidate = base.clone();
    let mut n = 2;
    while candidate.exists() || with_suffix(&candidate, "-wal").exists() {
        candidate = with_suffix(&base, &format!("-{n}"));
        n += 1;
    }
    candidate
}

/// The checked copy: removed (with any log of its own) unless it was
/// placed, also when the command is interrupted.
#[derive(Debug)]
struct TempCopy {
    path: PathBuf,
    placed: bool,
}

impl TempCopy {
    fn new(path: PathBuf) -> TempCopy {
        crate::leftovers::register(&path);
        TempCopy {
            path,
            placed: false,
        }
    }
}

impl Drop for TempCopy {
    fn drop(&mut self) {
        if !self.placed {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let _ = std::fs::remove_file(with_suffix(&self.path, suffix));
            }
        }
        crate::leftovers::unregister(&self.path);
    }
}

#[cfg(test)]
mod tests;
