//! The JSON contract of `innocheck evaluate --format json`
//! (`"format": "innocheck.evaluation/1"`), documented in the README.
//! Fields are only ever added, never renamed or removed, within version 1.
//! The contract is these borrowed structs, serialised directly.

use crate::model::FieldRef;
use serde::Serialize;

use super::format as f;
use super::proof::{ProofItem, TierProof};
use crate::eval::{Check, CriterionResult, Evaluation};
use crate::i18n::Lang;
use crate::i18n::words;
use crate::metrics::{LeverInput, Unit, Value};
use crate::model::{Assessment, Issue, Severity};
use crate::rules::{Have, Programme};

/// Format id written in every object.
pub const FORMAT: &str = "innocheck.evaluation/1";

/// One evaluated file.
#[derive(Serialize)]
pub struct Doc<'a> {
    format: &'static str,
    file: &'a str,
    company: &'a str,
    uscc: &'a str,
    as_of: String,
    lang: Lang,
    packs: Vec<PackOut<'a>>,
    issues: Vec<IssueOut<'a>>,
    tiers: Vec<TierOut<'a>>,
    next_tier_gaps: Vec<ProgressOut<'a>>,
    five_haves: FiveHaves<'a>,
}

#[derive(Serialize)]
struct PackOut<'a> {
    id: &'a str,
    title: &'a str,
    document: &'a str,
    effective_from: String,
    effective_to: Option<String>,
    confidence: &'static str,
    partial: bool,
}

#[derive(Serialize)]
struct IssueOut<'a> {
    field: &'a str,
    severity: Severity,
    message: &'a str,
}

#[derive(Serialize)]
struct BlockOut<'a> {
    id: &'a str,
    title: &'a str,
    points: f64,
    max: f64,
    min: Option<f64>,
}

#[derive(Serialize)]
struct TierOut<'a> {
    id: &'a str,
    pack: &'a str,
    programme: Programme,
    level: u8,
    title: &'a str,
    verdict: &'static str,
    held: bool,
    /// Why the tier does not apply (verdict `not_applicable`).
    not_applicable: Option<&'a str>,
    route: Option<&'a str>,
    /// The route in words.
    route_label: Option<&'a str>,
    score: Option<f64>,
    max_score: Option<f64>,
    score_blocks: Option<Vec<BlockOut<'a>>>,
    criteria: Vec<CriterionOut<'a>>,
    /// Readiness of the proof (evidence attached), when the files were
    /// checked ([`Doc::with_proof`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a TierProof>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    document: &'a str,
    article: &'a str,
    date: String,
}

#[derive(Serialize)]
struct CriterionOut<'a> {
    id: &'a str,
    title: &'a str,
    outcome: &'static str,
    route: Option<&'a str>,
    route_label: Option<&'a str>,
    value: Option<Value>,
    /// `[min, max]` when the value is known only within bounds (a duration
    /// from a start year without its month).
    value_range: Option<[f64; 2]>,
    threshold: Option<Value>,
    unit: Option<Unit>,
    gap: Option<GapOut>,
    /// What would decide an undecided (`review`) outcome.
    decide: Option<&'a str>,
    points: Option<f64>,
    /// Points reachable if what is pending scored fully.
    points_upper: Option<f64>,
    max_points: Option<f64>,
    confidence: &'static str,
    have: Have,
    missing: &'a [FieldRef],
    source: SourceOut<'a>,
    checks: Vec<CheckOut<'a>>,
}

#[derive(Serialize)]
struct LeverOut {
    amount: f64,
    unit: Unit,
    input: LeverInput,
}

#[derive(Serialize)]
struct GapOut {
    shortfall: f64,
    unit: Unit,
    decrease: bool,
    lever: Option<LeverOut>,
    points_gain: Option<f64>,
    text: String,
}

#[derive(Serialize)]
struct CheckOut<'a> {
    label: &'a str,
    subject: &'a str,
    year: Option<i32>,
    value: Option<Value>,
    value_range: Option<[f64; 2]>,
    op: &'static str,
    threshold: Option<Value>,
    unit: Unit,
    outcome: &'static str,
    gap: Option<GapOut>,
    decide: Option<&'a str>,
    missing: &'a [FieldRef],
}

#[derive(Serialize)]
struct ProgressOut<'a> {
    programme: Programme,
    reached: Option<&'a str>,
    reached_held: bool,
    next: Vec<NextOut<'a>>,
}

#[derive(Serialize)]
struct NextOut<'a> {
    tier: &'a str,
    title: &'a str,
    blockers: Vec<BlockerOut<'a>>,
    /// The documents still to attach for this tier, when the files were
    /// checked ([`Doc::with_proof`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence_missing: Option<Vec<&'a ProofItem>>,
}

#[derive(Serialize)]
struct BlockerOut<'a> {
    criterion: &'a str,
    title: &'a str,
    outcome: &'static str,
    confidence: &'static str,
    have: Have,
    points_gain: Option<f64>,
    missing: &'a [FieldRef],
    gaps: Vec<String>,
}

/// Five-haves readiness: every have is always present (`null` without a target tier).
#[derive(Serialize)]
struct FiveHaves<'a> {
    target: Option<&'a str>,
    staff: Option<f64>,
    funding: Option<f64>,
    conditions: Option<f64>,
    direction: Option<f64>,
    projects: Option<f64>,
}

fn gap(ch: &Check, lang: Lang) -> Option<GapOut> {
    ch.gap.as_ref().map(|g| GapOut {
        shortfall: g.shortfall,
        unit: g.unit,
        decrease: g.decrease,
        lever: g.lever.map(|l| LeverOut {
            amount: l.amount,
            unit: l.unit,
            input: l.input,
        }),
        points_gain: g.points_gain,
        text: f::gap(g, lang),
    })
}

fn range(v: Option<Value>) -> Option<[f64; 2]> {
    match v {
        Some(Value::Span(s)) => Some([s.min, s.max]),
        _ => None,
    }
}

fn check(ch: &Check, lang: Lang) -> CheckOut<'_> {
    CheckOut {
        label: ch.label.get(lang),
        subject: &ch.subject,
        year: ch.year,
        value: ch.value,
        value_range: range(ch.value),
        op: ch.op.symbol(),
        threshold: ch.threshold,
        unit: ch.unit,
        outcome: ch.outcome.id(),
        gap: gap(ch, lang),
        decide: ch.decide.as_ref().map(|t| t.get(lang)),
        missing: &ch.missing,
    }
}

fn criterion(c: &CriterionResult, lang: Lang) -> CriterionOut<'_> {
    let primary = c.primary_check();
    CriterionOut {
        id: &c.id,
        title: c.title.get(lang),
        outcome: c.outcome.id(),
        route: c.route.as_deref(),
        route_label: c.route_label.as_ref().map(|t| t.get(lang)),
        value: primary.and_then(|p| p.value),
        value_range: range(primary.and_then(|p| p.value)),
        threshold: primary.and_then(|p| p.threshold),
        unit: primary.map(|p| p.unit),
        gap: primary.and_then(|p| gap(p, lang)),
        decide: c
            .checks
            .iter()
            .find_map(|ch| ch.decide.as_ref())
            .map(|t| t.get(lang)),
        points: c.points,
        points_upper: c.points_upper,
        max_points: c.max_points,
        confidence: c.confidence.label(),
        have: c.have,
        missing: &c.missing,
        source: SourceOut {
            document: &c.source.document,
            article: &c.source.article,
            date: c.source.date.to_string(),
        },
        checks: c.checks.iter().map(|ch| check(ch, lang)).collect(),
    }
}

/// The contract object for one evaluated file.
#[must_use]
pub fn doc<'a>(
    file: &'a str,
    a: &'a Assessment,
    issues: &'a [Issue],
    ev: &'a Evaluation,
    lang: Lang,
) -> Doc<'a> {
    let haves = ev.five_haves(None).unwrap_or(&[]);
    let have = |h: Have| haves.iter().find(|x| x.have == h).and_then(|x| x.readiness);
    Doc {
        format: FORMAT,
        file,
        company: &a.company.name,
        uscc: &a.company.uscc,
        as_of: ev.as_of.to_string(),
        lang,
        packs: ev
            .packs
            .iter()
            .map(|p| PackOut {
                id: &p.id,
                title: p.title.get(lang),
                document: &p.document,
                effective_from: p.effective_from.to_string(),
                effective_to: p.effective_to.map(|d| d.to_string()),
                confidence: p.confidence.label(),
                partial: p.partial,
            })
            .collect(),
        issues: issues
            .iter()
            .map(|i| IssueOut {
                field: &i.field,
                severity: i.severity,
                message: lang.pick(&i.zh, &i.en),
            })
            .collect(),
        tiers: ev
            .tiers
            .iter()
            .map(|t| TierOut {
                id: &t.id,
                pack: &t.pack,
                programme: t.programme,
                level: t.level,
                title: t.title.get(lang),
                verdict: t.verdict.id(),
                held: t.held,
                not_applicable: t.not_applicable.as_ref().map(|r| r.get(lang)),
                route: t.route.as_deref(),
                route_label: t.route_label.as_ref().map(|r| r.get(lang)),
                score: t.score.as_ref().map(|s| s.total),
                max_score: t.score.as_ref().map(|s| s.max),
                score_blocks: t.score.as_ref().map(|s| {
                    s.blocks
                        .iter()
                        .map(|b| BlockOut {
                            id: &b.id,
                            title: b.title.get(lang),
                            points: b.points,
                            max: b.max,
                            min: b.min,
                        })
                        .collect()
                }),
                criteria: t.criteria.iter().map(|c| criterion(c, lang)).collect(),
                evidence: None,
            })
            .collect(),
        next_tier_gaps: ev
            .progress
            .iter()
            .map(|p| ProgressOut {
                programme: p.programme,
                reached: p.reached.as_deref(),
                reached_held: p.reached_held,
                next: p
                    .next
                    .iter()
                    .map(|n| NextOut {
                        tier: &n.tier,
                        title: n.title.get(lang),
                        blockers: n
                            .blockers
                            .iter()
                            .map(|b| BlockerOut {
                                criterion: &b.criterion,
                                title: b.title.get(lang),
                                outcome: b.outcome.id(),
                                confidence: b.confidence.label(),
                                have: b.have,
                                points_gain: b.points_gain,
                                missing: &b.missing,
                                gaps: b
                                    .checks
                                    .iter()
                                    .filter_map(|c| {
                                        c.gap.as_ref().map(|g| {
                                            format!(
                                                "{}{}{}",
                                                f::check_line(c, lang),
                                                lang.t(words::COLON_SPACED),
                                                f::gap(g, lang)
                                            )
                                        })
                                    })
                                    .collect(),
                            })
                            .collect(),
                        evidence_missing: None,
                    })
                    .collect(),
            })
            .collect(),
        five_haves: FiveHaves {
            target: ev.target.as_deref(),
            staff: have(Have::Staff),
            funding: have(Have::Funding),
            conditions: have(Have::Conditions),
            direction: have(Have::Direction),
            projects: have(Have::Projects),
        },
    }
}

impl<'a> Doc<'a> {
    /// Adds the readiness of the proof: `evidence` (attached / total / the
    /// checklist with each document's status) on every tier that applies,
    /// and `evidence_missing` on every next tier.
    #[must_use]
    pub fn with_proof(mut self, proof: &'a [TierProof]) -> Doc<'a> {
        for t in &mut self.tiers {
            t.evidence = super::proof::of(proof, t.id);
        }
        for p in &mut self.next_tier_gaps {
            for n in &mut p.next {
                n.evidence_missing =
                    super::proof::of(proof, n.tier).map(|tp| tp.missing().collect());
            }
        }
        self
    }
}

/// The contract object as a JSON value (for tests and embedding).
#[must_use]
pub fn object(
    file: &str,
    a: &Assessment,
    issues: &[Issue],
    ev: &Evaluation,
    lang: Lang,
) -> serde_json::Value {
    serde_json::to_value(doc(file, a, issues, ev, lang)).unwrap_or(serde_json::Value::Null)
}

/// The contract object as pretty-printed JSON text.
#[must_use]
pub fn to_string(
    file: &str,
    a: &Assessment,
    issues: &[Issue],
    ev: &Evaluation,
    lang: Lang,
) -> String {
    serde_json::to_string_pretty(&doc(file, a, issues, ev, lang)).unwrap_or_default()
}
