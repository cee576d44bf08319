//! Which files are compared with which: two folders paired by relative path, or the
//! `[[pair]]` entries of the config.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::source::Side;

/// One unit of work for the checker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Planned {
    /// Compare these two files.
    Both { zh: PathBuf, en: PathBuf },
    /// A file with no counterpart: `path` exists on `side`, `expected` does not.
    Only {
        side: Side,
        path: PathBuf,
        expected: PathBuf,
    },
}

/// File names rcheck reads in a folder.
pub fn is_document(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml" | "json")
    )
}

/// Pairs every YAML/JSON file under `zh_dir` with the file at the same relative path
/// under `en_dir`, in sorted order; files on one side only come out as `Only`.
pub fn pair_folders(zh_dir: &Path, en_dir: &Path) -> Result<Vec<Planned>, Error> {
    let zh = documents(zh_dir)?;
    let en = documents(en_dir)?;
    let mut plan = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < zh.len() || j < en.len() {
        let order = match (zh.get(i), en.get(j)) {
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Equal => {
                plan.push(Planned::Both {
                    zh: zh_dir.join(&zh[i]),
                    en: en_dir.join(&en[j]),
                });
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                plan.push(Planned::Only {
                    side: Side::Zh,
                    path: zh_dir.join(&zh[i]),
                    expected: en_dir.join(&zh[i]),
                });
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                plan.push(Planned::Only {
                    side: Side::En,
                    path: en_dir.join(&en[j]),
                    expected: zh_dir.join(&en[j]),
                });
                j += 1;
            }
        }
    }
    Ok(plan)
}

/// The documents under `dir`, as sorted paths relative to it. Hidden entries (`.git`)
/// are skipped.
fn documents(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let name = dir.display().to_string();
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is a file, not a folder"
        } else {
            "no such folder"
        };
        return Err(Error::input(&name, None, why));
    }
    let mut found = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let entries = std::fs::read_dir(dir.join(&rel)).map_err(|e| {
            Error::input(&dir.join(&rel).display().to_string(), None, e.to_string())
        })?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::input(&name, None, e.to_string()))?;
            let file_name = entry.file_name();
            if file_name.to_string_lossy().starts_with('.') {
                continue;
            }
            let rel = rel.join(&file_name);
            let kind = entry
                .file_type()
                .map_err(|e| Error::input(&name, None, e.to_string()))?;
            if kind.is_dir() {
                stack.push(rel);
            } else if is_document(&rel) {
                found.push(rel);
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_by_relative_path_and_reports_orphans() {
        let root = tempfile::tempdir().unwrap();
        let (zh, en) = (root.path().join("zh"), root.path().join("en"));
        for (dir, files) in [
            (&zh, ["resume.yaml", "a/b.yml", "only-zh.json"]),
            (&en, ["resume.yaml", "a/b.yml", "only-en.yaml"]),
        ] {
            for f in files {
                let p = dir.join(f);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, "k: v\n").unwrap();
            }
        }
        std::fs::write(zh.join("notes.txt"), "not a document").unwrap();
        let plan = pair_folders(&zh, &en).unwrap();
        assert_eq!(
            plan,
            [
                Planned::Both {
                    zh: zh.join("a/b.yml"),
                    en: en.join("a/b.yml")
                },
                Planned::Only {
                    side: Side::En,
                    path: en.join("only-en.yaml"),
                    expected: zh.join("only-en.yaml")
                },
                Planned::Only {
                    side: Side::Zh,
                    path: zh.join("only-zh.json"),
                    expected: en.join("only-zh.json")
                },
                Planned::Both {
                    zh: zh.join("resume.yaml"),
                    en: en.join("resume.yaml")
                },
            ]
        );
    }

    #[test]
    fn a_missing_folder_is_an_input_error() {
        let err = pair_folders(Path::new("/no/such/zh"), Path::new("/no/such/en")).unwrap_err();
        assert_eq!(err.to_string(), "/no/such/zh: no such folder");
    }
}
