//! A criterion's outcome: its test, checks, gaps and missing inputs.

use super::{
    Candidate, Check, Criterion, CriterionResult, Evaluator, FieldRef, Outcome, PointsOut, Rule,
    ScoreResult, Test, TestOut, merge_missing, merge_missing_owned,
};

impl<'a> Evaluator<'a> {
    pub(super) fn criterion(
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

    /// Evaluates `t`, adding its checks to `checks`.
    pub(super) fn test(
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
}
