//! The writer: the laid-out pages, as drawing operations, turned into krilla
//! calls. The only file that knows the PDF crate.
//!
//! Text is drawn with the glyph ids and advances the layout measured, each
//! glyph mapped back to its characters so the text stays extractable. Runs of
//! adjacent rectangles and lines with the same pen are drawn as one path.
//! The document carries the section bookmarks, a title, a language and the
//! creator; the creation date is taken from `SOURCE_DATE_EPOCH` when it is
//! set and omitted otherwise, so the same input gives the same bytes.

use std::sync::OnceLock;

use chrono::{Datelike, Timelike};
use krilla::Document;
use krilla::color::{luma, rgb};
use krilla::destination::XyzDestination;
use krilla::geom::{Path, PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Paint, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::font::Metrics;
use super::layout::{Ink, Layout, Op, PAGE_H, PAGE_W};
use crate::font::FONT;
use crate::report::{PdfFailure, ReportError};

/// What the document says about itself.
pub(super) struct Info {
    /// The title shown by viewers.
    pub(super) title: String,
    /// The language tag of the text (`zh-CN`, `en`).
    pub(super) language: &'static str,
    /// The program that made it.
    pub(super) creator: String,
}

/// Writes the pages and bookmarks of `d` as a PDF.
pub(super) fn write(d: &Layout, info: Info) -> Result<Vec<u8>, ReportError> {
    let font = pdf_font()?;
    let mut doc = Document::new();
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(ReportError::Pdf(PdfFailure::PageSize))?;
    for ops in &d.pages {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        draw_ops(&mut surface, d.m, &font, ops);
        surface.finish();
        page.finish();
    }
    let mut outline = Outline::new();
    for mk in &d.marks {
        outline.push_child(OutlineNode::new(
            mk.title.clone(),
            destination(mk.page, mk.y),
        ));
    }
    doc.set_outline(outline);
    doc.set_metadata(metadata(info));
    doc.finish().map_err(|e| ReportError::Pdf(failure(&e)))
}

/// Where a bookmark to `y` on page `page` (from 0) takes the reader: a
/// little above the heading.
pub(super) fn destination(page: usize, y: f32) -> XyzDestination {
    XyzDestination::new(page, Point::from_xy(0.0, (y - 12.0).max(0.0)))
}

/// The document's title, language, creator and, with `SOURCE_DATE_EPOCH`
/// set, its creation date.
pub(super) fn metadata(info: Info) -> Metadata {
    let meta = Metadata::new()
        .title(info.title)
        .language(info.language.to_string())
        .creator(info.creator);
    match source_date() {
        Some(date) => meta.creation_date(date),
        None => meta,
    }
}

/// Draws the operations `ops` of one page on `surface`, adjacent shapes
/// with the same pen as one path.
pub(super) fn draw_ops(surface: &mut Surface, m: &Metrics, font: &Font, ops: &[Op]) {
    let mut batch = Batch::new();
    for op in ops {
        if let Some(pen) = pen_of(op) {
            batch.push(surface, pen, op);
        } else {
            batch.flush(surface);
            draw(surface, m, font, op);
        }
    }
    batch.flush(surface);
}

/// What kind of failure a krilla error is (its own text is not shown).
pub(super) fn failure(e: &krilla::error::KrillaError) -> PdfFailure {
    use krilla::error::KrillaError as K;
    match e {
        K::Font(..) => PdfFailure::Font,
        K::Limit(_) => PdfFailure::Limit,
        _ => PdfFailure::Other,
    }
}

/// The krilla font object of the bundled font (cheap to clone).
pub(super) fn pdf_font() -> Result<Font, ReportError> {
    static FONT_OBJ: OnceLock<Option<Font>> = OnceLock::new();
    FONT_OBJ
        .get_or_init(|| Font::new(krilla::Data::from(FONT), 0))
        .clone()
        .ok_or(ReportError::Font)
}

/// The glyphs krilla draws for `s`, each mapped back to its characters
/// (so text extraction gives `s` back).
fn glyphs(m: &Metrics, s: &str) -> Vec<KrillaGlyph> {
    s.char_indices()
        .map(|(i, c)| {
            let (id, adv) = m.glyph(c);
            KrillaGlyph::new(
                GlyphId::new(id),
                adv,
                0.0,
                0.0,
                0.0,
                i..i + c.len_utf8(),
                None,
            )
        })
        .collect()
}

fn paint(ink: Ink) -> Paint {
    match ink {
        Ink::Grey(l) => luma::Color::new(l).into(),
        Ink::Rgb(r, g, b) => rgb::Color::new(r, g, b).into(),
    }
}

fn fill_of(ink: Ink) -> Fill {
    Fill {
        paint: paint(ink),
        ..Fill::default()
    }
}

fn stroke_of(ink: Ink, width: f32, dashed: bool) -> Stroke {
    Stroke {
        paint: paint(ink),
        width,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Miter,
        dash: dashed.then(|| StrokeDash {
            array: vec![3.0, 2.2],
            offset: 0.0,
        }),
        ..Stroke::default()
    }
}

fn rect_path(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
    let mut pb = PathBuilder::new();
    pb.push_rect(Rect::from_xywh(x, y, w.max(0.01), h.max(0.01))?);
    pb.finish()
}

/// How a run of adjacent shapes is painted: only fill or only stroke, so
/// drawing them as one path looks exactly like drawing them one by one.
#[derive(Clone, Copy, PartialEq)]
enum Pen {
    /// Filled with one colour.
    Fill(Ink),
    /// Stroked with one colour, width and dash.
    Stroke(Ink, f32, bool),
}

/// The pen of `op` when it can join a run drawn as one path: rectangles and
/// lines (table grids, bars, rules) that are either filled or stroked.
fn pen_of(op: &Op) -> Option<Pen> {
    match op {
        Op::Rect {
            fill: Some(ink),
            stroke: None,
            ..
        } => Some(Pen::Fill(*ink)),
        Op::Rect {
            fill: None,
            stroke: Some((ink, w)),
            ..
        } => Some(Pen::Stroke(*ink, *w, false)),
        Op::Line {
            ink, width, dashed, ..
        } => Some(Pen::Stroke(*ink, *width, *dashed)),
        _ => None,
    }
}

/// Adjacent shapes with the same pen, collected into one path: a table row's
/// outline and column rules become one path instead of one per cell, which
/// keeps the page content (and the time to write and compress it) small.
struct Batch {
    pen: Option<Pen>,
    path: PathBuilder,
}

impl Batch {
    fn new() -> Self {
        Self {
            pen: None,
            path: PathBuilder::new(),
        }
    }

    /// Adds `op` (whose pen is `pen`), drawing the run so far first if its pen differs.
    fn push(&mut self, surface: &mut Surface, pen: Pen, op: &Op) {
        if self.pen != Some(pen) {
            self.flush(surface);
            self.pen = Some(pen);
        }
        match op {
            Op::Rect { x, y, w, h, .. } => {
                if let Some(r) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) {
                    self.path.push_rect(r);
                }
            }
            Op::Line { from, to, .. } => {
                self.path.move_to(from.0, from.1);
                self.path.line_to(to.0, to.1);
            }
            _ => {}
        }
    }

    /// Draws the collected run, if any.
    fn flush(&mut self, surface: &mut Surface) {
        let path = std::mem::replace(&mut self.path, PathBuilder::new()).finish();
        if let (Some(pen), Some(path)) = (self.pen.take(), path) {
            match pen {
                Pen::Fill(ink) => {
                    surface.set_fill(Some(fill_of(ink)));
                    surface.set_stroke(None);
                }
                Pen::Stroke(ink, width, dashed) => {
                    surface.set_fill(None);
                    surface.set_stroke(Some(stroke_of(ink, width, dashed)));
                }
            }
            surface.draw_path(&path);
        }
    }
}

fn draw(surface: &mut Surface, m: &Metrics, font: &Font, op: &Op) {
    match op {
        Op::Text { x, y, style, text } => {
            let glyphs = glyphs(m, text);
            surface.set_fill(Some(fill_of(style.ink)));
            surface.set_stroke(style.bold.then(|| Stroke {
                paint: paint(style.ink),
                width: style.size * 0.032,
                line_join: LineJoin::Round,
                ..Stroke::default()
            }));
            surface.draw_glyphs(
                Point::from_xy(*x, *y),
                &glyphs,
                font.clone(),
                text,
                style.size,
                false,
            );
        }
        Op::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            if fill.is_none() && stroke.is_none() {
                return;
            }
            if let Some(path) = rect_path(*x, *y, *w, *h) {
                surface.set_fill(fill.map(fill_of));
                surface.set_stroke(stroke.map(|(ink, w)| stroke_of(ink, w, false)));
                surface.draw_path(&path);
            }
        }
        Op::Line {
            from,
            to,
            ink,
            width,
            dashed,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(from.0, from.1);
            pb.line_to(to.0, to.1);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke_of(*ink, *width, *dashed)));
                surface.draw_path(&path);
            }
        }
        Op::Polygon {
            points,
            fill,
            stroke,
        } => {
            let mut pb = PathBuilder::new();
            for (i, (px, py)) in points.iter().enumerate() {
                if i == 0 {
                    pb.move_to(*px, *py);
                } else {
                    pb.line_to(*px, *py);
                }
            }
            pb.close();
            if let Some(path) = pb.finish() {
                surface.set_fill(fill.map(fill_of));
                surface.set_stroke(stroke.map(|(ink, w)| Stroke {
                    line_join: LineJoin::Round,
                    ..stroke_of(ink, w, false)
                }));
                surface.draw_path(&path);
            }
        }
        Op::Dot { x, y, r, ink } => {
            const K: f32 = 0.552_284_8;
            let (x, y, r) = (*x, *y, *r);
            let mut pb = PathBuilder::new();
            pb.move_to(x + r, y);
            pb.cubic_to(x + r, y + K * r, x + K * r, y + r, x, y + r);
            pb.cubic_to(x - K * r, y + r, x - r, y + K * r, x - r, y);
            pb.cubic_to(x - r, y - K * r, x - K * r, y - r, x, y - r);
            pb.cubic_to(x + K * r, y - r, x + r, y - K * r, x + r, y);
            pb.close();
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill_of(*ink)));
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
        }
    }
}

/// The creation date from `SOURCE_DATE_EPOCH`, if set and valid.
fn source_date() -> Option<DateTime> {
    let t = source_time()?;
    Some(
        DateTime::new(u16::try_from(t.year()).ok()?)
            .month(u8::try_from(t.month()).ok()?)
            .day(u8::try_from(t.day()).ok()?)
            .hour(u8::try_from(t.hour()).ok()?)
            .minute(u8::try_from(t.minute()).ok()?)
            .second(u8::try_from(t.second()).ok()?)
            .utc_offset_hour(0)
            .utc_offset_minute(0),
    )
}

/// The time `SOURCE_DATE_EPOCH` names (seconds since 1970, UTC), if set:
/// the only creation date a document carries, so that the same input gives
/// the same bytes.
pub(super) fn source_time() -> Option<chrono::DateTime<chrono::Utc>> {
    let secs: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    chrono::DateTime::from_timestamp(secs, 0)
}
