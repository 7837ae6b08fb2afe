//! One lesson file's text → one [`Module`], reporting every problem in it.
//!
//! The TOML is parsed with `DeTable::parse_recoverable`, which keeps going
//! after a syntax error and gives every key and value its byte span. We then
//! walk that tree by hand instead of deriving `Deserialize`: serde stops at
//! the first problem, and authors need all of them, each with its line,
//! column and key. Cross-file rules (duplicate module ids, prerequisites)
//! are checked later by `load`, from the id and prerequisites recorded here.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use std::collections::HashMap;
use std::fmt::Display;

use super::diag::{Sink, closest, unknown_key_message};
use super::plain;
use super::texts::Name;
use super::{Diagnostic, Module, Step, Text};
use crate::i18n::{Lang, Texts, fill, texts};
use crate::text::nfc;

pub(super) type Val<'i> = Spanned<DeValue<'i>>;

const MODULE_KEYS: &[&str] = &[
    "id",
    "order",
    "minutes",
    "title",
    "summary",
    "prerequisites",
    "indicators",
    "pass_percent",
    "shuffle_choices",
    "steps",
    "quiz",
];
const STEP_KEYS: &[&str] = &["text", "tip", "warning", "practice"];

/// The default share of right answers needed to pass.
pub const DEFAULT_PASS_PERCENT: u8 = 80;
/// The most prerequisites or indicators one module may list.
pub const MAX_LIST: usize = 50;
/// The most minutes a module may claim.
pub const MAX_MINUTES: i64 = 240;

/// A value together with its position in the file (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub line: usize,
    pub col: usize,
}

/// What one file yielded.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The module, when the file has no errors (warnings are fine).
    pub module: Option<Module>,
    /// Every problem found in the file, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// How many of the problems are errors.
    pub errors: usize,
    /// The module id, when one is written and valid, even if the file has
    /// other errors: duplicates across files are still worth reporting.
    pub id: Option<Located<String>>,
    /// Prerequisite ids as written (valid slugs only).
    pub prerequisites: Vec<Located<String>>,
}

/// Validates the text of one lesson file, with messages in English.
/// `path` only names the file in diagnostics; `indicators` are the
/// indicator ids `kiosk.toml` allows.
pub fn load_str(path: &Path, text: &str, indicators: &[String]) -> FileReport {
    load_str_in(path, text, indicators, Lang::En)
}

/// [`load_str`] with the messages in `lang`.
pub fn load_str_in(path: &Path, text: &str, indicators: &[String], lang: Lang) -> FileReport {
    let t = texts(lang);
    // A byte-order mark (Windows Notepad writes one) is not part of the
    // TOML; dropping it keeps the columns of the first line right.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (root, syntax) = DeTable::parse_recoverable(text);
    let mut w = Walker {
        sink: Sink::new(path, text, t),
        text,
        indicators,
        syntax_errors: !syntax.is_empty(),
        file_is_nfc: crate::text::is_nfc(text),
        texts: 0,
        missing_en: Vec::new(),
        page_words: [0, 0],
        id: None,
        prerequisites: Vec::new(),
        question_ids: HashMap::new(),
    };
    for e in &syntax {
        let span = e.span().unwrap_or(0..0);
        let detail = e.message().trim();
        w.sink
            .error(span, fill(t.les_toml_syntax, &[("detail", &detail)]));
    }
    let module = if root.get_ref().is_empty() && syntax.is_empty() {
        w.sink.error(0..0, t.les_empty_file);
        None
    } else {
        w.module(root.get_ref(), root.span(), path)
    };
    let errors = w.sink.errors();
    FileReport {
        module: if errors == 0 { module } else { None },
        errors,
        id: w.id,
        prerequisites: w.prerequisites,
        diagnostics: w.sink.finish(),
    }
}

pub(super) struct Walker<'a> {
    pub(super) sink: Sink<'a>,
    pub(super) text: &'a str,
    pub(super) indicators: &'a [String],
    /// With a syntax error the tree is only a best effort: a key may be
    /// absent because its line failed to parse, so "missing" errors would
    /// only mislead and are not reported.
    pub(super) syntax_errors: bool,
    /// Whether the whole file is NFC already (then strings taken from it
    /// as they are need no normalising).
    pub(super) file_is_nfc: bool,
    /// Texts seen, and the ones without English (position and name).
    pub(super) texts: usize,
    pub(super) missing_en: Vec<(Range<usize>, String)>,
    /// Words of every text read since the last reset, [Vietnamese,
    /// English]: `step` resets it to count the words on one page (counted
    /// while the texts are read, so they are scanned only once).
    pub(super) page_words: [usize; 2],
    pub(super) id: Option<Located<String>>,
    pub(super) prerequisites: Vec<Located<String>>,
    /// Each question id seen and the number of the question that has it,
    /// also from questions with other errors, so a repeat is always caught.
    pub(super) question_ids: HashMap<String, usize>,
}

pub(super) fn get<'t, 'i>(table: &'t DeTable<'i>, name: &str) -> Option<&'t Val<'i>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == name)
        .map(|(_, v)| v)
}

/// What a value is, in words an author understands, in `t`'s language.
fn describe(t: &'static Texts, v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => t.les_kind_text,
        DeValue::Integer(_) => t.les_kind_whole,
        DeValue::Float(_) => t.les_kind_decimal,
        DeValue::Boolean(_) => t.les_kind_bool,
        DeValue::Datetime(_) => t.les_kind_date,
        DeValue::Array(_) => t.les_kind_list,
        DeValue::Table(_) => t.les_kind_table,
    }
}

impl<'a> Walker<'a> {
    /// The language messages are written in.
    pub(super) fn t(&self) -> &'static Texts {
        self.sink.t
    }

    /// What `v` is, in the messages' language.
    pub(super) fn kind_of(&self, v: &DeValue<'_>) -> &'static str {
        describe(self.t(), v)
    }

    fn located(&self, span: &Range<usize>, value: String) -> Located<String> {
        let (line, col) = self.sink.position(span.start);
        Located { value, line, col }
    }

    /// Reports every key of `table` not in `known`; `ctx` says where (it is
    /// only formatted when there is something to report).
    pub(super) fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&str], ctx: &dyn Display) {
        for (k, _) in table.iter() {
            let key: &str = k.get_ref();
            if !known.contains(&key) {
                let msg = unknown_key_message(self.t(), key, known);
                self.sink.error(k.span(), format!("{ctx}{msg}"));
            }
        }
    }

    pub(super) fn missing(&mut self, span: Range<usize>, message: String) {
        if !self.syntax_errors {
            self.sink.error(span, message);
        }
    }

    pub(super) fn wrong_type(&mut self, v: &Val<'_>, ctx: &str, key: &str, want: &str) {
        let found = self.kind_of(v.get_ref());
        let message = fill(
            self.t().les_wrong_type,
            &[
                ("ctx", &ctx),
                ("key", &key),
                ("want", &want),
                ("found", &found),
            ],
        );
        self.sink.error(v.span(), message);
    }

    pub(super) fn string(&mut self, v: &Val<'_>, ctx: &str, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(nfc(s)),
            _ => {
                self.wrong_type(v, ctx, key, self.t().les_kind_text);
                None
            }
        }
    }

    pub(super) fn integer(&mut self, v: &Val<'_>, ctx: &str, key: &str) -> Option<i64> {
        match v.get_ref() {
            DeValue::Integer(i) => {
                let digits: String = i.as_str().chars().filter(|c| *c != '_').collect();
                match i64::from_str_radix(&digits, i.radix()) {
                    Ok(n) => Some(n),
                    Err(_) => {
                        let message = fill(self.t().les_too_large, &[("ctx", &ctx), ("key", &key)]);
                        self.sink.error(v.span(), message);
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(v, ctx, key, self.t().les_kind_whole);
                None
            }
        }
    }

    pub(super) fn in_range(
        &mut self,
        v: &Val<'_>,
        ctx: &str,
        key: &str,
        lo: i64,
        hi: i64,
    ) -> Option<i64> {
        let n = self.integer(v, ctx, key)?;
        if n < lo || n > hi {
            let message = fill(
                self.t().les_out_of_range,
                &[
                    ("ctx", &ctx),
                    ("key", &key),
                    ("n", &n),
                    ("lo", &lo),
                    ("hi", &hi),
                ],
            );
            self.sink.error(v.span(), message);
            return None;
        }
        Some(n)
    }

    pub(super) fn slug(&mut self, v: &Val<'_>, ctx: &str, key: &str) -> Option<String> {
        let s = self.string(v, ctx, key)?;
        if !crate::config::is_slug(&s) {
            let shown: String = s.chars().take(40).collect();
            let message = fill(
                self.t().les_not_slug,
                &[
                    ("ctx", &ctx),
                    ("key", &key),
                    ("value", &format!("{shown:?}")),
                ],
            );
            self.sink.error(v.span(), message);
            return None;
        }
        Some(s)
    }

    /// A list of slugs (prerequisites, indicators). Repeats are dropped with
    /// a warning.
    fn slug_list(&mut self, v: &Val<'_>, key: &str) -> Vec<(String, Range<usize>)> {
        let DeValue::Array(items) = v.get_ref() else {
            let want = fill(
                self.t().les_want_slug_list,
                &[("example", &"[\"a\", \"b\"]")],
            );
            self.wrong_type(v, "", key, &want);
            return Vec::new();
        };
        // A real module needs a handful; a limit keeps a hostile file from
        // making the cross-file checks slow.
        if items.len() > MAX_LIST {
            let message = fill(
                self.t().les_list_too_long,
                &[("key", &key), ("n", &items.len()), ("max", &MAX_LIST)],
            );
            self.sink.error(v.span(), message);
            return Vec::new();
        }
        let mut out: Vec<(String, Range<usize>)> = Vec::new();
        for item in items.iter() {
            let Some(s) = self.slug(item, "", key) else {
                continue;
            };
            if out.iter().any(|(o, _)| *o == s) {
                let message = fill(
                    self.t().les_listed_twice,
                    &[("key", &key), ("value", &format!("{s:?}"))],
                );
                self.sink.warning(item.span(), message);
                continue;
            }
            out.push((s, item.span()));
        }
        out
    }

    fn module(
        &mut self,
        root: &DeTable<'_>,
        root_span: Range<usize>,
        path: &Path,
    ) -> Option<Module> {
        self.unknown_keys(root, MODULE_KEYS, &"");
        let start = root_span.start..root_span.start;

        let id = match get(root, "id") {
            Some(v) => {
                let id = self.slug(v, "", "id");
                if let Some(id) = &id {
                    self.id = Some(self.located(&v.span(), id.clone()));
                }
                id
            }
            None => {
                let message = fill(
                    self.t().les_id_missing,
                    &[("example", &"id = \"vneid-level-2\"")],
                );
                self.missing(start.clone(), message);
                None
            }
        };
        let order = match get(root, "order") {
            Some(v) => self.integer(v, "", "order"),
            None => {
                let message = fill(self.t().les_order_missing, &[("example", &"order = 30")]);
                self.missing(start.clone(), message);
                None
            }
        };
        let minutes = match get(root, "minutes") {
            Some(v) => self.in_range(v, "", "minutes", 1, MAX_MINUTES),
            None => {
                let message = fill(
                    self.t().les_minutes_missing,
                    &[("example", &"minutes = 15")],
                );
                self.missing(start.clone(), message);
                None
            }
        };
        let title = self.required_text(root, &start, "", "title");
        let summary = self.required_text(root, &start, "", "summary");
        let prerequisites = match get(root, "prerequisites") {
            Some(v) => self.slug_list(v, "prerequisites"),
            None => Vec::new(),
        };
        for (p, span) in &prerequisites {
            let located = self.located(span, p.clone());
            self.prerequisites.push(located);
        }
        let indicators = match get(root, "indicators") {
            Some(v) => self.slug_list(v, "indicators"),
            None => Vec::new(),
        };
        for (ind, span) in &indicators {
            if !self.indicators.iter().any(|a| a == ind) {
                let known: Vec<&str> = self.indicators.iter().map(String::as_str).collect();
                let t = self.t();
                let hint = match closest(ind, &known) {
                    Some(c) => fill(t.les_did_you_mean, &[("value", &format!("{c:?}"))]),
                    None if known.is_empty() => t.les_no_indicators.to_string(),
                    None => fill(t.les_indicators_are, &[("list", &known.join(", "))]),
                };
                let message = fill(
                    t.les_unknown_indicator,
                    &[("value", &format!("{ind:?}")), ("hint", &hint)],
                );
                self.sink.error(span.clone(), message);
            }
        }
        let pass_percent = match get(root, "pass_percent") {
            Some(v) => self.in_range(v, "", "pass_percent", 0, 100),
            None => Some(i64::from(DEFAULT_PASS_PERCENT)),
        };
        let shuffle_choices = match get(root, "shuffle_choices") {
            Some(v) => match v.get_ref() {
                DeValue::Boolean(b) => Some(*b),
                _ => {
                    self.wrong_type(v, "", "shuffle_choices", self.t().les_kind_bool);
                    None
                }
            },
            None => Some(false),
        };

        let t = self.t();
        let page = (t.les_noun_page, t.les_nouns_page);
        let question = (t.les_noun_question, t.les_nouns_question);
        let steps = self.blocks(root, &start, "steps", page, |w, i, v| w.step(i, v));
        let quiz = self.blocks(root, &start, "quiz", question, |w, i, v| w.question(i, v));
        self.english_warning();

        Some(Module {
            id: id?,
            title: title?,
            summary: summary?,
            minutes: u32::try_from(minutes?).ok()?,
            order: order?,
            prerequisites: prerequisites.into_iter().map(|(p, _)| p).collect(),
            indicators: indicators.into_iter().map(|(i, _)| i).collect(),
            pass_percent: u8::try_from(pass_percent?).ok()?,
            shuffle_choices: shuffle_choices?,
            steps: steps.into_iter().collect::<Option<Vec<_>>>()?,
            quiz: quiz.into_iter().collect::<Option<Vec<_>>>()?,
            source: path.to_path_buf(),
        })
    }

    pub(super) fn required_text(
        &mut self,
        table: &DeTable<'_>,
        at: &Range<usize>,
        ctx: &str,
        key: &str,
    ) -> Option<Text> {
        match get(table, key) {
            Some(v) => self.text(v, ctx, Name::Key(key)),
            None => {
                let message = fill(
                    self.t().les_text_missing,
                    &[
                        ("ctx", &ctx),
                        ("key", &key),
                        ("vi", &format!("{key}.vi = \"…\"")),
                        ("en", &format!("{key}.en = \"…\"")),
                    ],
                );
                self.missing(at.clone(), message);
                None
            }
        }
    }

    fn optional_text(&mut self, table: &DeTable<'_>, ctx: &str, key: &str) -> Option<Option<Text>> {
        match get(table, key) {
            Some(v) => self.text(v, ctx, Name::Key(key)).map(Some),
            None => Some(None),
        }
    }

    /// `[[steps]]` or `[[quiz]]`: a non-empty list of tables, each parsed by
    /// `each` (given its 1-based number). `None` entries had errors.
    fn blocks<T>(
        &mut self,
        root: &DeTable<'_>,
        start: &Range<usize>,
        key: &str,
        (noun, nouns): (&str, &str),
        mut each: impl FnMut(&mut Self, usize, &Val<'_>) -> Option<T>,
    ) -> Vec<Option<T>> {
        let t = self.t();
        let block = format!("[[{key}]]");
        let Some(v) = get(root, key) else {
            let message = fill(t.les_no_blocks, &[("block", &block), ("noun", &noun)]);
            self.missing(start.clone(), message);
            return vec![None];
        };
        let DeValue::Array(items) = v.get_ref() else {
            let found = self.kind_of(v.get_ref());
            let message = fill(
                t.les_blocks_not_list,
                &[
                    ("key", &key),
                    ("nouns", &nouns),
                    ("block", &block),
                    ("found", &found),
                ],
            );
            self.sink.error(v.span(), message);
            return vec![None];
        };
        if items.is_empty() {
            let message = fill(
                t.les_blocks_empty,
                &[("key", &key), ("noun", &noun), ("block", &block)],
            );
            self.sink.error(v.span(), message);
            return vec![None];
        }
        items
            .iter()
            .enumerate()
            .map(|(i, item)| each(self, i + 1, item))
            .collect()
    }

    fn step(&mut self, n: usize, v: &Val<'_>) -> Option<Step> {
        let ctx = fill(self.t().les_ctx_step, &[("n", &n)]);
        let DeValue::Table(t) = v.get_ref() else {
            let found = self.kind_of(v.get_ref());
            let message = fill(
                self.t().les_page_not_table,
                &[("ctx", &ctx), ("found", &found)],
            );
            self.sink.error(v.span(), message);
            return None;
        };
        self.unknown_keys(t, STEP_KEYS, &ctx);
        let span = v.span();
        // Everything on one page counts: the callouts are read too.
        self.page_words = [0, 0];
        let text = self.required_text(t, &(span.start..span.start), &ctx, "text");
        let tip = self.optional_text(t, &ctx, "tip");
        let warning = self.optional_text(t, &ctx, "warning");
        let practice = self.optional_text(t, &ctx, "practice");
        let step = Step {
            text: text?,
            tip: tip?,
            warning: warning?,
            practice: practice?,
        };
        let [vi, en] = self.page_words;
        let tx = self.t();
        for (lang, n) in [(tx.les_lang_vi, vi), (tx.les_lang_en, en)] {
            if n > plain::PAGE_WORDS {
                let at = get(t, "text").map_or(span.clone(), Spanned::span);
                let message = fill(
                    tx.les_page_words,
                    &[
                        ("ctx", &ctx),
                        ("n", &n),
                        ("lang", &lang),
                        ("max", &plain::PAGE_WORDS),
                    ],
                );
                self.sink.warning(at, message);
            }
        }
        Some(step)
    }

    /// One warning per module: English is optional while writing, but every
    /// shipped module has it.
    fn english_warning(&mut self) {
        let Some((span, label)) = self.missing_en.first().cloned() else {
            return;
        };
        let n = self.missing_en.len();
        let t = self.t();
        let msg = if n == self.texts {
            fill(
                t.les_no_english,
                &[("en", &"KEY.en = \"…\""), ("vi", &"KEY.vi")],
            )
        } else {
            fill(
                t.les_some_english,
                &[("label", &label), ("n", &n), ("total", &self.texts)],
            )
        };
        self.sink.warning(span, msg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::{Answer, Severity};

    fn indicators() -> Vec<String> {
        crate::config::default_indicators()
            .into_iter()
            .map(|i| i.id)
            .collect()
    }

    fn load(text: &str) -> FileReport {
        load_str(Path::new("m.toml"), text, &indicators())
    }

    /// The complete example in lessons/README.md: it must stay valid.
    fn readme_example() -> String {
        let readme = include_str!("../../lessons/README.md");
        let start = readme
            .find("## A complete example")
            .expect("README has the example");
        let body = &readme[start..];
        let open = body.find("```toml\n").expect("a toml block") + "```toml\n".len();
        let len = body[open..].find("```").expect("closed block");
        body[open..open + len].to_string()
    }

    /// A small valid module with `extra` appended to the first question.
    fn minimal(extra: &str) -> String {
        format!(
            r#"id = "m"
order = 1
minutes = 5
title.vi = "Tiêu đề"
title.en = "Title"
summary.vi = "Tóm tắt"
summary.en = "Summary"

[[steps]]
text.vi = "Trang một."
text.en = "Page one."

[[quiz]]
id = "q"
question.vi = "Hỏi?"
question.en = "Ask?"
explanation.vi = "Vì thế."
explanation.en = "Because."
{extra}
"#
        )
    }

    fn messages(r: &FileReport, severity: Severity) -> Vec<String> {
        r.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
            .collect()
    }

    #[test]
    fn the_readme_example_loads_exactly() {
        let r = load(&readme_example());
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        let m = r.module.expect("valid");
        assert_eq!(m.id, "vneid-level-2");
        assert_eq!((m.order, m.minutes, m.pass_percent), (30, 15, 80));
        assert!(m.shuffle_choices);
        assert_eq!(m.prerequisites, vec!["vneid-level-1"]);
        assert_eq!(m.indicators, vec!["vneid"]);
        assert_eq!(m.title.vi, "Tài khoản VNeID mức 2");
        assert_eq!(m.steps.len(), 3);
        assert_eq!(
            m.steps[0].tip.as_ref().unwrap().en.as_deref(),
            Some("Bring your chip ID card.")
        );
        assert!(m.steps[1].warning.is_some() && m.steps[2].practice.is_some());
        let answers: Vec<&Answer> = m.quiz.iter().map(|q| &q.answer).collect();
        // Files count choices from 1; the model from 0.
        assert_eq!(
            answers,
            vec![
                &Answer::Single(1),
                &Answer::Multi(vec![0, 2]),
                &Answer::TrueFalse(false),
                &Answer::Order
            ]
        );
        assert!(m.quiz[2].choices.is_empty());
        assert_eq!(
            m.quiz[3].choices[1].en.as_deref(),
            Some("Hand over your ID card")
        );
        let id = r.id.expect("id recorded");
        assert_eq!((id.line, id.col), (2, 6));
        assert_eq!(r.prerequisites[0].value, "vneid-level-1");
    }

    #[test]
    fn text_is_nfc_and_both_spellings_mean_the_same() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Tiêu đề".nfd().collect();
        let dotted = minimal("kind = \"true-false\"\nanswer = true").replace("Tiêu đề", &nfd);
        let inline = dotted.replace(
            &format!("title.vi = \"{nfd}\"\ntitle.en = \"Title\""),
            "title = { vi = \"Tiêu đề\", en = \"Title\" }",
        );
        assert_ne!(dotted, inline);
        let a = load(&dotted).module.expect("dotted is valid");
        let b = load(&inline).module.expect("inline is valid");
        assert_eq!(a.title.vi, "Tiêu đề");
        assert_eq!(a.title, b.title);
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = format!(
            "\u{feff}{}",
            minimal("kind = \"true-false\"\nanswer = true")
        );
        let r = load(&text);
        assert!(r.module.is_some(), "{:?}", r.diagnostics);
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let text = minimal(
            "kind = \"single\"\nchoices = [{ vi = \"A\" }, { vi = \"B\" }]\nanswer = 7\nhint = 1",
        )
        .replace("minutes = 5", "minutes = 0")
        .replace("id = \"m\"", "id = \"M\"");
        let r = load(&text);
        let errors = messages(&r, Severity::Error);
        assert_eq!(r.errors, 4, "{errors:#?}");
        assert!(r.module.is_none());
        assert!(r.id.is_none(), "an invalid id is not recorded");
        for needle in [
            "`id` \"M\"",
            "`minutes` is 0",
            "`answer` is 7 but there are only 2 choices",
            "unknown key `hint`",
        ] {
            assert!(
                errors.iter().any(|e| e.contains(needle)),
                "{needle} in {errors:#?}"
            );
        }
    }

    #[test]
    fn missing_keys_are_not_guessed_after_a_syntax_error() {
        // The broken line hides `order`; saying "order is missing" would
        // send the author looking in the wrong place.
        let text =
            minimal("kind = \"true-false\"\nanswer = true").replace("order = 1", "order = = 1");
        let r = load(&text);
        let errors = messages(&r, Severity::Error);
        assert!(errors.iter().all(|e| !e.contains("missing")), "{errors:#?}");
        assert!(errors[0].starts_with("2:"), "{errors:#?}");
        assert!(errors[0].contains("TOML syntax"), "{errors:#?}");
    }

    #[test]
    fn plain_language_warnings_point_at_the_place() {
        let long = vec!["chữ"; 30].join(" ");
        let page = vec!["Một câu ngắn."; 50].join(" ");
        let text = minimal(&format!(
            "kind = \"single\"\nchoices = [{}]\nanswer = 1",
            (1..=7)
                .map(|i| format!("{{ vi = \"Chọn {i}\", en = \"Pick {i}\" }}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .replace(
            "text.vi = \"Trang một.\"",
            &format!("text.vi = \"Mở máy. {long}.\""),
        )
        .replace("text.en = \"Page one.\"", &format!("text.en = \"{page}\""));
        let r = load(&text);
        assert!(r.module.is_some(), "warnings never stop a module");
        let warnings = messages(&r, Severity::Warning);
        assert_eq!(warnings.len(), 3, "{warnings:#?}");
        // The long sentence starts after `text.vi = "Mở máy. ` on line 10.
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with("10:20: page 1: `text.vi`: a sentence has 30 words")),
            "{warnings:#?}"
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("page 1: this page has 150 words in English")),
            "{warnings:#?}"
        );
        assert!(
            warnings.iter().any(|w| w.contains("7 choices are a lot")),
            "{warnings:#?}"
        );
    }

    #[test]
    fn one_warning_for_a_module_without_english() {
        let text: String = minimal("kind = \"true-false\"\nanswer = false")
            .lines()
            .filter(|l| !l.contains(".en"))
            .map(|l| format!("{l}\n"))
            .collect();
        let r = load(&text);
        assert!(r.module.is_some());
        let warnings = messages(&r, Severity::Warning);
        assert_eq!(
            warnings,
            vec![
                "4:1: this module has no English; add KEY.en = \"…\" next to each KEY.vi"
                    .to_string()
            ]
        );
    }

    #[test]
    fn multi_answers_are_sorted_and_checked() {
        let choices = "choices = [{ vi = \"A\" }, { vi = \"B\" }, { vi = \"C\" }]";
        let r = load(&minimal(&format!(
            "kind = \"multi\"\n{choices}\nanswer = [3, 1]"
        )));
        assert_eq!(r.module.unwrap().quiz[0].answer, Answer::Multi(vec![0, 2]));
        let r = load(&minimal(&format!(
            "kind = \"multi\"\n{choices}\nanswer = [1, 1, 4]"
        )));
        let errors = messages(&r, Severity::Error);
        assert!(
            errors.iter().any(|e| e.contains("lists 1 twice")),
            "{errors:#?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("is 4 but there are only 3")),
            "{errors:#?}"
        );
        let r = load(&minimal(&format!(
            "kind = \"multi\"\n{choices}\nanswer = 2"
        )));
        assert!(messages(&r, Severity::Error)[0].contains("must be a list of choice numbers"));
    }
}
