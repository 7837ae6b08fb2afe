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

/// Windows has no SIGPIPE: a write to a pipe whose reader has gone is an
/// error there, on which `println!` panics with a backtrace
/// (`kiosk residents list | Select-Object -First 5`). End quietly instead,
/// as the command would on Linux; any other panic is reported as before.
#[cfg(not(unix))]
fn restore_default_sigpipe() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if is_closed_pipe(info.payload_as_str().unwrap_or("")) {
            std::process::exit(1);
        }
        report(info);
    }));
}

/// Whether a panic message is `println!`'s (or `eprintln!`'s) on a pipe
/// whose reader has gone: Windows says ERROR_NO_DATA (232, "the pipe is
/// being closed"), ERROR_BROKEN_PIPE (109) or ERROR_PIPE_NOT_CONNECTED
/// (233, what Wine says when a Linux reader such as `head` has gone).
#[cfg(any(not(unix), test))]
fn is_closed_pipe(message: &str) -> bool {
    (message.starts_with("failed printing to stdout")
        || message.starts_with("failed printing to stderr"))
        && ["(os error 232)", "(os error 109)", "(os error 233)"]
            .iter()
            .any(|code| message.ends_with(code))
}

#[cfg(test)]
mod tests {
    use super::is_closed_pipe;

    /// The words are Rust's own (`std::io::stdio::print_to`) and Windows'
    /// error text, as a pipe closed under Wine showed them.
    #[test]
    fn only_a_print_to_a_closed_pipe_ends_quietly() {
        assert!(is_closed_pipe(
            "failed printing to stdout: Pipe closed. (os error 232)"
        ));
        assert!(is_closed_pipe(
            "failed printing to stdout: The pipe is being closed. (os error 232)"
        ));
        assert!(is_closed_pipe(
            "failed printing to stderr: The pipe has been ended. (os error 109)"
        ));
        assert!(is_closed_pipe(
            "failed printing to stdout: Pipe not connected. (os error 233)"
        ));
        assert!(!is_closed_pipe(
            "failed printing to stdout: There is not enough space on the disk. (os error 112)"
        ));
        assert!(!is_closed_pipe("index out of bounds (os error 232)"));
        assert!(!is_closed_pipe(""));
    }
}
