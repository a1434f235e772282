//! A region of rows split at its gutter into pieces in reading order (the
//! left column top to bottom, then the next), again inside each column, and
//! the rows kept as rows written where the repaired text writes them.

use super::cells::{Segment, segments, written_text};
use super::collapsed::spaces_its_words;
use super::collapsed::{
    CollapsedEdge, CollapsedSpace, collapsed_at, collapsed_edge, collapsed_edge_near,
    collapsed_spaces, crossing_edge, single_spaces, space_at_width, split_at_col, split_at_gutter,
    split_collapsed,
};
use super::gutter::{
    find_gutter, gutter_starts, is_interleaved, is_shifted, may_have_gutter, spaces_words_widely,
    typical_widths,
};
use super::measures::{MAX_DEPTH, MIN_COLUMN_WIDTH, MIN_SUPPORT, SHIFT, TOLERANCE};
use super::widths::ColumnWidths;
use crate::text::line::Piece;
use std::borrow::Cow;
use std::ops::Range;

/// A region left as it is though its rows may hold columns side by side:
/// enough of them start text at one gutter, no line crosses it and it is
/// no table, but lines that do not share it lie between those that do, so
/// too few rows show it together to split them safely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsureColumns {
    /// The region's rows: the first row's start to the last row's end.
    pub range: Range<usize>,
    /// The gutter's character column.
    pub gutter: usize,
}

/// The region's rows in reading order when they hold a gutter (`Ok`), or
/// unchanged (`Err`); a region left unchanged only because its gutter's
/// rows do not stand together is noted in `notes`.
pub(super) fn split_region(
    input: &str,
    rows: Vec<Piece>,
    depth: usize,
    notes: &mut Vec<UnsureColumns>,
) -> Result<Vec<Piece>, Vec<Piece>> {
    if depth >= MAX_DEPTH || rows.len() < MIN_SUPPORT || !may_have_gutter(input, &rows) {
        return Err(rows);
    }
    // The rows' gaps and words are read in their text as the repaired
    // text writes it, as a second repair reads them: two gaps of two
    // spaces around a control character are one gap of four there.
    let written: Vec<Cow<str>> = rows.iter().map(|r| written_text(input, r)).collect();
    if spaces_words_widely(&written) {
        return Err(rows);
    }
    let all: Vec<Vec<Segment>> = rows.iter().map(|r| segments(input, r)).collect();
    // Where the region's text starts: blank rows, shared by both sides of
    // a split, start nowhere.
    let region_col = rows
        .iter()
        .zip(&all)
        .filter(|(_, segs)| !segs.is_empty())
        .map(|(r, _)| r.col)
        .min()
        .unwrap_or(0);
    // The rows that stay rows, gaps and all, in the repaired text.
    let kept: Vec<bool> = written
        .iter()
        .map(|text| {
            let text = text.trim();
            crate::layout::preformatted::looks_preformatted(text)
                && crate::layout::dedupe::dedupe_line(text).is_none()
        })
        .collect();
    // Code with comments set beside it a wide gap apart shows a gutter
    // where its comments start, yet each row is one line: where such rows
    // are most of those with a wide gap inside, the region holds no columns.
    let gapped = all.iter().filter(|segs| segs.len() >= 2).count();
    let commented = written
        .iter()
        .filter(|text| crate::layout::preformatted::has_trailing_comment(text.trim()))
        .count();
    if commented > 0 && commented * 2 >= gapped {
        return Err(rows);
    }
    let mut measured = as_kept_blocks_write(&all, &kept, region_col);
    // A running title is gone from the repaired text.
    for (segs, row) in measured.iter_mut().zip(&rows) {
        if row.running_title {
            segs.clear();
        }
    }
    // Gutters collapsed to one space are read only where the text's own
    // rows show columns: rows not kept as rows with a wide gap inside. The
    // repaired text writes every such row as a paragraph with one space
    // for each run, so a second repair finds none and reads no collapsed
    // gutter that the first did not.
    let shows_columns = |segs: &Vec<Segment>| {
        segs.len() >= 2
            || segs
                .first()
                .is_some_and(|s| s.start_col >= region_col + MIN_COLUMN_WIDTH)
    };
    let text_columns = rows
        .iter()
        .zip(&all)
        .zip(&kept)
        .filter(|((row, segs), k)| !**k && !row.running_title && shows_columns(segs))
        .count()
        >= MIN_SUPPORT;
    let collapsed: Vec<Vec<CollapsedSpace>> = rows
        .iter()
        .zip(&kept)
        .map(|(row, &k)| {
            if k || !text_columns {
                Vec::new()
            } else {
                collapsed_spaces(input, row)
            }
        })
        .collect();
    let region_width = all
        .iter()
        .flatten()
        .map(|s| s.end_col)
        .max()
        .unwrap_or(0)
        .saturating_sub(region_col);
    // Where the text spaces its words of wide characters, spaces agree on
    // widths by chance: no width is measured. And a column is at least a
    // quarter of the page's region (a third of three columns, less the
    // gutters) and a third of a column's region (which holds two columns
    // at most): spaces that agree on a narrower width are the text's own.
    // Where all the spaces agree on no such width, those that stand where
    // the region's columns start may.
    let words_spaced = spaces_its_words(&written, &rows, &kept);
    let share = if depth == 0 { 4 } else { 3 };
    let wide_enough = |e: &CollapsedEdge| !words_spaced && e.width * share >= region_width;
    let edge = collapsed_edge(&collapsed, region_col)
        .filter(wide_enough)
        .or_else(|| {
            let starts = gutter_starts(&measured, region_col);
            collapsed_edge_near(&collapsed, region_col, &starts).filter(wide_enough)
        });
    // Where the region's text starts, as it will be written: a gutter
    // stands a column's width from there, not from the page's edge, or a
    // margin and a paragraph's indent would make one.
    let text_col = measured
        .iter()
        .filter_map(|segs| segs.first().map(|s| s.start_col))
        .min()
        .unwrap_or(region_col)
        .max(region_col);
    let found = find_gutter(
        &measured,
        &kept,
        &collapsed,
        edge,
        words_spaced,
        region_col,
        text_col,
    );
    let gutter = match found {
        Ok(gutter) => as_rows_stand(&all, &measured, gutter),
        Err(unsure) => {
            if let (Some(gutter), Some(first), Some(last)) = (unsure, rows.first(), rows.last()) {
                notes.push(UnsureColumns {
                    range: first.range.start..last.range.end,
                    gutter: as_rows_stand(&all, &measured, gutter),
                });
            }
            return Err(rows);
        }
    };
    let typical = typical_widths(input, &rows, &all, gutter);
    let interleaved = is_interleaved(&all, gutter);
    let mut out = Vec::with_capacity(rows.len() * 2);
    let mut left: Vec<Piece> = Vec::new();
    let mut right: Vec<Piece> = Vec::new();
    // The columns' own regions are split again; a note inside them would
    // stand over rows already split into columns, and is dropped.
    let flush = |out: &mut Vec<Piece>, left: &mut Vec<Piece>, right: &mut Vec<Piece>| {
        let read = |rows| {
            split_region(input, rows, depth + 1, &mut Vec::new()).unwrap_or_else(|rows| rows)
        };
        out.extend(read(std::mem::take(left)));
        out.extend(read(std::mem::take(right)));
    };
    // The rows that cross the gutter with text (a right column set a
    // little left of it, as the extractor sets one beside a line of wide
    // CJK characters, crosses nothing).
    let crossing: Vec<bool> = all
        .iter()
        .map(|segs| {
            !segs.iter().any(|s| is_shifted(s, gutter, region_col))
                && segs
                    .iter()
                    .any(|s| s.start_col + TOLERANCE < gutter && s.end_col > gutter + TOLERANCE)
        })
        .collect();
    // Where the left column's full rows end, as the rows that cross the
    // gutter measure it.
    let full = crossing_edge(&collapsed, &crossing, gutter, region_col);
    let fills = fills_column_at(&all, &collapsed, gutter, region_col, edge);
    let skipped: Vec<bool> = kept
        .iter()
        .zip(&rows)
        .map(|(&k, row)| k || row.running_title)
        .collect();
    let widths = ColumnWidths::measure(&all, &skipped, gutter, region_col);
    // A row with text on the rows above and below it, as a column's rows
    // stand; a title across the columns stands apart.
    let between_text: Vec<bool> = (0..all.len())
        .map(|i| i > 0 && all.get(i + 1).is_some_and(|b| !b.is_empty()) && !all[i - 1].is_empty())
        .collect();
    let rows_read = rows
        .into_iter()
        .zip(all)
        .zip(collapsed)
        .zip(fills)
        .zip(crossing.into_iter().zip(between_text));
    for ((((row, segs), spaces), fills), (crosses, between_text)) in rows_read {
        if segs.is_empty() {
            left.push(row.clone());
            right.push(row);
            continue;
        }
        // A right column that the extractor set a little left of its
        // gutter, as it does beside a line of wide CJK characters.
        let shifted = segs.iter().position(|s| is_shifted(s, gutter, region_col));
        if crosses {
            let at_full = || {
                let width = full?.width;
                // Beside a wide character, or else between two words of a
                // row that stands among the column's rows.
                let col = space_at_width(&spaces, width, gutter, region_col).or_else(|| {
                    let words = single_spaces(input, &row, false);
                    between_text
                        .then(|| space_at_width(&words, width, gutter, region_col))
                        .flatten()
                })?;
                Some(split_at_gutter(input, &row, col, gutter))
            };
            let at_edge = || {
                collapsed_at(&spaces, gutter, region_col, edge)
                    .map(|col| split_at_col(input, &row, col))
            };
            let by_typical = || split_collapsed(input, &row, gutter, typical);
            let by_widths = || {
                let col = widths?.split_space(input, &row, &segs, gutter, region_col)?;
                Some(split_at_gutter(input, &row, col, gutter))
            };
            let split = by_widths()
                .or_else(at_full)
                .or_else(by_typical)
                .or_else(at_edge);
            if let Some((l, r)) = split {
                left.push(l);
                right.push(r);
            } else {
                flush(&mut out, &mut left, &mut right);
                out.push(row);
            }
            continue;
        }
        if let Some(col) = fills {
            let (l, r) = split_at_gutter(input, &row, col, gutter);
            left.push(l);
            right.push(r);
            continue;
        }
        let at_gutter = segs
            .iter()
            .position(|s| s.start_col + TOLERANCE >= gutter && s.start_col <= gutter + TOLERANCE);
        let split = at_gutter
            .or_else(|| segs.iter().position(|s| s.start_col >= gutter))
            .or(shifted);
        let blank = |row: &Piece| Piece {
            range: row.range.start..row.range.start,
            ..row.clone()
        };
        match split {
            Some(0) => {
                if !interleaved {
                    left.push(blank(&row));
                }
                right.push(piece_from(input, &row, segs[0], gutter))
            }
            Some(k) => {
                left.push(Piece {
                    range: row.range.start..segs[k - 1].end_byte,
                    ..row.clone()
                });
                right.push(piece_from(input, &row, segs[k], gutter));
            }
            None => {
                if !interleaved {
                    right.push(blank(&row));
                }
                left.push(row)
            }
        }
    }
    flush(&mut out, &mut left, &mut right);
    Ok(out)
}

/// The single space at which each row is split because it ends short of
/// the gutter in characters but its text fills the left column before it,
/// as the collapsed rows measure the column: the rest is the right
/// column's. A row whose text starts again where a right column can start
/// (within [`SHIFT`] of the gutter) after a run of spaces is not such a
/// row: it is split at that run, and a single space before it stands
/// inside the left column. And such a row is split only where it stands
/// together with the nearest row above or below that shows the gutter
/// (text at or past where a right column can start, or a single space
/// where the row crosses it), with no blank row between: at least every
/// other row from one to the other fills the column or shows the gutter,
/// since a line below or above the columns that fills the page's one
/// column is that column's own. `O(rows)`.
fn fills_column_at(
    all: &[Vec<Segment>],
    collapsed: &[Vec<CollapsedSpace>],
    gutter: usize,
    region_col: usize,
    edge: Option<CollapsedEdge>,
) -> Vec<Option<usize>> {
    let measured = edge.is_some_and(|e| e.stands_for(gutter.saturating_sub(region_col)));
    let mut fills = vec![None; all.len()];
    let mut shows = vec![false; all.len()];
    for (i, (segs, spaces)) in all.iter().zip(collapsed).enumerate() {
        let crosses = segs
            .iter()
            .any(|s| s.start_col + TOLERANCE < gutter && s.end_col > gutter + TOLERANCE);
        let starts_right =
            |s: &Segment| is_shifted(s, gutter, region_col) || s.start_col + TOLERANCE >= gutter;
        let at_gutter = segs.iter().any(|s| {
            is_shifted(s, gutter, region_col)
                || (s.start_col + TOLERANCE >= gutter && s.start_col <= gutter + SHIFT)
        });
        let at = collapsed_at(spaces, gutter, region_col, edge);
        if crosses {
            shows[i] = at.is_some();
        } else if measured && !at_gutter && !segs.is_empty() {
            fills[i] = at;
        }
        shows[i] |= fills[i].is_none() && segs.iter().any(starts_right);
    }
    // Each row that fills the column is kept where it stands together with
    // the nearest row above or below that shows the gutter, with no blank
    // row between: at least every other row of that stretch fills the
    // column or shows the gutter.
    let sharing: Vec<usize> = std::iter::once(0)
        .chain(fills.iter().zip(&shows).scan(0, |n, (f, &s)| {
            *n += usize::from(f.is_some() || s);
            Some(*n)
        }))
        .collect();
    // The rows `stretch` (first to last) stand together.
    let together = |stretch: (usize, usize)| {
        let (first, last) = stretch;
        (sharing[last + 1] - sharing[first]) * 2 > last - first
    };
    let mut shows_above = vec![None; all.len()];
    let mut last = None;
    for (i, segs) in all.iter().enumerate() {
        shows_above[i] = last;
        last = if segs.is_empty() {
            None
        } else if shows[i] {
            Some(i)
        } else {
            last
        };
    }
    let mut below = None;
    for i in (0..all.len()).rev() {
        let above = shows_above[i].is_some_and(|a| together((a, i)));
        if fills[i].is_some() && !above && !below.is_some_and(|b| together((i, b))) {
            fills[i] = None;
        }
        below = if all[i].is_empty() {
            None
        } else if shows[i] {
            Some(i)
        } else {
            below
        };
    }
    fills
}

/// The rows' segments where the repaired text writes them. A stretch of
/// rows between blank rows that holds a row `kept` as a row is written as
/// one block (a listing or a table), its indentation counted from its
/// least indented row: the stretch moves left to the region's edge, where
/// a second repair finds it.
pub(super) fn as_kept_blocks_write(
    all: &[Vec<Segment>],
    kept: &[bool],
    region_col: usize,
) -> Vec<Vec<Segment>> {
    let mut out = all.to_vec();
    let mut i = 0;
    while i < all.len() {
        if all[i].is_empty() {
            i += 1;
            continue;
        }
        let end = (i..all.len())
            .find(|&j| all[j].is_empty())
            .unwrap_or(all.len());
        if !kept[i..end].iter().any(|&k| k) {
            i = end;
            continue;
        }
        let least = all[i..end]
            .iter()
            .map(|segs| segs[0].start_col)
            .min()
            .unwrap_or(region_col);
        let shift = least.saturating_sub(region_col);
        if shift > 0 {
            for segs in &mut out[i..end] {
                for seg in segs.iter_mut() {
                    seg.start_col -= shift;
                    seg.end_col -= shift;
                }
            }
        }
        i = end;
    }
    out
}
/// The gutter found at `gutter` in the rows as the repaired text writes
/// them (`measured`), where the rows stand (`all`): a block kept as rows
/// moves left by its indentation, so the rows that start text at the
/// gutter stand as far right of it as most of them moved. `O(rows)`.
pub(super) fn as_rows_stand(
    all: &[Vec<Segment>],
    measured: &[Vec<Segment>],
    gutter: usize,
) -> usize {
    let mut shifts: Vec<usize> = all
        .iter()
        .zip(measured)
        .filter(|(_, m)| {
            m.iter()
                .any(|s| s.start_col >= gutter && s.start_col <= gutter + 2 * TOLERANCE)
        })
        .filter_map(|(a, m)| Some(a.first()?.start_col.saturating_sub(m.first()?.start_col)))
        .collect();
    shifts.sort_unstable();
    // The most common shift; of shifts as common, the least.
    let mut best = (0, 0);
    for run in shifts.chunk_by(|a, b| a == b) {
        if run.len() > best.1 {
            best = (run[0], run.len());
        }
    }
    gutter + best.0
}

/// The piece of `row` from the gutter (or the segment, if it starts
/// left of the gutter) to the line end.
fn piece_from(input: &str, row: &Piece, seg: Segment, gutter: usize) -> Piece {
    // Keep the spaces between the gutter and the text as indentation (only
    // spaces: never reach back into the left column's text).
    let wanted = seg.start_col.saturating_sub(gutter);
    let before = &input[row.range.start..seg.start_byte];
    let indent = before
        .bytes()
        .rev()
        .take(wanted)
        .take_while(|&b| b == b' ')
        .count();
    Piece {
        range: seg.start_byte - indent..row.range.end,
        col: seg.start_col - indent,
        page: row.page,
        page_break_before: row.page_break_before,
        running_title: row.running_title,
    }
}
