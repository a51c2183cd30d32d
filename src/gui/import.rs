//! 文件 → 从 Excel 导入…: the list of cells an import could not read.

use eframe::egui::{self, Context, RichText};

use crate::gui::theme;
use crate::i18n::{Lang, common, workbook};

/// Shows the cells the last import could not read (sheet, cell, reason),
/// until closed; `problems` is cleared then.
pub fn problems_modal(ctx: &Context, lang: Lang, problems: &mut Option<Vec<String>>) {
    let Some(list) = problems.as_ref() else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("import-problems")).show(ctx, |ui| {
        ui.set_width(ctx.content_rect().width().clamp(320.0, 720.0) - 80.0);
        ui.heading(RichText::new(lang.t(workbook::PROBLEMS_TITLE)).color(theme::WARNING_TEXT));
        ui.label(RichText::new(lang.t(workbook::PROBLEMS_HELP)).color(theme::MUTED));
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.6)
            .show(ui, |ui| {
                for line in list {
                    ui.label(line);
                }
            });
        ui.add_space(6.0);
        if ui.button(lang.t(common::CLOSE)).clicked() {
            close = true;
        }
    });
    if close {
        *problems = None;
    }
}
