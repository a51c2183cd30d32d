//! The package's file put together: the pages krilla drew (own pages,
//! pictures, every page's stamp) and the attached PDFs' pages, each turned
//! into a form `XObject` by the PDF copier krilla itself uses (hayro-write),
//! one attachment at a time into one output buffer.
//!
//! Why not let krilla embed the attached pages: it copies each attachment's
//! objects into a chunk, renumbers them into a second one and assembles the
//! file in a third buffer, so a package held its attachments about three
//! times over. Here an attachment's bytes are let go as soon as its objects
//! are in the output, which then holds everything once.
//!
//! Each page of the package is a small page of its own: the attached page's
//! form (if any) underneath, the drawn page's form over it. Bookmarks, the
//! document information (title, creator, creation date from
//! `SOURCE_DATE_EPOCH`), the language and a file identifier derived from the
//! content are written here too, so the same input gives the same bytes.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro_syntax::Pdf;
use hayro_write::{ChunkSettings, ExtractionQuery, extract};
use pdf_writer::types::PageMode;
use pdf_writer::{Date, Finish, Name, Rect, Ref, TextStr};
use sha2::{Digest, Sha256};

use super::embed::Source;
use super::plan::{Entry, Kind, Page};
use crate::report::pdf::write::{Info, source_time};
use crate::report::{PdfFailure, ReportError};

/// Numbers the objects of the output, from 1.
struct Refs(i32);

impl Refs {
    fn bump(&mut self) -> Ref {
        let r = Ref::new(self.0);
        self.0 += 1;
        r
    }
}

/// Writes the package: `pages` in order, drawn in `frame` (one page of it
/// per package page, attached PDF pages left blank under their stamp),
/// attachments from `sources` (consumed one by one), bookmarks `outline`.
pub(super) fn assemble(
    pages: &[Page],
    frame: Vec<u8>,
    sources: Vec<Source>,
    outline: &[Entry],
    info: &Info,
    v2: bool,
) -> Result<Vec<u8>, ReportError> {
    let other = || ReportError::Pdf(PdfFailure::Other);
    let capacity = frame.len() + sources.iter().map(Source::len).sum::<usize>();
    let mut out = pdf_writer::Pdf::with_capacity(capacity + capacity / 16 + 4096);
    if v2 {
        out.set_version(2, 0);
    } else {
        out.set_version(1, 7);
    }
    let mut refs = Refs(1);
    let mut id = Sha256::new();
    id.update(&frame);

    let frame = Pdf::new(frame).map_err(|_| other())?;
    if frame.pages().len() != pages.len() {
        return Err(other());
    }
    let drawn = forms(&frame, &mut refs, &mut out, &mut id)?;
    drop(frame);

    // The attached PDFs' pages, each attachment's bytes dropped once copied.
    let mut attached: Vec<Vec<Ref>> = Vec::with_capacity(sources.len());
    for source in sources {
        attached.push(match source {
            Source::Pdf { pdf, .. } => forms(&pdf, &mut refs, &mut out, &mut id)?,
            Source::Image { .. } => Vec::new(),
        });
    }

    let tree = refs.bump();
    let page_refs: Vec<Ref> = pages.iter().map(|_| refs.bump()).collect();
    for (i, p) in pages.iter().enumerate() {
        let (w, h) = p.size;
        let under = match p.kind {
            Kind::Pdf { src, page } => attached.get(src).and_then(|f| f.get(page)).copied(),
            Kind::Own(_) | Kind::Image { .. } => None,
        };
        let over = *drawn.get(i).ok_or_else(other)?;
        let content_ref = refs.bump();
        let content: &[u8] = if under.is_some() {
            b"q /A Do Q q /F Do Q"
        } else {
            b"q /F Do Q"
        };
        out.stream(content_ref, content);
        let mut page = out.page(page_refs[i]);
        page.media_box(Rect::new(0.0, 0.0, w, h))
            .parent(tree)
            .contents(content_ref);
        let mut resources = page.resources();
        let mut x = resources.x_objects();
        if let Some(a) = under {
            x.pair(Name(b"A"), a);
        }
        x.pair(Name(b"F"), over);
        x.finish();
        resources.finish();
        page.finish();
    }
    out.pages(tree)
        .kids(page_refs.iter().copied())
        .count(i32::try_from(pages.len()).map_err(|_| other())?);

    let outline_ref = refs.bump();
    let heights: Vec<f32> = pages.iter().map(|p| p.size.1).collect();
    let (first, last, count) = items(
        &mut out,
        &mut refs,
        outline,
        outline_ref,
        &page_refs,
        &heights,
    );
    let mut root = out.outline(outline_ref);
    if let (Some(first), Some(last)) = (first, last) {
        root.first(first).last(last).count(count);
    }
    root.finish();

    let info_ref = refs.bump();
    let mut doc_info = out.document_info(info_ref);
    doc_info
        .title(TextStr(&info.title))
        .creator(TextStr(&info.creator));
    if let Some(t) = source_time() {
        doc_info.creation_date(date(&t));
    }
    doc_info.finish();

    let catalog = refs.bump();
    out.catalog(catalog)
        .pages(tree)
        .outlines(outline_ref)
        .page_mode(PageMode::UseOutlines)
        .lang(TextStr(info.language));
    let id = id.finalize();
    let hex: Vec<u8> = id[..16]
        .iter()
        .flat_map(|b| format!("{b:02X}").into_bytes())
        .collect();
    out.set_file_id((hex.clone(), hex));
    Ok(out.finish())
}

/// Copies every page of `pdf` into `out` as a form `XObject` (and what it
/// needs: fonts, images, …, each once); their references in page order.
fn forms(
    pdf: &Pdf,
    refs: &mut Refs,
    out: &mut pdf_writer::Pdf,
    id: &mut Sha256,
) -> Result<Vec<Ref>, ReportError> {
    let other = || ReportError::Pdf(PdfFailure::Other);
    let queries: Vec<ExtractionQuery> = (0..pdf.pages().len())
        .map(ExtractionQuery::new_xobject)
        .collect();
    // The copier is young; should it panic on a hostile file (already read
    // once when the attachment was opened), the package fails cleanly.
    let result = catch_unwind(AssertUnwindSafe(|| {
        extract(
            pdf,
            Box::new(|| refs.bump()),
            ChunkSettings::default(),
            |_| {},
            &queries,
        )
    }))
    .map_err(|_| other())?
    .map_err(|_| other())?;
    let bytes = result.chunk.as_bytes();
    // The file identifier: the drawn pages in full, and of each copied
    // attachment its size and first 64 KiB (hashing all of it again would
    // cost a third of a second per 100 MB; the content was checked against
    // its recorded SHA-256 when read).
    id.update((bytes.len() as u64).to_le_bytes());
    id.update(&bytes[..bytes.len().min(64 * 1024)]);
    out.extend(&result.chunk);
    result
        .root_refs
        .into_iter()
        .map(|r| r.map_err(|_| other()))
        .collect()
}

/// Writes the bookmarks `entries` under `parent`; their first and last
/// reference and how many are shown (all open).
fn items(
    out: &mut pdf_writer::Pdf,
    refs: &mut Refs,
    entries: &[Entry],
    parent: Ref,
    pages: &[Ref],
    heights: &[f32],
) -> (Option<Ref>, Option<Ref>, i32) {
    let own: Vec<Ref> = entries.iter().map(|_| refs.bump()).collect();
    let mut shown = 0;
    for (k, e) in entries.iter().enumerate() {
        let (first, last, below) = items(out, refs, &e.children, own[k], pages, heights);
        shown += 1 + below;
        let mut item = out.outline_item(own[k]);
        item.title(TextStr(&e.title)).parent(parent);
        if k > 0 {
            item.prev(own[k - 1]);
        }
        if let Some(next) = own.get(k + 1) {
            item.next(*next);
        }
        if let (Some(first), Some(last)) = (first, last) {
            item.first(first).last(last).count(below);
        }
        if let Some(page) = pages.get(e.page) {
            let top = heights.get(e.page).copied().unwrap_or(0.0);
            item.dest().page(*page).xyz(0.0, top, None);
        }
        item.finish();
    }
    (own.first().copied(), own.last().copied(), shown)
}

/// A PDF date in UTC.
fn date(t: &chrono::DateTime<chrono::Utc>) -> Date {
    use chrono::{Datelike, Timelike};
    Date::new(u16::try_from(t.year()).unwrap_or(0))
        .month(t.month() as u8)
        .day(t.day() as u8)
        .hour(t.hour() as u8)
        .minute(t.minute() as u8)
        .second(t.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}
