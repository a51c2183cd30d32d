//! File choosers. The native dialog (rfd) runs on a worker thread so the
//! window never blocks; an in-app path field is always offered beside it, so
//! where no dialog service exists (a bare X server, no portal) the user can
//! still type a path. Tests use [`Dialogs::in_app_only`].

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui::{self, Context, RichText};

use crate::gui::theme;
use crate::i18n::{Lang, common};

/// What the chosen path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open an assessment.
    Open,
    /// Save the assessment.
    Save,
    /// Load a rule-pack folder.
    RulesDir,
    /// Export the PDF summary.
    ExportPdf,
    /// Export the spreadsheet.
    ExportXlsx,
}

struct Prompt {
    purpose: Purpose,
    text: String,
    waiting: Option<Receiver<Option<PathBuf>>>,
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
                        Purpose::Open => d.add_filter("innocheck (.ron)", &ron).pick_file(),
                        Purpose::Save => d.add_filter("innocheck (.ron)", &ron).save_file(),
                        Purpose::RulesDir => d.pick_folder(),
                        Purpose::ExportPdf => d.add_filter("PDF", &["pdf"]).save_file(),
                        Purpose::ExportXlsx => d.add_filter("Excel (.xlsx)", &["xlsx"]).save_file(),
                    };
                    let _ = tx.send(picked);
                    ctx.request_repaint();
                });
            spawned.ok().map(|_| rx)
        });
        self.prompt = Some(Prompt {
            purpose,
            text,
            waiting: waiting.flatten(),
        });
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
            Purpose::Save | Purpose::ExportPdf | Purpose::ExportXlsx => common::PATH_SAVE_TITLE,
            Purpose::RulesDir => common::PATH_RULES_TITLE,
        };
        let mut result = None;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(lang.t(title));
            if prompt.waiting.is_some() {
                ui.label(RichText::new(lang.t(common::DIALOG_WAITING)).color(theme::MUTED));
            }
            ui.label(
                RichText::new(lang.t(common::PATH_HINT))
                    .small()
                    .color(theme::MUTED),
            );
            let l = ui.label(lang.t(common::PATH));
            let r = ui
                .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(500.0))
                .labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if (ui.button(lang.t(common::OK)).clicked() || enter)
                    && !prompt.text.trim().is_empty()
                {
                    result = Some((prompt.purpose, PathBuf::from(prompt.text.trim())));
                }
                if ui.button(lang.t(common::CANCEL)).clicked() {
                    close = true;
                }
            });
        });
        if result.is_some() || close {
            self.prompt = None;
        }
        result
    }
}
