//! Strings of the results page, its charts and the live summary beside the wizard.

strings! {
    /// Page title.
    TITLE = "评价结果", "Results";
    /// Intro.
    INTRO = "根据已填写的数据和所选规则包即时计算。结果仅供自评参考，以主管部门的正式认定为准。", "Computed from the data entered and the rule packs chosen, as you type. For self-assessment only: the authority's recognition decides.";
    /// Settings section.
    SETTINGS = "评价设置", "Evaluation settings";
    /// Field.
    AS_OF = "评价基准日", "As-of date";
    /// Shown beside the as-of date.
    AS_OF_IN_USE = "留空，采用今天：", "Empty, so today:";
    /// Hover help of the as-of date.
    AS_OF_HELP = "评价所依据的日期，与企业概况中的评价基准日是同一项：决定“上年度”（Y−1）和适用的规则包。留空表示今天。", "The date the evaluation refers to, the same field as the as-of date on the company page: it fixes the last fiscal year (Y−1) and the rule packs in force. Empty means today.";
    /// Pack chooser heading.
    PACKS = "规则包", "Rule packs";
    /// Pack count suffix: "6 个在用".
    PACKS_IN_USE = "个在用", "in use";
    /// Pack choice.
    PACKS_AUTO = "按评价基准日自动选用有效的规则包", "Use the packs in force on the as-of date";
    /// Pack choice.
    PACKS_MANUAL = "手动选择", "Choose packs";
    /// Open-ended validity.
    OPEN_ENDED = "至今", "open";
    /// Partial pack.
    PARTIAL = "部分编码", "partial";
    /// Hover of the partial mark.
    PARTIAL_HELP = "只编码了官方认定条件的一部分，其余条件请对照原文自行核对。", "Only part of the official criteria is encoded; check the rest against the original text.";
    /// Pack chosen but not in force.
    NOT_IN_FORCE = "基准日不在有效期内", "not in force on the as-of date";
    /// Issuing document.
    DOCUMENT = "文件", "Document";
    /// Rule source label.
    RULES_FROM = "规则来源", "Rules from";
    /// Bundled packs.
    BUNDLED = "内置规则包", "bundled packs";
    /// Button with dialog.
    LOAD_DIR = "加载规则包文件夹…", "Load rule-pack folder…";
    /// Button.
    USE_BUNDLED = "恢复内置规则包", "Back to the bundled packs";
    /// No evaluation yet.
    NO_EVALUATION = "尚无评价结果。", "No evaluation yet.";
    /// No packs in use.
    NO_TIERS = "没有适用的规则包：请在上方选择规则包或调整评价基准日。", "No rule pack applies: choose packs above or change the as-of date.";
    /// Tier reached.
    REACHED = "已达到", "Reached";
    /// No tier reached.
    REACHED_NONE = "尚未达到任何一级", "No tier reached yet";
    /// Not reached, for a programme of one tier (no ladder to climb).
    REACHED_NOT_YET = "尚未达到", "Not reached yet";
    /// Held mark.
    HELD = "已持有", "held";
    /// Inside a held tier, above its criteria.
    HELD_CONTEXT = "已持有该层级：以下条件按现行规则列出，供下次复核参考。", "Held: the criteria below are listed under the current rules as context for the next review.";
    /// Inside a tier that does not apply.
    NOT_APPLICABLE_BODY = "该层级不适用于本企业，无须满足其条件。", "This tier does not apply to the company; it has nothing to meet.";
    /// Hover of a ladder step.
    REACHED_HERE = "当前所处层级", "Tier reached";
    /// Route that passed.
    ROUTE = "通过途径", "Passed by";
    /// Score.
    SCORE = "评分", "Score";
    /// Pass mark.
    PASS_MARK = "及格线", "pass mark";
    /// Potential score.
    POTENTIAL = "补全数据后最高", "up to";
    /// Block sub-minimum.
    SUB_MIN = "最低", "min";
    /// Score chart legend: the marker.
    SUB_MIN_MARK = "竖线为该项最低分要求", "The vertical mark is the block minimum";
    /// Column.
    COL_STATUS = "状态", "Status";
    /// Column.
    COL_CRITERION = "条件", "Criterion";
    /// Column.
    COL_VALUE = "实际值与要求", "Value vs requirement";
    /// Column.
    COL_GAP = "差距", "Gap";
    /// Column.
    COL_POINTS = "得分", "Points";
    /// Points to gain, on a blocker badge: "+2 分".
    POINTS_UNIT = "分", "points";
    /// Column.
    COL_CONFIDENCE = "可信度", "Conf.";
    /// Column.
    COL_SOURCE = "依据", "Source";
    /// Missing inputs.
    FILL_IN = "需补充：", "Fill in: ";
    /// Evidence heading.
    EVIDENCE = "需准备的证明材料", "Evidence to prepare";
    /// Note.
    NOTE = "注：", "Note: ";
    /// Criterion id.
    CRITERION_ID = "条件编号", "Criterion id";
    /// Other checks of a criterion.
    ALL_CHECKS = "全部核对项", "All checks";
    /// Next steps heading.
    NEXT_STEPS = "下一步怎么做", "What to do next";
    /// Next steps intro.
    NEXT_STEPS_INTRO = "到达每个梯度的下一级还需解决的问题，按重要性排列。", "What stands between the company and the next tier of each ladder, most important first.";
    /// Top of a ladder.
    TOP_REACHED = "已达到本梯度的最高一级。", "The top of this ladder is reached.";
    /// No blockers.
    NO_BLOCKERS = "没有阻碍项。", "Nothing blocks this tier.";
    /// Blocker count: "3 项待解决".
    TO_RESOLVE = "项待解决", "to resolve";
    /// Next tier label in the summary.
    NEXT_TIER = "下一级", "Next";
    /// Five-haves heading.
    FIVE_HAVES = "五有准备度", "Five-haves readiness";
    /// Target chooser.
    TARGET = "目标层级", "Target tier";
    /// Five-haves help.
    FIVE_HAVES_HELP = "每一项为目标层级中该类条件的平均完成度（数值条件按实际值与门槛之比计，最高 100%）。", "Each axis is the mean progress of the target tier's criteria of that kind (numeric criteria: value over threshold, at most 100 %).";
    /// A have the target tier does not test.
    NOT_TESTED = "未考察", "not tested";
    /// Criteria met count: "2/3 项达标".
    MET_COUNT = "项达标", "met";
    /// R&D trend heading.
    RD_TREND = "研发投入强度（近三年）", "R&D intensity, last three years";
    /// R&D trend help.
    RD_TREND_HELP = "研发费用占营业收入比重。虚线为读取该比重的层级门槛，点线为行动计划 1.5% 的基准。", "R&D spending as a share of revenue. Dashed: tier thresholds on this ratio; dotted: the plan's 1.5 % benchmark.";
    /// Series name.
    RD_RATIO = "研发费用占营业收入比重", "R&D spending / revenue";
    /// Benchmark line.
    BENCHMARK = "行动计划基准", "Plan benchmark";
    /// A year without data.
    NO_DATA = "数据缺失", "no data";
    /// No R&D data at all.
    NO_RD_DATA = "近三年的研发费用或营业收入尚未填写。", "R&D spending or revenue of the last three years is not entered yet.";
    /// Score bars heading.
    SCORE_BREAKDOWN = "分项得分", "Score by block";
    /// Button in the live summary.
    OPEN_RESULTS = "查看完整结果", "Full results";
    /// Confidence legend.
    CONFIDENCE_LEGEND = "可信度：V 已核实；V1 单一来源；P 暂定值，须向主管部门确认；Q 定性条件，须自行声明并附证明。分档边界值计入较高一档。", "Confidence: V verified; V1 one source; P provisional, confirm with the authority; Q qualitative, declare with evidence. A value on a band boundary scores the higher band.";
}
