//! Dates: days, months, years, and the open end of a range.
//!
//! `2024.07` = `2024-07` = `2024/07` = `07/2024` = `Jul 2024` = `July 2024` =
//! `2024年7月`; the month is read as written, so `2024.10` is October, never
//! `2024.1`. An impossible month (`2024.13`) makes no date. A bare year is read by the
//! number stage (a plain integer 1900–2099), and `2025年` here. An open end (`至今`,
//! `今`, `Present`, `now`, `current`) only counts right after a date and a range
//! separator, because `至今` and `now` in prose are not dates.
//!
//! The patterns are small hand-written scanners rather than regexes: compiling the
//! regexes cost about 5.8M instructions on every run, a fifth of a whole résumé diff.
//! Each scanner's doc comment shows the regex it replaces, and the tests check that
//! both find the same matches and groups (regex crate semantics: leftmost-first
//! alternation, greedy repetition, non-overlapping matches). A greedy `\s?`, `\s*`,
//! `\s+`, `[0-9]{1,2}` or `[a-z]{3,9}` never has to give back what it took, because
//! what follows it in the pattern never starts with a space, a digit or a letter
//! respectively; so the scanners only go back at an optional group that fails, where
//! their comments say so.

use std::ops::Range;

use super::lex::{literal, one_char, spaces};
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

pub(super) fn scan(scan: &mut Scan<'_>) {
    // Every date below holds a year: a text without one (most of a locale file) is not
    // walked four times for nothing.
    if has_year(scan.text) {
        dates(scan);
    }
    open_ends(scan);
}

/// Whether `text` holds a [`year`] anywhere: what every date pattern needs.
fn has_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).any(|at| {
        matches!(&bytes[at..at + 2], b"19" | b"20")
            && bytes[at + 2].is_ascii_digit()
            && bytes[at + 3].is_ascii_digit()
    })
}

fn dates(scan: &mut Scan<'_>) {
    let text = scan.text;
    for (whole, m) in matches(text, han_date_at) {
        let value = match m.month {
            Some((month, day)) => ymd(&text[m.year], &text[month], day.map(|d| &text[d])),
            None => text[m.year].parse().ok().map(DateValue::Year),
        };
        push(scan, whole, value);
    }
    for (whole, m) in matches(text, numeric_date_at) {
        let mut range = whole;
        let day = match m.day {
            Some((sep, d)) if text[sep.clone()] == text[m.sep] && valid_day(&text[d.clone()]) => {
                Some(&text[d])
            }
            _ => {
                range.end = m.month.end;
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
        push(scan, range, ymd(&text[m.year], &text[m.month], day));
    }
    for (range, m) in matches(text, month_year_at) {
        let before = scan.before(range.start);
        if is_word_char(before)
            || matches!(before, Some('/' | '.'))
            || is_word_char(scan.after(range.end))
        {
            continue;
        }
        push(scan, range, ymd(&text[m.year], &text[m.month], None));
    }
    for (range, m) in matches(text, named_month_at) {
        let written = &text[m.name];
        let name = written.to_ascii_lowercase();
        let Some(&(_, month)) = MONTHS.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        // `may 2024` in lowercase is more likely the verb than the month.
        if (name == "may" && written == "may")
            || is_word_char(scan.before(range.start))
            || is_word_char(scan.after(range.end))
        {
            continue;
        }
        let value = ymd(&text[m.year], &month.to_string(), m.day.map(|d| &text[d]));
        push(scan, range, value);
    }
}

fn push(scan: &mut Scan<'_>, range: Range<usize>, value: Option<DateValue>) {
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
    if is_whole_open_end(trimmed) {
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
        let word = han_open_end(rest)
            .or_else(|| latin_open_end(rest))
            .filter(|m| !rest[m.end..].starts_with(|c: char| c.is_ascii_alphabetic()));
        if let Some(m) = word {
            push(scan, end + m.start..end + m.end, Some(DateValue::Present));
        }
    }
}

// The scanners. Each `…_at` function tries its pattern at one start and returns the end
// of the match and its groups; `matches` finds them all. Positions are byte offsets
// into the whole text, always on character boundaries.

/// Every match of `at` in `text`, left to right and without overlap, as the regex
/// crate's `captures_iter` finds them: the leftmost start where the pattern matches
/// wins, and the next search starts where that match ended. The whole match comes
/// first, then the pattern's groups. None of the patterns matches the empty string.
fn matches<'t, M: 't>(
    text: &'t str,
    at: fn(&str, usize) -> Option<(usize, M)>,
) -> impl Iterator<Item = (Range<usize>, M)> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (start, (end, groups)) = (from..text.len())
            .filter(|&start| text.is_char_boundary(start))
            .find_map(|start| Some((start, at(text, start)?)))?;
        debug_assert!(end > start, "an empty match would never move on");
        from = end;
        Some((start..end, groups))
    })
}

/// The groups of [`han_date_at`].
struct HanDate {
    /// Group 1 when there is a month, else group 4.
    year: Range<usize>,
    /// Groups 2 and 3, in the first alternative only.
    month: Option<(Range<usize>, Option<Range<usize>>)>,
}

/// `((?:19|20)[0-9]{2})\s?年\s?([0-9]{1,2})\s?月(?:\s?([0-9]{1,2})\s?[日号])?|((?:19|20)[0-9]{2})\s?年`
///
/// Both alternatives begin with `year\s?年`, and the second is only that, so it
/// matches wherever the first fails after `年`.
fn han_date_at(text: &str, start: usize) -> Option<(usize, HanDate)> {
    let year_end = year(text, start)?;
    let nian_end = literal(text, optional_space(text, year_end), "年")?;
    let year = start..year_end;
    let month = optional_space(text, nian_end);
    let Some((month, yue_end)) = digits_then(text, month, |at| {
        literal(text, optional_space(text, at), "月")
    }) else {
        return Some((nian_end, HanDate { year, month: None }));
    };
    let day = optional_space(text, yue_end);
    let day = digits_then(text, day, |at| {
        one_char(text, optional_space(text, at), |c| matches!(c, '日' | '号'))
    });
    let end = day.as_ref().map_or(yue_end, |&(_, end)| end);
    let month = Some((month, day.map(|(day, _)| day)));
    Some((end, HanDate { year, month }))
}

/// The groups of [`numeric_date_at`].
struct NumericDate {
    /// Group 1.
    year: Range<usize>,
    /// Group 2.
    sep: Range<usize>,
    /// Group 3.
    month: Range<usize>,
    /// Groups 4 and 5: the second separator and the day.
    day: Option<(Range<usize>, Range<usize>)>,
}

/// `((?:19|20)[0-9]{2})([./\-])([0-9]{1,2})(?:([./\-])([0-9]{1,2}))?`
fn numeric_date_at(text: &str, start: usize) -> Option<(usize, NumericDate)> {
    let is_sep = |c| matches!(c, '.' | '/' | '-');
    let year_end = year(text, start)?;
    let sep_end = one_char(text, year_end, is_sep)?;
    let month_end = one_or_two_digits(text, sep_end)?;
    let day = one_char(text, month_end, is_sep).and_then(|day_start| {
        let day_end = one_or_two_digits(text, day_start)?;
        Some((month_end..day_start, day_start..day_end))
    });
    let end = day.as_ref().map_or(month_end, |(_, day)| day.end);
    let date = NumericDate {
        year: start..year_end,
        sep: year_end..sep_end,
        month: sep_end..month_end,
        day,
    };
    Some((end, date))
}

/// The groups of [`month_year_at`].
struct MonthYear {
    /// Group 1.
    month: Range<usize>,
    /// Group 2.
    year: Range<usize>,
}

/// `([0-9]{1,2})/((?:19|20)[0-9]{2})`
fn month_year_at(text: &str, start: usize) -> Option<(usize, MonthYear)> {
    let (month, year_start) = digits_then(text, start, |at| literal(text, at, "/"))?;
    let year_end = year(text, year_start)?;
    Some((
        year_end,
        MonthYear {
            month,
            year: year_start..year_end,
        },
    ))
}

/// The groups of [`named_month_at`].
struct NamedMonth {
    /// Group 1: the month's name, or any word of three to nine letters.
    name: Range<usize>,
    /// Group 2.
    day: Option<Range<usize>>,
    /// Group 3.
    year: Range<usize>,
}

/// `(?i)([a-z]{3,9})\.?,?\s+(?:([0-9]{1,2})(?:st|nd|rd|th)?,?\s+)?((?:19|20)[0-9]{2})`
///
/// The name takes the whole run of letters: a shorter take would leave a letter where
/// `.`, `,` or a space must follow, so a run longer than nine letters fails here (and
/// matches from a later start). The day is tried first; without a year after it, the
/// year must stand where the day was.
fn named_month_at(text: &str, start: usize) -> Option<(usize, NamedMonth)> {
    let letters = text[start..].char_indices().take(10);
    let (count, name_end) = letters
        .take_while(|&(_, c)| is_letter_ignore_case(c))
        .fold((0, start), |(n, _), (i, c)| {
            (n + 1, start + i + c.len_utf8())
        });
    if !(3..=9).contains(&count) {
        return None;
    }
    let at = literal(text, name_end, ".").unwrap_or(name_end);
    let at = literal(text, at, ",").unwrap_or(at);
    let at = one_or_more_spaces(text, at)?;
    let (day, year_start) = match day_before_year(text, at) {
        Some((day, year_start)) => (Some(day), year_start),
        None => (None, at),
    };
    let year_end = year(text, year_start)?;
    let date = NamedMonth {
        name: start..name_end,
        day,
        year: year_start..year_end,
    };
    Some((year_end, date))
}

/// `([0-9]{1,2})(?:st|nd|rd|th)?,?\s+` when a year follows: the day and the year's
/// start.
fn day_before_year(text: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let (day, year_start) = digits_then(text, at, |at| {
        let at = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| literal_ignore_case(text, at, suffix))
            .unwrap_or(at);
        let at = literal(text, at, ",").unwrap_or(at);
        one_or_more_spaces(text, at)
    })?;
    year(text, year_start)?;
    Some((day, year_start))
}

/// `^\s*(?:(?:[-–—~到至]|to)\s*)?(至今|今)`: group 1.
///
/// The optional separator is tried first, so `至今` right after a date reads as the
/// separator `至` and the word `今`.
fn han_open_end(rest: &str) -> Option<Range<usize>> {
    let word = |at| {
        let end = literal(rest, at, "至今").or_else(|| literal(rest, at, "今"))?;
        Some(at..end)
    };
    let at = spaces(rest, 0);
    one_char(rest, at, |c| {
        matches!(c, '-' | '–' | '—' | '~' | '到' | '至')
    })
    .or_else(|| literal(rest, at, "to"))
    .and_then(|sep_end| word(spaces(rest, sep_end)))
    .or_else(|| word(at))
}

/// `^\s*(?:[-–—~]|to|until|till)\s*((?i:present|now|current|today))`: group 1.
fn latin_open_end(rest: &str) -> Option<Range<usize>> {
    let at = spaces(rest, 0);
    let at = one_char(rest, at, |c| matches!(c, '-' | '–' | '—' | '~')).or_else(|| {
        ["to", "until", "till"]
            .iter()
            .find_map(|sep| literal(rest, at, sep))
    })?;
    let at = spaces(rest, at);
    let end = ["present", "now", "current", "today"]
        .iter()
        .find_map(|word| literal_ignore_case(rest, at, word))?;
    Some(at..end)
}

/// `^(?:至今|今|(?i:present|now|current|today|till now|to date))$`
fn is_whole_open_end(text: &str) -> bool {
    const WORDS: [&str; 6] = ["present", "now", "current", "today", "till now", "to date"];
    text == "至今"
        || text == "今"
        || WORDS
            .iter()
            .any(|word| literal_ignore_case(text, 0, word) == Some(text.len()))
}

// The pieces the scanners are made of. Each takes the text and a position, and returns
// the position after what it read.

/// `(?:19|20)[0-9]{2}`.
fn year(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes().get(at..at + 4)?;
    let century = matches!(&b[..2], b"19" | b"20");
    (century && b[2].is_ascii_digit() && b[3].is_ascii_digit()).then_some(at + 4)
}

/// `[0-9]{1,2}`, greedy.
fn one_or_two_digits(text: &str, at: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[at..];
    let n = bytes
        .iter()
        .take(2)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (n > 0).then_some(at + n)
}

/// `([0-9]{1,2})` followed by what `then` reads: the digits and the end of `then`.
///
/// Taking one digit of two never helps, since what follows cannot start with a
/// digit, so the greedy take is the only one to try.
fn digits_then(
    text: &str,
    at: usize,
    then: impl FnOnce(usize) -> Option<usize>,
) -> Option<(Range<usize>, usize)> {
    let digits_end = one_or_two_digits(text, at)?;
    Some((at..digits_end, then(digits_end)?))
}

/// `(?i:word)` for a lowercase ASCII `word`: see [`folds_to`].
fn literal_ignore_case(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut end = at;
    let mut chars = text[at..].chars();
    for expected in word.bytes() {
        end += chars.next().filter(|&c| folds_to(c, expected))?.len_utf8();
    }
    Some(end)
}

/// Whether `c` matches the lowercase ASCII `expected` under `(?i)`: Unicode simple
/// case folding also maps the Kelvin sign `K` (U+212A) to `k` and the long s `ſ`
/// (U+017F) to `s`, so the regex crate matches them too.
fn folds_to(c: char, expected: u8) -> bool {
    c.to_ascii_lowercase() == char::from(expected)
        || (expected == b'k' && c == '\u{212A}')
        || (expected == b's' && c == '\u{17F}')
}

/// `(?i)[a-z]`: see [`folds_to`].
fn is_letter_ignore_case(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '\u{212A}' || c == '\u{17F}'
}

/// `\s?`, greedy: Unicode White_Space, as `char::is_whitespace`.
fn optional_space(text: &str, at: usize) -> usize {
    one_char(text, at, char::is_whitespace).unwrap_or(at)
}

/// `\s+`, greedy.
fn one_or_more_spaces(text: &str, at: usize) -> Option<usize> {
    Some(spaces(text, at)).filter(|&end| end > at)
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

/// The regexes the scanners replace are their specification: on any text, each scanner
/// must find the same matches and groups as its regex.
#[cfg(test)]
mod spec {
    use std::ops::Range;
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::Regex;

    use super::*;

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
        Regex::new(
            r"(?i)([a-z]{3,9})\.?,?\s+(?:([0-9]{1,2})(?:st|nd|rd|th)?,?\s+)?((?:19|20)[0-9]{2})",
        )
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

    /// One match as a regex reports it: the whole match, then each group.
    type Groups = Vec<Option<Range<usize>>>;

    fn by_regex(re: &Regex, text: &str) -> Vec<Groups> {
        re.captures_iter(text)
            .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
            .collect()
    }

    fn by_scanner<M>(
        text: &str,
        at: fn(&str, usize) -> Option<(usize, M)>,
        groups: fn(M) -> Groups,
    ) -> Vec<Groups> {
        matches(text, at)
            .map(|(whole, m)| [vec![Some(whole)], groups(m)].concat())
            .collect()
    }

    fn han_date(m: HanDate) -> Groups {
        match m.month {
            Some((month, day)) => vec![Some(m.year), Some(month), day, None],
            None => vec![None, None, None, Some(m.year)],
        }
    }

    fn numeric_date(m: NumericDate) -> Groups {
        let (sep, day) = m.day.unzip();
        vec![Some(m.year), Some(m.sep), Some(m.month), sep, day]
    }

    fn month_year(m: MonthYear) -> Groups {
        vec![Some(m.month), Some(m.year)]
    }

    fn named_month(m: NamedMonth) -> Groups {
        vec![Some(m.name), m.day, Some(m.year)]
    }

    fn group_1(re: &Regex, text: &str) -> Option<Range<usize>> {
        re.captures(text).map(|c| c.get(1).unwrap().range())
    }

    /// Every scanner against its regex on `text`.
    fn check(text: &str) -> Result<(), TestCaseError> {
        let pairs: [(&str, Vec<Groups>, Vec<Groups>); 4] = [
            (
                "HAN_DATE",
                by_scanner(text, han_date_at, han_date),
                by_regex(&HAN_DATE, text),
            ),
            (
                "NUMERIC_DATE",
                by_scanner(text, numeric_date_at, numeric_date),
                by_regex(&NUMERIC_DATE, text),
            ),
            (
                "MONTH_YEAR",
                by_scanner(text, month_year_at, month_year),
                by_regex(&MONTH_YEAR, text),
            ),
            (
                "NAMED_MONTH",
                by_scanner(text, named_month_at, named_month),
                by_regex(&NAMED_MONTH, text),
            ),
        ];
        for (name, scanned, expected) in pairs {
            // `scan` skips the patterns on a text without a year.
            prop_assert!(
                has_year(text) || expected.is_empty(),
                "{name} without a year"
            );
            prop_assert_eq!(scanned, expected, "{} on {:?}", name, text);
        }
        prop_assert_eq!(
            han_open_end(text),
            group_1(&HAN_OPEN_END, text),
            "HAN_OPEN_END on {:?}",
            text
        );
        prop_assert_eq!(
            latin_open_end(text),
            group_1(&LATIN_OPEN_END, text),
            "LATIN_OPEN_END on {:?}",
            text
        );
        prop_assert_eq!(
            is_whole_open_end(text),
            WHOLE_OPEN_END.is_match(text),
            "WHOLE_OPEN_END on {:?}",
            text
        );
        Ok(())
    }

    /// Pieces that the patterns are made of.
    const PIECES: &[&str] = &[
        "0", "1", "2", "3", "5", "7", "9", "12", "19", "20", "31", "99", "1999", "2024", ".", "/",
        "-", "~", "–", "—", ",", " ", "  ", "\t", "\n", "\u{3000}", "\u{a0}", "年", "月", "日",
        "号", "至", "今", "到", "至今", "Jan", "jan", "JAN", "january", "July", "jul", "may",
        "May", "sept", "Sep", "oct", "Dec", "december", "a", "e", "r", "y", "x", "K", "k", "s",
        "\u{212A}", "\u{17F}", "é", "İ", "st", "nd", "rd", "th", "TH", "to", "until", "till",
        "present", "Present", "PRESENT", "now", "Now", "current", "today", "till now", "to date",
        "date",
    ];

    // Shapes of each pattern: one option from each slot, many of them near misses.
    const YEAR: &[&str] = &["2024", "1999", "2024", "20", "202", "20245", "1899"];
    const SPACE: &[&str] = &["", "", " ", "  ", "\u{3000}", "\t", "\u{a0}"];
    const DIGITS: &[&str] = &["7", "12", "31", "123", "", "x"];
    const SEP: &[&str] = &[".", "/", "-", ".", "", " "];
    const HAN_DATE_SHAPE: &[&[&str]] = &[
        &["", "1", "x", "20"],
        YEAR,
        SPACE,
        &["年", "年", "", "月"],
        SPACE,
        DIGITS,
        SPACE,
        &["月", "月", "", "日"],
        SPACE,
        DIGITS,
        SPACE,
        &["日", "号", "", "年"],
    ];
    const NUMERIC_DATE_SHAPE: &[&[&str]] = &[
        &["", "1", "x", "."],
        YEAR,
        SEP,
        DIGITS,
        SEP,
        DIGITS,
        &["", "%", "x", ".5", "/1"],
    ];
    const MONTH_YEAR_SHAPE: &[&[&str]] = &[
        &["", "1", "x", "/", "."],
        DIGITS,
        &["/", "/", "", "-"],
        YEAR,
        &["", "5", "/", "x"],
    ];
    const NAMED_MONTH_SHAPE: &[&[&str]] = &[
        &["", "", "x", "a", "\u{212A}", "1"],
        &[
            "Jan",
            "september",
            "Septembers",
            "may",
            "xxxxxxxjan",
            "ab",
            "JUL",
            "\u{212A}ey",
            "\u{17F}ept",
        ],
        &[".", "", "", ".."],
        &[",", "", ""],
        SPACE,
        DIGITS,
        &["st", "TH", "\u{17F}t", "", "", "x"],
        &[",", "", ""],
        SPACE,
        YEAR,
        &["", "5", "x"],
    ];
    const OPEN_END_SHAPE: &[&[&str]] = &[
        SPACE,
        &[
            "-", "–", "—", "~", "到", "至", "to", "until", "till", "", "x", "至今", "To",
        ],
        SPACE,
        &[
            "至今",
            "今",
            "present",
            "PRESENT",
            "pre\u{17F}ent",
            "now",
            "current",
            "today",
            "Today",
            "至",
            "",
        ],
        &["", "s", "x", "今"],
    ];

    fn shaped(slots: &'static [&'static [&'static str]]) -> impl Strategy<Value = String> {
        let slots: Vec<_> = slots
            .iter()
            .map(|&slot| prop::sample::select(slot))
            .collect();
        slots.prop_map(|v| v.concat())
    }

    /// A few chunks, each the shape of a pattern or random pieces, so that matches are
    /// frequent and follow each other.
    fn text() -> impl Strategy<Value = String> {
        let chunk = prop_oneof![
            shaped(HAN_DATE_SHAPE),
            shaped(NUMERIC_DATE_SHAPE),
            shaped(MONTH_YEAR_SHAPE),
            shaped(NAMED_MONTH_SHAPE),
            shaped(OPEN_END_SHAPE),
            prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|v| v.concat()),
        ];
        prop::collection::vec(chunk, 1..4).prop_map(|v| v.concat())
    }

    /// Short joins of the words, for the whole-value pattern.
    fn whole_value() -> impl Strategy<Value = String> {
        let words = vec![
            "至",
            "今",
            "至今",
            "present",
            "PreSent",
            "pre\u{17F}ent",
            "now",
            "NOW",
            "till",
            "Till",
            " ",
            "now ",
            "date",
            "to",
            "current",
            "today",
            "x",
            "\u{212A}",
        ];
        prop::collection::vec(prop::sample::select(words), 1..4).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        #[test]
        fn scanners_match_their_regexes(text in text()) {
            check(&text)?;
        }

        #[test]
        fn the_whole_open_end_matches_its_regex(text in whole_value()) {
            check(&text)?;
        }
    }

    #[test]
    fn backtracking_spots_match_the_regexes() {
        let table = [
            // `\s?年`: at most one space, of any kind.
            "2024年7月",
            "2024 年 7 月 5 日",
            "2024\u{3000}年\u{3000}7\u{3000}月\u{3000}5\u{3000}号",
            "2024  年",
            "2024 年  7月",
            "2024年7 5日",
            "2024年123月",
            "2024年7月123日",
            "2024年7月 5",
            // `(?:19|20)[0-9]{2}` followed by more digits.
            "20245年",
            "120245.07",
            "202407.01",
            "2024.123",
            "2024.07.123",
            "2024.07-05",
            "2024.07.",
            "123/2024",
            "12/20245",
            "1/19999/2024",
            "7/2024/2025",
            // `[a-z]{3,9}\.?,?\s+` with longer and shorter runs of letters.
            "September 2024",
            "Septembers 2024",
            "xxxxxxxxxxjan 2024",
            "ab 2024",
            "Jan., 2024",
            "Jan.. 2024",
            "Jan,. 2024",
            "Jan2024",
            "\u{212A}an 2024",
            "\u{17F}ept 2024",
            // The optional day must give way when no year follows it.
            "July 5, 2024",
            "July 5th, 2024",
            "July 5TH 2024",
            "July \u{17F}t 2024",
            "July 20 2024",
            "July 2024 2025",
            "July 20, x 2024",
            "July 123 2024",
            "July 5\u{17F}t 2024",
            // Open ends.
            "至今",
            "至至今",
            " - 至今",
            "to今",
            "to 至今",
            "到 今",
            " – now",
            "until Present",
            "till\tTODAY",
            "-presents",
            " to pre\u{17F}ent",
            "untilnow",
            "present",
            "Till Now",
            "till  now",
            "to date",
        ];
        for text in table {
            check(text).unwrap();
        }
    }

    #[test]
    fn the_case_insensitive_letters_are_those_of_the_regex() {
        let letter = Regex::new(r"(?i)^[a-z]$").unwrap();
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.encode_utf8(&mut buf);
            assert_eq!(is_letter_ignore_case(c), letter.is_match(text), "{c:?}");
        }
    }

    #[test]
    fn some_matches_are_as_written() {
        let text = "2024.07至今";
        assert_eq!(han_open_end(&text[7..]), Some(3..6), "至 is the separator");
        let named = |text| -> Vec<_> {
            matches(text, named_month_at)
                .map(|(whole, m)| (whole, m.day, m.year))
                .collect()
        };
        assert_eq!(named("July 20 2024"), [(0..12, Some(5..7), 8..12)]);
        // `20` is tried as the day first; no year follows it, so it starts the year.
        assert_eq!(named("July 2024 2025"), [(0..9, None, 5..9)]);
    }
}
