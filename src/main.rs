//! The `kiosk` binary: parses the command line, runs one command, and turns
//! any error into a plain message on stderr and an exit code
//! (0 ok, 1 the command found problems or failed, 2 it could not run).

use std::io::Write;
use std::process::ExitCode;

use kiosk::cli::Command;

fn main() -> ExitCode {
    let cli = match kiosk::cli::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if !matches!(cli.command, None | Some(Command::Run)) {
        restore_default_sigpipe();
    }
    match kiosk::commands::dispatch(cli) {
        Ok(code) => code,
        Err(err) => {
            // Not eprintln!: it panics when stderr is gone (the kiosk's
            // terminal window was closed).
            let _ = writeln!(std::io::stderr(), "kiosk: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}

/// Rust ignores SIGPIPE, so `kiosk residents list | head` would make every
/// later write fail and `println!` panic with a backtrace. A command-line
/// tool should instead stop quietly when its reader has gone, as `ls` and
/// `grep` do; the full-screen kiosk keeps Rust's default because it writes
/// to its own terminal, not a pipe.
#[cfg(unix)]
fn restore_default_sigpipe() {
    // SAFETY: called once at start-up, before any thread is spawned; setting
    // a signal's disposition to SIG_DFL has no other preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Windows has no SIGPIPE: a write to a closed pipe is an error there.
#[cfg(not(unix))]
fn restore_default_sigpipe() {}
