//! The result of a repair as Python objects: `Document`, `Block`, `Edit`
//! and `DecodeReport`, each with a `repr` that reads like the call that
//! would build it.
//!
//! ```text
//! Document(text='Annual Report\n\nThe year in review.\n', blocks=2, edits=2)
//! Block(kind='heading', text='Annual Report', start=0, end=26)
//! Edit(rule='fake-bold-line', start=0, end=26, replacement='Annual Report', before='Annual ReportAnnual Report⏎The ye', after='Annual Report⏎The ye', line=1, column=1)
//! ```
//!
//! Every range is in code points of the input text, so that
//! `input[start:end]` in Python is what the library's byte range slices.

use crate::convert::CharOffsets;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use textmend::output::explain::{self, LineIndex};
use textmend::{BlockKind, Repaired};

/// Characters of a document's text shown in its `repr`.
const REPR_CHARS: usize = 60;

/// A repair's results in plain Rust, built without the GIL; made into
/// Python objects by [`Parts::into_document`].
pub(crate) struct Parts {
    input: String,
    text: String,
    blocks: Vec<Block>,
    edits: Vec<Edit>,
    decode: Option<DecodeReport>,
}

impl Parts {
    /// The blocks and the edits that change text of `repaired`, a repair of
    /// `input`, with their ranges in code points and each edit's before
    /// and after as `--explain` shows them.
    pub(crate) fn new(input: String, repaired: Repaired) -> Self {
        let changing: Vec<&textmend::Edit> = repaired
            .edits
            .iter()
            .filter(|e| explain::changes_text(&input, e))
            .collect();
        let offsets = CharOffsets::new(
            &input,
            repaired
                .blocks
                .iter()
                .map(|b| &b.range)
                .chain(changing.iter().map(|e| &e.range))
                .flat_map(|r| [r.start, r.end])
                .collect(),
        );
        let blocks = repaired
            .blocks
            .into_iter()
            .map(|b| Block {
                kind: kind_name(b.kind),
                text: b.text,
                start: offsets.get(b.range.start),
                end: offsets.get(b.range.end),
            })
            .collect();
        let index = LineIndex::new(&input);
        let edits = changing
            .into_iter()
            .map(|e| {
                let change = explain::change(&input, &index, e);
                Edit {
                    rule: e.rule.name(),
                    start: offsets.get(e.range.start),
                    end: offsets.get(e.range.end),
                    replacement: e.replacement.clone(),
                    before: change.before,
                    after: change.after,
                    line: change.position.line,
                    column: change.position.column,
                }
            })
            .collect();
        let decode = repaired.decode.map(|d| DecodeReport {
            encoding: d.encoding,
            source: d.source,
            confident: d.confident,
            invalid_sequences: d.invalid_sequences,
        });
        Parts {
            input,
            text: repaired.text,
            blocks,
            edits,
            decode,
        }
    }

    /// The Python `Document`.
    pub(crate) fn into_document(self, py: Python<'_>) -> PyResult<Document> {
        let blocks = self
            .blocks
            .into_iter()
            .map(|b| Py::new(py, b))
            .collect::<PyResult<_>>()?;
        let edits = self
            .edits
            .into_iter()
            .map(|e| Py::new(py, e))
            .collect::<PyResult<_>>()?;
        let decode = self.decode.map(|d| Py::new(py, d)).transpose()?;
        Ok(Document {
            input: self.input,
            text: self.text,
            blocks,
            edits,
            decode,
        })
    }
}

fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::ListItem => "list-item",
        BlockKind::Preformatted => "preformatted",
    }
}

/// Python's `repr` of a string.
fn py_repr(py: Python<'_>, text: &str) -> String {
    PyString::new(py, text)
        .repr()
        .map_or_else(|_| format!("{text:?}"), |r| r.to_string())
}

/// `text` cut to `max` characters, with `…` when it was longer.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The result of `repair_document` or `repair_bytes`.
#[pyclass(module = "textmend", frozen)]
pub(crate) struct Document {
    /// The text the ranges index: the input string, or the decoded bytes.
    #[pyo3(get)]
    input: String,
    /// The repaired text, the same as `repair` returns.
    #[pyo3(get)]
    text: String,
    blocks: Vec<Py<Block>>,
    edits: Vec<Py<Edit>>,
    decode: Option<Py<DecodeReport>>,
}

#[pymethods]
impl Document {
    /// The blocks of the text, in output order.
    #[getter]
    fn blocks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.blocks.iter().map(|b| b.clone_ref(py)))
    }

    /// Every edit that changed the text, in input order.
    #[getter]
    fn edits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.edits.iter().map(|e| e.clone_ref(py)))
    }

    /// How the bytes were decoded (`repair_bytes` only; otherwise `None`).
    #[getter]
    fn decode(&self, py: Python<'_>) -> Option<Py<DecodeReport>> {
        self.decode.as_ref().map(|d| d.clone_ref(py))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let decode = match &self.decode {
            Some(d) => format!(", decode={}", d.get().__repr__()),
            None => String::new(),
        };
        format!(
            "Document(text={}, blocks={}, edits={}{decode})",
            py_repr(py, &cut(&self.text, REPR_CHARS)),
            self.blocks.len(),
            self.edits.len(),
        )
    }
}

/// One block of output: a heading, paragraph, list item or preformatted
/// block, and the input it came from (`input[start:end]`, code points).
#[pyclass(module = "textmend", frozen, get_all)]
pub(crate) struct Block {
    /// `heading`, `paragraph`, `list-item` or `preformatted`.
    kind: &'static str,
    /// The repaired text, on one line (a preformatted block keeps its
    /// line breaks).
    text: String,
    /// Start of the input the block came from, in code points.
    start: usize,
    /// End (exclusive) of the input the block came from, in code points.
    end: usize,
}

#[pymethods]
impl Block {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Block(kind={}, text={}, start={}, end={})",
            py_repr(py, self.kind),
            py_repr(py, &self.text),
            self.start,
            self.end
        )
    }
}

/// One change: `input[start:end]` (code points) became `replacement`
/// because of `rule`; `before` and `after` show the place with a little
/// context, as `textmend --explain` does, at 1-based `line` and `column`.
#[pyclass(module = "textmend", frozen, get_all)]
pub(crate) struct Edit {
    /// The rule's name, as `--explain` shows it (`line-join`, `mojibake`…).
    rule: &'static str,
    /// Start of the replaced input, in code points.
    start: usize,
    /// End (exclusive) of the replaced input, in code points.
    end: usize,
    /// The text that stands in the output for the range.
    replacement: String,
    /// The input around the edit, made visible (`⏎` for a line break).
    before: String,
    /// The same place after the edit.
    after: String,
    /// Line of the input where the edit starts, from 1.
    line: usize,
    /// Column (in characters) where the edit starts, from 1.
    column: usize,
}

#[pymethods]
impl Edit {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Edit(rule={}, start={}, end={}, replacement={}, before={}, after={}, line={}, column={})",
            py_repr(py, self.rule),
            self.start,
            self.end,
            py_repr(py, &self.replacement),
            py_repr(py, &self.before),
            py_repr(py, &self.after),
            self.line,
            self.column
        )
    }
}

/// How input bytes were decoded.
#[pyclass(module = "textmend", frozen, get_all)]
pub(crate) struct DecodeReport {
    /// The encoding the bytes were read as (`UTF-8`, `GBK`, `Shift_JIS`…).
    encoding: &'static str,
    /// How it was chosen: `bom`, `forced`, `utf-8` or `detected`.
    source: &'static str,
    /// Whether the choice is certain.
    confident: bool,
    /// Invalid byte sequences replaced by U+FFFD.
    invalid_sequences: usize,
}

#[pymethods]
impl DecodeReport {
    fn __repr__(&self) -> String {
        format!(
            "DecodeReport(encoding='{}', source='{}', confident={}, invalid_sequences={})",
            self.encoding,
            self.source,
            if self.confident { "True" } else { "False" },
            self.invalid_sequences
        )
    }
}
