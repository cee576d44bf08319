//! CLI golden tests: every case is data under `tests/cases/` (`NAME.toml` with the
//! arguments and exit code, `NAME.in/` as the working directory, `NAME.stdout` and
//! `NAME.stderr` as the expected output). `TRYCMD=overwrite cargo test --test cli`
//! refreshes the expected files after an intended change; review the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "")
        .case("tests/cases/*.toml");
}
