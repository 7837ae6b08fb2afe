//! The Groups view: per residential group (tổ dân phố), how many residents
//! and households, who was active this month, modules completed, and each
//! campaign indicator as the share of households reached.
//!
//! Campaign targets count households, not people: a household is reached
//! when at least one of its members' newest event for that indicator says
//! "reached", and it counts once however many members reached it. Residents
//! registered without a household count as a household of their own.

use std::collections::BTreeMap;

use rusqlite::params;

use super::month_start;
use crate::store::{Result, Store, now_ms};

/// One indicator in one group.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorReach {
    pub indicator: String,
    pub households: u32,
}

/// One residential group's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStats {
    pub group_no: i64,
    pub residents: u32,
    pub households: u32,
    /// Residents who signed in at a seat since the 1st of this month.
    pub active_this_month: u32,
    /// (resident, module) pairs with a passed quiz.
    pub modules_completed: u32,
    /// One entry per indicator asked for, in the same order.
    pub indicators: Vec<IndicatorReach>,
}

impl GroupStats {
    /// Share of this group's households that reached `indicator`, in percent.
    pub fn share(&self, indicator: &str) -> f64 {
        let reached = self
            .indicators
            .iter()
            .find(|i| i.indicator == indicator)
            .map_or(0, |i| i.households);
        if self.households == 0 {
            0.0
        } else {
            100.0 * reached as f64 / self.households as f64
        }
    }
}

/// The household key, or the resident's own id when they gave none.
const HOUSEHOLD: &str =
    "CASE WHEN r.household_key = '' THEN 'resident:' || r.id ELSE r.household_key END";

pub(super) fn sql_group_sizes() -> String {
    format!(
        "SELECT r.group_no, COUNT(*), COUNT(DISTINCT {HOUSEHOLD}) FROM residents r
         WHERE r.site_id = ?1 AND r.forgotten_at IS NULL GROUP BY r.group_no"
    )
}

pub(super) const SQL_GROUP_ACTIVE: &str = "
    SELECT r.group_no, COUNT(DISTINCT s.resident_id)
    FROM seat_sessions s JOIN residents r ON r.id = s.resident_id
    WHERE s.started_at >= ?2 AND r.site_id = ?1 AND r.forgotten_at IS NULL
    GROUP BY r.group_no";

pub(super) const SQL_GROUP_COMPLETED: &str = "
    SELECT r.group_no, SUM(p.n)
    FROM (SELECT resident_id, COUNT(DISTINCT module_id) AS n FROM quiz_results
          WHERE passed = 1 GROUP BY resident_id) p
    CROSS JOIN residents r ON r.id = p.resident_id
    WHERE r.site_id = ?1 AND r.forgotten_at IS NULL
    GROUP BY r.group_no";

pub(super) fn sql_group_indicators() -> String {
    format!(
        "SELECT r.group_no, e.indicator, COUNT(DISTINCT {HOUSEHOLD})
         FROM (SELECT resident_id, indicator, reached,
                      ROW_NUMBER() OVER (PARTITION BY resident_id, indicator
                                         ORDER BY verified_at DESC, rowid DESC) AS n
               FROM indicator_events) e
         CROSS JOIN residents r ON r.id = e.resident_id
         WHERE e.n = 1 AND e.reached = 1 AND r.site_id = ?1 AND r.forgotten_at IS NULL
         GROUP BY r.group_no, e.indicator"
    )
}

impl Store {
    /// The Groups view now. See [`Store::group_stats_at`].
    pub fn group_stats(&self, indicators: &[String]) -> Result<Vec<GroupStats>> {
        self.group_stats_at(now_ms(), indicators)
    }

    /// Every residential group of this site, in number order, with the
    /// month counted from the local month of `now`.
    pub fn group_stats_at(&self, now: i64, indicators: &[String]) -> Result<Vec<GroupStats>> {
        let since = month_start(now);
        self.read(|conn| {
            let mut groups: BTreeMap<i64, GroupStats> = BTreeMap::new();
            let mut st = conn.prepare_cached(&sql_group_sizes())?;
            let mut rows = st.query(params![self.site_id()])?;
            while let Some(r) = rows.next()? {
                let group_no: i64 = r.get(0)?;
                groups.insert(
                    group_no,
                    GroupStats {
                        group_no,
                        residents: r.get(1)?,
                        households: r.get(2)?,
                        active_this_month: 0,
                        modules_completed: 0,
                        indicators: indicators
                            .iter()
                            .map(|id| IndicatorReach {
                                indicator: id.clone(),
                                households: 0,
                            })
                            .collect(),
                    },
                );
            }
            drop(rows);
            let mut st = conn.prepare_cached(SQL_GROUP_ACTIVE)?;
            let mut rows = st.query(params![self.site_id(), since])?;
            while let Some(r) = rows.next()? {
                if let Some(g) = groups.get_mut(&r.get::<_, i64>(0)?) {
                    g.active_this_month = r.get(1)?;
                }
            }
            drop(rows);
            let mut st = conn.prepare_cached(SQL_GROUP_COMPLETED)?;
            let mut rows = st.query(params![self.site_id()])?;
            while let Some(r) = rows.next()? {
                if let Some(g) = groups.get_mut(&r.get::<_, i64>(0)?) {
                    g.modules_completed = r.get(1)?;
                }
            }
            drop(rows);
            let mut st = conn.prepare_cached(&sql_group_indicators())?;
            let mut rows = st.query(params![self.site_id()])?;
            while let Some(r) = rows.next()? {
                let indicator: String = r.get(1)?;
                if let Some(g) = groups.get_mut(&r.get::<_, i64>(0)?)
                    && let Some(reach) = g.indicators.iter_mut().find(|i| i.indicator == indicator)
                {
                    reach.households = r.get(2)?;
                }
            }
            drop(rows);
            Ok(groups.into_values().collect())
        })
    }
}
