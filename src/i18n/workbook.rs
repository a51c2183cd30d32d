//! The answers workbook: sheet and column names of the export and the
//! template, and the import's messages about cells it cannot read.

strings! {
    /// The profile sheet.
    PROFILE = "基本情况", "Profile";
    /// The fiscal-years sheet.
    YEARS = "年度数据", "Fiscal years";
    /// The institutions sheet.
    INSTITUTIONS = "研发机构", "Institutions";
    /// The partners sheet.
    PARTNERS = "合作单位", "Partners";
    /// The projects sheet.
    PROJECTS = "研发项目", "Projects";
    /// The awards sheet.
    AWARDS = "科技奖励", "Awards";
    /// The 创客中国 sheet.
    MAKER = "创客中国", "Maker China";
    /// The titles sheet.
    TITLES = "已获称号", "Titles";
    /// Column: the page a field is on.
    PAGE = "页面", "Page";
    /// Column: what the field asks.
    ITEM = "项目", "Item";
    /// Column: the answer.
    VALUE = "填报值", "Answer";
    /// Column: entry number of a list sheet.
    NUMBER = "序号", "No.";
    /// A fiscal-year column header (`{year}`).
    YEAR_COLUMN = "{year} 年", "{year}";
    /// A fiscal-year column the evaluation does not read (`{year}`).
    YEAR_NOT_EVALUATED = "{year} 年（未计入评价）", "{year} (not evaluated)";
    /// The template's instructions sheet.
    HOW_TO = "填写说明", "How to fill in";
    /// Instructions of the template, one paragraph per line.
    HOW_TO_TEXT = "请在“基本情况”“年度数据”和各清单工作表中填写，金额单位为万元，比例按百分数填写（12.5 表示 12.5%）。\n“年度数据”每列一个会计年度；可在右侧增加年度列，表头填写年份（如 2021）。\n清单工作表（研发项目、研发机构等）每行一条，空行不计。\n是否类填写“是”或“否”；日期写作 2024-06-30 或用 Excel 日期。\n请勿删除隐藏的第 1 行和第 A 列，也不要合并表头单元格：导入时据此识别各项。\n填好后用 innocheck import 文件.xlsx -o 企业.ron 导入，或在程序中选择 文件 → 从 Excel 导入…",
        "Fill in the Profile and Fiscal years sheets and the list sheets. Amounts are in 万元 (10,000 CNY); shares are percent numbers (12.5 means 12.5 %).\nFiscal years has one column per fiscal year; add a year on the right by typing the year (e.g. 2021) as its header.\nList sheets (projects, institutions …) hold one entry per row; blank rows are skipped.\nYes/no cells take “yes” or “no”; dates are written 2024-06-30 or as Excel dates.\nDo not delete the hidden row 1 and column A, and do not merge header cells: the import reads them.\nImport the filled workbook with innocheck import FILE.xlsx -o company.ron, or File → Import from Excel… in the window.";

    /// File menu: import a workbook.
    MENU_IMPORT = "从 Excel 导入…", "Import from Excel…";
    /// Title of the file choice for an import.
    IMPORT_TITLE = "选择要导入的 Excel 工作簿", "Choose the Excel workbook to import";
    /// Title of the list of cells an import could not read.
    PROBLEMS_TITLE = "以下单元格无法读取", "These cells could not be read";
    /// Under that title.
    PROBLEMS_HELP = "其余数据已导入为新文档（尚未保存，未写入任何文件）。请在 Excel 中改正这些单元格后重新导入，或在相应页面补填。",
        "The rest was imported as a new document (not saved; no file was written). Correct these cells in Excel and import again, or fill them in on their pages.";
    /// Status after an import (`{file}`).
    IMPORTED = "已从 {file} 导入为新文档，尚未保存", "Imported from {file} as a new document, not saved yet";
    /// Where a problem is: a cell of a sheet.
    AT_CELL = "工作表“{sheet}”单元格 {cell}：{reason}", "sheet ‘{sheet}’, cell {cell}: {reason}";
    /// Where a problem is: a sheet.
    AT_SHEET = "工作表“{sheet}”：{reason}", "sheet ‘{sheet}’: {reason}";
    /// Text where a number belongs.
    NOT_A_NUMBER = "应填数字，现为“{text}”", "a number is expected, found “{text}”";
    /// A negative number where none is allowed.
    NEGATIVE = "不能为负数（{value}）", "cannot be negative ({value})";
    /// NaN, infinity or an Excel error value.
    NOT_FINITE = "不是有效数值（{text}）", "not a valid number ({text})";
    /// A fraction where a whole number belongs.
    NOT_WHOLE = "应为整数，现为 {value}", "a whole number is expected, found {value}";
    /// Outside the range the field can hold.
    OUT_OF_RANGE = "超出允许范围 {min}–{max}（{value}）", "outside {min}–{max} ({value})";
    /// Not a date.
    NOT_A_DATE = "应填日期（如 2024-06-30），现为“{text}”", "a date such as 2024-06-30 is expected, found “{text}”";
    /// Not yes or no.
    NOT_YES_NO = "应填“是”或“否”，现为“{text}”", "“yes” or “no” is expected, found “{text}”";
    /// Not one of the options.
    NOT_A_CHOICE = "“{text}”不是可选项；可选：{options}", "“{text}” is not one of the options: {options}";
    /// A year column whose header is not a year.
    UNKNOWN_YEAR = "无法识别的年度列“{text}”：表头应为年份，如 2024", "unknown year column “{text}”: the header must be a year such as 2024";
    /// The same year twice.
    DUPLICATE_YEAR = "{year} 年出现了两列", "the year {year} has two columns";
    /// A row that names no known field.
    UNKNOWN_ITEM = "无法识别的项目“{text}”", "unknown item “{text}”";
    /// The same field twice.
    DUPLICATE_ITEM = "该项目出现了两次（{text}）", "this item appears twice ({text})";
    /// A required cell left blank.
    REQUIRED = "必须填写", "must be filled in";
    /// The hidden header row or key column is not where the template has it.
    HEADER_MOVED = "表头已被移动或修改（隐藏的第 1 行、第 A 列须保持原样）；请把数据复制到新的模板中再导入",
        "the header was moved or changed (the hidden row 1 and column A must stay as they are); copy the figures into a fresh template and import that";
    /// A merged header cell.
    MERGED_HEADER = "表头中有合并单元格（{range}）；请取消合并后再导入", "the header has merged cells ({range}); unmerge them and import again";
    /// A sheet the import needs is not there.
    MISSING_SHEET = "缺少工作表（从 innocheck 导出的工作簿或模板才能导入）", "the sheet is missing (import a workbook exported by innocheck or its template)";
    /// Not an xlsx workbook.
    NOT_XLSX = "不是 Excel 工作簿（.xlsx），或文件已损坏：{detail}：{file}", "not an Excel workbook (.xlsx), or damaged: {detail}: {file}";
    /// An empty file.
    EMPTY_FILE = "文件为空：{file}", "the file is empty: {file}";
    /// The file could not be read.
    UNREADABLE = "无法读取文件：{detail}", "cannot read the file: {detail}";
    /// A summary line: cells that could not be read.
    CELLS_UNREADABLE = "工作簿中有 {n} 处无法读取，未写入任何文件：{file}", "{n} places in the workbook could not be read; nothing was written: {file}";
    /// Sheet of the evidence files attached (hidden: records, not answers).
    ATTACHMENTS = "证明材料", "Evidence files";
    /// Evidence column: the criterion.
    ATT_CRITERION = "条件", "Criterion";
    /// Evidence column: which document of the criterion (from 0).
    ATT_ITEM = "材料序号", "Document";
    /// Evidence column: the file, relative to the assessment.
    ATT_PATH = "文件", "File";
    /// Evidence column: the file's SHA-256.
    ATT_SHA = "SHA-256", "SHA-256";
    /// Evidence column: its size in bytes.
    ATT_SIZE = "大小（字节）", "Size (bytes)";
    /// Evidence column: its pages.
    ATT_PAGES = "页数", "Pages";
    /// Evidence column: the date attached.
    ATT_ADDED = "附加日期", "Attached on";
    /// Evidence column: the note.
    ATT_NOTE = "备注", "Note";
}
