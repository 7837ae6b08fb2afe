//! The texts of a lesson file: each in Vietnamese (required) and English,
//! written `KEY.vi = "…"` / `KEY.en = "…"` or `KEY = { vi = "…", en = "…" }`.
//! Every text is trimmed and made NFC here, and long sentences are pointed
//! out. This runs over every text of every module on every load, so names
//! for messages are only formatted when there is a message.

use std::fmt;
use std::ops::Range;

use toml::de::{DeString, DeValue};

use super::Text;
use super::parse::{Val, Walker, get};
use super::plain;
use crate::i18n::{Texts, fill};

const TEXT_KEYS: &[&str] = &["vi", "en"];
/// Long sentences of one text reported one by one; the rest are counted.
const MAX_SENTENCE_WARNINGS: usize = 3;

/// What a text is called in messages.
#[derive(Debug, Clone, Copy)]
pub(super) enum Name<'k> {
    /// A text under a key: "`title`".
    Key(&'k str),
    /// An item of a list of choices (1-based): "choice 2".
    Choice(usize),
}

impl Name<'_> {
    /// How it is called: "`title`", "choice 2".
    fn called(self, t: &Texts) -> String {
        match self {
            Name::Key(k) => format!("`{k}`"),
            Name::Choice(n) => fill(t.les_name_choice, &[("n", &n)]),
        }
    }

    /// How one language of it is called: "`title.vi`", "`vi` of choice 2".
    fn lang(self, t: &Texts, code: &str) -> String {
        match self {
            Name::Key(k) => format!("`{k}.{code}`"),
            Name::Choice(n) => fill(t.les_name_choice_lang, &[("code", &code), ("n", &n)]),
        }
    }

    /// How to write its Vietnamese.
    fn vi_hint(self, t: &Texts) -> String {
        match self {
            Name::Key(k) => format!("{k}.vi = \"…\""),
            Name::Choice(_) => fill(
                t.les_vi_hint_choice,
                &[("code", &"vi = \"…\""), ("braces", &"{ }")],
            ),
        }
    }
}

/// "page 2: `text`: " without formatting it until it is needed.
struct Within<'a>(&'a str, Name<'a>, &'static Texts);

impl fmt::Display for Within<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}: ", self.0, self.1.called(self.2))
    }
}

impl Walker<'_> {
    /// A text in both languages; `ctx` says where it is ("page 2: ").
    pub(super) fn text(&mut self, v: &Val<'_>, ctx: &str, name: Name<'_>) -> Option<Text> {
        let tx = self.t();
        let table = match v.get_ref() {
            DeValue::Table(t) => t,
            DeValue::String(_) => {
                let message = fill(
                    tx.les_needs_language,
                    &[
                        ("ctx", &ctx),
                        ("name", &name.called(tx)),
                        ("hint", &name.vi_hint(tx)),
                    ],
                );
                self.sink.error(v.span(), message);
                return None;
            }
            other => {
                let message = fill(
                    tx.les_text_wrong,
                    &[
                        ("ctx", &ctx),
                        ("name", &name.called(tx)),
                        ("hint", &name.vi_hint(tx)),
                        ("found", &self.kind_of(other)),
                    ],
                );
                self.sink.error(v.span(), message);
                return None;
            }
        };
        self.unknown_keys(table, TEXT_KEYS, &Within(ctx, name, tx));
        self.texts += 1;
        let en = match get(table, "en") {
            Some(e) => self.language(e, ctx, name, "en"),
            None => None,
        };
        if en.is_none() {
            self.missing_en.push((v.span(), name.called(tx)));
        }
        let vi = match get(table, "vi") {
            Some(x) => {
                let s = self.language(x, ctx, name, "vi");
                if s.is_none() && matches!(x.get_ref(), DeValue::String(_)) {
                    let message = fill(
                        tx.les_text_empty,
                        &[("ctx", &ctx), ("name", &name.lang(tx, "vi"))],
                    );
                    self.sink.error(x.span(), message);
                }
                s?
            }
            None => {
                let message = fill(
                    tx.les_no_vietnamese,
                    &[
                        ("ctx", &ctx),
                        ("name", &name.called(tx)),
                        ("hint", &name.vi_hint(tx)),
                    ],
                );
                self.sink.error(v.span(), message);
                return None;
            }
        };
        Some(Text { vi, en })
    }

    /// One language of a text: NFC, trimmed; `None` when empty or not text.
    /// Long sentences draw a warning at the sentence itself when it can be
    /// found in the file.
    fn language(&mut self, v: &Val<'_>, ctx: &str, name: Name<'_>, code: &str) -> Option<String> {
        let tx = self.t();
        let DeValue::String(s) = v.get_ref() else {
            let message = fill(
                tx.les_lang_not_text,
                &[
                    ("ctx", &ctx),
                    ("name", &name.lang(tx, code)),
                    ("found", &self.kind_of(v.get_ref())),
                ],
            );
            self.sink.error(v.span(), message);
            return None;
        };
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return None;
        }
        // A string copied straight from a file that is NFC throughout is NFC
        // itself; only strings with escapes, or from a file that is not NFC,
        // need normalising.
        let s = if self.file_is_nfc && matches!(s, DeString::Borrowed(_)) {
            trimmed.to_owned()
        } else {
            crate::text::nfc(trimmed)
        };
        let (words, long) = plain::measure(&s);
        self.page_words[usize::from(code == "en")] += words;
        // The first few are pointed at one by one; a text with more needs
        // rewriting as a whole (and a huge one must not take long to report).
        let mut from = v.span();
        for (sentence, n) in long.iter().take(MAX_SENTENCE_WARNINGS) {
            let at = self.find_in(from.clone(), sentence);
            if at != from {
                // Found: the next long sentence comes after this one.
                from = at.end..from.end;
            }
            let message = fill(
                tx.les_long_sentence,
                &[
                    ("ctx", &ctx),
                    ("name", &name.lang(tx, code)),
                    ("n", n),
                    ("max", &plain::SENTENCE_WORDS),
                    ("opening", &plain::opening(sentence)),
                ],
            );
            self.sink.warning(at, message);
        }
        if long.len() > MAX_SENTENCE_WARNINGS {
            let message = fill(
                tx.les_more_long_sentences,
                &[
                    ("ctx", &ctx),
                    ("name", &name.lang(tx, code)),
                    ("n", &(long.len() - MAX_SENTENCE_WARNINGS)),
                    ("max", &plain::SENTENCE_WORDS),
                ],
            );
            self.sink.warning(v.span(), message);
        }
        Some(s)
    }

    /// Where `needle` starts inside `span` of the file, or the span itself
    /// when it cannot be found (escapes, or text that was not NFC).
    pub(super) fn find_in(&self, span: Range<usize>, needle: &str) -> Range<usize> {
        let mut end = needle.len().min(40);
        while !needle.is_char_boundary(end) {
            end -= 1;
        }
        let raw = self.text.get(span.clone()).unwrap_or("");
        match raw.find(&needle[..end]) {
            Some(i) if end > 0 => span.start + i..span.start + i + end,
            _ => span,
        }
    }
}
