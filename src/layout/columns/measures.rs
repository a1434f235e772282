//! The measures column detection works with, in characters and shares of
//! rows.

/// The narrowest column, in characters, left of a gutter.
pub const MIN_COLUMN_WIDTH: usize = 8;
/// How far (in characters) the starts of one column may wander.
pub(super) const TOLERANCE: usize = 3;
/// How far (in characters) left of its gutter a right column's text may
/// start on one line and still be the right column.
pub(super) const SHIFT: usize = 8;
/// The fewest lines that must share a gutter.
pub(super) const MIN_SUPPORT: usize = 4;
/// The share of a page's text lines that must share a gutter.
pub(super) const MIN_SUPPORT_SHARE: f64 = 0.1;
/// How many gutter positions are tested, best supported first.
pub(super) const MAX_CANDIDATES: usize = 8;
/// How many times a region is split again (three columns need two).
pub(super) const MAX_DEPTH: usize = 3;
