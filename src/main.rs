//! The `textmend` command: a thin shell over the library that parses
//! flags, reads input, and prints.

#![forbid(unsafe_code)]

use clap::Parser;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use textmend::{Config, Format, render::render};

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

Output: one block (paragraph, heading, list item) per line, blocks
separated by one blank line, a final newline.

Exit status: 0 on success, 2 on bad usage or an unreadable input.";

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
struct Cli {
    /// Files to repair; standard input when none is given (or for `-`).
    files: Vec<PathBuf>,

    /// Output format: text, markdown or json.
    #[arg(short, long, default_value = "text", value_name = "FORMAT")]
    format: Format,

    /// Read the input in this encoding (a WHATWG label such as gbk,
    /// big5, shift_jis, euc-kr, utf-16le) instead of detecting it. A byte
    /// order mark still wins.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,

    /// Read the repair switches from a JSON file, e.g. {"dedupe": false}.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Keep text that looks decoded with the wrong encoding (`Ã©`) as it is.
    #[arg(long)]
    no_mojibake: bool,

    /// Keep fake-bold duplication (headings drawn twice).
    #[arg(long)]
    no_dedupe: bool,

    /// Keep running headers, footers and page numbers.
    #[arg(long)]
    no_furniture: bool,

    /// Keep letter-spaced CJK as it is.
    #[arg(long)]
    no_letter_spacing: bool,

    /// Keep hyphens at line ends.
    #[arg(long)]
    no_dehyphenate: bool,

    /// Make ASCII punctuation between CJK characters full-width: `full`
    /// turns `态,当` into `态，当`; `keep` (the default) leaves it.
    #[arg(long, value_name = "POLICY", default_value = "keep", value_parser = ["keep", "full"])]
    cjk_punct: String,

    /// Fold full-width letters and digits to ASCII (`ＡＢＣ１２３` → `ABC123`).
    #[arg(long)]
    fold_width: bool,

    /// Spaces between CJK and Latin letters or digits: `keep` (the
    /// default), `remove` (`使用 apt` → `使用apt`) or `add`.
    #[arg(long, value_name = "POLICY", default_value = "keep", value_parser = ["keep", "remove", "add"])]
    cjk_spacing: String,

    /// Say on standard error how each input was decoded.
    #[arg(short, long)]
    verbose: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("textmend: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<(), String> {
    let config = config(cli)?;
    let inputs: Vec<Option<&PathBuf>> = if cli.files.is_empty() {
        vec![None]
    } else {
        cli.files
            .iter()
            .map(|p| (p.as_os_str() != "-").then_some(p))
            .collect()
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (n, input) in inputs.iter().enumerate() {
        let name = input.map_or("<stdin>".to_string(), |p| p.display().to_string());
        let bytes = read(*input).map_err(|e| format!("{name}: {e}"))?;
        let repaired = textmend::repair_bytes(&bytes, &config, cli.encoding.as_deref())
            .map_err(|e| e.to_string())?;
        if let Some(report) = &repaired.decode {
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
        let mut text = render(&repaired, cli.format);
        if n > 0 && cli.format != Format::Json && !text.is_empty() {
            text.insert(0, '\n');
        }
        if let Err(e) = out.write_all(text.as_bytes()) {
            return quiet_on_broken_pipe(e);
        }
    }
    out.flush().or_else(quiet_on_broken_pipe)
}

fn config(cli: &Cli) -> Result<Config, String> {
    let mut config = match &cli.config {
        Some(path) => {
            let json =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Config::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => Config::default(),
    };
    config.mojibake &= !cli.no_mojibake;
    config.dedupe &= !cli.no_dedupe;
    config.furniture &= !cli.no_furniture;
    config.letter_spacing &= !cli.no_letter_spacing;
    config.dehyphenate &= !cli.no_dehyphenate;
    config.fold_width |= cli.fold_width;
    if cli.cjk_punct == "full" {
        config.cjk_punct = textmend::policy::CjkPunct::Full;
    }
    match cli.cjk_spacing.as_str() {
        "remove" => config.cjk_spacing = textmend::policy::CjkSpacing::Remove,
        "add" => config.cjk_spacing = textmend::policy::CjkSpacing::Add,
        _ => {}
    }
    Ok(config)
}

fn read(path: Option<&PathBuf>) -> io::Result<Vec<u8>> {
    match path {
        Some(path) => std::fs::read(path),
        None => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
    }
}

/// A reader that went away (`textmend … | head`) is not an error.
fn quiet_on_broken_pipe(e: io::Error) -> Result<(), String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(format!("writing output: {e}"))
    }
}
