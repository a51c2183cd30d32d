//! The package's pages drawn (krilla): the own pages from their operations,
//! pictures placed on A4, the stamp over every page; an attached PDF's page
//! is left blank under its stamp here and put underneath when the file is
//! assembled (`assemble.rs`), with the bookmarks and the document information.

use krilla::Document;
use krilla::geom::{Size, Transform};
use krilla::page::PageSettings;

use super::assemble::assemble;
use super::embed::Source;
use super::orient::{quarter_turn, transform};
use super::plan::{Entry, Kind, Page};
use crate::report::pdf::layout::Layout;
use crate::report::pdf::write::{Info, draw_ops, failure, pdf_font};
use crate::report::{PdfFailure, ReportError};

/// Writes `pages` (own pages from `own`, attachments from `sources`, which
/// are consumed) with the bookmarks `outline`: the drawn pages first, then
/// the file assembled with the attached PDFs' pages.
pub(super) fn write(
    pages: &[Page],
    own: &Layout,
    sources: Vec<Source>,
    outline: &[Entry],
    info: &Info,
) -> Result<Vec<u8>, ReportError> {
    let font = pdf_font()?;
    // A PDF 2.0 attachment can only be embedded in a PDF 2.0 document.
    // (The drawn pages are an intermediate PDF 1.7 of krilla's.)
    let v2 = sources
        .iter()
        .any(|s| matches!(s, Source::Pdf { v2: true, .. }));
    let mut doc = Document::new();
    for p in pages {
        let settings = PageSettings::from_wh(p.size.0, p.size.1)
            .ok_or(ReportError::Pdf(PdfFailure::PageSize))?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        match p.kind {
            Kind::Own(i) => {
                if let Some(ops) = own.pages.get(i) {
                    draw_ops(&mut surface, own.m, &font, ops);
                }
            }
            // Drawn underneath when the file is assembled.
            Kind::Pdf { .. } => {}
            Kind::Image { src, at } => {
                let (x, y, w, h) = at.rect;
                if let Some(Source::Image {
                    image, orientation, ..
                }) = sources.get(src)
                {
                    // The stored picture, turned into the w × h box.
                    let stored = if quarter_turn(*orientation) {
                        Size::from_wh(h, w)
                    } else {
                        Size::from_wh(w, h)
                    };
                    if let Some(size) = stored {
                        let [sx, ky, kx, sy, tx, ty] = transform(*orientation, w, h);
                        surface.push_transform(&Transform::from_translate(x, y));
                        surface.push_transform(&Transform::from_row(sx, ky, kx, sy, tx, ty));
                        surface.draw_image(image.clone(), size);
                        surface.pop();
                        surface.pop();
                    }
                }
            }
        }
        draw_ops(&mut surface, own.m, &font, &p.stamp);
        surface.finish();
        page.finish();
    }
    let frame = doc.finish().map_err(|e| ReportError::Pdf(failure(&e)))?;
    assemble(pages, frame, sources, outline, info, v2)
}
