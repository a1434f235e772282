//! What a run of lines shows: short lines that do not read as prose, lists
//! of paths, labelled lines, the neighbours of a listing; and the stage that
//! marks lines from every signal.

use super::one_line::{ends_with_url_scheme, line_looks_preformatted};
use super::table_columns::{
    SHORT_SHARE, fill_between_table_parts, mark_next_columns, mark_table_columns,
};
use crate::text::line::{Line, is_list_item, is_stretched_prose};
use crate::text::script::{
    CharClass, classify, display_width, ends_sentence, is_cjk, is_spaceless, splits_katakana_word,
};
use memchr::memmem;
use std::cell::OnceCell;
use std::ops::Range;

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
/// The shortest path that a line of a list of files holds.
const MIN_PATH_CHARS: usize = 8;
/// The fewest path lines in a row that make a list of files.
const MIN_PATH_RUN: usize = 2;
/// The most words in the label of a definition list entry.
const MAX_LABEL_WORDS: usize = 4;
/// The most characters in the label of a definition list entry.
const MAX_LABEL_CHARS: usize = 32;
/// Below this document line width (columns), short runs prove nothing.
const MIN_DOCUMENT_WIDTH: usize = 40;

/// Marks the lines that are preformatted (`line.preformatted`: code,
/// commands, contents entries, layout tables) and the short lines of
/// tables and unmarked lists (`line.stands_alone`: each a block of its own).
pub fn mark_preformatted(lines: &mut [Line]) {
    let visible: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].is_shown()).collect();
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
        pre[v] = !line.fake_bold && !url_rest && line_looks_preformatted(line);
    }
    // Rows of a table whose cells are set apart by tabs (as spreadsheets
    // and some extractors write them) keep their lines and their tabs, and
    // so do the lines of a quotation that email marks line by line.
    let tabbed = |v: usize| lines[visible[v]].spaces.has_tab();
    mark_runs(&gap_before, 2, tabbed, &mut pre);
    let quoted = |v: usize| is_quoted_line(&lines[visible[v]].text);
    mark_runs(&gap_before, 2, quoted, &mut pre);
    mark_two_cell_rows(lines, &visible, &gap_before, &mut pre);
    // Records that each begin with a time stamp (a log), and rows of
    // comma- or semicolon-separated values.
    let stamped = |v: usize| starts_with_time_stamp(&lines[visible[v]].text);
    mark_runs(&gap_before, 2, stamped, &mut pre);
    mark_separated_values(lines, &visible, &gap_before, &mut pre);
    mark_fenced_code(lines, &visible, &mut pre);
    mark_contents_entries(lines, &visible, &gap_before, &mut pre);
    // A justified line of prose that `-layout` stretched to its column's
    // width looks like a row of one-word cells; it runs into a line of
    // prose mid-sentence (read from the end, so that two stretched lines
    // in a row run into the prose after them).
    for v in (0..visible.len().saturating_sub(1)).rev() {
        if pre[v] && !blank_before[v + 1] && !pre[v + 1] {
            let (line, next) = (&lines[visible[v]], &lines[visible[v + 1]]);
            if is_stretched_prose(&line.text) && runs_into_prose(&line.text, &next.text) {
                pre[v] = false;
            }
        }
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
    mark_next_columns(lines, &visible, &gap_before, &mut alone);

    // Neighbours: short unpunctuated lines touching a listing join it, and
    // so does a line of a command's output that leads on to another.
    // Only lines next to a listing are asked about, and a line asked
    // about is read once for its symbols (the passes may ask twice).
    let dense_lines: Vec<OnceCell<bool>> = vec![OnceCell::new(); visible.len()];
    let dense = |v: usize| *dense_lines[v].get_or_init(|| is_dense(&lines[visible[v]]));
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
            // Only a line that touches a listing can join it.
            if !(pre[other] && touching && !pre[v]) {
                continue;
            }
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
            if !in_sentence && is_listing_neighbour(line, dense(v) || leads_to_output) {
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

    // A stretched, justified line is prose filled to its column, no cell.
    for (v, &i) in visible.iter().enumerate() {
        lines[i].preformatted = pre[v];
        lines[i].stands_alone = alone[v] && !pre[v] && !lines[i].stretched;
    }
}

/// Does the line start with the mark that email sets before each line of
/// a quotation (`> `, `>> `, or `>` alone on an empty quoted line)?
fn is_quoted_line(text: &str) -> bool {
    let rest = text.trim_start_matches('>');
    rest.len() < text.len() && (rest.is_empty() || rest.starts_with(' '))
}

/// Does a sentence run on from `line` into `next`, a line of words that
/// is no row, or a paragraph's last word that ends the sentence
/// (`configuration.`): `line` ends in no sentence punctuation? A table's
/// one-word cell ends none.
fn runs_into_prose(line: &str, next: &str) -> bool {
    let next = next.trim();
    !ends_sentence(line)
        && !line.trim_end().ends_with([':', '：'])
        && (next.contains(' ') || ends_sentence(next))
}

/// Marks runs of lines that are each one path (`/var/lib/dpkg/info/x.prerm`,
/// `C:\\Windows\\win.ini`, quoted or not): a list of files, one per line,
/// which no sentence is written as. A path is one word: it holds no white
/// space, and no Chinese or Japanese either, which write whole sentences
/// without spaces (`系统启动时，"/run"目录挂载为tmpfs。这`); and it ends
/// the line, where a sentence that names files one after another ends each
/// with a comma (`"~/.gnupg/*",` / `"~/.ssh/*",`).
fn mark_path_lists(lines: &[Line], visible: &[usize], gap_before: &[bool], alone: &mut [bool]) {
    let is_path = |v: usize| {
        let text = &lines[visible[v]].text;
        // Most lines hold no slash or backslash, and a byte search finds
        // that before their characters are counted and read.
        memchr::memchr2(b'/', b'\\', text.as_bytes()).is_some()
            && text.chars().count() >= MIN_PATH_CHARS
            && !text.contains(char::is_whitespace)
            && !text.chars().any(is_spaceless)
            && !ends_sentence(text)
            && !text.ends_with([',', ';'])
    };
    mark_runs(gap_before, MIN_PATH_RUN, is_path, alone);
}

/// Marks the entries of a definition list or a record: [`MIN_RUN`] or more
/// lines in a row that each begin with a label and a colon. Prose rarely
/// starts three lines running with `Word:`; a wrapped entry's end is left
/// to the other signals.
fn mark_labelled_lines(lines: &[Line], visible: &[usize], gap_before: &[bool], alone: &mut [bool]) {
    let labelled = |v: usize| starts_with_label(&lines[visible[v]].text);
    mark_runs(gap_before, MIN_RUN, labelled, alone);
}

/// A row of a table of two columns (`Apples          3.20`): the line's
/// text holds one run of three spaces or more and no other run of two.
#[derive(Clone, Copy)]
struct TwoCellRow {
    /// Where the first cell ends (its display column, indentation
    /// included).
    first_end: usize,
    /// Where the second cell starts.
    second_start: usize,
    /// Where the second cell ends.
    second_end: usize,
}

impl TwoCellRow {
    fn of(line: &Line) -> Option<Self> {
        if !line.spaces.has_triple_space() || line.spaces.has_tab() {
            return None;
        }
        let text = &line.text;
        let at = memmem::find(text.as_bytes(), b"   ")?;
        let end = at + text[at..].bytes().take_while(|&b| b == b' ').count();
        if text[..at].contains("  ") || text[end..].contains("  ") || end == text.len() {
            return None;
        }
        Some(TwoCellRow {
            first_end: line.indent + display_width(&text[..at]),
            second_start: line.indent + display_width(&text[..end]),
            second_end: line.indent + line.width,
        })
    }
}

/// Marks the rows of a table of two columns, one row a line: three or more
/// lines in a row that are each two cells a wide gap apart
/// ([`TwoCellRow`]), whose second cells start at one column (or end at
/// one, numbers set flush right), and whose first cells on most rows stop
/// short of half the way to the second (a label and its value, not two
/// columns of prose a narrow gutter apart):
///
/// ```text
/// Apples          3.20
/// Pears           2.10
/// Cherries       12.40
/// ```
fn mark_two_cell_rows(lines: &[Line], visible: &[usize], gap_before: &[bool], pre: &mut [bool]) {
    let rows: Vec<Option<TwoCellRow>> =
        visible.iter().map(|&i| TwoCellRow::of(&lines[i])).collect();
    for run in runs_of(&rows, gap_before, |_, _| true) {
        let cells: Vec<TwoCellRow> = rows[run.clone()].iter().flatten().copied().collect();
        let first = cells[0];
        let aligned = cells.iter().all(|r| r.second_start == first.second_start)
            || cells.iter().all(|r| r.second_end == first.second_end);
        let labels = cells
            .iter()
            .filter(|r| r.first_end * 2 < r.second_start)
            .count();
        if cells.len() >= MIN_RUN && aligned && labels * 2 > cells.len() {
            pre[run].fill(true);
        }
    }
}

/// The runs of items in a row, no gap between them, where each item goes
/// on from the one before it (`goes_on(before, next)`); a line that is no
/// item (`None`) ends a run.
fn runs_of<T: Copy>(
    items: &[Option<T>],
    gap_before: &[bool],
    goes_on: impl Fn(T, T) -> bool,
) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut v = 0;
    while v < items.len() {
        let Some(mut before) = items[v] else {
            v += 1;
            continue;
        };
        let mut end = v + 1;
        while let Some(Some(next)) = items.get(end) {
            if gap_before[end] || !goes_on(before, *next) {
                break;
            }
            before = *next;
            end += 1;
        }
        runs.push(v..end);
        v = end;
    }
    runs
}

/// Does the line begin with a date and a time, or a time, as a log
/// writes them (`2026-12-05 07:51:02 INFO …`, `[07:51:02] …`,
/// `2026-12-05T07:51:02Z …`)?
fn starts_with_time_stamp(text: &str) -> bool {
    let text = text.strip_prefix('[').unwrap_or(text).as_bytes();
    // `d` a digit, `.` any separator of the pattern, the rest as written.
    let fits = |pattern: &[u8]| {
        text.len() >= pattern.len()
            && pattern.iter().zip(text).all(|(&p, &b)| match p {
                b'd' => b.is_ascii_digit(),
                b'.' => matches!(b, b' ' | b'T'),
                _ => p == b,
            })
    };
    fits(b"dddd-dd-dd.dd:dd") || fits(b"dd:dd:dd")
}

/// How many separators a row of comma- (or semicolon-) separated values
/// holds, or `None` when the line is no such row: two or more of them, none
/// followed by a space (prose puts one after its commas), and one at least
/// beside a character that is no digit (`1,000,000` is a number).
fn separated_values(text: &str) -> Option<(u8, usize)> {
    let bytes = text.as_bytes();
    let digit = |at: Option<&u8>| at.is_some_and(u8::is_ascii_digit);
    [b',', b';'].into_iter().find_map(|separator| {
        let (mut count, mut beside_other) = (0, false);
        for at in memchr::memchr_iter(separator, bytes) {
            if bytes.get(at + 1) == Some(&b' ') {
                return None;
            }
            count += 1;
            beside_other |= at == 0 || !digit(bytes.get(at - 1)) || !digit(bytes.get(at + 1));
        }
        (count >= 2 && beside_other).then_some((separator, count))
    })
}

/// Marks the rows of comma- or semicolon-separated values (CSV): two or
/// more lines in a row, with no ideograph, kana or Hangul, that each hold
/// the same number of separators ([`separated_values`]).
fn mark_separated_values(lines: &[Line], visible: &[usize], gap_before: &[bool], pre: &mut [bool]) {
    // Chinese and Japanese text may put ASCII commas between its words
    // with no space after them (`我们,你们,他们`): no row of such text is
    // taken.
    let rows: Vec<Option<(u8, usize)>> = visible
        .iter()
        .map(|&i| {
            let line = &lines[i];
            let cjk = line.classes.has_cjk() || line.classes.contains(CharClass::Hangul);
            (!cjk).then(|| separated_values(&line.text)).flatten()
        })
        .collect();
    for run in runs_of(&rows, gap_before, |before, next| before == next) {
        if run.len() >= 2 {
            pre[run].fill(true);
        }
    }
}

/// The page number of a contents entry written without leader dots
/// (`2.1 Earlier work 6`): a section number (digits with dots between
/// them), a title with a letter in it, and a page number of at most four
/// digits at the end, each a space apart.
fn contents_entry(text: &str) -> Option<u32> {
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (number, rest) = text.split_once(' ')?;
    let number = number.strip_suffix('.').unwrap_or(number);
    let numbered = !number.is_empty()
        && number
            .split('.')
            .all(|part| (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()));
    let (title, page) = rest.trim_end().rsplit_once(' ')?;
    let titled = title.chars().any(char::is_alphabetic);
    let page_number = (page.len() <= 4)
        .then(|| page.parse::<u32>().ok())
        .flatten();
    page_number.filter(|_| numbered && titled)
}

/// Marks the entries of a table of contents written without leader dots:
/// two or more lines in a row that are each a contents entry
/// ([`contents_entry`]), their page numbers never falling
/// (`1 Introduction 1` / `2 Background 5` / `2.1 Earlier work 6`).
fn mark_contents_entries(lines: &[Line], visible: &[usize], gap_before: &[bool], pre: &mut [bool]) {
    let pages: Vec<Option<u32>> = visible
        .iter()
        .map(|&i| contents_entry(&lines[i].text))
        .collect();
    for run in runs_of(&pages, gap_before, |before, next| next >= before) {
        if run.len() >= 2 {
            pre[run].fill(true);
        }
    }
}

/// Is the line a fence of a Markdown code block (three backticks or
/// tildes, an info string after them)?
fn fence(text: &str) -> Option<char> {
    ["```", "~~~"]
        .into_iter()
        .find(|mark| text.starts_with(mark))
        .and_then(|mark| mark.chars().next())
}

/// Marks a code block that Markdown fences (```` ``` ```` or `~~~` above
/// and below it): the fences and every line between them keep their
/// lines. A fence that no other closes marks nothing. `O(n)`: the search
/// for a closing fence starts after the last block, and once a fence finds
/// none, no later fence of its mark is searched for.
fn mark_fenced_code(lines: &[Line], visible: &[usize], pre: &mut [bool]) {
    let mut unclosed: Vec<char> = Vec::new();
    let mut v = 0;
    while v < visible.len() {
        let Some(mark) = fence(&lines[visible[v]].text).filter(|m| !unclosed.contains(m)) else {
            v += 1;
            continue;
        };
        let closing = (v + 1..visible.len()).find(|&w| {
            let text = &lines[visible[w]].text;
            fence(text) == Some(mark) && text.trim_start_matches(mark).is_empty()
        });
        match closing {
            Some(end) => {
                pre[v..=end].fill(true);
                v = end + 1;
            }
            None => {
                unclosed.push(mark);
                v += 1;
            }
        }
    }
}

/// Marks in `marks` each run of `min` or more visible lines in a row, no
/// gap between them, that each pass `test` ([`runs_of`]); each line is
/// tested once.
fn mark_runs(gap_before: &[bool], min: usize, test: impl Fn(usize) -> bool, marks: &mut [bool]) {
    let passes: Vec<Option<()>> = (0..marks.len()).map(|v| test(v).then_some(())).collect();
    for run in runs_of(&passes, gap_before, |_, _| true) {
        if run.len() >= min {
            marks[run].fill(true);
        }
    }
}

/// Does the line begin with a short label (at most [`MAX_LABEL_WORDS`]
/// words and [`MAX_LABEL_CHARS`] characters, no sentence end in it: a
/// full stop inside a file name is none, `lvm.conf(5):`) followed by a
/// colon and a space or the line's end?
pub(crate) fn starts_with_label(text: &str) -> bool {
    let Some(colon) = first_colon(text) else {
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
        && !label.contains(['。', '!', '?', '！', '？', ',', '，', ';', '；'])
        && !ends_a_sentence_inside(label)
}

/// Does a full stop end a sentence inside `label`: one at its end or
/// before a space (`Note. See:`)? A full stop inside a word is a file
/// name's or a version's (`lvm.conf(5):`, `v2.1:`).
fn ends_a_sentence_inside(label: &str) -> bool {
    label.ends_with('.') || label.contains(". ")
}

/// Where the first colon, ASCII or full-width, stands in `text`. One
/// vectorised byte search (memchr's) for `:` and for 0xEF, the lead byte
/// of the full-width colon (U+FF1A) and of the other full-width forms:
/// it stops at the few full-width characters of a line, and costs less
/// than a walk over the characters that compares each with both.
fn first_colon(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b':', 0xEF, bytes)
        .find(|&at| bytes[at] == b':' || bytes[at..].starts_with("：".as_bytes()))
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
pub(crate) fn is_listing_neighbour(line: &Line, machine_like: bool) -> bool {
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
        if !crate::text::script::is_alphabetic(c) {
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

    #[test]
    fn runs_are_marked_where_long_enough_and_unbroken_by_gaps() {
        let passes = [true, true, false, true, true, true, true];
        let gap_before = [false, false, false, false, false, true, false];
        let mut marks = [false; 7];
        mark_runs(&gap_before, 2, |v| passes[v], &mut marks);
        // Lines 3 and 4 are a run, the gap before 5 starts another.
        assert_eq!(marks, [true, true, false, true, true, true, true]);
        let mut marks = [false; 7];
        mark_runs(&gap_before, 3, |v| passes[v], &mut marks);
        assert_eq!(marks, [false; 7]);
    }

    #[test]
    fn the_first_colon_is_found_whichever_kind_comes_first() {
        assert_eq!(first_colon("名称：值 a: b"), Some(6));
        assert_eq!(first_colon("a: b 名称：值"), Some(1));
        assert_eq!(first_colon("名称：值"), Some(6));
        assert_eq!(first_colon("no colon"), None);
        // Other full-width forms share the colon's lead byte.
        assert_eq!(first_colon("名，（值）：b"), Some(15));
        assert_eq!(first_colon("名，值（）"), None);
    }

    #[test]
    fn a_full_stop_inside_a_file_name_ends_no_label() {
        assert!(starts_with_label("lvm.conf(5): configuration file"));
        assert!(!starts_with_label("It ends. See: the manual"));
        assert!(!starts_with_label("Done.: the end"));
    }

    #[test]
    fn a_stretched_line_runs_into_a_last_word_that_ends_its_sentence() {
        assert!(runs_into_prose(
            "add   its   address   to   the",
            "configuration."
        ));
        assert!(!runs_into_prose("Service      Section      State", "cron"));
    }

    #[test]
    fn a_stretched_line_of_words_runs_into_prose() {
        assert!(is_stretched_prose("oldest     copies    when     the"));
        // A cell of two words, or one without letters, is a table's.
        assert!(!is_stretched_prose("tar archive     reads     writes"));
        assert!(!is_stretched_prose("bash     998     7175"));
        assert!(!is_stretched_prose("one     word"));
        assert!(runs_into_prose(
            "oldest     copies    when",
            "the disk is full."
        ));
        assert!(!runs_into_prose("the rows below:", "name value"));
        assert!(!runs_into_prose("it ends here.", "The next one."));
    }
}
