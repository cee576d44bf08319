//! rcheck: keeps the Chinese and English versions of one structured document
//! consistent.
//!
//! The library does all the work and prints nothing; `src/main.rs` only wires the
//! command line to it. The pipeline, one module per stage:
//!
//! ```text
//! read ─► yaml (tree with spans) ─► align (pairs) ─► facts ─► rules ─► render
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod config;
pub mod error;
pub mod facts;
pub mod pairs;
pub mod read;
pub mod render;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod yaml;

mod check;

pub use check::{diff, diff_paths, run, Finding, Location, Options, Outcome};
pub use error::Error;
