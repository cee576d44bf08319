//! Language-neutral facts extracted from one scalar string.
//!
//! Each fact carries the byte range of the characters it was read from, inside the
//! scalar's decoded value, so a finding can underline exactly those characters in the
//! file. Facts are values (a number with its unit, a month, a term in normal form), so
//! comparing the two sides of a pair is comparing values, not strings.
//!
//! Extraction runs in stages over the full-width-folded text, most specific first:
//! links and e-mails, placeholders and formats, markup, dates, versions, Latin terms, numbers (digits,
//! Chinese numerals, English words), then direction words, ranges and sentences. A
//! stage *claims* the bytes it reads, and later stages skip claimed bytes: the `2026`
//! of `SIGIR 2026` is part of a term, the `07` of `2024.07` part of a date, never also
//! a loose number. Every stage is a linear scan with regexes compiled once.

mod chinese_numeral;
pub mod compare;
mod date;
mod direction;
pub mod duration;
mod english_number;
mod lex;
mod markup;
pub mod names;
mod number;
mod placeholder;
mod range;
mod sentence;
pub mod term;
mod url;
mod width;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::source::Side;

pub use date::DateValue;
pub use direction::Dir;
pub use number::{Decimal, Number, Unit};
pub use term::Term;
pub use width::fold_width;

/// Everything rcheck knows about one string.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub items: Vec<Fact>,
}

/// One fact and where it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Byte range inside the scalar's value.
    pub range: Range<usize>,
    pub kind: FactKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FactKind {
    /// A quantity: digits, a Chinese numeral or English number words.
    Number(Number),
    /// A day, month, year, or the open end of a range (`至今`, `Present`).
    Date(DateValue),
    /// Two facts (indices into [`Facts::items`], both numbers or both dates) written
    /// as a range or a change: `3%→12%`, `from 3% to 12%`, `2024.07 - 至今`.
    Range { from: usize, to: usize },
    /// An increase or decrease word or sign, and the number it governs, if any.
    Direction {
        dir: Dir,
        weak: bool,
        governs: Option<usize>,
    },
    /// A Latin-script term that translation must keep.
    Term(Term),
    /// A link, normalised (scheme and host lowercased, language segments generalised).
    Url(String),
    /// An e-mail address, lowercased.
    Email(String),
    /// An interpolation placeholder such as `%{count}`, `{{n}}`, `{0}`, `%s`.
    Placeholder(String),
    /// An HTML tag's signature: `a[href,target]`, `/a`, `br/`.
    Tag(String),
    /// A version such as `v2.1.0`.
    Version(String),
    /// A sentence in normal form (no spaces or punctuation, case- and width-folded).
    Sentence(String),
    /// A clause (between commas) of a sentence that has several, in normal form; it
    /// follows its sentence in the list.
    Clause(String),
}

/// zh term → the en terms that count as the same entity (`[glossary]` in rcheck.toml).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    pub entries: BTreeMap<String, Vec<String>>,
}

impl Facts {
    /// The numbers, with their indices.
    pub fn numbers(&self) -> impl Iterator<Item = (usize, &Number)> {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, f)| match &f.kind {
                FactKind::Number(n) => Some((i, n)),
                _ => None,
            })
    }

    /// The dates, with their indices.
    pub fn dates(&self) -> impl Iterator<Item = (usize, &DateValue)> {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, f)| match &f.kind {
                FactKind::Date(d) => Some((i, d)),
                _ => None,
            })
    }

    /// The terms, with their ranges.
    pub fn terms(&self) -> impl Iterator<Item = (&Range<usize>, &Term)> {
        self.items.iter().filter_map(|f| match &f.kind {
            FactKind::Term(t) => Some((&f.range, t)),
            _ => None,
        })
    }
}

/// Extract the facts of `text`, written in the language of `side`.
pub fn extract(text: &str, side: Side) -> Facts {
    let folded = width::Folded::new(text);
    let mut scan = Scan::new(&folded.text, side);
    url::scan(&mut scan);
    placeholder::scan(&mut scan);
    markup::scan(&mut scan);
    date::scan(&mut scan);
    placeholder::scan_versions(&mut scan);
    term::scan(&mut scan);
    number::scan(&mut scan);
    chinese_numeral::scan(&mut scan);
    english_number::scan(&mut scan);
    direction::scan(&mut scan);
    let mut items = scan.items;
    // Stages push in their own order; later stages (attachment, ranges) index by
    // position, so the list is put in text order once, here.
    items.sort_by_key(|f| (f.range.start, f.range.end));
    direction::attach(&folded.text, &mut items);
    range::scan(&folded.text, &mut items);
    sentence::scan(&folded.text, &mut items);
    for fact in &mut items {
        fact.range = folded.original(&fact.range);
        if let FactKind::Number(n) = &mut fact.kind {
            if let Some((_, at)) = &mut n.direction {
                *at = folded.original(at);
            }
        }
    }
    Facts { items }
}

/// The state of one extraction: the folded text, which bytes are taken, the facts.
pub(crate) struct Scan<'a> {
    pub text: &'a str,
    pub side: Side,
    claimed: Vec<bool>,
    pub items: Vec<Fact>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, side: Side) -> Scan<'a> {
        Scan {
            text,
            side,
            claimed: vec![false; text.len()],
            items: Vec::new(),
        }
    }

    /// Whether no earlier stage read any byte of `range`.
    pub fn free(&self, range: &Range<usize>) -> bool {
        !self.claimed[range.clone()].iter().any(|&c| c)
    }

    /// Records a fact and takes its bytes from later stages.
    pub fn claim(&mut self, range: Range<usize>, kind: FactKind) {
        self.claimed[range.clone()]
            .iter_mut()
            .for_each(|c| *c = true);
        self.items.push(Fact { range, kind });
    }

    /// Takes the bytes of something that is no fact from later stages (a strftime
    /// format such as `%Y`).
    pub fn mask(&mut self, range: Range<usize>) {
        self.claimed[range].iter_mut().for_each(|c| *c = true);
    }

    /// Records a fact inside bytes another fact owns (a placeholder inside a link).
    pub fn note(&mut self, range: Range<usize>, kind: FactKind) {
        self.items.push(Fact { range, kind });
    }

    /// The character just before byte `at`, if any.
    pub fn before(&self, at: usize) -> Option<char> {
        self.text[..at].chars().next_back()
    }

    /// The character at byte `at`, if any.
    pub fn after(&self, at: usize) -> Option<char> {
        self.text[at..].chars().next()
    }
}

/// Whether `ch` continues a Latin word or a number: a match must not start or end
/// next to one.
pub(crate) fn is_word_char(ch: Option<char>) -> bool {
    ch.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `ch` is a Chinese character.
pub fn is_han(ch: char) -> bool {
    matches!(ch as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The facts of `text` except sentences, which nearly every text has.
    pub(crate) fn kinds(text: &str, side: Side) -> Vec<FactKind> {
        extract(text, side)
            .items
            .into_iter()
            .map(|f| f.kind)
            .filter(|k| !matches!(k, FactKind::Sentence(_) | FactKind::Clause(_)))
            .collect()
    }

    #[test]
    fn ranges_lie_on_char_boundaries_of_the_original() {
        let texts = [
            "ＧＭＶ＋５.４７％，订单＋６.３５％",
            "线上3万/B测试订单+6.35%、GMV+5.47%",
            "2024.07 - 至今，https://a.io/x。成果投稿SIGIR 2026。成果投稿SIGIR2026",
        ];
        for text in texts {
            for side in Side::BOTH {
                for fact in extract(text, side).items {
                    assert!(text.get(fact.range.clone()).is_some(), "{text} {fact:?}");
                }
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let texts = [
            "",
            "%",
            "+",
            "第",
            "百分之",
            "一",
            "亿亿亿亿亿亿亿亿",
            "2024.13",
            "99999999999999999999999999999999999999999",
            "0.000000000000000000000000000000001",
            "1,2,3",
            "http://",
            "@",
            "{{",
            "%{",
            "→",
            "-",
            "3%→",
            "至今",
            "Jul",
            "2024年13月",
            "第零",
            "二〇二四年",
            "一万亿亿",
            "ＡＢＣ１２３",
            "\u{3000}",
            "one hundred thousand million billion",
            "a.b.c.d",
            "v",
            "v1.",
            "1.",
            ".5",
            "1e10",
            "−",
            "—",
            "2024.07 -",
            "𠀀𠀀一个",
        ];
        for text in texts {
            for side in Side::BOTH {
                let _ = extract(text, side);
            }
        }
    }

    #[test]
    fn a_large_value_is_extracted_in_linear_time() {
        let unit = "线上3万/B测试订单+6.35%、GMV+5.47%，2024.07 - 至今，improved by 2.1pt. ";
        let text = unit.repeat(10 * 1024 * 1024 / unit.len());
        let start = std::time::Instant::now();
        let facts = extract(&text, Side::Zh);
        assert!(facts.items.len() > 1000);
        // Generous for debug builds on slow machines; quadratic behaviour takes hours.
        assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    }
}
