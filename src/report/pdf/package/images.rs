//! Scans on A4: the page turned to the picture's orientation, the picture
//! as large as the margins allow at its own aspect ratio, and, with
//! `--max-dpi`, shrunk to that resolution at the size it is printed.

use std::io::Cursor;

use image::ImageFormat;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;

use super::check::Kind;
use super::error::Reason;
use crate::report::pdf::layout::{PAGE_H, PAGE_W};

/// Margin around a scan (points); the bottom one leaves room for the page stamp.
const SIDE: f32 = 28.0;
/// Bottom margin under a scan: the page stamp sits there.
const FOOT: f32 = 40.0;
/// Quality of a JPEG re-encoded after shrinking.
const JPEG_QUALITY: u8 = 88;

/// A scan's place: the page size and the picture's rectangle (x, y, w, h;
/// points, origin top-left).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Placement {
    /// Page width and height.
    pub(super) page: (f32, f32),
    /// Left, top, width and height of the picture.
    pub(super) rect: (f32, f32, f32, f32),
}

/// Where a picture of `px` pixels goes: on A4 portrait, or landscape when it
/// is wider than tall, as large as fits, centred.
pub(super) fn place(px: (u32, u32)) -> Placement {
    let (w, h) = (px.0.max(1) as f32, px.1.max(1) as f32);
    let page = if w > h {
        (PAGE_H, PAGE_W)
    } else {
        (PAGE_W, PAGE_H)
    };
    let (room_w, room_h) = (page.0 - 2.0 * SIDE, page.1 - SIDE - FOOT);
    let scale = (room_w / w).min(room_h / h);
    let (dw, dh) = (w * scale, h * scale);
    let x = (page.0 - dw) / 2.0;
    let y = SIDE + (room_h - dh) / 2.0;
    Placement {
        page,
        rect: (x, y, dw, dh),
    }
}

/// The resolution of a picture `px_w` pixels wide printed `width_pt` points wide.
pub(super) fn dpi(px_w: u32, width_pt: f32) -> f32 {
    px_w as f32 / (width_pt / 72.0)
}

/// The picture `bytes` shrunk to `max_dpi` at the width `width_pt` it is
/// printed, re-encoded in its own format (JPEG at quality 88, PNG lossless);
/// `None` when it is not finer than that already.
pub(super) fn shrink(
    kind: Kind,
    bytes: &[u8],
    px: (u32, u32),
    width_pt: f32,
    max_dpi: u32,
) -> Option<Result<Vec<u8>, Reason>> {
    if max_dpi == 0 || dpi(px.0, width_pt) <= max_dpi as f32 + 0.5 {
        return None;
    }
    let format = match kind {
        Kind::Jpeg => ImageFormat::Jpeg,
        Kind::Png => ImageFormat::Png,
        Kind::Pdf => return None,
    };
    let target_w = ((width_pt / 72.0) * max_dpi as f32).round().max(1.0);
    let target_h = (target_w * px.1 as f32 / px.0.max(1) as f32)
        .round()
        .max(1.0);
    Some((|| {
        let img =
            image::load_from_memory_with_format(bytes, format).map_err(|_| Reason::Damaged)?;
        let small = img.resize_exact(target_w as u32, target_h as u32, FilterType::Triangle);
        let mut out = Cursor::new(Vec::new());
        match kind {
            Kind::Jpeg => {
                // JPEG has no alpha: grey stays grey, anything else becomes RGB.
                let enc = JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
                if small.color().has_color() {
                    small.to_rgb8().write_with_encoder(enc)
                } else {
                    small.to_luma8().write_with_encoder(enc)
                }
            }
            _ => small.write_to(&mut out, ImageFormat::Png),
        }
        .map_err(|_| Reason::Damaged)?;
        Ok(out.into_inner())
    })())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_keep_their_aspect_ratio_and_turn_the_page() {
        let tall = place((1240, 1754));
        assert_eq!(tall.page, (PAGE_W, PAGE_H));
        let (_, _, w, h) = tall.rect;
        assert!((w / h - 1240.0 / 1754.0).abs() < 1e-3);
        let wide = place((3000, 1000));
        assert_eq!(wide.page, (PAGE_H, PAGE_W));
        let (x, y, w, h) = wide.rect;
        assert!((w / h - 3.0).abs() < 1e-3);
        assert!(x >= SIDE - 0.01 && x + w <= PAGE_H - SIDE + 0.01);
        assert!(y >= SIDE - 0.01 && y + h <= PAGE_W - FOOT + 0.01);
    }

    #[test]
    fn only_finer_pictures_are_shrunk() {
        assert!(shrink(Kind::Jpeg, &[], (600, 800), 539.0, 150).is_none());
        assert!(shrink(Kind::Jpeg, &[], (6000, 8000), 539.0, 0).is_none());
        assert!(matches!(
            shrink(Kind::Png, b"not a png", (6000, 8000), 539.0, 150),
            Some(Err(Reason::Damaged))
        ));
    }
}
