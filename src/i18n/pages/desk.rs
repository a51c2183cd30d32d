//! The consultant's desk: the folder table (企业列表) and the comparison.

strings! {
    /// Page title.
    TITLE = "企业列表", "Portfolio";
    /// File menu: open a folder of assessments.
    OPEN_FOLDER = "打开文件夹…", "Open folder…";
    /// Title of the folder prompt.
    PICK_FOLDER = "选择存放评价文件的文件夹（含子文件夹）", "Choose the folder of assessment files (sub-folders included)";
    /// File menu: back to the table.
    BACK_TO_LIST = "企业列表", "Portfolio";
    /// No folder opened yet.
    EMPTY = "尚未打开文件夹。用“文件 → 打开文件夹…”读取一个文件夹（含子文件夹）中的全部评价文件。",
        "No folder open. Use File → Open folder… to read every assessment in a folder and its sub-folders.";
    /// Reading the folder.
    LOADING = "正在读取 {folder} …", "Reading {folder} …";
    /// Counts above the table.
    COUNTS = "共 {all} 个文件，显示 {shown} 个，无法读取 {bad} 个", "{all} files, {shown} shown, {bad} cannot be read";
    /// Re-read the folder.
    RELOAD = "重新读取", "Reload";
    /// Filter: free text.
    SEARCH = "查找企业或文件", "Find company or file";
    /// Filter: any city / industry / programme.
    ANY = "全部", "All";
    /// Filter: city.
    CITY = "设区市", "City";
    /// Filter: industry.
    INDUSTRY = "行业", "Industry";
    /// Filter: near the next tier of a programme.
    NEAR = "距下一级", "Near next tier of";
    /// Filter: at most N items short.
    NEAR_AT_MOST = "差距 ≤ {n} 项", "≤ {n} items short";
    /// Filter: only damaged files.
    ONLY_DAMAGED = "只看无法读取的文件", "Only files that cannot be read";
    /// Clear every filter.
    CLEAR_FILTERS = "清除筛选", "Clear filters";
    /// Export the table as CSV.
    EXPORT_CSV = "导出 CSV…", "Export CSV…";
    /// Export the table as xlsx.
    EXPORT_XLSX = "导出 Excel…", "Export Excel…";
    /// Open the chosen files side by side.
    COMPARE = "对比所选（{n}）", "Compare selected ({n})";
    /// Hover on the compare button.
    COMPARE_HELP = "勾选 2–6 个文件后对比：各条件的数值与结论、变化之处、五有与研发强度叠加图", "Tick 2–6 files to compare: each criterion's value and outcome, what changed, overlaid five-haves and R&D charts";
    /// Double-click opens in review mode.
    OPEN_AS_REVIEW = "双击以审阅模式打开（答案只读）", "Double-click opens for review (answers read-only)";
    /// Hover on a row.
    ROW_HELP = "双击打开；勾选加入对比", "Double-click to open; tick to compare";
    /// A damaged file's row.
    DAMAGED = "无法读取", "cannot be read";
    /// Column of the tick boxes.
    PICK = "对比", "Cmp";
    /// Back from the comparison.
    BACK = "← 返回企业列表", "← Back to the portfolio";
    /// Comparison title.
    COMPARE_TITLE = "对比", "Comparison";
    /// Overlaid five-haves chart.
    HAVES_CHART = "五有准备度（目标级别）", "Five haves (target tier)";
    /// Overlaid R&D chart.
    RD_CHART = "研发强度（研发费用占营业收入 %）", "R&D intensity (R&D spending / revenue, %)";
    /// Only changed rows.
    ONLY_CHANGED = "只看有变化的条件", "Only criteria that changed";
    /// Count of changed rows.
    CHANGED = "有变化：{n} 项", "Changed: {n}";
    /// Criterion column.
    CRITERION = "条件", "Criterion";
    /// A rule reads differently between the columns.
    RULE_CHANGED = "规则不同", "rule differs";
    /// A column has no such tier / criterion.
    ABSENT = "（无）", "(none)";
    /// A file of the comparison cannot be read any more.
    COMPARE_FAILED = "无法对比：", "Cannot compare:";
    /// Compare the open document under two pack versions.
    COMPARE_PACKS = "按两版规则对比…", "Compare under two rule versions…";
    /// Status after an export.
    EXPORTED = "已导出：{file}", "Exported: {file}";
    /// Hover on an ellipsised cell.
    NEXT_TIER = "下一级：{next}（{short}）", "Next: {next} ({short})";
}
