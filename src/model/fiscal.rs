//! The one list of per-year inputs. Validation, loading checks, metrics,
//! labels, the wizard's yearly tables, completion and the spreadsheet all
//! iterate [`FISCAL_FIELDS`]; adding a per-year input is one entry here (and
//! its field in [`FiscalYear`]).

use super::FiscalYear;
use crate::i18n::Tr;
use crate::i18n::pages::{finance, funding, staff};

/// The wizard page a per-year input is entered on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FiscalPage {
    /// 财务数据.
    Finance,
    /// 研发人员.
    Staff,
    /// 研发经费.
    Funding,
}

impl FiscalPage {
    /// The page's title.
    #[must_use]
    pub fn title(self) -> Tr {
        match self {
            FiscalPage::Finance => finance::TITLE,
            FiscalPage::Staff => staff::TITLE,
            FiscalPage::Funding => funding::TITLE,
        }
    }
}

/// How a per-year input is read and written.
#[derive(Debug, Clone, Copy)]
pub enum Access {
    /// An amount in 万元.
    Money {
        /// Reads it.
        get: fn(&FiscalYear) -> Option<f64>,
        /// Writes it.
        get_mut: fn(&mut FiscalYear) -> &mut Option<f64>,
        /// May be negative (profits).
        signed: bool,
    },
    /// A count: persons, or items (`items`).
    People {
        /// Reads it.
        get: fn(&FiscalYear) -> Option<u32>,
        /// Writes it.
        get_mut: fn(&mut FiscalYear) -> &mut Option<u32>,
        /// Counts items (项), not persons (人).
        items: bool,
    },
}

/// One per-year input.
#[derive(Debug, Clone, Copy)]
pub struct FiscalField {
    /// Field name inside a year, e.g. `revenue` (the id is `years.<year>.<name>`).
    pub name: &'static str,
    /// Label, as the forms name it.
    pub label: Tr,
    /// Page it is entered on.
    pub page: FiscalPage,
    /// How it is read and written.
    pub access: Access,
    /// Counted in the page's completion (ratios' inputs are; optional extras are not).
    pub counted: bool,
}

macro_rules! money {
    ($name:ident, $label:expr, $page:ident, $signed:expr, $counted:expr) => {
        FiscalField {
            name: stringify!($name),
            label: $label,
            page: FiscalPage::$page,
            access: Access::Money {
                get: |y| y.$name,
                get_mut: |y| &mut y.$name,
                signed: $signed,
            },
            counted: $counted,
        }
    };
}

macro_rules! people {
    ($name:ident, $label:expr, $page:ident) => {
        people!($name, $label, $page, false, true)
    };
    ($name:ident, $label:expr, $page:ident, $items:expr, $counted:expr) => {
        FiscalField {
            name: stringify!($name),
            label: $label,
            page: FiscalPage::$page,
            access: Access::People {
                get: |y| y.$name,
                get_mut: |y| &mut y.$name,
                items: $items,
            },
            counted: $counted,
        }
    };
}

/// 营业收入.
pub const REVENUE: FiscalField = money!(revenue, finance::REVENUE, Finance, false, true);
/// 主营业务收入.
pub const MAIN_REVENUE: FiscalField =
    money!(main_revenue, finance::MAIN_REVENUE, Finance, false, true);
/// 净利润 (may be negative).
pub const NET_PROFIT: FiscalField = money!(net_profit, finance::NET_PROFIT, Finance, true, true);
/// 利润总额 (may be negative).
pub const TOTAL_PROFIT: FiscalField =
    money!(total_profit, finance::TOTAL_PROFIT, Finance, true, true);
/// 资产总额.
pub const TOTAL_ASSETS: FiscalField =
    money!(total_assets, finance::TOTAL_ASSETS, Finance, false, true);
/// 负债总额.
pub const TOTAL_LIABILITIES: FiscalField = money!(
    total_liabilities,
    finance::TOTAL_LIABILITIES,
    Finance,
    false,
    true
);
/// 新产品销售收入.
pub const NEW_PRODUCT_SALES: FiscalField = money!(
    new_product_sales,
    finance::NEW_PRODUCT_SALES,
    Finance,
    false,
    false
);
/// 主导产品销售收入.
pub const LEAD_PRODUCT_SALES: FiscalField = money!(
    lead_product_sales,
    finance::LEAD_PRODUCT_SALES,
    Finance,
    false,
    false
);
/// 合格机构投资者新增股权融资 (paid in).
pub const EQUITY_NEW: FiscalField = money!(equity_new, finance::EQUITY_NEW, Finance, false, true);
/// 研发费用.
pub const RD_SPEND: FiscalField = money!(rd_spend, funding::RD_SPEND, Funding, false, true);
/// 职工总数.
pub const STAFF_TOTAL: FiscalField = people!(staff_total, staff::STAFF_TOTAL, Staff);
/// 研发人员数 (full-time).
pub const RD_STAFF: FiscalField = people!(rd_staff, staff::RD_STAFF, Staff);
/// Of the R&D staff, those with 本科以上学历 or 工程师以上职称.
pub const RD_STAFF_QUALIFIED: FiscalField = people!(rd_staff_qualified, staff::RD_QUALIFIED, Staff);

/// 科技人员数 (高新技术企业, 科技型中小企业).
pub const ST_STAFF: FiscalField = people!(st_staff, staff::ST_STAFF, Staff, false, false);
/// 高新技术产品（服务）收入.
pub const HITECH_REVENUE: FiscalField = money!(
    hitech_revenue,
    finance::HITECH_REVENUE,
    Finance,
    false,
    false
);
/// 总收入 (收入总额 − 不征税收入).
pub const TOTAL_INCOME: FiscalField =
    money!(total_income, finance::TOTAL_INCOME, Finance, false, false);
/// 成本费用支出总额.
pub const TOTAL_COSTS: FiscalField =
    money!(total_costs, finance::TOTAL_COSTS, Finance, false, false);
/// 境内研究开发费用.
pub const RD_SPEND_DOMESTIC: FiscalField = money!(
    rd_spend_domestic,
    funding::RD_DOMESTIC,
    Funding,
    false,
    false
);
/// 科技成果转化数.
pub const CONVERSIONS: FiscalField =
    people!(conversions, funding::CONVERSIONS, Funding, true, false);

/// Every per-year input, in the order the forms list them.
pub const FISCAL_FIELDS: &[FiscalField] = &[
    REVENUE,
    MAIN_REVENUE,
    NET_PROFIT,
    TOTAL_PROFIT,
    TOTAL_ASSETS,
    TOTAL_LIABILITIES,
    NEW_PRODUCT_SALES,
    LEAD_PRODUCT_SALES,
    EQUITY_NEW,
    HITECH_REVENUE,
    TOTAL_INCOME,
    TOTAL_COSTS,
    RD_SPEND,
    RD_SPEND_DOMESTIC,
    CONVERSIONS,
    STAFF_TOTAL,
    RD_STAFF,
    RD_STAFF_QUALIFIED,
    ST_STAFF,
];

impl FiscalField {
    /// The field with `name`.
    #[must_use]
    pub fn by_name(name: &str) -> Option<&'static FiscalField> {
        FISCAL_FIELDS.iter().find(|f| f.name == name)
    }

    /// The fields of one page, in order.
    pub fn on_page(page: FiscalPage) -> impl Iterator<Item = &'static FiscalField> {
        FISCAL_FIELDS.iter().filter(move |f| f.page == page)
    }

    /// Field id in `year`, e.g. `years.2024.revenue`.
    #[must_use]
    pub fn id(&'static self, year: i32) -> String {
        super::FieldRef::Year { year, field: self }.id()
    }

    /// Whether `id` names this field in some year (`years.2024.rd_spend`,
    /// or `years.*.rd_spend` for every year).
    #[must_use]
    pub fn names(&self, id: &str) -> bool {
        let mut p = id.split('.');
        p.next() == Some("years")
            && p.next()
                .is_some_and(|y| y == "*" || y.parse::<i32>().is_ok())
            && p.next() == Some(self.name)
            && p.next().is_none()
    }

    /// Whether `fy` holds a value for this field.
    #[must_use]
    pub fn is_filled(&self, fy: &FiscalYear) -> bool {
        match self.access {
            Access::Money { get, .. } => get(fy).is_some(),
            Access::People { get, .. } => get(fy).is_some(),
        }
    }

    /// The amount, for a money field.
    #[must_use]
    pub fn money(&self, fy: &FiscalYear) -> Option<f64> {
        match self.access {
            Access::Money { get, .. } => get(fy),
            Access::People { .. } => None,
        }
    }

    /// The head count, for a people field.
    #[must_use]
    pub fn people(&self, fy: &FiscalYear) -> Option<u32> {
        match self.access {
            Access::People { get, .. } => get(fy),
            Access::Money { .. } => None,
        }
    }

    /// Unit of the input: 万元, persons or items.
    #[must_use]
    pub fn unit(&self) -> crate::metrics::Unit {
        match self.access {
            Access::Money { .. } => crate::metrics::Unit::Wan,
            Access::People { items: true, .. } => crate::metrics::Unit::Item,
            Access::People { .. } => crate::metrics::Unit::Person,
        }
    }

    /// Whether this is an amount in 万元.
    #[must_use]
    pub fn is_money(&self) -> bool {
        matches!(self.access, Access::Money { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_listed_once_and_reads_what_it_writes() {
        let mut names: Vec<&str> = FISCAL_FIELDS.iter().map(|f| f.name).collect();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n);
        for (i, f) in FISCAL_FIELDS.iter().enumerate() {
            let mut fy = FiscalYear::default();
            assert!(!f.is_filled(&fy), "{}", f.name);
            match f.access {
                Access::Money { get_mut, get, .. } => {
                    *get_mut(&mut fy) = Some(i as f64 + 0.5);
                    assert_eq!(get(&fy), Some(i as f64 + 0.5));
                }
                Access::People { get_mut, get, .. } => {
                    *get_mut(&mut fy) = Some(i as u32);
                    assert_eq!(get(&fy), Some(i as u32));
                }
            }
            // No other field changed.
            let filled = FISCAL_FIELDS.iter().filter(|g| g.is_filled(&fy)).count();
            assert_eq!(filled, 1, "{}", f.name);
        }
        // Every field of FiscalYear but `year` is in the list.
        let ron = ron::to_string(&FiscalYear::default()).expect("ron");
        assert_eq!(ron.matches(':').count(), FISCAL_FIELDS.len() + 1, "{ron}");
    }
}
