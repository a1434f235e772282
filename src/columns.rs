//! Multi-column plain text: columns that `pdftotext -layout` or an OCR
//! engine set side by side on one line, separated by a gutter of spaces,
//! are split and read in order (left column top to bottom, then the next).
//!
//! ```text
//! If you installed a GUI       done through proper     If you installed a GUI
//! environment during the       setting of file per-    environment during the
//! installation.                missions.           →   installation.
//!                                                      done through proper
//!                                                      setting of file per-
//!                                                      missions.
//! ```
//!
//! A gutter is a character column where, on many lines of a page, a run
//! of two or more spaces ends and text begins, and which almost no line
//! crosses with text. A line that does cross it (a title set across the
//! columns) ends the column region: the columns read so far are written
//! out, then that line. Three columns are found by looking for a gutter
//! again inside each column.
//!
//! Between two columns of Chinese, Japanese or Korean text the extractor
//! often collapses the gutter to one space, since it counts a wide
//! character as one position though the type sets it two wide
//! (`…的简写形 用到的…`). A row that crosses a gutter is such a row when it
//! holds a single space beside a wide character after text that fills
//! the column (its width, counting a wide character as two, within
//! [`TOLERANCE`] of the gutter's distance from the region's edge, or
//! the text after the space starting at most [`SHIFT`] left of the
//! gutter): it neither hides the gutter nor makes the page a table, and
//! it is split at that space. Where at least [`MIN_SUPPORT`] rows put such
//! a space at the same width (twice as many as would by chance), that
//! width is the left column's, measured by the page itself, and it stands
//! for the gutter's distance (the extractor places a right column by
//! positions that count wide characters as one, so its start can stand a
//! few columns away from where the wide text ends); such rows also share
//! the gutter when the rows' standing together is weighed. Text that
//! spaces its words of wide characters (Korean) measures no such width. A row that holds both columns but ends short
//! of the gutter in characters is left whole. Collapsed gutters are read
//! only in a region whose own text rows show columns (at least
//! [`MIN_SUPPORT`] rows, not kept as rows, with a wide gap inside or set
//! deep into the region): the repaired text has no such rows, so a second
//! repair reads none.
//!
//! Refused: a single column with occasional wide spaces (too few lines
//! share the same gutter, or no more than a justified line's stretched
//! spaces would by chance: a gutter's window must hold three times the
//! starts that an even spread over the rows' width would put there), indentation (a gutter must stand at least
//! [`MIN_COLUMN_WIDTH`] characters from the line start), a table of short
//! cells (the text before the gutter fills less than half the way to it on
//! most rows, weighing only the rows kept as rows when there are some; its
//! rows stay rows), rows far apart (the lines that share a gutter must
//! stand together: at least every other line from the first of them to
//! the last).
//!
//! A second repair reads the page as the first wrote it: rows kept as
//! rows (a block of them moved left to the page's edge), other lines
//! joined into paragraphs with one space for each run, running titles
//! gone (they are no evidence either way). So gutters are
//! measured with such blocks where they will be written, a line crosses a
//! gutter only if it still does so written as a paragraph, a line as long
//! as several rows counts as several lines, as the rows that a paragraph
//! was joined from did, and a table is judged by the rows that stay rows.
//!
//! Positions are counted in characters, as `pdftotext -layout` places
//! them, and as the repaired text writes them (`written_cells`), so
//! that a second repair finds the gutters where the first did.
//! `O(n)` per page for each of at most three passes.

use crate::script::display_width;
use std::ops::Range;

/// The narrowest column, in characters, left of a gutter.
pub const MIN_COLUMN_WIDTH: usize = 8;
/// How far (in characters) the starts of one column may wander.
const TOLERANCE: usize = 3;
/// How far (in characters) left of its gutter a right column's text may
/// start on one line and still be the right column.
const SHIFT: usize = 8;
/// The fewest lines that must share a gutter.
const MIN_SUPPORT: usize = 4;
/// The share of a page's text lines that must share a gutter.
const MIN_SUPPORT_SHARE: f64 = 0.1;
/// How many gutter positions are tested, best supported first.
const MAX_CANDIDATES: usize = 8;
/// How many times a region is split again (three columns need two).
const MAX_DEPTH: usize = 3;

/// A piece of one input line: the whole line, or one column's part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the input (may include leading spaces, as
    /// indentation inside the column).
    pub range: Range<usize>,
    /// Character column of the piece's first character in its line.
    pub col: usize,
    /// Zero-based page number.
    pub page: usize,
    /// True when a form feed precedes the piece's line.
    pub page_break_before: bool,
    /// True when the line is a running title or footer: it stands at a
    /// page's edge and its shape recurs at another page's edge
    /// ([`crate::furniture::running_title_rows`]). The furniture stage
    /// removes it, so column detection takes no evidence from it.
    pub running_title: bool,
}

/// A run of text inside a piece, between gutters of two or more spaces.
#[derive(Debug, Clone, Copy)]
struct Segment {
    start_col: usize,
    end_col: usize,
    start_byte: usize,
    end_byte: usize,
    /// Display width of the segment's text (a wide character counts two).
    width: usize,
}

/// Reorders the lines of one page into reading order, splitting columns.
/// Lines of a page with no gutter come back unchanged.
pub fn reading_order(input: &str, page: Vec<Piece>) -> Vec<Piece> {
    split_columns(input, page).unwrap_or_else(|rows| rows)
}

/// The rows in reading order when they hold a gutter (`Ok`), or the rows
/// unchanged (`Err`) when they hold none.
pub fn split_columns(input: &str, rows: Vec<Piece>) -> Result<Vec<Piece>, Vec<Piece>> {
    split_region(input, rows, 0)
}

fn segments(input: &str, piece: &Piece) -> Vec<Segment> {
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
fn segment_starts<'a>(input: &'a str, piece: &Piece) -> impl Iterator<Item = usize> + 'a {
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

/// One character of a piece as the repaired text will write it.
struct Cell {
    /// Byte offset in the piece.
    at: usize,
    c: char,
    /// The character column it starts at.
    col: usize,
    /// How many columns it takes once written.
    columns: usize,
    /// Written as a space (a space variant, or leading white space).
    space: bool,
}

impl Cell {
    /// How many columns the character takes as the type sets it: a wide
    /// character two for each position it is written in.
    fn set_width(&self) -> usize {
        self.columns * (1 + usize::from(crate::script::is_wide(self.c)))
    }
}

/// The characters of `text` with the columns they take once repaired, as
/// a second repair would count them: characters that normalization removes
/// take none, a ligature takes its letters, and leading white space takes
/// the indentation it is written as (a tab four columns, an ideographic
/// space two; see [`crate::line::indent_width`]).
fn written_cells(text: &str, first_col: usize) -> impl Iterator<Item = Cell> + '_ {
    let mut col = first_col;
    let mut leading = true;
    text.char_indices().filter_map(move |(at, c)| {
        let (mut columns, mut space) = crate::normalize::as_written(c);
        if columns == 0 {
            return None;
        }
        match crate::line::indent_width(c).filter(|_| leading) {
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

/// Can the rows hold a gutter at all? [`find_gutter`] needs
/// [`MIN_SUPPORT`] text lines and as many segments starting
/// [`MIN_COLUMN_WIDTH`] right of the region's text; most pages fail that
/// test, and it needs no row's segments kept.
fn may_have_gutter(input: &str, rows: &[Piece]) -> bool {
    has_gutter_starts(input, rows, MIN_SUPPORT)
}

/// Does any row hold text where a gutter could end (after a run of two or
/// more spaces, [`MIN_COLUMN_WIDTH`] right of the rows' text)? Rows with
/// none add no support to any gutter.
pub fn may_hold_gutter_start(input: &str, rows: &[Piece]) -> bool {
    has_gutter_starts(input, rows, 1)
}

/// Do the rows hold at least `enough` text lines and `enough` segments
/// starting [`MIN_COLUMN_WIDTH`] right of where their text starts?
fn has_gutter_starts(input: &str, rows: &[Piece], enough: usize) -> bool {
    let mut text_lines = 0;
    let mut region_col = usize::MAX;
    for row in rows {
        if segment_starts(input, row).next().is_some() {
            text_lines += 1;
            region_col = region_col.min(row.col);
        }
    }
    if text_lines < enough.max(1) {
        return false;
    }
    let first_col = region_col + MIN_COLUMN_WIDTH;
    let mut starts = 0;
    for row in rows {
        let mut here = segment_starts(input, row);
        starts += if has_one_segment(&input[row.range.clone()]) {
            usize::from(here.next().is_some_and(|col| col >= first_col))
        } else {
            here.filter(|&col| col >= first_col).count()
        };
        if starts >= enough {
            return true;
        }
    }
    false
}

/// True when the text has at most one segment: after its leading white
/// space, no two spaces in a row and no character written as a space or
/// as nothing (which could bring two spaces together). A cheap test, of
/// the bytes and the lead bytes, that spares measuring most lines of
/// prose cell by cell.
fn has_one_segment(text: &str) -> bool {
    let rest = text.trim_start();
    !rest.as_bytes().windows(2).any(|w| w == b"  ")
        && !crate::normalize::may_fix(rest, crate::normalize::Scope::Alone)
}

/// The gutter position best supported by the region's lines, if any.
fn find_gutter(
    all: &[Vec<Segment>],
    kept: &[bool],
    collapsed: &[Vec<CollapsedSpace>],
    edge: Option<CollapsedEdge>,
    words_spaced: bool,
    region_col: usize,
) -> Option<usize> {
    let text_lines = all.iter().filter(|s| !s.is_empty()).count();
    if text_lines < MIN_SUPPORT {
        return None;
    }
    let width = all
        .iter()
        .filter_map(|s| s.last().map(|l| l.end_col))
        .max()
        .unwrap_or(0);
    // A gutter is shared by lines: two starts of one line closer than a
    // window's width (cells of a narrow table) count once.
    let mut starts = vec![0usize; width + 1];
    for segs in all {
        let mut last: Option<usize> = None;
        for seg in segs {
            if seg.start_col >= region_col + MIN_COLUMN_WIDTH
                && last.is_none_or(|l| seg.start_col > l + 2 * TOLERANCE)
            {
                starts[seg.start_col] += 1;
                last = Some(seg.start_col);
            }
        }
    }
    // Rows whose gutter collapsed at the width they agree on support a
    // gutter that the width can stand for, once at least half the support
    // a gutter needs comes from starts.
    let support = |p: usize| -> usize {
        let starting: usize = starts[p.saturating_sub(TOLERANCE)..=(p + TOLERANCE).min(width)]
            .iter()
            .sum();
        let collapsed = edge
            .filter(|e| e.stands_for(p.saturating_sub(region_col)))
            .filter(|_| starting * 2 >= MIN_SUPPORT)
            .map_or(0, |e| e.rows);
        starting + collapsed
    };
    let rows = Rows {
        all,
        collapsed,
        edge,
        region_col,
    };
    let first_col = region_col + MIN_COLUMN_WIDTH;
    let needed = MIN_SUPPORT.max((text_lines as f64 * MIN_SUPPORT_SHARE).ceil() as usize);
    // In text that spaces its words of wide characters, a single space
    // near a gutter excuses a row that crosses it, so a gutter must be
    // told from the starts after spaces that a justified line stretched,
    // which fall anywhere: its window holds at least three times the
    // starts it would if they were spread evenly over the rows' width.
    let all_starts: usize = starts[first_col.min(width)..].iter().sum();
    let even = all_starts * (2 * TOLERANCE + 1) / (width + 1).saturating_sub(first_col).max(1);
    let mut candidates: Vec<(usize, usize)> = starts
        .iter()
        .enumerate()
        .skip(first_col)
        .filter(|(_, n)| **n > 0)
        .map(|(p, _)| (p, support(p)))
        .filter(|&(_, s)| s >= MIN_SUPPORT && (!words_spaced || s >= 3 * even))
        .collect();
    // The best-supported position that holds: a gutter that a line
    // crosses must not hide a weaker one that no line crosses.
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates
        .into_iter()
        .take(MAX_CANDIDATES)
        .find_map(|(p, s)| {
            // The gutter's left edge: the earliest start in its window.
            let left = (p.saturating_sub(TOLERANCE)..=p)
                .find(|&q| starts[q] > 0)
                .unwrap_or(p);
            let crossing = rows.crossing(left);
            // The lines that share the gutter stand together (rows of kept
            // tables on several pages, which a second repair reads as one
            // page, do not); a few suffice where no line crosses it: a
            // column that ends near the top of the page beside a full one.
            let enough = (s >= needed || crossing.lines == 0) && rows.stand_together(p);
            (enough
                && crossing.rows_held * 5 <= s * 100
                && !is_table(all, kept, collapsed, edge, region_col, left))
            .then_some(left)
        })
}

/// A region's rows, as [`find_gutter`] weighs them against a gutter.
struct Rows<'a> {
    all: &'a [Vec<Segment>],
    /// Each row's single spaces beside a wide character
    /// ([`collapsed_gutter_cols`]).
    collapsed: &'a [Vec<CollapsedSpace>],
    /// The left column's full width as the collapsed rows measure it
    /// ([`collapsed_edge`]).
    edge: Option<CollapsedEdge>,
    region_col: usize,
}

/// The lines that cross a gutter, and the rows they hold in hundredths.
struct Crossing {
    lines: usize,
    rows_held: usize,
}

impl Rows<'_> {
    /// How far the rows right of the gutter at `p` reach.
    fn row_end(&self, p: usize) -> usize {
        self.all
            .iter()
            .flatten()
            .filter(|s| s.start_col + TOLERANCE >= p)
            .map(|s| s.end_col)
            .max()
            .unwrap_or(p)
            .max(1)
    }

    /// The rows a line holds, in hundredths: its length, written as a
    /// paragraph, over the reach of the rows. Rounded down, the lines that
    /// a paragraph is joined from never hold more than the paragraph (a
    /// second repair reads it as one line).
    fn rows_held(&self, segs: &[Segment], row_end: usize) -> usize {
        (self.region_col + collapsed_len(segs)) * 100 / row_end
    }

    /// The lines that cross the gutter at `p` as `split_region` reads
    /// them (a right column set a little left of its gutter crosses
    /// nothing), counting only a line that, written as a paragraph with
    /// one space for each run, still reaches past the gutter: otherwise a
    /// second repair, reading it so written, finds the gutter that it hid
    /// from the first.
    fn crossing(&self, p: usize) -> Crossing {
        let row_end = self.row_end(p);
        let region_col = self.region_col;
        self.all
            .iter()
            .zip(self.collapsed)
            .filter(|(_, spaces)| collapsed_at(spaces, p, region_col, self.edge).is_none())
            .map(|(segs, _)| segs)
            .filter(|segs| {
                !segs.iter().any(|s| is_shifted(s, p, region_col))
                    && segs
                        .iter()
                        .any(|s| s.start_col + TOLERANCE < p && s.end_col > p + TOLERANCE)
                    && region_col + collapsed_len(segs) > p + TOLERANCE
            })
            .fold(
                Crossing {
                    lines: 0,
                    rows_held: 0,
                },
                |crossing, segs| Crossing {
                    lines: crossing.lines + 1,
                    rows_held: crossing.rows_held + self.rows_held(segs, row_end),
                },
            )
    }

    /// Do the lines that share the gutter at `p` stand together? At least
    /// every other line from the first of them to the last shares it.
    fn stand_together(&self, p: usize) -> bool {
        let row_end = self.row_end(p);
        let first_col = self.region_col + MIN_COLUMN_WIDTH;
        // A row shares the gutter with a segment starting at it, or with a
        // single space where the gutter collapsed, when the collapsed rows
        // agree on where the left column ends.
        let measured_edge = self
            .edge
            .is_some_and(|e| e.stands_for(p.saturating_sub(self.region_col)));
        let shares = |(segs, spaces): &(&Vec<Segment>, &Vec<CollapsedSpace>)| {
            segs.iter().any(|s| {
                s.start_col >= first_col
                    && s.start_col + TOLERANCE >= p
                    && s.start_col <= p + TOLERANCE
            }) || (measured_edge && collapsed_at(spaces, p, self.region_col, self.edge).is_some())
        };
        let rows: Vec<(&Vec<Segment>, &Vec<CollapsedSpace>)> = self
            .all
            .iter()
            .zip(self.collapsed)
            .filter(|(s, _)| !s.is_empty())
            .collect();
        let (Some(first), Some(last)) =
            (rows.iter().position(shares), rows.iter().rposition(shares))
        else {
            return false;
        };
        let (mut sharing, mut held) = (0, 0);
        for row in &rows[first..=last] {
            if shares(row) {
                sharing += 1;
                held += 100;
            } else {
                held += self.rows_held(row.0, row_end);
            }
        }
        sharing * 200 >= held
    }
}

/// How many characters a row's text takes with each run of spaces
/// written as one, as a paragraph writes it.
fn collapsed_len(segs: &[Segment]) -> usize {
    segs.iter().map(|s| s.end_col - s.start_col).sum::<usize>() + segs.len().saturating_sub(1)
}

/// Is the text left of `gutter` a table's cells rather than a column of
/// wrapped lines? On most rows with text on both sides, the last run of
/// text before the gutter fills less than half the way from its start to
/// the gutter: a column's lines fill it, a table pads short cells.
///
/// When some of those rows are `kept` (set with several wide gaps, or code:
/// rows that the repaired text writes as rows, gaps and all), only they are
/// weighed, because only they show a second repair where the gutter is.
fn is_table(
    all: &[Vec<Segment>],
    kept: &[bool],
    collapsed: &[Vec<CollapsedSpace>],
    edge: Option<CollapsedEdge>,
    region_col: usize,
    gutter: usize,
) -> bool {
    let both_sides = |segs: &Vec<Segment>| {
        segs.iter().any(|s| s.end_col <= gutter) && segs.iter().any(|s| s.start_col >= gutter)
    };
    let only_kept = all.iter().zip(kept).any(|(segs, &k)| k && both_sides(segs));
    // The last run of text before the gutter on each row weighed.
    let last_lefts = all
        .iter()
        .zip(kept)
        .filter(|&(segs, &k)| (k || !only_kept) && both_sides(segs))
        .filter_map(|(segs, _)| segs.iter().take_while(|s| s.end_col <= gutter).last());
    // A row whose gutter collapsed to one space is a column's full row.
    let (mut rows, mut short) = (0, 0);
    rows += collapsed
        .iter()
        .filter(|spaces| collapsed_at(spaces, gutter, region_col, edge).is_some())
        .count();
    for last_left in last_lefts {
        rows += 1;
        if last_left.width * 2 < gutter - last_left.start_col {
            short += 1;
        }
    }
    short * 2 > rows
}

fn split_region(input: &str, rows: Vec<Piece>, depth: usize) -> Result<Vec<Piece>, Vec<Piece>> {
    if depth >= MAX_DEPTH || rows.len() < MIN_SUPPORT || !may_have_gutter(input, &rows) {
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
    let kept: Vec<bool> = rows
        .iter()
        .map(|r| {
            let text = input[r.range.clone()].trim();
            crate::preformatted::looks_preformatted(text)
                && crate::dedupe::dedupe_line(text).is_none()
        })
        .collect();
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
    // Where the text spaces its words of wide characters, spaces agree on
    // widths by chance: no width is measured.
    let region_width = all
        .iter()
        .flatten()
        .map(|s| s.end_col)
        .max()
        .unwrap_or(0)
        .saturating_sub(region_col);
    // A column is at least a quarter of its region (a third of three
    // columns, less the gutters): spaces that agree on a narrower width
    // are the text's own.
    let words_spaced = spaces_its_words(input, &rows, &kept);
    let edge = collapsed_edge(&collapsed, region_col)
        .filter(|_| !words_spaced)
        .filter(|e| e.width * 4 >= region_width);
    let Some(gutter) = find_gutter(&measured, &kept, &collapsed, edge, words_spaced, region_col)
    else {
        return Err(rows);
    };
    let typical = typical_widths(input, &rows, &all, gutter);
    let interleaved = is_interleaved(&all, gutter);
    let mut out = Vec::with_capacity(rows.len() * 2);
    let mut left: Vec<Piece> = Vec::new();
    let mut right: Vec<Piece> = Vec::new();
    let flush = |out: &mut Vec<Piece>, left: &mut Vec<Piece>, right: &mut Vec<Piece>| {
        let read = |rows| split_region(input, rows, depth + 1).unwrap_or_else(|rows| rows);
        out.extend(read(std::mem::take(left)));
        out.extend(read(std::mem::take(right)));
    };
    for ((row, segs), spaces) in rows.into_iter().zip(all).zip(collapsed) {
        if segs.is_empty() {
            left.push(row.clone());
            right.push(row);
            continue;
        }
        // A right column that the extractor set a little left of its
        // gutter, as it does beside a line of wide CJK characters.
        let shifted = segs.iter().position(|s| is_shifted(s, gutter, region_col));
        let crosses = shifted.is_none()
            && segs
                .iter()
                .any(|s| s.start_col + TOLERANCE < gutter && s.end_col > gutter + TOLERANCE);
        if crosses {
            let split = split_collapsed(input, &row, gutter, typical).or_else(|| {
                collapsed_at(&spaces, gutter, region_col, edge)
                    .map(|col| split_at_col(input, &row, col))
            });
            if let Some((l, r)) = split {
                left.push(l);
                right.push(r);
            } else {
                flush(&mut out, &mut left, &mut right);
                out.push(row);
            }
            continue;
        }
        // A row that ends short of the gutter in characters but whose text
        // fills the left column, as the collapsed rows measure it, before
        // a single space: the rest is the right column's.
        let fills_column = shifted.is_none()
            && edge.is_some_and(|e| e.stands_for(gutter.saturating_sub(region_col)));
        if let Some(col) = fills_column
            .then(|| collapsed_at(&spaces, gutter, region_col, edge))
            .flatten()
        {
            let (l, r) = split_at_col(input, &row, col);
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

/// The rows' segments where the repaired text writes them. A stretch of
/// rows between blank rows that holds a row `kept` as a row is written as
/// one block (a listing or a table), its indentation counted from its
/// least indented row: the stretch moves left to the region's edge, where
/// a second repair finds it.
fn as_kept_blocks_write(
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

/// Does the segment start a right column that the extractor set a little
/// left of its gutter (as it does beside a line of wide CJK characters)?
fn is_shifted(seg: &Segment, gutter: usize, region_col: usize) -> bool {
    seg.start_col < gutter
        && seg.start_col + SHIFT >= gutter
        && seg.start_col >= region_col + MIN_COLUMN_WIDTH
}

/// The display widths that left- and right-column text reach on a full
/// row: the upper quartile of the widths on each side of the gutter.
fn typical_widths(
    input: &str,
    rows: &[Piece],
    all: &[Vec<Segment>],
    gutter: usize,
) -> (usize, usize) {
    let (mut lefts, mut rights) = (Vec::new(), Vec::new());
    for (row, segs) in rows.iter().zip(all) {
        if let Some(end) = segs.iter().take_while(|s| s.end_col <= gutter).last() {
            lefts.push(display_width(input[row.range.start..end.end_byte].trim()));
        }
        if let Some(start) = segs.iter().find(|s| s.start_col + TOLERANCE >= gutter) {
            rights.push(display_width(input[start.start_byte..row.range.end].trim()));
        }
    }
    let quartile = |mut v: Vec<usize>| {
        v.sort_unstable();
        v.get(v.len() * 3 / 4).copied().unwrap_or(0)
    };
    (quartile(lefts), quartile(rights))
}

/// Are the columns' baselines offset, so that most rows hold text of one
/// column only? Then a row empty on one side is no paragraph gap.
fn is_interleaved(all: &[Vec<Segment>], gutter: usize) -> bool {
    let (mut one_sided, mut text_rows) = (0, 0);
    for segs in all.iter().filter(|s| !s.is_empty()) {
        text_rows += 1;
        let left = segs.iter().any(|s| s.start_col + TOLERANCE < gutter);
        let right = segs.iter().any(|s| s.end_col > gutter + TOLERANCE);
        if left != right {
            one_sided += 1;
        }
    }
    one_sided * 2 > text_rows
}

/// A single space of a row that stands beside a wide character: where
/// `pdftotext -layout` collapses the gutter between two columns of CJK
/// text to one space (`…的简写形 用到的…`), since it counts a wide
/// character as one position though the type sets it two wide.
#[derive(Debug, Clone, Copy)]
struct CollapsedSpace {
    /// The space's character column.
    col: usize,
    /// How far the row's text before it reaches, counting a wide
    /// character as two columns.
    reach: usize,
}

/// The row's single spaces beside a wide character.
fn collapsed_spaces(input: &str, row: &Piece) -> Vec<CollapsedSpace> {
    let cells: Vec<Cell> = written_cells(&input[row.range.clone()], row.col).collect();
    let mut spaces = Vec::new();
    let mut reach = row.col;
    for (i, cell) in cells.iter().enumerate() {
        if cell.c == ' ' && i > 0 {
            if let (before, Some(after)) = (&cells[i - 1], cells.get(i + 1)) {
                let is_wide = crate::script::is_wide;
                if !before.space && !after.space && (is_wide(before.c) || is_wide(after.c)) {
                    spaces.push(CollapsedSpace {
                        col: cell.col,
                        reach,
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
fn collapsed_edge(collapsed: &[Vec<CollapsedSpace>], region_col: usize) -> Option<CollapsedEdge> {
    let widest = collapsed
        .iter()
        .flatten()
        .map(|s| s.reach.saturating_sub(region_col))
        .max()?;
    // For each width, the rows with a space within TOLERANCE of it (each
    // row counted once).
    let mut rows = vec![0usize; widest + TOLERANCE + 1];
    let mut counted_by = vec![usize::MAX; rows.len()];
    for (i, spaces) in collapsed.iter().enumerate() {
        for space in spaces {
            let reach = space.reach.saturating_sub(region_col);
            for edge in reach.saturating_sub(TOLERANCE)..=reach + TOLERANCE {
                if counted_by[edge] != i {
                    counted_by[edge] = i;
                    rows[edge] += 1;
                }
            }
        }
    }
    // The middle of the first run of widths that the most rows agree on.
    let agreeing = *rows.iter().max()?;
    let first = rows.iter().position(|&n| n == agreeing)?;
    let run = rows[first..].iter().take_while(|&&n| n == agreeing).count();
    let edge = first + (run - 1) / 2;
    // Spaces between words (Korean sets a space between its words) agree
    // on every width alike; a gutter's width stands out: at least twice
    // as many rows agree on it as would if the spaces were spread evenly.
    let spaces: usize = collapsed.iter().map(Vec::len).sum();
    let even = spaces * (2 * TOLERANCE + 1) / (widest + 1);
    (agreeing >= MIN_SUPPORT && agreeing >= 2 * even).then_some(CollapsedEdge {
        width: edge,
        rows: agreeing,
    })
}

/// The left column's full width as the rows whose gutter collapsed
/// measure it ([`collapsed_edge`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CollapsedEdge {
    /// Columns from the region's edge.
    width: usize,
    /// How many rows agree on it.
    rows: usize,
}

impl CollapsedEdge {
    /// Can the width stand for a gutter `column` columns from the
    /// region's edge? The extractor's start of the right column drifts
    /// at most [`SHIFT`] columns from it.
    fn stands_for(self, column: usize) -> bool {
        self.width.abs_diff(column) <= SHIFT
    }
}

/// Does the region's text set a space between words of wide characters,
/// as Korean does? Then a space between two wide characters comes, on
/// average, at least once in every two windows of [`SHIFT`] +
/// [`TOLERANCE`] columns; Chinese and Japanese set one only where a
/// gutter collapsed, a justified line was spread, or beside a word of
/// another script.
fn spaces_its_words(input: &str, rows: &[Piece], kept: &[bool]) -> bool {
    let (mut spaces, mut width) = (0, 0);
    for (row, _) in rows
        .iter()
        .zip(kept)
        .filter(|(r, k)| !**k && !r.running_title)
    {
        let text = input[row.range.clone()].trim();
        width += display_width(text);
        let mut before = [' ', ' '];
        for c in text.chars() {
            let is_wide = crate::script::is_wide;
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
fn collapsed_at(
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

/// Splits a row at the single space at character column `col`.
fn split_at_col(input: &str, row: &Piece, col: usize) -> (Piece, Piece) {
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
        col: col + 1,
        ..row.clone()
    };
    (left, right)
}

/// A row whose gutter the extractor collapsed to one space
/// (`…的確認。 請謹慎使用…`): split it at the single space that leaves the
/// left part as wide as a full left-column row, if there is one.
fn split_collapsed(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collapsed_gutter_is_the_space_after_a_full_column_row() {
        let input = "把文件从一台机器复制到另一台 备份的日期，再用 tar -xzf 把";
        let spaces = collapsed_spaces(input, &rows_of(input)[0]);
        // The space after the full row (14 ideographs, 28 columns wide),
        // not a later one that leaves more than a column's text before it.
        assert_eq!(spaces.len(), 3);
        assert_eq!(collapsed_at(&spaces, 28, 0, None), Some(14));
        // A gutter far from where the row's text fills a column: no split.
        assert_eq!(collapsed_at(&spaces, 60, 0, None), None);
    }

    #[test]
    fn a_space_between_korean_words_is_beside_wide_letters_too() {
        let input = "상단 표시줄의 날짜";
        // Only a space that fills the column from the region's edge counts.
        let spaces = collapsed_spaces(input, &rows_of(input)[0]);
        assert_eq!(collapsed_at(&spaces, 40, 0, None), None);
    }

    #[test]
    fn rows_that_collapse_at_one_width_measure_the_left_column() {
        // Four rows whose text fills 28 columns before a single space.
        let row = "把文件从一台机器复制到另一台 备份的日期，再用";
        let input = [row; 4].join("\n");
        let collapsed: Vec<Vec<CollapsedSpace>> = rows_of(&input)
            .iter()
            .map(|r| collapsed_spaces(&input, r))
            .collect();
        assert_eq!(collapsed_edge(&collapsed, 0).map(|e| e.width), Some(28));
        // The width measured stands for a gutter a few columns away.
        let edge = CollapsedEdge { width: 28, rows: 4 };
        assert_eq!(collapsed_at(&collapsed[0], 24, 0, Some(edge)), Some(14));
        // Three rows are too few.
        assert_eq!(collapsed_edge(&collapsed[..3], 0), None);
    }

    #[test]
    fn spaces_between_words_measure_no_column() {
        // Words spaced at every width agree on none more than by chance.
        let input = "상단 표시줄의 접근성 아이콘을 누른 후\n느린 키를 선택하여 켜고 끌 수 있습니다\n접근성 창에서 하나 이상의 설정을 켰을\n경우 나타납니다 이 옵션을 켜두면 키를";
        let collapsed: Vec<Vec<CollapsedSpace>> = rows_of(input)
            .iter()
            .map(|r| collapsed_spaces(input, r))
            .collect();
        assert_eq!(collapsed_edge(&collapsed, 0), None);
    }

    #[test]
    fn korean_spaces_its_words_and_chinese_does_not() {
        let korean =
            "상단 표시줄의 접근성 아이콘을 누른 후\n느린 키를 선택하여 켜고 끌 수 있습니다";
        let chinese = "这些特别设备文件经常和 shell 数据重定向联合使\n用（参考第 1.5.8 节“典型的顺序命令”）。";
        for (input, spaced) in [(korean, true), (chinese, false)] {
            let rows = rows_of(input);
            assert_eq!(spaces_its_words(input, &rows, &[false, false]), spaced);
        }
    }

    /// The input's lines as the rows of one page.
    fn rows_of(input: &str) -> Vec<Piece> {
        let mut start = 0;
        input
            .split('\n')
            .map(|line| {
                let piece = Piece {
                    range: start..start + line.len(),
                    col: 0,
                    page: 0,
                    page_break_before: false,
                    running_title: false,
                };
                start += line.len() + 1;
                piece
            })
            .collect()
    }

    fn order(input: &str) -> Vec<String> {
        reading_order(input, rows_of(input))
            .into_iter()
            .map(|p| input[p.range].trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let input = "\
the left one   right one
left two       right two
left three     right three
left four      right four";
        assert_eq!(
            order(input),
            [
                "the left one",
                "left two",
                "left three",
                "left four",
                "right one",
                "right two",
                "right three",
                "right four"
            ]
        );
    }

    #[test]
    fn invisible_characters_take_no_column() {
        // Zero-width spaces and control characters in the left column
        // would push the gutter of their lines far to the right.
        let zw = "\u{200B}".repeat(6);
        let input = format!(
            "the left one   right one\nleft{zw} two       right two\nleft three     right three\nleft\u{0}\u{1}\u{2}\u{3}\u{4}\u{5} four      right four"
        );
        let input = input.as_str();
        assert_eq!(order(input)[4], "right one");
        assert_eq!(order(input).len(), 8);
    }

    #[test]
    fn three_columns_with_blank_lines_are_read_in_order() {
        // Blank lines belong to both sides of the first split; the right
        // side still starts at its own gutter and splits again.
        let input = "\
the one a   the two a   the three a
the one b   the two b   the three b

the one c   the two c   the three c
the one d   the two d   the three d";
        assert_eq!(
            order(input),
            [
                "the one a",
                "the one b",
                "the one c",
                "the one d",
                "the two a",
                "the two b",
                "the two c",
                "the two d",
                "the three a",
                "the three b",
                "the three c",
                "the three d"
            ]
        );
    }

    #[test]
    fn a_right_column_of_a_few_lines_is_split_when_no_line_crosses_it() {
        let mut input = String::from(
            "                          done through proper setting\n\
             If you installed a GUI    of file permissions and the\n\
             during the installation,  group memberships (see the\n\
             you are presented with    section on permissions).\n",
        );
        for _ in 0..40 {
            input.push_str("a narrow line of the left\n");
        }
        let got = order(&input);
        assert_eq!(got[1], "during the installation,");
        assert_eq!(got[43], "done through proper setting");
        // A table of four rows inside prose that runs across its gutter
        // is no column.
        let mut input = String::new();
        for _ in 0..40 {
            input.push_str("a line of prose that runs on well past where the table's gutter is\n");
        }
        input.push_str("Name          Value\n".repeat(4).as_str());
        assert_eq!(order(&input)[40], "Name          Value");
    }

    #[test]
    fn a_line_with_one_segment_has_one_start() {
        let input =
            "  ab c de\n\u{3000}中文 “引号” 文\nab  c\na \u{A0}b\na \u{200B} b\n\ta\tb\na \u{0} b";
        let rows = rows_of(input);
        let one: Vec<bool> = rows
            .iter()
            .map(|piece| has_one_segment(&input[piece.range.clone()]))
            .collect();
        assert_eq!(one, [true, true, false, false, false, true, false]);
        let starts: Vec<usize> = rows
            .iter()
            .map(|piece| segment_starts(input, piece).count())
            .collect();
        assert_eq!(starts, [1, 1, 2, 2, 2, 1, 2]);
    }

    #[test]
    fn segment_starts_are_where_segments_start() {
        let input = "  ab c   de  f g\t\th\u{200B}  i \u{A0} j";
        for piece in rows_of(input) {
            let starts: Vec<usize> = segment_starts(input, &piece).collect();
            let segments: Vec<usize> = segments(input, &piece)
                .iter()
                .map(|s| s.start_col)
                .collect();
            assert_eq!(starts, segments);
            assert_eq!(starts, [2, 9, 13, 21, 25]);
        }
    }

    #[test]
    fn columns_are_counted_as_the_repaired_text_writes_them() {
        let cells: Vec<(usize, usize, bool)> = written_cells("\tﬁ\u{0}x\u{A0}y", 0)
            .map(|c| (c.col, c.columns, c.space))
            .collect();
        // A leading tab is four columns of indentation, the ligature its
        // two letters, the control character nothing, the no-break space
        // a space.
        assert_eq!(
            cells,
            [
                (0, 4, true),
                (4, 2, false),
                (6, 1, false),
                (7, 1, true),
                (8, 1, false)
            ]
        );
    }

    #[test]
    fn a_right_column_line_set_left_of_its_gutter_crosses_nothing() {
        // Column detection refused the gutter for a line that splitting
        // reads as the right column; written without its indentation, the
        // line no longer reached the gutter, and a second repair split.
        let input = "\
left col one    right one
left col two    right two
left col three  right three
left col four   right four
            and the right column goes on";
        let got = order(input);
        assert_eq!(got[3], "left col four");
        assert_eq!(got[4], "right one");
        assert_eq!(got[8], "and the right column goes on");
    }

    #[test]
    fn a_line_that_reaches_a_gutter_only_through_wide_gaps_crosses_nothing() {
        // Written as a paragraph, with one space for each run, the last line
        // stops short of the gutter; a second repair would split the rows
        // that the first kept.
        let input = "\
left col one    right one
left col two    right two
left col three  right three
left col four   right four
No.   a wider margin";
        let got = order(input);
        assert_eq!(got[3], "left col four");
        assert_eq!(got[5], "right one", "{got:?}");
    }

    #[test]
    fn a_line_as_long_as_several_rows_crosses_as_several_lines() {
        // A second repair reads a paragraph as one line; the rows it was
        // made of crossed the gutter as many times in the first.
        let rows = "\
left col one    right one
left col two    right two
left col three  right three
left col four   right four
left col five   right five
";
        let long = "a paragraph that runs on across the gutter for two rows and more";
        let input = format!("{rows}{long}");
        assert_eq!(order(&input), input.lines().collect::<Vec<_>>());
        let input = format!("{rows}a line across the gutter");
        assert_eq!(order(&input)[6], "right one", "{:?}", order(&input));
    }

    #[test]
    fn a_few_rows_far_apart_share_no_gutter() {
        // Four rows that share a gutter make a column beside a full one
        // when they stand together, not when lines that share nothing lie
        // between them (rows of kept tables that a second repair sees on
        // one page).
        let row = "left col one    right one\n";
        let together = format!("{}{}", row.repeat(4), "short line\n".repeat(46));
        assert_eq!(order(&together)[50], "right one");
        let apart = format!(
            "{}{row}",
            format!("{row}{}", "short line\n".repeat(15)).repeat(3)
        );
        let apart = apart.trim_end();
        assert_eq!(order(apart), apart.lines().collect::<Vec<_>>());
        // Nor do a tenth of the page's lines.
        let apart = format!("{row}{}", "short line\n".repeat(7)).repeat(6);
        let apart = apart.trim_end();
        assert_eq!(order(apart), apart.lines().collect::<Vec<_>>());
    }

    #[test]
    fn a_table_of_short_cells_is_not_split() {
        let input = "Name      Value      Unit\n".repeat(6);
        let input = input.trim_end();
        assert_eq!(order(input), input.lines().collect::<Vec<_>>());
    }

    #[test]
    fn a_table_is_judged_by_the_rows_that_stay_rows() {
        // The rows set with several wide gaps stay rows in the repaired
        // text, and only they keep their gaps for a second repair; the
        // short cells of the one-gap rows are joined up and weigh nothing.
        let input = "\
No.   a long left cell text   right one   x
ab                            right two
No.   a long left cell text   right three   x
cd                            right four
ef                            right five";
        let got = order(input);
        assert_eq!(got[5], "right one   x", "{got:?}");
        // With no such row, every row with text on both sides is weighed.
        let input = "\
ab                            right two
cd                            right four
ef                            right five
gh                            right six";
        assert_eq!(order(input), input.lines().collect::<Vec<_>>());
    }

    #[test]
    fn an_indented_stretch_with_a_kept_row_is_measured_where_it_is_written() {
        let input = "\
left col one    right one

      aaa   bbb   ccc
      dddddddd eee
      fff   ggg";
        let all: Vec<Vec<Segment>> = rows_of(input).iter().map(|r| segments(input, r)).collect();
        // Only the first row of the stretch is a table row on its own; the
        // whole stretch is written as one block, six columns to the left.
        let kept = [false, false, true, false, false];
        let starts = |segs: &Vec<Vec<Segment>>| -> Vec<Vec<usize>> {
            segs.iter()
                .map(|s| s.iter().map(|s| s.start_col).collect())
                .collect()
        };
        assert_eq!(
            starts(&as_kept_blocks_write(&all, &kept, 0)),
            [vec![0, 16], vec![], vec![0, 6, 12], vec![0], vec![0, 6]]
        );
        // A stretch with no kept row stays where it is.
        assert_eq!(
            starts(&as_kept_blocks_write(&all, &[false; 5], 0)),
            starts(&all)
        );
    }

    #[test]
    fn a_running_title_is_no_evidence() {
        // The title recurs at the top of other pages: the furniture stage
        // removes it, and a second repair reads the rows without it.
        let input = "\
The Annual Report of the Society
left col one    right one
left col two    right two
left col three  right three
left col four   right four";
        assert!(split_columns(input, rows_of(input)).is_err());
        let mut rows = rows_of(input);
        rows[0].running_title = true;
        assert!(split_columns(input, rows).is_ok());
    }

    #[test]
    fn a_gutter_that_a_line_crosses_does_not_hide_one_that_none_crosses() {
        let mut input = "aaaaaaaaaa   bbbbbbbbbbbbbbbbbbbb   cccccc cccc\n".repeat(4);
        input.push_str("a line that crosses the first gutter...");
        let got = order(&input);
        assert_eq!(got.len(), 9);
        assert_eq!(got[4], "a line that crosses the first gutter...");
        assert_eq!(got[5], "cccccc cccc");
    }

    #[test]
    fn a_line_across_the_columns_ends_the_region() {
        // The title holds about two rows' worth of text; eight rows share
        // the gutter above it.
        let input = format!(
            "{}A TITLE THAT RUNS ACROSS BOTH COLUMNS\ncccc cccc   dddd dddd",
            "aaaa aaaa   bbbb bbbb\n".repeat(8)
        );
        let got = order(&input);
        assert_eq!(got[8], "bbbb bbbb");
        assert_eq!(got[16], "A TITLE THAT RUNS ACROSS BOTH COLUMNS");
        assert_eq!(got[17], "cccc cccc");
    }

    #[test]
    fn one_column_with_a_few_wide_spaces_is_not_split() {
        let input = "\
This is an ordinary paragraph of text that runs
across the page.  Someone typed two spaces after
a full stop here and there.  That is no gutter at
all, and the lines must stay as they are written.";
        assert_eq!(order(input), input.lines().collect::<Vec<_>>());
    }

    #[test]
    fn column_pieces_never_overlap_or_split_a_character() {
        for input in [
            "aaaaaaaa  a  a\naaaaaaaaaa一  a\na一aaaaaa  a\na",
            "一一一一一一一一a  ....2\na\na一aaaa  一  一\n一aaa一a  a",
        ] {
            let got: String = order(input).concat();
            let mut want: Vec<char> = input.chars().filter(|c| !c.is_whitespace()).collect();
            let mut have: Vec<char> = got.chars().filter(|c| !c.is_whitespace()).collect();
            want.sort_unstable();
            have.sort_unstable();
            assert_eq!(have, want, "{input:?}");
        }
    }

    #[test]
    fn cjk_columns_count_characters() {
        let input = "\
替換表達式                     從文字檔案的表格中提
請特別注意這些括號正規表達
式的格式，以及這些被匹配的             下面有一個文字檔案
文本如何被替換到不同的文本             裡面含有 2004 年以前
處理工具中的。                   Debian 專案的領導者";
        let got = order(input);
        assert_eq!(got[0], "替換表達式");
        assert_eq!(got[4], "處理工具中的。");
        assert_eq!(got[5], "從文字檔案的表格中提");
    }
}
