//! Source files and positions.
//!
//! A [`SourceFile`] owns the text of one input (BOM stripped, line endings kept as they
//! are). A [`Span`] is a half-open byte range in that text, with the 1-based line and
//! 1-based column (counted in Unicode scalar values) of both ends already resolved, so
//! renderers never rescan the file. Invariant: `start.offset <= end.offset <= text.len()`
//! and both offsets lie on character boundaries.

use std::ops::Range;

/// Which version of the document a value comes from. `Zh` is the first file given on the
/// command line, `En` the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Zh,
    En,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Zh, Side::En];

    pub fn name(self) -> &'static str {
        match self {
            Side::Zh => "zh",
            Side::En => "en",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Zh => Side::En,
            Side::En => Side::Zh,
        }
    }
}

/// One input file, read and decoded.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it; shown in every message.
    pub name: String,
    /// The decoded text, without a leading BOM.
    pub text: String,
}

/// A point in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Byte offset into [`SourceFile::text`].
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// A half-open range of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    pub fn bytes(&self) -> Range<usize> {
        self.start.offset..self.end.offset
    }

    /// The span that starts where this one starts and has no length.
    pub fn start_point(&self) -> Span {
        Span {
            start: self.start,
            end: self.start,
        }
    }
}

impl Pos {
    /// Line 1, column 1.
    pub const START: Pos = Pos {
        offset: 0,
        line: 1,
        column: 1,
    };

    /// The position reached after reading `text` from `self`.
    pub fn advance(self, text: &str) -> Pos {
        let mut pos = self;
        for ch in text.chars() {
            pos.offset += ch.len_utf8();
            if ch == '\n' {
                pos.line += 1;
                pos.column = 1;
            } else {
                pos.column += 1;
            }
        }
        pos
    }
}
