//! The full-screen learner interface (ratatui over crossterm).
//!
//! - [`app`]: all state, messages, effects, `update` and `view`;
//! - [`layout`], [`widgets`], [`theme`], [`footer`]: the page engine shared
//!   by every screen (layout is pure and shared by drawing and clicking; the
//!   keys footer is shared with instructor mode and can be tapped);
//! - one file per screen: [`welcome`], [`who`], [`register`], [`consent`],
//!   [`home`], [`lesson`], [`quiz`], [`result`], [`help`], [`idle`];
//!   [`instructor`] belongs to instructor mode;
//! - [`terminal`]: entering and always restoring the terminal;
//! - [`runtime`]: the event loop and the one place effects are carried out.

pub mod app;
pub mod consent;
pub mod effects;
pub mod footer;
pub mod help;
pub mod home;
pub mod idle;
pub mod instructor;
pub mod layout;
pub mod lesson;
pub mod quiz;
pub mod register;
pub mod result;
pub mod runtime;
pub mod shuffle;
pub mod terminal;
#[cfg(test)]
mod tests;
pub mod theme;
pub mod welcome;
pub mod who;
pub mod widgets;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;

use chrono::Datelike;

use crate::commands::CliError;
use crate::config::Config;
use crate::lessons::{Curriculum, Severity};
use crate::store::Store;

use app::{App, Settings};
use runtime::{Log, Speech};
use terminal::TerminalGuard;
use theme::Theme;

/// Starts the kiosk: opens the database (a refusal is reported in words with
/// the terminal untouched), makes the daily backup, loads the lessons (a
/// broken module is skipped and named on stderr and in `kiosk.log`), then
/// runs the full-screen loop until SIGTERM/SIGHUP or instructor mode quits.
pub fn run(cfg: &Config) -> Result<ExitCode, CliError> {
    // The same words as every command for a damaged or newer database.
    let store = Store::open(cfg).map_err(|e| crate::commands::store_error::explain(e, cfg))?;
    let t = crate::i18n::texts(cfg.language);
    let said = |text: &str, e: &dyn std::fmt::Display| crate::i18n::fill(text, &[("error", e)]);
    let os = |text: &str, e: std::io::Error| said(text, &crate::i18n::os_error(t, &e));
    let log = Log::next_to(store.path(), cfg.language);
    log.write(&crate::i18n::fill(t.log_starting, &[("seat", &cfg.seat)]));
    if let Err(e) = crate::store::backup::backup_if_stale(cfg, &store) {
        // A missing backup must not keep learners out; say so loudly.
        let e = crate::commands::store_error::explain(e, cfg);
        log.write(&said(t.log_backup_failed, &e));
        eprintln!("kiosk: {}", said(t.start_backup_failed, &e));
    }
    let curriculum = load_lessons(cfg, &log);

    let (tx, rx) = mpsc::channel();
    terminal::spawn_signals(tx.clone()).map_err(|e| CliError::Failed(os(t.start_no_signals, e)))?;
    let mut guard =
        TerminalGuard::enter().map_err(|e| CliError::Failed(os(t.start_no_full_screen, e)))?;
    terminal::spawn_input(tx).map_err(|e| CliError::Failed(os(t.start_no_keyboard, e)))?;
    let size = guard
        .terminal
        .size()
        .map(|s| (s.width, s.height))
        .unwrap_or((80, 24));
    let settings = Settings::from_config(cfg, Theme::from_env());
    let year = chrono::Local::now().year();
    let mut app = App::new(settings, Arc::new(curriculum), size, year);
    let mut speech = Speech::new(cfg.speech.clone(), log.clone());
    let mut unsaved = effects::Unsaved::default();
    let outcome = runtime::run_loop(&mut *guard.terminal, &mut app, &rx, &mut speech, &mut |e| {
        effects::execute(&store, &log, &mut unsaved, e)
    });
    drop(guard);
    log.write(t.log_stopped);
    match outcome {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            let t = crate::i18n::texts(cfg.language);
            let line = crate::i18n::fill(t.screen_failed, &[("error", &e)]);
            Err(CliError::Failed(line))
        }
    }
}

/// Loads the lessons; every skipped module is named with its problems, in
/// the kiosk's language, on stderr and in `kiosk.log`.
fn load_lessons(cfg: &Config, log: &Log) -> Curriculum {
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let t = crate::i18n::texts(cfg.language);
    match crate::lessons::load_dir_in(&cfg.lessons_dir, &ids, cfg.language) {
        Ok(report) => {
            for d in &report.diagnostics {
                if d.severity == Severity::Error {
                    eprintln!("kiosk: {}", d.render(t));
                }
                log.write(&d.render(t));
            }
            for path in &report.skipped {
                let line = crate::i18n::fill(t.les_skipped_at_start, &[("path", &path.display())]);
                eprintln!("kiosk: {line}");
                log.write(&line);
            }
            let count = report.curriculum.modules.len();
            log.write(&crate::i18n::fill(t.modules_loaded, &[("count", &count)]));
            report.curriculum
        }
        Err(e) => {
            let line = crate::i18n::fill(t.les_no_lessons_start, &[("error", &e.describe(t))]);
            eprintln!("kiosk: {line}");
            log.write(&line);
            Curriculum::default()
        }
    }
}
