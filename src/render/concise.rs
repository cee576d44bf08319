//! One line per finding, `file:line:col: severity[rule] message`, then where the other
//! side is and the item's path. Greppable, and what editors' problem matchers read.

use std::io::{self, Write};

use crate::check::Outcome;

pub fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    for outcome in outcomes {
        for finding in &outcome.findings {
            let mut sides = [finding.primary, finding.primary.other()]
                .into_iter()
                .filter_map(|side| finding.location(side).map(|l| (side, l)));
            let Some((side, first)) = sides.next() else {
                // Findings about the config file itself carry their place in the message.
                writeln!(
                    out,
                    "{}[{}] {}",
                    finding.severity, finding.rule, finding.message
                )?;
                continue;
            };
            let pos = first.span.start;
            write!(
                out,
                "{}:{}:{}: {}[{}] {}",
                outcome.file(side).name,
                pos.line,
                pos.column,
                finding.severity,
                finding.rule,
                finding.message
            )?;
            for (side, other) in sides {
                let pos = other.span.start;
                write!(
                    out,
                    " (see {}:{}:{})",
                    outcome.file(side).name,
                    pos.line,
                    pos.column
                )?;
            }
            if !finding.path.is_empty() {
                write!(out, " at {}", finding.path)?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
