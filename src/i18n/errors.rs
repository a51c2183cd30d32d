//! Error messages of storage, one language at a time (the reports' are in
//! [`super::report`]).
//! Each template names its values in braces; the error fills them in.

strings! {
    /// The operating system refused.
    IO = "无法读写文件：{reason}：{file}", "cannot access file: {reason}: {file}";
    /// A folder, or no such file.
    NOT_A_FILE = "不是文件：{file}", "not a file: {file}";
    /// A FIFO, socket or device.
    NOT_REGULAR = "不是普通文件（{kind}），innocheck 只读写普通文件：{file}",
        "not a regular file ({kind}); innocheck reads and writes only regular files: {file}";
    /// An output that is one of the inputs.
    OUTPUT_IS_INPUT = "输出文件就是输入文件 {input}，不会覆盖它，请另选文件名：{file}",
        "the output is the input file {input}; it will not be replaced — choose another name: {file}";
    /// Nothing but blanks and comments.
    EMPTY = "文件为空或只有注释，可能不完整：{file}",
        "the file is empty or holds only comments (cut off?): {file}";
    /// Larger than an assessment can be.
    TOO_LARGE = "文件过大（至少 {bytes} 字节），不是评价文件：{file}",
        "file too large ({bytes} bytes or more) for an assessment: {file}";
    /// Not UTF-8.
    ENCODING = "第 {line} 行不是 UTF-8 文本（{detail}）；请以 UTF-8 编码保存：{file}",
        "line {line} is not UTF-8 text ({detail}); save the file as UTF-8: {file}";
    /// RON syntax or schema.
    PARSE = "第 {line} 行第 {col} 列有误：{reason}：{file}",
        "line {line}, column {col}: {reason}: {file}";
    /// Written by a newer innocheck.
    TOO_NEW = "文件格式版本 {found} 高于本程序支持的 {supported}，请升级 innocheck；文件未作任何修改：{file}",
        "format version {found} is newer than this innocheck supports ({supported}); upgrade innocheck — the file was not changed: {file}";
    /// An export about to replace an assessment.
    EXPORT_OVER_ASSESSMENT = "该文件是评价文件，导出不会覆盖它，请另选文件名：{file}",
        "this is an assessment file; an export will not replace it — choose another name: {file}";
    /// A version that never existed.
    UNKNOWN_VERSION = "未知的文件格式版本 {found}：{file}",
        "unknown format version {found}: {file}";
    /// NaN or infinity.
    NOT_FINITE = "数值无效（NaN 或无穷大）：{fields}：{file}",
        "not a finite number in {fields}: {file}";
    /// Serialisation failed.
    SERIALIZE = "无法生成文件内容：{reason}", "cannot serialise the assessment: {reason}";
}

/// Fills `{name}` placeholders of `template` with `values`.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}
