//! The portfolio: one row per assessment file, for a consultant who holds
//! many. Each file is read, validated and evaluated once; its [`Row`] keeps
//! typed facts (tiers reached, what the next tier lacks, R&D intensity,
//! five-haves readiness, missing inputs, review status) and is put in words
//! only when shown, so the window can switch language without reading the
//! folder again. The command line's `portfolio` (text, CSV, JSON) and the
//! window's folder table (and its CSV/xlsx export) read the same rows.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde_json::json;

use super::ReportError;
use super::format as f;
use crate::eval::{Evaluation, evaluate};
use crate::i18n::{Lang, portfolio as tr, words};
use crate::metrics::{Metric, Metrics, Value};
use crate::model::{Assessment, City, FieldRef, Industry, Severity, validate};
use crate::rules::{Programme, Registry, Text};
use crate::storage::{self, StorageError, review::Review};

/// The four programmes, in the order of every view.
pub const PROGRAMMES: [Programme; 4] = [
    Programme::TechCenter,
    Programme::QualitySme,
    Programme::HighTech,
    Programme::TechSme,
];

/// Where one company stands on one programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    /// Programme.
    pub programme: Programme,
    /// Tier reached (eligible now, or held), if any.
    pub reached: Option<Text>,
    /// The tier reached is one the company already holds.
    pub held: bool,
    /// Level of the tier reached (0 = none), for sorting.
    pub level: u8,
    /// The closest tier of the next rung up, if any.
    pub next: Option<Text>,
    /// Criteria that tier lacks ([`crate::eval::NextTier::criteria_short`]).
    pub short: usize,
    /// Points short of that tier's pass mark, for scored tiers below it.
    pub points_short: Option<f64>,
}

/// The review kept beside a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReviewState {
    /// No review.
    None,
    /// Reviewed; the answers are those reviewed. Holds the count of notes.
    Current(usize),
    /// The answers changed after the review. Holds the count of notes.
    Changed(usize),
    /// The review file cannot be read.
    Unreadable,
}

impl ReviewState {
    /// Machine id (`none`, `current`, `changed`, `unreadable`).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            ReviewState::None => "none",
            ReviewState::Current(_) => "current",
            ReviewState::Changed(_) => "changed",
            ReviewState::Unreadable => "unreadable",
        }
    }

    /// Notes in the review.
    #[must_use]
    pub fn notes(self) -> usize {
        match self {
            ReviewState::Current(n) | ReviewState::Changed(n) => n,
            ReviewState::None | ReviewState::Unreadable => 0,
        }
    }

    /// In words.
    #[must_use]
    pub fn words(self, lang: Lang) -> String {
        let n = self.notes().to_string();
        match self {
            ReviewState::None => lang.t(tr::REVIEW_NONE).to_string(),
            ReviewState::Current(_) => lang.t(tr::REVIEW_CURRENT).replace("{n}", &n),
            ReviewState::Changed(_) => lang.t(tr::REVIEW_STALE).replace("{n}", &n),
            ReviewState::Unreadable => lang.t(tr::REVIEW_UNREADABLE).to_string(),
        }
    }
}

/// One assessment file read and evaluated.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The path as found or given.
    pub path: PathBuf,
    /// Company name (may be empty).
    pub company: String,
    /// City.
    pub city: Option<City>,
    /// Industry.
    pub industry: Option<Industry>,
    /// Evaluation date.
    pub as_of: NaiveDate,
    /// One per programme, in [`PROGRAMMES`] order.
    pub ladders: [Ladder; 4],
    /// R&D intensity of Y−1 (研发费用 / 营业收入, %).
    pub rd_ratio: Option<f64>,
    /// Mean five-haves readiness (0–1) for the evaluation's target tier.
    pub five_haves: Option<f64>,
    /// Validation errors (not warnings).
    pub input_errors: usize,
    /// Distinct inputs that criteria lack, over every tier.
    pub missing: usize,
    /// The review beside the file.
    pub review: ReviewState,
}

impl Row {
    /// The company name, or words saying it is not filled in.
    #[must_use]
    pub fn name(&self, lang: Lang) -> String {
        if self.company.is_empty() {
            lang.t(tr::NO_NAME).to_string()
        } else {
            self.company.clone()
        }
    }

    /// The city in words, empty when not given.
    #[must_use]
    pub fn city_words(&self, lang: Lang) -> &'static str {
        self.city.map_or("", |c| lang.pick(c.zh(), c.en()))
    }

    /// The industry in words, empty when not given.
    #[must_use]
    pub fn industry_words(&self, lang: Lang) -> &'static str {
        self.industry.map_or("", |i| lang.pick(i.zh(), i.en()))
    }

    /// The ladder of `p`.
    #[must_use]
    pub fn ladder(&self, p: Programme) -> &Ladder {
        let i = PROGRAMMES.iter().position(|x| *x == p).unwrap_or(0);
        &self.ladders[i]
    }
}

impl Ladder {
    /// The tier reached in words ("—" for none), marked when held.
    #[must_use]
    pub fn reached_words(&self, lang: Lang) -> String {
        match &self.reached {
            None => "—".to_string(),
            Some(t) if self.held => format!("{}{}", t.get(lang), lang.t(words::HELD)),
            Some(t) => t.get(lang).to_string(),
        }
    }

    /// The next tier's title, empty when there is none.
    #[must_use]
    pub fn next_words(&self, lang: Lang) -> &str {
        self.next.as_ref().map_or("", |t| t.get(lang))
    }

    /// What the next tier lacks: "差 2 项", "差 5 分", both, or empty.
    #[must_use]
    pub fn short_words(&self, lang: Lang) -> String {
        if self.next.is_none() {
            return String::new();
        }
        let mut parts = Vec::new();
        if self.short > 0 {
            parts.push(
                lang.t(tr::ITEMS_SHORT)
                    .replace("{n}", &self.short.to_string()),
            );
        }
        if let Some(p) = self.points_short {
            parts.push(lang.t(tr::POINTS_SHORT).replace("{n}", &f::number(p, 1)));
        }
        parts.join(lang.t(tr::COLON_SEP))
    }
}

/// A file of the portfolio: read, or not readable with the reason.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// Read and evaluated.
    Read(Box<Row>),
    /// Could not be read (or a folder could not be listed).
    Damaged {
        /// The path.
        path: PathBuf,
        /// Why, in both languages.
        reason: Text,
    },
}

impl Entry {
    /// The path of the file (or folder).
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Entry::Read(r) => &r.path,
            Entry::Damaged { path, .. } => path,
        }
    }

    /// The row, when the file was read.
    #[must_use]
    pub fn row(&self) -> Option<&Row> {
        match self {
            Entry::Read(r) => Some(r),
            Entry::Damaged { .. } => None,
        }
    }

    /// A storage error as an entry.
    #[must_use]
    pub fn damaged(path: PathBuf, e: &StorageError) -> Entry {
        Entry::Damaged {
            path,
            reason: Text::new(e.message(Lang::Zh), e.message(Lang::En)),
        }
    }
}

fn ladder(ev: &Evaluation, p: Programme) -> Ladder {
    let prog = ev.progress.iter().find(|x| x.programme == p);
    let reached_tier = prog
        .and_then(|x| x.reached.as_deref())
        .and_then(|id| ev.tier(id));
    let next = prog.and_then(|x| x.next.first());
    let points_short = next
        .and_then(|n| ev.tier(&n.tier))
        .and_then(|t| t.score.as_ref())
        .and_then(|s| s.pass.map(|pass| pass - s.total))
        .filter(|d| *d > 0.0);
    Ladder {
        programme: p,
        reached: reached_tier.map(|t| t.title.clone()),
        held: prog.is_some_and(|x| x.reached_held),
        level: prog.map_or(0, |x| x.reached_level),
        next: next.map(|n| n.title.clone()),
        short: next.map_or(0, crate::eval::NextTier::criteria_short),
        points_short,
    }
}

/// The row of an assessment already evaluated. `review` is the review beside
/// the file: `Err(())` when it exists but cannot be read.
#[must_use]
pub fn row(
    path: &Path,
    a: &Assessment,
    ev: &Evaluation,
    issues: &[crate::model::Issue],
    review: Result<Option<&Review>, ()>,
) -> Row {
    let m = Metrics::new(a, ev.as_of);
    let rd_ratio = match m.value(Metric::RdRatio, Some(1)) {
        Ok(Value::Num(v)) => Some(v),
        _ => None,
    };
    let five_haves = ev.five_haves(None).and_then(|h| {
        let vals: Vec<f64> = h.iter().filter_map(|x| x.readiness).collect();
        (!vals.is_empty()).then(|| vals.iter().sum::<f64>() / vals.len() as f64)
    });
    let missing: BTreeSet<&FieldRef> = ev
        .tiers
        .iter()
        .flat_map(|t| &t.criteria)
        .flat_map(|c| &c.missing)
        .collect();
    let review = match review {
        Ok(Some(r)) if r.is_current(a) => ReviewState::Current(r.notes.len()),
        Ok(Some(r)) => ReviewState::Changed(r.notes.len()),
        Ok(None) => ReviewState::None,
        Err(()) => ReviewState::Unreadable,
    };
    Row {
        path: path.to_path_buf(),
        company: a.company.name.clone(),
        city: a.company.city,
        industry: a.company.industry,
        as_of: ev.as_of,
        ladders: PROGRAMMES.map(|p| ladder(ev, p)),
        rd_ratio,
        five_haves,
        input_errors: issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count(),
        missing: missing.len(),
        review,
    }
}

/// Reads, validates and evaluates one file against the packs in force on its
/// date (`as_of`, else the file's as-of date, else `today`), with the review
/// beside it.
#[must_use]
pub fn load(path: &Path, reg: &Registry, as_of: Option<NaiveDate>, today: NaiveDate) -> Entry {
    let a = match storage::load(path) {
        Ok(l) => l.assessment,
        Err(e) => return Entry::damaged(path.to_path_buf(), &e),
    };
    let date = as_of.unwrap_or_else(|| a.as_of_or(today));
    let issues = validate(&a, today);
    let ev = evaluate(&a, &reg.in_force(date), date);
    let review = storage::review::load_review(path);
    let review = match &review {
        Ok(r) => Ok(r.as_ref()),
        Err(_) => Err(()),
    };
    Entry::Read(Box::new(row(path, &a, &ev, &issues, review)))
}

/// Reads every file of `found` on all cores, keeping their order; a folder
/// that could not be listed is a damaged entry.
#[must_use]
pub fn load_all(
    found: Vec<storage::scan::Found>,
    reg: &Registry,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Entry> {
    use rayon::prelude::*;
    found
        .into_par_iter()
        .map(|f| match f {
            Ok(p) => load(&p, reg, as_of, today),
            Err(e) => {
                let path = match &e {
                    StorageError::Io { file, .. } => PathBuf::from(file),
                    _ => PathBuf::new(),
                };
                Entry::damaged(path, &e)
            }
        })
        .collect()
}

/// A column of the portfolio table, for sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Company name.
    Company,
    /// City.
    City,
    /// Industry.
    Industry,
    /// As-of date.
    AsOf,
    /// A programme: tier reached, then fewest items short.
    Programme(Programme),
    /// R&D intensity.
    RdRatio,
    /// Five-haves mean.
    FiveHaves,
    /// Missing inputs.
    Missing,
    /// Review status.
    Review,
    /// File path.
    File,
}

/// `None` last whatever the direction is the caller's business; here `None`
/// sorts before any value.
fn opt_f64(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

impl Column {
    /// Orders two entries by this column, ascending; damaged files sort after
    /// every read one, by path.
    #[must_use]
    pub fn cmp(self, a: &Entry, b: &Entry) -> Ordering {
        match (a.row(), b.row()) {
            (Some(x), Some(y)) => self.cmp_rows(x, y).then_with(|| x.path.cmp(&y.path)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => a.path().cmp(b.path()),
        }
    }

    fn cmp_rows(self, a: &Row, b: &Row) -> Ordering {
        match self {
            Column::Company => a.company.cmp(&b.company),
            Column::City => a.city.map(City::zh).cmp(&b.city.map(City::zh)),
            Column::Industry => a
                .industry
                .map(Industry::zh)
                .cmp(&b.industry.map(Industry::zh)),
            Column::AsOf => a.as_of.cmp(&b.as_of),
            Column::Programme(prog) => {
                let (la, lb) = (a.ladder(prog), b.ladder(prog));
                // A higher tier is greater; among equals, fewer items short is greater.
                la.level
                    .cmp(&lb.level)
                    .then_with(|| lb.short.cmp(&la.short))
                    .then_with(|| opt_f64(lb.points_short, la.points_short))
            }
            Column::RdRatio => opt_f64(a.rd_ratio, b.rd_ratio),
            Column::FiveHaves => opt_f64(a.five_haves, b.five_haves),
            Column::Missing => a.missing.cmp(&b.missing),
            Column::Review => a.review.cmp(&b.review),
            Column::File => a.path.cmp(&b.path),
        }
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn fixed(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.2}")).unwrap_or_default()
}

/// The CSV of the portfolio: one row per file, UTF-8 with a byte-order mark
/// (Excel reads a CSV without one in the system code page, GBK on Chinese
/// Windows, and garbles the names). Column names are stable ids; the tier
/// names are in `lang`.
#[must_use]
pub fn csv(entries: &[Entry], lang: Lang) -> String {
    let mut o = String::from('\u{feff}');
    o.push_str("file,company,as_of,tech_center_reached,tech_center_next,tech_center_blockers,sme_reached,sme_next,sme_blockers,rd_ratio_pct,five_haves_mean,input_errors,error,high_tech_reached,high_tech_next,high_tech_blockers,tech_sme_reached,tech_sme_next,tech_sme_blockers,city,industry,missing_inputs,review_status,review_notes\n");
    for e in entries {
        match e {
            Entry::Read(r) => {
                // Columns in the header's order; `error` is empty on a read file.
                let ladder = |l: &Ladder| {
                    [
                        csv_field(&l.reached_words(lang)),
                        csv_field(l.next_words(lang)),
                        l.short.to_string(),
                    ]
                };
                let mut cells = vec![
                    csv_field(&r.path.display().to_string()),
                    csv_field(&r.company),
                    r.as_of.to_string(),
                ];
                cells.extend(ladder(&r.ladders[0]));
                cells.extend(ladder(&r.ladders[1]));
                cells.extend([
                    fixed(r.rd_ratio),
                    fixed(r.five_haves),
                    r.input_errors.to_string(),
                    String::new(),
                ]);
                cells.extend(ladder(&r.ladders[2]));
                cells.extend(ladder(&r.ladders[3]));
                cells.extend([
                    csv_field(r.city_words(lang)),
                    csv_field(r.industry_words(lang)),
                    r.missing.to_string(),
                    r.review.id().to_string(),
                    r.review.notes().to_string(),
                ]);
                let _ = writeln!(o, "{}", cells.join(","));
            }
            Entry::Damaged { path, reason } => {
                let _ = writeln!(
                    o,
                    "{},,,,,,,,,,,,{}",
                    csv_field(&path.display().to_string()),
                    csv_field(reason.get(lang))
                );
            }
        }
    }
    o
}

/// The portfolio as a JSON array (one object per file; a damaged file is
/// `{"file", "error"}`).
#[must_use]
pub fn json(entries: &[Entry], lang: Lang) -> String {
    let v: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| match e {
            Entry::Read(r) => {
                let l = |l: &Ladder| {
                    json!({"reached": l.reached_words(lang), "next": l.next_words(lang),
                           "blockers": l.short, "points_short": l.points_short})
                };
                json!({
                    "file": r.path.display().to_string(), "company": r.company,
                    "as_of": r.as_of.to_string(),
                    "tech_center": l(&r.ladders[0]), "quality_sme": l(&r.ladders[1]),
                    "high_tech": l(&r.ladders[2]), "tech_sme": l(&r.ladders[3]),
                    "rd_ratio": r.rd_ratio, "five_haves_mean": r.five_haves,
                    "input_errors": r.input_errors,
                    "city": r.city_words(lang), "industry": r.industry_words(lang),
                    "missing_inputs": r.missing,
                    "review": {"status": r.review.id(), "notes": r.review.notes()},
                })
            }
            Entry::Damaged { path, reason } => {
                json!({"file": path.display().to_string(), "error": reason.get(lang)})
            }
        })
        .collect();
    let mut o = serde_json::to_string_pretty(&v).unwrap_or_default();
    o.push('\n');
    o
}

/// The portfolio as text, one block per file.
#[must_use]
pub fn text(entries: &[Entry], lang: Lang) -> String {
    let mut o = String::new();
    for e in entries {
        match e {
            Entry::Read(r) => {
                let _ = writeln!(o, "{}  [{}]  {}", r.name(lang), r.as_of, r.path.display());
                let place: Vec<&str> = [r.city_words(lang), r.industry_words(lang)]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                if !place.is_empty() {
                    let _ = writeln!(o, "  {}", place.join(lang.t(tr::COLON_SEP)));
                }
                for l in &r.ladders {
                    let next = match &l.next {
                        None => String::new(),
                        Some(t) => lang
                            .t(tr::NEXT_SHORT)
                            .replace("{next}", t.get(lang))
                            .replace("{n}", &l.short.to_string()),
                    };
                    let _ = writeln!(
                        o,
                        "  {}{} {}{next}",
                        f::programme(l.programme, lang),
                        lang.t(words::COLON),
                        l.reached_words(lang)
                    );
                }
                let rd = r
                    .rd_ratio
                    .map_or_else(|| "—".into(), |v| format!("{}%", f::number(v, 2)));
                let hv = r
                    .five_haves
                    .map_or_else(|| "—".into(), |v| format!("{}%", f::number(v * 100.0, 0)));
                let _ = writeln!(
                    o,
                    "  {} {rd}   {} {hv}   {} {}   {} {}   {}\n",
                    lang.t(tr::R_D_INTENSITY),
                    lang.t(tr::FIVE_HAVES),
                    lang.t(tr::INPUT_ERRORS),
                    r.input_errors,
                    lang.t(tr::MISSING_INPUTS),
                    r.missing,
                    r.review.words(lang)
                );
            }
            Entry::Damaged { path, reason } => {
                let _ = writeln!(
                    o,
                    "{}\n  {} {}\n",
                    path.display(),
                    lang.t(tr::CANNOT_READ),
                    reason.get(lang)
                );
            }
        }
    }
    o
}

/// The table's column headings in `lang`, in the order of [`xlsx`]'s columns.
#[must_use]
pub fn headings(lang: Lang) -> Vec<String> {
    let mut h: Vec<String> = [
        tr::COL_COMPANY,
        tr::COL_CITY,
        tr::COL_INDUSTRY,
        tr::COL_AS_OF,
    ]
    .iter()
    .map(|t| lang.t(*t).to_string())
    .collect();
    for p in PROGRAMMES {
        let name = f::programme(p, lang);
        for s in [
            tr::COL_REACHED,
            tr::COL_NEXT,
            tr::COL_SHORT,
            tr::COL_POINTS_SHORT,
        ] {
            h.push(format!("{name} {}", lang.t(s)));
        }
    }
    for t in [
        tr::COL_RD,
        tr::COL_HAVES,
        tr::COL_ERRORS,
        tr::COL_MISSING,
        tr::COL_REVIEW,
        tr::COL_FILE,
        tr::COL_ERROR,
    ] {
        h.push(lang.t(t).to_string());
    }
    h
}

/// The portfolio as a workbook: one sheet, one row per file, numbers as
/// numbers (percent with a number format), an empty cell where a figure is
/// missing, a damaged file's reason in the last column.
pub fn xlsx(entries: &[Entry], lang: Lang) -> Result<Vec<u8>, ReportError> {
    build_xlsx(entries, lang).map_err(|e| ReportError::Xlsx(e.to_string()))
}

fn build_xlsx(entries: &[Entry], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let pct = Format::new().set_num_format("0.00");
    let pct0 = Format::new().set_num_format("0");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(tr::SHEET))?;
    let heads = headings(lang);
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)?;
    }
    ws.set_freeze_panes(1, 1)?;
    ws.set_column_width(0, 28)?;
    let last = (heads.len() - 1) as u16;
    for (i, e) in entries.iter().enumerate() {
        let r = (i + 1) as u32;
        match e {
            Entry::Read(row) => {
                ws.write_string(r, 0, row.name(lang))?;
                ws.write_string(r, 1, row.city_words(lang))?;
                ws.write_string(r, 2, row.industry_words(lang))?;
                let d = rust_xlsxwriter::ExcelDateTime::from_ymd(
                    row.as_of.year() as u16,
                    row.as_of.month() as u8,
                    row.as_of.day() as u8,
                )?;
                ws.write_datetime_with_format(r, 3, &d, &date)?;
                let mut c = 4u16;
                for l in &row.ladders {
                    ws.write_string(r, c, l.reached_words(lang))?;
                    ws.write_string(r, c + 1, l.next_words(lang))?;
                    if l.next.is_some() {
                        ws.write_number(r, c + 2, l.short as f64)?;
                    }
                    if let Some(p) = l.points_short {
                        ws.write_number(r, c + 3, p)?;
                    }
                    c += 4;
                }
                if let Some(v) = row.rd_ratio {
                    ws.write_number_with_format(r, c, v, &pct)?;
                }
                if let Some(v) = row.five_haves {
                    ws.write_number_with_format(r, c + 1, v * 100.0, &pct0)?;
                }
                ws.write_number(r, c + 2, row.input_errors as f64)?;
                ws.write_number(r, c + 3, row.missing as f64)?;
                ws.write_string(r, c + 4, row.review.words(lang))?;
                ws.write_string(r, c + 5, row.path.display().to_string())?;
            }
            Entry::Damaged { path, reason } => {
                ws.write_string(r, last - 1, path.display().to_string())?;
                ws.write_string(r, last, reason.get(lang))?;
            }
        }
    }
    ws.autofilter(0, 0, entries.len() as u32, last)?;
    wb.save_to_buffer()
}
