//! Edits told in words a person can read: where each one is (line and
//! column), which rule made it, and the text before and after.
//!
//! An [`Edit`] holds a byte range of the input, which is what a program
//! wants; a person wants `12:7: line-join: 从⏎高校 → 从高校`. This module
//! turns one into the other, for `--explain` and `--check` and for any
//! library user who shows edits to people.
//!
//! ```
//! use textmend::{output::explain, repair_with, Config};
//! let input = "把学习习近\n平总书记的讲话\n";
//! let repaired = repair_with(input, &Config::default());
//! let changes = explain::changes(input, &repaired.edits);
//! assert_eq!(changes[0].to_string(), "1:6: line-join: 把学习习近⏎平总书记的讲 → 把学习习近平总书记的讲");
//! ```
//!
//! Positions are 1-based; a column counts characters (Unicode scalar
//! values), not bytes or display cells. A line ends at `\n`, at `\r\n`
//! (one break) and at a lone `\r`, as text editors count them. The text
//! shown is shortened: at most [`CONTEXT`] characters of context on each
//! side, and a changed span longer than [`MAX_SPAN`] characters keeps its
//! head and tail around ` … `. Line breaks, tabs and invisible characters
//! are shown visibly (see [`visible`]). Building a [`LineIndex`] is `O(n)`;
//! each position then costs `O(log lines + line length)`.

use crate::text::edit::{Edit, Rule};
use std::fmt;
use std::ops::Range;

/// Characters of unchanged text shown on each side of a change.
pub const CONTEXT: usize = 6;

/// Longest changed span shown whole, in characters.
pub const MAX_SPAN: usize = 40;

/// A place in the text: 1-based line, 1-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Where each line of a text starts, to turn byte offsets into positions.
///
/// ```
/// use textmend::output::explain::{LineIndex, Position};
/// let index = LineIndex::new("ab\r\n第二行\rz");
/// assert_eq!(index.position(0), Position { line: 1, column: 1 });
/// assert_eq!(index.position(4 + 3), Position { line: 2, column: 2 });
/// assert_eq!(index.position(14), Position { line: 3, column: 1 });
/// ```
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Inside long lines, every [`MARK_EVERY`] bytes or so: a byte offset
    /// and how many characters of its line come before it, so that a
    /// position is counted from the nearest mark, not from the line start.
    marks: Vec<(usize, usize)>,
}

/// How many bytes apart the marks inside a long line are.
const MARK_EVERY: usize = 4096;

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`. `O(n)`.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut marks = Vec::new();
        let (mut line_start, mut last_mark, mut chars) = (0, 0, 0);
        for (i, &b) in bytes.iter().enumerate() {
            let starts_char = b & 0xC0 != 0x80;
            if starts_char && i - last_mark.max(line_start) >= MARK_EVERY {
                marks.push((i, chars));
                last_mark = i;
            }
            chars += usize::from(starts_char);
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
                line_start = i + 1;
                chars = 0;
            }
        }
        LineIndex {
            text,
            starts,
            marks,
        }
    }

    /// The position of byte offset `byte`. An offset past the end is the
    /// end; an offset inside a character counts as that character.
    /// `O(log n)` plus at most 4 KiB of text counted.
    pub fn position(&self, byte: usize) -> Position {
        let byte = floor_boundary(self.text, byte);
        let line = self.starts.partition_point(|&s| s <= byte).max(1);
        let start = self.starts[line - 1];
        let nearest = self.marks.partition_point(|&(at, _)| at <= byte);
        let (from, before) = match nearest.checked_sub(1).map(|k| self.marks[k]) {
            Some((at, chars)) if at >= start => (at, chars),
            _ => (start, 0),
        };
        let column = before + self.text[from..byte].chars().count() + 1;
        Position { line, column }
    }
}

/// One edit as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Where the edit starts in the input.
    pub position: Position,
    /// The rule that made it.
    pub rule: Rule,
    /// The input around the edit, shortened and made visible.
    pub before: String,
    /// The same place after the edit.
    pub after: String,
}

impl fmt::Display for Change {
    /// `LINE:COL: rule: before → after`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {} → {}",
            self.position, self.rule, self.before, self.after
        )
    }
}

/// Every edit that changes something, as a [`Change`], in input order.
/// An edit whose replacement equals the text it replaces is left out.
pub fn changes(input: &str, edits: &[Edit]) -> Vec<Change> {
    let index = LineIndex::new(input);
    edits
        .iter()
        .filter(|e| changes_text(input, e))
        .map(|e| change(input, &index, e))
        .collect()
}

/// True when `edit` replaces its range of `input` with different text (a
/// note, [`Rule::is_note`], never does).
pub fn changes_text(input: &str, edit: &Edit) -> bool {
    !edit.rule.is_note() && input.get(edit.range.clone()) != Some(edit.replacement.as_str())
}

/// A note as a person reads it: where the rows it stands over start, and
/// how many lines they are (`3:1: 14 lines left as they are, to line 16`).
pub fn note(index: &LineIndex<'_>, edit: &Edit) -> String {
    let first = index.position(edit.range.start);
    // The last line is the one that holds the range's last character.
    let last = index.position(edit.range.end.saturating_sub(1).max(edit.range.start));
    let lines = last.line + 1 - first.line;
    let noun = if lines == 1 { "line" } else { "lines" };
    format!(
        "{first}: {lines} {noun} left as they are, to line {}",
        last.line
    )
}

/// One edit as a [`Change`], with `index` built from `input`.
pub fn change(input: &str, index: &LineIndex<'_>, edit: &Edit) -> Change {
    let range = clamp(input, edit.range.clone());
    let left = tail_chars(&input[..range.start], CONTEXT);
    let right = head_chars(&input[range.end..], CONTEXT);
    let show = |middle: &str| {
        format!(
            "{}{}{}",
            visible(left),
            visible(&shorten(middle, MAX_SPAN)),
            visible(right)
        )
    };
    Change {
        position: index.position(range.start),
        rule: edit.rule,
        before: show(&input[range]),
        after: show(&edit.replacement),
    }
}

/// A report of every edit, grouped by rule (in pipeline order) with a
/// count and the rule's description, each edit on its own line; a note
/// ([`Rule::is_note`]) is told by [`note`].
///
/// ```
/// use textmend::{output::explain, repair_with, Config};
/// let input = "infor-\nmation\n";
/// let report = explain::explain(input, &repair_with(input, &Config::default()).edits);
/// assert!(report.starts_with("line-join (1): "));
/// assert!(report.contains("\ndehyphenate (1): "));
/// assert!(report.contains("  1:6: infor-⏎matio → infor⏎matio\n"));
/// ```
pub fn explain(input: &str, edits: &[Edit]) -> String {
    let all = changes(input, edits);
    let index = LineIndex::new(input);
    let mut out = String::new();
    for rule in Rule::ALL {
        let group: Vec<String> = if rule.is_note() {
            edits
                .iter()
                .filter(|e| e.rule == rule)
                .map(|e| note(&index, e))
                .collect()
        } else {
            all.iter()
                .filter(|c| c.rule == rule)
                .map(|c| format!("{}: {} → {}", c.position, c.before, c.after))
                .collect()
        };
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "{} ({}): {}\n",
            rule,
            group.len(),
            rule.description()
        ));
        for line in group {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}

/// `text` with what is hard to see made visible: a line break as `⏎`, a
/// tab as `⇥`, a carriage return as `␍`, a form feed as `␌`, and other
/// control characters, format characters (zero-width spaces, soft hyphens,
/// byte order marks) and spaces other than the ASCII space as `<U+XXXX>`.
///
/// ```
/// assert_eq!(textmend::output::explain::visible("a\u{a0}b\n\u{200b}"), "a<U+00A0>b⏎<U+200B>");
/// ```
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push('⏎'),
            '\t' => out.push('⇥'),
            '\r' => out.push('␍'),
            '\u{c}' => out.push('␌'),
            ' ' => out.push(' '),
            c if c.is_control() || c.is_whitespace() || is_invisible(c) => {
                out.push_str(&format!("<U+{:04X}>", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` if it has at most `max` characters, otherwise its head and tail
/// around ` … `.
///
/// ```
/// assert_eq!(textmend::output::explain::shorten("abcdefghij", 6), "abc … hij");
/// assert_eq!(textmend::output::explain::shorten("abc", 6), "abc");
/// ```
pub fn shorten(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let half = max / 2;
    format!(
        "{} … {}",
        head_chars(text, half),
        tail_chars(text, max - half)
    )
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

fn head_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

fn tail_chars(text: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    match text.char_indices().rev().nth(n - 1) {
        Some((at, _)) => &text[at..],
        None => text,
    }
}

fn floor_boundary(text: &str, mut byte: usize) -> usize {
    byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

fn clamp(text: &str, range: Range<usize>) -> Range<usize> {
    let start = floor_boundary(text, range.start);
    let end = floor_boundary(text, range.end).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_line_breaks() {
        let long = format!("{}\r\n{}", "é".repeat(5000), "字".repeat(3000));
        let index = LineIndex::new(&long);
        for byte in [
            0,
            4094,
            4096,
            9998,
            10_000,
            10_002,
            10_002 + 3 * 2500,
            long.len(),
        ] {
            let start = long[..byte].rfind('\n').map_or(0, |i| i + 1);
            let column = long[start..byte].chars().count() + 1;
            assert_eq!(index.position(byte).column, column, "{byte}");
        }
        let index = LineIndex::new("一二\n三四五\n");
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(6), Position { line: 1, column: 3 });
        assert_eq!(index.position(7), Position { line: 2, column: 1 });
        assert_eq!(index.position(10), Position { line: 2, column: 2 });
        assert_eq!(index.position(17), Position { line: 3, column: 1 });
        assert_eq!(index.position(99), Position { line: 3, column: 1 });
        // Inside a character: that character.
        assert_eq!(index.position(8), Position { line: 2, column: 1 });
    }

    #[test]
    fn a_change_shows_context_and_shortens_long_spans() {
        let input = format!("before {} after!", "x".repeat(100));
        let edit = Edit::new(7..107, "y", Rule::Whitespace);
        let c = change(&input, &LineIndex::new(&input), &edit);
        assert_eq!(c.position, Position { line: 1, column: 8 });
        assert_eq!(
            c.before,
            format!("efore {} … {} after", "x".repeat(20), "x".repeat(20))
        );
        assert_eq!(c.after, "efore y after");
    }

    #[test]
    fn edits_that_change_nothing_are_left_out() {
        let input = "ab\n\ncd\n";
        let edits = [Edit::new(2..4, "\n\n", Rule::BlockBreak)];
        assert!(changes(input, &edits).is_empty());
        assert_eq!(explain(input, &edits), "");
    }

    #[test]
    fn a_note_is_told_but_changes_nothing() {
        let input = "ab\ncd\nef\n";
        let edits = [Edit::new(3..8, "cd\nef", Rule::UnsureColumns)];
        assert!(changes(input, &edits).is_empty());
        assert_eq!(
            explain(input, &edits),
            format!(
                "unsure-columns (1): {}\n  2:1: 2 lines left as they are, to line 3\n",
                Rule::UnsureColumns.description()
            )
        );
    }

    #[test]
    fn out_of_range_edits_do_not_panic() {
        let edits = [
            Edit::new(5..99, "", Rule::PageNumber),
            Edit::new(1..2, "", Rule::ZeroWidth),
        ];
        let all = changes("一", &edits);
        assert_eq!(all.len(), 2);
    }
}
