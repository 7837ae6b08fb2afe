//! Owns `kiosk.toml`: reading it, checking every field, and resolving the
//! paths in it relative to the file itself (so the kiosk works from any
//! working directory). Nothing else in the crate reads configuration files.
//!
//! An unknown key is refused with its line and column: a typo such as
//! `langauge` would otherwise be silently ignored and the kiosk would run with
//! a default the volunteer did not choose.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;

/// Everything that can be wrong with a configuration file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: field `{field}`: {message}")]
    Invalid {
        path: PathBuf,
        field: String,
        message: String,
    },
}

/// The parsed, validated configuration with absolute paths.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file this came from.
    pub path: PathBuf,
    pub site_id: String,
    pub site_name: String,
    /// Name of this seat (computer); `KIOSK_SEAT` overrides it so several
    /// seats can share one `kiosk.toml` and one database.
    pub seat: String,
    pub language: Lang,
    pub lessons_dir: PathBuf,
    pub database: PathBuf,
    pub backup_dir: PathBuf,
    pub backup_keep: usize,
    pub idle_timeout_secs: u64,
    pub countdown_secs: u64,
    /// A learner on one page longer than this "needs help".
    pub stuck_minutes: u64,
    pub instructor_key: KeyCombo,
    pub instructor_idle_secs: u64,
    pub target_percent: u8,
    pub indicators: Vec<Indicator>,
    /// Program and arguments that read text aloud; the text is given on
    /// standard input. `None` hides the read-aloud key.
    pub speech: Option<Vec<String>>,
}

/// A campaign indicator a ward tracks per household.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub vi: String,
    pub en: String,
}

impl Indicator {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// The key that opens instructor mode: Ctrl plus a letter, or a function key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCombo {
    Ctrl(char),
    F(u8),
}

impl KeyCombo {
    pub fn parse(s: &str) -> Option<KeyCombo> {
        let lower = s.trim().to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("ctrl+") {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                // Ctrl-C, Ctrl-Z and Ctrl-\ are swallowed by the kiosk; Ctrl-I,
                // Ctrl-M and Ctrl-[ are Tab, Enter and Esc on a terminal.
                (Some(c), None) if c.is_ascii_lowercase() && !"czim".contains(c) => {
                    Some(KeyCombo::Ctrl(c))
                }
                _ => None,
            }
        } else if let Some(rest) = lower.strip_prefix('f') {
            match rest.parse::<u8>() {
                Ok(n) if (1..=12).contains(&n) && n != 1 => Some(KeyCombo::F(n)),
                _ => None,
            }
        } else {
            None
        }
    }
}

impl std::fmt::Display for KeyCombo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyCombo::Ctrl(c) => write!(f, "Ctrl+{}", c.to_ascii_uppercase()),
            KeyCombo::F(n) => write!(f, "F{n}"),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    site: RawSite,
    #[serde(default = "default_seat")]
    seat: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default = "default_lessons")]
    lessons: PathBuf,
    #[serde(default = "default_database")]
    database: PathBuf,
    #[serde(default)]
    backup: RawBackup,
    #[serde(default)]
    session: RawSession,
    #[serde(default)]
    instructor: RawInstructor,
    #[serde(default)]
    campaign: RawCampaign,
    #[serde(default)]
    speech: RawSpeech,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    id: String,
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawBackup {
    folder: PathBuf,
    keep: usize,
}

impl Default for RawBackup {
    fn default() -> Self {
        RawBackup {
            folder: PathBuf::from("data/backups"),
            keep: 14,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawSession {
    idle_minutes: f64,
    countdown_seconds: u64,
    stuck_minutes: u64,
}

impl Default for RawSession {
    fn default() -> Self {
        RawSession {
            idle_minutes: 5.0,
            countdown_seconds: 30,
            stuck_minutes: 15,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawInstructor {
    key: String,
    idle_minutes: f64,
}

impl Default for RawInstructor {
    fn default() -> Self {
        RawInstructor {
            key: "ctrl+k".into(),
            idle_minutes: 10.0,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawCampaign {
    target_percent: i64,
    indicators: Vec<Indicator>,
}

impl Default for RawCampaign {
    fn default() -> Self {
        RawCampaign {
            target_percent: 70,
            indicators: default_indicators(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawSpeech {
    command: String,
}

fn default_seat() -> String {
    "1".into()
}
fn default_language() -> String {
    "vi".into()
}
fn default_lessons() -> PathBuf {
    PathBuf::from("lessons")
}
fn default_database() -> PathBuf {
    PathBuf::from("data/kiosk.db")
}

/// The campaign indicators Hanoi's wards track, used when `kiosk.toml`
/// lists none.
pub fn default_indicators() -> Vec<Indicator> {
    let list = [
        (
            "smartphone",
            "Có điện thoại thông minh",
            "Owns a smartphone",
        ),
        ("vneid", "Có tài khoản VNeID", "Has a VNeID account"),
        ("ewallet", "Có ví điện tử", "Has an e-wallet"),
        (
            "public-services",
            "Dùng dịch vụ công trực tuyến",
            "Uses online public services",
        ),
        ("ihanoi", "Dùng ứng dụng iHanoi", "Uses the iHanoi app"),
        (
            "digital-signature",
            "Có chữ ký số",
            "Has a digital signature",
        ),
        ("zalo", "Dùng Zalo an toàn", "Uses Zalo safely"),
        ("scam-safety", "Biết nhận ra lừa đảo", "Can spot scams"),
    ];
    list.iter()
        .map(|(id, vi, en)| Indicator {
            id: id.to_string(),
            vi: vi.to_string(),
            en: en.to_string(),
        })
        .collect()
}

impl Config {
    /// Reads and validates `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::from_str(path, &text)
    }

    /// Parses configuration text as if it came from `path` (paths inside are
    /// resolved against the folder of `path`).
    pub fn from_str(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: describe_toml_error(text, &e),
        })?;
        let invalid = |field: &str, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            field: field.to_string(),
            message,
        };
        let base = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let base = if base.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            base
        };
        let resolve = |p: &Path| {
            if p.is_absolute() {
                p.to_path_buf()
            } else {
                base.join(p)
            }
        };

        if !is_slug(&raw.site.id) {
            return Err(invalid(
                "site.id",
                format!(
                    "{:?} must be 1 to 32 lowercase letters, digits or dashes (for example \"vh-phuc-xa\")",
                    raw.site.id
                ),
            ));
        }
        let site_name = crate::text::nfc(raw.site.name.trim());
        if site_name.is_empty() {
            return Err(invalid("site.name", "must not be empty".into()));
        }
        let language = Lang::parse(&raw.language).ok_or_else(|| {
            invalid(
                "language",
                format!("{:?} is not \"vi\" or \"en\"", raw.language),
            )
        })?;
        let seat = std::env::var("KIOSK_SEAT")
            .ok()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(raw.seat);
        let seat = crate::text::nfc(seat.trim());
        if seat.is_empty() {
            return Err(invalid("seat", "must not be empty".into()));
        }
        if raw.backup.keep == 0 {
            return Err(invalid("backup.keep", "must be at least 1".into()));
        }
        if !(raw.session.idle_minutes > 0.0 && raw.session.idle_minutes <= 240.0) {
            return Err(invalid(
                "session.idle_minutes",
                "must be more than 0 and at most 240".into(),
            ));
        }
        if raw.session.countdown_seconds == 0 || raw.session.countdown_seconds > 600 {
            return Err(invalid(
                "session.countdown_seconds",
                "must be from 1 to 600".into(),
            ));
        }
        if raw.session.stuck_minutes == 0 {
            return Err(invalid(
                "session.stuck_minutes",
                "must be at least 1".into(),
            ));
        }
        let instructor_key = KeyCombo::parse(&raw.instructor.key).ok_or_else(|| {
            invalid(
                "instructor.key",
                format!(
                    "{:?} is not a key the kiosk can use: write ctrl+LETTER (not c, z, i or m) or F2 to F12",
                    raw.instructor.key
                ),
            )
        })?;
        if !(raw.instructor.idle_minutes > 0.0 && raw.instructor.idle_minutes <= 240.0) {
            return Err(invalid(
                "instructor.idle_minutes",
                "must be more than 0 and at most 240".into(),
            ));
        }
        if !(1..=100).contains(&raw.campaign.target_percent) {
            return Err(invalid(
                "campaign.target_percent",
                format!("{} is not from 1 to 100", raw.campaign.target_percent),
            ));
        }
        let mut indicators = Vec::new();
        for (i, ind) in raw.campaign.indicators.into_iter().enumerate() {
            if !is_slug(&ind.id) {
                return Err(invalid(
                    &format!("campaign.indicators[{}].id", i + 1),
                    format!("{:?} must be lowercase letters, digits or dashes", ind.id),
                ));
            }
            if indicators.iter().any(|o: &Indicator| o.id == ind.id) {
                return Err(invalid(
                    &format!("campaign.indicators[{}].id", i + 1),
                    format!("{:?} is listed twice", ind.id),
                ));
            }
            indicators.push(Indicator {
                id: ind.id,
                vi: crate::text::nfc(&ind.vi),
                en: crate::text::nfc(&ind.en),
            });
        }
        let speech = {
            let words: Vec<String> = raw
                .speech
                .command
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if words.is_empty() { None } else { Some(words) }
        };
        Ok(Config {
            path: path.to_path_buf(),
            site_id: raw.site.id,
            site_name,
            seat,
            language,
            lessons_dir: resolve(&raw.lessons),
            database: resolve(&raw.database),
            backup_dir: resolve(&raw.backup.folder),
            backup_keep: raw.backup.keep,
            idle_timeout_secs: (raw.session.idle_minutes * 60.0).round() as u64,
            countdown_secs: raw.session.countdown_seconds,
            stuck_minutes: raw.session.stuck_minutes,
            instructor_key,
            instructor_idle_secs: (raw.instructor.idle_minutes * 60.0).round() as u64,
            target_percent: raw.campaign.target_percent as u8,
            indicators,
            speech,
        })
    }

    /// The indicator with this id, if the campaign tracks it.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// A configuration for tests: everything lives under `dir`.
    pub fn for_dir(dir: &Path, site_id: &str) -> Config {
        let text = format!("[site]\nid = \"{site_id}\"\nname = \"Nhà văn hóa thử nghiệm\"\n");
        let mut cfg = Config::from_str(&dir.join("kiosk.toml"), &text)
            .expect("the built-in test configuration is valid");
        cfg.seat = "1".into();
        cfg
    }
}

/// A slug: 1 to 32 of `a-z`, `0-9` and `-`, not starting with a dash.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && !s.starts_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// "line L, column C: message" for a TOML error, or the bare message when it
/// carries no position.
fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            let (line, col) = line_col(text, span.start);
            format!("line {line}, column {col}: {message}")
        }
        None => message,
    }
}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_str(Path::new("/srv/kiosk/kiosk.toml"), text)
    }

    const MINIMAL: &str = "[site]\nid = \"vh-1\"\nname = \"Nhà văn hóa\"\n";

    #[test]
    fn minimal_file_gets_defaults_and_resolved_paths() {
        let cfg = parse(MINIMAL).unwrap();
        assert_eq!(cfg.site_id, "vh-1");
        assert_eq!(cfg.language, Lang::Vi);
        assert_eq!(cfg.lessons_dir, Path::new("/srv/kiosk/lessons"));
        assert_eq!(cfg.database, Path::new("/srv/kiosk/data/kiosk.db"));
        assert_eq!(cfg.idle_timeout_secs, 300);
        assert_eq!(cfg.countdown_secs, 30);
        assert_eq!(cfg.target_percent, 70);
        assert_eq!(cfg.instructor_key, KeyCombo::Ctrl('k'));
        assert!(cfg.indicator("vneid").is_some());
        assert!(cfg.speech.is_none());
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let err = parse(&format!("{MINIMAL}langauge = \"en\"\n"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 4"), "{err}");
        assert!(err.contains("langauge"), "{err}");
    }

    #[test]
    fn bad_values_name_the_field() {
        let cases = [
            ("language = \"fr\"\n", "language"),
            ("[session]\nidle_minutes = 0\n", "session.idle_minutes"),
            (
                "[campaign]\ntarget_percent = 170\n",
                "campaign.target_percent",
            ),
            ("[instructor]\nkey = \"ctrl+c\"\n", "instructor.key"),
            ("[backup]\nkeep = 0\n", "backup.keep"),
        ];
        for (extra, field) in cases {
            let err = parse(&format!("{MINIMAL}{extra}")).unwrap_err().to_string();
            assert!(err.contains(field), "{extra:?} gave {err}");
        }
        let err = parse("[site]\nid = \"Bad Id\"\nname = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("site.id"), "{err}");
    }

    #[test]
    fn key_combos() {
        assert_eq!(KeyCombo::parse("Ctrl+K"), Some(KeyCombo::Ctrl('k')));
        assert_eq!(KeyCombo::parse("f12"), Some(KeyCombo::F(12)));
        assert_eq!(KeyCombo::parse("ctrl+z"), None);
        assert_eq!(KeyCombo::parse("F1"), None, "F1 is help");
        assert_eq!(KeyCombo::F(12).to_string(), "F12");
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "a = \"bà\"\nbb";
        assert_eq!(line_col(text, text.len()), (2, 3));
        assert_eq!(line_col(text, 6), (1, 7));
    }
}
