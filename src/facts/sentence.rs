//! Sentences, for duplicate detection.
//!
//! A value splits at `。！？；` and at `.!?;` (a `.` only where a sentence can end:
//! before a space or the end, so `6.35` and `v2.1` stay whole). Chinese needs no
//! space after its full stop. The normal form keeps letters and digits only,
//! lowercased and width-folded: `成果投稿SIGIR 2026` = `成果投稿SIGIR2026`.
//!
//! A sentence with several clauses (split at `，,、：:`) also yields its clauses, since
//! a pasted repeat often duplicates only the last clause of the previous sentence
//! (`…，成果投稿SIGIR 2026。成果投稿SIGIR2026`).

use super::{Fact, FactKind};

/// Adds one `Sentence` fact per sentence of `text` (already width-folded).
pub(super) fn scan(text: &str, items: &mut Vec<Fact>) {
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, ch)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let ends = match ch {
            '。' | '!' | '?' | ';' | '！' | '？' | '；' => true,
            '.' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if ends {
            push(text, start..at, items);
            start = at + ch.len_utf8();
        }
    }
    push(text, start..text.len(), items);
}

fn push(text: &str, range: std::ops::Range<usize>, items: &mut Vec<Fact>) {
    let sentence = &text[range.clone()];
    if !sentence.contains(is_clause_end) {
        if let Some((range, normal)) = trimmed(text, range) {
            items.push(Fact {
                range,
                kind: FactKind::Sentence(normal),
            });
        }
        return;
    }
    // The clauses first: the sentence's normal form is theirs joined (clause ends are
    // neither letters nor digits), so the sentence is not normalised a second time.
    let mut normal = String::with_capacity(sentence.len());
    let mut clauses = Vec::new();
    let mut start = range.start;
    for piece in sentence.split_inclusive(is_clause_end) {
        let end = start + piece.len();
        let separator = piece
            .chars()
            .next_back()
            .filter(|&c| is_clause_end(c))
            .map_or(0, char::len_utf8);
        if let Some((clause, clause_normal)) = trimmed(text, start..end - separator) {
            normal.push_str(&clause_normal);
            clauses.push(Fact {
                range: clause,
                kind: FactKind::Clause(clause_normal),
            });
        }
        start = end;
    }
    if normal.is_empty() {
        return;
    }
    items.push(Fact {
        range: trim(text, range),
        kind: FactKind::Sentence(normal),
    });
    items.append(&mut clauses);
}

/// Where a clause ends (a function, not a `&[char]` pattern: a match is quicker than a
/// search in a list, and it runs on every character of every sentence).
fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ':' | '：')
}

/// The range without the spaces around it, and its normal form, unless empty.
fn trimmed(text: &str, range: std::ops::Range<usize>) -> Option<(std::ops::Range<usize>, String)> {
    let normal = normal_form(&text[range.clone()]);
    if normal.is_empty() {
        return None;
    }
    Some((trim(text, range), normal))
}

/// The range without the spaces around it.
fn trim(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end
}

/// Letters and digits, lowercased; everything else dropped.
pub fn normal_form(sentence: &str) -> String {
    let mut normal = String::with_capacity(sentence.len());
    for c in sentence.chars() {
        // ASCII and Chinese characters (no case) first: most text is one or the other,
        // and the general tables are binary searches.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                normal.push(c.to_ascii_lowercase());
            }
        } else if matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}') {
            // The two main blocks of Chinese characters, assigned throughout.
            normal.push(c);
        } else if c.is_alphanumeric() {
            normal.extend(c.to_lowercase());
        }
    }
    normal
}

#[cfg(test)]
mod tests {
    use crate::facts::{extract, FactKind};
    use crate::source::Side;

    fn sentences(text: &str) -> Vec<String> {
        extract(text, Side::Zh)
            .items
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::Sentence(s) => Some(s),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn fast_paths_agree_with_the_unicode_tables() {
        let general = |c: char| -> String {
            Some(c)
                .filter(|c| c.is_alphanumeric())
                .into_iter()
                .flat_map(char::to_lowercase)
                .collect()
        };
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(super::normal_form(&c.to_string()), general(c), "{c:?}");
        }
    }

    #[test]
    fn equal_sentences() {
        let table = [
            ("成果投稿SIGIR 2026。", "成果投稿SIGIR2026"),
            ("Submitted to SIGIR.", "submitted  to sigir"),
            ("ＧＭＶ提升", "GMV提升"),
        ];
        for (a, b) in table {
            assert_eq!(sentences(a), sentences(b), "{a} | {b}");
        }
    }

    #[test]
    fn unequal_sentences() {
        let table = [
            ("成果投稿SIGIR 2026", "成果投稿SIGIR 2025"),
            ("GMV +6.35%", "GMV +6.53%"),
        ];
        for (a, b) in table {
            assert_ne!(sentences(a), sentences(b), "{a} | {b}");
        }
    }

    proptest::proptest! {
        /// Every sentence and clause fact is its own text, trimmed, with the normal form
        /// of that text (a sentence's is built from its clauses'), and a clause lies
        /// inside the sentence before it.
        #[test]
        fn facts_are_their_text(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "GMV", " ", "提升", "，", ",", "、", ":", "：", "。", ". ", ";", "6.35", "!", "a",
                "", "  ", "订单",
            ]),
            0..14,
        )) {
            let text = pieces.concat();
            let mut items = Vec::new();
            super::scan(&text, &mut items);
            let mut sentence = 0..0;
            for fact in items {
                let written = &text[fact.range.clone()];
                proptest::prop_assert_eq!(written, written.trim());
                match fact.kind {
                    FactKind::Sentence(normal) => {
                        proptest::prop_assert_eq!(normal, super::normal_form(written));
                        sentence = fact.range;
                    }
                    FactKind::Clause(normal) => {
                        proptest::prop_assert_eq!(normal, super::normal_form(written));
                        proptest::prop_assert!(
                            sentence.start <= fact.range.start && fact.range.end <= sentence.end
                        );
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn splits_where_sentences_end() {
        assert_eq!(sentences("成果投稿SIGIR 2026。成果投稿SIGIR2026").len(), 2);
        assert_eq!(
            sentences("GMV +6.35%; CTR v2.1 ok. Next！再见？好").len(),
            5
        );
        assert_eq!(sentences("6.35% and 2.1pt").len(), 1);
    }
}
