//! Running totals during a merge.
//!
//! At a kiosk, triggers (migrations 3 and 4) keep the instructor views'
//! totals and the residents' change counter up to date one event at a
//! time. A merge adds tens of thousands of events per bundle, and those
//! per-row triggers were about a fifth of its time. So a merge sets them
//! aside for its transaction (dropped, then created again from their own
//! text before the commit: a crash or an error rolls both back) and adds
//! each bundle's share in a few set-based statements instead.
//!
//! The statements do exactly what the triggers would have done, row by
//! row in the bundle's order: only rows that are new here count (an
//! `INSERT OR IGNORE` fires no trigger for a row already present), and
//! "newest wins" ties go to the later row. The tests compare the result
//! with the triggers at the bundle's own kiosk and with a full rebuild.

use rusqlite::Transaction;

/// The triggers a merge replaces with the statements below. Any other
/// trigger a later migration adds stays in place and fires as usual.
pub(super) const SET_ASIDE: &[&str] = &[
    "quiz_results_totals",
    "seat_sessions_last_seen",
    "step_views_first_page",
    "indicator_events_latest",
    "residents_rev_insert",
    "residents_rev_update",
    "residents_rev_delete",
];

/// The scratch tables of one bundle's totals, on this connection only:
/// made with the transaction, emptied for each bundle, dropped at the end.
const SCRATCH: &str = "
CREATE TEMP TABLE merge_results
    (resident_id TEXT, module_id TEXT, score INTEGER, passed INTEGER, finished_at INTEGER, n INTEGER);
CREATE TEMP TABLE merge_indicators
    (resident_id TEXT, indicator TEXT, reached INTEGER, verified_at INTEGER, n INTEGER);
CREATE TEMP TABLE merge_pairs
    (resident_id TEXT, module_id TEXT, attempts INTEGER, passes INTEGER, tried INTEGER, done INTEGER,
     PRIMARY KEY (resident_id, module_id)) WITHOUT ROWID;
CREATE TEMP TABLE merge_starts (module_id TEXT, resident_id TEXT);
";

/// The set-aside triggers' own `CREATE TRIGGER` text, to put them back.
pub(super) struct SetAside(Vec<String>);

/// Drops the triggers in [`SET_ASIDE`] for the rest of this transaction,
/// and makes the scratch tables that replace them.
pub(super) fn set_aside(tx: &Transaction) -> rusqlite::Result<SetAside> {
    tx.execute_batch(SCRATCH)?;
    let mut kept = Vec::new();
    for name in SET_ASIDE {
        let sql: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
            "SELECT sql FROM main.sqlite_schema WHERE type = 'trigger' AND name = ?1",
            [name],
            |r| r.get(0),
        ))?;
        if let Some(sql) = sql {
            tx.execute_batch(&format!("DROP TRIGGER main.\"{name}\""))?;
            kept.push(sql);
        }
    }
    Ok(SetAside(kept))
}

impl SetAside {
    /// Creates the triggers again, exactly as they were, and drops the
    /// scratch tables.
    pub(super) fn restore(self, tx: &Transaction) -> rusqlite::Result<()> {
        tx.execute_batch(
            "DROP TABLE temp.merge_results; DROP TABLE temp.merge_indicators;
             DROP TABLE temp.merge_pairs; DROP TABLE temp.merge_starts;",
        )?;
        for sql in self.0 {
            tx.execute_batch(&sql)?;
        }
        Ok(())
    }
}

/// Before the bundle `b`'s events go in: empties the scratch tables, then
/// notes its quiz results and indicator events that are not here yet (the
/// only ones a trigger would have seen), in the bundle's order.
pub(super) fn note_new(tx: &Transaction, b: &str) -> rusqlite::Result<()> {
    tx.execute_batch(&format!(
        "DELETE FROM temp.merge_results;
         DELETE FROM temp.merge_indicators;
         DELETE FROM temp.merge_pairs;
         DELETE FROM temp.merge_starts;
         INSERT INTO temp.merge_results
             SELECT resident_id, module_id, score, passed, finished_at, rowid FROM {b}.quiz_results q
              WHERE NOT EXISTS (SELECT 1 FROM main.quiz_results m WHERE m.attempt_id = q.attempt_id);
         INSERT INTO temp.merge_indicators
             SELECT resident_id, indicator, reached, verified_at, rowid FROM {b}.indicator_events e
              WHERE NOT EXISTS (SELECT 1 FROM main.indicator_events m WHERE m.id = e.id);"
    ))
}

/// After the bundle `b`'s events went in: what the set-aside triggers
/// would have added for them.
pub(super) fn add(tx: &Transaction, b: &str) -> rusqlite::Result<()> {
    tx.execute_batch(QUIZ_TOTALS)?;
    tx.execute_batch(&format!(
        // seat_sessions_last_seen. Taking every session of the bundle, not
        // only new ones, changes nothing: an old one already counted.
        "INSERT INTO main.resident_stats (resident_id, last_seen)
             SELECT resident_id, max(started_at) FROM {b}.seat_sessions GROUP BY resident_id
             ON CONFLICT (resident_id) DO UPDATE SET
                 last_seen = max(coalesce(last_seen, excluded.last_seen), excluded.last_seen);
         -- step_views_first_page: first pages of modules not started here yet.
         INSERT INTO temp.merge_starts
             SELECT DISTINCT module_id, resident_id FROM {b}.step_views v
              WHERE step = 0 AND NOT EXISTS (SELECT 1 FROM main.module_starts s
                    WHERE s.module_id = v.module_id AND s.resident_id = v.resident_id);
         INSERT INTO main.module_stats (module_id)
             SELECT DISTINCT module_id FROM temp.merge_starts WHERE true
             ON CONFLICT (module_id) DO NOTHING;
         UPDATE main.module_stats AS m SET started = m.started + x.n
           FROM (SELECT module_id, count(*) AS n FROM temp.merge_starts GROUP BY module_id) AS x
          WHERE m.module_id = x.module_id;
         INSERT OR IGNORE INTO main.module_starts (module_id, resident_id)
             SELECT module_id, resident_id FROM temp.merge_starts;"
    ))?;
    tx.execute_batch(INDICATOR_LATEST)
}

/// quiz_results_totals for the new results in `temp.merge_results`. Each
/// (resident, module) pair is looked at before its totals change, as the
/// trigger does for each row: is it new to this resident, is it their
/// first pass.
const QUIZ_TOTALS: &str = "
INSERT INTO temp.merge_pairs
    SELECT resident_id, module_id, count(*), sum(passed),
           NOT EXISTS (SELECT 1 FROM main.resident_module_stats s
                        WHERE s.resident_id = n.resident_id AND s.module_id = n.module_id),
           max(passed) = 1 AND NOT EXISTS (SELECT 1 FROM main.resident_module_stats s
                        WHERE s.resident_id = n.resident_id AND s.module_id = n.module_id
                          AND s.passes > 0)
      FROM temp.merge_results n GROUP BY resident_id, module_id;
INSERT INTO main.resident_stats (resident_id)
    SELECT DISTINCT resident_id FROM temp.merge_results WHERE true
    ON CONFLICT (resident_id) DO NOTHING;
-- The newest result wins `last_*`; at equal times the later row, and a new
-- row over the one already here (the trigger compares with >=).
UPDATE main.resident_stats AS s SET
    attempts = s.attempts + x.attempts,
    modules_tried = s.modules_tried + x.tried,
    modules_done = s.modules_done + x.done,
    best_score = max(coalesce(s.best_score, x.best), x.best),
    last_module = CASE WHEN s.last_at IS NULL OR x.last_at >= s.last_at
                       THEN x.last_module ELSE s.last_module END,
    last_score = CASE WHEN s.last_at IS NULL OR x.last_at >= s.last_at
                      THEN x.last_score ELSE s.last_score END,
    last_at = max(coalesce(s.last_at, x.last_at), x.last_at)
  FROM (SELECT l.resident_id, l.best, l.finished_at AS last_at, l.module_id AS last_module,
               l.score AS last_score, l.attempts,
               (SELECT sum(tried) FROM temp.merge_pairs p WHERE p.resident_id = l.resident_id) AS tried,
               (SELECT sum(done) FROM temp.merge_pairs p WHERE p.resident_id = l.resident_id) AS done
          FROM (SELECT resident_id, module_id, score, finished_at,
                       ROW_NUMBER() OVER (PARTITION BY resident_id
                                          ORDER BY finished_at DESC, n DESC) AS k,
                       max(score) OVER (PARTITION BY resident_id) AS best,
                       count(*) OVER (PARTITION BY resident_id) AS attempts
                  FROM temp.merge_results) AS l
         WHERE l.k = 1) AS x
 WHERE s.resident_id = x.resident_id;
INSERT INTO main.module_stats (module_id)
    SELECT DISTINCT module_id FROM temp.merge_results WHERE true
    ON CONFLICT (module_id) DO NOTHING;
UPDATE main.module_stats AS m SET
    attempts = m.attempts + x.attempts,
    passed_attempts = m.passed_attempts + x.passes,
    score_sum = m.score_sum + x.scores,
    completed = m.completed + x.done
  FROM (SELECT module_id, sum(attempts) AS attempts, sum(passes) AS passes,
               sum(done) AS done,
               (SELECT sum(score) FROM temp.merge_results n WHERE n.module_id = p.module_id) AS scores
          FROM temp.merge_pairs p GROUP BY module_id) AS x
 WHERE m.module_id = x.module_id;
INSERT INTO main.resident_module_stats (resident_id, module_id, attempts, passes)
    SELECT resident_id, module_id, attempts, passes FROM temp.merge_pairs WHERE true
    ON CONFLICT (resident_id, module_id) DO UPDATE SET
        attempts = attempts + excluded.attempts, passes = passes + excluded.passes;
";

/// indicator_events_latest for the new events in `temp.merge_indicators`:
/// per resident and indicator the newest (at equal times the later row),
/// kept if it is at least as new as the one here.
const INDICATOR_LATEST: &str = "
INSERT INTO main.indicator_latest (resident_id, indicator, reached, verified_at)
    SELECT resident_id, indicator, reached, verified_at FROM (
        SELECT resident_id, indicator, reached, verified_at,
               ROW_NUMBER() OVER (PARTITION BY resident_id, indicator
                                  ORDER BY verified_at DESC, n DESC) AS k
          FROM temp.merge_indicators)
     WHERE k = 1
    ON CONFLICT (resident_id, indicator) DO UPDATE SET
        reached = excluded.reached, verified_at = excluded.verified_at
    WHERE excluded.verified_at >= indicator_latest.verified_at;
";

/// residents_rev_*: one step for the whole bundle, when any resident was
/// added, changed or erased (the counter only says "look again").
pub(super) fn bump_residents_rev(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "INSERT OR REPLACE INTO main.meta (key, value)
             SELECT 'residents_rev', CAST(coalesce(max(CAST(value AS INTEGER)), 0) + 1 AS TEXT)
               FROM main.meta WHERE key = 'residents_rev';",
    )
}
