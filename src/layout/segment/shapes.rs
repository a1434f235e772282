//! What one visible line looks like: a numbered heading or a section
//! number, full, overfull or short for its column, ending mid-clause; and
//! the kind of block it starts.

use super::visible::Visible;
use crate::text::block::BlockKind;
use crate::text::script::{CharClass, classify, ends_sentence};
use regex::Regex;
use std::sync::LazyLock;

/// A line at most this share of the column is short enough to be a heading.
const HEADING_SHARE: f64 = 0.7;
static NUMBERED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            第[一二三四五六七八九十百零〇\d]{1,4}[章节節篇部编編卷]
          | \d{1,2}(?:\.\d{1,2}){1,4}\.?\s+\S
          | (?:Chapter|CHAPTER|Section|Part|Appendix)\s+[\dIVXA-Z]
        )",
    )
    .expect("numbered heading pattern is valid")
});

/// The words a numbered heading in words starts with ([`NUMBERED_HEADING`]).
const HEADING_WORDS: [&str; 5] = ["Chapter", "CHAPTER", "Section", "Part", "Appendix"];

/// The labels a caption starts with ([`CAPTION`]).
const CAPTION_LABELS: [&str; 10] = [
    "Table", "Figure", "Fig.", "Listing", "Example", "表", "图", "圖", "표", "그림",
];

/// A table's, figure's or listing's caption: its label and number
/// (`Table 6.8.`, `Figure 3:`, `表 2.6.`, `表11.4`, `그림 2`).
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Table|Figure|Fig\.|Listing|Example|表|图|圖|표|그림)\s?\d{1,3}(?:[.-]\d{1,3}){0,3}[.:：]?\s")
        .expect("caption pattern is valid")
});

static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}(?:\.\d{1,3}){1,4}|[A-Z](?:\.\d{1,3}){1,4})\.?$")
        .expect("section number pattern is valid")
});

/// True when `text` is only a section number (`1.4.5`, `A.2`), which DBLaTeX
/// and other typesetters set on a line of its own before the title.
///
/// ```
/// use textmend::layout::segment::is_section_number;
/// assert!(is_section_number("1.4.5"));
/// assert!(!is_section_number("2019"));
/// assert!(!is_section_number("11.9 万人"));
/// ```
pub fn is_section_number(text: &str) -> bool {
    // Every section number starts with a digit or a capital, goes on with
    // a digit or a full stop, and holds nothing but digits, full stops and
    // a capital: most lines do not, and are told so before the pattern is
    // compiled or run (every character the pattern's `\d` matches is a
    // digit to `classify`).
    let digit = |c: char| classify(c) == CharClass::Digit;
    let mut chars = text.chars();
    let plausible = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) => {
            (digit(first) || first.is_ascii_uppercase()) && (digit(second) || second == '.')
        }
        _ => false,
    };
    plausible
        && text
            .chars()
            .all(|c| digit(c) || c == '.' || c.is_ascii_uppercase())
        && SECTION_NUMBER.is_match(text)
}

/// True when `text` starts with a caption's label and number: the title
/// of a table, figure or listing, which names what follows and never runs
/// on into the text after it.
///
/// ```
/// use textmend::layout::segment::is_caption;
/// assert!(is_caption("Table 6.8. List of SSH configuration files"));
/// assert!(is_caption("表11.4 タブ変換コマンドのリスト"));
/// assert!(!is_caption("Table salt is mostly sodium chloride."));
/// assert!(!is_caption("Figures 3 and 4 show the same data."));
/// ```
pub fn is_caption(text: &str) -> bool {
    // Most lines start with no label: they are refused before the pattern
    // is compiled or run.
    CAPTION_LABELS.iter().any(|label| text.starts_with(label)) && CAPTION.is_match(text)
}

/// True when `text` starts with a caption whose number a full stop or a
/// colon closes (`Table 6.8. List of…`, `Figure 3: …`): the form a
/// caption takes and a sentence that names a table does not (`Table 4.2
/// lists the files`).
pub(super) fn is_caption_with_stop(text: &str) -> bool {
    is_caption(text) && {
        let number_end = text
            .find(|c: char| c.is_ascii_digit())
            .map(|start| {
                start
                    + text[start..]
                        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                        .unwrap_or(text.len() - start)
            })
            .unwrap_or(0);
        let number = &text[..number_end];
        number.ends_with('.') || text[number_end..].starts_with([':', '：'])
    }
}

/// True when `text` is a numbered heading (`第一章 总则`, `1.2 Scope`).
pub fn is_numbered_heading(text: &str) -> bool {
    may_be_numbered_heading(text)
        && text.chars().count() <= 40
        && !ends_sentence(text)
        && NUMBERED_HEADING.is_match(text)
}

/// A cheap test that refuses most lines before [`NUMBERED_HEADING`] is
/// compiled or run: each of its shapes shows in a line's first
/// characters. After `第` comes its chapter word (`章`, `节`, …) within
/// five characters, after a leading ASCII digit a full stop within two,
/// and a heading in words starts with its word.
fn may_be_numbered_heading(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('第') => chars
            .take(5)
            .any(|c| matches!(c, '章' | '节' | '節' | '篇' | '部' | '编' | '編' | '卷')),
        Some(c) if c.is_ascii_digit() => chars.take(2).any(|c| c == '.'),
        Some('C' | 'S' | 'P' | 'A') => HEADING_WORDS.iter().any(|word| text.starts_with(word)),
        _ => false,
    }
}

/// Sets each line's [`Visible::numbered_heading`]: whether its text
/// [`is_numbered_heading`], asked once for the several rules that read it.
pub(super) fn mark_numbered_headings(visible: &mut [Visible<'_>]) {
    for v in visible {
        v.numbered_heading = is_numbered_heading(&v.line.text);
    }
}

/// The kind of block a line starts. A section number on a line of its own
/// (`9.5.2`) starts a heading: its title joins it, and the heading ends
/// there, whatever the width of the title's line.
pub(super) fn initial_kind(v: &Visible<'_>) -> BlockKind {
    if v.line.preformatted {
        BlockKind::Preformatted
    } else if v.line.fake_bold || v.numbered_heading || is_section_number(&v.line.text) {
        BlockKind::Heading
    } else if v.list_item {
        BlockKind::ListItem
    } else {
        BlockKind::Paragraph
    }
}

/// Does the line reach the column's width (allowing for a first-line
/// indent and ragged punctuation)?
pub(super) fn is_full(v: &Visible<'_>) -> bool {
    super::visible::reaches(v.line.extent(), v.column)
}

/// Is the line far wider than its column, a whole paragraph or item that
/// the extractor wrote on one line?
pub(super) fn is_overfull(v: &Visible<'_>) -> bool {
    v.line.extent() as f64 > v.column as f64 * 1.25 + 4.0
}

pub(super) fn is_short(v: &Visible<'_>) -> bool {
    (v.line.extent() as f64) <= v.column as f64 * HEADING_SHARE
}

/// Does the line end where no sentence, heading or paragraph can: after
/// a comma, an enumeration comma, a word broken by a hyphen, a dash or a
/// slash?
pub(super) fn ends_mid_clause(text: &str) -> bool {
    let mut rev = text.chars().rev();
    match (rev.next(), rev.next()) {
        (Some(',' | '，' | '、' | '—' | '–' | '/'), _) => true,
        (Some('-'), Some(c)) => crate::text::script::is_alphabetic(c),
        _ => false,
    }
}

/// Punctuation that attaches to the text before it, so a line that starts
/// with it continues the previous line (`，同样称为…`, `) and more`).
pub(super) fn starts_with_continuation(text: &str) -> bool {
    text.starts_with([
        '，', '。', '、', '；', '：', '！', '？', '）', '」', '』', '】', '》', '〉', ',', ';',
        ')', ']', '}',
    ])
}

pub(super) fn is_heading_line(v: &Visible<'_>) -> bool {
    v.line.fake_bold || v.numbered_heading
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_closes_its_number_and_a_sentence_naming_a_table_does_not() {
        assert!(is_caption_with_stop(
            "Table 6.8. List of SSH configuration files"
        ));
        assert!(is_caption_with_stop("Figure 3: The layout of a page"));
        assert!(is_caption_with_stop("表 2.6. 使用 apt(8) 的命令"));
        assert!(!is_caption_with_stop("Table 4.2 lists the files"));
        assert!(!is_caption_with_stop("表11.4 タブ変換コマンドのリスト"));
    }

    #[test]
    fn every_digit_of_the_section_number_pattern_is_a_digit_to_classify() {
        let digit = Regex::new(r"^\d$").expect("digit pattern is valid");
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if digit.is_match(c.encode_utf8(&mut [0; 4])) {
                assert_eq!(classify(c), CharClass::Digit, "{c:?}");
            }
        }
    }

    #[test]
    fn the_cheap_test_refuses_no_section_number() {
        for text in ["1.4.5", "A.2", "12.3.", "١.٢", "１.２", "9.10.11.12.13"] {
            assert_eq!(
                is_section_number(text),
                SECTION_NUMBER.is_match(text),
                "{text}"
            );
        }
        assert!(is_section_number("1.4.5") && is_section_number("A.2"));
    }

    #[test]
    fn the_cheap_tests_refuse_no_heading_or_caption() {
        for text in [
            "第一章 总则",
            "第12节 范围",
            "第 一章",
            "1.2 Scope",
            "12.3.4 范围",
            "1. 2",
            "Chapter 3",
            "CHAPTER IV",
            "Section 2",
            "Part A",
            "Appendix B",
            "Parts of speech",
            "第一批单位组织领导机构",
            "12”专项整改",
            "2019 was a year",
        ] {
            assert_eq!(
                is_numbered_heading(text),
                text.chars().count() <= 40
                    && !ends_sentence(text)
                    && text.starts_with(|c: char| {
                        c.is_ascii_digit() || matches!(c, '第' | 'C' | 'S' | 'P' | 'A')
                    })
                    && NUMBERED_HEADING.is_match(text),
                "{text}"
            );
        }
        for text in [
            "Table 6.8. List of files",
            "Fig. 3: A figure",
            "表11.4 タブ",
            "그림 2 개요",
            "Tables 3 and 4",
            "A table 3 ",
        ] {
            assert_eq!(is_caption(text), CAPTION.is_match(text), "{text}");
        }
    }
}
