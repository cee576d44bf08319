//! `cargo bench --bench scale`: rcheck against the parser floor.
//!
//! Generates aligned zh/en pairs of growing size under `target/bench-data/` (the bundled
//! résumé repeated, with the locale corpora of `../shared/corpora` mixed in), then runs,
//! each in its own process so peak memory is that process's alone:
//!
//! - rcheck: the release binary, `rcheck diff ZH EN --format json > /dev/null`;
//! - the floor: this same executable re-run as `--floor ZH EN`, which only reads both
//!   files and loads each into saphyr's `MarkedYaml` tree, on two threads.
//!
//! Wall time is measured from spawn to reap, peak memory is the child's `ru_maxrss`
//! from `wait4`. It prints a table (median of several runs), then the latency of the
//! bundled résumé pair. Nothing is asserted: timings are for people to read.
//!
//! Then the same measure on a pair where no two values are equal (the résumé repeated,
//! each copy's values tagged with a word of its own), which the value-pair memo cannot
//! help: what a large document that never repeats itself costs.
//!
//! Knobs (environment): `RCHECK_BENCH_SCALES` (default `1,10,100`; 1x is about 0.2 MB
//! for both files together), `RCHECK_BENCH_RUNS` (default 5, three times
//! that below 100x), `RCHECK_BENCH_DISTINCT` (the scale of the distinct pair, default
//! 100, 0 to skip it), `RCHECK_BENCH_LATENCY_RUNS` (default 50).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use saphyr::{LoadableYamlNode, MarkedYaml};

/// Bytes of both files together at scale 1.
const UNIT_BYTES: usize = 200_000;
/// One locale corpus pair is mixed in after this many résumés.
const RESUMES_PER_CORPUS: usize = 60;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--floor") {
        floor(Path::new(&args[1]), Path::new(&args[2]));
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rcheck = Path::new(env!("CARGO_BIN_EXE_rcheck"));
    let me = std::env::current_exe().expect("the bench knows its own path");
    let scales = env_list("RCHECK_BENCH_SCALES", &[1, 10, 100]);
    let runs = env_list("RCHECK_BENCH_RUNS", &[5])[0].max(1);
    let latency_runs = env_list("RCHECK_BENCH_LATENCY_RUNS", &[50])[0].max(1);
    let distinct = env_list("RCHECK_BENCH_DISTINCT", &[100])[0];

    let sources = Sources::load(root);
    let data = target_dir(root).join("bench-data");
    std::fs::create_dir_all(&data).expect("create target/bench-data");

    println!(
        "rcheck vs saphyr MarkedYaml load (floor); median of {runs} runs ({} below 100x); {} corpora mixed in",
        runs * 3,
        sources.corpora.len()
    );
    println!(
        "{:>6} {:>9} | {:>10} {:>10} | {:>10} {:>10} | {:>10} {:>10}",
        "scale", "MB", "rcheck ms", "rcheck MB", "floor ms", "floor MB", "time ×", "memory ×"
    );
    // Small inputs run in milliseconds, where scheduling noise is larger: more runs.
    let runs_at = |scale: usize| if scale < 100 { runs * 3 } else { runs };
    for &scale in &scales {
        let (zh, en) = sources.generate(&data, scale);
        row(&format!("{scale}x"), rcheck, &me, &zh, &en, runs_at(scale));
    }
    if distinct > 0 {
        let (zh, en) = sources.distinct(&data, distinct);
        row(
            &format!("{distinct}x*"),
            rcheck,
            &me,
            &zh,
            &en,
            runs_at(distinct),
        );
        println!("  * no two values equal: the résumé alone, each copy's values tagged");
    }

    let zh = root.join("zh/resume.yaml");
    let en = root.join("en/resume.yaml");
    let mut walls: Vec<Duration> = (0..latency_runs)
        .map(|_| {
            let mut cmd = Command::new(rcheck);
            cmd.arg("diff").arg(&zh).arg(&en).args(["--format", "json"]);
            run(cmd).wall
        })
        .collect();
    walls.sort();
    println!(
        "résumé pair ({} bytes), {latency_runs} runs, process start to exit: median {:.2} ms, p90 {:.2} ms, min {:.2} ms",
        file_len(&zh) + file_len(&en),
        ms(walls[walls.len() / 2]),
        ms(walls[walls.len() * 9 / 10]),
        ms(walls[0]),
    );
}

/// Measures rcheck and the floor on one pair and prints their row of the table.
fn row(label: &str, rcheck: &Path, me: &Path, zh: &Path, en: &Path, runs: usize) {
    let size = file_len(zh) + file_len(en);
    let ours = measure(runs, || {
        let mut cmd = Command::new(rcheck);
        cmd.args(["diff"])
            .arg(zh)
            .arg(en)
            .args(["--format", "json"]);
        cmd
    });
    let base = measure(runs, || {
        let mut cmd = Command::new(me);
        cmd.arg("--floor").arg(zh).arg(en);
        cmd
    });
    println!(
        "{:>6} {:>9.2} | {:>10.1} {:>10.1} | {:>10.1} {:>10.1} | {:>10.2} {:>10.2}",
        label,
        size as f64 / 1e6,
        ms(ours.wall),
        ours.peak_kib as f64 / 1024.0,
        ms(base.wall),
        base.peak_kib as f64 / 1024.0,
        ours.wall.as_secs_f64() / base.wall.as_secs_f64(),
        ours.peak_kib as f64 / base.peak_kib as f64,
    );
}

/// The parser floor: read both files, load both into saphyr's marked tree in parallel.
fn floor(zh: &Path, en: &Path) {
    let load = |path: &Path| {
        let text = std::fs::read_to_string(path).expect("floor: read");
        let docs = MarkedYaml::load_from_str(&text).expect("floor: saphyr load");
        std::hint::black_box(&docs);
        docs.len()
    };
    std::thread::scope(|s| {
        let other = s.spawn(|| load(en));
        let n = load(zh) + other.join().expect("floor thread");
        std::hint::black_box(n);
    });
}

/// The inputs the big files are made of.
struct Sources {
    resume: (String, String),
    /// (name, zh, en) of each locale corpus pair.
    corpora: Vec<(String, String, String)>,
}

impl Sources {
    fn load(root: &Path) -> Sources {
        let read = |p: PathBuf| {
            std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        };
        let resume = (
            read(root.join("zh/resume.yaml")),
            read(root.join("en/resume.yaml")),
        );
        let shared = root.join("../shared/corpora");
        let pairs = [
            ("homeland", "zh.yml", "en.yml"),
            ("discourse-calendar", "zh.yml", "en.yml"),
            ("discourse-calendar", "server.zh.yml", "server.en.yml"),
            ("redmine", "zh.yml", "en.yml"),
            ("openstreetmap", "zh.yml", "en.yml"),
        ];
        let mut corpora = Vec::new();
        for (dir, zh, en) in pairs {
            let (zh, en) = (shared.join(dir).join(zh), shared.join(dir).join(en));
            if zh.exists() && en.exists() {
                corpora.push((dir.to_string(), read(zh), read(en)));
            } else {
                eprintln!("note: {} not found, left out", zh.display());
            }
        }
        Sources { resume, corpora }
    }

    /// Writes the pair for `scale` (about `scale × UNIT_BYTES` bytes for both files) and
    /// returns the paths. Every chunk sits under its own top-level key, so the files stay
    /// one document with unique keys, and zh and en keys line up.
    fn generate(&self, dir: &Path, scale: usize) -> (PathBuf, PathBuf) {
        let (mut zh, mut en) = (String::new(), String::new());
        let mut resumes = 0;
        let mut corpus = 0;
        while zh.len() + en.len() < scale * UNIT_BYTES {
            if resumes > 0 && resumes % RESUMES_PER_CORPUS == 0 && !self.corpora.is_empty() {
                let (name, z, e) = &self.corpora[corpus % self.corpora.len()];
                let key = format!("{}_{corpus}", name.replace('-', "_"));
                reroot(&mut zh, &key, z);
                reroot(&mut en, &key, e);
                corpus += 1;
            }
            let key = format!("resume_{resumes}");
            nest(&mut zh, &key, &self.resume.0);
            nest(&mut en, &key, &self.resume.1);
            resumes += 1;
        }
        let zh_path = dir.join(format!("zh-{scale}x.yaml"));
        let en_path = dir.join(format!("en-{scale}x.yaml"));
        std::fs::write(&zh_path, zh).expect("write bench data");
        std::fs::write(&en_path, en).expect("write bench data");
        (zh_path, en_path)
    }
}

impl Sources {
    /// Writes a pair of about `scale × UNIT_BYTES` bytes where no two values are equal:
    /// the résumé repeated, every value of copy `k` ending in a word made for `k`.
    fn distinct(&self, dir: &Path, scale: usize) -> (PathBuf, PathBuf) {
        let (mut zh, mut en) = (String::new(), String::new());
        let mut copy = 0;
        while zh.len() + en.len() < scale * UNIT_BYTES {
            let key = format!("resume_{copy}");
            nest(&mut zh, &key, &tagged(&self.resume.0, copy));
            nest(&mut en, &key, &tagged(&self.resume.1, copy));
            copy += 1;
        }
        let zh_path = dir.join(format!("zh-{scale}x-distinct.yaml"));
        let en_path = dir.join(format!("en-{scale}x-distinct.yaml"));
        std::fs::write(&zh_path, zh).expect("write bench data");
        std::fs::write(&en_path, en).expect("write bench data");
        (zh_path, en_path)
    }
}

/// The résumé with ` tag` appended to every value (inside the quotes of a quoted
/// one), `tag` being `copy` written in letters. The résumé's lines are all comments,
/// `key:`, `key: value` or `- value`; no value holds a comment.
fn tagged(doc: &str, copy: usize) -> String {
    let mut tag = String::from(" q");
    let mut n = copy;
    loop {
        tag.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(doc.len() * 11 / 10);
    for line in doc.lines() {
        let body = line.trim_start();
        let value_at = if body.starts_with('#') {
            None
        } else if let Some(rest) = body.strip_prefix("- ") {
            let rest_at = line.len() - rest.len();
            Some(rest.find(": ").map_or(rest_at, |k| rest_at + k + 2))
        } else {
            body.find(": ").map(|k| line.len() - body.len() + k + 2)
        };
        match value_at {
            Some(at) if at < line.len() && line.ends_with('"') => {
                out.push_str(&line[..line.len() - 1]);
                out.push_str(&tag);
                out.push('"');
            }
            Some(at) if at < line.len() => {
                out.push_str(line);
                out.push_str(&tag);
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Appends `doc` (a mapping) indented under `key:`.
fn nest(out: &mut String, key: &str, doc: &str) {
    let _ = writeln!(out, "{key}:");
    for line in doc.lines() {
        if !line.is_empty() {
            out.push_str("  ");
        }
        out.push_str(line);
        out.push('\n');
    }
}

/// Appends a locale file (one root key, such as `en:` or `zh-CN:`) with its root key
/// renamed to `key`, so both languages share it. Document markers are dropped.
fn reroot(out: &mut String, key: &str, doc: &str) {
    let mut rooted = false;
    for line in doc.lines() {
        let top = !line.starts_with([' ', '#']) && !line.is_empty();
        if top && (line == "---" || line == "...") {
            continue;
        }
        if top && !rooted {
            let _ = writeln!(out, "{key}:");
            rooted = true;
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
}

struct Sample {
    wall: Duration,
    peak_kib: u64,
}

/// Median wall time and median peak memory of `runs` runs, after one warm-up run.
fn measure(runs: usize, mut cmd: impl FnMut() -> Command) -> Sample {
    run(cmd());
    let mut samples: Vec<Sample> = (0..runs).map(|_| run(cmd())).collect();
    samples.sort_by_key(|s| s.wall);
    let wall = samples[samples.len() / 2].wall;
    samples.sort_by_key(|s| s.peak_kib);
    Sample {
        wall,
        peak_kib: samples[samples.len() / 2].peak_kib,
    }
}

/// Runs one process to its end: wall time from spawn to reap, and its own peak RSS.
fn run(mut cmd: Command) -> Sample {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn");
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        use std::io::Read;
        let _ = pipe.read_to_string(&mut stderr);
    }
    let (code, peak_kib) = reap(&mut child);
    let wall = start.elapsed();
    assert!(
        matches!(code, Some(0 | 1)),
        "{cmd:?} exited {code:?}:\n{stderr}"
    );
    Sample { wall, peak_kib }
}

/// Waits for `child` and returns its exit code and peak resident set in KiB.
#[cfg(unix)]
fn reap(child: &mut std::process::Child) -> (Option<i32>, u64) {
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for this one child and reaps it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(got, pid, "wait4: {}", std::io::Error::last_os_error());
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    // Linux reports ru_maxrss in KiB, macOS in bytes.
    let peak = if cfg!(target_os = "macos") {
        usage.ru_maxrss as u64 / 1024
    } else {
        usage.ru_maxrss as u64
    };
    (code, peak)
}

#[cfg(not(unix))]
fn reap(child: &mut std::process::Child) -> (Option<i32>, u64) {
    (child.wait().expect("wait").code(), 0)
}

fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    match std::env::var(name) {
        Ok(v) => v
            .split(',')
            .map(|s| s.trim().parse().unwrap_or_else(|_| panic!("{name}={v}")))
            .collect(),
        Err(_) => default.to_vec(),
    }
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
