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
