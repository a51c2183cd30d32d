use serde::{Deserialize, Serialize};

/// Figures for one fiscal (calendar) year. Money in 万元; counts in persons.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FiscalYear {
    /// Calendar year the figures belong to.
    pub year: i32,
    /// 营业收入.
    pub revenue: Option<f64>,
    /// 主营业务收入.
    pub main_revenue: Option<f64>,
    /// 净利润 (may be negative).
    pub net_profit: Option<f64>,
    /// 利润总额 (may be negative).
    pub total_profit: Option<f64>,
    /// 资产总额.
    pub total_assets: Option<f64>,
    /// 负债总额.
    pub total_liabilities: Option<f64>,
    /// 研发费用.
    pub rd_spend: Option<f64>,
    /// 新产品销售收入.
    pub new_product_sales: Option<f64>,
    /// 主导产品销售收入.
    pub lead_product_sales: Option<f64>,
    /// 职工总数 (December social-insurance head count).
    pub staff_total: Option<u32>,
    /// 研发人员数 (full-time).
    pub rd_staff: Option<u32>,
    /// Of the R&D staff, those with 本科以上学历 or 工程师以上职称.
    pub rd_staff_qualified: Option<u32>,
    /// 合格机构投资者新增股权融资 (paid in).
    pub equity_new: Option<f64>,
    /// 科技人员数 (R&D and related technical staff, ≥ 183 days in the year).
    pub st_staff: Option<u32>,
    /// 高新技术产品（服务）收入.
    pub hitech_revenue: Option<f64>,
    /// 总收入 = 收入总额 − 不征税收入 (高新技术企业认定).
    pub total_income: Option<f64>,
    /// 境内研究开发费用 (R&D spent in China).
    pub rd_spend_domestic: Option<f64>,
    /// 成本费用支出总额.
    pub total_costs: Option<f64>,
    /// 科技成果转化数 (items converted in the year).
    pub conversions: Option<u32>,
}
