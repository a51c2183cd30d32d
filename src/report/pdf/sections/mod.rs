//! The report's pages: what each section of the summary shows, laid out with
//! the engine (`layout.rs`) from [`ReportData`] alone. The sections choose
//! the words (in the report's language), the order and the sizes; they never
//! draw PDF themselves.
//!
//! What to do comes first, the tables after: the title block, the verdicts
//! (part 1) and the next steps (part 2) open the summary; the charts (part 3),
//! the criteria by tier (part 4), the review notes when there is a review
//! (part 5) and the evidence follow; the rule packs, notes and sign-off
//! close it. The parts are numbered by [`Part::number`], so the evidence and
//! sign-off are parts 5 and 6 without a review, 6 and 7 with one.
//!
//! - `summary.rs`: the title block (company, and the answers changed after
//!   the review), the verdicts (part 1) and the rule-pack table (sign-off);
//! - `../charts.rs`: the five-haves radar and the score bars (part 3);
//! - `tables.rs`: the next steps, the criteria by tier and the evidence (parts 2, 4);
//! - `review.rs`: the review notes and the warning that answers changed after the review;
//! - here: the headings, the notes and sign-off and the page furniture
//!   (running header, footers with "第 n 页 / 共 m 页").

use std::ops::{Deref, DerefMut};

use crate::i18n::report as tr;
use crate::i18n::{Lang, Tr};
use crate::report::data::ReportData;
use crate::report::format as f;
use crate::report::pdf::font::Metrics;
use crate::report::pdf::layout::{
    ACCENT, Align, BOTTOM, Ink, Layout, Line, MARGIN, MUTED, Op, PAGE_H, RULE, SHADE, Style, TEXT,
    TOP, WIDTH, lines_height,
};
use crate::rules::Confidence;

mod review;
mod summary;
mod tables;

pub(super) use review::review;
use summary::packs_table;
pub(super) use summary::{title_block, verdicts};
pub(super) use tables::{evidence, next_steps, tiers};

/// The numbered parts of the summary, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Part {
    /// The verdict per programme.
    Verdicts = 1,
    /// What to do next.
    NextSteps,
    /// The five-haves radar and the score bars.
    Charts,
    /// The criteria by tier.
    Tiers,
    /// The review notes, only when there is a review.
    Review,
    /// The evidence checklist.
    Evidence,
    /// The rule packs, notes and sign-off.
    SignOff,
}

impl Part {
    /// The number of this part in the summary of `r`: the parts after the
    /// review move up one when there is no review.
    pub(super) fn number(self, r: &ReportData) -> usize {
        let n = self as usize;
        if self > Part::Review && r.review.is_none() {
            n - 1
        } else {
            n
        }
    }
}

/// A part's number as the section headings write it: 一, 二 … in Chinese,
/// 1, 2 … in English.
pub(super) fn numeral(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => {
            let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
            n.checked_sub(1)
                .and_then(|i| digits.get(i))
                .copied()
                .unwrap_or("十")
                .to_string()
        }
        Lang::En => n.to_string(),
    }
}

/// Font size of body text.
pub(super) const BODY: f32 = 8.4;
/// Font size of notes, sources and footers.
pub(super) const SMALL: f32 = 6.4;

/// The document being laid out, in the report's language: the engine's
/// [`Layout`] (reached through `Deref`) plus what the sections add to it,
/// the wording in one language and the numbered headings.
pub(super) struct Doc {
    layout: Layout,
    /// The language the report is written in.
    pub(super) lang: Lang,
    /// Whether the part headings carry their number (the summary's parts
    /// do; the same parts inside the application package do not).
    numbered: bool,
}

impl Deref for Doc {
    type Target = Layout;
    fn deref(&self) -> &Layout {
        &self.layout
    }
}

impl DerefMut for Doc {
    fn deref_mut(&mut self) -> &mut Layout {
        &mut self.layout
    }
}

impl Doc {
    pub(super) fn new(m: &'static Metrics, lang: Lang) -> Self {
        Doc {
            layout: Layout::new(m),
            lang,
            numbered: true,
        }
    }

    /// The same document with part headings that carry no number.
    pub(super) fn unnumbered(mut self) -> Self {
        self.numbered = false;
        self
    }

    /// The laid-out pages.
    pub(super) fn into_layout(self) -> Layout {
        self.layout
    }

    /// The string `tr` in the report's language.
    pub(super) fn t(&self, tr: Tr) -> &'static str {
        self.lang.t(tr)
    }

    /// The heading of part `n` ([`Part::number`]), kept with `keep` points
    /// of what follows.
    pub(super) fn section(&mut self, n: usize, title: &str, keep: f32) {
        const H: f32 = 24.0;
        self.gap(12.0);
        self.ensure(H + keep);
        let numbered = if self.numbered {
            self.t(tr::SECTION)
                .replace("{n}", &numeral(self.lang, n))
                .replace("{title}", title)
        } else {
            title.to_string()
        };
        let y = self.y;
        self.rect(MARGIN, y + 4.0, 3.2, 13.0, Some(ACCENT), None);
        self.text_at(
            MARGIN + 9.0,
            y + 15.0,
            Style::new(11.5).bold(),
            numbered.clone(),
        );
        self.hline(MARGIN, MARGIN + WIDTH, y + 21.0, RULE, 0.5);
        self.bookmark(numbered, y);
        self.y += H + 4.0;
    }

    /// A sub-heading (tier, group), kept with `keep` points of what follows.
    /// A shaded, framed box holding `lines`, with a solid bar on its left:
    /// `frame` and `bar` are (ink, width); `pad` is the space above and below
    /// the text and `indent` where the text starts right of the margin.
    pub(super) fn barred_box(
        &mut self,
        lines: &[Line],
        frame: (Ink, f32),
        bar: (Ink, f32),
        pad: f32,
        indent: f32,
    ) {
        let h = lines_height(lines) + 2.0 * pad;
        self.ensure(h);
        let top = self.y;
        self.rect(MARGIN, top, WIDTH, h, Some(SHADE), Some(frame));
        self.rect(MARGIN, top, bar.1, h, Some(bar.0), None);
        self.lines_at(MARGIN + indent, top + pad, WIDTH - 20.0, lines, Align::Left);
        self.y += h;
    }

    /// A dashed square of `side` at (`x`, `y`) with `label` centred in it:
    /// where the company's seal goes.
    pub(super) fn seal_box(&mut self, x: f32, y: f32, side: f32, label: &str) {
        for (a, b) in [
            ((x, y), (x + side, y)),
            ((x + side, y), (x + side, y + side)),
            ((x + side, y + side), (x, y + side)),
            ((x, y + side), (x, y)),
        ] {
            self.ops().push(Op::Line {
                from: a,
                to: b,
                ink: Ink::Grey(0x80),
                width: 0.7,
                dashed: true,
            });
        }
        let lines = self.wrap(label, Style::new(7.6).ink(MUTED), side - 8.0);
        let h = lines_height(&lines);
        self.lines_at(
            x + 4.0,
            y + (side - h) / 2.0,
            side - 8.0,
            &lines,
            Align::Center,
        );
    }

    pub(super) fn subheading(&mut self, title: &str, detail: &str, keep: f32) {
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
}

pub(super) fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() { "—" } else { s }
}

/// The last part: the rule packs used, notes, the disclaimer and the sign-off block.
pub(super) fn sign_off(d: &mut Doc, r: &ReportData) {
    let lang = d.lang;
    let l = |s: Tr| lang.t(s);
    let mut notes: Vec<String> = vec![l(tr::NOTE_SELF_ASSESSMENT).to_string()];
    if r.has_provisional {
        notes.push(l(tr::NOTE_PROVISIONAL).to_string());
    }
    let legend = [Confidence::V, Confidence::V1, Confidence::P, Confidence::Q]
        .iter()
        .map(|c| format!("{} {}", c.label(), f::confidence(*c, d.lang)))
        .collect::<Vec<_>>()
        .join(l(tr::SEMICOLON));
    notes.push(format!("{}{legend}{}", l(tr::CONFIDENCE), l(tr::PERIOD)));
    notes.push(format!("{}{}", l(tr::FINGERPRINT), r.fingerprint));
    let note_style = Style::new(7.6);
    let inner = WIDTH - 16.0;
    let mut lines = d.wrap(l(tr::NOTES), Style::new(8.4).bold(), inner);
    for n in &notes {
        lines.extend(d.wrap(n, note_style, inner));
    }
    let notes_h = lines_height(&lines) + 12.0;
    let sign_h = 112.0;
    // The heading stays with the whole pack table when it fits on a page.
    let packs = packs_table(d, r);
    let keep = d.table_height(&packs).min(BOTTOM - TOP - 60.0);
    d.section(Part::SignOff.number(r), l(tr::SIGN_OFF), keep);
    d.table(&packs);
    d.y += 12.0;
    // The notes and the signatures stay on one page when they fit on one.
    d.ensure((notes_h + 12.0 + sign_h).min(BOTTOM - TOP - 40.0));
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
    let rows = [l(tr::PREPARED_BY), l(tr::REVIEWED_BY), l(tr::DATE)];
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
    d.seal_box(sx, top + 4.0, seal, l(tr::SEAL));
    d.y = top + sign_h;
}

/// The running header (from the second page on) and the footer of every page.
pub(super) fn page_furniture(d: &mut Doc, r: &ReportData) {
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
        let line2 = lang
            .t(tr::FOOTER)
            .replace("{version}", &r.app_version)
            .replace("{date}", &r.header.as_of);
        ops.push(Op::Text {
            x: MARGIN,
            y: fy + 20.0,
            style: small,
            text: line2,
        });
        let page = lang
            .t(tr::PAGE_OF)
            .replace("{i}", &(i + 1).to_string())
            .replace("{n}", &total.to_string());
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
