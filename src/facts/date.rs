//! Dates: days, months, years, and the open end of a range.
//!
//! `2024.07` = `2024-07` = `2024/07` = `07/2024` = `Jul 2024` = `July 2024` =
//! `2024年7月`; the month is read as written, so `2024.10` is October, never
//! `2024.1`. An impossible month (`2024.13`) makes no date. A bare year is read by the
//! number stage (a plain integer 1900–2099), and `2025年` here. An open end (`至今`,
//! `今`, `Present`, `now`, `current`) only counts right after a date and a range
//! separator, because `至今` and `now` in prose are not dates.

use std::sync::LazyLock;

use regex::Regex;

use super::{is_word_char, FactKind, Scan};

/// A point in time, as precise as it was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateValue {
    Year(u16),
    Month(u16, u8),
    Day(u16, u8, u8),
    /// The open end of a range: until now.
    Present,
}

impl DateValue {
    pub fn year(self) -> Option<u16> {
        match self {
            DateValue::Year(y) | DateValue::Month(y, _) | DateValue::Day(y, _, _) => Some(y),
            DateValue::Present => None,
        }
    }
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

static HAN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:19|20)[0-9]{2})\s?年\s?([0-9]{1,2})\s?月(?:\s?([0-9]{1,2})\s?[日号])?|((?:19|20)[0-9]{2})\s?年",
    )
    .unwrap()
});
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})([./\-])([0-9]{1,2})(?:([./\-])([0-9]{1,2}))?").unwrap()
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{1,2})/((?:19|20)[0-9]{2})").unwrap());
static NAMED_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)([a-z]{3,9})\.?,?\s+(?:([0-9]{1,2})(?:st|nd|rd|th)?,?\s+)?((?:19|20)[0-9]{2})")
        .unwrap()
});
static HAN_OPEN_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:(?:[-–—~到至]|to)\s*)?(至今|今)").unwrap());
static LATIN_OPEN_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-–—~]|to|until|till)\s*((?i:present|now|current|today))").unwrap()
});

static WHOLE_OPEN_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:至今|今|(?i:present|now|current|today|till now|to date))$").unwrap()
});

pub(super) fn scan(scan: &mut Scan<'_>) {
    let text = scan.text;
    // Regexes are compiled on first use: skip those whose required character is absent.
    let han = if text.contains('年') {
        HAN_DATE.captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for c in han {
        let whole = c.get(0).unwrap();
        let value = match (c.get(1), c.get(2), c.get(4)) {
            (Some(y), Some(m), _) => ymd(y.as_str(), m.as_str(), c.get(3).map(|d| d.as_str())),
            (_, _, Some(y)) => y.as_str().parse().ok().map(DateValue::Year),
            _ => None,
        };
        push(scan, whole.range(), value);
    }
    for c in NUMERIC_DATE.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let mut range = whole.range();
        let day = match (c.get(4), c.get(5)) {
            (Some(sep), Some(d)) if sep.as_str() == &c[2] && valid_day(d.as_str()) => {
                Some(d.as_str())
            }
            _ => {
                range.end = c.get(3).unwrap().end();
                None
            }
        };
        if is_word_char(scan.before(range.start)) || scan.before(range.start) == Some('.') {
            continue;
        }
        // `2024.07.5.1` or `2024.075` are something else; `2024.07%` is a number.
        let after = &text[range.end..];
        if after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '%')
            || after
                .strip_prefix(['.', '/', '-'])
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        push(scan, range, ymd(&c[1], &c[3], day));
    }
    let month_years = if text.contains('/') {
        MONTH_YEAR.captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for c in month_years {
        let range = c.get(0).unwrap().range();
        let before = scan.before(range.start);
        if is_word_char(before)
            || matches!(before, Some('/' | '.'))
            || is_word_char(scan.after(range.end))
        {
            continue;
        }
        push(scan, range, ymd(&c[2], &c[1], None));
    }
    for c in NAMED_MONTH.captures_iter(text) {
        let range = c.get(0).unwrap().range();
        let name = c[1].to_ascii_lowercase();
        let Some(&(_, month)) = MONTHS.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        // `may 2024` in lowercase is more likely the verb than the month.
        if (name == "may" && &c[1] == "may")
            || is_word_char(scan.before(range.start))
            || is_word_char(scan.after(range.end))
        {
            continue;
        }
        let value = ymd(&c[3], &month.to_string(), c.get(2).map(|d| d.as_str()));
        push(scan, range, value);
    }
    open_ends(scan);
}

fn push(scan: &mut Scan<'_>, range: std::ops::Range<usize>, value: Option<DateValue>) {
    if let Some(value) = value {
        if scan.free(&range) {
            scan.claim(range, FactKind::Date(value));
        }
    }
}

fn valid_day(day: &str) -> bool {
    day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn ymd(year: &str, month: &str, day: Option<&str>) -> Option<DateValue> {
    let year: u16 = year.parse().ok()?;
    let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    match day {
        Some(d) if valid_day(d) => Some(DateValue::Day(year, month, d.parse().ok()?)),
        Some(_) => None,
        None => Some(DateValue::Month(year, month)),
    }
}

/// Claims the open end (`至今`, `Present`) after each date that a range separator and
/// the word follow; the range stage then joins the two.
fn open_ends(scan: &mut Scan<'_>) {
    let text = scan.text;
    // A value that is only the open end, as a résumé's `end: 至今` / `end: Present`.
    let trimmed = text.trim();
    if WHOLE_OPEN_END.is_match(trimmed) {
        let start = text.len() - text.trim_start().len();
        push(scan, start..start + trimmed.len(), Some(DateValue::Present));
        return;
    }
    let ends: Vec<usize> = scan
        .items
        .iter()
        .filter(|f| matches!(f.kind, FactKind::Date(_)))
        .map(|f| f.range.end)
        .collect();
    for end in ends {
        let rest = &text[end..];
        let word = HAN_OPEN_END
            .captures(rest)
            .or_else(|| LATIN_OPEN_END.captures(rest))
            .map(|c| c.get(1).unwrap())
            .filter(|m| !rest[m.end()..].starts_with(|c: char| c.is_ascii_alphabetic()));
        if let Some(m) = word {
            push(
                scan,
                end + m.start()..end + m.end(),
                Some(DateValue::Present),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DateValue::{self, *};
    use crate::facts::{extract, FactKind};
    use crate::source::Side;

    fn dates(text: &str) -> Vec<DateValue> {
        let mut out: Vec<DateValue> = extract(text, Side::Zh).dates().map(|(_, d)| *d).collect();
        out.sort();
        out
    }

    #[test]
    fn equal_dates() {
        let table = [
            ("2024.07", "2024-07"),
            ("2024.07", "2024/07"),
            ("2024.07", "07/2024"),
            ("2024.07", "Jul 2024"),
            ("2024.07", "July 2024"),
            ("2024年7月", "July 2024"),
            ("2024年07月", "2024.07"),
            ("2024.7", "2024.07"),
            ("２０２４．０７", "2024.07"),
            ("2024年7月5日", "July 5, 2024"),
            ("2024.07 - 至今", "2024.07 - Present"),
            ("至今", "Present"),
            (" 今 ", "now"),
            ("2024.07至今", "Jul 2024 – now"),
            ("2024.07-今", "2024.07 to present"),
            ("2024.07 ~ 至今", "2024.07 - current"),
            ("2025年", "in 2025"),
        ];
        for (zh, en) in table {
            let (a, b) = (dates(zh), dates(en));
            assert!(!a.is_empty(), "{zh}");
            assert_eq!(a, b, "{zh} | {en}");
        }
    }

    #[test]
    fn unequal_dates() {
        let table = [
            ("2024.07", "2024.08"),
            ("2024.10", "2024.1"),
            ("2024.07 - 至今", "2024.07 - 2026.01"),
            ("至今", "2026.01"),
            ("Present", "2024"),
            ("2024年7月", "Jun 2024"),
            ("2024.07", "2025.07"),
        ];
        for (zh, en) in table {
            assert_ne!(dates(zh), dates(en), "{zh} | {en}");
        }
    }

    #[test]
    fn october_is_never_january() {
        assert_eq!(dates("2024.10"), [Month(2024, 10)]);
    }

    #[test]
    fn impossible_months_and_prose_are_not_dates() {
        for text in [
            "2024.13",
            "2024年13月",
            "至今仍在使用",
            "for now",
            "we may 2024",
            "2024.07.5.1",
        ] {
            let got: Vec<_> = dates(text)
                .into_iter()
                .filter(|d| !matches!(d, Year(_)))
                .collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn an_open_range_is_a_range() {
        let facts = extract("2024.07 - 至今", Side::Zh);
        assert!(facts
            .items
            .iter()
            .any(|f| matches!(f.kind, FactKind::Range { .. })));
        assert!(facts.numbers().next().is_none(), "{facts:?}");
    }
}
