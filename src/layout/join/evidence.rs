//! What a document says about its own words and spacing, gathered once
//! before its blocks are joined: the words it writes whole (to undo a
//! hyphen, or a Korean line cut inside a word) and how it spaces CJK from
//! Latin words, numbers and symbols.

use crate::text::line::Line;
use crate::text::script::{
    CharClass, ClassSet, classify, is_cjk, is_closing, is_hangul, starts_common_ideograph,
};
// Every word of the document is looked up here, most of them more than
// once: foldhash is several times faster than the standard SipHash on
// short keys, and its per-process random seed still keeps an input from
// choosing collisions.
use foldhash::{HashMap, HashSet};
use std::ops::Range;

/// What an ASCII byte is in a word ([`BYTE_KINDS`]): a letter, a
/// hyphen or a digit. A byte that is none of them ends the word.
const LETTER: u8 = 1;
const HYPHEN: u8 = 2;
const DIGIT: u8 = 4;

/// The part of each ASCII byte in a word: [`LETTER`], [`HYPHEN`],
/// [`DIGIT`], or 0 for a byte that ends it.
const BYTE_KINDS: [u8; 128] = {
    let mut kinds = [0; 128];
    let mut b = 0;
    while b < 128 {
        kinds[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'-' => HYPHEN,
            b'0'..=b'9' => DIGIT,
            _ => 0,
        };
        b += 1;
    }
    kinds
};

/// The longest word: a line-end hyphen splits none longer, and a run of
/// Hangul longer than this is no word.
pub(super) const MAX_WORD_CHARS: usize = 64;

/// What the document says about its own words and spacing, gathered once
/// before joining.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Lowercased words seen unbroken inside lines.
    pub(super) words: Words,
    /// Lowercased hyphenated compounds seen inside lines.
    pub(super) compounds: HashSet<String>,
    /// True when the document puts a space between CJK and Latin words.
    pub(super) spaces_cjk_latin: bool,
    /// True when the document spaces Latin words from CJK (see above) and
    /// numbers too, so both are the writer's style.
    pub(super) spaces_cjk_digit: bool,
    /// How often each symbol (a quote, a bracket) stands next to CJK with
    /// a space between and without, by side: `(symbol, CJK after it)`.
    symbol_spacing: HashMap<(char, bool), (usize, usize)>,
    /// Hangul words seen inside lines, whole.
    hangul_words: HashSet<String>,
    /// The beginnings (two syllables or more) of those words.
    hangul_beginnings: HashSet<String>,
    /// The endings (shorter than the word) of those words.
    hangul_endings: HashSet<String>,
    /// True when the document breaks Korean lines inside words: at least
    /// one break between two Hangul syllables in twenty is shown to be
    /// inside a word (see [`Evidence::joins_hangul`]).
    breaks_hangul_words: bool,
    /// For each Hangul syllable, how often it ends an inner word, how
    /// often it begins one, and how often it stands in one at all.
    syllable_edges: HashMap<char, (u32, u32, u32)>,
}

impl Evidence {
    /// Collects the evidence from the visible lines of a document.
    pub fn gather<'a>(lines: impl IntoIterator<Item = &'a Line<'a>>) -> Self {
        let mut ev = Evidence::default();
        let mut spacing = SpacingCounts::default();
        // An ASCII word lowercased, reused so that a word seen before
        // costs no allocation.
        let mut ascii_lower = String::new();
        // Each break between two lines that ends and starts with Hangul:
        // the run that ends the line above and the one that starts the
        // line below, judged once every word is known. Only such breaks
        // are kept: a list over every line would cost a document without
        // Hangul memory for each of its lines.
        let mut hangul_breaks: Vec<(&str, &str)> = Vec::new();
        // The Hangul run that ends the line before, if any.
        let mut tail_above: Option<&str> = None;
        for line in lines {
            let text = &line.text;
            if SpacingCounts::may_count(line.classes) {
                spacing.count(text);
            }
            let hangul = line.classes.contains(CharClass::Hangul);
            if hangul {
                ev.gather_hangul(text);
            }
            let (head, tail) = if hangul {
                hangul_edges_of(text)
            } else {
                (None, None)
            };
            if let (Some(above), Some(head)) = (tail_above, head) {
                hangul_breaks.push((above, head));
            }
            tail_above = tail;
            if line.classes.contains(CharClass::Letter) {
                ev.gather_words(text, &mut ascii_lower);
            }
        }
        let breaks = hangul_breaks.len();
        let inside = hangul_breaks
            .iter()
            .filter(|&&(tail, head)| ev.begins_hangul_word(tail, head))
            .count();
        ev.breaks_hangul_words = inside > 0 && inside * 20 >= breaks;
        let more_spaced = |(spaced, tight): (usize, usize)| spaced > tight;
        ev.spaces_cjk_latin = more_spaced(spacing.latin);
        ev.spaces_cjk_digit = ev.spaces_cjk_latin && more_spaced(spacing.digit);
        ev.symbol_spacing = spacing.symbols;
        ev
    }

    /// Records the words and hyphenated compounds of `text`, lowercased,
    /// but for the last, which the line end may cut. A word is a run of
    /// Latin letters, digits and hyphens that holds a letter; one that
    /// holds a hyphen is a compound (its outer hyphens dropped). An ASCII
    /// word is lowercased into `ascii_lower`, so that a word seen before
    /// costs no allocation.
    fn gather_words(&mut self, text: &str, ascii_lower: &mut String) {
        if text.is_ascii() {
            self.gather_ascii_words(text, ascii_lower);
        } else {
            self.gather_unicode_words(text, ascii_lower);
        }
    }

    /// [`Evidence::gather_words`] of any line, read a character at a time.
    fn gather_unicode_words(&mut self, text: &str, ascii_lower: &mut String) {
        let latin = |c: char| classify(c) == CharClass::Letter;
        let trimmed = text.trim_end_matches(|c: char| c == '-' || latin(c));
        for token in trimmed.split(|c: char| !(latin(c) || c == '-' || c.is_ascii_digit())) {
            if token.is_empty() || !token.chars().any(latin) {
                continue;
            }
            if token.is_ascii() && !token.contains('-') {
                self.insert_ascii_word(token, ascii_lower);
                continue;
            }
            let lower = token.to_lowercase();
            if lower.contains('-') {
                self.compounds.insert(lower.trim_matches('-').to_string());
            } else {
                self.words.insert(&lower);
            }
        }
    }

    /// [`Evidence::gather_words`] of an ASCII line, read a byte at a time:
    /// there a Latin letter is an ASCII letter, and lowercasing is ASCII's.
    /// Each byte's part in a word is one look-up ([`BYTE_KINDS`]), and a
    /// token without a letter (between a comma and a space) is passed over
    /// where it ends.
    fn gather_ascii_words(&mut self, text: &str, ascii_lower: &mut String) {
        let cut = text
            .bytes()
            .rposition(|b| b != b'-' && !b.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        // The word that starts at `start`, and what its bytes are.
        let (mut start, mut kinds) = (0, 0);
        for (i, &b) in text.as_bytes()[..cut].iter().enumerate() {
            let kind = BYTE_KINDS[usize::from(b & 0x7F)];
            if kind != 0 {
                kinds |= kind;
                continue;
            }
            if kinds & LETTER != 0 {
                self.insert_ascii_token(text, start..i, kinds & HYPHEN != 0, ascii_lower);
            }
            (start, kinds) = (i + 1, 0);
        }
        if kinds & LETTER != 0 {
            self.insert_ascii_token(
                text,
                start..cut.max(start),
                kinds & HYPHEN != 0,
                ascii_lower,
            );
        }
    }

    /// Records the ASCII token at `token` in `line` lowercased, which holds
    /// a letter: as a compound if it holds a `hyphen`, else as a word,
    /// packed when it is short (read from the line without a copy) or
    /// through the buffer `ascii_lower` (a word seen before costs no
    /// allocation).
    fn insert_ascii_token(
        &mut self,
        line: &str,
        token: Range<usize>,
        hyphen: bool,
        ascii_lower: &mut String,
    ) {
        if !hyphen {
            if let Some(packed) = Words::pack_lowercased_in(line, token.clone()) {
                self.words.insert_packed(packed);
                return;
            }
        }
        let token = &line[token];
        if hyphen {
            let lower = token.to_ascii_lowercase();
            self.compounds.insert(lower.trim_matches('-').to_string());
        } else {
            self.insert_ascii_word(token, ascii_lower);
        }
    }

    /// Records the ASCII word `token` lowercased: packed into a number
    /// when it is short (no copy, no allocation), else through the buffer
    /// `ascii_lower` when it holds a capital, so that a word seen before
    /// costs no allocation and a word in lower case no copy.
    fn insert_ascii_word(&mut self, token: &str, ascii_lower: &mut String) {
        if let Some(packed) = Words::pack_lowercased(token) {
            self.words.insert_packed(packed);
            return;
        }
        let lower = if token.bytes().any(|b| b.is_ascii_uppercase()) {
            ascii_lower.clear();
            ascii_lower.push_str(token);
            ascii_lower.make_ascii_lowercase();
            ascii_lower.as_str()
        } else {
            token
        };
        self.words.insert(lower);
    }

    /// Records the Hangul words inside `text` (not the first or the last
    /// of the line, which a line break may have cut) and their beginnings.
    /// A run written on to a Latin word, a number or a closing bracket
    /// (`DVD를`, `(8)을`) is no word but that word's ending (a particle or
    /// a verb ending), and is recorded as one, the line's first run too.
    /// Most lines of most documents hold no Hangul: their classes tell,
    /// and they are not given here.
    fn gather_hangul(&mut self, text: &str) {
        let mut runs: Vec<(&str, bool)> = Vec::new();
        let mut rest = text;
        while let Some(at) = rest.find(is_hangul) {
            let written_on = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric() || is_closing(c));
            let len: usize = rest[at..]
                .chars()
                .take_while(|&c| is_hangul(c))
                .map(char::len_utf8)
                .sum();
            runs.push((&rest[at..at + len], written_on));
            rest = &rest[at + len..];
        }
        let last = runs.len().saturating_sub(1);
        // A run longer than any word is none (and its beginnings and
        // endings, kept for every length, would grow with its square).
        let kept = runs.iter().enumerate().filter(|&(k, &(run, written_on))| {
            k < last && (k > 0 || written_on) && run.chars().nth(MAX_WORD_CHARS).is_none()
        });
        for (_, &(run, written_on)) in kept {
            if written_on {
                self.hangul_endings.insert(run.to_owned());
                continue;
            }
            let mut chars = run.chars().peekable();
            let mut first = true;
            while let Some(c) = chars.next() {
                let counts = self.syllable_edges.entry(c).or_default();
                counts.0 += u32::from(chars.peek().is_none());
                counts.1 += u32::from(first);
                counts.2 += 1;
                first = false;
            }
            for (end, _) in run.char_indices().skip(2) {
                self.hangul_beginnings.insert(run[..end].to_owned());
            }
            self.hangul_beginnings.insert(run.to_owned());
            for (at, _) in run.char_indices().skip(1) {
                self.hangul_endings.insert(run[at..].to_owned());
            }
            self.hangul_words.insert(run.to_owned());
        }
    }

    /// Does the document break Korean lines between the syllables of a
    /// word, as a browser does? Then one syllable, not a word, is what
    /// would have had to fit at a line's end.
    pub fn breaks_hangul_words(&self) -> bool {
        self.breaks_hangul_words
    }

    /// Does a line that ends in the Hangul `tail` go on in the same word
    /// with the Hangul `head` of the next? A browser breaks Korean lines
    /// between syllables (`프로파` / `일 양식`): the joined form begins a
    /// word that the document writes whole elsewhere, and the tail is no
    /// word of its own there; a head of one syllable that the document
    /// writes only at the ends of words (a particle: `방지` / `를`) goes on
    /// the word before it too. In a document shown to break its lines so,
    /// where a break inside a word is the rule and one between words the
    /// exception, the head goes on the word unless the document shows a
    /// word boundary. The tail and the head's first syllable that begin a
    /// word written whole go on (`우` / `선적으로` beside `우선`), even
    /// before a head that is a word of its own; else a head that is one
    /// keeps its space. A single syllable that starts a word
    /// (`tail_starts_word`) and is never a word of its own goes on (`확` /
    /// `인할`), there or where that syllable begins most of the words it
    /// stands in. A tail that is a word before a head that begins words
    /// keeps its space; a head that only ever ends words (`주소` / `를`)
    /// goes on; else the space stays only where the tail's last syllable
    /// ends, or the head's first begins, half or more of the words it
    /// stands in (`유용한` / `과정` keeps its space: `한` mostly ends
    /// words).
    pub(super) fn joins_hangul(&self, tail: &str, tail_starts_word: bool, head: &str) -> bool {
        if self.begins_hangul_word(tail, head) {
            return true;
        }
        // The tail and the head's first syllable begin a word written
        // whole elsewhere (`우` / `선적으로` beside `우선`).
        let first = &head[..head.chars().next().map_or(0, char::len_utf8)];
        if self.breaks_hangul_words && self.begins_hangul_word(tail, first) {
            return true;
        }
        if self.hangul_words.contains(head) {
            return false;
        }
        // A single syllable that starts a word at the line's end and that
        // the document never writes as a word of its own is the first
        // syllable of a word the break cut (`확` / `인할`).
        if (self.breaks_hangul_words || self.often_begins_words(tail))
            && tail_starts_word
            && tail.chars().nth(1).is_none()
            && !self.hangul_words.contains(tail)
        {
            return true;
        }
        // A head that the document writes only at the ends of words (a
        // particle: `방지` / `를 처리하는`) is no word of its own, wherever
        // the document breaks its lines.
        let one_syllable = head.chars().nth(1).is_none();
        if one_syllable
            && self.hangul_endings.contains(head)
            && !self.hangul_beginnings.contains(head)
        {
            return true;
        }
        if !self.breaks_hangul_words {
            return false;
        }
        if self.hangul_words.contains(tail) && self.hangul_beginnings.contains(head) {
            return false;
        }
        if self.hangul_endings.contains(head) {
            return true;
        }
        // Else what the two syllables at the break usually do: a space
        // only where the tail's last syllable mostly ends words and the
        // head's first mostly begins them.
        !(self.often_ends_words(tail) || self.often_begins_words(head))
    }

    /// Does the last syllable of `tail` end half or more of the inner
    /// words it stands in (seen at least twice)?
    fn often_ends_words(&self, tail: &str) -> bool {
        tail.chars()
            .next_back()
            .and_then(|c| self.syllable_edges.get(&c))
            .is_some_and(|&(ends, _, seen)| seen >= 2 && ends * 2 >= seen)
    }

    /// Does the first syllable of `head` begin half or more of the inner
    /// words it stands in (seen at least twice)?
    fn often_begins_words(&self, head: &str) -> bool {
        head.chars()
            .next()
            .and_then(|c| self.syllable_edges.get(&c))
            .is_some_and(|&(_, begins, seen)| seen >= 2 && begins * 2 >= seen)
    }

    /// Does `tail` + `head` begin a word written whole inside a line,
    /// while `tail` is no word of its own?
    fn begins_hangul_word(&self, tail: &str, head: &str) -> bool {
        if self.hangul_words.contains(tail) {
            return false;
        }
        let mut joined = String::with_capacity(tail.len() + head.len());
        joined.push_str(tail);
        joined.push_str(head);
        self.hangul_beginnings.contains(&joined)
    }

    /// Does the document put a space between CJK and `symbol` (on the
    /// side given) more often than not, and more than once?
    pub(super) fn spaces_symbol(&self, symbol: char, cjk_after: bool) -> bool {
        self.symbol_spacing
            .get(&(symbol, cjk_after))
            .is_some_and(|&(spaced, tight)| spaced >= 2 && spaced > tight)
    }
}

/// A set of lowercased words. Most words are short and ASCII: such a
/// word is kept packed into one number (its bytes, then its length), which
/// is hashed and compared at once; the others are kept as strings. A word
/// has one form only, so the set holds a word exactly when it was given
/// it. A document writes the same words again and again: a small table of
/// the packed words added last, one per slot picked by a multiplication,
/// tells most of them at once without hashing them again.
#[derive(Debug)]
pub(super) struct Words {
    /// ASCII words of at most [`Words::PACKED_LEN`] bytes, packed.
    short: HashSet<u128>,
    /// The other words.
    long: HashSet<String>,
    /// Packed words that `short` holds, each in its slot (see
    /// [`Words::slot`]); [`Words::NO_WORD`] where none was put.
    recent: Box<[u128]>,
}

impl Default for Words {
    fn default() -> Self {
        Words {
            short: HashSet::default(),
            long: HashSet::default(),
            recent: vec![Self::NO_WORD; 1 << Self::SLOT_BITS].into_boxed_slice(),
        }
    }
}

/// Two sets are equal when they hold the same words, whatever words they
/// were last given.
impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        self.short == other.short && self.long == other.long
    }
}

impl Words {
    /// The longest word kept packed: its bytes and its length fill the 16
    /// bytes of a `u128`.
    const PACKED_LEN: usize = 15;

    /// No packed word: its length byte is more than [`Words::PACKED_LEN`].
    const NO_WORD: u128 = u128::MAX;

    /// [`Words::recent`] has `1 << SLOT_BITS` slots.
    const SLOT_BITS: u32 = 12;

    /// The slot of [`Words::recent`] for the packed word `packed`.
    fn slot(packed: u128) -> usize {
        let folded = (packed as u64) ^ ((packed >> 64) as u64);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::SLOT_BITS)) as usize
    }

    /// Adds the packed word `packed`.
    fn insert_packed(&mut self, packed: u128) {
        let slot = Self::slot(packed);
        if self.recent[slot] != packed {
            self.short.insert(packed);
            self.recent[slot] = packed;
        }
    }

    /// `word` lowercased and packed, when it is ASCII and short enough.
    fn pack_lowercased(word: &str) -> Option<u128> {
        if word.len() > Self::PACKED_LEN || !word.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; 16];
        bytes[..word.len()].copy_from_slice(word.as_bytes());
        bytes[15] = word.len() as u8;
        Some(Self::lowercased(u128::from_le_bytes(bytes)))
    }

    /// [`Words::pack_lowercased`] of the word at `word` in `line`, read
    /// without a copy as the sixteen bytes that start there when the line
    /// holds them, the bytes after the word masked off.
    fn pack_lowercased_in(line: &str, word: Range<usize>) -> Option<u128> {
        let len = word.len();
        let sixteen = line
            .as_bytes()
            .get(word.start..word.start + 16)
            .and_then(|bytes| <[u8; 16]>::try_from(bytes).ok());
        let Some(sixteen) = sixteen else {
            return line.get(word).and_then(Self::pack_lowercased);
        };
        if len > Self::PACKED_LEN {
            return None;
        }
        let packed = u128::from_le_bytes(sixteen) & Self::BYTE_MASKS[len] | (len as u128) << 120;
        // A byte at 0x80 or above: the word is not ASCII.
        (packed & Self::HIGHS == 0).then(|| Self::lowercased(packed))
    }

    /// The bytes of a packed word of each length up to
    /// [`Words::PACKED_LEN`], set in a mask.
    const BYTE_MASKS: [u128; Self::PACKED_LEN + 1] = {
        let mut masks = [0; Self::PACKED_LEN + 1];
        let mut len = 0;
        while len <= Self::PACKED_LEN {
            masks[len] = (1u128 << (8 * len)) - 1;
            len += 1;
        }
        masks
    };

    /// One in each byte of a `u128`.
    const ONES: u128 = u128::from_ne_bytes([0x01; 16]);
    /// The high bit of each byte of a `u128`.
    const HIGHS: u128 = Self::ONES * 0x80;

    /// The packed ASCII word `packed` with its capitals lowered, sixteen
    /// bytes at a time. Every byte is below 0x80, and adding at most 0x3F
    /// to it carries into no other: its high bit then tells whether it
    /// reached `A`, and whether it passed `Z`. A capital gains 0x20 (0x80
    /// >> 2).
    fn lowercased(packed: u128) -> u128 {
        let from_a = packed.wrapping_add(Self::ONES * (0x80 - u128::from(b'A'))) & Self::HIGHS;
        let past_z = packed.wrapping_add(Self::ONES * (0x80 - u128::from(b'Z' + 1))) & Self::HIGHS;
        packed | (from_a & !past_z) >> 2
    }

    /// Adds `word`, which is in lower case.
    fn insert(&mut self, word: &str) {
        match Self::pack_lowercased(word) {
            Some(packed) => self.insert_packed(packed),
            None if !self.long.contains(word) => {
                self.long.insert(word.to_owned());
            }
            None => {}
        }
    }

    /// Does the set hold `word`, which is in lower case?
    pub(super) fn contains(&self, word: &str) -> bool {
        match Self::pack_lowercased(word) {
            Some(packed) => self.short.contains(&packed),
            None => self.long.contains(word),
        }
    }
}

/// The Hangul run that `text` starts with and the one it ends with, if
/// it starts or ends with Hangul.
fn hangul_edges_of(text: &str) -> (Option<&str>, Option<&str>) {
    if text.is_ascii() {
        return (None, None);
    }
    (hangul_head(text), hangul_tail(text))
}

/// The run of Hangul that `text` starts with, if any. A run longer than
/// any word is cut to one character more than a word can have: it is no
/// word, begins none and ends none either way, and a block that is one
/// long run is not read again at every join.
pub(super) fn hangul_head(text: &str) -> Option<&str> {
    let len: usize = text
        .chars()
        .take_while(|&c| is_hangul(c))
        .take(MAX_WORD_CHARS + 1)
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| &text[..len])
}

/// The run of Hangul that `text` ends with, if any, cut as
/// [`hangul_head`] cuts it (and read from the end only).
pub(super) fn hangul_tail(text: &str) -> Option<&str> {
    let len: usize = text
        .chars()
        .rev()
        .take_while(|&c| is_hangul(c))
        .take(MAX_WORD_CHARS + 1)
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| &text[text.len() - len..])
}

/// How often CJK meets an ASCII letter, an ASCII digit or each symbol
/// across one space (`第 10 节`, `在 "/etc/"`) and with none (`第10节`):
/// `(spaced, tight)` counts.
#[derive(Default)]
struct SpacingCounts {
    latin: (usize, usize),
    digit: (usize, usize),
    /// By symbol and side: `(symbol, CJK after it)`.
    symbols: HashMap<(char, bool), (usize, usize)>,
}

/// A character as [`SpacingCounts`] sees it: CJK (an ideograph or kana,
/// whichever), or another character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Cjk,
    Other(char),
}

impl Side {
    fn of(c: char) -> Self {
        if is_cjk(c) { Side::Cjk } else { Side::Other(c) }
    }
}

impl SpacingCounts {
    /// Can a text with the character `classes` hold a place that [`count`]
    /// counts? Only where CJK meets a Latin letter, a digit or a symbol
    /// ([`SpacingCounts::meet`]): a line of ideographs and full-width
    /// punctuation alone, most of a Chinese page, holds none.
    ///
    /// [`count`]: SpacingCounts::count
    fn may_count(classes: ClassSet) -> bool {
        classes.has_cjk()
            && (classes.contains(CharClass::Letter)
                || classes.contains(CharClass::Digit)
                || classes.contains(CharClass::Punct))
    }

    /// Counts every place in `text` where CJK meets another kind of
    /// character, with one space between or none. `O(n)`; a common
    /// ideograph, CJK, is told from its bytes without being decoded
    /// ([`starts_common_ideograph`]).
    fn count(&mut self, text: &str) {
        // No ASCII character is CJK.
        if text.is_ascii() {
            return;
        }
        let bytes = text.as_bytes();
        let (mut prev, mut prev2) = (None, None);
        let mut at = 0;
        while at < bytes.len() {
            let here = if starts_common_ideograph(&bytes[at..]) {
                at += 3;
                if prev == Some(Side::Cjk) {
                    // CJK after CJK: nothing meets.
                    prev2 = prev;
                    continue;
                }
                Side::Cjk
            } else {
                let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                at += c.len_utf8();
                Side::of(c)
            };
            // Only where exactly one side is CJK is there anything to count.
            if let (Some(p2), Some(Side::Other(' '))) = (prev2, prev) {
                self.meet(p2, here, true);
            }
            if let Some(p) = prev.filter(|&p| (p == Side::Cjk) != (here == Side::Cjk)) {
                self.meet(p, here, false);
            }
            prev2 = prev;
            prev = Some(here);
        }
    }

    /// Records `left` meeting `right` when exactly one of them is CJK.
    fn meet(&mut self, left: Side, right: Side, spaced: bool) {
        let (other, cjk_after) = match (left, right) {
            (Side::Cjk, Side::Other(other)) => (other, false),
            (Side::Other(other), Side::Cjk) => (other, true),
            _ => return,
        };
        let counts = if other.is_ascii_alphabetic() {
            &mut self.latin
        } else if other.is_ascii_digit() {
            &mut self.digit
        } else if classify(other) == CharClass::Punct {
            self.symbols.entry((other, cjk_after)).or_default()
        } else {
            return;
        };
        if spaced {
            counts.0 += 1;
        } else {
            counts.1 += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_may_not_count_counts_nothing() {
        let texts = [
            "主题教育开展以来，全市动员部署。",
            "“不忘初心、牢记使命”主题教育",
            "第10节 在 /etc/ 下",
            "使用 apt 安装，ＡＢＣ１２３",
            "　　鄂尔多斯——综述",
            "한국어 문장입니다",
            "平仮名とカタカナ",
            "① 第一",
        ];
        for text in texts {
            let mut counts = SpacingCounts::default();
            counts.count(text);
            let counted =
                counts.latin != (0, 0) || counts.digit != (0, 0) || !counts.symbols.is_empty();
            if counted {
                assert!(SpacingCounts::may_count(ClassSet::of(text)), "{text}");
            }
        }
    }

    #[test]
    fn a_run_longer_than_any_word_is_no_word() {
        let mut ev = Evidence::default();
        let long = "가".repeat(MAX_WORD_CHARS + 1);
        ev.gather_hangul(&format!("나 {long} 다"));
        assert!(ev.hangul_words.is_empty() && ev.hangul_beginnings.is_empty());
        assert!(ev.hangul_endings.is_empty());
        ev.gather_hangul("나 프로파일은 다");
        assert!(ev.hangul_words.contains("프로파일은"));
        assert!(ev.hangul_beginnings.contains("프로파"));
        assert!(ev.hangul_endings.contains("일은"));
    }

    #[test]
    fn a_run_written_on_to_a_latin_word_is_an_ending() {
        let mut ev = Evidence::default();
        ev.gather_hangul("DVD를 넣은 후 (8)을 보고 ICC 프로파일 끝");
        for ending in ["를", "을"] {
            assert!(ev.hangul_endings.contains(ending), "{ending}");
            assert!(!ev.hangul_words.contains(ending), "{ending}");
            assert!(!ev.hangul_beginnings.contains(ending), "{ending}");
        }
        // A run set apart from the Latin word by a space is a word.
        assert!(ev.hangul_words.contains("프로파일"));
        // The line's last run may be cut by the break, written on or not.
        let mut ev = Evidence::default();
        ev.gather_hangul("넣은 후 DVD를");
        assert!(!ev.hangul_endings.contains("를"));
    }

    #[test]
    fn a_word_packed_in_its_line_is_the_word_packed() {
        let line = "A quick Brown-fox, 2 MiXeD words ending the longest-line-of-all héllo";
        for start in 0..line.len() {
            for end in start..=line.len() {
                if let Some(word) = line.get(start..end) {
                    assert_eq!(
                        Words::pack_lowercased_in(line, start..end),
                        Words::pack_lowercased(word),
                        "{word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_packed_word_is_the_word_lowercased() {
        let bytes: Vec<u8> = (0..0x80u8).collect();
        for word in bytes.chunks(Words::PACKED_LEN) {
            let word = std::str::from_utf8(word).unwrap_or_default();
            let mut expected = [0u8; 16];
            expected[..word.len()].copy_from_slice(word.to_ascii_lowercase().as_bytes());
            expected[15] = word.len() as u8;
            assert_eq!(
                Words::pack_lowercased(word),
                Some(u128::from_le_bytes(expected))
            );
        }
        assert_eq!(Words::pack_lowercased("évité"), None);
        assert_eq!(Words::pack_lowercased(&"a".repeat(16)), None);
        let mut words = Words::default();
        words.insert("typesetting");
        words.insert("extraordinarily-long");
        assert!(words.contains("typesetting") && words.contains("extraordinarily-long"));
        assert!(!words.contains("typesettin") && !words.contains(""));
    }

    #[test]
    fn an_ascii_line_gives_the_words_any_line_gives() {
        let lines = [
            "",
            "word",
            "The quick brown-fox jumps over the lazy dog's back-",
            "-lead and trail- hyphens, 42 numbers, x86-64 and 3D, MiXeD Case end",
            "a - b -- c-d-e 12-34 ab12cd end-",
            "  spaced  out ...  words?!",
        ];
        for line in lines {
            let (mut ascii, mut unicode) = (Evidence::default(), Evidence::default());
            let mut buffer = String::new();
            ascii.gather_ascii_words(line, &mut buffer);
            unicode.gather_unicode_words(line, &mut buffer);
            assert_eq!(ascii.words, unicode.words, "{line}");
            assert_eq!(ascii.compounds, unicode.compounds, "{line}");
        }
    }
}
