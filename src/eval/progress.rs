//! Ladders and readiness: which tier each programme reaches, what blocks the
//! next rung, and the five-haves readiness of a tier.

use super::types::{
    Blocker, Check, CriterionResult, HaveReadiness, NextTier, Outcome, ProgrammeProgress,
    TierResult, Verdict,
};
use crate::rules::{Have, Programme};

/// Five-haves readiness of a tier's criteria (criteria.md §7).
pub(super) fn haves(results: &[CriterionResult]) -> Vec<HaveReadiness> {
    Have::FIVE
        .iter()
        .map(|&have| {
            // From -0.0 as `Iterator::sum` starts: the same figure to the last bit.
            let (mut total, mut met, mut missing, mut sum) = (0_usize, 0, 0, -0.0);
            for r in results
                .iter()
                .filter(|r| r.have == have && r.outcome != Outcome::NA)
            {
                total += 1;
                sum += r.progress;
                if r.outcome == Outcome::Met && r.progress >= 1.0 {
                    met += 1;
                }
                if r.outcome == Outcome::Missing {
                    missing += 1;
                }
            }
            HaveReadiness {
                have,
                readiness: (total > 0).then(|| sum / total as f64),
                met,
                total,
                missing,
            }
        })
        .collect()
}

fn rank(o: Outcome) -> u8 {
    match o {
        Outcome::NotMet => 0,
        Outcome::Missing => 1,
        Outcome::Review => 2,
        Outcome::Met | Outcome::NA => 3,
    }
}

fn blocker(c: &CriterionResult, points_gain: Option<f64>) -> Blocker {
    let checks: Vec<Check> = c
        .checks
        .iter()
        .filter(|ch| ch.outcome != Outcome::Met || ch.gap.is_some())
        .cloned()
        .collect();
    Blocker {
        criterion: String::from(&*c.id),
        title: c.title.clone(),
        outcome: c.outcome,
        checks,
        missing: c.missing.clone(),
        confidence: c.confidence,
        have: c.have,
        points_gain,
    }
}

/// What stands between the company and `tier`, most important first: failed
/// criteria, then missing data, then declarations to review, then the score
/// items with the most points to gain.
#[must_use]
pub fn blockers(tier: &TierResult) -> Vec<Blocker> {
    let mut out: Vec<Blocker> = tier
        .blocking
        .iter()
        .filter_map(|id| tier.criterion(id))
        .map(|c| blocker(c, None))
        .collect();
    out.sort_by_key(|b| rank(b.outcome));
    let score_blocks = tier.verdict != Verdict::Eligible
        && tier.blocking.iter().any(|id| {
            tier.criterion(id)
                .is_some_and(|c| c.checks.iter().any(|ch| ch.subject.starts_with("score")))
        });
    if score_blocks {
        let mut items: Vec<(f64, &CriterionResult)> = tier
            .criteria
            .iter()
            .filter(|c| c.is_scored_item())
            .filter_map(|c| {
                let gain = c
                    .checks
                    .iter()
                    .filter_map(|ch| ch.gap.and_then(|g| g.points_gain))
                    .fold(0.0, f64::max);
                let room = match (c.outcome, c.points_upper, c.points) {
                    (Outcome::Missing | Outcome::Review, Some(u), Some(p)) => u - p,
                    _ => gain,
                };
                (room > 0.0).then_some((room, c))
            })
            .collect();
        items.sort_by(|a, b| b.0.total_cmp(&a.0));
        out.extend(items.into_iter().map(|(g, c)| blocker(c, Some(g))));
    }
    out
}

/// Where each programme stands.
pub(super) fn ladders(tiers: &[TierResult]) -> Vec<ProgrammeProgress> {
    let mut programmes: Vec<Programme> = tiers.iter().map(|t| t.programme).collect();
    programmes.sort();
    programmes.dedup();
    programmes
        .into_iter()
        .map(|programme| {
            // A tier that does not apply is neither reached nor a next step.
            let rungs: Vec<&TierResult> = tiers
                .iter()
                .filter(|t| t.programme == programme && t.verdict != Verdict::NotApplicable)
                .collect();
            // Highest rung reached; at equal level an eligible tier wins over one only held.
            let reached = rungs
                .iter()
                .filter(|t| t.verdict == Verdict::Eligible || t.held)
                .max_by_key(|t| {
                    (
                        t.level,
                        t.verdict == Verdict::Eligible,
                        std::cmp::Reverse(t.blocking.len()),
                    )
                });
            let reached_level = reached.map_or(0, |t| t.level);
            let next_level = rungs
                .iter()
                .map(|t| t.level)
                .filter(|&l| l > reached_level)
                .min();
            let mut next: Vec<NextTier> = rungs
                .iter()
                .filter(|t| Some(t.level) == next_level)
                .map(|t| NextTier {
                    tier: t.id.clone(),
                    title: t.title.clone(),
                    blockers: blockers(t),
                })
                .collect();
            next.sort_by_key(NextTier::criteria_short);
            ProgrammeProgress {
                programme,
                reached_held: reached.is_some_and(|t| t.held && t.verdict != Verdict::Eligible),
                reached: reached.map(|t| t.id.clone()),
                reached_level,
                next,
            }
        })
        .collect()
}

/// Default five-haves target: the closest tech-center tier on the next rung,
/// else the highest tech-center tier, else the first tier.
pub(super) fn default_target(
    progress: &[ProgrammeProgress],
    tiers: &[TierResult],
) -> Option<String> {
    progress
        .iter()
        .find(|p| p.programme == Programme::TechCenter)
        .and_then(|p| {
            p.next
                .first()
                .map(|n| n.tier.clone())
                .or_else(|| p.reached.clone())
        })
        .or_else(|| tiers.first().map(|t| t.id.clone()))
}
