//! The progress store: the only module that speaks SQL.

pub mod schema;
