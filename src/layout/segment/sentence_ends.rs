//! Whether a page's sentences end its paragraphs more often than they go
//! on inside them, and on a page that indents its paragraphs' first
//! lines, the indent that says so instead.

use super::visible::{Visible, next_word_fits};
use crate::text::line::Line;
use crate::text::script::is_closing;

/// The script whose punctuation ends a sentence.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stop {
    /// `.`, `!` or `?`, before a space and a capital inside a line.
    Latin,
    /// `。`, `！` or `？`, before more text inside a line.
    Wide,
}

/// What a page shows about where its sentences end, for Latin and CJK
/// sentences apart: does a sentence end its paragraph more often than
/// not?
///
/// A line that ends a sentence and fills the column gives no sign of its
/// own: the next sentence may start a paragraph or go on in this one. The
/// page answers for it. Its sentence ends that can be placed are those
/// inside a line (the paragraph went on: `… modules. The udev …`) and
/// those at the end of a line with room left for the next word (the
/// paragraph ended there). Where the second outnumber the first (a page
/// of one-sentence paragraphs, list items and table cells, as a browser
/// prints a manual), a full line that ends a sentence ends its paragraph
/// too:
///
/// ```text
/// (a page of short paragraphs, each ending with room to spare)
/// …may resolve these issues by reconstructing "modules.dep".   …"modules.dep".
/// The modinfo(8) program shows information about a        →
/// Linux kernel module.                                          The modinfo(8) program…
/// ```
///
/// Where sentences mostly go on inside lines (prose with paragraphs of
/// several sentences), such a line goes on as before. Where most of the
/// paragraph ends placed come before a line indented past the page's
/// margin, the page marks its paragraphs' first lines, and the next
/// line's indent decides (one-line paragraphs, each indented as far,
/// show no deeper indent from line to line):
///
/// ```text
///     It reads its configuration file once.             It reads its configuration file once.
///     A change takes effect at the next start of the →
/// daemon, as its manual says, and not before then.      A change takes effect … not before
/// Afterwards the daemon writes a line to its log.       then. Afterwards the daemon writes…
/// ```
///
/// The repaired text has no line ends inside paragraphs, so a second
/// repair places no sentence end at one and changes nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct SentenceEnds {
    latin_end_paragraphs: bool,
    wide_end_paragraphs: bool,
    /// The page's margin, where the page indents most first lines past it.
    indented_margin: Option<usize>,
}

impl SentenceEnds {
    /// Counts the page's placed sentence ends. `O(n)` in its text.
    pub(super) fn measure(visible: &[Visible<'_>]) -> Self {
        // Indexed by `Stop as usize`.
        let mut inside = [0usize; 2];
        let mut at_paragraph_end = [0usize; 2];
        // Paragraph ends placed before a line indented past the page's
        // margin (the indent of its least indented line).
        let margin = visible
            .iter()
            .filter(|v| !v.line.preformatted)
            .map(|v| v.line.indent)
            .min()
            .unwrap_or(0);
        let mut indented_starts = 0usize;
        for (i, pair) in visible.windows(2).enumerate() {
            let (prev, cur) = (&pair[0], &pair[1]);
            // A line drawn twice is a bold heading, not a paragraph's end.
            let drawn_twice = cur.line.text == prev.line.text
                || i > 0 && visible[i - 1].line.text == prev.line.text;
            if cur.gap_before
                || prev.line.preformatted
                || prev.line.fake_bold
                || drawn_twice
                || !prev.ends_sentence
            {
                continue;
            }
            if let Some(stop) = final_stop(&prev.line.text)
                && next_word_fits(prev, cur)
            {
                at_paragraph_end[stop as usize] += 1;
                indented_starts += usize::from(cur.line.indent > margin);
            }
        }
        // A page that indents most of its paragraphs' first lines shows
        // where each starts.
        let indented_margin =
            (indented_starts * 2 > at_paragraph_end.iter().sum()).then_some(margin);
        // The sentences that end inside lines are counted only until they
        // are as many as those at paragraph ends, for both stops: each
        // verdict below is settled then (no), however many more there are.
        // Prose, whose sentences mostly end inside lines, settles early.
        let settled = |inside: &[usize; 2]| (0..2).all(|k| inside[k] >= at_paragraph_end[k]);
        for v in visible.iter().filter(|v| !v.line.preformatted) {
            if settled(&inside) {
                break;
            }
            for stop in stops_inside(&v.line.text) {
                inside[stop as usize] += 1;
            }
        }
        let latin = Stop::Latin as usize;
        let wide = Stop::Wide as usize;
        Self {
            latin_end_paragraphs: at_paragraph_end[latin] > inside[latin],
            wide_end_paragraphs: at_paragraph_end[wide] > inside[wide],
            indented_margin,
        }
    }

    /// Does the sentence that `line` ends (at a full line) end its
    /// paragraph, as most of the page's sentences do?
    /// On a page that indents first lines, the indent answers instead:
    /// the sentence ends its paragraph where `next` is indented past the
    /// page's margin.
    pub(super) fn end_paragraph(&self, line: &str, next: &Line<'_>) -> bool {
        if let Some(margin) = self.indented_margin {
            return final_stop(line).is_some() && next.indent > margin;
        }
        match final_stop(line) {
            Some(Stop::Latin) => self.latin_end_paragraphs,
            Some(Stop::Wide) => self.wide_end_paragraphs,
            None => false,
        }
    }
}

/// The sentence punctuation that ends `line`, closing quotes and brackets
/// aside.
fn final_stop(line: &str) -> Option<Stop> {
    let trimmed = line.trim_end_matches(|c: char| is_closing(c) || c.is_whitespace());
    match trimmed.chars().next_back()? {
        '.' | '!' | '?' => Some(Stop::Latin),
        '。' | '！' | '？' => Some(Stop::Wide),
        _ => None,
    }
}

/// The sentence ends inside a line: a full stop, question or exclamation
/// mark before a space and a capital, or a CJK one before more text. Byte
/// searches find the marks (ASCII, or led by 0xE3 or 0xEF) without
/// reading the characters between them.
fn stops_inside(text: &str) -> impl Iterator<Item = Stop> + '_ {
    let bytes = text.as_bytes();
    let latin = memchr::memchr3_iter(b'.', b'!', b'?', bytes).filter(move |&i| {
        bytes.get(i + 1) == Some(&b' ')
            && text
                .get(i + 2..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_uppercase)
    });
    let wide = memchr::memchr2_iter(0xE3, 0xEF, bytes).filter(move |&i| {
        let rest = &text[i..];
        ['。', '！', '？']
            .into_iter()
            .find(|&c| rest.starts_with(c))
            .and_then(|c| rest[c.len_utf8()..].chars().next())
            .is_some_and(|n| !is_closing(n))
    });
    latin.map(|_| Stop::Latin).chain(wide.map(|_| Stop::Wide))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_inside_lines_are_found_by_script() {
        let stops: Vec<Stop> =
            stops_inside("It runs. Then it stops. After that, e.g. here").collect();
        assert_eq!(stops, [Stop::Latin, Stop::Latin]);
        let stops: Vec<Stop> = stops_inside("它运行。然后停止。").collect();
        assert_eq!(stops, [Stop::Wide]);
        assert_eq!(stops_inside("version 2.6 of it").count(), 0);
        assert_eq!(stops_inside("“好。”他说").count(), 0);
    }

    #[test]
    fn a_line_ends_a_latin_or_a_wide_sentence() {
        assert_eq!(final_stop("the end.)"), Some(Stop::Latin));
        assert_eq!(final_stop("结束。」"), Some(Stop::Wide));
        assert_eq!(final_stop("and then"), None);
    }
}
