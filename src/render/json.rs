//! `--format json`: the versioned machine contract (see README, "JSON output").
//!
//! Version 1. Fields are only ever added, never renamed or removed; a change that
//! would break a reader gets a new version number. Field order is the order of the
//! structs below.

use std::io::{self, Write};

use serde::Serialize;

use super::Tally;
use crate::check::{Location, Outcome};
use crate::source::SourceFile;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    pairs: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    path: &'a str,
    zh: Option<JsonLocation<'a>>,
    en: Option<JsonLocation<'a>>,
}

#[derive(Serialize)]
struct JsonLocation<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
}

pub fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    let tally = Tally::of(outcomes);
    let findings = outcomes
        .iter()
        .flat_map(|o| {
            o.findings.iter().map(move |f| JsonFinding {
                rule: f.rule,
                severity: f.severity.name(),
                message: &f.message,
                path: &f.path,
                zh: f.zh.as_ref().map(|l| location(&o.zh, l)),
                en: f.en.as_ref().map(|l| location(&o.en, l)),
            })
        })
        .collect();
    let doc = Document {
        version: VERSION,
        summary: Summary {
            files: outcomes
                .iter()
                .map(|o| if o.absent.is_some() { 1 } else { 2 })
                .sum(),
            pairs: outcomes.iter().map(|o| o.pairs).sum(),
            errors: tally.errors,
            warnings: tally.warnings,
            infos: tally.infos,
        },
        findings,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn location<'a>(file: &'a SourceFile, l: &'a Location) -> JsonLocation<'a> {
    JsonLocation {
        file: &file.name,
        line: l.span.start.line,
        column: l.span.start.column,
        end_line: l.span.end.line,
        end_column: l.span.end.column,
        text: &l.text,
    }
}
