//! Input validation. Problems are returned as data (field id, severity,
//! message in Chinese and English) so that the app can show them inline and
//! the CLI can list them; validation never fails or panics.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Assessment, FiscalYear, uscc};

/// Largest amount accepted for any money field, in 万元 (10 万亿元).
pub const MAX_MONEY: f64 = 1.0e9;
/// Largest head count accepted.
pub const MAX_PEOPLE: u32 = 5_000_000;
/// Earliest year accepted for a date of founding, recognition or entry.
pub const FIRST_YEAR: i32 = 1949;
/// Smallest positive amount (万元) accepted where a ratio divides by it.
pub const MIN_DIVISOR: f64 = 0.01;
/// Longest text accepted in a single field (characters).
pub const MAX_TEXT: usize = 10_000;

/// How serious a validation issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The value cannot be right; metrics treat the field as missing.
    Error,
    /// Unusual; worth a second look.
    Warning,
}

/// One validation finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// Field id, e.g. `years.2024.revenue` or `company.uscc`.
    pub field: String,
    /// Severity.
    pub severity: Severity,
    /// Message in Chinese.
    pub zh: String,
    /// Message in English.
    pub en: String,
}

struct Collector(Vec<Issue>);

impl Collector {
    fn push(&mut self, field: impl Into<String>, severity: Severity, zh: String, en: String) {
        self.0.push(Issue {
            field: field.into(),
            severity,
            zh,
            en,
        });
    }

    fn error(&mut self, field: impl Into<String>, zh: String, en: String) {
        self.push(field, Severity::Error, zh, en);
    }

    fn warn(&mut self, field: impl Into<String>, zh: String, en: String) {
        self.push(field, Severity::Warning, zh, en);
    }

    /// Money that must be finite, not negative (unless `signed`) and not absurd.
    fn money(&mut self, field: &str, value: Option<f64>, signed: bool) {
        let Some(v) = value else { return };
        if !v.is_finite() {
            self.error(
                field,
                "数值无效（非有限数）".into(),
                "not a finite number".into(),
            );
        } else if v < 0.0 && !signed {
            self.error(
                field,
                format!("不能为负数：{v}"),
                format!("must not be negative: {v}"),
            );
        } else if v.abs() > MAX_MONEY {
            self.error(
                field,
                format!("数额不合理：{v} 万元（金额以万元计）"),
                format!("implausible amount: {v} (amounts are in 万元, 10,000 CNY)"),
            );
        }
    }

    fn people(&mut self, field: &str, value: Option<u32>) {
        if let Some(v) = value
            && v > MAX_PEOPLE
        {
            self.error(
                field,
                format!("人数不合理：{v}"),
                format!("implausible head count: {v}"),
            );
        }
    }

    fn percent(&mut self, field: &str, value: Option<f64>, max: f64) {
        let Some(v) = value else { return };
        if !v.is_finite() || !(0.0..=max).contains(&v) {
            self.error(
                field,
                format!("应在 0–{max} 之间：{v}"),
                format!("must be between 0 and {max}: {v}"),
            );
        }
    }

    fn text(&mut self, field: &str, s: &str) {
        let n = s.chars().count();
        if n > MAX_TEXT {
            self.error(
                field,
                format!("文字过长（{n} 字，最多 {MAX_TEXT} 字）"),
                format!("text too long ({n} characters, at most {MAX_TEXT})"),
            );
            return;
        }
        // Named by code point: the characters themselves would show as boxes.
        let lacking = crate::font::lacks(s);
        if !lacking.is_empty() {
            let mut list: Vec<String> = lacking
                .iter()
                .take(6)
                .map(|c| format!("U+{:04X}", u32::from(*c)))
                .collect();
            if lacking.len() > 6 {
                list.push("…".into());
            }
            let list = list.join(" ");
            self.warn(
                field,
                format!("含有内置字体没有的字符（{list}），在屏幕和打印的摘要中显示为空框"),
                format!(
                    "has characters the bundled font lacks ({list}); they show and print as empty boxes"
                ),
            );
        }
    }

    /// A year that must lie between 1949 and the evaluation year.
    fn year_not_after(&mut self, field: &str, year: Option<i32>, limit: i32) {
        if let Some(y) = year
            && y > limit
        {
            self.error(
                field,
                format!("年份 {y} 晚于评价年度 {limit}"),
                format!("year {y} is after the evaluation year {limit}"),
            );
        } else if let Some(y) = year
            && y < FIRST_YEAR
        {
            self.error(
                field,
                format!("年份不合理：{y}（应在 {FIRST_YEAR}–{limit} 之间）"),
                format!("implausible year {y} (must be {FIRST_YEAR}–{limit})"),
            );
        }
    }

    /// A month that must be 1–12.
    fn month(&mut self, field: &str, month: Option<u8>) {
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            self.error(
                field,
                format!("月份应为 1–12：{m}"),
                format!("month must be 1–12: {m}"),
            );
        }
    }

    /// An amount that a ratio divides by: a positive figure below 0.01 万元
    /// (100 元) is too small to be a real one and would make the ratio absurd.
    fn divisor(&mut self, field: &str, value: Option<f64>) {
        if let Some(v) = value
            && v > 0.0
            && v < MIN_DIVISOR
        {
            self.error(
                field,
                format!("金额过小（{v} 万元），不像真实数据；金额以万元计"),
                format!("amount too small to be real ({v} 万元); amounts are in 万元"),
            );
        }
    }
}

/// Checks an assessment; `today` bounds dates that cannot lie in the future.
#[must_use]
pub fn validate(a: &Assessment, today: NaiveDate) -> Vec<Issue> {
    let mut c = Collector(Vec::new());
    let as_of = a.as_of_or(today);
    check_company(&mut c, a, today);
    if a.as_of.is_some_and(|d| d > today) {
        c.warn(
            "as_of",
            format!("评价基准日 {as_of} 在今天之后"),
            format!("the as-of date {as_of} is in the future"),
        );
    }
    let mut seen = std::collections::BTreeSet::new();
    for fy in &a.years {
        if !seen.insert(fy.year) {
            c.error(
                format!("years.{}", fy.year),
                format!("{} 年度重复填写", fy.year),
                format!("fiscal year {} is entered twice", fy.year),
            );
        }
        check_year(&mut c, fy, as_of);
    }
    check_capabilities(&mut c, a, as_of);
    check_high_tech(&mut c, a);
    c.0.sort_by(|x, y| x.field.cmp(&y.field).then(x.severity.cmp(&y.severity)));
    c.0
}

fn check_company(c: &mut Collector, a: &Assessment, today: NaiveDate) {
    let co = &a.company;
    c.text("company.name", &co.name);
    if co.name.trim().is_empty() {
        c.warn(
            "company.name",
            "未填写企业名称".into(),
            "company name is empty".into(),
        );
    }
    if co.uscc.trim().is_empty() {
        c.warn(
            "company.uscc",
            "未填写统一社会信用代码".into(),
            "unified social credit code is empty".into(),
        );
    } else if let Err(e) = uscc::validate(&co.uscc) {
        let text = e.to_string();
        let (zh, en) = text.split_once(" / ").unwrap_or((&text, &text));
        c.error("company.uscc", zh.to_string(), en.to_string());
    }
    if let Some(f) = co.founded
        && f > today
    {
        c.error(
            "company.founded",
            format!("成立日期 {f} 在今天之后"),
            format!("founding date {f} is in the future"),
        );
    }
}

fn check_year(c: &mut Collector, fy: &FiscalYear, as_of: NaiveDate) {
    let f = |field: &'static super::FiscalField| field.id(fy.year);
    if fy.year >= as_of.year() {
        c.error(
            format!("years.{}", fy.year),
            format!(
                "{} 年度尚未结束（评价基准日 {as_of}），不能填写全年数据",
                fy.year
            ),
            format!(
                "fiscal year {} has not ended by the as-of date {as_of}",
                fy.year
            ),
        );
    }
    if fy.year < 1900 {
        c.error(
            format!("years.{}", fy.year),
            format!("年份不合理：{}", fy.year),
            format!("implausible year: {}", fy.year),
        );
    }
    for field in super::FISCAL_FIELDS {
        match field.access {
            super::fiscal::Access::Money { get, signed, .. } => {
                c.money(&f(field), get(fy), signed);
            }
            super::fiscal::Access::People { get, .. } => c.people(&f(field), get(fy)),
        }
    }
    // Amounts a ratio divides by.
    for field in [
        &super::fiscal::REVENUE,
        &super::fiscal::MAIN_REVENUE,
        &super::fiscal::TOTAL_ASSETS,
        &super::fiscal::TOTAL_PROFIT,
    ] {
        c.divisor(&f(field), field.money(fy));
    }
    // Compare only amounts that passed their own check above, so that one
    // bad value (say a negative revenue) is one error, not a cascade.
    let sound = |v: Option<f64>| v.filter(|x| x.is_finite() && (0.0..=MAX_MONEY).contains(x));
    let exceeds = |part: Option<f64>, whole: Option<f64>| matches!((sound(part), sound(whole)), (Some(p), Some(w)) if p > w);
    if exceeds(fy.main_revenue, fy.revenue) {
        c.error(
            f(&super::fiscal::MAIN_REVENUE),
            "主营业务收入大于营业收入".into(),
            "main-business revenue exceeds total revenue".into(),
        );
    }
    if exceeds(fy.lead_product_sales, fy.revenue) {
        c.error(
            f(&super::fiscal::LEAD_PRODUCT_SALES),
            "主导产品销售收入大于营业收入".into(),
            "lead-product sales exceed total revenue".into(),
        );
    }
    if exceeds(fy.new_product_sales, fy.revenue) {
        c.error(
            f(&super::fiscal::NEW_PRODUCT_SALES),
            "新产品销售收入大于营业收入".into(),
            "new-product sales exceed total revenue".into(),
        );
    }
    if exceeds(fy.rd_spend, fy.revenue) {
        c.warn(
            f(&super::fiscal::RD_SPEND),
            "研发费用大于营业收入，请核对".into(),
            "R&D spending exceeds revenue; please check".into(),
        );
    }
    if exceeds(fy.total_liabilities, fy.total_assets) {
        c.warn(
            f(&super::fiscal::TOTAL_LIABILITIES),
            "负债总额大于资产总额（资不抵债），请核对".into(),
            "liabilities exceed assets; please check".into(),
        );
    }
    if let (Some(r), Some(t)) = (fy.rd_staff, fy.staff_total)
        && r > t
    {
        c.error(
            f(&super::fiscal::RD_STAFF),
            format!("研发人员 {r} 人多于职工总数 {t} 人"),
            format!("R&D staff ({r}) exceed total staff ({t})"),
        );
    }
    if let (Some(q), Some(r)) = (fy.rd_staff_qualified, fy.rd_staff)
        && q > r
    {
        c.error(
            f(&super::fiscal::RD_STAFF_QUALIFIED),
            format!("本科以上学历或工程师以上职称研发人员 {q} 人多于研发人员 {r} 人"),
            format!("qualified R&D staff ({q}) exceed R&D staff ({r})"),
        );
    }
}

/// Declared 高企 organisation points above their maximum (a file edited by
/// hand; the window refuses them) are flagged, never counted.
fn check_high_tech(c: &mut Collector, a: &Assessment) {
    let h = &a.high_tech;
    for (field, value, max) in [
        ("high_tech.org_rd_management", h.org_rd_management, 6),
        ("high_tech.org_institution", h.org_institution, 6),
        ("high_tech.org_conversion", h.org_conversion, 4),
        ("high_tech.org_talent", h.org_talent, 4),
    ] {
        if let Some(v) = value
            && v > max
        {
            c.error(
                field,
                format!("自评分 {v} 超过该项满分 {max} 分"),
                format!("{v} points is above this item's maximum of {max}"),
            );
        }
    }
}

fn check_capabilities(c: &mut Collector, a: &Assessment, as_of: NaiveDate) {
    let y = as_of.year();
    c.money(
        "conditions.equipment_value",
        a.conditions.equipment_value,
        false,
    );
    c.money("conditions.rd_space_m2", a.conditions.rd_space_m2, false);
    for (i, inst) in a.conditions.institutions.iter().enumerate() {
        c.year_not_after(&format!("conditions.institutions.{i}.year"), inst.year, y);
        c.month(&format!("conditions.institutions.{i}.month"), inst.month);
        if inst.kind == super::InstitutionKind::TechCenter
            && inst.level == super::InstitutionLevel::Provincial
            && inst.track.is_none()
        {
            c.warn(
                format!("conditions.institutions.{i}.track"),
                "请填写认定部门（省发改委或省工信厅）；未填写时按所属行业推定".into(),
                "enter the recognising department (Provincial DRC or MIIT); until then it is inferred from the industry".into(),
            );
        }
        c.text(&format!("conditions.institutions.{i}.name"), &inst.name);
    }
    for (i, p) in a.conditions.partners.iter().enumerate() {
        c.text(&format!("conditions.partners.{i}"), p);
    }
    c.people("staff.senior_experts", a.staff.senior_experts);
    c.text("staff.tech_leader_note", &a.staff.tech_leader_note);
    let d = &a.direction;
    c.year_not_after("direction.niche_entry_year", d.niche_entry_year, y);
    c.month("direction.niche_entry_month", d.niche_entry_month);
    c.percent(
        "direction.intl_niche_share_pct",
        d.intl_niche_share_pct,
        100.0,
    );
    if let (Some(entry), Some(founded)) = (d.niche_entry_year, a.company.founded)
        && entry < founded.year()
    {
        c.warn(
            "direction.niche_entry_year",
            "进入细分市场早于企业成立".into(),
            "niche entry predates the company's founding".into(),
        );
    }
    c.percent("direction.niche_share_pct", d.niche_share_pct, 100.0);
    if let Some(l) = d.digital_level
        && !(1..=4).contains(&l)
    {
        c.error(
            "direction.digital_level",
            format!("数字化水平应为 1–4 级：{l}"),
            format!("digital level must be 1–4: {l}"),
        );
    }
    if d.niche_rank == Some(0) {
        c.error(
            "direction.niche_rank",
            "市场排名从 1 开始".into(),
            "market rank starts at 1".into(),
        );
    }
    c.text("direction.lead_product", &d.lead_product);
    let ip = &a.ip;
    for (name, part) in [
        ("ip.class1_self", ip.class1_self),
        ("ip.class1_high_value", ip.class1_high_value),
    ] {
        if let (Some(p), Some(w)) = (part, ip.class1)
            && p > w
        {
            c.error(
                name,
                format!("{p} 项多于Ⅰ类知识产权总数 {w} 项"),
                format!("{p} exceeds the class I total of {w}"),
            );
        }
    }
    for (i, p) in a.projects.iter().enumerate() {
        c.money(&format!("projects.{i}.budget"), p.budget, false);
        c.text(&format!("projects.{i}.name"), &p.name);
        if let (Some(s), Some(e)) = (p.start, p.end)
            && s > e
        {
            c.error(
                format!("projects.{i}.end"),
                "结束日期早于开始日期".into(),
                "end date is before the start date".into(),
            );
        }
    }
    for (i, aw) in a.awards.iter().enumerate() {
        c.year_not_after(&format!("awards.{i}.year"), Some(aw.year), y);
        if aw.unit_rank == 0 {
            c.error(
                format!("awards.{i}.unit_rank"),
                "完成单位排名从 1 开始".into(),
                "unit rank starts at 1".into(),
            );
        }
    }
    for (i, m) in a.maker_china.iter().enumerate() {
        c.year_not_after(&format!("maker_china.{i}.year"), Some(m.year), y);
    }
    for (i, t) in a.titles.iter().enumerate() {
        if let (Some(s), Some(u)) = (t.since, t.valid_until)
            && s > u
        {
            c.error(
                format!("titles.{i}.valid_until"),
                "有效期截止早于认定日期".into(),
                "valid-until date is before the recognition date".into(),
            );
        }
    }
    c.percent(
        "manual.miit_platform_score",
        a.manual.miit_platform_score,
        100.0,
    );
    c.percent(
        "manual.featured_score_2022",
        a.manual.featured_score_2022,
        15.0,
    );
    for (field, v) in [
        (
            "manual.provincial_revenue_growth_benchmark",
            a.manual.provincial_revenue_growth_benchmark,
        ),
        (
            "manual.provincial_profit_growth_benchmark",
            a.manual.provincial_profit_growth_benchmark,
        ),
    ] {
        if let Some(b) = v
            && (!b.is_finite() || b.abs() > 1000.0)
        {
            c.error(
                field,
                format!("增速基准不合理：{b}%"),
                format!("implausible growth benchmark: {b}%"),
            );
        }
    }
}
