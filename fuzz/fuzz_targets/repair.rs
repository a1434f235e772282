//! Any bytes, default configuration: `repair_bytes` never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let _ = textmend::repair_bytes(data, &textmend::Config::default(), None);
});
