//! 文件 → 生成申报材料包…: the form (the tier applied for, skipping bad
//! attachments), the build on a worker thread, and what it reports — the
//! package written, or each attachment with a problem and why.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use eframe::egui::{self, Context};

use crate::eval::Evaluation;
use crate::i18n::package as t;
use crate::i18n::{Lang, common};
use crate::report::pdf::package::{self, PackageError, PackageInput};
use crate::storage;

/// What the form asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Id of the tier applied for.
    pub tier: String,
    /// Leave out attachments with problems.
    pub skip_bad: bool,
}

/// How a build ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written: the path, the pages and the attachments left out (in words).
    Written {
        /// Where.
        path: PathBuf,
        /// Its pages.
        pages: usize,
        /// The attachments left out, each with its reason.
        skipped: Vec<String>,
    },
    /// Not written: the attachments with problems, each with its reason.
    Bad(Vec<String>),
    /// Not written: another reason.
    Failed(String),
}

/// The package form, the build running and the last problems.
#[derive(Default)]
pub struct PackageUi {
    /// The form, while it is open.
    pub form: Option<Form>,
    /// The form's choice, waiting for a file name.
    pub chosen: Option<Form>,
    job: Option<Receiver<Outcome>>,
    /// The problems shown in a list until closed.
    pub problems: Vec<String>,
}

impl PackageUi {
    /// Opens the form on `tier` (the target tier, else the first evaluated).
    pub fn open(&mut self, ev: &Evaluation, target: Option<&str>) {
        let tier = target
            .filter(|t| ev.tier(t).is_some())
            .or_else(|| ev.tiers.first().map(|t| t.id.as_str()))
            .unwrap_or_default()
            .to_string();
        self.form = Some(Form {
            tier,
            skip_bad: false,
        });
    }

    /// Whether a build is running.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Shows the form and the problem list; returns true when the user asked
    /// to choose where to save.
    pub fn ui(&mut self, ctx: &Context, lang: Lang, ev: Option<&Evaluation>) -> bool {
        let mut choose = false;
        if let (Some(form), Some(ev)) = (self.form.as_mut(), ev) {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("package-form")).show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.heading(lang.t(t::FORM_TITLE));
                ui.label(lang.t(t::FORM_HELP));
                ui.add_space(6.0);
                let title_of = |id: &str| {
                    ev.tier(id)
                        .map_or_else(String::new, |t| t.title.get(lang).to_string())
                };
                ui.horizontal(|ui| {
                    let label = ui.label(lang.t(t::FORM_TIER));
                    egui::ComboBox::from_id_salt("package-tier")
                        .selected_text(title_of(&form.tier))
                        .width(300.0)
                        .show_ui(ui, |ui| {
                            for tier in &ev.tiers {
                                ui.selectable_value(
                                    &mut form.tier,
                                    tier.id.clone(),
                                    tier.title.get(lang),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                ui.checkbox(&mut form.skip_bad, lang.t(t::FORM_SKIP_BAD));
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    if ui.button(lang.t(t::FORM_CHOOSE)).clicked() {
                        choose = true;
                    }
                    if ui.button(lang.t(common::CANCEL)).clicked() {
                        close = true;
                    }
                });
            });
            if choose {
                self.chosen = self.form.take();
            } else if close {
                self.form = None;
            }
        }
        if !self.problems.is_empty() {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("package-problems")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading(lang.t(t::PROBLEMS_TITLE));
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for p in &self.problems {
                            ui.label(format!("· {p}"));
                        }
                    });
                if ui.button(lang.t(t::CLOSE)).clicked() {
                    close = true;
                }
            });
            if close {
                self.problems.clear();
            }
        }
        if self.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        choose
    }

    /// Starts building `input` into `out` on a worker thread; `inputs` are
    /// never written over (the assessment and every attachment).
    pub fn start(
        &mut self,
        ctx: &Context,
        input: PackageInput,
        opts: package::Options,
        out: PathBuf,
        inputs: Vec<PathBuf>,
    ) {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let lang = input.lang;
        let spawned = std::thread::Builder::new()
            .name("package".into())
            .spawn(move || {
                let _ = tx.send(run(&input, &opts, &out, &inputs, lang));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.job = Some(rx),
            Err(e) => self.problems = vec![e.to_string()],
        }
    }

    /// The outcome of the build, once it has ended.
    pub fn poll(&mut self) -> Option<Outcome> {
        let rx = self.job.as_ref()?;
        let outcome = match rx.try_recv() {
            Ok(o) => o,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Outcome::Failed(String::new()),
        };
        self.job = None;
        match &outcome {
            Outcome::Bad(p) => self.problems.clone_from(p),
            Outcome::Written { skipped, .. } => self.problems.clone_from(skipped),
            Outcome::Failed(_) => {}
        }
        Some(outcome)
    }
}

/// Builds and writes the package (on the worker thread).
fn run(
    input: &PackageInput,
    opts: &package::Options,
    out: &Path,
    inputs: &[PathBuf],
    lang: Lang,
) -> Outcome {
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    if let Err(e) = storage::check_export(out, &inputs) {
        return Outcome::Failed(e.message(lang));
    }
    match package::build(input, opts) {
        Ok(p) => match storage::save_export_excluding(out, &p.bytes, &inputs) {
            Ok(()) => Outcome::Written {
                path: out.to_path_buf(),
                pages: p.pages,
                skipped: p
                    .skipped
                    .iter()
                    .map(|s| s.message_with_item(lang))
                    .collect(),
            },
            Err(e) => Outcome::Failed(e.message(lang)),
        },
        Err(PackageError::Bad(problems)) => {
            Outcome::Bad(problems.iter().map(|s| s.message_with_item(lang)).collect())
        }
        Err(e) => Outcome::Failed(e.message(lang)),
    }
}
