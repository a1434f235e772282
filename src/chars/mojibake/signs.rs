//! The signs of mojibake a line shows, measured in one pass over its
//! characters: whether a reading can start anywhere in it, which code
//! pages its characters show the bytes of, how many of its ideographs lie
//! outside GB2312, and whether normalization changes it. The gate in front
//! of the readings ([`may_hold_mojibake`]) and the test of a finished
//! block ([`Signs::may_be_read_again`]) read them instead of walking the
//! line once for each question.

use super::code_pages::{PageBytes, PageEvidence, code_pages};
use super::gbk::utf8_shaped_through_gbk;
use super::plausibility::gb2312_cost;
use crate::chars::normalize::{Scope, is_fixed};
use std::sync::OnceLock;

/// What one pass over a line finds (see the module doc).
#[derive(Default)]
pub(super) struct Signs {
    /// A character a reading can start from ([`is_candidate`]).
    candidate: bool,
    /// A character that normalization replaces on a line alone.
    normalized: bool,
    /// A character that UTF-8 read as a single-byte code page turns into
    /// ([`is_single_byte_mojibake_letter`]).
    single_byte_letter: bool,
    /// Ideographs outside GB2312, counted up to two.
    outside_gb2312: u8,
    /// The code pages whose bytes the line shows.
    evidence: PageEvidence,
}

impl Signs {
    /// One pass over `line`. `O(n)`, a table look-up per non-ASCII
    /// character. CJK and Hangul take the shortest path: a character of
    /// three bytes led by 0xE3 to 0xEE (U+3000 to U+EFFF) is on no page but
    /// the ideographic space U+3000, and is read from its bytes only to be
    /// looked up. A run of ASCII is read as bytes too: only its controls,
    /// its first character (after the one before it) and its last (before
    /// the one after it) can show anything.
    pub(super) fn of(line: &str) -> Self {
        let candidates = mojibake_candidates();
        let bytes = line.as_bytes();
        let mut signs = Signs::default();
        let mut before = PageBytes::NONE;
        let mut at = 0;
        while at < bytes.len() {
            let (run, control) = ascii_run(&bytes[at..]);
            if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
                signs.normalized |= control;
                signs.evidence.add(before, PageBytes::of(char::from(first)));
                before = PageBytes::of(char::from(last));
                at += run.len();
                continue;
            }
            let (run_end, outside) = skip_ideographic_run(bytes, at, candidates);
            if run_end > at {
                // Ideographs are the only candidates on no page, and they
                // are candidates only outside GB2312.
                signs.candidate |= outside > 0;
                signs.outside_gb2312 = (usize::from(signs.outside_gb2312) + outside).min(2) as u8;
                before = PageBytes::NONE;
                at = run_end;
                continue;
            }
            let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += c.len_utf8();
            // Not ASCII: an ASCII run was read above.
            let here = if PageBytes::is_on_no_page(c) {
                if is_set(candidates, c as u32) {
                    signs.candidate = true;
                    signs.outside_gb2312 = (signs.outside_gb2312 + 1).min(2);
                }
                PageBytes::NONE
            } else {
                signs.normalized |= is_fixed(c, Scope::Alone);
                signs.single_byte_letter |= is_single_byte_mojibake_letter(c);
                if is_set(candidates, c as u32) {
                    signs.candidate = true;
                    PageBytes::of(c)
                } else {
                    PageBytes::of_unwritten(c)
                }
            };
            signs.evidence.add(before, here);
            before = here;
        }
        signs
    }

    /// Does the line hold a character that normalization replaces on a
    /// line alone (what `normalize::may_fix` asks with `Scope::Alone`)?
    pub(super) fn normalized(&self) -> bool {
        self.normalized
    }

    /// Could the line be UTF-8 read as GBK? It holds two or more
    /// ideographs outside GB2312 and its GBK bytes have the shape of UTF-8
    /// (what [`super::may_be_utf8_read_as_gbk`] asks of `line`, the line
    /// these signs were measured on).
    fn may_be_utf8_read_as_gbk(&self, line: &str) -> bool {
        self.outside_gb2312 >= 2 && utf8_shaped_through_gbk(line)
    }

    /// Is a finished block worth reading again for mojibake? Only when it
    /// holds characters that UTF-8 read as a single-byte code page turns
    /// into (Latin-1 and Latin Extended letters, the windows-1252
    /// punctuation, Cyrillic), or may be UTF-8 read as GBK. `line` is the
    /// block's text, the one these signs were measured on.
    pub(super) fn may_be_read_again(&self, line: &str) -> bool {
        self.single_byte_letter || self.may_be_utf8_read_as_gbk(line)
    }
}

/// The ASCII bytes `bytes` starts with, and whether they hold a control
/// character other than the tab (which normalization replaces). Two ASCII
/// characters in a row show no page's bytes (ASCII is no UTF-8 lead,
/// GB2312 or Shift_JIS lead byte), so [`Signs::of`] reads only the run's
/// ends. `O(run)`: eight bytes are looked at one by one (a short run, as
/// between ideographs, ends there), then printable ASCII (0x20 to 0x7E)
/// is passed over eight bytes at a time, and so on.
fn ascii_run(bytes: &[u8]) -> (&[u8], bool) {
    if !bytes.first().is_some_and(u8::is_ascii) {
        return (&[], false);
    }
    let (mut end, mut control) = (0, false);
    loop {
        let bytewise = (end + 8).min(bytes.len());
        while end < bytewise {
            let b = bytes[end];
            if !b.is_ascii() {
                return (&bytes[..end], control);
            }
            control |= b.is_ascii_control() && b != b'\t';
            end += 1;
        }
        while bytes.get(end..end + 8).is_some_and(is_printable_ascii) {
            end += 8;
        }
        if end >= bytes.len() {
            return (bytes, control);
        }
    }
}

/// Are the eight bytes of `word` printable ASCII (0x20 to 0x7E)? A byte
/// at or above 0x7F, or below 0x20, sets a high bit in the sum tested
/// (exact for the eight as a whole); `false` for fewer than eight bytes.
fn is_printable_ascii(word: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    <[u8; 8]>::try_from(word).is_ok_and(|word| {
        let w = u64::from_ne_bytes(word);
        (w | w.wrapping_add(ONES) | (w.wrapping_sub(0x20 * ONES) & !w)) & (0x80 * ONES) == 0
    })
}

/// The run of characters of three bytes led by 0xE3 to 0xEE (U+3000 to
/// U+EFFF: CJK, Hangul, the private use area) that starts at byte `at` of
/// `bytes`, but the ideographic space U+3000, which a page writes: where
/// it ends, and how many of its characters are set in `candidates`. No
/// page writes these characters, and none of them is normalized or a
/// single-byte mojibake letter, so they are read from their bytes only to
/// be looked up. `O(run)`, one table look-up per character.
fn skip_ideographic_run(
    bytes: &[u8],
    at: usize,
    candidates: &[u64; 0x10000 / 64],
) -> (usize, usize) {
    let mut set = 0;
    let mut end = at;
    for char_bytes in bytes[at..].chunks_exact(3) {
        let &[lead @ 0xE3..=0xEE, second, third] = char_bytes else {
            break;
        };
        if char_bytes == "\u{3000}".as_bytes() {
            break;
        }
        // The character's bits but the last six pick the table's word,
        // the last six (the third byte's) the bit in it.
        let word = usize::from(lead & 0x0F) << 6 | usize::from(second & 0x3F);
        set += (candidates[word] >> (third & 0x3F) & 1) as usize;
        end += 3;
    }
    (end, set)
}

/// Does `c` belong to the characters that UTF-8 read as a single-byte code
/// page turns into (see [`Signs::may_be_read_again`])?
fn is_single_byte_mojibake_letter(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{2FF}' | '\u{400}'..='\u{4FF}' | '\u{2013}'..='\u{203A}' | '€' | '™')
}

/// Can [`super::reading::repair_line`] read anything in `line`, whose
/// signs are `signs`? A cheap, conservative test: `false` only for a line
/// that it certainly leaves as it is. Every reading starts from a
/// character some code page writes (which gives [`PageEvidence`] a lead or
/// GB2312 byte, and takes in the C1 controls), or from ideographs outside
/// GB2312 (UTF-8 read as GBK); a line with neither, and the line
/// normalization makes of it (which adds only ASCII, and `ſ` from the
/// ligature `ﬅ`), offers none. A line with such characters that
/// normalization leaves as it is (curly quotes between ideographs) is then
/// asked what `best_reading` asks first.
pub(super) fn may_hold_mojibake(signs: &Signs, line: &str) -> bool {
    if !signs.candidate {
        return false;
    }
    // Normalization may bring characters together, or change them.
    if signs.normalized {
        return true;
    }
    // The line is read as it is, and `best_reading` reads nothing
    // without evidence that some page reads; C1 controls are changed by
    // normalization.
    signs.evidence.offers_a_reading() || signs.may_be_utf8_read_as_gbk(line)
}

/// Can a reading start from `c` (see [`may_hold_mojibake`])?
#[cfg(test)]
fn is_candidate(c: char) -> bool {
    is_set(mojibake_candidates(), c as u32)
}

/// Is the bit of the character `c` set in a table of
/// [`mojibake_candidates`]' shape?
fn is_set(table: &[u64; 0x10000 / 64], c: u32) -> bool {
    let i = c as usize;
    table
        .get(i >> 6)
        .is_some_and(|bits| bits >> (i & 63) & 1 != 0)
}

/// One bit per character of the Basic Multilingual Plane (every character
/// a code page writes lies in it): set for the characters a reading can
/// start from (see [`may_hold_mojibake`]).
fn mojibake_candidates() -> &'static [u64; 0x10000 / 64] {
    static TABLE: OnceLock<Box<[u64; 0x10000 / 64]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Box::new([0u64; 0x10000 / 64]);
        let mut set = |c: char| {
            let i = c as usize;
            if let Some(bits) = table.get_mut(i >> 6) {
                *bits |= 1 << (i & 63);
            }
        };
        for page in code_pages() {
            page.bytes_of.iter().for_each(|&(c, _)| set(c));
        }
        ('\u{80}'..='\u{9F}').for_each(&mut set);
        // Ligatures: normalization writes `ﬅ` as `ſt`.
        ('\u{FB00}'..='\u{FB06}').for_each(&mut set);
        ('\u{4E00}'..='\u{9FFF}')
            .filter(|&c| gb2312_cost(c) == 2)
            .for_each(&mut set);
        table
    })
}

#[cfg(test)]
mod tests {
    use super::super::gbk::may_be_utf8_read_as_gbk;
    use super::super::reading::repair_line;
    use super::*;
    use crate::chars::normalize::may_fix;

    fn may_hold(line: &str) -> bool {
        may_hold_mojibake(&Signs::of(line), line)
    }

    #[test]
    fn a_line_the_gate_passes_over_is_never_read() {
        // Lines of characters no reading starts from, alone, doubled and
        // between letters, spaces and invisible characters.
        let others: Vec<char> = (0..=0xFFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| !is_candidate(c))
            .collect();
        for pair in others.chunks(2) {
            let line: String = pair
                .iter()
                .flat_map(|&c| [c, c, 'x', c, ' ', '\u{200B}'])
                .collect();
            assert!(!may_hold(&line));
            assert_eq!(repair_line(&line), None, "{line:?}");
        }
        // Characters a reading may start from, where the line shows no
        // evidence of a code page.
        for line in [
            "“鄂尔多斯”，综述",
            "主题‘结合’上",
            "第１章 Ⅻ 鄂",
            "企业……鄂尔多斯",
        ] {
            assert!(!may_hold(line), "{line}");
            assert_eq!(repair_line(line), None);
        }
        for line in ["cafÃ©", "鑰冭瘯", "\u{93}quoted\u{94}", "ï¬\u{AD}"] {
            assert!(may_hold(line), "{line}");
        }
    }

    #[test]
    fn an_ascii_run_ends_where_a_byte_at_a_time_ends_it() {
        // Runs longer than eight bytes, with a control, a tab, DEL or a
        // character that is not ASCII at every position, read from every
        // position.
        let base = "The quick brown fox jumps over the lazy dog";
        for at in 0..=base.len() {
            for odd in ["\u{1}", "\t", "\u{7F}", "é", "中", ""] {
                let line = format!("{}{odd}{}", &base[..at], &base[at..]);
                for from in (0..=line.len()).filter(|&i| line.is_char_boundary(i)) {
                    let bytes = &line.as_bytes()[from..];
                    let end = bytes.iter().position(|b| !b.is_ascii());
                    let run = &bytes[..end.unwrap_or(bytes.len())];
                    let control = run.iter().any(|&b| b.is_ascii_control() && b != b'\t');
                    assert_eq!(ascii_run(bytes), (run, control), "{line:?} {from}");
                }
                assert_eq!(Signs::of(&line).normalized, may_fix(&line, Scope::Alone));
            }
        }
    }

    #[test]
    fn on_no_page_only_ideographs_outside_gb2312_are_candidates() {
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            if PageBytes::is_on_no_page(c) {
                let ideograph = ('\u{4E00}'..='\u{9FFF}').contains(&c);
                assert_eq!(is_candidate(c), ideograph && gb2312_cost(c) == 2, "{c:?}");
                assert!(!is_fixed(c, Scope::Alone) && !is_single_byte_mojibake_letter(c));
            } else if !c.is_ascii() && !is_candidate(c) {
                assert_eq!(PageBytes::of_unwritten(c), PageBytes::of(c), "{c:?}");
            }
        }
    }

    #[test]
    fn one_pass_finds_what_each_question_finds_alone() {
        // Every character of the Basic Multilingual Plane and some beyond
        // it, alone and next to the characters that show a page's bytes.
        let neighbours = [
            'Ã', '©', 'â', '€', ' ', '\u{A0}', '\u{FFFD}', '“', 'a', '中', '鑰',
        ];
        let chars = (0..=0x1_0100u32).filter_map(char::from_u32);
        for c in chars {
            for n in neighbours {
                for line in [format!("{c}"), format!("{n}{c}"), format!("{c}{n}{c}鑰冭")] {
                    let signs = Signs::of(&line);
                    assert_eq!(signs.candidate, line.chars().any(is_candidate), "{line:?}");
                    assert_eq!(signs.normalized, may_fix(&line, Scope::Alone), "{line:?}");
                    assert_eq!(
                        signs.evidence.offers_a_reading(),
                        PageEvidence::of(&line).offers_a_reading(),
                        "{line:?}"
                    );
                    assert_eq!(
                        signs.may_be_utf8_read_as_gbk(&line),
                        may_be_utf8_read_as_gbk(&line),
                        "{line:?}"
                    );
                    assert_eq!(
                        signs.single_byte_letter,
                        line.chars().any(is_single_byte_mojibake_letter),
                        "{line:?}"
                    );
                }
            }
        }
    }
}
