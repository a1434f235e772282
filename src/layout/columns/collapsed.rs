//! Gutters collapsed to one space: between two columns of CJK text the
//! extractor often writes a single space beside a wide character, at the
//! width of the left column, and the row is split there.

use super::cells::{Cell, written_cells};
use super::measures::{MIN_SUPPORT, SHIFT, TOLERANCE};
use crate::text::line::Piece;
use crate::text::script::display_width;
use std::borrow::Cow;

/// A single space of a row that stands beside a wide character: where
/// `pdftotext -layout` collapses the gutter between two columns of CJK
/// text to one space (`…的简写形 用到的…`), since it counts a wide
/// character as one position though the type sets it two wide.
#[derive(Debug, Clone, Copy)]
pub(super) struct CollapsedSpace {
    /// The space's character column.
    pub(super) col: usize,
    /// How far the row's text before it reaches, counting a wide
    /// character as two columns.
    pub(super) reach: usize,
    /// The text before it is one character set off by a space, as in a
    /// run whose letters were spaced out to justify a line (`分 别 加 载`).
    pub(super) spaced_out: bool,
    /// The text after it is one character set off by a space too.
    pub(super) spaced_out_after: bool,
}

/// The row's single spaces beside a wide character.
pub(super) fn collapsed_spaces(input: &str, row: &Piece) -> Vec<CollapsedSpace> {
    single_spaces(input, row, true)
}

/// The row's single spaces between two characters of text; with
/// `beside_wide`, only those beside a wide character.
pub(super) fn single_spaces(input: &str, row: &Piece, beside_wide: bool) -> Vec<CollapsedSpace> {
    let cells: Vec<Cell> = written_cells(&input[row.range.clone()], row.col).collect();
    let mut spaces = Vec::new();
    let mut reach = row.col;
    for (i, cell) in cells.iter().enumerate() {
        if cell.c == ' ' && i > 0 {
            if let (before, Some(after)) = (&cells[i - 1], cells.get(i + 1)) {
                let is_wide = crate::text::script::is_wide;
                let wide = is_wide(before.c) || is_wide(after.c);
                if !before.space && !after.space && (wide || !beside_wide) {
                    spaces.push(CollapsedSpace {
                        col: cell.col,
                        reach,
                        spaced_out: i < 2 || cells[i - 2].space,
                        spaced_out_after: cells.get(i + 2).is_none_or(|c| c.space),
                    });
                }
            }
        }
        reach += cell.set_width();
    }
    spaces
}

/// The width from the region's edge that the text before a single space
/// beside a wide character reaches on the most rows, when at least
/// [`MIN_SUPPORT`] rows agree within [`TOLERANCE`]: the left column's full
/// width as the rows whose gutter collapsed measure it. The extractor
/// places a right column by positions that count a wide character as one,
/// so this width, not the gutter's position, says where a full left-column
/// row of wide characters ends.
pub(super) fn collapsed_edge(
    collapsed: &[Vec<CollapsedSpace>],
    region_col: usize,
) -> Option<CollapsedEdge> {
    agreed_width(collapsed, region_col, |_| true, false)
}

/// The width that the single spaces standing where the page's own columns
/// start agree on ([`collapsed_edge`] over those spaces only): a space
/// counts when at least half the support a gutter needs starts text (after
/// a run of spaces, `starts[col]` rows at each character column) within
/// [`TOLERANCE`] of the stretch from the space to [`SHIFT`] columns past
/// where its text reaches. Single spaces beside Latin words agree on a
/// width by chance anywhere in a line; a collapsed gutter stands beside a
/// right column's start. `O(rows + width)`.
pub(super) fn collapsed_edge_near(
    collapsed: &[Vec<CollapsedSpace>],
    region_col: usize,
    starts: &[usize],
) -> Option<CollapsedEdge> {
    // Rows starting text left of each column, so that the starts in any
    // stretch are counted in one subtraction.
    let mut before = Vec::with_capacity(starts.len() + 1);
    before.push(0);
    for n in starts {
        before.push(before.last().copied().unwrap_or(0) + n);
    }
    let near_starts = |space: &CollapsedSpace| {
        let to = (space.col.max(space.reach) + SHIFT + TOLERANCE + 1).min(starts.len());
        let from = space.col.saturating_sub(TOLERANCE).min(to);
        (before[to] - before[from]) * 2 >= MIN_SUPPORT
    };
    agreed_width(collapsed, region_col, near_starts, false)
}

/// The width that the single spaces beside a wide character agree on in
/// the rows that cross the gutter at `gutter` (`crossing`), counting only
/// spaces left of it (within [`TOLERANCE`]): where the left column's full
/// rows end, as the rows whose gutter collapsed measure it once the gutter
/// is known. Spaces of rows that stay inside one column, and spaces in the
/// right column's text, are no evidence of where the left one ends. Of
/// widths that as many rows agree on, the widest: a full row's text
/// reaches the column's edge, and spaces further in that as many rows
/// share (words of another script set at one place) do so by chance.
pub(super) fn crossing_edge(
    collapsed: &[Vec<CollapsedSpace>],
    crossing: &[bool],
    gutter: usize,
    region_col: usize,
) -> Option<CollapsedEdge> {
    let rows: Vec<Vec<CollapsedSpace>> = collapsed
        .iter()
        .zip(crossing)
        .map(|(spaces, &c)| {
            spaces
                .iter()
                .filter(|s| c && !s.spaced_out)
                .filter(|s| s.col < gutter + TOLERANCE && s.reach + SHIFT >= gutter)
                .copied()
                .collect()
        })
        .collect();
    agreed_width(&rows, region_col, |_| true, true)
}

/// The single space (of `spaces`) left of the gutter (within
/// [`TOLERANCE`]) at which the text before it reaches nearest the
/// column's full `width` from `region_col`, if one comes within
/// [`TOLERANCE`] of it.
pub(super) fn space_at_width(
    spaces: &[CollapsedSpace],
    width: usize,
    gutter: usize,
    region_col: usize,
) -> Option<usize> {
    spaces
        .iter()
        .filter(|s| !s.spaced_out && s.col < gutter + TOLERANCE)
        .map(|s| (s.col, s.reach.saturating_sub(region_col).abs_diff(width)))
        .filter(|&(_, off)| off <= TOLERANCE)
        .min_by_key(|&(col, off)| (off, std::cmp::Reverse(col)))
        .map(|(col, _)| col)
}

/// The width that at least [`MIN_SUPPORT`] rows' spaces (those `counted`)
/// agree on within [`TOLERANCE`], when twice as many rows agree on it as
/// would if those spaces were spread evenly. Of several runs of widths
/// that as many rows agree on, the first, or with `widest_run` the last.
fn agreed_width(
    collapsed: &[Vec<CollapsedSpace>],
    region_col: usize,
    counted: impl Fn(&CollapsedSpace) -> bool,
    widest_run: bool,
) -> Option<CollapsedEdge> {
    let counted = &counted;
    let spaces = || {
        collapsed
            .iter()
            .map(move |row| row.iter().filter(move |s| counted(s)))
    };
    let widest = spaces()
        .flatten()
        .map(|s| s.reach.saturating_sub(region_col))
        .max()?;
    // For each width, the rows with a space within TOLERANCE of it (each
    // row counted once).
    let mut rows = vec![0usize; widest + TOLERANCE + 1];
    let mut counted_by = vec![usize::MAX; rows.len()];
    for (i, row) in spaces().enumerate() {
        for space in row {
            let reach = space.reach.saturating_sub(region_col);
            for edge in reach.saturating_sub(TOLERANCE)..=reach + TOLERANCE {
                if counted_by[edge] != i {
                    counted_by[edge] = i;
                    rows[edge] += 1;
                }
            }
        }
    }
    // The middle of the first (or last) run of widths that the most rows
    // agree on.
    let agreeing = *rows.iter().max()?;
    let (first, run) = if widest_run {
        let last = rows.iter().rposition(|&n| n == agreeing)?;
        let run = rows[..=last]
            .iter()
            .rev()
            .take_while(|&&n| n == agreeing)
            .count();
        (last + 1 - run, run)
    } else {
        let first = rows.iter().position(|&n| n == agreeing)?;
        (
            first,
            rows[first..].iter().take_while(|&&n| n == agreeing).count(),
        )
    };
    let edge = first + (run - 1) / 2;
    // Spaces between words (Korean sets a space between its words) agree
    // on every width alike; a gutter's width stands out: at least twice
    // as many rows agree on it as would if the spaces were spread evenly.
    let spaces = spaces().flatten().count();
    let even = spaces * (2 * TOLERANCE + 1) / (widest + 1);
    (agreeing >= MIN_SUPPORT && agreeing >= 2 * even).then_some(CollapsedEdge {
        width: edge,
        rows: agreeing,
    })
}

/// The left column's full width as the rows whose gutter collapsed
/// measure it ([`collapsed_edge`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CollapsedEdge {
    /// Columns from the region's edge.
    pub(super) width: usize,
    /// How many rows agree on it.
    pub(super) rows: usize,
}

impl CollapsedEdge {
    /// Can the width stand for a gutter `column` columns from the
    /// region's edge? The extractor's start of the right column drifts
    /// at most [`SHIFT`] columns from it.
    pub(super) fn stands_for(self, column: usize) -> bool {
        self.width.abs_diff(column) <= SHIFT
    }
}

/// Does the region's text set a space between words of wide characters,
/// as Korean does? Then a space between two wide characters comes, on
/// average, at least once in every two windows of [`SHIFT`] +
/// [`TOLERANCE`] columns; Chinese and Japanese set one only where a
/// gutter collapsed, a justified line was spread, or beside a word of
/// another script. `written` holds each row's text as the repaired text
/// writes it ([`super::cells::written_text`]).
pub(super) fn spaces_its_words(written: &[Cow<'_, str>], rows: &[Piece], kept: &[bool]) -> bool {
    let (mut spaces, mut width) = (0, 0);
    for ((text, _), _) in written
        .iter()
        .zip(rows)
        .zip(kept)
        .filter(|((_, r), k)| !**k && !r.running_title)
    {
        let text = text.trim();
        width += display_width(text);
        let mut before = [' ', ' '];
        for c in text.chars() {
            let is_wide = crate::text::script::is_wide;
            if before[1] == ' ' && is_wide(before[0]) && is_wide(c) {
                spaces += 1;
            }
            before = [before[1], c];
        }
    }
    spaces * 2 * (SHIFT + TOLERANCE) >= width.max(1)
}

/// The space at which a row's gutter at `gutter` collapsed, if any: one
/// after which the text starts left of the gutter (or up to [`TOLERANCE`]
/// right of it), and before which the text fills the column from
/// `region_col` (its reach within [`TOLERANCE`] of the column's width, or
/// past it where the text after the space starts where a right column set
/// a little left of its gutter can, [`SHIFT`] columns left of it). Of
/// several, the one whose text comes nearest to filling the column.
pub(super) fn collapsed_at(
    spaces: &[CollapsedSpace],
    gutter: usize,
    region_col: usize,
    edge: Option<CollapsedEdge>,
) -> Option<usize> {
    let column = gutter.saturating_sub(region_col);
    let column = edge
        .filter(|e| e.stands_for(column))
        .map_or(column, |e| e.width);
    spaces
        .iter()
        .filter(|s| s.col < gutter + TOLERANCE)
        .filter_map(|s| {
            let reach = s.reach.saturating_sub(region_col);
            let off = reach.abs_diff(column);
            let near = s.col + 1 + SHIFT >= gutter && reach + TOLERANCE >= column;
            (near || off <= TOLERANCE).then_some((s.col, off))
        })
        .min_by_key(|&(col, off)| (off, std::cmp::Reverse(col)))
        .map(|(col, _)| col)
}

/// Splits a row at the single space at character column `col`, its right
/// part standing just after the space.
pub(super) fn split_at_col(input: &str, row: &Piece, col: usize) -> (Piece, Piece) {
    split_at(input, row, col, col + 1)
}

/// Splits a row at the single space at character column `col`, where its
/// gutter at `gutter` collapsed. The right part stands at the gutter, as
/// the right column's other rows do (its own region is measured from
/// there), not just after the space, which the left column's wide text
/// pushed in from it.
pub(super) fn split_at_gutter(
    input: &str,
    row: &Piece,
    col: usize,
    gutter: usize,
) -> (Piece, Piece) {
    split_at(input, row, col, (col + 1).max(gutter))
}

/// Splits a row at the single space at character column `col`, its right
/// part standing at `right_col`.
fn split_at(input: &str, row: &Piece, col: usize, right_col: usize) -> (Piece, Piece) {
    let text = &input[row.range.clone()];
    let at = written_cells(text, row.col)
        .find(|cell| cell.col == col)
        .map_or(text.len(), |cell| cell.at);
    let split = row.range.start + at;
    let left = Piece {
        range: row.range.start..split,
        ..row.clone()
    };
    let right = Piece {
        range: (split + 1).min(row.range.end)..row.range.end,
        col: right_col,
        ..row.clone()
    };
    (left, right)
}

/// A row whose gutter the extractor collapsed to one space
/// (`…的確認。 請謹慎使用…`): split it at the single space that leaves the
/// left part as wide as a full left-column row, if there is one.
pub(super) fn split_collapsed(
    input: &str,
    row: &Piece,
    gutter: usize,
    (typical_left, typical_right): (usize, usize),
) -> Option<(Piece, Piece)> {
    const SLACK: usize = 4;
    let text = &input[row.range.clone()];
    let cells: Vec<Cell> = written_cells(text, row.col).collect();
    let mut best: Option<(usize, usize)> = None;
    for (i, cell) in cells.iter().enumerate() {
        let (at, col) = (cell.at, cell.col);
        if cell.c != ' ' || col + 1 > gutter + TOLERANCE || col + 14 < gutter {
            continue;
        }
        let neighbours = i > 0 && !cells[i - 1].space && cells.get(i + 1).is_some_and(|n| !n.space);
        if !neighbours {
            continue;
        }
        let left_off = display_width(text[..at].trim()).abs_diff(typical_left);
        let right_off = display_width(text[at..].trim()).abs_diff(typical_right);
        let off = left_off + right_off;
        if left_off <= SLACK && right_off <= 2 * SLACK && best.is_none_or(|(_, b)| off < b) {
            best = Some((at, off));
        }
    }
    let (at, _) = best?;
    let split = row.range.start + at;
    let left = Piece {
        range: row.range.start..split,
        ..row.clone()
    };
    let right = Piece {
        range: split + 1..row.range.end,
        col: gutter,
        ..row.clone()
    };
    Some((left, right))
}
