//! The rule registry.
//!
//! Every rule lives in its own file, named after its id, and that file's `//!` comment
//! is the rule's manual: `rcheck rule ID` prints it and `docs/rules.md` is generated
//! from it, so nothing is written twice. Ids are stable promises to users' configs and
//! CI scripts: never rename or reuse one.
//!
//! A rule is one of two kinds. A *structure* rule looks at every aligned node (pairs
//! and orphans). A *text* rule looks at a pair of non-empty scalars and the facts
//! extracted from both.

use std::fmt;
use std::ops::Range;

use crate::align::Aligned;
use crate::facts::compare::Diff;
use crate::facts::{Facts, Glossary};
use crate::yaml::{Node, NodeKind};

mod date_mismatch;
mod direction_mismatch;
mod duplicate_sentence;
mod email_mismatch;
mod empty_translation;
mod entity_mismatch;
mod extra_file;
mod extra_item;
mod extra_key;
mod markup_mismatch;
pub mod missing_file;
mod missing_item;
mod missing_key;
mod number_mismatch;
pub(crate) mod placeholder_mismatch;
mod type_mismatch;
mod unit_mismatch;
mod untranslated;
pub mod unused_ignore;
mod url_mismatch;
mod version_mismatch;

#[cfg(test)]
mod seed_tests;

/// How much a finding matters. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// What a finding points at on one side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The node itself: the orphan, or the anchor on the other side of an orphan, or
    /// the value of a pair.
    Node,
    /// A mapping key (for orphans that are mapping entries).
    Key,
    /// A byte range inside the scalar's decoded value.
    Text(Range<usize>),
}

/// A rule's raw output, before locations are resolved and severities applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub rule: &'static str,
    pub message: String,
    pub zh: Option<Mark>,
    pub en: Option<Mark>,
}

/// One side of a [`TextPair`].
#[derive(Clone, Copy, Debug)]
pub struct TextSide<'a> {
    pub text: &'a str,
    pub facts: &'a Facts,
}

/// Two non-empty scalars at the same path, with their facts.
#[derive(Clone, Copy, Debug)]
pub struct TextPair<'a> {
    pub path: &'a str,
    pub zh: TextSide<'a>,
    pub en: TextSide<'a>,
    /// How the numbers and dates of the two sides match, decided once for all rules
    /// so that no value is reported by two of them.
    pub values: &'a Diff,
    pub glossary: &'a Glossary,
}

/// How a rule looks at the documents.
#[derive(Clone, Copy)]
pub enum Check {
    Structure(fn(&Aligned<'_>, &mut Vec<Hit>)),
    Text(fn(&TextPair<'_>, &mut Vec<Hit>)),
    /// Reported by the pipeline itself (suppressions, file pairing); the rule file
    /// holds its documentation and message.
    Meta,
}

/// A registered rule.
#[derive(Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub check: Check,
    /// The rule's source file; its `//!` lines are its documentation.
    source: &'static str,
}

impl Rule {
    /// The rule's manual (Markdown), read from its file's `//!` comment.
    pub fn doc(&self) -> String {
        let mut doc = String::new();
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                break;
            };
            doc.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            doc.push('\n');
        }
        doc
    }

    /// The first paragraph of the manual: what the rule flags, in one sentence.
    pub fn summary(&self) -> String {
        let doc = self.doc();
        let first = doc.split("\n\n").next().unwrap_or("");
        first.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

macro_rules! rule {
    ($module:ident, $id:literal, $severity:ident, Meta) => {
        Rule {
            id: $id,
            severity: Severity::$severity,
            check: Check::Meta,
            source: include_str!(concat!(stringify!($module), ".rs")),
        }
    };
    ($module:ident, $id:literal, $severity:ident, $kind:ident) => {
        Rule {
            id: $id,
            severity: Severity::$severity,
            check: Check::$kind($module::check),
            source: include_str!(concat!(stringify!($module), ".rs")),
        }
    };
}

/// Every rule, in the order findings of one node are reported.
pub static RULES: &[Rule] = &[
    rule!(missing_key, "missing-key", Error, Structure),
    rule!(extra_key, "extra-key", Error, Structure),
    rule!(missing_item, "missing-item", Error, Structure),
    rule!(extra_item, "extra-item", Error, Structure),
    rule!(type_mismatch, "type-mismatch", Error, Structure),
    rule!(empty_translation, "empty-translation", Error, Structure),
    rule!(untranslated, "untranslated", Warning, Text),
    rule!(number_mismatch, "number-mismatch", Error, Text),
    rule!(unit_mismatch, "unit-mismatch", Warning, Text),
    rule!(direction_mismatch, "direction-mismatch", Error, Text),
    rule!(date_mismatch, "date-mismatch", Error, Text),
    rule!(entity_mismatch, "entity-mismatch", Error, Text),
    rule!(url_mismatch, "url-mismatch", Error, Text),
    rule!(email_mismatch, "email-mismatch", Error, Text),
    rule!(placeholder_mismatch, "placeholder-mismatch", Error, Text),
    rule!(version_mismatch, "version-mismatch", Error, Text),
    rule!(markup_mismatch, "markup-mismatch", Error, Text),
    rule!(duplicate_sentence, "duplicate-sentence", Warning, Text),
    rule!(missing_file, "missing-file", Error, Meta),
    rule!(extra_file, "extra-file", Error, Meta),
    rule!(unused_ignore, "unused-ignore", Warning, Meta),
];

/// Whether both sides hold the same text (a paper title, a name): then they say the
/// same things, whatever facts the two languages' extractors find.
pub fn same_text(pair: &TextPair<'_>) -> bool {
    pair.zh.text.trim() == pair.en.text.trim()
}

/// The count that a CLDR plural form names, read from the end of the pair's path
/// (`.zero`, `.one`, `.two`): such a form may write the count as a word or digit
/// where the other language interpolates it.
pub fn plural_count(path: &str) -> Option<crate::facts::Decimal> {
    let form = path.rsplit('.').next()?;
    let n = ["zero", "one", "two"].iter().position(|f| *f == form)?;
    Some(crate::facts::Decimal::from_integer(n as u128))
}

/// How a fact is quoted in a message: as written, without a leading sign (the sign is
/// a direction, reported by its own rule) or spaces.
pub fn quote(text: &str, range: &Range<usize>) -> String {
    let written = text.get(range.clone()).unwrap_or("");
    written
        .trim()
        .trim_start_matches(['+', '-', '＋', '−', '－'])
        .trim()
        .to_string()
}

/// The mark of a fact on one side, or the whole value when that side has none.
pub fn mark(range: Option<&Range<usize>>) -> Option<Mark> {
    Some(range.map_or(Mark::Node, |r| Mark::Text(r.clone())))
}

/// Runs every text rule that `enabled` admits on two strings and their facts.
pub fn check_text(
    path: &str,
    zh: TextSide<'_>,
    en: TextSide<'_>,
    glossary: &Glossary,
    enabled: impl Fn(&Rule) -> bool,
    out: &mut Vec<Hit>,
) {
    let values = crate::facts::compare::diff(zh.facts, en.facts);
    let pair = TextPair {
        path,
        zh,
        en,
        values: &values,
        glossary,
    };
    for rule in RULES.iter().filter(|r| enabled(r)) {
        if let Check::Text(check) = rule.check {
            check(&pair, out);
        }
    }
}

/// The messages one text rule gives on two strings, for the rules' unit tables.
#[cfg(test)]
pub fn messages_of(
    check: fn(&TextPair<'_>, &mut Vec<Hit>),
    path: &str,
    zh: &str,
    en: &str,
) -> Vec<String> {
    use crate::facts::extract;
    use crate::source::Side;
    let (zh_facts, en_facts) = (extract(zh, Side::Zh), extract(en, Side::En));
    let values = crate::facts::compare::diff(&zh_facts, &en_facts);
    let pair = TextPair {
        path,
        zh: TextSide {
            text: zh,
            facts: &zh_facts,
        },
        en: TextSide {
            text: en,
            facts: &en_facts,
        },
        values: &values,
        glossary: &Glossary::default(),
    };
    let mut out = Vec::new();
    check(&pair, &mut out);
    out.into_iter().map(|h| h.message).collect()
}

/// Reports values that differ (`number 6.35% in zh, 6.53% in en`) or exist on one
/// side only, then ranges whose ends are swapped. `noun` names the kind of value,
/// `range_noun` a range of them.
pub fn value_hits(
    rule: &'static str,
    (noun, range_noun): (&str, &str),
    pair: &TextPair<'_>,
    unmatched: &[(Option<usize>, Option<usize>)],
    swapped: &[(usize, usize)],
    out: &mut Vec<Hit>,
) {
    let (zh, en) = (pair.zh, pair.en);
    for &(z, e) in unmatched {
        let zh_range = z.map(|k| &zh.facts.items[k].range);
        let en_range = e.map(|k| &en.facts.items[k].range);
        let message = match (zh_range, en_range) {
            (Some(a), Some(b)) => format!(
                "{noun} {} in zh, {} in en",
                quote(zh.text, a),
                quote(en.text, b)
            ),
            (Some(a), None) => format!("{noun} {} in zh, missing in en", quote(zh.text, a)),
            (None, Some(b)) => format!("{noun} {} in en, missing in zh", quote(en.text, b)),
            (None, None) => continue,
        };
        out.push(Hit {
            rule,
            message,
            zh: mark(zh_range),
            en: mark(en_range),
        });
    }
    for &(z, e) in swapped {
        let (a, b) = (&zh.facts.items[z].range, &en.facts.items[e].range);
        out.push(Hit {
            rule,
            message: format!(
                "{range_noun} {} in zh, {} in en (ends swapped)",
                quote(zh.text, a),
                quote(en.text, b)
            ),
            zh: mark(Some(a)),
            en: mark(Some(b)),
        });
    }
}

/// Whether a node says nothing: a blank or null scalar, or an empty collection.
pub fn is_blank(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar(s) => s.null || s.value.trim().is_empty(),
        NodeKind::Sequence(items) => items.is_empty(),
        NodeKind::Mapping(entries) => entries.is_empty(),
    }
}

/// A short quotation of a node for messages: a scalar's first 40 characters, or for a
/// collection its first scalar. Backticks, not double quotes, so JSON needs no escapes.
pub fn excerpt(node: &Node) -> String {
    const MAX: usize = 40;
    match &node.kind {
        NodeKind::Scalar(s) => {
            let text: String = s.value.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.chars().count() > MAX {
                let cut: String = text.chars().take(MAX).collect();
                format!("`{cut}…`")
            } else {
                format!("`{text}`")
            }
        }
        NodeKind::Sequence(_) | NodeKind::Mapping(_) => match first_scalar(node) {
            Some(first) => format!("{} starting {}", node.kind.name(), excerpt(first)),
            None => format!("(empty {})", node.kind.name()),
        },
    }
}

fn first_scalar(node: &Node) -> Option<&Node> {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Scalar(s) if !s.value.trim().is_empty() => return Some(node),
            NodeKind::Scalar(_) => {}
            NodeKind::Sequence(items) => stack.extend(items.iter().rev()),
            NodeKind::Mapping(entries) => stack.extend(entries.iter().rev().map(|e| &e.value)),
        }
    }
    None
}

/// A rule's manual as `rcheck rule ID` prints it and `docs/rules.md` holds it.
pub fn manual(rule: &Rule) -> String {
    format!(
        "# {}\n\nDefault severity: {}\n\n{}",
        rule.id,
        rule.severity,
        rule.doc()
    )
}

/// `docs/rules.md`: every rule's manual, generated from the rule files.
pub fn catalog_markdown() -> String {
    let mut out = String::from(
        "<!-- Generated from the rule files' doc comments by `cargo test`; edit those. -->\n\n# Rules\n\n| id | default | what it flags |\n|---|---|---|\n",
    );
    for rule in RULES {
        out.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} |\n",
            rule.id,
            rule.severity,
            rule.summary()
        ));
    }
    for rule in RULES {
        out.push('\n');
        out.push_str(
            &manual(rule)
                .replacen("# ", "## ", 1)
                .replace("\n## ", "\n### "),
        );
    }
    out
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_match_their_file() {
        for (k, rule) in RULES.iter().enumerate() {
            assert!(
                rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.id
            );
            assert!(
                RULES[..k].iter().all(|r| r.id != rule.id),
                "duplicate {}",
                rule.id
            );
        }
    }

    #[test]
    fn every_rule_documents_what_why_and_an_example() {
        for rule in RULES {
            let doc = rule.doc();
            for heading in ["## What it does", "## Why is this bad?", "## Example"] {
                assert!(doc.contains(heading), "{} lacks {heading}", rule.id);
            }
        }
    }
}
