//! Collecting the diagnostics of one lesson file: turning byte offsets into
//! line and column, capping how many are kept (so a megabyte of garbage
//! cannot flood the screen or take minutes to print), and the "did you mean"
//! suggestion for misspelt keys.

use std::ops::Range;
use std::path::Path;

use super::{Diagnostic, Severity};
use crate::i18n::{Texts, fill};

/// At most this many diagnostics are shown per file (the first ones by
/// position); the rest are counted and summarised in one last line. Every
/// error still counts towards skipping the module.
pub const MAX_PER_FILE: usize = 100;

/// Problems held before choosing which to show: a bound on memory for a
/// file with a problem on every line.
const MAX_HELD: usize = 10_000;

/// The diagnostics of one file as they are found.
pub struct Sink<'a> {
    /// The language messages are written in.
    pub t: &'static Texts,
    path: &'a Path,
    text: &'a str,
    /// (byte offset, severity, message); line and column are worked out at
    /// the end, only for the ones shown.
    held: Vec<(usize, Severity, String)>,
    errors: usize,
    dropped: usize,
}

impl<'a> Sink<'a> {
    pub fn new(path: &'a Path, text: &'a str, t: &'static Texts) -> Sink<'a> {
        Sink {
            t,
            path,
            text,
            held: Vec::new(),
            errors: 0,
            dropped: 0,
        }
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(span.start, Severity::Error, message.into());
    }

    pub fn warning(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(span.start, Severity::Warning, message.into());
    }

    fn push(&mut self, at: usize, severity: Severity, message: String) {
        if severity == Severity::Error {
            self.errors += 1;
        }
        if self.held.len() >= MAX_HELD {
            self.dropped += 1;
            return;
        }
        self.held.push((at, severity, message));
    }

    /// Line and column (1-based, columns in characters) of a byte offset.
    pub fn position(&self, at: usize) -> (usize, usize) {
        crate::config::line_col(self.text, at)
    }

    pub fn errors(&self) -> usize {
        self.errors
    }

    /// The first [`MAX_PER_FILE`] diagnostics by position (problems found
    /// later in the walk, such as a repeated question id, still show up in
    /// their place), with a last line saying how many were left out.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        // Stable: problems at the same place keep the order they were found.
        self.held.sort_by_key(|(at, _, _)| *at);
        let hidden = self.held.len().saturating_sub(MAX_PER_FILE) + self.dropped;
        self.held.truncate(MAX_PER_FILE);
        let mut list: Vec<Diagnostic> = self
            .held
            .into_iter()
            .map(|(at, severity, message)| {
                let (line, col) = crate::config::line_col(self.text, at);
                Diagnostic {
                    path: self.path.to_path_buf(),
                    line,
                    col,
                    severity,
                    message,
                }
            })
            .collect();
        if hidden > 0 {
            let severity = if self.errors > 0 {
                Severity::Error
            } else {
                Severity::Warning
            };
            let (line, col) = list.last().map_or((1, 1), |d| (d.line, d.col));
            list.push(Diagnostic {
                path: self.path.to_path_buf(),
                line,
                col,
                severity,
                message: fill(self.t.les_hidden, &[("n", &hidden)]),
            });
        }
        list
    }
}

/// The candidate closest to `word` when it is close enough to be a likely
/// typo (`titel` → `title`, `answers` → `answer`), else `None`.
pub fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    // Keys are short; anything long is not a typo of one and would only make
    // the distance table large.
    if word.chars().count() > 64 {
        return None;
    }
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &'c str)> = None;
    for &c in candidates {
        let d = distance(&lower, c);
        let allowed = (c.chars().count() / 3).max(1);
        if d <= allowed && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance with adjacent transpositions counted as one edit
/// (optimal string alignment), on characters.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// "unknown key `titel`; did you mean `title`?" or, when nothing is close,
/// the list of keys allowed there.
pub fn unknown_key_message(t: &Texts, key: &str, known: &[&str]) -> String {
    let shown: String = key.chars().take(40).collect();
    match closest(key, known) {
        Some(c) => fill(t.les_unknown_key_like, &[("key", &shown), ("like", &c)]),
        None => {
            let known = known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            fill(t.les_unknown_key, &[("key", &shown), ("known", &known)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["id", "title", "summary", "prerequisites", "answer"];
        assert_eq!(closest("titel", &keys), Some("title"));
        assert_eq!(closest("Title", &keys), Some("title"));
        assert_eq!(closest("prerequisite", &keys), Some("prerequisites"));
        assert_eq!(closest("answers", &keys), Some("answer"));
        assert_eq!(closest("ib", &keys), Some("id"));
        assert_eq!(closest("colour", &keys), None);
        assert_eq!(closest(&"x".repeat(500), &keys), None);
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("tiêu đề", "tiêu đề"), 0);
    }

    #[test]
    fn caps_the_number_kept_but_counts_every_error() {
        let path = Path::new("x.toml");
        let text = "a\n".repeat(300);
        let mut sink = Sink::new(path, &text, crate::i18n::texts(crate::i18n::Lang::En));
        // Found back to front: the ones shown are still the first by place.
        for i in (0..250).rev() {
            sink.error(i * 2..i * 2 + 1, "bad");
        }
        assert_eq!(sink.errors(), 250);
        let list = sink.finish();
        assert_eq!(list.len(), MAX_PER_FILE + 1);
        assert_eq!((list[0].line, list[0].col), (1, 1));
        assert_eq!((list[1].line, list[1].col), (2, 1));
        assert_eq!(list[MAX_PER_FILE - 1].line, MAX_PER_FILE);
        assert!(list.last().unwrap().message.contains("150 more problems"));
    }
}
