//! Derived metrics (criteria.md §3): formulas, years, and "missing, never 0".

use chrono::NaiveDate;
use innocheck::metrics::{LeverInput, Metric, Metrics, SmeSize, Unit, Value};
use innocheck::model::{
    Assessment, Company, FiscalYear, Industry, Institution, InstitutionKind, InstitutionLevel,
};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
}

fn year(y: i32, revenue: f64, main: f64, rd: f64) -> FiscalYear {
    FiscalYear {
        year: y,
        revenue: Some(revenue),
        main_revenue: Some(main),
        rd_spend: Some(rd),
        ..FiscalYear::default()
    }
}

fn company() -> Assessment {
    let mut a = Assessment {
        as_of: Some(as_of()),
        ..Assessment::default()
    };
    a.years = vec![
        FiscalYear {
            net_profit: Some(500.0),
            total_assets: Some(20000.0),
            total_liabilities: Some(11000.0),
            staff_total: Some(400),
            rd_staff: Some(40),
            rd_staff_qualified: Some(30),
            equity_new: Some(300.0),
            new_product_sales: Some(2500.0),
            lead_product_sales: Some(6000.0),
            ..year(2024, 10000.0, 8800.0, 240.0)
        },
        FiscalYear {
            equity_new: Some(0.0),
            ..year(2023, 9000.0, 8000.0, 200.0)
        },
        FiscalYear {
            equity_new: Some(250.0),
            ..year(2022, 6400.0, 6400.0, 150.0)
        },
    ];
    a
}

fn num(m: &Metrics, metric: Metric, year: Option<u8>) -> f64 {
    match m.value(metric, year) {
        Ok(Value::Num(v)) => v,
        other => panic!("{metric:?}: {other:?}"),
    }
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn ratios_follow_the_definitions() {
    let a = company();
    let m = Metrics::new(&a, as_of());
    close(num(&m, Metric::RdRatio, Some(1)), 2.4);
    close(
        num(&m, Metric::RdRatioMain, Some(1)),
        240.0 / 8800.0 * 100.0,
    );
    close(num(&m, Metric::MainShare, Some(1)), 88.0);
    close(num(&m, Metric::MainGrowth, Some(1)), 10.0);
    close(num(&m, Metric::MainGrowth, Some(2)), 25.0);
    close(num(&m, Metric::AvgMainGrowth2y, None), 17.5);
    close(num(&m, Metric::RevenueCagr2y, None), 25.0); // (10000/6400)^0.5 = 1.25
    close(num(&m, Metric::DebtRatio, Some(1)), 55.0);
    close(num(&m, Metric::NetMargin, Some(1)), 5.0);
    close(num(&m, Metric::RdStaffShare, Some(1)), 10.0);
    close(num(&m, Metric::RdStaffQualifiedShare, Some(1)), 75.0);
    close(num(&m, Metric::RdSpendPerRdStaff, Some(1)), 6.0);
    close(num(&m, Metric::NewProductShare, Some(1)), 25.0);
    close(num(&m, Metric::LeadProductShare, Some(1)), 60.0);
    close(num(&m, Metric::RdTotal2y, None), 440.0);
    close(num(&m, Metric::RdAvg2y, None), 220.0);
    close(num(&m, Metric::Equity2y, None), 300.0);
    close(num(&m, Metric::Equity3y, None), 550.0);
}

#[test]
fn year_offsets_follow_the_as_of_date() {
    let a = company();
    // As of early 2024, Y−1 is 2023.
    let m = Metrics::new(&a, NaiveDate::from_ymd_opt(2024, 3, 1).expect("date"));
    assert_eq!(m.calendar_year(1), 2023);
    close(num(&m, Metric::RdRatio, Some(1)), 200.0 / 9000.0 * 100.0);
    // Y−3 would be 2021, which is not entered: missing, naming the field.
    let err = m
        .value(Metric::RevenueCagr2y, None)
        .expect_err("2021 is missing");
    assert_eq!(err.fields, vec!["years.2021.revenue".to_string()]);
}

#[test]
fn an_empty_input_is_missing_never_zero() {
    let mut a = company();
    a.years[0].rd_spend = None;
    let m = Metrics::new(&a, as_of());
    for metric in [
        Metric::RdSpend,
        Metric::RdRatio,
        Metric::RdRatioMain,
        Metric::RdSpendPerRdStaff,
    ] {
        let err = m.value(metric, Some(1)).expect_err("missing");
        assert_eq!(
            err.fields,
            vec!["years.2024.rd_spend".to_string()],
            "{metric:?}"
        );
    }
    let err = m.value(Metric::RdTotal2y, None).expect_err("missing");
    assert_eq!(err.fields, vec!["years.2024.rd_spend".to_string()]);
    // Both inputs empty: both fields named.
    a.years[0].revenue = None;
    let m = Metrics::new(&a, as_of());
    let err = m.value(Metric::RdRatio, Some(1)).expect_err("missing");
    assert_eq!(
        err.fields,
        vec![
            "years.2024.rd_spend".to_string(),
            "years.2024.revenue".to_string()
        ]
    );
    // Flags and counts too.
    assert!(m.value(Metric::OwnBrand, None).is_err());
    assert!(m.value(Metric::Ip1, None).is_err());
    assert!(m.value(Metric::YearsInNiche, None).is_err());
}

#[test]
fn invalid_inputs_count_as_missing() {
    let mut a = company();
    a.years[0].revenue = Some(-5.0);
    a.years[1].revenue = Some(f64::NAN);
    a.years[2].revenue = Some(1e308);
    let m = Metrics::new(&a, as_of());
    for back in 1..=3 {
        assert!(m.value(Metric::Revenue, Some(back)).is_err(), "Y−{back}");
    }
    // A negative profit is a real value, not an error.
    a.years[0].net_profit = Some(-120.0);
    let m = Metrics::new(&a, as_of());
    close(num(&m, Metric::NetProfit, Some(1)), -120.0);
}

#[test]
fn a_zero_denominator_is_missing_not_infinite() {
    let mut a = company();
    a.years[0].revenue = Some(0.0);
    let m = Metrics::new(&a, as_of());
    let err = m
        .value(Metric::RdRatio, Some(1))
        .expect_err("undefined ratio");
    assert_eq!(err.fields, vec!["years.2024.revenue".to_string()]);
}

#[test]
fn sme_size_follows_the_2011_standard() {
    let mut a = company();
    a.company = Company {
        industry: Some(Industry::Industrial),
        ..Company::default()
    };
    let size = |a: &Assessment| Metrics::new(a, as_of()).sme_size();
    // 400 staff and 10000 万: medium.
    assert_eq!(size(&a), Ok(SmeSize::Medium));
    // 1000 staff and 40000 万: large (both thresholds reached).
    a.years[0].staff_total = Some(1000);
    a.years[0].revenue = Some(40000.0);
    assert_eq!(size(&a), Ok(SmeSize::Large));
    // 1000 staff but 39999 万: still an SME ("or").
    a.years[0].revenue = Some(39999.0);
    assert_eq!(size(&a), Ok(SmeSize::Medium));
    // Software: 300 staff and 10000 万 is large.
    a.company.industry = Some(Industry::Software);
    a.years[0].staff_total = Some(300);
    a.years[0].revenue = Some(10000.0);
    assert_eq!(size(&a), Ok(SmeSize::Large));
    a.years[0].staff_total = Some(50);
    a.years[0].revenue = Some(800.0);
    assert_eq!(size(&a), Ok(SmeSize::Small));
    // No industry: missing.
    a.company.industry = None;
    assert_eq!(
        size(&a).map_err(|m| m.fields.iter().map(ToString::to_string).collect::<Vec<_>>()),
        Err(vec!["company.industry".to_string()])
    );
}

#[test]
fn levers_translate_ratio_gaps_into_inputs() {
    let a = company();
    let m = Metrics::new(&a, as_of());
    // rd_ratio 2.4 % → 3 % of 10000 万: +60 万元.
    let l = m
        .lever(Metric::RdRatio, Some(1), 3.0, false)
        .expect("lever");
    assert_eq!((l.input, l.unit), (LeverInput::RdSpend, Unit::Wan));
    close(l.amount, 60.0);
    // rd_staff_share 10 % → 20 %: hires raise both counts: (40 + x)/(400 + x) ≥ 0.2 → x = 50.
    let l = m
        .lever(Metric::RdStaffShare, Some(1), 20.0, false)
        .expect("lever");
    assert_eq!(l.input, LeverInput::HireRdStaff);
    close(l.amount, 50.0);
    // debt_ratio 55 % → 50 %: liabilities − 0.5 × 20000 = 1000 万元 less.
    let l = m
        .lever(Metric::DebtRatio, Some(1), 50.0, false)
        .expect("lever");
    assert_eq!(l.input, LeverInput::ReduceLiabilities);
    close(l.amount, 1000.0);
    // Already above the target: no lever.
    assert!(m.lever(Metric::RdRatio, Some(1), 2.0, false).is_none());
}

#[test]
fn tech_center_years_count_from_recognition() {
    let mut a = company();
    a.conditions.institutions = vec![
        Institution {
            name: "省级企业技术中心".into(),
            kind: InstitutionKind::TechCenter,
            level: InstitutionLevel::Provincial,
            year: Some(2019),
            ..Institution::default()
        },
        Institution {
            name: "重点实验室".into(),
            kind: InstitutionKind::KeyLab,
            level: InstitutionLevel::National,
            year: Some(2024),
            ..Institution::default()
        },
    ];
    let m = Metrics::new(&a, as_of());
    // Recognised in 2019, month unknown, as of 2025-06-30: between 5.5 years
    // (December 2019) and 6.4 years (January 2019), in whole months.
    for metric in [Metric::ProvincialTcYears, Metric::MunicipalTcYears] {
        match m.value(metric, None) {
            Ok(Value::Span(s)) => {
                close(s.min, 5.5);
                close(s.max, 77.0 / 12.0);
            }
            other => panic!("{metric:?}: {other:?}"),
        }
    }
    // With the month: 03/2019 → 6 years and 3 months.
    a.conditions.institutions[0].month = Some(3);
    let m = Metrics::new(&a, as_of());
    close(num(&m, Metric::ProvincialTcYears, None), 6.25);
    close(num(&m, Metric::InstitutionLevel, None), 4.0);
    assert_eq!(
        m.value(Metric::NotProvincialTc, None),
        Ok(Value::Flag(false))
    );
}

#[test]
fn every_metric_has_a_unit_and_names() {
    for m in Metric::ALL {
        assert!(!m.zh().is_empty() && !m.en().is_empty() && !m.id().is_empty());
        let _ = m.unit();
    }
    let mut ids: Vec<&str> = Metric::ALL.iter().map(|m| m.id()).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "metric ids are unique");
}

#[test]
fn one_figure_below_its_threshold_settles_sme_status() {
    let mut a = company();
    a.company.industry = Some(Industry::Industrial);
    // Staff unknown, revenue 10000 万 < 40000 万: an SME whatever the staff.
    a.years[0].staff_total = None;
    let m = Metrics::new(&a, as_of());
    assert_eq!(m.value(Metric::IsSme, None), Ok(Value::Flag(true)));
    // Revenue at 40000 万 and staff unknown: cannot tell.
    a.years[0].revenue = Some(40000.0);
    let m = Metrics::new(&a, as_of());
    let err = m.value(Metric::IsSme, None).expect_err("undecided");
    assert_eq!(err.fields, vec!["years.2024.staff_total".to_string()]);
    // Both reached: large.
    a.years[0].staff_total = Some(1200);
    let m = Metrics::new(&a, as_of());
    assert_eq!(m.value(Metric::IsSme, None), Ok(Value::Flag(false)));
}

#[test]
fn a_tech_center_without_its_year_is_missing_not_zero_years() {
    let mut a = company();
    a.conditions.institutions = vec![Institution {
        name: "市级企业技术中心".into(),
        kind: InstitutionKind::TechCenter,
        level: InstitutionLevel::Municipal,
        year: None,
        ..Institution::default()
    }];
    let m = Metrics::new(&a, as_of());
    let err = m
        .value(Metric::MunicipalTcYears, None)
        .expect_err("year missing");
    assert_eq!(
        err.fields,
        vec!["conditions.institutions.0.year".to_string()]
    );
    // No provincial center at all: a real zero.
    close(num(&m, Metric::ProvincialTcYears, None), 0.0);
}

#[test]
fn fields_map_to_the_criteria_that_read_them() {
    use innocheck::metrics::field_matches;
    use innocheck::rules::{Registry, criteria_reading};
    assert!(field_matches("years.*.rd_spend", "years.2024.rd_spend"));
    assert!(!field_matches("years.*.rd_spend", "years.2024.revenue"));
    assert!(field_matches(
        "conditions.institutions",
        "conditions.institutions.0.year"
    ));
    assert!(!field_matches("conditions.institutions.0", "conditions"));
    let reg = Registry::bundled().expect("packs");
    let packs: Vec<_> = reg.packs().iter().collect();
    let ids: Vec<String> = criteria_reading(&packs, "years.2024.rd_spend")
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert!(ids.contains(&"tc.nat.2016.rd_spend".to_string()), "{ids:?}");
    assert!(
        ids.contains(&"sme.2022.innovative.rd_ratio".to_string()),
        "{ids:?}"
    );
    assert!(!ids.contains(&"tc.nat.2016.rd_staff".to_string()));
    // Every metric names at least one input.
    for m in Metric::ALL {
        assert!(!m.inputs().is_empty(), "{m:?}");
    }
}

/// A denominator too small to be a real amount (5e-324 万元) gives no figure:
/// the ratio is missing, never infinite and never met; validation names it.
#[test]
fn a_tiny_denominator_is_missing_and_flagged() {
    let mut a = company();
    a.years[0].revenue = Some(5e-324);
    let m = Metrics::new(&a, as_of());
    for metric in [Metric::RdRatio, Metric::MainShare, Metric::NetMargin] {
        let r = m.value(metric, Some(1));
        assert!(r.is_err(), "{metric:?}: {r:?}");
    }
    let issues = innocheck::model::validate(&a, as_of());
    assert!(
        issues.iter().any(|i| i.field == "years.2024.revenue"),
        "{issues:?}"
    );
    // A year far outside 1949..as-of is an error, and gives no duration.
    a.direction.niche_entry_year = Some(i32::MIN);
    let issues = innocheck::model::validate(&a, as_of());
    assert!(
        issues
            .iter()
            .any(|i| i.field == "direction.niche_entry_year")
    );
    let m = Metrics::new(&a, as_of());
    assert!(m.value(Metric::YearsInNiche, None).is_err());
}
