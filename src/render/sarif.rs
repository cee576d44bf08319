//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards.
//!
//! One run; `tool.driver.rules` lists every rule with its documentation. Each result
//! has its primary side in `locations` and the other side in `relatedLocations`,
//! `columnKind` is `unicodeCodePoints` (our columns count characters), and
//! `partialFingerprints` carries the same line-independent fingerprint as baselines.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::check::{Finding, Location, Outcome};
use crate::rules::{Severity, RULES};
use crate::source::Side;
use crate::suppress::partial_fingerprint;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.id,
                "shortDescription": {"text": rule.summary()},
                "fullDescription": {"text": rule.doc()},
                "help": {"text": rule.doc(), "markdown": rule.doc()},
                "defaultConfiguration": {"level": level(rule.severity)},
            })
        })
        .collect();
    let results: Vec<Value> = outcomes
        .iter()
        .flat_map(|o| o.findings.iter().map(move |f| result(o, f)))
        .collect();
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "rcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/rcheck",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(outcome: &Outcome, finding: &Finding) -> Value {
    let rule_index = RULES.iter().position(|r| r.id == finding.rule);
    let primary = finding.primary;
    let mut result = json!({
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": {"text": finding.message},
        "partialFingerprints": {"rcheck/v1": partial_fingerprint(outcome, finding)},
    });
    let located = |side: Side| {
        finding
            .location(side)
            .map(|l| physical(&outcome.file(side).name, l, &finding.path))
    };
    let mut locations = Vec::new();
    if let Some(mut location) = located(primary) {
        location["message"] = json!({"text": primary.name()});
        locations.push(location);
    }
    let mut related = Vec::new();
    if let Some(mut location) = located(primary.other()) {
        location["id"] = json!(0);
        location["message"] = json!({"text": format!("{} version", primary.other().name())});
        related.push(location);
    }
    result["locations"] = json!(locations);
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    result
}

fn physical(file: &str, location: &Location, path: &str) -> Value {
    let (start, end) = (location.span.start, location.span.end);
    let mut value = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(file)},
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column,
                "snippet": {"text": location.text},
            },
        },
    });
    if !path.is_empty() {
        value["logicalLocations"] = json!([{"fullyQualifiedName": path, "kind": "element"}]);
    }
    value
}

/// A relative URI reference for a path as the user gave it (`/` separators, spaces and
/// other reserved characters percent-encoded).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(super::uri("zh/resume.yaml"), "zh/resume.yaml");
        assert_eq!(
            super::uri("my docs/简历.yaml"),
            "my%20docs/%E7%AE%80%E5%8E%86.yaml"
        );
    }
}
