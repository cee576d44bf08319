//! A term that translation should keep verbatim, present on one side only.
//!
//! ## What it does
//! Every Latin-script word or phrase in the zh value (`GateSID`, `VQ-VAE`,
//! `Attention Gate`, `scaling up`, `token`) must appear in the en value; every
//! acronym, CamelCase or mixed token of the en value (`KDD 2026`, `QKNorm`, `CTR-AUC`)
//! must appear in the zh value. Terms compare case-insensitively, with spacing
//! between an acronym and its year ignored (`SIGIR2026` = `SIGIR 2026`) and plurals
//! folded (`tokens` = `token`, `IDs` = `ID`). Ordinary capitalised English words
//! (`Alibaba`, `Provincial`) are never flagged.
//!
//! An en term is excused when it is defined inline by its expansion
//! (`University of Science and Technology of China (USTC)`), when Chinese characters
//! of the zh value spell it in pinyin (`DiDi` for `滴滴`), or when the `[glossary]`
//! pairs it with a term of the zh value (`"中科院" = "CAS"`); the glossary excuses zh
//! terms in the same way. A term changed on both sides (`VQ-VAE` vs `RQ-VAE`) is one
//! finding naming both.
//!
//! ## Why is this bad?
//! Names of venues, models, products and metrics are the content a reader searches
//! for. A venue listed in one language only (`KDD 2026`) is a claim the other
//! version does not make.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! result: 成果投稿SIGIR 2026
//! # en/resume.yaml
//! result: Submitted to SIGIR 2026 and KDD 2026
//! ```
//! gives `KDD 2026 appears only in en`. If KDD is rightly named differently in zh, add
//! a `[glossary]` entry instead of ignoring the rule.

use std::collections::HashSet;
use std::ops::Range;

use crate::facts::names::Readings;
use crate::facts::term::{defined_inline, words, WordIndex};
use crate::facts::{Facts, Glossary};
use crate::rules::{mark, same_text, Hit, TextPair};

/// How many en leftovers may be excused by scanning the whole value.
const EXCUSE_BUDGET: usize = 64;

/// A term left over on one side: where it is written and its normal form.
struct Leftover {
    range: Range<usize>,
    words: Vec<String>,
}

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    let (zh, en) = (pair.zh, pair.en);
    let zh_index = WordIndex::of(zh.text);
    let en_index = WordIndex::of(en.text);
    let zh_lower = zh.text.to_lowercase();

    let zh_left = leftovers(zh.facts, |t| {
        en_index.contains(t) || glossary_excuses_zh(pair.glossary, t, &en_index)
    });
    let mut readings = None;
    let mut en_left = leftovers(en.facts, |t| {
        zh_index.contains(t) || glossary_excuses_en(pair.glossary, t, &zh_lower)
    });
    // The inline-definition and pinyin excuses scan the whole value per term; past
    // this many leftovers (a pathological value) they are skipped to stay linear.
    let mut budget = EXCUSE_BUDGET;
    en_left.retain(|left| {
        if budget == 0 {
            return true;
        }
        budget -= 1;
        let written = &en.text[left.range.clone()];
        let pinyin = readings.get_or_insert_with(|| Readings::of(zh.text));
        !defined_inline(en.text, written) && !pinyin.spell(written)
    });

    let mut en_taken = vec![false; en_left.len()];
    for z in &zh_left {
        let zh_written = &zh.text[z.range.clone()];
        let similar = en_left
            .iter()
            .enumerate()
            .position(|(k, e)| !en_taken[k] && similar(&z.words, &e.words));
        let hit = match similar {
            Some(k) => {
                en_taken[k] = true;
                let en_written = &en.text[en_left[k].range.clone()];
                Hit {
                    rule: "entity-mismatch",
                    message: format!("term {zh_written} in zh, {en_written} in en"),
                    zh: mark(Some(&z.range)),
                    en: mark(Some(&en_left[k].range)),
                }
            }
            None => Hit {
                rule: "entity-mismatch",
                message: format!("{zh_written} appears only in zh"),
                zh: mark(Some(&z.range)),
                en: mark(None),
            },
        };
        out.push(hit);
    }
    for (e, _) in en_left.iter().zip(en_taken).filter(|(_, taken)| !taken) {
        out.push(Hit {
            rule: "entity-mismatch",
            message: format!("{} appears only in en", &en.text[e.range.clone()]),
            zh: mark(None),
            en: mark(Some(&e.range)),
        });
    }
}

/// The terms of one side the other side lacks, each normal form once.
fn leftovers(facts: &Facts, found: impl Fn(&[String]) -> bool) -> Vec<Leftover> {
    let mut seen = HashSet::new();
    facts
        .terms()
        .filter(|(_, t)| seen.insert(t.words.clone()) && !found(&t.words))
        .map(|(range, t)| Leftover {
            range: range.clone(),
            words: t.words.clone(),
        })
        .collect()
}

/// A zh term listed in the glossary (as key or value) whose counterpart en holds.
fn glossary_excuses_zh(glossary: &Glossary, term: &[String], en: &WordIndex) -> bool {
    glossary.entries.iter().any(|(key, values)| {
        let all: Vec<&String> = std::iter::once(key).chain(values).collect();
        all.iter().any(|t| words(t) == term)
            && all
                .iter()
                .any(|t| !words(t).is_empty() && en.contains(&words(t)))
    })
}

/// An en term the glossary pairs with a key written in zh.
fn glossary_excuses_en(glossary: &Glossary, term: &[String], zh_lower: &str) -> bool {
    glossary.entries.iter().any(|(key, values)| {
        zh_lower.contains(&key.to_lowercase()) && values.iter().any(|v| words(v) == term)
    })
}

/// Whether two terms are one term edited (`VQ-VAE` vs `RQ-VAE`): same number of
/// words and a small edit distance.
fn similar(a: &[String], b: &[String]) -> bool {
    let (a, b) = (a.join(" "), b.join(" "));
    if a.split(' ').count() != b.split(' ').count() || a.len() > 64 || b.len() > 64 {
        return false;
    }
    distance(&a, &b) <= (a.len().max(b.len()) / 4).max(1)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(previous + usize::from(ca != cb));
            previous = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
