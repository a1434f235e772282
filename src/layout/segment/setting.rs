//! What the whole document shows about how it was set, which the
//! grouping of its lines into blocks takes as given.

/// What the whole document shows about how it was set, read before its
/// lines are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Setting {
    /// The extractor marked the pages with form feeds: only there are
    /// blank lines that set apart every line of a page read as the
    /// extractor's line separators (`join_blank_separated_lines`). The
    /// repaired text has no form feeds, so a second repair never reads
    /// them so.
    pub pages_marked: bool,
    /// The document breaks Korean lines between the syllables of a word,
    /// as a browser does: there a Hangul line that stops a syllable or
    /// more short of its column was ended on purpose, whatever the length
    /// of the next word.
    pub hangul_breaks_inside_words: bool,
}
