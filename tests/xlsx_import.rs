//! The answers workbook both ways: the export reads back into the identical
//! assessment, a client's filled-in template imports, and every kind of bad
//! cell is reported with its sheet, its cell and the reason, never a panic.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use innocheck::eval::evaluate;
use innocheck::i18n::Lang;
use innocheck::model::{Assessment, FISCAL_FIELDS};
use innocheck::report::{self, data::build, xlsx};
use innocheck::rules::Registry;
use innocheck::storage::xlsx_import::CellProblem;
use innocheck::storage::xlsx_import::{ImportError, Reason, import_bytes};
use proptest::prelude::*;
use rust_xlsxwriter::{Format, Workbook};

mod arb;
mod common;

/// The full export of `a` (answers, criteria, gaps), as `innocheck export` writes it.
fn export(a: &Assessment, lang: Lang) -> Vec<u8> {
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let reg = Registry::bundled().expect("packs");
    let ev = evaluate(a, &reg.in_force(as_of), as_of);
    let r = build(b"", a, &ev, lang);
    xlsx::render(a, &r).expect("renders")
}

/// The import refuses negative amounts where the forms allow none, so the
/// random assessment keeps those amounts non-negative.
fn non_negative(mut a: Assessment) -> Assessment {
    fn abs(v: &mut Option<f64>) {
        *v = v.map(f64::abs);
    }
    for y in &mut a.years {
        for f in FISCAL_FIELDS {
            if let innocheck::model::fiscal::Access::Money {
                get_mut,
                signed: false,
                ..
            } = f.access
            {
                abs(get_mut(y));
            }
        }
    }
    abs(&mut a.conditions.equipment_value);
    abs(&mut a.conditions.rd_space_m2);
    abs(&mut a.direction.niche_share_pct);
    abs(&mut a.direction.intl_niche_share_pct);
    abs(&mut a.manual.miit_platform_score);
    abs(&mut a.manual.featured_score_2022);
    for p in &mut a.projects {
        abs(&mut p.budget);
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Export → import gives back every field, empties and the as-of date included.
    #[test]
    fn random_assessments_round_trip_through_the_workbook(
        a in arb::assessment().prop_map(non_negative),
        en in any::<bool>(),
    ) {
        let lang = if en { Lang::En } else { Lang::Zh };
        let bytes = export(&a, lang);
        let back = import_bytes(&bytes, "prop.xlsx").expect("reads");
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        prop_assert_eq!(&back.assessment, &a);
    }
}

#[test]
fn the_samples_round_trip_in_both_languages() {
    for (name, _) in innocheck::storage::SAMPLES {
        let a = innocheck::storage::sample(name).expect("sample");
        for lang in [Lang::Zh, Lang::En] {
            let back = import_bytes(&export(&a, lang), name).expect("reads");
            assert!(back.problems.is_empty(), "{name}: {:?}", back.problems);
            assert_eq!(back.assessment, a, "{name} {lang:?}");
        }
    }
}

// ------------------------------------------------------------ a client's workbook

/// A sheet as a client sees it: its name and its cells, row by row from A1.
#[derive(Clone)]
struct Sheet {
    name: String,
    cells: Vec<Vec<Data>>,
    /// Merged ranges (first row, first col, last row, last col).
    merged: Vec<(u32, u16, u32, u16)>,
}

/// Every sheet of `bytes`, cell by cell.
fn sheets(bytes: &[u8]) -> Vec<Sheet> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("opens");
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).expect("sheet");
            let (h, w) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
            let cells = (0..h)
                .map(|r| {
                    (0..w)
                        .map(|c| range.get_value((r, c)).cloned().unwrap_or(Data::Empty))
                        .collect()
                })
                .collect();
            Sheet {
                name,
                cells,
                merged: Vec::new(),
            }
        })
        .collect()
}

/// Writes `sheets` as a client's spreadsheet program would: numbers as
/// numbers, dates as dates, words as text.
fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name).expect("name");
        for (r, row) in s.cells.iter().enumerate() {
            for (c, d) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match d {
                    Data::Float(f) => {
                        ws.write_number(r, c, *f).expect("number");
                    }
                    Data::Int(i) => {
                        ws.write_number(r, c, *i as f64).expect("number");
                    }
                    Data::String(t) => {
                        ws.write_string(r, c, t).expect("text");
                    }
                    Data::Bool(b) => {
                        ws.write_boolean(r, c, *b).expect("bool");
                    }
                    Data::DateTime(x) => {
                        ws.write_number_with_format(r, c, x.as_f64(), &date)
                            .expect("date");
                    }
                    _ => {}
                }
            }
        }
        for &(r1, c1, r2, c2) in &s.merged {
            ws.merge_range(r1, c1, r2, c2, "", &Format::new())
                .expect("merge");
        }
    }
    wb.save_to_buffer().expect("saves")
}

fn sheet<'a>(sheets: &'a mut [Sheet], name: &str) -> &'a mut Sheet {
    sheets
        .iter_mut()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
}

/// Sets cell (`row`, `col`), growing the grid as a spreadsheet does.
fn put(s: &mut Sheet, row: usize, col: usize, d: Data) {
    if s.cells.len() <= row {
        s.cells.resize(row + 1, Vec::new());
    }
    let r = &mut s.cells[row];
    if r.len() <= col {
        r.resize(col + 1, Data::Empty);
    }
    r[col] = d;
}

/// The row whose first (hidden) cell is `key`.
fn row_of(s: &Sheet, key: &str) -> usize {
    s.cells
        .iter()
        .position(|r| r.first() == Some(&Data::String(key.into())))
        .unwrap_or_else(|| panic!("no row {key} in {}", s.name))
}

/// The row whose label (column C) is `label`.
fn row_labelled(s: &Sheet, label: &str) -> usize {
    s.cells
        .iter()
        .position(|r| r.get(2) == Some(&Data::String(label.into())))
        .unwrap_or_else(|| panic!("no row labelled {label} in {}", s.name))
}

#[test]
fn a_client_fills_in_the_template_and_it_imports() {
    let today = NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
    for lang in [Lang::Zh, Lang::En] {
        let pick = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
        let mut book = sheets(&report::xlsx_template(lang, today).expect("template"));
        // The client sees labels, not keys: every cell is found by its label.
        let profile = sheet(&mut book, pick("基本情况", "Profile"));
        for (label, value) in [
            (
                pick("企业名称", "Company name"),
                Data::String("江西测试科技有限公司".into()),
            ),
            (
                pick("所在地区", "Location"),
                Data::String(pick("赣州", "Ganzhou").into()),
            ),
            (
                pick("成立日期", "Founded"),
                Data::DateTime(calamine::ExcelDateTime::new(
                    43_831.0, // 2020-01-01
                    calamine::ExcelDateTimeType::DateTime,
                    false,
                )),
            ),
            (
                pick("具有独立法人资格", "Independent legal person"),
                Data::String(pick("是", "yes").into()),
            ),
            (
                pick(
                    "技术开发仪器设备原值（万元）",
                    "R&D equipment (original value) (万元)",
                ),
                Data::Float(350.5),
            ),
        ] {
            let r = row_labelled(profile, label);
            put(profile, r, 3, value);
        }
        // A label retyped in a row whose hidden key was lost still imports.
        let r = row_labelled(profile, pick("研发场所面积（m²）", "R&D space (m²)"));
        put(profile, r, 0, Data::Empty);
        put(profile, r, 3, Data::String("1,200".into()));

        let years = sheet(&mut book, pick("年度数据", "Fiscal years"));
        let revenue = row_labelled(years, pick("营业收入（万元）", "Revenue (万元)"));
        let rd_staff = row_labelled(
            years,
            pick(
                "研发人员数（全职）（人）",
                "R&D staff (full-time) (persons)",
            ),
        );
        for (i, v) in [5200.0, 4800.0, 4100.0].into_iter().enumerate() {
            put(years, revenue, 3 + i, Data::Float(v));
            put(years, rd_staff, 3 + i, Data::Float(12.0 + i as f64));
        }
        // A fourth year typed in on the right, header only.
        put(years, 1, 6, Data::String(pick("2021 年", "2021").into()));
        put(years, revenue, 6, Data::Float(3900.0));

        let projects = sheet(&mut book, pick("研发项目", "Projects"));
        put(projects, 2, 1, Data::String("高效电机控制器".into()));
        put(
            projects,
            2,
            2,
            Data::String(pick("应用研究", "Applied research").into()),
        );
        put(projects, 2, 3, Data::Float(80.0));
        put(projects, 2, 4, Data::String("2024-03-01".into()));
        put(projects, 2, 6, Data::String(pick("在研", "Ongoing").into()));

        let back = import_bytes(&workbook(&book), "filled.xlsx").expect("reads");
        assert!(back.problems.is_empty(), "{lang:?}: {:?}", back.problems);
        let a = back.assessment;
        assert_eq!(a.company.name, "江西测试科技有限公司");
        assert_eq!(a.company.city, Some(innocheck::model::City::Ganzhou));
        assert_eq!(a.company.founded, NaiveDate::from_ymd_opt(2020, 1, 1));
        assert_eq!(a.company.independent_legal_person, Some(true));
        assert_eq!(a.company.products_permitted, None, "blank stays unanswered");
        assert_eq!(a.conditions.equipment_value, Some(350.5));
        assert_eq!(a.conditions.rd_space_m2, Some(1200.0));
        assert_eq!(a.as_of, None);
        let ys: Vec<i32> = a.years.iter().map(|y| y.year).collect();
        assert_eq!(ys, [2024, 2023, 2022, 2021]);
        assert_eq!(a.year(2024).and_then(|y| y.revenue), Some(5200.0));
        assert_eq!(a.year(2022).and_then(|y| y.rd_staff), Some(14));
        assert_eq!(a.year(2021).and_then(|y| y.revenue), Some(3900.0));
        assert_eq!(a.year(2021).and_then(|y| y.rd_staff), None);
        assert_eq!(
            a.year(2024).and_then(|y| y.rd_spend),
            None,
            "missing, never zero"
        );
        assert_eq!(a.projects.len(), 1);
        let p = &a.projects[0];
        assert_eq!(p.kind, innocheck::model::ProjectKind::Applied);
        assert_eq!(p.budget, Some(80.0));
        assert_eq!(p.start, NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_eq!(p.end, None);
        assert!(a.awards.is_empty() && a.titles.is_empty());
    }
}

// ------------------------------------------------------------ bad cells

/// The Chinese export of a sample, as sheets to spoil.
fn exported() -> Vec<Sheet> {
    let a = innocheck::storage::sample("hongdu-precision.ron").expect("sample");
    sheets(&export(&a, Lang::Zh))
}

/// Imports `book` and returns its problems (the import itself succeeds).
fn problems(book: &[Sheet]) -> Vec<CellProblem> {
    import_bytes(&workbook(book), "bad.xlsx")
        .expect("the workbook opens")
        .problems
}

/// The one problem of `book`: its sheet, cell and reason; the message names
/// the sheet and cell in the user's language.
fn one_problem(book: &[Sheet]) -> (String, Option<String>, Reason) {
    let p = problems(book);
    assert_eq!(p.len(), 1, "{p:#?}");
    let p = p.into_iter().next().expect("one");
    let zh = p.message(Lang::Zh);
    let en = p.message(Lang::En);
    assert!(zh.contains(&format!("工作表“{}”", p.sheet)), "{zh}");
    if let Some(cell) = &p.cell {
        assert!(zh.contains(&format!("单元格 {cell}")), "{zh}");
        assert!(en.contains(&format!("cell {cell}")), "{en}");
    }
    assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    assert!(en.is_ascii() || !en.contains("工作表"), "{en}");
    (p.sheet, p.cell, p.reason)
}

#[test]
fn text_in_a_number_cell_is_named_by_sheet_and_cell() {
    let mut book = exported();
    let years = sheet(&mut book, "年度数据");
    let r = row_of(years, "revenue");
    put(years, r, 3, Data::String("约1300".into()));
    let (s, cell, reason) = one_problem(&book);
    assert_eq!((s.as_str(), cell.as_deref()), ("年度数据", Some("D3")));
    assert_eq!(reason, Reason::NotANumber("约1300".into()));
    assert!(
        problems(&book)[0]
            .message(Lang::Zh)
            .contains("应填数字，现为“约1300”")
    );
}

#[test]
fn a_negative_amount_where_none_is_allowed() {
    let mut book = exported();
    let years = sheet(&mut book, "年度数据");
    let r = row_of(years, "rd_spend");
    put(years, r, 4, Data::Float(-5.0));
    let (_, cell, reason) = one_problem(&book);
    assert_eq!(cell.as_deref(), Some(format!("E{}", r + 1).as_str()));
    assert_eq!(reason, Reason::Negative(-5.0));
    // A loss is allowed.
    let mut book = exported();
    let years = sheet(&mut book, "年度数据");
    let r = row_of(years, "net_profit");
    put(years, r, 3, Data::Float(-120.0));
    assert!(problems(&book).is_empty());
    // A negative head count is not.
    let mut book = exported();
    let profile = sheet(&mut book, "基本情况");
    let r = row_of(profile, "staff.senior_experts");
    put(profile, r, 3, Data::Float(-1.0));
    assert_eq!(one_problem(&book).2, Reason::Negative(-1.0));
}

#[test]
fn non_finite_and_fractional_numbers() {
    for bad in ["NaN", "inf", "-Infinity"] {
        let mut book = exported();
        let years = sheet(&mut book, "年度数据");
        let r = row_of(years, "total_assets");
        put(years, r, 3, Data::String(bad.into()));
        assert!(
            matches!(one_problem(&book).2, Reason::NotFinite(_)),
            "{bad}"
        );
    }
    let mut book = exported();
    let years = sheet(&mut book, "年度数据");
    let r = row_of(years, "rd_staff");
    put(years, r, 3, Data::Float(2.5));
    assert_eq!(one_problem(&book).2, Reason::NotWhole(2.5));
}

#[test]
fn an_unknown_year_column() {
    let mut book = exported();
    let years = sheet(&mut book, "年度数据");
    let r = row_of(years, "revenue");
    put(years, 1, 6, Data::String("上年".into()));
    put(years, r, 6, Data::Float(100.0));
    let (_, cell, reason) = one_problem(&book);
    assert_eq!(cell.as_deref(), Some("G2"));
    assert_eq!(reason, Reason::UnknownYear("上年".into()));
    // The same year twice.
    let mut book = exported();
    let years = sheet(&mut book, "年度数据");
    put(years, 1, 6, Data::String("2024 年".into()));
    assert_eq!(one_problem(&book).2, Reason::DuplicateYear(2024));
}

#[test]
fn a_date_in_a_wrong_format_and_a_word_not_in_the_list() {
    let mut book = exported();
    let profile = sheet(&mut book, "基本情况");
    let r = row_of(profile, "company.founded");
    put(profile, r, 3, Data::String("30.06.2024".into()));
    let (s, cell, reason) = one_problem(&book);
    assert_eq!(s, "基本情况");
    assert_eq!(cell, Some(format!("D{}", r + 1)));
    assert_eq!(reason, Reason::NotADate("30.06.2024".into()));

    let mut book = exported();
    let profile = sheet(&mut book, "基本情况");
    let r = row_of(profile, "company.city");
    put(profile, r, 3, Data::String("北京".into()));
    let p = problems(&book);
    assert!(
        p[0].message(Lang::Zh).contains("“北京”不是可选项"),
        "{}",
        p[0].message(Lang::Zh)
    );
    assert!(p[0].message(Lang::Zh).contains("赣州"));

    let mut book = exported();
    let profile = sheet(&mut book, "基本情况");
    let r = row_of(profile, "direction.own_brand");
    put(profile, r, 3, Data::String("可能".into()));
    assert_eq!(one_problem(&book).2, Reason::NotYesNo("可能".into()));

    // A title without its kind.
    let mut book = exported();
    let titles = sheet(&mut book, "已获称号");
    put(titles, 2, 1, Data::Empty);
    let (s, cell, reason) = one_problem(&book);
    assert_eq!(
        (s.as_str(), cell.as_deref(), reason),
        ("已获称号", Some("B3"), Reason::Required)
    );
}

#[test]
fn a_merged_or_moved_header() {
    let mut book = exported();
    sheet(&mut book, "基本情况").merged.push((1, 1, 1, 2));
    let (s, cell, reason) = one_problem(&book);
    assert_eq!((s.as_str(), cell.as_deref()), ("基本情况", Some("B2")));
    assert_eq!(reason, Reason::MergedHeader("B2:C2".into()));

    // A row inserted above the header moves the hidden keys.
    let mut book = exported();
    sheet(&mut book, "年度数据").cells.insert(0, Vec::new());
    let (s, cell, reason) = one_problem(&book);
    assert_eq!(
        (s.as_str(), cell.as_deref(), reason),
        ("年度数据", Some("A1"), Reason::HeaderMoved)
    );
    assert!(
        problems(&book)[0]
            .message(Lang::Zh)
            .contains("表头已被移动或修改")
    );
}

#[test]
fn a_missing_sheet() {
    let mut book = exported();
    book.retain(|s| s.name != "年度数据");
    let (s, cell, reason) = one_problem(&book);
    assert_eq!(
        (s.as_str(), cell, reason),
        ("年度数据", None, Reason::MissingSheet)
    );
    assert_eq!(
        problems(&book)[0].message(Lang::En),
        "sheet ‘Fiscal years’: the sheet is missing (import a workbook exported by innocheck or its template)"
    );
    // A list sheet left out is an empty list.
    let mut book = exported();
    book.retain(|s| s.name != "创客中国");
    assert!(problems(&book).is_empty());
}

#[test]
fn files_that_are_not_workbooks() {
    let ron = innocheck::storage::SAMPLES[0].1.as_bytes();
    let good = export(&Assessment::default(), Lang::Zh);
    let cut = &good[..good.len() / 2];
    for (bytes, what) in [
        (ron, "ron"),
        (cut, "cut"),
        (&b"PK\x03\x04garbage"[..], "zip head"),
    ] {
        let e = import_bytes(bytes, "客户.xlsx").expect_err(what);
        assert!(matches!(e, ImportError::NotXlsx { .. }), "{what}: {e:?}");
        assert!(
            e.message(Lang::Zh).contains("不是 Excel 工作簿"),
            "{}",
            e.message(Lang::Zh)
        );
        assert!(e.message(Lang::Zh).contains("客户.xlsx"));
        assert!(e.to_string().contains("客户.xlsx"));
    }
    let e = import_bytes(b"", "空.xlsx").expect_err("empty");
    assert_eq!(e.message(Lang::Zh), "文件为空：空.xlsx");
}

#[test]
fn a_sparse_sheet_costs_what_it_holds() {
    // A cell in the last row and column of the profile: read in no time,
    // reported as an unknown item, never a rectangle of 17 billion cells.
    let book = exported();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("基本情况").expect("name");
    for (c, d) in book[0].cells[0].iter().enumerate() {
        if let Data::String(t) = d {
            ws.write_string(0, c as u16, t).expect("key");
        }
    }
    ws.write_string(1_048_575, 3, "x").expect("far cell");
    ws.write_string(1_048_575, 16_383, "y")
        .expect("farthest cell");
    for s in &book[1..] {
        let w = wb.add_worksheet();
        w.set_name(&s.name).expect("name");
        for (r, row) in s.cells.iter().enumerate() {
            for (c, d) in row.iter().enumerate() {
                match d {
                    Data::String(t) => {
                        w.write_string(r as u32, c as u16, t).expect("text");
                    }
                    Data::Float(f) => {
                        w.write_number(r as u32, c as u16, *f).expect("number");
                    }
                    _ => {}
                }
            }
        }
    }
    let bytes = wb.save_to_buffer().expect("saves");
    let start = std::time::Instant::now();
    let p = import_bytes(&bytes, "sparse.xlsx").expect("reads").problems;
    assert!(start.elapsed().as_secs() < 5);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].cell.as_deref(), Some("C1048576"));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// A damaged workbook (bytes changed anywhere) is an error or problems, never a panic.
    #[test]
    fn damaged_workbooks_never_panic(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = export(&Assessment::default(), Lang::Zh);
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        let _ = import_bytes(&bytes, "damaged.xlsx");
    }
}
