//! `kiosk check`: validates every lesson file and prints every problem.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Cli;
use crate::commands::CliError;

pub fn run(_cli: &Cli, _lessons: Option<&Path>) -> Result<ExitCode, CliError> {
    Err(CliError::Usage("check is not built yet".into()))
}
