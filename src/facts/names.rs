//! Names across scripts: a run of Chinese characters spelled in pinyin.
//!
//! `杭州电子` is `Hangzhou Dianzi`, `深圳杯` contains `Shenzhen`, `滴滴` is `DiDi`.
//! Every reading of a heteronym counts (`重庆` is `Chongqing`, not `Zhongqing`), and a
//! run may also be spelled by its initials (`京东` as `JD`). This only ever *excuses* a
//! term: a loose match can hide a finding, never invent one.

use pinyin::ToPinyinMulti;

/// Whether consecutive Chinese characters of `zh` spell `latin` (letters only, case
/// and spacing ignored), all by full syllables or all by initials.
pub fn han_spells(zh: &str, latin: &str) -> bool {
    Readings::of(zh).spell(latin)
}

/// The pinyin readings of each character of a text, computed once for many terms.
pub struct Readings(Vec<Vec<&'static str>>);

impl Readings {
    pub fn of(zh: &str) -> Readings {
        Readings(
            zh.chars()
                .map(|c| {
                    c.to_pinyin_multi()
                        .map(|m| m.into_iter().map(|p| p.plain()).collect())
                        .unwrap_or_default()
                })
                .collect(),
        )
    }

    /// See [`han_spells`].
    pub fn spell(&self, latin: &str) -> bool {
        let target: Vec<u8> = latin
            .bytes()
            .filter(u8::is_ascii_alphabetic)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        if target.len() < 2 {
            return false;
        }
        let readings = &self.0;
        (0..readings.len()).any(|start| {
            spells(&readings[start..], &target, false) || spells(&readings[start..], &target, true)
        })
    }
}

/// Whether the characters from the first one on spell all of `target`.
fn spells(readings: &[Vec<&str>], target: &[u8], initials: bool) -> bool {
    // Positions in `target` reachable after each character; few, since syllables are
    // short and readings few.
    let mut reached = vec![0usize];
    for options in readings {
        if options.is_empty() || reached.is_empty() {
            return false;
        }
        let mut next = Vec::new();
        for &at in &reached {
            for reading in options {
                let piece = if initials {
                    &reading.as_bytes()[..1]
                } else {
                    reading.as_bytes()
                };
                if target[at..].starts_with(piece) && !next.contains(&(at + piece.len())) {
                    next.push(at + piece.len());
                }
            }
        }
        if next.contains(&target.len()) {
            return true;
        }
        reached = next;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::han_spells;

    #[test]
    fn equal_names() {
        let table = [
            ("杭州电子科技大学", "Hangzhou Dianzi"),
            ("深圳杯数模国二", "Shenzhen"),
            ("杭州", "Hangzhou"),
            ("重庆大学", "Chongqing"),
            ("滴滴出行", "DiDi"),
            ("京东", "JD"),
        ];
        for (zh, en) in table {
            assert!(han_spells(zh, en), "{zh} | {en}");
        }
    }

    #[test]
    fn unequal_names() {
        let table = [
            ("中科院院长奖学金", "CAS"),
            ("杭州", "Shenzhen"),
            ("深圳", "Shenzhen Cup"),
            ("省优秀毕业生", "USTC"),
            ("杭", "Hangzhou"),
            ("", "Hangzhou"),
        ];
        for (zh, en) in table {
            assert!(!han_spells(zh, en), "{zh} | {en}");
        }
    }
}
