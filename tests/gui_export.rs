#![cfg(feature = "gui")]
//! Exporting from the window writes the same PDF and spreadsheet as the CLI.

use chrono::NaiveDate;
use eframe::egui;
use innocheck::gui::action::Action;
use innocheck::gui::app::App;
use innocheck::gui::prefs::DataDir;
use innocheck::storage;

fn app(dir: &std::path::Path) -> App {
    let ctx = egui::Context::default();
    let doc = innocheck::storage::sample("ganpo-smart.ron").expect("sample");
    let mut app = App::for_tests(&ctx, doc, DataDir::at(dir.join("data")));
    app.set_today(NaiveDate::from_ymd_opt(2025, 6, 30).expect("date"));
    app
}

#[test]
fn export_pdf_and_xlsx_from_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(dir.path());
    let pdf = dir.path().join("summary.pdf");
    let xlsx = dir.path().join("answers.xlsx");
    app.export(&pdf, true);
    app.export(&xlsx, false);
    assert!(app.error.is_none(), "{:?}", app.error);
    let bytes = std::fs::read(&pdf).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF"));
    let x = std::fs::read(&xlsx).expect("xlsx written");
    assert!(x.starts_with(b"PK"), "an xlsx is a zip file");
    // The document itself is not touched by exporting.
    assert!(!app.session.is_dirty());
}

#[test]
fn exporting_into_a_missing_folder_reports_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(dir.path());
    app.export(&dir.path().join("no/such/folder/summary.pdf"), true);
    let err = app.error.clone().expect("an error is shown");
    assert!(err.contains("summary.pdf"), "{err}");
    // Export actions exist for the menu and Ctrl+P.
    assert_ne!(Action::ExportPdf, Action::ExportXlsx);
}

#[test]
fn an_export_never_replaces_the_open_assessment_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(dir.path());
    let file = dir.path().join("company.ron");
    let text = storage::to_ron(&app.session.doc).expect("serialises");
    std::fs::write(&file, &text).expect("write");
    app.export(&file, true);
    let err = app.error.clone().expect("the export is refused");
    assert!(err.contains("company.ron"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("still there"),
        text,
        "the assessment is unchanged"
    );
    // An earlier export in the same place is simply replaced.
    app.error = None;
    let pdf = dir.path().join("summary.pdf");
    std::fs::write(&pdf, b"%PDF-1.7 old").expect("write");
    app.export(&pdf, true);
    assert!(app.error.is_none(), "{:?}", app.error);
    assert!(std::fs::read(&pdf).expect("pdf").len() > 1000);
}

/// The text of a PDF by `pdftotext`, spaces and line breaks removed; `None`
/// when pdftotext is not installed.
fn pdf_text(path: &std::path::Path) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).expect("utf-8");
    Some(text.chars().filter(|c| !c.is_whitespace()).collect())
}

#[test]
fn the_exported_summary_shows_the_review_beside_the_file() {
    use innocheck::storage::review::{Note, Review, Status, Target, review_path, save_review};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(dir.path());
    let file = dir.path().join("company.ron");
    let doc = app.session.doc.clone();
    std::fs::write(&file, storage::to_ron(&doc).expect("serialises")).expect("write");
    let mut review = Review::of(&doc);
    review.add(
        &doc,
        Note {
            target: Target::Field("years.2024.revenue".into()),
            status: Status::Doubtful,
            text: "与审计报告不符".into(),
            reviewer: "张三".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
        },
    );
    save_review(&file, &review).expect("saved");
    app.open_path(&file);
    assert!(app.error.is_none(), "{:?}", app.error);
    let pdf = dir.path().join("summary.pdf");
    app.export(&pdf, true);
    assert!(app.error.is_none(), "{:?}", app.error);
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains("审阅意见") && text.contains("与审计报告不符"));
    }
    // A damaged review: the summary is written without it, and that is said.
    std::fs::write(review_path(&file), "(format_version: 1, answers_sha256: ").expect("write");
    app.open_path(&file);
    app.error = None;
    app.export(&pdf, true);
    assert!(app.error.is_none(), "{:?}", app.error);
    let status = app.status().expect("a status");
    assert!(status.contains("company.review.ron"), "{status}");
    if let Some(text) = pdf_text(&pdf) {
        assert!(!text.contains("审阅意见"), "the damaged review is printed");
    }
}

/// A workbook in the answers layout with a company name, a date that cannot
/// be read and no fiscal-years sheet.
fn spoilt_workbook(path: &std::path::Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("基本情况").expect("name");
    for (c, key) in ["innocheck:profile", "page", "label", "value"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *key).expect("key");
    }
    ws.write_string(2, 0, "company.name").expect("key");
    ws.write_string(2, 3, "江西导入测试有限公司")
        .expect("value");
    ws.write_string(3, 0, "company.founded").expect("key");
    ws.write_string(3, 3, "去年").expect("value");
    wb.save(path).expect("saved");
}

#[test]
fn import_from_excel_opens_a_new_unsaved_document_and_lists_the_cells() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    let dir = tempfile::tempdir().expect("temp dir");
    let book = dir.path().join("客户 答卷.xlsx");
    spoilt_workbook(&book);
    let data = dir.path().join("data");
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(innocheck::gui::fonts::install)
        .build_eframe(move |cc| {
            let doc = storage::sample("ganpo-smart.ron").expect("sample");
            App::for_tests(&cc.egui_ctx, doc, DataDir::at(data))
        });
    h.run();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("从 Excel 导入…").click();
    h.run();
    h.get_by_label("路径").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("路径")
        .type_text(book.to_str().expect("utf-8 path"));
    h.run();
    h.get_by_label("确定").click();
    h.run();
    h.run();
    let state = h.state();
    assert!(state.error.is_none(), "{:?}", state.error);
    assert_eq!(state.session.doc.company.name, "江西导入测试有限公司");
    assert_eq!(state.session.doc.company.founded, None);
    assert!(state.session.path.is_none(), "a new document, not a file");
    assert!(state.session.is_dirty(), "to be saved by the user");
    let problems = state.import_problems().expect("the cells are listed");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("工作表“基本情况”单元格 D4"),
        "{problems:?}"
    );
    assert!(h.query_by_label_contains("以下单元格无法读取").is_some());
    assert!(h.query_by_label_contains("单元格 D4").is_some());
    assert!(
        h.query_by_label_contains("工作表“年度数据”：缺少工作表")
            .is_some()
    );
    h.get_by_label("关闭").click();
    h.run();
    assert!(h.state().import_problems().is_none());
    // Nothing was written beside the workbook.
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert!(files.iter().all(|f| f != "客户 答卷.ron"), "{files:?}");

    // A file that is not a workbook leaves the document unchanged.
    let mut app = app(dir.path());
    let before = app.session.doc.clone();
    let notes = dir.path().join("notes.xlsx");
    std::fs::write(&notes, "plain text").expect("write");
    app.import_xlsx(&notes);
    let err = app.error.clone().expect("an error is shown");
    assert!(
        err.contains("不是 Excel 工作簿") && err.contains("notes.xlsx"),
        "{err}"
    );
    assert_eq!(app.session.doc, before);
}
