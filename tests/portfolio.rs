//! The portfolio over a folder of generated files and damaged ones: every
//! file is a row, a damaged file is a row with its reason (never an abort),
//! sub-folders are read, reviews are not rows, sorting and the exports agree
//! with the rows.

use std::path::Path;

use chrono::NaiveDate;
use innocheck::i18n::Lang;
use innocheck::report::portfolio::{self, Column, Entry, ReviewState};
use innocheck::rules::{Programme, Registry};
use innocheck::storage::{self, scan};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

/// A folder: the three samples (one in a sub-folder, one renamed), a copy
/// with a changed name and city, a damaged file, an empty file and a review.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("赣州/2025")).expect("dirs");
    for (name, text) in storage::SAMPLES {
        let to = if name.starts_with("ganpo") {
            root.join("赣州/2025").join(name)
        } else {
            root.join(name)
        };
        std::fs::write(to, text).expect("write sample");
    }
    let mut a = storage::sample("hongdu-precision.ron").expect("sample");
    a.company.name = "阿尔法精密".into();
    a.company.city = None;
    storage::save(&a, &root.join("alpha.ron")).expect("save");
    std::fs::write(root.join("broken.ron"), "(format_version: 3, assessment: (").expect("w");
    std::fs::write(root.join("empty.ron"), "").expect("w");
    std::fs::write(root.join("notes.txt"), "not an assessment").expect("w");
    let review = storage::review::Review::of(&a);
    storage::review::save_review(&root.join("alpha.ron"), &review).expect("review");
    dir
}

fn load(root: &Path, recursive: bool) -> Vec<Entry> {
    let reg = Registry::bundled().expect("packs");
    portfolio::load_all(
        scan::assessments_under(root, recursive),
        &reg,
        None,
        today(),
    )
}

#[test]
fn every_file_is_a_row_and_damaged_files_say_why() {
    let dir = folder();
    let entries = load(dir.path(), true);
    // 3 samples + alpha + broken + empty; the review and the text file are not rows.
    assert_eq!(entries.len(), 6, "{entries:#?}");
    let names: Vec<String> = entries
        .iter()
        .filter_map(Entry::row)
        .map(|r| r.company.clone())
        .collect();
    assert_eq!(names.len(), 4);
    assert!(
        names.contains(&"江西赣鄱智联科技有限公司".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"阿尔法精密".to_string()));
    let damaged: Vec<(&Path, String)> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Damaged { path, reason } => {
                Some((path.as_path(), reason.get(Lang::Zh).to_string()))
            }
            Entry::Read(_) => None,
        })
        .collect();
    assert_eq!(damaged.len(), 2);
    for (path, reason) in &damaged {
        let name = path.file_name().expect("name").to_string_lossy();
        assert!(
            reason.contains(&*name),
            "the reason names the file: {reason}"
        );
    }
    // Without sub-folders, the sample in 赣州/2025 is not read.
    assert_eq!(load(dir.path(), false).len(), 5);
}

#[test]
fn a_row_carries_what_the_evaluation_says() {
    let dir = folder();
    let entries = load(dir.path(), true);
    let row = entries
        .iter()
        .filter_map(Entry::row)
        .find(|r| r.company == "江西仙湖新材料股份有限公司")
        .expect("xinyu row");
    // Hand-read from the sample: held 高企, 新余, manufacturing.
    let ht = row.ladder(Programme::HighTech);
    assert!(ht.held);
    assert_eq!(ht.reached_words(Lang::Zh), "高新技术企业（已持有）");
    assert_eq!(row.city_words(Lang::Zh), "新余");
    let a = storage::sample("xinyu-materials.ron").expect("sample");
    let reg = Registry::bundled().expect("packs");
    let as_of = a.as_of_or(today());
    let ev = innocheck::eval::evaluate(&a, &reg.in_force(as_of), as_of);
    for l in &row.ladders {
        let p = ev
            .progress
            .iter()
            .find(|p| p.programme == l.programme)
            .expect("programme");
        assert_eq!(l.level, p.reached_level);
        assert_eq!(
            l.short,
            p.next
                .first()
                .map_or(0, innocheck::eval::NextTier::criteria_short)
        );
    }
    // R&D intensity of Y−1, from the sample's figures.
    let y1 = a
        .years
        .iter()
        .find(|y| y.year == as_of.year_of_y1())
        .expect("Y−1");
    let expect = y1.rd_spend.expect("rd") / y1.revenue.expect("revenue") * 100.0;
    assert!((row.rd_ratio.expect("rd ratio") - expect).abs() < 1e-9);
}

trait Y1 {
    fn year_of_y1(&self) -> i32;
}
impl Y1 for NaiveDate {
    fn year_of_y1(&self) -> i32 {
        chrono::Datelike::year(self) - 1
    }
}

#[test]
fn the_review_state_is_read_and_a_changed_file_is_flagged() {
    let dir = folder();
    let alpha = |entries: &[Entry]| {
        entries
            .iter()
            .filter_map(Entry::row)
            .find(|r| r.company == "阿尔法精密")
            .map(|r| r.review)
            .expect("alpha")
    };
    assert_eq!(alpha(&load(dir.path(), true)), ReviewState::Current(0));
    let path = dir.path().join("alpha.ron");
    let mut a = storage::load(&path).expect("load").assessment;
    a.company.name.push('！');
    storage::save(&a, &path).expect("save");
    let entries = load(dir.path(), true);
    let changed = entries
        .iter()
        .filter_map(Entry::row)
        .find(|r| r.company == "阿尔法精密！")
        .expect("alpha");
    assert_eq!(changed.review, ReviewState::Changed(0));
    assert_eq!(
        changed.review.words(Lang::Zh),
        "审阅后答案已修改（0 条意见）"
    );
}

#[test]
fn sorting_puts_damaged_files_last_and_orders_tiers_by_level() {
    let dir = folder();
    let mut entries = load(dir.path(), true);
    entries.sort_by(|a, b| Column::Programme(Programme::TechCenter).cmp(a, b));
    let levels: Vec<u8> = entries
        .iter()
        .filter_map(Entry::row)
        .map(|r| r.ladder(Programme::TechCenter).level)
        .collect();
    assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{levels:?}");
    assert!(entries[4].row().is_none() && entries[5].row().is_none());
    entries.sort_by(|a, b| Column::City.cmp(a, b));
    // A row without a city sorts first among the read rows.
    assert_eq!(entries[0].row().expect("row").company, "阿尔法精密");
}

#[test]
fn csv_and_xlsx_have_one_row_per_file_with_numbers_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let dir = folder();
    let entries = load(dir.path(), true);
    let csv = portfolio::csv(&entries, Lang::Zh);
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.lines().count(), 1 + entries.len());
    let bytes = portfolio::xlsx(&entries, Lang::Zh).expect("xlsx");
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("open");
    let sheet = wb.worksheet_range("企业列表").expect("sheet");
    assert_eq!(sheet.height(), 1 + entries.len());
    let heads: Vec<String> = sheet
        .rows()
        .next()
        .expect("head")
        .iter()
        .map(ToString::to_string)
        .collect();
    let rd_col = heads
        .iter()
        .position(|h| h == "研发强度（%）")
        .expect("rd column");
    let first = entries
        .iter()
        .position(|e| e.row().is_some())
        .expect("a row");
    let row = entries[first].row().expect("row");
    match sheet.get((first + 1, rd_col)) {
        Some(Data::Float(v)) => assert!((v - row.rd_ratio.expect("rd")).abs() < 1e-9),
        other => panic!("R&D intensity is a number, got {other:?}"),
    }
    // No internal ids in the Chinese headings.
    assert!(
        heads
            .iter()
            .all(|h| !h.contains("sme.") && !h.contains("tc.")),
        "{heads:?}"
    );
}
