//! The spreadsheet export (.xlsx): the answers laid out as the forms are
//! (`xlsx_answers.rs`, in the layout `storage::sheets` describes, which
//! `storage::xlsx_import` reads back), every criterion's outcome, the gaps to
//! the next tier, and a short sheet naming the file, the packs and the
//! fingerprint.
//!
//! Outcomes and gaps are copied from [`ReportData`], so the workbook says
//! exactly what the PDF and the window say; a criterion's value and threshold
//! are number cells in the unit of their own column (percent numbers for %),
//! so the sheets can be sorted, filtered and summed. An unanswered field is an
//! empty cell, never 0. Fiscal years outside Y−1…Y−3 of the as-of date are kept
//! but their column is marked as not evaluated, and a note on the last sheet
//! says so, as the window flags them.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use chrono::Datelike;

use super::ReportError;
use super::data::ReportData;
use crate::i18n::Lang;
use crate::i18n::words;
use crate::metrics::Unit;
use crate::model::Assessment;

pub(super) fn err(e: &XlsxError) -> ReportError {
    ReportError::Xlsx(e.to_string())
}

/// Cell formats shared by the sheets.
pub(super) struct Formats {
    pub(super) head: Format,
    pub(super) wrap: Format,
    pub(super) number: Format,
    pub(super) bold_wrap: Format,
    /// A figure the evaluation does not read (dark amber on light amber).
    pub(super) flagged: Format,
    /// Amounts: `#,##0.00`.
    pub(super) money: Format,
    /// Counts: `#,##0`.
    pub(super) count: Format,
}

impl Formats {
    pub(super) fn new() -> Self {
        let head = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0x00DF_DFDF))
            .set_border_bottom(FormatBorder::Thin)
            .set_align(FormatAlign::Top)
            .set_text_wrap();
        Formats {
            head,
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            number: Format::new()
                .set_num_format("#,##0.##")
                .set_align(FormatAlign::Top),
            bold_wrap: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            money: Format::new()
                .set_num_format("#,##0.00")
                .set_align(FormatAlign::Top),
            count: Format::new()
                .set_num_format("#,##0")
                .set_align(FormatAlign::Top),
            flagged: Format::new()
                .set_bold()
                .set_font_color(Color::RGB(0x009C_5700))
                .set_background_color(Color::RGB(0x00FF_EB9C))
                .set_align(FormatAlign::Top),
        }
    }
}

impl Formats {
    /// The number format of a figure in `unit`.
    pub(super) fn for_unit(&self, unit: Unit) -> &Format {
        match unit {
            Unit::Wan | Unit::WanPerPerson | Unit::Percent | Unit::Sqm | Unit::Year => &self.money,
            u if u.is_count() => &self.count,
            _ => &self.number,
        }
    }
}

/// Writes a header row with column widths, freezes it and adds a filter.
fn header(
    ws: &mut Worksheet,
    fm: &Formats,
    cols: &[(&str, f64)],
    rows: usize,
) -> Result<(), ReportError> {
    for (c, (title, width)) in cols.iter().enumerate() {
        let c = u16::try_from(c).map_err(|e| ReportError::Xlsx(e.to_string()))?;
        ws.write_string_with_format(0, c, *title, &fm.head)
            .map_err(|e| err(&e))?;
        ws.set_column_width(c, *width).map_err(|e| err(&e))?;
    }
    ws.set_freeze_panes(1, 0).map_err(|e| err(&e))?;
    let last_col = u16::try_from(cols.len().saturating_sub(1)).unwrap_or(0);
    let last_row = u32::try_from(rows).unwrap_or(u32::MAX);
    ws.autofilter(0, 0, last_row, last_col)
        .map_err(|e| err(&e))?;
    print_setup(ws);
    ws.set_repeat_rows(0, 0).map_err(|e| err(&e))?;
    Ok(())
}

/// Prints on A4 landscape, all columns on one page width, page numbers below.
pub(super) fn print_setup(ws: &mut Worksheet) {
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_footer("&C&P / &N");
}

fn row_index(i: usize) -> Result<u32, ReportError> {
    u32::try_from(i + 1).map_err(|e| ReportError::Xlsx(e.to_string()))
}

/// The fiscal years the evaluation reads: Y−1, Y−2 and Y−3 of the as-of
/// date of `r`, newest first; `None` when the date cannot be read.
fn evaluated_years(r: &ReportData) -> Option<[i32; 3]> {
    let as_of: chrono::NaiveDate = r.header.as_of.parse().ok()?;
    Some([1, 2, 3].map(|b| as_of.year() - b))
}

/// Years of `a` outside `cols` that hold at least one figure, newest first.
fn years_outside(a: &Assessment, cols: [i32; 3]) -> Vec<i32> {
    let mut v: Vec<i32> = a
        .years
        .iter()
        .filter(|fy| {
            !cols.contains(&fy.year) && crate::model::FISCAL_FIELDS.iter().any(|f| f.is_filled(fy))
        })
        .map(|fy| fy.year)
        .collect();
    v.sort_unstable_by(|x, y| y.cmp(x));
    v.dedup();
    v
}

/// Sets the title, and the creation date from `SOURCE_DATE_EPOCH`
/// (reproducible builds), otherwise now.
pub(super) fn set_properties(wb: &mut Workbook, title: &str) {
    if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        && let Ok(t) = ExcelDateTime::from_timestamp(secs)
    {
        wb.set_properties(
            &DocProperties::new()
                .set_title(title)
                .set_creation_datetime(&t),
        );
    } else {
        wb.set_properties(&DocProperties::new().set_title(title));
    }
}

/// A value of a check as a cell: a number in its unit's format, 是/否 for a
/// fact, the words for a span ("1.1–2 年").
fn figure(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: crate::metrics::Value,
    unit: Unit,
    lang: Lang,
    number: &Format,
) -> Result<(), ReportError> {
    use crate::metrics::Value;
    match v {
        Value::Num(n) => ws.write_number_with_format(row, col, n, number),
        Value::Flag(b) => ws.write_string(row, col, super::format::yes_no(b, lang)),
        Value::Span(_) => ws.write_string(row, col, super::format::value(Some(v), unit, lang)),
    }
    .map(|_| ())
    .map_err(|e| err(&e))
}

/// Renders the workbook: answers of `a`, and the criteria and gaps of `r`
/// (the summary built from the same file). Labels follow `r.lang`.
#[expect(
    clippy::many_single_char_names,
    reason = "a: the assessment, r: the summary, one letter per input group"
)]
pub fn render(a: &Assessment, r: &ReportData) -> Result<Vec<u8>, ReportError> {
    let lang = r.lang;
    let fm = Formats::new();
    let mut wb = Workbook::new();
    set_properties(&mut wb, &r.title);

    // The answers, in the layout the import reads back.
    let evaluated = evaluated_years(r);
    super::xlsx_answers::write(&mut wb, a, lang, evaluated, &fm)?;

    // Every criterion's outcome; figures as numbers in their unit.
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(words::CRITERIA)).map_err(|e| err(&e))?;
    let n: usize = r.tiers.iter().map(|t| t.rows.len()).sum();
    header(
        ws,
        &fm,
        &[
            (lang.t(words::TIER), 30.0),
            (lang.t(words::CRITERION_ID), 30.0),
            (lang.t(words::CRITERION), 44.0),
            (lang.t(words::OUTCOME), 10.0),
            (lang.t(words::COL_VALUE), 14.0),
            (lang.t(words::COMPARISON), 6.0),
            (lang.t(words::THRESHOLD), 14.0),
            (lang.t(words::UNIT), 8.0),
            (lang.t(words::YEAR), 8.0),
            (lang.t(words::GAP), 36.0),
            (lang.t(words::POINTS), 9.0),
            (lang.t(words::MAX_POINTS), 9.0),
            (lang.t(words::COL_CONFIDENCE), 9.0),
            (lang.t(words::COL_SOURCE), 50.0),
        ],
        n,
    )?;
    let mut i = 0;
    for t in &r.tiers {
        for row in &t.rows {
            let k = row_index(i)?;
            i += 1;
            let status_format = if row.outcome == crate::eval::Outcome::NotMet {
                &fm.bold_wrap
            } else {
                &fm.wrap
            };
            let texts: [(u16, &str, &Format); 6] = [
                (0, &t.title, &fm.wrap),
                (1, &row.id, &fm.wrap),
                (2, &row.title, &fm.wrap),
                (3, &row.status, status_format),
                (9, &row.gap, &fm.wrap),
                (13, &row.source, &fm.wrap),
            ];
            for (c, v, format) in texts {
                if !v.is_empty() {
                    ws.write_string_with_format(k, c, v, format)
                        .map_err(|e| err(&e))?;
                }
            }
            ws.write_string_with_format(k, 12, row.confidence.label(), &fm.wrap)
                .map_err(|e| err(&e))?;
            if let Some(f) = &row.figures {
                let number = fm.for_unit(f.unit);
                match f.value {
                    Some(v) => figure(ws, k, 4, v, f.unit, lang, number)?,
                    None => {
                        ws.write_string_with_format(k, 4, &row.measured, &fm.wrap)
                            .map_err(|e| err(&e))?;
                    }
                }
                if !f.op.is_empty() {
                    ws.write_string(k, 5, f.op).map_err(|e| err(&e))?;
                }
                if let Some(v) = f.threshold {
                    figure(ws, k, 6, v, f.unit, lang, number)?;
                }
                if f.unit != Unit::Flag {
                    ws.write_string(k, 7, f.unit.label(lang))
                        .map_err(|e| err(&e))?;
                }
                if let Some(y) = f.year {
                    ws.write_number(k, 8, f64::from(y)).map_err(|e| err(&e))?;
                }
            }
            if let Some((p, m)) = row.score {
                ws.write_number_with_format(k, 10, p, &fm.number)
                    .map_err(|e| err(&e))?;
                ws.write_number_with_format(k, 11, m, &fm.number)
                    .map_err(|e| err(&e))?;
            }
        }
    }

    // Sheet 3: the gaps to the next tier, most important first.
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(words::GAPS)).map_err(|e| err(&e))?;
    header(
        ws,
        &fm,
        &[
            ("#", 5.0),
            (lang.t(words::PROGRAMME), 22.0),
            (lang.t(words::TARGET_TIER), 30.0),
            (lang.t(words::CRITERION), 40.0),
            (lang.t(words::WHAT_TO_DO), 60.0),
            (lang.t(words::KIND), 10.0),
            (lang.t(words::COL_CONFIDENCE), 9.0),
        ],
        r.next_steps.len(),
    )?;
    for (i, s) in r.next_steps.iter().enumerate() {
        let k = row_index(i)?;
        ws.write_number(k, 0, f64::from(k)).map_err(|e| err(&e))?;
        let cells: [&str; 6] = [
            &s.programme,
            &s.tier,
            &s.criterion,
            &s.text,
            super::format::outcome(s.outcome, lang),
            s.confidence.label(),
        ];
        for (c, v) in cells.iter().enumerate() {
            let c = u16::try_from(c + 1).unwrap_or(0);
            ws.write_string_with_format(k, c, *v, &fm.wrap)
                .map_err(|e| err(&e))?;
        }
    }

    // Sheet 4: what the workbook was made from.
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(words::ABOUT)).map_err(|e| err(&e))?;
    ws.set_column_width(0, 26.0).map_err(|e| err(&e))?;
    ws.set_column_width(1, 90.0).map_err(|e| err(&e))?;
    print_setup(ws);
    let h = &r.header;
    let mut about: Vec<(String, String)> = vec![
        (lang.t(words::COMPANY_NAME).into(), h.company.clone()),
        (lang.t(words::USCC).into(), h.uscc.clone()),
        (lang.t(words::AS_OF_DATE).into(), h.as_of.clone()),
        (
            lang.t(words::ASSESSMENT_FILE_SHA_256).into(),
            r.fingerprint.clone(),
        ),
        (
            lang.t(words::PRODUCED_BY).into(),
            format!("innocheck {}", r.app_version),
        ),
    ];
    for p in &h.packs {
        about.push((
            format!("{}{}", lang.t(words::RULE_PACK), p.id),
            format!(
                "{}；{}；{}；{} {}",
                p.title,
                p.document,
                p.dates,
                lang.t(words::CONFIDENCE),
                p.confidence.label()
            ),
        ));
    }
    if let Some(cols) = evaluated {
        let outside = years_outside(a, cols);
        if !outside.is_empty() {
            let years = outside
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(lang.t(crate::i18n::report::AND));
            about.push((
                lang.t(words::NOTE_HEADING).into(),
                lang.t(words::YEARS_OUTSIDE_NOTE)
                    .replace("{years}", &years)
                    .replace("{range}", &format!("{}–{}", cols[0], cols[2])),
            ));
        }
    }
    about.push((
        lang.t(words::NOTE_HEADING).into(),
        lang.t(words::NUMBERS_NOTE).into(),
    ));
    if r.has_provisional {
        about.push((
            lang.t(words::NOTE_HEADING).into(),
            lang.t(words::CONTAINS_PROVISIONAL).into(),
        ));
    }
    for (i, (k, v)) in about.iter().enumerate() {
        let i = u32::try_from(i).map_err(|e| ReportError::Xlsx(e.to_string()))?;
        ws.write_string_with_format(i, 0, k, &fm.bold_wrap)
            .map_err(|e| err(&e))?;
        ws.write_string_with_format(i, 1, v, &fm.wrap)
            .map_err(|e| err(&e))?;
    }

    wb.save_to_buffer().map_err(|e| err(&e))
}
