//! Where a gutter collapsed to one space, the split that gives the pieces
//! of the widths the columns' full rows measure: a justified column's full
//! rows are as wide as each other, counting a wide character as two.

use super::cells::{Segment, written_cells};
use super::collapsed::{CollapsedSpace, single_spaces};
use super::measures::{MIN_SUPPORT, SHIFT, TOLERANCE};
use crate::text::line::Piece;

/// The full widths of a region's two columns as the rows that show the
/// gutter measure them, counting a wide character as two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ColumnWidths {
    /// The left column's full width from the region's edge.
    pub(super) left: usize,
    /// The right column's full width, when its rows measure one.
    pub(super) right: Option<usize>,
}

impl ColumnWidths {
    /// The widths the rows measure on each side of the gutter at `gutter`.
    /// The left column's full width is the widest that at least
    /// [`MIN_SUPPORT`] rows reach within [`TOLERANCE`] below it, among rows
    /// whose left text is one run ending before the gutter, followed by a
    /// run of spaces and text where a right column starts (up to [`SHIFT`]
    /// left of the gutter or [`TOLERANCE`] right of it), or by nothing: a
    /// full row reaches the column's edge, a paragraph's last row falls
    /// short of it. The right column's full width is measured alike from
    /// the rows whose text after the gutter is one run. `None` when no
    /// left width is so measured. `O(rows log rows)`.
    pub(super) fn measure(
        all: &[Vec<Segment>],
        skip: &[bool],
        gutter: usize,
        region_col: usize,
    ) -> Option<ColumnWidths> {
        let at_gutter =
            |s: &Segment| s.start_col + SHIFT >= gutter && s.start_col <= gutter + TOLERANCE;
        let (mut lefts, mut rights) = (Vec::new(), Vec::new());
        for (segs, _) in all.iter().zip(skip).filter(|(_, s)| !**s) {
            let (Some(first), next) = (segs.first(), segs.get(1)) else {
                continue;
            };
            if first.start_col + SHIFT < gutter
                && first.end_col < gutter
                && next.is_none_or(|n| n.start_col + SHIFT >= gutter)
            {
                lefts.push(first.start_col.saturating_sub(region_col) + first.width);
            }
            if let Some(last) = segs.last().filter(|s| at_gutter(s)) {
                if segs.len() == 1 || segs[segs.len() - 2].end_col < gutter {
                    rights.push(last.width);
                }
            }
        }
        Some(ColumnWidths {
            left: full_width(lefts)?,
            right: full_width(rights),
        })
    }

    /// The single space of a row crossing the gutter at `gutter` that
    /// splits it into pieces of the columns' widths: the text before it
    /// reaches within [`TOLERANCE`] of the left column's full width (from
    /// `region_col`, a wide character counting two), and the text after it
    /// is no wider than the right column's full width, where it is
    /// measured, by more than [`TOLERANCE`]. The text before it is one run
    /// (`segs`, the row's runs): after a run of spaces, text set left of
    /// the gutter is a right column's that the extractor moved in. A space
    /// between two letters each set off by spaces is a justified line's
    /// (`分 别 加 载`), not a gutter. `None` unless exactly one space is
    /// such: where two are, the widths do not tell which, and the row is
    /// left to the other measures.
    pub(super) fn split_space(
        self,
        input: &str,
        row: &Piece,
        segs: &[Segment],
        gutter: usize,
        region_col: usize,
    ) -> Option<usize> {
        let first_end = segs.first()?.end_col;
        let spaces = single_spaces(input, row, false);
        let end = written_cells(&input[row.range.clone()], row.col)
            .map(|c| c.set_width())
            .sum::<usize>()
            + row.col;
        let fits = |s: &&CollapsedSpace| {
            let right = end.saturating_sub(s.reach + 1);
            !(s.spaced_out && s.spaced_out_after)
                && s.col < gutter + TOLERANCE
                && s.col < first_end
                && self.right.is_none_or(|w| right <= w + TOLERANCE)
        };
        let mut near = spaces
            .iter()
            .filter(fits)
            .filter(|s| s.reach.saturating_sub(region_col).abs_diff(self.left) <= TOLERANCE)
            .map(|s| s.col);
        match (near.next(), near.next()) {
            (Some(col), None) => Some(col),
            _ => None,
        }
    }
}

/// The widest width that at least [`MIN_SUPPORT`] of `widths` reach within
/// [`TOLERANCE`] below it.
fn full_width(mut widths: Vec<usize>) -> Option<usize> {
    widths.sort_unstable_by(|a, b| b.cmp(a));
    widths
        .iter()
        .enumerate()
        .find(|&(i, &w)| {
            widths[i..]
                .iter()
                .take_while(|&&v| v + TOLERANCE >= w)
                .take(MIN_SUPPORT)
                .count()
                >= MIN_SUPPORT
        })
        .map(|(_, &w)| w)
}

#[cfg(test)]
mod tests {
    use super::super::cells::segments;
    use super::super::tests::rows_of as rows;
    use super::*;

    #[test]
    fn the_widest_width_enough_rows_reach_is_the_full_width() {
        assert_eq!(full_width(vec![30, 12, 29, 31, 30, 8]), Some(31));
        // One row wider than the rest (a long word) is no column's width.
        assert_eq!(full_width(vec![40, 30, 29, 31, 30]), Some(31));
        // Short rows only: too few agree.
        assert_eq!(full_width(vec![10, 20, 30]), None);
    }

    #[test]
    fn rows_showing_the_gutter_measure_both_columns() {
        // Ten wide characters a column (twenty columns wide), the right
        // column starting at character column 12.
        let text = [
            "春天来了山上的花都开  夏天到了河里的水涨了",
            "鸟儿在树上唱着歌儿呢  孩子们在河边玩水呢",
            "农民伯伯忙着种田地呀  渔民伯伯忙着打鱼呀",
            "大家都很开心的样子啊  大家都很快乐的样子呀",
            "好。        好。",
        ]
        .join("\n");
        let pieces = rows(&text);
        let all: Vec<_> = pieces.iter().map(|p| segments(&text, p)).collect();
        let widths = ColumnWidths::measure(&all, &[false; 5], 12, 0);
        let expected = ColumnWidths {
            left: 20,
            right: Some(20),
        };
        assert_eq!(widths, Some(expected));
        // Rows skipped (kept as rows) measure nothing.
        assert_eq!(ColumnWidths::measure(&all, &[true; 5], 12, 0), None);
    }

    #[test]
    fn a_crossing_row_splits_where_the_pieces_have_the_columns_widths() {
        let widths = ColumnWidths {
            left: 20,
            right: Some(20),
        };
        let split = |text: &str| {
            let row = &rows(text)[0];
            widths.split_space(text, row, &segments(text, row), 12, 0)
        };
        // Of spaces reaching 4, 9 and 20, the last is the column's edge.
        assert_eq!(split("读书 写字 画画唱歌跳 看书看报又看电视好"), Some(11));
        assert_eq!(split("读书写字画画唱歌跳舞 看书看报又看电视"), Some(10));
        // None comes near the width.
        assert_eq!(split("读书 写字 画画唱歌跳舞吧 看书看报又看电视"), None);
        // Two spaces as near it: the widths do not tell.
        assert_eq!(split("读书写字画画唱歌跳 舞 看书看报又看电视"), None);
        // A right piece wider than the right column is no split.
        assert_eq!(
            split("读书写字画画唱歌跳舞 看书看报又看电视还有广播和报纸"),
            None
        );
        // A space between letters that a justified right column spread
        // is no candidate: the one before them is the gutter.
        assert_eq!(split("读书写字画画唱歌跳 看 书 看 报 又 看"), Some(9));
    }
}
