//! The spreadsheet export (.xlsx): every answer of the assessment, every
//! criterion's outcome and the gaps to the next tier, one sheet each, plus a
//! short sheet naming the file, the packs and the fingerprint.
//!
//! Outcomes and gaps are copied from [`ReportData`], so the workbook says
//! exactly what the PDF and the window say. Numbers are written as numbers
//! (万元, persons, percent as in the form), so the sheets can be filtered and
//! summed; an unanswered field is an empty cell, never 0. Figures of fiscal
//! years outside Y−1…Y−3 of the as-of date are kept but marked as not
//! evaluated, row by row and in a note on the last sheet, as the window flags them.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use chrono::Datelike;

use super::ReportError;
use super::data::ReportData;
use crate::i18n::Lang;
use crate::i18n::words;
use crate::metrics::Unit;
use crate::model::{
    Assessment, AwardLevel, InstitutionKind, InstitutionLevel, MakerResult, ProjectKind,
    ProjectStatus,
};

/// A value of an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Not answered.
    Empty,
    /// A number in the field's unit.
    Number(f64),
    /// Text, a date, a yes/no or a choice, in the report's language.
    Text(String),
}

/// One input field of the assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRow {
    /// Field id, e.g. `years.2024.rd_spend` (the ids validation and the
    /// rule packs' input lists use).
    pub id: String,
    /// What the field asks.
    pub label: String,
    /// Fiscal year of a yearly figure.
    pub year: Option<i32>,
    /// The answer.
    pub value: Answer,
    /// Unit of a number (`万元`, `人`, `%` …); empty for text.
    pub unit: String,
}

/// Every input field of `a`, in form order, labelled in `lang`. Fiscal years
/// come newest first; list entries (projects, awards …) get one row per field
/// and an index in the id.
#[must_use]
pub fn answers(a: &Assessment, lang: Lang) -> Vec<AnswerRow> {
    let mut out = Vec::new();
    for_each_answer(a, lang, |row| out.push(row));
    out
}

/// Calls `f` with every input field of `a`, in the order of [`answers`],
/// without collecting them: a file may list tens of thousands of projects.
#[expect(
    clippy::many_single_char_names,
    reason = "a: the assessment, f: the sink, one letter per input group"
)]
pub fn for_each_answer(a: &Assessment, lang: Lang, mut f: impl FnMut(AnswerRow)) {
    let unit = |u: Unit| u.label(lang).to_string();
    let yes_no = |b: Option<bool>| match b {
        None => Answer::Empty,
        Some(b) => Answer::Text(super::format::yes_no(b, lang).into()),
    };
    let text = |s: &str| {
        if s.trim().is_empty() {
            Answer::Empty
        } else {
            Answer::Text(s.to_string())
        }
    };
    let num = |v: Option<f64>| v.map_or(Answer::Empty, Answer::Number);
    let count = |v: Option<u32>| v.map_or(Answer::Empty, |n| Answer::Number(f64::from(n)));
    let year_num = |v: Option<i32>| v.map_or(Answer::Empty, |n| Answer::Number(f64::from(n)));
    let date =
        |d: Option<chrono::NaiveDate>| d.map_or(Answer::Empty, |d| Answer::Text(d.to_string()));
    let mut push =
        |id: String, zh: &str, en: &str, year: Option<i32>, value: Answer, unit: String| {
            f(AnswerRow {
                id,
                label: lang.pick(zh, en).to_string(),
                year,
                value,
                unit,
            });
        };
    let none = String::new;

    let c = &a.company;
    push(
        "company.name".into(),
        "企业名称",
        "Company name",
        None,
        text(&c.name),
        none(),
    );
    push(
        "company.uscc".into(),
        "统一社会信用代码",
        "Unified social credit code",
        None,
        text(&c.uscc),
        none(),
    );
    push(
        "company.city".into(),
        "所在地区",
        "City",
        None,
        c.city.map_or(Answer::Empty, |x| {
            Answer::Text(lang.pick(x.zh(), x.en()).into())
        }),
        none(),
    );
    push(
        "company.industry".into(),
        "所属行业",
        "Industry",
        None,
        c.industry.map_or(Answer::Empty, |x| {
            Answer::Text(lang.pick(x.zh(), x.en()).into())
        }),
        none(),
    );
    push(
        "company.founded".into(),
        "成立日期",
        "Founded",
        None,
        date(c.founded),
        none(),
    );
    push(
        "company.independent_legal_person".into(),
        "具有独立法人资格",
        "Independent legal person",
        None,
        yes_no(c.independent_legal_person),
        none(),
    );
    push(
        "company.products_permitted".into(),
        "产品不属于禁止、限制或淘汰类",
        "Products not prohibited, restricted or eliminated",
        None,
        yes_no(c.products_permitted),
        none(),
    );
    push(
        "as_of".into(),
        "评价基准日",
        "As-of date",
        None,
        date(a.as_of),
        none(),
    );

    for y in a.years_sorted() {
        for field in crate::model::FISCAL_FIELDS {
            let value = match field.access {
                crate::model::fiscal::Access::Money { get, .. } => num(get(y)),
                crate::model::fiscal::Access::People { get, .. } => count(get(y)),
            };
            let u = field.unit();
            push(
                field.id(y.year),
                field.label.zh,
                field.label.en,
                Some(y.year),
                value,
                unit(u),
            );
        }
    }

    let s = &a.staff;
    push(
        "staff.tech_leader".into(),
        "有技术带头人及人才队伍",
        "Technical leader and team",
        None,
        yes_no(s.tech_leader),
        none(),
    );
    push(
        "staff.tech_leader_note".into(),
        "技术带头人说明",
        "Technical leader (note)",
        None,
        text(&s.tech_leader_note),
        none(),
    );
    push(
        "staff.senior_experts".into(),
        "高级专家和博士人数",
        "Senior experts and PhDs",
        None,
        count(s.senior_experts),
        unit(Unit::Person),
    );

    let k = &a.conditions;
    push(
        "conditions.equipment_value".into(),
        "技术开发仪器设备原值",
        "R&D equipment (original value)",
        None,
        num(k.equipment_value),
        unit(Unit::Wan),
    );
    push(
        "conditions.rd_space_m2".into(),
        "研发场所面积",
        "R&D space",
        None,
        num(k.rd_space_m2),
        unit(Unit::Sqm),
    );
    push(
        "conditions.certified_labs".into(),
        "认可实验室数",
        "Certified laboratories",
        None,
        count(k.certified_labs),
        unit(Unit::Item),
    );
    for (i, inst) in k.institutions.iter().enumerate() {
        let f = |name: &str| format!("conditions.institutions.{i}.{name}");
        push(
            f("name"),
            "研发机构名称",
            "R&D institution",
            None,
            text(&inst.name),
            none(),
        );
        push(
            f("kind"),
            "研发机构类型",
            "Institution kind",
            None,
            Answer::Text(institution_kind(inst.kind, lang).into()),
            none(),
        );
        push(
            f("level"),
            "研发机构级别",
            "Institution level",
            None,
            Answer::Text(institution_level(inst.level, lang).into()),
            none(),
        );
        push(
            f("year"),
            "认定年份",
            "Year recognised",
            None,
            year_num(inst.year),
            none(),
        );
    }
    for (i, p) in k.partners.iter().enumerate() {
        push(
            format!("conditions.partners.{i}"),
            "产学研合作单位",
            "University/institute partner",
            None,
            text(p),
            none(),
        );
    }

    let d = &a.direction;
    push(
        "direction.niche_entry_year".into(),
        "进入细分市场年份",
        "Year the niche market was entered",
        None,
        year_num(d.niche_entry_year),
        none(),
    );
    push(
        "direction.lead_product".into(),
        "主导产品",
        "Lead product",
        None,
        text(&d.lead_product),
        none(),
    );
    let fl = &d.fields;
    for (name, zh, en, v) in [
        (
            "strategic_emerging",
            "主导产品属于战略性新兴产业",
            "Lead product in strategic emerging industries",
            fl.strategic_emerging,
        ),
        (
            "six_basics",
            "主导产品属于工业“六基”",
            "Lead product in the six industrial basics",
            fl.six_basics,
        ),
        (
            "fills_gap",
            "补短板、锻长板、填空白取得成效",
            "Fills a gap / strengthens a strength",
            fl.fills_gap,
        ),
        (
            "ten_key_fields",
            "属于制造强国十大重点领域",
            "In the ten key manufacturing fields",
            fl.ten_key_fields,
        ),
        (
            "network_power",
            "属于网络强国建设领域",
            "In a cyber-power field",
            fl.network_power,
        ),
        (
            "time_honored",
            "中华老字号",
            "China time-honored brand",
            fl.time_honored,
        ),
        (
            "key_chain_link",
            "重点产业链关键环节",
            "Key link of a priority chain",
            fl.key_chain_link,
        ),
    ] {
        push(
            format!("direction.fields.{name}"),
            zh,
            en,
            None,
            yes_no(v),
            none(),
        );
    }
    push(
        "direction.niche_share_pct".into(),
        "细分市场全国占有率",
        "National niche market share",
        None,
        num(d.niche_share_pct),
        unit(Unit::Percent),
    );
    push(
        "direction.niche_rank".into(),
        "细分市场全国排名",
        "National niche market rank",
        None,
        count(d.niche_rank),
        unit(Unit::Rank),
    );
    push(
        "direction.niche_recognised".into(),
        "细分市场知名度较高",
        "Niche position recognised",
        None,
        yes_no(d.niche_recognised),
        none(),
    );
    push(
        "direction.own_brand".into(),
        "拥有自主品牌",
        "Own brand",
        None,
        yes_no(d.own_brand),
        none(),
    );
    push(
        "direction.written_plan".into(),
        "有书面研发规划",
        "Written R&D plan",
        None,
        yes_no(d.written_plan),
        none(),
    );
    push(
        "direction.plan_years".into(),
        "规划期",
        "Plan period",
        None,
        text(&d.plan_years),
        none(),
    );
    push(
        "direction.mechanism".into(),
        "创新机制健全、规划目标明确、产学研合作",
        "Innovation mechanism, plan and cooperation",
        None,
        yes_no(d.mechanism),
        none(),
    );
    push(
        "direction.digital_level".into(),
        "数字化水平等级",
        "Digital level",
        None,
        d.digital_level
            .map_or(Answer::Empty, |n| Answer::Number(f64::from(n))),
        unit(Unit::Level),
    );
    push(
        "direction.it_core_processes".into(),
        "采用信息系统的核心业务环节数",
        "Core processes on IT systems",
        None,
        count(d.it_core_processes),
        unit(Unit::Item),
    );
    push(
        "direction.qms_certificate".into(),
        "质量管理体系认证",
        "Quality-management certificate",
        None,
        yes_no(d.qms_certificate),
        none(),
    );
    push(
        "direction.advanced_certification".into(),
        "管理体系认证或发达国家和地区产品认证",
        "Management-system or developed-market product certification",
        None,
        yes_no(d.advanced_certification),
        none(),
    );
    push(
        "direction.quality_award".into(),
        "省级以上质量奖",
        "Provincial+ quality award",
        None,
        yes_no(d.quality_award),
        none(),
    );
    let st = &d.standards;
    for (name, zh, en, v) in [
        (
            "international",
            "主持或参与制修订国际标准",
            "International standards drafted",
            st.international,
        ),
        (
            "national",
            "主持或参与制修订国家标准",
            "National standards drafted",
            st.national,
        ),
        (
            "industry",
            "主持或参与制修订行业标准",
            "Industry standards drafted",
            st.industry,
        ),
        (
            "group",
            "主持或参与制修订团体标准",
            "Group standards drafted",
            st.group,
        ),
    ] {
        push(
            format!("direction.standards.{name}"),
            zh,
            en,
            None,
            count(v),
            unit(Unit::Item),
        );
    }

    for (i, p) in a.projects.iter().enumerate() {
        let f = |name: &str| format!("projects.{i}.{name}");
        push(
            f("name"),
            "研发项目名称",
            "R&D project",
            None,
            text(&p.name),
            none(),
        );
        push(
            f("kind"),
            "研究类型",
            "Research kind",
            None,
            Answer::Text(project_kind(p.kind, lang).into()),
            none(),
        );
        push(
            f("budget"),
            "项目预算",
            "Budget",
            None,
            num(p.budget),
            unit(Unit::Wan),
        );
        push(f("start"), "开始日期", "Start", None, date(p.start), none());
        push(f("end"), "结束日期", "End", None, date(p.end), none());
        push(
            f("status"),
            "项目状态",
            "Status",
            None,
            Answer::Text(project_status(p.status, lang).into()),
            none(),
        );
        push(
            f("partner"),
            "合作单位",
            "Partner",
            None,
            text(&p.partner),
            none(),
        );
    }

    let ip = &a.ip;
    for (name, zh, en, v) in [
        ("class1", "Ⅰ类知识产权", "Class I IP", ip.class1),
        (
            "class1_self",
            "其中自主研发Ⅰ类知识产权",
            "of which self-developed",
            ip.class1_self,
        ),
        (
            "class1_high_value",
            "其中Ⅰ类高价值知识产权",
            "of which high-value",
            ip.class1_high_value,
        ),
        ("class2", "Ⅱ类知识产权", "Class II IP", ip.class2),
    ] {
        push(
            format!("ip.{name}"),
            zh,
            en,
            None,
            count(v),
            unit(Unit::Item),
        );
    }
    for (i, w) in a.awards.iter().enumerate() {
        let f = |name: &str| format!("awards.{i}.{name}");
        push(
            f("name"),
            "科技奖励名称",
            "S&T award",
            None,
            text(&w.name),
            none(),
        );
        push(
            f("level"),
            "奖励级别",
            "Award level",
            None,
            Answer::Text(award_level(w.level, lang).into()),
            none(),
        );
        push(
            f("year"),
            "获奖年份",
            "Year awarded",
            None,
            Answer::Number(f64::from(w.year)),
            none(),
        );
        push(
            f("unit_rank"),
            "完成单位排名",
            "Rank among the award's units",
            None,
            Answer::Number(f64::from(w.unit_rank)),
            unit(Unit::Rank),
        );
    }
    for (i, m) in a.maker_china.iter().enumerate() {
        let f = |name: &str| format!("maker_china.{i}.{name}");
        push(
            f("year"),
            "创客中国参赛年份",
            "创客中国 year",
            None,
            Answer::Number(f64::from(m.year)),
            none(),
        );
        push(
            f("result"),
            "创客中国成绩",
            "创客中国 result",
            None,
            Answer::Text(maker_result(m.result, lang).into()),
            none(),
        );
    }
    for (i, t) in a.titles.iter().enumerate() {
        let f = |name: &str| format!("titles.{i}.{name}");
        push(
            f("kind"),
            "已获称号",
            "Title held",
            None,
            Answer::Text(lang.pick(t.kind.zh(), t.kind.en()).into()),
            none(),
        );
        push(
            f("since"),
            "认定日期",
            "Recognised on",
            None,
            date(t.since),
            none(),
        );
        push(
            f("valid_until"),
            "有效期至",
            "Valid until",
            None,
            date(t.valid_until),
            none(),
        );
    }

    let k = &a.compliance;
    for (name, zh, en, v) in [
        (
            "abnormal_operation_list",
            "近三年列入经营异常名录",
            "On the abnormal-operation list (3 years)",
            k.abnormal_operation_list,
        ),
        (
            "serious_dishonesty",
            "近三年列入严重失信主体名单",
            "Listed as seriously dishonest (3 years)",
            k.serious_dishonesty,
        ),
        (
            "major_accident",
            "近三年发生重大安全、质量、环境事故",
            "Major safety/quality/environment accident (3 years)",
            k.major_accident,
        ),
        (
            "tax_evasion",
            "近三年有偷漏税、骗取出口退税行为",
            "Tax evasion (3 years)",
            k.tax_evasion,
        ),
        (
            "smuggling",
            "近三年有走私行为",
            "Smuggling (3 years)",
            k.smuggling,
        ),
        (
            "major_tax_violation",
            "列入重大税收违法失信主体",
            "Major tax-violation entity",
            k.major_tax_violation,
        ),
    ] {
        push(
            format!("compliance.{name}"),
            zh,
            en,
            None,
            yes_no(v),
            none(),
        );
    }
    let m = &a.manual;
    push(
        "manual.miit_platform_score".into(),
        "专精特新发展评价得分（工信部平台）",
        "MIIT development-evaluation score",
        None,
        num(m.miit_platform_score),
        unit(Unit::Points),
    );
    push(
        "manual.featured_score_2022".into(),
        "特色化指标得分（2022 年办法）",
        "Featured (特色化) score, 2022 rules",
        None,
        num(m.featured_score_2022),
        unit(Unit::Points),
    );
    push(
        "manual.provincial_revenue_growth_benchmark".into(),
        "全省规上工业营业收入平均增速（同期）",
        "Provincial industrial revenue growth benchmark (same period)",
        None,
        num(m.provincial_revenue_growth_benchmark),
        unit(Unit::Percent),
    );
    push(
        "manual.provincial_profit_growth_benchmark".into(),
        "全省规上工业利润总额平均增速（同期）",
        "Provincial industrial profit growth benchmark (same period)",
        None,
        num(m.provincial_profit_growth_benchmark),
        unit(Unit::Percent),
    );
}

fn institution_kind(k: InstitutionKind, lang: Lang) -> &'static str {
    match k {
        InstitutionKind::TechCenter => lang.t(words::ENTERPRISE_TECHNOLOGY_CENTER),
        InstitutionKind::EngineeringCenter => lang.t(words::ENGINEERING_RESEARCH_CENTER),
        InstitutionKind::KeyLab => lang.t(words::KEY_LABORATORY),
        InstitutionKind::AcademicianStation => lang.t(words::ACADEMICIAN_WORKSTATION),
        InstitutionKind::PostdocStation => lang.t(words::POSTDOCTORAL_WORKSTATION),
        InstitutionKind::Other => lang.t(words::OTHER),
    }
}

fn institution_level(l: InstitutionLevel, lang: Lang) -> &'static str {
    match l {
        InstitutionLevel::None => lang.t(words::NOT_RECOGNISED),
        InstitutionLevel::Enterprise => lang.t(words::SET_UP_BY_THE_COMPANY),
        InstitutionLevel::Municipal => lang.t(words::MUNICIPAL),
        InstitutionLevel::Provincial => lang.t(words::PROVINCIAL),
        InstitutionLevel::National => lang.t(words::NATIONAL),
    }
}

fn project_kind(k: ProjectKind, lang: Lang) -> &'static str {
    match k {
        ProjectKind::Basic => lang.t(words::BASIC_RESEARCH),
        ProjectKind::Applied => lang.t(words::APPLIED_RESEARCH),
        ProjectKind::Experimental => lang.t(words::EXPERIMENTAL_DEVELOPMENT),
    }
}

fn project_status(s: ProjectStatus, lang: Lang) -> &'static str {
    match s {
        ProjectStatus::Planned => lang.t(words::PLANNED),
        ProjectStatus::Ongoing => lang.t(words::ONGOING),
        ProjectStatus::Completed => lang.t(words::COMPLETED),
    }
}

fn award_level(l: AwardLevel, lang: Lang) -> &'static str {
    match l {
        AwardLevel::National => lang.t(words::NATIONAL_S_T_AWARD),
        AwardLevel::Provincial => lang.t(words::PROVINCIAL_S_T_AWARD),
    }
}

fn maker_result(r: MakerResult, lang: Lang) -> &'static str {
    match r {
        MakerResult::NationalTop50 => lang.t(words::NATIONAL_TOP_50),
        MakerResult::NationalTop500 => lang.t(words::NATIONAL_TOP_500),
    }
}

fn err(e: &XlsxError) -> ReportError {
    ReportError::Xlsx(e.to_string())
}

/// Cell formats shared by the sheets.
struct Formats {
    head: Format,
    wrap: Format,
    number: Format,
    bold_wrap: Format,
    /// A figure the evaluation does not read (dark amber on light amber).
    flagged: Format,
}

impl Formats {
    fn new() -> Self {
        let head = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0x00DF_DFDF))
            .set_border_bottom(FormatBorder::Thin)
            .set_align(FormatAlign::Top)
            .set_text_wrap();
        Formats {
            head,
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            number: Format::new()
                .set_num_format("#,##0.##")
                .set_align(FormatAlign::Top),
            bold_wrap: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            flagged: Format::new()
                .set_bold()
                .set_font_color(Color::RGB(0x009C_5700))
                .set_background_color(Color::RGB(0x00FF_EB9C))
                .set_align(FormatAlign::Top),
        }
    }
}

/// Writes a header row with column widths, freezes it and adds a filter.
fn header(
    ws: &mut Worksheet,
    fm: &Formats,
    cols: &[(&str, f64)],
    rows: usize,
) -> Result<(), ReportError> {
    for (c, (title, width)) in cols.iter().enumerate() {
        let c = u16::try_from(c).map_err(|e| ReportError::Xlsx(e.to_string()))?;
        ws.write_string_with_format(0, c, *title, &fm.head)
            .map_err(|e| err(&e))?;
        ws.set_column_width(c, *width).map_err(|e| err(&e))?;
    }
    ws.set_freeze_panes(1, 0).map_err(|e| err(&e))?;
    let last_col = u16::try_from(cols.len().saturating_sub(1)).unwrap_or(0);
    let last_row = u32::try_from(rows).unwrap_or(u32::MAX);
    ws.autofilter(0, 0, last_row, last_col)
        .map_err(|e| err(&e))?;
    print_setup(ws);
    ws.set_repeat_rows(0, 0).map_err(|e| err(&e))?;
    Ok(())
}

/// Prints on A4 landscape, all columns on one page width, page numbers below.
fn print_setup(ws: &mut Worksheet) {
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_footer("&C&P / &N");
}

fn row_index(i: usize) -> Result<u32, ReportError> {
    u32::try_from(i + 1).map_err(|e| ReportError::Xlsx(e.to_string()))
}

/// Most data rows a sheet holds (Excel's 1,048,576 rows, one of them the header).
const MAX_DATA_ROWS: usize = 1_048_575;

/// The fiscal years the evaluation reads: Y−1, Y−2 and Y−3 of the as-of
/// date of `r`, newest first; `None` when the date cannot be read.
fn evaluated_years(r: &ReportData) -> Option<[i32; 3]> {
    let as_of: chrono::NaiveDate = r.header.as_of.parse().ok()?;
    Some([1, 2, 3].map(|b| as_of.year() - b))
}

/// Years of `a` outside `cols` that hold at least one figure, newest first.
fn years_outside(a: &Assessment, cols: [i32; 3]) -> Vec<i32> {
    let mut v: Vec<i32> = a
        .years
        .iter()
        .filter(|fy| {
            !cols.contains(&fy.year) && crate::model::FISCAL_FIELDS.iter().any(|f| f.is_filled(fy))
        })
        .map(|fy| fy.year)
        .collect();
    v.sort_unstable_by(|x, y| y.cmp(x));
    v.dedup();
    v
}

/// Writes answer number `i` (0-based) in row `i + 1`; a yearly figure of a
/// year not in `cols` (the evaluated years) is marked as not evaluated.
fn write_answer(
    ws: &mut Worksheet,
    fm: &Formats,
    i: usize,
    a: &AnswerRow,
    cols: Option<[i32; 3]>,
    lang: Lang,
) -> Result<(), ReportError> {
    if i >= MAX_DATA_ROWS {
        return Err(ReportError::Xlsx(format!(
            "the assessment has more than {MAX_DATA_ROWS} answers (list entries count one per field), more than a sheet holds"
        )));
    }
    let r = row_index(i)?;
    ws.write_string(r, 0, &a.id).map_err(|e| err(&e))?;
    ws.write_string_with_format(r, 1, &a.label, &fm.wrap)
        .map_err(|e| err(&e))?;
    if let Some(y) = a.year {
        ws.write_number(r, 2, f64::from(y)).map_err(|e| err(&e))?;
    }
    match &a.value {
        Answer::Empty => {}
        Answer::Number(n) => {
            ws.write_number_with_format(r, 3, *n, &fm.number)
                .map_err(|e| err(&e))?;
        }
        Answer::Text(s) => {
            ws.write_string_with_format(r, 3, s, &fm.wrap)
                .map_err(|e| err(&e))?;
        }
    }
    if !a.unit.is_empty() {
        ws.write_string(r, 4, &a.unit).map_err(|e| err(&e))?;
    }
    if let (Some(y), Some(cols)) = (a.year, cols)
        && !cols.contains(&y)
    {
        ws.write_string_with_format(r, 5, lang.t(words::NOT_EVALUATED), &fm.flagged)
            .map_err(|e| err(&e))?;
    }
    Ok(())
}

/// Renders the workbook: answers of `a`, and the criteria and gaps of `r`
/// (the summary built from the same file). Labels follow `r.lang`.
#[expect(
    clippy::many_single_char_names,
    reason = "a: the assessment, r: the summary, one letter per input group"
)]
pub fn render(a: &Assessment, r: &ReportData) -> Result<Vec<u8>, ReportError> {
    let lang = r.lang;
    let fm = Formats::new();
    let mut wb = Workbook::new();
    // The creation date follows SOURCE_DATE_EPOCH (reproducible builds); otherwise now.
    if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        && let Ok(t) = ExcelDateTime::from_timestamp(secs)
    {
        wb.set_properties(
            &DocProperties::new()
                .set_title(&r.title)
                .set_creation_datetime(&t),
        );
    } else {
        wb.set_properties(&DocProperties::new().set_title(&r.title));
    }

    // Sheet 1: the answers, streamed: a file may list tens of thousands of
    // projects, so rows go to an anonymous temporary file as they are written
    // instead of being held (with their copies) in memory.
    let ws = wb
        .add_worksheet_with_constant_memory()
        .map_err(|e| err(&e))?;
    ws.set_name(lang.t(words::ANSWERS)).map_err(|e| err(&e))?;
    let cols = [
        (lang.t(words::FIELD_ID), 34.0),
        (lang.t(words::FIELD), 40.0),
        (lang.t(words::YEAR), 8.0),
        (lang.t(words::VALUE), 26.0),
        (lang.t(words::UNIT), 10.0),
        (lang.t(words::ANSWER_NOTE), 14.0),
    ];
    header(ws, &fm, &cols, 0)?;
    let evaluated = evaluated_years(r);
    let mut count = 0usize;
    let mut failed: Option<ReportError> = None;
    for_each_answer(a, lang, |row| {
        if failed.is_none() {
            failed = write_answer(ws, &fm, count, &row, evaluated, lang).err();
        }
        count += 1;
    });
    if let Some(e) = failed {
        return Err(e);
    }
    ws.autofilter(0, 0, row_index(count.saturating_sub(1))?, 5)
        .map_err(|e| err(&e))?;

    // Sheet 2: every criterion's outcome.
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(words::CRITERIA)).map_err(|e| err(&e))?;
    let n: usize = r.tiers.iter().map(|t| t.rows.len()).sum();
    header(
        ws,
        &fm,
        &[
            (lang.t(words::TIER), 30.0),
            (lang.t(words::CRITERION_ID), 30.0),
            (lang.t(words::CRITERION), 44.0),
            (lang.t(words::OUTCOME), 10.0),
            (lang.t(words::COL_VALUE), 18.0),
            (lang.t(words::THRESHOLD), 16.0),
            (lang.t(words::GAP), 36.0),
            (lang.t(words::POINTS), 9.0),
            (lang.t(words::COL_CONFIDENCE), 9.0),
            (lang.t(words::COL_SOURCE), 50.0),
        ],
        n,
    )?;
    let mut i = 0;
    for t in &r.tiers {
        for row in &t.rows {
            let k = row_index(i)?;
            i += 1;
            let cells: [&str; 10] = [
                &t.title,
                &row.id,
                &row.title,
                &row.status,
                &row.measured,
                &row.threshold,
                &row.gap,
                &row.points,
                row.confidence.label(),
                &row.source,
            ];
            for (c, v) in cells.iter().enumerate() {
                if v.is_empty() {
                    continue;
                }
                let c = u16::try_from(c).unwrap_or(0);
                let format = if c == 3 && row.outcome == crate::eval::Outcome::NotMet {
                    &fm.bold_wrap
                } else {
                    &fm.wrap
                };
                ws.write_string_with_format(k, c, *v, format)
                    .map_err(|e| err(&e))?;
            }
        }
    }

    // Sheet 3: the gaps to the next tier, most important first.
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(words::GAPS)).map_err(|e| err(&e))?;
    header(
        ws,
        &fm,
        &[
            ("#", 5.0),
            (lang.t(words::PROGRAMME), 22.0),
            (lang.t(words::TARGET_TIER), 30.0),
            (lang.t(words::CRITERION), 40.0),
            (lang.t(words::WHAT_TO_DO), 60.0),
            (lang.t(words::KIND), 10.0),
            (lang.t(words::COL_CONFIDENCE), 9.0),
        ],
        r.next_steps.len(),
    )?;
    for (i, s) in r.next_steps.iter().enumerate() {
        let k = row_index(i)?;
        ws.write_number(k, 0, f64::from(k)).map_err(|e| err(&e))?;
        let cells: [&str; 6] = [
            &s.programme,
            &s.tier,
            &s.criterion,
            &s.text,
            super::format::outcome(s.outcome, lang),
            s.confidence.label(),
        ];
        for (c, v) in cells.iter().enumerate() {
            let c = u16::try_from(c + 1).unwrap_or(0);
            ws.write_string_with_format(k, c, *v, &fm.wrap)
                .map_err(|e| err(&e))?;
        }
    }

    // Sheet 4: what the workbook was made from.
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(words::ABOUT)).map_err(|e| err(&e))?;
    ws.set_column_width(0, 26.0).map_err(|e| err(&e))?;
    ws.set_column_width(1, 90.0).map_err(|e| err(&e))?;
    print_setup(ws);
    let h = &r.header;
    let mut about: Vec<(String, String)> = vec![
        (lang.t(words::COMPANY_NAME).into(), h.company.clone()),
        (lang.t(words::USCC).into(), h.uscc.clone()),
        (lang.t(words::AS_OF_DATE).into(), h.as_of.clone()),
        (
            lang.t(words::ASSESSMENT_FILE_SHA_256).into(),
            r.fingerprint.clone(),
        ),
        (
            lang.t(words::PRODUCED_BY).into(),
            format!("innocheck {}", r.app_version),
        ),
    ];
    for p in &h.packs {
        about.push((
            format!("{}{}", lang.t(words::RULE_PACK), p.id),
            format!(
                "{}；{}；{}；{} {}",
                p.title,
                p.document,
                p.dates,
                lang.t(words::CONFIDENCE),
                p.confidence.label()
            ),
        ));
    }
    if let Some(cols) = evaluated {
        let outside = years_outside(a, cols);
        if !outside.is_empty() {
            let years = outside
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(lang.t(crate::i18n::report::AND));
            about.push((
                lang.t(words::NOTE_HEADING).into(),
                lang.t(words::YEARS_OUTSIDE_NOTE)
                    .replace("{years}", &years)
                    .replace("{range}", &format!("{}–{}", cols[0], cols[2])),
            ));
        }
    }
    if r.has_provisional {
        about.push((
            lang.t(words::NOTE_HEADING).into(),
            lang.t(words::CONTAINS_PROVISIONAL).into(),
        ));
    }
    for (i, (k, v)) in about.iter().enumerate() {
        let i = u32::try_from(i).map_err(|e| ReportError::Xlsx(e.to_string()))?;
        ws.write_string_with_format(i, 0, k, &fm.bold_wrap)
            .map_err(|e| err(&e))?;
        ws.write_string_with_format(i, 1, v, &fm.wrap)
            .map_err(|e| err(&e))?;
    }

    wb.save_to_buffer().map_err(|e| err(&e))
}
