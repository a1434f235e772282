//! Any bytes with the repairs switched on and off by the bits of the first
//! byte: `repair_bytes` never panics with any configuration.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    if bytes.len() > 64 * 1024 {
        return;
    }
    let config = textmend::Config {
        dedupe: flags & 1 != 0,
        furniture: flags & 2 != 0,
        letter_spacing: flags & 4 != 0,
        dehyphenate: flags & 8 != 0,
    };
    let _ = textmend::repair_bytes(bytes, &config, None);
});
