//! The one INSERT of each record an instructor makes: a class session, an
//! attendance mark, a verified indicator. Instructor mode (`actions`), the
//! demo data (`seed`) and the test and benchmark data all write through
//! these, so each table's columns are listed once.

use rusqlite::{Connection, params};

pub(in crate::store) struct ClassRecord<'a> {
    pub id: &'a str,
    pub site_id: &'a str,
    /// Local `YYYY-MM-DD`.
    pub day: &'a str,
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub topic: &'a str,
    pub instructor: &'a str,
}

pub(in crate::store) fn insert_class(c: &Connection, r: &ClassRecord) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT INTO class_sessions (id, site_id, day, started_at, ended_at, topic, instructor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        r.id,
        r.site_id,
        r.day,
        r.started_at,
        r.ended_at,
        r.topic,
        r.instructor
    ])?;
    Ok(())
}

/// An attendance mark; the newest for a (class, resident) wins.
pub(in crate::store) struct MarkRecord<'a> {
    pub id: &'a str,
    pub site_id: &'a str,
    pub class_session_id: &'a str,
    pub resident_id: &'a str,
    /// `present`, `late`, `excused` or `absent`.
    pub status: &'a str,
    pub marked_by: &'a str,
    pub at: i64,
}

pub(in crate::store) fn insert_mark(c: &Connection, m: &MarkRecord) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT INTO attendance (id, site_id, class_session_id, resident_id, status, marked_by, marked_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        m.id,
        m.site_id,
        m.class_session_id,
        m.resident_id,
        m.status,
        m.marked_by,
        m.at
    ])?;
    Ok(())
}

/// A campaign indicator verified for a resident; the newest wins.
pub(in crate::store) struct IndicatorRecord<'a> {
    pub id: &'a str,
    pub site_id: &'a str,
    pub resident_id: &'a str,
    pub indicator: &'a str,
    pub reached: bool,
    pub verified_by: &'a str,
    pub at: i64,
}

pub(in crate::store) fn insert_indicator(
    c: &Connection,
    e: &IndicatorRecord,
) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT INTO indicator_events (id, site_id, resident_id, indicator, reached, verified_by, verified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        e.id,
        e.site_id,
        e.resident_id,
        e.indicator,
        e.reached,
        e.verified_by,
        e.at
    ])?;
    Ok(())
}
