//! Strings of the finance page, and of the derived-ratio rows that the
//! finance, staff and funding pages share.

strings! {
    /// Page title.
    TITLE = "财务数据", "Financial data";
    /// Intro.
    INTRO = "按年度填写经审计的财务数据，金额以万元计。留空表示未填写，不按 0 计算。", "Audited figures per fiscal year, in 万元 (10,000 CNY). An empty cell means not answered; it is never counted as 0.";
    /// Field.
    REVENUE = "营业收入", "Revenue";
    /// Field.
    MAIN_REVENUE = "主营业务收入", "Main-business revenue";
    /// Field.
    NET_PROFIT = "净利润", "Net profit";
    /// Field.
    TOTAL_PROFIT = "利润总额", "Total profit";
    /// Field.
    TOTAL_ASSETS = "资产总额", "Total assets";
    /// Field.
    TOTAL_LIABILITIES = "负债总额", "Total liabilities";
    /// Field.
    NEW_PRODUCT_SALES = "新产品销售收入", "New-product sales";
    /// Field.
    LEAD_PRODUCT_SALES = "主导产品销售收入", "Lead-product sales";
    /// Field.
    EQUITY_NEW = "合格机构投资者新增股权融资", "New equity from qualified investors";
    /// Label.
    HITECH_REVENUE = "高新技术产品（服务）收入", "High-tech products (services) revenue";
    /// Label.
    TOTAL_INCOME = "总收入（收入总额 − 不征税收入）", "Total income (all income less non-taxable income)";
    /// Label.
    TOTAL_COSTS = "成本费用支出总额", "Total costs and expenses";
    /// Heading of the derived rows of a yearly table.
    DERIVED = "派生指标", "Derived ratios";
    /// Hover help of that heading.
    DERIVED_HELP = "由上方数据自动计算，不可编辑。无法计算时显示“—”和所缺数据。", "Computed from the figures above; not editable. Where a ratio cannot be computed, “—” and the missing figure are shown.";
    /// Derived ratio.
    MAIN_SHARE = "主营业务收入占比", "Main-business share";
    /// Formula.
    MAIN_SHARE_HELP = "主营业务收入 ÷ 营业收入", "Main-business revenue ÷ revenue";
    /// Derived ratio.
    DEBT_RATIO = "资产负债率", "Debt-to-asset ratio";
    /// Formula.
    DEBT_RATIO_HELP = "负债总额 ÷ 资产总额", "Total liabilities ÷ total assets";
    /// Derived ratio.
    NET_MARGIN = "净利润率", "Net margin";
    /// Formula.
    NET_MARGIN_HELP = "净利润 ÷ 营业收入", "Net profit ÷ revenue";
    /// Derived ratio.
    MAIN_GROWTH = "主营业务收入增长率", "Main-business growth";
    /// Formula.
    MAIN_GROWTH_HELP = "本年主营业务收入 ÷ 上年主营业务收入 − 1", "This year's main-business revenue ÷ last year's − 1";
    /// A value that cannot be computed.
    NOT_COMPUTABLE = "—", "—";
    /// An input a ratio needs is empty (`{field}` is replaced).
    MISSING = "缺：{field}", "Missing: {field}";
    /// An input a ratio needs is zero or invalid (`{field}` is replaced).
    INVALID = "{field}为 0 或无效", "{field} is 0 or invalid";
    /// A field of another year than the column's (`{year}`, `{field}` are replaced).
    OTHER_YEAR = "{year} 年{field}", "{field} ({year})";
}
