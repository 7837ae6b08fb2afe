//! `kiosk seed` run as a newcomer would: the real binary on a fresh folder
//! with the shipped lessons. The demo data must be the same for the same
//! seed and day, look like a real cultural house (and be read back by the
//! store's own queries), and never be mixed into real residents by accident.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kiosk::lessons::{QuestionKind, Response};
use rusqlite::Connection;

const TODAY: &str = "2026-11-30";

struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// Settings that name no language: the commands speak Vietnamese.
    fn new() -> Site {
        Site::with_settings("")
    }

    fn with_settings(top: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        std::fs::write(
            dir.path().join("kiosk.toml"),
            format!(
                "{top}lessons = {:?}\n[site]\nid = \"vh-phuc-xa\"\nname = \"Nhà văn hóa Phúc Xá\"\n",
                lessons.display().to_string()
            ),
        )
        .unwrap();
        Site { dir }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("data/kiosk.db")
    }

    fn kiosk(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("KIOSK_SEAT")
            .output()
            .unwrap()
    }

    fn seed(&self, extra: &[&str]) -> Output {
        let mut args = vec!["seed", "--today", TODAY];
        args.extend_from_slice(extra);
        self.kiosk(&args)
    }

    fn conn(&self) -> Connection {
        Connection::open(self.db()).unwrap()
    }

    fn count(&self, sql: &str) -> i64 {
        self.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every row of every table the kiosk writes, in a fixed order.
fn dump(conn: &Connection) -> BTreeMap<String, Vec<String>> {
    let tables = [
        "residents",
        "seat_sessions",
        "step_views",
        "quiz_attempts",
        "quiz_answers",
        "quiz_results",
        "class_sessions",
        "attendance",
        "indicator_events",
        // When the file was made is not part of the demo data.
        "meta WHERE key != 'created_at'",
    ];
    tables
        .iter()
        .map(|t| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {t}")).unwrap();
            let n = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    let cells: Vec<String> = (0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect();
                    Ok(cells.join("|"))
                })
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            rows.sort();
            (t.to_string(), rows)
        })
        .collect()
}

#[test]
fn the_same_seed_and_day_make_the_same_rows() {
    let a = Site::new();
    let b = Site::new();
    let c = Site::new();
    ok(&a.seed(&["--residents", "80", "--days", "21", "--seed", "7"]));
    ok(&b.seed(&["--residents", "80", "--days", "21", "--seed", "7"]));
    ok(&c.seed(&["--residents", "80", "--days", "21", "--seed", "8"]));
    let (da, db, dc) = (dump(&a.conn()), dump(&b.conn()), dump(&c.conn()));
    assert!(
        da["step_views"].len() > 100,
        "too little history to compare"
    );
    for (table, rows) in &da {
        assert_eq!(rows, &db[table], "table {table} differs between two runs");
    }
    assert_ne!(
        da["residents"], dc["residents"],
        "another seed makes other people"
    );
}

#[test]
fn refuses_real_residents_and_a_second_seed_without_force() {
    let site = Site::new();
    ok(&site.kiosk(&[
        "residents",
        "add",
        "--name",
        "Trần Văn Bảy",
        "--group",
        "2",
        "--birth-year",
        "1951",
    ]));
    let out = site.seed(&["--residents", "20"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("đã có 1 người dân thật") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        site.count("SELECT count(*) FROM residents"),
        1,
        "nothing was changed"
    );

    ok(&site.seed(&["--residents", "20", "--force"]));
    assert_eq!(site.count("SELECT count(*) FROM residents"), 21);
    // The real resident kept their id; the made-up ones follow it.
    assert_eq!(
        site.count("SELECT count(*) FROM residents WHERE id = 'vh-phuc-xa-1' AND full_name = 'Trần Văn Bảy'"),
        1
    );
    assert_eq!(
        site.count("SELECT count(*) FROM residents WHERE id = 'vh-phuc-xa-21'"),
        1
    );
    // The registration screen's next number comes after them.
    ok(&site.kiosk(&[
        "residents",
        "add",
        "--name",
        "Lê Thị Hoa",
        "--group",
        "2",
        "--birth-year",
        "1955",
    ]));
    assert_eq!(
        site.count(
            "SELECT count(*) FROM residents WHERE id = 'vh-phuc-xa-22' AND full_name = 'Lê Thị Hoa'"
        ),
        1
    );

    let demo = Site::new();
    ok(&demo.seed(&["--residents", "20"]));
    let out = demo.seed(&["--residents", "20"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("đã có dữ liệu mẫu (20 người không có thật)"),
        "{err}"
    );
    assert_eq!(demo.count("SELECT count(*) FROM residents"), 20);
}

#[test]
fn bad_flags_are_named() {
    let site = Site::new();
    for (args, word) in [
        (&["--residents", "0"][..], "--residents"),
        (&["--residents", "5", "--days", "0"][..], "--days"),
        (
            &["--residents", "5", "--today", "30/11/2026"][..],
            "--today",
        ),
    ] {
        let mut all = vec!["seed"];
        all.extend_from_slice(args);
        let out = site.kiosk(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(word),
            "{args:?}"
        );
    }
    assert!(!site.db().exists());
}

/// What `kiosk seed` prints is Vietnamese unless kiosk.toml says
/// `language = "en"`; the figures and the PIN are the same in both.
#[test]
fn seed_speaks_the_configured_language() {
    let vi = Site::new();
    let printed = ok(&vi.seed(&["--residents", "12", "--days", "2"]));
    let lines: Vec<&str> = printed.lines().collect();
    assert!(
        lines[0].starts_with("Đã tạo một nhà văn hóa mẫu trong ")
            && lines[0].ends_with("(--seed 1, 2 ngày đến hết 2026-11-29):"),
        "{printed}"
    );
    assert_eq!(lines[1].trim(), "12  người dân");
    assert!(
        printed.contains(
            "Mã PIN người hướng dẫn của bản mẫu này: 246813 (mở chế độ người hướng dẫn bằng Ctrl+K)"
        ),
        "{printed}"
    );
    assert!(
        printed.contains("Mở kiosk trên dữ liệu này bằng lệnh: kiosk --config kiosk.toml"),
        "{printed}"
    );
    let out = vi.kiosk(&["seed", "--residents", "5", "--today", "30/11/2026"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "kiosk: --today “30/11/2026” không phải ngày viết kiểu năm-tháng-ngày (ví dụ 2026-11-30)"
    );

    let en = Site::with_settings("language = \"en\"\n");
    let printed = ok(&en.seed(&["--residents", "12", "--days", "2"]));
    assert!(
        printed.starts_with("Made a demo cultural house in "),
        "{printed}"
    );
    assert!(printed.contains("12  residents"), "{printed}");
    assert!(
        printed.contains("Instructor PIN of this demo: 246813"),
        "{printed}"
    );
}

#[test]
fn demo_data_looks_like_a_real_cultural_house() {
    let site = Site::new();
    let printed = ok(&site.seed(&["--residents", "150", "--days", "30", "--seed", "3"]));
    assert!(printed.contains("150  người dân"), "{printed}");
    // A demo database gets the printed PIN, so the instructor view can be tried.
    assert!(
        printed.contains(kiosk::commands::seed::DEMO_PIN),
        "{printed}"
    );
    let conn = site.conn();

    // Residents: ids as registration makes them, real Vietnamese names,
    // namesakes, households of several people, seniors' birth years.
    let residents: Vec<(String, String, i64, String, i64)> = conn
        .prepare("SELECT id, full_name, birth_year, household_key, group_no FROM residents")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(residents.len(), 150);
    let ids: BTreeSet<String> = residents.iter().map(|r| r.0.clone()).collect();
    let expected: BTreeSet<String> = (1..=150).map(|n| format!("vh-phuc-xa-{n}")).collect();
    assert_eq!(ids, expected);
    for (_, name, _, _, _) in &residents {
        assert_eq!(kiosk::text::nfc(name), *name);
        assert!(name.split(' ').count() >= 3, "{name}");
    }
    assert!(residents.iter().any(|r| r.1.starts_with("Nguyễn ")));
    assert!(residents.iter().any(|r| r.1.contains(" Thị ")));
    let names: BTreeSet<&str> = residents.iter().map(|r| r.1.as_str()).collect();
    assert!(
        names.len() < residents.len(),
        "at least one pair of namesakes"
    );
    let seniors = residents
        .iter()
        .filter(|r| (1940..=1975).contains(&r.2))
        .count();
    assert!(
        seniors * 100 / residents.len() >= 75,
        "{seniors} of 150 born 1940–1975"
    );
    let households: BTreeSet<(i64, &str)> = residents.iter().map(|r| (r.4, r.3.as_str())).collect();
    assert!(
        households.len() * 10 < residents.len() * 8,
        "households hold several people"
    );
    assert!(
        residents.iter().map(|r| r.4).collect::<BTreeSet<_>>().len() >= 2,
        "several groups"
    );

    // Classes with attendance, sign-ins, pages, quizzes, indicators.
    assert!(site.count("SELECT count(*) FROM class_sessions") >= 8);
    assert!(site.count("SELECT count(*) FROM attendance WHERE status = 'present'") >= 50);
    assert!(
        site.count("SELECT count(*) FROM attendance WHERE status IN ('late', 'absent', 'excused')")
            > 0
    );
    assert!(site.count("SELECT count(*) FROM seat_sessions") >= 100);
    assert_eq!(
        site.count("SELECT count(*) FROM seat_sessions WHERE ended_at IS NULL"),
        0
    );
    assert!(site.count("SELECT count(*) FROM indicator_events WHERE reached = 1") > 0);

    // Everything lies in the 30 days before the given day.
    let start = kiosk_ms("2026-10-31");
    let end = kiosk_ms(TODAY);
    for (table, col) in [
        ("seat_sessions", "started_at"),
        ("step_views", "seen_at"),
        ("quiz_answers", "answered_at"),
        ("class_sessions", "started_at"),
    ] {
        let (lo, hi): (i64, i64) = conn
            .query_row(
                &format!("SELECT min({col}), max({col}) FROM {table}"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(lo >= start && hi < end, "{table}.{col} outside the window");
    }

    // Events carry UUID v7 ids.
    let id: String = conn
        .query_row("SELECT id FROM quiz_answers LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 7);

    // The real lessons: every page and answer refers to a real module, page
    // and question, and every answer's "correct" agrees with the answer key.
    let cfg = kiosk::config::Config::load(&site.dir.path().join("kiosk.toml")).unwrap();
    let ind: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let curriculum = kiosk::lessons::load_dir(&cfg.lessons_dir, &ind)
        .unwrap()
        .curriculum;
    let mut steps = conn
        .prepare("SELECT module_id, step FROM step_views")
        .unwrap();
    for row in steps
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .unwrap()
    {
        let (m, s) = row.unwrap();
        let module = curriculum
            .module(&m)
            .unwrap_or_else(|| panic!("no module {m}"));
        assert!((s as usize) < module.steps.len(), "{m} has no page {s}");
    }
    let mut answers = conn
        .prepare("SELECT module_id, question_id, response, correct FROM quiz_answers")
        .unwrap();
    let mut wrong_per_question: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for row in answers
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })
        .unwrap()
    {
        let (m, q, response, correct) = row.unwrap();
        let question = curriculum.module(&m).unwrap().question(&q).unwrap();
        let decoded = Response::decode(question.kind, &response)
            .unwrap_or_else(|| panic!("{m}/{q}: bad response {response}"));
        assert_eq!(question.is_correct(&decoded), correct, "{m}/{q} {response}");
        if question.kind != QuestionKind::TrueFalse {
            assert!(!response.is_empty());
        }
        let e = wrong_per_question.entry(format!("{m}/{q}")).or_default();
        e.0 += 1;
        e.1 += (!correct) as u32;
    }
    let total: u32 = wrong_per_question.values().map(|v| v.0).sum();
    let wrong: u32 = wrong_per_question.values().map(|v| v.1).sum();
    assert!(total > 200, "{total} answers");
    assert!(
        wrong * 100 / total >= 5 && wrong * 100 / total <= 40,
        "{wrong} of {total} wrong"
    );

    // Scores follow the rule the quiz screen uses, and some fail.
    let bad: i64 = site.count(
        "SELECT count(*) FROM quiz_results WHERE score != (correct * 100) / total OR passed != (score >= threshold)",
    );
    assert_eq!(bad, 0);
    let (passed, all): (i64, i64) = conn
        .query_row("SELECT sum(passed), count(*) FROM quiz_results", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert!(passed > 0 && passed < all, "{passed} of {all} passed");

    // The store reads it back as the learner screens would.
    let store = kiosk::store::Store::open(&cfg).unwrap();
    let busiest: String = conn
        .query_row(
            "SELECT resident_id FROM step_views GROUP BY resident_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        store.check_pin(kiosk::commands::seed::DEMO_PIN).unwrap(),
        kiosk::store::pin::PinCheck::Ok
    );
    let progress = store.progress(&busiest).unwrap();
    assert!(progress.iter().any(|p| !p.steps_seen.is_empty()));
    assert!(store.resume_point(&busiest).is_ok());
}

fn kiosk_ms(day: &str) -> i64 {
    use chrono::TimeZone;
    let d = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    chrono::Local
        .from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap())
        .earliest()
        .unwrap()
        .timestamp_millis()
}
