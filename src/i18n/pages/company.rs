//! Strings of the company-profile page.

strings! {
    /// Page title.
    TITLE = "企业概况", "Company profile";
    /// Intro.
    INTRO = "填写企业基本信息。统一社会信用代码输入时即校验。", "Basic company information. The unified social credit code is checked as you type.";
    /// Field.
    NAME = "企业名称", "Company name";
    /// Field.
    USCC = "统一社会信用代码", "Unified social credit code";
    /// Field.
    CITY = "所在地区", "Location";
    /// Field.
    INDUSTRY = "所属行业", "Industry";
    /// Field.
    FOUNDED = "成立日期", "Founded";
    /// Field.
    AS_OF = "评价基准日", "As-of date";
    /// Help.
    AS_OF_HELP = "评价所依据的日期：决定“上年度”（Y−1）和适用的规则包。与评价结果页的评价基准日是同一项。留空表示今天。", "The date the evaluation refers to: it fixes the last fiscal year (Y−1) and the rule packs in force. The same field as the as-of date on the results page. Empty means today.";
    /// Field.
    LEGAL_PERSON = "具有独立法人资格", "Independent legal person";
    /// Field.
    PRODUCTS_PERMITTED = "产品不属于禁止、限制或淘汰类", "Products not prohibited, restricted or phased out";
    /// Valid code.
    USCC_OK = "校验位正确", "Check digit correct";
    /// The check character does not match the first 17.
    USCC_BAD = "代码未通过校验：前 17 位中可能有字符输错，请对照营业执照逐位核对。", "The code does not check out: one of the first 17 characters is probably mistyped. Compare it with the business licence.";
    /// Detail of that (`{expected}`).
    USCC_BAD_DETAIL = "详情：按前 17 位计算，第 18 位应为 “{expected}”。", "Detail: the first 17 characters give ‘{expected}’ as the 18th.";
    /// Wrong length (`{n}`).
    USCC_LENGTH = "应为 18 位，现为 {n} 位。", "The code has 18 characters; this has {n}.";
    /// A character outside the code's alphabet (`{pos}`, `{ch}`).
    USCC_CHAR = "第 {pos} 位 “{ch}” 不是代码中使用的字符（不使用 I、O、S、V、Z 和小写字母）。", "Character {pos} ‘{ch}’ is not used in these codes (I, O, S, V, Z and lower case never are).";
}
