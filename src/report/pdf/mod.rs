//! The printable summary as an A4 PDF, drawn from [`ReportData`] alone.
//!
//! krilla writes the PDF and embeds the bundled font as a subset; it does not
//! measure, wrap or paginate text, so this module lays the document out
//! itself, in two halves that meet at a display list (the seam typst keeps
//! between its layout and its PDF export):
//!
//! - **The engine** knows pages, text and tables, not the report:
//!   - `font.rs`: glyph ids and advance widths from the font's `cmap` and
//!     `hmtx` tables (skrifa, the parser krilla itself uses);
//!   - `linebreak.rs`: where a text may break, and filling lines of a width;
//!   - `layout.rs`: styles and inks, the drawing operations ([`layout::Op`])
//!     of each page, wrapped blocks, tables whose rows break across pages
//!     under a repeated header, and the cursor that paginates;
//!   - `write.rs`: the finished pages turned into krilla calls, with the
//!     bookmarks and metadata. The same glyphs and advances that were
//!     measured are drawn.
//! - **The report** knows what to show and in which words, never PDF:
//!   - `sections/`: the title block, the verdicts and the next steps (pages
//!     1–2), the criteria tables with their numbered sources, the review
//!     notes when there is a review, the evidence, the rule packs and
//!     sign-off, and the page furniture;
//!   - `charts.rs`: the five-haves radar and the score bars, as operations.
//!
//! The engine never imports [`ReportData`]; only `write.rs` touches krilla.
//!
//! [`package`] builds the application package (申报材料包) with the same
//! engine and font: its own pages (cover, contents, the summary's parts for
//! one tier, a header page per evidence item, what is missing) laid out here,
//! the attached PDFs and scans embedded by its own writer.
//! The whole document is laid out before anything is written, so the total
//! page count is known when the "第 n 页 / 共 m 页" footers are drawn.
//!
//! The output depends on the input alone: the creation date is taken from
//! `SOURCE_DATE_EPOCH` when it is set and omitted otherwise.

mod charts;
mod font;
mod layout;
mod linebreak;
pub mod package;
mod sections;
mod write;

use self::layout::Layout;
use self::sections::Doc;
use super::ReportError;
use super::data::ReportData;
use crate::i18n::Lang;

/// Lays out the pages of `r` (without writing the PDF): the drawing
/// operations per page and the section bookmarks.
fn layout(r: &ReportData) -> Result<Layout, ReportError> {
    let m = font::metrics()?;
    let mut d = Doc::new(m, r.lang);
    // What to do first: the verdicts and the next steps, then the charts
    // and the tables they come from.
    sections::title_block(&mut d, r);
    sections::verdicts(&mut d, r);
    sections::next_steps(&mut d, r);
    charts::charts(&mut d, r);
    sections::tiers(&mut d, r);
    sections::review(&mut d, r);
    sections::evidence(&mut d, r);
    sections::sign_off(&mut d, r);
    sections::page_furniture(&mut d, r);
    Ok(d.into_layout())
}

/// Renders the printable summary as an A4 PDF.
///
/// Everything shown comes from `r`; the font is embedded as a subset of the
/// glyphs used. The same `r` gives the same bytes; with `SOURCE_DATE_EPOCH`
/// set, that instant is recorded as the creation date, otherwise none is.
pub fn render(r: &ReportData) -> Result<Vec<u8>, ReportError> {
    let d = layout(r)?;
    let title = if r.header.company.trim().is_empty() {
        r.title.clone()
    } else {
        format!("{} — {}", r.title, r.header.company)
    };
    let info = write::Info {
        title,
        language: match r.lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        },
        creator: format!("innocheck {}", r.app_version),
    };
    write::write(&d, info)
}

/// Number of pages the summary of `r` takes (the layout only, no PDF).
pub fn page_count(r: &ReportData) -> Result<usize, ReportError> {
    Ok(layout(r)?.pages.len())
}

/// The numbered section headings of the summary of `r` (as in the PDF's
/// bookmarks), each with the page it starts on, counted from 1.
pub fn outline(r: &ReportData) -> Result<Vec<(String, usize)>, ReportError> {
    Ok(layout(r)?
        .marks
        .into_iter()
        .map(|m| (m.title, m.page + 1))
        .collect())
}

#[cfg(test)]
mod tests {
    /// The engine's files, which never see the report.
    const ENGINE: [(&str, &str); 4] = [
        ("font.rs", include_str!("font.rs")),
        ("linebreak.rs", include_str!("linebreak.rs")),
        ("layout.rs", include_str!("layout.rs")),
        ("write.rs", include_str!("write.rs")),
    ];

    /// Every file but the writers (the summary's, the package's and the
    /// package's opening of attachments), which never touch the PDF crate.
    const NOT_WRITER: [(&str, &str); 16] = [
        ("mod.rs", include_str!("mod.rs")),
        ("font.rs", include_str!("font.rs")),
        ("linebreak.rs", include_str!("linebreak.rs")),
        ("layout.rs", include_str!("layout.rs")),
        ("charts.rs", include_str!("charts.rs")),
        ("sections/mod.rs", include_str!("sections/mod.rs")),
        ("sections/summary.rs", include_str!("sections/summary.rs")),
        ("sections/tables.rs", include_str!("sections/tables.rs")),
        ("sections/review.rs", include_str!("sections/review.rs")),
        ("package/mod.rs", include_str!("package/mod.rs")),
        ("package/check.rs", include_str!("package/check.rs")),
        ("package/error.rs", include_str!("package/error.rs")),
        ("package/front.rs", include_str!("package/front.rs")),
        ("package/images.rs", include_str!("package/images.rs")),
        ("package/input.rs", include_str!("package/input.rs")),
        ("package/plan.rs", include_str!("package/plan.rs")),
    ];

    #[test]
    fn the_engine_never_sees_the_report_data() {
        for (name, src) in ENGINE {
            for needle in ["ReportData", "super::data", "report::data"] {
                assert!(!src.contains(needle), "{name} mentions {needle}");
            }
        }
    }

    #[test]
    fn only_the_writer_touches_krilla() {
        // Spelt in pieces, so this file does not match itself.
        let (path, import) = (["krilla", "::"].concat(), ["use ", "krilla"].concat());
        for (name, src) in NOT_WRITER {
            // skrifa (the font parser) is imported under the name `skrifa_krilla`.
            let src = src.replace("skrifa_krilla", "skrifa");
            assert!(
                !src.contains(&path) && !src.contains(&import),
                "{name} uses krilla"
            );
        }
    }
}
