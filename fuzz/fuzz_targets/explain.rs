//! Any text: explaining its edits never panics, and every change sits at a
//! position inside the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if text.len() > 64 * 1024 {
        return;
    }
    let repaired = textmend::repair_with(text, &textmend::Config::default());
    let index = textmend::output::explain::LineIndex::new(text);
    let end = index.position(text.len());
    for change in textmend::output::explain::changes(text, &repaired.edits) {
        assert!(change.position <= end && change.position.column >= 1);
    }
    let _ = textmend::output::explain::explain(text, &repaired.edits);
});
