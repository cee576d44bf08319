//! Interpolation placeholders (`%{count}`, `%<count>d`, `{{n}}`, `{0}`, `{name}`, `%s`,
//! `%1$s`, `${x}`, ICU `{count, plural, …}` arguments), strftime formats (`%Y`, `%-d`)
//! and versions (`v2.1.0`, `1.2.3`, and broken ones such as `2.1..0`).
//!
//! All are claimed before numbers, so their digits never count as quantities.
//!
//! A placeholder's fact is its normal form: spaces dropped (`{{ n }}` = `{{n}}`), and an
//! ICU argument reduced to its name (`{count, plural, one {# item} other {# items}}` is
//! `{count}`, with the placeholders of its bodies counted once each), because Chinese
//! has only the `other` body and may order the bodies differently.
//!
//! A placeholder inside a link is a fact too (dropping `%{id}` from a link is a dropped
//! placeholder) but does not claim the link's bytes; `url.rs` folds it out of the
//! link's normal form so a renamed one is reported once, as a placeholder.
//!
//! strftime conversions (`%Y`, `%b`, `%-d`, `%H:%M`) are formats: a translation may
//! reorder them, so they are claimed (their letters are no terms) but never compared.
//! `%d` and `%s` are printf conversions unless the value holds a conversion that only
//! strftime has (`%Y`, `%m`, `%-d`...), as `%Y年%m月%d日` does.
//!
//! The patterns are matched by hand-written byte scanners, not regexes: `scan` runs on
//! every value, so every run compiled the regexes, about 2.4M instructions of the 28.7M
//! that checking the bundled résumé took; the scanners go through all its values in
//! about 0.25M. Each scanner's doc comment gives the regex it implements, which the
//! tests keep as its specification and check it against.

use std::collections::BTreeSet;
use std::ops::Range;

use super::lex::{literal, one, plus, spaces, star};
use super::{is_word_char, FactKind, Scan};

pub(super) fn scan(scan: &mut Scan<'_>) {
    let text = scan.text;
    if has_strftime_only(text) {
        for m in find_iter(text, find_strftime) {
            if scan.free(&m) {
                scan.mask(m);
            }
        }
    }
    for m in find_iter(text, find_placeholder) {
        let written = &text[m.clone()];
        // `%s` in `100%sure` is not a placeholder: a printf conversion ends the word.
        let printf =
            written.starts_with('%') && !written.ends_with('}') && !written.starts_with("%<");
        if printf && is_word_char(scan.after(m.end)) {
            continue;
        }
        if written.starts_with('{') && written.ends_with(',') {
            icu_argument(scan, m);
            continue;
        }
        let kind = FactKind::Placeholder(normal(written));
        if inside_link(scan, &m) {
            scan.note(m, kind);
        } else if scan.free(&m) {
            scan.claim(m, kind);
        }
    }
}

/// `{{ n }}` → `{{n}}`.
fn normal(written: &str) -> String {
    written.chars().filter(|c| !c.is_whitespace()).collect()
}

/// An ICU argument `{count, plural, one {…} other {…}}` starting at `head`: one
/// placeholder `{count}` over the whole group (its keywords and bodies are not prose),
/// and each distinct placeholder of the bodies once.
fn icu_argument(scan: &mut Scan<'_>, head: Range<usize>) {
    let end = balanced_end(scan.text, head.start).unwrap_or(head.end);
    let range = head.start..end;
    if !scan.free(&range) {
        return;
    }
    let name = argument_name(&scan.text[head.clone()]);
    let mut seen = BTreeSet::new();
    let mut inner = Vec::new();
    let body = &scan.text[head.end..end];
    for m in find_iter(body, find_placeholder) {
        let written = &body[m.clone()];
        let key = if written.ends_with(',') {
            format!("{{{}}}", argument_name(written))
        } else {
            normal(written)
        };
        if seen.insert(key.clone()) {
            inner.push((head.end + m.start..head.end + m.end, key));
        }
    }
    scan.claim(range, FactKind::Placeholder(format!("{{{name}}}")));
    for (range, key) in inner {
        scan.note(range, FactKind::Placeholder(key));
    }
}

/// `count` of `{count, plural,`.
fn argument_name(head: &str) -> &str {
    head[1..].split(',').next().unwrap_or("").trim()
}

/// Whether `range` lies inside a link found earlier.
fn inside_link(scan: &Scan<'_>, range: &Range<usize>) -> bool {
    scan.items.iter().any(|f| {
        matches!(f.kind, FactKind::Url(_))
            && f.range.start <= range.start
            && range.end <= f.range.end
    })
}

/// The end of the brace group that opens at `start`, if it closes.
fn balanced_end(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (at, ch) in text[start..].char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + at + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Versions, in the form written without a leading `v`. A broken one (`2.1..0`) is a
/// version too, so that it is compared, as a version, with the well-formed one.
pub(super) fn scan_versions(scan: &mut Scan<'_>) {
    let text = scan.text;
    for range in find_iter(text, find_version) {
        let before = scan.before(range.start);
        if is_word_char(before) || before == Some('.') || is_word_char(scan.after(range.end)) {
            continue;
        }
        if scan.free(&range) {
            let written = &text[range.clone()];
            let kind = FactKind::Version(written.trim_start_matches(['v', 'V']).to_string());
            scan.claim(range, kind);
        }
    }
}

// The scanners. Each gives the matches its regex gives under the regex crate's rules:
// the leftmost match wins, and at one position the first alternative that matches,
// with greedy repetition. A character class here is never followed by something it
// could also match, so taking the longest run of it is what backtracking would settle
// on; where an optional part can fail after it started, the scanner tries the rest
// without it, as backtracking would.

/// Non-overlapping matches, each search starting where the previous match ended, as
/// `Regex::find_iter` gives them (no pattern here matches the empty string).
fn find_iter(
    text: &str,
    find: fn(&str, usize) -> Option<Range<usize>>,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = find(text, from)?;
        from = found.end;
        Some(found)
    })
}

/// The leftmost match at or after `from` among the positions whose byte `starts`
/// accepts, `at` giving the end of the match at a position, if one starts there.
fn leftmost(
    text: &str,
    from: usize,
    starts: impl Fn(u8) -> bool,
    at: impl Fn(&str, usize) -> Option<usize>,
) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        let start = i + bytes.get(i..)?.iter().position(|&b| starts(b))?;
        if let Some(end) = at(text, start) {
            return Some(start..end);
        }
        i = start + 1;
    }
}

/// `%\{…\}|%<…>[sdifu]|\{\{…\}\}|\$\{…\}|\{[0-9]+\}|\{…[},]|%(?:[0-9]+\$)?[sdifu@]`: the
/// first placeholder at or after `from`.
fn find_placeholder(text: &str, from: usize) -> Option<Range<usize>> {
    leftmost(
        text,
        from,
        |b| matches!(b, b'%' | b'{' | b'$'),
        placeholder_at,
    )
}

/// The end of the placeholder starting at `i`: the alternatives in their order.
fn placeholder_at(text: &str, i: usize) -> Option<usize> {
    percent_brace(text, i)
        .or_else(|| percent_angle(text, i))
        .or_else(|| double_brace(text, i))
        .or_else(|| dollar_brace(text, i))
        .or_else(|| numbered(text, i))
        .or_else(|| brace_name(text, i))
        .or_else(|| printf(text, i))
}

/// `%\{[A-Za-z_][A-Za-z0-9_.]*\}`: `%{count}`.
fn percent_brace(text: &str, i: usize) -> Option<usize> {
    let i = one(text, literal(text, i, "%{")?, ident_start)?;
    literal(text, star(text, i, name_char), "}")
}

/// `%<[A-Za-z_][A-Za-z0-9_]*>[sdifu]`: `%<count>d`.
fn percent_angle(text: &str, i: usize) -> Option<usize> {
    let i = one(text, literal(text, i, "%<")?, ident_start)?;
    let i = literal(text, star(text, i, ident_char), ">")?;
    one(text, i, |b| b"sdifu".contains(&b))
}

/// `\{\{\s*[A-Za-z0-9_.]+\s*\}\}`: `{{ n }}`.
fn double_brace(text: &str, i: usize) -> Option<usize> {
    let i = plus(text, spaces(text, literal(text, i, "{{")?), name_char)?;
    literal(text, spaces(text, i), "}}")
}

/// `\$\{[A-Za-z0-9_.]+\}`: `${name}`.
fn dollar_brace(text: &str, i: usize) -> Option<usize> {
    literal(text, plus(text, literal(text, i, "${")?, name_char)?, "}")
}

/// `\{[0-9]+\}`: `{0}`.
fn numbered(text: &str, i: usize) -> Option<usize> {
    literal(text, plus(text, literal(text, i, "{")?, digit)?, "}")
}

/// `\{[A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[a-z]+)?[},]`: `{name}`, or the head of an ICU
/// argument, `{count, plural,` (or `{count,` when no keyword and `,` follow the name).
fn brace_name(text: &str, i: usize) -> Option<usize> {
    let i = one(text, literal(text, i, "{")?, ident_start)?;
    let i = star(text, i, ident_char);
    let close = |j| one(text, j, |b| b == b'}' || b == b',');
    keyword(text, i).and_then(close).or_else(|| close(i))
}

/// `\s*,\s*[a-z]+`: `, plural` of `{count, plural,`.
fn keyword(text: &str, i: usize) -> Option<usize> {
    let i = literal(text, spaces(text, i), ",")?;
    plus(text, spaces(text, i), |b| b.is_ascii_lowercase())
}

/// `%(?:[0-9]+\$)?[sdifu@]`: `%s`, `%1$s`.
fn printf(text: &str, i: usize) -> Option<usize> {
    let i = literal(text, i, "%")?;
    let conversion = |j| one(text, j, |b| b"sdifu@".contains(&b));
    plus(text, i, digit)
        .and_then(|j| literal(text, j, "$"))
        .and_then(conversion)
        .or_else(|| conversion(i))
}

/// The conversion letters of `STRFTIME`.
const STRFTIME_LETTERS: &[u8] = b"aAbBcCdDeFgGhHIjklmMnpPrRsSTuUVwWxXyYzZ";

/// The flags of a strftime conversion (`%-d`, `%_m`, `%^a`).
const STRFTIME_FLAGS: &[u8] = b"-_0^#";

/// `%[-_0^#]?[aAbBcCdDeFgGhHIjklmMnpPrRsSTuUVwWxXyYzZ]`: the first strftime conversion
/// at or after `from`, with an optional flag (`%-d`, `%_m`, `%^a`).
fn find_strftime(text: &str, from: usize) -> Option<Range<usize>> {
    leftmost(
        text,
        from,
        |b| b == b'%',
        |text, i| {
            let i = literal(text, i, "%")?;
            let letter = |j| one(text, j, |b| STRFTIME_LETTERS.contains(&b));
            one(text, i, |b| STRFTIME_FLAGS.contains(&b))
                .and_then(letter)
                .or_else(|| letter(i))
        },
    )
}

/// `%[-_0^#][a-zA-Z]|%[aAbBeHIjmMpPyYzZ](?:[^A-Za-z]|$)` anywhere in `text`: a
/// conversion that only strftime has, whose presence makes `%d` a day, not a number.
fn has_strftime_only(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices('%')
        .any(|(i, _)| flagged_letter(bytes, i) || strftime_only_letter(bytes, i))
}

/// `%[-_0^#][a-zA-Z]` at `i`: `%-q`.
fn flagged_letter(bytes: &[u8], i: usize) -> bool {
    bytes.get(i..i + 3).is_some_and(|conversion| {
        conversion[0] == b'%'
            && STRFTIME_FLAGS.contains(&conversion[1])
            && conversion[2].is_ascii_alphabetic()
    })
}

/// `%[aAbBeHIjmMpPyYzZ](?:[^A-Za-z]|$)` at `i`: `%Y` not followed by an ASCII letter.
/// Past the ASCII letter, `i + 2` is a character boundary: any byte there but an ASCII
/// letter starts a character that `[^A-Za-z]` matches.
fn strftime_only_letter(bytes: &[u8], i: usize) -> bool {
    bytes.get(i..i + 2).is_some_and(|conversion| {
        conversion[0] == b'%' && b"aAbBeHIjmMpPyYzZ".contains(&conversion[1])
    }) && !bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic)
}

/// `[vV][0-9]+(?:\.{1,3}[0-9]+)+|[0-9]+(?:\.{1,3}[0-9]+){2,}`: the first version at or
/// after `from`.
fn find_version(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        let start = i + bytes
            .get(i..)?
            .iter()
            .position(|&b| matches!(b, b'0'..=b'9' | b'v' | b'V'))?;
        if let Some(end) = v_version(text, start).or_else(|| dotted(text, start)) {
            return Some(start..end);
        }
        // A later start inside this run of digits cannot be `[vV]` and is followed by
        // the same parts: it fails too. Skipping the run keeps the search linear, as
        // the regex's is.
        i = if digit(bytes[start]) {
            star(text, start, digit)
        } else {
            start + 1
        };
    }
}

/// `[vV][0-9]+(?:\.{1,3}[0-9]+)+`: `v2.1`, `V1.2.0`.
fn v_version(text: &str, i: usize) -> Option<usize> {
    let i = one(text, i, |b| b == b'v' || b == b'V')?;
    parts(text, plus(text, i, digit)?, 1)
}

/// `[0-9]+(?:\.{1,3}[0-9]+){2,}`: `2.1.0`, `2.1..0`.
fn dotted(text: &str, i: usize) -> Option<usize> {
    parts(text, plus(text, i, digit)?, 2)
}

/// `(?:\.{1,3}[0-9]+){min,}`: every part that follows, if at least `min` do. Giving a
/// part back never helps: the next part cannot start on the digits it leaves.
fn parts(text: &str, mut i: usize, min: usize) -> Option<usize> {
    let mut count = 0;
    while let Some(end) = part(text, i) {
        i = end;
        count += 1;
    }
    (count >= min).then_some(i)
}

/// `\.{1,3}[0-9]+`: one to three dots, then digits. After four dots or more, no number
/// of dots up to three is followed by a digit.
fn part(text: &str, i: usize) -> Option<usize> {
    let dots = star(text, i, |b| b == b'.');
    if !(1..=3).contains(&(dots - i)) {
        return None;
    }
    plus(text, dots, digit)
}

/// `[A-Za-z_]`
fn ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

/// `[A-Za-z0-9_]`
fn ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `[A-Za-z0-9_.]`
fn name_char(b: u8) -> bool {
    ident_char(b) || b == b'.'
}

/// `[0-9]`
fn digit(b: u8) -> bool {
    b.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use std::ops::Range;
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::Regex;

    use super::{find_iter, find_placeholder, find_strftime, find_version, has_strftime_only};
    use crate::facts::tests::kinds;
    use crate::facts::FactKind;
    use crate::source::Side;

    // The specification of the scanners: the regexes they replace.
    static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"%\{[A-Za-z_][A-Za-z0-9_.]*\}|%<[A-Za-z_][A-Za-z0-9_]*>[sdifu]|\{\{\s*[A-Za-z0-9_.]+\s*\}\}|\$\{[A-Za-z0-9_.]+\}|\{[0-9]+\}|\{[A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[a-z]+)?[},]|%(?:[0-9]+\$)?[sdifu@]",
        )
        .unwrap()
    });
    static STRFTIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"%[-_0^#]?[aAbBcCdDeFgGhHIjklmMnpPrRsSTuUVwWxXyYzZ]").unwrap()
    });
    static STRFTIME_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"%[-_0^#][a-zA-Z]|%[aAbBeHIjmMpPyYzZ](?:[^A-Za-z]|$)").unwrap()
    });
    static VERSION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[vV][0-9]+(?:\.{1,3}[0-9]+)+|[0-9]+(?:\.{1,3}[0-9]+){2,}").unwrap()
    });

    type Find = fn(&str, usize) -> Option<Range<usize>>;

    /// The scanners beside the regexes they implement.
    fn pairs() -> [(Find, &'static Regex); 3] {
        [
            (find_placeholder, &PLACEHOLDER),
            (find_strftime, &STRFTIME),
            (find_version, &VERSION),
        ]
    }

    fn scanned(text: &str, find: Find) -> Vec<&str> {
        find_iter(text, find).map(|m| &text[m]).collect()
    }

    fn regex_found<'t>(text: &'t str, regex: &Regex) -> Vec<&'t str> {
        regex.find_iter(text).map(|m| m.as_str()).collect()
    }

    /// Every scanner finds what its regex finds in `text`, at the same offsets.
    fn assert_same(text: &str) -> Result<(), TestCaseError> {
        for (find, regex) in pairs() {
            let want: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
            let got: Vec<_> = find_iter(text, find).collect();
            prop_assert_eq!(got, want, "{:?} in {:?}", regex.as_str(), text);
        }
        prop_assert_eq!(
            has_strftime_only(text),
            STRFTIME_ONLY.is_match(text),
            "strftime-only in {:?}",
            text
        );
        Ok(())
    }

    /// Strings of pieces that make the patterns match often: their brackets, sigils,
    /// letters, digits and dots, Unicode spaces (`\s` is Unicode) and a Chinese
    /// character (`[^A-Za-z]` is any other character).
    fn pieces(alphabet: &[&'static str]) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(alphabet.to_vec()), 0..14)
            .prop_map(|pieces| pieces.concat())
    }

    const PLACEHOLDER_PIECES: &[&str] = &[
        "%", "%{", "%{n", "%<", "%<n", "%1$", "$", "{", "}", "{{", "}}", "${", "${n", "{{ ", " }}",
        "{{\u{a0}", "\u{a0}}}", "{n", "{n, ", "{0", ", plural", ", ", "plural", "P", ",", " ",
        "\u{3000}", "n", "_", ".", "1", ">d", ">", "s", "@", "x", "中",
    ];

    const STRFTIME_PIECES: &[&str] = &[
        "%", "%", "%%", "%-", "%_", "-", "_", "0", "^", "#", "a", "A", "b", "B", "c", "d", "D",
        "e", "E", "f", "H", "I", "j", "J", "m", "M", "o", "p", "P", "q", "s", "v", "V", "y", "Y",
        "z", "Z", " ", ":", "1", "中",
    ];

    const VERSION_PIECES: &[&str] = &[
        "v", "V", "v1", "1", "23", ".", ".", "..", "...", "....", "1.", ".2", " ", "x", "中",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(8192))]

        #[test]
        fn placeholder_scanner_is_its_regex(text in pieces(PLACEHOLDER_PIECES)) {
            assert_same(&text)?;
        }

        #[test]
        fn strftime_scanners_are_their_regexes(text in pieces(STRFTIME_PIECES)) {
            assert_same(&text)?;
        }

        #[test]
        fn version_scanner_is_its_regex(text in pieces(VERSION_PIECES)) {
            assert_same(&text)?;
        }

        #[test]
        fn scanners_are_their_regexes_on_mixed_text(
            text in pieces(&[PLACEHOLDER_PIECES, STRFTIME_PIECES, VERSION_PIECES].concat())
        ) {
            assert_same(&text)?;
        }

        #[test]
        fn scanners_are_their_regexes_on_any_text(text in "\\PC{0,24}") {
            assert_same(&text)?;
        }
    }

    /// `\s` and `char::is_whitespace` are both Unicode `White_Space`: check every
    /// character, as the Unicode tables of the regex crate and of std could differ.
    #[test]
    fn regex_space_is_char_whitespace() {
        let all: String = (0..=char::MAX as u32).filter_map(char::from_u32).collect();
        let regex: Vec<&str> = Regex::new(r"\s")
            .unwrap()
            .find_iter(&all)
            .map(|m| m.as_str())
            .collect();
        let chars: Vec<String> = all
            .chars()
            .filter(|c| c.is_whitespace())
            .map(String::from)
            .collect();
        assert_eq!(regex, chars);
    }

    #[test]
    fn placeholder_scanner_at_the_tricky_spots() {
        let table: [(&str, &[&str]); 24] = [
            // Leftmost-first: `{{…}}` is tried before `{…}`, and when it fails `{…}`
            // may match one byte later.
            ("{{user}}", &["{{user}}"]),
            ("{{user}", &["{user}"]),
            ("{{ user }}", &["{{ user }}"]),
            ("{{\u{3000}n\u{3000}}}", &["{{\u{3000}n\u{3000}}}"]),
            ("{{ user }", &[]),
            ("{{{n}}}", &["{{n}}"]),
            ("{{a.b}}x{0}", &["{{a.b}}", "{0}"]),
            // The name classes stop at braces.
            ("%{a{b}", &["{b}"]),
            ("%{a}b}", &["%{a}"]),
            ("${a}}", &["${a}"]),
            ("${}", &[]),
            ("{a.b}", &[]),
            // The optional `\s*,\s*[a-z]+` of an ICU head, taken or given back.
            ("{count, plural, one {# item}}", &["{count, plural,"]),
            ("{n, plural}", &["{n, plural}"]),
            ("{n, Plural}", &["{n,"]),
            ("{n, plural one}", &["{n,"]),
            ("{n,}", &["{n,"]),
            ("{n ,x,", &["{n ,x,"]),
            // printf: the optional `[0-9]+\$` given back.
            ("%1$s %2$@ %1$x %1s %s", &["%1$s", "%2$@", "%s"]),
            ("%<count>d %<n>x %{a.b}", &["%<count>d", "%{a.b}"]),
            ("%%s", &["%s"]),
            ("100%sure", &["%s"]),
            ("{0}{12}{}", &["{0}", "{12}"]),
            ("中{n}文", &["{n}"]),
        ];
        for (text, want) in table {
            assert_eq!(scanned(text, find_placeholder), want, "{text}");
            assert_eq!(regex_found(text, &PLACEHOLDER), want, "regex: {text}");
        }
    }

    #[test]
    fn strftime_scanners_at_the_tricky_spots() {
        let table: [(&str, &[&str], bool); 9] = [
            ("%Y年%m月%d日", &["%Y", "%m", "%d"], true),
            (
                "%-d %_m %^a %#Z %0e",
                &["%-d", "%_m", "%^a", "%#Z", "%0e"],
                true,
            ),
            // A flag before a letter strftime lacks: no conversion, but strftime-only.
            ("%-q", &[], true),
            // A flag given back: `%-` then a non-letter.
            ("%-%d", &["%d"], false),
            ("%d %s", &["%d", "%s"], false),
            // `%Y` followed by a letter is no strftime-only conversion; at the end it is.
            ("%Yx", &["%Y"], false),
            ("x%Y", &["%Y"], true),
            ("%m中", &["%m"], true),
            ("%%", &[], false),
        ];
        for (text, want, only) in table {
            assert_eq!(scanned(text, find_strftime), want, "{text}");
            assert_eq!(regex_found(text, &STRFTIME), want, "regex: {text}");
            assert_eq!(has_strftime_only(text), only, "{text}");
            assert_eq!(STRFTIME_ONLY.is_match(text), only, "regex: {text}");
        }
    }

    #[test]
    fn version_scanner_at_the_tricky_spots() {
        let table: [(&str, &[&str]); 16] = [
            ("v1.2", &["v1.2"]),
            ("1.2", &[]),
            ("1.2.3", &["1.2.3"]),
            ("v1.2.3", &["v1.2.3"]),
            ("vv1.2 Vx1.2", &["v1.2"]),
            // `\.{1,3}`: up to three dots; four stop the version.
            ("1...2...3", &["1...2...3"]),
            ("1.2....3", &[]),
            ("1.2.3....4", &["1.2.3"]),
            ("1....2.3.4", &["2.3.4"]),
            ("v1....2", &[]),
            // `{2,}`: two parts at least, as many as follow.
            ("1.2.3.4.5", &["1.2.3.4.5"]),
            ("12.34.", &[]),
            ("1.2.3.", &["1.2.3"]),
            // Non-overlapping: the search goes on after the previous version.
            ("1.2.3.4 v5.6", &["1.2.3.4", "v5.6"]),
            ("v1.2.3v4.5", &["v1.2.3", "v4.5"]),
            ("版本3.0.1。", &["3.0.1"]),
        ];
        for (text, want) in table {
            assert_eq!(scanned(text, find_version), want, "{text}");
            assert_eq!(regex_found(text, &VERSION), want, "regex: {text}");
        }
    }

    #[test]
    fn placeholders_and_versions_are_not_numbers() {
        let table: [(&str, FactKind); 8] = [
            ("共 %{count} 项", FactKind::Placeholder("%{count}".into())),
            ("{{ n }} items", FactKind::Placeholder("{{n}}".into())),
            ("第{0}页", FactKind::Placeholder("{0}".into())),
            ("%1$s 条", FactKind::Placeholder("%1$s".into())),
            (
                "{count, plural, one {# item} other {# items}}",
                FactKind::Placeholder("{count}".into()),
            ),
            ("升级到 v2.1.0", FactKind::Version("2.1.0".into())),
            ("version 2.1.0", FactKind::Version("2.1.0".into())),
            ("${name}", FactKind::Placeholder("${name}".into())),
        ];
        for (text, want) in table {
            let got = kinds(text, Side::En);
            assert_eq!(got.first(), Some(&want), "{text}: {got:?}");
            assert!(
                !got.iter().any(|k| matches!(k, FactKind::Number(_))),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_percent_before_a_word_is_not_a_placeholder() {
        let got = kinds("100%sure", Side::En);
        assert!(
            !got.iter().any(|k| matches!(k, FactKind::Placeholder(_))),
            "{got:?}"
        );
    }

    fn of(text: &str, pick: fn(&FactKind) -> Option<String>) -> Vec<String> {
        kinds(text, Side::Zh).iter().filter_map(pick).collect()
    }

    fn placeholder(k: &FactKind) -> Option<String> {
        match k {
            FactKind::Placeholder(p) => Some(p.clone()),
            _ => None,
        }
    }

    fn version(k: &FactKind) -> Option<String> {
        match k {
            FactKind::Version(v) => Some(v.clone()),
            _ => None,
        }
    }

    #[test]
    fn strftime_formats_are_no_placeholders_terms_or_numbers() {
        for text in [
            "%Y年%-m月%-d日",
            "%Y-%m-%d %H:%M:%S %Z",
            "%b %e, %Y",
            "%Y年%m月%d日",
            "%-d %B",
        ] {
            let got = kinds(text, Side::Zh);
            assert!(
                got.iter().all(|k| !matches!(
                    k,
                    FactKind::Placeholder(_) | FactKind::Term(_) | FactKind::Number(_)
                )),
                "{text}: {got:?}"
            );
        }
        // Without a strftime-only conversion, `%d` is printf's.
        assert_eq!(of("共 %d 项", placeholder), ["%d"]);
    }

    #[test]
    fn placeholder_normal_forms() {
        let table: [(&str, &[&str]); 7] = [
            ("{{ name }}", &["{{name}}"]),
            ("%<count>d 条", &["%<count>d"]),
            ("{n, plural, other {{user} 的 # 个}}", &["{n}", "{user}"]),
            (
                "{n, plural, one {# of {user}} other {# of {user}}}",
                &["{n}", "{user}"],
            ),
            ("{gender, select, male {他} other {她}}", &["{gender}"]),
            ("https://a.io/%{lang}/help", &["%{lang}"]),
            ("<a href=\"%{url}\">%{name}</a>", &["%{url}", "%{name}"]),
        ];
        for (text, want) in table {
            assert_eq!(of(text, placeholder), want, "{text}");
        }
    }

    #[test]
    fn versions_equal_and_unequal() {
        let equal = [
            ("v2.1.0", "2.1.0"),
            ("V1.2", "v1.2"),
            ("版本 3.0.1。", "version 3.0.1."),
        ];
        for (a, b) in equal {
            assert_eq!(of(a, version), of(b, version), "{a} | {b}");
            assert!(!of(a, version).is_empty(), "{a}");
        }
        let unequal = [
            ("v2.1.0", "2.1..0"),
            ("2.1.0", "2.10.0"),
            ("v2.1", "v2.1.1"),
        ];
        for (a, b) in unequal {
            assert_ne!(of(a, version), of(b, version), "{a} | {b}");
        }
        assert_eq!(of("需要 2.1..0 或更高", version), ["2.1..0"]);
        // A decimal and a Ruby range are no versions.
        assert!(of("1.5 倍，1..10", version).is_empty());
    }
}
