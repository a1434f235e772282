//! The `textmend` command, run as a program on the fixtures: `--explain`,
//! `--check`, the JSON output's ranges, corpus mode (`--jsonl`) and
//! `--in-place`.
#![cfg(feature = "cli")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use textmend::{Config, repair_with};

mod common;

use common::fixture;

/// Every fixture folder, with its options as command-line arguments.
fn fixtures() -> Vec<(PathBuf, Vec<String>)> {
    common::fixture_dirs()
        .into_iter()
        .map(|dir| {
            let options = dir.join("options.json");
            let args = if options.is_file() {
                vec!["--config".to_string(), options.display().to_string()]
            } else {
                Vec::new()
            };
            (dir, args)
        })
        .collect()
}

fn textmend(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run(args, stdin.unwrap_or_default())
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

// --explain

#[test]
fn explain_lists_edits_on_stderr_and_leaves_stdout_alone() {
    let raw = fixture("dehyphenate-en", "raw.txt");
    let raw = raw.to_str().unwrap();
    let plain = textmend(&[raw], None);
    let explained = textmend(&["--explain", raw], None);
    assert!(explained.status.success());
    assert_eq!(explained.stdout, plain.stdout);
    let report = stderr(&explained);
    assert!(report.contains("dehyphenate (1): "), "{report}");
    assert!(report.contains("line-join (3): "), "{report}");
    // Line and column (1-based, characters), before → after, with the
    // line break shown.
    assert!(
        report.contains("  1:12: re pre-⏎sente → re pre⏎sente\n"),
        "{report}"
    );
}

#[test]
fn explain_notes_rows_left_as_they_are_and_check_passes_them() {
    // Six rows share a gutter, but short lines lie between them: the rows
    // stay rows, and the edit log says why, with an edit that changes
    // nothing.
    let raw = fixture("columns-unsure-gutter-en", "raw.txt");
    let raw = raw.to_str().unwrap();
    let explained = textmend(&["--explain", raw], None);
    assert!(explained.status.success());
    let report = stderr(&explained);
    assert!(
        report.contains(": 0 edits\nunsure-columns (1): "),
        "{report}"
    );
    assert!(
        report.contains("  1:1: 61 lines left as they are, to line 61\n"),
        "{report}"
    );
    let checked = textmend(&["--check", raw], None);
    assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
    assert_eq!(stdout(&checked), "");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&textmend(&["--format", "json", raw], None))).unwrap();
    let note = &json["edits"][0];
    assert_eq!(note["rule"], "unsure-columns");
    let input = fs::read_to_string(raw).unwrap();
    assert_eq!(note["range"]["end"].as_u64(), Some(input.len() as u64 - 1));
    assert_eq!(note["replacement"], input.trim_end());
}

#[test]
fn explain_counts_columns_in_characters() {
    let out = textmend(
        &["--explain"],
        Some("把学习习近\n平总书记的讲话\n".as_bytes()),
    );
    let report = stderr(&out);
    assert!(
        report.starts_with("textmend: <stdin>: 1 edit\n"),
        "{report}"
    );
    assert!(
        report.contains("  1:6: 把学习习近⏎平总书记的讲 → 把学习习近平总书记的讲\n"),
        "{report}"
    );
}

#[test]
fn explain_groups_by_rule_on_the_seed() {
    let raw = fixture("seed", "raw.txt");
    let out = textmend(&["--explain", raw.to_str().unwrap()], None);
    let report = stderr(&out);
    assert!(report.contains("fake-bold-segments (4): "), "{report}");
    assert!(
        report.contains("  110:6: ⏎高校到企业⋯⋯鄂尔多斯市 → ⏎高校到企业…⋯鄂尔多斯市\n"),
        "{report}"
    );
    // Every edit line names a position.
    for line in report.lines().filter(|l| l.starts_with("  ")) {
        let position = line.trim_start().split(": ").next().unwrap();
        let (l, c) = position.split_once(':').expect("LINE:COL");
        assert!(l.parse::<usize>().unwrap() >= 1 && c.parse::<usize>().unwrap() >= 1);
    }
}

// --check

#[test]
fn check_passes_clean_text_and_fails_raw_text() {
    let mut failed = 0;
    for (dir, options) in fixtures() {
        let raw = fs::read_to_string(dir.join("raw.txt")).unwrap();
        let expected = dir.join("expected.txt");
        let mut args: Vec<&str> = options.iter().map(String::as_str).collect();
        args.push("--check");
        let mut clean = args.clone();
        clean.push(expected.to_str().unwrap());
        let out = textmend(&clean, None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            expected.display(),
            stdout(&out)
        );
        assert!(out.stdout.is_empty());
        let raw_path = dir.join("raw.txt");
        let mut dirty = args.clone();
        dirty.push(raw_path.to_str().unwrap());
        let out = textmend(&dirty, None);
        let changes = raw != fs::read_to_string(&expected).unwrap();
        assert_eq!(
            out.status.code(),
            Some(if changes { 1 } else { 0 }),
            "{}",
            raw_path.display()
        );
        if changes {
            failed += 1;
            let prefix = format!("{}:", raw_path.display());
            for line in stdout(&out).lines() {
                assert!(line.starts_with(&prefix), "{line}");
                assert!(line.contains(" → "), "{line}");
            }
        }
    }
    assert!(failed >= 20, "only {failed} raw fixtures need repair");
}

#[test]
fn check_names_stdin_and_the_rule() {
    let out = textmend(&["--check"], Some(b"infor-\nmation about it.\n"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "<stdin>:1:6: dehyphenate: infor-⏎matio → infor⏎matio\n\
         <stdin>:1:7: line-join: infor-⏎mation → infor-mation\n"
    );
}

#[test]
fn check_reports_layout_the_edit_log_does_not_hold() {
    // No final newline: the output differs though no rule fired.
    let out = textmend(&["--check"], Some(b"One short paragraph."));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "<stdin>:1:21: block-break: (end) → ⏎\n");
    let out = textmend(&["--check"], Some(b"One short paragraph.\n"));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn check_reports_legacy_bytes_that_in_place_would_write_as_utf8() {
    let (gbk, _, _) = encoding_rs::GBK.encode("主题教育在基层开展，全市动员。\n");
    let out = textmend(&["--check", "--encoding", "gbk"], Some(&gbk));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "<stdin>:1:1: encoding: GBK → UTF-8\n");
    let out = textmend(
        &["--check"],
        Some("主题教育在基层开展，全市动员。\n".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn check_changes_nothing_and_refuses_in_place() {
    let out = textmend(&["--check", "--in-place", "x.txt"], None);
    assert_eq!(out.status.code(), Some(2));
}

// --format json

/// A block's input range, repaired on its own, gives the block: every
/// block but the kinds listed in `range_is_context` below.
#[test]
fn json_block_ranges_slice_the_input_to_their_block() {
    let mut mismatches = Vec::new();
    let mut blocks = 0;
    for (dir, options) in fixtures() {
        let raw_path = dir.join("raw.txt");
        let raw = fs::read_to_string(&raw_path).unwrap();
        let config = match options.get(1) {
            Some(path) => Config::from_json(&fs::read_to_string(path).unwrap()).unwrap(),
            None => Config::default(),
        };
        let mut args: Vec<&str> = options.iter().map(String::as_str).collect();
        args.extend(["--format", "json", raw_path.to_str().unwrap()]);
        let out = textmend(&args, None);
        assert!(out.status.success());
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        for block in doc["blocks"].as_array().expect("blocks") {
            blocks += 1;
            let start = block["range"]["start"].as_u64().unwrap() as usize;
            let end = block["range"]["end"].as_u64().unwrap() as usize;
            let text = block["text"].as_str().unwrap();
            let slice = raw.get(start..end).expect("range on char boundaries");
            // Side-by-side columns interleave in the input: a block's range
            // spans the other columns' text too, and holds its own in order.
            // Lines that the extractor set apart with blank lines are read
            // as one page, which a block's slice alone is not; and a
            // running footer inside a paragraph is known by its title
            // recurring elsewhere in the document, not in the slice: there
            // too the range holds the block's text in order.
            let name = dir.file_name().unwrap().to_str().unwrap();
            let columns = name.starts_with("columns-")
                || name.starts_with("blank-separated-")
                || name.starts_with("running-footer-");
            if columns {
                let mut rest = slice.chars().filter(|c| !c.is_whitespace());
                if !text
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .all(|c| rest.any(|r| r == c))
                {
                    mismatches.push(format!("{} {start}..{end}: {text:?}", dir.display()));
                }
                continue;
            }
            let alone = repair_with(slice, &config).text;
            if alone.trim_end_matches('\n') != text {
                mismatches.push(format!(
                    "{} {}..{} {}: {text:?} vs {alone:?}",
                    dir.display(),
                    start,
                    end,
                    block["kind"]
                ));
            }
        }
    }
    assert!(blocks > 100);
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// Every non-blank input character lies in a block's range or in an edit
/// that removed it: the ranges account for the whole input.
#[test]
fn json_ranges_and_removals_cover_the_input() {
    for (dir, options) in fixtures() {
        let raw_path = dir.join("raw.txt");
        let raw = fs::read_to_string(&raw_path).unwrap();
        let mut args: Vec<&str> = options.iter().map(String::as_str).collect();
        args.extend(["--format", "json", raw_path.to_str().unwrap()]);
        let doc: serde_json::Value = serde_json::from_slice(&textmend(&args, None).stdout).unwrap();
        let mut covered = vec![false; raw.len()];
        let ranges = doc["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| &b["range"])
            .chain(doc["edits"].as_array().unwrap().iter().map(|e| &e["range"]));
        for range in ranges {
            let (start, end) = (
                range["start"].as_u64().unwrap(),
                range["end"].as_u64().unwrap(),
            );
            covered[start as usize..end as usize].fill(true);
        }
        for (at, c) in raw.char_indices() {
            assert!(
                covered[at] || c.is_whitespace(),
                "{}: {c:?} at byte {at} is in no block and no edit",
                raw_path.display()
            );
        }
    }
}

/// The documented exception: a running header is known by recurring on
/// other pages, so the slice of a block that holds one copy keeps it.
#[test]
fn json_range_spans_a_removed_running_header() {
    let input = "Annual Report 2019\nThe first page tells how the year began, and\n\
                 it goes on through the whole year and the\n\u{c}Annual Report 2019\n\
                 second page tells how it ended.\n";
    let out = textmend(&["--format", "json"], Some(input.as_bytes()));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let block = &doc["blocks"][0];
    let (start, end) = (
        block["range"]["start"].as_u64().unwrap() as usize,
        block["range"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        block["text"],
        "The first page tells how the year began, and it goes on through the whole \
         year and the second page tells how it ended."
    );
    let header = doc["edits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["rule"] == "running-header" && e["range"]["start"].as_u64().unwrap() > 0)
        .expect("the second header is removed");
    let header_start = header["range"]["start"].as_u64().unwrap() as usize;
    assert!(start < header_start && header_start < end);
    assert!(
        repair_with(&input[start..end], &Config::default())
            .text
            .contains("Annual Report 2019")
    );
}

// --jsonl

/// The fixtures as JSON Lines records: `{"id": N, "text": raw, "source": dir}`.
fn fixture_records() -> (String, Vec<String>) {
    let mut jsonl = String::new();
    let mut expected = Vec::new();
    for (n, (dir, options)) in fixtures().into_iter().enumerate() {
        if !options.is_empty() {
            continue;
        }
        let raw = fs::read_to_string(dir.join("raw.txt")).unwrap();
        let source = dir.file_name().unwrap().to_str().unwrap();
        jsonl.push_str(&format!(
            "{{\"id\":{n},\"text\":{},\"source\":{}}}",
            serde_json::to_string(&raw).unwrap(),
            serde_json::to_string(source).unwrap()
        ));
        jsonl.push('\n');
        let want = fs::read_to_string(dir.join("expected.txt")).unwrap();
        expected.push(want.trim_end_matches('\n').to_string());
    }
    (jsonl, expected)
}

#[test]
fn jsonl_repairs_the_field_and_keeps_records_fields_and_order() {
    let (jsonl, expected) = fixture_records();
    for threads in ["1", "3"] {
        let out = textmend(&["--jsonl", "--threads", threads], Some(jsonl.as_bytes()));
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), expected.len());
        for ((line, want), input) in lines.iter().zip(&expected).zip(jsonl.lines()) {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            let input: serde_json::Value = serde_json::from_str(input).unwrap();
            assert_eq!(record["text"], want.as_str(), "{}", record["source"]);
            assert_eq!(record["id"], input["id"]);
            assert_eq!(record["source"], input["source"]);
            // Key order as written.
            assert!(
                line.starts_with("{\"id\":") && line.find("\"text\"") < line.find("\"source\"")
            );
        }
    }
}

#[test]
fn jsonl_keeps_other_fields_byte_for_byte() {
    let input = "{\"n\": 1.50e3, \"big\":123456789012345678901234567890, \"text\": \"ﬁne \\u00e9\", \"o\": {\"a\" : [1, 2]}}\n";
    let out = textmend(&["--jsonl"], Some(input.as_bytes()));
    assert_eq!(
        stdout(&out),
        "{\"n\":1.50e3,\"big\":123456789012345678901234567890,\"text\":\"fine é\",\"o\":{\"a\" : [1, 2]}}\n"
    );
}

#[test]
fn jsonl_repairs_the_named_field_from_files_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    fs::write(&a, "{\"body\":\"infor-\\nmation\",\"text\":\"x  y\"}\n").unwrap();
    fs::write(&b, "{\"body\":\"把学习习近\\n平总书记\"}").unwrap();
    let out = textmend(
        &[
            "--jsonl",
            "--field",
            "body",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "{\"body\":\"information\",\"text\":\"x  y\"}\n{\"body\":\"把学习习近平总书记\"}\n"
    );
}

const MALFORMED: &str = "{\"text\":\"a\"}\n\
    not json\n\
    {\"id\":2}\n\
    {\"text\":[1]}\n\
    [\"text\"]\n\
    \n\
    {\"text\":\"\\ud800\"}\n\
    {\"text\":\"b\"}\n";

#[test]
fn jsonl_fails_on_the_first_malformed_line_by_default() {
    let out = textmend(&["--jsonl"], Some(MALFORMED.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "{\"text\":\"a\"}\n");
    let errors = stderr(&out);
    assert!(
        errors.starts_with("<stdin>:2: not a JSON object"),
        "{errors}"
    );
    assert_eq!(errors.lines().count(), 1);
}

#[test]
fn jsonl_skip_passes_malformed_lines_through_and_reports_each() {
    let out = textmend(
        &["--jsonl", "--on-error", "skip"],
        Some(MALFORMED.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), MALFORMED);
    let errors = stderr(&out);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 5, "{errors}");
    assert!(lines[0].starts_with("<stdin>:2: not a JSON object"));
    assert_eq!(lines[1], "<stdin>:3: no field \"text\"");
    assert_eq!(
        lines[2],
        "<stdin>:4: field \"text\" is an array, not a string"
    );
    assert!(lines[3].starts_with("<stdin>:5: not a JSON object"));
    assert!(
        lines[4].starts_with("<stdin>:7: field \"text\" is not a valid string: ")
            && lines[4].ends_with("escape"),
        "{}",
        lines[4]
    );
}

#[test]
fn jsonl_reports_file_names_and_line_numbers_across_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut jsonl = "{\"text\":\"ok\"}\n".repeat(2500);
    jsonl.push_str("{\"text\":null}\n");
    fs::write(&path, &jsonl).unwrap();
    let out = textmend(
        &["--jsonl", "--on-error", "skip", path.to_str().unwrap()],
        None,
    );
    assert_eq!(stdout(&out), jsonl);
    assert_eq!(
        stderr(&out),
        format!(
            "{}:2501: field \"text\" is null, not a string\n",
            path.display()
        )
    );
}

// --in-place

#[test]
fn in_place_rewrites_each_file_with_its_repair() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for name in ["seed", "dehyphenate-en", "keep-repetition-en"] {
        let path = dir.path().join(format!("{name}.txt"));
        fs::copy(fixture(name, "raw.txt"), &path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        files.push(path);
    }
    let mut args = vec!["--in-place"];
    args.extend(files.iter().map(|p| p.to_str().unwrap()));
    let out = textmend(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    for (path, name) in files
        .iter()
        .zip(["seed", "dehyphenate-en", "keep-repetition-en"])
    {
        assert_eq!(
            fs::read_to_string(path).unwrap(),
            fs::read_to_string(fixture(name, "expected.txt")).unwrap(),
            "{name}"
        );
        let mode = fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "{name} keeps its permissions");
    }
    // No temporary files are left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
}

#[test]
fn in_place_refuses_standard_input() {
    for args in [&["--in-place"][..], &["--in-place", "-"]] {
        let out = textmend(args, Some(b"infor-\nmation\n"));
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        assert!(
            stderr(&out).contains("--in-place needs files"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn in_place_reports_a_missing_file_and_rewrites_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, "infor-\nmation\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let out = textmend(
        &[
            "--in-place",
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with(&format!("textmend: {}: ", missing.display())));
    assert_eq!(fs::read_to_string(&good).unwrap(), "information\n");
}

/// When the new file cannot be written, the original stays as it was.
#[test]
fn in_place_keeps_the_original_when_the_directory_is_not_writable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.txt");
    fs::write(&path, "infor-\nmation\n").unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let locked = |d: &Path| {
        let probe = d.join("probe");
        let blocked = fs::write(&probe, "").is_err();
        let _ = fs::remove_file(&probe);
        blocked
    };
    // Root ignores permissions; an immutable directory still stops it.
    let immutable = !locked(dir.path())
        && Command::new("chattr")
            .arg("+i")
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
    if locked(dir.path()) {
        let out = textmend(&["--in-place", path.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("file left as it was"),
            "{}",
            stderr(&out)
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "infor-\nmation\n");
    } else {
        eprintln!("cannot make a directory unwritable here; not tested");
    }
    if immutable {
        let _ = Command::new("chattr").arg("-i").arg(dir.path()).status();
    }
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
}

// Progress

/// The progress bar is for a person at a terminal: with standard error
/// piped, a large input leaves it empty.
#[test]
fn no_progress_bar_when_stderr_is_piped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.txt");
    // Large but quick to repair, even in a debug build: mostly blank lines.
    let large = format!("A paragraph.\n{}A paragraph.\n", "\n".repeat(9 << 20));
    fs::write(&path, large).unwrap();
    let out = textmend(&[path.to_str().unwrap()], None);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    let (jsonl, _) = fixture_records();
    let out = textmend(&["--jsonl"], Some(jsonl.as_bytes()));
    assert_eq!(stderr(&out), "");
}

/// Text is repaired in windows of bounded size; a document of many pages
/// (running header, page numbers, paragraphs cut by page breaks) across
/// many windows comes out as the in-memory repair of the whole.
#[test]
fn text_larger_than_a_window_streams_to_the_same_output() {
    const WORDS: [&str; 10] = [
        "river", "ledger", "harbour", "lantern", "orchard", "quarry", "meadow", "signal", "timber",
        "valley",
    ];
    let mut input = String::new();
    for page in 1..=600 {
        let word = |k: usize| WORDS[(page / k) % 10];
        input.push_str(&format!(
            "Field Notes of the Survey\nreport on the {} followed a week after the {} was mapped.\n\
             The {} and the {} by the {} were surveyed in the spring, and the\n- {page} -\n\x0c",
            word(1),
            word(10),
            word(1),
            word(10),
            word(100)
        ));
    }
    let expected = repair_with(&input, &Config::default()).text;
    let out = textmend(&["--window", "16384"], Some(input.as_bytes()));
    assert!(out.status.success());
    assert!(input.len() > 4 * 16384, "the input spans several windows");
    assert!(!expected.contains("Field Notes"), "the running header goes");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

/// Bytes that are not text are refused as grep refuses a binary file: one
/// line on standard error and exit status 2, in every mode that reads a
/// whole input, unless `--encoding` forces a reading; in corpus mode such
/// a field is a bad record.
#[test]
fn binary_input_is_refused() {
    let elf: &[u8] = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00text";
    for args in [&[][..], &["--format", "json"], &["--explain"]] {
        let output = textmend(args, Some(elf));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&output),
            "textmend: <stdin>: binary input (a NUL byte at offset 7)\n",
            "{args:?}"
        );
        assert!(output.stdout.is_empty());
    }
    let forced = textmend(&["--encoding", "windows-1252"], Some(elf));
    assert_eq!(forced.status.code(), Some(0));
    assert!(stdout(&forced).contains("text"));

    let utf16: Vec<u8> = "UTF-16 text without a byte order mark\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let output = textmend(&[], Some(&utf16));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "UTF-16 text without a byte order mark\n");

    let record = b"{\"text\":\"a\\u0000b\"}\n";
    let output = textmend(&["--jsonl"], Some(record));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("binary input"),
        "{}",
        stderr(&output)
    );
}
