//! Character-level repairs that need no layout knowledge.
//!
//! Each fix is a named [`Rule`] with its own table below:
//!
//! | rule | before | after |
//! |---|---|---|
//! | `control-char` | `a\u{7}b`, `\u{1B}[1mbold\u{1B}[0m` | `ab`, `bold` |
//! | `zero-width` | `习\u{200B}近平`, `word\u{200B}` | `习近平`, `word` |
//! | `soft-hyphen` | `infor\u{AD}mation` | `information` |
//! | `space-variant` | `10\u{A0}km` | `10 km` |
//! | `ligature` | `ﬁle` | `file` |
//! | `ellipsis` | `企业⋯⋯鄂尔多斯` | `企业……鄂尔多斯` |
//! | `radical` | `その⼀部は`, `⻄班牙語`, `第1⾴` | `その一部は`, `西班牙語`, `第1頁` |
//!
//! What it refuses to touch: a zero-width space or word joiner (U+200B,
//! U+2060) between two letters of a script that marks its word boundaries
//! with it (line-break class SA of UAX #14: Thai, Lao, Khmer, Myanmar…,
//! `ភាសា\u{200B}ខ្មែរ` stays), the ideographic space U+3000, character width
//! (`第１章`, `态,当`), tabs, private-use characters, a radical standing
//! outside CJK text (a radical is inside it when a CJK character or
//! another radical is next to it, or when the block's letters are mostly
//! CJK; `The radical ⼀ means one.` stays), and a single `⋯` between
//! Latin or math symbols (`a + ⋯ + z`).
//!
//! Runs in `O(n)` over the line, allocates only when something changes,
//! and never drops a character that is not listed in a table here.

use crate::chars::radicals::{is_radical_like, unified_ideograph};
use crate::text::edit::{EditLog, Rule};
use crate::text::script::{CharClass, classify, is_complex_context, is_invisible};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use unicode_normalization::char::decompose_compatible;

/// Repairs the characters of one line that starts at byte `offset` of the
/// input, recording each change in `log`.
///
/// ```
/// use textmend::text::edit::EditLog;
/// use textmend::chars::normalize::normalize_line;
/// let mut log = EditLog::default();
/// assert_eq!(normalize_line("ﬁne\u{AD}ly", 0, &mut log), "finely");
/// assert_eq!(log.len(), 2);
/// assert_eq!(normalize_line("第１章", 0, &mut log), "第１章");
/// ```
pub fn normalize_line<'a>(line: &'a str, offset: usize, log: &mut EditLog) -> Cow<'a, str> {
    normalize(
        line,
        log,
        &|at, len| offset + at..offset + at + len,
        Scope::Alone,
    )
}

/// Repairs the characters whose repair depends on their neighbours (a
/// radical inside CJK text, `⋯` next to CJK, a joiner between letters), on
/// a block's joined text, so that a line break never hides a neighbour.
/// `range` is the block's range in `input`. Each edit is logged with the
/// range of the character it repairs: the k-th `⋯` of the joined text is
/// the k-th `⋯` of the block's input (joining only removes line breaks,
/// spaces and hyphens); should that not be found, the block's range.
///
/// ```
/// use textmend::text::edit::EditLog;
/// use textmend::chars::normalize::normalize_in_context;
/// let mut log = EditLog::default();
/// assert_eq!(normalize_in_context("その⼀部は", "その\n⼀部は", 0..16, &mut log), "その一部は");
/// assert_eq!(log.into_sorted()[0].range, 7..10);
/// let mut log = EditLog::default();
/// assert_eq!(normalize_in_context("radical ⼀ one", "radical ⼀ one", 0..16, &mut log), "radical ⼀ one");
/// ```
pub fn normalize_in_context<'a>(
    text: &'a str,
    input: &str,
    range: Range<usize>,
    log: &mut EditLog,
) -> Cow<'a, str> {
    let block = input.get(range.clone()).unwrap_or("");
    // Per character: how far the joined text and the block's input have
    // been scanned, so that finding every occurrence stays linear.
    let cursors: RefCell<HashMap<char, Cursor>> = RefCell::default();
    let range_of = |at: usize, len: usize| {
        let Some(c) = text[at..].chars().next() else {
            return range.clone();
        };
        let mut cursors = cursors.borrow_mut();
        let cursor = cursors.entry(c).or_default();
        cursor.nth += text[cursor.text_at..at].matches(c).count();
        cursor.text_at = at + len;
        while cursor.found <= cursor.nth {
            match block[cursor.input_at..].find(c) {
                Some(i) => {
                    cursor.last = cursor.input_at + i;
                    cursor.input_at += i + c.len_utf8();
                    cursor.found += 1;
                }
                None => return range.clone(),
            }
        }
        cursor.nth += 1;
        range.start + cursor.last..range.start + cursor.last + c.len_utf8()
    };
    normalize(text, log, &range_of, Scope::InContext)
}

/// Where the search for one character stands (see [`normalize_in_context`]).
#[derive(Default)]
struct Cursor {
    /// Occurrences seen in the joined text before `text_at`.
    nth: usize,
    text_at: usize,
    /// Occurrences found in the block's input before `input_at`.
    found: usize,
    input_at: usize,
    /// Where the last one found starts.
    last: usize,
}

/// Which fixes a pass applies.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Fixes that need no neighbours (applied per line).
    Alone,
    /// Fixes that look at the neighbours (applied per block).
    InContext,
}

fn normalize<'a>(
    line: &'a str,
    log: &mut EditLog,
    range_of: &dyn Fn(usize, usize) -> Range<usize>,
    scope: Scope,
) -> Cow<'a, str> {
    if !may_fix(line, scope) {
        return Cow::Borrowed(line);
    }
    let cjk_text =
        scope == Scope::InContext && line.chars().any(is_radical_like) && is_mostly_cjk(line);
    let mut out = String::with_capacity(line.len());
    // Neighbours as they will be once invisible characters are gone: the
    // last visible character so far, and the next one found ahead (found
    // once for a whole run of invisible characters).
    let mut prev: Option<char> = None;
    let mut ahead = NextVisible::new(line);
    // The end of a terminal escape sequence removed whole.
    let mut skip_to = 0;
    for (at, c) in line.char_indices() {
        if at < skip_to {
            continue;
        }
        if let Some(len) = (c == '\u{1B}' && scope == Scope::Alone)
            .then(|| escape_sequence_len(&line[at..]))
            .flatten()
        {
            log.push(range_of(at, len), String::new(), Rule::ControlChar);
            skip_to = at + len;
            continue;
        }
        if needs_attention(c) {
            let next = ahead.after(at);
            let fixed = match scope {
                Scope::Alone => fix_alone(c, prev, next),
                Scope::InContext => fix_in_context(c, prev, next, cjk_text),
            };
            match fixed {
                Some((replacement, rule)) => {
                    out.push_str(&replacement);
                    log.push(range_of(at, c.len_utf8()), replacement, rule);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
        if !is_invisible(c) {
            prev = Some(c);
        }
    }
    Cow::Owned(out)
}

/// The first visible character after a position, for positions asked in
/// increasing order: the text is read ahead once, not once per question.
struct NextVisible<'a> {
    rest: std::str::CharIndices<'a>,
    found: Option<(usize, char)>,
}

impl<'a> NextVisible<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            rest: text.char_indices(),
            found: None,
        }
    }

    fn after(&mut self, at: usize) -> Option<char> {
        if let Some((found_at, c)) = self.found {
            if found_at > at {
                return Some(c);
            }
        }
        self.found = self
            .rest
            .by_ref()
            .find(|&(i, c)| i > at && !is_invisible(c));
        self.found.map(|(_, c)| c)
    }
}

/// The length of the terminal escape sequence (ECMA-48 control sequence:
/// ESC `[`, parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, a
/// final byte 0x40–0x7E) that `text` starts with, or `None`. Terminal
/// output captured to a file keeps its colours and bold as such sequences
/// (`\u{1B}[1mbold\u{1B}[0m`); removing only the ESC would leave `[1m`
/// behind.
fn escape_sequence_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("\u{1B}[")?;
    let params = rest
        .bytes()
        .take_while(|b| (0x30..=0x3F).contains(b))
        .count();
    let inter = rest[params..]
        .bytes()
        .take_while(|b| (0x20..=0x2F).contains(b))
        .count();
    let end = params + inter;
    let last = *rest.as_bytes().get(end)?;
    (0x40..=0x7E).contains(&last).then_some(2 + end + 1)
}

/// Characters written as a plain space (`SpaceVariant`).
fn is_space_variant(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

/// How `c` is written once the rules that need no neighbours have run:
/// how many characters it becomes (none for an invisible one, its letters
/// for a ligature) and whether it becomes a space. Column detection
/// measures a line as it will be written, so that the repaired text, read
/// again, shows its gutters where the first reading saw them.
///
/// ```text
/// ﬁle    → 2 + 1 + 1 + 1 columns: "file"
/// a\u{A0}\u{A0}b → "a  b": a gap of two spaces
/// ```
pub(crate) fn as_written(c: char) -> (usize, bool) {
    if is_invisible(c) {
        return (0, false);
    }
    if is_space_variant(c) {
        return (1, true);
    }
    if ('\u{FB00}'..='\u{FB06}').contains(&c) {
        let mut letters = 0;
        decompose_compatible(c, |_| letters += 1);
        return (letters, false);
    }
    (1, c == ' ')
}

/// Could a rule of `scope` change a character of `line`? `false` only
/// when [`normalize_line`] (for [`Scope::Alone`]) or
/// [`normalize_in_context`] returns the line as it is. A scan of the
/// lead bytes, eight at a time over printable ASCII: only characters that
/// start with a control byte or with 0xC2, 0xE2, 0xEF or 0xF0 (every
/// character a rule replaces starts so) are decoded and looked at. The
/// characters a rule in context replaces all start with 0xE2, 0xEF or
/// 0xF0: for [`Scope::InContext`] a vectorised search finds those bytes,
/// and passes over ASCII and most CJK at once.
pub(crate) fn may_fix(line: &str, scope: Scope) -> bool {
    if scope == Scope::InContext {
        return memchr::memchr3_iter(0xE2, 0xEF, 0xF0, line.as_bytes()).any(|at| {
            line.get(at..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| is_fixed(c, scope))
        });
    }
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    // A byte at or above 0x7F, or below 0x20 (exact as a whole).
    let is_printable = |word: &[u8]| {
        <[u8; 8]>::try_from(word).is_ok_and(|word| {
            let w = u64::from_ne_bytes(word);
            (w | w.wrapping_add(ONES) | (w.wrapping_sub(0x20 * ONES) & !w)) & (0x80 * ONES) == 0
        })
    };
    let bytes = line.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if (0x20..0x7F).contains(&b) {
            // Printable ASCII, eight bytes at a time where it goes on.
            match bytes.get(at..at + 8) {
                Some(word) if is_printable(word) => {
                    at += 8;
                    continue;
                }
                Some(_) => {}
                // Fewer than eight bytes are left: the eight that end the
                // line hold them, and the bytes before them were passed.
                None => {
                    let last_eight = bytes.len().checked_sub(8).and_then(|i| bytes.get(i..));
                    if last_eight.is_some_and(is_printable) {
                        return false;
                    }
                }
            }
            at += 1;
            continue;
        }
        if (0xE3..=0xEE).contains(&b) {
            // CJK and Hangul (U+3000 to U+EFFF), which no rule alone
            // replaces: a run of them is passed over by its lead bytes.
            at += 3;
            while let Some(0xE3..=0xEE) = bytes.get(at) {
                at += 3;
            }
            continue;
        }
        let lead = LEAD_BYTES[usize::from(b)];
        if lead & MAY_START != 0
            && may_start_fixed_alone(b, bytes.get(at + 1).copied())
            && line[at..]
                .chars()
                .next()
                .is_some_and(|c| is_fixed(c, scope))
        {
            return true;
        }
        at += usize::from(lead & LENGTH);
    }
    false
}

/// Can a character that starts with the bytes `lead` and `second` be one
/// that a rule alone replaces? The controls, and U+0080 to U+00BF
/// (0xC2); the spaces and invisible characters of U+2000 to U+207F (0xE2
/// then 0x80 or 0x81); the ligatures U+FB00 to U+FB06 (0xEF 0xAC) and
/// U+FEFF (0xEF 0xBB). A byte test that spares decoding most characters
/// led by 0xE2 and 0xEF (CJK punctuation, curly quotes).
fn may_start_fixed_alone(lead: u8, second: Option<u8>) -> bool {
    match lead {
        0xE2 => matches!(second, Some(0x80 | 0x81)),
        0xEF => matches!(second, Some(0xAC | 0xBB)),
        _ => true,
    }
}

/// [`LEAD_BYTES`]: the length of the character a byte starts.
const LENGTH: u8 = 0x07;
/// [`LEAD_BYTES`]: a character a rule replaces may start with the byte.
const MAY_START: u8 = 0x80;

/// For each byte that starts a character of UTF-8 text: the character's
/// length, and [`MAY_START`] for a control byte or 0xC2, 0xE2, 0xEF, 0xF0
/// (every character a rule replaces starts so).
const LEAD_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let len = match b {
            0x00..=0x7F => 1,
            0x80..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let may_start = matches!(b, 0x00..=0x1F | 0x7F | 0xC2 | 0xE2 | 0xEF | 0xF0);
        table[b] = len | if may_start { MAY_START } else { 0 };
        b += 1;
    }
    table
};

/// The characters a rule of `scope` may replace: every one for which
/// [`fix_alone`] or [`fix_in_context`] can give a replacement.
pub(crate) fn is_fixed(c: char, scope: Scope) -> bool {
    match scope {
        Scope::Alone => {
            matches!(
                c,
                '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{FB00}'..='\u{FB06}'
            ) || is_space_variant(c)
                || c.is_control() && c != '\t'
        }
        Scope::InContext => matches!(c, '\u{200C}' | '\u{200D}' | '\u{22EF}') || is_radical_like(c),
    }
}

/// Cheap pre-check: could this character be changed by some rule?
fn needs_attention(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control() && c != '\t';
    }
    if is_radical_like(c) || ('\u{FB00}'..='\u{FB06}').contains(&c) {
        return true;
    }
    !matches!(
        classify(c),
        CharClass::Han | CharClass::Kana | CharClass::Hangul | CharClass::Letter | CharClass::Digit
    ) && !is_plain_cjk_punct(c)
}

/// Full-width punctuation that no rule touches (fast path for CJK text).
fn is_plain_cjk_punct(c: char) -> bool {
    ('\u{3001}'..='\u{303F}').contains(&c) && c != '\u{3000}'
        || ('\u{FF01}'..='\u{FF5E}').contains(&c)
}

/// The replacement for `c` that needs no neighbours beyond its line (`prev`
/// and `next` are the visible characters around it, `None` at the line's
/// ends), or `None`.
fn fix_alone(c: char, prev: Option<char>, next: Option<char>) -> Option<(String, Rule)> {
    let one = |s: &str, rule| Some((s.to_string(), rule));
    match c {
        '\u{AD}' => one("", Rule::SoftHyphen),
        '\u{200B}' | '\u{2060}' if separates_words(prev, next) => None,
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' => one("", Rule::ZeroWidth),
        c if is_space_variant(c) => one(" ", Rule::SpaceVariant),
        '\u{FB00}'..='\u{FB06}' => Some((decompose_compatible_string(c), Rule::Ligature)),
        c if c.is_control() && c != '\t' => one("", Rule::ControlChar),
        _ => None,
    }
}

/// True when a zero-width space (or word joiner) between `prev` and `next`
/// is the word separator of the script around it: UAX #14 gives U+200B
/// the class ZW and says it marks word boundaries in the scripts of class
/// SA, which write no space between words. Beside a letter of such a
/// script, with another on its other side or no letter at all (a line's
/// edge, a space, a sign), it is writing, not an artifact; inside Han,
/// kana, Hangul or Latin text, or between such a script and a letter of
/// another, it is an artifact of extraction.
///
/// ```text
/// ភាសា\u{200B}ខ្មែរ   kept (Khmer)
/// ภาษา\u{200B}ไทย    kept (Thai)
/// ភាសា\u{200B}       kept (Khmer, at the line's end)
/// ភាសា\u{200B}abc    removed (a Latin letter after it)
/// 习\u{200B}近平      removed
/// word\u{200B}        removed (line end)
/// ```
fn separates_words(prev: Option<char>, next: Option<char>) -> bool {
    let complex = |c: Option<char>| c.is_some_and(is_complex_context);
    let no_letter = |c: Option<char>| c.is_none_or(|c| !c.is_alphabetic());
    complex(prev) && (complex(next) || no_letter(next)) || complex(next) && no_letter(prev)
}

/// True when the text's letters are mostly CJK: more ideographs and kana
/// than letters of other scripts. Radical look-alikes count as ideographs,
/// so that repairing them never changes the verdict (idempotence).
fn is_mostly_cjk(text: &str) -> bool {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars() {
        match classify(c) {
            CharClass::Han | CharClass::Kana => cjk += 1,
            CharClass::Letter | CharClass::Hangul => other += 1,
            _ => {}
        }
    }
    cjk > other
}

/// The replacement for `c` given its neighbours and whether the text
/// around it is mostly CJK, or `None` to keep it.
fn fix_in_context(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    cjk_text: bool,
) -> Option<(String, Rule)> {
    let cjk_side = |c: Option<char>| {
        c.is_some_and(|c| {
            matches!(
                classify(c),
                CharClass::Han | CharClass::Kana | CharClass::WidePunct
            )
        })
    };
    match c {
        '\u{200C}' | '\u{200D}' => {
            // Joiners matter in emoji, Indic and Arabic; between CJK or
            // Latin letters they are extraction noise.
            let plain = |c: Option<char>| {
                c.is_some_and(|c| {
                    matches!(
                        classify(c),
                        CharClass::Han | CharClass::Kana | CharClass::Hangul
                    ) || c.is_ascii_alphabetic()
                })
            };
            (plain(prev) && plain(next)).then(|| (String::new(), Rule::ZeroWidth))
        }
        '\u{22EF}' => {
            let around = |c: Option<char>| c == Some('\u{22EF}') || cjk_side(c);
            (around(prev) || around(next)).then(|| ("…".to_string(), Rule::Ellipsis))
        }
        c if is_radical_like(c) => {
            let around = |c: Option<char>| c.is_some_and(is_radical_like) || cjk_side(c);
            if !(cjk_text || around(prev) || around(next)) {
                return None;
            }
            Some((unified_ideograph(c)?.to_string(), Rule::Radical))
        }
        _ => None,
    }
}

fn decompose_compatible_string(c: char) -> String {
    let mut s = String::new();
    decompose_compatible(c, |d| s.push(d));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both passes, as the pipeline applies them to a one-line block.
    fn norm(s: &str) -> String {
        let mut log = EditLog::default();
        let alone = normalize_line(s, 0, &mut log).into_owned();
        normalize_in_context(&alone, s, 0..s.len(), &mut log).into_owned()
    }

    #[test]
    fn plain_text_is_borrowed() {
        let mut log = EditLog::default();
        assert!(matches!(
            normalize_line("鄂尔多斯，Ordos 2019。", 0, &mut log),
            Cow::Borrowed(_)
        ));
        assert!(log.is_empty());
    }

    #[test]
    fn invisible_characters_go() {
        assert_eq!(norm("习\u{200B}近平"), "习近平");
        assert_eq!(norm("infor\u{AD}mation"), "information");
        assert_eq!(norm("a\u{7}b\u{FEFF}c"), "abc");
        assert_eq!(norm("a\tb"), "a\tb");
    }

    #[test]
    fn terminal_escape_sequences_go_whole() {
        assert_eq!(
            norm("\u{1B}[1mbold\u{1B}[0m and \u{1B}[38;5;196mred\u{1B}[m"),
            "bold and red"
        );
        // An ESC that starts no control sequence goes alone.
        assert_eq!(norm("a\u{1B}b [1m"), "ab [1m");
        assert_eq!(norm("cut \u{1B}[12"), "cut [12");
    }

    #[test]
    fn zero_width_space_stays_where_a_script_separates_words_with_it() {
        for s in [
            "ភាសា\u{200B}ខ្មែរ",
            "ภาษา\u{200B}ไทย",
            "ພາສາ\u{200B}ລາວ",
            "မြန်မာ\u{200B}စာ",
            "ភាសា\u{2060}ខ្មែរ",
        ] {
            assert_eq!(norm(s), s);
        }
        for s in [
            "ភាសា\u{200B}",
            "\u{200B}ភាសា",
            "ភាសា\u{200B} IPC",
            "ភាសា\u{200B}។",
        ] {
            assert_eq!(norm(s), s);
        }
        assert_eq!(norm("ភាសា\u{200B}abc"), "ភាសាabc");
        assert_eq!(norm("abc\u{200B}ភាសា"), "abcភាសា");
        assert_eq!(norm("word\u{200B}"), "word");
        assert_eq!(norm("한\u{200B}국"), "한국");
        assert_eq!(norm("か\u{200B}な"), "かな");
        assert_eq!(norm("ab\u{200B}cd"), "abcd");
        assert_eq!(norm("ภาษา\u{FEFF}ไทย"), "ภาษาไทย");
    }

    #[test]
    fn joiners_stay_where_a_script_needs_them() {
        assert_eq!(norm("👩\u{200D}💻"), "👩\u{200D}💻");
        assert_eq!(norm("中\u{200D}文"), "中文");
    }

    #[test]
    fn space_variants_become_ascii_but_ideographic_space_stays() {
        assert_eq!(norm("10\u{A0}km\u{2009}h"), "10 km h");
        assert_eq!(norm("\u{3000}\u{3000}段落"), "\u{3000}\u{3000}段落");
    }

    #[test]
    fn ligatures_are_spelled_out() {
        assert_eq!(norm("ﬁnd ﬂow eﬀort oﬃce"), "find flow effort office");
    }

    #[test]
    fn midline_ellipsis_only_next_to_cjk_or_another() {
        assert_eq!(norm("企业⋯⋯鄂尔多斯"), "企业……鄂尔多斯");
        assert_eq!(norm("a + ⋯ + z"), "a + ⋯ + z");
    }

    #[test]
    fn radicals_only_inside_cjk_text() {
        assert_eq!(norm("その⼀部は⼈"), "その一部は人");
        assert_eq!(norm("radical ⼀ one"), "radical ⼀ one");
        assert_eq!(
            norm("The radical ⻢ means horse."),
            "The radical ⻢ means horse."
        );
    }

    #[test]
    fn supplement_radicals_become_ideographs() {
        assert_eq!(
            norm("受語言環境的影響. ⻄班牙語"),
            "受語言環境的影響. 西班牙語"
        );
        assert_eq!(norm("⻢上出发，⺨猴"), "马上出发，犭猴");
    }

    #[test]
    fn radicals_in_mostly_cjk_text_without_a_cjk_neighbour() {
        assert_eq!(norm("第1⾴"), "第1頁");
        assert_eq!(norm("⽤ tar(1) 命令压缩文件"), "用 tar(1) 命令压缩文件");
        assert_eq!(norm("⼀ one"), "⼀ one");
    }

    #[test]
    fn neighbours_are_judged_without_invisible_characters() {
        assert_eq!(norm("⼀\u{0}一"), "一一");
    }

    #[test]
    fn width_and_punctuation_are_the_writers() {
        for s in ["第１章", "态,当", "差分(遠隔)", "ＡＢＣ", "“引号”"] {
            assert_eq!(norm(s), s);
        }
    }

    #[test]
    fn edits_carry_input_offsets() {
        let mut log = EditLog::default();
        normalize_line("ab\u{AD}c", 10, &mut log);
        let edits = log.into_sorted();
        assert_eq!(edits[0].range, 12..14);
    }

    #[test]
    fn may_fix_sees_every_character_a_rule_replaces() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let line = format!("中{c}中");
            if fix_alone(c, None, None).is_some() {
                assert!(may_fix(&line, Scope::Alone), "{c:?}");
            }
            if fix_in_context(c, Some('中'), Some('中'), true).is_some() {
                assert!(may_fix(&line, Scope::InContext), "{c:?}");
            }
            if !may_fix(&line, Scope::Alone) {
                let mut log = EditLog::default();
                assert_eq!(normalize_line(&line, 0, &mut log), line);
                assert!(log.is_empty(), "{c:?}");
            }
        }
        assert!(may_fix("\u{1B}[1mbold", Scope::Alone));
        // A control character anywhere in a line of printable ASCII, in
        // its words of eight bytes and in the bytes after them.
        for len in 0..24 {
            let line = "a".repeat(len);
            assert!(!may_fix(&line, Scope::Alone), "{len}");
            for at in 0..len {
                for c in ['\u{0}', '\u{7}', '\u{7F}', '\u{AD}'] {
                    let line = format!("{}{c}{}", &line[..at], &line[at + 1..]);
                    assert!(may_fix(&line, Scope::Alone), "{line:?}");
                }
            }
        }
        assert!(!may_fix("“鄂尔多斯”—— plain", Scope::Alone));
    }
}
