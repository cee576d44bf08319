//! Numbers written in digits, with their sign, unit and scale.
//!
//! `30000` = `30,000` = `30k` = `3万`; `1.2亿` = `120M`; `44.67%` = `44.67 %` =
//! `44.67％` = `百分之44.67`; `2.1pt` = `2.1 pt` = `2.1个百分点` = `2.1 percentage
//! points`, which is not `2.1%`. The mantissa and the scale are kept apart, so a rule
//! can tell a unit slip (`30k` vs `30M`) from a different value. Values are exact
//! decimals, never floats: `6.35` and `6.53` differ, `30000` and `3万` are equal.
//!
//! A sign is a direction, not part of the value: `+6.35%` is an increase of 6.35%, as
//! is `提升6.35%`. A plain integer 1900–2099 is a year (a date). Digits directly
//! followed by letters are a term (`5G`, `3D`), except for units and ordinal suffixes
//! (`2nd`, `31st`), and `第3` is an ordinal too.

use std::ops::Range;

use super::{is_word_char, lex, DateValue, Dir, FactKind, Scan, Term};

/// An exact decimal: `digits × 10^exp`, without leading or trailing zeros.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Decimal {
    digits: String,
    exp: i64,
}

impl Decimal {
    /// Parses `30,000.50`-style text: digits, grouping commas, one dot.
    pub fn parse(text: &str) -> Option<Decimal> {
        let text: String = text.chars().filter(|&c| c != ',').collect();
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        if whole.is_empty() && fraction.is_empty()
            || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Some(Decimal::new(
            format!("{whole}{fraction}"),
            -(fraction.len() as i64),
        ))
    }

    pub fn from_integer(n: u128) -> Decimal {
        Decimal::new(n.to_string(), 0)
    }

    fn new(digits: String, exp: i64) -> Decimal {
        let trimmed = digits.trim_start_matches('0');
        let significant = trimmed.trim_end_matches('0');
        if significant.is_empty() {
            return Decimal {
                digits: String::new(),
                exp: 0,
            };
        }
        let zeros = (trimmed.len() - significant.len()) as i64;
        Decimal {
            digits: significant.to_string(),
            exp: exp + zeros,
        }
    }

    /// This value times `10^by`.
    pub fn shifted(&self, by: i64) -> Decimal {
        if self.digits.is_empty() {
            return self.clone();
        }
        Decimal {
            digits: self.digits.clone(),
            exp: self.exp + by,
        }
    }

    /// The value as a float, for measures that need no exactness (durations).
    pub fn to_f64(&self) -> f64 {
        let digits: f64 = self.digits.parse().unwrap_or(0.0);
        digits * 10f64.powi(self.exp.clamp(-300, 300) as i32)
    }

    /// The value as an integer, if it is one and fits.
    pub fn to_integer(&self) -> Option<u128> {
        if self.digits.is_empty() {
            return Some(0);
        }
        let exp = u32::try_from(self.exp).ok()?;
        let digits: u128 = self.digits.parse().ok()?;
        digits.checked_mul(10u128.checked_pow(exp)?)
    }
}

/// What a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Plain,
    /// `%`, `％`, `百分之`, `percent`.
    Percent,
    /// Percentage points: `pt`, `pp`, `个百分点`, `percentage points`.
    Points,
}

/// A quantity.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// As written before the scale: `3` in `3万`, `30` in `30k`.
    pub mantissa: Decimal,
    /// Power of ten of the scale word: 4 for `万`, 3 for `k`, 6 for `M`.
    pub scale: i64,
    pub unit: Unit,
    /// The increase or decrease that governs this number, and where it is written.
    pub direction: Option<(Dir, Range<usize>)>,
    /// Written in words (`两`, `三万`, `two`): soft, see the number-mismatch rule.
    pub words: bool,
    /// An ordinal (`第三`, `2nd`, `Second Prize`); compares equal to its cardinal.
    pub ordinal: bool,
}

impl Number {
    pub fn value(&self) -> Decimal {
        self.mantissa.shifted(self.scale)
    }

    /// Whether two numbers say the same quantity.
    pub fn same(&self, other: &Number) -> bool {
        self.unit == other.unit && self.value() == other.value()
    }

    pub(crate) fn new(mantissa: Decimal, scale: i64, unit: Unit) -> Number {
        Number {
            mantissa,
            scale,
            unit,
            direction: None,
            words: false,
            ordinal: false,
        }
    }
}

/// Suffixes after digits: (text, unit, power of ten). Longer spellings first.
const SUFFIXES: &[(&str, Unit, i64)] = &[
    (" percentage points", Unit::Points, 0),
    (" percentage point", Unit::Points, 0),
    (" percent", Unit::Percent, 0),
    ("个百分点", Unit::Points, 0),
    (" 个百分点", Unit::Points, 0),
    ("%", Unit::Percent, 0),
    (" %", Unit::Percent, 0),
    ("pt", Unit::Points, 0),
    (" pt", Unit::Points, 0),
    ("pp", Unit::Points, 0),
    (" pp", Unit::Points, 0),
    ("千万", Unit::Plain, 7),
    ("百万", Unit::Plain, 6),
    ("十万", Unit::Plain, 5),
    ("万亿", Unit::Plain, 12),
    ("万", Unit::Plain, 4),
    ("亿", Unit::Plain, 8),
    ("千", Unit::Plain, 3),
    ("bn", Unit::Plain, 9),
    ("k", Unit::Plain, 3),
    ("K", Unit::Plain, 3),
    ("M", Unit::Plain, 6),
    ("B", Unit::Plain, 9),
    (" thousand", Unit::Plain, 3),
    (" million", Unit::Plain, 6),
    (" billion", Unit::Plain, 9),
];

pub(super) fn scan(scan: &mut Scan<'_>) {
    let text = scan.text;
    for m in lex::numerals(text).map(lex::Found::in_text(text)) {
        let mut range = m.range();
        if !scan.free(&range) {
            continue;
        }
        let before = scan.before(range.start);
        if before.is_some_and(|c| c.is_ascii_alphabetic() || c == '_') || before == Some('.') {
            continue;
        }
        let Some(mantissa) = Decimal::parse(m.as_str()) else {
            continue;
        };
        let rest = &text[range.end..];
        let suffix = SUFFIXES.iter().find(|(s, _, _)| {
            rest.starts_with(s)
                && !(s.ends_with(|c: char| c.is_ascii_alphabetic())
                    && is_word_char(rest[s.len()..].chars().next()))
        });
        let mut number = Number::new(mantissa, 0, Unit::Plain);
        if let Some(&(s, unit, scale)) = suffix {
            number.unit = unit;
            number.scale = scale;
            range.end += s.len();
        } else if let Some(ordinal) = ordinal_suffix(rest) {
            number.ordinal = true;
            range.end += ordinal;
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            // `5G`, `3D`, `4x`: a token, kept like any term.
            let end = range.end
                + rest
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .unwrap_or(rest.len());
            let words = super::term::words(&text[range.start..end]);
            scan.claim(range.start..end, FactKind::Term(Term { words }));
            continue;
        }
        if text[..range.start].ends_with("百分之") && number.unit == Unit::Plain {
            number.unit = Unit::Percent;
            range.start -= "百分之".len();
        }
        if text[..range.start].ends_with('第') {
            number.ordinal = true;
            range.start -= '第'.len_utf8();
        }
        if let Some(year) = bare_year(&number, m.as_str(), rest) {
            scan.claim(range, FactKind::Date(DateValue::Year(year)));
            continue;
        }
        if let Some((dir, sign)) = sign_before(text, range.start) {
            number.direction = Some((dir, sign.clone()));
            range.start = sign.start;
        }
        number.words |= month_name(&number, rest);
        scan.claim(range, FactKind::Number(number));
    }
}

/// Whether digits are a month without a year (`3月`): English names it with a word
/// (`Mar`), so it is soft like a number in words.
fn month_name(number: &Number, rest: &str) -> bool {
    // The cheap tests first: this is asked of every number.
    rest.starts_with('月')
        && number.unit == Unit::Plain
        && (1..=12u128).any(|m| number.value() == Decimal::from_integer(m))
}

/// Length of `st`/`nd`/`rd`/`th` right after digits, if that is how they end.
fn ordinal_suffix(rest: &str) -> Option<usize> {
    let suffix = rest.get(..2)?;
    let ordinal = ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(suffix));
    (ordinal && !is_word_char(rest[2..].chars().next())).then_some(2)
}

/// A plain four-digit integer 1900–2099 is a year, unless a unit follows.
fn bare_year(number: &Number, digits: &str, rest: &str) -> Option<u16> {
    if number.unit != Unit::Plain || number.scale != 0 || number.ordinal || digits.len() != 4 {
        return None;
    }
    let year: u16 = digits.parse().ok()?;
    let unit_follows = rest
        .trim_start()
        .starts_with(super::chinese_numeral::is_measure_start);
    ((1900..=2099).contains(&year) && !unit_follows).then_some(year)
}

/// A `+` or `-` written right before a number, as its direction. A hyphen counts only
/// where it cannot join two words or numbers (`21-28`, `CTR-5`).
fn sign_before(text: &str, at: usize) -> Option<(Dir, Range<usize>)> {
    let sign = text[..at].chars().next_back()?;
    let dir = match sign {
        '+' => Dir::Increase,
        '-' => Dir::Decrease,
        _ => return None,
    };
    let start = at - 1;
    if dir == Dir::Decrease
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ')')
    {
        return None;
    }
    Some((dir, start..at))
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::facts::{extract, Number, Unit};
    use crate::source::Side;

    /// Every number of `text` as (unit, value), sorted.
    pub(crate) fn values(text: &str) -> Vec<(Unit, String)> {
        let mut out: Vec<(Unit, String)> = Side::BOTH
            .iter()
            .flat_map(|&side| {
                extract(text, side)
                    .numbers()
                    .map(|(_, n)| key(n))
                    .collect::<Vec<_>>()
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn key(n: &Number) -> (Unit, String) {
        (n.unit, format!("{:?}", n.value()))
    }

    pub(crate) const EQUAL: &[(&str, &str)] = &[
        ("30000", "30,000"),
        ("30000", "30k"),
        ("30000", "3万"),
        ("30k", "3万"),
        ("1.2亿", "120M"),
        ("44.67%", "44.67 %"),
        ("44.67%", "44.67％"),
        ("44.67%", "百分之44.67"),
        ("2.1pt", "2.1 pt"),
        ("2.1pt", "2.1个百分点"),
        ("2.1pt", "2.1 percentage points"),
        ("2.1pt", "2.1pp"),
        ("+6.35%", "6.35%"),
        ("３", "3"),
        ("６.３５％", "6.35%"),
        ("3 million", "3M"),
        ("6.50", "6.5"),
        ("第31届", "31st"),
    ];

    pub(crate) const UNEQUAL: &[(&str, &str)] = &[
        ("30k", "300k"),
        ("6.35", "6.53"),
        ("2.1pt", "2.1%"),
        ("30k", "30M"),
        ("3万", "300k"),
        ("1.2亿", "12M"),
        ("44.67%", "44.67"),
    ];

    #[test]
    fn equal_numbers() {
        for (a, b) in EQUAL {
            assert!(!values(a).is_empty(), "{a}");
            assert_eq!(values(a), values(b), "{a} | {b}");
        }
    }

    #[test]
    fn unequal_numbers() {
        for (a, b) in UNEQUAL {
            assert_ne!(values(a), values(b), "{a} | {b}");
        }
    }

    #[test]
    fn mantissa_and_scale_are_kept_apart() {
        let facts = extract("30k", Side::En);
        let (_, n) = facts.numbers().next().unwrap();
        assert_eq!((n.mantissa.to_integer(), n.scale), (Some(30), 3));
    }

    #[test]
    fn signs_are_directions_and_hyphens_are_not_signs() {
        use crate::facts::Dir;
        let table: [(&str, Option<Dir>); 5] = [
            ("GMV+5.47%", Some(Dir::Increase)),
            ("latency -30%", Some(Dir::Decrease)),
            ("pages 21-28", None),
            ("top-5", None),
            ("−5%", Some(Dir::Decrease)),
        ];
        for (text, want) in table {
            let facts = extract(text, Side::En);
            let (_, n) = facts.numbers().last().unwrap();
            assert_eq!(n.direction.as_ref().map(|d| d.0), want, "{text}");
        }
    }

    #[test]
    fn digits_inside_other_facts_are_not_numbers() {
        for text in [
            "2024.07",
            "v2.1.0",
            "https://a.io/3",
            "%{count}",
            "{0}",
            "GPT-4",
            "SIGIR2026",
            "COLING 2025",
            "5G",
            "me3@a.io",
        ] {
            let facts = extract(text, Side::En);
            assert_eq!(facts.numbers().count(), 0, "{text}: {facts:?}");
        }
    }

    #[test]
    fn a_bare_year_is_a_date() {
        let facts = extract("2025: 21-28", Side::En);
        assert_eq!(facts.dates().count(), 1, "{facts:?}");
        assert_eq!(facts.numbers().count(), 2, "{facts:?}");
    }
}
