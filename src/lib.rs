//! textmend repairs text that came out of a PDF extractor or an OCR engine
//! and reflows it into clean paragraphs, with Chinese, Japanese and Korean
//! treated as first-class scripts.
//!
//! ```
//! let raw = "率先垂范率先垂范 先学先改先学先改\n\n从机关到基层，从城市到农村，从\n高校到企业⋯⋯鄂尔多斯市第二批\n主题教育开展以来。\n";
//! assert_eq!(
//!     textmend::repair(raw),
//!     "率先垂范 先学先改\n\n从机关到基层，从城市到农村，从高校到企业……鄂尔多斯市第二批主题教育开展以来。\n"
//! );
//! ```
//!
//! The output contract: one block (paragraph, heading, list item) per
//! line, one blank line between blocks, a final newline. Text already in
//! that form comes out unchanged.
//!
//! For the blocks, their kinds and input ranges, and the log of every
//! edit, use [`repair_with`]:
//!
//! ```
//! use textmend::{repair_with, BlockKind, Config};
//! let repaired = repair_with("Annual ReportAnnual Report\nThe year in review.\n", &Config::default());
//! assert_eq!(repaired.blocks[0].kind, BlockKind::Heading);
//! assert_eq!(repaired.blocks[0].text, "Annual Report");
//! assert_eq!(repaired.edits[0].rule.name(), "fake-bold-line");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod chars;
mod config;
pub mod layout;
pub mod output;
mod pipeline;
pub mod stream;
pub mod text;

pub use chars::decode::DecodeReport;
pub use config::{Config, Error, Repaired};
pub use output::render::Format;
pub use text::block::{Block, BlockKind};
pub use text::edit::{Edit, Rule};

use chars::decode;
use encoding_rs::Encoding;
use std::borrow::Cow;

/// Repairs text with the default configuration and returns the text.
///
/// ```
/// assert_eq!(textmend::repair("把学习习近\n平总书记的讲话"), "把学习习近平总书记的讲话\n");
/// ```
pub fn repair(text: &str) -> String {
    repair_text_with(text, &Config::default())
}

/// Repairs text with `config`, returning text, blocks and edits.
pub fn repair_with(text: &str, config: &Config) -> Repaired {
    pipeline::run(text, config)
}

/// Repairs text with `config` and returns the text only: the `text` of
/// [`repair_with`], without the cost of keeping blocks and edits.
///
/// ```
/// let config = textmend::Config { dedupe: false, ..Default::default() };
/// assert_eq!(textmend::repair_text_with("Annual ReportAnnual Report\n", &config), "Annual ReportAnnual Report\n");
/// assert_eq!(textmend::repair_text_with("Annual ReportAnnual Report\n", &Default::default()), "Annual Report\n");
/// ```
pub fn repair_text_with(text: &str, config: &Config) -> String {
    pipeline::run_keeping(text, config, pipeline::Keep::Text).text
}

/// Repairs one large text on `threads` threads (`0`: one per core) and
/// returns the text format.
///
/// The text is repaired in windows of [`stream::DEFAULT_WINDOW`] bytes, as
/// [`stream::repair_stream`] does, and the windows of a batch (one per
/// thread) at once: the output is byte for byte the same for every number
/// of threads. A text that fits in one window comes out as from
/// [`repair`]; a larger one as from [`repair`] whenever the statistics that
/// rules learn from the whole document agree window by window (see
/// [`stream`]).
///
/// ```
/// let page = "第一段文字在这里，从机关到基层，从\n城市到农村。\n\u{c}第二页的文字。\n";
/// let text = page.repeat(20_000);
/// let config = textmend::Config::default();
/// assert_eq!(textmend::repair_parallel(&text, &config, 2), textmend::repair_parallel(&text, &config, 1));
/// assert_eq!(textmend::repair_parallel(page, &config, 2), textmend::repair(page));
/// ```
pub fn repair_parallel(text: &str, config: &Config, threads: usize) -> String {
    stream::repair_windows(text, config, stream::DEFAULT_WINDOW, threads)
}

/// Decodes bytes (BOM, UTF-8, or a detected legacy encoding; `encoding`
/// forces a WHATWG label such as `gbk`) and repairs the text. Edit and block
/// ranges refer to the decoded text. Bytes that are not text (NUL bytes
/// outside UTF-16, many control bytes: an executable, an image) are
/// refused with [`Error::BinaryInput`] unless `encoding` forces a reading.
///
/// ```
/// let (bytes, _, _) = encoding_rs::GBK.encode("主题教育在基层开展，全市动员。");
/// let repaired = textmend::repair_bytes(&bytes, &textmend::Config::default(), Some("gbk")).unwrap();
/// assert_eq!(repaired.text, "主题教育在基层开展，全市动员。\n");
/// assert_eq!(repaired.decode.unwrap().encoding, "GBK");
/// assert!(textmend::repair_bytes(b"x", &textmend::Config::default(), Some("klingon")).is_err());
/// let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00";
/// let refused = textmend::repair_bytes(elf, &textmend::Config::default(), None);
/// assert!(matches!(refused, Err(textmend::Error::BinaryInput(_))));
/// ```
pub fn repair_bytes(
    bytes: &[u8],
    config: &Config,
    encoding: Option<&str>,
) -> Result<Repaired, Error> {
    let forced = match encoding {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.trim().as_bytes())
                .ok_or_else(|| Error::UnknownEncoding(label.to_string()))?,
        ),
        None => None,
    };
    let (text, report) = decode_text(bytes, forced)?;
    let mut repaired = repair_with(&text, config);
    repaired.decode = Some(report);
    Ok(repaired)
}

/// Decodes `bytes` as [`decode::decode`] does, but refuses bytes that are not
/// text (see [`decode::binary_evidence`]) unless an encoding is `forced`.
///
/// ```
/// use textmend::decode_text;
/// assert!(decode_text(b"plain text", None).is_ok());
/// let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00";
/// let err = decode_text(elf, None).unwrap_err();
/// assert_eq!(err.to_string(), "binary input (a NUL byte at offset 7)");
/// assert!(decode_text(elf, Some(encoding_rs::WINDOWS_1252)).is_ok());
/// ```
pub fn decode_text<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> Result<(Cow<'a, str>, DecodeReport), Error> {
    if forced.is_none() {
        if let Some(evidence) = decode::binary_evidence(bytes) {
            return Err(Error::BinaryInput(evidence));
        }
    }
    Ok(decode::decode(bytes, forced))
}
