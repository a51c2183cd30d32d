//! The package's own pages, laid out with the summary's engine: the cover,
//! the contents (with page numbers and the attachments left out), the
//! readiness summary of the tier (the summary's parts, restricted to the
//! tier and unnumbered), one header page per evidence item that has
//! attachments, and the last page listing what is still missing.
//!
//! The contents are laid out twice: first with blank page numbers, to know
//! how many pages each part takes, then with the numbers (which sit in a
//! column of their own, so they never change a line break).

use super::PackageInput;
use super::error::Problem;
use crate::i18n::package as t;
use crate::i18n::report as tr;
use crate::report::ReportError;
use crate::report::pdf::font;
use crate::report::pdf::layout::{
    ACCENT, Align, Cell, Col, FIRST_TOP, Ink, Layout, MARGIN, MUTED, PAGE_H, RULE, Style, TABLE,
    TEXT, Table, WIDTH, lines_height,
};
use crate::report::pdf::sections::{self, Doc};

/// A file as a header page names it: shown name, pages, note.
pub(super) type FileLine<'a> = (&'a str, usize, &'a str);

/// An evidence item as the pages show it.
pub(super) struct ItemView<'a> {
    /// The item's words.
    pub(super) words: &'a str,
    /// The attachments that go in: shown name, pages, note.
    pub(super) files: Vec<FileLine<'a>>,
    /// Some of its attachments were left out (`--skip-bad`).
    pub(super) skipped: bool,
}

/// A criterion and its evidence items.
pub(super) struct SectionView<'a> {
    /// The criterion's title.
    pub(super) criterion: &'a str,
    /// Its evidence items, in the rule pack's order.
    pub(super) items: Vec<ItemView<'a>>,
}

/// Final page numbers (from 1) of what the contents list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Numbers {
    /// The summary's first page.
    pub(super) summary: usize,
    /// Each item's header page, per section; `None` for items without attachments.
    pub(super) items: Vec<Vec<Option<usize>>>,
    /// The page listing what is missing.
    pub(super) missing: usize,
}

/// Where the parts start among the laid-out pages (indices from 0).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Anchors {
    /// The contents' first page.
    pub(super) contents: usize,
    /// The summary's first page.
    pub(super) summary: usize,
    /// Each item's header page, per section; `None` for items without attachments.
    pub(super) items: Vec<Vec<Option<usize>>>,
    /// The page listing what is missing.
    pub(super) missing: usize,
}

/// Lays out the package's own pages; `numbers` are the final page numbers
/// for the contents (`None`: blanks of the same width).
pub(super) fn lay_out(
    input: &PackageInput,
    sections: &[SectionView],
    skipped: &[Problem],
    numbers: Option<&Numbers>,
) -> Result<(Layout, Anchors), ReportError> {
    let m = font::metrics()?;
    let mut d = Doc::new(m, input.lang).unnumbered();
    cover(&mut d, input);
    d.new_page();
    let contents = d.page_index();
    contents_pages(&mut d, sections, skipped, numbers);
    d.new_page();
    let summary = d.page_index();
    summary_pages(&mut d, input);
    let mut items = Vec::with_capacity(sections.len());
    for s in sections {
        let mut pages = Vec::with_capacity(s.items.len());
        for item in &s.items {
            if item.files.is_empty() {
                pages.push(None);
            } else {
                d.new_page();
                pages.push(Some(d.page_index()));
                header_page(&mut d, s.criterion, item);
            }
        }
        items.push(pages);
    }
    d.new_page();
    let missing = d.page_index();
    missing_page(&mut d, sections);
    let anchors = Anchors {
        contents,
        summary,
        items,
        missing,
    };
    Ok((d.into_layout(), anchors))
}

/// Text centred on the page at baseline `y`.
fn centred(d: &mut Doc, y: f32, style: Style, text: &str) {
    let lines = d.wrap(text, style, WIDTH);
    let top = y - style.size;
    d.lines_at(MARGIN, top, WIDTH, &lines, Align::Center);
}

/// Page 1: title, the tier applied for, the company block, the seal box.
fn cover(d: &mut Doc, input: &PackageInput) {
    let lang = d.lang;
    d.rect(MARGIN, FIRST_TOP + 60.0, WIDTH, 2.0, Some(ACCENT), None);
    centred(
        d,
        FIRST_TOP + 150.0,
        Style::new(30.0).bold().ink(ACCENT),
        lang.t(t::TITLE),
    );
    centred(d, FIRST_TOP + 190.0, Style::new(15.0).bold(), &input.tier);
    let company = if input.company.trim().is_empty() {
        lang.t(t::NOT_ENTERED)
    } else {
        &input.company
    };
    centred(d, FIRST_TOP + 222.0, Style::new(12.0), company);
    d.y = FIRST_TOP + 280.0;
    let label = Style::new(9.0).ink(MUTED);
    let value = Style::new(10.0);
    let val = |s: &str| {
        if s.trim().is_empty() {
            lang.t(t::NOT_ENTERED).to_string()
        } else {
            s.to_string()
        }
    };
    let rows = [
        (t::COMPANY, val(&input.company)),
        (t::USCC, val(&input.uscc)),
        (t::APPLYING_FOR, input.tier.clone()),
        (t::DATE, input.date.clone()),
    ]
    .into_iter()
    .map(|(k, v)| {
        (
            vec![
                Cell::text(lang.t(k), label).fill(Ink::Grey(0xf1)),
                Cell::text(v, value),
            ],
            None,
        )
    })
    .collect();
    let table = Table {
        cols: vec![
            Col {
                head: String::new(),
                width: 130.0,
                align: Align::Left,
            },
            Col {
                head: String::new(),
                width: WIDTH - 130.0,
                align: Align::Left,
            },
        ],
        head: false,
        rows,
        continued: None,
        grid: true,
    };
    d.table(&table);
    let side = 120.0;
    let top = d.y + 40.0;
    d.seal_box(MARGIN + WIDTH - side, top, side, lang.t(t::SEAL));
    let note = lang
        .t(t::COVER_NOTE)
        .replace("{version}", env!("CARGO_PKG_VERSION"));
    let lines = d.wrap(&note, Style::new(7.6).ink(MUTED), WIDTH);
    let bottom = PAGE_H - 90.0 - lines_height(&lines);
    d.lines_at(MARGIN, bottom, WIDTH, &lines, Align::Left);
}

/// The heading of one of the package's parts (unnumbered, bookmarked by the plan).
fn heading(d: &mut Doc, title: &str) {
    let y = d.y;
    d.rect(MARGIN, y + 4.0, 3.2, 13.0, Some(ACCENT), None);
    d.text_at(MARGIN + 9.0, y + 15.0, Style::new(12.5).bold(), title);
    d.hline(MARGIN, MARGIN + WIDTH, y + 21.0, RULE, 0.5);
    d.y += 30.0;
}

/// Width of the page-number column of the contents.
const PAGE_COL: f32 = 48.0;

/// A page number in the contents: blank in the first pass.
fn number(n: Option<usize>, first_pass: bool) -> String {
    match n {
        Some(n) if !first_pass => n.to_string(),
        _ => String::new(),
    }
}

/// The contents: the summary, every criterion with its items and their
/// pages (or 缺), the missing page, then the attachments left out.
fn contents_pages(
    d: &mut Doc,
    sections: &[SectionView],
    skipped: &[Problem],
    numbers: Option<&Numbers>,
) {
    let lang = d.lang;
    heading(d, lang.t(t::CONTENTS));
    let first = numbers.is_none();
    let dflt = Numbers::default();
    let nums = numbers.unwrap_or(&dflt);
    let body = Style::new(9.0);
    let bold = Style::new(9.2).bold();
    let muted = Style::new(8.6).ink(MUTED);
    let row = |text: Cell, page: String, style: Style| (vec![text, Cell::text(page, style)], None);
    let mut rows = vec![row(
        Cell::text(lang.t(t::SUMMARY), bold),
        number(Some(nums.summary), first),
        bold,
    )];
    for (si, s) in sections.iter().enumerate() {
        let pages = nums.items.get(si);
        let first_page = pages.and_then(|p| p.iter().flatten().next().copied());
        rows.push(row(
            Cell::text(lang.t(t::CRITERION).replace("{title}", s.criterion), bold),
            number(first_page, first),
            bold,
        ));
        if s.items.is_empty() {
            rows.push(row(
                Cell::text(format!("· {}", lang.t(t::NO_ITEMS)), muted),
                String::new(),
                muted,
            ));
        }
        for (ii, item) in s.items.iter().enumerate() {
            let page = pages.and_then(|p| p.get(ii).copied().flatten());
            let (text_style, mark) = if item.files.is_empty() {
                (muted, lang.t(t::STATUS_MISSING).to_string())
            } else {
                (body, number(page, first))
            };
            rows.push(row(
                Cell::text(format!("· {}", item.words), text_style),
                mark,
                text_style,
            ));
        }
    }
    rows.push(row(
        Cell::text(lang.t(t::MISSING), bold),
        number(Some(nums.missing), first),
        bold,
    ));
    let table = Table {
        cols: vec![
            Col {
                head: String::new(),
                width: WIDTH - PAGE_COL,
                align: Align::Left,
            },
            Col {
                head: String::new(),
                width: PAGE_COL,
                align: Align::Right,
            },
        ],
        head: false,
        rows,
        continued: Some(format!("{}{}", lang.t(t::CONTENTS), lang.t(tr::CONTINUED))),
        grid: false,
    };
    d.table(&table);
    if !skipped.is_empty() {
        d.y += 14.0;
        d.ensure(60.0);
        let title = Style::new(9.6).bold();
        d.paragraph(MARGIN, WIDTH, lang.t(t::SKIPPED), title);
        d.y += 2.0;
        d.paragraph(MARGIN, WIDTH, lang.t(t::SKIPPED_INTRO), Style::new(8.2));
        d.y += 2.0;
        for p in skipped {
            let text = format!("· {}", p.message_with_item(lang));
            d.paragraph(MARGIN + 8.0, WIDTH - 8.0, &text, Style::new(8.2));
        }
    }
}

/// The readiness summary of the tier: the ladder of its programme and its
/// criteria table, as the printed summary shows them.
fn summary_pages(d: &mut Doc, input: &PackageInput) {
    let lang = d.lang;
    heading(d, lang.t(t::SUMMARY));
    sections::verdicts(d, &input.summary);
    sections::tiers(d, &input.summary);
}

/// An item's header page: the criterion, the item, the files that follow.
fn header_page(d: &mut Doc, criterion: &str, item: &ItemView) {
    let lang = d.lang;
    let top = d.y + 120.0;
    d.y = top;
    let crit = lang.t(t::CRITERION).replace("{title}", criterion);
    let lines = d.wrap(&crit, Style::new(11.0).ink(MUTED), WIDTH - 24.0);
    let mut block = lines;
    block.extend(d.wrap(
        &lang.t(t::ITEM).replace("{item}", item.words),
        Style::new(16.0).bold().ink(TEXT),
        WIDTH - 24.0,
    ));
    d.barred_box(&block, (RULE, 0.6), (ACCENT, 4.0), 14.0, 16.0);
    d.y += 18.0;
    let total: usize = item.files.iter().map(|f| f.1).sum();
    let follow = if total == 1 {
        lang.t(t::FILES_FOLLOW_ONE).to_string()
    } else {
        lang.t(t::FILES_FOLLOW).replace("{n}", &total.to_string())
    };
    d.paragraph(MARGIN, WIDTH, &follow, Style::new(10.0).bold());
    d.y += 4.0;
    for (name, pages, note) in &item.files {
        let text = if *pages == 1 {
            lang.t(t::FILE_PAGE).replace("{file}", name)
        } else {
            lang.t(t::FILE_PAGES)
                .replace("{file}", name)
                .replace("{n}", &pages.to_string())
        };
        d.paragraph(
            MARGIN + 10.0,
            WIDTH - 10.0,
            &format!("· {text}"),
            Style::new(9.4),
        );
        if !note.trim().is_empty() {
            let note = lang.t(t::NOTE).replace("{note}", note);
            d.paragraph(
                MARGIN + 22.0,
                WIDTH - 22.0,
                &note,
                Style::new(8.6).ink(MUTED),
            );
        }
    }
}

/// The last page: every item with no attachment in the package.
fn missing_page(d: &mut Doc, sections: &[SectionView]) {
    let lang = d.lang;
    heading(d, lang.t(t::MISSING));
    let body = Style::new(TABLE + 1.0);
    let rows: Vec<_> = sections
        .iter()
        .flat_map(|s| {
            s.items
                .iter()
                .filter(|i| i.files.is_empty())
                .map(move |i| (s.criterion, i))
        })
        .map(|(criterion, i)| {
            let status = if i.skipped {
                lang.t(t::STATUS_SKIPPED)
            } else {
                lang.t(t::STATUS_MISSING)
            };
            (
                vec![
                    Cell::text(criterion, body),
                    Cell::text(i.words, body),
                    Cell::text(status, body.bold()),
                ],
                None,
            )
        })
        .collect();
    if rows.is_empty() {
        d.paragraph(MARGIN, WIDTH, lang.t(t::NOTHING_MISSING), Style::new(10.0));
        return;
    }
    d.paragraph(MARGIN, WIDTH, lang.t(t::MISSING_INTRO), Style::new(9.0));
    d.y += 4.0;
    let table = Table {
        cols: vec![
            Col {
                head: lang.t(t::COL_CRITERION).into(),
                width: 170.0,
                align: Align::Left,
            },
            Col {
                head: lang.t(t::COL_ITEM).into(),
                width: WIDTH - 170.0 - 90.0,
                align: Align::Left,
            },
            Col {
                head: lang.t(t::COL_STATUS).into(),
                width: 90.0,
                align: Align::Left,
            },
        ],
        head: true,
        rows,
        continued: Some(format!("{}{}", lang.t(t::MISSING), lang.t(tr::CONTINUED))),
        grid: false,
    };
    d.table(&table);
}
