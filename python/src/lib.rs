//! textmend for Python: the library's repairs as the `textmend` package's
//! native module, `textmend._textmend`.
//!
//! ```text
//! >>> textmend.repair("把学习习近\n平总书记的讲话\n")
//! '把学习习近平总书记的讲话\n'
//! ```
//!
//! The binding only converts: Python keyword options to a
//! [`textmend::Config`], byte ranges to the code-point indices Python
//! strings count in, library errors to Python exceptions. Every repair
//! runs with the GIL released; [`repair_many`] spreads a list of texts over
//! a rayon pool.
#![forbid(unsafe_code)]

mod convert;
mod document;

use document::{Block, DecodeReport, Document, Edit};
use pyo3::exceptions::{PyLookupError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use textmend::Config;

/// Repairs text extracted from a PDF or produced by OCR and reflows it: one
/// block (paragraph, heading, list item) per line, one blank line between
/// blocks, a final newline.
///
/// Options have the command's names and defaults: `mojibake`, `dedupe`,
/// `furniture`, `letter_spacing`, `dehyphenate` (all `True`), `fold_width`
/// (`False`), `cjk_punct` (`"keep"` or `"full"`) and `cjk_spacing`
/// (`"keep"`, `"remove"` or `"add"`). An unknown option or value raises
/// `ValueError`.
///
///     >>> textmend.repair("Annual ReportAnnual Report\nThe year in re-\nview.\n")
///     'Annual Report\n\nThe year in review.\n'
///     >>> textmend.repair("态,当", cjk_punct="full")
///     '态，当\n'
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn repair(py: Python<'_>, text: String, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let config = config_from(options)?;
    Ok(py.detach(|| textmend::repair_text_with(&text, &config)))
}

/// Repairs text and returns a `Document`: the repaired text, its blocks
/// (kind, text, input range) and every edit that changed the text (rule,
/// range, replacement, and the before/after that `textmend --explain`
/// shows). Ranges are indices into `text` in code points, as Python slices
/// count: `text[block.start:block.end]` is the input a block came from.
///
///     >>> doc = textmend.repair_document("把学习习近\n平总书记的讲话\n")
///     >>> doc.blocks[0]
///     Block(kind='paragraph', text='把学习习近平总书记的讲话', start=0, end=13)
///     >>> doc.edits[0].before, doc.edits[0].after
///     ('把学习习近⏎平总书记的讲', '把学习习近平总书记的讲')
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn repair_document(
    py: Python<'_>,
    text: String,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Document> {
    let config = config_from(options)?;
    let parts = py.detach(|| {
        let repaired = textmend::repair_with(&text, &config);
        document::Parts::new(text, repaired)
    });
    parts.into_document(py)
}

/// Decodes bytes (a byte order mark, UTF-8, or a detected legacy encoding
/// such as GBK, Big5 or Shift_JIS; `encoding` forces a label such as
/// `"gbk"`) and repairs the text. Returns a `Document` whose `decode` says
/// how the bytes were read and whose ranges index `document.input`, the
/// decoded text. An unknown encoding label raises `LookupError`.
///
///     >>> doc = textmend.repair_bytes("主题教育在基层开展。".encode("gbk"), encoding="gbk")
///     >>> doc.text, doc.decode.encoding
///     ('主题教育在基层开展。\n', 'GBK')
#[pyfunction]
#[pyo3(signature = (data, encoding = None, **options))]
fn repair_bytes(
    py: Python<'_>,
    data: &[u8],
    encoding: Option<String>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Document> {
    let config = config_from(options)?;
    let forced = match encoding.as_deref() {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                PyLookupError::new_err(
                    textmend::Error::UnknownEncoding(label.to_string()).to_string(),
                )
            })?,
        ),
        None => None,
    };
    let parts = py.detach(|| {
        let (input, report) = textmend::chars::decode::decode(data, forced);
        let mut repaired = textmend::repair_with(&input, &config);
        repaired.decode = Some(report);
        document::Parts::new(input.into_owned(), repaired)
    });
    parts.into_document(py)
}

/// Repairs every text of `texts` (any iterable of `str`) in parallel and
/// returns the repaired texts in order; equal to `[repair(t, **options)
/// for t in texts]`, on every core, with the GIL released. `threads` sets
/// the number of worker threads (default: one per core).
///
///     >>> textmend.repair_many(["把学习习近\n平总书记的讲话", "infor-\nmation about"])
///     ['把学习习近平总书记的讲话\n', 'information about\n']
#[pyfunction]
#[pyo3(signature = (texts, threads = None, **options))]
fn repair_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<String>> {
    let config = config_from(options)?;
    let texts: Vec<String> = texts
        .try_iter()?
        .map(|item| item.and_then(|t| t.extract::<String>()))
        .collect::<PyResult<_>>()?;
    let pool = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))?,
        ),
        None => None,
    };
    Ok(py.detach(|| {
        let run = || -> Vec<String> {
            texts
                .par_iter()
                .map(|t| textmend::repair_text_with(t, &config))
                .collect()
        };
        match &pool {
            Some(pool) => pool.install(run),
            None => run(),
        }
    }))
}

/// The configuration that keyword options ask for, or `ValueError` with
/// the library's message.
fn config_from(options: Option<&Bound<'_, PyDict>>) -> PyResult<Config> {
    match options {
        None => Ok(Config::default()),
        Some(options) if options.is_empty() => Ok(Config::default()),
        Some(options) => convert::config(options)
            .map_err(|e: textmend::Error| PyValueError::new_err(e.to_string())),
    }
}

/// The native module of the `textmend` package.
#[pymodule]
fn _textmend(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(repair, m)?)?;
    m.add_function(wrap_pyfunction!(repair_document, m)?)?;
    m.add_function(wrap_pyfunction!(repair_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(repair_many, m)?)?;
    m.add_class::<Document>()?;
    m.add_class::<Block>()?;
    m.add_class::<Edit>()?;
    m.add_class::<DecodeReport>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
