//! The single-byte code pages mojibake is read through: what each writes for
//! the bytes 0x80–0xFF, which of them a line shows the bytes of, and a line
//! written back through one and read again.

use super::plausibility::{char_cost, is_space};
use super::runs::{Legacy, read_legacy, read_utf8, unfinished_sequence};
use encoding_rs::{
    Encoding, IBM866, ISO_8859_2, MACINTOSH, WINDOWS_874, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252,
    WINDOWS_1253, WINDOWS_1254, WINDOWS_1255, WINDOWS_1257,
};
use std::sync::OnceLock;

/// Which code pages a line shows the bytes of mojibake through: bit `n`
/// stands for `code_pages()[n]`.
#[derive(Default)]
pub(super) struct PageEvidence {
    /// Pages that write two of the line's characters in a row as a UTF-8
    /// lead byte (0xC2–0xF4) and a continuation byte (0x80–0xBF, a space
    /// standing for a lost no-break space, or U+FFFD for a byte an earlier
    /// decoder could not read).
    pub(super) utf8_lead: u16,
    /// Pages that write two of its characters in a row as bytes that GBK,
    /// Big5 or EUC-KR pair, one of them in GB2312's range (0xA1–0xFE), the
    /// other at least 0x40.
    pub(super) gbk_byte: u16,
    /// Pages that write two of its characters in a row as a Shift_JIS lead
    /// byte ([`PageBytes`]) and a byte that can follow it (at least 0x40):
    /// kana are 0x82 and 0x83 before a letter or a sign (`‚Ì` for `の`,
    /// `ƒA` for `ア`).
    pub(super) sjis_pair: u16,
}

impl PageEvidence {
    /// One pass over the line. No single-byte code page writes CJK, so
    /// CJK characters show no page at all.
    pub(super) fn of(line: &str) -> Self {
        let mut evidence = PageEvidence::default();
        let mut before = PageBytes::NONE;
        for c in line.chars() {
            let here = PageBytes::of(c);
            evidence.add(before, here);
            before = here;
        }
        evidence
    }

    /// Adds what two characters in a row show: `before`, then `here`.
    pub(super) fn add(&mut self, before: PageBytes, here: PageBytes) {
        self.utf8_lead |= before.lead & here.continuation;
        self.gbk_byte |= before.gb2312 & here.trail | before.trail & here.gb2312;
        self.sjis_pair |= before.sjis_lead & here.trail;
    }

    /// Can some page read the line back? UTF-8 is read through every
    /// page that shows a lead byte, the legacy CJK encodings only through
    /// the primary pages (they are read as Latin-1 or windows-1252, not as
    /// other code pages).
    pub(super) fn offers_a_reading(&self) -> bool {
        self.utf8_lead != 0 || (self.gbk_byte | self.sjis_pair) & primary_pages() != 0
    }
}

/// The kinds of byte a character is written as, one bit per code page.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(super) struct PageBytes {
    /// A UTF-8 lead byte, 0xC2–0xF4.
    lead: u16,
    /// A UTF-8 continuation byte, 0x80–0xBF.
    continuation: u16,
    /// A byte of GB2312's range, 0xA1–0xFE.
    gb2312: u16,
    /// A byte that can end a GBK pair, 0x40 or above.
    trail: u16,
    /// A Shift_JIS lead byte of kana and of the frequent kanji, 0x81–0x9F,
    /// that is not punctuation real text is full of (`…`, `“`, `–`): the
    /// other leads, 0xE0–0xEF, are accented letters in windows-1252.
    sjis_lead: u16,
}

impl PageBytes {
    /// A character no page writes, and that stands for no byte.
    pub(super) const NONE: PageBytes = PageBytes {
        lead: 0,
        continuation: 0,
        gb2312: 0,
        trail: 0,
        sjis_lead: 0,
    };

    /// The kinds of byte each page writes `c` as: ASCII as itself, and a
    /// space, a tab or U+FFFD may stand for a continuation byte (a lost
    /// no-break space, a byte an earlier decoder could not read).
    pub(super) fn of(c: char) -> PageBytes {
        const EVERY_PAGE: u16 = u16::MAX;
        if c.is_ascii() {
            let trail = if ('@'..'\u{7F}').contains(&c) {
                EVERY_PAGE
            } else {
                0
            };
            return PageBytes {
                continuation: if c == ' ' || c == '\t' { EVERY_PAGE } else { 0 },
                trail,
                ..PageBytes::NONE
            };
        }
        if Self::is_on_no_page(c) {
            return PageBytes::NONE;
        }
        let mut bytes = page_bytes_of(c);
        if is_space(c) || c == '\u{FFFD}' {
            bytes.continuation = EVERY_PAGE;
        }
        bytes
    }

    /// [`PageBytes::of`] a character that is not ASCII and that no page
    /// writes: a space or U+FFFD, which may stand for a continuation
    /// byte, and otherwise nothing.
    pub(super) fn of_unwritten(c: char) -> PageBytes {
        if !Self::is_on_no_page(c) && (is_space(c) || c == '\u{FFFD}') {
            PageBytes {
                continuation: u16::MAX,
                ..PageBytes::NONE
            }
        } else {
            PageBytes::NONE
        }
    }

    /// CJK, Hangul and the private use area (but the ideographic space):
    /// characters no page writes and that stand for no byte.
    pub(super) fn is_on_no_page(c: char) -> bool {
        ('\u{2E80}'..'\u{F8FF}').contains(&c) && c != '\u{3000}'
    }
}

/// The kinds of byte each page writes `c` as, from a table built once over
/// every page: looked up by the character below [`DIRECT_BELOW`] (every
/// page's letters, punctuation, box drawing and most symbols), found by a
/// binary search above it.
fn page_bytes_of(c: char) -> PageBytes {
    static TABLE: OnceLock<PageTable> = OnceLock::new();
    let table = TABLE.get_or_init(PageTable::new);
    match table.direct.get(c as usize) {
        Some(&0) => PageBytes::NONE,
        Some(&at) => table.sorted[usize::from(at) - 1].1,
        None => table
            .sorted
            .binary_search_by_key(&c, |&(d, _)| d)
            .map_or(PageBytes::NONE, |i| table.sorted[i].1),
    }
}

/// The characters below which [`page_bytes_of`] looks a character up
/// directly.
const DIRECT_BELOW: usize = 0x2600;

/// The kinds of byte each page writes each of its characters as.
struct PageTable {
    /// Every character some page writes, sorted, with its kinds of byte.
    sorted: Vec<(char, PageBytes)>,
    /// For each character below [`DIRECT_BELOW`], one more than its place
    /// in `sorted`, or 0 when no page writes it.
    direct: Vec<u16>,
}

impl PageTable {
    fn new() -> Self {
        let mut table: Vec<(char, PageBytes)> = Vec::new();
        for (index, page) in code_pages().iter().enumerate() {
            let bit = |yes: bool| u16::from(yes) << index;
            for &(c, byte) in &page.bytes_of {
                let bytes = PageBytes {
                    lead: bit((0xC2..=0xF4).contains(&byte)),
                    continuation: bit((0x80..=0xBF).contains(&byte)),
                    gb2312: bit((0xA1..=0xFE).contains(&byte)),
                    trail: bit(byte >= 0x40),
                    sjis_lead: bit((0x81..=0x9F).contains(&byte) && !is_typographic(c)),
                };
                table.push((c, bytes));
            }
        }
        table.sort_unstable_by_key(|&(c, _)| c);
        table.dedup_by(|later, kept| {
            later.0 == kept.0 && {
                kept.1.lead |= later.1.lead;
                kept.1.continuation |= later.1.continuation;
                kept.1.gb2312 |= later.1.gb2312;
                kept.1.trail |= later.1.trail;
                kept.1.sjis_lead |= later.1.sjis_lead;
                true
            }
        });
        let mut direct = vec![0u16; DIRECT_BELOW];
        for (at, &(c, _)) in table.iter().enumerate() {
            if let (Some(slot), Ok(at)) = (direct.get_mut(c as usize), u16::try_from(at + 1)) {
                *slot = at;
            }
        }
        PageTable {
            sorted: table,
            direct,
        }
    }
}

/// Punctuation that windows-1252 writes at 0x80–0x9F and that real text
/// is full of.
fn is_typographic(c: char) -> bool {
    matches!(c, '…' | '“' | '”' | '‘' | '’' | '•' | '–' | '—')
}

/// What a single-byte code page writes for each byte 0x80–0xFF.
pub(super) struct CodePage {
    /// `(character, byte)` sorted by character.
    pub(super) bytes_of: Vec<(char, u8)>,
    /// The code pages mojibake comes from most often (windows-1252 and
    /// Latin-1): a complete reading of these needs less evidence.
    pub(super) primary: bool,
    /// Bit `n` set: the page itself has the C1 control U+0080 + `n`.
    native_c1: u32,
}

impl CodePage {
    fn new(encoding: &'static Encoding, primary: bool) -> Self {
        let mut bytes_of = Vec::with_capacity(160);
        for byte in 0x80..=0xFFu8 {
            let one = [byte];
            let (text, had_errors) = encoding.decode_without_bom_handling(&one);
            let mut chars = text.chars();
            if let (Some(c), None, false) = (chars.next(), chars.next(), had_errors) {
                bytes_of.push((c, byte));
            }
        }
        Self::from_pairs(bytes_of, primary)
    }

    /// A code page from the characters of its bytes 0x80–0xFF.
    fn from_upper_half(upper_half: &[char; 128]) -> Self {
        let pairs = upper_half.iter().zip(0x80..=0xFFu8).map(|(&c, b)| (c, b));
        Self::from_pairs(pairs.collect(), false)
    }

    fn from_pairs(mut bytes_of: Vec<(char, u8)>, primary: bool) -> Self {
        let native_c1 = bytes_of
            .iter()
            .filter(|&&(c, _)| ('\u{80}'..='\u{9F}').contains(&c))
            .fold(0u32, |bits, &(c, _)| bits | 1 << (c as u32 - 0x80));
        // Latin-1 writes the C1 controls where the windows code pages have
        // punctuation; garbled text often has both. A byte the page leaves
        // undefined is read as Latin-1 reads it, as lenient decoders do
        // (windows-1257 `¥` for 0xA5: `ą¥¨` is Devanagari's virama).
        for byte in 0x80..=0xFFu8 {
            if byte >= 0xA0 && bytes_of.iter().any(|&(_, b)| b == byte) {
                continue;
            }
            let c = char::from(byte);
            if !bytes_of.iter().any(|&(d, _)| d == c) {
                bytes_of.push((c, byte));
            }
        }
        bytes_of.sort_unstable();
        bytes_of.dedup_by_key(|&mut (c, _)| c);
        CodePage {
            bytes_of,
            primary,
            native_c1,
        }
    }

    /// True when `c` is a C1 control that this code page writes only as
    /// Latin-1 does (it has another character at that byte).
    pub(super) fn borrows(&self, c: char) -> bool {
        ('\u{80}'..='\u{9F}').contains(&c) && self.native_c1 & (1 << (c as u32 - 0x80)) == 0
    }

    /// How many times three characters in a row are written as a UTF-8
    /// lead byte of a three-byte sequence and two continuation bytes that
    /// are symbols or rare letters.
    pub(super) fn three_byte_shapes(&self, line: &str) -> i32 {
        let odd = |c: char| char_cost(c) > 0 || !crate::text::script::is_alphabetic(c);
        let chars: Vec<char> = line.chars().collect();
        let shaped = |w: &[char]| {
            let byte = |c| self.byte(c).unwrap_or(0);
            (0xE0..=0xEF).contains(&byte(w[0]))
                && (0x80..=0xBF).contains(&byte(w[1]))
                && (0x80..=0xBF).contains(&byte(w[2]))
                && (odd(w[1]) || odd(w[2]))
        };
        chars.windows(3).filter(|w| shaped(w)).count() as i32
    }

    /// How many times a character this code page writes as the lead byte
    /// of a two-byte UTF-8 sequence stands right before U+FFFD: a sequence
    /// whose one other byte an earlier decoder could not read (`Ã�slenska`
    /// for `Íslenska`); or a capital written so stands right before a soft
    /// hyphen that the page writes as 0xAD, the byte that ends `í`, `ŭ`
    /// (`llatÃ\u{AD}` for `llatí`): the plausibility score does not see
    /// soft hyphens, which normalization removes, and no writer hyphenates
    /// after an accented capital. The lead must be a capital, as the
    /// Latin, Cyrillic and Greek pages write lead bytes (`Ã`, `Р`): a
    /// letter of a caseless script there (Thai `ุ` through windows-874)
    /// is the text's own, and U+FFFD after it says nothing.
    pub(super) fn cut_sequences(&self, line: &str) -> i32 {
        let lead = |c: char| self.byte(c).is_some_and(|b| (0xC2..=0xDF).contains(&b));
        let hides_0xad = self.byte('\u{AD}') == Some(0xAD);
        let mut count = 0;
        let mut prev: Option<char> = None;
        for c in line.chars() {
            let cut = c == '\u{FFFD}' && prev.is_some_and(|p| lead(p) && p.is_uppercase());
            let hidden =
                hides_0xad && c == '\u{AD}' && prev.is_some_and(|p| lead(p) && p.is_uppercase());
            count += i32::from(cut || hidden);
            prev = Some(c);
        }
        count
    }

    /// How many times a capital that this code page writes as the lead
    /// byte of a two-byte UTF-8 sequence stands inside a lowercase word,
    /// right before a character it writes as a continuation byte
    /// (`especificĂł` for `especificó` through windows-1250): the shape
    /// of one UTF-8 letter, where no language puts a capital.
    pub(super) fn two_byte_shapes_in_words(&self, line: &str) -> i32 {
        let lead = |c: char| self.byte(c).is_some_and(|b| (0xC2..=0xDF).contains(&b));
        let continuation =
            |c: char| !c.is_ascii() && self.byte(c).is_some_and(|b| (0x80..=0xBF).contains(&b));
        let chars: Vec<char> = line.chars().collect();
        chars
            .windows(3)
            .filter(|w| {
                w[0].is_lowercase() && w[1].is_uppercase() && lead(w[1]) && continuation(w[2])
            })
            .count() as i32
    }

    /// The byte this code page writes `c` as (ASCII as itself).
    fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        if ('\u{3000}'..'\u{F8FF}').contains(&c) {
            return None;
        }
        self.bytes_of
            .binary_search_by_key(&c, |&(d, _)| d)
            .ok()
            .map(|i| self.bytes_of[i].1)
    }
}

pub(super) fn code_pages() -> &'static [CodePage] {
    static PAGES: OnceLock<Vec<CodePage>> = OnceLock::new();
    PAGES.get_or_init(|| {
        vec![
            CodePage::new(WINDOWS_1252, true),
            CodePage::new(WINDOWS_1250, false),
            CodePage::new(WINDOWS_1251, false),
            CodePage::new(ISO_8859_2, false),
            CodePage::new(WINDOWS_1257, false),
            CodePage::new(WINDOWS_1253, false),
            CodePage::new(WINDOWS_1254, false),
            CodePage::new(MACINTOSH, false),
            CodePage::new(IBM866, false),
            CodePage::new(WINDOWS_1255, false),
            CodePage::new(WINDOWS_874, false),
            CodePage::from_upper_half(&super::cp437::UPPER_HALF),
        ]
    })
}

/// The primary code pages ([`CodePage::primary`]): bit `n` stands for
/// `code_pages()[n]`.
fn primary_pages() -> u16 {
    static PRIMARY: OnceLock<u16> = OnceLock::new();
    *PRIMARY.get_or_init(|| {
        code_pages()
            .iter()
            .enumerate()
            .filter(|(_, page)| page.primary)
            .fold(0, |bits, (index, _)| bits | 1 << index)
    })
}

/// The encoding the bytes are read back with.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Utf8,
    Legacy(Legacy),
}

/// A reading of a line.
pub(super) struct Reading {
    pub(super) text: String,
    /// Every byte written back was read as part of a character.
    pub(super) complete: bool,
}

/// Writes each run of `line` that `page` can write back to bytes and reads
/// the bytes as `target`; `None` when no run reads differently, or when a
/// partial reading leaves a byte that starts a UTF-8 sequence unread.
pub(super) fn read_as(line: &str, page: &CodePage, target: Target) -> Option<Reading> {
    let mut out = String::with_capacity(line.len());
    let mut complete = true;
    let mut stray_lead = false;
    let mut changed = false;
    let mut absorbed = false;
    let mut run: Vec<(char, u8)> = Vec::new();
    let mut flush = |run: &mut Vec<(char, u8)>, out: &mut String| {
        if run.iter().any(|&(c, _)| !c.is_ascii()) {
            let reading = match target {
                Target::Utf8 => read_utf8(run),
                Target::Legacy(legacy) => read_legacy(run, legacy),
            };
            complete &= reading.complete;
            stray_lead |= reading.stray_lead;
            changed |= reading.text.chars().ne(run.iter().map(|&(c, _)| c));
            out.push_str(&reading.text);
        } else {
            out.extend(run.iter().map(|&(c, _)| c));
        }
        run.clear();
    };
    for c in line.chars() {
        match page.byte(c) {
            Some(b) => run.push((c, b)),
            None => {
                // A UTF-8 sequence cut short where an earlier decoder
                // replaced its last byte by U+FFFD belongs to that U+FFFD.
                if c == '\u{FFFD}' && target == Target::Utf8 {
                    let cut = unfinished_sequence(run.iter().map(|&(_, b)| b));
                    absorbed |= cut > 0;
                    run.truncate(run.len() - cut);
                }
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out);
    ((changed || absorbed) && !(stray_lead && target == Target::Utf8)).then_some(Reading {
        text: out,
        complete,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_looked_up_directly_is_the_one_searched_for() {
        let table = PageTable::new();
        // Every place in the table fits the direct look-up's numbers.
        assert!(table.sorted.len() < usize::from(u16::MAX));
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let searched = table
                .sorted
                .binary_search_by_key(&c, |&(d, _)| d)
                .map_or(PageBytes::NONE, |i| table.sorted[i].1);
            assert_eq!(page_bytes_of(c), searched, "{c:?}");
        }
    }
}
