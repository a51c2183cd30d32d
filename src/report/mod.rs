//! Renderers of an [`crate::eval::Evaluation`]: text for the terminal, the
//! JSON contract, the printable PDF summary and the spreadsheet export, and the
//! shared number/gap formatting that every view uses.

pub mod data;
pub mod format;
pub mod json;
pub mod pdf;
pub mod text;
pub mod xlsx;

/// Why a PDF or spreadsheet could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The bundled font could not be read (a damaged build).
    #[error("内置字体无法读取 / the bundled font cannot be read")]
    Font,
    /// The PDF writer refused the document.
    #[error("无法生成 PDF / cannot write the PDF: {0}")]
    Pdf(String),
    /// The spreadsheet writer refused the workbook.
    #[error("无法生成电子表格 / cannot write the spreadsheet: {0}")]
    Xlsx(String),
}
