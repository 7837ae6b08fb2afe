use super::*;
use crate::config::Config;
use crate::store::{NewResident, Store};

fn person(name: &str) -> NewResident {
    NewResident {
        full_name: name.into(),
        birth_year: 1950,
        group_no: 2,
        ..Default::default()
    }
}

fn names(db: &Path) -> Vec<String> {
    let store = Store::open_path(db, "vh-test", "1", None).unwrap();
    let mut v: Vec<String> = store
        .list_residents(None)
        .unwrap()
        .into_iter()
        .map(|r| r.full_name)
        .collect();
    v.sort();
    v
}

/// Only the files a person put there: no temporary copy is left behind.
fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.ends_with("-shm"))
        .collect();
    v.sort();
    v
}

/// A database with Hoa in the backup and Lan written after it; Lan's row
/// is left in the write-ahead log, as a crash leaves it.
fn setup() -> (tempfile::TempDir, Config, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = Config::for_dir(dir.path(), "vh-test");
    let store = Store::open(&cfg).unwrap();
    store.add_resident(&person("Đinh Thị Hoa")).unwrap();
    let backup = dir.path().join("kiosk-2026-11-30-1405.db");
    super::super::backup_to(&store, &backup).unwrap();
    drop(store);
    let crash = Connection::open(&cfg.database).unwrap();
    crash
        .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .unwrap();
    crash
        .execute_batch(
            "INSERT INTO residents (id, site_id, full_name, search_key, birth_year, group_no,
                 household, household_key, created_at, updated_at)
             VALUES ('vh-test-99', 'vh-test', 'Lê Thị Lan', 'le thi lan', 1951, 2, '', '', 1, 1)",
        )
        .unwrap();
    drop(crash);
    assert!(with_suffix(&cfg.database, "-wal").exists());
    (dir, cfg, backup)
}

#[test]
fn the_backup_goes_in_and_the_old_database_is_kept_with_its_log() {
    let (_dir, cfg, backup) = setup();
    let db = &cfg.database;
    let c = prepare(db, &backup).unwrap();
    assert_eq!(c.residents, 1);
    assert_eq!(
        c.made.map(|m| m.format("%Y-%m-%d %H:%M").to_string()),
        Some("2026-11-30 14:05".to_string())
    );
    assert!(c.newest_record.is_some());
    let done = finish(db, c).unwrap();
    assert_eq!(names(db), ["Đinh Thị Hoa"]);
    // Lan, written after the backup, is in the file set aside, log and all.
    let aside = done.set_aside.unwrap();
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("kiosk.db.replaced-")
    );
    assert_eq!(names(&aside), ["Lê Thị Lan", "Đinh Thị Hoa"]);
    let folder = db.parent().unwrap();
    assert!(
        files(folder)
            .iter()
            .all(|n| !n.starts_with(".kiosk-restore-")),
        "{:?}",
        files(folder)
    );
}

#[test]
fn a_running_kiosk_is_never_restored_under() {
    let (_dir, cfg, backup) = setup();
    let db = &cfg.database;
    let seat = Store::open(&cfg).unwrap();
    let before = files(db.parent().unwrap());
    let c = prepare(db, &backup).unwrap();
    let e = finish(db, c).unwrap_err();
    assert!(matches!(e, StoreError::InUse { .. }), "{e:?}");
    assert_eq!(files(db.parent().unwrap()), before);
    assert_eq!(seat.list_residents(None).unwrap().len(), 2);
}

#[test]
fn a_damaged_backup_is_refused_by_its_name_and_nothing_changes() {
    let (dir, cfg, backup) = setup();
    let db = &cfg.database;
    let mut bytes = std::fs::read(&backup).unwrap();
    let half = bytes.len() / 2;
    bytes[4096..half].fill(0xff);
    std::fs::write(&backup, &bytes).unwrap();
    let before = files(db.parent().unwrap());
    let e = prepare(db, &backup).unwrap_err();
    match &e {
        StoreError::Corrupt { path, .. } => assert_eq!(path, &backup),
        e => panic!("{e:?}"),
    }
    assert_eq!(files(db.parent().unwrap()), before);
    // The backup was only read.
    assert_eq!(std::fs::read(&backup).unwrap(), bytes);
    // Not a kiosk database at all.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "ghi chú").unwrap();
    assert!(matches!(
        prepare(db, &text).unwrap_err(),
        StoreError::NotKiosk { path, .. } if path == text
    ));
    // The live database itself, an empty file, a bundle.
    let refused = |file: &Path| match prepare(db, file).unwrap_err() {
        StoreError::NotBackup { why, .. } => why,
        e => panic!("{e:?}"),
    };
    assert_eq!(refused(db), NotBackup::Live);
    let empty = dir.path().join("kiosk-2026-12-01-0100.db");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(refused(&empty), NotBackup::Empty);
    let bundle = dir.path().join("vh-test.kiosk");
    Store::open(&cfg)
        .unwrap()
        .write_bundle("Thử", &bundle)
        .unwrap();
    assert_eq!(
        refused(&bundle),
        NotBackup::Bundle {
            site: "vh-test".into()
        }
    );
    assert_eq!(names(db), ["Lê Thị Lan", "Đinh Thị Hoa"]);
}

#[test]
fn a_damaged_database_is_replaced_and_kept_as_it_was() {
    let (_dir, cfg, backup) = setup();
    let db = &cfg.database;
    // Fold the log in, then damage the file the way a failing disk does.
    drop(Store::open(&cfg).unwrap());
    let mut bytes = std::fs::read(db).unwrap();
    let end = bytes.len().min(4096 * 6);
    bytes[4096..end].fill(0xff);
    std::fs::write(db, &bytes).unwrap();
    assert!(matches!(
        Store::open(&cfg).unwrap_err(),
        StoreError::Corrupt { .. }
    ));
    let done = finish(db, prepare(db, &backup).unwrap()).unwrap();
    assert_eq!(names(db), ["Đinh Thị Hoa"]);
    assert_eq!(std::fs::read(done.set_aside.unwrap()).unwrap(), bytes);
}

/// The damaged file deleted by hand, its log left behind: the log is set
/// aside too, never played into the restored file.
#[test]
fn a_log_left_without_its_database_is_set_aside() {
    let (_dir, cfg, backup) = setup();
    let db = &cfg.database;
    std::fs::remove_file(db).unwrap();
    let done = finish(db, prepare(db, &backup).unwrap()).unwrap();
    let kept = done.set_aside.unwrap();
    assert!(kept.to_str().unwrap().ends_with("-wal"), "{kept:?}");
    assert!(!with_suffix(db, "-wal").exists());
    assert_eq!(names(db), ["Đinh Thị Hoa"]);
}

/// Undoing a restore: the file set aside is restored with the rows still in
/// its log.
#[test]
fn the_file_set_aside_can_be_restored_with_its_log() {
    let (_dir, cfg, backup) = setup();
    let db = &cfg.database;
    let aside = finish(db, prepare(db, &backup).unwrap())
        .unwrap()
        .set_aside
        .unwrap();
    assert!(with_suffix(&aside, "-wal").exists());
    let undo = prepare(db, &aside).unwrap();
    assert_eq!(undo.residents, 2);
    finish(db, undo).unwrap();
    assert_eq!(names(db), ["Lê Thị Lan", "Đinh Thị Hoa"]);
}
