//! rcheck only reads the files it compares (issue 6, data safety): after runs in every
//! format, with findings and with an input error, both files have the same bytes and
//! the same modification time, and nothing new appeared beside them.
//!
//! The files and their folder are made read-only as well, so on a normal account an
//! attempted write would also fail loudly (root ignores permissions, hence the byte and
//! time comparison). Baselines (written files) are not implemented yet; their "whole or
//! not at all" test belongs with them.

use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let path = e.expect("entry").path();
            let meta = std::fs::metadata(&path).expect("metadata");
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).expect("read"),
                meta.modified().expect("mtime"),
            )
        })
        .collect();
    files.sort();
    files
}

#[cfg(unix)]
fn set_read_only(path: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    let mode = match (path.is_dir(), read_only) {
        (true, true) => 0o555,
        (true, false) => 0o755,
        (false, true) => 0o444,
        (false, false) => 0o644,
    };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(not(unix))]
fn set_read_only(path: &Path, read_only: bool) {
    let mut perms = std::fs::metadata(path).expect("metadata").permissions();
    perms.set_readonly(read_only);
    std::fs::set_permissions(path, perms).expect("set permissions");
}

#[test]
fn inputs_are_never_modified() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("inputs");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::copy(root.join("zh/resume.yaml"), dir.join("zh.yaml")).expect("copy zh");
    std::fs::copy(root.join("en/resume.yaml"), dir.join("en.yaml")).expect("copy en");
    // An input error, with CRLF and a BOM that rcheck must not "fix".
    std::fs::write(dir.join("bad.yaml"), b"\xEF\xBB\xBFa: 1\r\na: [\r\n").expect("write");
    for name in ["zh.yaml", "en.yaml", "bad.yaml"] {
        set_read_only(&dir.join(name), true);
    }
    set_read_only(&dir, true);
    let before = snapshot(&dir);

    let runs: [&[&str]; 5] = [
        &["diff", "zh.yaml", "en.yaml"],
        &["diff", "zh.yaml", "en.yaml", "--format", "json"],
        &["diff", "zh.yaml", "en.yaml", "--format", "concise"],
        &["diff", "en.yaml", "zh.yaml", "--color", "always"],
        &["diff", "bad.yaml", "en.yaml"],
    ];
    for args in runs {
        let output = Command::new(env!("CARGO_BIN_EXE_rcheck"))
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("run rcheck");
        let code = output.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "{args:?} exited {code:?}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    let after = snapshot(&dir);
    set_read_only(&dir, false);
    assert_eq!(
        before.iter().map(|f| &f.0).collect::<Vec<_>>(),
        after.iter().map(|f| &f.0).collect::<Vec<_>>(),
        "files appeared or vanished"
    );
    for (b, a) in before.iter().zip(&after) {
        assert!(b.1 == a.1, "{} changed", b.0);
        assert_eq!(b.2, a.2, "{} was touched", b.0);
    }
}
