//! Part 3 of the summary: the five-haves radar and the score bars of each
//! scored tier, drawn as vector operations from the numbers the window's
//! charts use, two charts a row.

use super::layout::{
    ACCENT, Align, Ink, Line, MARGIN, MUTED, Op, Style, TEXT, WIDTH, lines_height,
};
use super::sections::{BODY, Doc, Part};
use crate::i18n::Lang;
use crate::i18n::report as tr;
use crate::report::data::{FiveHaves, ReportData, ScoreSummary};
use crate::report::format as f;

/// Height and drawing of one chart block in a column of `w` points.
struct Chart<'a> {
    kind: ChartKind<'a>,
}

enum ChartKind<'a> {
    Radar(&'a FiveHaves),
    Scores(&'a ScoreSummary),
}

/// Radar radius.
const RADAR_R: f32 = 52.0;

impl Chart<'_> {
    fn title(&self, lang: Lang) -> String {
        match self.kind {
            ChartKind::Radar(h) => lang.t(tr::RADAR_TITLE).replace("{target}", &h.target),
            ChartKind::Scores(s) => {
                let total = f::number(s.score.total, 1);
                let max = f::number(s.score.max, 1);
                let pass = s.score.pass.map_or_else(String::new, |p| {
                    lang.t(tr::PASS_MARK).replace("{p}", &f::number(p, 1))
                });
                let title = lang
                    .t(tr::SCORE_TITLE)
                    .replace("{tier}", &s.tier)
                    .replace("{total}", &total)
                    .replace("{max}", &max);
                format!("{title}{pass}")
            }
        }
    }

    fn height(&self, d: &Doc, w: f32) -> f32 {
        let title = lines_height(&d.wrap(&self.title(d.lang), Style::new(8.2).bold(), w));
        match self.kind {
            ChartKind::Radar(_) => title + 2.0 * RADAR_R + 54.0,
            ChartKind::Scores(s) => {
                let rows: f32 = score_rows(s)
                    .iter()
                    .map(|(label, ..)| {
                        lines_height(&d.wrap(label, Style::new(7.0), SCORE_LABEL_W)).max(9.0) + 6.0
                    })
                    .sum();
                title + 6.0 + rows + 16.0
            }
        }
    }

    fn draw(&self, d: &mut Doc, x: f32, top: f32, w: f32) {
        let lines = d.wrap(&self.title(d.lang), Style::new(8.2).bold(), w);
        let th = d.lines_at(x, top, w, &lines, Align::Left);
        match self.kind {
            ChartKind::Radar(h) => radar(d, h, x, top + th, w),
            ChartKind::Scores(s) => score_bars(d, s, x, top + th + 6.0, w),
        }
    }
}

#[allow(clippy::many_single_char_names)] // d: the layout; x, y, w, h: geometry
fn radar(d: &mut Doc, h: &FiveHaves, x: f32, top: f32, w: f32) {
    let n = h.values.len().max(3);
    let cx = x + w / 2.0;
    let cy = top + 32.0 + RADAR_R;
    let polar = |i: usize, r: f32| {
        let a = std::f32::consts::FRAC_PI_2 - std::f32::consts::TAU * i as f32 / n as f32;
        (cx + r * a.cos(), cy - r * a.sin())
    };
    for ring in [0.25_f32, 0.5, 0.75, 1.0] {
        let pts: Vec<(f32, f32)> = (0..n).map(|i| polar(i, RADAR_R * ring)).collect();
        d.ops().push(Op::Polygon {
            points: pts,
            fill: None,
            stroke: Some((
                Ink::Grey(if ring < 1.0 { 0xc4 } else { 0x90 }),
                if ring < 1.0 { 0.4 } else { 0.7 },
            )),
        });
    }
    for i in 0..n {
        d.ops().push(Op::Line {
            from: (cx, cy),
            to: polar(i, RADAR_R),
            ink: Ink::Grey(0xc4),
            width: 0.4,
            dashed: false,
        });
    }
    let radii: Vec<f32> = h
        .values
        .iter()
        .map(|v| v.readiness.unwrap_or(0.0).clamp(0.0, 1.0) as f32 * RADAR_R)
        .collect();
    if !radii.is_empty() {
        let pts: Vec<(f32, f32)> = radii
            .iter()
            .enumerate()
            .map(|(i, r)| polar(i, *r))
            .collect();
        d.ops().push(Op::Polygon {
            points: pts.clone(),
            fill: Some(Ink::Grey(0xc8)),
            stroke: Some((ACCENT, 1.4)),
        });
        for (px, py) in pts {
            d.ops().push(Op::Dot {
                x: px,
                y: py,
                r: 1.9,
                ink: ACCENT,
            });
        }
    }
    // Ring values on the outer side of the edge between the first and the last spoke.
    for ring in [0.5_f32, 1.0] {
        let (ax, ay) = polar(0, RADAR_R * ring);
        let (bx, by) = polar(n - 1, RADAR_R * ring);
        let label = format!("{}%", f::number(f64::from(ring) * 100.0, 0));
        let st = Style::new(5.6).ink(MUTED);
        let tw = d.m.width(&label, st.size);
        d.text_at(
            f32::midpoint(ax, bx) - tw - 0.5,
            f32::midpoint(ay, by) - 1.0,
            st,
            label,
        );
    }
    for (i, (v, label)) in h.values.iter().zip(&h.labels).enumerate() {
        let (lx, ly) = polar(i, RADAR_R + 9.0);
        let pct = v.readiness.map_or_else(
            || d.t(tr::NOT_TESTED).to_string(),
            |r| format!("{}%", f::number(r * 100.0, 0)),
        );
        let detail = if v.total == 0 {
            pct
        } else {
            format!("{pct} ({}/{})", v.met, v.total)
        };
        let a = Style::new(7.2).bold();
        let b = Style::new(6.6).ink(MUTED);
        let wa = d.m.width(label, a.size);
        let wb = d.m.width(&detail, b.size);
        let bw = wa.max(wb);
        let dx = lx - cx;
        let left = if dx.abs() < 8.0 {
            lx - bw / 2.0
        } else if dx > 0.0 {
            lx
        } else {
            lx - bw
        };
        let block_h = a.leading() + b.leading();
        let top_y = if i == 0 {
            ly - block_h
        } else if ly > cy + RADAR_R * 0.5 {
            ly
        } else {
            ly - block_h / 2.0
        };
        let lines = [
            Line {
                text: label.clone(),
                style: a,
            },
            Line {
                text: detail,
                style: b,
            },
        ];
        let align = if dx.abs() < 8.0 {
            Align::Center
        } else if dx > 0.0 {
            Align::Left
        } else {
            Align::Right
        };
        d.lines_at(left, top_y, bw, &lines, align);
    }
}

/// Width of the label column of a score chart.
const SCORE_LABEL_W: f32 = 84.0;

/// Rows of a score chart: label, points, potential, max, minimum.
fn score_rows(s: &ScoreSummary) -> Vec<(String, f64, f64, f64, Option<f64>)> {
    s.score
        .blocks
        .iter()
        .zip(&s.labels)
        .map(|(b, l)| (l.clone(), b.points, b.potential, b.max, b.min))
        .collect()
}

#[allow(clippy::many_single_char_names)] // d: the layout; x, y, w, h: geometry
fn score_bars(d: &mut Doc, s: &ScoreSummary, x: f32, top: f32, w: f32) {
    let rows = score_rows(s);
    let widest = rows.iter().map(|r| r.3).fold(1.0_f64, f64::max);
    let bar_x = x + SCORE_LABEL_W + 4.0;
    let bar_w = (w - SCORE_LABEL_W - 4.0 - 66.0).max(40.0);
    let scale = |v: f64| (v.max(0.0) / widest) as f32 * bar_w;
    let mut y = top;
    for (label, points, potential, max, min) in &rows {
        let lines = d.wrap(label, Style::new(7.0), SCORE_LABEL_W);
        let h = lines_height(&lines).max(9.0) + 6.0;
        d.lines_at(x, y + 3.0, SCORE_LABEL_W, &lines, Align::Left);
        let mid = y + h / 2.0;
        let bh = 7.0;
        d.rect(
            bar_x,
            mid - bh / 2.0,
            scale(*max),
            bh,
            Some(Ink::Grey(0xee)),
            Some((Ink::Grey(0xb0), 0.4)),
        );
        if potential > points {
            d.rect(
                bar_x + scale(*points),
                mid - bh / 2.0,
                scale(potential.min(*max)) - scale(*points),
                bh,
                Some(Ink::Grey(0xb4)),
                None,
            );
        }
        let below_min = min.is_some_and(|m| *points < m);
        if *points > 0.0 {
            d.rect(
                bar_x,
                mid - bh / 2.0,
                scale(points.min(*max)),
                bh,
                Some(if below_min { Ink::Grey(0x55) } else { ACCENT }),
                None,
            );
        }
        let mut value = format!("{} / {}", f::number(*points, 1), f::number(*max, 1));
        if let Some(m) = min {
            let mx = bar_x + scale(*m);
            // A dark tick on a white halo, standing out past the bar, so it
            // shows on the dark "earned" fill too when printed in grey.
            for (ink, width, reach) in [(Ink::Grey(0xff), 2.6, 2.6), (Ink::Grey(0x10), 1.1, 3.2)] {
                d.ops().push(Op::Line {
                    from: (mx, mid - bh / 2.0 - reach),
                    to: (mx, mid + bh / 2.0 + reach),
                    ink,
                    width,
                    dashed: false,
                });
            }
            value.push_str(&d.t(tr::BLOCK_MIN).replace("{n}", &f::number(*m, 1)));
            if below_min {
                value.insert_str(0, "× ");
            }
        }
        let vs = Style::new(6.8).ink(if below_min { TEXT } else { MUTED });
        let vs = if below_min { vs.bold() } else { vs };
        d.text_at(bar_x + scale(*max) + 4.0, mid + 2.4, vs, value);
        y += h;
    }
    // Legend.
    let ly = y + 5.0;
    let mut lx = x;
    let legend: [(Ink, &str); 3] = [
        (ACCENT, d.t(tr::EARNED)),
        (Ink::Grey(0xb4), d.t(tr::REACHABLE)),
        (Ink::Grey(0xee), d.t(tr::MAXIMUM)),
    ];
    for (ink, text) in legend {
        d.rect(lx, ly, 9.0, 5.5, Some(ink), Some((Ink::Grey(0xb0), 0.3)));
        let st = Style::new(6.2).ink(MUTED);
        d.text_at(lx + 12.0, ly + 5.0, st, text);
        lx += 12.0 + d.m.width(text, st.size) + 10.0;
    }
    if rows.iter().any(|r| r.4.is_some()) {
        d.ops().push(Op::Line {
            from: (lx + 2.0, ly - 1.0),
            to: (lx + 2.0, ly + 6.5),
            ink: Ink::Grey(0x10),
            width: 1.1,
            dashed: false,
        });
        let st = Style::new(6.2).ink(MUTED);
        let text = d.t(tr::BLOCK_MINIMUM);
        d.text_at(lx + 6.0, ly + 5.0, st, text);
    }
}

/// Part 3: the five-haves radar and the score bars, two charts a row.
pub(super) fn charts(d: &mut Doc, r: &ReportData) {
    let mut charts: Vec<Chart> = Vec::new();
    if let Some(h) = &r.five_haves {
        charts.push(Chart {
            kind: ChartKind::Radar(h),
        });
    }
    for s in &r.scores {
        charts.push(Chart {
            kind: ChartKind::Scores(s),
        });
    }
    let col_gap = 20.0;
    let w = (WIDTH - col_gap) / 2.0;
    let first_h = charts
        .iter()
        .take(2)
        .map(|c| c.height(d, w))
        .fold(0.0, f32::max);
    d.section(Part::Charts.number(r), d.t(tr::CHARTS), first_h);
    if charts.is_empty() {
        let text = d.t(tr::NO_CHARTS);
        d.paragraph(MARGIN, WIDTH, text, Style::new(BODY).ink(MUTED));
        return;
    }
    for pair in charts.chunks(2) {
        let h = pair.iter().map(|c| c.height(d, w)).fold(0.0, f32::max);
        d.ensure(h);
        let top = d.y;
        for (i, c) in pair.iter().enumerate() {
            c.draw(d, MARGIN + i as f32 * (w + col_gap), top, w);
        }
        d.y = top + h + 8.0;
    }
}
