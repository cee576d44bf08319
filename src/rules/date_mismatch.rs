//! A date or an open/closed range that differs between zh and en.
//!
//! ## What it does
//! Compares the dates of both sides after normalisation: `2024.07` = `2024-07` =
//! `2024/07` = `07/2024` = `Jul 2024` = `July 2024` = `2024年7月`, and the open end
//! `至今` = `今` = `Present` = `now`. A year alone matches a month of that year. Each
//! date left over is reported with the value on each side; a range whose ends are
//! swapped is reported too. Dates never count as numbers, so a changed date is
//! reported here only.
//!
//! ## Why is this bad?
//! A job that ended in one language and is still running in the other, or a start
//! month that moved, is a factual error a reader or a background check will find.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! period: 2024.07 - 至今
//! # en/resume.yaml
//! period: Aug 2024 - 2026.01
//! ```
//! gives `date 2024.07 in zh, Aug 2024 in en` and `date 至今 in zh, 2026.01 in en`.

use crate::facts::compare::diff;
use crate::rules::{mark, quote, same_text, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    let (zh, en) = (pair.zh, pair.en);
    let found = diff(zh.facts, en.facts);
    for (z, e) in found.dates {
        let zh_range = z.map(|k| &zh.facts.items[k].range);
        let en_range = e.map(|k| &en.facts.items[k].range);
        let message = match (zh_range, en_range) {
            (Some(a), Some(b)) => format!(
                "date {} in zh, {} in en",
                quote(zh.text, a),
                quote(en.text, b)
            ),
            (Some(a), None) => format!("date {} in zh, missing in en", quote(zh.text, a)),
            (None, Some(b)) => format!("date {} in en, missing in zh", quote(en.text, b)),
            (None, None) => continue,
        };
        out.push(Hit {
            rule: "date-mismatch",
            message,
            zh: mark(zh_range),
            en: mark(en_range),
        });
    }
    for (z, e) in found.reversed_dates {
        let (a, b) = (&zh.facts.items[z].range, &en.facts.items[e].range);
        out.push(Hit {
            rule: "date-mismatch",
            message: format!(
                "date range {} in zh, {} in en (ends swapped)",
                quote(zh.text, a),
                quote(en.text, b)
            ),
            zh: mark(Some(a)),
            en: mark(Some(b)),
        });
    }
}
