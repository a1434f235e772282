//! What a repair is asked to do ([`Config`]), what it returns
//! ([`Repaired`]), and the errors of the library's fallible entry points
//! ([`Error`]).

use crate::chars::decode::{self, DecodeReport};
use crate::chars::policy;
use crate::text::block::Block;
use crate::text::edit::Edit;
use serde::{Deserialize, Serialize};

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
