//! The package written (krilla): the own pages drawn from their operations,
//! attached PDF pages drawn as vector forms at their own size, pictures
//! placed on A4, the stamp over every page, the nested bookmarks and the
//! metadata of the summary (creation date from `SOURCE_DATE_EPOCH` only).

use krilla::configure::{ConfigurationBuilder, PdfVersion};
use krilla::geom::{Size, Transform};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::{Document, SerializeSettings};

use super::embed::Source;
use super::plan::{Entry, Kind, Page};
use crate::report::pdf::layout::Layout;
use crate::report::pdf::write::{Info, destination, draw_ops, failure, metadata, pdf_font};
use crate::report::{PdfFailure, ReportError};

/// Writes `pages` (own pages from `own`, attachments from `sources`, which
/// are consumed) with the bookmarks `outline`.
pub(super) fn write(
    pages: &[Page],
    own: &Layout,
    sources: Vec<Source>,
    outline: &[Entry],
    info: Info,
) -> Result<Vec<u8>, ReportError> {
    let font = pdf_font()?;
    // A PDF 2.0 attachment can only be embedded in a PDF 2.0 document.
    let v2 = sources
        .iter()
        .any(|s| matches!(s, Source::Pdf { v2: true, .. }));
    let mut doc = if v2 {
        let configuration = ConfigurationBuilder::new()
            .with_version(PdfVersion::Pdf20)
            .finish()
            .map_err(|_| ReportError::Pdf(PdfFailure::Other))?;
        Document::new_with(SerializeSettings {
            configuration,
            ..SerializeSettings::default()
        })
    } else {
        Document::new()
    };
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
            Kind::Pdf { src, page } => {
                if let (Some(Source::Pdf { doc, .. }), Some(size)) =
                    (sources.get(src), Size::from_wh(p.size.0, p.size.1))
                {
                    surface.draw_pdf_page(doc, size, page);
                }
            }
            Kind::Image { src, at } => {
                let (x, y, w, h) = at.rect;
                if let (Some(Source::Image { image, .. }), Some(size)) =
                    (sources.get(src), Size::from_wh(w, h))
                {
                    surface.push_transform(&Transform::from_translate(x, y));
                    surface.draw_image(image.clone(), size);
                    surface.pop();
                }
            }
        }
        draw_ops(&mut surface, own.m, &font, &p.stamp);
        surface.finish();
        page.finish();
    }
    // krilla keeps what it needs of each attachment; dropping our handles
    // lets an attached PDF's bytes go as soon as its pages are extracted,
    // before the whole file is assembled (a lower peak of memory).
    drop(sources);
    let mut tree = Outline::new();
    for e in outline {
        tree.push_child(node(e));
    }
    doc.set_outline(tree);
    doc.set_metadata(metadata(info));
    doc.finish().map_err(|e| ReportError::Pdf(failure(&e)))
}

fn node(e: &Entry) -> OutlineNode {
    let mut n = OutlineNode::new(e.title.clone(), destination(e.page, 0.0));
    for c in &e.children {
        n.push_child(node(c));
    }
    n
}
