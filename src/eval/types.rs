//! The result types of an evaluation. Renderers (CLI text and JSON, the app,
//! the PDF) read these and nothing else.

use crate::model::FieldRef;
use chrono::NaiveDate;
use serde::Serialize;

use crate::metrics::{Lever, Unit, Value};
use crate::rules::{Confidence, Have, Programme, Source, Text};

/// Outcome of one criterion or check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The criterion is met.
    Met,
    /// Not met; a gap says by how much.
    NotMet,
    /// Inputs are empty; `missing` names them.
    Missing,
    /// Qualitative; awaits the user's declaration.
    Review,
    /// Does not apply to this company.
    NA,
}

impl Outcome {
    /// Combines parts that must all hold.
    #[must_use]
    pub fn all(parts: impl IntoIterator<Item = Outcome>) -> Outcome {
        let mut seen = [false; 5];
        for p in parts {
            seen[p as usize] = true;
        }
        let [met, not_met, missing, review, _] = seen;
        if not_met {
            Outcome::NotMet
        } else if missing {
            Outcome::Missing
        } else if review {
            Outcome::Review
        } else if met {
            Outcome::Met
        } else {
            Outcome::NA
        }
    }

    /// Combines alternatives of which one is enough.
    #[must_use]
    pub fn any(parts: impl IntoIterator<Item = Outcome>) -> Outcome {
        let mut seen = [false; 5];
        for p in parts {
            seen[p as usize] = true;
        }
        let [met, not_met, missing, review, _] = seen;
        if met {
            Outcome::Met
        } else if missing {
            Outcome::Missing
        } else if review {
            Outcome::Review
        } else if not_met {
            Outcome::NotMet
        } else {
            Outcome::NA
        }
    }

    /// Stable id used in JSON.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::NotMet => "not_met",
            Outcome::Missing => "missing",
            Outcome::Review => "review",
            Outcome::NA => "n_a",
        }
    }
}

/// Verdict of a tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every required criterion (or a route) is met.
    Eligible,
    /// Something required failed.
    NotEligible,
    /// Nothing failed, but data is missing or a declaration awaits review.
    Incomplete,
    /// The tier does not apply to this company (its sector, or a provincial
    /// center already held on the other track); never a failure.
    NotApplicable,
}

impl Verdict {
    /// From the combined outcome of the tier's pass expression.
    #[must_use]
    pub fn from_outcome(o: Outcome) -> Verdict {
        match o {
            Outcome::Met => Verdict::Eligible,
            Outcome::NotMet | Outcome::NA => Verdict::NotEligible,
            Outcome::Missing | Outcome::Review => Verdict::Incomplete,
        }
    }

    /// Stable id used in JSON.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Eligible => "eligible",
            Verdict::NotEligible => "not_eligible",
            Verdict::Incomplete => "incomplete",
            Verdict::NotApplicable => "not_applicable",
        }
    }
}

/// How far a value is from its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Gap {
    /// Shortfall in `unit` (always positive): how much to add (or, for ≤ tests, to remove).
    pub shortfall: f64,
    /// Unit of the shortfall.
    pub unit: Unit,
    /// `true` when the value must go down (≤ / < tests).
    pub decrease: bool,
    /// A concrete lever in the underlying input, for ratios.
    pub lever: Option<Lever>,
    /// Points gained by closing the gap (scored items).
    pub points_gain: Option<f64>,
}

/// How a check compares its value with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckOp {
    /// A numeric comparison.
    Cmp(crate::rules::Op),
    /// A yes/no fact must equal the threshold.
    Is,
    /// No comparison (a score band with no better band to reach).
    None,
}

impl CheckOp {
    /// Symbol: ≥, >, ≤, <, = or empty.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            CheckOp::Cmp(op) => op.symbol(),
            CheckOp::Is => "=",
            CheckOp::None => "",
        }
    }
}

impl Serialize for CheckOp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.symbol())
    }
}

/// One atomic comparison behind a criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// What was compared, e.g. 研发费用（2024 年）.
    pub label: Text,
    /// Metric id, or `score`, `score.<block>`, `title` for synthetic checks.
    pub subject: std::borrow::Cow<'static, str>,
    /// Calendar year of a yearly metric.
    pub year: Option<i32>,
    /// The company's value.
    pub value: Option<Value>,
    /// The comparison.
    pub op: CheckOp,
    /// Threshold.
    pub threshold: Option<Value>,
    /// Unit.
    pub unit: Unit,
    /// Outcome.
    pub outcome: Outcome,
    /// Gap when not met.
    pub gap: Option<Gap>,
    /// Empty inputs.
    pub missing: Vec<FieldRef>,
    /// For an undecided outcome (`review`): what would decide it, e.g. "enter
    /// the month: met if entered in or before 01/2023".
    pub decide: Option<Text>,
}

/// Outcome of one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionResult {
    /// Stable id.
    pub id: std::sync::Arc<str>,
    /// Title.
    pub title: Text,
    /// Five-haves tag.
    pub have: Have,
    /// Confidence of the figure.
    pub confidence: Confidence,
    /// Citation.
    pub source: Source,
    /// Evidence to prepare.
    pub evidence: std::sync::Arc<[Text]>,
    /// Note.
    pub note: Option<Text>,
    /// Outcome.
    pub outcome: Outcome,
    /// Name of the alternative that passed, for criteria with alternatives.
    pub route: Option<String>,
    /// Words for that alternative, as a reviewer reads them.
    pub route_label: Option<Text>,
    /// Checks of the decisive route (the passing one, or the closest).
    pub checks: Vec<Check>,
    /// Points earned (scored items); the lower bound when inputs are missing.
    pub points: Option<f64>,
    /// Points reachable if what is pending (empty inputs, declarations)
    /// scored fully (scored items): `points_upper − points` hang on it.
    pub points_upper: Option<f64>,
    /// Maximum points (scored items).
    pub max_points: Option<f64>,
    /// Score block (scored items).
    pub block: Option<std::sync::Arc<str>>,
    /// Empty inputs, sorted.
    pub missing: Vec<FieldRef>,
    /// Progress towards the criterion, 0–1 (numeric: min(value/threshold, 1)).
    pub progress: f64,
}

impl CriterionResult {
    /// The first check that failed (or the first check).
    #[must_use]
    pub fn primary_check(&self) -> Option<&Check> {
        self.checks
            .iter()
            .find(|c| c.outcome == Outcome::NotMet)
            .or_else(|| self.checks.iter().find(|c| c.outcome == Outcome::Missing))
            .or_else(|| self.checks.first())
    }

    /// Whether this is an item of a score table.
    #[must_use]
    pub fn is_scored_item(&self) -> bool {
        self.max_points.is_some()
    }
}

/// Score of one block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockScore {
    /// Block id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Points earned (lower bound when inputs are missing).
    pub points: f64,
    /// Points reachable if the missing inputs scored fully.
    pub potential: f64,
    /// Block maximum.
    pub max: f64,
    /// Sub-minimum.
    pub min: Option<f64>,
}

/// Score of a scored tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreResult {
    /// Total earned (lower bound when inputs are missing).
    pub total: f64,
    /// Total reachable if missing inputs scored fully.
    pub potential: f64,
    /// Maximum.
    pub max: f64,
    /// Pass mark, from the tier's score criterion.
    pub pass: Option<f64>,
    /// Blocks.
    pub blocks: Vec<BlockScore>,
}

/// Readiness of one of the five haves for a tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HaveReadiness {
    /// Which have.
    pub have: Have,
    /// Mean progress of its criteria, 0–1; `None` when the tier has none.
    pub readiness: Option<f64>,
    /// Criteria met.
    pub met: usize,
    /// Criteria counted.
    pub total: usize,
    /// Criteria with missing data.
    pub missing: usize,
}

/// Result for one tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierResult {
    /// Tier id.
    pub id: String,
    /// Pack id.
    pub pack: String,
    /// Programme.
    pub programme: Programme,
    /// Rung on the ladder.
    pub level: u8,
    /// Title.
    pub title: Text,
    /// Ladder label.
    pub ladder: Text,
    /// Verdict.
    pub verdict: Verdict,
    /// The route that passed (e.g. `score`, `direct.award`), when the tier has alternatives.
    pub route: Option<String>,
    /// Words for that route, as a reviewer reads them (the criterion's title).
    pub route_label: Option<Text>,
    /// Why the tier does not apply, when the verdict is `not_applicable`.
    pub not_applicable: Option<Text>,
    /// Score, for scored tiers.
    pub score: Option<ScoreResult>,
    /// Every criterion, common ones first, in pack order.
    pub criteria: Vec<CriterionResult>,
    /// Five-haves readiness for this tier (staff, funding, conditions, direction, projects).
    pub haves: Vec<HaveReadiness>,
    /// Criteria that block the verdict (for alternatives: the closest route's), in pack order.
    pub blocking: Vec<String>,
    /// The company already holds this tier (a valid title, or a tech center of
    /// this level on this track): the tier is reached and shown as 已持有, its
    /// criteria as context for the next review.
    pub held: bool,
}

impl TierResult {
    /// A criterion by id.
    #[must_use]
    pub fn criterion(&self, id: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|c| &*c.id == id)
    }
}

/// What stands between the company and a tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Blocker {
    /// Criterion id.
    pub criterion: String,
    /// Its title.
    pub title: Text,
    /// Outcome (not met, missing or review; `met` only for score items with room to gain).
    pub outcome: Outcome,
    /// Checks with their gaps.
    pub checks: Vec<Check>,
    /// Empty inputs.
    pub missing: Vec<FieldRef>,
    /// Confidence of the criterion.
    pub confidence: Confidence,
    /// Five-haves tag.
    pub have: Have,
    /// Points to gain, for score items (for a pending declaration: the points
    /// that hang on it).
    pub points_gain: Option<f64>,
}

/// The gaps to one tier of the next rung.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextTier {
    /// Tier id.
    pub tier: String,
    /// Title.
    pub title: Text,
    /// Blockers, most important first.
    pub blockers: Vec<Blocker>,
}

impl Blocker {
    /// A score item with points to gain: where a score's shortfall can be
    /// made up, not a criterion the tier fails on its own.
    #[must_use]
    pub fn is_score_lever(&self) -> bool {
        self.points_gain.is_some()
    }
}

impl NextTier {
    /// How many criteria stand between the company and this tier: failed,
    /// missing data or awaiting a declaration. Score items with points to
    /// gain are not counted (they are [`NextTier::score_levers`], the ways to
    /// close one score criterion). Every view that says "差 N 项" or
    /// "N 项待解决" counts with this.
    #[must_use]
    pub fn criteria_short(&self) -> usize {
        self.blockers.iter().filter(|b| !b.is_score_lever()).count()
    }

    /// The criteria counted by [`NextTier::criteria_short`], most important first.
    pub fn criteria(&self) -> impl Iterator<Item = &Blocker> {
        self.blockers.iter().filter(|b| !b.is_score_lever())
    }

    /// The score items with points to gain, most points first.
    pub fn score_levers(&self) -> impl Iterator<Item = &Blocker> {
        self.blockers.iter().filter(|b| b.is_score_lever())
    }
}

/// Where the company stands on one programme's ladder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeProgress {
    /// Programme.
    pub programme: Programme,
    /// Highest tier reached (eligible now, or already held), if any.
    pub reached: Option<String>,
    /// Whether the tier reached is one the company already holds.
    pub reached_held: bool,
    /// Level reached (0 = none).
    pub reached_level: u8,
    /// Tiers on the next rung up with what blocks each, closest first.
    pub next: Vec<NextTier>,
}

/// Summary of a pack used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackInfo {
    /// Id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Issuing document.
    pub document: String,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force.
    pub effective_to: Option<NaiveDate>,
    /// Overall confidence.
    pub confidence: Confidence,
    /// Only part of the official criteria encoded.
    pub partial: bool,
    /// Notes.
    pub notes: Vec<Text>,
    /// The plan's targets drawn as reference lines.
    pub benchmarks: Vec<crate::rules::Benchmark>,
}

/// The whole evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// As-of date.
    pub as_of: NaiveDate,
    /// Packs used, sorted by id.
    pub packs: Vec<PackInfo>,
    /// Tiers, by programme, level and id.
    pub tiers: Vec<TierResult>,
    /// Per programme: tier reached and gaps to the next rung.
    pub progress: Vec<ProgrammeProgress>,
    /// Default target tier for the five-haves chart (the next tech-center rung).
    pub target: Option<String>,
}

impl Evaluation {
    /// A tier by id.
    #[must_use]
    pub fn tier(&self, id: &str) -> Option<&TierResult> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// The plan's benchmark for `metric`, if a pack in use has one.
    #[must_use]
    pub fn benchmark(&self, metric: crate::metrics::Metric) -> Option<&crate::rules::Benchmark> {
        self.packs
            .iter()
            .flat_map(|p| &p.benchmarks)
            .find(|b| b.metric == metric)
    }

    /// Five-haves readiness for `tier` (or the default target).
    #[must_use]
    pub fn five_haves(&self, tier: Option<&str>) -> Option<&[HaveReadiness]> {
        let id = tier.or(self.target.as_deref())?;
        self.tier(id).map(|t| t.haves.as_slice())
    }
}
