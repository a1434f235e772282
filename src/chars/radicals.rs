//! Radical look-alikes: the unified ideograph that a Kangxi radical, a
//! CJK Radicals Supplement character or a CJK compatibility ideograph
//! stands for.
//!
//! PDF fonts often map a glyph to the radical code point instead of the
//! ideograph that looks the same, so extracted text reads `⻄班牙` for
//! `西班牙` and `その⼀部` for `その一部`.
//!
//! ```text
//! ⻄ U+2EC4 → 西 U+897F     ⼀ U+2F00 → 一 U+4E00     﨑 U+FA11 → 﨑 (unified, kept)
//! ```
//!
//! The radical blocks (U+2E80–U+2FDF) come from the Unicode property
//! Equivalent_Unified_Ideograph, in a table generated from the UCD by
//! `tools/gen_radicals.py` (`table.rs`); compatibility ideographs from
//! their canonical decomposition. One radical of the supplement (U+2E80)
//! has no equivalent and is never changed. Lookups are `O(log n)`.
//!
//! In a document whose text is CJK, [`fold_in_cjk_document`] folds a
//! look-alike wherever it stands: after a digit (`12⽉`), before a Latin
//! word (`⽤ CUPS 打印`), at a line's start, in a listing. Elsewhere the
//! character stage folds one only inside CJK text (next to a CJK character,
//! or in a block whose letters are mostly CJK): `The radical ⼀ means one.`
//! stays.

mod table;

use crate::text::edit::{EditLog, Rule};
use crate::text::line::Line;
use crate::text::script::{CharClass, classify};
use std::borrow::Cow;
use table::EQUIVALENT_UNIFIED_IDEOGRAPH;
use unicode_normalization::char::decompose_compatible;

/// True for code points that PDF fonts map glyphs to instead of the
/// unified ideograph: the CJK Radicals Supplement and Kangxi Radicals
/// blocks, and CJK compatibility ideographs.
pub fn is_radical_like(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

/// Does `text` hold a radical look-alike ([`is_radical_like`])? Every one
/// lies outside ASCII, and is written in UTF-8 from the bytes 0xE2 0xBA to
/// 0xE2 0xBF (U+2E80 to U+2FDF), 0xEF 0xA4 to 0xEF 0xAB (U+F900 to
/// U+FAFF) or 0xF0 0xAF (U+2F800 to U+2FA1F): a vectorised test passes
/// over an ASCII line, a run of CJK (led by 0xE3 to 0xEE) is passed over
/// three bytes at a time, and only the characters whose first two bytes
/// are those are read. No continuation byte is 0xE2, 0xEF or 0xF0.
fn holds_radical_like(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let may_lead = match (b, bytes.get(at + 1)) {
            (0xE3..=0xEE, _) => {
                at += 3;
                continue;
            }
            (0xE2, Some(0xBA..=0xBF)) | (0xEF, Some(0xA4..=0xAB)) | (0xF0, Some(0xAF)) => true,
            _ => false,
        };
        if may_lead
            && text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(is_radical_like)
        {
            return true;
        }
        at += 1;
    }
    false
}

/// [`holds_radical_like`] of a long text: a vectorised search for the bytes
/// that lead a look-alike (0xE2, 0xEF, 0xF0; no continuation byte is one
/// of them), and only the characters they lead are read. Over a whole
/// input it passes over CJK and punctuation alike without stepping
/// through them.
fn holds_radical_like_anywhere(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(0xE2, 0xEF, 0xF0, bytes).any(|at| {
        matches!(
            (bytes[at], bytes.get(at + 1)),
            (0xE2, Some(0xBA..=0xBF)) | (0xEF, Some(0xA4..=0xAB)) | (0xF0, Some(0xAF))
        ) && text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_radical_like)
    })
}

/// The unified ideograph a radical or compatibility ideograph stands for,
/// or `None` when Unicode gives none.
///
/// ```
/// use textmend::chars::radicals::unified_ideograph;
/// assert_eq!(unified_ideograph('⻢'), Some('马'));
/// assert_eq!(unified_ideograph('⼈'), Some('人'));
/// assert_eq!(unified_ideograph('\u{2E80}'), None);
/// assert_eq!(unified_ideograph('人'), None);
/// ```
pub fn unified_ideograph(c: char) -> Option<char> {
    if ('\u{2E80}'..='\u{2FDF}').contains(&c) {
        return EQUIVALENT_UNIFIED_IDEOGRAPH
            .binary_search_by_key(&c, |&(radical, _)| radical)
            .ok()
            .map(|i| EQUIVALENT_UNIFIED_IDEOGRAPH[i].1);
    }
    if !is_radical_like(c) {
        return None;
    }
    let mut decomposed = None;
    let mut count = 0;
    decompose_compatible(c, |d| {
        decomposed = Some(d);
        count += 1;
    });
    match decomposed {
        Some(d) if count == 1 && d != c && classify(d) == CharClass::Han => Some(d),
        _ => None,
    }
}

/// Is a text CJK for [`fold_in_cjk_document`]: do its ideographs, kana and
/// Hangul outnumber the letters of other scripts? Look-alikes count as
/// ideographs, so folding them never changes the verdict. `O(n)`.
///
/// ```
/// use textmend::chars::radicals::is_cjk_text;
/// assert!(is_cjk_text(["12⽉ 4 ⽇，⽤ CUPS 打印⽂件。"]));
/// assert!(!is_cjk_text(["The radical ⼀ means one."]));
/// ```
pub fn is_cjk_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in texts.into_iter().flat_map(str::chars) {
        match classify(c) {
            CharClass::Han | CharClass::Kana | CharClass::Hangul => cjk += 1,
            CharClass::Letter => other += 1,
            _ => {}
        }
    }
    cjk > other
}

/// Does `text` hold a look-alike that [`fold_in_cjk_document`] would fold
/// (one with a unified ideograph)? `O(n)`, and a pass over the bytes for
/// text without any look-alike.
pub fn holds_foldable_look_alike(text: &str) -> bool {
    holds_radical_like(text) && text.chars().any(|c| unified_ideograph(c).is_some())
}

/// Folds every radical look-alike of `lines` into its unified ideograph
/// when the document is CJK ([`is_cjk_text`]), and logs each fold with the
/// range of the character in the input. The letters counted are those the
/// repaired text keeps (fake-bold copies and furniture are gone; joining
/// lines adds or removes none), so that the repaired text, read again,
/// gets the same verdict. `O(n)`.
///
/// Some repairs come later and change letters (a block's mojibake read
/// again once its lines are joined, a block's joined lines deduplicated):
/// when the text they leave is CJK though the lines were not, the caller
/// knows it and passes `known_cjk` to fold as a second repair would.
///
/// ```text
/// 12⽉ 4 ⽇，⽤ CUPS 打印⽂件。   →   12月 4 日，用 CUPS 打印文件。
/// The radical ⼀ means one.      →   (unchanged: the text is not CJK)
/// ```
///
/// `input` is the text the lines' ranges point into. Returns whether
/// look-alikes were left because the document is not CJK.
pub fn fold_in_cjk_document(
    input: &str,
    lines: &mut [Line],
    known_cjk: bool,
    log: &mut EditLog,
) -> bool {
    // A text borrowed from the input holds a look-alike only where the
    // input does, and most inputs hold none: one vectorised search of the
    // input, and then only the texts a repair rewrote are read.
    let input_holds = holds_radical_like_anywhere(input);
    let holds = |l: &Line| match &l.text {
        Cow::Borrowed(_) if !input_holds => false,
        text => holds_radical_like(text),
    };
    if !lines.iter().any(|l| !l.removed && holds(l)) {
        return false;
    }
    let kept = lines.iter().filter(|l| !l.removed);
    if !known_cjk && !is_cjk_text(kept.map(|l| &*l.text)) {
        return true;
    }
    for line in lines.iter_mut() {
        if line.removed || !line.text.chars().any(|c| unified_ideograph(c).is_some()) {
            continue;
        }
        // The line's characters, as written in the input: the k-th
        // look-alike of the text is the k-th of the input, which no
        // earlier repair changes (a line read again as mojibake may not
        // have it: then the line's range stands for it).
        let written = input.get(line.content.clone()).unwrap_or("");
        let mut found = written.char_indices().filter(|&(_, c)| is_radical_like(c));
        let mut folded = String::with_capacity(line.text.len());
        for c in line.text.chars() {
            let Some(unified) = unified_ideograph(c) else {
                folded.push(c);
                continue;
            };
            let range = match found.find(|&(_, w)| w == c) {
                Some((at, _)) => line.content.start + at..line.content.start + at + c.len_utf8(),
                None => line.content.clone(),
            };
            folded.push(unified);
            log.push(range, unified.to_string(), Rule::Radical);
        }
        line.set_text(folded);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_search_finds_every_look_alike() {
        for c in (0..=0x3_0000u32).filter_map(char::from_u32) {
            for text in [format!("{c}"), format!("中{c}"), format!("“{c}，")] {
                assert_eq!(
                    holds_radical_like(&text),
                    text.chars().any(is_radical_like),
                    "{c:?}"
                );
                assert_eq!(
                    holds_radical_like_anywhere(&text),
                    text.chars().any(is_radical_like),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn table_is_sorted_and_maps_to_han() {
        assert!(
            EQUIVALENT_UNIFIED_IDEOGRAPH
                .windows(2)
                .all(|w| w[0].0 < w[1].0)
        );
        for &(radical, unified) in &EQUIVALENT_UNIFIED_IDEOGRAPH {
            assert!(is_radical_like(radical));
            assert_eq!(classify(unified), CharClass::Han, "{radical}");
            assert!(!is_radical_like(unified), "{radical}");
        }
    }

    #[test]
    fn supplement_maps_all_but_one() {
        let supplement = EQUIVALENT_UNIFIED_IDEOGRAPH
            .iter()
            .filter(|(r, _)| ('\u{2E80}'..='\u{2EFF}').contains(r))
            .count();
        assert_eq!(supplement, 114);
        assert_eq!(unified_ideograph('\u{2E80}'), None);
    }

    #[test]
    fn known_pairs() {
        for (radical, unified) in [
            ('\u{2EA8}', '\u{72AD}'),
            ('\u{2ECF}', '\u{9091}'),
            ('\u{2EE2}', '\u{9A6C}'),
            ('\u{2EC4}', '\u{897F}'),
            ('\u{2F00}', '\u{4E00}'),
            ('\u{2F08}', '\u{4EBA}'),
        ] {
            assert_eq!(unified_ideograph(radical), Some(unified), "{radical}");
        }
    }

    /// Every Kangxi radical is in the table, and agrees with its
    /// compatibility decomposition (the other Unicode source for them).
    #[test]
    fn kangxi_agrees_with_decomposition() {
        for c in '\u{2F00}'..='\u{2FD5}' {
            let mut d = String::new();
            decompose_compatible(c, |x| d.push(x));
            assert_eq!(unified_ideograph(c).map(String::from), Some(d), "{c}");
        }
    }

    fn folded(input: &str) -> (Vec<String>, Vec<std::ops::Range<usize>>) {
        folded_knowing(input, false).0
    }

    /// The lines and the folds' ranges, and whether look-alikes were left.
    fn folded_knowing(
        input: &str,
        known_cjk: bool,
    ) -> ((Vec<String>, Vec<std::ops::Range<usize>>), bool) {
        let mut log = EditLog::default();
        let mut lines = crate::text::line::split_lines(input, &mut EditLog::off());
        let left = fold_in_cjk_document(input, &mut lines, known_cjk, &mut log);
        let text = lines.into_iter().map(|l| l.text.into_owned()).collect();
        let ranges = log.into_sorted().into_iter().map(|e| e.range).collect();
        ((text, ranges), left)
    }

    #[test]
    fn in_a_cjk_document_every_look_alike_is_folded() {
        let (text, ranges) = folded("会议在 12⽉ 举行。\n⽤ CUPS 打印\n⼊⼝");
        assert_eq!(text, ["会议在 12月 举行。", "用 CUPS 打印", "入口"]);
        assert_eq!(ranges[0], 12..15);
        assert_eq!(ranges.len(), 4);
    }

    #[test]
    fn outside_a_cjk_document_look_alikes_stay() {
        let input = "The radical ⼀ means one.\nIt is written ⼈ or 人.";
        let (text, ranges) = folded(input);
        assert_eq!(text.join("\n"), input);
        assert!(ranges.is_empty());
    }

    #[test]
    fn look_alikes_left_outside_a_cjk_document_are_reported() {
        assert!(folded_knowing("The radical ⼀ means one.", false).1);
        assert!(!folded_knowing("会议在 12⽉ 举行。", false).1);
        assert!(!folded_knowing("No radical here.", false).1);
    }

    /// Lines whose letters are not mostly CJK, in a document whose repaired
    /// text is (`…fÃ—` read back as `協脳` once its block is joined): the
    /// look-alikes are folded as a second repair, which counts that text,
    /// folds them.
    #[test]
    fn a_document_known_to_be_cjk_is_folded_whatever_its_lines_count() {
        let input = "一…fÃ—一\n\na⼀";
        let ((text, ranges), left) = folded_knowing(input, true);
        assert_eq!(text, ["一…fÃ—一", "", "a一"]);
        assert_eq!(ranges.len(), 1);
        assert_eq!(&input[ranges[0].clone()], "⼀");
        assert!(!left);
    }

    #[test]
    fn the_cjk_verdict_counts_look_alikes_as_ideographs() {
        assert!(is_cjk_text(["⼀⼈ a"]));
        assert!(!is_cjk_text(["⼀ ab"]));
        assert!(is_cjk_text(["一協脳一", "a⼀"]));
        assert!(!is_cjk_text(["一…fÃ—一", "a⼀"]));
    }

    #[test]
    fn compatibility_ideographs_use_their_decomposition() {
        assert_eq!(unified_ideograph('\u{F900}'), Some('\u{8C48}'));
        assert_eq!(unified_ideograph('\u{FA11}'), None);
    }
}
