//! Where each window of a large text starts and ends, what it writes, and
//! how windows are repaired in parallel with the output of one thread.
//!
//! A window is a [`Window`]: the offset it starts at, how many bytes at its
//! start were written already (context), and how far it may reach.
//! [`step`] repairs one window and says where the next one starts; it is a
//! function of the text alone (never of how much of it has been read), so
//! the windows are the same whoever runs them and in whatever order.
//!
//! The next window's start depends on where the last block of this one
//! begins, which only its repair knows. To repair windows in parallel,
//! [`drive`] guesses each next start from a repair of the window's last
//! [`GUESS_TAIL`] bytes ([`guess_next`], about 2 % of the work), repairs
//! the windows of a batch at once, and keeps a window's result only when
//! the window before it, repaired in full, ends where the guess said: a
//! wrong guess costs time, never a different output.

use crate::config::Config;
use crate::pipeline::{Keep, run_keeping};
use crate::text::block::Block;
use rayon::prelude::*;
use std::io;

/// Lines already written that the next window reads again as context:
/// enough to measure the column width around the first line it writes.
const CONTEXT_LINES: usize = 24;
/// Bytes read from the input at a time.
pub(super) const READ_CHUNK: usize = 1 << 20;

/// A window with only one block doubles its reach up to this many times
/// (to four windows) before that block is written out anyway (a paragraph
/// longer than that is cut).
const MAX_DOUBLINGS: u8 = 2;

/// Bytes at the end of a window repaired on their own to guess where the
/// next window starts: a few pages, enough for the last block and the
/// lines it is measured against.
const GUESS_TAIL: usize = 64 << 10;

/// One window: the text from `start` (an offset in the whole decoded
/// text), of which the first `written` bytes were written already and are
/// there as context, reaching about `reach` bytes past them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Window {
    start: usize,
    written: usize,
    reach: usize,
    doublings: u8,
}

impl Window {
    /// The first window of a text, or one after a clean cut.
    pub(super) fn at(start: usize, window: usize) -> Self {
        Window {
            start,
            written: 0,
            reach: window,
            doublings: 0,
        }
    }
}

/// The text a window step reads: the decoded text from offset `base` on.
#[derive(Debug, Clone, Copy)]
pub(super) struct View<'t> {
    pub(super) text: &'t str,
    pub(super) base: usize,
    /// True when `text` runs to the end of the input.
    pub(super) complete: bool,
}

impl<'t> View<'t> {
    /// The text from offset `at` on (empty if `at` was forgotten, which
    /// the driver never does before a window is done).
    fn from(&self, at: usize) -> &'t str {
        at.checked_sub(self.base)
            .and_then(|i| self.text.get(i..))
            .unwrap_or("")
    }
}

/// What a window step came to.
#[derive(Debug)]
pub(super) enum Step {
    /// The blocks to write, and the next window (`None`: the text is done).
    Done {
        blocks: Vec<Block>,
        next: Option<Window>,
    },
    /// The step needs the text up to offset `upto` (or to the end of the
    /// input); then it goes on as `resume`.
    NeedText { upto: usize, resume: Window },
}

/// Repairs `at`: the blocks it writes and where the next window starts.
///
/// The window ends at a line end, preferably a page break (see
/// [`window_end`]), about `reach` bytes after its context. Its last block is
/// held back: the next window starts at that block's line, with the
/// [`CONTEXT_LINES`] lines before it as context. When that block is the only
/// one, the window reaches twice as far, up to [`MAX_DOUBLINGS`] times. A line
/// longer than the window stretches it to the line's end. The result
/// depends only on the text (never on how much of it `view` holds beyond
/// what the step reads); `NeedText` asks for more.
///
/// A window whose reach grew but that still ends at the same line end
/// (a line longer than the window, read to its end the first time) holds
/// the same text as before: its repair is kept, not run again.
pub(super) fn step(view: View<'_>, at: Window, window: usize, config: &Config) -> Step {
    let pending = view.from(at.start);
    let written = at.written;
    let mut now = at;
    // Where the last repair of this step ended, and its blocks.
    let mut repaired: Option<(usize, Vec<Block>)> = None;
    let repair_to = |end: usize, repaired: &mut Option<(usize, Vec<Block>)>| match repaired.take() {
        Some((before, blocks)) if before == end => blocks,
        _ => repair_after(&pending[..end], written, config),
    };
    loop {
        let want = now.reach.saturating_add(written);
        if pending.len() <= want {
            if !view.complete {
                return Step::NeedText {
                    upto: at.start.saturating_add(want).saturating_add(1),
                    resume: now,
                };
            }
            return Step::Done {
                blocks: repair_to(pending.len(), &mut repaired),
                next: None,
            };
        }
        let Some(cut) = window_end(pending, want, written) else {
            // A line longer than the window, whose end is not read yet.
            if !view.complete {
                return Step::NeedText {
                    upto: at
                        .start
                        .saturating_add(pending.len())
                        .saturating_add(READ_CHUNK.min(window).max(1)),
                    resume: now,
                };
            }
            return Step::Done {
                blocks: repair_to(pending.len(), &mut repaired),
                next: None,
            };
        };
        now.reach = now.reach.max(cut - written);
        let blocks = repair_to(cut, &mut repaired);
        let Some(last) = blocks.last() else {
            // Nothing but furniture and blank lines: all of it is done.
            return Step::Done {
                blocks,
                next: Some(Window::at(at.start + cut, window)),
            };
        };
        let held_from = line_start(pending, last.range.start);
        let is_done = |b: &Block| b.range.end <= held_from;
        if held_from <= written || !blocks.iter().any(is_done) {
            if now.doublings < MAX_DOUBLINGS {
                // One block fills the window: read on rather than cut it.
                now.reach = now.reach.saturating_mul(2);
                now.doublings += 1;
                repaired = Some((cut, blocks));
                continue;
            }
            return Step::Done {
                blocks,
                next: Some(Window::at(at.start + cut, window)),
            };
        }
        let done: Vec<Block> = blocks.into_iter().filter(is_done).collect();
        let context_from = context_start(pending, held_from);
        return Step::Done {
            blocks: done,
            next: Some(Window {
                start: at.start + context_from,
                written: held_from - context_from,
                reach: window,
                doublings: 0,
            }),
        };
    }
}

/// A guess of where the window after `at` starts, from a repair of its
/// last [`GUESS_TAIL`] bytes only; `None` when `at` is the last window,
/// needs text `view` does not hold, or is too unusual to guess (a line
/// longer than the window, a block that fills it, lines so long that the
/// tail would hold more than twice [`GUESS_TAIL`]).
pub(super) fn guess_next(
    view: View<'_>,
    at: Window,
    window: usize,
    config: &Config,
) -> Option<Window> {
    let pending = view.from(at.start);
    let want = at.reach.saturating_add(at.written);
    if pending.len() <= want {
        return None;
    }
    let cut = window_end(pending, want, at.written).filter(|&cut| cut <= want)?;
    let from = line_start(
        pending,
        floor_char_boundary(pending, cut.saturating_sub(GUESS_TAIL).max(at.written)),
    );
    if cut - from > 2 * GUESS_TAIL {
        // Long lines: the tail would cost as much as the window.
        return None;
    }
    let tail = run_keeping(&pending[from..cut], config, Keep::Blocks).blocks;
    let Some(last) = tail.last() else {
        return Some(Window::at(at.start + cut, window));
    };
    let held_from = line_start(pending, from + last.range.start);
    if held_from <= at.written {
        return None;
    }
    let context_from = context_start(pending, held_from);
    Some(Window {
        start: at.start + context_from,
        written: held_from - context_from,
        reach: window,
        doublings: 0,
    })
}

/// Where the text comes from: a reader decoded as it goes, or text in
/// memory.
pub(super) trait Source {
    /// The text held now.
    fn view(&self) -> View<'_>;
    /// Reads until the text reaches offset `upto` or the input ends.
    fn read_to(&mut self, upto: usize) -> io::Result<()>;
    /// Lets go of the text before offset `at`.
    fn forget(&mut self, at: usize);
}

/// Text in memory: all of it held from the start.
pub(super) struct Memory<'t>(pub(super) &'t str);

impl Source for Memory<'_> {
    fn view(&self) -> View<'_> {
        View {
            text: self.0,
            base: 0,
            complete: true,
        }
    }

    fn read_to(&mut self, _: usize) -> io::Result<()> {
        Ok(())
    }

    fn forget(&mut self, _: usize) {}
}

/// What [`drive`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Driven {
    /// Windows repaired and written.
    pub(super) windows: usize,
    /// Windows repaired ahead on a wrong guess of their start, and thrown
    /// away.
    pub(super) redone: usize,
}

/// Repairs all of `source` in windows and hands each window's blocks to
/// `emit`, in order. With a `pool`, `batch` windows are repaired at a time
/// on it (their starts guessed, see the module doc); without, one at a
/// time. The blocks are the same either way.
pub(super) fn drive(
    source: &mut dyn Source,
    window: usize,
    config: &Config,
    pool: Option<&rayon::ThreadPool>,
    batch: usize,
    emit: &mut dyn FnMut(Vec<Block>) -> io::Result<()>,
) -> io::Result<Driven> {
    let window = window.max(1);
    let batch = if pool.is_some() { batch.max(1) } else { 1 };
    let mut driven = Driven::default();
    let mut at = Window::at(0, window);
    loop {
        if batch > 1 {
            // Enough text for the whole batch, each window with its context.
            let ahead = window.saturating_mul(batch + 1);
            source.read_to(at.start.saturating_add(at.written).saturating_add(ahead))?;
        }
        let view = source.view();
        let mut planned = vec![at];
        while planned.len() < batch {
            let Some(next) = planned
                .last()
                .and_then(|&last| guess_next(view, last, window, config))
            else {
                break;
            };
            planned.push(next);
        }
        let results: Vec<Step> = match pool {
            Some(pool) if planned.len() > 1 => pool.install(|| {
                planned
                    .par_iter()
                    .map(|&w| step(view, w, window, config))
                    .collect()
            }),
            _ => planned
                .iter()
                .map(|&w| step(view, w, window, config))
                .collect(),
        };
        let mut need = None;
        let mut finished = false;
        let mut kept = 0;
        for (guess, result) in planned.iter().zip(results) {
            if *guess != at {
                break;
            }
            kept += 1;
            match result {
                Step::Done { blocks, next } => {
                    driven.windows += 1;
                    emit(blocks)?;
                    match next {
                        Some(next) => at = next,
                        None => {
                            finished = true;
                            break;
                        }
                    }
                }
                Step::NeedText { upto, resume } => {
                    at = resume;
                    need = Some(upto);
                    break;
                }
            }
        }
        driven.redone += planned.len() - kept;
        if finished {
            return Ok(driven);
        }
        source.forget(at.start);
        if let Some(upto) = need {
            source.read_to(upto)?;
        }
    }
}

/// Where a window of at most `limit` bytes of `text` ends, after its first
/// `written` bytes (the context, which `limit` counts): after the last page
/// break in its second half, or else after its last line end, or (a line
/// longer than the window) after the end of that line; `None` while that
/// end has not been read. The end is always past the context.
pub(super) fn window_end(text: &str, limit: usize, written: usize) -> Option<usize> {
    let limit = floor_char_boundary(text, limit);
    let head = &text[..limit];
    let past_context = |at: &usize| *at >= written;
    if let Some(at) = head
        .rfind('\u{c}')
        .filter(|&at| at >= limit / 2)
        .filter(past_context)
    {
        return Some(at + 1);
    }
    if let Some(at) = head.rfind('\n').filter(past_context) {
        return Some(at + 1);
    }
    text[limit..].find('\n').map(|at| limit + at + 1)
}

/// The blocks of `text` that are not written out yet: those after its
/// first `written` bytes, which are there as context. When the context
/// is read into a block that runs on past it, the rest is repaired on its
/// own instead, so that nothing is written twice or lost.
pub(super) fn repair_after(text: &str, written: usize, config: &Config) -> Vec<Block> {
    let repaired = run_keeping(text, config, Keep::Blocks);
    if written == 0 {
        return repaired.blocks;
    }
    if repaired
        .blocks
        .iter()
        .all(|b| b.range.end <= written || b.range.start >= written)
    {
        return repaired
            .blocks
            .into_iter()
            .filter(|b| b.range.start >= written)
            .collect();
    }
    let mut blocks = run_keeping(&text[written..], config, Keep::Blocks).blocks;
    for block in &mut blocks {
        block.range = block.range.start + written..block.range.end + written;
    }
    blocks
}

/// Where the context kept before byte `held_from` starts: [`CONTEXT_LINES`]
/// lines back.
fn context_start(text: &str, held_from: usize) -> usize {
    text[..held_from]
        .rmatch_indices(['\n', '\u{c}'])
        .nth(CONTEXT_LINES)
        .map_or(0, |(i, _)| i + 1)
}

/// The start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['\n', '\u{c}']).map_or(0, |i| i + 1)
}

/// The largest char boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str, window: usize, pool: Option<&rayon::ThreadPool>) -> (Vec<Block>, Driven) {
        let mut out = Vec::new();
        let driven = drive(
            &mut Memory(text),
            window,
            &Config::default(),
            pool,
            4,
            &mut |b| {
                out.extend(b);
                Ok(())
            },
        )
        .unwrap();
        (out, driven)
    }

    #[test]
    fn context_that_runs_into_the_rest_is_left_out() {
        let text = "The first paragraph ends here.\n\nA paragraph that the last window\nheld back goes on here.\n";
        // Context ends at a block's start: the blocks after it.
        let written = text.find("A paragraph").unwrap();
        let blocks = repair_after(text, written, &Config::default());
        assert_eq!(blocks.len(), 1);
        assert!(blocks[0].text.starts_with("A paragraph"));
        // Context ends inside a block: the rest alone, ranges in `text`.
        let written = text.find("held back").unwrap();
        let blocks = repair_after(text, written, &Config::default());
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "held back goes on here.");
        assert_eq!(&text[blocks[0].range.clone()], "held back goes on here.");
    }

    #[test]
    fn a_step_asks_for_text_it_has_not_got() {
        let text = "One line of a paragraph\nthat goes on here.\nAnd a third line.\n";
        let view = View {
            text: &text[..30],
            base: 0,
            complete: false,
        };
        match step(view, Window::at(0, 64), 64, &Config::default()) {
            Step::NeedText { upto, resume } => {
                assert_eq!(upto, 65);
                assert_eq!(resume, Window::at(0, 64));
            }
            Step::Done { .. } => panic!("repaired without the text"),
        }
        // All of it, and the end of the input: one last window.
        let view = View {
            text,
            base: 0,
            complete: true,
        };
        assert!(matches!(
            step(view, Window::at(0, 64), 64, &Config::default()),
            Step::Done { next: None, .. }
        ));
    }

    #[test]
    fn guesses_on_pages_that_look_alike_are_mostly_right() {
        let page = "第一段文字在这里，从机关到基层，从城市到农村，从\n高校到企业，各旗区、部门积极跟进。\n\n第二段的文字也在这里，继续写完。\n\u{c}";
        let text = page.repeat(2000);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let (sequential, one) = blocks(&text, 8192, None);
        let (parallel, many) = blocks(&text, 8192, Some(&pool));
        assert_eq!(parallel, sequential);
        assert_eq!(one.redone, 0);
        assert_eq!(many.windows, one.windows);
        assert!(one.windows > 20, "{one:?}");
        assert!(many.redone * 10 <= many.windows, "{many:?}");
    }

    #[test]
    fn no_guess_from_a_tail_of_long_lines() {
        let text = format!("{}\n", "word ".repeat(60_000)).repeat(8);
        let view = View {
            text: &text,
            base: 0,
            complete: true,
        };
        let window = 1 << 20;
        let at = Window::at(0, window);
        assert_eq!(guess_next(view, at, window, &Config::default()), None);
    }

    #[test]
    fn window_end_prefers_a_page_break_in_the_second_half() {
        assert_eq!(window_end("aaaa\nbb\u{c}cc\ndd", 12, 0), Some(8));
        assert_eq!(window_end("a\u{c}aaaaaa\nbbbb\ncc", 14, 0), Some(14));
        assert_eq!(window_end("aaaaaaaaaa\nb", 4, 0), Some(11));
        assert_eq!(window_end("aaaaaaaaaa", 4, 0), None);
    }

    #[test]
    fn a_window_ends_past_its_context() {
        // The context's last line end is before the limit, and the held
        // line runs past it: the window ends at that line's end.
        assert_eq!(window_end("ctx\nlong held line\nnext\n", 8, 4), Some(19));
        assert_eq!(window_end("ctx\u{c}held line\n", 6, 4), Some(14));
        // A page break in the context is not the end either.
        assert_eq!(window_end("c\u{c}x\nheld\nnext\n", 9, 4), Some(9));
    }
}
