//! Any bytes, detected or forced encoding (chosen by the first byte):
//! `decode` never panics and UTF-8 input is returned as it is (unless it
//! holds NUL bytes: UTF-16 without a byte order mark is valid UTF-8 too, and
//! is read as UTF-16).
#![no_main]
use libfuzzer_sys::fuzz_target;

const FORCED: [&encoding_rs::Encoding; 6] = [
    encoding_rs::GBK,
    encoding_rs::GB18030,
    encoding_rs::BIG5,
    encoding_rs::SHIFT_JIS,
    encoding_rs::EUC_KR,
    encoding_rs::UTF_16LE,
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    if bytes.len() > 64 * 1024 {
        return;
    }
    let forced = FORCED.get(usize::from(choice)).copied();
    let (text, _report) = textmend::chars::decode::decode(bytes, forced);
    if let (None, false, false, Ok(utf8)) = (
        forced,
        bytes.starts_with(b"\xEF\xBB\xBF"),
        bytes.contains(&0),
        std::str::from_utf8(bytes),
    ) {
        assert_eq!(text, utf8);
    }
});
