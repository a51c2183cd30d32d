//! Sections scrolled out of view are not laid out: each keeps the height it
//! had when last drawn, and that much room is taken instead. With every
//! section of the results page open (about a thousand), laying out only
//! what shows keeps a frame cheap.
//!
//! Only while no screen reader is attached: with AccessKit on, the
//! accessibility tree must hold the whole page, so everything is laid out.
//! A section whose height is not known yet, or that comes into view, is
//! drawn and its height noted again (a changed window width corrects itself
//! as the sections scroll in).

use std::hash::Hash;

use eframe::egui::{Rect, Ui, vec2};

/// Draws `add` in its own scope, or only takes its last height when that
/// rectangle is out of view. `key` names the section among its siblings.
pub fn section(ui: &mut Ui, key: impl Hash + std::fmt::Debug, add: impl FnOnce(&mut Ui)) {
    let id = ui.scope_id().with(("cull", key));
    // The parent `Ui` has its node already when AccessKit is on: asking for
    // it adds nothing to the tree.
    let reader = ui
        .ctx()
        .accesskit_node_builder(ui.unique_id(), |_| ())
        .is_some();
    let width = ui.available_width();
    let known: Option<(f32, f32)> = ui.data(|d| d.get_temp(id));
    if !reader
        && let Some((w, h)) = known
        && (w - width).abs() < 0.5
    {
        let rect = Rect::from_min_size(ui.cursor().min, vec2(width, h));
        if !ui.is_rect_visible(rect) {
            ui.allocate_space(vec2(width, h));
            return;
        }
    }
    let drawn = ui.scope(add).response.rect;
    ui.data_mut(|d| d.insert_temp(id, (width, drawn.height())));
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use eframe::egui::{self, Context, Pos2, RawInput, ScrollArea};

    use super::section;

    /// One frame of 200 sections of 5 lines in a 400-point high window
    /// scrolled to `offset`: how many sections were drawn, and the height of
    /// the content.
    fn frame(ctx: &Context, offset: f32) -> (usize, f32) {
        let drawn = Cell::new(0);
        let mut height = 0.0;
        let input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                Pos2::ZERO,
                egui::vec2(600.0, 400.0),
            )),
            ..Default::default()
        };
        let mut out = ctx.run_ui(input, |ui| {
            let out = ScrollArea::vertical()
                .id_salt("sections")
                .vertical_scroll_offset(offset)
                .show(ui, |ui| {
                    for k in 0..200 {
                        section(ui, k, |ui| {
                            drawn.set(drawn.get() + 1);
                            for line in 0..5 {
                                ui.label(format!("section {k} line {line}"));
                            }
                        });
                    }
                });
            height = out.content_size.y;
        });
        out.textures_delta.clear();
        (drawn.get(), height)
    }

    #[test]
    fn only_sections_in_view_are_laid_out_and_the_page_keeps_its_height() {
        let ctx = Context::default();
        let (first, full) = frame(&ctx, 0.0);
        assert_eq!(first, 200, "heights are learnt by drawing everything once");
        let (top, height) = frame(&ctx, 0.0);
        assert!(top < 20, "{top} sections drawn at the top");
        assert!((height - full).abs() < 0.5, "{height} vs {full}");
        let (bottom, height) = frame(&ctx, full - 400.0);
        assert!(bottom < 20, "{bottom} sections drawn at the bottom");
        assert!((height - full).abs() < 0.5, "{height} vs {full}");
    }

    #[test]
    fn with_a_screen_reader_everything_is_laid_out() {
        let ctx = Context::default();
        ctx.enable_accesskit();
        let _ = frame(&ctx, 0.0);
        let (drawn, _) = frame(&ctx, 0.0);
        assert_eq!(drawn, 200);
    }
}
