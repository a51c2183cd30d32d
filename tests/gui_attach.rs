#![cfg(feature = "gui")]
//! Attaching evidence in the window: "添加材料…" through the in-app path
//! field, the item's status and the tier's readiness, a file attached twice
//! refused by name, a changed file shown as such, 移除, and undo of both.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innocheck::gui::action::Action;
use innocheck::gui::app::App;
use innocheck::gui::fonts;
use innocheck::gui::pages::Page;
use innocheck::gui::prefs::DataDir;
use innocheck::storage::{self, DEFAULT_SAMPLE};

fn window(data: &Path) -> Harness<'static, App> {
    let data = data.to_path_buf();
    Harness::builder()
        .with_size([1280.0, 9000.0])
        .with_context_setup(fonts::install)
        .build_eframe(move |cc| {
            let doc = storage::sample(DEFAULT_SAMPLE).expect("sample");
            let mut app = App::for_tests(&cc.egui_ctx, doc, DataDir::at(data));
            app.set_today(NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
            app.page = Page::Results;
            app
        })
}

/// A saved assessment with a scan beside it, in `dir`.
fn workspace(dir: &Path) -> (PathBuf, PathBuf) {
    let file = dir.join("公司.ron");
    storage::save(&storage::sample(DEFAULT_SAMPLE).expect("sample"), &file).expect("saved");
    std::fs::create_dir(dir.join("扫描件")).expect("mkdir");
    let scan = dir.join("扫描件/审计报告.pdf");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidence/three-pages.pdf"),
        &scan,
    )
    .expect("copy scan");
    (file, scan)
}

fn shows(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn attach_through_the_path_field_then_remove_and_undo() {
    let data = tempfile::tempdir().expect("dir");
    let docs = tempfile::tempdir().expect("dir");
    let (file, scan) = workspace(docs.path());
    let mut h = window(data.path());
    h.state_mut().actions.push(Action::OpenPath(file.clone()));
    h.run();
    assert!(shows(&h, "证明材料"));
    assert!(
        shows(&h, "材料齐全度 0 / "),
        "the figure before anything is attached"
    );

    // "添加材料…" on the first item of the section opens the path field.
    h.get_all_by_label("添加材料…")
        .next()
        .expect("an item to attach to")
        .click();
    h.run();
    h.get_by_label("路径").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("路径")
        .type_text(&scan.display().to_string());
    h.run();
    h.get_by_label("确定").click();
    h.run();
    h.run();
    let attached = h.state().session.doc.attachments.clone();
    assert_eq!(attached.len(), 1, "{:?}", h.state().error);
    assert_eq!(attached[0].path, "扫描件/审计报告.pdf");
    assert_eq!(attached[0].pages, Some(3));
    assert!(shows(&h, "扫描件/审计报告.pdf"));
    assert!(shows(&h, "已附"));
    assert!(shows(&h, "材料齐全度 1 / "), "the tier counts it");
    assert!(
        h.state().session.is_dirty(),
        "saved with the file, not before"
    );

    // A note typed beside the file is part of the document.
    h.get_by_label("备注").focus();
    h.run();
    h.get_by_label("备注").type_text("盖章版");
    h.run();
    assert_eq!(h.state().session.doc.attachments[0].note, "盖章版");
    h.state_mut().actions.push(Action::Undo);
    h.run();
    assert_eq!(h.state().session.doc.attachments[0].note, "");

    // The same file again on the same item: refused, naming the file.
    let again = Action::AttachPaths {
        criterion: attached[0].criterion.clone(),
        item: attached[0].item,
        paths: vec![scan.clone()],
    };
    h.state_mut().actions.push(again);
    h.run();
    let error = h.state().error.clone().expect("an error");
    assert!(
        error.contains("已附在这一项") && error.contains("审计报告.pdf"),
        "{error}"
    );
    assert_eq!(h.state().session.doc.attachments.len(), 1);
    h.state_mut().error = None;

    // A folder is refused with its reason.
    h.state_mut().actions.push(Action::AttachPaths {
        criterion: attached[0].criterion.clone(),
        item: attached[0].item,
        paths: vec![docs.path().join("扫描件")],
    });
    h.run();
    assert!(
        h.state()
            .error
            .clone()
            .is_some_and(|e| e.contains("文件夹"))
    );
    h.state_mut().error = None;

    // The scan is edited outside: checked again, it shows as changed.
    std::fs::write(&scan, b"%PDF-1.4 another file").expect("write");
    h.state_mut().actions.push(Action::RecheckAttachments);
    h.run();
    h.run();
    assert!(shows(&h, "文件已变更"));
    assert!(shows(&h, "材料齐全度 0 / "));

    // Saved: the file holds the attachment; removed: gone; undo: back.
    h.state_mut().actions.push(Action::Save);
    h.run();
    let text = std::fs::read_to_string(&file).expect("saved");
    assert!(text.contains("扫描件/审计报告.pdf"), "{text}");
    h.get_by_label("移除").click();
    h.run();
    assert!(h.state().session.doc.attachments.is_empty());
    assert!(!shows(&h, "扫描件/审计报告.pdf"));
    h.state_mut().actions.push(Action::Undo);
    h.run();
    assert_eq!(h.state().session.doc.attachments, attached);
    assert!(!h.state().session.is_dirty(), "undone to the saved content");
    h.state_mut().actions.push(Action::Undo);
    h.run();
    assert!(
        h.state().session.doc.attachments.is_empty(),
        "the attach undone"
    );
    h.state_mut().actions.push(Action::Redo);
    h.run();
    assert_eq!(h.state().session.doc.attachments, attached);
}

#[test]
fn a_document_without_a_file_asks_to_be_saved_first() {
    let data = tempfile::tempdir().expect("dir");
    let mut h = window(data.path());
    h.run();
    h.get_all_by_label("添加材料…")
        .next()
        .expect("an item")
        .click();
    h.run();
    let error = h.state().error.clone().expect("asked to save first");
    assert!(error.contains("请先保存"), "{error}");
    assert!(h.state().session.doc.attachments.is_empty());
}

#[test]
fn the_file_menu_opens_the_evidence_section() {
    let data = tempfile::tempdir().expect("dir");
    let mut h = window(data.path());
    h.state_mut().page = Page::Step(innocheck::model::Step::Company);
    h.run();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("添加材料…").click();
    // The section is scrolled into view over a few frames (an animation).
    h.run_steps(12);
    assert_eq!(h.state().page, Page::Results);
    assert!(shows(&h, "证明材料"));
}

/// A file dropped by the desktop (only its path matters here).
#[derive(Debug)]
struct Dropped(PathBuf);

impl eframe::egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_file_dropped_onto_an_item_is_attached_to_it() {
    let data = tempfile::tempdir().expect("dir");
    let docs = tempfile::tempdir().expect("dir");
    let (file, scan) = workspace(docs.path());
    let mut h = window(data.path());
    h.state_mut().actions.push(Action::OpenPath(file));
    h.run();
    let item = "研发仪器设备台账及购置发票";
    let at = h
        .get_all_by_label(item)
        .next()
        .expect("the item is listed")
        .rect()
        .center();
    h.hover_at(at);
    h.run();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(scan)));
    h.run();
    let attached = &h.state().session.doc.attachments;
    assert_eq!(attached.len(), 1, "{:?}", h.state().error);
    assert!(
        attached[0].criterion.ends_with(".equipment"),
        "{attached:?}"
    );
    assert_eq!(attached[0].path, "扫描件/审计报告.pdf");

    // Dropped elsewhere: nothing attached, and the window says where to drop.
    h.hover_at(eframe::egui::pos2(5.0, 5.0));
    h.run();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidence/owner-only.pdf"),
        )));
    h.run_steps(12);
    assert_eq!(h.state().session.doc.attachments.len(), 1);
    assert!(
        h.state()
            .status()
            .is_some_and(|s| s.contains("拖到“证明材料”中的某一项上")),
        "{:?}",
        h.state().status()
    );
}

#[test]
fn save_as_into_another_folder_keeps_naming_the_same_files() {
    let data = tempfile::tempdir().expect("dir");
    let docs = tempfile::tempdir().expect("dir");
    let (file, scan) = workspace(docs.path());
    let mut h = window(data.path());
    h.state_mut().actions.push(Action::OpenPath(file));
    h.run();
    let criterion = "tc.jx.miit.2020.equipment".to_string();
    h.state_mut().actions.push(Action::AttachPaths {
        criterion,
        item: 0,
        paths: vec![scan],
    });
    h.run();
    assert_eq!(
        h.state().session.doc.attachments.len(),
        1,
        "{:?}",
        h.state().error
    );
    std::fs::create_dir(docs.path().join("2026")).expect("mkdir");
    let moved = docs.path().join("2026/公司 副本.ron");
    h.state_mut().actions.push(Action::SaveTo(moved.clone()));
    h.run();
    let a = &storage::load(&moved).expect("saved").assessment.attachments;
    assert_eq!(a[0].path, "../扫描件/审计报告.pdf");
    assert!(shows(&h, "已附"));
    assert!(!h.state().session.is_dirty());
    // Undoing the attach and redoing it keeps the new folder's paths.
    h.state_mut().actions.push(Action::Undo);
    h.run();
    h.state_mut().actions.push(Action::Redo);
    h.run();
    assert_eq!(
        h.state().session.doc.attachments[0].path,
        "../扫描件/审计报告.pdf"
    );
}
