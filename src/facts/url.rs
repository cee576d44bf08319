//! Links (`http(s)://…`) and e-mail addresses.
//!
//! A link ends at whitespace, at Chinese text or punctuation, and loses trailing
//! sentence punctuation (`see https://a.io/x.` links to `https://a.io/x`). Links are
//! compared in a normal form: scheme and host lowercased, one trailing `/` dropped,
//! and path segments that name a language (`/zh/`, `/en-us/`, `?lang=zh-CN`)
//! generalised, as is a wiki's language namespace (`/wiki/Zh-hans:Page`), because
//! each language version rightly links its own locale. A placeholder in a link
//! (`/%{lang}/`) becomes `{}`: placeholder-mismatch compares its name. The
//! scheme stays: `https` and `http` differ.

use std::sync::LazyLock;

use regex::Regex;

use super::{FactKind, Scan};

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\bhttps?://[^\s<>"'`，。、；：！？（）【】「」《》\p{Han}]+"#).unwrap()
});
/// A placeholder inside a link (`%{lang}`, `{{id}}`, `{0}`, `${x}`).
static PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"%\{[^{}]*\}|\{\{[^{}]*\}\}|\$\{[^{}]*\}|\{[^{}]*\}").unwrap());
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}").unwrap()
});

/// Language codes that a localised link may carry.
const LANGUAGE_SEGMENTS: &[&str] = &[
    "zh", "cn", "zh-cn", "zh_cn", "zh-hans", "zh-tw", "zh-hk", "en", "en-us", "en_us", "en-gb",
    "english", "chinese",
];

pub(super) fn scan(scan: &mut Scan<'_>) {
    let text = scan.text;
    // Each regex is compiled on first use; text without the characters a match needs
    // never pays for it (most values of a résumé have no link or address).
    let links = if text.contains("://") {
        URL.find_iter(text).collect()
    } else {
        Vec::new()
    };
    for m in links {
        let end = m.start() + trim_url(m.as_str()).len();
        let range = m.start()..end;
        if range.is_empty() || !scan.free(&range) {
            continue;
        }
        scan.claim(range.clone(), FactKind::Url(normal_url(&text[range])));
    }
    let addresses = if text.contains('@') {
        EMAIL.find_iter(text).collect()
    } else {
        Vec::new()
    };
    for m in addresses {
        let local_start = m.as_str().trim_start_matches(['.', '-', '+']);
        let range = (m.end() - local_start.len())..m.end();
        if scan.free(&range) {
            scan.claim(range.clone(), FactKind::Email(text[range].to_lowercase()));
        }
    }
}

/// Drops sentence punctuation after a link, and a closing bracket it did not open.
fn trim_url(url: &str) -> &str {
    let mut url = url;
    loop {
        let last = url.chars().next_back();
        let unbalanced =
            |open: char, close: char| url.matches(open).count() < url.matches(close).count();
        url = match last {
            Some('.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"') => &url[..url.len() - 1],
            Some(')') if unbalanced('(', ')') => &url[..url.len() - 1],
            Some(']') if unbalanced('[', ']') => &url[..url.len() - 1],
            _ => return url,
        }
    }
}

/// The form in which two links are compared. A placeholder becomes `{}`: its name
/// is compared by `placeholder-mismatch`, once.
pub(crate) fn normal_url(url: &str) -> String {
    let url = PLACEHOLDER.replace_all(url, "{}");
    let (scheme, rest) = url.split_once("://").unwrap_or(("", &url));
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let path = path.strip_suffix('/').unwrap_or(path);
    let path: Vec<String> = path
        .split_inclusive(['/', '?', '&', '=', '#'])
        .map(|segment| {
            let bare = segment.trim_end_matches(['/', '?', '&', '=', '#']);
            // A wiki page in a language namespace (`Zh-hans:Beginners_guide`) is the
            // localised copy of the page without it.
            if let Some((prefix, _)) = bare.split_once(':') {
                if LANGUAGE_SEGMENTS.contains(&prefix.to_ascii_lowercase().as_str()) {
                    return segment.replacen(&format!("{prefix}:"), "", 1);
                }
            }
            if LANGUAGE_SEGMENTS.contains(&bare.to_ascii_lowercase().as_str()) {
                segment.replacen(bare, "{lang}", 1)
            } else {
                segment.to_string()
            }
        })
        .collect();
    format!(
        "{}://{}{}",
        scheme.to_ascii_lowercase(),
        host.to_ascii_lowercase(),
        path.concat()
    )
}

#[cfg(test)]
mod tests {
    use crate::facts::{extract, FactKind};
    use crate::source::Side;

    fn links(text: &str) -> Vec<String> {
        extract(text, Side::Zh)
            .items
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::Url(u) | FactKind::Email(u) => Some(u),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn equal_links() {
        let table = [
            ("详见 https://a.io/x。", "see https://a.io/x."),
            ("主页：https://A.io/", "Home: https://a.io"),
            ("（https://a.io/x）", "(https://a.io/x)"),
            ("https://a.io/zh/about", "https://a.io/en/about"),
            ("https://a.io/p?lang=zh-CN", "https://a.io/p?lang=en"),
            (
                "https://en.wikipedia.org/wiki/A_(b)",
                "https://en.wikipedia.org/wiki/A_(b).",
            ),
            ("邮箱：Me@Example.com。", "E-mail: me@example.com."),
            ("https://a.io/%{lang}/help", "https://a.io/%{locale}/help"),
            (
                "https://wiki.osm.org/wiki/Zh-hans:Beginners%27_guide",
                "https://wiki.osm.org/wiki/Beginners%27_guide",
            ),
            (
                "<a href=\"https://a.io/x\">这里</a>",
                "<a href='https://a.io/x'>here</a>",
            ),
        ];
        for (zh, en) in table {
            let (a, b) = (links(zh), links(en));
            assert!(!a.is_empty(), "{zh}");
            assert_eq!(a, b, "{zh} | {en}");
        }
    }

    #[test]
    fn unequal_links() {
        let table = [
            ("https://a.io/x", "http://a.io/x"),
            ("https://a.io/x", "https://a.io/y"),
            ("https://a.io/Docs", "https://a.io/docs"),
            ("https://wiki.a.io/x", "https://a.io/x"),
            ("me@example.com", "me@example.org"),
        ];
        for (zh, en) in table {
            assert_ne!(links(zh), links(en), "{zh} | {en}");
        }
    }

    #[test]
    fn digits_in_links_are_not_numbers() {
        let facts = crate::facts::tests::kinds("https://a.io/2024/07/v2.1.0?id=3", Side::En);
        assert_eq!(facts.len(), 1, "{facts:?}");
    }
}
