//! What the learner screens record: seat sessions (sign-in to sign-out),
//! pages seen, quiz attempts, answers and results; and what they read back:
//! progress per module and where to resume.
//!
//! Every write is one short IMMEDIATE transaction that appends a row (only a
//! session's end fills in its row), so an acknowledged page or answer is on
//! disk before the screen moves on. Each write has an `_at` variant that
//! takes the time, for tests. The inserts themselves are in [`events`],
//! shared with `kiosk seed`.

pub(super) mod events;

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{OptionalExtension, params};

use self::events::{
    Answer, Attempt, Finished, QuizOutcome, SeatSession, StepView, insert_answer, insert_attempt,
    insert_result, insert_seat_session, insert_step_view,
};
use super::{Result, Store, StoreError, new_id, now_ms};

/// Why a seat session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    /// The learner pressed "sign out".
    SignOut,
    /// Nobody touched the seat for the idle timeout.
    Idle,
    /// The kiosk closed (or crashed and the next sign-in at the seat closed it).
    Closed,
}

impl EndReason {
    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::SignOut => "sign-out",
            EndReason::Idle => "idle",
            EndReason::Closed => "closed",
        }
    }
}

/// A finished quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizResult {
    /// Percent correct, rounded down.
    pub score: u8,
    pub passed: bool,
}

/// One resident's progress in one module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleProgress {
    pub module_id: String,
    pub steps_seen: BTreeSet<usize>,
    /// The step seen most recently.
    pub last_step: Option<usize>,
    /// Quiz attempts started (finished or not).
    pub attempts: u32,
    pub best_score: Option<u8>,
    /// The score of the most recently finished attempt.
    pub last_score: Option<u8>,
    /// Whether any attempt passed.
    pub passed: bool,
}

/// Where a returning learner left off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resume {
    Page {
        module_id: String,
        step: usize,
    },
    Quiz {
        module_id: String,
        attempt_id: String,
        question_order: Vec<String>,
        /// (question id, response, correct), in the order answered; a
        /// question answered twice keeps its place and its newest answer.
        answered: Vec<(String, String, bool)>,
    },
}

fn not_found(what: &'static str, id: &str) -> StoreError {
    StoreError::NotFound {
        what,
        id: id.to_string(),
    }
}

impl ModuleProgress {
    /// No progress yet: nothing seen, no attempt.
    pub fn new(module_id: impl Into<String>) -> ModuleProgress {
        ModuleProgress {
            module_id: module_id.into(),
            steps_seen: BTreeSet::new(),
            last_step: None,
            attempts: 0,
            best_score: None,
            last_score: None,
            passed: false,
        }
    }
}

/// The progress entry for `module_id`, made empty the first time.
fn slot(map: &mut BTreeMap<String, ModuleProgress>, module_id: String) -> &mut ModuleProgress {
    map.entry(module_id.clone())
        .or_insert_with(|| ModuleProgress::new(module_id))
}

/// Closes the sessions a crash left open at this seat (?1 site, ?2 seat),
/// ending each at its last recorded activity. Found through the partial
/// index of open sessions (migration 6), so it does not read every session;
/// the session's pages and answers are found among its resident's own (a
/// session's events are always its resident's), through the resident
/// indexes, because `session_id` has no index of its own: one would cost
/// every page view and every merge a third B-tree write.
pub(super) const CLOSE_LEFT_OPEN_SQL: &str = "
UPDATE seat_sessions SET end_reason = 'closed', ended_at = max(started_at, coalesce(
    (SELECT max(at) FROM (
        SELECT max(seen_at) AS at FROM step_views v
            WHERE v.resident_id = seat_sessions.resident_id AND v.session_id = seat_sessions.id
        UNION ALL
        SELECT max(a.answered_at) FROM quiz_attempts q JOIN quiz_answers a ON a.attempt_id = q.id
            WHERE q.resident_id = seat_sessions.resident_id AND q.session_id = seat_sessions.id)),
    started_at))
 WHERE site_id = ?1 AND seat = ?2 AND ended_at IS NULL";

impl Store {
    /// Signs `resident_id` in at this seat; returns the session id.
    pub fn start_seat_session(&self, resident_id: &str) -> Result<String> {
        self.start_seat_session_at(resident_id, now_ms())
    }

    /// [`Store::start_seat_session`] at `at_ms`. A session this seat left
    /// open (the kiosk was killed) is closed first, ending at its last
    /// recorded activity rather than now.
    pub fn start_seat_session_at(&self, resident_id: &str, at_ms: i64) -> Result<String> {
        let id = new_id();
        let known = self.write(|tx| {
            let known: Option<bool> = tx
                .query_row(
                    "SELECT forgotten_at IS NULL FROM residents WHERE id = ?1",
                    [resident_id],
                    |r| r.get(0),
                )
                .optional()?;
            if known != Some(true) {
                return Ok(false);
            }
            tx.execute(CLOSE_LEFT_OPEN_SQL, params![self.site_id(), self.seat()])?;
            insert_seat_session(
                tx,
                &SeatSession {
                    id: &id,
                    site_id: self.site_id(),
                    resident_id,
                    seat: self.seat(),
                    started_at: at_ms,
                    ended_at: None,
                    end_reason: None,
                },
            )?;
            Ok(true)
        })?;
        if !known {
            return Err(not_found("resident", resident_id));
        }
        Ok(id)
    }

    /// Ends a session. Ending one that already ended changes nothing.
    pub fn end_seat_session(&self, session_id: &str, reason: EndReason) -> Result<()> {
        self.end_seat_session_at(session_id, reason, now_ms())
    }

    pub fn end_seat_session_at(
        &self,
        session_id: &str,
        reason: EndReason,
        at_ms: i64,
    ) -> Result<()> {
        let exists = self.write(|tx| {
            tx.execute(
                "UPDATE seat_sessions SET ended_at = max(started_at, ?2), end_reason = ?3
                 WHERE id = ?1 AND ended_at IS NULL",
                params![session_id, at_ms, reason.as_str()],
            )?;
            tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM seat_sessions WHERE id = ?1)",
                [session_id],
                |r| r.get::<_, bool>(0),
            )
        })?;
        if !exists {
            return Err(not_found("seat session", session_id));
        }
        Ok(())
    }

    /// Records that the resident saw page `step` (0-based) of `module_id`.
    pub fn record_step(
        &self,
        session_id: Option<&str>,
        resident_id: &str,
        module_id: &str,
        step: usize,
    ) -> Result<()> {
        self.record_step_at(session_id, resident_id, module_id, step, now_ms())
    }

    pub fn record_step_at(
        &self,
        session_id: Option<&str>,
        resident_id: &str,
        module_id: &str,
        step: usize,
        at_ms: i64,
    ) -> Result<()> {
        let id = new_id();
        self.write(|tx| {
            insert_step_view(
                tx,
                &StepView {
                    id: &id,
                    site_id: self.site_id(),
                    resident_id,
                    session_id,
                    module_id,
                    step,
                    at: at_ms,
                },
            )
        })
    }

    /// Starts a quiz attempt with the questions in the order shown; returns
    /// the attempt id.
    pub fn start_attempt(
        &self,
        session_id: Option<&str>,
        resident_id: &str,
        module_id: &str,
        question_order: &[String],
    ) -> Result<String> {
        self.start_attempt_at(session_id, resident_id, module_id, question_order, now_ms())
    }

    pub fn start_attempt_at(
        &self,
        session_id: Option<&str>,
        resident_id: &str,
        module_id: &str,
        question_order: &[String],
        at_ms: i64,
    ) -> Result<String> {
        let id = new_id();
        self.write(|tx| {
            insert_attempt(
                tx,
                &Attempt {
                    id: &id,
                    site_id: self.site_id(),
                    resident_id,
                    session_id,
                    module_id,
                    question_order,
                    started_at: at_ms,
                },
            )
        })?;
        Ok(id)
    }

    /// Records one answer (`response` as `lessons::Response::encode` wrote it).
    pub fn record_answer(
        &self,
        attempt_id: &str,
        resident_id: &str,
        module_id: &str,
        question_id: &str,
        response: &str,
        correct: bool,
    ) -> Result<()> {
        self.record_answer_at(
            attempt_id,
            resident_id,
            module_id,
            question_id,
            response,
            correct,
            now_ms(),
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn record_answer_at(
        &self,
        attempt_id: &str,
        resident_id: &str,
        module_id: &str,
        question_id: &str,
        response: &str,
        correct: bool,
        at_ms: i64,
    ) -> Result<()> {
        let id = new_id();
        self.write(|tx| {
            insert_answer(
                tx,
                &Answer {
                    id: &id,
                    site_id: self.site_id(),
                    attempt_id,
                    resident_id,
                    module_id,
                    question_id,
                    response,
                    correct,
                    at: at_ms,
                },
            )
        })
    }

    /// Finishes an attempt: score (percent, rounded down) and pass/fail
    /// against `threshold`, which is stored with it. Finishing twice returns
    /// the first result.
    pub fn finish_attempt(
        &self,
        attempt_id: &str,
        resident_id: &str,
        module_id: &str,
        correct: u32,
        total: u32,
        threshold: u8,
    ) -> Result<QuizResult> {
        self.finish_attempt_at(
            attempt_id,
            resident_id,
            module_id,
            correct,
            total,
            threshold,
            now_ms(),
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn finish_attempt_at(
        &self,
        attempt_id: &str,
        resident_id: &str,
        module_id: &str,
        correct: u32,
        total: u32,
        threshold: u8,
        at_ms: i64,
    ) -> Result<QuizResult> {
        if correct > total {
            return Err(StoreError::invalid(
                "quiz result",
                format!("{correct} correct out of {total} questions"),
            ));
        }
        let score = crate::lessons::model::score_percent(correct as usize, total as usize);
        let passed = score >= threshold;
        self.write(|tx| {
            insert_result(
                tx,
                &Finished {
                    attempt_id,
                    site_id: self.site_id(),
                    resident_id,
                    module_id,
                    outcome: &QuizOutcome {
                        correct,
                        total,
                        score,
                        threshold,
                        passed,
                        at: at_ms,
                    },
                },
            )?;
            tx.query_row(
                "SELECT score, passed FROM quiz_results WHERE attempt_id = ?1",
                [attempt_id],
                |r| {
                    Ok(QuizResult {
                        score: r.get(0)?,
                        passed: r.get(1)?,
                    })
                },
            )
        })
    }

    /// Progress in every module the resident has opened, by module id.
    pub fn progress(&self, resident_id: &str) -> Result<Vec<ModuleProgress>> {
        self.read(|c| {
            let mut map: BTreeMap<String, ModuleProgress> = BTreeMap::new();
            let mut stmt = c.prepare_cached(
                "SELECT module_id, step FROM step_views WHERE resident_id = ?1 ORDER BY seen_at, id",
            )?;
            let rows = stmt.query_map([resident_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (m, step) = row?;
                let p = slot(&mut map, m);
                p.steps_seen.insert(step as usize);
                p.last_step = Some(step as usize);
            }
            let mut stmt = c.prepare_cached(
                "SELECT module_id, count(*) FROM quiz_attempts WHERE resident_id = ?1 GROUP BY module_id",
            )?;
            let rows = stmt.query_map([resident_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
            for row in rows {
                let (m, n) = row?;
                slot(&mut map, m).attempts = n;
            }
            let mut stmt = c.prepare_cached(
                "SELECT module_id, score, passed FROM quiz_results WHERE resident_id = ?1
                 ORDER BY finished_at, attempt_id",
            )?;
            let rows = stmt.query_map([resident_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?, r.get::<_, bool>(2)?))
            })?;
            for row in rows {
                let (m, score, passed) = row?;
                let p = slot(&mut map, m);
                p.best_score = Some(p.best_score.map_or(score, |b| b.max(score)));
                p.last_score = Some(score);
                p.passed |= passed;
            }
            Ok(map.into_values().collect())
        })
    }

    /// Where the resident left off: the newest thing they did. A page seen
    /// resumes at that page; an answer or start of a quiz not yet finished
    /// resumes the quiz; a finished quiz resumes nothing.
    pub fn resume_point(&self, resident_id: &str) -> Result<Option<Resume>> {
        self.read(|c| {
            // At equal times, later steps of a quiz win (a result is stored
            // in the same millisecond as the last answer), then the newer id.
            let newest = c
                .query_row(
                    "SELECT kind, module_id, ref, step FROM (
                         SELECT 0 AS kind, module_id, NULL AS ref, step, seen_at AS at, id
                             FROM step_views WHERE resident_id = ?1
                         UNION ALL SELECT 1, module_id, id, NULL, started_at, id
                             FROM quiz_attempts WHERE resident_id = ?1
                         UNION ALL SELECT 2, module_id, attempt_id, NULL, answered_at, id
                             FROM quiz_answers WHERE resident_id = ?1
                         UNION ALL SELECT 3, module_id, attempt_id, NULL, finished_at, attempt_id
                             FROM quiz_results WHERE resident_id = ?1)
                     ORDER BY at DESC, kind DESC, id DESC LIMIT 1",
                    [resident_id],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, Option<String>>(2)?,
                            r.get::<_, Option<i64>>(3)?,
                        ))
                    },
                )
                .optional()?;
            let Some((kind, module_id, reference, step)) = newest else {
                return Ok(None);
            };
            match (kind, reference, step) {
                (0, _, Some(step)) => Ok(Some(Resume::Page {
                    module_id,
                    step: step as usize,
                })),
                (1 | 2, Some(attempt_id), _) => quiz_resume(c, module_id, attempt_id),
                _ => Ok(None),
            }
        })
    }

    /// The newest attempt at `module_id`'s quiz, when it is unfinished:
    /// starting that quiz again carries on there instead of from question 1
    /// (the learner was told "next time you carry on from this question",
    /// whichever way they come back to it).
    pub fn unfinished_attempt(&self, resident_id: &str, module_id: &str) -> Result<Option<Resume>> {
        self.read(|c| {
            let newest: Option<String> = c
                .query_row(
                    "SELECT id FROM quiz_attempts WHERE resident_id = ?1 AND module_id = ?2
                     ORDER BY started_at DESC, id DESC LIMIT 1",
                    [resident_id, module_id],
                    |r| r.get(0),
                )
                .optional()?;
            match newest {
                Some(attempt_id) => quiz_resume(c, module_id.to_string(), attempt_id),
                None => Ok(None),
            }
        })
    }
}

/// Where an attempt stands: its question order and the answers so far, or
/// `None` when it is finished.
fn quiz_resume(
    c: &rusqlite::Connection,
    module_id: String,
    attempt_id: String,
) -> rusqlite::Result<Option<Resume>> {
    let finished: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM quiz_results WHERE attempt_id = ?1)",
        [&attempt_id],
        |r| r.get(0),
    )?;
    if finished {
        return Ok(None);
    }
    let order: String = c.query_row(
        "SELECT question_order FROM quiz_attempts WHERE id = ?1",
        [&attempt_id],
        |r| r.get(0),
    )?;
    let question_order: Vec<String> = serde_json::from_str(&order).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let mut stmt = c.prepare_cached(
        "SELECT question_id, response, correct FROM quiz_answers
         WHERE attempt_id = ?1 ORDER BY answered_at, id",
    )?;
    let mut answered: Vec<(String, String, bool)> = Vec::new();
    for row in stmt.query_map([&attempt_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
        let a: (String, String, bool) = row?;
        match answered.iter_mut().find(|(q, _, _)| *q == a.0) {
            Some(slot) => *slot = a,
            None => answered.push(a),
        }
    }
    Ok(Some(Resume::Quiz {
        module_id,
        attempt_id,
        question_order,
        answered,
    }))
}

#[cfg(test)]
mod tests;
