//! The Today view: the class session, who signed in today and where, what
//! each of them is doing now, and who needs help.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::day_bounds;
use crate::store::{Result, Store, now_ms};

/// A class the instructor opened (topic and name), for attendance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassSession {
    pub id: String,
    /// Local `YYYY-MM-DD`.
    pub day: String,
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub topic: String,
    pub instructor: String,
}

/// What a learner is on right now: their newest recorded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Activity {
    /// Reading page `step` (0-based) since `since`.
    Page {
        module_id: String,
        step: usize,
        since: i64,
    },
    /// In the middle of a quiz; `since` is the last answer (or the start).
    Quiz {
        module_id: String,
        answered: u32,
        since: i64,
    },
    /// Just finished a quiz.
    Finished {
        module_id: String,
        score: u8,
        passed: bool,
        at: i64,
    },
}

impl Activity {
    pub fn module_id(&self) -> &str {
        match self {
            Activity::Page { module_id, .. }
            | Activity::Quiz { module_id, .. }
            | Activity::Finished { module_id, .. } => module_id,
        }
    }
}

/// Why a learner is on the "needs help" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpReason {
    /// Failed this module's quiz `failures` times since they last passed it
    /// (or ever, when they never passed).
    FailedQuiz { module_id: String, failures: u32 },
    /// Still signed in and on the same page or question for `minutes`.
    Stuck { minutes: u64 },
    /// Signed out by the kiosk after touching nothing for the idle time,
    /// in the middle of a lesson or quiz, and not back since: someone who
    /// froze in front of the screen (the idle time is shorter than the
    /// stuck time, so they would never show as stuck).
    LeftIdle,
}

/// One resident who signed in today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodayLearner {
    pub resident_id: String,
    pub full_name: String,
    pub group_no: i64,
    pub birth_year: Option<i32>,
    /// The seat of their latest session today.
    pub seat: String,
    /// When they first signed in today.
    pub first_in: i64,
    /// Their latest session is still open (and nobody signed in on that
    /// seat after them, which would mean the session was left open by a
    /// crash).
    pub signed_in: bool,
    pub activity: Option<Activity>,
    pub help: Vec<HelpReason>,
}

impl TodayLearner {
    pub fn needs_help(&self) -> bool {
        !self.help.is_empty()
    }
}

/// Everything on the Today screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Today {
    pub day: String,
    /// Today's newest class session at this site, open or closed.
    pub class: Option<ClassSession>,
    /// In order of first sign-in.
    pub learners: Vec<TodayLearner>,
}

pub(super) const SQL_SESSIONS_TODAY: &str = "
    SELECT s.resident_id, s.seat, s.started_at, s.ended_at, r.full_name, r.group_no, r.birth_year,
           s.end_reason
    FROM seat_sessions s JOIN residents r ON r.id = s.resident_id
    WHERE s.started_at >= ?1 AND s.started_at < ?2 AND s.site_id = ?3 AND r.forgotten_at IS NULL
    ORDER BY s.started_at, s.rowid";

pub(super) const SQL_NEWEST_STEP: &str = "
    SELECT module_id, step, seen_at FROM step_views
    WHERE resident_id = ?1 ORDER BY seen_at DESC, rowid DESC LIMIT 1";

pub(super) const SQL_NEWEST_ATTEMPT: &str = "
    SELECT a.id, a.module_id, a.started_at, q.score, q.passed, q.finished_at
    FROM quiz_attempts a LEFT JOIN quiz_results q ON q.attempt_id = a.id
    WHERE a.resident_id = ?1 ORDER BY a.started_at DESC, a.rowid DESC LIMIT 1";

const SQL_ATTEMPT_ANSWERS: &str =
    "SELECT COUNT(*), MAX(answered_at) FROM quiz_answers WHERE attempt_id = ?1";

/// Failed results after the resident's last pass of the same module.
pub(super) const SQL_REPEATED_FAILS: &str = "
    SELECT q.module_id, COUNT(*) FROM quiz_results q
    WHERE q.resident_id = ?1 AND q.passed = 0
      AND q.finished_at > COALESCE((SELECT MAX(p.finished_at) FROM quiz_results p
            WHERE p.resident_id = q.resident_id AND p.module_id = q.module_id AND p.passed = 1), -1)
    GROUP BY q.module_id HAVING COUNT(*) >= 2 ORDER BY q.module_id";

const SQL_CLASS_TODAY: &str = "
    SELECT id, day, started_at, ended_at, topic, instructor FROM class_sessions
    WHERE site_id = ?1 AND day = ?2 ORDER BY started_at DESC, id DESC LIMIT 1";

pub(super) fn class_from_row(r: &rusqlite::Row) -> rusqlite::Result<ClassSession> {
    Ok(ClassSession {
        id: r.get(0)?,
        day: r.get(1)?,
        started_at: r.get(2)?,
        ended_at: r.get(3)?,
        topic: r.get(4)?,
        instructor: r.get(5)?,
    })
}

fn activity(conn: &Connection, resident_id: &str) -> rusqlite::Result<Option<Activity>> {
    let step = conn
        .prepare_cached(SQL_NEWEST_STEP)?
        .query_row([resident_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })
        .optional()?;
    type AttemptRow = (String, String, i64, Option<i64>, Option<bool>, Option<i64>);
    let attempt: Option<AttemptRow> = conn
        .prepare_cached(SQL_NEWEST_ATTEMPT)?
        .query_row([resident_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .optional()?;
    let page = step.map(|(module_id, step, since)| Activity::Page {
        module_id,
        step: step.max(0) as usize,
        since,
    });
    let Some((attempt_id, module_id, started_at, score, passed, finished_at)) = attempt else {
        return Ok(page);
    };
    // A page seen after the quiz began means the learner went back to read.
    if let Some(Activity::Page { since, .. }) = &page
        && *since > started_at
    {
        return Ok(page);
    }
    if let (Some(score), Some(passed), Some(at)) = (score, passed, finished_at) {
        return Ok(Some(Activity::Finished {
            module_id,
            score: score.clamp(0, 100) as u8,
            passed,
            at,
        }));
    }
    let (answered, last): (u32, Option<i64>) = conn
        .prepare_cached(SQL_ATTEMPT_ANSWERS)?
        .query_row([&attempt_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(Some(Activity::Quiz {
        module_id,
        answered,
        since: last.unwrap_or(started_at).max(started_at),
    }))
}

fn repeated_fails(conn: &Connection, resident_id: &str) -> rusqlite::Result<Vec<HelpReason>> {
    let mut st = conn.prepare_cached(SQL_REPEATED_FAILS)?;
    let rows = st.query_map([resident_id], |r| {
        Ok(HelpReason::FailedQuiz {
            module_id: r.get(0)?,
            failures: r.get(1)?,
        })
    })?;
    rows.collect()
}

impl Store {
    /// The Today view now. See [`Store::today_at`].
    pub fn today(&self, stuck_minutes: u64) -> Result<Today> {
        self.today_at(now_ms(), stuck_minutes)
    }

    /// The Today view as of `now` (UTC ms): residents who signed in on the
    /// local day of `now`, in order of arrival. A learner needs help when
    /// they failed one module's quiz twice or more without passing it since,
    /// or when they are still signed in and their newest page or question is
    /// older than `stuck_minutes`.
    pub fn today_at(&self, now: i64, stuck_minutes: u64) -> Result<Today> {
        let (start, end) = day_bounds(now);
        let day = super::local_day(now);
        self.read(|conn| {
            let class = conn
                .prepare_cached(SQL_CLASS_TODAY)?
                .query_row(params![self.site_id(), day], class_from_row)
                .optional()?;
            let mut learners: Vec<TodayLearner> = Vec::new();
            let mut index: HashMap<String, usize> = HashMap::new();
            // The latest session start on each seat: an older open session
            // on that seat was left open (the seat crashed or lost power).
            let mut seat_latest: HashMap<String, i64> = HashMap::new();
            // Per learner: their latest session's start, whether it is
            // open, and whether the kiosk ended it for idling.
            let mut latest_start: Vec<(i64, bool, bool)> = Vec::new();
            let mut st = conn.prepare_cached(SQL_SESSIONS_TODAY)?;
            let mut rows = st.query(params![start, end, self.site_id()])?;
            while let Some(r) = rows.next()? {
                let resident_id: String = r.get(0)?;
                let seat: String = r.get(1)?;
                let started: i64 = r.get(2)?;
                let open = r.get::<_, Option<i64>>(3)?.is_none();
                let idled = r.get::<_, Option<String>>(7)?.as_deref() == Some("idle");
                seat_latest.insert(seat.clone(), started);
                let i = match index.get(&resident_id) {
                    Some(&i) => i,
                    None => {
                        learners.push(TodayLearner {
                            resident_id: resident_id.clone(),
                            full_name: r.get(4)?,
                            group_no: r.get(5)?,
                            birth_year: r.get(6)?,
                            seat: seat.clone(),
                            first_in: started,
                            signed_in: false,
                            activity: None,
                            help: Vec::new(),
                        });
                        latest_start.push((started, open, idled));
                        index.insert(resident_id, learners.len() - 1);
                        learners.len() - 1
                    }
                };
                learners[i].seat = seat;
                latest_start[i] = (started, open, idled);
            }
            drop(rows);
            let stuck_ms = stuck_minutes.saturating_mul(60_000) as i64;
            for (learner, (started, open, idled)) in learners.iter_mut().zip(latest_start) {
                learner.signed_in = open && seat_latest.get(&learner.seat) == Some(&started);
                learner.activity = activity(conn, &learner.resident_id)?;
                learner.help = repeated_fails(conn, &learner.resident_id)?;
                let since = match &learner.activity {
                    Some(Activity::Page { since, .. } | Activity::Quiz { since, .. }) => {
                        Some(*since)
                    }
                    _ => None,
                };
                // Time on the home screen after signing in is not "stuck".
                if let Some(since) = since.map(|s| s.max(started))
                    && learner.signed_in
                    && now - since > stuck_ms
                {
                    learner.help.push(HelpReason::Stuck {
                        minutes: ((now - since) / 60_000) as u64,
                    });
                }
                // Only a page or quiz of that last session: one read
                // earlier (in the morning, or on another day) says
                // nothing about where this session was left.
                if idled && !learner.signed_in && since.is_some_and(|s| s >= started) {
                    learner.help.push(HelpReason::LeftIdle);
                }
            }
            Ok(Today {
                day: day.clone(),
                class,
                learners,
            })
        })
    }
}
