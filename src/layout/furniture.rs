//! Page furniture: running headers and footers and page numbers, which
//! interrupt the text at every page break.
//!
//! ```text
//! …往深里走、往心里          …往深里走、往心里去、往实处抓。
//! - 3 -                 →
//! 鄂尔多斯日报                (the page number and the running title go,
//! 去、往实处抓。              and the paragraph is joined again)
//! ```
//!
//! Recognised:
//! - a line that is only a page number in a decorated form (`- 12 -`,
//!   `— 12 —`, `第 12 页`, `第12版`, `Page 12`, `Page 12 of 40`, `12 / 40`);
//! - a bare number (`12`) when it is the first or last line of a page;
//! - a browser's time stamp and address, confirmed by its `n/N` page
//!   numbers ([`crate::layout::browser_furniture`]);
//! - a line that recurs at the top or bottom of two or more pages, allowing
//!   a changing number inside it (`Annual Report 2019 — 3`), or that stands
//!   next to a page number and recurs in the document;
//! - a title printed once that opens a page whose first lines also hold
//!   its page number (a header that carries the number);
//! - a line that sets a title and a page number at the two ends of the
//!   page's text width, with only a gap between (`Frequently Asked
//!   Questions about zlib        3`), when the title recurs: printed as a
//!   line of its own, or in more such lines whose numbers count up. An
//!   extractor that marks no page breaks (PyMuPDF, pypdf) writes such a
//!   footer in the middle of the text. Set beside the title with one
//!   space (`VCS Support Page 2`, as pypdf closes the gap), the number
//!   could be a heading's (`Step 2`): the title must be printed alone
//!   too, the number be a decorated one or count up, and the line stand
//!   in the flow of the text (no blank line above or below it).
//!
//! Refused: a line that occurs once, a list item (`12.` as a number, `•
//! PC Card` as a title printed once), a number in the middle of a page (a
//! year, a table cell), and anything inside a run of short table-like
//! lines.
//!
//! `O(n)` in the number of lines (one hash map of line shapes).

use crate::text::edit::{EditLog, Rule};
use crate::text::line::{Line, has_page_break, is_list_item};
use crate::text::script::{CharClass, ClassSet};
use regex::Regex;
// The shape of every line that could be furniture is looked up: foldhash
// is several times faster than SipHash on such short keys, and its
// per-process random seed still keeps an input from choosing collisions.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::LazyLock;

/// How many lines at each end of a page may hold furniture.
const EDGE_LINES: usize = 3;
/// The widest line that can be a running header, in columns.
const MAX_HEADER_WIDTH: usize = 80;

static DECORATED_PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            [-–—―~]\s*\d{1,4}\s*[-–—―~]
          | 第\s*\d{1,4}\s*[页頁版面]
          | (?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?
          | \d{1,4}\s*/\s*\d{1,4}
          | \d{1,4}\s*(?:页|頁|ページ|쪽)
          | [\[(]\s*\d{1,4}\s*[\])]
        )$",
    )
    .expect("page number pattern is valid")
});

static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,4}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})$")
        .expect("bare number pattern is valid")
});

/// True when `text` is only a page number in one of its decorated forms.
///
/// ```
/// use textmend::layout::furniture::is_page_number;
/// assert!(is_page_number("- 3 -"));
/// assert!(is_page_number("第 3 版"));
/// assert!(is_page_number("Page 3 of 9"));
/// assert!(is_page_number("184 / 233"));
/// assert!(!is_page_number("12."));
/// assert!(!is_page_number("2019"));
/// ```
pub fn is_page_number(text: &str) -> bool {
    let text = crate::text::script::trim_white_space(text);
    // Every form is short and holds a digit; most lines are neither.
    text.len() <= 24
        && text.bytes().any(|b| b.is_ascii_digit())
        && DECORATED_PAGE_NUMBER.is_match(text)
}

/// True when `text` is a bare page number (`12`, `iv`; a single letter
/// such as `I` or `l` is a word more often than a page number).
fn is_bare_number(text: &str) -> bool {
    (1..=6).contains(&text.len())
        && (text.bytes().all(|b| b.is_ascii_digit())
            || text.len() >= 2 && BARE_NUMBER.is_match(text))
}

/// The line with every run of digits replaced by `#`, so that headers with
/// a changing page number compare equal.
fn shape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    shape_into(text, &mut out);
    out
}

/// [`shape`], written into `out` (cleared first).
fn shape_into(text: &str, out: &mut String) {
    out.clear();
    // Digits are ASCII bytes, never part of another character: the text
    // between runs of them is copied whole.
    let bytes = text.as_bytes();
    let (mut copied, mut at) = (0, 0);
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        out.push_str(&text[copied..at]);
        out.push('#');
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        copied = at;
    }
    out.push_str(&text[copied..]);
}

/// The first and last bytes of a set of shapes ([`shape`]): a line whose
/// shape begins or ends otherwise than every one of them has none of
/// their shapes, and is not shaped to be looked up. A shape's first byte
/// is its line's first byte, or `#` for a digit, and so is its last.
struct ShapeEnds {
    /// One bit for each pair of a first and a last byte.
    pairs: Vec<u64>,
}

impl ShapeEnds {
    fn of<'s>(shapes: impl IntoIterator<Item = &'s String>) -> Self {
        let mut pairs = vec![0u64; 256 * 256 / 64];
        for shape in shapes {
            if let (Some(&first), Some(&last)) = (shape.as_bytes().first(), shape.as_bytes().last())
            {
                let pair = Self::pair(first, last);
                pairs[pair / 64] |= 1 << (pair % 64);
            }
        }
        ShapeEnds { pairs }
    }

    /// The bit of the shape ends `first` and `last`.
    fn pair(first: u8, last: u8) -> usize {
        usize::from(first) << 8 | usize::from(last)
    }

    /// Can the shape of `text` be one of the set's? Two byte tests.
    fn may_shape(&self, text: &str) -> bool {
        let shaped = |b: u8| if b.is_ascii_digit() { b'#' } else { b };
        let bytes = text.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return true;
        };
        let pair = Self::pair(shaped(first), shaped(last));
        self.pairs[pair / 64] >> (pair % 64) & 1 != 0
    }
}

/// Marks page furniture `removed` and logs each removal.
pub fn remove_furniture(lines: &mut [Line], log: &mut EditLog) {
    let edges = page_edges(lines);
    let page_count = lines.last().map_or(0, |l| l.page + 1);

    // Page numbers.
    let text_lines: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    // Decorated page numbers go wherever they stand; the document's last
    // line is the last one that is not one of them.
    let last_plain = text_lines
        .iter()
        .rposition(|&j| !is_page_number(&lines[j].text));
    let document_edge = |lines: &[Line], i: usize| {
        // Right under a running title that opens the document, with no
        // blank line between (a chapter number stands apart).
        let under_title = text_lines
            .first()
            .is_some_and(|&f| f + 1 == i && is_header_candidate(&lines[f]) && !lines[f].fake_bold)
            && text_lines.len() > 2;
        // The last line, after a finished sentence.
        let closing = last_plain.is_some_and(|k| {
            text_lines[k] == i
                && text_lines[..k]
                    .iter()
                    .rev()
                    .find(|&&j| !is_page_number(&lines[j].text))
                    .is_some_and(|&j| lines[j].ends_sentence())
        });
        under_title || closing
    };
    for i in 0..lines.len() {
        let edge = document_edge(lines, i);
        let line = &mut lines[i];
        if line.removed || line.is_blank() {
            continue;
        }
        let decorated = is_page_number(&line.text);
        let digits = is_short_number(&line.text);
        let bare =
            is_bare_number(&line.text) && edges.contains(&i) && page_count > 1 || digits && edge;
        if decorated || bare {
            line.removed = true;
            log.push(line.range.clone(), "", Rule::PageNumber);
        }
    }

    let widths_before = body_width(lines);
    let removed_titled = remove_titled_page_numbers(lines, widths_before, log);

    // Running headers and footers: shapes that recur at page edges, or
    // recur anywhere and stand next to a page number that was removed.
    // Shapes are kept only for the lines that can be furniture, not for
    // every line: the rest are shaped one at a time and counted.
    let candidate: Vec<bool> = lines.iter().map(is_header_candidate).collect();
    let mut edge_pages: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &edges {
        if candidate[i] {
            let pages = edge_pages.entry(shape(&lines[i].text)).or_default();
            if pages.last() != Some(&lines[i].page) {
                pages.push(lines[i].page);
            }
        }
    }
    let beside_number = |lines: &[Line], i: usize| {
        candidate[i] && next_to_page_number(lines, i) && stands_alone(lines, i)
    };
    let mut counts: HashMap<String, usize> = (0..lines.len())
        .filter(|&i| beside_number(lines, i))
        .map(|i| (shape(&lines[i].text), 0))
        .collect();
    if !counts.is_empty() {
        let ends = ShapeEnds::of(counts.keys());
        let mut buffer = String::new();
        for (line, _) in lines.iter().zip(&candidate).filter(|(_, c)| **c) {
            if !ends.may_shape(&line.text) {
                continue;
            }
            shape_into(&line.text, &mut buffer);
            if let Some(count) = counts.get_mut(buffer.as_str()) {
                *count += 1;
            }
        }
    }
    let mut furniture_shapes: HashSet<String> = HashSet::new();
    for i in (0..lines.len()).filter(|&i| candidate[i]) {
        let on_edge = edges.contains(&i);
        let beside = !counts.is_empty() && beside_number(lines, i);
        if !on_edge && !beside {
            continue;
        }
        let key = shape(&lines[i].text);
        let on_edges = on_edge && edge_pages.get(&key).is_some_and(|p| p.len() >= 2);
        let by_number = beside && counts.get(&key).copied().unwrap_or(0) >= 2;
        if on_edges || by_number {
            furniture_shapes.insert(key);
        }
    }
    drop(edge_pages);
    drop(counts);
    let first = lines.iter().position(|l| !l.is_blank());
    let last = lines.iter().rposition(|l| !l.is_blank());
    let body_width = if removed_titled {
        body_width(lines)
    } else {
        widths_before
    };
    let mut buffer = String::new();
    for i in (0..lines.len()).filter(|&i| candidate[i]) {
        if lines[i].fake_bold {
            continue;
        }
        let recurring = !furniture_shapes.is_empty()
            && (edges.contains(&i)
                || Some(i) == first
                || Some(i) == last
                || next_to_page_number(lines, i)
                    && (stands_alone(lines, i) || touches_page_number(lines, i)))
            && {
                shape_into(&lines[i].text, &mut buffer);
                furniture_shapes.contains(buffer.as_str())
            };
        if recurring
            || beyond_page_number(lines, i, body_width)
            || opens_numbered_page(lines, i, body_width)
        {
            lines[i].removed = true;
            log.push(lines[i].range.clone(), "", Rule::RunningHeader);
        }
    }
    remove_closing_number(lines, log);
}

/// How a line sets a title beside its page number ([`title_and_page_number`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setting {
    /// At the two margins: a gap of two spaces or more between, the line
    /// three quarters of the body's width or wider.
    AtTheMargins,
    /// One space between, as an extractor that closes gaps writes it.
    Beside,
}

/// A line that holds a title at one end and a page number at the other,
/// and how it sets them ([`Setting`]).
///
/// ```text
/// Frequently Asked Questions about zlib                 3   → ("Frequently…zlib", 3, AtTheMargins)
/// Apache License                              Page 2        → ("Apache License", 2, AtTheMargins)
/// VCS Support Page 2                                        → ("VCS Support", 2, Beside)
/// -c  50                                                    → None (narrow: a cell)
/// ```
fn title_and_page_number<'l>(line: &'l Line<'_>, body_width: usize) -> Option<TitledNumber<'l>> {
    let text = crate::text::script::trim_white_space(&line.text);
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // The number a page number part holds, and whether it is decorated
    // (`Page 2`) rather than bare (`2`).
    let number_of = |part: &str| {
        // A bare number is told without the page number pattern.
        let bare = is_short_number(part);
        let decorated = !bare && is_page_number(part);
        (bare || decorated)
            .then(|| {
                let digits = part.trim_start_matches(|c: char| !c.is_ascii_digit());
                let end = digits
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(digits.len());
                digits[..end].parse::<u32>().ok()
            })
            .flatten()
            .map(|n| (n, decorated))
    };
    let titled = |title: &str| {
        has_letter(title)
            && !is_page_number(title)
            && !crate::text::script::ends_sentence(title)
            && !is_list_item(title)
    };
    let read = |left: &'l str, right: &'l str, setting: Setting| {
        let (title, (number, decorated)) = match (number_of(left), number_of(right)) {
            (None, Some(n)) if titled(left) => (left, n),
            (Some(n), None) if titled(right) => (right, n),
            _ => return None,
        };
        Some(TitledNumber {
            title,
            number,
            decorated,
            setting,
        })
    };
    if let Some(gap) = text.find("  ") {
        let (left, right) = (&text[..gap], text[gap..].trim_start());
        if right.contains("  ") || line.width * 4 < body_width * 3 {
            return None;
        }
        return read(left, right, Setting::AtTheMargins);
    }
    // One space: a number of its own at either end (`… 3`, `… Page 3`,
    // `… 3 of 9`), in a line no wider than a running title. The widest
    // page number there is read, at most four words (`Page 3 of 9`).
    if line.width > MAX_HEADER_WIDTH {
        return None;
    }
    let (first, last) = (text.split(' ').next()?, text.rsplit(' ').next()?);
    // The splits at the four spaces nearest the number's end, the widest
    // page number first.
    let split_near = |spaces: &mut dyn Iterator<Item = (usize, &str)>, number_last: bool| {
        let mut near = [0; 4];
        let mut count = 0;
        for (at, _) in spaces.take(near.len()) {
            near[count] = at;
            count += 1;
        }
        near[..count].iter().rev().find_map(|&at| {
            let (left, right) = (&text[..at], &text[at + 1..]);
            let number = if number_last { right } else { left };
            number_of(number).and_then(|_| read(left, right, Setting::Beside))
        })
    };
    if is_short_number(last) {
        if let Some(read) = split_near(&mut text.rmatch_indices(' '), true) {
            return Some(read);
        }
    }
    if is_short_number(first) {
        return split_near(&mut text.match_indices(' '), false);
    }
    None
}

/// A title beside a page number, as [`title_and_page_number`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TitledNumber<'l> {
    title: &'l str,
    number: u32,
    /// The number is a decorated page number (`Page 2`), not a bare one.
    decorated: bool,
    setting: Setting,
}

/// Removes each line that sets a title and a page number at the margins
/// ([`title_and_page_number`]) when its title recurs: a line of its own
/// elsewhere (the document's title), or more such lines whose numbers
/// count up. A line among others of its kind is a table's row, not
/// furniture, and stays. Returns whether it removed any line.
///
/// ```text
/// …and others.                                  …and others.
/// FAQ about zlib                    1     →     Where is the manual?
/// Where is the manual?                          …
/// …                                             (and `FAQ about zlib  2` later)
/// ```
fn remove_titled_page_numbers(lines: &mut [Line], body_width: usize, log: &mut EditLog) -> bool {
    // Most lines hold no digit; a line that sets a title beside a number
    // with one space has the number at an end.
    let may_hold = |l: &Line| {
        let bytes = l.text.as_bytes();
        l.is_shown()
            && (bytes.first().is_some_and(u8::is_ascii_digit)
                || bytes.last().is_some_and(u8::is_ascii_digit)
                || l.text.contains("  ") && bytes.iter().any(u8::is_ascii_digit))
    };
    if !lines.iter().any(may_hold) {
        return false;
    }
    let titled: Vec<(usize, TitledNumber)> = (0..lines.len())
        .filter(|&i| may_hold(&lines[i]))
        .filter_map(|i| title_and_page_number(&lines[i], body_width).map(|t| (i, t)))
        .collect();
    if titled.is_empty() {
        return false;
    }
    let alone_in_its_run = |k: usize| {
        // `titled` is in line order.
        let neighbour =
            |j: Option<usize>| j.is_some_and(|j| titled.binary_search_by_key(&j, |t| t.0).is_ok());
        let i = titled[k].0;
        let before = (0..i).rev().find(|&j| !lines[j].is_blank());
        let after = (i + 1..lines.len()).find(|&j| !lines[j].is_blank());
        !neighbour(before) && !neighbour(after)
    };
    let titles: HashSet<&str> = titled.iter().map(|t| t.1.title).collect();
    // Only a line as long as a title is hashed to look it up.
    let lengths: HashSet<usize> = titles.iter().map(|t| t.len()).collect();
    let printed_alone: HashSet<&str> = lines
        .iter()
        .filter(|l| l.is_shown())
        .map(|l| crate::text::script::trim_white_space(&l.text))
        .filter(|t| lengths.contains(&t.len()) && titles.contains(t))
        .collect();
    let mut numbers: HashMap<&str, Vec<u32>> = HashMap::new();
    for (_, t) in &titled {
        numbers.entry(t.title).or_default().push(t.number);
    }
    let counts_up = |title: &str| {
        numbers
            .get(title)
            .is_some_and(|n| n.len() >= 2 && n.is_sorted_by(|a, b| a < b))
    };
    let furniture = |i: usize, t: &TitledNumber| {
        let alone = printed_alone.contains(t.title);
        match t.setting {
            Setting::AtTheMargins => alone || counts_up(t.title),
            // Set beside the title, the number could be a heading's
            // (`Step 2`): the title must also be printed alone, the number
            // be a page's by its form or by counting up, and the line stand
            // in the flow of the text (not apart: text right above or below
            // it), as no block of repaired text does.
            Setting::Beside => {
                alone && (t.decorated || counts_up(t.title)) && !stands_alone(lines, i)
            }
        }
    };
    let remove: Vec<usize> = (0..titled.len())
        .filter(|&k| alone_in_its_run(k) && furniture(titled[k].0, &titled[k].1))
        .map(|k| titled[k].0)
        .collect();
    drop(titled);
    for &i in &remove {
        lines[i].removed = true;
        log.push(lines[i].range.clone(), "", Rule::RunningHeader);
    }
    !remove.is_empty()
}

/// With the furniture after it or before it gone, a number that is now
/// the document's last line, after a finished sentence, is its closing
/// page number too (as the repaired text, read again, shows it).
///
/// ```text
/// The text ends here.      The text ends here.
/// 12                   →
/// - 12 -
/// ```
fn remove_closing_number(lines: &mut [Line], log: &mut EditLog) {
    let mut kept = (0..lines.len()).rev().filter(|&j| lines[j].is_shown());
    let (Some(last), Some(before)) = (kept.next(), kept.next()) else {
        return;
    };
    let after_it = || lines[before + 1..].iter().any(|l| l.removed);
    if is_short_number(&lines[last].text) && lines[before].ends_sentence() && after_it() {
        lines[last].removed = true;
        log.push(lines[last].range.clone(), "", Rule::PageNumber);
    }
}

/// One to four ASCII digits.
fn is_short_number(text: &str) -> bool {
    !text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit())
}

/// The width body lines reach: the 90th percentile of the text lines.
fn body_width(lines: &[Line]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.is_shown())
        .map(|l| l.width)
        .collect();
    widths.sort_unstable();
    widths.get(widths.len() * 9 / 10).copied().unwrap_or(0)
}

/// Could the line be a running header or footer: shown, no wider than
/// [`MAX_HEADER_WIDTH`], with a letter (read from its measured classes),
/// ending no sentence, and not preformatted? The cheap questions are
/// asked first.
fn is_header_candidate(line: &Line) -> bool {
    !line.removed
        && !line.is_blank()
        && line.width <= MAX_HEADER_WIDTH
        && holds_letter(line.classes)
        && !line.ends_sentence()
        && !crate::layout::preformatted::line_looks_preformatted(line)
}

/// Where the running titles and footers start in `input`, sorted: the
/// lines among the first and last few of a page that could be furniture
/// and whose shape recurs at the edge of another page. Found on the raw
/// lines, before column detection reads the pages, so that it can leave
/// them out ([`crate::layout::columns::Piece::running_title`]): the repaired text
/// no longer holds them.
///
/// ```
/// use textmend::layout::furniture::running_title_rows;
/// let input = "Annual Report 2019\nText one.\n\u{c}Annual Report 2019\nText two.\n";
/// assert_eq!(running_title_rows(input), [0, 30]);
/// assert!(running_title_rows("Annual Report 2019\nText one.\n").is_empty());
/// ```
pub fn running_title_rows(input: &str) -> Vec<usize> {
    if !has_page_break(input) {
        return Vec::new();
    }
    let mut edges: Vec<(String, usize, usize)> = Vec::new();
    let mut page_start = 0;
    for (page, text) in input.split('\u{c}').enumerate() {
        for (start, line) in edge_rows(text) {
            if could_be_running_title(line) {
                edges.push((shape(line), page, page_start + start));
            }
        }
        page_start += text.len() + 1;
    }
    let mut pages: HashMap<&str, (usize, usize)> = HashMap::new();
    for (key, page, _) in &edges {
        let (count, last) = pages.entry(key.as_str()).or_insert((0, usize::MAX));
        if *last != *page {
            *count += 1;
            *last = *page;
        }
    }
    let mut starts: Vec<usize> = edges
        .iter()
        .filter(|(key, _, _)| {
            pages
                .get(key.as_str())
                .is_some_and(|&(count, _)| count >= 2)
        })
        .map(|&(_, _, start)| start)
        .collect();
    starts.sort_unstable();
    starts
}

/// The first and the last [`EDGE_LINES`] rows of a page's text that hold
/// text (all of them on a page of fewer), in order, each once: where each
/// starts in the page and its text trimmed. A page holds no form feed: its
/// rows are cut at the other breaks, as `split_inclusive` cuts them. Only
/// the rows at the page's edges are read, from its start and from its end.
fn edge_rows(page: &str) -> Vec<(usize, &str)> {
    let mut rows = Vec::new();
    // The page's start, up to the end of the rows read from it.
    let mut read = 0;
    for row in crate::text::line::split_inclusive_lines(page) {
        if rows.len() == EDGE_LINES {
            break;
        }
        let start = read;
        read += row.len();
        let text = row.trim();
        if !text.is_empty() {
            rows.push((start, text));
        }
    }
    // The page's end, back to the rows read from its start.
    let first = rows.len();
    let mut end = page.len();
    while rows.len() < first + EDGE_LINES && end > read {
        // The row that ends at `end`: after the break before its own.
        let body_end = match page[..end].chars().next_back() {
            Some(c) if crate::text::line::LINE_BREAKS.contains(&c) => end - c.len_utf8(),
            _ => end,
        };
        let start = page[..body_end]
            .char_indices()
            .rev()
            .find(|(_, c)| crate::text::line::LINE_BREAKS.contains(c))
            .map_or(0, |(at, c)| at + c.len_utf8());
        let text = page[start..end].trim();
        if !text.is_empty() {
            rows.push((start, text));
        }
        end = start;
    }
    rows[first..].reverse();
    rows
}

/// [`is_header_candidate`] for a raw line's text.
fn could_be_running_title(text: &str) -> bool {
    !crate::layout::preformatted::looks_preformatted(text)
        && crate::text::script::display_width(text) <= MAX_HEADER_WIDTH
        && has_letter(text)
        && !crate::text::script::ends_sentence(text)
}

/// Does a text of these classes hold a letter of any script ([`has_letter`])?
fn holds_letter(classes: ClassSet) -> bool {
    [
        CharClass::Han,
        CharClass::Kana,
        CharClass::Hangul,
        CharClass::Letter,
    ]
    .into_iter()
    .any(|class| classes.contains(class))
}

/// Does `text` hold a letter of any script: an ideograph, kana, Hangul or
/// a letter of an alphabet?
fn has_letter(text: &str) -> bool {
    text.chars().any(|c| {
        use crate::text::script::classify;
        matches!(
            classify(c),
            CharClass::Han | CharClass::Kana | CharClass::Hangul | CharClass::Letter
        )
    })
}

/// Indices of the first and last few non-blank lines of each page, as a
/// sorted list (binary-searchable through `contains`).
fn page_edges(lines: &[Line]) -> EdgeSet {
    let mut edges = Vec::new();
    let mut page_start = 0;
    for i in 0..=lines.len() {
        if i == lines.len() || (i > page_start && lines[i].page != lines[page_start].page) {
            let visible: Vec<usize> = (page_start..i).filter(|&j| !lines[j].is_blank()).collect();
            let n = visible.len();
            if n > 0 {
                edges.extend(visible.iter().take(EDGE_LINES.min(n)));
                edges.extend(visible.iter().skip(n.saturating_sub(EDGE_LINES)));
            }
            page_start = i;
        }
    }
    edges.sort_unstable();
    edges.dedup();
    // Only pages that border another page have edges worth checking.
    let single_page = lines.last().is_none_or(|l| l.page == 0);
    if single_page {
        edges.clear();
    }
    EdgeSet(edges)
}

struct EdgeSet(Vec<usize>);

impl EdgeSet {
    fn contains(&self, i: &usize) -> bool {
        self.0.binary_search(i).is_ok()
    }
}

impl<'a> IntoIterator for &'a EdgeSet {
    type Item = &'a usize;
    type IntoIter = std::slice::Iter<'a, usize>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Is there a removed page number within two non-blank lines of line `i`?
fn next_to_page_number(lines: &[Line], i: usize) -> bool {
    let near = |range: &mut dyn Iterator<Item = usize>| {
        range
            .filter(|&j| !lines[j].is_blank())
            .take(2)
            .any(|j| lines[j].removed && is_page_number_line(&lines[j]))
    };
    near(&mut (i + 1..lines.len())) || near(&mut (0..i).rev())
}

/// Is the line right before or after line `i` (blank lines aside) a
/// removed page number? A running title that recurs stands there even
/// when the extractor wrote no blank line around it (`…입니다.` / `그놈
/// 도움말` / `2 쪽`).
fn touches_page_number(lines: &[Line], i: usize) -> bool {
    let number =
        |j: Option<usize>| j.is_some_and(|j| lines[j].removed && is_page_number_line(&lines[j]));
    number((i + 1..lines.len()).find(|&j| !lines[j].is_blank()))
        || number((0..i).rev().find(|&j| !lines[j].is_blank()))
}

/// Is line `i` a running title printed once: narrower than the body text,
/// just above a page number with the page's edge or a blank line above it,
/// or just below one at the very end of a page?
fn beyond_page_number(lines: &[Line], i: usize, body_width: usize) -> bool {
    if lines[i].width * 4 > body_width * 3 || is_list_item(&lines[i].text) {
        return false;
    }
    let skip = |j: &usize| {
        let l = &lines[*j];
        !(l.is_blank() || l.removed && !is_page_number_line(l))
    };
    let before = (0..i).rev().find(skip);
    let after = (i + 1..lines.len()).find(skip);
    let is_number =
        |j: Option<usize>| j.is_some_and(|j| lines[j].removed && is_page_number_line(&lines[j]));
    let page_edge = |j: Option<usize>| j.is_none_or(|j| lines[j].page != lines[i].page);
    let blank_between = lines[before.map_or(0, |b| b + 1)..i]
        .iter()
        .any(Line::is_blank);
    let paged = lines.last().is_some_and(|l| l.page > 0);
    is_number(after) && (page_edge(before) || blank_between)
        || is_number(before) && paged && page_edge(after)
}

/// Is line `i` a running title printed once at the head of a page whose
/// header also holds the page's number: the page's first line, after a
/// page break, narrower than the body text, no section number, with a
/// removed page number among the page's first [`EDGE_LINES`] lines after
/// it and the page's text going on after that number (`⏎Debian
/// Reference` / `6.4` / `122 / 244` / `…`)? A header is written before
/// the body; a number at the page's foot, even of a short page, has no
/// text after it.
fn opens_numbered_page(lines: &[Line], i: usize, body_width: usize) -> bool {
    let page = lines[i].page;
    let opens_page = (0..i)
        .rev()
        .find(|&j| !lines[j].is_blank())
        .is_some_and(|j| lines[j].page != page);
    let mut rest = (i + 1..lines.len())
        .filter(|&j| !lines[j].is_blank())
        .take_while(|&j| lines[j].page == page);
    opens_page
        && lines[i].width * 4 <= body_width * 3
        && !crate::layout::segment::is_section_number(&lines[i].text)
        && !is_list_item(&lines[i].text)
        && rest
            .by_ref()
            .take(EDGE_LINES)
            .any(|j| lines[j].removed && is_page_number_line(&lines[j]))
        && rest.any(|j| !lines[j].removed)
}

/// Is line `i` set off from its neighbours (blank, removed or no line on
/// both sides), as a running title is, rather than part of a paragraph?
fn stands_alone(lines: &[Line], i: usize) -> bool {
    let apart = |j: Option<usize>| {
        j.and_then(|j| lines.get(j))
            .is_none_or(|l| l.is_blank() || l.removed)
    };
    apart(i.checked_sub(1)) && apart(Some(i + 1))
}

fn is_page_number_line(line: &Line) -> bool {
    is_page_number(&line.text) || is_bare_number(&line.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::line::{shown_texts, split_lines};

    #[test]
    fn a_letter_is_read_from_the_classes_as_from_the_text() {
        let texts = [
            "- 3 -",
            "第 3 版",
            "Page 3",
            "ページ",
            "한국",
            "12/24",
            "（）",
            "é",
            "",
        ];
        for text in texts {
            let classes = ClassSet::of(text);
            assert_eq!(holds_letter(classes), has_letter(text), "{text:?}");
        }
    }

    #[test]
    fn the_edge_rows_of_a_page_are_its_first_and_last_rows_with_text() {
        // Every row of the page read, then the first and last few kept.
        let read_whole = |page: &str| -> Vec<(usize, String)> {
            let mut at = 0;
            let rows: Vec<(usize, &str)> = page
                .split_inclusive(crate::text::line::LINE_BREAKS)
                .map(|row| {
                    let start = at;
                    at += row.len();
                    (start, row.trim())
                })
                .filter(|(_, row)| !row.is_empty())
                .collect();
            let n = rows.len();
            rows.iter()
                .enumerate()
                .filter(|&(v, _)| v < EDGE_LINES || v + EDGE_LINES >= n)
                .map(|(_, &(start, row))| (start, row.to_string()))
                .collect()
        };
        let rows = [
            "Title", "", "  ", "one", "two\r", "三", "", "four", "five", "六 七", "\u{2028}",
        ];
        for n in 0..=rows.len() {
            for ending in ["\n", "\r\n", "\r", "\u{2029}"] {
                for last in ["", ending] {
                    let page = format!("{}{last}", rows[..n].join(ending));
                    let edges: Vec<(usize, String)> = edge_rows(&page)
                        .into_iter()
                        .map(|(start, row)| (start, row.to_string()))
                        .collect();
                    assert_eq!(edges, read_whole(&page), "{page:?}");
                }
            }
        }
    }

    #[test]
    fn a_line_passed_over_by_the_shape_ends_has_none_of_the_shapes() {
        let texts = [
            "Page 12",
            "Page 3",
            "12 Page",
            "Page",
            "3",
            "12",
            "Annual Report 2019",
            "a",
            "第 3 版",
            "",
            "- 7 -",
            "Page x",
        ];
        let shapes: Vec<String> = ["Page 1", "2", "第 9 版"]
            .iter()
            .map(|t| shape(t))
            .collect();
        let ends = ShapeEnds::of(&shapes);
        for text in texts {
            if shapes.contains(&shape(text)) {
                assert!(ends.may_shape(text), "{text:?}");
            }
        }
        assert!(!ends.may_shape("Page x") && !ends.may_shape("12 Page"));
    }

    fn kept(input: &str) -> Vec<String> {
        let mut log = EditLog::default();
        let mut lines = split_lines(input, &mut log);
        remove_furniture(&mut lines, &mut log);
        shown_texts(lines)
    }

    #[test]
    fn a_title_and_its_page_number_at_the_margins_go_when_the_title_recurs() {
        let body = "The library compresses data in memory and in files, and it\nreads the formats that other tools write, so most users need\nnothing else.";
        let footer = |n: u32| format!("Questions about the library{}{n}", " ".repeat(30));
        // Counting up, without page breaks between.
        let input = format!("{body}\n{}\nMore text.\n{body}\n{}\n", footer(1), footer(2));
        let out = kept(&input);
        assert!(out.iter().all(|l| !l.starts_with("Questions")), "{out:?}");
        // Once, with the title printed as a line of its own.
        let input = format!("Questions about the library\n{body}\n{}\n{body}", footer(4));
        assert_eq!(kept(&input).len(), 7, "{:?}", kept(&input));
        // Once, with the title nowhere else: a line of the text.
        let input = format!("{body}\n{}\n{body}", footer(4));
        assert_eq!(kept(&input).len(), 7, "{:?}", kept(&input));
        // Numbers that do not count up, and rows of a table, stay.
        let input = format!("{body}\n{}\n{body}\n{}\n", footer(2), footer(1));
        assert_eq!(kept(&input).len(), 8, "{:?}", kept(&input));
        let input = format!(
            "Questions about the library\n{body}\n{}\n{}\n",
            footer(1),
            footer(2)
        );
        assert_eq!(kept(&input).len(), 6, "{:?}", kept(&input));
    }

    #[test]
    fn a_title_beside_its_page_number_goes_when_it_stands_alone_too() {
        let body = "The library compresses data in memory and in files.\nMore text.";
        // One space between: the title must also stand alone elsewhere,
        // and the number count up or be a decorated one.
        let input =
            format!("Library Notes\n{body}\nLibrary Notes 1\n{body}\nLibrary Notes 2\n{body}");
        assert_eq!(kept(&input).len(), 7, "{:?}", kept(&input));
        let input = format!("Library Notes\n{body}\nLibrary Notes Page 4\n{body}");
        assert_eq!(kept(&input).len(), 5, "{:?}", kept(&input));
        // Headings that number their steps, and a number seen once.
        let input = format!("{body}\nStep 1\n{body}\nStep 2\n{body}");
        assert_eq!(kept(&input).len(), 8, "{:?}", kept(&input));
        let input = format!("Library Notes\n{body}\nLibrary Notes 4\n{body}");
        assert_eq!(kept(&input).len(), 6, "{:?}", kept(&input));
        // A block of repaired text, set apart by blank lines, is no footer
        // written into the flow of the text.
        let input = format!("Library Notes\n\n{body}\n\nLibrary Notes Page 4\n\n{body}");
        assert!(kept(&input).iter().any(|l| l == "Library Notes Page 4"));
    }

    #[test]
    fn only_a_title_and_a_page_number_as_wide_as_the_body_are_read_as_one() {
        let read = |text: &str, body_width: usize| {
            let mut log = EditLog::default();
            let lines = split_lines(text, &mut log);
            title_and_page_number(&lines[0], body_width).map(|t| (t.title.to_owned(), t.number))
        };
        let zlib = "Frequently Asked Questions about zlib                3";
        assert_eq!(
            read(zlib, 60),
            Some(("Frequently Asked Questions about zlib".into(), 3))
        );
        let apache = "Apache License                                   Page 2";
        assert_eq!(read(apache, 60), Some(("Apache License".into(), 2)));
        assert_eq!(
            read("VCS Support Page 2", 60),
            Some(("VCS Support".into(), 2))
        );
        assert_eq!(read("3 GnuPG-Hilfe", 60), Some(("GnuPG-Hilfe".into(), 3)));
        let left = "12                                   Annual Report";
        assert_eq!(read(left, 50), Some(("Annual Report".into(), 12)));
        // A cell and its value, a row of three cells, a sentence, an item.
        assert_eq!(read("-c  50", 60), None);
        assert_eq!(read("bash        998         7175", 30), None);
        assert_eq!(
            read("The tool was written.                      3", 44),
            None
        );
        assert_eq!(
            read("• Install the tool                         3", 44),
            None
        );
    }

    #[test]
    fn decorated_page_numbers_go() {
        assert_eq!(
            kept("前文。\n正文第一行\n- 3 -\n正文第二行"),
            ["前文。", "正文第一行", "正文第二行"]
        );
        assert_eq!(
            kept("Some text.\nPage 3 of 9\nmore"),
            ["Some text.", "more"]
        );
        assert_eq!(kept("文字一。\n第 3 版\n文字二"), ["文字一。", "文字二"]);
    }

    #[test]
    fn numbers_in_the_text_stay() {
        assert_eq!(
            kept("Steps:\n12.\n2019\nend"),
            ["Steps:", "12.", "2019", "end"]
        );
    }

    #[test]
    fn bare_numbers_at_page_edges_go() {
        assert_eq!(
            kept("Body one.\n12\n\u{c}Body two.\n13\n\u{c}Body three."),
            ["Body one.", "Body two.", "Body three."]
        );
    }

    #[test]
    fn a_bare_number_closing_the_document_goes() {
        let body = "リモートデスクトップの本文は、見出しよりずっと長い行で組まれています。";
        assert_eq!(kept(&format!("Debian リファレンス\n1\n{body}")), [body]);
        // Set apart from the title, a bare number may be a chapter number.
        assert_eq!(
            kept("Debian リファレンス\n\n1\n\nリモートデスクトップ\n本文。"),
            ["Debian リファレンス", "1", "リモートデスクトップ", "本文。"]
        );
        assert_eq!(
            kept("Chapter text ends here.\n\n12"),
            ["Chapter text ends here."]
        );
        assert_eq!(
            kept("1\nIntroduction\nThe text."),
            ["1", "Introduction", "The text."]
        );
    }

    #[test]
    fn a_number_left_last_by_the_furniture_after_it_goes() {
        let closing = |input: &str| {
            let mut log = EditLog::default();
            let mut lines = split_lines(input, &mut log);
            // The running title below the number was found as furniture.
            if let Some(last) = lines.last_mut() {
                last.removed = true;
            }
            remove_closing_number(&mut lines, &mut log);
            shown_texts(lines)
        };
        assert_eq!(
            closing("The text ends here.\n12\nAnnual Report"),
            ["The text ends here."]
        );
        // After a sentence that goes on, a number may be text.
        assert_eq!(
            closing("The text goes on\n12\nAnnual Report"),
            ["The text goes on", "12"]
        );
        // Furniture found between the sentence and the number counts too.
        let mut log = EditLog::default();
        let mut lines = split_lines("The text ends here.\nAnnual Report\n12", &mut log);
        lines[1].removed = true;
        remove_closing_number(&mut lines, &mut log);
        assert_eq!(shown_texts(lines), ["The text ends here."]);
    }

    #[test]
    fn running_headers_go_but_a_line_seen_once_stays() {
        let input = "Annual Report\nfirst page text\n\u{c}Annual Report\nsecond page text\n\u{c}Closing words";
        assert_eq!(
            kept(input),
            ["first page text", "second page text", "Closing words"]
        );
        assert_eq!(
            kept("Annual Report\nonly page text"),
            ["Annual Report", "only page text"]
        );
    }

    #[test]
    fn a_title_opening_a_page_whose_header_holds_its_number_goes_even_once() {
        let body = "The end of the text on this page, as wide as a line of it.";
        assert_eq!(
            kept(&format!(
                "{body}\n\u{c}Backup Handbook\n4.2\n17 / 120\nRestoring files\n{body}"
            )),
            [body, "4.2", "Restoring files", body]
        );
        // The page's number at its foot says nothing of its first line,
        // however short the page.
        assert_eq!(
            kept(&format!("{body}\n\u{c}Restoring files\n{body}\n17 / 120")),
            [body, "Restoring files", body]
        );
    }

    #[test]
    fn a_title_outside_its_page_number_goes_even_once() {
        assert_eq!(
            kept(
                "Debian Reference\nPage 1\nThe shell prompt\nThe shell prompt\nBody text here, as wide as the lines of a page are."
            ),
            [
                "The shell prompt",
                "The shell prompt",
                "Body text here, as wide as the lines of a page are."
            ]
        );
        assert_eq!(
            kept(
                "The end of the text on this page, as wide as a line.\n\nAnnual Report\n\n12 / 40\n\nSection"
            ),
            [
                "The end of the text on this page, as wide as a line.",
                "Section"
            ]
        );
        assert_eq!(
            kept("Intro line\nHeading\n- 3 -\nbody"),
            ["Intro line", "Heading", "body"]
        );
    }

    #[test]
    fn a_recurring_title_goes_right_above_a_page_number_without_blank_lines() {
        let input = "Manual\n1 / 2\nFirst page text, which goes on\nand ends here.\nManual\n2 / 2\nSecond page text.";
        assert_eq!(
            kept(input),
            [
                "First page text, which goes on",
                "and ends here.",
                "Second page text."
            ]
        );
        // Seen once, a line above a page number inside a paragraph stays.
        let input = "Intro text that goes on\nManual\n2 / 2\nSecond page text.";
        assert_eq!(
            kept(input),
            ["Intro text that goes on", "Manual", "Second page text."]
        );
    }

    #[test]
    fn a_list_item_above_a_page_number_is_no_running_title() {
        let input =
            "Connect it through one of these.\n\n• USB\n\n• PC Card\n\n12 / 40\n\u{c}More text.";
        assert_eq!(
            kept(input),
            [
                "Connect it through one of these.",
                "• USB",
                "• PC Card",
                "More text."
            ]
        );
        // Without its marker, the same line is the page's running title.
        let input = input.replace("• PC Card", "PC Card");
        assert_eq!(
            kept(&input),
            ["Connect it through one of these.", "• USB", "More text."]
        );
    }

    #[test]
    fn header_next_to_a_page_number_goes_when_it_recurs() {
        let input =
            "Debian Reference\n\nintro\nbody text.\n\nDebian Reference\n\n184 / 233\n\nmore text.";
        assert_eq!(kept(input), ["intro", "body text.", "more text."]);
    }
}
