//! `innocheck portfolio`: one line per company, for consultants comparing files.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result};
use serde_json::json;

use super::Evaluated;
use crate::eval::{Evaluation, ProgrammeProgress};
use crate::i18n::Lang;
use crate::i18n::cli as tr;
use crate::metrics::{Metric, Metrics, Value};
use crate::report::format as f;
use crate::rules::Programme;
use crate::storage;

/// Expands folders into their `*.ron` entries (sorted), keeping files as
/// given. Sub-folders and reviews (`*.review.ron`, kept beside the
/// assessments) are skipped; any other `*.ron` entry that is not a regular
/// file (a FIFO, a device) is kept, so that reading it reports it.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("reading folder {}", p.display()))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| {
                    !f.is_dir()
                        && f.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron"))
                        && !storage::review::is_review_file(f)
                })
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// One row of the portfolio.
struct Row {
    file: String,
    company: String,
    as_of: String,
    tc: (String, String, usize),
    sme: (String, String, usize),
    ht: (String, String, usize),
    tsme: (String, String, usize),
    rd_ratio: Option<f64>,
    readiness: Option<f64>,
    errors: usize,
    city: String,
    industry: String,
    /// Distinct inputs that criteria lack, over every tier.
    missing: usize,
    /// `none`, `current`, `changed` (answers changed after the review) or `unreadable`.
    review: &'static str,
    /// Notes in the review.
    review_notes: usize,
}

/// Review status words, by the status id of [`Row::review`].
fn review_words(status: &str, notes: usize, lang: Lang) -> String {
    match status {
        "current" => lang
            .t(tr::REVIEW_CURRENT)
            .replace("{n}", &notes.to_string()),
        "changed" => lang.t(tr::REVIEW_STALE).replace("{n}", &notes.to_string()),
        "unreadable" => lang.t(tr::REVIEW_UNREADABLE).to_string(),
        _ => lang.t(tr::REVIEW_NONE).to_string(),
    }
}

fn ladder(ev: &Evaluation, p: Programme, lang: Lang) -> (String, String, usize) {
    let prog: Option<&ProgrammeProgress> = ev.progress.iter().find(|x| x.programme == p);
    let held = prog.is_some_and(|x| x.reached_held);
    let reached = prog
        .and_then(|x| x.reached.as_deref())
        .and_then(|id| ev.tier(id))
        .map_or_else(
            || "—".to_string(),
            |t| {
                if held {
                    format!("{}{}", t.title.get(lang), lang.t(tr::HELD))
                } else {
                    t.title.get(lang).to_string()
                }
            },
        );
    let (next, blockers) = prog.and_then(|x| x.next.first()).map_or_else(
        || (String::new(), 0),
        |n| (n.title.get(lang).to_string(), n.criteria_short()),
    );
    (reached, next, blockers)
}

fn row(e: &Evaluated, lang: Lang) -> Row {
    let ev = &e.evaluation;
    let m = Metrics::new(&e.assessment, ev.as_of);
    let rd_ratio = match m.value(Metric::RdRatio, Some(1)) {
        Ok(Value::Num(v)) => Some(v),
        _ => None,
    };
    let readiness = ev.five_haves(None).and_then(|h| {
        let vals: Vec<f64> = h.iter().filter_map(|x| x.readiness).collect();
        (!vals.is_empty()).then(|| vals.iter().sum::<f64>() / vals.len() as f64)
    });
    let missing: std::collections::BTreeSet<String> = ev
        .tiers
        .iter()
        .flat_map(|t| &t.criteria)
        .flat_map(|c| &c.missing)
        .map(crate::model::FieldRef::id)
        .collect();
    let company = &e.assessment.company;
    let (review, review_notes) = match (&e.review, &e.review_error) {
        (Some(r), _) if r.is_current(&e.assessment) => ("current", r.notes.len()),
        (Some(r), _) => ("changed", r.notes.len()),
        (None, Some(_)) => ("unreadable", 0),
        (None, None) => ("none", 0),
    };
    Row {
        city: company
            .city
            .map_or_else(String::new, |c| lang.pick(c.zh(), c.en()).to_string()),
        industry: company
            .industry
            .map_or_else(String::new, |i| lang.pick(i.zh(), i.en()).to_string()),
        missing: missing.len(),
        review,
        review_notes,
        file: e.file.clone(),
        company: e.assessment.company.name.clone(),
        as_of: ev.as_of.to_string(),
        tc: ladder(ev, Programme::TechCenter, lang),
        sme: ladder(ev, Programme::QualitySme, lang),
        ht: ladder(ev, Programme::HighTech, lang),
        tsme: ladder(ev, Programme::TechSme, lang),
        rd_ratio,
        readiness,
        errors: e
            .issues
            .iter()
            .filter(|i| i.severity == crate::model::Severity::Error)
            .count(),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Renders the portfolio as text, CSV or JSON.
pub fn render(
    items: &[(PathBuf, Result<Evaluated>)],
    lang: Lang,
    format: PortfolioFormat,
) -> String {
    let rows: Vec<std::result::Result<Row, (String, String)>> = items
        .iter()
        .map(|(p, r)| match r {
            Ok(e) => Ok(row(e, lang)),
            Err(err) => Err((p.display().to_string(), super::error_text(err, lang))),
        })
        .collect();
    let mut o = String::new();
    match format {
        PortfolioFormat::Json => {
            let v: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| match r {
                    Ok(r) => json!({
                        "file": r.file, "company": r.company, "as_of": r.as_of,
                        "tech_center": {"reached": r.tc.0, "next": r.tc.1, "blockers": r.tc.2},
                        "quality_sme": {"reached": r.sme.0, "next": r.sme.1, "blockers": r.sme.2},
                        "high_tech": {"reached": r.ht.0, "next": r.ht.1, "blockers": r.ht.2},
                        "tech_sme": {"reached": r.tsme.0, "next": r.tsme.1, "blockers": r.tsme.2},
                        "rd_ratio": r.rd_ratio, "five_haves_mean": r.readiness, "input_errors": r.errors,
                        "city": r.city, "industry": r.industry, "missing_inputs": r.missing,
                        "review": {"status": r.review, "notes": r.review_notes},
                    }),
                    Err((file, e)) => json!({"file": file, "error": e}),
                })
                .collect();
            o = serde_json::to_string_pretty(&v).unwrap_or_default();
            o.push('\n');
        }
        PortfolioFormat::Csv => {
            // A byte-order mark first: Excel reads a CSV without one in the
            // system code page (GBK on Chinese Windows) and garbles the names.
            o.push('\u{feff}');
            o.push_str("file,company,as_of,tech_center_reached,tech_center_next,tech_center_blockers,sme_reached,sme_next,sme_blockers,rd_ratio_pct,five_haves_mean,input_errors,error,high_tech_reached,high_tech_next,high_tech_blockers,tech_sme_reached,tech_sme_next,tech_sme_blockers,city,industry,missing_inputs,review_status,review_notes\n");
            for r in &rows {
                match r {
                    Ok(r) => {
                        // Columns in the header's order; `error` is empty on a read file.
                        let ladder = |(reached, next, n): &(String, String, usize)| {
                            [csv_field(reached), csv_field(next), n.to_string()]
                        };
                        let fixed =
                            |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_default();
                        let mut cells =
                            vec![csv_field(&r.file), csv_field(&r.company), r.as_of.clone()];
                        cells.extend(ladder(&r.tc));
                        cells.extend(ladder(&r.sme));
                        cells.extend([
                            fixed(r.rd_ratio),
                            fixed(r.readiness),
                            r.errors.to_string(),
                            String::new(),
                        ]);
                        cells.extend(ladder(&r.ht));
                        cells.extend(ladder(&r.tsme));
                        cells.extend([
                            csv_field(&r.city),
                            csv_field(&r.industry),
                            r.missing.to_string(),
                            r.review.to_string(),
                            r.review_notes.to_string(),
                        ]);
                        let _ = writeln!(o, "{}", cells.join(","));
                    }
                    Err((file, e)) => {
                        let _ = writeln!(o, "{},,,,,,,,,,,,{}", csv_field(file), csv_field(e));
                    }
                }
            }
        }
        PortfolioFormat::Text => {
            for r in &rows {
                match r {
                    Ok(r) => {
                        let name = if r.company.is_empty() {
                            lang.t(tr::NO_NAME)
                        } else {
                            &r.company
                        };
                        let _ = writeln!(o, "{name}  [{}]  {}", r.as_of, r.file);
                        let place: Vec<&str> = [r.city.as_str(), r.industry.as_str()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect();
                        if !place.is_empty() {
                            let _ = writeln!(o, "  {}", place.join(lang.t(tr::COLON_SEP)));
                        }
                        for (label, (reached, next, n)) in [
                            (f::programme(Programme::TechCenter, lang), &r.tc),
                            (f::programme(Programme::QualitySme, lang), &r.sme),
                            (f::programme(Programme::HighTech, lang), &r.ht),
                            (f::programme(Programme::TechSme, lang), &r.tsme),
                        ] {
                            let next = if next.is_empty() {
                                String::new()
                            } else {
                                match lang {
                                    Lang::Zh => format!("；下一级 {next}：{n} 项差距"),
                                    Lang::En => format!("; next {next}: {n} blockers"),
                                }
                            };
                            let _ = writeln!(o, "  {label}{} {reached}{next}", lang.t(tr::COLON));
                        }
                        let rd = r
                            .rd_ratio
                            .map_or_else(|| "—".into(), |v| format!("{}%", f::number(v, 2)));
                        let hv = r.readiness.map_or_else(
                            || "—".into(),
                            |v| format!("{}%", f::number(v * 100.0, 0)),
                        );
                        let _ = writeln!(
                            o,
                            "  {} {rd}   {} {hv}   {} {}   {} {}   {}\n",
                            lang.t(tr::R_D_INTENSITY),
                            lang.t(tr::FIVE_HAVES),
                            lang.t(tr::INPUT_ERRORS),
                            r.errors,
                            lang.t(tr::MISSING_INPUTS),
                            r.missing,
                            review_words(r.review, r.review_notes, lang)
                        );
                    }
                    Err((file, e)) => {
                        let _ = writeln!(o, "{file}\n  {} {e}\n", lang.t(tr::CANNOT_READ));
                    }
                }
            }
        }
    }
    o
}

/// Output formats of `portfolio`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PortfolioFormat {
    /// Text, one block per company.
    Text,
    /// CSV, one row per file (for spreadsheets), UTF-8 with a byte-order mark
    /// so that Excel shows the Chinese.
    Csv,
    /// JSON array.
    Json,
}
