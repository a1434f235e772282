//! Properties of `repair` that hold for every input: it never panics, its
//! output obeys the output contract, it is idempotent, it never invents
//! text, and every edit and block range points into the input.
//!
//! Two kinds of input: arbitrary Unicode strings (weighted towards the
//! characters textmend repairs), and text shaped like an extractor's
//! output (CJK, Latin and Hangul lines, blank lines, fake-bold headings,
//! form feeds, page numbers, hyphenated line ends, indentation).
//!
//! The case count is kept low so `cargo test` stays fast in debug builds;
//! `TEXTMEND_PROPTEST_CASES=10000 cargo test --release --test properties`
//! runs more.

use proptest::prelude::*;
use std::collections::HashMap;
use textmend::{BlockKind, Config, Repaired, repair, repair_with};

/// 64 cases a property in `cargo test`; `TEXTMEND_PROPTEST_CASES=5000`
/// for a longer hunt.
fn cases() -> u32 {
    std::env::var("TEXTMEND_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

/// A failure's seed is written to `tests/properties.proptest-regressions`
/// and every later run tries the seeds kept there first, so an input that
/// a long hunt found once is not lost when the next run does not meet it.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::with_cases(cases())
    }
}

// ---------------------------------------------------------------- inputs

/// Characters that some repair looks at, to make arbitrary strings hit the
/// rules more often than uniformly random code points would.
const SPECIAL: &[char] = &[
    '\n', '\n', '\n', '\r', '\u{c}', '\t', ' ', ' ', ' ', '\u{3000}', '\u{A0}', '\u{AD}',
    '\u{200B}', '\u{FEFF}', '\u{2028}', '\u{2029}', '\u{FB01}', '\u{FB00}', '⋯', '…', '-', '—',
    '.', '。', '，', '、', '：', '“', '”', '（', '）', '⼀', '⼈', '⾦', '不', '忘', '初', '心',
    'a', 'b', 'A', '1', '3', '한', '국', 'ア', '•', '$', '{', '}', ';', '#', 'Ã', '©', 'Ö', '÷',
];

fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        4 => prop::sample::select(SPECIAL),
        2 => prop::char::range('\u{4E00}', '\u{4E40}'),
        1 => prop::char::range('a', 'z'),
    ]
}

/// Arbitrary Unicode, biased towards the characters textmend repairs.
fn unicode_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any_char(), 0..300).prop_map(|cs| cs.into_iter().collect()),
    ]
}

const CJK_WORDS: &[&str] = &[
    "不忘初心",
    "牢记使命",
    "鄂尔多斯",
    "主题教育",
    "开展",
    "学习",
    "习近平",
    "总书记",
    "基层",
    "从机关到基层",
    "全市",
    "动员",
    "部署",
    "扎实",
    "企业",
    "⋯⋯",
    "，",
    "。",
    "、",
    "“",
    "”",
    "その⼀部は",
    "日本語の",
    "テキスト",
    "第１章",
];
const LATIN_WORDS: &[&str] = &[
    "the",
    "annual",
    "report",
    "information",
    "review",
    "of",
    "year",
    "ﬁle",
    "eﬀect",
    "infor\u{AD}mation",
    "data,",
    "end.",
    "Chapter",
    "1.",
    "(see",
    "below)",
    "and",
    "a",
    "state-of-the-art",
    "e.g.",
    "well-",
    "known",
];
const HANGUL_WORDS: &[&str] = &[
    "한국어",
    "텍스트",
    "문단",
    "입니다.",
    "그리고",
    "보고서",
    "연도",
    "검토",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(CJK_WORDS).prop_map(str::to_string),
        4 => prop::sample::select(LATIN_WORDS).prop_map(str::to_string),
        2 => prop::sample::select(HANGUL_WORDS).prop_map(str::to_string),
        1 => "[a-z]{1,12}",
        1 => "[\u{4E00}-\u{4FFF}]{1,6}",
    ]
}

/// Words of one script family joined as that family writes them.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (word(), prop::sample::select(&["", " ", " ", "  "][..])),
        1..12,
    )
    .prop_map(|ws| {
        let mut s = String::new();
        for (w, sep) in ws {
            s.push_str(&w);
            s.push_str(sep);
        }
        s
    })
}

fn indent() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => Just(String::new()),
        1 => Just("  ".to_string()),
        1 => Just("    ".to_string()),
        1 => Just("\u{3000}\u{3000}".to_string()),
        1 => Just("\t".to_string()),
    ]
}

/// One line as an extractor emits it.
fn extractor_line() -> impl Strategy<Value = String> {
    prop_oneof![
        10 => (indent(), words()).prop_map(|(i, w)| format!("{i}{w}")),
        3 => Just(String::new()),
        1 => Just("   ".to_string()),
        // fake bold: a heading drawn twice or three times on one line
        2 => (word(), 2..4usize).prop_map(|(w, n)| w.repeat(n)),
        1 => (word(), word()).prop_map(|(a, b)| format!("{a}{a} {b}{b}")),
        // fake bold: each glyph drawn twice in a row
        1 => "[\u{4E00}-\u{4E20}]{2,6}".prop_map(|s| s.chars().flat_map(|c| [c, c]).collect()),
        // OCR letter spacing
        1 => "[\u{4E00}-\u{4E20}]{3,8}".prop_map(|s| {
            s.chars().map(|c| c.to_string()).collect::<Vec<_>>().join(" ")
        }),
        // page furniture
        1 => (1..300u32).prop_map(|n| format!("- {n} -")),
        1 => (1..30u32).prop_map(|n| format!("第 {n} 版")),
        1 => (1..30u32, 1..30u32).prop_map(|(n, m)| format!("Page {n} of {m}")),
        1 => (1..300u32).prop_map(|n| n.to_string()),
        1 => Just("\u{c}".to_string()),
        // a word hyphenated at the line end
        2 => (words(), "[a-z]{2,8}").prop_map(|(w, h)| format!("{w} {h}-")),
        // preformatted-looking lines
        1 => Just("$ ls -l foo".to_string()),
        1 => Just("fn main() {".to_string()),
        1 => Just("Introduction . . . . . 12".to_string()),
        1 => Just("Name      Value      Unit".to_string()),
        1 => Just("• 列表项".to_string()),
        1 => Just("1. First item".to_string()),
    ]
}

fn line_ending() -> impl Strategy<Value = &'static str> {
    prop_oneof![12 => Just("\n"), 1 => Just("\r\n"), 1 => Just("\u{c}"), 1 => Just("\n\u{c}")]
}

/// Text shaped like a PDF extractor's or an OCR engine's output.
fn extractor_text() -> impl Strategy<Value = String> {
    prop::collection::vec((extractor_line(), line_ending()), 0..40).prop_map(|lines| {
        let mut s = String::new();
        for (line, end) in lines {
            s.push_str(&line);
            s.push_str(end);
        }
        s
    })
}

/// Either kind of input.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![unicode_text(), extractor_text()]
}

fn flags() -> impl Strategy<Value = Config> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(mojibake, dedupe, furniture, letter_spacing, dehyphenate)| Config {
                mojibake,
                dedupe,
                furniture,
                letter_spacing,
                dehyphenate,
                ..Config::default()
            },
        )
}

// ---------------------------------------------------------------- checks

/// The output contract: blocks separated by exactly one blank line, no
/// white space at either end of a line, exactly one final newline (none
/// for empty output); a block other than a preformatted one is one line,
/// and a preformatted block has no blank line inside it (its lines may be
/// indented relative to each other).
fn check_contract(repaired: &Repaired) -> Result<(), TestCaseError> {
    let text = &repaired.text;
    let rendered: String = repaired
        .blocks
        .iter()
        .map(|b| format!("{}\n", b.text))
        .collect::<Vec<_>>()
        .join("\n");
    prop_assert_eq!(text, &rendered, "text is not the blocks rendered");
    if text.is_empty() {
        return Ok(());
    }
    prop_assert!(
        text.ends_with('\n') && !text.ends_with("\n\n"),
        "final newline: {text:?}"
    );
    prop_assert!(!text.starts_with('\n'), "leading blank line: {text:?}");
    prop_assert!(
        !text.contains("\n\n\n"),
        "two blank lines in a row: {text:?}"
    );
    for block in &repaired.blocks {
        let b = &block.text;
        prop_assert!(!b.is_empty(), "empty block");
        prop_assert!(!b.contains('\r'), "carriage return in {b:?}");
        if block.kind == BlockKind::Preformatted {
            for line in b.split('\n') {
                prop_assert!(!line.trim().is_empty(), "blank line inside a block: {b:?}");
                prop_assert!(
                    !line.ends_with(char::is_whitespace),
                    "trailing white space in {line:?}"
                );
            }
            prop_assert!(
                b.split('\n').any(|l| !l.starts_with(char::is_whitespace)),
                "preformatted block indented as a whole: {b:?}"
            );
        } else {
            prop_assert!(
                !b.contains('\n'),
                "line break inside a {:?}: {b:?}",
                block.kind
            );
            prop_assert_eq!(b.trim(), b.as_str(), "white space at a line edge");
        }
    }
    Ok(())
}

fn count_chars<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for text in texts {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            *counts.entry(c).or_default() += 1;
        }
    }
    counts
}

/// Every non-white-space character of the output, counted with its
/// multiplicity, comes from the input or from an edit's replacement.
fn check_no_invention(input: &str, repaired: &Repaired) -> Result<(), TestCaseError> {
    let mut available = count_chars(
        std::iter::once(input).chain(repaired.edits.iter().map(|e| e.replacement.as_str())),
    );
    for (c, n) in count_chars([repaired.text.as_str()]) {
        let have = available.entry(c).or_default();
        prop_assert!(
            n <= *have,
            "output has {n} × {c:?} but input and edits only {have}: {:?}",
            repaired.text
        );
    }
    Ok(())
}

/// Every edit and block range is in bounds and on character boundaries.
fn check_ranges(input: &str, repaired: &Repaired) -> Result<(), TestCaseError> {
    for edit in &repaired.edits {
        prop_assert!(
            input.get(edit.range.clone()).is_some(),
            "edit range {:?} does not slice the input ({} bytes): {edit:?}",
            edit.range,
            input.len()
        );
    }
    for block in &repaired.blocks {
        prop_assert!(
            input.get(block.range.clone()).is_some(),
            "block range {:?} does not slice the input ({} bytes)",
            block.range,
            input.len()
        );
    }
    Ok(())
}

/// Runs `repair_with`, rejecting the case if it panics: a panic is the
/// finding of the `never_panics_*` properties, and the other properties
/// judge the output, which a panicking run does not have.
fn run(text: &str, config: &Config) -> Result<Repaired, TestCaseError> {
    std::panic::catch_unwind(|| repair_with(text, config))
        .map_err(|_| TestCaseError::reject("repair panicked (see never_panics_on_any_config)"))
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(config())]

    #[test]
    fn never_panics_on_any_config(text in input(), config in flags()) {
        let _ = repair_with(&text, &config);
    }

    #[test]
    fn never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let (decoded, _) = textmend::chars::decode::decode(&bytes, None);
        match textmend::repair_bytes(&bytes, &Config::default(), None) {
            Ok(repaired) => prop_assert_eq!(repaired.text, repair(&decoded)),
            // Refused only when the bytes are not text.
            Err(e) => prop_assert_eq!(
                Some(e),
                textmend::chars::decode::binary_evidence(&bytes).map(textmend::Error::BinaryInput)
            ),
        }
    }

    #[test]
    fn output_obeys_the_contract(text in input()) {
        check_contract(&run(&text, &Config::default())?)?;
    }

    #[test]
    fn output_obeys_the_contract_on_any_config(text in extractor_text(), config in flags()) {
        check_contract(&run(&text, &config)?)?;
    }

    #[test]
    fn repair_is_idempotent(text in input()) {
        let once = run(&text, &Config::default())?.text;
        let twice = run(&once, &Config::default())?.text;
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn never_invents_text(text in input()) {
        check_no_invention(&text, &run(&text, &Config::default())?)?;
    }

    #[test]
    fn never_invents_text_on_any_config(text in extractor_text(), config in flags()) {
        check_no_invention(&text, &run(&text, &config)?)?;
    }

    #[test]
    fn edits_and_blocks_point_into_the_input(text in input()) {
        check_ranges(&text, &run(&text, &Config::default())?)?;
    }

    #[test]
    fn every_edit_is_explained_at_a_position_in_the_input(text in input()) {
        let repaired = run(&text, &Config::default())?;
        let changes = textmend::output::explain::changes(&text, &repaired.edits);
        let lines = text.replace("\r\n", "\n").replace('\r', "\n").split('\n').count();
        for change in &changes {
            prop_assert!(change.position.line >= 1 && change.position.line <= lines);
            prop_assert!(change.position.column >= 1);
            prop_assert!(!change.before.contains('\n') && !change.after.contains('\n'));
        }
        // A note changes nothing, and `explain` tells it on a line of its own.
        let notes = repaired.edits.iter().filter(|e| e.rule.is_note()).count();
        let report = textmend::output::explain::explain(&text, &repaired.edits);
        prop_assert_eq!(
            report.lines().filter(|l| l.starts_with("  ")).count(),
            changes.len() + notes
        );
    }
}

/// Inputs these properties once failed on, kept as regression cases: each
/// must pass every check, and come out the same when repaired again.
#[test]
fn inputs_the_properties_found() {
    let inputs = [
        "Ö⋯⼀0Ā",
        "aaaaaaaa  a  a\naaaaaaaaaa一  a\na一aaaaaa  a\na",
        "一一一一一一一一a  ....2\na\na一aaaa  一  一\n一aaa一a  a",
        "aaaaaa  a\naaaaaa  a  a\naaaaaa  a\naaa",
        "⼀\0一",
        "不忘初心  不忘初心",
        "不忘初心不忘初心\n，",
        "一a\na\n l",
        "““ 开展开展\n不忘初心\n，\n从机关到基层その⼀部はその⼀部は不忘初心不忘初心\n",
        "从机关到基层从机关到基层 从机关到基层从机关到基层\n",
        "不忘初心\n不忘初心\na\n• 列表项\n- 1 -\n$ ls -l foo\n不忘初心不忘初心牢记使命\n",
        "不忘初心\u{c}不忘初心不忘初心\nIntroduction . . . . . 12\n- 1 -\nIntroduction . . . . . 12\nannualannualannual\n\u{c}",
        "1.1.\n문단문단 thethe\nIntroduction . . . . . 12\n不忘初心不忘初心不忘初心牢记使命\n",
        "不忘初心\nName      Value      Unit\n- 1 -\nName      Value      Unit\n• 列表项\n입니다. \n",
        "不忘初心\u{c}牢记使命\n- 1 -\n- 1 -\n1\nreview aa-\n牢记使命牢记使命\n不忘初心 aa-\n",
        "不忘初心不忘初心不忘初心不忘初心不忘初心不忘初心不忘初心\u{c}1.1.\n、\n⋯⋯⋯⋯\nannual\n",
        "一-\u{ad}\na",
        "一 一 一\n， ，\n\n",
        "state-of-the-art 입니다. その⼀部は\n\n1.1.\n一 一 一 一 一\n• 列表项\n不忘初心不忘初心\n",
        "不忘初心\n1. First item\n- 1 -\n1. First item\n$ ls -l foo\n",
        "the\n- 1 -\n$ ls -l foo\n1\n不忘初心\n不忘初心 aa-\n不忘初心\n",
        "입니다.\n- 1 -\n1\n",
        ".\n-1-\n1",
        "1.1\na一一\n 一一",
        "不忘初心end.\n1\n- 1 -\n",
        "不忘初心 aa-\n不忘初心\n⋯⋯⋯⋯\n1\n",
        "丒 丒 一 一 丆 丆\u{c}- 1 -\n",
        // Letter-spacing with tabs, which the output writes as spaces.
        "⼀\t⼀\t⼀\t𠀀",
        // A number left last once the page's furniture after it is gone.
        "不忘初心\u{c}不忘初心不忘初心不忘初心不忘初心不忘初心\n不忘初心不忘初心\n不忘初心不忘初心 1.1.\n1\n1\n- 1 -\n一 一 一\n",
        // Copies of a line parted by a page number that the furniture
        // stage takes away.
        "不忘初心不忘初心\n不忘初心\n$ ls -l foo\n1\n1. First item\n1\n1. First item\n不忘初心\u{c}牢记使命\n不忘初心\n不忘初心\n不忘初心\n不忘初心\n",
        // A line ending in a space whose next line in reading order comes
        // earlier in the input (columns read one after the other).
        "不忘初心不忘初心  不忘初心\n不忘初心 aa-\nName      Value      Unit\n不忘初心\n不忘初心 \nIntroduction . . . . . 12\n，基层연도  不忘初心  不忘初心\naaaaa  Chapter  不忘初心aaaaaaaaaaa\n",
        // A line written a character per line on a page of nothing else.
        "¡A一\u{c}\0 。\n（\0",
        // A table's rows and a line of CJK text with a space where a
        // column could end, which a second repair reads as a whole line.
        "Name      Value      Unit\n不忘初心不忘初心\nName      Value      Unit\naaaaaaa \n不忘初心\n不忘初心不忘初心 不忘初心\nName      Value      Unit\nName      Value      Unit\n1. 그리고 review\n不忘初心 牢记使命\n",
        // Blocks of one width that stop mid-sentence, as the repaired text
        // sets them apart with blank lines.
        "不忘初心不忘初心全市不忘初心开展不忘初心开展不忘初心，the不忘初心 aa-\n  不忘初心不忘初心不忘初心\n$ ls -l foo\n⋯⋯\neﬀect不忘初心不忘初心不忘初心the不忘初心开展한국어不忘初心不忘初心\n\n不忘初心year不忘初心不忘初心不忘初心不忘初心不忘初心不忘初心不忘初心开展\n一一丁丁丂丂\n一一一一一 不忘初心一一一不忘初心한국어不忘初心不忘初心不忘初心开展不忘初心\n$ ls -l foo\nその⼀部は不忘初心不忘初心开展한국어不忘初心不忘初心开展全市 aaa-\n",
        // Words of a column piece each set apart as a block of its own
        // after a block cut off at a comma: the repaired text wraps no
        // text into lines, so a second repair does not take them for a
        // justified line written a word per line.
        "review一一一一 不忘初心\nName      Value      Unit\n1. First item\nその⼀部は开展  开展 不忘初心 aa-\naaaaaabelow) aaaaaaaaaaaa 不忘初心不忘初心不忘初心\n- 1 -\n不忘初心\n不忘初心data,  开展 不忘初心annual aaaaaa-\ndata,  yeareﬀect 한국어不忘初心\nthethe\ninfor\u{ad}mation  全市\n",
        // A kept block's line rebuilt from two (`Ã` and a space, then `a`),
        // which a second repair reads as the UTF-8 of `à`.
        "¡\t!\nA\t¡\u{ac6}\nÃ\u{3000}\na\nA",
        "¡0 ¡ ¡\0¡A 0¡¡0¡\u{2028}Ā\0Ã\u{b}\n{\0",
    ];
    for input in inputs {
        let config = Config::default();
        let once = repair_with(input, &config);
        check_contract(&once).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        check_no_invention(input, &once).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        check_ranges(input, &once).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        let twice = repair_with(&once.text, &config).text;
        assert_eq!(twice, once.text, "not idempotent on {input:?}");
    }
}

/// Inputs the fuzzers found (`tests/regressions/*`, the bytes as the
/// fuzzer wrote them): each must pass every check and be idempotent.
#[test]
fn inputs_the_fuzzers_found() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir)
        .expect("tests/regressions exists")
        .flatten()
    {
        let bytes = std::fs::read(entry.path()).expect("readable");
        let config = Config::default();
        // Read as the fuzzers read them, also where the command would
        // refuse them as binary.
        let (input, _) = textmend::chars::decode::decode(&bytes, None);
        let once = repair_with(&input, &config);
        check_contract(&once).unwrap_or_else(|e| panic!("{:?}: {e}", entry.path()));
        check_no_invention(&input, &once).unwrap_or_else(|e| panic!("{:?}: {e}", entry.path()));
        check_ranges(&input, &once).unwrap_or_else(|e| panic!("{:?}: {e}", entry.path()));
        let twice = repair_with(&once.text, &config).text;
        assert_eq!(twice, once.text, "not idempotent on {:?}", entry.path());
        checked += 1;
    }
    assert!(checked > 0);
}
