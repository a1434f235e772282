//! Lines that are not prose: code and command listings, table cells,
//! contents entries, verse. They keep their lines exactly as written.
//!
//! ```text
//! For timestamps, ls prints localized     For timestamps, ls prints localized strings.
//! strings.                                
//! $ LANG=C ls -l foo                  →   $ LANG=C ls -l foo
//! -rw-rw-r-- 1 penguin 0 Oct 16 foo       -rw-rw-r-- 1 penguin 0 Oct 16 foo
//! ```
//!
//! The signals, each decided from the text alone:
//! - **prompt**: a line that starts with a shell or REPL prompt (`$ `,
//!   `# `, `>>> `) is a command;
//! - **code**: a line that ends with `{`, `}`, `;` or `\`, or starts with
//!   `}`, `#!`, `//` or `/*`, is source code, and a line that is markup
//!   from its first character to its last (`<!-- comment -->`,
//!   `<name attribute="value" />`) is XML or HTML;
//! - **dot leaders**: a line that ends in a run of leader dots and a page
//!   number (`Introduction . . . . 12`, `3、风险提示 ……… 8`) is a contents
//!   entry;
//! - **aligned columns**: a line with two or more gaps of several spaces
//!   inside it is a table row as `pdftotext -layout` sets one;
//! - **short run**: three or more consecutive lines that all stop well
//!   short of the document's line width, mostly without sentence
//!   punctuation, are table cells, a listing or verse — including a line
//!   that is only a number among them (a cell, not a page number);
//! - **table column**: a stretch of lines with no sentence end in which
//!   short lines keep breaking off although the next word would have fitted
//!   is a table column written one cell per line, wrapped cells included
//!   (ragged prose never leaves that much room);
//! - **paths**: two or more lines in a row that are each one path are a
//!   list of files, one per line;
//! - **labels**: three or more lines in a row that each begin with a
//!   short label and a colon (`nice(1): run a program…`, `From: …`) are
//!   entries of a definition list or a record, one per line;
//! - **neighbour**: a short line that touches a preformatted line (no blank
//!   line between) and does not end a sentence belongs to the same listing.
//!
//! Refused (left as prose): a run of short lines that continues a sentence
//! cut off on a full-width line before it (a justified line that the
//! extractor broke word by word; in Chinese and Japanese, whose paragraphs
//! end on a sentence end, only when the run's first line ends one), list items with bullets (blocks of their
//! own), and short runs in narrow columns, where every line is short.
//!
//! `O(n)` in the number of lines.

use crate::line::Line;
use crate::script::{CharClass, classify, ends_sentence, is_cjk, splits_katakana_word};
use crate::segment::is_list_item;
use regex::Regex;
use std::sync::LazyLock;

/// A line shorter than this share of the document's line width is short.
const SHORT_SHARE: f64 = 0.8;
/// Lines of a prose column reach at least this share of its widest line.
const PROSE_WIDTH_SHARE: f64 = 0.75;
/// Lines of a justified column reach at least this share of its widest.
const JUSTIFIED_WIDTH_SHARE: f64 = 0.9;
/// The widest line, in columns, that joins a listing it touches.
const MAX_LISTING_NEIGHBOUR_WIDTH: usize = 72;
/// The share of digits and symbols that makes a line read as machine
/// output; in English prose of the dev corpus 99% of 90-column stretches
/// stay below 0.38, half below 0.04.
const DENSE_SHARE: f64 = 0.4;
/// The fewest short lines in a row that make a listing or table.
const MIN_RUN: usize = 3;
/// The most full lines (a wrapped cell) between two short cells of a
/// table column.
const MAX_CELL_GAP: usize = 3;
/// A cell breaks off where the next word would have fitted within this
/// share of the document's line width: ragged prose never leaves that much.
const ROOM_TO_SPARE: f64 = 0.9;
/// The shortest path that a line of a list of files holds.
const MIN_PATH_CHARS: usize = 8;
/// The fewest path lines in a row that make a list of files.
const MIN_PATH_RUN: usize = 2;
/// The fewest short, broken-off lines that make a table column.
const MIN_TABLE_BREAKS: usize = 3;
/// The most lines between two parts of a table that join it.
const MAX_LINES_BETWEEN: usize = 6;
/// The most words in the label of a definition list entry.
const MAX_LABEL_WORDS: usize = 4;
/// The most characters in the label of a definition list entry.
const MAX_LABEL_CHARS: usize = 32;
/// Below this document line width (columns), short runs prove nothing.
const MIN_DOCUMENT_WIDTH: usize = 40;

static PROMPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\$|#|>>>|%)\s+[\w./~\-]").expect("prompt pattern is valid"));

static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[{}]$|\s\\$|^[^;]*[=(][^;]*;$|^\}|^#!|^//|^/\*)")
        .expect("code pattern is valid")
});

static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^<(?:!--|[?/]?[A-Za-z][\w:.-]*(?:[\s/>]|$)).*>$").expect("markup pattern is valid")
});

static DOT_LEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:\.\s?){4,}|…{2,}|(?:·\s?){3,}|(?:_\s?){4,})\s*[\dIVXivx]{1,4}$")
        .expect("dot leader pattern is valid")
});

static ALIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\S {3,}\S.*\S {3,}\S").expect("aligned columns pattern is valid")
});

/// Which signal, if any, makes one line preformatted on its own.
///
/// ```
/// use textmend::preformatted::is_code_line;
/// assert!(is_code_line("$ LANG=C ls -l foo"));
/// assert!(is_code_line("int main(void) {"));
/// assert!(is_code_line("Introduction . . . . . . 12"));
/// assert!(is_code_line("3、风险提示 ……… 8"));
/// assert!(is_code_line("<!-- comment -->"));
/// assert!(is_code_line("<name attribute=\"value\" />"));
/// assert!(!is_code_line("<3 you>"));
/// assert!(!is_code_line("The shell prompt under GUI"));
/// assert!(!is_code_line("使用 apt(8), aptitude(8) 和 apt-get(8) 的命令。"));
/// ```
pub fn is_code_line(text: &str) -> bool {
    let (first, last) = match (text.chars().next(), text.chars().next_back()) {
        (Some(f), Some(l)) => (f, l),
        _ => return false,
    };
    matches!(first, '$' | '#' | '>' | '%') && PROMPT.is_match(text)
        || (matches!(last, '{' | '}' | ';' | '\\') || matches!(first, '}' | '#' | '/'))
            && CODE.is_match(text)
        || (last.is_ascii_digit() || matches!(last, 'I' | 'V' | 'X' | 'i' | 'v' | 'x'))
            && DOT_LEADER.is_match(text)
        || first == '<' && last == '>' && MARKUP.is_match(text)
}

/// True when one line alone shows it is not prose: code, a command, a
/// contents entry or a table row set with wide gaps.
pub fn looks_preformatted(text: &str) -> bool {
    is_code_line(text) || is_aligned_row(text)
}

/// Does the text end with a URL scheme and its colon (`see: https:`)?
fn ends_with_url_scheme(text: &str) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    last.strip_suffix(':').is_some_and(|scheme| {
        (2..=8).contains(&scheme.len()) && scheme.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// A table row as `pdftotext -layout` sets one: two or more wide gaps.
fn is_aligned_row(text: &str) -> bool {
    // A line with no space at all (most CJK lines) is known by a byte
    // search, before a substring search is set up.
    text.as_bytes().contains(&b' ') && text.contains("   ") && ALIGNED.is_match(text)
}

/// Marks the lines that are preformatted (`line.preformatted`: code,
/// commands, contents entries, layout tables) and the short lines of
/// tables and unmarked lists (`line.stands_alone`: each a block of its own).
pub fn mark_preformatted(lines: &mut [Line]) {
    let visible: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].removed && !lines[i].is_blank())
        .collect();
    if visible.is_empty() {
        return;
    }
    let width = document_width(lines, &visible);
    let short = |l: &Line| (l.extent() as f64) < width as f64 * SHORT_SHARE;
    // A blank line separates v-1 and v; a page break alone does not part a
    // listing, whose lines are written out together across it.
    let blank_before: Vec<bool> = visible
        .iter()
        .enumerate()
        .map(|(v, &i)| v == 0 || (visible[v - 1] + 1..i).any(|j| lines[j].is_blank()))
        .collect();
    // A gap (blank line or page break) separates v-1 and v.
    let gap_before: Vec<bool> = visible
        .iter()
        .enumerate()
        .map(|(v, &i)| blank_before[v] || lines[visible[v - 1]].page != lines[i].page)
        .collect();

    let mut pre = vec![false; visible.len()];
    for (v, &i) in visible.iter().enumerate() {
        let line = &lines[i];
        // `//www.example.org/` after a line ending `https:` is the rest of
        // a URL, not a comment.
        let url_rest = v > 0
            && line.text.starts_with("//")
            && ends_with_url_scheme(&lines[visible[v - 1]].text);
        pre[v] = !line.fake_bold && !url_rest && looks_preformatted(&line.text);
    }

    // Short runs.
    let mut alone = vec![false; visible.len()];
    if width >= MIN_DOCUMENT_WIDTH {
        let candidate = |l: &Line| short(l) && !l.fake_bold && !is_list_item(&l.text);
        let mut v = 0;
        while v < visible.len() {
            if !candidate(&lines[visible[v]]) {
                v += 1;
                continue;
            }
            let start = v;
            let mut end = v + 1;
            while end < visible.len() && !gap_before[end] && candidate(&lines[visible[end]]) {
                end += 1;
            }
            let run = &visible[start..end];
            let unpunctuated = run
                .iter()
                .filter(|&&i| !ends_sentence(&lines[i].text))
                .count();
            // A justified Chinese or Japanese paragraph ends on a sentence
            // end, so a short line of it that a full line runs into and that
            // ends no sentence is a cell, not that paragraph's last line.
            let continues_sentence = start > 0 && !gap_before[start] && {
                let before = &lines[visible[start - 1]];
                let first = &lines[run[0]].text;
                !short(before)
                    && !ends_sentence(&before.text)
                    && (ends_sentence(first) || !first.chars().any(is_cjk))
            };
            // No cell ends inside a word that the next cell finishes.
            let splits_word = run
                .windows(2)
                .any(|pair| splits_katakana_word(&lines[pair[0]].text, &lines[pair[1]].text));
            if run.len() >= MIN_RUN
                && unpunctuated * 3 >= run.len() * 2
                && !continues_sentence
                && !splits_word
                && !reads_as_prose(lines, run, width)
            {
                alone[start..end].iter_mut().for_each(|p| *p = true);
            }
            v = end;
        }
    }

    if width >= MIN_DOCUMENT_WIDTH {
        mark_table_columns(lines, &visible, &gap_before, width, &mut alone);
    }
    mark_path_lists(lines, &visible, &gap_before, &mut alone);
    mark_labelled_lines(lines, &visible, &gap_before, &mut alone);
    fill_between_table_parts(lines, &visible, &mut alone);

    // Neighbours: short unpunctuated lines touching a listing join it, and
    // so does a line of a command's output that leads on to another.
    // Each line read once for its symbols: the passes ask of most lines
    // twice.
    let dense_lines: Vec<bool> = visible.iter().map(|&i| is_dense(&lines[i])).collect();
    let dense = |v: usize| dense_lines[v];
    let mut led = vec![false; visible.len()];
    for forward in [true, false] {
        let order: Vec<usize> = if forward {
            (1..visible.len()).collect()
        } else {
            (0..visible.len().saturating_sub(1)).rev().collect()
        };
        for v in order {
            let (other, touching) = if forward {
                (v - 1, !blank_before[v])
            } else {
                (v + 1, !blank_before[v + 1])
            };
            let line = &lines[visible[v]];
            let leads_to_output = forward
                && v + 1 < visible.len()
                && !blank_before[v + 1]
                && dense(v + 1)
                && is_listing_neighbour(&lines[visible[v + 1]], true);
            // A line that a sentence runs into or out of is prose.
            let in_sentence = if forward {
                v + 1 < visible.len() && !blank_before[v + 1] && !pre[v + 1] && !dense(v + 1) && {
                    let next = &lines[visible[v + 1]];
                    next.first_char().is_some_and(char::is_lowercase)
                }
            } else {
                v > 0 && !blank_before[v] && !pre[v - 1] && {
                    let before = &lines[visible[v - 1]];
                    !ends_sentence(&before.text) && !before.text.ends_with([':', '：'])
                }
            };
            if pre[other]
                && touching
                && !pre[v]
                && !in_sentence
                && is_listing_neighbour(line, dense(v) || leads_to_output)
            {
                pre[v] = true;
                led[v] = leads_to_output && !is_listing_neighbour(line, dense(v));
            }
        }
    }
    // A line taken in only for the output it leads to stays out when that
    // output did not join the listing after all.
    for v in (0..visible.len().saturating_sub(1)).rev() {
        if led[v] && !pre[v + 1] {
            pre[v] = false;
        }
    }

    for (v, &i) in visible.iter().enumerate() {
        lines[i].preformatted = pre[v];
        lines[i].stands_alone = alone[v] && !pre[v];
    }
}

/// Marks the lines of a table column that pdftotext or pdfminer wrote one
/// cell per line, cells that wrap included: a stretch of lines with no
/// sentence end in which short lines that break off with room for the next
/// word keep recurring (at most [`MAX_CELL_GAP`] full lines apart), since prose only
/// breaks a line short where a paragraph or a heading ends.
fn mark_table_columns(
    lines: &[Line],
    visible: &[usize],
    gap_before: &[bool],
    width: usize,
    alone: &mut [bool],
) {
    let short = |l: &Line| (l.extent() as f64) < width as f64 * SHORT_SHARE;
    let eligible = |l: &Line| !l.fake_bold && !is_list_item(&l.text) && !ends_sentence(&l.text);
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

/// Marks the few lines (at most [`MAX_LINES_BETWEEN`], none ending a
/// sentence) that lie between two parts of a table, blank lines included:
/// an extractor that puts blank lines inside a table cuts it into parts
/// that each look too short to be one, and a cell there is no sentence.
fn fill_between_table_parts(lines: &[Line], visible: &[usize], alone: &mut [bool]) {
    let cell = |v: usize| {
        let line = &lines[visible[v]];
        !line.fake_bold && !is_list_item(&line.text) && !ends_sentence(&line.text)
    };
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

/// Marks runs of lines that are each one path (`/var/lib/dpkg/info/x.prerm`,
/// `C:\\Windows\\win.ini`, quoted or not): a list of files, one per line,
/// which no sentence is written as.
fn mark_path_lists(lines: &[Line], visible: &[usize], gap_before: &[bool], alone: &mut [bool]) {
    let is_path = |v: usize| {
        let text = &lines[visible[v]].text;
        text.chars().count() >= MIN_PATH_CHARS
            && !text.contains(char::is_whitespace)
            && text.contains(['/', '\\'])
            && !ends_sentence(text)
    };
    let mut v = 0;
    while v < visible.len() {
        let start = v;
        while v < visible.len() && is_path(v) && (v == start || !gap_before[v]) {
            v += 1;
        }
        if v - start >= MIN_PATH_RUN {
            alone[start..v].iter_mut().for_each(|a| *a = true);
        }
        v = v.max(start + 1);
    }
}

/// Marks the entries of a definition list or a record: [`MIN_RUN`] or more
/// lines in a row that each begin with a label and a colon. Prose rarely
/// starts three lines running with `Word:`; a wrapped entry's end is left
/// to the other signals.
fn mark_labelled_lines(lines: &[Line], visible: &[usize], gap_before: &[bool], alone: &mut [bool]) {
    let labelled = |v: usize| starts_with_label(&lines[visible[v]].text);
    let mut v = 0;
    while v < visible.len() {
        let start = v;
        while v < visible.len() && labelled(v) && (v == start || !gap_before[v]) {
            v += 1;
        }
        if v - start >= MIN_RUN {
            alone[start..v].iter_mut().for_each(|a| *a = true);
        }
        v = v.max(start + 1);
    }
}

/// Does the line begin with a short label (at most [`MAX_LABEL_WORDS`]
/// words and [`MAX_LABEL_CHARS`] characters, no sentence end in it)
/// followed by a colon and a space or the line's end?
pub(crate) fn starts_with_label(text: &str) -> bool {
    let Some(colon) = text.find([':', '：']) else {
        return false;
    };
    let (label, rest) = (text[..colon].trim(), &text[colon..]);
    // An ASCII colon ends a label only before a space (`10:30`, `http://`
    // are not labels); a full-width one needs none.
    let ends_label = rest.starts_with('：')
        || rest[1..].is_empty()
        || rest[1..].starts_with(char::is_whitespace);
    ends_label
        && !label.is_empty()
        && label.chars().count() <= MAX_LABEL_CHARS
        && label.split_whitespace().count() <= MAX_LABEL_WORDS
        && !label.contains(['.', '。', '!', '?', '！', '？', ',', '，', ';', '；'])
}

/// Does a run of short lines read as a column of prose: nearly as wide as
/// the document's lines, most of
/// its lines (but the last) nearly as wide as the widest, as the lines of
/// a justified or ragged column are and a table's cells are not, and (in
/// scripts with case) most lines after the first continuing in lower case?
fn reads_as_prose(lines: &[Line], run: &[usize], document_width: usize) -> bool {
    let (mut upper, mut lower) = (0, 0);
    for &i in &run[1..] {
        match lines[i].first_char() {
            Some(c) if c.is_uppercase() => upper += 1,
            Some(c) if c.is_lowercase() => lower += 1,
            _ => {}
        }
    }
    if upper > lower {
        return false;
    }
    // Chinese and Japanese are set justified, so only a column of nearly
    // equal lines reads as prose there; spaced scripts wrap raggedly.
    let cjk_lines = run
        .iter()
        .filter(|&&i| lines[i].text.chars().take(8).any(is_cjk))
        .count();
    let justified = cjk_lines * 2 >= run.len();
    let share = if justified {
        JUSTIFIED_WIDTH_SHARE
    } else {
        PROSE_WIDTH_SHARE
    };
    let widest = run.iter().map(|&i| lines[i].extent()).max().unwrap_or(0);
    // A prose column is as wide as the document's text (or is the
    // document's text, in a multi-column layout); a table's column is not.
    if widest * 4 < document_width * 3 {
        return false;
    }
    let body = &run[..run.len() - 1];
    let full = body
        .iter()
        .filter(|&&i| lines[i].extent() as f64 >= widest as f64 * share)
        .count();
    full * 3 >= body.len() * 2
}

/// Could this line belong to a listing it touches: short (in absolute
/// terms, so that the decision does not move when the text around it is
/// reflowed) or `machine_like`, not a sentence, no heading, and written in
/// a script that code and command output use?
fn is_listing_neighbour(line: &Line, machine_like: bool) -> bool {
    (line.width <= MAX_LISTING_NEIGHBOUR_WIDTH || machine_like)
        && !line.fake_bold
        && !ends_sentence(&line.text)
        && !line.text.chars().any(|c| {
            matches!(
                classify(c),
                CharClass::Han | CharClass::Kana | CharClass::Hangul
            )
        })
}

/// Is the line dense with digits and symbols, as command output is
/// (`rtt min/avg/max/mdev = 191.332/191.332/0.000 ms`) and prose, even
/// prose full of paths and URLs, rarely is?
fn is_dense(line: &Line) -> bool {
    let (mut symbols, mut visible) = (0, 0);
    if line.text.is_ascii() {
        // The same count bytewise: ASCII white space is tab to carriage
        // return and the space, ASCII letters are the alphabetic ones.
        for b in line.text.bytes() {
            if !matches!(b, b'\t'..=b'\r' | b' ') {
                visible += 1;
                symbols += usize::from(!b.is_ascii_alphabetic());
            }
        }
        return visible > 0 && symbols as f64 >= visible as f64 * DENSE_SHARE;
    }
    for c in line.text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        if !crate::script::is_alphabetic(c) {
            symbols += 1;
        }
    }
    visible > 0 && symbols as f64 >= visible as f64 * DENSE_SHARE
}

/// The document's line width: the width that the most text reaches.
fn document_width(lines: &[Line], visible: &[usize]) -> usize {
    let mut widths: Vec<usize> = visible.iter().map(|&i| lines[i].extent()).collect();
    widths.sort_unstable_by(|a, b| b.cmp(a));
    // The width that holds the most text: lines within a tenth of it,
    // times the width. On a page of tables the justified prose lines win
    // over the many short cells; a few overlong lines (a paragraph the
    // extractor wrote on one line) do not outweigh the column.
    let mut best = (0, 0);
    let mut end = 0;
    for (k, &w) in widths.iter().enumerate() {
        end = end.max(k);
        while end < widths.len() && widths[end] * 10 >= w * 9 {
            end += 1;
        }
        let score = (end - k) * w;
        if score > best.0 {
            best = (score, w);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::EditLog;
    use crate::line::split_lines;

    /// Each line with whether it keeps its line (preformatted or alone).
    fn marked(input: &str) -> Vec<(String, bool)> {
        let mut lines = split_lines(input, &mut EditLog::default());
        mark_preformatted(&mut lines);
        lines
            .into_iter()
            .filter(|l| !l.is_blank())
            .map(|l| (l.text.into_owned(), l.preformatted || l.stands_alone))
            .collect()
    }

    const PROSE: &str = "The hardware devices are just another kind of file on the system, and a user may need to join a group.";

    #[test]
    fn a_shell_session_is_preformatted() {
        let input = format!(
            "{PROSE}\n$ LANG=C ls -l foo\n-rw-rw-r-- 1 penguin penguin 0 Oct 16 21:35 foo\n{PROSE}"
        );
        let m = marked(&input);
        assert!(!m[0].1 && m[1].1 && m[2].1 && !m[3].1);
    }

    #[test]
    fn table_cells_one_per_line_are_preformatted() {
        let input = format!("{PROSE}\ngroup\ndialout\ndip\n42\ncdrom\n\n{PROSE}");
        let m = marked(&input);
        assert!(m[1..6].iter().all(|(_, p)| *p), "{m:?}");
        assert!(!m[0].1 && !m[6].1);
    }

    #[test]
    fn words_broken_out_of_a_justified_sentence_stay_prose() {
        let input = format!(
            "Alternatively, you may dynamically add the users to their groups during the authentication process by\nadding\nthe\nline\nto the file. {PROSE}"
        );
        assert!(marked(&input).iter().all(|(_, p)| !p));
    }

    #[test]
    fn a_table_column_with_wrapped_cells_keeps_its_lines() {
        let input = format!(
            "{PROSE}\ndescription\nps(1): report a snapshot of the current processes\ntop(1): display processes sorted by their use of the processor\niostat(1), mpstat(1): report statistics for the tasks and\ndevices\nkill(1): send a signal to a process\n\n{PROSE}"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept, [false, true, true, true, true, true, true, false]);
    }

    #[test]
    fn long_lines_of_command_output_stay_with_their_command() {
        let input = format!(
            "{PROSE}\n$ ping -c 1 host.example.org\nPING host.example.org (2001:db8::1:3e) 56 data bytes from the host\n64 bytes from host.example.org (2001:db8::1:3e): icmp_seq=1 ttl=47 time=191 ms\n--- host.example.org ping statistics --- 1 packets transmitted, 1 received\nrtt min/avg/max/mdev = 191.332/191.332/191.332/0.000 ms\n\n{PROSE}"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept, [false, true, true, true, true, true, false]);
    }

    /// Four full lines of Chinese prose that set the document's width.
    const PROSE_ZH: &str = "下面列出的工具可以把各种格式的文档转换成纯文本，转换以后的文件可以直接用\n搜索命令查找，也可以送进其他的文本处理程序里继续加工和整理，这样一来\n无论原来的文档是什么格式，都可以用同一套工具处理。选择工具的时候，要看原来\n的文档是用什么程序写的，以及转换以后是否需要保留原有的格式。";

    #[test]
    fn short_chinese_cells_after_full_ones_keep_their_lines() {
        let input = format!(
            "{PROSE_ZH}\n\n转化 MSWord 文件到纯文本或者 TeX 文件，并且保留原有的段落格式\n从一个 HTML 文件里面删除标记标签\n从开放文档格式到文本格式\n从 PostScript 文件导出文本\n"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept[4..], [false, true, true, true]);
    }

    #[test]
    fn a_chinese_paragraph_end_after_a_full_line_stays_prose() {
        let input = format!(
            "{PROSE_ZH}\n\n系统启动的时候，进程会尝试启动默认的目标单元，它通常是到图形界面目标\n的符号链接。\n首先，\n一些特殊的目标单元，\n比如本地文件系统、\n"
        );
        assert!(
            marked(&input).iter().all(|(_, p)| !p),
            "{:?}",
            marked(&input)
        );
    }

    #[test]
    fn the_rest_of_a_url_and_a_word_split_across_lines_are_prose() {
        let input = format!(
            "{PROSE}\nFor a general overview of the upgrade, see: https:\n//www.debian.org/releases/bookworm/releasenotes\n{PROSE}"
        );
        assert!(
            marked(&input).iter().all(|(_, p)| !p),
            "{:?}",
            marked(&input)
        );
        let input = format!(
            "{PROSE_ZH}\n\n注意\n悪意ある攻撃に対抗するセ\nキュリティー監査ツールとしては信頼できません\n"
        );
        assert!(
            marked(&input).iter().all(|(_, p)| !p),
            "{:?}",
            marked(&input)
        );
    }

    #[test]
    fn a_list_of_paths_keeps_its_lines() {
        let input = format!(
            "{PROSE}\n\"/var/lib/dpkg/info/foo.preinst\"\n/var/lib/dpkg/info/foo.postinst\n{PROSE}\n"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept, [false, true, true, false]);
        // One path on its own is a line of prose.
        let input = format!("{PROSE}\n/var/lib/dpkg/info/foo.preinst\n{PROSE}\n");
        assert!(marked(&input).iter().all(|(_, p)| !p));
    }

    #[test]
    fn ragged_prose_is_not_a_table_column() {
        let input = "When you store old reports for many\nyears, the space they take adds up\nquickly, and most of them are\nnever read again after the first\nmonth. Compressing them with a\ntool that your readers already\nhave keeps them usable without any\nnew software on their machines.";
        assert!(marked(input).iter().all(|(_, p)| !p));
    }

    #[test]
    fn narrow_columns_are_not_tables() {
        let input = "第一行文字\n第二行文字\n第三行文字\n第四行文字";
        assert!(marked(input).iter().all(|(_, p)| !p));
    }

    #[test]
    fn a_narrow_column_of_prose_is_not_a_table() {
        // A three-column page: a few lines run across, most are the column.
        let column = "Never share the root password with\nothers, and keep it in a safe\nplace at all times, as the\nmanual says it should be kept.\n";
        let input = format!("{PROSE}\n{}", column.repeat(4));
        assert!(marked(&input).iter().all(|(_, p)| !p));
    }

    #[test]
    fn a_line_ending_in_a_semicolon_is_not_code_by_itself() {
        assert!(!is_code_line("--compare-versions 7.0 gt 7.~pre1 ;"));
        assert!(is_code_line("x = f(y);"));
    }

    #[test]
    fn contents_lines_are_preformatted() {
        let m = marked("Introduction . . . . . . . 1\nGetting started . . . . . 7");
        assert!(m.iter().all(|(_, p)| *p));
    }

    #[test]
    fn lines_that_each_begin_with_a_label_are_entries() {
        let input = format!(
            "{PROSE}\nnice(1): run a program with a modified scheduling priority, lower or higher than the default\nrenice(1): modify the scheduling priority of a running process or of all processes of a user\nat(1) or batch(1): run a job at a specified time, or when the load average drops below a level\n{PROSE}"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept, [false, true, true, true, false]);
        // Two such lines, or a colon that is not a label's, prove nothing.
        let input = format!("{PROSE}\nNote: the list is long\nTip: read it twice\n{PROSE}");
        assert!(marked(&input).iter().all(|(_, p)| !p));
        assert!(!starts_with_label("Meet at 10:30 in the hall"));
        assert!(!starts_with_label("see http://example.org for more"));
        assert!(!starts_with_label("This is one sentence. Then: another"));
        assert!(starts_with_label("说明：显示内存的使用情况"));
    }

    #[test]
    fn a_table_column_runs_on_to_the_gap_that_ends_it() {
        // The last two cells fill their lines, and no sentence ends before
        // the blank line.
        let input = format!(
            "{PROSE}\nkeyword\nhtml→text\nodt→text\nps→text\ntext→html\nconvert many source files to HTML, XHTML, RTF, LaTeX or TeX with highlighting for forty\nlanguages, from C to Haskell, with colours chosen by a style sheet of the reader\n\n{PROSE}"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(
            kept,
            [false, true, true, true, true, true, true, true, false]
        );
    }

    #[test]
    fn lines_between_two_parts_of_a_table_belong_to_it() {
        let input = "说明\n把文件“data”压缩为“data.gz”\n把“data.gz”解压为“data”\n把文件“data”压缩为“data.bz2”（压缩效果比 gzip 更好，但速度\n较慢）\n\n把“data.bz2”解压为“data”\n\n把文件“data”压缩为“data.xz”，压缩效果比前两种更好一些\n列出压缩档案“data.tar.gz”中的全部文件名和目录名\n检查压缩档案“data.zip”是否完整，并报告出错的文件\n把目录“docs”打包并压缩成“docs.tar.gz”\n把“docs.tar.gz”解开到当前目录\n列出“docs.tar.gz”里的文件\n\n本节介绍的命令在所有发行版中都可以使用，读者可以放心地在自己的系统中尝试它们，不必担心破坏数据。这些命令都有详细的手册页面，可以随时查阅。";
        let kept: Vec<bool> = marked(input).into_iter().map(|(_, p)| p).collect();
        let last = kept.len() - 1;
        assert!(kept[..last].iter().all(|&p| p), "{kept:?}");
        assert!(!kept[last]);
    }
}
