//! The order of the pages: the package's own pages, each item's attached
//! pages right after its header page; the final page numbers the contents
//! print; the "第 n 页 / 共 m 页" stamp of every page, embedded ones
//! included; and the bookmarks.

use super::front::{Anchors, Numbers};
use super::images::Placement;
use crate::i18n::Lang;
use crate::i18n::package as t;
use crate::report::pdf::font::Metrics;
use crate::report::pdf::layout::{Ink, Op, Style, WHITE};

/// What a page of the package shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// One of the package's own pages (index into the laid-out pages).
    Own(usize),
    /// Page `page` (from 0) of the PDF attachment `src`.
    Pdf { src: usize, page: usize },
    /// The picture attachment `src`, placed as `at` says.
    Image { src: usize, at: Placement },
}

/// A page of the package: what it shows, its size and its stamp.
#[derive(Debug, Clone)]
pub(super) struct Page {
    /// What it shows.
    pub(super) kind: Kind,
    /// Width and height in points.
    pub(super) size: (f32, f32),
    /// The page-number stamp, drawn over the page.
    pub(super) stamp: Vec<Op>,
}

/// The pages an attachment takes, as the plan needs them.
pub(super) enum Pages {
    /// A PDF: the size of each page.
    Pdf(Vec<(f32, f32)>),
    /// A picture on one A4 page.
    Image(Placement),
}

/// The package's pages in order (stamps not yet drawn) and the position of
/// each own page in it.
pub(super) fn sequence(
    own_pages: usize,
    own_size: (f32, f32),
    anchors: &Anchors,
    attached: &[Vec<Vec<usize>>],
    sources: &[Pages],
) -> (Vec<Page>, Vec<usize>) {
    // Each item's attachments follow the last page of its header, that is
    // the page before the next header (or before the missing page).
    let mut headers: Vec<(usize, usize, usize)> = Vec::new();
    for (si, items) in anchors.items.iter().enumerate() {
        for (ii, page) in items.iter().enumerate() {
            if let Some(p) = page {
                headers.push((*p, si, ii));
            }
        }
    }
    headers.sort_unstable();
    let mut after: Vec<Vec<(usize, usize)>> = vec![Vec::new(); own_pages];
    for (k, (_, si, ii)) in headers.iter().enumerate() {
        let next = headers.get(k + 1).map_or(anchors.missing, |h| h.0);
        if let Some(slot) = after.get_mut(next.saturating_sub(1)) {
            slot.push((*si, *ii));
        }
    }
    let mut pages = Vec::new();
    let mut positions = Vec::with_capacity(own_pages);
    for (i, items) in after.iter().enumerate() {
        positions.push(pages.len());
        pages.push(Page {
            kind: Kind::Own(i),
            size: own_size,
            stamp: Vec::new(),
        });
        for (si, ii) in items {
            for &src in &attached[*si][*ii] {
                match &sources[src] {
                    Pages::Pdf(sizes) => {
                        for (page, size) in sizes.iter().enumerate() {
                            pages.push(Page {
                                kind: Kind::Pdf { src, page },
                                size: *size,
                                stamp: Vec::new(),
                            });
                        }
                    }
                    Pages::Image(at) => pages.push(Page {
                        kind: Kind::Image { src, at: *at },
                        size: at.page,
                        stamp: Vec::new(),
                    }),
                }
            }
        }
    }
    (pages, positions)
}

/// The final page numbers (from 1) of the anchors, given the positions of
/// the own pages.
pub(super) fn numbers(anchors: &Anchors, positions: &[usize]) -> Numbers {
    let at = |i: usize| positions.get(i).map_or(0, |p| p + 1);
    Numbers {
        summary: at(anchors.summary),
        items: anchors
            .items
            .iter()
            .map(|s| s.iter().map(|p| p.map(at)).collect())
            .collect(),
        missing: at(anchors.missing),
    }
}

/// Font size of the page stamp.
const STAMP: f32 = 8.0;

/// Draws "第 n 页 / 共 m 页" at the bottom right of every page, on a white
/// label so it stays legible over an embedded page's own content.
pub(super) fn stamp(pages: &mut [Page], m: &Metrics, lang: Lang) {
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let text = lang
            .t(t::PAGE_OF)
            .replace("{i}", &(i + 1).to_string())
            .replace("{n}", &total.to_string());
        let (w, h) = page.size;
        let tw = m.width(&text, STAMP);
        let inset = (w * 0.05).clamp(6.0, 42.0);
        let x = (w - inset - tw).max(2.0);
        let baseline = h - (h * 0.02).clamp(4.0, 16.0) - 2.0;
        page.stamp = vec![
            Op::Rect {
                x: x - 3.0,
                y: baseline - STAMP - 1.0,
                w: tw + 6.0,
                h: STAMP + 5.0,
                fill: Some(WHITE),
                stroke: None,
            },
            Op::Text {
                x,
                y: baseline,
                style: Style::new(STAMP).ink(Ink::Grey(0x1c)),
                text,
            },
        ];
    }
}

/// A bookmark and the bookmarks under it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Entry {
    /// What it says.
    pub(super) title: String,
    /// The page it opens (from 0).
    pub(super) page: usize,
    /// The bookmarks under it.
    pub(super) children: Vec<Entry>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::package::images::place;

    #[test]
    fn attachments_follow_their_header_pages() {
        // Own pages: 0 cover, 1 contents, 2 summary, 3 header A, 4 header B
        // (two pages), 6 missing.
        let anchors = Anchors {
            contents: 1,
            summary: 2,
            items: vec![vec![Some(3), None], vec![Some(4)]],
            missing: 6,
        };
        let sources = vec![
            Pages::Pdf(vec![(100.0, 200.0), (200.0, 100.0)]),
            Pages::Image(place((10, 20))),
        ];
        let attached = vec![vec![vec![0], vec![]], vec![vec![1]]];
        let (pages, positions) = sequence(7, (1.0, 1.0), &anchors, &attached, &sources);
        let kinds: Vec<String> = pages
            .iter()
            .map(|p| match p.kind {
                Kind::Own(i) => format!("o{i}"),
                Kind::Pdf { src, page } => format!("p{src}.{page}"),
                Kind::Image { src, .. } => format!("i{src}"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "o0", "o1", "o2", "o3", "p0.0", "p0.1", "o4", "o5", "i1", "o6"
            ]
        );
        assert_eq!(pages[5].size, (200.0, 100.0));
        let n = numbers(&anchors, &positions);
        assert_eq!(n.summary, 3);
        assert_eq!(n.items, vec![vec![Some(4), None], vec![Some(7)]]);
        assert_eq!(n.missing, 10);
    }
}
