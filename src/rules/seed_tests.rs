//! The text rules against the user's real résumé: every zh line and its en line, as
//! found, with injected defects, and with benign rewrites.

use crate::facts::{extract, Glossary};
use crate::rules::{check_text, Hit, TextSide};
use crate::source::Side;

/// Runs every text rule on one pair of strings.
fn run(zh: &str, en: &str, glossary: &Glossary) -> Vec<Hit> {
    let (zh_facts, en_facts) = (extract(zh, Side::Zh), extract(en, Side::En));
    let mut hits = Vec::new();
    check_text(
        "seed",
        TextSide {
            text: zh,
            facts: &zh_facts,
        },
        TextSide {
            text: en,
            facts: &en_facts,
        },
        glossary,
        |_| true,
        &mut hits,
    );
    hits
}

fn messages(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| format!("{}: {}", h.rule, h.message))
        .collect()
}

/// Checks each (zh, en, expected messages) case without a glossary.
fn assert_table(cases: &[(&str, &str, &[&str])]) {
    for &(zh, en, want) in cases {
        assert_eq!(
            messages(&run(zh, en, &Glossary::default())),
            want,
            "{zh} | {en}"
        );
    }
}

/// The résumé's line pairs: zh lines first, then en lines, one to one; list dashes
/// stripped.
fn seed() -> Vec<(String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/resume-zh-en.txt"
    );
    let text = std::fs::read_to_string(path).expect("the seed résumé");
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().trim_start_matches("- ").to_string())
        .collect();
    assert_eq!(lines.len() % 2, 0, "zh and en halves have the same length");
    let (zh, en) = lines.split_at(lines.len() / 2);
    zh.iter().cloned().zip(en.iter().cloned()).collect()
}

fn line_with(needle: &str) -> (String, String) {
    seed()
        .into_iter()
        .find(|(zh, _)| zh.contains(needle))
        .expect(needle)
}

#[test]
fn the_resume_has_exactly_its_real_inconsistencies() {
    let glossary = Glossary::default();
    for (zh, en) in seed() {
        let found = messages(&run(&zh, &en, &glossary));
        if zh.contains("成果投稿SIGIR2026") {
            assert_eq!(
                found,
                [
                    "entity-mismatch: KDD 2026 appears only in en",
                    "duplicate-sentence: sentence 成果投稿SIGIR2026 repeats in zh"
                ],
                "{zh}"
            );
        } else if zh.contains("中科院院长奖学金") {
            assert!(
                found == ["entity-mismatch: CAS appears only in en"] || found.is_empty(),
                "{zh}: {found:?}"
            );
        } else {
            assert!(found.is_empty(), "{zh}\n{en}\n{found:#?}");
        }
    }
}

#[test]
fn a_glossary_entry_makes_cas_the_same_entity() {
    let (zh, en) = line_with("中科院院长奖学金");
    let mut glossary = Glossary::default();
    glossary.entries.insert("中科院".into(), vec!["CAS".into()]);
    assert!(run(&zh, &en, &glossary).is_empty());
}

#[test]
fn the_kdd_finding_points_at_kdd_in_en_and_at_the_value_in_zh() {
    let (zh, en) = line_with("成果投稿SIGIR2026");
    let hits = run(&zh, &en, &Glossary::default());
    let kdd = hits.iter().find(|h| h.rule == "entity-mismatch").unwrap();
    assert_eq!(kdd.zh, Some(crate::rules::Mark::Node));
    let Some(crate::rules::Mark::Text(range)) = &kdd.en else {
        panic!("{kdd:?}")
    };
    assert_eq!(&en[range.clone()], "KDD 2026");
    let duplicate = hits
        .iter()
        .find(|h| h.rule == "duplicate-sentence")
        .unwrap();
    assert_eq!(duplicate.en, None);
    let Some(crate::rules::Mark::Text(range)) = &duplicate.zh else {
        panic!("{duplicate:?}")
    };
    assert_eq!(&zh[range.clone()], "成果投稿SIGIR2026");
}

/// (zh line containing, text replaced in en, replacement, expected finding).
const DEFECTS: &[(&str, &str, &str, &str)] = &[
    (
        "实现订单+6.35%",
        "+6.35% orders",
        "+6.53% orders",
        "number-mismatch: number 6.35% in zh, 6.53% in en",
    ),
    (
        "吞吐量+121.33%",
        ", throughput increased by 121.33%",
        "",
        "number-mismatch: number 121.33% in zh, missing in en",
    ),
    (
        "吞吐量+121.33%",
        "Online 30k/B",
        "Online 300k/B",
        "number-mismatch: number 3万 in zh, 300k in en",
    ),
    (
        "MFU从3%提升至12%",
        "from 3% to 12%",
        "from 12% to 3%",
        "number-mismatch: range 3%提升至12% in zh, 12% to 3% in en (ends swapped)",
    ),
    (
        "吞吐量+121.33%",
        "latency reduced by",
        "latency increased by",
        "direction-mismatch: zh says 降低 (decrease), en says increased (increase)",
    ),
    (
        "吞吐量+121.33%",
        "improved by 2.1pt",
        "improved by 2.1%",
        "unit-mismatch: unit: 2.1pt in zh, 2.1% in en",
    ),
    (
        "推荐算法工程师",
        "2024.07 - Present",
        "2024.08 - Present",
        "date-mismatch: date 2024.07 in zh, 2024.08 in en",
    ),
    (
        "业务级推荐系统",
        "2025.07 - Present",
        "2025.07 - 2026.01",
        "date-mismatch: date 至今 in zh, 2026.01 in en",
    ),
    (
        "利用VQ-VAE",
        "use VQ-VAE",
        "use RQ-VAE",
        "entity-mismatch: term VQ-VAE in zh, RQ-VAE in en",
    ),
    (
        "背景:推荐冷启动",
        "In recommendation cold start",
        "In recommendation 冷启动",
        "untranslated: Chinese text 冷启动 left in en",
    ),
];

#[test]
fn injected_defects_are_reported_with_both_values() {
    for &(line, from, to, want) in DEFECTS {
        let (zh, en) = line_with(line);
        assert!(en.contains(from), "{from} not in {en}");
        let en = en.replacen(from, to, 1);
        let found = messages(&run(&zh, &en, &Glossary::default()));
        assert_eq!(found, [want], "{zh}\n{en}");
    }
}

/// (zh line containing, text replaced in en, replacement) that change nothing.
const BENIGN_EN: &[(&str, &str, &str)] = &[
    ("推荐算法工程师", "2024.07 - Present", "Jul 2024 - Present"),
    ("推荐算法工程师", "2024.07 - Present", "July 2024 – now"),
    ("吞吐量+121.33%", "Online 30k/B", "Online 30,000/B"),
    ("MFU从3%提升至12%", "from 3% to 12%", "3%→12%"),
    ("MFU从3%提升至12%", "from 3% to 12%", "3% to 12%"),
    (
        "国家二等奖",
        "National Second Prize in",
        "National 2nd Prize in",
    ),
    ("实现订单+6.35%", "+5.47% GMV", "GMV +5.47%"),
    ("成果发表于COLING 2025", "COLING 2025", "COLING2025"),
    ("SIGIR2026", "SIGIR 2026", "sigir2026"),
    ("引入特殊token", "special tokens", "special token"),
];

/// (zh line containing, text replaced in zh, replacement) that change nothing.
const BENIGN_ZH: &[(&str, &str, &str)] = &[
    ("实现订单+6.35%", "GMV+5.47%", "ＧＭＶ＋５.４７％"),
    ("吞吐量+121.33%", "3万", "三万"),
    ("吞吐量+121.33%", "3万", "30,000"),
    ("MFU从3%提升至12%", "从3%提升至12%", "：3%→12%"),
    ("吞吐量+121.33%", "2.1pt", "2.1个百分点"),
    ("推荐算法工程师", "2024.07", "2024年7月"),
    ("推荐算法工程师", "2024.07", "2024年07月"),
    ("吞吐量+121.33%", "44.67%", "百分之44.67"),
];

#[test]
fn benign_rewrites_are_not_reported() {
    for &(line, from, to) in BENIGN_EN {
        let (zh, en) = line_with(line);
        assert!(en.contains(from), "{from} not in {en}");
        let en = en.replacen(from, to, 1);
        let found = messages(&run(&zh, &en, &Glossary::default()));
        let expected: &[&str] = if zh.contains("SIGIR2026") {
            &[
                "entity-mismatch: KDD 2026 appears only in en",
                "duplicate-sentence: sentence 成果投稿SIGIR2026 repeats in zh",
            ]
        } else {
            &[]
        };
        assert_eq!(found, expected, "{zh}\n{en}");
    }
    for &(line, from, to) in BENIGN_ZH {
        let (zh, en) = line_with(line);
        assert!(zh.contains(from), "{from} not in {zh}");
        let zh = zh.replacen(from, to, 1);
        let found = messages(&run(&zh, &en, &Glossary::default()));
        assert!(found.is_empty(), "{zh}\n{en}\n{found:?}");
    }
}

#[test]
fn soft_numbers() {
    let cases: [(&str, &str, &[&str]); 5] = [
        ("两周内上线", "launched in two weeks", &[]),
        ("两周内上线", "launched in 2 weeks", &[]),
        (
            "两周内上线",
            "launched in 3 weeks",
            &["number-mismatch: number 两 in zh, 3 in en"],
        ),
        ("训练一个模型", "trained a model", &[]),
        (
            "提出一种方法",
            "proposed one method and 3 variants",
            &["number-mismatch: number 3 in en, missing in zh"],
        ),
    ];
    assert_table(&cases);
}

#[test]
fn links_and_addresses() {
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "主页 https://a.io/zh/me。",
            "Home: https://a.io/en/me.",
            &[],
        ),
        (
            "主页 https://a.io/me",
            "Home: http://a.io/me",
            &["url-mismatch: url https://a.io/me in zh, http://a.io/me in en"],
        ),
        (
            "邮箱 me@a.io",
            "E-mail: me@b.io",
            &["email-mismatch: e-mail me@a.io in zh, me@b.io in en"],
        ),
        ("邮箱 me@a.io", "E-mail: ME@a.io", &[]),
    ];
    assert_table(&cases);
}

#[test]
fn names_across_scripts_excuse_terms() {
    let cases: [(&str, &str, &[&str]); 4] = [
        ("深圳杯数模国二", "ShenZhen Cup National Second Prize", &[]),
        ("滴滴出行", "DiDi Chuxing", &[]),
        (
            "中国科学技术大学",
            "University of Science and Technology of China (USTC)",
            &[],
        ),
        (
            "就职于某公司",
            "Worked at ByteDance",
            &["entity-mismatch: ByteDance appears only in en"],
        ),
    ];
    assert_table(&cases);
}
