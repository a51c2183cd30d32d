//! The spreadsheet export, read back with calamine: the answers, every
//! criterion's outcome and the gaps, in the report's language.

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

#[test]
fn the_workbook_holds_answers_criteria_and_gaps() {
    let (a, r) = sample("hongdu-precision.ron", Lang::Zh);
    let mut wb = open(xlsx::render(&a, &r).expect("renders"));
    assert_eq!(
        wb.sheet_names(),
        ["填报数据", "评价结果", "差距与下一步", "说明"]
    );

    let answers = wb.worksheet_range("填报数据").expect("answers");
    let head: Vec<String> = answers
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(text)
        .collect();
    assert_eq!(head, ["字段 ID", "项目", "年度", "填报值", "单位", "备注"]);
    let name = row(&answers, 0, "company.name");
    assert_eq!(text(&name[3]), "江西洪岳精密机械有限公司");
    let rd = row(&answers, 0, "years.2024.rd_spend");
    assert_eq!(text(&rd[1]), "研发费用");
    assert_eq!(rd[2], Data::Float(2024.0));
    assert_eq!(rd[3], Data::Float(1310.0), "numbers stay numbers");
    assert_eq!(text(&rd[4]), "万元");
    let staff = row(&answers, 0, "years.2024.rd_staff");
    assert_eq!(staff[3], Data::Float(58.0));
    assert_eq!(text(&staff[4]), "人");
    // Every answer once; all three fiscal years are listed.
    let ids: Vec<String> = answers.rows().skip(1).map(|r| text(&r[0])).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate field ids");
    for y in &a.years {
        assert!(ids.contains(&format!("years.{}.revenue", y.year)));
    }
    assert_eq!(
        ids,
        xlsx::answers(&a, Lang::Zh)
            .iter()
            .map(|x| x.id.clone())
            .collect::<Vec<_>>()
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
            "要求",
            "差距",
            "得分",
            "可信度",
            "依据"
        ]
    );
    let spec = row(&criteria, 1, "sme.2022.specialized.rd");
    assert_eq!(text(&spec[3]), "未达标");
    assert!(text(&spec[6]).contains("研发费用再增加"), "{:?}", spec[6]);
    assert!(text(&spec[9]).contains("工信部企业〔2022〕63号"));
    let scored = criteria
        .rows()
        .skip(1)
        .find(|r| !text(&r[7]).is_empty())
        .expect("a scored item with points");
    assert!(text(&scored[7]).contains('/'), "points as earned/max");

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
    assert_eq!(we.sheet_names(), ["Answers", "Criteria", "Gaps", "About"]);
    let az = wz.worksheet_range("填报数据").expect("zh answers");
    let ae = we.worksheet_range("Answers").expect("en answers");
    assert_eq!(az.height(), ae.height());
    for (x, y) in az.rows().zip(ae.rows()).skip(1) {
        assert_eq!(x[0], y[0], "same field ids");
        if let (Data::Float(p), Data::Float(q)) = (&x[3], &y[3]) {
            assert_eq!(p, q, "same numbers");
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
    let answers = wb.worksheet_range("填报数据").expect("answers");
    let name = row(&answers, 0, "company.name");
    assert!(matches!(name.get(3), None | Some(Data::Empty)));
    assert!(
        !answers
            .rows()
            .skip(1)
            .any(|r| r.get(3) == Some(&Data::Float(0.0)))
    );
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
    assert_eq!(wb.sheet_names(), ["Answers", "Criteria", "Gaps", "About"]);
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

/// The answers sheet, and its note column.
fn note_of(answers: &Range<Data>, id: &str) -> String {
    row(answers, 0, id).get(5).map(text).unwrap_or_default()
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
        (Lang::Zh, "填报数据", "说明", "未计入评价"),
        (Lang::En, "Answers", "About", "Not evaluated"),
    ] {
        let r = innocheck::report::data::build(text_of.as_bytes(), &a, &ev, lang);
        let mut wb = open(xlsx::render(&a, &r).expect("renders"));
        let answers = wb.worksheet_range(sheet).expect("answers");
        let head = answers.rows().next().expect("header");
        assert_eq!(
            text(&head[5]),
            if lang == Lang::Zh { "备注" } else { "Note" }
        );
        for id in ["years.2022.revenue", "years.2022.rd_spend"] {
            assert_eq!(note_of(&answers, id), flag, "{id}");
        }
        for id in ["years.2024.revenue", "years.2023.rd_spend"] {
            assert_eq!(note_of(&answers, id), "", "{id} is evaluated");
        }
        assert!(
            answers
                .rows()
                .skip(1)
                .filter(|r| r.get(5).is_some_and(|c| !text(c).is_empty()))
                .all(|r| text(&r[0]).starts_with("years.2022.")),
            "only the year outside is marked"
        );
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
    let answers = wb.worksheet_range("填报数据").expect("answers");
    assert!(
        answers
            .rows()
            .skip(1)
            .all(|r| r.get(5).is_none_or(|c| text(c).is_empty()))
    );
}
