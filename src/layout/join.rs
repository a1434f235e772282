//! Script-aware joining of a block's lines, with de-hyphenation.
//!
//! ```text
//! 把学习习近              把学习习近平总书记关于…        (CJK: no space)
//! 平总书记关于…      →
//! you are pre-            you are presented with the     (hyphen removed)
//! sented with the
//! a well-                 a well-known rule              (compound kept)
//! known rule
//! 한국어 문장은           한국어 문장은 띄어 씁니다        (Hangul: a space)
//! 띄어 씁니다
//! 대부분의 색 프로        대부분의 색 프로파일은 ICC     (Hangul cut inside
//! 파일은 ICC                                             a word: none)
//! ```
//!
//! The separator depends on the characters on each side of the break:
//! none when either side is CJK or full-width punctuation, between two
//! letters of a script that writes no space between words (Thai, Lao,
//! Myanmar, Khmer: the line broke between two words), or after an
//! em dash, a slash or a URL cut in the middle; one space between words of
//! spaced scripts (Latin, Hangul), except that Hangul cut between two
//! syllables of a word (as a browser breaks Korean lines) joins with none:
//! where the part after the break is one syllable that the document writes
//! only at the ends of words (a particle: `방지` / `를`), where the joined
//! form begins a word that the document writes whole
//! inside a line and the part before the break is no word of its own
//! there, and, in a document shown to break its lines so (where a break
//! inside a word is the rule), unless the document shows a word boundary
//! there: a part after the break that is a word of its own, or a part
//! before it that is one while the part after begins words, or two
//! syllables at the break of which the first ends, or the second begins,
//! half or more of the document's words it stands in (`측정으로` /
//! `만듭니다` beside `방식으로 자동으로`). A join
//! between CJK and a Latin word gets
//! a space only when the document itself spaces CJK from Latin words
//! elsewhere (`来替代 aptitude 命令`), so the writer's style is kept; a
//! join between CJK and a number gets one when the document spaces both
//! Latin words and numbers from CJK (`参见第` / `10.2.3 节`), while spaces
//! around numbers alone, which typesetters add, do not count. A join
//! between CJK and a quote or bracket follows how the document spaces that
//! symbol from CJK inside its lines (`在 "/etc/" 目录`), and a closing
//! straight quote at a line end as its opening quote is spaced from the
//! text before it (`在 "TCP Tuning Guide"` / `和`); a Latin word
//! before a straight quote that opens a quotation is spaced from it
//! (`non` / `"Architecture: all"`). A URL or path
//! that a line ends with ends there when the next line starts with an
//! ideograph, and is spaced from it as Latin words are.
//!
//! A hyphen at a line end is removed when the joined word occurs elsewhere
//! in the document, kept when the hyphenated form does, kept for a
//! compound head (`well-`, `self-`, `non-`) or a hyphen next to a capital
//! or digit (`UTF-`/`8`), kept inside a name (a token holding a slash,
//! an underscore, a bracket or a dot: `/usr/share/openssh-` / `client/`,
//! `ssh-` / `agent(1)`), kept next to Chinese or Japanese text (`例如
//! bullseye-` / `updates`: hyphenation follows the paragraph's language,
//! and theirs has no hyphenation patterns), and otherwise removed, since
//! typesetters hyphenate inside words far more often than at a compound's
//! hyphen, and never inside a path or a command.
//!
//! `O(n)` in the block's length.

mod evidence;

pub use evidence::Evidence;
use evidence::MAX_WORD_CHARS;

use crate::text::edit::{EditLog, Rule};
use crate::text::line::Line;
use crate::text::script::{
    CharClass, classify, is_closing, is_opening, is_spaceless, writes_no_word_spaces,
};

/// Words that commonly start a hyphenated compound: when a line ends with
/// one of them and a hyphen, and the document has no other evidence, the
/// hyphen is kept.
const COMPOUND_HEADS: &[&str] = &[
    "all", "anti", "cross", "full", "half", "high", "ill", "left", "long", "near", "non", "old",
    "one", "quasi", "right", "second", "self", "three", "two", "well", "wide", "world",
];

/// Joins the lines of one block into one line, logging each join.
/// With `dehyphenate` off, a line-end hyphen is always kept.
pub fn join_block(
    lines: &[&Line],
    evidence: &Evidence,
    dehyphenate: bool,
    log: &mut EditLog,
) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    let mut quotes = QuoteCount::default();
    for (i, line) in lines.iter().enumerate() {
        let text = collapse_spaces(line, log);
        if i == 0 {
            quotes.add(&text);
            out.push_str(&text);
            continue;
        }
        let prev = lines[i - 1];
        // Columns read in order may put the next line before this one in
        // the input; then the join is an insertion where the line starts.
        let gap = if prev.content.end <= line.content.start {
            prev.content.end..line.content.start
        } else {
            line.content.start..line.content.start
        };
        // Collapsing spaces changes no character's class.
        let cjk_context = prev.classes.has_cjk() || line.classes.has_cjk();
        let before = Before {
            text: &out,
            opens_quote: quotes.opens(&out),
            quote_opens_after: quotes.next_opens(&text),
        };
        match separator(&before, &text, evidence, cjk_context) {
            Separator::Dehyphenate if dehyphenate => {
                out.pop();
                if prev.text.len() == prev.content.len() {
                    // The hyphen is the last byte of the line as written.
                    log.push(
                        prev.content.end - 1..prev.content.end,
                        "",
                        Rule::Dehyphenate,
                    );
                } else {
                    // Characters were repaired on this line: the whole line
                    // stands for its text without the hyphen.
                    let unhyphenated = &prev.text[..prev.text.len() - 1];
                    log.push(prev.content.clone(), unhyphenated, Rule::Dehyphenate);
                }
                if !gap.is_empty() {
                    log.push(gap, "", Rule::LineJoin);
                }
            }
            Separator::Dehyphenate => log.push(gap, "", Rule::LineJoin),
            Separator::Text(sep) => {
                out.push_str(sep);
                log.push(gap, sep, Rule::LineJoin);
            }
        }
        quotes.add(&text);
        out.push_str(&text);
    }
    out
}

/// The text joined so far, as the separator after it needs it.
struct Before<'a> {
    text: &'a str,
    /// The text ends with a straight quote that opens a quotation: the
    /// quote character occurs an odd number of times in it.
    opens_quote: bool,
    /// The next line starts with a straight double quote that opens a
    /// quotation: the text so far holds an even number of them.
    quote_opens_after: bool,
}

/// How many straight quotes the joined text holds, counted as it grows so
/// that no join reads the whole block again.
#[derive(Default)]
struct QuoteCount {
    double: usize,
    single: usize,
}

impl QuoteCount {
    /// Counts the quotes of `text`, found by a byte search: most lines
    /// hold none.
    fn add(&mut self, text: &str) {
        let bytes = text.as_bytes();
        for at in memchr::memchr2_iter(b'"', b'\'', bytes) {
            if bytes[at] == b'"' {
                self.double += 1;
            } else {
                self.single += 1;
            }
        }
    }

    /// Does `next`, the line to be joined, start with a straight double
    /// quote that opens a quotation?
    fn next_opens(&self, next: &str) -> bool {
        next.starts_with('"') && self.double % 2 == 0
    }

    fn opens(&self, text: &str) -> bool {
        match text.as_bytes().last() {
            Some(b'"') => self.double % 2 == 1,
            Some(b'\'') => self.single % 2 == 1,
            _ => false,
        }
    }
}

/// The line's text with runs of spaces and tabs made one space.
fn collapse_spaces<'a>(line: &'a Line<'_>, log: &mut EditLog) -> std::borrow::Cow<'a, str> {
    let text: &str = &line.text;
    // The line's space runs are measured: most lines have none.
    if !line.spaces.has_space_run() {
        return std::borrow::Cow::Borrowed(text);
    }
    let collapsed = one_space_per_run(text);
    if let std::borrow::Cow::Owned(out) = &collapsed {
        log.push(line.content.clone(), out.clone(), Rule::Whitespace);
    }
    collapsed
}

/// `text` with each run of spaces and tabs made one space.
///
/// ```
/// use textmend::layout::join::one_space_per_run;
/// assert_eq!(one_space_per_run("°ÿ \t €"), "°ÿ €");
/// ```
pub fn one_space_per_run(text: &str) -> std::borrow::Cow<'_, str> {
    if !crate::text::line::has_space_run(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c == ' ' || c == '\t' {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    std::borrow::Cow::Owned(out)
}

enum Separator {
    /// Remove the trailing hyphen of the text so far and join.
    Dehyphenate,
    /// Put this between the two lines.
    Text(&'static str),
}

/// The separator between text ending `before` and a line starting `after`.
fn separator(before: &Before, after: &str, evidence: &Evidence, cjk_context: bool) -> Separator {
    let opens_quote = before.opens_quote;
    let quote_opens_after = before.quote_opens_after;
    let before = before.text;
    let (Some(last), Some(first)) = (before.chars().next_back(), after.chars().next()) else {
        return Separator::Text("");
    };
    if last == '-' {
        return hyphen(before, after, evidence, cjk_context);
    }
    if crate::layout::segment::is_section_number(before) {
        return Separator::Text(" ");
    }
    if crate::layout::segment::continues_manual_page(before, after) {
        return Separator::Text("");
    }
    let (lc, fc) = (classify(last), classify(first));
    let cjk = |c: CharClass| matches!(c, CharClass::Han | CharClass::Kana);
    // No URL or path goes on with an ideograph: it ended at the break.
    let url = breaks_url(before);
    let address = cjk(fc) && (last == '/' || url);
    if (matches!(last, '—' | '–' | '/' | '～') || url) && !address {
        return Separator::Text("");
    }
    let digit = |c: CharClass| c == CharClass::Digit;
    if is_spaceless(last) || is_spaceless(first) {
        let latin_word = |c: char| c.is_ascii_alphabetic();
        // A word like `GOsa²` or `ext4` ends a Latin word, not a number.
        let ends_word = latin_word(last)
            || digit(lc)
                && before
                    .chars()
                    .rev()
                    .find(|c| !c.is_numeric())
                    .is_some_and(latin_word);
        let mixed = cjk(lc) && latin_word(first) || (ends_word || address) && cjk(fc);
        let number =
            !ends_word && (cjk(lc) && first.is_ascii_digit() || last.is_ascii_digit() && cjk(fc));
        let symbol = |c: char| classify(c) == CharClass::Punct;
        let spaced = mixed && evidence.spaces_cjk_latin
            || number && evidence.spaces_cjk_digit
            || cjk(lc) && symbol(first) && evidence.spaces_symbol(first, false)
            || symbol(last) && cjk(fc) && evidence.spaces_symbol(last, true)
            || last == '"' && !opens_quote && cjk(fc) && opening_quote_spaced(before);
        return Separator::Text(if spaced { " " } else { "" });
    }
    if (cjk(lc) && digit(fc)) || (digit(lc) && cjk(fc)) {
        return Separator::Text("");
    }
    if let (Some(tail), Some(head)) = (
        evidence::hangul_tail(before).filter(|_| lc == CharClass::Hangul),
        evidence::hangul_head(after).filter(|_| fc == CharClass::Hangul),
    ) {
        // The tail starts a word where a space or nothing comes before it.
        let tail_starts_word = before[..before.len() - tail.len()]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if evidence.joins_hangul(tail, tail_starts_word, head) {
            return Separator::Text("");
        }
    }
    if writes_no_word_spaces(last) && writes_no_word_spaces(first) {
        // A line of Thai, Lao, Khmer … broke between two words, which the
        // script writes with no space between them.
        return Separator::Text("");
    }
    if cjk_context {
        // CJK lines break between any two characters, so a space at the
        // break is there only where words of a spaced script meet.
        let word = |c: char| c.is_alphanumeric();
        // A straight quote after an odd number of them opens a quotation.
        let spaced_after =
            matches!(last, '.' | ',' | ';' | ':' | '!' | '?') || is_closing(last) && !opens_quote;
        let starts_token = word(first)
            || is_opening(first)
            || quote_opens_after
            || matches!(first, '-' | '$' | '#' | '@' | '/' | '~');
        let spaced = (word(last) || spaced_after) && starts_token;
        return Separator::Text(if spaced { " " } else { "" });
    }
    Separator::Text(" ")
}

/// Is the quotation that `before` ends with a closing straight quote
/// spaced from the text before its opening quote (`在 "TCP Tuning
/// Guide"`)? Writers space a quotation on both sides or on neither, so the
/// closing quote at a line end is spaced from the CJK after it as the
/// opening quote was.
fn opening_quote_spaced(before: &str) -> bool {
    let inside = &before[..before.len() - 1];
    inside
        .rfind('"')
        .and_then(|at| inside[..at].chars().next_back())
        .is_some_and(char::is_whitespace)
}

/// The separator at a line-end hyphen, `cjk_context` when either line
/// holds Chinese or Japanese.
fn hyphen(before: &str, after: &str, evidence: &Evidence, cjk_context: bool) -> Separator {
    let unhyphenated = &before[..before.len() - 1];
    // The letters before the hyphen, back to the start of the word; a run
    // longer than any word is no word to join (and is not read whole on
    // every line of a block of hyphenated lines).
    let mut left_start = unhyphenated.len();
    for (count, (at, c)) in unhyphenated.char_indices().rev().enumerate() {
        if classify(c) != CharClass::Letter {
            break;
        }
        if count == MAX_WORD_CHARS {
            return Separator::Text("");
        }
        left_start = at;
    }
    let left = &unhyphenated[left_start..];
    let right_end = after
        .char_indices()
        .find(|&(_, c)| classify(c) != CharClass::Letter)
        .map_or(after.len(), |(at, _)| at);
    let right = &after[..right_end];
    let before_left = unhyphenated[..left_start].chars().next_back();
    let plain = !left.is_empty()
        && !right.is_empty()
        && right.chars().next().is_some_and(|c| c.is_lowercase())
        && left.chars().skip(1).all(|c| c.is_lowercase())
        && before_left != Some('-');
    if !plain || breaks_name(before, after) {
        return Separator::Text("");
    }
    // The word joined, lowercased; then the compound, its hyphen put back.
    // Lowercasing ASCII needs no context (unlike a Greek capital sigma,
    // lowered by where it stands in a word), so ASCII is lowered in place.
    let ascii = left.is_ascii() && right.is_ascii();
    let joined = if ascii {
        let mut joined = String::with_capacity(left.len() + right.len() + 1);
        joined.push_str(left);
        joined.push_str(right);
        joined.make_ascii_lowercase();
        joined
    } else {
        format!("{left}{right}").to_lowercase()
    };
    if evidence.words.contains(&joined) {
        return Separator::Dehyphenate;
    }
    let compound = if ascii {
        let mut compound = joined;
        compound.insert(left.len(), '-');
        compound
    } else {
        format!("{left}-{right}").to_lowercase()
    };
    if evidence.compounds.contains(&compound) {
        return Separator::Text("");
    }
    // Hyphenation follows the paragraph's language, and Chinese and
    // Japanese have no hyphenation patterns: next to their text, a
    // line-end hyphen is the word's own (`bullseye-` / `updates`).
    let head = if ascii {
        std::borrow::Cow::Borrowed(&compound[..left.len()])
    } else {
        std::borrow::Cow::Owned(left.to_lowercase())
    };
    if COMPOUND_HEADS.contains(&&*head) || cjk_context {
        return Separator::Text("");
    }
    Separator::Dehyphenate
}

/// Is the word that a line-end hyphen breaks part of a name rather than
/// a word of prose: does the token around the break (from the space
/// before it to the space after it, without the quotes, brackets and
/// punctuation around it) hold a slash, an underscore, a bracket, a dot or
/// an `@` inside it (`/usr/share/doc/openssh-` / `client/README`, `ssh-` /
/// `agent(1)`)? Typesetters hyphenate words, never paths, file names or
/// commands, so such a hyphen is the name's own.
fn breaks_name(before: &str, after: &str) -> bool {
    let head = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let tail = after.split(char::is_whitespace).next().unwrap_or("");
    let around = |c: char| !c.is_alphanumeric() && !matches!(c, '/' | '_' | '@' | '~');
    let head = head.trim_start_matches(around);
    let tail = tail.trim_end_matches(around);
    head.chars()
        .chain(tail.chars())
        .any(|c| NAME_MARKS.contains(&c))
}

/// Characters that stand inside paths, file names, commands and addresses
/// but never inside a word of prose.
const NAME_MARKS: &[char] = &['/', '\\', '_', '(', ')', '[', ']', '.', '@', '='];

/// Does the text end inside a URL or e-mail address (so the next line
/// continues it without a space)?
fn breaks_url(before: &str) -> bool {
    if !before.ends_with(|c: char| c.is_ascii_graphic()) {
        return false;
    }
    // Only the last token matters; look at the tail, not the whole block.
    let mut from = before.len().saturating_sub(512);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let token = before[from..]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let url = token.contains("://") || token.starts_with("www.");
    let mail = token.contains('@') && !token.ends_with('@');
    (url || mail) && !token.ends_with(['.', ',', ';', ')', '>', '"'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::line::split_lines;

    fn join(input: &str) -> String {
        let mut log = EditLog::default();
        let lines = split_lines(input, &mut log);
        let evidence = Evidence::gather(&lines);
        let refs: Vec<&Line> = lines.iter().collect();
        join_block(&refs, &evidence, true, &mut log)
    }

    #[test]
    fn cjk_joins_without_space() {
        assert_eq!(join("把学习习近\n平总书记"), "把学习习近平总书记");
        assert_eq!(join("调研报告 20\n篇"), "调研报告 20篇");
        assert_eq!(join("精心选择 11\n个讲话"), "精心选择 11个讲话");
    }

    #[test]
    fn latin_joins_with_one_space() {
        assert_eq!(
            join("the graphical\nlogin screen"),
            "the graphical login screen"
        );
    }

    #[test]
    fn a_word_before_an_opening_straight_quote_is_spaced_in_cjk_text() {
        assert_eq!(
            join("二進位制軟體包 (non\n\"Architecture: all\") 的安裝"),
            "二進位制軟體包 (non \"Architecture: all\") 的安裝"
        );
        // A closing quote stays where it stands.
        assert_eq!(join("使用 \"apt\n\" 命令"), "使用 \"apt\" 命令");
    }

    #[test]
    fn a_closing_quote_at_a_line_end_is_spaced_as_its_opening_quote() {
        assert_eq!(
            join("请阅读 \"Network Tuning Notes\"\n和其他文档"),
            "请阅读 \"Network Tuning Notes\" 和其他文档"
        );
        assert_eq!(
            join("保存在\"/var/lib/alternatives/\"\n目录里"),
            "保存在\"/var/lib/alternatives/\"目录里"
        );
    }

    #[test]
    fn scripts_without_word_spaces_join_with_none() {
        assert_eq!(
            join("เขียนติดกันโดยไม่เว้นวรรคระหว่างคำ\nแต่จะเว้นวรรคเมื่อจบประโยค"),
            "เขียนติดกันโดยไม่เว้นวรรคระหว่างคำแต่จะเว้นวรรคเมื่อจบประโยค"
        );
        // After a repetition mark the writer puts a space.
        assert_eq!(join("ทุกวันๆ\nตั้งแต่เช้า"), "ทุกวันๆ ตั้งแต่เช้า");
    }

    #[test]
    fn hangul_joins_with_a_space() {
        assert_eq!(
            join("한국어 문장은\n띄어 씁니다"),
            "한국어 문장은 띄어 씁니다"
        );
    }

    #[test]
    fn a_particle_after_a_break_goes_on_the_word_before_it() {
        // `를` ends words (`주소를`) and begins none: a particle, whether or
        // not the document is shown to break its lines inside words.
        assert_eq!(
            join("파일을 받고 주소를 확인합니다 복제 방지\n를 처리합니다"),
            "파일을 받고 주소를 확인합니다 복제 방지를 처리합니다"
        );
        // `수` is a word of its own (`쓸 수`), and keeps its space.
        assert_eq!(
            join("바로 쓸 수 있습니다 설치할\n수 있습니다"),
            "바로 쓸 수 있습니다 설치할 수 있습니다"
        );
    }

    #[test]
    fn hangul_cut_between_syllables_joins_whole_where_the_document_writes_the_word_whole() {
        // `프로파일은` stands whole inside a line, so `프로` / `파일은` is one word.
        assert_eq!(
            join("색 프로파일은 작은 파일입니다 대부분의 색 프로\n파일은 ICC 양식입니다"),
            "색 프로파일은 작은 파일입니다 대부분의 색 프로파일은 ICC 양식입니다"
        );
        // A document shown to break inside words: a head that only ever
        // ends words (`다`) goes on the word before it.
        assert_eq!(
            join(
                "색 프로파일은 모음입니다 작은 색 프로\n파일은 ICC 양식이며 자동으로 할당합니\n다. 끝"
            ),
            "색 프로파일은 모음입니다 작은 색 프로파일은 ICC 양식이며 자동으로 할당합니다. 끝"
        );
        // There, a head that never begins a word goes on even a tail that
        // is a word of its own (`영역` stands alone in `영역 중`), and one
        // that begins words (`색상표`) does not.
        let shown = "색 프로파일은 모음입니다 작은 색 프로\n파일은 시스템에서 원색상 색상표 색 영역 중 영역";
        assert_eq!(
            join(&format!("{shown}\n에서 끝")),
            "색 프로파일은 모음입니다 작은 색 프로파일은 시스템에서 원색상 색상표 색 영역 중 영역에서 끝"
        );
        assert_eq!(
            join(&format!("{shown}\n색상 끝")),
            "색 프로파일은 모음입니다 작은 색 프로파일은 시스템에서 원색상 색상표 색 영역 중 영역 색상 끝"
        );
        // And a head that begins no word goes on a tail whose last
        // syllable mostly stands inside words (`평`, of `평가 평소에`), not
        // one whose last syllable mostly ends them (`한`, of `중요한 간단한`).
        let shown = "색 프로파일은 모음입니다 작은 색 프로\n파일은 평가 평소에 중요한 간단한 작업";
        assert_eq!(
            join(&format!("{shown} 평\n균적으로 끝")),
            "색 프로파일은 모음입니다 작은 색 프로파일은 평가 평소에 중요한 간단한 작업 평균적으로 끝"
        );
        assert_eq!(
            join(&format!("{shown} 유용한\n과정 끝")),
            "색 프로파일은 모음입니다 작은 색 프로파일은 평가 평소에 중요한 간단한 작업 유용한 과정 끝"
        );
        // Where the document shows nothing, a break inside a word is the
        // rule: `바` / `탕에` goes on; a head whose first syllable begins
        // most of the words it stands in (`시`, of `시스템 시작 시간`) keeps
        // its space, and a tail that begins, with the head's first
        // syllable, a word written whole (`우선적으로`) goes on.
        let shown =
            "색 프로파일은 모음입니다 작은 색 프로\n파일은 시스템 시작 시간 우선적으로 작업";
        assert_eq!(
            join(&format!("{shown} 바\n탕에 끝")),
            "색 프로파일은 모음입니다 작은 색 프로파일은 시스템 시작 시간 우선적으로 작업 바탕에 끝"
        );
        assert_eq!(
            join(&format!("{shown} 새로운\n시각에 끝")),
            "색 프로파일은 모음입니다 작은 색 프로파일은 시스템 시작 시간 우선적으로 작업 새로운 시각에 끝"
        );
        assert_eq!(
            join(&format!("{shown} 먼저 우\n선하여 끝")),
            "색 프로파일은 모음입니다 작은 색 프로파일은 시스템 시작 시간 우선적으로 작업 먼저 우선하여 끝"
        );
        // `색` is a word of its own there, so `색` / `프로파일은` stays two.
        assert_eq!(
            join("색 프로파일은 작은 파일입니다 대부분의 색\n프로파일은 ICC 양식입니다"),
            "색 프로파일은 작은 파일입니다 대부분의 색 프로파일은 ICC 양식입니다"
        );
    }

    #[test]
    fn a_particle_written_on_to_a_latin_word_is_no_word_of_its_own() {
        // `를` stands between `DVD` and a space: the particle of `DVD`, so
        // `방지` / `를` is one word.
        assert_eq!(
            join("왜 DVD를 재생하지 못할까요 복사 방지\n를 처리하는 프로그램"),
            "왜 DVD를 재생하지 못할까요 복사 방지를 처리하는 프로그램"
        );
    }

    #[test]
    fn a_single_syllable_never_written_alone_begins_the_word_the_break_cut() {
        // A document shown to break inside words: `확`, never a word of
        // its own, goes on; `수`, a word of its own (`쓸 수`), does not.
        let shown = "색 프로파일은 모음입니다 작은 색 프로\n파일은 쓸 수 있는 수 없는 양식입니다";
        assert_eq!(
            join(&format!("{shown} 확\n인할 것")),
            "색 프로파일은 모음입니다 작은 색 프로파일은 쓸 수 있는 수 없는 양식입니다 확인할 것"
        );
        assert_eq!(
            join(&format!("{shown} 수\n인할 것")),
            "색 프로파일은 모음입니다 작은 색 프로파일은 쓸 수 있는 수 없는 양식입니다 수 인할 것"
        );
        // Elsewhere, only a syllable that begins most of the words it
        // stands in (`확`, of `확인 확실히`) begins one at the break.
        let plain = "파일을 받고 확인 후 확실히 주소를 보고 나서 생각";
        assert_eq!(
            join(&format!("{plain} 확\n대합니다")),
            format!("{plain} 확대합니다")
        );
        assert_eq!(
            join(&format!("{plain} 각\n대합니다")),
            format!("{plain} 각 대합니다")
        );
    }

    #[test]
    fn hyphenation_is_undone_but_compounds_stay() {
        assert_eq!(join("you are pre-\nsented with"), "you are presented with");
        assert_eq!(join("a well-\nknown rule"), "a well-known rule");
        assert_eq!(join("encoded in UTF-\n8 bytes"), "encoded in UTF-8 bytes");
        assert_eq!(join("a x-terminal-\nemulator"), "a x-terminal-emulator");
    }

    #[test]
    fn a_hyphen_inside_a_name_stays() {
        assert_eq!(
            join("read \"/usr/share/doc/openssh-\nclient/README.gz\" first"),
            "read \"/usr/share/doc/openssh-client/README.gz\" first"
        );
        assert_eq!(
            join("the ssh-\nagent(1) command"),
            "the ssh-agent(1) command"
        );
        assert_eq!(join("a file_name-\nlist here"), "a file_name-list here");
        // Quotes, brackets and a sentence's full stop around a word of
        // prose do not make it a name.
        assert_eq!(join("the (pre-\nloaded) data"), "the (preloaded) data");
        assert_eq!(join("it was pre-\nloaded. Then"), "it was preloaded. Then");
        assert_eq!(join("a \"pre-\nsented\" view"), "a \"presented\" view");
    }

    #[test]
    fn a_hyphen_next_to_chinese_or_japanese_stays() {
        assert_eq!(
            join("例如 bullseye-\nupdates 软件包"),
            "例如 bullseye-updates 软件包"
        );
        assert_eq!(join("例えば package-\nname を"), "例えば package-name を");
        // A Latin line of its own is hyphenated as any Latin text is.
        assert_eq!(join("is not sup-\nported here"), "is not supported here");
    }

    #[test]
    fn a_letter_run_longer_than_any_word_keeps_its_hyphen() {
        let run = "ab".repeat(40);
        assert_eq!(join(&format!("{run}-\nbc")), format!("{run}-bc"));
        assert_eq!(join("ab-\nab-\nab"), "ababab");
    }

    #[test]
    fn a_straight_quote_opens_after_an_even_number_of_them() {
        assert_eq!(join("他说 \"\nHello\""), "他说 \"Hello\"");
        assert_eq!(join("他说 \"Hi\"\nHello"), "他说 \"Hi\" Hello");
    }

    #[test]
    fn document_evidence_decides_hyphens() {
        assert_eq!(
            join("the long-term plan and a long-\nterm view"),
            "the long-term plan and a long-term view"
        );
        assert_eq!(
            join("in-place edits and in-\nplace"),
            "in-place edits and in-place"
        );
        assert_eq!(
            join("a database and a data-\nbase"),
            "a database and a database"
        );
    }

    #[test]
    fn dash_slash_and_urls_join_tight() {
        assert_eq!(join("and/\nor"), "and/or");
        assert_eq!(
            join("see https://example.org/very/\nlong/path"),
            "see https://example.org/very/long/path"
        );
        assert_eq!(
            join("mail user@exam\nple.org now"),
            "mail user@example.org now"
        );
    }

    #[test]
    fn symbols_in_cjk_text_join_tight() {
        assert_eq!(
            join("在全面承接自治区“1+\n12”专项整改"),
            "在全面承接自治区“1+12”专项整改"
        );
        assert_eq!(
            join("配置放在 “~\n/.aptitude/config”。"),
            "配置放在 “~/.aptitude/config”。"
        );
        assert_eq!(
            join("使用 apt rdepends\npackage 命令"),
            "使用 apt rdepends package 命令"
        );
        // A manual page's section goes with its name.
        assert_eq!(
            join("Debian 系統使用 update-alternatives\n(1) 讓使用者可以安裝多種程式。"),
            "Debian 系統使用 update-alternatives(1) 讓使用者可以安裝多種程式。"
        );
        // A path that starts a line is a word of its own.
        assert_eq!(
            join("可以使用 “hdparm -W 0\n/dev/sda” 關閉寫入快取。"),
            "可以使用 “hdparm -W 0 /dev/sda” 關閉寫入快取。"
        );
    }

    #[test]
    fn cjk_latin_spacing_follows_the_document() {
        assert_eq!(
            join("使用 apt 命令来替代\naptitude 命令。"),
            "使用 apt 命令来替代 aptitude 命令。"
        );
        assert_eq!(
            join("使用apt命令来替代\naptitude命令。"),
            "使用apt命令来替代aptitude命令。"
        );
    }

    #[test]
    fn an_address_ends_where_an_ideograph_follows() {
        assert_eq!(
            join("使用 shell 命令，参见\nhttp://www.example.org/documentation/\n上的文档。"),
            "使用 shell 命令，参见 http://www.example.org/documentation/ 上的文档。"
        );
        assert_eq!(
            join("使用shell命令，参见http://www.example.org/\n上的文档。"),
            "使用shell命令，参见http://www.example.org/上的文档。"
        );
        // A dash before an ideograph stays tight.
        assert_eq!(join("他说——\n我们走吧。"), "他说——我们走吧。");
    }

    #[test]
    fn cjk_symbol_spacing_follows_the_document() {
        assert_eq!(
            join("在 \"/etc/app\" 目录和 \"/usr/app\" 目录里的\n\"app.conf\" 文件。"),
            "在 \"/etc/app\" 目录和 \"/usr/app\" 目录里的 \"app.conf\" 文件。"
        );
        // A quote that the document sets tight stays tight, and one space
        // seen once is not yet a style.
        assert_eq!(
            join("在\"/etc/app\"目录和\"/usr/app\"目录里的\n\"app.conf\"文件。"),
            "在\"/etc/app\"目录和\"/usr/app\"目录里的\"app.conf\"文件。"
        );
        assert_eq!(
            join("在 \"/etc/app\"目录里的\n\"app.conf\"文件。"),
            "在 \"/etc/app\"目录里的\"app.conf\"文件。"
        );
    }

    #[test]
    fn cjk_digit_spacing_follows_a_document_that_spaces_latin_words_too() {
        // Spaced Latin words and spaced numbers: the writer's style.
        assert_eq!(
            join("使用 apt 命令，参见第\n10.2.3 节，共 3 步。"),
            "使用 apt 命令，参见第 10.2.3 节，共 3 步。"
        );
        // Spaced numbers alone are the typesetter's: a join stays tight.
        assert_eq!(
            join("共形成调研报告 20\n篇，全市共形成 212 篇。"),
            "共形成调研报告 20篇，全市共形成 212 篇。"
        );
        // Latin words spaced, numbers tight.
        assert_eq!(
            join("使用 apt 命令，参见第\n10节，共3步。"),
            "使用 apt 命令，参见第10节，共3步。"
        );
    }
}
