//! Comparing the facts of the two sides of a pair.
//!
//! Several rules look at the same numbers; this module decides once which number
//! matches which, so that a unit slip is reported by `unit-mismatch` and not also by
//! `number-mismatch`, and a year written as a date on one side and as a plain number
//! on the other is no finding at all. Everything here is linear (hash maps keyed by
//! value), so huge values stay fast.

use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;

use super::{DateValue, Decimal, Dir, FactKind, Facts, Number, Unit};

/// How the numbers and dates of two sides line up. Indices are into each side's
/// [`Facts::items`].
#[derive(Debug, Default, PartialEq)]
pub struct Diff {
    /// Numbers equal on both sides.
    pub matched: Vec<(usize, usize)>,
    /// Numbers with the same mantissa but a different unit or scale (`2.1pt`/`2.1%`).
    pub units: Vec<(usize, usize)>,
    /// Numbers that differ, paired in order where both sides have one.
    pub numbers: Vec<(Option<usize>, Option<usize>)>,
    /// Number ranges whose ends are swapped: (zh range fact, en range fact).
    pub reversed_numbers: Vec<(usize, usize)>,
    /// Dates that differ, paired in order where both sides have one.
    pub dates: Vec<(Option<usize>, Option<usize>)>,
    /// Date ranges whose ends are swapped.
    pub reversed_dates: Vec<(usize, usize)>,
}

type Key = (Unit, Decimal);

/// Directions and where they are written.
type Said = Vec<(Dir, Range<usize>)>;

fn number(facts: &Facts, k: usize) -> &Number {
    match &facts.items[k].kind {
        FactKind::Number(n) => n,
        _ => unreachable!("index of a number"),
    }
}

fn date(facts: &Facts, k: usize) -> DateValue {
    match &facts.items[k].kind {
        FactKind::Date(d) => *d,
        _ => unreachable!("index of a date"),
    }
}

/// Pairs equal items of two lists by key, in order; returns the matches and what is
/// left on each side, in order.
fn match_by<K: std::hash::Hash + Eq>(
    zh: Vec<usize>,
    en: Vec<usize>,
    zh_key: impl Fn(usize) -> Option<K>,
    en_key: impl Fn(usize) -> Option<K>,
) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut waiting: HashMap<K, VecDeque<usize>> = HashMap::new();
    for &e in &en {
        if let Some(key) = en_key(e) {
            waiting.entry(key).or_default().push_back(e);
        }
    }
    let mut matched = Vec::new();
    let mut zh_left = Vec::new();
    for z in zh {
        match zh_key(z).and_then(|key| waiting.get_mut(&key)?.pop_front()) {
            Some(e) => matched.push((z, e)),
            None => zh_left.push(z),
        }
    }
    let used: HashSet<usize> = matched.iter().map(|&(_, e)| e).collect();
    let en_left = en.into_iter().filter(|e| !used.contains(e)).collect();
    (matched, zh_left, en_left)
}

/// Compares the numbers and dates of two sides.
pub fn diff(zh: &Facts, en: &Facts) -> Diff {
    let key =
        |facts: &Facts, k: usize| -> Key { (number(facts, k).unit, number(facts, k).value()) };
    let (matched, zh_nums, en_nums) = match_by(
        zh.numbers().map(|(k, _)| k).collect(),
        en.numbers().map(|(k, _)| k).collect(),
        |k| Some(key(zh, k)),
        |k| Some(key(en, k)),
    );

    let (_, zh_dates, en_dates) = match_by(
        zh.dates().map(|(k, _)| k).collect(),
        en.dates().map(|(k, _)| k).collect(),
        |k| Some(date(zh, k)),
        |k| Some(date(en, k)),
    );
    // A year on one side and a month of that year on the other do not contradict.
    let year_only = |facts: &Facts, k: usize| match date(facts, k) {
        DateValue::Year(y) => Some(y),
        _ => None,
    };
    let (_, zh_dates, en_dates) = match_by(
        zh_dates,
        en_dates,
        |k| year_only(zh, k),
        |k| date(en, k).year(),
    );
    let (_, en_dates, zh_dates) = match_by(
        en_dates,
        zh_dates,
        |k| year_only(en, k),
        |k| date(zh, k).year(),
    );
    // `2000` may be read as a year on one side and as a count on the other.
    let plain_integer = |facts: &Facts, k: usize| {
        let n = number(facts, k);
        (n.unit == Unit::Plain && !n.words)
            .then(|| n.value().to_integer())
            .flatten()
    };
    let year_of = |facts: &Facts, k: usize| year_only(facts, k).map(u128::from);
    let (_, zh_dates, en_nums) = match_by(
        zh_dates,
        en_nums,
        |k| year_of(zh, k),
        |k| plain_integer(en, k),
    );
    let (_, en_dates, zh_nums) = match_by(
        en_dates,
        zh_nums,
        |k| year_of(en, k),
        |k| plain_integer(zh, k),
    );

    let hard = |facts: &Facts, k: usize| !number(facts, k).words;
    let mantissa =
        |facts: &Facts, k: usize| hard(facts, k).then(|| number(facts, k).mantissa.clone());
    let (units, zh_nums, en_nums) =
        match_by(zh_nums, en_nums, |k| mantissa(zh, k), |k| mantissa(en, k));

    let mut numbers = Vec::new();
    let (zh_hard, zh_soft): (Vec<usize>, Vec<usize>) =
        zh_nums.into_iter().partition(|&k| hard(zh, k));
    let (en_hard, en_soft): (Vec<usize>, Vec<usize>) =
        en_nums.into_iter().partition(|&k| hard(en, k));
    let pairs = zh_hard.len().min(en_hard.len());
    numbers.extend(
        zh_hard[..pairs]
            .iter()
            .zip(&en_hard[..pairs])
            .map(|(&z, &e)| (Some(z), Some(e))),
    );
    // Soft numbers (words) only ever pair with what is left on the other side; alone,
    // `一个` next to `a` is no finding.
    let mut zh_rest: Vec<usize> = zh_hard[pairs..].iter().chain(&zh_soft).copied().collect();
    let mut en_rest: Vec<usize> = en_hard[pairs..].iter().chain(&en_soft).copied().collect();
    zh_rest.sort_unstable();
    en_rest.sort_unstable();
    let pairs = zh_rest.len().min(en_rest.len());
    numbers.extend(
        zh_rest[..pairs]
            .iter()
            .zip(&en_rest[..pairs])
            .map(|(&z, &e)| (Some(z), Some(e))),
    );
    numbers.extend(
        zh_rest[pairs..]
            .iter()
            .filter(|&&k| hard(zh, k))
            .map(|&z| (Some(z), None)),
    );
    numbers.extend(
        en_rest[pairs..]
            .iter()
            .filter(|&&k| hard(en, k))
            .map(|&e| (None, Some(e))),
    );

    let pairs = zh_dates.len().min(en_dates.len());
    let mut dates: Vec<(Option<usize>, Option<usize>)> = zh_dates[..pairs]
        .iter()
        .zip(&en_dates[..pairs])
        .map(|(&z, &e)| (Some(z), Some(e)))
        .collect();
    dates.extend(zh_dates[pairs..].iter().map(|&z| (Some(z), None)));
    dates.extend(en_dates[pairs..].iter().map(|&e| (None, Some(e))));

    let number_key = |facts: &Facts, k: usize| match &facts.items[k].kind {
        FactKind::Number(n) => Some(format!("{:?}{:?}", n.unit, n.value())),
        FactKind::Date(d) => Some(format!("{d:?}")),
        _ => None,
    };
    let reversed = |is_number: bool| reversed_ranges(zh, en, is_number, number_key);
    Diff {
        matched,
        units,
        numbers,
        reversed_numbers: reversed(true),
        dates,
        reversed_dates: reversed(false),
    }
}

/// Ranges `a→b` on zh where en has `b→a` and not `a→b`.
fn reversed_ranges(
    zh: &Facts,
    en: &Facts,
    numbers: bool,
    key: impl Fn(&Facts, usize) -> Option<String>,
) -> Vec<(usize, usize)> {
    let of_kind =
        |facts: &Facts, k: usize| matches!(facts.items[k].kind, FactKind::Number(_)) == numbers;
    let ends = |facts: &Facts, (a, b): (usize, usize)| Some((key(facts, a)?, key(facts, b)?));
    let mut en_ranges: HashMap<(String, String), usize> = HashMap::new();
    for (k, fact) in en.items.iter().enumerate() {
        if let FactKind::Range { from, to } = fact.kind {
            if let Some(e) = ends(en, (from, to)).filter(|_| of_kind(en, from)) {
                en_ranges.entry(e).or_insert(k);
            }
        }
    }
    let mut out = Vec::new();
    for (k, fact) in zh.items.iter().enumerate() {
        let FactKind::Range { from, to } = fact.kind else {
            continue;
        };
        let Some((a, b)) = ends(zh, (from, to)).filter(|_| of_kind(zh, from)) else {
            continue;
        };
        if a == b || en_ranges.contains_key(&(a.clone(), b.clone())) {
            continue;
        }
        if let Some(&e) = en_ranges.get(&(b, a)) {
            out.push((k, e));
        }
    }
    out
}

/// One direction disagreement: what zh says and where, what en says and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opposite {
    pub zh: (Dir, Range<usize>),
    pub en: (Dir, Range<usize>),
}

/// Increases on one side that are decreases on the other: per value present on both
/// sides, then for direction words that govern no number, when each side says only
/// one thing.
pub fn opposite_directions(zh: &Facts, en: &Facts, diff: &Diff) -> Vec<Opposite> {
    let mut out = Vec::new();
    let mut by_value: HashMap<Key, (Said, Said)> = HashMap::new();
    let mut order = Vec::new();
    for &(z, e) in &diff.matched {
        let (zn, en_) = (number(zh, z), number(en, e));
        let key = (zn.unit, zn.value());
        let entry = by_value.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            Default::default()
        });
        entry.0.extend(zn.direction.clone());
        entry.1.extend(en_.direction.clone());
    }
    for key in order {
        if let Some(found) = one_way_each(&by_value[&key].0, &by_value[&key].1) {
            out.push(found);
        }
    }
    let loose = |facts: &Facts| -> Vec<(Dir, Range<usize>)> {
        facts
            .items
            .iter()
            .filter_map(|f| match f.kind {
                FactKind::Direction {
                    dir,
                    weak: false,
                    governs: None,
                } => Some((dir, f.range.clone())),
                _ => None,
            })
            .collect()
    };
    out.extend(one_way_each(&loose(zh), &loose(en)));
    out
}

/// The first direction of each side, when each side says only one thing and they
/// are opposite.
fn one_way_each(zh: &[(Dir, Range<usize>)], en: &[(Dir, Range<usize>)]) -> Option<Opposite> {
    let (first_zh, first_en) = (zh.first()?, en.first()?);
    let uniform = |list: &[(Dir, Range<usize>)], dir: Dir| list.iter().all(|(d, _)| *d == dir);
    (first_zh.0 != first_en.0 && uniform(zh, first_zh.0) && uniform(en, first_en.0)).then(|| {
        Opposite {
            zh: first_zh.clone(),
            en: first_en.clone(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::extract;
    use crate::source::Side;

    fn diff_of(zh: &str, en: &str) -> Diff {
        diff(&extract(zh, Side::Zh), &extract(en, Side::En))
    }

    #[test]
    fn equal_pairs_leave_nothing() {
        let table = [
            ("订单+6.35%、GMV+5.47%", "+6.35% orders and +5.47% GMV"),
            ("线上3万/B测试", "Online 30k/B test"),
            ("一个模型", "a model"),
            ("两周", "two weeks"),
            ("两周", "2 weeks"),
            ("2000年", "in 2000"),
            ("2000名用户", "2000 users"),
            ("发表于2024年", "published in Jul 2024"),
            ("MFU从3%提升至12%", "MFU from 3% to 12%"),
        ];
        for (zh, en) in table {
            let d = diff_of(zh, en);
            assert!(
                d.units.is_empty() && d.numbers.is_empty() && d.dates.is_empty(),
                "{zh} | {en}: {d:?}"
            );
            assert!(d.reversed_numbers.is_empty(), "{zh} | {en}");
        }
    }

    #[test]
    fn each_difference_lands_in_one_place() {
        let d = diff_of("CTR-AUC提升2.1pt", "CTR-AUC improved by 2.1%");
        assert_eq!((d.units.len(), d.numbers.len()), (1, 0));
        let d = diff_of("订单+6.35%", "orders +6.53%");
        assert_eq!((d.units.len(), d.numbers.len()), (0, 1));
        let d = diff_of("两周", "3 weeks");
        assert_eq!(d.numbers.len(), 1);
        let d = diff_of("3%→12%", "12%→3%");
        assert_eq!((d.numbers.len(), d.reversed_numbers.len()), (0, 1));
        let d = diff_of("2024.07 - 至今", "2024.07 - 2026.01");
        assert_eq!((d.numbers.len(), d.dates.len()), (0, 1));
    }

    #[test]
    fn opposite_directions_only() {
        let cases = [
            ("延迟降低44.67%", "latency increased by 44.67%", 1),
            ("延迟降低44.67%", "latency reduced by 44.67%", 0),
            ("延迟降低44.67%", "latency 44.67%", 0),
            ("提升曝光率", "reducing exposure", 1),
            ("提升曝光率", "improving exposure", 0),
            ("+5%", "decreased by 5%", 1),
        ];
        for (zh, en, want) in cases {
            let (z, e) = (extract(zh, Side::Zh), extract(en, Side::En));
            let found = opposite_directions(&z, &e, &diff(&z, &e));
            assert_eq!(found.len(), want, "{zh} | {en}: {found:?}");
        }
    }
}
