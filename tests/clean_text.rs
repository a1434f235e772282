//! Clean text is a fixed point: text already in textmend's output format
//! comes out byte for byte the same. Checked on every fixture's
//! `expected.txt` (in tests/fixtures.rs) and here on the ground truth of
//! the development corpus, which lives beside the repository in
//! `../shared/corpus/` when it is checked out there (as in CI).

use std::path::Path;

#[test]
fn corpus_ground_truth_comes_out_unchanged() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no corpus at {}", dir.display());
        return;
    };
    let mut changed = Vec::new();
    let mut checked = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.to_string_lossy().ends_with(".gold.txt") {
            continue;
        }
        let gold = std::fs::read_to_string(&path).expect("gold files are UTF-8");
        checked += 1;
        if textmend::repair(&gold) != gold {
            changed.push(path.display().to_string());
        }
    }
    assert!(checked > 0, "no .gold.txt files in {}", dir.display());
    assert!(
        changed.is_empty(),
        "{} of {checked} clean texts changed:\n{}",
        changed.len(),
        changed.join("\n")
    );
}

/// Runs of white space (Unicode `White_Space`) as one space, trimmed: the
/// comparison of `shared/eval/peer_score.py`, which leaves out what the
/// `space-variant` and `whitespace` rules do by design (`10\u{A0}km` →
/// `10 km`).
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Clean sentences in 150-odd languages and every script group (Latin,
/// Cyrillic, Greek, Arabic, Hebrew, Indic, Thai, Lao, Khmer, Myanmar,
/// Georgian, Armenian, Ethiopic, Han, kana, Hangul…), taken from the
/// translation catalogs Debian ships by `tools/gen_clean_multilingual.py`:
/// every one comes out as it went in. Their zero-width spaces (the word
/// separator of Khmer, Myanmar, Thai), joiners and accents are writing,
/// not artifacts.
#[test]
fn clean_multilingual_sentences_come_out_unchanged() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clean-multilingual.jsonl");
    let cases = std::fs::read_to_string(&path).expect("the clean multilingual set is committed");
    let mut changed = Vec::new();
    let mut languages = std::collections::BTreeSet::new();
    let mut checked = 0;
    for line in cases.lines() {
        let case: serde_json::Value = serde_json::from_str(line).expect("one JSON case a line");
        let input = case["input"].as_str().expect("an input");
        assert_eq!(Some(input), case["expected"].as_str(), "a negative case");
        languages.insert(case["lang"].as_str().unwrap_or_default().to_string());
        checked += 1;
        let output = textmend::repair(input);
        if squash(&output) != squash(input) {
            changed.push(format!("{}: {input:?} → {output:?}", case["id"]));
        }
    }
    assert!(
        checked >= 1000 && languages.len() >= 50,
        "{checked} sentences"
    );
    assert!(
        changed.is_empty(),
        "{} of {checked} clean sentences changed:\n{}",
        changed.len(),
        changed.join("\n")
    );
}
