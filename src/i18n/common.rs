//! Strings of the window chrome: menus, file operations, dialogs, status.

strings! {
    /// Menu: open a file in review mode.
    OPEN_REVIEW = "以审阅模式打开…", "Open for review…";
    /// Title of the path prompt for review mode.
    OPEN_REVIEW_TITLE = "以审阅模式打开评价文件（答案只读）", "Open an assessment for review (answers read-only)";
    /// Status bar: review mode.
    REVIEW_MODE = "审阅模式：答案只读，意见保存在审阅文件中", "Review mode: answers read-only; notes go to the review file";
    /// Status: a note was saved (`{n}` notes).
    REVIEW_NOTE_SAVED = "已保存审阅意见（共 {n} 条）", "Review note saved ({n} in all)";
    /// Button: add a review note.
    ADD_REVIEW_NOTE = "添加审阅意见…", "Add a review note…";
    /// Label: what the note is about.
    REVIEW_ABOUT = "事项", "About";
    /// Label: the note's status.
    REVIEW_STATUS = "结论", "Status";
    /// Label: the reviewer's name.
    REVIEWER = "审阅人", "Reviewer";
    /// Label: the note.
    REVIEW_TEXT = "意见", "Note";
    /// Button: save the note.
    SAVE_NOTE = "保存意见", "Save note";
    /// App name.
    APP = "innocheck 创新能力自评", "innocheck readiness check";
    /// Menu.
    MENU_FILE = "文件", "File";
    /// Menu.
    MENU_EDIT = "编辑", "Edit";
    /// Menu.
    MENU_VIEW = "视图", "View";
    /// Action.
    NEW = "新建", "New";
    /// Action with dialog.
    OPEN = "打开…", "Open…";
    /// Submenu.
    OPEN_RECENT = "最近打开", "Open recent";
    /// Submenu.
    OPEN_SAMPLE = "打开示例企业", "Open a sample company";
    /// Action.
    SAVE = "保存", "Save";
    /// Action with dialog.
    SAVE_AS = "另存为…", "Save as…";
    /// Action with dialog.
    EXPORT_PDF = "导出 PDF…", "Export PDF…";
    /// Action with dialog.
    EXPORT_XLSX = "导出 Excel…", "Export Excel…";
    /// Exported.
    EXPORTED = "已导出", "Exported";
    /// Export failed.
    EXPORT_FAILED = "导出失败：", "Export failed:";
    /// Action.
    QUIT = "退出", "Quit";
    /// Action.
    UNDO = "撤销", "Undo";
    /// Action.
    REDO = "重做", "Redo";
    /// Toggle.
    LANGUAGE = "English", "中文";
    /// Title for a document never saved.
    UNTITLED = "未命名", "Untitled";
    /// A bundled sample (status bar).
    SAMPLE = "示例企业：", "Sample company: ";
    /// No recent files.
    NO_RECENT = "（无）", "(none)";
    /// Wizard heading.
    STEPS = "自评步骤", "Steps";
    /// Results entry.
    RESULTS = "评价结果", "Results";
    /// Save prompt title.
    SAVE_CHANGES_TITLE = "保存更改？", "Save changes?";
    /// Save prompt body.
    SAVE_CHANGES_BODY = "当前文件有未保存的更改。", "This document has unsaved changes.";
    /// Button.
    DONT_SAVE = "不保存", "Don't save";
    /// Button.
    CANCEL = "取消", "Cancel";
    /// Button.
    OK = "确定", "OK";
    /// Path dialog title: open.
    PATH_OPEN_TITLE = "打开文件", "Open file";
    /// Path dialog title: save.
    PATH_SAVE_TITLE = "保存到文件", "Save to file";
    /// Path dialog title: rules folder.
    PATH_RULES_TITLE = "规则包文件夹", "Rule-pack folder";
    /// Path dialog hint.
    PATH_HINT = "系统文件对话框不可用或已取消时，可在此直接输入路径。", "If the system file dialog is unavailable or was cancelled, type the path here.";
    /// Path field label.
    PATH = "路径", "Path";
    /// Waiting for native dialog.
    DIALOG_WAITING = "正在等待系统文件对话框…", "Waiting for the system file dialog…";
    /// Error heading.
    ERROR = "错误", "Error";
    /// Could not open.
    OPEN_FAILED = "无法打开文件，当前文档未作更改：", "Could not open the file; the current document is unchanged:";
    /// Could not save.
    SAVE_FAILED = "保存失败，文件未被改动：", "Saving failed; the file was not changed:";
    /// Saved.
    SAVED = "已保存", "Saved";
    /// Recovery title.
    RECOVERY_TITLE = "恢复未保存的工作？", "Recover unsaved work?";
    /// Recovery body.
    RECOVERY_BODY = "上次退出前有未保存的更改，已自动保存了一份副本。", "innocheck closed with unsaved changes last time; an automatic copy was kept.";
    /// Button.
    RESTORE = "恢复", "Restore";
    /// Button.
    DISCARD = "丢弃", "Discard";
    /// Status: issues.
    INPUT_ERRORS = "处输入错误", "input errors";
    /// Status: warnings.
    INPUT_WARNINGS = "处提示", "warnings";
    /// Status: unsaved.
    UNSAVED = "未保存", "unsaved";
    /// Status: the recovery copy could not be written (the reason and file follow).
    AUTOSAVE_FAILED = "无法写入恢复副本：", "Could not write the recovery copy:";
    /// Status: autosaved.
    AUTOSAVED = "已自动保存恢复副本", "recovery copy autosaved";
    /// Step incomplete.
    STEP_TODO = "未完成", "incomplete";
    /// Step complete.
    STEP_DONE = "已完成", "complete";
    /// Tri-state: not answered.
    UNANSWERED = "未填写", "Not answered";
    /// Yes.
    YES = "是", "Yes";
    /// No.
    NO = "否", "No";
    /// Field feeds criteria.
    FEEDS = "用于以下评价条件：", "Used by these criteria:";
    /// Field feeds none.
    FEEDS_NONE = "当前规则包中没有条件直接使用此项。", "No criterion of the current rule packs reads this field.";
    /// Invalid number.
    BAD_NUMBER = "请输入数字", "Enter a number";
    /// A month outside 1–12.
    BAD_MONTH = "月份应为 1–12", "Enter a month from 1 to 12";
    /// A declared score above its maximum (`{max}`).
    BAD_POINTS = "应为 0–{max} 的整数", "Enter a whole number from 0 to {max}";
    /// After a calendar year ("2009 年"); English writes the year alone.
    YEAR_SUFFIX = "年", "";
    /// After a month ("4 月"); English writes the month alone.
    MONTH_SUFFIX = "月", "";
    /// Score table in a field's help: the item's maximum.
    RULE_MAX_POINTS = "满分 {points}", "Up to {points}";
    /// Score table: the points when no step holds.
    RULE_OTHERWISE = "其他", "Otherwise";
    /// Score table: the cap of a sum.
    RULE_CAP = "合计最多 {points}", "At most {points} in all";
    /// Score table: the higher of several readings.
    RULE_BEST_OF = "取以下各项中得分较高者：", "The higher of:";
    /// Score band below a bound.
    BAND_BELOW = "低于 {to}", "below {to}";
    /// Score band from a bound (included) to the next (excluded).
    BAND_RANGE = "{from}–{to}", "{from}–{to}";
    /// Score band from a bound up.
    BAND_AT_LEAST = "{from} 及以上", "{from} or more";
    /// Score band up to a bound (included).
    BAND_AT_MOST = "{to} 及以下", "{to} or less";
    /// Score band above a bound up to the next (included).
    BAND_OVER_TO = "高于 {from} 至 {to}", "over {from} up to {to}";
    /// Score band above a bound.
    BAND_OVER = "高于 {from}", "over {from}";
    /// Score band with no bound.
    BAND_ANY = "任意值", "any value";
    /// Invalid date.
    BAD_DATE = "日期格式应为 YYYY-MM-DD", "Dates are written YYYY-MM-DD";
    /// Add row.
    ADD = "添加", "Add";
    /// Remove row.
    REMOVE = "删除", "Remove";
    /// Next step.
    NEXT = "下一步", "Next";
    /// Previous step.
    PREVIOUS = "上一步", "Previous";
    /// Live summary heading.
    LIVE_SUMMARY = "实时结果", "Live results";
    /// Year column.
    YEAR = "年度", "Year";
    /// Provisional note.
    PROVISIONAL_NOTE = "P 为暂定值，须向主管部门确认。", "P figures are provisional: confirm them with the authority.";
    /// The yearly columns moved with the as-of date (`{range}`: "2024–2022").
    YEARS_SHIFTED = "年度列已改为 {range}", "The year columns are now {range}";
    /// Years whose figures the evaluation does not read (`{years}`).
    YEARS_NOT_EVALUATED = "{years} 年的数据未计入评价", "the figures for {years} are not in the evaluation";
    /// Figures outside the yearly columns (`{years}`, `{range}`).
    YEARS_OUTSIDE = "{years} 年的数据不在年度列（{range}）内，未计入评价", "The figures for {years} are outside the year columns ({range}) and not in the evaluation";
    /// Heading of the figures of years outside the columns.
    OUTSIDE_TITLE = "未计入评价的年度数据", "Figures not in the evaluation";
    /// Help under it (`{range}`).
    OUTSIDE_HELP = "这些年度不在年度列（{range}）内：数据仍保存在文件中并会导出，但不参与评价。改回评价基准日可重新计入，不再需要时可删除。", "These years are outside the year columns ({range}): the figures stay in the file and in exports but are not evaluated. Change the as-of date back to use them, or remove them.";
    /// One such year (`{year}`).
    OUTSIDE_YEAR = "{year} 年", "{year}";
    /// Button removing a year's figures (`{year}`).
    OUTSIDE_REMOVE = "删除 {year} 年的全部数据", "Remove all figures for {year}";
    /// Button closing a notice.
    DISMISS = "知道了", "Dismiss";
    /// Status bar button listing input problems: errors and warnings.
    ISSUES_BUTTON = "{errors} 处输入错误，{warnings} 处提示", "{errors} input errors, {warnings} warnings";
    /// Title of the list of input problems.
    ISSUES_TITLE = "输入问题", "Input problems";
    /// Under the title.
    ISSUES_HELP = "与命令行 innocheck validate 列出的相同。点击一项转到该字段。", "The same list as innocheck validate prints. Click one to go to its field.";
    /// No problem.
    ISSUES_NONE = "没有输入问题。", "No input problems.";
    /// Severity: error.
    ISSUE_ERROR = "错误", "Error";
    /// Severity: warning.
    ISSUE_WARNING = "提示", "Warning";
    /// Button closing a dialog.
    CLOSE = "关闭", "Close";
    /// Folder listing: the parent folder.
    PARENT_DIR = "上一级", "Up";
    /// Folder listing: the file-name field.
    FILE_NAME = "文件名", "File name";
    /// Folder listing: the folder shown.
    FOLDER = "文件夹", "Folder";
    /// Folder listing: filter field.
    FILTER = "筛选", "Filter";
    /// Folder listing: show only files of this type (`{ext}`).
    ONLY_EXT = "只显示 *.{ext} 文件", "Only *.{ext} files";
    /// Folder listing: empty.
    EMPTY_DIR = "（此文件夹中没有可选的文件）", "(nothing to choose in this folder)";
    /// Folder listing: cannot be read.
    DIR_UNREADABLE = "无法读取此文件夹：", "Cannot read this folder:";
    /// Folder listing: choose the folder shown (rules folder).
    USE_THIS_FOLDER = "使用此文件夹", "Use this folder";
    /// Folder listing: keyboard hint.
    DIALOG_KEYS = "Enter 确定，Esc 取消", "Enter confirms, Esc cancels";
    /// Preferences could not be saved (the file follows).
    PREFS_FAILED = "无法保存设置（语言、最近文件）：", "Could not save the settings (language, recent files):";
    /// A number that is not one: the detail on hover.
    BAD_NUMBER_SHORT = "非数字", "not a number";
    /// A growth rate that would need a year no column asks for (`{year}`).
    GROWTH_NEEDS_YEAR = "需要 {year} 年数据；没有评价条件使用此年度的增长率，故不计算", "Needs figures for {year}; no criterion uses this year's growth, so it is not computed";
    /// The five-haves panel: no criterion of this kind in the target tier.
    NOT_TESTED_SHORT = "—：目标层级中没有此类条件", "—: no criterion of this kind in the target tier";
}
