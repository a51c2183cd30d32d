//! The first page's top: the title block with the company (and, when the
//! answers changed after the review, that warning), and part 1, the
//! one-glance verdict per programme, with the provisional thresholds named
//! next to the verdicts they affect; and the table of rule packs (sign-off).

use super::{BODY, Doc, Part, or_dash};
use crate::eval::Verdict;
use crate::i18n::report as tr;
use crate::i18n::{Lang, Tr};
use crate::report::data::{ProgrammeSummary, ReportData, Rung};
use crate::report::format as f;
use crate::report::pdf::layout::{
    ACCENT, Align, Cell, Col, Ink, MARGIN, MUTED, Op, Style, TABLE, TEXT, Table, WHITE, WIDTH,
    lines_height,
};

#[allow(clippy::many_single_char_names)] // d: the layout; x, y, w, h: geometry
/// The title, the company block, the answers changed after the review when
/// they did and, when there are any, the provisional figures.
pub(in crate::report::pdf) fn title_block(d: &mut Doc, r: &ReportData) {
    let title = Style::new(17.0).bold().ink(ACCENT);
    let lines = d.wrap(&r.title, title, WIDTH);
    let top = d.y;
    d.y += d.lines_at(MARGIN, top, WIDTH, &lines, Align::Left);
    let sub = d
        .t(tr::SUBTITLE)
        .replace("{company}", or_dash(&r.header.company))
        .replace("{date}", &r.header.as_of);
    let lines = d.wrap(&sub, Style::new(9.5).ink(MUTED), WIDTH);
    let top = d.y;
    d.y += d.lines_at(MARGIN, top, WIDTH, &lines, Align::Left) + 6.0;
    let lang = d.lang;
    let l = |s: Tr| lang.t(s);
    let label = Style::new(7.6).ink(MUTED);
    let value = Style::new(8.4);
    let h = &r.header;
    let none = l(tr::NOT_ENTERED_BLOCK);
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
            kv(l(tr::COMPANY), val(&h.company)),
            kv(l(tr::USCC), val(&h.uscc)),
        ],
        [
            kv(l(tr::LOCATION), val(&h.city)),
            kv(l(tr::INDUSTRY), val(&h.industry)),
        ],
        [
            kv(l(tr::AS_OF), val(&h.as_of)),
            kv(l(tr::PRODUCED_BY), format!("innocheck {}", r.app_version)),
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
    super::review::changed_on_page_one(d, r);

    if r.has_provisional {
        let named = r
            .programmes
            .iter()
            .any(|p| open_provisional(p).next().is_some());
        let text = l(if named {
            tr::PROVISIONAL_BOX
        } else {
            tr::PROVISIONAL_BOX_PLAIN
        });
        let style = Style::new(7.8).bold();
        let lines = d.wrap(text, style, WIDTH - 20.0);
        d.barred_box(
            &lines,
            (Ink::Grey(0x50), 0.8),
            (Ink::Grey(0x30), 3.5),
            4.0,
            12.0,
        );
    }
}

/// Indent of the provisional note, right of its bar.
const NOTE_INDENT: f32 = 9.0;

/// A count in words, singular or plural: `{n}` in `one` or `many` replaced.
pub(super) fn count(lang: Lang, n: usize, one: Tr, many: Tr) -> String {
    lang.t(if n == 1 { one } else { many })
        .replace("{n}", &n.to_string())
}

/// The rungs of `p` still open (not held, applicable) whose thresholds are provisional.
fn open_provisional(p: &ProgrammeSummary) -> impl Iterator<Item = &Rung> {
    p.rungs
        .iter()
        .filter(|r| r.provisional && !r.held && r.verdict != Verdict::NotApplicable)
}

/// The note under a programme's verdict when some of its open rungs rest on
/// provisional thresholds: which (bold), and how to replace them with
/// official ones.
fn provisional_note(d: &Doc, p: &ProgrammeSummary) -> Option<(String, String)> {
    let open: Vec<&Rung> = open_provisional(p).collect();
    if open.is_empty() {
        return None;
    }
    let and = d.t(tr::AND);
    let tiers: Vec<&str> = open.iter().map(|r| r.title.as_str()).collect();
    let mut files: Vec<String> = open.iter().map(|r| format!("{}.ron", r.pack)).collect();
    files.dedup();
    Some((
        d.t(tr::PROVISIONAL_NOTE)
            .replace("{tiers}", &tiers.join(and)),
        d.t(tr::PROVISIONAL_HOW)
            .replace("{files}", &files.join(and)),
    ))
}

/// Section 1: per programme, the ladder with the rung reached and the next
/// gap, and a note where the verdict rests on provisional thresholds.
pub(in crate::report::pdf) fn verdicts(d: &mut Doc, r: &ReportData) {
    d.section(Part::Verdicts.number(r), d.t(tr::VERDICTS), 90.0);
    if r.programmes.is_empty() {
        let text = d.t(tr::NO_TIERS);
        d.paragraph(MARGIN, WIDTH, text, Style::new(BODY));
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
                    d.t(tr::RUNG_REACHED_HELD).to_string()
                } else {
                    d.t(tr::RUNG_REACHED).to_string()
                }
            } else if is_next {
                count(d.lang, p.next_gap_count, tr::RUNG_NEXT_ONE, tr::RUNG_NEXT)
            } else {
                let m = match rung.verdict {
                    Verdict::Eligible => "✓",
                    Verdict::NotEligible => "×",
                    Verdict::Incomplete => "?",
                    Verdict::NotApplicable => "–",
                };
                format!("{m} {}", f::verdict(rung.verdict, d.lang))
            };
            let mut status_lines = d.wrap(&status, Style::new(7.2).ink(fg).bold(), inner);
            if open_provisional(p).any(|o| o.tier == rung.tier) {
                status_lines.extend(d.wrap(
                    d.t(tr::RUNG_PROVISIONAL),
                    Style::new(6.8).ink(fg).bold(),
                    inner,
                ));
            }
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
                .unwrap_or_else(|| d.t(tr::NO_TIER_YET).to_string());
            let next = match &p.next {
                Some(tier) => count(d.lang, p.next_gap_count, tr::NEXT_LINE_ONE, tr::NEXT_LINE)
                    .replace("{tier}", tier),
                None => d.t(tr::TOP_OF_LADDER).to_string(),
            };
            d.t(tr::VERDICT_LINE)
                .replace("{reached}", &reached)
                .replace("{next}", &next)
        };
        let summary_lines = d.wrap(&summary, Style::new(8.0), WIDTH);
        // The provisional note: a left bar, what is provisional in bold, how to replace it.
        let note_lines = provisional_note(d, p).map(|(what, how)| {
            let mut lines = d.wrap(&what, Style::new(7.6).bold(), WIDTH - NOTE_INDENT);
            lines.extend(d.wrap(&how, Style::new(7.4), WIDTH - NOTE_INDENT));
            lines
        });
        let note_h = note_lines.as_deref().map_or(0.0, |l| lines_height(l) + 6.0);
        let total = 16.0 + box_h + 6.0 + lines_height(&summary_lines) + note_h + 6.0;
        d.gap(4.0);
        d.ensure(total);
        let top = d.y;
        d.text_at(MARGIN, top + 11.0, name_style, p.name.clone());
        let by = top + 16.0;
        for (i, (rung, (lines, status_lines, is_next))) in p.rungs.iter().zip(&contents).enumerate()
        {
            let x = MARGIN + i as f32 * (box_w + arrow);
            let (fill, stroke) = if rung.reached {
                (Some(ACCENT), Some((ACCENT, 0.8)))
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
        d.y += d.lines_at(MARGIN, top, WIDTH, &summary_lines, Align::Left);
        if let Some(lines) = note_lines {
            let top = d.y + 3.0;
            let h = lines_height(&lines);
            d.rect(MARGIN, top, 2.5, h, Some(Ink::Grey(0x30)), None);
            d.lines_at(
                MARGIN + NOTE_INDENT,
                top,
                WIDTH - NOTE_INDENT,
                &lines,
                Align::Left,
            );
            d.y = top + h + 3.0;
        }
        d.y += 6.0;
    }
}

/// The table of the rule packs used: file, title, document, dates and confidence.
pub(super) fn packs_table(d: &Doc, r: &ReportData) -> Table {
    let lang = d.lang;
    let l = |s: Tr| lang.t(s);
    let body = Style::new(TABLE);
    let muted = Style::new(TABLE).ink(MUTED);
    let rows = r
        .header
        .packs
        .iter()
        .map(|p| {
            let title = if p.partial {
                format!("{}{}", p.title, l(tr::PARTIAL))
            } else {
                p.title.clone()
            };
            let conf = Style::new(TABLE).bold();
            (
                vec![
                    Cell::text(format!("{}.ron", p.id), muted),
                    Cell::text(title, body),
                    Cell::text(&p.document, body),
                    Cell::text(&p.dates, body),
                    Cell::text(p.confidence.label(), conf),
                ],
                None,
            )
        })
        .collect();
    Table {
        cols: vec![
            Col {
                head: l(tr::COL_PACK_FILE).into(),
                width: 82.0,
                align: Align::Left,
            },
            Col {
                head: l(tr::COL_TITLE).into(),
                width: 160.0,
                align: Align::Left,
            },
            Col {
                head: l(tr::COL_DOCUMENT).into(),
                width: 140.0,
                align: Align::Left,
            },
            Col {
                head: l(tr::COL_IN_FORCE).into(),
                width: WIDTH - 82.0 - 160.0 - 140.0 - 38.0,
                align: Align::Left,
            },
            Col {
                head: l(tr::COL_CONF).into(),
                width: 38.0,
                align: Align::Center,
            },
        ],
        head: true,
        rows,
        continued: Some(l(tr::PACKS_CONT).into()),
        grid: false,
    }
}
