//! Walks the two trees together and pairs their nodes.
//!
//! Mappings pair by key. Sequences pair by index when they line up, and are realigned
//! over language-neutral fingerprints when items were inserted, deleted or moved (see
//! [`sequence`]), so one missing bullet is one orphan, not a cascade. The result is a
//! flat list in document order (zh first): pairs, and orphans on one side only.

mod fingerprint;
mod sequence;

use crate::source::{Side, Span};
use std::collections::HashMap;

use crate::yaml::{Entry, Node, NodeKind};

pub use fingerprint::Fingerprint;

/// A node on each side at the same path.
#[derive(Debug)]
pub struct Pair<'a> {
    pub path: String,
    pub zh: &'a Node,
    pub en: &'a Node,
}

/// What an orphan is to its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrphanKind {
    /// A mapping entry; the key and where it is written.
    Key { key: String, key_span: Span },
    /// A sequence item.
    Item,
}

/// A node on one side with no counterpart on the other.
#[derive(Debug)]
pub struct Orphan<'a> {
    pub path: String,
    /// The side the node is on.
    pub side: Side,
    pub node: &'a Node,
    pub kind: OrphanKind,
    /// Where on the other side the node would belong: the neighbouring item, or the
    /// enclosing node's first line.
    pub anchor: Span,
}

#[derive(Debug)]
pub enum Aligned<'a> {
    Pair(Pair<'a>),
    Orphan(Orphan<'a>),
}

impl Aligned<'_> {
    pub fn path(&self) -> &str {
        match self {
            Aligned::Pair(p) => &p.path,
            Aligned::Orphan(o) => &o.path,
        }
    }
}

/// Aligns two document roots. Both trees are at most [`crate::yaml::MAX_DEPTH`] deep,
/// which bounds the recursion here.
pub fn align<'a>(zh: &'a Node, en: &'a Node) -> Vec<Aligned<'a>> {
    let mut out = Vec::new();
    walk(String::new(), zh, en, &mut out);
    out
}

fn walk<'a>(path: String, zh: &'a Node, en: &'a Node, out: &mut Vec<Aligned<'a>>) {
    match (&zh.kind, &en.kind) {
        (NodeKind::Mapping(zm), NodeKind::Mapping(em)) => {
            out.push(Aligned::Pair(Pair { path: path.clone(), zh, en }));
            // The last of duplicate keys wins, as in most YAML loaders.
            let zh_keys: HashMap<&str, usize> =
                zm.iter().enumerate().map(|(i, e)| (e.key.as_str(), i)).collect();
            let en_keys: HashMap<&str, usize> =
                em.iter().enumerate().map(|(i, e)| (e.key.as_str(), i)).collect();
            for (i, z) in zm.iter().enumerate() {
                if zh_keys[z.key.as_str()] != i {
                    continue;
                }
                let child = key_path(&path, &z.key);
                match en_keys.get(z.key.as_str()) {
                    Some(&j) => walk(child, &z.value, &em[j].value, out),
                    None => out.push(orphan_key(child, Side::Zh, z, en)),
                }
            }
            for (j, e) in em.iter().enumerate() {
                if en_keys[e.key.as_str()] == j && !zh_keys.contains_key(e.key.as_str()) {
                    out.push(orphan_key(key_path(&path, &e.key), Side::En, e, zh));
                }
            }
        }
        (NodeKind::Sequence(zs), NodeKind::Sequence(es)) => {
            out.push(Aligned::Pair(Pair { path: path.clone(), zh, en }));
            for step in sequence::realign(zs, es) {
                match step {
                    sequence::Step::Pair(i, j) => {
                        walk(format!("{path}[{i}]"), &zs[i], &es[j], out);
                    }
                    sequence::Step::Only(side, i, anchor) => {
                        let (items, other, other_node) = match side {
                            Side::Zh => (zs, es, en),
                            Side::En => (es, zs, zh),
                        };
                        let anchor = match anchor {
                            Some(k) => other[k].span.start_point(),
                            None => other_node.span.start_point(),
                        };
                        out.push(Aligned::Orphan(Orphan {
                            path: format!("{path}[{i}]"),
                            side,
                            node: &items[i],
                            kind: OrphanKind::Item,
                            anchor,
                        }));
                    }
                }
            }
        }
        _ => out.push(Aligned::Pair(Pair { path, zh, en })),
    }
}

fn orphan_key<'a>(path: String, side: Side, entry: &'a Entry, other: &Node) -> Aligned<'a> {
    Aligned::Orphan(Orphan {
        path,
        side,
        node: &entry.value,
        kind: OrphanKind::Key {
            key: entry.key.clone(),
            key_span: entry.key_span,
        },
        anchor: other.span.start_point(),
    })
}

/// `parent.key`, or `parent["odd key"]` when the key is not a plain identifier.
fn key_path(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    match (parent.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{parent}.{key}"),
        (_, false) => format!("{parent}[{}]", serde_json::Value::from(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::key_path;

    #[test]
    fn paths_quote_keys_that_are_not_identifiers() {
        let table = [
            ("", "work", "work"),
            ("work[0]", "highlights", "work[0].highlights"),
            ("a", "b.c", r#"a["b.c"]"#),
            ("", "has space", r#"["has space"]"#),
            ("", "", r#"[""]"#),
            ("zh-CN", "名字", "zh-CN.名字"),
        ];
        for (parent, key, want) in table {
            assert_eq!(key_path(parent, key), want, "{parent} + {key}");
        }
    }
}
