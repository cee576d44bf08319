//! Full-width folding with a way back to the original offsets.
//!
//! Chinese text writes digits, Latin letters and punctuation in their full-width forms
//! (`３`, `ＧＭＶ`, `％`, `（`). Every extractor runs on the folded text, where those are
//! ASCII, so its patterns stay simple; [`Folded::original`] maps a folded byte range
//! back to the scalar's own bytes, so marks underline what the user wrote.

use std::ops::Range;

/// One row per folding: the characters, and the ASCII they count as.
const FOLDS: &[(char, char, &str)] = &[
    (
        '\u{FF01}',
        '\u{FF5E}',
        "full-width ASCII forms (`３` → `3`, `Ａ` → `A`)",
    ),
    ('\u{3000}', '\u{3000}', "ideographic space"),
    ('\u{2212}', '\u{2212}', "minus sign counts as `-`"),
];

/// The ASCII a character counts as, or the character itself.
pub fn fold_width(ch: char) -> char {
    for &(low, high, _) in FOLDS {
        if (low..=high).contains(&ch) {
            return match ch {
                '\u{3000}' => ' ',
                '\u{2212}' => '-',
                _ => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
            };
        }
    }
    ch
}

/// A string with every character folded, and the offsets it came from.
pub(crate) struct Folded {
    pub text: String,
    /// `map[i]` is the original offset of folded byte `i`; one extra entry for the end.
    /// `None` when nothing was folded (the common case costs no memory).
    map: Option<Vec<usize>>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        if !original.chars().any(|c| fold_width(c) != c) {
            return Folded {
                text: original.to_string(),
                map: None,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (at, ch) in original.char_indices() {
            let folded = fold_width(ch);
            for _ in 0..folded.len_utf8() {
                map.push(at);
            }
            text.push(folded);
        }
        map.push(original.len());
        Folded {
            text,
            map: Some(map),
        }
    }

    /// The original byte range of a folded byte range (both on char boundaries).
    pub fn original(&self, range: &Range<usize>) -> Range<usize> {
        match &self.map {
            None => range.clone(),
            Some(map) => map[range.start]..map[range.end],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_folds_as_documented() {
        let equal = [
            ("３", "3"),
            ("ＧＭＶ＋５.４７％", "GMV+5.47%"),
            ("（）", "()"),
            ("\u{3000}", " "),
            ("−5", "-5"),
        ];
        for (wide, narrow) in equal {
            assert_eq!(Folded::new(wide).text, narrow, "{wide}");
        }
        let unequal = [("。", "."), ("、", ","), ("→", "->")];
        for (wide, narrow) in unequal {
            assert_ne!(Folded::new(wide).text, narrow, "{wide}");
        }
    }

    #[test]
    fn ranges_map_back_to_the_original_bytes() {
        let original = "订单＋６.35％";
        let folded = Folded::new(original);
        let start = folded.text.find('+').unwrap();
        let range = folded.original(&(start..folded.text.len()));
        assert_eq!(&original[range], "＋６.35％");
    }
}
