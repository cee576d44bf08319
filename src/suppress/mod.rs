//! Dropping accepted findings: inline comments, config ignores, then the baseline.
//!
//! Every inline comment and config ignore that drops nothing is itself reported as
//! `unused-ignore`, so stale ones do not pile up.

mod baseline;
mod glob;
mod inline;

pub use baseline::{partial_fingerprint, write as write_baseline, Baseline};
pub use glob::matches as glob_matches;

use crate::check::{Finding, Location, Outcome};
use crate::config::Config;
use crate::rules::unused_ignore;
use crate::source::{Side, Span};

/// Applies inline suppressions and config ignores to `outcomes`, reports the unused
/// ones, then drops what `baseline` accepts.
pub fn apply(outcomes: &mut [Outcome], config: &Config, baseline: Option<&Baseline>) {
    let mut config_used = vec![false; config.ignores.len()];
    for outcome in outcomes.iter_mut() {
        let mut inline: Vec<(inline::Inline, bool)> = Side::BOTH
            .into_iter()
            .flat_map(|side| inline::scan(outcome.file(side), side))
            .map(|i| (i, false))
            .collect();
        outcome.findings.retain(|f| {
            let by_inline = inline.iter_mut().find(|(i, _)| covers(i, f));
            if let Some((_, used)) = by_inline {
                *used = true;
                return false;
            }
            let by_config = config.ignores.iter().position(|ig| {
                ig.rule.as_deref().is_none_or(|r| r == f.rule) && glob::matches(&ig.path, &f.path)
            });
            if let Some(k) = by_config {
                config_used[k] = true;
                return false;
            }
            true
        });
        for (i, _) in inline.into_iter().filter(|(_, used)| !used) {
            if let Some(finding) = unused_inline(outcome, &i, config) {
                outcome.findings.push(finding);
            }
        }
    }
    if let Some(first) = outcomes.first_mut() {
        for (ignore, _) in config.ignores.iter().zip(config_used).filter(|(_, u)| !u) {
            if let Some(severity) = config.level(unused_ignore::rule()) {
                first.findings.push(Finding {
                    rule: unused_ignore::ID,
                    severity,
                    message: unused_ignore::config_message(config, ignore),
                    path: ignore.path.clone(),
                    zh: None,
                    en: None,
                    primary: Side::Zh,
                });
            }
        }
    }
    if let Some(baseline) = baseline {
        baseline.filter(outcomes);
    }
}

/// Whether an inline comment suppresses a finding: it names the finding's rule and
/// sits on a line the finding's location on that side spans.
fn covers(inline: &inline::Inline, finding: &Finding) -> bool {
    let Some(location) = finding.location(inline.side) else {
        return false;
    };
    let line = inline.span.start.line;
    inline.rules.iter().any(|r| r == finding.rule)
        && (location.span.start.line..=location.span.end.line).contains(&line)
}

fn unused_inline(outcome: &Outcome, inline: &inline::Inline, config: &Config) -> Option<Finding> {
    let severity = config.level(unused_ignore::rule())?;
    let file = outcome.file(inline.side);
    let location = Location {
        span: inline.span,
        text: file.text[Span::bytes(&inline.span)].to_string(),
        label: "matches no finding".to_string(),
    };
    let (zh, en) = match inline.side {
        Side::Zh => (Some(location), None),
        Side::En => (None, Some(location)),
    };
    Some(Finding {
        rule: unused_ignore::ID,
        severity,
        message: unused_ignore::inline_message(&inline.rules),
        path: String::new(),
        zh,
        en,
        primary: inline.side,
    })
}
