//! Windows repaired in parallel give the output of one thread, byte for
//! byte, on generated text with small windows (so that a few kilobytes
//! make dozens of windows, with paragraphs, page breaks and long lines
//! across their boundaries), and however a reader splits the input.
//!
//! `TEXTMEND_PROPTEST_CASES=2000 cargo test --release --test parallel`
//! runs more cases.

mod common;

use proptest::prelude::*;
use std::io::Read;
use textmend::Config;
use textmend::stream::{repair_stream, repair_stream_parallel, repair_windows};

fn cases() -> u32 {
    std::env::var("TEXTMEND_PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(48)
}

/// One line as an extractor writes it: prose in several scripts, headings
/// drawn twice, page numbers, blank lines, page breaks, listings, and lines
/// longer than a small window.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(&[
            "从机关到基层，从城市到农村，从",
            "高校到企业，各旗区、部门积极跟进。",
            "The annual report of the harbour board was filed in the",
            "spring, and the notes on it fol-",
            "lowed a week after the survey.",
            "한국어 텍스트 문단입니다. 그리고",
            "日本語のテキストが続きます。",
            "Ã©tÃ© itâ€™s",
        ][..]).prop_map(str::to_string),
        2 => Just(String::new()),
        1 => Just("\u{c}".to_string()),
        1 => (1..40u32).prop_map(|n| format!("- {n} -")),
        1 => prop::sample::select(&["不忘初心不忘初心", "Annual ReportAnnual Report"][..]).prop_map(str::to_string),
        1 => prop::sample::select(&["$ ls -l foo", "Name      Value      Unit", "1. First item"][..]).prop_map(str::to_string),
        1 => (1..12usize).prop_map(|n| "a long line that runs on and on ".repeat(n)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..160).prop_map(|lines| {
        let mut s = lines.join("\n");
        s.push('\n');
        s
    })
}

/// A reader that hands out its bytes in the given chunk sizes, in turn.
struct Chunked<'a> {
    bytes: &'a [u8],
    sizes: Vec<usize>,
    next: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes[self.next % self.sizes.len()].max(1);
        self.next += 1;
        let n = size.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fn streamed(text: &str, window: usize, threads: usize, sizes: Vec<usize>) -> String {
    let mut out = Vec::new();
    let reader = Chunked {
        bytes: text.as_bytes(),
        sizes,
        next: 0,
    };
    repair_stream_parallel(
        reader,
        &mut out,
        &Config::default(),
        Some("utf-8"),
        window,
        threads,
        &mut |_| {},
    )
    .expect("a reader in memory does not fail");
    String::from_utf8(out).expect("the output is UTF-8")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn parallel_windows_give_the_output_of_one_thread(
        text in text(),
        window in 16..700usize,
        threads in 2..5usize,
    ) {
        let one = repair_windows(&text, &Config::default(), window, 1);
        let many = repair_windows(&text, &Config::default(), window, threads);
        prop_assert_eq!(many, one);
    }

    #[test]
    fn the_output_does_not_depend_on_how_the_input_is_read(
        text in text(),
        window in 16..700usize,
        threads in 1..4usize,
        sizes in prop::collection::vec(1..300usize, 1..6),
    ) {
        let expected = repair_windows(&text, &Config::default(), window, 1);
        prop_assert_eq!(streamed(&text, window, threads, sizes), expected);
    }
}

#[test]
fn the_stream_on_one_thread_is_repair_stream() {
    let page = "从机关到基层，从城市到农村，从\n高校到企业，各旗区、部门积极跟进。\n\n- 3 -\n\u{c}The annual report of the harbour board was filed in the\nspring, and the notes on it fol-\nlowed a week after the survey.\n";
    let text = page.repeat(300);
    let mut out = Vec::new();
    let report = repair_stream(
        text.as_bytes(),
        &mut out,
        &Config::default(),
        None,
        2048,
        &mut |_| {},
    )
    .expect("in memory");
    assert!(report.windows > 10, "{report:?}");
    assert_eq!(report.windows_redone, 0);
    let one = String::from_utf8(out).expect("UTF-8");
    assert_eq!(one, repair_windows(&text, &Config::default(), 2048, 1));
    assert_eq!(one, streamed(&text, 2048, 3, vec![7, 4096, 1]));
}

/// Runs the command with `args` on `input`, which it must read whole.
fn run(args: &[&str], input: Vec<u8>) -> std::process::Output {
    let (output, written) = common::run_writing(args, input);
    written.expect("the command reads all of its input");
    output
}

#[test]
fn the_command_writes_the_same_on_any_number_of_threads() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed/raw.txt");
    let raw = std::fs::read(seed).expect("the seed");
    let input = raw.repeat(40);
    let one = run(&["--threads", "1", "--window", "16384"], input.clone());
    assert!(one.status.success());
    assert!(one.stdout.len() > raw.len());
    for threads in ["2", "3"] {
        let args = ["--threads", threads, "--window", "16384", "--verbose"];
        let many = run(&args, input.clone());
        assert!(many.status.success());
        assert_eq!(many.stdout, one.stdout, "--threads {threads}");
        let report = String::from_utf8_lossy(&many.stderr);
        assert!(report.contains(" windows ("), "{report}");
    }
}
