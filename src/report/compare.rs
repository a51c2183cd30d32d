//! Assessments side by side: several years of one company, several
//! companies, or one file under two versions of the rules.
//!
//! Each column is one evaluation. Tiers are matched across columns by their
//! rung (programme and level) where each column has one tier there, else by
//! id; criteria by their id within the tier (or the pack, [`key`]), so
//! `sme.2022.giant.rd` and `sme.2026.giant.rd` share a row; a row is
//! *changed* when its outcome, value or points differ between neighbouring
//! columns, or when the rule itself reads differently. Built once, in one
//! language, for the text and JSON views (`innocheck compare`) and the window.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::format as f;
use super::rules_diff::key;
use crate::eval::{Evaluation, Outcome, Verdict};
use crate::i18n::{Lang, words};
use crate::metrics::Metrics;
use crate::model::Assessment;
use crate::rules::{Have, Pack, Programme};

/// Format id of the JSON output.
pub const FORMAT: &str = "innocheck.comparison/1";

/// One evaluation to compare: what to call it, and its parts.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Column label: the file name, or the pack id.
    pub label: &'a str,
    /// The answers.
    pub assessment: &'a Assessment,
    /// Their evaluation.
    pub evaluation: &'a Evaluation,
    /// The packs it was evaluated against (for the rules in words).
    pub packs: &'a [&'a Pack],
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// [`FORMAT`].
    pub format: &'static str,
    /// Language of the words.
    pub lang: Lang,
    /// The evaluations, in the order given.
    pub columns: Vec<Column>,
    /// Tiers grouped by programme, in the order first met.
    pub tiers: Vec<TierRow>,
    /// Rows that changed (tiers and criteria).
    pub changed: usize,
}

/// One evaluation's heading and chart data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Label as given.
    pub label: String,
    /// Company name.
    pub company: String,
    /// Evaluation date.
    pub as_of: NaiveDate,
    /// Pack ids used.
    pub packs: Vec<String>,
    /// Their titles, in the comparison's language.
    pub pack_titles: Vec<String>,
    /// R&D intensity (研发费用 / 营业收入, %) of the last three fiscal years, oldest first.
    pub rd_ratio: Vec<YearValue>,
    /// Five-haves readiness (0–1) for the evaluation's target tier.
    pub haves: Vec<HaveValue>,
}

/// A figure of one fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearValue {
    /// Calendar year.
    pub year: i32,
    /// The figure; `None` when missing.
    pub value: Option<f64>,
}

/// Readiness on one of the five haves.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HaveValue {
    /// Which.
    pub have: Have,
    /// 0–1; `None` when the target tier has no criterion of this kind.
    pub readiness: Option<f64>,
}

/// One tier across the columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierRow {
    /// Tier id without the pack id (`giant`), of the first column that has it.
    pub key: String,
    /// Programme.
    pub programme: Programme,
    /// Programme in words.
    pub programme_title: String,
    /// Tier title (from the last column that has it).
    pub title: String,
    /// One cell per column; `None` where the column has no such tier.
    pub cells: Vec<Option<TierCell>>,
    /// The verdict, score or presence differs between neighbouring columns.
    pub changed: bool,
    /// The tier's criteria.
    pub criteria: Vec<CriterionRow>,
}

/// A tier in one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierCell {
    /// Tier id.
    pub tier: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Verdict in words (已持有 for a held tier).
    pub status: String,
    /// Score (lower bound), for scored tiers.
    pub score: Option<f64>,
}

/// One criterion across the columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionRow {
    /// Criterion id without the tier id (`rd` of `sme.2026.giant.rd`), or
    /// without the pack id for criteria common to the pack's tiers.
    pub key: String,
    /// Title (from the last column that has it).
    pub title: String,
    /// One cell per column.
    pub cells: Vec<Option<CriterionCell>>,
    /// The rule in words in each column (`None` where absent).
    pub rules: Vec<Option<String>>,
    /// The outcome, value or points differ between neighbouring columns.
    pub changed: bool,
    /// The rule reads differently between neighbouring columns (pack versions).
    pub rule_changed: bool,
}

/// A criterion in one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionCell {
    /// Criterion id.
    pub criterion: String,
    /// Outcome.
    pub outcome: Outcome,
    /// Outcome in words.
    pub outcome_words: String,
    /// The decisive check, e.g. `研发费用（2024 年） 1,500 万元 ≥ 1,000 万元`.
    pub value: String,
    /// Points, for scored items.
    pub points: Option<f64>,
}

/// Whether neighbouring entries differ (an entry present in one and absent
/// in the other differs).
fn differs<T>(cells: &[Option<T>], same: impl Fn(&T, &T) -> bool) -> bool {
    cells.windows(2).any(|w| match (&w[0], &w[1]) {
        (Some(a), Some(b)) => !same(a, b),
        (None, None) => false,
        _ => true,
    })
}

/// The entries of the columns marked in `has`.
fn within<T: Clone>(v: &[Option<T>], has: &[bool]) -> Vec<Option<T>> {
    v.iter()
        .zip(has)
        .filter(|(_, h)| **h)
        .map(|(x, _)| x.clone())
        .collect()
}

/// Builds the comparison of `inputs` in `lang`.
#[must_use]
pub fn compare(inputs: &[Input<'_>], lang: Lang) -> Comparison {
    let n = inputs.len();
    let columns = inputs.iter().map(|i| column(i, lang)).collect();
    // A rung held by one tier in every column (专精特新 under 2022 and 2026
    // rules) is one row whatever its id; otherwise tiers pair by id.
    let one_per_column = |p: Programme, level: u8| {
        inputs.iter().all(|i| {
            i.evaluation
                .tiers
                .iter()
                .filter(|t| t.programme == p && t.level == level)
                .count()
                <= 1
        })
    };
    // Rows in the order first met.
    let mut order: Vec<(Programme, String)> = Vec::new();
    let mut tiers: BTreeMap<(Programme, String), TierRow> = BTreeMap::new();
    let mut crit_order: BTreeMap<(Programme, String), Vec<String>> = BTreeMap::new();
    let mut crits: BTreeMap<(Programme, String, String), CriterionRow> = BTreeMap::new();
    for (col, input) in inputs.iter().enumerate() {
        for t in &input.evaluation.tiers {
            let tier_key = key(&t.pack, &t.id);
            // Two tiers on one rung (the two provincial tracks) pair by full id.
            let row_key = if one_per_column(t.programme, t.level) {
                format!("level-{}", t.level)
            } else {
                t.id.clone()
            };
            let tk = (t.programme, row_key);
            let row = tiers.entry(tk.clone()).or_insert_with(|| {
                order.push(tk.clone());
                TierRow {
                    key: tier_key.to_string(),
                    programme: t.programme,
                    programme_title: f::programme(t.programme, lang).to_string(),
                    title: String::new(),
                    cells: vec![None; n],
                    changed: false,
                    criteria: Vec::new(),
                }
            });
            row.title = t.title.get(lang).to_string();
            row.cells[col] = Some(TierCell {
                tier: t.id.clone(),
                verdict: t.verdict,
                status: f::tier_status(t, lang),
                score: t.score.as_ref().map(|s| s.total),
            });
            for c in &t.criteria {
                // Within the tier (`rd` of `sme.2026.giant.rd`), else the pack.
                let ck =
                    c.id.strip_prefix(t.id.as_str())
                        .map_or_else(|| key(&t.pack, &c.id), |r| r.trim_start_matches('.'))
                        .to_string();
                let ids = crit_order.entry(tk.clone()).or_default();
                let entry = crits
                    .entry((tk.0, tk.1.clone(), ck.clone()))
                    .or_insert_with(|| {
                        ids.push(ck.clone());
                        CriterionRow {
                            key: ck.clone(),
                            title: String::new(),
                            cells: vec![None; n],
                            rules: vec![None; n],
                            changed: false,
                            rule_changed: false,
                        }
                    });
                entry.title = c.title.get(lang).to_string();
                entry.cells[col] = Some(CriterionCell {
                    criterion: c.id.to_string(),
                    outcome: c.outcome,
                    outcome_words: f::outcome(c.outcome, lang).to_string(),
                    value: c
                        .primary_check()
                        .map(|ch| f::check_line(ch, lang))
                        .unwrap_or_default(),
                    points: c.points,
                });
                entry.rules[col] = input
                    .packs
                    .iter()
                    .find_map(|p| p.all_criteria().find(|x| *x.id == *c.id))
                    .map(|x| f::describe_rule(&x.rule, lang));
            }
        }
    }
    let mut changed = 0;
    let mut rows = Vec::new();
    for tk in order {
        let Some(mut row) = tiers.remove(&tk) else {
            continue;
        };
        row.changed = differs(&row.cells, |a, b| {
            a.verdict == b.verdict && a.status == b.status && a.score == b.score
        });
        // Criteria are compared only among the columns that have the tier: a
        // tier missing from a column is one change, not one per criterion.
        let has: Vec<bool> = row.cells.iter().map(Option::is_some).collect();
        for ck in crit_order.remove(&tk).unwrap_or_default() {
            let Some(mut c) = crits.remove(&(tk.0, tk.1.clone(), ck)) else {
                continue;
            };
            c.changed = differs(&within(&c.cells, &has), |a, b| {
                a.outcome == b.outcome && a.value == b.value && a.points == b.points
            });
            c.rule_changed = differs(&within(&c.rules, &has), |a, b| a == b);
            changed += usize::from(c.changed || c.rule_changed);
            row.criteria.push(c);
        }
        changed += usize::from(row.changed);
        rows.push(row);
    }
    Comparison {
        format: FORMAT,
        lang,
        columns,
        tiers: rows,
        changed,
    }
}

fn column(i: &Input<'_>, lang: Lang) -> Column {
    let ev = i.evaluation;
    let m = Metrics::new(i.assessment, ev.as_of);
    let rd_ratio = (1..=3u8)
        .rev()
        .map(|back| YearValue {
            year: m.calendar_year(back),
            value: m.rd_ratio(back).ok(),
        })
        .collect();
    let haves = ev
        .target
        .as_deref()
        .and_then(|t| ev.tier(t))
        .map(|t| {
            t.haves
                .iter()
                .map(|h| HaveValue {
                    have: h.have,
                    readiness: h.readiness,
                })
                .collect()
        })
        .unwrap_or_default();
    Column {
        label: i.label.to_string(),
        company: i.assessment.company.name.clone(),
        as_of: ev.as_of,
        packs: ev.packs.iter().map(|p| p.id.clone()).collect(),
        pack_titles: ev
            .packs
            .iter()
            .map(|p| p.title.get(lang).to_string())
            .collect(),
        rd_ratio,
        haves,
    }
}

/// The comparison as text: the columns, then per tier its cells and the
/// criteria that changed (every criterion with `all`).
#[must_use]
pub fn render_text(c: &Comparison, all: bool) -> String {
    use std::fmt::Write as _;
    let lang = c.lang;
    let w = |tr| lang.t(tr);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        w(words::COMPARING).replace("{n}", &c.columns.len().to_string())
    );
    for (i, col) in c.columns.iter().enumerate() {
        let _ = writeln!(
            o,
            "  [{}] {} — {}{}{}{}{}",
            i + 1,
            col.label,
            if col.company.trim().is_empty() {
                w(words::NO_COMPANY_NAME)
            } else {
                &col.company
            },
            w(words::COMMA),
            w(words::AS_OF_DATE),
            w(words::COLON_SPACED),
            col.as_of
        );
        let _ = writeln!(
            o,
            "      {}{}{}",
            w(words::RULE_PACKS),
            w(words::SPACE_EN),
            col.pack_titles.join(w(words::LIST_SEP))
        );
        let rd: Vec<String> = col
            .rd_ratio
            .iter()
            .map(|y| {
                format!(
                    "{} {}",
                    y.year,
                    y.value
                        .map_or_else(|| "—".to_string(), |v| format!("{}%", f::number(v, 2)))
                )
            })
            .collect();
        let _ = writeln!(
            o,
            "      {}{}",
            w(words::RD_INTENSITY_SERIES),
            rd.join(" · ")
        );
    }
    let mut programme = None;
    for t in &c.tiers {
        if programme != Some(t.programme) {
            programme = Some(t.programme);
            let _ = writeln!(o, "\n== {} ==", t.programme_title);
        }
        let mark = if t.changed { "≠" } else { " " };
        let cells: Vec<String> = t
            .cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let s = cell.as_ref().map_or_else(
                    || w(words::NOT_IN_THIS_COLUMN).to_string(),
                    |x| match x.score {
                        Some(s) => format!(
                            "{}（{} {}）",
                            x.status,
                            f::number(s, 1),
                            w(words::POINTS_UNIT)
                        )
                        .replace('（', if lang == Lang::En { " (" } else { "（" })
                        .replace('）', if lang == Lang::En { ")" } else { "）" }),
                        None => x.status.clone(),
                    },
                );
                format!("[{}] {s}", i + 1)
            })
            .collect();
        let _ = writeln!(
            o,
            "{mark} {}{}{}",
            t.title,
            w(words::COLON_SPACED),
            cells.join("  ")
        );
        for cr in t
            .criteria
            .iter()
            .filter(|cr| all || cr.changed || cr.rule_changed)
        {
            let mark = if cr.changed || cr.rule_changed {
                "≠"
            } else {
                " "
            };
            let _ = writeln!(o, "  {mark} {}", cr.title);
            for (i, cell) in cr.cells.iter().enumerate() {
                let line = cell.as_ref().map_or_else(
                    || w(words::NOT_IN_THIS_COLUMN).to_string(),
                    |x| {
                        let pts = x
                            .points
                            .map(|p| format!(" [{} {}]", f::number(p, 1), w(words::POINTS_UNIT)))
                            .unwrap_or_default();
                        format!(
                            "{} {}{pts} — {}",
                            f::outcome_mark(x.outcome),
                            x.value,
                            x.outcome_words
                        )
                    },
                );
                let _ = writeln!(o, "      [{}] {line}", i + 1);
            }
            if cr.rule_changed {
                for (i, r) in cr.rules.iter().enumerate() {
                    let _ = writeln!(
                        o,
                        "      {}[{}] {}",
                        w(words::RULE),
                        i + 1,
                        r.as_deref().unwrap_or("—")
                    );
                }
            }
        }
    }
    let _ = writeln!(
        o,
        "\n{}",
        w(words::CHANGED_ROWS).replace("{n}", &c.changed.to_string())
    );
    o
}
