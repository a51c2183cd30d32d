//! The comparisons a test is made of: a metric against its threshold, a
//! declared flag, a held title or center, a score against its minimum.

use super::{
    Check, CheckOp, Evaluator, FieldRef, Gap, Metric, Op, Outcome, ScoreResult, TestOut, Text,
    TitleKind, Unit, Value, Verdict, Wording, copy, decide_month, decide_undecided, gap,
    merge_missing, month_field, progress_of, wording,
};

impl<'a> Evaluator<'a> {
    pub(super) fn cmp(
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

    pub(super) fn flag(
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

    pub(super) fn holds(
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

    pub(super) fn score_test(
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
}
