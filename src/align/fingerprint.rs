//! Language-neutral fingerprints of sequence items.
//!
//! A bullet in Chinese and its English translation share few characters, but they
//! share what translation leaves alone: numbers, acronyms, CamelCase and other mixed
//! tokens (`GateSID`, `VQ-VAE`, `COLING`). The fingerprint of an item is the sorted
//! multiset of those tokens over all its scalars, lowercased; the same filter runs on
//! both languages, so a plain English word never enters it.

use crate::yaml::{Node, NodeKind};

/// Fingerprints stop growing here, so one huge item cannot make realignment slow.
const MAX_TOKENS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Fingerprint(Vec<String>);

impl Fingerprint {
    pub fn of(node: &Node) -> Fingerprint {
        let mut tokens = Vec::new();
        let mut stack = vec![node];
        while let Some(node) = stack.pop() {
            match &node.kind {
                NodeKind::Scalar(s) => neutral_tokens(&s.value, &mut tokens),
                NodeKind::Sequence(items) => stack.extend(items.iter().rev()),
                NodeKind::Mapping(entries) => stack.extend(entries.iter().rev().map(|e| &e.value)),
            }
            if tokens.len() >= MAX_TOKENS {
                tokens.truncate(MAX_TOKENS);
                break;
            }
        }
        tokens.sort_unstable();
        Fingerprint(tokens)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Shared tokens over all tokens (multiset Jaccard), 0 when either is empty.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        let (a, b) = (&self.0, &other.0);
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared as f64 / (a.len() + b.len() - shared) as f64
    }
}

/// Pushes the tokens of `text` that survive translation: runs of digits, and Latin
/// words with a digit, two capitals, or a capital after a lowercase letter.
fn neutral_tokens(text: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if is_neutral(word) {
            out.push(word.to_lowercase());
        }
        word.clear();
    };
    let mut digits = String::new();
    for ch in text.chars() {
        let ch = fold_width(ch);
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else if !digits.is_empty() {
            out.push(std::mem::take(&mut digits));
        }
        if ch.is_ascii_alphanumeric() || (ch == '-' && !word.is_empty()) {
            word.push(ch);
        } else {
            flush(&mut word, out);
        }
    }
    if !digits.is_empty() {
        out.push(digits);
    }
    flush(&mut word, out);
}

fn is_neutral(word: &str) -> bool {
    let word = word.trim_end_matches('-');
    if word.chars().all(|c| c.is_ascii_digit()) {
        return false; // already counted as digits
    }
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let camel = word
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    has_digit || capitals >= 2 || camel
}

/// Full-width ASCII forms (`３`, `Ａ`) as their ASCII counterparts.
pub fn fold_width(ch: char) -> char {
    match ch {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
        '\u{3000}' => ' ',
        _ => ch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        neutral_tokens(text, &mut out);
        out
    }

    #[test]
    fn keeps_what_translation_leaves_alone() {
        let table: [(&str, &[&str]); 6] = [
            ("提出GateSID框架,利用VQ-VAE", &["gatesid", "vq-vae"]),
            ("Propose GateSID framework, use VQ-VAE", &["gatesid", "vq-vae"]),
            ("订单+6.35%", &["6", "35"]),
            ("orders +6.35%", &["6", "35"]),
            ("results published at COLING 2025", &["coling", "2025"]),
            ("Focus on product modeling in ranking", &[]),
        ];
        for (text, want) in table {
            assert_eq!(tokens(text), want, "{text}");
        }
    }

    #[test]
    fn full_width_digits_are_digits() {
        assert_eq!(tokens("３万"), ["3"]);
    }

    #[test]
    fn similarity_is_shared_over_all() {
        let a = Fingerprint(vec!["1".into(), "2".into()]);
        let b = Fingerprint(vec!["2".into(), "3".into()]);
        assert!((a.similarity(&b) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(a.similarity(&Fingerprint::default()), 0.0);
    }
}
