//! A tier's verdict: its criteria, prerequisites, score and routes.

use super::{
    BlockScore, Evaluator, FieldRef, Outcome, Pack, PointsOut, Programme, ProvincialTrack, Rule,
    ScoreResult, Text, Tier, TierResult, Verdict, blocking_ids, expr_outcome, find_score_min,
    merge_missing, progress,
};

impl<'a> Evaluator<'a> {
    pub(super) fn eval_tier(&mut self, pack: &'a Pack, tier: &'a Tier) -> TierResult {
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
    pub(super) fn center_held(&self, tier: &Tier) -> (bool, bool) {
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
}
