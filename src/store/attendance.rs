//! The attendance export's query, as a day-by-day merge of time-ordered
//! cursors rather than one big SQL statement.
//!
//! Why: a single statement had to materialise and sort every activity row
//! and every output row (temporary B-trees, about 25 µs per row), which made
//! a million rows take half a minute. Here every source is read in time
//! order (from a covering time index, or one external sort for quiz
//! tables), one day is gathered at a time, and its rows are sorted and sent
//! before the next day is read. Memory holds one day of activity plus the
//! residents, never the whole period.
//!
//! What keeps it fast (a million rows are 2.6 million records read):
//! residents are read once, up front, in the order rows are sorted by, so a
//! row sorts by small integers instead of names and ids; each resident's
//! activity of the day lives in a slot indexed by that same number instead
//! of a hash map; module and site ids are shared, not copied; and the file
//! is read through memory mapping (no copy per page).
//!
//! The rules: one row per resident per class session (their newest mark
//! wins), then one row per resident who signed in to a seat on a day they
//! were not marked in any class session ("self-signed-in"). Activity is
//! counted per local day, because class sessions are often opened late or
//! never closed, while "what did they do that day" is what a coordinator
//! asks.

use std::cmp::Reverse;
use std::sync::Arc;

use chrono::{Local, NaiveDate, TimeZone};
use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::{Connection, Rows, Statement, named_params};
use rustc_hash::FxHashMap;

use super::export::{AttendanceRow, Filter, RowsError, Status, Who, local_day_start_ms};
use super::{BULK_READ_MMAP, PragmaFor};

/// Interned ids (sites, modules): each distinct text is allocated once and
/// shared by every row that names it.
#[derive(Default)]
struct Interned(Vec<Arc<str>>, FxHashMap<Arc<str>, u32>);

impl Interned {
    /// The number of `id` (in order of first sight).
    fn get(&mut self, id: &str) -> u32 {
        if let Some(&n) = self.1.get(id) {
            return n;
        }
        let s: Arc<str> = Arc::from(id);
        let n = self.0.len() as u32;
        self.0.push(s.clone());
        self.1.insert(s, n);
        n
    }

    /// The rank of each id in text order, by number.
    fn ranks(&self) -> Vec<u32> {
        let mut order: Vec<usize> = (0..self.0.len()).collect();
        order.sort_by(|&a, &b| self.0[a].cmp(&self.0[b]));
        let mut rank = vec![0u32; order.len()];
        for (r, i) in order.into_iter().enumerate() {
            rank[i] = r as u32;
        }
        rank
    }
}

/// Every resident, read once, numbered in the order the rows of one class
/// session are sorted by (group, name, id).
struct Residents {
    who: Vec<Arc<Who>>,
    by_id: FxHashMap<Box<str>, u32>,
}

/// Who a resident is, NULL where forgotten; forgotten residents sort first
/// in their group (they have no name to sort by).
const RESIDENTS_SQL: &str = "
SELECT r.id,
       CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.full_name END,
       CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.birth_year END,
       r.group_no,
       CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.household END
  FROM residents r LEFT JOIN forgotten f ON f.resident_id = r.id
 ORDER BY r.group_no,
          CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.search_key ELSE '' END,
          r.id";

impl Residents {
    fn load(conn: &Connection) -> rusqlite::Result<Residents> {
        let mut stmt = conn.prepare(RESIDENTS_SQL)?;
        let mut rows = stmt.query([])?;
        let mut who = Vec::new();
        let mut by_id = FxHashMap::default();
        while let Some(r) = rows.next()? {
            let w = Who {
                resident_id: r.get(0)?,
                name: r.get(1)?,
                birth_year: r.get(2)?,
                group_no: r.get(3)?,
                household: r.get(4)?,
            };
            by_id.insert(Box::from(w.resident_id.as_str()), who.len() as u32);
            who.push(Arc::new(w));
        }
        Ok(Residents { who, by_id })
    }

    fn number(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }
}

/// One resident's activity on one day.
#[derive(Default)]
struct DayAct {
    /// The day this slot was last filled for (slots are reused, not cleared).
    day: Option<NaiveDate>,
    /// The site of the day's first seat session, by number.
    site: Option<u32>,
    first: i64,
    last: i64,
    active_ms: i64,
    /// Module numbers worked on, unsorted, without repeats.
    modules: Vec<u32>,
    signed_in: bool,
}

/// The day's activity, one slot per resident number.
struct Days {
    slots: Vec<DayAct>,
    /// The residents with activity on the current day.
    touched: Vec<u32>,
}

impl Days {
    fn slot(&mut self, resident: u32, day: NaiveDate, at: i64, end: i64) -> &mut DayAct {
        let s = &mut self.slots[resident as usize];
        if s.day != Some(day) {
            s.day = Some(day);
            s.site = None;
            s.first = at;
            s.last = end;
            s.active_ms = 0;
            s.modules.clear();
            s.signed_in = false;
            self.touched.push(resident);
        }
        s
    }

    fn get(&self, resident: u32, day: NaiveDate) -> Option<&DayAct> {
        self.slots
            .get(resident as usize)
            .filter(|s| s.day == Some(day))
    }
}

/// The shared texts every row points at.
#[derive(Default)]
struct Names {
    sites: Interned,
    modules: Interned,
}

/// A time-ordered source of activity (seat sessions, pages seen, quizzes
/// started or finished), read one row at a time.
struct Cursor<'s> {
    rows: Rows<'s>,
    /// The time of the current row, or `None` once exhausted.
    at: Option<i64>,
    seat: bool,
}

impl<'s> Cursor<'s> {
    fn new(stmt: &'s mut Statement, from: i64, to: i64, seat: bool) -> rusqlite::Result<Self> {
        let rows = stmt.query(named_params! {":from_ms": from, ":to_ms": to})?;
        let mut c = Cursor {
            rows,
            at: None,
            seat,
        };
        c.step()?;
        Ok(c)
    }

    fn step(&mut self) -> rusqlite::Result<()> {
        self.at = match self.rows.next()? {
            Some(r) => Some(r.get(1)?),
            None => None,
        };
        Ok(())
    }

    /// Adds the current row to its resident's day, then steps on.
    fn take(
        &mut self,
        day: NaiveDate,
        days: &mut Days,
        residents: &Residents,
        names: &mut Names,
    ) -> rusqlite::Result<()> {
        let r = self.rows.get().expect("a current row");
        let Some(resident) = residents.number(r.get_ref(0)?.as_str()?) else {
            return self.step();
        };
        let at: i64 = r.get(1)?;
        let end: i64 = if self.seat { r.get(2)? } else { at };
        let e = days.slot(resident, day, at, end);
        e.first = e.first.min(at);
        e.last = e.last.max(end);
        if self.seat {
            e.signed_in = true;
            e.active_ms += (end - at).max(0);
            // A day is counted at the site of its first seat session.
            if e.site.is_none() {
                e.site = Some(names.sites.get(r.get_ref(3)?.as_str()?));
            }
        } else if let Some(m) = r.get_ref(2)?.as_str_or_null()? {
            let n = names.modules.get(m);
            if !e.modules.contains(&n) {
                e.modules.push(n);
            }
        }
        self.step()
    }
}

/// The activity sources, each in time order: the resident and the time,
/// then for seat sessions their end and site, for the others the module.
/// Only the columns used are selected (each costs a step per row). The seat
/// and page queries are answered from covering indexes (migration 5), so
/// no table row is read.
const ACTIVITY_SQL: [(&str, bool); 4] = [
    (
        "SELECT resident_id, started_at, coalesce(ended_at, started_at), site_id FROM seat_sessions
          WHERE started_at >= :from_ms AND started_at < :to_ms ORDER BY started_at",
        true,
    ),
    (
        "SELECT resident_id, seen_at, module_id FROM step_views
          WHERE seen_at >= :from_ms AND seen_at < :to_ms ORDER BY seen_at",
        false,
    ),
    (
        "SELECT resident_id, started_at, module_id FROM quiz_attempts
          WHERE started_at >= :from_ms AND started_at < :to_ms ORDER BY started_at",
        false,
    ),
    (
        "SELECT resident_id, finished_at, module_id FROM quiz_results
          WHERE finished_at >= :from_ms AND finished_at < :to_ms ORDER BY finished_at",
        false,
    ),
];

/// Class sessions in day order (their index).
const CLASSES_SQL: &str = "
SELECT day, id, site_id, started_at, topic FROM class_sessions
 WHERE day BETWEEN :from_day AND :to_day AND (:site IS NULL OR site_id = :site)
 ORDER BY day";

/// One class session's marks (a covering index, migration 5).
const MARKS_SQL: &str =
    "SELECT resident_id, status, marked_at, rowid FROM attendance WHERE class_session_id = ?1";

struct Class {
    id: String,
    site: u32,
    start: i64,
    topic: Arc<str>,
}

struct Mark {
    /// Index into the day's classes.
    class: u32,
    resident: u32,
    status: Status,
    marked_at: i64,
    /// Breaks ties between marks made in the same millisecond: the one
    /// stored last wins.
    rowid: i64,
}

fn local_day(ms: i64) -> NaiveDate {
    Local
        .timestamp_millis_opt(ms)
        .earliest()
        .map(|t| t.date_naive())
        .unwrap_or_else(|| {
            chrono::DateTime::from_timestamp_millis(ms)
                .map(|t| t.date_naive())
                .unwrap_or_default()
        })
}

fn bad_day(e: chrono::ParseError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
}

/// The class sessions, one day at a time, and their marks.
struct Marks<'s, 'c> {
    classes: Rows<'s>,
    marks: Statement<'c>,
    /// The day of the current class session, or `None` once exhausted.
    day: Option<NaiveDate>,
    /// `day` as stored, so a day's class sessions parse it once.
    day_text: String,
}

impl Marks<'_, '_> {
    fn step(&mut self) -> rusqlite::Result<()> {
        let Some(r) = self.classes.next()? else {
            self.day = None;
            return Ok(());
        };
        let text = r.get_ref(0)?.as_str()?;
        if self.day.is_none() || text != self.day_text {
            self.day = Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(bad_day)?);
            self.day_text.clear();
            self.day_text.push_str(text);
        }
        Ok(())
    }

    /// Every class session of `day` into `classes`, and their marks into
    /// `marks`.
    fn take_day(
        &mut self,
        day: NaiveDate,
        residents: &Residents,
        names: &mut Names,
        classes: &mut Vec<Class>,
        marks: &mut Vec<Mark>,
    ) -> rusqlite::Result<()> {
        while self.day == Some(day) {
            let r = self.classes.get().expect("a current row");
            let class = Class {
                id: r.get(1)?,
                site: names.sites.get(r.get_ref(2)?.as_str()?),
                start: r.get(3)?,
                topic: Arc::from(r.get_ref(4)?.as_str()?),
            };
            let number = classes.len() as u32;
            {
                let mut rows = self.marks.query([&class.id])?;
                while let Some(m) = rows.next()? {
                    if let Some(resident) = residents.number(m.get_ref(0)?.as_str()?) {
                        marks.push(Mark {
                            class: number,
                            resident,
                            status: Status::parse(m.get_ref(1)?.as_str()?),
                            marked_at: m.get(2)?,
                            rowid: m.get(3)?,
                        });
                    }
                }
            }
            classes.push(class);
            self.step()?;
        }
        Ok(())
    }
}

/// Where a row goes in the day's order: site, class session start, the
/// class session itself (self-signed-in rows last, as `u32::MAX`), then
/// the resident's number (group, name, id).
type SortKey = (u32, i64, u32, u32);

/// Streams every attendance row the filter selects to `f`, ordered by day,
/// then site, then class session (self-signed-in rows last), then group and
/// name. Returns how many rows.
pub fn attendance<E>(
    conn: &Connection,
    filter: &Filter,
    mut f: impl FnMut(AttendanceRow) -> Result<(), E>,
) -> Result<u64, RowsError<E>> {
    let _mmap = PragmaFor::set(conn, "mmap_size", BULK_READ_MMAP);
    let b = filter.bounds();
    let residents = Residents::load(conn)?;
    let mut stmts = ACTIVITY_SQL
        .iter()
        .map(|(sql, _)| conn.prepare(sql))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut cursors = Vec::with_capacity(stmts.len());
    for (stmt, (_, seat)) in stmts.iter_mut().zip(ACTIVITY_SQL) {
        cursors.push(Cursor::new(stmt, b.from_ms, b.to_ms, seat)?);
    }
    let mut classes_stmt = conn.prepare(CLASSES_SQL)?;
    let mut marks = Marks {
        classes: classes_stmt.query(named_params! {
            ":from_day": b.from_day, ":to_day": b.to_day, ":site": filter.site,
        })?,
        marks: conn.prepare(MARKS_SQL)?,
        day: None,
        day_text: String::new(),
    };
    marks.step()?;

    let mut names = Names::default();
    let mut days = Days {
        slots: (0..residents.who.len())
            .map(|_| DayAct::default())
            .collect(),
        touched: Vec::new(),
    };
    let mut sent = 0u64;
    let mut classes: Vec<Class> = Vec::new();
    let mut day_marks: Vec<Mark> = Vec::new();
    let mut out: Vec<(SortKey, AttendanceRow)> = Vec::new();
    loop {
        // The next day anything happened.
        let mut next: Option<NaiveDate> = marks.day;
        for c in &cursors {
            if let Some(at) = c.at {
                let d = local_day(at);
                next = Some(next.map_or(d, |x| x.min(d)));
            }
        }
        let Some(day) = next else { break };
        let day_end = day.succ_opt().map(local_day_start_ms).unwrap_or(i64::MAX);

        days.touched.clear();
        for c in cursors.iter_mut() {
            while c.at.is_some_and(|at| at < day_end) {
                c.take(day, &mut days, &residents, &mut names)?;
            }
        }
        classes.clear();
        day_marks.clear();
        marks.take_day(day, &residents, &mut names, &mut classes, &mut day_marks)?;
        // The newest mark for each (class session, resident) wins.
        day_marks.sort_unstable_by_key(|m| (m.class, m.resident, Reverse((m.marked_at, m.rowid))));
        day_marks.dedup_by_key(|m| (m.class, m.resident));

        // Ranks are taken after the day is read: a site first seen today
        // takes its place among the others.
        let site_rank = names.sites.ranks();
        let module_rank = names.modules.ranks();
        // Class sessions of the same site starting at the same moment keep
        // a fixed order: by id.
        let mut class_rank: Vec<u32> = (0..classes.len() as u32).collect();
        class_rank.sort_by(|&a, &b| classes[a as usize].id.cmp(&classes[b as usize].id));
        let mut class_order = vec![0u32; classes.len()];
        for (r, c) in class_rank.into_iter().enumerate() {
            class_order[c as usize] = r as u32;
        }

        let row = |who: u32, status: Status, topic: Option<&Arc<str>>, site: u32| {
            let act = days.get(who, day);
            let modules: Arc<[Arc<str>]> = match act {
                Some(a) if !a.modules.is_empty() => {
                    let mut ms = a.modules.clone();
                    ms.sort_unstable_by_key(|&m| module_rank[m as usize]);
                    ms.iter()
                        .map(|&m| names.modules.0[m as usize].clone())
                        .collect()
                }
                _ => Arc::from(Vec::new()),
            };
            AttendanceRow {
                day,
                topic: topic.cloned(),
                who: residents.who[who as usize].clone(),
                status,
                first_at: act.map(|a| a.first),
                last_at: act.map(|a| a.last),
                minutes_active: act.map_or(0, |a| (a.active_ms + 30_000) / 60_000),
                modules,
                site_id: names.sites.0[site as usize].clone(),
            }
        };

        out.clear();
        let in_group = |who: u32| {
            filter
                .group
                .is_none_or(|g| g == residents.who[who as usize].group_no)
        };
        for m in &day_marks {
            if !in_group(m.resident) {
                continue;
            }
            let c = &classes[m.class as usize];
            let key = (
                site_rank[c.site as usize],
                c.start,
                class_order[m.class as usize],
                m.resident,
            );
            out.push((key, row(m.resident, m.status, Some(&c.topic), c.site)));
        }
        // Self-signed-in: a seat used today by someone not marked today.
        // `day_marks` is sorted by class first, so look up by resident.
        let mut marked: Vec<u32> = day_marks.iter().map(|m| m.resident).collect();
        marked.sort_unstable();
        for &who in &days.touched {
            let Some(act) = days.get(who, day) else {
                continue;
            };
            let Some(site) = act.site.filter(|_| act.signed_in) else {
                continue;
            };
            if marked.binary_search(&who).is_ok()
                || !in_group(who)
                || filter
                    .site
                    .as_deref()
                    .is_some_and(|s| &*names.sites.0[site as usize] != s)
            {
                continue;
            }
            let key = (site_rank[site as usize], i64::MAX, u32::MAX, who);
            out.push((key, row(who, Status::SelfSignedIn, None, site)));
        }
        out.sort_unstable_by_key(|(k, _)| *k);
        for (_, r) in out.drain(..) {
            f(r).map_err(RowsError::Sink)?;
            sent += 1;
        }
    }
    Ok(sent)
}
