//! Corpus mode (`--jsonl`): JSON Lines in, the same records out, one string
//! field of each repaired.
//!
//! Records are read [`CHUNK`] lines at a time (at most [`CHUNK_BYTES`]), each
//! chunk repaired in parallel on the rayon pool and written in input order,
//! so memory stays bounded however long the input is. Every field other
//! than the repaired one is written back byte for byte as it was read (the
//! field order too); only the spacing between fields is compacted. The
//! repaired field holds the repaired text without its final newline. A blank
//! line is written back as it is. A malformed line (not UTF-8, not a JSON
//! object, no such field, a field that is not a string, a field whose
//! text is binary data: NUL or many control characters) is reported as
//! `FILE:LINE: message` on standard error and then either stops the run
//! (`--on-error fail`, exit 1) or is written back unchanged (`skip`).

use super::progress::Progress;
use super::{config, inputs, name};
use crate::cli::args::Cli;
use rayon::prelude::*;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use textmend::output::render::render;
use textmend::{Config, Format};

/// Records repaired together.
pub const CHUNK: usize = 1024;

/// A chunk ends early once it holds this many bytes.
pub const CHUNK_BYTES: usize = 64 << 20;

/// Runs corpus mode; the exit status, or a message for exit 2.
pub fn run(cli: &Cli) -> Result<u8, String> {
    let config = config(cli)?;
    if cli.format == Format::Json {
        return Err("--jsonl writes JSON Lines; --format json does not apply".to_string());
    }
    let job = Job {
        config,
        field: cli.field.clone(),
        format: cli.format,
    };
    match cli.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build()
            .map_err(|e| format!("starting {n} threads: {e}"))?
            .install(|| run_all(cli, &job)),
        None => run_all(cli, &job),
    }
}

/// What to do to each record.
struct Job {
    config: Config,
    field: String,
    format: Format,
}

fn run_all(cli: &Cli, job: &Job) -> Result<u8, String> {
    let inputs = inputs(&cli.files);
    let total = inputs
        .iter()
        .map(|p| p.and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()))
        .sum::<Option<u64>>();
    let progress = Progress::for_corpus(total);
    let skip = cli.on_error == "skip";
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let status = 0;
    for &input in &inputs {
        let name = name(input);
        let mut reader: Box<dyn BufRead> = match input {
            Some(path) => Box::new(BufReader::with_capacity(
                1 << 20,
                File::open(path).map_err(|e| format!("{name}: {e}"))?,
            )),
            None => Box::new(io::stdin().lock()),
        };
        let mut line_number = 0;
        loop {
            let chunk = read_chunk(&mut reader).map_err(|e| format!("{name}: {e}"))?;
            if chunk.is_empty() {
                break;
            }
            let results: Vec<Result<Vec<u8>, String>> =
                chunk.par_iter().map(|line| job.record(line)).collect();
            for (line, result) in chunk.iter().zip(results) {
                line_number += 1;
                let written = match result {
                    Ok(record) => out.write_all(&record),
                    Err(message) => {
                        progress.suspend(|| eprintln!("{name}:{line_number}: {message}"));
                        if !skip {
                            progress.finish();
                            return finish(out).map(|()| 1);
                        }
                        out.write_all(line).and_then(|()| {
                            if line.ends_with(b"\n") {
                                Ok(())
                            } else {
                                out.write_all(b"\n")
                            }
                        })
                    }
                };
                if let Err(e) = written {
                    progress.finish();
                    return super::quiet_on_broken_pipe(e).map(|()| status);
                }
            }
            progress.inc(chunk.iter().map(|l| l.len() as u64).sum());
        }
    }
    progress.finish();
    finish(out).map(|()| status)
}

fn finish(mut out: impl Write) -> Result<(), String> {
    out.flush().or_else(super::quiet_on_broken_pipe)
}

/// Up to [`CHUNK`] lines (with their terminators), fewer at the end of the
/// input or past [`CHUNK_BYTES`].
fn read_chunk(reader: &mut dyn BufRead) -> io::Result<Vec<Vec<u8>>> {
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut bytes = 0;
    while chunk.len() < CHUNK && bytes < CHUNK_BYTES {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        bytes += line.len();
        chunk.push(line);
    }
    Ok(chunk)
}

impl Job {
    /// One line repaired, with its line terminator (`\n` when it had
    /// none), or what is wrong with it.
    fn record(&self, line: &[u8]) -> Result<Vec<u8>, String> {
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        let terminator = &line[body.len()..];
        let terminator: &[u8] = if terminator.is_empty() {
            b"\n"
        } else {
            terminator
        };
        let mut out = Vec::with_capacity(line.len() + 16);
        if body.iter().all(u8::is_ascii_whitespace) {
            out.extend_from_slice(body);
            out.extend_from_slice(terminator);
            return Ok(out);
        }
        let text = std::str::from_utf8(body)
            .map_err(|e| format!("not UTF-8 (byte {})", e.valid_up_to() + 1))?;
        let Record(fields) =
            serde_json::from_str(text).map_err(|e| format!("not a JSON object: {e}"))?;
        if !fields.iter().any(|(key, _)| *key == self.field) {
            return Err(format!("no field \"{}\"", self.field));
        }
        out.push(b'{');
        for (i, (key, value)) in fields.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut out, key).map_err(|e| e.to_string())?;
            out.push(b':');
            if *key == self.field {
                let repaired = self.repair(value)?;
                serde_json::to_writer(&mut out, &repaired).map_err(|e| e.to_string())?;
            } else {
                out.extend_from_slice(value.get().as_bytes());
            }
        }
        out.push(b'}');
        out.extend_from_slice(terminator);
        Ok(out)
    }

    fn repair(&self, value: &RawValue) -> Result<String, String> {
        let text: String = serde_json::from_str(value.get()).map_err(|e| {
            let kind = match value.get().as_bytes().first() {
                Some(b'"') => {
                    // The position would be inside the field, not the line.
                    let message = e.to_string();
                    let message = message.split(" at line ").next().unwrap_or_default();
                    return format!("field \"{}\" is not a valid string: {message}", self.field);
                }
                Some(b'{') => "an object",
                Some(b'[') => "an array",
                Some(b't' | b'f') => "a boolean",
                Some(b'n') => "null",
                _ => "a number",
            };
            format!("field \"{}\" is {kind}, not a string", self.field)
        })?;
        // A field holding the bytes of a file that is not text is a bad
        // record, as such a file is a bad input.
        if let Some(evidence) = textmend::chars::decode::binary_evidence(text.as_bytes()) {
            let error = textmend::Error::BinaryInput(evidence);
            return Err(format!("field \"{}\": {error}", self.field));
        }
        let repaired = textmend::repair_with(&text, &self.config);
        let mut out = render(&repaired, self.format);
        if out.ends_with('\n') {
            out.pop();
        }
        Ok(out)
    }
}

/// A JSON object's fields in the order written, each value as its raw text.
struct Record(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = Record;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push(entry);
                }
                Ok(Record(fields))
            }
        }
        deserializer.deserialize_map(Fields)
    }
}
