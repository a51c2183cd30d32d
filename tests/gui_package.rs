#![cfg(feature = "gui")]
//! 文件 → 生成申报材料包… builds the package on a worker thread and lists
//! the attachments with problems in the window, writing nothing; with
//! skipping asked for, it writes the package and lists what was left out.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eframe::egui;
use innocheck::gui::app::App;
use innocheck::gui::package_ui::Form;
use innocheck::gui::prefs::DataDir;
use innocheck::storage;

#[path = "common/attach.rs"]
mod attach;
use attach::text_pdf;

const TIER: &str = "sme.2022.innovative";

/// The ganpo sample saved in `dir` with `files` (name, bytes, criterion)
/// attached to the first evidence item of the criterion.
fn saved_with(dir: &Path, files: &[(&str, &[u8], &str)]) -> PathBuf {
    let mut list = String::new();
    for (name, bytes, criterion) in files {
        std::fs::write(dir.join(name), bytes).expect("writes");
        list.push_str(&attach::entry(
            &format!("{TIER}.{criterion}"),
            0,
            name,
            bytes,
        ));
    }
    let text = storage::SAMPLES
        .iter()
        .find(|(n, _)| *n == "ganpo-smart.ron")
        .map(|(_, t)| *t)
        .expect("sample");
    let path = dir.join("company.ron");
    std::fs::write(&path, attach::with_attachments(text, &list)).expect("writes");
    path
}

fn app(dir: &Path, file: &Path) -> (egui::Context, App) {
    let ctx = egui::Context::default();
    let doc = storage::load(file).expect("loads").assessment;
    let mut app = App::for_tests(&ctx, doc, DataDir::at(dir.join("data")));
    app.set_today(NaiveDate::from_ymd_opt(2025, 6, 30).expect("date"));
    app.session.path = Some(file.to_path_buf());
    (ctx, app)
}

fn wait(app: &mut App) {
    let start = Instant::now();
    while !app.poll_package() {
        assert!(
            start.elapsed() < Duration::from_mins(1),
            "the build never ended"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn bad_attachments_are_listed_in_the_window_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let good = text_pdf(&["GOOD"], 595.0, 842.0);
    let file = saved_with(
        d,
        &[
            ("good.pdf", &good, "ip"),
            ("photo.gif", b"GIF89a..", "rd_ratio"),
        ],
    );
    let (ctx, mut app) = app(d, &file);
    let out = d.join("package.pdf");
    let form = Form {
        tier: TIER.into(),
        skip_bad: false,
    };
    app.start_package(&ctx, &form, out.clone());
    wait(&mut app);
    assert!(!out.exists(), "nothing is written");
    let problems = app.package_problems().join("\n");
    assert!(
        problems.contains("photo.gif") && problems.contains("不支持的格式"),
        "{problems}"
    );
    assert!(!problems.contains("good.pdf"), "{problems}");
    // Skipping: written, and the file left out is still listed.
    app.start_package(
        &ctx,
        &Form {
            skip_bad: true,
            ..form
        },
        out.clone(),
    );
    wait(&mut app);
    assert!(app.error.is_none(), "{:?}", app.error);
    assert!(std::fs::read(&out).expect("written").starts_with(b"%PDF-"));
    assert!(
        app.status().is_some_and(|s| s.contains("package.pdf")),
        "{:?}",
        app.status()
    );
    assert!(
        app.package_problems()
            .iter()
            .any(|p| p.contains("photo.gif"))
    );
    assert!(
        !app.session.is_dirty(),
        "building a package changes nothing"
    );
}
