//! Bundles and merges: how records travel from each cultural house to the
//! ward coordinator on a USB stick.
//!
//! A bundle is an ordinary SQLite file with this schema, holding one site's
//! records, every deletion marker, and `meta` rows saying it is a bundle, of
//! which site and schema version. Merging it is one transaction that:
//! 1. adds the bundle's deletion markers (`forgotten`) first, so that
//! 2. residents already forgotten here, or there, arrive or stay erased,
//! 3. other residents are added, or updated when the bundle's copy is newer,
//! 4. events are added with `INSERT OR IGNORE` on their globally unique ids
//!    (so merging twice changes nothing, and sites never collide), and
//! 5. sessions that were still open here gain the end the bundle knows.
//!
//! A file that is not a bundle, is damaged, or comes from a newer kiosk is
//! refused before anything is written.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

use super::schema::{APP_MARKER, LATEST};
use super::{Store, StoreError, now_ms};

mod ledger;
mod totals;

/// The page cache while merging, as SQLite's `cache_size` (negative: KiB).
const MERGE_CACHE_KIB: i64 = -131_072;

/// Bundles merged in one transaction. Fewer, larger transactions write each
/// index page once for several bundles instead of once for each; SQLite
/// attaches at most ten files to a connection.
const BUNDLES_PER_TRANSACTION: usize = 8;

/// `meta.kind` of a bundle.
pub const BUNDLE_KIND: &str = "bundle";

/// Record tables in an order that satisfies their foreign keys. Tables a
/// later migration adds with a `site_id` column are carried after these.
const RECORD_TABLES: &[&str] = &[
    "seat_sessions",
    "step_views",
    "quiz_attempts",
    "quiz_answers",
    "quiz_results",
    "class_sessions",
    "attendance",
    "indicator_events",
];

/// Never carried: this database's own bookkeeping and secrets.
const LOCAL_TABLES: &[&str] = &["meta", "local_settings", "residents", "forgotten"];

/// Why a bundle was refused. Every message ends in "nothing was changed".
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a kiosk bundle ({reason}); nothing was changed")]
    NotBundle { path: PathBuf, reason: NotBundle },
    #[error(
        "{path} was made by a newer kiosk (version {found}, this kiosk knows up to {supported}); \
         nothing was changed: update this kiosk first"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "{path} is damaged ({detail}); nothing was changed: make the bundle again at its cultural house"
    )]
    Corrupt { path: PathBuf, detail: Damage },
    #[error(
        "{path}: resident {id} is registered here differently: two kiosks use the site id {site:?}; \
         nothing was changed. Give each cultural house its own site id in kiosk.toml"
    )]
    Clash {
        path: PathBuf,
        id: String,
        site: String,
    },
    #[error(
        "{path}: record {id} ({table}) is already here from cultural house {site_here:?}, and two \
         sites never share a record; nothing of this bundle was merged. Make this site's data \
         afresh: its records were copied from another site's"
    )]
    SameIds {
        path: PathBuf,
        table: String,
        id: String,
        site_here: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What is wrong inside a damaged bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// SQLite's own report (its words, English), on one line.
    File(String),
    /// Records in `table` refer to residents, attempts or class sessions
    /// that are not in the bundle.
    Orphans { table: String },
    /// The schema version does not match the version the bundle states.
    Label { version: i64, stated: Option<i64> },
    /// The site it names is not a site id (lowercase letters, digits,
    /// dashes), so it cannot be the label of a kiosk's bundle.
    BadSite { site: String },
    /// A record in `table` was made at another site than the one the
    /// bundle names: a bundle only ever carries its own site's records.
    /// (Boxed: a refusal travels inside every merge result.)
    ForeignRecord(Box<Foreign>),
}

/// A record of `record_site` in `table` of a bundle labelled `site`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foreign {
    pub table: String,
    pub site: String,
    pub record_site: String,
}

impl Damage {
    /// SQLite's report, its lines joined: a message stays one line.
    pub fn file(detail: &str) -> Damage {
        let lines: Vec<&str> = detail
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        Damage::File(lines.join("; "))
    }
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damage::File(detail) => f.write_str(detail),
            Damage::Orphans { table } => {
                write!(f, "records in {table} refer to rows that are not in it")
            }
            Damage::Label { version, stated } => write!(
                f,
                "its schema version {version} does not match its label {}",
                stated.map_or_else(|| "(none)".to_string(), |s| s.to_string())
            ),
            Damage::BadSite { site } => write!(f, "it names the site {site:?}, not a site id"),
            Damage::ForeignRecord(foreign) => {
                let Foreign {
                    table,
                    site,
                    record_site,
                } = foreign.as_ref();
                write!(
                    f,
                    "it is labelled site {site:?} but holds a record of site {record_site:?} in {table}"
                )
            }
        }
    }
}

/// Why a file is not a bundle (named, so a command can say it in the
/// kiosk's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotBundle {
    NotSqlite,
    NoMarker,
    /// A kiosk's whole database rather than a bundle made from it.
    WholeDatabase,
    NoSite,
}

impl std::fmt::Display for NotBundle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NotBundle::NotSqlite => "it is not an SQLite file",
            NotBundle::NoMarker => "it has no kiosk marker",
            NotBundle::WholeDatabase => {
                "it is a kiosk database, not a bundle: make one with `kiosk bundle --out FILE` at the cultural house"
            }
            NotBundle::NoSite => "it names no site",
        })
    }
}

/// What `kiosk bundle` wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BundleInfo {
    pub site_id: String,
    pub residents: i64,
    pub records: i64,
    pub forgotten: i64,
}

/// A bundle that passed its checks, ready to merge.
#[derive(Debug, Clone)]
pub struct CheckedBundle {
    pub path: PathBuf,
    pub site_id: String,
    pub site_name: String,
    pub schema: i64,
    /// When it was made (UTC ms), which with the site names it.
    pub created_at: Option<i64>,
}

/// A merge of several bundles that stopped at one: the bundles before it
/// are merged (and durable), `error` says why this one was not. Returned
/// boxed: it holds two lists and an error, and travels in every result.
#[derive(Debug)]
pub struct PartialMerge {
    pub merged: Vec<MergeCounts>,
    pub error: MergeError,
    /// For every bundle given, in order: merged into this database before
    /// (so not "still to merge" even when it comes after the refused one).
    pub known: Vec<bool>,
}

/// Checks every file before anything is merged (see [`check_bundle`]), two
/// at a time: each check reads its whole file. The first bad file in the
/// order given is the one reported.
pub fn check_bundles(paths: &[PathBuf]) -> Result<Vec<CheckedBundle>, MergeError> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<Result<CheckedBundle, MergeError>>>> =
        paths.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = paths.get(i) else { break };
                    let checked = check_bundle(path);
                    if let Ok(mut slot) = results[i].lock() {
                        *slot = Some(checked);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .zip(paths)
        .map(|(slot, path)| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                Err(MergeError::Read {
                    path: path.clone(),
                    source: std::io::Error::other("the check stopped unexpectedly"),
                })
            })
        })
        .collect()
}

/// What one merge changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct MergeCounts {
    pub residents_added: u64,
    pub residents_updated: u64,
    pub residents_erased: u64,
    pub forgotten_added: u64,
    pub records_added: u64,
    pub sessions_ended: u64,
    /// Merged into this database before, so passed over this time.
    pub known: bool,
}

impl MergeCounts {
    /// Nothing changed (whether passed over or read and found known).
    pub fn is_empty(&self) -> bool {
        MergeCounts {
            known: false,
            ..self.clone()
        } == MergeCounts::default()
    }
}

/// How one record table of a bundle is carried: its columns (those both
/// sides have, quoted) and the join on its primary key.
struct Carry {
    table: String,
    cols: String,
    /// `b.k = m.k AND …` over the primary key's columns.
    same_key: String,
    /// The key's first column, quoted: the id named when two sites clash.
    first_key: String,
}

/// A record of the bundle whose id is taken here by another site's record.
struct Twin {
    table: String,
    id: String,
    site_here: String,
}

/// The primary-key columns of `schema.table`, in key order.
fn key_columns(conn: &Connection, schema: &str, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT name FROM pragma_table_info(?1, ?2) WHERE pk > 0 ORDER BY pk")?;
    let rows = stmt.query_map([table, schema], |r| r.get::<_, String>(0))?;
    rows.collect()
}

/// The column names of `schema.table`, in order.
fn columns(conn: &Connection, schema: &str, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {schema}.table_info(\"{table}\")"))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(1))?;
    rows.collect()
}

/// The record tables of `schema`: the known ones first (foreign-key order),
/// then any other table with a `site_id` column, by name.
fn record_tables(conn: &Connection, schema: &str) -> rusqlite::Result<Vec<String>> {
    let mut tables: Vec<String> = RECORD_TABLES.iter().map(|t| t.to_string()).collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM {schema}.sqlite_schema WHERE type = 'table'
           AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ))?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for name in names {
        if !tables.contains(&name)
            && !LOCAL_TABLES.contains(&name.as_str())
            && columns(conn, schema, &name)?.iter().any(|c| c == "site_id")
        {
            tables.push(name);
        }
    }
    Ok(tables)
}

fn quoted(cols: &[String]) -> String {
    cols.iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `file:` URI for a read-only attach or open of `path`.
fn read_only_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro");
    uri
}

/// What each bundle changed, in the order given: nothing for one merged
/// before, else its counts from `fresh` (the others' counts, in order); up
/// to the first one `fresh` has no counts for (it was refused).
fn in_order(known: &[bool], fresh: Vec<MergeCounts>) -> Vec<MergeCounts> {
    let mut fresh = fresh.into_iter();
    let mut out = Vec::with_capacity(known.len());
    for &k in known {
        if k {
            out.push(MergeCounts {
                known: true,
                ..MergeCounts::default()
            });
        } else if let Some(c) = fresh.next() {
            out.push(c);
        } else {
            break;
        }
    }
    out
}

/// Detaches an attached file however the work in between ended.
struct Attached<'c>(&'c Connection, String);

impl<'c> Attached<'c> {
    /// Attaches `file` as `schema` (a name we chose: letters and digits).
    fn new(conn: &'c Connection, file: &str, schema: &str) -> rusqlite::Result<Attached<'c>> {
        conn.execute(&format!("ATTACH DATABASE ?1 AS {schema}"), [file])?;
        Ok(Attached(conn, schema.to_string()))
    }
}

impl Drop for Attached<'_> {
    fn drop(&mut self) {
        let _ = self.0.execute_batch(&format!("DETACH DATABASE {}", self.1));
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

impl Store {
    /// Writes this site's records into `dest`, an empty or missing file
    /// (the caller renames it into place): the residents registered here or
    /// taking part here, every event made here, and every deletion marker.
    pub fn write_bundle(&self, site_name: &str, dest: &Path) -> super::Result<BundleInfo> {
        let dest = absolute(dest);
        let sql = |e| StoreError::sqlite(&dest, e);
        {
            let conn = Connection::open(&dest).map_err(sql)?;
            super::open::migrate(&conn, LATEST).map_err(sql)?;
            let mut meta = conn
                .prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")
                .map_err(sql)?;
            for (k, v) in [
                ("app", APP_MARKER.to_string()),
                ("kind", BUNDLE_KIND.to_string()),
                ("bundle_site", self.site_id().to_string()),
                ("bundle_site_name", site_name.to_string()),
                ("bundle_schema", LATEST.to_string()),
                ("bundle_created_at", now_ms().to_string()),
            ] {
                meta.execute([k, &v]).map_err(sql)?;
            }
        }
        let conn = self.conn();
        let main_sql = |e| StoreError::sqlite(self.path(), e);
        let _attached = Attached::new(conn, &dest.to_string_lossy(), "bundle").map_err(sql)?;
        // One read snapshot of this database for the whole bundle.
        let tx =
            Transaction::new_unchecked(conn, TransactionBehavior::Deferred).map_err(main_sql)?;
        let site = self.site_id();
        let tables = record_tables(&tx, "main").map_err(main_sql)?;
        let referenced = tables
            .iter()
            .filter(|t| {
                columns(&tx, "main", t)
                    .map(|c| c.iter().any(|c| c == "resident_id"))
                    .unwrap_or(false)
            })
            .map(|t| format!("SELECT resident_id FROM main.\"{t}\" WHERE site_id = ?1"))
            .collect::<Vec<_>>()
            .join(" UNION ");
        let cols = quoted(&columns(&tx, "main", "residents").map_err(main_sql)?);
        let residents = tx
            .execute(
                &format!(
                    "INSERT INTO bundle.residents ({cols}) SELECT {cols} FROM main.residents
                      WHERE site_id = ?1 OR id IN ({referenced})"
                ),
                [site],
            )
            .map_err(main_sql)? as i64;
        let forgotten = tx
            .execute(
                "INSERT INTO bundle.forgotten SELECT * FROM main.forgotten",
                [],
            )
            .map_err(main_sql)? as i64;
        let mut records = 0;
        for t in &tables {
            let cols = quoted(&columns(&tx, "main", t).map_err(main_sql)?);
            records += tx
                .execute(
                    &format!(
                        "INSERT INTO bundle.\"{t}\" ({cols}) SELECT {cols} FROM main.\"{t}\" WHERE site_id = ?1"
                    ),
                    [site],
                )
                .map_err(main_sql)? as i64;
        }
        tx.commit().map_err(main_sql)?;
        Ok(BundleInfo {
            site_id: site.to_string(),
            residents,
            records,
            forgotten,
        })
    }

    /// Merges bundles (checked with [`check_bundles`]) in order, each in its
    /// own transaction, and returns what each changed.
    ///
    /// Speed and durability: the bundles are written without waiting for
    /// the disk after each one (`synchronous = NORMAL`; in WAL mode a crash
    /// can then lose the newest transactions but never damage the file),
    /// and one last fully synced write makes every one of them durable
    /// before this returns, whether it ends in success or in an error. So
    /// whatever the caller then reports as merged is on the disk; a crash
    /// before that loses only work a rerun repeats (merging is idempotent).
    pub fn merge_bundles(
        &self,
        bundles: &[CheckedBundle],
    ) -> Result<Vec<MergeCounts>, Box<PartialMerge>> {
        self.merge_bundles_reporting(bundles, |_| {})
    }

    /// [`Store::merge_bundles`], calling `merged_so_far` with the number of
    /// bundles merged after each transaction (a long merge can then show
    /// that it is moving; those bundles are not yet synced to the disk).
    pub fn merge_bundles_reporting(
        &self,
        bundles: &[CheckedBundle],
        mut merged_so_far: impl FnMut(usize),
    ) -> Result<Vec<MergeCounts>, Box<PartialMerge>> {
        let conn = self.conn();
        // A merge touches index pages all over a large database; the
        // default 2 MiB page cache would reread them from disk for every
        // row. Larger for this merge only, then back.
        let cache = super::PragmaFor::set(conn, "cache_size", MERGE_CACHE_KIB);
        // The bundle passed `foreign_key_check` on its own (check_bundle),
        // and every parent row it has is merged with its children, so the
        // per-row checks against this large database would find nothing.
        let fks = super::PragmaFor::set(conn, "foreign_keys", 0);
        let sync = super::PragmaFor::set(conn, "synchronous", 1);
        // Bundles merged before are passed over (`ledger`); the others are
        // merged in order, several to a transaction.
        let mut known = Vec::with_capacity(bundles.len());
        for b in bundles {
            known.push(ledger::known(conn, b).map_err(|e| {
                Box::new(PartialMerge {
                    merged: Vec::new(),
                    error: MergeError::Store(StoreError::sqlite(self.path(), e)),
                    known: Vec::new(),
                })
            })?);
        }
        let fresh: Vec<CheckedBundle> = bundles
            .iter()
            .zip(&known)
            .filter(|(_, k)| !**k)
            .map(|(b, _)| b.clone())
            .collect();
        let mut fresh_counts = Vec::with_capacity(fresh.len());
        let mut failed = None;
        for chunk in fresh.chunks(BUNDLES_PER_TRANSACTION) {
            if let Err(e) = self.merge_chunk(chunk, &mut fresh_counts) {
                failed = Some(e);
                break;
            }
            merged_so_far(in_order(&known, fresh_counts.clone()).len());
        }
        drop((sync, fks, cache));
        let merged = in_order(&known, fresh_counts);
        // Back to FULL: this commit syncs the write-ahead log, and with it
        // every bundle written above. Nothing merged, nothing to sync (and
        // a refused bundle leaves the database exactly as it was).
        let synced = if merged.iter().all(MergeCounts::is_empty) {
            Ok(0)
        } else {
            self.write(|tx| {
                tx.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('last_merge_at', ?1)",
                    [now_ms().to_string()],
                )
            })
        };
        match (failed, synced) {
            (Some(error), _) => Err(Box::new(PartialMerge {
                merged,
                error,
                known,
            })),
            (None, Err(e)) => Err(Box::new(PartialMerge {
                merged: Vec::new(),
                error: e.into(),
                known,
            })),
            (None, Ok(_)) => Ok(merged),
        }
    }

    /// Merges `chunk` in one transaction (see [`merge_each`]), adding what
    /// each bundle changed to `merged`. The per-row totals triggers are set
    /// aside for the transaction and their work done per bundle instead
    /// (`totals`).
    fn merge_chunk(
        &self,
        chunk: &[CheckedBundle],
        merged: &mut Vec<MergeCounts>,
    ) -> Result<(), MergeError> {
        let conn = self.conn();
        let mut copies = Vec::new();
        let mut attached = Vec::new();
        let mut plans = Vec::new();
        for (i, bundle) in chunk.iter().enumerate() {
            let file = self.readable_copy(bundle, &mut copies)?;
            let schema = format!("bundle{i}");
            attached.push(
                Attached::new(conn, &read_only_uri(&file), &schema)
                    .map_err(|e| corrupt(&bundle.path, e))?,
            );
            let mut plan = Vec::new();
            for t in record_tables(conn, &schema).map_err(|e| corrupt(&bundle.path, e))? {
                // Only the columns both sides have (a table this kiosk does
                // not know is skipped rather than guessed at).
                let here = columns(conn, "main", &t).map_err(|e| corrupt(&bundle.path, e))?;
                if !here.is_empty() {
                    let key =
                        key_columns(conn, "main", &t).map_err(|e| corrupt(&bundle.path, e))?;
                    let same_key = key
                        .iter()
                        .map(|k| format!("b.\"{k}\" = m.\"{k}\""))
                        .collect::<Vec<_>>()
                        .join(" AND ");
                    let first_key = quoted(&key[..key.len().min(1)]);
                    plan.push(Carry {
                        table: t,
                        cols: quoted(&here),
                        same_key,
                        first_key,
                    });
                }
            }
            plans.push((schema, plan));
        }
        let resident_cols = quoted(
            &columns(conn, "main", "residents")
                .map_err(|e| MergeError::Store(StoreError::sqlite(self.path(), e)))?,
        );
        let result = self.write(|tx| {
            let triggers = totals::set_aside(tx)?;
            let merged = merge_each(tx, chunk, &plans, &resident_cols)?;
            triggers.restore(tx)?;
            Ok(merged)
        });
        drop(attached);
        let (counts, refused) = result?;
        merged.extend(counts);
        refused.map_or(Ok(()), Err)
    }

    /// The file to attach for `bundle`: the bundle itself, or, for a bundle
    /// from an older kiosk, a migrated temporary copy (kept in `copies`,
    /// removed when they are dropped). Never migrated in place: it may sit
    /// on a read-only USB stick, and it is not ours to change.
    fn readable_copy(
        &self,
        bundle: &CheckedBundle,
        copies: &mut Vec<RemoveOnDrop>,
    ) -> Result<PathBuf, MergeError> {
        if bundle.schema >= LATEST {
            return Ok(absolute(&bundle.path));
        }
        // A migrated copy of an old bundle goes next to the database (same
        // disk, known to be writable).
        let dir = crate::durable::folder_of(self.path()).to_path_buf();
        crate::leftovers::sweep(&dir, ".kiosk-merge-", ".db");
        let copy = dir.join(format!(
            ".kiosk-merge-{}-{}-{}.db",
            std::process::id(),
            now_ms(),
            copies.len()
        ));
        std::fs::copy(&bundle.path, &copy).map_err(|source| MergeError::Read {
            path: bundle.path.clone(),
            source,
        })?;
        crate::leftovers::register(&copy);
        copies.push(RemoveOnDrop(copy.clone()));
        let conn = Connection::open(&copy).map_err(|e| corrupt(&bundle.path, e))?;
        super::open::migrate(&conn, LATEST).map_err(|e| corrupt(&bundle.path, e))?;
        Ok(copy)
    }
}

/// The bundles of one transaction, each inside its own savepoint: what each
/// changed, and the refusal of the one that stopped them, if any. A bundle
/// that fails is rolled back alone; the ones before it stay merged.
fn merge_each(
    tx: &Transaction,
    chunk: &[CheckedBundle],
    plans: &[(String, Vec<Carry>)],
    resident_cols: &str,
) -> rusqlite::Result<(Vec<MergeCounts>, Option<MergeError>)> {
    let mut counts = Vec::new();
    for (bundle, (schema, plan)) in chunk.iter().zip(plans) {
        tx.execute_batch("SAVEPOINT one_bundle")?;
        let one = clash(tx, schema).and_then(|clash| match clash {
            Some(id) => Ok(Err(MergeError::Clash {
                path: bundle.path.clone(),
                id,
                site: bundle.site_id.clone(),
            })),
            None => merge_tx(tx, schema, plan, resident_cols).map(|r| {
                r.map_err(|twin| MergeError::SameIds {
                    path: bundle.path.clone(),
                    table: twin.table,
                    id: twin.id,
                    site_here: twin.site_here,
                })
            }),
        });
        match one {
            Ok(Ok(n)) => {
                ledger::record(tx, bundle)?;
                tx.execute_batch("RELEASE one_bundle")?;
                counts.push(n);
            }
            Ok(Err(refused)) => {
                tx.execute_batch("ROLLBACK TO one_bundle; RELEASE one_bundle")?;
                return Ok((counts, Some(refused)));
            }
            // A constraint failing means the bundle's records do
            // not hold together (a damaged or hand-edited file).
            Err(e) if bundle_fault(&e) => {
                tx.execute_batch("ROLLBACK TO one_bundle; RELEASE one_bundle")?;
                return Ok((counts, Some(corrupt(&bundle.path, e))));
            }
            Err(e) => return Err(e),
        }
    }
    Ok((counts, None))
}

/// A resident of the bundle registered here with a different creation time:
/// two kiosks share a site id.
fn clash(tx: &Transaction, schema: &str) -> rusqlite::Result<Option<String>> {
    tx.query_row(
        &format!(
            "SELECT b.id FROM {schema}.residents b JOIN main.residents r ON r.id = b.id
              WHERE r.created_at <> b.created_at LIMIT 1"
        ),
        [],
        |r| r.get(0),
    )
    .optional()
}

/// Errors that mean the bundle itself is at fault, not this database.
fn bundle_fault(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::ConstraintViolation)
            | Some(rusqlite::ErrorCode::DatabaseCorrupt)
            | Some(rusqlite::ErrorCode::NotADatabase)
    )
}

fn corrupt(path: &Path, e: rusqlite::Error) -> MergeError {
    MergeError::Corrupt {
        path: path.to_path_buf(),
        detail: Damage::file(&e.to_string()),
    }
}

struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        crate::leftovers::unregister(&self.0);
    }
}

/// The merge itself, inside one `BEGIN IMMEDIATE` transaction with the
/// bundle attached as `bundle`.
fn merge_tx(
    tx: &Transaction,
    b: &str,
    plan: &[Carry],
    resident_cols: &str,
) -> rusqlite::Result<Result<MergeCounts, Twin>> {
    let mut n = MergeCounts {
        // 1. Deletion markers first: everything below consults them.
        forgotten_added: tx.execute(
            &format!(
                "INSERT OR IGNORE INTO main.forgotten (resident_id, site_id, forgotten_at)
                 SELECT resident_id, site_id, forgotten_at FROM {b}.forgotten"
            ),
            [],
        )? as u64,
        ..MergeCounts::default()
    };
    // 2. New residents nobody forgot, as they are.
    n.residents_added = tx.execute(
        &format!(
            "INSERT OR IGNORE INTO main.residents ({resident_cols})
             SELECT {resident_cols} FROM {b}.residents b
              WHERE NOT EXISTS (SELECT 1 FROM main.forgotten f WHERE f.resident_id = b.id)"
        ),
        [],
    )? as u64;
    // New residents someone forgot: only what the records need (the id,
    // the group for counts), never their personal data.
    n.residents_added += tx.execute(
        &format!(
            "INSERT OR IGNORE INTO main.residents (id, site_id, full_name, search_key, birth_year,
             group_no, household, household_key, phone, consent_at, consent_version,
             created_at, updated_at, forgotten_at)
         SELECT b.id, b.site_id, '', '', NULL, b.group_no, '', '', NULL, b.consent_at,
                b.consent_version, b.created_at, max(b.updated_at, f.forgotten_at), f.forgotten_at
           FROM {b}.residents b JOIN main.forgotten f ON f.resident_id = b.id"
        ),
        [],
    )? as u64;
    // 3. Residents changed at two sites: the newest change wins. (The `IN`
    // clauses here and in step 5 make SQLite walk the bundle's rows and look
    // each up here, instead of scanning this ever larger database.)
    n.residents_updated = tx.execute(
        &format!(
            "UPDATE main.residents AS r
            SET full_name = b.full_name, search_key = b.search_key, birth_year = b.birth_year,
                group_no = b.group_no, household = b.household, household_key = b.household_key,
                phone = b.phone, consent_at = b.consent_at, consent_version = b.consent_version,
                updated_at = b.updated_at
           FROM {b}.residents AS b
          WHERE r.id = b.id AND b.updated_at > r.updated_at
            AND r.id IN (SELECT id FROM {b}.residents)
            AND r.forgotten_at IS NULL AND b.forgotten_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM main.forgotten f WHERE f.resident_id = r.id)"
        ),
        [],
    )? as u64;
    // 2b. Anyone forgotten (here or there) who still has personal data here
    // is erased, exactly as forgetting does.
    n.residents_erased = tx.execute(
        "UPDATE main.residents AS r
            SET full_name = '', search_key = '', birth_year = NULL, household = '',
                household_key = '', phone = NULL,
                forgotten_at = coalesce(r.forgotten_at, f.forgotten_at),
                updated_at = max(r.updated_at, f.forgotten_at)
           FROM main.forgotten AS f
          WHERE f.resident_id = r.id
            AND (r.forgotten_at IS NULL OR r.full_name <> '' OR r.birth_year IS NOT NULL
                 OR r.household <> '' OR r.phone IS NOT NULL)",
        [],
    )? as u64;
    // 4. Events: globally unique ids, so merging twice adds nothing. The
    // running totals they feed are added after them, set-based.
    totals::note_new(tx, b)?;
    for Carry {
        table,
        cols,
        same_key,
        first_key,
    } in plan
    {
        let added = tx.execute(
            &format!(
                "INSERT OR IGNORE INTO main.\"{table}\" ({cols}) SELECT {cols} FROM {b}.\"{table}\""
            ),
            [],
        )? as u64;
        n.records_added += added;
        // Rows left out were here already: the same records merged before,
        // unless another site's record has the id (then `OR IGNORE` would
        // quietly drop this one). Only looked up when something was left
        // out, so a bundle's first merge pays nothing for it.
        let rows: u64 = tx.query_row(&format!("SELECT count(*) FROM {b}.\"{table}\""), [], |r| {
            r.get::<_, i64>(0)
        })? as u64;
        if added < rows
            && !same_key.is_empty()
            && let Some((id, site_here)) = tx
                .query_row(
                    &format!(
                        "SELECT CAST(b.{first_key} AS TEXT), m.site_id FROM {b}.\"{table}\" AS b
                           JOIN main.\"{table}\" AS m ON {same_key}
                          WHERE m.site_id <> b.site_id LIMIT 1"
                    ),
                    [],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
                )
                .optional()?
        {
            return Ok(Err(Twin {
                table: table.clone(),
                id,
                site_here,
            }));
        }
    }
    totals::add(tx, b)?;
    if n.residents_added + n.residents_updated + n.residents_erased > 0 {
        totals::bump_residents_rev(tx)?;
    }
    // 5. Sessions still open here that the bundle saw end.
    n.sessions_ended = tx.execute(
        &format!(
            "UPDATE main.seat_sessions AS s SET ended_at = b.ended_at, end_reason = b.end_reason
               FROM {b}.seat_sessions AS b
              WHERE s.id = b.id AND s.ended_at IS NULL AND b.ended_at IS NOT NULL
                AND s.id IN (SELECT id FROM {b}.seat_sessions WHERE ended_at IS NOT NULL)"
        ),
        [],
    )? as u64;
    n.sessions_ended += tx.execute(
        &format!(
            "UPDATE main.class_sessions AS s SET ended_at = b.ended_at
               FROM {b}.class_sessions AS b
              WHERE s.id = b.id AND s.ended_at IS NULL AND b.ended_at IS NOT NULL
                AND s.id IN (SELECT id FROM {b}.class_sessions WHERE ended_at IS NOT NULL)"
        ),
        [],
    )? as u64;
    Ok(Ok(n))
}

/// What an existing file is, so that a command about to replace it can
/// refuse to destroy something it did not make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// Not an SQLite file (an export, a document, an empty file).
    NotSqlite,
    /// A bundle of this site.
    Bundle { site: String },
    /// A kiosk's database or a backup of one.
    KioskDatabase,
    /// Some other SQLite file, or one that cannot be read.
    OtherSqlite,
}

/// Reads what `path` (an existing file) is, without changing it.
pub fn file_kind(path: &Path) -> std::io::Result<FileKind> {
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(path)?.take(16).read_to_end(&mut head)?;
    if head.as_slice() != b"SQLite format 3\0" {
        return Ok(FileKind::NotSqlite);
    }
    let read = || -> rusqlite::Result<FileKind> {
        let conn = Connection::open_with_flags(
            read_only_uri(&absolute(path)),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )?;
        let meta = |key: &str| -> rusqlite::Result<Option<String>> {
            conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
        };
        Ok(match (meta("app")?.as_deref(), meta("kind")?.as_deref()) {
            (Some(APP_MARKER), Some(BUNDLE_KIND)) => FileKind::Bundle {
                site: meta("bundle_site")?.unwrap_or_default(),
            },
            (Some(APP_MARKER), _) => FileKind::KioskDatabase,
            _ => FileKind::OtherSqlite,
        })
    };
    Ok(read().unwrap_or(FileKind::OtherSqlite))
}

/// Checks that `path` is a bundle this kiosk can merge, without changing
/// it: an SQLite file, undamaged, marked as a bundle, not from a newer kiosk.
pub fn check_bundle(path: &Path) -> Result<CheckedBundle, MergeError> {
    let not_bundle = |reason: NotBundle| MergeError::NotBundle {
        path: path.to_path_buf(),
        reason,
    };
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(path)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|source| MergeError::Read {
            path: path.to_path_buf(),
            source,
        })?;
    if head.as_slice() != b"SQLite format 3\0" {
        return Err(not_bundle(NotBundle::NotSqlite));
    }
    let conn = Connection::open_with_flags(
        read_only_uri(&absolute(path)),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )
    .map_err(|e| corrupt(path, e))?;
    let check: Vec<String> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(|e| corrupt(path, e))?;
    if check != ["ok"] {
        return Err(MergeError::Corrupt {
            path: path.to_path_buf(),
            detail: Damage::file(&check.into_iter().take(3).collect::<Vec<_>>().join("\n")),
        });
    }
    // Every record's resident, attempt and class session must be in the
    // bundle itself: the merge relies on it.
    let orphans: Option<String> = conn
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .optional()
        .map_err(|e| corrupt(path, e))?;
    if let Some(table) = orphans {
        return Err(MergeError::Corrupt {
            path: path.to_path_buf(),
            detail: Damage::Orphans { table },
        });
    }
    let has_meta: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| corrupt(path, e))?;
    if !has_meta {
        return Err(not_bundle(NotBundle::NoMarker));
    }
    let meta = |key: &str| -> Result<Option<String>, MergeError> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| corrupt(path, e))
    };
    if meta("app")?.as_deref() != Some(APP_MARKER) {
        return Err(not_bundle(NotBundle::NoMarker));
    }
    if meta("kind")?.as_deref() != Some(BUNDLE_KIND) {
        return Err(not_bundle(NotBundle::WholeDatabase));
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| corrupt(path, e))?;
    if version > LATEST {
        return Err(MergeError::Newer {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST,
        });
    }
    let stated: Option<i64> = meta("bundle_schema")?.and_then(|v| v.parse().ok());
    if version < 1 || stated != Some(version) {
        return Err(MergeError::Corrupt {
            path: path.to_path_buf(),
            detail: Damage::Label { version, stated },
        });
    }
    let site_id = meta("bundle_site")?.ok_or_else(|| not_bundle(NotBundle::NoSite))?;
    let damaged = |detail| MergeError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    if !crate::config::is_slug(&site_id) {
        return Err(damaged(Damage::BadSite { site: site_id }));
    }
    // A bundle carries its own site's records only (residents may come
    // from elsewhere: people take part at more than one house). A record
    // labelled with another site was altered or mixed in by hand, and
    // would be merged as if that site had sent it.
    for table in record_tables(&conn, "main").map_err(|e| corrupt(path, e))? {
        let other: Option<String> = conn
            .query_row(
                &format!("SELECT site_id FROM \"{table}\" WHERE site_id <> ?1 LIMIT 1"),
                [&site_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| corrupt(path, e))?;
        if let Some(record_site) = other {
            return Err(damaged(Damage::ForeignRecord(Box::new(Foreign {
                table,
                site: site_id,
                record_site,
            }))));
        }
    }
    Ok(CheckedBundle {
        path: path.to_path_buf(),
        site_id,
        site_name: meta("bundle_site_name")?.unwrap_or_default(),
        schema: version,
        created_at: meta("bundle_created_at")?.and_then(|v| v.parse().ok()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixture;
    use crate::store::{EndReason, NewResident};

    fn store(dir: &Path, site: &str) -> Store {
        let s = Store::open_path(&dir.join(format!("{site}.db")), site, "1", None).unwrap();
        fixture::small_site_in(&s, site);
        s
    }

    fn empty(dir: &Path, site: &str) -> Store {
        Store::open_path(&dir.join(format!("{site}.db")), site, "1", None).unwrap()
    }

    fn bundle(s: &Store, dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        let _ = std::fs::remove_file(&path);
        s.write_bundle("Nhà văn hóa", &path).unwrap();
        path
    }

    fn merge(s: &Store, path: &Path) -> MergeCounts {
        let b = check_bundle(path).unwrap();
        s.merge_bundles(&[b]).unwrap().remove(0)
    }

    /// Every row of every table except `meta`, as text, to compare whole
    /// databases.
    fn dump(s: &Store) -> Vec<String> {
        let conn = s.conn();
        let mut out = Vec::new();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'meta' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        for t in tables {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1"))
                .unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    let v: Vec<String> = (0..n)
                        .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                        .collect();
                    Ok(format!("{t}: {}", v.join(" | ")))
                })
                .unwrap();
            out.extend(rows.map(|r| r.unwrap()));
        }
        out
    }

    /// A resident of a kiosk that should not exist (a second kiosk with the
    /// same site id): "<site>-1", registered now.
    fn add_someone_else(s: &Store) {
        s.add_resident(&NewResident {
            full_name: "Người Khác".into(),
            birth_year: 1970,
            group_no: 1,
            household: "1".into(),
            phone: None,
            consent_version: None,
        })
        .unwrap();
    }

    fn count(s: &Store, sql: &str) -> i64 {
        s.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn name_of(s: &Store, id: &str) -> String {
        s.conn()
            .query_row("SELECT full_name FROM residents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
    }

    #[test]
    fn bundles_from_two_sites_merge_once_and_never_collide() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = store(d, "vh-a");
        let b = store(d, "vh-b");
        let ward = empty(d, "phuong");
        let info = a.write_bundle("A", &d.join("a.bundle")).unwrap();
        assert_eq!((info.residents, info.forgotten), (4, 1));
        let ba = d.join("a.bundle");
        let bb = bundle(&b, d, "b.bundle");
        let checked = check_bundle(&ba).unwrap();
        assert_eq!(checked.site_id, "vh-a");
        assert_eq!(checked.schema, LATEST);

        let first = merge(&ward, &ba);
        assert_eq!(first.residents_added, 4);
        assert_eq!(first.records_added as i64, info.records);
        merge(&ward, &bb);
        assert_eq!(count(&ward, "SELECT count(*) FROM residents"), 8);
        assert_eq!(
            count(&ward, "SELECT count(DISTINCT site_id) FROM attendance"),
            2
        );
        assert_eq!(count(&ward, "SELECT count(*) FROM attendance"), 8);
        assert_eq!(name_of(&ward, "vh-b-1"), "Nguyễn Thị Hằng");
        // The forgotten resident arrived erased.
        assert_eq!(name_of(&ward, "vh-a-4"), "");

        let before = dump(&ward);
        assert!(merge(&ward, &ba).is_empty());
        assert!(merge(&ward, &bb).is_empty());
        assert_eq!(dump(&ward), before, "merging again changed something");
        // Exports now cover both sites.
        let sites = crate::store::export::sites(ward.conn()).unwrap();
        assert_eq!(sites, ["vh-a", "vh-b"]);
    }

    #[test]
    fn a_record_id_another_site_has_is_refused_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = store(d, "vh-a");
        let b = store(d, "vh-b");
        let ward = empty(d, "phuong");
        let ba = bundle(&a, d, "a.bundle");
        let bb = bundle(&b, d, "b.bundle");
        // One of b's page views carries an id that a's already uses (as
        // demo data seeded alike at two sites once did).
        let taken: String = a
            .conn()
            .query_row("SELECT id FROM step_views ORDER BY id LIMIT 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        Connection::open(&bb)
            .unwrap()
            .execute(
                "UPDATE step_views SET id = ?1 WHERE rowid = (SELECT min(rowid) FROM step_views)",
                [&taken],
            )
            .unwrap();
        merge(&ward, &ba);
        let before = dump(&ward);
        let err = ward
            .merge_bundles(&[check_bundle(&bb).unwrap()])
            .unwrap_err();
        assert!(
            matches!(&err.error, MergeError::SameIds { table, id, site_here, .. }
                if table == "step_views" && *id == taken && site_here == "vh-a"),
            "{}",
            err.error
        );
        assert!(err.merged.is_empty());
        assert!(
            err.error
                .to_string()
                .contains("nothing of this bundle was merged")
        );
        assert_eq!(dump(&ward), before, "the refused bundle changed something");
        // The same site's records merged again are not taken for a clash.
        assert!(merge(&ward, &ba).is_empty());
    }

    /// A bundle is known by its site and when it was made: merged again, it
    /// is passed over without being read (shown here by a row slipped into
    /// the file afterwards, which a kiosk never does); a newer bundle of
    /// the same site is merged as usual, and the list of merged bundles
    /// never travels in a bundle.
    #[test]
    fn a_bundle_merged_before_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = store(d, "vh-a");
        let ward = empty(d, "phuong");
        let first = bundle(&a, d, "a1.bundle");
        assert!(!merge(&ward, &first).is_empty());
        Connection::open(&first)
            .unwrap()
            .execute(
                "INSERT INTO residents SELECT 'vh-a-99', site_id, 'Người Mới', 'nguoi moi',
                        birth_year, group_no, household, household_key, phone, consent_at,
                        consent_version, created_at, updated_at, forgotten_at
                   FROM residents WHERE id = 'vh-a-1'",
                [],
            )
            .unwrap();
        let checked = check_bundles(std::slice::from_ref(&first)).unwrap();
        assert!(checked[0].created_at.is_some());
        let mut reported = Vec::new();
        let again = ward
            .merge_bundles_reporting(&checked, |n| reported.push(n))
            .unwrap();
        assert!(again[0].is_empty(), "{again:?}");
        assert!(reported.is_empty(), "nothing to merge, no transaction");
        assert_eq!(
            count(&ward, "SELECT count(*) FROM residents WHERE id = 'vh-a-99'"),
            0
        );
        // A newer bundle of the same site: merged.
        add_someone_else(&a);
        let second = bundle(&a, d, "a2.bundle");
        let n = merge(&ward, &second);
        assert_eq!(n.residents_added, 1);
        // Both, in one command: the known one is passed over in its place.
        let both = ward
            .merge_bundles(&check_bundles(&[first, second.clone()]).unwrap())
            .unwrap();
        assert!(both.iter().all(MergeCounts::is_empty), "{both:?}");
        // The ward's own bundle does not carry its list of merged bundles.
        let out = bundle(&ward, d, "ward.bundle");
        let carried = Connection::open(&out)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM meta WHERE key LIKE 'merged_bundle:%'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap();
        assert_eq!(carried, 0);
    }

    #[test]
    fn forgetting_is_carried_both_ways() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = store(d, "vh-a");
        let ward = empty(d, "phuong");
        merge(&ward, &bundle(&a, d, "a1.bundle"));

        // Forgotten at the coordinator: an old bundle from the site does
        // not bring the name back...
        ward.forget_resident("vh-a-1").unwrap();
        let counts = merge(&ward, &bundle(&a, d, "a2.bundle"));
        assert_eq!(counts.residents_erased, 0);
        assert_eq!(name_of(&ward, "vh-a-1"), "");
        // ...and the coordinator's bundle erases it at the site.
        assert_eq!(name_of(&a, "vh-a-1"), "Nguyễn Thị Hằng");
        let counts = merge(&a, &bundle(&ward, d, "ward.bundle"));
        assert_eq!(counts.residents_erased, 1);
        assert_eq!(name_of(&a, "vh-a-1"), "");
        assert_eq!(
            count(
                &a,
                "SELECT count(*) FROM residents WHERE id = 'vh-a-1' AND birth_year IS NULL AND household = '' AND forgotten_at IS NOT NULL"
            ),
            1
        );

        // Forgotten at the site after a merge: the next bundle erases it at
        // the coordinator.
        assert_eq!(name_of(&ward, "vh-a-3"), "Trần Văn Đức");
        a.forget_resident("vh-a-3").unwrap();
        merge(&ward, &bundle(&a, d, "a3.bundle"));
        assert_eq!(name_of(&ward, "vh-a-3"), "");
        // Their learning records stay, anonymous.
        assert_eq!(
            count(
                &ward,
                "SELECT count(*) FROM quiz_results WHERE resident_id = 'vh-a-3'"
            ),
            2
        );
    }

    #[test]
    fn newest_change_wins_and_sessions_gain_their_end() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = store(d, "vh-a");
        let ward = empty(d, "phuong");
        let session = a.start_seat_session("vh-a-1").unwrap();
        let old = bundle(&a, d, "old.bundle");
        merge(&ward, &old);
        assert_eq!(
            count(
                &ward,
                "SELECT count(*) FROM seat_sessions WHERE ended_at IS NULL"
            ),
            1
        );

        let fix = NewResident {
            full_name: "Nguyễn Thị Hằng Nga".into(),
            birth_year: 1955,
            group_no: 3,
            household: "12 ngõ 5".into(),
            phone: None,
            consent_version: None,
        };
        std::thread::sleep(std::time::Duration::from_millis(5));
        a.update_resident("vh-a-1", &fix).unwrap();
        a.end_seat_session(&session, EndReason::SignOut).unwrap();
        let counts = merge(&ward, &bundle(&a, d, "new.bundle"));
        assert_eq!(counts.residents_updated, 1);
        assert_eq!(counts.sessions_ended, 1);
        assert_eq!(name_of(&ward, "vh-a-1"), "Nguyễn Thị Hằng Nga");
        assert_eq!(
            count(
                &ward,
                "SELECT count(*) FROM seat_sessions WHERE ended_at IS NULL"
            ),
            0
        );
        // The old bundle again: older, so it changes nothing.
        assert!(merge(&ward, &old).is_empty());
        assert_eq!(name_of(&ward, "vh-a-1"), "Nguyễn Thị Hằng Nga");
    }

    #[test]
    fn refused_files_change_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = store(d, "vh-a");
        let ward = store(d, "phuong");
        let good = bundle(&a, d, "a.bundle");
        let before = dump(&ward);

        let text = d.join("notes.txt");
        std::fs::write(&text, "this is not a database").unwrap();
        let err = check_bundle(&text).unwrap_err().to_string();
        assert!(
            err.contains("not a kiosk bundle") && err.contains("not an SQLite file"),
            "{err}"
        );

        // A kiosk database is not a bundle.
        let err = check_bundle(&d.join("vh-a.db")).unwrap_err().to_string();
        assert!(err.contains("not a bundle"), "{err}");

        // A bundle from a newer kiosk.
        let newer = d.join("newer.bundle");
        std::fs::copy(&good, &newer).unwrap();
        {
            let c = Connection::open(&newer).unwrap();
            c.pragma_update(None, "user_version", LATEST + 1).unwrap();
            c.execute(
                "UPDATE meta SET value = ?1 WHERE key = 'bundle_schema'",
                [(LATEST + 1).to_string()],
            )
            .unwrap();
        }
        let err = check_bundle(&newer).unwrap_err();
        assert!(matches!(err, MergeError::Newer { .. }), "{err}");
        assert!(err.to_string().contains("nothing was changed"));

        // A damaged bundle: pages overwritten in the middle.
        let damaged = d.join("damaged.bundle");
        let mut bytes = std::fs::read(&good).unwrap();
        let len = bytes.len();
        for b in &mut bytes[4096..len.min(4096 * 4)] {
            *b = 0x5A;
        }
        std::fs::write(&damaged, &bytes).unwrap();
        let err = check_bundle(&damaged).unwrap_err();
        assert!(matches!(err, MergeError::Corrupt { .. }), "{err}");

        // A truncated bundle.
        let cut = d.join("cut.bundle");
        std::fs::write(&cut, &std::fs::read(&good).unwrap()[..100]).unwrap();
        assert!(check_bundle(&cut).is_err());

        assert_eq!(dump(&ward), before);

        // A bundle whose records do not hold together (a resident removed by
        // hand, a deletion marker added): refused before anything merges.
        let broken = d.join("broken.bundle");
        std::fs::copy(&good, &broken).unwrap();
        {
            let c = Connection::open(&broken).unwrap();
            c.pragma_update(None, "foreign_keys", false).unwrap();
            c.execute("DELETE FROM residents WHERE id = 'vh-a-1'", [])
                .unwrap();
            c.execute("INSERT INTO forgotten VALUES ('vh-a-9', 'vh-a', 1)", [])
                .unwrap();
        }
        let err = check_bundle(&broken).unwrap_err();
        assert!(matches!(err, MergeError::Corrupt { .. }), "{err}");
        assert!(err.to_string().contains("refer to rows"), "{err}");
        assert_eq!(dump(&ward), before);

        // A bundle altered by hand: a step view relabelled as another
        // site's, or a label that is not a site id at all.
        let altered = d.join("altered.bundle");
        for (sql, expect) in [
            (
                "UPDATE step_views SET site_id = 'vh-b' WHERE rowid = (SELECT min(rowid) FROM step_views)",
                "holds a record of site \"vh-b\" in step_views",
            ),
            (
                "UPDATE meta SET value = 'VH A' WHERE key = 'bundle_site'",
                "not a site id",
            ),
        ] {
            std::fs::copy(&good, &altered).unwrap();
            Connection::open(&altered)
                .unwrap()
                .execute(sql, [])
                .unwrap();
            let err = check_bundle(&altered).unwrap_err();
            assert!(matches!(err, MergeError::Corrupt { .. }), "{err}");
            assert!(err.to_string().contains(expect), "{err}");
        }
        assert!(check_bundle(&good).is_ok());
        assert_eq!(dump(&ward), before);

        // Another kiosk that was given this kiosk's site id: its resident
        // "phuong-1" is someone else.
        let twin_dir = d.join("twin");
        std::fs::create_dir(&twin_dir).unwrap();
        let twin = empty(&twin_dir, "phuong");
        std::thread::sleep(std::time::Duration::from_millis(3));
        add_someone_else(&twin);
        let twin_bundle = bundle(&twin, d, "twin.bundle");
        let err = ward
            .merge_bundles(&[check_bundle(&twin_bundle).unwrap()])
            .unwrap_err()
            .error;
        assert!(matches!(err, MergeError::Clash { .. }), "{err}");
        assert_eq!(dump(&ward), before);
    }

    /// Sites `vh-0`..`vh-{n-1}`, each with the small fixture site, bundled.
    fn many_bundles(d: &Path, n: usize) -> Vec<PathBuf> {
        (0..n)
            .map(|i| {
                let site = format!("vh-{i}");
                let sd = d.join(&site);
                std::fs::create_dir(&sd).unwrap();
                bundle(&store(&sd, &site), d, &format!("{site}.bundle"))
            })
            .collect()
    }

    #[test]
    fn more_bundles_than_one_transaction_takes_all_merge_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let n = BUNDLES_PER_TRANSACTION * 2 + 1;
        let paths = many_bundles(d, n);
        let ward = empty(d, "phuong");
        let counts = ward.merge_bundles(&check_bundles(&paths).unwrap()).unwrap();
        assert_eq!(counts.len(), n);
        assert!(
            counts
                .iter()
                .all(|c| c.residents_added > 0 && c.records_added > 0)
        );
        let sites = count(&ward, "SELECT count(DISTINCT site_id) FROM residents");
        assert_eq!(sites, n as i64, "every site's residents arrived");
        let before = dump(&ward);
        let again = ward.merge_bundles(&check_bundles(&paths).unwrap()).unwrap();
        assert!(again.iter().all(MergeCounts::is_empty));
        assert_eq!(dump(&ward), before);
    }

    #[test]
    fn a_long_merge_reports_each_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let paths = many_bundles(d, 2 * BUNDLES_PER_TRANSACTION + 3);
        let ward = empty(d, "phuong");
        let mut seen = Vec::new();
        ward.merge_bundles_reporting(&check_bundles(&paths).unwrap(), |n| seen.push(n))
            .unwrap();
        let per = BUNDLES_PER_TRANSACTION;
        assert_eq!(seen, [per, 2 * per, 2 * per + 3]);
    }

    #[test]
    fn a_refused_bundle_inside_a_transaction_keeps_the_ones_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut paths = many_bundles(d, 3);
        // A second kiosk that also calls itself vh-0, with its own
        // resident vh-0-1: the same id, registered at another moment.
        let twin_dir = d.join("twin");
        std::fs::create_dir(&twin_dir).unwrap();
        let twin = empty(&twin_dir, "vh-0");
        add_someone_else(&twin);
        paths.insert(2, bundle(&twin, d, "twin.bundle"));
        let ward = empty(d, "phuong");
        let err = ward
            .merge_bundles(&check_bundles(&paths).unwrap())
            .unwrap_err();
        assert!(
            matches!(err.error, MergeError::Clash { .. }),
            "{}",
            err.error
        );
        assert_eq!(err.merged.len(), 2, "the two bundles before it are merged");
        let sites: Vec<String> = ward
            .conn()
            .prepare("SELECT DISTINCT site_id FROM residents ORDER BY 1")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(sites, ["vh-0", "vh-1"], "nothing of the twin or after it");
    }

    #[test]
    fn the_first_bad_file_in_the_order_given_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut paths = many_bundles(d, 4);
        let first_bad = d.join("first.txt");
        std::fs::write(&first_bad, "not a bundle").unwrap();
        let second_bad = d.join("second.txt");
        std::fs::write(&second_bad, "not a bundle either").unwrap();
        paths.insert(1, first_bad.clone());
        paths.push(second_bad);
        let err = check_bundles(&paths).unwrap_err().to_string();
        assert!(err.contains("first.txt"), "{err}");
    }

    const TOTALS: [&str; 5] = [
        "resident_stats",
        "resident_module_stats",
        "module_stats",
        "module_starts",
        "indicator_latest",
    ];

    /// The running totals tables, as text.
    fn totals(s: &Store) -> Vec<String> {
        dump(s)
            .into_iter()
            .filter(|l| TOTALS.iter().any(|t| l.starts_with(&format!("{t}: "))))
            .collect()
    }

    /// The same tables rebuilt from the events by migration 4 itself (then
    /// put back as they were).
    fn rebuilt_totals(s: &Store) -> Vec<String> {
        let rebuild = crate::store::schema::MIGRATIONS
            .iter()
            .find(|m| m.contains("CREATE TABLE resident_stats"))
            .unwrap();
        let conn = s.conn();
        conn.execute_batch("BEGIN").unwrap();
        for t in TOTALS {
            conn.execute_batch(&format!("DROP TABLE {t}")).unwrap();
        }
        for t in super::totals::SET_ASIDE
            .iter()
            .filter(|t| !t.starts_with("residents_rev"))
        {
            conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
        }
        conn.execute_batch(rebuild).unwrap();
        let rebuilt = totals(s);
        conn.execute_batch("ROLLBACK").unwrap();
        rebuilt
    }

    /// The totals rows of one site's residents.
    fn of_site(lines: Vec<String>, site: &str) -> Vec<String> {
        let id = format!("Text(\"{site}-");
        lines
            .into_iter()
            .filter(|l| !l.starts_with("module_") && l.contains(&id))
            .collect()
    }

    /// A merge sets the totals triggers aside and adds their work per
    /// bundle: the result must be what the triggers keep at the kiosk and
    /// what a rebuild from the events gives, also when a later bundle adds
    /// to totals already here (new pairs, first passes, ties in time).
    #[test]
    fn totals_after_a_merge_are_what_the_triggers_keep() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = store(d, "vh-a");
        let b = store(d, "vh-b");
        let ward = empty(d, "phuong");
        let rev = |s: &Store| {
            count(
                s,
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'residents_rev'",
            )
        };
        let rev0 = rev(&ward);
        ward.merge_bundles(&check_bundles(&[bundle(&a, d, "a1"), bundle(&b, d, "b1")]).unwrap())
            .unwrap();
        assert!(
            rev(&ward) > rev0,
            "the name search must reload after a merge"
        );
        assert_eq!(totals(&ward), rebuilt_totals(&ward));
        assert_eq!(of_site(totals(&ward), "vh-a"), of_site(totals(&a), "vh-a"));
        assert!(!of_site(totals(&ward), "vh-a").is_empty());

        // Later at vh-a: a first pass in a new module, a result at the same
        // minute as the newest one there, a first page of a new module,
        // indicators at the same minute as the newest one here and as each
        // other, a new sign-in.
        let c = a.conn();
        let at = fixture::at;
        fixture::quiz(
            c,
            "vh-a/q3",
            "vh-a",
            "vh-a-1",
            "vneid",
            85,
            true,
            at(2026, 3, 9, 9, 0),
            at(2026, 3, 9, 9, 5),
        );
        fixture::quiz(
            c,
            "vh-a/q4",
            "vh-a",
            "vh-a-3",
            "zalo",
            60,
            false,
            at(2026, 3, 3, 10, 11),
            at(2026, 3, 3, 10, 14),
        );
        fixture::step(
            c,
            "vh-a/v9",
            "vh-a",
            "vh-a-3",
            "zalo",
            0,
            at(2026, 3, 3, 10, 11),
        );
        fixture::indicator(c, "vh-a/i6", "vh-a-3", "vneid", true, at(2026, 3, 3, 11, 0));
        fixture::indicator(
            c,
            "vh-a/i7",
            "vh-a-1",
            "ewallet",
            false,
            at(2026, 3, 9, 10, 0),
        );
        fixture::indicator(
            c,
            "vh-a/i8",
            "vh-a-1",
            "ewallet",
            true,
            at(2026, 3, 9, 10, 0),
        );
        fixture::seat(
            c,
            "vh-a/s3",
            "vh-a",
            "vh-a-2",
            at(2026, 3, 10, 8, 0),
            at(2026, 3, 10, 8, 30),
        );
        let a2 = bundle(&a, d, "a2");
        let n = ward
            .merge_bundles(&check_bundles(std::slice::from_ref(&a2)).unwrap())
            .unwrap();
        assert_eq!(n[0].records_added, 11);
        assert_eq!(totals(&ward), rebuilt_totals(&ward));
        assert_eq!(of_site(totals(&ward), "vh-a"), of_site(totals(&a), "vh-a"));

        // The triggers are back, and a bundle merged again changes nothing.
        let triggers = "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'";
        assert_eq!(count(&ward, triggers), count(&a, triggers));
        let before = dump(&ward);
        ward.merge_bundles(&check_bundles(&[a2]).unwrap()).unwrap();
        assert_eq!(dump(&ward), before);
    }
}
