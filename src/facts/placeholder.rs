//! Interpolation placeholders (`%{count}`, `{{n}}`, `{0}`, `%s`, `%1$s`, `${x}`, ICU
//! `{count, plural, …}` heads) and versions (`v2.1.0`, `1.2.3`).
//!
//! Both are claimed before numbers, so their digits never count as quantities.

use std::sync::LazyLock;

use regex::Regex;

use super::{is_word_char, FactKind, Scan};

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"%\{[A-Za-z_][\w.]*\}|\{\{\s*[\w.]+\s*\}\}|\$\{[\w.]+\}|\{\d+\}|\{[A-Za-z_]\w*(?:\s*,\s*[a-z]+)?[},]|%(?:\d+\$)?[sdif@]",
    )
    .unwrap()
});
static VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[vV]\d+(?:\.\d+)+|\d+\.\d+\.\d+(?:\.\d+)*").unwrap());

pub(super) fn scan(scan: &mut Scan<'_>) {
    for m in PLACEHOLDER.find_iter(scan.text) {
        let mut range = m.range();
        if m.as_str().starts_with('{') && m.as_str().contains(',') {
            // An ICU message (`{count, plural, one {…} other {…}}`) is one placeholder:
            // its keywords (`one`, `other`) and inner text are not prose.
            range.end = balanced_end(scan.text, range.start).unwrap_or(range.end);
        }
        // `%s` in `100%sure` is not a placeholder: a printf conversion ends the word.
        if m.as_str().starts_with('%')
            && !m.as_str().ends_with('}')
            && is_word_char(scan.after(range.end))
        {
            continue;
        }
        if scan.free(&range) {
            let key: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
            scan.claim(
                range,
                FactKind::Placeholder(key.trim_end_matches(',').to_string()),
            );
        }
    }
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

pub(super) fn scan_versions(scan: &mut Scan<'_>) {
    for m in VERSION.find_iter(scan.text) {
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
                FactKind::Placeholder("{count,plural".into()),
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
}
