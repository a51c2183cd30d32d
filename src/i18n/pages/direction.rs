//! Strings of the direction page.

strings! {
    /// Page title.
    TITLE = "研发方向", "R&D direction";
    /// Intro.
    INTRO = "细分市场、主导产品、规划、数字化、质量与标准。悬停在标签上可查看使用该项的评价条件。", "Niche market, lead product, planning, digital level, quality and standards. Hover over a label to see the criteria that use it.";
    /// Section.
    SEC_MARKET = "细分市场与主导产品", "Niche market and lead product";
    /// Field.
    NICHE_ENTRY_YEAR = "进入细分市场年份", "Year entered the niche";
    /// Label.
    NICHE_ENTRY_MONTH = "进入细分市场月份", "Month entered the niche";
    /// Label.
    INTL_NICHE_SHARE = "细分市场国际占有率", "International niche market share";
    /// Label.
    PRODUCTS_TO_STANDARDS = "产品按行业标准或国家标准组织生产", "Products made to industry or national standards";
    /// Label.
    LED_STANDARD_5Y = "近五年主导制定国际、国家或行业标准", "Led an international, national or industry standard in 5 years";
    /// Derived line under the niche inputs (`{year}` is Y−1).
    NICHE_YEARS = "从事细分市场年限（至 {year} 年末）", "Years in the niche (to the end of {year})";
    /// Added when only the entry year is known.
    NICHE_YEARS_SPAN = "只知年份；填写月份后可精确计算", "only the year is known; enter the month for an exact figure";
    /// Field.
    LEAD_PRODUCT = "主导产品", "Lead product";
    /// Field.
    NICHE_SHARE = "细分市场全国占有率", "National niche market share";
    /// Field.
    NICHE_RANK = "细分市场全国排名", "National niche market rank";
    /// Field.
    NICHE_RECOGNISED = "细分市场知名度较高", "Well known in the niche";
    /// Field.
    OWN_BRAND = "拥有自主品牌", "Own brand";
    /// Section.
    SEC_FIELDS = "主导产品所属领域", "Lead-product field";
    /// Note.
    FIELDS_NOTE = "主导产品是否属于下列领域（自我声明，申报时须提供佐证）。", "Whether the lead product belongs to each field (self-declared; evidence is needed when applying).";
    /// Field.
    STRATEGIC_EMERGING = "战略性新兴产业", "Strategic emerging industry";
    /// Field.
    SIX_BASICS = "工业“六基”", "Six industrial basics (六基)";
    /// Field.
    FILLS_GAP = "补短板、锻长板、填空白", "Fills a gap or extends a strength";
    /// Field.
    TEN_KEY_FIELDS = "制造强国十大重点领域", "Ten key manufacturing fields";
    /// Field.
    NETWORK_POWER = "网络强国建设领域", "Cyber-power field";
    /// Field.
    TIME_HONORED = "中华老字号", "Time-honored brand (老字号)";
    /// Field.
    KEY_CHAIN_LINK = "重点产业链关键环节", "Key link of a priority chain";
    /// Section.
    SEC_PLAN = "研发规划与创新机制", "Development plan and innovation mechanism";
    /// Field.
    WRITTEN_PLAN = "有书面研发规划", "Written R&D plan";
    /// Field.
    PLAN_YEARS = "规划年限", "Years covered by the plan";
    /// Hint for the plan years.
    PLAN_YEARS_HINT = "例如 2024–2026", "e.g. 2024–2026";
    /// Field.
    MECHANISM = "创新机制健全", "Sound innovation mechanism";
    /// Note.
    QUALITATIVE_NOTE = "“知名度较高”和“创新机制健全”是定性条件（Q），由评审判断，此处只作声明。", "“Well known in the niche” and “sound innovation mechanism” are qualitative (Q): reviewers decide; here they are only declared.";
    /// Section.
    SEC_QUALITY = "数字化与质量", "Digital level and quality";
    /// Field.
    DIGITAL_LEVEL = "数字化水平", "Digital level";
    /// Level option.
    LEVEL_1 = "一级", "Level 1";
    /// Level option.
    LEVEL_2 = "二级", "Level 2";
    /// Level option.
    LEVEL_3 = "三级", "Level 3";
    /// Level option.
    LEVEL_4 = "四级", "Level 4";
    /// Note.
    DIGITAL_NOTE = "数字化水平按工业和信息化部中小企业数字化水平评测结果填写。", "Enter the result of the MIIT SME digital-level self-test.";
    /// Field.
    IT_CORE_PROCESSES = "采用信息系统的核心业务环节", "Core processes on an IT system";
    /// Field.
    QMS_CERTIFICATE = "质量管理体系认证", "Quality-management certificate";
    /// Field.
    ADVANCED_CERTIFICATION = "管理体系认证或发达国家和地区产品认证", "Management-system or developed-market product certification";
    /// Field.
    QUALITY_AWARD = "省级以上质量奖", "Provincial or higher quality award";
    /// Section.
    SEC_STANDARDS = "主持或参与制修订的标准", "Standards drafted (lead or member)";
    /// Field.
    STD_INTERNATIONAL = "国际标准", "International standards";
    /// Field.
    STD_NATIONAL = "国家标准", "National standards";
    /// Field.
    STD_INDUSTRY = "行业标准", "Industry standards";
    /// Field.
    STD_GROUP = "团体标准", "Group standards";
}
