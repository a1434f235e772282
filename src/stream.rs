//! Input of any size in bounded memory: the text is decoded as it is read
//! and repaired in windows, so a 1 GB file never has to be in memory.
//!
//! ```text
//! [ window 1 ........ | last block ]                 repaired, all but the
//!                     [ last block + window 2 ....]  last block written out;
//!                                                    that block is read again
//! ```
//!
//! A window ends at a line end, preferably at a page break. Its last block
//! is not written: the next window starts again from the line where that
//! block began, so a paragraph that a window boundary (or the page break at
//! it) cut in two is joined as in memory. It also reads again the
//! two dozen lines before that block, already written, so that the
//! block's lines are measured against the same neighbours as in memory. Rules that learn from the whole
//! document (running headers, de-hyphenation evidence, the typical line
//! width) learn from the window instead, which holds hundreds of pages at
//! the default size: the output equals [`repair_with`](crate::repair_with)'s
//! whenever those statistics agree, as they do on any document whose pages
//! look alike.
//!
//! The encoding is chosen from the first window's bytes (see
//! [`decode`](crate::decode)) and the rest is decoded incrementally.
//! Peak memory is a small multiple of the window.

use crate::decode::{DecodeReport, binary_evidence, choose_encoding};
use crate::{Block, Config, Error};
use encoding_rs::{Decoder, DecoderResult, Encoding};
use std::io::{self, Read, Write};

/// Decoded text per window by default: 4 MiB.
pub const DEFAULT_WINDOW: usize = 4 << 20;
/// Lines already written that the next window reads again as context:
/// enough to measure the column width around the first line it writes.
const CONTEXT_LINES: usize = 24;
/// Bytes read from the input at a time.
const READ_CHUNK: usize = 1 << 20;
/// A window with only one block grows up to this many windows before that
/// block is written out anyway (a paragraph longer than that is cut).
const MAX_GROWTH: usize = 4;

/// What went wrong while streaming.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// Reading the input or writing the output failed.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The configuration or the forced encoding was refused, or the input
    /// is not text.
    #[error(transparent)]
    Repair(#[from] Error),
}

/// What a streamed repair did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamReport {
    /// How the bytes were decoded.
    pub decode: DecodeReport,
    /// How many windows the text was repaired in.
    pub windows: usize,
    /// Input bytes read.
    pub bytes_read: u64,
}

/// Repairs everything `reader` yields and writes the text format to
/// `writer`, holding about `window` bytes of text at a time.
///
/// ```
/// let input = "第一段文字在这里\n继续写完。\n\u{c}第二页的文字。\n".repeat(1000);
/// let mut out = Vec::new();
/// let report = textmend::stream::repair_stream(
///     input.as_bytes(), &mut out, &textmend::Config::default(), None, 4096,
///     &mut |_| {},
/// ).unwrap();
/// assert!(report.windows > 1);
/// assert_eq!(String::from_utf8(out).unwrap(), textmend::repair(&input));
/// ```
pub fn repair_stream<R: Read, W: Write>(
    mut reader: R,
    mut writer: W,
    config: &Config,
    encoding: Option<&str>,
    window: usize,
    progress: &mut dyn FnMut(u64),
) -> Result<StreamReport, StreamError> {
    let window = window.max(1);
    let forced = match encoding {
        Some(label) => Some(
            Encoding::for_label(label.trim().as_bytes())
                .ok_or_else(|| Error::UnknownEncoding(label.to_string()))?,
        ),
        None => None,
    };

    // The first window's bytes choose the encoding.
    let mut head = Vec::new();
    let mut eof = fill(&mut reader, &mut head, window)?;
    // Bytes that are not text are refused, as in `repair_bytes`.
    if let Some(evidence) = binary_evidence(&head).filter(|_| forced.is_none()) {
        return Err(Error::BinaryInput(evidence).into());
    }
    let choice = choose_encoding(&head, forced, eof);
    let mut input = Input {
        reader,
        decoder: choice.encoding.new_decoder_without_bom_handling(),
        eof,
        chunk: READ_CHUNK.min(window),
        bytes_read: head.len() as u64,
        invalid: 0,
    };
    let mut pending = String::new();
    input.decode(&head[choice.bom_len..], &mut pending);
    drop(head);

    let mut out = Output {
        writer: &mut writer,
        written_any: false,
    };
    let mut windows = 0;
    let mut limit = window;
    // `pending[..written]` was written out already: it is there as context
    // for the lines after it (the column width they are measured against).
    let mut written = 0;
    loop {
        while !eof && pending.len() < limit + written {
            eof = input.read_more(&mut pending)?;
        }
        progress(input.bytes_read);
        windows += 1;
        if eof && pending.len() <= limit + written {
            out.write(&repair_after(&pending, written, config))?;
            break;
        }
        let Some(cut) = window_end(&pending, limit + written) else {
            // A line longer than the window: read on to its end.
            limit = pending.len() - written + input.chunk;
            continue;
        };
        let blocks = repair_after(&pending[..cut], written, config);
        let Some(last) = blocks.last() else {
            // Nothing but furniture and blank lines: all of it is done.
            pending.drain(..cut);
            written = 0;
            limit = window;
            continue;
        };
        let held_from = line_start(&pending, last.range.start);
        let is_done = |b: &Block| b.range.end <= held_from;
        if held_from <= written || !blocks.iter().any(is_done) {
            if limit < window.saturating_mul(MAX_GROWTH) {
                // One block fills the window: read on rather than cut it.
                limit = limit.saturating_mul(2);
                continue;
            }
            out.write(&blocks)?;
            pending.drain(..cut);
            written = 0;
        } else {
            let done: Vec<Block> = blocks.into_iter().filter(is_done).collect();
            out.write(&done)?;
            let context_from = context_start(&pending, held_from);
            pending.drain(..context_from);
            written = held_from - context_from;
        }
        limit = window;
    }
    if out.written_any {
        writer.write_all(b"\n")?;
    }
    writer.flush()?;
    let decode = DecodeReport {
        encoding: choice.encoding.name(),
        source: choice.source,
        confident: choice.confident,
        invalid_sequences: input.invalid,
    };
    Ok(StreamReport {
        decode,
        windows,
        bytes_read: input.bytes_read,
    })
}

/// Where a window of at most `limit` bytes of `text` ends: after the last
/// page break in its second half, or else after its last line end, or (a
/// line longer than the window) after the end of that line; `None` while
/// that end has not been read.
fn window_end(text: &str, limit: usize) -> Option<usize> {
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &text[..limit];
    if let Some(at) = head.rfind('\u{c}').filter(|&at| at >= limit / 2) {
        return Some(at + 1);
    }
    if let Some(at) = head.rfind('\n') {
        return Some(at + 1);
    }
    text[limit..].find('\n').map(|at| limit + at + 1)
}

/// The blocks of `text` that are not written out yet: those after its
/// first `written` bytes, which are there as context. When the context
/// is read into a block that runs on past it, the rest is repaired on its
/// own instead, so that nothing is written twice or lost.
fn repair_after(text: &str, written: usize, config: &Config) -> Vec<Block> {
    let repaired = crate::pipeline::run_keeping(text, config, crate::pipeline::Keep::Blocks);
    if written == 0 {
        return repaired.blocks;
    }
    if repaired
        .blocks
        .iter()
        .all(|b| b.range.end <= written || b.range.start >= written)
    {
        return repaired
            .blocks
            .into_iter()
            .filter(|b| b.range.start >= written)
            .collect();
    }
    let mut blocks =
        crate::pipeline::run_keeping(&text[written..], config, crate::pipeline::Keep::Blocks)
            .blocks;
    for block in &mut blocks {
        block.range = block.range.start + written..block.range.end + written;
    }
    blocks
}

/// Where the context kept before byte `held_from` starts: [`CONTEXT_LINES`]
/// lines back.
fn context_start(text: &str, held_from: usize) -> usize {
    text[..held_from]
        .rmatch_indices(['\n', '\u{c}'])
        .nth(CONTEXT_LINES)
        .map_or(0, |(i, _)| i + 1)
}

/// The start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['\n', '\u{c}']).map_or(0, |i| i + 1)
}

/// Reads until `buffer` holds `want` bytes or the input ends; true at EOF.
fn fill<R: Read>(reader: &mut R, buffer: &mut Vec<u8>, want: usize) -> io::Result<bool> {
    let mut chunk = vec![0; READ_CHUNK.min(want.max(1))];
    while buffer.len() < want {
        match reader.read(&mut chunk) {
            Ok(0) => return Ok(true),
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(false)
}

/// The input side: bytes read and decoded as they come.
struct Input<R> {
    reader: R,
    decoder: Decoder,
    eof: bool,
    /// Bytes to read at a time.
    chunk: usize,
    bytes_read: u64,
    invalid: usize,
}

impl<R: Read> Input<R> {
    /// Reads and decodes one more chunk into `text`; true at EOF.
    fn read_more(&mut self, text: &mut String) -> io::Result<bool> {
        if self.eof {
            return Ok(true);
        }
        let mut chunk = Vec::with_capacity(self.chunk);
        self.eof = fill(&mut self.reader, &mut chunk, self.chunk)?;
        self.bytes_read += chunk.len() as u64;
        self.decode(&chunk, text);
        Ok(self.eof)
    }

    /// Decodes `bytes` onto `text`, replacing and counting malformed
    /// sequences; at EOF an incomplete sequence at the end is malformed.
    fn decode(&mut self, bytes: &[u8], text: &mut String) {
        let mut rest = bytes;
        loop {
            if let Some(room) = self
                .decoder
                .max_utf8_buffer_length_without_replacement(rest.len())
            {
                // Exactly: the text is a window long, and doubling its
                // capacity would hold two.
                text.reserve_exact(room);
            }
            let (result, read) = self
                .decoder
                .decode_to_string_without_replacement(rest, text, self.eof);
            rest = &rest[read..];
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::Malformed(_, _) => {
                    self.invalid += 1;
                    text.push('\u{FFFD}');
                }
                DecoderResult::OutputFull => text.reserve(rest.len().saturating_mul(3).max(16)),
            }
        }
    }
}

/// The output side: blocks in the text format, one blank line apart.
struct Output<'w, W> {
    writer: &'w mut W,
    written_any: bool,
}

impl<W: Write> Output<'_, W> {
    fn write(&mut self, blocks: &[Block]) -> io::Result<()> {
        // Each block is written as it is, with the blank line before it;
        // the very last newline comes at the end.
        for block in blocks {
            if self.written_any {
                self.writer.write_all(b"\n\n")?;
            }
            self.writer.write_all(block.text.as_bytes())?;
            self.written_any = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streamed(input: &str, window: usize) -> (String, usize) {
        let mut out = Vec::new();
        let report = repair_stream(
            input.as_bytes(),
            &mut out,
            &Config::default(),
            None,
            window,
            &mut |_| {},
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), report.windows)
    }

    #[test]
    fn small_input_is_one_window() {
        let input = "Annual ReportAnnual Report\nThe year was good.\n";
        assert_eq!(streamed(input, DEFAULT_WINDOW), (crate::repair(input), 1));
    }

    /// Pages of varied prose, each paragraph cut by the page break.
    fn pages(count: usize) -> String {
        const WORDS: [&str; 10] = [
            "river", "ledger", "harbour", "lantern", "orchard", "quarry", "meadow", "signal",
            "timber", "valley",
        ];
        (0..count)
            .map(|i| {
                let a = WORDS[i % 10];
                let b = WORDS[(i / 10) % 10];
                let c = WORDS[(i / 100) % 10];
                let extra = "and the notes on it were filed ".repeat(i % 3);
                format!(
                    "The {a} and the {b} by the {c} were surveyed in the spring, {extra}and the\n\u{c}report on the {c} followed a week after the {a} was mapped.\nA second {b} paragraph ends on this page.\n"
                )
            })
            .collect()
    }

    #[test]
    fn a_paragraph_across_a_window_boundary_is_joined() {
        // Windows of a dozen pages and more: enough for the statistics that
        // rules learn from the document to agree with the whole's.
        let input = pages(1000);
        for window in [4096, 16384, 65536] {
            let (out, windows) = streamed(&input, window);
            assert!(windows > 2, "window {window}: {windows} windows");
            let expected = crate::repair(&input);
            let first_difference = out.lines().zip(expected.lines()).position(|(a, b)| a != b);
            assert_eq!(
                first_difference,
                None,
                "window {window}: {:?}",
                first_difference.map(|i| (out.lines().nth(i), expected.lines().nth(i)))
            );
            assert_eq!(out, expected, "window {window}");
        }
    }

    #[test]
    fn context_read_again_is_never_written_twice_or_lost() {
        // Long paragraphs with no page breaks: windows end mid-paragraph,
        // and the context kept before a held block is often part of it.
        let mut input = String::new();
        for i in 0..300 {
            let words = "a sentence that wraps along the column ".repeat(1 + i % 7);
            input.push_str(&format!("Paragraph {i} has {words}and ends here.\n"));
            if i % 5 == 0 {
                input.push_str("A short heading\n\n");
            }
        }
        let input = textwrap_lines(&input, 50);
        let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        for window in [512, 2048, 8192] {
            let (out, windows) = streamed(&input, window);
            assert!(windows > 2);
            assert_eq!(
                letters(&out),
                letters(&crate::repair(&input)),
                "window {window}"
            );
        }
    }

    #[test]
    fn context_that_runs_into_the_rest_is_left_out() {
        let text = "The first paragraph ends here.\n\nA paragraph that the last window\nheld back goes on here.\n";
        // Context ends at a block's start: the blocks after it.
        let written = text.find("A paragraph").unwrap();
        let blocks = repair_after(text, written, &Config::default());
        assert_eq!(blocks.len(), 1);
        assert!(blocks[0].text.starts_with("A paragraph"));
        // Context ends inside a block: the rest alone, ranges in `text`.
        let written = text.find("held back").unwrap();
        let blocks = repair_after(text, written, &Config::default());
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "held back goes on here.");
        assert_eq!(&text[blocks[0].range.clone()], "held back goes on here.");
    }

    /// Breaks each line of `text` at spaces into lines of at most `width`
    /// bytes, as a column would.
    fn textwrap_lines(text: &str, width: usize) -> String {
        let mut out = String::new();
        for line in text.lines() {
            let mut current = String::new();
            for word in line.split(' ') {
                if !current.is_empty() && current.len() + 1 + word.len() > width {
                    out.push_str(&current);
                    out.push('\n');
                    current.clear();
                }
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(word);
            }
            out.push_str(&current);
            out.push('\n');
        }
        out
    }

    #[test]
    fn empty_and_blank_input() {
        assert_eq!(streamed("", 16).0, "");
        assert_eq!(streamed("\n\n \n", 1).0, crate::repair("\n\n \n"));
    }

    #[test]
    fn a_line_longer_than_the_window_is_kept_whole() {
        let input = format!("{}\nshort line.\n", "word ".repeat(100));
        assert_eq!(streamed(&input, 10).0, crate::repair(&input));
    }

    #[test]
    fn legacy_bytes_are_decoded_across_chunks() {
        let text = "主题教育在基层开展，全市动员。\n\n".repeat(50);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let mut out = Vec::new();
        let report = repair_stream(
            &gbk[..],
            &mut out,
            &Config::default(),
            None,
            64,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(report.decode.encoding, "GBK");
        assert_eq!(String::from_utf8(out).unwrap(), crate::repair(&text));
    }
}
