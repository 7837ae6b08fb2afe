//! The terminal: entering full-screen mode and ALWAYS leaving it — on a
//! normal exit (the guard's `Drop`), on a panic (a hook that restores before
//! the message is printed, so it is readable) and on SIGTERM/SIGHUP (the
//! signal thread turns them into a message; the loop then exits normally).
//! Ctrl-C, Ctrl-Z and Ctrl-\ cannot leave: raw mode turns them into plain
//! keys, and SIGINT, SIGTSTP and SIGQUIT sent from elsewhere are caught and
//! ignored.

use std::io::{self, Stdout, Write};
use std::mem::ManuallyDrop;
use std::sync::Once;
use std::sync::mpsc::Sender;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// Mouse reporting: button presses and the wheel (1000) in SGR form (1006),
/// which is all a touch screen needs; motion tracking would only wake the
/// kiosk for nothing.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";

/// Something from outside the loop.
#[derive(Debug)]
pub enum Input {
    Event(Event),
    /// SIGTERM or SIGHUP, or the input stream ended.
    Terminate,
}

/// Holds the terminal in full-screen mode; restores it when dropped.
///
/// The ratatui `Terminal` is never dropped: its `Drop` shows the cursor
/// and, when that fails, *prints* the error with `eprintln!`, which panics
/// when stderr is the same hung-up terminal (the window was closed). The
/// guard's own [`restore`] already shows the cursor and ignores errors;
/// the screen buffers it leaks are freed when the process ends a moment
/// later.
pub struct TerminalGuard {
    pub terminal: ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        let mut out = io::stdout();
        let entered = execute!(out, EnterAlternateScreen, cursor::Hide)
            .and_then(|_| out.write_all(MOUSE_ON.as_bytes()))
            .and_then(|_| out.flush());
        if let Err(e) = entered {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(TerminalGuard {
                terminal: ManuallyDrop::new(terminal),
            }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode off, mouse reporting off, cursor shown, main screen back.
/// Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Reads terminal events on a thread of its own, so the loop can sleep on
/// one channel for keys, signals and timers alike.
pub fn spawn_input(tx: Sender<Input>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let input = match event::read() {
                    Ok(ev) => Input::Event(ev),
                    Err(_) => Input::Terminate,
                };
                let stop = matches!(input, Input::Terminate);
                if tx.send(input).is_err() || stop {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Catches SIGTERM and SIGHUP (→ `Input::Terminate`) and swallows SIGINT,
/// SIGTSTP and SIGQUIT.
#[cfg(unix)]
pub fn spawn_signals(tx: Sender<Input>) -> io::Result<()> {
    use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if (sig == SIGTERM || sig == SIGHUP) && tx.send(Input::Terminate).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Windows has no such signals: in raw mode Ctrl+C arrives as a key, which
/// the kiosk ignores like any other unknown key, and closing the window
/// ends the process, which loses nothing the screen acknowledged (every
/// acknowledged step is a committed transaction).
#[cfg(not(unix))]
pub fn spawn_signals(_tx: Sender<Input>) -> io::Result<()> {
    Ok(())
}
