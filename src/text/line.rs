//! Lines and their features: the unit every layout stage reasons about.
//!
//! [`read_pages`] cuts the decoded text at `\n`, `\r\n`, `\r`, U+2028,
//! U+2029 and form feed (a page break) into the rows of each page; the
//! pipeline puts each page's rows in reading order (columns), repairs each
//! row's characters, and makes a [`Line`] of it ([`Line::new`]) that
//! records what a later stage needs: where the line's text sits in the
//! input, how far it is indented, how wide it is, and whether a page break
//! precedes it.
//!
//! `O(n)` in the input; never drops a character (blank lines are kept as
//! blank [`Line`]s so the layout stages can see them).

use crate::text::edit::{EditLog, Rule};
use crate::text::script::{
    CharClass, ClassSet, classify, display_width, ends_sentence, is_invisible, is_spaceless,
    measure,
};
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// The characters that end a line: `\r\n` is `\r` then `\n`, and a form
/// feed also starts a page.
pub(crate) const LINE_BREAKS: [char; 5] = ['\n', '\r', '\u{c}', '\u{2028}', '\u{2029}'];

/// The first of [`LINE_BREAKS`] at or after byte `from` of `text`, and
/// where it stands. Two byte searches: a vectorised one for `\n`, `\r`
/// and form feed, then one for 0xE2 (which starts U+2028 and U+2029, and
/// other punctuation too) in front of what the first found.
pub(crate) fn next_line_break(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes().get(from..)?;
    let ascii = memchr::memchr3(b'\n', b'\r', 0x0C, bytes);
    let before = &bytes[..ascii.unwrap_or(bytes.len())];
    let separator = memchr::memchr_iter(0xE2, before).find_map(|i| match before[i..] {
        [0xE2, 0x80, 0xA8, ..] => Some((i, '\u{2028}')),
        [0xE2, 0x80, 0xA9, ..] => Some((i, '\u{2029}')),
        _ => None,
    });
    let (at, c) = separator.or_else(|| ascii.map(|i| (i, char::from(bytes[i]))))?;
    Some((from + at, c))
}

/// The line breaks of one text, found in order ([`LineBreaks::next_at`]).
/// Most texts hold no line or paragraph separator (U+2028, U+2029): it
/// looks for them once, and in a text without them each line end is then
/// found by one byte search for `\n`, `\r` and form feed, instead of the
/// two of [`next_line_break`]. `O(n)` over the text in all.
pub(crate) struct LineBreaks<'t> {
    text: &'t str,
    /// Whether the text holds U+2028 or U+2029.
    separators: bool,
}

impl<'t> LineBreaks<'t> {
    /// The line breaks of `text`: two vectorised searches, for U+2028 and
    /// for U+2029, with searchers built once (a text is often one line or
    /// one block, and building a searcher costs more than its search).
    pub(crate) fn new(text: &'t str) -> Self {
        static LINE_SEPARATOR: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new("\u{2028}"));
        static PARAGRAPH_SEPARATOR: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new("\u{2029}"));
        let bytes = text.as_bytes();
        let separators =
            LINE_SEPARATOR.find(bytes).is_some() || PARAGRAPH_SEPARATOR.find(bytes).is_some();
        LineBreaks { text, separators }
    }

    /// The first of [`LINE_BREAKS`] at or after byte `from`, and where it
    /// stands: what [`next_line_break`] finds.
    pub(crate) fn next_at(&self, from: usize) -> Option<(usize, char)> {
        if self.separators {
            return next_line_break(self.text, from);
        }
        let bytes = self.text.as_bytes().get(from..)?;
        let at = memchr::memchr3(b'\n', b'\r', 0x0C, bytes)?;
        Some((from + at, char::from(bytes[at])))
    }
}

/// `text` cut after each of [`LINE_BREAKS`], the pieces that
/// `text.split_inclusive(LINE_BREAKS)` gives, found by the byte searches
/// of [`next_line_break`] instead of a test of every character.
pub(crate) fn split_inclusive_lines(text: &str) -> impl Iterator<Item = &str> {
    let breaks = LineBreaks::new(text);
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= text.len() {
            return None;
        }
        let end = breaks
            .next_at(from)
            .map_or(text.len(), |(at, c)| at + c.len_utf8());
        let piece = &text[from..end];
        from = end;
        Some(piece)
    })
}

/// Where `text` first holds two spaces in a row. Asked of most lines by
/// several stages; a memmem searcher built once finds the pair without
/// the setup that `str::find("  ")` makes at every call.
pub(crate) fn find_double_space(text: &str) -> Option<usize> {
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("  "));
    DOUBLE_SPACE.find(text.as_bytes())
}

/// Does `text` hold two spaces in a row (see [`find_double_space`])?
pub(crate) fn has_double_space(text: &str) -> bool {
    find_double_space(text).is_some()
}

/// Does `text` hold a form feed, a page break? A vectorised byte search:
/// asked of whole inputs, most of which hold none.
pub(crate) fn has_page_break(text: &str) -> bool {
    memchr::memchr(0x0C, text.as_bytes()).is_some()
}

/// Does `text` hold a run of white space that the output writes as one
/// space: two spaces in a row, or a tab? Two byte searches.
pub(crate) fn has_space_run(text: &str) -> bool {
    has_double_space(text) || memchr::memchr(b'\t', text.as_bytes()).is_some()
}

/// The runs of white space inside a text that several stages ask about
/// (two spaces in a row, three, a tab), measured once with a [`Line`]'s
/// text ([`Line::spaces`]) instead of searched for by each stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpaceRuns {
    /// Two spaces in a row ([`has_double_space`]).
    double: bool,
    /// Three spaces in a row.
    triple: bool,
    /// A tab.
    tab: bool,
}

impl SpaceRuns {
    /// The runs of `text`: a vectorised search for two spaces, then for
    /// three only where two stand, and one for a tab.
    pub fn of(text: &str) -> Self {
        let double = find_double_space(text);
        SpaceRuns {
            double: double.is_some(),
            triple: double.is_some_and(|at| text[at..].contains("   ")),
            tab: memchr::memchr(b'\t', text.as_bytes()).is_some(),
        }
    }

    /// Does the text hold two spaces in a row?
    pub fn has_double_space(self) -> bool {
        self.double
    }

    /// Does the text hold three spaces in a row?
    pub fn has_triple_space(self) -> bool {
        self.triple
    }

    /// Does the text hold a tab?
    pub fn has_tab(self) -> bool {
        self.tab
    }

    /// Does the text hold a run that the output writes as one space
    /// ([`has_space_run`])?
    pub fn has_space_run(self) -> bool {
        self.double || self.tab
    }
}

/// The texts of the lines that the repaired text shows, for the tests of
/// the stages that remove lines.
#[cfg(test)]
pub(crate) fn shown_texts(lines: Vec<Line>) -> Vec<String> {
    lines
        .into_iter()
        .filter(Line::is_shown)
        .map(|l| l.text.into_owned())
        .collect()
}

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
    /// page's edge and its shape recurs at another page's edge (the
    /// furniture stage finds them, and the pipeline passes them to
    /// [`read_pages`]). The furniture stage removes it, so column
    /// detection takes no evidence from it.
    pub running_title: bool,
}

/// One line of input with its features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// The repaired text, without leading or trailing white space:
    /// borrowed from the input when no character needed a repair.
    pub text: Cow<'a, str>,
    /// Byte range of the whole line in the input (without its terminator).
    pub range: Range<usize>,
    /// Byte range of the line's text in the input, white space trimmed.
    pub content: Range<usize>,
    /// Indentation in columns: an ASCII space or tab stop counts 1 (tab 4),
    /// an ideographic space U+3000 counts 2.
    pub indent: usize,
    /// Display width of `text` in columns (CJK counts 2).
    pub width: usize,
    /// The classes of `text`'s characters, measured with its width.
    pub classes: ClassSet,
    /// The runs of white space inside `text`, measured with it.
    pub spaces: SpaceRuns,
    /// Zero-based page number (pages are separated by form feeds).
    pub page: usize,
    /// True when a form feed comes between this line and the previous one.
    pub page_break_before: bool,
    /// True when the dedupe stage found this line drawn in fake bold.
    pub fake_bold: bool,
    /// True when the line was removed (page furniture, a repeated copy).
    pub removed: bool,
    /// True when the line was removed as a fake-bold copy of the line
    /// before it: no gap in the text, unlike removed furniture.
    pub copy: bool,
    /// True when the line is code, a table cell or another line that keeps
    /// its line break and characters exactly as written.
    pub preformatted: bool,
    /// True when the line is a cell of a table or an item of an unmarked
    /// list: a block of its own, never joined to its neighbours.
    pub stands_alone: bool,
    /// True when the line is a justified line stretched to its column (the
    /// extractor wrote it in pieces, or with its stretched gaps), so never
    /// the last line of its paragraph.
    pub stretched: bool,
}

impl<'a> Line<'a> {
    /// The line of `piece`, indented `indent` columns, its text at
    /// `content` in the input, with `text` as its repaired text.
    pub fn new(piece: Piece, indent: usize, content: Range<usize>, text: Cow<'a, str>) -> Self {
        let Piece {
            range,
            page,
            page_break_before,
            ..
        } = piece;
        // Characters that normalize to spaces may leave new edges.
        let text = match text {
            Cow::Borrowed(t) => Cow::Borrowed(t),
            Cow::Owned(t) if t.trim().len() == t.len() => Cow::Owned(t),
            Cow::Owned(t) => Cow::Owned(t.trim().to_string()),
        };
        let (width, classes) = measure(&text);
        let spaces = SpaceRuns::of(&text);
        Line {
            text,
            range,
            content,
            indent,
            width,
            classes,
            spaces,
            page,
            page_break_before,
            fake_bold: false,
            removed: false,
            copy: false,
            preformatted: false,
            stands_alone: false,
            stretched: false,
        }
    }

    /// True when the line holds no text.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// True when the line is in the repaired text: not removed, not blank.
    pub fn is_shown(&self) -> bool {
        !self.removed && !self.is_blank()
    }

    /// The first character of the text.
    pub fn first_char(&self) -> Option<char> {
        self.text.chars().next()
    }

    /// The last character of the text.
    pub fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// True when the text ends with sentence-final punctuation.
    pub fn ends_sentence(&self) -> bool {
        ends_sentence(&self.text)
    }

    /// Width including indentation.
    pub fn extent(&self) -> usize {
        self.width + self.indent
    }

    /// The width this line would reach with the first word of `next`
    /// appended (with a space where the scripts need one). When that fits
    /// in the column, the line was not ended by the column width but on
    /// purpose. CJK wraps between any two characters, so there the first
    /// character is the word.
    pub fn extent_with_next_word(&self, next: &Line) -> usize {
        let first_word = match next.first_char() {
            Some(c) if is_spaceless(c) => &next.text[..c.len_utf8()],
            _ => first_word(&next.text),
        };
        let spaced =
            !self.last_char().is_some_and(is_spaceless) && !first_word.starts_with(is_spaceless);
        self.extent() + usize::from(spaced) + display_width(first_word)
    }

    /// Replaces the text (after dedupe or spacing), keeping width,
    /// classes and space runs in step.
    pub fn set_text(&mut self, text: String) {
        (self.width, self.classes) = measure(&text);
        self.spaces = SpaceRuns::of(&text);
        self.text = Cow::Owned(text);
    }
}

/// The width that the widest tenth of `widths` reaches: the tenth widest
/// (the widest when there are fewer than ten), so that a line or two
/// written overlong do not set it; 0 for none. Reorders `widths`.
///
/// ```
/// use textmend::text::line::tenth_widest;
/// let mut widths = [40, 72, 70, 200, 71, 69, 70, 68, 71, 70, 69];
/// assert_eq!(tenth_widest(&mut widths), 72);
/// assert_eq!(tenth_widest(&mut []), 0);
/// ```
pub fn tenth_widest(widths: &mut [usize]) -> usize {
    if widths.is_empty() {
        return 0;
    }
    let k = widths.len() / 10;
    *widths.select_nth_unstable_by(k, |a, b| b.cmp(a)).1
}

/// Is the text words of prose set apart by the wide gaps of a stretched
/// line: three or more words, every gap between them two spaces in a row
/// or more, and letters in every word?
///
/// ```
/// use textmend::text::line::is_stretched_prose;
/// assert!(is_stretched_prose("oldest     copies    when     the"));
/// assert!(!is_stretched_prose("bash     998     7175"));
/// ```
pub fn is_stretched_prose(text: &str) -> bool {
    let text = text.trim();
    let mut gaps = text
        .split(|c: char| !c.is_whitespace())
        .filter(|g| !g.is_empty());
    text.split_whitespace().count() >= 3
        && gaps.all(|gap| gap.contains("  "))
        && text
            .split_whitespace()
            .all(|w| w.chars().any(char::is_alphabetic))
}

static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            [•·●○■□◆◇▪▫▶►‣⁃∙◦\-–*+]\s
          | [・●○■◆◇▶►][\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]
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

/// How many columns a list item's marker takes with the spaces after it:
/// where the item's text starts, and where a hanging indent sets the
/// lines it wraps onto (`1. Download…` / `   before you run it`).
///
/// ```
/// use textmend::text::line::list_marker_width;
/// assert_eq!(list_marker_width("1. Download the installer"), Some(3));
/// assert_eq!(list_marker_width("•  USB"), Some(3));
/// assert_eq!(list_marker_width("・設定"), Some(2));
/// assert_eq!(list_marker_width("Download"), None);
/// ```
pub fn list_marker_width(text: &str) -> Option<usize> {
    if !is_list_item(text) {
        return None;
    }
    let marker = LIST_MARKER.find(text)?;
    // A bullet set close to a CJK item (`・設定`) is matched with the
    // item's first letter, which is not the marker's.
    let mut end = marker.end();
    if let Some(letter) = text[..end]
        .chars()
        .last()
        .filter(|&c| crate::text::script::is_alphabetic(c))
    {
        end -= letter.len_utf8();
    }
    let rest = &text[end..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    Some(crate::text::script::display_width(&text[..end]) + spaces)
}

/// True when `text` starts with a list marker.
///
/// ```
/// use textmend::text::line::is_list_item;
/// assert!(is_list_item("1. First"));
/// assert!(is_list_item("（一）总体要求"));
/// assert!(is_list_item("• USB"));
/// assert!(is_list_item("・設定ファイルを開きます。"));
/// assert!(!is_list_item("——鄂尔多斯市"));
/// assert!(!is_list_item("2019 was a year"));
/// ```
pub fn is_list_item(text: &str) -> bool {
    // Every marker starts with a symbol, a digit, a bracket, a numeral
    // ideograph or an ASCII letter followed by `.` or `)`; check cheaply.
    let mut chars = text.chars();
    let plausible = match (chars.next(), chars.next()) {
        (Some(c), second) if !crate::text::script::is_alphabetic(c) => {
            may_start_marker(c, second, text)
        }
        (Some(c), Some(d)) if c.is_ascii_alphabetic() => matches!(d, '.' | ')'),
        (Some(c), _) => {
            matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            ) && text.chars().skip(1).take(3).any(|d| d == '、')
        }
        _ => false,
    };
    plausible && LIST_MARKER.is_match(text)
}

/// Can a list marker start with `first`, a character that is no letter,
/// followed by `second`, in `text`? What each of [`LIST_MARKER`]'s shapes
/// needs near the line's start: a bullet a space after it, a number its
/// `.`, `)` or `、` within three characters, or a bracket or a circled
/// number. Most lines that start with a digit or a symbol are refused so
/// before the pattern is compiled or run.
fn may_start_marker(first: char, second: Option<char>, text: &str) -> bool {
    let bullet = matches!(
        first,
        '•' | '·'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '▪'
            | '▫'
            | '▶'
            | '►'
            | '‣'
            | '⁃'
            | '∙'
            | '◦'
            | '-'
            | '–'
            | '*'
            | '+'
    );
    if bullet {
        return second.is_some_and(char::is_whitespace) || sets_cjk_item_close(first, second);
    }
    if first == '・' {
        return sets_cjk_item_close(first, second);
    }
    // Circled numbers are digits to `classify`: asked first.
    if matches!(
        first,
        '(' | '（' | '①'..='⑳' | '㉑'..='㉟' | '㊱'..='㊿' | '⑴'..='⒇' | '⒈'..='⒛'
    ) {
        return true;
    }
    crate::text::script::classify(first) == crate::text::script::CharClass::Digit
        && text
            .chars()
            .skip(1)
            .take(3)
            .any(|c| matches!(c, '.' | ')' | '．' | '）' | '、'))
}

/// Is `first` a bullet that Chinese, Japanese and Korean lists set right
/// before the item, with no space (`・設定`, `●设置`), and `second` the
/// item's first letter? `□` is not one: it stands for a character the
/// extractor could not read (`□玉琢`).
fn sets_cjk_item_close(first: char, second: Option<char>) -> bool {
    matches!(first, '・' | '●' | '○' | '■' | '◆' | '◇' | '▶' | '►')
        && second.is_some_and(|c| {
            use crate::text::script::{CharClass, classify};
            matches!(
                classify(c),
                CharClass::Han | CharClass::Kana | CharClass::Hangul
            )
        })
}

/// Splits `input` into lines as written: in input order, their
/// characters unrepaired, line endings logged. The pipeline reads lines
/// with their columns split and characters repaired; the layout stages'
/// own tests read them with this.
///
/// ```
/// use textmend::text::edit::EditLog;
/// use textmend::text::line::split_lines;
/// let lines = split_lines("  第一行\r\n\u{c}第二行", &mut EditLog::default());
/// assert_eq!(lines.len(), 2);
/// assert_eq!(lines[0].text, "第一行");
/// assert_eq!(lines[0].indent, 2);
/// assert!(lines[1].page_break_before);
/// assert_eq!(lines[1].page, 1);
/// ```
pub fn split_lines<'a>(input: &'a str, log: &mut EditLog) -> Vec<Line<'a>> {
    split_lines_in_order(input, log, |rows| rows)
}

/// [`split_lines`], with each page's rows put in reading order by `order`
/// (as column detection does).
pub fn split_lines_in_order<'a>(
    input: &'a str,
    log: &mut EditLog,
    mut order: impl FnMut(Vec<Piece>) -> Vec<Piece>,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    read_pages(input, log, &[], |rows, _| {
        let rows = order(rows);
        reserve_by_quarter(&mut lines, rows.len());
        for piece in rows {
            let (indent, content) = content_of(input, &piece.range);
            let text = Cow::Borrowed(&input[content.clone()]);
            lines.push(Line::new(piece, indent, content, text));
        }
    });
    lines.shrink_to_fit();
    lines
}

/// Cuts `input` into rows and hands each page's rows to `page`, in order,
/// logging the line endings that are not `\n`. A row starting at one of
/// `running_titles` (sorted) is marked as a running title. A run of blank
/// rows is one row.
pub fn read_pages(
    input: &str,
    log: &mut EditLog,
    running_titles: &[usize],
    mut page: impl FnMut(Vec<Piece>, &mut EditLog),
) {
    let mut page_rows: Vec<Piece> = Vec::new();
    let mut page_number = 0;
    let mut page_break = false;
    let mut start = 0;
    let bytes = input.as_bytes();
    let mut from = 0;
    let mut last_row_blank = false;
    let row = |range: Range<usize>, page: usize, page_break_before: bool| Piece {
        running_title: running_titles.binary_search(&range.start).is_ok(),
        range,
        col: 0,
        page,
        page_break_before,
    };
    let breaks = LineBreaks::new(input);
    while let Some((at, c)) = breaks.next_at(from) {
        from = at + c.len_utf8();
        let terminator_len = match c {
            '\n' => 1,
            '\r' => {
                if bytes.get(at + 1) == Some(&b'\n') {
                    from = at + 2;
                    log.push(at..at + 2, "\n", Rule::LineEnding);
                    2
                } else {
                    log.push(at..at + 1, "\n", Rule::LineEnding);
                    1
                }
            }
            '\u{2028}' | '\u{2029}' => {
                log.push(at..at + 3, "\n", Rule::LineEnding);
                3
            }
            '\u{c}' => 1,
            _ => continue,
        };
        if c == '\u{c}' {
            // A form feed both ends the line before it and starts a page.
            if at > start {
                page_rows.push(row(start..at, page_number, page_break));
            }
            last_row_blank = false;
            page(std::mem::take(&mut page_rows), log);
            page_number += 1;
            page_break = true;
            start = at + 1;
            continue;
        }
        push_row(
            &mut page_rows,
            row(start..at, page_number, page_break),
            input,
            &mut last_row_blank,
        );
        page_break = false;
        start = at + terminator_len;
    }
    if start < input.len() {
        push_row(
            &mut page_rows,
            row(start..input.len(), page_number, page_break),
            input,
            &mut last_row_blank,
        );
    }
    page(page_rows, log);
}

/// How far the text of the row at `range` is indented, and the byte range
/// of its text, white space trimmed. The indentation runs on over
/// characters that normalization removes (as column detection counts it),
/// though the text starts at them.
pub fn content_of(input: &str, range: &Range<usize>) -> (usize, Range<usize>) {
    let raw = &input[range.clone()];
    let mut indent = 0;
    let mut lead: Option<usize> = None;
    for (at, c) in raw.char_indices() {
        if is_invisible(c) {
            lead.get_or_insert(at);
        } else if let Some(width) = indent_width(c) {
            indent += width;
        } else {
            lead.get_or_insert(at);
            break;
        }
    }
    let lead = lead.unwrap_or(raw.len());
    let body = raw[lead..].trim_end();
    (indent, range.start + lead..range.start + lead + body.len())
}

/// How many columns of indentation a white-space character at the start
/// of a line counts for (a tab four, an ideographic space two), or `None`
/// for a character that is not white space.
pub(crate) fn indent_width(c: char) -> Option<usize> {
    match c {
        '\t' => Some(4),
        '\u{3000}' => Some(2),
        c if c.is_whitespace() => Some(1),
        _ => None,
    }
}

/// Is `range` a part of its line (a column piece) rather than the whole?
pub(crate) fn is_column_piece(input: &str, range: &Range<usize>) -> bool {
    let ends_line = |c: Option<char>| c.is_none_or(|c| LINE_BREAKS.contains(&c));
    !(ends_line(input[..range.start].chars().next_back())
        && ends_line(input[range.end..].chars().next()))
}

/// Adds a row to the page, folding a run of blank rows into one: for the
/// layout a run of blank lines is one gap, and ten million of them must not
/// cost ten million lines. `last_row_blank` says whether the page's last
/// row is blank, so that a growing run is never scanned again.
fn push_row(rows: &mut Vec<Piece>, row: Piece, input: &str, last_row_blank: &mut bool) {
    let blank = input[row.range.clone()].chars().all(char::is_whitespace);
    if blank && *last_row_blank {
        if let Some(last) = rows.last_mut() {
            last.range.end = row.range.end;
            return;
        }
    }
    *last_row_blank = blank;
    reserve_by_quarter(rows, 1);
    rows.push(row);
}

/// Does `range` overlap one of `sorted`, ranges in order that do not
/// overlap each other? A binary search.
pub(crate) fn overlaps_any(sorted: &[Range<usize>], range: &Range<usize>) -> bool {
    // The first range that ends after `range` starts.
    let first = sorted.partition_point(|r| r.end <= range.start);
    sorted.get(first).is_some_and(|r| r.start < range.end)
}

/// Makes room for `additional` more items, growing by a quarter rather
/// than doubling: the lines of a large page are the largest thing held,
/// and doubling them would hold nearly twice what they need.
pub(crate) fn reserve_by_quarter<T>(items: &mut Vec<T>, additional: usize) {
    if items.capacity() - items.len() < additional {
        items.reserve_exact(additional.max(items.capacity() / 4).max(16));
    }
}

/// The first word of a line that starts in a spaced script: up to a space,
/// or up to where CJK begins (`Debian系统` → `Debian`), taking in a
/// full-width punctuation mark that ends it (`Bacula，Amanda` → `Bacula，`).
fn first_word(text: &str) -> &str {
    // No ASCII character is spaceless or wide punctuation: over ASCII the
    // word ends at the first space, found by a byte test.
    let ascii = text
        .bytes()
        .position(|b| b == b' ' || !b.is_ascii())
        .unwrap_or(text.len());
    if text.as_bytes().get(ascii) == Some(&b' ') {
        return &text[..ascii];
    }
    let is_wide_punct = |c: char| classify(c) == CharClass::WidePunct;
    let rest = text[ascii..].char_indices().map(|(at, c)| (ascii + at, c));
    for (at, c) in rest {
        if c == ' ' || at > 0 && is_spaceless(c) && !is_wide_punct(c) {
            return &text[..at];
        }
        if at > 0 && is_wide_punct(c) {
            return &text[..at + c.len_utf8()];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_overlaps_the_sorted_ranges_it_shares_a_byte_with() {
        let sorted = [2..4, 7..8, 10..15];
        for start in 0..17 {
            for end in start..18 {
                let range = start..end;
                let shared = sorted.iter().any(|r| r.start < end && start < r.end);
                assert_eq!(overlaps_any(&sorted, &range), shared, "{range:?}");
            }
        }
    }

    #[test]
    fn the_cheap_test_refuses_no_list_item() {
        for text in [
            "1. First",
            "12) Twelfth",
            "3、三",
            "１．全角",
            "١. Arabic",
            "（一）总体要求",
            "(a) item",
            "( 12 ) item",
            "一、总则",
            "十二、其他",
            "① 第一",
            "⒛ twenty",
            "• USB",
            "- 12 -",
            "–\u{3000}dash",
            "a) letter",
            "□玉琢 王亦然",
            "・設定を開く",
            "●设置",
            "■概要",
            "——鄂尔多斯市",
            "12”专项整改",
            "2019 was a year",
            "一二三四、",
            "·",
        ] {
            assert_eq!(is_list_item(text), LIST_MARKER.is_match(text), "{text}");
        }
    }

    #[test]
    fn every_space_of_the_list_marker_pattern_is_white_space() {
        let space = Regex::new(r"^\s$").expect("space pattern is valid");
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if space.is_match(c.encode_utf8(&mut [0; 4])) {
                assert!(c.is_whitespace(), "{c:?}");
            }
        }
    }

    fn texts(input: &str) -> Vec<String> {
        split_lines(input, &mut EditLog::default())
            .into_iter()
            .map(|l| l.text.into_owned())
            .collect()
    }

    #[test]
    fn line_breaks_are_found_as_a_char_search_finds_them() {
        let text = "a\r\nb“c”\u{2028}d\u{c}e\u{2029}\u{2027}f\rg\n";
        let mut found = Vec::new();
        let mut from = 0;
        while let Some((at, c)) = next_line_break(text, from) {
            found.push((at, c));
            from = at + c.len_utf8();
        }
        let expected: Vec<(usize, char)> = text
            .match_indices(LINE_BREAKS)
            .map(|(at, s)| (at, s.chars().next().unwrap_or(' ')))
            .collect();
        assert_eq!(found, expected);
        for text in [text, "a\r\nb“c”d\u{c}e\u{2027}f\rg\n", "“\u{2029}", "x"] {
            let breaks = LineBreaks::new(text);
            for from in 0..=text.len() + 1 {
                assert_eq!(
                    breaks.next_at(from),
                    next_line_break(text, from),
                    "{text:?} {from}"
                );
            }
        }
    }

    #[test]
    fn space_runs_are_what_the_searches_find() {
        for text in [
            "", "a", "a b", "a  b", "a   b", "a \tb", "\t", "x  y   z", "中  文", "  ", "   ",
        ] {
            let runs = SpaceRuns::of(text);
            assert_eq!(runs.has_double_space(), has_double_space(text), "{text:?}");
            assert_eq!(runs.has_triple_space(), text.contains("   "), "{text:?}");
            assert_eq!(runs.has_space_run(), has_space_run(text), "{text:?}");
        }
    }

    #[test]
    fn lines_are_cut_as_split_inclusive_cuts_them() {
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb“c”\u{2028}d\u{c}e\u{2029}\u{2027}f\rg\n\n",
            "\n\nx",
        ] {
            let expected: Vec<&str> = text.split_inclusive(LINE_BREAKS).collect();
            assert_eq!(split_inclusive_lines(text).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn every_line_ending_splits() {
        assert_eq!(texts("a\nb\r\nc\rd\u{2028}e"), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn blank_lines_are_kept() {
        assert_eq!(texts("a\n\n b \n"), ["a", "", "b"]);
    }

    #[test]
    fn the_first_word_ends_at_a_space_or_where_cjk_begins() {
        assert_eq!(first_word("Bacula，Amanda 和"), "Bacula，");
        assert_eq!(first_word("Debian系统"), "Debian");
        assert_eq!(first_word("word next"), "word");
        assert_eq!(first_word("alone"), "alone");
        // As a walk over every character finds it.
        let walked = |text: &str| -> usize {
            let is_wide_punct = |c: char| classify(c) == CharClass::WidePunct;
            for (at, c) in text.char_indices() {
                if c == ' ' || at > 0 && is_spaceless(c) && !is_wide_punct(c) {
                    return at;
                }
                if at > 0 && is_wide_punct(c) {
                    return at + c.len_utf8();
                }
            }
            text.len()
        };
        for text in [
            "",
            " ",
            " a",
            "a b",
            "ab，c",
            "a“b c",
            "中文",
            "x中",
            "，x",
            "a\tb c",
            "é b",
            "ab。",
            "abc\u{3000}d",
            "a-b/c d",
        ] {
            assert_eq!(first_word(text).len(), walked(text), "{text:?}");
        }
    }

    #[test]
    fn a_run_of_blank_lines_is_one_line() {
        let input = "a\n\n  \n\t\nb\n\n\n\u{c}\n\nc";
        assert_eq!(texts(input), ["a", "", "b", "", "", "c"]);
        let lines = split_lines(input, &mut EditLog::default());
        assert_eq!(&input[lines[1].range.clone()], "\n  \n\t");
    }

    #[test]
    fn content_range_points_at_the_trimmed_text() {
        let input = "x\n  abc  \n";
        let lines = split_lines(input, &mut EditLog::default());
        assert_eq!(&input[lines[1].content.clone()], "abc");
        assert_eq!(lines[1].indent, 2);
    }

    #[test]
    fn form_feeds_start_pages() {
        let lines = split_lines("a\n\u{c}b\n\u{c}\u{c}c", &mut EditLog::default());
        let pages: Vec<_> = lines.iter().map(|l| (&*l.text, l.page)).collect();
        assert_eq!(pages, [("a", 0), ("b", 1), ("c", 3)]);
        assert!(lines[1].page_break_before && !lines[0].page_break_before);
    }

    #[test]
    fn line_ending_edits_are_logged() {
        let mut log = EditLog::default();
        split_lines("a\r\nb", &mut log);
        assert_eq!(log.len(), 1);
    }
}
