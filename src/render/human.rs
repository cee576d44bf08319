//! Human output: rustc-style frames on both files (annotate-snippets), the primary
//! label on the side that has the value, a context label on the other, and the item's
//! path as a note. Nothing at all when there is nothing to report.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

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
        let annotation = |range| {
            kind(side == finding.primary)
                .span(range)
                .label(&location.label)
        };
        let Some((source, line_start, range)) = frame(file, location.span) else {
            // A very long line (a minified file): frame a window of it, and give the
            // origin explicitly since the window does not start the line.
            let (window, range) = long_line_window(file, location.span);
            let span = location.span;
            group = group
                .element(
                    Origin::path(file.name.as_str())
                        .line(span.start.line)
                        .char_column(span.start.column),
                )
                .element(
                    Snippet::source(window)
                        .line_start(span.start.line)
                        .fold(false)
                        .annotation(annotation(range)),
                );
            continue;
        };
        group = group.element(
            Snippet::source(source)
                .line_start(line_start)
                .path(file.name.as_str())
                .fold(false)
                .annotation(annotation(range)),
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

/// Lines longer than this many bytes are shown as a window around the span: every
/// finding on a 10 MB one-line file would otherwise scan and lay out the whole line,
/// which is quadratic.
const LONG_LINE: usize = 4096;

/// Bytes of context a long line's window keeps on each side of the span.
const WINDOW_CONTEXT: usize = 120;

/// The lines around `span` and the span's range inside them: frames get only the
/// lines they show, so rendering never rescans a large file. `None` when the line is
/// longer than [`LONG_LINE`].
fn frame(file: &SourceFile, span: Span) -> Option<(&str, usize, std::ops::Range<usize>)> {
    let text = &file.text;
    let near = floor_char(text, span.start.offset.saturating_sub(LONG_LINE));
    let start = match text[near..span.start.offset].rfind('\n') {
        Some(i) => near + i + 1,
        None if near == 0 => 0,
        None => return None,
    };
    if text[span.start.offset..]
        .bytes()
        .take(LONG_LINE)
        .all(|b| b != b'\n')
        && text.len() - span.start.offset > LONG_LINE
    {
        return None;
    }
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
    Some((
        &text[start..line_end],
        span.start.line,
        span.start.offset - start..end - start,
    ))
}

/// A window of at most a few hundred bytes around `span` on its (long) line, and the
/// span's range inside it.
fn long_line_window(file: &SourceFile, span: Span) -> (&str, std::ops::Range<usize>) {
    let text = &file.text;
    let from = floor_char(text, span.start.offset.saturating_sub(WINDOW_CONTEXT));
    let from = text[from..span.start.offset]
        .rfind(['\n', '\r'])
        .map_or(from, |i| from + i + 1);
    let mark_end = span.end.offset.min(span.start.offset + WINDOW_CONTEXT);
    let mark_end = floor_char(text, mark_end).max(span.start.offset);
    let to = floor_char(text, (mark_end + WINDOW_CONTEXT).min(text.len()));
    let to = text[mark_end..to]
        .find(['\n', '\r'])
        .map_or(to, |i| mark_end + i);
    (&text[from..to], span.start.offset - from..mark_end - from)
}

/// The largest character boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
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
