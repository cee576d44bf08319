//! A document in the zh folder with no file at the same relative path in the en folder.
//!
//! ## What it does
//! `rcheck check ZH_DIR EN_DIR` pairs the YAML and JSON files of the two folders by
//! their path relative to each folder. This rule reports a zh file left without an en
//! counterpart.
//!
//! ## Why is this bad?
//! A whole document exists in one language only: a page or a locale namespace that the
//! other audience never gets.
//!
//! ## Example
//! ```text
//! zh/resume.yaml   en/resume.yaml
//! zh/cover.yaml    (nothing)
//! ```
//! gives `zh/cover.yaml has no counterpart: en/cover.yaml does not exist`.

/// The message for a file on one side only.
pub fn message(path: &str, expected: &str) -> String {
    format!("{path} has no counterpart: {expected} does not exist")
}
