//! Every input the fuzzer (`fuzz/fuzz_targets/diff.rs`) ever crashed on, kept under
//! `tests/regressions/` and replayed here with the same checks: the two files are split
//! at the first `00 FF` byte pair (or in the middle), and a diff must neither panic nor
//! report a span outside its file, inside a character, or with a wrong line or column.
//! To add one: copy `fuzz/artifacts/diff/crash-*` here under a name that says what broke.

#[path = "support/replay.rs"]
mod support;

#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/regressions exists") {
        let path = entry.expect("readable folder").path();
        let data = std::fs::read(&path).expect("readable case");
        support::replay(&data).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        seen += 1;
    }
    assert!(seen > 0, "no cases in {}", dir.display());
}
