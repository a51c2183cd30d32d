//! Screenshot mode: render a page, wait until the layout has settled, write
//! the window's pixels as a PNG, and close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use eframe::egui::{ColorImage, Context};

/// What to capture.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Output PNG.
    pub out: PathBuf,
    /// Page to show.
    pub page: crate::gui::pages::Page,
    /// Window width in pixels.
    pub width: u32,
    /// Window height in pixels.
    pub height: u32,
}

/// Frames rendered before the capture (fonts, layout and plots settle).
const SETTLE_FRAMES: u32 = 6;

/// The capture in progress.
pub struct Capture {
    /// What to capture.
    pub spec: Spec,
    frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
    /// The outcome, once written (for the exit code).
    pub result: Arc<Mutex<Option<Result<(), String>>>>,
}

impl Capture {
    /// A capture of `spec`.
    #[must_use]
    pub fn new(spec: Spec) -> Capture {
        Capture {
            spec,
            frames: 0,
            requested: false,
            image: Arc::default(),
            result: Arc::default(),
        }
    }

    /// Advances one frame; returns `true` when done (the window may close).
    pub fn step(&mut self, ctx: &Context) -> bool {
        self.frames += 1;
        if self.frames < SETTLE_FRAMES {
            ctx.request_repaint();
            return false;
        }
        if !self.requested {
            self.requested = true;
            let slot = Arc::clone(&self.image);
            let waker = ctx.clone();
            ctx.request_screenshot(move |img| {
                if let Ok(mut s) = slot.lock() {
                    *s = Some(img);
                }
                waker.request_repaint();
            });
            ctx.request_repaint();
            return false;
        }
        let image = self.image.lock().ok().and_then(|mut s| s.take());
        if let Some(img) = image {
            let r = write_png(&self.spec.out, &img);
            if let Ok(mut slot) = self.result.lock() {
                *slot = Some(r);
            }
            true
        } else {
            ctx.request_repaint();
            false
        }
    }
}

/// Writes an RGBA image as PNG.
pub fn write_png(path: &std::path::Path, img: &ColorImage) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut enc = png::Encoder::new(
        std::io::BufWriter::new(file),
        img.size[0] as u32,
        img.size[1] as u32,
    );
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().map_err(|e| e.to_string())?;
    let bytes: Vec<u8> = img
        .pixels
        .iter()
        .flat_map(eframe::egui::Color32::to_srgba_unmultiplied)
        .collect();
    w.write_image_data(&bytes).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())
}
