//! Renderers of an [`crate::eval::Evaluation`]: text for the terminal, the
//! JSON contract, the printable PDF summary and the spreadsheet export, and the
//! shared number/gap formatting that every view uses.

pub mod compare;
pub mod data;
pub mod format;
pub mod json;
pub mod pdf;
pub mod rules_diff;
pub mod text;
pub mod xlsx;

/// Why a PDF or spreadsheet could not be produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// The bundled font could not be read (a damaged build).
    Font,
    /// The PDF writer refused the document.
    Pdf(String),
    /// The spreadsheet writer refused the workbook.
    Xlsx(String),
}

impl ReportError {
    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::errors::{self as t, fill};
        match self {
            ReportError::Font => lang.t(t::FONT).to_string(),
            ReportError::Pdf(reason) => fill(lang.t(t::PDF), &[("reason", reason)]),
            ReportError::Xlsx(reason) => fill(lang.t(t::XLSX), &[("reason", reason)]),
        }
    }
}

/// In English; [`ReportError::message`] says it in the interface language.
impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

impl std::error::Error for ReportError {}
