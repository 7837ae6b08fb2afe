//! `kiosk set-pin`: asks for the instructor PIN twice without showing it,
//! refuses PINs that are not 6 to 12 digits or are easy to guess (saying
//! which, in the site's language), and stores only its
//! Argon2id hash in the database named in `kiosk.toml`.
//!
//! On a terminal the digits are read in raw mode and shown as `*`. When
//! standard input is not a terminal (a script, a test), two lines are read
//! from it instead.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::{CliError, load_config};
use crate::i18n::{Texts, fill, texts};
use crate::store::Store;
use crate::store::pin::{MAX_LEN, MIN_LEN, SetPinError, TrivialPin};

/// The reason a PIN was refused, in the interface language.
pub fn problem_text(problem: TrivialPin, t: &Texts) -> String {
    match problem {
        TrivialPin::NotDigits => t.pin_not_digits.to_string(),
        TrivialPin::TooShort => fill(t.pin_too_short, &[("min", &MIN_LEN)]),
        TrivialPin::TooLong => fill(t.pin_too_long, &[("max", &MAX_LEN)]),
        TrivialPin::AllSame => t.pin_all_same.to_string(),
        TrivialPin::Run => t.pin_run.to_string(),
        TrivialPin::Common => t.pin_common.to_string(),
    }
}

/// A PIN that breaks the form (digits only, the length) cannot be used;
/// only a well-formed PIN that is easy to guess is called "too easy".
fn refused(problem: TrivialPin, t: &Texts) -> CliError {
    let frame = match problem {
        TrivialPin::NotDigits | TrivialPin::TooShort | TrivialPin::TooLong => t.pin_unusable,
        TrivialPin::AllSame | TrivialPin::Run | TrivialPin::Common => t.pin_refused,
    };
    CliError::Failed(fill(frame, &[("reason", &problem_text(problem, t))]))
}

pub fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    let cfg = load_config(cli)?;
    let t = texts(cfg.language);
    let terminal = std::io::stdin().is_terminal();
    let mut lines = std::io::stdin().lock().lines();
    let mut ask = |prompt: &str| -> Result<String, CliError> {
        if terminal {
            read_masked(prompt)?.ok_or_else(|| CliError::Failed(t.pin_cancelled.into()))
        } else {
            match lines.next() {
                Some(Ok(line)) => Ok(line.trim().to_string()),
                Some(Err(e)) => Err(CliError::Usage(format!("standard input: {e}"))),
                None => Err(CliError::Usage(t.pin_stdin_twice.into())),
            }
        }
    };
    let first = ask(&fill(t.pin_enter_new, &[("min", &MIN_LEN)]))?;
    // Say at once when the PIN is too easy, before asking for it again.
    if let Some(problem) = crate::store::pin::pin_problem(&first) {
        return Err(refused(problem, t));
    }
    let second = ask(t.pin_enter_again)?;
    if first != second {
        return Err(CliError::Failed(t.pin_mismatch.into()));
    }
    let store = Store::open(&cfg).map_err(|e| CliError::Failed(e.to_string()))?;
    match store.set_pin(&first) {
        Ok(()) => {
            println!("{}", t.pin_saved);
            Ok(ExitCode::SUCCESS)
        }
        Err(SetPinError::Trivial(problem)) => Err(refused(problem, t)),
        Err(e) => Err(CliError::Failed(e.to_string())),
    }
}

/// Restores the terminal however the reading ends.
struct RawMode;

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = ratatui::crossterm::terminal::disable_raw_mode();
    }
}

/// Reads digits in raw mode, showing `*` for each. `None` when the person
/// pressed Esc or Ctrl-C.
fn read_masked(prompt: &str) -> Result<Option<String>, CliError> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    let io = |e: std::io::Error| CliError::Failed(format!("terminal: {e}"));
    let mut err = std::io::stderr();
    write!(err, "{prompt}").map_err(io)?;
    err.flush().map_err(io)?;
    ratatui::crossterm::terminal::enable_raw_mode().map_err(io)?;
    let guard = RawMode;
    let mut pin = String::new();
    let outcome = loop {
        let Event::Key(key) = event::read().map_err(io)? else {
            continue;
        };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => break None,
            KeyCode::Esc => break None,
            KeyCode::Enter => break Some(pin.clone()),
            KeyCode::Backspace if pin.pop().is_some() => {
                write!(err, "\u{8} \u{8}").map_err(io)?;
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                // Every key shows a star, digit or not: a wrong key is then
                // visible in the count, and the refusal says why.
                pin.push(c);
                write!(err, "*").map_err(io)?;
            }
            _ => {}
        }
        err.flush().map_err(io)?;
    };
    drop(guard);
    writeln!(err).map_err(io)?;
    Ok(outcome)
}
