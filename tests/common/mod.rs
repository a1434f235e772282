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
    let mut child = Command::new(env!("CARGO_BIN_EXE_textmend"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("textmend runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    // A child that refuses its input may exit before reading it.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("textmend finishes")
}
