//! What the instructor records: class sessions, attendance marks and
//! verified campaign indicators. Marks and indicator events are appended,
//! never updated, so merging several cultural houses' databases is a plain
//! union; the newest one wins when read.

use rusqlite::{OptionalExtension, params};

use super::local_day;
use super::records::{
    ClassRecord, IndicatorRecord, MarkRecord, insert_class, insert_indicator, insert_mark,
};
use super::today::{ClassSession, class_from_row};
use crate::store::{Result, Store, StoreError, new_id, now_ms};
use crate::text::nfc;

/// An attendance mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttendanceStatus {
    Present,
    Late,
    Excused,
    Absent,
}

impl AttendanceStatus {
    pub const ALL: [AttendanceStatus; 4] = [
        AttendanceStatus::Present,
        AttendanceStatus::Late,
        AttendanceStatus::Excused,
        AttendanceStatus::Absent,
    ];

    /// The value in the `attendance.status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            AttendanceStatus::Present => "present",
            AttendanceStatus::Late => "late",
            AttendanceStatus::Excused => "excused",
            AttendanceStatus::Absent => "absent",
        }
    }

    pub fn parse(s: &str) -> Option<AttendanceStatus> {
        AttendanceStatus::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// Present and late both count as having come.
    pub fn attended(self) -> bool {
        matches!(self, AttendanceStatus::Present | AttendanceStatus::Late)
    }
}

/// One resident's current mark in a class session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceMark {
    pub resident_id: String,
    pub full_name: String,
    pub group_no: i64,
    pub status: AttendanceStatus,
    pub marked_at: i64,
}

const SQL_CLASS_BY_ID: &str =
    "SELECT id, day, started_at, ended_at, topic, instructor FROM class_sessions WHERE id = ?1";

pub(super) const SQL_ATTENDANCE_OF_CLASS: &str = "
    SELECT a.resident_id, r.full_name, r.group_no, a.status, a.marked_at FROM attendance a
    JOIN residents r ON r.id = a.resident_id
    WHERE a.class_session_id = ?1 AND r.forgotten_at IS NULL AND NOT EXISTS (
        SELECT 1 FROM attendance b
        WHERE b.class_session_id = a.class_session_id AND b.resident_id = a.resident_id
          AND (b.marked_at > a.marked_at OR (b.marked_at = a.marked_at AND b.id > a.id)))
    ORDER BY r.search_key, a.resident_id";

fn clean(field: &str, value: &str) -> Result<String> {
    let v = nfc(value.trim());
    if v.is_empty() {
        return Err(StoreError::invalid(field, "must not be empty"));
    }
    if v.chars().count() > 120 {
        return Err(StoreError::invalid(field, "is longer than 120 letters"));
    }
    Ok(v)
}

impl Store {
    /// Opens a class session today with a topic and the instructor's name.
    pub fn open_class_session(&self, topic: &str, instructor: &str) -> Result<ClassSession> {
        self.open_class_session_at(topic, instructor, now_ms())
    }

    pub fn open_class_session_at(
        &self,
        topic: &str,
        instructor: &str,
        at: i64,
    ) -> Result<ClassSession> {
        let class = ClassSession {
            id: new_id(),
            day: local_day(at),
            started_at: at,
            ended_at: None,
            topic: clean("topic", topic)?,
            instructor: clean("instructor", instructor)?,
        };
        self.write(|tx| {
            // One class at a time at a site: the room's view shows one, so
            // a class still open when the next starts ends as it starts
            // (left open, it would never end and never be shown again).
            tx.execute(
                "UPDATE class_sessions SET ended_at = max(started_at, ?2)
                 WHERE site_id = ?1 AND ended_at IS NULL",
                params![self.site_id(), at],
            )?;
            insert_class(
                tx,
                &ClassRecord {
                    id: &class.id,
                    site_id: self.site_id(),
                    day: &class.day,
                    started_at: class.started_at,
                    ended_at: None,
                    topic: &class.topic,
                    instructor: &class.instructor,
                },
            )
        })?;
        Ok(class)
    }

    /// Closes a class session (closing one already closed keeps the first
    /// closing time).
    pub fn close_class_session(&self, id: &str) -> Result<()> {
        self.close_class_session_at(id, now_ms())
    }

    pub fn close_class_session_at(&self, id: &str, at: i64) -> Result<()> {
        let n = self.write(|tx| {
            tx.execute(
                "UPDATE class_sessions SET ended_at = COALESCE(ended_at, ?2) WHERE id = ?1",
                params![id, at],
            )
        })?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "class session",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    pub fn class_session(&self, id: &str) -> Result<Option<ClassSession>> {
        self.read(|conn| {
            conn.prepare_cached(SQL_CLASS_BY_ID)?
                .query_row([id], class_from_row)
                .optional()
        })
    }

    /// Appends an attendance mark; the newest mark for the pair counts.
    pub fn mark_attendance(
        &self,
        class_id: &str,
        resident_id: &str,
        status: AttendanceStatus,
        marked_by: &str,
    ) -> Result<()> {
        self.mark_attendance_at(class_id, resident_id, status, marked_by, now_ms())
    }

    pub fn mark_attendance_at(
        &self,
        class_id: &str,
        resident_id: &str,
        status: AttendanceStatus,
        marked_by: &str,
        at: i64,
    ) -> Result<()> {
        let marked_by = clean("marked_by", marked_by)?;
        self.write(|tx| {
            insert_mark(
                tx,
                &MarkRecord {
                    id: &new_id(),
                    site_id: self.site_id(),
                    class_session_id: class_id,
                    resident_id,
                    status: status.as_str(),
                    marked_by: &marked_by,
                    at,
                },
            )
        })
        .map_err(|e| foreign_key_to_not_found(e, "class session or resident", class_id))?;
        Ok(())
    }

    /// The current mark of everyone marked in this class, in name order.
    pub fn attendance(&self, class_id: &str) -> Result<Vec<AttendanceMark>> {
        self.read(|conn| {
            let mut st = conn.prepare_cached(SQL_ATTENDANCE_OF_CLASS)?;
            let rows = st.query_map([class_id], |r| {
                let status: String = r.get(3)?;
                Ok(AttendanceMark {
                    resident_id: r.get(0)?,
                    full_name: r.get(1)?,
                    group_no: r.get(2)?,
                    // The column's CHECK allows only the four values.
                    status: AttendanceStatus::parse(&status).unwrap_or(AttendanceStatus::Absent),
                    marked_at: r.get(4)?,
                })
            })?;
            rows.collect()
        })
    }

    /// Appends a verified indicator event ("reached" or, to correct a
    /// mistake, "not reached") for a resident.
    pub fn record_indicator(
        &self,
        resident_id: &str,
        indicator: &str,
        reached: bool,
        verified_by: &str,
    ) -> Result<()> {
        self.record_indicator_at(resident_id, indicator, reached, verified_by, now_ms())
    }

    pub fn record_indicator_at(
        &self,
        resident_id: &str,
        indicator: &str,
        reached: bool,
        verified_by: &str,
        at: i64,
    ) -> Result<()> {
        if !crate::config::is_slug(indicator) {
            return Err(StoreError::invalid(
                "indicator",
                format!("{indicator:?} is not an indicator id"),
            ));
        }
        let verified_by = clean("verified_by", verified_by)?;
        self.write(|tx| {
            insert_indicator(
                tx,
                &IndicatorRecord {
                    id: &new_id(),
                    site_id: self.site_id(),
                    resident_id,
                    indicator,
                    reached,
                    verified_by: &verified_by,
                    at,
                },
            )
        })
        .map_err(|e| foreign_key_to_not_found(e, "resident", resident_id))?;
        Ok(())
    }
}

/// A foreign-key refusal means the id named does not exist.
fn foreign_key_to_not_found(e: StoreError, what: &'static str, id: &str) -> StoreError {
    match &e {
        StoreError::Sqlite { source, .. }
            if source.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) =>
        {
            StoreError::NotFound {
                what,
                id: id.to_string(),
            }
        }
        _ => e,
    }
}
