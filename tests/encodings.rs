//! Bytes in, clean Unicode out: fixtures' expected texts written in legacy
//! encodings and UTF-16 are piped through the `textmend` binary, which
//! must detect the encoding (no `--encoding`) and print the text unchanged.
//! With `--verbose` it names the encoding on standard error.

#![cfg(feature = "cli")]

use encoding_rs::Encoding;

/// `(fixture, encoding label, names the detector may report)`: GBK text
/// is also valid GB18030, so either name is right for it.
const CASES: &[(&str, &str, &[&str])] = &[
    ("seed", "gb18030", &["GBK", "gb18030"]),
    ("join-narrow-column-zh", "gbk", &["GBK", "gb18030"]),
    ("mojibake-gbk-zh", "gbk", &["GBK", "gb18030"]),
    ("heading-two-lines-zh", "gb18030", &["GBK", "gb18030"]),
    ("join-narrow-column-zh-tw", "big5", &["Big5"]),
    ("fake-bold-segments-ja", "shift_jis", &["Shift_JIS"]),
    ("fake-bold-segments-ja", "euc-jp", &["EUC-JP"]),
    ("join-hangul-ko", "euc-kr", &["EUC-KR"]),
    ("fake-bold-segments-ko", "euc-kr", &["EUC-KR"]),
    ("mojibake-latin1-fr", "windows-1252", &["windows-1252"]),
    ("keep-latin1-accents-pt", "windows-1252", &["windows-1252"]),
];

mod common;

fn expected(fixture: &str) -> String {
    let path = common::fixture(fixture, "expected.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs the binary with `bytes` on standard input; returns stdout, stderr.
fn textmend(bytes: &[u8], args: &[&str]) -> (String, String) {
    let output = common::run(args, bytes);
    assert!(output.status.success(), "exit status {}", output.status);
    (
        String::from_utf8(output.stdout).expect("output is UTF-8"),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn encode(text: &str, label: &str) -> Vec<u8> {
    let encoding = Encoding::for_label(label.as_bytes()).expect("a WHATWG label");
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "the text cannot be written in {label}");
    bytes.into_owned()
}

/// The encoding named on stderr by `--verbose` (`read as NAME (...)`).
fn reported_encoding(stderr: &str) -> Option<&str> {
    let rest = &stderr[stderr.find("read as ")? + "read as ".len()..];
    rest.split_whitespace().next()
}

#[test]
fn legacy_encodings_are_detected_and_decoded() {
    let mut detected = 0;
    let mut failures = Vec::new();
    for &(fixture, label, names) in CASES {
        let text = expected(fixture);
        let bytes = encode(&text, label);
        let (out, err) = textmend(&bytes, &["--verbose"]);
        let name = reported_encoding(&err).unwrap_or("nothing");
        let right = names.contains(&name);
        detected += usize::from(right);
        eprintln!("{fixture} in {label}: read as {name}");
        if !right || out != text {
            failures.push(format!(
                "{fixture} in {label}: read as {name}, output {}",
                if out == text { "right" } else { "wrong" }
            ));
        }
    }
    eprintln!("detected {detected} of {}", CASES.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn forced_encoding_reads_the_same() {
    for &(fixture, label, _) in CASES {
        let text = expected(fixture);
        let (out, err) = textmend(&encode(&text, label), &["--encoding", label, "--verbose"]);
        assert_eq!(out, text, "{fixture} in {label}");
        assert!(err.contains("(forced"), "{fixture}: {err}");
    }
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let text = expected("seed");
    for (bom, big_endian, name) in [
        ([0xFF, 0xFE], false, "UTF-16LE"),
        ([0xFE, 0xFF], true, "UTF-16BE"),
    ] {
        let mut bytes = bom.to_vec();
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let (out, err) = textmend(&bytes, &["--verbose"]);
        assert_eq!(out, text, "{name}");
        assert_eq!(reported_encoding(&err), Some(name), "{err}");
    }
}

#[test]
fn utf8_with_and_without_a_byte_order_mark() {
    let text = expected("join-hangul-ko");
    let (out, err) = textmend(text.as_bytes(), &["--verbose"]);
    assert_eq!(out, text);
    assert_eq!(reported_encoding(&err), Some("UTF-8"));
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.as_bytes());
    let (out, err) = textmend(&bytes, &["--verbose"]);
    assert_eq!(out, text);
    assert!(err.contains("(bom"), "{err}");
}
