//! A number that differs between zh and en, or is written on one side only.
//!
//! ## What it does
//! Compares the numbers of a zh value and its en translation as multisets, in both
//! directions, after normalisation: `30,000` = `30k` = `3万` = `三万`, `1.2亿` =
//! `120M`, `44.67％` = `百分之44.67`, `二等奖` = `Second Prize`. Each number left
//! over is reported with the value on each side, pairing leftovers in order. A range
//! whose ends are swapped (`3%→12%` vs `12%→3%`) is reported too.
//!
//! Numbers written in words (`一个`, `两周`, `two`) are soft: alone they are no
//! finding (`一个` often translates as `a`); they are only reported against a number
//! left over on the other side (`两周` vs `3 weeks`). Dates, versions, links,
//! placeholders and the year of a venue (`SIGIR 2026`) are not numbers here; a
//! different unit for the same digits is `unit-mismatch`, a flipped sign
//! `direction-mismatch`.
//!
//! ## Why is this bad?
//! A metric that changed in one language only is the mistake readers notice, and it
//! is invisible to a translator who checks the prose: `+6.35%` and `+6.53%` look
//! alike.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! highlight: 实现订单+6.35%、GMV+5.47%的全场景业务提升
//! # en/resume.yaml
//! highlight: achieving +6.53% orders and +5.47% GMV improvement
//! ```
//! gives `number 6.35% in zh, 6.53% in en`. Dropping `+5.47% GMV` from en would give
//! `number 5.47% in zh, missing in en`.

use crate::rules::{same_text, value_hits, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    let values = pair.values;
    value_hits(
        "number-mismatch",
        ("number", "range"),
        pair,
        &values.numbers,
        &values.reversed_numbers,
        out,
    );
}
