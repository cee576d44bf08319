//! A term that translation should keep verbatim, present on one side only.
//!
//! ## What it does
//! Every Latin-script word or phrase in the zh value (`GateSID`, `VQ-VAE`,
//! `Attention Gate`, `scaling up`, `token`) must appear in the en value; every
//! acronym, CamelCase or mixed token of the en value (`KDD 2026`, `QKNorm`, `CTR-AUC`)
//! must appear in the zh value. Terms compare case-insensitively, with spacing
//! between an acronym and its year ignored (`SIGIR2026` = `SIGIR 2026`) and plurals
//! folded (`tokens` = `token`, `IDs` = `ID`). Ordinary capitalised English words
//! (`Alibaba`, `Provincial`) are never flagged.
//!
//! An en term is excused when it is defined inline by its expansion
//! (`University of Science and Technology of China (USTC)`), when Chinese characters
//! of the zh value spell it in pinyin (`DiDi` for `滴滴`), or when the `[glossary]`
//! pairs it with a term of the zh value (`"中科院" = "CAS"`); the glossary excuses zh
//! terms in the same way. A common-noun acronym that Chinese translates (`ATM`,
//! `URL`, `TV`, `QR`) is excused when zh holds one of its usual renderings (`提款机`,
//! `网址`, `电视`, `二维码`). A term is excused when it abbreviates words of the other
//! side, in either direction: `OSM` and `OpenStreetMap`, `WS` and `Web Service`, `DIY`
//! and `Do-It-Yourself`. A zh phrase is excused when each of its words is in en
//! (`HTML head` vs `HTML in head`). A single capitalised ordinary word in zh
//! (`Redmine`) is a name en may paraphrase, as capitalised en words are. Two values
//! that are each one token without spaces or Chinese (`GB18030` vs `ISO-8859-1`, font
//! names) are settings each locale chooses, and are compared only when one looks
//! like the other edited. A term changed on both sides (`VQ-VAE` vs `RQ-VAE`) is one
//! finding naming both.
//!
//! ## Why is this bad?
//! Names of venues, models, products and metrics are the content a reader searches
//! for. A venue listed in one language only (`KDD 2026`) is a claim the other
//! version does not make.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! result: 成果投稿SIGIR 2026
//! # en/resume.yaml
//! result: Submitted to SIGIR 2026 and KDD 2026
//! ```
//! gives `KDD 2026 appears only in en`. If KDD is rightly named differently in zh, add
//! a `[glossary]` entry instead of ignoring the rule.

use std::collections::HashSet;
use std::ops::Range;

use crate::facts::names::Readings;
use crate::facts::term::{defined_inline, words, WordIndex};
use crate::facts::{is_han, Facts, Glossary};
use crate::rules::{mark, same_text, Hit, TextPair};

/// How many en leftovers may be excused by scanning the whole value.
const EXCUSE_BUDGET: usize = 64;

/// A term left over on one side: where it is written and its normal form.
struct Leftover {
    range: Range<usize>,
    words: Vec<String>,
}

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) || settings(pair) {
        return;
    }
    let (zh, en) = (pair.zh, pair.en);
    if zh.facts.terms().next().is_none() && en.facts.terms().next().is_none() {
        return;
    }
    let zh_index = WordIndex::of(zh.text);
    let en_index = WordIndex::of(en.text);
    let zh_lower = zh.text.to_lowercase();

    let zh_left = leftovers(zh.facts, |t| {
        en_index.contains(t)
            || plain_name(t, zh.text)
            || glossary_excuses_zh(pair.glossary, t, &en_index)
            || (t.len() > 1 && t.iter().all(|w| en_index.contains(std::slice::from_ref(w))))
    });
    let mut readings = None;
    let mut en_left = leftovers(en.facts, |t| {
        zh_index.contains(t)
            || glossary_excuses_en(pair.glossary, t, &zh_lower)
            || translated_acronym(t, zh.text)
    });
    // Initials are built only when a term is left to excuse: most values have none.
    let zh_left: Vec<Leftover> = if zh_left.is_empty() {
        zh_left
    } else {
        let en_initials = Initials::of(en.text);
        zh_left
            .into_iter()
            .filter(|z| !en_initials.abbreviate(&zh.text[z.range.clone()], &en_index))
            .collect()
    };
    if !en_left.is_empty() {
        let zh_initials = Initials::of(zh.text);
        en_left.retain(|e| !zh_initials.abbreviate(&en.text[e.range.clone()], &zh_index));
    }
    // The inline-definition and pinyin excuses scan the whole value per term; past
    // this many leftovers (a pathological value) they are skipped to stay linear.
    let mut budget = EXCUSE_BUDGET;
    en_left.retain(|left| {
        if budget == 0 {
            return true;
        }
        budget -= 1;
        let written = &en.text[left.range.clone()];
        let pinyin = readings.get_or_insert_with(|| Readings::of(zh.text));
        !defined_inline(en.text, written) && !pinyin.spell(written)
    });

    let mut en_taken = vec![false; en_left.len()];
    for z in &zh_left {
        let zh_written = &zh.text[z.range.clone()];
        let similar = en_left
            .iter()
            .enumerate()
            .position(|(k, e)| !en_taken[k] && similar(&z.words, &e.words));
        let hit = match similar {
            Some(k) => {
                en_taken[k] = true;
                let en_written = &en.text[en_left[k].range.clone()];
                Hit {
                    rule: "entity-mismatch",
                    message: format!("term {zh_written} in zh, {en_written} in en"),
                    zh: mark(Some(&z.range)),
                    en: mark(Some(&en_left[k].range)),
                }
            }
            None => Hit {
                rule: "entity-mismatch",
                message: format!("{zh_written} appears only in zh"),
                zh: mark(Some(&z.range)),
                en: mark(None),
            },
        };
        out.push(hit);
    }
    for (e, _) in en_left.iter().zip(en_taken).filter(|(_, taken)| !taken) {
        out.push(Hit {
            rule: "entity-mismatch",
            message: format!("{} appears only in en", &en.text[e.range.clone()]),
            zh: mark(None),
            en: mark(Some(&e.range)),
        });
    }
}

/// Whether both values are settings that differ outright (`GB18030` vs
/// `ISO-8859-1`); one token edited (`GateSID` vs `GateID`) is still a finding.
fn settings(pair: &TextPair<'_>) -> bool {
    is_setting(pair.zh.text)
        && is_setting(pair.en.text)
        && !similar(&words(pair.zh.text), &words(pair.en.text))
}

/// Whether a value is one token with neither spaces nor Chinese (`GB18030`,
/// `stsongstdlight`): a setting each locale chooses (an encoding, a font, a code),
/// not a sentence to translate.
fn is_setting(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && !text.contains(char::is_whitespace) && !text.chars().any(is_han)
}

/// Whether a zh term is one capitalised ordinary word (`Redmine`, `Gravatar`): a name
/// the zh text mentions where en may paraphrase it (`the application`), just as
/// capitalised en words are never terms. Acronyms, CamelCase, digits and phrases
/// stay terms.
fn plain_name(term: &[String], zh: &str) -> bool {
    let [word] = term else { return false };
    let lower = zh.to_ascii_lowercase();
    let Some(at) = lower.find(word.as_str()) else {
        return false;
    };
    let written = &zh[at..at + word.len()];
    let mut chars = written.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase())
        && written.len() >= 3
}

/// Acronyms of common nouns that Chinese translates, with their usual renderings
/// (simplified and traditional). Names of venues, products and institutions (`KDD`,
/// `CAS`) are not here: they are kept, or settled by the user's `[glossary]`.
const TRANSLATED_ACRONYMS: &[(&str, &[&str])] = &[
    (
        "atm",
        &["提款机", "取款机", "柜员机", "提款機", "取款機", "櫃員機"],
    ),
    ("bbq", &["烧烤", "燒烤"]),
    ("hvac", &["暖通", "空调", "空調"]),
    ("ngo", &["非政府组织", "非政府組織"]),
    ("tv", &["电视", "電視"]),
    ("uk", &["英国", "英國"]),
    ("us", &["美国", "美國"]),
    ("usa", &["美国", "美國"]),
    ("eu", &["欧盟", "歐盟"]),
    ("url", &["网址", "網址", "链接", "鏈結", "連結", "地址"]),
    (
        "id",
        &[
            "编号",
            "編號",
            "标识",
            "標識",
            "识别码",
            "識別碼",
            "账号",
            "帳號",
            "身份",
        ],
    ),
    ("qr", &["二维码", "二維碼"]),
    ("scm", &["版本控制", "版本控管", "源代码管理", "原始碼管理"]),
    ("vip", &["会员", "會員", "贵宾", "貴賓"]),
    ("rss", &["订阅", "訂閱"]),
    ("faq", &["常见问题", "常見問題"]),
    ("gps", &["定位"]),
    ("diy", &["自己动手", "自己動手"]),
    (
        "ws",
        &[
            "网页服务",
            "網頁服務",
            "网络服务",
            "網路服務",
            "服务",
            "服務",
        ],
    ),
    ("ceo", &["首席执行官", "首席執行官", "总裁", "總裁"]),
];

/// Whether an en acronym is a common noun that the zh value translates.
fn translated_acronym(term: &[String], zh: &str) -> bool {
    let [word] = term else { return false };
    TRANSLATED_ACRONYMS
        .iter()
        .any(|(acronym, renderings)| acronym == word && renderings.iter().any(|r| zh.contains(r)))
}

/// The initials of every run of up to six Latin words of a text (`OpenStreetMap` →
/// `osm`, `State of the Map` → `sotm`), to recognise an abbreviation.
struct Initials {
    runs: HashSet<String>,
    /// The parts of CamelCase words, lowercased (`weeklyOSM` → `weekly`, `osm`).
    parts: HashSet<String>,
}

impl Initials {
    const LONGEST: usize = 6;

    fn of(text: &str) -> Initials {
        let words = split_words(text);
        let parts = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let firsts: Vec<char> = words
            .iter()
            .filter_map(|w| w.chars().next())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let mut runs = HashSet::new();
        for start in 0..firsts.len() {
            for len in 2..=Self::LONGEST.min(firsts.len() - start) {
                runs.insert(firsts[start..start + len].iter().collect());
            }
        }
        Initials { runs, parts }
    }

    /// Whether `written` (a term of one side) abbreviates words of this side, or is
    /// the expansion of an acronym written on this side (`index`).
    fn abbreviate(&self, written: &str, index: &WordIndex) -> bool {
        let parts = split_words(written);
        if let [one] = parts.as_slice() {
            // A single letter (`B` for byte) abbreviates a word it begins.
            if one.len() == 1 {
                return self
                    .parts
                    .iter()
                    .any(|p| p.starts_with(&one.to_ascii_lowercase()));
            }
            let acronym = one.len() >= 2 && one.len() <= Self::LONGEST;
            let lower = one.to_ascii_lowercase();
            return acronym && (self.runs.contains(&lower) || self.parts.contains(&lower));
        }
        let initials: String = parts
            .iter()
            .filter_map(|w| w.chars().next())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        initials.len() >= 2 && index.contains(&[initials])
    }
}

/// Latin words, split at spaces, hyphens and CamelCase humps (`OpenStreetMap` →
/// `Open`, `Street`, `Map`); an acronym stays one word (`SotM` → `SotM`).
fn split_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let upper = word.chars().filter(char::is_ascii_uppercase).count();
        let acronym_like = upper * 2 >= word.len();
        if acronym_like {
            out.push(word);
            continue;
        }
        let mut start = 0;
        let bytes = word.as_bytes();
        for k in 1..bytes.len() {
            if bytes[k].is_ascii_uppercase() && bytes[k - 1].is_ascii_lowercase() {
                out.push(&word[start..k]);
                start = k;
            }
        }
        out.push(&word[start..]);
    }
    out
}

/// The terms of one side the other side lacks, each normal form once.
fn leftovers(facts: &Facts, found: impl Fn(&[String]) -> bool) -> Vec<Leftover> {
    let mut seen = HashSet::new();
    facts
        .terms()
        .filter(|(_, t)| seen.insert(t.words.clone()) && !found(&t.words))
        .map(|(range, t)| Leftover {
            range: range.clone(),
            words: t.words.clone(),
        })
        .collect()
}

/// A zh term listed in the glossary (as key or value) whose counterpart en holds.
fn glossary_excuses_zh(glossary: &Glossary, term: &[String], en: &WordIndex) -> bool {
    glossary.entries.iter().any(|(key, values)| {
        let all: Vec<&String> = std::iter::once(key).chain(values).collect();
        all.iter().any(|t| words(t) == term)
            && all
                .iter()
                .any(|t| !words(t).is_empty() && en.contains(&words(t)))
    })
}

/// An en term the glossary pairs with a key written in zh.
fn glossary_excuses_en(glossary: &Glossary, term: &[String], zh_lower: &str) -> bool {
    glossary.entries.iter().any(|(key, values)| {
        zh_lower.contains(&key.to_lowercase()) && values.iter().any(|v| words(v) == term)
    })
}

/// Whether two terms are one term edited (`VQ-VAE` vs `RQ-VAE`): same number of
/// words and a small edit distance.
fn similar(a: &[String], b: &[String]) -> bool {
    let (a, b) = (a.join(" "), b.join(" "));
    if a.split(' ').count() != b.split(' ').count() || a.len() > 64 || b.len() > 64 {
        return false;
    }
    distance(&a, &b) <= (a.len().max(b.len()) / 4).max(1)
}

/// Edit distance where swapping two neighbouring letters is one edit (`LADPS` is one
/// typo from `LDAPS`), as in the optimal string alignment distance.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut previous, row);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {

    fn messages(zh: &str, en: &str) -> Vec<String> {
        crate::rules::messages_of(super::check, "k", zh, en)
    }

    #[test]
    fn excused_terms() {
        let table = [
            ("自动提款机", "ATM"),
            ("網址", "URL"),
            ("扫描这个二维码", "Scan this QR code"),
            (
                "如果您是以数据形式使用OpenStreetMap",
                "If you are distributing OSM in data form",
            ),
            ("启用网页服务 (Web Service)", "Enable WS"),
            ("DIY 用品店", "Do-It-Yourself Shop"),
            ("OpenStreetMap和SotM", "OpenStreetMap and State of the Map"),
            ("自定 HTML head 区域", "Customize HTML in head."),
            ("请启用 cookie", "please enable cookies"),
            ("位元組 (B)", "Byte"),
            ("欲變更您的 Redmine 網站密碼", "To change your password"),
            ("Big5", "ISO-8859-1"),
            (
                "啟用處理傳入電子郵件的服務",
                "Enable WS for incoming emails",
            ),
            ("待处理", "PENDING"),
            ("注意！更新密码", "NOTE! You need to login again"),
        ];
        for (zh, en) in table {
            assert_eq!(messages(zh, en), Vec::<String>::new(), "{zh} | {en}");
        }
    }

    #[test]
    fn reported_terms() {
        let table = [
            (
                "成果投稿SIGIR 2026",
                "Submitted to SIGIR 2026 and KDD 2026",
                "KDD 2026 appears only in en",
            ),
            (
                "中科院院长奖学金",
                "CAS President Scholarship",
                "CAS appears only in en",
            ),
            ("自动提款机", "ATM and BBQ", "BBQ appears only in en"),
            ("配置 SMTP 参数", "Mail options", "SMTP appears only in zh"),
            (
                "加密 LADPS 協定",
                "encrypted LDAPS connection",
                "term LADPS in zh, LDAPS in en",
            ),
            (
                "采用 scaling up 策略",
                "adopt a scale-out strategy",
                "scaling up appears only in zh",
            ),
        ];
        for (zh, en, want) in table {
            let got = messages(zh, en);
            assert!(got.iter().any(|m| m == want), "{zh} | {en}: {got:?}");
        }
    }
}
