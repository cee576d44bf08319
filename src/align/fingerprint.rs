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

/// The tokens are kept as 64-bit hashes of their lowercase text, sorted: equal
/// tokens give equal hashes, and a fingerprint costs no allocation per token (it is
/// computed for every item of every sequence, so on a 20 MB file this is most of the
/// alignment's time).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Fingerprint(Vec<u64>);

impl Fingerprint {
    pub fn of(node: &Node) -> Fingerprint {
        let mut tokens = Vec::new();
        let mut scratch = Scratch::default();
        let mut stack = vec![node];
        while let Some(node) = stack.pop() {
            match &node.kind {
                NodeKind::Scalar(s) => {
                    neutral_tokens(&s.value, &mut scratch, &mut |t| tokens.push(hash(t)))
                }
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

/// Buffers reused from one scalar to the next.
#[derive(Default)]
struct Scratch {
    word: String,
    digits: String,
}

/// Emits the tokens of `text` that survive translation, lowercase: runs of digits, and
/// Latin words with a digit, two capitals, or a capital after a lowercase letter.
fn neutral_tokens(text: &str, scratch: &mut Scratch, emit: &mut impl FnMut(&str)) {
    let Scratch { word, digits } = scratch;
    word.clear();
    digits.clear();
    for ch in text.chars() {
        let ch = fold_width(ch);
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else if !digits.is_empty() {
            emit(digits);
            digits.clear();
        }
        if ch.is_ascii_alphanumeric() || (ch == '-' && !word.is_empty()) {
            word.push(ch);
        } else {
            flush_word(word, emit);
        }
    }
    if !digits.is_empty() {
        emit(digits);
    }
    flush_word(word, emit);
}

fn flush_word(word: &mut String, emit: &mut impl FnMut(&str)) {
    if is_neutral(word) {
        word.make_ascii_lowercase();
        emit(word);
    }
    word.clear();
}

/// FNV-1a: short keys, no allocation; equal text gives an equal hash.
fn hash(token: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in token.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
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
        neutral_tokens(text, &mut Scratch::default(), &mut |t| {
            out.push(t.to_string())
        });
        out
    }

    #[test]
    fn keeps_what_translation_leaves_alone() {
        let table: [(&str, &[&str]); 6] = [
            ("提出GateSID框架,利用VQ-VAE", &["gatesid", "vq-vae"]),
            (
                "Propose GateSID framework, use VQ-VAE",
                &["gatesid", "vq-vae"],
            ),
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
        let fp = |tokens: &[&str]| {
            let mut hashes: Vec<u64> = tokens.iter().map(|t| hash(t)).collect();
            hashes.sort_unstable();
            Fingerprint(hashes)
        };
        let (a, b) = (fp(&["1", "2"]), fp(&["2", "3"]));
        assert!((a.similarity(&b) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(a.similarity(&Fingerprint::default()), 0.0);
    }
}
