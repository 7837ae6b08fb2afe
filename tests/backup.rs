//! `kiosk backup`: the real binary writes a dated, whole snapshot into the
//! backup folder and keeps only the newest `backup.keep`. It says so in
//! Vietnamese unless kiosk.toml asks for English. `kiosk restore` puts one
//! back in place of a damaged database after asking, and keeps the old file.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn kiosk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

#[test]
fn backup_writes_a_dated_snapshot_and_keeps_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("kiosk.toml"),
        "[site]\nid = \"vh-test\"\nname = \"Thử\"\n[backup]\nfolder = \"saved\"\nkeep = 2\n",
    )
    .unwrap();
    let out = kiosk(d, &["backup"]);
    assert_eq!(out.status.code(), Some(1), "no database yet");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("chưa có dữ liệu ở ./data/kiosk.db, nên chưa có gì để sao lưu"),
        "{err}"
    );

    add(d, "Tạ Thị Gấm");
    std::fs::create_dir_all(d.join("saved")).unwrap();
    for old in ["kiosk-2025-01-01-0100.db", "kiosk-2025-01-02-0100.db"] {
        std::fs::write(d.join("saved").join(old), b"old").unwrap();
    }
    let out = kiosk(d, &["backup"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved = files(&d.join("saved"));
    assert_eq!(saved.len(), 2, "{saved:?}");
    assert_eq!(saved[0], "kiosk-2025-01-02-0100.db");
    let newest = &saved[1];
    assert!(
        newest.starts_with("kiosk-20") && newest.ends_with(".db"),
        "{newest}"
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with("Đã sao lưu ./data/kiosk.db vào ./saved/")
            && said.contains(newest.as_str()),
        "{said}"
    );

    // The snapshot is a kiosk database holding the resident.
    std::fs::write(
        d.join("restore.toml"),
        format!("database = \"saved/{newest}\"\n[site]\nid = \"vh-test\"\nname = \"Thử\"\n"),
    )
    .unwrap();
    let list = kiosk(d, &["--config", "restore.toml", "residents", "find", "gam"]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("Tạ Thị Gấm"));

    // English when the settings ask for it.
    std::fs::write(
        d.join("english.toml"),
        "language = \"en\"\n[site]\nid = \"vh-test\"\nname = \"Thử\"\n",
    )
    .unwrap();
    let out = kiosk(
        d,
        &["--config", "english.toml", "backup", "--out", "usb/copy.db"],
    );
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("Backed up ./data/kiosk.db to usb/copy.db")
    );
    assert_eq!(files(&d.join("usb")), ["copy.db"]);

    // `--out` may not name the live database or the settings, nor a folder.
    for (out, said) in [
        (
            "data/kiosk.db",
            "kiosk: data/kiosk.db là tệp của chính kiosk này (dữ liệu hoặc cài đặt). Hãy ghi ra một tệp khác. Chưa ghi gì",
        ),
        (
            "kiosk.toml",
            "kiosk: kiosk.toml là tệp của chính kiosk này (dữ liệu hoặc cài đặt). Hãy ghi ra một tệp khác. Chưa ghi gì",
        ),
        ("usb/..", "kiosk: --out: usb/.. không phải tên tệp"),
    ] {
        let refused = kiosk(d, &["backup", "--out", out]);
        assert_eq!(refused.status.code(), Some(2), "{out}");
        assert_eq!(String::from_utf8_lossy(&refused.stderr).trim(), said);
    }
}

fn add(d: &Path, name: &str) {
    let out = kiosk(
        d,
        &[
            "residents",
            "add",
            "--name",
            name,
            "--group",
            "2",
            "--birth-year",
            "1953",
        ],
    );
    assert!(out.status.success(), "{out:?}");
}

fn restore_typing(d: &Path, args: &[&str], input: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiosk"));
    cmd.arg("restore").args(args).current_dir(d);
    common::output_typing(&mut cmd, input)
}

#[test]
fn a_damaged_database_is_restored_from_the_newest_backup_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("kiosk.toml"),
        "[site]\nid = \"vh-test\"\nname = \"Thử\"\n",
    )
    .unwrap();
    let out = kiosk(d, &["restore"]);
    assert_eq!(out.status.code(), Some(1), "no backup yet");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("chưa có bản sao lưu nào trong ./data/backups"),
        "{err}"
    );

    add(d, "Tạ Thị Gấm");
    assert!(kiosk(d, &["backup"]).status.success());
    add(d, "Lò Văn Pấng");
    // A failing disk: pages of the closed database overwritten.
    let db = d.join("data/kiosk.db");
    let mut bytes = std::fs::read(&db).unwrap();
    let end = bytes.len().min(4096 * 6);
    bytes[4096..end].fill(0xff);
    std::fs::write(&db, &bytes).unwrap();
    let out = kiosk(d, &["residents", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bị hỏng") && err.contains("lấy lại bằng lệnh kiosk restore"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");

    // Nobody to answer, or an answer other than yes: nothing changes.
    let out = restore_typing(d, &[], "");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let out = restore_typing(d, &[], "không\n");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Chưa thay đổi gì"), "{said}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert!(
        files(&d.join("data"))
            .iter()
            .all(|f| !f.contains("replaced")),
        "{:?}",
        files(&d.join("data"))
    );

    let out = restore_typing(d, &[], "có\n");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Lấy lại bản sao lưu ./data/backups/kiosk-")
            && said.contains(": 1 người dân, ghi lần cuối lúc ")
            && said.contains("sẽ được cất sang tên khác, không bị xóa")
            && said.contains("Đã lấy lại")
            && said.contains("Dữ liệu cũ được cất ở ./data/kiosk.db.replaced-"),
        "{said}"
    );
    let list = kiosk(d, &["residents", "list"]);
    assert!(list.status.success(), "{list:?}");
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.contains("Tạ Thị Gấm") && !list.contains("Lò Văn Pấng"),
        "{list}"
    );
    let kept: Vec<String> = files(&d.join("data"))
        .into_iter()
        .filter(|f| f.starts_with("kiosk.db.replaced-") && !f.ends_with("-wal"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", files(&d.join("data")));
    assert_eq!(std::fs::read(d.join("data").join(&kept[0])).unwrap(), bytes);

    // A bundle is merged, never restored: a mistake, exit 2.
    assert!(
        kiosk(d, &["bundle", "--out", "vh-test.kiosk"])
            .status
            .success()
    );
    let out = restore_typing(d, &["--yes", "vh-test.kiosk"], "");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("là gói dữ liệu của nhà văn hóa vh-test, không phải bản sao lưu"),
        "{err}"
    );

    // A file that is not there is named.
    let out = restore_typing(d, &["--yes", "E:/khong-co.db"], "");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("E:/khong-co.db") && err.contains("không có tệp"),
        "{err}"
    );
}
