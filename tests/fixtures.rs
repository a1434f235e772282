//! Every folder under `fixtures/` with `raw.txt` and `expected.txt` (and an
//! optional `options.json` holding a `Config`) is a test case: the repaired
//! raw text must equal the expected text byte for byte, and the expected
//! text, being clean, must come out unchanged.

use std::fs;
use std::path::{Path, PathBuf};
use textmend::{Config, repair_with};

mod common;

fn cases() -> Vec<PathBuf> {
    common::fixture_dirs()
}

fn config(dir: &Path) -> Config {
    match fs::read_to_string(dir.join("options.json")) {
        Ok(json) => Config::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", dir.display())),
        Err(_) => Config::default(),
    }
}

/// A line-by-line diff that shows where the output went wrong.
fn diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            out.push_str(&format!(
                "line {}:\n  - expected: {:?}\n  + actual:   {:?}\n",
                i + 1,
                x,
                y
            ));
        }
    }
    if out.is_empty() && expected != actual {
        out.push_str("the texts differ only in their final newlines\n");
    }
    out
}

#[test]
fn fixtures_repair_to_their_expected_text() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} fixtures", cases.len());
    let mut failures = Vec::new();
    for dir in &cases {
        let raw = fs::read_to_string(dir.join("raw.txt")).expect("raw.txt is UTF-8");
        let expected = fs::read_to_string(dir.join("expected.txt")).expect("expected.txt is UTF-8");
        let config = config(dir);
        let actual = repair_with(&raw, &config).text;
        if actual != expected {
            failures.push(format!("{}:\n{}", dir.display(), diff(&expected, &actual)));
        }
        let again = repair_with(&expected, &config).text;
        if again != expected {
            failures.push(format!(
                "{} (expected.txt is not a fixed point):\n{}",
                dir.display(),
                diff(&expected, &again)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
