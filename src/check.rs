//! The pipeline from two source files to findings.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use std::path::Path;

use crate::align::{self, Aligned, Fingerprints, Part};
use crate::config::Config;
use crate::error::Error;
use crate::facts::{self, Decimal};
use crate::pairs::Planned;
use crate::read;
use crate::rules::missing_file;
use crate::rules::{is_blank, plural_count, Check, Hit, Mark, Rule, Severity, TextSide, RULES};
use crate::source::{Pos, Side, SourceFile, Span};
use crate::suppress::{self, Baseline};
use crate::yaml::{self, Node, NodeKind};

/// How a check runs.
#[derive(Debug, Default, Clone)]
pub struct Options {
    pub config: Config,
}

/// Where a finding points on one side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub span: Span,
    /// The text under the span, up to the end of its first line.
    pub text: String,
    /// What the frame on this side says: the side's name, or for an orphan where it is
    /// and where it is missing.
    pub label: String,
}

/// One reported inconsistency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The item's path, such as `work[0].highlights[2]` (zh indices).
    pub path: String,
    pub zh: Option<Location>,
    pub en: Option<Location>,
    /// The side where the fix most likely belongs: the side of an orphan, else zh.
    pub primary: Side,
}

impl Finding {
    pub fn location(&self, side: Side) -> Option<&Location> {
        match side {
            Side::Zh => self.zh.as_ref(),
            Side::En => self.en.as_ref(),
        }
    }
}

/// The result of comparing one pair of files.
#[derive(Debug)]
pub struct Outcome {
    pub zh: SourceFile,
    pub en: SourceFile,
    /// How many node pairs were compared.
    pub pairs: usize,
    pub findings: Vec<Finding>,
    /// The side whose file does not exist (a file with no counterpart in `check`).
    pub absent: Option<Side>,
}

impl Outcome {
    pub fn file(&self, side: Side) -> &SourceFile {
        match side {
            Side::Zh => &self.zh,
            Side::En => &self.en,
        }
    }
}

/// Compares two files.
pub fn diff(zh: SourceFile, en: SourceFile, options: &Options) -> Result<Outcome, Error> {
    let (zh_root, en_root) = std::thread::scope(|scope| {
        let en_job = scope.spawn(|| root(&en));
        let zh_root = root(&zh);
        let en_root = en_job
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (zh_root, en_root)
    });
    compare(zh, en, zh_root?, en_root?, options)
}

/// Reads and compares the files at two paths, the same as [`read`](crate::read::read)
/// on each and then [`diff`].
///
/// Each file is read and parsed by one thread. Reading on a separate, short-lived
/// thread instead hands that thread's allocator arena on to the next thread, and with
/// glibc the two parsing threads then sometimes allocate from one arena and wait on its
/// lock thousands of times (a third slower on the 20 MB bench pair).
pub fn diff_paths(zh: &Path, en: &Path, options: &Options) -> Result<Outcome, Error> {
    let load = |path: &Path| {
        let file = crate::read::read(path);
        let root = file.as_ref().ok().map(root);
        (file, root)
    };
    let ((zh, zh_root), (en, en_root)) = std::thread::scope(|scope| {
        let en_job = std::thread::Builder::new().spawn_scoped(scope, || load(en));
        let zh = load(zh);
        let en = match en_job {
            Ok(job) => job.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            // No thread to be had (a process limit): one file after the other.
            Err(_) => load(en),
        };
        (zh, en)
    });
    // Errors in the order `read`, `read`, `diff` would give them.
    let (zh, en) = (zh?, en?);
    let (Some(zh_root), Some(en_root)) = (zh_root, en_root) else {
        unreachable!("a file that was read was parsed");
    };
    compare(zh, en, zh_root?, en_root?, options)
}

/// Aligns and checks two parsed files.
fn compare(
    zh: SourceFile,
    en: SourceFile,
    zh_root: Node,
    en_root: Node,
    options: &Options,
) -> Result<Outcome, Error> {
    let parts = align::parts(&zh_root, &en_root);
    let (pairs, findings) = check_parts(&parts, options, &zh, &en);
    drop(parts);
    drop_deep(zh_root, en_root);
    Ok(Outcome {
        zh,
        en,
        pairs,
        findings,
        absent: None,
    })
}

/// Below this many bytes (both files), a second thread costs more than it saves.
const PARALLEL_BYTES: usize = 64 * 1024;

/// Aligns and checks the parts, on two threads for large inputs: the parts are cut in
/// two runs of about equal size, each checked in order, and the findings of the second
/// appended to the first's, so the output is the same as on one thread.
fn check_parts(
    parts: &[Part<'_>],
    options: &Options,
    zh: &SourceFile,
    en: &SourceFile,
) -> (usize, Vec<Finding>) {
    let weight = |part: &Part<'_>| match part {
        Part::Item(_) => 1,
        Part::Subtree { zh, en, .. } => 1 + zh.span.bytes().len() + en.span.bytes().len(),
    };
    let total: usize = parts.iter().map(weight).sum();
    let memo = Mutex::default();
    if total < PARALLEL_BYTES || parts.len() < 2 {
        return check_run(parts, options, zh, en, &memo);
    }
    let mut cut = 0;
    let mut first = 0;
    while cut < parts.len() - 1 && 2 * (first + weight(&parts[cut])) <= total {
        first += weight(&parts[cut]);
        cut += 1;
    }
    let (head, tail) = parts.split_at(cut.max(1));
    std::thread::scope(|scope| {
        let second = std::thread::Builder::new()
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || check_run(tail, options, zh, en, &memo));
        let (mut pairs, mut findings) = check_run(head, options, zh, en, &memo);
        let (more_pairs, more) = match second {
            Ok(second) => second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            // No thread to be had (a process limit): do it here.
            Err(_) => check_run(tail, options, zh, en, &memo),
        };
        pairs += more_pairs;
        findings.extend(more);
        (pairs, findings)
    })
}

/// A checking thread walks trees up to [`crate::yaml::MAX_DEPTH`] deep, recursively:
/// give it the main thread's usual stack.
const STACK_BYTES: usize = 8 << 20;

/// Aligns and checks a run of parts, one subtree at a time (so the aligned items of the
/// whole document are never all held at once). `memo` is shared by the runs over the
/// same two trees.
fn check_run<'a>(
    parts: &[Part<'a>],
    options: &Options,
    zh: &SourceFile,
    en: &SourceFile,
    memo: &Mutex<MemoMap>,
) -> (usize, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut pairs = 0;
    let mut hits = Vec::new();
    let mut aligned = Vec::new();
    let mut memo = TextMemo {
        local: MemoMap::default(),
        shared: memo,
    };
    let mut fingerprints = Fingerprints::default();
    let mut check = |item: &Aligned<'a>| {
        if matches!(item, Aligned::Pair(_)) {
            pairs += 1;
        }
        hits.clear();
        run_rules(item, options, &mut memo, &mut hits);
        for hit in hits.drain(..) {
            if let Some(finding) = resolve(hit, item, zh, en, &options.config) {
                findings.push(finding);
            }
        }
    };
    for part in parts {
        match part {
            Part::Item(item) => check(item),
            Part::Subtree { path, zh, en } => {
                align::align_subtree(path.clone(), zh, en, &mut aligned, &mut fingerprints);
                aligned.iter().for_each(&mut check);
                aligned.clear();
            }
        }
    }
    (pairs, findings)
}

/// Large trees are freed on another thread, and only after [`FREE_AFTER`]: the user
/// does not wait for it. Freeing the trees of the 20 MB bench pair (millions of small
/// allocations) costs about 20 ms of CPU and, run at once, contends with rendering for
/// the allocator's locks; the command line exits well before the delay is over, and the
/// operating system takes the memory back at once. A long-running caller gets it back
/// shortly after.
fn drop_deep(zh: Node, en: Node) {
    if zh.span.end.offset + en.span.end.offset > 1 << 20 {
        std::thread::spawn(move || {
            std::thread::sleep(FREE_AFTER);
            drop((zh, en));
        });
    }
}

const FREE_AFTER: std::time::Duration = std::time::Duration::from_millis(500);

/// The one document of a file; an empty file is an empty mapping.
fn root(file: &SourceFile) -> Result<Node, Error> {
    let stream = yaml::parse(file).map_err(|e| Error::input(&file.name, Some(e.pos), e.message))?;
    let mut documents = stream.documents;
    match documents.len() {
        // Line 1, column 1: a finding about the empty side still points at a place.
        0 => Ok(Node {
            span: Span {
                start: Pos::START,
                end: Pos::START,
            },
            kind: NodeKind::Mapping(Vec::new()),
        }),
        1 => Ok(documents.remove(0)),
        n => Err(Error::input(
            &file.name,
            Some(documents[1].span.start),
            format!("the file holds {n} YAML documents; rcheck compares files of one document"),
        )),
    }
}

/// The text hits of value pairs already checked in this run, by the two values and
/// the plural form their path ends in (the only part of a path text rules read).
/// Locale files repeat pairs (`Cancel` / `取消` under many keys) and so do résumés
/// generated from templates; a repeated pair costs one look-up instead of extracting
/// and comparing its facts again. Hits hold ranges inside the values, so they are
/// valid for every occurrence.
///
/// Texts are interned per file ([`yaml::Text`]), so a value is known by its address:
/// the key is two pointers, and a look-up never reads the texts themselves (on the
/// 20 MB bench pair that reading was most of the check's cache misses). The trees
/// outlive the memo, so an address cannot be reused while it is a key. The hash is
/// foldhash, seeded at random on every run.
///
/// Each checking thread asks its own map first and the map shared by all of them only
/// when that fails, so the lock is taken once per distinct pair and thread, not once
/// per pair; a pair one thread has checked is not checked again by the other.
struct TextMemo<'s> {
    local: MemoMap,
    shared: &'s Mutex<MemoMap>,
}

type MemoMap = foldhash::HashMap<(usize, usize, Option<Decimal>), Vec<Hit>>;

impl TextMemo<'_> {
    fn get(&mut self, key: &(usize, usize, Option<Decimal>)) -> Option<&[Hit]> {
        if !self.local.contains_key(key) {
            let shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
            let known = shared.get(key)?.clone();
            drop(shared);
            self.local.insert(key.clone(), known);
        }
        self.local.get(key).map(Vec::as_slice)
    }

    fn insert(&mut self, key: (usize, usize, Option<Decimal>), hits: &[Hit]) {
        let mut shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        shared.insert(key.clone(), hits.to_vec());
        drop(shared);
        self.local.insert(key, hits.to_vec());
    }
}

/// Above this many bytes a value pair is not remembered: a value this long is rarely
/// repeated, and one with many hits would hold them twice.
const MEMO_MAX_BYTES: usize = 4096;

fn run_rules(item: &Aligned<'_>, options: &Options, memo: &mut TextMemo, hits: &mut Vec<Hit>) {
    let config = &options.config;
    let enabled = |rule: &Rule| config.level(rule).is_some();
    for rule in RULES.iter().filter(|r| enabled(r)) {
        if let Check::Structure(check) = rule.check {
            check(item, hits);
        }
    }
    let Aligned::Pair(pair) = item else { return };
    let (Some(zh), Some(en)) = (pair.zh.as_scalar(), pair.en.as_scalar()) else {
        return;
    };
    if is_blank(pair.zh) || is_blank(pair.en) {
        return;
    }
    // A text that occurs once in its file makes no pair that repeats: no look-up, and
    // nothing kept (on a file that never repeats itself the memo would only cost).
    let remember = zh.value.len() + en.value.len() <= MEMO_MAX_BYTES
        && yaml::is_repeated(&zh.value)
        && yaml::is_repeated(&en.value);
    let key = (
        yaml::address(&zh.value),
        yaml::address(&en.value),
        plural_count(&pair.path),
    );
    if remember {
        if let Some(known) = memo.get(&key) {
            hits.extend_from_slice(known);
            return;
        }
    }
    let start = hits.len();
    let zh_facts = facts::extract(&zh.value, Side::Zh);
    let en_facts = facts::extract(&en.value, Side::En);
    let side = |text, facts| TextSide { text, facts };
    crate::rules::check_text(
        &pair.path,
        side(&zh.value, &zh_facts),
        side(&en.value, &en_facts),
        &config.glossary,
        enabled,
        hits,
    );
    if remember {
        memo.insert(key, &hits[start..]);
    }
}

fn resolve(
    hit: Hit,
    item: &Aligned<'_>,
    zh: &SourceFile,
    en: &SourceFile,
    config: &Config,
) -> Option<Finding> {
    let rule = crate::rules::find(hit.rule).expect("a hit names a registered rule");
    let primary = match item {
        Aligned::Orphan(orphan) => orphan.side,
        // The side that holds the value a text rule is about (`KDD` only in en).
        Aligned::Pair(_) => match (&hit.zh, &hit.en) {
            (Some(Mark::Text(_)), _) | (_, None) => Side::Zh,
            _ => match &hit.en {
                Some(Mark::Text(_)) => Side::En,
                _ => Side::Zh,
            },
        },
    };
    Some(Finding {
        rule: rule.id,
        severity: config.level(rule)?,
        message: hit.message,
        path: item.path().to_string(),
        zh: hit.zh.map(|m| locate(item, Side::Zh, &m, zh)),
        en: hit.en.map(|m| locate(item, Side::En, &m, en)),
        primary,
    })
}

fn locate(item: &Aligned<'_>, side: Side, mark: &Mark, file: &SourceFile) -> Location {
    let (span, label) = match item {
        Aligned::Pair(pair) => {
            let node = if side == Side::Zh { pair.zh } else { pair.en };
            let span = match (mark, &node.kind) {
                (Mark::Text(range), NodeKind::Scalar(s)) => {
                    s.locate(file, node.span, range.clone())
                }
                _ => node.head_span(file),
            };
            (span, side.name().to_string())
        }
        Aligned::Orphan(orphan) if orphan.side == side => {
            let span = match (mark, &orphan.kind) {
                (Mark::Key, crate::align::OrphanKind::Key { key_span, .. }) => *key_span,
                _ => orphan.node.head_span(file),
            };
            (span, format!("only in {}", side.name()))
        }
        Aligned::Orphan(orphan) => (orphan.anchor, format!("missing in {} here", side.name())),
    };
    let text = &file.text[span.bytes()];
    let text = text.split(['\r', '\n']).next().unwrap_or("").to_string();
    Location { span, text, label }
}

/// Runs a whole plan: every pair compared (in parallel when there are several), files
/// on one side only reported, then suppressions and the baseline applied. Outcomes come
/// back in plan order; the first input error in plan order wins.
pub fn run(
    plan: &[Planned],
    options: &Options,
    baseline: Option<&Baseline>,
) -> Result<Vec<Outcome>, Error> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Outcome, Error>>>> =
        Mutex::new((0..plan.len()).map(|_| None).collect());
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(plan.len())
        .max(1);
    let work = || loop {
        let k = next.fetch_add(1, Ordering::Relaxed);
        let Some(job) = plan.get(k) else { break };
        let result = run_one(job, options);
        results.lock().unwrap_or_else(|e| e.into_inner())[k] = Some(result);
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(work);
        }
        work();
    });
    let mut outcomes = results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect::<Result<Vec<_>, _>>()?;
    suppress::apply(&mut outcomes, &options.config, baseline);
    Ok(outcomes)
}

fn run_one(job: &Planned, options: &Options) -> Result<Outcome, Error> {
    match job {
        Planned::Both { zh, en } => diff_paths(zh, en, options),
        Planned::Only {
            side,
            path,
            expected,
        } => {
            let present = read::read(path)?;
            let absent = SourceFile {
                name: expected.display().to_string(),
                text: String::new(),
            };
            let rule = match side {
                Side::Zh => "missing-file",
                Side::En => "extra-file",
            };
            let rule = crate::rules::find(rule).expect("registered");
            let first = present.text.split(['\r', '\n']).next().unwrap_or("");
            let location = Location {
                span: Span {
                    start: Pos::START,
                    end: Pos::START.advance(first),
                },
                text: first.to_string(),
                label: format!("only in {}", side.name()),
            };
            let findings = options
                .config
                .level(rule)
                .map(|severity| Finding {
                    rule: rule.id,
                    severity,
                    message: missing_file::message(&present.name, &absent.name),
                    path: String::new(),
                    zh: (*side == Side::Zh).then(|| location.clone()),
                    en: (*side == Side::En).then(|| location.clone()),
                    primary: *side,
                })
                .into_iter()
                .collect();
            let (zh, en) = match side {
                Side::Zh => (present, absent),
                Side::En => (absent, present),
            };
            Ok(Outcome {
                zh,
                en,
                pairs: 0,
                findings,
                absent: Some(side.other()),
            })
        }
    }
}
