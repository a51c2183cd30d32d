//! The evaluator: tests, scores and tier verdicts.
//!
//! - `tier.rs`: a tier's verdict (criteria, prerequisites, score, routes);
//! - `criterion.rs`: a criterion's outcome from its test;
//! - `compare.rs`: the comparisons tests are made of;
//! - `points.rs`: scored items, blocks and bands.

mod compare;
mod criterion;
mod points;
mod tier;

use crate::model::FieldRef;

use chrono::NaiveDate;

use super::progress;
use super::types::{
    BlockScore, Check, CheckOp, CriterionResult, Evaluation, Gap, Outcome, PackInfo, ScoreResult,
    TierResult, Verdict,
};
use crate::metrics::{Lever, Metric, MetricResult, Metrics, Unit, Value};
use crate::model::{Assessment, InstitutionKind, InstitutionLevel, ProvincialTrack, TitleKind};
use crate::rules::{Band, Criterion, Expr, Op, Pack, Programme, Rule, Scoring, Test, Text, Tier};

/// Where metric values come from. [`Metrics`] is the real source; tests may
/// supply values directly to probe thresholds.
pub trait MetricSource {
    /// Value of `metric` for year offset `year`.
    fn value(&self, metric: Metric, year: Option<u8>) -> MetricResult;
    /// Calendar year of offset `back`.
    fn calendar_year(&self, back: u8) -> i32;
    /// Whether a title is held and valid on the as-of date.
    fn holds_title(&self, kind: TitleKind) -> bool;
    /// A lever to move `metric` to `target` (`strict`: past it).
    fn lever(&self, metric: Metric, year: Option<u8>, target: f64, strict: bool) -> Option<Lever>;
    /// Enterprise technology centers already held: level (1 municipal,
    /// 2 provincial, 3 national) and, for a provincial one, its track.
    fn tech_centers(&self) -> Vec<(u8, Option<ProvincialTrack>)> {
        Vec::new()
    }
}

struct Real<'a> {
    m: Metrics<'a>,
    a: &'a Assessment,
    /// Metric values by metric and year offset, computed once per evaluation:
    /// many criteria of many tiers read the same figures.
    cache: std::cell::RefCell<MetricCache>,
    /// Levers computed (metric, year, threshold bits, strict): several tiers
    /// and score bands ask for the same one.
    levers: std::cell::RefCell<Vec<(LeverKey, Option<Lever>)>>,
}

/// What a lever is computed for.
type LeverKey = (Metric, Option<u8>, u64, bool);

/// Metric values computed during one evaluation: a small index per (metric,
/// year offset) into the values computed so far, so that starting and
/// dropping the cache costs only the values actually read.
#[derive(Default)]
struct MetricCache {
    /// Position in `values` + 1 per slot; 0: not computed yet.
    index: Vec<u16>,
    values: Vec<MetricResult>,
}

/// Year offsets cached per metric (0 = not yearly, 1–4).
const CACHED_YEARS: usize = 5;

impl MetricSource for Real<'_> {
    fn value(&self, metric: Metric, year: Option<u8>) -> MetricResult {
        let back = usize::from(year.unwrap_or(0));
        if back >= CACHED_YEARS {
            return self.m.value(metric, year);
        }
        let slot = metric as usize * CACHED_YEARS + back;
        {
            let cache = self.cache.borrow();
            if let Some(&i) = cache.index.get(slot)
                && i > 0
            {
                return cache.values[usize::from(i) - 1].clone();
            }
        }
        let v = self.m.value(metric, year);
        let mut cache = self.cache.borrow_mut();
        if cache.index.len() <= slot {
            cache.index.resize(Metric::ALL.len() * CACHED_YEARS, 0);
        }
        cache.values.push(v.clone());
        // Fewer than 65,535 metric × year pairs exist; past that, nothing is kept.
        if let Ok(i) = u16::try_from(cache.values.len()) {
            cache.index[slot] = i;
        }
        v
    }
    fn calendar_year(&self, back: u8) -> i32 {
        self.m.calendar_year(back)
    }
    fn holds_title(&self, kind: TitleKind) -> bool {
        self.a.holds_title(kind, self.m.as_of())
    }
    fn lever(&self, metric: Metric, year: Option<u8>, target: f64, strict: bool) -> Option<Lever> {
        let key = (metric, year, target.to_bits(), strict);
        if let Some((_, l)) = self.levers.borrow().iter().find(|(k, _)| *k == key) {
            return *l;
        }
        let l = self.m.lever(metric, year, target, strict);
        self.levers.borrow_mut().push((key, l));
        l
    }
    fn tech_centers(&self) -> Vec<(u8, Option<ProvincialTrack>)> {
        self.a
            .conditions
            .institutions
            .iter()
            .filter(|i| i.kind == InstitutionKind::TechCenter)
            .filter_map(|i| {
                let level = match i.level {
                    InstitutionLevel::National => 3,
                    InstitutionLevel::Provincial => 2,
                    InstitutionLevel::Municipal => 1,
                    InstitutionLevel::Enterprise | InstitutionLevel::None => return None,
                };
                let track = (level == 2).then(|| self.a.provincial_track(i)).flatten();
                Some((level, track))
            })
            .collect()
    }
}

/// Evaluates `a` against `packs` as of `as_of`.
#[must_use]
pub fn evaluate(a: &Assessment, packs: &[&Pack], as_of: NaiveDate) -> Evaluation {
    let src = Real {
        m: Metrics::new(a, as_of),
        a,
        cache: std::cell::RefCell::default(),
        levers: std::cell::RefCell::default(),
    };
    evaluate_with(&src, packs, as_of)
}

/// Evaluates with any metric source (used by threshold tests).
#[must_use]
pub fn evaluate_with(src: &dyn MetricSource, packs: &[&Pack], as_of: NaiveDate) -> Evaluation {
    let mut sorted: Vec<&Pack> = packs.to_vec();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    sorted.dedup_by(|a, b| a.id == b.id);
    // Every tier by id; of two packs defining one id, the later (by pack id) counts.
    let mut slots: Vec<TierSlot> = sorted
        .iter()
        .flat_map(|p| p.tiers.iter().map(move |t| (*p, t)))
        .map(|(pack, tier)| TierSlot {
            pack,
            tier,
            busy: false,
            done: None,
        })
        .collect();
    slots.sort_by(|a, b| a.tier.id.cmp(&b.tier.id));
    slots.reverse();
    slots.dedup_by(|a, b| a.tier.id == b.tier.id);
    slots.reverse();
    let mut ev = Evaluator {
        src,
        tiers: slots,
        pool: Vec::new(),
    };
    for i in 0..ev.tiers.len() {
        ev.tier(&ev.tiers[i].tier.id);
    }
    let mut tiers: Vec<TierResult> = ev.tiers.into_iter().filter_map(|t| t.done).collect();
    tiers.sort_by(|a, b| (a.programme, a.level, &a.id).cmp(&(b.programme, b.level, &b.id)));
    let progress = progress::ladders(&tiers);
    let target = progress::default_target(&progress, &tiers);
    Evaluation {
        as_of,
        packs: sorted
            .iter()
            .map(|p| PackInfo {
                id: p.id.clone(),
                title: p.title.clone(),
                document: p.document.clone(),
                effective_from: p.effective_from,
                effective_to: p.effective_to,
                confidence: p.confidence,
                partial: p.partial,
                notes: p.notes.clone(),
                benchmarks: p.benchmarks.clone(),
            })
            .collect(),
        tiers,
        progress,
        target,
    }
}

/// A check label and the calendar year it names.
type Label = (Text, Option<i32>);

/// A tier to evaluate, and its result once computed.
struct TierSlot<'a> {
    pack: &'a Pack,
    tier: &'a Tier,
    /// Being computed (a prerequisite met again is a cycle).
    busy: bool,
    done: Option<TierResult>,
}

struct Evaluator<'a> {
    src: &'a dyn MetricSource,
    /// The tiers of the packs, sorted by id.
    tiers: Vec<TierSlot<'a>>,
    /// Emptied check lists to reuse for checks nobody keeps.
    pool: Vec<Vec<Check>>,
}

thread_local! {
    /// Metric labels by metric and year offset, each with the calendar year
    /// it names ([`Evaluator::label`]).
    static LABELS: std::cell::RefCell<Vec<Option<Label>>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Labels of title and score checks ([`wording`]).
    static WORDINGS: std::cell::RefCell<Vec<(Wording, Text)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Labels of title and score checks kept per thread before starting afresh.
const MAX_WORDINGS: usize = 256;

/// A check label made from fixed words: the same for every evaluation.
#[derive(Clone, PartialEq)]
enum Wording {
    /// 持有有效的“…”称号.
    Holds(TitleKind),
    /// 总分.
    Total,
    /// …得分, of the score block with this title.
    Block(Text),
}

/// The label `w` says, made once per thread (an `Arc` to clone, not strings
/// to format on every evaluation).
fn wording(w: Wording) -> Text {
    WORDINGS.with(|words| {
        let mut words = words.borrow_mut();
        if let Some((_, t)) = words.iter().find(|(k, _)| *k == w) {
            return t.clone();
        }
        let t = match &w {
            Wording::Holds(title) => Text::new(
                format!("持有有效的“{}”称号", title.zh()),
                format!("Holds a valid title: {}", title.en()),
            ),
            Wording::Total => Text::new("总分", "Total score"),
            Wording::Block(title) => {
                Text::new(format!("{}得分", title.zh), format!("{} score", title.en))
            }
        };
        if words.len() >= MAX_WORDINGS {
            words.clear();
        }
        words.push((w, t.clone()));
        t
    })
}

/// A route of an `Any` test that may decide it: its index and where its
/// checks lie among the test's (each route's follow the previous one's).
type Candidate = (usize, std::ops::Range<usize>);

/// Result of evaluating a test. Its checks go to the list the caller passes
/// ([`Evaluator::test`]): a test whose checks are not shown (a condition, an
/// applicability test) leaves nothing to allocate, and the checks of nested
/// tests land in one list instead of one per comparison.
#[derive(Debug, Clone, Default)]
struct TestOut<'a> {
    outcome: Option<Outcome>,
    /// Name of the route that decided, for alternatives.
    route: Option<&'a str>,
    route_label: Option<Text>,
    missing: Vec<FieldRef>,
    progress: f64,
}

impl TestOut<'_> {
    fn outcome(&self) -> Outcome {
        self.outcome.unwrap_or(Outcome::NA)
    }
}

/// Points of a scored item: a known lower bound and what missing inputs could add.
#[derive(Debug, Clone, Default)]
struct PointsOut {
    lower: f64,
    upper: f64,
    checks: Vec<Check>,
    /// Empty inputs on which points hang.
    missing: Vec<FieldRef>,
    /// Declarations (or months) awaited on which points hang: `review`, not `missing`.
    review: Vec<FieldRef>,
    gain: Option<(f64, Vec<Check>)>,
}

/// Records what a pending step of a score item waits for: empty inputs
/// (`missing`) or a declaration or month to give (`review`).
/// `missing` and `review` are the item's lists ([`PointsOut`]); `checks`
/// are the step's.
fn pending(
    (missing, review): (&mut Vec<FieldRef>, &mut Vec<FieldRef>),
    o: Outcome,
    r: TestOut,
    checks: &[Check],
) {
    if o == Outcome::Review {
        for ch in checks.iter().filter(|c| c.outcome == Outcome::Review) {
            merge_missing(review, &ch.missing);
        }
    } else {
        merge_missing_owned(missing, r.missing);
    }
}

/// Adds the checks of another pending step of a ladder, skipping those on an
/// input already shown: two steps that wait for the same empty declaration
/// ("自主研发：是" / "：否") show it once, without a required answer.
fn extend_once(into: &mut Vec<Check>, from: impl IntoIterator<Item = Check>) {
    for c in from {
        let same = into.iter_mut().find(|x| {
            x.subject == c.subject
                && x.year == c.year
                && x.value == c.value
                && x.outcome == c.outcome
        });
        match same {
            Some(x) => {
                if x.value.is_none() && x.threshold != c.threshold {
                    x.threshold = None;
                    x.op = CheckOp::None;
                }
            }
            None => into.push(c),
        }
    }
}

/// A copy of a list of inputs; most are empty, which costs nothing to copy.
fn copy(fields: &[FieldRef]) -> Vec<FieldRef> {
    if fields.is_empty() {
        Vec::new()
    } else {
        fields.to_vec()
    }
}

fn merge_missing(into: &mut Vec<FieldRef>, from: &[FieldRef]) {
    into.extend(from.iter().cloned());
    into.sort();
    into.dedup();
}

/// [`merge_missing`] of a list no longer needed: moved, not copied, into an empty one.
fn merge_missing_owned(into: &mut Vec<FieldRef>, from: Vec<FieldRef>) {
    if into.is_empty() {
        *into = from;
    } else {
        into.extend(from);
    }
    into.sort();
    into.dedup();
}

fn metric_label(src: &dyn MetricSource, metric: Metric, year: Option<u8>) -> (Text, Option<i32>) {
    match year {
        Some(b) if metric.is_yearly() => {
            let y = src.calendar_year(b);
            (
                Text::new(
                    format!("{}（{y} 年）", metric.zh()),
                    format!("{} ({y})", metric.en()),
                ),
                Some(y),
            )
        }
        _ => (Text::new(metric.zh(), metric.en()), None),
    }
}

/// The input that would decide a duration known only to the year.
fn month_field(metric: Metric) -> &'static str {
    match metric {
        Metric::YearsInNiche => "direction.niche_entry_month",
        _ => "conditions.institutions",
    }
}

/// What decides a figure whose formula does not apply to the inputs (a growth
/// over a base that is zero or negative, or a firm too young for the years).
fn decide_undecided(fields: &[FieldRef]) -> Text {
    if fields.iter().any(|f| *f == "company.founded") {
        Text::new(
            "企业成立不足三个会计年度，近三年增长率无法按公式计算：按认定工作指引的说明计分（暂按 0 分），请核实",
            "The firm has fewer than three fiscal years: the three-year growth cannot be computed; score it as the guideline's notes say (0 until checked)",
        )
    } else {
        Text::new(
            "增长率的基期数值为零或负数，公式不适用：按认定工作指引的说明计分（暂按 0 分），请核实",
            "A base year of the growth is zero or negative, so the formula does not apply: score it as the guideline's notes say (0 until checked)",
        )
    }
}

/// "Enter the month: met if in or before MM/YYYY" for a duration of at least
/// `years` (criteria.md §1).
fn decide_month(sp: &crate::metrics::Span, years: f64) -> Text {
    let (y, m) = sp.cutoff(years);
    let n = crate::report::format::number(years, 1);
    Text::new(
        format!("仅知年份，无法判定：请补填月份（{y} 年 {m} 月或更早即满 {n} 年）"),
        format!("Only the year is known: enter the month (met if in or before {m:02}/{y})"),
    )
}

/// The gap of a failed comparison (no points attached).
fn gap(op: Op, value: f64, threshold: f64, unit: Unit, lever: Option<Lever>) -> Gap {
    let (shortfall, decrease) = shortfall(op, value, threshold, unit);
    Gap {
        shortfall,
        unit,
        decrease,
        lever,
        points_gain: None,
    }
}

/// How far `value` is from passing `op threshold`, in the criterion's unit,
/// computed exactly and never rounded in the applicant's favour: counts are
/// whole, and a strict test (`>`, `<`) sitting on its threshold still needs
/// one step (one unit of a count, 0.01 of an amount or percentage), never "0".
fn shortfall(op: Op, value: f64, threshold: f64, unit: Unit) -> (f64, bool) {
    let decrease = matches!(op, Op::Le | Op::Lt);
    let strict = matches!(op, Op::Gt | Op::Lt);
    let (from, to) = if decrease {
        (threshold, value)
    } else {
        (value, threshold)
    };
    let exact = crate::metrics::exact::diff(to, from);
    let mut s = exact;
    if unit.is_count() {
        s = s.ceil();
        if strict && exact == s {
            s += 1.0;
        }
    } else if strict && s <= 0.0 {
        s = 0.01;
    }
    (s.max(0.0), decrease)
}

fn progress_of(op: Op, value: f64, threshold: f64) -> f64 {
    let p = match op {
        Op::Ge | Op::Gt => {
            if threshold <= 0.0 {
                0.0
            } else {
                value / threshold
            }
        }
        Op::Le | Op::Lt => {
            if value <= 0.0 {
                1.0
            } else {
                threshold / value
            }
        }
    };
    if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

impl<'a> Evaluator<'a> {
    /// A metric's label in a year, e.g. 研发费用（2024 年）: the same words for
    /// every evaluation on this thread with the same calendar years, so they
    /// are made once (an entry is an `Arc` to clone, not two strings to
    /// format), in a slot per metric and year offset.
    fn label(&self, metric: Metric, year: Option<u8>) -> Label {
        let back = usize::from(year.unwrap_or(0));
        if back >= CACHED_YEARS {
            return metric_label(self.src, metric, year);
        }
        let cal = match year {
            Some(b) if metric.is_yearly() => Some(self.src.calendar_year(b)),
            _ => None,
        };
        let slot = metric as usize * CACHED_YEARS + back;
        LABELS.with(|labels| {
            let mut labels = labels.borrow_mut();
            if labels.len() <= slot {
                labels.resize(Metric::ALL.len() * CACHED_YEARS, None);
            }
            match &labels[slot] {
                Some(label) if label.1 == cal => label.clone(),
                _ => {
                    let label = metric_label(self.src, metric, year);
                    labels[slot] = Some(label.clone());
                    label
                }
            }
        })
    }

    /// The gap of a failed comparison of `metric` (no points attached), with
    /// a lever to close it.
    fn gap_of(&self, metric: Metric, year: Option<u8>, cmp: (Op, f64, f64), unit: Unit) -> Gap {
        let (op, value, threshold) = cmp;
        let lever = self
            .src
            .lever(metric, year, threshold, matches!(op, Op::Gt | Op::Lt));
        gap(op, value, threshold, unit, lever)
    }

    /// An empty list for checks that are not kept.
    fn scratch(&mut self) -> Vec<Check> {
        self.pool.pop().unwrap_or_default()
    }

    /// Gives a list from [`Evaluator::scratch`] back.
    fn recycle(&mut self, mut checks: Vec<Check>) {
        checks.clear();
        self.pool.push(checks);
    }

    /// The outcome of a test whose checks are not shown.
    fn outcome_of(&mut self, t: &'a Test) -> Outcome {
        let mut checks = self.scratch();
        let o = self.test(t, None, &mut checks).outcome();
        self.recycle(checks);
        o
    }

    /// Where tier `id` is in [`Evaluator::tiers`].
    fn slot(&self, id: &str) -> Option<usize> {
        self.tiers
            .binary_search_by(|t| t.tier.id.as_str().cmp(id))
            .ok()
    }

    fn tier(&mut self, id: &str) -> Option<Verdict> {
        let i = self.slot(id)?;
        let slot = &mut self.tiers[i];
        if let Some(t) = &slot.done {
            return Some(t.verdict);
        }
        if slot.busy {
            return None; // a cycle: treat the prerequisite as not computed
        }
        slot.busy = true;
        let (pack, tier) = (slot.pack, slot.tier);
        let result = self.eval_tier(pack, tier);
        let v = result.verdict;
        let slot = &mut self.tiers[i];
        slot.busy = false;
        slot.done = Some(result);
        Some(v)
    }
}

/// Index of the band holding `v`.
#[must_use]
pub fn band_index(bands: &[Band], v: f64, upper_closed: bool) -> Option<usize> {
    bands.iter().position(|b| {
        if upper_closed {
            b.from.is_none_or(|f| v > f) && b.to.is_none_or(|t| v <= t)
        } else {
            b.from.is_none_or(|f| v >= f) && b.to.is_none_or(|t| v < t)
        }
    })
}

fn find_score_min(tier: &Tier) -> Option<f64> {
    fn walk(t: &Test) -> Option<f64> {
        match t {
            Test::Score { min } => Some(*min),
            Test::All(v) => v.iter().find_map(walk),
            Test::Any(rs) => rs.iter().find_map(|r| walk(&r.test)),
            _ => None,
        }
    }
    tier.criteria.iter().find_map(|c| match &c.rule {
        Rule::Check(t) => walk(t),
        Rule::Points { .. } => None,
    })
}

fn expr_outcome<'e>(e: &'e Expr, results: &[CriterionResult]) -> (Outcome, Option<&'e str>) {
    match e {
        Expr::C(id) => (
            results
                .iter()
                .find(|r| *r.id == **id)
                .map_or(Outcome::NA, |r| r.outcome),
            None,
        ),
        Expr::All(parts) => {
            // `all` of the parts so far and the next is `all` of every part;
            // the route is the first part's that names one.
            let (mut outcome, mut route) = (Outcome::NA, None);
            for p in parts {
                let (o, r) = expr_outcome(p, results);
                outcome = Outcome::all([outcome, o]);
                route = route.or(r);
            }
            (outcome, route)
        }
        Expr::Any(parts) => {
            // The route: the first part that passes (its own route, else its id).
            let (mut outcome, mut route) = (Outcome::NA, None);
            for p in parts {
                let (o, r) = expr_outcome(p, results);
                outcome = Outcome::any([outcome, o]);
                if o == Outcome::Met && route.is_none() {
                    route = Some(r.unwrap_or(match p {
                        Expr::C(id) => id.as_str(),
                        _ => "",
                    }));
                }
            }
            (outcome, route)
        }
    }
}

/// Adds the blocking items of a pass expression to `out`, each once: for
/// `Any`, the closest alternative's (none when one passes).
pub(super) fn blocking_ids<'e>(e: &'e Expr, results: &[CriterionResult], out: &mut Vec<&'e str>) {
    match e {
        Expr::C(id) => {
            let blocks = results
                .iter()
                .find(|r| *r.id == **id)
                .is_some_and(|r| !matches!(r.outcome, Outcome::Met | Outcome::NA));
            if blocks && !out.contains(&id.as_str()) {
                out.push(id);
            }
        }
        Expr::All(parts) => {
            for p in parts {
                blocking_ids(p, results, out);
            }
        }
        Expr::Any(parts) => {
            // The first of the shortest lists.
            let mut closest: Option<Vec<&str>> = None;
            for p in parts {
                let mut option = Vec::new();
                blocking_ids(p, results, &mut option);
                if option.is_empty() {
                    return;
                }
                if closest.as_ref().is_none_or(|c| option.len() < c.len()) {
                    closest = Some(option);
                }
            }
            for id in closest.unwrap_or_default() {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
    }
}
