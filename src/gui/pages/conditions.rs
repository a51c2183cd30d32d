//! The conditions step.

use eframe::egui::Ui;

use super::PageCtx;
use crate::i18n::pages::conditions as s;

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    ui.heading(ctx.env.t(s::TITLE));
}
