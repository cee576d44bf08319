//! `--format json`: the versioned machine contract (see README, "JSON output").
//!
//! Version 1. Fields are only ever added, never renamed or removed; a change that
//! would break a reader gets a new version number.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::Tally;
use crate::check::{Location, Outcome};
use crate::source::SourceFile;

pub const VERSION: u32 = 1;

pub fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    let tally = Tally::of(outcomes);
    let findings: Vec<Value> = outcomes
        .iter()
        .flat_map(|o| {
            o.findings.iter().map(move |f| {
                json!({
                    "rule": f.rule,
                    "severity": f.severity.name(),
                    "message": f.message,
                    "path": f.path,
                    "zh": location(&o.zh, f.zh.as_ref()),
                    "en": location(&o.en, f.en.as_ref()),
                })
            })
        })
        .collect();
    let doc = json!({
        "version": VERSION,
        "summary": {
            "files": outcomes.len() * 2,
            "pairs": outcomes.iter().map(|o| o.pairs).sum::<usize>(),
            "errors": tally.errors,
            "warnings": tally.warnings,
            "infos": tally.infos,
        },
        "findings": findings,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn location(file: &SourceFile, location: Option<&Location>) -> Value {
    match location {
        None => Value::Null,
        Some(l) => json!({
            "file": file.name,
            "line": l.span.start.line,
            "column": l.span.start.column,
            "end_line": l.span.end.line,
            "end_column": l.span.end.column,
            "text": l.text,
        }),
    }
}
