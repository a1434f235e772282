//! Output formats: plain text (the default), Markdown and JSON.
//!
//! ```text
//! text      不忘初心行致远 牢记使命勇担当⏎⏎连日来，…
//! markdown  # 不忘初心行致远 牢记使命勇担当⏎⏎连日来，…
//! json      {"blocks":[{"kind":"heading","text":"不忘初心…","range":{…}}, …],"edits":[…]}
//! ```

use crate::chars::decode::DecodeReport;
use crate::config::Repaired;
use crate::text::block::{Block, BlockKind};
use crate::text::edit::Edit;
use serde::Serialize;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One block per line, a blank line between blocks.
    #[default]
    Text,
    /// Headings as `#`/`##`, list items as `-`.
    Markdown,
    /// One JSON object with blocks, edits and the decode report.
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            other => Err(format!("unknown format '{other}' (text, markdown or json)")),
        }
    }
}

/// Renders a repair in `format`.
///
/// ```
/// use textmend::{output::render::render, repair_with, Config, Format};
/// let repaired = repair_with("Annual ReportAnnual Report\n• first item\n", &Config::default());
/// assert_eq!(render(&repaired, Format::Markdown), "# Annual Report\n\n- first item\n");
/// ```
pub fn render(repaired: &Repaired, format: Format) -> String {
    match format {
        Format::Text => repaired.text.clone(),
        Format::Markdown => markdown(repaired),
        Format::Json => json(repaired),
    }
}

fn markdown(repaired: &Repaired) -> String {
    let mut out = String::new();
    let mut seen_heading = false;
    for block in &repaired.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block.kind {
            BlockKind::Heading => {
                out.push_str(if seen_heading { "## " } else { "# " });
                seen_heading = true;
                out.push_str(&block.text);
            }
            BlockKind::ListItem => {
                let text = block.text.as_str();
                let bullet = text
                    .strip_prefix([
                        '•', '·', '●', '○', '■', '□', '◆', '◇', '▪', '▶', '►', '‣', '⁃', '∙', '◦',
                        '-', '–', '*', '+',
                    ])
                    .map(str::trim_start);
                out.push_str("- ");
                out.push_str(bullet.unwrap_or(text));
            }
            BlockKind::Preformatted => {
                out.push_str("```\n");
                out.push_str(&block.text);
                out.push_str("\n```");
            }
            BlockKind::Paragraph => {
                if block.text.starts_with(['#', '>', '-', '*', '+']) {
                    out.push('\\');
                }
                out.push_str(&block.text);
            }
        }
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    blocks: &'a [Block],
    edits: &'a [Edit],
    #[serde(skip_serializing_if = "Option::is_none")]
    decode: Option<&'a DecodeReport>,
}

fn json(repaired: &Repaired) -> String {
    let doc = JsonDocument {
        blocks: &repaired.blocks,
        edits: &repaired.edits,
        decode: repaired.decode.as_ref(),
    };
    let mut out = serde_json::to_string(&doc).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::pipeline::run as repair_with;

    #[test]
    fn json_carries_kinds_ranges_and_edits() {
        let repaired = repair_with("Annual ReportAnnual Report\nBody.\n", &Config::default());
        let value: serde_json::Value =
            serde_json::from_str(&render(&repaired, Format::Json)).unwrap();
        assert_eq!(value["blocks"][0]["kind"], "heading");
        assert_eq!(value["blocks"][0]["range"]["start"], 0);
        assert_eq!(value["edits"][0]["rule"], "fake-bold-line");
    }

    #[test]
    fn markdown_escapes_paragraphs_that_look_like_markup() {
        let repaired = repair_with(
            "#hashtag is a word that starts this long sentence.\n",
            &Config::default(),
        );
        assert!(render(&repaired, Format::Markdown).starts_with("\\#hashtag"));
    }

    #[test]
    fn formats_parse() {
        assert_eq!("md".parse::<Format>(), Ok(Format::Markdown));
        assert!("pdf".parse::<Format>().is_err());
    }
}
