//! A fast bulk builder of a large, realistic-looking database for the
//! instructor-view benchmark (10,000 residents, 40 modules, 1,000,000
//! answers), and the query plans of every view query so the benchmark and a
//! test can show they use indexes. Not used by the kiosk itself.
//!
//! Everything is inserted in one transaction with prepared statements; a
//! fixed seed makes two runs build the same data.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::{Connection, params};

use super::records::{
    ClassRecord, IndicatorRecord, MarkRecord, insert_class, insert_indicator, insert_mark,
};
use super::{groups, modules, residents, today};
use crate::store::learner::events::{
    Answer, Attempt, Finished, QuizOutcome, SeatSession, StepView, insert_answer, insert_attempt,
    insert_result, insert_seat_session, insert_step_view,
};
use crate::store::{Result, Store, new_id};
use crate::text::fold;

/// How big a data set to build.
#[derive(Debug, Clone, Copy)]
pub struct BulkSpec {
    pub residents: u32,
    pub modules: u32,
    pub questions_per_module: u32,
    pub pages_per_module: u32,
    /// Answers to record in all (whole attempts of `questions_per_module`).
    pub answers: u32,
    pub groups: u32,
    pub seed: u64,
}

impl Default for BulkSpec {
    fn default() -> Self {
        BulkSpec {
            residents: 10_000,
            modules: 40,
            questions_per_module: 8,
            pages_per_module: 8,
            answers: 1_000_000,
            groups: 25,
            seed: 7,
        }
    }
}

const FAMILY: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
];
const MIDDLE: [&str; 6] = ["Thị", "Văn", "Đức", "Ngọc", "Minh", "Thu"];
const GIVEN: [&str; 12] = [
    "Hằng", "Lan", "Minh", "Đức", "Mai", "Nam", "Hoa", "Tuấn", "Hương", "Bình", "Yến", "Khoa",
];
const INDICATORS: [&str; 4] = ["smartphone", "vneid", "ewallet", "public-services"];

/// Fills an empty database with `spec`'s data, ending "now" (`now` UTC ms):
/// a year of history, and today's class with thirty learners signed in.
pub fn build(store: &Store, spec: &BulkSpec, now: i64) -> Result<()> {
    const DAY: i64 = 86_400_000;
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let site = store.site_id().to_string();
    store.write(|tx| {
        let mut add_resident = tx.prepare(
            "INSERT INTO residents(id, site_id, full_name, search_key, birth_year, group_no,
                                   household, household_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        )?;
        let mut ids = Vec::with_capacity(spec.residents as usize);
        for n in 1..=spec.residents {
            let id = format!("{site}-{n}");
            let name = format!(
                "{} {} {}",
                FAMILY[rng.random_range(0..FAMILY.len())],
                MIDDLE[rng.random_range(0..MIDDLE.len())],
                GIVEN[rng.random_range(0..GIVEN.len())]
            );
            // About two residents per household.
            let house = n.div_ceil(2) + rng.random_range(0..2);
            let household = format!("Số {house} ngõ {}", house % 40);
            let group = i64::from(house % spec.groups.max(1)) + 1;
            add_resident.execute(params![
                id,
                site,
                name,
                fold(&name),
                rng.random_range(1935..1965),
                group,
                household,
                fold(&household),
                now - 400 * DAY
            ])?;
            ids.push(id);
        }

        let q = spec.questions_per_module.max(1);
        let total_attempts = spec.answers / q;
        let mut made = 0u32;
        let mut r = 0usize;
        // Each visit: one seat session in which a resident reads one module
        // and takes its quiz once or twice, until the answers run out.
        while made < total_attempts && !ids.is_empty() {
            let resident = &ids[r % ids.len()];
            r += 1;
            let module = format!("m-{:02}", rng.random_range(0..spec.modules.max(1)));
            // Hard modules (a low number) are failed more often.
            let skill: f64 = rng.random_range(0.35..0.98);
            let start = now - rng.random_range(1..365) * DAY + rng.random_range(0..8 * 3_600_000);
            let session = new_id();
            let mut at = start;
            insert_seat_session(
                tx,
                &SeatSession {
                    id: &session,
                    site_id: &site,
                    resident_id: resident,
                    seat: &format!("{}", rng.random_range(1..6)),
                    started_at: start,
                    ended_at: Some(start + 3_600_000),
                    end_reason: Some("sign-out"),
                },
            )?;
            for step in 0..spec.pages_per_module {
                at += 40_000;
                insert_step_view(
                    tx,
                    &StepView {
                        id: &new_id(),
                        site_id: &site,
                        resident_id: resident,
                        session_id: Some(&session),
                        module_id: &module,
                        step: step as usize,
                        at,
                    },
                )?;
            }
            for _ in 0..rng.random_range(1..3u32) {
                if made >= total_attempts {
                    break;
                }
                let attempt_id = new_id();
                at += 10_000;
                insert_attempt(
                    tx,
                    &Attempt {
                        id: &attempt_id,
                        site_id: &site,
                        resident_id: resident,
                        session_id: Some(&session),
                        module_id: &module,
                        question_order: &[],
                        started_at: at,
                    },
                )?;
                let mut correct = 0;
                for qi in 0..q {
                    at += 15_000;
                    let ok = rng.random_bool(skill);
                    let response = if ok {
                        "0".to_string()
                    } else {
                        rng.random_range(1..4).to_string()
                    };
                    correct += u32::from(ok);
                    insert_answer(
                        tx,
                        &Answer {
                            id: &new_id(),
                            site_id: &site,
                            attempt_id: &attempt_id,
                            resident_id: resident,
                            module_id: &module,
                            question_id: &format!("q{qi}"),
                            response: &response,
                            correct: ok,
                            at,
                        },
                    )?;
                }
                let score = correct * 100 / q;
                at += 1_000;
                insert_result(
                    tx,
                    &Finished {
                        attempt_id: &attempt_id,
                        site_id: &site,
                        resident_id: resident,
                        module_id: &module,
                        outcome: &QuizOutcome {
                            correct,
                            total: q,
                            score: score as u8,
                            threshold: 70,
                            passed: score >= 70,
                            at,
                        },
                    },
                )?;
                made += 1;
            }
        }

        // A year of weekly classes with attendance, and today's class.
        for week in (0..52).rev() {
            let at = now - week * 7 * DAY - 3_600_000;
            let id = new_id();
            let ended = (week > 0).then_some(at + 7_200_000);
            insert_class(
                tx,
                &ClassRecord {
                    id: &id,
                    site_id: &site,
                    day: &super::local_day(at),
                    started_at: at,
                    ended_at: ended,
                    topic: "Lớp học",
                    instructor: "Cô Hoa",
                },
            )?;
            for k in 0..25 {
                let who = &ids[rng.random_range(0..ids.len())];
                let status = ["present", "present", "present", "late", "excused", "absent"][k % 6];
                insert_mark(
                    tx,
                    &MarkRecord {
                        id: &new_id(),
                        site_id: &site,
                        class_session_id: &id,
                        resident_id: who,
                        status,
                        marked_by: "Cô Hoa",
                        at: at + 60_000,
                    },
                )?;
            }
        }
        // Thirty learners in the room right now, each on some page.
        for (k, resident) in ids.iter().take(30).enumerate() {
            let start = now - 3_600_000 + k as i64 * 60_000;
            let session = new_id();
            insert_seat_session(
                tx,
                &SeatSession {
                    id: &session,
                    site_id: &site,
                    resident_id: resident,
                    seat: &format!("{}", k % 6 + 1),
                    started_at: start,
                    ended_at: None,
                    end_reason: None,
                },
            )?;
            let module = format!("m-{:02}", k % spec.modules.max(1) as usize);
            insert_step_view(
                tx,
                &StepView {
                    id: &new_id(),
                    site_id: &site,
                    resident_id: resident,
                    session_id: Some(&session),
                    module_id: &module,
                    step: 0,
                    at: start + 30_000,
                },
            )?;
        }

        for resident in &ids {
            for indicator in INDICATORS {
                if rng.random_bool(0.6) {
                    let at = now - rng.random_range(1..300) * DAY;
                    insert_indicator(
                        tx,
                        &IndicatorRecord {
                            id: &new_id(),
                            site_id: &site,
                            resident_id: resident,
                            indicator,
                            reached: rng.random_bool(0.9),
                            verified_by: "Cô Hoa",
                            at,
                        },
                    )?;
                }
            }
        }
        Ok(())
    })?;
    store.write(|tx| tx.execute_batch("ANALYZE"))?;
    Ok(())
}

/// `EXPLAIN QUERY PLAN` of every instructor-view query, by name.
pub fn query_plans(store: &Store) -> Result<Vec<(&'static str, String)>> {
    let sqls: Vec<(&'static str, String)> = vec![
        ("today: sessions today", today::SQL_SESSIONS_TODAY.into()),
        ("today: newest page", today::SQL_NEWEST_STEP.into()),
        ("today: newest attempt", today::SQL_NEWEST_ATTEMPT.into()),
        ("today: repeated fails", today::SQL_REPEATED_FAILS.into()),
        ("residents: list", residents::SQL_RESIDENTS.into()),
        (
            "residents: attendance",
            residents::SQL_ATTENDANCE_COUNT.into(),
        ),
        (
            "residents: indicators",
            residents::SQL_NEWEST_INDICATORS.into(),
        ),
        ("modules: totals", modules::SQL_MODULE_STATS.into()),
        (
            "modules: question totals",
            modules::SQL_QUESTION_TOTALS.into(),
        ),
        ("modules: wrong answers", modules::SQL_QUESTION_WRONG.into()),
        ("groups: residents", groups::sql_group_residents()),
        ("groups: indicators", groups::SQL_REACHED.into()),
        (
            "attendance of a class",
            super::actions::SQL_ATTENDANCE_OF_CLASS.into(),
        ),
    ];
    store.read(|conn| {
        sqls.iter()
            .map(|(name, sql)| Ok((*name, plan(conn, sql)?)))
            .collect()
    })
}

fn plan(conn: &Connection, sql: &str) -> rusqlite::Result<String> {
    let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let n = st.parameter_count();
    let args: Vec<rusqlite::types::Value> =
        (0..n).map(|_| rusqlite::types::Value::Integer(0)).collect();
    let rows = st.query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))?;
    let lines: rusqlite::Result<Vec<String>> = rows.collect();
    Ok(lines?.join("; "))
}
