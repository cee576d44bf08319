//! Human output: rustc-style frames on both files (annotate-snippets), the primary
//! label on the side that has the value, a context label on the other, and the item's
//! path as a note. Nothing at all when there is nothing to report.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::Tally;
use crate::check::{Finding, Outcome};
use crate::rules::Severity;
use crate::source::{SourceFile, Span};

/// A frame shows at most this many lines of a multi-line span.
const MAX_FRAME_LINES: usize = 3;

pub fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    let renderer = Renderer::styled();
    for outcome in outcomes {
        for finding in &outcome.findings {
            let report = [group(outcome, finding)];
            writeln!(out, "{}\n", renderer.render(&report))?;
        }
    }
    let tally = Tally::of(outcomes);
    if tally.total() > 0 {
        writeln!(out, "{}", summary(&tally))?;
    }
    Ok(())
}

fn group<'a>(outcome: &'a Outcome, finding: &'a Finding) -> Group<'a> {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let mut group = Group::with_title(
        level
            .primary_title(finding.message.as_str())
            .id(finding.rule),
    );
    for side in [finding.primary, finding.primary.other()] {
        let Some(location) = finding.location(side) else {
            continue;
        };
        let file = outcome.file(side);
        let (source, line_start, range) = frame(file, location.span);
        group = group.element(
            Snippet::source(source)
                .line_start(line_start)
                .path(file.name.as_str())
                .fold(false)
                .annotation(
                    kind(side == finding.primary)
                        .span(range)
                        .label(&location.label),
                ),
        );
    }
    if !finding.path.is_empty() {
        group = group.element(Level::NOTE.message(format!("path: {}", finding.path)));
    }
    group
}

fn kind(primary: bool) -> AnnotationKind {
    if primary {
        AnnotationKind::Primary
    } else {
        AnnotationKind::Context
    }
}

/// The lines around `span` and the span's range inside them: frames get only the
/// lines they show, so rendering never rescans a large file.
fn frame(file: &SourceFile, span: Span) -> (&str, usize, std::ops::Range<usize>) {
    let text = &file.text;
    let start = text[..span.start.offset].rfind('\n').map_or(0, |i| i + 1);
    let mut end = span.end.offset.max(span.start.offset);
    let last_line = span.start.line + MAX_FRAME_LINES - 1;
    if span.end.line > last_line {
        // Cut at the end of the last line shown.
        end = text[span.start.offset..]
            .match_indices('\n')
            .nth(MAX_FRAME_LINES - 1)
            .map_or(text.len(), |(i, _)| span.start.offset + i);
    }
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let line_end = if text[..line_end].ends_with('\r') {
        line_end - 1
    } else {
        line_end
    };
    let end = end.min(line_end).max(span.start.offset);
    (
        &text[start..line_end],
        span.start.line,
        span.start.offset - start..end - start,
    )
}

fn summary(tally: &Tally) -> String {
    let parts: Vec<String> = [
        (tally.errors, "error"),
        (tally.warnings, "warning"),
        (tally.infos, "info"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, word)| format!("{n} {word}{}", if n == 1 { "" } else { "s" }))
    .collect();
    format!("rcheck: {}", parts.join(", "))
}
