//! The layout engine: styles and inks, the display list a page is drawn
//! from, blocks of wrapped lines, tables and pagination.
//!
//! It knows the page (A4, margins, the content area), the font's advances
//! and where text may break, and nothing of the report: the sections
//! (`sections/`, `charts.rs`) decide what goes where and in which words,
//! the writer (`write.rs`) turns the finished pages into PDF.
//!
//! - **Tables.** Fixed column widths; a row is as tall as its most wrapped
//!   cell. A row that does not fit goes to the next page, under a repeated
//!   caption and header row; a row taller than a whole page is split by lines.
//! - **Pages.** Each page is a list of drawing operations ([`Op`]), kept until
//!   the whole document is laid out, so the total page count is known when
//!   the running header and the footers are added.

use super::font::Metrics;
use super::linebreak;

/// A4 width in points.
pub(super) const PAGE_W: f32 = 595.28;
/// A4 height in points.
pub(super) const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub(super) const MARGIN: f32 = 42.0;
/// Width of the text block.
pub(super) const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
/// Top of the content on the first page (no running header there).
pub(super) const FIRST_TOP: f32 = 40.0;
/// Top of the content on the following pages (below the running header).
pub(super) const TOP: f32 = 56.0;
/// Bottom of the content (the footer is below it).
pub(super) const BOTTOM: f32 = PAGE_H - 58.0;
/// Ascent of the font as a fraction of the size (Noto Sans CJK: 880/1000).
pub(super) const ASCENT: f32 = 0.88;
/// Line height as a multiple of the font size.
pub(super) const LEADING: f32 = 1.4;
/// Cell padding, horizontal and vertical.
pub(super) const PAD_X: f32 = 3.5;
/// Cell padding, vertical.
pub(super) const PAD_Y: f32 = 2.6;
/// Font size of table text.
pub(super) const TABLE: f32 = 7.3;

// ---------------------------------------------------------------------------
// Ink and style

/// A colour. Greys carry the layout; one dark blue accent prints as dark grey,
/// so every chart and table stays legible on a greyscale printer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Ink {
    /// A grey level, 0 black – 255 white.
    Grey(u8),
    /// An RGB colour.
    Rgb(u8, u8, u8),
}

/// The accent, a dark blue.
pub(super) const ACCENT: Ink = Ink::Rgb(0x1f, 0x3a, 0x5f);
pub(super) const TEXT: Ink = Ink::Grey(0x1c);
pub(super) const MUTED: Ink = Ink::Grey(0x5c);
pub(super) const RULE: Ink = Ink::Grey(0xb8);
pub(super) const SHADE: Ink = Ink::Grey(0xee);
pub(super) const HEAD_FILL: Ink = Ink::Grey(0xdf);
pub(super) const WHITE: Ink = Ink::Grey(0xff);

/// How a piece of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Style {
    pub(super) size: f32,
    pub(super) ink: Ink,
    pub(super) bold: bool,
}

impl Style {
    pub(super) const fn new(size: f32) -> Self {
        Style {
            size,
            ink: TEXT,
            bold: false,
        }
    }
    pub(super) const fn ink(mut self, ink: Ink) -> Self {
        self.ink = ink;
        self
    }
    pub(super) const fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub(super) fn leading(self) -> f32 {
        self.size * LEADING
    }
}

// ---------------------------------------------------------------------------
// Display list

/// One drawing operation, in page coordinates (points, origin top-left).
#[derive(Debug, Clone)]
pub(super) enum Op {
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
pub(super) struct Line {
    pub(super) text: String,
    pub(super) style: Style,
}

impl Line {
    pub(super) fn height(&self) -> f32 {
        self.style.leading()
    }
}

pub(super) fn lines_height(lines: &[Line]) -> f32 {
    lines.iter().map(Line::height).sum()
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Center,
    Right,
}

/// A bookmark: title, page index, y.
pub(super) struct Mark {
    pub(super) title: String,
    pub(super) page: usize,
    pub(super) y: f32,
}

// ---------------------------------------------------------------------------
// Tables

/// A table column.
pub(super) struct Col {
    pub(super) head: String,
    pub(super) width: f32,
    pub(super) align: Align,
}

/// A cell: paragraphs, each in its own style.
#[derive(Default)]
pub(super) struct Cell {
    pub(super) parts: Vec<(String, Style)>,
    pub(super) fill: Option<Ink>,
}

impl Cell {
    pub(super) fn text(s: impl Into<String>, style: Style) -> Self {
        Cell {
            parts: vec![(s.into(), style)],
            fill: None,
        }
    }
    pub(super) fn and(mut self, s: impl Into<String>, style: Style) -> Self {
        let s = s.into();
        if !s.trim().is_empty() {
            self.parts.push((s, style));
        }
        self
    }
    pub(super) fn fill(mut self, ink: Ink) -> Self {
        self.fill = Some(ink);
        self
    }
}

/// A table: columns, rows, and how it continues on a new page.
pub(super) struct Table {
    pub(super) cols: Vec<Col>,
    /// Whether the header row is printed (and repeated on every page).
    pub(super) head: bool,
    pub(super) rows: Vec<(Vec<Cell>, Option<Ink>)>,
    /// Printed above the repeated header on every following page.
    pub(super) continued: Option<String>,
    /// Full grid (label/value blocks) instead of horizontal rules only.
    pub(super) grid: bool,
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
pub(super) struct Layout {
    pub(super) m: &'static Metrics,
    pub(super) pages: Vec<Vec<Op>>,
    pub(super) y: f32,
    pub(super) marks: Vec<Mark>,
}

impl Layout {
    pub(super) fn new(m: &'static Metrics) -> Self {
        Layout {
            m,
            pages: vec![Vec::new()],
            y: FIRST_TOP,
            marks: Vec::new(),
        }
    }

    pub(super) fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(super) fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `h` more points fit on this one.
    pub(super) fn ensure(&mut self, h: f32) {
        if self.y + h > BOTTOM && self.y > TOP + 0.5 {
            self.new_page();
        }
    }

    pub(super) fn gap(&mut self, h: f32) {
        if self.y > TOP + 0.5 {
            self.y += h;
        }
    }

    pub(super) fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<Line> {
        linebreak::wrap(self.m, text, style.size, width)
            .into_iter()
            .map(|text| Line { text, style })
            .collect()
    }

    pub(super) fn text_at(&mut self, x: f32, baseline: f32, style: Style, text: impl Into<String>) {
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
    pub(super) fn lines_at(
        &mut self,
        x: f32,
        top: f32,
        width: f32,
        lines: &[Line],
        align: Align,
    ) -> f32 {
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
    pub(super) fn paragraph(&mut self, x: f32, width: f32, text: &str, style: Style) {
        for line in self.wrap(text, style, width) {
            self.ensure(line.height());
            let top = self.y;
            self.y += self.lines_at(x, top, width, std::slice::from_ref(&line), Align::Left);
        }
    }

    pub(super) fn rect(
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

    pub(super) fn hline(&mut self, x0: f32, x1: f32, y: f32, ink: Ink, width: f32) {
        self.ops().push(Op::Line {
            from: (x0, y),
            to: (x1, y),
            ink,
            width,
            dashed: false,
        });
    }

    /// Records a bookmark to `title` at `y` on the current page.
    pub(super) fn bookmark(&mut self, title: String, y: f32) {
        let page = self.page_index();
        self.marks.push(Mark { title, page, y });
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
    pub(super) fn table_lead(&self, t: &Table) -> f32 {
        let head = self.head_row(t).map_or(0.0, |h| h.height());
        let first = t.rows.first().map_or(0.0, |(cells, shade)| {
            self.layout_row(t, cells, *shade).height()
        });
        head + first.min(BOTTOM - TOP - head - 60.0)
    }

    /// Height of the whole table drawn on one page: the header and every row.
    pub(super) fn table_height(&self, t: &Table) -> f32 {
        let head = self.head_row(t).map_or(0.0, |h| h.height());
        t.rows.iter().fold(head, |h, (cells, shade)| {
            h + self.layout_row(t, cells, *shade).height()
        })
    }

    pub(super) fn table(&mut self, t: &Table) {
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
