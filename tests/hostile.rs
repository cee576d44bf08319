//! Hostile and odd inputs, each run through the real binary (issue 6): every one must
//! end with exit 0, 1 or 2, never a panic, an abort, a stack overflow or a hang, and an
//! input error (exit 2) must name the file and a `line:column`.
//!
//! The binary under test is the debug build, so the anti-hang limit is generous; the
//! release build's times are what `cargo bench --bench scale` reports.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far above what any case needs even unoptimised; only a hang reaches it.
const HANG: Duration = Duration::from_secs(60);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    dir: PathBuf,
    /// The inputs' folder: deleted after a passing test, kept when one fails.
    temp: Option<tempfile::TempDir>,
}

impl Drop for Run {
    fn drop(&mut self) {
        if std::thread::panicking() {
            if let Some(temp) = self.temp.take() {
                let _ = temp.keep();
            }
        }
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {} in {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code,
            self.dir.display(),
            self.stdout.chars().take(2000).collect::<String>(),
            self.stderr
        )
    }
}

/// Writes `zh.yaml` and `en.yaml` into a fresh folder and runs `rcheck diff` on them.
fn diff(zh: impl AsRef<[u8]>, en: impl AsRef<[u8]>, args: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("zh.yaml"), zh).expect("write zh");
    std::fs::write(dir.path().join("en.yaml"), en).expect("write en");
    let mut run = rcheck(
        dir.path(),
        &[&["diff", "zh.yaml", "en.yaml"], args].concat(),
    );
    run.temp = Some(dir);
    assert_clean_end(&run);
    run
}

/// Runs the binary in `dir`, killing it (and failing) if it outlives [`HANG`].
fn rcheck(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rcheck");
    // Drain both pipes on threads so a large output cannot block the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rcheck {args:?} in {} hung for {HANG:?}", dir.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        // No code means a signal: an abort or a stack overflow.
        code: status.code().unwrap_or(-1),
        stdout: out.join().expect("stdout thread"),
        stderr: err.join().expect("stderr thread"),
        dir: dir.to_path_buf(),
        temp: None,
    }
}

fn assert_clean_end(run: &Run) {
    assert!(matches!(run.code, 0..=2), "{run:?}");
    assert!(!run.stderr.contains("panicked"), "{run:?}");
    if run.code == 2 {
        assert!(
            named_with_position(&run.stderr),
            "an input error names file:line:col\n{run:?}"
        );
    }
}

/// Whether `stderr` says `zh.yaml:L:C:` or `en.yaml:L:C:`.
fn named_with_position(stderr: &str) -> bool {
    ["zh.yaml:", "en.yaml:"].iter().any(|name| {
        stderr.split(name).skip(1).any(|rest| {
            let mut parts = rest.splitn(3, ':');
            let line = parts.next().unwrap_or("");
            let col = parts.next().unwrap_or("");
            !line.is_empty()
                && line.bytes().all(|b| b.is_ascii_digit())
                && !col.is_empty()
                && col.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{run:?}"))
}

/// `(rule, side location)` of every finding, the location as (line, column, end_line,
/// end_column).
fn located(run: &Run, side: &str) -> Vec<(String, [u64; 4])> {
    let doc = json(run);
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| !f[side].is_null())
        .map(|f| {
            let l = &f[side];
            let n = |k: &str| l[k].as_u64().expect("a number");
            (
                f["rule"].as_str().expect("rule").to_string(),
                [n("line"), n("column"), n("end_line"), n("end_column")],
            )
        })
        .collect()
}

const SIMPLE: &str = "a: 1\n";

#[test]
fn block_nesting_fifty_thousand_deep_is_refused_with_a_position() {
    let deep = format!("{}x\n", "- ".repeat(50_000));
    let run = diff(&deep, SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("zh.yaml:1:"), "{run:?}");
    assert!(run.stderr.contains("nesting deeper"), "{run:?}");
}

#[test]
fn flow_nesting_fifty_thousand_deep_is_refused_with_a_position() {
    let seq = format!("{}{}\n", "[".repeat(50_000), "]".repeat(50_000));
    let run = diff(SIMPLE, &seq, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("en.yaml:1:"), "{run:?}");
    assert!(run.stderr.contains("nesting deeper"), "{run:?}");
    let map = format!("{}x{}\n", "{a: ".repeat(50_000), "}".repeat(50_000));
    let run = diff(&map, SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn nesting_just_under_the_limit_is_checked() {
    // saphyr-parser's own limit on flow nesting is lower than ours.
    let depth = 200.min(rcheck::yaml::MAX_DEPTH - 1);
    let zh = format!("{}x{}\n", "[".repeat(depth), "]".repeat(depth));
    let en = format!("{}y{}\n", "[".repeat(depth), "]".repeat(depth));
    let run = diff(&zh, &en, &[]);
    assert!(matches!(run.code, 0 | 1), "{run:?}");
}

#[test]
fn billion_laughs_is_refused() {
    let mut bomb = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let refs = vec![format!("*{}", w[0]); 9].join(", ");
        bomb.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
    }
    let run = diff(&bomb, &bomb, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("alias bomb"), "{run:?}");
}

#[test]
fn anchors_nested_in_anchors_do_not_copy_without_bound() {
    // 500 levels, each anchored and each holding a wide payload: copying every level
    // for aliases would be quadratic.
    let payload = (0..2000)
        .map(|i| format!("v{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut doc = String::new();
    for level in 0..500 {
        doc.push_str(&format!("{{p{level}: [{payload}], n{level}: &x{level} "));
    }
    doc.push('x');
    doc.push_str(&"}".repeat(500));
    doc.push('\n');
    let run = diff(&doc, SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn many_anchors_and_aliases_stay_linear() {
    let n = 100_000;
    let mut doc = String::new();
    for i in 0..n {
        doc.push_str(&format!("k{i}: &a{i} v{i}\n"));
    }
    for i in 0..n {
        doc.push_str(&format!("r{i}: *a{i}\n"));
    }
    let run = diff(&doc, &doc, &[]);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn a_wide_alias_fan_out_is_refused() {
    // 60 kB that would expand to 20 million nodes: bounded by the file's size.
    let items = vec!["x"; 1000].join(", ");
    let refs = vec!["*a"; 20_000].join(", ");
    let doc = format!("a: &a [{items}]\nb: [{refs}]\n");
    let run = diff(&doc, SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("zh.yaml:2:"), "{run:?}");
    assert!(run.stderr.contains("alias bomb"), "{run:?}");
}

#[test]
fn alias_to_an_unknown_anchor_is_an_input_error() {
    let run = diff("a: *nowhere\n", SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn invalid_utf8_names_file_and_position() {
    let run = diff(b"a: 1\nb: \xff\xfe\n".as_slice(), SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("zh.yaml:2:4:"), "{run:?}");
    assert!(run.stderr.contains("invalid UTF-8"), "{run:?}");
}

#[test]
fn a_key_too_long_to_be_a_key_says_so() {
    let long = format!("{}: value\n", "k".repeat(2000));
    let run = diff(&long, SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("zh.yaml:1:2001:"), "{run:?}");
    assert!(
        run.stderr.contains("a key must fit in 1024 characters"),
        "{run:?}"
    );
    // A key of 1024 characters is a key.
    let fits = format!("{}: value\n", "k".repeat(1024));
    assert_eq!(diff(&fits, &fits, &[]).code, 0);
}

#[test]
fn utf16_is_named_as_such() {
    let run = diff(
        b"\xff\xfea\x00:\x00 \x001\x00\n\x00".as_slice(),
        SIMPLE,
        &[],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("zh.yaml:1:1: UTF-16 LE text"),
        "{run:?}"
    );
    assert!(run.stderr.contains("save the file as UTF-8"), "{run:?}");
    let run = diff(SIMPLE, b"\xfe\xff\x00a\x00:".as_slice(), &[]);
    assert!(
        run.stderr.contains("en.yaml:1:1: UTF-16 BE text"),
        "{run:?}"
    );
}

#[test]
fn nul_byte_names_file_and_position() {
    let run = diff(SIMPLE, b"a: 1\nb: x\x00y\n".as_slice(), &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("en.yaml:2:5:"), "{run:?}");
    assert!(run.stderr.contains("NUL"), "{run:?}");
}

#[test]
fn bom_and_crlf_keep_lines_and_columns_right() {
    // The BOM is not a column; CR LF is one line break; columns count characters.
    let zh = "\u{FEFF}名字: 张三\r\n列表:\r\n  - 一\r\n  - 二\r\n额外: 多\r\n行内: {名字: 张三, 另一: 多}\r\n";
    let en = "名字: Zhang San\r\n列表:\r\n  - one\r\n  - two\r\n行内: {名字: Zhang San}\r\n";
    let run = diff(zh, en, &["--format", "json"]);
    assert_eq!(run.code, 1, "{run:?}");
    let zh_side = located(&run, "zh");
    assert!(
        zh_side.contains(&("missing-key".into(), [5, 1, 5, 3])),
        "{zh_side:?}\n{run:?}"
    );
    assert!(
        zh_side.contains(&("missing-key".into(), [6, 14, 6, 16])),
        "{zh_side:?}\n{run:?}"
    );
}

#[test]
fn crlf_errors_count_lines_once() {
    let run = diff("a: 1\r\nb: 2\r\nc: [\r\n", SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("zh.yaml:4:") || run.stderr.contains("zh.yaml:3:"),
        "{run:?}"
    );
}

#[test]
fn tabs_in_indentation_end_cleanly() {
    let run = diff("a:\n\tb: 1\n", "a:\n  b: 1\n", &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("zh.yaml:2:"), "{run:?}");
    // A tab after the indentation is only white space.
    diff("a:\n  b:\t1\n", "a:\n  b: 1\n", &[]);
}

#[test]
fn duplicate_keys_are_an_input_error_naming_both_places() {
    let run = diff("a: 1\nb: 2\na: 3\n", SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("zh.yaml:3:1:"), "{run:?}");
    assert!(run.stderr.contains("duplicate key `a`"), "{run:?}");
    assert!(run.stderr.contains("line 1"), "{run:?}");
    // Also in large mappings, which use a hash set.
    let mut big: String = (0..1000).map(|i| format!("k{i}: v\n")).collect();
    big.push_str("k500: again\n");
    let run = diff(SIMPLE, &big, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("en.yaml:1001:1:"), "{run:?}");
}

#[test]
fn a_single_line_of_ten_megabytes() {
    let long = format!("a: {}\n", "长".repeat(10 << 20 >> 2));
    let run = diff(&long, "a: long\n", &[]);
    assert!(matches!(run.code, 0 | 1), "{run:?}");
    let quoted = format!("a: \"{}\"\n", "x\\n".repeat(10 << 20 >> 2));
    let run = diff("a: 短\n", &quoted, &[]);
    assert!(matches!(run.code, 0 | 1), "{run:?}");
}

#[test]
fn findings_on_a_very_long_line_show_a_window_of_it() {
    // Every finding's frame would otherwise lay out the whole line: quadratic.
    let items = |n: usize| (0..n).map(|i| format!("k{i}: 值{i}")).collect::<Vec<_>>();
    let zh = format!("{{{}}}\n", items(20_000).join(", "));
    let en = format!("{{{}}}\n", items(10_000).join(", "));
    let run = diff(&zh, &en, &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("rcheck: 10000 errors"), "{run:?}");
    // The origin keeps the real column.
    assert!(run.stdout.contains("--> zh.yaml:1:"), "{run:?}");
    let last = run.stdout.rfind("k19999").expect("the last key is quoted");
    assert!(run.stdout[last..].len() < 2000, "{run:?}");
}

#[test]
fn two_hundred_thousand_keys() {
    let zh: String = (0..200_000).map(|i| format!("k{i}: 值{i}\n")).collect();
    let mut en: String = (0..200_000).map(|i| format!("k{i}: value {i}\n")).collect();
    en.push_str("extra: only here\n");
    let run = diff(&zh, &en, &["--format", "json"]);
    assert_eq!(run.code, 1, "{run:?}");
    let en_side = located(&run, "en");
    assert!(
        en_side.contains(&("extra-key".into(), [200_001, 1, 200_001, 6])),
        "{run:?}"
    );
}

#[test]
fn several_documents_in_one_file_is_an_input_error() {
    let run = diff("a: 1\n---\nb: 2\n", SIMPLE, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("zh.yaml:3:1:"), "{run:?}");
    assert!(run.stderr.contains("2 YAML documents"), "{run:?}");
}

#[test]
fn empty_and_comment_only_files() {
    diff("", "", &[]);
    let run = diff("# only a comment\n", "a: 1\n", &["--format", "json"]);
    assert_eq!(run.code, 1, "{run:?}");
    // The empty side is pointed at, at line 1 column 1 (never line 0).
    for (_, [line, column, ..]) in located(&run, "zh") {
        assert_eq!((line, column), (1, 1), "{run:?}");
    }
}

#[test]
fn a_scalar_or_a_sequence_where_the_other_side_has_a_mapping() {
    let pairs = [
        ("a: 1\n", "a: {b: 1}\n"),
        ("a: [1, 2]\n", "a: {b: 1}\n"),
        ("just a scalar\n", "a: 1\n"),
        ("- 1\n- 2\n", "a: 1\n"),
        ("a: 1\n", "[1, 2]\n"),
        ("a: ~\n", "a: {b: 1}\n"),
    ];
    for (zh, en) in pairs {
        let run = diff(zh, en, &["--format", "json"]);
        assert_eq!(run.code, 1, "{zh:?} vs {en:?}\n{run:?}");
        let rules: Vec<String> = located(&run, "zh").into_iter().map(|(r, _)| r).collect();
        assert!(
            rules
                .iter()
                .any(|r| r == "type-mismatch" || r == "empty-translation"),
            "{zh:?} vs {en:?}: {rules:?}"
        );
    }
}

#[test]
fn numbers_and_dates_of_every_odd_shape() {
    let odd = [
        "1e400",
        "-1e400",
        "123456789012345678901234567890",
        "0x1F",
        "0o17",
        ".nan",
        "-.inf",
        "万万亿",
        "一千万亿亿",
        "2024.13",
        "2024..07",
        "2024.07.32",
        "0000.00",
        "9999999999.99",
        "1,2,3,4,5,6",
        "１２３４５６７８９０％",
        "+-+-6.35%%",
        "3%→→12%",
        "至今至今",
        "\"\\u0000\"",
        "'\\x'",
    ];
    let zh: String = odd
        .iter()
        .enumerate()
        .map(|(i, v)| format!("k{i}: {v}\n"))
        .collect();
    let en: String = odd
        .iter()
        .rev()
        .enumerate()
        .map(|(i, v)| format!("k{i}: {v}\n"))
        .collect();
    diff(&zh, &en, &[]);
    diff(&zh, &zh, &["--format", "json"]);
}

#[test]
fn odd_yaml_features_end_cleanly() {
    let cases = [
        "? [complex, key]\n: value\n",
        "!!binary aGVsbG8=\n",
        "a: !custom tag\n",
        "a: |\n  block\n  text\nb: >-\n  folded\n  text\n",
        "%YAML 1.2\n---\na: 1\n...\n",
        "a: 'unterminated\n",
        "a: \"\\uD800\"\n",
        "[a, b\n",
        "{a: 1, a: 1}\n",
        "<<: {a: 1}\nb: 2\n",
        "- &x a\n- *x\n- *x\n",
        "\u{FEFF}\u{FEFF}a: 1\n",
        "a:\r\n\r\n\r\n  b: 1\r",
        "\r\r\r",
        "\t",
        ":",
        "- - - - -",
    ];
    for case in cases {
        diff(case, "a: 1\n", &[]);
        diff("a: 1\n", case, &["--format", "json"]);
    }
}

#[cfg(unix)]
#[test]
fn an_endless_input_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("en.yaml"), SIMPLE).expect("write en");
    let run = rcheck(dir.path(), &["diff", "/dev/zero", "en.yaml"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("/dev/zero: larger than"), "{run:?}");
}
