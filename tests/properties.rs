//! Invariants over generated inputs (issue 6): `rcheck::diff` never panics, and every
//! span it reports lies inside its file, starts before it ends, sits on character
//! boundaries, and carries the line and column its offset really has.
//!
//! Documents come from a small YAML grammar (block and flow mappings and sequences;
//! plain, quoted and block scalars with Chinese, digits, `%`, dates and full-width
//! characters; LF or CRLF; an optional BOM), plus raw random text.

use proptest::prelude::*;
use rcheck::source::{Pos, Side};

#[derive(Clone, Debug)]
enum Value {
    Scalar(String),
    Seq(Vec<Value>),
    Map(Vec<(String, Value)>),
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("订单+6.35%".to_string()),
        Just("orders +6.53%".to_string()),
        Just("2024.07".to_string()),
        Just("Aug 2024".to_string()),
        Just("至今".to_string()),
        Just("３万".to_string()),
        Just("（GMV）".to_string()),
        Just("SIGIR 2026".to_string()),
        Just("VQ-VAE".to_string()),
        Just("".to_string()),
        Just("~".to_string()),
        "[a-zA-Z0-9 %.,:#-]{0,12}",
        "[一-龥０-９％，。]{0,8}",
        "\\PC{0,6}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z_]{1,6}", "[一-龥]{1,3}", Just("has space".to_string())]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = word().prop_map(Value::Scalar);
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Seq),
            prop::collection::vec((key(), inner), 0..6).prop_map(|entries| {
                // Unique keys: duplicates are an input error, tested elsewhere.
                let mut seen = std::collections::HashSet::new();
                Value::Map(
                    entries
                        .into_iter()
                        .filter(|(k, _)| seen.insert(k.clone()))
                        .collect(),
                )
            }),
        ]
    })
}

/// How a scalar is written.
#[derive(Clone, Copy, Debug)]
enum Style {
    Plain,
    Double,
    Single,
    Literal,
}

fn quote(text: &str, style: Style) -> String {
    match style {
        Style::Double | Style::Plain | Style::Literal => {
            format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
        }
        Style::Single => format!("'{}'", text.replace('\'', "''")),
    }
}

fn plain_ok(text: &str) -> bool {
    !text.is_empty()
        && text.trim() == text
        && !text.contains(": ")
        && !text.ends_with(':')
        && !text.contains(" #")
        // saphyr reads ` -` before a flow indicator (`[0 -]`) as a new entry's dash, not
        // as the end of the scalar: quote such text rather than write it plain.
        && !text.contains(" -")
        && !text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`~".contains(c))
        && !text.contains(['\n', '\r', '\t', ',', '[', ']', '{', '}'])
}

fn scalar(text: &str, style: Style, indent: usize) -> String {
    match style {
        Style::Plain if plain_ok(text) => text.to_string(),
        Style::Literal if !text.is_empty() && !text.contains(['\r', '\n']) => {
            format!("|\n{}{}", " ".repeat(indent + 2), text.trim_start())
        }
        _ => quote(text, style),
    }
}

fn flow(v: &Value, style: Style) -> String {
    match v {
        Value::Scalar(s) => match style {
            Style::Literal => quote(s, Style::Double),
            _ => scalar(s, style, 0),
        },
        Value::Seq(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|i| flow(i, style))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}: {}", quote(k, Style::Double), flow(v, style)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn block(v: &Value, indent: usize, style: Style, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Scalar(s) => {
            out.push_str(&pad);
            out.push_str(&scalar(s, style, indent));
            out.push('\n');
        }
        Value::Seq(items) if items.is_empty() => out.push_str(&format!("{pad}[]\n")),
        Value::Map(entries) if entries.is_empty() => out.push_str(&format!("{pad}{{}}\n")),
        Value::Seq(items) => {
            for item in items {
                match item {
                    Value::Scalar(s) => {
                        out.push_str(&format!("{pad}- {}\n", scalar(s, style, indent + 2)))
                    }
                    _ => {
                        out.push_str(&format!("{pad}-\n"));
                        block(item, indent + 2, style, out);
                    }
                }
            }
        }
        Value::Map(entries) => {
            for (k, v) in entries {
                let k = if plain_ok(k) {
                    k.clone()
                } else {
                    quote(k, Style::Double)
                };
                match v {
                    Value::Scalar(s) => {
                        out.push_str(&format!("{pad}{k}: {}\n", scalar(s, style, indent)))
                    }
                    _ => {
                        out.push_str(&format!("{pad}{k}:\n"));
                        block(v, indent + 2, style, out);
                    }
                }
            }
        }
    }
}

fn document() -> impl Strategy<Value = String> {
    (
        value(),
        prop_oneof![
            Just(Style::Plain),
            Just(Style::Double),
            Just(Style::Single),
            Just(Style::Literal)
        ],
        any::<bool>(), // flow
        any::<bool>(), // CRLF
        any::<bool>(), // BOM
        "[ #a-z一-龥]{0,10}",
    )
        .prop_map(|(v, style, is_flow, crlf, bom, comment)| {
            let mut text = String::new();
            if bom {
                text.push('\u{FEFF}');
            }
            if !comment.trim().is_empty() {
                text.push_str(&format!("# {comment}\n"));
            }
            if is_flow {
                text.push_str(&flow(&v, style));
                text.push('\n');
            } else {
                block(&v, 0, style, &mut text);
            }
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            text
        })
}

fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => document(),
        1 => "\\PC{0,40}",
        1 => "[-:\\[\\]{}&*!|>'\"%@#?,\\n\\r\\t 一a1]{0,60}",
    ]
}

/// Decodes and compares two texts in process; checks every reported span.
fn check(zh: &str, en: &str) -> Result<(), TestCaseError> {
    let (Ok(zh), Ok(en)) = (
        rcheck::read::decode("zh.yaml".into(), zh.as_bytes().to_vec()),
        rcheck::read::decode("en.yaml".into(), en.as_bytes().to_vec()),
    ) else {
        return Ok(());
    };
    let outcome = match rcheck::diff(zh, en, &rcheck::Options::default()) {
        Ok(outcome) => outcome,
        Err(e) => {
            // An input error must say where.
            prop_assert!(e.pos.is_some() || e.message.contains("documents"), "{e}");
            return Ok(());
        }
    };
    for finding in &outcome.findings {
        for side in Side::BOTH {
            let Some(loc) = finding.location(side) else {
                continue;
            };
            let text = &outcome.file(side).text;
            let span = loc.span;
            prop_assert!(span.start.offset <= span.end.offset, "{finding:?}");
            for pos in [span.start, span.end] {
                prop_assert!(pos.offset <= text.len(), "{pos:?} past the end");
                prop_assert!(text.is_char_boundary(pos.offset), "{pos:?} splits a char");
                let want = Pos {
                    offset: 0,
                    line: 1,
                    column: 1,
                }
                .advance(&text[..pos.offset]);
                prop_assert_eq!((want.line, want.column), (pos.line, pos.column));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn diff_never_panics_and_spans_are_sound(zh in input(), en in input()) {
        check(&zh, &en)?;
    }

    #[test]
    fn a_document_against_itself_has_no_findings(doc in document()) {
        let file = |text: &str| rcheck::read::decode("f.yaml".into(), text.as_bytes().to_vec());
        if let (Ok(zh), Ok(en)) = (file(&doc), file(&doc)) {
            if let Ok(outcome) = rcheck::diff(zh, en, &rcheck::Options::default()) {
                prop_assert!(outcome.findings.is_empty(), "{:?}", outcome.findings);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The grammar above only writes valid YAML, so every document must be read: this
    /// keeps the other properties from passing on inputs that all fail to parse.
    #[test]
    fn generated_documents_are_read(doc in document()) {
        let file = rcheck::read::decode("f.yaml".into(), doc.as_bytes().to_vec());
        let file = file.map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed = rcheck::yaml::parse(&file);
        prop_assert!(parsed.is_ok(), "{:?}\n{doc}", parsed.err());
    }
}

/// Every span of the tree, keys included.
fn spans(node: &rcheck::yaml::Node, out: &mut Vec<rcheck::source::Span>) {
    use rcheck::yaml::NodeKind;
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        out.push(node.span);
        match &node.kind {
            NodeKind::Scalar(_) => {}
            NodeKind::Sequence(items) => stack.extend(items),
            NodeKind::Mapping(entries) => {
                for e in entries {
                    out.push(e.key_span);
                    stack.push(&e.value);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The parser's positions (which the locator computes from saphyr's character
    /// indices, on a fast path for ASCII) agree with `Pos::advance` everywhere.
    #[test]
    fn every_node_position_agrees_with_its_offset(doc in input()) {
        let Ok(file) = rcheck::read::decode("f.yaml".into(), doc.into_bytes()) else {
            return Ok(());
        };
        let Ok(stream) = rcheck::yaml::parse(&file) else { return Ok(()) };
        let mut all = Vec::new();
        for document in &stream.documents {
            spans(document, &mut all);
        }
        for span in all {
            for pos in [span.start, span.end] {
                prop_assert!(file.text.is_char_boundary(pos.offset), "{pos:?}");
                let want = Pos { offset: 0, line: 1, column: 1 }.advance(&file.text[..pos.offset]);
                prop_assert_eq!((want.line, want.column), (pos.line, pos.column), "{:?}", pos);
            }
        }
    }
}

/// Every text of the tree, keys included (borrowed: a clone would count as a holder).
fn texts<'a>(node: &'a rcheck::yaml::Node, out: &mut Vec<&'a rcheck::yaml::Text>) {
    use rcheck::yaml::NodeKind;
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Scalar(s) => out.push(&s.value),
            NodeKind::Sequence(items) => stack.extend(items),
            NodeKind::Mapping(entries) => {
                for e in entries {
                    out.push(&e.key);
                    stack.push(&e.value);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The check remembers value pairs by the texts' addresses, so two texts of one
    /// file must be one allocation exactly when they are equal: otherwise a repeated
    /// pair would be checked again (slow) or, worse, two different pairs confused. And
    /// it remembers only texts that occur more than once, which `is_repeated` says.
    #[test]
    fn equal_texts_of_a_file_are_one_allocation(doc in document()) {
        let file = rcheck::read::decode("f.yaml".into(), doc.into_bytes())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let Ok(stream) = rcheck::yaml::parse(&file) else { return Ok(()) };
        let mut all = Vec::new();
        for document in &stream.documents {
            texts(document, &mut all);
        }
        for a in &all {
            for b in &all {
                prop_assert_eq!(std::sync::Arc::ptr_eq(a, b), a == b, "{:?} {:?}", a, b);
            }
            let occurs = all.iter().filter(|b| a == *b).count();
            prop_assert_eq!(rcheck::yaml::is_repeated(a), occurs > 1, "{:?}", a);
        }
    }
}
