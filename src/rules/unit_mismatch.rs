//! The same digits with a different unit or scale on each side (`2.1pt` vs `2.1%`).
//!
//! ## What it does
//! Reports a number whose mantissa is the same on both sides while its unit
//! (percent, percentage points, plain) or scale (`k`, `万`, `M`, `亿`) differs:
//! `2.1pt` vs `2.1%`, `30k` vs `30M`, `3万` vs `3k`. Equal values in other notations
//! (`3万` = `30k`) are fine. Such a pair is reported here only, not as
//! `number-mismatch`.
//!
//! ## Why is this bad?
//! Percentage points and percent are different claims (an AUC up 2.1 points is not up
//! 2.1 percent), and a scale word slipping in translation changes a value a
//! thousandfold while the digits still look right.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! result: CTR-AUC提升2.1pt
//! # en/resume.yaml
//! result: CTR-AUC improved by 2.1%
//! ```
//! gives `unit: 2.1pt in zh, 2.1% in en`.

use crate::rules::{mark, quote, same_text, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    let (zh, en) = (pair.zh, pair.en);
    for &(z, e) in &pair.values.units {
        let (a, b) = (&zh.facts.items[z].range, &en.facts.items[e].range);
        out.push(Hit {
            rule: "unit-mismatch",
            message: format!(
                "unit: {} in zh, {} in en",
                quote(zh.text, a),
                quote(en.text, b)
            ),
            zh: mark(Some(a)),
            en: mark(Some(b)),
        });
    }
}
