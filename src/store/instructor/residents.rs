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

/// Residents with their running totals (kept by triggers, migration 4).
pub(super) const SQL_RESIDENTS: &str = "
    SELECT r.id, r.full_name, r.group_no, r.birth_year, r.household, r.phone,
           s.attempts, s.modules_tried, s.modules_done, s.best_score, s.last_module,
           s.last_score, s.last_seen, r.search_key
    FROM residents r LEFT JOIN resident_stats s ON s.resident_id = r.id
    WHERE r.site_id = ?1 AND r.forgotten_at IS NULL";

pub(super) const SQL_ATTENDANCE_COUNT: &str = "
    SELECT a.resident_id, COUNT(*) FROM attendance a
    WHERE a.status IN ('present', 'late') AND NOT EXISTS (
        SELECT 1 FROM attendance b
        WHERE b.class_session_id = a.class_session_id AND b.resident_id = a.resident_id
          AND (b.marked_at > a.marked_at OR (b.marked_at = a.marked_at AND b.id > a.id)))
    GROUP BY a.resident_id";

/// The newest event per (resident, indicator), kept by a trigger.
pub(super) const SQL_NEWEST_INDICATORS: &str = "
    SELECT resident_id, indicator FROM indicator_latest WHERE reached = 1
    ORDER BY resident_id, indicator";

fn score(v: Option<i64>) -> Option<u8> {
    v.map(|v| v.clamp(0, 100) as u8)
}

impl Store {
    /// Every resident of this site who has not been forgotten, in name order.
    pub fn resident_summaries(&self) -> Result<Vec<ResidentSummary>> {
        self.read(|conn| {
            let mut keyed: Vec<(String, ResidentSummary)> = Vec::new();
            let mut st = conn.prepare_cached(SQL_RESIDENTS)?;
            let rows = st.query_map(params![self.site_id()], |r| {
                let last_module: Option<String> = r.get(10)?;
                Ok((
                    r.get(13)?,
                    ResidentSummary {
                        id: r.get(0)?,
                        full_name: r.get(1)?,
                        group_no: r.get(2)?,
                        birth_year: r.get(3)?,
                        household: r.get(4)?,
                        phone: r.get(5)?,
                        attempts: r.get::<_, Option<u32>>(6)?.unwrap_or(0),
                        modules_tried: r.get::<_, Option<u32>>(7)?.unwrap_or(0),
                        modules_done: r.get::<_, Option<u32>>(8)?.unwrap_or(0),
                        best_score: score(r.get(9)?),
                        last_score: last_module.zip(score(r.get(11)?)),
                        attendance: 0,
                        last_seen: r.get(12)?,
                        indicators: Vec::new(),
                    },
                ))
            })?;
            for row in rows {
                keyed.push(row?);
            }
            // Sorting here is cheaper than reading the table in index order
            // (one random page read per resident).
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            let mut out: Vec<ResidentSummary> = keyed.into_iter().map(|(_, r)| r).collect();
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
                    // Borrowed, not copied: this runs for every row.
                    let id = r.get_ref(0)?.as_str()?;
                    if let Some(&i) = at.get(id) {
                        f(&mut out[i], r)?;
                    }
                }
                Ok(())
            };
            each(SQL_ATTENDANCE_COUNT, &mut |s, r| {
                s.attendance = r.get(1)?;
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
