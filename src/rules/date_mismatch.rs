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

use crate::rules::{same_text, value_hits, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    let values = pair.values;
    value_hits(
        "date-mismatch",
        ("date", "date range"),
        pair,
        &values.dates,
        &values.reversed_dates,
        out,
    );
}
