//! The tables: part 3, the criteria of every tier; part 4, what to do next;
//! part 5, the evidence checklist.

use super::{BODY, Doc, SMALL, or_dash};
use crate::eval::{Outcome, Verdict};
use crate::i18n::Lang;
use crate::report::data::{ReportData, Row};
use crate::report::format::outcome_mark;
use crate::report::pdf::layout::{
    Align, BOTTOM, Cell, Col, Ink, MARGIN, MUTED, Style, TABLE, Table, WHITE, WIDTH, lines_height,
};
use crate::rules::Confidence;

/// Column widths of the criteria table: status, criterion, value, required, gap, confidence, source.
const CRITERIA_COLS: [f32; 7] = [46.0, 120.0, 64.0, 58.0, 98.0, 30.0, 0.0];

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
                format!("{} {}", outcome_mark(row.outcome), row.status),
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

fn criteria_cols(d: &Doc) -> Vec<Col> {
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
pub(in crate::report::pdf) fn tiers(d: &mut Doc, r: &ReportData) {
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
            let text = d.l("（该层级没有条件）", "(no criteria)");
            d.paragraph(MARGIN, WIDTH, text, Style::new(BODY).ink(MUTED));
        } else {
            d.table(&table);
        }
    }
}

/// Section 4: what to do next, most important first.
pub(in crate::report::pdf) fn next_steps(d: &mut Doc, r: &ReportData) {
    if r.next_steps.is_empty() {
        d.section(4, d.l("下一步工作", "What to do next"), 20.0);
        let text = d.l("没有待弥补的差距。", "There is no gap to close.");
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
            (
                vec![
                    Cell::text((i + 1).to_string(), body),
                    Cell::text(&s.tier, body).and(&s.programme, muted),
                    Cell::text(
                        format!("{} {}", outcome_mark(s.outcome), s.criterion),
                        crit_style,
                    ),
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
pub(in crate::report::pdf) fn evidence(d: &mut Doc, r: &ReportData) {
    d.section(5, d.l("证明材料清单", "Evidence checklist"), 40.0);
    if r.evidence.is_empty() {
        let text = d.l("没有需要准备的材料。", "No evidence to prepare.");
        d.paragraph(MARGIN, WIDTH, text, Style::new(BODY));
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
