//! The Groups view: per residential group (tổ dân phố), how many residents
//! and households, who was active this month, modules completed, and each
//! campaign indicator as the share of households reached.
//!
//! Campaign targets count households, not people: a household is reached
//! when at least one of its members' newest event for that indicator says
//! "reached", and it counts once however many members reached it. Residents
//! registered without a household count as a household of their own.

use std::collections::{BTreeMap, HashMap, HashSet};

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

/// One row per resident with everything the view counts: the household
/// and whether they came this month (their last sign-in, kept by a trigger).
pub(super) fn sql_group_residents() -> String {
    format!(
        "SELECT r.id, r.group_no, {HOUSEHOLD}, COALESCE(s.modules_done, 0),
                COALESCE(s.last_seen, 0) >= ?2
         FROM residents r LEFT JOIN resident_stats s ON s.resident_id = r.id
         WHERE r.site_id = ?1 AND r.forgotten_at IS NULL"
    )
}

/// The newest indicator state per resident, where it says "reached".
pub(super) const SQL_REACHED: &str =
    "SELECT resident_id, indicator FROM indicator_latest WHERE reached = 1";

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
            // Households are numbered as they come, so the sets below hold
            // numbers instead of copies of addresses.
            let mut household_no: HashMap<String, usize> = HashMap::new();
            let mut households: HashSet<(i64, usize)> = HashSet::new();
            let mut who: HashMap<String, (i64, usize)> = HashMap::new();
            let mut st = conn.prepare_cached(&sql_group_residents())?;
            let mut rows = st.query(params![self.site_id(), since])?;
            while let Some(r) = rows.next()? {
                let group: i64 = r.get(1)?;
                let key = r.get_ref(2)?.as_str()?;
                let next = household_no.len();
                let h = *household_no.entry(key.to_string()).or_insert(next);
                let g = groups.entry(group).or_insert_with(|| GroupStats {
                    group_no: group,
                    residents: 0,
                    households: 0,
                    active_this_month: 0,
                    modules_completed: 0,
                    indicators: indicators
                        .iter()
                        .map(|id| IndicatorReach {
                            indicator: id.clone(),
                            households: 0,
                        })
                        .collect(),
                });
                g.residents += 1;
                if households.insert((group, h)) {
                    g.households += 1;
                }
                g.modules_completed += r.get::<_, u32>(3)?;
                if r.get::<_, bool>(4)? {
                    g.active_this_month += 1;
                }
                who.insert(r.get(0)?, (group, h));
            }
            drop(rows);
            let mut st = conn.prepare_cached(SQL_REACHED)?;
            let mut rows = st.query([])?;
            let mut seen: HashSet<(i64, usize, usize)> = HashSet::new();
            while let Some(r) = rows.next()? {
                let Some(&(group, h)) = who.get(r.get_ref(0)?.as_str()?) else {
                    continue; // forgotten, or of another site
                };
                let indicator = r.get_ref(1)?.as_str()?;
                let Some(k) = indicators.iter().position(|i| i == indicator) else {
                    continue;
                };
                // A household counts once however many members reached it.
                if seen.insert((group, k, h))
                    && let Some(g) = groups.get_mut(&group)
                {
                    g.indicators[k].households += 1;
                }
            }
            drop(rows);
            Ok(groups.into_values().collect())
        })
    }
}
