//! The results page.

use eframe::egui::Ui;

use super::PageCtx;
use crate::i18n::pages::results as s;

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    ui.heading(ctx.env.t(s::TITLE));
}

/// The compact live summary shown beside the wizard.
pub fn summary_ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let _ = (ui, ctx);
}
