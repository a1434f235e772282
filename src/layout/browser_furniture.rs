//! A browser's print furniture: the time stamp, the page's address and
//! `n/N` that a web browser prints at the edges of every page of a page
//! it saves as PDF.
//!
//! ```text
//! 12/4/26, 2:25 PM                     Links
//! Links                                There are two methods…
//! There are two methods…        →
//! file:///home/ann/doc.html            (time stamp, address and page
//! 1/1                                   number go; the heading stays)
//! ```
//!
//! The three confirm one another, so that each is recognised by its shape
//! alone wherever the extractor put it (at the page's top, after the
//! page's last paragraph, between two columns): the lines that are only
//! `n/N` number the pages 1 to N in order, and then the lines that are
//! only a time stamp, and the lines that are only an address, are the
//! furniture when each comes once per page, the same text every time. The
//! page's title, printed once next to the time stamp, cannot be told from
//! a heading and stays, unless the extractor wrote it on the time stamp's
//! own row (`12/4/26, 2:25 PM      Manual`) or right between the time
//! stamp and the address, with nothing else there.
//!
//! Refused: a date or an address that is part of a line of text, or that
//! the text holds as often as there are pages without the page numbers
//! that confirm them, and any of them when their counts disagree (one more
//! web address in a listing keeps every web address; a local file's
//! address, `file:///…`, is the saved page's own and still goes). An
//! extractor that keeps a row whole (`12/4/26, 2:25 PM      Manual`,
//! `file:///…/doc.html      1/2`) gives the same shapes at the row's start.
//!
//! `O(n)` in the number of lines.

use crate::text::edit::{EditLog, Rule};
use crate::text::line::Line;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A date with a time, as browsers print it in the locales they support:
/// `12/4/26, 2:25 PM`, `04.12.26, 14:25`, `2026/12/4 14:25`,
/// `2026/12/4 下午2:25`, `26. 12. 4. 오후 2:25`.
static TIME_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
          \d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{1,4}\.?,?\s+
          (?:(?:上午|下午|午前|午後|오전|오후)\s*)?
          \d{1,2}:\d{2}(?::\d{2})?
          (?:\s*[AaPp]\.?\s?[Mm]\.?)?
        $",
    )
    .expect("time stamp pattern is valid")
});

/// An address with its scheme, alone on the line.
static ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:file|https?)://\S+$").expect("address pattern is valid"));

/// A browser's page number: `n/N`.
static PAGE_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4})/(\d{1,4})$").expect("page number pattern is valid"));

/// True when `text` is a print time stamp.
///
/// ```
/// use textmend::layout::browser_furniture::is_time_stamp;
/// assert!(is_time_stamp("12/4/26, 2:25 PM"));
/// assert!(is_time_stamp("2026/12/4 14:25"));
/// assert!(!is_time_stamp("On 12/4/26, 2:25 PM the build failed."));
/// assert!(!is_time_stamp("12/4/26"));
/// ```
pub fn is_time_stamp(text: &str) -> bool {
    text.len() <= 32 && TIME_STAMP.is_match(text)
}

/// Marks the browser's time stamp and address lines `removed` when the
/// page numbers confirm them (see the module documentation), and logs
/// each removal. The `n/N` lines themselves are page numbers, which the
/// furniture stage removes wherever they stand.
/// `input` is the text the lines' ranges point into: a title that the
/// extractor wrote on the time stamp's own row, across the page from it
/// (`12/4/26, 2:25 PM      Links`), goes with it.
pub fn remove_browser_furniture(input: &str, lines: &mut [Line], log: &mut EditLog) {
    let visible = Line::is_shown;
    let texts: Vec<Option<&str>> = lines
        .iter()
        .map(|l| (!l.removed).then_some(&*l.text))
        .collect();
    let Some(pages) = numbered_pages(lines.iter().filter(|l| visible(l)).map(|l| &*l.text)) else {
        return;
    };
    let (stamps, addresses) = stamps_and_addresses(&texts, pages);
    let mut titles = Vec::new();
    if let Some(stamps) = &stamps {
        // Where each line's text starts, to find what follows a time
        // stamp on its own row.
        let starts: HashMap<usize, usize> = (0..lines.len())
            .map(|j| (lines[j].content.start, j))
            .collect();
        for &stamp in stamps {
            let end = lines[stamp].content.end;
            let gap = input.get(end..).map_or(0, |rest| {
                rest.len() - rest.trim_start_matches([' ', '\t']).len()
            });
            if let Some(&title) = starts.get(&(end + gap)) {
                if gap > 0 && visible(&lines[title]) {
                    titles.push(title);
                }
            }
        }
    }
    if let (Some(stamps), Some(addresses)) = (&stamps, &addresses) {
        // The title, put right between the two.
        for (&stamp, &address) in stamps.iter().zip(addresses) {
            let between: Vec<usize> = (stamp + 1..address.max(stamp + 1))
                .filter(|&j| visible(&lines[j]))
                .collect();
            if let [title] = between[..] {
                if !lines[title].ends_sentence() {
                    titles.push(title);
                }
            }
        }
    }
    for i in stamps.into_iter().chain(addresses).flatten().chain(titles) {
        lines[i].removed = true;
        log.push(lines[i].range.clone(), "", Rule::RunningHeader);
    }
}

/// N, when the lines that are only `n/N` are `1/N`, `2/N`, … `N/N` in
/// order.
fn numbered_pages<'a>(texts: impl Iterator<Item = &'a str>) -> Option<usize> {
    let mut seen = 0;
    let mut total = None;
    for text in texts {
        // On its own, or across the page from the address.
        let (start, rest) = row_start(text);
        let number = match rest {
            Some(rest) if ADDRESS.is_match(start) => rest,
            _ => text,
        };
        let Some(caps) = may_number_page(number)
            .then(|| PAGE_OF.captures(number))
            .flatten()
        else {
            continue;
        };
        let number = |k: usize| caps.get(k).and_then(|m| m.as_str().parse::<usize>().ok());
        let (Some(n), Some(of)) = (number(1), number(2)) else {
            return None;
        };
        if n != seen + 1 || total.is_some_and(|t| t != of) {
            return None;
        }
        seen = n;
        total = Some(of);
    }
    total.filter(|&t| t == seen && t > 0)
}

/// Could `text` be `n/N` ([`PAGE_OF`])? A cheap test in front of the
/// pattern's, which nearly every line fails: the pattern's eight digits at
/// most (of four bytes at most each) and its slash.
fn may_number_page(text: &str) -> bool {
    text.len() <= 8 * 4 + 1 && text.contains('/')
}

/// A row's text up to its first gap of two or more spaces, and what the
/// row holds across that gap (the extractor kept the row's parts apart).
fn row_start(text: &str) -> (&str, Option<&str>) {
    match crate::text::line::find_double_space(text) {
        Some(at) => (&text[..at], Some(text[at..].trim())),
        None => (text, None),
    }
}

/// The time stamp lines and the address lines among `texts` (`None` for a
/// line already removed), each when there is one per page of `pages`.
fn stamps_and_addresses(
    texts: &[Option<&str>],
    pages: usize,
) -> (Option<Vec<usize>>, Option<Vec<usize>>) {
    let stamps = once_per_page(texts, pages, |t| is_time_stamp(row_start(t).0));
    let address_row = |t: &str| {
        let (start, rest) = row_start(t);
        ADDRESS.is_match(start) && rest.is_none_or(|r| PAGE_OF.is_match(r))
    };
    // A local file's address is what a browser prints for a saved page;
    // the text's own addresses are web addresses.
    let addresses = once_per_page(texts, pages, address_row)
        .or_else(|| once_per_page(texts, pages, |t| address_row(t) && t.starts_with("file://")));
    (stamps, addresses)
}

/// The lines whose text `is_it`, when there is one per page and they all
/// read the same.
fn once_per_page(
    texts: &[Option<&str>],
    pages: usize,
    is_it: impl Fn(&str) -> bool,
) -> Option<Vec<usize>> {
    let found: Vec<usize> = (0..texts.len())
        .filter(|&i| texts[i].is_some_and(&is_it))
        .collect();
    let first = texts[*found.first()?];
    (found.len() == pages && found.iter().all(|&i| texts[i] == first)).then_some(found)
}

/// Where the rows of the raw input that hold a browser's time stamp or
/// address start (sorted): column detection, which reads rows before any
/// line is removed, takes no evidence from them, as from any running title
/// ([`crate::layout::furniture::running_title_rows`]). A row that `-layout` text
/// kept whole (`12/4/26, 2:25 PM      Title`) crosses every gutter.
pub fn furniture_rows(input: &str) -> Vec<usize> {
    if !input.contains("://") {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut texts = Vec::new();
    let mut at = 0;
    for row in crate::text::line::split_inclusive_lines(input) {
        let text = row.trim();
        if !text.is_empty() {
            starts.push(at);
            texts.push(Some(text));
        }
        at += row.len();
    }
    let Some(pages) = numbered_pages(texts.iter().flatten().copied()) else {
        return Vec::new();
    };
    let (stamps, addresses) = stamps_and_addresses(&texts, pages);
    let mut rows: Vec<usize> = stamps
        .into_iter()
        .chain(addresses)
        .flatten()
        .map(|i| starts[i])
        .collect();
    rows.sort_unstable();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::line::{shown_texts, split_lines};

    fn kept(input: &str) -> Vec<String> {
        let mut log = EditLog::default();
        let mut lines = split_lines(input, &mut log);
        remove_browser_furniture(input, &mut lines, &mut log);
        shown_texts(lines)
    }

    #[test]
    fn raw_rows_of_the_furniture_are_found_before_columns_are_read() {
        let input = "12/4/26, 2:25 PM          Manual\nleft text      right text\nfile:///tmp/doc.html      1/1\n";
        assert_eq!(furniture_rows(input), [0, 59]);
        assert_eq!(&input[59..63], "file");
        // Without page numbers that confirm them, nothing.
        assert!(furniture_rows("12/4/26, 2:25 PM\nfile:///tmp/doc.html\n").is_empty());
    }

    #[test]
    fn time_stamps_in_several_locales() {
        for s in [
            "12/4/26, 2:25 PM",
            "04/12/2026, 14:25",
            "04.12.26, 14:25",
            "2026/12/4 14:25",
            "2026/12/4 下午2:25",
            "26. 12. 4. 오후 2:25",
        ] {
            assert!(is_time_stamp(s), "{s}");
        }
    }

    #[test]
    fn one_page_printed_by_a_browser() {
        let input = "12/4/26, 2:25 PM\n\nLinks\n\nA file has two names.\n\nfile:///home/ann/doc.html\n\n1/1\n";
        assert_eq!(kept(input), ["Links", "A file has two names.", "1/1"]);
    }

    #[test]
    fn every_page_in_one_run_with_the_title_between() {
        let input = "First page text\n12/4/26, 2:25 PM\nManual\nfile:///tmp/doc.html\n1/2\nSecond page text.\n12/4/26, 2:25 PM\nManual\nfile:///tmp/doc.html\n2/2\n";
        assert_eq!(
            kept(input),
            ["First page text", "1/2", "Second page text.", "2/2"]
        );
    }

    #[test]
    fn dates_and_addresses_of_the_text_stay() {
        // No page numbers to confirm them.
        let input = "Released on\n12/4/26, 2:25 PM\nSee\nhttps://example.org/notes\n";
        assert_eq!(kept(input).len(), 4);
        // An address in a listing besides the furniture: the counts disagree.
        let input = "12/4/26, 2:25 PM\nMirrors:\nhttps://example.org/debian\nhttps://example.org/doc.html\n1/1\n";
        assert_eq!(
            kept(input),
            [
                "Mirrors:",
                "https://example.org/debian",
                "https://example.org/doc.html",
                "1/1"
            ]
        );
        // A local file's address is the saved page's own.
        let input = input.replace("https://example.org/doc.html", "file:///tmp/doc.html");
        assert_eq!(
            kept(&input),
            ["Mirrors:", "https://example.org/debian", "1/1"]
        );
        // Page numbers out of order are not a browser's.
        let input = "12/4/26, 2:25 PM\nText.\n2/2\n1/2\n";
        assert_eq!(kept(input).len(), 4);
    }

    #[test]
    fn rows_kept_whole() {
        let input = "12/4/26, 2:25 PM      Manual\nLinks\nText.\nfile:///tmp/doc.html      1/1\n";
        assert_eq!(kept(input), ["Links", "Text."]);
        // A date at the end of a row is the row's.
        let input = "Built      12/4/26, 2:25 PM\nfile:///tmp/doc.html      1/1\n";
        assert_eq!(kept(input), ["Built      12/4/26, 2:25 PM"]);
    }

    #[test]
    fn a_title_on_the_time_stamps_row_goes_with_it() {
        // Column detection splits the row `12/4/26, 2:25 PM ⇥ Manual` into
        // two lines; here the lines are split by hand, and the input they
        // point into holds the row.
        let row = "12/4/26, 2:25 PM Manual\nLinks\nfile:///tmp/doc.html\n1/1\n";
        let split = "12/4/26, 2:25 PM\nManual\nLinks\nfile:///tmp/doc.html\n1/1\n";
        let mut log = EditLog::default();
        let mut lines = split_lines(split, &mut log);
        remove_browser_furniture(row, &mut lines, &mut log);
        let kept: Vec<&str> = lines
            .iter()
            .filter(|l| l.is_shown())
            .map(|l| l.text.as_ref())
            .collect();
        assert_eq!(kept, ["Links", "1/1"]);
        // On a row of its own, the title is a heading as far as anyone can tell.
        let input = "12/4/26, 2:25 PM\nManual\nLinks\nfile:///tmp/doc.html\n1/1\n";
        let mut lines = split_lines(input, &mut log);
        remove_browser_furniture(input, &mut lines, &mut log);
        assert!(!lines[1].removed);
    }
}
