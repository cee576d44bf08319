//! A mapping, a sequence or a scalar on one side where the other side has another kind.
//!
//! ## What it does
//! Reports a pair whose two nodes are of different kinds (mapping, sequence, scalar).
//! Their children are not compared: nothing lines up below a changed shape. A blank or
//! null value opposite a collection is `empty-translation` instead.
//!
//! ## Why is this bad?
//! Tools that read the document (a résumé template, an i18n library) expect the same
//! shape in every language; a list turned into one string renders wrong or not at all.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! honors: [省优秀毕业生, 国家奖学金]
//! # en/resume.yaml
//! honors: Provincial Outstanding Graduate, National Scholarship
//! ```
//! gives `sequence in zh, scalar in en` at `honors`.

use crate::align::Aligned;
use crate::rules::{is_blank, Hit, Mark};

pub(super) fn check(aligned: &Aligned<'_>, out: &mut Vec<Hit>) {
    let Aligned::Pair(pair) = aligned else {
        return;
    };
    let (zh, en) = (pair.zh.kind.name(), pair.en.kind.name());
    if zh != en && !is_blank(pair.zh) && !is_blank(pair.en) {
        out.push(Hit {
            rule: "type-mismatch",
            message: format!("{zh} in zh, {en} in en"),
            zh: Some(Mark::Node),
            en: Some(Mark::Node),
        });
    }
}
