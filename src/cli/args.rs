//! The command line: its flags, help text and examples.

use clap::Parser;
use std::path::PathBuf;
use textmend::Format;

const EXAMPLES: &str = "\
Examples:
  pdftotext report.pdf - | textmend > report.txt
      repair what a PDF extractor wrote and reflow it into paragraphs
  textmend fixtures/seed/raw.txt
      repair a file; the result goes to standard output
  textmend --format markdown page.txt
      headings as '#', list items as '-'
  textmend --format json page.txt
      blocks with their kind and input byte range, and every edit
  textmend --encoding gbk old.txt
      read legacy bytes with a known encoding instead of detecting it
  textmend --explain page.txt > page.clean.txt
      also list every edit on standard error: line:column, rule, before → after
  textmend --check docs/*.txt
      change nothing; list the edits that would be made, exit 1 if any
  textmend --in-place notes/*.txt
      rewrite each file with its repair (atomically; unchanged on error)
  textmend --jsonl --field body corpus.jsonl > clean.jsonl
      repair the 'body' field of each JSON Lines record, in parallel
  zcat crawl.jsonl.gz | textmend --jsonl --threads 4 --on-error skip
      corpus mode from standard input; malformed lines pass through unchanged

Large inputs are repaired in windows of 4 MiB, each ending at a page break
or a line end, in bounded memory; in the text format the windows are
repaired on every core (--threads N to choose), and the output is byte for
byte the same as on one thread.

A progress bar is drawn on standard error only when it is a terminal and
the work is large (over 8 MiB of files, or --jsonl).

Output: one block (paragraph, heading, list item) per line, blocks
separated by one blank line, a final newline.

Exit status: 0 on success; 1 when --check found edits to make or a JSON
Lines record was malformed (with --on-error fail); 2 on bad usage, an
unreadable or unwritable file, or an input that is not text (binary, unless
--encoding forces a reading).";

/// Repair text extracted from PDFs or produced by OCR, and reflow it into
/// clean paragraphs.
///
/// Removes fake-bold duplicated headings, page headers, footers and page
/// numbers; joins lines broken by the column width (with no space inside
/// Chinese and Japanese, one space between English words, hyphenated words
/// re-joined); closes up letter-spaced CJK; and fixes character artifacts
/// (mojibake such as `Ã©`, ligatures, soft hyphens, zero-width characters, Kangxi radicals,
/// `⋯⋯`). A writer's own spacing, punctuation and character width are
/// kept.
#[derive(Debug, Parser)]
#[command(name = "textmend", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Files to repair; standard input when none is given (or for `-`).
    pub(crate) files: Vec<PathBuf>,

    /// Output format: text, markdown or json.
    #[arg(short, long, default_value = "text", value_name = "FORMAT")]
    pub(crate) format: Format,

    /// Read the input in this encoding (a WHATWG label such as gbk,
    /// big5, shift_jis, euc-kr, utf-16le) instead of detecting it. A byte
    /// order mark still wins.
    #[arg(long, value_name = "LABEL", conflicts_with = "jsonl")]
    pub(crate) encoding: Option<String>,

    /// Read the repair switches from a JSON file, e.g. {"dedupe": false}.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,

    /// Keep text that looks decoded with the wrong encoding (`Ã©`) as it is.
    #[arg(long)]
    pub(crate) no_mojibake: bool,

    /// Keep fake-bold duplication (headings drawn twice).
    #[arg(long)]
    pub(crate) no_dedupe: bool,

    /// Keep running headers, footers and page numbers.
    #[arg(long)]
    pub(crate) no_furniture: bool,

    /// Keep letter-spaced CJK as it is.
    #[arg(long)]
    pub(crate) no_letter_spacing: bool,

    /// Keep hyphens at line ends.
    #[arg(long)]
    pub(crate) no_dehyphenate: bool,

    /// Make ASCII punctuation between CJK characters full-width: `full`
    /// turns `态,当` into `态，当`; `keep` (the default) leaves it.
    #[arg(long, value_name = "POLICY", default_value = "keep", value_parser = ["keep", "full"])]
    pub(crate) cjk_punct: String,

    /// Fold full-width letters and digits to ASCII (`ＡＢＣ１２３` → `ABC123`).
    #[arg(long)]
    pub(crate) fold_width: bool,

    /// Spaces between CJK and Latin letters or digits: `keep` (the
    /// default), `remove` (`使用 apt` → `使用apt`) or `add`.
    #[arg(long, value_name = "POLICY", default_value = "keep", value_parser = ["keep", "remove", "add"])]
    pub(crate) cjk_spacing: String,

    /// After the output, list every edit on standard error, grouped by
    /// rule: LINE:COL (1-based, in characters), before → after.
    #[arg(long, conflicts_with_all = ["check", "jsonl"])]
    pub(crate) explain: bool,

    /// Change nothing: print each edit that would be made as
    /// `FILE:LINE:COL: rule: before → after` and exit 1 if there is any.
    #[arg(long, conflicts_with_all = ["in_place", "jsonl"])]
    pub(crate) check: bool,

    /// Rewrite each FILE with its repair (written as UTF-8, atomically: on
    /// any error the original stays). Needs file arguments.
    #[arg(short, long, conflicts_with = "jsonl")]
    pub(crate) in_place: bool,

    /// Corpus mode: read JSON Lines, repair one string field of each
    /// record (see --field), keep every other field and the record order.
    #[arg(long)]
    pub(crate) jsonl: bool,

    /// The field that --jsonl repairs.
    #[arg(long, value_name = "NAME", default_value = "text", requires = "jsonl")]
    pub(crate) field: String,

    /// What --jsonl does with a line that is not a JSON object with a
    /// string field: `fail` stops with exit 1, `skip` writes the line out
    /// unchanged. Both report it as FILE:LINE: message on standard error.
    #[arg(long, value_name = "ACTION", default_value = "fail", value_parser = ["fail", "skip"], requires = "jsonl")]
    pub(crate) on_error: String,

    /// Worker threads (default: one per core). --jsonl repairs records in
    /// parallel; the text format repairs the windows of a large input in
    /// parallel, with the same output as one thread. 1 works on one thread.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,

    /// Say on standard error how each input was decoded (and a large
    /// input's windows: how many, and how many were repaired again).
    #[arg(short, long)]
    pub(crate) verbose: bool,

    /// Bytes of text repaired at a time in the text format (the memory
    /// bound); for tests and tuning.
    #[arg(long, hide = true, value_name = "BYTES")]
    pub(crate) window: Option<usize>,
}
