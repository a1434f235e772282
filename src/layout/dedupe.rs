//! Fake-bold duplication: a heading drawn two or three times at a small
//! offset, which extractors write as repeated text.
//!
//! Four shapes are recognised, each its own [`Rule`](crate::text::edit::Rule):
//!
//! ```text
//! fake-bold-line           不忘初心行致远不忘初心行致远       → 不忘初心行致远
//!                          Annual Report Annual Report       → Annual Report
//! fake-bold-segments       率先垂范率先垂范 先学先改先学先改  → 率先垂范 先学先改
//! fake-bold-interleaved    不不忘忘初初心心                   → 不忘初心
//! fake-bold-repeated-lines Copyright history ⏎ Copyright history → Copyright history
//! ```
//!
//! Legitimate repetition is refused by size: a repeated unit must be at
//! least three ideographs or six Latin letters wide (`谢谢`, `研究研究`,
//! `had had`, `Walla Walla` stay), an interleaved line needs three or more
//! distinct doubled glyphs (`高高兴兴` stays), a repeated unit that ends a
//! sentence is speech, not a heading (`快跑！快跑！` stays), and repeated
//! lines must be short heading-like lines (two long identical body lines
//! need a third copy before they count). Right under a fake-bold heading,
//! a line that is as many copies of a unit as the heading was drawn times
//! is its wrapped remainder, however short (`据据` under a heading drawn
//! twice). A heading too short for these
//! sizes (`沙盒沙盒`), a question drawn twice above a paragraph, and a
//! wrapped heading written again block by block are fake bold when the
//! document draws its other headings that way and the line stands between
//! paragraphs ([`remove_repeated_copies`]).
//!
//! Each line is examined in `O(n)`; the stage is `O(n)` in the input.

mod copies;
mod one_line;

pub use copies::{dedupe_lines, remove_repeated_copies};
pub use one_line::dedupe_line;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::edit::EditLog;
    use crate::text::line::split_lines;

    fn fixed(s: &str) -> Option<String> {
        dedupe_line(s).map(|(t, _)| t)
    }

    #[test]
    fn whole_line_doubled_or_tripled() {
        assert_eq!(
            fixed("不忘初心行致远不忘初心行致远").as_deref(),
            Some("不忘初心行致远")
        );
        assert_eq!(
            fixed("下好先手棋下好先手棋下好先手棋").as_deref(),
            Some("下好先手棋")
        );
        assert_eq!(
            fixed("Annual ReportAnnual Report").as_deref(),
            Some("Annual Report")
        );
        assert_eq!(
            fixed("Annual Report Annual Report").as_deref(),
            Some("Annual Report")
        );
    }

    #[test]
    fn a_wrapped_remainder_drawn_as_often_as_its_heading_is_one_copy() {
        let texts = |input: &str| {
            let mut log = EditLog::default();
            let mut lines = split_lines(input, &mut log);
            dedupe_lines(&mut lines, &mut log);
            lines
                .iter()
                .filter(|l| !l.removed)
                .map(|l| l.text.to_string())
                .collect::<Vec<_>>()
        };
        let heading = "使用定时任务自动备份用户的数使用定时任务自动备份用户的数";
        assert_eq!(texts(&format!("{heading}\n据据"))[1], "据");
        // Drawn another number of times than the heading, or not under a
        // heading, a reduplicated word stays.
        assert_eq!(texts(&format!("{heading}\n哈哈哈"))[1], "哈哈哈");
        assert_eq!(texts("系统启动以后打开日志。\n据据")[1], "据据");
    }

    #[test]
    fn segments_doubled() {
        assert_eq!(
            fixed("全市动员全市动员 全学全改全学全改").as_deref(),
            Some("全市动员 全学全改")
        );
        assert_eq!(
            fixed("不忘初心行致远不忘初心行致远 牢记使命勇担当牢记使命勇担当").as_deref(),
            Some("不忘初心行致远 牢记使命勇担当")
        );
    }

    #[test]
    fn segments_with_short_or_punctuated_units() {
        assert_eq!(
            fixed("WANWAN TCPTCP 优化优化").as_deref(),
            Some("WAN TCP 优化")
        );
        assert_eq!(
            fixed("XX サーバ接続サーバ接続").as_deref(),
            Some("X サーバ接続")
        );
        assert_eq!(
            fixed("A.2.A.2.A.2. CopyrightCopyrightCopyright historyhistoryhistory").as_deref(),
            Some("A.2. Copyright history")
        );
        assert_eq!(fixed("일반일반 정보정보").as_deref(), Some("일반 정보"));
        assert_eq!(fixed("研究研究 讨论讨论"), None);
    }

    #[test]
    fn wide_spaces_between_copies_count_as_one() {
        assert_eq!(
            fixed("不忘初心行致远    不忘初心行致远").as_deref(),
            Some("不忘初心行致远")
        );
    }

    #[test]
    fn interleaved_glyphs() {
        assert_eq!(fixed("不不忘忘初初心心").as_deref(), Some("不忘初心"));
        assert_eq!(
            fixed("不不不忘忘忘初初初心心心").as_deref(),
            Some("不忘初心")
        );
    }

    #[test]
    fn legitimate_repetition_stays() {
        for s in [
            "谢谢",
            "看看",
            "高高兴兴",
            "研究研究",
            "一步一步",
            "人人为我，我为人人",
            "had had",
            "Walla Walla",
            "bye bye",
            "快跑！快跑！",
            "哈哈哈哈哈哈",
            "高高兴兴 快快乐乐",
            "Bora Bora",
        ] {
            assert_eq!(fixed(s), None, "{s}");
        }
    }

    #[test]
    fn a_question_drawn_twice_under_a_fake_bold_line_ends_its_heading() {
        let lines = dedupe("동작할동작할 때때 왜왜\n느릴까요?느릴까요?\n\n정말요?정말요?");
        assert_eq!(lines[1], ("느릴까요?".to_string(), true));
        // On its own, a question said twice is speech.
        assert_eq!(lines[3], ("정말요?정말요?".to_string(), false));
    }

    fn dedupe(input: &str) -> Vec<(String, bool)> {
        let mut log = EditLog::default();
        let mut lines = split_lines(input, &mut log);
        dedupe_lines(&mut lines, &mut log);
        lines
            .into_iter()
            .filter(|l| !l.removed)
            .map(|l| (l.text.into_owned(), l.fake_bold))
            .collect()
    }

    #[test]
    fn copies_that_furniture_parted_stand_together_once_it_is_gone() {
        let mut log = EditLog::default();
        let mut lines = split_lines("Annual Report\n12\nAnnual Report\nBody text.", &mut log);
        dedupe_lines(&mut lines, &mut log);
        assert!(!lines[2].removed, "a bare number parts the copies");
        // The furniture stage takes the page number away.
        lines[1].removed = true;
        remove_repeated_copies(&mut lines, &mut log);
        assert!(lines[2].removed && lines[0].fake_bold);
    }

    #[test]
    fn repeated_heading_lines_collapse() {
        let out = dedupe("Copyright history\nCopyright history\nCopyright history\nBody text.");
        assert_eq!(
            out,
            [
                ("Copyright history".to_string(), true),
                ("Body text.".to_string(), false)
            ]
        );
    }

    #[test]
    fn a_short_last_line_of_a_repeated_heading_collapses_too() {
        let out = dedupe("배터리 사용 시간\n배터리 사용 시간\n늘이기\n늘이기\n본문입니다.");
        assert_eq!(out.len(), 3);
        assert_eq!(out[1], ("늘이기".to_string(), true));
        let out = dedupe("パッケージ状\nパッケージ状\nパッケージ状\n態\n態\n態\n本文です。");
        assert_eq!(out.len(), 3);
        // Without a heading before it, a short word said twice stays.
        assert_eq!(dedupe("谢谢\n谢谢\n不客气。").len(), 3);
        // A question's last line, right under the rest of its heading.
        let out = dedupe(
            "어떻게 장치에 프로파일을\n어떻게 장치에 프로파일을\n할당하나요?\n할당하나요?\n본문입니다.",
        );
        assert_eq!(out.len(), 3);
        assert_eq!(out[1], ("할당하나요?".to_string(), true));
        // A question asked twice with no heading above it stays.
        assert_eq!(dedupe("정말 그런가요?\n정말 그런가요?\n네.").len(), 3);
    }

    #[test]
    fn two_long_identical_body_lines_stay() {
        let line = "This sentence is long enough to be body text and it ends like one.";
        let input = format!("{line}\n{line}");
        assert_eq!(dedupe(&input).len(), 2);
    }

    #[test]
    fn short_cells_stay() {
        assert_eq!(dedupe("0\n0\nyes\nyes").len(), 4);
        assert_eq!(dedupe("是\n是\n是").len(), 3);
    }

    #[test]
    fn a_value_repeated_down_a_table_column_stays() {
        assert_eq!(dedupe("text→html\ntext→any\ntext→any\ntext→html").len(), 4);
        assert_eq!(dedupe("V:12, I:40\nV:3, I:9\nV:3, I:9\nV:0, I:2").len(), 4);
        // A column whose every value is written twice is drawn twice.
        assert_eq!(
            dedupe("V:1, I:2\nV:1, I:2\nV:3, I:4\nV:3, I:4\nV:5, I:6\nV:5, I:6").len(),
            3
        );
        // A heading of another shape than the cells around it is fake bold.
        assert_eq!(
            dedupe("V:0, I:2\n2.4 Converting files\n2.4 Converting files\nV:1, I:3").len(),
            3
        );
    }

    #[test]
    fn a_two_character_heading_drawn_three_times_collapses() {
        assert_eq!(dedupe("管理\n管理\n管理\n正文。").len(), 2);
    }

    #[test]
    fn segments_that_mix_a_latin_and_a_cjk_word() {
        assert_eq!(fixed("XMLXML 数据数据").as_deref(), Some("XML 数据"));
        assert_eq!(fixed("toptoptop 命令命令命令").as_deref(), Some("top 命令"));
        assert_eq!(fixed("mama 妈妈"), None);
        assert_eq!(fixed("okok 好好"), None);
    }

    #[test]
    fn a_short_heading_drawn_twice_in_a_document_with_fake_bold_headings() {
        let heading = "应用程序的隔离\n应用程序的隔离\n";
        let out = dedupe(&format!(
            "{heading}正文第一句。\n沙盒\n沙盒\n正文第二句。\n日志日志\n正文。"
        ));
        let texts: Vec<&str> = out.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "应用程序的隔离",
                "正文第一句。",
                "沙盒",
                "正文第二句。",
                "日志",
                "正文。"
            ]
        );
        // With no heading drawn that way, a short word twice is the writer's.
        assert_eq!(
            dedupe("正文第一句。\n沙盒\n沙盒\n日志日志\n正文。").len(),
            5
        );
        // Inside a sentence it is reduplication.
        let out = dedupe(&format!("{heading}我们还要\n研究研究\n这个问题。"));
        assert_eq!(out[2], ("研究研究".to_string(), false));
        // A name written with a space stays.
        let out = dedupe(&format!("{heading}正文。\nBora Bora\n正文。"));
        assert_eq!(out[2], ("Bora Bora".to_string(), false));
    }

    #[test]
    fn a_question_drawn_twice_above_a_paragraph_in_a_document_with_fake_bold() {
        let heading = "색 관리 기초\n색 관리 기초\n본문입니다.\n";
        let out = dedupe(&format!(
            "{heading}색 영역은 뭘까요?\n색 영역은 뭘까요?\n색 영역은 색 표현 범위를 정의하며, 장치마다\n다릅니다."
        ));
        assert_eq!(out[2], ("색 영역은 뭘까요?".to_string(), true));
        assert_eq!(out[3].0, "색 영역은 색 표현 범위를 정의하며, 장치마다");
        // Answered, it is speech.
        let out = dedupe(&format!(
            "{heading}정말 그런가요?\n정말 그런가요?\n네, 그렇습니다."
        ));
        assert_eq!(out[3], ("정말 그런가요?".to_string(), false));
    }

    #[test]
    fn a_wrapped_heading_written_again_block_by_block() {
        let heading = "Mail relays\nMail relays\nA relay passes mail on.\n";
        let out = dedupe(&format!(
            "{heading}Forwarding the relay port\nthrough the gateway\nForwarding the relay port\nthrough the gateway\nBody."
        ));
        assert_eq!(out.len(), 5);
        assert_eq!(out[3], ("through the gateway".to_string(), true));
        // Number cells, and rows under a line that goes on, stay.
        assert_eq!(dedupe(&format!("{heading}0\n1\n0\n1")).len(), 6);
        assert_eq!(
            dedupe(&format!("{heading}Answers:\nyes\nno\nyes\nno")).len(),
            7
        );
    }

    #[test]
    fn lines_repeated_under_a_command_are_its_output() {
        let input = "$ grep -h 'Free Software' /usr/share/common-licenses/GPL*\nFree Software Foundation\nFree Software Foundation\nBody text.";
        assert_eq!(dedupe(input).len(), 4);
    }

    #[test]
    fn lines_repeated_further_down_a_command_output_are_its_output_too() {
        let input = "$ awk '{ print $3 }' <people\nAugust\nApril\nJanuary\nJanuary\nMarch";
        assert_eq!(dedupe(input).len(), 6);
        // A sentence ends the output: a line drawn twice after it is a heading's.
        let input = "$ make\nThe build is done.\nResults and Notes\nResults and Notes\nBody.";
        assert_eq!(dedupe(input).len(), 4);
    }

    /// A line the listing does not take in (CJK, which commands do not
    /// print) stands apart from it in the repaired text, so the lines after
    /// it are no output of the command: a second repair, which sees the
    /// blank line, judges their copies as this one does.
    #[test]
    fn a_line_the_listing_leaves_out_ends_a_command_output() {
        let rows = "Name      Value\nName      Value\nName      e";
        let kept = |between: &str| dedupe(&format!("$ o\n{between}\n{rows}")).len();
        assert_eq!(kept("ab"), 5);
        assert_eq!(kept("心"), 4);
    }
}
