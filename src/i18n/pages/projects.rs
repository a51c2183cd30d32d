//! Strings of the projects page.

strings! {
    /// Page title.
    TITLE = "研发项目", "R&D projects";
    /// Intro.
    INTRO = "列出企业的研发项目。在研项目数用于研发条件类指标；开始日期不得晚于结束日期。", "List the company's R&D projects. The number of ongoing projects feeds the R&D-conditions criteria; a project cannot end before it starts.";
    /// Summary row.
    ONGOING = "在研项目", "Ongoing projects";
    /// Summary row.
    TOTAL = "项目总数", "Projects in total";
    /// Empty list.
    EMPTY = "尚未添加研发项目。", "No R&D projects yet.";
    /// Card title (followed by the number).
    PROJECT = "项目", "Project";
    /// Add button.
    ADD = "＋ 添加研发项目", "+ Add an R&D project";
    /// Remove button.
    REMOVE = "删除此项目", "Remove this project";
    /// Field.
    NAME = "项目名称", "Project name";
    /// Field.
    KIND = "研究类型", "Research kind";
    /// Kind.
    KIND_BASIC = "基础研究", "Basic research";
    /// Kind.
    KIND_APPLIED = "应用研究", "Applied research";
    /// Kind.
    KIND_EXPERIMENTAL = "试验发展", "Experimental development";
    /// Field.
    BUDGET = "项目预算", "Budget";
    /// Field.
    START = "开始日期", "Start date";
    /// Field.
    END = "结束日期", "End date";
    /// Field.
    STATUS = "项目状态", "Status";
    /// Status.
    STATUS_PLANNED = "已立项未开始", "Planned";
    /// Status.
    STATUS_ONGOING = "在研", "Ongoing";
    /// Status.
    STATUS_COMPLETED = "已完成", "Completed";
    /// Field.
    PARTNER = "合作高校或院所", "Partner institution";
}
