#![cfg(feature = "gui")]
//! The window shows the review beside the file it opens: the notes, and the
//! answers changed after the review.

use std::path::Path;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innocheck::gui::action::Action;
use innocheck::gui::app::App;
use innocheck::gui::fonts;
use innocheck::gui::pages::Page;
use innocheck::gui::prefs::DataDir;
use innocheck::storage::review::{Note, Review, Status, Target, save_review};
use innocheck::storage::{self, DEFAULT_SAMPLE};

fn window(data: &Path) -> Harness<'static, App> {
    let data = data.to_path_buf();
    Harness::builder()
        .with_size([1280.0, 4000.0])
        .with_context_setup(fonts::install)
        .build_eframe(move |cc| {
            let doc = storage::sample(DEFAULT_SAMPLE).expect("sample");
            let mut app = App::for_tests(&cc.egui_ctx, doc, DataDir::at(data));
            app.set_today(NaiveDate::from_ymd_opt(2025, 7, 1).expect("date"));
            app.page = Page::Results;
            app
        })
}

#[test]
fn the_results_page_shows_the_notes_and_the_answers_changed_since() {
    let data = tempfile::tempdir().expect("dir");
    let docs = tempfile::tempdir().expect("dir");
    let file = docs.path().join("公司 A.ron");
    let mut doc = storage::sample(DEFAULT_SAMPLE).expect("sample");
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
    save_review(&file, &review).expect("review saved");
    // The answers as the reviewer saw them: nothing changed.
    storage::save(&doc, &file).expect("saved");
    let mut h = window(data.path());
    h.state_mut().actions.push(Action::OpenPath(file.clone()));
    h.run();
    assert!(h.query_by_label_contains("审阅意见").is_some());
    assert!(h.query_by_label_contains("与审计报告不符").is_some());
    assert!(h.query_by_label_contains("答案与审阅时一致").is_some());

    // The revenue changed after the review: the page says so, naming it.
    doc.years[0].revenue = doc.years[0].revenue.map(|v| v + 100.0);
    storage::save(&doc, &file).expect("saved");
    h.state_mut().actions.push(Action::OpenPath(file));
    h.run();
    assert!(
        h.query_by_label_contains("审阅后答案已修改：1 项 — 财务数据 › 2024 年营业收入")
            .is_some()
    );

    // Another document (a sample, no file) has no review.
    h.state_mut()
        .actions
        .push(Action::OpenSample(DEFAULT_SAMPLE));
    h.run();
    assert!(h.state().session.review.is_none());
}

#[test]
fn review_mode_keeps_the_answers_read_only_and_saves_notes_beside_the_file() {
    let data = tempfile::tempdir().expect("dir");
    let docs = tempfile::tempdir().expect("dir");
    let file = docs.path().join("公司 B.ron");
    let doc = storage::sample(DEFAULT_SAMPLE).expect("sample");
    storage::save(&doc, &file).expect("saved");
    let before = std::fs::read(&file).expect("read");
    let mut h = window(data.path());
    h.state_mut()
        .actions
        .push(Action::OpenReviewChosen(file.clone()));
    h.run();
    assert!(h.state().session.reviewing);
    assert!(h.query_by_label_contains("审阅模式").is_some());

    // A note through the form: the first item, 存疑, a text.
    h.get_by_label("存疑").click();
    h.run();
    h.get_by_label("保存意见").click();
    h.run();
    let review = innocheck::storage::review::load_review(&file)
        .expect("readable")
        .expect("written beside the file");
    assert_eq!(review.notes.len(), 1);
    assert_eq!(review.notes[0].status, Status::Doubtful);
    assert!(h.query_by_label_contains("已保存审阅意见").is_some());

    // Saving is refused: the answers are never written in review mode.
    h.state_mut().actions.push(Action::Save);
    h.run();
    assert_eq!(std::fs::read(&file).expect("read"), before);
    assert!(!h.state().session.is_dirty());
}
