//! The layout of the answers workbook, shared by the spreadsheet export
//! (`report::xlsx`) and the import (`storage::xlsx_import`): which sheets it
//! has, which rows and columns, what each cell holds and in which unit.
//!
//! Three kinds of sheet:
//! - **基本情况** (profile): one row per non-yearly answer ([`ITEMS`]), in the
//!   forms' order: page, label with unit, value.
//! - **年度数据** (fiscal years): one row per [`FISCAL_FIELDS`](crate::model::FISCAL_FIELDS)
//!   entry, one column per fiscal year.
//! - one sheet per list ([`LISTS`]): projects, institutions, partners, awards,
//!   创客中国 results, titles; one row per entry, one column per field.
//!
//! Every sheet starts with a **hidden row** of stable keys (its first cell
//! names the sheet kind, [`MARK`]) above the visible header, and the profile
//! and years sheets with a **hidden column** of field keys, so a workbook is
//! read by keys, not by its labels: the English template, a retyped label or
//! a renamed sheet still import. Values travel through the assessment's serde
//! form ([`serde_json::Value`]), so the keys are the field ids validation and
//! the rule packs use, and a test fails when a model field has no cell.

use serde_json::Value;

use crate::i18n::Tr;
use crate::i18n::pages::{
    company, compliance, conditions, direction as d, ip_awards as ipa, projects, staff,
};
use crate::i18n::workbook as wb;
use crate::metrics::Unit;

/// Prefix of the sheet-kind mark in cell A1 (hidden row).
pub const MARK: &str = "innocheck:";
/// Sheet kind of the profile sheet.
pub const PROFILE: &str = "profile";
/// Sheet kind of the fiscal-years sheet.
pub const YEARS: &str = "years";
/// Key of the hidden key column (row 1) in the profile and years sheets.
pub const KEY: &str = "key";
/// Key of the page column.
pub const PAGE: &str = "page";
/// Key of the label column.
pub const LABEL: &str = "label";
/// Key of the value column of the profile sheet.
pub const VALUE: &str = "value";
/// Key of the entry-number column of list sheets.
pub const NUMBER: &str = "n";
/// Rows above the data: the hidden key row and the visible header.
pub const HEADER_ROWS: u32 = 2;

/// What a cell holds and how it is read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text (empty = not answered).
    Text,
    /// 是 / 否.
    Flag,
    /// A date (YYYY-MM-DD).
    Date,
    /// A decimal number; negative only where `signed`.
    Amount {
        /// May be negative (profits, growth rates).
        signed: bool,
    },
    /// A whole number within the model's range.
    Whole {
        /// Smallest value.
        min: i64,
        /// Largest value.
        max: i64,
    },
    /// One of a fixed list.
    Choice(Choices),
}

/// A whole number of type u32 (counts).
const COUNT: Kind = Kind::Whole {
    min: 0,
    max: u32::MAX as i64,
};
/// A whole number of type u8 (months, levels, points).
const SMALL: Kind = Kind::Whole {
    min: 0,
    max: u8::MAX as i64,
};
/// A whole number of type i32 (calendar years).
const YEAR: Kind = Kind::Whole {
    min: i32::MIN as i64,
    max: i32::MAX as i64,
};
/// A file size in bytes: whole numbers a spreadsheet cell holds exactly (below 2^53).
const BYTES: Kind = Kind::Whole {
    min: 0,
    max: 1 << 53,
};
const MONEY: Kind = Kind::Amount { signed: false };
const SIGNED: Kind = Kind::Amount { signed: true };

/// The fixed lists a choice cell picks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(missing_docs, reason = "each names the model enum it lists")]
pub enum Choices {
    City,
    Industry,
    Track,
    InstitutionKind,
    InstitutionLevel,
    ProjectKind,
    ProjectStatus,
    AwardLevel,
    MakerResult,
    TitleKind,
    Grade,
    IpAcquisition,
}

/// One option of a choice cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The value's serde name (`nanchang`), as the file stores it.
    pub key: String,
    /// Chinese label.
    pub zh: &'static str,
    /// English label.
    pub en: &'static str,
}

fn options<T: serde::Serialize + Copy>(
    all: &[T],
    label: impl Fn(T) -> (&'static str, &'static str),
) -> Vec<Choice> {
    all.iter()
        .map(|v| {
            let key = match serde_json::to_value(v) {
                Ok(Value::String(s)) => s,
                _ => String::new(),
            };
            let (zh, en) = label(*v);
            Choice { key, zh, en }
        })
        .collect()
}

fn tr(t: Tr) -> (&'static str, &'static str) {
    (t.zh, t.en)
}

impl Choices {
    /// The options, in the forms' order.
    #[must_use]
    pub fn options(self) -> Vec<Choice> {
        use crate::model::{
            AwardLevel as A, City, Grade, Industry, InstitutionKind as K, InstitutionLevel as L,
            IpAcquisition as I, MakerResult as M, ProjectKind as P, ProjectStatus as S,
            ProvincialTrack, TitleKind,
        };
        match self {
            Choices::City => options(&City::ALL, |c| (c.zh(), c.en())),
            Choices::Industry => options(&Industry::ALL, |c| (c.zh(), c.en())),
            Choices::Track => options(&ProvincialTrack::ALL, |c| (c.zh(), c.en())),
            Choices::TitleKind => options(&TitleKind::ALL, |c| (c.zh(), c.en())),
            Choices::InstitutionKind => options(
                &[
                    K::TechCenter,
                    K::EngineeringCenter,
                    K::KeyLab,
                    K::AcademicianStation,
                    K::PostdocStation,
                    K::Other,
                ],
                |k| {
                    tr(match k {
                        K::TechCenter => conditions::KIND_TECH_CENTER,
                        K::EngineeringCenter => conditions::KIND_ENGINEERING_CENTER,
                        K::KeyLab => conditions::KIND_KEY_LAB,
                        K::AcademicianStation => conditions::KIND_ACADEMICIAN_STATION,
                        K::PostdocStation => conditions::KIND_POSTDOC_STATION,
                        K::Other => conditions::KIND_OTHER,
                    })
                },
            ),
            Choices::InstitutionLevel => options(
                &[
                    L::None,
                    L::Enterprise,
                    L::Municipal,
                    L::Provincial,
                    L::National,
                ],
                |l| {
                    tr(match l {
                        L::None => conditions::LEVEL_NONE,
                        L::Enterprise => conditions::LEVEL_ENTERPRISE,
                        L::Municipal => conditions::LEVEL_MUNICIPAL,
                        L::Provincial => conditions::LEVEL_PROVINCIAL,
                        L::National => conditions::LEVEL_NATIONAL,
                    })
                },
            ),
            Choices::ProjectKind => options(&[P::Basic, P::Applied, P::Experimental], |k| {
                tr(match k {
                    P::Basic => projects::KIND_BASIC,
                    P::Applied => projects::KIND_APPLIED,
                    P::Experimental => projects::KIND_EXPERIMENTAL,
                })
            }),
            Choices::ProjectStatus => options(&[S::Planned, S::Ongoing, S::Completed], |s| {
                tr(match s {
                    S::Planned => projects::STATUS_PLANNED,
                    S::Ongoing => projects::STATUS_ONGOING,
                    S::Completed => projects::STATUS_COMPLETED,
                })
            }),
            Choices::AwardLevel => options(&[A::National, A::Provincial], |l| {
                tr(match l {
                    A::National => ipa::LEVEL_NATIONAL,
                    A::Provincial => ipa::LEVEL_PROVINCIAL,
                })
            }),
            Choices::MakerResult => options(&[M::NationalTop50, M::NationalTop500], |r| {
                tr(match r {
                    M::NationalTop50 => ipa::TOP50,
                    M::NationalTop500 => ipa::TOP500,
                })
            }),
            Choices::Grade => options(&Grade::ALL, |g| match g {
                Grade::A => ("A", "A"),
                Grade::B => ("B", "B"),
                Grade::C => ("C", "C"),
                Grade::D => ("D", "D"),
                Grade::E => ("E", "E"),
            }),
            Choices::IpAcquisition => options(&[I::SelfDeveloped, I::AcquiredOnly], |i| {
                tr(match i {
                    I::SelfDeveloped => ipa::HT_SELF,
                    I::AcquiredOnly => ipa::HT_ACQUIRED,
                })
            }),
        }
    }
}

/// One non-yearly answer: a row of the profile sheet.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    /// Field id and path in the serde form, e.g. `direction.fields.six_basics`.
    pub key: &'static str,
    /// The wizard page that asks for it.
    pub page: Tr,
    /// Its label there.
    pub label: Tr,
    /// Unit of a number.
    pub unit: Option<Unit>,
    /// What the cell holds.
    pub kind: Kind,
}

const fn item(key: &'static str, page: Tr, label: Tr, unit: Option<Unit>, kind: Kind) -> Item {
    Item {
        key,
        page,
        label,
        unit,
        kind,
    }
}

const CO: Tr = company::TITLE;
const ST: Tr = staff::TITLE;
const CN: Tr = conditions::TITLE;
const DI: Tr = d::TITLE;
const IP: Tr = ipa::TITLE;
const CP: Tr = compliance::TITLE;
const W: Option<Unit> = Some(Unit::Wan);
const PCT: Option<Unit> = Some(Unit::Percent);
const PTS: Option<Unit> = Some(Unit::Points);
const ITM: Option<Unit> = Some(Unit::Item);

/// Every non-yearly scalar answer, in the forms' order.
#[rustfmt::skip]
pub const ITEMS: &[Item] = &[
    item("company.name", CO, company::NAME, None, Kind::Text),
    item("company.uscc", CO, company::USCC, None, Kind::Text),
    item("company.city", CO, company::CITY, None, Kind::Choice(Choices::City)),
    item("company.industry", CO, company::INDUSTRY, None, Kind::Choice(Choices::Industry)),
    item("company.founded", CO, company::FOUNDED, None, Kind::Date),
    item("company.independent_legal_person", CO, company::LEGAL_PERSON, None, Kind::Flag),
    item("company.products_permitted", CO, company::PRODUCTS_PERMITTED, None, Kind::Flag),
    item("as_of", CO, company::AS_OF, None, Kind::Date),
    item("staff.tech_leader", ST, staff::TECH_LEADER, None, Kind::Flag),
    item("staff.tech_leader_note", ST, staff::TECH_LEADER_NOTE, None, Kind::Text),
    item("staff.senior_experts", ST, staff::SENIOR_EXPERTS, Some(Unit::Person), COUNT),
    item("conditions.equipment_value", CN, conditions::EQUIPMENT, W, MONEY),
    item("conditions.rd_space_m2", CN, conditions::RD_SPACE, Some(Unit::Sqm), MONEY),
    item("conditions.certified_labs", CN, conditions::CERTIFIED_LABS, ITM, COUNT),
    item("direction.niche_entry_year", DI, d::NICHE_ENTRY_YEAR, None, YEAR),
    item("direction.niche_entry_month", DI, d::NICHE_ENTRY_MONTH, None, SMALL),
    item("direction.lead_product", DI, d::LEAD_PRODUCT, None, Kind::Text),
    item("direction.fields.strategic_emerging", DI, d::STRATEGIC_EMERGING, None, Kind::Flag),
    item("direction.fields.six_basics", DI, d::SIX_BASICS, None, Kind::Flag),
    item("direction.fields.fills_gap", DI, d::FILLS_GAP, None, Kind::Flag),
    item("direction.fields.ten_key_fields", DI, d::TEN_KEY_FIELDS, None, Kind::Flag),
    item("direction.fields.network_power", DI, d::NETWORK_POWER, None, Kind::Flag),
    item("direction.fields.time_honored", DI, d::TIME_HONORED, None, Kind::Flag),
    item("direction.fields.key_chain_link", DI, d::KEY_CHAIN_LINK, None, Kind::Flag),
    item("direction.niche_share_pct", DI, d::NICHE_SHARE, PCT, MONEY),
    item("direction.niche_rank", DI, d::NICHE_RANK, Some(Unit::Rank), COUNT),
    item("direction.intl_niche_share_pct", DI, d::INTL_NICHE_SHARE, PCT, MONEY),
    item("direction.niche_recognised", DI, d::NICHE_RECOGNISED, None, Kind::Flag),
    item("direction.own_brand", DI, d::OWN_BRAND, None, Kind::Flag),
    item("direction.written_plan", DI, d::WRITTEN_PLAN, None, Kind::Flag),
    item("direction.plan_years", DI, d::PLAN_YEARS, None, Kind::Text),
    item("direction.mechanism", DI, d::MECHANISM, None, Kind::Flag),
    item("direction.digital_level", DI, d::DIGITAL_LEVEL, Some(Unit::Level), SMALL),
    item("direction.it_core_processes", DI, d::IT_CORE_PROCESSES, ITM, COUNT),
    item("direction.qms_certificate", DI, d::QMS_CERTIFICATE, None, Kind::Flag),
    item("direction.advanced_certification", DI, d::ADVANCED_CERTIFICATION, None, Kind::Flag),
    item("direction.quality_award", DI, d::QUALITY_AWARD, None, Kind::Flag),
    item("direction.standards.international", DI, d::STD_INTERNATIONAL, ITM, COUNT),
    item("direction.standards.national", DI, d::STD_NATIONAL, ITM, COUNT),
    item("direction.standards.industry", DI, d::STD_INDUSTRY, ITM, COUNT),
    item("direction.standards.group", DI, d::STD_GROUP, ITM, COUNT),
    item("direction.products_to_standards", DI, d::PRODUCTS_TO_STANDARDS, None, Kind::Flag),
    item("direction.led_standard_5y", DI, d::LED_STANDARD_5Y, None, Kind::Flag),
    item("ip.class1", IP, ipa::CLASS1, ITM, COUNT),
    item("ip.class1_self", IP, crate::i18n::fields::CLASS1_SELF, ITM, COUNT),
    item("ip.class1_high_value", IP, crate::i18n::fields::CLASS1_HIGH_VALUE, ITM, COUNT),
    item("ip.class2", IP, ipa::CLASS2, ITM, COUNT),
    item("high_tech.field_declared", IP, ipa::HT_FIELD, None, Kind::Flag),
    item("high_tech.ip_advancement", IP, ipa::HT_ADVANCEMENT, None, Kind::Choice(Choices::Grade)),
    item("high_tech.ip_core_support", IP, ipa::HT_CORE, None, Kind::Choice(Choices::Grade)),
    item("high_tech.ip_acquisition", IP, ipa::HT_ACQUISITION, None, Kind::Choice(Choices::IpAcquisition)),
    item("high_tech.drafted_standards", IP, ipa::HT_STANDARDS, None, Kind::Flag),
    item("high_tech.org_rd_management", IP, ipa::HT_ORG_RD, None, SMALL),
    item("high_tech.org_institution", IP, ipa::HT_ORG_INSTITUTION, None, SMALL),
    item("high_tech.org_conversion", IP, ipa::HT_ORG_CONVERSION, None, SMALL),
    item("high_tech.org_talent", IP, ipa::HT_ORG_TALENT, None, SMALL),
    item("compliance.abnormal_operation_list", CP, compliance::ABNORMAL_LIST, None, Kind::Flag),
    item("compliance.serious_dishonesty", CP, compliance::SERIOUS_DISHONESTY, None, Kind::Flag),
    item("compliance.major_accident", CP, compliance::MAJOR_ACCIDENT, None, Kind::Flag),
    item("compliance.tax_evasion", CP, compliance::TAX_EVASION, None, Kind::Flag),
    item("compliance.smuggling", CP, compliance::SMUGGLING, None, Kind::Flag),
    item("compliance.major_tax_violation", CP, compliance::MAJOR_TAX_VIOLATION, None, Kind::Flag),
    item("compliance.industry_violation", CP, compliance::INDUSTRY_VIOLATION, None, Kind::Flag),
    item("compliance.research_misconduct", CP, compliance::RESEARCH_MISCONDUCT, None, Kind::Flag),
    item("manual.miit_platform_score", CP, compliance::MIIT_SCORE, PTS, MONEY),
    item("manual.featured_score_2022", CP, compliance::FEATURED_SCORE, PTS, MONEY),
    item("manual.provincial_revenue_growth_benchmark", CP, compliance::REVENUE_BENCHMARK, PCT, SIGNED),
    item("manual.provincial_profit_growth_benchmark", CP, compliance::PROFIT_BENCHMARK, PCT, SIGNED),
];

/// One column of a list sheet: a field of the entries.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Field name inside an entry (`budget`); empty for a list of plain values.
    pub key: &'static str,
    /// Header label.
    pub label: Tr,
    /// Unit of a number.
    pub unit: Option<Unit>,
    /// What the cell holds.
    pub kind: Kind,
    /// The model has no default for it: a blank cell is a problem.
    pub required: bool,
}

const fn col(key: &'static str, label: Tr, unit: Option<Unit>, kind: Kind) -> Column {
    Column {
        key,
        label,
        unit,
        kind,
        required: false,
    }
}

/// A list of the assessment on its own sheet.
#[derive(Debug, Clone, Copy)]
pub struct List {
    /// Path of the list in the serde form, e.g. `conditions.institutions`.
    pub key: &'static str,
    /// Sheet name.
    pub sheet: Tr,
    /// The columns after the entry number.
    pub columns: &'static [Column],
    /// The sheet is hidden: records the workbook carries so that it
    /// round-trips, not answers a client fills in (the evidence files).
    pub hidden: bool,
}

impl List {
    /// Whether the entries are plain values (one column) rather than records.
    #[must_use]
    pub fn plain(&self) -> bool {
        self.columns.len() == 1 && self.columns[0].key.is_empty()
    }
}

/// Every list, in the forms' order.
pub const LISTS: &[List] = &[
    List {
        key: "conditions.institutions",
        hidden: false,
        sheet: crate::i18n::workbook::INSTITUTIONS,
        columns: &[
            col("name", conditions::INST_NAME, None, Kind::Text),
            col(
                "kind",
                conditions::INST_KIND,
                None,
                Kind::Choice(Choices::InstitutionKind),
            ),
            col(
                "level",
                conditions::INST_LEVEL,
                None,
                Kind::Choice(Choices::InstitutionLevel),
            ),
            col("year", conditions::INST_YEAR, None, YEAR),
            col("month", conditions::INST_MONTH, None, SMALL),
            col(
                "track",
                conditions::INST_TRACK,
                None,
                Kind::Choice(Choices::Track),
            ),
        ],
    },
    List {
        key: "conditions.partners",
        hidden: false,
        sheet: crate::i18n::workbook::PARTNERS,
        columns: &[col("", conditions::PARTNER, None, Kind::Text)],
    },
    List {
        key: "projects",
        hidden: false,
        sheet: crate::i18n::workbook::PROJECTS,
        columns: &[
            col("name", projects::NAME, None, Kind::Text),
            col(
                "kind",
                projects::KIND,
                None,
                Kind::Choice(Choices::ProjectKind),
            ),
            col("budget", projects::BUDGET, W, MONEY),
            col("start", projects::START, None, Kind::Date),
            col("end", projects::END, None, Kind::Date),
            col(
                "status",
                projects::STATUS,
                None,
                Kind::Choice(Choices::ProjectStatus),
            ),
            col("partner", projects::PARTNER, None, Kind::Text),
        ],
    },
    List {
        key: "awards",
        hidden: false,
        sheet: crate::i18n::workbook::AWARDS,
        columns: &[
            col("name", ipa::AWARD_NAME, None, Kind::Text),
            col(
                "level",
                ipa::AWARD_LEVEL,
                None,
                Kind::Choice(Choices::AwardLevel),
            ),
            col("year", ipa::AWARD_YEAR, None, YEAR),
            col("unit_rank", ipa::UNIT_RANK, Some(Unit::Rank), COUNT),
        ],
    },
    List {
        key: "maker_china",
        hidden: false,
        sheet: crate::i18n::workbook::MAKER,
        columns: &[
            col("year", ipa::MAKER_YEAR, None, YEAR),
            col(
                "result",
                ipa::MAKER_RESULT,
                None,
                Kind::Choice(Choices::MakerResult),
            ),
        ],
    },
    List {
        key: "titles",
        hidden: false,
        sheet: crate::i18n::workbook::TITLES,
        columns: &[
            Column {
                required: true,
                ..col(
                    "kind",
                    ipa::TITLE_KIND,
                    None,
                    Kind::Choice(Choices::TitleKind),
                )
            },
            col("since", ipa::SINCE, None, Kind::Date),
            col("valid_until", ipa::VALID_UNTIL, None, Kind::Date),
        ],
    },
    List {
        key: "attachments",
        hidden: true,
        sheet: crate::i18n::workbook::ATTACHMENTS,
        columns: &[
            Column {
                required: true,
                ..col("criterion", wb::ATT_CRITERION, None, Kind::Text)
            },
            col("item", wb::ATT_ITEM, None, COUNT),
            Column {
                required: true,
                ..col("path", wb::ATT_PATH, None, Kind::Text)
            },
            col("sha256", wb::ATT_SHA, None, Kind::Text),
            col("size", wb::ATT_SIZE, None, BYTES),
            col("pages", wb::ATT_PAGES, None, COUNT),
            Column {
                required: true,
                ..col("added", wb::ATT_ADDED, None, Kind::Date)
            },
            col("note", wb::ATT_NOTE, None, Kind::Text),
        ],
    },
];

/// The kind of a fiscal field's cells.
#[must_use]
pub fn fiscal_kind(f: &crate::model::FiscalField) -> Kind {
    match f.access {
        crate::model::fiscal::Access::Money { signed, .. } => Kind::Amount { signed },
        crate::model::fiscal::Access::People { .. } => COUNT,
    }
}

/// A header label with its unit: `技术开发仪器设备原值（万元）`, `R&D space (m²)`.
#[must_use]
pub fn with_unit(label: &str, unit: Option<Unit>, lang: crate::i18n::Lang) -> String {
    match unit {
        None => label.to_string(),
        Some(u) => match lang {
            crate::i18n::Lang::Zh => format!("{label}（{}）", u.zh()),
            crate::i18n::Lang::En => format!("{label} ({})", u.en()),
        },
    }
}

/// The value at `key` (dot-separated path) in the serde form.
#[must_use]
pub fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    key.split('.').try_fold(v, |v, k| v.get(k))
}

/// Sets the value at `key` (dot-separated path), making the objects on the way.
pub fn set(v: &mut Value, key: &str, x: Value) {
    let mut cur = v;
    let mut parts = key.split('.').peekable();
    while let Some(k) = parts.next() {
        if !cur.is_object() {
            *cur = Value::Object(serde_json::Map::new());
        }
        let Value::Object(map) = cur else { return };
        if parts.peek().is_none() {
            map.insert(k.to_string(), x);
            return;
        }
        cur = map
            .entry(k.to_string())
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, TitleHeld, TitleKind};
    use std::collections::BTreeSet;

    /// The dot paths of the scalar leaves of `v`, lists left out.
    fn leaves(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    leaves(x, &p, out);
                }
            }
            Value::Array(_) => {}
            _ => {
                out.insert(prefix.to_string());
            }
        }
    }

    fn lists(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
        if let Value::Object(m) = v {
            for (k, x) in m {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                if x.is_array() {
                    out.insert(p);
                } else {
                    lists(x, &p, out);
                }
            }
        }
    }

    #[test]
    fn every_answer_of_the_model_has_a_cell() {
        // A field added to the model and not to this layout fails here.
        let v = serde_json::to_value(Assessment::default()).expect("json");
        let mut want = BTreeSet::new();
        leaves(&v, "", &mut want);
        let have: BTreeSet<String> = ITEMS.iter().map(|i| i.key.to_string()).collect();
        assert_eq!(have.len(), ITEMS.len(), "an item is listed twice");
        assert_eq!(want, have);

        let mut want = BTreeSet::new();
        lists(&v, "", &mut want);
        want.remove("years");
        // Written only when not empty.
        want.insert("attachments".into());
        let have: BTreeSet<String> = LISTS.iter().map(|l| l.key.to_string()).collect();
        assert_eq!(want, have);

        // The fields of one entry of each list.
        let entry = |key: &str| -> Value {
            match key {
                "conditions.institutions" => {
                    serde_json::to_value(crate::model::Institution::default())
                }
                "projects" => serde_json::to_value(crate::model::Project::default()),
                "awards" => serde_json::to_value(crate::model::Award::default()),
                "maker_china" => serde_json::to_value(crate::model::MakerChina::default()),
                "attachments" => serde_json::to_value(crate::model::Attachment {
                    criterion: String::new(),
                    item: 0,
                    path: String::new(),
                    sha256: String::new(),
                    size: 0,
                    pages: None,
                    added: chrono::NaiveDate::default(),
                    note: String::new(),
                }),
                "titles" => serde_json::to_value(TitleHeld {
                    kind: TitleKind::HighTech,
                    since: None,
                    valid_until: None,
                }),
                _ => serde_json::to_value(String::new()),
            }
            .expect("json")
        };
        for l in LISTS {
            let e = entry(l.key);
            let want: BTreeSet<String> = match &e {
                Value::Object(m) => m.keys().cloned().collect(),
                _ => std::iter::once(String::new()).collect(),
            };
            let have: BTreeSet<String> = l.columns.iter().map(|c| c.key.to_string()).collect();
            assert_eq!(want, have, "{}", l.key);
            assert_eq!(l.plain(), !e.is_object());
        }
    }

    #[test]
    fn choices_name_every_value_once_in_both_languages() {
        for c in [
            Choices::City,
            Choices::Industry,
            Choices::Track,
            Choices::InstitutionKind,
            Choices::InstitutionLevel,
            Choices::ProjectKind,
            Choices::ProjectStatus,
            Choices::AwardLevel,
            Choices::MakerResult,
            Choices::TitleKind,
            Choices::Grade,
            Choices::IpAcquisition,
        ] {
            let o = c.options();
            for pick in [
                |x: &Choice| x.key.clone(),
                |x: &Choice| x.zh.to_string(),
                |x: &Choice| x.en.to_string(),
            ] {
                let mut v: Vec<String> = o.iter().map(pick).collect();
                assert!(v.iter().all(|s| !s.is_empty()), "{c:?}");
                v.sort();
                v.dedup();
                assert_eq!(v.len(), o.len(), "{c:?}");
            }
        }
    }

    #[test]
    fn set_and_get_follow_the_path() {
        let mut v = serde_json::json!({"a": {"b": 1}});
        set(&mut v, "a.c.d", Value::Bool(true));
        assert_eq!(get(&v, "a.c.d"), Some(&Value::Bool(true)));
        assert_eq!(get(&v, "a.b"), Some(&serde_json::json!(1)));
        assert_eq!(get(&v, "a.x"), None);
    }
}
