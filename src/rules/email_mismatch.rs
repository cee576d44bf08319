//! An e-mail address that differs between zh and en, or is present on one side only.
//!
//! ## What it does
//! Compares the e-mail addresses of both sides as multisets, case-insensitively, and
//! reports each one left over with the address on the other side, if any.
//!
//! ## Why is this bad?
//! Mail to an address updated in one language only goes nowhere, and nobody notices.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! contact: 邮箱 me@example.com
//! # en/resume.yaml
//! contact: E-mail me@example.org
//! ```
//! gives `e-mail me@example.com in zh, me@example.org in en`.

use std::collections::{HashMap, VecDeque};

use crate::facts::{FactKind, Facts};
use crate::rules::{mark, same_text, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    compare(
        pair,
        "email-mismatch",
        "e-mail",
        |k| match k {
            FactKind::Email(e) => Some(e),
            _ => None,
        },
        out,
    );
}

/// Reports the values of one string kind that do not pair up, pairing leftovers in
/// order. Shared with `url-mismatch`, which differs only in the kind it reads.
pub(super) fn compare(
    pair: &TextPair<'_>,
    rule: &'static str,
    noun: &str,
    value: impl Fn(&FactKind) -> Option<&String>,
    out: &mut Vec<Hit>,
) {
    let list = |facts: &Facts| -> Vec<usize> {
        (0..facts.items.len())
            .filter(|&k| value(&facts.items[k].kind).is_some())
            .collect()
    };
    let (zh_all, en_all) = (list(pair.zh.facts), list(pair.en.facts));
    let mut waiting: HashMap<&String, VecDeque<usize>> = HashMap::new();
    for &e in &en_all {
        waiting
            .entry(value(&pair.en.facts.items[e].kind).unwrap())
            .or_default()
            .push_back(e);
    }
    let mut zh_left = Vec::new();
    for &z in &zh_all {
        let key = value(&pair.zh.facts.items[z].kind).unwrap();
        if waiting.get_mut(key).and_then(VecDeque::pop_front).is_none() {
            zh_left.push(z);
        }
    }
    let mut en_left: Vec<usize> = waiting.into_values().flatten().collect();
    en_left.sort_unstable();
    let count = zh_left.len().max(en_left.len());
    for k in 0..count {
        let zh_range = zh_left.get(k).map(|&z| &pair.zh.facts.items[z].range);
        let en_range = en_left.get(k).map(|&e| &pair.en.facts.items[e].range);
        let written = |text: &str, r: &std::ops::Range<usize>| text[r.clone()].to_string();
        let message = match (zh_range, en_range) {
            (Some(a), Some(b)) => format!(
                "{noun} {} in zh, {} in en",
                written(pair.zh.text, a),
                written(pair.en.text, b)
            ),
            (Some(a), None) => format!("{noun} {} in zh, missing in en", written(pair.zh.text, a)),
            (None, Some(b)) => format!("{noun} {} in en, missing in zh", written(pair.en.text, b)),
            (None, None) => continue,
        };
        out.push(Hit {
            rule,
            message,
            zh: mark(zh_range),
            en: mark(en_range),
        });
    }
}
