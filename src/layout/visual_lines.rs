//! Justified lines written a word per line: some extractors (PyMuPDF and
//! pdfminer among them) write each word of a stretched, justified line as a
//! line of its own, ending in the space that followed it on the page.
//!
//! ```text
//! Please ⏎                                   Please read the manual
//! read ⏎                                →    before you start.
//! the ⏎
//! manual⏎
//! before you start.⏎
//! ```
//!
//! A line that ends in a space and holds one word (or words set apart by
//! the wide gaps of a stretched line) is a piece of a longer line: the
//! visual line goes on with the next line of text (blank lines between the
//! pieces are the extractor's separators), and ends with the first line
//! that has no trailing space, itself one word or words set apart by wide
//! gaps. The rebuilt line must fit the page's column:
//! no wider than the width the page's other lines reach (the tenth widest
//! of them), with a tenth more for the slack of a stretched line.
//!
//! A line written whole with a stretched line's gaps (three words or more,
//! two spaces or more between each: `The  daemon  accepts  tunnel  requests`)
//! is marked stretched too, where such lines are a minority of the page's.
//!
//! A line of nothing but spaces between two pieces is the gap between two
//! words of the stretched line, written as a line of its own (`執⏎行⏎ ⏎“sudo ⏎`
//! → `執行 “sudo`). A rebuilt line is marked stretched: justification
//! stretches every line of a paragraph but its last, so the paragraph goes
//! on after it.
//!
//! Chinese and Japanese have no spaces to stretch, so a justified line of
//! them comes a character per line: two or more consecutive lines that
//! each hold one character of a script written without spaces (not all the
//! same character, which is fake bold, and not all punctuation, which no
//! line is made of) are joined with nothing between
//! them (a word ending in a space before them takes them on). They need
//! no measure of the page: the repaired text never holds two such lines
//! in a row, so a second repair finds none.
//!
//! Refused: a page where lines ending in a space are not a minority (trailing
//! spaces there are the writer's habit, not an extractor's pieces), a line
//! of words set with single spaces (an ordinary line that happens to end
//! in a space), a piece that would overflow the column, a join across a
//! page break, a join with a line that does not follow in the input
//! (columns read in order), and column pieces that `-layout` text was
//! split into.
//!
//! The repaired text has no trailing spaces, so a second repair finds no
//! pieces. `O(n)` in the number of lines.

use crate::text::edit::{EditLog, Rule};
use crate::text::line::{Line, SpaceRuns, is_column_piece, is_stretched_prose, tenth_widest};
use crate::text::script::{ClassSet, is_spaceless};
use std::borrow::Cow;

/// Rebuilds the visual lines that an extractor wrote a word per line, in
/// place; each join is logged as [`Rule::WordPerLine`].
///
/// ```
/// use textmend::text::edit::EditLog;
/// use textmend::text::line::split_lines;
/// use textmend::layout::visual_lines::rebuild_visual_lines;
/// let input = "The daemon accepts protocol version two only, and\nrefuses clients that offer the first version.\nPlease \nread \nthe \nmanual\nbefore you start.\n";
/// let mut log = EditLog::default();
/// let mut lines = split_lines(input, &mut log);
/// rebuild_visual_lines(input, &mut lines, &mut log);
/// let texts: Vec<&str> = lines.iter().map(|l| &*l.text).collect();
/// assert_eq!(texts[2..], ["Please read the manual", "before you start."]);
/// ```
pub fn rebuild_visual_lines<'a>(input: &'a str, lines: &mut Vec<Line<'a>>, log: &mut EditLog) {
    mark_spaced_lines(input, lines);
    let pieces = piece_marks(input, lines);
    if !pieces.iter().any(|&p| p) {
        return;
    }
    let columns = page_columns(lines, &pieces);
    let mut pieces_per_page = vec![0usize; columns.len()];
    let mut lines_per_page = vec![0usize; columns.len()];
    for (line, &piece) in lines.iter().zip(&pieces).filter(|(l, _)| !l.is_blank()) {
        if let Some(count) = lines_per_page.get_mut(line.page) {
            *count += 1;
        }
        // Only trailing spaces can be a writer's habit.
        let spaced_piece = piece && ends_in_space(line);
        if let Some(count) = pieces_per_page.get_mut(line.page).filter(|_| spaced_piece) {
            *count += 1;
        }
    }
    let mut out: Vec<Line<'a>> = Vec::with_capacity(lines.len());
    let mut rest = std::mem::take(lines).into_iter().zip(pieces).peekable();
    while let Some((mut line, piece)) = rest.next() {
        let column = columns.get(line.page).copied().unwrap_or(0);
        // The width a rebuilt line may reach: the column and a tenth.
        let limit = column + column / 10;
        let page = line.page;
        let minority = pieces_per_page.get(page).copied().unwrap_or(0) * 2
            < lines_per_page.get(page).copied().unwrap_or(0);
        let mut blanks = Vec::new();
        // Whether the last input line joined so far is a piece, and
        // whether it ended in a space.
        let mut spaced = ends_in_space(&line);
        let mut goes_on = piece && (minority || !spaced);
        while goes_on {
            // The next line of text on the same page, past blank lines.
            while rest
                .peek()
                .is_some_and(|(l, _)| l.is_blank() && l.page == line.page && !l.page_break_before)
            {
                blanks.extend(rest.next().map(|(l, _)| l));
            }
            // A line of nothing but spaces between two pieces is the gap
            // between two words of the stretched line.
            let gap_line = matches!(blanks.as_slice(), [gap] if !gap.range.is_empty());
            let separator = if spaced || gap_line { " " } else { "" };
            let joins = rest.peek().is_some_and(|(next, next_piece)| {
                let follows = next.page == line.page
                    && next.range.start > line.range.end
                    && !next.page_break_before
                    && !next.is_blank()
                    && is_whole_line(input, next);
                if spaced {
                    follows
                        && !has_single_spaces(&input[next.content.clone()])
                        && line.width + 1 + next.width <= limit
                } else {
                    // A character of a line written a character per line
                    // goes on only with the next such character, or with
                    // the next piece across a gap line.
                    follows
                        && *next_piece
                        && (blanks.is_empty() && !ends_in_space(next) || gap_line)
                }
            });
            if !joins {
                break;
            }
            let Some((next, next_piece)) = rest.next() else {
                break;
            };
            goes_on = next_piece;
            blanks.clear();
            log.push(
                line.content.end..next.content.start,
                separator,
                Rule::WordPerLine,
            );
            let mut text = line.text.into_owned();
            text.push_str(separator);
            text.push_str(&next.text);
            line.range.end = next.range.end;
            line.content.end = next.content.end;
            line.width += separator.len() + next.width;
            line.classes = line.classes | ClassSet::of(separator) | next.classes;
            line.spaces = SpaceRuns::of(&text);
            line.text = Cow::Owned(text);
            line.stretched = true;
            spaced = ends_in_space(&line);
        }
        out.push(line);
        out.append(&mut blanks);
    }
    *lines = out;
}

/// Marks as stretched the lines that an extractor wrote with a justified
/// line's stretched gaps: three words or more, every gap between them
/// two spaces or more, letters in every word, on a page where such lines
/// are a minority of the lines of three words or more (a page spaced so
/// throughout is set that way, as `-layout` text or a table is).
fn mark_spaced_lines(input: &str, lines: &mut [Line]) {
    // Most documents hold no two spaces in a row at all.
    if !lines.iter().any(|l| l.spaces.has_double_space()) {
        return;
    }
    let pages = lines.last().map_or(0, |l| l.page + 1);
    let mut counts = vec![(0usize, 0usize); pages];
    let spaced: Vec<bool> = lines
        .iter()
        .map(|line| {
            let three_words = line.text.split_whitespace().nth(2).is_some();
            // Every gap opens with two ASCII spaces: an ideographic space
            // is a repaired paragraph's own.
            let spaced = three_words
                && line.spaces.has_double_space()
                && is_whole_line(input, line)
                && is_stretched_prose(&line.text)
                && line
                    .text
                    .split(|c: char| !c.is_whitespace())
                    .filter(|gap| !gap.is_empty())
                    .all(|gap| gap.starts_with("  "));
            if let Some(count) = counts.get_mut(line.page).filter(|_| three_words) {
                count.0 += usize::from(spaced);
                count.1 += 1;
            }
            spaced
        })
        .collect();
    for (line, spaced) in lines.iter_mut().zip(spaced) {
        let minority = counts
            .get(line.page)
            .is_some_and(|&(spaced, all)| spaced * 2 < all);
        line.stretched |= spaced && minority;
    }
}

/// Which lines are pieces of a longer line: a word (or words set apart by
/// wide gaps) ending in a space, or one of two or more consecutive lines
/// that each hold one character of a script written without spaces, not
/// all the same character (the same character drawn again is fake bold)
/// and not all signs.
fn piece_marks(input: &str, lines: &[Line]) -> Vec<bool> {
    let mut marks: Vec<bool> = lines.iter().map(|l| is_piece(input, l)).collect();
    let single = |line: &Line| -> Option<char> {
        let mut chars = line.text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if is_spaceless(c) && is_whole_line(input, line) => Some(c),
            _ => None,
        }
    };
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = single(&lines[i]) else {
            i += 1;
            continue;
        };
        // The run of one-character lines from `i`.
        let (mut end, mut count, mut varied) = (i + 1, 1, false);
        let mut lettered = crate::text::script::is_alphabetic(first);
        let mut last = i;
        while end < lines.len() {
            let line = &lines[end];
            if line.page != lines[i].page || line.page_break_before {
                break;
            }
            match single(line) {
                Some(c) => {
                    varied |= c != first;
                    lettered |= crate::text::script::is_alphabetic(c);
                    count += 1;
                    last = end;
                    end += 1;
                }
                None => break,
            }
        }
        // A line of text holds letters: a run of signs alone (`，` / `（`)
        // is no line's pieces.
        if count >= 2 && varied && lettered {
            for mark in &mut marks[i..=last] {
                *mark = true;
            }
        }
        i = last + 1;
    }
    marks
}

/// Does the line's text end in white space in the input?
fn ends_in_space(line: &Line) -> bool {
    line.content.end < line.range.end
}

/// Does the line end in white space that the extractor left after a word,
/// with a line break after it (not a column piece cut at a gutter), and
/// hold one word or words set apart by wide gaps?
fn is_piece(input: &str, line: &Line) -> bool {
    !line.is_blank()
        && ends_in_space(line)
        && is_whole_line(input, line)
        && !has_single_spaces(&input[line.content.clone()])
}

/// Does the text hold two words set apart by a single space?
fn has_single_spaces(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(at, &b)| {
        b == b' '
            && at > 0
            && bytes[at - 1] != b' '
            && bytes.get(at + 1).is_some_and(|&next| next != b' ')
    })
}

/// Is the line a whole input line, not a column piece that `-layout`
/// text was split into?
fn is_whole_line(input: &str, line: &Line) -> bool {
    !is_column_piece(input, &line.range)
}

/// The width each page's lines reach: the tenth widest of the lines that
/// are not pieces (a line or two written overlong do not widen it).
fn page_columns(lines: &[Line], pieces: &[bool]) -> Vec<usize> {
    let pages = lines.last().map_or(0, |l| l.page + 1);
    let mut widths: Vec<Vec<usize>> = vec![Vec::new(); pages];
    for (line, &piece) in lines.iter().zip(pieces) {
        if !line.is_blank() && !piece {
            if let Some(page) = widths.get_mut(line.page) {
                page.push(line.extent());
            }
        }
    }
    widths
        .into_iter()
        .map(|mut page| tenth_widest(&mut page))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::line::split_lines;

    fn rebuilt(input: &str) -> Vec<String> {
        let mut log = EditLog::default();
        let mut lines = crate::text::line::split_lines_in_order(input, &mut log, |rows| {
            crate::layout::columns::reading_order(input, rows)
        });
        rebuild_visual_lines(input, &mut lines, &mut log);
        lines.into_iter().map(|l| l.text.into_owned()).collect()
    }

    const BODY: &str =
        "A column of text set in a justified way,\nwith lines of much the same width, so that\n";

    #[test]
    fn words_written_a_line_each_are_one_line() {
        let input = format!("{BODY}its \nwords \nare \nspread\nout again.");
        assert_eq!(rebuilt(&input)[2..], ["its words are spread", "out again."]);
    }

    #[test]
    fn blank_lines_between_pieces_are_separators() {
        let input = format!("{BODY}\nits \n\nwords \n\nspread\n\nagain.");
        let lines = rebuilt(&input);
        assert!(lines.contains(&"its words spread".to_string()), "{lines:?}");
        assert!(lines.contains(&"again.".to_string()));
    }

    #[test]
    fn a_piece_never_overflows_the_column() {
        // Every line carries a trailing space and fills the column: no two
        // of them fit on one line.
        let input = "A column of text set in a justified way, \nwith lines of much the same width, so \nthat no two of them fit on one line. \n";
        assert_eq!(rebuilt(input).len(), 3);
    }

    #[test]
    fn a_visual_line_ends_with_a_word_not_a_sentence() {
        let input = format!("{BODY}Summary \nEach owner reports.\n");
        assert_eq!(rebuilt(&input)[2..], ["Summary", "Each owner reports."]);
    }

    #[test]
    fn an_ordinary_line_ending_in_a_space_is_no_piece() {
        let input = format!("{BODY}Next steps \nEach owner reports.\n");
        assert_eq!(rebuilt(&input).len(), 4);
    }

    #[test]
    fn words_set_apart_by_wide_gaps_are_a_piece() {
        let input = format!("{BODY}Please  start \nreading\nhere.\n");
        assert_eq!(rebuilt(&input)[2], "Please  start reading");
    }

    #[test]
    fn a_line_of_spaces_between_pieces_is_their_gap() {
        let input = "穩定版的安全更新在修正完成後立即發布，套件管理\n員會把它們和其他更新一起安裝。出門以前請先\n執\n行\n \n“apt \nlist \n--upgradable”\n查看尚未安裝的更新。\n";
        let lines = rebuilt(input);
        assert!(
            lines.contains(&"執行 “apt list --upgradable”".to_string()),
            "{lines:?}"
        );
    }

    #[test]
    fn a_line_of_spaces_between_whole_lines_stays_blank() {
        let input = format!("{BODY}\n \nits words\n");
        let lines = rebuilt(&input);
        assert_eq!(lines.len(), 4, "{lines:?}");
    }

    /// The lines marked stretched once `input`'s visual lines are rebuilt.
    fn stretched(input: &str) -> Vec<String> {
        let mut log = EditLog::default();
        let mut lines = split_lines(input, &mut log);
        rebuild_visual_lines(input, &mut lines, &mut log);
        lines
            .into_iter()
            .filter(|l| l.stretched)
            .map(|l| l.text.into_owned())
            .collect()
    }

    #[test]
    fn only_rebuilt_lines_are_stretched() {
        let input = format!("{BODY}its \nwords \nare \nspread\nout again.");
        assert_eq!(stretched(&input), ["its words are spread"]);
    }

    #[test]
    fn a_line_written_with_stretched_gaps_is_stretched() {
        let input = format!(
            "{BODY}{BODY}The  daemon  accepts  tunnel  requests\nPort  forwarding\nthe  list  of  items\n"
        );
        assert_eq!(
            stretched(&input),
            [
                "The  daemon  accepts  tunnel  requests",
                "the  list  of  items"
            ]
        );
        // A page written so throughout is spaced that way.
        let spaced = "The  daemon  accepts  tunnel  requests\nfrom  its  clients  once  the\noption  is  set.\n";
        assert!(stretched(spaced).is_empty());
    }

    #[test]
    fn trailing_spaces_on_most_lines_are_a_habit() {
        let input = "Short \nlines \nwith \nspaces\n";
        assert_eq!(rebuilt(input).len(), 4);
    }

    #[test]
    fn characters_written_a_line_each_are_one_line() {
        let input = "主题教育在基层开展以来，全市各级党组织\n认真组织学习，把理论学习同调查研究\n结合起来，\n深\n入\n基\n层\n调查研究，解决群众最关心的问题，\n把学习成果转化为工作成效。\n";
        let lines = rebuilt(input);
        assert!(lines.iter().any(|l| l.starts_with("深入基层")), "{lines:?}");
        assert!(!lines.contains(&"深".to_string()));
    }

    #[test]
    fn signs_a_line_each_are_no_pieces() {
        let lines = rebuilt("{\n，\n（\n");
        assert_eq!(lines, ["{", "，", "（"], "{lines:?}");
    }

    #[test]
    fn one_character_drawn_again_is_no_piece() {
        let input = "主题教育在基层开展以来，全市各级党组织\n认真组织学习的状\n态\n态\n各级党组织认真组织学习。\n";
        let lines = rebuilt(input);
        assert_eq!(lines.iter().filter(|l| *l == "态").count(), 2, "{lines:?}");
    }

    #[test]
    fn a_column_piece_is_no_piece() {
        let input = "the left column goes on here   alpha \nthe left column runs on here   beta \nthe left column still runs on   gamma \nthe left column ends there      delta\n";
        let lines = rebuilt(input);
        assert!(lines.contains(&"alpha".to_string()), "{lines:?}");
        assert!(lines.contains(&"beta".to_string()), "{lines:?}");
    }

    #[test]
    fn pieces_stay_on_their_page() {
        let input = format!("{BODY}its \n\u{c}words\n");
        let lines = rebuilt(&input);
        assert!(lines.contains(&"its".to_string()) && lines.contains(&"words".to_string()));
    }

    #[test]
    fn text_without_trailing_spaces_is_untouched() {
        let input = format!("{BODY}short\nlines\n");
        assert_eq!(rebuilt(&input).len(), 4);
    }

    #[test]
    fn each_join_is_logged() {
        let input = format!("{BODY}its \nwords\n");
        let mut log = EditLog::default();
        let mut lines = split_lines(&input, &mut log);
        rebuild_visual_lines(&input, &mut lines, &mut log);
        let edits = log.into_sorted();
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].rule, Rule::WordPerLine);
        assert_eq!(&input[edits[0].range.clone()], " \n");
    }
}
