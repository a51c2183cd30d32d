//! The desktop window (feature `gui`): a thin shell over the core.
//!
//! Pages are functions over a small [`pages::PageCtx`]; side effects go
//! through [`action::Action`] and run once after the frame; every colour
//! lives in [`theme`]; no page does I/O.

pub mod action;
pub mod app;
pub mod charts;
pub mod desk;
pub mod dialogs;
pub mod fonts;
pub mod import;
pub mod package_ui;
pub mod pages;
pub mod prefs;
pub mod screenshot;
pub mod session;
pub mod theme;
pub mod widgets;

use std::path::PathBuf;

use crate::i18n::Lang;

/// How the window is started.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// File to open (default: the bundled sample).
    pub file: Option<PathBuf>,
    /// Language for this run (default: the remembered choice, else Chinese).
    pub lang: Option<Lang>,
    /// Rule-pack folder overriding the bundled packs.
    pub rules_dir: Option<PathBuf>,
    /// Render once, write a PNG and exit.
    pub screenshot: Option<screenshot::Spec>,
    /// Open `file` in review mode (the answers read-only).
    pub review: bool,
}

/// The application icon, 256 px (the Windows exe carries the same drawing
/// as its resource icon; see `scripts/make-icon.sh`).
pub static ICON_PNG: &[u8] = include_bytes!("../../assets/icon/innocheck.png");

/// The window's icon (title bar, task bar, Alt+Tab); `None` leaves eframe's.
#[must_use]
pub fn icon() -> Option<eframe::egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

/// Opens the window; returns when it closes.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let size = launch
        .screenshot
        .as_ref()
        .map_or([1280.0, 800.0], |s| [s.width as f32, s.height as f32]);
    let mut viewport = eframe::egui::ViewportBuilder::default()
        .with_inner_size(size)
        .with_min_inner_size([800.0, 560.0])
        .with_title("innocheck")
        .with_app_id("innocheck");
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "innocheck",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            Ok(Box::new(app::App::new(
                &cc.egui_ctx,
                launch,
                prefs::DataDir::user(),
            )))
        }),
    );
    result.map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
