//! Runs the stages in order: lines → dedupe → furniture → spacing →
//! segment → join. Nothing else happens here.

use crate::dedupe::{dedupe_line, dedupe_lines};
use crate::edit::{EditLog, Rule};
use crate::furniture::{is_page_number, remove_furniture};
use crate::join::{Evidence, join_block};
use crate::line::{Line, split_lines};
use crate::normalize::normalize_in_context;
use crate::policy::{self, CjkPunct, CjkSpacing};
use crate::preformatted::mark_preformatted;
use crate::segment::{BlockKind, segment};
use crate::spacing::close_letter_spacing;
use crate::{Block, Config, Repaired};

/// Repairs decoded text with `config`. `O(n)`; never panics.
pub fn run(input: &str, config: &Config) -> Repaired {
    let mut log = EditLog::default();
    let mut lines = split_lines(input, &mut log);
    if config.dedupe {
        dedupe_lines(&mut lines, &mut log);
    }
    if config.furniture {
        remove_furniture(&mut lines, &mut log);
    }
    mark_preformatted(&mut lines);
    if config.letter_spacing {
        close_spacing(&mut lines, &mut log);
    }
    let spans = segment(&lines);
    let evidence = Evidence::gather(lines.iter().filter(|l| !l.removed));
    let mut blocks: Vec<Block> = Vec::with_capacity(spans.len());
    let mut previous_end: Option<usize> = None;
    for span in spans {
        let members: Vec<&Line> = span.lines.iter().map(|&i| &lines[i]).collect();
        let (Some(first), Some(last)) = (members.first(), members.last()) else {
            continue;
        };
        // Columns read in order may put a block's lines out of input order.
        let range = members
            .iter()
            .map(|l| l.content.start)
            .min()
            .unwrap_or(first.content.start)
            ..members
                .iter()
                .map(|l| l.content.end)
                .max()
                .unwrap_or(last.content.end);
        // The fake-bold copies of the block's last line belong to it.
        let last_index = span.lines.iter().copied().max().unwrap_or(0);
        let range = range.start
            ..lines[last_index + 1..]
                .iter()
                .take_while(|l| l.copy)
                .last()
                .map_or(range.end, |l| range.end.max(l.content.end));
        if let Some(end) = previous_end {
            if end <= range.start && input.get(end..range.start) != Some("\n\n") {
                log.push(end..range.start, "\n\n", Rule::BlockBreak);
            }
        }
        previous_end = Some(range.end);
        let text = if span.kind == BlockKind::Preformatted {
            keep_lines(input, &members)
        } else {
            let joined = join_block(&members, &evidence, config.dehyphenate, &mut log);
            let mut joined =
                normalize_in_context(&joined, input, range.clone(), &mut log).into_owned();
            // Lines that together repeat (a heading wrapped and drawn
            // twice), or are letter-spaced across the break, show it only
            // once joined.
            if config.letter_spacing && members.len() > 1 {
                if let Some(closed) = close_letter_spacing(&joined) {
                    log.push(range.clone(), closed.clone(), Rule::LetterSpacing);
                    joined = closed;
                }
            }
            if config.dedupe && members.len() > 1 {
                if let Some((once, rule)) = dedupe_line(&joined) {
                    log.push(range.clone(), once.clone(), rule);
                    joined = once;
                }
            }
            apply_policies(joined, config, range.clone(), &mut log)
        };
        // A page number broken over two lines shows only once joined.
        let furniture =
            config.furniture && span.kind != BlockKind::Preformatted && is_page_number(&text);
        if furniture {
            log.push(range.clone(), "", Rule::PageNumber);
        }
        if text.is_empty() || furniture {
            continue;
        }
        blocks.push(Block {
            kind: span.kind,
            text,
            range,
        });
    }
    let text = render_plain(&blocks);
    Repaired {
        text,
        blocks,
        edits: log.into_sorted(),
        decode: None,
    }
}

/// The opt-in style policies, on a prose block's text.
fn apply_policies(
    mut text: String,
    config: &Config,
    range: std::ops::Range<usize>,
    log: &mut EditLog,
) -> String {
    let mut apply = |text: &mut String, enabled: bool, rule: Rule, f: &dyn Fn(&str) -> String| {
        if enabled {
            let changed = f(text);
            if changed != *text {
                log.push(range.clone(), changed.clone(), rule);
                *text = changed;
            }
        }
    };
    apply(
        &mut text,
        config.fold_width,
        Rule::FoldWidth,
        &policy::fold_width,
    );
    apply(
        &mut text,
        config.cjk_punct == CjkPunct::Full,
        Rule::PunctWidth,
        &policy::full_width_punct,
    );
    let spacing = config.cjk_spacing;
    apply(
        &mut text,
        spacing != CjkSpacing::Keep,
        Rule::CjkSpacing,
        &|t| policy::cjk_spacing(t, spacing),
    );
    text
}

fn close_spacing(lines: &mut [Line], log: &mut EditLog) {
    for line in lines
        .iter_mut()
        .filter(|l| !l.removed && !l.is_blank() && !l.preformatted)
    {
        if let Some(text) = close_letter_spacing(&line.text) {
            log.push(line.content.clone(), text.clone(), Rule::LetterSpacing);
            line.set_text(text);
        }
    }
}

/// A preformatted block: its lines as written in the input (trailing
/// white space dropped), indented relative to the least indented line.
fn keep_lines(input: &str, lines: &[&Line]) -> String {
    let base = lines.iter().map(|l| l.indent).min().unwrap_or(0);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let raw = &input[line.content.clone()];
        out.extend(std::iter::repeat_n(' ', line.indent - base));
        out.push_str(raw);
    }
    out
}

/// The default text format: one block per line, a blank line between
/// blocks, a final newline (nothing at all for empty input).
pub(crate) fn render_plain(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&block.text);
        out.push('\n');
    }
    out
}
