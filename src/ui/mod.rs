//! The full-screen learner interface (ratatui over crossterm).
//!
//! - [`app`]: all state, messages, effects, `update` and `view`;
//! - [`layout`], [`widgets`], [`theme`]: the page engine shared by every
//!   screen (layout is pure and shared by drawing and clicking);
//! - one file per screen: [`welcome`], [`who`], [`register`], [`consent`],
//!   [`home`], [`lesson`], [`quiz`], [`result`], [`help`], [`idle`];
//!   [`instructor`] belongs to instructor mode;
//! - [`terminal`]: entering and always restoring the terminal;
//! - [`runtime`]: the event loop and the one place effects are carried out.

pub mod app;
pub mod consent;
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
pub mod theme;
pub mod welcome;
pub mod who;
pub mod widgets;

use std::process::ExitCode;

use crate::commands::CliError;
use crate::config::Config;

pub fn run(_cfg: &Config) -> Result<ExitCode, CliError> {
    Err(CliError::Usage("the kiosk screen is not built yet".into()))
}
