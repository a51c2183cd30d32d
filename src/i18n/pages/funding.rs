//! Strings of the funding page.

strings! {
    /// Page title.
    TITLE = "研发经费", "R&D funding";
    /// Intro.
    INTRO = "按年度填写研发费用（与财务报表或研发费用加计扣除口径一致）。比重按“财务数据”中的收入计算。", "R&D spending per fiscal year, as in the accounts or the super-deduction filing. The ratios use the revenue entered under Financial data.";
    /// Field.
    RD_SPEND = "研发费用", "R&D spending";
    /// Label.
    RD_DOMESTIC = "其中境内研究开发费用", "Of which spent in China";
    /// Label.
    CONVERSIONS = "科技成果转化数", "Technology results converted";
    /// Derived ratio.
    RD_RATIO = "研发费用占营业收入比重", "R&D spending / revenue";
    /// Formula.
    RD_RATIO_HELP = "研发费用 ÷ 营业收入（研发投入强度）", "R&D spending ÷ revenue (R&D intensity)";
    /// Derived ratio.
    RD_RATIO_MAIN = "研发投入占主营业务收入比重", "R&D spending / main-business revenue";
    /// Formula.
    RD_RATIO_MAIN_HELP = "研发费用 ÷ 主营业务收入", "R&D spending ÷ main-business revenue";
    /// Derived ratio.
    PER_RD_STAFF = "人均研发经费", "R&D spending per R&D staff";
    /// Formula.
    PER_RD_STAFF_HELP = "研发费用 ÷ 研发人员数（全职）", "R&D spending ÷ full-time R&D staff";
    /// The plan's benchmark (a reference line, not a criterion).
    BENCHMARK = "参考：规划提出规上工业企业研发投入强度达到 1.5%。这是全省目标，不是认定条件。", "Benchmark: the plan aims at an R&D intensity of 1.5 % for industrial firms above designated size. It is a province-wide target, not a criterion.";
}
