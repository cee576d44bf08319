//! A version number that differs between zh and en, or is broken on one side.
//!
//! ## What it does
//! Compares the versions of both sides (`v2.1.0`, `1.2.3`, the `v` dropped) as
//! multisets, and reports each one left over with the version on the other side. A
//! malformed version (`2.1..0`) is read as a version too, so a typo made while
//! translating is reported naming both values. Versions are never loose numbers, so
//! a changed version is reported here only.
//!
//! ## Why is this bad?
//! Readers install, download or look up the version they read. A version bumped in
//! one language only, or mistyped, sends them to a release that does not exist.
//!
//! ## Example
//! ```yaml
//! # zh.yml
//! zh:
//!   requirement: 需要 Ruby 2.1..0 或更高版本
//! # en.yml
//! en:
//!   requirement: Requires Ruby 2.1.0 or later
//! ```
//! gives `version 2.1..0 in zh, 2.1.0 in en`.

use crate::facts::FactKind;
use crate::rules::{same_text, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    super::email_mismatch::compare(
        pair,
        "version-mismatch",
        "version",
        |k| match k {
            FactKind::Version(v) => Some(v),
            _ => None,
        },
        out,
    );
}
