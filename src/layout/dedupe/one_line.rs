//! Fake bold inside one line: the whole line drawn two or three times, each
//! of its segments drawn twice, or each character (`fake-bold-line`,
//! `fake-bold-segments`, `fake-bold-interleaved`).

use crate::text::edit::Rule;
use crate::text::line::Line;
use crate::text::script::{display_width, ends_sentence, is_word_char};

/// The narrowest repeated unit, in columns, for a doubled line or segment.
const MIN_UNIT_WIDTH: usize = 6;
/// The narrowest repeated unit, in columns, for a tripled line.
pub(super) const MIN_TRIPLED_UNIT_WIDTH: usize = 4;
/// The narrowest sum of units, in columns, for segment-wise doubling.
const MIN_SEGMENTS_WIDTH: usize = 8;
/// The widest line two copies of which still count as a fake-bold heading.
pub(super) const MAX_REPEATED_HEADING_WIDTH: usize = 60;

/// Removes fake-bold duplication from one line, or returns `None` when the
/// line is not duplicated.
///
/// ```
/// use textmend::layout::dedupe::dedupe_line;
/// use textmend::text::edit::Rule;
/// assert_eq!(
///     dedupe_line("率先垂范率先垂范 先学先改先学先改"),
///     Some(("率先垂范 先学先改".to_string(), Rule::FakeBoldSegments))
/// );
/// assert_eq!(dedupe_line("不不忘忘初初心心").map(|d| d.0), Some("不忘初心".to_string()));
/// assert_eq!(dedupe_line("研究研究"), None);
/// assert_eq!(dedupe_line("高高兴兴"), None);
/// ```
pub fn dedupe_line(text: &str) -> Option<(String, Rule)> {
    dedupe_spaced_line(text, crate::text::line::has_space_run(text))
}

/// [`dedupe_line`] of a line's text, whose space runs are measured
/// ([`crate::text::line::Line::spaces`]).
pub fn dedupe_text_of(line: &Line) -> Option<(String, Rule)> {
    dedupe_spaced_line(&line.text, line.spaces.has_space_run())
}

/// [`dedupe_line`] of a text that holds a run of spaces or a tab when
/// `space_run` says so.
fn dedupe_spaced_line(text: &str, space_run: bool) -> Option<(String, Rule)> {
    // A heading drawn twice and then doubled again (`AA AA`) halves until
    // nothing repeats; each round at least halves the line.
    let (mut text, rule) = dedupe_once(text, space_run)?;
    while let Some((less, _)) = dedupe_once(&text, crate::text::line::has_space_run(&text)) {
        text = less;
    }
    Some((text, rule))
}

/// One round of [`dedupe_line`], of a text that holds a run of spaces or
/// a tab when `space_run` says so.
fn dedupe_once(text: &str, space_run: bool) -> Option<(String, Rule)> {
    // Runs of spaces are one space in the output; judge the line as it
    // will read, so that a second pass finds nothing new.
    let collapsed;
    let text = if space_run {
        collapsed = text
            .split([' ', '\t'])
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        collapsed.as_str()
    } else {
        text
    };
    // Every shape repeats the first character where its copies would
    // start. Most lines do not.
    let first = text.chars().next()?;
    if !repeats_first_char_where_a_copy_starts(text, first) {
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

/// Do the bytes of `first`, the first character of `text`, come again
/// where the second copy of a shape would start: right after it
/// ([`interleaved`]), after a whole line's unit and its space
/// ([`repeated_whole`]), or halfway or a third of the way through the first
/// segment ([`repeated_segments`])? Each shape needs it, so a line where
/// none holds is none of them, told without reading the line. A text
/// that starts with a space (whose segments start later) is only asked
/// whether the space comes again.
fn repeats_first_char_where_a_copy_starts(text: &str, first: char) -> bool {
    let bytes = text.as_bytes();
    let head = &bytes[..first.len_utf8()];
    if first == ' ' {
        return memchr::memchr(b' ', &bytes[1..]).is_some();
    }
    let again_at = |at: usize| bytes.get(at..at + head.len()) == Some(head);
    let n = bytes.len();
    let whole = [(3, 0), (3, 1), (2, 0), (2, 1)].iter().any(|&(k, sep)| {
        let seps = sep * (k - 1);
        n >= seps && (n - seps) % k == 0 && again_at((n - seps) / k + sep)
    });
    let segment = memchr::memchr(b' ', bytes).unwrap_or(n);
    again_at(head.len())
        || whole
        || segment % 2 == 0 && again_at(segment / 2)
        || segment % 3 == 0 && again_at(segment / 3)
}

/// `t t`, `tt`, `t t t` or `ttt` for a heading-like unit `t`.
///
/// Copies of the same characters have the same bytes, so the copies are
/// compared as byte slices: no copy of the line is made to judge it.
/// With `question_ok`, the unit may be a heading's question (`느릴까요?`).
pub(super) fn repeated_whole(text: &str, question_ok: bool) -> Option<String> {
    repeated_unit(text, |unit, k| is_heading_unit(unit, k, question_ok))
}

/// The unit of a line that is `k` copies of it (with or without a space
/// between them) that `accept`s the unit for that `k`.
pub(super) fn repeated_unit(text: &str, accept: impl Fn(&str, usize) -> bool) -> Option<String> {
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
pub(super) fn asks(text: &str) -> bool {
    text.trim_end_matches(crate::text::script::is_closing)
        .ends_with(['?', '？'])
}

pub(super) fn has_two_distinct_chars(s: &str) -> bool {
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
    let first = segments.next()?;
    // Most lines' first segment is no unit written twice or three times:
    // asked before the line's other segments are looked for.
    let doubled = |k: usize| doubled_unit(first, k).is_some();
    if !doubled(3) && !doubled(2) {
        return None;
    }
    segments.next()?;
    for k in [3usize, 2] {
        if !doubled(k) {
            continue;
        }
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
            .all(|u| u.chars().count() <= 2 && u.chars().all(crate::text::script::is_cjk));
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
    let cjk_word =
        |u: &&str| u.chars().all(crate::text::script::is_cjk) && has_two_distinct_chars(u);
    units.iter().any(latin_word) && units.iter().any(cjk_word)
}

/// The unit `u` when `segment` is `u` written `k` times in a row.
fn doubled_unit(segment: &str, k: usize) -> Option<&str> {
    if segment.len() % k != 0 {
        return None;
    }
    let unit = segment.len() / k;
    if unit == 0 || !segment.is_char_boundary(unit) {
        return None;
    }
    let first = &segment.as_bytes()[..unit];
    let repeated = (1..k).all(|i| &segment.as_bytes()[i * unit..(i + 1) * unit] == first);
    // `1.1.` is a section number, not `1.` drawn twice (asked last: the
    // byte comparison refuses nearly every segment first).
    (repeated && !crate::layout::segment::is_section_number(segment)).then(|| &segment[..unit])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheap_test_refuses_no_line_of_any_shape() {
        let units = [
            "率先垂范",
            "先学先改",
            "XML",
            "数据",
            "Annual Report",
            "不",
            "第一章 总则",
            "ab",
            "é",
            "1.1.",
        ];
        let mut texts = Vec::new();
        for a in units {
            for b in units {
                for sep in ["", " "] {
                    texts.push(format!("{a}{sep}{a}"));
                    texts.push(format!("{a}{sep}{a}{sep}{a}"));
                    texts.push(format!("{a}{a} {b}{b}"));
                    texts.push(format!("{a}{a}{a} {b}{b}{b}"));
                    texts.push(format!("{a}{sep}{b}"));
                    texts.push(format!("x{a}{sep}{a}"));
                }
                let pair = format!("{a}{b}");
                texts.push(pair.chars().flat_map(|c| [c, c]).collect());
                texts.push(pair.chars().flat_map(|c| [c, c, c]).collect());
            }
        }
        let mut shaped = 0;
        for text in &texts {
            let shapes = [
                repeated_unit(text, |_, _| true),
                repeated_segments(text),
                interleaved(text),
            ];
            let first = text.chars().next().expect("no text is empty");
            if shapes.iter().any(Option::is_some) {
                shaped += 1;
                assert!(
                    repeats_first_char_where_a_copy_starts(text, first),
                    "{text}"
                );
            }
        }
        assert!(shaped * 2 > texts.len(), "{shaped} of {}", texts.len());
    }
}
