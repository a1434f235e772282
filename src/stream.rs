//! Input of any size in bounded memory and on every core: the text is
//! decoded as it is read and repaired in windows, so a 1 GB file never has
//! to be in memory, and windows are repaired in parallel.
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
//! With more than one thread, the windows of a batch (one per thread) are
//! repaired at once: where each starts is guessed from a quick repair of
//! the end of the window before it, and a window repaired on a wrong guess
//! is repaired again. The output is byte for byte the same for every
//! number of threads, and the same however the reader splits the input.
//!
//! The encoding is chosen from the first window's bytes (see
//! [`decode`](crate::chars::decode)) and the rest is decoded incrementally.
//! Peak memory is a small multiple of the window times the threads.

mod windows;

use crate::chars::decode::{DecodeReport, binary_evidence, choose_encoding_reading};
use crate::config::{Config, Error};
use crate::text::block::Block;
use encoding_rs::{Decoder, DecoderResult, Encoding};
use std::io::{self, Read, Write};
use windows::{Memory, READ_CHUNK, Source, View};

/// Decoded text per window by default: 4 MiB.
pub const DEFAULT_WINDOW: usize = 4 << 20;

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
    /// Windows repaired ahead in parallel whose start was guessed wrong,
    /// and so repaired again (time lost, never output changed).
    pub windows_redone: usize,
    /// Input bytes read.
    pub bytes_read: u64,
}

/// Repairs everything `reader` yields and writes the text format to
/// `writer`, holding about `window` bytes of text at a time, on one
/// thread; `progress` is told the input bytes read so far.
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
    reader: R,
    writer: W,
    config: &Config,
    encoding: Option<&str>,
    window: usize,
    progress: &mut dyn FnMut(u64),
) -> Result<StreamReport, StreamError> {
    repair_stream_parallel(reader, writer, config, encoding, window, 1, progress)
}

/// [`repair_stream`] on `threads` threads (`0`: one per core): the windows
/// of a batch, one per thread, are repaired at once and written in order.
/// The output is byte for byte [`repair_stream`]'s; memory grows with the
/// threads (a batch of windows and their repairs are held at once).
///
/// ```
/// let input = "第一段文字在这里\n继续写完。\n\u{c}第二页的文字。\n".repeat(1000);
/// let config = textmend::Config::default();
/// let (mut one, mut two) = (Vec::new(), Vec::new());
/// textmend::stream::repair_stream(input.as_bytes(), &mut one, &config, None, 4096, &mut |_| {})
///     .unwrap();
/// textmend::stream::repair_stream_parallel(
///     input.as_bytes(), &mut two, &config, None, 4096, 2, &mut |_| {},
/// ).unwrap();
/// assert_eq!(one, two);
/// ```
pub fn repair_stream_parallel<R: Read, W: Write>(
    mut reader: R,
    mut writer: W,
    config: &Config,
    encoding: Option<&str>,
    window: usize,
    threads: usize,
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
    let eof = fill(&mut reader, &mut head, window)?;
    // Bytes that are not text are refused, as in `repair_bytes`.
    if let Some(evidence) = binary_evidence(&head).filter(|_| forced.is_none()) {
        return Err(Error::BinaryInput(evidence).into());
    }
    let (choice, utf8) = choose_encoding_reading(&head, forced, eof);
    let mut source = Decoding {
        input: Input {
            reader,
            decoder: choice.encoding.new_decoder_without_bom_handling(),
            eof,
            chunk: READ_CHUNK.min(window),
            bytes_read: head.len() as u64,
            invalid: 0,
        },
        text: String::new(),
        base: 0,
        progress,
    };
    // Bytes already read as UTF-8 while choosing are text as they stand,
    // and end with a whole character: the decoder holds nothing of them.
    match utf8 {
        Some(text) => source.text.push_str(text),
        None => source
            .input
            .decode(&head[choice.bom_len..], &mut source.text),
    }
    drop(head);
    (source.progress)(source.input.bytes_read);

    let mut out = Output {
        writer: &mut writer,
        written_any: false,
    };
    let driven = with_threads(threads, |pool, batch| {
        windows::drive(&mut source, window, config, pool, batch, &mut |blocks| {
            out.write(&blocks)
        })
    })?;
    if out.written_any {
        writer.write_all(b"\n")?;
    }
    writer.flush()?;
    let decode = DecodeReport {
        encoding: choice.encoding.name(),
        source: choice.source,
        confident: choice.confident,
        invalid_sequences: source.input.invalid,
    };
    Ok(StreamReport {
        decode,
        windows: driven.windows,
        windows_redone: driven.redone,
        bytes_read: source.input.bytes_read,
    })
}

/// Repairs text already in memory in windows of `window` bytes, on
/// `threads` threads (`0`: one per core), and returns the text format:
/// what [`repair_stream_parallel`] writes for the text's UTF-8 bytes (when
/// it does not start with a byte order mark), for every number of threads.
/// See [`crate::repair_parallel`].
pub fn repair_windows(text: &str, config: &Config, window: usize, threads: usize) -> String {
    let mut out = String::new();
    let result = with_threads(threads, |pool, batch| {
        windows::drive(
            &mut Memory(text),
            window,
            config,
            pool,
            batch,
            &mut |blocks| {
                for block in blocks {
                    if !out.is_empty() {
                        out.push_str("\n\n");
                    }
                    out.push_str(&block.text);
                }
                Ok(())
            },
        )
    });
    // Text in memory is never read, and `out` takes every block.
    debug_assert!(result.is_ok());
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Runs `work` with a pool of `threads` threads (`0`: one per core) and
/// the number of windows to repair at a time, or with no pool (one at a
/// time) for one thread or when no thread can be started.
fn with_threads<T>(threads: usize, work: impl FnOnce(Option<&rayon::ThreadPool>, usize) -> T) -> T {
    let threads = if threads == 0 {
        std::thread::available_parallelism().map_or(1, usize::from)
    } else {
        threads
    };
    if threads <= 1 {
        return work(None, 1);
    }
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => work(Some(&pool), threads),
        Err(_) => work(None, 1),
    }
}

/// Text decoded from a reader as the windows need it: `text` holds the
/// decoded text from offset `base` on.
struct Decoding<'p, R> {
    input: Input<R>,
    text: String,
    base: usize,
    progress: &'p mut dyn FnMut(u64),
}

impl<R: Read> Source for Decoding<'_, R> {
    fn view(&self) -> View<'_> {
        View {
            text: &self.text,
            base: self.base,
            complete: self.input.eof,
        }
    }

    fn read_to(&mut self, upto: usize) -> io::Result<()> {
        let before = self.input.bytes_read;
        while !self.input.eof && self.base + self.text.len() < upto {
            self.input.read_more(&mut self.text)?;
        }
        if self.input.bytes_read != before {
            (self.progress)(self.input.bytes_read);
        }
        Ok(())
    }

    fn forget(&mut self, at: usize) {
        let at = at.clamp(self.base, self.base + self.text.len());
        self.text.drain(..at - self.base);
        self.base = at;
    }
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

    /// The text of a repair in one piece ([`crate::repair`]).
    fn repair(input: &str) -> String {
        crate::pipeline::run_keeping(input, &Config::default(), crate::pipeline::Keep::Text).text
    }

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
        assert_eq!(streamed(input, DEFAULT_WINDOW), (repair(input), 1));
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
            let expected = repair(&input);
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
            assert_eq!(letters(&out), letters(&repair(&input)), "window {window}");
        }
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
        assert_eq!(streamed("\n\n \n", 1).0, repair("\n\n \n"));
    }

    #[test]
    fn a_line_longer_than_the_window_is_kept_whole() {
        let input = format!("{}\nshort line.\n", "word ".repeat(100));
        assert_eq!(streamed(&input, 10).0, repair(&input));
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
        assert_eq!(String::from_utf8(out).unwrap(), repair(&text));
    }
}
