//! Reading input files: bytes to UTF-8 text.
//!
//! A leading UTF-8 BOM is dropped (editors do not count it as a column); CR LF line
//! endings are kept as they are, so byte offsets stay those of the file.

use std::path::Path;

use crate::error::Error;
use crate::source::{Pos, SourceFile};

/// Reads `path` as a UTF-8 source file. `name` is how messages show it.
pub fn read(path: &Path) -> Result<SourceFile, Error> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(Error::input(&name, None, "is a directory, not a file"));
    }
    let bytes = read_bounded(path).map_err(|e| Error::input(&name, None, io_reason(&e)))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Error::input(
            &name,
            None,
            format!(
                "larger than {} MiB: not a document rcheck can compare",
                MAX_BYTES >> 20
            ),
        ));
    }
    decode(name, bytes)
}

/// Inputs above this size are refused: a tree takes several times the file's size in
/// memory, and `/dev/zero` or an endless pipe would otherwise be read until the process
/// is killed.
pub const MAX_BYTES: u64 = 256 << 20;

/// Reads at most one byte more than [`MAX_BYTES`].
fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(size.min(MAX_BYTES + 1) as usize);
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Decodes the bytes of a file called `name`.
pub fn decode(name: String, bytes: Vec<u8>) -> Result<SourceFile, Error> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let pos = Pos::START.advance(
            // valid_up_to is a character boundary of valid UTF-8
            std::str::from_utf8(&bytes[..offset]).unwrap_or(""),
        );
        // A UTF-16 file (what some Windows editors save) starts with its byte-order
        // mark: say so, since "invalid UTF-8 at offset 0" does not tell what to do.
        let utf16 = match bytes {
            [0xFF, 0xFE, ..] => Some("LE"),
            [0xFE, 0xFF, ..] => Some("BE"),
            _ => None,
        };
        let message = match utf16 {
            Some(order) => format!(
                "UTF-16 {order} text (byte-order mark at the start); rcheck reads UTF-8: \
                 save the file as UTF-8"
            ),
            None => format!(
                "invalid UTF-8 (byte 0x{:02X} at byte offset {offset})",
                bytes[offset]
            ),
        };
        Error::input(&name, Some(pos), message)
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    if let Some(at) = text.find('\0') {
        let pos = Pos::START.advance(&text[..at]);
        return Err(Error::input(
            &name,
            Some(pos),
            format!("NUL byte at byte offset {at}: this is not a text file"),
        ));
    }
    Ok(SourceFile { name, text })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
