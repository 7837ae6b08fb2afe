//! The Residents view: one summary row per resident of this site. The
//! screen filters and ranks them with `Store::find_residents` (the same
//! folded search as sign-in), so the summaries are computed once per visit
//! with a few grouped queries instead of once per keystroke.

use std::collections::HashMap;

use rusqlite::params;

use crate::store::{Result, Store};

/// One resident's learning and attendance at a glance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResidentSummary {
    pub id: String,
    pub full_name: String,
    pub group_no: i64,
    pub birth_year: Option<i32>,
    pub household: String,
    pub phone: Option<String>,
    /// Modules whose quiz they passed.
    pub modules_done: u32,
    /// Modules whose quiz they finished at least once.
    pub modules_tried: u32,
    /// Finished quiz attempts, all modules.
    pub attempts: u32,
    /// Their highest quiz score in any module.
    pub best_score: Option<u8>,
    /// The score of their most recent quiz, and its module.
    pub last_score: Option<(String, u8)>,
    /// Class sessions marked present or late (the newest mark counts).
    pub attendance: u32,
    /// When they last signed in at a seat.
    pub last_seen: Option<i64>,
    /// Indicators whose newest verified event says "reached", in id order.
    pub indicators: Vec<String>,
}

pub(super) const SQL_RESIDENTS: &str = "
    SELECT id, full_name, group_no, birth_year, household, phone FROM residents
    WHERE site_id = ?1 AND forgotten_at IS NULL ORDER BY search_key, rowid";

pub(super) const SQL_RESULTS_BY_RESIDENT: &str = "
    SELECT resident_id, COUNT(*), COUNT(DISTINCT module_id),
           COUNT(DISTINCT CASE WHEN passed = 1 THEN module_id END), MAX(score)
    FROM quiz_results GROUP BY resident_id";

/// SQLite returns the other columns of the row that holds the MAX().
pub(super) const SQL_LAST_RESULT: &str = "
    SELECT resident_id, module_id, score, MAX(finished_at) FROM quiz_results GROUP BY resident_id";

pub(super) const SQL_ATTENDANCE_COUNT: &str = "
    SELECT a.resident_id, COUNT(*) FROM attendance a
    WHERE a.status IN ('present', 'late') AND NOT EXISTS (
        SELECT 1 FROM attendance b
        WHERE b.class_session_id = a.class_session_id AND b.resident_id = a.resident_id
          AND (b.marked_at > a.marked_at OR (b.marked_at = a.marked_at AND b.id > a.id)))
    GROUP BY a.resident_id";

pub(super) const SQL_LAST_SEEN: &str =
    "SELECT resident_id, MAX(started_at) FROM seat_sessions GROUP BY resident_id";

/// The newest event per (resident, indicator); ties at the same millisecond
/// go to the one recorded last (the larger rowid).
pub(super) const SQL_NEWEST_INDICATORS: &str = "
    SELECT resident_id, indicator FROM (
        SELECT resident_id, indicator, reached,
               ROW_NUMBER() OVER (PARTITION BY resident_id, indicator
                                  ORDER BY verified_at DESC, rowid DESC) AS n
        FROM indicator_events)
    WHERE n = 1 AND reached = 1 ORDER BY resident_id, indicator";

impl Store {
    /// Every resident of this site who has not been forgotten, in name order.
    pub fn resident_summaries(&self) -> Result<Vec<ResidentSummary>> {
        self.read(|conn| {
            let mut out: Vec<ResidentSummary> = Vec::new();
            let mut st = conn.prepare_cached(SQL_RESIDENTS)?;
            let rows = st.query_map(params![self.site_id()], |r| {
                Ok(ResidentSummary {
                    id: r.get(0)?,
                    full_name: r.get(1)?,
                    group_no: r.get(2)?,
                    birth_year: r.get(3)?,
                    household: r.get(4)?,
                    phone: r.get(5)?,
                    modules_done: 0,
                    modules_tried: 0,
                    attempts: 0,
                    best_score: None,
                    last_score: None,
                    attendance: 0,
                    last_seen: None,
                    indicators: Vec::new(),
                })
            })?;
            for row in rows {
                out.push(row?);
            }
            let at: HashMap<String, usize> = out
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.clone(), i))
                .collect();
            let mut each = |sql: &str,
                            f: &mut dyn FnMut(
                &mut ResidentSummary,
                &rusqlite::Row,
            ) -> rusqlite::Result<()>|
             -> rusqlite::Result<()> {
                let mut st = conn.prepare_cached(sql)?;
                let mut rows = st.query([])?;
                while let Some(r) = rows.next()? {
                    let id: String = r.get(0)?;
                    if let Some(&i) = at.get(&id) {
                        f(&mut out[i], r)?;
                    }
                }
                Ok(())
            };
            each(SQL_RESULTS_BY_RESIDENT, &mut |s, r| {
                s.attempts = r.get(1)?;
                s.modules_tried = r.get(2)?;
                s.modules_done = r.get(3)?;
                s.best_score = r.get::<_, Option<i64>>(4)?.map(|v| v.clamp(0, 100) as u8);
                Ok(())
            })?;
            each(SQL_LAST_RESULT, &mut |s, r| {
                let score: i64 = r.get(2)?;
                s.last_score = Some((r.get(1)?, score.clamp(0, 100) as u8));
                Ok(())
            })?;
            each(SQL_ATTENDANCE_COUNT, &mut |s, r| {
                s.attendance = r.get(1)?;
                Ok(())
            })?;
            each(SQL_LAST_SEEN, &mut |s, r| {
                s.last_seen = r.get(1)?;
                Ok(())
            })?;
            each(SQL_NEWEST_INDICATORS, &mut |s, r| {
                s.indicators.push(r.get(1)?);
                Ok(())
            })?;
            Ok(out)
        })
    }
}
