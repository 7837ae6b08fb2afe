//! The rows a learner's actions append, one insert per event. The learner
//! screens write each in its own short IMMEDIATE transaction
//! ([`Store::record_step`](crate::store::Store::record_step) and friends);
//! `kiosk seed` writes thousands in one transaction
//! ([`SeedWriter`](crate::store::seed::SeedWriter)). Both go through these
//! functions, so demo data has exactly the columns real use writes.
//!
//! The statements are cached on the connection: a seat preparing the same
//! insert for every page turn would parse it again each time.

use rusqlite::{Connection, params};

/// A sign-in at a seat; `ended_at`/`end_reason` stay empty until it ends
/// (demo data writes finished sessions at once).
pub(in crate::store) struct SeatSession<'a> {
    pub id: &'a str,
    pub site_id: &'a str,
    pub resident_id: &'a str,
    pub seat: &'a str,
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub end_reason: Option<&'a str>,
}

pub(in crate::store) fn insert_seat_session(
    c: &Connection,
    s: &SeatSession,
) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT INTO seat_sessions (id, site_id, resident_id, seat, started_at, ended_at, end_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        s.id,
        s.site_id,
        s.resident_id,
        s.seat,
        s.started_at,
        s.ended_at,
        s.end_reason
    ])?;
    Ok(())
}

/// A page of a lesson seen (`step` counts from 0).
pub(in crate::store) struct StepView<'a> {
    pub id: &'a str,
    pub site_id: &'a str,
    pub resident_id: &'a str,
    pub session_id: Option<&'a str>,
    pub module_id: &'a str,
    pub step: usize,
    pub at: i64,
}

pub(in crate::store) fn insert_step_view(c: &Connection, v: &StepView) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT INTO step_views (id, site_id, resident_id, session_id, module_id, step, seen_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        v.id,
        v.site_id,
        v.resident_id,
        v.session_id,
        v.module_id,
        v.step as i64,
        v.at
    ])?;
    Ok(())
}

/// A quiz started, with its questions in the order shown.
pub(in crate::store) struct Attempt<'a> {
    pub id: &'a str,
    pub site_id: &'a str,
    pub resident_id: &'a str,
    pub session_id: Option<&'a str>,
    pub module_id: &'a str,
    pub question_order: &'a [String],
    pub started_at: i64,
}

pub(in crate::store) fn insert_attempt(c: &Connection, a: &Attempt) -> rusqlite::Result<()> {
    let order = serde_json::to_string(a.question_order).expect("a list of strings is JSON");
    c.prepare_cached(
        "INSERT INTO quiz_attempts (id, site_id, resident_id, session_id, module_id, question_order, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        a.id,
        a.site_id,
        a.resident_id,
        a.session_id,
        a.module_id,
        order,
        a.started_at
    ])?;
    Ok(())
}

/// One answer (`response` as `lessons::Response::encode` wrote it).
pub(in crate::store) struct Answer<'a> {
    pub id: &'a str,
    pub site_id: &'a str,
    pub attempt_id: &'a str,
    pub resident_id: &'a str,
    pub module_id: &'a str,
    pub question_id: &'a str,
    pub response: &'a str,
    pub correct: bool,
    pub at: i64,
}

pub(in crate::store) fn insert_answer(c: &Connection, a: &Answer) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT INTO quiz_answers (id, site_id, attempt_id, resident_id, module_id, question_id,
             response, correct, answered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        a.id,
        a.site_id,
        a.attempt_id,
        a.resident_id,
        a.module_id,
        a.question_id,
        a.response,
        a.correct,
        a.at
    ])?;
    Ok(())
}

/// How a quiz attempt ended: the figures stored with its result (`score`
/// is the percent correct, rounded down; `threshold` the pass mark then).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizOutcome {
    pub correct: u32,
    pub total: u32,
    pub score: u8,
    pub threshold: u8,
    pub passed: bool,
    pub at: i64,
}

/// A finished quiz. An attempt has at most one result: a second one for
/// the same attempt is ignored (the first stands).
pub(in crate::store) struct Finished<'a> {
    pub attempt_id: &'a str,
    pub site_id: &'a str,
    pub resident_id: &'a str,
    pub module_id: &'a str,
    pub outcome: &'a QuizOutcome,
}

pub(in crate::store) fn insert_result(c: &Connection, r: &Finished) -> rusqlite::Result<()> {
    let o = r.outcome;
    c.prepare_cached(
        "INSERT INTO quiz_results (attempt_id, site_id, resident_id, module_id, correct, total,
             score, threshold, passed, finished_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (attempt_id) DO NOTHING",
    )?
    .execute(params![
        r.attempt_id,
        r.site_id,
        r.resident_id,
        r.module_id,
        o.correct,
        o.total,
        o.score,
        o.threshold,
        o.passed,
        o.at
    ])?;
    Ok(())
}
