//! Opening a database: the SQLite version check, the checks that refuse a
//! file we must not touch (newer, not ours, damaged), the connection settings
//! and the migrations.
//!
//! Order matters. Everything that could refuse the file runs before the first
//! write (switching to WAL writes the header), and the connection is told not
//! to checkpoint on close until the file is accepted, so a refused file is
//! left byte-for-byte as it was.

use std::io::Read;
use std::path::Path;
use std::time::Instant;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior};

use super::error::backup_hint;
use super::schema::{APP_MARKER, LATEST, MIGRATIONS};
use super::{BUSY_TIMEOUT, Result, StoreError, WRITE_PATIENCE, is_busy};

/// The oldest SQLite we run on, as `rusqlite::version_number()` writes it:
/// 3.51.3 fixes a WAL bug that can lose writes with several writers.
pub const MIN_SQLITE: i32 = 3_051_003;

/// Refuses a SQLite older than [`MIN_SQLITE`] (`number` as
/// `rusqlite::version_number()` gives it).
pub fn check_sqlite_version(number: i32) -> Result<()> {
    if number < MIN_SQLITE {
        return Err(StoreError::OldSqlite {
            found: version_text(number),
            needed: version_text(MIN_SQLITE),
        });
    }
    Ok(())
}

fn version_text(n: i32) -> String {
    format!("{}.{}.{}", n / 1_000_000, (n / 1000) % 1000, n % 1000)
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Opens `db`, refusing files we must not touch, then sets the connection up
/// and migrates the schema to [`LATEST`].
pub(crate) fn open_checked(db: &Path, backup_dir: Option<&Path>) -> Result<Connection> {
    check_sqlite_version(rusqlite::version_number())?;
    let io = |source| StoreError::Io {
        path: db.to_path_buf(),
        source,
    };
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let refuse_not_kiosk = |reason: &str| StoreError::NotKiosk {
        path: db.to_path_buf(),
        reason: reason.to_string(),
        backup: backup_hint(backup_dir),
    };
    let corrupt = |detail: String| StoreError::Corrupt {
        path: db.to_path_buf(),
        detail,
        backup: backup_hint(backup_dir),
    };

    // Look at the first bytes ourselves: SQLite would happily "open" a
    // spreadsheet and only fail later.
    match std::fs::File::open(db) {
        Ok(file) => {
            let mut head = Vec::with_capacity(16);
            file.take(16).read_to_end(&mut head).map_err(io)?;
            if !head.is_empty() && head.as_slice() != SQLITE_HEADER {
                return Err(refuse_not_kiosk("it is not an SQLite database file"));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }

    let sql = |e: rusqlite::Error| StoreError::sqlite(db, e);
    let mut conn = Connection::open(db).map_err(sql)?;
    // Until the file is accepted, closing must not checkpoint into it.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .map_err(sql)?;
    conn.busy_handler(Some(busy_waiter())).map_err(sql)?;

    let damaged = |e: &rusqlite::Error| {
        matches!(
            e.sqlite_error_code(),
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase)
        )
    };
    let inspect = || -> rusqlite::Result<Inspection> {
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        let has_meta: bool = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'",
            [],
            |r| r.get::<_, i64>(0).map(|n| n > 0),
        )?;
        let marker: Option<String> = if has_meta {
            conn.query_row("SELECT value FROM meta WHERE key = 'app'", [], |r| r.get(0))
                .optional()?
        } else {
            None
        };
        Ok(Inspection {
            version,
            empty: objects == 0 && version == 0,
            marker,
        })
    };
    let found = match busy_retry(inspect) {
        Ok(found) => found,
        Err(e) if damaged(&e) => return Err(corrupt(e.to_string())),
        Err(e) => return Err(sql(e)),
    };
    if !found.empty {
        if found.marker.as_deref() != Some(APP_MARKER) {
            return Err(refuse_not_kiosk(
                "it is an SQLite database, but not one the kiosk made",
            ));
        }
        if found.version > LATEST {
            return Err(StoreError::Newer {
                path: db.to_path_buf(),
                found: found.version,
                supported: LATEST,
                backup: backup_hint(backup_dir),
            });
        }
    }
    // The check reads every page; mapped, a page costs no copy (a third of
    // the check's time on a large database).
    let mmap = super::PragmaFor::set(&conn, "mmap_size", super::BULK_READ_MMAP);
    let check = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA quick_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    };
    match busy_retry(check) {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => {}
        Ok(lines) => {
            return Err(corrupt(
                lines.into_iter().take(3).collect::<Vec<_>>().join("; "),
            ));
        }
        Err(e) if damaged(&e) => return Err(corrupt(e.to_string())),
        Err(e) => return Err(sql(e)),
    }
    drop(mmap);

    // Accepted: from here on we may write.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
        .map_err(sql)?;
    let mode: String =
        busy_retry(|| conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)))
            .map_err(sql)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(io(std::io::Error::other(format!(
            "could not switch the database to WAL mode (it stayed {mode}); is the folder on a network drive?"
        ))));
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        .map_err(sql)?;
    let migrated = busy_retry(|| migrate(&conn, LATEST)).map_err(sql)?;
    if migrated > LATEST {
        // A newer kiosk migrated the file between our check and our lock.
        return Err(StoreError::Newer {
            path: db.to_path_buf(),
            found: migrated,
            supported: LATEST,
            backup: backup_hint(backup_dir),
        });
    }
    Ok(conn)
}

/// How SQLite waits when another seat holds the lock: short, jittered naps
/// (the busy timeout). SQLite's own timeout sleeps up to 100 ms between
/// looks, which a seat whose neighbour writes every few milliseconds may
/// lose again and again; looking every fraction of a millisecond gets a turn
/// sooner and keeps the wait after "Next" short. After [`BUSY_TIMEOUT`] it
/// gives up and [`super::Store::write`] retries the whole transaction.
fn busy_waiter() -> impl FnMut(i32) -> bool + Send + 'static {
    let mut since = Instant::now();
    move |tries| {
        if tries == 0 {
            since = Instant::now();
        }
        if since.elapsed() >= BUSY_TIMEOUT {
            return false;
        }
        let nap_us = (50 * (tries as u64 + 1)).min(1000) + rand::random::<u64>() % 250;
        std::thread::sleep(std::time::Duration::from_micros(nap_us));
        true
    }
}

struct Inspection {
    version: i64,
    empty: bool,
    marker: Option<String>,
}

/// Retries `f` while the database is busy (another seat starting up at the
/// same moment holds a lock longer than the busy timeout).
fn busy_retry<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let started = Instant::now();
    loop {
        match f() {
            Err(e) if is_busy(&e) && started.elapsed() < WRITE_PATIENCE => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

/// Brings the schema to `target` inside one `BEGIN IMMEDIATE` transaction
/// and returns the version found or reached. The version is read again
/// inside the transaction: two seats starting together both see version 0
/// outside it, but only the first to take the lock migrates.
pub(crate) fn migrate(conn: &Connection, target: i64) -> rusqlite::Result<i64> {
    let outside: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if outside >= target {
        return Ok(outside);
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version >= target {
        return Ok(version);
    }
    for sql in &MIGRATIONS[version as usize..target as usize] {
        tx.execute_batch(sql)?;
    }
    if version == 0 {
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('app', ?1), ('created_at', ?2)",
            (APP_MARKER, super::now_ms().to_string()),
        )?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(target)
}

#[cfg(test)]
mod tests;
