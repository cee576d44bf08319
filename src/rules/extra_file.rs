//! A document in the en folder with no file at the same relative path in the zh folder.
//!
//! ## What it does
//! `rcheck check ZH_DIR EN_DIR` pairs the YAML and JSON files of the two folders by
//! their path relative to each folder. This rule reports an en file left without a zh
//! counterpart.
//!
//! ## Why is this bad?
//! A whole document exists in one language only: the zh audience never gets it.
//!
//! ## Example
//! ```text
//! zh/resume.yaml   en/resume.yaml
//! (nothing)        en/cover.yaml
//! ```
//! gives `en/cover.yaml has no counterpart: zh/cover.yaml does not exist`.
