//! Differential: repairing repaired text changes nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let (text, _) = textmend::chars::decode::decode(data, None);
    let once = textmend::repair(&text);
    let twice = textmend::repair(&once);
    assert_eq!(once, twice, "repair is not idempotent on {text:?}");
});
