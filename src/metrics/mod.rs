//! Derived metrics: the only place where figures are combined (criteria.md §3).
//!
//! Rule packs name a [`Metric`] and, for yearly metrics, a year offset
//! (`1` = Y−1, the last completed fiscal year before the as-of date).
//! A metric whose inputs are empty or invalid yields [`Missing`] naming the
//! fields, never a silent zero.

pub mod duration;
pub mod exact;

pub use duration::Span;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::fiscal::{self, Access, FiscalField};
use crate::model::validate::{MAX_MONEY, MAX_PEOPLE};
use crate::model::{
    Assessment, AwardLevel, Industry, InstitutionKind, InstitutionLevel, MakerResult,
};
use crate::model::{FieldRef, InstitutionPart};
use crate::model::{FiscalYear, ProjectStatus};

/// Unit of a metric or threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 万元.
    Wan,
    /// Percent (also percentage points for growth differences).
    Percent,
    /// Persons.
    Person,
    /// Items (patents, standards, projects, processes).
    Item,
    /// Years.
    Year,
    /// Square metres.
    Sqm,
    /// A level on an ordinal scale (institution level 0–4, digital level 1–4).
    Level,
    /// A rank (1 = first).
    Rank,
    /// Score points.
    Points,
    /// 万元 per person.
    WanPerPerson,
    /// Yes / no.
    Flag,
}

impl Unit {
    /// Symbol in `lang`'s text.
    #[must_use]
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        lang.pick(self.zh(), self.en())
    }

    /// Symbol in Chinese text.
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            Unit::Wan => "万元",
            Unit::Percent => "%",
            Unit::Person => "人",
            Unit::Item => "项",
            Unit::Year => "年",
            Unit::Sqm => "m²",
            Unit::Level => "级",
            Unit::Rank => "名",
            Unit::Points => "分",
            Unit::WanPerPerson => "万元/人",
            Unit::Flag => "",
        }
    }

    /// Symbol in English text.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            Unit::Wan => "万元",
            Unit::Percent => "%",
            Unit::Person => "persons",
            Unit::Item => "items",
            Unit::Year => "years",
            Unit::Sqm => "m²",
            Unit::Level => "level",
            Unit::Rank => "rank",
            Unit::Points => "points",
            Unit::WanPerPerson => "万元/person",
            Unit::Flag => "",
        }
    }

    /// Whether values are whole numbers (gaps are rounded up).
    #[must_use]
    pub fn is_count(self) -> bool {
        matches!(
            self,
            Unit::Person | Unit::Item | Unit::Year | Unit::Level | Unit::Rank
        )
    }
}

/// Inputs that a metric needed but did not find, or whose figures its
/// formula cannot take (`undecided`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Missing {
    /// The fields, e.g. `years.2024.revenue`.
    pub fields: Vec<FieldRef>,
    /// The fields are filled but the formula does not apply to them (a growth
    /// rate over a base year that is zero or negative, or a firm too young
    /// for the years it spans): the official notes decide, so the figure is
    /// `review`, never a number made up here.
    pub undecided: bool,
}

impl Missing {
    /// One missing field.
    #[must_use]
    pub fn one(field: impl Into<FieldRef>) -> Self {
        Missing {
            fields: vec![field.into()],
            undecided: false,
        }
    }

    /// One filled field the formula cannot take (see [`Missing::undecided`]).
    #[must_use]
    pub fn undecided(field: impl Into<FieldRef>) -> Self {
        Missing {
            fields: vec![field.into()],
            undecided: true,
        }
    }

    /// Merges two sets of missing fields (sorted, deduplicated); undecided
    /// only if both are (an empty input is the user's to fill first).
    #[must_use]
    pub fn merge(mut self, other: Missing) -> Missing {
        self.fields.extend(other.fields);
        self.fields.sort();
        self.fields.dedup();
        self.undecided &= other.undecided;
        self
    }
}

/// The value of a metric. Serialized as a plain number or boolean; a span as
/// its lower bound (the JSON contract carries the range beside it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A number in the metric's unit.
    Num(f64),
    /// A yes/no fact.
    Flag(bool),
    /// A duration known only within bounds, because its start date is known
    /// only to the year (criteria.md §1 "Durations are measured").
    Span(Span),
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Num(v) => s.serialize_f64(*v),
            Value::Flag(b) => s.serialize_bool(*b),
            Value::Span(sp) => s.serialize_f64(sp.min),
        }
    }
}

impl Value {
    /// The number, for a plain numeric value.
    #[must_use]
    pub fn num(self) -> Option<f64> {
        match self {
            Value::Num(v) => Some(v),
            Value::Flag(_) | Value::Span(_) => None,
        }
    }

    /// The least the value can be: the number, or a span's lower bound.
    #[must_use]
    pub fn low(self) -> Option<f64> {
        match self {
            Value::Num(v) => Some(v),
            Value::Span(s) => Some(s.min),
            Value::Flag(_) => None,
        }
    }
}

/// Result of computing one metric.
pub type MetricResult = Result<Value, Missing>;

macro_rules! metrics {
    ($( $(#[$doc:meta])* $v:ident = $id:literal, $unit:ident, $yearly:literal, $zh:literal, $en:literal; )*) => {
        /// Every metric a rule pack may name. The serde name is the id used in RON.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Metric {
            $( $(#[$doc])* #[serde(rename = $id)] $v, )*
        }

        impl Metric {
            /// Every metric, in catalogue order.
            pub const ALL: &'static [Metric] = &[$(Metric::$v),*];

            /// Stable id, as written in rule packs.
            #[must_use]
            pub fn id(self) -> &'static str {
                match self { $(Metric::$v => $id),* }
            }

            /// Unit of the metric's value.
            #[must_use]
            pub fn unit(self) -> Unit {
                match self { $(Metric::$v => Unit::$unit),* }
            }

            /// Whether the metric is computed per fiscal year (needs a `year` offset).
            #[must_use]
            pub fn is_yearly(self) -> bool {
                match self { $(Metric::$v => $yearly),* }
            }

            /// Chinese name.
            #[must_use]
            pub fn zh(self) -> &'static str {
                match self { $(Metric::$v => $zh),* }
            }

            /// English name.
            #[must_use]
            pub fn en(self) -> &'static str {
                match self { $(Metric::$v => $en),* }
            }
        }
    };
}

metrics! {
    /// 营业收入.
    Revenue = "revenue", Wan, true, "营业收入", "Revenue";
    /// 主营业务收入.
    MainRevenue = "main_revenue", Wan, true, "主营业务收入", "Main-business revenue";
    /// 净利润.
    NetProfit = "net_profit", Wan, true, "净利润", "Net profit";
    /// 资产总额.
    TotalAssets = "total_assets", Wan, true, "资产总额", "Total assets";
    /// 研发费用.
    RdSpend = "rd_spend", Wan, true, "研发费用", "R&D spending";
    /// 职工总数.
    StaffTotal = "staff_total", Person, true, "职工总数", "Total staff";
    /// 研发人员数 (full-time).
    RdStaff = "rd_staff", Person, true, "全职研发人员数", "Full-time R&D staff";
    /// 研发费用 / 营业收入.
    RdRatio = "rd_ratio", Percent, true, "研发费用占营业收入比重", "R&D spending / revenue";
    /// 研发费用 / 主营业务收入.
    RdRatioMain = "rd_ratio_main", Percent, true, "研发投入占主营业务收入比重", "R&D spending / main-business revenue";
    /// 主营业务收入 / 营业收入.
    MainShare = "main_share", Percent, true, "主营业务收入占营业收入比重", "Main-business share of revenue";
    /// 主营(y) / 主营(y−1) − 1.
    MainGrowth = "main_growth", Percent, true, "主营业务收入增长率", "Main-business revenue growth";
    /// 营业收入增长率.
    RevenueGrowth = "revenue_growth", Percent, true, "营业收入增长率", "Revenue growth";
    /// 营业收入 growth minus the provincial 规上工业 average (percentage points).
    RevenueGrowthOverBenchmark = "revenue_growth_over_benchmark", Percent, true, "营业收入增速高出全省规上工业平均", "Revenue growth above the provincial industrial average";
    /// 利润总额 growth minus the provincial 规上工业 average (percentage points).
    ProfitGrowthOverBenchmark = "profit_growth_over_benchmark", Percent, true, "利润总额增速高出全省规上工业平均", "Profit growth above the provincial industrial average";
    /// 负债总额 / 资产总额.
    DebtRatio = "debt_ratio", Percent, true, "资产负债率", "Debt-to-asset ratio";
    /// 净利润 / 营业收入.
    NetMargin = "net_margin", Percent, true, "净利润率", "Net margin";
    /// 研发人员 / 职工总数.
    RdStaffShare = "rd_staff_share", Percent, true, "研发人员占职工总数比重", "R&D staff share";
    /// 本科以上或工程师以上 / 研发人员.
    RdStaffQualifiedShare = "rd_staff_qualified_share", Percent, true, "本科以上学历或工程师以上职称研发人员占比", "Qualified share of R&D staff";
    /// 研发费用 / 研发人员.
    RdSpendPerRdStaff = "rd_spend_per_rd_staff", WanPerPerson, true, "人均研发经费", "R&D spending per R&D staff";
    /// 新产品销售收入 / 营业收入.
    NewProductShare = "new_product_share", Percent, true, "新产品销售收入占比", "New-product share of revenue";
    /// 主导产品销售收入 / 营业收入.
    LeadProductShare = "lead_product_share", Percent, true, "主导产品销售收入占比", "Lead-product share of revenue";
    /// Mean of `main_growth(Y−1)` and `main_growth(Y−2)`.
    AvgMainGrowth2y = "avg_main_growth_2y", Percent, false, "近 2 年主营业务收入平均增长率", "2-year average main-business growth";
    /// (营业收入(Y−1)/营业收入(Y−3))^½ − 1.
    RevenueCagr2y = "revenue_cagr_2y", Percent, false, "近 2 年营业收入复合增长率", "2-year revenue CAGR";
    /// 研发费用 Y−1 + Y−2.
    RdTotal2y = "rd_total_2y", Wan, false, "近 2 年研发费用总额", "2-year R&D total";
    /// Mean 研发费用 of Y−1 and Y−2.
    RdAvg2y = "rd_avg_2y", Wan, false, "近 2 年研发费用平均", "2-year average R&D";
    /// Qualified equity financing Y−1 + Y−2.
    Equity2y = "equity_2y", Wan, false, "近 2 年合格机构投资者股权融资", "2-year qualified equity financing";
    /// Qualified equity financing Y−1 + Y−2 + Y−3.
    Equity3y = "equity_3y", Wan, false, "近 3 年合格机构投资者股权融资", "3-year qualified equity financing";
    /// Full years in the niche market to the end of Y−1.
    YearsInNiche = "years_in_niche", Year, false, "从事细分市场年限", "Years in the niche market";
    /// An SME under 工信部联企业〔2011〕300号, from Y−1 figures.
    IsSme = "is_sme", Flag, false, "属于中小企业", "Is an SME";
    /// Registered in Jiangxi.
    InJiangxi = "in_jiangxi", Flag, false, "在江西省内注册", "Registered in Jiangxi";
    /// First or tertiary industry.
    SectorPrimaryTertiary = "sector_primary_tertiary", Flag, false, "属于第一、第三产业", "First or tertiary industry";
    /// 建筑业.
    IsConstruction = "is_construction", Flag, false, "属于建筑业", "Construction industry";
    /// Not construction.
    NotConstruction = "not_construction", Flag, false, "不属于建筑业", "Not construction";
    /// Independent legal person.
    IndependentLegalPerson = "independent_legal_person", Flag, false, "具有独立法人资格", "Independent legal person";
    /// Products not prohibited/restricted/eliminated.
    ProductsPermitted = "products_permitted", Flag, false, "产品不属于禁止、限制或淘汰类", "Products permitted";
    /// 技术开发仪器设备原值.
    EquipmentValue = "equipment_value", Wan, false, "技术开发仪器设备原值", "R&D equipment (original value)";
    /// Dedicated R&D space.
    RdSpace = "rd_space", Sqm, false, "研发场所面积", "R&D space";
    /// Highest level of any R&D institution (0 none … 4 national).
    InstitutionLevel = "institution_level", Level, false, "研发机构最高级别", "Highest R&D institution level";
    /// Years holding a provincial-or-higher 企业技术中心.
    ProvincialTcYears = "provincial_tc_years", Year, false, "具有省级企业技术中心资格年限", "Years as a provincial tech center";
    /// Years holding a municipal-or-higher 企业技术中心.
    MunicipalTcYears = "municipal_tc_years", Year, false, "具有市级企业技术中心资格年限", "Years as a municipal tech center";
    /// Not already a provincial (Jiangxi) tech center.
    NotProvincialTc = "not_provincial_tc", Flag, false, "尚未认定为省级企业技术中心", "Not yet a provincial tech center";
    /// University / institute partners.
    Partners = "partners", Item, false, "产学研合作单位数", "University/institute partners";
    /// 高级专家和博士人数.
    SeniorExperts = "senior_experts", Person, false, "高级专家和博士人数", "Senior experts and PhDs";
    /// Technical leader and team (declared).
    TechLeader = "tech_leader", Flag, false, "技术带头人及人才队伍", "Technical leader and team";
    /// Sound innovation mechanism (declared).
    Mechanism = "mechanism", Flag, false, "创新机制健全、规划目标明确、产学研合作", "Innovation mechanism, plan and cooperation";
    /// Written development plan.
    WrittenPlan = "written_plan", Flag, false, "有书面研发规划", "Written R&D plan";
    /// Own brand.
    OwnBrand = "own_brand", Flag, false, "拥有自主品牌", "Own brand";
    /// QMS certificate.
    QmsCertificate = "qms_certificate", Flag, false, "质量管理体系认证", "Quality-management certificate";
    /// Management-system or developed-country product certification.
    AdvancedCertification = "advanced_certification", Flag, false, "管理体系认证或发达国家和地区产品认证", "Management-system or developed-market product certification";
    /// Provincial or higher quality award.
    QualityAward = "quality_award", Flag, false, "省级以上质量奖", "Provincial+ quality award";
    /// Standards drafted (all levels).
    StandardsDrafted = "standards_drafted", Item, false, "主持或参与制修订标准数", "Standards drafted";
    /// Standards drafted at international, national or industry level (group standards excluded).
    StandardsNationalIndustry = "standards_national_industry", Item, false, "参与制修订国际、国家或行业标准数", "International, national or industry standards drafted";
    /// Products made to industry or national standards.
    ProductsToStandards = "products_to_standards", Flag, false, "产品按行业或国家标准组织生产", "Products made to industry or national standards";
    /// 数字化水平 level.
    DigitalLevel = "digital_level", Level, false, "数字化水平等级", "Digital level";
    /// Core processes on an IT system.
    ItCoreProcesses = "it_core_processes", Item, false, "采用信息系统的核心业务环节数", "Core processes on IT systems";
    /// National niche market share.
    NicheShare = "niche_share", Percent, false, "细分市场全国占有率", "National niche market share";
    /// National niche market rank.
    NicheRank = "niche_rank", Rank, false, "细分市场全国排名", "National niche market rank";
    /// International niche market share.
    IntlNicheShare = "intl_niche_share", Percent, false, "细分市场国际占有率", "International niche market share";
    /// Niche position widely recognised (declared).
    NicheRecognised = "niche_recognised", Flag, false, "细分市场知名度较高", "Niche position recognised";
    /// Lead product in the 战略性新兴产业分类.
    FieldStrategicEmerging = "field_strategic_emerging", Flag, false, "主导产品属于战略性新兴产业", "Lead product in strategic emerging industries";
    /// Lead product in 工业“六基”.
    FieldSixBasics = "field_six_basics", Flag, false, "主导产品属于工业“六基”", "Lead product in the six industrial basics";
    /// 补短板/锻长板/填空白 with results.
    FieldFillsGap = "field_fills_gap", Flag, false, "补短板、锻长板、填空白取得成效", "Fills a gap / strengthens a strength";
    /// 制造强国 ten key fields.
    FieldTenKeyFields = "field_ten_key_fields", Flag, false, "属于制造强国十大重点领域", "In the ten key manufacturing fields";
    /// 网络强国 field.
    FieldNetworkPower = "field_network_power", Flag, false, "属于网络强国建设领域", "In a cyber-power field";
    /// 中华老字号.
    FieldTimeHonored = "field_time_honored", Flag, false, "中华老字号", "China time-honored brand";
    /// Key link of a priority chain (declared).
    KeyChainLink = "key_chain_link", Flag, false, "重点产业链关键环节", "Key link of a priority chain";
    /// Ⅰ类 IP.
    Ip1 = "ip1", Item, false, "Ⅰ类知识产权", "Class I IP";
    /// Self-developed Ⅰ类 IP.
    Ip1Self = "ip1_self", Item, false, "自主研发Ⅰ类知识产权", "Self-developed class I IP";
    /// High-value Ⅰ类 IP.
    Ip1HighValue = "ip1_high_value", Item, false, "Ⅰ类高价值知识产权", "High-value class I IP";
    /// Ⅱ类 IP.
    Ip2 = "ip2", Item, false, "Ⅱ类知识产权", "Class II IP";
    /// Ongoing R&D projects.
    OngoingProjects = "ongoing_projects", Item, false, "在研研发项目数", "Ongoing R&D projects";
    /// National S&T award, top-3 unit, in the last 3 years.
    NatAwardTop3 = "nat_award_top3_3y", Flag, false, "近三年国家科技奖（前三完成单位）", "National S&T award, top-3 unit, 3 years";
    /// National S&T award, top-5 unit, in the last 3 years.
    NatAwardTop5 = "nat_award_top5_3y", Flag, false, "近三年国家科技奖（前五完成单位）", "National S&T award, top-5 unit, 3 years";
    /// Provincial-or-higher S&T award, top-3 unit, in the last 3 years.
    ProvAwardTop3 = "prov_award_top3_3y", Flag, false, "近三年省级以上科技奖（前三完成单位）", "Provincial+ S&T award, top-3 unit, 3 years";
    /// Any national or provincial S&T award in the last 3 years.
    AnyAward3y = "any_award_3y", Flag, false, "近三年获国家级或省级科技奖", "National or provincial S&T award, 3 years";
    /// 创客中国 national top 50 in the last 3 years.
    MakerTop50 = "maker_top50_3y", Flag, false, "近三年创客中国全国 50 强", "创客中国 national top 50, 3 years";
    /// 创客中国 national top 500 in the last 3 years.
    MakerTop500 = "maker_top500_3y", Flag, false, "近三年创客中国全国 500 强", "创客中国 national top 500, 3 years";
    /// Not on the 经营异常名录.
    NoAbnormalList = "no_abnormal_list", Flag, false, "未列入经营异常名录", "Not on the abnormal-operation list";
    /// Not a 严重失信主体.
    NoSeriousDishonesty = "no_serious_dishonesty", Flag, false, "未列入严重失信主体名单", "Not listed as seriously dishonest";
    /// No major accident.
    NoMajorAccident = "no_major_accident", Flag, false, "近三年无重大安全、质量、环境事故", "No major safety/quality/environment accident";
    /// No tax evasion / 骗取出口退税.
    NoTaxEvasion = "no_tax_evasion", Flag, false, "近三年无偷漏税、骗取出口退税", "No tax evasion";
    /// No smuggling.
    NoSmuggling = "no_smuggling", Flag, false, "近三年无走私行为", "No smuggling";
    /// Not a 重大税收违法失信主体.
    NoMajorTaxViolation = "no_major_tax_violation", Flag, false, "未列入重大税收违法失信主体", "Not a major tax-violation entity";
    /// No serious violation of industry regulations.
    NoIndustryViolation = "no_industry_violation", Flag, false, "近三年未严重违反相关行业管理规定", "No serious violation of industry regulations in 3 years";
    /// 科技人员 / 职工总数.
    StStaffShare = "st_staff_share", Percent, true, "科技人员占职工总数比重", "S&T staff share of total staff";
    /// R&D / sales revenue over the last three fiscal years (fewer if the firm is younger).
    HnteRdRatio3y = "hnte_rd_ratio_3y", Percent, false, "近三个会计年度研发费用总额占同期销售收入总额比例", "R&D / sales over the last three fiscal years";
    /// Domestic R&D / all R&D over the same years.
    RdDomesticShare3y = "rd_domestic_share_3y", Percent, false, "境内研发费用占全部研发费用比例", "Share of R&D spent in China";
    /// 高新技术产品（服务）收入 / 总收入.
    HitechRevenueShare = "hitech_revenue_share", Percent, true, "高新技术产品（服务）收入占同期总收入比例", "High-tech products (services) share of total income";
    /// Years since registration, to the as-of date.
    RegisteredYears = "registered_years", Year, false, "注册成立年限", "Years since registration";
    /// ½ × (NA(Y−2)/NA(Y−3) + NA(Y−1)/NA(Y−2)) − 1, NA = 资产 − 负债.
    NetAssetGrowth3y = "net_asset_growth_3y", Percent, false, "净资产增长率（近三年）", "Net-asset growth (3 years)";
    /// ½ × (S(Y−2)/S(Y−3) + S(Y−1)/S(Y−2)) − 1, S = 营业收入.
    SalesGrowth3y = "sales_growth_3y", Percent, false, "销售收入增长率（近三年）", "Sales growth (3 years)";
    /// Mean yearly 科技成果转化 over the last three years.
    ConversionsAvg3y = "conversions_avg_3y", Item, false, "近三年年均科技成果转化数", "Yearly average of technology results converted";
    /// Declared grade of technical advancement (A = 5 … E = 1).
    IpAdvancement = "ip_advancement", Level, false, "知识产权技术先进程度（声明档次）", "Technical advancement of the IP (declared grade)";
    /// Declared grade of the IP's core support for the main products (A = 5 … E = 1).
    IpCoreSupport = "ip_core_support", Level, false, "知识产权核心支持作用（声明档次）", "Core support of the IP (declared grade)";
    /// Ⅰ类 + Ⅱ类 IP.
    IpAny = "ip_any", Item, false, "Ⅰ类和Ⅱ类知识产权合计", "Class I and II IP";
    /// Some of the IP is self-developed.
    IpSelfDeveloped = "ip_self_developed", Flag, false, "知识产权为自主研发", "IP self-developed";
    /// Took part in drafting national/industry standards, test methods or technical specifications.
    HnteDraftedStandards = "hnte_drafted_standards", Flag, false, "参与制定国家标准、行业标准、检测方法或技术规范", "Took part in drafting national/industry standards, test methods or specifications";
    /// The supporting technology is in the state-supported high-tech fields (declared).
    HnteField = "hnte_field", Flag, false, "核心技术属于《国家重点支持的高新技术领域》", "Core technology in the state-supported high-tech fields";
    /// Declared points: R&D organisation and accounting.
    OrgRdManagement = "org_rd_management", Points, false, "研究开发组织管理制度、研发投入核算体系、研发费用辅助账", "R&D management, accounting and auxiliary ledger";
    /// Declared points: R&D institution and industry-academia cooperation.
    OrgInstitution = "org_institution", Points, false, "内部研究开发机构与产学研合作", "In-house R&D institution and cooperation";
    /// Declared points: conversion organisation and incentives, open platforms.
    OrgConversion = "org_conversion", Points, false, "科技成果转化组织实施与激励奖励制度、开放式创新创业平台", "Conversion organisation, incentives, open platforms";
    /// Declared points: training, talent and evaluation systems.
    OrgTalent = "org_talent", Points, false, "科技人员培养、人才引进与绩效评价奖励制度", "Training, talent and evaluation systems";
    /// R&D / 成本费用支出总额.
    RdToCosts = "rd_to_costs", Percent, true, "研发费用占成本费用支出总额比例", "R&D / total costs and expenses";
    /// National S&T award, top-3 unit, in the last 5 years.
    NatAwardTop3In5y = "nat_award_top3_5y", Flag, false, "近五年国家科技奖（前三完成单位）", "National S&T award, top-3 unit, 5 years";
    /// Led drafting an international/national/industry standard in 5 years.
    LedStandard5y = "led_standard_5y", Flag, false, "近五年主导制定国际、国家或行业标准", "Led an international, national or industry standard in 5 years";
    /// No 科研严重失信.
    NoResearchMisconduct = "no_research_misconduct", Flag, false, "未发生科研严重失信行为", "No serious research misconduct";
    /// 专精特新发展评价得分 from the MIIT platform.
    MiitPlatformScore = "miit_platform_score", Points, false, "专精特新发展评价得分", "MIIT development-evaluation score";
    /// 特色化 local score (2022 rules).
    FeaturedScore2022 = "featured_score_2022", Points, false, "特色化指标得分", "Featured (特色化) score";
}

impl Metric {
    /// The input fields the metric reads, as patterns (`*` stands for a year,
    /// a trailing list name covers its items). Used to show, beside each
    /// input, the criteria it feeds.
    #[must_use]
    pub fn inputs(self) -> &'static [Input] {
        use Input::{Field as N, Fiscal as Y};
        use Metric as M;
        match self {
            M::Revenue | M::RevenueGrowth | M::RevenueCagr2y | M::SalesGrowth3y => {
                &[Y(&fiscal::REVENUE)]
            }
            M::MainRevenue | M::MainGrowth | M::AvgMainGrowth2y => &[Y(&fiscal::MAIN_REVENUE)],
            M::NetProfit => &[Y(&fiscal::NET_PROFIT)],
            M::TotalAssets => &[Y(&fiscal::TOTAL_ASSETS)],
            M::RdSpend | M::RdTotal2y | M::RdAvg2y => &[Y(&fiscal::RD_SPEND)],
            M::StaffTotal => &[Y(&fiscal::STAFF_TOTAL)],
            M::RdStaff => &[Y(&fiscal::RD_STAFF)],
            M::RdRatio => &[Y(&fiscal::RD_SPEND), Y(&fiscal::REVENUE)],
            M::RdRatioMain => &[Y(&fiscal::RD_SPEND), Y(&fiscal::MAIN_REVENUE)],
            M::MainShare => &[Y(&fiscal::MAIN_REVENUE), Y(&fiscal::REVENUE)],
            M::RevenueGrowthOverBenchmark => &[
                Y(&fiscal::REVENUE),
                N("manual.provincial_revenue_growth_benchmark"),
            ],
            M::ProfitGrowthOverBenchmark => &[
                Y(&fiscal::TOTAL_PROFIT),
                N("manual.provincial_profit_growth_benchmark"),
            ],
            M::DebtRatio => &[Y(&fiscal::TOTAL_LIABILITIES), Y(&fiscal::TOTAL_ASSETS)],
            M::NetMargin => &[Y(&fiscal::NET_PROFIT), Y(&fiscal::REVENUE)],
            M::RdStaffShare => &[Y(&fiscal::RD_STAFF), Y(&fiscal::STAFF_TOTAL)],
            M::RdStaffQualifiedShare => &[Y(&fiscal::RD_STAFF_QUALIFIED), Y(&fiscal::RD_STAFF)],
            M::RdSpendPerRdStaff => &[Y(&fiscal::RD_SPEND), Y(&fiscal::RD_STAFF)],
            M::NewProductShare => &[Y(&fiscal::NEW_PRODUCT_SALES), Y(&fiscal::REVENUE)],
            M::LeadProductShare => &[Y(&fiscal::LEAD_PRODUCT_SALES), Y(&fiscal::REVENUE)],
            M::Equity2y | M::Equity3y => &[Y(&fiscal::EQUITY_NEW)],
            M::YearsInNiche => &[
                N("direction.niche_entry_year"),
                N("direction.niche_entry_month"),
            ],
            M::IsSme => &[
                N("company.industry"),
                Y(&fiscal::STAFF_TOTAL),
                Y(&fiscal::REVENUE),
                Y(&fiscal::TOTAL_ASSETS),
            ],
            M::InJiangxi => &[N("company.city")],
            M::SectorPrimaryTertiary | M::IsConstruction | M::NotConstruction => {
                &[N("company.industry")]
            }
            M::IndependentLegalPerson => &[N("company.independent_legal_person")],
            M::ProductsPermitted => &[N("company.products_permitted")],
            M::EquipmentValue => &[N("conditions.equipment_value")],
            M::RdSpace => &[N("conditions.rd_space_m2")],
            M::InstitutionLevel
            | M::ProvincialTcYears
            | M::MunicipalTcYears
            | M::NotProvincialTc => &[N("conditions.institutions")],
            M::Partners => &[N("conditions.partners")],
            M::SeniorExperts => &[N("staff.senior_experts")],
            M::TechLeader => &[N("staff.tech_leader")],
            M::Mechanism => &[N("direction.mechanism")],
            M::WrittenPlan => &[N("direction.written_plan")],
            M::OwnBrand => &[N("direction.own_brand")],
            M::QmsCertificate => &[N("direction.qms_certificate")],
            M::AdvancedCertification => &[N("direction.advanced_certification")],
            M::QualityAward => &[N("direction.quality_award")],
            M::StandardsDrafted | M::StandardsNationalIndustry => &[N("direction.standards")],
            M::ProductsToStandards => &[N("direction.products_to_standards")],
            M::DigitalLevel => &[N("direction.digital_level")],
            M::ItCoreProcesses => &[N("direction.it_core_processes")],
            M::NicheShare => &[N("direction.niche_share_pct")],
            M::NicheRank => &[N("direction.niche_rank")],
            M::IntlNicheShare => &[N("direction.intl_niche_share_pct")],
            M::NicheRecognised => &[N("direction.niche_recognised")],
            M::FieldStrategicEmerging => &[N("direction.fields.strategic_emerging")],
            M::FieldSixBasics => &[N("direction.fields.six_basics")],
            M::FieldFillsGap => &[N("direction.fields.fills_gap")],
            M::FieldTenKeyFields => &[N("direction.fields.ten_key_fields")],
            M::FieldNetworkPower => &[N("direction.fields.network_power")],
            M::FieldTimeHonored => &[N("direction.fields.time_honored")],
            M::KeyChainLink => &[N("direction.fields.key_chain_link")],
            M::Ip1 => &[N("ip.class1")],
            M::Ip1Self => &[N("ip.class1_self")],
            M::Ip1HighValue => &[N("ip.class1_high_value")],
            M::Ip2 => &[N("ip.class2")],
            M::OngoingProjects => &[N("projects")],
            M::NatAwardTop3
            | M::NatAwardTop5
            | M::ProvAwardTop3
            | M::AnyAward3y
            | M::NatAwardTop3In5y => &[N("awards")],
            M::MakerTop50 | M::MakerTop500 => &[N("maker_china")],
            M::NoAbnormalList => &[N("compliance.abnormal_operation_list")],
            M::NoSeriousDishonesty => &[N("compliance.serious_dishonesty")],
            M::NoMajorAccident => &[N("compliance.major_accident")],
            M::NoTaxEvasion => &[N("compliance.tax_evasion")],
            M::NoSmuggling => &[N("compliance.smuggling")],
            M::NoMajorTaxViolation => &[N("compliance.major_tax_violation")],
            M::NoIndustryViolation => &[N("compliance.industry_violation")],
            M::StStaffShare => &[Y(&fiscal::ST_STAFF), Y(&fiscal::STAFF_TOTAL)],
            M::HnteRdRatio3y => &[
                Y(&fiscal::RD_SPEND),
                Y(&fiscal::REVENUE),
                N("company.founded"),
            ],
            M::RdDomesticShare3y => &[
                Y(&fiscal::RD_SPEND_DOMESTIC),
                Y(&fiscal::RD_SPEND),
                N("company.founded"),
            ],
            M::HitechRevenueShare => &[Y(&fiscal::HITECH_REVENUE), Y(&fiscal::TOTAL_INCOME)],
            M::RegisteredYears => &[N("company.founded")],
            M::NetAssetGrowth3y => &[Y(&fiscal::TOTAL_ASSETS), Y(&fiscal::TOTAL_LIABILITIES)],
            M::ConversionsAvg3y => &[Y(&fiscal::CONVERSIONS)],
            M::IpAdvancement => &[N("high_tech.ip_advancement")],
            M::IpCoreSupport => &[N("high_tech.ip_core_support")],
            M::IpAny => &[N("ip.class1"), N("ip.class2")],
            M::IpSelfDeveloped => &[N("high_tech.ip_acquisition")],
            M::HnteDraftedStandards => &[N("high_tech.drafted_standards")],
            M::HnteField => &[N("high_tech.field_declared")],
            M::OrgRdManagement => &[N("high_tech.org_rd_management")],
            M::OrgInstitution => &[N("high_tech.org_institution")],
            M::OrgConversion => &[N("high_tech.org_conversion")],
            M::OrgTalent => &[N("high_tech.org_talent")],
            M::RdToCosts => &[Y(&fiscal::RD_SPEND), Y(&fiscal::TOTAL_COSTS)],
            M::LedStandard5y => &[N("direction.led_standard_5y")],
            M::NoResearchMisconduct => &[N("compliance.research_misconduct")],
            M::MiitPlatformScore => &[N("manual.miit_platform_score")],
            M::FeaturedScore2022 => &[N("manual.featured_score_2022")],
        }
    }

    /// Whether the metric reads `field` (e.g. `years.2024.rd_spend`,
    /// `conditions.institutions.0.year`).
    #[must_use]
    pub fn reads(self, field: &str) -> bool {
        self.inputs().iter().any(|input| input.matches(field))
    }
}

/// An input a metric reads.
#[derive(Debug, Clone, Copy)]
pub enum Input {
    /// A per-year input, whichever year.
    Fiscal(&'static FiscalField),
    /// Any other input, by its id; a list or group name covers its items.
    Field(&'static str),
}

impl Input {
    /// Whether the field id `field` (`years.2024.rd_spend`,
    /// `conditions.institutions.0.year`) is this input.
    #[must_use]
    pub fn matches(self, field: &str) -> bool {
        match self {
            Input::Fiscal(f) => f.names(field),
            Input::Field(pattern) => field_matches(pattern, field),
        }
    }

    /// The input as a field reference (a per-year one whichever year).
    #[must_use]
    pub fn field(self) -> FieldRef {
        match self {
            Input::Fiscal(f) => FieldRef::EveryYear(f),
            Input::Field(id) => FieldRef::from(id),
        }
    }
}

/// Whether a field id matches an input pattern: `*` matches one segment, and
/// a pattern naming a list or group also matches everything inside it.
#[must_use]
pub fn field_matches(pattern: &str, field: &str) -> bool {
    let mut p = pattern.split('.');
    let mut f = field.split('.');
    loop {
        match (p.next(), f.next()) {
            (None, _) => return true,
            (Some(a), Some(b)) if a == "*" || a == b => {}
            _ => return false,
        }
    }
}

/// Computes metrics for one assessment at one as-of date.
#[derive(Debug, Clone, Copy)]
pub struct Metrics<'a> {
    a: &'a Assessment,
    as_of: NaiveDate,
}

type Num = Result<f64, Missing>;

fn both(x: Num, y: Num) -> Result<(f64, f64), Missing> {
    match (x, y) {
        (Ok(x), Ok(y)) => Ok((x, y)),
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
        (Err(e), Err(f)) => Err(e.merge(f)),
    }
}

/// `num / den` in percent, computed exactly ([`exact`]); a zero or negative
/// denominator, or one so small that the ratio is not a finite figure, is
/// missing (the field is named lazily: building it costs an allocation).
fn ratio(num: Num, den: Num, den_field: impl FnOnce() -> FieldRef) -> Num {
    let (n, d) = both(num, den)?;
    match exact::percent(n, d) {
        Some(r) if d > 0.0 && r.is_finite() && r.abs() <= MAX_RATIO => Ok(r),
        _ => Err(Missing::one(den_field())),
    }
}

/// `num / den − 1` in percent (a growth rate), computed exactly; the same
/// rules for the denominator as [`ratio`].
fn growth(num: Num, den: Num, den_field: impl FnOnce() -> FieldRef) -> Num {
    let (n, d) = both(num, den)?;
    match exact::growth(n, d) {
        Some(r) if d > 0.0 && r.is_finite() && r.abs() <= MAX_RATIO => Ok(r),
        _ => Err(Missing::one(den_field())),
    }
}

/// Largest ratio taken as a real figure (percent): beyond it the denominator is
/// too small to be a real amount (e.g. 5e-324 万元) and the figure is missing.
pub const MAX_RATIO: f64 = 1.0e12;

fn flag(field: &'static str, v: Option<bool>) -> MetricResult {
    v.map(Value::Flag).ok_or_else(|| Missing::one(field))
}

fn not_flag(field: &'static str, v: Option<bool>) -> MetricResult {
    v.map(|b| Value::Flag(!b))
        .ok_or_else(|| Missing::one(field))
}

/// Points a firm declares for an item worth at most `max`.
fn points(field: &'static str, v: Option<u8>, max: u8) -> MetricResult {
    match v {
        Some(p) if p <= max => Ok(Value::Num(f64::from(p))),
        _ => Err(Missing::one(field)),
    }
}

fn count(field: &'static str, v: Option<u32>) -> MetricResult {
    match v {
        Some(n) if n <= MAX_PEOPLE => Ok(Value::Num(f64::from(n))),
        _ => Err(Missing::one(field)),
    }
}

/// A duration as a metric value: a number, or a span when undecided.
fn duration_value(d: Result<f64, Span>) -> Value {
    match d {
        Ok(v) => Value::Num(v),
        Err(s) => Value::Span(s),
    }
}

/// Size class under 工信部联企业〔2011〕300号.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SmeSize {
    /// Not an SME.
    Large,
    /// 中型.
    Medium,
    /// 小型.
    Small,
    /// 微型.
    Micro,
}

impl<'a> Metrics<'a> {
    /// Metrics of `a` as of `as_of`.
    #[must_use]
    pub fn new(a: &'a Assessment, as_of: NaiveDate) -> Self {
        Metrics { a, as_of }
    }

    /// The as-of date.
    #[must_use]
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Calendar year of offset `back` (1 = Y−1).
    #[must_use]
    pub fn calendar_year(&self, back: u8) -> i32 {
        self.as_of.year() - i32::from(back)
    }

    fn fy(&self, back: u8) -> Option<&'a FiscalYear> {
        self.a.year(self.calendar_year(back))
    }

    /// A per-year input (money or head count) as a number, or missing.
    fn input(&self, back: u8, field: &'static FiscalField) -> Num {
        let fy = self.fy(back);
        let ok = match field.access {
            Access::Money { get, signed, .. } => fy
                .and_then(get)
                .filter(|v| v.is_finite() && v.abs() <= MAX_MONEY && (signed || *v >= 0.0)),
            Access::People { get, .. } => {
                fy.and_then(get).filter(|v| *v <= MAX_PEOPLE).map(f64::from)
            }
        };
        ok.ok_or_else(|| Missing::one(FieldRef::year(self.calendar_year(back), field)))
    }

    /// 营业收入 in year `back`.
    pub fn revenue(&self, back: u8) -> Num {
        self.input(back, &fiscal::REVENUE)
    }
    /// 主营业务收入 in year `back`.
    pub fn main_revenue(&self, back: u8) -> Num {
        self.input(back, &fiscal::MAIN_REVENUE)
    }
    /// 净利润 in year `back`.
    pub fn net_profit(&self, back: u8) -> Num {
        self.input(back, &fiscal::NET_PROFIT)
    }
    /// 利润总额 in year `back`.
    pub fn total_profit(&self, back: u8) -> Num {
        self.input(back, &fiscal::TOTAL_PROFIT)
    }
    /// 资产总额 in year `back`.
    pub fn total_assets(&self, back: u8) -> Num {
        self.input(back, &fiscal::TOTAL_ASSETS)
    }
    /// 负债总额 in year `back`.
    pub fn total_liabilities(&self, back: u8) -> Num {
        self.input(back, &fiscal::TOTAL_LIABILITIES)
    }
    /// 研发费用 in year `back`.
    pub fn rd_spend(&self, back: u8) -> Num {
        self.input(back, &fiscal::RD_SPEND)
    }
    /// 合格机构投资者新增股权融资 in year `back`.
    pub fn equity_new(&self, back: u8) -> Num {
        self.input(back, &fiscal::EQUITY_NEW)
    }
    /// 职工总数 in year `back`.
    pub fn staff_total(&self, back: u8) -> Num {
        self.input(back, &fiscal::STAFF_TOTAL)
    }
    /// 研发人员数 in year `back`.
    pub fn rd_staff(&self, back: u8) -> Num {
        self.input(back, &fiscal::RD_STAFF)
    }

    /// 研发费用 / 营业收入 (%).
    pub fn rd_ratio(&self, back: u8) -> Num {
        ratio(self.rd_spend(back), self.revenue(back), || {
            FieldRef::year(self.calendar_year(back), &fiscal::REVENUE)
        })
    }
    /// 研发费用 / 主营业务收入 (%).
    pub fn rd_ratio_main(&self, back: u8) -> Num {
        ratio(self.rd_spend(back), self.main_revenue(back), || {
            FieldRef::year(self.calendar_year(back), &fiscal::MAIN_REVENUE)
        })
    }
    /// 主营 / 营业收入 (%).
    pub fn main_share(&self, back: u8) -> Num {
        ratio(self.main_revenue(back), self.revenue(back), || {
            FieldRef::year(self.calendar_year(back), &fiscal::REVENUE)
        })
    }
    /// 主营(y)/主营(y−1) − 1 (%).
    pub fn main_growth(&self, back: u8) -> Num {
        growth(self.main_revenue(back), self.main_revenue(back + 1), || {
            FieldRef::year(self.calendar_year(back + 1), &fiscal::MAIN_REVENUE)
        })
    }
    /// 营业收入增长率 (%).
    pub fn revenue_growth(&self, back: u8) -> Num {
        growth(self.revenue(back), self.revenue(back + 1), || {
            FieldRef::year(self.calendar_year(back + 1), &fiscal::REVENUE)
        })
    }
    /// 利润总额增长率 (%); undefined (missing) when the earlier profit is not positive.
    pub fn profit_growth(&self, back: u8) -> Num {
        growth(self.total_profit(back), self.total_profit(back + 1), || {
            FieldRef::year(self.calendar_year(back + 1), &fiscal::TOTAL_PROFIT)
        })
    }
    /// 营业收入 growth minus the provincial average (pp).
    pub fn revenue_growth_over_benchmark(&self, back: u8) -> Num {
        let bench = Self::benchmark(
            self.a.manual.provincial_revenue_growth_benchmark,
            "manual.provincial_revenue_growth_benchmark",
        );
        let (g, b) = both(self.revenue_growth(back), bench)?;
        Ok(exact::diff(g, b))
    }
    /// 利润总额 growth minus the provincial average (pp).
    pub fn profit_growth_over_benchmark(&self, back: u8) -> Num {
        let bench = Self::benchmark(
            self.a.manual.provincial_profit_growth_benchmark,
            "manual.provincial_profit_growth_benchmark",
        );
        let (g, b) = both(self.profit_growth(back), bench)?;
        Ok(exact::diff(g, b))
    }
    fn benchmark(v: Option<f64>, field: &'static str) -> Num {
        v.filter(|b| b.is_finite() && b.abs() <= 1000.0)
            .ok_or_else(|| Missing::one(field))
    }
    /// 负债 / 资产 (%).
    pub fn debt_ratio(&self, back: u8) -> Num {
        ratio(
            self.total_liabilities(back),
            self.total_assets(back),
            || FieldRef::year(self.calendar_year(back), &fiscal::TOTAL_ASSETS),
        )
    }
    /// 净利润 / 营业收入 (%).
    pub fn net_margin(&self, back: u8) -> Num {
        ratio(self.net_profit(back), self.revenue(back), || {
            FieldRef::year(self.calendar_year(back), &fiscal::REVENUE)
        })
    }
    /// 研发人员 / 职工总数 (%).
    pub fn rd_staff_share(&self, back: u8) -> Num {
        ratio(self.rd_staff(back), self.staff_total(back), || {
            FieldRef::year(self.calendar_year(back), &fiscal::STAFF_TOTAL)
        })
    }
    /// Qualified R&D staff / R&D staff (%).
    pub fn rd_staff_qualified_share(&self, back: u8) -> Num {
        let q = self.input(back, &fiscal::RD_STAFF_QUALIFIED);
        ratio(q, self.rd_staff(back), || {
            FieldRef::year(self.calendar_year(back), &fiscal::RD_STAFF)
        })
    }
    /// 研发费用 per R&D staff (万元/人).
    pub fn rd_spend_per_rd_staff(&self, back: u8) -> Num {
        let (n, d) = both(self.rd_spend(back), self.rd_staff(back))?;
        match exact::quotient(n, d) {
            Some(r) if d > 0.0 && r.is_finite() => Ok(r),
            _ => Err(Missing::one(FieldRef::year(
                self.calendar_year(back),
                &fiscal::RD_STAFF,
            ))),
        }
    }
    /// 新产品销售收入 / 营业收入 (%).
    pub fn new_product_share(&self, back: u8) -> Num {
        let n = self.input(back, &fiscal::NEW_PRODUCT_SALES);
        ratio(n, self.revenue(back), || {
            FieldRef::year(self.calendar_year(back), &fiscal::REVENUE)
        })
    }
    /// 主导产品销售收入 / 营业收入 (%).
    pub fn lead_product_share(&self, back: u8) -> Num {
        let n = self.input(back, &fiscal::LEAD_PRODUCT_SALES);
        ratio(n, self.revenue(back), || {
            FieldRef::year(self.calendar_year(back), &fiscal::REVENUE)
        })
    }
    /// Mean of `main_growth(Y−1)` and `main_growth(Y−2)` (%).
    pub fn avg_main_growth_2y(&self) -> Num {
        let (a, b) = both(self.main_growth(1), self.main_growth(2))?;
        Ok(exact::mean2(a, b))
    }
    /// (营业收入(Y−1)/营业收入(Y−3))^½ − 1 (%).
    pub fn revenue_cagr_2y(&self) -> Num {
        let (last, first) = both(self.revenue(1), self.revenue(3))?;
        match exact::cagr(last, first, 2) {
            Some(r) if r.is_finite() && r.abs() <= MAX_RATIO => Ok(r),
            _ => Err(Missing::one(FieldRef::year(
                self.calendar_year(3),
                &fiscal::REVENUE,
            ))),
        }
    }
    /// 研发费用 Y−1 + Y−2.
    pub fn rd_total_2y(&self) -> Num {
        let (a, b) = both(self.rd_spend(1), self.rd_spend(2))?;
        Ok(exact::sum(&[a, b]))
    }
    /// Mean 研发费用 of Y−1 and Y−2.
    pub fn rd_avg_2y(&self) -> Num {
        let (a, b) = both(self.rd_spend(1), self.rd_spend(2))?;
        Ok(exact::mean2(a, b))
    }
    /// Qualified equity financing over the last `n` years.
    pub fn equity_years(&self, n: u8) -> Num {
        let mut total = Ok(0.0);
        for back in 1..=n {
            total = both(total, self.equity_new(back)).map(|(t, e)| exact::sum(&[t, e]));
        }
        total
    }
    /// Years in the niche market to the end of Y−1, in whole months
    /// ([`duration`]); a span when only the entry year is known.
    pub fn years_in_niche(&self) -> MetricResult {
        let d = &self.a.direction;
        let entry = d
            .niche_entry_year
            .filter(|y| (1800..=9999).contains(y))
            .ok_or_else(|| Missing::one("direction.niche_entry_year"))?;
        let end = NaiveDate::from_ymd_opt(self.as_of.year(), 1, 1)
            .ok_or_else(|| Missing::one("as_of"))?;
        Ok(duration_value(duration::years_since(
            entry,
            d.niche_entry_month,
            end,
        )))
    }

    /// SME size class from Y−1 figures (criteria.md §9).
    pub fn sme_size(&self) -> Result<SmeSize, Missing> {
        let industry = self
            .a
            .company
            .industry
            .ok_or_else(|| Missing::one("company.industry"))?;
        let classify = |medium: bool, small: bool| {
            if medium {
                SmeSize::Medium
            } else if small {
                SmeSize::Small
            } else {
                SmeSize::Micro
            }
        };
        Ok(match industry {
            Industry::Industrial => {
                let (staff, rev) = both(self.staff_total(1), self.revenue(1))?;
                if staff >= 1000.0 && rev >= 40000.0 {
                    SmeSize::Large
                } else {
                    classify(
                        staff >= 300.0 && rev >= 2000.0,
                        staff >= 20.0 && rev >= 300.0,
                    )
                }
            }
            Industry::Software => {
                let (staff, rev) = both(self.staff_total(1), self.revenue(1))?;
                if staff >= 300.0 && rev >= 10000.0 {
                    SmeSize::Large
                } else {
                    classify(
                        staff >= 100.0 && rev >= 1000.0,
                        staff >= 10.0 && rev >= 50.0,
                    )
                }
            }
            Industry::Construction => {
                let (rev, assets) = both(self.revenue(1), self.total_assets(1))?;
                if rev >= 80000.0 && assets >= 80000.0 {
                    SmeSize::Large
                } else {
                    classify(
                        rev >= 6000.0 && assets >= 5000.0,
                        rev >= 300.0 && assets >= 300.0,
                    )
                }
            }
            Industry::Primary => {
                let rev = self.revenue(1)?;
                if rev >= 20000.0 {
                    SmeSize::Large
                } else {
                    classify(rev >= 500.0, rev >= 50.0)
                }
            }
            Industry::OtherTertiary => {
                let staff = self.staff_total(1)?;
                if staff >= 300.0 {
                    SmeSize::Large
                } else {
                    classify(staff >= 100.0, staff >= 10.0)
                }
            }
        })
    }

    /// Whether the company is an SME (criteria.md §9). A firm is large only when
    /// every size criterion of its industry is reached, so one known figure below
    /// its threshold settles the answer even if the other is empty.
    pub fn is_sme(&self) -> Result<bool, Missing> {
        let industry = self
            .a
            .company
            .industry
            .ok_or_else(|| Missing::one("company.industry"))?;
        let (first, second, t1, t2) = match industry {
            Industry::Industrial => (self.staff_total(1), self.revenue(1), 1000.0, 40000.0),
            Industry::Software => (self.staff_total(1), self.revenue(1), 300.0, 10000.0),
            Industry::Construction => (self.revenue(1), self.total_assets(1), 80000.0, 80000.0),
            Industry::Primary => (self.revenue(1), Ok(f64::INFINITY), 20000.0, 0.0),
            Industry::OtherTertiary => (self.staff_total(1), Ok(f64::INFINITY), 300.0, 0.0),
        };
        match (first, second) {
            (Ok(a), _) if a < t1 => Ok(true),
            (_, Ok(b)) if b < t2 => Ok(true),
            (Ok(_), Ok(_)) => Ok(false),
            (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
            (Err(e), Err(f)) => Err(e.merge(f)),
        }
    }

    /// Years since the earliest recognition of a tech center at `min` level or
    /// above, to the as-of date ([`duration`]); 0 when there is none, missing
    /// when one has no year entered, a span when one is known only to the year.
    fn tc_years(&self, min: InstitutionLevel) -> MetricResult {
        let mut best: Option<Result<f64, Span>> = None;
        for (i, inst) in self.a.conditions.institutions.iter().enumerate() {
            if inst.kind != InstitutionKind::TechCenter || inst.level < min {
                continue;
            }
            let Some(y) = inst.year.filter(|y| (1800..=9999).contains(y)) else {
                return Err(Missing::one(FieldRef::Institution {
                    index: i,
                    part: InstitutionPart::Year,
                }));
            };
            let this = duration::years_since(y, inst.month, self.as_of);
            let key = |d: &Result<f64, Span>| match d {
                Ok(v) => (*v, *v),
                Err(s) => (s.min, s.max),
            };
            // The longest-held center decides: compare the bounds.
            best = Some(match best {
                None => this,
                Some(b) => {
                    let ((bl, bh), (tl, th)) = (key(&b), key(&this));
                    let (lo, hi) = (bl.max(tl), bh.max(th));
                    if lo == hi {
                        Ok(lo)
                    } else {
                        Err(Span {
                            min: lo,
                            max: hi,
                            end: self.as_of,
                        })
                    }
                }
            });
        }
        Ok(best.map_or(Value::Num(0.0), duration_value))
    }

    /// Σ `num` / Σ `den` (percent) over the last three fiscal years in which
    /// the firm existed (a year counts if it was founded in or before it).
    fn over_existing_years(&self, num: &'static FiscalField, den: &'static FiscalField) -> Num {
        let founded = self
            .a
            .company
            .founded
            .ok_or_else(|| Missing::one("company.founded"))?;
        let (mut n, mut d) = (Ok(0.0), Ok(0.0));
        for back in 1..=3u8 {
            if self.calendar_year(back) < founded.year() {
                continue;
            }
            n = both(n, self.input(back, num)).map(|(t, x)| exact::sum(&[t, x]));
            d = both(d, self.input(back, den)).map(|(t, x)| exact::sum(&[t, x]));
        }
        ratio(n, d, || FieldRef::year(self.calendar_year(1), den))
    }

    /// ½ × (v(Y−2)/v(Y−3) + v(Y−1)/v(Y−2)) − 1 in percent (高企 growth items);
    /// undecided where a base year is zero or negative, or the firm was
    /// founded after Y−3 (fewer than two growth years): the guideline's notes
    /// decide those cases (criteria.md §9a), so the item is `review`.
    fn mean_growth_3y(&self, field: &'static FiscalField, v: impl Fn(&Self, u8) -> Num) -> Num {
        if let Some(f) = self.a.company.founded
            && f.year() > self.calendar_year(3)
        {
            return Err(Missing::undecided("company.founded"));
        }
        let (v1, v2) = both(v(self, 1), v(self, 2))?;
        let v3 = v(self, 3)?;
        let base = |x: f64, back: u8| {
            if x > 0.0 {
                Ok(x)
            } else {
                Err(Missing::undecided(FieldRef::year(
                    self.calendar_year(back),
                    field,
                )))
            }
        };
        let (b3, b2) = (base(v3, 3)?, base(v2, 2)?);
        let exact = || {
            use exact::Q;
            let q = |x: f64| Q::from_f64(x);
            let g = q(v2)?.over(q(b3)?)?.plus(q(v1)?.over(q(b2)?)?)?;
            g.over(Q::int(2))?
                .minus(Q::ONE)?
                .times(Q::int(100))
                .map(Q::to_f64)
        };
        let r = exact().unwrap_or((f64::midpoint(v2 / b3, v1 / b2) - 1.0) * 100.0);
        if r.is_finite() && r.abs() <= MAX_RATIO {
            Ok(r)
        } else {
            Err(Missing::one(FieldRef::year(self.calendar_year(3), field)))
        }
    }

    /// A national (or provincial-or-higher) award, unit rank ≤ `max_rank`, in
    /// the last `years` years (the completed years and the as-of year so far).
    fn award_in(&self, level: Option<AwardLevel>, max_rank: u32, years: i32) -> bool {
        let y = self.as_of.year();
        self.a.awards.iter().any(|aw| {
            level.is_none_or(|l| {
                aw.level == l || (l == AwardLevel::Provincial && aw.level == AwardLevel::National)
            }) && aw.unit_rank >= 1
                && aw.unit_rank <= max_rank
                && aw.year >= y - years
                && aw.year <= y
        })
    }

    /// Awards "in the last three years": the three completed years before the
    /// as-of date and the as-of year itself up to that date.
    fn award_within(&self, level: Option<AwardLevel>, max_rank: u32) -> bool {
        let y = self.as_of.year();
        self.a.awards.iter().any(|aw| {
            level.is_none_or(|l| {
                aw.level == l || (l == AwardLevel::Provincial && aw.level == AwardLevel::National)
            }) && aw.unit_rank >= 1
                && aw.unit_rank <= max_rank
                && aw.year >= y - 3
                && aw.year <= y
        })
    }

    fn maker_within(&self, top50: bool) -> bool {
        let y = self.as_of.year();
        self.a.maker_china.iter().any(|m| {
            (m.result == MakerResult::NationalTop50 || !top50) && m.year >= y - 3 && m.year <= y
        })
    }

    /// Computes `metric`; yearly metrics need `year` (1 = Y−1).
    pub fn value(&self, metric: Metric, year: Option<u8>) -> MetricResult {
        let back = year.unwrap_or(1);
        let num = |r: Num| r.map(Value::Num);
        let a = self.a;
        let d = &a.direction;
        match metric {
            Metric::Revenue => num(self.revenue(back)),
            Metric::MainRevenue => num(self.main_revenue(back)),
            Metric::NetProfit => num(self.net_profit(back)),
            Metric::TotalAssets => num(self.total_assets(back)),
            Metric::RdSpend => num(self.rd_spend(back)),
            Metric::StaffTotal => num(self.staff_total(back)),
            Metric::RdStaff => num(self.rd_staff(back)),
            Metric::RdRatio => num(self.rd_ratio(back)),
            Metric::RdRatioMain => num(self.rd_ratio_main(back)),
            Metric::MainShare => num(self.main_share(back)),
            Metric::MainGrowth => num(self.main_growth(back)),
            Metric::RevenueGrowth => num(self.revenue_growth(back)),
            Metric::RevenueGrowthOverBenchmark => num(self.revenue_growth_over_benchmark(back)),
            Metric::ProfitGrowthOverBenchmark => num(self.profit_growth_over_benchmark(back)),
            Metric::DebtRatio => num(self.debt_ratio(back)),
            Metric::NetMargin => num(self.net_margin(back)),
            Metric::RdStaffShare => num(self.rd_staff_share(back)),
            Metric::RdStaffQualifiedShare => num(self.rd_staff_qualified_share(back)),
            Metric::RdSpendPerRdStaff => num(self.rd_spend_per_rd_staff(back)),
            Metric::NewProductShare => num(self.new_product_share(back)),
            Metric::LeadProductShare => num(self.lead_product_share(back)),
            Metric::AvgMainGrowth2y => num(self.avg_main_growth_2y()),
            Metric::RevenueCagr2y => num(self.revenue_cagr_2y()),
            Metric::RdTotal2y => num(self.rd_total_2y()),
            Metric::RdAvg2y => num(self.rd_avg_2y()),
            Metric::Equity2y => num(self.equity_years(2)),
            Metric::Equity3y => num(self.equity_years(3)),
            Metric::YearsInNiche => self.years_in_niche(),
            Metric::IsSme => self.is_sme().map(Value::Flag),
            Metric::InJiangxi => a
                .company
                .city
                .map(|c| Value::Flag(c != crate::model::City::OutsideJiangxi))
                .ok_or_else(|| Missing::one("company.city")),
            Metric::SectorPrimaryTertiary => a
                .company
                .industry
                .map(|i| Value::Flag(i.is_primary_or_tertiary()))
                .ok_or_else(|| Missing::one("company.industry")),
            Metric::IsConstruction | Metric::NotConstruction => a
                .company
                .industry
                .map(|i| {
                    Value::Flag((i == Industry::Construction) == (metric == Metric::IsConstruction))
                })
                .ok_or_else(|| Missing::one("company.industry")),
            Metric::IndependentLegalPerson => flag(
                "company.independent_legal_person",
                a.company.independent_legal_person,
            ),
            Metric::ProductsPermitted => {
                flag("company.products_permitted", a.company.products_permitted)
            }
            Metric::EquipmentValue => match a.conditions.equipment_value {
                Some(v) if v.is_finite() && (0.0..=MAX_MONEY).contains(&v) => Ok(Value::Num(v)),
                _ => Err(Missing::one("conditions.equipment_value")),
            },
            Metric::RdSpace => match a.conditions.rd_space_m2 {
                Some(v) if v.is_finite() && (0.0..=MAX_MONEY).contains(&v) => Ok(Value::Num(v)),
                _ => Err(Missing::one("conditions.rd_space_m2")),
            },
            Metric::InstitutionLevel => Ok(Value::Num(
                a.conditions
                    .institutions
                    .iter()
                    .map(|i| i.level.rank())
                    .fold(0.0, f64::max),
            )),
            Metric::ProvincialTcYears => self.tc_years(InstitutionLevel::Provincial),
            Metric::MunicipalTcYears => self.tc_years(InstitutionLevel::Municipal),
            Metric::NotProvincialTc => {
                Ok(Value::Flag(!a.conditions.institutions.iter().any(|i| {
                    i.kind == InstitutionKind::TechCenter && i.level >= InstitutionLevel::Provincial
                })))
            }
            Metric::Partners => Ok(Value::Num(
                a.conditions
                    .partners
                    .iter()
                    .filter(|p| !p.trim().is_empty())
                    .count() as f64,
            )),
            Metric::SeniorExperts => count("staff.senior_experts", a.staff.senior_experts),
            Metric::TechLeader => flag("staff.tech_leader", a.staff.tech_leader),
            Metric::Mechanism => flag("direction.mechanism", d.mechanism),
            Metric::WrittenPlan => flag("direction.written_plan", d.written_plan),
            Metric::OwnBrand => flag("direction.own_brand", d.own_brand),
            Metric::QmsCertificate => flag("direction.qms_certificate", d.qms_certificate),
            Metric::AdvancedCertification => {
                flag("direction.advanced_certification", d.advanced_certification)
            }
            Metric::QualityAward => flag("direction.quality_award", d.quality_award),
            Metric::StandardsDrafted => {
                let s = &d.standards;
                let parts = [s.international, s.national, s.industry, s.group];
                if parts.iter().all(Option::is_none) {
                    Err(Missing::one("direction.standards"))
                } else {
                    Ok(Value::Num(
                        parts.iter().map(|p| f64::from(p.unwrap_or(0))).sum(),
                    ))
                }
            }
            Metric::StandardsNationalIndustry => {
                let s = &d.standards;
                let parts = [s.international, s.national, s.industry];
                if parts.iter().all(Option::is_none) {
                    Err(Missing::one("direction.standards"))
                } else {
                    Ok(Value::Num(
                        parts.iter().map(|p| f64::from(p.unwrap_or(0))).sum(),
                    ))
                }
            }
            Metric::ProductsToStandards => {
                flag("direction.products_to_standards", d.products_to_standards)
            }
            Metric::DigitalLevel => match d.digital_level {
                Some(l) if (1..=4).contains(&l) => Ok(Value::Num(f64::from(l))),
                _ => Err(Missing::one("direction.digital_level")),
            },
            Metric::ItCoreProcesses => count("direction.it_core_processes", d.it_core_processes),
            Metric::NicheShare => match d.niche_share_pct {
                Some(v) if v.is_finite() && (0.0..=100.0).contains(&v) => Ok(Value::Num(v)),
                _ => Err(Missing::one("direction.niche_share_pct")),
            },
            Metric::NicheRank => match d.niche_rank {
                Some(r) if r >= 1 => Ok(Value::Num(f64::from(r))),
                _ => Err(Missing::one("direction.niche_rank")),
            },
            Metric::IntlNicheShare => match d.intl_niche_share_pct {
                Some(v) if v.is_finite() && (0.0..=100.0).contains(&v) => Ok(Value::Num(v)),
                _ => Err(Missing::one("direction.intl_niche_share_pct")),
            },
            Metric::NicheRecognised => flag("direction.niche_recognised", d.niche_recognised),
            Metric::FieldStrategicEmerging => flag(
                "direction.fields.strategic_emerging",
                d.fields.strategic_emerging,
            ),
            Metric::FieldSixBasics => flag("direction.fields.six_basics", d.fields.six_basics),
            Metric::FieldFillsGap => flag("direction.fields.fills_gap", d.fields.fills_gap),
            Metric::FieldTenKeyFields => {
                flag("direction.fields.ten_key_fields", d.fields.ten_key_fields)
            }
            Metric::FieldNetworkPower => {
                flag("direction.fields.network_power", d.fields.network_power)
            }
            Metric::FieldTimeHonored => {
                flag("direction.fields.time_honored", d.fields.time_honored)
            }
            Metric::KeyChainLink => {
                flag("direction.fields.key_chain_link", d.fields.key_chain_link)
            }
            Metric::Ip1 => count("ip.class1", a.ip.class1),
            Metric::Ip1Self => count("ip.class1_self", a.ip.class1_self),
            Metric::Ip1HighValue => count("ip.class1_high_value", a.ip.class1_high_value),
            Metric::Ip2 => count("ip.class2", a.ip.class2),
            Metric::OngoingProjects => Ok(Value::Num(
                a.projects
                    .iter()
                    .filter(|p| p.status == ProjectStatus::Ongoing)
                    .count() as f64,
            )),
            Metric::NatAwardTop3 => Ok(Value::Flag(
                self.award_within(Some(AwardLevel::National), 3),
            )),
            Metric::NatAwardTop5 => Ok(Value::Flag(
                self.award_within(Some(AwardLevel::National), 5),
            )),
            Metric::ProvAwardTop3 => Ok(Value::Flag(
                self.award_within(Some(AwardLevel::Provincial), 3),
            )),
            Metric::AnyAward3y => Ok(Value::Flag(self.award_within(None, u32::MAX))),
            Metric::MakerTop50 => Ok(Value::Flag(self.maker_within(true))),
            Metric::MakerTop500 => Ok(Value::Flag(self.maker_within(false))),
            Metric::NoAbnormalList => not_flag(
                "compliance.abnormal_operation_list",
                a.compliance.abnormal_operation_list,
            ),
            Metric::NoSeriousDishonesty => not_flag(
                "compliance.serious_dishonesty",
                a.compliance.serious_dishonesty,
            ),
            Metric::NoMajorAccident => {
                not_flag("compliance.major_accident", a.compliance.major_accident)
            }
            Metric::NoTaxEvasion => not_flag("compliance.tax_evasion", a.compliance.tax_evasion),
            Metric::NoSmuggling => not_flag("compliance.smuggling", a.compliance.smuggling),
            Metric::NoMajorTaxViolation => not_flag(
                "compliance.major_tax_violation",
                a.compliance.major_tax_violation,
            ),
            Metric::NoIndustryViolation => not_flag(
                "compliance.industry_violation",
                a.compliance.industry_violation,
            ),
            Metric::StStaffShare => num(ratio(
                self.input(back, &fiscal::ST_STAFF),
                self.staff_total(back),
                || FieldRef::year(self.calendar_year(back), &fiscal::STAFF_TOTAL),
            )),
            Metric::HnteRdRatio3y => {
                num(self.over_existing_years(&fiscal::RD_SPEND, &fiscal::REVENUE))
            }
            Metric::RdDomesticShare3y => {
                num(self.over_existing_years(&fiscal::RD_SPEND_DOMESTIC, &fiscal::RD_SPEND))
            }
            Metric::HitechRevenueShare => num(ratio(
                self.input(back, &fiscal::HITECH_REVENUE),
                self.input(back, &fiscal::TOTAL_INCOME),
                || FieldRef::year(self.calendar_year(back), &fiscal::TOTAL_INCOME),
            )),
            Metric::RegisteredYears => a
                .company
                .founded
                .map(|f| Value::Num(duration::years_between(f, self.as_of)))
                .ok_or_else(|| Missing::one("company.founded")),
            Metric::NetAssetGrowth3y => num(self.mean_growth_3y(&fiscal::TOTAL_ASSETS, |m, b| {
                let (assets, debts) = both(m.total_assets(b), m.total_liabilities(b))?;
                Ok(exact::diff(assets, debts))
            })),
            Metric::SalesGrowth3y => num(self.mean_growth_3y(&fiscal::REVENUE, Metrics::revenue)),
            Metric::ConversionsAvg3y => {
                let mut total = Ok(0.0);
                for b in 1..=3 {
                    total = both(total, self.input(b, &fiscal::CONVERSIONS))
                        .map(|(t, c)| exact::sum(&[t, c]));
                }
                num(total.map(|t| exact::quotient(t, 3.0).unwrap_or(t / 3.0)))
            }
            Metric::IpAdvancement => a
                .high_tech
                .ip_advancement
                .map(|g| Value::Num(g.rank()))
                .ok_or_else(|| Missing::one("high_tech.ip_advancement")),
            Metric::IpCoreSupport => a
                .high_tech
                .ip_core_support
                .map(|g| Value::Num(g.rank()))
                .ok_or_else(|| Missing::one("high_tech.ip_core_support")),
            Metric::IpAny => match (a.ip.class1, a.ip.class2) {
                (Some(x), Some(y)) => Ok(Value::Num(f64::from(x) + f64::from(y))),
                (Some(x), None) if x > 0 => Ok(Value::Num(f64::from(x))),
                (None, Some(y)) if y > 0 => Ok(Value::Num(f64::from(y))),
                (None, _) => Err(Missing::one("ip.class1")),
                (_, None) => Err(Missing::one("ip.class2")),
            },
            Metric::IpSelfDeveloped => a
                .high_tech
                .ip_acquisition
                .map(|m| Value::Flag(m == crate::model::IpAcquisition::SelfDeveloped))
                .ok_or_else(|| Missing::one("high_tech.ip_acquisition")),
            Metric::HnteDraftedStandards => {
                flag("high_tech.drafted_standards", a.high_tech.drafted_standards)
            }
            Metric::HnteField => flag("high_tech.field_declared", a.high_tech.field_declared),
            Metric::OrgRdManagement => points(
                "high_tech.org_rd_management",
                a.high_tech.org_rd_management,
                6,
            ),
            Metric::OrgInstitution => {
                points("high_tech.org_institution", a.high_tech.org_institution, 6)
            }
            Metric::OrgConversion => {
                points("high_tech.org_conversion", a.high_tech.org_conversion, 4)
            }
            Metric::OrgTalent => points("high_tech.org_talent", a.high_tech.org_talent, 4),
            Metric::RdToCosts => num(ratio(
                self.rd_spend(back),
                self.input(back, &fiscal::TOTAL_COSTS),
                || FieldRef::year(self.calendar_year(back), &fiscal::TOTAL_COSTS),
            )),
            Metric::NatAwardTop3In5y => {
                Ok(Value::Flag(self.award_in(Some(AwardLevel::National), 3, 5)))
            }
            Metric::LedStandard5y => flag("direction.led_standard_5y", d.led_standard_5y),
            Metric::NoResearchMisconduct => not_flag(
                "compliance.research_misconduct",
                a.compliance.research_misconduct,
            ),
            Metric::MiitPlatformScore => match a.manual.miit_platform_score {
                Some(v) if v.is_finite() && (0.0..=100.0).contains(&v) => Ok(Value::Num(v)),
                _ => Err(Missing::one("manual.miit_platform_score")),
            },
            Metric::FeaturedScore2022 => match a.manual.featured_score_2022 {
                Some(v) if v.is_finite() && (0.0..=15.0).contains(&v) => Ok(Value::Num(v)),
                _ => Err(Missing::one("manual.featured_score_2022")),
            },
        }
    }

    /// What it would take, in the underlying input, to move a ratio metric to
    /// `target` (same unit as the metric): e.g. for `rd_ratio` the extra 研发费用
    /// in 万元. `strict` asks to pass the target, not only reach it (`>`, `<`).
    /// Computed exactly ([`exact`]) and rounded **up** to what a form holds
    /// (0.01 万元, whole persons), so applying the lever always closes the gap.
    /// `None` when the metric has no simple lever or is already there.
    #[must_use]
    pub fn lever(
        &self,
        metric: Metric,
        year: Option<u8>,
        target: f64,
        strict: bool,
    ) -> Option<Lever> {
        use exact::Q;
        let back = year.unwrap_or(1);
        let q = |v: Num| v.ok().and_then(Q::from_f64);
        // The target as a fraction, read only for the metrics that have a lever.
        let t = || Q::from_f64(target)?.over(Q::int(100));
        let money = |need: Option<Q>, input: LeverInput| {
            round_up(need?, 100, strict).map(|amount| Lever {
                amount,
                unit: Unit::Wan,
                input,
            })
        };
        let people = |need: Option<Q>, input: LeverInput| {
            round_up(need?, 1, strict).map(|amount| Lever {
                amount,
                unit: Unit::Person,
                input,
            })
        };
        // Hiring (or growing) x raises numerator and denominator alike:
        // (n + x) / (d + x) ≥ t  ⇔  x ≥ (t·d − n) / (1 − t).
        let both_grow = |n: Q, d: Q| {
            let t = t()?;
            (t < Q::ONE)
                .then(|| t.times(d)?.minus(n)?.over(Q::ONE.minus(t)?))
                .flatten()
        };
        match metric {
            Metric::RdRatio => money(
                t()?.times(q(self.revenue(back))?)
                    .and_then(|x| x.minus(q(self.rd_spend(back))?)),
                LeverInput::RdSpend,
            ),
            Metric::RdRatioMain => money(
                t()?.times(q(self.main_revenue(back))?)
                    .and_then(|x| x.minus(q(self.rd_spend(back))?)),
                LeverInput::RdSpend,
            ),
            Metric::MainShare => money(
                both_grow(q(self.main_revenue(back))?, q(self.revenue(back))?),
                LeverInput::MainRevenue,
            ),
            Metric::MainGrowth => money(
                t()?.plus(Q::ONE)
                    .and_then(|g| g.times(q(self.main_revenue(back + 1))?))
                    .and_then(|x| x.minus(q(self.main_revenue(back))?)),
                LeverInput::MainRevenue,
            ),
            Metric::DebtRatio => money(
                t()?.times(q(self.total_assets(back))?)
                    .and_then(|x| q(self.total_liabilities(back))?.minus(x)),
                LeverInput::ReduceLiabilities,
            ),
            Metric::NetMargin => money(
                t()?.times(q(self.revenue(back))?)
                    .and_then(|x| x.minus(q(self.net_profit(back))?)),
                LeverInput::NetProfit,
            ),
            Metric::RdStaffShare => people(
                both_grow(q(self.rd_staff(back))?, q(self.staff_total(back))?),
                LeverInput::HireRdStaff,
            ),
            Metric::RdStaffQualifiedShare => {
                let qualified = self.input(back, &fiscal::RD_STAFF_QUALIFIED);
                people(
                    both_grow(q(qualified)?, q(self.rd_staff(back))?),
                    LeverInput::HireQualifiedRdStaff,
                )
            }
            _ => None,
        }
    }
}

/// `need` rounded up to `1/per` (per = 100: cents of 万元; 1: whole persons);
/// with `strict`, an amount that lands exactly on the target gets one more
/// step. `None` when nothing is needed.
fn round_up(need: exact::Q, per: i64, strict: bool) -> Option<f64> {
    use exact::Q;
    if need.signum() == std::cmp::Ordering::Less || (need == Q::ZERO && !strict) {
        return None;
    }
    let scaled = need.times(Q::int(per))?;
    let mut steps = scaled.ceil()?;
    if strict && Q::int(steps) == scaled {
        steps += 1;
    }
    Q::int(steps).over(Q::int(per)).map(Q::to_f64)
}

/// The input to change to close a ratio gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverInput {
    /// Spend more on R&D.
    RdSpend,
    /// Grow main-business revenue.
    MainRevenue,
    /// Reduce liabilities.
    ReduceLiabilities,
    /// Raise net profit.
    NetProfit,
    /// Hire more (full-time) R&D staff.
    HireRdStaff,
    /// Hire R&D staff with a degree or engineer title.
    HireQualifiedRdStaff,
}

impl LeverInput {
    /// Chinese phrase, e.g. "研发费用需再增加".
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            LeverInput::RdSpend => "研发费用",
            LeverInput::MainRevenue => "主营业务收入",
            LeverInput::ReduceLiabilities => "需压降负债",
            LeverInput::NetProfit => "净利润",
            LeverInput::HireRdStaff => "需增加研发人员",
            LeverInput::HireQualifiedRdStaff => "需增加本科以上学历或工程师以上职称研发人员",
        }
    }

    /// English phrase.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            LeverInput::RdSpend => "more R&D spending",
            LeverInput::MainRevenue => "more main-business revenue",
            LeverInput::ReduceLiabilities => "less liabilities",
            LeverInput::NetProfit => "more net profit",
            LeverInput::HireRdStaff => "more R&D staff",
            LeverInput::HireQualifiedRdStaff => "more qualified R&D staff",
        }
    }
}

/// A concrete way to close a gap: change `input` by `amount` `unit`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Lever {
    /// Amount needed.
    pub amount: f64,
    /// Unit of `amount`.
    pub unit: Unit,
    /// What to change.
    pub input: LeverInput,
}
