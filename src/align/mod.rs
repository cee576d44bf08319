//! Walks the two trees together and pairs their nodes.
//!
//! Mappings pair by key. Sequences pair by index when they line up, and are realigned
//! over language-neutral fingerprints when items were inserted, deleted or moved (see
//! [`sequence`]), so one missing bullet is one orphan, not a cascade. The result is a
//! flat list in document order (zh first): pairs, and orphans on one side only.

mod fingerprint;
mod plural;
mod sequence;

use crate::source::{Side, Span};
use std::collections::HashMap;

use crate::yaml::{Entry, Node, NodeKind};

pub use fingerprint::{Fingerprint, Fingerprints};

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
    let (zh, en) = below_locale_roots(zh, en);
    walk(
        String::new(),
        zh,
        en,
        &mut out,
        &mut Fingerprints::default(),
    );
    out
}

/// Locale files wrap everything in one key naming the locale (`en:`, `zh-CN:`): when
/// both roots are such single-key mappings, compare what is below them.
fn below_locale_roots<'a>(zh: &'a Node, en: &'a Node) -> (&'a Node, &'a Node) {
    fn locale_root(node: &Node) -> Option<&Node> {
        match &node.kind {
            NodeKind::Mapping(entries) if entries.len() == 1 && is_locale_code(&entries[0].key) => {
                Some(&entries[0].value)
            }
            _ => None,
        }
    }
    match (locale_root(zh), locale_root(en)) {
        (Some(z), Some(e)) => (z, e),
        _ => (zh, en),
    }
}

/// `en`, `zh`, `zh-CN`, `zh_CN`, `zh-Hans`, `zh-Hant-TW`, `yue`: a BCP 47-like tag.
fn is_locale_code(key: &str) -> bool {
    let mut parts = key.split(['-', '_']);
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A piece of the alignment of two roots, in document order: an item already aligned,
/// or a pair of subtrees still to walk with [`align_subtree`]. Walking the subtrees in
/// order, or on different threads and concatenating, gives exactly [`align`]'s list.
#[derive(Debug)]
pub enum Part<'a> {
    /// Boxed: an item is rare among parts, and a large root sequence makes millions
    /// of parts, which should cost a path and two references each, no more.
    Item(Box<Aligned<'a>>),
    Subtree {
        path: String,
        zh: &'a Node,
        en: &'a Node,
    },
}

/// Splits the alignment of two roots into [`Part`]s, descending while there is only
/// one subtree (a locale file's single `en:` root), so large documents offer several
/// independent pieces of work.
pub fn parts<'a>(zh: &'a Node, en: &'a Node) -> Vec<Part<'a>> {
    let mut parts = Vec::new();
    let mut fingerprints = Fingerprints::default();
    let (zh, en) = below_locale_roots(zh, en);
    walk(String::new(), zh, en, &mut parts, &mut fingerprints);
    // A few levels are enough to find work to share; a bound keeps a deep chain of
    // single keys with many siblings from rescanning the parts once per level.
    for _ in 0..16 {
        let mut subtrees = parts
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p, Part::Subtree { .. }));
        let (Some((at, _)), None) = (subtrees.next(), subtrees.next()) else {
            return parts;
        };
        let Part::Subtree { path, zh, en } = parts.remove(at) else {
            unreachable!("filtered above");
        };
        let mut inner = Vec::new();
        walk(path, zh, en, &mut inner, &mut fingerprints);
        parts.splice(at..at, inner);
    }
    parts
}

/// Appends the alignment of the subtrees `zh` and `en`, found at `path`, to `out`.
/// `fingerprints` may be shared by all the subtrees of the same two trees.
pub fn align_subtree<'a>(
    path: String,
    zh: &'a Node,
    en: &'a Node,
    out: &mut Vec<Aligned<'a>>,
    fingerprints: &mut Fingerprints,
) {
    walk(path, zh, en, out, fingerprints);
}

/// Where [`walk`] puts what it finds: items, and child pairs to walk (at once, or later).
trait Sink<'a> {
    fn item(&mut self, item: Aligned<'a>);
    fn child(&mut self, path: String, zh: &'a Node, en: &'a Node, fp: &mut Fingerprints);
}

impl<'a> Sink<'a> for Vec<Aligned<'a>> {
    fn item(&mut self, item: Aligned<'a>) {
        self.push(item);
    }
    fn child(&mut self, path: String, zh: &'a Node, en: &'a Node, fp: &mut Fingerprints) {
        walk(path, zh, en, self, fp);
    }
}

impl<'a> Sink<'a> for Vec<Part<'a>> {
    fn item(&mut self, item: Aligned<'a>) {
        self.push(Part::Item(Box::new(item)));
    }
    fn child(&mut self, path: String, zh: &'a Node, en: &'a Node, _: &mut Fingerprints) {
        self.push(Part::Subtree { path, zh, en });
    }
}

fn walk<'a>(
    path: String,
    zh: &'a Node,
    en: &'a Node,
    out: &mut impl Sink<'a>,
    fp: &mut Fingerprints,
) {
    if plural::forms(zh).is_some() || plural::forms(en).is_some() {
        if let Some(pairs) = plural::pair(zh, en) {
            for (suffix, z, e) in pairs {
                out.child(format!("{path}{suffix}"), z, e, fp);
            }
            return;
        }
    }
    match (&zh.kind, &en.kind) {
        (NodeKind::Mapping(zm), NodeKind::Mapping(em)) => {
            out.item(Aligned::Pair(Pair {
                path: path.clone(),
                zh,
                en,
            }));
            // Translations usually keep the keys in the same order: pair them in one
            // pass, without hashing (the parser refuses duplicate keys).
            if zm.len() == em.len() && zm.iter().zip(em).all(|(z, e)| z.key == e.key) {
                for (z, e) in zm.iter().zip(em) {
                    out.child(key_path(&path, &z.key), &z.value, &e.value, fp);
                }
                return;
            }
            // The last of duplicate keys wins, as in most YAML loaders.
            let zh_keys: HashMap<&str, usize> =
                zm.iter().enumerate().map(|(i, e)| (&*e.key, i)).collect();
            let en_keys: HashMap<&str, usize> =
                em.iter().enumerate().map(|(i, e)| (&*e.key, i)).collect();
            for (i, z) in zm.iter().enumerate() {
                if zh_keys[&*z.key] != i {
                    continue;
                }
                let child = key_path(&path, &z.key);
                match en_keys.get(&*z.key) {
                    Some(&j) => out.child(child, &z.value, &em[j].value, fp),
                    None => out.item(orphan_key(child, Side::Zh, z, en)),
                }
            }
            for (j, e) in em.iter().enumerate() {
                if en_keys[&*e.key] == j && !zh_keys.contains_key(&*e.key) {
                    out.item(orphan_key(key_path(&path, &e.key), Side::En, e, zh));
                }
            }
        }
        (NodeKind::Sequence(zs), NodeKind::Sequence(es)) => {
            out.item(Aligned::Pair(Pair {
                path: path.clone(),
                zh,
                en,
            }));
            for step in sequence::realign(zs, es, fp) {
                match step {
                    sequence::Step::Pair(i, j) => {
                        out.child(format!("{path}[{i}]"), &zs[i], &es[j], fp);
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
                        out.item(Aligned::Orphan(Orphan {
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
        _ => out.item(Aligned::Pair(Pair { path, zh, en })),
    }
}

fn orphan_key<'a>(path: String, side: Side, entry: &'a Entry, other: &Node) -> Aligned<'a> {
    Aligned::Orphan(Orphan {
        path,
        side,
        node: &entry.value,
        kind: OrphanKind::Key {
            key: entry.key.to_string(),
            key_span: entry.key_span,
        },
        anchor: other.span.start_point(),
    })
}

/// `parent.key`, or `parent["odd key"]` when the key is not a plain identifier.
/// Built for every pair of the walk, so the common case (an ASCII identifier) is one
/// exact-size allocation and no formatting.
fn key_path(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && if key.is_ascii() {
            key.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        } else {
            key.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        };
    match (parent.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => {
            let mut path = String::with_capacity(parent.len() + 1 + key.len());
            path.push_str(parent);
            path.push('.');
            path.push_str(key);
            path
        }
        (_, false) => format!("{parent}[{}]", serde_json::Value::from(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::key_path;

    #[test]
    fn locale_codes() {
        for code in [
            "en",
            "zh",
            "zh-CN",
            "zh_CN",
            "zh-Hans",
            "zh-Hant-TW",
            "zh-TW",
            "yue",
        ] {
            assert!(super::is_locale_code(code), "{code}");
        }
        for key in ["work", "English", "e", "zh-", "EN", "projects", "zh-C"] {
            assert!(!super::is_locale_code(key), "{key}");
        }
    }

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
