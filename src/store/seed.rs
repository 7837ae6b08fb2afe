//! Bulk writing of demo data for `kiosk seed`: the same tables, ids and
//! columns the real screens write, but many rows in one transaction with
//! cached statements, so a large demo database takes seconds, not hours.
//! The learner's events (sign-ins, pages, quizzes) go through the very
//! inserts the screens use (`learner::events`).
//!
//! The rows are made elsewhere (`commands::seed`); this file only stores
//! them. It also remembers how many residents are made up (`meta` key
//! `demo_residents`), so that `kiosk seed` can tell a demo database from one
//! that holds real people.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::instructor::records::{
    ClassRecord, IndicatorRecord, MarkRecord, insert_class, insert_indicator, insert_mark,
};
use super::learner::events::{
    Answer, Attempt, Finished, SeatSession, StepView, insert_answer, insert_attempt, insert_result,
    insert_seat_session, insert_step_view,
};
use super::{Result, Store, StoreError};
use crate::text::{fold, nfc};

const DEMO_KEY: &str = "demo_residents";

/// A made-up resident, as registration on the kiosk would store them.
#[derive(Debug, Clone)]
pub struct DemoResident {
    pub full_name: String,
    pub birth_year: i32,
    pub group_no: i64,
    pub household: String,
    pub phone: Option<String>,
    pub consent_version: String,
    pub created_at: i64,
}

/// One answer inside a demo quiz attempt.
#[derive(Debug, Clone)]
pub struct DemoAnswer {
    pub question_id: String,
    /// `lessons::Response::encode()`.
    pub response: String,
    pub correct: bool,
    pub at: i64,
}

/// How a demo quiz attempt ended: the very figures a finished quiz stores.
pub use super::learner::events::QuizOutcome as DemoResult;

/// How many residents a database holds, and how many of them are made up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResidentCounts {
    pub all: u64,
    pub demo: u64,
}

impl ResidentCounts {
    /// Residents someone registered for real (not by `kiosk seed`).
    pub fn real(&self) -> u64 {
        self.all.saturating_sub(self.demo)
    }
}

/// The rows of each table written by one [`Store::seed_with`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedCounts {
    pub residents: u64,
    pub seat_sessions: u64,
    pub step_views: u64,
    pub quiz_attempts: u64,
    pub quiz_answers: u64,
    pub quiz_results: u64,
    pub class_sessions: u64,
    pub attendance: u64,
    pub indicator_events: u64,
}

/// Writes demo rows inside one open transaction.
pub struct SeedWriter<'a> {
    tx: Transaction<'a>,
    site: String,
    seat_default: String,
    next_resident: i64,
    counts: SeedCounts,
}

impl Store {
    /// Residents in the database, and how many of them `kiosk seed` made.
    pub fn resident_counts(&self) -> Result<ResidentCounts> {
        let sqlite = |source| StoreError::Sqlite {
            path: self.path().to_path_buf(),
            source,
        };
        let all: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM residents", [], |r| r.get(0))
            .map_err(sqlite)?;
        let demo: Option<String> = self
            .conn()
            .query_row("SELECT value FROM meta WHERE key = ?1", [DEMO_KEY], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sqlite)?;
        Ok(ResidentCounts {
            all: all as u64,
            demo: demo.and_then(|d| d.parse().ok()).unwrap_or(0),
        })
    }

    /// Runs `fill` in one `BEGIN IMMEDIATE` transaction and commits what it
    /// wrote, or nothing when it fails. Seeding is a one-off command, so the
    /// transaction is not retried (the generator's state could not be
    /// replayed); another seat's write lock only makes it wait
    /// (busy timeout).
    pub fn seed_with(
        &self,
        fill: impl FnOnce(&mut SeedWriter) -> rusqlite::Result<()>,
    ) -> Result<SeedCounts> {
        // A large page cache for the one big transaction: otherwise SQLite
        // spills index pages to the WAL again and again (several times
        // slower for a year of a ward). Set back afterwards.
        let _cache = super::PragmaFor::set(self.conn(), "cache_size", -262_144);
        self.seed_in_transaction(fill)
    }

    fn seed_in_transaction(
        &self,
        fill: impl FnOnce(&mut SeedWriter) -> rusqlite::Result<()>,
    ) -> Result<SeedCounts> {
        let sqlite = |source| StoreError::Sqlite {
            path: self.path().to_path_buf(),
            source,
        };
        let tx = Transaction::new_unchecked(self.conn(), TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let next_resident = first_free_resident_number(&tx, self.site_id()).map_err(sqlite)?;
        let mut writer = SeedWriter {
            tx,
            site: self.site_id().to_string(),
            seat_default: self.seat().to_string(),
            next_resident,
            counts: SeedCounts::default(),
        };
        fill(&mut writer).map_err(sqlite)?;
        writer.finish().map_err(sqlite)
    }
}

/// The next free `n` in `<site>-<n>`: past both the sequence the
/// registration screen keeps in `meta` and every id already taken.
fn first_free_resident_number(tx: &Transaction, site: &str) -> rusqlite::Result<i64> {
    let seq: i64 = tx
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [format!("resident_seq:{site}")],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let prefix = format!("{site}-");
    let mut stmt = tx.prepare("SELECT id FROM residents WHERE site_id = ?1")?;
    let taken = stmt
        .query_map([site], |r| r.get::<_, String>(0))?
        .filter_map(|id| id.ok()?.strip_prefix(&prefix)?.parse::<i64>().ok())
        .max()
        .unwrap_or(0);
    Ok(seq.max(taken) + 1)
}

impl SeedWriter<'_> {
    pub fn site_id(&self) -> &str {
        &self.site
    }

    /// Adds a resident and returns their id, `<site>-<n>`.
    pub fn resident(&mut self, r: &DemoResident) -> rusqlite::Result<String> {
        let id = format!("{}-{}", self.site, self.next_resident);
        self.next_resident += 1;
        let name = nfc(&r.full_name);
        let household = nfc(&r.household);
        self.tx
            .prepare_cached(
                "INSERT INTO residents (id, site_id, full_name, search_key, birth_year, group_no,
                     household, household_key, phone, consent_at, consent_version, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?10)",
            )?
            .execute(params![
                id,
                self.site,
                name,
                fold(&name),
                r.birth_year,
                r.group_no,
                household,
                fold(&household),
                r.phone,
                r.created_at,
                r.consent_version,
            ])?;
        self.counts.residents += 1;
        Ok(id)
    }

    /// A sign-in at a seat (`seat` of `None` means this store's seat).
    #[allow(clippy::too_many_arguments)]
    pub fn seat_session(
        &mut self,
        id: &str,
        resident_id: &str,
        seat: Option<&str>,
        started_at: i64,
        ended_at: Option<i64>,
        end_reason: Option<&str>,
    ) -> rusqlite::Result<()> {
        insert_seat_session(
            &self.tx,
            &SeatSession {
                id,
                site_id: &self.site,
                resident_id,
                seat: seat.unwrap_or(&self.seat_default),
                started_at,
                ended_at,
                end_reason,
            },
        )?;
        self.counts.seat_sessions += 1;
        Ok(())
    }

    pub fn step_view(
        &mut self,
        id: &str,
        session_id: Option<&str>,
        resident_id: &str,
        module_id: &str,
        step: usize,
        at: i64,
    ) -> rusqlite::Result<()> {
        insert_step_view(
            &self.tx,
            &StepView {
                id,
                site_id: &self.site,
                resident_id,
                session_id,
                module_id,
                step,
                at,
            },
        )?;
        self.counts.step_views += 1;
        Ok(())
    }

    /// A quiz attempt with its answers and, when it was finished, its result.
    #[allow(clippy::too_many_arguments)]
    pub fn attempt(
        &mut self,
        id: &str,
        session_id: Option<&str>,
        resident_id: &str,
        module_id: &str,
        question_order: &[String],
        started_at: i64,
        answers: &[(String, DemoAnswer)],
        result: Option<&DemoResult>,
    ) -> rusqlite::Result<()> {
        let site_id = self.site.as_str();
        insert_attempt(
            &self.tx,
            &Attempt {
                id,
                site_id,
                resident_id,
                session_id,
                module_id,
                question_order,
                started_at,
            },
        )?;
        self.counts.quiz_attempts += 1;
        for (answer_id, a) in answers {
            insert_answer(
                &self.tx,
                &Answer {
                    id: answer_id,
                    site_id,
                    attempt_id: id,
                    resident_id,
                    module_id,
                    question_id: &a.question_id,
                    response: &a.response,
                    correct: a.correct,
                    at: a.at,
                },
            )?;
            self.counts.quiz_answers += 1;
        }
        if let Some(r) = result {
            insert_result(
                &self.tx,
                &Finished {
                    attempt_id: id,
                    site_id,
                    resident_id,
                    module_id,
                    outcome: r,
                },
            )?;
            self.counts.quiz_results += 1;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn class_session(
        &mut self,
        id: &str,
        day: &str,
        started_at: i64,
        ended_at: Option<i64>,
        topic: &str,
        instructor: &str,
    ) -> rusqlite::Result<()> {
        insert_class(
            &self.tx,
            &ClassRecord {
                id,
                site_id: &self.site,
                day,
                started_at,
                ended_at,
                topic: &nfc(topic),
                instructor: &nfc(instructor),
            },
        )?;
        self.counts.class_sessions += 1;
        Ok(())
    }

    pub fn attendance(
        &mut self,
        id: &str,
        class_session_id: &str,
        resident_id: &str,
        status: &str,
        marked_by: &str,
        at: i64,
    ) -> rusqlite::Result<()> {
        insert_mark(
            &self.tx,
            &MarkRecord {
                id,
                site_id: &self.site,
                class_session_id,
                resident_id,
                status,
                marked_by: &nfc(marked_by),
                at,
            },
        )?;
        self.counts.attendance += 1;
        Ok(())
    }

    pub fn indicator(
        &mut self,
        id: &str,
        resident_id: &str,
        indicator: &str,
        reached: bool,
        verified_by: &str,
        at: i64,
    ) -> rusqlite::Result<()> {
        insert_indicator(
            &self.tx,
            &IndicatorRecord {
                id,
                site_id: &self.site,
                resident_id,
                indicator,
                reached,
                verified_by: &nfc(verified_by),
                at,
            },
        )?;
        self.counts.indicator_events += 1;
        Ok(())
    }

    /// Moves the registration sequence past the new ids, adds to the demo
    /// count, and commits.
    fn finish(self) -> rusqlite::Result<SeedCounts> {
        let upsert = "INSERT INTO meta (key, value) VALUES (?1, ?2)
                      ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        self.tx.execute(
            upsert,
            params![
                format!("resident_seq:{}", self.site),
                (self.next_resident - 1).to_string()
            ],
        )?;
        let demo: u64 = self
            .tx
            .query_row("SELECT value FROM meta WHERE key = ?1", [DEMO_KEY], |r| {
                r.get::<_, String>(0)
            })
            .optional()?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        self.tx.execute(
            upsert,
            params![DEMO_KEY, (demo + self.counts.residents).to_string()],
        )?;
        self.tx.commit()?;
        Ok(self.counts)
    }
}
