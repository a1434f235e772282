//! Any bytes with the repairs switched on and off by the bits of the first
//! byte: `repair_bytes` never panics (nor does the pipeline on bytes it refuses as binary) with any configuration.
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
        // The ninth switch: the low bit of the first input byte.
        mojibake: bytes.first().is_none_or(|b| b & 1 == 0),
        dedupe: flags & 1 != 0,
        furniture: flags & 2 != 0,
        letter_spacing: flags & 4 != 0,
        dehyphenate: flags & 8 != 0,
        cjk_punct: if flags & 16 != 0 {
            textmend::chars::policy::CjkPunct::Full
        } else {
            textmend::chars::policy::CjkPunct::Keep
        },
        fold_width: flags & 32 != 0,
        cjk_spacing: match flags >> 6 {
            1 => textmend::chars::policy::CjkSpacing::Remove,
            2 => textmend::chars::policy::CjkSpacing::Add,
            _ => textmend::chars::policy::CjkSpacing::Keep,
        },
    };
    if textmend::repair_bytes(bytes, &config, None).is_err() {
        // Refused as binary: the pipeline still gets to see such text.
        let (text, _) = textmend::chars::decode::decode(bytes, None);
        let _ = textmend::repair_with(&text, &config);
    }
});
