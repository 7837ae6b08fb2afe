//! The progress store: the only module that speaks SQL.
//!
//! One [`Store`] owns one SQLite connection to the database named in
//! `kiosk.toml`. Several seats (processes) may share that file: the database
//! runs in WAL mode, every write is one short `BEGIN IMMEDIATE` transaction
//! ([`Store::write`]) retried for a bounded time while another seat holds the
//! write lock, and `synchronous=FULL` makes a committed write survive a pulled
//! plug. Opening refuses (and leaves untouched) a database that is newer than
//! this binary, not a kiosk database, or damaged.
//!
//! Files: `open.rs` (opening, checks, migrations), `residents.rs`,
//! `learner.rs` (what the learner screens record), `backup.rs` (snapshots),
//! `error.rs`, `schema.rs`.

pub mod backup;
mod error;
pub mod learner;
mod names;
mod open;
pub mod residents;
// coordinator (exports, reports, bundles, merges)
mod attendance;
#[doc(hidden)]
pub mod bulk;
pub mod export;
#[doc(hidden)]
pub mod fixture;
pub mod merge;
pub mod report;
pub mod schema;
// instructor helper (the PIN and the instructor views)
pub mod instructor;
pub mod pin;
// ops helper: `kiosk seed`'s bulk writes.
pub mod seed;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use crate::config::Config;

pub use error::{NotBackup, Result, StoreError};
pub use learner::{EndReason, ModuleProgress, QuizResult, Resume};
pub use open::{MIN_SQLITE, check_sqlite_version};
pub use residents::{NewResident, Resident};

/// How long SQLite itself waits for another seat's write lock on each try.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a write keeps retrying in all before it reports "busy". Seats
/// hold the lock for a few milliseconds, so reaching this means something
/// outside the kiosk holds the database.
const WRITE_PATIENCE: Duration = Duration::from_secs(60);

/// An open kiosk database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    site_id: String,
    seat: String,
    /// This seat's in-memory copy of the name search keys.
    names: std::cell::RefCell<names::NameIndex>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("site_id", &self.site_id)
            .field("seat", &self.seat)
            .finish()
    }
}

impl Store {
    /// Opens (creating or migrating if needed) the database `cfg` names.
    pub fn open(cfg: &Config) -> Result<Store> {
        Store::open_path(
            &cfg.database,
            &cfg.site_id,
            &cfg.seat,
            Some(&cfg.backup_dir),
        )
    }

    /// Opens the database at `db` for `site_id`'s seat `seat`. `backup_dir`
    /// is only used to name the newest backup when the file is refused.
    pub fn open_path(
        db: &Path,
        site_id: &str,
        seat: &str,
        backup_dir: Option<&Path>,
    ) -> Result<Store> {
        let conn = open::open_checked(db, backup_dir)?;
        Ok(Store {
            conn,
            path: db.to_path_buf(),
            site_id: site_id.to_string(),
            seat: seat.to_string(),
            names: Default::default(),
        })
    }

    pub fn site_id(&self) -> &str {
        &self.site_id
    }

    pub fn seat(&self) -> &str {
        &self.seat
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for the other files of the store. Reads that need
    /// more than one statement to agree should go through [`Store::read`].
    #[allow(dead_code)] // for the instructor, export and report files
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction and commits. While
    /// another seat holds the write lock SQLite waits (busy timeout); if it
    /// still reports busy the whole transaction is retried with a growing
    /// pause, for at most [`WRITE_PATIENCE`]. `f` may run more than once, so
    /// it must only touch the database.
    pub(crate) fn write<T>(
        &self,
        mut f: impl FnMut(&Transaction) -> rusqlite::Result<T>,
    ) -> Result<T> {
        self.retrying(|conn| {
            let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })
    }

    /// Runs `f` in one read transaction, so that all its statements see the
    /// same moment, with the same busy retry as [`Store::write`].
    pub(crate) fn read<T>(
        &self,
        mut f: impl FnMut(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T> {
        self.retrying(|conn| {
            let tx = Transaction::new_unchecked(conn, TransactionBehavior::Deferred)?;
            let value = f(conn)?;
            tx.commit()?;
            Ok(value)
        })
    }

    /// SQLite's full `PRAGMA integrity_check`: `["ok"]` when the file is
    /// sound, otherwise the problems found (for `kiosk doctor` and tests).
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        self.retrying(|c| {
            let mut stmt = c.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            rows.collect()
        })
    }

    /// Runs `f` outside any transaction of ours (for statements such as
    /// `VACUUM INTO` that refuse to run inside one), retried while busy.
    pub(crate) fn retrying<T>(
        &self,
        mut attempt: impl FnMut(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let started = Instant::now();
        let mut pause = Duration::from_millis(2);
        loop {
            match attempt(&self.conn) {
                Ok(value) => return Ok(value),
                Err(e) if is_busy(&e) => {
                    if started.elapsed() >= WRITE_PATIENCE {
                        return Err(StoreError::Busy {
                            path: self.path.clone(),
                            secs: WRITE_PATIENCE.as_secs(),
                        });
                    }
                    // A little jitter so that seats which collided do not
                    // collide again in lock-step.
                    let jitter = Duration::from_micros(rand::random::<u64>() % 2000);
                    std::thread::sleep(pause + jitter);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                Err(e) => return Err(StoreError::sqlite(&self.path, e)),
            }
        }
    }
}

/// Whether `e` means "another connection holds the lock; try again".
pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked)
    )
}

/// Now, in UTC milliseconds since 1970 (the unit of every `*_at` column).
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// A new globally unique id (UUID v7: time-ordered, so ids made later in
/// this process sort later).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// How much of the database file whole-file reads (the damage check at
/// opening, exports) may map into memory. This is address space, not memory
/// the kiosk allocates: the pages are the operating system's file cache
/// either way, and mapping them saves copying every page.
pub(crate) const BULK_READ_MMAP: i64 = 1 << 34;

/// Sets a connection setting (`PRAGMA name = value`) for a while and puts
/// the old value back when dropped, however the work in between ended: a
/// merge or a bulk read may use a large page cache or memory-mapped reads,
/// a seat's everyday connection should not keep them.
pub(crate) struct PragmaFor<'c> {
    conn: &'c Connection,
    name: &'static str,
    old: Option<i64>,
}

impl<'c> PragmaFor<'c> {
    pub(crate) fn set(conn: &'c Connection, name: &'static str, value: i64) -> PragmaFor<'c> {
        let old = conn.pragma_query_value(None, name, |r| r.get(0)).ok();
        // A setting this SQLite refuses only costs speed, never data.
        let _ = conn.pragma_update(None, name, value);
        PragmaFor { conn, name, old }
    }
}

impl Drop for PragmaFor<'_> {
    fn drop(&mut self) {
        if let Some(old) = self.old {
            let _ = self.conn.pragma_update(None, self.name, old);
        }
    }
}
