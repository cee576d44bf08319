//! The same sentence twice inside one value, in either language.
//!
//! ## What it does
//! Splits each value into sentences (at `。！？；` and at `.!?;` that end a
//! sentence) and reports every sentence whose normal form (letters and digits only,
//! case- and width-folded) already occurred in the same value, as a sentence or as a
//! clause of an earlier sentence. Only the side with the repetition is marked. Sentences of fewer than four letters or digits are ignored.
//!
//! ## Why is this bad?
//! A repeated sentence is an editing leftover (a pasted line, a half-done rewrite);
//! it reads as careless and often hides that the intended edit was never made.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! result: 成果投稿SIGIR 2026。成果投稿SIGIR2026
//! # en/resume.yaml
//! result: Submitted to SIGIR 2026.
//! ```
//! gives `sentence 成果投稿SIGIR2026 repeats in zh`.

use crate::facts::FactKind;
use crate::rules::{Hit, Mark, TextPair, TextSide};
use crate::source::Side;

/// Shorter sentences (`A.`, `2.`) repeat by accident of splitting, not of editing.
const MIN_CHARS: usize = 4;

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    for (side, text) in [(Side::Zh, pair.zh), (Side::En, pair.en)] {
        repeats(side, text, out);
    }
}

fn repeats(side: Side, text: TextSide<'_>, out: &mut Vec<Hit>) {
    // Sized once (the facts bound the sentences and clauses) and hashed with foldhash:
    // this runs for both sides of every value pair checked.
    let mut seen = foldhash::HashSet::with_capacity_and_hasher(
        text.facts.items.len(),
        foldhash::fast::RandomState::default(),
    );
    for fact in &text.facts.items {
        let normal = match &fact.kind {
            FactKind::Clause(clause) => {
                seen.insert(clause.as_str());
                continue;
            }
            FactKind::Sentence(normal) => normal,
            _ => continue,
        };
        if normal.chars().count() < MIN_CHARS || seen.insert(normal.as_str()) {
            continue;
        }
        let here = Some(Mark::Text(fact.range.clone()));
        let (zh, en) = if side == Side::Zh {
            (here, None)
        } else {
            (None, here)
        };
        out.push(Hit {
            rule: "duplicate-sentence",
            message: format!(
                "sentence {} repeats in {}",
                &text.text[fact.range.clone()],
                side.name()
            ),
            zh,
            en,
        });
    }
}
