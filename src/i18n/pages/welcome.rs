//! Strings of the welcome page (the first start, and 文件 → 开始页).

strings! {
    /// Page title (menu entry).
    TITLE = "开始页", "Start page";
    /// Heading.
    HEADING = "企业技术中心与优质中小企业梯度培育自评", "Readiness check: technology centers and the quality-SME ladder";
    /// Intro.
    INTRO = "逐项填写企业的财务、研发人员、研发经费、研发条件、研发方向、研发项目和知识产权，即可看到每一级（市级 → 省级 → 国家级企业技术中心；创新型 → 专精特新 → 小巨人）是否达到、差距多少。数据只在本机处理，只保存在您选择的文件中。", "Fill in the company's finances, R&D staff, spending, conditions, direction, projects and IP, and see for every tier (municipal → provincial → national tech center; innovative → specialized → little giant) whether it is reached and what is missing. Everything stays on this computer, in the files you choose.";
    /// Heading of the actions.
    START = "开始", "Start";
    /// Action.
    NEW = "新建评估", "New assessment";
    /// Help under the action.
    NEW_HELP = "从“企业概况”开始逐步填写", "Fill in step by step, starting with the company";
    /// Action with dialog.
    OPEN = "打开文件…", "Open file…";
    /// Help under the action.
    OPEN_HELP = "打开已保存的评估文件（.ron）", "Open a saved assessment (.ron)";
    /// Action.
    SAMPLE = "打开示例", "Open the sample";
    /// Help under the action.
    SAMPLE_HELP = "一家江西精密机械企业的示例数据，直接查看评价结果；其他示例在“文件 → 打开示例企业”", "A Jiangxi precision-machinery company, straight to its results; more samples under File → Open a sample company";
    /// Heading of the recent files.
    RECENT = "最近打开", "Recent files";
    /// No recent file.
    NO_RECENT = "还没有打开或保存过文件。", "No file opened or saved yet.";
    /// A recent file that is gone.
    MISSING = "（找不到文件）", " (file not found)";
    /// Status after a failed reopen at start.
    LAST_FAILED = "上次打开的文件无法读取：", "The file open last time cannot be read:";
}
