//! A sequence item that the zh file has and the en file lacks.
//!
//! ## What it does
//! Sequences are realigned before they are compared (by language-neutral fingerprints:
//! numbers, acronyms, mixed-case terms), so an item deleted from the middle of a list is
//! one finding, not a mismatch on every later item. This rule reports each zh item left
//! without an en partner, pointing at it in zh and at its neighbour in en.
//!
//! ## Why is this bad?
//! A bullet dropped from one version is an achievement, a duty or a string that one
//! audience never reads.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! highlights:
//!   - 主导语义ID在排序模型中的落地
//!   - 参与生成式排序Transformer模型(SORT)的设计
//! # en/resume.yaml
//! highlights:
//!   - Participate in the design of generative ranking Transformer model (SORT)
//! ```
//! gives one `missing-item` at `highlights[0]`, and the SORT bullets stay paired.

use crate::align::{Aligned, OrphanKind};
use crate::rules::{excerpt, Hit, Mark};
use crate::source::Side;

pub(super) fn check(aligned: &Aligned<'_>, out: &mut Vec<Hit>) {
    if let Aligned::Orphan(orphan) = aligned {
        if orphan.side == Side::Zh && orphan.kind == OrphanKind::Item {
            out.push(Hit {
                rule: "missing-item",
                message: format!(
                    "item {} is in zh but missing in en",
                    excerpt(orphan.node)
                ),
                zh: Some(Mark::Node),
                en: Some(Mark::Node),
            });
        }
    }
}
