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
//! `direction-mismatch`. In a CLDR plural form `one` (`zero`, `two`), the form's count
//! written on one side only (`1 条消息` vs `%{count} message`, `小于 1 分钟` vs
//! `less than a minute`) is no finding. A month without a year (`3月`) is soft, as
//! English names it with a word. Durations compare by length: `60 天` = `2 months`,
//! `30秒` = `half a minute`.
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

use crate::facts::{duration, Facts};
use crate::rules::{plural_count, same_text, value_hits, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    let values = pair.values;
    let count_written = count_written_out(pair);
    let unmatched: Vec<_> = same_durations_removed(pair, values.numbers.clone())
        .into_iter()
        .filter(|&(z, e)| !count_written(z, e))
        .collect();
    value_hits(
        "number-mismatch",
        ("number", "range"),
        pair,
        &unmatched,
        &values.reversed_numbers,
        out,
    );
}

/// Whether a lone number of a plural form `one` (`zero`, `two`) is that form's count:
/// the form itself says it, whether the other side interpolates it (`%{count}`) or
/// writes it as a word English does not count (`a minute`).
fn count_written_out<'a>(
    pair: &'a TextPair<'a>,
) -> impl Fn(Option<usize>, Option<usize>) -> bool + 'a {
    let count = plural_count(pair.path);
    move |z, e| {
        let is_count = |facts: &Facts, k: usize| {
            facts
                .numbers()
                .any(|(i, n)| i == k && count.as_ref() == Some(&n.value()))
        };
        match (z, e) {
            (Some(z), None) => is_count(pair.zh.facts, z),
            (None, Some(e)) => is_count(pair.en.facts, e),
            _ => false,
        }
    }
}

/// The leftover numbers, less those that state the same duration in other units
/// (`60 天` and `2 months`); the rest stay paired as they were, or alone.
fn same_durations_removed(
    pair: &TextPair<'_>,
    numbers: Vec<(Option<usize>, Option<usize>)>,
) -> Vec<(Option<usize>, Option<usize>)> {
    let seconds = |text: &str, facts: &Facts, k: usize| -> Option<f64> {
        let (_, n) = facts.numbers().find(|(i, _)| *i == k)?;
        let unit = duration::unit_after(&text[facts.items[k].range.end..])?;
        Some(n.value().to_f64() * unit)
    };
    let zh: Vec<(usize, f64)> = numbers
        .iter()
        .filter_map(|(z, _)| z.and_then(|z| Some((z, seconds(pair.zh.text, pair.zh.facts, z)?))))
        .collect();
    let mut en: Vec<(usize, f64)> = numbers
        .iter()
        .filter_map(|(_, e)| e.and_then(|e| Some((e, seconds(pair.en.text, pair.en.facts, e)?))))
        .collect();
    let mut gone = (Vec::new(), Vec::new());
    for (z, a) in zh {
        if let Some(at) = en.iter().position(|&(_, b)| duration::same(a, b)) {
            gone.0.push(z);
            gone.1.push(en.remove(at).0);
        }
    }
    numbers
        .into_iter()
        .map(|(z, e)| {
            (
                z.filter(|z| !gone.0.contains(z)),
                e.filter(|e| !gone.1.contains(e)),
            )
        })
        .filter(|(z, e)| z.is_some() || e.is_some())
        .collect()
}
