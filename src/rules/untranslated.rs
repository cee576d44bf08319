//! Chinese text left on the English side.
//!
//! ## What it does
//! Reports each run of Chinese characters in the en value (with the punctuation and
//! spaces inside it). A value identical on both sides, such as a paper title or a
//! name kept in its original script, is not reported.
//!
//! ## Why is this bad?
//! A phrase the translator missed is unreadable to the audience of the English
//! version, and looks careless.
//!
//! ## Example
//! ```yaml
//! # zh/resume.yaml
//! background: 推荐冷启动场景中，新商品难以获得足够曝光
//! # en/resume.yaml
//! background: In recommendation 冷启动 scenarios, new products struggle to get exposure
//! ```
//! gives `Chinese text 冷启动 left in en`.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::{same_text, Hit, Mark, TextPair};

static HAN_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Han}(?:[\p{Han}\p{P}\s]*\p{Han})?").unwrap());

pub(super) fn check(pair: &TextPair<'_>, out: &mut Vec<Hit>) {
    if same_text(pair) {
        return;
    }
    // Chinese is outside ASCII: ASCII-only English never compiles the regex.
    if pair.en.text.is_ascii() {
        return;
    }
    for m in HAN_RUN.find_iter(pair.en.text) {
        out.push(Hit {
            rule: "untranslated",
            message: format!("Chinese text {} left in en", m.as_str()),
            zh: Some(Mark::Node),
            en: Some(Mark::Text(m.range())),
        });
    }
}
