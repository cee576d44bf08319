//! `rcheck.toml`: found by walking up from the working directory, or named with
//! `--config`. Every key is a promise to users' repositories: keys are only added.
//!
//! ```toml
//! fail-on = "error"            # error | warning | info | never
//! [rules]                      # per-rule severity: error | warning | info | off
//! duplicate-sentence = "info"
//! [glossary]                   # zh term = en term(s), counted as the same entity
//! "中科院" = "CAS"
//! [[ignore]]                   # path glob, optional rule, required reason
//! path = "publications[*]"
//! rule = "entity-mismatch"
//! reason = "paper titles stay in English on both sides"
//! [[pair]]                     # explicit file pairs for `rcheck check`
//! zh = "config/locales/zh-CN.yml"
//! en = "config/locales/en.yml"
//! ```
//!
//! Unknown keys, unknown rule ids, bad severities and an ignore without a reason are
//! errors that name `rcheck.toml:line:col`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::Error;
use crate::facts::Glossary;
use crate::rules::{self, Severity};
use crate::source::{Pos, SourceFile};

/// The file name looked for in the working directory and its parents.
pub const FILE_NAME: &str = "rcheck.toml";

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

/// When rcheck exits 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// At or above this severity.
    At(Severity),
    Never,
}

impl FailOn {
    pub fn parse(text: &str) -> Option<FailOn> {
        match text {
            "never" => Some(FailOn::Never),
            other => Severity::parse(other).map(FailOn::At),
        }
    }

    pub fn fails(self, severity: Severity) -> bool {
        matches!(self, FailOn::At(t) if severity >= t)
    }
}

/// A `[[ignore]]` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignore {
    pub path: String,
    pub rule: Option<String>,
    pub reason: String,
    /// Where the entry is written, for the report of an ignore that matches nothing.
    pub pos: Pos,
}

/// A `[[pair]]` entry, resolved against the config file's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePair {
    pub zh: PathBuf,
    pub en: PathBuf,
}

/// The settings in force.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file they were read from, if any.
    pub file: Option<String>,
    pub fail_on: FailOn,
    pub rules: BTreeMap<String, Level>,
    pub glossary: Glossary,
    pub ignores: Vec<Ignore>,
    pub pairs: Vec<FilePair>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            file: None,
            fail_on: FailOn::At(Severity::Error),
            rules: BTreeMap::new(),
            glossary: Glossary::default(),
            ignores: Vec::new(),
            pairs: Vec::new(),
        }
    }
}

impl Config {
    /// The severity of `rule` under this config, or `None` when it is off.
    pub fn level(&self, rule: &rules::Rule) -> Option<Severity> {
        match self.rules.get(rule.id) {
            Some(Level::Off) => None,
            Some(Level::On(severity)) => Some(*severity),
            None => Some(rule.severity),
        }
    }
}

/// The nearest `rcheck.toml` in `dir` or a parent of it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Config, Error> {
    let file = crate::read::read(path)?;
    let base = path.parent().unwrap_or(Path::new("."));
    parse(&file, base)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    fail_on: Option<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    glossary: BTreeMap<String, Terms>,
    #[serde(default)]
    ignore: Vec<Spanned<RawIgnore>>,
    #[serde(default)]
    pair: Vec<RawPair>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Terms {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    path: Option<String>,
    rule: Option<Spanned<String>>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPair {
    zh: PathBuf,
    en: PathBuf,
}

/// Parses the text of a config file; relative `[[pair]]` paths are taken from `base`.
pub fn parse(file: &SourceFile, base: &Path) -> Result<Config, Error> {
    let at = |offset: usize| Some(pos_at(&file.text, offset));
    let raw: Raw = toml::from_str(&file.text).map_err(|e| {
        let message = e.message().trim().to_string();
        Error::input(&file.name, e.span().and_then(|s| at(s.start)), message)
    })?;
    let mut config = Config {
        file: Some(file.name.clone()),
        ..Config::default()
    };
    if let Some(fail_on) = raw.fail_on {
        config.fail_on = FailOn::parse(fail_on.get_ref()).ok_or_else(|| {
            Error::input(
                &file.name,
                at(fail_on.span().start),
                format!(
                    "fail-on must be error, warning, info or never, not `{}`",
                    fail_on.get_ref()
                ),
            )
        })?;
    }
    for (id, level) in raw.rules {
        known_rule(file, &id)?;
        let parsed = match level.get_ref().as_str() {
            "off" => Level::Off,
            other => Level::On(Severity::parse(other).ok_or_else(|| {
                Error::input(
                    &file.name,
                    at(level.span().start),
                    format!("severity must be error, warning, info or off, not `{other}`"),
                )
            })?),
        };
        config.rules.insert(id.into_inner(), parsed);
    }
    for (zh, terms) in raw.glossary {
        let terms = match terms {
            Terms::One(t) => vec![t],
            Terms::Many(ts) => ts,
        };
        config.glossary.entries.insert(zh, terms);
    }
    for entry in raw.ignore {
        let start = entry.span().start;
        let entry = entry.into_inner();
        if let Some(rule) = &entry.rule {
            known_rule(file, rule)?;
        }
        let missing = |what: &str| {
            Error::input(
                &file.name,
                at(start),
                format!("this [[ignore]] has no `{what}`; every ignore needs a path and a reason"),
            )
        };
        let reason = entry.reason.filter(|r| !r.trim().is_empty());
        config.ignores.push(Ignore {
            path: entry.path.ok_or_else(|| missing("path"))?,
            rule: entry.rule.map(Spanned::into_inner),
            reason: reason.ok_or_else(|| missing("reason"))?,
            pos: pos_at(&file.text, start),
        });
    }
    config.pairs = raw
        .pair
        .into_iter()
        .map(|p| FilePair {
            zh: base.join(p.zh),
            en: base.join(p.en),
        })
        .collect();
    Ok(config)
}

fn known_rule(file: &SourceFile, id: &Spanned<String>) -> Result<(), Error> {
    if rules::find(id.get_ref()).is_some() {
        return Ok(());
    }
    Err(Error::input(
        &file.name,
        Some(pos_at(&file.text, id.span().start)),
        format!("unknown rule `{}` (`rcheck rule` lists them)", id.get_ref()),
    ))
}

/// The line and column of a byte offset.
pub fn pos_at(text: &str, offset: usize) -> Pos {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    Pos::START.advance(&text[..offset])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, Error> {
        let file = SourceFile {
            name: "rcheck.toml".into(),
            text: text.into(),
        };
        parse(&file, Path::new("/repo"))
    }

    #[test]
    fn reads_every_documented_key() {
        let config = parse_str(
            r#"
fail-on = "warning"
[rules]
extra-key = "off"
missing-key = "info"
[glossary]
"中科院" = "CAS"
"阿里" = ["Alibaba", "Ali"]
[[ignore]]
path = "publications[*]"
rule = "missing-item"
reason = "titles"
[[pair]]
zh = "config/locales/zh-CN.yml"
en = "config/locales/en.yml"
"#,
        )
        .unwrap();
        assert_eq!(config.fail_on, FailOn::At(Severity::Warning));
        assert_eq!(config.rules["missing-key"], Level::On(Severity::Info));
        assert_eq!(config.glossary.entries["阿里"], ["Alibaba", "Ali"]);
        assert_eq!(config.glossary.entries["中科院"], ["CAS"]);
        assert_eq!(config.ignores[0].rule.as_deref(), Some("missing-item"));
        assert_eq!(config.ignores[0].pos.line, 9);
        assert_eq!(
            config.pairs[0].zh,
            Path::new("/repo/config/locales/zh-CN.yml")
        );
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let table = [
            (
                "fail-on = \"error\"\ncolour = 1\n",
                2,
                1,
                "unknown field `colour`",
            ),
            (
                "[rules]\nno-such-rule = \"off\"\n",
                2,
                1,
                "unknown rule `no-such-rule`",
            ),
            (
                "[rules]\nmissing-key = \"loud\"\n",
                2,
                15,
                "severity must be",
            ),
            ("fail-on = \"sometimes\"\n", 1, 11, "fail-on must be"),
            ("[[ignore]]\npath = \"a\"\n", 1, 1, "no `reason`"),
            (
                "[[ignore]]\npath = \"a\"\nreason = \"b\"\nwhy = 1\n",
                4,
                1,
                "unknown field `why`",
            ),
            ("fail-on = \n", 1, 11, ""),
        ];
        for (text, line, column, message) in table {
            let err = parse_str(text).unwrap_err();
            let pos = err.pos.expect("a position");
            assert_eq!((pos.line, pos.column), (line, column), "{text:?}: {err}");
            assert!(err.message.contains(message), "{text:?}: {err}");
        }
    }

    #[test]
    fn discovery_walks_up_to_the_nearest_file() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        assert_eq!(discover(&nested), None);
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&nested), Some(dir.path().join(FILE_NAME)));
    }
}
