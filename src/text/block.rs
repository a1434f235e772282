//! Blocks of output: a paragraph, a heading, a list item or preformatted
//! lines, with the input range it came from. The segment stage decides the
//! kinds; the pipeline builds the blocks; the output formats write them.

use serde::Serialize;
use std::ops::Range;

/// The kind of a block of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A heading, title or subtitle line.
    Heading,
    /// Running text.
    Paragraph,
    /// An item of a bulleted or numbered list, with its marker.
    ListItem,
    /// Code, a table or other lines that keep their line breaks.
    Preformatted,
}

/// The lines that make up one block, as indices into the line list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockSpan {
    /// What the block is.
    pub kind: BlockKind,
    /// Indices of the block's lines, in order.
    pub lines: Vec<usize>,
}

/// One block of output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The repaired text, on one line.
    pub text: String,
    /// Byte range of the input text the block came from: from the start
    /// of its first line's text to the end of its last line's text. What
    /// was removed between those lines (line breaks, page numbers, running
    /// headers) lies inside the range; every character of the input that
    /// is not white space lies in some block's range or in an edit that
    /// removed it. Ranges follow the output order; when side-by-side
    /// columns are read one after the other they can overlap.
    ///
    /// Repairing `input[range]` on its own usually gives `text` again, but
    /// not always: some decisions weigh the whole document (a running
    /// header is known by recurring on other pages, a line is short
    /// compared with the page's column width, a hyphenated word is
    /// re-joined when it is seen elsewhere), and a slice lacks that
    /// evidence.
    pub range: Range<usize>,
}
