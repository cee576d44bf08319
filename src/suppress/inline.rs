//! Inline suppressions: `# rcheck: ignore[rule-id, other-id] reason` in a YAML
//! comment on the line of a value, in either file. The `#` must start a comment (line
//! start or after whitespace), as YAML requires.

use std::sync::LazyLock;

use regex::Regex;

use crate::source::{Pos, Side, SourceFile, Span};

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|[ \t])(#[ \t]*rcheck:[ \t]*ignore\[([^\]\r\n]*)\]([^\r\n]*))")
        .expect("valid regex")
});

/// One inline suppression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inline {
    pub side: Side,
    /// The comment, from `#` to the end of the line.
    pub span: Span,
    pub rules: Vec<String>,
    pub reason: String,
}

/// The inline suppressions of one file.
pub fn scan(file: &SourceFile, side: Side) -> Vec<Inline> {
    if !file.text.contains("rcheck:") {
        return Vec::new();
    }
    let mut cursor = Pos::START;
    let mut cursor_offset = 0;
    COMMENT
        .captures_iter(&file.text)
        .map(|c| {
            let whole = c.get(1).expect("group 1 always matches");
            let start = cursor.advance(&file.text[cursor_offset..whole.start()]);
            let end = start.advance(whole.as_str());
            cursor = start;
            cursor_offset = whole.start();
            Inline {
                side,
                span: Span { start, end },
                rules: c[2]
                    .split(',')
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty())
                    .collect(),
                reason: c[3].trim().to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_with_their_rules_and_reason() {
        let file = SourceFile {
            name: "zh.yaml".into(),
            text: "a: 1 # rcheck: ignore[number-mismatch] 口径不同\nb: \"#rcheck: ignore[x]\"\nc: 2  #rcheck:ignore[a, b]\n".into(),
        };
        let found = scan(&file, Side::Zh);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].rules, ["number-mismatch"]);
        assert_eq!(found[0].reason, "口径不同");
        assert_eq!(
            (found[0].span.start.line, found[0].span.start.column),
            (1, 6)
        );
        assert_eq!(found[1].rules, ["a", "b"]);
        assert_eq!(
            (found[1].span.start.line, found[1].span.start.column),
            (3, 7)
        );
    }
}
