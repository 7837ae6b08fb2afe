//! The queries behind `kiosk export`: attendance, progress and indicators,
//! over every site in this database (a coordinator's database holds merged
//! bundles). Rows are streamed to a callback one at a time, so exporting a
//! million rows never holds them all in memory.
//!
//! Privacy: a forgotten resident's name, birth year and household never leave
//! SQL: the queries select NULL in their place, so no caller can print them by
//! mistake. Their rows stay (anonymous) so class totals remain right.

use std::sync::Arc;

use chrono::{Local, NaiveDate, TimeZone};
use rusqlite::{Connection, named_params};

use super::{Store, StoreError};

/// Which records an export or report covers. Days are local and inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub group: Option<i64>,
    pub site: Option<String>,
}

/// The filter as SQL parameters: a half-open range of UTC milliseconds and
/// the matching inclusive range of local `YYYY-MM-DD` days.
pub(crate) struct Bounds {
    pub from_ms: i64,
    pub to_ms: i64,
    pub from_day: String,
    pub to_day: String,
}

impl Filter {
    pub(crate) fn bounds(&self) -> Bounds {
        Bounds {
            from_ms: self.from.map(local_day_start_ms).unwrap_or(i64::MIN),
            to_ms: self
                .to
                .and_then(|d| d.succ_opt())
                .map(local_day_start_ms)
                .unwrap_or(i64::MAX),
            from_day: self
                .from
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| "0000-01-01".into()),
            to_day: self
                .to
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| "9999-12-31".into()),
        }
    }
}

/// Every site with residents or class sessions here, sorted.
pub fn sites(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT site_id FROM residents UNION SELECT site_id FROM class_sessions ORDER BY 1",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// UTC milliseconds of local midnight starting `day`. Where midnight does not
/// exist (a daylight-saving jump), the first instant of the day that does.
pub fn local_day_start_ms(day: NaiveDate) -> i64 {
    let mut t = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    for _ in 0..4 {
        if let Some(dt) = Local.from_local_datetime(&t).earliest() {
            return dt.timestamp_millis();
        }
        t += chrono::Duration::minutes(30);
    }
    t.and_utc().timestamp_millis()
}

/// A failure while streaming rows: the database, or the callback (for
/// example the disk filled up while writing the file).
#[derive(Debug, thiserror::Error)]
pub enum RowsError<E> {
    #[error("reading the database failed: {0}")]
    Db(#[from] rusqlite::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Sink(E),
}

impl<E> RowsError<E> {
    fn naming(self, path: &std::path::Path) -> RowsError<E> {
        match self {
            RowsError::Db(e) => RowsError::Store(StoreError::sqlite(path, e)),
            other => other,
        }
    }
}

/// The exports, for callers outside the store.
impl Store {
    /// See [`attendance`].
    pub fn export_attendance<E>(
        &self,
        filter: &Filter,
        f: impl FnMut(AttendanceRow) -> Result<(), E>,
    ) -> Result<u64, RowsError<E>> {
        attendance(self.conn(), filter, f).map_err(|e| e.naming(self.path()))
    }

    /// See [`progress`].
    pub fn export_progress<E>(
        &self,
        filter: &Filter,
        f: impl FnMut(ProgressRow) -> Result<(), E>,
    ) -> Result<u64, RowsError<E>> {
        progress(self.conn(), filter, f).map_err(|e| e.naming(self.path()))
    }

    /// Every site this database holds records of, sorted.
    pub fn sites(&self) -> super::Result<Vec<String>> {
        sites(self.conn()).map_err(|e| StoreError::sqlite(self.path(), e))
    }

    /// See [`indicators`].
    pub fn export_indicators(
        &self,
        filter: &Filter,
        indicator_ids: &[String],
    ) -> super::Result<Vec<GroupIndicators>> {
        indicators(self.conn(), filter, indicator_ids)
            .map_err(|e| StoreError::sqlite(self.path(), e))
    }
}

/// How a resident took part in a class session or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Status {
    Present,
    Late,
    Excused,
    Absent,
    /// Came to a seat outside any class session they were marked in.
    SelfSignedIn,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Present => "present",
            Status::Late => "late",
            Status::Excused => "excused",
            Status::Absent => "absent",
            Status::SelfSignedIn => "self-signed-in",
        }
    }

    pub(crate) fn parse(s: &str) -> Status {
        match s {
            "present" => Status::Present,
            "late" => Status::Late,
            "excused" => Status::Excused,
            "absent" => Status::Absent,
            _ => Status::SelfSignedIn,
        }
    }
}

/// The identifying columns every per-resident row carries. `name`,
/// `birth_year` and `household` are `None` for a forgotten resident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub resident_id: String,
    pub name: Option<String>,
    pub birth_year: Option<i64>,
    pub group_no: i64,
    pub household: Option<String>,
}

impl Who {
    fn read(row: &rusqlite::Row, at: usize) -> rusqlite::Result<Who> {
        Ok(Who {
            resident_id: row.get(at)?,
            name: row.get(at + 1)?,
            birth_year: row.get(at + 2)?,
            group_no: row.get(at + 3)?,
            household: row.get(at + 4)?,
        })
    }
}

/// One attendance row: a resident in a class session, or a day they signed
/// in to a seat outside the class sessions they were marked in. Shared
/// parts are reference-counted: a million rows repeat the same few
/// residents, topics and sites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceRow {
    /// The local day.
    pub day: NaiveDate,
    /// The class session's topic; `None` for a self-signed-in day.
    pub topic: Option<Arc<str>>,
    pub who: Arc<Who>,
    pub status: Status,
    /// UTC ms of the first and last activity that day (seat, page, quiz).
    pub first_at: Option<i64>,
    pub last_at: Option<i64>,
    /// Minutes signed in to a seat that day.
    pub minutes_active: i64,
    /// Module ids worked on that day, sorted.
    pub modules: Arc<[Arc<str>]>,
    pub site_id: Arc<str>,
}

/// The resident columns, NULL where the resident has been forgotten. `r` is
/// the residents alias.
const WHO_COLUMNS: &str = "r.id,
    CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.full_name END,
    CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.birth_year END,
    r.group_no,
    CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.household END";

pub use super::attendance::attendance;

/// One progress row: a resident's state in one module at the end of the
/// period, for modules they worked on during the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressRow {
    pub who: Who,
    pub module_id: String,
    /// Distinct pages seen (0-based indices, as stored).
    pub steps_seen: Vec<i64>,
    pub attempts: i64,
    pub best_score: Option<i64>,
    /// UTC ms of the first passing result, if any.
    pub passed_at: Option<i64>,
    pub last_at: Option<i64>,
    /// The resident's site.
    pub site_id: String,
}

const PROGRESS_SQL: &str = "
WITH
sv AS (SELECT resident_id, module_id, group_concat(DISTINCT step) AS steps,
              max(seen_at) AS last_at, max(seen_at >= :from_ms) AS active
         FROM step_views WHERE seen_at < :to_ms GROUP BY resident_id, module_id),
qa AS (SELECT resident_id, module_id, count(*) AS attempts, max(started_at) AS last_at,
              max(started_at >= :from_ms) AS active
         FROM quiz_attempts WHERE started_at < :to_ms GROUP BY resident_id, module_id),
qr AS (SELECT resident_id, module_id, max(score) AS best,
              min(CASE WHEN passed = 1 THEN finished_at END) AS passed_at,
              max(finished_at) AS last_at, max(finished_at >= :from_ms) AS active
         FROM quiz_results WHERE finished_at < :to_ms GROUP BY resident_id, module_id),
keys AS (SELECT resident_id, module_id FROM sv WHERE active
         UNION SELECT resident_id, module_id FROM qa WHERE active
         UNION SELECT resident_id, module_id FROM qr WHERE active)
SELECT WHO, k.module_id, sv.steps, coalesce(qa.attempts, 0), qr.best, qr.passed_at,
       max(coalesce(sv.last_at, 0), coalesce(qa.last_at, 0), coalesce(qr.last_at, 0)),
       r.site_id
  FROM keys k
  JOIN residents r ON r.id = k.resident_id
  LEFT JOIN forgotten f ON f.resident_id = r.id
  LEFT JOIN sv ON sv.resident_id = k.resident_id AND sv.module_id = k.module_id
  LEFT JOIN qa ON qa.resident_id = k.resident_id AND qa.module_id = k.module_id
  LEFT JOIN qr ON qr.resident_id = k.resident_id AND qr.module_id = k.module_id
 WHERE (:grp IS NULL OR r.group_no = :grp)
   AND (:site IS NULL OR r.site_id = :site)
 ORDER BY r.site_id, r.group_no, r.search_key, r.id, k.module_id";

/// Streams one row per resident and module worked on in the period (state
/// as of the period's end), ordered by site, group, name and module.
pub fn progress<E>(
    conn: &Connection,
    filter: &Filter,
    mut f: impl FnMut(ProgressRow) -> Result<(), E>,
) -> Result<u64, RowsError<E>> {
    let b = filter.bounds();
    let sql = PROGRESS_SQL.replace("WHO", WHO_COLUMNS);
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(named_params! {
        ":from_ms": b.from_ms, ":to_ms": b.to_ms, ":site": filter.site, ":grp": filter.group,
    })?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let steps: Option<String> = row.get(6)?;
        let mut steps_seen: Vec<i64> = steps
            .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
            .unwrap_or_default();
        steps_seen.sort_unstable();
        let last: i64 = row.get(10)?;
        let item = ProgressRow {
            who: Who::read(row, 0)?,
            module_id: row.get(5)?,
            steps_seen,
            attempts: row.get(7)?,
            best_score: row.get(8)?,
            passed_at: row.get(9)?,
            last_at: (last > 0).then_some(last),
            site_id: row.get(11)?,
        };
        f(item).map_err(RowsError::Sink)?;
        n += 1;
    }
    Ok(n)
}

/// One residential group's campaign figures as of the period's end.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GroupIndicators {
    pub group_no: i64,
    /// Residents registered (not forgotten).
    pub residents: i64,
    /// Distinct households among them.
    pub households: i64,
    /// Households reached, per indicator id, in the order asked for.
    pub reached: Vec<(String, i64)>,
    /// The sites these residents are registered at, sorted.
    pub sites: Vec<String>,
}

/// Residents in the filter, as of the period's end. A resident without a
/// household is their own household.
const GROUP_RESIDENTS: &str = "
res AS (SELECT r.id, r.group_no, r.site_id,
               CASE WHEN r.household_key = '' THEN '#' || r.id ELSE r.household_key END AS hh
          FROM residents r
         WHERE r.forgotten_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM forgotten f WHERE f.resident_id = r.id)
           AND r.created_at < :to_ms
           AND (:grp IS NULL OR r.group_no = :grp)
           AND (:site IS NULL OR r.site_id = :site))";

/// Each resident's newest check of each indicator up to the period's end.
const LATEST_CHECKS: &str = "
latest AS (SELECT resident_id, indicator, reached FROM (
               SELECT resident_id, indicator, reached,
                      row_number() OVER (PARTITION BY resident_id, indicator
                                         ORDER BY verified_at DESC, id DESC) AS rn
                 FROM indicator_events WHERE verified_at < :to_ms)
            WHERE rn = 1)";

/// The whole ward's campaign figures as of the period's end: every group
/// together, each household counted once even when its address is
/// registered in two groups (so not the sum of the groups' figures).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct WardIndicators {
    pub residents: i64,
    pub households: i64,
    /// Households reached, per indicator id, in the order asked for.
    pub reached: Vec<(String, i64)>,
}

/// See [`WardIndicators`]; the same residents and checks as [`indicators`].
pub fn ward_indicators(
    conn: &Connection,
    filter: &Filter,
    indicator_ids: &[String],
) -> rusqlite::Result<WardIndicators> {
    let b = filter.bounds();
    let params = named_params! { ":to_ms": b.to_ms, ":site": filter.site, ":grp": filter.group };
    let (residents, households) = conn.query_row(
        &format!("WITH {GROUP_RESIDENTS} SELECT count(*), count(DISTINCT hh) FROM res"),
        params,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut ward = WardIndicators {
        residents,
        households,
        reached: indicator_ids.iter().map(|id| (id.clone(), 0)).collect(),
    };
    let mut stmt = conn.prepare(&format!(
        "WITH {GROUP_RESIDENTS}, {LATEST_CHECKS}
         SELECT l.indicator, count(DISTINCT res.hh)
           FROM res JOIN latest l ON l.resident_id = res.id
          WHERE l.reached = 1
          GROUP BY l.indicator"
    ))?;
    let mut rows = stmt.query(params)?;
    while let Some(row) = rows.next()? {
        let indicator: String = row.get(0)?;
        if let Some(slot) = ward.reached.iter_mut().find(|(id, _)| *id == indicator) {
            slot.1 = row.get(1)?;
        }
    }
    Ok(ward)
}

/// Per residential group: residents, households, and for each indicator the
/// households with at least one member whose newest event (up to the end of
/// the period) says "reached". The period's start does not apply: an
/// indicator is a state, not an event count.
pub fn indicators(
    conn: &Connection,
    filter: &Filter,
    indicator_ids: &[String],
) -> rusqlite::Result<Vec<GroupIndicators>> {
    let b = filter.bounds();
    let params = named_params! { ":to_ms": b.to_ms, ":site": filter.site, ":grp": filter.group };
    let mut groups: Vec<GroupIndicators> = Vec::new();
    let mut stmt = conn.prepare(&format!(
        "WITH {GROUP_RESIDENTS}
         SELECT group_no, count(*), count(DISTINCT hh), group_concat(DISTINCT site_id)
           FROM res GROUP BY group_no ORDER BY group_no"
    ))?;
    let mut rows = stmt.query(params)?;
    while let Some(row) = rows.next()? {
        let sites: String = row.get(3)?;
        let mut sites: Vec<String> = sites.split(',').map(str::to_string).collect();
        sites.sort();
        groups.push(GroupIndicators {
            group_no: row.get(0)?,
            residents: row.get(1)?,
            households: row.get(2)?,
            reached: indicator_ids.iter().map(|id| (id.clone(), 0)).collect(),
            sites,
        });
    }
    let mut stmt = conn.prepare(&format!(
        "WITH {GROUP_RESIDENTS}, {LATEST_CHECKS}
         SELECT res.group_no, l.indicator, count(DISTINCT res.hh)
           FROM res JOIN latest l ON l.resident_id = res.id
          WHERE l.reached = 1
          GROUP BY res.group_no, l.indicator"
    ))?;
    let mut rows = stmt.query(params)?;
    while let Some(row) = rows.next()? {
        let group_no: i64 = row.get(0)?;
        let indicator: String = row.get(1)?;
        let count: i64 = row.get(2)?;
        if let Some(g) = groups.iter_mut().find(|g| g.group_no == group_no)
            && let Some(slot) = g.reached.iter_mut().find(|(id, _)| *id == indicator)
        {
            slot.1 = count;
        }
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixture::{self, at};

    fn all_attendance(conn: &Connection, filter: &Filter) -> Vec<AttendanceRow> {
        let mut v = Vec::new();
        attendance(conn, filter, |r| {
            v.push(r);
            Ok::<(), ()>(())
        })
        .unwrap();
        v
    }

    fn all_progress(conn: &Connection, filter: &Filter) -> Vec<ProgressRow> {
        let mut v = Vec::new();
        progress(conn, filter, |r| {
            v.push(r);
            Ok::<(), ()>(())
        })
        .unwrap();
        v
    }

    fn days(from: (i32, u32, u32), to: (i32, u32, u32)) -> Filter {
        Filter {
            from: NaiveDate::from_ymd_opt(from.0, from.1, from.2),
            to: NaiveDate::from_ymd_opt(to.0, to.1, to.2),
            ..Filter::default()
        }
    }

    fn march() -> Filter {
        days((2026, 3, 1), (2026, 3, 31))
    }

    #[test]
    fn attendance_has_class_rows_and_self_signed_days() {
        let conn = fixture::memory_db();
        fixture::site_a(&conn);
        let rows = all_attendance(&conn, &march());
        let summary: Vec<(String, &str, Status)> = rows
            .iter()
            .map(|r| (r.day.to_string(), r.who.resident_id.as_str(), r.status))
            .collect();
        // Group 3 before group 4; the formula-looking name sorts before "N".
        assert_eq!(
            summary,
            vec![
                ("2026-03-02".to_string(), "vh-a-2", Status::Absent),
                ("2026-03-02".to_string(), "vh-a-1", Status::Late),
                ("2026-03-02".to_string(), "vh-a-4", Status::Present),
                ("2026-03-03".to_string(), "vh-a-3", Status::SelfSignedIn),
            ]
        );
        let hang = &rows[1];
        assert_eq!(hang.topic.as_deref(), Some("VNeID mức 2"));
        assert_eq!(hang.who.name.as_deref(), Some("Nguyễn Thị Hằng"));
        assert_eq!(hang.who.birth_year, Some(1955));
        assert_eq!(hang.first_at, Some(at(2026, 3, 2, 9, 0)));
        assert_eq!(hang.last_at, Some(at(2026, 3, 2, 9, 40)));
        assert_eq!(hang.minutes_active, 40);
        assert_eq!(&*hang.modules, [Arc::from("vneid")]);
        assert_eq!(&*hang.site_id, "vh-a");
        // Absent and no activity: no times, zero minutes.
        assert_eq!(rows[0].first_at, None);
        assert_eq!(rows[0].minutes_active, 0);
        let duc = &rows[3];
        assert_eq!(duc.topic, None);
        assert_eq!(duc.minutes_active, 30);
        assert_eq!(&*duc.modules, [Arc::from("scam")]);
        assert_eq!(duc.last_at, Some(at(2026, 3, 3, 10, 30)));
    }

    #[test]
    fn forgotten_residents_never_appear_by_name() {
        let conn = fixture::memory_db();
        fixture::site_a(&conn);
        // Even if the name were still in the row, the marker hides it.
        conn.execute(
            "UPDATE residents SET full_name = 'Lê Bí Mật', household = '9 phố Huế', birth_year = 1950 WHERE id = 'vh-a-4'",
            [],
        )
        .unwrap();
        let rows = all_attendance(&conn, &march());
        let forgotten = rows.iter().find(|r| r.who.resident_id == "vh-a-4").unwrap();
        assert_eq!(forgotten.who.name, None);
        assert_eq!(forgotten.who.birth_year, None);
        assert_eq!(forgotten.who.household, None);
        let groups = indicators(&conn, &march(), &["vneid".into()]).unwrap();
        let g4 = groups.iter().find(|g| g.group_no == 4).unwrap();
        assert_eq!(g4.residents, 1, "the forgotten resident is not counted");
    }

    #[test]
    fn attendance_filters_by_day_group_and_site() {
        let conn = fixture::memory_db();
        fixture::site_a(&conn);
        let only_3rd = all_attendance(&conn, &days((2026, 3, 3), (2026, 3, 3)));
        assert_eq!(only_3rd.len(), 1);
        assert_eq!(only_3rd[0].who.resident_id, "vh-a-3");
        let group3 = all_attendance(
            &conn,
            &Filter {
                group: Some(3),
                ..march()
            },
        );
        assert_eq!(group3.len(), 2);
        let other_site = all_attendance(
            &conn,
            &Filter {
                site: Some("vh-b".into()),
                ..march()
            },
        );
        assert!(other_site.is_empty());
        assert!(all_attendance(&conn, &days((2026, 4, 1), (2026, 4, 30))).is_empty());
    }

    #[test]
    fn progress_is_per_resident_and_module() {
        let conn = fixture::memory_db();
        fixture::site_a(&conn);
        let rows = all_progress(&conn, &march());
        assert_eq!(rows.len(), 2);
        let hang = &rows[0];
        assert_eq!(hang.who.resident_id, "vh-a-1");
        assert_eq!(hang.module_id, "vneid");
        assert_eq!(hang.steps_seen, vec![0, 1, 2]);
        assert_eq!(hang.attempts, 0);
        assert_eq!(hang.best_score, None);
        assert_eq!(hang.passed_at, None);
        assert_eq!(hang.last_at, Some(at(2026, 3, 2, 9, 12)));
        let duc = &rows[1];
        assert_eq!(duc.module_id, "scam");
        assert_eq!(duc.attempts, 2);
        assert_eq!(duc.best_score, Some(90));
        assert_eq!(duc.passed_at, Some(at(2026, 3, 3, 10, 14)));
        // Only the first failed attempt by the end of a period that stops
        // before the pass.
        conn.execute(
            "UPDATE quiz_results SET finished_at = ?1 WHERE attempt_id = 'vh-a/q2'",
            [at(2026, 4, 2, 9, 0)],
        )
        .unwrap();
        conn.execute(
            "UPDATE quiz_attempts SET started_at = ?1 WHERE id = 'vh-a/q2'",
            [at(2026, 4, 2, 8, 0)],
        )
        .unwrap();
        let rows = all_progress(&conn, &march());
        assert_eq!(rows[1].attempts, 1);
        assert_eq!(rows[1].best_score, Some(40));
        assert_eq!(rows[1].passed_at, None);
        // April: only Đức worked, and the state includes March.
        let april = all_progress(&conn, &days((2026, 4, 1), (2026, 4, 30)));
        assert_eq!(april.len(), 1);
        assert_eq!(april[0].attempts, 2);
    }

    #[test]
    fn indicators_count_households_once_and_newest_event_wins() {
        let conn = fixture::memory_db();
        fixture::site_a(&conn);
        let ids = vec![
            "vneid".to_string(),
            "zalo".to_string(),
            "ewallet".to_string(),
        ];
        let groups = indicators(&conn, &march(), &ids).unwrap();
        assert_eq!(groups.len(), 2);
        let g3 = &groups[0];
        assert_eq!((g3.group_no, g3.residents, g3.households), (3, 2, 1));
        assert_eq!(
            g3.reached,
            vec![
                ("vneid".into(), 1),
                ("zalo".into(), 0),
                ("ewallet".into(), 0)
            ]
        );
        let g4 = &groups[1];
        assert_eq!((g4.group_no, g4.residents, g4.households), (4, 1, 1));
        assert_eq!(
            g4.reached,
            vec![
                ("vneid".into(), 0),
                ("zalo".into(), 1),
                ("ewallet".into(), 0)
            ]
        );
        assert_eq!(g4.sites, vec!["vh-a".to_string()]);
        // As of 2026-03-03 10:30 is not a day; as of the end of 2026-03-02
        // Đức had not been verified yet.
        let early = indicators(&conn, &days((2026, 3, 1), (2026, 3, 2)), &ids).unwrap();
        assert_eq!(early[1].reached[0].1, 0);
        assert_eq!(early[1].reached[1].1, 0);
    }
}
