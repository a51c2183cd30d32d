//! Storage errors: each names the file and, for parse errors, the line and column.

/// Why a file could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The operating system refused.
    #[error("无法读写文件 / cannot access file: {reason}: {file}")]
    Io {
        /// File.
        file: String,
        /// OS reason.
        reason: String,
    },
    /// The path is a folder or does not exist as a file.
    #[error("不是文件 / not a file: {file}")]
    NotAFile {
        /// Path.
        file: String,
    },
    /// Not a regular file: a FIFO, socket or device, which innocheck neither
    /// reads (it could block or never end) nor writes over.
    #[error(
        "不是普通文件（{kind}），innocheck 只读写普通文件 / not a regular file ({kind}); innocheck reads and writes only regular files: {file}"
    )]
    NotRegular {
        /// Path.
        file: String,
        /// What it is instead, e.g. `FIFO (named pipe)`.
        kind: String,
    },
    /// An output would replace one of the command's own input files.
    #[error(
        "输出文件就是输入文件 {input}，不会覆盖它，请另选文件名 / the output is the input file {input}; it will not be replaced — choose another name: {file}"
    )]
    OutputIsInput {
        /// The output path as given.
        file: String,
        /// The input it is the same file as.
        input: String,
    },
    /// The file is empty, or holds only blank lines and comments.
    #[error(
        "文件为空或只有注释，可能不完整 / the file is empty or holds only comments (cut off?): {file}"
    )]
    Empty {
        /// File.
        file: String,
    },
    /// The file is too large to be an assessment (more than
    /// [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES) bytes, counted as read).
    #[error(
        "文件过大（至少 {bytes} 字节），不是评价文件 / file too large ({bytes} bytes or more) for an assessment: {file}"
    )]
    TooLarge {
        /// File.
        file: String,
        /// Size.
        bytes: u64,
    },
    /// Not UTF-8 text.
    #[error(
        "第 {line} 行不是 UTF-8 文本（{detail}）；请以 UTF-8 编码保存 / line {line} is not UTF-8 text ({detail}); save the file as UTF-8: {file}"
    )]
    Encoding {
        /// File.
        file: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// Detail.
        detail: String,
    },
    /// RON syntax or schema error.
    #[error("第 {line} 行第 {col} 列有误 / line {line}, column {col}: {reason}: {file}")]
    Parse {
        /// File.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What is wrong.
        reason: String,
    },
    /// Written by a newer innocheck.
    #[error(
        "文件格式版本 {found} 高于本程序支持的 {supported}，请升级 innocheck；文件未作任何修改 / format version {found} is newer than this innocheck supports ({supported}); upgrade innocheck — the file was not changed: {file}"
    )]
    TooNew {
        /// File.
        file: String,
        /// Version found.
        found: u32,
        /// Highest supported.
        supported: u32,
    },
    /// An export (PDF, spreadsheet) was about to replace an assessment file
    /// (named `*.ron` / `*.ron.bak`, or starting like one, readable or not).
    #[error(
        "该文件是评价文件，导出不会覆盖它，请另选文件名 / this is an assessment file; an export will not replace it — choose another name: {file}"
    )]
    ExportOverAssessment {
        /// File.
        file: String,
    },
    /// A format version that never existed.
    #[error("未知的文件格式版本 {found} / unknown format version {found}: {file}")]
    UnknownVersion {
        /// File.
        file: String,
        /// Version found.
        found: u32,
    },
    /// NaN or infinity in a number.
    #[error("数值无效（NaN 或无穷大）：{fields} / not a finite number in {fields}: {file}")]
    NotFinite {
        /// File.
        file: String,
        /// Field ids.
        fields: String,
    },
    /// Serialisation failed.
    #[error("无法生成文件内容 / cannot serialise the assessment: {reason}")]
    Serialize {
        /// Reason.
        reason: String,
    },
}

impl StorageError {
    pub(crate) fn io(file: &str, e: &std::io::Error) -> StorageError {
        StorageError::Io {
            file: file.to_string(),
            reason: e.to_string(),
        }
    }
}
