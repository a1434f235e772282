//! The inputs the benches measure, generated the same way on every run:
//! the seed page repeated, an English book, the development corpus, and
//! degenerate shapes.

use std::path::Path;

pub const MIB: usize = 1 << 20;

/// `text` repeated (whole copies, each ending in a newline) to at least `size` bytes.
pub fn repeat_to(text: &str, size: usize) -> String {
    let mut unit = text.to_string();
    if !unit.ends_with('\n') {
        unit.push('\n');
    }
    let mut out = String::with_capacity(size + unit.len());
    while out.len() < size {
        out.push_str(&unit);
    }
    out
}

/// The largest char boundary of `text` at or below `at`.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// A small deterministic generator (xorshift64*), so every run benches the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "a",
    "to",
    "in",
    "is",
    "that",
    "it",
    "was",
    "for",
    "on",
    "with",
    "as",
    "his",
    "they",
    "at",
    "be",
    "this",
    "from",
    "have",
    "or",
    "by",
    "one",
    "had",
    "not",
    "but",
    "what",
    "all",
    "were",
    "when",
    "we",
    "there",
    "can",
    "an",
    "your",
    "which",
    "their",
    "said",
    "information",
    "extraordinary",
    "manuscript",
    "reflowing",
    "paragraph",
    "typesetting",
    "government",
    "understanding",
    "development",
    "particularly",
    "environmental",
    "river",
    "mountain",
    "library",
    "evening",
    "question",
    "character",
    "remember",
    "important",
    "children",
    "different",
    "following",
    "something",
    "thought",
    "beginning",
    "together",
];

/// An English book: paragraphs of sentences wrapped at 72 columns, long
/// words hyphenated at line ends, 45 lines to a page, each page ending in
/// a page number and a form feed, and a running header on top.
pub fn book(size: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(size + 4096);
    let mut line = String::new();
    let (mut lines_on_page, mut page) = (0, 1);
    let mut emit = |out: &mut String, line: &mut String, lines_on_page: &mut usize| {
        if *lines_on_page == 0 {
            out.push_str("THE HISTORY OF REFLOWED TEXT\n\n");
        }
        out.push_str(line);
        out.push('\n');
        line.clear();
        *lines_on_page += 1;
        if *lines_on_page == 45 {
            out.push_str(&format!("\n- {page} -\n\u{c}"));
            page += 1;
            *lines_on_page = 0;
        }
    };
    while out.len() < size {
        for _ in 0..3 + rng.below(8) {
            let words = 6 + rng.below(14);
            for i in 0..words {
                let mut word = WORDS[rng.below(WORDS.len())].to_string();
                if i == 0 {
                    word[..1].make_ascii_uppercase();
                }
                if i + 1 == words {
                    word.push(if rng.below(6) == 0 { '?' } else { '.' });
                } else if rng.below(9) == 0 {
                    word.push(',');
                }
                let room = 72usize.saturating_sub(line.len() + 1);
                if line.len() + 1 + word.len() > 72 {
                    if word.len() >= 8 && room >= 4 {
                        let cut = room - 1;
                        line.push(' ');
                        line.push_str(&word[..cut]);
                        line.push('-');
                        word = word[cut..].to_string();
                    }
                    emit(&mut out, &mut line, &mut lines_on_page);
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
            }
        }
        emit(&mut out, &mut line, &mut lines_on_page);
        out.push('\n');
    }
    out
}

/// The seed fixture, a page of a Chinese newspaper as an extractor gave it.
pub fn seed() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed/raw.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The development corpus's raw texts, concatenated (None when absent).
pub fn dev_corpus() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".raw.txt"))
        .collect();
    paths.sort();
    let mut out = String::new();
    for path in paths {
        out.push_str(&std::fs::read_to_string(path).ok()?);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Generates an input of about the given size in bytes.
pub type Shape = fn(usize) -> String;

/// Degenerate inputs, each generated at any size.
pub const WORST_CASES: &[(&str, Shape)] = &[
    ("giant_line", giant_line),
    ("empty_lines", |size| "\n".repeat(size)),
    ("one_char", |size| "不".repeat(size / 3)),
    ("near_duplicates", near_duplicates),
    ("nested_duplication", nested_duplication),
    ("form_feed_pages", form_feed_pages),
    // Every token one letter: a run of spaced letters that never closes up.
    ("spaced_letters", |size| "a ".repeat(size / 2)),
    // Every line a word broken by a hyphen: one long word once joined.
    ("hyphenated_lines", |size| "ab-\n".repeat(size / 4)),
    // A short line of mojibake on every line: a fix per line to map back.
    ("mojibake_lines", |size| {
        "the cafÃ© is open\n".repeat(size / 19)
    }),
    // Characters that normalization removes, with nothing between them.
    ("invisible_run", |size| "\u{ad}\u{200b}".repeat(size / 5)),
    // Short lines that end no sentence, each written twice: every pair is
    // weighed as a heading's copies, with the lines before it.
    ("short_lines_twice", short_lines_twice),
];

/// `w0⏎w0⏎w1⏎w1⏎…`: short unpunctuated lines, each written twice.
pub fn short_lines_twice(size: usize) -> String {
    let mut out = String::with_capacity(size + 32);
    let mut i = 0usize;
    while out.len() < size {
        let line = format!("w{i}\n");
        out.push_str(&line);
        out.push_str(&line);
        i += 1;
    }
    out
}

/// One line of mixed Latin and CJK prose, with no line break at all.
pub fn giant_line(size: usize) -> String {
    let unit = "The committee met on Tuesday, and 鄂尔多斯市委书记牛俊雁 spoke about 主题教育. ";
    let mut out = unit.repeat(size / unit.len() + 1);
    out.truncate(floor_char_boundary(&out, size));
    out
}

/// Lines that each differ from the one before in a single character:
/// tempting for fake-bold and running-header detection, never equal.
pub fn near_duplicates(size: usize) -> String {
    let base: Vec<char> = "不忘初心牢记使命主题教育开展以来全市动员部署"
        .chars()
        .collect();
    let mut out = String::with_capacity(size + 128);
    let mut i = 0usize;
    while out.len() < size {
        let mut line = base.clone();
        let at = i % line.len();
        line[at] = char::from_u32(0x4E00 + (i % 20_000) as u32).unwrap_or('一');
        out.extend(line);
        out.push('\n');
        i += 1;
    }
    out
}

/// One line that is a word drawn twice, that drawn twice, and so on
/// (`不忘不忘不忘不忘…`): every prefix looks like fake bold.
pub fn nested_duplication(size: usize) -> String {
    let mut out = String::from("不忘");
    while out.len() * 2 <= size {
        out = out.repeat(2);
    }
    let rest = size - out.len();
    let tail = out[..floor_char_boundary(&out, rest)].to_string();
    out.push_str(&tail);
    out.push('\n');
    out
}

/// Pages of one line each, separated by form feeds.
pub fn form_feed_pages(size: usize) -> String {
    let mut out = String::with_capacity(size + 64);
    let mut page = 1;
    while out.len() < size {
        out.push_str(&format!(
            "主题教育开展以来，全市动员部署，扎实推进。第{page}页\n\u{c}"
        ));
        page += 1;
    }
    out
}
