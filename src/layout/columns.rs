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
//! out, then that line. Text that sets its words apart with two spaces at
//! least as often as with one, or its letters (`今  年  春  天`), holds no
//! gutter at all: two spaces are its word spacing (`The  board  met  on
//! Tuesday`), and splitting it there would read its words out of order.
//! Nor does code whose comments a wide gap sets beside it (`port = 8080
//! # the port`), where such rows are most of the rows with a wide gap. Three columns are found by looking for a gutter
//! again inside each column.
//!
//! Between two columns of Chinese, Japanese or Korean text the extractor
//! often collapses the gutter to one space, since it counts a wide
//! character as one position though the type sets it two wide
//! (`…的简写形 用到的…`). A row that crosses a gutter is such a row when it
//! holds a single space beside a wide character after text that fills
//! the column (its width, counting a wide character as two, within
//! `TOLERANCE` of the gutter's distance from the region's edge, or
//! the text after the space starting at most `SHIFT` left of the
//! gutter): it neither hides the gutter nor makes the page a table, and
//! it is split at that space. Where at least `MIN_SUPPORT` rows put such
//! a space at the same width (twice as many as would by chance), that
//! width is the left column's, measured by the page itself, and it stands
//! for the gutter's distance (the extractor places a right column by
//! positions that count wide characters as one, so its start can stand a
//! few columns away from where the wide text ends); such rows also share
//! the gutter when the rows' standing together is weighed. Text that
//! spaces its words of wide characters (Korean) measures no such width,
//! and a width narrower than a quarter of the page's region, or a third of
//! a region inside a column already split (two columns at most), is the
//! text's own. Where all such spaces agree on no column's width, the spaces
//! that stand where the region's columns start (at least half the support
//! a gutter needs starts text within `SHIFT` and `TOLERANCE` of where the
//! space's text reaches) measure it: spaces beside Latin words agree on a
//! narrow width by chance, a collapsed gutter stands beside a column start.
//! A row that ends short of the gutter in characters but fills the left
//! column before such a space is split there only where it stands together
//! with the nearest row above or below that shows the gutter, no blank row
//! between (at least every other row of that stretch fills the column or
//! shows the gutter): a line that fills the page's one column below or
//! above the columns is that column's own. A row that
//! holds both columns but ends short of the gutter in characters is left
//! whole. A row whose text starts again at the gutter (or up to `SHIFT`
//! right of it, where the extractor sets a right column that drifts) after
//! a run of spaces is split at that run, never at a single space before it
//! that happens to stand at the measured width (a left column's line that
//! mixes scripts can run past it). Once the gutter is found, the rows
//! that cross it measure the left column's full width themselves, and
//! each is split at its single space nearest that width (within
//! `TOLERANCE`), beside a wide character or else, in a row with text
//! above and below it, between two words, before the widths of the
//! rows that do not cross are tried (`…并且把 ISO9660 American Standard`
//! → `…并且把 ISO9660` and `American Standard`, where four rows crossing
//! the gutter put a space beside a wide character at the width the
//! text before `American` reaches): the width is the one that at least
//! `MIN_SUPPORT` crossing rows agree on (twice as many as would by
//! chance; of widths that as many agree on, the widest, since a full
//! row's text reaches the column's edge and spaces further in, beside
//! words of another script, agree by chance: `…工具来 GNU 说，光盘只是`
//! splits after `只是`, not after `来`), counting only spaces left of the gutter, where the text
//! before them comes within `SHIFT` of it, and not after a letter set
//! off by spaces (a justified line spreads its letters so); a title
//! across the columns, with a blank row below it, is not split between
//! its words. A row split so at its measured width, or where it fills
//! the left column before a single space, puts the right column's text at
//! the gutter, where the right column's other rows stand
//! (`…旧的内容擦 当一个…` gives `当一个…` at the gutter's column, not at
//! the space's), so that the right column's own region, split again,
//! starts at its gutter and finds no gutter inside it. Before those
//! measures, a row crossing the gutter with text above and below it is
//! split at the one single space where its pieces have the columns' full
//! widths, as at least `MIN_SUPPORT` rows that show the gutter (or hold
//! only left-column text) measure them counting a wide character as two
//! (`…가서 책 본다 시장 구경 이야기` → `…책 본다` and `시장 구경 이야기`,
//! which text that spaces its words measures no other way), and left to
//! them where no space or two spaces come within `TOLERANCE` of it.
//! Collapsed gutters are read
//! only in a region whose own text rows show columns (at least
//! `MIN_SUPPORT` rows, not kept as rows, with a wide gap inside or set
//! deep into the region): the repaired text has no such rows, so a second
//! repair reads none.
//!
//! Refused: a single column with occasional wide spaces (too few lines
//! share the same gutter, or no more than a justified line's stretched
//! spaces would by chance: a gutter's window must hold three times the
//! starts that an even spread over the rows' width would put there),
//! indentation (a gutter must stand at least [`MIN_COLUMN_WIDTH`]
//! characters from where the region's text starts, not from the page's
//! edge: a margin of six and a paragraph's indent of four make no gutter
//! at the tenth column, so `      DVD 只是…` and `          对于由…` are
//! one column's rows), a table of short
//! cells (the text before the gutter fills less than half the way to it on
//! most rows, weighing only the rows kept as rows when there are some; its
//! rows stay rows), rows far apart (the lines that share a gutter must
//! stand together: at least every other line from the first of them to
//! the last). Where no line crosses a gutter and as many rows as it needs
//! start text at its very column with nothing before it or after a run of
//! more than `SHIFT` spaces (where a paragraph or a column ends beside it,
//! not where a justified line stretched a space), a row where it
//! collapsed shares it too: one with a single space beside a wide character at most `SHIFT`
//! left of it (or `TOLERANCE` right), the text before the space reaching,
//! a wide character counting two, more than `SHIFT` columns past the
//! gutter, and the row's text going on at least `MIN_COLUMN_WIDTH` past
//! it. Three columns of wide text whose lines fill them
//! (`…설정 파일 관리자에서 여러분 오른 메뉴바의…`) show each gutter on
//! few rows, where a paragraph or a column ends; the extractor, counting
//! a wide character as one, pushed the rest of the rows into the gutter.
//!
//! Where a gutter is refused only because the lines that share it do not
//! stand together, though enough of them share it, no line crosses it and
//! it is no table, the rows are left as they are rather than risk
//! interleaving two columns, and the edit log says so with an
//! `unsure-columns` note, an edit that changes nothing:
//!
//! ```text
//! left col one    right one         left col one    right one
//! short line                        short line
//! (four short lines)            →   (four short lines)
//! left col two    right two         left col two    right two
//! (… six such rows in all)          (… and unsure-columns: 26 lines left as they are)
//! ```
//!
//! A second repair reads the page as the first wrote it: rows kept as
//! rows (a block of them moved left to the page's edge), other lines
//! joined into paragraphs with one space for each run, running titles
//! gone (they are no evidence either way). So gutters are
//! measured with such blocks where they will be written, a line crosses a
//! gutter only if it still does so written as a paragraph, a line as long
//! as several rows counts as several lines, as the rows that a paragraph
//! was joined from did, and a table is judged by the rows that stay rows.
//! A gutter so measured is put back where the rows stand, as far right as
//! most of the rows that start text at it were moved, before any row is
//! split: a left column's word a few characters short of the gutter
//! (`…peers(5),    copy-   which…`) stays in the left column.
//!
//! Positions are counted in characters, as `pdftotext -layout` places
//! them, and as the repaired text writes them (`written_cells`), and a
//! row's gaps and words are read in its text as written (`written_text`:
//! `i  ^?  e` is `i    e`, one gap of four spaces), so that a second
//! repair finds the gutters where the first did.
//! `O(n)` per page for each of at most three passes.

pub use crate::text::line::Piece;

mod cells;
mod collapsed;
mod gutter;
mod measures;
mod region;
mod unsplit;
mod widths;

pub use gutter::may_hold_gutter_start;
pub use measures::MIN_COLUMN_WIDTH;
pub use region::UnsureColumns;
use region::split_region;
pub use unsplit::UnsplitRows;

/// Reorders the lines of one page into reading order, splitting columns.
/// Lines of a page with no gutter come back unchanged; a page left as it
/// is though it may hold columns is not noted.
pub fn reading_order(input: &str, page: Vec<Piece>) -> Vec<Piece> {
    split_columns(input, page, &mut Vec::new()).unwrap_or_else(|rows| rows)
}

/// The rows in reading order when they hold a gutter (`Ok`), or the rows
/// unchanged (`Err`) when they hold none; a region left unchanged though it
/// may hold columns is noted in `notes`.
pub fn split_columns(
    input: &str,
    rows: Vec<Piece>,
    notes: &mut Vec<UnsureColumns>,
) -> Result<Vec<Piece>, Vec<Piece>> {
    split_region(input, rows, 0, notes)
}

#[cfg(test)]
mod tests {
    use super::cells::{Segment, segment_starts, segments, written_cells, written_text};
    use super::collapsed::{
        CollapsedEdge, CollapsedSpace, collapsed_at, collapsed_edge, collapsed_edge_near,
        collapsed_spaces, crossing_edge, single_spaces, space_at_width, spaces_its_words,
        split_at_col, split_at_gutter,
    };
    use super::gutter::{GutterStarts, gutter_starts, has_one_segment};
    use super::region::{as_kept_blocks_write, as_rows_stand};
    use super::*;

    #[test]
    fn text_that_sets_every_word_two_spaces_apart_is_one_column() {
        let rows = [
            "The  board  met  on  Tuesday  to  review  the  budget  for  the",
            "coming  year.  Members  agreed  that  the  proposal  needed  more",
            "work  before  it  could  be  approved,  and  the  chair  asked  the",
            "staff  to  draft  a  new  version  by  the  end  of  the  month.",
            "Several  members  raised  the  cost  of  the  new  building,  and",
            "others  said  that  the  old  one  no  longer  meets  the  code.",
        ];
        let input = rows.join("\n");
        assert_eq!(order(&input), rows);
        // Set one space apart, the same words with a gutter of two spaces
        // after the fourth are two columns.
        let columns: Vec<String> = rows
            .iter()
            .map(|r| {
                let words: Vec<&str> = r.split_whitespace().collect();
                format!("{:<30}  {}", words[..4].join(" "), words[4..].join(" "))
            })
            .collect();
        let got = order(&columns.join("\n"));
        assert_eq!(got.len(), 2 * rows.len(), "{got:?}");
        assert_eq!(got[1], "coming year. Members agreed");
    }

    #[test]
    fn code_with_comments_beside_it_is_no_pair_of_columns() {
        let rows = [
            "port = 8080            # the port the server listens on",
            "host = example.org     # the name it answers to",
            "workers = 4            # how many requests at once",
            "timeout = 30           # seconds before a request fails",
        ];
        assert_eq!(order(&rows.join("\n")), rows);
    }

    #[test]
    fn chinese_letter_spaced_with_two_spaces_is_one_column() {
        let text: Vec<char> = "今年春天市里新开了一家图书馆每天都有很多市民前来借书和阅读馆长说他们计划在秋天增加更多的儿童读物"
            .chars()
            .collect();
        let rows: Vec<String> = text
            .chunks(12)
            .map(|row| {
                row.iter()
                    .map(char::to_string)
                    .collect::<Vec<_>>()
                    .join("  ")
            })
            .collect();
        assert_eq!(order(&rows.join("\n")), rows);
    }

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

    /// Four full rows of two columns set with a single space between
    /// them (the left column 28 wide), three rows of the right column
    /// alone, and `last_row`.
    fn collapsed_page(last_row: &str) -> String {
        let full = "把文件从一台机器复制到另一台 备份的日期，再用";
        let mut input = [full; 4].join("\n");
        input.push_str("\n                              右栏的一行文字\n");
        input.push_str("                              右栏的又一行字\n");
        input.push_str("                              右栏的第三行字\n");
        input.push_str(last_row);
        input
    }

    #[test]
    fn a_row_that_starts_again_at_the_gutter_is_split_there() {
        // Four full rows measure the left column at 28; the last row holds
        // a single space at that width, then more of the left column, then
        // the right column at its gutter.
        let got = order(&collapsed_page(
            "用 cron 定时运行 df 和 du 命令        右栏最后一行",
        ));
        assert!(
            got.contains(&"用 cron 定时运行 df 和 du 命令".to_string()),
            "{got:?}"
        );
        assert_eq!(got.last().map(String::as_str), Some("右栏最后一行"));
    }

    #[test]
    fn spaces_beside_column_starts_measure_the_column() {
        // Six rows put a space beside a Latin word 5 columns in, four put
        // one after a full left column 28 columns wide; the right column
        // starts at column 30 on three rows.
        let latin = CollapsedSpace {
            col: 3,
            reach: 5,
            spaced_out: false,
            spaced_out_after: false,
        };
        let full = CollapsedSpace {
            col: 14,
            reach: 28,
            spaced_out: false,
            spaced_out_after: false,
        };
        let mut collapsed = vec![vec![latin]; 6];
        collapsed.extend(vec![vec![full]; 4]);
        let mut starts = vec![0; 45];
        starts[30] = 3;
        assert_eq!(collapsed_edge(&collapsed, 0).map(|e| e.width), Some(5));
        let near = collapsed_edge_near(&collapsed, 0, &starts);
        assert_eq!(near.map(|e| e.width), Some(28));
        // Without the column's starts, nothing is measured.
        assert_eq!(collapsed_edge_near(&collapsed, 0, &[0; 45]), None);
    }

    #[test]
    fn a_full_row_is_split_only_beside_the_gutter() {
        let columns = "\
把文件从一台机器复制到另一台 备份的日期，再用这个工具把
机器的时候，只传送改动过的部 需要的目录解开。如果备份放在
分，这样可以节省很多时间。打 另一台主机上，可以登录以后下
包以后再复制到硬盘上也很方便 载下来，然后检查是否完整。
。                            每个月至少测试一次恢复。
                              磁盘快满的时候，找出最大的
                              目录，再决定删掉哪些旧的文
                              件。
";
        // Below the columns, a line of the page's one column that fills
        // it before a single space stays whole.
        let input = format!("{columns}\n每天运行一次备份的脚本，先用 du\n查看还剩多少空间。");
        let got = order(&input);
        assert!(
            got.contains(&"每天运行一次备份的脚本，先用 du".to_string()),
            "{got:?}"
        );
        // Beside rows that show the gutter, such a row is split.
        let input = format!("{columns}每天运行一次备份的脚本，先用 再把结果写进日志。");
        let got = order(&input);
        assert!(got.contains(&"再把结果写进日志。".to_string()), "{got:?}");
    }

    #[test]
    fn a_row_whose_text_starts_again_past_the_gutter_is_split_at_its_run() {
        // The last row's left text fills the measured width before a
        // single space and runs on; its right column starts a few columns
        // past the gutter after a run of spaces.
        let got = order(&collapsed_page(
            "最基础的检视二进位制资料方法是 \"od -t x1 sda\"    右栏最后一行",
        ));
        let left = "最基础的检视二进位制资料方法是 \"od -t x1 sda\"";
        assert!(got.contains(&left.to_string()), "{got:?}");
        assert_eq!(got.last().map(String::as_str), Some("右栏最后一行"));
    }

    #[test]
    fn rows_that_cross_the_gutter_measure_the_full_column() {
        // Four rows cross a gutter at 45 with a space beside a wide
        // character where their text reaches 53 or 54; a space earlier in
        // a row, a space right of the gutter and a row that does not cross
        // are no evidence.
        let space = |col, reach| CollapsedSpace {
            col,
            reach,
            spaced_out: false,
            spaced_out_after: false,
        };
        let mut rows = vec![
            vec![space(20, 30), space(33, 53)],
            vec![space(34, 54), space(60, 80)],
            vec![space(32, 53)],
            vec![space(33, 54)],
            vec![space(30, 44)],
        ];
        let crossing = [true, true, true, true, false];
        let edge = crossing_edge(&rows, &crossing, 45, 0);
        assert_eq!(edge.map(|e| e.width), Some(53));
        // The row is split at the space nearest that width, not at one
        // that reaches past it by more than the tolerance.
        assert_eq!(space_at_width(&rows[0], 53, 45, 0), Some(33));
        assert_eq!(space_at_width(&[space(38, 58)], 53, 45, 0), None);
        // As many rows agreeing further in (spaces beside a word of
        // another script) leave the widest width; more rows there win.
        let mut tied = rows.clone();
        for row in tied.iter_mut().take(4) {
            row.push(space(24, 42));
        }
        let edge = crossing_edge(&tied, &crossing, 45, 0);
        assert_eq!(edge.map(|e| e.width), Some(53));
        tied[4] = vec![space(24, 42)];
        let edge = crossing_edge(&tied, &[true; 5], 45, 0);
        assert_eq!(edge.map(|e| e.width), Some(42));
        // A space after a letter set off by spaces counts for nothing.
        rows[3][0].spaced_out = true;
        rows[2][0].spaced_out = true;
        assert_eq!(crossing_edge(&rows, &crossing, 45, 0), None);
        let spread = CollapsedSpace {
            spaced_out: true,
            ..space(33, 53)
        };
        assert_eq!(space_at_width(&[spread], 53, 45, 0), None);
    }

    #[test]
    fn single_spaces_beside_a_letter_set_apart_are_spaced_out() {
        let input = "分 别 加载 ISO9660 image 文";
        let piece = &rows_of(input)[0];
        let spaced: Vec<(usize, bool)> = single_spaces(input, piece, false)
            .iter()
            .map(|s| (s.col, s.spaced_out))
            .collect();
        let want = [(1, true), (3, true), (6, false), (14, false), (20, false)];
        assert_eq!(spaced, want);
        // Beside a wide character only: not the space between two words
        // of Latin letters.
        let beside_wide: Vec<usize> = collapsed_spaces(input, piece)
            .iter()
            .map(|s| s.col)
            .collect();
        assert_eq!(beside_wide, [1, 3, 6, 20]);
    }

    #[test]
    fn a_gutter_stands_a_column_from_where_the_text_starts() {
        // Text set in six from the page's edge, paragraphs indented four
        // more: the indented lines start ten columns in, which is no
        // gutter once counted from where the text starts.
        let input = "      左栏的一行文字
          缩进的一行
      左栏的一行文字
          缩进的一行";
        let all: Vec<Vec<Segment>> = rows_of(input).iter().map(|r| segments(input, r)).collect();
        assert_eq!(gutter_starts(&all, 0)[10], 2);
        assert!(gutter_starts(&all, 6).iter().all(|&n| n == 0));
    }

    #[test]
    fn a_right_part_split_at_a_collapsed_gutter_stands_at_the_gutter() {
        let input = "      把旧的内容擦 当一个文件";
        let row = &rows_of(input)[0];
        let (left, right) = split_at_gutter(input, row, 12, 45);
        assert_eq!(&input[left.range], "      把旧的内容擦");
        assert_eq!(&input[right.range.clone()], "当一个文件");
        assert_eq!(right.col, 45);
        // Split just after the space, or past the gutter, it stays there.
        assert_eq!(split_at_col(input, row, 12).1.col, 13);
        assert_eq!(split_at_gutter(input, row, 12, 10).1.col, 13);
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
            let written: Vec<_> = rows.iter().map(|r| written_text(input, r)).collect();
            assert_eq!(spaces_its_words(&written, &rows, &[false, false]), spaced);
        }
    }

    #[test]
    fn gutter_starts_are_counted_alike_knowing_the_lines_to_normalize() {
        let input = "Name  \u{A0} Value      Unit\nleft      right\n  中文\u{3000}\u{3000}  右\nplain line\n\u{AD}x      y\n";
        let rows = rows_of(input);
        // The lines with a no-break space and a soft hyphen.
        let normalized = [rows[0].range.clone(), rows[4].range.clone()];
        for enough in 0..=6 {
            let known = GutterStarts::count(input, &rows, enough, Some(&normalized));
            let searched = GutterStarts::count(input, &rows, enough, None);
            for asked in 0..=6 {
                assert_eq!(
                    known.reach(asked),
                    searched.reach(asked),
                    "{enough} {asked}"
                );
            }
        }
    }

    /// The input's lines as the rows of one page.
    pub(super) fn rows_of(input: &str) -> Vec<Piece> {
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
    fn gaps_are_read_as_the_repaired_text_writes_them() {
        // Each pair: rows as the input has them, and as the repaired text
        // writes them. A control character between two gaps of two
        // spaces is removed, leaving one gap of four, and a no-break space
        // is a space: read in the input, the first rows would set more of
        // their words two spaces apart than one, and the last row of the
        // second would show no aligned gaps of three spaces, so neither
        // would be split; a second repair, reading the written text,
        // would split both.
        let pairs = [
            (
                "the left one  \u{7f}  right one\nleft two  \u{7f}      right\n\
                 left\u{a0}three  \u{0}    right\u{a0}three\nleft four  \u{1}     right",
                "the left one    right one\nleft two        right\n\
                 left three      right three\nleft four       right",
            ),
            (
                "        r\nA   b c d   e\n f g h i .  j\nK\u{a0}  l.\u{a0}  m",
                "        r\nA   b c d   e\n f g h i .  j\nK   l.   m",
            ),
        ];
        let as_written = |pieces: Vec<String>| -> Vec<String> {
            let mut log = crate::text::edit::EditLog::off();
            pieces
                .iter()
                .map(|p| crate::chars::normalize::normalize_line(p, 0, &mut log).into_owned())
                .collect()
        };
        for (input, written) in pairs {
            let rows = order(written).len();
            assert!(rows > written.lines().count(), "not split: {written:?}");
            assert_eq!(as_written(order(input)), order(written), "{input:?}");
        }
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

    /// The rows of `input` split as one page, and the notes made.
    fn notes_of(input: &str) -> (bool, Vec<UnsureColumns>) {
        let mut notes = Vec::new();
        let split = split_columns(input, rows_of(input), &mut notes).is_ok();
        (split, notes)
    }

    /// Six rows that share a gutter, with four short lines after each but
    /// the last: enough rows, but they do not stand together.
    fn rows_apart() -> String {
        let row = "left col one    right one\n";
        let apart = format!("{row}{}", "short line\n".repeat(4)).repeat(5);
        format!("{apart}{}", row.trim_end())
    }

    #[test]
    fn a_gutter_whose_rows_do_not_stand_together_is_noted() {
        let input = rows_apart();
        let (split, notes) = notes_of(&input);
        assert!(!split);
        assert_eq!(order(&input), input.lines().collect::<Vec<_>>());
        assert_eq!(
            notes,
            [UnsureColumns {
                range: 0..input.len(),
                gutter: 16
            }]
        );
        // Too few rows share it to weigh at all: no note.
        let few = format!("{}{}", input, "\nshort line".repeat(40));
        assert_eq!(notes_of(&few), (false, Vec::new()));
    }

    #[test]
    fn a_page_that_splits_or_holds_one_column_is_not_noted() {
        let columns = "the left one   right one\nleft two       right two\nleft three     right three\nleft four      right four";
        assert_eq!(notes_of(columns), (true, Vec::new()));
        let prose = "\
This is an ordinary paragraph of text that runs
across the page.  Someone typed two spaces after
a full stop here and there.  That is no gutter at
all, and the lines must stay as they are written.";
        assert_eq!(notes_of(prose), (false, Vec::new()));
    }

    #[test]
    fn a_note_over_rows_split_with_the_next_page_is_dropped() {
        // The next page's three rows make the held rows stand together.
        let row = "left col one    right one";
        let input = format!("{}\n{row}\n{row}\n{row}", rows_apart());
        let rows = rows_of(&input);
        let mut unsplit = UnsplitRows::default();
        let first = unsplit.read_page(&input, rows[..26].to_vec());
        assert!(first.is_empty());
        let pieces = unsplit.read_page(&input, rows[26..].to_vec());
        assert_eq!(&input[pieces[1].range.clone()], "short line");
        let (rest, notes) = unsplit.finish();
        assert!(rest.is_empty());
        assert!(notes.is_empty());
        // Measured alone, the first page is noted once.
        let input = rows_apart();
        let mut unsplit = UnsplitRows::default();
        let first = unsplit.read_page(&input, rows_of(&input));
        let (rest, notes) = unsplit.finish();
        assert_eq!(first.len() + rest.len(), 26);
        assert_eq!(notes.len(), 1);
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
    fn a_gutter_measured_in_a_moved_block_is_put_back_where_its_rows_stand() {
        let input = [
            "      aaa   bbb   ccc     right one",
            "      dddddddd eee  ff    right two",
            "      ggg hhh iii         right three",
        ]
        .join("\n");
        let input = input.as_str();
        let all: Vec<Vec<Segment>> = rows_of(input).iter().map(|r| segments(input, r)).collect();
        // The stretch is written six columns to the left: the gutter found
        // at 20 there stands at 26 in the rows.
        let measured = as_kept_blocks_write(&all, &[true, false, false], 0);
        assert_eq!(as_rows_stand(&all, &measured, 20), 26);
        // Rows that stay where they stand leave the gutter where it is.
        assert_eq!(as_rows_stand(&all, &all, 26), 26);
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
        assert!(split_columns(input, rows_of(input), &mut Vec::new()).is_err());
        let mut rows = rows_of(input);
        rows[0].running_title = true;
        assert!(split_columns(input, rows, &mut Vec::new()).is_ok());
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
