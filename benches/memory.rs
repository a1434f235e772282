//! Peak heap memory of a repair, as a multiple of the input's size.
//!
//! For each input, the heap the repair allocates beyond the input itself
//! (its peak, counted by an instrumented allocator) is divided by the
//! input's size:
//!
//! - `in memory`: [`textmend::repair`], which holds the whole text, its
//!   lines and its blocks;
//! - `streamed`: [`textmend::stream::repair_stream`] with the default
//!   window, as the command runs on plain-text output.
//!
//! The worst cases are generated at the sizes users bring them in (a
//! 50 MB line, 10 million empty lines, 1 MB of one character, 100,000
//! pages), the others at 10 MiB. Run with `cargo bench --bench memory`.

// The development corpus is a throughput input only.
#[allow(dead_code)]
mod inputs;

use inputs::{MIB, WORST_CASES, book, repeat_to, seed};
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};
use std::alloc::System;
use std::hint::black_box;

#[global_allocator]
static HEAP: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The size each worst case is generated at.
fn size_of_case(name: &str) -> usize {
    match name {
        "giant_line" => 50_000_000,
        "empty_lines" => 10_000_000,
        "one_char" => 1_000_000,
        // About 100,000 pages of one line each.
        "form_feed_pages" => 7_300_000,
        _ => 10 * MIB,
    }
}

/// Peak heap allocated while `work` runs, beyond what was live before it.
fn peak_of(work: impl FnOnce()) -> usize {
    HEAP.reset_peak_memory();
    work();
    HEAP.get_peak_memory()
}

fn main() {
    let mut inputs: Vec<(String, String)> = vec![
        ("seed".to_string(), repeat_to(&seed(), 10 * MIB)),
        ("book".to_string(), book(10 * MIB)),
    ];
    for &(name, make) in WORST_CASES {
        inputs.push((name.to_string(), make(size_of_case(name))));
    }
    println!(
        "{:<20} {:>10} {:>14} {:>7} {:>14} {:>7}",
        "input", "MB", "in memory MB", "ratio", "streamed MB", "ratio"
    );
    for (name, text) in &inputs {
        let in_memory = peak_of(|| {
            black_box(textmend::repair(text));
        });
        let streamed = peak_of(|| {
            let report = textmend::stream::repair_stream(
                text.as_bytes(),
                std::io::sink(),
                &textmend::Config::default(),
                None,
                textmend::stream::DEFAULT_WINDOW,
                &mut |_| {},
            );
            black_box(report.is_ok());
        });
        let mb = |bytes: usize| bytes as f64 / 1e6;
        let ratio = |bytes: usize| bytes as f64 / text.len().max(1) as f64;
        println!(
            "{:<20} {:>10.1} {:>14.1} {:>6.2}x {:>14.1} {:>6.2}x",
            name,
            mb(text.len()),
            mb(in_memory),
            ratio(in_memory),
            mb(streamed),
            ratio(streamed)
        );
    }
}
