//! A progress bar on standard error, shown only to a person: when standard
//! error is a terminal and the work is large (more than [`LARGE`] bytes of
//! files, or corpus mode). Piped or redirected, nothing is drawn.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Inputs smaller than this finish before a bar would be worth drawing.
pub const LARGE: u64 = 8 << 20;

/// A bar counting input bytes, or nothing.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar for `total` bytes of input when that is large; `known` says
    /// whether `total` covers every input (standard input has no size).
    pub fn for_bytes(total: u64, known: bool) -> Self {
        let wanted = std::io::stderr().is_terminal() && total > LARGE;
        Progress::new(wanted, known.then_some(total))
    }

    /// A bar when standard error is a terminal (`total` bytes, or a
    /// spinner when the size is unknown).
    pub fn for_corpus(total: Option<u64>) -> Self {
        Progress::new(std::io::stderr().is_terminal(), total)
    }

    fn new(wanted: bool, total: Option<u64>) -> Self {
        let bar = match (wanted, total) {
            (false, _) => ProgressBar::hidden(),
            (true, Some(total)) => ProgressBar::new(total).with_style(
                ProgressStyle::with_template(
                    "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            (true, None) => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {binary_bytes} {binary_bytes_per_sec}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        if wanted {
            // Keeps moving while one large input is repaired in one call.
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
        }
        Progress { bar }
    }

    /// Counts `bytes` more of input done.
    pub fn inc(&self, bytes: u64) {
        self.bar.inc(bytes);
    }

    /// Runs `f` (which writes to standard error) with the bar out of its way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
