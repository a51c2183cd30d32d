//! People's names for input field ids.
//!
//! The evaluation names missing inputs by their field id (`years.2024.revenue`,
//! `conditions.institutions.0.year`), which the JSON contract keeps. Everything
//! a person reads (the results page, the text report, the PDF) names them as
//! the page that asks for them and the label there: "财务数据 › 2024 年营业收入",
//! "Financial data › Revenue (2024)".

use super::pages::{
    company, compliance, conditions, direction, finance, ip_awards, projects, staff,
};
use super::{Lang, Tr};
use crate::model::{FieldRef, InstitutionPart};

strings! {
    /// Self-developed class I IP, named on its own.
    CLASS1_SELF = "自主研发的Ⅰ类知识产权", "Self-developed class I IP";
    /// High-value class I IP, named on its own.
    CLASS1_HIGH_VALUE = "高价值Ⅰ类知识产权", "High-value class I IP";
    /// A field of a numbered institution.
    INSTITUTION_FIELD = "第 {n} 个研发机构的{field}", "{field} of institution {n}";
    /// A whole fiscal year's figures (`{year}`).
    WHOLE_YEAR = "{year} 年度的数据", "The figures for {year}";
}

fn other_field(id: &str) -> Option<(Tr, Tr)> {
    use direction as d;
    Some(match id {
        "company.name" => (company::TITLE, company::NAME),
        "company.uscc" => (company::TITLE, company::USCC),
        "company.city" => (company::TITLE, company::CITY),
        "company.industry" => (company::TITLE, company::INDUSTRY),
        "company.founded" => (company::TITLE, company::FOUNDED),
        "company.independent_legal_person" => (company::TITLE, company::LEGAL_PERSON),
        "company.products_permitted" => (company::TITLE, company::PRODUCTS_PERMITTED),
        "conditions.equipment_value" => (conditions::TITLE, conditions::EQUIPMENT),
        "conditions.rd_space_m2" => (conditions::TITLE, conditions::RD_SPACE),
        "conditions.institutions" => (conditions::TITLE, conditions::INSTITUTIONS),
        "conditions.partners" => (conditions::TITLE, conditions::PARTNERS),
        "staff.senior_experts" => (staff::TITLE, staff::SENIOR_EXPERTS),
        "staff.tech_leader" => (staff::TITLE, staff::TECH_LEADER),
        "direction.niche_entry_year" => (d::TITLE, d::NICHE_ENTRY_YEAR),
        "direction.niche_entry_month" => (d::TITLE, d::NICHE_ENTRY_MONTH),
        "direction.intl_niche_share_pct" => (d::TITLE, d::INTL_NICHE_SHARE),
        "direction.products_to_standards" => (d::TITLE, d::PRODUCTS_TO_STANDARDS),
        "direction.niche_share_pct" => (d::TITLE, d::NICHE_SHARE),
        "direction.niche_rank" => (d::TITLE, d::NICHE_RANK),
        "direction.niche_recognised" => (d::TITLE, d::NICHE_RECOGNISED),
        "direction.own_brand" => (d::TITLE, d::OWN_BRAND),
        "direction.fields.strategic_emerging" => (d::TITLE, d::STRATEGIC_EMERGING),
        "direction.fields.six_basics" => (d::TITLE, d::SIX_BASICS),
        "direction.fields.fills_gap" => (d::TITLE, d::FILLS_GAP),
        "direction.fields.ten_key_fields" => (d::TITLE, d::TEN_KEY_FIELDS),
        "direction.fields.network_power" => (d::TITLE, d::NETWORK_POWER),
        "direction.fields.time_honored" => (d::TITLE, d::TIME_HONORED),
        "direction.fields.key_chain_link" => (d::TITLE, d::KEY_CHAIN_LINK),
        "direction.written_plan" => (d::TITLE, d::WRITTEN_PLAN),
        "direction.mechanism" => (d::TITLE, d::MECHANISM),
        "direction.digital_level" => (d::TITLE, d::DIGITAL_LEVEL),
        "direction.it_core_processes" => (d::TITLE, d::IT_CORE_PROCESSES),
        "direction.qms_certificate" => (d::TITLE, d::QMS_CERTIFICATE),
        "direction.advanced_certification" => (d::TITLE, d::ADVANCED_CERTIFICATION),
        "direction.quality_award" => (d::TITLE, d::QUALITY_AWARD),
        "direction.standards" => (d::TITLE, d::SEC_STANDARDS),
        "ip.class1" => (ip_awards::TITLE, ip_awards::CLASS1),
        "ip.class1_self" => (ip_awards::TITLE, CLASS1_SELF),
        "ip.class1_high_value" => (ip_awards::TITLE, CLASS1_HIGH_VALUE),
        "ip.class2" => (ip_awards::TITLE, ip_awards::CLASS2),
        "awards" => (ip_awards::TITLE, ip_awards::SEC_AWARDS),
        "maker_china" => (ip_awards::TITLE, ip_awards::SEC_MAKER),
        "titles" => (ip_awards::TITLE, ip_awards::SEC_TITLES),
        "projects" => (projects::TITLE, projects::TITLE),
        "compliance.abnormal_operation_list" => (compliance::TITLE, compliance::ABNORMAL_LIST),
        "compliance.serious_dishonesty" => (compliance::TITLE, compliance::SERIOUS_DISHONESTY),
        "compliance.major_accident" => (compliance::TITLE, compliance::MAJOR_ACCIDENT),
        "compliance.tax_evasion" => (compliance::TITLE, compliance::TAX_EVASION),
        "compliance.smuggling" => (compliance::TITLE, compliance::SMUGGLING),
        "compliance.major_tax_violation" => (compliance::TITLE, compliance::MAJOR_TAX_VIOLATION),
        "compliance.industry_violation" => (compliance::TITLE, compliance::INDUSTRY_VIOLATION),
        "compliance.research_misconduct" => (compliance::TITLE, compliance::RESEARCH_MISCONDUCT),
        "direction.led_standard_5y" => (d::TITLE, d::LED_STANDARD_5Y),
        "high_tech.field_declared" => (ip_awards::TITLE, ip_awards::HT_FIELD),
        "high_tech.ip_advancement" => (ip_awards::TITLE, ip_awards::HT_ADVANCEMENT),
        "high_tech.ip_core_support" => (ip_awards::TITLE, ip_awards::HT_CORE),
        "high_tech.ip_acquisition" => (ip_awards::TITLE, ip_awards::HT_ACQUISITION),
        "high_tech.drafted_standards" => (ip_awards::TITLE, ip_awards::HT_STANDARDS),
        "high_tech.org_rd_management" => (ip_awards::TITLE, ip_awards::HT_ORG_RD),
        "high_tech.org_institution" => (ip_awards::TITLE, ip_awards::HT_ORG_INSTITUTION),
        "high_tech.org_conversion" => (ip_awards::TITLE, ip_awards::HT_ORG_CONVERSION),
        "high_tech.org_talent" => (ip_awards::TITLE, ip_awards::HT_ORG_TALENT),
        "manual.miit_platform_score" => (compliance::TITLE, compliance::MIIT_SCORE),
        "manual.featured_score_2022" => (compliance::TITLE, compliance::FEATURED_SCORE),
        "manual.provincial_revenue_growth_benchmark" => {
            (compliance::TITLE, compliance::REVENUE_BENCHMARK)
        }
        "manual.provincial_profit_growth_benchmark" => {
            (compliance::TITLE, compliance::PROFIT_BENCHMARK)
        }
        _ => return None,
    })
}

/// The label of a part of one institution.
fn institution_part(part: InstitutionPart) -> Tr {
    match part {
        InstitutionPart::Name => conditions::INST_NAME,
        InstitutionPart::Kind => conditions::INST_KIND,
        InstitutionPart::Level => conditions::INST_LEVEL,
        InstitutionPart::Year => conditions::INST_YEAR,
        InstitutionPart::Month => conditions::INST_MONTH,
        InstitutionPart::Track => conditions::INST_TRACK,
    }
}

/// Where a field is entered and what it is called there, in `lang`; `None`
/// for a field this module does not know.
fn describe(field: &FieldRef, lang: Lang) -> Option<String> {
    let (page, label) = match field {
        FieldRef::Year { year, field } => (
            field.page.title(),
            lang.t(finance::OTHER_YEAR)
                .replace("{year}", &year.to_string())
                .replace("{field}", lang.t(field.label)),
        ),
        FieldRef::EveryYear(field) => (field.page.title(), lang.t(field.label).to_string()),
        FieldRef::WholeYear(year) => (
            finance::TITLE,
            lang.t(WHOLE_YEAR).replace("{year}", &year.to_string()),
        ),
        FieldRef::Institution { index, part } => (
            conditions::TITLE,
            lang.t(INSTITUTION_FIELD)
                .replace("{n}", &(index + 1).to_string())
                .replace("{field}", lang.t(institution_part(*part))),
        ),
        FieldRef::Named(id) => {
            let (page, label) = other_field(id)?;
            (page, lang.t(label).to_string())
        }
    };
    let page = lang.t(page);
    if page == label {
        return Some(label);
    }
    Some(format!("{page} › {label}"))
}

/// The name of the input `field` for people: the page that asks for it and
/// its label there ("财务数据 › 2024 年营业收入"). A field it does not know is
/// named by its id, so nothing is ever hidden.
#[must_use]
pub fn field_name(field: &FieldRef, lang: Lang) -> String {
    describe(field, lang).unwrap_or_else(|| field.id())
}

/// The name of the input with id `id` (as validation issues carry it).
#[must_use]
pub fn field_name_of_id(id: &str, lang: Lang) -> String {
    field_name(&FieldRef::named(id.to_string()), lang)
}

/// Several field names, joined as the language lists them.
#[must_use]
pub fn field_names(fields: &[FieldRef], lang: Lang) -> String {
    fields
        .iter()
        .map(|f| field_name(f, lang))
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::Metric;

    #[test]
    fn every_metric_input_has_a_name_in_both_languages() {
        for m in Metric::ALL {
            for input in m.inputs() {
                for field in [input.field(), input.field().in_year(2024)] {
                    for lang in [Lang::Zh, Lang::En] {
                        assert!(
                            describe(&field, lang).is_some(),
                            "{m:?}: no name for {field}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn names_say_the_page_the_label_and_the_year() {
        assert_eq!(
            field_name_of_id("years.2024.revenue", Lang::Zh),
            "财务数据 › 2024 年营业收入"
        );
        assert_eq!(
            field_name_of_id("years.2024.revenue", Lang::En),
            "Financial data › Revenue (2024)"
        );
        assert_eq!(
            field_name_of_id("conditions.institutions.0.year", Lang::Zh),
            "研发条件 › 第 1 个研发机构的认定年份"
        );
        assert_eq!(field_name_of_id("projects", Lang::En), "R&D projects");
        assert_eq!(field_name_of_id("no.such.field", Lang::Zh), "no.such.field");
        assert_eq!(
            field_names(
                &[
                    FieldRef::named("years.2023.rd_spend"),
                    FieldRef::named("company.city")
                ],
                Lang::Zh
            ),
            "研发经费 › 2023 年研发费用；企业概况 › 所在地区"
        );
    }
}
