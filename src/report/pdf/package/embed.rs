//! Attachments opened for embedding: a PDF parsed once, its pages' sizes
//! known, to be copied page by page as vector forms (`assemble.rs`); a JPEG
//! kept as its own bytes (copied into the package as it is, by krilla), a PNG
//! decoded once to check it and again by krilla when the package is written.

use hayro_syntax::page::Page;
use hayro_syntax::{LoadPdfError, Pdf, PdfVersion};
use krilla::Data;
use krilla::image::Image;

use super::check::{Kind, declares_encryption};
use super::error::Reason;
use super::orient::quarter_turn;

/// More pixels than this (about 26,000 × 26,000) is refused: no scan of a
/// page needs it, and decoding it would take gigabytes.
const MAX_PIXELS: u64 = 700_000_000;

/// An attachment ready to be drawn.
pub(super) enum Source {
    /// A PDF: the parsed document and the size of each page (points, as shown,
    /// rotation applied).
    Pdf {
        pdf: Pdf,
        sizes: Vec<(f32, f32)>,
        /// It is a PDF 2.0 file: the package must be written as PDF 2.0 too.
        v2: bool,
    },
    /// A picture, its size in pixels as shown, and its EXIF orientation
    /// (1–8; the stored pixels are turned when drawn).
    Image {
        image: Image,
        px: (u32, u32),
        orientation: u8,
    },
}

impl Source {
    /// Bytes of the attachment as held (the file, or the picture as placed).
    pub(super) fn len(&self) -> usize {
        match self {
            Source::Pdf { pdf, .. } => pdf.data().as_ref().len(),
            Source::Image { .. } => 0,
        }
    }

    /// Number of pages this attachment takes in the package.
    pub(super) fn pages(&self) -> usize {
        match self {
            Source::Pdf { sizes, .. } => sizes.len(),
            Source::Image { .. } => 1,
        }
    }
}

/// Opens `bytes` of kind `kind` for embedding, or says why it cannot be; a
/// picture is shown turned as `orientation` (EXIF, 1–8) says.
pub(super) fn open(kind: Kind, bytes: Vec<u8>, orientation: u8) -> Result<Source, Reason> {
    match kind {
        // The parser is young; should it panic on a hostile file, that file
        // is damaged like any other (as `storage::attachments` counts pages).
        Kind::Pdf => {
            std::panic::catch_unwind(move || open_pdf(bytes)).unwrap_or(Err(Reason::Damaged))
        }
        Kind::Jpeg | Kind::Png => {
            // krilla decodes a PNG only when the file is assembled, where a
            // damaged one could no longer be named: decode it once here.
            if kind == Kind::Png
                && image::load_from_memory_with_format(&bytes, image::ImageFormat::Png).is_err()
            {
                return Err(Reason::Damaged);
            }
            let data = Data::from(bytes);
            let image = if kind == Kind::Jpeg {
                Image::from_jpeg(data, true)
            } else {
                Image::from_png(data, true)
            }
            .map_err(|_| Reason::Damaged)?;
            let (w, h) = image.size();
            if w == 0 || h == 0 {
                return Err(Reason::Empty);
            }
            if u64::from(w) * u64::from(h) > MAX_PIXELS {
                return Err(Reason::TooManyPixels { w, h });
            }
            let px = if quarter_turn(orientation) {
                (h, w)
            } else {
                (w, h)
            };
            Ok(Source::Image {
                image,
                px,
                orientation,
            })
        }
    }
}

fn open_pdf(bytes: Vec<u8>) -> Result<Source, Reason> {
    if declares_encryption(&bytes) {
        return Err(Reason::Encrypted);
    }
    let pdf = Pdf::new(bytes).map_err(|e| match e {
        LoadPdfError::Decryption(_) => Reason::Encrypted,
        LoadPdfError::Invalid => Reason::Damaged,
    })?;
    let sizes: Vec<(f32, f32)> = pdf.pages().iter().map(Page::render_dimensions).collect();
    if sizes.is_empty() {
        return Err(Reason::Empty);
    }
    if sizes
        .iter()
        .any(|(w, h)| !(w.is_finite() && h.is_finite() && *w >= 1.0 && *h >= 1.0))
    {
        return Err(Reason::Damaged);
    }
    let v2 = pdf.version() >= PdfVersion::Pdf20;
    Ok(Source::Pdf { pdf, sizes, v2 })
}
