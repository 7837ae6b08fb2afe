//! `kiosk bundle`, `kiosk merge` and `kiosk report` run as the real binary:
//! two cultural houses bundle their records, the coordinator merges them
//! (twice), refuses wrong files with nothing changed, and reports on both.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kiosk::config::Config;
use kiosk::store::Store;
use kiosk::store::fixture;

fn kiosk(root: &Path, site: &str, with_data: bool) -> PathBuf {
    let dir = root.join(site);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(
        dir.join("kiosk.toml"),
        format!("[site]\nid = \"{site}\"\nname = \"Nhà văn hóa {site}\"\n"),
    )
    .unwrap();
    let cfg = Config::load(&dir.join("kiosk.toml")).unwrap();
    let store = Store::open(&cfg).unwrap();
    if with_data {
        fixture::small_site_in(&store, site);
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .arg("--config")
        .arg(dir.join("kiosk.toml"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}

fn db_bytes(dir: &Path) -> Vec<u8> {
    // The merge writes through the WAL; compare the logical content by
    // reading every table through the report and export commands instead
    // of raw bytes.
    let out = run(dir, &["report", "--json"]);
    stdout(&out).into_bytes()
}

#[test]
fn two_sites_bundle_merge_and_report() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    let a = kiosk(r, "vh-a", true);
    let b = kiosk(r, "vh-b", true);
    let ward = kiosk(r, "phuong", false);
    let usb = r.join("usb");
    std::fs::create_dir(&usb).unwrap();
    let ba = usb.join("vh-a.kiosk");
    let bb = usb.join("vh-b.kiosk");
    let out = stdout(&run(&a, &["bundle", "--out", ba.to_str().unwrap()]));
    assert!(
        out.contains("Đã ghi gói dữ liệu của nhà văn hóa vh-a") && out.contains("4 người"),
        "{out}"
    );
    stdout(&run(&b, &["bundle", "--out", bb.to_str().unwrap()]));

    // The folder on the stick stands for every bundle in it.
    let merged = run(&ward, &["merge", usb.to_str().unwrap()]);
    // Progress is shown on a terminal only: a pipe gets the result lines.
    assert_eq!(stderr(&merged), "");
    let out = stdout(&merged);
    assert!(out.contains("nhà văn hóa vh-a: 4 người mới"), "{out}");
    assert!(out.contains("nhà văn hóa vh-b: 4 người mới"), "{out}");
    let out = stdout(&run(&ward, &["merge", ba.to_str().unwrap()]));
    assert!(out.contains("đã gộp từ trước, không có gì mới"), "{out}");
    // So does a pattern the shell left alone (Windows' prompt never expands
    // one), and a file named twice is merged once.
    let pattern = usb.join("*.kiosk");
    let out = stdout(&run(
        &ward,
        &["merge", pattern.to_str().unwrap(), bb.to_str().unwrap()],
    ));
    assert_eq!(out.matches("đã gộp từ trước").count(), 2, "{out}");
    let nothing = run(&ward, &["merge", usb.join("*.zip").to_str().unwrap()]);
    assert_eq!(nothing.status.code(), Some(2));
    assert!(stderr(&nothing).starts_with("kiosk: không có tệp nào khớp với "));

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&ward, &["report", "--json"]))).unwrap();
    assert_eq!(json["total"]["residents"], 6);
    assert_eq!(json["total"]["active_learners"], 4);
    assert_eq!(json["total"]["class_sessions"], 2);
    assert_eq!(json["total"]["modules_completed"], 2);
    assert_eq!(json["sites"][0]["site_id"], "vh-a");
    assert_eq!(json["sites"][1]["residents"], 3);
    assert_eq!(json["groups"][0]["group_no"], 3);
    let vneid = &indicator(&json["groups"][0], "vneid");
    assert_eq!(vneid["households_reached"], 1);
    assert_eq!(vneid["share_percent"], 100.0);
    assert_eq!(vneid["met"], true);

    let text = stdout(&run(
        &ward,
        &["report", "--from", "2026-03-01", "--to", "2026-03-31"],
    ));
    // Days as people read them; residents and indicators "by" the last day.
    assert!(text.contains("Từ 01/03/2026 đến hết 31/03/2026"), "{text}");
    assert!(
        text.contains("Người dân đã đăng ký (đến hết 31/03/2026) .."),
        "{text}"
    );
    assert!(
        text.contains("tính đến hết 31/03/2026 (mục tiêu 70%)"),
        "{text}"
    );
    let all = stdout(&run(&ward, &["report"]));
    assert!(all.lines().nth(1) == Some("Toàn bộ thời gian"), "{all}");
    assert!(text.contains("Nhà văn hóa: vh-a, vh-b"), "{text}");
    assert!(text.contains("Tổ 3: 4 người, 1 hộ"), "{text}");
    assert!(
        text.contains("Có tài khoản VNeID: 1/1 hộ (100%) đạt"),
        "{text}"
    );
    let only_b = stdout(&run(&ward, &["report", "--site", "vh-b", "--json"]));
    let only_b: serde_json::Value = serde_json::from_str(&only_b).unwrap();
    assert_eq!(only_b["total"]["residents"], 3);

    // The coordinator's exports cover both sites, with a site filter.
    let csv = r.join("all.csv");
    stdout(&run(
        &ward,
        &["export", "attendance", "--out", csv.to_str().unwrap()],
    ));
    let all = std::fs::read_to_string(&csv).unwrap();
    assert!(all.contains(",vh-a\r\n") && all.contains(",vh-b\r\n"));
    stdout(&run(
        &ward,
        &[
            "export",
            "attendance",
            "--site",
            "vh-b",
            "--out",
            csv.to_str().unwrap(),
        ],
    ));
    let only = std::fs::read_to_string(&csv).unwrap();
    assert!(!only.contains(",vh-a\r\n") && only.contains(",vh-b\r\n"));
}

#[test]
fn wrong_files_are_refused_and_nothing_changes() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    let a = kiosk(r, "vh-a", true);
    let ward = kiosk(r, "phuong", false);
    let good = r.join("a.kiosk");
    stdout(&run(&a, &["bundle", "--out", good.to_str().unwrap()]));
    let before = db_bytes(&ward);

    let notes = r.join("ghi-chu.txt");
    std::fs::write(&notes, "không phải dữ liệu").unwrap();
    let database = a.join("data/kiosk.db");
    let missing = r.join("missing.kiosk");
    let cases: [(&Path, &str); 3] = [
        (
            &notes,
            "không phải gói dữ liệu của kiosk (đây không phải tệp SQLite)",
        ),
        (&database, "đây là cả dữ liệu của một kiosk, không phải gói"),
        (&missing, ": không có tệp hay thư mục này"),
    ];
    for (file, expected) in cases {
        // The good bundle first: it must not be merged either.
        let out = run(
            &ward,
            &["merge", good.to_str().unwrap(), file.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(2), "{file:?}");
        let err = stderr(&out);
        assert!(err.contains(expected), "{file:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(db_bytes(&ward), before, "{file:?} changed the database");
    }

    let out = run(
        &a,
        &[
            "bundle",
            "--out",
            r.join("nowhere/a.kiosk").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("không có thư mục"),
        "{}",
        stderr(&out)
    );
    let out = run(&ward, &["merge"]);
    assert_eq!(out.status.code(), Some(2), "merge needs a file");
    let out = run(&ward, &["report", "--from", "2026-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("không phải ngày có thật"));
}

/// One resident and nothing else: the lines say "1 resident" and
/// "1 new resident", not "1 residents".
#[test]
fn counts_of_one_are_singular_in_bundle_and_merge() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    let a = kiosk(r, "vh-one", false);
    let ward = kiosk(r, "phuong", false);
    for dir in [&a, &ward] {
        let toml = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
        std::fs::write(dir.join("kiosk.toml"), format!("language = \"en\"\n{toml}")).unwrap();
    }
    let cfg = Config::load(&a.join("kiosk.toml")).unwrap();
    Store::open(&cfg)
        .unwrap()
        .add_resident(&kiosk::store::NewResident {
            full_name: "Đỗ Thị Yến".into(),
            birth_year: 1952,
            group_no: 3,
            household: "Số 9".into(),
            phone: None,
            consent_version: Some("test".into()),
        })
        .unwrap();
    let bundle = r.join("vh-one.kiosk");
    let out = stdout(&run(&a, &["bundle", "--out", bundle.to_str().unwrap()]));
    assert!(
        out.contains(": 1 resident, 0 records, 0 erased residents"),
        "{out}"
    );
    let out = stdout(&run(&ward, &["merge", bundle.to_str().unwrap()]));
    assert!(
        out.contains(
            "site vh-one: 1 new resident, 0 updated, 0 erased, 0 new records, 0 sessions ended"
        ),
        "{out}"
    );
}

/// Two cultural houses that try the demo with the same seed still have
/// records of their own: every one of both arrives at the coordinator.
#[test]
fn two_sites_seeded_alike_merge_side_by_side() {
    let root = tempfile::tempdir().unwrap();
    let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut counts = Vec::new();
    for site in ["vh-dong", "vh-tay"] {
        let dir = kiosk(root.path(), site, false);
        std::fs::create_dir_all(dir.join("lessons")).unwrap();
        for f in std::fs::read_dir(&lessons).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dir.join("lessons").join(f.file_name().unwrap())).unwrap();
        }
        stdout(&run(
            &dir,
            &[
                "seed",
                "--residents",
                "15",
                "--days",
                "10",
                "--seed",
                "4",
                "--today",
                "2026-11-20",
            ],
        ));
        let bundle = root.path().join(format!("{site}.kiosk"));
        stdout(&run(&dir, &["bundle", "--out", bundle.to_str().unwrap()]));
        let db = rusqlite::Connection::open(dir.join("data/kiosk.db")).unwrap();
        let n: i64 = db
            .query_row(
                "SELECT (SELECT count(*) FROM step_views) + (SELECT count(*) FROM quiz_answers)
                      + (SELECT count(*) FROM seat_sessions) + (SELECT count(*) FROM attendance)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(n > 100, "{site} has a history: {n}");
        counts.push((site, n, bundle));
    }
    let ward = kiosk(root.path(), "phuong", false);
    let paths: Vec<&str> = counts.iter().map(|(_, _, b)| b.to_str().unwrap()).collect();
    let mut args = vec!["merge"];
    args.extend(&paths);
    stdout(&run(&ward, &args));
    let db = rusqlite::Connection::open(ward.join("data/kiosk.db")).unwrap();
    for (site, n, _) in &counts {
        let here: i64 = db
            .query_row(
                "SELECT (SELECT count(*) FROM step_views WHERE site_id = ?1)
                      + (SELECT count(*) FROM quiz_answers WHERE site_id = ?1)
                      + (SELECT count(*) FROM seat_sessions WHERE site_id = ?1)
                      + (SELECT count(*) FROM attendance WHERE site_id = ?1)",
                [site],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(here, *n, "{site}'s records at the coordinator");
    }
}

/// A bundle holding a record whose id another site's record already has
/// here is refused in words, and what was merged before it stays.
#[test]
fn a_record_of_another_site_is_refused_by_name() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    let a = kiosk(r, "vh-a", true);
    let b = kiosk(r, "vh-b", true);
    let ward = kiosk(r, "phuong", false);
    let (ba, bb) = (r.join("a.kiosk"), r.join("b.kiosk"));
    stdout(&run(&a, &["bundle", "--out", ba.to_str().unwrap()]));
    stdout(&run(&b, &["bundle", "--out", bb.to_str().unwrap()]));
    let taken: String = rusqlite::Connection::open(&ba)
        .unwrap()
        .query_row(
            "SELECT id FROM seat_sessions ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    rusqlite::Connection::open(&bb)
        .unwrap()
        .execute(
            "UPDATE seat_sessions SET id = ?1 WHERE rowid = (SELECT min(rowid) FROM seat_sessions)",
            [&taken],
        )
        .unwrap();
    let c = kiosk(r, "vh-c", true);
    let bc = r.join("c.kiosk");
    stdout(&run(&c, &["bundle", "--out", bc.to_str().unwrap()]));
    let out = run(
        &ward,
        &[
            "merge",
            ba.to_str().unwrap(),
            bb.to_str().unwrap(),
            bc.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "bản ghi {taken} đã có ở đây, của nhà văn hóa \"vh-a\""
        )) && err.contains("gói này chưa được gộp"),
        "{err}"
    );
    // The line names what was merged before the refused bundle, and what
    // after it was not merged.
    assert!(
        err.ends_with(&format!(
            " (đã gộp xong: {}) (chưa gộp, hãy gộp lại sau khi bỏ tệp bị từ chối ra: {})",
            ba.display(),
            bc.display()
        )),
        "{err}"
    );
    // vh-a's bundle, before it, is merged; nothing of vh-b's is.
    let db = rusqlite::Connection::open(ward.join("data/kiosk.db")).unwrap();
    let sites: Vec<String> = db
        .prepare("SELECT DISTINCT site_id FROM residents ORDER BY 1")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(sites, ["vh-a"]);
    // vh-c merged on its own; given again after the refused bundle it is
    // counted with the merged ones, never as "still to merge".
    stdout(&run(&ward, &["merge", bc.to_str().unwrap()]));
    let out = run(
        &ward,
        &["merge", bb.to_str().unwrap(), bc.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.ends_with(&format!(" (đã gộp xong: {})", bc.display())),
        "{err}"
    );
}

/// An older bundle of a site whose newer bundle was merged first has
/// nothing new; it is said so, not that it was merged before (it was not).
#[test]
fn an_older_bundle_after_a_newer_one_has_nothing_new_and_says_why() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    let a = kiosk(r, "vh-a", true);
    let ward = kiosk(r, "phuong", false);
    let (old, new) = (r.join("old.kiosk"), r.join("new.kiosk"));
    stdout(&run(&a, &["bundle", "--out", old.to_str().unwrap()]));
    stdout(&run(
        &a,
        &[
            "residents",
            "add",
            "--name",
            "Đỗ Văn Mới",
            "--group",
            "2",
            "--birth-year",
            "1950",
        ],
    ));
    stdout(&run(&a, &["bundle", "--out", new.to_str().unwrap()]));
    let out = stdout(&run(&ward, &["merge", new.to_str().unwrap()]));
    assert!(out.contains("người mới"), "{out}");
    let out = stdout(&run(&ward, &["merge", old.to_str().unwrap()]));
    assert!(
        out.contains("không có gì mới, mọi bản ghi trong gói đã có ở đây"),
        "{out}"
    );
    assert!(!out.contains("đã gộp từ trước"), "{out}");
    let out = stdout(&run(&ward, &["merge", old.to_str().unwrap()]));
    assert!(out.contains("đã gộp từ trước, không có gì mới"), "{out}");
}

/// An `--out` that names the kiosk's own database (or its write-ahead log)
/// or its settings is refused before anything is written: a bundle or an
/// export written there would destroy every record.
#[test]
fn out_never_overwrites_the_kiosks_own_files() {
    let root = tempfile::tempdir().unwrap();
    let a = kiosk(root.path(), "vh-a", true);
    let before = db_bytes(&a);
    let settings = std::fs::read(a.join("kiosk.toml")).unwrap();
    let db = a.join("data/kiosk.db");
    let targets = [
        db.clone(),
        a.join("data/../data/kiosk.db-wal"),
        a.join("kiosk.toml"),
    ];
    for target in &targets {
        let out = target.to_str().unwrap();
        for args in [
            &["bundle", "--out", out][..],
            &["export", "attendance", "--format", "csv", "--out", out][..],
            &["backup", "--out", out][..],
        ] {
            let res = run(&a, args);
            assert_eq!(res.status.code(), Some(2), "{args:?}");
            let err = stderr(&res);
            assert!(
                err.ends_with("là tệp của chính kiosk này (dữ liệu hoặc cài đặt). Hãy ghi ra một tệp khác. Chưa ghi gì"),
                "{args:?}: {err}"
            );
        }
    }
    assert_eq!(std::fs::read(a.join("kiosk.toml")).unwrap(), settings);
    assert_eq!(db_bytes(&a), before);
}

/// An `--out` that already holds something else is kept: another site's
/// bundle on the USB stick, a backup, an export. Writing the same kind
/// again (this site's bundle, an export, a backup) replaces it as before.
#[test]
fn out_never_replaces_a_file_of_another_kind() {
    let root = tempfile::tempdir().unwrap();
    let a = kiosk(root.path(), "vh-a", true);
    let b = kiosk(root.path().join("b").as_path(), "vh-b", true);
    let path = |name: &str| root.path().join(name).to_str().unwrap().to_string();
    let (b_bundle, sheet, backup) = (path("vh-b.kiosk"), path("sheet.csv"), path("copy.db"));
    stdout(&run(&b, &["bundle", "--out", &b_bundle]));
    stdout(&run(&a, &["export", "attendance", "--out", &sheet]));
    stdout(&run(&a, &["backup", "--out", &backup]));
    let kept = |p: &str| std::fs::read(p).unwrap();
    let (b_bytes, sheet_bytes, backup_bytes) = (kept(&b_bundle), kept(&sheet), kept(&backup));
    for (args, holds) in [
        (
            &["bundle", "--out", &b_bundle][..],
            "gói dữ liệu của nhà văn hóa vh-b",
        ),
        (
            &["export", "progress", "--format", "csv", "--out", &b_bundle][..],
            "gói dữ liệu",
        ),
        (
            &["export", "progress", "--format", "xlsx", "--out", &backup][..],
            "bản sao lưu",
        ),
        (&["bundle", "--out", &sheet][..], "tệp khác loại"),
        (&["backup", "--out", &sheet][..], "tệp khác loại"),
        (&["backup", "--out", &b_bundle][..], "gói dữ liệu"),
    ] {
        let res = run(&a, args);
        assert_eq!(res.status.code(), Some(2), "{args:?}");
        let err = stderr(&res);
        assert!(
            err.contains(holds) && err.contains("Chưa ghi gì"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(kept(&b_bundle), b_bytes);
    assert_eq!(kept(&sheet), sheet_bytes);
    assert_eq!(kept(&backup), backup_bytes);
    // The same kind again goes ahead.
    stdout(&run(&b, &["bundle", "--out", &b_bundle]));
    stdout(&run(&a, &["export", "progress", "--out", &sheet]));
    stdout(&run(&a, &["backup", "--out", &backup]));
    assert_ne!(kept(&sheet), sheet_bytes);
}

/// A bundle with this kiosk's own site id is merged (it brings lost records
/// back), with a word that two kiosks may have been given the same id.
#[test]
fn a_bundle_of_this_very_site_is_merged_with_a_word_of_warning() {
    let root = tempfile::tempdir().unwrap();
    let a = kiosk(root.path(), "vh-a", true);
    let twin = kiosk(root.path().join("twin").as_path(), "vh-a", false);
    let bundle = root.path().join("a.kiosk");
    stdout(&run(&a, &["bundle", "--out", bundle.to_str().unwrap()]));
    let out = stdout(&run(&twin, &["merge", bundle.to_str().unwrap()]));
    assert!(
        out.contains("gói này mang mã của chính nơi này (vh-a)"),
        "{out}"
    );
    assert!(out.contains("4 người mới"), "{out}");
}

/// On a coordinator's database with nothing merged yet, an empty export
/// says to merge first (not to check the filters); after a merge it is
/// quiet.
#[test]
fn an_export_before_any_merge_says_to_merge_first() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    let a = kiosk(r, "vh-a", true);
    let ward = kiosk(r, "phuong", false);
    let sheet = r.join("sheet.csv");
    let out = run(
        &ward,
        &["export", "attendance", "--out", sheet.to_str().unwrap()],
    );
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("chưa có bản ghi nào") && err.contains("kiosk merge"),
        "{err}"
    );
    let bundle = r.join("a.kiosk");
    stdout(&run(&a, &["bundle", "--out", bundle.to_str().unwrap()]));
    stdout(&run(&ward, &["merge", bundle.to_str().unwrap()]));
    let out = run(
        &ward,
        &["export", "attendance", "--out", sheet.to_str().unwrap()],
    );
    let err = stderr(&out);
    assert!(
        !err.contains("chưa có bản ghi nào") && !err.contains("không có dòng nào"),
        "{err}"
    );
}

/// The ward's line in the report counts each address once, even when two
/// residential groups list it (a neighbour registered in the next group):
/// vh-a has "12 ngõ 5" in group 3 and "7 phố Huế" in group 4; a resident
/// added in group 4 at "12 Ngõ 5" makes no third household in the ward.
#[test]
fn the_ward_total_counts_an_address_in_two_groups_once() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    let a = kiosk(r, "vh-a", true);
    let ward = kiosk(r, "phuong", false);
    let bundle = r.join("a.kiosk");
    stdout(&run(&a, &["bundle", "--out", bundle.to_str().unwrap()]));
    stdout(&run(&ward, &["merge", bundle.to_str().unwrap()]));
    stdout(&run(
        &ward,
        &[
            "residents",
            "add",
            "--name",
            "Phạm Văn Năm",
            "--group",
            "4",
            "--birth-year",
            "1952",
            "--household",
            "12 Ngõ 5",
        ],
    ));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&ward, &["report", "--json"]))).unwrap();
    let groups: Vec<(i64, i64)> = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["group_no"].as_i64().unwrap(),
                g["households"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(groups, [(3, 1), (4, 2)]);
    assert_eq!(json["all_groups"]["residents"], 4);
    assert_eq!(json["all_groups"]["households"], 2);
    let vneid = indicator(&json["all_groups"], "vneid");
    // Group 3's household reached VNeID: 1 of the ward's 2, 50%.
    assert_eq!(vneid["households_reached"], 1);
    assert_eq!(vneid["share_percent"], 50.0);
    let text = stdout(&run(&ward, &["report"]));
    assert!(text.contains("Tất cả các tổ: 4 người, 2 hộ"), "{text}");
}

/// Runs `kiosk --config DIR/kiosk.toml ARGS…` with files limited to `blocks`
/// (512 or 1024 bytes each, as the shell counts): writing past it fails
/// as on a stick that is full or pulled out, without mounting a small disk.
#[cfg(unix)]
fn run_limited(dir: &Path, blocks: u32, args: &[&str]) -> Output {
    let script = format!("trap '' XFSZ; ulimit -f {blocks}; exec \"$@\"");
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_kiosk"))
        .arg("--config")
        .arg(dir.join("kiosk.toml"))
        .args(args)
        .output()
        .unwrap()
}

/// The hidden files a failed write could leave in `dir`.
#[cfg(unix)]
fn hidden(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

/// A bundle or a backup that cannot be written to the stick (full, pulled
/// out, too large for it) named the kiosk's own database ("site-a/data/
/// kiosk.db: disk I/O error", or "database or disk is full"), as if that
/// were broken, and left SQLite's journal on the stick. Now: one line
/// naming the file being written, exit 1, the old file kept, nothing left.
#[cfg(unix)]
#[test]
fn a_bundle_or_backup_that_cannot_be_written_names_the_file_on_the_stick() {
    let root = tempfile::tempdir().unwrap();
    let a = kiosk(root.path(), "vh-a", true);
    let usb = root.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    // A bundle of the small site takes a few hundred kB; the database's
    // shared-memory file (32 kB) must still fit.
    for (args, file) in [
        (["bundle", "--out"], "vh-a.kiosk"),
        (["backup", "--out"], "vh-a.db"),
    ] {
        let out = usb.join(file);
        let res = run_limited(&a, 100, &[args[0], args[1], out.to_str().unwrap()]);
        let err = stderr(&res);
        assert_eq!(res.status.code(), Some(1), "{err}");
        assert!(
            err.starts_with(&format!("kiosk: ghi {} bị lỗi: ", out.display())),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains("kiosk.db"), "{err}");
        assert!(!out.exists());
        assert_eq!(hidden(&usb), Vec::<String>::new());
    }
    // Once it fits, the bundle is written, and the stick is clean.
    stdout(&run(
        &a,
        &["bundle", "--out", usb.join("vh-a.kiosk").to_str().unwrap()],
    ));
    assert_eq!(hidden(&usb), Vec::<String>::new());
}

/// The indicator `id` of a group in `kiosk report --json`.
fn indicator(group: &serde_json::Value, id: &str) -> serde_json::Value {
    group["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
        .clone()
}
