//! Targeted evaluation behaviour on assessments built in Rust: sub-minimums,
//! direct routes, missing data, as-of switching, prerequisites, the SME gate,
//! gaps in units, five-haves readiness, next-tier blockers and determinism.

use chrono::NaiveDate;
use innocheck::eval::{CriterionResult, Evaluation, Outcome, Verdict, evaluate};
use innocheck::metrics::{LeverInput, Unit, Value};
use innocheck::model::{
    Assessment, Award, AwardLevel, City, Industry, Institution, InstitutionKind, InstitutionLevel,
    Project, ProjectStatus, TitleHeld, TitleKind,
};
use innocheck::rules::{Have, Pack, Programme, Registry};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn as_of() -> NaiveDate {
    date(2025, 6, 30)
}

fn reg() -> Registry {
    Registry::bundled().unwrap_or_else(|e| panic!("bundled packs: {e}"))
}

fn packs<'a>(reg: &'a Registry, ids: &[&str]) -> Vec<&'a Pack> {
    ids.iter()
        .map(|id| {
            reg.get(id)
                .unwrap_or_else(|| panic!("no bundled pack {id}"))
        })
        .collect()
}

fn criterion<'a>(ev: &'a Evaluation, id: &str) -> &'a CriterionResult {
    ev.tiers
        .iter()
        .flat_map(|t| &t.criteria)
        .find(|c| &*c.id == id)
        .unwrap_or_else(|| panic!("criterion {id} not evaluated"))
}

fn verdict(ev: &Evaluation, tier: &str) -> Verdict {
    ev.tier(tier)
        .unwrap_or_else(|| panic!("tier {tier} not evaluated"))
        .verdict
}

fn year_mut(a: &mut Assessment, y: i32) -> &mut innocheck::model::FiscalYear {
    a.years
        .iter_mut()
        .find(|f| f.year == y)
        .unwrap_or_else(|| panic!("no year {y}"))
}

/// An industrial SME in 南昌 with clean compliance and complete figures for
/// 2022–2024 (Y−3 … Y−1 as of 2025-06-30). Under sme.2022.innovative it scores
/// 70 points, but only 10 in 创新能力 (Ⅱ类 IP → 5, R&D ratio 1.5 % → 5), below the
/// block's sub-minimum of 20; it has no direct route.
fn innovative_sub_minimum() -> Assessment {
    let mut a = Assessment::default();
    a.company.name = "测试制造有限公司".into();
    a.company.city = Some(City::Nanchang);
    a.company.industry = Some(Industry::Industrial);
    a.company.independent_legal_person = Some(true);
    a.company.products_permitted = Some(true);
    a.ensure_years(as_of());
    {
        let y = year_mut(&mut a, 2024);
        y.revenue = Some(10000.0);
        y.main_revenue = Some(8000.0); // 80 % → 20
        y.net_profit = Some(800.0);
        y.total_profit = Some(900.0);
        y.total_assets = Some(10000.0);
        y.total_liabilities = Some(4000.0); // 40 % → 10
        y.rd_spend = Some(150.0); // 1.5 % → 5
        y.staff_total = Some(200);
        y.rd_staff = Some(20);
        y.rd_staff_qualified = Some(15);
        y.equity_new = Some(0.0);
    }
    {
        let y = year_mut(&mut a, 2023);
        y.revenue = Some(8500.0);
        y.main_revenue = Some(6800.0); // growth 17.6 % → 20
        y.net_profit = Some(600.0);
        y.total_profit = Some(700.0);
        y.total_assets = Some(9000.0);
        y.total_liabilities = Some(3800.0);
        y.rd_spend = Some(120.0);
        y.staff_total = Some(190);
        y.rd_staff = Some(18);
        y.equity_new = Some(0.0);
    }
    {
        let y = year_mut(&mut a, 2022);
        y.revenue = Some(7000.0);
        y.main_revenue = Some(6000.0);
        y.total_assets = Some(8000.0);
        y.total_liabilities = Some(3500.0);
        y.rd_spend = Some(100.0);
        y.equity_new = Some(0.0);
    }
    a.direction.fields.strategic_emerging = Some(true); // → 10
    a.ip.class1 = Some(0);
    a.ip.class1_self = Some(0);
    a.ip.class1_high_value = Some(0);
    a.ip.class2 = Some(2); // → 5
    a.compliance.abnormal_operation_list = Some(false);
    a.compliance.serious_dishonesty = Some(false);
    a.compliance.major_accident = Some(false);
    a.compliance.tax_evasion = Some(false);
    a.compliance.smuggling = Some(false);
    a.compliance.major_tax_violation = Some(false);
    a.compliance.industry_violation = Some(false);
    a
}

fn eval_2022(a: &Assessment) -> Evaluation {
    let reg = reg();
    evaluate(a, &packs(&reg, &["sme.2022"]), as_of())
}

// ───────────────────────────── sub-minimums and direct routes ─────────────────────────────

#[test]
fn a_block_below_its_sub_minimum_fails_the_score_despite_a_total_over_60() {
    let ev = eval_2022(&innovative_sub_minimum());
    let tier = ev.tier("sme.2022.innovative").expect("innovative tier");
    let score = tier.score.as_ref().expect("innovative is scored");
    assert_eq!(score.total, 70.0, "blocks: {:?}", score.blocks);
    assert_eq!(score.potential, 70.0, "no input is missing");
    let block = |id: &str| {
        score
            .blocks
            .iter()
            .find(|b| b.id == id)
            .expect("block")
            .points
    };
    assert_eq!(block("innovation"), 10.0);
    assert_eq!(block("growth"), 30.0);
    assert_eq!(block("specialization"), 30.0);

    assert_eq!(criterion(&ev, "sme.2022.gate").outcome, Outcome::Met);
    let sc = criterion(&ev, "sme.2022.innovative.score");
    assert_eq!(sc.outcome, Outcome::NotMet);
    let total = sc
        .checks
        .iter()
        .find(|c| c.subject == "score")
        .expect("total check");
    assert_eq!(total.outcome, Outcome::Met, "the total itself passes");
    let inn = sc
        .checks
        .iter()
        .find(|c| c.subject == "score.innovation")
        .expect("innovation check");
    assert_eq!(inn.outcome, Outcome::NotMet);
    assert_eq!(inn.gap.map(|g| g.shortfall), Some(10.0));
    for sub in ["score.growth", "score.specialization"] {
        assert_eq!(
            sc.checks
                .iter()
                .find(|c| c.subject == sub)
                .map(|c| c.outcome),
            Some(Outcome::Met),
            "{sub}"
        );
    }
    for d in ["award", "title", "institution", "equity"] {
        assert_eq!(
            criterion(&ev, &format!("sme.2022.innovative.direct.{d}")).outcome,
            Outcome::NotMet,
            "{d}"
        );
    }
    assert_eq!(tier.verdict, Verdict::NotEligible);
    assert_eq!(tier.route, None);

    // Control: lifting 创新能力 to exactly 20 (self-developed Ⅰ类 IP → 15) passes by score.
    let mut a = innovative_sub_minimum();
    a.ip.class1 = Some(1);
    a.ip.class1_self = Some(1);
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.innovative.score").outcome,
        Outcome::Met
    );
    assert_eq!(verdict(&ev, "sme.2022.innovative"), Verdict::Eligible);
    assert_eq!(
        ev.tier("sme.2022.innovative")
            .and_then(|t| t.route.as_deref()),
        Some("score")
    );
}

#[test]
fn each_direct_route_alone_makes_innovative_eligible_and_is_named() {
    type Setup = fn(&mut Assessment);
    let cases: [(&str, Setup); 4] = [
        ("direct.award", |a| {
            a.awards.push(Award {
                name: "省科技进步奖".into(),
                level: AwardLevel::Provincial,
                year: 2023,
                unit_rank: 7,
            });
        }),
        ("direct.title", |a| {
            a.titles.push(TitleHeld {
                kind: TitleKind::HighTech,
                since: Some(date(2023, 11, 1)),
                valid_until: Some(date(2026, 10, 31)),
            });
        }),
        ("direct.institution", |a| {
            a.conditions.institutions.push(Institution {
                name: "江西省企业技术中心".into(),
                kind: InstitutionKind::TechCenter,
                level: InstitutionLevel::Provincial,
                year: Some(2023),
                ..Institution::default()
            });
        }),
        ("direct.equity", |a| {
            // 300 (2024) + 0 (2023) + 200 (2022) = 500: exactly the floor, over three years.
            year_mut(a, 2024).equity_new = Some(300.0);
            year_mut(a, 2022).equity_new = Some(200.0);
        }),
    ];
    for (route, setup) in cases {
        let mut a = innovative_sub_minimum();
        setup(&mut a);
        let ev = eval_2022(&a);
        assert_eq!(
            criterion(&ev, "sme.2022.innovative.score").outcome,
            Outcome::NotMet,
            "{route}: the score still fails"
        );
        for other in [
            "direct.award",
            "direct.title",
            "direct.institution",
            "direct.equity",
        ] {
            let want = if other == route {
                Outcome::Met
            } else {
                Outcome::NotMet
            };
            assert_eq!(
                criterion(&ev, &format!("sme.2022.innovative.{other}")).outcome,
                want,
                "{route}: {other}"
            );
        }
        let tier = ev.tier("sme.2022.innovative").expect("tier");
        assert_eq!(tier.verdict, Verdict::Eligible, "{route}");
        assert_eq!(tier.route.as_deref(), Some(route));
        assert!(
            tier.blocking.is_empty(),
            "{route}: nothing blocks an eligible tier: {:?}",
            tier.blocking
        );
    }
}

#[test]
fn equity_two_years_are_not_enough_for_the_three_year_route() {
    let mut a = innovative_sub_minimum();
    year_mut(&mut a, 2024).equity_new = Some(300.0);
    year_mut(&mut a, 2023).equity_new = Some(199.0);
    let ev = eval_2022(&a);
    let c = criterion(&ev, "sme.2022.innovative.direct.equity");
    assert_eq!(c.outcome, Outcome::NotMet);
    assert_eq!(c.checks[0].value, Some(Value::Num(499.0)));
    assert_eq!(
        c.checks[0].gap.map(|g| (g.shortfall, g.unit)),
        Some((1.0, Unit::Wan))
    );
}

#[test]
fn an_expired_title_does_not_open_the_title_route() {
    let mut a = innovative_sub_minimum();
    a.titles.push(TitleHeld {
        kind: TitleKind::HighTech,
        since: Some(date(2022, 6, 1)),
        valid_until: Some(date(2025, 6, 29)),
    });
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.innovative.direct.title").outcome,
        Outcome::NotMet
    );
    assert_eq!(verdict(&ev, "sme.2022.innovative"), Verdict::NotEligible);
    // Valid through the as-of date itself: counts.
    a.titles[0].valid_until = Some(as_of());
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.innovative.direct.title").outcome,
        Outcome::Met
    );
    assert_eq!(
        criterion(&ev, "sme.2022.innovative.direct.title")
            .route
            .as_deref(),
        Some("high_tech")
    );
}

// ───────────────────────────── missing data ─────────────────────────────

/// Meets every tc.nat.2016 criterion as of 2025-06-30.
fn national_2016_ready() -> Assessment {
    let mut a = innovative_sub_minimum();
    {
        let y = year_mut(&mut a, 2024);
        y.rd_spend = Some(2000.0);
        y.rd_staff = Some(160);
    }
    a.conditions.equipment_value = Some(2500.0);
    a.conditions.institutions.push(Institution {
        name: "省级企业技术中心".into(),
        kind: InstitutionKind::TechCenter,
        level: InstitutionLevel::Provincial,
        year: Some(2020),
        ..Institution::default()
    });
    a.staff.tech_leader = Some(true);
    a.direction.mechanism = Some(true);
    a
}

#[test]
fn missing_data_gives_incomplete_and_names_the_exact_fields() {
    let reg = reg();
    let tc = packs(&reg, &["tc.nat.2016"]);
    let ev = evaluate(&national_2016_ready(), &tc, as_of());
    assert_eq!(
        verdict(&ev, "tc.nat.2016"),
        Verdict::Eligible,
        "control: the complete file passes"
    );

    let mut a = national_2016_ready();
    year_mut(&mut a, 2024).rd_spend = None;
    let ev = evaluate(&a, &tc, as_of());
    let c = criterion(&ev, "tc.nat.2016.rd_spend");
    assert_eq!(c.outcome, Outcome::Missing);
    assert_eq!(c.missing, vec!["years.2024.rd_spend".to_string()]);
    assert_eq!(verdict(&ev, "tc.nat.2016"), Verdict::Incomplete);
    // Only that criterion is affected.
    let others: Vec<_> = ev
        .tier("tc.nat.2016")
        .expect("tier")
        .criteria
        .iter()
        .filter(|c| !c.missing.is_empty())
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(others, vec!["tc.nat.2016.rd_spend".to_string()]);

    // A failure elsewhere outweighs the missing field: not eligible, not incomplete.
    a.conditions.equipment_value = Some(100.0);
    let ev = evaluate(&a, &tc, as_of());
    assert_eq!(verdict(&ev, "tc.nat.2016"), Verdict::NotEligible);

    // A ratio names both of its inputs' fields when both are empty.
    let mut a = innovative_sub_minimum();
    a.ip.class1 = Some(1);
    a.ip.class1_self = Some(1); // innovative by score (innovation 20) when complete
    {
        let y = year_mut(&mut a, 2024);
        y.rd_spend = None;
    }
    let ev = eval_2022(&a);
    let rd = criterion(&ev, "sme.2022.innovative.rd_ratio");
    assert_eq!(rd.outcome, Outcome::Missing);
    assert_eq!(rd.missing, vec!["years.2024.rd_spend".to_string()]);
    assert_eq!(rd.points, Some(0.0), "lower bound while missing");
    let score = criterion(&ev, "sme.2022.innovative.score");
    assert_eq!(
        score.outcome,
        Outcome::Missing,
        "15 of 20 in 创新能力 now, up to 35 if the field were filled"
    );
    assert!(
        score.missing.iter().any(|m| m == "years.2024.rd_spend"),
        "{:?}",
        score.missing
    );
    assert_eq!(verdict(&ev, "sme.2022.innovative"), Verdict::Incomplete);

    year_mut(&mut a, 2024).revenue = None;
    let ev = eval_2022(&a);
    let rd = criterion(&ev, "sme.2022.innovative.rd_ratio");
    assert_eq!(
        rd.missing,
        vec![
            "years.2024.rd_spend".to_string(),
            "years.2024.revenue".to_string()
        ]
    );
}

#[test]
fn a_met_criterion_never_lists_missing_fields_of_an_unused_alternative() {
    let mut a = innovative_sub_minimum();
    // Specialized score (四): the provincial award route holds; the score, 2-year R&D average
    // and equity routes all lack data.
    a.awards.push(Award {
        name: "省科技进步奖".into(),
        level: AwardLevel::Provincial,
        year: 2024,
        unit_rank: 2,
    });
    for y in [2024, 2023, 2022] {
        year_mut(&mut a, y).equity_new = None;
    }
    year_mut(&mut a, 2023).rd_spend = None;
    // Municipal template: equipment holds, R&D space is empty.
    a.conditions.equipment_value = Some(50.0);
    a.conditions.rd_space_m2 = None;
    let reg = reg();
    let ev = evaluate(&a, &packs(&reg, &["sme.2022", "tc.city.template"]), as_of());

    let s = criterion(&ev, "sme.2022.specialized.score");
    assert_eq!(s.outcome, Outcome::Met);
    assert_eq!(s.route.as_deref(), Some("prov_award_top3"));
    assert!(
        s.missing.is_empty(),
        "unused alternatives leak missing fields: {:?}",
        s.missing
    );

    let c = criterion(&ev, "tc.city.template.conditions");
    assert_eq!(c.outcome, Outcome::Met);
    assert_eq!(c.route.as_deref(), Some("equipment"));
    assert!(c.missing.is_empty(), "{:?}", c.missing);

    // And generally: no met criterion anywhere lists missing fields.
    let leaks: Vec<_> = ev
        .tiers
        .iter()
        .flat_map(|t| &t.criteria)
        .filter(|c| c.outcome == Outcome::Met && !c.missing.is_empty())
        .map(|c| format!("{}: {:?}", c.id, c.missing))
        .collect();
    assert!(leaks.is_empty(), "{leaks:?}");

    // The same alternatives, all without data and none met: the missing fields are named.
    a.awards.clear();
    let ev = evaluate(&a, &packs(&reg, &["sme.2022"]), as_of());
    let s = criterion(&ev, "sme.2022.specialized.score");
    assert_eq!(s.outcome, Outcome::Missing);
    for f in ["years.2024.equity_new", "years.2023.rd_spend"] {
        assert!(
            s.missing.iter().any(|m| m == f),
            "{f} not in {:?}",
            s.missing
        );
    }
}

// ───────────────────────────── as-of switching ─────────────────────────────

fn pack_ids(ev: &Evaluation) -> Vec<String> {
    ev.packs.iter().map(|p| p.id.clone()).collect()
}

#[test]
fn the_as_of_date_picks_the_packs_in_force() {
    let reg = reg();
    let mut a = national_2016_ready();
    // Give both evaluation dates a Y−1: 2024 for 2025-06-30, 2025 for 2026-06-30.
    let y2024 = a.year(2024).cloned().expect("2024");
    a.years.push(innocheck::model::FiscalYear {
        year: 2025,
        ..y2024
    });

    let d1 = date(2025, 6, 30);
    let d2 = date(2026, 6, 30);
    let ev1 = evaluate(&a, &reg.in_force(d1), d1);
    let ev2 = evaluate(&a, &reg.in_force(d2), d2);
    let (p1, p2) = (pack_ids(&ev1), pack_ids(&ev2));
    for id in ["tc.nat.2016", "sme.2022"] {
        assert!(
            p1.contains(&id.to_string()),
            "{id} in force on {d1}: {p1:?}"
        );
        assert!(
            !p2.contains(&id.to_string()),
            "{id} not in force on {d2}: {p2:?}"
        );
    }
    for id in ["tc.nat.2026", "sme.2026"] {
        assert!(
            !p1.contains(&id.to_string()),
            "{id} not in force on {d1}: {p1:?}"
        );
        assert!(
            p2.contains(&id.to_string()),
            "{id} in force on {d2}: {p2:?}"
        );
    }
    assert!(ev1.tier("tc.nat.2016").is_some() && ev1.tier("tc.nat.2026").is_none());
    assert!(ev2.tier("tc.nat.2026").is_some() && ev2.tier("tc.nat.2016").is_none());
    assert!(
        ev1.tier("sme.2022.innovative").is_some() && ev2.tier("sme.2026.tech_innovative").is_some()
    );
    // Y−1 moves with the date.
    assert_eq!(
        criterion(&ev1, "tc.nat.2016.rd_spend").checks[0].year,
        Some(2024)
    );
    assert_eq!(
        criterion(&ev2, "tc.nat.2026.rd_spend").checks[0].year,
        Some(2025)
    );

    // Edges of the ranges.
    let ids = |d: NaiveDate| {
        reg.in_force(d)
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    };
    assert!(ids(date(2026, 1, 31)).contains(&"tc.nat.2016".into()));
    assert!(!ids(date(2026, 1, 31)).contains(&"tc.nat.2026".into()));
    assert!(ids(date(2026, 2, 1)).contains(&"tc.nat.2026".into()));
    assert!(!ids(date(2026, 2, 1)).contains(&"tc.nat.2016".into()));
    assert!(ids(date(2026, 3, 31)).contains(&"sme.2022".into()));
    assert!(!ids(date(2026, 3, 31)).contains(&"sme.2026".into()));
    assert!(ids(date(2026, 4, 1)).contains(&"sme.2026".into()));
    assert!(!ids(date(2026, 4, 1)).contains(&"sme.2022".into()));
}

#[test]
fn national_thresholds_differ_between_2016_and_2026() {
    let reg = reg();
    let a = national_2016_ready(); // 2000 万 R&D in 2024, 2500 万 equipment
    let ev = evaluate(&a, &packs(&reg, &["tc.nat.2016", "tc.nat.2026"]), as_of());
    assert_eq!(criterion(&ev, "tc.nat.2016.rd_spend").outcome, Outcome::Met);
    let c = criterion(&ev, "tc.nat.2026.rd_spend");
    assert_eq!(c.outcome, Outcome::NotMet);
    let g = c.checks[0].gap.expect("gap");
    assert_eq!(
        (g.shortfall, g.unit, g.decrease),
        (1000.0, Unit::Wan, false)
    );
    assert_eq!(c.checks[0].threshold, Some(Value::Num(3000.0)));
    assert_eq!(
        criterion(&ev, "tc.nat.2016.equipment").outcome,
        Outcome::Met
    );
    assert_eq!(
        criterion(&ev, "tc.nat.2026.equipment").outcome,
        Outcome::NotMet
    );
    assert_eq!(verdict(&ev, "tc.nat.2016"), Verdict::Eligible);
    assert_eq!(verdict(&ev, "tc.nat.2026"), Verdict::NotEligible);
    // 2016 requires 2 years as a provincial center; 2026 does not.
    assert!(
        ev.tier("tc.nat.2016")
            .and_then(|t| t.criterion("tc.nat.2016.provincial_years"))
            .is_some()
    );
    assert!(
        ev.tier("tc.nat.2026")
            .expect("tier")
            .criteria
            .iter()
            .all(|c| !c.id.contains("provincial"))
    );
}

// ───────────────────────────── prerequisites ─────────────────────────────

#[test]
fn specialized_needs_innovative_by_valid_title_or_computed_verdict() {
    let base = innovative_sub_minimum(); // innovative: not eligible
    let ev = eval_2022(&base);
    assert_eq!(verdict(&ev, "sme.2022.innovative"), Verdict::NotEligible);
    assert_eq!(
        criterion(&ev, "sme.2022.specialized.prereq").outcome,
        Outcome::NotMet
    );

    // An expired title does not count …
    let mut a = base.clone();
    a.titles.push(TitleHeld {
        kind: TitleKind::InnovativeSme,
        since: Some(date(2022, 6, 1)),
        valid_until: Some(date(2025, 5, 31)),
    });
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.specialized.prereq").outcome,
        Outcome::NotMet
    );
    // … a title not yet granted on the as-of date does not count …
    a.titles[0] = TitleHeld {
        kind: TitleKind::InnovativeSme,
        since: Some(date(2025, 7, 1)),
        valid_until: Some(date(2028, 6, 30)),
    };
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.specialized.prereq").outcome,
        Outcome::NotMet
    );
    // … a valid one does.
    a.titles[0] = TitleHeld {
        kind: TitleKind::InnovativeSme,
        since: Some(date(2024, 6, 1)),
        valid_until: Some(date(2027, 5, 31)),
    };
    let ev = eval_2022(&a);
    assert_eq!(
        verdict(&ev, "sme.2022.innovative"),
        Verdict::NotEligible,
        "the title does not change the computed tier"
    );
    assert_eq!(
        criterion(&ev, "sme.2022.specialized.prereq").outcome,
        Outcome::Met
    );

    // The computed innovative verdict satisfies it as well.
    let mut a = base.clone();
    a.ip.class1 = Some(1);
    a.ip.class1_self = Some(1);
    let ev = eval_2022(&a);
    assert_eq!(verdict(&ev, "sme.2022.innovative"), Verdict::Eligible);
    assert_eq!(
        criterion(&ev, "sme.2022.specialized.prereq").outcome,
        Outcome::Met
    );

    // A title of another kind does not.
    let mut a = base;
    a.titles.push(TitleHeld {
        kind: TitleKind::TechSme,
        since: None,
        valid_until: None,
    });
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.specialized.prereq").outcome,
        Outcome::NotMet
    );
}

#[test]
fn giant_needs_specialized() {
    let a = innovative_sub_minimum(); // specialized fails (R&D ratio 1.5 % < 3 %)
    let ev = eval_2022(&a);
    assert_eq!(verdict(&ev, "sme.2022.specialized"), Verdict::NotEligible);
    let c = criterion(&ev, "sme.2022.giant.prereq");
    assert_eq!(c.outcome, Outcome::NotMet);
    assert!(
        ev.tier("sme.2022.giant")
            .expect("giant")
            .blocking
            .iter()
            .any(|m| m == "sme.2022.giant.prereq")
    );

    let mut a = a;
    a.titles.push(TitleHeld {
        kind: TitleKind::Specialized,
        since: Some(date(2023, 1, 1)),
        valid_until: Some(date(2025, 12, 31)),
    });
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.giant.prereq").outcome,
        Outcome::Met
    );
    // An innovative title is not a specialized one.
    a.titles[0].kind = TitleKind::InnovativeSme;
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.giant.prereq").outcome,
        Outcome::NotMet
    );
}

// ───────────────────────────── SME size gate ─────────────────────────────

#[test]
fn a_large_firm_fails_the_gate_and_every_sme_tier() {
    let reg = reg();
    let both = packs(&reg, &["sme.2022", "sme.2026"]);
    let large = |staff: u32, revenue: f64| {
        let mut a = innovative_sub_minimum();
        // A valid high-tech title and a tech-SME title would open the direct routes.
        a.titles.push(TitleHeld {
            kind: TitleKind::HighTech,
            since: None,
            valid_until: None,
        });
        a.titles.push(TitleHeld {
            kind: TitleKind::TechSme,
            since: None,
            valid_until: None,
        });
        let y = year_mut(&mut a, 2024);
        y.staff_total = Some(staff);
        y.revenue = Some(revenue);
        y.main_revenue = Some(revenue * 0.8);
        a
    };
    let ev = evaluate(&large(1000, 40000.0), &both, as_of());
    for gate in ["sme.2022.gate", "sme.2026.gate"] {
        let g = criterion(&ev, gate);
        assert_eq!(g.outcome, Outcome::NotMet, "{gate}");
        let sme = g
            .checks
            .iter()
            .find(|c| c.subject == "is_sme")
            .expect("is_sme check");
        assert_eq!(
            (sme.value, sme.outcome),
            (Some(Value::Flag(false)), Outcome::NotMet)
        );
    }
    let sme_tiers: Vec<_> = ev
        .tiers
        .iter()
        .filter(|t| t.programme == Programme::QualitySme)
        .collect();
    assert_eq!(sme_tiers.len(), 6, "three tiers in each pack");
    for t in sme_tiers {
        assert_eq!(t.verdict, Verdict::NotEligible, "{}", t.id);
    }
    assert_eq!(
        ev.progress
            .iter()
            .find(|p| p.programme == Programme::QualitySme)
            .and_then(|p| p.reached.clone()),
        None
    );

    // Either figure under its line keeps the firm an SME (工业: < 1000 staff OR < 40000 万).
    for (staff, revenue) in [(999, 50000.0), (1000, 39999.0)] {
        let ev = evaluate(&large(staff, revenue), &both, as_of());
        assert_eq!(
            criterion(&ev, "sme.2022.gate").outcome,
            Outcome::Met,
            "{staff} staff, {revenue} 万"
        );
        assert_eq!(
            verdict(&ev, "sme.2022.innovative"),
            Verdict::Eligible,
            "{staff} staff, {revenue} 万: direct.title"
        );
        assert_eq!(
            verdict(&ev, "sme.2026.tech_innovative"),
            Verdict::Eligible,
            "{staff} staff, {revenue} 万: tech SME"
        );
    }
}

// ───────────────────────────── gaps in units ─────────────────────────────

#[test]
fn rd_ratio_gap_comes_with_an_rd_spending_lever() {
    let mut a = innovative_sub_minimum();
    {
        let y = year_mut(&mut a, 2024);
        y.revenue = Some(10000.0);
        y.rd_spend = Some(240.0); // 2.4 %
    }
    let ev = eval_2022(&a);
    let c = criterion(&ev, "sme.2022.specialized.rd");
    assert_eq!(c.outcome, Outcome::NotMet);
    let spend = c
        .checks
        .iter()
        .find(|ch| ch.subject == "rd_spend")
        .expect("rd_spend check");
    assert_eq!(spend.outcome, Outcome::Met);
    let ratio = c
        .checks
        .iter()
        .find(|ch| ch.subject == "rd_ratio")
        .expect("rd_ratio check");
    assert_eq!(ratio.outcome, Outcome::NotMet);
    assert_eq!(ratio.year, Some(2024));
    let g = ratio.gap.expect("gap");
    assert_eq!(g.unit, Unit::Percent);
    assert!(
        (g.shortfall - 0.6).abs() < 1e-9,
        "shortfall {}",
        g.shortfall
    );
    let lever = g.lever.expect("lever");
    assert_eq!((lever.unit, lever.input), (Unit::Wan, LeverInput::RdSpend));
    assert!((lever.amount - 60.0).abs() < 1e-6, "lever {}", lever.amount);
}

#[test]
fn rd_staff_share_lever_counts_new_hires_in_both_counts() {
    let mut a = innovative_sub_minimum();
    {
        let y = year_mut(&mut a, 2024);
        y.staff_total = Some(1000);
        y.rd_staff = Some(10); // 1 % of 1000; 2 % needs (10 + x) / (1000 + x) ≥ 2 % → x = 11, not 10
        y.rd_staff_qualified = Some(10);
    }
    let reg = reg();
    let ev = evaluate(&a, &packs(&reg, &["tc.jx.ndrc.2024"]), as_of());
    let c = criterion(&ev, "tc.jx.ndrc.2024.rd_staff");
    let share = c
        .checks
        .iter()
        .find(|ch| ch.subject == "rd_staff_share")
        .expect("share check");
    assert_eq!(share.outcome, Outcome::NotMet);
    let lever = share.gap.and_then(|g| g.lever).expect("lever");
    assert_eq!(
        (lever.unit, lever.input),
        (Unit::Person, LeverInput::HireRdStaff)
    );
    assert_eq!(lever.amount, 11.0);
    assert!((10.0 + lever.amount) / (1000.0 + lever.amount) >= 0.02);
    assert!(
        (10.0 + lever.amount - 1.0) / (1000.0 + lever.amount - 1.0) < 0.02,
        "the lever is the smallest that works"
    );
    // The head-count floor (≥ 20) is a separate check, counted in persons.
    let count = c
        .checks
        .iter()
        .find(|ch| ch.subject == "rd_staff")
        .expect("count check");
    assert_eq!(
        count.gap.map(|g| (g.shortfall, g.unit)),
        Some((10.0, Unit::Person))
    );
}

// ───────────────────────────── five haves ─────────────────────────────

#[test]
fn five_haves_readiness_counts_numeric_criteria_as_capped_ratios() {
    let mut a = innovative_sub_minimum();
    {
        let y = year_mut(&mut a, 2024);
        y.rd_spend = Some(750.0); // 750 / 1500 = 0.5
        y.rd_staff = Some(75); // 75 / 150 = 0.5
    }
    a.conditions.equipment_value = Some(4000.0); // 4000 / 2000 = 2 → capped at 1
    a.conditions.institutions.push(Institution {
        name: "省级企业技术中心".into(),
        kind: InstitutionKind::TechCenter,
        level: InstitutionLevel::Provincial,
        year: Some(2024), // recognised 06/2024: 1 year to 2025-06-30, of 2 → 0.5
        month: Some(6),
        ..Institution::default()
    });
    a.staff.tech_leader = Some(true); // declared → 1
    a.direction.mechanism = Some(true); // declared → 1
    let reg = reg();
    let ev = evaluate(&a, &packs(&reg, &["tc.nat.2016"]), as_of());
    let haves = ev.five_haves(Some("tc.nat.2016")).expect("haves");
    assert_eq!(haves.len(), 5);
    let get = |h: Have| {
        let r = haves.iter().find(|x| x.have == h).expect("have");
        (r.readiness, r.met, r.total)
    };
    assert_eq!(get(Have::Funding), (Some(0.5), 0, 1));
    assert_eq!(get(Have::Staff), (Some(0.75), 1, 2));
    assert_eq!(
        get(Have::Conditions),
        (Some(0.75), 1, 2),
        "equipment capped at 1, provincial years 1/2"
    );
    assert_eq!(get(Have::Direction), (Some(1.0), 1, 1));
    assert_eq!(
        get(Have::Projects),
        (None, 0, 0),
        "tc.nat.2016 has no projects criterion"
    );
    assert!(
        haves.iter().all(|h| h.have != Have::Basis),
        "basis is not one of the five haves"
    );
    assert_eq!(criterion(&ev, "tc.nat.2016.equipment").progress, 1.0);
    assert_eq!(ev.target.as_deref(), Some("tc.nat.2016"));

    // A missing numeric input counts as 0 and is counted as missing.
    year_mut(&mut a, 2024).rd_spend = None;
    let ev = evaluate(&a, &packs(&reg, &["tc.nat.2016"]), as_of());
    let funding = ev
        .five_haves(Some("tc.nat.2016"))
        .expect("haves")
        .iter()
        .find(|x| x.have == Have::Funding)
        .cloned()
        .expect("funding");
    assert_eq!((funding.readiness, funding.missing), (Some(0.0), 1));
}

// ───────────────────────────── next-tier blockers ─────────────────────────────

/// Reaches the Jiangxi provincial tech center (省工信厅 track) as of 2025-06-30.
fn provincial_company() -> Assessment {
    let mut a = innovative_sub_minimum();
    {
        let y = year_mut(&mut a, 2024);
        y.revenue = Some(10000.0);
        y.main_revenue = Some(9000.0);
        y.rd_spend = Some(500.0);
        y.staff_total = Some(300);
        y.rd_staff = Some(30);
        y.rd_staff_qualified = Some(25);
    }
    a.conditions.equipment_value = Some(500.0);
    a.conditions.institutions.push(Institution {
        name: "南昌市企业技术中心".into(),
        kind: InstitutionKind::TechCenter,
        level: InstitutionLevel::Municipal,
        year: Some(2022),
        ..Institution::default()
    });
    a.direction.written_plan = Some(true);
    a.projects.push(Project {
        name: "新型传感器研发".into(),
        status: ProjectStatus::Ongoing,
        ..Project::default()
    });
    a.compliance.smuggling = None; // national compliance: missing
    a.staff.tech_leader = None; // national leader: review
    a.direction.mechanism = None; // national mechanism: review
    a
}

#[test]
fn next_tier_blockers_are_sorted_not_met_then_missing_then_review() {
    let reg = reg();
    let ev = evaluate(&provincial_company(), &reg.in_force(as_of()), as_of());
    assert_eq!(verdict(&ev, "tc.jx.miit.2020"), Verdict::Eligible);
    assert_eq!(verdict(&ev, "tc.city.template"), Verdict::Eligible);
    let p = ev
        .progress
        .iter()
        .find(|p| p.programme == Programme::TechCenter)
        .expect("tech-center progress");
    assert_eq!(p.reached.as_deref(), Some("tc.jx.miit.2020"));
    assert_eq!(p.reached_level, 2);
    let next: Vec<_> = p.next.iter().map(|n| n.tier.as_str()).collect();
    assert_eq!(
        next,
        vec!["tc.nat.2016"],
        "the national tier in force is the next rung"
    );
    let blockers = &p.next[0].blockers;
    let ids: Vec<_> = blockers.iter().map(|b| b.criterion.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "tc.nat.2016.rd_spend",
            "tc.nat.2016.rd_staff",
            "tc.nat.2016.equipment",
            "tc.nat.2016.provincial_years",
            "tc.nat.2016.compliance",
            "tc.nat.2016.leader",
            "tc.nat.2016.mechanism",
        ]
    );
    let outcomes: Vec<_> = blockers.iter().map(|b| b.outcome).collect();
    assert_eq!(
        outcomes,
        vec![
            Outcome::NotMet,
            Outcome::NotMet,
            Outcome::NotMet,
            Outcome::NotMet,
            Outcome::Missing,
            Outcome::Review,
            Outcome::Review
        ]
    );
    assert_eq!(
        blockers[4].missing,
        vec!["compliance.smuggling".to_string()]
    );
    let rd = &blockers[0];
    assert_eq!(rd.checks.len(), 1);
    assert_eq!(
        rd.checks[0].gap.map(|g| (g.shortfall, g.unit)),
        Some((1000.0, Unit::Wan))
    );
    let staff = &blockers[1];
    assert_eq!(
        staff.checks[0].gap.map(|g| (g.shortfall, g.unit)),
        Some((120.0, Unit::Person))
    );
    assert_eq!(ev.target.as_deref(), Some("tc.nat.2016"));
}

// ───────────────────────────── determinism ─────────────────────────────

#[test]
fn evaluation_is_deterministic_and_independent_of_pack_order() {
    let reg = reg();
    let a = provincial_company();
    let mut ps = reg.in_force(as_of());
    let ev1 = evaluate(&a, &ps, as_of());
    let ev2 = evaluate(&a, &ps, as_of());
    assert_eq!(ev1, ev2);
    ps.reverse();
    let ev3 = evaluate(&a, &ps, as_of());
    assert_eq!(ev1, ev3, "pack order must not matter");
    let lang = innocheck::i18n::Lang::En;
    let j1 = innocheck::report::json::object("a.ron", &a, &[], &ev1, lang);
    let j3 = innocheck::report::json::object("a.ron", &a, &[], &ev3, lang);
    assert_eq!(j1, j3);
    let (s1, s3) = (
        serde_json::to_string(&j1).expect("json"),
        serde_json::to_string(&j3).expect("json"),
    );
    assert_eq!(s1, s3);
    assert!(s1.contains("\"tc.nat.2016.rd_spend\""));
    assert_eq!(
        ev1.tiers.len(),
        reg.in_force(as_of())
            .iter()
            .map(|p| p.tiers.len())
            .sum::<usize>()
    );
}

// ───────────────────────────── windows and propagation ─────────────────────────────

#[test]
fn an_award_older_than_three_years_does_not_count() {
    let mut a = innovative_sub_minimum();
    a.awards.push(Award {
        name: "省科技进步奖".into(),
        level: AwardLevel::Provincial,
        year: 2021,
        unit_rank: 1,
    });
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.innovative.direct.award").outcome,
        Outcome::NotMet
    );
    a.awards[0].year = 2022;
    let ev = eval_2022(&a);
    assert_eq!(
        criterion(&ev, "sme.2022.innovative.direct.award").outcome,
        Outcome::Met
    );
}

#[test]
fn an_incomplete_prerequisite_tier_makes_the_prerequisite_missing_with_its_fields() {
    let mut a = innovative_sub_minimum();
    a.ip.class1 = Some(1);
    a.ip.class1_self = Some(1);
    year_mut(&mut a, 2024).rd_spend = None;
    let ev = eval_2022(&a);
    assert_eq!(verdict(&ev, "sme.2022.innovative"), Verdict::Incomplete);
    let p = criterion(&ev, "sme.2022.specialized.prereq");
    assert_eq!(p.outcome, Outcome::Missing);
    assert!(
        p.missing.iter().any(|m| m == "years.2024.rd_spend"),
        "{:?}",
        p.missing
    );
    // A valid title settles it regardless.
    a.titles.push(TitleHeld {
        kind: TitleKind::InnovativeSme,
        since: None,
        valid_until: Some(date(2026, 1, 1)),
    });
    let ev = eval_2022(&a);
    let p = criterion(&ev, "sme.2022.specialized.prereq");
    assert_eq!((p.outcome, p.missing.len()), (Outcome::Met, 0));
}

#[test]
fn a_route_whose_condition_lacks_data_is_missing_and_names_it() {
    // tc.jx.ndrc.2024.revenue: the 主营 route applies to non-construction firms, the
    // 营业收入 route to construction firms; without an industry neither can be chosen.
    let mut a = provincial_company();
    a.company.industry = None;
    let reg = reg();
    let ev = evaluate(&a, &packs(&reg, &["tc.jx.ndrc.2024"]), as_of());
    let c = criterion(&ev, "tc.jx.ndrc.2024.revenue");
    assert_eq!(c.outcome, Outcome::Missing);
    assert_eq!(c.missing, vec!["company.industry".to_string()]);
    // A construction firm is held to 20 亿 of 营业收入, not 8000 万 of 主营.
    a.company.industry = Some(Industry::Construction);
    let ev = evaluate(&a, &packs(&reg, &["tc.jx.ndrc.2024"]), as_of());
    let c = criterion(&ev, "tc.jx.ndrc.2024.revenue");
    assert_eq!(c.outcome, Outcome::NotMet);
    let check = c
        .checks
        .iter()
        .find(|ch| ch.subject == "revenue")
        .expect("revenue check");
    assert_eq!(check.threshold, Some(Value::Num(200_000.0)));
}

/// criteria.md §1: a qualitative declaration pending inside a score is
/// `review`, names the field to declare and the points that hang on it.
#[test]
fn a_pending_declaration_in_a_score_is_review_with_its_points() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/ganpo-smart.ron"),
    )
    .expect("sample")
    .replace("key_chain_link: Some(false),", "key_chain_link: None,");
    let a = innocheck::storage::load_bytes(text.as_bytes(), "ganpo.ron")
        .expect("loads")
        .assessment;
    let reg = reg();
    let ev = evaluate(&a, &packs(&reg, &["sme.2022"]), as_of());
    let c = criterion(&ev, "sme.2022.specialized.score.field");
    // 补短板 no (5), 六基 / 老字号 no, key-chain link undeclared (3): 0 now, 3 pending.
    assert_eq!(c.outcome, Outcome::Review);
    assert_eq!(c.points, Some(0.0));
    assert_eq!(c.points_upper, Some(3.0));
    assert!(
        c.missing
            .iter()
            .any(|m| m == "direction.fields.key_chain_link"),
        "{:?}",
        c.missing
    );
    let blocker = ev
        .progress
        .iter()
        .flat_map(|p| &p.next)
        .flat_map(|n| &n.blockers)
        .find(|b| b.criterion == "sme.2022.specialized.score.field")
        .expect("a next step");
    assert_eq!(blocker.points_gain, Some(3.0));
}
