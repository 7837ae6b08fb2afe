//! The Modules view: per module, how many started, completed and passed,
//! and the item analysis for one module (which questions confuse people and
//! which wrong answer they pick).

use std::collections::BTreeMap;

use crate::store::{Result, Store};

/// One module's figures over every recorded attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleStats {
    pub module_id: String,
    /// Residents who opened its first page.
    pub started: u32,
    /// Residents who passed its quiz.
    pub completed: u32,
    /// Finished quiz attempts.
    pub attempts: u32,
    /// Finished attempts that passed.
    pub passed_attempts: u32,
    /// Mean score of finished attempts, in percent.
    pub average_score: Option<f64>,
}

impl ModuleStats {
    /// Share of finished attempts that passed, in percent.
    pub fn pass_rate(&self) -> Option<f64> {
        (self.attempts > 0).then(|| 100.0 * self.passed_attempts as f64 / self.attempts as f64)
    }
}

/// How one question was answered.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionStats {
    pub question_id: String,
    pub answers: u32,
    pub correct: u32,
    /// The wrong response chosen most often (as `Response::encode` wrote
    /// it) and how many times; ties go to the smaller encoding.
    pub top_wrong: Option<(String, u32)>,
}

impl QuestionStats {
    /// Share answered correctly, in percent.
    pub fn correct_share(&self) -> f64 {
        if self.answers == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.answers as f64
        }
    }
}

/// Running totals per module (kept by triggers, migration 4).
pub(super) const SQL_MODULE_STATS: &str = "
    SELECT module_id, started, completed, attempts, passed_attempts, score_sum
    FROM module_stats ORDER BY module_id";

pub(super) const SQL_QUESTION_TOTALS: &str = "
    SELECT question_id, COUNT(*), SUM(correct) FROM quiz_answers WHERE module_id = ?1
    GROUP BY question_id";

pub(super) const SQL_QUESTION_WRONG: &str = "
    SELECT question_id, response, COUNT(*) FROM quiz_answers
    WHERE module_id = ?1 AND correct = 0 GROUP BY question_id, response
    ORDER BY question_id, response";

impl Store {
    /// Figures for every module that has any recorded activity, in id order.
    /// Modules nobody opened yet are absent (the screen shows them as 0).
    pub fn module_stats(&self) -> Result<Vec<ModuleStats>> {
        self.read(|conn| {
            let mut st = conn.prepare_cached(SQL_MODULE_STATS)?;
            let rows = st.query_map([], |r| {
                let attempts: u32 = r.get(3)?;
                let sum: i64 = r.get(5)?;
                Ok(ModuleStats {
                    module_id: r.get(0)?,
                    started: r.get(1)?,
                    completed: r.get(2)?,
                    attempts,
                    passed_attempts: r.get(4)?,
                    average_score: (attempts > 0).then(|| sum as f64 / f64::from(attempts)),
                })
            })?;
            rows.collect()
        })
    }

    /// Item analysis for one module: every question anyone answered, worst
    /// first (lowest share correct; then most answered; then id).
    pub fn question_stats(&self, module_id: &str) -> Result<Vec<QuestionStats>> {
        self.read(|conn| {
            let mut by_id: BTreeMap<String, QuestionStats> = BTreeMap::new();
            let mut st = conn.prepare_cached(SQL_QUESTION_TOTALS)?;
            let mut rows = st.query([module_id])?;
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                by_id.insert(
                    id.clone(),
                    QuestionStats {
                        question_id: id,
                        answers: r.get(1)?,
                        correct: r.get(2)?,
                        top_wrong: None,
                    },
                );
            }
            drop(rows);
            let mut st = conn.prepare_cached(SQL_QUESTION_WRONG)?;
            let mut rows = st.query([module_id])?;
            // Rows come sorted by (question, response), so a strict `>`
            // keeps the smaller encoding on a tie.
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                let response: String = r.get(1)?;
                let n: u32 = r.get(2)?;
                if let Some(q) = by_id.get_mut(&id)
                    && q.top_wrong.as_ref().is_none_or(|(_, best)| n > *best)
                {
                    q.top_wrong = Some((response, n));
                }
            }
            drop(rows);
            let mut out: Vec<QuestionStats> = by_id.into_values().collect();
            // Compare shares exactly as fractions: a/b < c/d  <=>  a*d < c*b.
            out.sort_by(|x, y| {
                (u64::from(x.correct) * u64::from(y.answers))
                    .cmp(&(u64::from(y.correct) * u64::from(x.answers)))
                    .then(y.answers.cmp(&x.answers))
                    .then(x.question_id.cmp(&y.question_id))
            });
            Ok(out)
        })
    }
}
