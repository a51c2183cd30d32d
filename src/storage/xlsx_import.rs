//! Reading an answers workbook (the export, or the template filled in by a
//! client) back into an [`Assessment`].
//!
//! Sheets, rows and columns are found by the hidden keys the layout writes
//! ([`super::sheets`]), with the labels in either language as a fallback, so
//! the English template, a renamed sheet or a retyped label still import.
//! Every cell that cannot be read is reported with its sheet, its cell (A1)
//! and the reason, all of them at once; the rest of the workbook is read.
//! Values go through the assessment's serde form, as the layout describes it:
//! what was exported comes back identical, an empty cell stays unanswered.

use std::path::Path;

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use super::StorageError;
use super::sheets::{self, Column, ITEMS, Kind, LISTS, List};
use super::xlsx_read::{Cell, Merge, Workbook};
use crate::i18n::errors::fill;
use crate::i18n::workbook as t;
use crate::i18n::{Lang, Tr};
use crate::model::{Assessment, FISCAL_FIELDS, FiscalField};

/// Why a cell (or a sheet) could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Text where a number belongs.
    NotANumber(String),
    /// A negative number where none is allowed.
    Negative(f64),
    /// NaN, infinity or an Excel error value (`#DIV/0!`).
    NotFinite(String),
    /// A fraction where a whole number belongs.
    NotWhole(f64),
    /// Outside what the field can hold.
    OutOfRange {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
        /// Found.
        value: f64,
    },
    /// Not a date.
    NotADate(String),
    /// Not yes or no.
    NotYesNo(String),
    /// Not one of the options.
    NotAChoice {
        /// Found.
        text: String,
        /// The options, in both languages.
        options: Vec<sheets::Choice>,
    },
    /// A year column whose header is not a year.
    UnknownYear(String),
    /// Two columns for one year.
    DuplicateYear(i32),
    /// A row naming no known field.
    UnknownItem(String),
    /// A field given twice.
    DuplicateItem(String),
    /// A required cell left blank.
    Required,
    /// The hidden key row or column is missing or moved.
    HeaderMoved,
    /// Merged cells in the header (the range, e.g. `B2:D2`).
    MergedHeader(String),
    /// A sheet the import needs is not in the workbook.
    MissingSheet,
}

impl Reason {
    /// The reason in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let l = |tr: Tr| lang.t(tr);
        match self {
            Reason::NotANumber(s) => fill(l(t::NOT_A_NUMBER), &[("text", s)]),
            Reason::Negative(v) => fill(l(t::NEGATIVE), &[("value", v)]),
            Reason::NotFinite(s) => fill(l(t::NOT_FINITE), &[("text", s)]),
            Reason::NotWhole(v) => fill(l(t::NOT_WHOLE), &[("value", v)]),
            Reason::OutOfRange { min, max, value } => fill(
                l(t::OUT_OF_RANGE),
                &[("min", min), ("max", max), ("value", value)],
            ),
            Reason::NotADate(s) => fill(l(t::NOT_A_DATE), &[("text", s)]),
            Reason::NotYesNo(s) => fill(l(t::NOT_YES_NO), &[("text", s)]),
            Reason::NotAChoice { text, options } => {
                let options = options
                    .iter()
                    .map(|o| lang.pick(o.zh, o.en))
                    .collect::<Vec<_>>()
                    .join(lang.pick("、", ", "));
                fill(l(t::NOT_A_CHOICE), &[("text", text), ("options", &options)])
            }
            Reason::UnknownYear(s) => fill(l(t::UNKNOWN_YEAR), &[("text", s)]),
            Reason::DuplicateYear(y) => fill(l(t::DUPLICATE_YEAR), &[("year", y)]),
            Reason::UnknownItem(s) => fill(l(t::UNKNOWN_ITEM), &[("text", s)]),
            Reason::DuplicateItem(s) => fill(l(t::DUPLICATE_ITEM), &[("text", s)]),
            Reason::Required => l(t::REQUIRED).to_string(),
            Reason::HeaderMoved => l(t::HEADER_MOVED).to_string(),
            Reason::MergedHeader(r) => fill(l(t::MERGED_HEADER), &[("range", r)]),
            Reason::MissingSheet => l(t::MISSING_SHEET).to_string(),
        }
    }
}

/// A cell (or sheet) the import could not read.
#[derive(Debug, Clone, PartialEq)]
pub struct CellProblem {
    /// Sheet name as in the workbook (or as the template names it, when missing).
    pub sheet: String,
    /// The cell in A1 notation; `None` for a whole sheet.
    pub cell: Option<String>,
    /// Why.
    pub reason: Reason,
}

impl CellProblem {
    /// "工作表“年度数据”单元格 D5：应填数字，现为“约1300”", in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let reason = self.reason.message(lang);
        // A missing sheet is named as the template names it, in `lang`.
        let known = [t::PROFILE, t::YEARS]
            .into_iter()
            .chain(LISTS.iter().map(|l| l.sheet))
            .find(|tr| self.reason == Reason::MissingSheet && tr.zh == self.sheet);
        let sheet = known.map_or(self.sheet.as_str(), |tr| lang.t(tr));
        match &self.cell {
            Some(cell) => fill(
                lang.t(t::AT_CELL),
                &[("sheet", &sheet), ("cell", cell), ("reason", &reason)],
            ),
            None => fill(
                lang.t(t::AT_SHEET),
                &[("sheet", &sheet), ("reason", &reason)],
            ),
        }
    }
}

impl std::fmt::Display for CellProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Why a workbook could not be read at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read (missing, a folder, too large …).
    #[error("{0}")]
    Storage(#[from] StorageError),
    /// The file is empty.
    #[error("the file is empty: {file}")]
    Empty {
        /// File.
        file: String,
    },
    /// Not an xlsx workbook, or a damaged one.
    #[error("not an Excel workbook (.xlsx), or damaged: {detail}: {file}")]
    NotXlsx {
        /// File.
        file: String,
        /// What the reader said.
        detail: String,
    },
}

impl ImportError {
    /// The error in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Storage(e) => e.message(lang),
            ImportError::Empty { file } => fill(lang.t(t::EMPTY_FILE), &[("file", file)]),
            ImportError::NotXlsx { file, detail } => {
                fill(lang.t(t::NOT_XLSX), &[("file", file), ("detail", detail)])
            }
        }
    }
}

/// A workbook read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The answers that could be read (a cell that could not is left unanswered).
    pub assessment: Assessment,
    /// Every cell that could not be read, in sheet and row order.
    pub problems: Vec<CellProblem>,
}

/// Reads the workbook at `path` (a regular file of at most
/// [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES)).
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let bytes = super::read(path)?;
    import_bytes(&bytes, &path.display().to_string())
}

/// Reads a workbook from `bytes`; `file` names it in errors.
pub fn import_bytes(bytes: &[u8], file: &str) -> Result<Imported, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty { file: file.into() });
    }
    let not_xlsx = |e: &dyn std::fmt::Display| ImportError::NotXlsx {
        file: file.into(),
        detail: e.to_string(),
    };
    let mut wb = Workbook::open(bytes).map_err(|e| not_xlsx(&e))?;
    let mut sheets: Vec<Sheet> = Vec::new();
    for (index, name) in wb.sheet_names().into_iter().enumerate() {
        let (grid, merged) = Grid::read(&mut wb, index, &name).map_err(|e| not_xlsx(&e))?;
        sheets.push(Sheet { name, grid, merged });
    }
    let mut r = Read {
        value: serde_json::to_value(Assessment::default()).unwrap_or(Value::Null),
        problems: Vec::new(),
    };

    let parts = [Part::Profile, Part::Years]
        .into_iter()
        .chain(LISTS.iter().map(Part::List));
    for part in parts {
        read_part(&mut r, &sheets, part);
    }
    let assessment = match serde_json::from_value::<Assessment>(r.value) {
        Ok(a) => a,
        // The layout only writes what the model holds; a failure here would be
        // a bug, reported rather than hidden.
        Err(e) => {
            return Err(ImportError::NotXlsx {
                file: file.into(),
                detail: e.to_string(),
            });
        }
    };
    Ok(Imported {
        assessment,
        problems: r.problems,
    })
}

/// A part of the workbook: the profile, the fiscal years or a list.
#[derive(Clone, Copy)]
enum Part {
    Profile,
    Years,
    List(&'static List),
}

impl Part {
    /// The sheet kind its mark names (`innocheck:years`).
    fn kind(self) -> &'static str {
        match self {
            Part::Profile => sheets::PROFILE,
            Part::Years => sheets::YEARS,
            Part::List(l) => l.key,
        }
    }

    /// The sheet's names in the template.
    fn names(self) -> Tr {
        match self {
            Part::Profile => t::PROFILE,
            Part::Years => t::YEARS,
            Part::List(l) => l.sheet,
        }
    }
}

/// Finds the sheet of `part` — by its mark, else by its name in either
/// language (then its header was moved) — and reads it, unless its header has
/// merged cells. A missing profile or years sheet is a problem; a missing
/// list sheet is an empty list.
fn read_part(r: &mut Read, book: &[Sheet], part: Part) {
    let mark = format!("{}{}", sheets::MARK, part.kind());
    let names = part.names();
    let found = book
        .iter()
        .find(|s| text_at(&s.grid, 0, 0) == mark)
        .map(|s| (s, true))
        .or_else(|| {
            book.iter()
                .find(|s| s.name.trim() == names.zh || s.name.trim().eq_ignore_ascii_case(names.en))
                .map(|s| (s, false))
        });
    let Some((sheet, marked)) = found else {
        if !matches!(part, Part::List(_)) {
            r.problem(names.zh, None, Reason::MissingSheet);
        }
        return;
    };
    let (name, range) = (&sheet.name, &sheet.grid);
    if let Some(d) = sheet
        .merged
        .iter()
        .find(|d| d.start.0 < sheets::HEADER_ROWS)
    {
        let range_text = format!(
            "{}:{}",
            cell_ref(d.start.0, d.start.1),
            cell_ref(d.end.0, d.end.1)
        );
        r.problem(
            name,
            Some(cell_ref(d.start.0, d.start.1)),
            Reason::MergedHeader(range_text),
        );
        return;
    }
    if !marked {
        r.problem(name, Some("A1".into()), Reason::HeaderMoved);
        return;
    }
    match part {
        Part::Profile => read_profile(r, name, range),
        Part::Years => read_years(r, name, range),
        Part::List(list) => read_list(r, list, name, range),
    }
}

/// The answers read so far and the problems met.
struct Read {
    value: Value,
    problems: Vec<CellProblem>,
}

impl Read {
    fn problem(&mut self, sheet: &str, cell: Option<String>, reason: Reason) {
        self.problems.push(CellProblem {
            sheet: sheet.to_string(),
            cell,
            reason,
        });
    }

    /// Reads cell (`row`, `col`) as `kind`; a problem is recorded and `None` returned.
    fn cell(&mut self, sheet: &str, range: &Grid, row: u32, col: u32, kind: Kind) -> Option<Value> {
        match range
            .get_value((row, col))
            .map_or(Ok(None), |d| read_cell(d, kind))
        {
            Ok(v) => v,
            Err(reason) => {
                self.problem(sheet, Some(cell_ref(row, col)), reason);
                None
            }
        }
    }
}

/// `A1` notation of a 0-based cell.
#[must_use]
pub fn cell_ref(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// The text of a cell, numbers written plainly (`2024`, `12.5`), a date as
/// `2024-06-30`.
fn text_of(d: &Cell) -> String {
    match d {
        Cell::Text(s) | Cell::Error(s) => s.clone(),
        Cell::Number(f) => f.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Date(x) => serial_date(*x).map_or_else(|| x.to_string(), |d| d.to_string()),
    }
}

fn text_at(range: &Grid, row: u32, col: u32) -> String {
    range.get_value((row, col)).map(text_of).unwrap_or_default()
}

fn is_blank(d: Option<&Cell>) -> bool {
    match d {
        None => true,
        Some(Cell::Text(s)) => s.is_empty(),
        Some(_) => false,
    }
}

/// Whether `text` is the label `tr` in either language, with or without its unit.
fn is_label(text: &str, tr: Tr, unit: Option<crate::metrics::Unit>) -> bool {
    let text = text.trim();
    !text.is_empty()
        && [Lang::Zh, Lang::En].iter().any(|&lang| {
            let l = lang.t(tr);
            text == l
                || text == sheets::with_unit(l, unit, lang)
                || (lang == Lang::En && text.eq_ignore_ascii_case(l))
        })
}

/// A sheet read: its name, its filled cells and its merged ranges.
struct Sheet {
    name: String,
    grid: Grid,
    merged: Vec<Merge>,
}

/// The non-empty cells of one sheet, by (row, column), 0-based: a sparse
/// sheet (a cell in A1 and one in XFD1048576) costs what it holds, not the
/// rectangle between.
#[derive(Default)]
struct Grid {
    cells: HashMap<(u32, u32), Cell>,
    rows: BTreeSet<u32>,
    cols: BTreeSet<u32>,
}

/// Most filled cells read from one sheet (the answers take a few hundred;
/// a list of projects a few per entry).
const MAX_CELLS: usize = 2_000_000;

impl Grid {
    /// Reads sheet number `index` (named `name`) cell by cell, with its merged ranges.
    fn read(wb: &mut Workbook<'_>, index: usize, name: &str) -> Result<(Grid, Vec<Merge>), String> {
        let mut g = Grid::default();
        let merged = wb.read_sheet(index, &mut |row, col, d| {
            if is_blank(Some(&d)) {
                return Ok(());
            }
            if g.cells.len() >= MAX_CELLS {
                return Err(format!(
                    "more than {MAX_CELLS} filled cells in sheet {name}"
                ));
            }
            g.rows.insert(row);
            g.cols.insert(col);
            g.cells.insert((row, col), d);
            Ok(())
        })?;
        Ok((g, merged))
    }

    /// The cell at (`row`, `col`), if filled.
    fn get_value(&self, at: (u32, u32)) -> Option<&Cell> {
        self.cells.get(&at)
    }

    /// The filled rows from `first` on, in order.
    fn rows_from(&self, first: u32) -> impl Iterator<Item = u32> + '_ {
        self.rows.range(first..).copied()
    }

    /// The filled columns from `first` on, in order.
    fn cols_from(&self, first: u32) -> impl Iterator<Item = u32> + '_ {
        self.cols.range(first..).copied()
    }
}

/// A year from a header: `2024`, `2024 年`, `2024年度`, `FY2024`.
fn year_of(d: &Cell) -> Option<i32> {
    match d {
        Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e9 => Some(*f as i32),
        Cell::Text(s) => {
            let s = s.trim();
            let s = s.strip_prefix("FY").unwrap_or(s).trim();
            let s = s
                .strip_suffix("年度")
                .or_else(|| s.strip_suffix('年'))
                .unwrap_or(s)
                .trim();
            s.parse().ok()
        }
        _ => None,
    }
}

/// The field row `at.0` holds: by its hidden key (column A), else — the key
/// lost — by its label (column `at.1`) in either language; `lookup` maps
/// (key, label) to the field and its name. A row holding values that names no
/// field, or a field given twice, is a problem, and `None`.
fn row_field<T>(
    r: &mut Read,
    sheet: &str,
    range: &Grid,
    at: (u32, Option<u32>),
    seen: &mut std::collections::HashSet<&'static str>,
    has_value: bool,
    lookup: impl Fn(&str, &str) -> Option<(T, &'static str)>,
) -> Option<T> {
    let (row, label_col) = at;
    let key = text_at(range, row, 0);
    let label = label_col
        .map(|c| text_at(range, row, c))
        .unwrap_or_default();
    let cell = Some(cell_ref(row, label_col.unwrap_or(0)));
    match lookup(key.trim(), &label) {
        None => {
            if has_value {
                let shown = if label.trim().is_empty() { key } else { label };
                r.problem(sheet, cell, Reason::UnknownItem(shown));
            }
            None
        }
        Some((_, name)) if !seen.insert(name) => {
            r.problem(sheet, cell, Reason::DuplicateItem(label));
            None
        }
        Some((field, _)) => Some(field),
    }
}

fn read_profile(r: &mut Read, sheet: &str, range: &Grid) {
    let col_of = |key: &str| range.cols_from(0).find(|&c| text_at(range, 0, c) == key);
    let Some(value_col) = col_of(sheets::VALUE) else {
        r.problem(sheet, Some("A1".into()), Reason::HeaderMoved);
        return;
    };
    let label_col = col_of(sheets::LABEL);
    let mut seen = std::collections::HashSet::new();
    for row in range.rows_from(sheets::HEADER_ROWS) {
        let has_value = !is_blank(range.get_value((row, value_col)));
        let found = row_field(
            r,
            sheet,
            range,
            (row, label_col),
            &mut seen,
            has_value,
            |key, label| {
                ITEMS
                    .iter()
                    .find(|i| i.key == key)
                    .or_else(|| {
                        key.is_empty()
                            .then(|| ITEMS.iter().find(|i| is_label(label, i.label, i.unit)))
                            .flatten()
                    })
                    .map(|i| (i, i.key))
            },
        );
        let Some(item) = found else {
            continue;
        };
        if let Some(v) = r.cell(sheet, range, row, value_col, item.kind) {
            sheets::set(&mut r.value, item.key, v);
        }
    }
}

fn read_years(r: &mut Read, sheet: &str, range: &Grid) {
    let mut label_col = None;
    let mut years: Vec<(u32, i32)> = Vec::new();
    for c in range.cols_from(1) {
        let machine = range.get_value((0, c));
        let visible = range.get_value((1, c));
        let key = machine.map(text_of).unwrap_or_default();
        if key == sheets::LABEL {
            label_col = Some(c);
            continue;
        }
        if key == sheets::PAGE {
            continue;
        }
        let year = if is_blank(machine) {
            if is_blank(visible) {
                continue;
            }
            visible.and_then(year_of)
        } else {
            machine.and_then(year_of)
        };
        match year {
            Some(y) if years.iter().any(|(_, z)| *z == y) => {
                r.problem(sheet, Some(cell_ref(1, c)), Reason::DuplicateYear(y));
            }
            Some(y) => years.push((c, y)),
            None => {
                let shown = visible
                    .map(text_of)
                    .filter(|s| !s.is_empty())
                    .unwrap_or(key);
                r.problem(sheet, Some(cell_ref(1, c)), Reason::UnknownYear(shown));
            }
        }
    }
    let mut objects: Vec<Map<String, Value>> = years
        .iter()
        .map(|(_, y)| {
            let mut m = Map::new();
            m.insert("year".into(), Value::from(*y));
            m
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    for row in range.rows_from(sheets::HEADER_ROWS) {
        let has_value = years
            .iter()
            .any(|(c, _)| !is_blank(range.get_value((row, *c))));
        let found = row_field(
            r,
            sheet,
            range,
            (row, label_col),
            &mut seen,
            has_value,
            |key, label| {
                FiscalField::by_name(key)
                    .or_else(|| {
                        key.is_empty()
                            .then(|| {
                                FISCAL_FIELDS
                                    .iter()
                                    .find(|f| is_label(label, f.label, Some(f.unit())))
                            })
                            .flatten()
                    })
                    .map(|f| (f, f.name))
            },
        );
        let Some(field) = found else {
            continue;
        };
        let kind = sheets::fiscal_kind(field);
        for (i, (c, _)) in years.iter().enumerate() {
            if let Some(v) = r.cell(sheet, range, row, *c, kind) {
                objects[i].insert(field.name.into(), v);
            }
        }
    }
    sheets::set(
        &mut r.value,
        "years",
        Value::Array(objects.into_iter().map(Value::Object).collect()),
    );
}

fn read_list(r: &mut Read, list: &List, sheet: &str, range: &Grid) {
    // Column of each field: by the hidden key, else by the visible label.
    let mut cols: Vec<(u32, &Column)> = Vec::new();
    for c in range.cols_from(1) {
        let key = text_at(range, 0, c);
        let visible = text_at(range, 1, c);
        let found = if key.is_empty() {
            list.columns
                .iter()
                .find(|col| is_label(&visible, col.label, col.unit))
        } else {
            list.columns
                .iter()
                .find(|col| col.key == key || (list.plain() && key == sheets::VALUE))
        };
        if let Some(col) = found
            && !cols.iter().any(|(_, k)| k.key == col.key)
        {
            cols.push((c, col));
        }
    }
    let mut entries = Vec::new();
    for row in range.rows_from(sheets::HEADER_ROWS) {
        if list.plain() {
            let v = cols
                .first()
                .and_then(|(c, col)| r.cell(sheet, range, row, *c, col.kind))
                .unwrap_or_else(|| Value::String(String::new()));
            entries.push(v);
            continue;
        }
        let mut m = Map::new();
        for col in list.columns {
            let at = cols.iter().find(|(_, k)| k.key == col.key).map(|(c, _)| *c);
            let v = at.and_then(|c| r.cell(sheet, range, row, c, col.kind));
            match v {
                Some(v) => {
                    m.insert(col.key.into(), v);
                }
                None if col.required && at.is_none_or(|c| is_blank(range.get_value((row, c)))) => {
                    r.problem(
                        sheet,
                        Some(cell_ref(row, at.unwrap_or(0))),
                        Reason::Required,
                    );
                }
                None => {}
            }
        }
        if !list
            .columns
            .iter()
            .any(|c| c.required && !m.contains_key(c.key))
        {
            entries.push(Value::Object(m));
        }
    }
    sheets::set(&mut r.value, list.key, Value::Array(entries));
}

/// Reads one cell as `kind`: `None` for a blank one.
fn read_cell(d: &Cell, kind: Kind) -> Result<Option<Value>, Reason> {
    if let Cell::Text(s) = d
        && (s.is_empty() || (kind != Kind::Text && s.trim().is_empty()))
    {
        return Ok(None);
    }
    match kind {
        Kind::Text => Ok(Some(Value::String(match d {
            Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            other => text_of(other),
        }))),
        Kind::Flag => flag(d).map(|b| Some(Value::Bool(b))),
        Kind::Date => date(d).map(|x| Some(Value::String(x.to_string()))),
        Kind::Amount { signed } => {
            let n = number(d)?;
            if !signed && n < 0.0 {
                return Err(Reason::Negative(n));
            }
            Ok(serde_json::Number::from_f64(n).map(Value::Number))
        }
        Kind::Whole { min, max } => {
            let n = number(d)?;
            if n.fract() != 0.0 {
                return Err(Reason::NotWhole(n));
            }
            if n < min as f64 || n > max as f64 {
                return Err(if min == 0 && n < 0.0 {
                    Reason::Negative(n)
                } else {
                    Reason::OutOfRange { min, max, value: n }
                });
            }
            Ok(Some(Value::from(n as i64)))
        }
        Kind::Choice(c) => {
            let text = text_of(d);
            let s = text.trim();
            let options = c.options();
            options
                .iter()
                .find(|o| o.zh == s || o.en.eq_ignore_ascii_case(s) || o.key == s)
                .map(|o| Some(Value::String(o.key.clone())))
                .ok_or(Reason::NotAChoice { text, options })
        }
    }
}

/// A finite number from a number cell, or from text that is only a number
/// (`1310`, `1,310.5`).
fn number(d: &Cell) -> Result<f64, Reason> {
    let n = match d {
        Cell::Number(f) => *f,
        Cell::Text(s) => {
            let plain: String = s
                .trim()
                .chars()
                .filter(|c| !matches!(c, ',' | '，' | ' '))
                .collect();
            let looks_numeric = plain
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
            match plain.parse::<f64>() {
                Ok(n) if looks_numeric => n,
                Ok(_) => return Err(Reason::NotFinite(s.clone())),
                Err(_) => return Err(Reason::NotANumber(s.clone())),
            }
        }
        Cell::Error(e) => return Err(Reason::NotFinite(e.clone())),
        other => return Err(Reason::NotANumber(text_of(other))),
    };
    if n.is_finite() {
        Ok(n)
    } else {
        Err(Reason::NotFinite(text_of(d)))
    }
}

fn flag(d: &Cell) -> Result<bool, Reason> {
    match d {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(f) if *f == 1.0 || *f == 0.0 => Ok(*f == 1.0),
        other => {
            let s = text_of(other);
            match s.trim().to_lowercase().as_str() {
                "是" | "有" | "yes" | "y" | "true" | "√" | "✓" => Ok(true),
                "否" | "无" | "no" | "n" | "false" | "×" => Ok(false),
                _ => Err(Reason::NotYesNo(s)),
            }
        }
    }
}

/// Excel's day 0 (1899-12-30, counting its phantom 1900-02-29).
fn excel_epoch() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// The day of an Excel serial date (a whole day from 1900-01-01 on).
fn serial_date(days: f64) -> Option<chrono::NaiveDate> {
    if !days.is_finite() || days.fract() != 0.0 || !(1.0..3e6).contains(&days) {
        return None;
    }
    excel_epoch().checked_add_days(chrono::Days::new(days as u64))
}

fn date(d: &Cell) -> Result<chrono::NaiveDate, Reason> {
    let bad = || Reason::NotADate(text_of(d));
    match d {
        Cell::Date(x) => serial_date(*x).ok_or_else(bad),
        Cell::Text(s) => {
            let s = s.trim();
            let s = s.strip_suffix("T00:00:00").unwrap_or(s);
            ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"]
                .iter()
                .find_map(|f| chrono::NaiveDate::parse_from_str(s, f).ok())
                .ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_are_a1() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(4, 3), "D5");
        assert_eq!(cell_ref(0, 25), "Z1");
        assert_eq!(cell_ref(9, 26), "AA10");
        assert_eq!(cell_ref(0, 701), "ZZ1");
        assert_eq!(cell_ref(0, 702), "AAA1");
    }

    #[test]
    fn cells_are_read_strictly() {
        let money = Kind::Amount { signed: false };
        assert_eq!(
            read_cell(&Cell::Text("1,310.5".into()), money),
            Ok(Some(serde_json::json!(1310.5)))
        );
        assert_eq!(
            read_cell(&Cell::Text("约1300".into()), money),
            Err(Reason::NotANumber("约1300".into()))
        );
        assert_eq!(
            read_cell(&Cell::Number(-1.0), money),
            Err(Reason::Negative(-1.0))
        );
        assert!(matches!(
            read_cell(&Cell::Text("inf".into()), money),
            Err(Reason::NotFinite(_))
        ));
        assert_eq!(read_cell(&Cell::Text("  ".into()), money), Ok(None));
        assert_eq!(
            read_cell(&Cell::Text("  ".into()), Kind::Text),
            Ok(Some(Value::String("  ".into())))
        );
        let count = Kind::Whole { min: 0, max: 255 };
        assert_eq!(
            read_cell(&Cell::Number(2.5), count),
            Err(Reason::NotWhole(2.5))
        );
        assert!(matches!(
            read_cell(&Cell::Number(256.0), count),
            Err(Reason::OutOfRange { .. })
        ));
        assert_eq!(
            read_cell(&Cell::Text("是".into()), Kind::Flag),
            Ok(Some(Value::Bool(true)))
        );
        assert_eq!(
            read_cell(&Cell::Text("No".into()), Kind::Flag),
            Ok(Some(Value::Bool(false)))
        );
        assert_eq!(
            read_cell(&Cell::Text("2024/6/30".into()), Kind::Date),
            Ok(Some(Value::String("2024-06-30".into())))
        );
        assert!(matches!(
            read_cell(&Cell::Text("30.06.2024".into()), Kind::Date),
            Err(Reason::NotADate(_))
        ));
        assert_eq!(
            read_cell(
                &Cell::Text("Nanchang".into()),
                Kind::Choice(sheets::Choices::City)
            ),
            Ok(Some(Value::String("nanchang".into())))
        );
    }
}
