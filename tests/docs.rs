//! `docs/rules.md` is generated from the rule files; this test fails when it is stale.
//! Refresh it with `RCHECK_BLESS=1 cargo test --test docs`.

#[test]
fn rules_md_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let want = rcheck::rules::catalog_markdown();
    if std::env::var_os("RCHECK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: run `RCHECK_BLESS=1 cargo test --test docs` and commit it"
    );
}

/// The README shows real output on the bundled résumé; this keeps it real.
#[test]
fn readme_shows_the_current_output_on_the_resume() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rcheck"))
        .args([
            "diff",
            "zh/resume.yaml",
            "en/resume.yaml",
            "--color",
            "never",
        ])
        .current_dir(root)
        .output()
        .unwrap();
    let output = String::from_utf8(out.stdout).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let block = format!("```text\n$ rcheck diff zh/resume.yaml en/resume.yaml\n{output}```");
    assert!(
        readme.contains(&block),
        "README.md's résumé output is stale; it should read:\n{block}"
    );
}
