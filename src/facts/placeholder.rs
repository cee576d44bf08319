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

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{is_word_char, FactKind, Scan};

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"%\{[A-Za-z_][A-Za-z0-9_.]*\}|%<[A-Za-z_][A-Za-z0-9_]*>[sdifu]|\{\{\s*[A-Za-z0-9_.]+\s*\}\}|\$\{[A-Za-z0-9_.]+\}|\{[0-9]+\}|\{[A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[a-z]+)?[},]|%(?:[0-9]+\$)?[sdifu@]",
    )
    .unwrap()
});
/// A strftime conversion with an optional flag (`%-d`, `%_m`, `%^a`).
static STRFTIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"%[-_0^#]?[aAbBcCdDeFgGhHIjklmMnpPrRsSTuUVwWxXyYzZ]").unwrap());
/// Conversions that only strftime has: their presence makes `%d` a day, not a number.
static STRFTIME_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"%[-_0^#][a-zA-Z]|%[aAbBeHIjmMpPyYzZ](?:[^A-Za-z]|$)").unwrap());
static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[vV][0-9]+(?:\.{1,3}[0-9]+)+|[0-9]+(?:\.{1,3}[0-9]+){2,}").unwrap()
});

pub(super) fn scan(scan: &mut Scan<'_>) {
    if STRFTIME_ONLY.is_match(scan.text) {
        for m in STRFTIME.find_iter(scan.text) {
            if scan.free(&m.range()) {
                scan.mask(m.range());
            }
        }
    }
    for m in PLACEHOLDER.find_iter(scan.text) {
        let written = m.as_str();
        // `%s` in `100%sure` is not a placeholder: a printf conversion ends the word.
        let printf =
            written.starts_with('%') && !written.ends_with('}') && !written.starts_with("%<");
        if printf && is_word_char(scan.after(m.end())) {
            continue;
        }
        if written.starts_with('{') && written.ends_with(',') {
            icu_argument(scan, m.range());
            continue;
        }
        let kind = FactKind::Placeholder(normal(written));
        if inside_link(scan, &m.range()) {
            scan.note(m.range(), kind);
        } else if scan.free(&m.range()) {
            scan.claim(m.range(), kind);
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
    for m in PLACEHOLDER.find_iter(&scan.text[head.end..end]) {
        let written = m.as_str();
        let key = if written.ends_with(',') {
            format!("{{{}}}", argument_name(written))
        } else {
            normal(written)
        };
        if seen.insert(key.clone()) {
            inner.push((head.end + m.start()..head.end + m.end(), key));
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
    // Every version has a `.`; text without one never compiles the regex.
    let found: Vec<_> = if scan.text.contains('.') {
        VERSION.find_iter(scan.text).collect()
    } else {
        Vec::new()
    };
    for m in found {
        let range = m.range();
        let before = scan.before(range.start);
        if is_word_char(before) || before == Some('.') || is_word_char(scan.after(range.end)) {
            continue;
        }
        if scan.free(&range) {
            scan.claim(
                range,
                FactKind::Version(m.as_str().trim_start_matches(['v', 'V']).to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::tests::kinds;
    use crate::facts::FactKind;
    use crate::source::Side;

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
