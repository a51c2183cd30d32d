//! Strings of the IP-and-awards page.

strings! {
    /// Page title.
    TITLE = "知识产权与荣誉", "IP and honours";
    /// Intro.
    INTRO = "与主导产品相关的有效知识产权、科技奖励、创客中国成绩和已获称号。", "Valid IP related to the lead product, S&T awards, 创客中国 results and titles held.";
    /// Section.
    SEC_IP = "知识产权", "Intellectual property";
    /// Field.
    CLASS1 = "Ⅰ类知识产权", "Class I IP";
    /// Field.
    CLASS1_SELF = "其中自主研发", "of which self-developed";
    /// Field.
    CLASS1_HIGH_VALUE = "其中高价值", "of which high-value";
    /// Field.
    CLASS2 = "Ⅱ类知识产权", "Class II IP";
    /// Help: class I.
    CLASS1_HELP = "Ⅰ类：发明专利（含国防专利）、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权。", "Class I: invention patents (incl. defence patents), new plant varieties, national crop varieties, national new drugs, first-grade protected traditional Chinese medicines, IC layout-design rights.";
    /// Help: class II.
    CLASS2_HELP = "Ⅱ类：软件著作权（不含商标）；实用新型专利、外观设计专利须授权后维持超过 2 年才计入。", "Class II: software copyrights (not trademarks); utility-model and design patents count once maintained for more than 2 years after grant.";
    /// Help: high value.
    HIGH_VALUE_HELP = "Ⅰ类高价值：在海外（G20、新加坡、欧洲专利局）有同族专利或取得海外收入、维持年限超过 10 年、实现较高金额质押融资，或获国家科学技术奖、中国专利奖。", "High-value class I: an overseas family patent (G20, Singapore, EPO) or overseas income, maintained over 10 years, sizeable pledge financing, or a national S&T award or China Patent Award.";
    /// Help: what counts.
    COUNT_HELP = "只计与主导产品相关的有效知识产权；受让不满 1 年的不计。", "Count only valid IP related to the lead product; rights transferred in less than a year ago do not count.";
    /// Section.
    SEC_AWARDS = "科技奖励", "S&T awards";
    /// Empty list.
    AWARDS_EMPTY = "尚未添加科技奖励。", "No S&T awards yet.";
    /// Card title.
    AWARD = "奖项", "Award";
    /// Add button.
    ADD_AWARD = "＋ 添加科技奖励", "+ Add an S&T award";
    /// Remove button.
    REMOVE_AWARD = "删除此奖项", "Remove this award";
    /// Field.
    AWARD_NAME = "奖项名称", "Award name";
    /// Field.
    AWARD_LEVEL = "级别", "Level";
    /// Level.
    LEVEL_NATIONAL = "国家科学技术奖", "National S&T award";
    /// Level.
    LEVEL_PROVINCIAL = "省级科学技术奖", "Provincial S&T award";
    /// Field.
    AWARD_YEAR = "获奖年份", "Year awarded";
    /// Field.
    UNIT_RANK = "完成单位排名", "Rank among units";
    /// Section.
    SEC_MAKER = "创客中国", "创客中国 (Maker China)";
    /// Empty list.
    MAKER_EMPTY = "尚未添加创客中国成绩。", "No 创客中国 results yet.";
    /// Card title.
    MAKER = "成绩", "Result";
    /// Add button.
    ADD_MAKER = "＋ 添加创客中国成绩", "+ Add a 创客中国 result";
    /// Remove button.
    REMOVE_MAKER = "删除此成绩", "Remove this result";
    /// Field.
    MAKER_YEAR = "大赛年份", "Competition year";
    /// Field.
    MAKER_RESULT = "全国成绩", "National result";
    /// Result.
    TOP50 = "全国 50 强", "National top 50";
    /// Result.
    TOP500 = "全国 500 强", "National top 500";
    /// Section.
    SEC_TITLES = "已获称号", "Titles held";
    /// Note.
    TITLES_NOTE = "含已过期的称号；评价只计评价基准日仍在有效期内的称号。", "Include expired titles too; only titles valid on the as-of date count.";
    /// Empty list.
    TITLES_EMPTY = "尚未添加称号。", "No titles yet.";
    /// Card title.
    TITLE_ITEM = "称号", "Title";
    /// Add button.
    ADD_TITLE = "＋ 添加称号", "+ Add a title";
    /// Remove button.
    REMOVE_TITLE = "删除此称号", "Remove this title";
    /// Field.
    TITLE_KIND = "称号", "Title";
    /// Field.
    SINCE = "认定日期", "Recognised on";
    /// Field.
    VALID_UNTIL = "有效期至", "Valid until";
    /// Status.
    VALID = "评价基准日有效", "Valid on the as-of date";
    /// Status.
    EXPIRED = "评价基准日已失效", "Not valid on the as-of date";
    /// Section.
    SEC_HIGH_TECH = "高新技术企业认定：自评声明", "High-tech enterprise: self-assessment";
    /// Note.
    HIGH_TECH_NOTE = "以下各项由评审专家按《高新技术企业认定管理工作指引》评分；请按指引自评并保留证明材料，结果以评审为准。", "Experts score these by the guideline; self-assess by it and keep the evidence: the review decides.";
    /// Label.
    HT_FIELD = "核心技术属于《国家重点支持的高新技术领域》", "Core technology in the state-supported high-tech fields";
    /// Label.
    HT_ADVANCEMENT = "知识产权的技术先进程度（A–E 档）", "Technical advancement of the IP (grade A–E)";
    /// Label.
    HT_CORE = "知识产权对主要产品的核心支持作用（A–E 档）", "Core support of the IP for the main products (grade A–E)";
    /// Label.
    HT_ACQUISITION = "知识产权获得方式", "How the IP was obtained";
    /// Choice.
    HT_SELF = "有自主研发", "Some self-developed";
    /// Choice.
    HT_ACQUIRED = "仅受让、受赠或并购", "Only transferred, gifted or acquired";
    /// Label.
    HT_STANDARDS = "参与编制国家或行业标准、检测方法、技术规范", "Took part in drafting national/industry standards, methods or specifications";
    /// Label.
    HT_ORG_RD = "研发组织管理制度、核算体系、辅助账（0–6 分）", "R&D management, accounting, auxiliary ledger (0–6)";
    /// Label.
    HT_ORG_INSTITUTION = "内部研发机构与产学研合作（0–6 分）", "In-house R&D institution and cooperation (0–6)";
    /// Label.
    HT_ORG_CONVERSION = "成果转化激励制度、开放式创新平台（0–4 分）", "Conversion incentives, open platforms (0–4)";
    /// Label.
    HT_ORG_TALENT = "人才培养、引进与绩效评价制度（0–4 分）", "Training, talent and evaluation systems (0–4)";
}
