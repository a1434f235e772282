//! How far a page's line lengths blur whether a next word fitted.

use super::shapes::is_full;
use super::visible::Visible;

/// How many lines that carry on mid-sentence a page needs to show its
/// noise in telling whether a word fitted ([`measure_fit_noise`]).
const MIN_NOISE_PAIRS: usize = 10;

/// The page's own noise in telling whether a next word fitted: counted in
/// characters, a proportional font's full lines differ in length, so at
/// the end of lines that carry on mid-sentence (full lines, no gap, the
/// next line no list item) the first word of the next line seems to fit
/// by a few columns now and then. The noise is what the margin by which
/// it seems to fit reaches on one such line in five; a page with fewer
/// than [`MIN_NOISE_PAIRS`] such lines shows none.
pub(super) fn measure_fit_noise(visible: &mut [Visible<'_>]) {
    let mut margins: Vec<usize> = Vec::new();
    let mut pairs = 0usize;
    for pair in visible.windows(2) {
        let (prev, cur) = (&pair[0], &pair[1]);
        if cur.gap_before
            || prev.ends_sentence
            || prev.line.preformatted
            || cur.line.preformatted
            || prev.line.fake_bold
            || cur.list_item
            || !is_full(prev)
        {
            continue;
        }
        pairs += 1;
        let with_next = prev.extent_with_next_word(cur);
        if with_next <= prev.column {
            margins.push(prev.column - with_next + 1);
        }
    }
    if pairs < MIN_NOISE_PAIRS {
        return;
    }
    margins.sort_unstable();
    // The margin that one in five of all the pairs reaches.
    let skip = pairs / 5;
    let noise = if margins.len() > skip {
        margins[margins.len() - 1 - skip]
    } else {
        0
    };
    let noise = u32::try_from(noise).unwrap_or(u32::MAX);
    for v in visible.iter_mut() {
        v.fit_noise = noise;
    }
}
