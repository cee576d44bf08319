//! Language-neutral fingerprints of sequence items.
//!
//! A bullet in Chinese and its English translation share few characters, but they
//! share what translation leaves alone: numbers, acronyms, CamelCase and other mixed
//! tokens (`GateSID`, `VQ-VAE`, `COLING`). The fingerprint of an item is the sorted
//! multiset of those tokens over all its scalars, lowercased; the same filter runs on
//! both languages, so a plain English word never enters it.

use crate::yaml::{self, Node, NodeKind, Text};

/// Fingerprints stop growing here, so one huge item cannot make realignment slow.
const MAX_TOKENS: usize = 64;

/// The tokens are kept as 64-bit hashes of their lowercase text, sorted: equal
/// tokens give equal hashes, and a fingerprint costs no allocation per token (it is
/// computed for every item of every sequence, so on a 20 MB file this is most of the
/// alignment's time).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Fingerprint(Vec<u64>);

/// Computes fingerprints, remembering the tokens of each text: a text that recurs
/// (the same bullet in every copy of a generated résumé, `Cancel` in every dialog of a
/// locale file) is scanned once. Texts are known by their address ([`yaml::address`]),
/// so the memo must not outlive the trees it has seen; it is kept for one check.
#[derive(Default)]
pub struct Fingerprints {
    /// The neutral tokens of a text, in order, at most [`MAX_TOKENS`] of them (no
    /// fingerprint takes more of one text).
    by_text: foldhash::HashMap<usize, Box<[u64]>>,
    scratch: Scratch,
}

impl Fingerprints {
    /// The fingerprint of an item: the neutral tokens of its scalars in document order,
    /// the first [`MAX_TOKENS`] of them, sorted.
    pub fn of(&mut self, node: &Node) -> Fingerprint {
        let mut tokens = Vec::new();
        let mut stack = vec![node];
        while let Some(node) = stack.pop() {
            match &node.kind {
                NodeKind::Scalar(s) => self.tokens(&s.value, &mut tokens),
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

    /// Appends the tokens of `text`, remembered if the text occurs more than once.
    fn tokens(&mut self, text: &Text, out: &mut Vec<u64>) {
        let scratch = &mut self.scratch;
        let scan = |scratch: &mut Scratch, out: &mut Vec<u64>| {
            let cap = out.len() + MAX_TOKENS;
            neutral_tokens(text, scratch, &mut |t| {
                if out.len() < cap {
                    out.push(hash(t))
                }
            });
        };
        if !yaml::is_repeated(text) {
            return scan(scratch, out);
        }
        let known = self.by_text.entry(yaml::address(text)).or_insert_with(|| {
            let mut tokens = Vec::new();
            scan(scratch, &mut tokens);
            tokens.into_boxed_slice()
        });
        out.extend_from_slice(known);
    }
}

impl Fingerprint {
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
    word: Vec<u8>,
    /// Whether `word` holds a capital or a digit: a word without either (most English
    /// words) can never be neutral, so it is dropped without a closer look.
    marked: bool,
    digits: Vec<u8>,
}

/// Emits the tokens of `text` that survive translation, lowercase: runs of digits, and
/// Latin words with a digit, two capitals, or a capital after a lowercase letter.
///
/// Works on bytes: only ASCII and full-width ASCII forms can be part of a token, every
/// other character is a separator, so Chinese text is skipped without decoding it.
fn neutral_tokens(text: &str, scratch: &mut Scratch, emit: &mut impl FnMut(&[u8])) {
    tokens_of::<true>(text, scratch, emit)
}

/// [`neutral_tokens`], taking a word of plain ASCII whole when `WHOLE_WORDS` (most
/// words are), or every word one character at a time: the specification the fast path
/// is tested against.
fn tokens_of<const WHOLE_WORDS: bool>(
    text: &str,
    scratch: &mut Scratch,
    emit: &mut impl FnMut(&[u8]),
) {
    let Scratch {
        word,
        marked,
        digits,
    } = scratch;
    word.clear();
    digits.clear();
    *marked = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if word.is_empty() && digits.is_empty() {
            // Between tokens: skip to the next byte that can start one (an ASCII letter
            // or digit, or the lead byte of a full-width form). Always a char boundary.
            // Eight bytes at a time through Chinese text: all non-ASCII, no 0xEF.
            while let Some(word) = bytes.get(at..at + 8) {
                let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                let high = 0x8080_8080_8080_8080;
                if word & high != high || has_zero_byte(word ^ 0xEFEF_EFEF_EFEF_EFEF) {
                    break;
                }
                at += 8;
            }
            match bytes[at..]
                .iter()
                .position(|&b| b.is_ascii_alphanumeric() || b == 0xEF)
            {
                Some(skip) => at += skip,
                None => break,
            }
        }
        if WHOLE_WORDS && word.is_empty() && digits.is_empty() {
            // A word of plain ASCII is taken whole, unless a full-width form continues
            // it. One pass finds its end and whether it holds a capital or digit: most
            // English words hold neither and yield nothing.
            let (mut end, mut kinds) = (at, 0);
            while let Some(&b) = bytes.get(end) {
                let kind = WORD_BYTE[usize::from(b)];
                if kind == 0 {
                    break;
                }
                kinds |= kind;
                end += 1;
            }
            if bytes.get(end) != Some(&0xEF) {
                if kinds & MARK != 0 {
                    ascii_word(&bytes[at..end], word, emit);
                }
                at = end;
                continue;
            }
        }
        let (ch, len) = ascii_form(&bytes[at..]);
        at += len;
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else if !digits.is_empty() {
            emit(digits);
            digits.clear();
        }
        if ch.is_ascii_alphanumeric() || (ch == b'-' && !word.is_empty()) {
            word.push(ch);
            *marked |= ch.is_ascii_uppercase() || ch.is_ascii_digit();
        } else if !word.is_empty() {
            flush_word(word, marked, emit);
        }
    }
    if !digits.is_empty() {
        emit(digits);
    }
    flush_word(word, marked, emit);
}

/// What each byte is to an ASCII word: 0 for none, [`PLAIN`] for a lowercase letter or
/// `-`, [`MARK`] for a capital or digit.
static WORD_BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'-' => PLAIN,
            b'A'..=b'Z' | b'0'..=b'9' => MARK,
            _ => 0,
        };
        b += 1;
    }
    table
};
const PLAIN: u8 = 1;
const MARK: u8 = 2;

/// The tokens of a word of ASCII letters, digits and `-` that starts with a letter or
/// digit, in the order the character loop of [`neutral_tokens`] gives them: each run
/// of digits, then the word if it is neutral.
fn ascii_word(bytes: &[u8], word: &mut Vec<u8>, emit: &mut impl FnMut(&[u8])) {
    let mut marked = false;
    let mut at = 0;
    while at < bytes.len() {
        let run = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run > 0 {
            emit(&bytes[at..at + run]);
            marked = true;
            at += run;
        } else {
            marked |= bytes[at].is_ascii_uppercase();
            at += 1;
        }
    }
    if marked && is_neutral(bytes) {
        word.clear();
        word.extend(bytes.iter().map(u8::to_ascii_lowercase));
        emit(word);
        word.clear();
    }
}

/// The character at the start of `bytes` (valid UTF-8) as ASCII after [`fold_width`],
/// or 0 (a separator) when it has no ASCII form; and its length in bytes.
fn ascii_form(bytes: &[u8]) -> (u8, usize) {
    match bytes[0] {
        b @ 0..0x80 => (b, 1),
        // U+FF01..=U+FF5E are EF BC 81..=BF and EF BD 80..=9E.
        0xEF => match (bytes[1], bytes[2]) {
            (0xBC, b @ 0x81..=0xBF) => (b - 0x81 + 0x21, 3),
            (0xBD, b @ 0x80..=0x9E) => (b - 0x80 + 0x60, 3),
            _ => (0, 3),
        },
        b if b >= 0xF0 => (0, 4),
        b if b >= 0xE0 => (0, 3),
        _ => (0, 2),
    }
}

fn flush_word(word: &mut Vec<u8>, marked: &mut bool, emit: &mut impl FnMut(&[u8])) {
    if *marked && is_neutral(word) {
        word.make_ascii_lowercase();
        emit(word);
    }
    word.clear();
    *marked = false;
}

/// Whether some byte of `word` is zero (exact).
fn has_zero_byte(word: u64) -> bool {
    word.wrapping_sub(0x0101_0101_0101_0101) & !word & 0x8080_8080_8080_8080 != 0
}

/// FNV-1a: short keys, no allocation; equal text gives an equal hash.
fn hash(token: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in token {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn is_neutral(word: &[u8]) -> bool {
    let end = word.iter().rposition(|&b| b != b'-').map_or(0, |k| k + 1);
    let word = &word[..end];
    if word.iter().all(u8::is_ascii_digit) {
        return false; // already counted as digits
    }
    let capitals = word.iter().filter(|b| b.is_ascii_uppercase()).count();
    let has_digit = word.iter().any(u8::is_ascii_digit);
    let camel = word
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    has_digit || capitals >= 2 || camel
}

/// Full-width ASCII forms (`３`, `Ａ`) as their ASCII counterparts: the reference that
/// [`ascii_form`] implements on bytes, and is tested against.
#[cfg(test)]
fn fold_width(ch: char) -> char {
    match ch {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
        '\u{3000}' => ' ',
        _ => ch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_words_whole_are_characters_one_by_one(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "GPT", "gpt", "Vq", "x", "4", "2024", "-", "--", "Ａ", "ｂ", "４", "－",
                    " ", "中", "é", ".", "😀", "\u{3000}",
                ]),
                0..14,
            )
        ) {
            let text = pieces.concat();
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            neutral_tokens(&text, &mut Scratch::default(), &mut |t| fast.push(t.to_vec()));
            tokens_of::<false>(&text, &mut Scratch::default(), &mut |t| slow.push(t.to_vec()));
            prop_assert_eq!(fast, slow);
        }
    }

    fn tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        neutral_tokens(text, &mut Scratch::default(), &mut |t| {
            out.push(String::from_utf8(t.to_vec()).expect("ASCII tokens"))
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
    fn bytes_agree_with_characters() {
        // A character is part of a token exactly when its `fold_width` form is ASCII
        // alphanumeric or `-`, and then as that form.
        let token_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
        for ch in [
            '\u{FF00}', '\u{FF01}', '\u{FF0D}', '\u{FF10}', '\u{FF21}', '\u{FF3F}', '\u{FF40}',
            '\u{FF41}', '\u{FF5E}', '\u{FF5F}', '\u{3000}', '中', 'é', '😀', 'a', '-',
        ] {
            let (byte, len) = ascii_form(ch.to_string().as_bytes());
            assert_eq!(len, ch.len_utf8(), "{ch:?}");
            let folded = fold_width(ch);
            assert_eq!(token_char(byte as char), token_char(folded), "{ch:?}");
            if token_char(folded) {
                assert_eq!(byte as char, folded, "{ch:?}");
            }
        }
        assert_eq!(tokens("ＧＰＴ４与ＶＱ－ＶＡＥ"), ["4", "gpt4", "vq-vae"]);
    }

    /// The memo gives what a fresh scan gives: an item's first [`MAX_TOKENS`] tokens,
    /// in document order across its texts, whether those texts were seen before or not.
    #[test]
    fn remembered_texts_give_the_same_fingerprint() {
        let long: Vec<String> = (0..20).map(|k| format!("A{k}")).collect();
        let long = long.join(" ");
        let text = format!("- {{a: '{long}', b: ['{long}', Z9]}}\n- '{long}'\n- Z9\n- U7\n");
        let file = crate::source::SourceFile {
            name: "t.yaml".into(),
            text,
        };
        let stream = crate::yaml::parse(&file).unwrap();
        let NodeKind::Sequence(items) = &stream.documents[0].kind else {
            panic!("a sequence");
        };
        let want = {
            let mut all: Vec<u64> = tokens(&long).iter().map(|t| hash(t.as_bytes())).collect();
            all.extend(tokens(&long).iter().map(|t| hash(t.as_bytes())));
            all.truncate(MAX_TOKENS);
            all.sort_unstable();
            Fingerprint(all)
        };
        assert_eq!(Fingerprints::default().of(&items[0]), want);
        let mut seen = Fingerprints::default();
        let (second, third) = (seen.of(&items[1]), seen.of(&items[2]));
        assert_eq!(seen.of(&items[0]), want);
        assert_eq!(seen.of(&items[0]), want, "asked twice");
        // `A7` is two tokens, `7` and `a7`.
        assert_eq!((second.0.len(), third.0.len()), (40, 2));
        // A text that occurs once is scanned, not remembered.
        let mut once: Vec<u64> = tokens("U7").iter().map(|t| hash(t.as_bytes())).collect();
        once.sort_unstable();
        assert_eq!(seen.of(&items[3]), Fingerprint(once));
        assert_eq!(seen.by_text.len(), 2, "the long text and Z9");
    }

    #[test]
    fn similarity_is_shared_over_all() {
        let fp = |tokens: &[&str]| {
            let mut hashes: Vec<u64> = tokens.iter().map(|t| hash(t.as_bytes())).collect();
            hashes.sort_unstable();
            Fingerprint(hashes)
        };
        let (a, b) = (fp(&["1", "2"]), fp(&["2", "3"]));
        assert!((a.similarity(&b) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(a.similarity(&Fingerprint::default()), 0.0);
    }
}
