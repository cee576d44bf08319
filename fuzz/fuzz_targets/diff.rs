//! The whole of `rcheck diff` on two inputs: decode, parse, align, check, render.
//!
//! The input is split at its first `0x00 0xFF` pair (or in the middle when there is
//! none) into the zh and the en file. Besides "never panics", it asserts what every
//! renderer relies on: each reported span lies inside its file, in order, on character
//! boundaries, and its line and column agree with its offset.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rcheck::render::{self, Format};
use rcheck::source::Pos;

fuzz_target!(|data: &[u8]| {
    let (zh, en) = match data.windows(2).position(|w| w == [0x00, 0xFF]) {
        Some(at) => (&data[..at], &data[at + 2..]),
        None => data.split_at(data.len() / 2),
    };
    let (Ok(zh), Ok(en)) = (
        rcheck::read::decode("zh.yaml".into(), zh.to_vec()),
        rcheck::read::decode("en.yaml".into(), en.to_vec()),
    ) else {
        return;
    };
    let Ok(outcome) = rcheck::diff(zh, en, &rcheck::Options::default()) else {
        return;
    };
    for finding in &outcome.findings {
        for side in rcheck::source::Side::BOTH {
            if let Some(loc) = finding.location(side) {
                let text = &outcome.file(side).text;
                check_pos(text, loc.span.start);
                check_pos(text, loc.span.end);
                assert!(loc.span.start.offset <= loc.span.end.offset);
            }
        }
    }
    let outcomes = [outcome];
    for format in [Format::Human, Format::Concise, Format::Json] {
        render::render(format, &outcomes, &mut std::io::sink()).expect("render to a sink");
    }
});

fn check_pos(text: &str, pos: Pos) {
    assert!(pos.offset <= text.len(), "{pos:?} past the end");
    assert!(
        text.is_char_boundary(pos.offset),
        "{pos:?} inside a character"
    );
    let want = Pos {
        offset: 0,
        line: 1,
        column: 1,
    }
    .advance(&text[..pos.offset]);
    assert_eq!((want.line, want.column), (pos.line, pos.column), "{pos:?}");
}
