//! Renderers of an [`crate::eval::Evaluation`]: text for the terminal, the
//! JSON contract, the printable PDF summary and the spreadsheet export, and the
//! shared number/gap formatting that every view uses.

pub mod compare;
pub mod data;
pub mod format;
pub mod json;
pub mod pdf;
pub mod portfolio;
pub mod proof;
pub mod review;
pub mod rules_diff;
pub mod text;
pub mod xlsx;
mod xlsx_answers;
pub use xlsx_answers::{filled as xlsx_filled, template as xlsx_template};

use crate::i18n::Lang;

/// Why a PDF or spreadsheet could not be produced.
///
/// `Display` gives the English message (for logs and the command line's
/// context chain); [`ReportError::message`] gives it in one language for a
/// window. No message mixes the two languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The bundled font could not be read (a damaged build).
    #[error("{}", self.message(Lang::En))]
    Font,
    /// The PDF writer refused the document.
    #[error("{}", self.message(Lang::En))]
    Pdf(PdfFailure),
    /// The spreadsheet writer refused the workbook; the writer's reason, in English.
    #[error("{msg}: {0}", msg = self.message(Lang::En))]
    Xlsx(String),
}

/// What the PDF writer refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfFailure {
    /// The page size.
    PageSize,
    /// Embedding the font.
    Font,
    /// A limit of the PDF format (too many objects, too long a string…).
    Limit,
    /// Anything else.
    Other,
}

impl ReportError {
    /// The message in `lang`, without details from the writers (which
    /// speak English only).
    #[must_use]
    pub fn message(&self, lang: Lang) -> &'static str {
        use crate::i18n::report as t;
        lang.t(match self {
            ReportError::Font => t::ERR_FONT,
            ReportError::Pdf(PdfFailure::PageSize) => t::ERR_PAGE_SIZE,
            ReportError::Pdf(PdfFailure::Font) => t::ERR_EMBED,
            ReportError::Pdf(PdfFailure::Limit) => t::ERR_LIMIT,
            ReportError::Pdf(PdfFailure::Other) => t::ERR_PDF,
            ReportError::Xlsx(_) => t::ERR_XLSX,
        })
    }
}
