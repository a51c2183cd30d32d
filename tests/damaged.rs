//! Damaged and suspicious files: every one is loaded through `storage::load`
//! and must give the specific error (with the right line for parse errors),
//! or load and then be flagged by validation — never panic.
//!
//! The small corpus lives in `tests/damaged/`; every file there is a copy of
//! `valid.ron` with one defect, described on its first line — except
//! `truncated.ron` (the first half of `valid.ron`, byte for byte) and
//! `empty.ron`. Large inputs are generated in temporary folders.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use innocheck::i18n::Lang;
use innocheck::metrics::{Metrics, Missing};
use innocheck::model::{Assessment, Issue, Severity, validate};
use innocheck::storage::{self, MAX_DEPTH, MAX_FILE_BYTES, StorageError};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/damaged")
        .join(name)
}

fn valid_text() -> String {
    fs::read_to_string(corpus("valid.ron")).expect("valid.ron is UTF-8")
}

/// A fixed "today", so that the checks do not depend on the clock.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 1).expect("date")
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 31).expect("date")
}

/// Loads a file that must fail, and checks that the message names it.
fn load_err(path: &Path) -> StorageError {
    let err = match storage::load(path) {
        Ok(l) => panic!(
            "{} loaded but should not: {:?}",
            path.display(),
            l.assessment.company
        ),
        Err(e) => e,
    };
    let shown = path.display().to_string();
    assert!(
        err.to_string().contains(&shown),
        "the message must name the file {shown}: {err}"
    );
    err
}

/// Loads a file that must load (the corpus is written in format 2, which
/// migrates to the current format without loss).
fn load_ok(path: &Path) -> Assessment {
    let l = storage::load(path).unwrap_or_else(|e| panic!("{} should load: {e}", path.display()));
    assert_eq!(l.format_version, 2);
    assert_eq!(l.migrated, storage::FORMAT_VERSION != 2);
    l.assessment
}

/// A parse error at `line`; returns (column, reason).
fn expect_parse(path: &Path, line: usize) -> (usize, String) {
    match load_err(path) {
        StorageError::Parse {
            file,
            line: l,
            col,
            reason,
        } => {
            assert_eq!(file, path.display().to_string());
            assert_eq!(l, line, "{}: wrong line ({reason})", path.display());
            assert!(col >= 1);
            (col, reason)
        }
        other => panic!("{}: expected a parse error, got {other:?}", path.display()),
    }
}

/// Number of lines in `bytes` (1 + number of line feeds).
fn line_count(bytes: &[u8]) -> usize {
    bytes.split(|&b| b == b'\n').count()
}

/// Line `n` (1-based) of a text.
fn line_of(text: &str, n: usize) -> &str {
    text.lines().nth(n - 1).expect("line exists")
}

fn errors_on<'a>(issues: &'a [Issue], field: &str) -> Vec<&'a Issue> {
    issues
        .iter()
        .filter(|i| i.field == field && i.severity == Severity::Error)
        .collect()
}

fn error_fields(issues: &[Issue]) -> Vec<&str> {
    issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| i.field.as_str())
        .collect()
}

// ---------------------------------------------------------------- baseline

#[test]
fn the_reference_sample_loads_and_validates_cleanly() {
    let a = load_ok(&corpus("valid.ron"));
    assert_eq!(a.company.name, "江西洪州示例精密机械有限公司");
    assert_eq!(a.years.len(), 3);
    assert_eq!(a.year(2023).and_then(|y| y.revenue), Some(18_500.0));
    let issues = validate(&a, today());
    assert!(error_fields(&issues).is_empty(), "{issues:#?}");
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bom.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(valid_text().as_bytes());
    fs::write(&path, bytes).expect("write");
    assert_eq!(load_ok(&path), load_ok(&corpus("valid.ron")));
}

// ---------------------------------------------------------------- syntax

#[test]
fn truncated_file_is_a_parse_error_on_its_last_line() {
    let valid = fs::read(corpus("valid.ron")).expect("read");
    let cut = fs::read(corpus("truncated.ron")).expect("read");
    assert!(
        valid.starts_with(&cut),
        "truncated.ron is a prefix of valid.ron"
    );
    assert!(cut.len() * 2 <= valid.len() && cut.len() * 2 + 8 >= valid.len());
    let last_line = line_count(&cut);
    expect_parse(&corpus("truncated.ron"), last_line);
}

#[test]
fn every_prefix_of_a_valid_file_fails_cleanly_at_its_end() {
    let valid = fs::read(corpus("valid.ron")).expect("read");
    let end = valid
        .iter()
        .rposition(|&b| b == b')')
        .expect("closing paren");
    for cut in 0..=end {
        let prefix = &valid[..cut];
        match storage::load_bytes(prefix, "cut.ron") {
            Ok(_) => panic!("a prefix of {cut} bytes loaded"),
            Err(StorageError::Empty { .. }) => {
                // Nothing but blank space and the opening comment lines.
                let text = std::str::from_utf8(prefix).expect("UTF-8");
                assert!(
                    text.lines()
                        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//")),
                    "cut {cut}"
                );
            }
            Err(StorageError::Encoding { line, .. }) => {
                // Cut inside a multi-byte character: the bad bytes are at the end.
                assert!(std::str::from_utf8(prefix).is_err(), "cut {cut}");
                let lines = line_count(prefix);
                assert_eq!(line, lines, "cut {cut}");
            }
            Err(StorageError::Parse { line, .. }) => {
                // The error is where the text stops (trailing blanks aside).
                let last = prefix
                    .iter()
                    .rposition(|b| !b.is_ascii_whitespace())
                    .expect("not blank");
                let expected = line_count(&prefix[..last]);
                assert_eq!(line, expected, "cut {cut}");
            }
            Err(e) => panic!("cut {cut}: unexpected {e:?}"),
        }
    }
}

#[test]
fn a_string_where_a_number_goes_is_a_parse_error_at_its_line() {
    let path = corpus("wrong-type-string.ron");
    let text = fs::read_to_string(&path).expect("read");
    assert!(line_of(&text, 19).contains("revenue: Some(\"18500\")"));
    let (col, _) = expect_parse(&path, 19);
    assert_eq!(
        line_of(&text, 19).chars().nth(col - 1),
        Some('"'),
        "column points at the string"
    );
}

#[test]
fn a_number_where_a_string_goes_is_a_parse_error_at_its_line() {
    let path = corpus("wrong-type-number.ron");
    let text = fs::read_to_string(&path).expect("read");
    assert!(line_of(&text, 8).contains("uscc: 913601000000000000"));
    let (col, _) = expect_parse(&path, 8);
    assert!(col <= line_of(&text, 8).chars().count());
}

#[test]
fn windows_line_endings_keep_line_numbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("crlf.ron");
    let text = fs::read_to_string(corpus("wrong-type-string.ron")).expect("read");
    fs::write(&path, text.replace('\n', "\r\n")).expect("write");
    expect_parse(&path, 19);
}

#[test]
fn a_misspelt_field_is_named_with_its_line() {
    let path = corpus("unknown-field.ron");
    let text = fs::read_to_string(&path).expect("read");
    assert!(line_of(&text, 20).contains("main_revenu:"));
    let (col, reason) = expect_parse(&path, 20);
    assert!(reason.contains("`main_revenu`"), "{reason}");
    assert!(
        reason.contains("`main_revenue`"),
        "suggests the real field: {reason}"
    );
    assert_eq!(col, 17, "column of the field name");
}

#[test]
fn a_file_without_format_version_is_not_taken_for_an_assessment() {
    let path = corpus("no-format-version.ron");
    let text = fs::read_to_string(&path).expect("read");
    assert!(!text.contains("format_version"));
    let (_, reason) = expect_parse(&path, 1);
    assert!(reason.contains("format_version"), "{reason}");
    assert!(load_err(&path).to_string().contains("format_version"));
}

/// Inserts `line` after line `after` of the reference sample; returns the text
/// and the 1-based number of the inserted line.
fn insert_line(after: usize, line: &str) -> (String, usize) {
    let mut lines: Vec<String> = valid_text().lines().map(str::to_string).collect();
    lines.insert(after, line.to_string());
    (lines.join("\n") + "\n", after + 1)
}

#[test]
fn deep_nesting_is_a_parse_error_not_a_stack_overflow() {
    let text = valid_text();
    let after = 1 + text
        .lines()
        .position(|l| l.contains("niche_share_pct"))
        .expect("direction block");
    let dir = tempfile::tempdir().expect("temp dir");
    for depth in [200usize, 100_000] {
        for (open, close) in [("[", "]"), ("(", ")"), ("{", "}"), ("Some(", ")")] {
            for closed in [true, false] {
                let nest = format!(
                    "            plan_years: {}0{},",
                    open.repeat(depth),
                    if closed {
                        close.repeat(depth)
                    } else {
                        String::new()
                    }
                );
                let (text, line) = insert_line(after, &nest);
                let path = dir.path().join(format!("deep-{depth}.ron"));
                fs::write(&path, text).expect("write");
                let (_, reason) = expect_parse(&path, line);
                assert!(
                    reason.contains(&MAX_DEPTH.to_string()),
                    "depth {depth} {open}: the reason should state the limit: {reason}"
                );
                assert!(
                    !reason.contains("serde_stacker") && !reason.contains("ron::Options"),
                    "the reason is for users, not for programmers: {reason}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------- numbers

#[test]
fn nan_in_a_money_field_is_rejected_naming_the_field() {
    let path = corpus("nan-revenue.ron");
    assert_eq!(
        load_err(&path),
        StorageError::NotFinite {
            file: path.display().to_string(),
            fields: vec!["years.2023.revenue".into()],
        }
    );
    // People read the field as the form names it, in their language.
    let e = load_err(&path);
    assert!(
        e.message(Lang::Zh).contains("2023 年营业收入"),
        "{}",
        e.message(Lang::Zh)
    );
    assert!(e.to_string().contains("Revenue (2023)"), "{e}");
}

#[test]
fn infinities_in_money_fields_are_rejected_naming_every_field() {
    let path = corpus("inf-money.ron");
    assert_eq!(
        load_err(&path),
        StorageError::NotFinite {
            file: path.display().to_string(),
            fields: vec!["years.2022.total_assets".into(), "projects.0.budget".into()],
        }
    );
}

#[test]
fn non_finite_values_in_other_number_fields_are_rejected_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = valid_text();
    for (from, to, field) in [
        (
            "niche_share_pct: Some(12.5)",
            "niche_share_pct: Some(NaN)",
            "direction.niche_share_pct",
        ),
        (
            "net_profit: Some(-210.0)",
            "net_profit: Some(-inf)",
            "years.2022.net_profit",
        ),
        (
            "rd_spend: Some(540.0)",
            "rd_spend: Some(+inf)",
            "years.2021.rd_spend",
        ),
        (
            "total_liabilities: Some(11800.0)",
            "total_liabilities: Some(-NaN)",
            "years.2023.total_liabilities",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let path = dir.path().join("nonfinite.ron");
        fs::write(&path, text.replacen(from, to, 1)).expect("write");
        match load_err(&path) {
            StorageError::NotFinite { fields, .. } => assert_eq!(fields, [field]),
            other => panic!("{field}: {other:?}"),
        }
    }
}

#[test]
fn a_negative_revenue_loads_but_does_not_validate() {
    let a = load_ok(&corpus("negative-revenue.ron"));
    assert_eq!(a.year(2023).and_then(|y| y.revenue), Some(-18_500.0));
    let issues = validate(&a, today());
    let errs = errors_on(&issues, "years.2023.revenue");
    assert_eq!(errs.len(), 1, "{issues:#?}");
    assert!(errs[0].en.contains("negative"), "{}", errs[0].en);
    assert!(errs[0].zh.contains("负数"), "{}", errs[0].zh);
    assert_eq!(error_fields(&issues), vec!["years.2023.revenue"]);
    // A negative profit, by contrast, is legitimate (2022 in the sample).
    assert!(errors_on(&issues, "years.2022.net_profit").is_empty());
}

#[test]
fn an_absurd_revenue_loads_but_is_implausible_and_missing_for_metrics() {
    let a = load_ok(&corpus("huge-revenue.ron"));
    assert_eq!(a.year(2023).and_then(|y| y.revenue), Some(1e308));
    let issues = validate(&a, today());
    let errs = errors_on(&issues, "years.2023.revenue");
    assert_eq!(errs.len(), 1, "{issues:#?}");
    assert!(errs[0].en.contains("implausible"), "{}", errs[0].en);
    let m = Metrics::new(&a, as_of());
    assert_eq!(
        m.revenue(1),
        Err(Missing {
            fields: vec![innocheck::model::FieldRef::named("years.2023.revenue")],
            undecided: false,
        })
    );
    assert_eq!(m.revenue(2), Ok(16_100.0), "the other years are unaffected");
}

// ---------------------------------------------------------------- text

#[test]
fn a_200_kb_company_name_loads_but_is_too_long() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long-name.ron");
    let name = "赟".repeat(70_000);
    let text = valid_text().replacen("江西洪州示例精密机械有限公司", &name, 1);
    assert!(text.len() > 200_000);
    fs::write(&path, &text).expect("write");
    let a = load_ok(&path);
    assert_eq!(a.company.name.chars().count(), 70_000);
    let issues = validate(&a, today());
    let errs = errors_on(&issues, "company.name");
    assert_eq!(errs.len(), 1, "{issues:#?}");
    assert!(errs[0].en.contains("too long"), "{}", errs[0].en);
    assert!(errs[0].en.contains("70000"), "{}", errs[0].en);
}

#[test]
fn a_wrong_credit_code_check_digit_is_reported_with_the_right_one() {
    let a = load_ok(&corpus("bad-uscc.ron"));
    assert_eq!(a.company.uscc, "91360100MA38H2QL6J");
    let issues = validate(&a, today());
    let errs = errors_on(&issues, "company.uscc");
    assert_eq!(errs.len(), 1, "{issues:#?}");
    assert!(errs[0].en.contains("should be ‘H’"), "{}", errs[0].en);
    assert!(errs[0].en.contains("found ‘J’"), "{}", errs[0].en);
    assert!(errs[0].zh.contains("校验位应为 “H”"), "{}", errs[0].zh);
    assert!(
        !errs[0].zh.contains(" / "),
        "Chinese half only: {}",
        errs[0].zh
    );
    assert_eq!(error_fields(&issues), vec!["company.uscc"]);
}

// ---------------------------------------------------------------- encoding

/// Offset of the first invalid byte, as stated in an Encoding error's detail.
fn stated_offset(detail: &str) -> usize {
    detail
        .strip_prefix("byte ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("detail should be `byte N`: {detail}"))
}

#[test]
fn gbk_text_is_an_encoding_error_on_its_line() {
    let path = corpus("non-utf8-gbk-name.ron");
    let bytes = fs::read(&path).expect("read");
    match load_err(&path) {
        StorageError::Encoding { line, detail, .. } => {
            assert_eq!(line, 7);
            assert_eq!(
                bytes[stated_offset(&detail)],
                0xBD,
                "first byte of 江 in GBK"
            );
        }
        other => panic!("expected Encoding, got {other:?}"),
    }
    assert!(load_err(&path).to_string().contains("UTF-8"));
}

#[test]
fn gbk_text_after_a_utf8_bom_is_located_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bom-gbk.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(corpus("non-utf8-gbk-name.ron")).expect("read"));
    fs::write(&path, &bytes).expect("write");
    match load_err(&path) {
        StorageError::Encoding { line, detail, .. } => {
            assert_eq!(line, 7);
            assert_eq!(bytes[stated_offset(&detail)], 0xBD, "offset counts the BOM");
        }
        other => panic!("expected Encoding, got {other:?}"),
    }
}

#[test]
fn utf16_files_are_an_encoding_error() {
    let path = corpus("utf16-bom.ron");
    assert_eq!(
        load_err(&path),
        StorageError::Encoding {
            file: path.display().to_string(),
            line: 1,
            detail: "UTF-16".into(),
        }
    );
    // Big-endian too.
    let dir = tempfile::tempdir().expect("temp dir");
    let be = dir.path().join("utf16be.ron");
    let mut bytes = vec![0xFE, 0xFF];
    for u in valid_text().encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    fs::write(&be, bytes).expect("write");
    assert!(
        matches!(load_err(&be), StorageError::Encoding { line: 1, ref detail, .. } if detail == "UTF-16")
    );
}

// ---------------------------------------------------------------- files

#[test]
fn an_empty_file_is_empty() {
    let path = corpus("empty.ron");
    assert_eq!(fs::metadata(&path).expect("exists").len(), 0);
    assert_eq!(
        load_err(&path),
        StorageError::Empty {
            file: path.display().to_string()
        }
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let blank = dir.path().join("blank.ron");
    fs::write(&blank, " \n\t\r\n  \n").expect("write");
    assert!(matches!(load_err(&blank), StorageError::Empty { .. }));
    // Cut off inside its opening comment: nothing but comments is left.
    let head = dir.path().join("head.ron");
    let valid = valid_text();
    let comments_end = valid
        .find("\n(")
        .expect("valid.ron has a value after its comments");
    fs::write(&head, &valid[..comments_end]).expect("write");
    assert!(
        valid[..comments_end]
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//")),
        "the cut keeps comments only"
    );
    assert!(matches!(load_err(&head), StorageError::Empty { .. }));
    fs::write(&head, "/* a block\ncomment */ // and a line\n").expect("write");
    assert!(matches!(load_err(&head), StorageError::Empty { .. }));
}

#[test]
fn a_folder_is_not_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("looks-like-a-file.ron");
    fs::create_dir(&path).expect("mkdir");
    assert_eq!(
        load_err(&path),
        StorageError::NotAFile {
            file: path.display().to_string()
        }
    );
}

#[test]
fn a_missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("never-saved.ron");
    match load_err(&path) {
        StorageError::Io { file, reason } => {
            assert_eq!(file, path.display().to_string());
            assert!(!reason.is_empty());
        }
        other => panic!("expected Io, got {other:?}"),
    }
}

#[test]
fn a_17_mib_file_is_too_large() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    let size = 17 * 1024 * 1024;
    let f = fs::File::create(&path).expect("create");
    f.set_len(size).expect("grow");
    drop(f);
    assert!(size > MAX_FILE_BYTES);
    assert_eq!(
        load_err(&path),
        StorageError::TooLarge {
            file: path.display().to_string(),
            bytes: size
        }
    );
    // The same through the in-memory entry point.
    let bytes = vec![b' '; usize::try_from(size).expect("fits")];
    assert!(matches!(
        storage::load_bytes(&bytes, "mem.ron"),
        Err(StorageError::TooLarge { bytes: b, .. }) if b == size
    ));
}

#[test]
fn every_corpus_file_is_small_and_covered() {
    let mut names: Vec<String> = fs::read_dir(corpus(""))
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected = [
        "bad-uscc.ron",
        "empty.ron",
        "huge-revenue.ron",
        "inf-money.ron",
        "nan-revenue.ron",
        "negative-revenue.ron",
        "no-format-version.ron",
        "non-utf8-gbk-name.ron",
        "truncated.ron",
        "unknown-field.ron",
        "utf16-bom.ron",
        "valid.ron",
        "wrong-type-number.ron",
        "wrong-type-string.ron",
    ];
    assert_eq!(names, expected, "a new corpus file needs a test here");
    for n in &names {
        let len = fs::metadata(corpus(n)).expect("meta").len();
        assert!(
            len < 8 * 1024,
            "{n} is {len} bytes; generate large inputs in a temp dir"
        );
    }
}

#[test]
fn nan_in_a_format1_file_is_rejected_with_the_calendar_year() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format1-ganzhou-rare-earth.ron");
    let text = fs::read_to_string(fixture).expect("fixture");
    // The second `finance` entry is Y−2, i.e. 2022 for an as-of date in 2024.
    assert!(text.contains("revenue: Some(38914.0)"));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("format1-nan.ron");
    fs::write(
        &path,
        text.replacen("revenue: Some(38914.0)", "revenue: Some(NaN)", 1),
    )
    .expect("write");
    assert_eq!(
        load_err(&path),
        StorageError::NotFinite {
            file: path.display().to_string(),
            fields: vec!["years.2022.revenue".into()],
        }
    );
}

#[test]
fn characters_the_font_lacks_are_a_warning_naming_them() {
    let mut a = load_ok(&corpus("negative-revenue.ron"));
    a.company.name = "赣州䶮𬭚科技有限公司".into();
    let issues = validate(&a, today());
    assert!(
        issues.iter().all(|i| i.field != "company.name"),
        "a rare but covered name is fine: {issues:#?}"
    );

    a.company.name = "赣州😀科技有限公司🚀".into();
    let issues = validate(&a, today());
    let on_name: Vec<&Issue> = issues
        .iter()
        .filter(|i| i.field == "company.name")
        .collect();
    assert_eq!(on_name.len(), 1, "{issues:#?}");
    assert_eq!(on_name[0].severity, Severity::Warning);
    assert!(
        on_name[0].zh.contains("U+1F600 U+1F680"),
        "{}",
        on_name[0].zh
    );
    assert!(on_name[0].en.contains("empty boxes"), "{}", on_name[0].en);
}
