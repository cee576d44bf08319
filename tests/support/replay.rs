//! One diff of fuzzer bytes and the invariants every renderer relies on, shared by the
//! fuzz target (`fuzz/fuzz_targets/diff.rs`) and the replay of its crashes
//! (`tests/regressions.rs`), so both check exactly the same things: the two files are
//! split at the first `00 FF` byte pair (or in the middle), and a diff must neither
//! panic nor report a span outside its file, inside a character, or with a wrong line
//! or column.

use rcheck::source::{Pos, Side};

/// Splits `data` into a zh and an en file, diffs and renders them, and reports the
/// first broken invariant.
pub fn replay(data: &[u8]) -> Result<(), String> {
    let (zh, en) = match data.windows(2).position(|w| w == [0x00, 0xFF]) {
        Some(at) => (&data[..at], &data[at + 2..]),
        None => data.split_at(data.len() / 2),
    };
    let (Ok(zh), Ok(en)) = (
        rcheck::read::decode("zh.yaml".into(), zh.to_vec()),
        rcheck::read::decode("en.yaml".into(), en.to_vec()),
    ) else {
        return Ok(());
    };
    let Ok(outcome) = rcheck::diff(zh, en, &rcheck::Options::default()) else {
        return Ok(());
    };
    for finding in &outcome.findings {
        for side in Side::BOTH {
            let Some(loc) = finding.location(side) else {
                continue;
            };
            let text = &outcome.file(side).text;
            for pos in [loc.span.start, loc.span.end] {
                check_pos(text, pos).map_err(|e| format!("{}: {e}", finding.rule))?;
            }
            if loc.span.start.offset > loc.span.end.offset {
                return Err(format!("{}: span ends before it starts", finding.rule));
            }
        }
    }
    let outcomes = [outcome];
    for format in [
        rcheck::render::Format::Human,
        rcheck::render::Format::Concise,
        rcheck::render::Format::Json,
    ] {
        rcheck::render::render(format, &outcomes, &mut std::io::sink())
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn check_pos(text: &str, pos: Pos) -> Result<(), String> {
    if pos.offset > text.len() || !text.is_char_boundary(pos.offset) {
        return Err(format!("{pos:?} is not a character boundary of the file"));
    }
    let want = Pos {
        offset: 0,
        line: 1,
        column: 1,
    }
    .advance(&text[..pos.offset]);
    if (want.line, want.column) != (pos.line, pos.column) {
        return Err(format!(
            "{pos:?} should be at {}:{}",
            want.line, want.column
        ));
    }
    Ok(())
}
