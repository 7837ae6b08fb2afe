//! Test data for the coordinator queries (exports, reports, bundles and
//! merges): small, hand-made records with known answers, written straight
//! into a migrated database. Test support only (it panics on any error);
//! hidden from the documentation, public so that `tests/` can use it.

use chrono::{Local, NaiveDate, TimeZone};
use rusqlite::{Connection, params};

use super::instructor::records::{
    ClassRecord, IndicatorRecord, MarkRecord, insert_class, insert_indicator, insert_mark,
};
use super::learner::events::{
    Answer, Attempt, Finished, QuizOutcome, StepView, insert_answer, insert_attempt, insert_result,
    insert_step_view,
};
use super::schema::MIGRATIONS;

/// A fresh database with every migration applied.
pub fn migrated(conn: &Connection) {
    for (i, m) in MIGRATIONS.iter().enumerate() {
        conn.execute_batch(m).unwrap();
        conn.pragma_update(None, "user_version", (i + 1) as i64)
            .unwrap();
    }
}

pub fn memory_db() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    migrated(&conn);
    conn
}

/// UTC ms of a local time.
pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    let t = NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_hms_opt(h, mi, 0)
        .unwrap();
    Local
        .from_local_datetime(&t)
        .earliest()
        .unwrap()
        .timestamp_millis()
}

pub fn resident(
    conn: &Connection,
    id: &str,
    name: &str,
    birth_year: i64,
    group: i64,
    household: &str,
    created_at: i64,
) {
    let site = id.rsplit_once('-').unwrap().0;
    conn.execute(
        "INSERT INTO residents (id, site_id, full_name, search_key, birth_year, group_no,
             household, household_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            site,
            name,
            crate::text::fold(name),
            birth_year,
            group,
            household,
            crate::text::fold(household),
            created_at
        ],
    )
    .unwrap();
}

/// Erases a resident the way forgetting does and leaves the marker.
pub fn forget(conn: &Connection, id: &str, when: i64) {
    let site = id.rsplit_once('-').unwrap().0;
    conn.execute(
        "UPDATE residents SET full_name = '', search_key = '', birth_year = NULL,
             household = '', household_key = '', phone = NULL, forgotten_at = ?2,
             updated_at = ?2
         WHERE id = ?1",
        params![id, when],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO forgotten (resident_id, site_id, forgotten_at) VALUES (?1, ?2, ?3)",
        params![id, site, when],
    )
    .unwrap();
}

pub fn seat(conn: &Connection, id: &str, site: &str, resident: &str, start: i64, end: i64) {
    super::bulk::signed_in(conn, site, resident, id, start, end).unwrap();
}

pub fn step(
    conn: &Connection,
    id: &str,
    site: &str,
    resident: &str,
    module: &str,
    step: i64,
    at: i64,
) {
    insert_step_view(
        conn,
        &StepView {
            id,
            site_id: site,
            resident_id: resident,
            session_id: None,
            module_id: module,
            step: step as usize,
            at,
        },
    )
    .unwrap();
}

/// An attempt with its result.
#[allow(clippy::too_many_arguments)]
pub fn quiz(
    conn: &Connection,
    id: &str,
    site: &str,
    resident: &str,
    module: &str,
    score: i64,
    passed: bool,
    start: i64,
    end: i64,
) {
    insert_attempt(
        conn,
        &Attempt {
            id,
            site_id: site,
            resident_id: resident,
            session_id: None,
            module_id: module,
            question_order: &["q1".to_string()],
            started_at: start,
        },
    )
    .unwrap();
    insert_answer(
        conn,
        &Answer {
            id: &format!("{id}-a"),
            site_id: site,
            attempt_id: id,
            resident_id: resident,
            module_id: module,
            question_id: "q1",
            response: "0",
            correct: passed,
            at: end,
        },
    )
    .unwrap();
    insert_result(
        conn,
        &Finished {
            attempt_id: id,
            site_id: site,
            resident_id: resident,
            module_id: module,
            outcome: &QuizOutcome {
                correct: u32::from(passed),
                total: 1,
                score: score as u8,
                threshold: 80,
                passed,
                at: end,
            },
        },
    )
    .unwrap();
}

pub fn class(conn: &Connection, id: &str, site: &str, day: &str, start: i64, topic: &str) {
    insert_class(
        conn,
        &ClassRecord {
            id,
            site_id: site,
            day,
            started_at: start,
            ended_at: Some(start + 5_400_000),
            topic,
            instructor: "Cô Lan",
        },
    )
    .unwrap();
}

pub fn mark(conn: &Connection, id: &str, class: &str, resident: &str, status: &str, at: i64) {
    let site: String = conn
        .query_row(
            "SELECT site_id FROM class_sessions WHERE id = ?1",
            [class],
            |r| r.get(0),
        )
        .unwrap();
    insert_mark(
        conn,
        &MarkRecord {
            id,
            site_id: &site,
            class_session_id: class,
            resident_id: resident,
            status,
            marked_by: "Cô Lan",
            at,
        },
    )
    .unwrap();
}

pub fn indicator(conn: &Connection, id: &str, resident: &str, ind: &str, reached: bool, at: i64) {
    let site = resident.rsplit_once('-').unwrap().0;
    insert_indicator(
        conn,
        &IndicatorRecord {
            id,
            site_id: site,
            resident_id: resident,
            indicator: ind,
            reached,
            verified_by: "Cô Lan",
            at,
        },
    )
    .unwrap();
}

/// The standard small site "vh-a" (times in March 2026, local):
/// - vh-a-1 Nguyễn Thị Hằng, group 3, household "12 ngõ 5"
/// - vh-a-2 a name that looks like a formula, same household
/// - vh-a-3 Trần Văn Đức, group 4
/// - vh-a-4 forgotten
/// - class c1 on 2026-03-02 "VNeID mức 2": vh-a-1 present then late (late wins),
///   vh-a-2 absent, vh-a-4 present; vh-a-1 used a seat 09:00-09:40 and saw
///   pages 0-2 of "vneid";
/// - vh-a-3 signed in on 2026-03-03 10:00-10:30 and passed "scam" (90%) after
///   failing (40%);
/// - indicators: vneid reached by vh-a-1 and vh-a-2 (one household), vh-a-3
///   reached then not (newest wins); zalo reached by vh-a-3.
pub const FORMULA_NAME: &str = "=HYPERLINK(\"http://x.example\",\"bấm\")";

pub fn site_a(conn: &Connection) {
    small_site(conn, "vh-a");
}

/// The same records for any site: ids are `<site>-1` to `<site>-4` and every
/// event id starts with the site, so two sites never share an id.
pub fn small_site(conn: &Connection, site: &str) {
    let t0 = at(2026, 3, 1, 8, 0);
    let r = |n: u32| format!("{site}-{n}");
    let e = |name: &str| format!("{site}/{name}");
    resident(conn, &r(1), "Nguyễn Thị Hằng", 1955, 3, "12 ngõ 5", t0);
    resident(conn, &r(2), FORMULA_NAME, 1960, 3, "12 Ngõ 5", t0);
    resident(conn, &r(3), "Trần Văn Đức", 1948, 4, "7 phố Huế", t0);
    resident(conn, &r(4), "Lê Bí Mật", 1950, 4, "9 phố Huế", t0);
    let c1 = e("c1");
    class(
        conn,
        &c1,
        site,
        "2026-03-02",
        at(2026, 3, 2, 8, 55),
        "VNeID mức 2",
    );
    mark(conn, &e("m1"), &c1, &r(1), "present", at(2026, 3, 2, 9, 0));
    mark(conn, &e("m2"), &c1, &r(1), "late", at(2026, 3, 2, 9, 5));
    mark(conn, &e("m3"), &c1, &r(2), "absent", at(2026, 3, 2, 9, 1));
    mark(conn, &e("m4"), &c1, &r(4), "present", at(2026, 3, 2, 9, 2));
    seat(
        conn,
        &e("s1"),
        site,
        &r(1),
        at(2026, 3, 2, 9, 0),
        at(2026, 3, 2, 9, 40),
    );
    for s in 0..3 {
        step(
            conn,
            &e(&format!("v{s}")),
            site,
            &r(1),
            "vneid",
            s,
            at(2026, 3, 2, 9, 10 + s as u32),
        );
    }
    seat(
        conn,
        &e("s2"),
        site,
        &r(3),
        at(2026, 3, 3, 10, 0),
        at(2026, 3, 3, 10, 30),
    );
    quiz(
        conn,
        &e("q1"),
        site,
        &r(3),
        "scam",
        40,
        false,
        at(2026, 3, 3, 10, 5),
        at(2026, 3, 3, 10, 9),
    );
    quiz(
        conn,
        &e("q2"),
        site,
        &r(3),
        "scam",
        90,
        true,
        at(2026, 3, 3, 10, 10),
        at(2026, 3, 3, 10, 14),
    );
    indicator(conn, &e("i1"), &r(1), "vneid", true, at(2026, 3, 2, 10, 0));
    indicator(conn, &e("i2"), &r(2), "vneid", true, at(2026, 3, 2, 10, 1));
    indicator(conn, &e("i3"), &r(3), "vneid", true, at(2026, 3, 3, 10, 0));
    indicator(conn, &e("i4"), &r(3), "vneid", false, at(2026, 3, 3, 11, 0));
    indicator(conn, &e("i5"), &r(3), "zalo", true, at(2026, 3, 3, 11, 0));
    forget(conn, &r(4), at(2026, 3, 5, 8, 0));
}

/// [`small_site`] written into an open store (for tests of the commands).
pub fn small_site_in(store: &super::Store, site: &str) {
    small_site(store.conn(), site);
}
