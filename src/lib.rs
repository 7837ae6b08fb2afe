//! kiosk: a full-screen terminal program that teaches seniors at a ward's
//! cultural house to use their phones for public life.
//!
//! Module map (each module's own docs say what it owns):
//! - `config`: `kiosk.toml`.
//! - `i18n`: every piece of interface text, Vietnamese and English.
//! - `text`: NFC, the folded search key, and Telex typing (`text::telex`).
//! - `lessons`: lesson files: loading, validation, `kiosk check`.
//! - `store`: the SQLite database; the only module with SQL in it.
//! - `ui`: the full-screen interface, one file per screen.
//! - `export`: CSV and XLSX files for ward coordinators (no SQL: rows come from `store`).
//! - `commands`: the command-line commands.
//! - `durable`: syncing a finished file and its folder to the disk.

pub mod cli;
pub mod commands;
pub mod config;
pub mod durable;
pub mod export;
pub mod i18n;
pub mod leftovers;
pub mod lessons;
pub mod store;
pub mod text;
pub mod ui;
