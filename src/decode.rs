//! Bytes to text: byte order marks, UTF-8, and detection of the legacy
//! encodings extractors and archives still produce.
//!
//! ```text
//! b"\xd6\xf7\xcc\xe2\xbd\xcc\xd3\xfd" (GBK)   →  "主题教育"   (encoding: GBK)
//! b"\xef\xbb\xbfplain"                        →  "plain"      (BOM removed)
//! ```
//!
//! Order of decisions: a BOM (UTF-8, UTF-16LE/BE) wins; then a label the
//! caller forces; then UTF-8 when the bytes are valid UTF-8, or nearly so
//! (a UTF-8 file with a few damaged bytes stays UTF-8 rather than turning
//! into mojibake); otherwise chardetng guesses among the legacy encodings
//! (GB18030/GBK, Big5, Shift_JIS, EUC-JP, EUC-KR, windows-1252, ...).
//! Invalid byte sequences become U+FFFD and are counted in the report.
//!
//! `O(n)`; valid UTF-8 is borrowed, not copied.

use encoding_rs::{DecoderResult, Encoding, UTF_8};
use serde::Serialize;
use std::borrow::Cow;

/// The share of invalid sequences (per non-ASCII byte) under which input
/// that is mostly UTF-8 is still read as damaged UTF-8.
const DAMAGED_UTF8_SHARE: f64 = 0.02;

/// What the decoder found out about the input bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecodeReport {
    /// The encoding the bytes were read as (WHATWG name, e.g. `UTF-8`, `GBK`).
    pub encoding: &'static str,
    /// How the encoding was chosen: `bom`, `forced`, `utf-8`, `detected`.
    pub source: &'static str,
    /// Whether the detector was confident (always true for a BOM, a forced
    /// label or valid UTF-8).
    pub confident: bool,
    /// Number of invalid byte sequences replaced by U+FFFD.
    pub invalid_sequences: usize,
}

/// Decodes `bytes` to text, with `forced` overriding detection (a BOM
/// still wins, as in every WHATWG decoder).
///
/// ```
/// use textmend::decode::decode;
/// let (text, report) = decode("鄂尔多斯".as_bytes(), None);
/// assert_eq!(text, "鄂尔多斯");
/// assert_eq!(report.encoding, "UTF-8");
///
/// let (gbk, _, _) = encoding_rs::GBK.encode("不忘初心，牢记使命。主题教育在基层开展。");
/// let (text, report) = decode(&gbk, None);
/// assert_eq!(text, "不忘初心，牢记使命。主题教育在基层开展。");
/// assert_eq!(report.source, "detected");
/// ```
pub fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> (Cow<'a, str>, DecodeReport) {
    let choice = choose_encoding(bytes, forced, true);
    let (text, invalid) = decode_counting(&bytes[choice.bom_len..], choice.encoding);
    let report = DecodeReport {
        encoding: choice.encoding.name(),
        source: choice.source,
        confident: choice.confident,
        invalid_sequences: invalid,
    };
    (text, report)
}

/// The encoding chosen for some bytes, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncodingChoice {
    /// The encoding to read the bytes as.
    pub encoding: &'static Encoding,
    /// Length of the byte order mark to skip (0 when there is none).
    pub bom_len: usize,
    /// How the encoding was chosen: `bom`, `forced`, `utf-8`, `detected`.
    pub source: &'static str,
    /// Whether the choice is certain.
    pub confident: bool,
}

/// Chooses the encoding of `bytes`, the whole input when `complete`, or
/// its beginning (a sequence cut at the end is then not held against
/// UTF-8).
///
/// ```
/// use textmend::decode::choose_encoding;
/// let choice = choose_encoding("鄂尔多斯".as_bytes(), None, true);
/// assert_eq!((choice.encoding.name(), choice.source), ("UTF-8", "utf-8"));
/// let cut = &"鄂尔多斯".as_bytes()[..4];
/// assert!(choose_encoding(cut, None, false).confident);
/// ```
pub fn choose_encoding(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    complete: bool,
) -> EncodingChoice {
    let choice = |encoding, bom_len, source, confident| EncodingChoice {
        encoding,
        bom_len,
        source,
        confident,
    };
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return choice(encoding, bom_len, "bom", true);
    }
    if let Some(encoding) = forced {
        return choice(encoding, 0, "forced", true);
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => return choice(UTF_8, 0, "utf-8", true),
        Err(e) if !complete && e.error_len().is_none() => {
            return choice(UTF_8, 0, "utf-8", true);
        }
        Err(_) => {}
    }
    let (_, invalid) = decode_counting(bytes, UTF_8);
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count().max(1);
    if (invalid as f64) / (non_ascii as f64) <= DAMAGED_UTF8_SHARE {
        return choice(UTF_8, 0, "utf-8", false);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, complete);
    let (encoding, confident) = detector.guess_assess(None, true);
    choice(encoding, 0, "detected", confident)
}

/// Decodes without BOM handling, replacing and counting malformed sequences.
fn decode_counting<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> (Cow<'a, str>, usize) {
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return (Cow::Borrowed(text), 0);
        }
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity);
    let mut invalid = 0;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::Malformed(_, _) => {
                invalid += 1;
                out.push('\u{FFFD}');
            }
            DecoderResult::OutputFull => {
                out.reserve(rest.len().saturating_mul(3).max(16));
            }
        }
    }
    (Cow::Owned(out), invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_are_honoured_and_removed() {
        let (text, r) = decode(b"\xef\xbb\xbfplain", None);
        assert_eq!(text, "plain");
        assert_eq!(r.source, "bom");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("汉字".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, None).0, "汉字");
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = "鄂尔多斯市开展主题教育综述".repeat(20).into_bytes();
        bytes.push(0xFF);
        let (text, r) = decode(&bytes, None);
        assert_eq!(r.encoding, "UTF-8");
        assert_eq!(r.invalid_sequences, 1);
        assert!(text.ends_with('\u{FFFD}'));
    }

    #[test]
    fn legacy_encodings_are_detected() {
        for (encoding, text) in [
            (
                encoding_rs::BIG5,
                "鄂爾多斯市開展主題教育綜述，這是一次全面系統的思想洗禮。",
            ),
            (
                encoding_rs::SHIFT_JIS,
                "その一部はサーバに接続されています。日本語の文章です。",
            ),
            (
                encoding_rs::EUC_KR,
                "한국어 문장은 띄어 씁니다. 이것은 시험입니다.",
            ),
        ] {
            let (bytes, _, _) = encoding.encode(text);
            let (decoded, _) = decode(&bytes, None);
            assert_eq!(decoded, text, "{}", encoding.name());
        }
    }

    #[test]
    fn forced_label_wins_over_detection() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("café");
        let (text, r) = decode(&bytes, Some(encoding_rs::WINDOWS_1252));
        assert_eq!(text, "café");
        assert_eq!(r.source, "forced");
    }
}
