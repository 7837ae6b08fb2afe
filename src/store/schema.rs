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
    // 4: running totals for the instructor views (instructor helper). With
    // a year of use (10,000 residents, a million answers) even index-only
    // aggregates over every quiz result take hundreds of milliseconds, so
    // triggers keep per-resident and per-module figures as events arrive.
    // Events are only ever appended (and merges use INSERT OR IGNORE, which
    // fires no trigger for a row already there), so AFTER INSERT triggers
    // see every event exactly once. These tables have no site_id: they are
    // derived, never bundled, and rebuilt from the events here.
    r#"
CREATE TABLE resident_module_stats (
    resident_id TEXT NOT NULL,
    module_id   TEXT NOT NULL,
    attempts    INTEGER NOT NULL,
    passes      INTEGER NOT NULL,
    PRIMARY KEY (resident_id, module_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE resident_stats (
    resident_id   TEXT PRIMARY KEY,
    attempts      INTEGER NOT NULL DEFAULT 0,
    modules_tried INTEGER NOT NULL DEFAULT 0,
    modules_done  INTEGER NOT NULL DEFAULT 0,
    best_score    INTEGER,
    last_module   TEXT,
    last_score    INTEGER,
    last_at       INTEGER,
    last_seen     INTEGER
) STRICT, WITHOUT ROWID;

CREATE TABLE module_stats (
    module_id       TEXT PRIMARY KEY,
    started         INTEGER NOT NULL DEFAULT 0,
    completed       INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    passed_attempts INTEGER NOT NULL DEFAULT 0,
    score_sum       INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- Who opened the first page of which module (for "started").
CREATE TABLE module_starts (
    module_id   TEXT NOT NULL,
    resident_id TEXT NOT NULL,
    PRIMARY KEY (module_id, resident_id)
) STRICT, WITHOUT ROWID;

-- The newest indicator event per resident and indicator (a later insert
-- wins a tie at the same millisecond).
CREATE TABLE indicator_latest (
    resident_id TEXT NOT NULL,
    indicator   TEXT NOT NULL,
    reached     INTEGER NOT NULL,
    verified_at INTEGER NOT NULL,
    PRIMARY KEY (resident_id, indicator)
) STRICT, WITHOUT ROWID;

-- Rebuild from the events already recorded.
INSERT INTO resident_module_stats (resident_id, module_id, attempts, passes)
    SELECT resident_id, module_id, COUNT(*), SUM(passed) FROM quiz_results
    GROUP BY resident_id, module_id;
INSERT INTO resident_stats (resident_id, attempts, modules_tried, modules_done, best_score)
    SELECT resident_id, SUM(attempts), COUNT(*), SUM(passes > 0), NULL
    FROM resident_module_stats GROUP BY resident_id;
UPDATE resident_stats SET
    best_score = (SELECT MAX(score) FROM quiz_results q WHERE q.resident_id = resident_stats.resident_id),
    last_at = (SELECT MAX(finished_at) FROM quiz_results q WHERE q.resident_id = resident_stats.resident_id);
UPDATE resident_stats SET
    last_module = (SELECT module_id FROM quiz_results q WHERE q.resident_id = resident_stats.resident_id
                   ORDER BY finished_at DESC, rowid DESC LIMIT 1),
    last_score = (SELECT score FROM quiz_results q WHERE q.resident_id = resident_stats.resident_id
                  ORDER BY finished_at DESC, rowid DESC LIMIT 1);
INSERT INTO resident_stats (resident_id, last_seen)
    SELECT resident_id, MAX(started_at) FROM seat_sessions GROUP BY resident_id
    ON CONFLICT (resident_id) DO UPDATE SET last_seen = excluded.last_seen;
INSERT OR IGNORE INTO module_starts (module_id, resident_id)
    SELECT DISTINCT module_id, resident_id FROM step_views WHERE step = 0;
INSERT INTO module_stats (module_id, attempts, passed_attempts, score_sum)
    SELECT module_id, COUNT(*), SUM(passed), SUM(score) FROM quiz_results GROUP BY module_id;
INSERT INTO module_stats (module_id, started)
    SELECT module_id, COUNT(*) FROM module_starts GROUP BY module_id
    ON CONFLICT (module_id) DO UPDATE SET started = excluded.started;
UPDATE module_stats SET completed =
    (SELECT COUNT(*) FROM resident_module_stats r WHERE r.module_id = module_stats.module_id AND r.passes > 0);
INSERT INTO indicator_latest (resident_id, indicator, reached, verified_at)
    SELECT resident_id, indicator, reached, verified_at FROM (
        SELECT resident_id, indicator, reached, verified_at,
               ROW_NUMBER() OVER (PARTITION BY resident_id, indicator
                                  ORDER BY verified_at DESC, rowid DESC) AS n
        FROM indicator_events)
    WHERE n = 1;

-- And keep them up to date.
CREATE TRIGGER quiz_results_totals AFTER INSERT ON quiz_results BEGIN
    INSERT INTO resident_stats (resident_id) VALUES (NEW.resident_id)
        ON CONFLICT (resident_id) DO NOTHING;
    UPDATE resident_stats SET
        attempts = attempts + 1,
        modules_tried = modules_tried + NOT EXISTS (SELECT 1 FROM resident_module_stats
            WHERE resident_id = NEW.resident_id AND module_id = NEW.module_id),
        modules_done = modules_done + (NEW.passed = 1 AND NOT EXISTS (SELECT 1 FROM resident_module_stats
            WHERE resident_id = NEW.resident_id AND module_id = NEW.module_id AND passes > 0)),
        best_score = MAX(COALESCE(best_score, NEW.score), NEW.score),
        last_module = CASE WHEN last_at IS NULL OR NEW.finished_at >= last_at
                           THEN NEW.module_id ELSE last_module END,
        last_score = CASE WHEN last_at IS NULL OR NEW.finished_at >= last_at
                          THEN NEW.score ELSE last_score END,
        last_at = MAX(COALESCE(last_at, NEW.finished_at), NEW.finished_at)
    WHERE resident_id = NEW.resident_id;
    INSERT INTO module_stats (module_id) VALUES (NEW.module_id)
        ON CONFLICT (module_id) DO NOTHING;
    UPDATE module_stats SET
        attempts = attempts + 1,
        passed_attempts = passed_attempts + NEW.passed,
        score_sum = score_sum + NEW.score,
        completed = completed + (NEW.passed = 1 AND NOT EXISTS (SELECT 1 FROM resident_module_stats
            WHERE resident_id = NEW.resident_id AND module_id = NEW.module_id AND passes > 0))
    WHERE module_id = NEW.module_id;
    INSERT INTO resident_module_stats (resident_id, module_id, attempts, passes)
        VALUES (NEW.resident_id, NEW.module_id, 1, NEW.passed)
        ON CONFLICT (resident_id, module_id) DO UPDATE SET
            attempts = attempts + 1, passes = passes + excluded.passes;
END;

CREATE TRIGGER seat_sessions_last_seen AFTER INSERT ON seat_sessions BEGIN
    INSERT INTO resident_stats (resident_id, last_seen) VALUES (NEW.resident_id, NEW.started_at)
        ON CONFLICT (resident_id) DO UPDATE SET
            last_seen = MAX(COALESCE(last_seen, excluded.last_seen), excluded.last_seen);
END;

CREATE TRIGGER step_views_first_page AFTER INSERT ON step_views WHEN NEW.step = 0 BEGIN
    INSERT INTO module_stats (module_id) VALUES (NEW.module_id)
        ON CONFLICT (module_id) DO NOTHING;
    UPDATE module_stats SET started = started + 1
    WHERE module_id = NEW.module_id AND NOT EXISTS (SELECT 1 FROM module_starts
        WHERE module_id = NEW.module_id AND resident_id = NEW.resident_id);
    INSERT OR IGNORE INTO module_starts (module_id, resident_id)
        VALUES (NEW.module_id, NEW.resident_id);
END;

CREATE TRIGGER indicator_events_latest AFTER INSERT ON indicator_events BEGIN
    INSERT INTO indicator_latest (resident_id, indicator, reached, verified_at)
        VALUES (NEW.resident_id, NEW.indicator, NEW.reached, NEW.verified_at)
        ON CONFLICT (resident_id, indicator) DO UPDATE SET
            reached = excluded.reached, verified_at = excluded.verified_at
        WHERE excluded.verified_at >= indicator_latest.verified_at;
END;
"#,
    // 5: covering time indexes for the attendance export. It reads every
    // seat session, page seen and attendance mark of the period in time
    // order; with the old indexes each of those rows cost a second lookup
    // in its table (2.6 million lookups for a million-row export). The
    // indexes keep their names and leading columns, so every query that
    // used them still can.
    r#"
DROP INDEX seat_sessions_started;
CREATE INDEX seat_sessions_started
    ON seat_sessions(started_at, resident_id, ended_at, site_id);
DROP INDEX step_views_seen;
CREATE INDEX step_views_seen ON step_views(seen_at, resident_id, module_id, site_id);
DROP INDEX attendance_session;
CREATE INDEX attendance_session
    ON attendance(class_session_id, resident_id, marked_at, status);
"#,
    // 6: the sessions still open, by seat. Signing in first closes whatever
    // a crash left open at the seat, and with no index that read every
    // session ever recorded (0.2 s with 925,000 of them). Only open
    // sessions are in it: a handful at a kiosk, and a merge of ended ones
    // adds nothing to it.
    r#"
CREATE INDEX seat_sessions_open ON seat_sessions(seat, site_id) WHERE ended_at IS NULL;
"#,
];

/// The schema version this binary writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;
