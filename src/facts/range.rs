//! Ranges and changes: `3%→12%` = `from 3% to 12%` = `从3%提升至12%` = `3% to 12%`,
//! and `2021.09 - 2024.06`. Order matters: `3%→12%` and `12%→3%` say opposite things
//! although they hold the same numbers.
//!
//! Two numbers (or two dates) next to each other form a range when what lies between
//! them, less spaces and direction words, is one of the separators below.

use super::{Fact, FactKind};

/// What may stand between the two ends of a range, once spaces and direction words
/// are removed.
const SEPARATORS: &[&str] = &[
    "→", "->", "=>", "⟶", "➝", "➔", "to", "至", "到", "~", "-", "–", "—", "until",
];

/// Direction words that may join the ends (`提升至`), removed before the check.
const JOINING_WORDS: &[&str] = &[
    "提升", "提高", "增长", "增加", "上升", "降低", "下降", "减少", "增", "降", "rising", "falling",
];

/// Adds a `Range` fact for each pair of neighbouring numbers or dates joined by a
/// separator. `items` is in text order; new facts go at the end.
pub(super) fn scan(text: &str, items: &mut Vec<Fact>) {
    let mut found = Vec::new();
    let mut previous: Option<usize> = None;
    for k in 0..items.len() {
        let kind = |f: &Fact| match f.kind {
            FactKind::Number(_) => Some(0),
            FactKind::Date(_) => Some(1),
            _ => None,
        };
        let Some(this) = kind(&items[k]) else {
            continue;
        };
        if let Some(p) = previous.filter(|&p| kind(&items[p]) == Some(this)) {
            let (a, b) = (&items[p].range, &items[k].range);
            let open_end = matches!(items[k].kind, FactKind::Date(super::DateValue::Present));
            if a.end <= b.start && (joins(&text[a.end..b.start]) || open_end) {
                found.push((p, k));
            }
        }
        previous = Some(k);
    }
    for (from, to) in found {
        let range = items[from].range.start..items[to].range.end;
        items.push(Fact {
            range,
            kind: FactKind::Range { from, to },
        });
    }
}

fn joins(between: &str) -> bool {
    if between.len() > 24 {
        return false;
    }
    let mut rest: String = between.chars().filter(|c| !c.is_whitespace()).collect();
    for word in JOINING_WORDS {
        rest = rest.replace(word, "");
    }
    SEPARATORS.iter().any(|s| rest.eq_ignore_ascii_case(s))
}

#[cfg(test)]
mod tests {
    /// The ranges of a fact list, as (from, to) index pairs.
    fn ranges(items: &[Fact]) -> impl Iterator<Item = (usize, usize)> + '_ {
        items.iter().filter_map(|f| match f.kind {
            FactKind::Range { from, to } => Some((from, to)),
            _ => None,
        })
    }

    use crate::facts::Fact;
    use crate::facts::{extract, FactKind, Facts};
    use crate::source::Side;

    /// Each range as the (unit, value) text of its ends.
    fn ends(text: &str) -> Vec<(String, String)> {
        let facts: Facts = extract(text, Side::Zh);
        let show = |k: usize| match &facts.items[k].kind {
            FactKind::Number(n) => format!("{:?}{:?}", n.unit, n.value()),
            FactKind::Date(d) => format!("{d:?}"),
            other => format!("{other:?}"),
        };
        ranges(&facts.items)
            .map(|(a, b)| (show(a), show(b)))
            .collect()
    }

    #[test]
    fn equal_ranges() {
        let table = [
            ("3%→12%", "from 3% to 12%"),
            ("3%→12%", "从3%提升至12%"),
            ("3%→12%", "3% to 12%"),
            ("3% -> 12%", "3%到12%"),
            ("2024.07 - 至今", "Jul 2024 – Present"),
            ("2021.09 - 2024.06", "Sep 2021 to Jun 2024"),
        ];
        for (a, b) in table {
            assert!(!ends(a).is_empty(), "{a}");
            assert_eq!(ends(a), ends(b), "{a} | {b}");
        }
    }

    #[test]
    fn unequal_ranges() {
        let table = [
            ("3%→12%", "12%→3%"),
            ("3%→12%", "3% to 21%"),
            ("2024.07 - 至今", "2024.07 - 2026.01"),
        ];
        for (a, b) in table {
            assert_ne!(ends(a), ends(b), "{a} | {b}");
        }
    }

    #[test]
    fn lists_are_not_ranges() {
        for text in ["3%、12%", "3% and 12%", "订单+6.35%、GMV+5.47%"] {
            assert!(ends(text).is_empty(), "{text}");
        }
    }
}
