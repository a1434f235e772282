//! The command's modes, each a thin shell over the library: `files` (repair
//! to standard output, `--explain`, `--check`, `--in-place`) and `jsonl`
//! (corpus mode). What they share lives here.

pub mod args;
pub mod files;
pub mod jsonl;
pub mod progress;

use crate::cli::args::Cli;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use textmend::Config;

/// An input: a file, or standard input (`None`).
pub type Input<'a> = Option<&'a Path>;

/// The inputs named on the command line; standard input when none is
/// given, and for `-`.
pub fn inputs(files: &[PathBuf]) -> Vec<Input<'_>> {
    if files.is_empty() {
        return vec![None];
    }
    files
        .iter()
        .map(|p| (p.as_os_str() != "-").then_some(p.as_path()))
        .collect()
}

/// How an input is named in messages: its path, or `<stdin>`.
pub fn name(input: Input<'_>) -> String {
    input.map_or("<stdin>".to_string(), |p| p.display().to_string())
}

/// Reads a whole input.
pub fn read(input: Input<'_>) -> io::Result<Vec<u8>> {
    match input {
        Some(path) => std::fs::read(path),
        None => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
    }
}

/// The repair switches: the `--config` file, then the flags.
pub fn config(cli: &Cli) -> Result<Config, String> {
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
        config.cjk_punct = textmend::chars::policy::CjkPunct::Full;
    }
    match cli.cjk_spacing.as_str() {
        "remove" => config.cjk_spacing = textmend::chars::policy::CjkSpacing::Remove,
        "add" => config.cjk_spacing = textmend::chars::policy::CjkSpacing::Add,
        _ => {}
    }
    Ok(config)
}

/// A reader that went away (`textmend … | head`) is not an error.
pub fn quiet_on_broken_pipe(e: io::Error) -> Result<(), String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(format!("writing output: {e}"))
    }
}
