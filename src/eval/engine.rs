//! The evaluator: tests, scores and tier verdicts.

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

    fn eval_tier(&mut self, pack: &'a Pack, tier: &'a Tier) -> TierResult {
        // 1. Scored items first: the score test reads their total. One entry
        // per criterion of the tier, in its order (`None`: not a scored item).
        // (Empty when the tier scores nothing.)
        let mut items: Vec<Option<PointsOut>> = Vec::new();
        let scores = tier
            .criteria
            .iter()
            .any(|c| matches!(c.rule, Rule::Points { .. }));
        if scores {
            items.reserve_exact(tier.criteria.len());
        }
        for c in tier.criteria.iter().filter(|_| scores) {
            let mut item = None;
            if let Rule::Points { scoring, max, .. } = &c.rule {
                let applies = c.when.as_ref().map(|w| self.outcome_of(w));
                let mut p = self.points(scoring, *max);
                if applies == Some(Outcome::NotMet) {
                    p = PointsOut::default();
                }
                item = Some(p);
            }
            items.push(item);
        }
        let score = tier.score.as_ref().map(|spec| {
            let blocks: Vec<BlockScore> = spec
                .blocks
                .iter()
                .map(|b| {
                    let (mut lo, mut hi) = (0.0, 0.0);
                    for (c, item) in tier.criteria.iter().zip(&items) {
                        if let Rule::Points { block, .. } = &c.rule
                            && **block == *b.id
                            && let Some(p) = item
                        {
                            lo += p.lower;
                            hi += p.upper;
                        }
                    }
                    // A capped block never counts more than its maximum.
                    if b.capped {
                        lo = f64::min(lo, b.max);
                        hi = f64::min(hi, b.max);
                    }
                    BlockScore {
                        id: b.id.clone(),
                        title: b.title.clone(),
                        points: lo,
                        potential: hi,
                        max: b.max,
                        min: b.min,
                    }
                })
                .collect();
            ScoreResult {
                total: blocks.iter().map(|b| b.points).sum(),
                potential: blocks.iter().map(|b| b.potential).sum(),
                max: spec.max,
                pass: None,
                blocks,
            }
        });
        let score_missing: Vec<FieldRef> = {
            let mut v = Vec::new();
            for p in items.iter().flatten() {
                merge_missing(&mut v, &p.missing);
            }
            v
        };
        // 2. Every criterion.
        let mut results = Vec::with_capacity(pack.common.len() + tier.criteria.len());
        let mut items = items.into_iter();
        let criteria = (pack.common.iter().map(|c| (c, None)))
            .chain(tier.criteria.iter().map(|c| (c, items.next().flatten())));
        for (c, points) in criteria {
            let r = self.criterion(c, points, score.as_ref(), &score_missing);
            results.push(r);
        }
        let score = score.map(|mut s| {
            s.pass = find_score_min(tier);
            s
        });
        // 3. Verdict.
        let (outcome, route, blocking) = if let Some(pass) = &tier.pass {
            let (outcome, route) = expr_outcome(pass, &results);
            let mut blocking = Vec::new();
            blocking_ids(pass, &results, &mut blocking);
            (
                outcome,
                route,
                blocking.into_iter().map(str::to_string).collect(),
            )
        } else {
            // Default: every criterion that is not a score item must hold.
            let required = results.iter().filter(|r| !r.is_scored_item());
            let outcome = Outcome::all(required.clone().map(|r| r.outcome));
            let blocking = required
                .filter(|r| !matches!(r.outcome, Outcome::Met | Outcome::NA))
                .map(|r| String::from(&*r.id))
                .collect();
            (outcome, None, blocking)
        };
        let haves = progress::haves(&results);
        let (held, other_track) = match pack.programme {
            Programme::TechCenter => self.center_held(tier),
            Programme::QualitySme | Programme::HighTech | Programme::TechSme => {
                (tier.grants.is_some_and(|g| self.src.holds_title(g)), false)
            }
        };
        // Applicability (criteria.md §5, §7): a sector the tier does not take,
        // or a provincial center held on the other track.
        let not_applicable = if other_track {
            Some(Text::new(
                "不适用（已持有省级企业技术中心，不得另一通道申报）",
                "Not applicable (a provincial tech center is held on the other track)",
            ))
        } else {
            tier.applies.as_ref().and_then(|a| {
                matches!(self.outcome_of(&a.test), Outcome::NotMet | Outcome::NA)
                    .then(|| a.reason.clone())
            })
        };
        let verdict = if not_applicable.is_some() {
            Verdict::NotApplicable
        } else {
            Verdict::from_outcome(outcome)
        };
        let route = if tier.pass.is_some() && verdict == Verdict::Eligible {
            route
        } else {
            None
        };
        let route_label = route
            .and_then(|id| results.iter().find(|r| &*r.id == id))
            .map(|r| r.title.clone());
        // A criterion's route is named without its tier's prefix.
        let route = route.map(|r| {
            r.strip_prefix(tier.id.as_str())
                .and_then(|rest| rest.strip_prefix('.'))
                .unwrap_or(r)
                .to_string()
        });
        TierResult {
            blocking: if not_applicable.is_some() {
                Vec::new()
            } else {
                blocking
            },
            held,
            id: tier.id.clone(),
            pack: pack.id.clone(),
            programme: pack.programme,
            level: tier.level,
            title: tier.title.clone(),
            ladder: tier.ladder.clone(),
            verdict,
            route,
            route_label,
            not_applicable,
            score,
            criteria: results,
            haves,
        }
    }

    /// Whether a tech-center tier is held, and whether it does not apply
    /// because a provincial center is held on the other track.
    fn center_held(&self, tier: &Tier) -> (bool, bool) {
        let centers = self.src.tech_centers();
        let higher = centers.iter().any(|(l, _)| *l > tier.level);
        let same: Vec<Option<ProvincialTrack>> = centers
            .iter()
            .filter(|(l, _)| *l == tier.level)
            .map(|(_, t)| *t)
            .collect();
        let on_track = same
            .iter()
            .any(|t| tier.track.is_none() || t.is_none() || *t == tier.track);
        let other = !on_track && !same.is_empty();
        (higher || on_track, other && !higher)
    }

    fn criterion(
        &mut self,
        c: &'a Criterion,
        points: Option<PointsOut>,
        score: Option<&ScoreResult>,
        score_missing: &[FieldRef],
    ) -> CriterionResult {
        let mut out = CriterionResult {
            id: c.id.clone(),
            title: c.title.clone(),
            have: c.have,
            confidence: c.confidence,
            source: c.source.clone(),
            evidence: c.evidence.clone(),
            note: c.note.clone(),
            outcome: Outcome::NA,
            route: None,
            route_label: None,
            checks: Vec::new(),
            points: None,
            points_upper: None,
            max_points: None,
            block: None,
            missing: Vec::new(),
            progress: 0.0,
        };
        if let Some(w) = &c.when {
            let mut checks = self.scratch();
            let w = self.test(w, None, &mut checks);
            match w.outcome() {
                Outcome::Met => self.recycle(checks),
                Outcome::NotMet | Outcome::NA => {
                    self.recycle(checks);
                    if let Rule::Points { max, block, .. } = &c.rule {
                        out.points = Some(0.0);
                        out.max_points = Some(*max);
                        out.block = Some(block.clone());
                    }
                    return out;
                }
                o @ (Outcome::Missing | Outcome::Review) => {
                    out.outcome = o;
                    out.missing = w.missing;
                    out.checks = checks;
                    return out;
                }
            }
        }
        match &c.rule {
            Rule::Check(t) => {
                let r = self.test(t, score.map(|s| (s, score_missing)), &mut out.checks);
                out.outcome = r.outcome();
                if matches!(t, Test::Any(_)) && out.outcome == Outcome::Met {
                    out.route_label = r.route_label;
                    out.route = r.route.map(str::to_string);
                }
                out.missing = r.missing;
                out.progress = r.progress;
            }
            Rule::Points { block, max, .. } => {
                let mut p = points.unwrap_or_default();
                out.points = Some(p.lower);
                out.max_points = Some(*max);
                out.block = Some(block.clone());
                out.points_upper = Some(p.upper);
                out.outcome = if p.lower < p.upper {
                    // Pending on empty inputs → missing; else on declarations or
                    // a range of points an assessor decides → review.
                    if p.missing.is_empty() {
                        Outcome::Review
                    } else {
                        Outcome::Missing
                    }
                } else if p.lower > 0.0 {
                    Outcome::Met
                } else {
                    Outcome::NotMet
                };
                out.progress = if *max > 0.0 { p.lower / max } else { 0.0 };
                out.missing = std::mem::take(&mut p.missing);
                merge_missing(&mut out.missing, &p.review);
                let p = if p.lower >= *max {
                    // At its maximum: nothing to gain, no gap to show.
                    let mut p = p;
                    p.gain = None;
                    for ch in &mut p.checks {
                        ch.gap = None;
                    }
                    p
                } else {
                    p
                };
                out.checks = match p.gain {
                    Some((gain, mut checks)) => {
                        for ch in &mut checks {
                            if let Some(g) = &mut ch.gap {
                                g.points_gain = Some(gain);
                            }
                        }
                        if p.checks.is_empty() {
                            checks
                        } else {
                            let mut all = p.checks;
                            for ch in checks {
                                if !all
                                    .iter()
                                    .any(|x| x.subject == ch.subject && x.year == ch.year)
                                {
                                    all.push(ch);
                                } else if let Some(x) = all
                                    .iter_mut()
                                    .find(|x| x.subject == ch.subject && x.year == ch.year)
                                {
                                    x.gap = ch.gap;
                                }
                            }
                            all
                        }
                    }
                    None => p.checks,
                };
            }
        }
        out
    }

    fn cmp(
        &self,
        metric: Metric,
        year: Option<u8>,
        (op, threshold): (Op, f64),
        unit: Unit,
        checks: &mut Vec<Check>,
    ) -> TestOut<'a> {
        let (label, cal) = self.label(metric, year);
        let mut check = Check {
            label,
            subject: metric.id().into(),
            year: cal,
            value: None,
            op: CheckOp::Cmp(op),
            threshold: Some(Value::Num(threshold)),
            unit,
            outcome: Outcome::Missing,
            gap: None,
            missing: Vec::new(),
            decide: None,
        };
        let mut progress = 0.0;
        match self.src.value(metric, year) {
            Ok(Value::Num(v)) => {
                check.value = Some(Value::Num(v));
                progress = progress_of(op, v, threshold);
                if op.holds(v, threshold) {
                    check.outcome = Outcome::Met;
                    progress = 1.0;
                } else {
                    check.outcome = Outcome::NotMet;
                    // A strict test sitting exactly on its threshold is close, not done.
                    progress = progress.min(0.99);
                    check.gap = Some(self.gap_of(metric, year, (op, v, threshold), unit));
                }
            }
            Ok(Value::Span(sp)) => {
                // A start known only to the year: decided only if both ends agree.
                check.value = Some(Value::Span(sp));
                let (lo, hi) = (op.holds(sp.min, threshold), op.holds(sp.max, threshold));
                let (best, worst) = if matches!(op, Op::Ge | Op::Gt) {
                    (sp.max, sp.min)
                } else {
                    (sp.min, sp.max)
                };
                // Readiness counts what is certain: the shorter reading.
                progress = progress_of(op, worst, threshold);
                if lo && hi {
                    check.outcome = Outcome::Met;
                    progress = 1.0;
                } else if !lo && !hi {
                    check.outcome = Outcome::NotMet;
                    progress = progress.min(0.99);
                    check.gap = Some(gap(op, best, threshold, unit, None));
                } else {
                    check.outcome = Outcome::Review;
                    progress = progress.min(0.99);
                    check.missing = vec![month_field(metric).into()];
                    check.decide = Some(decide_month(&sp, threshold));
                }
            }
            Ok(Value::Flag(_)) => {
                check.outcome = Outcome::Missing;
            }
            Err(m) => {
                if m.undecided {
                    // Filled, not missing: the note says what decides.
                    check.outcome = Outcome::Review;
                    check.decide = Some(decide_undecided(&m.fields));
                } else {
                    check.missing = m.fields;
                }
            }
        }
        let out = TestOut {
            outcome: Some(check.outcome),
            missing: copy(&check.missing),
            route: None,
            route_label: None,
            progress,
        };
        checks.push(check);
        out
    }

    fn flag(
        &self,
        metric: Metric,
        expect: bool,
        declared: bool,
        checks: &mut Vec<Check>,
    ) -> TestOut<'a> {
        let (label, _) = self.label(metric, None);
        let mut check = Check {
            label,
            subject: metric.id().into(),
            year: None,
            value: None,
            op: CheckOp::Is,
            threshold: Some(Value::Flag(expect)),
            unit: Unit::Flag,
            outcome: Outcome::Missing,
            gap: None,
            missing: Vec::new(),
            decide: None,
        };
        match self.src.value(metric, None) {
            Ok(Value::Flag(b)) => {
                check.value = Some(Value::Flag(b));
                check.outcome = if b == expect {
                    Outcome::Met
                } else {
                    Outcome::NotMet
                };
            }
            Ok(Value::Num(_) | Value::Span(_)) => {}
            Err(m) => {
                if declared {
                    check.outcome = Outcome::Review;
                }
                check.missing = m.fields;
            }
        }
        let out = TestOut {
            outcome: Some(check.outcome),
            progress: if check.outcome == Outcome::Met {
                1.0
            } else {
                0.0
            },
            missing: if declared {
                Vec::new()
            } else {
                copy(&check.missing)
            },
            route: None,
            route_label: None,
        };
        checks.push(check);
        out
    }

    fn holds(
        &mut self,
        title: TitleKind,
        (tier, advise): (Option<&str>, Option<&str>),
        checks: &mut Vec<Check>,
    ) -> TestOut<'a> {
        let held = self.src.holds_title(title);
        // A computed verdict of the title's own programme is advice, not the title.
        let note = (!held && advise.and_then(|t| self.tier(t)) == Some(Verdict::Eligible))
            .then(|| {
                Text::new(
                    format!(
                        "按本次数据符合“{}”条件：可申报，认定后即可走此途径",
                        title.zh()
                    ),
                    format!(
                        "On these figures the firm qualifies as {}: apply, and once recognised this route opens",
                        title.en()
                    ),
                )
            });
        let computed = tier.and_then(|t| self.tier(t));
        let (outcome, route, missing) = if held {
            (Outcome::Met, Some("title"), Vec::new())
        } else {
            match computed {
                Some(Verdict::Eligible) => (Outcome::Met, Some("computed"), Vec::new()),
                Some(Verdict::Incomplete) => {
                    let mut fields = Vec::new();
                    let done = tier
                        .and_then(|t| self.slot(t))
                        .and_then(|i| self.tiers[i].done.as_ref());
                    if let Some(t) = done {
                        for c in &t.criteria {
                            merge_missing(&mut fields, &c.missing);
                        }
                    }
                    (Outcome::Missing, None, fields)
                }
                _ => (Outcome::NotMet, None, Vec::new()),
            }
        };
        let check = Check {
            label: wording(Wording::Holds(title)),
            subject: "title".into(),
            year: None,
            value: Some(Value::Flag(outcome == Outcome::Met)),
            op: CheckOp::Is,
            threshold: Some(Value::Flag(true)),
            unit: Unit::Flag,
            outcome,
            gap: None,
            missing: copy(&missing),
            decide: note,
        };
        checks.push(check);
        TestOut {
            outcome: Some(outcome),
            route,
            route_label: None,
            missing,
            progress: if outcome == Outcome::Met { 1.0 } else { 0.0 },
        }
    }

    fn score_test(
        min: f64,
        score: Option<(&ScoreResult, &[FieldRef])>,
        checks: &mut Vec<Check>,
    ) -> TestOut<'a> {
        let Some((s, missing)) = score else {
            return TestOut::default();
        };
        let start = checks.len();
        let total_check = |label: Text, subject: String, value: f64, potential: f64, min: f64| {
            // Between the lower bound and what is pending: missing data, or (with
            // no field empty) declarations and ranges an assessor decides.
            let outcome = if value >= min {
                Outcome::Met
            } else if potential < min {
                Outcome::NotMet
            } else if missing.is_empty() {
                Outcome::Review
            } else {
                Outcome::Missing
            };
            let n = |v: f64| crate::report::format::number(v, 1);
            let decide = (outcome == Outcome::Review).then(|| {
                Text::new(
                    format!(
                        "得分在 {}–{} 分之间：是否达到 {} 分取决于待声明事项和评审在分值区间内的判定",
                        n(value),
                        n(potential),
                        n(min)
                    ),
                    format!(
                        "The score lies between {} and {}: whether it reaches {} depends on pending declarations and on the assessors' choice within the ranges",
                        n(value),
                        n(potential),
                        n(min)
                    ),
                )
            });
            Check {
                label,
                subject: subject.into(),
                year: None,
                value: Some(Value::Num(value)),
                op: CheckOp::Cmp(Op::Ge),
                threshold: Some(Value::Num(min)),
                unit: Unit::Points,
                outcome,
                gap: (value < min).then_some(Gap {
                    shortfall: min - value,
                    unit: Unit::Points,
                    decrease: false,
                    lever: None,
                    points_gain: None,
                }),
                missing: if outcome == Outcome::Missing {
                    missing.to_vec()
                } else {
                    Vec::new()
                },
                decide,
            }
        };
        checks.push(total_check(
            wording(Wording::Total),
            "score".into(),
            s.total,
            s.potential,
            min,
        ));
        for b in &s.blocks {
            if let Some(bmin) = b.min {
                checks.push(total_check(
                    wording(Wording::Block(b.title.clone())),
                    format!("score.{}", b.id),
                    b.points,
                    b.potential,
                    bmin,
                ));
            }
        }
        let checks = &checks[start..];
        let outcome = Outcome::all(checks.iter().map(|c| c.outcome));
        let progress = if min > 0.0 {
            (s.total / min).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let mut miss = Vec::new();
        for c in checks {
            merge_missing(&mut miss, &c.missing);
        }
        TestOut {
            outcome: Some(outcome),
            route: None,
            route_label: None,
            missing: miss,
            progress,
        }
    }

    /// Evaluates `t`, adding its checks to `checks`.
    fn test(
        &mut self,
        t: &'a Test,
        score: Option<(&ScoreResult, &[FieldRef])>,
        checks: &mut Vec<Check>,
    ) -> TestOut<'a> {
        match t {
            Test::Cmp {
                metric,
                year,
                op,
                value,
                unit,
            } => self.cmp(*metric, *year, (*op, *value), *unit, checks),
            Test::Flag { metric, expect } => self.flag(*metric, *expect, false, checks),
            Test::Declared { metric } => self.flag(*metric, true, true, checks),
            Test::Holds {
                title,
                tier,
                advise,
            } => self.holds(*title, (tier.as_deref(), advise.as_deref()), checks),
            Test::Score { min } => Self::score_test(*min, score, checks),
            Test::All(parts) => {
                let mut outcome = Outcome::NA;
                let mut missing = Vec::new();
                // Mean progress of the parts that apply (summed from -0.0 as
                // `Iterator::sum` does: the same figure to the last bit).
                let (mut sum, mut applicable) = (-0.0, 0_usize);
                for p in parts {
                    let o = self.test(p, score, checks);
                    // `all` of the parts so far and this one is `all` of every part.
                    outcome = Outcome::all([outcome, o.outcome()]);
                    if o.outcome() != Outcome::NA {
                        sum += o.progress;
                        applicable += 1;
                    }
                    merge_missing_owned(&mut missing, o.missing);
                }
                let progress = if applicable == 0 {
                    0.0
                } else {
                    sum / applicable as f64
                };
                TestOut {
                    outcome: Some(outcome),
                    progress: if outcome == Outcome::Met {
                        1.0
                    } else {
                        progress
                    },
                    missing,
                    ..TestOut::default()
                }
            }
            Test::Any(routes) => {
                let start = checks.len();
                let mut outcome = Outcome::NA;
                let mut progress = 0.0_f64;
                // Empty inputs of the routes that miss data (named when the outcome is `missing`).
                let mut missing = Vec::new();
                // The first route met, the first waiting on data, the first
                // waiting on a declaration.
                let (mut met, mut waits_data, mut waits_review) =
                    (None::<Candidate>, None::<Candidate>, None::<Candidate>);
                // The closest route that applies: fewest checks not met, then most progress.
                let mut closest: Option<(Candidate, usize, f64)> = None;
                for (i, route) in routes.iter().enumerate() {
                    let from = checks.len();
                    let o = match &route.when {
                        Some(w) => {
                            let w = self.test(w, score, checks);
                            match w.outcome() {
                                Outcome::Met => {
                                    checks.truncate(from);
                                    self.test(&route.test, score, checks)
                                }
                                Outcome::NotMet | Outcome::NA => {
                                    checks.truncate(from);
                                    continue;
                                }
                                Outcome::Missing | Outcome::Review => w,
                            }
                        }
                        None => self.test(&route.test, score, checks),
                    };
                    let here = (i, from..checks.len());
                    let (this, this_progress) = (o.outcome(), o.progress);
                    // `any` of the routes so far and this one is `any` of every route.
                    outcome = Outcome::any([outcome, this]);
                    progress = progress.max(this_progress);
                    match this {
                        Outcome::Met => {
                            met.get_or_insert(here.clone());
                        }
                        Outcome::Missing => {
                            waits_data.get_or_insert(here.clone());
                            merge_missing_owned(&mut missing, o.missing);
                        }
                        Outcome::Review => {
                            waits_review.get_or_insert(here.clone());
                        }
                        Outcome::NotMet | Outcome::NA => {}
                    }
                    if this != Outcome::NA {
                        let fails = checks[here.1.clone()]
                            .iter()
                            .filter(|c| c.outcome != Outcome::Met)
                            .count();
                        let closer = closest.as_ref().is_none_or(|(_, f, p)| {
                            fails.cmp(f).then(p.total_cmp(&this_progress))
                                == std::cmp::Ordering::Less
                        });
                        if closer {
                            closest = Some((here, fails, this_progress));
                        }
                    }
                }
                // The decisive route: the first that passed; else, when the
                // outcome waits on data or a declaration, the route that waits
                // (so its field is named); else the closest.
                let pick = met
                    .or(match outcome {
                        Outcome::Missing => waits_data,
                        Outcome::Review => waits_review,
                        _ => None,
                    })
                    .or(closest.map(|(c, _, _)| c));
                let mut r = TestOut {
                    outcome: Some(outcome),
                    progress,
                    ..TestOut::default()
                };
                if outcome == Outcome::Missing {
                    r.missing = missing;
                }
                // Only the decisive route's checks stay.
                if let Some((i, kept)) = pick {
                    checks.truncate(kept.end);
                    checks.drain(start..kept.start);
                    r.route_label = Some(routes[i].label.clone());
                    r.route = Some(&routes[i].name);
                } else {
                    checks.truncate(start);
                }
                r
            }
        }
    }

    fn points(&mut self, s: &'a Scoring, max: f64) -> PointsOut {
        match s {
            Scoring::Bands {
                metric,
                year,
                unit,
                upper_closed,
                bands,
            } => self.bands(*metric, *year, *unit, *upper_closed, bands, max),
            Scoring::Ladder { steps, otherwise } => {
                let mut out = PointsOut {
                    lower: *otherwise,
                    upper: *otherwise,
                    ..PointsOut::default()
                };
                // Points of the lowest failing step, its checks in `best`.
                let mut best_failing: Option<f64> = None;
                let (mut step, mut best) = (self.scratch(), self.scratch());
                let mut earned = None;
                for st in steps {
                    step.clear();
                    let r = self.test(&st.test, None, &mut step);
                    match r.outcome() {
                        Outcome::Met => {
                            earned = Some((st.points, st.up_to.unwrap_or(st.points)));
                            out.checks.append(&mut step);
                            break;
                        }
                        o @ (Outcome::Missing | Outcome::Review) => {
                            out.upper = out.upper.max(st.up_to.unwrap_or(st.points));
                            pending((&mut out.missing, &mut out.review), o, r, &step);
                            extend_once(&mut out.checks, step.drain(..));
                        }
                        _ => {
                            // Failing steps are better than anything below: keep the lowest of them.
                            best_failing = Some(st.points);
                            std::mem::swap(&mut best, &mut step);
                        }
                    }
                }
                self.recycle(step);
                if let Some((p, up_to)) = earned {
                    out.lower = p;
                    out.upper = out.upper.max(up_to).max(p);
                }
                match best_failing {
                    Some(p) if p > out.lower => out.gain = Some((p - out.lower, best)),
                    _ => self.recycle(best),
                }
                out
            }
            Scoring::Sum { steps, cap } => {
                let (mut lo, mut hi) = (0.0, 0.0);
                let mut out = PointsOut::default();
                // The first failing step is the suggested gain: its points
                // and where its checks lie in `out.checks`.
                let mut gain: Option<(f64, std::ops::Range<usize>)> = None;
                for st in steps {
                    let from = out.checks.len();
                    let r = self.test(&st.test, None, &mut out.checks);
                    match r.outcome() {
                        Outcome::Met => {
                            lo += st.points;
                            hi += st.up_to.unwrap_or(st.points).max(st.points);
                        }
                        o @ (Outcome::Missing | Outcome::Review) => {
                            hi += st.up_to.unwrap_or(st.points).max(st.points);
                            pending(
                                (&mut out.missing, &mut out.review),
                                o,
                                r,
                                &out.checks[from..],
                            );
                        }
                        _ if gain.is_none() => gain = Some((st.points, from..out.checks.len())),
                        _ => {}
                    }
                }
                out.lower = lo.min(*cap);
                out.upper = hi.min(*cap);
                if out.lower < *cap
                    && let Some((p, checks)) = gain
                {
                    out.gain = Some((
                        (out.lower + p).min(*cap) - out.lower,
                        out.checks[checks].to_vec(),
                    ));
                }
                out
            }
            Scoring::Max(parts) => {
                let outs: Vec<PointsOut> = parts.iter().map(|p| self.points(p, max)).collect();
                let lower = outs.iter().map(|o| o.lower).fold(0.0, f64::max);
                let mut out = PointsOut {
                    lower,
                    upper: outs.iter().map(|o| o.upper).fold(0.0, f64::max).max(lower),
                    ..PointsOut::default()
                };
                let mut best_gain: Option<(f64, Vec<Check>)> = None;
                for o in outs {
                    if o.upper > lower {
                        merge_missing(&mut out.missing, &o.missing);
                        merge_missing(&mut out.review, &o.review);
                    }
                    // The alternative whose next band raises the item most
                    // (criteria.md §1: the gap comes from the better reading).
                    if let Some((g, checks)) = o.gain {
                        let g = o.lower + g - lower;
                        if g > 0.0 && best_gain.as_ref().is_none_or(|(b, _)| g > *b) {
                            best_gain = Some((g, checks));
                        }
                    }
                    out.checks.extend(o.checks);
                }
                // Only the chosen alternative keeps a gap: another reading's next
                // band may raise nothing once the better reading counts.
                for ch in &mut out.checks {
                    let chosen = best_gain.as_ref().is_some_and(|(_, cs)| {
                        cs.iter()
                            .any(|c| c.subject == ch.subject && c.year == ch.year)
                    });
                    if !chosen {
                        ch.gap = None;
                    }
                }
                if lower >= max {
                    best_gain = None;
                }
                out.gain = best_gain;
                out
            }
            Scoring::Manual { metric } => {
                let (label, _) = self.label(*metric, None);
                let mut check = Check {
                    label,
                    subject: metric.id().into(),
                    year: None,
                    value: None,
                    op: CheckOp::Cmp(Op::Le),
                    threshold: Some(Value::Num(max)),
                    unit: Unit::Points,
                    outcome: Outcome::Missing,
                    gap: None,
                    missing: Vec::new(),
                    decide: None,
                };
                match self.src.value(*metric, None) {
                    Ok(Value::Num(v)) => {
                        let v = v.clamp(0.0, max);
                        check.value = Some(Value::Num(v));
                        check.outcome = Outcome::Met;
                        PointsOut {
                            lower: v,
                            upper: v,
                            checks: vec![check],
                            ..PointsOut::default()
                        }
                    }
                    Ok(Value::Flag(_) | Value::Span(_)) => PointsOut {
                        upper: max,
                        checks: vec![check],
                        ..PointsOut::default()
                    },
                    Err(m) => {
                        check.missing.clone_from(&m.fields);
                        PointsOut {
                            lower: 0.0,
                            upper: max,
                            checks: vec![check],
                            missing: m.fields,
                            ..PointsOut::default()
                        }
                    }
                }
            }
        }
    }

    fn bands(
        &self,
        metric: Metric,
        year: Option<u8>,
        unit: Unit,
        upper_closed: bool,
        bands: &[Band],
        max: f64,
    ) -> PointsOut {
        let (label, cal) = self.label(metric, year);
        let mut check = Check {
            label,
            subject: metric.id().into(),
            year: cal,
            value: None,
            op: CheckOp::None,
            threshold: None,
            unit,
            outcome: Outcome::Missing,
            gap: None,
            missing: Vec::new(),
            decide: None,
        };
        let v = match self.src.value(metric, year) {
            Ok(Value::Num(v)) => v,
            Ok(Value::Span(sp)) => {
                let lo = band_index(bands, sp.min, upper_closed);
                let hi = band_index(bands, sp.max, upper_closed);
                if lo == hi {
                    sp.min
                } else {
                    // The start year alone cannot decide the band.
                    let points = |i: Option<usize>| i.map_or(0.0, |i| bands[i].points);
                    let (a, b) = (points(lo), points(hi));
                    let edge = hi.and_then(|i| bands[i].from).unwrap_or(sp.max);
                    check.value = Some(Value::Span(sp));
                    check.outcome = Outcome::Review;
                    check.missing = vec![month_field(metric).into()];
                    check.decide = Some(decide_month(&sp, edge));
                    return PointsOut {
                        lower: a.min(b),
                        upper: a.max(b),
                        review: check.missing.clone(),
                        checks: vec![check],
                        ..PointsOut::default()
                    };
                }
            }
            Ok(Value::Flag(_)) => {
                return PointsOut {
                    upper: max,
                    checks: vec![check],
                    ..PointsOut::default()
                };
            }
            Err(m) if m.undecided => {
                // Filled, not missing: the note says what decides.
                check.outcome = Outcome::Review;
                check.decide = Some(decide_undecided(&m.fields));
                return PointsOut {
                    lower: 0.0,
                    upper: max,
                    checks: vec![check],
                    // Nothing to fill in: the note on the check says what decides.
                    review: Vec::new(),
                    ..PointsOut::default()
                };
            }
            Err(m) => {
                check.missing.clone_from(&m.fields);
                return PointsOut {
                    lower: 0.0,
                    upper: max,
                    checks: vec![check],
                    missing: m.fields,
                    ..PointsOut::default()
                };
            }
        };
        check.value = Some(Value::Num(v));
        let Some(i) = band_index(bands, v, upper_closed) else {
            return PointsOut {
                checks: vec![check],
                ..PointsOut::default()
            };
        };
        let points = bands[i].points;
        let up_to = bands[i].up_to.unwrap_or(points).max(points);
        check.outcome = if points > 0.0 || up_to > 0.0 {
            Outcome::Met
        } else {
            Outcome::NotMet
        };
        // Nearest band that scores more.
        let better = bands
            .iter()
            .enumerate()
            .filter(|(_, b)| b.points > points)
            .min_by_key(|(j, _)| j.abs_diff(i));
        let mut out = PointsOut {
            lower: points,
            upper: up_to,
            ..PointsOut::default()
        };
        if let Some((j, b)) = better {
            let (op, target) = if j > i {
                (
                    if upper_closed { Op::Gt } else { Op::Ge },
                    b.from.unwrap_or(v),
                )
            } else {
                (
                    if upper_closed { Op::Le } else { Op::Lt },
                    b.to.unwrap_or(v),
                )
            };
            check.op = CheckOp::Cmp(op);
            check.threshold = Some(Value::Num(target));
            check.gap = Some(Gap {
                points_gain: Some(b.points - points),
                ..self.gap_of(metric, year, (op, v, target), unit)
            });
            out.gain = Some((b.points - points, vec![check.clone()]));
        }
        out.checks = vec![check];
        out
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
