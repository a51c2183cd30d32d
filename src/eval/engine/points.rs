//! Scores: the points of each scored item and block, and the bands a value falls in.

use super::{
    Band, Check, CheckOp, Evaluator, Gap, Metric, Op, Outcome, PointsOut, Scoring, Unit, Value,
    band_index, decide_month, decide_undecided, extend_once, merge_missing, month_field, pending,
};

impl<'a> Evaluator<'a> {
    pub(super) fn points(&mut self, s: &'a Scoring, max: f64) -> PointsOut {
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

    pub(super) fn bands(
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
