//! How complete each step of the self-evaluation is (for the wizard's ticks).

use super::{FiscalField, FiscalPage};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Assessment;

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// 企业概况.
    Company,
    /// 财务数据.
    Finance,
    /// 研发人员.
    Staff,
    /// 研发经费.
    Funding,
    /// 研发条件.
    Conditions,
    /// 研发方向.
    Direction,
    /// 研发项目.
    Projects,
    /// 知识产权与荣誉.
    IpAwards,
    /// 合规 (and hand-entered scores).
    Compliance,
}

impl Step {
    /// Every step in wizard order.
    pub const ALL: [Step; 9] = [
        Step::Company,
        Step::Finance,
        Step::Staff,
        Step::Funding,
        Step::Conditions,
        Step::Direction,
        Step::Projects,
        Step::IpAwards,
        Step::Compliance,
    ];
}

/// Filled and total answers of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    /// Answers given.
    pub filled: usize,
    /// Answers asked.
    pub total: usize,
}

impl Completion {
    /// Every answer given.
    #[must_use]
    pub fn done(self) -> bool {
        self.filled == self.total
    }
}

struct Count(usize, usize);

impl Count {
    fn opt<T>(&mut self, v: Option<&T>) {
        self.1 += 1;
        if v.is_some() {
            self.0 += 1;
        }
    }
    fn text(&mut self, s: &str) {
        self.1 += 1;
        if !s.trim().is_empty() {
            self.0 += 1;
        }
    }
}

/// Completion of `step` for the three fiscal years before `as_of`.
#[must_use]
pub fn completion(a: &Assessment, step: Step, as_of: NaiveDate) -> Completion {
    let mut c = Count(0, 0);
    let years: Vec<Option<&super::FiscalYear>> =
        (1..=3).map(|b| a.year(as_of.year() - b)).collect();
    match step {
        Step::Company => {
            c.text(&a.company.name);
            c.1 += 1;
            if super::uscc::validate(&a.company.uscc).is_ok() {
                c.0 += 1;
            }
            c.opt(a.company.city.as_ref());
            c.opt(a.company.industry.as_ref());
            c.opt(a.company.founded.as_ref());
            c.opt(a.company.independent_legal_person.as_ref());
            c.opt(a.company.products_permitted.as_ref());
        }
        Step::Finance | Step::Staff | Step::Funding => {
            let page = match step {
                Step::Finance => FiscalPage::Finance,
                Step::Staff => FiscalPage::Staff,
                _ => FiscalPage::Funding,
            };
            for y in &years {
                for f in FiscalField::on_page(page).filter(|f| f.counted) {
                    c.1 += 1;
                    if y.is_some_and(|y| f.is_filled(y)) {
                        c.0 += 1;
                    }
                }
            }
            if step == Step::Staff {
                c.opt(a.staff.tech_leader.as_ref());
                c.opt(a.staff.senior_experts.as_ref());
            }
        }
        Step::Conditions => {
            c.opt(a.conditions.equipment_value.as_ref());
            c.opt(a.conditions.rd_space_m2.as_ref());
        }
        Step::Direction => {
            let d = &a.direction;
            c.opt(d.niche_entry_year.as_ref());
            c.text(&d.lead_product);
            c.opt(d.fields.strategic_emerging.as_ref());
            c.opt(d.niche_share_pct.as_ref());
            c.opt(d.own_brand.as_ref());
            c.opt(d.written_plan.as_ref());
            c.opt(d.mechanism.as_ref());
            c.opt(d.digital_level.as_ref());
            c.opt(d.qms_certificate.as_ref());
        }
        Step::Projects => {
            c.1 += 1;
            if !a.projects.is_empty() {
                c.0 += 1;
            }
        }
        Step::IpAwards => {
            c.opt(a.ip.class1.as_ref());
            c.opt(a.ip.class1_self.as_ref());
            c.opt(a.ip.class1_high_value.as_ref());
            c.opt(a.ip.class2.as_ref());
        }
        Step::Compliance => {
            let k = &a.compliance;
            for v in [
                k.abnormal_operation_list,
                k.serious_dishonesty,
                k.major_accident,
                k.tax_evasion,
                k.smuggling,
                k.major_tax_violation,
            ] {
                c.opt(v.as_ref());
            }
        }
    }
    Completion {
        filled: c.0,
        total: c.1,
    }
}
