//! Latin-script terms that translation must keep: acronyms (`KDD`, `GMV`), CamelCase
//! and mixed tokens (`GateSID`, `QKNorm`, `VQ-VAE`), tokens with digits (`GPT-4`).
//!
//! On the zh side every Latin word or phrase (`scaling up`, `Attention Gate`) was left
//! in Latin on purpose, so the en side must contain it. On the en side only the
//! *strong* tokens above are terms: ordinary capitalised words (`Alibaba`,
//! `Provincial`) are translated, never flagged.
//!
//! Normal form: lowercase words, split at hyphens and between letters and digits, a
//! plural `s` dropped; so `SIGIR2026` = `SIGIR 2026`, `tokens` = `token`, `IDs` = `ID`.
//!
//! Policy for a year after an acronym (`SIGIR 2026`, `COLING 2025`): the year belongs
//! to the term, and is neither a date nor a number. A venue's year is part of its
//! name, `KDD 2026` on one side only is one finding (entity-mismatch), and the year
//! is never reported twice.

use std::collections::HashMap;
use std::ops::Range;

use super::{is_word_char, lex, FactKind, Scan};
use crate::source::Side;

/// A term in normal form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    /// Normalised words (`["sigir", "2026"]`).
    pub words: Vec<String>,
}

/// Abbreviations that look like terms but are ordinarily translated.
const TRANSLATED_ABBREVIATIONS: &[&str] =
    &["phd", "msc", "bsc", "beng", "meng", "ok", "am", "pm", "etc"];

pub(super) fn scan(scan: &mut Scan<'_>) {
    let text = scan.text;
    let mut tokens: Vec<Range<usize>> = Vec::new();
    for m in lex::tokens(text).map(lex::Found::in_text(text)) {
        // `2.1pt`, `30k`, `31st`: letters after a number are its unit, not a term.
        let before = scan.before(m.start());
        if is_word_char(before) || before == Some('.') || !scan.free(&m.range()) {
            continue;
        }
        tokens.push(m.range());
    }
    match scan.side {
        Side::Zh => zh_phrases(scan, &tokens),
        Side::En => {
            for range in tokens {
                let token = &text[range.clone()];
                if is_strong(token) && !shouted(text, &range) && !template_marker(token) {
                    let range = with_year(text, range);
                    push(scan, range);
                }
            }
        }
    }
}

/// zh: consecutive Latin tokens separated by single spaces form one phrase.
fn zh_phrases(scan: &mut Scan<'_>, tokens: &[Range<usize>]) {
    let text = scan.text;
    let mut k = 0;
    while k < tokens.len() {
        let mut range = tokens[k].clone();
        while k + 1 < tokens.len() && &text[range.end..tokens[k + 1].start] == " " {
            k += 1;
            range.end = tokens[k].end;
        }
        k += 1;
        let range = with_year(text, range);
        push(scan, range);
    }
}

/// Currency codes: next to an amount (`USD 50`, `50 RMB`) they are its unit, which
/// Chinese writes as a word (`50 美元`), not a term to keep.
const CURRENCY_CODES: &[&str] = &[
    "usd", "cny", "rmb", "eur", "gbp", "jpy", "hkd", "twd", "aud", "cad", "chf", "sgd", "krw",
    "inr", "rub",
];

fn push(scan: &mut Scan<'_>, range: Range<usize>) {
    let words = words(&scan.text[range.clone()]);
    if words.is_empty()
        || (words.len() == 1 && TRANSLATED_ABBREVIATIONS.contains(&words[0].as_str()))
        || (words.len() == 1
            && CURRENCY_CODES.contains(&words[0].as_str())
            && next_to_amount(scan.text, &range))
    {
        return;
    }
    if scan.free(&range) {
        scan.claim(range, FactKind::Term(Term { words }));
    }
}

/// Whether a digit is written right before or after `range`, a space allowed.
fn next_to_amount(text: &str, range: &Range<usize>) -> bool {
    let after = text[range.end..].trim_start_matches(' ');
    let before = text[..range.start].trim_end_matches(' ');
    after.starts_with(|c: char| c.is_ascii_digit())
        || before.ends_with(|c: char| c.is_ascii_digit())
}

/// Extends a term ending in an acronym with the year after it (`SIGIR 2026`).
fn with_year(text: &str, range: Range<usize>) -> Range<usize> {
    let last = text[range.clone()].rsplit([' ', '-']).next().unwrap_or("");
    let acronym = last.len() >= 2 && last.chars().all(|c| c.is_ascii_uppercase());
    let Some(year) = lex::leading_year(&text[range.end..]).filter(|_| acronym) else {
        return range;
    };
    let end = range.end + year;
    let next = text[end..].chars().next();
    let decimal = matches!(next, Some('.' | ','))
        && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
    if is_word_char(next) || next == Some('%') || decimal {
        return range;
    }
    range.start..end
}

/// Whether a token is a marker a template asks the translator to replace
/// (`THIS_LANGUAGE_NAME_HERE`): capitals joined by two underscores or more.
fn template_marker(token: &str) -> bool {
    token.matches('_').count() >= 2
        && token
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
}

/// Whether an all-capitals token is an ordinary word in capitals, not an acronym: it
/// reads as a word (two vowels or more, at least a quarter of its letters) and stands
/// as a label (the whole value) or an interjection (`NOTE!`, `WARNING:`). `PENDING`
/// and `PRIVATE` are translated; `HVAC`, `SMTP`, `LDAPS` are kept.
fn shouted(text: &str, range: &Range<usize>) -> bool {
    let token = &text[range.clone()];
    if token.len() < 4 || !token.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let vowels = token.chars().filter(|c| "AEIOU".contains(*c)).count();
    let wordlike = vowels >= 2 && vowels * 4 >= token.len();
    let label = text.trim() == token;
    let interjection = text[range.end..].starts_with(['!', ':', '！', '：']);
    wordlike && (label || interjection)
}

/// Whether an en token is kept across translation: an acronym (two capitals), a
/// CamelCase word, or letters mixed with digits, in any hyphen-separated part.
pub fn is_strong(token: &str) -> bool {
    let parts: Vec<&str> = token.split(['-', '_']).collect();
    let first_is_acronym = parts[0].chars().filter(char::is_ascii_uppercase).count() >= 2;
    parts.iter().enumerate().any(|(k, part)| {
        let capitals = part.chars().filter(char::is_ascii_uppercase).count();
        let letters = part.chars().any(|c| c.is_ascii_alphabetic());
        let digits = part.chars().any(|c| c.is_ascii_digit());
        let camel = part
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
        let long_compound = parts.len() >= 3;
        capitals >= 2
            || camel
            || (letters && digits)
            || (k > 0 && digits && (first_is_acronym || long_compound))
    })
}

/// The normal form of a piece of text: its Latin words and digit runs, lowercased,
/// plural `s` dropped.
pub fn words(text: &str) -> Vec<String> {
    lex::runs(text, lex::latin_or_digits)
        .map(|m| {
            let mut word = text[m].to_ascii_lowercase();
            fold_plural(&mut word, 0);
            word
        })
        .collect()
}

/// Folds the lowercase word that `buffer` holds from byte `start` on to its singular
/// form, in place: words are made for every text a rule compares, and a word costs no
/// allocation of its own this way.
fn fold_plural(buffer: &mut String, start: usize) {
    let word = &buffer[start..];
    let len = word.len();
    // `-ies` is the plural of `-y` (`policies`) and of `-ie` (`cookies`): both
    // singulars fold to `-y` too, so every pair meets.
    let ie = ["ies", "ie"].into_iter().find(|s| word.ends_with(s));
    if let Some(stem) = ie.map(|s| len - s.len()).filter(|&n| n >= 2) {
        buffer.truncate(start + stem);
        buffer.push('y');
    } else if len >= 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        buffer.pop();
    }
}

/// The Latin words of a text, to ask whether a term occurs in it.
pub struct WordIndex {
    /// The text's [`words`], one after the other.
    all: String,
    /// Where each word ends in `all` (and the next begins).
    ends: Vec<usize>,
    /// Where each word occurs, for texts of more than [`SCAN_WORDS`] words; shorter
    /// ones (nearly all) are scanned, which costs less than building the map.
    at: Option<HashMap<String, Vec<usize>>>,
}

/// Up to this many words a text is scanned for a term instead of indexed.
const SCAN_WORDS: usize = 64;

impl WordIndex {
    pub fn of(text: &str) -> WordIndex {
        let folded: String = text.chars().map(super::fold_width).collect();
        let mut all = String::with_capacity(folded.len());
        let mut ends = Vec::new();
        for m in lex::runs(&folded, lex::latin_or_digits) {
            let start = all.len();
            all.push_str(&folded[m]);
            all[start..].make_ascii_lowercase();
            fold_plural(&mut all, start);
            ends.push(all.len());
        }
        let mut index = WordIndex {
            all,
            ends,
            at: None,
        };
        if index.ends.len() > SCAN_WORDS {
            let mut at: HashMap<String, Vec<usize>> = HashMap::new();
            for k in 0..index.ends.len() {
                at.entry(index.word(k).to_string()).or_default().push(k);
            }
            index.at = Some(at);
        }
        index
    }

    fn word(&self, k: usize) -> &str {
        let start = k.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.all[start..self.ends[k]]
    }

    /// Whether `term` occurs as consecutive words. In a long text, looks from the
    /// term's rarest word, so common words do not make this slow.
    pub fn contains(&self, term: &[String]) -> bool {
        let Some(first) = term.first() else {
            return true;
        };
        let count = self.ends.len();
        let occurs_at = |p: usize| {
            p + term.len() <= count && term.iter().enumerate().all(|(k, w)| self.word(p + k) == w)
        };
        let Some(at) = &self.at else {
            return (0..count).any(|p| self.word(p) == first && occurs_at(p));
        };
        let mut rarest = None;
        for (k, w) in term.iter().enumerate() {
            let Some(positions) = at.get(w) else {
                return false;
            };
            if rarest.is_none_or(|(_, p): (usize, &Vec<usize>)| positions.len() < p.len()) {
                rarest = Some((k, positions));
            }
        }
        let (k, positions) = rarest.expect("term is not empty");
        positions.iter().any(|&p| p >= k && occurs_at(p - k))
    }
}

/// Whether the en text defines `acronym` inline: `University of Science and Technology
/// of China (USTC)`, where the capitalised words before the bracket spell it.
pub fn defined_inline(text: &str, acronym: &str) -> bool {
    let wanted: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if wanted.len() < 2 {
        return false;
    }
    let needle = format!("({acronym})");
    text.match_indices(&needle).any(|(at, _)| {
        let initials: Vec<char> = text[..at]
            .split_whitespace()
            .rev()
            .take(wanted.len() * 3)
            .filter_map(|w| w.chars().next().filter(char::is_ascii_uppercase))
            .collect();
        initials.len() >= wanted.len() && initials[..wanted.len()].iter().rev().eq(wanted.iter())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::extract;

    fn terms(text: &str, side: Side) -> Vec<Vec<String>> {
        extract(text, side)
            .terms()
            .map(|(_, t)| t.words.clone())
            .collect()
    }

    #[test]
    fn equal_terms() {
        let table = [
            ("SIGIR2026", "SIGIR 2026"),
            ("sigir2026", "SIGIR 2026"),
            ("QKNorm", "QKNORM"),
            ("GPT-4", "GPT4"),
            ("IDs", "ID"),
            ("Sparse MoE", "sparse MoE"),
            ("ＧＭＶ", "GMV"),
        ];
        for (a, b) in table {
            assert_eq!(terms(a, Side::En), terms(b, Side::En), "{a} | {b}");
            assert!(!terms(a, Side::En).is_empty(), "{a}");
        }
        assert_eq!(words("tokens"), words("token"));
        let table = [
            ("policies", "policy"),
            ("policy", "policy"),
            ("cookies", "cooky"),
            ("cookie", "cooky"),
            ("ies", "ie"),
            ("xies", "xie"),
            ("ids", "id"),
            ("xs", "xs"),
            ("bus", "bus"),
            ("class", "class"),
            ("MoEs", "moe"),
        ];
        for (word, want) in table {
            assert_eq!(words(word), [want], "{word}");
        }
        assert_eq!(words("Transformer"), words("transformer"));
    }

    #[test]
    fn shouted_words_and_template_markers_are_no_terms() {
        for text in [
            "PENDING",
            "NOTE! Sign in again",
            "THIS_LANGUAGE_NAME_HERE version",
        ] {
            assert!(terms(text, Side::En).is_empty(), "{text}");
        }
        for text in ["HVAC", "SMTP server", "Use LDAPS", "MAX_SIZE"] {
            assert!(!terms(text, Side::En).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_currency_code_next_to_an_amount_is_its_unit() {
        for text in ["USD 50", "50 USD", "RMB 100", "costs EUR 9.99"] {
            assert!(terms(text, Side::En).is_empty(), "{text}");
        }
        // Alone, it is a term like any acronym.
        assert_eq!(terms("pay in USD", Side::En), [vec!["usd".to_string()]]);
    }

    #[test]
    fn unequal_terms() {
        let table = [
            ("VQ-VAE", "RQ-VAE"),
            ("KDD 2026", "KDD 2025"),
            ("GPT-4", "GPT-3"),
            ("GateSID", "GateID"),
        ];
        for (a, b) in table {
            assert_ne!(terms(a, Side::En), terms(b, Side::En), "{a} | {b}");
        }
    }

    #[test]
    fn en_terms_are_only_strong_tokens() {
        let text = "AliExpress, Alibaba International · Provincial Background: GateSID, CTR-AUC, KDD 2026, Wi-Fi, E-Commerce, PhD";
        let got: Vec<String> = terms(text, Side::En).iter().map(|w| w.join(" ")).collect();
        assert_eq!(got, ["aliexpress", "gatesid", "ctr auc", "kdd 2026"]);
    }

    #[test]
    fn zh_terms_are_every_latin_phrase() {
        let text = "引入特殊token、QKNorm、Attention Gate和Sparse MoE模块，scaling up收益，CTR-AUC提升2.1pt，线上3万/B测试";
        let got: Vec<String> = terms(text, Side::Zh).iter().map(|w| w.join(" ")).collect();
        assert_eq!(
            got,
            [
                "token",
                "qknorm",
                "attention gate",
                "sparse moe",
                "scaling up",
                "ctr auc",
                "b"
            ]
        );
    }

    #[test]
    fn a_venue_year_is_part_of_the_term_and_not_a_number_or_date() {
        for side in Side::BOTH {
            let facts = extract("成果投稿SIGIR 2026，发表于COLING 2025", side);
            assert_eq!(facts.terms().count(), 2, "{facts:?}");
            assert_eq!(
                facts.numbers().count() + facts.dates().count(),
                0,
                "{facts:?}"
            );
        }
        let facts = extract("GMV +5.47%, AUC 2025%", Side::En);
        assert_eq!(facts.numbers().count(), 2, "{facts:?}");
    }

    #[test]
    fn word_index_finds_consecutive_words() {
        let text = "introducing special tokens, QKNorm, Attention Gate, and Sparse MoE modules; SIGIR 2026";
        // Short texts are scanned, long ones indexed: both must answer alike.
        let long = format!(
            "{} {text} {}",
            "the gate and ".repeat(30),
            "sparse ".repeat(30)
        );
        let long = format!("{long} sigir 2026");
        for text in [text, long.as_str()] {
            let index = WordIndex::of(text);
            for yes in [
                "token",
                "attention gate",
                "Sparse MoE",
                "sigir2026",
                "QKNorm",
            ] {
                assert!(index.contains(&words(yes)), "{yes}");
            }
            for no in [
                "gate attention",
                "KDD",
                "moe sparse",
                "sigir 2025",
                "2026 sigir",
                // Runs past the last word.
                "sigir 2026 the",
            ] {
                assert!(!index.contains(&words(no)), "{no}");
            }
        }
    }

    #[test]
    fn inline_definitions() {
        let text = "University of Science and Technology of China (USTC) · Computer Technology";
        assert!(defined_inline(text, "USTC"));
        assert!(!defined_inline(text, "CAS"));
        assert!(!defined_inline("Hangzhou (USTC)", "USTC"));
    }
}
