//! An interpolation placeholder that is renamed, dropped or added in translation.
//!
//! ## What it does
//! Compares the placeholders of a zh value and its en translation as multisets:
//! Rails `%{name}` and `%<name>s`, `{{name}}`, `{name}`, `{0}`, `${name}`, printf `%s`,
//! `%d`, `%1$s`, and ICU arguments (`{count, plural, one {# item} other {# items}}`
//! counts as `{count}`, plus the placeholders of its bodies once each). Placeholders
//! inside links count too. A placeholder left over on each side is reported as a
//! rename, naming both; one left over on one side only as dropped or added.
//!
//! strftime conversions (`%Y`, `%b`, `%-d`) are formats, not placeholders: their order
//! and choice rightly change between languages. In a CLDR plural form `one` (`zero`,
//! `two`), one side may write the count (`1 条消息`, `one minute`) where the other
//! interpolates it (`%{count} message`); that is no finding.
//!
//! ## Why is this bad?
//! The program fills placeholders by name. A renamed one is printed raw or raises a
//! missing-interpolation error at run time; a dropped one silently loses the value
//! (the user never sees which address the mail went to).
//!
//! ## Example
//! ```yaml
//! # zh.yml
//! zh:
//!   notice_sent: "邮件已发送至 %{mail}"
//! # en.yml
//! en:
//!   notice_sent: "An email was sent to %{email}"
//! ```
//! gives `placeholder %{mail} in zh renamed to %{email} in en`.

use crate::facts::{FactKind, Facts};
use crate::rules::{mark, plural_count, Hit, TextPair};

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    let (zh_left, en_left) = leftovers(pair.zh.facts, pair.en.facts);
    // A count written out on one side stands for the count placeholder of the other.
    let count = plural_count(pair.path);
    let excused = |left: &[usize], other: &Facts| {
        count
            .as_ref()
            .is_some_and(|n| other.numbers().any(|(_, x)| x.value() == *n))
            && left.len() == 1
    };
    let zh_left = if excused(&zh_left, pair.en.facts) && en_left.is_empty() {
        Vec::new()
    } else {
        zh_left
    };
    let en_left = if excused(&en_left, pair.zh.facts) && zh_left.is_empty() {
        Vec::new()
    } else {
        en_left
    };
    let name = |facts: &Facts, k: usize| match &facts.items[k].kind {
        FactKind::Placeholder(p) => p.clone(),
        _ => unreachable!("index of a placeholder"),
    };
    for k in 0..zh_left.len().max(en_left.len()) {
        let z = zh_left.get(k).copied();
        let e = en_left.get(k).copied();
        let message = match (z, e) {
            (Some(z), Some(e)) => format!(
                "placeholder {} in zh renamed to {} in en",
                name(pair.zh.facts, z),
                name(pair.en.facts, e)
            ),
            (Some(z), None) => format!(
                "placeholder {} in zh, missing in en",
                name(pair.zh.facts, z)
            ),
            (None, Some(e)) => format!(
                "placeholder {} in en, missing in zh",
                name(pair.en.facts, e)
            ),
            (None, None) => continue,
        };
        out.push(Hit {
            rule: "placeholder-mismatch",
            message,
            zh: mark(z.map(|z| &pair.zh.facts.items[z].range)),
            en: mark(e.map(|e| &pair.en.facts.items[e].range)),
        });
    }
}

/// The placeholders of each side that the other side lacks, in text order.
pub(crate) fn leftovers(zh: &Facts, en: &Facts) -> (Vec<usize>, Vec<usize>) {
    let list = |facts: &Facts| -> Vec<(usize, String)> {
        facts
            .items
            .iter()
            .enumerate()
            .filter_map(|(k, f)| match &f.kind {
                FactKind::Placeholder(p) => Some((k, p.clone())),
                _ => None,
            })
            .collect()
    };
    let mut en_all = list(en);
    let mut zh_left = Vec::new();
    for (k, key) in list(zh) {
        match en_all.iter().position(|(_, e)| *e == key) {
            Some(at) => {
                en_all.remove(at);
            }
            None => zh_left.push(k),
        }
    }
    (zh_left, en_all.into_iter().map(|(k, _)| k).collect())
}

#[cfg(test)]
mod tests {

    fn messages(path: &str, zh: &str, en: &str) -> Vec<String> {
        crate::rules::messages_of(super::check, path, zh, en)
    }

    #[test]
    fn equal_placeholders() {
        let table = [
            (
                "k",
                "您好，%{name}，共 %{count} 条",
                "Hi %{name}, %{count} items",
            ),
            ("k", "%{count} 条，%{name}", "%{name}: %{count} items"),
            ("k", "{{ n }} 项", "{{n}} items"),
            ("k", "第 {0} 页，共 {1} 页", "page {0} of {1}"),
            ("k", "%s 的 %d 条", "%d items of %s"),
            ("k", "%<count>d 项", "%<count>d items"),
            (
                "k",
                "{count, plural, other {# 个文件}}",
                "{count, plural, one {# file} other {# files}}",
            ),
            (
                "k",
                "{n, plural, other {{user} 的 # 个}}",
                "{n, plural, one {# of {user}} other {# of {user}}}",
            ),
            ("k", "%Y年%-m月%-d日 %H:%M", "%B %-d, %Y %I:%M %p"),
            ("k", "%Y年%m月%d日", "%d/%m/%Y"),
            (
                "k",
                "见 https://a.io/%{lang}/help",
                "see https://a.io/%{lang}/help",
            ),
            ("k.one", "1 条消息", "%{count} message"),
            ("k.one", "一分钟", "%{count} minute"),
            ("k.one", "%{count} 条消息", "one message"),
            ("k", "100%确定", "100%sure"),
        ];
        for (path, zh, en) in table {
            assert_eq!(messages(path, zh, en), Vec::<String>::new(), "{zh} | {en}");
        }
    }

    #[test]
    fn unequal_placeholders() {
        let table = [
            (
                "k",
                "发送至 %{mail}",
                "sent to %{email}",
                "placeholder %{mail} in zh renamed to %{email} in en",
            ),
            (
                "k",
                "发送至邮箱",
                "sent to %{email}",
                "placeholder %{email} in en, missing in zh",
            ),
            (
                "k",
                "%{count} 项",
                "items",
                "placeholder %{count} in zh, missing in en",
            ),
            (
                "k",
                "{0} 项",
                "{1} items",
                "placeholder {0} in zh renamed to {1} in en",
            ),
            (
                "k",
                "%s 项",
                "%d items",
                "placeholder %s in zh renamed to %d in en",
            ),
            (
                "k",
                "{count, plural, other {# 个}}",
                "{n, plural, other {# files}}",
                "placeholder {count} in zh renamed to {n} in en",
            ),
            (
                "k",
                "见 https://a.io/%{lang}/x",
                "see https://a.io/x",
                "placeholder %{lang} in zh, missing in en",
            ),
            (
                "k.one",
                "1 条",
                "%{count} item of %{name}",
                "placeholder %{count} in en, missing in zh",
            ),
            (
                "k",
                "1 条",
                "%{count} item",
                "placeholder %{count} in en, missing in zh",
            ),
        ];
        for (path, zh, en, want) in table {
            let got = messages(path, zh, en);
            assert!(got.iter().any(|m| m == want), "{zh} | {en}: {got:?}");
        }
    }
}
