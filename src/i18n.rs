//! Every piece of interface text, in Vietnamese and English, side by side.
//!
//! Screens never hold a literal string: they ask `texts(lang)` for a field.
//! The `texts!` table below makes it impossible to add a Vietnamese string
//! without its English twin (the struct would not compile), and a test checks
//! that every string is NFC. Templates use `{name}` placeholders filled by
//! [`fill`].

use std::fmt::Display;

/// The two interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The other language (for the toggle).
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

macro_rules! texts {
    ($( $name:ident : $vi:expr , $en:expr ; )*) => {
        /// One field per piece of interface text.
        pub struct Texts { $(pub $name: &'static str,)* }
        pub static VI: Texts = Texts { $($name: $vi,)* };
        pub static EN: Texts = Texts { $($name: $en,)* };
        impl Texts {
            /// Every (field name, text) pair, for checks.
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

texts! {
    // The language toggle shows the language it switches *to*.
    language_name: "Tiếng Việt", "English";
    switch_language: "English", "Tiếng Việt";
    modules_loaded: "Đã nạp {count} bài học", "{count} lessons loaded";
}

/// The texts for `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn every_text_is_nfc_and_non_empty() {
        for lang in [Lang::Vi, Lang::En] {
            for (name, text) in texts(lang).all() {
                assert!(is_nfc(text), "{name} ({lang:?}) is not NFC");
                assert!(!text.trim().is_empty(), "{name} ({lang:?}) is empty");
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        let placeholders = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for ((name, vi), (_, en)) in VI.all().into_iter().zip(EN.all()) {
            assert_eq!(placeholders(vi), placeholders(en), "{name}");
        }
    }

    #[test]
    fn fill_replaces_names() {
        assert_eq!(
            fill("Bước {n}/{total}", &[("n", &3), ("total", &8)]),
            "Bước 3/8"
        );
    }
}
