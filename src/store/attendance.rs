//! The attendance export's query, as a day-by-day merge of time-ordered
//! cursors rather than one big SQL statement.
//!
//! Why: a single statement had to materialise and sort every activity row
//! and every output row (temporary B-trees, about 25 µs per row), which made
//! a million rows take half a minute. Here every source is read in time
//! order (from its time index, or one external sort for quiz tables), one
//! day is gathered at a time, and its rows are sorted and sent before the
//! next day is read. Memory holds one day of activity plus a cache of the
//! residents seen, never the whole period.
//!
//! The rules: one row per resident per class session (their newest mark
//! wins), then one row per resident who signed in to a seat on a day they
//! were not marked in any class session ("self-signed-in"). Activity is
//! counted per local day, because class sessions are often opened late or
//! never closed, while "what did they do that day" is what a coordinator
//! asks.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use chrono::{Local, NaiveDate, TimeZone};
use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::{Connection, OptionalExtension, Rows, Statement, named_params};

use super::export::{AttendanceRow, Filter, RowsError, Status, Who, local_day_start_ms};

/// A multiply-rotate hash over eight bytes at a time (as in rustc's
/// FxHash): the maps here are keyed by ids and addresses we made ourselves,
/// so the DoS-resistant default hasher would only cost time.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The day's activity per resident, keyed by the cached resident's address
/// (each resident is one `Rc` in [`Residents`] for the whole export).
type Acts = FastMap<usize, (Rc<Resident>, DayAct)>;

fn key(r: &Rc<Resident>) -> usize {
    Rc::as_ptr(r) as usize
}

/// The few site ids, shared rather than copied per row.
#[derive(Default)]
struct Sites(Vec<Rc<str>>);

impl Sites {
    fn get(&mut self, id: &str) -> Rc<str> {
        if let Some(s) = self.0.iter().find(|s| &***s == id) {
            return s.clone();
        }
        let s: Rc<str> = Rc::from(id);
        self.0.push(s.clone());
        s
    }
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
            Some(r) => Some(r.get(2)?),
            None => None,
        };
        Ok(())
    }

    /// Adds the current row to the day's activity (allocating only for a
    /// module not yet seen that day), then steps on.
    fn take(
        &mut self,
        acts: &mut Acts,
        residents: &mut Residents,
        sites: &mut Sites,
    ) -> rusqlite::Result<()> {
        let r = self.rows.get().expect("a current row");
        let at: i64 = r.get(2)?;
        let end: i64 = r.get(3)?;
        let Some(resident) = residents.get(r.get_ref(0)?.as_str()?)? else {
            return self.step();
        };
        let (_, e) = acts.entry(key(&resident)).or_insert_with(|| {
            (
                resident,
                DayAct {
                    first: at,
                    last: end,
                    ..DayAct::default()
                },
            )
        });
        e.first = e.first.min(at);
        e.last = e.last.max(end);
        if self.seat {
            e.signed_in = true;
            e.active_ms += (end - at).max(0);
            // A day is counted at the site of its first seat session.
            if e.site.is_none() {
                e.site = Some(sites.get(r.get_ref(1)?.as_str()?));
            }
        } else if let Some(m) = r.get_ref(4)?.as_str_or_null()?
            && !e.modules.iter().any(|x| &**x == m)
        {
            e.modules.push(Rc::from(m));
        }
        self.step()
    }
}

const ACTIVITY_SQL: [(&str, bool); 4] = [
    (
        "SELECT resident_id, site_id, started_at, coalesce(ended_at, started_at) FROM seat_sessions
          WHERE started_at >= :from_ms AND started_at < :to_ms ORDER BY started_at",
        true,
    ),
    (
        "SELECT resident_id, site_id, seen_at, seen_at, module_id FROM step_views
          WHERE seen_at >= :from_ms AND seen_at < :to_ms ORDER BY seen_at",
        false,
    ),
    (
        "SELECT resident_id, site_id, started_at, started_at, module_id FROM quiz_attempts
          WHERE started_at >= :from_ms AND started_at < :to_ms ORDER BY started_at",
        false,
    ),
    (
        "SELECT resident_id, site_id, finished_at, finished_at, module_id FROM quiz_results
          WHERE finished_at >= :from_ms AND finished_at < :to_ms ORDER BY finished_at",
        false,
    ),
];

/// Class sessions in day order (their index), each followed by its marks
/// (the join walks one class session's marks at a time).
const MARKS_SQL: &str = "
SELECT cs.day, cs.id, cs.site_id, cs.started_at, cs.topic, a.resident_id, a.status, a.marked_at, a.rowid
  FROM class_sessions cs JOIN attendance a ON a.class_session_id = cs.id
 WHERE cs.day BETWEEN :from_day AND :to_day AND (:site IS NULL OR cs.site_id = :site)
 ORDER BY cs.day";

/// Who a resident is, NULL where forgotten, and their sort key.
const RESIDENT_SQL: &str = "
SELECT r.id,
       CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.full_name END,
       CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.birth_year END,
       r.group_no,
       CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.household END,
       CASE WHEN r.forgotten_at IS NULL AND f.resident_id IS NULL THEN r.search_key ELSE '' END
  FROM residents r LEFT JOIN forgotten f ON f.resident_id = r.id
 WHERE r.id = ?1";

struct Class {
    day: NaiveDate,
    id: String,
    site: Rc<str>,
    start: i64,
    topic: Rc<str>,
}

struct Mark {
    class: Rc<Class>,
    resident: Rc<Resident>,
    status: Status,
    marked_at: i64,
    /// Breaks ties between marks made in the same millisecond: the one
    /// stored last wins.
    rowid: i64,
}

/// One resident's activity on one day.
struct DayAct {
    site: Option<Rc<str>>,
    first: i64,
    last: i64,
    active_ms: i64,
    modules: Vec<Rc<str>>,
    /// `modules`, sorted, once the day is gathered.
    sorted: Rc<[Rc<str>]>,
    signed_in: bool,
}

impl Default for DayAct {
    fn default() -> Self {
        DayAct {
            site: None,
            first: 0,
            last: 0,
            active_ms: 0,
            modules: Vec::new(),
            sorted: Rc::from(Vec::new()),
            signed_in: false,
        }
    }
}

/// A row with what it sorts by: (site, class start, class id, resident).
type Sorted<'a> = (Rc<str>, i64, &'a str, Rc<Resident>, AttendanceRow);

struct Resident {
    who: Rc<Who>,
    key: String,
}

/// Residents by id, read once each. Bounded by the number of residents,
/// not of rows.
struct Residents<'s> {
    stmt: Statement<'s>,
    cache: FastMap<Rc<str>, Option<Rc<Resident>>>,
}

impl Residents<'_> {
    fn get(&mut self, id: &str) -> rusqlite::Result<Option<Rc<Resident>>> {
        if let Some(found) = self.cache.get(id) {
            return Ok(found.clone());
        }
        let found = self
            .stmt
            .query_row([id], |r| {
                Ok(Resident {
                    who: Rc::new(Who {
                        resident_id: r.get(0)?,
                        name: r.get(1)?,
                        birth_year: r.get(2)?,
                        group_no: r.get(3)?,
                        household: r.get(4)?,
                    }),
                    key: r.get(5)?,
                })
            })
            .optional()?
            .map(Rc::new);
        self.cache.insert(Rc::from(id), found.clone());
        Ok(found)
    }
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

/// The marks of the class sessions, one day at a time.
struct Marks<'s> {
    rows: Rows<'s>,
    /// The class session of the current row, shared by its marks.
    class: Option<Rc<Class>>,
    done: bool,
}

impl Marks<'_> {
    fn step(&mut self, sites: &mut Sites) -> rusqlite::Result<()> {
        let Some(r) = self.rows.next()? else {
            self.done = true;
            self.class = None;
            return Ok(());
        };
        let id = r.get_ref(1)?.as_str()?;
        if self.class.as_ref().is_none_or(|c| c.id != id) {
            let day = r.get_ref(0)?.as_str()?;
            let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?;
            self.class = Some(Rc::new(Class {
                day,
                id: id.to_string(),
                site: sites.get(r.get_ref(2)?.as_str()?),
                start: r.get(3)?,
                topic: Rc::from(r.get_ref(4)?.as_str()?),
            }));
        }
        Ok(())
    }

    fn day(&self) -> Option<NaiveDate> {
        self.class.as_ref().filter(|_| !self.done).map(|c| c.day)
    }

    /// Every mark of `day`, each with its resident.
    fn take_day(
        &mut self,
        day: NaiveDate,
        residents: &mut Residents,
        sites: &mut Sites,
        out: &mut Vec<Mark>,
    ) -> rusqlite::Result<()> {
        while self.day() == Some(day) {
            let class = self.class.clone().expect("a current class");
            let r = self.rows.get().expect("a current row");
            let resident = residents.get(r.get_ref(5)?.as_str()?)?;
            if let Some(resident) = resident {
                out.push(Mark {
                    class,
                    resident,
                    status: Status::parse(r.get_ref(6)?.as_str()?),
                    marked_at: r.get(7)?,
                    rowid: r.get(8)?,
                });
            }
            self.step(sites)?;
        }
        Ok(())
    }
}

/// Streams every attendance row the filter selects to `f`, ordered by day,
/// then site, then class session (self-signed-in rows last), then group and
/// name. Returns how many rows.
pub fn attendance<E>(
    conn: &Connection,
    filter: &Filter,
    mut f: impl FnMut(AttendanceRow) -> Result<(), E>,
) -> Result<u64, RowsError<E>> {
    let b = filter.bounds();
    let mut stmts = ACTIVITY_SQL
        .iter()
        .map(|(sql, _)| conn.prepare(sql))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut cursors = Vec::with_capacity(stmts.len());
    for (stmt, (_, seat)) in stmts.iter_mut().zip(ACTIVITY_SQL) {
        cursors.push(Cursor::new(stmt, b.from_ms, b.to_ms, seat)?);
    }
    let mut marks_stmt = conn.prepare(MARKS_SQL)?;
    let mut marks = Marks {
        rows: marks_stmt.query(named_params! {
            ":from_day": b.from_day, ":to_day": b.to_day, ":site": filter.site,
        })?,
        class: None,
        done: false,
    };
    let mut sites = Sites::default();
    marks.step(&mut sites)?;
    let mut residents = Residents {
        stmt: conn.prepare(RESIDENT_SQL)?,
        cache: FastMap::default(),
    };

    let mut sent = 0u64;
    let mut acts: Acts = FastMap::default();
    let mut day_marks: Vec<Mark> = Vec::new();
    loop {
        // The next day anything happened.
        let mut day: Option<NaiveDate> = marks.day();
        for c in &cursors {
            if let Some(at) = c.at {
                let d = local_day(at);
                day = Some(day.map_or(d, |x| x.min(d)));
            }
        }
        let Some(day) = day else { break };
        let day_end = day.succ_opt().map(local_day_start_ms).unwrap_or(i64::MAX);

        acts.clear();
        for c in cursors.iter_mut() {
            while c.at.is_some_and(|at| at < day_end) {
                c.take(&mut acts, &mut residents, &mut sites)?;
            }
        }
        for (_, a) in acts.values_mut() {
            a.modules.sort();
            a.sorted = Rc::from(std::mem::take(&mut a.modules));
        }
        day_marks.clear();
        marks.take_day(day, &mut residents, &mut sites, &mut day_marks)?;
        // The newest mark for each (class session, resident) wins.
        day_marks.sort_by(|a, b| {
            (a.class.start, &a.class.id, &a.resident.who.resident_id)
                .cmp(&(b.class.start, &b.class.id, &b.resident.who.resident_id))
                .then((b.marked_at, b.rowid).cmp(&(a.marked_at, a.rowid)))
        });
        day_marks.dedup_by(|later, first| {
            Rc::ptr_eq(&later.class, &first.class) && Rc::ptr_eq(&later.resident, &first.resident)
        });

        let mut out: Vec<Sorted> = Vec::new();
        for m in &day_marks {
            if filter.group.is_some_and(|g| g != m.resident.who.group_no) {
                continue;
            }
            let act = acts.get(&key(&m.resident)).map(|(_, a)| a);
            let row = row_for(
                day,
                Some(&m.class.topic),
                &m.resident.who,
                m.status,
                act,
                &m.class.site,
            );
            out.push((
                m.class.site.clone(),
                m.class.start,
                &m.class.id,
                m.resident.clone(),
                row,
            ));
        }
        let marked: HashSet<usize, BuildHasherDefault<Fx>> =
            day_marks.iter().map(|m| key(&m.resident)).collect();
        for (k, (info, act)) in acts.iter() {
            if !act.signed_in
                || marked.contains(k)
                || filter
                    .site
                    .as_deref()
                    .is_some_and(|s| act.site.as_deref() != Some(s))
                || filter.group.is_some_and(|g| g != info.who.group_no)
            {
                continue;
            }
            let site = act.site.clone().unwrap_or_else(|| sites.get(""));
            let row = row_for(day, None, &info.who, Status::SelfSignedIn, Some(act), &site);
            // Self-signed-in rows after the class sessions of their site.
            out.push((site, i64::MAX, "", info.clone(), row));
        }
        out.sort_by(|a, b| {
            (
                &a.0,
                a.1,
                a.2,
                a.3.who.group_no,
                &a.3.key,
                &a.3.who.resident_id,
            )
                .cmp(&(
                    &b.0,
                    b.1,
                    b.2,
                    b.3.who.group_no,
                    &b.3.key,
                    &b.3.who.resident_id,
                ))
        });
        for (_, _, _, _, row) in out {
            f(row).map_err(RowsError::Sink)?;
            sent += 1;
        }
    }
    Ok(sent)
}

fn row_for(
    day: NaiveDate,
    topic: Option<&Rc<str>>,
    who: &Rc<Who>,
    status: Status,
    act: Option<&DayAct>,
    site: &Rc<str>,
) -> AttendanceRow {
    AttendanceRow {
        day,
        topic: topic.cloned(),
        who: who.clone(),
        status,
        first_at: act.map(|a| a.first),
        last_at: act.map(|a| a.last),
        minutes_active: act.map_or(0, |a| (a.active_ms + 30_000) / 60_000),
        modules: act.map_or_else(|| Rc::from(Vec::new()), |a| a.sorted.clone()),
        site_id: site.clone(),
    }
}
