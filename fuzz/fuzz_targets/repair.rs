//! Any bytes, default configuration: `repair_bytes` never panics (nor does the pipeline on bytes it refuses as binary).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    if textmend::repair_bytes(data, &textmend::Config::default(), None).is_err() {
        // Refused as binary: the pipeline still gets to see such text.
        let (text, _) = textmend::chars::decode::decode(data, None);
        let _ = textmend::repair_with(&text, &textmend::Config::default());
    }
});
