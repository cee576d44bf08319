//! Increase and decrease: words (`提升`, `降低`, `improved`, `reduced`) and signs.
//!
//! A direction word governs a number of the same clause: the number right after it
//! (`提升6.35%`, `reduced by 44.67%`), else the number right before it (`6.35% more`,
//! `3.06% UV order improvement`). A sign on the number itself wins over words. Weak
//! words (`up`, `more`, `lower`…) only count right next to a number, because `scaling
//! up` or `more robust` say nothing about a quantity.

use std::sync::LazyLock;

use super::{lex, Fact, FactKind, Scan};

/// Which way a quantity moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dir {
    Increase,
    Decrease,
}

impl Dir {
    pub fn name(self) -> &'static str {
        match self {
            Dir::Increase => "increase",
            Dir::Decrease => "decrease",
        }
    }
}

/// (word, direction, weak). Chinese words are matched as substrings, English words as
/// whole words, case-insensitively.
const WORDS: &[(&str, Dir, bool)] = &[
    ("提升", Dir::Increase, false),
    ("提高", Dir::Increase, false),
    ("增长", Dir::Increase, false),
    ("增加", Dir::Increase, false),
    ("上升", Dir::Increase, false),
    ("上涨", Dir::Increase, false),
    ("增至", Dir::Increase, false),
    ("翻倍", Dir::Increase, false),
    ("降低", Dir::Decrease, false),
    ("下降", Dir::Decrease, false),
    ("减少", Dir::Decrease, false),
    ("降至", Dir::Decrease, false),
    ("下滑", Dir::Decrease, false),
    ("缩短", Dir::Decrease, false),
    ("减小", Dir::Decrease, false),
    ("缩减", Dir::Decrease, false),
    ("increase", Dir::Increase, false),
    ("increased", Dir::Increase, false),
    ("increases", Dir::Increase, false),
    ("increasing", Dir::Increase, false),
    ("improve", Dir::Increase, false),
    ("improved", Dir::Increase, false),
    ("improves", Dir::Increase, false),
    ("improving", Dir::Increase, false),
    ("improvement", Dir::Increase, false),
    ("improvements", Dir::Increase, false),
    ("grew", Dir::Increase, false),
    ("grow", Dir::Increase, false),
    ("grows", Dir::Increase, false),
    ("growth", Dir::Increase, false),
    ("boost", Dir::Increase, false),
    ("boosted", Dir::Increase, false),
    ("boosting", Dir::Increase, false),
    ("rose", Dir::Increase, false),
    ("rise", Dir::Increase, false),
    ("gain", Dir::Increase, true),
    ("up", Dir::Increase, true),
    ("more", Dir::Increase, true),
    ("higher", Dir::Increase, true),
    ("reduce", Dir::Decrease, false),
    ("reduced", Dir::Decrease, false),
    ("reduces", Dir::Decrease, false),
    ("reducing", Dir::Decrease, false),
    ("reduction", Dir::Decrease, false),
    ("decrease", Dir::Decrease, false),
    ("decreased", Dir::Decrease, false),
    ("decreases", Dir::Decrease, false),
    ("decreasing", Dir::Decrease, false),
    ("declined", Dir::Decrease, false),
    ("dropped", Dir::Decrease, false),
    ("fell", Dir::Decrease, false),
    ("cut", Dir::Decrease, false),
    ("lowered", Dir::Decrease, false),
    ("down", Dir::Decrease, true),
    ("fewer", Dir::Decrease, true),
    ("less", Dir::Decrease, true),
    ("lower", Dir::Decrease, true),
];

/// The Chinese words of [`WORDS`], in its order (where two start at one place, the
/// first wins).
static HAN_WORDS: LazyLock<lex::Alternation<'static>> =
    LazyLock::new(|| lex::Alternation::new(WORDS.iter().map(|w| w.0).filter(|w| !w.is_ascii())));

/// [`WORDS`] by their text: every word of every text is looked up (with foldhash, a
/// few times quicker than SipHash on short words; the table is fixed, so there is
/// nothing to make collide).
static BY_WORD: LazyLock<foldhash::HashMap<&'static str, (Dir, bool)>> = LazyLock::new(|| {
    WORDS
        .iter()
        .map(|&(w, dir, weak)| (w, (dir, weak)))
        .collect()
});

/// The direction of `word` if it is one of [`WORDS`], English words in any case.
fn lookup(word: &str) -> Option<(Dir, bool)> {
    // Longer than any English word of the table, or not ASCII (so Chinese, or a Latin
    // word with an accent, which no English word of the table equals): as written.
    let mut lower = [0u8; 16];
    let Some(buffer) = lower.get_mut(..word.len()).filter(|_| word.is_ascii()) else {
        return BY_WORD.get(word).copied();
    };
    buffer.copy_from_slice(word.as_bytes());
    buffer.make_ascii_lowercase();
    let word = std::str::from_utf8(buffer).ok()?;
    BY_WORD.get(word).copied()
}

/// How far (bytes) a strong word reaches to its number, and a weak one.
const REACH: usize = 24;
const WEAK_REACH: usize = 2;

pub(super) fn scan(scan: &mut Scan<'_>) {
    let text = scan.text;
    let found: Vec<_> = HAN_WORDS
        .find_iter(text)
        .chain(lex::runs(text, lex::latin))
        .filter_map(|range| {
            let (dir, weak) = lookup(&text[range.clone()])?;
            Some((range, dir, weak))
        })
        .collect();
    for (range, dir, weak) in found {
        if scan.free(&range) {
            scan.claim(
                range,
                FactKind::Direction {
                    dir,
                    weak,
                    governs: None,
                },
            );
        }
    }
}

/// Gives each number without a sign the direction word that governs it: first every
/// number takes the nearest word before it, then the rest the nearest word after, so
/// in `从3%提升至12%` the word governs `12%`. `items` is in text order.
pub(super) fn attach(text: &str, items: &mut [Fact]) {
    let numbers: Vec<usize> = (0..items.len())
        .filter(|&k| matches!(items[k].kind, FactKind::Number(_)))
        .collect();
    for word_first in [true, false] {
        for (n, &k) in numbers.iter().enumerate() {
            let FactKind::Number(number) = &items[k].kind else {
                continue;
            };
            if number.direction.is_some() {
                continue;
            }
            let (start, end) = (items[k].range.start, items[k].range.end);
            let found = if word_first {
                let lower = if n == 0 {
                    0
                } else {
                    items[numbers[n - 1]].range.end
                };
                (0..k)
                    .rev()
                    .take_while(|&j| items[j].range.end > lower)
                    .find(|&j| reaches(text, items, j, items[j].range.end..start))
            } else {
                let upper = numbers
                    .get(n + 1)
                    .map_or(text.len(), |&j| items[j].range.start);
                (k + 1..items.len())
                    .take_while(|&j| items[j].range.start < upper)
                    .find(|&j| reaches(text, items, j, end..items[j].range.start))
            };
            let Some(j) = found else { continue };
            let FactKind::Direction {
                dir,
                ref mut governs,
                ..
            } = items[j].kind
            else {
                continue;
            };
            *governs = Some(k);
            let at = items[j].range.clone();
            if let FactKind::Number(number) = &mut items[k].kind {
                number.direction = Some((dir, at));
            }
        }
    }
}

/// Whether direction word `j` reaches a number across `gap`: same clause, near enough.
fn reaches(text: &str, items: &[Fact], j: usize, gap: std::ops::Range<usize>) -> bool {
    let FactKind::Direction { weak, governs, .. } = items[j].kind else {
        return false;
    };
    let between = &text[gap];
    let reach = if weak { WEAK_REACH } else { REACH };
    governs.is_none()
        && between.len() <= reach
        && !between.contains([
            ',', ';', ':', '.', '!', '?', '，', '、', '；', '：', '。', '(', ')',
        ])
}

#[cfg(test)]
mod tests {
    use super::Dir::{self, *};
    use crate::facts::{extract, FactKind};
    use crate::source::Side;

    /// The direction of each number of `text`, in order.
    fn directions(text: &str) -> Vec<Option<Dir>> {
        let facts = extract(text, Side::En);
        facts
            .numbers()
            .map(|(_, n)| n.direction.as_ref().map(|d| d.0))
            .collect()
    }

    /// The look-up agrees with the table read word by word, ignoring ASCII case.
    #[test]
    fn lookup_is_the_table_ignoring_case() {
        let by_scan = |word: &str| {
            super::WORDS
                .iter()
                .find(|w| w.0.eq_ignore_ascii_case(word))
                .map(|w| (w.1, w.2))
        };
        let mut words: Vec<String> = Vec::new();
        for &(w, _, _) in super::WORDS {
            words.extend([w.to_string(), w.to_uppercase(), w.chars().skip(1).collect()]);
            words.push(format!("{w}x"));
        }
        words.extend(
            [
                "Improved",
                "uP",
                "提升了",
                "Up\u{301}",
                "improvementsimprovements",
                "",
                "K",
            ]
            .map(String::from),
        );
        for word in &words {
            assert_eq!(super::lookup(word), by_scan(word), "{word:?}");
        }
        assert_eq!(super::lookup("Increased"), Some((Increase, false)));
    }

    #[test]
    fn equal_directions() {
        let table: [(&str, &str); 8] = [
            ("+6.35%", "6.35% more"),
            ("+6.35%", "提升6.35%"),
            ("提升6.35%", "increased by 6.35%"),
            ("降低44.67%", "reduced by 44.67%"),
            ("降低44.67%", "down 44.67%"),
            (
                "延迟降低44.67%，吞吐量+121.33%",
                "latency reduced by 44.67%, throughput increased by 121.33%",
            ),
            ("订单UV提升3.06%", "3.06% UV order improvement"),
            ("-3%", "3% lower"),
        ];
        for (a, b) in table {
            let (x, y) = (directions(a), directions(b));
            assert!(x.iter().all(Option::is_some), "{a}: {x:?}");
            assert_eq!(x, y, "{a} | {b}");
        }
    }

    #[test]
    fn unequal_directions() {
        let table = [
            ("提升6.35%", "reduced by 6.35%"),
            ("+5%", "decreased by 5%"),
            ("降低3%", "up 3%"),
        ];
        for (a, b) in table {
            assert_ne!(directions(a), directions(b), "{a} | {b}");
        }
    }

    #[test]
    fn direction_stays_in_its_clause() {
        assert_eq!(directions("improved exposure, 5 teams"), [None]);
        assert_eq!(directions("scaling up 3 models"), [Some(Increase)]);
        assert_eq!(directions("scaling up the 3 models"), [None]);
        assert_eq!(directions("more robust in 3 models"), [None]);
    }

    #[test]
    fn unattached_strong_words_are_kept() {
        let facts = extract("提升新商品冷启动曝光率", Side::Zh);
        let dirs: Vec<_> = facts
            .items
            .iter()
            .filter_map(|f| match f.kind {
                FactKind::Direction {
                    dir,
                    governs: None,
                    weak: false,
                } => Some(dir),
                _ => None,
            })
            .collect();
        assert_eq!(dirs, [Increase]);
    }
}
