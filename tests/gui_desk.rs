#![cfg(feature = "gui")]
//! The folder table in the window: a folder read on a worker thread, a
//! damaged file as a row with its reason, filtering, sorting, ticking two
//! files to compare them (charts and criteria), double-click opening a file
//! for review, and the export of the rows shown.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innocheck::gui::action::Action;
use innocheck::gui::app::App;
use innocheck::gui::fonts;
use innocheck::gui::pages::Page;
use innocheck::gui::prefs::DataDir;
use innocheck::report::portfolio::Column;
use innocheck::storage::{self, DEFAULT_SAMPLE};

fn window(data: &Path) -> Harness<'static, App> {
    let data = data.to_path_buf();
    Harness::builder()
        .with_size([1600.0, 1000.0])
        // Two clicks one step apart are a double-click (egui: within 0.3 s).
        .with_step_dt(0.05)
        .with_context_setup(fonts::install)
        .build_eframe(move |cc| {
            let doc = storage::sample(DEFAULT_SAMPLE).expect("sample");
            let mut app = App::for_tests(&cc.egui_ctx, doc, DataDir::at(data));
            app.set_today(NaiveDate::from_ymd_opt(2025, 7, 1).expect("date"));
            app
        })
}

/// The three samples (one in a sub-folder) and a damaged file.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::create_dir(dir.path().join("2025")).expect("sub-folder");
    for (name, text) in storage::SAMPLES {
        let to = if name.starts_with("xinyu") {
            dir.path().join("2025").join(name)
        } else {
            dir.path().join(name)
        };
        std::fs::write(to, text).expect("write");
    }
    std::fs::write(
        dir.path().join("broken.ron"),
        "(format_version: 3, assessment: (",
    )
    .expect("w");
    dir
}

fn open_folder(h: &mut Harness<'static, App>, dir: &Path) {
    h.state_mut()
        .actions
        .push(Action::LoadFolder(dir.to_path_buf()));
    h.run();
    for _ in 0..500 {
        if !h.state().desk().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run();
    }
    h.run();
    assert!(!h.state().desk().is_loading(), "the folder was read");
}

#[test]
fn a_folder_is_one_table_with_damaged_files_as_rows() {
    let data = tempfile::tempdir().expect("dir");
    let dir = folder();
    let mut h = window(data.path());
    open_folder(&mut h, dir.path());
    assert_eq!(h.state().page, Page::Portfolio);
    assert!(
        h.query_by_label_contains("共 4 个文件，显示 4 个，无法读取 1 个")
            .is_some()
    );
    for name in [
        "江西洪岳精密机械有限公司",
        "江西赣鄱智联科技有限公司",
        "江西仙湖新材料股份有限公司",
    ] {
        assert!(h.query_by_label(name).is_some(), "{name} has a row");
    }
    assert!(h.query_by_label_contains("无法读取：").is_some());

    // Filter by text: one row left.
    h.state_mut().desk_mut().filter.text = "仙湖".into();
    h.state_mut().desk_mut().refresh_view();
    h.run();
    assert!(h.query_by_label_contains("显示 1 个").is_some());
    assert!(h.query_by_label("江西洪岳精密机械有限公司").is_none());
    h.state_mut().desk_mut().filter = innocheck::gui::desk::Filter::default();
    h.state_mut().desk_mut().refresh_view();
    h.run();

    // Sorting by the tech-center column: a click on its heading.
    h.get_by_label("企业技术中心").click();
    h.run();
    assert_eq!(
        h.state().desk().sort,
        Some((
            Column::Programme(innocheck::rules::Programme::TechCenter),
            true
        ))
    );
    let first = h.state().desk().view[0];
    let levels: Vec<u8> = h
        .state()
        .desk()
        .view
        .iter()
        .filter_map(|i| h.state().desk().entries[*i].row())
        .map(|r| r.ladders[0].level)
        .collect();
    assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{levels:?}");
    assert!(h.state().desk().entries[first].row().is_some());
}

#[test]
fn two_ticked_files_open_side_by_side_and_back() {
    let data = tempfile::tempdir().expect("dir");
    let dir = folder();
    let mut h = window(data.path());
    open_folder(&mut h, dir.path());
    h.get_by_label("对比 江西洪岳精密机械有限公司").click();
    h.run();
    h.get_by_label("对比 江西仙湖新材料股份有限公司").click();
    h.run();
    assert_eq!(h.state().desk().picked.len(), 2);
    h.get_by_label("对比所选（2）").click();
    h.run();
    h.run();
    assert!(h.query_by_label("五有准备度（目标级别）").is_some());
    assert!(
        h.query_by_label("研发强度（研发费用占营业收入 %）")
            .is_some()
    );
    assert!(h.query_by_label_contains("有变化：").is_some());
    // Both companies head a column.
    assert!(h.query_all_by_label("江西洪岳精密机械有限公司").count() >= 1);
    assert!(h.query_all_by_label("江西仙湖新材料股份有限公司").count() >= 1);
    h.get_by_label("← 返回企业列表").click();
    h.run();
    assert!(h.state().desk().compare.is_none());
    assert!(h.query_by_label_contains("共 4 个文件").is_some());
}

#[test]
fn double_click_opens_the_file_for_review() {
    let data = tempfile::tempdir().expect("dir");
    let dir = folder();
    let mut h = window(data.path());
    open_folder(&mut h, dir.path());
    // Two clicks within the double-click delay.
    h.get_by_label("江西赣鄱智联科技有限公司").click();
    h.step();
    h.get_by_label("江西赣鄱智联科技有限公司").click();
    h.run();
    // The document open before (a sample, changed) asks first.
    if let Some(b) = h.query_by_label("不保存") {
        b.click();
        h.run();
    }
    let app = h.state();
    let expect: PathBuf = dir.path().join("ganpo-smart.ron");
    assert_eq!(app.session.path.as_deref(), Some(expect.as_path()));
    assert!(app.session.reviewing, "opened read-only");
    assert_eq!(app.page, Page::Results);
    // The table is one menu entry away.
    h.state_mut().actions.push(Action::Show(Page::Portfolio));
    h.run();
    assert!(h.query_by_label_contains("共 4 个文件").is_some());
}

#[test]
fn the_rows_shown_export_as_csv() {
    let data = tempfile::tempdir().expect("dir");
    let dir = folder();
    let out = tempfile::tempdir().expect("dir");
    let mut h = window(data.path());
    open_folder(&mut h, dir.path());
    h.state_mut().desk_mut().filter.text = "江西".into();
    h.state_mut().desk_mut().refresh_view();
    let csv = out.path().join("列表.csv");
    h.state_mut()
        .actions
        .push(Action::ExportPortfolioTo(csv.clone(), false));
    h.run();
    let text = std::fs::read_to_string(&csv).expect("written");
    // The header and the three companies; the damaged file is filtered out.
    assert_eq!(text.lines().count(), 4, "{text}");
    let xlsx = out.path().join("列表.xlsx");
    h.state_mut()
        .actions
        .push(Action::ExportPortfolioTo(xlsx.clone(), true));
    h.run();
    assert!(std::fs::metadata(&xlsx).expect("written").len() > 1000);
    // Never over an assessment.
    let target = dir.path().join("hongdu-precision.ron");
    let before = std::fs::read(&target).expect("read");
    h.state_mut()
        .actions
        .push(Action::ExportPortfolioTo(target.clone(), false));
    h.run();
    assert_eq!(std::fs::read(&target).expect("read"), before);
}

#[test]
fn the_open_document_compares_under_two_rule_versions() {
    let data = tempfile::tempdir().expect("dir");
    let mut h = window(data.path());
    h.state_mut().actions.push(Action::ComparePacks(vec![
        "sme.2022".into(),
        "sme.2026".into(),
    ]));
    h.run();
    assert_eq!(h.state().page, Page::Portfolio);
    assert!(h.query_by_label("对比").is_some());
    // A criterion whose rule reads differently between the versions is marked.
    assert!(h.query_all_by_label_contains("（规则不同）").count() > 0);
    h.get_by_label("← 返回企业列表").click();
    h.run();
    assert_eq!(h.state().page, Page::Results, "back to the document");
}
