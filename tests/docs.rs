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
