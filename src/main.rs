//! The `textmend` command: a thin shell over the library that parses
//! flags, reads input, and prints.

#![forbid(unsafe_code)]

mod cli;

use clap::Parser;
use cli::args::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = if cli.jsonl {
        cli::jsonl::run(&cli)
    } else {
        cli::files::run(&cli)
    };
    match status {
        Ok(status) => ExitCode::from(status),
        Err(message) => {
            eprintln!("textmend: {message}");
            ExitCode::from(2)
        }
    }
}
