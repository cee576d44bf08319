//! An inline `# rcheck: ignore[...]` comment or a config `[[ignore]]` that matches no
//! finding.
//!
//! ## What it does
//! After suppressions are applied, reports every inline comment that suppressed nothing
//! on its line, and every `[[ignore]]` entry of `rcheck.toml` that suppressed nothing
//! in the whole run. A comment naming an unknown rule id is reported the same way.
//!
//! ## Why is this bad?
//! A suppression outlives the problem it silenced: the two versions were made to
//! agree, or the value moved. Left in place, it would hide the next real defect on that
//! line or path.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! result: 订单+6.35%  # rcheck: ignore[number-mismatch] 口径不同
//! # en/resume.yaml
//! result: orders +6.35%
//! ```
//! gives `rcheck: ignore[number-mismatch] matches no finding on this line`: the numbers
//! agree now, so delete the comment.

use crate::config::{Config, Ignore};
use crate::rules::Rule;

pub const ID: &str = "unused-ignore";

/// This rule's registry entry.
pub fn rule() -> &'static Rule {
    super::find(ID).expect("unused-ignore is registered")
}

pub fn inline_message(rules: &[String]) -> String {
    let unknown: Vec<&str> = rules
        .iter()
        .map(String::as_str)
        .filter(|r| super::find(r).is_none())
        .collect();
    if unknown.is_empty() {
        format!(
            "`rcheck: ignore[{}]` matches no finding on this line",
            rules.join(", ")
        )
    } else {
        format!(
            "`rcheck: ignore` names unknown rule `{}`",
            unknown.join("`, `")
        )
    }
}

pub fn config_message(config: &Config, ignore: &Ignore) -> String {
    let file = config.file.as_deref().unwrap_or(crate::config::FILE_NAME);
    let rule = ignore
        .rule
        .as_deref()
        .map_or(String::new(), |r| format!(", rule `{r}`"));
    format!(
        "[[ignore]] at {file}:{}:{} (path `{}`{rule}) matches no finding",
        ignore.pos.line, ignore.pos.column, ignore.path
    )
}
