//! The layout stages, in pipeline order: columns (with visual lines),
//! dedupe, furniture (a browser's, running titles, page numbers),
//! preformatted, spacing, segment, join.

pub mod browser_furniture;
pub mod columns;
pub mod dedupe;
pub mod furniture;
pub mod join;
pub mod preformatted;
pub mod segment;
pub mod spacing;
pub mod visual_lines;
