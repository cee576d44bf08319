//! Plural forms by CLDR.
//!
//! A mapping whose keys are all CLDR plural categories (`zero`, `one`, `two`, `few`,
//! `many`, `other`) and include `other` is one message in several forms, not a record
//! of fields. Chinese has only `other`, so an English `one` with no Chinese counterpart
//! is no omission, and a Chinese translation may even be a plain string where English
//! has forms. Each zh form is compared with the en form of the same name, or with en
//! `other` when en lacks it; en forms without a zh counterpart are not reported.

use crate::yaml::{Node, NodeKind};

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The forms of a plural mapping, or `None` when the node is not one.
pub fn forms(node: &Node) -> Option<Vec<(&str, &Node)>> {
    let NodeKind::Mapping(entries) = &node.kind else {
        return None;
    };
    let plural = !entries.is_empty()
        && entries.iter().all(|e| CATEGORIES.contains(&&*e.key))
        && entries.iter().any(|e| &*e.key == "other");
    plural.then(|| entries.iter().map(|e| (&*e.key, &e.value)).collect())
}

/// The pairs to compare when at least one side is a plural mapping: a path suffix
/// (`.other`, or empty when zh is a plain string) and the two nodes. `None` when the
/// other side is neither a plural mapping nor a scalar: the ordinary walk reports it.
pub fn pair<'a>(zh: &'a Node, en: &'a Node) -> Option<Vec<(String, &'a Node, &'a Node)>> {
    let other =
        |forms: &[(&str, &'a Node)]| forms.iter().find(|(k, _)| *k == "other").map(|(_, n)| *n);
    match (forms(zh), forms(en)) {
        (Some(zf), Some(ef)) => Some(
            zf.iter()
                .map(|(key, z)| {
                    let e = ef.iter().find(|(k, _)| k == key).map(|(_, n)| *n);
                    (
                        format!(".{key}"),
                        *z,
                        e.or_else(|| other(&ef)).expect("has other"),
                    )
                })
                .collect(),
        ),
        (None, Some(ef)) if zh.as_scalar().is_some() => {
            Some(vec![(String::new(), zh, other(&ef).expect("has other"))])
        }
        (Some(zf), None) if en.as_scalar().is_some() => Some(
            zf.iter()
                .map(|(key, z)| (format!(".{key}"), *z, en))
                .collect(),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::align::{align, Aligned};
    use crate::source::SourceFile;

    fn paths(zh: &str, en: &str) -> Vec<String> {
        let parse = |text: &str| {
            let file = SourceFile {
                name: "t.yml".into(),
                text: text.into(),
            };
            crate::yaml::parse(&file).unwrap().documents.remove(0)
        };
        let (zh, en) = (parse(zh), parse(en));
        align(&zh, &en)
            .iter()
            .map(|a| match a {
                Aligned::Pair(p) => format!("pair {}", p.path),
                Aligned::Orphan(o) => format!("orphan {}", o.path),
            })
            .collect()
    }

    #[test]
    fn chinese_other_pairs_with_english_other_and_one_is_no_omission() {
        assert_eq!(
            paths(
                "n:\n  other: '%{count} 个节点'\n",
                "n:\n  one: '%{count} node'\n  other: '%{count} nodes'\n"
            ),
            ["pair ", "pair n.other"]
        );
    }

    #[test]
    fn a_plain_chinese_string_pairs_with_english_other() {
        assert_eq!(
            paths(
                "n: '%{count} 个节点'\n",
                "n:\n  one: '%{count} node'\n  other: '%{count} nodes'\n"
            ),
            ["pair ", "pair n"]
        );
    }

    #[test]
    fn a_zh_form_missing_in_en_pairs_with_en_other() {
        assert_eq!(
            paths(
                "n:\n  one: 一个\n  other: '%{count} 个'\n",
                "n:\n  other: '%{count}'\n"
            ),
            ["pair ", "pair n.one", "pair n.other"]
        );
    }

    #[test]
    fn ordinary_mappings_that_merely_have_an_other_key_need_all_plural_keys() {
        assert_eq!(
            paths("a:\n  other: 其他\n  name: 名\n", "a:\n  other: Other\n"),
            ["pair ", "pair a", "pair a.other", "orphan a.name"]
        );
    }
}
