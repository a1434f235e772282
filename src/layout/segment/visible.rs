//! The visible lines, each with the column width measured around it (the
//! width that most of the neighbouring lines wrapped mid-sentence reach, so
//! pages that change width are read right), and the lines of a column
//! that an extractor set apart with blank lines read as one.

use crate::text::line::{Line, is_list_item};
use crate::text::script::ends_with_colon;
use std::ops::Range;

/// How many body lines on each side measure the local column width.
const WIDTH_WINDOW: usize = 8;
/// How many wrapped lines show that a page wraps its text (see
/// [`Visible::page_wraps_lines`]): two, so that one line of a table or a
/// listing read again does not.
const MIN_WRAPPED_LINES: usize = 2;
/// What the segmenter knows about one visible line.
pub(super) struct Visible<'a> {
    pub(super) index: usize,
    pub(super) line: &'a Line<'a>,
    /// A blank line, removed furniture or a page break comes before it.
    pub(super) gap_before: bool,
    /// The next visible line follows it with no gap ([`Self::gap_before`]).
    pub(super) runs_on: bool,
    /// A blank line comes before it (furniture and page breaks aside).
    pub(super) blank_before: bool,
    /// Only blank lines come before it: no removed line, no page break.
    pub(super) only_blank_before: bool,
    /// The line ends a sentence ([`Line::ends_sentence`]), asked once
    /// here for the segment rules that read it.
    pub(super) ends_sentence: bool,
    /// The line ends with a colon ([`ends_with_colon`]), asked once here.
    pub(super) ends_with_colon: bool,
    /// The line starts with a list marker ([`is_list_item`]), asked once
    /// here.
    pub(super) list_item: bool,
    /// The line is a numbered heading (`is_numbered_heading`), asked once
    /// by `shapes::mark_numbered_headings` for the rules that read it.
    pub(super) numbered_heading: bool,
    /// The local column width in columns.
    pub(super) column: usize,
    /// The second widest of the neighbouring lines that the column
    /// wrapped: where a ragged column's lines reach.
    pub(super) reach: usize,
    /// How far a next word may seem to fit yet not have: see
    /// `noise::measure_fit_noise`. Four bytes, so that the line's flags
    /// fit in the same word: a document holds one of these for each line.
    pub(super) fit_noise: u32,
    /// The width the page's text reaches ([`measure_page_widths`]).
    pub(super) page_width: usize,
    /// The page wraps its text into lines: it holds at least
    /// [`MIN_WRAPPED_LINES`] lines that reach its width, end no sentence
    /// and run on into the next line with no gap. Repaired text, a block
    /// a line, never does.
    pub(super) page_wraps_lines: bool,
}
pub(super) fn visible_lines<'a>(lines: &'a [Line<'a>]) -> Vec<Visible<'a>> {
    // Room for every line at once: grown by doubling, the list would be
    // copied again and again, each copy as large as the text's lines. The
    // room that lines not shown leave over is never written: in a large
    // list, memory the system never hands out.
    let mut visible = Vec::with_capacity(lines.len());
    let mut gap = false;
    let mut blank = false;
    let mut removed = false;
    let mut last_page = None;
    for (index, line) in lines.iter().enumerate() {
        if line.copy {
            continue;
        }
        if line.removed || line.is_blank() {
            gap = true;
            blank |= line.is_blank() && !line.removed;
            removed |= line.removed;
            continue;
        }
        let page_break = last_page.is_some_and(|p| p != line.page);
        let only_blank_before = blank && !removed && !page_break;
        removed = false;
        visible.push(Visible {
            index,
            line,
            gap_before: gap || page_break,
            runs_on: false,
            blank_before: blank,
            only_blank_before,
            ends_sentence: line.ends_sentence(),
            ends_with_colon: ends_with_colon(&line.text),
            list_item: is_list_item(&line.text),
            numbered_heading: false,
            column: 0,
            reach: 0,
            fit_noise: 0,
            page_width: 0,
            page_wraps_lines: false,
        });
        gap = false;
        blank = false;
        last_page = Some(line.page);
    }
    for k in 1..visible.len() {
        visible[k - 1].runs_on = !visible[k].gap_before;
    }
    visible
}

/// Does a line `extent` columns wide reach a column `column` wide
/// (allowing for a first-line indent and ragged punctuation)?
pub(super) fn reaches(extent: usize, column: usize) -> bool {
    let column = column as f64;
    let slack = (column * 0.12).max(4.0);
    extent as f64 + slack >= column
}

impl Visible<'_> {
    /// The width this line would reach with the first word of `next`
    /// appended ([`Line::extent_with_next_word`]), measured when asked: a
    /// width kept for every line would cost more memory than measuring it
    /// again saves time.
    pub(super) fn extent_with_next_word(&self, next: &Visible<'_>) -> usize {
        self.line.extent_with_next_word(next.line)
    }
}

/// Sets each line's [`Visible::page_width`]: the tenth widest of its
/// page's lines, the width that the page's text reaches (a line or two
/// written overlong do not widen it); and [`Visible::page_wraps_lines`].
pub(super) fn measure_page_widths(visible: &mut [Visible<'_>]) {
    let mut start = 0;
    let mut widths = Vec::new();
    while start < visible.len() {
        let page = visible[start].line.page;
        let end = start
            + visible[start..]
                .iter()
                .take_while(|v| v.line.page == page)
                .count();
        widths.clear();
        widths.extend(visible[start..end].iter().map(|v| v.line.extent()));
        let width = crate::text::line::tenth_widest(&mut widths);
        let page = &visible[start..end];
        let wrapped = page
            .iter()
            .filter(|v| v.runs_on && !v.ends_sentence && !v.line.preformatted)
            .filter(|v| reaches(v.line.extent(), width))
            .take(MIN_WRAPPED_LINES)
            .count();
        let wraps = wrapped == MIN_WRAPPED_LINES;
        for v in &mut visible[start..end] {
            v.page_width = width;
            v.page_wraps_lines = wraps;
        }
        start = end;
    }
}

/// Measures each visible line's local column width and reach.
///
/// A line's neighbours are the lines up to [`WIDTH_WINDOW`] away on each
/// side within its run (the lines between two gaps), or within its region
/// (the lines between two headings) when the run holds fewer than three;
/// lines drawn in fake bold measure nothing. Runs and regions are ranges
/// of consecutive lines, so a line's neighbours are one range of lines.
/// `O(n)`: a line reads at most `2 × WIDTH_WINDOW` neighbours, and each
/// run and region is found once.
pub(super) fn measure_columns(visible: &mut [Visible<'_>]) {
    // Lines between two gaps form a run; a heading ends a region.
    let mut run = Vec::with_capacity(visible.len());
    let mut region = Vec::with_capacity(visible.len());
    let (mut r, mut g) = (0usize, 0usize);
    let mut in_heading = false;
    for v in visible.iter() {
        if v.gap_before {
            r += 1;
        }
        if v.line.fake_bold {
            r += 1;
            if !in_heading {
                g += 1;
            }
        }
        in_heading = v.line.fake_bold;
        run.push(r);
        region.push(g);
    }
    let (mut runs, mut regions) = (Spans::new(run), Spans::new(region));
    // Each line's width and whether it broke off mid-sentence, measured
    // once: every line is a neighbour of a window of lines. A line drawn
    // in fake bold has none.
    let measured: Vec<Option<(usize, bool)>> = visible
        .iter()
        .map(|v| (!v.line.fake_bold).then(|| (v.line.extent(), !v.ends_sentence)))
        .collect();
    let mut widths = Vec::with_capacity(2 * WIDTH_WINDOW);
    for i in 0..visible.len() {
        let window = i.saturating_sub(WIDTH_WINDOW)..(i + WIDTH_WINDOW + 1).min(visible.len());
        let mut near = |span: Range<usize>| {
            let (lo, hi) = (window.start.max(span.start), window.end.min(span.end));
            // The span and the window both hold line `i`.
            widths.clear();
            widths.extend(measured[lo..i].iter().flatten());
            widths.extend(measured[i + 1..hi].iter().flatten());
            let (column, count) = column_width(&mut widths);
            // Sorted widest first by `column_width`.
            let reach = widths.iter().filter(|w| w.1).nth(1).map_or(column, |w| w.0);
            (column, count, reach)
        };
        let (mut column, count, mut reach) = near(runs.of(i));
        if count < 3 {
            (column, _, reach) = near(regions.of(i));
        }
        let own = visible[i].line.extent();
        visible[i].column = if column > 0 { column } else { own };
        visible[i].reach = reach.max(visible[i].column);
    }
}

/// Consecutive lines numbered in order (by run or by region), asked for
/// lines in increasing order: the range of lines that share a line's
/// number, found once for each number asked about.
struct Spans {
    numbers: Vec<usize>,
    /// The range last found.
    last: Range<usize>,
}

impl Spans {
    fn new(numbers: Vec<usize>) -> Self {
        Spans {
            numbers,
            last: 0..0,
        }
    }

    /// The lines numbered as line `i` is; `i` is never below the line
    /// asked about before.
    fn of(&mut self, i: usize) -> Range<usize> {
        if !self.last.contains(&i) {
            let number = self.numbers[i];
            let same = |&&n: &&usize| n == number;
            let before = self.numbers[..i].iter().rev().take_while(same).count();
            let after = self.numbers[i..].iter().take_while(same).count();
            self.last = i - before..i + after;
        }
        self.last.clone()
    }
}

/// Blank lines that separate every line of a page wrapped at a column
/// are the extractor's line separators, not paragraph breaks (pdfminer
/// writes each line of some pages as a box of its own):
///
/// ```text
/// Although the partition or the activation          Although the partition or the
/// ⏎                                                 activation order may change, …
/// order may change, you can access them.     →
/// ```
///
/// A page is such a page when most of its lines (four in five) stand
/// alone between blank lines, yet the lines show a column: at least five
/// of them, and a fifth of all, stop mid-sentence within a tenth of one
/// width, hardly any line (one in ten) is much wider than it, and a line
/// that ends a sentence short of that width shows a paragraph's end. Text
/// in textmend's own output has paragraphs far wider than any such width,
/// and a list of items of one width ends no sentence, so neither
/// qualifies. Only text whose pages the extractor marked with form feeds
/// is read so ([`segment_pages`]): the repaired text has none. On such a
/// page the blank lines are read as line breaks, and the other rules
/// decide where blocks end.
pub(super) fn join_blank_separated_lines(visible: &mut [Visible<'_>]) {
    let mut start = 0;
    while start < visible.len() {
        let page = visible[start].line.page;
        let end = visible[start..]
            .iter()
            .position(|v| v.line.page != page)
            .map_or(visible.len(), |k| start + k);
        if is_blank_separated_column(&visible[start..end]) {
            for v in &mut visible[start + 1..end] {
                if v.only_blank_before {
                    v.gap_before = false;
                    v.blank_before = false;
                }
            }
        }
        start = end;
    }
}

/// Is the page (its visible lines) a column whose lines the extractor set
/// apart with blank lines? See [`join_blank_separated_lines`].
fn is_blank_separated_column(page: &[Visible<'_>]) -> bool {
    const MIN_BAND_LINES: usize = 5;
    let lines: Vec<&Visible<'_>> = page.iter().filter(|v| !v.line.fake_bold).collect();
    let n = lines.len();
    if n < MIN_BAND_LINES {
        return false;
    }
    let alone = (0..n)
        .filter(|&k| {
            (k == 0 || lines[k].gap_before) && lines.get(k + 1).is_none_or(|v| v.gap_before)
        })
        .count();
    if alone * 5 < n * 4 {
        return false;
    }
    let mut widths: Vec<(usize, bool)> = lines
        .iter()
        .map(|v| (v.line.extent(), !v.ends_sentence))
        .collect();
    let (column, _) = column_width(&mut widths);
    if column == 0 {
        return false;
    }
    let in_band = widths
        .iter()
        .filter(|&&(w, wrapped)| wrapped && w * 10 >= column * 9 && w * 10 <= column * 11)
        .count();
    let overfull = widths
        .iter()
        .filter(|&&(w, _)| w * 4 > column * 5 + 16)
        .count();
    // A paragraph's last line: it ends a sentence short of the column.
    let ends_paragraph = widths
        .iter()
        .any(|&(w, wrapped)| !wrapped && w * 10 < column * 9);
    in_band >= MIN_BAND_LINES && in_band * 5 >= n && overfull * 10 <= n && ends_paragraph
}

/// The column width that neighbouring lines show (each line's width and
/// whether it broke off mid-sentence), and how many lines there were: the
/// width that the most wrapped text reaches (wrapped lines within a tenth
/// of it, times the width). Lines that end a sentence can stop anywhere,
/// so only lines the column wrapped measure it; a line or two that the
/// extractor wrote overlong do not widen it.
fn column_width(widths: &mut [(usize, bool)]) -> (usize, usize) {
    widths.sort_unstable_by_key(|w| std::cmp::Reverse(w.0));
    let mut best = (0, 0);
    // The band of the widths within a tenth of the `k`th widest is
    // `k..end`; a width is in its own band, so `end` passes `k` each time.
    let mut end = 0;
    let mut wrapped_in_band = 0;
    for (k, &(w, wrapped)) in widths.iter().enumerate() {
        let floor = w * 9;
        for &(_, in_band) in widths[end..].iter().take_while(|v| v.0 * 10 >= floor) {
            wrapped_in_band += usize::from(in_band);
            end += 1;
        }
        let score = wrapped_in_band * w;
        if score > best.0 {
            // The band's second widest: its widest may be a line that a
            // wide character or an overlong word pushed out.
            let second = if k + 1 < end { widths[k + 1].0 } else { w };
            best = (score, second);
        }
        wrapped_in_band -= usize::from(wrapped);
    }
    if best.0 == 0 {
        // Nothing wrapped: the second widest line (the widest may be a
        // line written overlong) is the best guess.
        best.1 = widths.get(1).or(widths.first()).map_or(0, |w| w.0);
    }
    (best.1, widths.len())
}

/// Would the first word of `cur` have fitted at the end of `prev`, by more
/// than the page's own noise in telling so (see `noise::measure_fit_noise`)? If
/// so, the line was not ended by the column width but on purpose (a
/// paragraph's last line, a heading). CJK wraps between any two
/// characters, so there the first character is the word.
pub(super) fn next_word_fits(prev: &Visible<'_>, cur: &Visible<'_>) -> bool {
    prev.extent_with_next_word(cur) + prev.fit_noise as usize <= prev.column
}
