//! The application package (申报材料包): one PDF with a cover, the contents,
//! the readiness summary of the tier applied for, then every evidence item
//! in the order of the tier's criteria — a header page naming the
//! criterion and the item, followed by the attached pages — and a last page
//! listing what is still missing.
//!
//! - `check.rs`: reading an attachment (still there, unchanged, not too
//!   large, PDF/JPEG/PNG by its first bytes);
//! - `embed.rs`: a PDF parsed for copying page by page as vector forms, a
//!   picture opened (a JPEG is copied as it is);
//! - `images.rs`: a scan's place on A4 and its shrinking to `--max-dpi`;
//! - `front.rs`: the own pages, laid out with the summary's engine;
//! - `plan.rs`: the page order, the page numbers, the stamps, the bookmarks;
//! - `write.rs` (krilla): the pages drawn — own pages, pictures, stamps;
//! - `assemble.rs`: the file — the drawn pages over the attached PDFs' pages,
//!   each attachment copied once and let go, bookmarks and document
//!   information.
//!
//! Every attachment is read and checked before anything is drawn: with a
//! problem (vanished, changed since attaching, encrypted, damaged, empty,
//! unsupported, too large) nothing is produced unless skipping was asked
//! for, and then the contents page lists what was left out. The same input
//! gives the same bytes (the creation date comes from `SOURCE_DATE_EPOCH`).

mod assemble;
mod check;
mod embed;
mod error;
mod front;
mod images;
mod input;
mod orient;
mod plan;
mod write;

use std::path::PathBuf;

use rayon::prelude::*;

use self::check::Kind;
use self::embed::Source;
pub use self::error::{PackageError, Problem, Reason};
use self::front::{ItemView, SectionView};
pub use self::input::{Attached, UnknownTier, attached_of, input};
use self::plan::{Entry, Pages};
use crate::i18n::Lang;
use crate::i18n::package as t;
use crate::report::data::ReportData;
use crate::report::pdf::font;
use crate::report::pdf::layout::{PAGE_H, PAGE_W};

/// The largest attachment read by default: 100 MB. A scan of an A4 page
/// at 600 dpi is about 5 MB as JPEG; anything much larger is a mistake.
pub const DEFAULT_MAX_FILE: u64 = 100 * 1024 * 1024;

/// What goes into a package, resolved from the assessment and the rule pack
/// (see [`crate::report::pdf::package`]'s callers): words in the package's
/// language, files as paths.
#[derive(Debug, Clone)]
pub struct PackageInput {
    /// Language of the package's own pages.
    pub lang: Lang,
    /// Company name.
    pub company: String,
    /// 统一社会信用代码.
    pub uscc: String,
    /// The tier applied for, as its title reads (with its ladder label).
    pub tier: String,
    /// The date on the cover.
    pub date: String,
    /// The readiness summary restricted to the tier ([`ReportData::only_tier`]).
    pub summary: ReportData,
    /// The tier's criteria in the rule pack's order, with their evidence items.
    pub sections: Vec<Section>,
}

/// A criterion of the tier and its evidence items.
#[derive(Debug, Clone)]
pub struct Section {
    /// The criterion's title.
    pub criterion: String,
    /// Its evidence items, in the rule pack's order.
    pub items: Vec<Item>,
}

/// An evidence item and the files attached to it.
#[derive(Debug, Clone)]
pub struct Item {
    /// The item's words.
    pub words: String,
    /// The files attached, in the order they were attached.
    pub files: Vec<FileRef>,
}

/// A file attached to an evidence item.
#[derive(Debug, Clone)]
pub struct FileRef {
    /// Where it is now (resolved against the assessment's folder).
    pub path: PathBuf,
    /// How it is named in messages and on the header page (as attached).
    pub name: String,
    /// SHA-256 recorded when attaching (lower-case hex), if any.
    pub sha256: Option<String>,
    /// Size in bytes recorded when attaching, if any.
    pub size: Option<u64>,
    /// The note given when attaching.
    pub note: String,
}

/// How the package is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Leave out attachments with problems (and list them) instead of failing.
    pub skip_bad: bool,
    /// Shrink scans finer than this at their printed size (dots per inch).
    pub max_dpi: Option<u32>,
    /// Refuse attachments larger than this (bytes).
    pub max_file: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            skip_bad: false,
            max_dpi: None,
            max_file: DEFAULT_MAX_FILE,
        }
    }
}

/// A package built.
#[derive(Debug, Clone)]
pub struct Package {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
    /// The attachments left out (only with [`Options::skip_bad`]).
    pub skipped: Vec<Problem>,
}

/// Reads, checks and opens one attachment (shrunk to `max_dpi` if asked).
fn open(f: &FileRef, opts: &Options) -> Result<Source, Reason> {
    let (kind, bytes) = check::read(f, opts.max_file)?;
    // Read from the file as attached: a shrunk copy carries no EXIF.
    let orientation = if kind == Kind::Jpeg {
        orient::jpeg_orientation(&bytes)
    } else {
        1
    };
    let bytes = match (kind, opts.max_dpi) {
        (Kind::Jpeg | Kind::Png, Some(max_dpi)) => {
            let (w, h) = image::ImageReader::new(std::io::Cursor::new(&bytes))
                .with_guessed_format()
                .ok()
                .and_then(|r| r.into_dimensions().ok())
                .ok_or(Reason::Damaged)?;
            // The stored width is printed as the shown height after a quarter turn.
            let turned = orient::quarter_turn(orientation);
            let at = images::place(if turned { (h, w) } else { (w, h) });
            let printed = if turned { at.rect.3 } else { at.rect.2 };
            match images::shrink(kind, &bytes, (w, h), printed, max_dpi) {
                Some(small) => small?,
                None => bytes,
            }
        }
        _ => bytes,
    };
    embed::open(kind, bytes, orientation)
}

/// Builds the package of `input`.
///
/// Every attachment is read and checked first (on all cores); with a
/// problem, the result is [`PackageError::Bad`] naming each file and why,
/// unless `opts.skip_bad` is set.
pub fn build(input: &PackageInput, opts: &Options) -> Result<Package, PackageError> {
    let refs: Vec<(usize, usize, &FileRef)> = input
        .sections
        .iter()
        .enumerate()
        .flat_map(|(si, s)| {
            s.items
                .iter()
                .enumerate()
                .flat_map(move |(ii, i)| i.files.iter().map(move |f| (si, ii, f)))
        })
        .collect();
    let opened: Vec<Result<Source, Reason>> =
        refs.par_iter().map(|(_, _, f)| open(f, opts)).collect();
    let mut sources: Vec<Source> = Vec::new();
    let mut attached: Vec<Vec<Vec<usize>>> = input
        .sections
        .iter()
        .map(|s| vec![Vec::new(); s.items.len()])
        .collect();
    // Per item: the files that go in, as the header page names them.
    let mut shown: Vec<Vec<Vec<front::FileLine>>> = input
        .sections
        .iter()
        .map(|s| vec![Vec::new(); s.items.len()])
        .collect();
    let mut problems = Vec::new();
    let mut bad_items = std::collections::BTreeSet::new();
    for ((si, ii, f), r) in refs.iter().zip(opened) {
        match r {
            Ok(src) => {
                shown[*si][*ii].push((f.name.as_str(), src.pages(), f.note.as_str()));
                attached[*si][*ii].push(sources.len());
                sources.push(src);
            }
            Err(reason) => {
                bad_items.insert((*si, *ii));
                problems.push(Problem {
                    file: f.name.clone(),
                    criterion: input.sections[*si].criterion.clone(),
                    item: input.sections[*si].items[*ii].words.clone(),
                    reason,
                });
            }
        }
    }
    if !problems.is_empty() && !opts.skip_bad {
        return Err(PackageError::Bad(problems));
    }
    let views: Vec<SectionView> = input
        .sections
        .iter()
        .zip(shown)
        .enumerate()
        .map(|(si, (s, files))| SectionView {
            criterion: &s.criterion,
            items: s
                .items
                .iter()
                .zip(files)
                .enumerate()
                .map(|(ii, (i, files))| ItemView {
                    words: &i.words,
                    files,
                    skipped: bad_items.contains(&(si, ii)),
                })
                .collect(),
        })
        .collect();
    let pages_of: Vec<Pages> = sources
        .iter()
        .map(|s| match s {
            Source::Pdf { sizes, .. } => Pages::Pdf(sizes.clone()),
            Source::Image { px, .. } => Pages::Image(images::place(*px)),
        })
        .collect();
    // Lay out with blank page numbers, then with the numbers that layout
    // gives; the numbers never change a line break, so the second layout
    // has the same pages (checked, and laid out again if not).
    let (mut own, mut anchors) = front::lay_out(input, &views, &problems, None)?;
    let mut numbers = None;
    for _ in 0..3 {
        let (_, positions) = plan::sequence(
            own.pages.len(),
            (PAGE_W, PAGE_H),
            &anchors,
            &attached,
            &pages_of,
        );
        let n = plan::numbers(&anchors, &positions);
        if numbers.as_ref() == Some(&n) {
            break;
        }
        (own, anchors) = front::lay_out(input, &views, &problems, Some(&n))?;
        numbers = Some(n);
    }
    let (mut pages, positions) = plan::sequence(
        own.pages.len(),
        (PAGE_W, PAGE_H),
        &anchors,
        &attached,
        &pages_of,
    );
    plan::stamp(&mut pages, font::metrics()?, input.lang);
    let outline = outline(input, &anchors, &positions);
    let lang = input.lang;
    let title = [
        lang.t(t::TITLE),
        input.company.as_str(),
        input.tier.as_str(),
    ]
    .iter()
    .filter(|s| !s.trim().is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" — ");
    let info = crate::report::pdf::write::Info {
        title,
        language: match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        },
        creator: format!("innocheck {}", env!("CARGO_PKG_VERSION")),
    };
    let bytes = write::write(&pages, &own, sources, &outline, &info)?;
    Ok(Package {
        bytes,
        pages: pages.len(),
        skipped: if opts.skip_bad { problems } else { Vec::new() },
    })
}

/// The bookmarks: contents, summary, every criterion with its items (an item
/// without attachments opens the missing page), and the missing page.
fn outline(input: &PackageInput, anchors: &front::Anchors, positions: &[usize]) -> Vec<Entry> {
    let lang = input.lang;
    let at = |i: usize| positions.get(i).copied().unwrap_or(0);
    let missing = at(anchors.missing);
    let leaf = |title: String, page: usize| Entry {
        title,
        page,
        children: Vec::new(),
    };
    let mut out = vec![
        leaf(lang.t(t::CONTENTS).into(), at(anchors.contents)),
        leaf(lang.t(t::SUMMARY).into(), at(anchors.summary)),
    ];
    for (s, pages) in input.sections.iter().zip(&anchors.items) {
        let children: Vec<Entry> = s
            .items
            .iter()
            .zip(pages)
            .map(|(i, p)| leaf(i.words.clone(), p.map_or(missing, at)))
            .collect();
        let page = children.first().map_or(missing, |c| c.page);
        out.push(Entry {
            title: s.criterion.clone(),
            page: pages.iter().flatten().next().map_or(page, |p| at(*p)),
            children,
        });
    }
    out.push(leaf(lang.t(t::MISSING).into(), missing));
    out
}
