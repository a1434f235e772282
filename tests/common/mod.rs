//! What the integration tests share: the fixture folders, and running the
//! `textmend` binary.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A file of one fixture: `fixtures/NAME/FILE`.
pub fn fixture(name: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
        .join(file)
}

/// Every fixture folder (one with `raw.txt` and `expected.txt`), sorted.
pub fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("raw.txt").is_file() && p.join("expected.txt").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// Runs the binary with `args` and `stdin` on its standard input.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    // A child that refuses its input may exit before reading it.
    run_writing(args, stdin.to_vec()).0
}

/// Runs the binary with `args`, writing `stdin` from a thread of its own
/// (the command writes output before it has read all of a large input,
/// so writing it all first could wait forever), and says whether all of
/// the input was written.
pub fn run_writing(args: &[&str], stdin: Vec<u8>) -> (Output, std::io::Result<()>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textmend"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("textmend runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().expect("textmend finishes");
    let written = writer.join().expect("the writer does not panic");
    (output, written)
}
