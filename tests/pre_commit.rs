//! The pre-commit hook, tried for real: `pre-commit try-repo` of this repository in a
//! throwaway git repository with a zh/en pair, once failing, once passing.
//!
//! Needs the pre-commit framework: `.ci/run` installs it from PyPI into a virtual
//! environment and points `RCHECK_PRE_COMMIT` at it. Without that variable the test
//! is skipped locally, and fails under CI (`CI` set) so the gate cannot go quiet.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn the_hook_fails_on_a_defect_and_passes_when_fixed() {
    let Some(pre_commit) = std::env::var_os("RCHECK_PRE_COMMIT") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "RCHECK_PRE_COMMIT must point at pre-commit under CI"
        );
        eprintln!("skipped: set RCHECK_PRE_COMMIT to a pre-commit executable to run it");
        return;
    };
    let repo = env!("CARGO_MANIFEST_DIR");
    let scratch = tempfile::tempdir().unwrap();
    let work = scratch.path().join("site");
    let cache = scratch.path().join("pre-commit-cache");
    std::fs::create_dir_all(work.join("zh")).unwrap();
    std::fs::create_dir_all(work.join("en")).unwrap();
    std::fs::write(
        work.join("zh/resume.yaml"),
        "education:\n  - school: 中国科学技术大学\n    honors: 国家奖学金\n",
    )
    .unwrap();
    std::fs::write(
        work.join("en/resume.yaml"),
        "education:\n  - school: University of Science and Technology of China\n",
    )
    .unwrap();
    git(&work, &["init", "-q"]);
    git(&work, &["add", "."]);

    let try_repo = || {
        Command::new(&pre_commit)
            .args([
                "try-repo",
                repo,
                "rcheck",
                "--all-files",
                "--color",
                "never",
            ])
            .current_dir(&work)
            .env("PRE_COMMIT_HOME", &cache)
            .output()
            .expect("pre-commit runs")
    };
    let failing = try_repo();
    let text = String::from_utf8_lossy(&failing.stdout).into_owned()
        + &String::from_utf8_lossy(&failing.stderr);
    assert_eq!(failing.status.code(), Some(1), "{text}");
    assert!(
        text.contains("missing-key") && text.contains("honors"),
        "{text}"
    );

    std::fs::write(
        work.join("en/resume.yaml"),
        "education:\n  - school: University of Science and Technology of China\n    honors: National Scholarship\n",
    )
    .unwrap();
    git(&work, &["add", "."]);
    let passing = try_repo();
    let text = String::from_utf8_lossy(&passing.stdout).into_owned()
        + &String::from_utf8_lossy(&passing.stderr);
    assert_eq!(passing.status.code(), Some(0), "{text}");
}
