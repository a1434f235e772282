//! What one line shows on its own: a prompt, code or markup, a dot leader,
//! columns aligned by wide gaps.

use crate::text::line::Line;
use memchr::memmem;
use regex::Regex;
use std::sync::LazyLock;

static PROMPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\$|#|>>>|%)\s+[\w./~\-]").expect("prompt pattern is valid"));

static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[{}]$|\s\\$|^[^;]*[=(][^;]*;$|^\}|^#!|^//|^/\*)")
        .expect("code pattern is valid")
});

static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^<(?:!--|[?/]?[A-Za-z][\w:.-]*(?:[\s/>]|$)).*>$").expect("markup pattern is valid")
});

/// Code with a comment set beside it, a wide gap apart (`port = 8080
/// # the port it listens on`).
static TRAILING_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S {2,}(?:#|//) \S").expect("trailing comment pattern is valid"));

static DOT_LEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:\.\s?){4,}|…{2,}|(?:·\s?){3,}|(?:_\s?){4,})\s*[\dIVXivx]{1,4}$")
        .expect("dot leader pattern is valid")
});

static ALIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\S {3,}\S.*\S {3,}\S").expect("aligned columns pattern is valid")
});

/// Which signal, if any, makes one line preformatted on its own.
///
/// ```
/// use textmend::layout::preformatted::is_code_line;
/// assert!(is_code_line("$ LANG=C ls -l foo"));
/// assert!(is_code_line("int main(void) {"));
/// assert!(is_code_line("Introduction . . . . . . 12"));
/// assert!(is_code_line("3、风险提示 ……… 8"));
/// assert!(is_code_line("<!-- comment -->"));
/// assert!(is_code_line("<name attribute=\"value\" />"));
/// assert!(is_code_line("| Alice | 30 |"));
/// assert!(is_code_line("|-------|-----|"));
/// assert!(!is_code_line("|x| is the absolute value of x, and |"));
/// assert!(!is_code_line("|"));
/// assert!(is_code_line("port = 8080     # the port it listens on"));
/// assert!(!is_code_line("See issue  #42 for the details."));
/// assert!(!is_code_line("<3 you>"));
/// assert!(!is_code_line("The shell prompt under GUI"));
/// assert!(!is_code_line("使用 apt(8), aptitude(8) 和 apt-get(8) 的命令。"));
/// ```
pub fn is_code_line(text: &str) -> bool {
    is_code_by_its_ends(text) || has_trailing_comment(text)
}

/// The signals of [`is_code_line`] but a trailing comment: each is looked
/// for only where the line's first or last character calls for it.
fn is_code_by_its_ends(text: &str) -> bool {
    let (first, last) = match (text.chars().next(), text.chars().next_back()) {
        (Some(f), Some(l)) => (f, l),
        _ => return false,
    };
    matches!(first, '$' | '#' | '>' | '%') && PROMPT.is_match(text)
        || (matches!(last, '{' | '}' | ';' | '\\') || matches!(first, '}' | '#' | '/'))
            && CODE.is_match(text)
        || (last.is_ascii_digit() || matches!(last, 'I' | 'V' | 'X' | 'i' | 'v' | 'x'))
            && DOT_LEADER.is_match(text)
        || first == '<' && last == '>' && MARKUP.is_match(text)
        || first == '|' && last == '|' && is_pipe_table_row(text)
}

/// Is the line a row of a pipe table, as Markdown and plain-text tables
/// write one (`| Alice | 30 |`, `|---|---|`): it starts and ends with a
/// bar, and its cells, two or more, are each set off by a space or are
/// all dashes and colons?
fn is_pipe_table_row(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('|').and_then(|t| t.strip_suffix('|')) else {
        return false;
    };
    let cells: Vec<&str> = inner.split('|').collect();
    cells.len() >= 2
        && cells.iter().all(|cell| {
            let rule = !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | ':' | ' '));
            let spaced = cell.starts_with(' ') && cell.ends_with(' ');
            rule || spaced || cell.trim().is_empty()
        })
}

/// Does the line end with a comment that a wide gap sets apart from the
/// code before it ([`TRAILING_COMMENT`])? Looked for only where two
/// spaces stand before a `#` or a `/`.
pub fn has_trailing_comment(text: &str) -> bool {
    static GAP_BEFORE_HASH: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("  #"));
    static GAP_BEFORE_SLASH: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("  /"));
    let bytes = text.as_bytes();
    (GAP_BEFORE_HASH.find(bytes).is_some() || GAP_BEFORE_SLASH.find(bytes).is_some())
        && TRAILING_COMMENT.is_match(text)
}

/// True when one line alone shows it is not prose: code, a command, a
/// contents entry or a table row set with wide gaps.
pub fn looks_preformatted(text: &str) -> bool {
    is_code_line(text) || is_aligned_row(text)
}

/// [`looks_preformatted`] of a line's text, its wide gaps read from the
/// line's measured space runs ([`Line::spaces`]) instead of searched for:
/// a trailing comment needs two spaces in a row, aligned columns three.
pub fn line_looks_preformatted(line: &Line) -> bool {
    let text = &line.text;
    is_code_by_its_ends(text)
        || line.spaces.has_double_space() && has_trailing_comment(text)
        || line.spaces.has_triple_space() && ALIGNED.is_match(text)
}

/// Does the text end with a URL scheme and its colon (`see: https:`)?
pub(super) fn ends_with_url_scheme(text: &str) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    last.strip_suffix(':').is_some_and(|scheme| {
        (2..=8).contains(&scheme.len()) && scheme.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// Three spaces in a row, the least gap of [`ALIGNED`], searched for with
/// a searcher built once (most lines have none, and are known by it before
/// the pattern runs).
static WIDE_GAP: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("   "));

/// A table row as `pdftotext -layout` sets one: two or more wide gaps.
fn is_aligned_row(text: &str) -> bool {
    WIDE_GAP.find(text.as_bytes()).is_some() && ALIGNED.is_match(text)
}
