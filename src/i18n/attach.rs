//! Evidence attachments: their errors, statuses and the words of the
//! command line, the results page and the reports about them.
//! Error templates name their values in braces; the error fills them in.

strings! {
    /// Nothing at the path.
    ERR_NOT_FOUND = "文件不存在：{file}", "no such file: {file}";
    /// A folder.
    ERR_FOLDER = "这是文件夹，不是文件；请选择文件夹里的文件：{file}",
        "this is a folder, not a file; choose a file inside it: {file}";
    /// A FIFO, socket or device.
    ERR_NOT_REGULAR = "不是普通文件（{kind}），不能作为证明材料：{file}",
        "not a regular file ({kind}); it cannot be evidence: {file}";
    /// The system refused.
    ERR_UNREADABLE = "无法读取文件：{reason}：{file}", "cannot read the file: {reason}: {file}";
    /// Zero bytes.
    ERR_EMPTY = "文件为空（0 字节），不能作为证明材料：{file}",
        "the file is empty (0 bytes); it cannot be evidence: {file}";
    /// Password protected.
    ERR_PDF_ENCRYPTED = "PDF 已加密（需要密码才能打开），无法合并到申报材料中；请附未加密的版本：{file}",
        "the PDF is encrypted (it needs a password to open) and cannot be merged into the application; attach an unprotected copy: {file}";
    /// Unreadable PDF structure.
    ERR_PDF_DAMAGED = "PDF 已损坏，读不出页面；请重新扫描或导出后再附：{file}",
        "the PDF is damaged: its pages cannot be read; scan or export it again: {file}";
    /// No page.
    ERR_PDF_NO_PAGES = "PDF 没有任何页面：{file}", "the PDF has no pages: {file}";
    /// Twice on one item.
    ERR_TWICE = "该文件已附在这一项材料下：{file}", "this file is already attached to this item: {file}";
    /// A wrong item number or criterion.
    ERR_NO_SUCH_ITEM = "条件 {criterion} 没有第 {item} 项材料", "criterion {criterion} has no evidence item {item}";

    /// Status: attached and unchanged.
    ATTACHED = "已附", "attached";
    /// Status: nothing attached.
    MISSING = "缺", "missing";
    /// Status: the file changed since attached.
    CHANGED = "文件已变更", "file changed";
    /// Status: the file cannot be read now.
    UNREADABLE = "无法读取", "unreadable";
    /// Status: the file is gone.
    NOT_FOUND = "文件不存在", "file not found";

    /// Readiness of the proof for a tier: `{n} / {m}`.
    READINESS = "材料齐全度 {n} / {m}", "evidence ready {n} / {m}";
    /// Under next steps: the items still to attach.
    TO_ATTACH = "待附材料：", "still to attach: ";
    /// After the documents named: how many in all.
    AND_MORE = " 等 {n} 项", " and others, {n} in all";
    /// The criterion column of an evidence row in the next steps.
    EVIDENCE_ROW = "证明材料", "Evidence";
    /// Pages of a file.
    PAGES = "{n} 页", "{n} pages";
    /// One page.
    PAGE_ONE = "1 页", "1 page";

    /// `attach` without an action.
    CLI_WHAT = "请指定 --criterion 条件id 和文件、--list 或 --remove 条件id",
        "give --criterion ID and files, --list, or --remove ID";
    /// Unknown criterion id.
    CLI_UNKNOWN_CRITERION = "没有这一条件：{id}（用 evaluate --format json 查看条件 id）",
        "no such criterion: {id} (evaluate --format json lists the ids)";
    /// The criterion lists no evidence.
    CLI_NO_EVIDENCE = "条件“{criterion}”没有列出需要准备的材料", "the criterion “{criterion}” lists no evidence";
    /// Several items: say which.
    CLI_WHICH_ITEM = "条件“{criterion}”有 {n} 项材料，请用 --item 序号 指定一项：",
        "the criterion “{criterion}” has {n} evidence items; choose one with --item N:";
    /// No files named.
    CLI_NO_PATHS = "请列出要附加的文件", "name the files to attach";
    /// One file attached.
    CLI_ATTACHED = "已附：{path}（{facts}）", "attached: {path} ({facts})";
    /// Where they went.
    CLI_ATTACHED_TO = "附于“{criterion}”第 {item} 项材料“{evidence}”，已保存：{file}",
        "to “{criterion}”, evidence item {item} “{evidence}”; saved: {file}";
    /// --remove with a path not attached.
    CLI_NOT_ATTACHED = "该条件下没有附这个文件：{file}", "this file is not attached to that criterion: {file}";
    /// --remove with nothing attached.
    CLI_NOTHING_ATTACHED = "条件 {id} 下没有附任何文件", "nothing is attached to criterion {id}";
    /// Removed.
    CLI_REMOVED = "已移除 {n} 个附件（文件本身未删除），已保存：{file}",
        "removed {n} attachments (the files themselves are kept); saved: {file}";
    /// List heading.
    CLI_LIST_HEAD = "证明材料 {n} 个：{file}", "{n} evidence files: {file}";
    /// The item of a criterion.
    CLI_ITEM = "第 {n} 项：{evidence}", "item {n}: {evidence}";
    /// The criterion is in no pack known.
    CLI_CRITERION_GONE = "（所附条件不在已知规则包中）", "(the criterion is in no known rule pack)";
    /// A note.
    CLI_NOTE = "备注：", "note: ";

    /// Results page: the section heading.
    GUI_TITLE = "证明材料", "Evidence";
    /// Results page: what the section does.
    GUI_INTRO = "为每项材料附上扫描件（PDF 或图片）：点“添加材料…”，或把文件拖到该项上。文件不会复制进评估文件，只记录其位置（相对于评估文件所在文件夹）和 SHA-256 校验值，文件被修改或移走时这里会提示。",
        "Attach the scans (PDF or images) to each item: click “Add evidence…”, or drop files onto the item. Files are not copied into the assessment: it records where they are (relative to its folder) and their SHA-256, so a file changed or moved afterwards shows here.";
    /// The tier chooser.
    GUI_TIER = "层级", "Tier";
    /// Add button.
    GUI_ADD = "添加材料…", "Add evidence…";
    /// Remove button.
    GUI_REMOVE = "移除", "Remove";
    /// Remove hover.
    GUI_REMOVE_HINT = "从评估中移除这一附件（文件本身不会删除；可撤销）", "Remove this attachment from the assessment (the file itself is kept; undoable)";
    /// Check again.
    GUI_RECHECK = "重新检查文件", "Check the files again";
    /// Save first.
    GUI_SAVE_FIRST = "请先保存评估文件：材料的位置按相对于评估文件所在文件夹记录。",
        "Save the assessment first: evidence is recorded relative to its folder.";
    /// Attached, status line.
    GUI_ATTACHED = "已附 {n} 个文件", "{n} files attached";
    /// A drop that hit no item.
    GUI_DROP_HERE = "请把文件拖到“证明材料”中的某一项上。", "Drop the files onto an item under “Evidence”.";
    /// Failed attach prefix.
    GUI_ATTACH_FAILED = "未能附加：", "Not attached: ";
    /// Dialog title.
    GUI_DIALOG_TITLE = "选择要附加的文件", "Choose the file to attach";
    /// The item's document is attached under another criterion.
    GUI_ELSEWHERE = "（已在其他条件下附）", " (attached under another criterion)";
    /// The note of an attached file.
    GUI_NOTE = "备注", "Note";
    /// A tier without evidence.
    GUI_NO_EVIDENCE = "这一级没有列出需要准备的材料。", "This tier lists no evidence.";
    /// Hover of the path: where it is.
    GUI_PATH_HINT = "位置：{path}\nSHA-256：{sha}", "Location: {path}\nSHA-256: {sha}";
}
