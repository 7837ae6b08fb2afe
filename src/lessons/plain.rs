//! Plain-language measures for the warnings of `kiosk check`: words on a page
//! and words in a sentence. Seniors read slowly and lose the thread in long
//! sentences, so authors are nudged (never forced) to keep both short.
//!
//! A "word" is anything between spaces. In Vietnamese that is a syllable
//! ("điện thoại" counts two), which is also what a reader's eye takes in.

/// A page longer than this (in words, per language) draws a warning.
pub const PAGE_WORDS: usize = 120;
/// A sentence longer than this draws a warning.
pub const SENTENCE_WORDS: usize = 25;
/// More choices than this in one question draws a warning.
pub const MAX_CHOICES: usize = 6;

#[cfg(test)]
pub fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The sentences of `s`: split after `.`, `!`, `?` or `…` followed by a space
/// or the end (but not after a list number such as "2."), and at every line
/// break (a list item on its own line is a sentence of its own on screen).
/// Empty pieces are dropped.
#[cfg(test)]
pub fn sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    each_sentence(s, |p, _| out.push(p));
    out
}

/// Calls `f` with each sentence of `s` (see [`sentences`]) and its number of
/// words, in one pass over the bytes and without allocating: this runs over
/// every text of every module on every load. Only ASCII white space
/// separates words here (all the punctuation that ends a sentence is ASCII
/// or `…`, so slicing at those bytes is always at a character boundary).
fn each_sentence<'s>(s: &'s str, mut f: impl FnMut(&'s str, usize)) {
    let b = s.as_bytes();
    let space_at = |i: usize| b.get(i).is_none_or(|c| c.is_ascii_whitespace());
    let mut start = 0; // where the current sentence began
    let mut words = 0;
    let mut in_word = false;
    let mut digits_only = true; // "12" so far: a following "." is a list number
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let space = c.is_ascii_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
        // The common case, a letter or a space, ends nothing: only the rare
        // bytes below need a closer look.
        let end = match c {
            b'\n' => Some(i),
            b'.' if digits_only || !space_at(i + 1) => None,
            b'.' | b'!' | b'?' if space_at(i + 1) => Some(i + 1),
            // "…" is E2 80 A6 in UTF-8.
            0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) && space_at(i + 3) => {
                i += 2;
                Some(i + 1)
            }
            _ => None,
        };
        digits_only &= space || c.is_ascii_digit();
        i += 1;
        if let Some(end) = end {
            if words > 0 {
                f(s[start..end].trim(), words);
            }
            start = end;
            words = 0;
            in_word = false;
            digits_only = true;
        }
    }
    if words > 0 {
        f(s[start..].trim(), words);
    }
}

/// The words of a text, and its sentences longer than [`SENTENCE_WORDS`]
/// with their lengths, from one pass.
pub fn measure(s: &str) -> (usize, Vec<(&str, usize)>) {
    let mut total = 0;
    let mut long = Vec::new();
    each_sentence(s, |p, n| {
        total += n;
        if n > SENTENCE_WORDS {
            long.push((p, n));
        }
    });
    (total, long)
}

/// The sentences of `s` longer than [`SENTENCE_WORDS`], with their lengths.
#[cfg(test)]
pub fn long_sentences(s: &str) -> Vec<(&str, usize)> {
    measure(s).1
}

/// The first few words of a sentence, to say which one a warning means.
pub fn opening(s: &str) -> String {
    let mut it = s.split_whitespace();
    let first: Vec<&str> = it.by_ref().take(6).collect();
    let mut out = first.join(" ");
    if it.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_at_stops_and_line_breaks() {
        let s = "Mở VNeID. Bấm Đăng nhập!\n1. Nhập số căn cước\n2. Nhập mật khẩu… Xong? Có";
        assert_eq!(
            sentences(s),
            vec![
                "Mở VNeID.",
                "Bấm Đăng nhập!",
                "1. Nhập số căn cước",
                "2. Nhập mật khẩu…",
                "Xong?",
                "Có"
            ]
        );
        // A full stop inside a number or an address is not the end.
        assert_eq!(
            sentences("Phí 1.000.000 đồng ở dichvucong.gov.vn."),
            vec!["Phí 1.000.000 đồng ở dichvucong.gov.vn."]
        );
    }

    #[test]
    fn counts_words_like_splitting_at_spaces() {
        for s in [
            "",
            "  ",
            "Một",
            "Mở VNeID. Bấm Đăng nhập!\n1. Nhập số\n\n2. Xong… Có   không ?",
            "a.b.c d! e? f… g",
        ] {
            assert_eq!(measure(s).0, words(s), "{s:?}");
        }
    }

    #[test]
    fn finds_long_sentences() {
        let long = vec!["từ"; 26].join(" ") + ".";
        let s = format!("Ngắn thôi. {long} Cũng ngắn.");
        let found = long_sentences(&s);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, 26);
        assert!(long_sentences(&(vec!["từ"; 25].join(" "))).is_empty());
        assert_eq!(opening(&long), "từ từ từ từ từ từ…");
        assert_eq!(opening("Hai từ"), "Hai từ");
    }
}
