//! The instructor views on a small data set written out by hand, with every
//! expected figure worked out by hand in the comments.

use chrono::{Local, TimeZone};
use rusqlite::params;

use super::*;
use crate::store::{Store, StoreError};
use crate::text::fold;

/// Local time on 2026-03-18 shifted by `days`, at `h:m`.
fn t(days: i64, h: u32, m: u32) -> i64 {
    let base = Local.with_ymd_and_hms(2026, 3, 18, h, m, 0).unwrap();
    (base + chrono::Duration::days(days)).timestamp_millis()
}

const NOW_H: u32 = 12;

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    class_today: String,
    class_yesterday: String,
}

fn exec<P: rusqlite::Params + Clone>(s: &Store, sql: &str, p: P) {
    s.write(|tx| tx.execute(sql, p.clone()).map(|_| ()))
        .unwrap();
}

fn resident(
    s: &Store,
    id: &str,
    site: &str,
    name: &str,
    group: i64,
    household: &str,
    forgotten: bool,
) {
    exec(
        s,
        "INSERT INTO residents(id, site_id, full_name, search_key, birth_year, group_no, household,
                               household_key, created_at, updated_at, forgotten_at)
         VALUES (?1, ?2, ?3, ?4, 1950, ?5, ?6, ?7, 0, 0, ?8)",
        params![
            id,
            site,
            name,
            fold(name),
            group,
            household,
            fold(household),
            forgotten.then_some(1)
        ],
    );
}

fn seat(s: &Store, resident: &str, seat: &str, start: i64, end: Option<i64>) {
    exec(
        s,
        "INSERT INTO seat_sessions(id, site_id, resident_id, seat, started_at, ended_at)
         VALUES (?1, 'vh-test', ?2, ?3, ?4, ?5)",
        params![crate::store::new_id(), resident, seat, start, end],
    );
}

fn step(s: &Store, resident: &str, module: &str, step: i64, at: i64) {
    exec(
        s,
        "INSERT INTO step_views(id, site_id, resident_id, module_id, step, seen_at)
         VALUES (?1, 'vh-test', ?2, ?3, ?4, ?5)",
        params![crate::store::new_id(), resident, module, step, at],
    );
}

fn attempt(s: &Store, id: &str, resident: &str, module: &str, at: i64) {
    exec(
        s,
        "INSERT INTO quiz_attempts(id, site_id, resident_id, module_id, question_order, started_at)
         VALUES (?1, 'vh-test', ?2, ?3, '[]', ?4)",
        params![id, resident, module, at],
    );
}

#[allow(clippy::too_many_arguments)] // one column each, as in the table
fn answer(
    s: &Store,
    attempt: &str,
    resident: &str,
    module: &str,
    q: &str,
    resp: &str,
    ok: bool,
    at: i64,
) {
    exec(
        s,
        "INSERT INTO quiz_answers(id, site_id, attempt_id, resident_id, module_id, question_id,
                                  response, correct, answered_at)
         VALUES (?1, 'vh-test', ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            crate::store::new_id(),
            attempt,
            resident,
            module,
            q,
            resp,
            ok,
            at
        ],
    );
}

fn result(s: &Store, attempt: &str, resident: &str, module: &str, score: i64, at: i64) {
    exec(
        s,
        "INSERT INTO quiz_results(attempt_id, site_id, resident_id, module_id, correct, total,
                                  score, threshold, passed, finished_at)
         VALUES (?1, 'vh-test', ?2, ?3, 0, 0, ?4, 70, ?5, ?6)",
        params![attempt, resident, module, score, score >= 70, at],
    );
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_path(&dir.path().join("kiosk.db"), "vh-test", "1", None).unwrap();
    // Group 1: r1 and r2 share a household (written differently), r3 has
    // her own. Group 2: r4, r5 (no household: one of her own), r6 forgotten.
    // r7 belongs to another cultural house and never shows.
    resident(
        &s,
        "vh-test-1",
        "vh-test",
        "Nguyễn Thị Hằng",
        1,
        "Số 5 ngõ 12",
        false,
    );
    resident(
        &s,
        "vh-test-2",
        "vh-test",
        "Trần Văn Minh",
        1,
        "số 5  Ngõ 12",
        false,
    );
    resident(&s, "vh-test-3", "vh-test", "Lê Thị Lan", 1, "Số 7", false);
    resident(
        &s,
        "vh-test-4",
        "vh-test",
        "Phạm Văn Đức",
        2,
        "Số 20",
        false,
    );
    resident(&s, "vh-test-5", "vh-test", "Hoàng Thị Mai", 2, "", false);
    resident(&s, "vh-test-6", "vh-test", "", 2, "", true);
    resident(
        &s,
        "vh-other-1",
        "vh-other",
        "Ngô Văn Tư",
        1,
        "Số 5 ngõ 12",
        false,
    );

    // Seats today. r4's session on seat 3 was never closed (a crash), and
    // r5 signed in there later: r4 is not signed in any more.
    seat(&s, "vh-test-1", "1", t(0, 8, 0), Some(t(0, 8, 30)));
    seat(&s, "vh-test-1", "2", t(0, 9, 0), None);
    seat(&s, "vh-test-4", "3", t(0, 8, 10), None);
    seat(&s, "vh-test-2", "1", t(0, 9, 5), None);
    seat(&s, "vh-test-5", "3", t(0, 10, 0), None);
    seat(&s, "vh-test-3", "1", t(-1, 10, 0), Some(t(-1, 11, 0)));
    seat(&s, "vh-test-4", "1", t(-26, 10, 0), Some(t(-26, 11, 0))); // February
    exec(
        &s,
        "INSERT INTO seat_sessions(id, site_id, resident_id, seat, started_at)
         VALUES ('other', 'vh-other', 'vh-other-1', '1', ?1)",
        [t(0, 9, 30)],
    );

    // r1 reads m-vneid: on page 3 (index 2) since 09:10.
    step(&s, "vh-test-1", "m-vneid", 0, t(0, 9, 1));
    step(&s, "vh-test-1", "m-vneid", 1, t(0, 9, 2));
    step(&s, "vh-test-1", "m-vneid", 2, t(0, 9, 10));
    // r1 failed m-scam twice last week and then passed it: no help needed.
    step(&s, "vh-test-1", "m-scam", 0, t(-8, 9, 0));
    for (i, (score, day)) in [(40, -8), (60, -7), (80, -6)].into_iter().enumerate() {
        let id = format!("a-scam-{i}");
        attempt(&s, &id, "vh-test-1", "m-scam", t(day, 9, 30));
        result(&s, &id, "vh-test-1", "m-scam", score, t(day, 9, 40));
    }
    // r2: m-zalo, failed twice today, now in a third attempt with 1 answer.
    // m-zalo answers: q1 right is "0", q2 right is "2", q3 right is "3".
    step(&s, "vh-test-2", "m-zalo", 0, t(0, 9, 6));
    attempt(&s, "a1", "vh-test-2", "m-zalo", t(0, 9, 10));
    answer(
        &s,
        "a1",
        "vh-test-2",
        "m-zalo",
        "q1",
        "0",
        true,
        t(0, 9, 11),
    );
    answer(
        &s,
        "a1",
        "vh-test-2",
        "m-zalo",
        "q2",
        "1",
        false,
        t(0, 9, 11),
    );
    result(&s, "a1", "vh-test-2", "m-zalo", 50, t(0, 9, 12));
    attempt(&s, "a2", "vh-test-2", "m-zalo", t(0, 9, 20));
    answer(
        &s,
        "a2",
        "vh-test-2",
        "m-zalo",
        "q1",
        "2",
        false,
        t(0, 9, 21),
    );
    answer(
        &s,
        "a2",
        "vh-test-2",
        "m-zalo",
        "q2",
        "1",
        false,
        t(0, 9, 21),
    );
    result(&s, "a2", "vh-test-2", "m-zalo", 0, t(0, 9, 22));
    attempt(&s, "a3", "vh-test-2", "m-zalo", t(0, 11, 55));
    answer(
        &s,
        "a3",
        "vh-test-2",
        "m-zalo",
        "q1",
        "0",
        true,
        t(0, 11, 58),
    );
    // r3 yesterday: m-zalo failed once then passed.
    step(&s, "vh-test-3", "m-zalo", 0, t(-1, 10, 1));
    attempt(&s, "a5", "vh-test-3", "m-zalo", t(-1, 10, 20));
    answer(
        &s,
        "a5",
        "vh-test-3",
        "m-zalo",
        "q1",
        "2",
        false,
        t(-1, 10, 21),
    );
    answer(
        &s,
        "a5",
        "vh-test-3",
        "m-zalo",
        "q2",
        "2",
        true,
        t(-1, 10, 21),
    );
    answer(
        &s,
        "a5",
        "vh-test-3",
        "m-zalo",
        "q3",
        "0",
        false,
        t(-1, 10, 21),
    );
    result(&s, "a5", "vh-test-3", "m-zalo", 50, t(-1, 10, 22));
    attempt(&s, "a6", "vh-test-3", "m-zalo", t(-1, 10, 30));
    answer(
        &s,
        "a6",
        "vh-test-3",
        "m-zalo",
        "q1",
        "0",
        true,
        t(-1, 10, 31),
    );
    answer(
        &s,
        "a6",
        "vh-test-3",
        "m-zalo",
        "q2",
        "2",
        true,
        t(-1, 10, 31),
    );
    answer(
        &s,
        "a6",
        "vh-test-3",
        "m-zalo",
        "q3",
        "1",
        false,
        t(-1, 10, 31),
    );
    result(&s, "a6", "vh-test-3", "m-zalo", 100, t(-1, 10, 32));
    // r4 passed m-vneid this morning.
    step(&s, "vh-test-4", "m-vneid", 0, t(0, 8, 15));
    attempt(&s, "a4", "vh-test-4", "m-vneid", t(0, 8, 20));
    answer(
        &s,
        "a4",
        "vh-test-4",
        "m-vneid",
        "q1",
        "1",
        true,
        t(0, 8, 21),
    );
    answer(
        &s,
        "a4",
        "vh-test-4",
        "m-vneid",
        "q2",
        "0",
        true,
        t(0, 8, 22),
    );
    result(&s, "a4", "vh-test-4", "m-vneid", 100, t(0, 8, 25));
    // r5 opened m-zalo at 10:01 and has not moved since.
    step(&s, "vh-test-5", "m-zalo", 0, t(0, 10, 1));

    let yesterday = s
        .open_class_session_at("Zalo", "Cô Hoa", t(-1, 9, 55))
        .unwrap();
    let today = s
        .open_class_session_at("VNeID mức 2", "Cô Hoa", t(0, 7, 55))
        .unwrap();
    use AttendanceStatus::*;
    let mark = |c: &str, r: &str, st, at| s.mark_attendance_at(c, r, st, "Cô Hoa", at).unwrap();
    mark(&today.id, "vh-test-1", Present, t(0, 8, 5));
    mark(&today.id, "vh-test-1", Late, t(0, 8, 6)); // the newest mark wins
    mark(&today.id, "vh-test-2", Present, t(0, 9, 6));
    mark(&today.id, "vh-test-5", Absent, t(0, 8, 7));
    mark(&yesterday.id, "vh-test-1", Absent, t(-1, 10, 0));
    mark(&yesterday.id, "vh-test-2", Excused, t(-1, 10, 0));
    mark(&yesterday.id, "vh-test-3", Present, t(-1, 10, 0));

    let ind =
        |r: &str, i: &str, reached, at| s.record_indicator_at(r, i, reached, "Cô Hoa", at).unwrap();
    ind("vh-test-1", "smartphone", true, t(-3, 9, 0));
    ind("vh-test-1", "vneid", true, t(-3, 9, 0));
    ind("vh-test-1", "vneid", false, t(-2, 9, 0)); // corrected: not reached
    ind("vh-test-2", "smartphone", true, t(-2, 9, 0)); // same household as r1
    ind("vh-test-3", "vneid", true, t(-1, 9, 0));
    ind("vh-test-4", "smartphone", true, t(-1, 9, 0));
    ind("vh-test-4", "ewallet", true, t(-1, 9, 0));
    ind("vh-test-5", "smartphone", true, t(-1, 9, 0));
    ind("vh-test-6", "smartphone", true, t(-5, 9, 0)); // forgotten: not counted
    ind("vh-other-1", "smartphone", true, t(-1, 9, 0)); // other site

    Fixture {
        _dir: dir,
        store: s,
        class_today: today.id,
        class_yesterday: yesterday.id,
    }
}

#[test]
fn today_lists_arrivals_activity_and_who_needs_help() {
    let f = fixture();
    let today = f.store.today_at(t(0, NOW_H, 0), 15).unwrap();
    assert_eq!(today.day, "2026-03-18");
    let class = today.class.unwrap();
    assert_eq!(
        (class.topic.as_str(), class.instructor.as_str()),
        ("VNeID mức 2", "Cô Hoa")
    );
    assert_eq!(class.id, f.class_today);
    let got: Vec<(&str, &str, bool)> = today
        .learners
        .iter()
        .map(|l| (l.resident_id.as_str(), l.seat.as_str(), l.signed_in))
        .collect();
    assert_eq!(
        got,
        [
            ("vh-test-1", "2", true),
            ("vh-test-4", "3", false),
            ("vh-test-2", "1", true),
            ("vh-test-5", "3", true),
        ]
    );
    let l = &today.learners;
    assert_eq!(l[0].full_name, "Nguyễn Thị Hằng");
    assert_eq!(l[0].first_in, t(0, 8, 0));
    assert_eq!(
        l[0].activity,
        Some(Activity::Page {
            module_id: "m-vneid".into(),
            step: 2,
            since: t(0, 9, 10)
        })
    );
    // 09:10 to 12:00 on one page.
    assert_eq!(l[0].help, [HelpReason::Stuck { minutes: 170 }]);
    assert_eq!(
        l[1].activity,
        Some(Activity::Finished {
            module_id: "m-vneid".into(),
            score: 100,
            passed: true,
            at: t(0, 8, 25)
        })
    );
    assert!(l[1].help.is_empty());
    assert_eq!(
        l[2].activity,
        Some(Activity::Quiz {
            module_id: "m-zalo".into(),
            answered: 1,
            since: t(0, 11, 58)
        })
    );
    assert_eq!(
        l[2].help,
        [HelpReason::FailedQuiz {
            module_id: "m-zalo".into(),
            failures: 2
        }]
    );
    assert_eq!(l[3].help, [HelpReason::Stuck { minutes: 119 }]);

    // With a longer patience nobody is stuck, and r2 still failed twice.
    let today = f.store.today_at(t(0, NOW_H, 0), 180).unwrap();
    let helped: Vec<&str> = today
        .learners
        .iter()
        .filter(|l| l.needs_help())
        .map(|l| l.resident_id.as_str())
        .collect();
    assert_eq!(helped, ["vh-test-2"]);

    // Tomorrow nobody has signed in yet and no class is open.
    let tomorrow = f.store.today_at(t(1, 9, 0), 15).unwrap();
    assert!(tomorrow.learners.is_empty() && tomorrow.class.is_none());
}

#[test]
fn residents_summaries_match_hand_counts() {
    let f = fixture();
    let all = f.store.resident_summaries().unwrap();
    let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    // Name order by the folded key; the forgotten and other-site are absent.
    assert_eq!(
        ids,
        [
            "vh-test-5",
            "vh-test-3",
            "vh-test-1",
            "vh-test-4",
            "vh-test-2"
        ]
    );
    let by = |id: &str| all.iter().find(|r| r.id == id).unwrap();
    let r1 = by("vh-test-1");
    // m-scam 40, 60, 80: three attempts, one module done, best 80, last 80.
    assert_eq!((r1.attempts, r1.modules_tried, r1.modules_done), (3, 1, 1));
    assert_eq!(r1.best_score, Some(80));
    assert_eq!(r1.last_score, Some(("m-scam".into(), 80)));
    // Late today counts; absent yesterday does not.
    assert_eq!(r1.attendance, 1);
    assert_eq!(r1.last_seen, Some(t(0, 9, 0)));
    assert_eq!(r1.indicators, ["smartphone"]); // vneid was corrected to not reached
    let r2 = by("vh-test-2");
    assert_eq!((r2.attempts, r2.modules_tried, r2.modules_done), (2, 1, 0));
    assert_eq!(
        (r2.best_score, r2.last_score.clone()),
        (Some(50), Some(("m-zalo".into(), 0)))
    );
    assert_eq!(r2.attendance, 1); // present today, excused yesterday
    let r3 = by("vh-test-3");
    assert_eq!(
        (r3.attempts, r3.modules_done, r3.best_score),
        (2, 1, Some(100))
    );
    assert_eq!((r3.attendance, r3.last_seen), (1, Some(t(-1, 10, 0))));
    assert_eq!(r3.indicators, ["vneid"]);
    let r4 = by("vh-test-4");
    assert_eq!((r4.attempts, r4.modules_done, r4.attendance), (1, 1, 0));
    assert_eq!(r4.indicators, ["ewallet", "smartphone"]);
    let r5 = by("vh-test-5");
    assert_eq!(
        (r5.attempts, r5.best_score, r5.last_score.clone()),
        (0, None, None)
    );
    assert_eq!((r5.attendance, r5.last_seen), (0, Some(t(0, 10, 0))));
}

#[test]
fn modules_and_difficult_questions_match_hand_counts() {
    let f = fixture();
    let m = f.store.module_stats().unwrap();
    let ids: Vec<&str> = m.iter().map(|m| m.module_id.as_str()).collect();
    assert_eq!(ids, ["m-scam", "m-vneid", "m-zalo"]);
    // m-scam: r1 opened it; 40, 60, 80: one pass in three, mean 60.
    assert_eq!(
        (
            m[0].started,
            m[0].completed,
            m[0].attempts,
            m[0].passed_attempts
        ),
        (1, 1, 3, 1)
    );
    assert_eq!(m[0].average_score, Some(60.0));
    // m-vneid: r1 and r4 opened it, r4 passed with 100.
    assert_eq!((m[1].started, m[1].completed, m[1].attempts), (2, 1, 1));
    assert_eq!(m[1].pass_rate(), Some(100.0));
    // m-zalo: r2, r3, r5 opened it; 50, 0, 50, 100: one pass in four.
    assert_eq!((m[2].started, m[2].completed, m[2].attempts), (3, 1, 4));
    assert_eq!(m[2].pass_rate(), Some(25.0));
    assert_eq!(m[2].average_score, Some(50.0));

    let q = f.store.question_stats("m-zalo").unwrap();
    type Row<'a> = (&'a str, u32, u32, Option<(&'a str, u32)>);
    let rows: Vec<Row> = q
        .iter()
        .map(|q| {
            let wrong = q.top_wrong.as_ref().map(|(r, n)| (r.as_str(), *n));
            (q.question_id.as_str(), q.answers, q.correct, wrong)
        })
        .collect();
    // q3: 0 of 2 right, "0" and "1" once each (tie: the smaller);
    // q2: 2 of 4, "1" twice; q1: 3 of 5, "2" twice.
    assert_eq!(
        rows,
        [
            ("q3", 2, 0, Some(("0", 1))),
            ("q2", 4, 2, Some(("1", 2))),
            ("q1", 5, 3, Some(("2", 2))),
        ]
    );
    assert_eq!(q[2].correct_share(), 60.0);
    assert!(f.store.question_stats("m-none").unwrap().is_empty());
}

#[test]
fn groups_count_households_once() {
    let f = fixture();
    let ids: Vec<String> = ["smartphone", "vneid", "ewallet"]
        .map(String::from)
        .to_vec();
    let g = f.store.group_stats_at(t(0, NOW_H, 0), &ids).unwrap();
    assert_eq!(g.len(), 2);
    let reach = |g: &GroupStats| {
        g.indicators
            .iter()
            .map(|i| i.households)
            .collect::<Vec<_>>()
    };
    // Group 1: 3 residents in 2 households; all 3 came this month; r1
    // passed m-scam and r3 m-zalo. Smartphone: r1 and r2 are one household.
    assert_eq!(g[0].group_no, 1);
    assert_eq!(
        (g[0].residents, g[0].households, g[0].active_this_month),
        (3, 2, 3)
    );
    assert_eq!(g[0].modules_completed, 2);
    assert_eq!(reach(&g[0]), [1, 1, 0]);
    assert_eq!(g[0].share("smartphone"), 50.0);
    // Group 2: r4 and r5 (r6 forgotten); r4's February visit and today's
    // both count once. r5 has no household and counts as her own.
    assert_eq!(
        (g[1].residents, g[1].households, g[1].active_this_month),
        (2, 2, 2)
    );
    assert_eq!(g[1].modules_completed, 1);
    assert_eq!(reach(&g[1]), [2, 0, 1]);
    assert_eq!(g[1].share("ewallet"), 50.0);
    // In April nobody was active yet.
    let april = f.store.group_stats_at(t(20, 9, 0), &ids).unwrap();
    assert_eq!(april[0].active_this_month, 0);
}

#[test]
fn attendance_newest_mark_wins_and_bad_ids_are_refused() {
    let f = fixture();
    let marks = f.store.attendance(&f.class_today).unwrap();
    let got: Vec<(&str, AttendanceStatus)> = marks
        .iter()
        .map(|m| (m.resident_id.as_str(), m.status))
        .collect();
    use AttendanceStatus::*;
    assert_eq!(
        got,
        [
            ("vh-test-5", Absent),
            ("vh-test-1", Late),
            ("vh-test-2", Present)
        ]
    );
    assert_eq!(f.store.attendance(&f.class_yesterday).unwrap().len(), 3);
    assert!(matches!(
        f.store
            .mark_attendance(&f.class_today, "vh-test-99", Present, "Cô Hoa"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        f.store
            .record_indicator("vh-test-1", "Not An Id", true, "Cô Hoa"),
        Err(StoreError::Invalid { .. })
    ));
    assert!(f.store.open_class_session("  ", "Cô Hoa").is_err());
    f.store
        .close_class_session_at(&f.class_today, t(0, 11, 0))
        .unwrap();
    f.store
        .close_class_session_at(&f.class_today, t(0, 11, 30))
        .unwrap();
    let c = f.store.class_session(&f.class_today).unwrap().unwrap();
    assert_eq!(c.ended_at, Some(t(0, 11, 0)));
}

/// On a data set with the shape of a real site, no view query reads the
/// big tables row by row: answers are only ever looked up by module, page
/// views only through the small first-page index, and whole-table
/// aggregates read an index that holds every column they need.
#[test]
fn view_queries_use_indexes_on_the_big_tables() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_path(&dir.path().join("kiosk.db"), "vh-test", "1", None).unwrap();
    let spec = bulk::BulkSpec {
        residents: 300,
        answers: 16_000,
        ..bulk::BulkSpec::default()
    };
    bulk::build(&s, &spec, t(0, NOW_H, 0)).unwrap();
    let plans = bulk::query_plans(&s).unwrap();
    assert_eq!(plans.len(), 13);
    for (name, plan) in &plans {
        for step in plan.split("; ") {
            let scans = |table: &str| {
                step.starts_with(&format!("SCAN {table} ")) || step == format!("SCAN {table}")
            };
            assert!(!scans("quiz_answers"), "{name}: {plan}");
            for table in [
                "quiz_results",
                "quiz_attempts",
                "seat_sessions",
                "step_views",
            ] {
                assert!(
                    !scans(table) || step.contains("USING COVERING INDEX"),
                    "{name} reads {table} row by row: {plan}"
                );
            }
            if scans("step_views") {
                assert!(step.contains("step_views_first_page"), "{name}: {plan}");
            }
            if name.starts_with("today:") || name.starts_with("modules: question") {
                assert!(!step.starts_with("SCAN"), "{name}: {plan}");
            }
        }
    }
    // And the views themselves work on it.
    assert_eq!(s.today_at(t(0, NOW_H, 0), 15).unwrap().learners.len(), 30);
    assert_eq!(s.resident_summaries().unwrap().len(), 300);
}

/// A database that had events before migration 4 gets the same totals
/// from the migration's rebuild as the triggers keep from then on.
#[test]
fn the_rebuild_of_running_totals_matches_the_triggers() {
    let f = fixture();
    let ids: Vec<String> = ["smartphone", "vneid", "ewallet"]
        .map(String::from)
        .to_vec();
    let views = |s: &Store| {
        (
            s.resident_summaries().unwrap(),
            s.module_stats().unwrap(),
            s.group_stats_at(t(0, NOW_H, 0), &ids).unwrap(),
        )
    };
    let before = views(&f.store);
    let migration = crate::store::schema::MIGRATIONS
        .iter()
        .find(|m| m.contains("CREATE TABLE resident_stats"))
        .unwrap();
    f.store
        .write(|tx| {
            tx.execute_batch(
                "DROP TRIGGER quiz_results_totals; DROP TRIGGER seat_sessions_last_seen;
                 DROP TRIGGER step_views_first_page; DROP TRIGGER indicator_events_latest;
                 DROP TABLE resident_module_stats; DROP TABLE resident_stats;
                 DROP TABLE module_stats; DROP TABLE module_starts; DROP TABLE indicator_latest;",
            )?;
            tx.execute_batch(migration)
        })
        .unwrap();
    assert_eq!(views(&f.store), before);
}

/// One class at a time: opening the next ends the one still open, at the
/// moment the next starts, so no class stays open for ever.
#[test]
fn opening_a_class_ends_the_one_still_open() {
    let f = fixture();
    let next = f
        .store
        .open_class_session_at("Ví điện tử", "Cô Hoa", t(0, 10, 30))
        .unwrap();
    let before = f.store.class_session(&f.class_today).unwrap().unwrap();
    assert_eq!(before.ended_at, Some(t(0, 10, 30)));
    let open: i64 = f
        .store
        .conn()
        .query_row(
            "SELECT count(*) FROM class_sessions WHERE ended_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(open, 1);
    assert_eq!(
        f.store.class_session(&next.id).unwrap().unwrap().ended_at,
        None
    );
}

/// Someone the kiosk signed out for touching nothing, in the middle of a
/// lesson, needs help (the idle time is shorter than the stuck time, so
/// they would never show as stuck); someone who signed out themselves, or
/// who is back at a seat, does not.
#[test]
fn a_learner_signed_out_idle_mid_lesson_needs_help() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_path(&dir.path().join("kiosk.db"), "vh-test", "1", None).unwrap();
    for (id, name) in [("vh-test-1", "Lê Thị Lý"), ("vh-test-2", "Trần Văn Ba")] {
        resident(&s, id, "vh-test", name, 1, "Số 1", false);
    }
    let idle = s.start_seat_session("vh-test-1").unwrap();
    s.record_step(Some(&idle), "vh-test-1", "m-vneid", 0)
        .unwrap();
    s.end_seat_session(&idle, crate::store::EndReason::Idle)
        .unwrap();
    let left = s.start_seat_session("vh-test-2").unwrap();
    s.record_step(Some(&left), "vh-test-2", "m-vneid", 0)
        .unwrap();
    s.end_seat_session(&left, crate::store::EndReason::SignOut)
        .unwrap();
    let helped = |s: &Store| -> Vec<(String, Vec<HelpReason>)> {
        s.today(15)
            .unwrap()
            .learners
            .into_iter()
            .map(|l| (l.resident_id, l.help))
            .collect()
    };
    assert_eq!(
        helped(&s),
        [
            ("vh-test-1".to_string(), vec![HelpReason::LeftIdle]),
            ("vh-test-2".to_string(), vec![]),
        ]
    );
    // Back at a seat: no longer flagged.
    s.start_seat_session("vh-test-1").unwrap();
    assert!(helped(&s).iter().all(|(_, h)| h.is_empty()));
}

/// A page read in an earlier session says nothing about the last one: a
/// learner who signed out properly after it, then signed in again and was
/// signed out idle on the home screen, left no lesson half done.
#[test]
fn idle_on_home_after_an_earlier_lesson_is_not_left_mid_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_path(&dir.path().join("kiosk.db"), "vh-test", "1", None).unwrap();
    resident(&s, "vh-test-1", "vh-test", "Lê Thị Lý", 1, "Số 1", false);
    let morning = s.start_seat_session("vh-test-1").unwrap();
    s.record_step(Some(&morning), "vh-test-1", "m-vneid", 0)
        .unwrap();
    s.end_seat_session(&morning, crate::store::EndReason::SignOut)
        .unwrap();
    // The next session starts in a later millisecond.
    std::thread::sleep(std::time::Duration::from_millis(5));
    let afternoon = s.start_seat_session("vh-test-1").unwrap();
    s.end_seat_session(&afternoon, crate::store::EndReason::Idle)
        .unwrap();
    let today = s.today(15).unwrap();
    assert_eq!(today.learners[0].help, vec![], "{today:?}");
}
