//! The queries behind instructor mode, returning plain structs the screens
//! draw: Today (class session, who is here, who needs help), Residents,
//! Modules (with difficult questions) and Groups (campaign indicators by
//! household), plus the instructor's actions (attendance, verified
//! indicators). Registering, correcting and forgetting a resident reuse
//! `residents.rs`.
//!
//! Every view reads running totals that triggers keep as events arrive
//! (migration 4 in `schema.rs`) plus a few small aggregates over indexes
//! (migration 2), read inside one transaction
//! (`Store::read`) so
//! the figures on one screen agree with each other while seats keep writing.
//! Module titles, question texts and indicator names are not in the
//! database: the screens look them up by id in the curriculum and the
//! configuration.

mod actions;
#[doc(hidden)]
pub mod bulk;
mod groups;
mod modules;
pub(in crate::store) mod records;
mod residents;
mod today;

use chrono::{Datelike, Local, LocalResult, NaiveDate, TimeZone};

pub use actions::{AttendanceMark, AttendanceStatus};
pub use groups::{GroupStats, IndicatorReach};
pub use modules::{ModuleStats, QuestionStats};
pub use residents::ResidentSummary;
pub use today::{Activity, ClassSession, HelpReason, Today, TodayLearner};

/// The local calendar day of `at_ms` as `YYYY-MM-DD`.
pub fn local_day(at_ms: i64) -> String {
    Local
        .timestamp_millis_opt(at_ms)
        .single()
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// UTC ms of local midnight at the start of `date` (the earliest instant of
/// that day where a daylight-saving change makes midnight ambiguous).
fn local_midnight(date: NaiveDate) -> i64 {
    let naive = date.and_hms_opt(0, 0, 0).expect("midnight exists");
    match Local.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.timestamp_millis(),
        // Midnight skipped by a clock change: the day starts an hour later.
        LocalResult::None => Local
            .from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
            .map(|t| t.timestamp_millis())
            .unwrap_or(0),
    }
}

/// [start, end) in UTC ms of the local day that contains `at_ms`.
pub fn day_bounds(at_ms: i64) -> (i64, i64) {
    let date = Local
        .timestamp_millis_opt(at_ms)
        .single()
        .map(|t| t.date_naive())
        .unwrap_or_default();
    let next = date.succ_opt().unwrap_or(date);
    (local_midnight(date), local_midnight(next))
}

/// UTC ms of the start of the local month that contains `at_ms`.
pub fn month_start(at_ms: i64) -> i64 {
    let date = Local
        .timestamp_millis_opt(at_ms)
        .single()
        .map(|t| t.date_naive())
        .unwrap_or_default();
    local_midnight(date.with_day(1).unwrap_or(date))
}

#[cfg(test)]
mod tests;
