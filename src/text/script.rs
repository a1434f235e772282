//! Character classes: which script a character belongs to and what role it
//! plays at a line boundary.
//!
//! Every class comes from Unicode data (`unicode-script` for scripts,
//! `unicode-width` for East Asian width, `unicode-linebreak` for the line
//! break classes of UAX #14, the standard library for general
//! categories); nothing here is a hand-typed code point range except the
//! short lists of punctuation whose *role* (sentence end, opening bracket)
//! Unicode does not record.

use std::sync::atomic::{AtomicU8, Ordering};
use unicode_script::{Script, UnicodeScript};
use unicode_width::UnicodeWidthChar;

/// The class of a character as far as joining and spacing rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// Han ideographs, including radicals and compatibility ideographs.
    Han,
    /// Hiragana and Katakana (and the prolonged sound mark).
    Kana,
    /// Korean Hangul syllables and jamo.
    Hangul,
    /// Letters of alphabetic scripts written with spaces between words
    /// (Latin, Greek, Cyrillic, ...).
    Letter,
    /// Decimal digits of any width.
    Digit,
    /// Punctuation and symbols that are full-width (East Asian Wide or
    /// Fullwidth): `，。「」（）`.
    WidePunct,
    /// Any other punctuation or symbol.
    Punct,
    /// White space.
    Space,
    /// Anything else (controls, unassigned, other scripts' marks).
    Other,
}

/// Classes of the Basic Multilingual Plane, so that the hot path is one
/// load: each character's class is computed from the Unicode tables by
/// [`classify_slow`] the first time it is asked about, and kept as its
/// place in [`CLASSES`] plus one (0 until then). A document holds a few
/// thousand different characters at most, and computing all 65,536 costs
/// as much as repairing a hundred kilobytes of text. Threads that race to
/// compute a class store the same value.
static BMP_CLASSES: [AtomicU8; 0x10000] = [const { AtomicU8::new(0) }; 0x10000];

/// Every class, in the order of their declaration (a class's place here
/// is its discriminant, as a test checks).
const CLASSES: [CharClass; 9] = [
    CharClass::Han,
    CharClass::Kana,
    CharClass::Hangul,
    CharClass::Letter,
    CharClass::Digit,
    CharClass::WidePunct,
    CharClass::Punct,
    CharClass::Space,
    CharClass::Other,
];

/// Computes the class of `c`, a character of the Basic Multilingual
/// Plane asked about for the first time, and keeps it in `slot`.
#[cold]
fn classify_and_keep(c: char, slot: &AtomicU8) -> CharClass {
    let class = classify_slow(c);
    slot.store(class as u8 + 1, Ordering::Relaxed);
    class
}

/// Classes of ASCII, the characters asked about most, in a table built at
/// compile time (no check that a lazy table is built, no call); equal to
/// [`classify_slow`]'s, as a test checks.
const ASCII_CLASSES: [CharClass; 128] = {
    let mut table = [CharClass::Other; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        table[i] = if matches!(c, b'\t'..=b'\r' | b' ') {
            // `char::is_whitespace` on ASCII: tab, line feed, vertical
            // tab, form feed, carriage return and space.
            CharClass::Space
        } else {
            ascii_class(c)
        };
        i += 1;
    }
    table
};

/// The classes a text's characters belong to: measured once per line
/// ([`crate::text::line::Line::classes`]), so that a stage asking whether
/// a line holds CJK, Hangul or Latin letters need not walk it again.
///
/// ```
/// use textmend::text::script::{CharClass, ClassSet};
/// let classes = ClassSet::of("第3章 Setup");
/// assert!(classes.has_cjk() && classes.contains(CharClass::Letter));
/// assert!(!classes.contains(CharClass::Hangul));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClassSet(u16);

impl ClassSet {
    /// The classes of `text`'s characters. `O(n)`: a table look-up per
    /// character, ASCII byte by byte.
    pub fn of(text: &str) -> Self {
        if text.is_ascii() {
            // One bit per byte, or-ed without a branch.
            let bits = text
                .bytes()
                .fold(0, |bits, b| bits | ASCII_CLASS_BITS[usize::from(b & 0x7F)]);
            return ClassSet(bits);
        }
        let mut set = ClassSet::default();
        {
            for c in text.chars() {
                set.insert(classify(c));
            }
        }
        set
    }

    fn insert(&mut self, class: CharClass) {
        self.0 |= 1 << class as u16;
    }

    /// Does the text hold a character of `class`?
    pub fn contains(self, class: CharClass) -> bool {
        self.0 & 1 << class as u16 != 0
    }

    /// Does the text hold ideographs or kana ([`is_cjk`])?
    pub fn has_cjk(self) -> bool {
        self.contains(CharClass::Han) || self.contains(CharClass::Kana)
    }
}

impl std::ops::BitOr for ClassSet {
    type Output = ClassSet;

    fn bitor(self, other: ClassSet) -> ClassSet {
        ClassSet(self.0 | other.0)
    }
}

/// [`ASCII_CLASSES`] as the bits of a [`ClassSet`].
const ASCII_CLASS_BITS: [u16; 128] = {
    let mut bits = [0; 128];
    let mut i = 0;
    while i < 128 {
        bits[i] = 1 << ASCII_CLASSES[i] as u16;
        i += 1;
    }
    bits
};

/// Classifies one character: `O(1)` for the Basic Multilingual Plane
/// (a table built once from the Unicode data), `O(log n)` beyond it.
#[inline]
pub fn classify(c: char) -> CharClass {
    if let Some(&class) = ASCII_CLASSES.get(c as usize) {
        return class;
    }
    match BMP_CLASSES.get(c as usize) {
        Some(slot) => match slot.load(Ordering::Relaxed) {
            0 => classify_and_keep(c, slot),
            kept => CLASSES
                .get(usize::from(kept - 1))
                .copied()
                .unwrap_or(CharClass::Other),
        },
        None => classify_slow(c),
    }
}

/// True for a character of line-break class SA (complex context, UAX #14):
/// the letters and marks of Thai, Lao, Khmer, Myanmar and the other
/// South-East Asian scripts that write no space between words and mark
/// word boundaries, where they are marked at all, with an invisible
/// U+200B ZERO WIDTH SPACE.
///
/// ```
/// use textmend::text::script::is_complex_context;
/// assert!(is_complex_context('ក') && is_complex_context('ไ') && is_complex_context('မ'));
/// assert!(!is_complex_context('a') && !is_complex_context('中'));
/// ```
pub fn is_complex_context(c: char) -> bool {
    unicode_linebreak::break_property(u32::from(c)) == unicode_linebreak::BreakClass::ComplexContext
}

/// The class of an ASCII byte that is not white space.
const fn ascii_class(c: u8) -> CharClass {
    if c.is_ascii_alphabetic() {
        CharClass::Letter
    } else if c.is_ascii_digit() {
        CharClass::Digit
    } else if c.is_ascii_punctuation() {
        CharClass::Punct
    } else {
        CharClass::Other
    }
}

/// Classifies one character straight from the Unicode tables.
fn classify_slow(c: char) -> CharClass {
    if c.is_whitespace() {
        return CharClass::Space;
    }
    if c.is_ascii() {
        return ascii_class(c as u8);
    }
    match c.script() {
        Script::Han => return CharClass::Han,
        Script::Hiragana | Script::Katakana => return CharClass::Kana,
        Script::Hangul => return CharClass::Hangul,
        _ => {}
    }
    if c == 'ー' || c == '々' || c == '〆' {
        return CharClass::Kana;
    }
    if c.is_numeric() {
        return CharClass::Digit;
    }
    if c.is_alphabetic() {
        return if is_wide(c) {
            CharClass::Other
        } else {
            CharClass::Letter
        };
    }
    if is_wide(c) {
        CharClass::WidePunct
    } else if c.is_control() {
        CharClass::Other
    } else {
        CharClass::Punct
    }
}

/// True when the character is East Asian Wide or Fullwidth.
pub fn is_wide(c: char) -> bool {
    match common_width(c) {
        Some(width) => width == 2,
        None => c.width() == Some(2),
    }
}

/// The width of a character of the blocks that make up most text
/// (printable ASCII; CJK ideographs, kana, Hangul syllables, CJK and
/// full-width punctuation), the same in CJK and other text, answered
/// without a table search; `None` for every other character.
fn common_width(c: char) -> Option<usize> {
    match c {
        ' '..='~' => Some(1),
        '\u{3001}'..='\u{3029}'
        | '\u{3030}'..='\u{303E}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{FF01}'..='\u{FF60}' => Some(2),
        _ => None,
    }
}

/// `char::is_alphabetic`, answered without a table search for ASCII and
/// the common CJK blocks (ideographs, kana, Hangul syllables and their
/// punctuation), which make up most of the text.
///
/// ```
/// use textmend::text::script::is_alphabetic;
/// assert!(is_alphabetic('字') && is_alphabetic('カ') && is_alphabetic('é'));
/// assert!(!is_alphabetic('。') && !is_alphabetic('１') && !is_alphabetic('-'));
/// ```
pub fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z'
        | 'A'..='Z'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}' => true,
        '\0'..='\u{7F}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3020}'
        | '\u{FF01}'..='\u{FF20}' => false,
        _ => c.is_alphabetic(),
    }
}

/// True for ideographs and kana: the scripts written without spaces
/// between words. Hangul is not included: Korean separates words with
/// spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(classify(c), CharClass::Han | CharClass::Kana)
}

/// True for Hangul: syllables and jamo, which Korean writes in words
/// set apart by spaces.
pub fn is_hangul(c: char) -> bool {
    classify(c) == CharClass::Hangul
}

/// True for a precomposed Hangul syllable (`한`), not a jamo standing
/// alone (`ㅎ`).
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// True for katakana and the long vowel mark that only katakana words
/// hold.
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// True for hiragana, in which Japanese particles and endings are written.
pub fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

/// Do `before` and `after` end and start inside one katakana word, a word
/// that the line break cut in two (`セ` / `キュリティー`)?
pub fn splits_katakana_word(before: &str, after: &str) -> bool {
    before.ends_with(is_katakana) && after.starts_with(is_katakana)
}

/// True for the letters and signs of scripts that write no space between
/// words (line-break class SA, [`is_complex_context`]: Thai, Lao,
/// Myanmar, Khmer…): a line of them breaks between two words, and joins
/// the next line with none. Their repetition and abbreviation marks (`ๆ`,
/// `ฯ`, `ໆ`, `ຯ`, `ៗ`), after which writers put a space, are not counted;
/// nor is their other punctuation (`။`, `។`), which is of another class.
///
/// ```
/// use textmend::text::script::writes_no_word_spaces;
/// assert!(writes_no_word_spaces('ก'));
/// assert!(writes_no_word_spaces('ក'));
/// assert!(!writes_no_word_spaces('ๆ'));
/// assert!(!writes_no_word_spaces('။'));
/// assert!(!writes_no_word_spaces('a'));
/// ```
pub fn writes_no_word_spaces(c: char) -> bool {
    is_complex_context(c) && !matches!(c, 'ฯ' | 'ๆ' | 'ຯ' | 'ໆ' | 'ៗ')
}

/// True for characters whose neighbours need no space across a line break:
/// CJK ideographs, kana and full-width punctuation.
pub fn is_spaceless(c: char) -> bool {
    matches!(
        classify(c),
        CharClass::Han | CharClass::Kana | CharClass::WidePunct
    )
}

/// `text` without its leading and trailing white space: what
/// `str::trim` gives, at the cost of two byte tests when `text` starts
/// with a byte that starts no white space character and ends with one
/// that ends none (most lines: a letter, a digit, most ideographs), and
/// of reading the first or last character where its byte may be white
/// space's (`。`, `“`): only an edge that is white space is trimmed.
///
/// ```
/// use textmend::text::script::trim_white_space;
/// assert_eq!(trim_white_space("  第 3 版\u{3000}"), "第 3 版");
/// assert_eq!(trim_white_space("Page 3"), "Page 3");
/// ```
pub fn trim_white_space(text: &str) -> &str {
    // The first bytes of the white space characters (U+0085 and U+00A0,
    // U+1680, U+2000 to U+205F, U+3000 lead with 0xC2, 0xE1, 0xE2, 0xE3),
    // and their last bytes.
    let may_start_space = |b: u8| matches!(b, 0x09..=0x0D | b' ' | 0xC2 | 0xE1..=0xE3);
    let may_end_space =
        |b: u8| matches!(b, 0x09..=0x0D | b' ' | 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF);
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return text;
    };
    let starts_clear =
        !may_start_space(first) || text.chars().next().is_some_and(|c| !c.is_whitespace());
    let ends_clear =
        !may_end_space(last) || text.chars().next_back().is_some_and(|c| !c.is_whitespace());
    match (starts_clear, ends_clear) {
        (true, true) => text,
        (true, false) => text.trim_end(),
        (false, true) => text.trim_start(),
        (false, false) => text.trim(),
    }
}

/// True for letters, digits, ideographs, kana and Hangul.
pub fn is_word_char(c: char) -> bool {
    matches!(
        classify(c),
        CharClass::Han | CharClass::Kana | CharClass::Hangul | CharClass::Letter | CharClass::Digit
    )
}

/// Punctuation that ends a sentence, in CJK and Latin text.
pub fn is_sentence_final(c: char) -> bool {
    matches!(
        c,
        '。' | '．' | '！' | '？' | '!' | '?' | '.' | '…' | '｡' | '‼' | '⁇' | '⁈' | '⁉'
    )
}

/// Closing quotes and brackets that may follow a sentence-final mark
/// (`。”`, `.)`, `！」`).
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '"'
            | '\''
            | ')'
            | ']'
            | '}'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | '〕'
            | '］'
            | '｝'
            | '»'
            | '›'
    )
}

/// Opening quotes and brackets (`“`, `「`, `（`, `(`).
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '('
            | '['
            | '{'
            | '（'
            | '「'
            | '『'
            | '【'
            | '《'
            | '〈'
            | '〔'
            | '［'
            | '｛'
            | '«'
            | '‹'
    )
}

/// Abbreviations whose full stop introduces what follows (`e.g.`) or a
/// name (`Dr.`) and so never ends a sentence.
const LEADING_ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "cf.", "vs.", "viz.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Fig.", "Figs.",
    "Eq.",
];

/// True when `text` ends a sentence: its last character, after any closing
/// quotes or brackets, is sentence-final punctuation, and not the full
/// stop of an abbreviation that leads on (`e.g.`, `Dr.`).
///
/// ```
/// use textmend::text::script::ends_sentence;
/// assert!(ends_sentence("如是说。"));
/// assert!(ends_sentence("he said.)"));
/// assert!(ends_sentence("落实。”"));
/// assert!(!ends_sentence("聆听"));
/// assert!(!ends_sentence("update the image; e.g."));
/// assert!(!ends_sentence("例如e.g."));
/// assert!(!ends_sentence("（例如 “/dev/sda1”、“/dev/sda2”……）"));
/// assert!(ends_sentence("他说……"));
/// assert!(ends_sentence("the end of the log."));
/// ```
pub fn ends_sentence(text: &str) -> bool {
    // Most lines end with a letter, a digit, an ideograph or the mark
    // itself: nothing to trim, and no ellipsis or full stop to read in
    // context, so the last character decides alone.
    if let Some(last) = text.chars().next_back() {
        if !is_closing(last) && !last.is_whitespace() && !matches!(last, '.' | '…' | '\u{22EF}') {
            return is_sentence_final(last);
        }
    }
    let trimmed = text.trim_end_matches(|c: char| is_closing(c) || c.is_whitespace());
    let mut tail = trimmed.chars().rev();
    let Some(mut last) = tail.next() else {
        return false;
    };
    // A midline ellipsis next to CJK or another one is read as `…` (see
    // `normalize`): the line ends as it will read.
    if last == '\u{22EF}'
        && tail.next().is_some_and(|c| {
            c == '\u{22EF}'
                || matches!(
                    classify(c),
                    CharClass::Han | CharClass::Kana | CharClass::WidePunct
                )
        })
    {
        last = '…';
    }
    // An ellipsis that a bracket closes ends a list, not the sentence
    // (`（例如 “/dev/sda1”、“/dev/sda2”……）` / `來識別…`).
    if last == '…' && text[trimmed.len()..].contains([')', '）', ']', '］']) {
        return false;
    }
    if last == '.' && ends_with_leading_abbreviation(trimmed) {
        return false;
    }
    is_sentence_final(last)
}

/// Is the last word of `text` (after its last white space, opening
/// bracket or CJK character) one of the [`LEADING_ABBREVIATIONS`]? CJK
/// sets a Latin word against itself without a space (`丁e.g.` once lines
/// are joined reads as `e.g.`, as the line `e.g.` did). Read from the end,
/// and no further back than the longest of them: a longer word is none.
fn ends_with_leading_abbreviation(text: &str) -> bool {
    let mut start = text.len();
    for (taken, (at, c)) in text.char_indices().rev().enumerate() {
        if c.is_whitespace() || is_opening(c) || is_spaceless(c) {
            break;
        }
        if taken == LONGEST_LEADING_ABBREVIATION {
            return false;
        }
        start = at;
    }
    LEADING_ABBREVIATIONS.contains(&&text[start..])
}

/// How many characters the longest of [`LEADING_ABBREVIATIONS`] has.
const LONGEST_LEADING_ABBREVIATION: usize = 5;

/// True when the text ends with a colon, ASCII or full-width, closing
/// quotes and brackets aside: what it announces (a list, a listing, a
/// quotation) follows.
///
/// ```
/// use textmend::text::script::ends_with_colon;
/// assert!(ends_with_colon("as follows:"));
/// assert!(ends_with_colon("例如：”"));
/// assert!(!ends_with_colon("10:30 am"));
/// ```
pub fn ends_with_colon(text: &str) -> bool {
    text.chars()
        .rev()
        .find(|&c| !is_closing(c))
        .is_some_and(|c| matches!(c, ':' | '：'))
}

/// Display width of `text` in terminal columns, counting ambiguous-width
/// characters (curly quotes, `…`) as wide when the text holds CJK, as CJK
/// fonts draw them.
pub fn display_width(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_width(text);
    }
    // One pass: the less common characters are measured both ways until
    // it is known whether the text holds CJK. Common ideographs, two
    // columns in any text, are stepped over by their bytes.
    let mut width = Width::default();
    for_each_char(text, |c| match c {
        None => width.add_common_ideograph(),
        Some(c) => {
            let cjk = width.cjk || is_cjk(c);
            width.add(c, cjk);
        }
    });
    width.total()
}

/// Calls `each` for every character of `text`: `None` for a common
/// ideograph ([`starts_common_ideograph`]), stepped over by its three
/// bytes without being decoded, and the character for any other.
#[inline]
fn for_each_char(text: &str, mut each: impl FnMut(Option<char>)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if starts_common_ideograph(&bytes[at..]) {
            each(None);
            at += 3;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        each(Some(c));
    }
}

/// [`display_width`] and [`ClassSet::of`] of `text`, in one pass: what a
/// line measures once ([`crate::text::line::Line`]).
///
/// ```
/// use textmend::text::script::{ClassSet, display_width, measure};
/// for text in ["鄂尔多斯“综述”", "a “quote”", "plain"] {
///     assert_eq!(measure(text), (display_width(text), ClassSet::of(text)));
/// }
/// ```
pub fn measure(text: &str) -> (usize, ClassSet) {
    if text.is_ascii() {
        return (ascii_width(text), ClassSet::of(text));
    }
    let (mut width, mut classes) = (Width::default(), ClassSet::default());
    for_each_char(text, |c| match c {
        None => {
            classes.insert(CharClass::Han);
            width.add_common_ideograph();
        }
        Some(c) => {
            let class = classify(c);
            classes.insert(class);
            width.add(c, matches!(class, CharClass::Han | CharClass::Kana));
        }
    });
    (width.total(), classes)
}

/// Do the UTF-8 `bytes`, read from a character's start, start with a
/// common ideograph (U+4E00 to U+9FFF, the CJK Unified Ideographs)? Its
/// first two bytes tell. Every one of them is [`CharClass::Han`] and two
/// columns wide in any text, so the stages that read most of a CJK text
/// step over them by their bytes without decoding them.
pub(crate) fn starts_common_ideograph(bytes: &[u8]) -> bool {
    matches!(bytes, [0xE4, 0xB8..=0xBF, ..] | [0xE5..=0xE9, ..])
}

/// The display width of ASCII text: printable ASCII is one column, the
/// rest as Unicode says.
fn ascii_width(text: &str) -> usize {
    let printable = |b: &u8| (b' '..=b'~').contains(b);
    // Counted a chunk at a time in a byte, which the compiler vectorises
    // (a count in `usize` it is not); control characters are rare.
    let columns: usize = text
        .as_bytes()
        .chunks(usize::from(u8::MAX))
        .map(|chunk| usize::from(chunk.iter().map(|b| u8::from(printable(b))).sum::<u8>()))
        .sum();
    if columns == text.len() {
        return columns;
    }
    let others: usize = text
        .bytes()
        .filter(|b| !printable(b))
        .map(|b| char::from(b).width().unwrap_or(0))
        .sum();
    columns + others
}

/// A display width counted character by character, the less common
/// characters both ways until it is known whether the text holds CJK.
#[derive(Default)]
struct Width {
    /// A CJK character was seen.
    cjk: bool,
    /// The width of the characters that are as wide in any text.
    common: usize,
    /// The width of the others, as CJK text draws them.
    as_cjk: usize,
    /// The width of the others, as other text draws them.
    as_other: usize,
}

impl Width {
    /// Adds `c`, which `is_cjk` says is CJK.
    fn add(&mut self, c: char, is_cjk: bool) {
        self.cjk |= is_cjk;
        match common_width(c) {
            Some(width) => self.common += width,
            None => {
                self.as_cjk += unicode_width::UnicodeWidthChar::width_cjk(c).unwrap_or(0);
                self.as_other += c.width().unwrap_or(0);
            }
        }
    }

    /// Adds a common ideograph ([`starts_common_ideograph`]): CJK, and
    /// two columns wide in any text.
    fn add_common_ideograph(&mut self) {
        self.cjk = true;
        self.common += 2;
    }

    fn total(&self) -> usize {
        self.common + if self.cjk { self.as_cjk } else { self.as_other }
    }
}

/// Characters that take no room and that normalization removes (all of
/// them but a word separator of the scripts that write one).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}') || c.is_control() && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_width_counts_past_a_chunk() {
        for text in [
            "a".repeat(255),
            "a".repeat(256),
            "word and \tword ".repeat(100),
            "ab\u{1}c".repeat(300),
        ] {
            let columns = text.bytes().filter(|b| (b' '..=b'~').contains(b)).count();
            let others: usize = text
                .bytes()
                .filter(|b| !(b' '..=b'~').contains(b))
                .map(|b| char::from(b).width().unwrap_or(0))
                .sum();
            assert_eq!(ascii_width(&text), columns + others, "{}", text.len());
        }
    }

    #[test]
    fn white_space_is_trimmed_as_str_trim_trims_it() {
        // The byte tests see every white space character's first and
        // last byte: a text they pass holds none at its edges.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("x{c}"),
                format!("{c}中"),
                format!("{c}x{c}"),
            ] {
                assert_eq!(trim_white_space(&text), text.trim(), "{text:?}");
            }
        }
    }

    #[test]
    fn the_common_ideographs_are_told_from_their_bytes() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let common = ('\u{4E00}'..='\u{9FFF}').contains(&c);
            let mut buffer = [0; 4];
            let bytes = c.encode_utf8(&mut buffer).as_bytes();
            assert_eq!(starts_common_ideograph(bytes), common, "{c:?}");
            if common {
                assert_eq!(classify(c), CharClass::Han, "{c:?}");
                assert_eq!(common_width(c), Some(2), "{c:?}");
            }
        }
    }

    #[test]
    fn a_midline_ellipsis_ends_a_sentence_where_it_reads_as_one() {
        assert!(ends_sentence("企业⋯⋯"));
        assert!(ends_sentence("⋯⋯⋯⋯"));
        assert!(!ends_sentence("a + ⋯"));
    }

    #[test]
    fn the_ascii_table_agrees_with_the_unicode_data() {
        for c in '\0'..='\u{7F}' {
            assert_eq!(classify(c), classify_slow(c), "{c:?}");
        }
    }

    #[test]
    fn a_kept_class_is_the_class_computed() {
        for (place, &class) in CLASSES.iter().enumerate() {
            assert_eq!(class as usize, place);
        }
        // Asked twice: computed, then read from the table.
        for c in [
            '\u{80}', 'é', '中', '，', 'ア', '한', '\u{3000}', '\u{FFFF}', '😀',
        ] {
            assert_eq!(classify(c), classify_slow(c), "{c:?}");
            assert_eq!(classify(c), classify_slow(c), "{c:?}");
        }
    }

    #[test]
    fn fast_widths_agree_with_the_width_tables() {
        for c in '\0'..=char::MAX {
            if let Some(width) = common_width(c) {
                assert_eq!(Some(width), c.width(), "{c:?}");
                assert_eq!(Some(width), c.width_cjk(), "{c:?}");
            }
        }
    }

    #[test]
    fn fast_alphabetic_agrees_with_the_standard_library() {
        for c in ('\0'..='\u{FFFF}').chain('\u{10000}'..='\u{2FFFF}') {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn classes_come_from_unicode_data() {
        assert_eq!(classify('习'), CharClass::Han);
        assert_eq!(classify('⼀'), CharClass::Han);
        assert_eq!(classify('サ'), CharClass::Kana);
        assert_eq!(classify('ー'), CharClass::Kana);
        assert_eq!(classify('한'), CharClass::Hangul);
        assert_eq!(classify('é'), CharClass::Letter);
        assert_eq!(classify('Ж'), CharClass::Letter);
        assert_eq!(classify('７'), CharClass::Digit);
        assert_eq!(classify('，'), CharClass::WidePunct);
        assert_eq!(classify('“'), CharClass::Punct);
        assert_eq!(classify('\u{3000}'), CharClass::Space);
    }

    #[test]
    fn the_table_agrees_with_the_unicode_data() {
        for u in (0u32..0x10000).step_by(7) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(classify(c), classify_slow(c), "U+{u:04X}");
            }
        }
        assert_eq!(classify('𠀀'), CharClass::Han);
    }

    #[test]
    fn sentence_ends_look_through_closing_marks() {
        assert!(ends_sentence("做到一体学习。”"));
        assert!(ends_sentence("Done!"));
        assert!(!ends_sentence("必"));
        assert!(!ends_sentence("（党组）"));
        assert!(!ends_sentence(""));
    }

    /// Joined to the CJK line before it, an abbreviation that leads on
    /// still leads on: the line `e.g.` and the block `万一丁e.g.` end
    /// alike, so a number after them is read alike on a second repair.
    #[test]
    fn an_abbreviation_set_against_cjk_ends_no_sentence() {
        assert!(!ends_sentence("万一丁e.g."));
        assert!(!ends_sentence("见图Fig."));
        assert!(!ends_sentence("（参见cf."));
        assert!(ends_sentence("见图。"));
        assert!(ends_sentence("万一丁eg."));
        assert!(ends_sentence("Ke.g."));
    }

    #[test]
    fn a_leading_abbreviation_is_the_last_word_as_a_split_finds_it() {
        let last_word = |text: &str| {
            let word = text
                .rsplit(|c: char| c.is_whitespace() || is_opening(c) || is_spaceless(c))
                .next()
                .unwrap_or(text);
            LEADING_ABBREVIATIONS.contains(&word)
        };
        for abbreviation in LEADING_ABBREVIATIONS {
            for before in [
                "", " ", "see ", "(", "（", "x", "the-", "\u{3000}", "“", "no.", "中",
            ] {
                let text = format!("{before}{abbreviation}");
                assert_eq!(
                    ends_with_leading_abbreviation(&text),
                    last_word(&text),
                    "{text}"
                );
            }
        }
        let longest = LEADING_ABBREVIATIONS
            .iter()
            .map(|a| a.chars().count())
            .max();
        assert_eq!(longest, Some(LONGEST_LEADING_ABBREVIATION));
        for text in ["end.", "Dr", "i.e", "", ".", "Mr.Mr.", "xFigs.", "Prof.."] {
            assert_eq!(
                ends_with_leading_abbreviation(text),
                last_word(text),
                "{text}"
            );
        }
    }

    #[test]
    fn width_counts_cjk_as_two_columns() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("鄂尔多斯"), 8);
        assert_eq!(display_width("“实”"), 6);
    }

    #[test]
    fn a_common_ideograph_stepped_over_is_measured_as_any_character() {
        // Each character of the common ideographs and of the blocks around
        // them, alone and beside an ambiguous quote and a letter.
        for c in '\u{2E80}'..='\u{A4CF}' {
            for text in [format!("{c}"), format!("“{c}”"), format!("a{c}{c}b")] {
                let mut width = Width::default();
                for d in text.chars() {
                    let cjk = width.cjk || is_cjk(d);
                    width.add(d, cjk);
                }
                assert_eq!(display_width(&text), width.total(), "{text:?}");
            }
        }
    }
}
