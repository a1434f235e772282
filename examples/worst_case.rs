//! The bench's worst-case inputs outside criterion, to measure them with
//! other tools (callgrind, a profiler):
//!
//! ```text
//! cargo run --release --example worst_case -- write hyphenated_lines 10 > input.txt
//! valgrind --tool=callgrind target/release/examples/worst_case repair hyphenated_lines 10
//! ```
//!
//! `write NAME MIB` prints the input of that shape and size; `repair NAME
//! MIB` generates it and runs `textmend::repair` on it once, as the bench
//! does; `windows NAME MIB` runs `textmend::repair_parallel` on one thread
//! (the windows the command repairs a large input in); `time NAME MIB`
//! runs `repair` seven times in one process, as criterion does, and prints
//! the fastest and the median time. With no name, the shapes are listed.

#[allow(dead_code)]
#[path = "../benches/inputs/mod.rs"]
mod inputs;

use inputs::{MIB, WORST_CASES};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shape = args
        .get(1)
        .and_then(|name| WORST_CASES.iter().find(|(n, _)| n == name));
    let mib: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let Some(&(_, make)) = shape else {
        eprintln!("usage: worst_case write|repair|windows|time NAME MIB; shapes:");
        for (name, _) in WORST_CASES {
            eprintln!("  {name}");
        }
        std::process::exit(2);
    };
    let text = make(mib * MIB);
    match args[0].as_str() {
        "write" => std::io::stdout()
            .write_all(text.as_bytes())
            .expect("writing the input"),
        "repair" => {
            let repaired = std::hint::black_box(textmend::repair(std::hint::black_box(&text)));
            eprintln!("{} bytes in, {} out", text.len(), repaired.len());
        }
        "windows" => {
            let config = textmend::Config::default();
            let repaired = std::hint::black_box(textmend::repair_parallel(&text, &config, 1));
            eprintln!("{} bytes in, {} out", text.len(), repaired.len());
        }
        "time" => {
            // As criterion measures it: the same process, run after run.
            let mut times: Vec<f64> = (0..7)
                .map(|_| {
                    let start = std::time::Instant::now();
                    std::hint::black_box(textmend::repair(std::hint::black_box(&text)));
                    start.elapsed().as_secs_f64()
                })
                .collect();
            times.sort_by(f64::total_cmp);
            println!("min {:.4} s, median {:.4} s", times[0], times[3]);
        }
        other => {
            eprintln!("unknown mode {other}");
            std::process::exit(2);
        }
    }
}
