//! Bytes to text: byte order marks, UTF-8, and detection of the legacy
//! encodings extractors and archives still produce.
//!
//! ```text
//! b"\xd6\xf7\xcc\xe2\xbd\xcc\xd3\xfd" (GBK)   →  "主题教育"   (encoding: GBK)
//! b"\xef\xbb\xbfplain"                        →  "plain"      (BOM removed)
//! ```
//!
//! Order of decisions: a BOM (UTF-8, UTF-16LE/BE) wins; then a label the
//! caller forces; then UTF-16 without a BOM when the NUL bytes stand where
//! UTF-16 puts them (the high byte of every ASCII character); then UTF-8 when the bytes are valid UTF-8, or nearly so
//! (a UTF-8 file with a few damaged bytes stays UTF-8 rather than turning
//! into mojibake); otherwise chardetng guesses among the legacy encodings
//! (GB18030/GBK, Big5, Shift_JIS, EUC-JP, EUC-KR, windows-1252, ...).
//! Invalid byte sequences become U+FFFD and are counted in the report.
//!
//! Bytes that are not text at all (an executable, an image, a compressed
//! file) are told apart by [`binary_evidence`]: NUL bytes that no UTF-16
//! reading explains, or a share of control bytes that no text encoding
//! uses. [`decode_text`](crate::decode_text) refuses them, as grep refuses a binary file,
//! unless the caller forces an encoding.
//!
//! `O(n)`; valid UTF-8 is borrowed, not copied.

use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};
use serde::Serialize;
use std::borrow::Cow;

/// How many bytes at the start of the input [`binary_evidence`] examines
/// (the first window of a streamed input holds at least that many).
pub const BINARY_SNIFF_LEN: usize = 64 << 10;

/// Control bytes that no text encoding uses, per thousand bytes examined,
/// above which the input is not text (random bytes have about 86).
const BINARY_CONTROLS_PER_MILLE: usize = 50;

/// Fewer control bytes than this never make an input binary: a stray
/// control character or two belongs to text that was damaged.
const BINARY_CONTROLS_MIN: usize = 4;

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
/// use textmend::chars::decode::decode;
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
    let (choice, utf8) = choose_encoding_reading(bytes, forced, true);
    let (text, invalid) = match utf8 {
        Some(text) => (Cow::Borrowed(text), 0),
        None => decode_counting(&bytes[choice.bom_len..], choice.encoding),
    };
    let report = DecodeReport {
        encoding: choice.encoding.name(),
        source: choice.source,
        confident: choice.confident,
        invalid_sequences: invalid,
    };
    (text, report)
}

/// Why some bytes were taken for something other than text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Binary {
    /// A NUL byte, which text in any encoding but UTF-16 and UTF-32 never
    /// holds (and these bytes do not read as UTF-16).
    Nul {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// Control bytes that no text encoding uses (0x01–0x07, 0x10–0x1A,
    /// 0x1C–0x1F), more than one in twenty.
    Controls {
        /// How many of them.
        count: usize,
        /// Out of how many bytes examined.
        examined: usize,
    },
}

impl std::fmt::Display for Binary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Binary::Nul { offset } => write!(f, "a NUL byte at offset {offset}"),
            Binary::Controls { count, examined } => write!(
                f,
                "{count} control bytes in the first {examined}, which no text encoding uses"
            ),
        }
    }
}

/// Why `bytes` are not text, or `None` when they may be. The first
/// [`BINARY_SNIFF_LEN`] bytes are examined: text with a byte order mark
/// or readable as UTF-16 is text; otherwise a NUL byte, or more than one
/// control byte in twenty that no encoding uses (tab, line feed, form
/// feed, carriage return, backspace, escape and the shift bytes of
/// ISO-2022 are text), make them binary.
///
/// ```
/// use textmend::chars::decode::binary_evidence;
/// assert!(binary_evidence(b"a\tline\x0cpage\x1b[1mbold\x1b[0m").is_none());
/// assert!(binary_evidence(b"PK\x03\x04\x14\x00\x06\x00").is_some());
/// let utf16: Vec<u8> = "text".encode_utf16().flat_map(u16::to_le_bytes).collect();
/// assert!(binary_evidence(&utf16).is_none());
/// ```
pub fn binary_evidence(bytes: &[u8]) -> Option<Binary> {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    let complete = head.len() == bytes.len();
    if Encoding::for_bom(head).is_some() || utf16_without_bom(head, complete).is_some() {
        return None;
    }
    if let Some(offset) = head.iter().position(|&b| b == 0) {
        return Some(Binary::Nul { offset });
    }
    let count = head
        .iter()
        .filter(|&&b| matches!(b, 0x01..=0x07 | 0x10..=0x1A | 0x1C..=0x1F))
        .count();
    (count >= BINARY_CONTROLS_MIN && count * 1000 > head.len() * BINARY_CONTROLS_PER_MILLE)
        .then_some(Binary::Controls {
            count,
            examined: head.len(),
        })
}

/// UTF-16 without a byte order mark: every NUL byte stands at the high
/// byte of a code unit (odd offsets for little-endian, even for
/// big-endian), there is at least one, and the code units read as text
/// without unpaired surrogates and without controls other than white
/// space. A cut at the end (an odd length, half a surrogate pair) is not
/// held against it unless the bytes are `complete`.
fn utf16_without_bom(bytes: &[u8], complete: bool) -> Option<&'static Encoding> {
    if complete && bytes.len() % 2 == 1 {
        return None;
    }
    let bytes = &bytes[..bytes.len() & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let encoding = match (even, odd) {
        (0, n) if n > 0 => UTF_16LE,
        (n, 0) if n > 0 => UTF_16BE,
        _ => return None,
    };
    let units = bytes.chunks_exact(2).map(|pair| {
        if encoding == UTF_16LE {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut chars = char::decode_utf16(units).peekable();
    while let Some(c) = chars.next() {
        match c {
            Ok(c) if c.is_control() && !c.is_whitespace() => return None,
            Ok(_) => {}
            // Half a surrogate pair where the bytes were cut.
            Err(_) if chars.peek().is_none() && !complete => {}
            Err(_) => return None,
        }
    }
    Some(encoding)
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
/// use textmend::chars::decode::choose_encoding;
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
    choose_encoding_reading(bytes, forced, complete).0
}

/// [`choose_encoding`], and `bytes` as text when they were found to be
/// UTF-8 as a whole: the validation that chose the encoding has read
/// them, and a caller need not decode them again.
pub(crate) fn choose_encoding_reading<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
    complete: bool,
) -> (EncodingChoice, Option<&'a str>) {
    let choice = |encoding, bom_len, source, confident| EncodingChoice {
        encoding,
        bom_len,
        source,
        confident,
    };
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (choice(encoding, bom_len, "bom", true), None);
    }
    if let Some(encoding) = forced {
        return (choice(encoding, 0, "forced", true), None);
    }
    if memchr::memchr(0, bytes).is_some() {
        let head = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
        if let Some(encoding) = utf16_without_bom(head, complete && head.len() == bytes.len()) {
            return (choice(encoding, 0, "detected", true), None);
        }
    }
    // The quickest validation, which gives the text when it is valid.
    if let Some(text) = valid_utf8(bytes) {
        return (choice(UTF_8, 0, "utf-8", true), Some(text));
    }
    // The bytes after the valid prefix tell whether it ends in a sequence
    // cut short.
    let valid = Encoding::utf8_valid_up_to(bytes);
    let cut_at_end = || {
        std::str::from_utf8(bytes.get(valid..).unwrap_or_default())
            .is_err_and(|e| e.error_len().is_none())
    };
    if !complete && cut_at_end() {
        return (choice(UTF_8, 0, "utf-8", true), None);
    }
    let (_, invalid) = decode_counting(bytes, UTF_8);
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count().max(1);
    if (invalid as f64) / (non_ascii as f64) <= DAMAGED_UTF8_SHARE {
        return (choice(UTF_8, 0, "utf-8", false), None);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, complete);
    let (encoding, confident) = detector.guess_assess(None, true);
    (choice(encoding, 0, "detected", confident), None)
}

/// `bytes` as text when they are valid UTF-8, told by simdutf8's
/// validation (a few times faster than encoding_rs's or the standard
/// library's on text outside ASCII, which is most of what it reads).
fn valid_utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Decodes without BOM handling, replacing and counting malformed sequences.
fn decode_counting<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> (Cow<'a, str>, usize) {
    if encoding == UTF_8 {
        if let Some(text) = valid_utf8(bytes) {
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
    fn utf8_is_told_as_the_standard_library_tells_it() {
        let text = "鄂尔多斯 café 😀 plain".as_bytes();
        let mut inputs: Vec<Vec<u8>> = (0..=text.len()).map(|n| text[..n].to_vec()).collect();
        for at in 0..text.len() {
            for bad in [0x80, 0xC0, 0xE4, 0xF0, 0xFF] {
                let mut bytes = text.to_vec();
                bytes[at] = bad;
                inputs.push(bytes);
            }
        }
        for bytes in inputs {
            for complete in [false, true] {
                let told = match std::str::from_utf8(&bytes) {
                    Ok(_) => true,
                    Err(e) => !complete && e.error_len().is_none(),
                };
                let choice = choose_encoding(&bytes, None, complete);
                if told {
                    assert_eq!(
                        (choice.source, choice.confident),
                        ("utf-8", true),
                        "{bytes:?}"
                    );
                } else {
                    assert!(choice.source != "utf-8" || !choice.confident, "{bytes:?}");
                }
            }
        }
    }

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
    fn utf16_without_bom_is_read_as_utf16() {
        for (encoding, bytes) in [
            (
                "UTF-16LE",
                "汉字 and text\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>(),
            ),
            (
                "UTF-16BE",
                "汉字 and text\n"
                    .encode_utf16()
                    .flat_map(u16::to_be_bytes)
                    .collect(),
            ),
        ] {
            let (text, r) = decode(&bytes, None);
            assert_eq!((text.as_ref(), r.encoding), ("汉字 and text\n", encoding));
            assert!(binary_evidence(&bytes).is_none());
        }
    }

    #[test]
    fn binary_bytes_are_refused() {
        let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00";
        assert_eq!(binary_evidence(elf), Some(Binary::Nul { offset: 7 }));
        // Compressed data without a NUL byte: control bytes no encoding uses.
        let noise: Vec<u8> = (0u32..4096)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .map(|b| b.max(1))
            .collect();
        assert!(matches!(
            binary_evidence(&noise),
            Some(Binary::Controls { .. })
        ));
    }

    #[test]
    fn text_with_a_few_controls_is_text() {
        for text in [
            &b"Here's a control character: \x1a"[..],
            b"page one\x0cpage two\r\n",
            b"\x1b[1mbold\x1b[0m and N\x08NA\x08AM\x08ME\x08E",
            b"\x0e\x0f ISO-2022-KR shifts",
        ] {
            assert_eq!(binary_evidence(text), None, "{text:?}");
        }
    }

    #[test]
    fn nul_bytes_at_odd_places_are_not_utf16() {
        assert_eq!(binary_evidence(b"x\0y"), Some(Binary::Nul { offset: 1 }));
        assert!(binary_evidence(b"ab\0\0cd").is_some());
    }

    #[test]
    fn forced_label_wins_over_detection() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("café");
        let (text, r) = decode(&bytes, Some(encoding_rs::WINDOWS_1252));
        assert_eq!(text, "café");
        assert_eq!(r.source, "forced");
    }
}
