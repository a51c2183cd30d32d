//! Random assessments for property tests: every field drawn, text that
//! stresses escaping (CJK outside GB 2312, control characters, an astral
//! character), any finite number, 0–3 fiscal years in either order.

// Each test crate uses a part of these.
#![allow(dead_code)]

use chrono::NaiveDate;
use innocheck::model::{
    Assessment, Award, AwardLevel, City, Company, Compliance, Conditions, Direction, FieldFlags,
    FiscalYear, Industry, Institution, InstitutionKind, InstitutionLevel, IntellectualProperty,
    MakerChina, MakerResult, ManualScores, Project, ProjectKind, ProjectStatus, ProvincialTrack,
    Staff, Standards, TitleHeld, TitleKind,
};
use proptest::prelude::*;

// ---------------------------------------------------------------- strategies

/// Characters that stress the RON string escaping and the CJK range,
/// including characters outside GB 2312 (喆玥堃镕赟犇) and an astral one.
const SPECIAL: &[char] = &[
    '喆', '玥', '堃', '镕', '赟', '犇', '赣', '州', '稀', '土', '“', '”', '（', '）', '、', '—',
    '万', '元', '𠀋', '"', '\\', '\'', '\n', '\r', '\t', '\0', '\u{1b}', '\u{7f}', '\u{feff}',
    '\u{2028}', '#', '/', '*', '(', ')', '[', ']', ',', ':', ' ', 'r',
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(SPECIAL),
            2 => prop::char::range('\u{4e00}', '\u{9fff}'),
            2 => prop::char::range(' ', '~'),
            1 => any::<char>(),
        ],
        0..max,
    )
    .prop_map(String::from_iter)
}

/// Any finite f64, including subnormals, zeros and the extremes.
fn finite_f64() -> impl Strategy<Value = f64> {
    use prop::num::f64 as F;
    F::POSITIVE | F::NEGATIVE | F::NORMAL | F::SUBNORMAL | F::ZERO
}

/// Money in 万元: mostly plausible amounts, sometimes any finite number.
fn money() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        2 => Just(None),
        3 => (0.0..1.0e7f64).prop_map(Some),
        1 => (0u32..100_000).prop_map(|n| Some(f64::from(n))),
        1 => finite_f64().prop_map(Some),
    ]
}

/// Profits may be negative.
fn profit() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        1 => Just(None),
        3 => (-1.0e6..1.0e7f64).prop_map(Some),
        1 => finite_f64().prop_map(Some),
    ]
}

fn count() -> impl Strategy<Value = Option<u32>> {
    prop_oneof![
        Just(None),
        (0u32..5000).prop_map(Some),
        any::<u32>().prop_map(Some)
    ]
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    prop::option::of(any::<bool>())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1949i32..2100, 1u32..=366)
        .prop_filter_map("valid ordinal", |(y, d)| NaiveDate::from_yo_opt(y, d))
}

fn opt_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(date())
}

fn company() -> impl Strategy<Value = Company> {
    (
        text(40),
        prop_oneof![
            Just("91360702MA35B7KX1Q".to_string()),
            Just(String::new()),
            "[0-9A-HJ-NP-RTUW-Y]{18}",
            text(20),
        ],
        prop::option::of(prop::sample::select(City::ALL.to_vec())),
        prop::option::of(prop::sample::select(Industry::ALL.to_vec())),
        opt_date(),
        flag(),
        flag(),
    )
        .prop_map(
            |(
                name,
                uscc,
                city,
                industry,
                founded,
                independent_legal_person,
                products_permitted,
            )| {
                Company {
                    name,
                    uscc,
                    city,
                    industry,
                    founded,
                    independent_legal_person,
                    products_permitted,
                }
            },
        )
}

/// One fiscal year's figures; the calendar year is set by the caller.
fn fiscal_figures() -> impl Strategy<Value = FiscalYear> {
    (
        (money(), money(), profit(), profit(), money(), money()),
        (money(), money(), money(), money()),
        (count(), count(), count()),
    )
        .prop_map(
            |(
                (revenue, main_revenue, net_profit, total_profit, total_assets, total_liabilities),
                (rd_spend, new_product_sales, lead_product_sales, equity_new),
                (staff_total, rd_staff, rd_staff_qualified),
            )| FiscalYear {
                year: 0,
                revenue,
                main_revenue,
                net_profit,
                total_profit,
                total_assets,
                total_liabilities,
                rd_spend,
                new_product_sales,
                lead_product_sales,
                staff_total,
                rd_staff,
                rd_staff_qualified,
                equity_new,
                st_staff: rd_staff,
                hitech_revenue: main_revenue,
                total_income: revenue,
                rd_spend_domestic: rd_spend,
                total_costs: total_assets,
                conversions: rd_staff_qualified,
            },
        )
}

/// 0–3 fiscal years with distinct calendar years.
fn years() -> impl Strategy<Value = Vec<FiscalYear>> {
    (
        prop::collection::btree_set(-3000i32..3000, 0..=3),
        prop::collection::vec(fiscal_figures(), 3),
        any::<bool>(),
    )
        .prop_map(|(years, figures, newest_first)| {
            let mut v: Vec<FiscalYear> = years
                .into_iter()
                .zip(figures)
                .map(|(year, f)| FiscalYear { year, ..f })
                .collect();
            if newest_first {
                v.reverse();
            }
            v
        })
}

fn institution() -> impl Strategy<Value = Institution> {
    (
        text(30),
        prop::sample::select(vec![
            InstitutionKind::TechCenter,
            InstitutionKind::EngineeringCenter,
            InstitutionKind::KeyLab,
            InstitutionKind::AcademicianStation,
            InstitutionKind::PostdocStation,
            InstitutionKind::Other,
        ]),
        prop::sample::select(vec![
            InstitutionLevel::None,
            InstitutionLevel::Enterprise,
            InstitutionLevel::Municipal,
            InstitutionLevel::Provincial,
            InstitutionLevel::National,
        ]),
        prop::option::of(1990i32..2030),
        prop::option::of(1u8..=12),
        prop::option::of(prop::sample::select(ProvincialTrack::ALL.to_vec())),
    )
        .prop_map(|(name, kind, level, year, month, track)| Institution {
            name,
            kind,
            level,
            year,
            month,
            track,
        })
}

fn staff_and_conditions() -> impl Strategy<Value = (Staff, Conditions)> {
    (
        flag(),
        text(40),
        count(),
        money(),
        money(),
        prop::collection::vec(institution(), 0..3),
        prop::collection::vec(text(20), 0..3),
        count(),
    )
        .prop_map(
            |(
                tech_leader,
                tech_leader_note,
                senior_experts,
                equipment_value,
                rd_space_m2,
                institutions,
                partners,
                certified_labs,
            )| {
                (
                    Staff {
                        tech_leader,
                        tech_leader_note,
                        senior_experts,
                    },
                    Conditions {
                        equipment_value,
                        rd_space_m2,
                        institutions,
                        partners,
                        certified_labs,
                    },
                )
            },
        )
}

fn direction() -> impl Strategy<Value = Direction> {
    (
        (
            prop::option::of(1950i32..2030),
            text(30),
            (flag(), flag(), flag(), flag(), flag(), flag(), flag()),
            prop::option::of(prop_oneof![0.0..=100.0f64, finite_f64()]),
            count(),
            flag(),
            flag(),
            flag(),
        ),
        (
            text(12),
            flag(),
            prop::option::of(any::<u8>()),
            count(),
            flag(),
            flag(),
            flag(),
            (count(), count(), count(), count()),
        ),
    )
        .prop_map(
            |(
                (
                    niche_entry_year,
                    lead_product,
                    (f1, f2, f3, f4, f5, f6, f7),
                    niche_share_pct,
                    niche_rank,
                    niche_recognised,
                    own_brand,
                    written_plan,
                ),
                (
                    plan_years,
                    mechanism,
                    digital_level,
                    it_core_processes,
                    qms_certificate,
                    advanced_certification,
                    quality_award,
                    (international, national, industry, group),
                ),
            )| Direction {
                niche_entry_month: niche_entry_year.map(|y| (y.rem_euclid(12) + 1) as u8),
                intl_niche_share_pct: niche_share_pct.map(|v| v / 2.0),
                products_to_standards: own_brand,
                led_standard_5y: quality_award,
                niche_entry_year,
                lead_product,
                fields: FieldFlags {
                    strategic_emerging: f1,
                    six_basics: f2,
                    fills_gap: f3,
                    ten_key_fields: f4,
                    network_power: f5,
                    time_honored: f6,
                    key_chain_link: f7,
                },
                niche_share_pct,
                niche_rank,
                niche_recognised,
                own_brand,
                written_plan,
                plan_years,
                mechanism,
                digital_level,
                it_core_processes,
                qms_certificate,
                advanced_certification,
                quality_award,
                standards: Standards {
                    international,
                    national,
                    industry,
                    group,
                },
            },
        )
}

fn project() -> impl Strategy<Value = Project> {
    (
        text(30),
        prop::sample::select(vec![
            ProjectKind::Basic,
            ProjectKind::Applied,
            ProjectKind::Experimental,
        ]),
        money(),
        opt_date(),
        opt_date(),
        prop::sample::select(vec![
            ProjectStatus::Planned,
            ProjectStatus::Ongoing,
            ProjectStatus::Completed,
        ]),
        text(20),
    )
        .prop_map(
            |(name, kind, budget, start, end, status, partner)| Project {
                name,
                kind,
                budget,
                start,
                end,
                status,
                partner,
            },
        )
}

fn award() -> impl Strategy<Value = Award> {
    (
        text(20),
        prop::sample::select(vec![AwardLevel::National, AwardLevel::Provincial]),
        1990i32..2030,
        0u32..10,
    )
        .prop_map(|(name, level, year, unit_rank)| Award {
            name,
            level,
            year,
            unit_rank,
        })
}

fn maker() -> impl Strategy<Value = MakerChina> {
    (
        2015i32..2030,
        prop::sample::select(vec![
            MakerResult::NationalTop50,
            MakerResult::NationalTop500,
        ]),
    )
        .prop_map(|(year, result)| MakerChina { year, result })
}

fn title() -> impl Strategy<Value = TitleHeld> {
    (
        prop::sample::select(TitleKind::ALL.to_vec()),
        opt_date(),
        opt_date(),
    )
        .prop_map(|(kind, since, valid_until)| TitleHeld {
            kind,
            since,
            valid_until,
        })
}

fn ip_compliance_manual() -> impl Strategy<Value = (IntellectualProperty, Compliance, ManualScores)>
{
    (
        (count(), count(), count(), count()),
        (flag(), flag(), flag(), flag(), flag(), flag(), flag()),
        (
            prop::option::of(prop_oneof![0.0..=100.0f64, finite_f64()]),
            prop::option::of(0.0..=15.0f64),
            profit(),
            profit(),
        ),
    )
        .prop_map(
            |(
                (class1, class1_self, class1_high_value, class2),
                (c1, c2, c3, c4, c5, c6, c7),
                (
                    miit_platform_score,
                    featured_score_2022,
                    provincial_revenue_growth_benchmark,
                    provincial_profit_growth_benchmark,
                ),
            )| {
                (
                    IntellectualProperty {
                        class1,
                        class1_self,
                        class1_high_value,
                        class2,
                    },
                    Compliance {
                        abnormal_operation_list: c1,
                        serious_dishonesty: c2,
                        major_accident: c3,
                        tax_evasion: c4,
                        smuggling: c5,
                        major_tax_violation: c6,
                        industry_violation: c7,
                        research_misconduct: c1,
                    },
                    ManualScores {
                        miit_platform_score,
                        featured_score_2022,
                        provincial_revenue_growth_benchmark,
                        provincial_profit_growth_benchmark,
                    },
                )
            },
        )
}

/// An attachment with any text in its path and note (the file itself is
/// not read: only the record round-trips).
fn attachment() -> impl Strategy<Value = innocheck::model::Attachment> {
    (
        text(30),
        0usize..20,
        text(60),
        // A file's size: below 2^53 bytes, as a spreadsheet cell holds it exactly.
        0u64..(1u64 << 53),
        prop::option::of(any::<u32>()),
        date(),
        text(40),
    )
        .prop_map(|(criterion, item, path, size, pages, added, note)| {
            // A record always names its criterion and file (never blank).
            innocheck::model::Attachment {
                criterion: format!("c{criterion}"),
                item,
                path: format!("p{path}"),
                sha256: format!("{size:064x}"),
                size,
                pages,
                added,
                note,
            }
        })
}

pub fn assessment() -> impl Strategy<Value = Assessment> {
    (
        company(),
        opt_date(),
        years(),
        staff_and_conditions(),
        direction(),
        prop::collection::vec(project(), 0..3),
        ip_compliance_manual(),
        prop::collection::vec(award(), 0..3),
        prop::collection::vec(maker(), 0..3),
        prop::collection::vec(title(), 0..4),
        prop::collection::vec(attachment(), 0..3),
    )
        .prop_map(
            |(
                company,
                as_of,
                years,
                (staff, conditions),
                direction,
                projects,
                (ip, compliance, manual),
                awards,
                maker_china,
                titles,
                attachments,
            )| Assessment {
                high_tech: innocheck::model::HighTechInputs {
                    field_declared: compliance.smuggling,
                    ip_advancement: ip
                        .class1
                        .map(|n| innocheck::model::Grade::ALL[(n % 5) as usize]),
                    org_rd_management: ip.class2.map(|n| (n % 7) as u8),
                    ..innocheck::model::HighTechInputs::default()
                },
                company,
                as_of,
                years,
                staff,
                conditions,
                direction,
                projects,
                ip,
                awards,
                maker_china,
                titles,
                compliance,
                manual,
                attachments,
            },
        )
}
