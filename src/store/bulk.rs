//! Large synthetic loads for the coordinator benchmarks (`benches/parts/
//! export.rs`): a million attendance rows, or many sites of learners to
//! bundle and merge. Written in one transaction with prepared statements,
//! because going through the one-write-per-event learner API would take
//! longer than the figures being measured. Not for real databases.

use chrono::{Duration, NaiveDate};
use rusqlite::{Transaction, params};

use super::export::local_day_start_ms;
use super::instructor::records::{
    ClassRecord, IndicatorRecord, MarkRecord, insert_class, insert_indicator, insert_mark,
};
use super::learner::events::{
    Answer, Attempt, Finished, QuizOutcome, SeatSession, StepView, insert_answer, insert_attempt,
    insert_result, insert_seat_session, insert_step_view,
};
use super::{Store, new_id};

const STATUSES: [&str; 20] = [
    "present", "present", "present", "present", "present", "present", "present", "present",
    "present", "present", "present", "present", "present", "present", "present", "present", "late",
    "late", "excused", "absent",
];

const MODULES: [&str; 10] = [
    "phone-basics",
    "vneid-level-1",
    "vneid-level-2",
    "vneid-using",
    "public-service-portal",
    "ihanoi",
    "digital-signature",
    "ewallet",
    "zalo-safety",
    "scam-safety",
];

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 6).expect("a valid date")
}

/// Adds `n` residents `<site>-1..n` spread over 20 residential groups, with
/// three residents to a household.
fn residents(tx: &Transaction, site: &str, n: u32, at: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO residents (id, site_id, full_name, search_key, birth_year, group_no,
             household, household_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?8)",
    )?;
    let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
    let given = [
        "Thị Hằng",
        "Văn Đức",
        "Thị Lan",
        "Văn Minh",
        "Thị Thu",
        "Quang Huy",
    ];
    let mut ids = Vec::with_capacity(n as usize);
    for i in 0..n {
        let id = format!("{site}-{}", i + 1);
        let name = format!(
            "{} {} {}",
            family[i as usize % family.len()],
            given[(i as usize / 8) % given.len()],
            i + 1
        );
        let key = crate::text::fold(&name);
        stmt.execute(params![
            id,
            site,
            name,
            key,
            1940 + (i % 40) as i64,
            1 + (i % 20) as i64,
            format!("{} ngo {}", i / 3, i % 20),
            at
        ])?;
        ids.push(id);
    }
    Ok(ids)
}

/// One seat session with a page seen in it, as a signed-in learner leaves.
fn activity(
    tx: &Transaction,
    site: &str,
    resident: &str,
    start: i64,
    module: &str,
) -> rusqlite::Result<()> {
    let session = new_id();
    signed_in(tx, site, resident, &session, start, start + 35 * 60_000)?;
    insert_step_view(
        tx,
        &StepView {
            id: &new_id(),
            site_id: site,
            resident_id: resident,
            session_id: Some(&session),
            module_id: module,
            step: ((start / 60_000) % 6) as usize,
            at: start + 5 * 60_000,
        },
    )
}

/// An attendance mark by the bench's instructor.
fn marked(
    tx: &Transaction,
    site: &str,
    class: &str,
    resident: &str,
    status: &str,
    at: i64,
) -> rusqlite::Result<()> {
    insert_mark(
        tx,
        &MarkRecord {
            id: &new_id(),
            site_id: site,
            class_session_id: class,
            resident_id: resident,
            status,
            marked_by: "Cô Lan",
            at,
        },
    )
}

/// A seat session at seat 1 that ended with a sign-out (also the test
/// fixtures' `fixture::seat`).
pub(super) fn signed_in(
    tx: &rusqlite::Connection,
    site: &str,
    resident: &str,
    session: &str,
    start: i64,
    end: i64,
) -> rusqlite::Result<()> {
    insert_seat_session(
        tx,
        &SeatSession {
            id: session,
            site_id: site,
            resident_id: resident,
            seat: "1",
            started_at: start,
            ended_at: Some(end),
            end_reason: Some("sign-out"),
        },
    )
}

/// Brings a freshly loaded database to the state of one in use: every page
/// copied from the write-ahead log into the file and the log emptied. One
/// huge transaction leaves all of it in the log, where every read would
/// look it up page by page; a kiosk's log never holds more than a few
/// megabytes (SQLite checkpoints every 1,000 pages).
fn settle(store: &Store) -> super::Result<()> {
    store
        .conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(|e| super::StoreError::sqlite(store.path(), e))
}

/// Records that give about `rows` attendance rows: each day two class
/// sessions of 1,000 marked residents each (most present, with a seat
/// session), and 667 residents signing in outside them. 4,000 residents.
/// Returns the first and last day.
pub fn attendance_load(store: &Store, rows: u64) -> super::Result<(NaiveDate, NaiveDate)> {
    let site = store.site_id().to_string();
    let per_day = 2_667u64;
    let days = rows.div_ceil(per_day).max(1);
    let start = first_day();
    store.write(|tx| {
        let ids = residents(tx, &site, 4_000, local_day_start_ms(start) - 86_400_000)?;
        let mut made = 0u64;
        for d in 0..days {
            let day = start + Duration::days(d as i64);
            let midnight = local_day_start_ms(day);
            let day_text = day.format("%Y-%m-%d").to_string();
            let offset = (d as usize * 1_333) % ids.len();
            for class in 0..2usize {
                let class_id = new_id();
                let class_start = midnight + (8 + 5 * class as i64) * 3_600_000;
                let topic = format!(
                    "Buổi {}: {}",
                    d * 2 + class as u64 + 1,
                    MODULES[d as usize % 10]
                );
                insert_class(
                    tx,
                    &ClassRecord {
                        id: &class_id,
                        site_id: &site,
                        day: &day_text,
                        started_at: class_start,
                        ended_at: Some(class_start + 90 * 60_000),
                        topic: &topic,
                        instructor: "Cô Lan",
                    },
                )?;
                for k in 0..1_000usize {
                    if made >= rows {
                        break;
                    }
                    let resident = &ids[(offset + class * 1_000 + k) % ids.len()];
                    let status = STATUSES[(k + d as usize) % STATUSES.len()];
                    marked(tx, &site, &class_id, resident, status, class_start)?;
                    if status == "present" || status == "late" {
                        let module = MODULES[(k + d as usize) % MODULES.len()];
                        activity(
                            tx,
                            &site,
                            resident,
                            class_start + (k as i64 % 30) * 60_000,
                            module,
                        )?;
                    }
                    made += 1;
                }
            }
            for k in 0..667usize {
                if made >= rows {
                    break;
                }
                let resident = &ids[(offset + 2_000 + k) % ids.len()];
                let module = MODULES[(k + d as usize) % MODULES.len()];
                activity(
                    tx,
                    &site,
                    resident,
                    midnight + 15 * 3_600_000 + k as i64 * 10_000,
                    module,
                )?;
                made += 1;
            }
        }
        Ok(())
    })?;
    settle(store)?;
    Ok((start, start + Duration::days(days as i64 - 1)))
}

/// `n` residents with a realistic history each: three seat sessions with
/// three pages seen in each, one quiz attempt of five answers and its
/// result, two attendance marks (in 20 class sessions) and two indicator
/// events. About 22 records per resident.
pub fn learner_load(store: &Store, n: u32) -> super::Result<()> {
    let site = store.site_id().to_string();
    let start = first_day();
    store.write(|tx| {
        let t0 = local_day_start_ms(start);
        let ids = residents(tx, &site, n, t0 - 86_400_000)?;
        let classes: Vec<(String, i64)> = (0..20)
            .map(|c| {
                let day = start + Duration::days(c * 3);
                (new_id(), local_day_start_ms(day) + 8 * 3_600_000)
            })
            .collect();
        for (c, (id, at)) in classes.iter().enumerate() {
            let day = start + Duration::days(c as i64 * 3);
            insert_class(
                tx,
                &ClassRecord {
                    id,
                    site_id: &site,
                    day: &day.format("%Y-%m-%d").to_string(),
                    started_at: *at,
                    ended_at: Some(at + 5_400_000),
                    topic: "VNeID",
                    instructor: "Cô Lan",
                },
            )?;
        }
        let questions: Vec<String> = (1..=5).map(|q| format!("q{q}")).collect();
        for (i, r) in ids.iter().enumerate() {
            let module = MODULES[i % MODULES.len()];
            for s in 0..3i64 {
                let at = t0 + (i as i64 % 60 + s * 7) * 86_400_000 + 9 * 3_600_000;
                let session = new_id();
                signed_in(tx, &site, r, &session, at, at + 1_800_000)?;
                for step in 0..3i64 {
                    insert_step_view(
                        tx,
                        &StepView {
                            id: &new_id(),
                            site_id: &site,
                            resident_id: r,
                            session_id: Some(&session),
                            module_id: module,
                            step: step as usize,
                            at: at + step * 60_000,
                        },
                    )?;
                }
            }
            let at = t0 + (i as i64 % 60 + 15) * 86_400_000 + 10 * 3_600_000;
            let attempt = new_id();
            insert_attempt(
                tx,
                &Attempt {
                    id: &attempt,
                    site_id: &site,
                    resident_id: r,
                    session_id: None,
                    module_id: module,
                    question_order: &questions,
                    started_at: at,
                },
            )?;
            let correct = (i % 6) as u32;
            for (q, question) in questions.iter().enumerate() {
                insert_answer(
                    tx,
                    &Answer {
                        id: &new_id(),
                        site_id: &site,
                        attempt_id: &attempt,
                        resident_id: r,
                        module_id: module,
                        question_id: question,
                        response: "0",
                        correct: (q as u32) < correct,
                        at: at + q as i64 * 30_000,
                    },
                )?;
            }
            let score = correct.min(5) * 20;
            insert_result(
                tx,
                &Finished {
                    attempt_id: &attempt,
                    site_id: &site,
                    resident_id: r,
                    module_id: module,
                    outcome: &QuizOutcome {
                        correct: correct.min(5),
                        total: 5,
                        score: score as u8,
                        threshold: 80,
                        passed: score >= 80,
                        at: at + 200_000,
                    },
                },
            )?;
            for m in 0..2usize {
                let (class, at) = &classes[(i + m * 7) % classes.len()];
                marked(tx, &site, class, r, STATUSES[(i + m) % 20], *at)?;
            }
            for (k, ind) in ["vneid", "zalo"].iter().enumerate() {
                insert_indicator(
                    tx,
                    &IndicatorRecord {
                        id: &new_id(),
                        site_id: &site,
                        resident_id: r,
                        indicator: ind,
                        reached: (i + k) % 3 != 0,
                        verified_by: "Cô Lan",
                        at: at + 86_400_000,
                    },
                )?;
            }
        }
        Ok(())
    })
}
