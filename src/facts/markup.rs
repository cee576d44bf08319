//! HTML markup inside a string: `<a href="...">`, `<strong>`, `<br/>`.
//!
//! A tag is read as its signature, the lowercased name with the sorted names of its
//! attributes (`a[href,target]`, `/a`, `br/`), so a translation may reorder
//! attributes and change their text, but not drop, add or rename a tag.
//!
//! Runs after links and placeholders, which keep what they found inside a tag (the
//! link of an `href`, a `%{url}`); the tag then claims all its bytes, so class names
//! and other attribute values (`btn btn-primary`) are never terms or numbers.
//! Character references (`&nbsp;`, `&raquo;`, `&#169;`) are claimed as no fact: they
//! are spelling, not content.

use std::sync::LazyLock;

use regex::Regex;

use super::{lex, FactKind, Scan};

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*)\s*(/?)>"#)
        .expect("valid regex")
});

static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?"#)
        .expect("valid regex")
});

/// The signature of every tag in `text`, with its byte range.
pub(crate) fn tags(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    if !text.contains('<') {
        return Vec::new();
    }
    TAG.captures_iter(text)
        .map(|c| {
            let whole = c.get(0).expect("match");
            let mut attributes: Vec<String> = ATTRIBUTE
                .captures_iter(&c[3])
                .map(|a| a[1].to_ascii_lowercase())
                .collect();
            attributes.sort();
            let mut signature = format!("{}{}", &c[1], c[2].to_ascii_lowercase());
            if !attributes.is_empty() {
                signature.push_str(&format!("[{}]", attributes.join(",")));
            }
            signature.push_str(&c[4]);
            (whole.range(), signature)
        })
        .collect()
}

/// Adds the tags of the text as facts and claims their bytes, and those of character
/// references.
pub(super) fn scan(scan: &mut Scan<'_>) {
    for (range, signature) in tags(scan.text) {
        scan.claim(range, FactKind::Tag(signature));
    }
    if scan.text.contains('&') {
        for m in lex::references(scan.text) {
            scan.mask(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tags;

    fn signatures(text: &str) -> Vec<String> {
        tags(text).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn table() {
        let table: [(&str, &[&str]); 6] = [
            (
                "<a href=\"https://x.org\" target=_blank>x</a>",
                &["a[href,target]", "/a"],
            ),
            (
                "<A TARGET='_blank' HREF=\"y\">链接</A>",
                &["a[href,target]", "/a"],
            ),
            ("第一行<br/>第二行<br>", &["br/", "br"]),
            ("<strong>%{count}</strong> 条", &["strong", "/strong"]),
            ("a < b and c > d", &[]),
            ("3 <= x", &[]),
        ];
        for (text, want) in table {
            assert_eq!(signatures(text), want, "{text}");
        }
    }
}
