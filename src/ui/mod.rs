//! The full-screen interface.

use std::process::ExitCode;

use crate::commands::CliError;
use crate::config::Config;

pub fn run(_cfg: &Config) -> Result<ExitCode, CliError> {
    Err(CliError::Usage("the kiosk screen is not built yet".into()))
}
