//! Owns `kiosk.toml`: reading it, checking every field, and resolving the
//! paths in it relative to the file itself (so the kiosk works from any
//! working directory). Nothing else in the crate reads configuration files.
//!
//! An unknown key is refused with its line and column: a typo such as
//! `langauge` would otherwise be silently ignored and the kiosk would run with
//! a default the volunteer did not choose.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::{Lang, fill, texts};

mod problems;
pub use problems::{Problem, TomlProblem};

/// Everything that can be wrong with a configuration file. `Display` is
/// English; [`ConfigError::describe`] says it in the file's own language.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", self.say(Lang::En))]
    Parse {
        path: PathBuf,
        /// Line and column (1-based), when the reader knows them.
        at: Option<(usize, usize)>,
        problem: TomlProblem,
        /// The language the file asks for, as far as it can be read.
        lang: Lang,
    },
    #[error("{}", self.say(Lang::En))]
    Invalid {
        path: PathBuf,
        field: String,
        problem: Problem,
        lang: Lang,
    },
}

impl ConfigError {
    /// The problem in one line, in the language the file asks for (the
    /// kiosk's default, Vietnamese, when it cannot be read at all).
    pub fn describe(&self) -> String {
        match self {
            ConfigError::Read { .. } => self.say(Lang::default()),
            ConfigError::Parse { lang, .. } | ConfigError::Invalid { lang, .. } => self.say(*lang),
        }
    }

    fn say(&self, lang: Lang) -> String {
        let t = texts(lang);
        match self {
            ConfigError::Read { path, source } if source.kind() == std::io::ErrorKind::NotFound => {
                fill(t.cfg_no_file, &[("path", &path.display())])
            }
            ConfigError::Read { path, source } => fill(
                t.cmd_cannot_read,
                &[
                    ("path", &path.display()),
                    ("error", &crate::i18n::os_error(t, source)),
                ],
            ),
            ConfigError::Parse {
                path,
                at: Some((line, column)),
                problem,
                ..
            } => fill(
                t.cfg_at,
                &[
                    ("path", &path.display()),
                    ("line", line),
                    ("column", column),
                    ("problem", &problem.say(t)),
                ],
            ),
            ConfigError::Parse { path, problem, .. } => {
                format!("{}: {}", path.display(), problem.say(t))
            }
            ConfigError::Invalid {
                path,
                field,
                problem,
                ..
            } => fill(
                t.cfg_field,
                &[
                    ("path", &path.display()),
                    ("field", field),
                    ("problem", &problem.say(t)),
                ],
            ),
        }
    }
}

/// Where `path` really is: its folder's canonical path and its file name
/// (the file itself need not exist).
fn real_location(path: &Path) -> PathBuf {
    let folder = crate::durable::folder_of(path);
    match (std::fs::canonicalize(folder), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// On Windows, the path with every `/` turned into `\`: the defaults
/// (`data/kiosk.db`) and paths written with `/` in kiosk.toml or
/// `--config` would otherwise be shown half and half in every message
/// (`D:\kiosk\data/kiosk.db`). Elsewhere the path as it is.
fn native_separators(path: PathBuf) -> PathBuf {
    if cfg!(windows) {
        path.components().collect()
    } else {
        path
    }
}

/// Whether two locations (from [`real_location`]) name one file. On
/// Windows a name is found whatever the case of its letters, and dots and
/// spaces at its end are dropped: `KIOSK.TOML` and `kiosk.toml.` open
/// `kiosk.toml` there.
fn same_location(a: &Path, b: &Path) -> bool {
    #[cfg(windows)]
    {
        windows_key(&a.to_string_lossy()) == windows_key(&b.to_string_lossy())
    }
    #[cfg(not(windows))]
    {
        a == b
    }
}

/// A path as Windows compares it: letters in one case, without the dots
/// and spaces it drops at the end of the last name.
#[cfg(any(windows, test))]
fn windows_key(path: &str) -> String {
    path.trim_end_matches(['.', ' '])
        .chars()
        .flat_map(char::to_uppercase)
        .collect()
}

/// The language the configuration file at `path` asks for; Vietnamese when
/// there is no such file (the command line's help is said in it).
pub fn language_of_path(path: &Path) -> Lang {
    std::fs::read_to_string(path).map_or(Lang::default(), |text| language_of(&text))
}

/// The language a configuration text asks for, read line by line so that it
/// works even when the rest of the file does not parse: a top-level
/// `language = "en"` before the first `[section]`.
fn language_of(text: &str) -> Lang {
    // Windows' Notepad starts a UTF-8 file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            break;
        }
        if let Some((key, value)) = line.split_once('=')
            && key.trim() == "language"
        {
            let value = value
                .split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(|c| c == '"' || c == '\'');
            return Lang::parse(value).unwrap_or_default();
        }
    }
    Lang::default()
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
        let lang = language_of(text);
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            at: e.span().map(|span| line_col(text, span.start)),
            problem: TomlProblem::from_message(e.message()),
            lang,
        })?;
        let invalid = |field: &str, problem: Problem| ConfigError::Invalid {
            path: path.to_path_buf(),
            field: field.to_string(),
            problem,
            lang,
        };
        let base = crate::durable::folder_of(path).to_path_buf();
        let resolve = |p: &Path| {
            if p.is_absolute() {
                native_separators(p.to_path_buf())
            } else {
                native_separators(base.join(p))
            }
        };

        for (field, path) in [
            ("lessons", &raw.lessons),
            ("database", &raw.database),
            ("backup.folder", &raw.backup.folder),
        ] {
            let text = path.to_string_lossy();
            if text.chars().any(char::is_control) {
                return Err(invalid(field, Problem::ControlInPath(text.into_owned())));
            }
        }
        if !is_slug(&raw.site.id) {
            return Err(invalid("site.id", Problem::NotSlug(raw.site.id)));
        }
        let site_name = crate::text::nfc(raw.site.name.trim());
        if site_name.is_empty() {
            return Err(invalid("site.name", Problem::Empty));
        }
        let language = Lang::parse(&raw.language)
            .ok_or_else(|| invalid("language", Problem::NotLanguage(raw.language.clone())))?;
        let seat = std::env::var("KIOSK_SEAT")
            .ok()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(raw.seat);
        let seat = crate::text::nfc(seat.trim());
        if seat.is_empty() {
            return Err(invalid("seat", Problem::Empty));
        }
        if raw.backup.keep == 0 {
            return Err(invalid("backup.keep", Problem::AtLeastOne));
        }
        if !(raw.session.idle_minutes > 0.0 && raw.session.idle_minutes <= 240.0) {
            return Err(invalid("session.idle_minutes", Problem::Minutes));
        }
        if raw.session.countdown_seconds == 0 || raw.session.countdown_seconds > 600 {
            return Err(invalid(
                "session.countdown_seconds",
                Problem::Range {
                    min: 1,
                    max: 600,
                    value: None,
                },
            ));
        }
        if raw.session.stuck_minutes == 0 {
            return Err(invalid("session.stuck_minutes", Problem::AtLeastOne));
        }
        let instructor_key = KeyCombo::parse(&raw.instructor.key).ok_or_else(|| {
            invalid(
                "instructor.key",
                Problem::NotKey(raw.instructor.key.clone()),
            )
        })?;
        if !(raw.instructor.idle_minutes > 0.0 && raw.instructor.idle_minutes <= 240.0) {
            return Err(invalid("instructor.idle_minutes", Problem::Minutes));
        }
        if !(1..=100).contains(&raw.campaign.target_percent) {
            return Err(invalid(
                "campaign.target_percent",
                Problem::Range {
                    min: 1,
                    max: 100,
                    value: Some(raw.campaign.target_percent.to_string()),
                },
            ));
        }
        let mut indicators = Vec::new();
        for (i, ind) in raw.campaign.indicators.into_iter().enumerate() {
            if !is_slug(&ind.id) {
                return Err(invalid(
                    &format!("campaign.indicators[{}].id", i + 1),
                    Problem::NotSlug(ind.id),
                ));
            }
            if indicators.iter().any(|o: &Indicator| o.id == ind.id) {
                return Err(invalid(
                    &format!("campaign.indicators[{}].id", i + 1),
                    Problem::Twice(ind.id),
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

    /// Whether writing to `out` would overwrite one of this kiosk's own
    /// files: the settings, the database, or the database's write-ahead
    /// log, shared-memory or journal file. Compared by the folder's real
    /// path and the file name, so `./data/../data/kiosk.db` and a link to
    /// the folder are caught too, also when the file does not exist yet;
    /// on Windows also the same name in other letter case (`KIOSK.TOML`).
    pub fn is_own_file(&self, out: &Path) -> bool {
        let with = |suffix: &str| crate::durable::with_suffix(&self.database, suffix);
        let own = [
            self.path.clone(),
            self.database.clone(),
            with("-wal"),
            with("-shm"),
            with("-journal"),
        ];
        let out = real_location(out);
        own.iter().any(|f| same_location(&real_location(f), &out))
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

    /// Windows finds `KIOSK.TOML`, `Kiosk.toml.` and `kiosk.toml ` as
    /// `kiosk.toml`; an `--out` so written must still count as the
    /// kiosk's own file there. Only the end of the last name is trimmed.
    #[test]
    fn windows_compares_names_without_case_or_trailing_dots() {
        let key = |p: &str| windows_key(p);
        assert_eq!(key(r"D:\kiosk\KIOSK.TOML"), key(r"D:\kiosk\kiosk.toml"));
        assert_eq!(key(r"D:\kiosk\Kiosk.toml. "), key(r"D:\kiosk\kiosk.toml"));
        assert_eq!(
            key(r"D:\Nhà Văn Hóa\DATA\KIOSK.DB-WAL"),
            key(r"D:\nhà văn hóa\data\kiosk.db-wal")
        );
        assert_ne!(key(r"D:\kiosk\kiosk.toml.bak"), key(r"D:\kiosk\kiosk.toml"));
        assert_ne!(key(r"D:\kiosk\kiosk.db-wal"), key(r"D:\kiosk\kiosk.db"));
    }

    /// Paths are shown with Windows' own separator there, whether they
    /// come from the defaults, kiosk.toml or `--config` written with `/`.
    #[cfg(windows)]
    #[test]
    fn windows_paths_use_one_kind_of_separator() {
        let text = format!("database = 'E:/phuong/kiosk.db'\n{MINIMAL}");
        let cfg = Config::from_str(Path::new("D:/kiosk/kiosk.toml"), &text).unwrap();
        assert_eq!(cfg.database.to_str(), Some(r"E:\phuong\kiosk.db"));
        assert_eq!(cfg.lessons_dir.to_str(), Some(r"D:\kiosk\lessons"));
        assert_eq!(cfg.backup_dir.to_str(), Some(r"D:\kiosk\data\backups"));
        let cfg = Config::from_str(Path::new("kiosk.toml"), MINIMAL).unwrap();
        assert_eq!(cfg.database.to_str(), Some(r".\data\kiosk.db"));
    }

    /// The kiosk's own files are refused as `--out` whatever the case of
    /// the letters typed, as Windows opens them so.
    #[cfg(windows)]
    #[test]
    fn own_files_are_known_in_any_letter_case_on_windows() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("kiosk.toml"), "").unwrap();
        let cfg = Config::for_dir(dir.path(), "vh-1");
        for name in [
            "KIOSK.TOML",
            "Kiosk.Toml.",
            r"DATA\KIOSK.DB",
            r"Data\Kiosk.db-WAL",
        ] {
            assert!(cfg.is_own_file(&dir.path().join(name)), "{name}");
        }
        assert!(!cfg.is_own_file(&dir.path().join("KIOSK.CSV")));
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
    fn a_windows_path_in_double_quotes_is_explained() {
        // "D:\kiosk": \k is no escape TOML knows.
        let e = parse(&format!("database = \"D:\\kiosk\\a.db\"\n{MINIMAL}")).unwrap_err();
        let said = e.describe();
        assert!(
            said.starts_with(
                "/srv/kiosk/kiosk.toml: dòng 1, cột 16: dấu \\ trong dấu nháy kép phải viết hai lần"
            ),
            "{said}"
        );
        assert!(said.contains("dấu nháy đơn ('D:\\kiosk')"), "{said}");
        // "C:\Users": \U starts a character code that does not follow.
        let e = parse(&format!(
            "database = \"C:\\Users\\xa\\kiosk.db\"\n{MINIMAL}"
        ))
        .unwrap_err();
        assert!(
            e.describe().contains("dấu nháy đơn ('D:\\kiosk')"),
            "{}",
            e.describe()
        );
        // "C:\new\test.db": \n and \t are escapes, so it parses into a path
        // with a new line and a tab in it.
        let e = parse(&format!(
            "language = \"en\"\ndatabase = \"C:\\new\\test.db\"\n{MINIMAL}"
        ))
        .unwrap_err();
        assert_eq!(
            e.describe(),
            "/srv/kiosk/kiosk.toml: field `database`: the path \"C:\\new\\test.db\" has a control \
             character: inside double quotes, a \\ and the letter after it become another character \
             (\\n a new line, \\t a tab, \\b a backspace). Write the path in single quotes, e.g. \
             'C:\\new\\kiosk.db', or use /"
        );
        // In single quotes the same path is taken as written.
        let cfg = parse(&format!("database = 'C:\\new\\test.db'\n{MINIMAL}")).unwrap();
        assert!(cfg.database.to_string_lossy().ends_with("C:\\new\\test.db"));
    }

    #[test]
    fn problems_are_said_in_the_language_the_file_asks_for() {
        let vi = parse(&format!("{MINIMAL}[session]\nidle_minutes = \"năm\"\n")).unwrap_err();
        assert_eq!(
            vi.describe(),
            "/srv/kiosk/kiosk.toml: dòng 5, cột 16: cần một số, không phải chữ \"năm\""
        );
        let en = parse(&format!("language = \"en\"\n{MINIMAL}langauge = \"en\"\n")).unwrap_err();
        assert_eq!(
            en.describe(),
            "/srv/kiosk/kiosk.toml: line 5, column 1: there is no setting `langauge` (the settings \
             here: id, name)"
        );
        let vi = parse(&format!("{MINIMAL}[backup]\nkeep = 0\n")).unwrap_err();
        assert_eq!(
            vi.describe(),
            "/srv/kiosk/kiosk.toml: mục `backup.keep`: phải từ 1 trở lên"
        );
        // Display stays English for logs, whatever the file's language.
        assert_eq!(
            vi.to_string(),
            "/srv/kiosk/kiosk.toml: field `backup.keep`: must be at least 1"
        );
        let missing = Config::load(Path::new("/nowhere/kiosk.toml")).unwrap_err();
        assert_eq!(missing.describe(), "không có tệp /nowhere/kiosk.toml");
        // The language is found even when the file does not parse.
        assert_eq!(
            language_of("# settings\nlanguage = \"en\" # English\n[site\n"),
            Lang::En
        );
        assert_eq!(language_of("language = 'en'\n"), Lang::En);
        assert_eq!(language_of("[site]\nlanguage = \"en\"\n"), Lang::Vi);
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
