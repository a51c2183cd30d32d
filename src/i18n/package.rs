//! Words of the application package (`innocheck package`, 文件 → 生成申报材料包…):
//! its pages, its bookmarks and the problems met with attachments.
//! `{n}`-style placeholders are filled with `str::replace`.

strings! {
    /// The cover's title.
    TITLE = "申报材料", "Application package";
    /// The cover: what the package applies for.
    APPLYING_FOR = "申报类别", "Applying for";
    /// The cover: the date the package was made.
    DATE = "日期", "Date";
    /// The cover: the company (label).
    COMPANY = "申报单位", "Applicant";
    /// The cover: the credit code (label).
    USCC = "统一社会信用代码", "Unified social credit code";
    /// The cover: the seal box.
    SEAL = "（单位盖章）", "(company seal)";
    /// The cover: under the seal box.
    COVER_NOTE = "本材料包由 innocheck {version} 按申报类别的条件顺序汇编，附件页码见目录。",
        "Compiled by innocheck {version} in the order of the tier's criteria; the contents give the pages.";
    /// A value not entered on the cover.
    NOT_ENTERED = "（未填写）", "(not entered)";
    /// Heading and bookmark of the contents.
    CONTENTS = "目录", "Contents";
    /// Heading and bookmark of the readiness summary.
    SUMMARY = "准备度摘要", "Readiness summary";
    /// Heading and bookmark of the last page.
    MISSING = "尚缺材料", "Still missing";
    /// The contents: before the items left out (`--skip-bad`).
    SKIPPED = "未纳入的附件", "Attachments left out";
    /// The contents: why the items below were left out.
    SKIPPED_INTRO = "以下附件有问题，未编入本材料包，请更换后重新生成：",
        "These attachments have a problem and are not in this package; replace them and build it again:";
    /// A criterion's heading in the contents and on an item's header page.
    CRITERION = "条件：{title}", "Criterion: {title}";
    /// An evidence item's heading on its header page.
    ITEM = "材料：{item}", "Evidence: {item}";
    /// On a header page: the files that follow.
    FILES_FOLLOW = "后附 {n} 页：", "{n} pages follow:";
    /// On a header page: one page follows.
    FILES_FOLLOW_ONE = "后附 1 页：", "1 page follows:";
    /// On a header page: a file and its pages.
    FILE_PAGES = "{file}（{n} 页）", "{file} ({n} pages)";
    /// On a header page: a file of one page.
    FILE_PAGE = "{file}（1 页）", "{file} (1 page)";
    /// On a header page: the note given when attaching.
    NOTE = "说明：{note}", "Note: {note}";
    /// The missing page: column.
    COL_CRITERION = "条件", "Criterion";
    /// The missing page: column.
    COL_ITEM = "材料", "Evidence";
    /// The missing page: column.
    COL_STATUS = "状态", "Status";
    /// The missing page: no file attached.
    STATUS_MISSING = "缺", "missing";
    /// The missing page: the attached files were left out.
    STATUS_SKIPPED = "附件有问题，未纳入", "attachment left out (a problem)";
    /// The missing page: nothing missing.
    NOTHING_MISSING = "该类别的全部材料均已附上。", "Every evidence item of this tier is attached.";
    /// The missing page: introduction.
    MISSING_INTRO = "下列材料尚未附上，请补齐后重新生成材料包：",
        "These evidence items have no attachment yet; add them and build the package again:";
    /// The contents: a criterion with no evidence listed in the rule pack.
    NO_ITEMS = "（无单列材料）", "(no separate document)";
    /// A page stamp.
    PAGE_OF = "第 {i} 页 / 共 {n} 页", "Page {i} of {n}";
    /// The problem with an attachment: it is no longer where it was.
    BAD_MISSING = "文件不存在", "the file does not exist";
    /// The problem with an attachment: it cannot be read.
    BAD_UNREADABLE = "无法读取（{reason}）", "cannot be read ({reason})";
    /// The problem with an attachment: its contents changed since attaching.
    BAD_CHANGED = "文件已变更（与附加时的 SHA-256 不同），请重新附加", "the file changed since it was attached (SHA-256 differs); attach it again";
    /// The problem with an attachment: too large.
    BAD_TOO_LARGE = "文件过大（{size} MB，上限 {limit} MB）", "too large ({size} MB, the limit is {limit} MB)";
    /// The problem with an attachment: empty.
    BAD_EMPTY = "文件为空（没有内容或没有页面）", "empty (no content or no pages)";
    /// The problem with an attachment: an encrypted PDF.
    BAD_ENCRYPTED = "PDF 已加密（有密码或权限限制），请提供未加密的副本", "the PDF is encrypted (a password or permissions); give an unencrypted copy";
    /// The problem with an attachment: a damaged file.
    BAD_DAMAGED = "文件已损坏，无法解析", "damaged, cannot be parsed";
    /// The problem with an attachment: an unsupported format.
    BAD_UNSUPPORTED = "不支持的格式（仅支持 PDF、JPEG、PNG）", "unsupported format (only PDF, JPEG and PNG)";
    /// The problem with an attachment: a picture with too many pixels.
    BAD_TOO_MANY_PIXELS = "图片像素过多（{w}×{h}）", "too many pixels ({w}×{h})";
    /// A problem line: file and reason.
    PROBLEM = "{file}：{reason}", "{file}: {reason}";
    /// A problem line with its item: criterion, item, file and reason.
    PROBLEM_OF_ITEM = "{criterion} / {item}：{file}：{reason}", "{criterion} / {item}: {file}: {reason}";
    /// The error: attachments with problems, nothing written.
    ERR_BAD = "{n} 个附件有问题，未生成材料包（可用 --skip-bad 跳过它们）：", "Attachments with problems: {n}; nothing was written (--skip-bad leaves them out):";
    /// The error: attachments with problems, nothing written (the window).
    ERR_BAD_WINDOW = "{n} 个附件有问题，未生成材料包：", "Attachments with problems: {n}; nothing was written:";
    /// The error: an unknown tier.
    ERR_TIER = "没有这一申报类别：{tier}。可选：{known}", "no such tier: {tier}. Known tiers: {known}";
    /// The error: an unknown tier, nothing evaluated.
    ERR_NO_TIERS = "没有适用的申报类别（没有生效的规则包）", "no tier to apply for (no rule pack in force)";
    /// Done, with items left out.
    DONE_SKIPPED = "已跳过 {n} 个有问题的附件（见目录页）", "Attachments with problems left out: {n} (listed on the contents page)";
    /// Done.
    WROTE = "已生成材料包（{n} 页）：{file}", "Package written ({n} pages): {file}";
    /// The window: the File menu item.
    MENU = "生成申报材料包…", "Build application package…";
    /// The window: the form's title.
    FORM_TITLE = "生成申报材料包", "Build the application package";
    /// The window: the tier to apply for.
    FORM_TIER = "申报类别", "Tier applied for";
    /// The window: what the package holds.
    FORM_HELP = "封面、目录、该类别的准备度摘要，并按条件顺序编入各项材料的附件，最后列出尚缺材料。",
        "A cover, the contents, the tier's readiness summary, every attached evidence file in the order of its criteria, and what is still missing.";
    /// The window: the skip option.
    FORM_SKIP_BAD = "跳过有问题的附件（在目录页列出）", "Leave out attachments with problems (listed on the contents page)";
    /// The window: the button that opens the save dialog.
    FORM_CHOOSE = "选择保存位置…", "Choose where to save…";
    /// The window: attachments are relative to the assessment's file.
    SAVE_FIRST = "请先保存评价文件：附件按其所在文件夹查找。", "Save the assessment first: attachments are found from its folder.";
    /// The window: the package is being built.
    BUILDING = "正在生成申报材料包…", "Building the application package…";
    /// The window: the problems' title.
    PROBLEMS_TITLE = "附件有问题", "Attachments with problems";
    /// The window: close the problem list.
    CLOSE = "关闭", "Close";
}
