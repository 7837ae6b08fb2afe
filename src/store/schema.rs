//! The database schema, as an ordered list of migrations. Migration N takes a
//! database from `PRAGMA user_version = N-1` to `N`. Never edit a migration
//! that has shipped: append a new one.
//!
//! Design rules, so that several cultural houses can be merged later:
//! - every row made at a kiosk carries `site_id` and a globally unique `id`
//!   (residents: `<site_id>-<number>`, events: UUID v7);
//! - events are appended, not updated (quiz results are their own table
//!   instead of columns filled in later on the attempt);
//! - times are UTC milliseconds since 1970 (`*_at` columns); days are local
//!   `YYYY-MM-DD` text.

/// The marker stored in `meta` that says "this is a kiosk database".
pub const APP_MARKER: &str = "kiosk";

pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE residents (
    id              TEXT PRIMARY KEY,          -- '<site_id>-<n>'
    site_id         TEXT NOT NULL,
    full_name       TEXT NOT NULL,             -- NFC; '' once forgotten
    search_key      TEXT NOT NULL,             -- text::fold(full_name)
    birth_year      INTEGER,                   -- NULL once forgotten
    group_no        INTEGER NOT NULL,          -- residential group (tổ dân phố)
    household       TEXT NOT NULL,             -- address / house number; '' once forgotten
    household_key   TEXT NOT NULL,             -- text::fold(household), to count households
    phone           TEXT,
    consent_at      INTEGER,
    consent_version TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    forgotten_at    INTEGER
) STRICT;
CREATE INDEX residents_search ON residents(search_key);
CREATE INDEX residents_group ON residents(group_no, household_key);

-- A deletion marker: merges never bring a forgotten resident back.
CREATE TABLE forgotten (
    resident_id  TEXT PRIMARY KEY,
    site_id      TEXT NOT NULL,
    forgotten_at INTEGER NOT NULL
) STRICT;

CREATE TABLE seat_sessions (
    id          TEXT PRIMARY KEY,
    site_id     TEXT NOT NULL,
    resident_id TEXT NOT NULL REFERENCES residents(id),
    seat        TEXT NOT NULL,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    end_reason  TEXT CHECK (end_reason IN ('sign-out', 'idle', 'closed'))
) STRICT;
CREATE INDEX seat_sessions_resident ON seat_sessions(resident_id, started_at);
CREATE INDEX seat_sessions_started ON seat_sessions(started_at);

CREATE TABLE step_views (
    id          TEXT PRIMARY KEY,
    site_id     TEXT NOT NULL,
    resident_id TEXT NOT NULL REFERENCES residents(id),
    session_id  TEXT,
    module_id   TEXT NOT NULL,
    step        INTEGER NOT NULL,              -- 0-based page index
    seen_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX step_views_resident ON step_views(resident_id, seen_at);
CREATE INDEX step_views_module ON step_views(module_id, resident_id, step);
CREATE INDEX step_views_seen ON step_views(seen_at);

CREATE TABLE quiz_attempts (
    id             TEXT PRIMARY KEY,
    site_id        TEXT NOT NULL,
    resident_id    TEXT NOT NULL REFERENCES residents(id),
    session_id     TEXT,
    module_id      TEXT NOT NULL,
    question_order TEXT NOT NULL,              -- JSON list of question ids as shown
    started_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX quiz_attempts_resident ON quiz_attempts(resident_id, started_at);
CREATE INDEX quiz_attempts_module ON quiz_attempts(module_id);

CREATE TABLE quiz_answers (
    id          TEXT PRIMARY KEY,
    site_id     TEXT NOT NULL,
    attempt_id  TEXT NOT NULL REFERENCES quiz_attempts(id),
    resident_id TEXT NOT NULL REFERENCES residents(id),
    module_id   TEXT NOT NULL,
    question_id TEXT NOT NULL,
    response    TEXT NOT NULL,                 -- lessons::Response::encode()
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answered_at INTEGER NOT NULL
) STRICT;
CREATE INDEX quiz_answers_attempt ON quiz_answers(attempt_id);
CREATE INDEX quiz_answers_question ON quiz_answers(module_id, question_id, correct, response);
CREATE INDEX quiz_answers_resident ON quiz_answers(resident_id, answered_at);

CREATE TABLE quiz_results (
    attempt_id  TEXT PRIMARY KEY REFERENCES quiz_attempts(id),
    site_id     TEXT NOT NULL,
    resident_id TEXT NOT NULL REFERENCES residents(id),
    module_id   TEXT NOT NULL,
    correct     INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    score       INTEGER NOT NULL,              -- percent, rounded down
    threshold   INTEGER NOT NULL,              -- pass_percent in force at the time
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    finished_at INTEGER NOT NULL
) STRICT;
CREATE INDEX quiz_results_resident ON quiz_results(resident_id, module_id);
CREATE INDEX quiz_results_module ON quiz_results(module_id, passed);

CREATE TABLE class_sessions (
    id         TEXT PRIMARY KEY,
    site_id    TEXT NOT NULL,
    day        TEXT NOT NULL,                  -- local YYYY-MM-DD
    started_at INTEGER NOT NULL,
    ended_at   INTEGER,
    topic      TEXT NOT NULL,
    instructor TEXT NOT NULL
) STRICT;
CREATE INDEX class_sessions_day ON class_sessions(day);

-- Attendance marks are appended; the newest mark for a (session, resident) wins.
CREATE TABLE attendance (
    id               TEXT PRIMARY KEY,
    site_id          TEXT NOT NULL,
    class_session_id TEXT NOT NULL REFERENCES class_sessions(id),
    resident_id      TEXT NOT NULL REFERENCES residents(id),
    status           TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
    marked_by        TEXT NOT NULL,
    marked_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX attendance_session ON attendance(class_session_id, resident_id, marked_at);
CREATE INDEX attendance_resident ON attendance(resident_id);

-- Indicator events are appended; the newest event for a (resident, indicator) wins.
CREATE TABLE indicator_events (
    id          TEXT PRIMARY KEY,
    site_id     TEXT NOT NULL,
    resident_id TEXT NOT NULL REFERENCES residents(id),
    indicator   TEXT NOT NULL,
    reached     INTEGER NOT NULL CHECK (reached IN (0, 1)),
    verified_by TEXT NOT NULL,
    verified_at INTEGER NOT NULL
) STRICT;
CREATE INDEX indicator_events_resident ON indicator_events(resident_id, indicator, verified_at);

-- Local to this database, never merged: the instructor PIN hash and the
-- shared wrong-PIN counter.
CREATE TABLE local_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
"#,
    // 2: indexes for the instructor views (instructor helper). Each view
    // aggregates over an index that holds every column it reads, so it never
    // touches the table rows; the two old quiz_results indexes are prefixes
    // of the new ones and would only slow writes down.
    r#"
DROP INDEX quiz_results_resident;
DROP INDEX quiz_results_module;
CREATE INDEX quiz_results_resident ON quiz_results(resident_id, module_id, passed, score, finished_at);
CREATE INDEX quiz_results_module ON quiz_results(module_id, passed, score, resident_id);
-- "Started a module" means "opened its first page": a small slice of step_views.
CREATE INDEX step_views_first_page ON step_views(module_id, resident_id) WHERE step = 0;
"#,
    // 3: a counter that changes whenever a resident's name (search key) may
    // have changed, whoever wrote it (this seat, another seat, a merge), so
    // each seat can keep the name search in memory and reload only then.
    r#"
INSERT OR IGNORE INTO meta (key, value) VALUES ('residents_rev', '0');
CREATE TRIGGER residents_rev_insert AFTER INSERT ON residents BEGIN
    INSERT OR REPLACE INTO meta (key, value)
        SELECT 'residents_rev', CAST(coalesce(max(CAST(value AS INTEGER)), 0) + 1 AS TEXT)
        FROM meta WHERE key = 'residents_rev';
END;
CREATE TRIGGER residents_rev_update AFTER UPDATE OF search_key ON residents BEGIN
    INSERT OR REPLACE INTO meta (key, value)
        SELECT 'residents_rev', CAST(coalesce(max(CAST(value AS INTEGER)), 0) + 1 AS TEXT)
        FROM meta WHERE key = 'residents_rev';
END;
CREATE TRIGGER residents_rev_delete AFTER DELETE ON residents BEGIN
    INSERT OR REPLACE INTO meta (key, value)
        SELECT 'residents_rev', CAST(coalesce(max(CAST(value AS INTEGER)), 0) + 1 AS TEXT)
        FROM meta WHERE key = 'residents_rev';
END;
"#,
];

/// The schema version this binary writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;
