//! Whole-document mode: repair each input to standard output (`--explain`
//! adds the edits on standard error), list the edits without changing
//! anything (`--check`), or rewrite files where they are (`--in-place`).

use super::progress::Progress;
use super::{Input, config, inputs, name, quiet_on_broken_pipe, read};
use crate::cli::args::Cli;
use std::io::{self, Write};
use std::path::Path;
use textmend::output::explain::{self, LineIndex, Position};
use textmend::output::render::render;
use textmend::{Format, Repaired};

/// Runs the mode; the exit status, or a message for exit 2.
pub fn run(cli: &Cli) -> Result<u8, String> {
    let config = config(cli)?;
    let forced = forced(cli)?;
    let inputs = inputs(&cli.files);
    if cli.in_place && inputs.iter().any(Option::is_none) {
        return Err("--in-place needs files to rewrite, not standard input".to_string());
    }
    let sizes: u64 = inputs
        .iter()
        .flatten()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let progress = Progress::for_bytes(sizes, inputs.iter().all(Option::is_some));
    let stdout = io::stdout();
    // Buffered: a streamed repair writes block by block.
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut status = 0;
    let mut written = 0;
    let streaming = cli.format == Format::Text && !cli.check && !cli.explain && !cli.in_place;
    for &input in &inputs {
        let name = name(input);
        if streaming {
            let separator = written > 0;
            match stream(cli, &config, input, &mut out, separator, &progress) {
                Ok(wrote) => written += usize::from(wrote),
                Err(Failure::Output(e)) => return quiet_on_broken_pipe(e).map(|()| status),
                Err(Failure::Input(message)) => return Err(format!("{name}: {message}")),
            }
            continue;
        }
        let bytes = match read(input) {
            Ok(bytes) => bytes,
            Err(e) if cli.in_place => {
                progress.suspend(|| eprintln!("textmend: {name}: {e}"));
                status = 2;
                continue;
            }
            Err(e) => return Err(format!("{name}: {e}")),
        };
        // Edit ranges refer to the decoded text.
        let (decoded, report) = match textmend::decode_text(&bytes, forced) {
            Ok(decoded) => decoded,
            Err(e) if cli.in_place => {
                progress.suspend(|| eprintln!("textmend: {name}: {e} (file left as it was)"));
                status = 2;
                continue;
            }
            Err(e) => return Err(format!("{name}: {e}")),
        };
        let mut repaired = textmend::repair_with(&decoded, &config);
        repaired.decode = Some(report.clone());
        progress.suspend(|| report_decode(cli, &name, &report));
        progress.inc(bytes.len() as u64);
        if cli.check {
            let lines = check_lines(&name, &bytes, &decoded, &repaired);
            if !lines.is_empty() {
                status = 1;
            }
            for line in lines {
                if let Err(e) = writeln!(out, "{line}") {
                    return quiet_on_broken_pipe(e).map(|()| status);
                }
            }
            continue;
        }
        let text = render(&repaired, cli.format);
        if cli.in_place {
            if let Err(e) = rewrite(input, &bytes, &text) {
                progress.suspend(|| eprintln!("textmend: {name}: {e} (file left as it was)"));
                status = 2;
                continue;
            }
        } else {
            let separator = written > 0 && cli.format != Format::Json && !text.is_empty();
            let result = out
                .write_all(if separator { b"\n" } else { b"" })
                .and_then(|()| out.write_all(text.as_bytes()))
                .and_then(|()| out.flush());
            if let Err(e) = result {
                return quiet_on_broken_pipe(e).map(|()| status);
            }
            written += 1;
        }
        if cli.explain {
            let report = explain::explain(&decoded, &repaired.edits);
            let count = explain::changes(&decoded, &repaired.edits).len();
            let edits = if count == 1 { "edit" } else { "edits" };
            progress.suspend(|| eprint!("textmend: {name}: {count} {edits}\n{report}"));
        }
    }
    progress.finish();
    out.flush().or_else(quiet_on_broken_pipe)?;
    Ok(status)
}

/// Why a streamed input stopped.
enum Failure {
    /// Reading or decoding the input failed (exit 2 with its name).
    Input(String),
    /// Writing the output failed (quiet when the reader went away).
    Output(io::Error),
}

/// Repairs one input in the text format in bounded memory (see
/// [`textmend::stream`]), writing a blank line first when `separator` and
/// the input has text. True when it wrote anything.
fn stream(
    cli: &Cli,
    config: &textmend::Config,
    input: super::Input<'_>,
    out: &mut impl Write,
    separator: bool,
    progress: &Progress,
) -> Result<bool, Failure> {
    let reader: Box<dyn io::Read> = match input {
        Some(path) => {
            Box::new(std::fs::File::open(path).map_err(|e| Failure::Input(e.to_string()))?)
        }
        None => Box::new(io::stdin().lock()),
    };
    let mut writer = Separated {
        out,
        separator,
        wrote: false,
        failed: None,
    };
    let mut done = 0;
    let result = textmend::stream::repair_stream_parallel(
        io::BufReader::new(reader),
        &mut writer,
        config,
        cli.encoding.as_deref(),
        cli.window.unwrap_or(textmend::stream::DEFAULT_WINDOW),
        cli.threads.map_or(0, usize::from),
        &mut |read| {
            progress.inc(read - done);
            done = read;
        },
    );
    let wrote = writer.wrote;
    if let Some(e) = writer.failed {
        return Err(Failure::Output(e));
    }
    let report = result.map_err(|e| Failure::Input(e.to_string()))?;
    progress.suspend(|| {
        report_decode(cli, &name(input), &report.decode);
        if cli.verbose && report.windows > 1 {
            eprintln!(
                "textmend: {}: repaired in {} windows ({} repaired again)",
                name(input),
                report.windows,
                report.windows_redone
            );
        }
    });
    Ok(wrote)
}

/// Writes through to `out`, with a blank line before the first byte when
/// `separator`, and remembers a write error (so that it is told apart from
/// a read error).
struct Separated<'a, W> {
    out: &'a mut W,
    separator: bool,
    wrote: bool,
    failed: Option<io::Error>,
}

impl<W: Write> Write for Separated<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if bytes.is_empty() {
            return Ok(0);
        }
        let result = (|| {
            if !self.wrote && self.separator {
                self.out.write_all(b"\n")?;
            }
            self.wrote = true;
            self.out.write_all(bytes)
        })();
        match result {
            Ok(()) => Ok(bytes.len()),
            Err(e) => {
                let kind = e.kind();
                self.failed = Some(e);
                Err(io::Error::new(kind, "writing output"))
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush().inspect_err(|e| {
            self.failed
                .get_or_insert_with(|| io::Error::new(e.kind(), e.to_string()));
        })
    }
}

/// The encoding `--encoding` names, if any.
fn forced(cli: &Cli) -> Result<Option<&'static encoding_rs::Encoding>, String> {
    match cli.encoding.as_deref() {
        None => Ok(None),
        Some(label) => encoding_rs::Encoding::for_label(label.trim().as_bytes())
            .map(Some)
            .ok_or_else(|| textmend::Error::UnknownEncoding(label.to_string()).to_string()),
    }
}

fn report_decode(cli: &Cli, name: &str, report: &textmend::DecodeReport) {
    if report.invalid_sequences > 0 || report.source == "detected" || cli.verbose {
        eprintln!(
            "textmend: {name}: read as {} ({}{}){}",
            report.encoding,
            report.source,
            if report.confident { "" } else { ", not sure" },
            if report.invalid_sequences > 0 {
                format!(
                    ", {} invalid byte sequences replaced by U+FFFD",
                    report.invalid_sequences
                )
            } else {
                String::new()
            }
        );
    }
}

/// The `--check` report of one input: `FILE:LINE:COL: rule: before →
/// after` for every edit. The input is clean exactly when its repair, as
/// `--in-place` would write it, is byte for byte the input; what the edit
/// log does not record still makes it differ, and gets one line: reading
/// legacy bytes (written back as UTF-8) as an `encoding` line, and layout
/// (a missing final newline, blank lines before the first or after the
/// last block, white space at a line's ends) as a `block-break` line at the
/// first place where input and output differ.
fn check_lines(name: &str, bytes: &[u8], input: &str, repaired: &Repaired) -> Vec<String> {
    let mut lines: Vec<String> = explain::changes(input, &repaired.edits)
        .iter()
        .map(|c| format!("{name}:{c}"))
        .collect();
    if bytes == repaired.text.as_bytes() {
        return lines;
    }
    if bytes != input.as_bytes() {
        let read_as = repaired.decode.as_ref().map_or("", |r| r.encoding);
        let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
            " with a byte order mark"
        } else {
            ""
        };
        lines.insert(0, format!("{name}:1:1: encoding: {read_as}{bom} → UTF-8"));
    } else if lines.is_empty() {
        let at = input
            .char_indices()
            .zip(repaired.text.chars())
            .find(|((_, a), b)| a != b)
            .map_or(input.len().min(repaired.text.len()), |((at, _), _)| at);
        let Position { line, column } = LineIndex::new(input).position(at);
        let (before, after) = (&input[at..], &repaired.text[at.min(repaired.text.len())..]);
        let show = |s: &str| {
            let shown = explain::visible(&explain::shorten(s, explain::CONTEXT));
            if shown.is_empty() {
                "(end)".to_string()
            } else {
                shown
            }
        };
        lines.push(format!(
            "{name}:{line}:{column}: block-break: {} → {}",
            show(before),
            show(after)
        ));
    }
    lines
}

/// Writes `text` over the file at `path`: to a temporary file in the same
/// directory, then renamed over the original, so that a reader sees the old
/// file or the new one and an error leaves the old one. A file whose
/// repair is itself is not touched.
fn rewrite(path: Input<'_>, original: &[u8], text: &str) -> io::Result<()> {
    let Some(path) = path else {
        return Err(io::Error::other("standard input cannot be rewritten"));
    };
    if original == text.as_bytes() {
        return Ok(());
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.as_file().set_permissions(permissions)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
