//! `--format github`: GitHub Actions workflow commands, one per finding, so one run
//! gives annotations on the pull request and the exit code for the gate.
//!
//! `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=rcheck RULE::MESSAGE`;
//! warnings become `::warning`, infos `::notice`. The other side's location is named in
//! the message. Escaping follows the runner's rules: `%`, CR and LF in the message;
//! also `:` and `,` in properties.

use std::io::{self, Write};

use crate::check::Outcome;
use crate::rules::Severity;

pub fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    for outcome in outcomes {
        for finding in &outcome.findings {
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = Vec::new();
            let mut message = finding.message.clone();
            let primary = finding.primary;
            if let Some(location) = finding.location(primary) {
                let (start, end) = (location.span.start, location.span.end);
                props.push(format!("file={}", property(&outcome.file(primary).name)));
                props.push(format!("line={}", start.line));
                props.push(format!("col={}", start.column));
                props.push(format!("endLine={}", end.line));
                props.push(format!("endColumn={}", end.column));
            }
            if let Some(other) = finding.location(primary.other()) {
                let pos = other.span.start;
                let name = &outcome.file(primary.other()).name;
                message.push_str(&format!(" (see {name}:{}:{})", pos.line, pos.column));
            }
            if !finding.path.is_empty() {
                message.push_str(&format!(" at {}", finding.path));
            }
            props.push(format!(
                "title={}",
                property(&format!("rcheck {}", finding.rule))
            ));
            writeln!(out, "::{command} {}::{}", props.join(","), data(&message))?;
        }
    }
    Ok(())
}

fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(data("6.35% a\nb"), "6.35%25 a%0Ab");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
