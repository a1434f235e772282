//! Opt-in style policies: punctuation width, character width and the
//! spacing between CJK and Latin text. These are a writer's choices, not
//! artifacts, so every policy is off by default and changes text only
//! when the user asks for it.
//!
//! | policy | before | after |
//! |---|---|---|
//! | `--cjk-punct full` | `态,当` · `差分(遠隔)` | `态，当` · `差分（遠隔）` |
//! | `--fold-width` | `ＡＢＣ１２３` | `ABC123` |
//! | `--cjk-spacing remove` | `使用 apt 命令` | `使用apt命令` |
//! | `--cjk-spacing add` | `使用apt命令` | `使用 apt 命令` |
//!
//! `--cjk-punct full` never touches a mark that is not between CJK text:
//! `11.9`, `a.b`, a URL, code or a Latin sentence stay as they are.
//! `O(n)` in the block's length.

use crate::text::script::{CharClass, classify};
use serde::{Deserialize, Serialize};

/// What to do with ASCII punctuation between CJK characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CjkPunct {
    /// Leave it as written (the default).
    #[default]
    Keep,
    /// Make `, . : ; ! ? ( )` between CJK characters full-width.
    Full,
}

/// What to do with spaces between CJK and Latin letters or digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CjkSpacing {
    /// Leave them as written (the default).
    #[default]
    Keep,
    /// Remove them: `使用 apt 命令` → `使用apt命令`.
    Remove,
    /// Add one where there is none: `使用apt命令` → `使用 apt 命令`.
    Add,
}

fn is_cjk_char(c: char) -> bool {
    matches!(classify(c), CharClass::Han | CharClass::Kana)
}

fn is_latin_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Makes ASCII punctuation between CJK characters full-width.
///
/// ```
/// use textmend::chars::policy::full_width_punct;
/// assert_eq!(full_width_punct("态,当"), "态，当");
/// assert_eq!(full_width_punct("差分(遠隔)です"), "差分（遠隔）です");
/// assert_eq!(full_width_punct("党员 11.9 万人"), "党员 11.9 万人");
/// assert_eq!(full_width_punct("see a.b, then"), "see a.b, then");
/// ```
pub fn full_width_punct(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = chars.clone();
    for i in 0..chars.len() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let after_cjk = prev.is_some_and(is_cjk_char);
        let before_cjk_or_end = next.is_none_or(|n| is_cjk_char(n) || n == ' ');
        let wide = match chars[i] {
            ',' => '，',
            '.' => '。',
            ':' => '：',
            ';' => '；',
            '!' => '！',
            '?' => '？',
            _ => continue,
        };
        if after_cjk && before_cjk_or_end && next.is_none_or(|n| !is_latin_or_digit(n)) {
            out[i] = wide;
        }
    }
    // Brackets: a pair whose content holds CJK and that follows CJK text.
    let mut open: Option<usize> = None;
    for i in 0..chars.len() {
        match chars[i] {
            '(' => open = Some(i),
            ')' => {
                if let Some(o) = open.take() {
                    let inner = &chars[o + 1..i];
                    let outside = o.checked_sub(1).map(|j| chars[j]);
                    if inner.iter().any(|&c| is_cjk_char(c)) && outside.is_none_or(is_cjk_char) {
                        out[o] = '（';
                        out[i] = '）';
                    }
                }
            }
            _ => {}
        }
    }
    out.into_iter().collect()
}

/// Folds full-width Latin letters and digits to ASCII (`ＡＢＣ１２３` → `ABC123`).
///
/// ```
/// assert_eq!(textmend::chars::policy::fold_width("第１章 ＡＢＣ"), "第1章 ABC");
/// ```
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// Applies a CJK–Latin spacing policy.
///
/// ```
/// use textmend::chars::policy::{cjk_spacing, CjkSpacing};
/// assert_eq!(cjk_spacing("使用 apt 命令", CjkSpacing::Remove), "使用apt命令");
/// assert_eq!(cjk_spacing("使用apt命令，共95家", CjkSpacing::Add), "使用 apt 命令，共 95 家");
/// ```
pub fn cjk_spacing(text: &str, policy: CjkSpacing) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let mixed = |a: char, b: char| {
            is_cjk_char(a) && is_latin_or_digit(b) || is_latin_or_digit(a) && is_cjk_char(b)
        };
        match policy {
            CjkSpacing::Keep => out.push(c),
            CjkSpacing::Remove => {
                let between = c == ' ' && prev.zip(next).is_some_and(|(a, b)| mixed(a, b));
                if !between {
                    out.push(c);
                }
            }
            CjkSpacing::Add => {
                if prev.is_some_and(|p| mixed(p, c)) {
                    out.push(' ');
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_between_cjk_only() {
        assert_eq!(full_width_punct("完成了.下一步"), "完成了。下一步");
        assert_eq!(full_width_punct("版本 1.2.3 发布"), "版本 1.2.3 发布");
        assert_eq!(full_width_punct("见 http://a.b/c,d"), "见 http://a.b/c,d");
        assert_eq!(full_width_punct("Hello, world."), "Hello, world.");
        assert_eq!(full_width_punct("f(x) 的值"), "f(x) 的值");
    }

    #[test]
    fn width_folding_leaves_cjk_alone() {
        assert_eq!(fold_width("鄂尔多斯，ｏｋ！"), "鄂尔多斯，ok！");
    }

    #[test]
    fn spacing_policies_touch_only_cjk_latin_boundaries() {
        assert_eq!(cjk_spacing("9 月 23 日", CjkSpacing::Remove), "9月23日");
        assert_eq!(cjk_spacing("a b 中文", CjkSpacing::Remove), "a b中文");
        assert_eq!(cjk_spacing("已经 ok", CjkSpacing::Add), "已经 ok");
        assert_eq!(cjk_spacing("9 月", CjkSpacing::Keep), "9 月");
    }
}
