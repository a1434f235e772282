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

pub mod browser_furniture;
pub mod columns;
pub mod decode;
pub mod dedupe;
pub mod edit;
pub mod explain;
pub mod furniture;
pub mod join;
pub mod line;
pub mod mojibake;
pub mod normalize;
mod pipeline;
pub mod policy;
pub mod preformatted;
pub mod radicals;
pub mod render;
pub mod script;
pub mod segment;
pub mod spacing;
pub mod stream;
pub mod visual_lines;

pub use decode::DecodeReport;
pub use edit::{Edit, Rule};
pub use render::Format;
pub use segment::BlockKind;

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Which repairs run. Every repair is on by default; turning one off is
/// for users who know their input lacks that artifact, and for tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Read back text decoded with the wrong encoding (`Ã©tÃ©` → `été`,
    /// `Ö÷Ìâ` → `主题`).
    pub mojibake: bool,
    /// Remove fake-bold duplication (`不忘初心不忘初心`).
    pub dedupe: bool,
    /// Remove running headers, footers and page numbers.
    pub furniture: bool,
    /// Close up OCR letter-spaced CJK (`鄂 尔 多 斯`).
    pub letter_spacing: bool,
    /// Re-join words hyphenated at a line end.
    pub dehyphenate: bool,
    /// Punctuation width between CJK characters (a writer's choice: kept
    /// unless asked).
    pub cjk_punct: policy::CjkPunct,
    /// Fold full-width letters and digits to ASCII (off: `第１章` is often
    /// written on purpose).
    pub fold_width: bool,
    /// Spaces between CJK and Latin letters or digits (kept unless asked).
    pub cjk_spacing: policy::CjkSpacing,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            mojibake: true,
            dedupe: true,
            furniture: true,
            letter_spacing: true,
            dehyphenate: true,
            cjk_punct: policy::CjkPunct::Keep,
            fold_width: false,
            cjk_spacing: policy::CjkSpacing::Keep,
        }
    }
}

impl Config {
    /// Reads a configuration from JSON (missing fields take their
    /// defaults; unknown fields are an error).
    ///
    /// ```
    /// let config = textmend::Config::from_json(r#"{"dedupe": false}"#).unwrap();
    /// assert!(!config.dedupe && config.furniture);
    /// assert!(textmend::Config::from_json(r#"{"dedup": false}"#).is_err());
    /// ```
    pub fn from_json(json: &str) -> Result<Self, Error> {
        serde_json::from_str(json).map_err(|e| Error::InvalidConfig(e.to_string()))
    }
}

/// One block of output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The repaired text, on one line.
    pub text: String,
    /// Byte range of the input text the block came from: from the start
    /// of its first line's text to the end of its last line's text. What
    /// was removed between those lines (line breaks, page numbers, running
    /// headers) lies inside the range; every character of the input that
    /// is not white space lies in some block's range or in an edit that
    /// removed it. Ranges follow the output order; when side-by-side
    /// columns are read one after the other they can overlap.
    ///
    /// Repairing `input[range]` on its own usually gives `text` again, but
    /// not always: some decisions weigh the whole document (a running
    /// header is known by recurring on other pages, a line is short
    /// compared with the page's column width, a hyphenated word is
    /// re-joined when it is seen elsewhere), and a slice lacks that
    /// evidence.
    pub range: Range<usize>,
}

/// The result of a repair: the text, its blocks, and every edit made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repaired {
    /// The repaired text in the default text format.
    pub text: String,
    /// The blocks of the text, in order.
    pub blocks: Vec<Block>,
    /// Every change, sorted by input position.
    pub edits: Vec<Edit>,
    /// How the input bytes were decoded, when the input was bytes.
    pub decode: Option<DecodeReport>,
}

/// Errors of the library's fallible entry points.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// An encoding label that the WHATWG Encoding Standard does not know.
    #[error(
        "unknown encoding label '{0}' (try utf-8, gbk, gb18030, big5, shift_jis, euc-jp, euc-kr, utf-16le, windows-1252)"
    )]
    UnknownEncoding(String),
    /// A configuration that could not be read.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
    /// Bytes that are not text (an executable, an image, a compressed
    /// file), refused unless an encoding is forced.
    #[error("binary input ({0})")]
    BinaryInput(decode::Binary),
}

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
    let (text, report) = decode::decode_text(bytes, forced)?;
    let mut repaired = repair_with(&text, config);
    repaired.decode = Some(report);
    Ok(repaired)
}
