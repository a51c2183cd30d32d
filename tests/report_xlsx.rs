//! The spreadsheet export, read back with calamine: the answers laid out as
//! the forms (profile, one column per fiscal year, one sheet per list), every
//! criterion's outcome with its figures as numbers, and the gaps, in the
//! report's language.

use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use innocheck::i18n::Lang;
use innocheck::model::Assessment;
use innocheck::report::xlsx;

mod common;
use common::sample_with_assessment as sample;

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("the workbook opens")
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The row whose first cell is `key`.
fn row<'a>(range: &'a Range<Data>, col: usize, key: &str) -> &'a [Data] {
    range
        .rows()
        .find(|r| r.get(col).is_some_and(|c| text(c) == key))
        .unwrap_or_else(|| panic!("no row {key:?}"))
}

/// Every sheet, the hidden one of evidence files (证明材料) included.
const SHEETS_ZH: [&str; 12] = [
    "基本情况",
    "年度数据",
    "研发机构",
    "合作单位",
    "研发项目",
    "科技奖励",
    "创客中国",
    "已获称号",
    "证明材料",
    "评价结果",
    "差距与下一步",
    "说明",
];
const SHEETS_EN: [&str; 12] = [
    "Profile",
    "Fiscal years",
    "Institutions",
    "Partners",
    "Projects",
    "Awards",
    "Maker China",
    "Titles",
    "Evidence files",
    "Criteria",
    "Gaps",
    "About",
];

/// The column of the fiscal-years sheet whose hidden key is `year`.
fn year_col(years: &Range<Data>, year: i32) -> usize {
    years
        .rows()
        .next()
        .expect("key row")
        .iter()
        .position(|c| *c == Data::Float(f64::from(year)))
        .unwrap_or_else(|| panic!("no column for {year}"))
}

#[test]
fn the_workbook_holds_answers_criteria_and_gaps() {
    let (a, r) = sample("hongdu-precision.ron", Lang::Zh);
    let mut wb = open(xlsx::render(&a, &r).expect("renders"));
    assert_eq!(wb.sheet_names(), SHEETS_ZH);

    // The profile: a hidden key row and column, then page, label and value.
    let profile = wb.worksheet_range("基本情况").expect("profile");
    let mut rows = profile.rows();
    let keys: Vec<String> = rows.next().expect("key row").iter().map(text).collect();
    assert_eq!(keys, ["innocheck:profile", "page", "label", "value"]);
    let head: Vec<String> = rows.next().expect("header").iter().map(text).collect();
    assert_eq!(head, ["", "页面", "项目", "填报值"]);
    let name = row(&profile, 0, "company.name");
    assert_eq!(text(&name[3]), "江西洪岳精密机械有限公司");
    let equipment = row(&profile, 0, "conditions.equipment_value");
    assert_eq!(
        text(&equipment[2]),
        "技术开发仪器设备原值（万元）",
        "unit in the label"
    );
    assert_eq!(equipment[3], Data::Float(1280.0), "numbers stay numbers");
    assert!(
        matches!(row(&profile, 0, "company.founded")[3], Data::DateTime(_)),
        "dates are dates"
    );
    assert_eq!(text(&row(&profile, 0, "company.city")[3]), "南昌");

    // The fiscal years: one row per item, one column per year, as the forms.
    let years = wb.worksheet_range("年度数据").expect("years");
    let rd = row(&years, 0, "rd_spend");
    assert_eq!(text(&rd[2]), "研发费用（万元）");
    let c2024 = year_col(&years, 2024);
    assert_eq!(
        text(&years.rows().nth(1).expect("header")[c2024]),
        "2024 年"
    );
    assert_eq!(rd[c2024], Data::Float(1310.0));
    assert_eq!(row(&years, 0, "rd_staff")[c2024], Data::Float(58.0));
    // Every fiscal field once, in the forms' order; every year a column.
    let fields: Vec<String> = years.rows().skip(2).map(|r| text(&r[0])).collect();
    assert_eq!(
        fields,
        innocheck::model::FISCAL_FIELDS
            .iter()
            .map(|f| f.name.to_string())
            .collect::<Vec<_>>()
    );
    for y in &a.years {
        year_col(&years, y.year);
    }
    // A list: one row per project.
    let projects = wb.worksheet_range("研发项目").expect("projects");
    assert_eq!(projects.height(), a.projects.len() + 2);
    assert_eq!(
        text(&projects.rows().nth(2).expect("first")[1]),
        a.projects[0].name
    );

    let criteria = wb.worksheet_range("评价结果").expect("criteria");
    let n: usize = r.tiers.iter().map(|t| t.rows.len()).sum();
    assert_eq!(
        criteria.height(),
        n + 1,
        "one row per criterion plus the header"
    );
    let head: Vec<String> = criteria
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        head,
        [
            "层级",
            "条件 ID",
            "条件",
            "结果",
            "实际值",
            "比较",
            "要求",
            "单位",
            "年度",
            "差距",
            "得分",
            "满分",
            "可信度",
            "依据"
        ]
    );
    let spec = row(&criteria, 1, "sme.2022.specialized.rd");
    assert_eq!(text(&spec[3]), "未达标");
    assert!(text(&spec[9]).contains("研发费用再增加"), "{:?}", spec[9]);
    assert!(text(&spec[13]).contains("工信部企业〔2022〕63号"));
    // Values and thresholds are numbers in the unit of their column.
    let nat = row(&criteria, 1, "tc.nat.2016.rd_spend");
    assert_eq!(nat[4], Data::Float(1310.0));
    assert_eq!(text(&nat[5]), "≥");
    assert_eq!(nat[6], Data::Float(1500.0));
    assert_eq!(text(&nat[7]), "万元");
    assert_eq!(nat[8], Data::Float(2024.0));
    let ratio = row(&criteria, 1, "tc.jx.miit.2020.rd_staff");
    assert!(
        matches!(ratio[4], Data::Float(v) if (v - 58.0 / 612.0 * 100.0).abs() < 1e-9),
        "percent numbers"
    );
    assert_eq!(text(&ratio[7]), "%");
    let scored = criteria
        .rows()
        .skip(1)
        .find(|r| !text(&r[10]).is_empty())
        .expect("a scored item with points");
    assert!(
        matches!((&scored[10], &scored[11]), (Data::Float(earned), Data::Float(max)) if earned <= max),
        "points and maximum as numbers"
    );

    let gaps = wb.worksheet_range("差距与下一步").expect("gaps");
    assert_eq!(gaps.height(), r.next_steps.len() + 1);
    let first = gaps.rows().nth(1).expect("a gap");
    assert_eq!(first[0], Data::Float(1.0));
    assert_eq!(text(&first[4]), r.next_steps[0].text);

    let about = wb.worksheet_range("说明").expect("about");
    assert!(
        about
            .rows()
            .any(|x| x.iter().any(|c| text(c) == r.fingerprint))
    );
}

#[test]
fn english_labels_and_the_same_figures() {
    let (a, zh) = sample("xinyu-materials.ron", Lang::Zh);
    let (_, en) = sample("xinyu-materials.ron", Lang::En);
    let mut wz = open(xlsx::render(&a, &zh).expect("zh"));
    let mut we = open(xlsx::render(&a, &en).expect("en"));
    assert_eq!(we.sheet_names(), SHEETS_EN);
    for (zh_sheet, en_sheet) in SHEETS_ZH.iter().zip(SHEETS_EN).take(8) {
        let az = wz.worksheet_range(zh_sheet).expect("zh answers");
        let ae = we.worksheet_range(en_sheet).expect("en answers");
        assert_eq!(az.height(), ae.height());
        assert_eq!(az.rows().next(), ae.rows().next(), "same hidden keys");
        for (x, y) in az.rows().zip(ae.rows()).skip(2) {
            assert_eq!(x[0], y[0], "same field keys");
            for (p, q) in x.iter().zip(y) {
                if let (Data::Float(p), Data::Float(q)) = (p, q) {
                    assert_eq!(p, q, "same numbers");
                }
            }
        }
    }
    let ce = we.worksheet_range("Criteria").expect("criteria");
    assert!(ce.rows().skip(1).all(|r| {
        !text(&r[3])
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }));
}

#[test]
fn an_empty_assessment_exports_empty_cells_not_zeros() {
    let (_, r) = sample("ganpo-smart.ron", Lang::Zh);
    let a = Assessment::default();
    let mut wb = open(xlsx::render(&a, &r).expect("renders"));
    let profile = wb.worksheet_range("基本情况").expect("profile");
    let name = row(&profile, 0, "company.name");
    assert!(matches!(name.get(3), None | Some(Data::Empty)));
    for sheet in &SHEETS_ZH[..8] {
        let range = wb.worksheet_range(sheet).expect("sheet");
        assert!(
            !range
                .rows()
                .skip(2)
                .flatten()
                .any(|c| *c == Data::Float(0.0)),
            "{sheet}: an unanswered field is empty, not 0"
        );
    }
}

#[test]
fn the_export_command_writes_a_workbook() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/ganpo-smart.ron");
    let out = dir.path().join("answers.xlsx");
    let o = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .args(["--lang", "en", "export"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{o:?}");
    let wb = open(std::fs::read(&out).expect("written"));
    assert_eq!(wb.sheet_names(), SHEETS_EN);
    let missing = dir.path().join("missing.ron");
    let o = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .arg("export")
        .arg(&missing)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.ron"));
}

#[test]
fn years_outside_the_evaluated_ones_are_marked() {
    use chrono::NaiveDate;
    use innocheck::eval::evaluate;
    use innocheck::rules::Registry;

    // ganpo-smart has figures for 2024, 2023 and 2022; as of 2026 the
    // evaluation reads 2025–2023, so 2022 is outside.
    let text_of = common::sample_text("ganpo-smart.ron");
    let (mut a, _) = sample("ganpo-smart.ron", Lang::Zh);
    let as_of = NaiveDate::from_ymd_opt(2026, 3, 31).expect("date");
    a.as_of = Some(as_of);
    let reg = Registry::bundled().expect("packs");
    let ev = evaluate(&a, &reg.in_force(as_of), as_of);
    for (lang, sheet, about, flag) in [
        (Lang::Zh, "年度数据", "说明", "2022 年（未计入评价）"),
        (Lang::En, "Fiscal years", "About", "2022 (not evaluated)"),
    ] {
        let r = innocheck::report::data::build(text_of.as_bytes(), &a, &ev, lang);
        let mut wb = open(xlsx::render(&a, &r).expect("renders"));
        let years = wb.worksheet_range(sheet).expect("years");
        let head: Vec<String> = years
            .rows()
            .nth(1)
            .expect("header")
            .iter()
            .map(text)
            .collect();
        assert_eq!(head[year_col(&years, 2022)], flag);
        for y in [2024, 2023] {
            assert!(
                !head[year_col(&years, y)].contains(flag),
                "{y} is evaluated"
            );
        }
        let about = wb.worksheet_range(about).expect("about");
        let note = about
            .rows()
            .filter_map(|r| r.get(1).map(text))
            .find(|t| t.contains("2022") && t.contains("2025–2023"));
        assert!(
            note.is_some(),
            "the about sheet names the year and the range"
        );
    }

    // The sample as it is (as of 2025-06-30): nothing marked.
    let (a, r) = sample("ganpo-smart.ron", Lang::Zh);
    let mut wb = open(xlsx::render(&a, &r).expect("renders"));
    let years = wb.worksheet_range("年度数据").expect("years");
    assert!(
        years
            .rows()
            .nth(1)
            .expect("header")
            .iter()
            .all(|c| !text(c).contains("未计入评价"))
    );
}
