//! The last rows of pages in which column detection found no gutter, held
//! back to be measured again with the next page, and the notes of regions
//! left as they are though they may hold columns.

use super::gutter::{GutterStarts, may_hold_gutter_start};
use super::measures::MIN_SUPPORT;
use super::region::{UnsureColumns, split_region};
use crate::text::line::Piece;
use std::ops::Range;

/// The last rows of pages in which column detection found no gutter, held
/// back to be measured again with the next page: the repaired text has no
/// page breaks, so a second repair sees rows from both sides of a break as
/// one page, and must find in them the gutters the first repair found.
///
/// ```text
/// Name      Value      Unit        Name      Value      Unit
/// Name      Value      Unit   →    … four rows, measured as one page
/// Name      Value      Unit
/// <form feed>Name      Value      Unit
/// ```
///
/// Regions left as they are though they may hold columns are noted once
/// each: a region measured again with the next page is one region, and a
/// note over rows that a later measure splits into columns is dropped.
#[derive(Default)]
pub struct UnsplitRows {
    rows: Vec<Piece>,
    /// In input order, none overlapping another.
    notes: Vec<UnsureColumns>,
    /// The input lines that hold a character normalization replaces on a
    /// line alone, when they are known ([`UnsplitRows::knowing_normalized`]).
    normalized: Option<Vec<Range<usize>>>,
}

impl UnsplitRows {
    /// How many rows are held back: enough for the few rows of a column
    /// region cut by a page break, few enough that measuring them again on
    /// every page stays linear.
    const HELD: usize = 32;

    /// No rows held yet, knowing `normalized`: the input lines, in order,
    /// that hold a character normalization replaces on a line alone (a row
    /// in none of them holds none), or `None` when they are not known.
    pub(crate) fn knowing_normalized(normalized: Option<&[Range<usize>]>) -> Self {
        UnsplitRows {
            normalized: normalized.map(<[_]>::to_vec),
            ..UnsplitRows::default()
        }
    }

    /// The rows of `page` in reading order, and any rows held back before
    /// it that are now final.
    pub fn read_page(&mut self, input: &str, page: Vec<Piece>) -> Vec<Piece> {
        // Notes made while splitting stand over column pieces: dropped.
        let mut found = Vec::new();
        // The page's gutter starts, counted once: most pages cannot have a
        // gutter, which `split_region` would count them to find, and the
        // count tells too whether the page holds any start.
        let starts = GutterStarts::count(input, &page, MIN_SUPPORT, self.normalized.as_deref());
        let page = if starts.reach(MIN_SUPPORT) == Some(true) {
            match split_region(input, page, 0, &mut found) {
                Ok(pieces) => return after_held(std::mem::take(&mut self.rows), pieces),
                Err(page) => page,
            }
        } else {
            page
        };
        // A page with no text where a gutter could be adds no support:
        // the rows held back with it hold no more gutters than before.
        let measured_again = !self.rows.is_empty()
            && starts
                .reach(1)
                .unwrap_or_else(|| may_hold_gutter_start(input, &page));
        let held_start = self.rows.first().map(|row| row.range.start);
        let mut rows = after_held(std::mem::take(&mut self.rows), page);
        if measured_again {
            match split_region(input, rows, 0, &mut found) {
                Ok(pieces) => {
                    // The held rows are split now: no note stands over them.
                    while let (Some(note), Some(start)) = (self.notes.last(), held_start) {
                        if note.range.end <= start {
                            break;
                        }
                        self.notes.pop();
                    }
                    return pieces;
                }
                Err(unsplit) => rows = unsplit,
            }
        }
        for note in found {
            self.note(note);
        }
        let keep = rows.len().saturating_sub(Self::HELD);
        self.rows = rows.split_off(keep);
        rows
    }

    /// Adds a note, keeping one of the notes that overlap it: the one over
    /// the most text, measured on the most rows.
    fn note(&mut self, mut note: UnsureColumns) {
        let mut group_start = note.range.start;
        while let Some(last) = self.notes.last() {
            if last.range.end <= group_start {
                break;
            }
            group_start = group_start.min(last.range.start);
            if last.range.len() >= note.range.len() {
                note = last.clone();
            }
            self.notes.pop();
        }
        self.notes.push(note);
    }

    /// The rows still held back, at the end of the input, and the regions
    /// left as they are though they may hold columns, in input order.
    pub fn finish(self) -> (Vec<Piece>, Vec<UnsureColumns>) {
        (self.rows, self.notes)
    }
}

/// The rows `held` back from the pages before, then `rows`: `rows` takes
/// the few held rows in front, so that a page's rows, as large as the page,
/// are not copied into a new list.
fn after_held(held: Vec<Piece>, mut rows: Vec<Piece>) -> Vec<Piece> {
    if !held.is_empty() {
        rows.splice(0..0, held);
    }
    rows
}
