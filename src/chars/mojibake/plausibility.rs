//! How plausible a text is as real writing: the score that decides
//! whether a reading of mojibake is kept.
//!
//! Characters cost what mojibake is made of and real text rarely has: C1
//! controls, symbols glued to letters, scripts mixed inside a word, rare
//! letters, ideographs outside the 3755 most frequent (GB2312 level 1),
//! and an apostrophe where neither elision nor a contraction puts one
//! (`tur’stico` costs more than `turístico`, `don’t` no more than
//! `donít`). `O(n)`.

use crate::chars::radicals::unified_ideograph;
use crate::text::script::{CharClass, classify};
use encoding_rs::{BIG5, DecoderResult, EncoderResult, Encoding, GBK, SHIFT_JIS};
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_script::{Script, UnicodeScript};

/// How implausible `text` is as real writing: the sum of what each
/// character costs alone and next to its neighbours. Lower is better.
pub(super) fn cost(text: &str) -> i32 {
    cost_with(text, han_cost)
}

/// [`cost`] with ideographs weighed by their frequency in Simplified
/// Chinese alone ([`gb2312_cost`]): how a GBK reading is judged, since
/// GBK is what writes Simplified Chinese.
pub(super) fn cost_as_simplified_chinese(text: &str) -> i32 {
    cost_with(text, gb2312_cost)
}

fn cost_with(text: &str, han: fn(char) -> i32) -> i32 {
    // Judged as the text reads once the characters that a later stage
    // removes are gone, so that a second run judges it the same.
    // Radicals count as the ideographs they become.
    let mut chars = text
        .chars()
        .filter(|&c| !is_removed_later(c))
        .map(|c| unified_ideograph(c).unwrap_or(c));
    let mut total = 0;
    let (mut prev, mut current) = (None, chars.next());
    while let Some(c) = current {
        let next = chars.next();
        let alone = if classify(c) == CharClass::Han {
            han(c)
        } else {
            char_cost(c)
        };
        total += alone + context_cost(prev, c, next);
        if let Some(p) = prev {
            // Greek letters in Latin words are notation (`IL2Rγc`, `TNFα`).
            let mixed = match (script_family(p), script_family(c)) {
                (Some(0), Some(1)) | (Some(1), Some(0)) => false,
                (Some(x), Some(y)) => x != y,
                _ => false,
            };
            total += 3 * i32::from(mixed);
        }
        (prev, current) = (Some(c), next);
    }
    total + 3 * misplaced_apostrophes(text)
}

/// How many apostrophes (`’`) stand inside a word where no language puts
/// one: at least three letters before it, and after it a lowercase ASCII
/// consonant other than `h` and `y` that starts three letters or more
/// (`tur’stico`). Elision puts an apostrophe after one or two letters or
/// before a vowel or `h` (`o’clock`, `qu’il`, `dell’anno`, `l’homme`,
/// `Xi’an`); a contraction or possessive leaves at most two letters after
/// it (`don’t`, `we’ll`, `geht’s`, `rock’n’roll`); a name has a capital
/// after it (`O’Brien`). `O(n)`: each apostrophe looks at most three
/// letters ahead.
fn misplaced_apostrophes(text: &str) -> i32 {
    let mut count = 0;
    let mut letters_before = 0;
    for (at, c) in text.char_indices() {
        if c == '’' && letters_before >= 3 {
            let after = text[at + c.len_utf8()..].chars();
            let consonant = after.clone().next().is_some_and(|n| {
                n.is_ascii_lowercase() && !matches!(n, 'a' | 'e' | 'i' | 'o' | 'u' | 'h' | 'y')
            });
            let long = after.take_while(|n| n.is_alphabetic()).take(3).count() == 3;
            count += i32::from(consonant && long);
        }
        letters_before = if c.is_alphabetic() {
            letters_before + 1
        } else {
            0
        };
    }
    count
}

/// Latin-1 and windows-1252 symbols: what a UTF-8 continuation byte turns
/// into when read as one of them (and Mac Roman's `√`, `∂`, `≈`, `◊`, `⁄`, and the
/// box drawing, block elements and signs `⌐ ⌠ ⌡ ■ ⁿ` of the PC code
/// pages).
fn is_code_page_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{A1}'
            ..='\u{BF}'
                | '×'
                | '÷'
                | 'ƒ'
                | 'ˆ'
                | '˜'
                | '‚'
                | '„'
                | '†'
                | '‡'
                | '‰'
                | '‹'
                | '›'
                | '™'
    ) || ('\u{2C7}'..='\u{2DD}').contains(&c)
        || ('\u{2200}'..='\u{22FF}').contains(&c)
        || ('\u{2500}'..='\u{259F}').contains(&c)
        || matches!(c, '\u{2310}' | '\u{2320}' | '\u{2321}' | '\u{25A0}' | 'ⁿ')
        || matches!(c, '◊' | '⁄')
}

/// Punctuation that real text has between words, not inside one (the
/// right single quote is also an apostrophe, the left one is not).
fn is_word_edge_punct(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '‘' | '•' | '…' | '–' | '—' | '€')
}

pub(super) fn char_cost(c: char) -> i32 {
    if c.is_ascii() {
        return 0;
    }
    match c {
        '\u{80}'..='\u{9F}' => 10,
        '\u{A0}' | '€' | '“' | '”' | '‘' | '’' | '–' | '—' | '…' | '•' | '\u{FFFD}' => {
            0
        }
        c if is_code_page_symbol(c) => 1,
        '\u{C0}'..='\u{17F}' | '\u{218}'..='\u{21B}' => 0,
        '\u{180}'..='\u{24F}' | '\u{2B0}'..='\u{2FF}' => 1,
        '\u{250}'..='\u{2AF}' | '\u{300}'..='\u{36F}' => 2,
        '\u{1D00}'..='\u{1DBF}' => 6,
        // Cyrillic letters of one or two languages each, and the ones
        // windows-1251 puts where UTF-8 has continuation bytes.
        'Ђ' | 'ђ' | 'Ѓ' | 'ѓ' | 'Ќ' | 'ќ' | 'Џ' | 'џ' | 'Ћ' | 'Љ' | 'љ' | 'Њ' | 'њ' | 'Ў' | 'ў'
        | 'Ѕ' | 'ѕ' | 'Ј' | 'ј' => 2,
        '\u{2100}'..='\u{214F}' | '\u{2190}'..='\u{22FF}' | '\u{2500}'..='\u{259F}' => 1,
        '\u{E000}'..='\u{F8FF}' | '\u{F0000}'.. => 10,
        c if classify(c) == CharClass::Han => han_cost(c),
        _ => 0,
    }
}

/// What `c` costs given its neighbours: a code-page symbol glued to a
/// letter (worst inside a word: `Ä°stanbul`, `wei√ü`), punctuation that
/// belongs between words found inside one (`HÃ”TEL`), a combining mark
/// that accents nothing, an accented capital inside a lowercase word
/// (`VisÅ³`), and `Ã` ending a word (`voilÃ le`), which no language writes.
fn context_cost(prev: Option<char>, c: char, next: Option<char>) -> i32 {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    // Latin ligatures count as the ASCII letters they stand for.
    let accented = |c: Option<char>| {
        c.is_some_and(|c| {
            !c.is_ascii() && c.is_alphabetic() && !('\u{FB00}'..='\u{FB06}').contains(&c)
        })
    };
    if is_combining_mark(c) {
        // The accents of decomposed Latin text are fine after a letter,
        // and so are the vowel signs and other marks of a script after its
        // own letters (`वि`, `กิ`, `שָׁ`).
        let accent = matches!(c, '\u{300}'..='\u{30C}' | '\u{323}' | '\u{327}' | '\u{328}');
        let own_script = prev.is_some_and(|p| {
            let script = c.script();
            script == p.script() && !matches!(script, Script::Common | Script::Inherited)
        });
        return if letter(prev) && (accent || own_script) {
            0
        } else {
            4
        };
    }
    if is_code_page_symbol(c) {
        return if letter(prev) && letter(next) && (accented(prev) || accented(next)) {
            4
        } else if accented(prev) || accented(next) {
            2
        } else if letter(prev)
            && next.is_some_and(|n| is_code_page_symbol(n) || is_word_edge_punct(n))
        {
            // Two symbols glued to the end of a word (`Zam√≤`, `overv√•kes`).
            3
        } else {
            0
        };
    }
    if is_word_edge_punct(c) && letter(prev) && letter(next) && (accented(prev) || accented(next)) {
        return 3;
    }
    if c == 'Ã' && next.is_none_or(is_space) {
        return 3;
    }
    // `Â` before a no-break space or a Latin-1 symbol: the UTF-8 lead
    // byte of that symbol (`Â£`, `Â°`).
    if c == 'Â' && next.is_some_and(|n| ('\u{A0}'..='\u{BF}').contains(&n)) {
        return 3;
    }
    // A lowercase letter other than ASCII inside a word in capitals
    // (`ZURÃœCK`): capitals have capital accented letters (`ß` has none).
    if !c.is_ascii()
        && c.is_lowercase()
        && c != 'ß'
        && prev.is_some_and(char::is_uppercase)
        && next.is_some_and(char::is_uppercase)
    {
        return 3;
    }
    // An accented capital inside a lowercase word (`VisÅ³`, `ÄÆdomu`),
    // worst with lowercase letters on both sides (`destÃ\u{AD}n`, whose
    // soft hyphen is a byte of `í`).
    if !c.is_ascii()
        && c.is_uppercase()
        && (prev.is_some_and(char::is_lowercase)
            || prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_lowercase))
    {
        let inside = prev.is_some_and(char::is_lowercase) && next.is_some_and(char::is_lowercase);
        return if inside { 3 } else { 2 };
    }
    0
}

/// Characters that normalization removes: soft hyphen, zero-width
/// characters, and controls other than tab, line feed and the C1 controls
/// (which this stage reads as windows-1252).
pub(super) fn is_removed_later(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
        || c.is_control() && !matches!(c, '\t' | '\n' | '\u{80}'..='\u{9F}')
}

/// White space within a line (a tab or space may stand for a lost
/// no-break space).
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace()
        && !matches!(
            c,
            '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
}

/// How rare an ideograph is in real text: 0 when it is among the most
/// frequent characters of Simplified Chinese, Traditional Chinese or
/// Japanese (the first level of GB2312, of Big5 or of JIS X 0208), 1 when
/// it is in the second level of one of them, 2 for any other.
pub(super) fn han_cost(c: char) -> i32 {
    let index = (c as usize).wrapping_sub(0x4E00);
    if let Some(&level) = best_levels().get(index) {
        return i32::from(level);
    }
    gb2312_level(c)
}

/// [`han_cost`] by GB2312 alone: 0 in level 1, 1 in level 2, 2 for any
/// other ideograph (what UTF-8 read as GBK is full of).
pub(super) fn gb2312_cost(c: char) -> i32 {
    let index = (c as usize).wrapping_sub(0x4E00);
    if let Some(&level) = gb2312_levels().get(index) {
        return i32::from(level);
    }
    gb2312_level(c)
}

/// The GB2312 level of every character of the unified ideographs block
/// (U+4E00..=U+9FFF), as [`gb2312_cost`] gives it. Built once by decoding
/// the byte pairs of GB2312's two levels, which costs a thousandth of
/// encoding each character ([`read_pair`]). Every text with ideographs
/// asks for it (see `signs::mojibake_candidates`); the levels of Big5 and
/// JIS X 0208 ([`best_levels`]), four times as many pairs, only a text
/// whose reading is scored.
fn gb2312_levels() -> &'static [u8] {
    static GB2312: OnceLock<Vec<u8>> = OnceLock::new();
    GB2312.get_or_init(|| {
        let mut levels = vec![2u8; 0xA000 - 0x4E00];
        mark_levels(&mut levels, GBK);
        levels
    })
}

/// The best level of every character of the unified ideographs block in
/// GB2312, Big5 and JIS X 0208, as [`han_cost`] gives it: the GB2312
/// levels, lowered by decoding the byte pairs of the other two sets' levels.
fn best_levels() -> &'static [u8] {
    static BEST: OnceLock<Vec<u8>> = OnceLock::new();
    BEST.get_or_init(|| {
        let mut levels = gb2312_levels().to_vec();
        mark_levels(&mut levels, BIG5);
        mark_levels(&mut levels, SHIFT_JIS);
        levels
    })
}

/// Lowers each unified ideograph's entry of `levels` to the level that
/// `encoding`'s character set gives it, if lower: the byte pairs of each
/// of its levels ([`level_ranges`]) are read one by one.
fn mark_levels(levels: &mut [u8], encoding: &'static Encoding) {
    let ranges = level_ranges();
    for &(_, level, first, last, trails) in ranges.iter().filter(|r| r.0 == encoding) {
        let [first_lead, _] = first.to_be_bytes();
        let [last_lead, _] = last.to_be_bytes();
        for lead in first_lead..=last_lead {
            for &trail in trails {
                let code = u16::from_be_bytes([lead, trail]);
                if !(first..=last).contains(&code) {
                    continue;
                }
                let Some(c) = read_pair(encoding, [lead, trail]) else {
                    continue;
                };
                if let Some(slot) = levels.get_mut((c as usize).wrapping_sub(0x4E00)) {
                    *slot = (*slot).min(level);
                }
            }
        }
    }
}

/// The one character that `encoding` reads the byte pair as, or `None`
/// when the pair is malformed or reads as more than one. Read by a decoder
/// into a buffer on the stack: the pairs of every level are read, and a
/// string allocated for each would cost more than the reading.
fn read_pair(encoding: &'static Encoding, pair: [u8; 2]) -> Option<char> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    // Room for what two bytes can read as, and for the stride of
    // garbage that a decoder may write past it.
    let mut buffer = [0u8; 64];
    let (result, _, written) = decoder.decode_to_utf8_without_replacement(&pair, &mut buffer, true);
    if result != DecoderResult::InputEmpty {
        return None;
    }
    let mut chars = std::str::from_utf8(buffer.get(..written)?).ok()?.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The byte pairs of each level of the three national character sets:
/// (encoding, level, first pair, last pair, trail bytes).
fn level_ranges() -> [(&'static encoding_rs::Encoding, u8, u16, u16, &'static [u8]); 6] {
    static GB_TRAILS: OnceLock<Vec<u8>> = OnceLock::new();
    static BIG5_TRAILS: OnceLock<Vec<u8>> = OnceLock::new();
    static SJIS_TRAILS: OnceLock<Vec<u8>> = OnceLock::new();
    let gb = GB_TRAILS.get_or_init(|| (0xA1..=0xFE).collect());
    let big5 = BIG5_TRAILS.get_or_init(|| (0x40..=0x7E).chain(0xA1..=0xFE).collect());
    let sjis = SJIS_TRAILS.get_or_init(|| (0x40..=0x7E).chain(0x80..=0xFC).collect());
    [
        (GBK, 0, 0xB0A1, 0xD7FE, gb),
        (GBK, 1, 0xD8A1, 0xF7FE, gb),
        (BIG5, 0, 0xA440, 0xC67E, big5),
        (BIG5, 1, 0xC940, 0xF9D5, big5),
        (SHIFT_JIS, 0, 0x889F, 0x9872, sjis),
        (SHIFT_JIS, 1, 0x989F, 0xEAA4, sjis),
    ]
}

/// Costs of [`han_cost`] from the GBK encoder (slow: the table of the
/// unified ideographs block is built from it once).
fn gb2312_level(c: char) -> i32 {
    match gbk_bytes(c) {
        Some(([0xB0..=0xD7, 0xA1..=0xFE, ..], 2)) => 0,
        Some(([0xD8..=0xF7, 0xA1..=0xFE, ..], 2)) => 1,
        _ => 2,
    }
}

/// The GBK bytes of `c` and how many there are, without allocating.
pub(super) fn gbk_bytes(c: char) -> Option<([u8; 4], usize)> {
    let mut utf8 = [0u8; 4];
    let mut bytes = [0u8; 4];
    let (result, _, written) = GBK.new_encoder().encode_from_utf8_without_replacement(
        c.encode_utf8(&mut utf8),
        &mut bytes,
        true,
    );
    (result == EncoderResult::InputEmpty).then_some((bytes, written))
}

/// The letter's script family, for catching scripts mixed inside a word
/// (`cafรฉ`, a Latin word that UTF-8 read as the Thai code page breaks).
fn script_family(c: char) -> Option<u8> {
    let family = match c {
        '\u{0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => 0,
        '\u{370}'..='\u{3FF}' => 1,
        '\u{400}'..='\u{52F}' => 2,
        '\u{590}'..='\u{5FF}' => 3,
        '\u{600}'..='\u{6FF}' => 4,
        '\u{E00}'..='\u{E7F}' => 5,
        _ => return None,
    };
    c.is_alphabetic().then_some(family)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_reads_as_decoding_it_alone_does() {
        for encoding in [GBK, BIG5, SHIFT_JIS] {
            for lead in 0x80..=0xFFu8 {
                for trail in 0x30..=0xFFu8 {
                    let pair = [lead, trail];
                    let (text, malformed) = encoding.decode_without_bom_handling(&pair);
                    let mut chars = text.chars();
                    let alone = match (chars.next(), chars.next(), malformed) {
                        (Some(c), None, false) => Some(c),
                        _ => None,
                    };
                    assert_eq!(
                        read_pair(encoding, [lead, trail]),
                        alone,
                        "{lead:X} {trail:X}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_decoded_table_agrees_with_the_encoder() {
        for k in 0..0xA000 - 0x4E00 {
            let c = char::from_u32(0x4E00 + k as u32).expect("a unified ideograph");
            assert_eq!(gb2312_cost(c), gb2312_level(c), "{c} U+{:04X}", c as u32);
            assert!(han_cost(c) <= gb2312_cost(c));
        }
    }

    #[test]
    fn frequent_ideographs_of_each_locale_cost_nothing() {
        // 們 and 說 are frequent in Traditional Chinese, 込 in Japanese.
        for c in ['的', '們', '說', '込'] {
            assert_eq!(han_cost(c), 0, "{c}");
        }
        assert_eq!(gb2312_cost('們'), 2);
    }

    #[test]
    fn mojibake_costs_more_than_the_text_it_hides() {
        for (garbled, right) in [
            ("cafÃ©", "café"),
            ("Ä°stanbul", "İstanbul"),
            ("wei√ü", "weiß"),
            ("Ö÷Ìâ½ÌÓý", "主题教育"),
            ("VisÅ³ pirma", "Visų pirma"),
            ("IL2RÎ³c", "IL2Rγc"),
        ] {
            assert!(cost(garbled) > cost(right), "{garbled}");
        }
    }

    #[test]
    fn marks_cost_nothing_after_letters_of_their_script() {
        for text in ["विंडो की", "ภาษาไทย", "שָׁלוֹם"] {
            assert_eq!(cost(text), 0, "{text}");
        }
        // A Devanagari vowel sign after a Latin letter accents nothing.
        assert!(cost("a\u{93F}") > 0);
    }

    #[test]
    fn an_apostrophe_inside_a_word_where_no_language_puts_one() {
        assert_eq!(misplaced_apostrophes("barco tur’stico"), 1);
        for text in [
            "don’t, we’ll, geht’s",
            "o’clock, qu’il, l’homme, dell’anno, Xi’an",
            "O’Brien, rock’n’roll, aujourd’hui",
        ] {
            assert_eq!(misplaced_apostrophes(text), 0, "{text}");
        }
        assert!(cost("tur’stico") > cost("turístico"));
    }

    #[test]
    fn ordinary_text_costs_nothing() {
        for text in [
            "São Paulo, Ação",
            "Ærø, Øresund",
            "主题教育在基层",
            "naïve café",
        ] {
            assert_eq!(cost(text), 0, "{text}");
        }
    }

    #[test]
    fn ideographs_by_frequency() {
        assert_eq!(han_cost('的'), 0);
        assert_eq!(gb2312_cost('鑰'), 2);
        assert!(cost_as_simplified_chinese("鑰冭瘯") > cost_as_simplified_chinese("考试"));
        assert_eq!(han_cost('\u{20628}'), 2);
        assert_eq!(gbk_bytes('中').map(|(_, n)| n), Some(2));
    }

    #[test]
    fn characters_removed_later_are_not_judged() {
        assert_eq!(cost("a\u{AD}b"), cost("ab"));
        assert!(is_removed_later('\u{200B}'));
        assert!(!is_removed_later('\u{93}'));
    }
}
