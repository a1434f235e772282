//! Block boundaries and kinds: which lines form one paragraph, heading or
//! list item.
//!
//! ```text
//! 率先垂范 先学先改            率先垂范 先学先改          (heading)
//! 下好先手棋                   下好先手棋                 (heading)
//! 从机关到基层，从城市到农村，从  →  从机关到基层，…学深悟透。  (paragraph)
//! 高校到企业……                 …
//! ```
//!
//! A line starts a new block when:
//! - it or the line before it is a heading (drawn in fake bold, a numbered
//!   heading such as `第一章` or `1.2 Title`, or a short line without
//!   sentence punctuation standing at the start of a block);
//! - it is a list item (`1.`, `(1)`, `（一）`, `一、`, `•`, `-`, `①`, `a)`);
//! - it is indented deeper than the line before it (a first-line indent);
//! - the line before it ends a sentence and the first word of this line
//!   would have fitted on it (so the column width did not end that line:
//!   a paragraph's last line);
//! - a blank line or page break precedes it and the text before the break
//!   is not a sentence cut off in the middle.
//!
//! A blank line or page break is a column or page break, not a paragraph
//! end, when the text before it has no sentence-final punctuation, its
//! last line fills the column, and its block has more than one line.
//!
//! The column width is measured locally (the width that most of the
//! neighbouring lines wrapped mid-sentence reach), so pages that change
//! width as a newspaper does are read right. `O(n)` in the number of lines.

use crate::line::Line;
use crate::preformatted::starts_with_label;
use crate::script::{ends_sentence, is_closing, is_hiragana, is_spaceless, splits_katakana_word};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// How many body lines on each side measure the local column width.
const WIDTH_WINDOW: usize = 8;
/// A line at most this share of the column is short enough to be a heading.
const HEADING_SHARE: f64 = 0.7;
/// How many columns a ragged line's measure may be off: see
/// [`next_word_nearly_fits`].
const RAGGED_SLACK: usize = 2;

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

static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            [•·●○■□◆◇▪▫▶►‣⁃∙◦\-–*+]\s
          | \d{1,3}[.)．）]\s
          | \d{1,3}、
          | [(（]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[a-zA-Z])\s*[)）]
          | [一二三四五六七八九十]{1,3}、
          | [①-⑳㉑-㉟㊱-㊿⑴-⒇⒈-⒛]
          | [a-zA-Z][.)]\s
        )",
    )
    .expect("list marker pattern is valid")
});

static NUMBERED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            第[一二三四五六七八九十百零〇\d]{1,4}[章节節篇部编編卷]
          | \d{1,2}(?:\.\d{1,2}){1,4}\.?\s+\S
          | (?:Chapter|CHAPTER|Section|Part|Appendix)\s+[\dIVXA-Z]
        )",
    )
    .expect("numbered heading pattern is valid")
});

static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}(?:\.\d{1,3}){1,4}|[A-Z](?:\.\d{1,3}){1,4})\.?$")
        .expect("section number pattern is valid")
});

/// True when `text` is only a section number (`1.4.5`, `A.2`), which DBLaTeX
/// and other typesetters set on a line of its own before the title.
///
/// ```
/// use textmend::segment::is_section_number;
/// assert!(is_section_number("1.4.5"));
/// assert!(!is_section_number("2019"));
/// assert!(!is_section_number("11.9 万人"));
/// ```
pub fn is_section_number(text: &str) -> bool {
    SECTION_NUMBER.is_match(text)
}

/// True when `text` starts with a list marker.
///
/// ```
/// use textmend::segment::is_list_item;
/// assert!(is_list_item("1. First"));
/// assert!(is_list_item("（一）总体要求"));
/// assert!(is_list_item("• USB"));
/// assert!(!is_list_item("——鄂尔多斯市"));
/// assert!(!is_list_item("2019 was a year"));
/// ```
pub fn is_list_item(text: &str) -> bool {
    // Every marker starts with a symbol, a digit, a bracket, a numeral
    // ideograph or an ASCII letter followed by `.` or `)`; check cheaply.
    let mut chars = text.chars();
    let plausible = match (chars.next(), chars.next()) {
        (Some(c), _) if !crate::script::is_alphabetic(c) => true,
        (Some(c), Some(d)) if c.is_ascii_alphabetic() => matches!(d, '.' | ')'),
        (Some(c), _) => "一二三四五六七八九十".contains(c),
        _ => false,
    };
    plausible && LIST_MARKER.is_match(text)
}

/// True when `text` is a numbered heading (`第一章 总则`, `1.2 Scope`).
pub fn is_numbered_heading(text: &str) -> bool {
    let plausible =
        text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '第' | 'C' | 'S' | 'P' | 'A'));
    plausible
        && text.chars().count() <= 40
        && !ends_sentence(text)
        && NUMBERED_HEADING.is_match(text)
}

/// What the segmenter knows about one visible line.
struct Visible<'a> {
    index: usize,
    line: &'a Line<'a>,
    /// A blank line, removed furniture or a page break comes before it.
    gap_before: bool,
    /// A blank line comes before it (furniture and page breaks aside).
    blank_before: bool,
    /// Only blank lines come before it: no removed line, no page break.
    only_blank_before: bool,
    /// The local column width in columns.
    column: usize,
    /// The second widest of the neighbouring lines that the column
    /// wrapped: where a ragged column's lines reach.
    reach: usize,
}

/// Groups the visible lines into blocks.
///
/// Removed and blank lines belong to no block. Every visible line belongs
/// to exactly one block, in input order.
pub fn segment(lines: &[Line]) -> Vec<BlockSpan> {
    segment_pages(lines, false)
}

/// [`segment`] for text whose extractor marked its pages with form feeds
/// (`pages_marked`): only there are blank lines that set apart every line
/// of a page read as the extractor's line separators
/// ([`join_blank_separated_lines`]). The repaired text has no form feeds,
/// so a second repair never reads them so.
pub fn segment_pages(lines: &[Line], pages_marked: bool) -> Vec<BlockSpan> {
    let mut visible = visible_lines(lines);
    if pages_marked {
        join_blank_separated_lines(&mut visible);
    }
    measure_columns(&mut visible);
    let mut blocks: Vec<BlockSpan> = Vec::new();
    let mut block_labelled = false;
    let mut block_term: Option<String> = None;
    for (v, cur) in visible.iter().enumerate() {
        let starts_block = match v.checked_sub(1).map(|p| &visible[p]) {
            None => true,
            Some(prev) => {
                let block = blocks.last().expect("a previous line has a block");
                breaks_between(prev, cur, block)
                    || block_labelled && starts_new_entry(prev, cur)
                    || block_term.is_some() && starts_like(prev, cur, block_term.as_deref())
            }
        };
        if starts_block {
            block_labelled = starts_with_label(&cur.line.text);
            block_term = term_shape(&cur.line.text);
            blocks.push(BlockSpan {
                kind: initial_kind(cur),
                lines: vec![cur.index],
            });
        } else if let Some(block) = blocks.last_mut() {
            block.lines.push(cur.index);
        }
    }
    // A one-line block that is short and unpunctuated is a heading.
    for block in &mut blocks {
        if block.kind == BlockKind::Paragraph && block.lines.len() == 1 {
            let line = &lines[block.lines[0]];
            if !line.stands_alone
                && !line.ends_sentence()
                && !ends_with_colon(&line.text)
                && line.width > 0
            {
                let v = visible
                    .binary_search_by_key(&block.lines[0], |v| v.index)
                    .ok()
                    .map(|k| &visible[k]);
                if v.is_some_and(|v| is_short(v)) {
                    block.kind = BlockKind::Heading;
                }
            }
        }
    }
    blocks
}

fn visible_lines<'a>(lines: &'a [Line<'a>]) -> Vec<Visible<'a>> {
    let mut visible = Vec::new();
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
            blank_before: blank,
            only_blank_before,
            column: 0,
            reach: 0,
        });
        gap = false;
        blank = false;
        last_page = Some(line.page);
    }
    visible
}

/// Measures each visible line's local column width and reach.
fn measure_columns(visible: &mut [Visible<'_>]) {
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
    // Each line's width and whether it broke off mid-sentence, measured
    // once: every line is a neighbour of a window of lines.
    let measured: Vec<(usize, bool)> = visible
        .iter()
        .map(|v| (v.line.extent(), !v.line.ends_sentence()))
        .collect();
    for i in 0..visible.len() {
        let lo = i.saturating_sub(WIDTH_WINDOW);
        let hi = (i + WIDTH_WINDOW + 1).min(visible.len());
        let mut widths = Vec::with_capacity(2 * WIDTH_WINDOW);
        let mut near = |same: &dyn Fn(usize) -> bool| {
            widths.clear();
            for (j, v) in visible.iter().enumerate().take(hi).skip(lo) {
                if j != i && !v.line.fake_bold && same(j) {
                    widths.push(measured[j]);
                }
            }
            let (column, count) = column_width(&mut widths);
            // Sorted widest first by `column_width`.
            let reach = widths.iter().filter(|w| w.1).nth(1).map_or(column, |w| w.0);
            (column, count, reach)
        };
        let (mut column, count, mut reach) = near(&|j| run[j] == run[i]);
        if count < 3 {
            (column, _, reach) = near(&|j| region[j] == region[i]);
        }
        let own = visible[i].line.extent();
        visible[i].column = if column > 0 { column } else { own };
        visible[i].reach = reach.max(visible[i].column);
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
fn join_blank_separated_lines(visible: &mut [Visible<'_>]) {
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
        .map(|v| (v.line.extent(), !v.line.ends_sentence()))
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
    let mut end = 0;
    let mut wrapped_in_band = 0;
    for k in 0..widths.len() {
        let w = widths[k].0;
        if end <= k {
            end = k;
            wrapped_in_band = 0;
        }
        while end < widths.len() && widths[end].0 * 10 >= w * 9 {
            wrapped_in_band += usize::from(widths[end].1);
            end += 1;
        }
        let score = wrapped_in_band * w;
        if score > best.0 {
            // The band's second widest: its widest may be a line that a
            // wide character or an overlong word pushed out.
            let second = if k + 1 < end { widths[k + 1].0 } else { w };
            best = (score, second);
        }
        wrapped_in_band -= usize::from(widths[k].1);
    }
    if best.0 == 0 {
        // Nothing wrapped: the second widest line (the widest may be a
        // line written overlong) is the best guess.
        best.1 = widths.get(1).or(widths.first()).map_or(0, |w| w.0);
    }
    (best.1, widths.len())
}

fn initial_kind(v: &Visible<'_>) -> BlockKind {
    if v.line.preformatted {
        BlockKind::Preformatted
    } else if v.line.fake_bold || is_numbered_heading(&v.line.text) {
        BlockKind::Heading
    } else if is_list_item(&v.line.text) {
        BlockKind::ListItem
    } else {
        BlockKind::Paragraph
    }
}

/// Does the line reach the column's width (allowing for a first-line
/// indent and ragged punctuation)?
fn is_full(v: &Visible<'_>) -> bool {
    let column = v.column as f64;
    let slack = (column * 0.12).max(4.0);
    v.line.extent() as f64 + slack >= column
}

/// Is the line far wider than its column, a whole paragraph or item that
/// the extractor wrote on one line?
fn is_overfull(v: &Visible<'_>) -> bool {
    v.line.extent() as f64 > v.column as f64 * 1.25 + 4.0
}

fn is_short(v: &Visible<'_>) -> bool {
    (v.line.extent() as f64) <= v.column as f64 * HEADING_SHARE
}

/// Does the line end where no sentence, heading or paragraph can: after
/// a comma, an enumeration comma, a word broken by a hyphen, a dash or a
/// slash?
fn ends_mid_clause(text: &str) -> bool {
    let mut rev = text.chars().rev();
    match (rev.next(), rev.next()) {
        (Some(',' | '，' | '、' | '—' | '–' | '/'), _) => true,
        (Some('-'), Some(c)) => crate::script::is_alphabetic(c),
        _ => false,
    }
}

/// Punctuation that attaches to the text before it, so a line that starts
/// with it continues the previous line (`，同样称为…`, `) and more`).
fn starts_with_continuation(text: &str) -> bool {
    text.starts_with([
        '，', '。', '、', '；', '：', '！', '？', '）', '」', '』', '】', '》', '〉', ',', ';',
        ')', ']', '}',
    ])
}

fn ends_with_colon(text: &str) -> bool {
    text.chars()
        .rev()
        .find(|&c| !is_closing(c))
        .is_some_and(|c| matches!(c, ':' | '：'))
}

fn is_heading_line(v: &Visible<'_>) -> bool {
    v.line.fake_bold || is_numbered_heading(&v.line.text)
}

fn breaks_between(prev: &Visible<'_>, cur: &Visible<'_>, block: &BlockSpan) -> bool {
    let (a, b) = (prev.line, cur.line);
    if a.preformatted || b.preformatted {
        // A listing continues across page furniture and page breaks.
        return !(a.preformatted && b.preformatted) || cur.blank_before;
    }
    if is_section_number(&a.text) && block.lines.len() == 1 {
        // `1.4.5` / `The pager` is the heading `1.4.5 The pager`.
        let title = b.first_char().is_some_and(crate::script::is_word_char)
            && !b.preformatted
            && !is_list_item(&b.text);
        return !title;
    }
    if a.stands_alone || b.stands_alone {
        return true;
    }
    if starts_with_continuation(&b.text) && !cur.gap_before {
        // No block starts with a comma or a closing bracket.
        return false;
    }
    let numbered_continuation = is_numbered_heading(&b.text)
        && !b.fake_bold
        && !cur.gap_before
        && !ends_sentence(&a.text)
        && !ends_with_colon(&a.text)
        && is_full(prev);
    // A numbered line that continued a sentence is no heading.
    let prev_heading = a.fake_bold || is_heading_line(prev) && block.kind == BlockKind::Heading;
    if prev_heading || is_heading_line(cur) && !numbered_continuation {
        // A heading the column wrapped continues on the next heading line.
        // Its larger type makes its own lines the measure: in a spaced
        // script, it was wrapped when the next word would not have fitted
        // on the widest of its lines. (CJK headings are broken on purpose
        // at phrase boundaries as often as not, so there only a full-width
        // first line counts, or a second line less than half as wide as the
        // first and not numbered: the wrapped remainder, as in
        // `GUI（圖形使用者介面）` / `應用`.)
        let spaced = !a.text.chars().any(crate::script::is_cjk)
            && !b.text.chars().any(crate::script::is_cjk);
        let own_measure = Visible {
            column: a.extent().max(b.extent()),
            ..*prev
        };
        let wrapped = a.fake_bold
            && b.fake_bold
            && !cur.gap_before
            && (is_full(prev)
                || spaced && !next_word_fits(&own_measure, cur)
                || !spaced && b.extent() * 2 <= a.extent() && !is_numbered_heading(&b.text));
        return !wrapped;
    }
    if is_list_item(&b.text) {
        // `1) 指令` after a full line cut mid-sentence is that sentence's
        // continuation, not a numbered item; a bullet is always an item.
        let numbered = b.text.starts_with(|c: char| c.is_ascii_digit());
        let mid_sentence = !ends_sentence(&a.text) && !ends_with_colon(&a.text) && is_full(prev);
        let continues =
            numbered && mid_sentence && !cur.gap_before && block.kind != BlockKind::ListItem;
        let manual_page = !cur.gap_before && continues_manual_page(&a.text, &b.text);
        return !continues && !manual_page;
    }
    if b.indent > a.indent && !is_list_item(&a.text) || b.indent > a.indent + 2 {
        return true;
    }
    // A colon ends nothing when the sentence simply goes on: in lower
    // case, with a hiragana particle (`“A:”` / `のような…`), or as the rest
    // of a URL (`https:` / `//www…`).
    let goes_on = b
        .first_char()
        .is_some_and(|c| c.is_lowercase() || is_hiragana(c))
        || b.text.starts_with("//");
    let a_ends = ends_sentence(&a.text) || ends_with_colon(&a.text);
    let colon_goes_on = !ends_sentence(&a.text) && goes_on;
    if block.kind == BlockKind::ListItem && a_ends {
        return true;
    }
    if cur.gap_before {
        let cut_mid_sentence = !a_ends && is_full(prev) && block.kind != BlockKind::Heading && {
            // A page ends wherever its last line falls, so a single full
            // line cut off there goes on; a blank line on a page after
            // one full line may be a paragraph's end.
            block.lines.len() >= 2 || a.page != b.page
        };
        return !cut_mid_sentence;
    }
    let room = next_word_fits(prev, cur);
    if a_ends
        && !colon_goes_on
        && (room
            || changes_language(&a.text, &b.text)
            || next_word_nearly_fits(prev, cur)
            || is_overfull(prev)
            || ends_cjk_sentence_short(prev))
    {
        return true;
    }
    // What a colon announces (a listing, a list, a quotation) starts anew,
    // unless the sentence simply goes on.
    if ends_with_colon(&a.text) && !goes_on {
        return true;
    }
    if ends_mid_clause(&a.text) {
        // A comma, a hyphen, a dash or a slash at the end: the text goes on.
        return false;
    }
    // A short unpunctuated line that stands alone at the start of a block
    // is a heading, unless the column wrapped it (the next word did not
    // fit); a very short one inside a block ends it.
    if !a_ends && is_short(prev) && block.lines.len() == 1 && block.kind == BlockKind::Paragraph {
        // A heading has no commas: a line with one is a sentence's start.
        let sentence = a.text.contains(['，', '、', '；']);
        return room
            && !(sentence && pushes_latin_word(&a.text, &b.text))
            && !breaks_inside_phrase(&a.text, &b.text);
    }
    let pushed = block.kind == BlockKind::Paragraph && pushes_latin_word(&a.text, &b.text);
    !a_ends && is_short(prev) && room && !pushed && !goes_on_in_lower_case(&a.text, &b.text)
}

/// Does a line of Latin text end its sentence where the next line starts
/// in Chinese or Japanese? The language changes with the paragraph (an
/// English note in a Chinese manual, then the Chinese text again).
fn changes_language(before: &str, after: &str) -> bool {
    ends_sentence(before)
        && !before.chars().any(crate::script::is_cjk)
        && after.starts_with(crate::script::is_cjk)
}

/// Does an English sentence go on across the break: a line ending in a
/// word, the next starting with a lower-case one (`Under the GNOME
/// Desktop` / `environment, press…`)? Capitals and wide letters make such
/// a line look short in characters though the column was full.
fn goes_on_in_lower_case(before: &str, after: &str) -> bool {
    before.ends_with(|c: char| c.is_ascii_alphanumeric())
        && after.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Does `after` start with the section of a manual page whose name ends
/// `before` (`update-alternatives` / `(1) 讓使用者…`)? A list marker
/// `(1)` never follows a word without a space.
///
/// ```
/// use textmend::segment::continues_manual_page;
/// assert!(continues_manual_page("系統使用 update-alternatives", "(1) 讓使用者"));
/// assert!(!continues_manual_page("下列步驟：", "(1) 安裝"));
/// assert!(!continues_manual_page("the steps", "(12) install"));
/// ```
pub fn continues_manual_page(before: &str, after: &str) -> bool {
    let b = after.as_bytes();
    before.ends_with(|c: char| c.is_ascii_alphabetic())
        && b.len() >= 3
        && b[0] == b'('
        && b[1].is_ascii_digit()
        && b[2] == b')'
}

/// English words that never end a heading or a title: a line that ends
/// with one was wrapped inside the phrase.
const PHRASE_INNER_WORDS: &[&str] = &[
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "from", "with", "and", "or",
];

/// Does the break between `before` and `after` fall inside a phrase, so
/// that a heading there was wrapped by its own (larger) measure: after an
/// article, preposition or conjunction with the phrase going on in lower
/// case (`Extra security measures for` / `the Internet`), or inside a
/// katakana word (`パッケージファイ` / `ル名`)?
fn breaks_inside_phrase(before: &str, after: &str) -> bool {
    let last_word = before.rsplit(' ').next().unwrap_or("");
    let english = PHRASE_INNER_WORDS.contains(&last_word)
        && before.contains(' ')
        && after.starts_with(|c: char| c.is_ascii_lowercase());
    english || splits_katakana_word(before, after)
}

/// Does a line of Chinese or Japanese stop in mid-sentence before a Latin
/// word or number that the sentence goes on after? Such lines are
/// justified, so one falls short inside a paragraph only where the next
/// word could not be broken: a file name, a command or a name set in
/// another font, whose width a count of characters does not tell
/// (`這些軟體包在` / `task-gnome-desktop 安裝時`).
fn pushes_latin_word(before: &str, after: &str) -> bool {
    use crate::script::is_cjk;
    before.ends_with(is_cjk)
        && after.starts_with(|c: char| c.is_ascii_alphanumeric())
        && after.chars().any(is_cjk)
}

/// Does `cur` start the next entry of a definition list whose current
/// entry began with a label and a colon (`"/etc/systemd/system": …`)?
/// Entries are set one after another, each wrapped on its own, so a line
/// that begins with a label of its own starts the next one.
fn starts_new_entry(prev: &Visible<'_>, cur: &Visible<'_>) -> bool {
    // A label in lower case is the sentence going on (`quick at another:`);
    // after a full stop the paragraph rules decide, as entries are phrases.
    !prev.line.preformatted
        && !cur.line.preformatted
        && !ends_mid_clause(&prev.line.text)
        && !prev.line.ends_sentence()
        && !cur.line.first_char().is_some_and(char::is_lowercase)
        && starts_with_label(&cur.line.text)
}

/// The shape of a line's first word when it is a term rather than a word
/// of prose (`*.mount` → `*.a`, `--force` → `--a`): letters and digits
/// folded to one mark each run, symbols kept. `None` for a word that does
/// not start with an ASCII symbol.
fn term_shape(text: &str) -> Option<String> {
    let word = text.split_whitespace().next()?;
    let word = word.trim_end_matches([',', ':', ';', '.']);
    // A term starts with a symbol (`*.`, `--`, `/`, a quote); a word that
    // starts with a letter (`less(1)`) may start a sentence as well.
    let symbol_first = word.starts_with(|c: char| c.is_ascii_punctuation());
    if !symbol_first || !word.is_ascii() || word.len() > 40 {
        return None;
    }
    let mut shape = String::new();
    for c in word.chars() {
        let mark = if crate::script::is_alphabetic(c) {
            'a'
        } else if c.is_numeric() {
            '0'
        } else {
            c
        };
        if !(shape.ends_with(mark) && matches!(mark, 'a' | '0')) {
            shape.push(mark);
        }
    }
    shape.chars().any(char::is_alphanumeric).then_some(shape)
}

/// Does `cur`, after a sentence's end, start with a term shaped like the
/// one the block began with (`*.mount describes…` / `*.automount
/// describes…`)? Then it is the next entry of an unmarked list.
fn starts_like(prev: &Visible<'_>, cur: &Visible<'_>, shape: Option<&str>) -> bool {
    !prev.line.preformatted
        && !cur.line.preformatted
        && prev.line.ends_sentence()
        && shape.is_some_and(|s| term_shape(&cur.line.text).as_deref() == Some(s))
}

/// Does a CJK line end a sentence (`。`, `！`, `？`) at least one
/// full-width character short of its column? CJK is justified, so only a
/// paragraph's last line falls short, whatever the next line starts with.
fn ends_cjk_sentence_short(v: &Visible<'_>) -> bool {
    let last = v.line.text.chars().rev().find(|&c| !is_closing(c));
    matches!(last, Some('。' | '！' | '？')) && v.line.extent() + 2 <= v.column
}

/// Would the first word of `cur` have fitted at the end of a ragged line
/// `prev` (one well short of where its wrapped neighbours reach, broken at
/// a space) give or take [`RAGGED_SLACK`] columns? A ragged column is as
/// wide as its wrapped lines reach, wider than the width most of them
/// share; and widths are counted in characters while the type sets spaces
/// and punctuation narrower, so a line of Hangul or Latin words can look a
/// column or two fuller than it was.
fn next_word_nearly_fits(prev: &Visible<'_>, cur: &Visible<'_>) -> bool {
    let at_space = !prev.line.last_char().is_some_and(is_spaceless)
        && !cur.line.first_char().is_some_and(is_spaceless);
    let ragged = Visible {
        column: prev.reach,
        ..*prev
    };
    at_space
        && !is_full(&ragged)
        && prev.line.extent_with_next_word(cur.line) <= prev.reach + RAGGED_SLACK
}

/// Would the first word of `cur` have fitted at the end of `prev`? If so,
/// the line was not ended by the column width but on purpose (a
/// paragraph's last line, a heading). CJK wraps between any two
/// characters, so there the first character is the word.
fn next_word_fits(prev: &Visible<'_>, cur: &Visible<'_>) -> bool {
    prev.line.extent_with_next_word(cur.line) <= prev.column
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::EditLog;
    use crate::line::split_lines;

    fn blocks(input: &str) -> Vec<Vec<String>> {
        let lines = split_lines(input, &mut EditLog::default());
        segment_pages(&lines, input.contains('\u{c}'))
            .into_iter()
            .map(|b| b.lines.iter().map(|&i| lines[i].text.to_string()).collect())
            .collect()
    }

    #[test]
    fn blank_lines_between_every_wrapped_line_are_line_breaks() {
        let rows = [
            "A backup that was never restored is a hope and not a",
            "backup, so test the restore path at least once a month",
            "and after every change to the disks or to the layout of",
            "the file systems on them.",
            "Copy the files to a disk that is kept in another room,",
            "or better in another building, since a fire or a flood",
            "takes everything that stands in one place at once.",
        ];
        let page = format!("{}\n\u{c}", rows.join("\n\n"));
        assert_eq!(blocks(&page).len(), 2);
        // Without the extractor's page marks, the blank lines are breaks.
        assert_eq!(blocks(&rows.join("\n\n")).len(), rows.len());
        // The same lines as items of one width that end no sentence.
        let items: Vec<String> = rows
            .iter()
            .map(|r| r.trim_end_matches(['.', ',']))
            .map(String::from)
            .collect();
        let page = format!("{}\n\u{c}", items.join("\n\n"));
        assert_eq!(blocks(&page).len(), items.len());
    }

    #[test]
    fn blank_line_mid_sentence_is_a_column_break() {
        let input = "全旗各级党员干部走进红色教\n育培训基地，通过重温誓词、聆听\n\n“红色故事”、讲好党课等多种形\n式，体悟初心使命。";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn blank_line_after_a_sentence_ends_the_paragraph() {
        let input = "鄂尔多斯市委书记牛俊雁如\n是说。\n\n9 月 23 日，鄂尔多斯市委\n举办了读书班。";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn a_ragged_sentence_end_that_nearly_fits_the_next_word_ends_the_paragraph() {
        // `주말에는` misses the column by two: a column or two of the
        // count is narrow spaces and punctuation.
        let input = "오늘 아침에는 공원을 따라서\n천천히 걸으며 새들이 우는\n소리를 들었습니다. 그리고\n집으로 돌아와 따뜻한 차를\n마시며 쉬었습니다.\n주말에는 친구들과 함께\n모여 맛있는 음식을 나누어\n먹고 이야기를 했습니다.";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn a_short_line_going_on_in_lower_case_is_no_paragraph_end() {
        let input = "You can start a terminal program such as xterm(1),\nrxvt(1) or any other you like on the desktop.\nUnder the GNOME Desktop\nenvironment, press the key and type its name\nto the search prompt, and it starts at once.";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn a_sentence_in_another_language_ends_its_paragraph() {
        let input = "Thin clients use X2Go, so all the\nusers should turn compositing off\nin the window manager, to be sure.\n如果客户端网卡依赖非自由固件，则\n客户端引导会失败。";
        assert_eq!(blocks(input).len(), 2);
        // A Latin line that goes on in Chinese is the same sentence.
        let input = "瘦客户机仍然可以使用，只要在\nwindow manager settings\n里关闭合成效果即可。";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn a_full_line_ending_a_sentence_goes_on() {
        // Justified: the line is full, and the next word did not fit.
        let input = "The archive keeps every release of every package it has ever\nshipped, and mirrors copy it all over the world each day.\nThe index of the archive is signed, so that a mirror can be\ntrusted no more than the key that signed what it serves.";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn a_cjk_sentence_short_of_the_column_ends_the_paragraph() {
        // `Rsnapshot` would not have fitted in the room left, yet a
        // justified CJK line falls short only where a paragraph ends.
        let input = "系统管理员应当定期备份重\n要的数据，以免硬盘损坏时\n丢失多年的工作成果。\nRsnapshot 使用硬链接保存\n多个时间点的快照，占用的\n空间很少，恢复也很方便。";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn short_last_line_with_a_full_stop_ends_the_paragraph() {
        let input = "第一段的第一行文字很长很长很长\n第一段结束。\n第二段的第一行文字很长很长很长\n第二段结束。";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn indentation_starts_a_paragraph() {
        let input = "　　第一段的第一行文字很长很长\n文字很长很长很长很长很长很长，\n　　第二段的第一行文字很长很长\n文字。";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn list_items_are_blocks() {
        let input = "Steps to follow:\n1. Open the file\n2. Save the file";
        assert_eq!(blocks(input).len(), 3);
    }

    #[test]
    fn a_short_unpunctuated_first_line_is_a_heading() {
        let input = "aptitude 的交互式使用\n要使用交互式的软件包管理，你可以像下面那样以交互模式启动它，\n这将更新档案库信息的本地副本。";
        let b = blocks(input);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0], ["aptitude 的交互式使用"]);
    }

    #[test]
    fn each_entry_of_a_definition_list_is_a_block() {
        let input = "\"/usr/lib/app/units\": default configuration files of the system\n\"/etc/app/units\": configuration files written by the administrator\nwhich override the default configuration files of the system\n\"/run/app/units\": configuration files generated at run time which\noverride the installed configuration files";
        assert_eq!(blocks(input).len(), 3);
        // A label in lower case goes on with the sentence, and one inside
        // a paragraph that did not start with a label is prose.
        let input = "Note: the mirror that answers fastest is not always the one closest to\nyou, so measure before you choose. A mirror that is slow at one hour may be\nquick at another: the tool keeps trying them in turn until one answers.";
        assert_eq!(blocks(input).len(), 1);
        let input = "The files that the administrator wrote override the\nDefaults: they are read last and win over the rest of them";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn a_chinese_line_short_before_a_latin_word_goes_on() {
        let input = "　　許多開源的拉丁字型，都有\nURW Nimbus 家族或\nBitstream Vera 的血統痕跡。";
        assert_eq!(blocks(input).len(), 1);
        // English text after a short Chinese line is no such word.
        let input =
            "　　許多開源的拉丁字型，都有\nURW Nimbus 家族或\nBitstream Vera fonts are free.";
        assert_eq!(blocks(input).len(), 2);
        // At a block's start, a line with a comma is a sentence, not a
        // heading; one without may be a heading before a Latin word.
        let body = "系统管理员应当定期备份重要的数据，以免硬盘损坏时\n丢失多年的工作成果。\n";
        let input = format!(
            "{body}Bacula，Amanda 和\nBackupPC 是全功能的备份实用套件，主要用于联网的\n定期备份。"
        );
        assert_eq!(blocks(&input).len(), 2);
        let input = format!(
            "{body}容器的使用\nDocker 是一个容器引擎，可以把程序和它依赖的库打\n包在一起运行。"
        );
        assert_eq!(blocks(&input).len(), 3);
    }

    #[test]
    fn a_section_number_that_goes_on_with_a_sentence_heads_nothing() {
        let input = "延时的 WAN，在 \"TCP Tuning Guide\"\n里有描述。当前 Debian 默认设置能够很\n好地服务我的光纤到户 LAN 连接。\nNetfilter 使用 Linux 内核 模块 (参见 第\n3.8.1 节 “内核模块初始化”) 提供 状态\n防火墙 和 网络地址转换 (NAT) 框架。";
        assert_eq!(blocks(input).len(), 2, "{:?}", blocks(input));
    }

    #[test]
    fn a_single_full_line_cut_off_by_a_page_break_goes_on() {
        let body = "The documentation was written with the help of many people who sent\nthem corrections.\n";
        let input = format!(
            "{body}The chapter on debugging was expanded with the consent of Ari Pollak, Loïc\n\u{c}Minier, and Dafydd Harries.\n"
        );
        assert_eq!(blocks(&input).len(), 2);
        // On one page, a blank line after one full line may end a paragraph.
        let input = format!(
            "{body}The chapter on debugging was expanded with the consent of Ari Pollak, Loïc\n\nMinier, and Dafydd Harries.\n"
        );
        assert_eq!(blocks(&input).len(), 3);
    }

    #[test]
    fn a_heading_wrapped_inside_a_phrase_is_one_block() {
        let body = "Even when you run secure services such as Secure Shell and the\nother daemons, it is not easy to keep them safe on the Internet.\n";
        let input = format!("{body}\nExtra security measures for\nthe Internet\n{body}");
        assert_eq!(
            blocks(&input)[1],
            ["Extra security measures for", "the Internet"]
        );
        let input = "本文の行はここまで長く続いていて、段落の終わりはここです。\n\nDebian パッケージファイ\nル名\n\nDebian のパッケージファイルには特定の名前の構造があります。";
        assert_eq!(blocks(input)[1].len(), 2);
        // A short line that ends with a noun stays a heading of its own.
        let input =
            format!("{body}\nExtra security measures\nthe firewall keeps out most of it.\n");
        assert_eq!(blocks(&input)[1], ["Extra security measures"]);
    }

    #[test]
    fn entries_that_start_with_terms_of_one_shape_are_blocks() {
        let input = "*.mount describes the file system mount point that is controlled\nand supervised by systemd, which mounts it. See systemd.mount(5).\n*.automount describes the file system auto mount point that is\ncontrolled and supervised by systemd. See systemd.automount(5).";
        assert_eq!(blocks(input).len(), 2);
        assert_eq!(term_shape("*.mount describes"), Some("*.a".to_string()));
        assert_eq!(term_shape("less(1) は"), None);
        assert_eq!(term_shape("The suffix"), None);
    }

    #[test]
    fn a_sentence_goes_on_after_a_colon_or_inside_a_katakana_word() {
        let body = "ファイルやディレクトリーはいくつかのデバイスに展開することができます。\n";
        let input = format!(
            "{body}ディレクトリーは、一部の他システム上ではフォルダと呼ばれます。Unix システム上では”A:”\nのようなドライブというコンセプトが無いこと覚えておいて下さい。"
        );
        assert_eq!(blocks(&input).last().map(Vec::len), Some(2));
        let input = format!(
            "{body}悪意ある攻撃に対抗するセ\nキュリティー監査ツールとしては完全には信頼できません。"
        );
        assert_eq!(blocks(&input).last().map(Vec::len), Some(2));
        let input = "For a general overview of the upgrade, see: https:\n//www.debian.org/releases/bookworm/releasenotes";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn numbered_headings_are_detected() {
        assert!(is_numbered_heading("第一章 总则"));
        assert!(is_numbered_heading("1.4.5 The pager"));
        assert!(!is_numbered_heading("1.5 million people live there."));
    }
}
