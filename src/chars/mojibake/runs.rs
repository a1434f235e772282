//! A run of bytes read again as UTF-8 (word by word where the whole does not
//! read) or in a legacy CJK encoding.

use super::plausibility::{cost, han_cost, is_removed_later, is_space};
use crate::text::script::{CharClass, classify, is_hangul_syllable};
use encoding_rs::{BIG5, DecoderResult, EUC_KR, Encoding, GBK, SHIFT_JIS};

/// How many bytes at the end of `bytes` (at most 3) start a UTF-8
/// sequence that they do not finish.
pub(super) fn unfinished_sequence(bytes: impl DoubleEndedIterator<Item = u8>) -> usize {
    for (i, b) in bytes.rev().take(3).enumerate() {
        let len = match b {
            0x80..=0xBF => continue,
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return 0,
        };
        return if i + 1 < len { i + 1 } else { 0 };
    }
    0
}

/// The reading of one run.
pub(super) struct RunReading {
    pub(super) text: String,
    pub(super) complete: bool,
    /// A byte that starts a UTF-8 sequence was left unread.
    pub(super) stray_lead: bool,
}

/// Reads the run's bytes as UTF-8, word by word when the run does not read
/// whole: a line pasted together from text that was garbled and text that
/// was not (`the cafÃ© and the café`) has words that start a UTF-8
/// sequence they do not finish (`café`). Such a word is kept as written
/// when it is plausible as written, and the other words are read; a word
/// that is neither is a stray lead byte, and the reading is refused.
pub(super) fn read_utf8(run: &[(char, u8)]) -> RunReading {
    let whole = read_utf8_run(run);
    if !whole.stray_lead {
        return whole;
    }
    let mut out = String::with_capacity(run.len());
    let (mut complete, mut stray_lead) = (true, false);
    let is_gap = |&(c, _): &(char, u8)| c == ' ';
    let mut rest = run;
    while !rest.is_empty() {
        let gap = rest.iter().take_while(|p| is_gap(p)).count();
        out.extend(rest[..gap].iter().map(|&(c, _)| c));
        rest = &rest[gap..];
        let len = rest.iter().take_while(|p| !is_gap(p)).count();
        let (word, after) = rest.split_at(len);
        let reading = read_utf8_run(word);
        if reading.stray_lead {
            let written: String = word.iter().map(|&(c, _)| c).collect();
            stray_lead |= cost(&written) > 0;
            out.push_str(&written);
        } else {
            complete &= reading.complete;
            out.push_str(&reading.text);
        }
        rest = after;
    }
    RunReading {
        text: out,
        complete,
        stray_lead,
    }
}

/// Reads the run's bytes as UTF-8; a byte that starts no valid sequence
/// keeps its character. A space after a lead byte stands for the no-break space (0xA0) that an
/// editor turned into a space (`Ã ` for `à`); the space is kept when an
/// ASCII word follows (`Ã la` → `à la`, `lÃ .` → `là.`).
fn read_utf8_run(run: &[(char, u8)]) -> RunReading {
    let mut out = String::with_capacity(run.len());
    let (mut complete, mut stray_lead) = (true, false);
    let mut i = 0;
    while i < run.len() {
        let (c, b) = run[i];
        let len = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if len > 1 && i + len <= run.len() {
            let bytes: Vec<u8> = run[i..i + len].iter().map(|&(_, b)| b).collect();
            if let Ok(s) = std::str::from_utf8(&bytes) {
                out.push_str(s);
                i += len;
                continue;
            }
        }
        // A character outside the BMP that was written as two UTF-16
        // surrogates, each in UTF-8 (CESU-8, as Java writes it).
        if b == 0xED && i + 6 <= run.len() {
            let bytes: Vec<u8> = run[i..i + 6].iter().map(|&(_, b)| b).collect();
            if let Some(c) = surrogate_pair(&bytes) {
                out.push(c);
                i += 6;
                continue;
            }
        }
        // A three-byte sequence whose last byte became `?`.
        if len == 3
            && run
                .get(i + 1)
                .is_some_and(|&(_, b)| (0x80..=0xBF).contains(&b))
            && run.get(i + 2).is_some_and(|&(c, _)| c == '?')
        {
            out.push('\u{FFFD}');
            i += 3;
            continue;
        }
        if len == 2 && run.get(i + 1).is_some_and(|&(c, _)| is_space(c)) {
            if let Ok(s) = std::str::from_utf8(&[b, 0xA0]) {
                out.push_str(s);
                // `Ã perturber` was `à perturber`; `Å iaip` was `Šiaip`;
                // a lone letter is no word of its own (`Ã s` was `às`,
                // while `Ã l'école` is `à l'école`).
                let letter_at =
                    |k: usize| run.get(k).is_some_and(|&(c, _)| c.is_ascii_alphanumeric());
                let lone_letter = letter_at(i + 2)
                    && !letter_at(i + 3)
                    && run.get(i + 3).is_none_or(|&(c, _)| c != '\'' && c != '’');
                let plain_word_follows =
                    s.chars().all(char::is_lowercase) && letter_at(i + 2) && !lone_letter;
                i += if plain_word_follows { 1 } else { 2 };
                continue;
            }
        }
        complete &= b.is_ascii() || is_removed_later(c);
        stray_lead |= len > 1;
        out.push(c);
        i += 1;
    }
    RunReading {
        text: out,
        complete,
        stray_lead,
    }
}

/// The character that six bytes encode as a UTF-16 surrogate pair, each
/// half written as a three-byte UTF-8 sequence.
fn surrogate_pair(bytes: &[u8]) -> Option<char> {
    let half = |b: &[u8]| -> Option<u32> {
        match b {
            &[0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF] => {
                Some(0xD000 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F))
            }
            _ => None,
        }
    };
    let (high, low) = (half(&bytes[..3])?, half(&bytes[3..6])?);
    if !(0xD800..0xDC00).contains(&high) || !(0xDC00..0xE000).contains(&low) {
        return None;
    }
    char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
}

/// A double-byte encoding of Chinese, Japanese or Korean, in which text
/// was written before a single-byte code page garbled it (`Ö÷Ìâ` for
/// `主题` in GBK, `Åª¨ú` for `讀取` in Big5, `‚±‚Ì` for `この` in
/// Shift_JIS, `ÆÄÀÏ` for `파일` in EUC-KR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Legacy {
    /// Simplified Chinese (GB2312 and its extension GBK).
    Gbk,
    /// Traditional Chinese.
    Big5,
    /// Japanese.
    ShiftJis,
    /// Korean (KS X 1001).
    EucKr,
}

impl Legacy {
    pub(super) const ALL: [Legacy; 4] =
        [Legacy::Gbk, Legacy::Big5, Legacy::ShiftJis, Legacy::EucKr];

    fn encoding(self) -> &'static Encoding {
        match self {
            Legacy::Gbk => GBK,
            Legacy::Big5 => BIG5,
            Legacy::ShiftJis => SHIFT_JIS,
            Legacy::EucKr => EUC_KR,
        }
    }

    /// Is `c` a letter that text written in this encoding is made of, and
    /// is it a frequent one? Chinese and Japanese are written in
    /// ideographs and kana (half-width katakana, which Shift_JIS writes as
    /// single bytes 0xA1–0xDF, are where Latin letters land and are not
    /// taken); Korean in Hangul syllables (a jamo standing alone is where
    /// other text read as EUC-KR lands).
    fn letter(self, c: char) -> Option<bool> {
        let class = classify(c);
        match self {
            Legacy::EucKr => is_hangul_syllable(c).then_some(true),
            _ if ('\u{FF61}'..='\u{FF9F}').contains(&c) => None,
            _ => match class {
                CharClass::Han => Some(han_cost(c) == 0),
                CharClass::Kana => Some(true),
                _ => None,
            },
        }
    }

    /// Can the encoding write this byte of a double-byte character? EUC-KR
    /// writes the 2350 Hangul syllables of KS X 1001 with two bytes of
    /// 0xA1–0xFE; the other 8822 that windows-949 adds, with ASCII letters
    /// as trail bytes, are rare and are what other text read through it
    /// gives.
    fn takes(self, byte: u8) -> bool {
        self != Legacy::EucKr || !(0x80..0xA1).contains(&byte)
    }
}

/// Reads the run's bytes in a legacy CJK encoding, all or nothing: the
/// reading must be valid, have no letters but those of its language
/// ([`Legacy::letter`]; signs and punctuation may stand between them), and
/// three in four of its letters frequent ones, else the run is kept.
pub(super) fn read_legacy(run: &[(char, u8)], legacy: Legacy) -> RunReading {
    let original = || run.iter().map(|&(c, _)| c).collect::<String>();
    let kept = || RunReading {
        text: original(),
        complete: false,
        stray_lead: false,
    };
    let bytes: Vec<u8> = run.iter().map(|&(_, b)| b).collect();
    if !bytes.iter().all(|&b| legacy.takes(b)) {
        return kept();
    }
    let mut decoder = legacy.encoding().new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 2);
    let (result, _) = decoder.decode_to_string_without_replacement(&bytes, &mut out, true);
    // These encodings also write Greek, Cyrillic and Latin letters and box
    // drawing, which a wrong reading is full of; their arrows and other
    // signs are fine.
    let box_drawing = |c: char| ('\u{2500}'..='\u{257F}').contains(&c);
    let fits = |c: char| {
        c.is_ascii()
            || legacy.letter(c).is_some()
            || classify(c) == CharClass::WidePunct
            || !c.is_alphabetic() && !c.is_control() && !box_drawing(c)
    };
    let letters: Vec<bool> = out.chars().filter_map(|c| legacy.letter(c)).collect();
    let common = letters.iter().filter(|&&common| common).count();
    // No CJK text sets one of its letters inside a Latin word
    // (`cient断icos` is `cient\u{92}ficos`, Mac Roman read as Latin-1).
    let chars: Vec<char> = out.chars().collect();
    let inside_a_latin_word = chars.windows(3).any(|w| {
        w[0].is_ascii_alphabetic() && legacy.letter(w[1]).is_some() && w[2].is_ascii_alphabetic()
    });
    if result != DecoderResult::InputEmpty
        || inside_a_latin_word
        || !out.chars().all(fits)
        || letters.len() < 2
        || common * 4 < letters.len() * 3
    {
        return kept();
    }
    RunReading {
        text: out,
        complete: true,
        stray_lead: false,
    }
}
