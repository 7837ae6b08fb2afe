//! The figures behind `kiosk report`: per site and in total, over a period.
//! Totals are counted directly, not summed from the sites, so a resident
//! who learned at two cultural houses is one active learner.

use rusqlite::Connection;

use super::Store;
use super::export::{Filter, GroupIndicators, WardIndicators, indicators, ward_indicators};

/// One set of figures (for one site, or for all of them).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Figures {
    /// Registered by the end of the period and not forgotten.
    pub residents: i64,
    /// Residents who signed in or saw a page during the period.
    pub active_learners: i64,
    pub seat_sessions: i64,
    pub class_sessions: i64,
    /// (resident, module) pairs first passed during the period.
    pub modules_completed: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SiteFigures {
    pub site_id: String,
    #[serde(flatten)]
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub total: Figures,
    pub sites: Vec<SiteFigures>,
    pub groups: Vec<GroupIndicators>,
    /// Every group together, households counted once across the ward.
    pub ward: WardIndicators,
}

/// Each figure as a query of (site_id, counted key) rows.
const FIGURES: [&str; 5] = [
    "SELECT r.site_id, r.id FROM residents r
      WHERE r.forgotten_at IS NULL AND r.created_at < :to_ms
        AND NOT EXISTS (SELECT 1 FROM forgotten f WHERE f.resident_id = r.id)",
    "SELECT site_id, resident_id FROM seat_sessions WHERE started_at >= :from_ms AND started_at < :to_ms
     UNION ALL
     SELECT site_id, resident_id FROM step_views WHERE seen_at >= :from_ms AND seen_at < :to_ms",
    "SELECT site_id, id FROM seat_sessions WHERE started_at >= :from_ms AND started_at < :to_ms",
    "SELECT site_id, id FROM class_sessions WHERE day BETWEEN :from_day AND :to_day",
    "SELECT site_id, resident_id || ' ' || module_id FROM (
         SELECT resident_id, module_id, site_id, min(finished_at) AS first_pass
           FROM quiz_results WHERE passed = 1 GROUP BY resident_id, module_id)
      WHERE first_pass >= :from_ms AND first_pass < :to_ms",
];

fn set(f: &mut Figures, i: usize, n: i64) {
    match i {
        0 => f.residents = n,
        1 => f.active_learners = n,
        2 => f.seat_sessions = n,
        3 => f.class_sessions = n,
        _ => f.modules_completed = n,
    }
}

/// Binds those of `params` that `stmt` names (a figure's query uses only
/// some of the period's bounds).
fn bind(
    stmt: &mut rusqlite::Statement,
    params: &[(&str, &dyn rusqlite::ToSql)],
) -> rusqlite::Result<()> {
    for (name, value) in params {
        if let Some(i) = stmt.parameter_index(name)? {
            stmt.raw_bind_parameter(i, value)?;
        }
    }
    Ok(())
}

/// The figures, per site and in total, and the indicators per group.
pub fn summary(
    conn: &Connection,
    filter: &Filter,
    indicator_ids: &[String],
) -> rusqlite::Result<Summary> {
    let b = filter.bounds();
    let params: [(&str, &dyn rusqlite::ToSql); 5] = [
        (":from_ms", &b.from_ms),
        (":to_ms", &b.to_ms),
        (":from_day", &b.from_day),
        (":to_day", &b.to_day),
        (":site", &filter.site),
    ];
    let mut total = Figures::default();
    let mut sites: Vec<SiteFigures> = Vec::new();
    for (i, sql) in FIGURES.iter().enumerate() {
        let scoped = format!(
            "WITH t(site_id, k) AS ({sql}) SELECT * FROM t WHERE (:site IS NULL OR site_id = :site)"
        );
        let mut stmt = conn.prepare(&format!(
            "SELECT site_id, count(DISTINCT k) FROM ({scoped}) GROUP BY site_id"
        ))?;
        bind(&mut stmt, &params)?;
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next()? {
            let site: String = row.get(0)?;
            let n: i64 = row.get(1)?;
            let pos = match sites.iter().position(|s| s.site_id == site) {
                Some(p) => p,
                None => {
                    sites.push(SiteFigures {
                        site_id: site,
                        figures: Figures::default(),
                    });
                    sites.len() - 1
                }
            };
            set(&mut sites[pos].figures, i, n);
        }
        let mut stmt = conn.prepare(&format!("SELECT count(DISTINCT k) FROM ({scoped})"))?;
        bind(&mut stmt, &params)?;
        let n: i64 = match stmt.raw_query().next()? {
            Some(row) => row.get(0)?,
            None => 0,
        };
        set(&mut total, i, n);
    }
    sites.sort_by(|a, b| a.site_id.cmp(&b.site_id));
    let groups = indicators(conn, filter, indicator_ids)?;
    let ward = ward_indicators(conn, filter, indicator_ids)?;
    Ok(Summary {
        total,
        sites,
        groups,
        ward,
    })
}

impl Store {
    /// See [`summary`]; one read snapshot for every figure.
    pub fn report(&self, filter: &Filter, indicator_ids: &[String]) -> super::Result<Summary> {
        self.read(|conn| summary(conn, filter, indicator_ids))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixture;
    use chrono::NaiveDate;

    #[test]
    fn figures_per_site_and_in_total() {
        let conn = fixture::memory_db();
        fixture::small_site(&conn, "vh-a");
        fixture::small_site(&conn, "vh-b");
        let march = Filter {
            from: NaiveDate::from_ymd_opt(2026, 3, 1),
            to: NaiveDate::from_ymd_opt(2026, 3, 31),
            ..Filter::default()
        };
        let s = summary(&conn, &march, &["vneid".into()]).unwrap();
        let one = Figures {
            residents: 3,
            active_learners: 2,
            seat_sessions: 2,
            class_sessions: 1,
            modules_completed: 1,
        };
        assert_eq!(s.sites.len(), 2);
        assert_eq!(s.sites[0].site_id, "vh-a");
        assert_eq!(s.sites[0].figures, one);
        assert_eq!(s.sites[1].figures, one);
        assert_eq!(s.total.residents, 6);
        assert_eq!(s.total.modules_completed, 2);
        // Both sites' group 3 households have the same address, so they are
        // one household of the ward: counted once.
        assert_eq!((s.groups[0].residents, s.groups[0].households), (4, 1));
        assert_eq!(s.groups[0].sites, ["vh-a", "vh-b"]);

        let only_b = summary(
            &conn,
            &Filter {
                site: Some("vh-b".into()),
                ..march.clone()
            },
            &[],
        )
        .unwrap();
        assert_eq!(only_b.sites.len(), 1);
        assert_eq!(only_b.total, one);

        let april = Filter {
            from: NaiveDate::from_ymd_opt(2026, 4, 1),
            to: NaiveDate::from_ymd_opt(2026, 4, 30),
            ..Filter::default()
        };
        let s = summary(&conn, &april, &[]).unwrap();
        assert_eq!(s.total.residents, 6);
        assert_eq!(s.total.active_learners, 0);
        assert_eq!(s.total.modules_completed, 0);
    }

    #[test]
    fn the_ward_counts_an_address_in_two_groups_as_one_household() {
        let conn = fixture::memory_db();
        fixture::small_site(&conn, "vh-a");
        // Group 3's household "12 ngõ 5" is also typed for someone in
        // group 4, who has a VNeID account.
        let t = fixture::at(2026, 3, 1, 8, 0);
        fixture::resident(&conn, "vh-a-5", "Phạm Văn Năm", 1952, 4, "12 Ngõ 5", t);
        fixture::indicator(&conn, "vh-a/i6", "vh-a-5", "vneid", true, t);
        let s = summary(&conn, &Filter::default(), &["vneid".into()]).unwrap();
        let per_group: Vec<(i64, i64, i64)> = s
            .groups
            .iter()
            .map(|g| (g.group_no, g.households, g.reached[0].1))
            .collect();
        assert_eq!(per_group, [(3, 1, 1), (4, 2, 1)]);
        // The ward has two addresses, one of them reached: not the groups'
        // sums (3 households, 2 reached).
        assert_eq!(
            s.ward,
            WardIndicators {
                residents: 4,
                households: 2,
                reached: vec![("vneid".into(), 1)],
            }
        );
    }
}
