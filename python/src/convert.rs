//! Python keyword options to a [`Config`], and byte offsets to the code
//! point offsets that Python strings are indexed by.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};
use serde_json::{Map, Value};
use textmend::{Config, Error};

/// The configuration that keyword options ask for. The option names are
/// the fields of [`Config`] (the command's switches without `--no-`), so
/// the library reads them and its message names what is wrong:
///
/// ```text
/// repair(t, dedup=False)       →  invalid configuration: unknown field `dedup`, expected one of `mojibake`, `dedupe`, …
/// repair(t, cjk_punct="half")  →  invalid configuration: unknown variant `half`, expected `keep` or `full`
/// ```
pub(crate) fn config(options: &Bound<'_, PyDict>) -> Result<Config, Error> {
    let mut fields = Map::new();
    for (key, value) in options.iter() {
        let key: String = key
            .extract()
            .map_err(|_| Error::InvalidConfig("an option name is not a string".into()))?;
        let value = json_value(&value).ok_or_else(|| {
            let kind = value
                .get_type()
                .name()
                .map_or_else(|_| "object".to_string(), |n| n.to_string());
            Error::InvalidConfig(format!(
                "option `{key}` is a {kind}, not a bool or a string"
            ))
        })?;
        fields.insert(key, value);
    }
    serde_json::from_value(Value::Object(fields)).map_err(|e| Error::InvalidConfig(e.to_string()))
}

/// A Python scalar as JSON, or `None` for any other object.
fn json_value(value: &Bound<'_, PyAny>) -> Option<Value> {
    if value.is_none() {
        Some(Value::Null)
    } else if value.is_instance_of::<PyBool>() {
        value.extract::<bool>().ok().map(Value::Bool)
    } else if value.is_instance_of::<PyString>() {
        value.extract::<String>().ok().map(Value::String)
    } else if value.is_instance_of::<PyInt>() {
        value.extract::<i64>().ok().map(Value::from)
    } else if value.is_instance_of::<PyFloat>() {
        value.extract::<f64>().ok().map(Value::from)
    } else {
        None
    }
}

/// Byte offsets of one text mapped to code point offsets, found in one
/// pass over the text. `O(n + k log k)` for `k` offsets.
///
/// ```text
/// "鄂尔x"  byte 3 → 1, byte 6 → 2, byte 7 → 3
/// ```
pub(crate) struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharOffsets {
    /// Maps each offset of `offsets` in `text`. An offset past the end is
    /// the end; one inside a character counts as that character's start.
    pub(crate) fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        offsets.sort_unstable();
        offsets.dedup();
        let mut chars = Vec::with_capacity(offsets.len());
        let (mut at, mut count) = (0, 0);
        for &byte in &offsets {
            let mut end = byte.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            if end > at {
                count += text[at..end].chars().count();
                at = end;
            }
            chars.push(count);
        }
        CharOffsets {
            bytes: offsets,
            chars,
        }
    }

    /// The code point offset of `byte`, which must be one of the offsets
    /// given to [`CharOffsets::new`] (any other gives the nearest one
    /// before it).
    pub(crate) fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.chars[i],
            Err(0) => 0,
            Err(i) => self.chars[i - 1],
        }
    }
}
