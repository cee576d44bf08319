//! A sequence item that the en file has and the zh file lacks.
//!
//! ## What it does
//! After sequences are realigned (see `missing-item`), reports each en item left
//! without a zh partner, pointing at it in en and at its neighbour in zh.
//!
//! ## Why is this bad?
//! Content added to one version only: the reader of the zh version never sees it.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! publications:
//!   - "Zhu H, et al. Query-LIFE ... 2025: 21-28."
//! # en/resume.yaml
//! publications:
//!   - "Zhu H, et al. Query-LIFE ... 2025: 21-28."
//!   - "Zhu H, et al. GateSID ... SIGIR 2026."
//! ```
//! gives one `extra-item` at `publications[1]`.

use crate::align::{Aligned, OrphanKind};
use crate::rules::{excerpt, Hit, Mark};
use crate::source::Side;

pub(super) fn check(aligned: &Aligned<'_>, out: &mut Vec<Hit>) {
    if let Aligned::Orphan(orphan) = aligned {
        if orphan.side == Side::En && orphan.kind == OrphanKind::Item {
            out.push(Hit {
                rule: "extra-item",
                message: format!(
                    "item {} is in en but missing in zh",
                    excerpt(orphan.node)
                ),
                zh: Some(Mark::Node),
                en: Some(Mark::Node),
            });
        }
    }
}
