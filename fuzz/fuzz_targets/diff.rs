//! The whole of `rcheck diff` on two inputs: decode, parse, align, check, render.
//!
//! The input is split at its first `0x00 0xFF` pair (or in the middle when there is
//! none) into the zh and the en file. Besides "never panics", it asserts what every
//! renderer relies on: each reported span lies inside its file, in order, on character
//! boundaries, and its line and column agree with its offset.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/replay.rs"]
mod support;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = support::replay(data) {
        panic!("{broken}");
    }
});
