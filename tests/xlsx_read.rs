//! The import's own xlsx reader against an independent one (calamine): the
//! same cells, values and merged ranges in every sheet of the exports, the
//! templates and a workbook saved by `LibreOffice`; and that `LibreOffice`'s copy
//! of an export imports to the same answers.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use innocheck::eval::evaluate;
use innocheck::i18n::Lang;
use innocheck::report::{data::build, xlsx, xlsx_template};
use innocheck::rules::Registry;
use innocheck::storage::xlsx_import::import_bytes;
use innocheck::storage::xlsx_read::{Cell, Workbook};

/// Every sheet's name, filled cells and merged ranges, by our reader.
type Book = Vec<(
    String,
    BTreeMap<(u32, u32), Cell>,
    Vec<((u32, u32), (u32, u32))>,
)>;

fn ours(bytes: &[u8]) -> Book {
    let mut wb = Workbook::open(bytes).expect("opens");
    let mut out = Vec::new();
    for (i, name) in wb.sheet_names().into_iter().enumerate() {
        let mut cells = BTreeMap::new();
        let merges = wb
            .read_sheet(i, &mut |r, c, v| {
                cells.insert((r, c), v);
                Ok(())
            })
            .expect("reads");
        let merges = merges.into_iter().map(|m| (m.start, m.end)).collect();
        out.push((name, cells, merges));
    }
    out
}

fn theirs(bytes: &[u8]) -> Book {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("opens");
    wb.load_merged_regions().expect("merges");
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let mut cells = BTreeMap::new();
        let mut reader = wb.worksheet_cells_reader(&name).expect("sheet");
        while let Some(cell) = reader.next_cell().expect("cell") {
            let v = match Data::from(cell.get_value().clone()) {
                Data::Empty => continue,
                Data::String(s) | Data::DateTimeIso(s) if s.is_empty() => continue,
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s),
                Data::Float(f) => Cell::Number(f),
                Data::Int(i) => Cell::Number(i as f64),
                Data::Bool(b) => Cell::Bool(b),
                Data::DateTime(d) => Cell::Date(d.as_f64()),
                Data::Error(e) => Cell::Error(e.to_string()),
            };
            cells.insert(cell.get_position(), v);
        }
        drop(reader);
        let merges = wb
            .merged_regions_by_sheet(&name)
            .into_iter()
            .map(|(_, _, d)| (d.start, (d.end.0, d.end.1)))
            .collect();
        out.push((name, cells, merges));
    }
    out
}

fn same(bytes: &[u8], what: &str) {
    let mut a = ours(bytes);
    // An empty text cell is no cell for the import; calamine skips those too.
    for (_, cells, _) in &mut a {
        cells.retain(|_, v| !matches!(v, Cell::Text(s) if s.is_empty()));
    }
    let b = theirs(bytes);
    assert_eq!(a.len(), b.len(), "{what}: sheets");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.0, y.0, "{what}: sheet names");
        assert!(
            !x.1.is_empty() || y.1.is_empty(),
            "{what}/{}: no cells",
            x.0
        );
        for (at, v) in &y.1 {
            // calamine names error values its own way (`#DIV/0!` → "DIV/0")
            // and dates as it formats them; compare values, not spellings.
            let mine = x.1.get(at);
            match (mine, v) {
                (Some(Cell::Error(_)), Cell::Error(_)) => {}
                (m, v) => assert_eq!(m, Some(v), "{what}/{} at {at:?}", x.0),
            }
        }
        assert_eq!(x.1.len(), y.1.len(), "{what}/{}: cell count", x.0);
        assert_eq!(x.2, y.2, "{what}/{}: merged ranges", x.0);
    }
}

#[test]
fn the_exports_and_templates_read_as_calamine_reads_them() {
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let reg = Registry::bundled().expect("packs");
    for (name, _) in innocheck::storage::SAMPLES {
        let a = innocheck::storage::sample(name).expect("sample");
        let ev = evaluate(&a, &reg.in_force(as_of), as_of);
        for lang in [Lang::Zh, Lang::En] {
            let bytes = xlsx::render(&a, &build(b"", &a, &ev, lang)).expect("renders");
            same(&bytes, &format!("{name} {lang:?}"));
        }
    }
    for lang in [Lang::Zh, Lang::En] {
        let bytes = xlsx_template(lang, as_of).expect("template");
        same(&bytes, &format!("template {lang:?}"));
    }
}

const LIBREOFFICE: &[u8] = include_bytes!("fixtures/answers-libreoffice.xlsx");

#[test]
fn a_workbook_saved_by_libreoffice_reads_as_calamine_reads_it_and_imports_unchanged() {
    same(LIBREOFFICE, "LibreOffice");
    // The fixture is the export of the hongdu sample, opened and saved again
    // by LibreOffice Calc (its own shared strings, styles and relationships).
    let back = import_bytes(LIBREOFFICE, "answers-libreoffice.xlsx").expect("imports");
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    let sample = innocheck::storage::sample("hongdu-precision.ron").expect("sample");
    assert_eq!(back.assessment, sample);
}
