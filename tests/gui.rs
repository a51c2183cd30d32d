#![cfg(feature = "gui")]
//! The desktop window, driven headless through `egui_kittest` (no GPU, no
//! display, no file dialog): every test acts as a user would — find a field
//! by its label, type, click, press a shortcut, or push the command a menu
//! item pushes — and then asserts on the application state, not on pixels.
//!
//! Every test keeps its preferences and recovery copy in a temporary folder
//! (`DataDir::at`), never in the user's data folder. The harness panics on a
//! glyph that no installed font has, so every test is also a font check of
//! what it renders; `fonts_cover_every_text` checks the rest.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eframe::egui::{FontFamily, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use innocheck::eval::Verdict;
use innocheck::gui::Launch;
use innocheck::gui::action::Action;
use innocheck::gui::app::{AUTOSAVE_SECONDS, App};
use innocheck::gui::fonts;
use innocheck::gui::pages::Page;
use innocheck::gui::prefs::{DataDir, Prefs, Recovery};
use innocheck::gui::session::Session;
use innocheck::i18n::{self, Lang, common};
use innocheck::metrics::Metric;
use innocheck::model::{Assessment, City, Industry, Step, TitleKind};
use innocheck::rules::Registry;
use innocheck::storage;
use skrifa::MetadataProvider;

const SAMPLE: &str = "hongdu-precision.ron";
/// The as-of date of the sample (Y−1 = 2024).
const SAMPLE_DATE: (i32, u32, u32) = (2025, 6, 30);
/// The sample's valid credit code, and the same code with a wrong check digit.
const USCC_OK: &str = "91360100705586232Y";
const USCC_BAD: &str = "913601007055862320";
/// Time that passes in one harness step (the builder's default, 4 frames a second).
const STEP_SECONDS: f64 = 0.25;

// ───────────────────────────── helpers ─────────────────────────────

fn sample() -> Assessment {
    storage::sample(SAMPLE).expect("the bundled sample loads")
}

fn sample_date() -> NaiveDate {
    let (y, m, d) = SAMPLE_DATE;
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// A 1280×800 window on `doc`, showing `page`, keeping its data in `data`.
fn window(doc: Assessment, data: &Path, page: Page) -> Harness<'static, App> {
    window_sized(doc, data, page, [1280.0, 800.0])
}

/// A window so tall that the whole results page is in view: egui leaves text
/// out of sight out of the accessibility tree, so a test that says something
/// is *not* shown must see the whole page.
fn tall_window(doc: Assessment, data: &Path, page: Page) -> Harness<'static, App> {
    window_sized(doc, data, page, [1280.0, 9000.0])
}

fn window_sized(doc: Assessment, data: &Path, page: Page, size: [f32; 2]) -> Harness<'static, App> {
    let data = data.to_path_buf();
    Harness::builder()
        .with_size(size)
        .with_context_setup(fonts::install)
        .build_eframe(move |cc| {
            let mut app = App::for_tests(&cc.egui_ctx, doc, DataDir::at(data));
            app.set_today(sample_date());
            app.page = page;
            app
        })
}

/// The window as a user starts it (`App::new`): bundled sample, recovery offer.
fn started(data: &Path) -> Harness<'static, App> {
    let data = data.to_path_buf();
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(fonts::install)
        .build_eframe(move |cc| {
            let mut app = App::new(&cc.egui_ctx, Launch::default(), DataDir::at(data));
            app.set_today(sample_date());
            app
        })
}

/// The window title the app sets (dirty mark, file name).
fn title(h: &Harness<'_, App>) -> String {
    let app = h.state();
    app.session.title(app.lang.t(common::UNTITLED))
}

/// Replaces the whole text of the field labelled `label` by `text`, as typed.
fn retype(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn shows(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

fn verdict(h: &Harness<'_, App>, tier: &str) -> Verdict {
    h.state()
        .session
        .evaluation()
        .and_then(|e| e.tier(tier))
        .unwrap_or_else(|| panic!("tier {tier} is evaluated"))
        .verdict
}

/// Opens `path` as the menu does and returns the error shown.
fn open_refused(h: &mut Harness<'_, App>, path: &Path) -> String {
    let doc_before = h.state().session.doc.clone();
    let path_before = h.state().session.path.clone();
    h.state_mut()
        .actions
        .push(Action::OpenPath(path.to_path_buf()));
    h.run();
    let app = h.state();
    assert_eq!(
        app.session.doc, doc_before,
        "a refused file changed the document"
    );
    assert_eq!(
        app.session.path, path_before,
        "a refused file became the document's file"
    );
    assert!(
        !app.session.is_dirty(),
        "a refused file made the document dirty"
    );
    let msg = app
        .error
        .clone()
        .unwrap_or_else(|| panic!("no error shown for {}", path.display()));
    let name = path
        .file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned();
    assert!(
        msg.contains(&name),
        "the error does not name the file: {msg}"
    );
    assert!(
        msg.contains(Lang::Zh.t(common::OPEN_FAILED)),
        "the error does not say the document is unchanged: {msg}"
    );
    assert!(shows(h, &name), "the error dialog is not on screen: {msg}");
    // The dialog closes with 确定 and the window goes on.
    h.get_by_label(Lang::Zh.t(common::OK)).click();
    h.run();
    assert!(h.state().error.is_none(), "确定 did not close the error");
    msg
}

// ───────────────────────────── editing ─────────────────────────────

#[test]
fn typing_a_company_name_edits_the_document_and_marks_it_dirty() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    assert!(!h.state().session.is_dirty());
    assert!(!title(&h).starts_with("● "), "clean title: {}", title(&h));

    retype(&mut h, "企业名称", "赣江测试科技有限公司");

    let app = h.state();
    assert_eq!(app.session.doc.company.name, "赣江测试科技有限公司");
    assert!(app.session.is_dirty());
    assert!(title(&h).starts_with("● "), "dirty title: {}", title(&h));
    // The status bar says so too.
    assert!(shows(&h, "未保存"));
}

#[test]
fn the_credit_code_is_checked_as_typed() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    assert!(shows(&h, "校验位正确"), "the sample's code is valid");

    let below = |h: &Harness<'_, App>| h.get_by_label("所在地区").rect();
    let row_ok = below(&h);

    retype(&mut h, "统一社会信用代码", USCC_BAD);
    assert_eq!(h.state().session.doc.company.uscc, USCC_BAD);
    // Says the code does not check out and where the mistake probably is,
    // not "change the last character".
    assert!(
        shows(&h, "代码未通过校验：前 17 位中可能有字符输错"),
        "a wrong check digit is not flagged"
    );
    assert!(
        !shows(&h, "实为"),
        "the message invites changing the 18th character"
    );
    assert!(!shows(&h, "校验位正确"));
    // The space of the message is reserved: the rows below do not move.
    assert_eq!(
        below(&h),
        row_ok,
        "the next row moved when the warning appeared"
    );

    retype(&mut h, "统一社会信用代码", USCC_OK);
    assert_eq!(h.state().session.doc.company.uscc, USCC_OK);
    assert!(shows(&h, "校验位正确"), "a correct code is not confirmed");
    assert!(!shows(&h, "代码未通过校验"));
    assert_eq!(
        below(&h),
        row_ok,
        "the next row moved when the warning went"
    );
}

#[test]
fn raising_rd_spend_makes_the_specialized_tier_eligible() {
    const TIER: &str = "sme.2022.specialized";
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Funding));
    // Its only gap: R&D 2024 = 1310 / 45200 = 2.898 % < 3 %.
    assert_eq!(verdict(&h, TIER), Verdict::NotEligible);

    // The 2024 (Y−1) input of the 研发费用 row: the one showing the sample's 1310.
    h.query_all_by_label("研发费用")
        .find(|n| n.value().as_deref() == Some("1310"))
        .expect("a 研发费用 input showing 1310 on the funding page")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_all_by_label("研发费用")
        .find(egui_kittest::Node::is_focused)
        .expect("the focused 研发费用 input")
        .type_text("1400");
    h.run();

    let spend = h
        .state()
        .session
        .doc
        .years
        .iter()
        .find(|y| y.year == 2024)
        .and_then(|y| y.rd_spend);
    assert_eq!(spend, Some(1400.0), "the typed figure did not reach 2024");
    // 1400 / 45200 = 3.097 % ≥ 3 %.
    assert_eq!(verdict(&h, TIER), Verdict::Eligible);
    assert!(h.state().session.is_dirty());
}

#[test]
fn next_walks_through_every_page_in_order_to_the_results() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    let next = format!("{} →", Lang::Zh.t(common::NEXT));
    for (i, page) in Page::ALL.iter().enumerate() {
        assert_eq!(h.state().page, *page, "page {}", i + 1);
        let heading = Lang::Zh.t(page.title());
        assert!(
            h.query_all_by_label(heading).next().is_some(),
            "page {} does not show its title {heading}",
            i + 1
        );
        if *page == Page::Results {
            assert!(
                h.query_by_label(&next).is_none(),
                "the results page offers 下一步"
            );
            break;
        }
        h.get_by_label(&next).scroll_to_me();
        h.run();
        h.get_by_label(&next).click();
        h.run();
    }
    assert_eq!(h.state().page, Page::Results);
    // Nothing was edited on the way.
    assert!(!h.state().session.is_dirty());
}

// ───────────────────────────── language ─────────────────────────────

#[test]
fn the_language_toggle_switches_labels_and_is_remembered() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    assert_eq!(h.state().lang, Lang::Zh);
    assert!(h.query_by_label("企业名称").is_some());
    assert!(h.query_by_label("Company name").is_none());

    h.get_by_label("English").click();
    h.run();

    assert_eq!(h.state().lang, Lang::En);
    assert!(h.query_by_label("Company name").is_some());
    assert!(h.query_by_label("企业名称").is_none());
    assert!(h.query_by_label("中文").is_some(), "no way back to Chinese");
    assert_eq!(Prefs::load(&DataDir::at(data.path())).lang, Lang::En);
    drop(h);

    // A new window on the same data folder comes up in English.
    let h = window(sample(), data.path(), Page::Step(Step::Company));
    assert_eq!(h.state().lang, Lang::En);
    assert!(h.query_by_label("Company name").is_some());
}

// ───────────────────────────── undo ─────────────────────────────

#[test]
fn ctrl_z_restores_the_value_and_ctrl_shift_z_redoes_it() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    let original = h.state().session.doc.company.name.clone();

    retype(&mut h, "企业名称", "临时名称");
    assert_eq!(h.state().session.doc.company.name, "临时名称");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.doc.company.name, original);
    assert!(!h.state().session.is_dirty(), "undone to the saved content");

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().session.doc.company.name, "临时名称");

    // The menu's command does the same.
    h.state_mut().actions.push(Action::Undo);
    h.run();
    assert_eq!(h.state().session.doc.company.name, original);
}

/// How many steps back the history goes after `edits` complete edits.
fn undo_depth(s: &mut Session, edits: usize) -> usize {
    for i in 0..edits {
        s.doc.company.name = format!("第 {i} 次");
        s.checkpoint();
    }
    let mut n = 0;
    while s.undo() {
        n += 1;
    }
    n
}

#[test]
fn the_undo_history_is_as_deep_after_opening_a_file_as_at_start() {
    let registry = || Registry::bundled().expect("bundled packs");
    let mut fresh = Session::new(sample(), None, registry());
    let mut reopened = Session::new(Assessment::default(), None, registry());
    reopened.replace(sample(), Some(PathBuf::from("企业.ron")), true);
    let a = undo_depth(&mut fresh, 400);
    let b = undo_depth(&mut reopened, 400);
    assert!(a >= 100, "only {a} steps of undo");
    assert_eq!(a, b, "opening a file changed the undo history's settings");
}

// ───────────────────────────── files ─────────────────────────────

#[test]
fn save_writes_a_file_that_loads_back_equal() {
    let data = temp();
    let docs = temp();
    let path = docs.path().join("保存测试.ron");
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    retype(&mut h, "企业名称", "保存测试企业");
    assert!(title(&h).starts_with("● "));

    h.state_mut().actions.push(Action::SaveTo(path.clone()));
    h.run();

    let app = h.state();
    assert!(app.error.is_none(), "save failed: {:?}", app.error);
    let loaded = storage::load(&path).expect("the saved file loads");
    assert_eq!(loaded.assessment, app.session.doc);
    assert_eq!(loaded.assessment.company.name, "保存测试企业");
    assert!(!app.session.is_dirty());
    let t = title(&h);
    assert!(!t.starts_with("● "), "still marked dirty: {t}");
    assert!(
        t.contains("保存测试.ron"),
        "title without the file name: {t}"
    );
    assert_eq!(app.session.path.as_deref(), Some(path.as_path()));
    let canonical = std::fs::canonicalize(&path).expect("the file exists");
    assert_eq!(app.prefs.recent.first(), Some(&canonical));
    // …and the recent list is on disk, in the temporary data folder.
    let on_disk = Prefs::load(&DataDir::at(data.path()));
    assert_eq!(on_disk.recent.first(), Some(&canonical));
}

#[test]
fn a_damaged_file_is_refused_with_its_line() {
    let data = temp();
    let docs = temp();
    let text = storage::to_ron(&sample()).expect("serialises");
    let lines: Vec<&str> = text.lines().collect();
    let path = docs.path().join("damaged.ron");
    std::fs::write(&path, lines[..lines.len() / 2].join("\n")).expect("write");

    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    let msg = open_refused(&mut h, &path);
    assert!(
        msg.contains("第 ") && msg.contains(" 行") && !msg.contains("line"),
        "the error does not give the line, in Chinese only: {msg}"
    );
    assert!(
        h.state().prefs.recent.is_empty(),
        "a refused file is recent"
    );
}

#[test]
fn a_newer_format_is_refused() {
    let data = temp();
    let docs = temp();
    let text = storage::to_ron(&sample()).expect("serialises");
    let newer = text.replacen(
        &format!("format_version: {}", storage::FORMAT_VERSION),
        "format_version: 9",
        1,
    );
    assert_ne!(newer, text, "the file has a format_version field");
    let path = docs.path().join("newer.ron");
    std::fs::write(&path, newer).expect("write");

    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    let msg = open_refused(&mut h, &path);
    assert!(
        msg.contains('9'),
        "the error does not give the version: {msg}"
    );
    assert!(
        msg.contains("升级") && !msg.contains("upgrade"),
        "the error does not say to upgrade, in Chinese only: {msg}"
    );
}

// ───────────────────────────── welcome page ─────────────────────────────

/// The window as a user starts it, with the in-app path field for dialogs.
fn started_in_app(data: &Path) -> Harness<'static, App> {
    let data = data.to_path_buf();
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(fonts::install)
        .build_eframe(move |cc| {
            let mut app = App::new(&cc.egui_ctx, Launch::default(), DataDir::at(data));
            app.use_in_app_dialogs();
            app.set_today(sample_date());
            app
        })
}

/// A copy of the sample in a folder named as on a user's Chinese Windows.
fn sample_file(docs: &Path, name: &str) -> PathBuf {
    let folder = docs.join("申报材料 2025");
    std::fs::create_dir_all(&folder).expect("folder");
    let path = folder.join(name);
    std::fs::write(&path, storage::to_ron(&sample()).expect("serialises")).expect("write");
    path
}

#[test]
fn the_first_start_shows_the_welcome_page_and_new_starts_an_assessment() {
    let data = temp();
    let mut h = started_in_app(data.path());
    assert_eq!(h.state().page, Page::Welcome);
    for label in ["新建评估", "打开文件…", "打开示例"] {
        assert!(h.query_by_label(label).is_some(), "no {label} button");
    }
    assert!(shows(&h, "还没有打开或保存过文件"));
    assert!(
        !shows(&h, "自评步骤"),
        "the wizard shows on the welcome page"
    );

    h.get_by_label("新建评估").click();
    h.run();
    let app = h.state();
    assert_eq!(app.page, Page::Step(Step::Company));
    assert_eq!(app.session.doc, Assessment::default());
    assert!(app.session.path.is_none() && !app.session.is_dirty());
    assert!(shows(&h, "自评步骤"), "no wizard after 新建评估");
}

#[test]
fn open_sample_on_the_welcome_page_shows_its_results() {
    let data = temp();
    let mut h = started_in_app(data.path());
    h.get_by_label("打开示例").click();
    h.run();
    let app = h.state();
    assert_eq!(app.page, Page::Results);
    assert_eq!(app.session.sample.as_deref(), Some(storage::DEFAULT_SAMPLE));
    assert_eq!(app.session.doc, sample());
    assert!(app.session.path.is_none() && !app.session.is_dirty());
    assert!(app.error.is_none(), "{:?}", app.error);
}

#[test]
fn open_file_on_the_welcome_page_takes_a_path_with_chinese_and_spaces() {
    let data = temp();
    let docs = temp();
    let path = sample_file(docs.path(), "公司 甲.ron");
    let mut h = started_in_app(data.path());
    h.get_by_label("打开文件…").click();
    h.run();
    assert!(h.query_by_label("路径").is_some(), "no path field");
    retype(&mut h, "路径", path.to_str().expect("utf-8 path"));
    h.get_by_label("确定").click();
    h.run();
    let app = h.state();
    assert!(app.error.is_none(), "{:?}", app.error);
    assert_eq!(app.page, Page::Results);
    assert_eq!(app.session.path.as_deref(), Some(path.as_path()));
    assert_eq!(app.session.doc, sample());
    let full = std::fs::canonicalize(&path).expect("the file exists");
    assert_eq!(app.prefs.recent.first(), Some(&full));
    assert!(title(&h).contains("公司 甲.ron"));
}

#[test]
fn a_recent_file_on_the_welcome_page_opens_and_a_gone_one_is_marked() {
    let data = temp();
    let docs = temp();
    let path = sample_file(docs.path(), "公司 乙.ron");
    let gone = docs.path().join("申报材料 2025").join("已删除 丙.ron");
    // The last file is gone: the start falls back to the welcome page and says why.
    Prefs {
        recent: vec![gone.clone(), path.clone()],
        ..Prefs::default()
    }
    .save(&DataDir::at(data.path()))
    .expect("prefs written");

    let mut h = started_in_app(data.path());
    assert_eq!(h.state().page, Page::Welcome);
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(
        status.contains("上次打开的文件无法读取") && status.contains("已删除 丙.ron"),
        "{status}"
    );
    assert!(shows(&h, "找不到文件"), "the gone file is not marked");
    assert!(
        h.get_by_label("已删除 丙.ron")
            .accesskit_node()
            .is_disabled(),
        "the gone file can be clicked"
    );

    h.get_by_label("公司 乙.ron").click();
    h.run();
    let app = h.state();
    assert!(app.error.is_none(), "{:?}", app.error);
    assert_eq!(app.page, Page::Results);
    assert_eq!(app.session.path.as_deref(), Some(path.as_path()));
    assert_eq!(app.session.doc, sample());
    let full = std::fs::canonicalize(&path).expect("the file exists");
    assert_eq!(
        app.prefs.recent.first(),
        Some(&full),
        "opened first in the list"
    );
}

#[test]
fn a_later_start_reopens_the_last_file() {
    let data = temp();
    let docs = temp();
    let path = sample_file(docs.path(), "公司 丁.ron");
    let mut h = started_in_app(data.path());
    h.state_mut().actions.push(Action::OpenPath(path.clone()));
    h.run();
    assert_eq!(h.state().page, Page::Results);
    drop(h);

    let h = started_in_app(data.path());
    let app = h.state();
    assert_eq!(app.page, Page::Results, "not reopened on its results");
    let full = std::fs::canonicalize(&path).expect("the file exists");
    assert_eq!(app.session.path.as_deref(), Some(full.as_path()));
    assert_eq!(app.session.doc, sample());
    assert!(!app.session.is_dirty());
    // The start page is one menu item away.
    let mut h = h;
    h.state_mut().actions.push(Action::Show(Page::Welcome));
    h.run();
    assert!(shows(&h, "公司 丁.ron"), "the recent file is not listed");
}

// ───────────────────────── recovery and autosave ─────────────────────────

fn recovered_doc() -> Assessment {
    let mut doc = sample();
    doc.company.name = "恢复测试企业".into();
    doc.years[0].rd_spend = Some(1500.0);
    doc
}

#[test]
fn a_recovery_copy_is_offered_on_start_and_restored() {
    let data = temp();
    let dir = DataDir::at(data.path());
    let docs = temp();
    let original = docs.path().join("原文件.ron");
    let rec = Recovery {
        original: Some(original.clone()),
        assessment: recovered_doc(),
    };
    rec.save(&dir).expect("recovery copy written");

    let mut h = started(data.path());
    assert!(shows(&h, "恢复未保存的工作"), "no recovery offer on start");
    assert!(
        shows(&h, "恢复测试企业"),
        "the offer does not name the company"
    );
    h.get_by_label("恢复").click();
    h.run();

    let app = h.state();
    assert_eq!(app.session.doc, recovered_doc());
    assert_eq!(app.session.path.as_deref(), Some(original.as_path()));
    assert!(app.session.is_dirty(), "restored work is unsaved work");
    assert!(title(&h).starts_with("● "));
    assert!(!shows(&h, "恢复未保存的工作"), "the offer stays open");
}

#[test]
fn a_recovery_copy_can_be_discarded() {
    let data = temp();
    let dir = DataDir::at(data.path());
    Recovery {
        original: None,
        assessment: recovered_doc(),
    }
    .save(&dir)
    .expect("recovery copy written");

    let mut h = started(data.path());
    let before = h.state().session.doc.clone();
    h.get_by_label("丢弃").click();
    h.run();
    assert_eq!(
        h.state().session.doc,
        before,
        "discarding changed the document"
    );
    assert!(Recovery::load(&dir).is_none(), "the copy is still on disk");
    assert!(!shows(&h, "恢复未保存的工作"));
}

#[test]
fn recovery_copies_round_trip() {
    let data = temp();
    let dir = DataDir::at(data.path().join("nested/folder"));
    assert!(Recovery::load(&dir).is_none());
    let rec = Recovery {
        original: Some(PathBuf::from("/某处/企业.ron")),
        assessment: recovered_doc(),
    };
    rec.save(&dir).expect("written, folders created");
    assert_eq!(Recovery::load(&dir), Some(rec));
    Recovery::clear(&dir);
    assert!(Recovery::load(&dir).is_none());
    // A damaged copy is not offered (and does not panic).
    std::fs::write(
        dir.recovery_file().expect("a path"),
        "(original: None, assess",
    )
    .expect("write");
    assert!(Recovery::load(&dir).is_none());
    // With no data folder nothing is written.
    Recovery::clear(&DataDir::none());
    assert!(Recovery::load(&DataDir::none()).is_none());
}

#[test]
fn unsaved_work_is_autosaved_after_the_delay() {
    let data = temp();
    let dir = DataDir::at(data.path());
    let file = dir.recovery_file().expect("a path");
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    retype(&mut h, "企业名称", "自动保存测试");
    assert!(!file.exists(), "autosaved at once");

    // Time advances by the step's dt in every frame the harness runs.
    let due = (AUTOSAVE_SECONDS / STEP_SECONDS).ceil() as usize;
    h.run_steps(due * 2 / 3);
    assert!(!file.exists(), "autosaved before {AUTOSAVE_SECONDS} s");
    h.run_steps(due / 3 + 4);
    let rec = Recovery::load(&dir).expect("a recovery copy after the delay");
    assert_eq!(rec.assessment, h.state().session.doc);
    assert_eq!(rec.assessment.company.name, "自动保存测试");
    assert!(
        shows(&h, "已自动保存恢复副本"),
        "the status bar does not say so"
    );

    // Saving the document removes the copy.
    let docs = temp();
    h.state_mut()
        .actions
        .push(Action::SaveTo(docs.path().join("a.ron")));
    h.run();
    assert!(!file.exists(), "the copy survives a save");
}

// ───────────────────────────── fonts ─────────────────────────────

/// Opens every collapsed section (nested ones too); returns how many.
fn expand_all(h: &mut Harness<'_, App>) -> usize {
    let mut opened = 0;
    for _ in 0..10 {
        let closed: Vec<_> = h
            .query_all_by(|n| n.data().is_expanded() == Some(false))
            .collect();
        if closed.is_empty() {
            return opened;
        }
        opened += closed.len();
        for n in &closed {
            n.click_accesskit();
        }
        drop(closed);
        h.run();
    }
    panic!("sections keep appearing closed after 10 rounds");
}

/// Every page of every bundled sample, in both languages, with every section
/// open: nothing panics, and every glyph drawn is in some font (the harness
/// panics on a missing one).
#[test]
fn every_page_of_every_sample_renders_in_both_languages() {
    let data = temp();
    for (name, _) in storage::SAMPLES {
        let doc = storage::sample(name).expect("bundled sample");
        for lang in [Lang::Zh, Lang::En] {
            let mut h = window(doc.clone(), data.path(), Page::Results);
            h.state_mut().lang = lang;
            h.run();
            for page in Page::ALL {
                h.state_mut().actions.push(Action::Show(page));
                h.run();
                assert_eq!(h.state().page, page);
                expand_all(&mut h);
                assert!(
                    h.query_all_by_label(lang.t(page.title())).next().is_some(),
                    "{name} ({lang:?}): {} has no title",
                    page.slug()
                );
            }
            assert!(h.state().error.is_none(), "{name}: {:?}", h.state().error);
        }
    }
}

/// Every character the window may draw (control characters aside).
fn texts() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    for tr in i18n::all() {
        v.push((format!("i18n {:?}", tr.en), format!("{}{}", tr.zh, tr.en)));
    }
    for (name, text) in innocheck::rules::BUNDLED {
        v.push((format!("rule pack {name}"), (*text).to_string()));
    }
    // Names: characters outside GB 2312, and 通用规范汉字表 name characters
    // beyond the basic block (Extension A 䶮, Extension E 𬭚 𬘡 𬬸 𫖯).
    v.push((
        "name characters".to_string(),
        "喆玥堃镕赟犇昇珺䶮𬭚𬘡𬬸𫖯".to_string(),
    ));
    for c in City::ALL {
        v.push((format!("city {c:?}"), format!("{}{}", c.zh(), c.en())));
    }
    for i in Industry::ALL {
        v.push((format!("industry {i:?}"), format!("{}{}", i.zh(), i.en())));
    }
    for t in TitleKind::ALL {
        v.push((format!("title {t:?}"), t.zh().to_string()));
    }
    for m in Metric::ALL {
        v.push((
            format!("metric {}", m.id()),
            format!("{}{}{}{}", m.zh(), m.en(), m.unit().zh(), m.unit().en()),
        ));
    }
    // Every symbol the widgets draw themselves (marks, arrows, bullets,
    // separators), not only the strings of the tables: every character
    // outside comments in the code that draws the window and words what it
    // shows.
    for dir in [
        "src/gui",
        "src/i18n",
        "src/report/format.rs",
        "src/model",
        "src/eval",
    ] {
        for (path, text) in source_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) {
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| l.split(" // ").next().unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n");
            v.push((format!("source {}", path.display()), code));
        }
    }
    v
}

/// The `.rs` files under `path` (or `path` itself), with their text.
fn source_files(path: &Path) -> Vec<(PathBuf, String)> {
    if path.is_file() {
        let text = std::fs::read_to_string(path).expect("a readable source file");
        return vec![(path.to_path_buf(), text)];
    }
    let mut v = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .expect("a source folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() || p.extension().is_some_and(|e| e == "rs") {
            v.extend(source_files(&p));
        }
    }
    v
}

#[test]
fn fonts_cover_every_text() {
    let defs = fonts::definitions();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        assert!(
            defs.families[&family]
                .iter()
                .any(|n| n == fonts::CJK_FONT_NAME),
            "the CJK font is not a fallback of {family:?}"
        );
    }
    let faces: Vec<(&String, skrifa::FontRef<'_>)> = defs.families[&FontFamily::Proportional]
        .iter()
        .map(|name| {
            let data = &defs.font_data[name];
            let bytes: &[u8] = (*data.font).as_ref();
            let face = skrifa::FontRef::from_index(bytes, data.index)
                .unwrap_or_else(|e| panic!("font {name} does not parse: {e}"));
            (name, face)
        })
        .collect();
    assert!(faces.len() >= 2, "egui's fonts and the CJK font");
    // The bundled font itself parses and is the Chinese face.
    let cjk = skrifa::FontRef::new(fonts::CJK_FONT).expect("the CJK font parses");
    assert!(cjk.charmap().map('企').is_some());

    let covered = |c: char| faces.iter().any(|(_, f)| f.charmap().map(c).is_some());
    let mut missing: BTreeSet<char> = BTreeSet::new();
    let mut where_: Vec<String> = Vec::new();
    for (what, text) in texts() {
        let lost: BTreeSet<char> = text
            .chars()
            .filter(|c| !c.is_ascii_control() && !covered(*c))
            .collect();
        if !lost.is_empty() {
            where_.push(format!("  {what}: {}", lost.iter().collect::<String>()));
            missing.extend(lost);
        }
    }
    assert!(
        missing.is_empty(),
        "{} characters are in no installed font: {}\n{}\n(code points: {})",
        missing.len(),
        missing.iter().collect::<String>(),
        where_.join("\n"),
        missing
            .iter()
            .map(|c| format!("U+{:04X}", u32::from(*c)))
            .collect::<Vec<_>>()
            .join(" ")
    );
}

#[test]
fn the_results_page_names_missing_inputs_by_page_and_label() {
    let mut doc = sample();
    doc.years
        .iter_mut()
        .find(|y| y.year == 2024)
        .expect("2024 in the sample")
        .rd_spend = None;
    let data = temp();
    let mut h = window(doc, data.path(), Page::Results);
    h.run();
    assert!(
        h.query_all_by_label_contains("研发经费 › 2024 年研发费用")
            .next()
            .is_some(),
        "the missing 2024 R&D spending is not named by its page and label"
    );
    assert_eq!(
        h.query_all_by_label_contains("years.2024.rd_spend").count(),
        0,
        "a raw field id is shown"
    );
}

#[test]
fn tier_toggles_tell_assistive_technology_their_name_and_state() {
    use eframe::egui::accesskit::Role;
    use egui_kittest::kittest::NodeT as _;
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Results);
    h.run();
    let expanded = |h: &Harness<'_, App>| {
        h.get_by_role_and_label(Role::DisclosureTriangle, "市级  市级企业技术中心")
            .accesskit_node()
            .data()
            .is_expanded()
    };
    assert_eq!(expanded(&h), Some(false), "starts closed");
    h.get_by_role_and_label(Role::DisclosureTriangle, "市级  市级企业技术中心")
        .click();
    h.run();
    assert_eq!(expanded(&h), Some(true), "open after a click");
}

#[test]
fn the_company_page_warns_under_a_name_the_font_cannot_print() {
    let mut doc = sample();
    doc.company.name = "赣州科技😀有限公司".into();
    let data = temp();
    let dir = data.path().to_path_buf();
    // The emoji itself is drawn as a box, which the harness otherwise refuses.
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .with_context_setup(fonts::install)
        .build_eframe(move |cc| {
            let mut app = App::for_tests(&cc.egui_ctx, doc, DataDir::at(dir));
            app.set_today(sample_date());
            app.page = Page::Step(Step::Company);
            app
        });
    h.run();
    let warning = h.get_by_label_contains("U+1F600");
    let field = h.get_by_label("企业名称");
    // Under the field, not off to the side.
    assert!(
        warning.rect().top() >= field.rect().bottom(),
        "{:?} {:?}",
        warning.rect(),
        field.rect()
    );
    assert!(warning.rect().left() >= field.rect().left() - 1.0);
}

// ─────────────────── held, not applicable, months and tracks ───────────────────

/// The tier `id` and its title in Chinese.
fn tier_title(h: &Harness<'_, App>, id: &str) -> String {
    h.state()
        .session
        .evaluation()
        .and_then(|e| e.tier(id))
        .unwrap_or_else(|| panic!("tier {id} is evaluated"))
        .title
        .zh
        .to_string()
}

/// The labels drawn on the same line as the header of tier `id` on the
/// results page, scrolled into view (egui leaves text out of sight out of
/// the accessibility tree).
fn tier_header_labels(h: &mut Harness<'_, App>, id: &str) -> Vec<String> {
    use egui_kittest::kittest::NodeT as _;
    let lang = h.state().lang;
    let ev = h.state().session.evaluation().expect("an evaluation");
    let t = ev.tier(id).expect("the tier");
    let header = format!("{}  {}", t.ladder.get(lang), t.title.get(lang));
    let toggle = |h: &Harness<'_, App>| {
        h.get_by_role_and_label(eframe::egui::accesskit::Role::DisclosureTriangle, &header)
            .rect()
    };
    h.get_by_role_and_label(eframe::egui::accesskit::Role::DisclosureTriangle, &header)
        .scroll_to_me();
    h.run();
    let row = toggle(h);
    // Text is in the text runs of labels.
    h.query_all_by(|n| {
        n.role() == eframe::egui::accesskit::Role::TextRun
            && n.bounding_box().is_some_and(|r| {
                let mid = f64::midpoint(r.y0, r.y1);
                mid > f64::from(row.top()) - 2.0 && mid < f64::from(row.bottom()) + 2.0
            })
    })
    .filter_map(|n| n.accesskit_node().value())
    .collect()
}

#[test]
fn the_niche_month_is_typed_and_only_1_to_12_is_taken() {
    let mut doc = sample();
    doc.direction.niche_entry_month = None;
    let data = temp();
    let mut h = window(doc, data.path(), Page::Step(Step::Direction));
    // Only the year: the years in the niche are a range.
    assert!(shows(&h, "只知年份"), "no range while the month is empty");

    retype(&mut h, "进入细分市场月份", "13");
    assert_eq!(h.state().session.doc.direction.niche_entry_month, None);
    assert!(shows(&h, "月份应为 1–12"), "13 is not flagged");

    retype(&mut h, "进入细分市场月份", "7");
    let app = h.state();
    assert_eq!(app.session.doc.direction.niche_entry_month, Some(7));
    assert!(app.session.is_dirty());
    assert!(!shows(&h, "月份应为 1–12"));
    assert!(
        !shows(&h, "只知年份"),
        "still a range with the month entered"
    );
    // The field shows what the document holds.
    let field = h.get_by_label("进入细分市场月份");
    assert_eq!(field.value().as_deref(), Some("7"));
}

#[test]
fn an_institution_track_is_chosen_by_keyboard() {
    use innocheck::model::{InstitutionKind, InstitutionLevel, ProvincialTrack};
    // The sample's municipal center, made provincial, track not entered.
    let mut doc = sample();
    let inst = &mut doc.conditions.institutions[0];
    assert_eq!(inst.kind, InstitutionKind::TechCenter);
    inst.level = InstitutionLevel::Provincial;
    inst.track = None;
    let data = temp();
    let mut h = window(doc, data.path(), Page::Step(Step::Conditions));
    let combo = "认定部门";
    // An industrial firm's center is taken to be on the 省工信厅 track.
    assert!(shows(&h, "按所属行业视为省工信厅"));

    h.get_by_label(combo).focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("省发改委").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();

    let app = h.state();
    assert_eq!(
        app.session.doc.conditions.institutions[0].track,
        Some(ProvincialTrack::Ndrc)
    );
    assert!(app.session.is_dirty());
    assert!(!shows(&h, "按所属行业视为"), "the hint stays once chosen");
    // The month of the same institution is typed next to its year.
    retype(&mut h, "认定月份", "9");
    assert_eq!(
        h.state().session.doc.conditions.institutions[0].month,
        Some(9)
    );
}

#[test]
fn an_industrial_firm_sees_the_ndrc_track_as_not_applicable_with_no_next_step() {
    const NDRC: &str = "tc.jx.ndrc.2024";
    let data = temp();
    let mut h = tall_window(sample(), data.path(), Page::Results);
    h.run();
    assert_eq!(verdict(&h, NDRC), Verdict::NotApplicable);
    let title = tier_title(&h, NDRC);

    // 不适用 on the tier's header, and the reason under it without opening it.
    let header = tier_header_labels(&mut h, NDRC);
    assert!(header.iter().any(|l| l == "不适用"), "header: {header:?}");
    assert!(
        !header.iter().any(|l| l == "尚不符合"),
        "header: {header:?}"
    );
    assert!(shows(&h, "不适用（行业）"), "the reason is not shown");

    // Never a next step: neither in the evaluation nor on the page.
    let ev = h.state().session.evaluation().expect("an evaluation");
    assert!(
        ev.progress
            .iter()
            .flat_map(|p| &p.next)
            .all(|n| n.tier != NDRC),
        "the 省发改委 track is offered as a next step"
    );
    let miit = tier_title(&h, "tc.jx.miit.2020");
    assert!(
        h.query_all_by_label_contains(&format!("→ {miit}"))
            .next()
            .is_some(),
        "下一步怎么做 does not list the track that applies, {miit}"
    );
    assert!(
        h.query_all_by_label_contains(&format!("→ {title}"))
            .next()
            .is_none(),
        "下一步怎么做 lists {title}"
    );
    // Opened, it has nothing to fail.
    let toggle = format!("省级  {title}");
    h.get_by_role_and_label(eframe::egui::accesskit::Role::DisclosureTriangle, &toggle)
        .click();
    h.run();
    assert!(shows(&h, "该层级不适用于本企业"));
}

#[test]
fn a_held_provincial_center_reads_held_never_not_eligible() {
    const MIIT: &str = "tc.jx.miit.2020";
    const NDRC: &str = "tc.jx.ndrc.2024";
    let doc = storage::sample("xinyu-materials.ron").expect("bundled sample");
    let data = temp();
    let mut h = tall_window(doc, data.path(), Page::Results);
    h.run();
    let ev = h.state().session.evaluation().expect("an evaluation");
    assert!(ev.tier(MIIT).expect("the 省工信厅 tier").held);
    assert_eq!(verdict(&h, NDRC), Verdict::NotApplicable);

    let header = tier_header_labels(&mut h, MIIT);
    assert!(header.iter().any(|l| l == "已持有"), "header: {header:?}");
    assert!(
        !header.iter().any(|l| l == "尚不符合"),
        "a held center reads 尚不符合: {header:?}"
    );
    // The other track does not apply because of the center held.
    assert!(shows(&h, "已持有省级企业技术中心"));

    // Its criteria are still there, as context for the next review.
    let toggle = format!("省级  {}", tier_title(&h, MIIT));
    h.get_by_role_and_label(eframe::egui::accesskit::Role::DisclosureTriangle, &toggle)
        .click();
    h.run();
    assert!(shows(&h, "供下次复核参考"));
    assert!(
        h.query_all_by_label_contains("技术开发仪器设备原值不低于")
            .next()
            .is_some(),
        "the held tier's criteria are not listed"
    );

    // English says held too.
    h.state_mut().lang = Lang::En;
    h.run();
    let header = tier_header_labels(&mut h, MIIT);
    assert!(header.iter().any(|l| l == "held"), "header: {header:?}");
    assert!(!header.iter().any(|l| l == "not eligible"), "{header:?}");
}

#[test]
fn a_duration_known_to_the_year_says_which_month_decides_and_routes_are_words() {
    // Entered the niche in 2023, month unknown: 1.1–2 years to the end of
    // 2024, against the 专精特新 "2 years or more".
    let mut doc = sample();
    doc.direction.niche_entry_year = Some(2023);
    doc.direction.niche_entry_month = None;
    let data = temp();
    let mut h = tall_window(doc, data.path(), Page::Results);
    h.run();
    expand_all(&mut h);
    assert!(
        h.query_all_by_label_contains("请补填月份（2023 年 1 月或更早")
            .next()
            .is_some(),
        "the review does not say which month decides"
    );
    // Routes in words: no raw route id after 通过途径.
    let routes: Vec<String> = h
        .query_all_by(|n| {
            n.role() == eframe::egui::accesskit::Role::TextRun
                && n.value().is_some_and(|v| v.contains("通过途径"))
        })
        .filter_map(|n| {
            use egui_kittest::kittest::NodeT as _;
            n.accesskit_node().value()
        })
        .collect();
    assert!(!routes.is_empty(), "no route shown");
    for r in &routes {
        let words = r.rsplit('：').next().unwrap_or_default();
        assert!(
            !words
                .chars()
                .all(|c| c.is_ascii_lowercase() || "._".contains(c)),
            "a raw route id is shown: {r}"
        );
    }
    // Score bands in the field help are words, never interval notation.
    assert_eq!(
        h.query_all_by_label_contains("−∞").count(),
        0,
        "interval notation on the results page"
    );
}

#[test]
fn an_ip_grade_is_chosen_and_organisation_points_typed_by_keyboard() {
    use innocheck::model::Grade;
    let data = temp();
    let mut h = tall_window(sample(), data.path(), Page::Step(Step::IpAwards));
    assert!(shows(&h, "高新技术企业认定：自评声明"));

    h.get_by_label("知识产权的技术先进程度（A–E 档）").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("B（5–6 分）").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().session.doc.high_tech.ip_advancement,
        Some(Grade::B)
    );

    let org = "内部研发机构与产学研合作（0–6 分）";
    retype(&mut h, org, "5");
    let app = h.state();
    assert_eq!(app.session.doc.high_tech.org_institution, Some(5));
    assert!(app.session.is_dirty());
    assert_eq!(h.get_by_label(org).value().as_deref(), Some("5"));
}

#[test]
fn organisation_points_above_the_maximum_are_refused() {
    let data = temp();
    let mut h = tall_window(sample(), data.path(), Page::Step(Step::IpAwards));
    let talent = "人才培养、引进与绩效评价制度（0–4 分）";
    retype(&mut h, talent, "3");
    assert_eq!(h.state().session.doc.high_tech.org_talent, Some(3));
    assert!(!shows(&h, "应为 0–4 的整数"));

    retype(&mut h, talent, "5");
    assert_eq!(
        h.state().session.doc.high_tech.org_talent,
        Some(3),
        "5 is above the maximum of 4 and must not be stored"
    );
    assert!(shows(&h, "应为 0–4 的整数"), "5 is not flagged");
    // The refused text stays in the field, as typed.
    assert_eq!(h.get_by_label(talent).value().as_deref(), Some("5"));

    retype(&mut h, talent, "2.5");
    assert_eq!(h.state().session.doc.high_tech.org_talent, Some(3));
    h.get_by_label(talent).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(h.state().session.doc.high_tech.org_talent, None);
    assert!(!shows(&h, "应为 0–4 的整数"));
}

#[test]
fn the_high_tech_inputs_help_names_the_criteria_that_read_them() {
    let registry = Registry::bundled().expect("bundled packs");
    let packs: Vec<_> = registry.packs().iter().collect();
    for (field, pack) in [
        ("high_tech.field_declared", "hnte."),
        ("high_tech.ip_advancement", "hnte."),
        ("high_tech.ip_core_support", "hnte."),
        ("high_tech.ip_acquisition", "hnte."),
        ("high_tech.drafted_standards", "hnte."),
        ("high_tech.org_rd_management", "hnte."),
        ("high_tech.org_institution", "hnte."),
        ("high_tech.org_conversion", "hnte."),
        ("high_tech.org_talent", "hnte."),
        ("direction.led_standard_5y", "tsme."),
        ("compliance.research_misconduct", "tsme."),
    ] {
        let readers = innocheck::rules::criteria_reading(&packs, field);
        assert!(
            readers.iter().any(|c| c.id.starts_with(pack)),
            "{field} is read by no {pack}* criterion"
        );
    }
}

#[test]
fn the_results_list_the_high_tech_and_tech_sme_programmes() {
    let data = temp();
    let mut h = tall_window(sample(), data.path(), Page::Results);
    h.run();
    for name in ["高新技术企业", "科技型中小企业"] {
        assert!(
            h.query_all_by_label_contains(name).next().is_some(),
            "{name} is not on the results page"
        );
    }
    // One tier each: nothing to say about "any tier".
    assert!(h.query_all_by_label("尚未达到").next().is_some());
    let ev = h.state().session.evaluation().expect("evaluated");
    assert!(ev.tier("hnte.2016").is_some());
    assert!(ev.tier("tsme.2017").is_some());
}

// ───────────────────────────── one as-of date ─────────────────────────────

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// The value shown by the date input labelled 评价基准日 on the page shown.
fn as_of_shown(h: &Harness<'_, App>) -> String {
    h.get_by_label("评价基准日").value().unwrap_or_default()
}

#[test]
fn the_as_of_date_is_one_date_on_both_pages_and_moving_the_years_is_said() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Results);
    h.run();
    assert_eq!(as_of_shown(&h), "2025-06-30");
    assert!(!shows(&h, "年度列已改为"));

    // Typed on the results page: the document's date, evaluated with it.
    retype(&mut h, "评价基准日", "2026-06-30");
    assert_eq!(h.state().session.doc.as_of, Some(date(2026, 6, 30)));
    assert_eq!(
        h.state().session.evaluation().map(|e| e.as_of),
        Some(date(2026, 6, 30))
    );
    // The columns are now 2025–2023: the sample's 2022 figures are not read, and it says so.
    assert!(
        shows(&h, "年度列已改为 2025–2023；2022 年的数据未计入评价"),
        "the results page does not say the years moved"
    );

    // The company page shows the same date and the same notice.
    h.state_mut()
        .actions
        .push(Action::Show(Page::Step(Step::Company)));
    h.run();
    assert_eq!(as_of_shown(&h), "2026-06-30");
    assert!(shows(&h, "年度列已改为 2025–2023"));

    // The finance page keeps the 2022 figures in view, flagged.
    h.state_mut()
        .actions
        .push(Action::Show(Page::Step(Step::Finance)));
    h.run();
    assert!(shows(&h, "未计入评价的年度数据"));
    assert!(shows(&h, "删除 2022 年的全部数据"));
    assert!(shows(&h, "2025 (Y−1)"), "the columns did not move");

    // Typed back on the company page: the results page follows.
    h.state_mut()
        .actions
        .push(Action::Show(Page::Step(Step::Company)));
    h.run();
    retype(&mut h, "评价基准日", "2025-06-30");
    h.state_mut().actions.push(Action::Show(Page::Results));
    h.run();
    assert_eq!(as_of_shown(&h), "2025-06-30");
    assert_eq!(
        h.state().session.evaluation().map(|e| e.as_of),
        Some(date(2025, 6, 30))
    );
    assert!(!shows(&h, "年度列已改为"), "back to the file's columns");
    assert!(!shows(&h, "未计入评价"));
}

// ───────────────────────────── the issue list ─────────────────────────────

/// Clicks the button whose name contains `text`.
fn click_button_containing(h: &mut Harness<'_, App>, text: &str) {
    use eframe::egui::accesskit::Role;
    h.query_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.contains(text)))
        .next()
        .unwrap_or_else(|| panic!("a button containing {text}"))
        .click();
}

#[test]
fn the_issue_count_lists_every_validate_issue_and_takes_the_user_to_the_field() {
    let mut doc = sample();
    // Figures for a year not ended by the as-of date, and a negative revenue.
    doc.years.push(innocheck::model::FiscalYear {
        year: 2025,
        revenue: Some(100.0),
        ..Default::default()
    });
    doc.years
        .iter_mut()
        .find(|y| y.year == 2023)
        .expect("2023 in the sample")
        .revenue = Some(-5.0);
    let issues = innocheck::model::validate(&doc, sample_date());
    assert!(issues.len() >= 2, "{issues:?}");
    let data = temp();
    let mut h = window(doc, data.path(), Page::Results);
    h.run();

    h.get_by_label_contains("处输入错误").click();
    h.run();
    assert!(h.state().issues_open(), "the count is not a button");
    for i in &issues {
        assert!(
            shows(&h, &i.zh),
            "the list lacks a validate issue: {} {}",
            i.field,
            i.zh
        );
    }

    // A shortcut does nothing under the list; Escape closes it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(h.state().issues_open());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().issues_open(), "Escape does not close the list");
    assert!(
        !h.state().modal_open(),
        "Ctrl+P under the list opened a dialog"
    );

    // The negative 2023 revenue: the finance page, that cell focused.
    h.get_by_label_contains("处输入错误").click();
    h.run();
    click_button_containing(&mut h, "2023 年营业收入");
    h.run();
    h.run();
    assert_eq!(h.state().page, Page::Step(Step::Finance));
    let focused = h
        .query_all_by_label("营业收入")
        .find(egui_kittest::Node::is_focused)
        .expect("a focused 营业收入 input");
    assert_eq!(focused.value().as_deref(), Some("-5"));

    // The unfinished year 2025: the finance page, where its figures are listed.
    h.state_mut().actions.push(Action::Show(Page::Results));
    h.run();
    h.get_by_label_contains("处输入错误").click();
    h.run();
    click_button_containing(&mut h, "2025 年度尚未结束");
    h.run();
    h.run();
    assert_eq!(h.state().page, Page::Step(Step::Finance));
    assert!(shows(&h, "删除 2025 年的全部数据"));
}

#[test]
fn every_issue_field_of_the_samples_has_a_page() {
    for (field, page) in [
        ("company.uscc", Page::Step(Step::Company)),
        ("as_of", Page::Step(Step::Company)),
        ("years.2024.revenue", Page::Step(Step::Finance)),
        ("years.2024.rd_staff", Page::Step(Step::Staff)),
        ("years.2024.rd_spend", Page::Step(Step::Funding)),
        ("years.2025", Page::Step(Step::Finance)),
        (
            "conditions.institutions.0.name",
            Page::Step(Step::Conditions),
        ),
        ("staff.senior_experts", Page::Step(Step::Staff)),
        ("direction.niche_rank", Page::Step(Step::Direction)),
        ("projects.0.name", Page::Step(Step::Projects)),
        ("awards.1.year", Page::Step(Step::IpAwards)),
        ("maker_china.0.year", Page::Step(Step::IpAwards)),
        ("titles.0.valid_until", Page::Step(Step::IpAwards)),
        ("high_tech.org_talent", Page::Step(Step::IpAwards)),
        ("manual.miit_platform_score", Page::Step(Step::Compliance)),
    ] {
        assert_eq!(Page::of_field(field), page, "{field}");
    }
}

// ───────────────────────────── the path dialog ─────────────────────────────

#[test]
fn the_path_dialog_lists_ron_files_and_folders_enter_confirms_escape_closes() {
    let data = temp();
    let docs = temp();
    let file = sample_file(docs.path(), "公司 甲.ron");
    let folder = file.parent().expect("the file's folder");
    std::fs::create_dir(folder.join("资料 2024")).expect("a folder");
    std::fs::write(folder.join("说明.txt"), "x").expect("a text file");
    let mut h = started_in_app(data.path());
    h.get_by_label("打开文件…").click();
    h.run();
    retype(&mut h, "路径", &format!("{}/", docs.path().display()));
    // Into the folder with a Chinese name.
    h.get_by_label("申报材料 2025/").click();
    h.run();
    assert!(shows(&h, "公司 甲.ron"), "the .ron file is not listed");
    assert!(shows(&h, "资料 2024/"), "the folder is not listed");
    assert!(!shows(&h, "说明.txt"), "a file of another type is listed");
    let dir = format!("{}/", folder.display());

    // Into the folder and back up.
    h.get_by_label("资料 2024/").click();
    h.run();
    assert!(shows(&h, "此文件夹中没有可选的文件"));
    h.get_by_label_contains("上一级").click();
    h.run();

    // Escape closes the dialog; nothing opened.
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().modal_open(), "Escape does not close the dialog");
    assert!(h.state().session.path.is_none());

    // Again with the keyboard: Ctrl+O, pick the file, Enter.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    retype(&mut h, "路径", &dir);
    h.get_by_label("公司 甲.ron").click();
    h.run();
    // A shortcut does nothing under the dialog.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let app = h.state();
    assert!(app.error.is_none(), "{:?}", app.error);
    assert!(
        !app.modal_open(),
        "a dialog is still open (Ctrl+P went through?)"
    );
    assert_eq!(app.session.path.as_deref(), Some(file.as_path()));
}

#[test]
fn save_changes_is_asked_once_when_opening_another_file() {
    let data = temp();
    let docs = temp();
    let file = sample_file(docs.path(), "另一家.ron");
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    retype(&mut h, "企业名称", "改过的名称");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(shows(&h, "保存更改？"));
    h.get_by_label("不保存").click();
    h.run();
    retype(&mut h, "路径", file.to_str().expect("utf-8 path"));
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert!(!shows(&h, "保存更改？"), "asked again after the path");
    assert_eq!(h.state().session.path.as_deref(), Some(file.as_path()));
}

// ───────────────────────────── undo ─────────────────────────────

#[test]
fn undo_takes_back_one_field_at_a_time_however_fast_the_typing() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    let original = h.state().session.doc.company.clone();
    // Two fields in quick succession (a few frames, well under a second).
    retype(&mut h, "企业名称", "甲公司");
    retype(&mut h, "统一社会信用代码", USCC_BAD);
    assert_eq!(h.state().session.doc.company.name, "甲公司");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let c = &h.state().session.doc.company;
    assert_eq!(c.uscc, original.uscc, "the second field is not undone");
    assert_eq!(c.name, "甲公司", "one undo took back both fields");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.doc.company.name, original.name);
    assert!(!h.state().session.is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    let c = &h.state().session.doc.company;
    assert_eq!(
        (c.name.as_str(), c.uscc.as_str()),
        ("甲公司", original.uscc.as_str())
    );
}

// ───────────────────────────── glyphs, numbers, English ─────────────────────────────

#[test]
fn a_bad_number_is_said_in_words_the_font_has() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Funding));
    h.query_all_by_label("研发费用")
        .find(|n| n.value().as_deref() == Some("1310"))
        .expect("the 2024 研发费用 input")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_all_by_label("研发费用")
        .find(egui_kittest::Node::is_focused)
        .expect("focused")
        .type_text("12万");
    h.run();
    // The harness panics on a glyph no font has; the words are there.
    assert!(shows(&h, "请输入数字"));
}

#[test]
fn growth_is_not_asked_for_a_year_without_a_column() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Finance));
    h.run();
    assert!(
        !shows(&h, "2021 年主营业务收入"),
        "the finance page asks for 2021, which has no column"
    );
}

#[test]
fn a_preference_that_cannot_be_saved_is_said_with_its_file() {
    let dir = temp();
    // The data folder is a file: nothing can be written under it.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "x").expect("a file");
    let mut h = window(sample(), &blocked, Page::Results);
    h.state_mut().actions.push(Action::SetLang(Lang::En));
    h.run();
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(
        status.contains("Could not save the settings") && status.contains("not-a-folder"),
        "{status}"
    );
}

/// English never writes a calendar year as a duration ("2009 years",
/// "Competition year 2021 years"), on any page of any sample.
#[test]
fn english_never_writes_a_calendar_year_as_a_duration() {
    let data = temp();
    for (name, _) in storage::SAMPLES {
        let doc = storage::sample(name).expect("bundled sample");
        let mut h = tall_window(doc, data.path(), Page::Results);
        h.state_mut().lang = Lang::En;
        h.run();
        for page in Page::ALL {
            h.state_mut().actions.push(Action::Show(page));
            h.run();
            expand_all(&mut h);
            for n in h.query_all_by(|_| true) {
                let text = format!(
                    "{} {}",
                    n.accesskit_node().label().unwrap_or_default(),
                    n.accesskit_node().value().unwrap_or_default()
                );
                let words: Vec<&str> = text.split_whitespace().collect();
                for pair in words.windows(2) {
                    let is_year = pair[0].len() == 4
                        && pair[0].chars().all(|c| c.is_ascii_digit())
                        && (pair[0].starts_with("19") || pair[0].starts_with("20"));
                    assert!(
                        !(is_year && pair[1].starts_with("year")),
                        "{name} {}: {text}",
                        page.slug()
                    );
                }
            }
        }
    }
}

/// A long institution or award name wraps in its field, whole, and shows
/// whole on hover; nothing is cut to "…有限公司技".
#[test]
fn long_chinese_names_wrap_in_their_fields_and_show_whole_on_hover() {
    const LONG: &str =
        "南昌市企业技术中心（江西洪岳精密机械有限公司技术中心暨省级工程机械液压件工程研究中心）";
    let mut doc = sample();
    doc.conditions.institutions[0].name = LONG.to_string();
    let data = temp();
    let mut h = window_sized(
        doc,
        data.path(),
        Page::Step(Step::Conditions),
        [1024.0, 700.0],
    );
    h.run();
    let field = h.get_by_label("名称");
    assert_eq!(field.value().as_deref(), Some(LONG));
    let line = h.get_by_label("类别").rect().height();
    assert!(
        field.rect().height() > 1.5 * line,
        "the name does not wrap: {:?} (a row is {line})",
        field.rect()
    );
    assert_eq!(
        h.query_all_by_label(LONG).count(),
        0,
        "shown whole before the hover"
    );
    h.get_by_label("名称").hover();
    h.run();
    h.run();
    assert!(
        h.query_all_by_label(LONG).count() >= 1,
        "no hover with the whole name"
    );
}

/// Escape closes every kind of modal, the topmost first, and no shortcut
/// acts under one.
#[test]
fn escape_closes_every_modal_and_shortcuts_wait_under_one() {
    let data = temp();
    let mut h = window(sample(), data.path(), Page::Step(Step::Company));
    retype(&mut h, "企业名称", "改过的名称");
    // "Save changes?" under Ctrl+N, then an error over it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(shows(&h, "保存更改？"));
    h.state_mut().error = Some("测试错误".to_string());
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(!shows(&h, "打开文件"), "Ctrl+O acted under a modal");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().error.is_none(), "Escape does not close the error");
    assert!(
        shows(&h, "保存更改？"),
        "Escape closed more than the topmost modal"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        !h.state().modal_open(),
        "Escape does not close the question"
    );
    // Cancelled: the document is untouched.
    assert_eq!(h.state().session.doc.company.name, "改过的名称");
    // The save-as dialog of "Save" then Escape: nothing waits on the save.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(h.state().modal_open());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().modal_open());
}

/// The count "N 项待解决" above each next tier on the results page agrees with
/// the list under it: the criteria short are numbered 1…N, the score items
/// that could earn points are grouped under their score, not numbered.
#[test]
fn the_count_to_resolve_equals_the_numbered_entries_under_it() {
    use egui_kittest::kittest::NodeT as _;
    let data = temp();
    // ganpo-smart: one criterion short of 专精特新 and five score items that
    // could make up its point; the other samples for good measure.
    for (name, lang) in [
        "ganpo-smart.ron",
        "hongdu-precision.ron",
        "xinyu-materials.ron",
    ]
    .into_iter()
    .flat_map(|n| [(n, Lang::Zh), (n, Lang::En)])
    {
        let doc = storage::sample(name).expect("bundled sample");
        let mut h = tall_window(doc, data.path(), Page::Results);
        h.state_mut().lang = lang;
        h.run();
        let suffix = format!(" {}", lang.t(innocheck::i18n::pages::results::TO_RESOLVE));
        // (top, text) of every count and every entry number, top to bottom.
        let mut marks: Vec<(f64, String)> = h
            .query_all_by(|n| {
                n.role() == eframe::egui::accesskit::Role::Label
                    && n.value().is_some_and(|l| {
                        let l = l.as_str();
                        l.strip_suffix(&suffix)
                            .or_else(|| l.strip_suffix('.'))
                            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
                    })
            })
            .filter_map(|n| {
                let top = f64::from(n.rect().top());
                Some((top, n.accesskit_node().value()?.clone()))
            })
            .collect();
        marks.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
        for (_, label) in &marks {
            if let Some(n) = label.strip_suffix(&suffix) {
                groups.push((n.parse().expect("a count"), Vec::new()));
            } else if let (Some(g), Some(k)) = (groups.last_mut(), label.strip_suffix('.')) {
                g.1.push(k.parse().expect("an entry number"));
            }
        }
        assert!(!groups.is_empty(), "{name} {lang:?}: no count shown");
        assert!(
            groups.iter().any(|(n, _)| *n > 0),
            "{name} {lang:?}: the sample has criteria to resolve"
        );
        for (n, entries) in &groups {
            assert_eq!(
                entries,
                &(1..=*n).collect::<Vec<_>>(),
                "{name} {lang:?}: \"{n}{suffix}\" above entries {entries:?}"
            );
        }
        // The score items are still there, grouped under their score.
        let ev = h.state().session.evaluation().expect("an evaluation");
        let has_levers = ev
            .progress
            .iter()
            .flat_map(|p| &p.next)
            .any(|n| n.score_levers().next().is_some());
        if has_levers {
            let lead = lang.t(innocheck::i18n::report::LEVERS);
            let pending = lang.t(innocheck::i18n::report::LEVERS_PENDING);
            let named = |text: &str| h.query_all_by_label_contains(text).next().is_some();
            assert!(
                named(lead) || named(pending),
                "{name} {lang:?}: the score items are named"
            );
        }
    }
}
