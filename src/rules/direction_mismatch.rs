//! An increase on one side that is a decrease on the other.
//!
//! ## What it does
//! Reads the direction attached to each number: a sign (`+6.35%`, `-3%`) or a word
//! in the same clause (`提升`, `增长`, `降低`, `减少`, `improved`, `increased by`,
//! `reduced`, `6.35% more`, `down 3%`). For every value present on both sides it
//! reports an increase on one side against a decrease on the other; words that govern
//! no number are compared the same way when each side says one thing only. A
//! direction written on one side only is fine (translations often drop `提升`).
//!
//! ## Why is this bad?
//! The digits match, so a number check passes, yet the sentence now claims the
//! opposite: latency *increased* by 44.67% is a regression, not a win.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! result: 延迟降低44.67%
//! # en/resume.yaml
//! result: latency increased by 44.67%
//! ```
//! gives `zh says 降低 (decrease), en says increased (increase)`.

use crate::facts::compare::opposite_directions;
use crate::rules::{mark, same_text, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    let (zh, en) = (pair.zh, pair.en);
    for opposite in opposite_directions(zh.facts, en.facts, pair.values) {
        let ((zd, za), (ed, ea)) = (&opposite.zh, &opposite.en);
        let said = |text: &str, at: &std::ops::Range<usize>| {
            text.get(at.clone()).unwrap_or("").to_string()
        };
        out.push(Hit {
            rule: "direction-mismatch",
            message: format!(
                "zh says {} ({}), en says {} ({})",
                said(zh.text, za),
                zd.name(),
                said(en.text, ea),
                ed.name()
            ),
            zh: mark(Some(za)),
            en: mark(Some(ea)),
        });
    }
}
