//! The most plausible reading of one line: every code page's reading is
//! scored, taken in rounds while one clears its threshold, and accepted only
//! when it keeps the line one line and brings in no script by chance.
//!
//! The C1 controls left over are read through windows-1252, or through Mac
//! Roman when that reading of them is clearly more plausible
//! (`\u{93}próximo\u{94}` → `“próximo”`, `tur\u{92}stico` → `turístico`).

use super::code_pages::{PageEvidence, Target, code_pages, read_as};
use super::gbk::{may_be_utf8_read_as_gbk, utf8_read_as_gbk};
use super::plausibility::{cost, cost_as_simplified_chinese};
use super::runs::Legacy;
use crate::text::script::is_hangul_syllable;
use encoding_rs::{Encoding, MACINTOSH, WINDOWS_1252};
use std::borrow::Cow;
use unicode_script::{Script, UnicodeScript};

/// How much more plausible (in [`cost`] points) a reading must be than
/// the text it replaces, when it reads every byte of its run.
const CLEAR_GAIN: i32 = 3;

/// The same when the reading leaves some characters as they were, or
/// comes from an encoding less often mixed up than windows-1252.
const STRONG_GAIN: i32 = 8;

/// Readings applied one after the other at most (text garbled twice).
const MAX_ROUNDS: usize = 3;

/// The line with its mojibake read right, or `None`. Readings are taken
/// until none is left, also on the line as the normalize stage will leave
/// it (controls and invisible characters gone, space variants plain), so
/// that repairing the output again finds nothing more to read.
pub(super) fn repair_line(line: &str) -> Option<String> {
    // Most lines need no repair: nothing is copied until a reading is taken.
    let mut current = Cow::Borrowed(line);
    for _ in 0..MAX_ROUNDS {
        if let Some(read) = repair_line_as_is(&current).filter(|read| acceptable(read, &current)) {
            current = Cow::Owned(read);
            continue;
        }
        let normalized = crate::chars::normalize::normalize_line(
            &current,
            0,
            &mut crate::text::edit::EditLog::off(),
        );
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
        current = Some(c1_controls_read(text));
    }
    current
}

/// C1 controls left over are the bytes 0x80–0x9F of a single-byte code
/// page read as Latin-1: most often windows-1252 punctuation
/// (`\u{93}quoted\u{94}` → `“quoted”`, `don\u{92}t` → `don’t`), and Mac
/// Roman letters when reading them so is more plausible by
/// [`CLEAR_GAIN`] ([`cost`]): `tur\u{92}stico` → `turístico`, where
/// windows-1252 puts an apostrophe no language writes. All of a line's C1
/// controls are read through the same page; the five bytes windows-1252
/// leaves undefined stay in its reading. `O(n)`.
fn c1_controls_read(text: &str) -> String {
    let windows = c1_controls_through(text, WINDOWS_1252);
    let mac = c1_controls_through(text, MACINTOSH);
    if cost(&mac) + CLEAR_GAIN <= cost(&windows) {
        mac
    } else {
        windows
    }
}

/// `text` with each C1 control read as the byte it stands for in `page`.
fn c1_controls_through(text: &str, page: &'static Encoding) -> String {
    text.chars()
        .map(|c| match u8::try_from(c) {
            Ok(byte @ 0x80..=0x9F) => {
                let one = [byte];
                let (read, _) = page.decode_without_bom_handling(&one);
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
    // The pages below read nothing without evidence for them.
    if !evidence.offers_a_reading() && !gbk_reading_possible {
        return None;
    }
    let before = cost(line);
    let mut best_utf8: Option<(i32, String)> = None;
    let mut legacy_readings: Vec<(i32, Legacy, String)> = Vec::new();
    for (index, page) in code_pages().iter().enumerate() {
        // UTF-8 read through this page shows a lead byte (0xC2–0xF4) as one
        // of its characters; without one, only a legacy CJK encoding can
        // be read back.
        let has_utf8_lead = evidence.utf8_lead & 1 << index != 0;
        // GBK, Big5 and EUC-KR read as Latin-1 show their bytes 0xA1–0xFE
        // (all of GB2312's) as Latin-1 letters and signs; curly quotes
        // alone are not that. Shift_JIS shows its kana as `‚` or `ƒ`
        // (0x82, 0x83) before a letter or a sign.
        let has_gbk_byte = page.primary && evidence.gbk_byte & 1 << index != 0;
        let has_sjis_pair = page.primary && evidence.sjis_pair & 1 << index != 0;
        if !has_utf8_lead && !has_gbk_byte && !has_sjis_pair {
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
        // it lost bytes on the way (`à¸à¸²à¸©à¸²` from Thai); a legacy CJK
        // encoding read through it has a shape in far fewer.
        let utf8_shaped = shapes * 7 >= line.chars().filter(|c| !c.is_ascii()).count() as i32;
        // The legacy CJK encodings are read as Latin-1 or windows-1252,
        // not as other code pages.
        let legacy = Legacy::ALL.into_iter().filter(|&legacy| {
            !utf8_shaped
                && if legacy == Legacy::ShiftJis {
                    has_sjis_pair
                } else {
                    has_gbk_byte
                }
        });
        let utf8 = has_utf8_lead.then_some(Target::Utf8);
        for target in utf8.into_iter().chain(legacy.map(Target::Legacy)) {
            // A legacy CJK reading gains at most what the line costs (it
            // gets no prior), and it must beat the best UTF-8 reading by
            // `STRONG_GAIN` (below): where it cannot, it is not made.
            if matches!(target, Target::Legacy(_))
                && best_utf8
                    .as_ref()
                    .is_some_and(|(gain, _)| before < gain + STRONG_GAIN)
            {
                continue;
            }
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
                // A page less often mixed up than windows-1252 needs one
                // point more, unless the line shows a UTF-8 letter's shape
                // inside a word through it (`especificĂł`).
                (true, false, Target::Utf8) if page.two_byte_shapes_in_words(line) > 0 => {
                    CLEAR_GAIN
                }
                (true, false, Target::Utf8) => CLEAR_GAIN + 1,
                // A legacy CJK reading made only of frequent letters and
                // of what else real text has, each from two bytes of
                // GB2312's range (no ASCII letter taken as a trail byte):
                // `°²×°` → `安装`; short headings have no room for more
                // evidence.
                (true, _, Target::Legacy(_))
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
            match target {
                Target::Utf8 if best_utf8.as_ref().is_none_or(|(g, _)| gain > *g) => {
                    best_utf8 = Some((gain, text));
                }
                Target::Utf8 => {}
                Target::Legacy(legacy) => legacy_readings.push((gain, legacy, text)),
            }
        }
    }
    let best_legacy = most_plausible_legacy(legacy_readings);
    // UTF-8 read through a single-byte page is far more common than a
    // legacy CJK encoding read through one: such a reading must beat the
    // best UTF-8 reading by a wide margin (`50Â°C` is `50°C`, not `50掳C`).
    let mut best = match (best_utf8, best_legacy) {
        (Some(utf8), Some(legacy)) if legacy.0 < utf8.0 + STRONG_GAIN => Some(utf8),
        (utf8, None) => utf8,
        (_, legacy) => legacy,
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

/// The most plausible of the legacy CJK readings that cleared their
/// threshold, by gain. Korean sets its words apart with spaces and Chinese
/// does not: the bytes of Hangul syllables in EUC-KR are also those of
/// frequent ideographs in GBK and Big5, and where the Hangul reading has a
/// space between two syllables it is taken over an ideograph reading
/// (`ÆÄÀÏ ¸ñ·Ï` → `파일 목록`, not `颇老 格废`).
fn most_plausible_legacy(readings: Vec<(i32, Legacy, String)>) -> Option<(i32, String)> {
    let korean_words = readings
        .iter()
        .position(|(_, legacy, text)| *legacy == Legacy::EucKr && spaced_hangul_words(text));
    let chosen = match korean_words {
        Some(at) => at,
        None => (0..readings.len()).max_by_key(|&i| (readings[i].0, std::cmp::Reverse(i)))?,
    };
    readings
        .into_iter()
        .nth(chosen)
        .map(|(gain, _, text)| (gain, text))
}

/// Does a space stand between two Hangul words, with nothing but signs
/// beside it (`파일 목록`, `체코어 (타이포그라피)`)?
fn spaced_hangul_words(text: &str) -> bool {
    let (mut after_hangul, mut spaced) = (false, false);
    for c in text.chars() {
        if is_hangul_syllable(c) {
            if after_hangul && spaced {
                return true;
            }
            (after_hangul, spaced) = (true, false);
        } else if c == ' ' {
            spaced = true;
        } else if c.is_alphabetic() {
            after_hangul = false;
        }
    }
    false
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
