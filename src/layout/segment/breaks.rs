//! Whether a block ends between two visible lines: headings, list items,
//! first-line indents, a paragraph's last line, a blank line or page break
//! that is not a sentence cut off, a change of language. A stretched,
//! justified line (written in pieces, or with its stretched gaps) ends no
//! paragraph (`most ⏎upgrades ⏎need no restart.` / `Check the list…` goes
//! on): justification stretches every line but a paragraph's last. A
//! full line cut off mid-sentence goes on into the cell or item that a
//! run of short lines starts with (`…in the Linux kernel (default for` /
//! `Debian kernels)`): the column wrapped it, and so does a cell that
//! ends in a word broken at a hyphen and goes on in lower case (`as the
//! emu-` / `lator packages do`). A paragraph's first line,
//! full to the page's text width and cut off mid-sentence, goes on past a
//! blank line into a line that carries the sentence on in lower case and
//! runs on into more lines (`…you add` / blank / `the following option…`
//! / `restart it…`), or that ends the paragraph on a page that wraps its
//! text into lines (two lines or more reach its width mid-sentence and
//! run on): an extractor that boxes an indented first line apart writes
//! that blank line, and repaired text, a block a line, wraps nothing.
//! Such a line goes on past running furniture printed with no blank line
//! beside it (`…by Ari Pollak, Loïc` / `Page 2` / `Minier, and…`): a
//! page broke there, not the paragraph. A caption ends where the next word would have
//! fitted on its line, however long it is: it names a table or figure and
//! runs on into no text; so does each later line of a caption that
//! wrapped, with room for that word twice over (not a line of a listing
//! kept as lines: kept together, it is written together). A section number alone
//! on a line continues no sentence cut off before a gap or a page break
//! (`…input file` / page break / `4.3`). A line that had room for the
//! next word twice over ends its block before a capital (a list item of
//! one line, which measures no column, against the width of the line
//! after it, and before an ideograph too where the item ends on one), and
//! does not push a Latin word onto the next line of Chinese or Japanese:
//! another font sets a word wider than its count of characters tells, but
//! not twice as wide.

use super::sentence_ends::SentenceEnds;
use super::setting::Setting;
use super::shapes::{
    ends_mid_clause, is_caption, is_caption_with_stop, is_full, is_heading_line, is_overfull,
    is_section_number, is_short, starts_with_continuation,
};
use super::visible::{Visible, next_word_fits};
use crate::layout::preformatted::starts_with_label;
use crate::text::block::{BlockKind, BlockSpan};
use crate::text::line::list_marker_width;
use crate::text::script::{
    CharClass, classify, ends_sentence, is_closing, is_hangul, is_hiragana, is_spaceless,
    splits_katakana_word,
};

/// How many columns a ragged line's measure may be off: see
/// [`next_word_nearly_fits`].
const RAGGED_SLACK: usize = 2;

/// The columns a Hangul syllable takes (a wide character).
const HANGUL_SYLLABLE_WIDTH: usize = 2;
pub(super) fn breaks_between(
    prev: &Visible<'_>,
    cur: &Visible<'_>,
    block: &BlockSpan,
    setting: Setting,
    sentence_ends: SentenceEnds,
) -> bool {
    let (a, b) = (prev.line, cur.line);
    if a.preformatted || b.preformatted {
        // A listing continues across page furniture and page breaks.
        return !(a.preformatted && b.preformatted) || cur.blank_before;
    }
    if block.lines.len() == 1 && is_section_number(&a.text) {
        // `1.4.5` / `The pager` is the heading `1.4.5 The pager`.
        let title = b
            .first_char()
            .is_some_and(crate::text::script::is_word_char)
            && !b.preformatted
            && !cur.list_item;
        return !title;
    }
    if a.stands_alone || b.stands_alone {
        // A cell or item that starts on a full line of prose, cut off
        // mid-sentence, ends on the short line after it: the column
        // wrapped it (`…kernel (default for` / `Debian kernels)`).
        let wrapped = !a.stands_alone
            && is_full(prev)
            && !prev.ends_sentence
            && !prev.ends_with_colon
            && !cur.gap_before
            && !cur.list_item;
        return !wrapped && !hyphen_goes_on(&a.text, &b.text, cur);
    }
    if starts_with_continuation(&b.text) && !cur.gap_before {
        // No block starts with a comma or a closing bracket.
        return false;
    }
    let numbered_continuation = cur.numbered_heading
        && !b.fake_bold
        && !cur.gap_before
        && !prev.ends_sentence
        && !prev.ends_with_colon
        && is_full(prev);
    // A numbered line that continued a sentence is no heading.
    let prev_heading = a.fake_bold || is_heading_line(prev) && block.kind == BlockKind::Heading;
    if prev_heading || is_heading_line(cur) && !numbered_continuation {
        // A heading the column wrapped continues on the next heading line.
        // Its larger type makes its own lines the measure: in a spaced
        // script, it was wrapped when the next word would not have fitted
        // on the widest of its lines. (CJK headings are broken on purpose
        // at phrase boundaries as often as not, so there only a full-width
        // first line counts, or a second line less than half as wide as the
        // first and not numbered: the wrapped remainder, as in
        // `GUI（圖形使用者介面）` / `應用`. The extractor may merge the
        // remainder's copies into one, so a remainder that ends no
        // sentence continues a bold line though it is not bold itself.)
        let spaced = !a.text.chars().any(crate::text::script::is_cjk)
            && !b.text.chars().any(crate::text::script::is_cjk);
        let own_measure = Visible {
            column: a.extent().max(b.extent()),
            ..*prev
        };
        let remainder =
            !spaced && b.extent() * 2 <= a.extent() && !cur.numbered_heading && !cur.list_item;
        let wrapped = a.fake_bold
            && !cur.gap_before
            && (b.fake_bold
                && (is_full(prev) || spaced && !next_word_fits(&own_measure, cur) || remainder)
                || remainder && !cur.ends_sentence && !cur.ends_with_colon);
        return !wrapped;
    }
    if cur.list_item {
        // `1) 指令` after a full line cut mid-sentence is that sentence's
        // continuation, not a numbered item; a bullet is always an item.
        let numbered = b.text.starts_with(|c: char| c.is_ascii_digit());
        let mid_sentence = !prev.ends_sentence && !prev.ends_with_colon && is_full(prev);
        let continues =
            numbered && mid_sentence && !cur.gap_before && block.kind != BlockKind::ListItem;
        let manual_page = !cur.gap_before && continues_manual_page(&a.text, &b.text);
        return !continues && !manual_page;
    }
    // A line set under a list item's text, past its marker, is the item
    // wrapped with a hanging indent (`1. Download the installer and` /
    // `   check it`); any other deeper indent starts a block.
    let hangs = prev.list_item
        && list_marker_width(&a.text).is_some_and(|w| b.indent.abs_diff(a.indent + w) <= 1);
    if (b.indent > a.indent && !prev.list_item || b.indent > a.indent + 2) && !hangs {
        return true;
    }
    // A stretched, justified line was full, and justification never
    // stretches a paragraph's last line.
    if a.stretched {
        return false;
    }
    // A colon ends nothing when the sentence simply goes on: in lower
    // case, with a hiragana particle (`“A:”` / `のような…`), or as the rest
    // of a URL (`https:` / `//www…`).
    let goes_on = b
        .first_char()
        .is_some_and(|c| c.is_lowercase() || is_hiragana(c))
        || b.text.starts_with("//");
    let a_ends = prev.ends_sentence || prev.ends_with_colon;
    let colon_goes_on = !prev.ends_sentence && goes_on;
    if block.kind == BlockKind::ListItem && a_ends {
        return true;
    }
    if cur.gap_before {
        // Full to the width of the page's text, not only of its column
        // (a table's column is narrow): asked only where it decides.
        let full_to_page = || {
            is_full(&Visible {
                column: prev.page_width,
                ..*prev
            })
        };
        let cut_mid_sentence = !a_ends
            && is_full(prev)
            && block.kind != BlockKind::Heading
            && !is_section_number(&b.text)
            && {
                // A page ends wherever its last line falls, so a single full
                // line cut off there goes on; a blank line on a page after
                // one full line may be a paragraph's end.
                // A paragraph's first line that an extractor boxed apart goes
                // on, too: full to the page's text width, before a line that
                // carries the sentence on in lower case and runs on itself
                // into more of the paragraph, or ends it on a page that
                // wraps its text (repaired text, a block a line, shows
                // neither).
                block.lines.len() >= 2
                    || a.page != b.page
                    || !cur.blank_before
                    || goes_on && (cur.runs_on || cur.page_wraps_lines) && full_to_page()
            };
        return !cut_mid_sentence;
    }
    let room = next_word_fits(prev, cur)
        || setting.hangul_breaks_inside_words && next_syllable_fits(prev, cur);
    if a_ends
        && !colon_goes_on
        && (room
            || changes_language(&a.text, &b.text)
            || next_word_nearly_fits(prev, cur)
            || is_overfull(prev)
            || ends_cjk_sentence_short(prev)
            || sentence_ends.end_paragraph(&a.text, b)
            || is_caption_with_stop(&b.text))
    {
        return true;
    }
    // What a colon announces (a listing, a list, a quotation) starts anew,
    // unless the sentence simply goes on.
    if prev.ends_with_colon && !goes_on {
        return true;
    }
    if ends_mid_clause(&a.text) {
        // A comma, a hyphen, a dash or a slash at the end: the text goes on.
        return false;
    }
    // A short unpunctuated line that stands alone at the start of a block
    // is a heading, unless the column wrapped it (the next word did not
    // fit); a very short one inside a block ends it.
    if !a_ends && is_short(prev) && block.lines.len() == 1 && block.kind == BlockKind::Paragraph {
        // A heading has no commas: a line with one is a sentence's start.
        let sentence = a.text.contains(['，', '、', '；']);
        return room
            && !(sentence && cjk_before_latin_word(&a.text, &b.text))
            && !breaks_inside_phrase(&a.text, &b.text);
    }
    let pushed = block.kind == BlockKind::Paragraph && pushes_latin_word(prev, cur);
    // A caption is a title, whatever its length: it ends where the next
    // word would have fitted on its line (`Table 6.8. List of SSH
    // configuration files` / `The following starts…`), and before a line
    // that starts with a capital, since a title wrapped goes on in lower
    // case, not after an article or a preposition (`Table 3.2. List of
    // the agent commands and what each one does` / `Start the agent…`).
    let caption = || block.lines.len() == 1 && is_caption(&a.text);
    let titled = || {
        caption()
            && b.first_char().is_some_and(char::is_uppercase)
            && !breaks_inside_phrase(&a.text, &b.text)
            && !in_title_case(&a.text)
    };
    // A list item of one line measures no column of its own: where the
    // line after it is wider, that line shows how far the item could have
    // reached.
    let one_line_item = block.kind == BlockKind::ListItem && block.lines.len() == 1;
    let measure = if one_line_item {
        prev.column.max(b.extent())
    } else {
        prev.column
    };
    !a_ends
        && !pushed
        && !goes_on_in_lower_case(&a.text, &b.text)
        && (room && (is_short(prev) || caption())
            || falls_short_before_capital(prev, cur, measure)
            || one_line_item && falls_short_before_ideograph(prev, cur, measure)
            || titled())
}

/// Does a word broken at a hyphen go on in lower case on the next line
/// (`比如透過 games-` / `emulator 元軟體包…`)? No cell or item ends in
/// the first half of a word: the column wrapped it. A name broken so (a
/// token with a slash, a dot or an underscore: `distribution/area/binary-`)
/// is a cell's text, whose lines a table keeps.
fn hyphen_goes_on(before: &str, after: &str, cur: &Visible<'_>) -> bool {
    let Some(word) = before.strip_suffix('-') else {
        return false;
    };
    let token = word.rsplit(char::is_whitespace).next().unwrap_or("");
    token.ends_with(char::is_alphabetic)
        && !token.contains(['/', '.', '_', '\\'])
        && after.starts_with(|c: char| c.is_lowercase())
        && !cur.gap_before
        && !cur.list_item
}

/// Is the text after a line's first word set in title case, most of its
/// words capitalised (`Table 4.2. Files That Configure The Agent`)? Such a
/// title, wrapped, goes on with a capital.
fn in_title_case(text: &str) -> bool {
    let (mut capitalised, mut words) = (0, 0);
    for word in text.split_whitespace().skip(1) {
        if let Some(first) = word.chars().next().filter(|c| c.is_alphabetic()) {
            words += 1;
            capitalised += usize::from(first.is_uppercase());
        }
    }
    capitalised * 2 > words
}

/// Does a line of a spaced script stop with room for the next line's
/// first word twice over, before a capital (`Duplicate name for an
/// existing file` / `Special file that…`)? The column did not end it, and
/// a sentence going on after it starts no word in capitals but a name's:
/// counted in characters, a proportional font's words differ in width,
/// but not twice over (`…Standard Version of this` / `Package without…`
/// goes on).
fn falls_short_before_capital(prev: &Visible<'_>, cur: &Visible<'_>, column: usize) -> bool {
    let ends_word = prev
        .line
        .last_char()
        .is_some_and(|c| matches!(classify(c), CharClass::Letter | CharClass::Digit) || c == ')');
    ends_word
        && cur.line.first_char().is_some_and(char::is_uppercase)
        && has_room_twice(prev, cur, column)
}

/// Does a line that ends on an ideograph stop with room for the next
/// line's first ideograph twice over within `column`? Used for a list
/// item of one line, measured against the wider line after it (`• …需要
/// setuid root 二进制` / `对于使用 Wayland 协议的应用…`); a line that ends on
/// a Latin word may fall short before the word the typesetter did not
/// break.
fn falls_short_before_ideograph(prev: &Visible<'_>, cur: &Visible<'_>, column: usize) -> bool {
    let han = |c: char| classify(c) == CharClass::Han;
    prev.line.last_char().is_some_and(han)
        && cur.line.first_char().is_some_and(han)
        && has_room_twice(prev, cur, column)
}

/// Does a caption that wrapped end on `prev`: the first word of `cur`
/// would have fitted twice over on it? A caption's lines after its first
/// end where the title does, as its first line does ([`is_caption`]).
pub(super) fn ends_wrapped_caption(prev: &Visible<'_>, cur: &Visible<'_>) -> bool {
    !prev.ends_with_colon && has_room_twice(prev, cur, prev.column)
}

/// Would the first word of `cur` have fitted twice over at the end of
/// `prev`? Another font or proportional letters set a word wider than its
/// count of characters tells, but not twice as wide.
fn has_room_twice(prev: &Visible<'_>, cur: &Visible<'_>, column: usize) -> bool {
    let extent = prev.line.extent();
    let word = prev.extent_with_next_word(cur).saturating_sub(extent);
    extent + 2 * word <= column
}

/// Is `cur` a heading of its own between two paragraphs: a short line that
/// ends no sentence, after a line that ends one and before a line whose
/// first word would have fitted on it (`…文件系统。` / `硬盘优化` /
/// `在你折腾…`)? No sentence starts on a line of its own and stops short
/// of the column without ending.
pub(super) fn stands_between_sentences(
    prev: &Visible<'_>,
    cur: &Visible<'_>,
    next: Option<&Visible<'_>>,
) -> bool {
    let (a, b) = (prev.line, cur.line);
    let Some(next) = next else {
        return false;
    };
    let c = next.line;
    !a.preformatted
        && !b.preformatted
        && !c.preformatted
        && !next.gap_before
        && prev.ends_sentence
        && !is_section_number(&a.text)
        && !cur.ends_sentence
        && !cur.ends_with_colon
        && !ends_mid_clause(&b.text)
        && !starts_with_continuation(&b.text)
        && is_short(cur)
        && next_word_fits(cur, next)
        && !pushes_latin_word(cur, next)
        && !goes_on_in_lower_case(&b.text, &c.text)
        && !breaks_inside_phrase(&b.text, &c.text)
}

/// Does a line of Latin text end its sentence where the next line starts
/// in Chinese or Japanese? The language changes with the paragraph (an
/// English note in a Chinese manual, then the Chinese text again).
fn changes_language(before: &str, after: &str) -> bool {
    ends_sentence(before)
        && !before.chars().any(crate::text::script::is_cjk)
        && after.starts_with(crate::text::script::is_cjk)
}

/// Does an English sentence go on across the break: a line ending in a
/// word, the next starting with a lower-case one (`Under the GNOME
/// Desktop` / `environment, press…`)? Capitals and wide letters make such
/// a line look short in characters though the column was full.
fn goes_on_in_lower_case(before: &str, after: &str) -> bool {
    before.ends_with(|c: char| c.is_ascii_alphanumeric())
        && after.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Does `after` start with the section of a manual page whose name ends
/// `before` (`update-alternatives` / `(1) 讓使用者…`)? A list marker
/// `(1)` never follows a word without a space.
///
/// ```
/// use textmend::layout::segment::continues_manual_page;
/// assert!(continues_manual_page("系統使用 update-alternatives", "(1) 讓使用者"));
/// assert!(!continues_manual_page("下列步驟：", "(1) 安裝"));
/// assert!(!continues_manual_page("the steps", "(12) install"));
/// ```
pub fn continues_manual_page(before: &str, after: &str) -> bool {
    let b = after.as_bytes();
    before.ends_with(|c: char| c.is_ascii_alphabetic())
        && b.len() >= 3
        && b[0] == b'('
        && b[1].is_ascii_digit()
        && b[2] == b')'
}

/// English words that never end a heading or a title: a line that ends
/// with one was wrapped inside the phrase.
const PHRASE_INNER_WORDS: &[&str] = &[
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "from", "with", "and", "or",
];

/// Does the break between `before` and `after` fall inside a phrase, so
/// that a heading there was wrapped by its own (larger) measure: after an
/// article, preposition or conjunction with the phrase going on in lower
/// case (`Extra security measures for` / `the Internet`), or inside a
/// katakana word (`パッケージファイ` / `ル名`)?
fn breaks_inside_phrase(before: &str, after: &str) -> bool {
    let last_word = before.rsplit(' ').next().unwrap_or("");
    let english = PHRASE_INNER_WORDS.contains(&last_word)
        && before.contains(' ')
        && after.starts_with(|c: char| c.is_ascii_lowercase());
    english || splits_katakana_word(before, after)
}

/// Does a line of Chinese or Japanese stop in mid-sentence before a Latin
/// word or number that the sentence goes on after? Such lines are
/// justified, so one falls short inside a paragraph only where the next
/// word could not be broken: a file name, a command or a name set in
/// another font, whose width a count of characters does not tell
/// (`這些軟體包在` / `task-gnome-desktop 安裝時`). Another font sets a
/// word wider than its count, but not twice as wide: a line with room
/// for the word twice over did not push it (`コマン` / `ド` / `Debian シ…`
/// is a heading's end).
fn pushes_latin_word(prev: &Visible<'_>, cur: &Visible<'_>) -> bool {
    cjk_before_latin_word(&prev.line.text, &cur.line.text)
        && !has_room_twice(prev, cur, prev.column)
}

/// Does a line ending in Chinese or Japanese come before one that starts
/// with a Latin word or number and goes on in CJK (`這些軟體包在` /
/// `task-gnome-desktop 安裝時`)?
fn cjk_before_latin_word(before: &str, after: &str) -> bool {
    use crate::text::script::is_cjk;
    before.ends_with(is_cjk)
        && after.starts_with(|c: char| c.is_ascii_alphanumeric())
        && after.chars().any(is_cjk)
}

/// Does `cur` start the next entry of a definition list whose current
/// entry began with a label and a colon (`"/etc/systemd/system": …`)?
/// Entries are set one after another, each wrapped on its own, so a line
/// that begins with a label of its own starts the next one; after a
/// sentence end, a label in capitals does (a speaker in a dialogue, `MARY:
/// At home.`).
pub(super) fn starts_new_entry(prev: &Visible<'_>, cur: &Visible<'_>) -> bool {
    // A label in lower case is the sentence going on (`quick at another:`);
    // after a full stop the paragraph rules decide, as entries are phrases,
    // unless the label is set in capitals, as no sentence is.
    !prev.line.preformatted
        && !cur.line.preformatted
        && !ends_mid_clause(&prev.line.text)
        && (!prev.ends_sentence || label_in_capitals(&cur.line.text))
        && (!cur.line.first_char().is_some_and(char::is_lowercase)
            || label_is_a_term(&cur.line.text))
        && starts_with_label(&cur.line.text)
}

/// Is the label before the line's first colon a term rather than words of
/// a sentence: a command, a file or a manual page (`lvs(8):`,
/// `lvm.conf(5):`, `/etc/fstab:`)? Such a label in lower case starts an
/// entry; words in lower case go on with the sentence.
fn label_is_a_term(text: &str) -> bool {
    let label = text.split(':').next().unwrap_or("");
    !label.contains(' ')
        && label.contains(|c: char| c.is_ascii_digit() || matches!(c, '(' | '.' | '/' | '_'))
}

/// Is the label before the line's first colon written in capitals, with
/// two letters or more (`MARY:`, `NOTE:`, `Q:` is one letter)?
fn label_in_capitals(text: &str) -> bool {
    let label = text.split(':').next().unwrap_or("");
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && label.chars().all(|c| !c.is_lowercase())
}

/// The shape of a line's first word when it is a term rather than a word
/// of prose (`*.mount` → `*.a`, `--force` → `--a`): letters and digits
/// folded to one mark each run, symbols kept. `None` for a word that does
/// not start with an ASCII symbol.
pub(super) fn term_shape(text: &str) -> Option<String> {
    let word = text.split_whitespace().next()?;
    let word = word.trim_end_matches([',', ':', ';', '.']);
    // A term starts with a symbol (`*.`, `--`, `/`, a quote); a word that
    // starts with a letter (`less(1)`) may start a sentence as well.
    let symbol_first = word.starts_with(|c: char| c.is_ascii_punctuation());
    if !symbol_first || !word.is_ascii() || word.len() > 40 {
        return None;
    }
    let mut shape = String::new();
    for c in word.chars() {
        let mark = if crate::text::script::is_alphabetic(c) {
            'a'
        } else if c.is_numeric() {
            '0'
        } else {
            c
        };
        if !(shape.ends_with(mark) && matches!(mark, 'a' | '0')) {
            shape.push(mark);
        }
    }
    shape.chars().any(char::is_alphanumeric).then_some(shape)
}

/// Does `cur`, after a sentence's end, start with a term shaped like the
/// one the block began with (`*.mount describes…` / `*.automount
/// describes…`)? Then it is the next entry of an unmarked list.
pub(super) fn starts_like(prev: &Visible<'_>, cur: &Visible<'_>, shape: Option<&str>) -> bool {
    !prev.line.preformatted
        && !cur.line.preformatted
        && prev.ends_sentence
        && shape.is_some_and(|s| term_shape(&cur.line.text).as_deref() == Some(s))
}

/// Does a CJK line end a sentence (`。`, `！`, `？`) at least one
/// full-width character short of its column? CJK is justified, so only a
/// paragraph's last line falls short, whatever the next line starts with.
fn ends_cjk_sentence_short(v: &Visible<'_>) -> bool {
    let last = v.line.text.chars().rev().find(|&c| !is_closing(c));
    matches!(last, Some('。' | '！' | '？')) && v.line.extent() + 2 <= v.column
}

/// Would the first word of `cur` have fitted at the end of a ragged line
/// `prev` (one well short of where its wrapped neighbours reach, broken at
/// a space) give or take [`RAGGED_SLACK`] columns? A ragged column is as
/// wide as its wrapped lines reach, wider than the width most of them
/// share; and widths are counted in characters while the type sets spaces
/// and punctuation narrower, so a line of Hangul or Latin words can look a
/// column or two fuller than it was.
fn next_word_nearly_fits(prev: &Visible<'_>, cur: &Visible<'_>) -> bool {
    let at_space = !prev.line.last_char().is_some_and(is_spaceless)
        && !cur.line.first_char().is_some_and(is_spaceless);
    let ragged = Visible {
        column: prev.reach,
        ..*prev
    };
    at_space && !is_full(&ragged) && prev.extent_with_next_word(cur) <= prev.reach + RAGGED_SLACK
}

/// Would the first syllable of `cur`, a Hangul one, have fitted at the end
/// of `prev`, spaced from it? In a document that breaks Korean lines
/// between syllables, that is all the column needed to go on.
fn next_syllable_fits(prev: &Visible<'_>, cur: &Visible<'_>) -> bool {
    cur.line.first_char().is_some_and(is_hangul)
        && prev.line.extent() + 1 + HANGUL_SYLLABLE_WIDTH <= prev.column
}
