//! What can be wrong with an attachment, and the package's errors, in both
//! languages (`Display` in English, [`PackageError::message`] in one).

use crate::i18n::Lang;
use crate::i18n::package as t;
use crate::report::ReportError;

/// Why an attachment cannot go into the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The file is no longer where it was attached.
    Missing,
    /// The file cannot be read; the system's reason, in English.
    Unreadable(String),
    /// Its bytes differ from those attached (SHA-256 or size).
    Changed,
    /// Larger than the limit (bytes).
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// No bytes, or a PDF without pages.
    Empty,
    /// An encrypted PDF (a password or permission restrictions).
    Encrypted,
    /// A PDF or picture that cannot be parsed.
    Damaged,
    /// Neither PDF, JPEG nor PNG.
    Unsupported,
    /// A picture with more pixels than a scan of A4 at any sensible resolution.
    TooManyPixels {
        /// Width in pixels.
        w: u32,
        /// Height in pixels.
        h: u32,
    },
}

/// Megabytes with one decimal, for messages.
fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_048_576.0)
}

impl Reason {
    /// The reason in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Reason::Missing => lang.t(t::BAD_MISSING).to_string(),
            Reason::Unreadable(why) => lang.t(t::BAD_UNREADABLE).replace("{reason}", why),
            Reason::Changed => lang.t(t::BAD_CHANGED).to_string(),
            Reason::TooLarge { size, limit } => lang
                .t(t::BAD_TOO_LARGE)
                .replace("{size}", &mb(*size))
                .replace("{limit}", &mb(*limit)),
            Reason::Empty => lang.t(t::BAD_EMPTY).to_string(),
            Reason::Encrypted => lang.t(t::BAD_ENCRYPTED).to_string(),
            Reason::Damaged => lang.t(t::BAD_DAMAGED).to_string(),
            Reason::Unsupported => lang.t(t::BAD_UNSUPPORTED).to_string(),
            Reason::TooManyPixels { w, h } => lang
                .t(t::BAD_TOO_MANY_PIXELS)
                .replace("{w}", &w.to_string())
                .replace("{h}", &h.to_string()),
        }
    }
}

/// An attachment that cannot go into the package: which file, for which
/// evidence item, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the assessment names it.
    pub file: String,
    /// The criterion's title.
    pub criterion: String,
    /// The evidence item's words.
    pub item: String,
    /// What is wrong.
    pub reason: Reason,
}

impl Problem {
    /// File and reason in `lang` (the contents page's list).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        lang.t(t::PROBLEM)
            .replace("{file}", &self.file)
            .replace("{reason}", &self.reason.message(lang))
    }

    /// Criterion, item, file and reason in `lang` (the command's and the
    /// window's list).
    #[must_use]
    pub fn message_with_item(&self, lang: Lang) -> String {
        lang.t(t::PROBLEM_OF_ITEM)
            .replace("{criterion}", &self.criterion)
            .replace("{item}", &self.item)
            .replace("{file}", &self.file)
            .replace("{reason}", &self.reason.message(lang))
    }
}

/// Why no package was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackageError {
    /// Attachments with problems, and skipping them was not asked for.
    #[error("{}", self.message(Lang::En))]
    Bad(Vec<Problem>),
    /// The PDF could not be written.
    #[error(transparent)]
    Report(#[from] ReportError),
}

impl PackageError {
    /// The message in `lang`: the problems one per line, each naming its file.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PackageError::Bad(problems) => {
                let mut s = lang
                    .t(t::ERR_BAD)
                    .replace("{n}", &problems.len().to_string());
                for p in problems {
                    s.push_str("\n  ");
                    s.push_str(&p.message_with_item(lang));
                }
                s
            }
            PackageError::Report(e) => e.message(lang).to_string(),
        }
    }
}
