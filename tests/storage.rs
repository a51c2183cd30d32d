//! Storage round trips: random assessments through the RON envelope, atomic
//! saves with a backup, refusal of newer formats and migration of format 1.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use innocheck::model::{Assessment, City, FiscalYear, ManualScores};
use innocheck::storage::{self, FORMAT_VERSION, StorageError, backup_path};
use proptest::prelude::*;

mod arb;
use arb::assessment;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 192,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever is in memory comes back identical from its RON text.
    #[test]
    fn random_assessments_round_trip_through_ron(a in assessment()) {
        let text = storage::to_ron(&a).expect("serialise");
        let header = format!("format_version: {FORMAT_VERSION},");
        prop_assert!(text.contains(&header));
        let loaded = storage::load_bytes(text.as_bytes(), "prop.ron")
            .map_err(|e| TestCaseError::fail(format!("{e}\n--- text ---\n{text}")))?;
        prop_assert_eq!(loaded.format_version, FORMAT_VERSION);
        prop_assert!(!loaded.migrated);
        prop_assert_eq!(&loaded.assessment, &a);
        // Serialising again is stable: the saved text does not drift.
        prop_assert_eq!(storage::to_ron(&loaded.assessment).expect("serialise again"), text);
    }
}

// ---------------------------------------------------------------- helpers

fn sample(name: &str) -> Assessment {
    let mut a = Assessment {
        as_of: NaiveDate::from_ymd_opt(2024, 3, 31),
        ..Assessment::default()
    };
    a.company.name = name.to_string();
    a.company.uscc = "91360702MA35B7KX1Q".into();
    a.company.city = Some(City::Ganzhou);
    a.years.push(FiscalYear {
        year: 2023,
        revenue: Some(12_345.6),
        net_profit: Some(-78.9),
        staff_total: Some(120),
        ..FiscalYear::default()
    });
    a
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

// ---------------------------------------------------------------- saving

#[test]
fn backup_path_appends_bak_to_the_full_name() {
    assert_eq!(
        backup_path(Path::new("/data/赣州稀钰.ron")),
        PathBuf::from("/data/赣州稀钰.ron.bak")
    );
    assert_eq!(backup_path(Path::new("a.ron")), PathBuf::from("a.ron.bak"));
}

#[test]
fn save_load_round_trip_keeps_the_previous_file_as_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("赣州喆玥.ron");
    let bak = backup_path(&path);

    let first = sample("赣州喆玥堃新材料有限公司");
    storage::save(&first, &path).expect("first save");
    let loaded = storage::load(&path).expect("load first");
    assert_eq!(loaded.assessment, first);
    assert_eq!(loaded.format_version, FORMAT_VERSION);
    assert!(!loaded.migrated);
    assert!(!bak.exists(), "no backup when there was nothing to replace");
    assert_eq!(entries(dir.path()), vec!["赣州喆玥.ron".to_string()]);
    let first_bytes = fs::read(&path).expect("read first");
    assert_eq!(
        first_bytes,
        storage::to_ron(&first).expect("ron").into_bytes()
    );

    let second = sample("赣州镕赟犇稀土有限公司");
    storage::save(&second, &path).expect("second save");
    assert_eq!(
        storage::load(&path).expect("load second").assessment,
        second
    );
    assert_eq!(
        fs::read(&bak).expect("backup exists"),
        first_bytes,
        "the backup holds the first file byte for byte"
    );
    assert_eq!(
        entries(dir.path()),
        vec!["赣州喆玥.ron".to_string(), "赣州喆玥.ron.bak".to_string()],
        "no temporary file is left behind"
    );

    // A third save rotates: the backup now holds the second version.
    let second_bytes = fs::read(&path).expect("read second");
    storage::save(&first, &path).expect("third save");
    assert_eq!(fs::read(&bak).expect("backup"), second_bytes);
    assert_eq!(fs::read(&path).expect("current"), first_bytes);
    assert_eq!(entries(dir.path()).len(), 2);
}

#[test]
fn saving_into_a_missing_folder_is_an_io_error_naming_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("no-such-folder").join("a.ron");
    let err = storage::save(&sample("x"), &path).expect_err("cannot save there");
    let shown = path.display().to_string();
    match &err {
        StorageError::Io { file, reason } => {
            assert_eq!(file, &shown);
            assert!(!reason.is_empty());
        }
        other => panic!("expected Io, got {other:?}"),
    }
    assert!(err.to_string().contains(&shown), "{err}");
    assert!(!dir.path().join("no-such-folder").exists());
    assert!(entries(dir.path()).is_empty(), "nothing left behind");
}

#[test]
fn a_newer_format_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("from-the-future.ron");
    let text = "(\n    format_version: 5,\n    app_version: \"0.5.0\",\n    assessment: (\n        \
                company: (name: \"赣州未来有限公司\"),\n        carbon_footprint: [(year: 2026, \
                tonnes: Some(12.5))],\n    ),\n)\n";
    fs::write(&path, text).expect("write");
    let before = fs::read(&path).expect("read");

    let err = storage::load(&path).expect_err("too new");
    assert_eq!(
        err,
        StorageError::TooNew {
            file: path.display().to_string(),
            found: 5,
            supported: FORMAT_VERSION,
        }
    );
    let msg = err.to_string();
    assert!(msg.contains("from-the-future.ron"), "{msg}");
    assert!(msg.contains(" 5 "), "{msg}");
    assert_eq!(
        fs::read(&path).expect("read again"),
        before,
        "bytes unchanged"
    );
    assert_eq!(entries(dir.path()), vec!["from-the-future.ron".to_string()]);
}

// ---------------------------------------------------------------- format 1

#[test]
fn format1_fixture_migrates_to_calendar_years() {
    let path = fixture("format1-ganzhou-rare-earth.ron");
    let loaded = storage::load(&path).expect("format 1 loads");
    assert!(loaded.migrated);
    assert_eq!(loaded.format_version, 1);
    let a = &loaded.assessment;
    assert_eq!(a.company.name, "赣州稀钰新材料科技有限公司");
    assert_eq!(a.company.city, Some(City::Ganzhou));
    assert_eq!(a.as_of, NaiveDate::from_ymd_opt(2024, 3, 31));

    let years: Vec<i32> = a.years.iter().map(|y| y.year).collect();
    assert_eq!(years, vec![2023, 2022, 2021]);
    let y = |n| a.year(n).expect("year present");
    // Y−1 = 2023
    assert_eq!(y(2023).revenue, Some(42_680.5));
    assert_eq!(y(2023).main_revenue, Some(40_125.0));
    assert_eq!(y(2023).net_profit, Some(3_150.2));
    assert_eq!(y(2023).rd_spend, Some(1_890.0));
    assert_eq!(y(2023).staff_total, Some(412));
    assert_eq!(y(2023).rd_staff_qualified, Some(52));
    assert_eq!(y(2023).equity_new, Some(5_000.0));
    // Y−2 = 2022, a loss year
    assert_eq!(y(2022).revenue, Some(38_914.0));
    assert_eq!(y(2022).net_profit, Some(-415.8));
    assert_eq!(y(2022).total_profit, Some(-380.0));
    assert_eq!(y(2022).staff_total, Some(398));
    assert_eq!(y(2022).equity_new, None);
    // Y−3 = 2021
    assert_eq!(y(2021).revenue, Some(31_077.3));
    assert_eq!(y(2021).total_liabilities, Some(22_300.0));
    assert_eq!(y(2021).new_product_sales, Some(8_640.0));
    assert_eq!(y(2021).rd_staff, Some(55));
    // Fields format 1 did not have.
    assert!(a.years.iter().all(|y| y.lead_product_sales.is_none()));
    assert!(a.maker_china.is_empty());
    assert_eq!(a.manual, ManualScores::default());
    // The rest comes across unchanged.
    assert_eq!(
        a.conditions.partners,
        vec!["江西理工大学", "中国科学院赣江创新研究院"]
    );
    assert_eq!(a.titles.len(), 2);
    assert_eq!(a.projects[0].budget, Some(860.0));

    // Saving writes the current format; the format-1 file is kept as the backup.
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("format1-ganzhou-rare-earth.ron");
    fs::copy(&path, &copy).expect("copy fixture");
    let original = fs::read(&copy).expect("read copy");
    storage::save(a, &copy).expect("save migrated");
    let again = storage::load(&copy).expect("reload");
    assert_eq!(again.format_version, FORMAT_VERSION);
    assert!(!again.migrated);
    assert_eq!(&again.assessment, a);
    assert_eq!(fs::read(backup_path(&copy)).expect("backup"), original);
    let text = fs::read_to_string(&copy).expect("saved text");
    assert!(!text.contains("finance"), "{text}");
    assert!(text.contains("year: 2021"), "{text}");
}

#[test]
fn saving_over_a_newer_format_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("newer.ron");
    let newer = "(format_version: 9, app_version: \"9.0.0\", assessment: ())";
    std::fs::write(&path, newer).expect("write");
    let err = innocheck::storage::save(&innocheck::model::Assessment::default(), &path)
        .expect_err("a newer file must not be overwritten");
    assert!(
        matches!(
            err,
            innocheck::storage::StorageError::TooNew { found: 9, .. }
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), newer);
}

/// Format 2 (innocheck before durations were measured by month): the file
/// loads, is marked migrated, keeps every figure, reads its single growth
/// benchmark as the revenue benchmark, and leaves every format-3 addition
/// empty — missing, never assumed.
#[test]
fn format_2_fixture_migrates_with_its_additions_empty() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format2-xinyu-materials.ron");
    let loaded = storage::load(&path).expect("format 2 loads");
    assert_eq!(loaded.format_version, 2);
    assert!(loaded.migrated);
    let a = &loaded.assessment;
    assert_eq!(a.company.name, "江西仙湖新材料股份有限公司");
    assert_eq!(a.manual.provincial_revenue_growth_benchmark, Some(4.0));
    assert_eq!(a.manual.provincial_profit_growth_benchmark, None);
    assert_eq!(a.direction.niche_entry_year, Some(2012));
    assert_eq!(a.direction.niche_entry_month, None);
    assert_eq!(a.direction.intl_niche_share_pct, None);
    assert_eq!(a.direction.products_to_standards, None);
    assert_eq!(a.compliance.industry_violation, None);
    assert!(
        a.conditions
            .institutions
            .iter()
            .all(|i| i.month.is_none() && i.track.is_none())
    );
    // Saved again, it is written in the current format and reads back unchanged.
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("仙湖.ron");
    storage::save(a, &out).expect("save");
    let again = storage::load(&out).expect("reload");
    assert_eq!(again.format_version, FORMAT_VERSION);
    assert_eq!(&again.assessment, a);
}

/// Format 3 (before evidence attachments): the file loads as format 4 with
/// no attachments and every answer as it was; saved again it is format 4,
/// still without an `attachments` list while there is none.
#[test]
fn format_3_fixture_migrates_with_no_attachments() {
    let path = fixture("format3-ganpo-smart.ron");
    let loaded = storage::load(&path).expect("format 3 loads");
    assert_eq!(loaded.format_version, 3);
    assert!(loaded.migrated);
    let a = &loaded.assessment;
    assert_eq!(a.company.name, "江西赣鄱智联科技有限公司");
    assert!(a.attachments.is_empty());
    // The answers are those of the same file read as the current format.
    let text = fs::read_to_string(&path).expect("read").replacen(
        "format_version: 3,",
        &format!("format_version: {FORMAT_VERSION},"),
        1,
    );
    let current = storage::load_bytes(text.as_bytes(), "same.ron").expect("current");
    assert_eq!(&current.assessment, a);

    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("赣鄱.ron");
    let original = fs::read(&path).expect("read");
    fs::write(&out, &original).expect("copy");
    storage::save(a, &out).expect("save");
    assert_eq!(fs::read(backup_path(&out)).expect("backup"), original);
    let again = storage::load(&out).expect("reload");
    assert_eq!(again.format_version, FORMAT_VERSION);
    assert!(!again.migrated);
    assert_eq!(&again.assessment, a);
    let saved = fs::read_to_string(&out).expect("saved");
    assert!(saved.contains("format_version: 4,"), "{saved:.200}");
    assert!(!saved.contains("attachments"), "no empty list written");

    // With an attachment it round-trips in the file.
    let mut b = a.clone();
    b.attachments.push(innocheck::model::Attachment {
        criterion: "sme.2022.specialized.rd".into(),
        item: 1,
        path: "扫描件/研发费用专项审计报告.pdf".into(),
        sha256: "ab".repeat(32),
        size: 123_456,
        pages: Some(12),
        added: NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
        note: "2024 年度，盖章".into(),
    });
    storage::save(&b, &out).expect("save with an attachment");
    let text = fs::read_to_string(&out).expect("saved");
    assert!(text.contains("扫描件/研发费用专项审计报告.pdf"), "{text}");
    assert_eq!(storage::load(&out).expect("reload").assessment, b);
}
