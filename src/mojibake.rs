//! Mojibake: text whose bytes were decoded with the wrong encoding, read
//! back the right way.
//!
//! A run of characters that a single-byte encoding can write (windows-1252
//! or Latin-1, windows-1250, -1251, -1257, Mac Roman) is written back to
//! those bytes and read as UTF-8 or as GBK. The reading is kept only when
//! it is clearly more plausible than the text it replaces (see
//! [`repair_mojibake`]).
//!
//! `O(n)` over the text (a handful of candidate readings per line, each
//! linear); never panics; text that is already right is never changed.

mod cp437;
mod plausibility;

use crate::script::{CharClass, classify};
use encoding_rs::{
    DecoderResult, Encoding, GBK, IBM866, ISO_8859_2, MACINTOSH, WINDOWS_1250, WINDOWS_1251,
    WINDOWS_1252, WINDOWS_1253, WINDOWS_1254, WINDOWS_1257,
};
use plausibility::{
    char_cost, cost, cost_as_simplified_chinese, gb2312_cost, gbk_bytes, han_cost,
    is_removed_later, is_space,
};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;
use unicode_script::{Script, UnicodeScript};

/// How much more plausible (in [`cost`] points) a reading must be than
/// the text it replaces, when it reads every byte of its run.
const CLEAR_GAIN: i32 = 3;

/// The same when the reading leaves some characters as they were, or
/// comes from an encoding less often mixed up than windows-1252.
const STRONG_GAIN: i32 = 8;

/// Readings applied one after the other at most (text garbled twice).
const MAX_ROUNDS: usize = 3;

/// One repaired run: the input bytes in `range` now read `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MojibakeFix {
    /// Byte range in the text given to [`repair_mojibake`].
    pub range: Range<usize>,
    /// The text that stands for it.
    pub replacement: String,
}

/// Repairs mojibake in `text`, returning the repaired text and the runs it
/// changed, or `None` when nothing needed repair.
///
/// UTF-8 read as windows-1252 or Latin-1, GBK read as Latin-1, UTF-8 read
/// as GBK, and UTF-8 read as other single-byte code pages are recognized,
/// also when garbled twice:
///
/// ```text
/// Ã©tÃ© Ã  la plage        →  été à la plage
/// Ö÷Ìâ½ÌÓý                →  主题教育
/// 鑰冭瘯                   →  考试
/// æ–¹æ³•æ˜Žç¡®          →  方法明确
/// Iggy Pop (nÃƒÂ© Jim)    →  Iggy Pop (né Jim)
/// ```
///
/// Each line is judged alone. A reading is accepted only when it scores
/// clearly better: the score counts characters that mojibake is made of
/// and real text rarely has (C1 controls, a Latin-1 symbol glued to an
/// accented letter, scripts mixed inside a word, rare letters), and for
/// Chinese readings it counts an ideograph as common when it lies in the
/// first level of GB2312, of Big5 or of JIS X 0208 (the 3755, 5401 and
/// 2965 most frequent characters of Simplified Chinese, Traditional
/// Chinese and Japanese). Refused: legitimate accented text (`Bremer/Mccoy – DrÃ¥ber`,
/// `SÃO PAULO`, `© 2024`), a reading that would need bytes the run does
/// not have, and a Chinese reading that is not made of CJK characters.
///
/// # Examples
///
/// ```
/// use textmend::mojibake::repair_mojibake;
/// let (text, fixes) = repair_mojibake("Ã©tÃ© Ã  la plage").unwrap();
/// assert_eq!(text, "été à la plage");
/// assert_eq!(fixes[0].range.start, 0);
/// assert_eq!(repair_mojibake("Ö÷Ìâ½ÌÓý").unwrap().0, "主题教育");
/// assert_eq!(repair_mojibake("São Paulo, © 2024 Ação"), None);
/// ```
pub fn repair_mojibake(text: &str) -> Option<(String, Vec<MojibakeFix>)> {
    if text.is_ascii() {
        return None;
    }
    // The repaired copy is started at the first fix: most texts have none.
    let mut out = String::new();
    let mut fixes = Vec::new();
    let mut start = 0;
    while start < text.len() {
        // Each line break ends a line (`\r\n` two); a line is read the
        // same whatever ends it (the last line of an input often has no
        // line end, and gets one in the output).
        let (body_end, end) = crate::line::next_line_break(text, start)
            .map_or((text.len(), text.len()), |(at, c)| (at, at + c.len_utf8()));
        let (line, body) = (&text[start..end], &text[start..body_end]);
        let read = may_hold_mojibake(body).then(|| repair_line(body)).flatten();
        match read {
            Some(fixed) => {
                if fixes.is_empty() {
                    out.reserve(text.len());
                    out.push_str(&text[..start]);
                }
                let prefix = common_prefix(body, &fixed);
                let suffix = common_suffix(&body[prefix..], &fixed[prefix..]);
                fixes.push(MojibakeFix {
                    range: start + prefix..start + body.len() - suffix,
                    replacement: fixed[prefix..fixed.len() - suffix].to_string(),
                });
                out.push_str(&fixed);
                out.push_str(&line[body.len()..]);
            }
            None if !fixes.is_empty() => out.push_str(line),
            None => {}
        }
        start += line.len();
    }
    (!fixes.is_empty()).then_some((out, fixes))
}

/// Can [`repair_line`] read anything in `line`? A cheap, conservative
/// test: `false` only for a line that [`repair_line`] certainly leaves as
/// it is. Every reading starts from a character some code page writes
/// (which gives [`PageEvidence`] a lead or GB2312 byte, and takes in the
/// C1 controls), or from ideographs outside GB2312 (UTF-8 read as GBK);
/// a line with neither, and the line normalization makes of it (which
/// adds only ASCII, and `ſ` from the ligature `ﬅ`), offers none. A line
/// with such characters that normalization leaves as it is (curly quotes
/// between ideographs) is then asked what [`best_reading`] asks first.
///
/// `O(n)`, a table look-up per non-ASCII character.
fn may_hold_mojibake(line: &str) -> bool {
    if line.is_ascii() {
        return false;
    }
    if !line.chars().any(is_candidate) {
        return false;
    }
    // Normalization may bring characters together, or change them.
    if crate::normalize::may_fix(line, crate::normalize::Scope::Alone) {
        return true;
    }
    // The line is read as it is, and `best_reading` reads nothing
    // without evidence; C1 controls are changed by normalization.
    !PageEvidence::of(line).is_empty() || may_be_utf8_read_as_gbk(line)
}

/// Can a reading start from `c` (see [`may_hold_mojibake`])?
fn is_candidate(c: char) -> bool {
    let i = c as usize;
    mojibake_candidates()
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

/// Byte length of the longest common prefix, on a char boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|&((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// Byte length of the longest common suffix, on a char boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// The line with its mojibake read right, or `None`. Readings are taken
/// until none is left, also on the line as the normalize stage will leave
/// it (controls and invisible characters gone, space variants plain), so
/// that repairing the output again finds nothing more to read.
fn repair_line(line: &str) -> Option<String> {
    // Most lines need no repair: nothing is copied until a reading is taken.
    let mut current = Cow::Borrowed(line);
    for _ in 0..MAX_ROUNDS {
        if let Some(read) = repair_line_as_is(&current).filter(|read| acceptable(read, &current)) {
            current = Cow::Owned(read);
            continue;
        }
        let normalized =
            crate::normalize::normalize_line(&current, 0, &mut crate::edit::EditLog::off());
        if normalized == current {
            break;
        }
        let normalized = normalized.into_owned();
        match repair_line_as_is(&normalized).filter(|read| acceptable(read, &normalized)) {
            Some(read) => current = Cow::Owned(read),
            None => break,
        }
    }
    (current != line).then(|| current.into_owned())
}

/// A reading that changes the line and keeps it one line: a reading that
/// would break it (`â€¨` → U+2028) is refused, since the lines it makes
/// would be judged anew by a second repair.
fn acceptable(read: &str, line: &str) -> bool {
    let breaks = |t: &str| {
        t.matches(['\n', '\r', '\u{2028}', '\u{2029}', '\u{c}'])
            .count()
    };
    read != line && breaks(read) == breaks(line)
}

/// The line with its mojibake read right, or `None`, reading every
/// character as it stands.
fn repair_line_as_is(line: &str) -> Option<String> {
    let mut current: Option<String> = None;
    for _ in 0..MAX_ROUNDS {
        let text = current.as_deref().unwrap_or(line);
        if text.is_ascii() {
            break;
        }
        match best_reading(text, 1) {
            Some(better) => current = Some(better),
            None => break,
        }
    }
    let text = current.as_deref().unwrap_or(line);
    if text.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)) {
        current = Some(c1_as_windows_1252(text));
    }
    current
}

/// C1 controls left over are windows-1252 punctuation read as Latin-1
/// (`\u{93}quoted\u{94}` → `“quoted”`); the five bytes windows-1252 leaves
/// undefined stay.
fn c1_as_windows_1252(text: &str) -> String {
    text.chars()
        .map(|c| match u8::try_from(c) {
            Ok(byte @ 0x80..=0x9F) => {
                let one = [byte];
                let (read, _) = WINDOWS_1252.decode_without_bom_handling(&one);
                read.chars().next().unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// The most plausible reading of `line` that clears its threshold.
fn best_reading(line: &str, depth: usize) -> Option<String> {
    let evidence = PageEvidence::of(line);
    let gbk_reading_possible = may_be_utf8_read_as_gbk(line);
    if evidence.is_empty() && !gbk_reading_possible {
        return None;
    }
    let before = cost(line);
    let mut best_utf8: Option<(i32, String)> = None;
    let mut best_gbk: Option<(i32, String)> = None;
    for (index, page) in code_pages().iter().enumerate() {
        // UTF-8 read through this page shows a lead byte (0xC2–0xF4) as one
        // of its characters; without one, only GBK can be read back.
        let has_utf8_lead = evidence.utf8_lead & 1 << index != 0;
        // GBK read as Latin-1 shows its bytes 0xA1–0xFE (all of GB2312's)
        // as Latin-1 letters and signs; curly quotes alone are not that.
        let has_gbk_byte = page.primary && evidence.gbk_byte & 1 << index != 0;
        if !has_utf8_lead && !has_gbk_byte {
            continue;
        }
        // Three characters whose bytes have the shape of a three-byte UTF-8
        // sequence (`â€œ`, `вЂ“`) are evidence for this page.
        let shapes = page.three_byte_shapes(line);
        let prior = 3 * (shapes + page.cut_sequences(line));
        // No reading can gain more than the line costs.
        if before + prior < CLEAR_GAIN {
            continue;
        }
        // A line where one non-ASCII character in seven or more starts a
        // three-byte UTF-8 shape is UTF-8 read through this page, even when
        // it lost bytes on the way (`à¸à¸²à¸©à¸²` from Thai); GBK read
        // through it has a shape in far fewer.
        let utf8_shaped = shapes * 7 >= line.chars().filter(|c| !c.is_ascii()).count() as i32;
        let has_gbk_byte = has_gbk_byte && !utf8_shaped;
        // GBK is read as Latin-1 or windows-1252, not as other code pages.
        let targets: &[Target] = match (has_utf8_lead, has_gbk_byte) {
            (true, true) => &[Target::Utf8, Target::Gbk],
            (false, true) => &[Target::Gbk],
            (true, false) => &[Target::Utf8],
            (false, false) => continue,
        };
        for &target in targets {
            let Some(reading) = read_as(line, page, target) else {
                continue;
            };
            // A C1 control the code page itself writes differently is
            // evidence against that page (Latin-2 text vs windows-1250).
            let borrowed = if page.primary {
                0
            } else {
                line.chars().filter(|&c| page.borrows(c)).count() as i32
            };
            // Byte shapes are no evidence for a reading that brings in a
            // script the line shows nowhere else (`Brontë…”` is not
            // Hangul): such a reading must win on the text alone.
            let prior = if target == Target::Utf8 && !brings_in_a_script(line, &reading.text) {
                prior
            } else {
                0
            };
            let gain = before + prior - cost(&reading.text) - borrowed;
            let needed = match (reading.complete, page.primary, target) {
                (true, true, Target::Utf8) => CLEAR_GAIN,
                (true, false, Target::Utf8) => CLEAR_GAIN + 1,
                // A GBK reading made only of frequent ideographs and of
                // what else real text has, each from two bytes of GB2312's
                // range (no ASCII letter taken as a trail byte):
                // `°²×°` → `安装`; short headings have no room for more
                // evidence.
                (true, _, Target::Gbk)
                    if cost(&reading.text) == 0
                        && ascii_count(&reading.text) == ascii_count(line) =>
                {
                    CLEAR_GAIN + 1
                }
                _ => STRONG_GAIN,
            };
            let (gain, text) = if gain < needed && gain > 0 && reading.complete && depth > 0 {
                // Garbled twice: judge the reading by what reading it
                // again gives (`Г‚ВЈ` → `Â£` → `£`).
                match best_reading(&reading.text, depth - 1) {
                    Some(again) => (before + prior - cost(&again) - borrowed, again),
                    None => (gain, reading.text),
                }
            } else {
                (gain, reading.text)
            };
            if gain < needed {
                continue;
            }
            let slot = match target {
                Target::Utf8 => &mut best_utf8,
                Target::Gbk => &mut best_gbk,
            };
            if slot.as_ref().is_none_or(|(g, _)| gain > *g) {
                *slot = Some((gain, text));
            }
        }
    }
    // UTF-8 read through a single-byte page is far more common than GBK
    // read through one: a GBK reading must beat the best UTF-8 reading by a
    // wide margin (`50Â°C` is `50°C`, not `50掳C`).
    let mut best = match (best_utf8, best_gbk) {
        (Some(utf8), Some(gbk)) if gbk.0 < utf8.0 + STRONG_GAIN => Some(utf8),
        (utf8, None) => utf8,
        (_, gbk) => gbk,
    };
    if let Some(text) = gbk_reading_possible
        .then(|| utf8_read_as_gbk(line))
        .flatten()
    {
        let gain = cost_as_simplified_chinese(line) - cost(&text);
        if gain > CLEAR_GAIN && best.as_ref().is_none_or(|(g, _)| gain > *g) {
            best = Some((gain, text));
        }
    }
    best.map(|(_, text)| text)
}

fn ascii_count(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii).count()
}

/// True when `reading` has letters of a script (other than Latin) that
/// `line` has none of.
fn brings_in_a_script(line: &str, reading: &str) -> bool {
    let script = |c: char| {
        let script = c.script();
        (c.is_alphabetic() && !matches!(script, Script::Common | Script::Inherited | Script::Latin))
            .then_some(script)
    };
    let mut before: Vec<Script> = line.chars().filter_map(script).collect();
    before.sort_unstable_by_key(|s| s.full_name());
    before.dedup();
    reading
        .chars()
        .filter_map(script)
        .any(|s| !before.contains(&s))
}

/// Could the text be UTF-8 read as GBK? It holds two or more ideographs
/// outside GB2312 (UTF-8 read as GBK is full of them) and its GBK bytes have
/// the shape of UTF-8; text really written in Chinese fails within a few
/// characters.
pub(crate) fn may_be_utf8_read_as_gbk(text: &str) -> bool {
    let outside_gb2312 = text
        .chars()
        .filter(|&c| ('\u{4E00}'..='\u{9FFF}').contains(&c) && gb2312_cost(c) == 2)
        .take(2)
        .count();
    outside_gb2312 >= 2 && utf8_shaped_through_gbk(text)
}

/// Do the line's GBK bytes have the shape of UTF-8 (lead bytes followed by
/// as many continuation bytes as they announce)? A cheap test, stopping at
/// the first byte out of place, that text really written in Chinese fails
/// within a few characters; [`utf8_read_as_gbk`] then decides.
fn utf8_shaped_through_gbk(line: &str) -> bool {
    let mut continuations = 0;
    for c in line.chars() {
        let Some((bytes, len)) = (!c.is_ascii()).then(|| gbk_bytes(c)).flatten() else {
            // ASCII, or a character GBK cannot write, ends a sequence.
            if continuations > 0 {
                return false;
            }
            continue;
        };
        for &byte in &bytes[..len] {
            continuations = match (continuations, byte) {
                (0, 0x00..=0x7F) => 0,
                (0, 0xC2..=0xDF) => 1,
                (0, 0xE0..=0xEF) => 2,
                (0, 0xF0..=0xF4) => 3,
                (n, 0x80..=0xBF) if n > 0 => n - 1,
                _ => return false,
            };
        }
    }
    continuations == 0
}

/// UTF-8 that was read as GBK (`鑰冭瘯` for `考试`): each run of characters
/// GBK can write is written back and read as UTF-8. All or nothing: every
/// run with a non-ASCII character must read as valid UTF-8, which text
/// really written in Chinese practically never does.
fn utf8_read_as_gbk(line: &str) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut run = String::new();
    let mut changed = false;
    let flush = |run: &mut String, out: &mut String| -> Option<bool> {
        if run.is_ascii() {
            out.push_str(run);
            run.clear();
            return Some(false);
        }
        let (bytes, _, unmappable) = GBK.encode(run);
        let text = std::str::from_utf8(&bytes).ok().filter(|_| !unmappable)?;
        out.push_str(text);
        run.clear();
        Some(true)
    };
    for c in line.chars() {
        let writable = c.is_ascii()
            || ('\u{4E00}'..='\u{9FA5}').contains(&c)
            || c != '\u{FFFD}' && gbk_bytes(c).is_some();
        if writable {
            run.push(c);
        } else {
            changed |= flush(&mut run, &mut out)?;
            out.push(c);
        }
    }
    changed |= flush(&mut run, &mut out)?;
    changed.then_some(out)
}

/// Which code pages a line shows the bytes of mojibake through: bit `n`
/// stands for `code_pages()[n]`.
#[derive(Default)]
struct PageEvidence {
    /// Pages that write two of the line's characters in a row as a UTF-8
    /// lead byte (0xC2–0xF4) and a continuation byte (0x80–0xBF, a space
    /// standing for a lost no-break space, or U+FFFD for a byte an earlier
    /// decoder could not read).
    utf8_lead: u16,
    /// Pages that write two of its characters in a row as bytes that GBK
    /// pairs, one of them in GB2312's range (0xA1–0xFE), the other at least
    /// 0x40.
    gbk_byte: u16,
}

impl PageEvidence {
    /// One pass over the line. No single-byte code page writes CJK, so
    /// CJK characters show no page at all.
    fn of(line: &str) -> Self {
        const EVERY_PAGE: u16 = u16::MAX;
        let mut evidence = PageEvidence::default();
        let mut before = PageBytes::default();
        for c in line.chars() {
            let here = if c.is_ascii() {
                let trail = if ('@'..'\u{7F}').contains(&c) {
                    EVERY_PAGE
                } else {
                    0
                };
                PageBytes {
                    continuation: if c == ' ' || c == '\t' { EVERY_PAGE } else { 0 },
                    trail,
                    ..PageBytes::default()
                }
            } else if ('\u{2E80}'..'\u{F8FF}').contains(&c) && c != '\u{3000}' {
                // CJK, Hangul and the private use area: on no page.
                PageBytes::default()
            } else {
                let mut bytes = page_bytes_of(c);
                // U+FFFD may stand for a continuation byte an earlier
                // decoder could not read.
                if is_space(c) || c == '\u{FFFD}' {
                    bytes.continuation = EVERY_PAGE;
                }
                bytes
            };
            evidence.utf8_lead |= before.lead & here.continuation;
            evidence.gbk_byte |= before.gb2312 & here.trail | before.trail & here.gb2312;
            before = here;
        }
        evidence
    }

    fn is_empty(&self) -> bool {
        self.utf8_lead == 0 && self.gbk_byte == 0
    }
}

/// The kinds of byte a character is written as, one bit per code page.
#[derive(Clone, Copy, Default)]
struct PageBytes {
    /// A UTF-8 lead byte, 0xC2–0xF4.
    lead: u16,
    /// A UTF-8 continuation byte, 0x80–0xBF.
    continuation: u16,
    /// A byte of GB2312's range, 0xA1–0xFE.
    gb2312: u16,
    /// A byte that can end a GBK pair, 0x40 or above.
    trail: u16,
}

/// The kinds of byte each page writes `c` as, from a table built once over
/// every page.
fn page_bytes_of(c: char) -> PageBytes {
    static TABLE: OnceLock<Vec<(char, PageBytes)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: Vec<(char, PageBytes)> = Vec::new();
        for (index, page) in code_pages().iter().enumerate() {
            let bit = |yes: bool| u16::from(yes) << index;
            for &(c, byte) in &page.bytes_of {
                let bytes = PageBytes {
                    lead: bit((0xC2..=0xF4).contains(&byte)),
                    continuation: bit((0x80..=0xBF).contains(&byte)),
                    gb2312: bit((0xA1..=0xFE).contains(&byte)),
                    trail: bit(byte >= 0x40),
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
                true
            }
        });
        table
    });
    table
        .binary_search_by_key(&c, |&(d, _)| d)
        .map_or(PageBytes::default(), |i| table[i].1)
}

/// What a single-byte code page writes for each byte 0x80–0xFF.
struct CodePage {
    /// `(character, byte)` sorted by character.
    bytes_of: Vec<(char, u8)>,
    /// The code pages mojibake comes from most often (windows-1252 and
    /// Latin-1): a complete reading of these needs less evidence.
    primary: bool,
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
        // punctuation; garbled text often has both.
        for byte in 0x80..=0x9Fu8 {
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
    fn borrows(&self, c: char) -> bool {
        ('\u{80}'..='\u{9F}').contains(&c) && self.native_c1 & (1 << (c as u32 - 0x80)) == 0
    }

    /// How many times three characters in a row are written as a UTF-8
    /// lead byte of a three-byte sequence and two continuation bytes that
    /// are symbols or rare letters.
    fn three_byte_shapes(&self, line: &str) -> i32 {
        let odd = |c: char| char_cost(c) > 0 || !crate::script::is_alphabetic(c);
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
    /// for `Íslenska`).
    fn cut_sequences(&self, line: &str) -> i32 {
        let lead = |c: char| self.byte(c).is_some_and(|b| (0xC2..=0xDF).contains(&b));
        let mut count = 0;
        let mut prev = None;
        for c in line.chars() {
            count += i32::from(c == '\u{FFFD}' && prev.is_some_and(lead));
            prev = Some(c);
        }
        count
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

fn code_pages() -> &'static [CodePage] {
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
            CodePage::from_upper_half(&cp437::UPPER_HALF),
        ]
    })
}

/// The encoding the bytes are read back with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Utf8,
    Gbk,
}

/// A reading of a line.
struct Reading {
    text: String,
    /// Every byte written back was read as part of a character.
    complete: bool,
}

/// Writes each run of `line` that `page` can write back to bytes and reads
/// the bytes as `target`; `None` when no run reads differently, or when a
/// partial reading leaves a byte that starts a UTF-8 sequence unread.
fn read_as(line: &str, page: &CodePage, target: Target) -> Option<Reading> {
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
                Target::Gbk => read_gbk(run),
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

/// How many bytes at the end of `bytes` (at most 3) start a UTF-8
/// sequence that they do not finish.
fn unfinished_sequence(bytes: impl DoubleEndedIterator<Item = u8>) -> usize {
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
struct RunReading {
    text: String,
    complete: bool,
    /// A byte that starts a UTF-8 sequence was left unread.
    stray_lead: bool,
}

/// Reads the run's bytes as UTF-8, word by word when the run does not read
/// whole: a line pasted together from text that was garbled and text that
/// was not (`the cafÃ© and the café`) has words that start a UTF-8
/// sequence they do not finish (`café`). Such a word is kept as written
/// when it is plausible as written, and the other words are read; a word
/// that is neither is a stray lead byte, and the reading is refused.
fn read_utf8(run: &[(char, u8)]) -> RunReading {
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

/// Reads the run's bytes as GBK, all or nothing: the reading must be valid,
/// have no letters but ideographs and kana (signs and punctuation may
/// stand between them), and three
/// in four of its letters kana or frequent ideographs, else the run is
/// kept.
fn read_gbk(run: &[(char, u8)]) -> RunReading {
    let original = || run.iter().map(|&(c, _)| c).collect::<String>();
    let bytes: Vec<u8> = run.iter().map(|&(_, b)| b).collect();
    let mut decoder = GBK.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 2);
    let (result, _) = decoder.decode_to_string_without_replacement(&bytes, &mut out, true);
    // GB2312 also writes Greek, Cyrillic and pinyin letters and box
    // drawing, which a wrong reading is full of; its arrows and other
    // signs are fine.
    let box_drawing = |c: char| ('\u{2500}'..='\u{257F}').contains(&c);
    let cjk = |c: char| {
        c.is_ascii()
            || matches!(
                classify(c),
                CharClass::Han | CharClass::Kana | CharClass::WidePunct
            )
            || !c.is_alphabetic() && !c.is_control() && !box_drawing(c)
    };
    // Real Chinese and Japanese are made mostly of kana and of the most
    // frequent ideographs.
    let han: Vec<i32> = out
        .chars()
        .filter_map(|c| match classify(c) {
            CharClass::Han => Some(han_cost(c)),
            CharClass::Kana => Some(0),
            _ => None,
        })
        .collect();
    let common = han.iter().filter(|&&cost| cost == 0).count();
    if result != DecoderResult::InputEmpty
        || !out.chars().all(cjk)
        || han.len() < 2
        || common * 4 < han.len() * 3
    {
        return RunReading {
            text: original(),
            complete: false,
            stray_lead: false,
        };
    }
    RunReading {
        text: out,
        complete: true,
        stray_lead: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        repair_mojibake(s).map_or_else(|| s.to_string(), |(t, _)| t)
    }

    #[test]
    fn utf8_read_as_windows_1252() {
        assert_eq!(fix("cafÃ© au lait"), "café au lait");
        assert_eq!(fix("â€œquotedâ€\u{9d}"), "“quoted”");
        assert_eq!(fix("\u{84}Handwerk\u{93} und \u{85}"), "„Handwerk“ und …");
        assert_eq!(
            fix("æ–¹æ³•æ˜Žç¡®ï¼Œè·¯å¾„æ¸…æ™°ã€‚"),
            "方法明确，路径清晰。"
        );
    }

    #[test]
    fn gbk_read_as_latin1() {
        assert_eq!(fix("Ö÷Ìâ½ÌÓý"), "主题教育");
        assert_eq!(fix("ÎªÑ§Ö®Êµ£¬¹ÌÔÚ¼ùÂÄ¡£"), "为学之实，固在践履。");
    }

    #[test]
    fn utf8_read_as_gbk() {
        assert_eq!(fix("鑰冭瘯"), "考试");
        assert_eq!(fix("瀛︿範鏁欒偛宸ヤ綔鏂规硶鏄庣‘"), "学习教育工作方法明确");
        assert_eq!(fix("考试"), "考试");
    }

    #[test]
    fn garbled_twice() {
        assert_eq!(
            fix("Iggy Pop (nÃƒÂ© Jim Osterberg)"),
            "Iggy Pop (né Jim Osterberg)"
        );
    }

    #[test]
    fn garbled_twice_through_two_code_pages() {
        assert_eq!(fix("a Г‚ВЈ5.8bn issue"), "a £5.8bn issue");
    }

    #[test]
    fn other_code_pages() {
        assert_eq!(fix("─îe┼ítina"), "Čeština");
        assert_eq!(fix("Å iaip ÄÆdomu. VisÅ³ pirma"), "Šiaip įdomu. Visų pirma");
        assert_eq!(fix("wei√ü"), "weiß");
        assert_eq!(fix("Blog Tip 2 вЂ“ Broadcast"), "Blog Tip 2 – Broadcast");
        assert_eq!(fix("Ξ‘ΞΈΞ®Ξ½Ξ±"), "Αθήνα");
    }

    #[test]
    fn surrogates_written_one_by_one() {
        assert_eq!(fix("emojis! í\u{a0}½í¸\u{80}"), "emojis! 😀");
    }

    #[test]
    fn right_text_is_kept() {
        for s in [
            "São Paulo, Ação, © 2024",
            "Bremer/Mccoy – DrÃ¥ber",
            "NÃO",
            "主题教育在基层。",
            "!YO SÉ¡",
            "10 km/h × 2 ÷ 3",
            "SELKÄ\u{A0}EDELLÄ\u{A0}MAAHAN",
        ] {
            assert_eq!(repair_mojibake(s), None, "{s}");
        }
    }

    #[test]
    fn short_mojibake_in_capitals() {
        assert_eq!(fix("DOS AÃ‘OS"), "DOS AÑOS");
        assert_eq!(fix("ZURÃœCK"), "ZURÜCK");
        assert_eq!(fix("IL2RÎ³cKO"), "IL2RγcKO");
    }

    #[test]
    fn only_the_garbled_words_of_a_line_are_read() {
        assert_eq!(
            fix("The cafÃ© is open, the café is closed"),
            "The café is open, the café is closed"
        );
    }

    #[test]
    fn a_reading_bringing_in_a_script_needs_more_than_byte_shapes() {
        for s in ["Brontë…”", "Jane Eyre by Charlotte Brontë…”"] {
            assert_eq!(repair_mojibake(s), None, "{s}");
        }
        assert_eq!(fix("×‘×”×•×“×¢×”"), "בהודעה");
    }

    #[test]
    fn utf8_that_lost_bytes_is_not_read_as_gbk() {
        let thai = "ภาษาไทยเป็นภาษาราชการ";
        let garbled: String = thai
            .bytes()
            .filter_map(|b| {
                WINDOWS_1252
                    .decode_without_bom_handling(&[b])
                    .0
                    .chars()
                    .next()
            })
            .filter(|c| !('\u{80}'..='\u{9F}').contains(c))
            .collect();
        assert!(
            repair_mojibake(&garbled)
                .is_none_or(|(text, _)| !text.chars().any(|c| classify(c) == CharClass::Han))
        );
    }

    #[test]
    fn a_lone_letter_after_a_lost_no_break_space_is_part_of_the_word() {
        assert_eq!(fix("atenÃ§Ã£o Ã s crianÃ§as"), "atenção às crianças");
        assert_eq!(fix("Ã l'Ã©cole"), "à l'école");
    }

    #[test]
    fn a_sequence_cut_by_a_replacement_character() {
        assert_eq!(fix("Ã\u{FFFD}slenska"), "\u{FFFD}slenska");
    }

    #[test]
    fn utf8_readings_are_preferred_to_gbk_readings() {
        assert_eq!(fix("50Â°C Â± 2"), "50°C ± 2");
    }

    #[test]
    fn short_gbk_headings() {
        assert_eq!(fix("°²×°"), "安装");
        assert_eq!(repair_mojibake("Rèpublica tch·èca"), None);
    }

    #[test]
    fn traditional_chinese_and_japanese_read_through_gbk() {
        for text in ["鍵の失効または選択した副鍵の失効", "這個說明們已經讀過了。"]
        {
            let (bytes, _, _) = GBK.encode(text);
            let garbled: String = bytes.iter().map(|&b| char::from(b)).collect();
            assert_eq!(fix(&garbled), text);
        }
    }

    #[test]
    fn ranges_cover_the_changed_run() {
        let (_, fixes) = repair_mojibake("ok\nthe cafÃ© is\n").unwrap();
        assert_eq!(fixes.len(), 1);
        assert_eq!(fixes[0].range, 10..14);
        assert_eq!(fixes[0].replacement, "é");
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
            assert!(!may_hold_mojibake(&line));
            assert_eq!(repair_line(&line), None, "{line:?}");
        }
        // Characters a reading may start from, where the line shows no
        // evidence of a code page.
        for line in ["“鄂尔多斯”，综述", "主题‘结合’上", "第１章 Ⅻ 鄂"] {
            assert!(!may_hold_mojibake(line), "{line}");
            assert_eq!(repair_line(line), None);
        }
        for line in ["cafÃ©", "鑰冭瘯", "\u{93}quoted\u{94}", "ï¬\u{AD}"] {
            assert!(may_hold_mojibake(line), "{line}");
        }
    }
}
