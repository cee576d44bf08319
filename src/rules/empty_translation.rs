//! A value that is empty on one side and not on the other.
//!
//! ## What it does
//! Reports a pair where one side is blank (an empty or whitespace-only string, a null,
//! an empty list or mapping) and the other side has content.
//!
//! ## Why is this bad?
//! An empty string is usually a translation someone meant to write later; in a locale
//! file it renders as nothing at all instead of falling back to another language.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! result: 线上取得订单UV提升3.06%
//! # en/resume.yaml
//! result: ""
//! ```
//! gives `value is empty in en, not in zh` at `result`.

use crate::align::Aligned;
use crate::rules::{is_blank, Hit, Mark};

pub(super) fn check(aligned: &Aligned<'_>, out: &mut Vec<Hit>) {
    let Aligned::Pair(pair) = aligned else {
        return;
    };
    let message = match (is_blank(pair.zh), is_blank(pair.en)) {
        (true, false) => "value is empty in zh, not in en",
        (false, true) => "value is empty in en, not in zh",
        _ => return,
    };
    out.push(Hit {
        rule: "empty-translation",
        message: message.to_string(),
        zh: Some(Mark::Node),
        en: Some(Mark::Node),
    });
}
