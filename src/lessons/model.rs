//! The in-memory form of a lesson module, after loading and validation.
//! Everything here is already checked and NFC-normalised: the kiosk never has
//! to second-guess a `Module`. Indices are 0-based here (files are 1-based).

use std::path::PathBuf;

use crate::i18n::Lang;

/// A text in both languages. Vietnamese is required; English falls back to
/// Vietnamese when a module has none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub vi: String,
    pub en: Option<String>,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => self.en.as_deref().unwrap_or(&self.vi),
        }
    }
}

/// One lesson module: a few pages, then a quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// Stable slug; progress in the database refers to it.
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub minutes: u32,
    /// Display order on the home screen (then by id).
    pub order: i64,
    /// Ids of modules to finish first.
    pub prerequisites: Vec<String>,
    /// Campaign indicator ids this module supports.
    pub indicators: Vec<String>,
    /// Percentage of correct answers needed to pass (0-100).
    pub pass_percent: u8,
    /// Show single and select-all choices in a shuffled order.
    pub shuffle_choices: bool,
    pub steps: Vec<Step>,
    pub quiz: Vec<Question>,
    /// The file it came from.
    pub source: PathBuf,
}

impl Module {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.quiz.iter().find(|q| q.id == id)
    }
}

/// One page of a lesson.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Step {
    pub text: Text,
    pub tip: Option<Text>,
    pub warning: Option<Text>,
    /// "Try it on your phone": the learner confirms with a key.
    pub practice: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuestionKind {
    /// Pick one choice.
    Single,
    /// Select all that apply.
    Multi,
    /// True or false; no choices are written.
    TrueFalse,
    /// Put the steps in order; choices are written in the right order.
    Order,
}

impl QuestionKind {
    pub fn parse(s: &str) -> Option<QuestionKind> {
        match s {
            "single" => Some(QuestionKind::Single),
            "multi" => Some(QuestionKind::Multi),
            "true-false" => Some(QuestionKind::TrueFalse),
            "order" => Some(QuestionKind::Order),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multi => "multi",
            QuestionKind::TrueFalse => "true-false",
            QuestionKind::Order => "order",
        }
    }
}

/// The answer key, written once for all languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Single(usize),
    /// Sorted, no duplicates, at least one.
    Multi(Vec<usize>),
    TrueFalse(bool),
    /// The choices as written are the right order.
    Order,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Unique within the module; answers in the database refer to it.
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: Text,
    /// Empty for true/false.
    pub choices: Vec<Text>,
    pub answer: Answer,
    pub explanation: Text,
}

/// What a learner answered, in terms of the choices as written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Single(usize),
    Multi(Vec<usize>),
    TrueFalse(bool),
    /// Choice indices in the order the learner put them.
    Order(Vec<usize>),
}

impl Question {
    /// Whether `response` is right. A response of the wrong kind is wrong.
    pub fn is_correct(&self, response: &Response) -> bool {
        match (&self.answer, response) {
            (Answer::Single(a), Response::Single(r)) => a == r,
            (Answer::Multi(a), Response::Multi(r)) => {
                let mut r = r.clone();
                r.sort_unstable();
                r.dedup();
                *a == r
            }
            (Answer::TrueFalse(a), Response::TrueFalse(r)) => a == r,
            (Answer::Order, Response::Order(r)) => {
                r.len() == self.choices.len() && r.iter().enumerate().all(|(i, c)| i == *c)
            }
            _ => false,
        }
    }
}

impl Response {
    /// A compact, stable text form for the database: `2`, `1,3`, `true`,
    /// `3,1,2` (0-based choice indices as written in the file).
    pub fn encode(&self) -> String {
        let join = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
        match self {
            Response::Single(i) => i.to_string(),
            Response::Multi(v) | Response::Order(v) => join(v),
            Response::TrueFalse(b) => b.to_string(),
        }
    }

    /// The inverse of [`Response::encode`] for a question of `kind`.
    pub fn decode(kind: QuestionKind, s: &str) -> Option<Response> {
        let list = || -> Option<Vec<usize>> {
            if s.is_empty() {
                return Some(Vec::new());
            }
            s.split(',').map(|p| p.trim().parse().ok()).collect()
        };
        match kind {
            QuestionKind::Single => s.trim().parse().ok().map(Response::Single),
            QuestionKind::Multi => list().map(Response::Multi),
            QuestionKind::TrueFalse => s.trim().parse().ok().map(Response::TrueFalse),
            QuestionKind::Order => list().map(Response::Order),
        }
    }
}

/// The percentage score for `correct` of `total`, rounded down, so that a
/// pass is never granted by rounding.
pub fn score_percent(correct: usize, total: usize) -> u8 {
    if total == 0 {
        return 0;
    }
    ((correct * 100) / total) as u8
}

/// The fewest right answers out of `total` that pass at `pass_percent`,
/// with the same rounding as [`score_percent`], so a learner told "at
/// least 4 of 5" really passes with 4 (80 % of 5 is 4; 70 % of 3 needs all
/// 3, since 2 of 3 is 66 %).
pub fn pass_count(pass_percent: u8, total: usize) -> usize {
    (0..=total)
        .find(|&k| score_percent(k, total) >= pass_percent)
        .unwrap_or(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(kind: QuestionKind, answer: Answer, n: usize) -> Question {
        Question {
            id: "q".into(),
            kind,
            prompt: Text::default(),
            choices: vec![Text::default(); n],
            answer,
            explanation: Text::default(),
        }
    }

    #[test]
    fn grading_each_kind() {
        let single = q(QuestionKind::Single, Answer::Single(1), 3);
        assert!(single.is_correct(&Response::Single(1)));
        assert!(!single.is_correct(&Response::Single(0)));
        let multi = q(QuestionKind::Multi, Answer::Multi(vec![0, 2]), 4);
        assert!(multi.is_correct(&Response::Multi(vec![2, 0])));
        assert!(!multi.is_correct(&Response::Multi(vec![0])));
        assert!(!multi.is_correct(&Response::Multi(vec![0, 1, 2])));
        let tf = q(QuestionKind::TrueFalse, Answer::TrueFalse(false), 0);
        assert!(tf.is_correct(&Response::TrueFalse(false)));
        assert!(!tf.is_correct(&Response::Single(0)));
        let order = q(QuestionKind::Order, Answer::Order, 3);
        assert!(order.is_correct(&Response::Order(vec![0, 1, 2])));
        assert!(!order.is_correct(&Response::Order(vec![1, 0, 2])));
        assert!(!order.is_correct(&Response::Order(vec![0, 1])));
    }

    #[test]
    fn responses_round_trip() {
        let cases = [
            (QuestionKind::Single, Response::Single(3)),
            (QuestionKind::Multi, Response::Multi(vec![0, 2])),
            (QuestionKind::TrueFalse, Response::TrueFalse(true)),
            (QuestionKind::Order, Response::Order(vec![2, 0, 1])),
        ];
        for (kind, r) in cases {
            assert_eq!(Response::decode(kind, &r.encode()), Some(r));
        }
        assert_eq!(Response::decode(QuestionKind::Single, "x"), None);
    }

    #[test]
    fn score_rounds_down() {
        assert_eq!(score_percent(4, 5), 80);
        assert_eq!(score_percent(2, 3), 66);
        assert_eq!(score_percent(0, 0), 0);
    }

    #[test]
    fn pass_count_is_the_fewest_right_answers_that_pass() {
        for (pass, total, need) in [
            (80, 5, 4),
            (75, 4, 3),
            (70, 3, 3),
            (67, 3, 3),
            (66, 3, 2),
            (50, 5, 3),
            (100, 7, 7),
            (0, 4, 0),
            (80, 1, 1),
        ] {
            assert_eq!(pass_count(pass, total), need, "{pass}% of {total}");
            assert!(score_percent(need, total) >= pass, "{need} passes");
        }
    }
}
