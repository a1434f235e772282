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
