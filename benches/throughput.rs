//! Throughput of `repair`, in bytes of input per second.
//!
//! - `copy_lines`: the floor, copying the input line by line into a
//!   `String`, on the same inputs as `repair/seed` and `repair/book`;
//! - `repair`: the seed page (`fixtures/seed/raw.txt`) repeated to 10 MiB,
//!   an English book generated here (wrapped, hyphenated, paginated;
//!   10 MiB), both also at 1 MiB to show how time grows with size, and the
//!   development corpus concatenated when it is checked out beside the
//!   repository (`../shared/corpus/dev/*.raw.txt`);
//! - `stages`: single stages on the 10 MiB seed, to compare with
//!   `copy_lines`: `normalize` (the character repairs, line by line),
//!   `lines_and_classify` (splitting into lines and marking preformatted
//!   lines, at 1 MiB and 10 MiB: the classification must stay linear), and
//!   `stream` (the whole repair through `repair_stream` in 1 MiB windows);
//! - `parallel`: `repair_parallel` on the seed repeated to 24 MiB (six
//!   windows of 4 MiB) on one thread and on two;
//! - `worst_case`: degenerate shapes at 1 MiB and 10 MiB. `repair` is meant
//!   to be `O(n)`, so the 10 MiB time should be about ten times the 1 MiB
//!   time; much more than that is a non-linearity.
//!
//! Sample sizes are small so that `cargo bench` finishes in minutes.

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

mod inputs;

use inputs::{MIB, Shape, WORST_CASES, book, dev_corpus, repeat_to, seed};

/// The baseline: every line copied into a new string.
fn copy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Can the filter given on the command line, if any, select a benchmark
/// of `group`? Criterion matches the filter, a regular expression, against
/// each benchmark's `group/name`; a filter that matches the group's name
/// or a prefix of some `group/...` id may select one.
fn filter_may_select(group: &str) -> bool {
    let mut args = std::env::args().skip(1);
    let mut filters = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            // Flags that take a value: skip it too.
            "--save-baseline"
            | "--baseline"
            | "--load-baseline"
            | "--measurement-time"
            | "--warm-up-time"
            | "--sample-size"
            | "--output-format"
            | "--profile-time"
            | "--color"
            | "--plotting-backend"
            | "--noise-threshold"
            | "--confidence-level"
            | "--significance-level"
            | "--nresamples" => {
                args.next();
            }
            a if a.starts_with('-') => {}
            a => filters.push(a.to_owned()),
        }
    }
    filters.is_empty()
        || filters.iter().any(|f| {
            regex::Regex::new(f).map_or(true, |re| {
                re.is_match(group) || re.is_match(&format!("{group}/"))
            }) || f.starts_with(group)
        })
}

/// How much longer `repair` takes on 4 MiB of a shape than on 1 MiB
/// (best of three runs each): about 4 when it is linear.
fn growth(make: Shape) -> (f64, Duration) {
    let time = |size: usize| {
        let text = make(size);
        (0..3)
            .map(|_| {
                let start = Instant::now();
                black_box(textmend::repair(&text));
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let (small, large) = (time(MIB / 4), time(MIB));
    (large.as_secs_f64() / small.as_secs_f64().max(1e-9), large)
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
}

fn throughput(c: &mut Criterion) {
    let (seed_page, book_1mib) = (seed(), book(MIB));
    let (seed_1mib, seed) = (repeat_to(&seed_page, MIB), repeat_to(&seed_page, 10 * MIB));
    let book = book(10 * MIB);

    let mut group = c.benchmark_group("copy_lines");
    configure(&mut group);
    for (name, text) in [("seed_10MiB", &seed), ("book_10MiB", &book)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| copy_lines(text)));
    }
    group.finish();

    let mut group = c.benchmark_group("repair");
    configure(&mut group);
    let inputs = [
        ("seed_1MiB", &seed_1mib),
        ("seed_10MiB", &seed),
        ("book_1MiB", &book_1mib),
        ("book_10MiB", &book),
    ];
    for (name, text) in inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| textmend::repair(text)));
    }
    match dev_corpus() {
        Some(corpus) => {
            group.throughput(Throughput::Bytes(corpus.len() as u64));
            group.bench_function("dev_corpus", |b| b.iter(|| textmend::repair(&corpus)));
        }
        None => eprintln!("repair/dev_corpus skipped: no ../shared/corpus/dev"),
    }
    group.finish();

    let mut group = c.benchmark_group("stages");
    configure(&mut group);
    group.throughput(Throughput::Bytes(seed.len() as u64));
    group.bench_function("normalize/seed_10MiB", |b| {
        b.iter(|| {
            let mut log = textmend::text::edit::EditLog::default();
            let mut offset = 0;
            let mut kept = 0;
            for line in seed.split_inclusive('\n') {
                kept += textmend::chars::normalize::normalize_line(line, offset, &mut log).len();
                offset += line.len();
            }
            kept
        })
    });
    for (name, text) in [("seed_1MiB", &seed_1mib), ("seed_10MiB", &seed)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("lines_and_classify/{name}"), |b| {
            b.iter(|| {
                let mut log = textmend::text::edit::EditLog::default();
                let mut lines =
                    textmend::text::line::split_lines_in_order(text, &mut log, |rows| {
                        textmend::layout::columns::reading_order(text, rows)
                    });
                textmend::layout::preformatted::mark_preformatted(&mut lines);
                lines.len()
            })
        });
    }
    group.throughput(Throughput::Bytes(book.len() as u64));
    group.bench_function("stream/book_10MiB", |b| {
        b.iter(|| {
            textmend::stream::repair_stream(
                book.as_bytes(),
                std::io::sink(),
                &textmend::Config::default(),
                None,
                MIB,
                &mut |_| {},
            )
            .map(|report| report.windows)
        })
    });
    group.finish();

    let mut group = c.benchmark_group("parallel");
    configure(&mut group);
    let seed_24mib = repeat_to(&seed_page, 24 * MIB);
    group.throughput(Throughput::Bytes(seed_24mib.len() as u64));
    for threads in [1, 2] {
        group.bench_function(format!("seed_24MiB/threads_{threads}"), |b| {
            b.iter(|| textmend::repair_parallel(&seed_24mib, &textmend::Config::default(), threads))
        });
    }
    group.finish();
    drop(seed_24mib);

    // The growth timing below runs outside criterion, so a filter on the
    // command line (`cargo bench -- repair/seed`) must skip it by hand.
    if !filter_may_select("worst_case") {
        return;
    }
    let mut group = c.benchmark_group("worst_case");
    configure(&mut group);
    for &(name, make) in WORST_CASES {
        // A shape that grows so much faster than linearly that 10 MiB
        // would take minutes per run is measured at 1 MiB only, and reported.
        let (ratio, one_mib) = growth(make);
        let estimate = one_mib.as_secs_f64() * 10f64.powf(ratio.log(4.0));
        let sizes: &[(&str, usize)] = if estimate > 30.0 {
            eprintln!(
                "worst_case/{name}: NON-LINEAR: 4x the input takes {ratio:.1}x the time; \
                 10MiB skipped (about {estimate:.0} s per run)"
            );
            &[("1MiB", MIB)]
        } else {
            &[("1MiB", MIB), ("10MiB", 10 * MIB)]
        };
        for &(label, size) in sizes {
            let text = make(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{name}/{label}"), |b| {
                b.iter(|| textmend::repair(&text))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
