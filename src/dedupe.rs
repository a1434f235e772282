//! Fake-bold duplication: a heading drawn two or three times at a small
//! offset, which extractors write as repeated text.
//!
//! Four shapes are recognised, each its own [`Rule`]:
//!
//! ```text
//! fake-bold-line           不忘初心行致远不忘初心行致远       → 不忘初心行致远
//!                          Annual Report Annual Report       → Annual Report
//! fake-bold-segments       率先垂范率先垂范 先学先改先学先改  → 率先垂范 先学先改
//! fake-bold-interleaved    不不忘忘初初心心                   → 不忘初心
//! fake-bold-repeated-lines Copyright history ⏎ Copyright history → Copyright history
//! ```
//!
//! Legitimate repetition is refused by size: a repeated unit must be at
//! least three ideographs or six Latin letters wide (`谢谢`, `研究研究`,
//! `had had`, `Walla Walla` stay), an interleaved line needs three or more
//! distinct doubled glyphs (`高高兴兴` stays), a repeated unit that ends a
//! sentence is speech, not a heading (`快跑！快跑！` stays), and repeated
//! lines must be short heading-like lines (two long identical body lines
//! need a third copy before they count). A heading too short for these
//! sizes (`沙盒沙盒`), a question drawn twice above a paragraph, and a
//! wrapped heading written again block by block are fake bold when the
//! document draws its other headings that way and the line stands between
//! paragraphs ([`remove_repeated_copies`]).
//!
//! Each line is examined in `O(n)`; the stage is `O(n)` in the input.

use crate::edit::{EditLog, Rule};
use crate::line::Line;
use crate::script::{display_width, ends_sentence, is_word_char};

/// The narrowest repeated unit, in columns, for a doubled line or segment.
const MIN_UNIT_WIDTH: usize = 6;
/// The narrowest repeated unit, in columns, for a tripled line.
const MIN_TRIPLED_UNIT_WIDTH: usize = 4;
/// The narrowest sum of units, in columns, for segment-wise doubling.
const MIN_SEGMENTS_WIDTH: usize = 8;
/// The widest line two copies of which still count as a fake-bold heading.
const MAX_REPEATED_HEADING_WIDTH: usize = 60;

/// Removes fake-bold duplication from one line, or returns `None` when the
/// line is not duplicated.
///
/// ```
/// use textmend::dedupe::dedupe_line;
/// use textmend::edit::Rule;
/// assert_eq!(
///     dedupe_line("率先垂范率先垂范 先学先改先学先改"),
///     Some(("率先垂范 先学先改".to_string(), Rule::FakeBoldSegments))
/// );
/// assert_eq!(dedupe_line("不不忘忘初初心心").map(|d| d.0), Some("不忘初心".to_string()));
/// assert_eq!(dedupe_line("研究研究"), None);
/// assert_eq!(dedupe_line("高高兴兴"), None);
/// ```
pub fn dedupe_line(text: &str) -> Option<(String, Rule)> {
    // A heading drawn twice and then doubled again (`AA AA`) halves until
    // nothing repeats; each round at least halves the line.
    let (mut text, rule) = dedupe_once(text)?;
    while let Some((less, _)) = dedupe_once(&text) {
        text = less;
    }
    Some((text, rule))
}

/// One round of [`dedupe_line`].
fn dedupe_once(text: &str) -> Option<(String, Rule)> {
    // Runs of spaces are one space in the output; judge the line as it
    // will read, so that a second pass finds nothing new.
    let collapsed;
    let text = if text.contains("  ") || text.contains('\t') {
        collapsed = text
            .split([' ', '\t'])
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        collapsed.as_str()
    } else {
        text
    };
    // Every shape repeats the first character: right after it (interleaved)
    // or further on (a repeated line or segment). Most lines do neither.
    let mut iter = text.chars();
    let first = iter.next()?;
    if !iter.as_str().contains(first) {
        return None;
    }
    // Every shape needs four characters.
    text.chars().nth(3)?;
    if let Some(unit) = repeated_whole(text, false) {
        return Some((unit, Rule::FakeBoldLine));
    }
    if let Some(s) = repeated_segments(text) {
        return Some((s, Rule::FakeBoldSegments));
    }
    if let Some(s) = interleaved(text) {
        return Some((s, Rule::FakeBoldInterleaved));
    }
    None
}

/// `t t`, `tt`, `t t t` or `ttt` for a heading-like unit `t`.
///
/// Copies of the same characters have the same bytes, so the copies are
/// compared as byte slices: no copy of the line is made to judge it.
/// With `question_ok`, the unit may be a heading's question (`느릴까요?`).
fn repeated_whole(text: &str, question_ok: bool) -> Option<String> {
    repeated_unit(text, |unit, k| is_heading_unit(unit, k, question_ok))
}

/// The unit of a line that is `k` copies of it (with or without a space
/// between them) that `accept`s the unit for that `k`.
fn repeated_unit(text: &str, accept: impl Fn(&str, usize) -> bool) -> Option<String> {
    let n = text.len();
    for k in [3usize, 2] {
        for sep in [0usize, 1] {
            let total_sep = sep * (k - 1);
            if n < total_sep || (n - total_sep) % k != 0 {
                continue;
            }
            let unit = (n - total_sep) / k;
            if unit == 0 || !text.is_char_boundary(unit) {
                continue;
            }
            let first = &text.as_bytes()[..unit];
            let fits = (1..k).all(|i| {
                let at = i * (unit + sep);
                (sep == 0 || text.as_bytes()[at - 1] == b' ')
                    && &text.as_bytes()[at..at + unit] == first
            });
            if fits && accept(&text[..unit], k) {
                return Some(text[..unit].trim().to_string());
            }
        }
    }
    None
}

/// Is `unit` big and heading-like enough that `k` copies of it in a row
/// are fake bold rather than speech or a reduplicated word?
fn is_heading_unit(unit: &str, k: usize, question_ok: bool) -> bool {
    let unit = unit.trim();
    let min = if k >= 3 {
        MIN_TRIPLED_UNIT_WIDTH
    } else {
        MIN_UNIT_WIDTH
    };
    display_width(unit) >= min
        && unit.chars().filter(|&c| is_word_char(c)).count() >= 2
        && (!ends_sentence(unit) || question_ok && asks(unit))
        && has_two_distinct_chars(unit)
}

/// Does `text` ask a question? A heading may, and its last line, drawn the
/// same way as the lines before, then ends with the question mark.
fn asks(text: &str) -> bool {
    text.trim_end_matches(crate::script::is_closing)
        .ends_with(['?', '？'])
}

fn has_two_distinct_chars(s: &str) -> bool {
    let mut visible = s.chars().filter(|c| !c.is_whitespace());
    visible
        .next()
        .is_some_and(|first| visible.any(|c| c != first))
}

/// Every space-separated segment is itself `uu` (or `uuu`).
///
/// Reduplicated words (`研究研究 讨论讨论`) have the same shape, so a line
/// whose every unit is a two-character Chinese or Japanese word is left
/// alone, and the units must add up to [`MIN_SEGMENTS_WIDTH`] columns,
/// unless they mix a Latin word and a CJK word ([`mixes_scripts`]:
/// `XMLXML 数据数据` → `XML 数据`).
fn repeated_segments(text: &str) -> Option<String> {
    let mut segments = text.split(' ').filter(|s| !s.is_empty());
    segments.next()?;
    segments.next()?;
    for k in [3usize, 2] {
        let mut units: Vec<&str> = Vec::new();
        let mut total = 0;
        let mut all_doubled = true;
        for seg in text.split(' ').filter(|s| !s.is_empty()) {
            match doubled_unit(seg, k) {
                Some(unit) => {
                    total += display_width(unit);
                    units.push(unit);
                }
                None => {
                    all_doubled = false;
                    break;
                }
            }
        }
        let reduplicated_words = units
            .iter()
            .all(|u| u.chars().count() <= 2 && u.chars().all(crate::script::is_cjk));
        if all_doubled
            && (total >= MIN_SEGMENTS_WIDTH || mixes_scripts(&units))
            && !reduplicated_words
        {
            return Some(units.join(" "));
        }
    }
    None
}

/// Do the units mix a Latin word with CJK (`XML 数据`, `top 命令`)? A
/// Latin word written twice without a space (`XMLXML`) is not writing,
/// and next to a CJK word drawn the same way the line is a heading,
/// however short: reduplication doubles words of one script.
fn mixes_scripts(units: &[&str]) -> bool {
    let latin_word =
        |u: &&str| u.chars().count() >= 3 && u.chars().all(|c| c.is_ascii_alphabetic());
    let cjk_word = |u: &&str| u.chars().all(crate::script::is_cjk) && has_two_distinct_chars(u);
    units.iter().any(latin_word) && units.iter().any(cjk_word)
}

/// The unit `u` when `segment` is `u` written `k` times in a row.
fn doubled_unit(segment: &str, k: usize) -> Option<&str> {
    // `1.1.` is a section number, not `1.` drawn twice.
    if crate::segment::is_section_number(segment) || segment.len() % k != 0 {
        return None;
    }
    let unit = segment.len() / k;
    if unit == 0 || !segment.is_char_boundary(unit) {
        return None;
    }
    let first = &segment.as_bytes()[..unit];
    (1..k)
        .all(|i| &segment.as_bytes()[i * unit..(i + 1) * unit] == first)
        .then(|| &segment[..unit])
}

/// Every glyph doubled (or tripled) in place: `不不忘忘初初心心`.
fn interleaved(text: &str) -> Option<String> {
    for k in [3usize, 2] {
        let mut out = String::new();
        let mut units = 0;
        let mut segment_units = 0;
        let mut longest_segment = 0;
        let mut distinct: Vec<char> = Vec::new();
        let mut chars = text.chars();
        let mut ok = true;
        while let Some(c) = chars.next() {
            if c == ' ' {
                out.push(c);
                segment_units = 0;
                continue;
            }
            if !(1..k).all(|_| chars.next() == Some(c)) {
                ok = false;
                break;
            }
            out.push(c);
            units += 1;
            segment_units += 1;
            longest_segment = longest_segment.max(segment_units);
            if !distinct.contains(&c) && distinct.len() < 3 {
                distinct.push(c);
            }
        }
        if ok && units >= 3 && longest_segment >= 3 && distinct.len() >= 3 && !ends_sentence(&out) {
            return Some(out);
        }
    }
    None
}

/// Removes fake-bold duplication from every line, and copies of a short
/// heading line written on consecutive lines. Marks the surviving line
/// `fake_bold`, and removed copies `removed`.
pub fn dedupe_lines(lines: &mut [Line], log: &mut EditLog) {
    // Right under a fake-bold line, a line drawn twice is that heading's
    // last line, even when it ends with a question mark (`느릴까요?느릴까요?`),
    // which a line on its own may do as speech.
    let mut under_heading = false;
    for line in lines.iter_mut() {
        if line.is_blank() || line.page_break_before {
            under_heading = false;
        }
        if line.is_blank() {
            continue;
        }
        let deduped = dedupe_line(&line.text).or_else(|| {
            under_heading
                .then(|| repeated_whole(&line.text, true))
                .flatten()
                .map(|unit| (unit, Rule::FakeBoldLine))
        });
        if let Some((text, rule)) = deduped {
            log.push(line.content.clone(), text.clone(), rule);
            line.set_text(text);
            line.fake_bold = true;
        }
        under_heading = line.fake_bold;
    }
    remove_repeated_copies(lines, log);
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
/// fake bold when the document draws other headings that way and the line
/// stands between paragraphs: the line before it ends a sentence or is a
/// heading, or there is none. `研究研究` inside a sentence, and `谢谢` twice
/// in a text with no fake bold, stay.
pub fn remove_repeated_copies(lines: &mut [Line], log: &mut EditLog) {
    let mut i = 0;
    let mut after_heading = false;
    // Copies of headings too short to judge alone, and blocks of lines
    // written twice: the document decides them once its headings are known.
    let mut short: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    while i < lines.len() {
        let (copies, heading) = repeated_copies(lines, i, after_heading);
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
    // The document draws its headings in fake bold.
    if !lines.iter().any(|l| l.fake_bold) {
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
        if line.removed || line.fake_bold || line.is_blank() || !between_paragraphs(lines, i) {
            continue;
        }
        // Copies with a space between them may be a name (`Bora Bora`).
        let unit = repeated_unit(&line.text, |unit, k| {
            unit.len() * k == line.text.len() && is_short_heading(unit)
        });
        if let Some(unit) = unit {
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
        .rfind(|l| !l.removed && !l.is_blank())
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
        && !crate::preformatted::looks_preformatted(unit)
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
        .find(|l| !l.removed && !l.is_blank());
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
        .filter(|&j| !lines[j].removed && !lines[j].is_blank())
        .take_while(|&j| j == start || !lines[j].page_break_before)
        .take(visible.len());
    for j in next {
        visible[count] = j;
        count += 1;
    }
    for k in [3usize, 2] {
        // Most lines are not written again `k` lines on: ask that first.
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
            !lines[a].ends_sentence() && !crate::preformatted::looks_preformatted(&lines[a].text)
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

///
/// Returns the copies and whether they are a heading's by their size
/// alone; copies of a line that is heading-like but too short for that
/// come with `false`, for the document to decide.
fn repeated_copies(lines: &[Line], start: usize, after_heading: bool) -> (Vec<usize>, bool) {
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
        } else if !crate::furniture::is_page_number(&lines[j].text) {
            break;
        }
        j += 1;
    }
    if copies.is_empty() {
        return (copies, false);
    }
    // Listings repeat lines on purpose (`}`, a contents entry per part),
    // and so does the output of a command written above them: the lines
    // before, as the repaired text has them, are short lines that end no
    // sentence (more of the output) up to a line that looks like a
    // listing's, with no blank line between.
    let after_listing = lines[..start]
        .iter()
        .rev()
        .filter(|l| !l.removed)
        .find(|l| {
            l.is_blank()
                || crate::preformatted::looks_preformatted(&l.text)
                || l.ends_sentence()
                || l.width > MAX_REPEATED_HEADING_WIDTH
        })
        .is_some_and(|before| {
            !before.is_blank() && crate::preformatted::looks_preformatted(&before.text)
        });
    if after_listing || crate::preformatted::looks_preformatted(&first.text) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line::split_lines;

    fn fixed(s: &str) -> Option<String> {
        dedupe_line(s).map(|(t, _)| t)
    }

    #[test]
    fn whole_line_doubled_or_tripled() {
        assert_eq!(
            fixed("不忘初心行致远不忘初心行致远").as_deref(),
            Some("不忘初心行致远")
        );
        assert_eq!(
            fixed("下好先手棋下好先手棋下好先手棋").as_deref(),
            Some("下好先手棋")
        );
        assert_eq!(
            fixed("Annual ReportAnnual Report").as_deref(),
            Some("Annual Report")
        );
        assert_eq!(
            fixed("Annual Report Annual Report").as_deref(),
            Some("Annual Report")
        );
    }

    #[test]
    fn segments_doubled() {
        assert_eq!(
            fixed("全市动员全市动员 全学全改全学全改").as_deref(),
            Some("全市动员 全学全改")
        );
        assert_eq!(
            fixed("不忘初心行致远不忘初心行致远 牢记使命勇担当牢记使命勇担当").as_deref(),
            Some("不忘初心行致远 牢记使命勇担当")
        );
    }

    #[test]
    fn segments_with_short_or_punctuated_units() {
        assert_eq!(
            fixed("WANWAN TCPTCP 优化优化").as_deref(),
            Some("WAN TCP 优化")
        );
        assert_eq!(
            fixed("XX サーバ接続サーバ接続").as_deref(),
            Some("X サーバ接続")
        );
        assert_eq!(
            fixed("A.2.A.2.A.2. CopyrightCopyrightCopyright historyhistoryhistory").as_deref(),
            Some("A.2. Copyright history")
        );
        assert_eq!(fixed("일반일반 정보정보").as_deref(), Some("일반 정보"));
        assert_eq!(fixed("研究研究 讨论讨论"), None);
    }

    #[test]
    fn wide_spaces_between_copies_count_as_one() {
        assert_eq!(
            fixed("不忘初心行致远    不忘初心行致远").as_deref(),
            Some("不忘初心行致远")
        );
    }

    #[test]
    fn interleaved_glyphs() {
        assert_eq!(fixed("不不忘忘初初心心").as_deref(), Some("不忘初心"));
        assert_eq!(
            fixed("不不不忘忘忘初初初心心心").as_deref(),
            Some("不忘初心")
        );
    }

    #[test]
    fn legitimate_repetition_stays() {
        for s in [
            "谢谢",
            "看看",
            "高高兴兴",
            "研究研究",
            "一步一步",
            "人人为我，我为人人",
            "had had",
            "Walla Walla",
            "bye bye",
            "快跑！快跑！",
            "哈哈哈哈哈哈",
            "高高兴兴 快快乐乐",
            "Bora Bora",
        ] {
            assert_eq!(fixed(s), None, "{s}");
        }
    }

    #[test]
    fn a_question_drawn_twice_under_a_fake_bold_line_ends_its_heading() {
        let lines = dedupe("동작할동작할 때때 왜왜\n느릴까요?느릴까요?\n\n정말요?정말요?");
        assert_eq!(lines[1], ("느릴까요?".to_string(), true));
        // On its own, a question said twice is speech.
        assert_eq!(lines[3], ("정말요?정말요?".to_string(), false));
    }

    fn dedupe(input: &str) -> Vec<(String, bool)> {
        let mut log = EditLog::default();
        let mut lines = split_lines(input, &mut log);
        dedupe_lines(&mut lines, &mut log);
        lines
            .into_iter()
            .filter(|l| !l.removed)
            .map(|l| (l.text.into_owned(), l.fake_bold))
            .collect()
    }

    #[test]
    fn copies_that_furniture_parted_stand_together_once_it_is_gone() {
        let mut log = EditLog::default();
        let mut lines = split_lines("Annual Report\n12\nAnnual Report\nBody text.", &mut log);
        dedupe_lines(&mut lines, &mut log);
        assert!(!lines[2].removed, "a bare number parts the copies");
        // The furniture stage takes the page number away.
        lines[1].removed = true;
        remove_repeated_copies(&mut lines, &mut log);
        assert!(lines[2].removed && lines[0].fake_bold);
    }

    #[test]
    fn repeated_heading_lines_collapse() {
        let out = dedupe("Copyright history\nCopyright history\nCopyright history\nBody text.");
        assert_eq!(
            out,
            [
                ("Copyright history".to_string(), true),
                ("Body text.".to_string(), false)
            ]
        );
    }

    #[test]
    fn a_short_last_line_of_a_repeated_heading_collapses_too() {
        let out = dedupe("배터리 사용 시간\n배터리 사용 시간\n늘이기\n늘이기\n본문입니다.");
        assert_eq!(out.len(), 3);
        assert_eq!(out[1], ("늘이기".to_string(), true));
        let out = dedupe("パッケージ状\nパッケージ状\nパッケージ状\n態\n態\n態\n本文です。");
        assert_eq!(out.len(), 3);
        // Without a heading before it, a short word said twice stays.
        assert_eq!(dedupe("谢谢\n谢谢\n不客气。").len(), 3);
        // A question's last line, right under the rest of its heading.
        let out = dedupe(
            "어떻게 장치에 프로파일을\n어떻게 장치에 프로파일을\n할당하나요?\n할당하나요?\n본문입니다.",
        );
        assert_eq!(out.len(), 3);
        assert_eq!(out[1], ("할당하나요?".to_string(), true));
        // A question asked twice with no heading above it stays.
        assert_eq!(dedupe("정말 그런가요?\n정말 그런가요?\n네.").len(), 3);
    }

    #[test]
    fn two_long_identical_body_lines_stay() {
        let line = "This sentence is long enough to be body text and it ends like one.";
        let input = format!("{line}\n{line}");
        assert_eq!(dedupe(&input).len(), 2);
    }

    #[test]
    fn short_cells_stay() {
        assert_eq!(dedupe("0\n0\nyes\nyes").len(), 4);
        assert_eq!(dedupe("是\n是\n是").len(), 3);
    }

    #[test]
    fn a_two_character_heading_drawn_three_times_collapses() {
        assert_eq!(dedupe("管理\n管理\n管理\n正文。").len(), 2);
    }

    #[test]
    fn segments_that_mix_a_latin_and_a_cjk_word() {
        assert_eq!(fixed("XMLXML 数据数据").as_deref(), Some("XML 数据"));
        assert_eq!(fixed("toptoptop 命令命令命令").as_deref(), Some("top 命令"));
        assert_eq!(fixed("mama 妈妈"), None);
        assert_eq!(fixed("okok 好好"), None);
    }

    #[test]
    fn a_short_heading_drawn_twice_in_a_document_with_fake_bold_headings() {
        let heading = "应用程序的隔离\n应用程序的隔离\n";
        let out = dedupe(&format!(
            "{heading}正文第一句。\n沙盒\n沙盒\n正文第二句。\n日志日志\n正文。"
        ));
        let texts: Vec<&str> = out.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "应用程序的隔离",
                "正文第一句。",
                "沙盒",
                "正文第二句。",
                "日志",
                "正文。"
            ]
        );
        // With no heading drawn that way, a short word twice is the writer's.
        assert_eq!(
            dedupe("正文第一句。\n沙盒\n沙盒\n日志日志\n正文。").len(),
            5
        );
        // Inside a sentence it is reduplication.
        let out = dedupe(&format!("{heading}我们还要\n研究研究\n这个问题。"));
        assert_eq!(out[2], ("研究研究".to_string(), false));
        // A name written with a space stays.
        let out = dedupe(&format!("{heading}正文。\nBora Bora\n正文。"));
        assert_eq!(out[2], ("Bora Bora".to_string(), false));
    }

    #[test]
    fn a_question_drawn_twice_above_a_paragraph_in_a_document_with_fake_bold() {
        let heading = "색 관리 기초\n색 관리 기초\n본문입니다.\n";
        let out = dedupe(&format!(
            "{heading}색 영역은 뭘까요?\n색 영역은 뭘까요?\n색 영역은 색 표현 범위를 정의하며, 장치마다\n다릅니다."
        ));
        assert_eq!(out[2], ("색 영역은 뭘까요?".to_string(), true));
        assert_eq!(out[3].0, "색 영역은 색 표현 범위를 정의하며, 장치마다");
        // Answered, it is speech.
        let out = dedupe(&format!(
            "{heading}정말 그런가요?\n정말 그런가요?\n네, 그렇습니다."
        ));
        assert_eq!(out[3], ("정말 그런가요?".to_string(), false));
    }

    #[test]
    fn a_wrapped_heading_written_again_block_by_block() {
        let heading = "Mail relays\nMail relays\nA relay passes mail on.\n";
        let out = dedupe(&format!(
            "{heading}Forwarding the relay port\nthrough the gateway\nForwarding the relay port\nthrough the gateway\nBody."
        ));
        assert_eq!(out.len(), 5);
        assert_eq!(out[3], ("through the gateway".to_string(), true));
        // Number cells, and rows under a line that goes on, stay.
        assert_eq!(dedupe(&format!("{heading}0\n1\n0\n1")).len(), 6);
        assert_eq!(
            dedupe(&format!("{heading}Answers:\nyes\nno\nyes\nno")).len(),
            7
        );
    }

    #[test]
    fn lines_repeated_under_a_command_are_its_output() {
        let input = "$ grep -h 'Free Software' /usr/share/common-licenses/GPL*\nFree Software Foundation\nFree Software Foundation\nBody text.";
        assert_eq!(dedupe(input).len(), 4);
    }

    #[test]
    fn lines_repeated_further_down_a_command_output_are_its_output_too() {
        let input = "$ awk '{ print $3 }' <people\nAugust\nApril\nJanuary\nJanuary\nMarch";
        assert_eq!(dedupe(input).len(), 6);
        // A sentence ends the output: a line drawn twice after it is a heading's.
        let input = "$ make\nThe build is done.\nResults and Notes\nResults and Notes\nBody.";
        assert_eq!(dedupe(input).len(), 4);
    }
}
