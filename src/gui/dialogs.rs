//! File choosers. The native dialog (rfd) runs on a worker thread so the
//! window never blocks; an in-app path field is always offered beside it, so
//! where no dialog service exists (a bare X server, no portal) the user can
//! still type a path. Tests use [`Dialogs::in_app_only`].

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui::{self, Context, RichText};

use crate::gui::theme;
use crate::i18n::{Lang, common};

/// What the chosen path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open an assessment.
    Open,
    /// Open an assessment in review mode.
    OpenReview,
    /// Save the assessment.
    Save,
    /// Load a rule-pack folder.
    RulesDir,
    /// Export the PDF summary.
    ExportPdf,
    /// Export the spreadsheet.
    ExportXlsx,
    /// Import an answers workbook.
    ImportXlsx,
    /// Choose a folder of assessments for the folder table.
    Folder,
    /// Export the folder table as CSV.
    ExportPortfolioCsv,
    /// Export the folder table as a spreadsheet.
    ExportPortfolioXlsx,
    /// Choose a file to attach as evidence.
    Attach,
    /// Write the application package.
    ExportPackage,
}

struct Prompt {
    purpose: Purpose,
    text: String,
    filter: String,
    only_ext: bool,
    listing: Option<Listing>,
    /// A file was double-clicked in the listing.
    chosen: bool,
    waiting: Option<Receiver<Option<PathBuf>>>,
}

/// The entries of one folder, read once when it is shown.
struct Listing {
    dir: PathBuf,
    entries: Result<Vec<Entry>, String>,
}

/// A folder or file in the listing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    /// Folders sort first.
    is_file: bool,
    name: String,
}

impl Purpose {
    /// The file type the chooser lists (`None`: folders only).
    fn ext(self) -> Option<&'static str> {
        match self {
            Purpose::Open | Purpose::OpenReview | Purpose::Save => Some("ron"),
            // Scans to attach are mostly PDFs; the box can be unticked for images.
            Purpose::ExportPdf | Purpose::ExportPackage | Purpose::Attach => Some("pdf"),
            Purpose::ExportXlsx | Purpose::ExportPortfolioXlsx | Purpose::ImportXlsx => {
                Some("xlsx")
            }
            Purpose::ExportPortfolioCsv => Some("csv"),
            Purpose::RulesDir | Purpose::Folder => None,
        }
    }

    /// Whether the path names a file to write (keeps its name while browsing).
    fn saves(self) -> bool {
        matches!(
            self,
            Purpose::Save
                | Purpose::ExportPdf
                | Purpose::ExportXlsx
                | Purpose::ExportPortfolioCsv
                | Purpose::ExportPortfolioXlsx
                | Purpose::ExportPackage
        )
    }
}

/// The folder a path field shows: the path itself if it is a folder (or
/// ends with a separator), else its parent; the current folder if empty.
fn folder_of(text: &str) -> PathBuf {
    let t = text.trim();
    if t.is_empty() {
        return std::env::current_dir().unwrap_or_default();
    }
    let p = Path::new(t);
    if p.is_dir() || t.ends_with(std::path::MAIN_SEPARATOR) || t.ends_with('/') {
        return p.to_path_buf();
    }
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::env::current_dir().unwrap_or_default(),
    }
}

/// The file name part of a path field, when it names a file.
fn file_name_of(text: &str) -> Option<String> {
    let t = text.trim();
    let p = Path::new(t);
    if t.is_empty() || p.is_dir() || t.ends_with(std::path::MAIN_SEPARATOR) || t.ends_with('/') {
        return None;
    }
    p.file_name().map(|n| n.to_string_lossy().into_owned())
}

/// Reads `dir`: visible folders, and the files (of any type; the listing filters).
fn read_listing(dir: &Path) -> Result<Vec<Entry>, String> {
    let mut v: Vec<Entry> = std::fs::read_dir(dir)
        .map_err(|e| format!("{e}: {}", dir.display()))?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            // Follows links, so a linked folder is a folder.
            let is_dir = e.path().is_dir();
            Some(Entry {
                is_file: !is_dir,
                name,
            })
        })
        .collect();
    v.sort();
    Ok(v)
}

/// The text of a path field showing `dir`, with `name` if given.
fn path_text(dir: &Path, name: Option<&str>) -> String {
    if let Some(n) = name {
        return dir.join(n).display().to_string();
    }
    let d = dir.display().to_string();
    if d.ends_with(std::path::MAIN_SEPARATOR) {
        d
    } else {
        format!("{d}{}", std::path::MAIN_SEPARATOR)
    }
}

/// Pending file choices.
pub struct Dialogs {
    native: bool,
    prompt: Option<Prompt>,
}

impl Dialogs {
    /// Native dialogs plus the in-app field.
    #[must_use]
    pub fn native() -> Dialogs {
        Dialogs {
            native: true,
            prompt: None,
        }
    }

    /// Only the in-app path field (tests, screenshot mode).
    #[must_use]
    pub fn in_app_only() -> Dialogs {
        Dialogs {
            native: false,
            prompt: None,
        }
    }

    /// Whether a choice is pending.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.prompt.is_some()
    }

    /// Asks for a path for `purpose`, starting in `dir`, suggesting `name`.
    pub fn request(
        &mut self,
        ctx: &Context,
        purpose: Purpose,
        dir: Option<PathBuf>,
        name: Option<String>,
    ) {
        let text = match (&dir, &name) {
            (Some(d), Some(n)) => d.join(n).display().to_string(),
            (Some(d), None) => format!("{}{}", d.display(), std::path::MAIN_SEPARATOR),
            (None, Some(n)) => n.clone(),
            (None, None) => String::new(),
        };
        let waiting = self.native.then(|| {
            let (tx, rx) = channel();
            let ctx = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name("file-dialog".into())
                .spawn(move || {
                    let mut d = rfd::FileDialog::new();
                    if let Some(dir) = dir {
                        d = d.set_directory(dir);
                    }
                    if let Some(n) = name {
                        d = d.set_file_name(n);
                    }
                    let ron = ["ron"];
                    let picked = match purpose {
                        Purpose::Open | Purpose::OpenReview => {
                            d.add_filter("innocheck (.ron)", &ron).pick_file()
                        }
                        Purpose::Save => d.add_filter("innocheck (.ron)", &ron).save_file(),
                        Purpose::RulesDir | Purpose::Folder => d.pick_folder(),
                        Purpose::ExportPdf | Purpose::ExportPackage => {
                            d.add_filter("PDF", &["pdf"]).save_file()
                        }
                        Purpose::ExportXlsx | Purpose::ExportPortfolioXlsx => {
                            d.add_filter("Excel (.xlsx)", &["xlsx"]).save_file()
                        }
                        Purpose::ExportPortfolioCsv => d.add_filter("CSV", &["csv"]).save_file(),
                        Purpose::Attach => d
                            .add_filter("PDF", &["pdf", "PDF"])
                            .add_filter("JPEG / PNG", &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"])
                            .add_filter("*", &["*"])
                            .pick_file(),
                        Purpose::ImportXlsx => d.add_filter("Excel (.xlsx)", &["xlsx"]).pick_file(),
                    };
                    let _ = tx.send(picked);
                    ctx.request_repaint();
                });
            spawned.ok().map(|_| rx)
        });
        self.prompt = Some(Prompt {
            purpose,
            text,
            filter: String::new(),
            only_ext: true,
            listing: None,
            chosen: false,
            waiting: waiting.flatten(),
        });
    }

    /// Closes the chooser without a choice (Escape).
    pub fn close(&mut self) {
        self.prompt = None;
    }

    /// Shows the path field; returns a chosen path.
    pub fn ui(&mut self, ctx: &Context, lang: Lang) -> Option<(Purpose, PathBuf)> {
        let prompt = self.prompt.as_mut()?;
        if let Some(rx) = &prompt.waiting {
            match rx.try_recv() {
                Ok(Some(path)) => {
                    let purpose = prompt.purpose;
                    self.prompt = None;
                    return Some((purpose, path));
                }
                // Cancelled, or no dialog service: keep the in-app field.
                Ok(None) | Err(TryRecvError::Disconnected) => prompt.waiting = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        let title = match prompt.purpose {
            Purpose::Open => common::PATH_OPEN_TITLE,
            Purpose::OpenReview => common::OPEN_REVIEW_TITLE,
            Purpose::Save
            | Purpose::ExportPdf
            | Purpose::ExportXlsx
            | Purpose::ExportPortfolioCsv
            | Purpose::ExportPortfolioXlsx
            | Purpose::ExportPackage => common::PATH_SAVE_TITLE,
            Purpose::RulesDir => common::PATH_RULES_TITLE,
            Purpose::ImportXlsx => crate::i18n::workbook::IMPORT_TITLE,
            Purpose::Folder => crate::i18n::pages::desk::PICK_FOLDER,
            Purpose::Attach => crate::i18n::attach::GUI_DIALOG_TITLE,
        };
        let mut result = None;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
            let width = (ctx.content_rect().width() - 120.0).clamp(360.0, 640.0);
            ui.set_width(width);
            ui.heading(lang.t(title));
            if prompt.waiting.is_some() {
                ui.label(RichText::new(lang.t(common::DIALOG_WAITING)).color(theme::MUTED));
            }
            ui.label(RichText::new(lang.t(common::PATH_HINT)).color(theme::MUTED));
            let l = ui.label(lang.t(common::PATH));
            let r = ui
                .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(width))
                .labelled_by(l.id);
            if ui.memory(|m| m.focused().is_none()) && prompt.listing.is_none() {
                r.request_focus();
            }
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter))
                && (r.lost_focus() || ui.memory(|m| m.focused().is_none()));
            let clicked = listing_ui(ui, lang, prompt, width);
            ui.horizontal(|ui| {
                let ok = ui.button(lang.t(common::OK)).clicked() || (enter && !clicked);
                if prompt.purpose.ext().is_none()
                    && ui.button(lang.t(common::USE_THIS_FOLDER)).clicked()
                {
                    result = Some((prompt.purpose, folder_of(&prompt.text)));
                }
                if ui.button(lang.t(common::CANCEL)).clicked() {
                    close = true;
                }
                ui.label(RichText::new(lang.t(common::DIALOG_KEYS)).color(theme::MUTED));
                let text = prompt.text.trim();
                if (ok || prompt.chosen) && !text.is_empty() {
                    let path = PathBuf::from(text);
                    if path.is_dir() && prompt.purpose.ext().is_some() {
                        // A folder: show it, keep asking for the file.
                        let name = file_name_of(&prompt.text);
                        prompt.text = path_text(&path, name.as_deref());
                    } else {
                        result = Some((prompt.purpose, path));
                    }
                }
            });
        });
        if result.is_some() || close {
            self.prompt = None;
        }
        result
    }
}

/// The folder listing under the path field: the folder shown with an "up"
/// button, a filter, and its folders and files (of the purpose's type
/// unless unticked). A click on a folder enters it, on a file puts it in the
/// path field; a double click on a file chooses it. Returns whether an
/// entry was clicked this frame.
fn listing_ui(ui: &mut egui::Ui, lang: Lang, prompt: &mut Prompt, width: f32) -> bool {
    let dir = folder_of(&prompt.text);
    if prompt.listing.as_ref().is_none_or(|l| l.dir != dir) {
        prompt.listing = Some(Listing {
            entries: read_listing(&dir),
            dir: dir.clone(),
        });
    }
    let mut clicked = false;
    let mut go: Option<PathBuf> = None;
    let mut pick: Option<(String, bool)> = None;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                dir.parent().is_some(),
                egui::Button::new(format!("↑ {}", lang.t(common::PARENT_DIR))),
            )
            .clicked()
        {
            go = dir.parent().map(Path::to_path_buf);
        }
        let l = ui.label(lang.t(common::FOLDER));
        ui.add(egui::Label::new(RichText::new(dir.display().to_string()).strong()).truncate())
            .labelled_by(l.id)
            .on_hover_text(dir.display().to_string());
    });
    let ext = prompt.purpose.ext();
    ui.horizontal(|ui| {
        let l = ui.label(lang.t(common::FILTER));
        ui.add(egui::TextEdit::singleline(&mut prompt.filter).desired_width(160.0))
            .labelled_by(l.id);
        if let Some(e) = ext {
            ui.checkbox(
                &mut prompt.only_ext,
                lang.t(common::ONLY_EXT).replace("{ext}", e),
            );
        }
    });
    let filter = prompt.filter.trim().to_lowercase();
    let only = prompt.only_ext;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(width - 12.0);
        egui::ScrollArea::vertical()
            .id_salt("path-listing")
            .max_height(220.0)
            .min_scrolled_height(220.0)
            .show(ui, |ui| {
                ui.set_width(width - 24.0);
                let Some(listing) = &prompt.listing else {
                    return;
                };
                let entries = match &listing.entries {
                    Ok(e) => e,
                    Err(e) => {
                        ui.label(
                            RichText::new(format!("{} {e}", lang.t(common::DIR_UNREADABLE)))
                                .color(theme::ERROR_TEXT),
                        );
                        return;
                    }
                };
                let shown: Vec<&Entry> = entries
                    .iter()
                    .filter(|e| filter.is_empty() || e.name.to_lowercase().contains(&filter))
                    .filter(|e| match (e.is_file, ext) {
                        (false, _) => true,
                        (true, None) => false,
                        (true, Some(x)) => {
                            // Reviews beside assessments are not assessments.
                            !only
                                || (Path::new(&e.name)
                                    .extension()
                                    .is_some_and(|y| y.eq_ignore_ascii_case(x))
                                    && !crate::storage::review::is_review_file(Path::new(&e.name)))
                        }
                    })
                    .collect();
                if shown.is_empty() {
                    ui.label(RichText::new(lang.t(common::EMPTY_DIR)).color(theme::MUTED));
                }
                let selected = file_name_of(&prompt.text);
                for e in shown {
                    let text = if e.is_file {
                        e.name.clone()
                    } else {
                        format!("{}{}", e.name, std::path::MAIN_SEPARATOR)
                    };
                    let on = e.is_file && selected.as_deref() == Some(e.name.as_str());
                    let r = ui.add(egui::Button::selectable(on, text).wrap());
                    if r.double_clicked() && e.is_file {
                        pick = Some((e.name.clone(), true));
                        clicked = true;
                    } else if r.clicked() {
                        clicked = true;
                        if e.is_file {
                            pick = Some((e.name.clone(), false));
                        } else {
                            go = Some(dir.join(&e.name));
                        }
                    }
                }
            });
    });
    if let Some(d) = go {
        let name = if prompt.purpose.saves() {
            file_name_of(&prompt.text)
        } else {
            None
        };
        prompt.text = path_text(&d, name.as_deref());
    }
    if let Some((name, choose)) = pick {
        prompt.text = path_text(&dir, Some(&name));
        if choose {
            prompt.chosen = true;
        }
    }
    clicked
}
