//! The text model every stage reads: character classes, lines, edits and
//! blocks. It knows no stage.

pub mod block;
pub mod edit;
pub mod line;
pub mod script;
