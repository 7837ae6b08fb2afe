//! Text handling shared by every part of the kiosk: Unicode NFC normalisation
//! (everything we store or compare is NFC) and the folded search key that lets
//! a senior type "nguyen thi hang" and find "Nguyễn Thị Hằng"; `telex`
//! turns the keys typed into a text box into Vietnamese letters.

pub mod telex;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Returns `s` in Unicode Normalization Form C.
///
/// Files and keyboards may deliver Vietnamese decomposed (NFD: a base letter
/// followed by combining marks); storing NFC means "bà" typed either way is
/// the same string.
pub fn nfc(s: &str) -> String {
    // Nearly all text arrives NFC already; checking is several times cheaper
    // than recomposing (it matters when loading 1,000 lessons).
    if is_nfc(s) {
        return s.to_owned();
    }
    s.nfc().collect()
}

/// Whether `s` is certainly NFC already (Unicode's quick check: `false` may
/// also mean "not sure").
///
/// Every character below U+0300 (ASCII, Latin-1, Latin Extended-A and -B,
/// which hold ơ, ư and đ) and every one in Latin Extended Additional
/// (U+1E00..U+1EFF: the precomposed Vietnamese vowels ạ, ễ, ự, …) is an NFC
/// starter that nothing before it composes with; a test checks this against
/// the tables. Only runs of other characters go through the lookup tables
/// (the slow part), and a run after a starter is checked exactly as the
/// quick check would check it in place, because a starter resets its state.
pub fn is_nfc(s: &str) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let b = s.as_bytes();
    // A lead byte from 0xCC on starts a character from U+0300 on; every
    // byte below it is ASCII, a continuation byte, or starts U+0080..U+02FF.
    // U+1E00..U+1EFF is E1 B8..BB xx.
    let starter_block = |i: usize| b[i] == 0xE1 && matches!(b.get(i + 1), Some(0xB8..=0xBB));
    let slow = |i: usize| i < b.len() && b[i] >= 0xCC && !starter_block(i);
    let mut i = 0;
    while i < b.len() {
        if !slow(i) {
            i += if starter_block(i) { 3 } else { 1 };
            continue;
        }
        let start = i;
        while slow(i) {
            i += match b[i] {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
        }
        if is_nfc_quick(s[start..i].chars()) != IsNormalized::Yes {
            return false;
        }
    }
    true
}

/// Folds a name into its search key: decompose, drop every combining mark,
/// map đ/Đ to d (they do not decompose), lowercase, and collapse runs of
/// white space to one space.
///
/// Works the same on NFC and NFD input because it decomposes first.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every vowel with a hat or horn or breve, with each of the five tone
    /// marks, in upper and lower case: the letters folding tables miss.
    #[test]
    fn folds_every_vietnamese_vowel_in_nfc_and_nfd() {
        let table: &[(&str, &str)] = &[
            ("aáàảãạ", "aaaaaa"),
            ("ăắằẳẵặ", "aaaaaa"),
            ("âấầẩẫậ", "aaaaaa"),
            ("eéèẻẽẹ", "eeeeee"),
            ("êếềểễệ", "eeeeee"),
            ("iíìỉĩị", "iiiiii"),
            ("oóòỏõọ", "oooooo"),
            ("ôốồổỗộ", "oooooo"),
            ("ơớờởỡợ", "oooooo"),
            ("uúùủũụ", "uuuuuu"),
            ("ưứừửữự", "uuuuuu"),
            ("yýỳỷỹỵ", "yyyyyy"),
            ("đĐ", "dd"),
        ];
        for (letters, folded) in table {
            let upper: String = letters.to_uppercase();
            for input in [letters.to_string(), upper] {
                let composed: String = input.nfc().collect();
                let decomposed: String = input.nfd().collect();
                assert_eq!(fold(&composed), *folded, "NFC {input}");
                assert_eq!(fold(&decomposed), *folded, "NFD {input}");
            }
        }
    }

    #[test]
    fn folds_names_and_spaces() {
        assert_eq!(fold("  Nguyễn   Thị Hằng "), "nguyen thi hang");
        assert_eq!(fold("Đặng Văn Đức"), "dang van duc");
        assert_ne!(fold("bà"), "bà");
    }

    #[test]
    fn latin_extended_additional_is_all_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        for c in ('\u{1E00}'..='\u{1EFF}').chain('\u{80}'..'\u{300}') {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    #[test]
    fn the_fast_nfc_check_agrees_with_the_full_one() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let samples = [
            "",
            "ascii only",
            "Nguyễn Thị Hằng, đường Láng, ơ ư",
            "Tiền tệ: 10.000 ₫ — “ngoặc” … 😀 ở Hà Nội",
            "e\u{0301}",         // NFD é
            "\u{0301}lone mark", // a combining mark first is NFC
            "a\u{0323}\u{0302}", // two marks in the right order: not composed
            "a\u{0302}\u{0323}", // and in the wrong order
            "\u{0340}",          // a character NFC replaces
            "ﬁ ﬀ Å Ω",           // compatibility and singleton characters
        ];
        for s in samples {
            for t in [s.to_string(), s.nfc().collect(), s.nfd().collect()] {
                let full = is_nfc_quick(t.chars()) == IsNormalized::Yes;
                assert_eq!(is_nfc(&t), full, "{t:?}");
                assert_eq!(nfc(&t), t.nfc().collect::<String>(), "{t:?}");
            }
        }
    }

    #[test]
    fn nfc_composes_decomposed_input() {
        let nfd: String = "Hằng".nfd().collect();
        assert_ne!(nfd, "Hằng");
        assert_eq!(nfc(&nfd), "Hằng");
    }
}
