//! Invariants over random companies (proptest), through raw inputs:
//! - gap honesty: applying a suggested lever to the input closes its gap, and a
//!   promised `points_gain` is earned; an item at its maximum offers no gap;
//! - monotonicity: more R&D spending, more IP or faster growth never lowers a
//!   score nor turns a met criterion into a failed one.

use chrono::NaiveDate;
use innocheck::eval::{Evaluation, Outcome, evaluate};
use innocheck::metrics::LeverInput;
use innocheck::model::{
    Assessment, City, Company, FiscalYear, Industry, Institution, InstitutionKind, InstitutionLevel,
};
use innocheck::rules::{Pack, Registry};
use proptest::prelude::*;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
}

/// An amount in 万元 with two decimals.
fn wan(lo: u32, hi: u32) -> impl Strategy<Value = f64> {
    (lo * 100..hi * 100).prop_map(|c| f64::from(c) / 100.0)
}

fn year(y: i32) -> impl Strategy<Value = FiscalYear> {
    (
        wan(500, 60000),
        50u32..=100,
        wan(0, 3000),
        (30u32..=90, 20u32..=95),
        (1u32..=20, 20u32..=1200, 0u32..=60, 0u32..=100),
        wan(0, 800),
    )
        .prop_map(
            move |(
                revenue,
                main_pct,
                rd,
                (assets_pct, debt_pct),
                (np_pct, staff, rd_pct, q_pct),
                equity,
            )| {
                let main = (revenue * f64::from(main_pct)).round() / 100.0;
                let assets = (revenue * f64::from(assets_pct) * 2.0).round() / 100.0;
                let rd_staff = staff * rd_pct / 100;
                FiscalYear {
                    year: y,
                    revenue: Some(revenue),
                    main_revenue: Some(main),
                    net_profit: Some((revenue * f64::from(np_pct)).round() / 1000.0),
                    total_profit: Some((revenue * f64::from(np_pct)).round() / 800.0),
                    total_assets: Some(assets),
                    total_liabilities: Some((assets * f64::from(debt_pct)).round() / 100.0),
                    rd_spend: Some(rd),
                    staff_total: Some(staff),
                    rd_staff: Some(rd_staff),
                    rd_staff_qualified: Some(rd_staff * q_pct / 100),
                    equity_new: Some(equity),
                    new_product_sales: Some((revenue * 0.3 * 100.0).round() / 100.0),
                    lead_product_sales: Some((main * 0.7 * 100.0).round() / 100.0),
                    st_staff: Some(rd_staff + staff / 20),
                    hitech_revenue: Some((main * 0.8 * 100.0).round() / 100.0),
                    total_income: Some(revenue),
                    rd_spend_domestic: Some((rd * 0.9 * 100.0).round() / 100.0),
                    total_costs: Some((revenue * 0.9 * 100.0).round() / 100.0),
                    conversions: Some(np_pct % 6),
                }
            },
        )
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        (year(2024), year(2023), year(2022)),
        (0u32..5, 0u32..5, 0u32..8),
        (2000i32..2024, 1u8..=12),
        (0u32..4000, 0u32..3, prop::bool::ANY, prop::bool::ANY),
        (0u32..30, 1u8..=4, wan(0, 100)),
    )
        .prop_map(
            |(
                (y1, y2, y3),
                (ip1, ip_self, ip2),
                (entry, month),
                (equip, inst, field, plan),
                (share, digital, score),
            )| {
                let mut a = Assessment {
                    as_of: Some(as_of()),
                    company: Company {
                        name: "赣州测试科技有限公司".into(),
                        city: Some(City::Ganzhou),
                        industry: Some(Industry::Industrial),
                        independent_legal_person: Some(true),
                        products_permitted: Some(true),
                        ..Company::default()
                    },
                    years: vec![y1, y2, y3],
                    ..Assessment::default()
                };
                a.ip.class1 = Some(ip1);
                a.ip.class1_self = Some(ip_self.min(ip1));
                a.ip.class1_high_value = Some(0);
                a.ip.class2 = Some(ip2);
                a.direction.niche_entry_year = Some(entry);
                a.direction.niche_entry_month = Some(month);
                a.direction.fields.strategic_emerging = Some(field);
                a.direction.written_plan = Some(plan);
                a.direction.niche_share_pct = Some(f64::from(share));
                a.direction.digital_level = Some(digital);
                a.direction.qms_certificate = Some(true);
                a.direction.own_brand = Some(field);
                a.manual.miit_platform_score = Some(score);
                a.manual.featured_score_2022 = Some((score * 0.15 * 100.0).round() / 100.0);
                a.conditions.equipment_value = Some(f64::from(equip));
                if inst > 0 {
                    a.conditions.institutions.push(Institution {
                        name: "企业技术中心".into(),
                        kind: InstitutionKind::TechCenter,
                        level: if inst == 1 {
                            InstitutionLevel::Municipal
                        } else {
                            InstitutionLevel::Provincial
                        },
                        year: Some(2020),
                        month: Some(month),
                        ..Institution::default()
                    });
                }
                let c = &mut a.compliance;
                c.abnormal_operation_list = Some(false);
                c.serious_dishonesty = Some(false);
                c.major_accident = Some(false);
                c.tax_evasion = Some(false);
                c.smuggling = Some(false);
                c.major_tax_violation = Some(false);
                c.industry_violation = Some(false);
                a
            },
        )
}

fn packs(reg: &Registry) -> Vec<&Pack> {
    reg.packs().iter().collect()
}

fn fy(a: &mut Assessment, y: i32) -> &mut FiscalYear {
    a.years.iter_mut().find(|f| f.year == y).expect("year")
}

fn add(v: &mut Option<f64>, x: f64) {
    let q = |v: f64| innocheck::metrics::exact::Q::from_f64(v).expect("decimal");
    *v = v.map(|v| q(v).plus(q(x)).expect("sum").to_f64());
}

/// Applies a lever to the raw inputs of year `y`.
fn apply(a: &mut Assessment, input: LeverInput, y: i32, amount: f64) {
    let n = amount as u32;
    let f = fy(a, y);
    match input {
        LeverInput::RdSpend => add(&mut f.rd_spend, amount),
        LeverInput::MainRevenue => {
            add(&mut f.main_revenue, amount);
            add(&mut f.revenue, amount);
        }
        LeverInput::ReduceLiabilities => add(&mut f.total_liabilities, -amount),
        LeverInput::NetProfit => add(&mut f.net_profit, amount),
        LeverInput::HireRdStaff => {
            f.rd_staff = f.rd_staff.map(|v| v + n);
            f.staff_total = f.staff_total.map(|v| v + n);
        }
        LeverInput::HireQualifiedRdStaff => {
            f.rd_staff_qualified = f.rd_staff_qualified.map(|v| v + n);
            f.rd_staff = f.rd_staff.map(|v| v + n);
            f.staff_total = f.staff_total.map(|v| v + n);
        }
    }
}

fn criterion<'e>(ev: &'e Evaluation, tier: &str, id: &str) -> &'e innocheck::eval::CriterionResult {
    ev.tier(tier)
        .and_then(|t| t.criterion(id))
        .expect("criterion")
}

proptest! {
    // A few thousand random companies across both properties (debug build: about a minute).
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn applying_a_lever_closes_its_gap(a in assessment()) {
        let reg = Registry::bundled().expect("packs");
        let packs = packs(&reg);
        let ev = evaluate(&a, &packs, as_of());
        for t in &ev.tiers {
            for c in &t.criteria {
                // An item at its maximum offers nothing.
                if let (Some(p), Some(m)) = (c.points, c.max_points) && p >= m {
                    prop_assert!(c.checks.iter().all(|ch| ch.gap.is_none()), "{} at max has a gap", c.id);
                }
                for ch in &c.checks {
                    let Some(g) = ch.gap else { continue };
                    prop_assert!(g.shortfall > 0.0, "{}: gap of {}", c.id, g.shortfall);
                    let (Some(l), Some(y)) = (g.lever, ch.year) else { continue };
                    let mut b = a.clone();
                    apply(&mut b, l.input, y, l.amount);
                    let after = evaluate(&b, &packs, as_of());
                    let c2 = criterion(&after, &t.id, &c.id);
                    match g.points_gain {
                        None => {
                            let ch2 = c2.checks.iter().find(|x| x.subject == ch.subject && x.year == ch.year);
                            // The check may leave the decisive route once met; then the criterion is met.
                            let closed = ch2.is_none_or(|x| x.outcome == Outcome::Met) || c2.outcome == Outcome::Met;
                            prop_assert!(closed, "{} {}: lever {:?} {} did not close it: {:?}", c.id, ch.subject, l.input, l.amount, ch2.map(|x| x.value));
                        }
                        Some(gain) => {
                            let before = c.points.unwrap_or(0.0);
                            let now = c2.points.unwrap_or(0.0);
                            prop_assert!(now + 1e-9 >= before + gain, "{}: promised +{gain}, {before} → {now}", c.id);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn more_rd_ip_or_growth_never_lowers_a_score(a in assessment(), extra in 1u32..50_000, more_ip in 1u32..5) {
        let reg = Registry::bundled().expect("packs");
        let packs = packs(&reg);
        let ev = evaluate(&a, &packs, as_of());
        let mut b = a.clone();
        for y in [2024, 2023, 2022] {
            add(&mut fy(&mut b, y).rd_spend, f64::from(extra) / 100.0);
        }
        b.ip.class1 = b.ip.class1.map(|v| v + more_ip);
        b.ip.class1_self = b.ip.class1_self.map(|v| v + more_ip);
        b.ip.class2 = b.ip.class2.map(|v| v + more_ip);
        // Faster growth: the oldest year's revenue is lower.
        let f = fy(&mut b, 2022);
        let cut = f.main_revenue.unwrap_or(0.0) * 0.1;
        let cut = (cut * 100.0).floor() / 100.0;
        add(&mut f.main_revenue, -cut);
        add(&mut f.revenue, -cut);
        let after = evaluate(&b, &packs, as_of());
        for t in &ev.tiers {
            let t2 = after.tier(&t.id).expect("tier");
            if let (Some(s), Some(s2)) = (&t.score, &t2.score) {
                prop_assert!(s2.total + 1e-9 >= s.total, "{}: score {} → {}", t.id, s.total, s2.total);
            }
            for c in &t.criteria {
                let c2 = t2.criterion(&c.id).expect("criterion");
                prop_assert!(
                    !(c.outcome == Outcome::Met && c2.outcome == Outcome::NotMet),
                    "{} turned from met to not met", c.id
                );
            }
        }
    }
}
