//! The rule-pack schema: what a `assets/rules/*.ron` file may say.
//!
//! Policy lives in these files (thresholds, score bands, citations, tiers);
//! logic lives in [`crate::metrics`] and [`crate::eval`]. Every struct denies
//! unknown fields so a typo in a pack is an error with a line number, not a
//! silently ignored rule.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::metrics::{Metric, Unit};
use crate::model::{ProvincialTrack, TitleKind};

/// Version of this schema; packs state the schema they are written for.
pub const SCHEMA_VERSION: u32 = 1;

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Simplified Chinese.
    pub zh: Arc<str>,
    /// English.
    pub en: Arc<str>,
}

impl Text {
    /// A text from its two languages.
    #[must_use]
    pub fn new(zh: impl Into<Arc<str>>, en: impl Into<Arc<str>>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Zh => &self.zh,
            crate::i18n::Lang::En => &self.en,
        }
    }
}

/// How sure we are of a figure (criteria.md, confidence table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Confidence {
    /// Seen in two or more independent copies of the official text.
    V,
    /// Seen in one public copy only.
    V1,
    /// Provisional: no official figure found; editable.
    P,
    /// Qualitative: the user declares it; "needs review" until declared.
    Q,
}

impl Confidence {
    /// Short label, e.g. "V1".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Confidence::V => "V",
            Confidence::V1 => "V1",
            Confidence::P => "P",
            Confidence::Q => "Q",
        }
    }
}

/// The seed plan's five haves, plus `basis` (scale, finance, compliance, titles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Have {
    /// 有研发人员.
    Staff,
    /// 有研发经费.
    Funding,
    /// 有研发条件.
    Conditions,
    /// 有研发方向.
    Direction,
    /// 有研发项目 (IP, standards and new products count here).
    Projects,
    /// Basis: scale, finance, compliance, titles.
    Basis,
}

impl Have {
    /// The five haves, in the plan's order (without `Basis`).
    pub const FIVE: [Have; 5] = [
        Have::Staff,
        Have::Funding,
        Have::Conditions,
        Have::Direction,
        Have::Projects,
    ];
}

/// Programme a pack belongs to (one ladder each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// 企业技术中心 (municipal → provincial → national).
    TechCenter,
    /// 优质中小企业梯度 (innovative → specialized → little giant).
    QualitySme,
    /// 高新技术企业 (one tier).
    HighTech,
    /// 科技型中小企业 (one tier).
    TechSme,
}

/// Where a criterion comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Issuing document (name and number).
    pub document: Arc<str>,
    /// Article, annex or section.
    pub article: Arc<str>,
    /// Date of the document (issue or entry into force, as the pack states).
    pub date: NaiveDate,
}

/// One rule pack: one version of one programme's rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Schema version the pack is written for ([`SCHEMA_VERSION`]).
    pub schema: u32,
    /// Pack id, e.g. `tc.nat.2016`.
    pub id: String,
    /// Revision of this pack's data (bump when a number changes).
    pub revision: u32,
    /// Title.
    pub title: Text,
    /// Programme.
    pub programme: Programme,
    /// Issuing document.
    pub document: String,
    /// Issuing authority.
    pub issuer: Text,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force, if ended.
    #[serde(default)]
    pub effective_to: Option<NaiveDate>,
    /// The pack's overall confidence (the weakest that matters).
    pub confidence: Confidence,
    /// Only part of the official criteria is encoded.
    #[serde(default)]
    pub partial: bool,
    /// Notes shown with the pack (e.g. "provisional: confirm against …").
    #[serde(default)]
    pub notes: Vec<Text>,
    /// Criteria shared by every tier of the pack (e.g. the SME gate).
    #[serde(default)]
    pub common: Vec<Criterion>,
    /// The tiers.
    pub tiers: Vec<Tier>,
    /// Province-wide targets drawn as reference lines, never criteria.
    #[serde(default)]
    pub benchmarks: Vec<Benchmark>,
}

/// A target of a plan (e.g. R&D intensity of 规上 industrial firms ≥ 1.5 %),
/// shown beside the company's figures as a reference, never as a criterion
/// (criteria.md §7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    /// The metric it is a target for.
    pub metric: Metric,
    /// The target value.
    pub value: f64,
    /// Unit (must be the metric's).
    pub unit: Unit,
    /// What it is, e.g. 规上工业企业研发投入强度目标.
    pub title: Text,
    /// Where it comes from.
    pub source: Source,
}

/// One tier of a ladder: a title a company can be recognised with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Tier id, e.g. `sme.2022.innovative` (tech-center packs: the pack id).
    pub id: String,
    /// Title.
    pub title: Text,
    /// Rung on the programme's ladder (1 = lowest).
    pub level: u8,
    /// Short ladder label, e.g. 省级 / provincial.
    pub ladder: Text,
    /// The title a company holding this tier has (satisfies prerequisites).
    #[serde(default)]
    pub grants: Option<TitleKind>,
    /// The tier applies only to firms for which this holds (criteria.md §5,
    /// §7): otherwise it is shown as not applicable, with the reason, and is
    /// never a failure, a blocker or a next step.
    #[serde(default)]
    pub applies: Option<Applies>,
    /// For a Jiangxi provincial tech-center tier: the recognising department.
    /// A firm holding a provincial center on one track holds this tier only
    /// on that track; the other track does not apply to it.
    #[serde(default)]
    pub track: Option<ProvincialTrack>,
    /// Score table, if the tier is scored.
    #[serde(default)]
    pub score: Option<ScoreSpec>,
    /// How criteria combine into the verdict; default: every non-scored criterion.
    #[serde(default)]
    pub pass: Option<Expr>,
    /// Criteria (ids `<tier id>.<name>`).
    pub criteria: Vec<Criterion>,
}

/// When a tier applies, and what to say where it does not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applies {
    /// The test; not met → the tier is not applicable (missing → evaluated as usual).
    pub test: Test,
    /// Why it does not apply, e.g. 不适用（行业）：…
    pub reason: Text,
}

/// Score table of a tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreSpec {
    /// Maximum total.
    pub max: f64,
    /// Blocks with their sub-minimums.
    pub blocks: Vec<Block>,
}

/// A block of a score table (e.g. 创新能力).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// Block id used by scored criteria.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Maximum points of the block.
    pub max: f64,
    /// Sub-minimum, if any.
    #[serde(default)]
    pub min: Option<f64>,
    /// The items may add up to more than `max`; the block is capped at it
    /// (the 高企 知识产权 block: 8 + 8 + 8 + 6 + 2, at most 30).
    #[serde(default)]
    pub capped: bool,
}

/// How a tier's criteria combine (criterion names are full ids).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expr {
    /// Every part must pass.
    All(Vec<Expr>),
    /// Any part passing is enough; the first passing part names the route.
    Any(Vec<Expr>),
    /// A criterion, by id.
    C(String),
}

/// One criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id from criteria.md.
    pub id: Arc<str>,
    /// Title.
    pub title: Text,
    /// Which of the five haves (or basis) it belongs to.
    pub have: Have,
    /// Confidence of the figure.
    pub confidence: Confidence,
    /// Citation.
    pub source: Source,
    /// Evidence to prepare.
    #[serde(default)]
    pub evidence: Arc<[Text]>,
    /// Note shown with the criterion.
    #[serde(default)]
    pub note: Option<Text>,
    /// Applies only when this holds; otherwise the outcome is n/a.
    #[serde(default)]
    pub when: Option<Test>,
    /// The rule.
    pub rule: Rule,
}

/// What a criterion checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Rule {
    /// A pass/fail test.
    Check(Test),
    /// A scored item of the tier's score table.
    Points {
        /// Block id in the tier's [`ScoreSpec`] (shared with the results).
        block: Arc<str>,
        /// Maximum points of the item.
        max: f64,
        /// How points are awarded.
        scoring: Scoring,
    },
}

/// Comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// ≥ (不低于 / 以上).
    Ge,
    /// > (超过).
    Gt,
    /// ≤ (不高于 / 以下).
    Le,
    /// < (低于).
    Lt,
}

impl Op {
    /// Symbol.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ge => "≥",
            Op::Gt => ">",
            Op::Le => "≤",
            Op::Lt => "<",
        }
    }

    /// Whether `value op threshold` holds.
    #[must_use]
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Op::Ge => value >= threshold,
            Op::Gt => value > threshold,
            Op::Le => value <= threshold,
            Op::Lt => value < threshold,
        }
    }
}

/// A pass/fail test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Test {
    /// `metric(year) op value`.
    Cmp {
        /// Metric.
        metric: Metric,
        /// Year offset for yearly metrics (1 = Y−1).
        #[serde(default)]
        year: Option<u8>,
        /// Operator.
        op: Op,
        /// Threshold.
        value: f64,
        /// Unit of the threshold (must be the metric's unit).
        unit: Unit,
    },
    /// A yes/no metric must equal `expect`; empty → missing.
    Flag {
        /// Metric (unit `flag`).
        metric: Metric,
        /// Expected value.
        expect: bool,
    },
    /// A qualitative fact the user declares; empty → needs review.
    Declared {
        /// Metric (unit `flag`).
        metric: Metric,
    },
    /// Holds a title valid on the as-of date, or meets the tier that grants it.
    Holds {
        /// Title accepted as held.
        title: TitleKind,
        /// Tier whose computed verdict also satisfies it.
        #[serde(default)]
        tier: Option<String>,
        /// Tier whose computed eligibility is only advice, never the title
        /// itself: "可申报高企，认定后可直通" (a held, valid title is the route).
        #[serde(default)]
        advise: Option<String>,
    },
    /// The tier's score reaches `min` and every block its sub-minimum.
    Score {
        /// Pass mark.
        min: f64,
    },
    /// Every part must hold.
    All(Vec<Test>),
    /// Alternatives; the first passing one names the route.
    Any(Vec<Route>),
}

/// One alternative of a [`Test::Any`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Route name, e.g. `revenue` or `equity`.
    pub name: String,
    /// Label.
    pub label: Text,
    /// The route applies only when this holds (e.g. an industry or revenue band).
    #[serde(default)]
    pub when: Option<Test>,
    /// The test.
    pub test: Test,
}

/// How a scored item earns points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Scoring {
    /// Numeric bands over a metric. Bands must be contiguous and not overlap.
    Bands {
        /// Metric.
        metric: Metric,
        /// Year offset for yearly metrics.
        #[serde(default)]
        year: Option<u8>,
        /// Unit (must be the metric's unit).
        unit: Unit,
        /// `false` (default): bands are `[from, to)`, a boundary value goes to the
        /// higher band; `true`: bands are `(from, to]` (for "≤ X" tables).
        #[serde(default)]
        upper_closed: bool,
        /// The bands.
        bands: Vec<Band>,
    },
    /// First step whose test holds gives its points; else `otherwise`.
    Ladder {
        /// Steps, best first.
        steps: Vec<Step>,
        /// Points when no step holds.
        otherwise: f64,
    },
    /// Sum of the points of every step that holds, capped.
    Sum {
        /// Steps.
        steps: Vec<Step>,
        /// Cap on the total.
        cap: f64,
    },
    /// The best of several scorings.
    Max(Vec<Scoring>),
    /// Points entered by hand (read from a `points` metric), between 0 and the item max.
    Manual {
        /// Metric (unit `points`).
        metric: Metric,
    },
}

/// A score band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Lower bound (`None` = unbounded).
    #[serde(default)]
    pub from: Option<f64>,
    /// Upper bound (`None` = unbounded).
    #[serde(default)]
    pub to: Option<f64>,
    /// Points (the lower bound where the text gives a range).
    pub points: f64,
    /// Upper bound of the points where the text gives a range ("9–10 分"): the
    /// score counts `points` and shows the range; an assessor decides within it.
    #[serde(default)]
    pub up_to: Option<f64>,
}

/// A step of a ladder or sum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Label.
    pub label: Text,
    /// Test.
    pub test: Test,
    /// Points (the lower bound where the text gives a range).
    pub points: f64,
    /// Upper bound of a range of points (see [`Band::up_to`]).
    #[serde(default)]
    pub up_to: Option<f64>,
}
