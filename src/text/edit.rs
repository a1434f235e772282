//! The edit log: every change a stage makes, as an input byte range, the
//! text that replaced it, and the name of the rule that made the change.
//!
//! The log is what `--explain` prints, what `--check` reports and what the
//! JSON output carries. Ranges always refer to the decoded input text, so
//! an edit can be shown in its context.

use serde::Serialize;
use std::ops::Range;

/// A named repair. Every change textmend makes is attributed to one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Text decoded with the wrong encoding read back right (`Ã©` → `é`).
    Mojibake,
    /// `\r\n` and `\r` become `\n`; U+2028/U+2029 become line breaks.
    LineEnding,
    /// A line of text drawn two or three times (`ABCABC`).
    FakeBoldLine,
    /// Each space-separated segment drawn twice (`AA BB`).
    FakeBoldSegments,
    /// Each glyph drawn twice in a row (`不不忘忘`).
    FakeBoldInterleaved,
    /// The same heading line written on two or three consecutive lines.
    FakeBoldRepeatedLines,
    /// A standalone page number (`- 3 -`, `第 3 版`, `Page 3 of 9`).
    PageNumber,
    /// A line that recurs at the top or bottom of pages.
    RunningHeader,
    /// Rows that may hold columns side by side, left as they are: a note,
    /// whose edit changes nothing (see [`Rule::is_note`]).
    UnsureColumns,
    /// A justified line that the extractor wrote a word per line rebuilt.
    WordPerLine,
    /// Lines of one paragraph joined into one.
    LineJoin,
    /// A word hyphenated at a line end re-joined (`infor-`/`mation`).
    Dehyphenate,
    /// Whitespace between two blocks set to one blank line.
    BlockBreak,
    /// Leading, trailing or repeated spaces removed.
    Whitespace,
    /// `⋯⋯` used as an ellipsis becomes `……`.
    Ellipsis,
    /// Latin ligatures (`ﬁ`) spelled out.
    Ligature,
    /// Soft hyphens removed.
    SoftHyphen,
    /// Zero-width characters and stray byte order marks removed (a
    /// zero-width space that separates words of Thai, Khmer… stays).
    ZeroWidth,
    /// Control characters other than tab and newline removed, and
    /// terminal escape sequences (`\u{1B}[1m`) whole.
    ControlChar,
    /// No-break and typographic spaces become an ASCII space.
    SpaceVariant,
    /// Kangxi radicals, CJK Radicals Supplement characters and compatibility
    /// ideographs become unified ideographs.
    Radical,
    /// CJK text with a space after every character closed up.
    LetterSpacing,
    /// ASCII punctuation between CJK made full-width (opt-in policy).
    PunctWidth,
    /// Full-width letters and digits folded to ASCII (opt-in policy).
    FoldWidth,
    /// Spaces between CJK and Latin removed or added (opt-in policy).
    CjkSpacing,
}

impl Rule {
    /// Every rule, in the order the pipeline applies them.
    pub const ALL: [Rule; 25] = [
        Rule::Mojibake,
        Rule::LineEnding,
        Rule::ControlChar,
        Rule::ZeroWidth,
        Rule::SoftHyphen,
        Rule::SpaceVariant,
        Rule::Ligature,
        Rule::Ellipsis,
        Rule::Radical,
        Rule::UnsureColumns,
        Rule::WordPerLine,
        Rule::FakeBoldLine,
        Rule::FakeBoldSegments,
        Rule::FakeBoldInterleaved,
        Rule::FakeBoldRepeatedLines,
        Rule::PageNumber,
        Rule::RunningHeader,
        Rule::LetterSpacing,
        Rule::Whitespace,
        Rule::LineJoin,
        Rule::Dehyphenate,
        Rule::BlockBreak,
        Rule::PunctWidth,
        Rule::FoldWidth,
        Rule::CjkSpacing,
    ];

    /// The rule's name as shown by `--explain` and in JSON (`fake-bold-line`).
    pub fn name(self) -> &'static str {
        match self {
            Rule::Mojibake => "mojibake",
            Rule::LineEnding => "line-ending",
            Rule::FakeBoldLine => "fake-bold-line",
            Rule::FakeBoldSegments => "fake-bold-segments",
            Rule::FakeBoldInterleaved => "fake-bold-interleaved",
            Rule::FakeBoldRepeatedLines => "fake-bold-repeated-lines",
            Rule::PageNumber => "page-number",
            Rule::RunningHeader => "running-header",
            Rule::UnsureColumns => "unsure-columns",
            Rule::WordPerLine => "word-per-line",
            Rule::LineJoin => "line-join",
            Rule::Dehyphenate => "dehyphenate",
            Rule::BlockBreak => "block-break",
            Rule::Whitespace => "whitespace",
            Rule::Ellipsis => "ellipsis",
            Rule::Ligature => "ligature",
            Rule::SoftHyphen => "soft-hyphen",
            Rule::ZeroWidth => "zero-width",
            Rule::ControlChar => "control-char",
            Rule::SpaceVariant => "space-variant",
            Rule::Radical => "radical",
            Rule::LetterSpacing => "letter-spacing",
            Rule::PunctWidth => "punct-width",
            Rule::FoldWidth => "fold-width",
            Rule::CjkSpacing => "cjk-spacing",
        }
    }

    /// True for a rule that notes a repair refused rather than made: its
    /// edit's replacement is the input text of its range, so it changes
    /// nothing, and `explain::changes` and `--check` leave
    /// it out while `--explain` and JSON show it.
    pub fn is_note(self) -> bool {
        self == Rule::UnsureColumns
    }

    /// One sentence that says what the rule repairs.
    pub fn description(self) -> &'static str {
        match self {
            Rule::Mojibake => "text decoded with the wrong encoding is read back right",
            Rule::LineEnding => "CR and CRLF line endings and Unicode line separators become \\n",
            Rule::FakeBoldLine => "a heading drawn two or three times on one line is written once",
            Rule::FakeBoldSegments => "each space-separated segment drawn twice is written once",
            Rule::FakeBoldInterleaved => "each glyph drawn twice in a row is written once",
            Rule::FakeBoldRepeatedLines => {
                "a short heading repeated on consecutive lines is written once"
            }
            Rule::PageNumber => "a line that is only a page number is removed",
            Rule::RunningHeader => "a line repeated at the top or bottom of pages is removed",
            Rule::UnsureColumns => {
                "rows that may hold columns side by side are left as they are: too few rows show the gutter together to split them safely"
            }
            Rule::WordPerLine => {
                "a justified line that the extractor wrote a word per line is rebuilt"
            }
            Rule::LineJoin => {
                "lines of one paragraph are joined, with a space only between words of spaced scripts"
            }
            Rule::Dehyphenate => "a word hyphenated at a line end is joined again",
            Rule::BlockBreak => "blocks are separated by exactly one blank line",
            Rule::Whitespace => "leading, trailing and repeated spaces are removed",
            Rule::Ellipsis => "midline ellipsis used as an ellipsis becomes …",
            Rule::Ligature => "typographic ligatures are spelled out",
            Rule::SoftHyphen => "soft hyphens are removed",
            Rule::ZeroWidth => {
                "zero-width spaces outside the scripts that separate words with them, and stray byte order marks, are removed"
            }
            Rule::ControlChar => {
                "control characters other than tab and newline, and terminal escape sequences, are removed"
            }
            Rule::SpaceVariant => "no-break and typographic spaces become an ASCII space",
            Rule::Radical => "radical look-alikes inside CJK text become the unified ideograph",
            Rule::LetterSpacing => "CJK text with a space after every character is closed up",
            Rule::PunctWidth => {
                "ASCII punctuation between CJK characters becomes full-width (asked for)"
            }
            Rule::FoldWidth => "full-width letters and digits become ASCII (asked for)",
            Rule::CjkSpacing => {
                "spaces between CJK and Latin text are removed or added (asked for)"
            }
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One change: the input bytes in `range` were replaced by `replacement`
/// because of `rule`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte range in the decoded input text.
    pub range: Range<usize>,
    /// The text that stands in the output for that range.
    pub replacement: String,
    /// The rule that made the change.
    pub rule: Rule,
}

impl Edit {
    /// A new edit.
    pub fn new(range: Range<usize>, replacement: impl Into<String>, rule: Rule) -> Self {
        Edit {
            range,
            replacement: replacement.into(),
            rule,
        }
    }
}

/// The edits of one run, in the order the stages made them.
///
/// A log made with [`EditLog::off`] records nothing: a caller that wants
/// only the text does not pay for an edit per line join.
#[derive(Debug, Clone)]
pub struct EditLog {
    edits: Vec<Edit>,
    recording: bool,
}

impl Default for EditLog {
    fn default() -> Self {
        Self {
            edits: Vec::new(),
            recording: true,
        }
    }
}

impl EditLog {
    /// A log that records nothing.
    pub fn off() -> Self {
        Self {
            edits: Vec::new(),
            recording: false,
        }
    }

    /// Records an edit.
    pub fn push(&mut self, range: Range<usize>, replacement: impl Into<String>, rule: Rule) {
        if self.recording {
            self.edits.push(Edit::new(range, replacement, rule));
        }
    }

    /// The edits sorted by input position (stable for edits at the same place).
    pub fn into_sorted(mut self) -> Vec<Edit> {
        self.edits.sort_by_key(|e| (e.range.start, e.range.end));
        self.edits
    }

    /// Number of edits recorded so far.
    pub fn len(&self) -> usize {
        self.edits.len()
    }

    /// True when nothing was changed.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_distinct_name() {
        let mut names: Vec<_> = Rule::ALL.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Rule::ALL.len());
    }

    #[test]
    fn a_log_that_is_off_records_nothing() {
        let mut log = EditLog::off();
        log.push(1..2, " ", Rule::SpaceVariant);
        assert!(log.is_empty());
    }

    #[test]
    fn log_sorts_by_position() {
        let mut log = EditLog::default();
        log.push(5..6, "", Rule::SoftHyphen);
        log.push(1..2, " ", Rule::SpaceVariant);
        let edits = log.into_sorted();
        assert_eq!(edits[0].range, 1..2);
        assert_eq!(edits[1].rule, Rule::SoftHyphen);
    }
}
