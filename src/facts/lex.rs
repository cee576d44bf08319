//! Hand-written scanners for the simple token shapes the fact stages look for.
//!
//! Each of these was a regex. Compiling a regex costs 100,000 to 600,000 instructions
//! on first use, and rcheck runs once per commit on a few kilobytes: on the bundled
//! résumé the regexes were a third of the whole run. Each function states the pattern
//! it implements, and a property test checks it against that regex (the regex crate's
//! leftmost-first, non-overlapping `find_iter`).

use std::ops::Range;

/// A match in a text, with the accessors of `regex::Match`.
#[derive(Clone, Debug)]
pub(crate) struct Found<'a> {
    text: &'a str,
    range: Range<usize>,
}

impl<'a> Found<'a> {
    pub(crate) fn in_text(text: &'a str) -> impl Fn(Range<usize>) -> Found<'a> {
        move |range| Found { text, range }
    }
    pub(crate) fn start(&self) -> usize {
        self.range.start
    }
    pub(crate) fn end(&self) -> usize {
        self.range.end
    }
    pub(crate) fn range(&self) -> Range<usize> {
        self.range.clone()
    }
    pub(crate) fn as_str(&self) -> &'a str {
        &self.text[self.range.clone()]
    }
}

/// The maximal runs of bytes of one class, left to right: `class` gives each byte a
/// class, 0 for none. `[A-Za-z]+` is one class; `[A-Za-z]+|[0-9]+` is two, and
/// `abc123` is then two runs. Generic over `class` (not a function pointer), so that
/// the class is inlined into the loop over every byte.
pub(crate) fn runs(
    text: &str,
    class: impl Fn(u8) -> u8 + Copy + 'static,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(|&b| class(b) != 0)?;
        let kind = class(bytes[start]);
        let end = bytes[start..]
            .iter()
            .position(|&b| class(b) != kind)
            .map_or(bytes.len(), |n| start + n);
        at = end;
        Some(start..end)
    })
}

/// `[A-Za-z]+`.
pub(crate) fn latin(b: u8) -> u8 {
    u8::from(b.is_ascii_alphabetic())
}

/// `[A-Za-z]+|[0-9]+`.
pub(crate) fn latin_or_digits(b: u8) -> u8 {
    match b {
        b'A'..=b'Z' | b'a'..=b'z' => 1,
        b'0'..=b'9' => 2,
        _ => 0,
    }
}

/// The maximal runs of characters in `set`: `[set]+`.
pub(crate) fn char_runs(
    text: &str,
    set: impl Fn(char) -> bool + Copy + 'static,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| set(c))?;
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !set(c) {
                end = at;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// Fixed words to find in text: the alternation `w1|w2|…`, where several start at
/// one place the first in the list wins.
pub(crate) struct Alternation<'w> {
    words: Vec<&'w str>,
    /// The first characters of the words, sorted: most places in a text start none.
    firsts: Vec<char>,
    /// Whether a word starts with an ASCII character. When none does (Chinese words),
    /// runs of ASCII are passed without looking at each character.
    ascii_first: bool,
}

impl<'w> Alternation<'w> {
    pub(crate) fn new(words: impl IntoIterator<Item = &'w str>) -> Alternation<'w> {
        let words: Vec<&str> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let mut firsts: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        let ascii_first = firsts.first().is_some_and(char::is_ascii);
        Alternation {
            words,
            firsts,
            ascii_first,
        }
    }

    /// The occurrences in `text`, left to right, without overlap.
    pub(crate) fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || loop {
            if !self.ascii_first {
                at += text.as_bytes()[at..]
                    .iter()
                    .take_while(|b| b.is_ascii())
                    .count();
            }
            let ch = text[at..].chars().next()?;
            if self.firsts.binary_search(&ch).is_ok() {
                let rest = &text[at..];
                if let Some(word) = self.words.iter().find(|w| rest.starts_with(**w)) {
                    let start = at;
                    at += word.len();
                    return Some(start..at);
                }
            }
            at += ch.len_utf8();
        })
    }
}

// Pieces of patterns, for the scanners here and in `date` and `placeholder`. Each takes
// the text and a position, and returns the position after what it read.

/// `word`, exactly.
pub(crate) fn literal(text: &str, at: usize, word: &str) -> Option<usize> {
    let rest = text.as_bytes().get(at..)?;
    rest.starts_with(word.as_bytes()).then_some(at + word.len())
}

/// `[class]`: one ASCII byte of the class.
pub(crate) fn one(text: &str, at: usize, class: impl Fn(u8) -> bool) -> Option<usize> {
    text.as_bytes()
        .get(at)
        .is_some_and(|&b| class(b))
        .then_some(at + 1)
}

/// `[class]*`, greedy: the end of the longest run of the class from `at`.
pub(crate) fn star(text: &str, at: usize, class: impl Fn(u8) -> bool) -> usize {
    let rest = text.as_bytes().get(at..).unwrap_or_default();
    at + rest.iter().take_while(|&&b| class(b)).count()
}

/// `[class]+`, greedy.
pub(crate) fn plus(text: &str, at: usize, class: impl Fn(u8) -> bool) -> Option<usize> {
    let end = star(text, at, class);
    (end > at).then_some(end)
}

/// One character for which `pred` holds.
pub(crate) fn one_char(text: &str, at: usize, pred: impl Fn(char) -> bool) -> Option<usize> {
    let c = text.get(at..)?.chars().next().filter(|&c| pred(c))?;
    Some(at + c.len_utf8())
}

/// `\s*`, greedy: Unicode `White_Space`, which is the regex crate's `\s` and
/// `char::is_whitespace` (U+3000 takes three bytes).
pub(crate) fn spaces(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    at + (rest.len() - rest.trim_start_matches(char::is_whitespace).len())
}

/// The number of ASCII digits at the start of `bytes`.
pub(crate) fn digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// `[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?`: numerals, with
/// thousands separators or without, and a decimal part.
pub(crate) fn numerals(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(u8::is_ascii_digit)?;
        let run = digits(&bytes[start..]);
        let mut end = start + run;
        // `[0-9]{1,3}` must end where the run does for `,` to follow.
        if run <= 3 {
            while bytes.get(end) == Some(&b',') && digits(&bytes[end + 1..]) >= 3 {
                end += 4;
            }
        }
        if bytes.get(end) == Some(&b'.') {
            let decimals = digits(&bytes[end + 1..]);
            if decimals > 0 {
                end += 1 + decimals;
            }
        }
        at = end;
        Some(start..end)
    })
}

/// `[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+|\.[0-9]+)*`: a Latin word, and what a
/// name or version may join to it (`VQ-VAE`, `GPT-4o`, `Llama3.1`).
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(u8::is_ascii_alphabetic)?;
        let mut end = star(text, start, |b| b.is_ascii_alphanumeric());
        loop {
            let joined = match bytes.get(end) {
                Some(b'-' | b'_') => plus(text, end + 1, |b| b.is_ascii_alphanumeric()),
                Some(b'.') => plus(text, end + 1, |b| b.is_ascii_digit()),
                _ => None,
            };
            let Some(joined) = joined else { break };
            end = joined;
        }
        at = end;
        Some(start..end)
    })
}

/// `^ ?((?:19|20)[0-9]{2})`: the end of a year at the start of `text`, after at most
/// one space.
pub(crate) fn leading_year(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let from = usize::from(bytes.first() == Some(&b' '));
    let year = bytes.get(from..from + 4)?;
    (matches!(&year[..2], b"19" | b"20") && year[2..].iter().all(u8::is_ascii_digit))
        .then_some(from + 4)
}

/// `&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`: HTML character
/// references (`&amp;`, `&#38;`, `&#x26;`).
pub(crate) fn references(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let start = at + bytes[at..].iter().position(|&b| b == b'&')?;
        at = start + 1;
        // The name, digits or hex digits must all be taken for `;` to follow.
        let within = |from: usize, class: fn(u8) -> bool, most: usize| {
            plus(text, from, class).filter(|&end| end - from <= most)
        };
        let end = match (bytes.get(start + 1), bytes.get(start + 2)) {
            (Some(b), _) if b.is_ascii_alphabetic() => {
                within(start + 2, |b| b.is_ascii_alphanumeric(), 31)
            }
            (Some(b'#'), Some(b'x' | b'X')) => within(start + 3, |b| b.is_ascii_hexdigit(), 6),
            (Some(b'#'), _) => within(start + 2, |b| b.is_ascii_digit(), 7),
            _ => None,
        };
        if let Some(end) = end.and_then(|end| literal(text, end, ";")) {
            at = end;
            return Some(start..at);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    fn found(re: &str, text: &str) -> Vec<Range<usize>> {
        Regex::new(re)
            .unwrap()
            .find_iter(text)
            .map(|m| m.range())
            .collect()
    }

    /// Strings from pieces that make the patterns match often and fail in every way.
    fn text() -> impl Strategy<Value = String> {
        let pieces = vec![
            "a", "Z", "k", "v", "0", "1", "9", "19", "20", "24", "123", "1234", ",", ",000", ",12",
            ".", ".5", "-", "_", " ", "  ", "年", "一", "十", "万", "两", "é", "Ａ", "３", "\t",
            "%", "提升", "降低", "增加",
        ];
        prop::collection::vec(prop::sample::select(pieces), 0..16).prop_map(|p| p.concat())
    }

    fn references_text() -> impl Strategy<Value = String> {
        let pieces = vec![
            "&",
            ";",
            "#",
            "x",
            "X",
            "a",
            "F",
            "g",
            "0",
            "12345678",
            "abcdefghijklmnop",
            "é",
            " ",
        ];
        prop::collection::vec(prop::sample::select(pieces), 0..12).prop_map(|p| p.concat())
    }

    const HAN_NUMERALS: &str = "零〇一二两三四五六七八九十百千万亿";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn runs_are_the_regexes(text in text()) {
            prop_assert_eq!(runs(&text, latin).collect::<Vec<_>>(), found(r"[A-Za-z]+", &text));
            prop_assert_eq!(
                runs(&text, latin_or_digits).collect::<Vec<_>>(),
                found(r"[A-Za-z]+|[0-9]+", &text)
            );
            prop_assert_eq!(
                char_runs(&text, |c| HAN_NUMERALS.contains(c)).collect::<Vec<_>>(),
                found(&format!("[{HAN_NUMERALS}]+"), &text)
            );
        }

        #[test]
        fn numerals_are_the_regex(text in text()) {
            prop_assert_eq!(
                numerals(&text).collect::<Vec<_>>(),
                found(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?", &text)
            );
        }

        #[test]
        fn tokens_are_the_regex(text in text()) {
            prop_assert_eq!(
                tokens(&text).collect::<Vec<_>>(),
                found(r"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+|\.[0-9]+)*", &text)
            );
        }

        #[test]
        fn references_are_the_regex(text in references_text()) {
            prop_assert_eq!(
                references(&text).collect::<Vec<_>>(),
                found(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});", &text)
            );
        }

        #[test]
        fn leading_year_is_the_regex(text in text()) {
            let re = Regex::new(r"^ ?((?:19|20)[0-9]{2})").unwrap();
            prop_assert_eq!(leading_year(&text), re.find(&text).map(|m| m.end()));
        }

        #[test]
        fn alternatives_are_the_regex(text in text()) {
            // Chinese words only (ASCII is skipped in runs), and with ASCII words.
            let chinese = ["提升", "提", "降低", "增加", "加", "万"];
            let mixed = ["提升", "ab", "a", "万", "20"];
            for words in [&chinese[..], &mixed[..]] {
                prop_assert_eq!(
                    Alternation::new(words.iter().copied()).find_iter(&text).collect::<Vec<_>>(),
                    found(&words.join("|"), &text)
                );
            }
        }
    }

    #[test]
    fn examples() {
        let all = |found: Vec<Range<usize>>, text: &str| -> Vec<String> {
            found.into_iter().map(|r| text[r].to_string()).collect()
        };
        let table: [(&str, &[&str]); 6] = [
            ("1,234,567.89 and 12", &["1,234,567.89", "12"]),
            ("1234,567", &["1234", "567"]),
            ("1,2345", &["1,234", "5"]),
            ("3. 4.5.6", &["3", "4.5", "6"]),
            ("+6.35%", &["6.35"]),
            ("1,23", &["1", "23"]),
        ];
        for (text, want) in table {
            assert_eq!(all(numerals(text).collect(), text), want, "{text}");
        }
        let table: [(&str, &[&str]); 4] = [
            ("VQ-VAE and GPT-4o", &["VQ-VAE", "and", "GPT-4o"]),
            ("Llama3.1.x v2.", &["Llama3.1", "x", "v2"]),
            ("snake_case_ -x", &["snake_case", "x"]),
            ("3D 2.1pt", &["D", "pt"]),
        ];
        for (text, want) in table {
            assert_eq!(all(tokens(text).collect(), text), want, "{text}");
        }
        assert_eq!(leading_year(" 2026)"), Some(5));
        assert_eq!(leading_year("  2026"), None);
        assert_eq!(leading_year("2126"), None);
    }
}
