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

pub fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The sentences of `s`: split after `.`, `!`, `?` or `…` followed by a space
/// or the end (but not after a list number such as "2."), and at every line
/// break (a list item on its own line is a
/// sentence of its own on screen). Empty pieces are dropped.
pub fn sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        // "1. Mở ứng dụng": the dot of a list number ends nothing.
        let list_number = c == '.' && s[start..i].trim().bytes().all(|b| b.is_ascii_digit());
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '…' if next_is_space && !list_number => Some(i + c.len_utf8()),
            _ => None,
        };
        if let Some(end) = end {
            let piece = s[start..end].trim();
            if !piece.is_empty() {
                out.push(piece);
            }
            start = end;
        }
    }
    let piece = s[start..].trim();
    if !piece.is_empty() {
        out.push(piece);
    }
    out
}

/// The sentences of `s` longer than [`SENTENCE_WORDS`], with their lengths.
pub fn long_sentences(s: &str) -> Vec<(&str, usize)> {
    sentences(s)
        .into_iter()
        .map(|p| (p, words(p)))
        .filter(|(_, n)| *n > SENTENCE_WORDS)
        .collect()
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
