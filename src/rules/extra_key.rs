//! A mapping key that the en file has and the zh file lacks.
//!
//! ## What it does
//! Reports every key present in the second file (en) with no key of the same name in
//! the mapping at the same path of the first file (zh). The finding points at the key
//! in en and at the enclosing mapping in zh.
//!
//! ## Why is this bad?
//! Content added to one version only: a reader of the zh version never sees it, and a
//! zh locale falls back to another language for that string.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! projects:
//!   - name: 语义ID建模(GateSID)
//! # en/resume.yaml
//! projects:
//!   - name: Semantic ID Modeling (GateSID)
//!     link: https://example.org/paper.pdf
//! ```
//! gives `key link is in en but missing in zh` at `projects[0].link`.

use crate::align::{Aligned, OrphanKind};
use crate::rules::{Hit, Mark};
use crate::source::Side;

pub(super) fn check(aligned: &Aligned<'_>, out: &mut Vec<Hit>) {
    if let Aligned::Orphan(orphan) = aligned {
        if let (Side::En, OrphanKind::Key { key, .. }) = (orphan.side, &orphan.kind) {
            out.push(Hit {
                rule: "extra-key",
                message: format!("key `{key}` is in en but missing in zh"),
                zh: Some(Mark::Node),
                en: Some(Mark::Key),
            });
        }
    }
}
