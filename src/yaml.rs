//! YAML (and JSON, which YAML 1.2 reads as is) into a tree where every key and value
//! knows its span.
//!
//! Built on `saphyr-parser`'s event stream rather than on `saphyr`'s `MarkedYaml`
//! loader: the events give the scalar's text exactly as written (`2024.10` stays
//! `2024.10`), and building our own tree lets us bound depth and alias expansion up
//! front, so hostile input ends in an error instead of a stack overflow or an
//! out-of-memory abort.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};

use crate::source::{Pos, SourceFile, Span};

/// Documents nested deeper than this are refused: every later stage may recurse once
/// per level, and a refusal with a line number beats a stack overflow.
pub const MAX_DEPTH: usize = 512;

/// The longest key YAML 1.2 reads without `?` (an implicit key), in characters.
const MAX_KEY_CHARS: usize = 1024;

/// A node of the document tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Scalar(Scalar),
    Sequence(Vec<Node>),
    Mapping(Vec<Entry>),
}

/// The text of a key or a scalar. Texts are interned per file: equal texts of one file
/// share one allocation, so two texts of the same file are equal exactly when they are
/// the same pointer ([`Arc::ptr_eq`]).
///
/// Documents repeat themselves: a locale file says `title`, `other` and `Cancel` under
/// hundreds of keys, a résumé generated from a template repeats its field names. One
/// copy of each makes the tree smaller and quicker to build, and the check then reads
/// the few copies from cache instead of faulting in a fresh one for every node; the
/// value-pair memo of the check compares addresses instead of hashing texts.
pub type Text = Arc<str>;

/// Where a text is stored: within one file, the same address means the same text (see
/// [`Text`]). A key for memos that must not read the text; valid while the tree lives.
pub fn address(text: &Text) -> usize {
    Arc::as_ptr(text).cast::<u8>() as usize
}

/// Whether a text is held more than once: once a file is parsed, only its tree holds
/// its texts, so a text held once occurs once in the file, and no memo keyed by it can
/// ever be asked again. (A caller holding clones of a tree only makes this say `true`
/// more often, which costs the memos time, never correctness.)
pub fn is_repeated(text: &Text) -> bool {
    Arc::strong_count(text) > 1
}

/// A scalar: its decoded value and how it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Scalar {
    /// The value after YAML decoding (quotes, escapes, folding), never converted to a
    /// number or a date.
    pub value: Text,
    /// `true` for a plain scalar that YAML reads as null (`~`, `null`, nothing at all).
    pub null: bool,
}

/// A key and its value in a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: Text,
    pub key_span: Span,
    pub value: Node,
}

impl NodeKind {
    /// What the node is, as a user reads it: `mapping`, `sequence` or `scalar`.
    pub fn name(&self) -> &'static str {
        match self {
            NodeKind::Scalar(_) => "scalar",
            NodeKind::Sequence(_) => "sequence",
            NodeKind::Mapping(_) => "mapping",
        }
    }
}

impl Node {
    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.kind {
            NodeKind::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The span of the node's first line: what a label points at when the node is a
    /// whole block that would otherwise be underlined over many lines.
    pub fn head_span(&self, file: &SourceFile) -> Span {
        if self.span.start.line == self.span.end.line {
            return self.span;
        }
        let rest = &file.text[self.span.start.offset..self.span.end.offset];
        let first = rest.split(['\r', '\n']).next().unwrap_or("");
        let first = first.trim_end();
        Span {
            start: self.span.start,
            end: self.span.start.advance(first),
        }
    }

    /// Counts the nodes of the tree, iteratively.
    pub fn count(&self) -> usize {
        let mut stack = vec![self];
        let mut n = 0;
        while let Some(node) = stack.pop() {
            n += 1;
            match &node.kind {
                NodeKind::Scalar(_) => {}
                NodeKind::Sequence(items) => stack.extend(items),
                NodeKind::Mapping(entries) => stack.extend(entries.iter().map(|e| &e.value)),
            }
        }
        n
    }
}

impl Drop for Node {
    // A derived drop recurses once per level; deep trees are dropped with a heap stack.
    fn drop(&mut self) {
        let mut stack = Vec::new();
        take_children(&mut self.kind, &mut stack);
        while let Some(mut node) = stack.pop() {
            take_children(&mut node.kind, &mut stack);
        }
    }
}

fn take_children(kind: &mut NodeKind, stack: &mut Vec<Node>) {
    match kind {
        NodeKind::Scalar(_) => {}
        NodeKind::Sequence(items) => stack.append(items),
        NodeKind::Mapping(entries) => {
            stack.extend(std::mem::take(entries).into_iter().map(|e| e.value))
        }
    }
}

/// Why a file could not be read as a YAML tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub pos: Pos,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.pos.line, self.pos.column, self.message)
    }
}

/// The documents of one file.
#[derive(Debug, Default)]
pub struct Stream {
    pub documents: Vec<Node>,
}

/// Parses `file` into its documents.
pub fn parse(file: &SourceFile) -> Result<Stream, ParseError> {
    Builder::new(file).run()
}

/// Turns saphyr's character-indexed markers into byte-indexed [`Pos`]itions. Markers
/// arrive in nearly increasing order, so walking a cursor between them costs O(file).
///
/// Lines and columns are counted here, as [`Pos::advance`] counts them (only LF ends a
/// line), rather than taken from the marker: saphyr also breaks lines at a lone CR, so
/// its line numbers disagree with every other position rcheck reports.
struct Locator<'a> {
    text: &'a str,
    /// The cursor: a character index, its byte offset, and its 1-based line.
    chars: usize,
    bytes: usize,
    line: usize,
    /// The character index where each line seen so far starts (line 1 at 0), so that
    /// columns stay O(1) when the cursor steps back over a line break.
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        Locator {
            text,
            chars: 0,
            bytes: 0,
            line: 1,
            line_starts: vec![0],
        }
    }

    fn pos(&mut self, m: &Marker) -> Pos {
        let target = m.index();
        let bytes = self.text.as_bytes();
        // Forward. This runs over every character of the file, so eight bytes of ASCII
        // without a line break are passed at once; otherwise one character is its lead
        // byte, whose value gives its length.
        while self.chars < target && self.bytes < bytes.len() {
            if target - self.chars >= 8 {
                if let Some(word) = bytes.get(self.bytes..self.bytes + 8) {
                    let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                    if word & 0x8080_8080_8080_8080 == 0 && !has_zero_byte(word ^ LF_BYTES) {
                        self.bytes += 8;
                        self.chars += 8;
                        continue;
                    }
                }
            }
            let lead = bytes[self.bytes];
            self.bytes += match lead {
                0..0xC0 => 1,
                0xC0..0xE0 => 2,
                0xE0..0xF0 => 3,
                _ => 4,
            };
            self.chars += 1;
            if lead == b'\n' {
                self.line += 1;
                if self.line_starts.len() < self.line {
                    self.line_starts.push(self.chars);
                }
            }
        }
        while self.chars > target && self.bytes > 0 {
            let ch = self.text[..self.bytes].chars().next_back().unwrap_or('\0');
            self.bytes -= ch.len_utf8();
            self.chars -= 1;
            if ch == '\n' {
                self.line -= 1;
            }
        }
        Pos {
            offset: self.bytes,
            line: self.line,
            column: self.chars - self.line_starts[self.line - 1] + 1,
        }
    }

    fn span(&mut self, s: &saphyr_parser::Span) -> Span {
        let start = self.pos(&s.start);
        let end = self.pos(&s.end);
        if end.offset < start.offset {
            Span { start, end: start }
        } else {
            Span { start, end }
        }
    }
}

/// `\n` in every byte of a word.
const LF_BYTES: u64 = 0x0A0A_0A0A_0A0A_0A0A;

/// Whether some byte of `word` is zero (the classic bit trick: exact, no false hits).
fn has_zero_byte(word: u64) -> bool {
    word.wrapping_sub(0x0101_0101_0101_0101) & !word & 0x8080_8080_8080_8080 != 0
}

/// An open collection. Its children wait in [`Builder::items`] or
/// [`Builder::entries`] from index `first` on, and move into a vector of exactly their
/// number when it closes: growing one vector per collection would reallocate several
/// times and leave on average a quarter of it unused.
enum Frame {
    Sequence {
        start: Span,
        anchor: usize,
        first: usize,
    },
    Mapping {
        start: Span,
        anchor: usize,
        first: usize,
        key: Option<(Text, Span)>,
    },
}

struct Builder<'a> {
    file: &'a SourceFile,
    locator: Locator<'a>,
    stack: Vec<Frame>,
    /// The children of the open sequences and mappings, innermost last.
    items: Vec<Node>,
    entries: Vec<Entry>,
    /// Anchored nodes by saphyr's anchor id (a new id for every `&name`, so a map
    /// lookup is enough, and stays O(1) with 200,000 anchors).
    anchors: std::collections::HashMap<usize, Node>,
    /// Nodes created so far, aliases expanded; bounded to stop alias bombs.
    budget: usize,
    documents: Vec<Node>,
    /// Every distinct text of the file (see [`Text`]), with a hash seeded at random on
    /// every run, so a file cannot be written to make its look-ups collide.
    texts: HashSet<Text, foldhash::fast::RandomState>,
}

impl<'a> Builder<'a> {
    fn new(file: &'a SourceFile) -> Self {
        Builder {
            file,
            locator: Locator::new(&file.text),
            stack: Vec::new(),
            items: Vec::new(),
            entries: Vec::new(),
            anchors: std::collections::HashMap::new(),
            // A document has at most about one node per byte of its own; aliases may
            // add as many again, plus some room for small files that reuse anchors a
            // lot. Beyond that it is an alias bomb: a 60 kB file could otherwise
            // expand to ten million nodes and a gigabyte.
            budget: 100_000 + 2 * file.text.len(),
            documents: Vec::new(),
            texts: HashSet::default(),
        }
    }

    /// The file's one copy of `text`.
    fn intern(&mut self, text: Cow<'_, str>) -> Text {
        if let Some(known) = self.texts.get(&*text) {
            return Arc::clone(known);
        }
        let text = Text::from(text);
        self.texts.insert(Arc::clone(&text));
        text
    }

    fn error(&mut self, marker: &Marker, message: impl Into<String>) -> ParseError {
        ParseError {
            pos: self.locator.pos(marker),
            message: message.into(),
        }
    }

    fn run(mut self) -> Result<Stream, ParseError> {
        let mut parser = Parser::new_from_str(&self.file.text);
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e: ScanError| {
                let pos = self.locator.pos(e.marker());
                let message = match e.info() {
                    // saphyr counts flow levels in a u8.
                    "recursion limit exceeded" => {
                        "flow nesting deeper than 255 levels ([ and { inside each other)"
                            .to_string()
                    }
                    // A key without `?` may be at most 1024 characters long (YAML 1.2);
                    // past that the `:` after it reads as a stray value.
                    info @ "mapping values are not allowed in this context"
                        if pos.column > MAX_KEY_CHARS =>
                    {
                        format!(
                            "{info} (if this `:` ends a key: a key must fit in \
                             {MAX_KEY_CHARS} characters)"
                        )
                    }
                    info => info.to_string(),
                };
                ParseError { pos, message }
            })?;
            self.event(event, &span)?;
        }
        Ok(Stream {
            documents: self.documents,
        })
    }

    fn event(&mut self, event: Event<'_>, span: &saphyr_parser::Span) -> Result<(), ParseError> {
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let span = self.locator.span(span);
                let null = style == ScalarStyle::Plain
                    && tag.is_none()
                    && matches!(&*value, "" | "~" | "null" | "Null" | "NULL");
                // The scanner's buffer (128 bytes reserved for every plain scalar) is
                // dropped: the text kept is an exact-size copy, or none when the file
                // said it before.
                let value = self.intern(value);
                let node = Node {
                    span,
                    kind: NodeKind::Scalar(Scalar { value, null }),
                };
                self.push(node, anchor)
            }
            Event::SequenceStart(anchor, _) => {
                self.open(span)?;
                let start = self.locator.span(span);
                self.stack.push(Frame::Sequence {
                    start,
                    anchor,
                    first: self.items.len(),
                });
                Ok(())
            }
            Event::MappingStart(anchor, _) => {
                self.open(span)?;
                let start = self.locator.span(span);
                self.stack.push(Frame::Mapping {
                    start,
                    anchor,
                    first: self.entries.len(),
                    key: None,
                });
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end = self.locator.span(span);
                let node = match self.stack.pop() {
                    Some(Frame::Sequence {
                        start,
                        anchor,
                        first,
                    }) => (
                        Node {
                            span: closed(start, end, self.items[first..].last().map(|n| n.span)),
                            kind: NodeKind::Sequence(self.items.drain(first..).collect()),
                        },
                        anchor,
                    ),
                    Some(Frame::Mapping {
                        start,
                        anchor,
                        first,
                        ..
                    }) => (
                        {
                            let entries: Vec<Entry> = self.entries.drain(first..).collect();
                            if let Some(e) = duplicate_key(&entries) {
                                return Err(e);
                            }
                            Node {
                                span: closed(start, end, entries.last().map(|e| e.value.span)),
                                kind: NodeKind::Mapping(entries),
                            }
                        },
                        anchor,
                    ),
                    None => return Err(self.error(&span.start, "unbalanced collection end")),
                };
                self.push(node.0, node.1)
            }
            Event::Alias(id) => {
                let Some(node) = self.anchors.get(&id) else {
                    return Err(self.error(&span.start, "alias to an unknown anchor"));
                };
                let size = node.count();
                if size > self.budget {
                    return Err(self.error(
                        &span.start,
                        "aliases expand to too many nodes (an alias bomb?)",
                    ));
                }
                self.budget -= size;
                let mut copy = node.clone();
                copy.span = self.locator.span(span);
                self.push(copy, 0)
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => Ok(()),
        }
    }

    fn open(&mut self, span: &saphyr_parser::Span) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error(
                &span.start,
                format!("nesting deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }

    fn push(&mut self, node: Node, anchor: usize) -> Result<(), ParseError> {
        self.budget = self.budget.saturating_sub(1);
        if anchor != 0 {
            // The copy kept for aliases counts against the budget too: anchors nested
            // in anchors would otherwise copy a large subtree once per level.
            let size = node.count();
            if size > self.budget {
                return Err(ParseError {
                    pos: node.span.start,
                    message: "anchors copy too many nodes (an alias bomb?)".to_string(),
                });
            }
            self.budget -= size;
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.documents.push(node),
            Some(Frame::Sequence { .. }) => self.items.push(node),
            Some(Frame::Mapping { key, .. }) => match key.take() {
                None => {
                    let text = match &node.kind {
                        NodeKind::Scalar(s) => Arc::clone(&s.value),
                        _ => {
                            let pos = node.span.start;
                            return Err(ParseError {
                                pos,
                                message: format!(
                                    "a {} as a mapping key is not supported",
                                    node.kind.name()
                                ),
                            });
                        }
                    };
                    *key = Some((text, node.span));
                }
                Some((key, key_span)) => self.entries.push(Entry {
                    key,
                    key_span,
                    value: node,
                }),
            },
        }
        Ok(())
    }
}

/// A key written twice in one mapping is refused, as YAML 1.2 and saphyr's own loader
/// do: silently keeping one of the two values would check a text the author may not
/// mean, and the error names both places so the fix is quick. Small mappings (the
/// common case) compare pairwise; large ones use a (DoS-resistant) hash set, so
/// 200,000 keys stay linear.
fn duplicate_key(entries: &[Entry]) -> Option<ParseError> {
    const PAIRWISE: usize = 16;
    let (first, second) = if entries.len() <= PAIRWISE {
        (1..entries.len()).find_map(|k| {
            let first = entries[..k].iter().position(|e| e.key == entries[k].key)?;
            Some((first, k))
        })?
    } else {
        let mut seen = std::collections::HashMap::with_capacity(entries.len());
        entries
            .iter()
            .enumerate()
            .find_map(|(k, e)| Some((seen.insert(&*e.key, k)?, k)))?
    };
    let (first, second) = (&entries[first], &entries[second]);
    Some(ParseError {
        pos: second.key_span.start,
        message: format!(
            "duplicate key `{}` (first at line {}, column {}); a mapping's keys must be unique",
            second.key, first.key_span.start.line, first.key_span.start.column
        ),
    })
}

/// The span of a collection: from its start to its end marker, or to the end of its
/// last child when the end marker is an empty point after trailing whitespace.
fn closed(start: Span, end: Span, last: Option<Span>) -> Span {
    let end_pos = match last {
        Some(last) if last.end.offset >= end.start.offset || end.start == end.end => last.end,
        _ => end.end,
    };
    Span {
        start: start.start,
        end: end_pos.max(start.start),
    }
}

impl Scalar {
    /// Locates the bytes `range` of the decoded value in the file, given the span of the
    /// scalar as written. Plain and quoted one-line scalars map one to one; for block,
    /// folded and escaped scalars each character of the value is matched to the next
    /// identical character of the source, so the result always lies inside `span`.
    pub fn locate(&self, file: &SourceFile, span: Span, range: std::ops::Range<usize>) -> Span {
        let src = &file.text[span.bytes()];
        let value = &self.value;
        let range = clamp_range(value, range);
        // Fast path: the value appears verbatim inside the source slice.
        if let Some(at) = verbatim_offset(src, value) {
            let start = span.start.advance(&src[..at + range.start]);
            let end = start.advance(&value[range.clone()]);
            return Span { start, end };
        }
        let mut src_at = 0;
        let mut mapped_start = None;
        for (i, ch) in value.char_indices() {
            let at = match src[src_at..].find(ch) {
                // Skip what decoding removed: escapes on this line, or a line break and
                // the indentation that folding turned into this character.
                Some(found)
                    if !src[src_at..src_at + found].contains('\n')
                        || src[src_at..src_at + found].trim().is_empty() =>
                {
                    src_at + found
                }
                _ => src_at,
            };
            if i == range.start {
                mapped_start = Some(at);
            }
            if i == range.end {
                return self.span_between(span, src, mapped_start.unwrap_or(at), at);
            }
            if src[at..].starts_with(ch) {
                src_at = at + ch.len_utf8();
            }
        }
        self.span_between(span, src, mapped_start.unwrap_or(src_at), src_at)
    }

    fn span_between(&self, span: Span, src: &str, from: usize, to: usize) -> Span {
        let from = from.min(src.len());
        let to = to.clamp(from, src.len());
        let start = span.start.advance(&src[..from]);
        let end = start.advance(&src[from..to]);
        Span { start, end }
    }
}

fn clamp_range(value: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = range.start.min(value.len());
    while !value.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, value.len());
    while !value.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

fn verbatim_offset(src: &str, value: &str) -> Option<usize> {
    if src == value {
        return Some(0);
    }
    let inner = src.get(1..src.len().saturating_sub(1))?;
    if inner == value && (src.starts_with('"') || src.starts_with('\'')) {
        return Some(1);
    }
    None
}
