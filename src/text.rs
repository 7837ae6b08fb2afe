//! Text handling shared by every part of the kiosk: Unicode NFC normalisation
//! (everything we store or compare is NFC) and the folded search key that lets
//! a senior type "nguyen thi hang" and find "Nguyễn Thị Hằng".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Returns `s` in Unicode Normalization Form C.
///
/// Files and keyboards may deliver Vietnamese decomposed (NFD: a base letter
/// followed by combining marks); storing NFC means "bà" typed either way is
/// the same string.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
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
    fn nfc_composes_decomposed_input() {
        let nfd: String = "Hằng".nfd().collect();
        assert_ne!(nfd, "Hằng");
        assert_eq!(nfc(&nfd), "Hằng");
    }
}
