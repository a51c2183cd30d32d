//! Storage errors: each names the file and, for parse errors, the line and column.
//! [`StorageError::message`] says it in the interface language; `Display`
//! says it in English (logs, and callers that have no language).

use crate::i18n::Lang;
use crate::i18n::errors::fill;

/// Why a file could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The operating system refused.
    Io {
        /// File.
        file: String,
        /// OS reason.
        reason: String,
    },
    /// The path is a folder or does not exist as a file.
    NotAFile {
        /// Path.
        file: String,
    },
    /// Not a regular file: a FIFO, socket or device, which innocheck neither
    /// reads (it could block or never end) nor writes over.
    NotRegular {
        /// Path.
        file: String,
        /// What it is instead, e.g. `FIFO (named pipe)`.
        kind: String,
    },
    /// An output would replace one of the command's own input files.
    OutputIsInput {
        /// The output path as given.
        file: String,
        /// The input it is the same file as.
        input: String,
    },
    /// The file is empty, or holds only blank lines and comments.
    Empty {
        /// File.
        file: String,
    },
    /// The file is too large to be an assessment (more than
    /// [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES) bytes, counted as read).
    TooLarge {
        /// File.
        file: String,
        /// Size.
        bytes: u64,
    },
    /// Not UTF-8 text.
    Encoding {
        /// File.
        file: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// Detail.
        detail: String,
    },
    /// RON syntax or schema error.
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
    ExportOverAssessment {
        /// File.
        file: String,
    },
    /// A format version that never existed.
    UnknownVersion {
        /// File.
        file: String,
        /// Version found.
        found: u32,
    },
    /// NaN or infinity in a number.
    NotFinite {
        /// File.
        file: String,
        /// The fields, by id (`years.2024.revenue`).
        fields: Vec<String>,
    },
    /// Serialisation failed.
    Serialize {
        /// Reason.
        reason: String,
    },
}

impl StorageError {
    /// The message in `lang`, naming the file (and the line, where known).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        use crate::i18n::errors as t;
        let f = |tr, values: &[(&str, &dyn std::fmt::Display)]| fill(lang.t(tr), values);
        match self {
            StorageError::Io { file, reason } => f(t::IO, &[("file", file), ("reason", reason)]),
            StorageError::NotAFile { file } => f(t::NOT_A_FILE, &[("file", file)]),
            StorageError::NotRegular { file, kind } => {
                f(t::NOT_REGULAR, &[("file", file), ("kind", kind)])
            }
            StorageError::OutputIsInput { file, input } => {
                f(t::OUTPUT_IS_INPUT, &[("file", file), ("input", input)])
            }
            StorageError::Empty { file } => f(t::EMPTY, &[("file", file)]),
            StorageError::TooLarge { file, bytes } => {
                f(t::TOO_LARGE, &[("file", file), ("bytes", bytes)])
            }
            StorageError::Encoding { file, line, detail } => f(
                t::ENCODING,
                &[("file", file), ("line", line), ("detail", detail)],
            ),
            StorageError::Parse {
                file,
                line,
                col,
                reason,
            } => f(
                t::PARSE,
                &[
                    ("file", file),
                    ("line", line),
                    ("col", col),
                    ("reason", reason),
                ],
            ),
            StorageError::TooNew {
                file,
                found,
                supported,
            } => f(
                t::TOO_NEW,
                &[("file", file), ("found", found), ("supported", supported)],
            ),
            StorageError::ExportOverAssessment { file } => {
                f(t::EXPORT_OVER_ASSESSMENT, &[("file", file)])
            }
            StorageError::UnknownVersion { file, found } => {
                f(t::UNKNOWN_VERSION, &[("file", file), ("found", found)])
            }
            StorageError::NotFinite { file, fields } => {
                let names: Vec<String> = fields
                    .iter()
                    .map(|id| crate::i18n::fields::field_name_of_id(id, lang))
                    .collect();
                let names = names.join(lang.pick("、", ", "));
                f(t::NOT_FINITE, &[("file", file), ("fields", &names)])
            }
            StorageError::Serialize { reason } => f(t::SERIALIZE, &[("reason", reason)]),
        }
    }

    pub(crate) fn io(file: &str, e: &std::io::Error) -> StorageError {
        StorageError::Io {
            file: file.to_string(),
            reason: e.to_string(),
        }
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StorageError {}
