//! Telex typing: Vietnamese accents from a plain keyboard, as Laban Key and
//! Gboard's Telex layout do on phones. The kiosk's terminal has no input
//! method, so the free-text boxes (names, addresses, class topics) pass
//! what is typed through [`type_key`].
//!
//! - `aa` â, `aw` ă, `ee` ê, `oo` ô, `ow` ơ, `uw` ư, `uow` ươ, `dd` đ;
//!   `w` after the vowels works too (`huongw` → hương).
//! - Tones after a vowel: `s` sắc, `f` huyền, `r` hỏi, `x` ngã, `j` nặng;
//!   `z` takes the tone away. A tone may be typed anywhere after the vowel
//!   (`hoaf`, `hoafng`, `hoangf` all give hoàng).
//! - Typing a key twice undoes it and types the letter: `ass` → as,
//!   `aaa` → aa, `ddd` → dd.
//! - Only the word being typed changes (the letters after the last space,
//!   digit or punctuation), and only when it can be a Vietnamese syllable:
//!   `Xuan`, `Thu`, `Son`, `James`, `Wendy` stay as typed, because a tone key
//!   acts only after a vowel and `w` alone is just `w`.
//!
//! Tones go where the modern (new) rule puts them, as mainstream keyboards
//! do by default: hoà, hoè, thuỷ (not hòa, hòe, thủy); other syllables are
//! the same in both styles (quý, tuấn, nghĩa, hường, toàn). The tone moves
//! when a later letter changes where it belongs (hofa → hoà, tusan → tuấn),
//! as on phone keyboards, so a word comes out the same in any typing order.
//! Characters that are not ASCII letters (ễ from an input method, digits,
//! punctuation) are added as they are; only a plain letter typed after such
//! a letter can still move its tone (thủ + y → thuỷ). The result is NFC.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::nfc;

/// `text` after typing `key` at its end.
pub fn type_key(text: &str, key: char) -> String {
    if !key.is_ascii_alphabetic() {
        return nfc(&format!("{text}{key}"));
    }
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || is_combining_mark(c))
        .last()
        .map_or(text.len(), |(i, _)| i);
    let (before, word) = text.split_at(start);
    let word = match compose(word, key) {
        Some(w) => w,
        None => format!("{word}{key}"),
    };
    nfc(&format!("{before}{word}"))
}

/// Types `key` into `field` the Telex way, unless that would make it longer
/// than `max` characters; whether it changed.
pub fn type_into(field: &mut String, key: char, max: usize) -> bool {
    if key.is_control() {
        return false;
    }
    let typed = type_key(field, key);
    if typed.chars().count() > max || typed == *field {
        return false;
    }
    *field = typed;
    true
}

/// Removes the last character as it is shown: a letter with its marks
/// (also when they were stored as separate combining characters).
pub fn erase(text: &mut String) {
    while let Some(c) = text.pop() {
        if !is_combining_mark(c) {
            break;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    /// â ê ô
    Hat,
    /// ă
    Breve,
    /// ơ ư
    Horn,
    /// đ
    Bar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Acute,
    Grave,
    Hook,
    Tilde,
    Dot,
}

impl Tone {
    fn of_key(key: char) -> Option<Tone> {
        Some(match key.to_ascii_lowercase() {
            's' => Tone::Acute,
            'f' => Tone::Grave,
            'r' => Tone::Hook,
            'x' => Tone::Tilde,
            'j' => Tone::Dot,
            _ => return None,
        })
    }

    fn of_mark(c: char) -> Option<Tone> {
        Some(match c {
            '\u{301}' => Tone::Acute,
            '\u{300}' => Tone::Grave,
            '\u{309}' => Tone::Hook,
            '\u{303}' => Tone::Tilde,
            '\u{323}' => Tone::Dot,
            _ => return None,
        })
    }

    fn mark(self) -> char {
        match self {
            Tone::Acute => '\u{301}',
            Tone::Grave => '\u{300}',
            Tone::Hook => '\u{309}',
            Tone::Tilde => '\u{303}',
            Tone::Dot => '\u{323}',
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letter {
    /// Lowercase ASCII.
    base: char,
    upper: bool,
    mark: Mark,
}

impl Letter {
    fn typed(key: char) -> Letter {
        Letter {
            base: key.to_ascii_lowercase(),
            upper: key.is_ascii_uppercase(),
            mark: Mark::None,
        }
    }

    fn is_vowel(&self) -> bool {
        matches!(self.base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
    }

    /// The letter without its tone, lowercase (đ for a barred d).
    fn plain(&self) -> char {
        match (self.base, self.mark) {
            ('d', Mark::Bar) => 'đ',
            ('a', Mark::Hat) => 'â',
            ('a', Mark::Breve) => 'ă',
            ('e', Mark::Hat) => 'ê',
            ('o', Mark::Hat) => 'ô',
            ('o', Mark::Horn) => 'ơ',
            ('u', Mark::Horn) => 'ư',
            (b, _) => b,
        }
    }
}

/// Where the vowels of a syllable are: `letters[start..end]`; before them
/// the initial consonant(s), after them the final ones.
#[derive(Debug, Clone, Copy)]
struct Parts {
    start: usize,
    end: usize,
}

/// A word being typed: its letters and its tone (on the letter at `.1`).
#[derive(Debug, Clone, PartialEq)]
struct Word {
    letters: Vec<Letter>,
    tone: Option<(Tone, usize)>,
}

const INITIALS: &[&str] = &[
    "", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "ch",
    "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "ngh",
];

const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel groups by their bare letters (marks still to be typed).
const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe",
    "oi", "oo", "ua", "ue", "ui", "uo", "uu", "uy", "ye", "ieu", "yeu", "oai", "oay", "oeo", "uay",
    "uoi", "uou", "uya", "uye", "uyu",
];

/// Vowel groups with their marks, as Vietnamese writes them: a mark key
/// only acts when it makes one of these (`ao` + `w` is not ăo or aơ).
const MARKED_VOWELS: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "âu", "ay", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "yêu", "oai", "oay", "oeo", "uây",
    "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
];

impl Word {
    /// The letters of `word`, or None if it is not made of Vietnamese
    /// letters (another script, a mark on a consonant, two tones).
    fn parse(word: &str) -> Option<Word> {
        let mut letters: Vec<Letter> = Vec::new();
        let mut tone = None;
        for c in word.nfd() {
            if let Some(t) = Tone::of_mark(c) {
                let i = letters.len().checked_sub(1)?;
                if tone.is_some() || !letters[i].is_vowel() {
                    return None;
                }
                tone = Some((t, i));
                continue;
            }
            let mark = match c {
                '\u{302}' => Some(Mark::Hat),
                '\u{306}' => Some(Mark::Breve),
                '\u{31B}' => Some(Mark::Horn),
                _ => None,
            };
            if let Some(mark) = mark {
                let l = letters.last_mut()?;
                let fits = match mark {
                    Mark::Hat => matches!(l.base, 'a' | 'e' | 'o'),
                    Mark::Breve => l.base == 'a',
                    _ => matches!(l.base, 'o' | 'u'),
                };
                if l.mark != Mark::None || !fits {
                    return None;
                }
                l.mark = mark;
                continue;
            }
            let letter = match c {
                'đ' | 'Đ' => Letter {
                    base: 'd',
                    upper: c == 'Đ',
                    mark: Mark::Bar,
                },
                c if c.is_ascii_alphabetic() => Letter::typed(c),
                _ => return None,
            };
            letters.push(letter);
        }
        Some(Word { letters, tone })
    }

    fn render(&self) -> String {
        let mut s = String::new();
        for (i, l) in self.letters.iter().enumerate() {
            let c = l.plain();
            if l.upper {
                s.extend(c.to_uppercase());
            } else {
                s.push(c);
            }
            if let Some((t, at)) = self.tone
                && at == i
            {
                s.push(t.mark());
            }
        }
        s.nfc().collect()
    }

    fn text(&self, range: std::ops::Range<usize>) -> String {
        self.letters[range].iter().map(Letter::plain).collect()
    }

    /// The syllable's parts, if it has vowels and nothing after its final
    /// consonants ("hanoi" is two syllables: none).
    fn parts(&self) -> Option<Parts> {
        let mut start = self.letters.iter().position(Letter::is_vowel)?;
        let end = start
            + self.letters[start..]
                .iter()
                .take_while(|l| l.is_vowel())
                .count();
        if self.letters[end..].iter().any(Letter::is_vowel) {
            return None;
        }
        // "gi" and "qu" start the syllable when another vowel follows:
        // gia, giếng, quý, quốc (but gì, gìn: the i is the vowel).
        let first = self.letters[start].base;
        let initial = self.text(0..start);
        if end - start > 1 && ((initial == "g" && first == 'i') || (initial == "q" && first == 'u'))
        {
            start += 1;
        }
        Some(Parts { start, end })
    }

    /// Whether the bare letters can be a Vietnamese syllable (the marks may
    /// still be coming: "vie" before "viê").
    fn is_syllable(&self, p: Parts) -> bool {
        let bare: String = self.letters[p.start..p.end]
            .iter()
            .map(|l| l.base)
            .collect();
        INITIALS.contains(&self.text(0..p.start).as_str())
            && FINALS.contains(&self.text(p.end..self.letters.len()).as_str())
            && VOWELS.contains(&bare.as_str())
    }

    fn marked_vowels_ok(&self, p: Parts) -> bool {
        MARKED_VOWELS.contains(&self.text(p.start..p.end).as_str())
    }

    /// Where the tone goes: on the only vowel; else on the marked vowel (the
    /// last one: ươ → ơ); else before a final consonant on the last vowel;
    /// else the middle one of three; else of two the first, except that the
    /// modern rule puts it on the second of oa, oe and uy (hoà, thuỷ).
    fn tone_spot(&self, p: Parts) -> usize {
        let vowels = &self.letters[p.start..p.end];
        if vowels.len() == 1 {
            return p.start;
        }
        if let Some(i) = vowels.iter().rposition(|l| l.mark != Mark::None) {
            return p.start + i;
        }
        if p.end < self.letters.len() {
            return p.end - 1;
        }
        if vowels.len() == 3 {
            return p.start + 1;
        }
        let pair = self.text(p.start..p.end);
        if matches!(pair.as_str(), "oa" | "oe" | "uy") {
            p.start + 1
        } else {
            p.start
        }
    }

    /// Puts the tone where the rule says.
    fn place_tone(&mut self, p: Parts) {
        if let Some((t, _)) = self.tone {
            self.tone = Some((t, self.tone_spot(p)));
        }
    }

    /// ư or ơ alone before a final consonant or another vowel can only be
    /// ươ (hưong → hương, ngưoi → ngươi); thuở keeps its uơ.
    fn complete_uo(&mut self, p: Parts) {
        for i in p.start..p.end.saturating_sub(1) {
            let (u, o) = (self.letters[i], self.letters[i + 1]);
            let followed = i + 2 < self.letters.len();
            if u.base == 'u'
                && o.base == 'o'
                && followed
                && (u.mark == Mark::Horn) != (o.mark == Mark::Horn)
                && matches!(u.mark, Mark::None | Mark::Horn)
                && matches!(o.mark, Mark::None | Mark::Horn)
            {
                self.letters[i].mark = Mark::Horn;
                self.letters[i + 1].mark = Mark::Horn;
            }
        }
    }

    /// The undo of a doubled key: the mark or tone went away, now the key
    /// is typed as a letter.
    fn undo(&mut self, key: char) -> bool {
        self.letters.push(Letter::typed(key));
        true
    }

    fn tone_key(&mut self, tone: Tone, key: char) -> bool {
        let Some(p) = self.parts().filter(|&p| self.is_syllable(p)) else {
            return false;
        };
        if self.tone.map(|(t, _)| t) == Some(tone) {
            self.tone = None;
            return self.undo(key);
        }
        // After c, ch, p and t only sắc and nặng are Vietnamese.
        let last = self.text(p.end..self.letters.len());
        if matches!(last.as_str(), "c" | "ch" | "p" | "t")
            && !matches!(tone, Tone::Acute | Tone::Dot)
        {
            return false;
        }
        self.complete_uo(p);
        self.tone = Some((tone, 0));
        self.place_tone(p);
        true
    }

    fn z_key(&mut self) -> bool {
        let valid = self.parts().is_some_and(|p| self.is_syllable(p));
        valid && self.tone.take().is_some()
    }

    /// Tries each way of marking the vowels in turn: the first that makes
    /// Vietnamese is used; one that is there already is undone.
    fn mark_key(&mut self, key: char, ways: &[&[(char, Mark)]]) -> bool {
        let Some(p) = self.parts().filter(|&p| self.is_syllable(p)) else {
            return false;
        };
        let vowels = self.text(p.start..p.end);
        let bare: String = self.letters[p.start..p.end]
            .iter()
            .map(|l| l.base)
            .collect();
        for way in ways {
            let pattern: String = way.iter().map(|(c, _)| *c).collect();
            let Some(at) = bare.find(&pattern) else {
                continue;
            };
            let at = p.start + bare[..at].chars().count();
            let mut marked = self.clone();
            for (i, (_, mark)) in way.iter().enumerate() {
                marked.letters[at + i].mark = *mark;
            }
            // ô in "ươ" takes the u's horn away: ươ + o → uô.
            if way.len() == 1
                && way[0] == ('o', Mark::Hat)
                && at > p.start
                && self.letters[at - 1].base == 'u'
            {
                marked.letters[at - 1].mark = Mark::None;
            }
            if marked.text(p.start..p.end) == vowels {
                for i in 0..way.len() {
                    self.letters[at + i].mark = Mark::None;
                }
                self.place_tone(p);
                return self.undo(key);
            }
            if marked.marked_vowels_ok(p) {
                *self = marked;
                self.place_tone(p);
                return true;
            }
        }
        false
    }

    /// `d` bars the d that starts the word: dd → đ, dinhd → đinh.
    fn d_key(&mut self, key: char) -> bool {
        let vowel = self.letters.iter().position(Letter::is_vowel);
        let initial = vowel.unwrap_or(self.letters.len());
        if initial != 1 || self.letters[0].base != 'd' {
            return false;
        }
        if vowel.is_some() && !self.parts().is_some_and(|p| self.is_syllable(p)) {
            return false;
        }
        if self.letters[0].mark == Mark::Bar {
            self.letters[0].mark = Mark::None;
            return self.undo(key);
        }
        self.letters[0].mark = Mark::Bar;
        true
    }

    /// A key that is only a letter: added; the tone moves if the new letter
    /// changes where it goes (túa + n → tuán), and ư or ơ becomes ươ before
    /// a final consonant.
    fn letter_key(&mut self, key: char) {
        self.letters.push(Letter::typed(key));
        if let Some(p) = self.parts().filter(|&p| self.is_syllable(p)) {
            self.complete_uo(p);
            self.place_tone(p);
        }
    }
}

/// The word after typing `key` (an ASCII letter), or None when the key is
/// simply added to it as it is.
fn compose(word: &str, key: char) -> Option<String> {
    let mut w = Word::parse(word)?;
    let before = w.clone();
    const HAT_A: &[&[(char, Mark)]] = &[&[('a', Mark::Hat)]];
    const HAT_E: &[&[(char, Mark)]] = &[&[('e', Mark::Hat)]];
    const HAT_O: &[&[(char, Mark)]] = &[&[('o', Mark::Hat)]];
    const W: &[&[(char, Mark)]] = &[
        &[('u', Mark::Horn), ('o', Mark::Horn)],
        &[('u', Mark::Horn)],
        &[('o', Mark::Horn)],
        &[('a', Mark::Breve)],
    ];
    let done = match key.to_ascii_lowercase() {
        'a' => w.mark_key(key, HAT_A),
        'e' => w.mark_key(key, HAT_E),
        'o' => w.mark_key(key, HAT_O),
        'w' => w.mark_key(key, W),
        'd' => w.d_key(key),
        'z' => w.z_key(),
        k => match Tone::of_key(k) {
            Some(t) => w.tone_key(t, key),
            None => false,
        },
    };
    if !done {
        w.letter_key(key);
        let mut plain = before;
        plain.letters.push(Letter::typed(key));
        if w == plain {
            return None;
        }
    }
    Some(w.render())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What typing `keys` into an empty box gives.
    fn typed(keys: &str) -> String {
        keys.chars().fold(String::new(), |s, k| type_key(&s, k))
    }

    #[test]
    fn types_the_names_seniors_have() {
        for (keys, name) in [
            ("Nguyeenx Thij Hoaf", "Nguyễn Thị Hoà"),
            ("Thuyr", "Thuỷ"),
            ("Thuyf", "Thuỳ"),
            ("Quys", "Quý"),
            ("Giang", "Giang"),
            ("Giangf", "Giàng"),
            ("Huwowngf", "Hường"),
            ("Huongwf", "Hường"),
            ("Huowngf", "Hường"),
            ("Huwongf", "Hường"),
            ("Khuee", "Khuê"),
            ("Tuaans", "Tuấn"),
            ("Nghiax", "Nghĩa"),
            ("Toanf", "Toàn"),
            ("Thuaanj", "Thuận"),
            ("Phuowngj", "Phượng"),
            ("Ddinhf Vawn Ddwcs", "Đình Văn Đwcs"),
            ("Ddinhf Vawn Dduwcs", "Đình Văn Đức"),
            ("Traafn Thij Thu Hawngf", "Trần Thị Thu Hằng"),
            ("Lee Vawn Nam", "Lê Văn Nam"),
            ("Phamj Minh Tuaans", "Phạm Minh Tuấn"),
            ("Ngoo Thij Ngocj Anh", "Ngô Thị Ngọc Anh"),
            ("Vux Thij Thanh Xuaan", "Vũ Thị Thanh Xuân"),
            ("Buif Thij Dieeuj", "Bùi Thị Diệu"),
            ("Hoangf Thij Khuyeen", "Hoàng Thị Khuyên"),
            ("nguwowif", "người"),
            ("nguoiwf", "người"),
            ("gif", "gì"),
            ("gias", "giá"),
            ("gieengs", "giếng"),
            ("quoocs", "quốc"),
            ("ruwowuj", "rượu"),
            ("Soos 12 ngox 5 Phucs Xas", "Số 12 ngõ 5 Phúc Xá"),
            ("phuwowngf Quans Thanhs", "phường Quán Thánh"),
        ] {
            assert_eq!(typed(keys), name, "{keys}");
        }
    }

    #[test]
    fn tones_follow_the_modern_rule_whenever_they_are_typed() {
        for (keys, word) in [
            ("hoaf", "hoà"),
            ("hoef", "hoè"),
            ("thuyr", "thuỷ"),
            ("hofa", "hoà"),
            ("hoafng", "hoàng"),
            ("hoangf", "hoàng"),
            ("tuasan", "tuấn"),
            ("tusan", "tuán"),
            ("thury", "thuỷ"),
            ("vieetj", "việt"),
            ("vietje", "việt"),
            ("vietej", "việt"),
            ("huyfnh", "huỳnh"),
            ("muaf", "mùa"),
            ("mufa", "mùa"),
            ("ngoaif", "ngoài"),
            ("xoays", "xoáy"),
            ("cuwus", "cứu"),
        ] {
            assert_eq!(typed(keys), word, "{keys}");
        }
    }

    #[test]
    fn a_doubled_key_undoes_itself() {
        for (keys, word) in [
            ("as", "á"),
            ("ass", "as"),
            ("asss", "ass"),
            ("aa", "â"),
            ("aaa", "aa"),
            ("aaaa", "aaa"),
            ("ee", "ê"),
            ("eee", "ee"),
            ("oo", "ô"),
            ("ooo", "oo"),
            ("dd", "đ"),
            ("ddd", "dd"),
            ("dddd", "ddd"),
            ("uw", "ư"),
            ("uww", "uw"),
            ("ow", "ơ"),
            ("oww", "ow"),
            ("aw", "ă"),
            ("aww", "aw"),
            ("uow", "ươ"),
            ("uoww", "uow"),
            ("hoaff", "hoaf"),
            ("hoafz", "hoa"),
            ("hasz", "ha"),
            ("hasf", "hà"),
            ("awa", "â"),
            ("aaw", "ă"),
            ("oow", "ơ"),
            ("uwowo", "uô"),
            ("z", "z"),
            ("haz", "haz"),
        ] {
            assert_eq!(typed(keys), word, "{keys}");
        }
    }

    #[test]
    fn capitals_stay_capitals() {
        for (keys, word) in [
            ("NGUYEENX THIJ HOAF", "NGUYỄN THỊ HOÀ"),
            ("DD", "Đ"),
            ("Dd", "Đ"),
            ("dD", "đ"),
            ("DDD", "DD"),
            ("AA", "Â"),
            ("Aa", "Â"),
            ("AAA", "AA"),
            ("UW", "Ư"),
            ("HUWOWNGF", "HƯỜNG"),
            ("ThuyR", "Thuỷ"),
            ("QUYS", "QUÝ"),
            ("ASS", "AS"),
        ] {
            assert_eq!(typed(keys), word, "{keys}");
        }
    }

    /// Names typed without tone keys, as in the search box, stay as typed.
    #[test]
    fn plain_words_stay_as_typed() {
        for keys in [
            "Xuan",
            "xuan",
            "Thu",
            "thu",
            "Son",
            "son",
            "Hanoi",
            "Mai",
            "Loan",
            "Oanh",
            "Lan",
            "Minh",
            "Hai",
            "Trang",
            "Ngoc",
            "Phuong",
            "Anh",
            "Long",
            "Giang",
            "Quang",
            "Duc",
            "Tam",
            "Nguyen Thi Xuan",
            "nguyen thi hang",
            "Tran Van Son",
            "Wendy",
            "William",
            "James",
            "Sam",
            "hello world",
            "12 Lane 5",
            "Xa",
            "Su",
            "Ra",
            "Fe",
            "Jo",
        ] {
            assert_eq!(typed(keys), keys);
        }
    }

    /// After c, ch, p, t only sắc and nặng exist; after a word that is no
    /// syllable a tone key is a letter.
    #[test]
    fn impossible_tones_are_letters() {
        for (keys, word) in [
            ("matf", "matf"),
            ("macs", "mác"),
            ("mapj", "mạp"),
            ("hanois", "hanois"),
            ("bs", "bs"),
            ("ngr", "ngr"),
            ("aor", "ảo"),
            ("aow", "aow"),
            ("wa", "wa"),
        ] {
            assert_eq!(typed(keys), word, "{keys}");
        }
    }

    #[test]
    fn composed_input_is_kept() {
        // An input method sends whole letters: they go in as they are.
        for text in ["Nguyễn Thị Hoà", "Thủ", "Đặng Văn Đức", "ễ", "Hòa Bình"] {
            let (i, last) = text.char_indices().last().unwrap();
            assert_eq!(type_key(&text[..i], last), text);
        }
        for text in ["Nguyễn Thị Hoà", "Đặng Văn Đức", "ễ", "Thu Hà", "Hường"] {
            assert_eq!(typed(text), text);
        }
        // A letter typed after a tone in the older place moves it, so a
        // word comes out the same whichever order its keys came in.
        assert_eq!(type_key("Hò", 'a'), "Hoà");
        assert_eq!(type_key("Thủ", 'y'), "Thuỷ");
        // Decomposed letters come out composed.
        assert_eq!(typed("Nguye\u{302}\u{303}n"), "Nguyễn");
        // Telex keys still act on such a word.
        assert_eq!(typed("Nguyễ"), "Nguyễ");
        assert_eq!(type_key("Nguyễ", 'n'), "Nguyễn");
        assert_eq!(type_key("Nguyên", 'x'), "Nguyễn");
        assert_eq!(type_key("Hòa", 'i'), "Hoài");
        // Other scripts and letters are left alone.
        assert_eq!(typed("Zoë"), "Zoë");
        assert_eq!(type_key("Zoë", 's'), "Zoës");
        assert_eq!(type_key("Señ", 'r'), "Señr");
    }

    #[test]
    fn only_the_last_word_changes() {
        assert_eq!(type_key("Hoà ", 'f'), "Hoà f");
        assert_eq!(type_key("ba-", 'f'), "ba-f");
        assert_eq!(type_key("a1a", 'a'), "a1â");
        assert_eq!(type_key("ba, ba", 'f'), "ba, bà");
        assert_eq!(type_key("", 'x'), "x");
        assert_eq!(type_key("Số 1", '2'), "Số 12");
    }

    #[test]
    fn erasing_takes_one_letter_as_shown() {
        let mut s = typed("Nguyeenx");
        assert_eq!(s, "Nguyễn");
        erase(&mut s);
        assert_eq!(s, "Nguyễ");
        erase(&mut s);
        assert_eq!(s, "Nguy");
        let mut s = "Nguye\u{302}\u{303}".to_string();
        erase(&mut s);
        assert_eq!(s, "Nguy");
        let mut s = String::new();
        erase(&mut s);
        assert_eq!(s, "");
        // Typing goes on from what is shown.
        let s = "Nguyễ".chars().fold(String::new(), |s, k| type_key(&s, k));
        assert_eq!(type_key(&s, 'n'), "Nguyễn");
    }

    /// The Telex keys for `word`: each mark typed after its letter, the
    /// tone at the end of the word or (`early`) right after its vowel.
    fn keys_for(word: &str, early: bool) -> String {
        let mut keys = String::new();
        let mut tone = None;
        for letter in word.chars() {
            let mut base = None;
            let mut mark = None;
            for c in std::iter::once(letter).nfd() {
                match (c, Tone::of_mark(c)) {
                    (_, Some(t)) => tone = Some(['s', 'f', 'r', 'x', 'j'][t as usize]),
                    ('\u{302}', _) => mark = base,
                    ('\u{306}' | '\u{31B}', _) => mark = Some('w'),
                    ('đ', _) => (base, mark) = (Some('d'), Some('d')),
                    ('Đ', _) => (base, mark) = (Some('D'), Some('d')),
                    (c, _) => base = Some(c),
                }
            }
            keys.extend(base);
            keys.extend(mark);
            if early {
                keys.extend(tone.take());
            }
        }
        keys.extend(tone);
        keys
    }

    /// Words from names and Hanoi addresses, in the modern tone style,
    /// typed with the tone last and with the tone right after its vowel.
    #[test]
    fn every_word_types_in_either_order() {
        let words = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương \
            Lý Văn Hữu Đức Minh Quang Công Xuân Ngọc Đình Thanh Mạnh Trọng Thị Thu Kim Bích \
            Hồng Thuý Phương Hùng Dũng Tuấn Hải Sơn Thắng Long Nam Bình Cường Hoà Thành Tiến \
            Việt Khánh Phúc Lâm Toàn Trung Hiếu Huy Kiên Lợi Nghĩa Quý Tâm Thịnh Vinh Chiến \
            Định Giang Hưng Khải Luân Thọ Lan Hoa Hương Hằng Hạnh Hà Hiền Huệ Liên Loan Mai \
            Nga Nhung Oanh Thảo Trang Tuyết Vân Yến Chi Châu Cúc Dung Duyên Hoè Khuyên Lụa \
            Nguyệt Phượng Quyên Thoa Thuỷ Trúc Yên Khuê Thuận Hường Người Đường Phố Ngõ Ngách \
            Số Phường Quận Hoàn Kiếm Ba Đình Đống Đa Cầu Giấy Hai Bà Trưng Tây Hồ Quán \
            Thánh Xá Phúc Hàng Bạc Bồ Đề Giảng Võ Láng Thượng Khương Mai Nghĩa Tân Yên Hoà \
            Tổ Khu Tập Thể Nhà Tầng Phòng Chợ Đồng Xuân Trường Chinh Giải Phóng Kim Mã \
            Nguyên Hồng Thuỵ Khuê Lạc Long Quân Âu Cơ Nhật Tân Quảng An Tứ Liên Xuân Diệu \
            Khuyến Ước Gửi Cứu Rượu Ngoài Xoáy Khoẻ Chuyện Luyện Thuở Hươu Tuổi Muối";
        for word in words.split_whitespace().filter(|w| *w != "Thuở") {
            for early in [false, true] {
                let keys = keys_for(word, early);
                assert_eq!(typed(&keys), word, "{keys}");
                let upper = keys.to_uppercase();
                assert_eq!(typed(&upper), word.to_uppercase(), "{upper}");
            }
        }
    }

    #[test]
    fn a_full_box_still_takes_accents() {
        let mut s = "Nguyen".to_string();
        assert!(!type_into(&mut s, 'g', 6), "a seventh letter");
        assert!(type_into(&mut s, 'e', 6), "a mark adds no letter");
        assert!(type_into(&mut s, 'x', 6), "nor does a tone");
        assert_eq!(s, "Nguyễn");
        assert!(!type_into(&mut s, '\n', 60));
        assert_eq!(s, "Nguyễn");
    }

    #[test]
    fn results_are_nfc() {
        for keys in ["Nguyeenx Thij Hoaf", "HUWOWNGF", "Dduwcs", "thuyr"] {
            let s = typed(keys);
            assert!(crate::text::is_nfc(&s), "{s}");
        }
    }
}
