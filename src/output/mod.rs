//! The output formats (text, Markdown, JSON) and the edit report.

pub mod explain;
pub mod render;
