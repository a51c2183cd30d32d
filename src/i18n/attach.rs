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
    READINESS = "材料齐全度 {n} / {m}", "evidence {n} / {m}";
    /// Under next steps: the items still to attach.
    TO_ATTACH = "待附材料：", "evidence to attach: ";
    /// Pages of a file.
    PAGES = "{n} 页", "{n} pages";
    /// One page.
    PAGE_ONE = "1 页", "1 page";
}
