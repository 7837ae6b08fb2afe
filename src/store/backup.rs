//! Backups: consistent snapshots of the live database, made while seats keep
//! writing (`VACUUM INTO` reads one WAL snapshot), written under a temporary
//! name, synced to disk and only then renamed into place, so a backup file
//! that exists is always whole. Dated names (`kiosk-2026-11-30-1405.db`) in
//! the backup folder; the newest `backup.keep` are kept.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDateTime, TimeZone};

use super::{Result, Store, StoreError};
use crate::config::Config;

const PREFIX: &str = "kiosk-";
const SUFFIX: &str = ".db";
const STAMP: &str = "%Y-%m-%d-%H%M";

/// The dated file name for a backup made at `at`.
pub fn backup_name(at: chrono::DateTime<Local>) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format(STAMP))
}

/// When the backup called `name` was made, if `name` is one of ours.
fn stamp_of(name: &str) -> Option<chrono::DateTime<Local>> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let naive = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Local.from_local_datetime(&naive).earliest()
}

/// Our backups in `dir`, oldest first (the names sort by time).
fn backups_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .filter(|e| e.file_name().to_str().and_then(stamp_of).is_some())
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// The newest dated backup in `dir`, if any.
pub fn newest_backup(dir: &Path) -> Option<PathBuf> {
    backups_in(dir).pop()
}

/// Writes a snapshot of `store` to `out` (replacing a file there) and
/// returns `out`.
pub fn backup_to(store: &Store, out: &Path) -> Result<PathBuf> {
    let io = |path: &Path, source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = crate::durable::folder_of(out).to_path_buf();
    std::fs::create_dir_all(&folder).map_err(|e| io(&folder, e))?;
    if same_file(out, store.path()) {
        return Err(StoreError::invalid(
            "--out",
            format!(
                "{} is the live database itself; choose another file",
                out.display()
            ),
        ));
    }
    let file_name = out.file_name().ok_or_else(|| {
        StoreError::invalid("--out", format!("{} is not a file name", out.display()))
    })?;
    let tmp = folder.join(format!(
        ".{}.partial-{}",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let tmp_text = tmp.to_str().ok_or_else(|| {
        StoreError::invalid(
            "backup folder",
            format!("{} is not valid UTF-8", tmp.display()),
        )
    })?;
    let _ = std::fs::remove_file(&tmp);
    let result = (|| {
        // VACUUM INTO refuses to run inside a transaction; on its own it
        // reads one consistent snapshot while seats go on writing.
        store.retrying(|c| c.execute("VACUUM INTO ?1", [tmp_text]).map(|_| ()))?;
        crate::durable::sync_file(&tmp).map_err(|e| io(&tmp, e))?;
        std::fs::rename(&tmp, out).map_err(|e| io(out, e))?;
        // The rename itself is only durable once the folder is synced.
        crate::durable::sync_dir(&folder).map_err(|e| io(&folder, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(crate::durable::with_suffix(&tmp, "-journal"));
    }
    result.map(|()| out.to_path_buf())
}

/// Makes a dated backup in the configured folder and deletes the oldest
/// beyond `backup_keep`. Returns the new file.
pub fn backup_now(cfg: &Config, store: &Store) -> Result<PathBuf> {
    let out = cfg.backup_dir.join(backup_name(Local::now()));
    backup_to(store, &out)?;
    prune(&cfg.backup_dir, cfg.backup_keep)?;
    Ok(out)
}

/// Makes a backup when the newest is more than a day old (or there is
/// none); the kiosk calls this at start-up.
pub fn backup_if_stale(cfg: &Config, store: &Store) -> Result<Option<PathBuf>> {
    let fresh = newest_backup(&cfg.backup_dir)
        .and_then(|p| p.file_name().and_then(|n| n.to_str()).and_then(stamp_of))
        .is_some_and(|made| Local::now().signed_duration_since(made) < chrono::Duration::days(1));
    if fresh {
        return Ok(None);
    }
    backup_now(cfg, store).map(Some)
}

/// Deletes our oldest backups in `dir` so that `keep` remain; returns what
/// was deleted. Files not named like our backups are never touched.
pub fn prune(dir: &Path, keep: usize) -> Result<Vec<PathBuf>> {
    let all = backups_in(dir);
    let excess = all.len().saturating_sub(keep.max(1));
    let mut removed = Vec::new();
    for old in all.into_iter().take(excess) {
        std::fs::remove_file(&old).map_err(|source| StoreError::Io {
            path: old.clone(),
            source,
        })?;
        removed.push(old);
    }
    Ok(removed)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

pub mod restore;

#[cfg(test)]
mod tests;
