//! The texts of a lesson file: each in Vietnamese (required) and English,
//! written `KEY.vi = "…"` / `KEY.en = "…"` or `KEY = { vi = "…", en = "…" }`.
//! Every text is trimmed and made NFC here, and long sentences are pointed
//! out. This runs over every text of every module on every load, so names
//! for messages are only formatted when there is a message.

use std::fmt;
use std::ops::Range;

use toml::de::{DeString, DeValue};

use super::Text;
use super::parse::{Val, Walker, describe, get};
use super::plain;

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

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Name::Key(k) => write!(f, "`{k}`"),
            Name::Choice(n) => write!(f, "choice {n}"),
        }
    }
}

impl Name<'_> {
    /// How one language of it is called: "`title.vi`", "`vi` of choice 2".
    fn lang(self, code: &str) -> String {
        match self {
            Name::Key(k) => format!("`{k}.{code}`"),
            Name::Choice(n) => format!("`{code}` of choice {n}"),
        }
    }

    /// How to write its Vietnamese.
    fn vi_hint(self) -> String {
        match self {
            Name::Key(k) => format!("{k}.vi = \"…\""),
            Name::Choice(_) => "vi = \"…\" inside its { }".to_string(),
        }
    }
}

/// "step 2: `text`: " without formatting it until it is needed.
struct Within<'a>(&'a str, Name<'a>);

impl fmt::Display for Within<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}: ", self.0, self.1)
    }
}

impl Walker<'_> {
    /// A text in both languages; `ctx` says where it is ("step 2: ").
    pub(super) fn text(&mut self, v: &Val<'_>, ctx: &str, name: Name<'_>) -> Option<Text> {
        let table = match v.get_ref() {
            DeValue::Table(t) => t,
            DeValue::String(_) => {
                self.sink.error(
                    v.span(),
                    format!(
                        "{ctx}{name} needs its language: write {} (and the English next to it)",
                        name.vi_hint()
                    ),
                );
                return None;
            }
            other => {
                self.sink.error(
                    v.span(),
                    format!(
                        "{ctx}{name} must be a text written {}, not {}",
                        name.vi_hint(),
                        describe(other)
                    ),
                );
                return None;
            }
        };
        self.unknown_keys(table, TEXT_KEYS, &Within(ctx, name));
        self.texts += 1;
        let en = match get(table, "en") {
            Some(e) => self.language(e, ctx, name, "en"),
            None => None,
        };
        if en.is_none() {
            self.missing_en.push((v.span(), name.to_string()));
        }
        let vi = match get(table, "vi") {
            Some(x) => {
                let s = self.language(x, ctx, name, "vi");
                if s.is_none() && matches!(x.get_ref(), DeValue::String(_)) {
                    self.sink
                        .error(x.span(), format!("{ctx}{} is empty", name.lang("vi")));
                }
                s?
            }
            None => {
                self.sink.error(
                    v.span(),
                    format!("{ctx}{name} has no Vietnamese text: add {}", name.vi_hint()),
                );
                return None;
            }
        };
        Some(Text { vi, en })
    }

    /// One language of a text: NFC, trimmed; `None` when empty or not text.
    /// Long sentences draw a warning at the sentence itself when it can be
    /// found in the file.
    fn language(&mut self, v: &Val<'_>, ctx: &str, name: Name<'_>, code: &str) -> Option<String> {
        let DeValue::String(s) = v.get_ref() else {
            self.sink.error(
                v.span(),
                format!(
                    "{ctx}{} must be a text in quotes, not {}",
                    name.lang(code),
                    describe(v.get_ref())
                ),
            );
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
            self.sink.warning(
                at,
                format!(
                    "{ctx}{}: a sentence has {n} words; aim for at most {}: \"{}\"",
                    name.lang(code),
                    plain::SENTENCE_WORDS,
                    plain::opening(sentence)
                ),
            );
        }
        if long.len() > MAX_SENTENCE_WARNINGS {
            self.sink.warning(
                v.span(),
                format!(
                    "{ctx}{}: {} more sentences are over {} words",
                    name.lang(code),
                    long.len() - MAX_SENTENCE_WARNINGS,
                    plain::SENTENCE_WORDS
                ),
            );
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
