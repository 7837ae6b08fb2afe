use super::*;
use crate::store::NewResident;

fn setup() -> (tempfile::TempDir, Config, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = Config::for_dir(dir.path(), "vh-test");
    cfg.backup_keep = 3;
    let store = Store::open(&cfg).unwrap();
    store
        .add_resident(&NewResident {
            full_name: "Đinh Thị Hoa".into(),
            birth_year: 1950,
            group_no: 2,
            ..Default::default()
        })
        .unwrap();
    (dir, cfg, store)
}

#[test]
fn a_backup_is_a_whole_database_with_the_same_records() {
    let (dir, _cfg, store) = setup();
    let out = dir.path().join("elsewhere/snap.db");
    assert_eq!(backup_to(&store, &out).unwrap(), out);
    // Written while the store stays open; no temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("snap.db")]);
    let copy = Store::open_path(&out, "vh-test", "1", None).unwrap();
    let names: Vec<String> = copy
        .list_residents(None)
        .unwrap()
        .into_iter()
        .map(|r| r.full_name)
        .collect();
    assert_eq!(names, ["Đinh Thị Hoa"]);
    // Never over the live database.
    assert!(backup_to(&store, store.path()).is_err());
    assert_eq!(store.list_residents(None).unwrap().len(), 1);
}

#[test]
fn dated_backups_keep_the_newest_and_leave_other_files_alone() {
    let (_dir, cfg, store) = setup();
    std::fs::create_dir_all(&cfg.backup_dir).unwrap();
    for day in 1..=4 {
        std::fs::write(
            cfg.backup_dir.join(format!("kiosk-2026-01-0{day}-0900.db")),
            b"x",
        )
        .unwrap();
    }
    std::fs::write(cfg.backup_dir.join("keep-me.db"), b"mine").unwrap();
    let made = backup_now(&cfg, &store).unwrap();
    assert_eq!(newest_backup(&cfg.backup_dir), Some(made.clone()));
    let mut left: Vec<String> = std::fs::read_dir(&cfg.backup_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    let made_name = made.file_name().unwrap().to_str().unwrap().to_string();
    assert_eq!(
        left,
        [
            "keep-me.db".to_string(),
            "kiosk-2026-01-03-0900.db".into(),
            "kiosk-2026-01-04-0900.db".into(),
            made_name,
        ]
    );
}

#[test]
fn start_up_backup_only_when_the_newest_is_a_day_old() {
    let (_dir, cfg, store) = setup();
    assert_eq!(newest_backup(&cfg.backup_dir), None);
    let first = backup_if_stale(&cfg, &store)
        .unwrap()
        .expect("no backup yet: make one");
    assert!(first.exists());
    assert_eq!(backup_if_stale(&cfg, &store).unwrap(), None, "fresh: none");
    // Make the only backup two days old.
    let old = cfg
        .backup_dir
        .join(backup_name(Local::now() - chrono::Duration::days(2)));
    std::fs::rename(&first, &old).unwrap();
    let again = backup_if_stale(&cfg, &store)
        .unwrap()
        .expect("stale: make one");
    assert_ne!(again, old);
    assert_eq!(newest_backup(&cfg.backup_dir), Some(again));
}

#[test]
fn names_sort_by_time_and_parse_back() {
    let at = Local.with_ymd_and_hms(2026, 11, 30, 14, 5, 0).unwrap();
    assert_eq!(backup_name(at), "kiosk-2026-11-30-1405.db");
    assert_eq!(stamp_of("kiosk-2026-11-30-1405.db"), Some(at));
    assert_eq!(stamp_of("kiosk-2026-11-30.db"), None);
    assert_eq!(stamp_of("notes.db"), None);
}
