//! 开始页: what innocheck is for, the three ways to start (a new assessment,
//! a saved file, the sample) and the recent files. Shown at the first start
//! and from 文件 → 开始页; later starts reopen the last file instead.

use std::path::Path;

use eframe::egui::{self, RichText, Ui, Vec2};

use super::PageCtx;
use crate::gui::action::Action;
use crate::gui::theme;
use crate::i18n::common;
use crate::i18n::pages::welcome as s;
use crate::storage;

/// Width of the page's column.
const COLUMN: f32 = 860.0;
/// Size of the three start buttons.
const BUTTON: Vec2 = Vec2::new(180.0, 34.0);

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    let margin = ((ui.available_width() - COLUMN) / 2.0).max(0.0);
    ui.horizontal(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_max_width(COLUMN);
            ui.add_space(theme::SECTION_GAP * 2.0);
            ui.label(RichText::new(env.t(common::APP)).size(28.0).strong());
            ui.label(RichText::new(env.t(s::HEADING)).size(18.0));
            ui.add_space(theme::SECTION_GAP);
            ui.label(RichText::new(env.t(s::INTRO)).color(theme::MUTED));
            ui.add_space(theme::SECTION_GAP * 2.0);
            start_ui(ui, ctx);
            ui.add_space(theme::SECTION_GAP * 2.0);
            recent_ui(ui, ctx);
        });
    });
}

/// New, open, sample: a button and what it does.
fn start_ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    ui.label(RichText::new(env.t(s::START)).strong().size(16.0));
    ui.add_space(theme::SECTION_GAP / 2.0);
    let entries = [
        (s::NEW, s::NEW_HELP, Action::New),
        (s::OPEN, s::OPEN_HELP, Action::Open),
        (
            s::SAMPLE,
            s::SAMPLE_HELP,
            Action::OpenSample(storage::DEFAULT_SAMPLE),
        ),
    ];
    egui::Grid::new("welcome-start")
        .num_columns(2)
        .spacing([theme::SECTION_GAP, theme::SECTION_GAP / 2.0])
        .show(ui, |ui| {
            for (label, help, action) in entries {
                let button =
                    egui::Button::new(RichText::new(env.t(label)).size(15.0)).min_size(BUTTON);
                if ui.add(button).clicked() {
                    ctx.actions.push(action);
                }
                ui.label(RichText::new(env.t(help)).color(theme::MUTED));
                ui.end_row();
            }
        });
}

/// The recent files, newest first; a file that is gone is listed, greyed.
fn recent_ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    ui.label(RichText::new(env.t(s::RECENT)).strong().size(16.0));
    ui.add_space(theme::SECTION_GAP / 2.0);
    if ctx.recent.is_empty() {
        ui.label(RichText::new(env.t(s::NO_RECENT)).color(theme::MUTED));
        return;
    }
    egui::Grid::new("welcome-recent")
        .num_columns(2)
        .spacing([theme::SECTION_GAP, 4.0])
        .show(ui, |ui| {
            for path in ctx.recent {
                let exists = path.is_file();
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let r = ui
                    .add_enabled(
                        exists,
                        egui::Button::new(RichText::new(name).strong()).frame(false),
                    )
                    .on_hover_text(path.display().to_string());
                if r.clicked() {
                    ctx.actions.push(Action::OpenPath(path.clone()));
                }
                let folder = path
                    .parent()
                    .map(Path::display)
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                let note = if exists {
                    folder
                } else {
                    format!("{folder}{}", env.t(s::MISSING))
                };
                ui.label(RichText::new(note).color(theme::MUTED));
                ui.end_row();
            }
        });
}
