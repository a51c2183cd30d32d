//! Words of the command line's text output (validate, portfolio, rules).

strings! {
    /// `import` onto an existing file without --force.
    IMPORT_EXISTS = "{file} 已存在，未作修改；如要替换请加 --force（原文件将保留为 .bak）",
        "{file} exists and was not changed; add --force to replace it (the old file is kept as .bak)";
    /// `import` with the output the same file as the input.
    IMPORT_OVER_INPUT = "输出文件就是要导入的工作簿，不会覆盖它：{file}", "the output is the workbook being imported; it will not be replaced: {file}";
    /// `import` done (`{file}`).
    IMPORT_WROTE = "已导入并写入：{file}", "Imported and wrote {file}";
    /// Heading of the validation issues after an import.
    IMPORT_ISSUES = "导入的数据有以下问题（已写入，可在程序中修改）：", "The imported answers have these problems (written; fix them in the window):";
    /// `review open` without the window.
    REVIEW_NEEDS_WINDOW = "审阅模式需要图形窗口（此版本不含窗口，或没有可用的显示）；可用 review add / review show",
        "review mode needs the window (not in this build, or no display); use review add / review show";
    /// `review show` without a review file.
    NO_REVIEW = "没有审阅文件：{file}", "no review file: {file}";
    /// `review add` naming a criterion that is not evaluated.
    UNKNOWN_CRITERION = "没有这一条件：{id}（用 evaluate --format json 查看条件 id）", "no such criterion: {id} (evaluate --format json lists the ids)";
    /// `review add` needs one target.
    REVIEW_ONE_TARGET = "请用 --criterion 或 --field 指明一项", "name one item with --criterion or --field";
    /// `review add` done.
    REVIEW_SAVED = "已保存审阅意见（共 {n} 条）：{file}", "Review note saved ({n} in all): {file}";
    /// `compare` with one file and fewer than two packs.
    COMPARE_NEEDS_TWO = "比较需要两个以上评价文件，或一个文件加两个以上 --pack（如 --pack sme.2022 --pack sme.2026）",
        "compare needs two or more assessment files, or one file with two or more --pack (e.g. --pack sme.2022 --pack sme.2026)";
    /// no problems found
    NO_PROBLEMS_FOUND = "未发现问题", "no problems found";
    /// problems found:
    PROBLEMS_FOUND = "发现以下问题：", "problems found:";
    /// (older file format; saving upgrades it)
    OLD_FORMAT = "（旧版文件格式，保存时将升级为当前格式）", "(older file format; saving upgrades it)";
    /// error
    ERROR = "错误", "error";
    /// warning
    WARNING = "提示", "warning";
    /// :
    COLON = "：", ":";
    /// open
    OPEN = "至今", "open";
    ///   partial
    PARTIAL = "  部分编码", "  partial";
    /// Document:
    DOCUMENT = "文件：", "Document:";
    /// Issuer:
    ISSUER = "发布机关：", "Issuer:";
    /// In force:
    IN_FORCE = "有效期：", "In force:";
    /// Confidence:
    CONFIDENCE = "可信度：", "Confidence:";
    /// Note:
    NOTE = "注：", "Note:";
    /// applies when:
    APPLIES_WHEN = "适用于：", "applies when:";
    /// source:
    SOURCE = "依据：", "source:";
    /// Common to every tier
    COMMON_TO_EVERY_TIER = "各级共同条件", "Common to every tier";
    /// Score table
    SCORE_TABLE = "评分表", "Score table";
    /// in force
    IN_FORCE_2 = "有效期", "in force";
    /// document
    DOCUMENT_2 = "文件", "document";
    /// was:
    WAS = "原：", "was:";
    /// now:
    NOW = "现：", "now:";
    /// added / removed / changed / unchanged
    ADDED_REMOVED_CHANGED_UNCHANGED = "新增 / 删除 / 修改 / 未变", "added / removed / changed / unchanged";
}
