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
//! terminal; `run` only gathers the observations and prints.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::cli::Cli;
use crate::commands::CliError;
use crate::config::Config;
use crate::lessons::Severity;
use crate::store::Store;

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
    let mut findings = vec![
        terminal_size(observed_size()),
        colours(
            env("TERM").as_deref(),
            env("COLORTERM").as_deref(),
            env("NO_COLOR").as_deref(),
        ),
        console(env("TERM").as_deref(), tty_path().as_deref()),
        locale(
            env("LC_ALL").as_deref(),
            env("LC_CTYPE").as_deref(),
            env("LANG").as_deref(),
        ),
    ];
    match Config::load(&cli.config) {
        Err(e) => findings.push(Finding::problem(
            "settings",
            format!("{e}. Fix the settings file; the other checks need it"),
        )),
        Ok(cfg) => {
            findings.push(Finding::ok(
                "settings",
                format!("{} ({})", cfg.path.display(), cfg.site_name),
            ));
            findings.extend(with_config(&cfg));
        }
    }

    let mut out = std::io::stdout().lock();
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for f in &findings {
        let _ = writeln!(out, "{}", render(f, colour));
    }
    let problems = findings
        .iter()
        .filter(|f| f.status == Status::Problem)
        .count();
    if problems == 0 {
        let _ = writeln!(out, "All is well: this computer is ready to be a kiosk.");
        Ok(ExitCode::SUCCESS)
    } else {
        let _ = writeln!(
            out,
            "{problems} {} to fix (see the lines marked PROBLEM).",
            if problems == 1 { "problem" } else { "problems" }
        );
        Ok(ExitCode::from(1))
    }
}

/// The checks that need the settings.
fn with_config(cfg: &Config) -> Vec<Finding> {
    let mut out = Vec::new();
    let store = if cfg.database.exists() {
        match Store::open(cfg) {
            Ok(store) => Some(store),
            Err(e) => {
                out.push(Finding::problem("database", e.to_string()));
                None
            }
        }
    } else {
        out.push(missing_database(&cfg.database));
        None
    };
    if let Some(store) = &store {
        out.push(match store.integrity_check() {
            Ok(lines) => {
                let issues: Vec<String> = lines.into_iter().filter(|l| l != "ok").collect();
                integrity(&cfg.database, &issues)
            }
            Err(e) => Finding::problem("database", e.to_string()),
        });
    }

    out.push(backup_folder(
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
        out.push(newest_backup(&cfg.backup_dir, newest.as_deref(), age));
    }

    out.push(lessons(cfg));

    out.push(match &store {
        None => Finding::problem(
            "instructor PIN",
            "not set (there is no database yet): nobody can open instructor mode. \
             Set it with `kiosk set-pin`",
        ),
        Some(store) => match store.pin_is_set() {
            Ok(true) => Finding::ok("instructor PIN", "set"),
            Ok(false) => Finding::problem(
                "instructor PIN",
                "not set: nobody can open instructor mode or leave the kiosk. \
                 Set it with `kiosk set-pin`",
            ),
            Err(e) => Finding::problem("instructor PIN", e.to_string()),
        },
    });

    out.push(match &cfg.speech {
        None => Finding::ok(
            "read aloud",
            "off (no [speech] command in the settings), so the read-aloud key is not shown",
        ),
        Some(command) => speech(command, run_speech(command)),
    });
    out
}

fn render(f: &Finding, colour: bool) -> String {
    let (label, ansi) = match f.status {
        Status::Ok => ("ok", "32"),
        Status::Problem => ("PROBLEM", "1;31"),
        Status::Skipped => ("skipped", "33"),
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

pub fn terminal_size(size: Option<(u16, u16)>) -> Finding {
    match size {
        None => Finding::skipped(
            "terminal size",
            "not running in a terminal; run `kiosk doctor` in the terminal the kiosk uses",
        ),
        Some((cols, rows)) if cols >= MIN_COLS && rows >= MIN_ROWS => Finding::ok(
            "terminal size",
            format!("{cols}×{rows} (at least {MIN_COLS}×{MIN_ROWS} needed)"),
        ),
        Some((cols, rows)) => Finding::problem(
            "terminal size",
            format!(
                "{cols}×{rows} is too small: the kiosk needs at least {MIN_COLS}×{MIN_ROWS}. \
                 Make the window larger or the font smaller (on an installed kiosk: `size=` in /etc/kiosk/foot.ini)"
            ),
        ),
    }
}

pub fn colours(term: Option<&str>, colorterm: Option<&str>, no_color: Option<&str>) -> Finding {
    let term = term.map(str::trim).filter(|t| !t.is_empty());
    let Some(term) = term else {
        return Finding::problem(
            "colours",
            "TERM is not set, so programs cannot tell what this terminal can show. \
             Run the kiosk in a real terminal (the installed kiosk uses foot)",
        );
    };
    const MONOCHROME: [&str; 6] = ["dumb", "vt52", "vt100", "vt102", "vt220", "unknown"];
    if MONOCHROME.contains(&term) {
        return Finding::problem(
            "colours",
            format!(
                "TERM={term} cannot show colours or move the cursor reliably. \
                 Use a graphical terminal such as foot"
            ),
        );
    }
    let depth = match colorterm.map(str::trim) {
        Some("truecolor") | Some("24bit") => "millions of colours",
        _ if term.contains("256color") || term == "foot" => "256 colours",
        _ => "16 colours",
    };
    match no_color.filter(|v| !v.is_empty()) {
        Some(_) => Finding::ok(
            "colours",
            format!(
                "TERM={term}, {depth}; NO_COLOR is set, so the kiosk shows no colours and marks \
                 the focus with reverse video and bold. Unset NO_COLOR for the high-contrast colours"
            ),
        ),
        None => Finding::ok(
            "colours",
            format!("TERM={term}, {depth} (the kiosk needs the 16 named colours)"),
        ),
    }
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

pub fn console(term: Option<&str>, tty: Option<&Path>) -> Finding {
    let on_console = term == Some("linux") || tty.is_some_and(is_virtual_console);
    if on_console {
        Finding::problem(
            "console",
            "this is the Linux text console: it can show at most 512 different letters, \
             so many Vietnamese letters (ắ, ể, ợ …) come out as blocks. Run the kiosk in a \
             graphical terminal (an installed kiosk runs in foot under cage; see deploy/)",
        )
    } else {
        Finding::ok(
            "console",
            match tty {
                Some(t) => format!("not the Linux text console ({})", t.display()),
                None => "not the Linux text console".to_string(),
            },
        )
    }
}

pub fn locale(lc_all: Option<&str>, lc_ctype: Option<&str>, lang: Option<&str>) -> Finding {
    // The same order the C library uses to pick the character set.
    let pick = [("LC_ALL", lc_all), ("LC_CTYPE", lc_ctype), ("LANG", lang)]
        .into_iter()
        .find_map(|(name, v)| v.filter(|v| !v.trim().is_empty()).map(|v| (name, v)));
    match pick {
        Some((name, value)) if is_utf8(value) => {
            Finding::ok("locale", format!("{name}={value} (UTF-8)"))
        }
        Some((name, value)) => Finding::problem(
            "locale",
            format!(
                "{name}={value} is not a UTF-8 locale, so Vietnamese letters can be garbled. \
                 Set LANG=C.UTF-8 (or vi_VN.UTF-8){}",
                if name == "LANG" {
                    String::new()
                } else {
                    format!(" and unset {name}")
                }
            ),
        ),
        None => Finding::problem(
            "locale",
            "no locale is set (LANG, LC_CTYPE and LC_ALL are empty), so the character set is \
             plain ASCII. Set LANG=C.UTF-8 (the installed kiosk service does)",
        ),
    }
}

fn is_utf8(locale: &str) -> bool {
    let lower = locale.to_ascii_lowercase();
    lower.contains("utf-8") || lower.contains("utf8")
}

// ---- the database and backups ----------------------------------------------

fn missing_database(db: &Path) -> Finding {
    match probe_writable(db.parent().unwrap_or(Path::new("."))) {
        Ok(()) => Finding::ok(
            "database",
            format!(
                "{} does not exist yet; the kiosk creates it when it first starts",
                db.display()
            ),
        ),
        Err(e) => Finding::problem(
            "database",
            format!(
                "{} does not exist and cannot be created: {e}. Check `database` in the settings \
                 and that the kiosk's user may write there",
                db.display()
            ),
        ),
    }
}

pub fn integrity(db: &Path, issues: &[String]) -> Finding {
    if issues.is_empty() {
        Finding::ok(
            "database",
            format!("{} opens and passes its integrity check", db.display()),
        )
    } else {
        Finding::problem(
            "database",
            format!(
                "{} is damaged ({}{}). Stop the kiosk and restore the newest backup",
                db.display(),
                issues[0],
                if issues.len() > 1 {
                    format!(", and {} more", issues.len() - 1)
                } else {
                    String::new()
                }
            ),
        )
    }
}

/// Whether a file can be made in `dir`, or (when `dir` does not exist yet)
/// in the nearest folder above it that exists. Creates and removes one
/// small file; leaves no folder behind.
fn probe_writable(dir: &Path) -> std::io::Result<()> {
    let mut at = dir;
    while !at.exists() {
        at = match at.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if at == Path::new(".") {
            break;
        }
    }
    let probe = at.join(format!(".kiosk-doctor-{}", std::process::id()));
    std::fs::File::create(&probe)?;
    std::fs::remove_file(&probe)
}

pub fn backup_folder(dir: &Path, writable: std::io::Result<()>) -> Finding {
    match writable {
        Ok(()) if dir.is_dir() => {
            Finding::ok("backup folder", format!("{} is writable", dir.display()))
        }
        Ok(()) => Finding::ok(
            "backup folder",
            format!(
                "{} does not exist yet; `kiosk backup` creates it",
                dir.display()
            ),
        ),
        Err(e) => Finding::problem(
            "backup folder",
            format!(
                "cannot write in {}: {e}. Let the kiosk's user write there, or choose another \
                 `[backup] folder` in the settings",
                dir.display()
            ),
        ),
    }
}

pub fn newest_backup(dir: &Path, newest: Option<&Path>, age: Option<Duration>) -> Finding {
    match (newest, age) {
        (None, _) => Finding::problem(
            "backups",
            format!(
                "there is no backup in {} yet. Run `kiosk backup` once, and turn on the nightly \
                 backup (`systemctl enable --now kiosk-backup.timer` on an installed kiosk)",
                dir.display()
            ),
        ),
        (Some(p), Some(age)) if age <= BACKUP_MAX_AGE => Finding::ok(
            "backups",
            format!("the newest, {}, is {} old", p.display(), plain_age(age)),
        ),
        (Some(p), age) => Finding::problem(
            "backups",
            format!(
                "the newest, {}, is {} old: the nightly backup is not running. Run `kiosk backup` \
                 now and check `systemctl list-timers kiosk-backup.timer`",
                p.display(),
                age.map(plain_age)
                    .unwrap_or_else(|| "of unknown age".into())
            ),
        ),
    }
}

fn plain_age(age: Duration) -> String {
    let mins = age.as_secs() / 60;
    match mins {
        0 => "less than a minute".into(),
        1 => "1 minute".into(),
        2..=119 => format!("{mins} minutes"),
        _ if mins < 48 * 60 => format!("{} hours", mins / 60),
        _ => format!("{} days", mins / (24 * 60)),
    }
}

// ---- lessons ---------------------------------------------------------------

fn lessons(cfg: &Config) -> Finding {
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    match crate::lessons::load_dir(&cfg.lessons_dir, &ids) {
        Err(e) => Finding::problem("lessons", format!("{e}. Check `lessons` in the settings")),
        Ok(report) => {
            let errors: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let modules = report.curriculum.modules.len();
            if let Some(first) = errors.first() {
                Finding::problem(
                    "lessons",
                    format!(
                        "{} {} in the lessons ({}:{}:{}: {}). Run `kiosk check` to see them all",
                        errors.len(),
                        if errors.len() == 1 { "error" } else { "errors" },
                        first.path.display(),
                        first.line,
                        first.col,
                        first.message
                    ),
                )
            } else if modules == 0 {
                Finding::problem(
                    "lessons",
                    format!(
                        "no lesson modules in {}. Copy the lessons there or fix `lessons` in the settings",
                        cfg.lessons_dir.display()
                    ),
                )
            } else {
                let warnings = report.diagnostics.len();
                Finding::ok(
                    "lessons",
                    format!(
                        "{modules} modules in {}{}",
                        cfg.lessons_dir.display(),
                        match warnings {
                            0 => String::new(),
                            n => format!(" ({n} warnings: see `kiosk check`)"),
                        }
                    ),
                )
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

pub fn speech(command: &[String], run: SpeechRun) -> Finding {
    let shown = command.join(" ");
    match run {
        SpeechRun::Spoke => Finding::ok(
            "read aloud",
            format!("`{shown}` ran (you should have heard a short Vietnamese sentence)"),
        ),
        SpeechRun::CannotStart(e) => Finding::problem(
            "read aloud",
            format!(
                "`{shown}` cannot be started: {e}. Install it (for espeak-ng: \
                 `sudo apt install espeak-ng`) or empty `[speech] command` in the settings"
            ),
        ),
        SpeechRun::Failed { code, stderr } => Finding::problem(
            "read aloud",
            format!(
                "`{shown}` failed ({}){}. Fix the command in `[speech] command` or empty it",
                code.map(|c| format!("exit code {c}"))
                    .unwrap_or_else(|| "stopped by a signal".into()),
                match stderr.trim().lines().last() {
                    Some(line) => format!(": {line}"),
                    None => String::new(),
                }
            ),
        ),
        SpeechRun::TimedOut => Finding::problem(
            "read aloud",
            format!(
                "`{shown}` did not finish within {} seconds. Fix the command in `[speech] command` or empty it",
                SPEECH_TIMEOUT.as_secs()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_below_the_minimum_is_a_problem_that_says_how_to_fix_it() {
        assert_eq!(terminal_size(Some((80, 24))).status, Status::Ok);
        let small = terminal_size(Some((79, 40)));
        assert_eq!(small.status, Status::Problem);
        assert!(small.message.contains("79×40") && small.message.contains("larger"));
        assert_eq!(terminal_size(Some((120, 23))).status, Status::Problem);
        assert_eq!(terminal_size(None).status, Status::Skipped);
    }

    #[test]
    fn colours_need_a_real_terminal_type() {
        assert_eq!(colours(None, None, None).status, Status::Problem);
        assert_eq!(colours(Some("dumb"), None, None).status, Status::Problem);
        let ok = colours(Some("xterm-256color"), Some("truecolor"), None);
        assert_eq!(ok.status, Status::Ok);
        assert!(ok.message.contains("millions"));
        let plain = colours(Some("foot"), None, Some("1"));
        assert_eq!(plain.status, Status::Ok);
        assert!(plain.message.contains("NO_COLOR"));
    }

    #[test]
    fn the_linux_console_is_recognised_by_term_or_device() {
        assert_eq!(console(Some("linux"), None).status, Status::Problem);
        assert_eq!(
            console(Some("xterm"), Some(Path::new("/dev/tty2"))).status,
            Status::Problem
        );
        let pts = console(Some("foot"), Some(Path::new("/dev/pts/3")));
        assert_eq!(pts.status, Status::Ok);
        assert_eq!(
            console(Some("foot"), Some(Path::new("/dev/tty"))).status,
            Status::Ok
        );
    }

    #[test]
    fn locale_follows_lc_all_then_lc_ctype_then_lang() {
        assert_eq!(locale(None, None, Some("vi_VN.UTF-8")).status, Status::Ok);
        assert_eq!(locale(None, None, Some("C.utf8")).status, Status::Ok);
        let overridden = locale(Some("C"), None, Some("vi_VN.UTF-8"));
        assert_eq!(overridden.status, Status::Problem);
        assert!(
            overridden.message.contains("unset LC_ALL"),
            "{}",
            overridden.message
        );
        assert_eq!(
            locale(None, Some("en_US.UTF-8"), Some("C")).status,
            Status::Ok
        );
        assert_eq!(locale(None, None, None).status, Status::Problem);
        assert_eq!(
            locale(Some(""), None, Some("POSIX")).status,
            Status::Problem
        );
    }

    #[test]
    fn backups_must_exist_and_be_recent() {
        let dir = Path::new("/srv/kiosk/backups");
        assert_eq!(newest_backup(dir, None, None).status, Status::Problem);
        let file = dir.join("kiosk-2026-11-30-0230.db");
        let fresh = newest_backup(dir, Some(&file), Some(Duration::from_secs(5 * 3600)));
        assert_eq!(fresh.status, Status::Ok);
        assert!(fresh.message.contains("5 hours"), "{}", fresh.message);
        let stale = newest_backup(dir, Some(&file), Some(Duration::from_secs(5 * 86400)));
        assert_eq!(stale.status, Status::Problem);
        assert!(stale.message.contains("5 days"), "{}", stale.message);
    }

    #[test]
    fn a_failing_speech_command_is_named_with_its_error() {
        let cmd = vec!["espeak-ng".to_string(), "-v".into(), "vi".into()];
        let missing = speech(
            &cmd,
            SpeechRun::CannotStart(std::io::Error::from(std::io::ErrorKind::NotFound)),
        );
        assert_eq!(missing.status, Status::Problem);
        assert!(missing.message.contains("espeak-ng -v vi"));
        let failed = speech(
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
        assert_eq!(speech(&cmd, SpeechRun::Spoke).status, Status::Ok);
    }

    #[test]
    fn running_a_real_command_reports_its_outcome() {
        assert!(matches!(run_speech(&["true".into()]), SpeechRun::Spoke));
        assert!(matches!(
            run_speech(&["false".into()]),
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
        assert_eq!(integrity(db, &[]).status, Status::Ok);
        let bad = integrity(db, &["row 3 missing from index".into(), "x".into()]);
        assert_eq!(bad.status, Status::Problem);
        assert!(bad.message.contains("and 1 more"));
    }
}
