//! Data-driven threshold tests over every bundled rule pack.
//!
//! Every `Test::Cmp` found anywhere in a bundled pack (criterion rules, `when`s,
//! routes and their `when`s, ladder and sum steps, nested `All`/`Any`/`Max`) is
//! re-evaluated in a one-criterion pack with a stub metric source holding a value
//! just below, exactly at and just above its threshold; the outcome must follow
//! the operator and a failed check must carry the right gap. Every `Scoring::Bands`
//! is probed at each boundary, on both sides of it, with `band_index` and with a
//! full evaluation. The walker's counts are checked against an independent count
//! of the `Cmp(` / `Bands(` tokens in the pack texts, so a walker that visits
//! nothing (or skips a place where tests can hide) fails.

use std::collections::{BTreeSet, HashMap, HashSet};

mod common;

use chrono::NaiveDate;
use innocheck::eval::{MetricSource, Outcome, Verdict, band_index, evaluate_with};
use innocheck::metrics::{Lever, Metric, MetricResult, Missing, Unit, Value};
use innocheck::model::{FieldRef, TitleKind};
use innocheck::rules::{
    BUNDLED, Band, Block, Confidence, Criterion, Have, Op, Pack, Registry, Route, Rule, ScoreSpec,
    Scoring, Source, Test, Text,
};

// ───────────────────────────── stub metric source ─────────────────────────────

#[derive(Default)]
struct Stub {
    values: HashMap<(Metric, Option<u8>), Value>,
    titles: HashSet<TitleKind>,
}

impl Stub {
    fn with(metric: Metric, year: Option<u8>, v: f64) -> Stub {
        let mut s = Stub::default();
        s.values.insert((metric, year), Value::Num(v));
        s
    }

    fn field(metric: Metric, year: Option<u8>) -> String {
        match year {
            Some(y) => format!("stub.{}.{y}", metric.id()),
            None => format!("stub.{}", metric.id()),
        }
    }
}

impl MetricSource for Stub {
    fn value(&self, metric: Metric, year: Option<u8>) -> MetricResult {
        self.values
            .get(&(metric, year))
            .copied()
            .ok_or_else(|| Missing {
                fields: vec![FieldRef::named(Stub::field(metric, year))],
                undecided: false,
            })
    }
    fn calendar_year(&self, back: u8) -> i32 {
        2025 - i32::from(back)
    }
    fn holds_title(&self, kind: TitleKind) -> bool {
        self.titles.contains(&kind)
    }
    fn lever(
        &self,
        _metric: Metric,
        _year: Option<u8>,
        _target: f64,
        _strict: bool,
    ) -> Option<Lever> {
        None
    }
}

// ───────────────────────────── synthetic packs ─────────────────────────────

fn text(s: &str) -> Text {
    Text::new(s, s)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

const AS_OF: (i32, u32, u32) = (2025, 6, 30);

fn criterion(id: &str, rule: Rule) -> Criterion {
    Criterion {
        id: id.into(),
        title: text("probe"),
        have: Have::Funding,
        confidence: Confidence::V,
        source: Source {
            document: "probe".into(),
            article: "probe".into(),
            date: date(2020, 1, 1),
        },
        evidence: Vec::new().into(),
        note: None,
        when: None,
        rule,
    }
}

use common::one_tier_pack;

// ───────────────────────────── walkers ─────────────────────────────

#[derive(Debug, Clone)]
struct CmpSite {
    at: String,
    metric: Metric,
    year: Option<u8>,
    op: Op,
    value: f64,
    unit: Unit,
}

#[derive(Debug, Clone)]
struct BandSite {
    at: String,
    metric: Metric,
    year: Option<u8>,
    unit: Unit,
    upper_closed: bool,
    bands: Vec<Band>,
}

#[derive(Default)]
struct Found {
    cmps: Vec<CmpSite>,
    bands: Vec<BandSite>,
}

fn walk_test(t: &Test, at: &str, out: &mut Found) {
    match t {
        Test::Cmp {
            metric,
            year,
            op,
            value,
            unit,
        } => out.cmps.push(CmpSite {
            at: at.to_string(),
            metric: *metric,
            year: *year,
            op: *op,
            value: *value,
            unit: *unit,
        }),
        Test::All(v) => v.iter().for_each(|x| walk_test(x, at, out)),
        Test::Any(routes) => {
            for Route {
                name, when, test, ..
            } in routes
            {
                let here = format!("{at}/{name}");
                if let Some(w) = when {
                    walk_test(w, &format!("{here}/when"), out);
                }
                walk_test(test, &here, out);
            }
        }
        Test::Flag { .. } | Test::Declared { .. } | Test::Holds { .. } | Test::Score { .. } => {}
    }
}

fn walk_scoring(s: &Scoring, at: &str, out: &mut Found) {
    match s {
        Scoring::Bands {
            metric,
            year,
            unit,
            upper_closed,
            bands,
        } => out.bands.push(BandSite {
            at: at.to_string(),
            metric: *metric,
            year: *year,
            unit: *unit,
            upper_closed: *upper_closed,
            bands: bands.clone(),
        }),
        Scoring::Ladder { steps, .. } | Scoring::Sum { steps, .. } => {
            for (i, st) in steps.iter().enumerate() {
                walk_test(&st.test, &format!("{at}/step{i}"), out);
            }
        }
        Scoring::Max(v) => {
            for (i, x) in v.iter().enumerate() {
                walk_scoring(x, &format!("{at}/max{i}"), out);
            }
        }
        Scoring::Manual { .. } => {}
    }
}

fn walk_pack(p: &Pack, out: &mut Found) {
    for c in p.all_criteria() {
        if let Some(w) = &c.when {
            walk_test(w, &format!("{}/when", c.id), out);
        }
        match &c.rule {
            Rule::Check(t) => walk_test(t, &c.id, out),
            Rule::Points { scoring, .. } => walk_scoring(scoring, &c.id, out),
        }
    }
}

/// Occurrences of `token` in the code (not the `//` comments) of every bundled pack.
fn token_count(token: &str) -> usize {
    BUNDLED
        .iter()
        .flat_map(|(_, t)| t.lines())
        .map(|l| l.split("//").next().unwrap_or(""))
        .map(|code| code.matches(token).count())
        .sum()
}

fn everything() -> (Registry, Found) {
    let reg = Registry::bundled().unwrap_or_else(|e| panic!("bundled packs: {e}"));
    let mut found = Found::default();
    for p in reg.packs() {
        walk_pack(p, &mut found);
    }
    (reg, found)
}

// ───────────────────────────── Cmp thresholds ─────────────────────────────

/// What `op` says about a value below / at / above the threshold.
fn expected(op: Op) -> [Outcome; 3] {
    use Outcome::{Met, NotMet};
    match op {
        Op::Ge => [NotMet, Met, Met],
        Op::Gt => [NotMet, NotMet, Met],
        Op::Le => [Met, Met, NotMet],
        Op::Lt => [Met, NotMet, NotMet],
    }
}

fn step_for(unit: Unit, threshold: f64) -> f64 {
    if unit.is_count() {
        1.0
    } else {
        (threshold.abs() * 1e-3).max(1e-3)
    }
}

/// Shortfall a failed check must report for `value` against `threshold`: the
/// distance, rounded up to a whole number for count units; for a strict operator
/// on a count unit, the next whole value past the threshold; a strict operator
/// on an amount or percentage sitting on its threshold still needs one step (0.01).
fn expected_shortfall(op: Op, value: f64, threshold: f64, unit: Unit) -> f64 {
    let raw = (threshold - value).abs();
    if !unit.is_count() {
        return if raw == 0.0 && matches!(op, Op::Gt | Op::Lt) {
            0.01
        } else {
            raw
        };
    }
    let s = raw.ceil();
    let landed = match op {
        Op::Gt => value + s,
        Op::Lt => value - s,
        Op::Ge | Op::Le => return s,
    };
    if landed == threshold { s + 1.0 } else { s }
}

fn probe_cmp(site: &CmpSite, v: f64) -> (Outcome, Verdict, innocheck::eval::CriterionResult) {
    let test = Test::Cmp {
        metric: site.metric,
        year: site.year,
        op: site.op,
        value: site.value,
        unit: site.unit,
    };
    let pack = one_tier_pack(None, criterion("probe.t.c", Rule::Check(test)));
    let src = Stub::with(site.metric, site.year, v);
    let ev = evaluate_with(&src, &[&pack], date(AS_OF.0, AS_OF.1, AS_OF.2));
    let tier = ev.tier("probe.t").expect("probe tier evaluated");
    let c = tier
        .criterion("probe.t.c")
        .expect("probe criterion evaluated")
        .clone();
    (c.outcome, tier.verdict, c)
}

#[test]
#[allow(clippy::too_many_lines)]
fn every_cmp_in_every_pack_follows_its_operator() {
    let (_, found) = everything();
    let textual = token_count("Cmp(");
    assert!(
        textual >= 90,
        "expected about a hundred Cmp tests in the bundled packs, the text has {textual}"
    );
    assert_eq!(
        found.cmps.len(),
        textual,
        "the walker must visit every Cmp written in the packs"
    );

    let mut failures = Vec::new();
    let mut exercised = 0usize;
    let mut ops_seen = BTreeSet::new();
    for site in &found.cmps {
        let step = step_for(site.unit, site.value);
        let t = site.value;
        let probes = [t - step, t, t + step];
        let want = expected(site.op);
        for (k, &v) in probes.iter().enumerate() {
            let (outcome, verdict, c) = probe_cmp(site, v);
            let tag = format!(
                "{} {} {:?} {} {t} at value {v}",
                site.at,
                site.metric.id(),
                site.year,
                site.op.symbol()
            );
            if outcome != want[k] {
                failures.push(format!("{tag}: outcome {outcome:?}, want {:?}", want[k]));
                continue;
            }
            let want_verdict = if outcome == Outcome::Met {
                Verdict::Eligible
            } else {
                Verdict::NotEligible
            };
            if verdict != want_verdict {
                failures.push(format!("{tag}: verdict {verdict:?}, want {want_verdict:?}"));
            }
            let Some(check) = c.checks.first() else {
                failures.push(format!("{tag}: no check recorded"));
                continue;
            };
            if check.value != Some(Value::Num(v)) || check.threshold != Some(Value::Num(t)) {
                failures.push(format!(
                    "{tag}: check shows {:?} vs {:?}",
                    check.value, check.threshold
                ));
            }
            if check.unit != site.unit {
                failures.push(format!("{tag}: check unit {:?}", check.unit));
            }
            if let (Some(y), Some(cal)) = (site.year, check.year) {
                if cal != 2025 - i32::from(y) {
                    failures.push(format!("{tag}: calendar year {cal}"));
                }
            } else if site.year.is_some() {
                failures.push(format!("{tag}: yearly check without a calendar year"));
            }
            match (outcome, &check.gap) {
                (Outcome::Met, None) => {
                    if c.progress != 1.0 {
                        failures.push(format!("{tag}: met with progress {}", c.progress));
                    }
                }
                (Outcome::Met, Some(g)) => {
                    failures.push(format!("{tag}: met but carries a gap {g:?}"));
                }
                (_, None) => failures.push(format!("{tag}: not met without a gap")),
                (_, Some(g)) => {
                    let want_s = expected_shortfall(site.op, v, t, site.unit);
                    if (g.shortfall - want_s).abs() > 1e-9 * want_s.abs().max(1.0) {
                        failures.push(format!("{tag}: shortfall {} want {want_s}", g.shortfall));
                    }
                    if g.unit != site.unit {
                        failures.push(format!("{tag}: gap unit {:?}", g.unit));
                    }
                    if g.decrease != matches!(site.op, Op::Le | Op::Lt) {
                        failures.push(format!("{tag}: gap decrease = {}", g.decrease));
                    }
                    // Progress is min(value/threshold, 1): below 1 unless a strict test sits on its threshold.
                    let strict_on_threshold = matches!(site.op, Op::Gt | Op::Lt) && v == t;
                    if !(0.0..=1.0).contains(&c.progress)
                        || (c.progress == 1.0 && !strict_on_threshold)
                    {
                        failures.push(format!("{tag}: not met with progress {}", c.progress));
                    }
                }
            }
            exercised += 1;
        }
        // Count units: a fractional shortfall is rounded up to the next whole unit.
        if site.unit.is_count() && matches!(site.op, Op::Ge | Op::Le) {
            let v = if site.op == Op::Ge {
                t - 0.25
            } else {
                t + 0.25
            };
            let (outcome, _, c) = probe_cmp(site, v);
            let s = c.checks.first().and_then(|ch| ch.gap).map(|g| g.shortfall);
            if outcome != Outcome::NotMet || s != Some(1.0) {
                failures.push(format!(
                    "{} at {v}: {outcome:?} shortfall {s:?}, want not_met by 1",
                    site.at
                ));
            }
            exercised += 1;
        }
        // Strict operators on count units: the shortfall must be enough to pass.
        if site.unit.is_count() && matches!(site.op, Op::Gt | Op::Lt) {
            let (_, _, c) = probe_cmp(site, t);
            let g = c
                .checks
                .first()
                .and_then(|ch| ch.gap)
                .expect("gap at a strict threshold");
            let moved = if site.op == Op::Gt {
                t + g.shortfall
            } else {
                t - g.shortfall
            };
            if !site.op.holds(moved, t) {
                failures.push(format!(
                    "{}: closing the gap of {} does not pass",
                    site.at, g.shortfall
                ));
            }
        }
        // No value: missing, naming the field.
        let test = Test::Cmp {
            metric: site.metric,
            year: site.year,
            op: site.op,
            value: t,
            unit: site.unit,
        };
        let pack = one_tier_pack(None, criterion("probe.t.c", Rule::Check(test)));
        let ev = evaluate_with(&Stub::default(), &[&pack], date(AS_OF.0, AS_OF.1, AS_OF.2));
        let tier = ev.tier("probe.t").expect("probe tier");
        let c = tier.criterion("probe.t.c").expect("probe criterion");
        if c.outcome != Outcome::Missing
            || c.missing != vec![Stub::field(site.metric, site.year)]
            || tier.verdict != Verdict::Incomplete
        {
            failures.push(format!(
                "{}: empty input gave {:?} {:?} {:?}",
                site.at, c.outcome, c.missing, tier.verdict
            ));
        }
        ops_seen.insert(format!("{:?}", site.op));
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        ops_seen.into_iter().collect::<Vec<_>>(),
        vec!["Ge", "Gt", "Le", "Lt"],
        "the bundled packs use all four operators (Lt only in `when`s); the walker must reach them"
    );
    assert!(exercised >= 3 * textual, "only {exercised} probes asserted");
    eprintln!(
        "thresholds: {} Cmp sites, {exercised} probes asserted",
        found.cmps.len()
    );
}

#[test]
fn gt_and_lt_at_the_threshold_are_not_met_in_a_real_pack() {
    // tc.city.template.rd_spend is "研发费用 > 0": zero R&D spending is not "having R&D funding".
    let (reg, _) = everything();
    let pack = reg.get("tc.city.template").expect("tc.city.template");
    let mut src = Stub::default();
    src.values
        .insert((Metric::RdSpend, Some(1)), Value::Num(0.0));
    let ev = evaluate_with(&src, &[pack], date(2025, 6, 30));
    let c = ev
        .tier("tc.city.template")
        .and_then(|t| t.criterion("tc.city.template.rd_spend"))
        .expect("criterion");
    assert_eq!(c.outcome, Outcome::NotMet);
    src.values
        .insert((Metric::RdSpend, Some(1)), Value::Num(0.01));
    let ev = evaluate_with(&src, &[pack], date(2025, 6, 30));
    let c = ev
        .tier("tc.city.template")
        .and_then(|t| t.criterion("tc.city.template.rd_spend"))
        .expect("criterion");
    assert_eq!(c.outcome, Outcome::Met);
}

// ───────────────────────────── score bands ─────────────────────────────

fn probe_band(site: &BandSite, v: f64) -> Option<f64> {
    let max = site
        .bands
        .iter()
        .map(|b| b.points)
        .fold(0.0, f64::max)
        .max(1.0);
    let scoring = Scoring::Bands {
        metric: site.metric,
        year: site.year,
        unit: site.unit,
        upper_closed: site.upper_closed,
        bands: site.bands.clone(),
    };
    let spec = ScoreSpec {
        max,
        blocks: vec![Block {
            id: "b".into(),
            title: text("b"),
            max,
            min: None,
            capped: false,
        }],
    };
    let pack = one_tier_pack(
        Some(spec),
        criterion(
            "probe.t.item",
            Rule::Points {
                block: "b".into(),
                max,
                scoring,
            },
        ),
    );
    let src = Stub::with(site.metric, site.year, v);
    let ev = evaluate_with(&src, &[&pack], date(AS_OF.0, AS_OF.1, AS_OF.2));
    let tier = ev.tier("probe.t")?;
    let c = tier.criterion("probe.t.item")?;
    let total = tier.score.as_ref().map(|s| s.total);
    assert_eq!(
        total, c.points,
        "{}: the tier total is the item's points",
        site.at
    );
    c.points
}

#[test]
fn every_band_boundary_goes_to_the_right_side() {
    let (_, found) = everything();
    let textual = token_count("Bands(");
    assert!(
        textual >= 15,
        "expected the score tables' bands in the packs, the text has {textual}"
    );
    assert_eq!(
        found.bands.len(),
        textual,
        "the walker must visit every Bands written in the packs (incl. inside Max)"
    );
    assert!(
        found.bands.iter().any(|b| b.upper_closed) && found.bands.iter().any(|b| !b.upper_closed),
        "both closed-lower ([X, Y)) and closed-upper ((X, Y], debt ratio) tables are bundled"
    );

    let mut failures = Vec::new();
    let mut boundaries = 0usize;
    for site in &found.bands {
        let bands = &site.bands;
        for i in 0..bands.len().saturating_sub(1) {
            let Some(b) = bands[i].to else {
                failures.push(format!("{}: band {i} has no upper bound", site.at));
                continue;
            };
            assert_eq!(
                bands[i + 1].from,
                Some(b),
                "{}: bands are contiguous",
                site.at
            );
            let width_below = bands[i].from.map_or(f64::INFINITY, |f| b - f);
            let width_above = bands[i + 1].to.map_or(f64::INFINITY, |t| t - b);
            let eps = (b.abs().max(1.0) * 1e-6)
                .min(width_below / 4.0)
                .min(width_above / 4.0);
            let at_index = if site.upper_closed { i } else { i + 1 };
            let tag = format!(
                "{} {} boundary {b} (upper_closed={})",
                site.at,
                site.metric.id(),
                site.upper_closed
            );
            for (v, want) in [(b - eps, i), (b, at_index), (b + eps, i + 1)] {
                let got = band_index(bands, v, site.upper_closed);
                if got != Some(want) {
                    failures.push(format!("{tag}: band_index({v}) = {got:?}, want {want}"));
                }
                let points = probe_band(site, v);
                if points != Some(bands[want].points) {
                    failures.push(format!(
                        "{tag}: value {v} scores {points:?}, want {}",
                        bands[want].points
                    ));
                }
            }
            boundaries += 1;
        }
        // The open ends: far below and far above.
        let lo = bands.first().and_then(|x| x.to).unwrap_or(0.0) - 1e6;
        let hi = bands.last().and_then(|x| x.from).unwrap_or(0.0) + 1e6;
        if band_index(bands, lo, site.upper_closed) != Some(0)
            || band_index(bands, hi, site.upper_closed) != Some(bands.len() - 1)
        {
            failures.push(format!("{}: open ends not covered", site.at));
        }
        // Missing input: zero points now, up to the item max potentially, named field.
        let max = bands.iter().map(|x| x.points).fold(0.0, f64::max).max(1.0);
        let spec = ScoreSpec {
            max,
            blocks: vec![Block {
                id: "b".into(),
                title: text("b"),
                max,
                min: None,
                capped: false,
            }],
        };
        let scoring = Scoring::Bands {
            metric: site.metric,
            year: site.year,
            unit: site.unit,
            upper_closed: site.upper_closed,
            bands: bands.clone(),
        };
        let pack = one_tier_pack(
            Some(spec),
            criterion(
                "probe.t.item",
                Rule::Points {
                    block: "b".into(),
                    max,
                    scoring,
                },
            ),
        );
        let ev = evaluate_with(&Stub::default(), &[&pack], date(AS_OF.0, AS_OF.1, AS_OF.2));
        let tier = ev.tier("probe.t").expect("probe tier");
        let c = tier.criterion("probe.t.item").expect("item");
        let s = tier.score.as_ref().expect("score");
        if c.outcome != Outcome::Missing
            || c.points != Some(0.0)
            || s.potential != max
            || c.missing != vec![Stub::field(site.metric, site.year)]
        {
            failures.push(format!(
                "{}: empty input gave {:?} {:?} potential {} missing {:?}",
                site.at, c.outcome, c.points, s.potential, c.missing
            ));
        }
    }
    let expected_boundaries: usize = found.bands.iter().map(|s| s.bands.len() - 1).sum();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(boundaries, expected_boundaries);
    assert!(
        boundaries >= 60,
        "only {boundaries} band boundaries exercised"
    );
    eprintln!(
        "thresholds: {} Bands tables, {boundaries} boundaries",
        found.bands.len()
    );
}

#[test]
fn the_spec_examples_of_the_boundary_rule_hold() {
    // criteria.md §1: a 3.0 % R&D ratio scores the 3–5 % band (15 points in sme.2022.innovative);
    // the "≤ 55 %" debt band includes 55.0 %.
    let (reg, found) = everything();
    assert!(reg.get("sme.2022").is_some());
    let rd = found
        .bands
        .iter()
        .find(|b| b.at == "sme.2022.innovative.rd_ratio")
        .expect("sme.2022.innovative.rd_ratio bands");
    assert_eq!(probe_band(rd, 3.0), Some(15.0));
    assert_eq!(probe_band(rd, 2.999), Some(10.0));
    assert_eq!(probe_band(rd, 5.0), Some(20.0));
    let debt = found
        .bands
        .iter()
        .find(|b| b.at == "sme.2022.innovative.debt")
        .expect("sme.2022.innovative.debt bands");
    assert!(debt.upper_closed);
    assert_eq!(probe_band(debt, 55.0), Some(10.0));
    assert_eq!(probe_band(debt, 55.001), Some(5.0));
    assert_eq!(probe_band(debt, 75.0), Some(5.0));
    assert_eq!(probe_band(debt, 75.001), Some(0.0));
}
