//! Words of the evaluation's views: outcomes, verdicts, confidence, rule text, the text and spreadsheet outputs.

strings! {
    /// Below a threshold by `{amount}`.
    GAP_SHORT = "还差 {amount}", "short by {amount}";
    /// Above a ceiling by `{amount}`.
    GAP_OVER = "超出上限 {amount}", "{amount} over the limit";
    /// Review status: checked and right.
    REVIEW_CONFIRMED = "确认", "confirmed";
    /// Review status: doubtful.
    REVIEW_DOUBTFUL = "存疑", "doubtful";
    /// Review status: the proof is missing.
    REVIEW_MISSING_EVIDENCE = "缺材料", "evidence missing";
    /// Heading of a review's notes.
    REVIEW_HEADING = "审阅意见", "Review notes";
    /// Answers changed after the review (`{n}`), followed by their names.
    REVIEW_CHANGED = "审阅后答案已修改：{n} 项 — ", "Answers changed after the review: {n} — ";
    /// The answers are those reviewed.
    REVIEW_CURRENT = "答案与审阅时一致。", "The answers are those reviewed.";
    /// A review without notes.
    REVIEW_NO_NOTES = "（尚无审阅意见）", "(no notes yet)";
    /// Between the items of a list.
    LIST_SEP = "、", ", ";
    /// Heading of a comparison.
    COMPARING = "比较 {n} 份评价：", "Comparing {n} evaluations:";
    /// R&D intensity by year, in a comparison's heading.
    RD_INTENSITY_SERIES = "研发投入强度：", "R&D intensity: ";
    /// A tier or criterion the column does not have.
    NOT_IN_THIS_COLUMN = "（无此项）", "(not in this one)";
    /// Points, after a number.
    POINTS_UNIT = "分", "points";
    /// The rule in words, in a comparison.
    RULE = "规则", "rule ";
    /// Count of changed rows.
    CHANGED_ROWS = "有变化：{n} 项（标 ≠）", "Changed: {n} rows (marked ≠)";
    /// A figure whose inputs are filled but whose formula does not apply.
    FORMULA_NOT_APPLICABLE = "：公式不适用", ": the formula does not apply";
    /// A true flag.
    YES = "是", "yes";
    /// A false flag.
    NO = "否", "no";
    /// Note on provisional figures.
    CONTAINS_PROVISIONAL = "含暂定值（P），须向主管部门确认。", "Contains provisional (P) figures: confirm them with the authority.";
    /// —
    DASH = "—", "—";
    /// required
    REQUIRED = "要求", "required";
    /// : not entered
    NOT_ENTERED = "：未填写", ": not entered";
    /// met
    MET = "达标", "met";
    /// not met
    NOT_MET = "未达标", "not met";
    /// missing data
    MISSING_DATA = "数据缺失", "missing data";
    /// needs review
    NEEDS_REVIEW = "待声明", "needs review";
    /// n/a
    N_A = "不适用", "n/a";
    /// eligible
    ELIGIBLE = "符合条件", "eligible";
    /// not eligible
    NOT_ELIGIBLE = "尚不符合", "not eligible";
    /// incomplete
    INCOMPLETE = "资料不全", "incomplete";
    /// not applicable
    NOT_APPLICABLE = "不适用", "not applicable";
    /// verified (two or more official copies)
    VERIFIED_TWO_OR_MORE_OFFICIAL_COPIES = "已核实（两份以上官方文本）", "verified (two or more official copies)";
    /// one public copy; re-check
    ONE_PUBLIC_COPY_RE_CHECK = "单一来源，待复核", "one public copy; re-check";
    /// provisional: confirm with the authority
    PROVISIONAL_CONFIRM_WITH_THE_AUTHORITY = "暂定值，请向主管部门确认", "provisional: confirm with the authority";
    /// qualitative: declare and attach evidence
    QUALITATIVE_DECLARE_AND_ATTACH_EVIDENCE = "定性条件，需自行声明并附证明", "qualitative: declare and attach evidence";
    /// R&D staff
    R_D_STAFF = "研发人员", "R&D staff";
    /// R&D funding
    R_D_FUNDING = "研发经费", "R&D funding";
    /// R&D conditions
    R_D_CONDITIONS = "研发条件", "R&D conditions";
    /// R&D direction
    R_D_DIRECTION = "研发方向", "R&D direction";
    /// R&D projects
    R_D_PROJECTS = "研发项目", "R&D projects";
    /// basis
    BASIS = "基本条件", "basis";
    /// Enterprise technology center
    ENTERPRISE_TECHNOLOGY_CENTER = "企业技术中心", "Enterprise technology center";
    /// Quality-SME ladder
    QUALITY_SME_LADDER = "优质中小企业梯度培育", "Quality-SME ladder";
    /// High-tech enterprise
    HIGH_TECH_ENTERPRISE = "高新技术企业", "High-tech enterprise";
    /// Tech-based SME
    TECH_BASED_SME = "科技型中小企业", "Tech-based SME";
    ///  (held)
    HELD = "（已持有）", " (held)";
    /// declared
    DECLARED = "自行声明", "declared";
    /// holds
    HOLDS = "持有", "holds";
    /// , or meets that tier now
    OR_MEETS_THAT_TIER_NOW = "，或本次评价符合该层级标准", ", or meets that tier now";
    /// score
    SCORE = "评分", "score";
    ///  and
    AND = " 且 ", " and ";
    ///  or
    OR = " 或 ", " or ";
    /// :
    COLON_SPACED = "：", ": ";
    /// ;
    SEMICOLON = "；", "; ";
    /// otherwise
    OTHERWISE = "其他", "otherwise";
    /// cap
    CAP = "上限", "cap";
    ///  | best of |
    BEST_OF = " 取高者 ", " | best of | ";
    /// entered by hand
    ENTERED_BY_HAND = "手工录入", "entered by hand";
    /// held
    HELD_WORD = "已持有", "held";
    /// by
    BY = "通过：", "by ";
    /// max
    MAX = "满分 ", "max ";
    /// (no company name)
    NO_COMPANY_NAME = "（未填写企业名称）", "(no company name)";
    /// Company:
    COMPANY = "企业：", "Company: ";
    /// Credit code:
    CREDIT_CODE = "统一社会信用代码：", "Credit code: ";
    /// File:
    FILE = "文件：", "File: ";
    /// As of:
    AS_OF = "评价基准日：", "As of: ";
    /// Rule packs:
    RULE_PACKS = "适用规则包：", "Rule packs:";
    /// open
    OPEN = "至今", "open";
    /// , only part of the conditions
    ONLY_PART_OF_THE_CONDITIONS = "，仅含部分认定条件", ", only part of the conditions";
    /// ,
    COMMA = "，", ", ";
    /// confidence
    CONFIDENCE = "可信度", "confidence";
    /// Note:
    NOTE = "注：", "Note: ";
    /// Input checks:
    INPUT_CHECKS = "输入检查：", "Input checks:";
    /// error
    ERROR = "错误", "error";
    /// warning
    WARNING = "提示", "warning";
    /// The criteria below, on this year's figures, are context for the next review:
    THE_CRITERIA_BELOW_ON_THIS_YEAR = "以下为按本次数据对照的条件，供复审参考：", "The criteria below, on this year's figures, are context for the next review:";
    /// pass mark
    PASS_MARK = "及格线", "pass mark";
    /// up to
    UP_TO = "最高可达", "up to";
    /// Score
    SCORE_HEADING = "评分", "Score";
    /// :
    COLON = "：", ":";
    /// passed by:
    PASSED_BY = "通过：", "passed by: ";
    /// missing:
    MISSING = "缺少：", "missing: ";
    /// source:
    SOURCE = "依据：", "source: ";
    /// Gaps to the next tier
    GAPS_TO_THE_NEXT_TIER = "距下一级的差距", "Gaps to the next tier";
    /// no tier reached yet
    NO_TIER_REACHED_YET = "尚未达到任何一级", "no tier reached yet";
    /// A space in English, nothing in Chinese.
    SPACE_EN = "", " ";
    ///  (already held)
    ALREADY_HELD = "（已持有）", " (already held)";
    /// reached
    REACHED = "已达到", "reached";
    /// points pending:
    POINTS_PENDING = "待定分值 ", "points pending: ";
    /// fill in:
    FILL_IN = "需补充：", "fill in: ";
    /// Five haves readiness
    FIVE_HAVES_READINESS = "五有准备度", "Five haves readiness";
    /// met
    ITEMS_MET = "项达标", "met";
    /// Confidence: V verified; V1 one source; P provisional, confirm with the authority; Q qualitative, declare with evidence. A value on a band boundary scores the higher band.
    CONFIDENCE_KEY = "可信度：V 已核实；V1 单一来源；P 暂定值，须向主管部门确认；Q 定性条件，须自行声明并附证明。分档边界值计入较高一档。", "Confidence: V verified; V1 one source; P provisional, confirm with the authority; Q qualitative, declare with evidence. A value on a band boundary scores the higher band.";
    /// Engineering research center
    ENGINEERING_RESEARCH_CENTER = "工程技术研究中心", "Engineering research center";
    /// Key laboratory
    KEY_LABORATORY = "重点实验室", "Key laboratory";
    /// Academician workstation
    ACADEMICIAN_WORKSTATION = "院士工作站", "Academician workstation";
    /// Postdoctoral workstation
    POSTDOCTORAL_WORKSTATION = "博士后工作站", "Postdoctoral workstation";
    /// Other
    OTHER = "其他", "Other";
    /// not recognised
    NOT_RECOGNISED = "未认定", "not recognised";
    /// set up by the company
    SET_UP_BY_THE_COMPANY = "企业自建", "set up by the company";
    /// municipal
    MUNICIPAL = "市级", "municipal";
    /// provincial
    PROVINCIAL = "省级", "provincial";
    /// national
    NATIONAL = "国家级", "national";
    /// basic research
    BASIC_RESEARCH = "基础研究", "basic research";
    /// applied research
    APPLIED_RESEARCH = "应用研究", "applied research";
    /// experimental development
    EXPERIMENTAL_DEVELOPMENT = "试验发展", "experimental development";
    /// planned
    PLANNED = "已立项未开始", "planned";
    /// ongoing
    ONGOING = "在研", "ongoing";
    /// completed
    COMPLETED = "已完成", "completed";
    /// national S&T award
    NATIONAL_S_T_AWARD = "国家科学技术奖", "national S&T award";
    /// provincial S&T award
    PROVINCIAL_S_T_AWARD = "省级科学技术奖", "provincial S&T award";
    /// national top 50
    NATIONAL_TOP_50 = "全国 50 强", "national top 50";
    /// national top 500
    NATIONAL_TOP_500 = "全国 500 强", "national top 500";
    /// Year
    YEAR = "年度", "Year";
    /// Unit
    UNIT = "单位", "Unit";
    /// The note on years outside the yearly columns, in the about sheet.
    YEARS_OUTSIDE_NOTE = "{years} 年的数据不在评价年度（{range}）内，未计入评价", "The figures for {years} are outside the evaluated years ({range}) and not in the evaluation";
    /// Criteria
    CRITERIA = "评价结果", "Criteria";
    /// Tier
    TIER = "层级", "Tier";
    /// Criterion id
    CRITERION_ID = "条件 ID", "Criterion id";
    /// Criterion
    CRITERION = "条件", "Criterion";
    /// Outcome
    OUTCOME = "结果", "Outcome";
    /// Value
    COL_VALUE = "实际值", "Value";
    /// Threshold
    THRESHOLD = "要求", "Threshold";
    /// Comparison (≥, ≤ …)
    COMPARISON = "比较", "Test";
    /// Gap
    GAP = "差距", "Gap";
    /// Maximum points
    MAX_POINTS = "满分", "Max points";
    /// How the criteria sheet states numbers.
    NUMBERS_NOTE = "“评价结果”中的实际值和要求为数值，单位见“单位”列；百分比按百分数列示（12.5 表示 12.5%）。“年度数据”等工作表的金额单位为万元。", "Values and thresholds on the Criteria sheet are numbers in the unit of the Unit column; percentages are percent numbers (12.5 means 12.5 %). Amounts on Fiscal years and the other answer sheets are in 万元 (10,000 CNY).";
    /// Points
    POINTS = "得分", "Points";
    /// Confidence
    COL_CONFIDENCE = "可信度", "Confidence";
    /// Source
    COL_SOURCE = "依据", "Source";
    /// Gaps
    GAPS = "差距与下一步", "Gaps";
    /// Programme
    PROGRAMME = "项目", "Programme";
    /// Target tier
    TARGET_TIER = "目标层级", "Target tier";
    /// What to do
    WHAT_TO_DO = "需要做什么", "What to do";
    /// Kind
    KIND = "类别", "Kind";
    /// About
    ABOUT = "说明", "About";
    /// Company
    COMPANY_NAME = "企业名称", "Company";
    /// Credit code
    USCC = "统一社会信用代码", "Credit code";
    /// As of
    AS_OF_DATE = "评价基准日", "As of";
    /// Assessment file SHA-256
    ASSESSMENT_FILE_SHA_256 = "评估文件指纹（SHA-256）", "Assessment file SHA-256";
    /// Produced by
    PRODUCED_BY = "生成工具", "Produced by";
    /// Rule pack
    RULE_PACK = "规则包 ", "Rule pack ";
    /// Note
    NOTE_HEADING = "注意", "Note";
}
