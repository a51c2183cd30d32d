//! Strings of the printable summary (`report::data` and `report::pdf`) and
//! of the errors met while writing it. `{n}`-style placeholders are filled
//! with `str::replace`.

strings! {
    /// Document title.
    TITLE = "企业创新能力准备度评估摘要", "Innovation readiness summary";
    /// A value not entered.
    NOT_ENTERED = "未填写", "not entered";
    /// A fiscal year after a value: "1,310 万元（2024 年）".
    YEAR = "{y} 年", "{y}";
    /// Open-ended validity of a pack.
    OPEN_ENDED = "至今", "open";
    /// List separator.
    COMMA = "，", ", ";
    /// Clause separator.
    SEMICOLON = "；", "; ";
    /// Between a label and its text.
    COLON = "：", ": ";
    /// End of a sentence.
    PERIOD = "。", ".";
    /// Score, before "70/100".
    SCORE = "评分", "score";
    /// A held tier whose criteria are shown on this year's figures.
    HELD_CONTEXT = "；下列条件按本次数据对照，供复审参考", "; the criteria below, on this year's figures, are context for the next review";
    /// Before the names of empty inputs in a gap.
    MISSING = "缺少：", "missing: ";
    /// Before the names of empty inputs in a next step.
    FILL_IN = "需补充：", "fill in: ";
    /// A qualitative criterion in a next step.
    DECLARE = "请声明并附证明材料", "declare it and attach evidence";
    /// Before the score items that can close a score's shortfall.
    LEVERS = "可得分项：", "Points can come from: ";
    /// Before the score items waiting on data or a declaration.
    LEVERS_PENDING = "补全数据或声明后可得分：", "Points waiting on data or a declaration: ";
    /// A score item and its points: "数字化水平 +2" (a no-break space keeps
    /// the points with the item).
    LEVER = "{item}\u{a0}+{n}", "{item}\u{a0}+{n}";
    /// A pending score item and the points that hang on it.
    LEVER_PENDING = "{item}（至多 {n} 分）", "{item} (up to {n})";
    /// More levers than are named.
    LEVERS_MORE = "等 {n} 项", "and {n} more";

    /// "（未填写）" in the company block.
    NOT_ENTERED_BLOCK = "（未填写）", "(not entered)";
    /// Company block.
    COMPANY = "企业名称", "Company";
    /// Company block.
    USCC = "统一社会信用代码", "Credit code (USCC)";
    /// Company block.
    LOCATION = "所在地区", "Location";
    /// Company block.
    INDUSTRY = "所属行业", "Industry";
    /// Company block and title line.
    AS_OF = "评价基准日", "As-of date";
    /// Title line: "公司　·　评价基准日 2025-06-30".
    SUBTITLE = "{company}　·　评价基准日 {date}", "{company}  ·  as of {date}";
    /// Company block.
    PRODUCED_BY = "生成工具", "Produced by";
    /// The provisional box on page 1, when no open tier rests on provisional thresholds.
    PROVISIONAL_BOX_PLAIN = "本报告含暂定值（可信度 P）：这些门槛未找到官方数值，须向主管部门确认后方可作为申报依据。", "This report contains provisional figures (confidence P): no official value was found for these thresholds; confirm them with the authority before relying on them.";
    /// The provisional box on page 1, when part 1 names the tiers concerned.
    PROVISIONAL_BOX = "本报告含暂定值（可信度 P）：这些门槛未找到官方数值，须向主管部门确认后方可作为申报依据；涉及的项目在第一部分逐一注明，并说明如何替换为官方数值。", "This report contains provisional figures (confidence P): no official value was found for these thresholds; confirm them with the authority before relying on them. Part 1 marks each programme they affect and says how to replace them.";

    /// Section 1.
    VERDICTS = "评价结论", "Verdict at a glance";
    /// No tier to evaluate.
    NO_TIERS = "所选规则包中没有可评价的层级。", "The selected rule packs have no tier to evaluate.";
    /// Rung status.
    RUNG_REACHED = "✓ 已达到", "✓ reached";
    /// Rung status.
    RUNG_REACHED_HELD = "✓ 已达到（已持有）", "✓ reached (held)";
    /// Rung status of the next rung, one criterion short.
    RUNG_NEXT_ONE = "下一级 · 差 {n} 项", "next · {n} gap";
    /// Rung status of the next rung.
    RUNG_NEXT = "下一级 · 差 {n} 项", "next · {n} gaps";
    /// Under the status of a rung whose thresholds are provisional.
    RUNG_PROVISIONAL = "门槛为暂定值", "provisional thresholds";
    /// No tier reached.
    NO_TIER_YET = "尚未达到任何层级", "no tier yet";
    /// Next tier, one criterion short.
    NEXT_LINE_ONE = "下一级：{tier}，差 {n} 项条件（见第二部分）", "Next: {tier}, {n} criterion short (see part 2)";
    /// Next tier.
    NEXT_LINE = "下一级：{tier}，差 {n} 项条件（见第二部分）", "Next: {tier}, {n} criteria short (see part 2)";
    /// Top of the ladder.
    TOP_OF_LADDER = "已是最高一级", "Top of the ladder";
    /// The verdict line of a programme.
    VERDICT_LINE = "已达到：{reached}；{next}", "Reached: {reached}.  {next}";
    /// Next to the verdict of a tier resting on provisional thresholds.
    PROVISIONAL_NOTE = "门槛为暂定值：{tiers}。官方文件中的数值尚未找到，暂按相近的已核实数值设定，结论须向主管部门确认。", "Provisional thresholds: {tiers}. No figure was found in the official text, so the closest verified figures stand in for them; confirm the verdict with the authority.";
    /// How to replace provisional thresholds with official ones.
    PROVISIONAL_HOW = "取得官方数值后，改正规则包文件 {files}（安装包 rules 文件夹中有副本）中的数值，把改好的文件放进一个文件夹，在窗口“评价结果 → 加载规则包文件夹…”中选择该文件夹，或用命令 innocheck --rules 文件夹 report …，即按新数值重新评价。", "Once the official figures are known, correct them in the rule-pack file {files} (a copy is in the rules folder of the download), put the file in a folder and choose that folder under Results → Load rule-pack folder…, or run innocheck --rules FOLDER report …, to evaluate again with them.";
    /// Joins tier titles or file names.
    AND = "、", ", ";

    /// Section 2.
    NEXT_STEPS = "下一步工作", "What to do next";
    /// Continuation caption.
    NEXT_STEPS_CONT = "下一步工作（续）", "What to do next (continued)";
    /// No gap.
    NO_GAP = "没有待弥补的差距。", "There is no gap to close.";
    /// Intro of section 2.
    NEXT_STEPS_INTRO = "以下为达到各项目下一级所差的条件（条数与第一部分一致），按重要性排序：先列未达标项，再列数据缺失项，最后列需声明的定性条件。评分不足的，列出可以得分的项目。", "The criteria standing between the company and the next tier of each programme (as counted in part 1), most important first: failed criteria, then missing data, then declarations. Where a score falls short, the items it can gain points on are named.";
    /// Column.
    COL_TARGET = "目标层级", "Target tier";
    /// Column.
    COL_CRITERION = "条件", "Criterion";
    /// Column.
    COL_TODO = "需要做什么", "What to do";
    /// Column.
    COL_CONF = "可信度", "Conf.";

    /// Section 3.
    CHARTS = "“五有”准备度与评分", "Five-haves readiness and scores";
    /// No chart.
    NO_CHARTS = "没有可绘制的目标层级或评分。", "No target tier or score to chart.";
    /// Radar title.
    RADAR_TITLE = "“五有”准备度 — 目标：{target}", "Five-haves readiness — target: {target}";
    /// Score chart title.
    SCORE_TITLE = "{tier} — 评分 {total} / {max}", "{tier} — score {total} / {max}";
    /// After the score chart title.
    PASS_MARK = "（合格线 {p}）", " (pass mark {p})";
    /// A have with no criterion.
    NOT_TESTED = "未考察", "not tested";
    /// A block's minimum: " (min 15)".
    BLOCK_MIN = "（最低 {n}）", " (min {n})";
    /// Legend.
    EARNED = "已得分", "earned";
    /// Legend.
    REACHABLE = "补全数据后可得", "reachable once data is filled in";
    /// Legend.
    MAXIMUM = "满分", "maximum";
    /// Legend.
    BLOCK_MINIMUM = "分项最低分", "block minimum";

    /// Section 4.
    TIERS = "逐级评价明细", "Criteria by tier";
    /// Legend of section 4.
    TIERS_LEGEND = "状态：✓ 达标；× 未达标（灰底）；? 数据缺失；… 待声明或待补月份；– 不适用。可信度：V 已核实；V1 单一来源；P 暂定值；Q 定性条件，须自行声明。依据：[n] 指本层级表下所列第 n 份文件，后接条款。", "Status: ✓ met; × not met (shaded); ? missing data; … needs review; – n/a. Confidence: V verified; V1 one source; P provisional; Q qualitative, to be declared. Source: [n] is document n listed under the tier's table, followed by the article.";
    /// Column.
    COL_STATUS = "状态", "Status";
    /// Column.
    COL_VALUE = "实际值", "Value";
    /// Column.
    COL_REQUIRED = "要求", "Required";
    /// Column.
    COL_GAP = "差距", "Gap";
    /// Column.
    COL_SOURCE = "依据", "Source";
    /// The alternative that passed.
    PASSED_BY = "通过：", "passed by: ";
    /// Points of a score item.
    POINTS = "得分 ", "points ";
    /// Continuation caption suffix.
    CONTINUED = "（续）", " (continued)";
    /// A tier with no criteria.
    NO_CRITERIA = "（该层级没有条件）", "(no criteria)";
    /// Before the tier's list of documents.
    SOURCES = "依据文件：", "Sources: ";
    /// In a tier's summary line: the thresholds are provisional.
    TIER_PROVISIONAL = "；门槛为暂定值（规则包文件 {file}，见第一部分）", "; provisional thresholds (rule-pack file {file}, see part 1)";

    /// The review section (part 5 when there is a review).
    REVIEW = "审阅意见", "Review notes";
    /// Intro of the review section.
    REVIEW_INTRO = "审阅人对填报数据和各项条件的意见，按填写顺序列出：确认、存疑（须说明）或缺材料（须补充证明）。", "The reviewer's notes on the figures entered and the criteria, in the order written: confirmed, doubtful (to be explained) or evidence missing (to be supplied).";
    /// Answers changed after the review: the count.
    REVIEW_CHANGED = "审阅后答案已修改：{n} 项", "Answers changed after the review: {n}";
    /// Answers changed after the review, none named.
    REVIEW_CHANGED_ANY = "审阅后答案已修改", "Answers changed after the review";
    /// On page 1, under the changed answers: where the notes are and what to do.
    REVIEW_STALE_AT = "第{part}部分的审阅意见是针对修改前的答案作出的，须重新审阅后方可作为依据。", "The review notes in part {part} were made on the answers before these changes; have them reviewed again before relying on them.";
    /// In the review section, under the changed answers.
    REVIEW_STALE = "以下审阅意见是针对修改前的答案作出的，须重新审阅后方可作为依据。", "The notes below were made on the answers before these changes; have them reviewed again before relying on them.";
    /// The answers are those reviewed.
    REVIEW_CURRENT = "答案与审阅时一致。", "The answers are those reviewed.";
    /// A review without notes.
    REVIEW_NO_NOTES = "尚无审阅意见。", "No notes yet.";
    /// Column.
    COL_REVIEW_ITEM = "事项", "Item";
    /// Column.
    COL_REVIEW_NOTE = "意见", "Note";
    /// Column.
    COL_REVIEWER = "审阅人", "Reviewer";
    /// Column.
    COL_DATE = "日期", "Date";
    /// Continuation caption.
    REVIEW_CONT = "审阅意见（续）", "Review notes (continued)";

    /// Section 5 (6 when there is a review).
    EVIDENCE = "证明材料清单", "Evidence checklist";
    /// No evidence.
    NO_EVIDENCE = "没有需要准备的材料。", "No evidence to prepare.";
    /// Evidence group detail.
    EVIDENCE_DETAIL = "共 {n} 项，备齐后在方框内打勾", "{n} items; tick each box once it is ready";

    /// Section 6 (7 when there is a review).
    SIGN_OFF = "适用规则包、说明与签字", "Rule packs, notes and sign-off";
    /// Column.
    COL_PACK_FILE = "规则包文件", "Rule-pack file";
    /// Column.
    COL_TITLE = "名称", "Title";
    /// Column.
    COL_DOCUMENT = "依据文件", "Document";
    /// Column.
    COL_IN_FORCE = "有效期", "In force";
    /// Continuation caption.
    PACKS_CONT = "适用规则包（续）", "Rule packs (continued)";
    /// A partial pack.
    PARTIAL = "（仅含部分认定条件）", " (only part of the conditions)";
    /// Notes box title.
    NOTES = "说明", "Notes";
    /// Note.
    NOTE_SELF_ASSESSMENT = "本摘要由 innocheck 根据企业自行填报的数据和上列规则包自动生成，仅供自评和准备申报材料参考，不代表主管部门的认定结论；申报以主管部门当年发布的通知和审核为准。", "This summary was generated by innocheck from the figures the company entered and the rule packs listed above. It is a self-assessment aid for preparing an application, not a decision of any authority; the authority's notice and review of the year prevail.";
    /// Note.
    NOTE_PROVISIONAL = "标注 P（暂定值）的门槛和数值未找到官方文本，须向主管部门确认后方可作为申报依据。", "Thresholds and figures marked P (provisional) were not found in an official text: confirm them with the authority before relying on them.";
    /// Before the confidence legend.
    CONFIDENCE = "可信度：", "Confidence: ";
    /// Before the fingerprint.
    FINGERPRINT = "评估文件指纹（SHA-256，用于核对本报告与数据文件是否一致）：", "Fingerprint of the assessment file (SHA-256; checks that this report matches the data file): ";
    /// Signature line.
    PREPARED_BY = "编制人（签字）", "Prepared by (signature)";
    /// Signature line.
    REVIEWED_BY = "审核人（签字）", "Reviewed by (signature)";
    /// Signature line.
    DATE = "日期", "Date";
    /// Seal box.
    SEAL = "（单位盖章）", "(company seal)";
    /// Footer.
    FOOTER = "innocheck {version} 生成 · 评价基准日 {date} · 自评参考，不代表认定结论", "Generated by innocheck {version} · as of {date} · a self-assessment, not a decision";
    /// Footer page number.
    PAGE_OF = "第 {i} 页 / 共 {n} 页", "Page {i} of {n}";
    /// Section number and title: "一、评价结论".
    SECTION = "{n}、{title}", "{n}. {title}";

    /// Error: the bundled font cannot be read.
    ERR_FONT = "内置字体无法读取", "The bundled font cannot be read";
    /// Error: the page size was refused.
    ERR_PAGE_SIZE = "无法生成 PDF：页面尺寸无效", "Cannot write the PDF: invalid page size";
    /// Error: the font could not be embedded.
    ERR_EMBED = "无法生成 PDF：字体无法嵌入", "Cannot write the PDF: the font cannot be embedded";
    /// Error: a PDF limit was exceeded.
    ERR_LIMIT = "无法生成 PDF：内容超出 PDF 格式的限制", "Cannot write the PDF: the content exceeds a limit of the PDF format";
    /// Error: the PDF writer refused the document otherwise.
    ERR_PDF = "无法生成 PDF：PDF 写入程序拒绝了该文档", "Cannot write the PDF: the PDF writer refused the document";
    /// Error: the spreadsheet writer refused the workbook.
    ERR_XLSX = "无法生成电子表格", "Cannot write the spreadsheet";
}
