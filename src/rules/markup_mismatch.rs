//! An HTML tag that is dropped, added or changed in translation.
//!
//! ## What it does
//! Reads every HTML tag of both sides as its signature: the lowercased name with the
//! sorted names of its attributes (`<a href="…" target="_blank">` is `a[href,target]`,
//! `</a>` is `/a`, `<br/>` is `br/`), and compares the signatures as multisets. A
//! translation may move tags, reorder attributes and change their text; a tag left
//! over on one side is reported, paired with one left over on the other where there is
//! one. Links inside tags (`href`) are compared by `url-mismatch`; `a < b` is no tag.
//!
//! ## Why is this bad?
//! A `*_html` string is inserted into a page as markup. A lost `</strong>` bolds the
//! rest of the page, a lost `<a>` removes the link the sentence points to, and a tag
//! that lost its `target` opens somewhere else in one language only.
//!
//! ## Example
//! ```yaml
//! # zh.yml
//! zh:
//!   notice_html: 请先<a href="/login">登录</a>
//! # en.yml
//! en:
//!   notice_html: Please <a href="/login">sign in</a> <strong>first</strong>
//! ```
//! gives `tag <strong> in en, missing in zh` and `tag </strong> in en, missing in zh`.

use crate::facts::{FactKind, Facts};
use crate::rules::{mark, same_text, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    let tags = |facts: &Facts| -> Vec<usize> {
        (0..facts.items.len())
            .filter(|&k| matches!(facts.items[k].kind, FactKind::Tag(_)))
            .collect()
    };
    let signature = |facts: &Facts, k: usize| match &facts.items[k].kind {
        FactKind::Tag(t) => t.clone(),
        _ => unreachable!("index of a tag"),
    };
    let mut en_left = tags(pair.en.facts);
    let mut zh_left = Vec::new();
    for z in tags(pair.zh.facts) {
        let key = signature(pair.zh.facts, z);
        match en_left
            .iter()
            .position(|&e| signature(pair.en.facts, e) == key)
        {
            Some(at) => {
                en_left.remove(at);
            }
            None => zh_left.push(z),
        }
    }
    for k in 0..zh_left.len().max(en_left.len()) {
        let z = zh_left.get(k).copied();
        let e = en_left.get(k).copied();
        let shown = |facts: &Facts, k: usize| shown(&signature(facts, k));
        let message = match (z, e) {
            (Some(z), Some(e)) => format!(
                "tag {} in zh, {} in en",
                shown(pair.zh.facts, z),
                shown(pair.en.facts, e)
            ),
            (Some(z), None) => format!("tag {} in zh, missing in en", shown(pair.zh.facts, z)),
            (None, Some(e)) => format!("tag {} in en, missing in zh", shown(pair.en.facts, e)),
            (None, None) => continue,
        };
        out.push(Hit {
            rule: "markup-mismatch",
            message,
            zh: mark(z.map(|z| &pair.zh.facts.items[z].range)),
            en: mark(e.map(|e| &pair.en.facts.items[e].range)),
        });
    }
}

/// A signature as a reader recognises it: `a[href,target]` → `<a href target>`,
/// `/strong` → `</strong>`, `br/` → `<br/>`.
fn shown(signature: &str) -> String {
    let (name, attributes) = match signature.split_once('[') {
        Some((name, rest)) => {
            let (list, close) = rest.split_once(']').unwrap_or((rest, ""));
            (format!("{name}{close}"), list.replace(',', " "))
        }
        None => (signature.to_string(), String::new()),
    };
    let (name, slash) = match name.strip_suffix('/') {
        Some(n) => (n.to_string(), "/"),
        None => (name, ""),
    };
    if attributes.is_empty() {
        format!("<{name}{slash}>")
    } else {
        format!("<{name} {attributes}{slash}>")
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    fn messages(zh: &str, en: &str) -> Vec<String> {
        crate::rules::messages_of(super::check, "k", zh, en)
    }

    #[test]
    fn signatures_are_shown_as_tags() {
        assert_eq!(shown("a[href,target]"), "<a href target>");
        assert_eq!(shown("/strong"), "</strong>");
        assert_eq!(shown("br/"), "<br/>");
        assert_eq!(shown("img[src]/"), "<img src/>");
    }

    #[test]
    fn equal_markup() {
        let table = [
            (
                "请<a href=\"/x\" target=\"_blank\">登录</a>",
                "Please <a target='_blank' href=\"/x\">sign in</a>",
            ),
            (
                "<strong>注意</strong>：<br>换行",
                "<br>new line, <strong>note</strong>",
            ),
            ("a < b，c > d", "a < b and c > d"),
            (
                "<span class=\"btn btn-primary\">登录</span>",
                "<span class=\"btn btn-primary\">Sign in</span>",
            ),
        ];
        for (zh, en) in table {
            assert_eq!(messages(zh, en), Vec::<String>::new(), "{zh} | {en}");
        }
    }

    #[test]
    fn unequal_markup() {
        let table = [
            (
                "请先<a href=\"/login\">登录</a>",
                "Please <a href=\"/login\">sign in</a> <strong>first</strong>",
                "tag <strong> in en, missing in zh",
            ),
            (
                "<a href=\"/x\">这里</a>",
                "<a href=\"/x\" target=\"_blank\">here</a>",
                "tag <a href> in zh, <a href target> in en",
            ),
            ("<b>粗体", "<b>bold</b>", "tag </b> in en, missing in zh"),
        ];
        for (zh, en, want) in table {
            let got = messages(zh, en);
            assert!(got.iter().any(|m| m == want), "{zh} | {en}: {got:?}");
        }
    }
}
