//! OCR letter-spacing: CJK text with a space after every character, as OCR
//! engines and justified PDF lines produce.
//!
//! ```text
//! 鄂 尔 多 斯 市 委 召 开 会 议      →  鄂尔多斯市委召开会议
//! 「 X サ ー バ 接 続 」            →  「Xサーバ接続」
//! ```
//!
//! A run is closed up only when it has at least four single-character
//! tokens of which at least three are ideographs or kana: a deliberate
//! space between two phrases (`率先垂范 先学先改`), a writer's spacing around
//! digits (`9 月 23 日`) and Korean word spacing are left alone.
//!
//! `O(n)` in the line.

use crate::script::{CharClass, classify};

/// The fewest single-character tokens that make a letter-spaced run.
const MIN_RUN: usize = 4;
/// The fewest ideographs or kana in such a run.
const MIN_CJK_IN_RUN: usize = 3;

/// Closes up letter-spaced CJK runs in one line, or returns `None` when
/// there is none.
///
/// ```
/// use textmend::spacing::close_letter_spacing;
/// assert_eq!(close_letter_spacing("鄂 尔 多 斯 市").as_deref(), Some("鄂尔多斯市"));
/// assert_eq!(close_letter_spacing("率先垂范 先学先改"), None);
/// assert_eq!(close_letter_spacing("9 月 23 日"), None);
/// ```
pub fn close_letter_spacing(text: &str) -> Option<String> {
    if !text.contains(' ') {
        return None;
    }
    let tokens: Vec<&str> = text.split(' ').filter(|t| !t.is_empty()).collect();
    let single = |t: &str| {
        // One character, or one CJK character with punctuation attached
        // (`す。`, `项，`, `「X`).
        let core: String = t
            .chars()
            .filter(|&c| classify(c) != CharClass::WidePunct)
            .collect();
        if core.chars().count() == 1 && core.chars().all(crate::script::is_cjk) {
            return true;
        }
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                matches!(
                    classify(c),
                    CharClass::Han
                        | CharClass::Kana
                        | CharClass::WidePunct
                        | CharClass::Letter
                        | CharClass::Digit
                ) || crate::script::is_opening(c)
                    || crate::script::is_closing(c)
            }
            _ => false,
        }
    };
    let is_cjk = |t: &str| {
        t.chars()
            .next()
            .is_some_and(|c| matches!(classify(c), CharClass::Han | CharClass::Kana))
    };
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len() && single(tokens[j]) {
            j += 1;
        }
        let cjk = tokens[i..j].iter().filter(|t| is_cjk(t)).count();
        if !out.is_empty() {
            out.push(' ');
        }
        if j - i >= MIN_RUN && cjk >= MIN_CJK_IN_RUN {
            out.extend(tokens[i..j].iter().copied());
            changed = true;
            i = j;
        } else {
            out.push_str(tokens[i]);
            i += 1;
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_spaced_runs_close_up() {
        assert_eq!(
            close_letter_spacing("鄂 尔 多 斯 市 委").as_deref(),
            Some("鄂尔多斯市委")
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
