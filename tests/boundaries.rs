//! Boundaries through raw inputs (criteria.md §1 "Exact decimal comparison").
//!
//! For every numeric threshold and every band edge of every bundled pack, raw
//! inputs are made whose exact decimal figure sits on the edge — with several
//! numerator/denominator pairs, including non-round ones such as
//! 3772.2 / 5029.6 = 75 % — and one step (0.01 万元, one person, one month)
//! below and above. Each assessment goes through the loader (written as RON
//! and read back), the metrics and `evaluate`, against a probe pack holding
//! exactly the bundled criterion's test or band table, and the side is checked.

mod common;

use chrono::NaiveDate;
use innocheck::eval::{Outcome, evaluate};
use innocheck::metrics::exact::Q;
use innocheck::metrics::{Metric, Unit};
use innocheck::model::{Assessment, FiscalYear, Institution, InstitutionKind, InstitutionLevel};
use innocheck::rules::{
    Band, Confidence, Criterion, Have, Op, Pack, Registry, Rule, ScoreSpec, Scoring, Source, Test,
    Text,
};

const AS_OF: (i32, u32, u32) = (2025, 6, 30);

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).expect("date")
}

/// A plausible base company with three fiscal years (Y−1 = 2024).
fn base() -> Assessment {
    let mut a = Assessment {
        as_of: Some(as_of()),
        ..Assessment::default()
    };
    a.company.founded = NaiveDate::from_ymd_opt(2010, 3, 15);
    for (year, rev) in [(2024, 20000.0), (2023, 18000.0), (2022, 16000.0)] {
        a.years.push(FiscalYear {
            year,
            revenue: Some(rev),
            main_revenue: Some(rev * 0.9),
            net_profit: Some(rev * 0.08),
            total_profit: Some(rev * 0.1),
            total_assets: Some(rev * 1.5),
            total_liabilities: Some(rev * 0.6),
            rd_spend: Some(rev * 0.04),
            staff_total: Some(500),
            rd_staff: Some(80),
            rd_staff_qualified: Some(60),
            equity_new: Some(0.0),
            new_product_sales: Some(rev * 0.3),
            lead_product_sales: Some(rev * 0.6),
            st_staff: Some(90),
            hitech_revenue: Some(rev * 0.7),
            total_income: Some(rev * 1.01),
            rd_spend_domestic: Some(rev * 0.035),
            total_costs: Some(rev * 0.85),
            conversions: Some(3),
        });
    }
    a
}

/// Exact decimal `v` as an `f64`, if it has at most four decimals.
fn dec(q: Q) -> Option<f64> {
    let scaled = q.times(Q::int(10_000))?;
    let whole = scaled.ceil()?;
    (Q::int(whole) == scaled).then(|| Q::int(whole).over(Q::int(10_000)).map(Q::to_f64))?
}

fn q(v: f64) -> Q {
    Q::from_f64(v).expect("decimal")
}

fn fy(a: &mut Assessment, back: i32) -> &mut FiscalYear {
    let y = AS_OF.0 - back;
    a.years.iter_mut().find(|f| f.year == y).expect("year")
}

/// Where a metric's figure is placed relative to the edge.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    On,
    Below,
    Above,
}

/// Assessments whose figure for `metric` (year offset `back`) is on, just
/// below or just above `t`. Several pairs per edge where the metric is a ratio.
/// `None`: the metric has no numeric edge to probe (flags).
fn place(metric: Metric, back: i32, t: f64, side: Side) -> Option<Vec<Assessment>> {
    let cent = q(0.01);
    let step = |v: f64| {
        let moved = match side {
            Side::On => return v,
            Side::Below if v <= 0.0 => return f64::NAN,
            Side::Below => q(v).minus(cent),
            Side::Above => q(v).plus(cent),
        };
        moved.and_then(dec).expect("a cent away is a decimal")
    };
    let people = |v: u32| match side {
        Side::On => v,
        Side::Below => v.saturating_sub(1),
        Side::Above => v + 1,
    };
    let tq = q(t);
    let pct = tq.over(Q::int(100))?;
    // Ratio num/den = t %: the numerator moves by one cent.
    let ratio = |set: &dyn Fn(&mut Assessment, f64, f64)| -> Vec<Assessment> {
        [15000.0, 198.0, 5029.6, 8000.0, 12345.67]
            .iter()
            .filter_map(|&den| {
                let num = dec(pct.times(q(den))?)?;
                let mut a = base();
                set(&mut a, step(num), den);
                Some(a)
            })
            .collect()
    };
    let growth_factor = Q::ONE.plus(pct)?;
    Some(match metric {
        Metric::Revenue
        | Metric::TotalAssets
        | Metric::MainRevenue
        | Metric::RdSpend
        | Metric::EquipmentValue
        | Metric::RdSpace
        | Metric::NicheShare
        | Metric::IntlNicheShare
        | Metric::MiitPlatformScore
        | Metric::FeaturedScore2022 => {
            let mut a = base();
            let v = step(t);
            match metric {
                Metric::Revenue => {
                    fy(&mut a, back).revenue = Some(v);
                    fy(&mut a, back).main_revenue = Some(v * 0.5);
                }
                Metric::MainRevenue => fy(&mut a, back).main_revenue = Some(v),
                Metric::RdSpend => fy(&mut a, back).rd_spend = Some(v),
                Metric::EquipmentValue => a.conditions.equipment_value = Some(v),
                Metric::TotalAssets => fy(&mut a, back).total_assets = Some(v),
                Metric::RdSpace => a.conditions.rd_space_m2 = Some(v),
                Metric::NicheShare => a.direction.niche_share_pct = Some(v),
                Metric::IntlNicheShare => a.direction.intl_niche_share_pct = Some(v),
                Metric::MiitPlatformScore => a.manual.miit_platform_score = Some(v),
                _ => a.manual.featured_score_2022 = Some(v),
            }
            vec![a]
        }
        Metric::RdTotal2y | Metric::RdAvg2y | Metric::Equity2y | Metric::Equity3y => {
            let total = if metric == Metric::RdAvg2y {
                tq.times(Q::int(2))?
            } else {
                tq
            };
            // A non-round split: 60.1 % in Y−1, the rest in Y−2.
            let first = dec(total.times(q(0.601))?).or_else(|| dec(total))?;
            let second = dec(total.minus(q(first))?)?;
            let mut a = base();
            let first = step(first);
            match metric {
                Metric::Equity2y | Metric::Equity3y => {
                    fy(&mut a, 1).equity_new = Some(first);
                    fy(&mut a, 2).equity_new = Some(second);
                    fy(&mut a, 3).equity_new = Some(0.0);
                }
                _ => {
                    fy(&mut a, 1).rd_spend = Some(first);
                    fy(&mut a, 2).rd_spend = Some(second);
                }
            }
            vec![a]
        }
        Metric::RdRatio => ratio(&|a, n, d| {
            fy(a, back).rd_spend = Some(n);
            fy(a, back).revenue = Some(d);
            fy(a, back).main_revenue = Some(d);
        }),
        Metric::RdRatioMain => ratio(&|a, n, d| {
            fy(a, back).rd_spend = Some(n);
            fy(a, back).main_revenue = Some(d);
            fy(a, back).revenue = Some(d * 2.0);
        }),
        Metric::MainShare => ratio(&|a, n, d| {
            fy(a, back).main_revenue = Some(n);
            fy(a, back).revenue = Some(d);
        }),
        Metric::DebtRatio => ratio(&|a, n, d| {
            fy(a, back).total_liabilities = Some(n);
            fy(a, back).total_assets = Some(d);
        }),
        Metric::NetMargin => ratio(&|a, n, d| {
            fy(a, back).net_profit = Some(n);
            fy(a, back).revenue = Some(d);
        }),
        Metric::RdToCosts => ratio(&|a, n, d| {
            fy(a, back).rd_spend = Some(n);
            fy(a, back).total_costs = Some(d);
        }),
        Metric::HitechRevenueShare => ratio(&|a, n, d| {
            fy(a, back).hitech_revenue = Some(n);
            fy(a, back).total_income = Some(d);
        }),
        // Three-year sums: the whole numerator in Y−1, equal denominators.
        Metric::HnteRdRatio3y | Metric::RdDomesticShare3y => ratio(&|a, n, d| {
            let three = dec(q(n).times(Q::int(3)).expect("q")).expect("decimal");
            for b in 1..=3 {
                let f = fy(a, b);
                if metric == Metric::HnteRdRatio3y {
                    f.revenue = Some(d);
                    f.rd_spend = Some(if b == 1 { three } else { 0.0 });
                } else {
                    f.rd_spend = Some(d);
                    f.rd_spend_domestic = Some(if b == 1 { three } else { 0.0 });
                }
            }
        }),
        Metric::NetAssetGrowth3y | Metric::SalesGrowth3y => {
            let y3 = 10000.0;
            let y2 = dec(growth_factor.times(q(y3))?)?;
            let y1 = dec(growth_factor.times(q(y2))?)?;
            let mut a = base();
            for (b, v) in [(3, y3), (2, y2), (1, step(y1))] {
                let f = fy(&mut a, b);
                if metric == Metric::SalesGrowth3y {
                    f.revenue = Some(v);
                } else {
                    f.total_assets = Some(v);
                    f.total_liabilities = Some(0.0);
                }
            }
            vec![a]
        }
        Metric::RegisteredYears => {
            // Founded on the as-of date t years earlier; a day later or earlier.
            let years = i32::try_from(tq.ceil()?).ok()?;
            let on = NaiveDate::from_ymd_opt(AS_OF.0 - years, AS_OF.1, AS_OF.2)?;
            let founded = match side {
                Side::On => on,
                Side::Below => on.succ_opt()?,
                Side::Above => on.pred_opt()?,
            };
            let mut a = base();
            a.company.founded = Some(founded);
            vec![a]
        }
        Metric::ConversionsAvg3y => {
            let n = u32::try_from(tq.ceil()?).ok()?;
            let mut a = base();
            for b in 1..=3 {
                fy(&mut a, b).conversions = Some(n);
            }
            fy(&mut a, 1).conversions = Some(people(n));
            vec![a]
        }
        Metric::IpAny => {
            let n = u32::try_from(tq.ceil()?).ok()?;
            let mut a = base();
            a.ip.class1 = Some(0);
            a.ip.class2 = Some(people(n));
            vec![a]
        }
        Metric::LeadProductShare => ratio(&|a, n, d| {
            fy(a, back).lead_product_sales = Some(n);
            fy(a, back).revenue = Some(d);
        }),
        Metric::MainGrowth => [10000.0, 198.0, 5029.6]
            .iter()
            .filter_map(|&prev| {
                let cur = dec(growth_factor.times(q(prev))?)?;
                let mut a = base();
                fy(&mut a, back + 1).main_revenue = Some(prev);
                fy(&mut a, back).main_revenue = Some(step(cur));
                fy(&mut a, back).revenue = Some(step(cur) * 2.0);
                Some(a)
            })
            .collect(),
        Metric::RevenueGrowthOverBenchmark | Metric::ProfitGrowthOverBenchmark => {
            // Growth − 4.5 (benchmark) = t: growth = t + 4.5.
            let g = Q::ONE.plus(tq.plus(q(4.5))?.over(Q::int(100))?)?;
            [10000.0, 5029.6]
                .iter()
                .filter_map(|&prev| {
                    let cur = dec(g.times(q(prev))?)?;
                    let mut a = base();
                    if metric == Metric::RevenueGrowthOverBenchmark {
                        a.manual.provincial_revenue_growth_benchmark = Some(4.5);
                        fy(&mut a, back + 1).revenue = Some(prev);
                        fy(&mut a, back).revenue = Some(step(cur));
                    } else {
                        a.manual.provincial_profit_growth_benchmark = Some(4.5);
                        fy(&mut a, back + 1).total_profit = Some(prev);
                        fy(&mut a, back).total_profit = Some(step(cur));
                    }
                    Some(a)
                })
                .collect()
        }
        Metric::AvgMainGrowth2y => {
            let y3 = 10000.0;
            let y2 = dec(growth_factor.times(q(y3))?)?;
            let y1 = dec(growth_factor.times(q(y2))?)?;
            let mut a = base();
            fy(&mut a, 3).main_revenue = Some(y3);
            fy(&mut a, 2).main_revenue = Some(y2);
            fy(&mut a, 1).main_revenue = Some(step(y1));
            vec![a]
        }
        Metric::RevenueCagr2y => {
            let y3 = 10000.0;
            let y1 = dec(growth_factor.times(growth_factor)?.times(q(y3))?)?;
            let mut a = base();
            fy(&mut a, 3).revenue = Some(y3);
            fy(&mut a, 1).revenue = Some(step(y1));
            vec![a]
        }
        Metric::RdStaffShare | Metric::RdStaffQualifiedShare | Metric::StStaffShare => {
            // Whole persons: t % of 1000 (or 10000).
            [1000u32, 10000]
                .iter()
                .filter_map(|&den| {
                    let num = pct.times(Q::int(i64::from(den)))?;
                    let n = u32::try_from(num.ceil()?).ok()?;
                    (Q::int(i64::from(n)) == num).then(|| {
                        let mut a = base();
                        if metric == Metric::RdStaffShare {
                            fy(&mut a, back).staff_total = Some(den);
                            fy(&mut a, back).rd_staff = Some(people(n));
                        } else if metric == Metric::StStaffShare {
                            fy(&mut a, back).staff_total = Some(den);
                            fy(&mut a, back).st_staff = Some(people(n));
                        } else {
                            fy(&mut a, back).rd_staff = Some(den);
                            fy(&mut a, back).rd_staff_qualified = Some(people(n));
                        }
                        a
                    })
                })
                .collect()
        }
        Metric::RdStaff
        | Metric::StaffTotal
        | Metric::Ip1
        | Metric::Ip1Self
        | Metric::Ip1HighValue
        | Metric::Ip2
        | Metric::ItCoreProcesses
        | Metric::StandardsDrafted
        | Metric::StandardsNationalIndustry
        | Metric::OngoingProjects
        | Metric::NicheRank
        | Metric::DigitalLevel => {
            let n = u32::try_from(tq.ceil()?).ok()?;
            let n = people(n);
            let mut a = base();
            match metric {
                Metric::RdStaff => fy(&mut a, back).rd_staff = Some(n),
                Metric::StaffTotal => fy(&mut a, back).staff_total = Some(n),
                Metric::Ip1 | Metric::Ip1Self | Metric::Ip1HighValue => {
                    a.ip.class1 = Some(n);
                    a.ip.class1_self = Some(n);
                    a.ip.class1_high_value = Some(n);
                }
                Metric::Ip2 => a.ip.class2 = Some(n),
                Metric::ItCoreProcesses => a.direction.it_core_processes = Some(n),
                Metric::StandardsDrafted | Metric::StandardsNationalIndustry => {
                    a.direction.standards.national = Some(n);
                }
                Metric::NicheRank => a.direction.niche_rank = Some(n.max(1)),
                Metric::DigitalLevel => a.direction.digital_level = u8::try_from(n).ok(),
                _ => {
                    a.projects = (0..n)
                        .map(|i| innocheck::model::Project {
                            name: format!("项目{i}"),
                            ..innocheck::model::Project::default()
                        })
                        .collect();
                }
            }
            vec![a]
        }
        // Durations in whole months: on the edge, one month short, one month more.
        Metric::YearsInNiche => {
            let months = i32::try_from(tq.times(Q::int(12))?.ceil()?).ok()?;
            let shift = match side {
                Side::On => 0,
                Side::Below => 1,
                Side::Above => -1,
            };
            let index = AS_OF.0 * 12 - months + shift; // months since year 0, January = 0
            let mut a = base();
            a.direction.niche_entry_year = Some(index.div_euclid(12));
            a.direction.niche_entry_month = u8::try_from(index.rem_euclid(12) + 1).ok();
            vec![a]
        }
        Metric::ProvincialTcYears | Metric::MunicipalTcYears => {
            let months = i32::try_from(tq.times(Q::int(12))?.ceil()?).ok()?;
            let shift = match side {
                Side::On => 0,
                Side::Below => 1,
                Side::Above => -1,
            };
            let index = AS_OF.0 * 12 + 5 - months + shift; // June of the as-of year
            let mut a = base();
            a.conditions.institutions.push(Institution {
                name: "企业技术中心".into(),
                kind: InstitutionKind::TechCenter,
                level: if metric == Metric::ProvincialTcYears {
                    InstitutionLevel::Provincial
                } else {
                    InstitutionLevel::Municipal
                },
                year: Some(index.div_euclid(12)),
                month: u8::try_from(index.rem_euclid(12) + 1).ok(),
                ..Institution::default()
            });
            vec![a]
        }
        // Flags, and the ordinal institution level: no in-between values to probe.
        _ => return None,
    })
}

/// A numeric edge of a bundled criterion.
#[derive(Debug, Clone)]
struct Edge {
    criterion: String,
    metric: Metric,
    year: Option<u8>,
    kind: EdgeKind,
}

#[derive(Debug, Clone)]
enum EdgeKind {
    Cmp {
        op: Op,
        value: f64,
    },
    Band {
        bands: Vec<Band>,
        upper_closed: bool,
        value: f64,
        unit: innocheck::metrics::Unit,
    },
}

fn walk_test(id: &str, t: &Test, out: &mut Vec<Edge>) {
    match t {
        Test::Cmp {
            metric,
            year,
            op,
            value,
            ..
        } => out.push(Edge {
            criterion: id.to_string(),
            metric: *metric,
            year: *year,
            kind: EdgeKind::Cmp {
                op: *op,
                value: *value,
            },
        }),
        Test::All(parts) => parts.iter().for_each(|p| walk_test(id, p, out)),
        Test::Any(routes) => {
            for r in routes {
                walk_test(id, &r.test, out);
                if let Some(w) = &r.when {
                    walk_test(id, w, out);
                }
            }
        }
        _ => {}
    }
}

fn walk_scoring(id: &str, s: &Scoring, out: &mut Vec<Edge>) {
    match s {
        Scoring::Bands {
            metric,
            year,
            unit,
            upper_closed,
            bands,
        } => {
            for b in bands {
                for v in [b.from, b.to].into_iter().flatten() {
                    out.push(Edge {
                        criterion: id.to_string(),
                        metric: *metric,
                        year: *year,
                        kind: EdgeKind::Band {
                            bands: bands.clone(),
                            upper_closed: *upper_closed,
                            value: v,
                            unit: *unit,
                        },
                    });
                }
            }
        }
        Scoring::Ladder { steps, .. } | Scoring::Sum { steps, .. } => {
            for st in steps {
                walk_test(id, &st.test, out);
            }
        }
        Scoring::Max(parts) => parts.iter().for_each(|p| walk_scoring(id, p, out)),
        Scoring::Manual { .. } => {}
    }
}

fn edges(p: &Pack) -> Vec<Edge> {
    let mut out = Vec::new();
    for c in p
        .common
        .iter()
        .chain(p.tiers.iter().flat_map(|t| &t.criteria))
    {
        match &c.rule {
            Rule::Check(t) => walk_test(&c.id, t, &mut out),
            Rule::Points { scoring, .. } => walk_scoring(&c.id, scoring, &mut out),
        }
        if let Some(w) = &c.when {
            walk_test(&c.id, w, &mut out);
        }
    }
    out
}

fn text(s: &str) -> Text {
    Text::new(s, s)
}

/// A pack with one criterion: the bundled test, or the bundled band table.
fn probe(edge: &Edge) -> Pack {
    let source = Source {
        document: "probe".into(),
        article: "probe".into(),
        date: as_of(),
    };
    let (rule, score) = match &edge.kind {
        EdgeKind::Cmp { op, value } => (
            Rule::Check(Test::Cmp {
                metric: edge.metric,
                year: edge.year,
                op: *op,
                value: *value,
                unit: edge.metric.unit(),
            }),
            None,
        ),
        EdgeKind::Band {
            bands,
            upper_closed,
            unit,
            ..
        } => {
            let max = bands.iter().map(|b| b.points).fold(0.0, f64::max);
            (
                Rule::Points {
                    block: "b".into(),
                    max,
                    scoring: Scoring::Bands {
                        metric: edge.metric,
                        year: edge.year,
                        unit: *unit,
                        upper_closed: *upper_closed,
                        bands: bands.clone(),
                    },
                },
                Some(ScoreSpec {
                    max,
                    blocks: vec![innocheck::rules::Block {
                        id: "b".into(),
                        title: text("b"),
                        max,
                        min: None,
                        capped: false,
                    }],
                }),
            )
        }
    };
    common::one_tier_pack(
        score,
        Criterion {
            id: "probe.t.c".into(),
            title: text("probe"),
            have: Have::Basis,
            confidence: Confidence::V,
            source,
            evidence: Vec::new().into(),
            note: None,
            when: None,
            rule,
        },
    )
}

fn has_nan(a: &Assessment) -> bool {
    let y = a.years.iter().flat_map(|y| {
        [
            y.revenue,
            y.main_revenue,
            y.rd_spend,
            y.equity_new,
            y.total_profit,
        ]
    });
    y.chain([a.conditions.equipment_value, a.conditions.rd_space_m2])
        .flatten()
        .any(f64::is_nan)
}

/// Through the loader: written as RON, read back.
fn reload(a: &Assessment) -> Assessment {
    let text = innocheck::storage::to_ron(a).expect("ron");
    innocheck::storage::load_bytes(text.as_bytes(), "probe.ron")
        .expect("loads")
        .assessment
}

/// Points of the band holding the value one step to `side` of `edge`,
/// worked out independently of the engine in exact arithmetic: bands are
/// `[from, to)`, or `(from, to]` for "≤" tables (criteria.md §1).
fn band_points(
    bands: &[Band],
    upper_closed: bool,
    edge: f64,
    side: Side,
    (metric, unit): (Metric, Unit),
) -> f64 {
    let step = match unit {
        // One conversion more or less in one year of three moves the average by a third.
        _ if metric == Metric::ConversionsAvg3y => Q::new(1, 3).expect("q"),
        Unit::Year => Q::new(1, 12).expect("q"),
        u if u.is_count() => Q::ONE,
        _ => q(0.01),
    };
    let v = match side {
        Side::On => q(edge),
        Side::Below => q(edge).minus(step).expect("q"),
        Side::Above => q(edge).plus(step).expect("q"),
    };
    bands
        .iter()
        .find(|b| {
            let from = b.from.map(q);
            let to = b.to.map(q);
            if upper_closed {
                from.is_none_or(|f| v > f) && to.is_none_or(|t| v <= t)
            } else {
                from.is_none_or(|f| v >= f) && to.is_none_or(|t| v < t)
            }
        })
        .map_or(f64::NAN, |b| b.points)
}

#[test]
fn every_threshold_and_band_edge_of_every_pack_through_raw_inputs() {
    let reg = Registry::bundled().expect("bundled packs");
    let mut probed = 0;
    let mut failures = Vec::new();
    let mut unprobed = std::collections::BTreeSet::new();
    for pack in reg.packs() {
        for edge in edges(pack) {
            let back = i32::from(edge.year.unwrap_or(1));
            let probe_pack = probe(&edge);
            for side in [Side::On, Side::Below, Side::Above] {
                let t = match &edge.kind {
                    EdgeKind::Cmp { value, .. } | EdgeKind::Band { value, .. } => *value,
                };
                let Some(assessments) = place(edge.metric, back, t, side) else {
                    unprobed.insert(edge.metric.id());
                    continue;
                };
                assert!(
                    !assessments.is_empty(),
                    "{}: no raw inputs for {} = {t}",
                    edge.criterion,
                    edge.metric.id()
                );
                for a in assessments {
                    if has_nan(&a) {
                        continue; // no valid raw input below a zero amount
                    }
                    let a = reload(&a);
                    let ev = evaluate(&a, &[&probe_pack], as_of());
                    let c = &ev.tiers[0].criteria[0];
                    probed += 1;
                    match &edge.kind {
                        EdgeKind::Cmp { op, value } => {
                            // "不低于 / 以上" includes the threshold; "超过 / 高于" does not.
                            let want_met = matches!(
                                (op, side),
                                (Op::Ge | Op::Le, Side::On)
                                    | (Op::Ge | Op::Gt, Side::Above)
                                    | (Op::Le | Op::Lt, Side::Below)
                            );
                            let want = if want_met {
                                Outcome::Met
                            } else {
                                Outcome::NotMet
                            };
                            if c.outcome != want {
                                failures.push(format!(
                                    "{} ({} {:?} {value}, {side:?}): {:?}, value {:?}",
                                    edge.criterion,
                                    edge.metric.id(),
                                    op,
                                    c.outcome,
                                    c.checks.first().and_then(|ch| ch.value)
                                ));
                            }
                            // A met criterion offers no gap; a failed one a positive gap.
                            if let Some(g) = c.checks.first().and_then(|ch| ch.gap)
                                && (want_met || g.shortfall <= 0.0)
                            {
                                failures.push(format!(
                                    "{} ({side:?}): gap {} on a {:?} outcome",
                                    edge.criterion, g.shortfall, c.outcome
                                ));
                            }
                        }
                        EdgeKind::Band {
                            bands,
                            upper_closed,
                            value,
                            unit,
                        } => {
                            let want = band_points(
                                bands,
                                *upper_closed,
                                *value,
                                side,
                                (edge.metric, *unit),
                            );
                            if c.points != Some(want) {
                                failures.push(format!(
                                    "{} ({} band edge {value}, {side:?}): {:?} points, want {want}; value {:?}",
                                    edge.criterion,
                                    edge.metric.id(),
                                    c.points,
                                    c.checks.first().and_then(|ch| ch.value)
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    // Only ordinal levels and grades may go unprobed (nothing lies between two levels).
    assert!(
        unprobed
            .iter()
            .all(|m| ["institution_level", "ip_advancement", "ip_core_support"].contains(m)),
        "metrics with thresholds but no raw-input placement: {unprobed:?}"
    );
    assert!(probed > 500, "only {probed} probes");
    assert!(
        failures.is_empty(),
        "{} boundary errors:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The cases named in the issue, each through raw inputs and the bundled packs.
#[test]
fn the_reported_boundary_cases_land_on_the_right_side() {
    let reg = Registry::bundled().expect("packs");
    let sme = reg.get("sme.2022").expect("sme.2022");
    let mut a = base();
    // 8250 / 15000 = 55 % exactly: the "≤ 55 %" band, 10 points.
    fy(&mut a, 1).total_liabilities = Some(8250.0);
    fy(&mut a, 1).total_assets = Some(15000.0);
    let ev = evaluate(&reload(&a), &[sme], as_of());
    let debt = ev
        .tiers
        .iter()
        .flat_map(|t| &t.criteria)
        .find(|c| &*c.id == "sme.2022.innovative.debt")
        .expect("debt");
    assert_eq!(debt.points, Some(10.0));
    // 178.2 / 198 = 90 % exactly meets "≥ 90 %" (2026 little giant), with no gap.
    let s26 = reg.get("sme.2026").expect("sme.2026");
    let mut a = base();
    fy(&mut a, 1).main_revenue = Some(178.2);
    fy(&mut a, 1).revenue = Some(198.0);
    let ev = evaluate(&reload(&a), &[s26], as_of());
    let share = ev
        .tiers
        .iter()
        .flat_map(|t| &t.criteria)
        .find(|c| &*c.id == "sme.2026.giant.main_share")
        .expect("share");
    assert_eq!(share.outcome, Outcome::Met);
    assert!(share.checks.iter().all(|c| c.gap.is_none()));
}
