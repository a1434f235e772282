//! Finding a gutter: a character column where many rows' text starts after
//! a run of spaces and almost no row crosses with text, tested against the
//! refusals (indentation, a table of short cells, rows far apart).

use super::cells::{Segment, segment_starts};
use super::collapsed::{CollapsedEdge, CollapsedSpace, collapsed_at};
use super::measures::{
    MAX_CANDIDATES, MIN_COLUMN_WIDTH, MIN_SUPPORT, MIN_SUPPORT_SHARE, SHIFT, TOLERANCE,
};
use crate::text::line::{Piece, overlaps_any};
use crate::text::script::display_width;
use std::borrow::Cow;
use std::ops::Range;

/// Can the rows hold a gutter at all? [`find_gutter`] needs
/// [`MIN_SUPPORT`] text lines and as many segments starting
/// [`MIN_COLUMN_WIDTH`] right of the region's text; most pages fail that
/// test, and it needs no row's segments kept.
pub(super) fn may_have_gutter(input: &str, rows: &[Piece]) -> bool {
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
    GutterStarts::count(input, rows, enough, None).reach(enough) == Some(true)
}

/// What the rows show of the segments that could start after a gutter,
/// counted once for the largest `enough` that [`has_gutter_starts`] is
/// asked with, and kept to answer it for a smaller one: a page that
/// cannot have a gutter ([`may_have_gutter`]) is asked next whether it
/// holds any start at all ([`may_hold_gutter_start`]), and the count
/// that fell short of the first answers the second.
pub(super) struct GutterStarts {
    /// The rows that hold text.
    text_lines: usize,
    /// The `enough` counted up to.
    enough: usize,
    /// The segments starting [`MIN_COLUMN_WIDTH`] right of the rows'
    /// text, counted until there were `enough`; `None` when fewer than
    /// `enough` rows hold text, and none were counted.
    starts: Option<usize>,
}

impl GutterStarts {
    /// Counts the starts of `rows` up to `enough`. `O(rows)`, each row
    /// read up to its first segment start once (and for all of them in a
    /// row with two segments or more). `normalized`, when known, lists the
    /// input lines that hold a character normalization replaces on a line
    /// alone, in order: a row in none of them holds none, and is not
    /// searched for one.
    pub(super) fn count(
        input: &str,
        rows: &[Piece],
        enough: usize,
        normalized: Option<&[Range<usize>]>,
    ) -> Self {
        let mut text_lines = 0;
        let mut region_col = usize::MAX;
        // Each row's first segment start, read once: a row of one segment
        // has no other.
        let first_starts: Vec<Option<usize>> = rows
            .iter()
            .map(|row| segment_starts(input, row).next())
            .collect();
        for (row, first) in rows.iter().zip(&first_starts) {
            if first.is_some() {
                text_lines += 1;
                region_col = region_col.min(row.col);
            }
        }
        let mut counted = GutterStarts {
            text_lines,
            enough,
            starts: None,
        };
        if text_lines < enough.max(1) {
            return counted;
        }
        let first_col = region_col + MIN_COLUMN_WIDTH;
        let mut starts = 0;
        for (row, first) in rows.iter().zip(first_starts) {
            let text = &input[row.range.clone()];
            let one_segment = if normalized.is_some_and(|lines| !overlaps_any(lines, &row.range)) {
                !crate::text::line::has_double_space(text.trim_start())
            } else {
                has_one_segment(text)
            };
            starts += if one_segment {
                usize::from(first.is_some_and(|col| col >= first_col))
            } else {
                segment_starts(input, row)
                    .filter(|&col| col >= first_col)
                    .count()
            };
            if starts >= enough {
                break;
            }
        }
        counted.starts = Some(starts);
        counted
    }

    /// What [`has_gutter_starts`] answers for `enough`, when the count
    /// tells: always for the `enough` counted up to, and for a smaller
    /// one unless the count was not made.
    pub(super) fn reach(&self, enough: usize) -> Option<bool> {
        if enough > self.enough {
            return None;
        }
        match self.starts {
            Some(starts) => Some(starts >= enough),
            None if self.text_lines < enough.max(1) => Some(false),
            None => None,
        }
    }
}

/// Does the text set its words apart with two spaces or more at least as
/// often as with one, or its letters, one gap of two spaces or more to
/// every two characters or fewer? Then a run of two spaces is its word or
/// letter spacing (typed double spacing, an extractor that writes every
/// gap wide, letter-spaced Chinese), and no gutter can show in it: a page
/// of columns sets the words of each column one space apart, and only its
/// gutters wider. Words are counted by the gaps between two characters
/// of scripts that space their words (Latin, Hangul and the like), as
/// Chinese and Japanese set no spaces between theirs. `written` holds
/// each row's text as the repaired text writes it
/// ([`super::cells::written_text`]).
///
/// ```text
/// The  committee  met  on  Tuesday  to  review     (every gap two
/// the  proposal  before  it  could  be  approved.   spaces: one column)
/// ```
pub(super) fn spaces_words_widely(written: &[Cow<'_, str>]) -> bool {
    // Gaps between two characters of scripts that space their words, of
    // one space and of more; gaps of more between any two characters; the
    // characters.
    let (mut single, mut wide) = (0usize, 0usize);
    let (mut wide_anywhere, mut characters) = (0usize, 0usize);
    for text in written {
        let text = text.trim();
        let mut spaces = 0;
        let mut before_spaced = false;
        for c in text.chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            characters += 1;
            wide_anywhere += usize::from(spaces >= 2);
            let spaced = !crate::text::script::is_spaceless(c);
            if spaces > 0 && before_spaced && spaced {
                if spaces == 1 {
                    single += 1;
                } else {
                    wide += 1;
                }
            }
            spaces = 0;
            before_spaced = spaced;
        }
    }
    wide > 0 && wide >= single || wide_anywhere * 2 >= characters.max(1)
}

/// True when the text has at most one segment: after its leading white
/// space, no two spaces in a row and no character written as a space or
/// as nothing (which could bring two spaces together). A cheap test, of
/// the bytes and the lead bytes, that spares measuring most lines of
/// prose cell by cell.
pub(super) fn has_one_segment(text: &str) -> bool {
    let rest = text.trim_start();
    !crate::text::line::has_double_space(rest)
        && !crate::chars::normalize::may_fix(rest, crate::chars::normalize::Scope::Alone)
}

/// The gutter position best supported by the region's lines (`Ok`), or,
/// when none holds, the best-supported position that would have held but
/// for its rows not standing together (`Err(Some(..))`): enough rows start
/// text there, no line crosses it and it is no table, yet lines that do
/// not share it lie between those that do. Such evidence is too weak to
/// split on and too strong to pass over in silence. A gutter stands at
/// least [`MIN_COLUMN_WIDTH`] right of `text_col`, where the region's text
/// starts.
pub(super) fn find_gutter(
    all: &[Vec<Segment>],
    kept: &[bool],
    collapsed: &[Vec<CollapsedSpace>],
    edge: Option<CollapsedEdge>,
    words_spaced: bool,
    region_col: usize,
    text_col: usize,
) -> Result<usize, Option<usize>> {
    let text_lines = all.iter().filter(|s| !s.is_empty()).count();
    if text_lines < MIN_SUPPORT {
        return Err(None);
    }
    let starts = gutter_starts(all, text_col);
    let width = starts.len() - 1;
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
    let first_col = text_col + MIN_COLUMN_WIDTH;
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
    let mut unsure = None;
    for (p, s) in candidates.into_iter().take(MAX_CANDIDATES) {
        // The gutter's left edge: the earliest start in its window.
        let left = (p.saturating_sub(TOLERANCE)..=p)
            .find(|&q| starts[q] > 0)
            .unwrap_or(p);
        let crossing = rows.crossing(left);
        // The lines that share the gutter stand together (rows of kept
        // tables on several pages, which a second repair reads as one
        // page, do not); a few suffice where no line crosses it: a
        // column that ends near the top of the page beside a full one.
        // Where no line crosses the gutter and as many rows as it needs
        // start text at its very column, apart from any text before it,
        // rows where it collapsed share it too: lines of wide text that
        // fill their columns show a gutter only where a paragraph or a
        // column ends.
        let pushed = crossing.lines == 0 && rows.start_apart_at(p) >= needed;
        let together = || rows.stand_together(p, pushed);
        let table = || is_table(all, kept, collapsed, edge, region_col, left);
        let enough = (s >= needed || crossing.lines == 0) && together();
        if enough && crossing.rows_held * 5 <= s * 100 && !table() {
            return Ok(left);
        }
        // Refused only because its rows do not stand together.
        if unsure.is_none() && s >= needed && crossing.lines == 0 && !enough && !table() {
            unsure = Some(left);
        }
    }
    Err(unsure)
}

/// How many rows start a segment at each character column at least
/// [`MIN_COLUMN_WIDTH`] right of `text_col` (where the region's text
/// starts, or the region's edge): where the region's
/// columns can start. A gutter is shared by lines: two starts of one line
/// closer than a window's width (cells of a narrow table) count once.
pub(super) fn gutter_starts(all: &[Vec<Segment>], text_col: usize) -> Vec<usize> {
    let width = all
        .iter()
        .filter_map(|s| s.last().map(|l| l.end_col))
        .max()
        .unwrap_or(0);
    let mut starts = vec![0usize; width + 1];
    for segs in all {
        let mut last: Option<usize> = None;
        for seg in segs {
            if seg.start_col >= text_col + MIN_COLUMN_WIDTH
                && last.is_none_or(|l| seg.start_col > l + 2 * TOLERANCE)
            {
                starts[seg.start_col] += 1;
                last = Some(seg.start_col);
            }
        }
    }
    starts
}

/// A region's rows, as [`find_gutter`] weighs them against a gutter.
pub(super) struct Rows<'a> {
    pub(super) all: &'a [Vec<Segment>],
    /// Each row's single spaces beside a wide character
    /// ([`collapsed_gutter_cols`]).
    pub(super) collapsed: &'a [Vec<CollapsedSpace>],
    /// The left column's full width as the collapsed rows measure it
    /// ([`collapsed_edge`]).
    pub(super) edge: Option<CollapsedEdge>,
    pub(super) region_col: usize,
}

/// The lines that cross a gutter, and the rows they hold in hundredths.
pub(super) struct Crossing {
    pub(super) lines: usize,
    pub(super) rows_held: usize,
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

    /// How many rows start text at the very column `p` with nothing
    /// before it or after a run of more than [`SHIFT`] spaces: where a
    /// paragraph or a column ends beside a gutter, not where a justified
    /// line stretched a space between two words.
    fn start_apart_at(&self, p: usize) -> usize {
        self.all
            .iter()
            .filter(|segs| {
                segs.iter()
                    .enumerate()
                    .any(|(i, s)| s.start_col == p && (i == 0 || segs[i - 1].end_col + SHIFT < p))
            })
            .count()
    }

    /// Do the lines that share the gutter at `p` stand together? At least
    /// every other line from the first of them to the last shares it.
    /// With `pushed`, a row whose gutter collapsed with wide text pushed
    /// past it ([`pushed_past`]), its text going on at least
    /// [`MIN_COLUMN_WIDTH`] past the gutter, shares it too.
    fn stand_together(&self, p: usize, pushed: bool) -> bool {
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
                || (pushed
                    && segs
                        .last()
                        .is_some_and(|l| l.end_col >= p + MIN_COLUMN_WIDTH)
                    && pushed_past(spaces, p))
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

/// Does the row hold a single space beside a wide character where a
/// gutter at `p` collapsed (the text after it starting at most [`SHIFT`]
/// left of the gutter or [`TOLERANCE`] right of it), the text before it
/// reaching, counting a wide character as two, more than [`SHIFT`]
/// columns past the gutter?
fn pushed_past(spaces: &[CollapsedSpace], p: usize) -> bool {
    spaces
        .iter()
        .any(|s| s.col < p + TOLERANCE && s.col + 1 + SHIFT >= p && s.reach > p + SHIFT)
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
/// Does the segment start a right column that the extractor set a little
/// left of its gutter (as it does beside a line of wide CJK characters)?
pub(super) fn is_shifted(seg: &Segment, gutter: usize, region_col: usize) -> bool {
    seg.start_col < gutter
        && seg.start_col + SHIFT >= gutter
        && seg.start_col >= region_col + MIN_COLUMN_WIDTH
}

/// The display widths that left- and right-column text reach on a full
/// row: the upper quartile of the widths on each side of the gutter.
pub(super) fn typical_widths(
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
pub(super) fn is_interleaved(all: &[Vec<Segment>], gutter: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::cells::segments;
    use super::super::collapsed::collapsed_spaces;
    use super::super::tests::rows_of;
    use super::*;

    #[test]
    fn wide_text_pushed_past_a_gutter_collapsed_it() {
        let text = "서버용 설정 파일 관리자에서 여러분 오른 메뉴바의 보안성 단추들을 누른";
        let row = &rows_of(text)[0];
        let spaces = collapsed_spaces(text, row);
        // The space after `여러분` (column 19), its text set 35 wide,
        // stands where a gutter at column 23 collapsed.
        assert!(pushed_past(&spaces, 23));
        // A gutter at column 12: the text before a space near it reaches
        // no further than `SHIFT` past it.
        assert!(!pushed_past(&spaces, 12));
    }

    #[test]
    fn rows_start_text_apart_where_a_column_ends_not_where_a_line_stretched() {
        let text = [
            "서버를 다시하여 켜기            면 새로 값을",
            "                       값 저장 상태를",
            "설정값을 끕니다.              니다.",
            "서버용 설정 파일   관리자에서 여러분",
            "네트워크에서  설정값을 읽을 수",
        ]
        .join("\n");
        let all: Vec<Vec<Segment>> = rows_of(&text).iter().map(|p| segments(&text, p)).collect();
        let rows = Rows {
            all: &all,
            collapsed: &[],
            edge: None,
            region_col: 0,
        };
        // After a run of twelve spaces, at the row's start, after fourteen.
        assert_eq!(rows.start_apart_at(23), 3);
        // A justified line's stretched space (three spaces) starts text
        // apart from nothing.
        assert_eq!(rows.start_apart_at(12), 0);
    }
}
