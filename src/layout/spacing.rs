//! OCR letter-spacing: CJK text with a space after every character, as OCR
//! engines and justified PDF lines produce.
//!
//! ```text
//! 鄂 尔 多 斯 市 委 召 开 会 议      →  鄂尔多斯市委召开会议
//! 「 X サ ー バ 接 続 」            →  「Xサーバ接続」
//! ```
//!
//! A run is closed up only when it has at least three single-character
//! tokens of which at least three are ideographs or kana (a justified
//! line spread with Latin words in it: `里 面 的 "Enabling SASL"`): a deliberate
//! space between two phrases (`率先垂范 先学先改`), a writer's spacing around
//! digits (`9 月 23 日`) and Korean word spacing are left alone. On a line
//! that holds such a run and whose every ideograph or kana stands alone
//! (spread letter by letter around Latin words), a pair closes up too:
//!
//! ```text
//! 对 于 Wayland 之 上 的 xwayland    →  对于 Wayland 之上的 xwayland
//! ```
//!
//! `O(n)` in the line: one pass finds the runs, a second writes them.

use crate::text::script::{CharClass, classify};

/// What separates the tokens: a space, or a tab (which the output writes
/// as a space, so a second repair would find the run).
const SPACES: [u8; 2] = [b' ', b'\t'];
/// The fewest single-character tokens that make a letter-spaced run.
const MIN_RUN: usize = 3;
/// The fewest ideographs or kana in such a run.
const MIN_CJK_IN_RUN: usize = 3;
/// The fewest single ideographs or kana that close up on a line spread
/// letter by letter: two.
const MIN_PAIR: usize = 2;

/// Closes up letter-spaced CJK runs in one line, or returns `None` when
/// there is none.
///
/// ```
/// use textmend::layout::spacing::close_letter_spacing;
/// assert_eq!(close_letter_spacing("鄂 尔 多 斯 市").as_deref(), Some("鄂尔多斯市"));
/// assert_eq!(close_letter_spacing("率先垂范 先学先改"), None);
/// assert_eq!(close_letter_spacing("9 月 23 日"), None);
/// assert_eq!(
///     close_letter_spacing("里 面 的 \"Enabling SASL\"").as_deref(),
///     Some("里面的 \"Enabling SASL\"")
/// );
/// ```
pub fn close_letter_spacing(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    // A run to close has tokens that start with an ideograph or kana: a
    // character outside ASCII at the start or after a space (a byte search
    // finds the spaces). A line without spaces is one token, too few.
    const _: () = assert!(MIN_CJK_IN_RUN > 1);
    let bytes = text.as_bytes();
    let cjk_starts = usize::from(bytes.first().is_some_and(|&b| b >= 0x80))
        + memchr::memchr2_iter(b' ', b'\t', bytes)
            .filter(|&i| bytes.get(i + 1).is_some_and(|&b| b >= 0x80))
            .count();
    if cjk_starts < MIN_CJK_IN_RUN {
        return None;
    }
    let mut closes_any = false;
    for_each_group(text, MIN_RUN, |_, closes| closes_any |= closes);
    if !closes_any {
        return None;
    }
    // Asked only of a line with a run to close: most lines have none.
    let mut cjk_words = false;
    for_each_group(text, MIN_RUN, |group, closes| {
        // A token of several characters (a run of single ones holds a
        // space, a lone single is one).
        let word = !closes && !group.contains(SPACES.map(char::from)) && !is_single(group);
        cjk_words |= word && starts_with_ideograph_or_kana(group);
    });
    // A line spread letter by letter, whose every ideograph or kana
    // stands alone, closes up its pairs too (`的 Enabling 命 令`).
    let min_run = if cjk_words { MIN_RUN } else { MIN_PAIR };
    let mut out = String::with_capacity(text.len());
    for_each_group(text, min_run, |group, closes| {
        for (k, token) in tokens(group).filter(|t| !t.is_empty()).enumerate() {
            if !out.is_empty() && (k == 0 || !closes) {
                out.push(' ');
            }
            out.push_str(token);
        }
    });
    Some(out)
}

/// Calls `emit` with each maximal run of single-character tokens, and
/// whether it is a letter-spaced run to close up, and with each other
/// token, in order. One pass: a run too short or with too few ideographs
/// has no part that qualifies either.
fn for_each_group<'a>(text: &'a str, min_run: usize, mut emit: impl FnMut(&'a str, bool)) {
    let mut run_start = None;
    let mut run_end = 0;
    let mut singles = 0;
    let mut cjk = 0;
    let mut pos = 0;
    for token in tokens(text) {
        let start = pos;
        pos += token.len() + 1;
        if token.is_empty() {
            continue;
        }
        if is_single(token) {
            if run_start.is_none() {
                run_start = Some(start);
                singles = 0;
                cjk = 0;
            }
            run_end = start + token.len();
            singles += 1;
            cjk += usize::from(starts_with_ideograph_or_kana(token));
            continue;
        }
        if let Some(start) = run_start.take() {
            emit(
                &text[start..run_end],
                singles >= min_run && cjk >= min_run.min(MIN_CJK_IN_RUN),
            );
        }
        emit(token, false);
    }
    if let Some(start) = run_start {
        emit(
            &text[start..run_end],
            singles >= min_run && cjk >= min_run.min(MIN_CJK_IN_RUN),
        );
    }
}

/// `text` cut at every space and tab ([`SPACES`]), empty tokens kept, as
/// `str::split` cuts it. Both are ASCII bytes, never part of another
/// character, so they are found by a vectorised byte search and no
/// character is decoded.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let [space, tab] = SPACES;
    let mut start = 0;
    memchr::memchr2_iter(space, tab, text.as_bytes())
        .map(Some)
        .chain([None])
        .map(move |cut| {
            let end = cut.unwrap_or(text.len());
            let token = &text[start..end];
            start = end + 1;
            token
        })
}

/// One character, or one CJK character with punctuation attached (`す。`,
/// `项，`, `「X`).
fn is_single(token: &str) -> bool {
    let mut core = token
        .chars()
        .filter(|&c| classify(c) != CharClass::WidePunct);
    if let (Some(c), None) = (core.next(), core.next()) {
        if crate::text::script::is_cjk(c) {
            return true;
        }
    }
    let mut chars = token.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => {
            matches!(
                classify(c),
                CharClass::Han
                    | CharClass::Kana
                    | CharClass::WidePunct
                    | CharClass::Letter
                    | CharClass::Digit
            ) || crate::text::script::is_opening(c)
                || crate::text::script::is_closing(c)
        }
        _ => false,
    }
}

fn starts_with_ideograph_or_kana(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| matches!(classify(c), CharClass::Han | CharClass::Kana))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_what_split_gives() {
        for text in [
            "",
            " ",
            "\t",
            "a",
            "鄂 尔\t多  斯 ",
            " 里 面 的 \"Enabling SASL\"",
            "\t\tx",
        ] {
            let split: Vec<&str> = text.split([' ', '\t']).collect();
            assert_eq!(tokens(text).collect::<Vec<_>>(), split, "{text:?}");
        }
    }

    #[test]
    fn ocr_spaced_runs_close_up() {
        assert_eq!(
            close_letter_spacing("鄂 尔 多 斯 市 委").as_deref(),
            Some("鄂尔多斯市委")
        );
        assert_eq!(
            close_letter_spacing("鄂\t尔\t多\t斯 市").as_deref(),
            Some("鄂尔多斯市")
        );
        assert_eq!(
            close_letter_spacing("「 X サ ー バ 接 続 」").as_deref(),
            Some("「Xサーバ接続」")
        );
    }

    #[test]
    fn spaced_run_inside_normal_text() {
        assert_eq!(
            close_letter_spacing("标题 鄂 尔 多 斯 市 之后").as_deref(),
            Some("标题 鄂尔多斯市 之后")
        );
    }

    #[test]
    fn punctuation_attached_to_a_spaced_character() {
        assert_eq!(
            close_letter_spacing("使 わ れ ま す。 そ の 逆 に、").as_deref(),
            Some("使われます。その逆に、")
        );
    }

    #[test]
    fn a_pair_closes_up_on_a_line_spread_letter_by_letter() {
        assert_eq!(
            close_letter_spacing("对 于 Wayland 之 上 的 xwayland").as_deref(),
            Some("对于 Wayland 之上的 xwayland")
        );
        // Not where the line writes a word of ideographs whole.
        assert_eq!(
            close_letter_spacing("对 于 Wayland 之上的 X 窗 口 系 统").as_deref(),
            Some("对 于 Wayland 之上的 X窗口系统")
        );
    }

    #[test]
    fn deliberate_spaces_stay() {
        for s in [
            "率先垂范 先学先改",
            "9 月 23 日",
            "한 번 더 해 봐",
            "a b c d e",
            "第 1 章",
        ] {
            assert_eq!(close_letter_spacing(s), None, "{s}");
        }
    }
}
