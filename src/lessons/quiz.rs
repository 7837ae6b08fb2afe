//! The questions of a lesson file (`[[quiz]]`): their kind, choices and
//! answer key, checked against each other (an answer must be one of the
//! choices, a true-false question has none, …).

use std::collections::HashMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::diag::closest;
use super::parse::{Val, Walker, get};
use super::plain;
use super::texts::Name;
use super::{Answer, Question, QuestionKind, Text};
use crate::i18n::fill;

const QUESTION_KEYS: &[&str] = &["id", "kind", "question", "choices", "answer", "explanation"];
const KINDS: &[&str] = &["single", "multi", "true-false", "order"];
/// The kinds as an author writes them, for "… or …" in either language.
const KINDS_LIST: &str = "\"single\", \"multi\", \"true-false\"";
const KINDS_LAST: &str = "\"order\"";
/// How choices are written.
const CHOICES_EXAMPLE: &str = "[ { vi = \"…\", en = \"…\" }, … ]";

impl Walker<'_> {
    pub(super) fn question(&mut self, n: usize, v: &Val<'_>) -> Option<Question> {
        let tx = self.t();
        let plain_ctx = fill(tx.les_ctx_question, &[("n", &n)]);
        let DeValue::Table(t) = v.get_ref() else {
            let found = self.kind_of(v.get_ref());
            let message = fill(
                tx.les_question_not_table,
                &[("ctx", &plain_ctx), ("found", &found)],
            );
            self.sink.error(v.span(), message);
            return None;
        };
        let span = v.span();
        let start = span.start..span.start;
        let id_val = get(t, "id");
        let id = match id_val {
            Some(iv) => self.slug(iv, &plain_ctx, "id"),
            None => None,
        };
        if let (Some(id), Some(iv)) = (&id, id_val) {
            // Checked here, as each question is read, so the report comes
            // in its place among the question's other problems.
            match self.question_ids.get(id) {
                Some(first) => {
                    let message = fill(
                        tx.les_question_id_taken,
                        &[
                            ("ctx", &plain_ctx),
                            ("id", &format!("{id:?}")),
                            ("first", first),
                        ],
                    );
                    self.sink.error(iv.span(), message);
                }
                None => {
                    self.question_ids.insert(id.clone(), n);
                }
            }
        }
        let ctx = match &id {
            Some(id) => fill(
                tx.les_ctx_question_id,
                &[("n", &n), ("id", &format!("{id:?}"))],
            ),
            None => plain_ctx.clone(),
        };
        if id_val.is_none() {
            let message = fill(
                tx.les_question_id_missing,
                &[("ctx", &ctx), ("example", &"id = \"where\"")],
            );
            self.missing(start.clone(), message);
        }
        self.unknown_keys(t, QUESTION_KEYS, &ctx);
        let kind = match get(t, "kind") {
            Some(kv) => match self.string(kv, &ctx, "kind") {
                Some(k) => match QuestionKind::parse(&k) {
                    Some(kind) => Some(kind),
                    None => {
                        let shown: String = k.chars().take(40).collect();
                        let hint = match closest(&k, KINDS) {
                            Some(c) => fill(tx.les_did_you_mean, &[("value", &format!("{c:?}"))]),
                            None => fill(
                                tx.les_kinds,
                                &[("list", &KINDS_LIST), ("last", &KINDS_LAST)],
                            ),
                        };
                        let message = fill(
                            tx.les_unknown_kind,
                            &[
                                ("ctx", &ctx),
                                ("value", &format!("{shown:?}")),
                                ("hint", &hint),
                            ],
                        );
                        self.sink.error(kv.span(), message);
                        None
                    }
                },
                None => None,
            },
            None => {
                let message = fill(
                    tx.les_kind_missing,
                    &[("ctx", &ctx), ("list", &KINDS_LIST), ("last", &KINDS_LAST)],
                );
                self.missing(start.clone(), message);
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
        let tx = self.t();
        let Some(v) = get(t, "choices") else {
            if kind == Some(QuestionKind::TrueFalse) {
                return Some(Vec::new());
            }
            if kind.is_some() {
                let message = fill(
                    tx.les_choices_missing,
                    &[
                        ("ctx", &ctx),
                        ("example", &format!("choices = {CHOICES_EXAMPLE}")),
                    ],
                );
                self.missing(start.clone(), message);
            }
            return None;
        };
        if kind == Some(QuestionKind::TrueFalse) {
            let message = fill(
                tx.les_true_false_choices,
                &[("ctx", &ctx), ("example", &"kind = \"single\"")],
            );
            self.sink.error(v.span(), message);
            return None;
        }
        let DeValue::Array(items) = v.get_ref() else {
            let want = fill(tx.les_want_choices, &[("example", &CHOICES_EXAMPLE)]);
            self.wrong_type(v, ctx, "choices", &want);
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
                tx.les_order_needs
            } else {
                tx.les_choices_needed
            };
            let message = fill(
                tx.les_too_few_choices,
                &[("ctx", &ctx), ("n", &items.len()), ("what", &what)],
            );
            self.sink.error(v.span(), message);
            ok = false;
        }
        if items.len() > plain::MAX_CHOICES {
            let message = fill(
                tx.les_many_choices,
                &[
                    ("ctx", &ctx),
                    ("n", &items.len()),
                    ("max", &plain::MAX_CHOICES),
                ],
            );
            self.sink.warning(v.span(), message);
        }
        // Two choices alike cannot both be right or wrong in a way a learner
        // could tell apart; compare per language, ignoring outer spaces
        // (texts are already NFC and trimmed).
        for (lang, pick) in [(tx.les_lang_vi, 0), (tx.les_lang_en, 1)] {
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
                        let message = fill(
                            tx.les_same_choices,
                            &[
                                ("ctx", &ctx),
                                ("a", &(i + 1)),
                                ("b", &(j + 1)),
                                ("lang", &lang),
                                ("text", &format!("{text:?}")),
                            ],
                        );
                        self.sink.error(span.clone(), message);
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
        let tx = self.t();
        let v = get(t, "answer");
        let kind = kind?;
        let Some(v) = v else {
            let hint = match kind {
                QuestionKind::Single => {
                    fill(tx.les_answer_single_hint, &[("example", &"answer = 2")])
                }
                QuestionKind::Multi => {
                    fill(tx.les_answer_multi_hint, &[("example", &"answer = [1, 3]")])
                }
                QuestionKind::TrueFalse => fill(
                    tx.les_answer_tf_hint,
                    &[("yes", &"answer = true"), ("no", &"answer = false")],
                ),
                QuestionKind::Order => return Some(Answer::Order),
            };
            let message = fill(tx.les_answer_missing, &[("ctx", &ctx), ("hint", &hint)]);
            self.missing(start.clone(), message);
            return None;
        };
        match kind {
            QuestionKind::Order => {
                let message = fill(tx.les_order_has_answer, &[("ctx", &ctx)]);
                self.sink.error(v.span(), message);
                None
            }
            QuestionKind::TrueFalse => match v.get_ref() {
                DeValue::Boolean(b) => Some(Answer::TrueFalse(*b)),
                _ => {
                    self.wrong_type(v, ctx, "answer", tx.les_want_bool_bare);
                    None
                }
            },
            QuestionKind::Single => {
                if matches!(v.get_ref(), DeValue::Array(_)) {
                    let message = fill(
                        tx.les_single_is_one,
                        &[
                            ("ctx", &ctx),
                            ("example", &"answer = 2"),
                            ("multi", &"kind = \"multi\""),
                        ],
                    );
                    self.sink.error(v.span(), message);
                    return None;
                }
                let n = self.integer(v, ctx, "answer")?;
                Some(Answer::Single(self.choice_number(v, ctx, n, count?)?))
            }
            QuestionKind::Multi => {
                let DeValue::Array(items) = v.get_ref() else {
                    let want = fill(tx.les_want_numbers, &[("example", &"answer = [1, 3]")]);
                    self.wrong_type(v, ctx, "answer", &want);
                    return None;
                };
                if items.is_empty() {
                    let message = fill(
                        tx.les_multi_empty,
                        &[("ctx", &ctx), ("example", &"answer = [1, 3]")],
                    );
                    self.sink.error(v.span(), message);
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
                            let message = fill(tx.les_answer_twice, &[("ctx", &ctx), ("n", &n)]);
                            self.sink.error(item.span(), message);
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
            let tx = self.t();
            let msg = if n < 1 {
                fill(tx.les_answer_from_one, &[("ctx", &ctx), ("n", &n)])
            } else {
                fill(
                    tx.les_answer_too_big,
                    &[("ctx", &ctx), ("n", &n), ("count", &count)],
                )
            };
            self.sink.error(v.span(), msg);
            return None;
        }
        Some(n as usize - 1)
    }
}
