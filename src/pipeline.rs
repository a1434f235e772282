//! Runs the stages in order: mojibake → lines → dedupe → furniture (a
//! browser's, then running titles and page numbers) → radicals in a CJK
//! document → spacing → segment → join. Nothing else happens here.

use crate::chars::mojibake::{
    MojibakeFix, MojibakeScan, repair_mojibake, repair_mojibake_again, scan_mojibake,
};
use crate::chars::normalize::{normalize_in_context, normalize_line};
use crate::chars::policy::{self, CjkPunct, CjkSpacing};
use crate::chars::radicals;
use crate::config::{Config, Repaired};
use crate::layout::columns::UnsplitRows;
use crate::layout::dedupe::{dedupe_line, dedupe_lines, remove_repeated_copies};
use crate::layout::furniture::{is_page_number, remove_furniture};
use crate::layout::join::{Evidence, join_block};
use crate::layout::preformatted::mark_preformatted;
use crate::layout::segment::{Setting, segment_pages};
use crate::layout::spacing::close_letter_spacing;
use crate::layout::visual_lines::rebuild_visual_lines;
use crate::text::block::{Block, BlockKind};
use crate::text::edit::{Edit, EditLog, Rule};
use crate::text::line::{
    Line, Piece, content_of, has_page_break, is_column_piece, overlaps_any, read_pages,
    reserve_by_quarter,
};
use std::borrow::Cow;
use std::ops::Range;

/// What a run keeps besides the repaired blocks' text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// The text, the blocks and every edit ([`crate::repair_with`]).
    Everything,
    /// The blocks, without edits or the rendered text (the streamed
    /// repair writes the blocks itself).
    Blocks,
    /// The rendered text only ([`crate::repair`]): each block's text is
    /// appended to it and dropped.
    Text,
}

/// Repairs decoded text with `config`. `O(n)`; never panics.
pub fn run(input: &str, config: &Config) -> Repaired {
    run_keeping(input, config, Keep::Everything)
}

/// [`run`], keeping only what `keep` asks for.
pub(crate) fn run_keeping(input: &str, config: &Config, keep: Keep) -> Repaired {
    let scan = if config.mojibake {
        scan_mojibake(input)
    } else {
        MojibakeScan::default()
    };
    let Some((text, fixes)) = scan.repaired else {
        return run_stages(input, config, keep, scan.normalized.as_deref());
    };
    // The later stages see the repaired text; their ranges are mapped back
    // to the input.
    let mut repaired = run_stages(&text, config, keep, None);
    let positions = FixMap::new(&fixes);
    let map =
        |r: &Range<usize>| positions.position(r.start, false)..positions.position(r.end, true);
    for block in &mut repaired.blocks {
        block.range = map(&block.range);
    }
    for edit in &mut repaired.edits {
        edit.range = map(&edit.range);
        // A note changes nothing in the input either.
        if edit.rule.is_note() {
            if let Some(rows) = input.get(edit.range.clone()) {
                edit.replacement = rows.to_string();
            }
        }
    }
    if keep == Keep::Everything {
        repaired.edits.extend(
            fixes
                .into_iter()
                .map(|f| Edit::new(f.range, f.replacement, Rule::Mojibake)),
        );
        repaired.edits.sort_by_key(|e| (e.range.start, e.range.end));
    }
    repaired
}

/// How many times a block is finished and read again for mojibake.
const MAX_BLOCK_ROUNDS: usize = 3;

/// Where the positions of the mojibake-repaired text lie in the input.
struct FixMap<'f> {
    fixes: &'f [MojibakeFix],
    /// Where each fix's replacement starts in the repaired text.
    starts: Vec<usize>,
    /// The input position minus the repaired position after each fix.
    shifts: Vec<isize>,
}

impl<'f> FixMap<'f> {
    /// `fixes` are sorted and do not overlap.
    fn new(fixes: &'f [MojibakeFix]) -> Self {
        let mut shift: isize = 0;
        let mut starts = Vec::with_capacity(fixes.len());
        let mut shifts = Vec::with_capacity(fixes.len());
        for fix in fixes {
            starts.push((fix.range.start as isize - shift) as usize);
            shift += fix.range.len() as isize - fix.replacement.len() as isize;
            shifts.push(shift);
        }
        FixMap {
            fixes,
            starts,
            shifts,
        }
    }

    /// Where byte `at` of the repaired text lies in the input: a position
    /// inside a repaired run goes to the run's start, or to its end for
    /// the end of a range, so that mapped ranges cover whole runs.
    /// `O(log fixes)`.
    fn position(&self, at: usize, is_end: bool) -> usize {
        // The last fix starting before `at` is the only one that can hold it.
        let before = self.starts.partition_point(|&start| start < at);
        let Some(k) = before.checked_sub(1) else {
            return at;
        };
        let fix = &self.fixes[k];
        if at < self.starts[k] + fix.replacement.len() {
            return if is_end {
                fix.range.end
            } else {
                fix.range.start
            };
        }
        (at as isize + self.shifts[k]) as usize
    }
}

/// The lines of `input`: each page's rows in reading order (columns),
/// each row's characters repaired. With `mojibake`, a column piece split
/// out of a longer line is read for mojibake on its own, as the line it
/// becomes in the output (the whole line was read before it was split).
/// With `furniture`, column detection leaves out the running titles that
/// the furniture stage will remove. `normalized`, when the mojibake pass
/// measured it, lists the input lines that hold a character normalization
/// replaces on a line alone ([`scan_mojibake`]): a piece of any other line
/// is not looked at again.
pub(crate) fn read_lines<'a>(
    input: &'a str,
    log: &mut EditLog,
    mojibake: bool,
    furniture: bool,
    normalized: Option<&[Range<usize>]>,
) -> Vec<Line<'a>> {
    let running_titles = if furniture {
        let mut rows = crate::layout::furniture::running_title_rows(input);
        rows.extend(crate::layout::browser_furniture::furniture_rows(input));
        rows.sort_unstable();
        rows
    } else {
        Vec::new()
    };
    let mut lines = Vec::new();
    let mut unsplit = UnsplitRows::knowing_normalized(normalized);
    read_pages(input, log, &running_titles, |rows, log| {
        let pieces = unsplit.read_page(input, rows);
        reserve_by_quarter(&mut lines, pieces.len());
        for piece in pieces {
            lines.push(read_line(input, piece, mojibake, normalized, log));
        }
    });
    let (rest, notes) = unsplit.finish();
    // Exactly: grown by a quarter for the few rows held back at the end,
    // the lines would be copied once to grow and once more to shrink.
    lines.reserve_exact(rest.len());
    for piece in rest {
        lines.push(read_line(input, piece, mojibake, normalized, log));
    }
    // Regions left as they are though they may hold columns: an edit that
    // changes nothing, so that `--explain` and JSON say so.
    for note in notes {
        if let Some(rows) = input.get(note.range.clone()) {
            log.push(note.range, rows, Rule::UnsureColumns);
        }
    }
    // The lines live through every later stage: give back what growing
    // the vector left unused.
    lines.shrink_to_fit();
    lines
}

/// The line of `piece`, its characters repaired; `normalized` as
/// [`read_lines`] has it.
fn read_line<'a>(
    input: &'a str,
    piece: Piece,
    mojibake: bool,
    normalized: Option<&[Range<usize>]>,
    log: &mut EditLog,
) -> Line<'a> {
    let (indent, content) = content_of(input, &piece.range);
    let body = &input[content.clone()];
    let read = (mojibake && is_column_piece(input, &piece.range))
        .then(|| repair_mojibake(body))
        .flatten();
    let text = match read {
        Some((fixed, _)) => {
            let text = normalize_line(&fixed, content.start, &mut EditLog::off()).into_owned();
            log.push(content.clone(), text.trim(), Rule::Mojibake);
            Cow::Owned(text)
        }
        // A piece lies within one input line: one that holds nothing
        // normalization replaces alone has no such piece.
        None if normalized.is_some_and(|lines| !overlaps_any(lines, &content)) => {
            Cow::Borrowed(body)
        }
        None => normalize_line(body, content.start, log),
    };
    Line::new(piece, indent, content, text)
}

/// The stages after mojibake repair, on `input` (the repaired text);
/// `normalized` as [`read_lines`] has it. Whether a document is CJK, which
/// decides where look-alike radicals are folded, is the verdict its
/// repaired text gets: a second repair counts that text. When the last
/// repairs of a block (a mojibake reading, a deduplication of its joined
/// lines) change the letters so that the text is CJK though its lines were
/// not, the stages run again knowing it.
fn run_stages(
    input: &str,
    config: &Config,
    keep: Keep,
    normalized: Option<&[Range<usize>]>,
) -> Repaired {
    let (repaired, look_alikes_left) = run_stages_knowing(input, config, keep, normalized, false);
    if !look_alikes_left {
        return repaired;
    }
    let texts: Vec<&str> = if keep == Keep::Text {
        vec![&repaired.text]
    } else {
        repaired.blocks.iter().map(|b| b.text.as_str()).collect()
    };
    if texts.iter().any(|t| radicals::holds_foldable_look_alike(t)) && radicals::is_cjk_text(texts)
    {
        return run_stages_knowing(input, config, keep, normalized, true).0;
    }
    repaired
}

/// The stages on `input`, with `known_cjk` when the repaired text is known
/// to be CJK; also whether look-alikes were left because it was not.
fn run_stages_knowing(
    input: &str,
    config: &Config,
    keep: Keep,
    normalized: Option<&[Range<usize>]>,
    known_cjk: bool,
) -> (Repaired, bool) {
    let mut log = if keep == Keep::Everything {
        EditLog::default()
    } else {
        EditLog::off()
    };
    let mut lines = read_lines(
        input,
        &mut log,
        config.mojibake,
        config.furniture,
        normalized,
    );
    rebuild_visual_lines(input, &mut lines, &mut log);
    if config.dedupe {
        dedupe_lines(&mut lines, &mut log);
    }
    if config.furniture {
        crate::layout::browser_furniture::remove_browser_furniture(input, &mut lines, &mut log);
        remove_furniture(&mut lines, &mut log);
        if config.dedupe {
            remove_repeated_copies(&mut lines, &mut log);
        }
    }
    let look_alikes_left = radicals::fold_in_cjk_document(input, &mut lines, known_cjk, &mut log);
    mark_preformatted(&mut lines);
    if config.letter_spacing {
        close_spacing(&mut lines, config.dedupe, &mut log);
    }
    let evidence = Evidence::gather(lines.iter().filter(|l| !l.removed));
    let setting = Setting {
        pages_marked: has_page_break(input),
        hangul_breaks_inside_words: evidence.breaks_hangul_words(),
    };
    let spans = segment_pages(&lines, setting);
    let mut blocks: Vec<Block> =
        Vec::with_capacity(if keep == Keep::Text { 0 } else { spans.len() });
    let mut rendered = String::new();
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
            let kept = keep_lines(&members);
            // A kept line that a stage rebuilt (a justified line written a
            // word per line) is read again for mojibake, as a second
            // repair reads it (`Ã⏎a` rebuilt as `Ã a`, the UTF-8 of `à`).
            let reading = if config.mojibake {
                repair_mojibake_again(&kept)
            } else {
                None
            };
            match reading {
                Some((fixed, _)) => {
                    log.push(range.clone(), fixed.clone(), Rule::Mojibake);
                    fixed
                }
                None => kept,
            }
        } else {
            let mut joined = join_block(&members, &evidence, config.dehyphenate, &mut log);
            let mut reread = false;
            for _ in 0..MAX_BLOCK_ROUNDS {
                if let Cow::Owned(normalized) =
                    normalize_in_context(&joined, input, range.clone(), &mut log)
                {
                    joined = normalized;
                }
                // Lines that together repeat (a heading wrapped and drawn
                // twice), or are letter-spaced across the break, show it
                // only once joined.
                if config.letter_spacing && (members.len() > 1 || reread) {
                    if let Some(closed) = close_letter_spacing(&joined) {
                        log.push(range.clone(), closed.clone(), Rule::LetterSpacing);
                        joined = closed;
                    }
                }
                if config.dedupe && (members.len() > 1 || reread) {
                    if let Some((once, rule)) = dedupe_line(&joined) {
                        log.push(range.clone(), once.clone(), rule);
                        joined = once;
                    }
                }
                // Mojibake is judged line by line; the finished block is
                // the line that a second repair would judge, so it is
                // judged again, and what it reads is finished in turn.
                if !config.mojibake {
                    break;
                }
                match repair_mojibake_again(&joined) {
                    // A reading never breaks its line (see `mojibake::acceptable`).
                    Some((fixed, _)) => {
                        // What the reading gives is a line, and gets the
                        // repairs every line gets (`ï¬‚` → `ﬂ` → `fl`), and
                        // the one space between words a joined line gets
                        // (`ÿ Â` read as `ÿ` and a no-break space).
                        let fixed = normalize_line(&fixed, 0, &mut EditLog::off());
                        let fixed =
                            crate::layout::join::one_space_per_run(fixed.trim()).into_owned();
                        log.push(range.clone(), fixed.clone(), Rule::Mojibake);
                        joined = fixed;
                        reread = true;
                    }
                    _ => break,
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
        if keep == Keep::Text {
            append_block(&mut rendered, text);
            continue;
        }
        blocks.push(Block {
            kind: span.kind,
            text,
            range,
        });
    }
    if keep == Keep::Everything {
        rendered = render_plain(&blocks);
    }
    rendered.shrink_to_fit();
    let repaired = Repaired {
        text: rendered,
        blocks,
        edits: log.into_sorted(),
        decode: None,
    };
    (repaired, look_alikes_left)
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

/// Closes up letter-spaced lines; with `dedupe`, a line that closing shows
/// to be drawn in fake bold (`丒 丒 一 一` → `丒丒一一`) is deduplicated at
/// once, as a second repair would.
fn close_spacing(lines: &mut [Line], dedupe: bool, log: &mut EditLog) {
    for line in lines
        .iter_mut()
        .filter(|l| !l.removed && !l.is_blank() && !l.preformatted)
    {
        if let Some(text) = close_letter_spacing(&line.text) {
            log.push(line.content.clone(), text.clone(), Rule::LetterSpacing);
            line.set_text(text);
            if let Some((once, rule)) = dedupe.then(|| dedupe_line(&line.text)).flatten() {
                log.push(line.content.clone(), once.clone(), rule);
                line.set_text(once);
                line.fake_bold = true;
            }
        }
    }
}

/// A preformatted block: its lines as written (trailing white space
/// dropped, and the invisible characters and space variants that the
/// normalize stage repairs on every line repaired), indented relative to
/// the least indented line.
fn keep_lines(lines: &[&Line]) -> String {
    let base = lines.iter().map(|l| l.indent).min().unwrap_or(0);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.extend(std::iter::repeat_n(' ', line.indent - base));
        out.push_str(&line.text);
    }
    out
}

/// The default text format: one block per line, a blank line between
/// blocks, a final newline (nothing at all for empty input).
pub(crate) fn render_plain(blocks: &[Block]) -> String {
    let size = blocks.iter().map(|b| b.text.len() + 2).sum::<usize>();
    let mut out = String::with_capacity(size);
    for block in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&block.text);
        out.push('\n');
    }
    out
}

/// Appends one block to text in the default format. The first block's
/// string becomes the text, so a text of one block is never copied.
fn append_block(out: &mut String, text: String) {
    if out.is_empty() {
        *out = text;
        out.reserve_exact(1);
        out.push('\n');
        return;
    }
    // Grow by a quarter, not by doubling: the text may already be as long
    // as the input, and doubling it would hold twice that.
    let needed = text.len() + 2;
    if out.capacity() - out.len() < needed {
        out.reserve_exact(needed.max(out.capacity() / 4));
    }
    out.push('\n');
    out.push_str(&text);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        read_lines(input, &mut EditLog::default(), false, true, None)
            .into_iter()
            .map(|l| l.text.into_owned())
            .collect()
    }

    #[test]
    fn columns_cut_by_a_page_break_are_read_as_without_it() {
        let rows = [
            "the left one   right one",
            "left two       right two",
            "left three     right three",
            "left four      right four",
        ];
        let read = |input: &str| -> Vec<String> {
            texts(input).into_iter().filter(|t| !t.is_empty()).collect()
        };
        let whole = read(&rows.join("\n"));
        assert_eq!(whole[4], "right one");
        for cut in 1..rows.len() {
            let input = format!(
                "{}\n\u{c}{}",
                rows[..cut].join("\n"),
                rows[cut..].join("\n")
            );
            assert_eq!(read(&input), whole, "cut after row {cut}");
        }
    }

    #[test]
    fn a_line_the_mojibake_pass_found_nothing_to_normalize_in_is_read_as_normalization_reads_it() {
        let input = "a\u{AD}b 鄂尔多斯\r\n  ﬁne\u{200B}  \n\u{c}plain 中文\nx\u{1}\n“q” é\n";
        let normalized = scan_mojibake(input).normalized;
        let texts = |normalized: Option<&[Range<usize>]>| -> Vec<String> {
            read_lines(input, &mut EditLog::default(), true, true, normalized)
                .into_iter()
                .map(|l| l.text.into_owned())
                .collect()
        };
        assert_eq!(texts(normalized.as_deref()), texts(None));
        assert_eq!(normalized.map(|lines| lines.len()), Some(3));
        // ASCII: no line to list, or (with a control) not known.
        for (input, known) in [("plain\r\nlines\u{c}\tand\n", true), ("a\u{1}b\n", false)] {
            let normalized = scan_mojibake(input).normalized;
            assert_eq!(
                normalized.as_ref().map(Vec::len),
                known.then_some(0),
                "{input:?}"
            );
        }
    }

    #[test]
    fn indentation_runs_on_over_characters_that_are_removed() {
        let input = "\u{0}  abc";
        let lines = read_lines(input, &mut EditLog::default(), false, true, None);
        assert_eq!((&*lines[0].text, lines[0].indent), ("abc", 2));
    }

    #[test]
    fn mojibake_is_repaired_first_and_ranges_point_into_the_input() {
        let input = "Title\n\nthe cafÃ© is ﬁne\n";
        let repaired = run(input, &Config::default());
        assert_eq!(repaired.text, "Title\n\nthe café is fine\n");
        assert_eq!(repaired.blocks[1].range, 7..27);
        let mojibake = repaired.edits.iter().find(|e| e.rule == Rule::Mojibake);
        assert_eq!(mojibake.map(|e| &input[e.range.clone()]), Some("Ã©"));
        let ligature = repaired.edits.iter().find(|e| e.rule == Rule::Ligature);
        assert_eq!(ligature.map(|e| &input[e.range.clone()]), Some("ﬁ"));
    }

    /// `…fÃ—` is read back as `協脳` (GBK bytes shown in Windows-1252) only
    /// once the block is joined (the line held `⋯`, which becomes `…` in
    /// context): the text the repair puts out is CJK
    /// though its lines were not, and a second repair, which counts that
    /// text, would fold the radical `⼀` (U+2F00) that no CJK character
    /// stands next to. The first repair folds it already.
    #[test]
    fn a_block_read_again_as_mojibake_decides_where_radicals_fold() {
        let input = "一⋯fÃ—一\n\na\u{2F00}";
        for keep in [Keep::Everything, Keep::Blocks, Keep::Text] {
            let once = run_keeping(input, &Config::default(), keep);
            let blocks: Vec<&str> = once.blocks.iter().map(|b| b.text.as_str()).collect();
            match keep {
                Keep::Text => assert_eq!(once.text, "一協脳一\n\na一\n"),
                _ => assert_eq!(blocks, ["一協脳一", "a一"]),
            }
        }
        let once = run(input, &Config::default());
        assert_eq!(run(&once.text, &Config::default()).text, once.text);
        let radical = once.edits.iter().find(|e| e.rule == Rule::Radical);
        assert_eq!(radical.map(|e| &input[e.range.clone()]), Some("\u{2F00}"));
    }

    #[test]
    fn mojibake_switch_keeps_the_text() {
        let config = Config {
            mojibake: false,
            ..Config::default()
        };
        assert_eq!(run("cafÃ©", &config).text, "cafÃ©\n");
    }

    #[test]
    fn positions_inside_a_fix_go_to_its_edges() {
        let fixes = [MojibakeFix {
            range: 4..8,
            replacement: "é".into(),
        }];
        let map = FixMap::new(&fixes);
        let input_position = |_: &[MojibakeFix], at, is_end| map.position(at, is_end);
        assert_eq!(input_position(&fixes, 3, false), 3);
        assert_eq!(input_position(&fixes, 4, false), 4);
        assert_eq!(input_position(&fixes, 4, true), 4);
        assert_eq!(input_position(&fixes, 6, true), 8);
        assert_eq!(input_position(&fixes, 5, false), 4);
        assert_eq!(input_position(&fixes, 6, false), 8);
        assert_eq!(input_position(&fixes, 7, false), 9);
    }
}
