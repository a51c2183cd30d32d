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
    AS_OF_HELP = "评价所依据的日期：决定“上年度”（Y−1）和适用的规则包。留空表示今天。", "The date the evaluation refers to: it fixes the last fiscal year (Y−1) and the rule packs in force. Empty means today.";
    /// Field.
    LEGAL_PERSON = "具有独立法人资格", "Independent legal person";
    /// Field.
    PRODUCTS_PERMITTED = "产品不属于禁止、限制或淘汰类", "Products not prohibited, restricted or phased out";
    /// Valid code.
    USCC_OK = "校验位正确", "Check digit correct";
}
