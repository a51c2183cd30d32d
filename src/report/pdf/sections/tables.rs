//! The tables: part 2, what to do next; part 4, the criteria of every tier,
//! citing the documents listed under each table by number; the evidence
//! checklist (part 5, or 6 after the review notes).

use super::{BODY, Doc, Part, SMALL, or_dash};
use crate::eval::{Outcome, Verdict};
use crate::i18n::report as tr;
use crate::report::data::{self, NextStep, ReportData, Row, TierTable};
use crate::report::format::{outcome_mark, paren};
use crate::report::pdf::layout::{
    Align, BOTTOM, Cell, Col, Ink, MARGIN, MUTED, Style, TABLE, Table, WHITE, WIDTH, lines_height,
};
use crate::report::proof::ItemStatus;
use crate::rules::Confidence;

/// Column widths of the criteria table: status, criterion, value, required,
/// gap, confidence, source (the rest: a document number and its article).
const CRITERIA_COLS: [f32; 7] = [44.0, 146.0, 62.0, 54.0, 114.0, 30.0, 0.0];

/// Levers named in a next step before "等 N 项".
const LEVERS_NAMED: usize = 4;

fn criteria_row(d: &Doc, row: &Row) -> (Vec<Cell>, Option<Ink>) {
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
        title = title.and(format!("{}{route}", d.t(tr::PASSED_BY)), muted);
    }
    let mut value = Cell::text(or_dash(&row.measured), body);
    if !row.points.is_empty() {
        value = value.and(format!("{}{}", d.t(tr::POINTS), row.points), muted);
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
                format!("{} {}", outcome_mark(row.outcome), row.status),
                status_style,
            ),
            title,
            value,
            Cell::text(or_dash(&row.threshold), body),
            Cell::text(or_dash(&row.gap), body),
            Cell::text(row.confidence.label(), conf_style),
            Cell::text(format!("[{}] {}", row.source_ref, row.article), small),
        ],
        shade,
    )
}

fn criteria_cols(d: &Doc) -> Vec<Col> {
    let heads = [
        d.t(tr::COL_STATUS),
        d.t(tr::COL_CRITERION),
        d.t(tr::COL_VALUE),
        d.t(tr::COL_REQUIRED),
        d.t(tr::COL_GAP),
        d.t(tr::COL_CONF),
        d.t(tr::COL_SOURCE),
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

/// The documents a tier's rows cite, numbered as the rows cite them.
fn sources(d: &mut Doc, t: &TierTable) {
    if t.sources.is_empty() {
        return;
    }
    let list = t
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| format!("[{}] {s}", i + 1))
        .collect::<Vec<_>>()
        .join(d.t(tr::SEMICOLON));
    d.y += 3.0;
    let text = format!("{}{list}", d.t(tr::SOURCES));
    d.paragraph(MARGIN, WIDTH, &text, Style::new(SMALL + 0.4).ink(MUTED));
}

/// Section 4: the criteria table of every tier.
pub(in crate::report::pdf) fn tiers(d: &mut Doc, r: &ReportData) {
    d.section(Part::Tiers.number(r), d.t(tr::TIERS), 80.0);
    let legend = d.t(tr::TIERS_LEGEND);
    d.paragraph(MARGIN, WIDTH, legend, Style::new(7.2).ink(MUTED));
    for t in &r.tiers {
        let verdict = match t.verdict {
            Verdict::Eligible => "✓",
            Verdict::NotEligible => "×",
            Verdict::Incomplete => "?",
            Verdict::NotApplicable => "–",
        };
        let mut detail = format!("{verdict} {}", t.summary);
        if t.provisional && !t.held && t.verdict != Verdict::NotApplicable {
            detail.push_str(
                &d.t(tr::TIER_PROVISIONAL)
                    .replace("{file}", &format!("{}.ron", t.pack)),
            );
        }
        let table = Table {
            cols: criteria_cols(d),
            head: true,
            rows: t.rows.iter().map(|row| criteria_row(d, row)).collect(),
            continued: Some(format!("{}{}", t.title, d.t(tr::CONTINUED))),
            grid: false,
        };
        let keep = d.table_lead(&table).max(12.0);
        d.subheading(&t.title, &detail, keep);
        if t.verdict == Verdict::NotApplicable {
            // The reason is the summary above: nothing to meet.
        } else if table.rows.is_empty() {
            let text = d.t(tr::NO_CRITERIA);
            d.paragraph(MARGIN, WIDTH, text, Style::new(BODY).ink(MUTED));
        } else {
            d.table(&table);
            sources(d, t);
        }
    }
}

/// The score items a step's score can gain points on (see
/// [`data::levers_text`]), at most [`LEVERS_NAMED`] named.
fn levers_text(d: &Doc, s: &NextStep, pending: bool) -> String {
    data::levers_text(&s.levers, pending, LEVERS_NAMED, d.lang)
}

/// Section 2: what to do next, most important first.
pub(in crate::report::pdf) fn next_steps(d: &mut Doc, r: &ReportData) {
    if r.next_steps.is_empty() {
        d.section(Part::NextSteps.number(r), d.t(tr::NEXT_STEPS), 20.0);
        let text = d.t(tr::NO_GAP);
        d.paragraph(MARGIN, WIDTH, text, Style::new(BODY));
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
            let mut todo = Cell::text(&s.text, body);
            for (pending, style) in [(false, body.bold()), (true, body)] {
                let text = levers_text(d, s, pending);
                if !text.is_empty() {
                    todo = todo.and(text, style);
                }
            }
            (
                vec![
                    Cell::text((i + 1).to_string(), body),
                    Cell::text(&s.tier, body).and(&s.programme, muted),
                    Cell::text(
                        format!("{} {}", outcome_mark(s.outcome), s.criterion),
                        crit_style,
                    ),
                    todo,
                    Cell::text(s.confidence.label(), conf),
                ],
                None,
            )
        })
        .chain(evidence_rows(d, r, r.next_steps.len()))
        .collect();
    let t = Table {
        cols: vec![
            Col {
                head: "#".into(),
                width: 20.0,
                align: Align::Right,
            },
            Col {
                head: d.t(tr::COL_TARGET).into(),
                width: 104.0,
                align: Align::Left,
            },
            Col {
                head: d.t(tr::COL_CRITERION).into(),
                width: 130.0,
                align: Align::Left,
            },
            Col {
                head: d.t(tr::COL_TODO).into(),
                width: WIDTH - 20.0 - 104.0 - 130.0 - 32.0,
                align: Align::Left,
            },
            Col {
                head: d.t(tr::COL_CONF).into(),
                width: 32.0,
                align: Align::Center,
            },
        ],
        head: true,
        rows,
        continued: Some(d.t(tr::NEXT_STEPS_CONT).into()),
        grid: false,
    };
    let intro = d.t(tr::NEXT_STEPS_INTRO);
    let intro_style = Style::new(7.6).ink(MUTED);
    let keep = lines_height(&d.wrap(intro, intro_style, WIDTH)) + 3.0 + d.table_lead(&t);
    d.section(Part::NextSteps.number(r), d.t(tr::NEXT_STEPS), keep);
    d.paragraph(MARGIN, WIDTH, intro, intro_style);
    d.y += 3.0;
    d.table(&t);
}

/// Documents named in a next step's row of evidence before "等 N 项".
const DOCUMENTS_NAMED: usize = 4;

/// Rows of the next steps for the evidence still to attach to each next
/// tier, numbered after `before` rows: "材料齐全度 3 / 17；待附材料：A、B、C、D
/// 等 14 项". Only once files are attached (the checklist says the rest).
fn evidence_rows<'a>(
    d: &'a Doc,
    r: &'a ReportData,
    before: usize,
) -> impl Iterator<Item = (Vec<Cell>, Option<Ink>)> + 'a {
    let started = r
        .proof
        .iter()
        .any(|p| p.items.iter().any(|i| i.status != ItemStatus::Missing));
    let body = Style::new(TABLE);
    r.evidence
        .iter()
        .filter(move |_| started)
        .filter_map(move |g| {
            let p = r.proof_of(&g.tier_id)?;
            let missing: Vec<String> = p
                .missing()
                .map(|i| match i.status {
                    ItemStatus::Missing => i.text.clone(),
                    s => format!("{}{}", i.text, paren(s.label(r.lang), r.lang)),
                })
                .collect();
            if missing.is_empty() {
                return None;
            }
            let mut todo = format!(
                "{}{}{}{}",
                p.figure(r.lang),
                d.t(tr::SEMICOLON),
                r.lang.t(crate::i18n::attach::TO_ATTACH),
                missing
                    .iter()
                    .take(DOCUMENTS_NAMED)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(r.lang.pick("、", "; "))
            );
            if missing.len() > DOCUMENTS_NAMED {
                todo.push_str(
                    &r.lang
                        .t(crate::i18n::attach::AND_MORE)
                        .replace("{n}", &missing.len().to_string()),
                );
            }
            Some((g.tier.clone(), todo))
        })
        .enumerate()
        .map(move |(i, (tier, todo))| {
            (
                vec![
                    Cell::text((before + i + 1).to_string(), body),
                    Cell::text(tier, body),
                    Cell::text(r.lang.t(crate::i18n::attach::EVIDENCE_ROW), body),
                    Cell::text(todo, body),
                    Cell::text("", body),
                ],
                None,
            )
        })
}

/// The evidence to prepare, with tick boxes (after the review notes): a box
/// is ticked when a file is attached and unchanged ([`ReportData::proof`]);
/// a file attached but changed or gone is said after the item.
pub(in crate::report::pdf) fn evidence(d: &mut Doc, r: &ReportData) {
    d.section(Part::Evidence.number(r), d.t(tr::EVIDENCE), 40.0);
    if r.evidence.is_empty() {
        let text = d.t(tr::NO_EVIDENCE);
        d.paragraph(MARGIN, WIDTH, text, Style::new(BODY));
        return;
    }
    let style = Style::new(7.8);
    let indent = 16.0;
    for g in &r.evidence {
        let proof = r.proof_of(&g.tier_id);
        let mut detail = d
            .t(tr::EVIDENCE_DETAIL)
            .replace("{n}", &g.items.len().to_string());
        if let Some(p) = proof {
            detail = format!("{}{}{detail}", p.figure(r.lang), d.t(tr::SEMICOLON));
        }
        d.subheading(&g.tier, &detail, 14.0);
        for item in &g.items {
            let status = proof
                .and_then(|p| p.items.iter().find(|i| i.text == *item))
                .map_or(ItemStatus::Missing, |i| i.status);
            let text = match status {
                ItemStatus::Missing => item.clone(),
                s => format!("{item}{}", paren(s.label(r.lang), r.lang)),
            };
            let lines = d.wrap(&text, style, WIDTH - indent);
            let h = lines_height(&lines) + 2.5;
            if d.y + h > BOTTOM {
                d.new_page();
                let cont = format!("{}{}", g.tier, d.t(tr::CONTINUED));
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
            if status == ItemStatus::Attached {
                let tick = Style::new(7.8).bold();
                d.text_at(
                    MARGIN + 2.6,
                    box_top + 6.2,
                    tick,
                    outcome_mark(Outcome::Met),
                );
            }
            d.lines_at(MARGIN + indent, top, WIDTH - indent, &lines, Align::Left);
            d.y += h;
        }
    }
}
