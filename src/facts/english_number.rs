//! Numbers written in English words: `two weeks`, `three million`, `a dozen`, and
//! ordinal words in ranking phrases (`Second Prize`, `third party`, `first author`).
//!
//! Ordinal words are numbers only before a ranking noun, so `per second` and
//! `First, we …` are not. Like Chinese numerals, words are soft: `one` or an unmatched
//! word number is reported only against an unmatched number on the other side.

use super::{lex, Decimal, FactKind, Number, Scan, Unit};

/// Units of time that `a`/`an` counts as one of (`an hour` = `1 小时`).
const TIME_UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
];

const CARDINALS: &[(&str, u128)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words that multiply what comes before them (or `a`).
const MULTIPLIERS: &[(&str, u128)] = &[
    ("dozen", 12),
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

const ORDINALS: &[(&str, u128)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
];

/// Nouns after which an ordinal word is a rank.
const RANKED: &[&str] = &[
    "prize", "prizes", "place", "party", "parties", "author", "award", "class", "runner", "rank",
    "round", "tier", "edition", "grade", "honor", "honors", "honour", "position",
];

fn lookup(table: &[(&str, u128)], word: &str) -> Option<u128> {
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

pub(super) fn scan(scan: &mut Scan<'_>) {
    let text = scan.text;
    let words: Vec<lex::Found<'_>> = lex::runs(text, lex::latin)
        .map(lex::Found::in_text(text))
        .collect();
    let mut k = 0;
    while k < words.len() {
        let word = words[k].as_str();
        if let Some(rank) = lookup(ORDINALS, word) {
            let next = words
                .get(k + 1)
                .filter(|n| joined(text, words[k].end(), n.start()));
            if next.is_some_and(|n| RANKED.iter().any(|r| r.eq_ignore_ascii_case(n.as_str()))) {
                let mut number = Number::new(Decimal::from_integer(rank), 0, Unit::Plain);
                number.words = true;
                number.ordinal = true;
                push(scan, words[k].range(), number);
            }
            k += 1;
            continue;
        }
        // `an hour`, `a week`: the article counts one unit of time.
        let article = word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an");
        let half = k > 0 && words[k - 1].as_str().eq_ignore_ascii_case("half");
        if article
            && words.get(k + 1).is_some_and(|n| {
                joined(text, words[k].end(), n.start())
                    && TIME_UNITS
                        .iter()
                        .any(|u| u.eq_ignore_ascii_case(n.as_str()))
            })
        {
            // `half an hour` is half of one.
            let (value, start) = match half {
                true => (
                    Decimal::parse("0.5").expect("a decimal"),
                    words[k - 1].start(),
                ),
                false => (Decimal::from_integer(1), words[k].start()),
            };
            let mut number = Number::new(value, 0, Unit::Plain);
            number.words = true;
            push(scan, start..words[k].end(), number);
            k += 1;
            continue;
        }
        let starts = lookup(CARDINALS, word).is_some()
            || (word.eq_ignore_ascii_case("a")
                && words.get(k + 1).is_some_and(|n| {
                    joined(text, words[k].end(), n.start())
                        && lookup(MULTIPLIERS, n.as_str()).is_some()
                }));
        if !starts {
            k += 1;
            continue;
        }
        let (mut total, mut current) = (0u128, 0u128);
        let mut end = k;
        let mut j = k;
        while j < words.len() {
            if j > k && !joined(text, words[j - 1].end(), words[j].start()) {
                break;
            }
            let w = words[j].as_str();
            if let Some(v) = lookup(CARDINALS, w) {
                current = current.saturating_add(v);
            } else if let Some(m) = lookup(MULTIPLIERS, w) {
                if m >= 1_000 {
                    total = total.saturating_add(current.max(1).saturating_mul(m));
                    current = 0;
                } else {
                    current = current.max(1).saturating_mul(m);
                }
            } else if !(w.eq_ignore_ascii_case("a") && j == k
                || w.eq_ignore_ascii_case("and") && j > k)
            {
                break;
            }
            if !w.eq_ignore_ascii_case("and") {
                end = j;
            }
            j += 1;
        }
        let mut number = Number::new(
            Decimal::from_integer(total.saturating_add(current)),
            0,
            Unit::Plain,
        );
        number.words = true;
        push(scan, words[k].start()..words[end].end(), number);
        k = end + 1;
    }
}

/// Whether two words are one phrase: only a space or a hyphen between them.
fn joined(text: &str, end: usize, start: usize) -> bool {
    matches!(&text[end..start], " " | "-")
}

fn push(scan: &mut Scan<'_>, range: std::ops::Range<usize>, number: Number) {
    let alone = !super::is_word_char(scan.before(range.start))
        && !super::is_word_char(scan.after(range.end));
    if alone && scan.free(&range) {
        scan.claim(range, FactKind::Number(number));
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::number::tests::values;
    use crate::facts::{extract, Unit};
    use crate::source::Side;

    #[test]
    fn equal_numbers() {
        let table = [
            ("two weeks", "2 weeks"),
            ("twenty-one", "21"),
            ("three hundred", "300"),
            ("three million", "3M"),
            ("two hundred thousand", "200k"),
            ("a dozen", "12"),
            ("Second Prize", "2nd Prize"),
            ("third-party", "3rd party"),
            ("first author", "第一作者"),
            ("an hour ago", "1 小时前"),
            ("a second", "一秒"),
            ("one second", "1秒"),
            ("half an hour", "0.5 hours"),
        ];
        for (a, b) in table {
            assert!(!values(a).is_empty(), "{a}");
            assert_eq!(values(a), values(b), "{a} | {b}");
        }
    }

    #[test]
    fn unequal_numbers() {
        let table = [
            ("two weeks", "3 weeks"),
            ("First Prize", "Second Prize"),
            ("twelve", "20"),
        ];
        for (a, b) in table {
            assert_ne!(values(a), values(b), "{a} | {b}");
        }
    }

    #[test]
    fn ordinary_words_are_not_numbers() {
        for text in [
            "per second",
            "First, we train",
            "someone",
            "a model",
            "thousands of users",
            "hundred",
        ] {
            let facts = extract(text, Side::En);
            let got: Vec<_> = facts.numbers().map(|(_, n)| n.clone()).collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        let facts = extract("one model", Side::En);
        assert!(facts
            .numbers()
            .all(|(_, n)| n.words && n.unit == Unit::Plain));
    }
}
