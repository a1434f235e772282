//! Table columns written one cell per line, the few lines between two
//! parts of a table, and the column after a table column: a run of as many
//! lines, none ending a sentence, that the extractor wrote next.

use crate::text::line::{Line, is_list_item};
use crate::text::script::{ends_sentence, ends_with_colon, is_cjk};

/// A line shorter than this share of the document's line width is short.
pub(super) const SHORT_SHARE: f64 = 0.8;
/// The most full lines (a wrapped cell) between two short cells of a
/// table column.
const MAX_CELL_GAP: usize = 3;
/// A cell breaks off where the next word would have fitted within this
/// share of the document's line width: ragged prose never leaves that much.
const ROOM_TO_SPARE: f64 = 0.9;
/// The fewest short, broken-off lines that make a table column.
const MIN_TABLE_BREAKS: usize = 3;
/// The most lines between two parts of a table that join it.
const MAX_LINES_BETWEEN: usize = 6;

/// Marks the lines of a table column that pdftotext or pdfminer wrote one
/// cell per line, cells that wrap included: a stretch of lines with no
/// sentence end in which short lines that break off with room for the next
/// word keep recurring (at most [`MAX_CELL_GAP`] full lines apart), since prose only
/// breaks a line short where a paragraph or a heading ends.
pub(super) fn mark_table_columns(
    lines: &[Line],
    visible: &[usize],
    gap_before: &[bool],
    width: usize,
    alone: &mut [bool],
) {
    let short = |l: &Line| (l.extent() as f64) < width as f64 * SHORT_SHARE;
    let eligible = may_be_cell;
    // A short line that breaks off although the next line follows it and
    // its first word would have fitted with room to spare.
    let breaks_off = |v: usize| {
        let line = &lines[visible[v]];
        v + 1 < visible.len()
            && !gap_before[v + 1]
            && short(line)
            && eligible(line)
            && (line.extent_with_next_word(&lines[visible[v + 1]]) as f64)
                <= width as f64 * ROOM_TO_SPARE
    };
    let mut v = 0;
    while v < visible.len() {
        if !breaks_off(v) {
            v += 1;
            continue;
        }
        let start = v;
        let mut last_break = v;
        let mut breaks = 1;
        let mut next = v + 1;
        while next < visible.len()
            && !gap_before[next]
            && eligible(&lines[visible[next]])
            && next - last_break <= MAX_CELL_GAP + 1
        {
            if breaks_off(next) {
                last_break = next;
                breaks += 1;
            }
            next += 1;
        }
        // The line after the last break is that cell's end (or the next
        // cell); it belongs to the column when it is short too.
        let mut end = last_break + 1;
        if end < visible.len() && !gap_before[end] && short(&lines[visible[end]]) {
            end += 1;
        }
        // A column runs on to the gap that ends it when that gap is within
        // a wrapped cell's reach and no sentence ends on the way.
        let mut tail = end;
        while tail < visible.len()
            && !gap_before[tail]
            && eligible(&lines[visible[tail]])
            && tail - last_break <= MAX_CELL_GAP + 1
        {
            tail += 1;
        }
        let reaches_gap = tail == visible.len() || gap_before[tail];
        let span = end - start;
        // Words that a justified line pushed out one by one continue the
        // sentence cut off on the full line before them (a line of
        // Chinese or Japanese has no spaces, and is no such word).
        let continues_sentence = start > 0 && !gap_before[start] && {
            let before = &lines[visible[start - 1]];
            !short(before)
                && !ends_sentence(&before.text)
                && visible[start..=last_break].iter().all(|&i| {
                    let text = &lines[i].text;
                    !text.contains(' ') && !text.chars().any(is_cjk)
                })
        };
        if breaks >= MIN_TABLE_BREAKS && breaks * 5 >= span * 2 && !continues_sentence {
            let end = if reaches_gap { tail } else { end };
            alone[start..end].iter_mut().for_each(|a| *a = true);
        }
        v = last_break + 1;
    }
}

/// Marks the run of lines after a table column as that table's next
/// column when it holds as many lines and none ends a sentence: pdftotext
/// and pdfminer write a table column by column, a gap between columns, so
/// a column of one-line cells (`58` / `97` / `2791`) is followed by
/// another of as many rows (`text→html` / … , then `Markdown 文本文档到
/// (X)HTML (Perl)` / …), however wide its cells. A paragraph after a table
/// ends on a sentence end, or on a colon that announces what follows.
pub(super) fn mark_next_columns(
    lines: &[Line],
    visible: &[usize],
    gap_before: &[bool],
    alone: &mut [bool],
) {
    let eligible = |v: usize| may_be_cell(&lines[visible[v]]);
    let run_end = |start: usize| {
        (start + 1..visible.len())
            .find(|&v| gap_before[v])
            .unwrap_or(visible.len())
    };
    let mut start = 0;
    while start < visible.len() {
        let end = run_end(start);
        if end < visible.len() && alone[start..end].iter().all(|&a| a) {
            let next_end = run_end(end);
            let column = end..next_end;
            let announces = ends_with_colon(&lines[visible[next_end - 1]].text);
            if next_end - end == end - start
                && !announces
                && !alone[column.clone()].iter().any(|&a| a)
                && column.clone().all(eligible)
            {
                alone[column].iter_mut().for_each(|a| *a = true);
            }
        }
        start = end;
    }
}

/// Marks the few lines (at most [`MAX_LINES_BETWEEN`], none ending a
/// sentence) that lie between two parts of a table, blank lines included:
/// an extractor that puts blank lines inside a table cuts it into parts
/// that each look too short to be one, and a cell there is no sentence.
pub(super) fn fill_between_table_parts(lines: &[Line], visible: &[usize], alone: &mut [bool]) {
    let cell = |v: usize| may_be_cell(&lines[visible[v]]);
    let mut v = 0;
    while v < visible.len() {
        if alone[v] || v == 0 || !alone[v - 1] {
            v += 1;
            continue;
        }
        let start = v;
        while v < visible.len() && !alone[v] && cell(v) && v - start < MAX_LINES_BETWEEN {
            v += 1;
        }
        if v < visible.len() && alone[v] {
            alone[start..v].iter_mut().for_each(|a| *a = true);
        }
        v = v.max(start + 1);
    }
}

/// Can the line be a table's cell: no fake-bold heading, no list item, no
/// sentence's end?
fn may_be_cell(line: &Line) -> bool {
    !line.fake_bold && !is_list_item(&line.text) && !ends_sentence(&line.text)
}
