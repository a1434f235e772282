//! Lines that are not prose: code and command listings, table cells,
//! contents entries, verse. They keep their lines exactly as written.
//!
//! ```text
//! For timestamps, ls prints localized     For timestamps, ls prints localized strings.
//! strings.                                
//! $ LANG=C ls -l foo                  →   $ LANG=C ls -l foo
//! -rw-rw-r-- 1 penguin 0 Oct 16 foo       -rw-rw-r-- 1 penguin 0 Oct 16 foo
//! ```
//!
//! The signals, each decided from the text alone:
//! - **prompt**: a line that starts with a shell or REPL prompt (`$ `,
//!   `# `, `>>> `) is a command;
//! - **code**: a line that ends with `{`, `}`, `;` or `\`, or starts with
//!   `}`, `#!`, `//` or `/*`, is source code, and a line that is markup
//!   from its first character to its last (`<!-- comment -->`,
//!   `<name attribute="value" />`) is XML or HTML, and a line that ends
//!   with a comment set a wide gap apart (`port = 8080     # the port`)
//!   is code;
//! - **pipe table**: a line that starts and ends with a bar and holds two
//!   cells or more, each set off by spaces or a rule of dashes (`| Alice
//!   | 30 |`, `|---|---|`), is a row of a Markdown or plain-text table;
//! - **dot leaders**: a line that ends in a run of leader dots and a page
//!   number (`Introduction . . . . 12`, `3、风险提示 ……… 8`) is a contents
//!   entry;
//! - **aligned columns**: a line with two or more gaps of several spaces
//!   inside it is a table row as `pdftotext -layout` sets one, unless it
//!   is three or more words, each a gap apart, whose sentence runs on into
//!   the line of words after it, or into a last word that ends it (a
//!   justified line that `-layout` stretched to its column's width:
//!   `oldest    copies    when    the` / `disk is full`, `add   its
//!   address   to   the` / `configuration.`);
//! - **tab-separated rows**: two or more lines in a row that each hold a
//!   tab between pieces of text are the rows of a table whose cells are
//!   set apart by tabs (`Alice⇥30⇥Berlin`), and keep their tabs;
//! - **email quotation**: two or more lines in a row that each start with
//!   a quotation mark as email sets it (`> `) keep their lines and marks;
//! - **log records**: two or more lines in a row that each begin with a
//!   time stamp (`2026-12-05 07:51:02 …`, `[07:51:02] …`);
//! - **separated values**: two or more lines in a row, with no CJK in
//!   them, that hold the same number (two or more) of commas or of
//!   semicolons, none followed by a space and not all between digits
//!   (`1,Apples,3.20,120`);
//! - **contents without leaders**: two or more lines in a row that are
//!   each a section number, a title and a page number, the page numbers
//!   never falling (`2.1 Earlier work 6`);
//! - **fenced code**: a Markdown code block, from a fence of three
//!   backticks or tildes to the fence that closes it;
//! - **two-cell rows**: three or more lines in a row that are each two
//!   cells a gap of three spaces or more apart, whose second cells start
//!   (or end) at one column and whose first cells mostly stop short of
//!   half the way to it, are the rows of a table of two columns
//!   (`Apples          3.20`), kept with their gaps;
//! - **short run**: three or more consecutive lines that all stop well
//!   short of the document's line width, mostly without sentence
//!   punctuation, are table cells, a listing or verse — including a line
//!   that is only a number among them (a cell, not a page number);
//! - **table column**: a stretch of lines with no sentence end in which
//!   short lines keep breaking off although the next word would have fitted
//!   is a table column written one cell per line, wrapped cells included
//!   (ragged prose never leaves that much room);
//! - **paths**: two or more lines in a row that are each one path are a
//!   list of files, one per line;
//! - **labels**: three or more lines in a row that each begin with a
//!   short label and a colon (`nice(1): run a program…`, `From: …`) are
//!   entries of a definition list or a record, one per line;
//! - **neighbour**: a short line that touches a preformatted line (no blank
//!   line between) and does not end a sentence belongs to the same listing.
//!
//! Refused (left as prose): a run of short lines that continues a sentence
//! cut off on a full-width line before it (a justified line that the
//! extractor broke word by word; in Chinese and Japanese, whose paragraphs
//! end on a sentence end, only when the run's first line ends one), list items with bullets (blocks of their
//! own), short runs in narrow columns, where every line is short, and a
//! stretched, justified line, written in pieces or with its stretched
//! gaps (prose filled to its column, however few characters it holds, is
//! no cell).
//!
//! `O(n)` in the number of lines.

mod one_line;
mod runs;
mod table_columns;

pub use one_line::{
    has_trailing_comment, is_code_line, line_looks_preformatted, looks_preformatted,
};
pub use runs::mark_preformatted;
pub(crate) use runs::{is_listing_neighbour, starts_with_label};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::edit::EditLog;
    use crate::text::line::split_lines;

    /// Each line with whether it keeps its line (preformatted or alone).
    fn marked(input: &str) -> Vec<(String, bool)> {
        let mut lines = split_lines(input, &mut EditLog::default());
        mark_preformatted(&mut lines);
        lines
            .into_iter()
            .filter(|l| !l.is_blank())
            .map(|l| (l.text.into_owned(), l.preformatted || l.stands_alone))
            .collect()
    }

    /// Asserts that every line of `input` is kept as a line, or none.
    fn assert_kept(input: &str, kept: bool) {
        let lines = marked(input);
        assert!(lines.iter().all(|(_, p)| *p == kept), "{lines:?}");
    }

    const PROSE: &str = "The hardware devices are just another kind of file on the system, and a user may need to join a group.";

    #[test]
    fn a_shell_session_is_preformatted() {
        let input = format!(
            "{PROSE}\n$ LANG=C ls -l foo\n-rw-rw-r-- 1 penguin penguin 0 Oct 16 21:35 foo\n{PROSE}"
        );
        let m = marked(&input);
        assert!(!m[0].1 && m[1].1 && m[2].1 && !m[3].1);
    }

    #[test]
    fn table_cells_one_per_line_are_preformatted() {
        let input = format!("{PROSE}\ngroup\ndialout\ndip\n42\ncdrom\n\n{PROSE}");
        let m = marked(&input);
        assert!(m[1..6].iter().all(|(_, p)| *p), "{m:?}");
        assert!(!m[0].1 && !m[6].1);
    }

    #[test]
    fn a_stretched_line_among_cells_is_no_cell() {
        let input =
            format!("{PROSE}\ngroup\ndialout\nplease read the manual\n42\ncdrom\n\n{PROSE}");
        let mut lines = split_lines(&input, &mut EditLog::default());
        lines[3].stretched = true;
        mark_preformatted(&mut lines);
        assert!(lines[2].stands_alone && !lines[3].stands_alone);
    }

    #[test]
    fn words_broken_out_of_a_justified_sentence_stay_prose() {
        let input = format!(
            "Alternatively, you may dynamically add the users to their groups during the authentication process by\nadding\nthe\nline\nto the file. {PROSE}"
        );
        assert_kept(&input, false);
    }

    #[test]
    fn a_table_column_with_wrapped_cells_keeps_its_lines() {
        let input = format!(
            "{PROSE}\ndescription\nps(1): report a snapshot of the current processes\ntop(1): display processes sorted by their use of the processor\niostat(1), mpstat(1): report statistics for the tasks and\ndevices\nkill(1): send a signal to a process\n\n{PROSE}"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept, [false, true, true, true, true, true, true, false]);
    }

    #[test]
    fn long_lines_of_command_output_stay_with_their_command() {
        let input = format!(
            "{PROSE}\n$ ping -c 1 host.example.org\nPING host.example.org (2001:db8::1:3e) 56 data bytes from the host\n64 bytes from host.example.org (2001:db8::1:3e): icmp_seq=1 ttl=47 time=191 ms\n--- host.example.org ping statistics --- 1 packets transmitted, 1 received\nrtt min/avg/max/mdev = 191.332/191.332/191.332/0.000 ms\n\n{PROSE}"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept, [false, true, true, true, true, true, false]);
    }

    /// Four full lines of Chinese prose that set the document's width.
    const PROSE_ZH: &str = "下面列出的工具可以把各种格式的文档转换成纯文本，转换以后的文件可以直接用\n搜索命令查找，也可以送进其他的文本处理程序里继续加工和整理，这样一来\n无论原来的文档是什么格式，都可以用同一套工具处理。选择工具的时候，要看原来\n的文档是用什么程序写的，以及转换以后是否需要保留原有的格式。";

    #[test]
    fn short_chinese_cells_after_full_ones_keep_their_lines() {
        let input = format!(
            "{PROSE_ZH}\n\n转化 MSWord 文件到纯文本或者 TeX 文件，并且保留原有的段落格式\n从一个 HTML 文件里面删除标记标签\n从开放文档格式到文本格式\n从 PostScript 文件导出文本\n"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept[4..], [false, true, true, true]);
    }

    #[test]
    fn a_run_as_long_as_the_table_column_before_it_is_the_next_column() {
        let narrow = "下表列出了常用的文本转换工具，以及每个工具\n能够处理的输入格式和输出格式。转换之前，请\n先确认文件的编码，否则输出可能含有乱码。";
        let column = "txt2doc\nodt2md\npdf2txt\n\n";
        let cells = "把纯文本转换为开放文档格式 (Python)\n把开放文档转换为 Markdown 文本 (Go)\n从 PDF 文件中提取纯文本和元数据 (C)\n";
        let kept = |column: &str| -> Vec<bool> {
            let input = format!("{narrow}\n\n{column}{cells}");
            marked(&input).into_iter().map(|(_, p)| p).collect()
        };
        assert_eq!(kept(column)[3..], [true; 6]);
        // One row more in the column before: no evidence that the run is
        // the next column.
        let kept = kept("txt2doc\nodt2md\npdf2txt\nmd2txt\n\n");
        assert_eq!(kept[7..], [false; 3]);
    }

    #[test]
    fn a_chinese_paragraph_end_after_a_full_line_stays_prose() {
        let input = format!(
            "{PROSE_ZH}\n\n系统启动的时候，进程会尝试启动默认的目标单元，它通常是到图形界面目标\n的符号链接。\n首先，\n一些特殊的目标单元，\n比如本地文件系统、\n"
        );
        assert_kept(&input, false);
    }

    #[test]
    fn the_rest_of_a_url_and_a_word_split_across_lines_are_prose() {
        let input = format!(
            "{PROSE}\nFor a general overview of the upgrade, see: https:\n//www.debian.org/releases/bookworm/releasenotes\n{PROSE}"
        );
        assert_kept(&input, false);
        let input = format!(
            "{PROSE_ZH}\n\n注意\n悪意ある攻撃に対抗するセ\nキュリティー監査ツールとしては信頼できません\n"
        );
        assert_kept(&input, false);
    }

    #[test]
    fn a_list_of_paths_keeps_its_lines() {
        let input = format!(
            "{PROSE}\n\"/var/lib/dpkg/info/foo.preinst\"\n/var/lib/dpkg/info/foo.postinst\n{PROSE}\n"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept, [false, true, true, false]);
        // One path on its own is a line of prose.
        let input = format!("{PROSE}\n/var/lib/dpkg/info/foo.preinst\n{PROSE}\n");
        assert_kept(&input, false);
    }

    #[test]
    fn rows_of_a_tab_separated_table_are_kept() {
        let input = "Name\tAge\tCity\nAlice\t30\tBerlin\nBob\t25\tParis\n";
        assert_kept(input, true);
        // One line with a tab in it is no table.
        let input = format!("{PROSE}\nAlice\t30\tBerlin\n{PROSE}\n");
        assert_kept(&input, false);
    }

    #[test]
    fn rows_of_a_two_column_table_are_kept() {
        let input = "Apples          3.20\nPears           2.10\nCherries       12.40\n";
        assert_kept(input, true);
        let input = "Weight          2.5 kg\nHeight          1.2 m\nColour          dark green\n";
        assert_kept(input, true);
        // Two rows are too few.
        assert_kept("Apples          3.20\nPears           2.10\n", false);
        // Sentences set two spaces apart are not cells, nor are two
        // columns of prose whose left lines fill the way to a narrow gap.
        let input = "The first column of a page runs   and the second\nhere with text of its own that    page goes on\nfills its lines to the gutter.    more of it.\n";
        assert_kept(input, false);
    }

    #[test]
    fn records_of_a_log_are_kept() {
        let input = "2026-12-05 07:51:02 INFO  server started\n2026-12-05 07:51:04 ERROR could not open the database\n";
        assert_kept(input, true);
        assert_kept(
            "[07:52:10] client connected\n[07:52:11] client sent 4,096 bytes\n",
            true,
        );
        // A line that starts with a year is no record.
        let input = format!("{PROSE}\n2026 was the year the board met\nmore often than before.\n");
        assert_kept(&input, false);
    }

    #[test]
    fn rows_of_comma_separated_values_are_kept() {
        assert_kept("id,name,price\n1,Apples,3.20\n2,Pears,2.10\n", true);
        assert_kept("sku;name;price\nA-1;Apples;3,20\n", true);
        // Numbers with thousands separators, commas followed by spaces,
        // rows of different lengths and Chinese with ASCII commas are not.
        assert_kept(
            "It came to 1,250,000 euros\nof which 1,100,000 went\n",
            false,
        );
        assert_kept("red,green,blue and\nyellow,black\n", false);
        assert_kept("我们,你们,他们都来了,这是\n一个测试,看看,是否会被\n", false);
    }

    #[test]
    fn contents_entries_without_leaders_are_kept() {
        assert_kept(
            "1 Introduction 1\n2 Background 5\n2.1 Earlier work 6\n",
            true,
        );
        // Page numbers that fall are no contents.
        let input = format!(
            "{PROSE}\n12 had left the town for good by 2021\n3 had already moved away in 1999\n"
        );
        let lines = marked(&input);
        assert!(!lines[1].1 && !lines[2].1, "{lines:?}");
    }

    #[test]
    fn a_fenced_code_block_is_kept() {
        let input = format!("{PROSE}\n```sh\ntar xzf tool.tar.gz\ncd tool\n```\n{PROSE}\n");
        let lines = marked(&input);
        let kept: Vec<bool> = lines.iter().map(|(_, p)| *p).collect();
        assert_eq!(kept, [false, true, true, true, true, false], "{lines:?}");
        // A fence that nothing closes marks nothing.
        let input = format!("```\n{PROSE}\n{PROSE}\n");
        let lines = marked(&input);
        assert!(!lines[1].1 && !lines[2].1, "{lines:?}");
    }

    #[test]
    fn lines_of_an_email_quotation_are_kept() {
        let input = "> Can we move the meeting to Friday? The room is\n> booked on Thursday.\n";
        assert_kept(input, true);
        // A line of prose that wraps before a comparison is no quotation.
        let input = format!("{PROSE} It holds when x\n> 5 and y is even.\n");
        assert_kept(&input, false);
    }

    #[test]
    fn paths_a_sentence_names_one_after_another_are_no_list() {
        let input = "Keep secret files out of the backup\nthat goes off site, such as\n\"/etc/ssh/ssh_host_rsa_key\",\n\"~/.gnupg/private-keys\",\n\"/etc/shadow\", and the keyrings of\nevery user on the machine.\n";
        assert_kept(input, false);
    }

    #[test]
    fn chinese_prose_quoting_paths_is_no_list_of_paths() {
        // Chinese sets no spaces, so a line of it that quotes a path is
        // one "word" without white space, yet a sentence.
        let input = "程序启动时会读取\"/etc/demo/main.conf\"，并把日\n志写到\"/var/log/demo/run.log\"里。如果这两个目\n录不存在，程序会自动创建它们。\n";
        assert_kept(input, false);
    }

    #[test]
    fn ragged_prose_is_not_a_table_column() {
        let input = "When you store old reports for many\nyears, the space they take adds up\nquickly, and most of them are\nnever read again after the first\nmonth. Compressing them with a\ntool that your readers already\nhave keeps them usable without any\nnew software on their machines.";
        assert_kept(input, false);
    }

    #[test]
    fn narrow_columns_are_not_tables() {
        let input = "第一行文字\n第二行文字\n第三行文字\n第四行文字";
        assert_kept(input, false);
    }

    #[test]
    fn a_narrow_column_of_prose_is_not_a_table() {
        // A three-column page: a few lines run across, most are the column.
        let column = "Never share the root password with\nothers, and keep it in a safe\nplace at all times, as the\nmanual says it should be kept.\n";
        let input = format!("{PROSE}\n{}", column.repeat(4));
        assert_kept(&input, false);
    }

    #[test]
    fn a_line_ending_in_a_semicolon_is_not_code_by_itself() {
        assert!(!is_code_line("--compare-versions 7.0 gt 7.~pre1 ;"));
        assert!(is_code_line("x = f(y);"));
    }

    #[test]
    fn contents_lines_are_preformatted() {
        let m = marked("Introduction . . . . . . . 1\nGetting started . . . . . 7");
        assert!(m.iter().all(|(_, p)| *p));
    }

    #[test]
    fn lines_that_each_begin_with_a_label_are_entries() {
        let input = format!(
            "{PROSE}\nnice(1): run a program with a modified scheduling priority, lower or higher than the default\nrenice(1): modify the scheduling priority of a running process or of all processes of a user\nat(1) or batch(1): run a job at a specified time, or when the load average drops below a level\n{PROSE}"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(kept, [false, true, true, true, false]);
        // Two such lines, or a colon that is not a label's, prove nothing.
        let input = format!("{PROSE}\nNote: the list is long\nTip: read it twice\n{PROSE}");
        assert_kept(&input, false);
        assert!(!starts_with_label("Meet at 10:30 in the hall"));
        assert!(!starts_with_label("see http://example.org for more"));
        assert!(!starts_with_label("This is one sentence. Then: another"));
        assert!(starts_with_label("说明：显示内存的使用情况"));
    }

    #[test]
    fn a_table_column_runs_on_to_the_gap_that_ends_it() {
        // The last two cells fill their lines, and no sentence ends before
        // the blank line.
        let input = format!(
            "{PROSE}\nkeyword\nhtml→text\nodt→text\nps→text\ntext→html\nconvert many source files to HTML, XHTML, RTF, LaTeX or TeX with highlighting for forty\nlanguages, from C to Haskell, with colours chosen by a style sheet of the reader\n\n{PROSE}"
        );
        let kept: Vec<bool> = marked(&input).into_iter().map(|(_, p)| p).collect();
        assert_eq!(
            kept,
            [false, true, true, true, true, true, true, true, false]
        );
    }

    #[test]
    fn lines_between_two_parts_of_a_table_belong_to_it() {
        let input = "说明\n把文件“data”压缩为“data.gz”\n把“data.gz”解压为“data”\n把文件“data”压缩为“data.bz2”（压缩效果比 gzip 更好，但速度\n较慢）\n\n把“data.bz2”解压为“data”\n\n把文件“data”压缩为“data.xz”，压缩效果比前两种更好一些\n列出压缩档案“data.tar.gz”中的全部文件名和目录名\n检查压缩档案“data.zip”是否完整，并报告出错的文件\n把目录“docs”打包并压缩成“docs.tar.gz”\n把“docs.tar.gz”解开到当前目录\n列出“docs.tar.gz”里的文件\n\n本节介绍的命令在所有发行版中都可以使用，读者可以放心地在自己的系统中尝试它们，不必担心破坏数据。这些命令都有详细的手册页面，可以随时查阅。";
        let kept: Vec<bool> = marked(input).into_iter().map(|(_, p)| p).collect();
        let last = kept.len() - 1;
        assert!(kept[..last].iter().all(|&p| p), "{kept:?}");
        assert!(!kept[last]);
    }
}
