//! The questions of a lesson file (`[[quiz]]`): their kind, choices and
//! answer key, checked against each other (an answer must be one of the
//! choices, a true-false question has none, …).

use std::collections::HashMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::diag::closest;
use super::parse::{Val, Walker, describe, get};
use super::plain;
use super::texts::Name;
use super::{Answer, Question, QuestionKind, Text};

const QUESTION_KEYS: &[&str] = &["id", "kind", "question", "choices", "answer", "explanation"];
const KINDS: &[&str] = &["single", "multi", "true-false", "order"];

impl Walker<'_> {
    pub(super) fn question(&mut self, n: usize, v: &Val<'_>) -> Option<Question> {
        let DeValue::Table(t) = v.get_ref() else {
            self.sink.error(
                v.span(),
                format!(
                    "question {n}: a question must be a table of keys (id, kind, …), not {}",
                    describe(v.get_ref())
                ),
            );
            return None;
        };
        let span = v.span();
        let start = span.start..span.start;
        let id_val = get(t, "id");
        let id = match id_val {
            Some(iv) => self.slug(iv, &format!("question {n}: "), "id"),
            None => None,
        };
        if let (Some(id), Some(iv)) = (&id, id_val) {
            // Checked here, as each question is read, so the report comes
            // in its place among the question's other problems.
            match self.question_ids.get(id) {
                Some(first) => self.sink.error(
                    iv.span(),
                    format!("question {n}: id {id:?} is already used by question {first}; each question needs its own id"),
                ),
                None => {
                    self.question_ids.insert(id.clone(), n);
                }
            }
        }
        let ctx = match &id {
            Some(id) => format!("question {n} ({id:?}): "),
            None => format!("question {n}: "),
        };
        if id_val.is_none() {
            self.missing(
                start.clone(),
                format!("{ctx}`id` is missing: add a short name, e.g. id = \"where\""),
            );
        }
        self.unknown_keys(t, QUESTION_KEYS, &ctx);
        let kind = match get(t, "kind") {
            Some(kv) => match self.string(kv, &ctx, "kind") {
                Some(k) => match QuestionKind::parse(&k) {
                    Some(kind) => Some(kind),
                    None => {
                        let shown: String = k.chars().take(40).collect();
                        let hint = match closest(&k, KINDS) {
                            Some(c) => format!("did you mean \"{c}\"?"),
                            None => "use \"single\", \"multi\", \"true-false\" or \"order\"".into(),
                        };
                        self.sink.error(
                            kv.span(),
                            format!("{ctx}unknown question kind {shown:?}; {hint}"),
                        );
                        None
                    }
                },
                None => None,
            },
            None => {
                self.missing(
                    start.clone(),
                    format!("{ctx}`kind` is missing: add kind = \"single\", \"multi\", \"true-false\" or \"order\""),
                );
                None
            }
        };
        let prompt = self.required_text(t, &start, &ctx, "question");
        let explanation = self.required_text(t, &start, &ctx, "explanation");
        let choices = self.choices(t, &start, &ctx, kind);
        let answer = self.answer(t, &start, &ctx, kind, choices.as_ref().map(Vec::len));
        Some(Question {
            id: id?,
            kind: kind?,
            prompt: prompt?,
            choices: choices?,
            answer: answer?,
            explanation: explanation?,
        })
    }

    /// The choices; `Some(vec![])` for a true-false question.
    fn choices(
        &mut self,
        t: &DeTable<'_>,
        start: &Range<usize>,
        ctx: &str,
        kind: Option<QuestionKind>,
    ) -> Option<Vec<Text>> {
        let Some(v) = get(t, "choices") else {
            if kind == Some(QuestionKind::TrueFalse) {
                return Some(Vec::new());
            }
            if kind.is_some() {
                self.missing(
                    start.clone(),
                    format!("{ctx}`choices` is missing: add choices = [ {{ vi = \"…\", en = \"…\" }}, … ]"),
                );
            }
            return None;
        };
        if kind == Some(QuestionKind::TrueFalse) {
            self.sink.error(
                v.span(),
                format!("{ctx}a true-false question has no `choices` (the kiosk shows Đúng / Sai): remove them, or use kind = \"single\""),
            );
            return None;
        }
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(
                v,
                ctx,
                "choices",
                "a list such as [ { vi = \"…\", en = \"…\" }, … ]",
            );
            return None;
        };
        let mut texts = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.text(item, ctx, Name::Choice(i + 1)) {
                Some(text) => texts.push((text, item.span())),
                None => ok = false,
            }
        }
        let min = if kind == Some(QuestionKind::Order) {
            3
        } else {
            2
        };
        if items.len() < min {
            let what = if kind == Some(QuestionKind::Order) {
                "an order question needs at least 3 steps to put in order"
            } else {
                "a question needs at least 2 choices"
            };
            self.sink.error(
                v.span(),
                format!("{ctx}`choices` has {}: {what}", items.len()),
            );
            ok = false;
        }
        if items.len() > plain::MAX_CHOICES {
            self.sink.warning(
                v.span(),
                format!(
                    "{ctx}{} choices are a lot to read; aim for at most {}",
                    items.len(),
                    plain::MAX_CHOICES
                ),
            );
        }
        // Two choices alike cannot both be right or wrong in a way a learner
        // could tell apart; compare per language, ignoring outer spaces
        // (texts are already NFC and trimmed).
        for (lang, pick) in [("Vietnamese", 0), ("English", 1)] {
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (j, (t, span)) in texts.iter().enumerate() {
                let Some(text) = (if pick == 0 {
                    Some(t.vi.as_str())
                } else {
                    t.en.as_deref()
                }) else {
                    continue;
                };
                match seen.get(text) {
                    Some(i) => {
                        self.sink.error(
                            span.clone(),
                            format!(
                                "{ctx}choices {} and {} are the same in {lang}: {text:?}",
                                i + 1,
                                j + 1
                            ),
                        );
                        ok = false;
                    }
                    None => {
                        seen.insert(text, j);
                    }
                }
            }
        }
        ok.then(|| texts.into_iter().map(|(t, _)| t).collect())
    }

    fn answer(
        &mut self,
        t: &DeTable<'_>,
        start: &Range<usize>,
        ctx: &str,
        kind: Option<QuestionKind>,
        count: Option<usize>,
    ) -> Option<Answer> {
        let v = get(t, "answer");
        let kind = kind?;
        let Some(v) = v else {
            let hint = match kind {
                QuestionKind::Single => {
                    "answer = 2 (the number of the right choice, counting from 1)"
                }
                QuestionKind::Multi => "answer = [1, 3] (the numbers of every right choice)",
                QuestionKind::TrueFalse => "answer = true or answer = false",
                QuestionKind::Order => return Some(Answer::Order),
            };
            self.missing(
                start.clone(),
                format!("{ctx}`answer` is missing: add {hint}"),
            );
            return None;
        };
        match kind {
            QuestionKind::Order => {
                self.sink.error(
                    v.span(),
                    format!("{ctx}an order question has no `answer`: write the choices in the right order and remove `answer`"),
                );
                None
            }
            QuestionKind::TrueFalse => match v.get_ref() {
                DeValue::Boolean(b) => Some(Answer::TrueFalse(*b)),
                _ => {
                    self.wrong_type(v, ctx, "answer", "true or false (without quotes)");
                    None
                }
            },
            QuestionKind::Single => {
                if matches!(v.get_ref(), DeValue::Array(_)) {
                    self.sink.error(
                        v.span(),
                        format!("{ctx}`answer` of a single-choice question is one number, e.g. answer = 2; for several right choices use kind = \"multi\""),
                    );
                    return None;
                }
                let n = self.integer(v, ctx, "answer")?;
                Some(Answer::Single(self.choice_number(v, ctx, n, count?)?))
            }
            QuestionKind::Multi => {
                let DeValue::Array(items) = v.get_ref() else {
                    self.wrong_type(
                        v,
                        ctx,
                        "answer",
                        "a list of choice numbers, e.g. answer = [1, 3]",
                    );
                    return None;
                };
                if items.is_empty() {
                    self.sink.error(
                        v.span(),
                        format!("{ctx}`answer` is empty: a select-all question needs at least one right choice, e.g. answer = [1, 3]"),
                    );
                    return None;
                }
                let mut picked = Vec::new();
                let mut is_picked = vec![false; count.unwrap_or(0)];
                let mut ok = true;
                for item in items.iter() {
                    let Some(n) = self.integer(item, ctx, "answer") else {
                        ok = false;
                        continue;
                    };
                    let Some(c) = count else {
                        ok = false;
                        continue;
                    };
                    match self.choice_number(item, ctx, n, c) {
                        Some(i) if is_picked[i] => {
                            self.sink
                                .error(item.span(), format!("{ctx}`answer` lists {n} twice"));
                            ok = false;
                        }
                        Some(i) => {
                            is_picked[i] = true;
                            picked.push(i);
                        }
                        None => ok = false,
                    }
                }
                picked.sort_unstable();
                ok.then_some(Answer::Multi(picked))
            }
        }
    }

    /// A 1-based choice number from the file → a 0-based index.
    fn choice_number(&mut self, v: &Val<'_>, ctx: &str, n: i64, count: usize) -> Option<usize> {
        if n < 1 || n > count as i64 {
            let msg = if n < 1 {
                format!(
                    "{ctx}`answer` is {n}, but choices are counted from 1 (the first choice is 1)"
                )
            } else {
                format!("{ctx}`answer` is {n} but there are only {count} choices")
            };
            self.sink.error(v.span(), msg);
            return None;
        }
        Some(n as usize - 1)
    }
}
