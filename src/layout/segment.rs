//! Block boundaries and kinds: which lines form one paragraph, heading or
//! list item.
//!
//! ```text
//! 率先垂范 先学先改            率先垂范 先学先改          (heading)
//! 下好先手棋                   下好先手棋                 (heading)
//! 从机关到基层，从城市到农村，从  →  从机关到基层，…学深悟透。  (paragraph)
//! 高校到企业……                 …
//! ```
//!
//! A line starts a new block when:
//! - it or the line before it is a heading (drawn in fake bold, a numbered
//!   heading such as `第一章` or `1.2 Title`, a section number on a line
//!   of its own with the title after it, a short line without
//!   sentence punctuation standing at the start of a block, or one
//!   standing after a line that ends a sentence and before a line whose
//!   first word would have fitted on it);
//! - it is a caption whose number a full stop or colon closes (`Table
//!   6.8. List of…`, `Figure 3: …`) and the line before it ends a
//!   sentence, however full that line is;
//! - the line before it is a caption on a line of its own (`Table 6.8.
//!   List of SSH configuration files`, `表 2.6. …`) and this line's first
//!   word would have fitted on it, however long the caption is, or this
//!   line starts with a capital (a wrapped title goes on in lower case);
//! - it is a list item (`1.`, `(1)`, `（一）`, `一、`, `•`, `-`, `①`, `a)`);
//! - it is indented deeper than the line before it (a first-line indent),
//!   unless it stands under a list item's text, past its marker (a hanging
//!   indent: `1. Download the installer and` / `   check it`);
//! - the line before it ends a sentence and the first word of this line
//!   would have fitted on it (so the column width did not end that line:
//!   a paragraph's last line), by more than it seems to fit at the end of
//!   the page's lines that carry on mid-sentence, where a proportional
//!   font's full lines differ in length; in a document that breaks Korean
//!   lines between syllables, the first syllable is that word;
//! - the line before it ends no sentence, in a word of a spaced script,
//!   with room left for this line's first word twice over, and this line
//!   starts with a capital (`Full copy of every file` / `Copy of the
//!   files changed…`: items or cells, not a sentence the column wrapped);
//! - the line before it ends a sentence where the page's sentences end
//!   their paragraphs more often than they go on inside them (see
//!   `SentenceEnds`: a page of one-sentence items and cells), even a full
//!   line;
//! - a blank line or page break precedes it and the text before the break
//!   is not a sentence cut off in the middle;
//! - the block began with a label and a colon and this line begins with
//!   one of its own (in capitals or a term, `lvs(8):`, not words in lower
//!   case), after a line cut off mid-phrase, or after a sentence end when
//!   the label is in capitals (`JOHN: Where were you?` / `MARY: At
//!   home.`).
//!
//! A blank line or page break is a column or page break, not a paragraph
//! end, when the text before it has no sentence-final punctuation, its
//! last line fills the column, and its block has more than one line.
//!
//! The column width is measured locally (the width that most of the
//! neighbouring lines wrapped mid-sentence reach), so pages that change
//! width as a newspaper does are read right. `O(n)` in the number of lines.

mod breaks;
mod noise;
mod sentence_ends;
mod setting;
mod shapes;
mod visible;

use crate::layout::preformatted::starts_with_label;
pub use crate::text::block::{BlockKind, BlockSpan};
use crate::text::line::Line;
pub use crate::text::line::is_list_item;
use crate::text::script::ends_with_colon;
use breaks::{
    breaks_between, ends_wrapped_caption, stands_between_sentences, starts_like, starts_new_entry,
    term_shape,
};
use shapes::{initial_kind, is_short};
use visible::{join_blank_separated_lines, measure_columns, visible_lines};

pub use breaks::continues_manual_page;
pub use setting::Setting;
pub use shapes::{is_caption, is_numbered_heading, is_section_number};

/// Groups the visible lines into blocks.
///
/// Removed and blank lines belong to no block. Every visible line belongs
/// to exactly one block, in input order.
pub fn segment(lines: &[Line]) -> Vec<BlockSpan> {
    segment_pages(lines, Setting::default())
}

/// [`segment`] for a document whose [`Setting`] is known.
pub fn segment_pages(lines: &[Line], setting: Setting) -> Vec<BlockSpan> {
    let mut visible = visible_lines(lines);
    shapes::mark_numbered_headings(&mut visible);
    if setting.pages_marked {
        join_blank_separated_lines(&mut visible);
    }
    measure_columns(&mut visible);
    visible::measure_page_widths(&mut visible);
    noise::measure_fit_noise(&mut visible);
    let sentence_ends = sentence_ends::SentenceEnds::measure(&visible);
    let mut blocks: Vec<BlockSpan> = Vec::new();
    let mut block_labelled = false;
    let mut block_term: Option<String> = None;
    let mut block_caption = false;
    for (v, cur) in visible.iter().enumerate() {
        let starts_block = match v.checked_sub(1).map(|p| &visible[p]) {
            None => true,
            Some(prev) => {
                let block = blocks.last().expect("a previous line has a block");
                breaks_between(prev, cur, block, setting, sentence_ends)
                    || stands_between_sentences(prev, cur, visible.get(v + 1))
                    || block_labelled && starts_new_entry(prev, cur)
                    || block_term.is_some() && starts_like(prev, cur, block_term.as_deref())
                    || block_caption
                        && block.lines.len() >= 2
                        && !(prev.line.preformatted && cur.line.preformatted)
                        && ends_wrapped_caption(prev, cur)
            }
        };
        if starts_block {
            block_labelled = starts_with_label(&cur.line.text);
            block_term = term_shape(&cur.line.text);
            block_caption = is_caption(&cur.line.text);
            blocks.push(BlockSpan {
                kind: initial_kind(cur),
                lines: vec![cur.index],
            });
        } else if let Some(block) = blocks.last_mut() {
            block.lines.push(cur.index);
        }
    }
    // A one-line block that is short and unpunctuated is a heading.
    for block in &mut blocks {
        if block.kind == BlockKind::Paragraph && block.lines.len() == 1 {
            let line = &lines[block.lines[0]];
            if !line.stands_alone
                && !line.ends_sentence()
                && !ends_with_colon(&line.text)
                && line.width > 0
            {
                let v = visible
                    .binary_search_by_key(&block.lines[0], |v| v.index)
                    .ok()
                    .map(|k| &visible[k]);
                if v.is_some_and(|v| is_short(v)) {
                    block.kind = BlockKind::Heading;
                }
            }
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::edit::EditLog;
    use crate::text::line::split_lines;

    fn blocks(input: &str) -> Vec<Vec<String>> {
        let lines = split_lines(input, &mut EditLog::default());
        segment_pages(
            &lines,
            Setting {
                pages_marked: input.contains('\u{c}'),
                ..Setting::default()
            },
        )
        .into_iter()
        .map(|b| b.lines.iter().map(|&i| lines[i].text.to_string()).collect())
        .collect()
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_visible_line_costs_seven_words() {
        // A document holds one for each of its lines: its flags and its
        // fit noise share one word.
        assert!(std::mem::size_of::<visible::Visible<'_>>() <= 56);
    }

    #[test]
    fn blank_lines_between_every_wrapped_line_are_line_breaks() {
        let rows = [
            "A backup that was never restored is a hope and not a",
            "backup, so test the restore path at least once a month",
            "and after every change to the disks or to the layout of",
            "the file systems on them.",
            "Copy the files to a disk that is kept in another room,",
            "or better in another building, since a fire or a flood",
            "takes everything that stands in one place at once.",
        ];
        let page = format!("{}\n\u{c}", rows.join("\n\n"));
        assert_eq!(blocks(&page).len(), 2);
        // Without the extractor's page marks, the blank lines are breaks.
        assert_eq!(blocks(&rows.join("\n\n")).len(), rows.len());
        // The same lines as items of one width that end no sentence.
        let items: Vec<String> = rows
            .iter()
            .map(|r| r.trim_end_matches(['.', ',']))
            .map(String::from)
            .collect();
        let page = format!("{}\n\u{c}", items.join("\n\n"));
        assert_eq!(blocks(&page).len(), items.len());
    }

    #[test]
    fn a_stretched_line_never_ends_its_paragraph() {
        let input = "A backup that was never restored is a hope and not a\nbackup, so test the restore path at least once.\nThen test it again.\nKeep the results.";
        let mut lines = split_lines(input, &mut EditLog::default());
        let same_block = |blocks: &[BlockSpan]| {
            blocks
                .iter()
                .any(|b| b.lines.contains(&2) && b.lines.contains(&3))
        };
        assert!(!same_block(&segment_pages(&lines, Setting::default())));
        // The same text, its short third line rebuilt from the pieces of
        // a justified line: the paragraph goes on after it.
        lines[2].stretched = true;
        assert!(same_block(&segment_pages(&lines, Setting::default())));
    }

    #[test]
    fn a_full_line_cut_off_goes_on_into_the_cell_after_it() {
        let input = "A logical volume manager lets partitions grow and shrink\nwhile the system runs, and it needs a driver in the\nLinux kernel, which every kernel holds (default for\nDebian kernels)\nthe userspace library\nthe userspace tools";
        let mut lines = split_lines(input, &mut EditLog::default());
        for line in &mut lines[3..] {
            line.stands_alone = true;
        }
        let blocks = segment_pages(&lines, Setting::default());
        assert!(blocks.iter().any(|b| b.lines == [0, 1, 2, 3]), "{blocks:?}");
        assert!(blocks.iter().any(|b| b.lines == [4]), "{blocks:?}");
        // Cut off after a sentence, the full line ends its block.
        let ended = input.replace("(default for", "(by default.");
        let mut lines = split_lines(&ended, &mut EditLog::default());
        for line in &mut lines[3..] {
            line.stands_alone = true;
        }
        let blocks = segment_pages(&lines, Setting::default());
        assert!(blocks.iter().any(|b| b.lines == [3]), "{blocks:?}");
    }

    #[test]
    fn a_cell_broken_at_a_hyphen_goes_on_unless_it_is_a_name() {
        let input = "whole machine\nas the emu-\nlator packages do\none processor";
        let mut lines = split_lines(input, &mut EditLog::default());
        for line in &mut lines {
            line.stands_alone = true;
        }
        let blocks = segment_pages(&lines, Setting::default());
        assert!(blocks.iter().any(|b| b.lines == [1, 2]), "{blocks:?}");
        let input =
            "Packages\none file for each distribution/area/binary-\narchitecture combination";
        let mut lines = split_lines(input, &mut EditLog::default());
        for line in &mut lines {
            line.stands_alone = true;
        }
        let blocks = segment_pages(&lines, Setting::default());
        assert_eq!(blocks.len(), 3, "{blocks:?}");
    }

    #[test]
    fn a_first_line_boxed_apart_goes_on_past_its_blank_line() {
        let body = "To let the daemon accept tunnel requests from a client, you add\n\nthe following option to the daemon's configuration file, then\nrestart it so that it reads the file again.\n\nThe client needs no change.";
        assert_eq!(blocks(body).len(), 2, "{:?}", blocks(body));
        // Not when the next line starts a sentence of its own, stands
        // alone, or follows a line short of the page's text width.
        let capital = body.replace("\nthe following", "\nThe following");
        assert_eq!(blocks(&capital).len(), 3, "{:?}", blocks(&capital));
        let alone = body.replace("file, then\n", "file, then\n\n");
        assert_eq!(blocks(&alone).len(), 4, "{:?}", blocks(&alone));
        let short = body.replace("from a client, you add", "add");
        assert_eq!(blocks(&short).len(), 3, "{:?}", blocks(&short));
        // A paragraph's last line that stands alone takes the first line
        // back only on a page that wraps its text into lines: repaired
        // text, a block a line, shows no such lines.
        let last = "To let the daemon accept tunnel requests from a client, you add\n\nthe following option to the configuration file of the daemon.\n\nThe client needs no change.";
        assert_eq!(blocks(last).len(), 3, "{:?}", blocks(last));
        let wrapping = format!(
            "The daemon reads its configuration when it starts, and it reads the\nfile again when it is told to, so that a change takes effect without\na restart.\n\n{last}"
        );
        assert_eq!(blocks(&wrapping).len(), 3, "{:?}", blocks(&wrapping));
        // One wrapped line could be a table's row read again.
        let one_wrapped = wrapping.replace(
            "told to, so that a change takes effect without\na restart.",
            "told to.",
        );
        assert_eq!(blocks(&one_wrapped).len(), 4, "{:?}", blocks(&one_wrapped));
    }

    #[test]
    fn a_first_line_cut_off_goes_on_past_furniture_with_no_blank_line() {
        // The rest of the sentence starts with a name and is the
        // paragraph's last line: only the gap tells the page broke there.
        let input = "The description of the debugger was expanded with the consent of Ari Pollak, Loïc\nRunning title\nMinier, and Dafydd Harries.\n\nThe client needs no change.";
        let mut lines = split_lines(input, &mut EditLog::default());
        lines[1].removed = true;
        let blocks = segment_pages(&lines, Setting::default());
        assert!(blocks.iter().any(|b| b.lines == [0, 2]), "{blocks:?}");
        // A blank line beside the furniture may end the paragraph.
        let input = input.replace("Running title\n", "Running title\n\n");
        let mut lines = split_lines(&input, &mut EditLog::default());
        lines[1].removed = true;
        let blocks = segment_pages(&lines, Setting::default());
        assert!(blocks.iter().any(|b| b.lines == [0]), "{blocks:?}");
    }

    #[test]
    fn on_a_page_that_indents_first_lines_the_indent_ends_a_full_sentence() {
        let page = "    The daemon starts when the machine boots.\n    It reads its configuration file once.\n    A change to the file takes effect at the next start of the\ndaemon, as its manual says, and not before that time at all.\nAfterwards the daemon writes a line to its log and waits for\nwork to come in from the clients that are connected to it.\n    The log is kept for a week.\n    Old logs are removed by the daemon itself.";
        // The full line that ends a sentence goes on into the line at the
        // margin after it.
        assert_eq!(blocks(page).len(), 5, "{:?}", blocks(page));
        // Before an indented line, it ends its paragraph.
        let indented = page.replace("\nAfterwards", "\n    Afterwards");
        assert_eq!(blocks(&indented).len(), 6, "{:?}", blocks(&indented));
        // Without the indents, the page's one-sentence paragraphs show
        // that its sentences end paragraphs.
        let flush = page.replace("    ", "");
        assert_eq!(blocks(&flush).len(), 6, "{:?}", blocks(&flush));
    }

    #[test]
    fn blank_line_mid_sentence_is_a_column_break() {
        let input = "全旗各级党员干部走进红色教\n育培训基地，通过重温誓词、聆听\n\n“红色故事”、讲好党课等多种形\n式，体悟初心使命。";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn blank_line_after_a_sentence_ends_the_paragraph() {
        let input = "鄂尔多斯市委书记牛俊雁如\n是说。\n\n9 月 23 日，鄂尔多斯市委\n举办了读书班。";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn a_ragged_sentence_end_that_nearly_fits_the_next_word_ends_the_paragraph() {
        // `주말에는` misses the column by two: a column or two of the
        // count is narrow spaces and punctuation.
        let input = "오늘 아침에는 공원을 따라서\n천천히 걸으며 새들이 우는\n소리를 들었습니다. 그리고\n집으로 돌아와 따뜻한 차를\n마시며 쉬었습니다.\n주말에는 친구들과 함께\n모여 맛있는 음식을 나누어\n먹고 이야기를 했습니다.";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn a_speaker_in_capitals_starts_an_entry_after_a_sentence_end() {
        let input = "JOHN: Where were you last night?\nMARY: At home. I told you\nthat already.\nJOHN: You did not.";
        assert_eq!(blocks(input).len(), 3, "{:?}", blocks(input));
        // A label that is not in capitals leaves the paragraph rules to
        // decide, as before.
        let input = input.replace("MARY:", "Mary:");
        assert_eq!(blocks(&input).len(), 2, "{:?}", blocks(&input));
    }

    #[test]
    fn a_list_item_goes_on_under_its_text_with_a_hanging_indent() {
        let input = "1. Download the installer from the project site and check\n   its signature before you run it.\n2. Restart the machine.";
        assert_eq!(blocks(input).len(), 2, "{:?}", blocks(input));
        // Indented deeper than the item's text: a block of its own.
        let input = input.replace("   its", "        its");
        assert_eq!(blocks(&input).len(), 3, "{:?}", blocks(&input));
    }

    #[test]
    fn a_caption_ends_where_the_next_word_would_have_fitted() {
        let prose = "The agent holds the keys of a session and hands them out to\nevery program that asks for one, so that you type your pass\nphrase once.\n";
        let caption = "Table 4.2. Files that configure the agent and its clients\n";
        let input = format!("{prose}{caption}The following command starts a session with them.");
        assert_eq!(blocks(&input).len(), 3, "{:?}", blocks(&input));
        // A full caption before a line that starts with a capital ends
        // there: a wrapped title goes on in lower case, unless the title
        // capitalises its words.
        let full = "Table 4.2. Files that configure the agent, its clients and the keys\n";
        let input = format!("{prose}{full}Start the agent by hand from a shell.");
        assert_eq!(blocks(&input).len(), 3, "{:?}", blocks(&input));
        let title_case = "Table 4.2. Files That Configure The Agent And Its Clients\n";
        let input = format!("{prose}{title_case}Programs\nThe following command starts it.");
        assert_eq!(blocks(&input)[1].len(), 2, "{:?}", blocks(&input));
        // A sentence that starts with a table's name runs on.
        let sentence = "Table 4.2 lists the files that configure the agent, and its\n";
        let input = format!("{prose}{sentence}clients read the same files when they start.");
        assert_eq!(
            blocks(&input).last().map(Vec::len),
            Some(2),
            "{:?}",
            blocks(&input)
        );
    }

    #[test]
    fn lines_kept_as_a_listing_under_a_caption_stay_one_block() {
        let input = "Table 4. Contents . . . . . 8\nname\nsize  date";
        let mut lines = split_lines(input, &mut EditLog::default());
        let spans = segment_pages(&lines, Setting::default());
        assert!(spans.iter().any(|b| b.lines == [2]), "{spans:?}");
        // Kept as a listing, the lines are written together, so a second
        // repair reads the same listing.
        for line in &mut lines {
            line.preformatted = true;
        }
        let spans = segment_pages(&lines, Setting::default());
        assert_eq!(spans.len(), 1, "{spans:?}");
    }

    #[test]
    fn a_line_with_room_twice_over_for_a_capitalised_word_ends_its_block() {
        let body = "A backup tool copies files in one of two ways, and the choice shapes\nhow long a restore takes after a disk fails.\n";
        let input = format!(
            "{body}Full copy of every file on the disk, each night at two\nCopy of only the files changed since the last of the runs"
        );
        assert_eq!(blocks(&input).len(), 3, "{:?}", blocks(&input));
        // A name in capitals after a line that had no room for it twice
        // over goes on: a proportional font's words are wider than counted.
        let input = "You may copy and hand on the text of this Guide in any medium, provided\nthat you keep the notice that names the authors of the Original Version\nand the date of its release intact.";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn a_short_line_going_on_in_lower_case_is_no_paragraph_end() {
        let input = "You can start a terminal program such as xterm(1),\nrxvt(1) or any other you like on the desktop.\nUnder the GNOME Desktop\nenvironment, press the key and type its name\nto the search prompt, and it starts at once.";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn a_sentence_in_another_language_ends_its_paragraph() {
        let input = "Thin clients use X2Go, so all the\nusers should turn compositing off\nin the window manager, to be sure.\n如果客户端网卡依赖非自由固件，则\n客户端引导会失败。";
        assert_eq!(blocks(input).len(), 2);
        // A Latin line that goes on in Chinese is the same sentence.
        let input = "瘦客户机仍然可以使用，只要在\nwindow manager settings\n里关闭合成效果即可。";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn a_full_line_ending_a_sentence_goes_on() {
        // Justified: the line is full, and the next word did not fit.
        let input = "The archive keeps every release of every package it has ever\nshipped, and mirrors copy it all over the world each day.\nThe index of the archive is signed, so that a mirror can be\ntrusted no more than the key that signed what it serves.";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn a_cjk_sentence_short_of_the_column_ends_the_paragraph() {
        // `Rsnapshot` would not have fitted in the room left, yet a
        // justified CJK line falls short only where a paragraph ends.
        let input = "系统管理员应当定期备份重\n要的数据，以免硬盘损坏时\n丢失多年的工作成果。\nRsnapshot 使用硬链接保存\n多个时间点的快照，占用的\n空间很少，恢复也很方便。";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn short_last_line_with_a_full_stop_ends_the_paragraph() {
        let input = "第一段的第一行文字很长很长很长\n第一段结束。\n第二段的第一行文字很长很长很长\n第二段结束。";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn indentation_starts_a_paragraph() {
        let input = "　　第一段的第一行文字很长很长\n文字很长很长很长很长很长很长，\n　　第二段的第一行文字很长很长\n文字。";
        assert_eq!(blocks(input).len(), 2);
    }

    #[test]
    fn list_items_are_blocks() {
        let input = "Steps to follow:\n1. Open the file\n2. Save the file";
        assert_eq!(blocks(input).len(), 3);
    }

    #[test]
    fn a_short_unpunctuated_first_line_is_a_heading() {
        let input = "aptitude 的交互式使用\n要使用交互式的软件包管理，你可以像下面那样以交互模式启动它，\n这将更新档案库信息的本地副本。";
        let b = blocks(input);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0], ["aptitude 的交互式使用"]);
    }

    #[test]
    fn each_entry_of_a_definition_list_is_a_block() {
        let input = "\"/usr/lib/app/units\": default configuration files of the system\n\"/etc/app/units\": configuration files written by the administrator\nwhich override the default configuration files of the system\n\"/run/app/units\": configuration files generated at run time which\noverride the installed configuration files";
        assert_eq!(blocks(input).len(), 3);
        // A label in lower case goes on with the sentence, and one inside
        // a paragraph that did not start with a label is prose.
        let input = "Note: the mirror that answers fastest is not always the one closest to\nyou, so measure before you choose. A mirror that is slow at one hour may be\nquick at another: the tool keeps trying them in turn until one answers.";
        assert_eq!(blocks(input).len(), 1);
        let input = "The files that the administrator wrote override the\nDefaults: they are read last and win over the rest of them";
        assert_eq!(blocks(input).len(), 1);
        // A label that is a term (a manual page, a file) starts an entry
        // in lower case too.
        let input = "lvm.conf(5): configuration file of the volume manager\nlvs(8): report information about logical volumes";
        assert_eq!(blocks(input).len(), 2, "{:?}", blocks(input));
    }

    #[test]
    fn a_chinese_line_short_before_a_latin_word_goes_on() {
        let input = "　　許多開源的拉丁字型，都有\nURW Nimbus 家族或\nBitstream Vera 的血統痕跡。";
        assert_eq!(blocks(input).len(), 1);
        // English text after a short Chinese line is no such word.
        let input =
            "　　許多開源的拉丁字型，都有\nURW Nimbus 家族或\nBitstream Vera fonts are free.";
        assert_eq!(blocks(input).len(), 2);
        // At a block's start, a line with a comma is a sentence, not a
        // heading; one without may be a heading before a Latin word.
        let body = "系统管理员应当定期备份重要的数据，以免硬盘损坏时\n丢失多年的工作成果。\n";
        let input = format!(
            "{body}Bacula，Amanda 和\nBackupPC 是全功能的备份实用套件，主要用于联网的\n定期备份。"
        );
        assert_eq!(blocks(&input).len(), 2);
        let input = format!(
            "{body}容器的使用\nDocker 是一个容器引擎，可以把程序和它依赖的库打\n包在一起运行。"
        );
        assert_eq!(blocks(&input).len(), 3);
        // A line with room for the Latin word twice over did not push it:
        // a wrapped heading's remainder ends there.
        let input = format!(
            "{body}\nキャッシュの掃除に使うコマン\nド\nDebian では apt-get clean が取得済みのファイル\nをすべて削除します。"
        );
        assert_eq!(blocks(&input).len(), 3, "{:?}", blocks(&input));
    }

    #[test]
    fn a_section_number_that_goes_on_with_a_sentence_heads_nothing() {
        let input = "延时的 WAN，在 \"TCP Tuning Guide\"\n里有描述。当前 Debian 默认设置能够很\n好地服务我的光纤到户 LAN 连接。\nNetfilter 使用 Linux 内核 模块 (参见 第\n3.8.1 节 “内核模块初始化”) 提供 状态\n防火墙 和 网络地址转换 (NAT) 框架。";
        assert_eq!(blocks(input).len(), 2, "{:?}", blocks(input));
    }

    #[test]
    fn a_single_full_line_cut_off_by_a_page_break_goes_on() {
        let body = "The documentation was written with the help of many people who sent\nthem corrections.\n";
        let input = format!(
            "{body}The chapter on debugging was expanded with the consent of Ari Pollak, Loïc\n\u{c}Minier, and Dafydd Harries.\n"
        );
        assert_eq!(blocks(&input).len(), 2);
        // On one page, a blank line after one full line may end a paragraph.
        let input = format!(
            "{body}The chapter on debugging was expanded with the consent of Ari Pollak, Loïc\n\nMinier, and Dafydd Harries.\n"
        );
        assert_eq!(blocks(&input).len(), 3);
    }

    #[test]
    fn a_heading_wrapped_inside_a_phrase_is_one_block() {
        let body = "Even when you run secure services such as Secure Shell and the\nother daemons, it is not easy to keep them safe on the Internet.\n";
        let input = format!("{body}\nExtra security measures for\nthe Internet\n{body}");
        assert_eq!(
            blocks(&input)[1],
            ["Extra security measures for", "the Internet"]
        );
        let input = "本文の行はここまで長く続いていて、段落の終わりはここです。\n\nDebian パッケージファイ\nル名\n\nDebian のパッケージファイルには特定の名前の構造があります。";
        assert_eq!(blocks(input)[1].len(), 2);
        // A short line that ends with a noun stays a heading of its own.
        let input =
            format!("{body}\nExtra security measures\nthe firewall keeps out most of it.\n");
        assert_eq!(blocks(&input)[1], ["Extra security measures"]);
    }

    #[test]
    fn entries_that_start_with_terms_of_one_shape_are_blocks() {
        let input = "*.mount describes the file system mount point that is controlled\nand supervised by systemd, which mounts it. See systemd.mount(5).\n*.automount describes the file system auto mount point that is\ncontrolled and supervised by systemd. See systemd.automount(5).";
        assert_eq!(blocks(input).len(), 2);
        assert_eq!(term_shape("*.mount describes"), Some("*.a".to_string()));
        assert_eq!(term_shape("less(1) は"), None);
        assert_eq!(term_shape("The suffix"), None);
    }

    #[test]
    fn a_sentence_goes_on_after_a_colon_or_inside_a_katakana_word() {
        let body = "ファイルやディレクトリーはいくつかのデバイスに展開することができます。\n";
        let input = format!(
            "{body}ディレクトリーは、一部の他システム上ではフォルダと呼ばれます。Unix システム上では”A:”\nのようなドライブというコンセプトが無いこと覚えておいて下さい。"
        );
        assert_eq!(blocks(&input).last().map(Vec::len), Some(2));
        let input = format!(
            "{body}悪意ある攻撃に対抗するセ\nキュリティー監査ツールとしては完全には信頼できません。"
        );
        assert_eq!(blocks(&input).last().map(Vec::len), Some(2));
        let input = "For a general overview of the upgrade, see: https:\n//www.debian.org/releases/bookworm/releasenotes";
        assert_eq!(blocks(input).len(), 1);
    }

    #[test]
    fn a_section_number_set_apart_heads_its_title_and_no_more() {
        let input = "You can list the jobs of every user by the following.\n• atq(1) lists the jobs waiting in the queue.\n\n4.2.2\n\nRunning a job once\n\nYou can queue a job to run once at a set time with at(1) by the following.";
        let b = blocks(input);
        assert_eq!(b[2], ["4.2.2", "Running a job once"], "{b:?}");
        assert_eq!(b.len(), 4, "{b:?}");
    }

    #[test]
    fn a_section_number_after_a_page_break_continues_no_sentence() {
        let input = "Most converters read the whole input before they write anything, so a\nlarge file needs as much memory as it takes on disk, and a little more\nfor the index that the converter builds while it reads the input file\n\n\u{c}4.3\n\nChecking the output";
        let b = blocks(input);
        assert_eq!(b.last().map(|b| b[0].as_str()), Some("4.3"), "{b:?}");
    }

    #[test]
    fn a_one_line_item_ends_before_a_wider_line_that_starts_with_a_capital() {
        let input = "A backup can be kept on any of the following media.\n• USB flash drive\n• Network share\nThey may all be mounted with the same command once they are plugged in.";
        assert_eq!(blocks(input).len(), 4);
        // The item's second line is no wider than the item could reach.
        let input = "A backup can be kept on any of the following media.\n• A USB flash drive that is formatted by\nWindows or macOS\n• An external hard disk";
        assert_eq!(blocks(input).len(), 3);
        // An item of Chinese that ends on an ideograph, before a wider line
        // that starts with one.
        let input = "从用户的角度看，两种协议的区别可以概括为下面两点：\n• 本地协议只在同一台主机上工作：它新、简单、快速，而且不需要任何特权就可以运行图形程序\n• 网络协议可以跨越主机工作：它传统、复杂、较慢，而且需要特权二进制才可以运行图形程序\n对于只支持本地协议的应用，可以借助远程桌面软件从另一台主机上访问它们显示的内容。参见前一节的说明\n关于远程桌面的部分，那里列出了常用的软件包，以及每个软件包所支持的协议和它们的配置方法。";
        assert_eq!(blocks(input).len(), 4);
    }

    #[test]
    fn a_wrapped_caption_ends_where_the_next_word_would_have_fitted() {
        let input = "テキストファイルの行末コード\nはプラットフォームによって異\nなります。変換には専用のツー\nルを使います。\n表3.2 異なるプラットフォーム\n上での行末コードのリスト\n行末コードを変換するプログラ\nムはいくつかあり、便利です。";
        let b = blocks(input);
        assert_eq!(
            b[1],
            ["表3.2 異なるプラットフォーム", "上での行末コードのリスト"],
            "{b:?}"
        );
        assert_eq!(b.len(), 3, "{b:?}");
    }

    #[test]
    fn numbered_headings_are_detected() {
        assert!(is_numbered_heading("第一章 总则"));
        assert!(is_numbered_heading("1.4.5 The pager"));
        assert!(!is_numbered_heading("1.5 million people live there."));
    }
}
