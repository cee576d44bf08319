//! Baselines: `--write-baseline FILE` records today's findings, `--baseline FILE`
//! reports only the findings not recorded.
//!
//! A finding is recorded by a fingerprint that leaves out line numbers and item
//! indices (rule, file names, path with `[n]` removed, message, the underlined texts),
//! with a count per fingerprint, so inserting a bullet above an accepted finding does
//! not bring it back, while a second identical defect still shows. The fingerprint is
//! FNV-1a, spelled out here so it never changes with the Rust release.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::{Finding, Outcome};
use crate::error::Error;

pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    rule: String,
    path: String,
    message: String,
}

/// Accepted findings: how many of each fingerprint.
#[derive(Debug, Default, Clone)]
pub struct Baseline {
    counts: HashMap<String, usize>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, Error> {
        let source = crate::read::read(path)?;
        let file: File = serde_json::from_str(&source.text).map_err(|e| {
            Error::input(
                &source.name,
                Some(crate::source::Pos {
                    offset: 0,
                    line: e.line(),
                    column: e.column(),
                }),
                format!("not an rcheck baseline: {e}"),
            )
        })?;
        if file.version != VERSION {
            return Err(Error::input(
                &source.name,
                None,
                format!(
                    "baseline version {} is not supported (expected {VERSION})",
                    file.version
                ),
            ));
        }
        let mut counts = HashMap::new();
        for entry in file.findings {
            *counts.entry(entry.fingerprint).or_insert(0) += 1;
        }
        Ok(Baseline { counts })
    }

    /// Drops the findings the baseline accepts, one per recorded occurrence.
    pub fn filter(&self, outcomes: &mut [Outcome]) {
        let mut left = self.counts.clone();
        for outcome in outcomes {
            let names = (outcome.zh.name.clone(), outcome.en.name.clone());
            outcome.findings.retain(
                |f| match left.get_mut(&fingerprint(&names.0, &names.1, f)) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                },
            );
        }
    }
}

/// Writes the findings of `outcomes` to `path` atomically: a temporary file in the
/// same folder, synced, then renamed over the target, so a reader sees the old file or
/// the new one, never half of one.
pub fn write(path: &Path, outcomes: &[Outcome]) -> Result<(), Error> {
    let findings = outcomes
        .iter()
        .flat_map(|o| {
            o.findings.iter().map(move |f| Entry {
                fingerprint: fingerprint(&o.zh.name, &o.en.name, f),
                rule: f.rule.to_string(),
                path: f.path.clone(),
                message: f.message.clone(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&File {
        version: VERSION,
        findings,
    })
    .expect("a baseline serializes");
    text.push('\n');
    let name = path.display().to_string();
    let fail = |e: std::io::Error| Error::input(&name, None, format!("cannot write baseline: {e}"));
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| Error::input(&name, None, "not a file name"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

fn fingerprint(zh_file: &str, en_file: &str, f: &Finding) -> String {
    let mut h = Fnv::new();
    h.write(f.rule);
    h.write(zh_file);
    h.write(en_file);
    h.write(&strip_indices(&f.path));
    h.write(&f.message);
    for side in crate::source::Side::BOTH {
        h.write(f.location(side).map_or("", |l| l.text.as_str()));
    }
    format!("{:016x}", h.0)
}

/// The stable fingerprint of a finding, for SARIF's `partialFingerprints`.
pub fn partial_fingerprint(outcome: &Outcome, finding: &Finding) -> String {
    fingerprint(&outcome.zh.name, &outcome.en.name, finding)
}

fn strip_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '[' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('[');
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
            continue;
        }
        out.push(c);
    }
    out
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, text: &str) {
        for b in text.bytes().chain([0xff]) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_do_not_enter_the_fingerprint() {
        assert_eq!(
            strip_indices("work[0].highlights[12]"),
            "work[].highlights[]"
        );
        assert_eq!(strip_indices(r#"a["b[1]"]"#), r#"a["b[]"]"#);
    }

    #[test]
    fn fnv_is_the_published_function() {
        let mut h = Fnv::new();
        for b in b"a" {
            h.0 ^= u64::from(*b);
            h.0 = h.0.wrapping_mul(0x0100_0000_01b3);
        }
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
    }
}
