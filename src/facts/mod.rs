//! Language-neutral facts extracted from one scalar string.
//!
//! Each fact carries the byte range of the characters it was read from, inside the
//! scalar's decoded value, so a finding can underline exactly those characters in the
//! file. Facts are values (a number with its unit, a month, a term in normal form), so
//! comparing the two sides of a pair is comparing values, not strings.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::source::Side;

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
pub enum FactKind {}

/// zh term → the en terms that count as the same entity (`[glossary]` in rcheck.toml).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    pub entries: BTreeMap<String, Vec<String>>,
}

/// Extract the facts of `text`, written in the language of `side`.
pub fn extract(text: &str, side: Side) -> Facts {
    let _ = (text, side);
    Facts::default()
}
