//! The bundled font as the layout sees it: a glyph id and an advance width
//! per character, read from the font's `cmap` and `hmtx` tables with skrifa
//! (the parser krilla itself uses).
//!
//! Measuring and drawing share these numbers: the writer hands krilla the
//! very glyph ids and advances the line breaker measured, so what is measured
//! is what is drawn. The PDF font object itself belongs to the writer
//! (`write.rs`); nothing here knows about PDF.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use skrifa_krilla::charmap::Charmap;
use skrifa_krilla::instance::{LocationRef, Size};
use skrifa_krilla::metrics::GlyphMetrics;
use skrifa_krilla::raw::TableProvider;
use skrifa_krilla::{FontRef, GlyphId as SkGlyphId, MetadataProvider};

use crate::font::{self, FONT};
use crate::report::ReportError;

/// Glyph lookup and measuring on the bundled font.
pub(super) struct Metrics {
    charmap: Charmap<'static>,
    advances: GlyphMetrics<'static>,
    upem: f32,
    /// Glyph id and advance per BMP character, filled on first use: bit 31
    /// "known", bits 16–30 the advance in font units, bits 0–15 the glyph id.
    cache: Box<[AtomicU32]>,
}

/// The parsed font, shared by every render in the process.
pub(super) fn metrics() -> Result<&'static Metrics, ReportError> {
    static METRICS: OnceLock<Option<Metrics>> = OnceLock::new();
    METRICS
        .get_or_init(|| {
            let font = FontRef::new(FONT).ok()?;
            let advances = font.glyph_metrics(Size::unscaled(), LocationRef::default());
            let upem = f32::from(font.head().ok()?.units_per_em());
            Some(Metrics {
                charmap: font.charmap(),
                advances,
                upem,
                cache: (0..=0xFFFF).map(|_| AtomicU32::new(0)).collect(),
            })
        })
        .as_ref()
        .ok_or(ReportError::Font)
}

impl Metrics {
    /// Glyph id and advance (in em) of `c`; `.notdef` when the font lacks it.
    pub(super) fn glyph(&self, c: char) -> (u32, f32) {
        const KNOWN: u32 = 1 << 31;
        let slot = self.cache.get(c as usize);
        if let Some(v) = slot.map(|s| s.load(Ordering::Relaxed))
            && v & KNOWN != 0
        {
            return (v & 0xFFFF, ((v >> 16) & 0x7FFF) as f32 / self.upem);
        }
        let id = self
            .charmap
            .map(font::substitute(c))
            .unwrap_or(SkGlyphId::NOTDEF);
        let adv = self.advances.advance_width(id).unwrap_or(0.0);
        let (gid, units) = (id.to_u32(), adv.round());
        if let Some(slot) = slot
            && gid <= 0xFFFF
            && (0.0..=32767.0).contains(&units)
            && units == adv
        {
            slot.store(KNOWN | (units as u32) << 16 | gid, Ordering::Relaxed);
        }
        (gid, adv / self.upem)
    }

    /// Width of `s` at `size` points.
    pub(super) fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }
}
