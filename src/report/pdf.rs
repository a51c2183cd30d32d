//! The printable summary as an A4 PDF, drawn from [`ReportData`] alone.
//!
//! krilla writes the PDF and embeds the bundled font as a subset; it does not
//! measure, wrap or paginate text, so this module lays the document out itself:
//!
//! - **Measuring.** Glyph ids and advance widths come from the font's `cmap`
//!   and `hmtx` tables (skrifa, the parser krilla itself uses). The very same glyphs and advances are
//!   handed to krilla (`draw_glyphs`), so what is measured is what is drawn.
//! - **Wrapping.** CJK text breaks between any two characters, Latin text
//!   between words (a word longer than the line is cut per character).
//!   Closing punctuation (`，。）` …) never starts a line and opening
//!   punctuation (`（〔“` …) never ends one.
//! - **Tables.** Fixed column widths; a row is as tall as its most wrapped
//!   cell. A row that does not fit goes to the next page, under a repeated
//!   caption and header row; a row taller than a whole page is split by lines.
//! - **Pages.** The layout first builds a display list per page, so the total
//!   page count is known when the running header and the "第 n 页 / 共 m 页"
//!   footers are drawn; only then is the PDF written.
//!
//! The output depends on the input alone: the creation date is taken from
//! `SOURCE_DATE_EPOCH` when it is set and omitted otherwise.

use std::fmt::Write as _;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

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
use skrifa_krilla::charmap::Charmap;
use skrifa_krilla::instance::{LocationRef, Size};
use skrifa_krilla::metrics::GlyphMetrics;
use skrifa_krilla::raw::TableProvider;
use skrifa_krilla::{FontRef, GlyphId as SkGlyphId, MetadataProvider};

use super::ReportError;
use super::data::{ReportData, Row, ScoreSummary};
use super::format as f;
use crate::eval::{Outcome, Verdict};
use crate::font::{self, FONT};
use crate::i18n::Lang;
use crate::rules::Confidence;

/// A4 width in points.
const PAGE_W: f32 = 595.28;
/// A4 height in points.
const PAGE_H: f32 = 841.89;
/// Left and right margin.
const MARGIN: f32 = 42.0;
/// Width of the text block.
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
/// Top of the content on the first page (no running header there).
const FIRST_TOP: f32 = 40.0;
/// Top of the content on the following pages (below the running header).
const TOP: f32 = 56.0;
/// Bottom of the content (the footer is below it).
const BOTTOM: f32 = PAGE_H - 58.0;
/// Ascent of the font as a fraction of the size (Noto Sans CJK: 880/1000).
const ASCENT: f32 = 0.88;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.4;
/// Cell padding, horizontal and vertical.
const PAD_X: f32 = 3.5;
/// Cell padding, vertical.
const PAD_Y: f32 = 2.6;
/// Font size of table text.
const TABLE: f32 = 7.3;
/// Font size of body text.
const BODY: f32 = 8.4;
/// Font size of notes, sources and footers.
const SMALL: f32 = 6.4;

// ---------------------------------------------------------------------------
// Ink and style

/// A colour. Greys carry the layout; one dark blue accent prints as dark grey,
/// so every chart and table stays legible on a greyscale printer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ink {
    /// A grey level, 0 black – 255 white.
    Grey(u8),
    /// The accent (dark blue).
    Accent,
}

const TEXT: Ink = Ink::Grey(0x1c);
const MUTED: Ink = Ink::Grey(0x5c);
const RULE: Ink = Ink::Grey(0xb8);
const SHADE: Ink = Ink::Grey(0xee);
const HEAD_FILL: Ink = Ink::Grey(0xdf);
const WHITE: Ink = Ink::Grey(0xff);

impl Ink {
    fn paint(self) -> Paint {
        match self {
            Ink::Grey(l) => luma::Color::new(l).into(),
            Ink::Accent => rgb::Color::new(0x1f, 0x3a, 0x5f).into(),
        }
    }
}

/// How a piece of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    size: f32,
    ink: Ink,
    bold: bool,
}

impl Style {
    const fn new(size: f32) -> Self {
        Style {
            size,
            ink: TEXT,
            bold: false,
        }
    }
    const fn ink(mut self, ink: Ink) -> Self {
        self.ink = ink;
        self
    }
    const fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    fn leading(self) -> f32 {
        self.size * LEADING
    }
}

// ---------------------------------------------------------------------------
// The font: glyphs and advances

/// Glyph lookup and measuring on the bundled font.
struct Metrics {
    charmap: Charmap<'static>,
    advances: GlyphMetrics<'static>,
    upem: f32,
    /// Glyph id and advance per BMP character, filled on first use: bit 31
    /// "known", bits 16–30 the advance in font units, bits 0–15 the glyph id.
    cache: Box<[AtomicU32]>,
}

/// The parsed font, shared by every render in the process.
fn metrics() -> Result<&'static Metrics, ReportError> {
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

/// The krilla font object (cheap to clone).
fn pdf_font() -> Result<Font, ReportError> {
    static FONT_OBJ: OnceLock<Option<Font>> = OnceLock::new();
    FONT_OBJ
        .get_or_init(|| Font::new(krilla::Data::from(FONT), 0))
        .clone()
        .ok_or(ReportError::Font)
}

impl Metrics {
    /// Glyph id and advance (in em) of `c`; `.notdef` when the font lacks it.
    fn glyph(&self, c: char) -> (u32, f32) {
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
    fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }

    /// The glyphs krilla draws for `s`, each mapped back to its characters
    /// (so text extraction gives `s` back).
    fn glyphs(&self, s: &str) -> Vec<KrillaGlyph> {
        s.char_indices()
            .map(|(i, c)| {
                let (id, adv) = self.glyph(c);
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

    /// Breaks `text` into lines no wider than `width` at `size`.
    /// Explicit newlines start new lines; an empty text gives no line.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut out = Vec::new();
        for para in text.split('\n') {
            self.wrap_paragraph(para.trim_end(), size, width, &mut out);
        }
        while out.last().is_some_and(String::is_empty) {
            out.pop();
        }
        out
    }

    fn wrap_paragraph(&self, text: &str, size: f32, width: f32, out: &mut Vec<String>) {
        // Most cells hold a short text that fits: take it whole when it has
        // no leading, trailing or repeated space (which the loop below folds).
        let plain = !text.is_empty()
            && !text.starts_with(char::is_whitespace)
            && !text.ends_with(char::is_whitespace)
            && !text.contains("  ")
            && !text.contains(|c: char| c.is_whitespace() && c != ' ');
        if plain && self.width(text, size) <= width + 0.01 {
            out.push(text.to_string());
        } else {
            self.wrap_atoms(text, size, width, out);
        }
    }

    /// Breaks `text` into lines at the break opportunities `atoms` finds.
    fn wrap_atoms(&self, text: &str, size: f32, width: f32, out: &mut Vec<String>) {
        let mut line = String::new();
        let mut line_w = 0.0_f32;
        let mut pending_space = false;
        let space_w = self.glyph(' ').1 * size;
        for atom in atoms(text) {
            if atom.trim().is_empty() {
                pending_space = !line.is_empty();
                continue;
            }
            let w = self.width(atom, size);
            let sep = if pending_space { space_w } else { 0.0 };
            if line_w + sep + w <= width + 0.01 {
                if pending_space {
                    line.push(' ');
                }
                line.push_str(atom);
                line_w += sep + w;
            } else if w <= width {
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                line.push_str(atom);
                line_w = w;
            } else {
                // A word wider than the line: cut it per character.
                if pending_space && line_w + space_w < width {
                    line.push(' ');
                    line_w += space_w;
                }
                for c in atom.chars() {
                    let cw = self.glyph(c).1 * size;
                    if line_w + cw > width + 0.01 && !line.is_empty() {
                        out.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += cw;
                }
            }
            pending_space = false;
        }
        if !line.is_empty() || out.is_empty() {
            out.push(line);
        }
    }
}

/// Whether `c` is set as a CJK character (each one a possible break).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF
        | 0x3200..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// Punctuation that must not start a line.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '》'
            | '」'
            | '』'
            | '〕'
            | '】'
            | '〉'
            | '’'
            | '”'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
            | '…'
            | '·'
            | '—'
            | '–'
    )
}

/// Punctuation that must not end a line.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '《' | '「' | '『' | '〔' | '【' | '〈' | '‘' | '“' | '(' | '[' | '{'
    )
}

/// Splits `text` into unbreakable pieces: single CJK characters, Latin words
/// and runs of spaces; punctuation sticks to its neighbour.
fn atoms(text: &str) -> Vec<&str> {
    // Raw pieces as byte ranges.
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut start = None::<usize>;
    let mut kind = 0_u8; // 1 word, 2 space
    let mut prev = None::<char>;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|x| x.1);
        // A separator inside a number (`5,020`, `2.54`) belongs to it.
        let in_number = matches!(c, ',' | '.')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        prev = Some(c);
        // 0: a character of its own, 1: part of a word, 2: a space.
        let k = if c.is_whitespace() {
            2
        } else {
            u8::from(in_number || !(is_cjk(c) || is_closing(c) || is_opening(c)))
        };
        if let Some(s) = start
            && (k != kind || k == 0)
        {
            raw.push((s, i));
            start = None;
        }
        if k == 0 {
            raw.push((i, i + c.len_utf8()));
        } else if start.is_none() {
            start = Some(i);
            kind = k;
        }
    }
    if let Some(s) = start {
        raw.push((s, text.len()));
    }
    // Inside a word, a line may break after `/` and `-`, and after `.` or `_`
    // before a letter (ids such as `sme.2022.innovative.rd_ratio`), not inside `2.54`.
    let mut split: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    for (s, e) in raw {
        let piece = &text[s..e];
        let is_word = piece
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !is_cjk(c) && !is_closing(c) && !is_opening(c));
        if !is_word {
            split.push((s, e));
            continue;
        }
        let mut from = s;
        let mut chars = piece.char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            let next = chars.peek().map(|x| x.1);
            let at = s + off + c.len_utf8();
            let brk = at > from + c.len_utf8()
                && match c {
                    '/' | '-' => next.is_some(),
                    '.' | '_' => next.is_some_and(char::is_alphabetic),
                    _ => false,
                };
            if brk {
                split.push((from, at));
                from = at;
            }
        }
        split.push((from, e));
    }
    let raw = split;
    // Glue: a closing mark joins the piece before it, an opening mark the piece after it.
    let mut glued: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    let mut open_from: Option<usize> = None;
    for (s, e) in raw {
        let piece = &text[s..e];
        let first = piece.chars().next().unwrap_or(' ');
        let single = piece.chars().count() == 1;
        if single && is_opening(first) {
            open_from.get_or_insert(s);
            continue;
        }
        let s = open_from.take().unwrap_or(s);
        if single
            && is_closing(first)
            && let Some(last) = glued.last_mut()
            && last.1 == s
            && !text[last.0..last.1].trim().is_empty()
        {
            last.1 = e;
            continue;
        }
        glued.push((s, e));
    }
    if let Some(s) = open_from {
        glued.push((s, text.len()));
    }
    // A number keeps its unit: `1,310 万元`, `58 人`, `2024 年）` do not break inside.
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(glued.len());
    let mut i = 0;
    while i < glued.len() {
        let (s, mut e) = glued[i];
        i += 1;
        let ends_in_number = text[s..e].ends_with(|c: char| c.is_ascii_digit() || c == '%');
        if ends_in_number
            && i + 1 < glued.len()
            && text[glued[i].0..glued[i].1].trim().is_empty()
            && starts_with_unit(&text[glued[i + 1].0..glued[i + 1].1])
        {
            e = glued[i + 1].1;
            i += 2;
            while i < glued.len()
                && glued[i].0 == e
                && starts_with_unit(&text[glued[i].0..glued[i].1])
            {
                e = glued[i].1;
                i += 1;
            }
        }
        out.push((s, e));
    }
    out.into_iter().map(|(s, e)| &text[s..e]).collect()
}

/// Whether a piece starts with a unit character that follows a number.
fn starts_with_unit(piece: &str) -> bool {
    piece.chars().next().is_some_and(|c| {
        matches!(
            c,
            '年' | '月'
                | '日'
                | '人'
                | '项'
                | '个'
                | '万'
                | '元'
                | '亿'
                | '分'
                | '名'
                | '级'
                | '次'
                | '家'
                | '件'
                | '倍'
                | '岁'
        )
    })
}

// ---------------------------------------------------------------------------
// Display list

/// One drawing operation, in page coordinates (points, origin top-left).
#[derive(Debug, Clone)]
enum Op {
    /// Text on one line; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        style: Style,
        text: String,
    },
    /// A rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Ink>,
        stroke: Option<(Ink, f32)>,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        ink: Ink,
        width: f32,
        dashed: bool,
    },
    /// A closed polygon.
    Polygon {
        points: Vec<(f32, f32)>,
        fill: Option<Ink>,
        stroke: Option<(Ink, f32)>,
    },
    /// A filled circle.
    Dot { x: f32, y: f32, r: f32, ink: Ink },
}

/// A line of laid-out text in a cell or block.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    style: Style,
}

impl Line {
    fn height(&self) -> f32 {
        self.style.leading()
    }
}

fn lines_height(lines: &[Line]) -> f32 {
    lines.iter().map(Line::height).sum()
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Center,
    Right,
}

/// A bookmark: title, page index, y.
struct Mark {
    title: String,
    page: usize,
    y: f32,
}

// ---------------------------------------------------------------------------
// Tables

/// A table column.
struct Col {
    head: String,
    width: f32,
    align: Align,
}

/// A cell: paragraphs, each in its own style.
#[derive(Default)]
struct Cell {
    parts: Vec<(String, Style)>,
    fill: Option<Ink>,
}

impl Cell {
    fn text(s: impl Into<String>, style: Style) -> Self {
        Cell {
            parts: vec![(s.into(), style)],
            fill: None,
        }
    }
    fn and(mut self, s: impl Into<String>, style: Style) -> Self {
        let s = s.into();
        if !s.trim().is_empty() {
            self.parts.push((s, style));
        }
        self
    }
    fn fill(mut self, ink: Ink) -> Self {
        self.fill = Some(ink);
        self
    }
}

/// A table: columns, rows, and how it continues on a new page.
struct Table {
    cols: Vec<Col>,
    /// Whether the header row is printed (and repeated on every page).
    head: bool,
    rows: Vec<(Vec<Cell>, Option<Ink>)>,
    /// Printed above the repeated header on every following page.
    continued: Option<String>,
    /// Full grid (label/value blocks) instead of horizontal rules only.
    grid: bool,
}

/// A row laid out: lines per cell.
struct RowLayout {
    cells: Vec<Vec<Line>>,
    fills: Vec<Option<Ink>>,
    shade: Option<Ink>,
    bold_head: bool,
}

impl RowLayout {
    fn height(&self) -> f32 {
        self.cells
            .iter()
            .map(|c| lines_height(c))
            .fold(TABLE * LEADING, f32::max)
            + 2.0 * PAD_Y
    }

    /// Splits off the lines that fit in `room` (content height); `None` when nothing fits.
    fn split(&mut self, room: f32) -> Option<RowLayout> {
        let mut head = Vec::with_capacity(self.cells.len());
        let mut any = false;
        for cell in &mut self.cells {
            let mut h = 0.0;
            let mut n = 0;
            for l in cell.iter() {
                if h + l.height() > room {
                    break;
                }
                h += l.height();
                n += 1;
            }
            any |= n > 0;
            head.push(cell.drain(..n).collect::<Vec<Line>>());
        }
        if !any {
            for (cell, h) in self.cells.iter_mut().zip(head) {
                let mut joined = h;
                joined.append(cell);
                *cell = joined;
            }
            return None;
        }
        Some(RowLayout {
            cells: head,
            fills: self.fills.clone(),
            shade: self.shade,
            bold_head: false,
        })
    }
}

// ---------------------------------------------------------------------------
// Layout

/// The document being laid out: pages of drawing operations and a cursor.
struct Layout {
    m: &'static Metrics,
    lang: Lang,
    pages: Vec<Vec<Op>>,
    y: f32,
    marks: Vec<Mark>,
}

impl Layout {
    fn new(m: &'static Metrics, lang: Lang) -> Self {
        Layout {
            m,
            lang,
            pages: vec![Vec::new()],
            y: FIRST_TOP,
            marks: Vec::new(),
        }
    }

    fn l(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(zh, en)
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `h` more points fit on this one.
    fn ensure(&mut self, h: f32) {
        if self.y + h > BOTTOM && self.y > TOP + 0.5 {
            self.new_page();
        }
    }

    fn gap(&mut self, h: f32) {
        if self.y > TOP + 0.5 {
            self.y += h;
        }
    }

    fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<Line> {
        self.m
            .wrap(text, style.size, width)
            .into_iter()
            .map(|text| Line { text, style })
            .collect()
    }

    fn text_at(&mut self, x: f32, baseline: f32, style: Style, text: impl Into<String>) {
        let text = text.into();
        if text.is_empty() {
            return;
        }
        self.ops().push(Op::Text {
            x,
            y: baseline,
            style,
            text,
        });
    }

    /// Draws `lines` in a box of `width` at `x`, top at `top`; returns the height used.
    fn lines_at(&mut self, x: f32, top: f32, width: f32, lines: &[Line], align: Align) -> f32 {
        let mut y = top;
        for l in lines {
            let h = l.height();
            let baseline = y + (h - l.style.size) / 2.0 + ASCENT * l.style.size;
            let dx = match align {
                Align::Left => 0.0,
                Align::Center => (width - self.m.width(&l.text, l.style.size)) / 2.0,
                Align::Right => width - self.m.width(&l.text, l.style.size),
            };
            let text = l.text.clone();
            self.text_at(x + dx.max(0.0), baseline, l.style, text);
            y += h;
        }
        y - top
    }

    /// A wrapped paragraph over the full width, flowing across pages.
    fn paragraph(&mut self, x: f32, width: f32, text: &str, style: Style) {
        for line in self.wrap(text, style, width) {
            self.ensure(line.height());
            let top = self.y;
            self.y += self.lines_at(x, top, width, std::slice::from_ref(&line), Align::Left);
        }
    }

    fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Ink>,
        stroke: Option<(Ink, f32)>,
    ) {
        self.ops().push(Op::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        });
    }

    fn hline(&mut self, x0: f32, x1: f32, y: f32, ink: Ink, width: f32) {
        self.ops().push(Op::Line {
            from: (x0, y),
            to: (x1, y),
            ink,
            width,
            dashed: false,
        });
    }

    /// A numbered section heading, kept with `keep` points of what follows.
    fn section(&mut self, n: usize, title: &str, keep: f32) {
        const H: f32 = 24.0;
        self.gap(12.0);
        self.ensure(H + keep);
        let numbered = match self.lang {
            Lang::Zh => {
                let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
                format!("{}、{title}", digits.get(n - 1).copied().unwrap_or("十"))
            }
            Lang::En => format!("{n}. {title}"),
        };
        let y = self.y;
        self.rect(MARGIN, y + 4.0, 3.2, 13.0, Some(Ink::Accent), None);
        self.text_at(
            MARGIN + 9.0,
            y + 15.0,
            Style::new(11.5).bold(),
            numbered.clone(),
        );
        self.hline(MARGIN, MARGIN + WIDTH, y + 21.0, RULE, 0.5);
        self.marks.push(Mark {
            title: numbered,
            page: self.page_index(),
            y,
        });
        self.y += H + 4.0;
    }

    /// A sub-heading (tier, group), kept with `keep` points of what follows.
    fn subheading(&mut self, title: &str, detail: &str, keep: f32) {
        let style = Style::new(9.0).bold();
        let lines = self.wrap(title, style, WIDTH);
        let detail_lines = self.wrap(detail, Style::new(7.6).ink(MUTED), WIDTH);
        let h = lines_height(&lines) + lines_height(&detail_lines) + 3.0;
        self.gap(7.0);
        self.ensure(h + keep);
        let top = self.y;
        self.y += self.lines_at(MARGIN, top, WIDTH, &lines, Align::Left);
        let top = self.y;
        self.y += self.lines_at(MARGIN, top, WIDTH, &detail_lines, Align::Left);
        self.y += 3.0;
    }

    fn layout_row(&self, t: &Table, cells: &[Cell], shade: Option<Ink>) -> RowLayout {
        let mut out = Vec::with_capacity(t.cols.len());
        let mut fills = Vec::with_capacity(t.cols.len());
        for (col, cell) in t.cols.iter().zip(cells) {
            let inner = col.width - 2.0 * PAD_X;
            let mut lines = Vec::new();
            for (text, style) in &cell.parts {
                lines.extend(self.wrap(text, *style, inner));
            }
            out.push(lines);
            fills.push(cell.fill);
        }
        RowLayout {
            cells: out,
            fills,
            shade,
            bold_head: false,
        }
    }

    fn head_row(&self, t: &Table) -> Option<RowLayout> {
        if !t.head {
            return None;
        }
        let style = Style::new(TABLE).bold();
        let cells: Vec<Cell> = t
            .cols
            .iter()
            .map(|c| Cell::text(c.head.clone(), style))
            .collect();
        let mut r = self.layout_row(t, &cells, Some(HEAD_FILL));
        r.bold_head = true;
        Some(r)
    }

    fn draw_row(&mut self, t: &Table, r: &RowLayout) {
        let h = r.height();
        let top = self.y;
        if let Some(s) = r.shade {
            self.rect(MARGIN, top, WIDTH, h, Some(s), None);
        }
        let mut x = MARGIN;
        for (i, col) in t.cols.iter().enumerate() {
            if let Some(Some(fill)) = r.fills.get(i) {
                self.rect(x, top, col.width, h, Some(*fill), None);
            }
            if let Some(lines) = r.cells.get(i) {
                self.lines_at(
                    x + PAD_X,
                    top + PAD_Y,
                    col.width - 2.0 * PAD_X,
                    lines,
                    col.align,
                );
            }
            x += col.width;
        }
        if t.grid {
            self.rect(MARGIN, top, WIDTH, h, None, Some((RULE, 0.5)));
            let mut x = MARGIN;
            for col in &t.cols[..t.cols.len().saturating_sub(1)] {
                x += col.width;
                self.ops().push(Op::Line {
                    from: (x, top),
                    to: (x, top + h),
                    ink: RULE,
                    width: 0.5,
                    dashed: false,
                });
            }
        } else if r.bold_head {
            self.hline(MARGIN, MARGIN + WIDTH, top, Ink::Grey(0x40), 0.9);
            self.hline(MARGIN, MARGIN + WIDTH, top + h, Ink::Grey(0x70), 0.5);
        } else {
            self.hline(MARGIN, MARGIN + WIDTH, top + h, Ink::Grey(0xcc), 0.35);
        }
        self.y += h;
    }

    /// Closes the table on this page and continues it on the next one.
    fn break_table(&mut self, t: &Table, head: Option<&RowLayout>) {
        if !t.grid {
            let y = self.y;
            self.hline(MARGIN, MARGIN + WIDTH, y, Ink::Grey(0x40), 0.9);
        }
        self.new_page();
        if let Some(c) = &t.continued {
            let style = Style::new(7.4).ink(MUTED);
            let lines = self.wrap(c, style, WIDTH);
            let top = self.y;
            self.y += self.lines_at(MARGIN, top, WIDTH, &lines, Align::Left) + 2.0;
        }
        if let Some(h) = head {
            self.draw_row(t, h);
        }
    }

    /// Height of the header row and the first row: what a heading above the
    /// table must be kept with.
    fn table_lead(&self, t: &Table) -> f32 {
        let head = self.head_row(t).map_or(0.0, |h| h.height());
        let first = t.rows.first().map_or(0.0, |(cells, shade)| {
            self.layout_row(t, cells, *shade).height()
        });
        head + first.min(BOTTOM - TOP - head - 60.0)
    }

    fn table(&mut self, t: &Table) {
        let head = self.head_row(t);
        let head_h = head.as_ref().map_or(0.0, RowLayout::height);
        let mut rows: Vec<RowLayout> = t
            .rows
            .iter()
            .map(|(cells, shade)| self.layout_row(t, cells, *shade))
            .collect();
        // Keep the header with the first row.
        let first = rows.first().map_or(0.0, RowLayout::height);
        self.ensure(head_h + first.min(BOTTOM - TOP - head_h - 20.0));
        if let Some(h) = &head {
            self.draw_row(t, h);
        }
        let caption_h = if t.continued.is_some() { 14.0 } else { 0.0 };
        let fresh_room = BOTTOM - TOP - caption_h - head_h;
        for mut row in rows.drain(..) {
            loop {
                let h = row.height();
                if self.y + h <= BOTTOM {
                    self.draw_row(t, &row);
                    break;
                }
                if h <= fresh_room {
                    self.break_table(t, head.as_ref());
                    continue;
                }
                // Taller than a page: print what fits, continue below the header.
                let room = BOTTOM - self.y - 2.0 * PAD_Y;
                match row.split(room) {
                    Some(part) => {
                        self.draw_row(t, &part);
                        self.break_table(t, head.as_ref());
                    }
                    None => self.break_table(t, head.as_ref()),
                }
            }
        }
        if !t.grid {
            let y = self.y;
            self.hline(MARGIN, MARGIN + WIDTH, y, Ink::Grey(0x40), 0.9);
        }
    }
}

// ---------------------------------------------------------------------------
// Sections

/// Status mark of an outcome, in glyphs the font has.
fn mark(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "✓",
        Outcome::NotMet => "×",
        Outcome::Missing => "?",
        Outcome::Review => "…",
        Outcome::NA => "–",
    }
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() { "—" } else { s }
}

#[allow(clippy::many_single_char_names)] // d: the layout; x, y, w, h: geometry
fn title_block(d: &mut Layout, r: &ReportData) {
    let title = Style::new(17.0).bold().ink(Ink::Accent);
    let lines = d.wrap(&r.title, title, WIDTH);
    let top = d.y;
    d.y += d.lines_at(MARGIN, top, WIDTH, &lines, Align::Left);
    let sub = format!(
        "{}{}{}",
        or_dash(&r.header.company),
        d.l("　·　评价基准日 ", "  ·  as of "),
        r.header.as_of
    );
    let lines = d.wrap(&sub, Style::new(9.5).ink(MUTED), WIDTH);
    let top = d.y;
    d.y += d.lines_at(MARGIN, top, WIDTH, &lines, Align::Left) + 6.0;
    let lang = d.lang;
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let label = Style::new(7.6).ink(MUTED);
    let value = Style::new(8.4);
    let h = &r.header;
    let none = l("（未填写）", "(not entered)");
    let val = |s: &str| {
        if s.trim().is_empty() {
            none.to_string()
        } else {
            s.to_string()
        }
    };
    let kv = |k: &str, v: String| {
        [
            Cell::text(k, label).fill(Ink::Grey(0xf1)),
            Cell::text(v, value),
        ]
    };
    let mut rows = Vec::new();
    for pair in [
        [
            kv(l("企业名称", "Company"), val(&h.company)),
            kv(l("统一社会信用代码", "Credit code (USCC)"), val(&h.uscc)),
        ],
        [
            kv(l("所在地区", "Location"), val(&h.city)),
            kv(l("所属行业", "Industry"), val(&h.industry)),
        ],
        [
            kv(l("评价基准日", "As-of date"), val(&h.as_of)),
            kv(
                l("生成工具", "Produced by"),
                format!("innocheck {}", r.app_version),
            ),
        ],
    ] {
        let cells: Vec<Cell> = pair.into_iter().flatten().collect();
        rows.push((cells, None));
    }
    let t = Table {
        cols: vec![
            Col {
                head: String::new(),
                width: 78.0,
                align: Align::Left,
            },
            Col {
                head: String::new(),
                width: WIDTH / 2.0 - 78.0,
                align: Align::Left,
            },
            Col {
                head: String::new(),
                width: 84.0,
                align: Align::Left,
            },
            Col {
                head: String::new(),
                width: WIDTH / 2.0 - 84.0,
                align: Align::Left,
            },
        ],
        head: false,
        rows,
        continued: None,
        grid: true,
    };
    d.table(&t);
    d.y += 8.0;

    // The rule packs used.
    let body = Style::new(TABLE);
    let muted = Style::new(TABLE).ink(MUTED);
    let rows = h
        .packs
        .iter()
        .map(|p| {
            let title = if p.partial {
                format!(
                    "{}{}",
                    p.title,
                    l("（仅含部分认定条件）", " (only part of the conditions)")
                )
            } else {
                p.title.clone()
            };
            let conf = Style::new(TABLE).bold();
            (
                vec![
                    Cell::text(&p.id, muted),
                    Cell::text(title, body),
                    Cell::text(&p.document, body),
                    Cell::text(&p.dates, body),
                    Cell::text(p.confidence.label(), conf),
                ],
                None,
            )
        })
        .collect();
    let t = Table {
        cols: vec![
            Col {
                head: l("规则包", "Rule pack").into(),
                width: 82.0,
                align: Align::Left,
            },
            Col {
                head: l("名称", "Title").into(),
                width: 160.0,
                align: Align::Left,
            },
            Col {
                head: l("依据文件", "Document").into(),
                width: 140.0,
                align: Align::Left,
            },
            Col {
                head: l("有效期", "In force").into(),
                width: WIDTH - 82.0 - 160.0 - 140.0 - 38.0,
                align: Align::Left,
            },
            Col {
                head: l("可信度", "Conf.").into(),
                width: 38.0,
                align: Align::Center,
            },
        ],
        head: true,
        rows,
        continued: Some(l("适用规则包（续）", "Rule packs (continued)").into()),
        grid: false,
    };
    d.table(&t);
    if r.has_provisional {
        d.y += 6.0;
        let text = l(
            "本报告含暂定值（可信度 P）：这些门槛未找到官方数值，须向主管部门确认后方可作为申报依据。",
            "This report contains provisional figures (confidence P): no official value was found for these thresholds; confirm them with the authority before relying on them.",
        );
        let style = Style::new(7.8).bold();
        let lines = d.wrap(text, style, WIDTH - 20.0);
        let h = lines_height(&lines) + 8.0;
        d.ensure(h);
        let top = d.y;
        d.rect(
            MARGIN,
            top,
            WIDTH,
            h,
            Some(SHADE),
            Some((Ink::Grey(0x50), 0.8)),
        );
        d.rect(MARGIN, top, 3.5, h, Some(Ink::Grey(0x30)), None);
        d.lines_at(MARGIN + 12.0, top + 4.0, WIDTH - 20.0, &lines, Align::Left);
        d.y += h;
    }
}

/// Section 1: per programme, the ladder with the rung reached and the next gap.
fn verdicts(d: &mut Layout, r: &ReportData) {
    d.section(1, d.l("评价结论", "Verdict at a glance"), 90.0);
    if r.programmes.is_empty() {
        d.paragraph(
            MARGIN,
            WIDTH,
            d.l(
                "所选规则包中没有可评价的层级。",
                "The selected rule packs have no tier to evaluate.",
            ),
            Style::new(BODY),
        );
    }
    for p in &r.programmes {
        let n = p.rungs.len().max(1);
        let arrow = 14.0;
        let box_w = (WIDTH - arrow * (n as f32 - 1.0)) / n as f32;
        let inner = box_w - 10.0;
        // Lay out every rung first: the boxes share one height.
        let mut contents = Vec::with_capacity(n);
        for rung in &p.rungs {
            let is_next = p.next.as_deref() == Some(rung.title.as_str());
            let (fg, muted) = if rung.reached {
                (WHITE, Ink::Grey(0xe0))
            } else {
                (TEXT, MUTED)
            };
            let mut lines = d.wrap(&rung.label, Style::new(6.8).ink(muted), inner);
            lines.extend(d.wrap(&rung.title, Style::new(7.8).bold().ink(fg), inner));
            let status = if rung.reached {
                if rung.held {
                    d.l("✓ 已达到（已持有）", "✓ reached (held)").to_string()
                } else {
                    d.l("✓ 已达到", "✓ reached").to_string()
                }
            } else if is_next {
                match d.lang {
                    Lang::Zh => format!("下一级 · 差 {} 项", p.next_gap_count),
                    Lang::En => format!(
                        "next · {} gap{}",
                        p.next_gap_count,
                        if p.next_gap_count == 1 { "" } else { "s" }
                    ),
                }
            } else {
                let m = match rung.verdict {
                    Verdict::Eligible => "✓",
                    Verdict::NotEligible => "×",
                    Verdict::Incomplete => "?",
                    Verdict::NotApplicable => "–",
                };
                format!("{m} {}", f::verdict(rung.verdict, d.lang))
            };
            let status_lines = d.wrap(&status, Style::new(7.2).ink(fg).bold(), inner);
            contents.push((lines, status_lines, is_next));
        }
        let box_h = contents
            .iter()
            .map(|(a, b, _)| lines_height(a) + lines_height(b) + 4.0)
            .fold(30.0, f32::max)
            + 10.0;
        let name_style = Style::new(9.6).bold();
        let summary = {
            let reached = p
                .reached
                .clone()
                .unwrap_or_else(|| d.l("尚未达到任何层级", "no tier yet").to_string());
            let next = match (&p.next, d.lang) {
                (Some(t), Lang::Zh) => {
                    format!("下一级：{t}，差 {} 项条件（见第四部分）", p.next_gap_count)
                }
                (Some(t), Lang::En) => format!(
                    "Next: {t}, {} {} short (see part 4)",
                    p.next_gap_count,
                    if p.next_gap_count == 1 {
                        "criterion"
                    } else {
                        "criteria"
                    }
                ),
                (None, _) => d.l("已是最高一级", "top of the ladder").to_string(),
            };
            match d.lang {
                Lang::Zh => format!("已达到：{reached}；{next}"),
                Lang::En => format!("Reached: {reached}.  {next}"),
            }
        };
        let summary_lines = d.wrap(&summary, Style::new(8.0), WIDTH);
        let total = 16.0 + box_h + 6.0 + lines_height(&summary_lines) + 6.0;
        d.gap(4.0);
        d.ensure(total);
        let top = d.y;
        d.text_at(MARGIN, top + 11.0, name_style, p.name.clone());
        let by = top + 16.0;
        for (i, (rung, (lines, status_lines, is_next))) in p.rungs.iter().zip(&contents).enumerate()
        {
            let x = MARGIN + i as f32 * (box_w + arrow);
            let (fill, stroke) = if rung.reached {
                (Some(Ink::Accent), Some((Ink::Accent, 0.8)))
            } else if rung.verdict == Verdict::Eligible {
                (Some(Ink::Grey(0xe6)), Some((Ink::Grey(0x80), 0.6)))
            } else {
                (Some(WHITE), Some((Ink::Grey(0x9a), 0.6)))
            };
            d.rect(x, by, box_w, box_h, fill, stroke);
            if *is_next {
                // The next rung: a heavy dashed frame.
                let (x0, y0, x1, y1) = (x - 1.2, by - 1.2, x + box_w + 1.2, by + box_h + 1.2);
                for (a, b) in [
                    ((x0, y0), (x1, y0)),
                    ((x1, y0), (x1, y1)),
                    ((x1, y1), (x0, y1)),
                    ((x0, y1), (x0, y0)),
                ] {
                    d.ops().push(Op::Line {
                        from: a,
                        to: b,
                        ink: Ink::Grey(0x20),
                        width: 1.3,
                        dashed: true,
                    });
                }
            }
            d.lines_at(x + 5.0, by + 5.0, inner, lines, Align::Left);
            let sh = lines_height(status_lines);
            d.lines_at(
                x + 5.0,
                by + box_h - 5.0 - sh,
                inner,
                status_lines,
                Align::Left,
            );
            if i + 1 < n {
                // An arrow to the next rung, clear of the dashed frame (1.2 pt outside the box).
                let (x0, x1) = (x + box_w + 2.5, x + box_w + arrow - 4.0);
                let ay = by + box_h / 2.0;
                d.ops().push(Op::Line {
                    from: (x0, ay),
                    to: (x1 - 3.0, ay),
                    ink: Ink::Grey(0x70),
                    width: 0.9,
                    dashed: false,
                });
                d.ops().push(Op::Polygon {
                    points: vec![(x1 - 4.0, ay - 2.8), (x1, ay), (x1 - 4.0, ay + 2.8)],
                    fill: Some(Ink::Grey(0x70)),
                    stroke: None,
                });
            }
        }
        d.y = by + box_h + 6.0;
        let top = d.y;
        d.y += d.lines_at(MARGIN, top, WIDTH, &summary_lines, Align::Left) + 6.0;
    }
}

/// Height and drawing of one chart block in a column of `w` points.
struct Chart<'a> {
    kind: ChartKind<'a>,
}

enum ChartKind<'a> {
    Radar(&'a super::data::FiveHaves),
    Scores(&'a ScoreSummary),
}

/// Radar radius.
const RADAR_R: f32 = 52.0;

impl Chart<'_> {
    fn title(&self, lang: Lang) -> String {
        match self.kind {
            ChartKind::Radar(h) => match lang {
                Lang::Zh => format!("“五有”准备度 — 目标：{}", h.target),
                Lang::En => format!("Five-haves readiness — target: {}", h.target),
            },
            ChartKind::Scores(s) => {
                let total = f::number(s.score.total, 1);
                let max = f::number(s.score.max, 1);
                let pass = s.score.pass.map_or_else(String::new, |p| {
                    let p = f::number(p, 1);
                    lang.pick(&format!("（合格线 {p}）"), &format!(" (pass mark {p})"))
                        .to_string()
                });
                let score = lang.pick("评分", "score");
                format!("{} — {score} {total} / {max}{pass}", s.tier)
            }
        }
    }

    fn height(&self, d: &Layout, w: f32) -> f32 {
        let title = lines_height(&d.wrap(&self.title(d.lang), Style::new(8.2).bold(), w));
        match self.kind {
            ChartKind::Radar(_) => title + 2.0 * RADAR_R + 54.0,
            ChartKind::Scores(s) => {
                let rows: f32 = score_rows(s)
                    .iter()
                    .map(|(label, ..)| {
                        lines_height(&d.wrap(label, Style::new(7.0), SCORE_LABEL_W)).max(9.0) + 6.0
                    })
                    .sum();
                title + 6.0 + rows + 16.0
            }
        }
    }

    fn draw(&self, d: &mut Layout, x: f32, top: f32, w: f32) {
        let lines = d.wrap(&self.title(d.lang), Style::new(8.2).bold(), w);
        let th = d.lines_at(x, top, w, &lines, Align::Left);
        match self.kind {
            ChartKind::Radar(h) => radar(d, h, x, top + th, w),
            ChartKind::Scores(s) => score_bars(d, s, x, top + th + 6.0, w),
        }
    }
}

#[allow(clippy::many_single_char_names)] // d: the layout; x, y, w, h: geometry
fn radar(d: &mut Layout, h: &super::data::FiveHaves, x: f32, top: f32, w: f32) {
    let n = h.values.len().max(3);
    let cx = x + w / 2.0;
    let cy = top + 32.0 + RADAR_R;
    let polar = |i: usize, r: f32| {
        let a = std::f32::consts::FRAC_PI_2 - std::f32::consts::TAU * i as f32 / n as f32;
        (cx + r * a.cos(), cy - r * a.sin())
    };
    for ring in [0.25_f32, 0.5, 0.75, 1.0] {
        let pts: Vec<(f32, f32)> = (0..n).map(|i| polar(i, RADAR_R * ring)).collect();
        d.ops().push(Op::Polygon {
            points: pts,
            fill: None,
            stroke: Some((
                Ink::Grey(if ring < 1.0 { 0xc4 } else { 0x90 }),
                if ring < 1.0 { 0.4 } else { 0.7 },
            )),
        });
    }
    for i in 0..n {
        d.ops().push(Op::Line {
            from: (cx, cy),
            to: polar(i, RADAR_R),
            ink: Ink::Grey(0xc4),
            width: 0.4,
            dashed: false,
        });
    }
    let radii: Vec<f32> = h
        .values
        .iter()
        .map(|v| v.readiness.unwrap_or(0.0).clamp(0.0, 1.0) as f32 * RADAR_R)
        .collect();
    if !radii.is_empty() {
        let pts: Vec<(f32, f32)> = radii
            .iter()
            .enumerate()
            .map(|(i, r)| polar(i, *r))
            .collect();
        d.ops().push(Op::Polygon {
            points: pts.clone(),
            fill: Some(Ink::Grey(0xc8)),
            stroke: Some((Ink::Accent, 1.4)),
        });
        for (px, py) in pts {
            d.ops().push(Op::Dot {
                x: px,
                y: py,
                r: 1.9,
                ink: Ink::Accent,
            });
        }
    }
    // Ring values on the outer side of the edge between the first and the last spoke.
    for ring in [0.5_f32, 1.0] {
        let (ax, ay) = polar(0, RADAR_R * ring);
        let (bx, by) = polar(n - 1, RADAR_R * ring);
        let label = format!("{}%", f::number(f64::from(ring) * 100.0, 0));
        let st = Style::new(5.6).ink(MUTED);
        let tw = d.m.width(&label, st.size);
        d.text_at(
            f32::midpoint(ax, bx) - tw - 0.5,
            f32::midpoint(ay, by) - 1.0,
            st,
            label,
        );
    }
    for (i, (v, label)) in h.values.iter().zip(&h.labels).enumerate() {
        let (lx, ly) = polar(i, RADAR_R + 9.0);
        let pct = v.readiness.map_or_else(
            || d.l("未考察", "not tested").to_string(),
            |r| format!("{}%", f::number(r * 100.0, 0)),
        );
        let detail = if v.total == 0 {
            pct
        } else {
            format!("{pct} ({}/{})", v.met, v.total)
        };
        let a = Style::new(7.2).bold();
        let b = Style::new(6.6).ink(MUTED);
        let wa = d.m.width(label, a.size);
        let wb = d.m.width(&detail, b.size);
        let bw = wa.max(wb);
        let dx = lx - cx;
        let left = if dx.abs() < 8.0 {
            lx - bw / 2.0
        } else if dx > 0.0 {
            lx
        } else {
            lx - bw
        };
        let block_h = a.leading() + b.leading();
        let top_y = if i == 0 {
            ly - block_h
        } else if ly > cy + RADAR_R * 0.5 {
            ly
        } else {
            ly - block_h / 2.0
        };
        let lines = [
            Line {
                text: label.clone(),
                style: a,
            },
            Line {
                text: detail,
                style: b,
            },
        ];
        let align = if dx.abs() < 8.0 {
            Align::Center
        } else if dx > 0.0 {
            Align::Left
        } else {
            Align::Right
        };
        d.lines_at(left, top_y, bw, &lines, align);
    }
}

/// Width of the label column of a score chart.
const SCORE_LABEL_W: f32 = 84.0;

/// Rows of a score chart: label, points, potential, max, minimum.
fn score_rows(s: &ScoreSummary) -> Vec<(String, f64, f64, f64, Option<f64>)> {
    s.score
        .blocks
        .iter()
        .zip(&s.labels)
        .map(|(b, l)| (l.clone(), b.points, b.potential, b.max, b.min))
        .collect()
}

#[allow(clippy::many_single_char_names)] // d: the layout; x, y, w, h: geometry
fn score_bars(d: &mut Layout, s: &ScoreSummary, x: f32, top: f32, w: f32) {
    let rows = score_rows(s);
    let widest = rows.iter().map(|r| r.3).fold(1.0_f64, f64::max);
    let bar_x = x + SCORE_LABEL_W + 4.0;
    let bar_w = (w - SCORE_LABEL_W - 4.0 - 66.0).max(40.0);
    let scale = |v: f64| (v.max(0.0) / widest) as f32 * bar_w;
    let mut y = top;
    for (label, points, potential, max, min) in &rows {
        let lines = d.wrap(label, Style::new(7.0), SCORE_LABEL_W);
        let h = lines_height(&lines).max(9.0) + 6.0;
        d.lines_at(x, y + 3.0, SCORE_LABEL_W, &lines, Align::Left);
        let mid = y + h / 2.0;
        let bh = 7.0;
        d.rect(
            bar_x,
            mid - bh / 2.0,
            scale(*max),
            bh,
            Some(Ink::Grey(0xee)),
            Some((Ink::Grey(0xb0), 0.4)),
        );
        if potential > points {
            d.rect(
                bar_x + scale(*points),
                mid - bh / 2.0,
                scale(potential.min(*max)) - scale(*points),
                bh,
                Some(Ink::Grey(0xb4)),
                None,
            );
        }
        let below_min = min.is_some_and(|m| *points < m);
        if *points > 0.0 {
            d.rect(
                bar_x,
                mid - bh / 2.0,
                scale(points.min(*max)),
                bh,
                Some(if below_min {
                    Ink::Grey(0x55)
                } else {
                    Ink::Accent
                }),
                None,
            );
        }
        let mut value = format!("{} / {}", f::number(*points, 1), f::number(*max, 1));
        if let Some(m) = min {
            let mx = bar_x + scale(*m);
            // A dark tick on a white halo, standing out past the bar, so it
            // shows on the dark "earned" fill too when printed in grey.
            for (ink, width, reach) in [(Ink::Grey(0xff), 2.6, 2.6), (Ink::Grey(0x10), 1.1, 3.2)] {
                d.ops().push(Op::Line {
                    from: (mx, mid - bh / 2.0 - reach),
                    to: (mx, mid + bh / 2.0 + reach),
                    ink,
                    width,
                    dashed: false,
                });
            }
            let _ = write!(
                value,
                "{}{}{}",
                d.l("（最低 ", " (min "),
                f::number(*m, 1),
                d.l("）", ")")
            );
            if below_min {
                value.insert_str(0, "× ");
            }
        }
        let vs = Style::new(6.8).ink(if below_min { TEXT } else { MUTED });
        let vs = if below_min { vs.bold() } else { vs };
        d.text_at(bar_x + scale(*max) + 4.0, mid + 2.4, vs, value);
        y += h;
    }
    // Legend.
    let ly = y + 5.0;
    let mut lx = x;
    let legend: [(Ink, &str); 3] = [
        (Ink::Accent, d.l("已得分", "earned")),
        (
            Ink::Grey(0xb4),
            d.l("补全数据后可得", "reachable once data is filled in"),
        ),
        (Ink::Grey(0xee), d.l("满分", "maximum")),
    ];
    for (ink, text) in legend {
        d.rect(lx, ly, 9.0, 5.5, Some(ink), Some((Ink::Grey(0xb0), 0.3)));
        let st = Style::new(6.2).ink(MUTED);
        d.text_at(lx + 12.0, ly + 5.0, st, text);
        lx += 12.0 + d.m.width(text, st.size) + 10.0;
    }
    if rows.iter().any(|r| r.4.is_some()) {
        d.ops().push(Op::Line {
            from: (lx + 2.0, ly - 1.0),
            to: (lx + 2.0, ly + 6.5),
            ink: Ink::Grey(0x10),
            width: 1.1,
            dashed: false,
        });
        let st = Style::new(6.2).ink(MUTED);
        d.text_at(lx + 6.0, ly + 5.0, st, d.l("分项最低分", "block minimum"));
    }
}

/// Section 2: the five-haves radar and the score bars, two charts a row.
fn charts(d: &mut Layout, r: &ReportData) {
    let mut charts: Vec<Chart> = Vec::new();
    if let Some(h) = &r.five_haves {
        charts.push(Chart {
            kind: ChartKind::Radar(h),
        });
    }
    for s in &r.scores {
        charts.push(Chart {
            kind: ChartKind::Scores(s),
        });
    }
    let col_gap = 20.0;
    let w = (WIDTH - col_gap) / 2.0;
    let first_h = charts
        .iter()
        .take(2)
        .map(|c| c.height(d, w))
        .fold(0.0, f32::max);
    d.section(
        2,
        d.l("“五有”准备度与评分", "Five-haves readiness and scores"),
        first_h,
    );
    if charts.is_empty() {
        d.paragraph(
            MARGIN,
            WIDTH,
            d.l(
                "没有可绘制的目标层级或评分。",
                "No target tier or score to chart.",
            ),
            Style::new(BODY).ink(MUTED),
        );
        return;
    }
    for pair in charts.chunks(2) {
        let h = pair.iter().map(|c| c.height(d, w)).fold(0.0, f32::max);
        d.ensure(h);
        let top = d.y;
        for (i, c) in pair.iter().enumerate() {
            c.draw(d, MARGIN + i as f32 * (w + col_gap), top, w);
        }
        d.y = top + h + 8.0;
    }
}

/// Column widths of the criteria table: status, criterion, value, required, gap, confidence, source.
const CRITERIA_COLS: [f32; 7] = [46.0, 120.0, 64.0, 58.0, 98.0, 30.0, 0.0];

fn criteria_row(d: &Layout, row: &Row) -> (Vec<Cell>, Option<Ink>) {
    let body = Style::new(TABLE);
    let muted = Style::new(TABLE).ink(MUTED);
    let small = Style::new(SMALL).ink(MUTED);
    let status_style = match row.outcome {
        Outcome::NotMet => Style::new(TABLE).bold(),
        Outcome::Met => Style::new(TABLE),
        _ => Style::new(TABLE).ink(Ink::Grey(0x30)),
    };
    let mut title = Cell::text(&row.title, body);
    if let Some(route) = &row.route {
        title = title.and(format!("{}{route}", d.l("通过：", "passed by: ")), muted);
    }
    title = title.and(row.id.clone(), small);
    let mut value = Cell::text(or_dash(&row.measured), body);
    if !row.points.is_empty() {
        value = value.and(format!("{}{}", d.l("得分 ", "points "), row.points), muted);
    }
    let conf_style = if row.confidence == Confidence::P {
        Style::new(TABLE).bold()
    } else {
        Style::new(TABLE)
    };
    let shade = match row.outcome {
        Outcome::NotMet => Some(Ink::Grey(0xef)),
        _ => None,
    };
    (
        vec![
            Cell::text(
                format!("{} {}", mark(row.outcome), row.status),
                status_style,
            ),
            title,
            value,
            Cell::text(or_dash(&row.threshold), body),
            Cell::text(or_dash(&row.gap), body),
            Cell::text(row.confidence.label(), conf_style),
            Cell::text(&row.source, small),
        ],
        shade,
    )
}

fn criteria_cols(d: &Layout) -> Vec<Col> {
    let heads = [
        d.l("状态", "Status"),
        d.l("条件", "Criterion"),
        d.l("实际值", "Value"),
        d.l("要求", "Required"),
        d.l("差距", "Gap"),
        d.l("可信度", "Conf."),
        d.l("依据", "Source"),
    ];
    let fixed: f32 = CRITERIA_COLS.iter().sum();
    heads
        .iter()
        .zip(CRITERIA_COLS)
        .enumerate()
        .map(|(i, (h, w))| Col {
            head: (*h).to_string(),
            width: if w == 0.0 { WIDTH - fixed } else { w },
            align: if i == 5 { Align::Center } else { Align::Left },
        })
        .collect()
}

/// Section 3: the criteria table of every tier.
fn tiers(d: &mut Layout, r: &ReportData) {
    d.section(3, d.l("逐级评价明细", "Criteria by tier"), 80.0);
    let legend = d.l(
        "状态：✓ 达标；× 未达标（灰底）；? 数据缺失；… 待声明或待补月份；– 不适用。可信度：V 已核实；V1 单一来源；P 暂定值；Q 定性条件，须自行声明。",
        "Status: ✓ met; × not met (shaded); ? missing data; … needs review; – n/a. Confidence: V verified; V1 one source; P provisional; Q qualitative, to be declared.",
    );
    d.paragraph(MARGIN, WIDTH, legend, Style::new(7.2).ink(MUTED));
    for t in &r.tiers {
        let verdict = match t.verdict {
            Verdict::Eligible => "✓",
            Verdict::NotEligible => "×",
            Verdict::Incomplete => "?",
            Verdict::NotApplicable => "–",
        };
        let detail = format!("{verdict} {}", t.summary);
        let table = Table {
            cols: criteria_cols(d),
            head: true,
            rows: t.rows.iter().map(|row| criteria_row(d, row)).collect(),
            continued: Some(format!("{}{}", t.title, d.l("（续）", " (continued)"))),
            grid: false,
        };
        let keep = d.table_lead(&table).max(12.0);
        d.subheading(&t.title, &detail, keep);
        if t.verdict == Verdict::NotApplicable {
            // The reason is the summary above: nothing to meet.
        } else if table.rows.is_empty() {
            d.paragraph(
                MARGIN,
                WIDTH,
                d.l("（该层级没有条件）", "(no criteria)"),
                Style::new(BODY).ink(MUTED),
            );
        } else {
            d.table(&table);
        }
    }
}

/// Section 4: what to do next, most important first.
fn next_steps(d: &mut Layout, r: &ReportData) {
    if r.next_steps.is_empty() {
        d.section(4, d.l("下一步工作", "What to do next"), 20.0);
        d.paragraph(
            MARGIN,
            WIDTH,
            d.l("没有待弥补的差距。", "There is no gap to close."),
            Style::new(BODY),
        );
        return;
    }
    let body = Style::new(TABLE);
    let muted = Style::new(SMALL).ink(MUTED);
    let rows = r
        .next_steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let crit_style = body;
            let conf = if s.confidence == Confidence::P {
                body.bold()
            } else {
                body
            };
            (
                vec![
                    Cell::text((i + 1).to_string(), body),
                    Cell::text(&s.tier, body).and(&s.programme, muted),
                    Cell::text(format!("{} {}", mark(s.outcome), s.criterion), crit_style),
                    Cell::text(&s.text, body),
                    Cell::text(s.confidence.label(), conf),
                ],
                None,
            )
        })
        .collect();
    let t = Table {
        cols: vec![
            Col {
                head: "#".into(),
                width: 20.0,
                align: Align::Right,
            },
            Col {
                head: d.l("目标层级", "Target tier").into(),
                width: 104.0,
                align: Align::Left,
            },
            Col {
                head: d.l("条件", "Criterion").into(),
                width: 130.0,
                align: Align::Left,
            },
            Col {
                head: d.l("需要做什么", "What to do").into(),
                width: WIDTH - 20.0 - 104.0 - 130.0 - 32.0,
                align: Align::Left,
            },
            Col {
                head: d.l("可信度", "Conf.").into(),
                width: 32.0,
                align: Align::Center,
            },
        ],
        head: true,
        rows,
        continued: Some(
            d.l("下一步工作（续）", "What to do next (continued)")
                .into(),
        ),
        grid: false,
    };
    let intro = d.l(
        "以下为达到各项目下一级所差的条件，按重要性排序：先列未达标项，再列数据缺失项，最后列需声明的定性条件。",
        "The criteria standing between the company and the next tier of each programme, most important first: failed criteria, then missing data, then declarations.",
    );
    let intro_style = Style::new(7.6).ink(MUTED);
    let keep = lines_height(&d.wrap(intro, intro_style, WIDTH)) + 3.0 + d.table_lead(&t);
    d.section(4, d.l("下一步工作", "What to do next"), keep);
    d.paragraph(MARGIN, WIDTH, intro, intro_style);
    d.y += 3.0;
    d.table(&t);
}

/// Section 5: the evidence to prepare, with tick boxes.
fn evidence(d: &mut Layout, r: &ReportData) {
    d.section(5, d.l("证明材料清单", "Evidence checklist"), 40.0);
    if r.evidence.is_empty() {
        d.paragraph(
            MARGIN,
            WIDTH,
            d.l("没有需要准备的材料。", "No evidence to prepare."),
            Style::new(BODY),
        );
        return;
    }
    let style = Style::new(7.8);
    let indent = 16.0;
    for g in &r.evidence {
        let detail = match d.lang {
            Lang::Zh => format!("共 {} 项，备齐后在方框内打勾", g.items.len()),
            Lang::En => format!("{} items; tick each box once it is ready", g.items.len()),
        };
        d.subheading(&g.tier, &detail, 14.0);
        for item in &g.items {
            let lines = d.wrap(item, style, WIDTH - indent);
            let h = lines_height(&lines) + 2.5;
            if d.y + h > BOTTOM {
                d.new_page();
                let cont = format!("{}{}", g.tier, d.l("（续）", " (continued)"));
                let cl = d.wrap(&cont, Style::new(7.4).ink(MUTED), WIDTH);
                let top = d.y;
                d.y += d.lines_at(MARGIN, top, WIDTH, &cl, Align::Left) + 3.0;
            }
            let top = d.y;
            let box_top = top + (style.leading() - 7.0) / 2.0;
            d.rect(
                MARGIN + 2.0,
                box_top,
                7.0,
                7.0,
                Some(WHITE),
                Some((Ink::Grey(0x30), 0.7)),
            );
            d.lines_at(MARGIN + indent, top, WIDTH - indent, &lines, Align::Left);
            d.y += h;
        }
    }
}

/// Section 6: notes, the disclaimer and the sign-off block.
fn sign_off(d: &mut Layout, r: &ReportData) {
    let lang = d.lang;
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut notes: Vec<String> = vec![l(
        "本摘要由 innocheck 根据企业自行填报的数据和上列规则包自动生成，仅供自评和准备申报材料参考，不代表主管部门的认定结论；申报以主管部门当年发布的通知和审核为准。",
        "This summary was generated by innocheck from the figures the company entered and the rule packs listed above. It is a self-assessment aid for preparing an application, not a decision of any authority; the authority's notice and review of the year prevail.",
    )
    .to_string()];
    if r.has_provisional {
        notes.push(
            l(
                "标注 P（暂定值）的门槛和数值未找到官方文本，须向主管部门确认后方可作为申报依据。",
                "Thresholds and figures marked P (provisional) were not found in an official text: confirm them with the authority before relying on them.",
            )
            .to_string(),
        );
    }
    let legend = [Confidence::V, Confidence::V1, Confidence::P, Confidence::Q]
        .iter()
        .map(|c| format!("{} {}", c.label(), f::confidence(*c, d.lang)))
        .collect::<Vec<_>>()
        .join(l("；", "; "));
    notes.push(format!(
        "{}{legend}{}",
        l("可信度：", "Confidence: "),
        l("。", ".")
    ));
    notes.push(format!(
        "{}{}",
        l(
            "评估文件指纹（SHA-256，用于核对本报告与数据文件是否一致）：",
            "Fingerprint of the assessment file (SHA-256; checks that this report matches the data file): "
        ),
        r.fingerprint
    ));
    let note_style = Style::new(7.6);
    let inner = WIDTH - 16.0;
    let mut lines = d.wrap(l("说明", "Notes"), Style::new(8.4).bold(), inner);
    for n in &notes {
        lines.extend(d.wrap(n, note_style, inner));
    }
    let notes_h = lines_height(&lines) + 12.0;
    let sign_h = 112.0;
    // The notes and the signatures stay on one page when they fit on one.
    d.section(
        6,
        l("说明与签字", "Notes and sign-off"),
        (notes_h + 12.0 + sign_h).min(BOTTOM - TOP - 40.0),
    );
    if notes_h <= BOTTOM - TOP {
        d.ensure(notes_h);
        let top = d.y;
        d.rect(
            MARGIN,
            top,
            WIDTH,
            notes_h,
            Some(Ink::Grey(0xf6)),
            Some((Ink::Grey(0x90), 0.6)),
        );
        d.lines_at(MARGIN + 8.0, top + 6.0, inner, &lines, Align::Left);
        d.y += notes_h + 12.0;
    } else {
        for n in &notes {
            d.paragraph(MARGIN, WIDTH, n, note_style);
        }
        d.y += 12.0;
    }
    d.ensure(sign_h);
    let top = d.y;
    let seal = 104.0;
    let left_w = WIDTH - seal - 24.0;
    let label = Style::new(8.6);
    let rows = [
        l("编制人（签字）", "Prepared by (signature)"),
        l("审核人（签字）", "Reviewed by (signature)"),
        l("日期", "Date"),
    ];
    for (i, text) in rows.iter().enumerate() {
        let y = top + 12.0 + i as f32 * 34.0;
        d.text_at(MARGIN, y + 12.0, label, *text);
        let lw =
            d.m.width(text, label.size)
                .max(if d.lang == Lang::Zh { 70.0 } else { 112.0 });
        d.hline(
            MARGIN + lw + 8.0,
            MARGIN + left_w,
            y + 14.0,
            Ink::Grey(0x30),
            0.6,
        );
    }
    let sx = MARGIN + WIDTH - seal;
    d.ops().push(Op::Rect {
        x: sx,
        y: top + 4.0,
        w: seal,
        h: seal,
        fill: None,
        stroke: None,
    });
    for (a, b) in [
        ((sx, top + 4.0), (sx + seal, top + 4.0)),
        ((sx + seal, top + 4.0), (sx + seal, top + 4.0 + seal)),
        ((sx + seal, top + 4.0 + seal), (sx, top + 4.0 + seal)),
        ((sx, top + 4.0 + seal), (sx, top + 4.0)),
    ] {
        d.ops().push(Op::Line {
            from: a,
            to: b,
            ink: Ink::Grey(0x80),
            width: 0.7,
            dashed: true,
        });
    }
    let seal_label = d.wrap(
        l("（单位盖章）", "(company seal)"),
        Style::new(7.6).ink(MUTED),
        seal - 8.0,
    );
    let sh = lines_height(&seal_label);
    d.lines_at(
        sx + 4.0,
        top + 4.0 + (seal - sh) / 2.0,
        seal - 8.0,
        &seal_label,
        Align::Center,
    );
    d.y = top + sign_h;
}

// ---------------------------------------------------------------------------
// Running header, footer and the PDF itself

fn page_furniture(d: &mut Layout, r: &ReportData) {
    let total = d.pages.len();
    let lang = d.lang;
    let m = d.m;
    for (i, ops) in d.pages.iter_mut().enumerate() {
        let muted = Style::new(7.0).ink(MUTED);
        if i > 0 {
            ops.push(Op::Text {
                x: MARGIN,
                y: 36.0,
                style: muted,
                text: r.header.company.clone(),
            });
            let tw = m.width(&r.title, muted.size);
            ops.push(Op::Text {
                x: MARGIN + WIDTH - tw,
                y: 36.0,
                style: muted,
                text: r.title.clone(),
            });
            ops.push(Op::Line {
                from: (MARGIN, 41.0),
                to: (MARGIN + WIDTH, 41.0),
                ink: RULE,
                width: 0.5,
                dashed: false,
            });
        }
        let fy = PAGE_H - 44.0;
        ops.push(Op::Line {
            from: (MARGIN, fy),
            to: (MARGIN + WIDTH, fy),
            ink: RULE,
            width: 0.5,
            dashed: false,
        });
        let small = Style::new(6.2).ink(MUTED);
        ops.push(Op::Text {
            x: MARGIN,
            y: fy + 11.0,
            style: small,
            text: format!("SHA-256 {}", r.fingerprint),
        });
        let line2 = match lang {
            Lang::Zh => format!(
                "innocheck {} 生成 · 评价基准日 {} · 自评参考，不代表认定结论",
                r.app_version, r.header.as_of
            ),
            Lang::En => format!(
                "Generated by innocheck {} · as of {} · a self-assessment, not a decision",
                r.app_version, r.header.as_of
            ),
        };
        ops.push(Op::Text {
            x: MARGIN,
            y: fy + 20.0,
            style: small,
            text: line2,
        });
        let page = match lang {
            Lang::Zh => format!("第 {} 页 / 共 {total} 页", i + 1),
            Lang::En => format!("Page {} of {total}", i + 1),
        };
        let st = Style::new(8.0).ink(TEXT);
        let pw = m.width(&page, st.size);
        ops.push(Op::Text {
            x: MARGIN + WIDTH - pw,
            y: fy + 15.0,
            style: st,
            text: page,
        });
    }
}

fn fill_of(ink: Ink) -> Fill {
    Fill {
        paint: ink.paint(),
        ..Fill::default()
    }
}

fn stroke_of(ink: Ink, width: f32, dashed: bool) -> Stroke {
    Stroke {
        paint: ink.paint(),
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
            let glyphs = m.glyphs(text);
            surface.set_fill(Some(fill_of(style.ink)));
            surface.set_stroke(style.bold.then(|| Stroke {
                paint: style.ink.paint(),
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
    let secs: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let t = chrono::DateTime::from_timestamp(secs, 0)?;
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

/// Lays out the pages of `r` (without writing the PDF): the drawing
/// operations per page and the section bookmarks.
fn layout(r: &ReportData) -> Result<Layout, ReportError> {
    let m = metrics()?;
    let mut d = Layout::new(m, r.lang);
    title_block(&mut d, r);
    verdicts(&mut d, r);
    charts(&mut d, r);
    tiers(&mut d, r);
    next_steps(&mut d, r);
    evidence(&mut d, r);
    sign_off(&mut d, r);
    page_furniture(&mut d, r);
    Ok(d)
}

/// Renders the printable summary as an A4 PDF.
///
/// Everything shown comes from `r`; the font is embedded as a subset of the
/// glyphs used. The same `r` gives the same bytes; with `SOURCE_DATE_EPOCH`
/// set, that instant is recorded as the creation date, otherwise none is.
pub fn render(r: &ReportData) -> Result<Vec<u8>, ReportError> {
    let d = layout(r)?;
    let font = pdf_font()?;
    let mut doc = Document::new();
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| ReportError::Pdf("invalid page size".into()))?;
    for ops in &d.pages {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        let mut batch = Batch::new();
        for op in ops {
            if let Some(pen) = pen_of(op) {
                batch.push(&mut surface, pen, op);
            } else {
                batch.flush(&mut surface);
                draw(&mut surface, d.m, &font, op);
            }
        }
        batch.flush(&mut surface);
        surface.finish();
        page.finish();
    }
    let mut outline = Outline::new();
    for mk in &d.marks {
        outline.push_child(OutlineNode::new(
            mk.title.clone(),
            XyzDestination::new(mk.page, Point::from_xy(0.0, (mk.y - 12.0).max(0.0))),
        ));
    }
    doc.set_outline(outline);
    let title = if r.header.company.trim().is_empty() {
        r.title.clone()
    } else {
        format!("{} — {}", r.title, r.header.company)
    };
    let mut meta = Metadata::new()
        .title(title)
        .language(r.lang.pick("zh-CN", "en").to_string())
        .creator(format!("innocheck {}", r.app_version));
    if let Some(date) = source_date() {
        meta = meta.creation_date(date);
    }
    doc.set_metadata(meta);
    doc.finish().map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

/// Number of pages the summary of `r` takes (the layout only, no PDF).
pub fn page_count(r: &ReportData) -> Result<usize, ReportError> {
    Ok(layout(r)?.pages.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_are_never_split() {
        let whole = |text: &str, number: &str| {
            let a = atoms(text);
            assert!(
                a.iter().any(|p| p.contains(number)),
                "{number} split: {a:?}"
            );
        };
        whole("short by 5,020 万元, i.e. 2.54 pp.", "5,020");
        whole("short by 5,020 万元, i.e. 2.54 pp.", "2.54");
        whole("还差 5,020 万元，即 12,345,678.5 元", "12,345,678.5");
        // A comma followed by a space still ends the number.
        assert_eq!(atoms("5, 6"), ["5,", " ", "6"]);
    }

    proptest! {
        /// Taking a fitting text whole gives the lines the break loop gives.
        #[test]
        fn whole_text_shortcut_matches_the_break_loop(
            text in "[a-z 技术中心，。.]{0,24}",
            width in 20.0_f32..400.0,
        ) {
            let m = metrics().unwrap();
            let mut fast = Vec::new();
            m.wrap_paragraph(&text, 9.0, width, &mut fast);
            let mut slow = Vec::new();
            m.wrap_atoms(&text, 9.0, width, &mut slow);
            prop_assert_eq!(fast, slow);
        }
    }
}
