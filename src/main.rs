//! The `kiosk` binary: parses the command line, runs one command, and turns
//! any error into a plain message on stderr and an exit code
//! (0 ok, 1 the command found problems or failed, 2 it could not run).

use std::process::ExitCode;

use clap::Parser;
use kiosk::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match kiosk::commands::dispatch(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("kiosk: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
