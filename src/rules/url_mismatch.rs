//! A link that differs between zh and en, or is present on one side only.
//!
//! ## What it does
//! Compares the `http(s)://` links of both sides as multisets. Trailing sentence
//! punctuation is not part of a link, scheme and host compare case-insensitively, and
//! a path segment naming a language (`/zh/`, `/en/`, `?lang=zh-CN`) matches any
//! language, because each version rightly links its own locale. `https` and `http`
//! differ.
//!
//! ## Why is this bad?
//! A link fixed in one language only still sends the other readers to the old, maybe
//! dead or insecure, address.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! homepage: 主页 https://example.com/zh/me
//! # en/resume.yaml
//! homepage: Homepage http://example.com/en/me
//! ```
//! gives `url https://example.com/zh/me in zh, http://example.com/en/me in en`.

use crate::facts::FactKind;
use crate::rules::{same_text, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    super::email_mismatch::compare(
        pair,
        "url-mismatch",
        "url",
        |k| match k {
            FactKind::Url(u) => Some(u),
            _ => None,
        },
        out,
    );
}
