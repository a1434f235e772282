//! Fake bold across lines: a heading line written again on the next lines
//! (`fake-bold-repeated-lines`), judged alone when it is long enough and by
//! the document's other headings when it is short. A value written twice
//! between cells of its own shape (`text→html` / `text→any` / `text→any` /
//! `text→html`) is a table column's, and stays.

use super::one_line::{
    MAX_REPEATED_HEADING_WIDTH, MIN_TRIPLED_UNIT_WIDTH, asks, dedupe_text_of,
    has_two_distinct_chars, repeated_unit, repeated_whole,
};
use crate::text::edit::{EditLog, Rule};
use crate::text::line::Line;
use crate::text::script::{ends_sentence, is_word_char};

/// Removes fake-bold duplication from every line, and copies of a short
/// heading line written on consecutive lines. Marks the surviving line
/// `fake_bold`, and removed copies `removed`.
pub fn dedupe_lines(lines: &mut [Line], log: &mut EditLog) {
    // Right under a fake-bold line, a line drawn twice is that heading's
    // last line, even when it ends with a question mark (`느릴까요?느릴까요?`),
    // which a line on its own may do as speech; and a line that is as many
    // copies of a unit as the heading was drawn times is its wrapped
    // remainder, however short (`態態態` under a heading drawn three times).
    let mut under_heading = false;
    let mut heading_copies = 0;
    for line in lines.iter_mut() {
        if line.is_blank() || line.page_break_before {
            under_heading = false;
        }
        if line.is_blank() {
            continue;
        }
        let remainder = |text: &str| {
            repeated_unit(text, |unit, k| {
                k == heading_copies && unit.chars().any(is_word_char) && !ends_sentence(unit)
            })
        };
        let deduped = dedupe_text_of(line).or_else(|| {
            under_heading
                .then(|| repeated_whole(&line.text, true).or_else(|| remainder(&line.text)))
                .flatten()
                .map(|unit| (unit, Rule::FakeBoldLine))
        });
        heading_copies = 0;
        if let Some((text, rule)) = deduped {
            heading_copies = copies_drawn(&line.text, &text);
            log.push(line.content.clone(), text.clone(), rule);
            line.set_text(text);
            line.fake_bold = true;
        }
        under_heading = line.fake_bold;
    }
    remove_repeated_copies(lines, log);
}

/// How many times a fake-bold line drew its text: the written line's
/// letters over the repaired line's, to the nearest whole number.
fn copies_drawn(written: &str, repaired: &str) -> usize {
    let count = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
    let once = count(repaired).max(1);
    (count(written) + once / 2) / once
}

/// Removes the copies of a short heading line written on consecutive lines
/// (lines already removed do not part them). Run again once the furniture
/// is gone: copies that a page number parted stand together in the
/// repaired text, and a second repair would find them.
///
/// ```text
/// 1. First item        1. First item
/// 1                →
/// 1. First item
/// ```
///
/// A heading too short to tell from a writer's repetition by itself
/// (`沙盒` twice, `沙盒沙盒`, a question on two lines above a paragraph that
/// goes on), or one that wraps and
/// comes back block by block (`Port`⏎`forwarding`⏎`Port`⏎`forwarding`), is
/// fake bold when the document draws other headings that way (a line bold
/// by itself, or another such line of other words written twice) and the
/// line stands between paragraphs: the line before it ends a sentence or is a
/// heading, or there is none. `研究研究` inside a sentence, and `谢谢` twice
/// in a text with no fake bold, stay.
pub fn remove_repeated_copies(lines: &mut [Line], log: &mut EditLog) {
    let mut i = 0;
    let mut after_heading = false;
    // Whether the lines before `i` end in a listing's output, read up to
    // `scanned` (each line read once).
    let (mut after_listing, mut scanned) = (false, 0);
    // Copies of headings too short to judge alone, and blocks of lines
    // written twice: the document decides them once its headings are known.
    let mut short: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    while i < lines.len() {
        // Read only where a line has copies: most lines have none.
        let listing_above = |lines: &[Line]| {
            while scanned < i {
                after_listing = ends_listing_output(&lines[scanned], after_listing);
                scanned += 1;
            }
            after_listing
        };
        let (copies, heading) = repeated_copies(lines, i, after_heading, listing_above);
        let next = copies.last().map_or(i + 1, |&last| last + 1);
        after_heading = heading;
        if heading {
            remove_copies(lines, &[i], &copies, log);
        } else if !copies.is_empty() {
            short.push((vec![i], copies));
        } else if let Some((block, copies)) = block_copies(lines, i) {
            i = copies.last().map_or(next, |&last| last + 1);
            short.push((block, copies));
            continue;
        }
        i = next;
    }
    // The document draws its headings in fake bold: some line is bold by
    // itself, or two different lines are each written twice where a
    // heading stands (a writer repeats one line, not one per section).
    let standing: Vec<&str> = short
        .iter()
        .filter(|(originals, _)| between_paragraphs(lines, originals[0]))
        .map(|(originals, _)| lines[originals[0]].text.as_ref())
        .collect();
    let drawn_twice = standing.iter().any(|&text| text != standing[0]);
    if !drawn_twice && !lines.iter().any(|l| l.fake_bold) {
        return;
    }
    for (originals, copies) in short {
        if between_paragraphs(lines, originals[0]) {
            // Removed like furniture, not as part of the heading's block:
            // the heading's own text, repaired alone, is the heading.
            remove_copies(lines, &originals, &copies, log);
            for copy in copies {
                lines[copy].copy = false;
            }
        }
    }
    for i in 0..lines.len() {
        let line = &lines[i];
        if line.removed || line.fake_bold || line.is_blank() {
            continue;
        }
        // Copies with a space between them may be a name (`Bora Bora`).
        // Most lines are no copies: asked before where the line stands.
        let unit = repeated_unit(&line.text, |unit, k| {
            unit.len() * k == line.text.len() && is_short_heading(unit)
        });
        if let Some(unit) = unit.filter(|_| between_paragraphs(lines, i)) {
            log.push(lines[i].content.clone(), unit.clone(), Rule::FakeBoldLine);
            lines[i].set_text(unit);
            lines[i].fake_bold = true;
        }
    }
}

/// Marks `copies` removed as copies of `originals`, which are fake bold.
fn remove_copies(lines: &mut [Line], originals: &[usize], copies: &[usize], log: &mut EditLog) {
    for &copy in copies {
        lines[copy].removed = true;
        lines[copy].copy = true;
        log.push(lines[copy].range.clone(), "", Rule::FakeBoldRepeatedLines);
    }
    for &original in originals {
        lines[original].fake_bold = true;
    }
}

/// Is line `i` a paragraph of its own's worth of position: no line before
/// it in the text, or one that ends a sentence or is a heading?
fn between_paragraphs(lines: &[Line], i: usize) -> bool {
    lines[..i]
        .iter()
        .rfind(|l| l.is_shown())
        .is_none_or(|before| before.ends_sentence() || before.fake_bold)
}

/// A unit that reads as a short heading: two or more letters, not all the
/// same, with no sentence ending (a question said twice after a paragraph
/// may be speech).
fn is_short_heading(unit: &str) -> bool {
    let unit = unit.trim();
    unit.chars().filter(|&c| is_word_char(c)).count() >= 2
        && has_two_distinct_chars(unit)
        && !ends_sentence(unit)
        && !crate::layout::preformatted::looks_preformatted(unit)
}

/// Is line `start` a question (drawn again as `copies`) with a paragraph
/// under it: the next line is wider than the question and does not end a
/// sentence, so the text under it goes on, as a section's does? A
/// question said twice and answered (`정말 그런가요?` twice, `네.`) is
/// speech.
fn asks_above_a_paragraph(lines: &[Line], start: usize, copies: &[usize]) -> bool {
    let question = &lines[start];
    let after = copies.last().map_or(start, |&last| last) + 1;
    let next = lines[after.min(lines.len())..]
        .iter()
        .find(|l| l.is_shown());
    asks(&question.text)
        && question.text.chars().filter(|&c| is_word_char(c)).count() >= 2
        && next.is_some_and(|l| l.width > question.width && !l.ends_sentence())
}

/// Two or three short lines from `start` written again right after
/// themselves (blank lines aside), as a heading that wraps comes when
/// its copies are drawn block by block: the lines and their copies.
fn block_copies(lines: &[Line], start: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    if lines[start].removed || lines[start].is_blank() {
        return None;
    }
    let mut visible = [0usize; 6];
    let mut count = 0;
    let next = (start..lines.len())
        .filter(|&j| lines[j].is_shown())
        .take_while(|&j| j == start || !lines[j].page_break_before)
        .take(visible.len());
    for j in next {
        visible[count] = j;
        count += 1;
        // Most lines are not written again two or three lines on: asked
        // before the lines after those are looked for.
        let again = |k: usize| lines[visible[k]].text == lines[start].text;
        if count == 4 && !again(2) && !again(3) {
            return None;
        }
    }
    for k in [3usize, 2] {
        if count < 2 * k || lines[visible[0]].text != lines[visible[k]].text {
            continue;
        }
        let (block, again) = (&visible[..k], &visible[k..2 * k]);
        let same = block
            .iter()
            .zip(again)
            .all(|(&a, &b)| lines[a].text == lines[b].text);
        let distinct = block
            .iter()
            .enumerate()
            .all(|(n, &a)| block[..n].iter().all(|&b| lines[b].text != lines[a].text));
        let width: usize = block.iter().map(|&a| lines[a].width + 1).sum();
        let heading_like = block.iter().all(|&a| {
            !lines[a].ends_sentence()
                && !crate::layout::preformatted::line_looks_preformatted(&lines[a])
        });
        // Words, not number cells.
        let letters: usize = block
            .iter()
            .map(|&a| lines[a].text.chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        if same && distinct && heading_like && letters >= 4 && width <= MAX_REPEATED_HEADING_WIDTH {
            return Some((block.to_vec(), again.to_vec()));
        }
    }
    None
}

/// Is the line at `start`, written again as `copies`, a value that a
/// table column repeats: the lines right above it and right below its
/// copies (no blank line between) are cells of its own shape, and that
/// shape holds a digit or a sign, which a column of values shares and a
/// heading does not share with the lines around it (`text→html` /
/// `text→any` / `text→any` / `text→html`), and those cells are written
/// once (where every value is written twice, the column is drawn twice)?
fn repeats_a_cell(lines: &[Line], start: usize, copies: &[usize]) -> bool {
    let last = copies.last().map_or(start, |&last| last);
    let (Some(above), Some(below)) = (start.checked_sub(1), lines.get(last + 1)) else {
        return false;
    };
    let text = &lines[start].text;
    let signed = || {
        text.chars()
            .any(|c| !c.is_alphabetic() && !c.is_whitespace())
    };
    let cell = |line: &Line| !line.is_blank() && !line.removed && same_shape(&line.text, text);
    // A column whose every value is written twice is drawn twice, not
    // repeating a value: the cells around the line are written once.
    let once = |at: usize, next: Option<usize>| {
        next.and_then(|n| lines.get(n))
            .is_none_or(|other| other.text != lines[at].text)
    };
    // Equal texts are told apart before shapes are read.
    once(above, above.checked_sub(1))
        && once(last + 1, Some(last + 2))
        && signed()
        && cell(&lines[above])
        && cell(below)
}

/// Do two texts have the same shape: the same runs of capitals, small
/// letters, other letters, digits and signs, whatever their lengths?
fn same_shape(a: &str, b: &str) -> bool {
    fn class(c: char) -> char {
        if c.is_uppercase() {
            'A'
        } else if c.is_lowercase() {
            'a'
        } else if c.is_alphabetic() {
            'L'
        } else if c.is_numeric() {
            '9'
        } else {
            c
        }
    }
    fn runs(text: &str) -> impl Iterator<Item = char> + '_ {
        let mut last = None;
        text.trim().chars().map(class).filter(move |&k| {
            let new = last != Some(k);
            last = Some(k);
            new
        })
    }
    runs(a).eq(runs(b))
}

/// Do the lines up to and including `line` end in a listing or the
/// output of a command written in it, given whether the lines before it
/// do (`above`)? The output runs on, as the repaired text has it, over
/// short lines that the listing takes in as its neighbours (no sentence,
/// no heading, no CJK), back to a line that looks like a listing's, with
/// no blank line between. A line the listing leaves out is set apart from
/// it in the repaired text, and ends the output there.
fn ends_listing_output(line: &Line, above: bool) -> bool {
    use crate::layout::preformatted::{is_listing_neighbour, line_looks_preformatted};
    if line.removed {
        above
    } else if line.is_blank() {
        false
    } else if line_looks_preformatted(line) {
        true
    } else if line.width > MAX_REPEATED_HEADING_WIDTH || !is_listing_neighbour(line, false) {
        false
    } else {
        above
    }
}

/// The copies of the line at `start` written right after it (a heading
/// drawn in fake bold line by line), if any.
///
/// `after_listing` says whether the lines before `start` end in a
/// command's output ([`ends_listing_output`]); it is asked only when the
/// line has copies.
///
/// Returns the copies and whether they are a heading's by their size
/// alone; copies of a line that is heading-like but too short for that
/// come with `false`, for the document to decide.
fn repeated_copies(
    lines: &[Line],
    start: usize,
    after_heading: bool,
    after_listing: impl FnOnce(&[Line]) -> bool,
) -> (Vec<usize>, bool) {
    let first = &lines[start];
    if first.is_blank() || first.removed {
        return (Vec::new(), false);
    }
    let mut copies = Vec::new();
    let mut j = start + 1;
    while j < lines.len() && copies.len() < 3 && !lines[j].page_break_before {
        if lines[j].removed {
            // Gone from the repaired text (furniture, an earlier copy).
        } else if lines[j].text == first.text {
            copies.push(j);
        } else if !crate::layout::furniture::is_page_number(&lines[j].text) {
            break;
        }
        j += 1;
    }
    if copies.is_empty() {
        return (copies, false);
    }
    // Listings repeat lines on purpose (`}`, a contents entry per part),
    // and so does the output of a command written above them
    // ([`ends_listing_output`]); a table column repeats a value.
    if after_listing(lines)
        || crate::layout::preformatted::line_looks_preformatted(first)
        || repeats_a_cell(lines, start, &copies)
    {
        return (Vec::new(), false);
    }
    let letters = first.text.chars().filter(|&c| is_word_char(c)).count();
    // `할당하나요?` twice, under the rest of its heading.
    let heading_like = first.width <= MAX_REPEATED_HEADING_WIDTH
        && (!first.ends_sentence() || after_heading && asks(&first.text));
    let keep = match copies.len() + 1 {
        2 => (letters >= 4 || after_heading && letters >= 1) && heading_like,
        3 => letters >= 2 && first.width >= MIN_TRIPLED_UNIT_WIDTH || after_heading && letters >= 1,
        _ => false,
    };
    if keep {
        (copies, true)
    } else if copies.len() < 3
        && first.width <= MAX_REPEATED_HEADING_WIDTH
        && (is_short_heading(&first.text) || asks_above_a_paragraph(lines, start, &copies))
    {
        (copies, false)
    } else {
        (Vec::new(), false)
    }
}
