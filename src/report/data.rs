//! `ReportData`: everything the printable summary shows, built once by the
//! core from an evaluation. The PDF and the spreadsheet are renderers of it;
//! the window's charts read the same values (`HaveReadiness`, `ScoreResult`).

use std::fmt::Write as _;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::format as f;
use crate::eval::{
    Blocker, Check, CheckOp, Evaluation, HaveReadiness, Outcome, ScoreResult, Verdict,
};
use crate::i18n::fields::field_names;
use crate::i18n::report as tr;
use crate::i18n::{Lang, Tr};
use crate::model::Assessment;
use crate::rules::Confidence;

/// One rule pack used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackLine {
    /// Pack id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Issuing document.
    pub document: String,
    /// Effective dates, e.g. `2016-04-01 – 2026-01-31`.
    pub dates: String,
    /// Confidence.
    pub confidence: Confidence,
    /// Only part of the criteria encoded.
    pub partial: bool,
}

/// The header block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Header {
    /// Company name.
    pub company: String,
    /// 统一社会信用代码.
    pub uscc: String,
    /// City.
    pub city: String,
    /// Industry.
    pub industry: String,
    /// As-of date.
    pub as_of: String,
    /// Packs used.
    pub packs: Vec<PackLine>,
}

/// One rung of a programme's ladder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rung {
    /// Tier id.
    pub tier: String,
    /// Short ladder label (省级…).
    pub label: String,
    /// Tier title.
    pub title: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Already held.
    pub held: bool,
    /// This is the rung reached.
    pub reached: bool,
    /// Its thresholds are provisional (its rule pack has confidence P).
    pub provisional: bool,
    /// Id of its rule pack (the bundled copy is the file `<id>.ron`).
    pub pack: String,
}

/// The one-glance verdict of a programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeSummary {
    /// Programme name.
    pub name: String,
    /// Its ladder, lowest rung first.
    pub rungs: Vec<Rung>,
    /// Title of the tier reached.
    pub reached: Option<String>,
    /// Title of the closest tier on the next rung.
    pub next: Option<String>,
    /// Criteria blocking that tier ([`crate::eval::NextTier::criteria_short`],
    /// the count the window shows).
    pub next_gap_count: usize,
}

/// Five-haves chart data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiveHaves {
    /// Title of the target tier.
    pub target: String,
    /// The readiness values (shared with the window's radar).
    pub values: Vec<HaveReadiness>,
    /// Axis labels, in the order of `values`.
    pub labels: Vec<String>,
}

/// Score-bar chart data of a scored tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreSummary {
    /// Tier title.
    pub tier: String,
    /// The score (shared with the window's bars).
    pub score: ScoreResult,
    /// Block labels, in the order of `score.blocks`.
    pub labels: Vec<String>,
}

/// One row of a criteria table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Criterion id.
    pub id: String,
    /// Outcome.
    pub outcome: Outcome,
    /// Status word.
    pub status: String,
    /// Criterion title.
    pub title: String,
    /// Value against threshold.
    pub value: String,
    /// The company's value in the decisive check, with unit and year,
    /// e.g. `1,310 万元（2024 年）`; `未填写` when empty.
    pub measured: String,
    /// The requirement of that check, e.g. `≥ 1,500 万元`.
    pub threshold: String,
    /// Points earned of the maximum for score items, e.g. `5/10`; empty otherwise.
    pub points: String,
    /// The decisive check as figures (for the spreadsheet's number cells).
    #[serde(skip)]
    pub figures: Option<Figures>,
    /// Points earned and the maximum, for score items.
    #[serde(skip)]
    pub score: Option<(f64, f64)>,
    /// The alternative that passed, in words, for criteria with alternatives.
    pub route: Option<String>,
    /// Gap in concrete units, or points for score items.
    pub gap: String,
    /// Confidence.
    pub confidence: Confidence,
    /// Source: document, article (date).
    pub source: String,
    /// The article, section or annex cited, without the document.
    pub article: String,
    /// Number of the document in its tier's [`TierTable::sources`], from 1.
    pub source_ref: usize,
}

/// The decisive check of a criterion as figures, beside its words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// The company's value.
    pub value: Option<crate::metrics::Value>,
    /// The comparison: ≥, >, ≤, <, = or empty.
    pub op: &'static str,
    /// The threshold.
    pub threshold: Option<crate::metrics::Value>,
    /// Unit of value and threshold.
    pub unit: crate::metrics::Unit,
    /// Fiscal year of a yearly figure.
    pub year: Option<i32>,
}

/// The criteria table of one tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierTable {
    /// Tier id.
    pub id: String,
    /// Title with ladder label.
    pub title: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Status, route and score, e.g. `符合条件（通过：评价得分 60 分以上），评分 70/100`.
    pub summary: String,
    /// Rows in pack order.
    pub rows: Vec<Row>,
    /// The documents the rows cite, each once, in order of first citation:
    /// `document（date）`; a row cites its document by number (`source_ref`).
    pub sources: Vec<String>,
    /// Its thresholds are provisional (its rule pack has confidence P).
    pub provisional: bool,
    /// Id of its rule pack.
    pub pack: String,
    /// The company already holds it.
    pub held: bool,
}

/// One thing to do to reach the next tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextStep {
    /// Programme name.
    pub programme: String,
    /// Tier title.
    pub tier: String,
    /// Criterion title.
    pub criterion: String,
    /// What to do, in concrete units.
    pub text: String,
    /// Outcome (not met before missing before review).
    pub outcome: Outcome,
    /// Confidence.
    pub confidence: Confidence,
    /// For a score short of its pass mark: the score items with points to
    /// gain, most points first (the same levers the window lists).
    pub levers: Vec<ScoreLever>,
}

/// A score item with points to gain: where a score's shortfall can come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreLever {
    /// The item's name, without the band table the criterion title carries.
    pub item: String,
    /// Points to gain (for a pending input or declaration: the points that hang on it).
    pub points: f64,
    /// The points wait on missing data or a declaration.
    pub pending: bool,
}

/// Evidence to prepare for one tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceGroup {
    /// Tier id (to find its proof in [`ReportData::proof`]).
    pub tier_id: String,
    /// Tier title.
    pub tier: String,
    /// Items, deduplicated, in pack order.
    pub items: Vec<String>,
}

/// The whole printable summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportData {
    /// Language.
    pub lang: Lang,
    /// Document title.
    pub title: String,
    /// Header block.
    pub header: Header,
    /// Verdict per programme.
    pub programmes: Vec<ProgrammeSummary>,
    /// Five-haves chart.
    pub five_haves: Option<FiveHaves>,
    /// Score bars.
    pub scores: Vec<ScoreSummary>,
    /// Criteria tables.
    pub tiers: Vec<TierTable>,
    /// What to do next, most important first.
    pub next_steps: Vec<NextStep>,
    /// Evidence checklists for the tiers the company is closest to.
    pub evidence: Vec<EvidenceGroup>,
    /// Whether any criterion shown is provisional (P): the disclaimer names it.
    pub has_provisional: bool,
    /// SHA-256 of the assessment file, hex.
    pub fingerprint: String,
    /// innocheck version.
    pub app_version: String,
    /// The reviewer's notes beside the assessment, when there are any
    /// (`NAME.review.ron`, see [`super::review::view`]); set by the caller,
    /// as the review is read beside the file, not from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<super::review::ReviewView>,
    /// Which evidence has a file attached, per tier
    /// ([`super::proof::tiers`]); set by the caller, which reads the files
    /// beside the assessment. Empty: the checklist is printed unticked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proof: Vec<super::proof::TierProof>,
}

impl ReportData {
    /// The proof of the tier `id`, when the caller set it.
    #[must_use]
    pub fn proof_of(&self, id: &str) -> Option<&super::proof::TierProof> {
        super::proof::of(&self.proof, id)
    }
}

/// SHA-256 of `bytes` as lower-case hex.
#[must_use]
pub fn fingerprint(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The value of a check with its unit and, for yearly figures, the year.
fn measured(c: &Check, lang: Lang) -> String {
    let v = match c.value {
        None => lang.t(tr::NOT_ENTERED).to_string(),
        Some(v) => f::value(Some(v), c.unit, lang),
    };
    match c.year {
        Some(y) => format!(
            "{v}{}",
            f::paren(&lang.t(tr::YEAR).replace("{y}", &y.to_string()), lang)
        ),
        None => v,
    }
}

/// The requirement of a check, e.g. `≥ 1,500 万元`.
fn threshold(c: &Check, lang: Lang) -> String {
    c.threshold.map_or_else(String::new, |t| {
        let t = f::value(Some(t), c.unit, lang);
        if c.op == CheckOp::None {
            t
        } else {
            format!("{} {t}", c.op.symbol())
        }
    })
}

fn rank(o: Outcome) -> u8 {
    match o {
        Outcome::NotMet => 0,
        Outcome::Missing => 1,
        Outcome::Review => 2,
        Outcome::Met | Outcome::NA => 3,
    }
}

/// A criterion title without the band table or note it ends with:
/// "数字化水平（≥ 3 级 5 分…）" → "数字化水平". A title that is all
/// parenthesis stays as it is.
fn short_title(title: &str) -> &str {
    let cut = if title.ends_with('）') {
        title.rfind('（')
    } else if title.ends_with(')') {
        title.rfind(" (").or_else(|| title.rfind('('))
    } else {
        None
    };
    match cut {
        Some(i) if i > 0 => title[..i].trim_end(),
        _ => title,
    }
}

/// The score items with points to gain towards `n`, as levers.
fn levers(n: &crate::eval::NextTier, lang: Lang) -> Vec<ScoreLever> {
    n.score_levers()
        .filter_map(|b| {
            b.points_gain.filter(|p| *p > 0.0).map(|points| ScoreLever {
                item: short_title(b.title.get(lang)).to_string(),
                points,
                pending: matches!(b.outcome, Outcome::Missing | Outcome::Review),
            })
        })
        .collect()
}

/// The criteria short of the next tier `n` ([`crate::eval::NextTier::criteria`],
/// counted by [`crate::eval::NextTier::criteria_short`]), most important
/// first, each with the score items whose points count towards it: all of
/// them go with the first criterion that is a score short of its pass mark,
/// or with the first criterion when none is. The PDF's part 2 and the
/// window's next steps list exactly these.
#[must_use]
pub fn short_criteria(n: &crate::eval::NextTier, lang: Lang) -> Vec<(&Blocker, Vec<ScoreLever>)> {
    let mut levers = levers(n, lang);
    let mut out: Vec<(&Blocker, Vec<ScoreLever>)> = n
        .criteria()
        .map(|b| {
            let mine = if is_score(b) {
                std::mem::take(&mut levers)
            } else {
                Vec::new()
            };
            (b, mine)
        })
        .collect();
    // Levers with no score criterion among the blockers: with the first one.
    if let Some((_, first)) = out.first_mut()
        && !levers.is_empty()
    {
        *first = levers;
    }
    out
}

/// Whether `b` is a score (its checks test a score total).
fn is_score(b: &Blocker) -> bool {
    b.checks.iter().any(|c| c.subject.starts_with("score"))
}

/// The score items of `levers` in words, after their lead: those earned by
/// improving a figure ("可得分项：Ⅰ类知识产权 +4，数字化水平 +2") or, when
/// `pending`, those waiting on data or a declaration. At most `named` items
/// are named, then "等 N 项"; empty when there is none.
#[must_use]
pub fn levers_text(levers: &[ScoreLever], pending: bool, named: usize, lang: Lang) -> String {
    let all: Vec<String> = levers
        .iter()
        .filter(|l| l.pending == pending)
        .map(|l| {
            lang.t(if pending {
                tr::LEVER_PENDING
            } else {
                tr::LEVER
            })
            .replace("{item}", &l.item)
            .replace("{n}", &f::number(l.points, 1))
        })
        .collect();
    if all.is_empty() {
        return String::new();
    }
    let mut shown: Vec<String> = all.iter().take(named).cloned().collect();
    if all.len() > named {
        shown.push(
            lang.t(tr::LEVERS_MORE)
                .replace("{n}", &(all.len() - named).to_string()),
        );
    }
    let lead = if pending {
        tr::LEVERS_PENDING
    } else {
        tr::LEVERS
    };
    format!("{}{}", lang.t(lead), shown.join(lang.t(tr::COMMA)))
}

/// Whether the pack `id` used by `ev` is provisional (confidence P).
fn pack_provisional(ev: &Evaluation, id: &str) -> bool {
    ev.packs
        .iter()
        .any(|p| p.id == id && p.confidence == Confidence::P)
}

/// The rows of one tier, and the documents they cite, each once.
fn rows_of(
    criteria: &[crate::eval::CriterionResult],
    lang: Lang,
    has_provisional: &mut bool,
) -> (Vec<Row>, Vec<String>) {
    let l = |s: Tr| lang.t(s);
    let mut sources: Vec<String> = Vec::new();
    let rows = criteria
        .iter()
        .map(|c| {
            *has_provisional |= c.confidence == Confidence::P;
            let primary = c.primary_check();
            let mut value = primary.map(|p| f::check_line(p, lang)).unwrap_or_default();
            if let (Some(p), Some(m)) = (c.points, c.max_points) {
                let _ = write!(value, " [{}/{}]", f::number(p, 1), f::number(m, 1));
            }
            let gap = primary
                .and_then(|p| p.gap.as_ref())
                .map(|g| f::gap(g, lang))
                .or_else(|| {
                    c.checks
                        .iter()
                        .find_map(|ch| ch.decide.as_ref())
                        .map(|d| d.get(lang).to_string())
                })
                .or_else(|| {
                    (!c.missing.is_empty())
                        .then(|| format!("{}{}", l(tr::MISSING), field_names(&c.missing, lang)))
                })
                .unwrap_or_default();
            let points = match (c.points, c.max_points) {
                (Some(p), Some(m)) => format!("{}/{}", f::number(p, 1), f::number(m, 1)),
                _ => String::new(),
            };
            let document = format!(
                "{}{}",
                c.source.document,
                f::paren(&c.source.date.to_string(), lang)
            );
            let source_ref = if let Some(i) = sources.iter().position(|s| *s == document) {
                i + 1
            } else {
                sources.push(document);
                sources.len()
            };
            Row {
                id: c.id.to_string(),
                outcome: c.outcome,
                status: f::outcome(c.outcome, lang).to_string(),
                title: c.title.get(lang).to_string(),
                value,
                measured: primary.map(|p| measured(p, lang)).unwrap_or_default(),
                threshold: primary.map(|p| threshold(p, lang)).unwrap_or_default(),
                points,
                figures: primary.map(|p| Figures {
                    value: p.value,
                    op: p.op.symbol(),
                    threshold: p.threshold,
                    unit: p.unit,
                    year: p.year,
                }),
                score: c.points.zip(c.max_points),
                route: c.route_label.as_ref().map(|r| r.get(lang).to_string()),
                gap,
                confidence: c.confidence,
                source: f::source(&c.source, lang),
                article: c.source.article.to_string(),
                source_ref,
            }
        })
        .collect();
    (rows, sources)
}

/// Builds the summary of `ev` for `a`, whose file bytes were `file_bytes`.
#[must_use]
pub fn build(file_bytes: &[u8], a: &Assessment, ev: &Evaluation, lang: Lang) -> ReportData {
    let l = |s: Tr| lang.t(s);
    let header = Header {
        company: a.company.name.clone(),
        uscc: a.company.uscc.clone(),
        city: a
            .company
            .city
            .map_or_else(String::new, |c| lang.pick(c.zh(), c.en()).to_string()),
        industry: a
            .company
            .industry
            .map_or_else(String::new, |i| lang.pick(i.zh(), i.en()).to_string()),
        as_of: ev.as_of.to_string(),
        packs: ev
            .packs
            .iter()
            .map(|p| PackLine {
                id: p.id.clone(),
                title: p.title.get(lang).to_string(),
                document: p.document.clone(),
                dates: format!(
                    "{} – {}",
                    p.effective_from,
                    p.effective_to
                        .map_or_else(|| l(tr::OPEN_ENDED).to_string(), |d| d.to_string())
                ),
                confidence: p.confidence,
                partial: p.partial,
            })
            .collect(),
    };
    let programmes = ev
        .progress
        .iter()
        .map(|p| {
            let rungs = ev
                .tiers
                .iter()
                .filter(|t| t.programme == p.programme)
                .map(|t| Rung {
                    tier: t.id.clone(),
                    label: t.ladder.get(lang).to_string(),
                    title: t.title.get(lang).to_string(),
                    verdict: t.verdict,
                    held: t.held,
                    reached: p.reached.as_deref() == Some(t.id.as_str()),
                    provisional: pack_provisional(ev, &t.pack),
                    pack: t.pack.clone(),
                })
                .collect();
            let reached = f::reached_tier(ev, p, lang);
            let next = p.next.first();
            ProgrammeSummary {
                name: f::programme(p.programme, lang).to_string(),
                rungs,
                reached,
                next: next.map(|n| n.title.get(lang).to_string()),
                next_gap_count: next.map_or(0, crate::eval::NextTier::criteria_short),
            }
        })
        .collect();
    let five_haves = ev
        .target
        .as_deref()
        .and_then(|id| ev.tier(id))
        .map(|t| FiveHaves {
            target: t.title.get(lang).to_string(),
            labels: t
                .haves
                .iter()
                .map(|h| f::have(h.have, lang).to_string())
                .collect(),
            values: t.haves.clone(),
        });
    let scores = ev
        .tiers
        .iter()
        .filter_map(|t| {
            t.score.as_ref().map(|s| ScoreSummary {
                tier: t.title.get(lang).to_string(),
                labels: s
                    .blocks
                    .iter()
                    .map(|b| b.title.get(lang).to_string())
                    .collect(),
                score: s.clone(),
            })
        })
        .collect();
    let mut has_provisional = false;
    let tiers = ev
        .tiers
        .iter()
        .map(|t| {
            let mut summary = f::tier_status(t, lang);
            if let Some(s) = t.score.as_ref().filter(|_| t.not_applicable.is_none()) {
                let _ = write!(
                    summary,
                    "{}{} {}/{}",
                    l(tr::COMMA),
                    l(tr::SCORE),
                    f::number(s.total, 1),
                    f::number(s.max, 1)
                );
            }
            if t.held && t.verdict != Verdict::Eligible {
                summary.push_str(l(tr::HELD_CONTEXT));
            }
            // A tier that does not apply has nothing to meet: its reason is the summary.
            let shown: &[crate::eval::CriterionResult] = if t.not_applicable.is_some() {
                &[]
            } else {
                &t.criteria
            };
            let (rows, sources) = rows_of(shown, lang, &mut has_provisional);
            TierTable {
                id: t.id.clone(),
                title: format!("[{}] {}", t.ladder.get(lang), t.title.get(lang)),
                verdict: t.verdict,
                summary,
                rows,
                sources,
                provisional: pack_provisional(ev, &t.pack),
                pack: t.pack.clone(),
                held: t.held,
            }
        })
        .collect();
    let mut next_steps: Vec<NextStep> = Vec::new();
    let mut evidence = Vec::new();
    for p in &ev.progress {
        let Some(n) = p.next.first() else { continue };
        for (b, levers) in short_criteria(n, lang) {
            let mut parts: Vec<String> = b
                .checks
                .iter()
                .filter(|c| c.outcome != Outcome::Met)
                .map(|c| match &c.gap {
                    Some(g) => format!(
                        "{}{}{}",
                        f::check_line(c, lang),
                        l(tr::COLON),
                        f::gap(g, lang)
                    ),
                    None => f::check_line(c, lang),
                })
                .collect();
            // The items waiting on data are named by the levers of a
            // score, not field by field.
            let named_by_levers = is_score(b) && levers.iter().any(|l| l.pending);
            if !b.missing.is_empty() && !named_by_levers {
                parts.push(format!(
                    "{}{}",
                    l(tr::FILL_IN),
                    field_names(&b.missing, lang)
                ));
            }
            if b.outcome == Outcome::Review {
                parts.push(l(tr::DECLARE).to_string());
            }
            next_steps.push(NextStep {
                programme: f::programme(p.programme, lang).to_string(),
                tier: n.title.get(lang).to_string(),
                criterion: b.title.get(lang).to_string(),
                text: parts.join(l(tr::SEMICOLON)),
                outcome: b.outcome,
                confidence: b.confidence,
                levers,
            });
        }
        if let Some(t) = ev.tier(&n.tier) {
            evidence.push(EvidenceGroup {
                tier_id: t.id.clone(),
                tier: t.title.get(lang).to_string(),
                items: super::proof::checklist(t, lang)
                    .into_iter()
                    .map(|(_, text)| text)
                    .collect(),
            });
        }
    }
    // Failed criteria first, then missing data, then declarations; stable within.
    next_steps.sort_by_key(|s| rank(s.outcome));
    ReportData {
        lang,
        title: l(tr::TITLE).to_string(),
        header,
        programmes,
        five_haves,
        scores,
        tiers,
        next_steps,
        evidence,
        has_provisional,
        fingerprint: fingerprint(file_bytes),
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        review: None,
        proof: Vec::new(),
    }
}

impl ReportData {
    /// The same summary restricted to the tier `id`: its criteria table, the
    /// ladder of its programme, the next steps toward it and its evidence
    /// list (what the application package prints for the tier applied for).
    #[must_use]
    pub fn only_tier(mut self, id: &str) -> ReportData {
        let title = self
            .tiers
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.title.clone());
        self.tiers.retain(|t| t.id == id);
        self.programmes
            .retain(|p| p.rungs.iter().any(|r| r.tier == id));
        let plain: Vec<String> = self
            .programmes
            .iter()
            .flat_map(|p| p.rungs.iter().filter(|r| r.tier == id))
            .map(|r| r.title.clone())
            .collect();
        self.next_steps.retain(|s| plain.contains(&s.tier));
        self.evidence.retain(|g| plain.contains(&g.tier));
        self.scores
            .retain(|s| plain.contains(&s.tier) || title.as_ref() == Some(&s.tier));
        self.has_provisional = self
            .tiers
            .iter()
            .flat_map(|t| &t.rows)
            .any(|r| r.confidence == Confidence::P);
        self
    }
}

/// Splits `n` table rows into pages: `first` rows fit on the first page
/// (0: the table starts on the next page), `per_page` on each following one.
/// Returns the row range of every page; the header row repeats on each.
#[must_use]
pub fn paginate(n: usize, first: usize, per_page: usize) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::new();
    let (mut start, mut cap) = (0, first);
    loop {
        let end = (start + cap).min(n);
        pages.push(start..end);
        if end >= n {
            break;
        }
        start = end;
        cap = per_page.max(1);
    }
    pages
}
