//! The one error type of the library: what went wrong, and where.

use std::fmt;

use crate::source::Pos;

/// An input, usage or configuration error: rcheck exits 2 on any of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file the error is about, as the user named it.
    pub file: String,
    /// Where in the file, when known.
    pub pos: Option<Pos>,
    pub message: String,
}

impl Error {
    pub fn input(file: &str, pos: Option<Pos>, message: impl Into<String>) -> Error {
        Error {
            file: file.to_string(),
            pos,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some(pos) => write!(
                f,
                "{}:{}:{}: {}",
                self.file, pos.line, pos.column, self.message
            ),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for Error {}
