//! Several seats are several processes on one database file. These tests
//! start real processes (this test binary again, as a "writer" through
//! `KIOSK_TEST_WRITER`) that record answers through the store, printing
//! `ACK <question id>` only after each write returned (committed, synced).
//! Nothing acknowledged may be lost, and no writer may ever see "database is
//! locked", whether writers run side by side or one is killed mid-run.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use kiosk::store::{NewResident, Store};

/// Starts a writer process on `db` that records `count` answers (0: until
/// killed), tagged `tag-<n>`.
fn spawn_writer(db: &Path, tag: &str, count: u64) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "writer_process",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("KIOSK_TEST_WRITER", db)
        .env("KIOSK_TEST_TAG", tag)
        .env("KIOSK_TEST_COUNT", count.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The writer itself. Run only as a child of the tests below.
#[test]
#[ignore = "a helper process started by the other tests"]
fn writer_process() {
    let Some(db) = std::env::var_os("KIOSK_TEST_WRITER") else {
        return;
    };
    let tag = std::env::var("KIOSK_TEST_TAG").unwrap();
    let count: u64 = std::env::var("KIOSK_TEST_COUNT").unwrap().parse().unwrap();
    let pause_us: u64 = std::env::var("KIOSK_TEST_PAUSE_US")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let store = Store::open_path(Path::new(&db), "vh-test", &tag, None).unwrap();
    let who = store
        .add_resident(&NewResident {
            full_name: format!("Người viết {tag}"),
            birth_year: 1950,
            group_no: 1,
            ..Default::default()
        })
        .unwrap()
        .id;
    let session = store.start_seat_session(&who).unwrap();
    let attempt = store
        .start_attempt(Some(&session), &who, "vneid", &["q1".to_string()])
        .unwrap();
    let mut n = 0;
    while count == 0 || n < count {
        let question = format!("{tag}-{n}");
        store
            .record_answer(&attempt, &who, "vneid", &question, "0", n % 2 == 0)
            .unwrap();
        // Acknowledged only now: the write is committed and synced.
        println!("ACK {question}");
        // Seats answer at human pace; a short pause keeps this a test of
        // seats writing side by side rather than of one hogging the lock.
        std::thread::sleep(std::time::Duration::from_micros(pause_us));
        if n % 10 == 0 {
            store
                .record_step(Some(&session), &who, "vneid", n as usize)
                .unwrap();
        }
        n += 1;
    }
}

fn acks(text: &str) -> Vec<String> {
    text.lines()
        // The test harness may print "test writer_process ... " first.
        .filter_map(|l| l.split_once("ACK ").map(|(_, q)| q))
        .map(str::to_string)
        .collect()
}

/// Every question id recorded in the database, with its answer time.
fn recorded(db: &Path) -> Vec<(String, i64)> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut stmt = c
        .prepare("SELECT question_id, answered_at FROM quiz_answers ORDER BY answered_at")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn integrity_ok(db: &Path) {
    let store = Store::open_path(db, "vh-test", "check", None).unwrap();
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

fn writers_at_once(seats: usize, per_seat: u64) {
    let dir = tempfile::tempdir().unwrap();
    // A fresh file: the seats also race to create and migrate it.
    let db = dir.path().join("kiosk.db");
    let children: Vec<(String, Child)> = (0..seats)
        .map(|i| {
            let tag = format!("seat{i}");
            let child = spawn_writer(&db, &tag, per_seat);
            (tag, child)
        })
        .collect();
    let mut acknowledged = Vec::new();
    for (tag, child) in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "writer {tag} failed: {stderr}");
        let lower = stderr.to_lowercase();
        assert!(
            !lower.contains("locked") && !lower.contains("busy"),
            "writer {tag}: {stderr}"
        );
        let got = acks(&String::from_utf8_lossy(&out.stdout));
        assert_eq!(
            got.len() as u64,
            per_seat,
            "writer {tag} acknowledged too few"
        );
        acknowledged.extend(got);
    }
    integrity_ok(&db);
    let rows = recorded(&db);
    let mut in_db: Vec<&str> = rows.iter().map(|(q, _)| q.as_str()).collect();
    in_db.sort();
    acknowledged.sort();
    assert_eq!(
        in_db, acknowledged,
        "every acknowledged answer, exactly once"
    );
    // The seats really wrote at the same time: their answers interleave.
    let switches = rows
        .windows(2)
        .filter(|w| w[0].0.split('-').next() != w[1].0.split('-').next())
        .count();
    eprintln!(
        "{seats} seats: {} answers, {switches} switches between seats",
        rows.len()
    );
    assert!(
        switches >= seats * 10,
        "writers did not overlap ({switches} switches)"
    );
    let store = Store::open_path(&db, "vh-test", "check", None).unwrap();
    assert_eq!(store.list_residents(None).unwrap().len(), seats);
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    writers_at_once(2, 200);
}

#[test]
fn four_processes_writing_at_once_lose_nothing() {
    writers_at_once(4, 120);
}

#[test]
fn a_writer_killed_mid_run_leaves_a_sound_database_with_every_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kiosk.db");
    // A second seat keeps writing while the first is killed.
    let mut other = spawn_writer(&db, "calm", 0);
    let mut victim = spawn_writer(&db, "victim", 0);
    let stdout = victim.stdout.take().unwrap();
    let mut reader = BufReader::new(stdout);
    let mut acknowledged = Vec::new();
    let mut line = String::new();
    while acknowledged.len() < 150 {
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 {
            let mut err = String::new();
            let _ = std::io::Read::read_to_string(victim.stderr.as_mut().unwrap(), &mut err);
            panic!("the writer stopped early: {err}");
        }
        acknowledged.extend(acks(&line));
    }
    victim.kill().unwrap(); // SIGKILL: no destructor, no cleanup
    victim.wait().unwrap();
    // Whatever it acknowledged before dying is still in the pipe.
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
    acknowledged.extend(acks(&rest));
    other.kill().unwrap();
    other.wait().unwrap();

    integrity_ok(&db);
    let rows = recorded(&db);
    let in_db: std::collections::HashSet<&str> = rows.iter().map(|(q, _)| q.as_str()).collect();
    let missing: Vec<&String> = acknowledged
        .iter()
        .filter(|q| !in_db.contains(q.as_str()))
        .collect();
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");
    let calm = in_db.iter().filter(|q| q.starts_with("calm-")).count();
    eprintln!(
        "victim acknowledged {}, calm wrote {calm}",
        acknowledged.len()
    );
    assert!(calm > 0, "the other seat wrote nothing");
}
