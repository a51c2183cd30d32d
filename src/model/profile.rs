//! Capability inputs beyond the yearly figures: staff, conditions, direction,
//! projects, intellectual property, awards, titles, compliance, manual scores.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Staff and talent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Staff {
    /// Has a recognised technical leader and talent team (技术带头人) — declared.
    pub tech_leader: Option<bool>,
    /// Who the leader is and why they qualify.
    pub tech_leader_note: String,
    /// 高级专家和博士人数.
    pub senior_experts: Option<u32>,
}

/// R&D conditions: equipment, space, institutions and partners.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Conditions {
    /// 技术开发仪器设备原值 (万元).
    pub equipment_value: Option<f64>,
    /// Dedicated R&D space (m²).
    pub rd_space_m2: Option<f64>,
    /// R&D institutions the company runs (own or joint).
    pub institutions: Vec<Institution>,
    /// University / research-institute partners (names).
    pub partners: Vec<String>,
    /// Certified laboratories (CNAS etc.).
    pub certified_labs: Option<u32>,
}

/// A recognised R&D institution of the company.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Institution {
    /// Name as on the recognition document.
    pub name: String,
    /// Kind of institution.
    pub kind: InstitutionKind,
    /// Level of recognition.
    pub level: InstitutionLevel,
    /// Year recognised at this level.
    pub year: Option<i32>,
    /// Month recognised (1–12); durations from a year alone are undecided
    /// where the month matters (criteria.md §1).
    pub month: Option<u8>,
    /// For a provincial 企业技术中心: which department recognised it.
    pub track: Option<ProvincialTrack>,
}

/// The department that recognises a Jiangxi provincial 企业技术中心
/// (criteria.md §5): a firm holds its center on one track only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvincialTrack {
    /// 省发改委 (first- and tertiary-industry firms).
    Ndrc,
    /// 省工信厅 (industrial firms).
    Miit,
}

impl ProvincialTrack {
    /// Both tracks.
    pub const ALL: [ProvincialTrack; 2] = [ProvincialTrack::Ndrc, ProvincialTrack::Miit];

    /// Chinese name of the recognising department.
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            ProvincialTrack::Ndrc => "省发改委",
            ProvincialTrack::Miit => "省工信厅",
        }
    }

    /// English name.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            ProvincialTrack::Ndrc => "Provincial DRC",
            ProvincialTrack::Miit => "Provincial MIIT department",
        }
    }
}

/// Kinds of R&D institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionKind {
    /// 企业技术中心.
    #[default]
    TechCenter,
    /// 工程技术研究中心.
    EngineeringCenter,
    /// 重点实验室.
    KeyLab,
    /// 院士工作站.
    AcademicianStation,
    /// 博士后工作站.
    PostdocStation,
    /// Other.
    Other,
}

/// Recognition level, ordered from none to national.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionLevel {
    /// Not recognised.
    #[default]
    None,
    /// Set up by the enterprise itself.
    Enterprise,
    /// 市级.
    Municipal,
    /// 省级 (省部级).
    Provincial,
    /// 国家级.
    National,
}

impl InstitutionLevel {
    /// Numeric rank 0–4 used by the `institution_level` metric.
    #[must_use]
    pub fn rank(self) -> f64 {
        match self {
            InstitutionLevel::None => 0.0,
            InstitutionLevel::Enterprise => 1.0,
            InstitutionLevel::Municipal => 2.0,
            InstitutionLevel::Provincial => 3.0,
            InstitutionLevel::National => 4.0,
        }
    }
}

/// Lead-product field flags (主导产品所属领域).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FieldFlags {
    /// In the 战略性新兴产业分类.
    pub strategic_emerging: Option<bool>,
    /// In 工业“六基” (core components, materials, processes, basic software…).
    pub six_basics: Option<bool>,
    /// 补短板/锻长板/填空白 with results.
    pub fills_gap: Option<bool>,
    /// In the 制造强国 ten key fields.
    pub ten_key_fields: Option<bool>,
    /// In a 网络强国 field.
    pub network_power: Option<bool>,
    /// 中华老字号.
    pub time_honored: Option<bool>,
    /// Key supplier / key link of a priority industrial chain — declared.
    pub key_chain_link: Option<bool>,
}

/// Standards drafted (主持或参与制修订), counts by level.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Standards {
    /// International standards.
    pub international: Option<u32>,
    /// National standards.
    pub national: Option<u32>,
    /// Industry standards.
    pub industry: Option<u32>,
    /// Group (团体) standards.
    pub group: Option<u32>,
}

/// R&D direction, niche focus and quality.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Direction {
    /// Year the company entered its niche market.
    pub niche_entry_year: Option<i32>,
    /// Month (1–12) it entered its niche market; with the year alone a
    /// duration threshold may be undecided (criteria.md §1).
    pub niche_entry_month: Option<u8>,
    /// Lead product (主导产品).
    pub lead_product: String,
    /// Field flags of the lead product.
    pub fields: FieldFlags,
    /// National niche market share (%).
    pub niche_share_pct: Option<f64>,
    /// National niche market rank (1 = first).
    pub niche_rank: Option<u32>,
    /// International niche market share (%), read by the 2026 little-giant rule.
    pub intl_niche_share_pct: Option<f64>,
    /// Niche position widely recognised (“较高知名度”) — declared.
    pub niche_recognised: Option<bool>,
    /// Own brand (自主品牌).
    pub own_brand: Option<bool>,
    /// Written R&D / development plan with clear goals.
    pub written_plan: Option<bool>,
    /// Years the plan covers, e.g. "2024–2026".
    pub plan_years: String,
    /// Sound innovation mechanism, organisation, industry-academia cooperation — declared.
    pub mechanism: Option<bool>,
    /// 数字化水平 level 1–4 (MIIT self-test).
    pub digital_level: Option<u8>,
    /// Core business processes on an IT system (count).
    pub it_core_processes: Option<u32>,
    /// Quality-management-system certificate (e.g. ISO 9001).
    pub qms_certificate: Option<bool>,
    /// Management-system or developed-country product certification (小巨人 精).
    pub advanced_certification: Option<bool>,
    /// Provincial or higher quality award.
    pub quality_award: Option<bool>,
    /// Standards drafted.
    pub standards: Standards,
    /// Products are made to industry or national standards (江西省专业化小巨人).
    pub products_to_standards: Option<bool>,
    /// Led the drafting of an international, national or industry standard in
    /// the last 5 years (科技型中小企业 direct route).
    pub led_standard_5y: Option<bool>,
}

/// One R&D project.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Project {
    /// Project name.
    pub name: String,
    /// Research kind.
    pub kind: ProjectKind,
    /// Budget (万元).
    pub budget: Option<f64>,
    /// Start date.
    pub start: Option<NaiveDate>,
    /// Planned or actual end date.
    pub end: Option<NaiveDate>,
    /// Status.
    pub status: ProjectStatus,
    /// University or institute partner, if any.
    pub partner: String,
}

/// Research kind of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectKind {
    /// 基础研究.
    Basic,
    /// 应用研究.
    Applied,
    /// 试验发展.
    #[default]
    Experimental,
}

/// Status of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// Approved, not started.
    Planned,
    /// In progress.
    #[default]
    Ongoing,
    /// Finished.
    Completed,
}

/// Valid IP related to the lead product (rights transferred in less than a year ago excluded).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IntellectualProperty {
    /// Ⅰ类 (invention patents incl. defence, plant varieties, new drugs, IC layouts…).
    pub class1: Option<u32>,
    /// Of Ⅰ类, self-developed.
    pub class1_self: Option<u32>,
    /// Of Ⅰ类, high-value (overseas family, >10 years, pledge, national award).
    pub class1_high_value: Option<u32>,
    /// Ⅱ类 (software copyright; utility/design patents held > 2 years).
    pub class2: Option<u32>,
}

/// A science and technology award.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Award {
    /// Award name.
    pub name: String,
    /// Level.
    pub level: AwardLevel,
    /// Year awarded.
    pub year: i32,
    /// Rank of the company among the award's units (1 = first unit).
    pub unit_rank: u32,
}

/// Level of an S&T award.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwardLevel {
    /// 国家科学技术奖.
    National,
    /// 省级科学技术奖.
    #[default]
    Provincial,
}

/// A 创客中国 result.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MakerChina {
    /// Competition year.
    pub year: i32,
    /// Result.
    pub result: MakerResult,
}

/// 创客中国 national result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MakerResult {
    /// National top 50.
    NationalTop50,
    /// National top 500.
    #[default]
    NationalTop500,
}

/// A title held, with validity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleHeld {
    /// Which title.
    pub kind: TitleKind,
    /// Recognised on.
    #[serde(default)]
    pub since: Option<NaiveDate>,
    /// Valid until (inclusive); `None` = no expiry stated.
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
}

/// Titles that rule packs can require or accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleKind {
    /// 高新技术企业.
    HighTech,
    /// 科技型中小企业.
    TechSme,
    /// 国家技术创新示范企业.
    InnovationDemo,
    /// 知识产权优势企业 / 示范企业.
    IpAdvantage,
    /// 创新型中小企业.
    InnovativeSme,
    /// 科技和创新型中小企业.
    TechInnovativeSme,
    /// 专精特新中小企业.
    Specialized,
    /// 江西省专精特新中小企业.
    JxSpecialized,
    /// 江西省专业化小巨人.
    JxGiant,
    /// 专精特新“小巨人”.
    Giant,
}

impl TitleKind {
    /// How long a recognition lasts when the record gives no end date: three
    /// years for the quality-SME titles and 高新技术企业; a 科技型中小企业
    /// registration holds for its calendar year (criteria.md §8, §9a).
    #[must_use]
    pub fn valid_until(self, since: NaiveDate) -> Option<NaiveDate> {
        use chrono::Datelike;
        match self {
            TitleKind::TechSme => NaiveDate::from_ymd_opt(since.year(), 12, 31),
            TitleKind::HighTech
            | TitleKind::InnovativeSme
            | TitleKind::TechInnovativeSme
            | TitleKind::Specialized
            | TitleKind::JxSpecialized
            | TitleKind::JxGiant
            | TitleKind::Giant => since
                .checked_add_months(chrono::Months::new(36))
                .and_then(|d| d.pred_opt()),
            TitleKind::InnovationDemo | TitleKind::IpAdvantage => None,
        }
    }

    /// Every variant.
    pub const ALL: [TitleKind; 10] = [
        TitleKind::HighTech,
        TitleKind::TechSme,
        TitleKind::InnovationDemo,
        TitleKind::IpAdvantage,
        TitleKind::InnovativeSme,
        TitleKind::TechInnovativeSme,
        TitleKind::Specialized,
        TitleKind::JxSpecialized,
        TitleKind::JxGiant,
        TitleKind::Giant,
    ];

    /// Chinese name.
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            TitleKind::HighTech => "高新技术企业",
            TitleKind::TechSme => "科技型中小企业",
            TitleKind::InnovationDemo => "国家技术创新示范企业",
            TitleKind::IpAdvantage => "知识产权优势/示范企业",
            TitleKind::InnovativeSme => "创新型中小企业",
            TitleKind::TechInnovativeSme => "科技和创新型中小企业",
            TitleKind::Specialized => "专精特新中小企业",
            TitleKind::JxSpecialized => "江西省专精特新中小企业",
            TitleKind::JxGiant => "江西省专业化小巨人企业",
            TitleKind::Giant => "专精特新“小巨人”企业",
        }
    }

    /// English name.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            TitleKind::HighTech => "High-tech enterprise",
            TitleKind::TechSme => "Tech-based SME",
            TitleKind::InnovationDemo => "National technology-innovation demonstration enterprise",
            TitleKind::IpAdvantage => "IP advantage / demonstration enterprise",
            TitleKind::InnovativeSme => "Innovative SME",
            TitleKind::TechInnovativeSme => "Tech and innovative SME",
            TitleKind::Specialized => "Specialized SME (专精特新)",
            TitleKind::JxSpecialized => "Jiangxi specialized SME",
            TitleKind::JxGiant => "Jiangxi specialized little giant",
            TitleKind::Giant => "Little giant (小巨人)",
        }
    }
}

/// Compliance in the last three years. `true` means the problem **occurred**.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Compliance {
    /// Listed in the 经营异常名录.
    pub abnormal_operation_list: Option<bool>,
    /// Listed as a 严重失信主体.
    pub serious_dishonesty: Option<bool>,
    /// Major safety (incl. cyber/data), quality or environmental accident.
    pub major_accident: Option<bool>,
    /// Tax evasion or 骗取出口退税.
    pub tax_evasion: Option<bool>,
    /// Smuggling.
    pub smuggling: Option<bool>,
    /// Listed as a 重大税收违法失信主体.
    pub major_tax_violation: Option<bool>,
    /// Seriously violated the regulations of its industry (严重违反相关行业管理规定,
    /// 2026 quality-SME gate).
    pub industry_violation: Option<bool>,
    /// 科研严重失信行为 in the previous or current year (科技型中小企业).
    pub research_misconduct: Option<bool>,
}

/// Scores and benchmarks copied by hand from other systems.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ManualScores {
    /// 专精特新发展评价得分 from the MIIT platform (2026 rules), 0–100.
    pub miit_platform_score: Option<f64>,
    /// 特色化 local score under the 2022 rules, 0–15.
    pub featured_score_2022: Option<f64>,
    /// Average 营业收入 growth of Jiangxi's 规上工业 firms over the same period (%),
    /// for 江西省专业化小巨人 (format 2 called it `provincial_growth_benchmark`).
    #[serde(alias = "provincial_growth_benchmark")]
    pub provincial_revenue_growth_benchmark: Option<f64>,
    /// Average 利润总额 growth of Jiangxi's 规上工业 firms over the same period (%).
    pub provincial_profit_growth_benchmark: Option<f64>,
}

/// What a firm declares for the 高新技术企业 innovation-capability evaluation
/// (国科发火〔2016〕195号, criteria.md §9a): expert-judged items are declared
/// as the guideline's grades or points, and marked Q.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HighTechInputs {
    /// The supporting technology belongs to 《国家重点支持的高新技术领域》.
    pub field_declared: Option<bool>,
    /// 技术的先进程度 (declared grade A–E).
    pub ip_advancement: Option<Grade>,
    /// 对主要产品（服务）在技术上发挥核心支持作用 (declared grade A–E).
    pub ip_core_support: Option<Grade>,
    /// How the IP was obtained.
    pub ip_acquisition: Option<IpAcquisition>,
    /// Took part in drafting national or industry standards, 检测方法 or 技术规范.
    pub drafted_standards: Option<bool>,
    /// 研究开发组织管理制度、研发投入核算体系、研发费用辅助账 (declared points 0–6).
    pub org_rd_management: Option<u8>,
    /// 内部研究开发机构 and 产学研合作 (declared points 0–6).
    pub org_institution: Option<u8>,
    /// 科技成果转化组织实施与激励奖励制度、开放式创新创业平台 (declared points 0–4).
    pub org_conversion: Option<u8>,
    /// 科技人员培养进修、技能培训、人才引进与绩效评价奖励制度 (declared points 0–4).
    pub org_talent: Option<u8>,
}

/// A grade of the 高企 guideline's expert-judged IP items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    /// 7–8 points.
    A,
    /// 5–6 points.
    B,
    /// 3–4 points.
    C,
    /// 1–2 points.
    D,
    /// 0 points.
    E,
}

impl Grade {
    /// Every grade, best first.
    pub const ALL: [Grade; 5] = [Grade::A, Grade::B, Grade::C, Grade::D, Grade::E];

    /// Numeric rank for the rule packs: A = 5 … E = 1.
    #[must_use]
    pub fn rank(self) -> f64 {
        match self {
            Grade::A => 5.0,
            Grade::B => 4.0,
            Grade::C => 3.0,
            Grade::D => 2.0,
            Grade::E => 1.0,
        }
    }
}

/// How a firm obtained the IP that supports its main products.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IpAcquisition {
    /// At least some self-developed (自主研发): 1–6 points.
    SelfDeveloped,
    /// Only transferred, gifted or acquired (受让、受赠、并购): 1–3 points.
    AcquiredOnly,
}
