//! A mapping key that the zh file has and the en file lacks.
//!
//! ## What it does
//! Reports every key present in the first file (zh) with no key of the same name in
//! the mapping at the same path of the second file (en). The finding points at the key
//! in zh and at the enclosing mapping in en.
//!
//! ## Why is this bad?
//! A field added on one side only is content a reader of the other version never sees:
//! a new award, a new job, a locale string that falls back to the default language.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! education:
//!   - school: 中国科学技术大学
//!     honors: 国家奖学金
//! # en/resume.yaml
//! education:
//!   - school: University of Science and Technology of China
//! ```
//! gives `key honors is in zh but missing in en` at `education[0].honors`.
//! Add the key to en (or remove it from zh).

use crate::align::{Aligned, OrphanKind};
use crate::rules::{Hit, Mark};
use crate::source::Side;

pub(super) fn check(aligned: &Aligned<'_>, out: &mut Vec<Hit>) {
    if let Aligned::Orphan(orphan) = aligned {
        if let (Side::Zh, OrphanKind::Key { key, .. }) = (orphan.side, &orphan.kind) {
            out.push(Hit {
                rule: "missing-key",
                message: format!("key `{key}` is in zh but missing in en"),
                zh: Some(Mark::Key),
                en: Some(Mark::Node),
            });
        }
    }
}
