//! The answers sheets of the spreadsheet export and of the blank template,
//! laid out as [`crate::storage::sheets`] describes: the profile, the fiscal
//! years (one column per year), one sheet per list. Values are cells of their
//! kind — numbers with number formats, dates as dates, 是/否 and choices as
//! their words with a drop-down — so they sort and sum, and
//! [`crate::storage::xlsx_import`] reads them back exactly.

use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, Workbook, Worksheet};
use serde_json::Value;

use super::ReportError;
use super::xlsx::{Formats, err, print_setup};
use crate::i18n::workbook as t;
use crate::i18n::{Lang, words};
use crate::metrics::Unit;
use crate::model::{Assessment, FISCAL_FIELDS};
use crate::storage::sheets::{self, Kind, LISTS, List};

/// Rows of a list sheet given drop-downs even when the list is shorter, so
/// that entries typed in below the last one get them too.
const VALIDATED_ROWS: u32 = 500;

/// Number formats of the answer cells.
struct CellFormats {
    money: Format,
    whole: Format,
    count: Format,
    date: Format,
    text: Format,
    label: Format,
}

impl CellFormats {
    fn new() -> Self {
        let top = || Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
        CellFormats {
            money: top().set_num_format("#,##0.00"),
            whole: top().set_num_format("0"),
            count: top().set_num_format("#,##0"),
            date: top().set_num_format("yyyy-mm-dd"),
            text: top().set_text_wrap(),
            label: top().set_text_wrap(),
        }
    }
}

/// Writes the answers sheets of `a` into `wb`. Fiscal-year columns not in
/// `evaluated` (the years the evaluation reads) are marked as not evaluated.
pub(super) fn write(
    wb: &mut Workbook,
    a: &Assessment,
    lang: Lang,
    evaluated: Option<[i32; 3]>,
    fm: &Formats,
) -> Result<(), ReportError> {
    let cf = CellFormats::new();
    let value = serde_json::to_value(a).map_err(|e| ReportError::Xlsx(e.to_string()))?;
    profile(wb, &value, lang, fm, &cf)?;
    years(wb, a, lang, evaluated, fm, &cf)?;
    for list in LISTS {
        list_sheet(wb, list, &value, lang, fm, &cf)?;
    }
    Ok(())
}

/// A blank workbook in the answers layout, to hand to a client: the three
/// fiscal years before `today`, drop-downs, units in the labels, and a sheet
/// of instructions first.
pub fn template(lang: Lang, today: chrono::NaiveDate) -> Result<Vec<u8>, ReportError> {
    let mut a = Assessment::default();
    a.ensure_years(today);
    filled(&a, lang)
}

/// The template filled in with the answers of `a`: the answers sheets of the
/// export without the evaluation, as a client returns it.
pub fn filled(a: &Assessment, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let fm = Formats::new();
    let mut wb = Workbook::new();
    super::xlsx::set_properties(&mut wb, lang.t(t::HOW_TO));
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(t::HOW_TO)).map_err(|e| err(&e))?;
    ws.set_column_width(0, 110.0).map_err(|e| err(&e))?;
    print_setup(ws);
    for (i, line) in lang.t(t::HOW_TO_TEXT).lines().enumerate() {
        let row = u32::try_from(i).unwrap_or(0);
        ws.write_string_with_format(row, 0, line, &fm.wrap)
            .map_err(|e| err(&e))?;
    }
    write(&mut wb, a, lang, None, &fm)?;
    wb.save_to_buffer().map_err(|e| err(&e))
}

/// The mark in A1 of a sheet of `kind`.
fn mark(kind: &str) -> String {
    format!("{}{kind}", sheets::MARK)
}

/// Hides row 1 (the keys) and writes the visible header in row 2.
fn header_rows(
    ws: &mut Worksheet,
    fm: &Formats,
    keys: &[String],
    titles: &[(String, f64)],
) -> Result<(), ReportError> {
    ws.set_row_hidden(0).map_err(|e| err(&e))?;
    for (c, key) in keys.iter().enumerate() {
        let c = u16::try_from(c).map_err(|e| ReportError::Xlsx(e.to_string()))?;
        ws.write_string(0, c, key).map_err(|e| err(&e))?;
    }
    for (c, (title, width)) in titles.iter().enumerate() {
        let c = u16::try_from(c).map_err(|e| ReportError::Xlsx(e.to_string()))?;
        ws.write_string_with_format(1, c, title, &fm.head)
            .map_err(|e| err(&e))?;
        ws.set_column_width(c, *width).map_err(|e| err(&e))?;
    }
    print_setup(ws);
    ws.set_repeat_rows(1, 1).map_err(|e| err(&e))?;
    Ok(())
}

fn profile(
    wb: &mut Workbook,
    value: &Value,
    lang: Lang,
    fm: &Formats,
    cf: &CellFormats,
) -> Result<(), ReportError> {
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(t::PROFILE)).map_err(|e| err(&e))?;
    header_rows(
        ws,
        fm,
        &[
            mark(sheets::PROFILE),
            sheets::PAGE.into(),
            sheets::LABEL.into(),
            sheets::VALUE.into(),
        ],
        &[
            (String::new(), 8.0),
            (lang.t(t::PAGE).into(), 16.0),
            (lang.t(t::ITEM).into(), 48.0),
            (lang.t(t::VALUE).into(), 32.0),
        ],
    )?;
    ws.set_column_hidden(0).map_err(|e| err(&e))?;
    for (i, item) in sheets::ITEMS.iter().enumerate() {
        let row = sheets::HEADER_ROWS + u32::try_from(i).unwrap_or(0);
        ws.write_string(row, 0, item.key).map_err(|e| err(&e))?;
        ws.write_string_with_format(row, 1, lang.t(item.page), &cf.label)
            .map_err(|e| err(&e))?;
        ws.write_string_with_format(
            row,
            2,
            sheets::with_unit(lang.t(item.label), item.unit, lang),
            &cf.label,
        )
        .map_err(|e| err(&e))?;
        if let Some(v) = sheets::get(value, item.key) {
            cell(ws, row, 3, v, item.kind, item.unit, lang, cf)?;
        }
        validation(ws, row, 3, row, item.kind, lang)?;
    }
    ws.set_freeze_panes(sheets::HEADER_ROWS, 0)
        .map_err(|e| err(&e))?;
    Ok(())
}

fn years(
    wb: &mut Workbook,
    a: &Assessment,
    lang: Lang,
    evaluated: Option<[i32; 3]>,
    fm: &Formats,
    cf: &CellFormats,
) -> Result<(), ReportError> {
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(t::YEARS)).map_err(|e| err(&e))?;
    let mut keys = vec![
        mark(sheets::YEARS),
        sheets::PAGE.into(),
        sheets::LABEL.into(),
    ];
    let mut titles = vec![
        (String::new(), 8.0),
        (lang.t(t::PAGE).into(), 12.0),
        (lang.t(t::ITEM).into(), 40.0),
    ];
    for y in &a.years {
        keys.push(y.year.to_string());
        titles.push((
            lang.t(t::YEAR_COLUMN)
                .replace("{year}", &y.year.to_string()),
            16.0,
        ));
    }
    header_rows(ws, fm, &keys, &titles)?;
    // The year keys as numbers, and the years the evaluation does not read flagged.
    for (i, y) in a.years.iter().enumerate() {
        let c = u16::try_from(i + 3).map_err(|e| ReportError::Xlsx(e.to_string()))?;
        ws.write_number(0, c, f64::from(y.year))
            .map_err(|e| err(&e))?;
        if let Some(cols) = evaluated
            && !cols.contains(&y.year)
        {
            let title = lang
                .t(t::YEAR_NOT_EVALUATED)
                .replace("{year}", &y.year.to_string());
            ws.write_string_with_format(1, c, title, &fm.flagged)
                .map_err(|e| err(&e))?;
        }
    }
    ws.set_column_hidden(0).map_err(|e| err(&e))?;
    for (i, field) in FISCAL_FIELDS.iter().enumerate() {
        let row = sheets::HEADER_ROWS + u32::try_from(i).unwrap_or(0);
        let unit = Some(field.unit());
        ws.write_string(row, 0, field.name).map_err(|e| err(&e))?;
        ws.write_string_with_format(row, 1, lang.t(field.page.title()), &cf.label)
            .map_err(|e| err(&e))?;
        ws.write_string_with_format(
            row,
            2,
            sheets::with_unit(lang.t(field.label), unit, lang),
            &cf.label,
        )
        .map_err(|e| err(&e))?;
        for (j, y) in a.years.iter().enumerate() {
            let c = u16::try_from(j + 3).map_err(|e| ReportError::Xlsx(e.to_string()))?;
            let (n, format) = match field.access {
                crate::model::fiscal::Access::Money { get, .. } => (get(y), &cf.money),
                crate::model::fiscal::Access::People { get, .. } => {
                    (get(y).map(f64::from), &cf.count)
                }
            };
            if let Some(n) = n {
                ws.write_number_with_format(row, c, n, format)
                    .map_err(|e| err(&e))?;
            }
        }
    }
    ws.set_freeze_panes(sheets::HEADER_ROWS, 3)
        .map_err(|e| err(&e))?;
    Ok(())
}

fn list_sheet(
    wb: &mut Workbook,
    list: &List,
    value: &Value,
    lang: Lang,
    fm: &Formats,
    cf: &CellFormats,
) -> Result<(), ReportError> {
    // A file may list tens of thousands of projects: rows go to a temporary
    // file as they are written instead of being held in memory.
    let ws = wb
        .add_worksheet_with_constant_memory()
        .map_err(|e| err(&e))?;
    ws.set_name(lang.t(list.sheet)).map_err(|e| err(&e))?;
    if list.hidden {
        ws.set_hidden(true);
    }
    let mut keys = vec![mark(list.key)];
    let mut titles = vec![(lang.t(t::NUMBER).to_string(), 6.0)];
    for c in list.columns {
        keys.push(if c.key.is_empty() {
            sheets::VALUE.into()
        } else {
            c.key.into()
        });
        let width = match c.kind {
            Kind::Text => 36.0,
            Kind::Choice(_) => 22.0,
            _ => 14.0,
        };
        titles.push((sheets::with_unit(lang.t(c.label), c.unit, lang), width));
    }
    header_rows(ws, fm, &keys, &titles)?;
    let entries = sheets::get(value, list.key)
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let max_rows = 1_048_576 - sheets::HEADER_ROWS;
    if entries.len() > max_rows as usize {
        return Err(ReportError::Xlsx(format!(
            "{} has more than {max_rows} entries, more than a sheet holds",
            list.key
        )));
    }
    for (i, entry) in entries.iter().enumerate() {
        let row = sheets::HEADER_ROWS + u32::try_from(i).unwrap_or(0);
        ws.write_number_with_format(row, 0, (i + 1) as f64, &cf.whole)
            .map_err(|e| err(&e))?;
        for (j, c) in list.columns.iter().enumerate() {
            let col = u16::try_from(j + 1).map_err(|e| ReportError::Xlsx(e.to_string()))?;
            let v = if c.key.is_empty() {
                Some(entry)
            } else {
                entry.get(c.key)
            };
            if let Some(v) = v {
                cell(ws, row, col, v, c.kind, c.unit, lang, cf)?;
            }
        }
    }
    let last_row = sheets::HEADER_ROWS
        + u32::try_from(entries.len())
            .unwrap_or(0)
            .max(VALIDATED_ROWS);
    for (j, c) in list.columns.iter().enumerate() {
        let col = u16::try_from(j + 1).map_err(|e| ReportError::Xlsx(e.to_string()))?;
        validation(ws, sheets::HEADER_ROWS, col, last_row, c.kind, lang)?;
    }
    ws.set_freeze_panes(sheets::HEADER_ROWS, 0)
        .map_err(|e| err(&e))?;
    Ok(())
}

/// Writes the serde value `v` of a field of `kind` as a cell of its kind.
#[expect(clippy::too_many_arguments, reason = "a cell's place, value and kind")]
fn cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: &Value,
    kind: Kind,
    unit: Option<Unit>,
    lang: Lang,
    cf: &CellFormats,
) -> Result<(), ReportError> {
    let r = match (kind, v) {
        (Kind::Text, Value::String(s)) if !s.is_empty() => {
            ws.write_string_with_format(row, col, s, &cf.text)
        }
        (Kind::Flag, Value::Bool(b)) => {
            ws.write_string_with_format(row, col, super::format::yes_no(*b, lang), &cf.text)
        }
        (Kind::Date, Value::String(s)) => {
            let excel = s
                .parse::<chrono::NaiveDate>()
                .ok()
                .filter(|d| {
                    // Excel counts from 1900 and miscounts its first two months.
                    *d >= chrono::NaiveDate::from_ymd_opt(1900, 3, 1).unwrap_or_default()
                        && *d <= chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default()
                })
                .and_then(|d| {
                    use chrono::Datelike;
                    ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).ok()?,
                        d.month() as u8,
                        d.day() as u8,
                    )
                    .ok()
                });
            match excel {
                Some(d) => ws.write_datetime_with_format(row, col, &d, &cf.date),
                None => ws.write_string_with_format(row, col, s, &cf.text),
            }
        }
        (Kind::Amount { .. }, Value::Number(n)) => match n.as_f64() {
            Some(n) => ws.write_number_with_format(row, col, n, &cf.money),
            None => return Ok(()),
        },
        (Kind::Whole { .. }, Value::Number(n)) => match n.as_f64() {
            Some(n) => {
                let format = if unit.is_some() { &cf.count } else { &cf.whole };
                ws.write_number_with_format(row, col, n, format)
            }
            None => return Ok(()),
        },
        (Kind::Choice(c), Value::String(key)) => {
            let options = c.options();
            let label = options
                .iter()
                .find(|o| o.key == *key)
                .map_or(key.as_str(), |o| lang.pick(o.zh, o.en));
            ws.write_string_with_format(row, col, label, &cf.text)
        }
        _ => return Ok(()),
    };
    r.map(|_| ()).map_err(|e| err(&e))
}

/// A drop-down for yes/no and choice cells from (`first`, `col`) to (`last`, `col`).
fn validation(
    ws: &mut Worksheet,
    first: u32,
    col: u16,
    last: u32,
    kind: Kind,
    lang: Lang,
) -> Result<(), ReportError> {
    let words: Vec<String> = match kind {
        Kind::Flag => vec![
            lang.t(words::YES).to_string(),
            lang.t(words::NO).to_string(),
        ],
        Kind::Choice(c) => c
            .options()
            .iter()
            .map(|o| lang.pick(o.zh, o.en).to_string())
            .collect(),
        _ => return Ok(()),
    };
    // Excel keeps at most 255 characters of a list; a longer one is left
    // without a drop-down (the import reads the words either way).
    let Ok(dv) = DataValidation::new().allow_list_strings(&words) else {
        return Ok(());
    };
    ws.add_data_validation(first, col, last, col, &dv)
        .map_err(|e| err(&e))?;
    Ok(())
}
