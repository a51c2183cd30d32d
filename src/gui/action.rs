//! Side effects requested by pages and menus, run once after the frame.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::model::Assessment;

/// A side effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Start a new, empty assessment (asks to save changes first).
    New,
    /// Ask for a file to open.
    Open,
    /// Open this file (asks to save changes first).
    OpenPath(PathBuf),
    /// Open this file, chosen in the open dialog after "save changes?" was
    /// answered (not asked again).
    OpenChosen(PathBuf),
    /// Open a bundled sample by file name.
    OpenSample(&'static str),
    /// Ask for an answers workbook to import as a new document.
    ImportXlsx,
    /// Import this workbook, chosen after "save changes?" was answered.
    ImportXlsxChosen(PathBuf),
    /// Ask for a file to open in review mode (the answers read-only).
    OpenReview,
    /// Open this file in review mode, chosen in the open dialog.
    OpenReviewChosen(PathBuf),
    /// Add a note to the review beside the open file and save it there.
    AddReviewNote(crate::storage::review::Note),
    /// Save to the current path, or ask for one.
    Save,
    /// Ask for a path and save there.
    SaveAs,
    /// Save to this path.
    SaveTo(PathBuf),
    /// Ask for a path and export the readiness summary as PDF.
    ExportPdf,
    /// Ask for a path and export answers, outcomes and gaps as a spreadsheet.
    ExportXlsx,
    /// Open the form of the application package (tier, skipping bad attachments).
    Package,
    /// Build the application package chosen in the form into this path.
    PackageTo(PathBuf),
    /// Write the PDF summary to this path.
    ExportPdfTo(PathBuf),
    /// Write the spreadsheet to this path.
    ExportXlsxTo(PathBuf),
    /// Ask for a folder and show every assessment under it in one table.
    OpenFolder,
    /// Read this folder into the table.
    LoadFolder(PathBuf),
    /// Open this file from the folder table: in review mode when the table
    /// says so (asks to save changes first).
    OpenFromDesk(PathBuf),
    /// Ask for a path and export the folder table's rows shown (`true`: xlsx, else CSV).
    ExportPortfolio(bool),
    /// Write the folder table's rows shown to this path (`true`: xlsx, else CSV).
    ExportPortfolioTo(PathBuf, bool),
    /// Compare the open document under each of these packs, side by side.
    ComparePacks(Vec<String>),
    /// Ask for a file to attach to evidence item `item` of `criterion`.
    AttachFor {
        /// Criterion id.
        criterion: String,
        /// Index into its evidence list.
        item: usize,
    },
    /// Attach these files to evidence item `item` of `criterion` (one undo step).
    AttachPaths {
        /// Criterion id.
        criterion: String,
        /// Index into its evidence list.
        item: usize,
        /// The files, as chosen or dropped.
        paths: Vec<PathBuf>,
    },
    /// Remove this attachment (one undo step; the file is kept).
    Detach(Box<crate::model::Attachment>),
    /// Read the attached files again (they may have changed meanwhile).
    RecheckAttachments,
    /// Show the results page's evidence section (文件 → 添加材料…).
    ShowEvidence,
    /// Undo the last change.
    Undo,
    /// Redo.
    Redo,
    /// Switch the interface language.
    SetLang(Lang),
    /// Show a page.
    Show(crate::gui::pages::Page),
    /// Use these packs (None: the packs in force on the as-of date).
    SetPacks(Option<Vec<String>>),
    /// Ask for a folder of rule packs to load.
    PickRulesDir,
    /// Load rule packs from this folder (None: bundled only).
    LoadRulesDir(Option<PathBuf>),
    /// Five-haves target tier.
    SetTarget(Option<String>),
    /// Restore the recovery copy.
    RestoreRecovery(Box<Assessment>, Option<PathBuf>),
    /// Forget the recovery copy.
    DiscardRecovery,
    /// Close the window (asks to save changes first).
    Quit,
}
