//! A photo's EXIF orientation: a phone stores the pixels as the sensor read
//! them and a tag saying how to turn them (a portrait certificate shot with
//! the phone upright is stored landscape with orientation 6). The package
//! shows the picture as the camera app did.

/// The EXIF orientation (1–8) of a JPEG, 1 (as stored) when it has none or
/// the tag cannot be read.
pub(super) fn jpeg_orientation(bytes: &[u8]) -> u8 {
    exif_of(bytes).and_then(orientation_in).unwrap_or(1)
}

/// Whether orientation `o` swaps width and height (5–8: a quarter turn).
pub(super) fn quarter_turn(o: u8) -> bool {
    matches!(o, 5..=8)
}

/// The transform (`sx, ky, kx, sy, tx, ty`: x' = sx·u + kx·v + tx,
/// y' = ky·u + sy·v + ty, y downwards) that draws the stored picture into a
/// `w` × `h` box as orientation `o` says; the stored picture is drawn
/// `w` × `h`, or `h` × `w` for a quarter turn.
pub(super) fn transform(o: u8, w: f32, h: f32) -> [f32; 6] {
    match o {
        2 => [-1.0, 0.0, 0.0, 1.0, w, 0.0],  // mirrored left–right
        3 => [-1.0, 0.0, 0.0, -1.0, w, h],   // half turn
        4 => [1.0, 0.0, 0.0, -1.0, 0.0, h],  // mirrored top–bottom
        5 => [0.0, 1.0, 1.0, 0.0, 0.0, 0.0], // transposed
        6 => [0.0, 1.0, -1.0, 0.0, w, 0.0],  // quarter turn clockwise
        7 => [0.0, -1.0, -1.0, 0.0, w, h],   // transversed
        8 => [0.0, -1.0, 1.0, 0.0, 0.0, h],  // quarter turn anticlockwise
        _ => [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
    }
}

/// The TIFF data of a JPEG's APP1 `Exif` segment, among the segments before
/// the image data.
fn exif_of(bytes: &[u8]) -> Option<&[u8]> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1; // fill byte
            continue;
        }
        // Start of scan or end of image: no more metadata segments.
        if marker == 0xDA || marker == 0xD9 {
            return None;
        }
        let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        let body = bytes.get(at + 4..at + 2 + len)?;
        if marker == 0xE1
            && let Some(tiff) = body.strip_prefix(b"Exif\0\0")
        {
            return Some(tiff);
        }
        at += 2 + len;
    }
    None
}

/// Tag 0x0112 of the first image file directory of `tiff`.
fn orientation_in(tiff: &[u8]) -> Option<u8> {
    let big = match tiff.get(..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let u16_at = |i: usize| -> Option<u16> {
        let b = tiff.get(i..i + 2)?;
        Some(if big {
            u16::from_be_bytes([b[0], b[1]])
        } else {
            u16::from_le_bytes([b[0], b[1]])
        })
    };
    let u32_at = |i: usize| -> Option<u32> {
        let b = tiff.get(i..i + 4)?;
        Some(if big {
            u32::from_be_bytes([b[0], b[1], b[2], b[3]])
        } else {
            u32::from_le_bytes([b[0], b[1], b[2], b[3]])
        })
    };
    if u16_at(2)? != 42 {
        return None;
    }
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    (0..count).find_map(|k| {
        let entry = ifd + 2 + 12 * k;
        // Type 3 (SHORT), one value, held in the entry itself.
        (u16_at(entry)? == 0x0112 && u16_at(entry + 2)? == 3)
            .then(|| u16_at(entry + 8))
            .flatten()
            .and_then(|v| u8::try_from(v).ok())
            .filter(|v| (1..=8).contains(v))
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// An APP1 segment holding only the orientation tag `o`.
    pub(crate) fn app1(o: u16, big: bool) -> Vec<u8> {
        let w16 = |v: u16| {
            if big {
                v.to_be_bytes()
            } else {
                v.to_le_bytes()
            }
        };
        let w32 = |v: u32| {
            if big {
                v.to_be_bytes()
            } else {
                v.to_le_bytes()
            }
        };
        let mut tiff = Vec::new();
        tiff.extend(if big { b"MM" } else { b"II" });
        tiff.extend(w16(42));
        tiff.extend(w32(8));
        tiff.extend(w16(1));
        tiff.extend(w16(0x0112));
        tiff.extend(w16(3));
        tiff.extend(w32(1));
        tiff.extend(w16(o));
        tiff.extend([0, 0]);
        tiff.extend(w32(0));
        let mut seg = vec![0xFF, 0xE1];
        let len = u16::try_from(2 + 6 + tiff.len()).expect("small");
        seg.extend(len.to_be_bytes());
        seg.extend(b"Exif\0\0");
        seg.extend(tiff);
        seg
    }

    fn jpeg_with(o: u16, big: bool) -> Vec<u8> {
        let mut j = vec![0xFF, 0xD8];
        // A JFIF segment first, as most cameras write.
        j.extend([0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46]);
        j.extend(app1(o, big));
        j.extend([0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]);
        j
    }

    #[test]
    fn the_orientation_tag_is_read_in_both_byte_orders() {
        for o in 1..=8 {
            assert_eq!(jpeg_orientation(&jpeg_with(o, true)), o as u8);
            assert_eq!(jpeg_orientation(&jpeg_with(o, false)), o as u8);
        }
        assert_eq!(jpeg_orientation(&jpeg_with(9, true)), 1);
        assert_eq!(jpeg_orientation(b"\xFF\xD8\xFF\xDA"), 1);
        assert_eq!(jpeg_orientation(b"not a jpeg"), 1);
        // Cut anywhere, never a panic.
        let j = jpeg_with(6, false);
        for n in 0..j.len() {
            let _ = jpeg_orientation(&j[..n]);
        }
    }

    /// Where the stored picture's corners land in the box.
    fn corners(o: u8, w: f32, h: f32) -> [(f32, f32); 3] {
        let [sx, ky, kx, sy, tx, ty] = transform(o, w, h);
        let (sw, sh) = if quarter_turn(o) { (h, w) } else { (w, h) };
        let at = |u: f32, v: f32| (sx * u + kx * v + tx, ky * u + sy * v + ty);
        // Stored top-left, top-right, bottom-left.
        [at(0.0, 0.0), at(sw, 0.0), at(0.0, sh)]
    }

    #[test]
    fn each_orientation_puts_the_stored_corners_where_exif_says() {
        let (w, h) = (30.0, 50.0);
        // EXIF: where the stored first row and first column go.
        assert_eq!(corners(1, w, h), [(0.0, 0.0), (w, 0.0), (0.0, h)]);
        assert_eq!(corners(2, w, h), [(w, 0.0), (0.0, 0.0), (w, h)]);
        assert_eq!(corners(3, w, h), [(w, h), (0.0, h), (w, 0.0)]);
        assert_eq!(corners(4, w, h), [(0.0, h), (w, h), (0.0, 0.0)]);
        // 6: the stored top row becomes the right column, top to bottom.
        assert_eq!(corners(6, w, h), [(w, 0.0), (w, h), (0.0, 0.0)]);
        // 8: the stored top row becomes the left column, bottom to top.
        assert_eq!(corners(8, w, h), [(0.0, h), (0.0, 0.0), (w, h)]);
        assert_eq!(corners(5, w, h), [(0.0, 0.0), (0.0, h), (w, 0.0)]);
        assert_eq!(corners(7, w, h), [(w, h), (w, 0.0), (0.0, h)]);
    }
}
