//! `kiosk doctor`: checks the place the kiosk runs and says, one line per
//! check, whether it is fine or what to fix, in plain words. Exit 0 when
//! every check passed, 1 when any found a problem.
//!
//! The checks: the terminal (size, colours, the Linux text console), the
//! locale, the settings file, the database (opens, integrity check), the
//! backup folder (writable, a recent backup), the lessons (as `kiosk check`
//! sees them), the instructor PIN, and the read-aloud command.
//!
//! The judging is done by small pure functions over what was observed
//! (environment values, sizes, ages), so they are tested without a real
//! terminal; `run` only gathers the observations and prints. Every line is
//! in the language set in kiosk.toml (Vietnamese when the settings cannot
//! be read, as everywhere else).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::cli::Cli;
use crate::commands::CliError;
use crate::commands::store_error::explain;
use crate::config::Config;
use crate::i18n::{Texts, fill, os_error, texts};
use crate::lessons::Severity;
use crate::store::{Store, StoreError};

/// The smallest terminal the kiosk's screens are designed for.
pub const MIN_COLS: u16 = 80;
pub const MIN_ROWS: u16 = 24;
/// A backup older than this means the nightly backup is not running. Three
/// days leave room for a weekend with the computer switched off.
pub const BACKUP_MAX_AGE: Duration = Duration::from_secs(3 * 24 * 3600);
/// How long the read-aloud command may take to say one short sentence.
const SPEECH_TIMEOUT: Duration = Duration::from_secs(20);
/// What the read-aloud check says.
const SPEECH_SAMPLE: &str = "Xin chào. Đây là kiểm tra đọc to của máy học.";

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    Problem,
    /// Could not be checked from here (said why); not counted as a problem.
    Skipped,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub status: Status,
    pub topic: &'static str,
    pub message: String,
}

impl Finding {
    fn ok(topic: &'static str, message: impl Into<String>) -> Finding {
        Finding {
            status: Status::Ok,
            topic,
            message: message.into(),
        }
    }
    fn problem(topic: &'static str, message: impl Into<String>) -> Finding {
        Finding {
            status: Status::Problem,
            topic,
            message: message.into(),
        }
    }
    fn skipped(topic: &'static str, message: impl Into<String>) -> Finding {
        Finding {
            status: Status::Skipped,
            topic,
            message: message.into(),
        }
    }
}

/// Runs every check and prints one line each.
pub fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    let env = |k: &str| std::env::var(k).ok();
    // The settings say the language, so they are read first (and judged
    // in their place in the report).
    let loaded = Config::load(&cli.config);
    let t = texts(loaded.as_ref().map(|cfg| cfg.language).unwrap_or_default());
    let mut findings = vec![
        terminal_size(t, observed_size()),
        colours(
            t,
            ON_WINDOWS,
            env("TERM").as_deref(),
            env("COLORTERM").as_deref(),
            env("NO_COLOR").as_deref(),
        ),
        console(t, env("TERM").as_deref(), tty_path().as_deref()),
        locale(
            t,
            ON_WINDOWS,
            env("LC_ALL").as_deref(),
            env("LC_CTYPE").as_deref(),
            env("LANG").as_deref(),
        ),
    ];
    match loaded {
        Err(e) => findings.push(Finding::problem(
            t.doc_t_settings,
            fill(t.doc_settings_bad, &[("error", &e.describe())]),
        )),
        Ok(cfg) => {
            findings.push(Finding::ok(
                t.doc_t_settings,
                format!("{} ({})", cfg.path.display(), cfg.site_name),
            ));
            findings.extend(with_config(t, &cfg));
        }
    }

    let mut out = std::io::stdout().lock();
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for f in &findings {
        let _ = writeln!(out, "{}", render(t, f, colour));
    }
    let problems = findings
        .iter()
        .filter(|f| f.status == Status::Problem)
        .count();
    if problems == 0 {
        let _ = writeln!(out, "{}", t.doc_all_well);
        Ok(ExitCode::SUCCESS)
    } else {
        let _ = writeln!(out, "{}", fill(t.doc_to_fix, &[("n", &problems)]));
        Ok(ExitCode::from(1))
    }
}

/// A store error on a doctor line, in the configured language.
fn store_problem(topic: &'static str, e: StoreError, cfg: &Config) -> Finding {
    Finding::problem(topic, explain(e, cfg).to_string())
}

/// The checks that need the settings.
fn with_config(t: &'static Texts, cfg: &Config) -> Vec<Finding> {
    let mut out = Vec::new();
    let store = if cfg.database.exists() {
        match Store::open(cfg) {
            Ok(store) => Some(store),
            Err(e) => {
                out.push(store_problem(t.doc_t_database, e, cfg));
                None
            }
        }
    } else {
        out.push(missing_database(t, &cfg.database));
        None
    };
    if let Some(store) = &store {
        out.push(match store.integrity_check() {
            Ok(lines) => {
                let issues: Vec<String> = lines.into_iter().filter(|l| l != "ok").collect();
                integrity(t, &cfg.database, &issues)
            }
            Err(e) => store_problem(t.doc_t_database, e, cfg),
        });
    }

    out.push(backup_folder(
        t,
        &cfg.backup_dir,
        probe_writable(&cfg.backup_dir),
    ));
    if store.is_some() {
        let newest = crate::store::backup::newest_backup(&cfg.backup_dir);
        let age = newest.as_deref().and_then(|p| {
            let modified = std::fs::metadata(p).and_then(|m| m.modified()).ok()?;
            Some(
                SystemTime::now()
                    .duration_since(modified)
                    .unwrap_or_default(),
            )
        });
        out.push(newest_backup(t, &cfg.backup_dir, newest.as_deref(), age));
    }

    out.push(lessons(t, cfg));

    out.push(match &store {
        None => Finding::problem(t.doc_t_pin, t.doc_pin_no_db),
        Some(store) => match store.pin_is_set() {
            Ok(true) => Finding::ok(t.doc_t_pin, t.doc_pin_set),
            Ok(false) => Finding::problem(t.doc_t_pin, t.doc_pin_unset),
            Err(e) => store_problem(t.doc_t_pin, e, cfg),
        },
    });

    out.push(match &cfg.speech {
        None => Finding::ok(t.doc_t_speech, t.doc_speech_off),
        Some(command) => speech(t, command, run_speech(command)),
    });
    out
}

fn render(t: &Texts, f: &Finding, colour: bool) -> String {
    let (label, ansi) = match f.status {
        Status::Ok => (t.doc_ok, "32"),
        Status::Problem => (t.doc_problem, "1;31"),
        Status::Skipped => (t.doc_skipped, "33"),
    };
    let label = format!("{label:8}");
    if colour {
        format!("\x1b[{ansi}m{label}\x1b[0m {}: {}", f.topic, f.message)
    } else {
        format!("{label} {}: {}", f.topic, f.message)
    }
}

// ---- the terminal ----------------------------------------------------------

/// The terminal's size, or `None` when doctor does not run in a terminal.
/// (Without a terminal crossterm would fall back to `tput`, which answers
/// the size terminfo assumes, not a real one.)
fn observed_size() -> Option<(u16, u16)> {
    let has_terminal = std::fs::File::open("/dev/tty").is_ok() || std::io::stdout().is_terminal();
    if !has_terminal {
        return None;
    }
    ratatui::crossterm::terminal::size().ok()
}

pub fn terminal_size(t: &'static Texts, size: Option<(u16, u16)>) -> Finding {
    let sizes = |cols: u16, rows: u16, template: &str| {
        fill(
            template,
            &[
                ("cols", &cols),
                ("rows", &rows),
                ("min_cols", &MIN_COLS),
                ("min_rows", &MIN_ROWS),
            ],
        )
    };
    match size {
        None => Finding::skipped(t.doc_t_size, t.doc_size_none),
        Some((cols, rows)) if cols >= MIN_COLS && rows >= MIN_ROWS => {
            Finding::ok(t.doc_t_size, sizes(cols, rows, t.doc_size_ok))
        }
        Some((cols, rows)) => Finding::problem(t.doc_t_size, sizes(cols, rows, t.doc_size_small)),
    }
}

/// Whether doctor runs on Windows, where a console sets neither TERM nor
/// LANG: the kiosk (crossterm) draws its colours through the console
/// itself, and Rust hands text to the console as Unicode, whatever its
/// code page. Unset there, they are not a problem; set (as Git Bash
/// does), they are judged as on Linux.
const ON_WINDOWS: bool = cfg!(windows);

pub fn colours(
    t: &'static Texts,
    windows: bool,
    term: Option<&str>,
    colorterm: Option<&str>,
    no_color: Option<&str>,
) -> Finding {
    let term = term.map(str::trim).filter(|t| !t.is_empty());
    let terminal = match term {
        Some(term) => format!("TERM={term}"),
        None if windows => t.doc_windows_console.to_string(),
        None => return Finding::problem(t.doc_t_colours, t.doc_term_unset),
    };
    let term = term.unwrap_or_default();
    const MONOCHROME: [&str; 6] = ["dumb", "vt52", "vt100", "vt102", "vt220", "unknown"];
    if MONOCHROME.contains(&term) {
        return Finding::problem(t.doc_t_colours, fill(t.doc_term_mono, &[("term", &term)]));
    }
    let depth = match colorterm.map(str::trim) {
        Some("truecolor") | Some("24bit") => t.doc_depth_millions,
        _ if term.contains("256color") || term == "foot" => t.doc_depth_256,
        _ => t.doc_depth_16,
    };
    let template = match no_color.filter(|v| !v.is_empty()) {
        Some(_) => t.doc_no_color,
        None => t.doc_colours_ok,
    };
    Finding::ok(
        t.doc_t_colours,
        fill(template, &[("terminal", &terminal), ("depth", &depth)]),
    )
}

/// The terminal device doctor's input or output is connected to.
fn tty_path() -> Option<PathBuf> {
    (0..3)
        .filter_map(|fd| std::fs::read_link(format!("/proc/self/fd/{fd}")).ok())
        .find(|p| p.starts_with("/dev/tty") || p.starts_with("/dev/pts"))
}

/// Whether `path` is one of the Linux virtual consoles (/dev/tty1 …).
fn is_virtual_console(path: &Path) -> bool {
    path.to_str()
        .and_then(|p| p.strip_prefix("/dev/tty"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

pub fn console(t: &'static Texts, term: Option<&str>, tty: Option<&Path>) -> Finding {
    let on_console = term == Some("linux") || tty.is_some_and(is_virtual_console);
    if on_console {
        Finding::problem(t.doc_t_console, t.doc_console_bad)
    } else {
        Finding::ok(
            t.doc_t_console,
            match tty {
                Some(tty) => fill(t.doc_console_ok_at, &[("tty", &tty.display())]),
                None => t.doc_console_ok.to_string(),
            },
        )
    }
}

pub fn locale(
    t: &'static Texts,
    windows: bool,
    lc_all: Option<&str>,
    lc_ctype: Option<&str>,
    lang: Option<&str>,
) -> Finding {
    // The same order the C library uses to pick the character set.
    let pick = [("LC_ALL", lc_all), ("LC_CTYPE", lc_ctype), ("LANG", lang)]
        .into_iter()
        .find_map(|(name, v)| v.filter(|v| !v.trim().is_empty()).map(|v| (name, v)));
    match pick {
        Some((name, value)) if is_utf8(value) => {
            Finding::ok(t.doc_t_locale, format!("{name}={value} (UTF-8)"))
        }
        Some((name, value)) => {
            let mut message = fill(t.doc_locale_bad, &[("name", &name), ("value", &value)]);
            if name != "LANG" {
                message.push_str(&fill(t.doc_locale_unset, &[("name", &name)]));
            }
            Finding::problem(t.doc_t_locale, message)
        }
        None if windows => Finding::ok(t.doc_t_locale, t.doc_locale_windows),
        None => Finding::problem(t.doc_t_locale, t.doc_locale_none),
    }
}

fn is_utf8(locale: &str) -> bool {
    let lower = locale.to_ascii_lowercase();
    lower.contains("utf-8") || lower.contains("utf8")
}

// ---- the database and backups ----------------------------------------------

fn missing_database(t: &'static Texts, db: &Path) -> Finding {
    let path = db.display();
    match probe_writable(crate::durable::folder_of(db)) {
        Ok(()) => Finding::ok(t.doc_t_database, fill(t.doc_db_new, &[("path", &path)])),
        Err(e) => Finding::problem(
            t.doc_t_database,
            fill(
                t.doc_db_cannot_create,
                &[("path", &path), ("error", &os_error(t, &e))],
            ),
        ),
    }
}

pub fn integrity(t: &'static Texts, db: &Path, issues: &[String]) -> Finding {
    let path = db.display();
    match issues {
        [] => Finding::ok(t.doc_t_database, fill(t.doc_db_ok, &[("path", &path)])),
        [first, rest @ ..] => {
            let more = match rest.len() {
                0 => String::new(),
                n => fill(t.doc_and_more, &[("n", &n)]),
            };
            Finding::problem(
                t.doc_t_database,
                fill(
                    t.doc_db_damaged,
                    &[("path", &path), ("issue", first), ("more", &more)],
                ),
            )
        }
    }
}

/// Whether a file can be made in `dir`, or (when `dir` does not exist yet)
/// in the nearest folder above it that exists. Creates and removes one
/// small file; leaves no folder behind.
fn probe_writable(dir: &Path) -> std::io::Result<()> {
    let mut at = dir;
    while !at.exists() {
        at = crate::durable::folder_of(at);
        if at == Path::new(".") {
            break;
        }
    }
    let probe = at.join(format!(".kiosk-doctor-{}", std::process::id()));
    std::fs::File::create(&probe)?;
    std::fs::remove_file(&probe)
}

pub fn backup_folder(t: &'static Texts, dir: &Path, writable: std::io::Result<()>) -> Finding {
    let shown = dir.display();
    match writable {
        Ok(()) if dir.is_dir() => Finding::ok(
            t.doc_t_backup_folder,
            fill(t.doc_folder_ok, &[("dir", &shown)]),
        ),
        Ok(()) => Finding::ok(
            t.doc_t_backup_folder,
            fill(t.doc_folder_new, &[("dir", &shown)]),
        ),
        Err(e) => Finding::problem(
            t.doc_t_backup_folder,
            fill(
                t.doc_folder_bad,
                &[("dir", &shown), ("error", &os_error(t, &e))],
            ),
        ),
    }
}

pub fn newest_backup(
    t: &'static Texts,
    dir: &Path,
    newest: Option<&Path>,
    age: Option<Duration>,
) -> Finding {
    let Some(file) = newest else {
        return Finding::problem(
            t.doc_t_backups,
            fill(t.doc_backup_none, &[("dir", &dir.display())]),
        );
    };
    let said_age = age
        .map(|a| plain_age(t, a))
        .unwrap_or_else(|| t.doc_age_unknown.to_string());
    let args: [(&str, &dyn std::fmt::Display); 2] = [("file", &file.display()), ("age", &said_age)];
    match age {
        Some(age) if age <= BACKUP_MAX_AGE => {
            Finding::ok(t.doc_t_backups, fill(t.doc_backup_ok, &args))
        }
        _ => Finding::problem(t.doc_t_backups, fill(t.doc_backup_old, &args)),
    }
}

fn plain_age(t: &Texts, age: Duration) -> String {
    let mins = age.as_secs() / 60;
    match mins {
        0 => t.doc_age_now.into(),
        1 => t.doc_age_minute.into(),
        2..=119 => fill(t.doc_age_minutes, &[("n", &mins)]),
        _ if mins < 48 * 60 => fill(t.doc_age_hours, &[("n", &(mins / 60))]),
        _ => fill(t.doc_age_days, &[("n", &(mins / (24 * 60)))]),
    }
}

// ---- lessons ---------------------------------------------------------------

fn lessons(t: &'static Texts, cfg: &Config) -> Finding {
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let dir = cfg.lessons_dir.display();
    match crate::lessons::load_dir_in(&cfg.lessons_dir, &ids, cfg.language) {
        Err(e) => Finding::problem(
            t.doc_t_lessons,
            fill(t.doc_lessons_cannot, &[("error", &e.describe(t))]),
        ),
        Ok(report) => {
            let errors: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let modules = report.curriculum.modules.len();
            if let Some(first) = errors.first() {
                let first = format!(
                    "{}:{}:{}: {}",
                    first.path.display(),
                    first.line,
                    first.col,
                    first.message
                );
                Finding::problem(
                    t.doc_t_lessons,
                    fill(
                        t.doc_lessons_errors,
                        &[("n", &errors.len()), ("first", &first)],
                    ),
                )
            } else if modules == 0 {
                Finding::problem(t.doc_t_lessons, fill(t.doc_lessons_none, &[("dir", &dir)]))
            } else {
                let mut message = fill(t.doc_lessons_ok, &[("n", &modules), ("dir", &dir)]);
                let warnings = report.diagnostics.len();
                if warnings > 0 {
                    message.push_str(&fill(t.doc_lessons_warnings, &[("n", &warnings)]));
                }
                Finding::ok(t.doc_t_lessons, message)
            }
        }
    }
}

// ---- read aloud ------------------------------------------------------------

/// How a run of the speech command ended.
#[derive(Debug)]
pub enum SpeechRun {
    Spoke,
    CannotStart(std::io::Error),
    Failed { code: Option<i32>, stderr: String },
    TimedOut,
}

/// Says one short sentence with `command` (text on standard input), as the
/// kiosk does, and waits at most [`SPEECH_TIMEOUT`].
fn run_speech(command: &[String]) -> SpeechRun {
    let mut child = match std::process::Command::new(&command[0])
        .args(&command[1..])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return SpeechRun::CannotStart(e),
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A command that does not read its input is fine; it may still speak.
        let _ = stdin.write_all(SPEECH_SAMPLE.as_bytes());
    }
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let mut stderr = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
                }
                return if status.success() {
                    SpeechRun::Spoke
                } else {
                    SpeechRun::Failed {
                        code: status.code(),
                        stderr,
                    }
                };
            }
            Ok(None) if started.elapsed() < SPEECH_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(50))
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return SpeechRun::TimedOut;
            }
        }
    }
}

pub fn speech(t: &'static Texts, command: &[String], run: SpeechRun) -> Finding {
    let shown = command.join(" ");
    let topic = t.doc_t_speech;
    match run {
        SpeechRun::Spoke => Finding::ok(topic, fill(t.doc_speech_ok, &[("command", &shown)])),
        SpeechRun::CannotStart(e) => Finding::problem(
            topic,
            fill(
                t.doc_speech_cannot,
                &[("command", &shown), ("error", &os_error(t, &e))],
            ),
        ),
        SpeechRun::Failed { code, stderr } => {
            let how = match code {
                Some(code) => fill(t.doc_exit_code, &[("code", &code)]),
                None => t.doc_signal.to_string(),
            };
            let said = match stderr.trim().lines().last() {
                Some(line) => format!(": {line}"),
                None => String::new(),
            };
            Finding::problem(
                topic,
                fill(
                    t.doc_speech_failed,
                    &[("command", &shown), ("how", &how), ("said", &said)],
                ),
            )
        }
        SpeechRun::TimedOut => Finding::problem(
            topic,
            fill(
                t.doc_speech_timeout,
                &[("command", &shown), ("secs", &SPEECH_TIMEOUT.as_secs())],
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, VI};

    #[test]
    fn size_below_the_minimum_is_a_problem_that_says_how_to_fix_it() {
        assert_eq!(terminal_size(&EN, Some((80, 24))).status, Status::Ok);
        let small = terminal_size(&EN, Some((79, 40)));
        assert_eq!(small.status, Status::Problem);
        assert!(small.message.contains("79×40") && small.message.contains("larger"));
        assert_eq!(terminal_size(&EN, Some((120, 23))).status, Status::Problem);
        assert_eq!(terminal_size(&EN, None).status, Status::Skipped);
    }

    #[test]
    fn colours_need_a_real_terminal_type() {
        assert_eq!(
            colours(&EN, false, None, None, None).status,
            Status::Problem
        );
        assert_eq!(
            colours(&EN, false, Some("dumb"), None, None).status,
            Status::Problem
        );
        let ok = colours(&EN, false, Some("xterm-256color"), Some("truecolor"), None);
        assert_eq!(ok.status, Status::Ok);
        assert!(ok.message.contains("millions"));
        let plain = colours(&EN, false, Some("foot"), None, Some("1"));
        assert_eq!(plain.status, Status::Ok);
        assert!(plain.message.contains("NO_COLOR"));
    }

    /// A Windows console sets neither TERM nor LANG, and needs neither:
    /// doctor there must not ask for them. A TERM or LANG that is set
    /// (Git Bash sets both) is judged as on Linux.
    #[test]
    fn windows_needs_no_term_and_no_locale() {
        let colours_here = colours(&VI, true, None, None, None);
        assert_eq!(colours_here.status, Status::Ok);
        assert_eq!(
            colours_here.message,
            "cửa sổ dòng lệnh của Windows (ở đó không cần TERM), 16 màu (kiosk cần 16 màu cơ bản)"
        );
        let plain = colours(&EN, true, None, None, Some("1"));
        assert_eq!(plain.status, Status::Ok);
        assert!(
            plain.message.starts_with("the Windows console"),
            "{}",
            plain.message
        );
        assert!(plain.message.contains("NO_COLOR"));
        assert_eq!(
            colours(&EN, true, Some("dumb"), None, None).status,
            Status::Problem
        );
        let ok = colours(&EN, false, Some("xterm"), None, None);
        assert_eq!(
            ok.message,
            "TERM=xterm, 16 colours (the kiosk needs the 16 named colours)"
        );

        let locale_here = locale(&VI, true, None, None, None);
        assert_eq!(locale_here.status, Status::Ok);
        assert!(locale_here.message.starts_with("Windows không cần LANG"));
        assert_eq!(
            locale(&EN, true, None, None, Some("C")).status,
            Status::Problem
        );
        assert_eq!(
            locale(&EN, true, None, None, Some("en_US.UTF-8")).status,
            Status::Ok
        );
    }

    #[test]
    fn the_linux_console_is_recognised_by_term_or_device() {
        assert_eq!(console(&EN, Some("linux"), None).status, Status::Problem);
        assert_eq!(
            console(&EN, Some("xterm"), Some(Path::new("/dev/tty2"))).status,
            Status::Problem
        );
        let pts = console(&EN, Some("foot"), Some(Path::new("/dev/pts/3")));
        assert_eq!(pts.status, Status::Ok);
        assert_eq!(
            console(&EN, Some("foot"), Some(Path::new("/dev/tty"))).status,
            Status::Ok
        );
    }

    #[test]
    fn locale_follows_lc_all_then_lc_ctype_then_lang() {
        assert_eq!(
            locale(&EN, false, None, None, Some("vi_VN.UTF-8")).status,
            Status::Ok
        );
        assert_eq!(
            locale(&EN, false, None, None, Some("C.utf8")).status,
            Status::Ok
        );
        let overridden = locale(&EN, false, Some("C"), None, Some("vi_VN.UTF-8"));
        assert_eq!(overridden.status, Status::Problem);
        assert!(
            overridden.message.contains("unset LC_ALL"),
            "{}",
            overridden.message
        );
        assert_eq!(
            locale(&EN, false, None, Some("en_US.UTF-8"), Some("C")).status,
            Status::Ok
        );
        assert_eq!(locale(&EN, false, None, None, None).status, Status::Problem);
        assert_eq!(
            locale(&EN, false, Some(""), None, Some("POSIX")).status,
            Status::Problem
        );
    }

    #[test]
    fn backups_must_exist_and_be_recent() {
        let dir = Path::new("/srv/kiosk/backups");
        assert_eq!(newest_backup(&EN, dir, None, None).status, Status::Problem);
        let file = dir.join("kiosk-2026-11-30-0230.db");
        let fresh = newest_backup(&EN, dir, Some(&file), Some(Duration::from_secs(5 * 3600)));
        assert_eq!(fresh.status, Status::Ok);
        assert!(fresh.message.contains("5 hours"), "{}", fresh.message);
        let stale = newest_backup(&EN, dir, Some(&file), Some(Duration::from_secs(5 * 86400)));
        assert_eq!(stale.status, Status::Problem);
        assert!(stale.message.contains("5 days"), "{}", stale.message);
    }

    #[test]
    fn a_failing_speech_command_is_named_with_its_error() {
        let cmd = vec!["espeak-ng".to_string(), "-v".into(), "vi".into()];
        let missing = speech(
            &EN,
            &cmd,
            SpeechRun::CannotStart(std::io::Error::from(std::io::ErrorKind::NotFound)),
        );
        assert_eq!(missing.status, Status::Problem);
        assert!(missing.message.contains("espeak-ng -v vi"));
        let failed = speech(
            &EN,
            &cmd,
            SpeechRun::Failed {
                code: Some(1),
                stderr: "Error: no voice vi\n".into(),
            },
        );
        assert!(
            failed.message.contains("(exit code 1): Error: no voice vi"),
            "{}",
            failed.message
        );
        assert_eq!(speech(&EN, &cmd, SpeechRun::Spoke).status, Status::Ok);
    }

    /// A command that succeeds (`true`) or fails with exit code 1
    /// (`false`); those are Unix programs, so Windows runs `cmd /c exit`.
    fn succeeding(ok: bool) -> Vec<String> {
        let words = match (cfg!(windows), ok) {
            (true, true) => &["cmd", "/c", "exit 0"][..],
            (true, false) => &["cmd", "/c", "exit 1"][..],
            (false, true) => &["true"][..],
            (false, false) => &["false"][..],
        };
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn running_a_real_command_reports_its_outcome() {
        assert!(matches!(run_speech(&succeeding(true)), SpeechRun::Spoke));
        assert!(matches!(
            run_speech(&succeeding(false)),
            SpeechRun::Failed { code: Some(1), .. }
        ));
        assert!(matches!(
            run_speech(&["/nonexistent/speaker".into()]),
            SpeechRun::CannotStart(_)
        ));
    }

    #[test]
    fn integrity_problems_are_counted() {
        let db = Path::new("/srv/kiosk/data/kiosk.db");
        assert_eq!(integrity(&EN, db, &[]).status, Status::Ok);
        let bad = integrity(&EN, db, &["row 3 missing from index".into(), "x".into()]);
        assert_eq!(bad.status, Status::Problem);
        assert!(bad.message.contains("and 1 more"));
    }

    #[test]
    fn lines_are_in_the_language_asked_for() {
        let small = terminal_size(&VI, Some((60, 20)));
        assert_eq!(small.topic, "cỡ cửa sổ");
        assert!(
            small
                .message
                .starts_with("60×20 nhỏ quá: kiosk cần ít nhất 80×24."),
            "{}",
            small.message
        );
        let dir = Path::new("/srv/kiosk/backups");
        let file = dir.join("kiosk-2026-11-30-0230.db");
        let stale = newest_backup(&VI, dir, Some(&file), Some(Duration::from_secs(5 * 86400)));
        assert!(
            stale
                .message
                .contains("làm cách đây 5 ngày: sao lưu hằng đêm không chạy"),
            "{}",
            stale.message
        );
        assert_eq!(
            render(&VI, &stale, false).split("  ").next(),
            Some("CẦN SỬA")
        );
        let overridden = locale(&VI, false, Some("C"), None, Some("vi_VN.UTF-8"));
        assert!(
            overridden.message.ends_with(" và bỏ LC_ALL"),
            "{}",
            overridden.message
        );
    }
}
