//! Words of the portfolio: the command line's `portfolio`, the window's
//! folder table and its CSV/xlsx export.

strings! {
    /// No review beside the file.
    REVIEW_NONE = "未审阅", "not reviewed";
    /// Reviewed, answers unchanged (`{n}` notes).
    REVIEW_CURRENT = "已审阅（{n} 条意见）", "reviewed ({n} notes)";
    /// Answers changed after the review.
    REVIEW_STALE = "审阅后答案已修改（{n} 条意见）", "answers changed after the review ({n} notes)";
    /// The review cannot be read.
    REVIEW_UNREADABLE = "审阅文件无法读取", "review file unreadable";
    /// Count of empty inputs.
    MISSING_INPUTS = "缺数据", "missing inputs";
    /// Between city and industry.
    COLON_SEP = " · ", " · ";
    /// A file without a company name.
    NO_NAME = "（未填写企业名称）", "(no name)";
    /// R&D intensity of Y−1.
    R_D_INTENSITY = "研发强度", "R&D intensity";
    /// Mean five-haves readiness.
    FIVE_HAVES = "五有平均", "five haves";
    /// Count of input errors.
    INPUT_ERRORS = "输入错误", "input errors";
    /// Before a file's error.
    CANNOT_READ = "无法读取：", "cannot read:";
    /// Text view: the next tier and what it lacks.
    NEXT_SHORT = "；下一级 {next}：{n} 项差距", "; next {next}: {n} blockers";
    /// Points short of a scored tier's pass mark.
    POINTS_SHORT = "差 {n} 分", "{n} pts short";
    /// Items short of the next tier.
    ITEMS_SHORT = "差 {n} 项", "{n} short";
    /// Column: file.
    COL_FILE = "文件", "File";
    /// Column: company.
    COL_COMPANY = "企业", "Company";
    /// Column: city.
    COL_CITY = "设区市", "City";
    /// Column: industry.
    COL_INDUSTRY = "行业", "Industry";
    /// Column: as-of date.
    COL_AS_OF = "评价基准日", "As of";
    /// Column suffix: tier reached.
    COL_REACHED = "已达", "reached";
    /// Column suffix: next tier.
    COL_NEXT = "下一级", "next tier";
    /// Column suffix: criteria short of the next tier.
    COL_SHORT = "差距项", "items short";
    /// Column suffix: points short of the next tier.
    COL_POINTS_SHORT = "差分", "points short";
    /// Column: R&D intensity of Y−1, percent.
    COL_RD = "研发强度（%）", "R&D intensity (%)";
    /// Column: five-haves mean, percent.
    COL_HAVES = "五有平均（%）", "Five haves (%)";
    /// Column: input errors.
    COL_ERRORS = "输入错误", "Input errors";
    /// Column: missing inputs.
    COL_MISSING = "缺数据项", "Missing inputs";
    /// Column: review status.
    COL_REVIEW = "审阅", "Review";
    /// Column: error reading the file.
    COL_ERROR = "无法读取的原因", "Why it cannot be read";
    /// Sheet name of the xlsx export.
    SHEET = "企业列表", "Portfolio";
}
