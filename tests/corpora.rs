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

/// Real inconsistencies in the corpora, checked by hand: (pair, rule, path, a piece of
/// the message). They must stay found.
const REAL: &[(&str, &str, &str, &str)] = &[
    (
        "redmine",
        "placeholder-mismatch",
        "notice_account_register_done",
        "%{email} in en, missing in zh",
    ),
    (
        "redmine zh-TW",
        "placeholder-mismatch",
        "mail_subject_lost_password",
        "%{value} in en, missing in zh",
    ),
    (
        "openstreetmap",
        "url-mismatch",
        "profiles.images.show.gravatar.link",
        "url http://wiki.openstreetmap.org/wiki/Gravatar in zh, https://",
    ),
    (
        "redmine zh-TW",
        "entity-mismatch",
        "label_ldaps_warning",
        "term LADPS in zh, LDAPS in en",
    ),
    (
        "homeland",
        "number-mismatch",
        "setting.topic_create_limit_interval",
        "number 0 in en, missing in zh",
    ),
];

/// False alarms the corpora once raised, one per kind, fixed in the extractors or
/// rules: (pair, rule, path). They must not come back.
const FIXED_FALSE_ALARMS: &[(&str, &str, &str)] = &[
    // strftime letters were terms
    ("redmine", "entity-mismatch", "time.formats.default"),
    // `1月` (a month) against `Jan`
    ("redmine", "number-mismatch", "date.abbr_month_names[1]"),
    // a shouted ordinary word
    ("openstreetmap", "entity-mismatch", "traces.trace.pending"),
    // a common acronym Chinese translates (ATM = 提款机)
    (
        "openstreetmap",
        "entity-mismatch",
        "geocoder.search_osm_nominatim.prefix.amenity.atm",
    ),
    // an abbreviation of the other side's words (OSM = OpenStreetMap)
    (
        "openstreetmap",
        "entity-mismatch",
        "site.copyright.legal_babble.infringement_1_html",
    ),
    // a wiki page in its language namespace
    (
        "openstreetmap",
        "url-mismatch",
        "site.help.beginners_guide.url",
    ),
    // `1 条` in a plural `one` form against `%{count}`
    (
        "openstreetmap",
        "number-mismatch",
        "messages.muted_inboxes.show.messages.one",
    ),
    // a per-locale setting (encoding)
    ("redmine", "entity-mismatch", "general_csv_encoding"),
    // class names inside a tag
    (
        "homeland",
        "entity-mismatch",
        "topics.need_login_to_reply_html",
    ),
    // a duration in other units (60 天 = 2 months)
    ("homeland", "number-mismatch", "common.remember_me"),
    // a template marker the translator replaces
    (
        "openstreetmap",
        "entity-mismatch",
        "site.copyright.native.native_link",
    ),
    // cookie vs cookies
    (
        "openstreetmap",
        "entity-mismatch",
        "application.require_cookies.cookies_needed",
    ),
];

#[test]
fn known_real_inconsistencies_are_found_and_fixed_false_alarms_stay_away() {
    let Some(dir) = corpora() else { return };
    let mut reports = BTreeMap::new();
    for (name, zh, en) in PAIRS {
        reports.insert(*name, run(&dir, zh, en));
    }
    let findings = |name: &str| reports[name]["findings"].as_array().unwrap().clone();
    for (name, rule, path, message) in REAL {
        assert!(
            findings(name).iter().any(|f| f["rule"] == *rule
                && f["path"] == *path
                && f["message"].as_str().unwrap().contains(message)),
            "{name}: {rule} at {path} ({message}) is no longer found"
        );
    }
    for (name, rule, path) in FIXED_FALSE_ALARMS {
        let back: Vec<_> = findings(name)
            .into_iter()
            .filter(|f| f["rule"] == *rule && f["path"] == *path)
            .collect();
        assert!(back.is_empty(), "{name}: false alarm is back: {back:?}");
    }
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
