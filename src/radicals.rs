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

mod table;

use crate::script::{CharClass, classify};
use table::EQUIVALENT_UNIFIED_IDEOGRAPH;
use unicode_normalization::char::decompose_compatible;

/// True for code points that PDF fonts map glyphs to instead of the
/// unified ideograph: the CJK Radicals Supplement and Kangxi Radicals
/// blocks, and CJK compatibility ideographs.
pub fn is_radical_like(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

/// The unified ideograph a radical or compatibility ideograph stands for,
/// or `None` when Unicode gives none.
///
/// ```
/// use textmend::radicals::unified_ideograph;
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn compatibility_ideographs_use_their_decomposition() {
        assert_eq!(unified_ideograph('\u{F900}'), Some('\u{8C48}'));
        assert_eq!(unified_ideograph('\u{FA11}'), None);
    }
}
