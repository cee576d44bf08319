//! Output formats: separate renderers over one finding type.
//!
//! Every renderer writes to a `Write` it is given and never decides about colour
//! itself: human output is styled, and the caller's stream (anstream) strips the
//! styles when the output is not a terminal, `NO_COLOR` is set or `--color never`.
//! Machine formats carry no styles at all.

mod concise;
mod github;
mod human;
mod json;
mod sarif;

use std::io::{self, Write};

use crate::check::Outcome;
use crate::rules::Severity;

/// The output formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
}

/// Writes the findings of `outcomes` in `format`.
pub fn render(format: Format, outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::render(outcomes, out),
        Format::Concise => concise::render(outcomes, out),
        Format::Json => json::render(outcomes, out),
        Format::Sarif => sarif::render(outcomes, out),
        Format::Github => github::render(outcomes, out),
    }
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Tally {
    pub fn of(outcomes: &[Outcome]) -> Tally {
        let mut tally = Tally::default();
        for finding in outcomes.iter().flat_map(|o| &o.findings) {
            match finding.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
                Severity::Info => tally.infos += 1,
            }
        }
        tally
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}
