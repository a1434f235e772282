//! Where the text of a row sits: its characters in the columns a second
//! repair counts them in (cells), its runs of text between gaps of two or
//! more spaces (segments), and its text as the repaired text writes it.

use crate::text::edit::EditLog;
use crate::text::line::Piece;
use std::borrow::Cow;

/// A run of text inside a piece, between gutters of two or more spaces.
#[derive(Debug, Clone, Copy)]
pub(super) struct Segment {
    pub(super) start_col: usize,
    pub(super) end_col: usize,
    pub(super) start_byte: usize,
    pub(super) end_byte: usize,
    /// Display width of the segment's text (a wide character counts two).
    pub(super) width: usize,
}

pub(super) fn segments(input: &str, piece: &Piece) -> Vec<Segment> {
    segments_of(input, piece).collect()
}

/// The segments of a piece, one at a time.
fn segments_of<'a>(input: &'a str, piece: &Piece) -> impl Iterator<Item = Segment> + 'a {
    let mut cells = written_cells(&input[piece.range.clone()], piece.col);
    let first_byte = piece.range.start;
    let mut spaces = 0usize;
    let mut current: Option<Segment> = None;
    std::iter::from_fn(move || {
        for cell in cells.by_ref() {
            let byte = first_byte + cell.at;
            if cell.space {
                spaces += 1;
                if spaces >= 2 {
                    if let Some(seg) = current.take() {
                        return Some(seg);
                    }
                }
                continue;
            }
            let width = cell.set_width();
            match current.as_mut() {
                Some(seg) => {
                    seg.end_col = cell.col + cell.columns;
                    seg.end_byte = byte + cell.c.len_utf8();
                    // The spaces inside a segment are single.
                    seg.width += width + usize::from(spaces == 1);
                }
                None => {
                    current = Some(Segment {
                        start_col: cell.col,
                        end_col: cell.col + cell.columns,
                        start_byte: byte,
                        end_byte: byte + cell.c.len_utf8(),
                        width,
                    })
                }
            }
            spaces = 0;
        }
        current.take()
    })
}

/// The columns where the piece's segments start: [`segments_of`] without
/// measuring the segments (most pages are only checked for starts).
pub(super) fn segment_starts<'a>(
    input: &'a str,
    piece: &Piece,
) -> impl Iterator<Item = usize> + 'a {
    let mut spaces = 0usize;
    let mut inside = false;
    written_cells(&input[piece.range.clone()], piece.col).filter_map(move |cell| {
        if cell.space {
            spaces += 1;
            if spaces >= 2 {
                inside = false;
            }
            return None;
        }
        let starts = !inside;
        (inside, spaces) = (true, 0);
        starts.then_some(cell.col)
    })
}

/// The text of a piece as the repaired text writes it, its characters
/// repaired: a character that normalization removes is gone, a no-break
/// space is a space, a ligature its letters. Whatever reads a row's gaps
/// and words (how widely it spaces them, whether it stays a row) reads
/// this text, as a second repair does, never the input's.
///
/// ```text
/// i  ^?  e     →   i    e        (one gap of four spaces, not two of two)
/// ²<NBSP>  r   →   ²   r          (a gap of three spaces)
/// ```
///
/// Borrows the input when nothing in the piece is repaired.
pub(super) fn written_text<'a>(input: &'a str, piece: &Piece) -> Cow<'a, str> {
    crate::chars::normalize::normalize_line(&input[piece.range.clone()], 0, &mut EditLog::off())
}

/// One character of a piece as the repaired text will write it.
pub(super) struct Cell {
    /// Byte offset in the piece.
    pub(super) at: usize,
    pub(super) c: char,
    /// The character column it starts at.
    pub(super) col: usize,
    /// How many columns it takes once written.
    pub(super) columns: usize,
    /// Written as a space (a space variant, or leading white space).
    pub(super) space: bool,
}

impl Cell {
    /// How many columns the character takes as the type sets it: a wide
    /// character two for each position it is written in.
    pub(super) fn set_width(&self) -> usize {
        self.columns * (1 + usize::from(crate::text::script::is_wide(self.c)))
    }
}

/// The characters of `text` with the columns they take once repaired, as
/// a second repair would count them: characters that normalization removes
/// take none, a ligature takes its letters, and leading white space takes
/// the indentation it is written as (a tab four columns, an ideographic
/// space two; see [`crate::text::line::indent_width`]).
pub(super) fn written_cells(text: &str, first_col: usize) -> impl Iterator<Item = Cell> + '_ {
    let mut col = first_col;
    let mut leading = true;
    text.char_indices().filter_map(move |(at, c)| {
        let (mut columns, mut space) = crate::chars::normalize::as_written(c);
        if columns == 0 {
            return None;
        }
        match crate::text::line::indent_width(c).filter(|_| leading) {
            Some(width) => (columns, space) = (width, true),
            None => leading = false,
        }
        let cell = Cell {
            at,
            c,
            col,
            columns,
            space,
        };
        col += columns;
        Some(cell)
    })
}
