//! Lines and their features: the unit every layout stage reasons about.
//!
//! [`split_lines`] cuts the decoded text at `\n`, `\r\n`, `\r`, U+2028,
//! U+2029 and form feed (a page break), puts each page's lines in reading
//! order ([`columns`](crate::columns)), repairs each line's characters with
//! [`normalize_line`], and records what a
//! later stage needs: where the line's text sits in the input, how far it
//! is indented, how wide it is, and whether a page break precedes it.
//!
//! `O(n)` in the input; never drops a character (blank lines are kept as
//! blank [`Line`]s so the layout stages can see them).

use crate::columns::{Piece, may_hold_gutter_start, split_columns};
use crate::edit::{EditLog, Rule};
use crate::normalize::normalize_line;
use crate::script::{CharClass, classify, display_width, ends_sentence, is_spaceless};
use std::borrow::Cow;
use std::ops::Range;

/// The characters that end a line: `\r\n` is `\r` then `\n`, and a form
/// feed also starts a page.
pub(crate) const LINE_BREAKS: [char; 5] = ['\n', '\r', '\u{c}', '\u{2028}', '\u{2029}'];

/// The first of [`LINE_BREAKS`] at or after byte `from` of `text`, and
/// where it stands. A byte scan: only the bytes `\n`, `\r`, form feed and
/// 0xE2 (which starts U+2028 and U+2029) are looked at.
pub(crate) fn next_line_break(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        let k = bytes
            .get(at..)?
            .iter()
            .position(|&b| matches!(b, b'\n' | b'\r' | 0x0C | 0xE2))?;
        let i = at + k;
        match bytes[i..] {
            [b'\n', ..] => return Some((i, '\n')),
            [b'\r', ..] => return Some((i, '\r')),
            [0x0C, ..] => return Some((i, '\u{c}')),
            [0xE2, 0x80, 0xA8, ..] => return Some((i, '\u{2028}')),
            [0xE2, 0x80, 0xA9, ..] => return Some((i, '\u{2029}')),
            _ => at = i + 1,
        }
    }
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
}

impl Line<'_> {
    /// True when the line holds no text.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
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

    /// Replaces the text (after dedupe or spacing), keeping width in step.
    pub fn set_text(&mut self, text: String) {
        self.width = display_width(&text);
        self.text = Cow::Owned(text);
    }
}

/// Splits `input` into lines, repairing characters and line endings.
///
/// ```
/// use textmend::edit::EditLog;
/// use textmend::line::split_lines;
/// let lines = split_lines("  第一行\r\n\u{c}第二行", &mut EditLog::default());
/// assert_eq!(lines.len(), 2);
/// assert_eq!(lines[0].text, "第一行");
/// assert_eq!(lines[0].indent, 2);
/// assert!(lines[1].page_break_before);
/// assert_eq!(lines[1].page, 1);
/// ```
pub fn split_lines<'a>(input: &'a str, log: &mut EditLog) -> Vec<Line<'a>> {
    split_lines_reading(input, log, false, true)
}

/// [`split_lines`]; with `mojibake`, a column piece split out of a longer
/// line is read for mojibake on its own, as the line it becomes in the
/// output (the whole line was read before it was split). With
/// `furniture`, column detection leaves out the running titles that the
/// furniture stage will remove.
pub(crate) fn split_lines_reading<'a>(
    input: &'a str,
    log: &mut EditLog,
    mojibake: bool,
    furniture: bool,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let mut page_rows: Vec<Piece> = Vec::new();
    let mut unsplit = UnsplitRows::default();
    let mut flush = |rows: &mut Vec<Piece>, lines: &mut Vec<Line<'a>>, log: &mut EditLog| {
        let pieces = unsplit.read_page(input, std::mem::take(rows));
        reserve_by_quarter(lines, pieces.len());
        for piece in pieces {
            lines.push(make_line(input, piece, mojibake, log));
        }
    };
    let mut page = 0;
    let mut page_break = false;
    let mut start = 0;
    let bytes = input.as_bytes();
    let mut from = 0;
    let mut last_row_blank = false;
    let running_titles = if furniture {
        let mut rows = crate::furniture::running_title_rows(input);
        rows.extend(crate::browser_furniture::furniture_rows(input));
        rows.sort_unstable();
        rows
    } else {
        Vec::new()
    };
    let row = |range: Range<usize>, page: usize, page_break_before: bool| Piece {
        running_title: running_titles.binary_search(&range.start).is_ok(),
        range,
        col: 0,
        page,
        page_break_before,
    };
    while let Some((at, c)) = next_line_break(input, from) {
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
                page_rows.push(row(start..at, page, page_break));
            }
            last_row_blank = false;
            flush(&mut page_rows, &mut lines, log);
            page += 1;
            page_break = true;
            start = at + 1;
            continue;
        }
        push_row(
            &mut page_rows,
            row(start..at, page, page_break),
            input,
            &mut last_row_blank,
        );
        page_break = false;
        start = at + terminator_len;
    }
    if start < input.len() {
        push_row(
            &mut page_rows,
            row(start..input.len(), page, page_break),
            input,
            &mut last_row_blank,
        );
    }
    flush(&mut page_rows, &mut lines, log);
    let rest = unsplit.finish();
    reserve_by_quarter(&mut lines, rest.len());
    for piece in rest {
        lines.push(make_line(input, piece, mojibake, log));
    }
    // The lines live through every later stage: give back what growing
    // the vector left unused.
    lines.shrink_to_fit();
    lines
}

/// The last rows of pages in which column detection found no gutter, held
/// back to be measured again with the next page: the repaired text has no
/// page breaks, so a second repair sees rows from both sides of a break as
/// one page, and must find in them the gutters the first repair found.
///
/// ```text
/// Name      Value      Unit        Name      Value      Unit
/// Name      Value      Unit   →    … four rows, measured as one page
/// Name      Value      Unit
/// <form feed>Name      Value      Unit
/// ```
#[derive(Default)]
struct UnsplitRows {
    rows: Vec<Piece>,
}

impl UnsplitRows {
    /// How many rows are held back: enough for the few rows of a column
    /// region cut by a page break, few enough that measuring them again on
    /// every page stays linear.
    const HELD: usize = 32;

    /// The rows of `page` in reading order, and any rows held back before
    /// it that are now final.
    fn read_page(&mut self, input: &str, page: Vec<Piece>) -> Vec<Piece> {
        let page = match split_columns(input, page) {
            Ok(pieces) => {
                let mut out = std::mem::take(&mut self.rows);
                out.extend(pieces);
                return out;
            }
            Err(page) => page,
        };
        // A page with no text where a gutter could be adds no support:
        // the rows held back with it hold no more gutters than before.
        let measured_again = !self.rows.is_empty() && may_hold_gutter_start(input, &page);
        let mut rows = std::mem::take(&mut self.rows);
        rows.extend(page);
        if measured_again {
            match split_columns(input, rows) {
                Ok(pieces) => return pieces,
                Err(unsplit) => rows = unsplit,
            }
        }
        let keep = rows.len().saturating_sub(Self::HELD);
        self.rows = rows.split_off(keep);
        rows
    }

    /// The rows still held back, at the end of the input.
    fn finish(self) -> Vec<Piece> {
        self.rows
    }
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
    let blank = input[row.range.clone()].trim().is_empty();
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

/// Makes room for `additional` more items, growing by a quarter rather
/// than doubling: the lines of a large page are the largest thing held,
/// and doubling them would hold nearly twice what they need.
fn reserve_by_quarter<T>(items: &mut Vec<T>, additional: usize) {
    if items.capacity() - items.len() < additional {
        items.reserve_exact(additional.max(items.capacity() / 4).max(16));
    }
}

/// The first word of a line that starts in a spaced script: up to a space,
/// or up to where CJK begins (`Debian系统` → `Debian`), taking in a
/// full-width punctuation mark that ends it (`Bacula，Amanda` → `Bacula，`).
fn first_word(text: &str) -> &str {
    let is_wide_punct = |c: char| classify(c) == CharClass::WidePunct;
    for (at, c) in text.char_indices() {
        if c == ' ' || at > 0 && is_spaceless(c) && !is_wide_punct(c) {
            return &text[..at];
        }
        if at > 0 && is_wide_punct(c) {
            return &text[..at + c.len_utf8()];
        }
    }
    text
}

fn make_line<'a>(input: &'a str, piece: Piece, mojibake: bool, log: &mut EditLog) -> Line<'a> {
    let Piece {
        range,
        page,
        page_break_before,
        ..
    } = piece;
    let raw = &input[range.clone()];
    // The indentation runs on over characters that normalization removes
    // (as column detection counts it), though the text starts at them.
    let mut indent = 0;
    let mut lead: Option<usize> = None;
    for (at, c) in raw.char_indices() {
        if crate::normalize::is_invisible(c) {
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
    let content = range.start + lead..range.start + lead + body.len();
    let read = (mojibake && is_column_piece(input, &range))
        .then(|| crate::mojibake::repair_mojibake(body))
        .flatten();
    let text = match read {
        Some((fixed, _)) => {
            let text = normalize_line(&fixed, content.start, &mut EditLog::off()).into_owned();
            log.push(content.clone(), text.trim(), Rule::Mojibake);
            Cow::Owned(text)
        }
        None => normalize_line(body, content.start, log),
    };
    // Characters that normalize to spaces may leave new edges.
    let text = match text {
        Cow::Borrowed(t) => Cow::Borrowed(t),
        Cow::Owned(t) if t.trim().len() == t.len() => Cow::Owned(t),
        Cow::Owned(t) => Cow::Owned(t.trim().to_string()),
    };
    let width = display_width(&text);
    Line {
        text,
        range,
        content,
        indent,
        width,
        page,
        page_break_before,
        fake_bold: false,
        removed: false,
        copy: false,
        preformatted: false,
        stands_alone: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn columns_cut_by_a_page_break_are_read_as_without_it() {
        let rows = [
            "the left one   right one",
            "left two       right two",
            "left three     right three",
            "left four      right four",
        ];
        let read = |input: &str| -> Vec<String> {
            texts(input).into_iter().filter(|t| !t.is_empty()).collect()
        };
        let whole = read(&rows.join("\n"));
        assert_eq!(whole[4], "right one");
        for cut in 1..rows.len() {
            let input = format!(
                "{}\n\u{c}{}",
                rows[..cut].join("\n"),
                rows[cut..].join("\n")
            );
            assert_eq!(read(&input), whole, "cut after row {cut}");
        }
    }

    #[test]
    fn indentation_runs_on_over_characters_that_are_removed() {
        let input = "\u{0}  abc";
        let lines = split_lines(input, &mut EditLog::default());
        assert_eq!((&*lines[0].text, lines[0].indent), ("abc", 2));
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
