use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::super::schema::{LATEST, MIGRATIONS};
use super::*;
use crate::store::{NewResident, Store, StoreError};

fn open(db: &Path, backups: Option<&Path>) -> crate::store::Result<Store> {
    Store::open_path(db, "vh-test", "1", backups)
}

fn schema_of(db: &Path) -> Vec<(String, String)> {
    let c = Connection::open(db).unwrap();
    let mut stmt = c
        .prepare("SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn refuses_sqlite_older_than_3_51_3() {
    let err = check_sqlite_version(3_051_002).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("3.51.2") && msg.contains("3.51.3"), "{msg}");
    assert!(check_sqlite_version(3_050_999).is_err());
    assert!(check_sqlite_version(3_051_003).is_ok());
    assert!(check_sqlite_version(3_054_001).is_ok());
    assert!(check_sqlite_version(4_000_000).is_ok());
    // The SQLite this binary carries passes.
    assert!(check_sqlite_version(rusqlite::version_number()).is_ok());
}

#[test]
fn a_new_file_in_a_missing_folder_is_initialised_with_safe_settings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/deeper/kiosk.db");
    let store = open(&db, None).unwrap();
    let c = store.conn();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST);
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = c
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous must be FULL");
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let marker: String = c
        .query_row("SELECT value FROM meta WHERE key = 'app'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(marker, APP_MARKER);
    drop(store);
    // Opening again changes nothing and keeps the data.
    let store = open(&db, None).unwrap();
    store
        .add_resident(&NewResident {
            full_name: "Lê Văn Tám".into(),
            birth_year: 1950,
            group_no: 3,
            ..Default::default()
        })
        .unwrap();
    drop(store);
    let store = open(&db, None).unwrap();
    assert_eq!(store.list_residents(None).unwrap().len(), 1);
}

/// Every earlier version (0 = an empty file) migrates to the latest, keeps
/// what was in it, and ends with exactly the schema a fresh database has.
#[test]
fn migrates_from_every_earlier_version() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.db");
    drop(open(&fresh, None).unwrap());
    let expected = schema_of(&fresh);
    assert!(expected.iter().any(|(n, _)| n == "residents"));
    for from in 0..LATEST {
        let db = dir.path().join(format!("v{from}.db"));
        {
            let c = Connection::open(&db).unwrap();
            if from > 0 {
                assert_eq!(migrate(&c, from).unwrap(), from);
                c.execute(
                    "INSERT INTO meta (key, value) VALUES ('probe', ?1)",
                    [from.to_string()],
                )
                .unwrap();
            }
        }
        let store = open(&db, None).unwrap_or_else(|e| panic!("from version {from}: {e}"));
        let version: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, LATEST, "from version {from}");
        if from > 0 {
            let probe: String = store
                .conn()
                .query_row("SELECT value FROM meta WHERE key = 'probe'", [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(probe, from.to_string());
        }
        drop(store);
        let mut got = schema_of(&db);
        got.retain(|(n, _)| n != "probe");
        assert_eq!(got, expected, "schema after migrating from version {from}");
    }
    assert_eq!(LATEST as usize, MIGRATIONS.len());
}

#[test]
fn migrating_twice_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let c = Connection::open(&db).unwrap();
    assert_eq!(migrate(&c, LATEST).unwrap(), LATEST);
    assert_eq!(migrate(&c, LATEST).unwrap(), LATEST);
    let markers: i64 = c
        .query_row("SELECT count(*) FROM meta WHERE key = 'app'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(markers, 1);
}

/// A backup folder with one dated backup, so refusals can name it.
fn backup_folder(dir: &Path) -> (PathBuf, PathBuf) {
    let folder = dir.join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("kiosk-2026-11-01-0800.db"), b"old").unwrap();
    let newest = folder.join("kiosk-2026-11-29-0800.db");
    std::fs::write(&newest, b"new").unwrap();
    std::fs::write(folder.join("notes.txt"), b"not a backup").unwrap();
    (folder, newest)
}

fn assert_refused_untouched(
    db: &Path,
    backups: &Path,
    newest: &Path,
    expect: fn(&StoreError) -> bool,
) {
    let before = std::fs::read(db).unwrap();
    let err = open(db, Some(backups)).unwrap_err();
    assert!(expect(&err), "unexpected error: {err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains(&db.display().to_string()),
        "names the file: {msg}"
    );
    assert!(
        msg.contains(&newest.display().to_string()),
        "names the newest backup: {msg}"
    );
    assert_eq!(
        std::fs::read(db).unwrap(),
        before,
        "the refused file was changed"
    );
}

#[test]
fn refuses_a_newer_database_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (backups, newest) = backup_folder(dir.path());
    let db = dir.path().join("kiosk.db");
    drop(open(&db, None).unwrap());
    {
        let c = Connection::open(&db).unwrap();
        c.pragma_update(None, "user_version", LATEST + 1).unwrap();
    }
    assert_refused_untouched(
        &db,
        &backups,
        &newest,
        |e| matches!(e, StoreError::Newer { found, .. } if *found == LATEST + 1),
    );
}

#[test]
fn refuses_files_that_are_not_kiosk_databases() {
    let dir = tempfile::tempdir().unwrap();
    let (backups, newest) = backup_folder(dir.path());
    let text = dir.path().join("roster.csv");
    std::fs::write(&text, "name,group\nNguyễn Văn A,1\n").unwrap();
    assert_refused_untouched(&text, &backups, &newest, |e| {
        matches!(e, StoreError::NotKiosk { .. })
    });

    let other = dir.path().join("other.db");
    {
        let c = Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Quê hương');")
            .unwrap();
    }
    assert_refused_untouched(&other, &backups, &newest, |e| {
        matches!(e, StoreError::NotKiosk { .. })
    });

    // A `meta` table that says something else is not ours either.
    let lookalike = dir.path().join("lookalike.db");
    {
        let c = Connection::open(&lookalike).unwrap();
        c.execute_batch(
            "CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('app', 'other');",
        )
        .unwrap();
    }
    assert_refused_untouched(&lookalike, &backups, &newest, |e| {
        matches!(e, StoreError::NotKiosk { .. })
    });
}

#[test]
fn refuses_a_damaged_database_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (backups, newest) = backup_folder(dir.path());
    let db = dir.path().join("kiosk.db");
    {
        let store = open(&db, None).unwrap();
        let many: Vec<NewResident> = (0..2000)
            .map(|i| NewResident {
                full_name: format!("Nguyễn Văn Số {i}"),
                birth_year: 1950,
                group_no: 1 + i % 9,
                household: format!("Số {i} ngõ Văn Chương"),
                ..Default::default()
            })
            .collect();
        store.add_residents(&many).unwrap();
    }
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    assert!(
        bytes.len() > page * 12,
        "the test database is too small to damage"
    );
    // Scribble over pages in the middle (never page 1, the header).
    for (i, b) in bytes[page * 5..page * 11].iter_mut().enumerate() {
        *b = (i * 7 % 251) as u8;
    }
    std::fs::write(&db, &bytes).unwrap();
    assert_refused_untouched(&db, &backups, &newest, |e| {
        matches!(e, StoreError::Corrupt { .. })
    });
}

#[test]
fn a_refusal_without_backups_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    let empty = dir.path().join("empty-backups");
    let msg = open(&text, Some(&empty)).unwrap_err().to_string();
    assert!(msg.contains("no backup found in"), "{msg}");
}

#[test]
fn two_seats_opening_a_new_file_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kiosk.db");
    let handles: Vec<_> = (0..4)
        .map(|seat| {
            let db = db.clone();
            std::thread::spawn(move || {
                let store = Store::open_path(&db, "vh-test", &seat.to_string(), None).unwrap();
                store
                    .add_resident(&NewResident {
                        full_name: format!("Người {seat}"),
                        birth_year: 1960,
                        group_no: 1,
                        ..Default::default()
                    })
                    .unwrap()
                    .id
            })
        })
        .collect();
    let mut ids: Vec<String> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4, "every seat got its own resident id");
    let store = open(&db, None).unwrap();
    assert_eq!(store.list_residents(None).unwrap().len(), 4);
}
