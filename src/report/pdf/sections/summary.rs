//! The first page's top: the title block with the company and the rule packs,
//! and part 1, the one-glance verdict per programme.

use super::{BODY, Doc, or_dash};
use crate::eval::Verdict;
use crate::i18n::Lang;
use crate::report::data::ReportData;
use crate::report::format as f;
use crate::report::pdf::layout::{
    ACCENT, Align, Cell, Col, Ink, MARGIN, MUTED, Op, SHADE, Style, TABLE, TEXT, Table, WHITE,
    WIDTH, lines_height,
};

#[allow(clippy::many_single_char_names)] // d: the layout; x, y, w, h: geometry
/// The title, the company block and the rule packs used.
pub(in crate::report::pdf) fn title_block(d: &mut Doc, r: &ReportData) {
    let title = Style::new(17.0).bold().ink(ACCENT);
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
pub(in crate::report::pdf) fn verdicts(d: &mut Doc, r: &ReportData) {
    d.section(1, d.l("评价结论", "Verdict at a glance"), 90.0);
    if r.programmes.is_empty() {
        let text = d.l(
            "所选规则包中没有可评价的层级。",
            "The selected rule packs have no tier to evaluate.",
        );
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
        d.y += d.lines_at(MARGIN, top, WIDTH, &summary_lines, Align::Left) + 6.0;
    }
}
