//! What can be wrong in `kiosk.toml`, as data rather than sentences, so the
//! command line says it in the kiosk's language (`i18n`) while the library
//! keeps an English `Display` for logs and tests.
//!
//! TOML and serde describe their own problems in English; the shapes a
//! person is likely to meet (a misspelt key, a missing one, a value of the
//! wrong kind) are recognised and said again in plain words. Anything else
//! keeps the parser's own words after a plain-language lead.

use std::fmt;

use crate::i18n::{Texts, fill};

/// A field whose value the kiosk cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not 1 to 32 lowercase letters, digits or dashes.
    NotSlug(String),
    Empty,
    NotLanguage(String),
    AtLeastOne,
    /// More than 0 and at most 240 minutes.
    Minutes,
    /// A whole number from `min` to `max`; `value` when it is worth naming.
    Range {
        min: u64,
        max: u64,
        value: Option<String>,
    },
    NotKey(String),
    Twice(String),
    /// A path with a control character in it: in double quotes, TOML reads
    /// `C:\new` as `C:` + a new line + `ew`.
    ControlInPath(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(crate::i18n::texts(crate::i18n::Lang::En)))
    }
}

impl Problem {
    /// The problem in words, in the language of `t`.
    pub fn say(&self, t: &Texts) -> String {
        match self {
            Problem::NotSlug(v) => fill(t.cfg_not_slug, &[("value", &format!("{v:?}"))]),
            Problem::Empty => t.cfg_empty.to_string(),
            Problem::NotLanguage(v) => fill(t.cfg_not_language, &[("value", &format!("{v:?}"))]),
            Problem::AtLeastOne => t.cfg_at_least_one.to_string(),
            Problem::Minutes => t.cfg_minutes.to_string(),
            Problem::Range { min, max, value } => match value {
                Some(v) => fill(t.cfg_is_not, &[("value", v), ("min", min), ("max", max)]),
                None => fill(t.cfg_range, &[("min", min), ("max", max)]),
            },
            Problem::NotKey(v) => fill(t.cfg_not_key, &[("value", &format!("{v:?}"))]),
            Problem::Twice(v) => fill(t.cfg_twice, &[("value", &format!("{v:?}"))]),
            Problem::ControlInPath(v) => fill(t.cfg_path_control, &[("value", &format!("{v:?}"))]),
        }
    }
}

/// A problem the TOML reader found, in the shapes people meet most.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlProblem {
    /// A key the kiosk does not know (often a typo), with the known ones.
    UnknownKey {
        key: String,
        known: Vec<String>,
    },
    MissingKey(String),
    WrongKind {
        expected: Kind,
        found: Found,
    },
    /// A `\` in double quotes that is not an escape TOML knows (`"D:\kiosk"`).
    BadEscape,
    /// Anything else, in the reader's own (English) words.
    Other(String),
}

/// The kind of value a key needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Number,
    WholeNumber,
    TrueFalse,
    Text,
    List,
    Table,
    Other(String),
}

/// The value that was found instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Text(String),
    Number(String),
    TrueFalse(String),
    List,
    Table,
    Other(String),
}

impl TomlProblem {
    /// Recognises serde's wording; `Other` keeps the message as it is.
    pub fn from_message(message: &str) -> TomlProblem {
        let m = message.trim();
        if let Some(rest) = m.strip_prefix("unknown field `")
            && let Some((key, rest)) = rest.split_once('`')
        {
            let known = rest
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            return TomlProblem::UnknownKey {
                key: key.to_string(),
                known,
            };
        }
        if let Some(rest) = m.strip_prefix("missing field `")
            && let Some((key, _)) = rest.split_once('`')
        {
            return TomlProblem::MissingKey(key.to_string());
        }
        if let Some(rest) = m.strip_prefix("invalid type: ")
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return TomlProblem::WrongKind {
                expected: Kind::from_serde(expected),
                found: Found::from_serde(found),
            };
        }
        // "D:\kiosk" (\k is no escape), "C:\Users" and "D:\update" (\U
        // and \u start a character code that does not follow).
        if m.starts_with("missing escaped value") || m.starts_with("too few unicode value digits") {
            return TomlProblem::BadEscape;
        }
        TomlProblem::Other(m.to_string())
    }

    pub fn say(&self, t: &Texts) -> String {
        match self {
            TomlProblem::UnknownKey { key, known } if known.is_empty() => {
                fill(t.cfg_unknown_key_none, &[("key", key)])
            }
            TomlProblem::UnknownKey { key, known } => fill(
                t.cfg_unknown_key,
                &[("key", key), ("known", &known.join(", "))],
            ),
            TomlProblem::MissingKey(key) => fill(t.cfg_missing_key, &[("key", key)]),
            TomlProblem::WrongKind { expected, found } => fill(
                t.cfg_wrong_kind,
                &[("expected", &expected.say(t)), ("found", &found.say(t))],
            ),
            TomlProblem::BadEscape => t.cfg_toml_escape.to_string(),
            TomlProblem::Other(m) => fill(t.cfg_toml_other, &[("detail", m)]),
        }
    }
}

impl fmt::Display for TomlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(crate::i18n::texts(crate::i18n::Lang::En)))
    }
}

impl Kind {
    fn from_serde(s: &str) -> Kind {
        match s.trim() {
            "f32" | "f64" | "a number" => Kind::Number,
            "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
            | "an integer" => Kind::WholeNumber,
            "a boolean" => Kind::TrueFalse,
            "a string" => Kind::Text,
            "a sequence" => Kind::List,
            other if other.starts_with("struct ") || other == "a map" => Kind::Table,
            other => Kind::Other(other.to_string()),
        }
    }

    fn say(&self, t: &Texts) -> String {
        match self {
            Kind::Number => t.cfg_kind_number.to_string(),
            Kind::WholeNumber => t.cfg_kind_whole.to_string(),
            Kind::TrueFalse => t.cfg_kind_bool.to_string(),
            Kind::Text => t.cfg_kind_text.to_string(),
            Kind::List => t.cfg_kind_list.to_string(),
            Kind::Table => t.cfg_kind_table.to_string(),
            Kind::Other(s) => s.clone(),
        }
    }
}

impl Found {
    fn from_serde(s: &str) -> Found {
        let s = s.trim();
        // serde writes `string "ten"`, `integer `5``, `floating point `1.5``,
        // `boolean `true``, `sequence`, `map`.
        let quoted = |rest: &str| rest.trim().trim_matches('`').to_string();
        if let Some(rest) = s.strip_prefix("string ") {
            return Found::Text(rest.trim().trim_matches('"').to_string());
        }
        if let Some(rest) = s
            .strip_prefix("integer ")
            .or_else(|| s.strip_prefix("floating point "))
        {
            return Found::Number(quoted(rest));
        }
        if let Some(rest) = s.strip_prefix("boolean ") {
            return Found::TrueFalse(quoted(rest));
        }
        match s {
            "sequence" => Found::List,
            "map" => Found::Table,
            other => Found::Other(other.to_string()),
        }
    }

    fn say(&self, t: &Texts) -> String {
        match self {
            Found::Text(v) => fill(t.cfg_found_text, &[("value", v)]),
            Found::Number(v) => fill(t.cfg_found_number, &[("value", v)]),
            Found::TrueFalse(v) => v.clone(),
            Found::List => t.cfg_kind_list.to_string(),
            Found::Table => t.cfg_kind_table.to_string(),
            Found::Other(s) => s.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, texts};

    #[test]
    fn serde_wording_is_recognised() {
        assert_eq!(
            TomlProblem::from_message("unknown field `nam`, expected `id` or `name`"),
            TomlProblem::UnknownKey {
                key: "nam".into(),
                known: vec!["id".into(), "name".into()]
            }
        );
        assert_eq!(
            TomlProblem::from_message("missing field `id`"),
            TomlProblem::MissingKey("id".into())
        );
        assert_eq!(
            TomlProblem::from_message("invalid type: string \"ten\", expected f64"),
            TomlProblem::WrongKind {
                expected: Kind::Number,
                found: Found::Text("ten".into())
            }
        );
        assert_eq!(
            TomlProblem::from_message("invalid type: integer `3`, expected a string"),
            TomlProblem::WrongKind {
                expected: Kind::Text,
                found: Found::Number("3".into())
            }
        );
    }

    #[test]
    fn said_in_both_languages() {
        let p = TomlProblem::from_message("invalid type: string \"ten\", expected f64");
        assert_eq!(p.say(texts(Lang::Vi)), "cần một số, không phải chữ \"ten\"");
        assert_eq!(p.to_string(), "needs a number, not the text \"ten\"");
        let p = TomlProblem::from_message("unknown field `nam`, expected `id` or `name`");
        assert_eq!(
            p.say(texts(Lang::Vi)),
            "không có mục `nam` (các mục dùng được: id, name)"
        );
        assert_eq!(
            Problem::Range {
                min: 1,
                max: 100,
                value: Some("170".into())
            }
            .say(texts(Lang::Vi)),
            "170 không nằm trong khoảng từ 1 đến 100"
        );
        // Whatever is not recognised keeps the reader's words.
        let p = TomlProblem::from_message("invalid key");
        assert!(p.say(texts(Lang::Vi)).contains("invalid key"));
    }
}
