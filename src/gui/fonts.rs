//! The bundled CJK font: Noto Sans CJK SC (SIL OFL 1.1), subset to every CJK
//! Unified Ideograph and the punctuation the texts use (see assets/fonts/).
//! It is appended after egui's Latin defaults, and no system font is ever
//! consulted, so rendering is the same on every machine.

use std::sync::Arc;

use eframe::egui::{Context, FontData, FontDefinitions, FontFamily};

/// The subset font file (the one copy in the binary, shared with the PDF writer).
pub use crate::font::FONT as CJK_FONT;

/// Name of the font in egui's font table.
pub const CJK_FONT_NAME: &str = "noto_sans_cjk_sc";

/// Font definitions: egui's defaults plus the CJK font as fallback.
#[must_use]
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT_NAME.to_owned());
    }
    fonts
}

/// Installs the fonts in `ctx`.
pub fn install(ctx: &Context) {
    ctx.set_fonts(definitions());
}
