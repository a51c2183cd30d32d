//! Strings of the compliance page.

strings! {
    /// Page title.
    TITLE = "合规", "Compliance";
    /// Intro.
    INTRO = "近三年的合规情况，以及从其他系统抄录的评分。", "Compliance in the last three years, and scores copied from other systems.";
    /// Section.
    SEC_COMPLIANCE = "近三年合规情况", "Compliance in the last three years";
    /// Explanation of the answers.
    EXPLAIN = "以下每一问选“是”表示该问题在近三年内发生过，选“否”表示没有发生。任一项为“是”，相应的基本条件即不达标。", "Answer “Yes” if the problem occurred in the last three years and “No” if it did not. Any “Yes” fails the matching basic condition.";
    /// Question.
    ABNORMAL_LIST = "是否被列入经营异常名录", "Listed as operating abnormally?";
    /// Question.
    SERIOUS_DISHONESTY = "是否被列为严重失信主体", "Listed as a seriously dishonest entity?";
    /// Question.
    MAJOR_ACCIDENT = "是否发生重大安全、质量或环境事故", "Major accident?";
    /// Note.
    ACCIDENT_NOTE = "安全事故含网络安全和数据安全事故。", "Major accident: a major safety (incl. cyber and data security), quality or environmental accident.";
    /// Question.
    TAX_EVASION = "是否有偷漏税或骗取出口退税行为", "Tax evasion or export-rebate fraud?";
    /// Question.
    SMUGGLING = "是否有走私行为", "Smuggling?";
    /// Question.
    MAJOR_TAX_VIOLATION = "是否被列为重大税收违法失信主体", "Listed as a major tax-violation entity?";
    /// Label.
    INDUSTRY_VIOLATION = "是否严重违反相关行业管理规定", "Seriously violated industry regulations?";
    /// Label.
    RESEARCH_MISCONDUCT = "上一年度至今是否有科研严重失信行为", "Serious research misconduct since last year?";
    /// Section.
    SEC_MANUAL = "手工录入的评分", "Scores entered by hand";
    /// Intro of the section.
    MANUAL_INTRO = "这些数值由其他系统给出，本程序不计算，请按原值抄录。", "These figures come from other systems; innocheck does not compute them. Copy them as given.";
    /// Field.
    MIIT_SCORE = "专精特新发展评价得分", "MIIT platform evaluation score";
    /// Field.
    FEATURED_SCORE = "特色化指标得分（2022 规则）", "Featured-indicator score (2022 rules)";
    /// Field.
    REVENUE_BENCHMARK = "全省规上工业营业收入平均增速", "Provincial industrial revenue growth";
    /// Label.
    PROFIT_BENCHMARK = "全省规上工业利润总额平均增速", "Provincial industrial profit growth";
    /// Help.
    MIIT_HELP = "专精特新发展评价得分：优质中小企业梯度培育平台按 2026 年规则给出，0–100 分。", "MIIT platform score: given by the quality-SME cultivation platform under the 2026 rules, 0–100 points.";
    /// Help.
    FEATURED_HELP = "特色化指标得分：按 2022 年规则由地方评定，0–15 分；为暂定值（P），须向主管部门确认。", "Featured-indicator score: set locally under the 2022 rules, 0–15 points; provisional (P): confirm it with the authority.";
    /// Help.
    BENCHMARK_HELP = "全省规模以上工业企业同期营业收入、利润总额的平均增速（两项分别填写），用于江西省专业化小巨人的增长条件：企业营业收入或利润总额增速高于对应的全省平均即可。", "The average growth of Jiangxi's industrial firms above designated size over the same period, revenue and total profit entered separately; the Jiangxi specialized little giant needs revenue or profit growth above the matching average.";
}
