//! The bundles this database has merged, so that the same bundle merged
//! again (old bundles left on a USB stick next to this week's) is passed
//! over at once instead of being read row by row to find nothing new.
//!
//! A bundle is known by its site and the millisecond it was made
//! (`meta.bundle_created_at`): a kiosk never changes a bundle once written,
//! and two made by one site in the same millisecond do not happen. The
//! entries live in this database's own `meta` (never carried in a bundle),
//! written in the bundle's savepoint, so a refused or rolled-back bundle is
//! not recorded. Skipping is only an optimisation: merging a known bundle
//! again would change nothing either.

use rusqlite::{Connection, OptionalExtension, Transaction};

use super::CheckedBundle;
use crate::store::now_ms;

fn key(bundle: &CheckedBundle) -> Option<String> {
    bundle
        .created_at
        .map(|at| format!("merged_bundle:{}:{at}", bundle.site_id))
}

/// Whether `bundle` was merged into this database before.
pub(super) fn known(conn: &Connection, bundle: &CheckedBundle) -> rusqlite::Result<bool> {
    let Some(key) = key(bundle) else {
        return Ok(false);
    };
    Ok(conn
        .query_row("SELECT 1 FROM main.meta WHERE key = ?1", [key], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Notes `bundle` as merged (inside its savepoint).
pub(super) fn record(tx: &Transaction, bundle: &CheckedBundle) -> rusqlite::Result<()> {
    if let Some(key) = key(bundle) {
        tx.execute(
            "INSERT OR REPLACE INTO main.meta (key, value) VALUES (?1, ?2)",
            [key, now_ms().to_string()],
        )?;
    }
    Ok(())
}
