#![cfg(feature = "gui")]
//! The window's recovery copy across format versions: it holds a whole
//! assessment file with its `format_version`, so a copy left by an older
//! innocheck is migrated like a saved file instead of being lost.

use std::path::PathBuf;

use innocheck::gui::prefs::{DataDir, Recovery};
use innocheck::storage;

const FORMAT2: &str = include_str!("fixtures/format2-xinyu-materials.ron");
const FORMAT3: &str = include_str!("fixtures/format3-ganpo-smart.ron");

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn a_copy_holds_the_format_version_of_its_document() {
    let data = temp();
    let dir = DataDir::at(data.path());
    let doc = storage::sample(storage::DEFAULT_SAMPLE).expect("sample");
    Recovery {
        original: None,
        assessment: doc,
    }
    .save(&dir)
    .expect("written");
    let text = std::fs::read_to_string(dir.recovery_file().expect("path")).expect("read");
    assert!(
        text.contains(&format!("format_version: {}", storage::FORMAT_VERSION)),
        "{}",
        &text[..text.len().min(300)]
    );
}

#[test]
fn a_copy_keeps_the_attachments_and_a_format_3_copy_has_none() {
    let data = temp();
    let dir = DataDir::at(data.path());
    let mut doc = storage::sample(storage::DEFAULT_SAMPLE).expect("sample");
    doc.attachments.push(innocheck::model::Attachment {
        criterion: "tc.jx.miit.2020.revenue".into(),
        item: 0,
        path: "扫描件/审计报告.pdf".into(),
        sha256: "0f".repeat(32),
        size: 523,
        pages: Some(3),
        added: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        note: "盖章版".into(),
    });
    Recovery {
        original: Some(PathBuf::from("/文档/公司.ron")),
        assessment: doc.clone(),
    }
    .save(&dir)
    .expect("written");
    assert_eq!(Recovery::load(&dir).map(|r| r.assessment), Some(doc));

    let copy = format!("(original: None, document: {FORMAT3:?})");
    std::fs::write(dir.recovery_file().expect("path"), copy).expect("write");
    let rec = Recovery::load(&dir).expect("the format-3 copy is offered");
    assert!(rec.assessment.attachments.is_empty());
    assert_eq!(rec.assessment.company.name, "江西赣鄱智联科技有限公司");
}

#[test]
fn a_copy_of_an_older_format_is_migrated_on_restore() {
    let data = temp();
    let dir = DataDir::at(data.path());
    // A copy whose document is a format-2 file, as a release writing format 2
    // would have left it.
    let copy = format!("(original: Some(\"/文档/新余材料.ron\"), document: {FORMAT2:?})");
    std::fs::write(dir.recovery_file().expect("path"), copy).expect("write");
    let rec = Recovery::load(&dir).expect("the old copy is offered");
    let migrated = storage::load_bytes(FORMAT2.as_bytes(), "fixture")
        .expect("fixture loads")
        .assessment;
    assert_eq!(rec.assessment, migrated);
    assert_eq!(rec.original, Some(PathBuf::from("/文档/新余材料.ron")));
}

#[test]
fn a_copy_without_a_version_is_still_read() {
    // innocheck 0.1 wrote the document inline, with no version.
    #[derive(serde::Serialize)]
    struct Old<'a> {
        original: Option<PathBuf>,
        assessment: &'a innocheck::model::Assessment,
    }
    let data = temp();
    let dir = DataDir::at(data.path());
    let doc = storage::sample(storage::DEFAULT_SAMPLE).expect("sample");
    let text = ron::ser::to_string_pretty(
        &Old {
            original: None,
            assessment: &doc,
        },
        ron::ser::PrettyConfig::default(),
    )
    .expect("ron");
    std::fs::write(dir.recovery_file().expect("path"), text).expect("write");
    assert_eq!(Recovery::load(&dir).map(|r| r.assessment), Some(doc));
}

#[test]
fn a_copy_whose_document_is_newer_or_damaged_is_not_offered() {
    let data = temp();
    let dir = DataDir::at(data.path());
    let newer = FORMAT2.replacen("format_version: 2", "format_version: 99", 1);
    assert_ne!(newer, FORMAT2, "the fixture names its version");
    for document in [newer.as_str(), "(format_version: 3, assessment: (", ""] {
        let copy = format!("(original: None, document: {document:?})");
        std::fs::write(dir.recovery_file().expect("path"), copy).expect("write");
        assert!(Recovery::load(&dir).is_none(), "{document:.40}");
    }
}
