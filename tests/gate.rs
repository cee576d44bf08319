//! rcheck as a CI gate, run as a user would in a scratch folder: baselines, and the
//! SARIF fields code-scanning dashboards read.

use std::path::Path;
use std::process::{Command, Output};

const ZH: &str = "work:
  - company: 阿里国际 AliExpress
    highlights:
      - 主导语义ID在排序模型中的落地,设计并实现GateSID优化方案。
      - 参与生成式排序Transformer模型(SORT)的设计与落地。
      - 联动工效团队开发注意力算子。
";
const EN: &str = "work:
  - company: AliExpress, Alibaba International
    highlights:
      - Lead the implementation of Semantic ID, design and implement GateSID.
      - Collaborate with the efficiency team on attention operators.
";

fn rcheck(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_rcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("rcheck runs");
    eprintln!(
        "in {}: rcheck {}\nstatus: {}\nstdout:\n{}\nstderr:\n{}",
        dir.display(),
        args.join(" "),
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("zh.yaml"), ZH).unwrap();
    std::fs::write(dir.path().join("en.yaml"), EN).unwrap();
    dir
}

#[test]
fn a_baseline_accepts_todays_findings_and_still_catches_new_ones() {
    let dir = scratch();
    let d = dir.path();
    assert_eq!(
        rcheck(d, &["diff", "zh.yaml", "en.yaml"]).status.code(),
        Some(1)
    );

    let write = rcheck(
        d,
        &[
            "diff",
            "zh.yaml",
            "en.yaml",
            "--write-baseline",
            "rcheck-baseline.json",
        ],
    );
    assert_eq!(write.status.code(), Some(0));
    let recorded: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("rcheck-baseline.json")).unwrap()).unwrap();
    assert_eq!(recorded["version"], 1);
    assert_eq!(recorded["findings"].as_array().unwrap().len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    let baseline = [
        "diff",
        "zh.yaml",
        "en.yaml",
        "--baseline",
        "rcheck-baseline.json",
    ];
    let passing = rcheck(d, &baseline);
    assert_eq!(passing.status.code(), Some(0));
    assert!(passing.stdout.is_empty());

    // An unrelated edit shifts every line and index: the accepted finding stays accepted.
    let shifted = ZH.replace(
        "work:\n",
        "work:\n  - company: 新公司\n    highlights: []\n",
    );
    let shifted_en = EN.replace(
        "work:\n",
        "work:\n  - company: New Co\n    highlights: []\n",
    );
    std::fs::write(d.join("zh.yaml"), &shifted).unwrap();
    std::fs::write(d.join("en.yaml"), &shifted_en).unwrap();
    assert_eq!(rcheck(d, &baseline).status.code(), Some(0));

    // A new defect still fails the gate, and only it is reported.
    std::fs::write(
        d.join("en.yaml"),
        shifted_en.replace(
            "  - company: New Co\n",
            "  - company: New Co\n    role: Engineer\n",
        ),
    )
    .unwrap();
    let failing = rcheck(d, &[&baseline[..], &["--format", "concise"]].concat());
    assert_eq!(failing.status.code(), Some(1));
    let stdout = String::from_utf8(failing.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains("extra-key") && stdout.contains("role"),
        "{stdout}"
    );
}

#[test]
fn a_broken_baseline_is_an_input_error() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("b.json"),
        "{\"version\": 1,\n \"findings\": [oops]}",
    )
    .unwrap();
    let out = rcheck(
        dir.path(),
        &["diff", "zh.yaml", "en.yaml", "--baseline", "b.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("b.json:2:"), "{stderr}");
}

#[test]
fn sarif_carries_every_field_code_scanning_reads() {
    let dir = scratch();
    let out = rcheck(
        dir.path(),
        &["diff", "zh.yaml", "en.yaml", "--format", "sarif"],
    );
    assert_eq!(out.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "rcheck");
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "missing-item"));
    for rule in rules {
        assert!(!rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
        assert!(rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## What it does"));
    }
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "missing-item");
    assert_eq!(result["level"], "error");
    assert!(result["message"]["text"]
        .as_str()
        .unwrap()
        .contains("参与生成式排序"));
    assert_eq!(
        rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "missing-item"
    );
    let primary = &result["locations"][0]["physicalLocation"];
    assert_eq!(primary["artifactLocation"]["uri"], "zh.yaml");
    assert_eq!(primary["region"]["startLine"], 5);
    assert_eq!(primary["region"]["startColumn"], 9);
    let related = &result["relatedLocations"][0]["physicalLocation"];
    assert_eq!(related["artifactLocation"]["uri"], "en.yaml");
    assert_eq!(related["region"]["startLine"], 5);
    let fingerprint = result["partialFingerprints"]["rcheck/v1"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 16);
}

#[test]
fn github_output_is_one_workflow_command_per_finding() {
    let dir = scratch();
    let out = rcheck(
        dir.path(),
        &["diff", "zh.yaml", "en.yaml", "--format", "github"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(
        stdout.starts_with("::error file=zh.yaml,line=5,col=9,endLine=5,endColumn=")
            && stdout.contains(",title=rcheck missing-item::item `参与生成式排序"),
        "{stdout}"
    );
}

#[test]
fn checking_never_changes_the_files_it_reads() {
    let dir = scratch();
    let d = dir.path();
    let before: Vec<_> = ["zh.yaml", "en.yaml"]
        .map(|f| std::fs::read(d.join(f)).unwrap())
        .into();
    for format in ["human", "concise", "json", "sarif", "github"] {
        rcheck(d, &["diff", "zh.yaml", "en.yaml", "--format", format]);
    }
    rcheck(d, &["check", ".", "."]);
    let after: Vec<_> = ["zh.yaml", "en.yaml"]
        .map(|f| std::fs::read(d.join(f)).unwrap())
        .into();
    assert_eq!(before, after);
    let names: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "rcheck wrote files: {names:?}");
}

#[test]
fn a_baseline_that_cannot_be_written_leaves_nothing_behind() {
    let dir = scratch();
    let d = dir.path();
    // The target is a folder: the final rename fails after the temporary file was
    // written, which must then be cleaned up, with exit 2 and the old state intact.
    std::fs::create_dir(d.join("baseline.json")).unwrap();
    let out = rcheck(
        d,
        &[
            "diff",
            "zh.yaml",
            "en.yaml",
            "--write-baseline",
            "baseline.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("baseline.json"));
    let mut names: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["baseline.json", "en.yaml", "zh.yaml"]);
    assert!(d.join("baseline.json").is_dir());
}

#[test]
fn rewriting_a_baseline_replaces_it_whole() {
    let dir = scratch();
    let d = dir.path();
    std::fs::write(d.join("baseline.json"), "old contents that are not JSON").unwrap();
    let out = rcheck(
        d,
        &[
            "diff",
            "zh.yaml",
            "en.yaml",
            "--write-baseline",
            "baseline.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(d.join("baseline.json")).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed["findings"].as_array().unwrap().len(), 1);
}
