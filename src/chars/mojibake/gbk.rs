//! UTF-8 read as GBK (`鑰冭瘯` for `考试`): told by the shape of the GBK bytes,
//! and read back run by run.

use super::plausibility::{gb2312_cost, gbk_bytes};
use encoding_rs::GBK;

/// Could the text be UTF-8 read as GBK? It holds two or more ideographs
/// outside GB2312 (UTF-8 read as GBK is full of them) and its GBK bytes have
/// the shape of UTF-8; text really written in Chinese fails within a few
/// characters.
pub(super) fn may_be_utf8_read_as_gbk(text: &str) -> bool {
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
pub(super) fn utf8_shaped_through_gbk(line: &str) -> bool {
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
pub(super) fn utf8_read_as_gbk(line: &str) -> Option<String> {
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
