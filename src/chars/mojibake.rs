//! Mojibake: text whose bytes were decoded with the wrong encoding, read
//! back the right way.
//!
//! A run of characters that a single-byte encoding can write (windows-1252
//! or Latin-1, windows-1250, -1251, -1253, -1254, -1257, ISO-8859-2, Mac
//! Roman, IBM 866 and 437, and the Hebrew and Thai pages windows-1255 and
//! windows-874) is written back to
//! those bytes and read as UTF-8, or (from windows-1252 and Latin-1) as
//! GBK, Big5, Shift_JIS or EUC-KR. The reading is kept only when
//! it is clearly more plausible than the text it replaces (see
//! [`repair_mojibake`]).
//!
//! `O(n)` over the text (a handful of candidate readings per line, each
//! linear); never panics; text that is already right is never changed.

mod code_pages;
mod cp437;
mod gbk;
mod plausibility;
mod reading;
mod runs;
mod signs;

use reading::repair_line;
use signs::{Signs, may_hold_mojibake};
use std::ops::Range;

/// One repaired run: the input bytes in `range` now read `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MojibakeFix {
    /// Byte range in the text given to [`repair_mojibake`].
    pub range: Range<usize>,
    /// The text that stands for it.
    pub replacement: String,
}

/// Repairs mojibake in `text`, returning the repaired text and the runs it
/// changed, or `None` when nothing needed repair.
///
/// UTF-8 read as windows-1252 or Latin-1, the legacy CJK encodings (GBK,
/// Big5, Shift_JIS, EUC-KR) read as Latin-1 or windows-1252, UTF-8 read
/// as GBK, and UTF-8 read as other single-byte code pages are recognized,
/// also when garbled twice:
///
/// ```text
/// Ã©tÃ© Ã  la plage        →  été à la plage
/// Ö÷Ìâ½ÌÓý                →  主题教育
/// µLªkÅª¨ú                →  無法讀取
/// ƒtƒ@ƒCƒ‹‚ð              →  ファイルを
/// ÆÄÀÏ ¸ñ·Ï               →  파일 목록
/// 鑰冭瘯                   →  考试
/// æ–¹æ³•æ˜Žç¡®          →  方法明确
/// Iggy Pop (nÃƒÂ© Jim)    →  Iggy Pop (né Jim)
/// ```
///
/// Each line is judged alone. A reading is accepted only when it scores
/// clearly better: the score counts characters that mojibake is made of
/// and real text rarely has (C1 controls, a Latin-1 symbol glued to an
/// accented letter, scripts mixed inside a word, rare letters), and for
/// Chinese readings it counts an ideograph as common when it lies in the
/// first level of GB2312, of Big5 or of JIS X 0208 (the 3755, 5401 and
/// 2965 most frequent characters of Simplified Chinese, Traditional
/// Chinese and Japanese). Refused: legitimate accented text (`Bremer/Mccoy – DrÃ¥ber`,
/// `SÃO PAULO`, `© 2024`), a reading that would need bytes the run does
/// not have, and a Chinese reading that is not made of CJK characters.
///
/// # Examples
///
/// ```
/// use textmend::chars::mojibake::repair_mojibake;
/// let (text, fixes) = repair_mojibake("Ã©tÃ© Ã  la plage").unwrap();
/// assert_eq!(text, "été à la plage");
/// assert_eq!(fixes[0].range.start, 0);
/// assert_eq!(repair_mojibake("Ö÷Ìâ½ÌÓý").unwrap().0, "主题教育");
/// assert_eq!(repair_mojibake("São Paulo, © 2024 Ação"), None);
/// ```
pub fn repair_mojibake(text: &str) -> Option<(String, Vec<MojibakeFix>)> {
    if text.is_ascii() {
        return None;
    }
    repair_lines(text, None, None)
}

/// What [`scan_mojibake`] finds in a whole text.
#[derive(Default)]
pub(crate) struct MojibakeScan {
    /// The repaired text and the runs it changed, as [`repair_mojibake`]
    /// gives them.
    pub(crate) repaired: Option<(String, Vec<MojibakeFix>)>,
    /// The lines read on the way that hold a character normalization
    /// replaces on a line alone (a control, an invisible character, a space
    /// variant, a ligature): their byte ranges, line ends left out, in
    /// order; `None` when they are not known (an ASCII text with a
    /// control character in it, whose lines were not read).
    pub(crate) normalized: Option<Vec<Range<usize>>>,
}

/// [`repair_mojibake`] of a whole text, and the lines it read on the way
/// that normalization has work in ([`MojibakeScan::normalized`]). The one
/// pass that looks for mojibake in a line tells so too, and normalization
/// need not look again at a line, or a piece of one, that holds none.
pub(crate) fn scan_mojibake(text: &str) -> MojibakeScan {
    if text.is_ascii() {
        // No mojibake, and the only ASCII characters normalization replaces
        // are the controls but the tab; the line ends (`\n`, `\r`, form
        // feed) stand in no line. A text without others has no line to
        // list; one with them is left to normalization to search. Read a
        // block of bytes at a time, without a branch, which the compiler
        // vectorises.
        let control = |b: u8| b == 0x7F || b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C);
        let controls = text
            .as_bytes()
            .chunks(64)
            .any(|block| block.iter().fold(false, |found, &b| found | control(b)));
        return MojibakeScan {
            repaired: None,
            normalized: (!controls).then(Vec::new),
        };
    }
    let mut normalized = Vec::new();
    let repaired = repair_lines(text, None, Some(&mut normalized));
    MojibakeScan {
        repaired,
        normalized: Some(normalized),
    }
}

/// [`repair_mojibake`] of a finished block's text, which is the line that
/// a second repair would judge: `None` at once unless it holds characters
/// that UTF-8 read as a single-byte code page turns into, or may be UTF-8
/// read as GBK (see [`Signs::may_be_read_again`]). The one pass that
/// tells so also gives the signs of the block's line.
pub(crate) fn repair_mojibake_again(text: &str) -> Option<(String, Vec<MojibakeFix>)> {
    if text.is_ascii() {
        return None;
    }
    let signs = Signs::of(text);
    if !signs.may_be_read_again(text) {
        return None;
    }
    repair_lines(text, Some(signs), None)
}

/// [`repair_mojibake`] of a text that is not ASCII; `whole` holds the
/// signs of the whole text when they were measured already. With
/// `normalized`, the range of each line that holds a character
/// normalization replaces on a line alone is pushed to it.
fn repair_lines(
    text: &str,
    whole: Option<Signs>,
    mut normalized: Option<&mut Vec<Range<usize>>>,
) -> Option<(String, Vec<MojibakeFix>)> {
    // The repaired copy is started at the first fix: most texts have none.
    let mut out = String::new();
    let mut fixes = Vec::new();
    let mut start = 0;
    let breaks = crate::text::line::LineBreaks::new(text);
    while start < text.len() {
        // Each line break ends a line (`\r\n` two); a line is read the
        // same whatever ends it (the last line of an input often has no
        // line end, and gets one in the output).
        let (body_end, end) = breaks
            .next_at(start)
            .map_or((text.len(), text.len()), |(at, c)| (at, at + c.len_utf8()));
        let (line, body) = (&text[start..end], &text[start..body_end]);
        let may_hold = match &whole {
            Some(signs) if body.len() == text.len() => may_hold_mojibake(signs, body),
            _ => {
                let signs = Signs::of(body);
                if let Some(lines) = normalized.as_deref_mut().filter(|_| signs.normalized()) {
                    lines.push(start..body_end);
                }
                may_hold_mojibake(&signs, body)
            }
        };
        let read = may_hold.then(|| repair_line(body)).flatten();
        match read {
            Some(fixed) => {
                if fixes.is_empty() {
                    out.reserve(text.len());
                    out.push_str(&text[..start]);
                }
                let prefix = common_prefix(body, &fixed);
                let suffix = common_suffix(&body[prefix..], &fixed[prefix..]);
                fixes.push(MojibakeFix {
                    range: start + prefix..start + body.len() - suffix,
                    replacement: fixed[prefix..fixed.len() - suffix].to_string(),
                });
                out.push_str(&fixed);
                out.push_str(&line[body.len()..]);
            }
            None if !fixes.is_empty() => out.push_str(line),
            None => {}
        }
        start += line.len();
    }
    (!fixes.is_empty()).then_some((out, fixes))
}

/// Byte length of the longest common prefix, on a char boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|&((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// Byte length of the longest common suffix, on a char boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::script::{CharClass, classify};
    use encoding_rs::{GBK, WINDOWS_1252};

    fn fix(s: &str) -> String {
        repair_mojibake(s).map_or_else(|| s.to_string(), |(t, _)| t)
    }

    #[test]
    fn utf8_read_as_windows_1252() {
        assert_eq!(fix("cafÃ© au lait"), "café au lait");
        assert_eq!(fix("â€œquotedâ€\u{9d}"), "“quoted”");
        assert_eq!(fix("\u{84}Handwerk\u{93} und \u{85}"), "„Handwerk“ und …");
        assert_eq!(
            fix("æ–¹æ³•æ˜Žç¡®ï¼Œè·¯å¾„æ¸…æ™°ã€‚"),
            "方法明确，路径清晰。"
        );
    }

    #[test]
    fn a_soft_hyphen_after_an_accented_capital_ends_a_sequence() {
        assert_eq!(fix("Kazakh (llatÃ\u{AD})"), "Kazakh (llatí)");
        assert_eq!(
            fix("Uzantonomo aÅ\u{AD} pasvorto"),
            "Uzantonomo aŭ pasvorto"
        );
        // After a lower-case letter or `ß`, a soft hyphen is a writer's.
        assert_eq!(fix("Fuß\u{AD}ball"), "Fuß\u{AD}ball");
        assert_eq!(fix("infor\u{AD}mación"), "infor\u{AD}mación");
    }

    #[test]
    fn a_letter_shaped_inside_a_word_reads_through_another_code_page() {
        assert_eq!(fix("Aceptar la tabulaciĂłn"), "Aceptar la tabulación");
        // A capital at a word's start is a letter of the language.
        assert_eq!(
            fix("Lista de programe Ălbești"),
            "Lista de programe Ălbești"
        );
    }

    #[test]
    fn gbk_read_as_latin1() {
        assert_eq!(fix("Ö÷Ìâ½ÌÓý"), "主题教育");
        assert_eq!(fix("ÎªÑ§Ö®Êµ£¬¹ÌÔÚ¼ùÂÄ¡£"), "为学之实，固在践履。");
    }

    #[test]
    fn utf8_read_as_gbk() {
        assert_eq!(fix("鑰冭瘯"), "考试");
        assert_eq!(fix("瀛︿範鏁欒偛宸ヤ綔鏂规硶鏄庣‘"), "学习教育工作方法明确");
        assert_eq!(fix("考试"), "考试");
    }

    #[test]
    fn garbled_twice() {
        assert_eq!(
            fix("Iggy Pop (nÃƒÂ© Jim Osterberg)"),
            "Iggy Pop (né Jim Osterberg)"
        );
    }

    #[test]
    fn garbled_twice_through_two_code_pages() {
        assert_eq!(fix("a Г‚ВЈ5.8bn issue"), "a £5.8bn issue");
    }

    #[test]
    fn other_code_pages() {
        assert_eq!(fix("─îe┼ítina"), "Čeština");
        assert_eq!(fix("Å iaip ÄÆdomu. VisÅ³ pirma"), "Šiaip įdomu. Visų pirma");
        assert_eq!(fix("wei√ü"), "weiß");
        assert_eq!(fix("Blog Tip 2 вЂ“ Broadcast"), "Blog Tip 2 – Broadcast");
        assert_eq!(fix("Ξ‘ΞΈΞ®Ξ½Ξ±"), "Αθήνα");
        // Through the Hebrew and the Thai code page.
        assert_eq!(fix("cafֳ© crֳ¨me"), "café crème");
        assert_eq!(fix("naรฏve faรงade"), "naïve façade");
        // A byte windows-1257 leaves undefined (0xA5), as a lenient decoder
        // writes it: Latin-1's `¥`.
        assert_eq!(fix("ą¤¹ą¤æą¤Øą¥¨ą¤¦ą¥€ ą¤\u{AD}ą¤¾ą¤·ą¤¾"), "हिन्दी भाषा");
        // Through ISO-8859-2, not windows-1250, whose reading puts Tibetan
        // where the Devanagari vowel signs are.
        assert_eq!(fix("ŕ¤ľŕ¤żŕ¤\u{82}ŕ¤ĄŕĽ\u{8b} ŕ¤\u{95}ŕĽ\u{80}"), "विंडो की");
    }

    #[test]
    fn hebrew_and_thai_text_is_kept() {
        for s in [
            "שלום עולם, מה שלומך היום?",
            "ภาษาไทยเป็นภาษาที่มีวรรณยุกต์",
            "ราคา 100 บาท (รวมภาษี)",
        ] {
            assert_eq!(repair_mojibake(s), None, "{s}");
        }
    }

    #[test]
    fn surrogates_written_one_by_one() {
        assert_eq!(fix("emojis! í\u{a0}½í¸\u{80}"), "emojis! 😀");
    }

    #[test]
    fn right_text_is_kept() {
        for s in [
            "São Paulo, Ação, © 2024",
            "Bremer/Mccoy – DrÃ¥ber",
            "NÃO",
            "主题教育在基层。",
            "!YO SÉ¡",
            "10 km/h × 2 ÷ 3",
            "SELKÄ\u{A0}EDELLÄ\u{A0}MAAHAN",
        ] {
            assert_eq!(repair_mojibake(s), None, "{s}");
        }
    }

    #[test]
    fn short_mojibake_in_capitals() {
        assert_eq!(fix("DOS AÃ‘OS"), "DOS AÑOS");
        assert_eq!(fix("ZURÃœCK"), "ZURÜCK");
        assert_eq!(fix("IL2RÎ³cKO"), "IL2RγcKO");
    }

    #[test]
    fn only_the_garbled_words_of_a_line_are_read() {
        assert_eq!(
            fix("The cafÃ© is open, the café is closed"),
            "The café is open, the café is closed"
        );
    }

    #[test]
    fn a_reading_bringing_in_a_script_needs_more_than_byte_shapes() {
        for s in ["Brontë…”", "Jane Eyre by Charlotte Brontë…”"] {
            assert_eq!(repair_mojibake(s), None, "{s}");
        }
        assert_eq!(fix("×‘×”×•×“×¢×”"), "בהודעה");
    }

    #[test]
    fn utf8_that_lost_bytes_is_not_read_as_gbk() {
        let thai = "ภาษาไทยเป็นภาษาราชการ";
        let garbled: String = thai
            .bytes()
            .filter_map(|b| {
                WINDOWS_1252
                    .decode_without_bom_handling(&[b])
                    .0
                    .chars()
                    .next()
            })
            .filter(|c| !('\u{80}'..='\u{9F}').contains(c))
            .collect();
        assert!(
            repair_mojibake(&garbled)
                .is_none_or(|(text, _)| !text.chars().any(|c| classify(c) == CharClass::Han))
        );
    }

    #[test]
    fn a_lone_letter_after_a_lost_no_break_space_is_part_of_the_word() {
        assert_eq!(fix("atenÃ§Ã£o Ã s crianÃ§as"), "atenção às crianças");
        assert_eq!(fix("Ã l'Ã©cole"), "à l'école");
    }

    #[test]
    fn c1_controls_read_through_the_more_plausible_code_page() {
        // Mac Roman read as Latin-1: windows-1252 would put apostrophes
        // inside words and a capital `Ž` in a lowercase one.
        assert_eq!(
            fix("la pol\u{92}tica energ\u{8E}tica"),
            "la política energética"
        );
        // windows-1252 read as Latin-1: quotes and apostrophes stay so.
        assert_eq!(fix("est\u{E1} \u{93}pr\u{F3}ximo\u{94}"), "está “próximo”");
        assert_eq!(fix("don\u{92}t, l\u{92}homme"), "don’t, l’homme");
    }

    #[test]
    fn a_sequence_cut_by_a_replacement_character() {
        assert_eq!(fix("Ã\u{FFFD}slenska"), "\u{FFFD}slenska");
    }

    #[test]
    fn utf8_readings_are_preferred_to_gbk_readings() {
        assert_eq!(fix("50Â°C Â± 2"), "50°C ± 2");
    }

    #[test]
    fn short_gbk_headings() {
        assert_eq!(fix("°²×°"), "安装");
        assert_eq!(repair_mojibake("Rèpublica tch·èca"), None);
    }

    #[test]
    fn traditional_chinese_and_japanese_read_through_gbk() {
        for text in ["鍵の失効または選択した副鍵の失効", "這個說明們已經讀過了。"]
        {
            let (bytes, _, _) = GBK.encode(text);
            let garbled: String = bytes.iter().map(|&b| char::from(b)).collect();
            assert_eq!(fix(&garbled), text);
        }
    }

    /// `text` written in `encoding`, read back as Latin-1.
    fn garbled_as_latin1(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text}");
        bytes.iter().map(|&b| char::from(b)).collect()
    }

    #[test]
    fn big5_shift_jis_and_euc_kr_read_as_latin1() {
        use encoding_rs::{BIG5, EUC_KR, SHIFT_JIS};
        for (text, encoding) in [
            ("無法讀取設定檔，請再試一次。", BIG5),
            ("設定ファイルを読み込めませんでした。", SHIFT_JIS),
            ("バックアップは毎晩始まります", SHIFT_JIS),
            ("설정 파일을 읽을 수 없습니다.", EUC_KR),
            ("체코어 (타이포그라피)", EUC_KR),
        ] {
            assert_eq!(fix(&garbled_as_latin1(text, encoding)), text);
        }
        // Through windows-1252, kana show as `‚` and `ƒ`.
        assert_eq!(
            fix("ƒoƒbƒNƒAƒbƒv‚Í–ˆ”Ó‚Q Žž‚ÉŽn‚Ü‚è‚Ü‚·"),
            "バックアップは毎晩２ 時に始まります"
        );
    }

    #[test]
    fn korean_words_set_apart_by_spaces_are_not_read_as_chinese() {
        use encoding_rs::EUC_KR;
        // Hangul in EUC-KR has the bytes of frequent ideographs in GBK.
        let garbled = garbled_as_latin1("파일 목록", EUC_KR);
        assert_eq!(fix(&garbled), "파일 목록");
        // One word alone gives no such evidence: the GBK reading stands.
        assert_eq!(fix("°²×°"), "安装");
    }

    #[test]
    fn no_cjk_reading_sets_a_letter_inside_a_latin_word() {
        // Mac Roman read as Latin-1: `\u{92}f` is also Shift_JIS for 断.
        assert_eq!(fix("cient\u{92}ficos"), "científicos");
        assert_eq!(repair_mojibake("ÀÉ et ÇÃ, « Œuvres »"), None);
    }

    #[test]
    fn ranges_cover_the_changed_run() {
        let (_, fixes) = repair_mojibake("ok\nthe cafÃ© is\n").unwrap();
        assert_eq!(fixes.len(), 1);
        assert_eq!(fixes[0].range, 10..14);
        assert_eq!(fixes[0].replacement, "é");
    }
}
