//! Charts drawn with `egui_plot` from the same numbers as the reports.
//!
//! Every chart has a fixed height, ignores zoom, drag and scroll (so the page
//! scrolls normally over it) and never asks for a repaint of its own.

use std::f64::consts::{FRAC_PI_2, TAU};
use std::fmt::Write as _;

use eframe::egui::{
    self, Align2, AsIdSalt, RichText, Stroke, TextStyle, Ui,
    text::{LayoutJob, TextFormat},
};
use egui_plot::{
    Bar, BarChart, GridMark, HLine, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints,
    Points, Polygon, Text,
};

use crate::eval::{HaveReadiness, ScoreResult};
use crate::gui::theme;
use crate::i18n::{Lang, pages::results as s};
use crate::report::format as f;
use crate::rules::Have;

/// A plot that only displays: no zoom, drag, scroll, box zoom or reset,
/// and no coordinate read-out.
pub(crate) fn still_plot<'a>(id: impl AsIdSalt, height: f32) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_axis_zoom_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .sense(egui::Sense::hover())
}

/// Position on the radar of spoke `i` of `n` at radius `r` (spoke 0 at the top, clockwise).
fn polar(i: usize, n: usize, r: f64) -> [f64; 2] {
    let angle = FRAC_PI_2 - TAU * i as f64 / n as f64;
    [r * angle.cos(), r * angle.sin()]
}

/// Readiness as a percentage string, `—` when the tier does not test this have.
fn readiness_text(h: &HaveReadiness) -> String {
    h.readiness.map_or_else(
        || "—".to_string(),
        |r| format!("{}%", f::number(r * 100.0, 0)),
    )
}

/// Room left between a side label and the card's edge, in points.
const RADAR_LABEL_PAD: f32 = 12.0;
/// Smallest radar scale, in points per unit radius.
const RADAR_MIN_SCALE: f32 = 40.0;

/// Whether spoke `i` of `n` has its label beside it (left or right) rather
/// than above or below.
fn is_side(i: usize, n: usize) -> bool {
    i != 0 && polar(i, n, 1.1)[0].abs() >= 0.35
}

/// The five-haves radar: five spokes (研发人员, 研发经费, 研发条件, 研发方向,
/// 研发项目), rings at 25/50/75/100 %, and the readiness polygon. A have the
/// tier does not test sits at the centre and reads “—”.
pub fn five_haves_radar(ui: &mut Ui, lang: Lang, haves: &[HaveReadiness], id: impl AsIdSalt) {
    let n = Have::FIVE.len();
    let value = |h: Have| haves.iter().find(|x| x.have == h);
    let mut radii = Vec::with_capacity(n);
    for h in Have::FIVE {
        radii.push(
            value(h)
                .and_then(|x| x.readiness)
                .unwrap_or(0.0)
                .clamp(0.0, 1.0),
        );
    }
    let font = TextStyle::Body.resolve(ui.style());
    let text_color = ui.visuals().text_color();
    let format = |color| TextFormat {
        font_id: font.clone(),
        color,
        ..TextFormat::default()
    };
    // Each spoke's label: the have and its readiness, on one line, or on two
    // when one line would leave the side labels no room in a narrow card.
    let label = |h: Have, two_lines: bool| {
        let (pct, color) = match value(h) {
            Some(r) if r.readiness.is_some() => (readiness_text(r), theme::ACCENT),
            _ => (lang.t(s::NOT_TESTED).to_string(), theme::MUTED),
        };
        let mut job = LayoutJob::default();
        job.append(f::have(h, lang), 0.0, format(text_color));
        if two_lines {
            job.append(&format!("\n{pct}"), 0.0, format(color));
        } else {
            job.append(&pct, 6.0, format(color));
        }
        job
    };
    let widest_side = |two_lines: bool| {
        Have::FIVE
            .iter()
            .enumerate()
            .filter(|(i, _)| is_side(*i, n))
            .map(|(_, h)| ui.painter().layout_job(label(*h, two_lines)).size().x)
            .fold(0.0_f32, f32::max)
    };
    // Pixels per unit: what the height allows (y from −1.38 to 1.32), and
    // what the width allows with the side labels beside the spokes' ends (1.1).
    let half_width = ui.available_width() / 2.0;
    let by_height = theme::RADAR_HEIGHT / 2.9;
    let by_width = |label_w: f32| (half_width - label_w - RADAR_LABEL_PAD) / 1.1;
    let two_lines = by_width(widest_side(false)) < by_height * 0.85;
    let scale = by_width(widest_side(two_lines)).clamp(RADAR_MIN_SCALE, by_height);
    let half_x = f64::from(half_width / scale).max(1.55);
    still_plot(id, theme::RADAR_HEIGHT)
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .show_background(false)
        .include_x(-half_x)
        .include_x(half_x)
        .include_y(-1.38)
        .include_y(1.32)
        .show(ui, |plot| {
            let grid = Stroke::new(1.0, theme::CHART_GRID);
            for ring in [0.25, 0.5, 0.75, 1.0] {
                let pts: Vec<[f64; 2]> = (0..=n).map(|i| polar(i % n, n, ring)).collect();
                plot.line(
                    Line::new("", PlotPoints::new(pts))
                        .stroke(grid)
                        .allow_hover(false),
                );
            }
            for i in 0..n {
                plot.line(
                    Line::new("", PlotPoints::new(vec![[0.0, 0.0], polar(i, n, 1.0)]))
                        .stroke(grid)
                        .allow_hover(false),
                );
            }
            for ring in [0.5, 1.0] {
                // On the upper-left edge of the ring, clear of the spoke labels.
                let [ax, ay] = polar(n - 1, n, ring);
                let [bx, by] = polar(0, n, ring);
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(f64::midpoint(ax, bx), f64::midpoint(ay, by)),
                        RichText::new(format!("{}%", f::number(ring * 100.0, 0)))
                            .small()
                            .color(theme::MUTED),
                    )
                    .anchor(Align2::RIGHT_BOTTOM)
                    .allow_hover(false),
                );
            }
            // The readiness area: one triangle per sector, as egui fills convex shapes only.
            for i in 0..n {
                let j = (i + 1) % n;
                plot.polygon(
                    Polygon::new(
                        "",
                        PlotPoints::new(vec![
                            [0.0, 0.0],
                            polar(i, n, radii[i]),
                            polar(j, n, radii[j]),
                        ]),
                    )
                    .fill_color(theme::CHART_FILL)
                    .stroke(Stroke::NONE)
                    .allow_hover(false),
                );
            }
            let outline: Vec<[f64; 2]> = (0..=n).map(|i| polar(i % n, n, radii[i % n])).collect();
            plot.line(
                Line::new("", PlotPoints::new(outline))
                    .color(theme::ACCENT)
                    .width(2.0)
                    .allow_hover(false),
            );
            let vertices: Vec<[f64; 2]> = (0..n).map(|i| polar(i, n, radii[i])).collect();
            plot.points(
                Points::new("", PlotPoints::new(vertices))
                    .color(theme::ACCENT)
                    .radius(3.5)
                    .shape(MarkerShape::Circle)
                    .filled(true)
                    .allow_hover(false),
            );
            for (i, h) in Have::FIVE.iter().enumerate() {
                let [x, y] = polar(i, n, 1.1);
                let anchor = if i == 0 {
                    Align2::CENTER_BOTTOM
                } else if x.abs() < 0.35 {
                    Align2::CENTER_TOP
                } else if x > 0.0 {
                    if y < -0.3 {
                        Align2::LEFT_TOP
                    } else {
                        Align2::LEFT_CENTER
                    }
                } else if y < -0.3 {
                    Align2::RIGHT_TOP
                } else {
                    Align2::RIGHT_CENTER
                };
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(x, y),
                        label(*h, two_lines && is_side(i, n)),
                    )
                    .anchor(anchor)
                    .allow_hover(false),
                );
            }
        });
}

/// One horizontal bar per block of a score table: the block maximum as a
/// track, the points earned over it (green when the block minimum is met,
/// red when not), points reachable once missing inputs are filled in, and the
/// block minimum as a dark marker line.
pub fn score_bars(ui: &mut Ui, lang: Lang, score: &ScoreResult, id: impl AsIdSalt) {
    let n = score.blocks.len();
    if n == 0 {
        return;
    }
    let widest = score.blocks.iter().map(|b| b.max).fold(1.0_f64, f64::max);
    let row = |i: usize| (n - 1 - i) as f64;
    let height = theme::SCORE_ROW_HEIGHT * n as f32 + 28.0;
    let text_color = ui.visuals().text_color();
    let font = TextStyle::Body.resolve(ui.style());
    still_plot(id, height)
        .show_axes(false)
        .show_grid(false)
        .show_background(false)
        .include_x(0.0)
        .include_x(widest * 1.42)
        .include_y(-0.5)
        .include_y(n as f64 - 0.05)
        .show(ui, |plot| {
            let bar = |i: usize, from: f64, len: f64| {
                Bar::new(row(i), len.max(0.0))
                    .base_offset(from)
                    .width(0.42)
                    .stroke(Stroke::NONE)
            };
            let mut track = Vec::new();
            let mut earned = Vec::new();
            let mut potential = Vec::new();
            for (i, b) in score.blocks.iter().enumerate() {
                track.push(bar(i, 0.0, b.max).fill(theme::CHART_TRACK));
                let ok = b.min.is_none_or(|m| b.points >= m);
                let color = match b.min {
                    None => theme::ACCENT,
                    Some(_) if ok => theme::GOOD,
                    Some(_) => theme::BAD,
                };
                earned.push(bar(i, 0.0, b.points.min(b.max)).fill(color));
                if b.potential > b.points {
                    potential.push(
                        bar(i, b.points, b.potential.min(b.max) - b.points)
                            .fill(theme::CHART_POTENTIAL),
                    );
                }
            }
            for (k, bars) in [track, earned, potential].into_iter().enumerate() {
                if !bars.is_empty() {
                    plot.bar_chart(
                        BarChart::new("", bars)
                            .horizontal()
                            .allow_hover(false)
                            .id(("score-bars", k)),
                    );
                }
            }
            for (i, b) in score.blocks.iter().enumerate() {
                let y = row(i);
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(0.0, y + 0.24),
                        RichText::new(b.title.get(lang))
                            .font(font.clone())
                            .color(text_color),
                    )
                    .anchor(Align2::LEFT_BOTTOM)
                    .allow_hover(false),
                );
                let mut value = format!("{} / {}", f::number(b.points, 1), f::number(b.max, 1));
                if let Some(m) = b.min {
                    let _ = write!(value, "  {} {}", lang.t(s::SUB_MIN), f::number(m, 1));
                    plot.line(
                        Line::new("", PlotPoints::new(vec![[m, y - 0.3], [m, y + 0.3]]))
                            .color(theme::CHART_MARKER)
                            .width(2.5)
                            .allow_hover(false),
                    );
                }
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(b.max + widest * 0.03, y),
                        RichText::new(value).font(font.clone()).color(theme::MUTED),
                    )
                    .anchor(Align2::LEFT_CENTER)
                    .allow_hover(false),
                );
            }
        });
}

/// How a legend entry's line is drawn.
#[derive(Clone, Copy)]
enum Swatch {
    Solid,
    Dashed,
    Dotted,
}

/// A legend entry drawn below a chart: a short line sample and its label,
/// allocated as one piece so a wrapping row never splits them.
fn legend_entry(ui: &mut Ui, color: egui::Color32, swatch: Swatch, label: &str) {
    const SAMPLE: f32 = 26.0;
    const GAP: f32 = 6.0;
    let galley = egui::WidgetText::from(RichText::new(label).color(theme::MUTED)).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        TextStyle::Body,
    );
    let size = egui::vec2(SAMPLE + GAP + galley.size().x, galley.size().y.max(12.0));
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let y = rect.center().y;
    let x0 = rect.left();
    let painter = ui.painter();
    match swatch {
        Swatch::Solid => {
            painter.line_segment(
                [egui::pos2(x0, y), egui::pos2(x0 + SAMPLE, y)],
                Stroke::new(2.5, color),
            );
            painter.circle_filled(egui::pos2(x0 + SAMPLE / 2.0, y), 3.5, color);
        }
        Swatch::Dashed => {
            for k in 0..3 {
                let x = x0 + k as f32 * 10.0;
                painter.line_segment(
                    [egui::pos2(x, y), egui::pos2(x + 6.0, y)],
                    Stroke::new(1.5, color),
                );
            }
        }
        Swatch::Dotted => {
            for k in 0..6 {
                painter.circle_filled(egui::pos2(x0 + 2.0 + k as f32 * 4.4, y), 1.0, color);
            }
        }
    }
    let text_pos = egui::pos2(x0 + SAMPLE + GAP, rect.center().y - galley.size().y / 2.0);
    painter.galley(text_pos, galley, theme::MUTED);
}

/// Colour of threshold line `k` of the trend chart.
fn threshold_color(k: usize) -> egui::Color32 {
    theme::SERIES[1 + k % (theme::SERIES.len() - 1)]
}

/// A percentage of the trend chart: one rule for every figure in it (data,
/// thresholds, benchmark, axis), two decimals, so "2.90%" and "2.56%" read
/// alike and a value just under a threshold never shows as equal to it.
fn percent(v: f64) -> String {
    format!("{v:.2}%")
}

/// A still plot over calendar years: one grid line and label per year,
/// half a year of margin on each side (the R&D trend charts).
pub(crate) fn year_plot<'a>(id: impl AsIdSalt, years: Vec<f64>) -> Plot<'a> {
    let (first, last) = (
        years.first().copied().unwrap_or(0.0),
        years.last().copied().unwrap_or(0.0),
    );
    still_plot(id, theme::TREND_HEIGHT)
        .show_grid([false, true])
        .include_x(first - 0.4)
        .include_x(last + 0.4)
        .x_grid_spacer(move |_| {
            years
                .iter()
                .map(|y| GridMark {
                    value: *y,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value as i64)
            } else {
                String::new()
            }
        })
}

/// A three-year line of R&D intensity (研发费用占营业收入比重, %) with the
/// tier thresholds on that ratio as dashed lines and the plan's benchmark
/// (from the rule packs, e.g. 1.5 %) as a dotted line, and a legend below. `points` are
/// `(calendar year, ratio)`, oldest first; a year without data is marked at
/// the bottom and breaks the line. `thresholds` are `(label, percent)`.
pub fn rd_trend(
    ui: &mut Ui,
    lang: Lang,
    points: &[(i32, Option<f64>)],
    thresholds: &[(String, f64)],
    benchmark: Option<f64>,
    id: impl AsIdSalt,
) {
    let years: Vec<f64> = points.iter().map(|(y, _)| f64::from(*y)).collect();
    let top = points
        .iter()
        .filter_map(|(_, v)| *v)
        .chain(thresholds.iter().map(|(_, t)| *t))
        .chain(benchmark)
        .fold(0.0_f64, f64::max);
    let lift = top * 0.05;
    let font = TextStyle::Body.resolve(ui.style());
    year_plot(id, years)
        .include_y(0.0)
        .include_y(top * 1.18 + 0.2)
        .y_axis_formatter(|mark, _| percent(mark.value))
        .y_axis_min_width(36.0)
        .show(ui, |plot| {
            for (k, (_, t)) in thresholds.iter().enumerate() {
                plot.hline(
                    HLine::new("", *t)
                        .color(threshold_color(k))
                        .style(LineStyle::Dashed { length: 8.0 })
                        .width(1.5)
                        .allow_hover(false),
                );
            }
            if let Some(b) = benchmark {
                plot.hline(
                    HLine::new("", b)
                        .color(theme::REFERENCE)
                        .style(LineStyle::dotted_dense())
                        .width(1.5)
                        .allow_hover(false),
                );
            }
            // The data: unbroken runs of consecutive years with a value.
            let mut run: Vec<[f64; 2]> = Vec::new();
            let mut runs: Vec<Vec<[f64; 2]>> = Vec::new();
            for (y, v) in points {
                match v {
                    Some(v) => run.push([f64::from(*y), *v]),
                    None => {
                        if !run.is_empty() {
                            runs.push(std::mem::take(&mut run));
                        }
                    }
                }
            }
            if !run.is_empty() {
                runs.push(run);
            }
            for r in runs {
                if r.len() > 1 {
                    plot.line(
                        Line::new("", PlotPoints::new(r))
                            .color(theme::ACCENT)
                            .width(2.5)
                            .allow_hover(false),
                    );
                }
            }
            let present: Vec<[f64; 2]> = points
                .iter()
                .filter_map(|(y, v)| v.map(|v| [f64::from(*y), v]))
                .collect();
            if !present.is_empty() {
                plot.points(
                    Points::new("", PlotPoints::new(present.clone()))
                        .color(theme::ACCENT)
                        .radius(4.0)
                        .filled(true)
                        .allow_hover(false),
                );
            }
            for [x, v] in present {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(x, v + lift),
                        RichText::new(percent(v))
                            .font(font.clone())
                            .strong()
                            .color(theme::ACCENT),
                    )
                    .anchor(Align2::CENTER_BOTTOM)
                    .allow_hover(false),
                );
            }
            for (y, v) in points {
                if v.is_none() {
                    plot.text(
                        Text::new(
                            "",
                            PlotPoint::new(f64::from(*y), lift),
                            RichText::new(lang.t(s::NO_DATA))
                                .font(font.clone())
                                .color(theme::MISSING),
                        )
                        .anchor(Align2::CENTER_BOTTOM)
                        .allow_hover(false),
                    );
                }
            }
        });
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 16.0;
        legend_entry(ui, theme::ACCENT, Swatch::Solid, lang.t(s::RD_RATIO));
        for (k, (name, t)) in thresholds.iter().enumerate() {
            let label = format!("{name} ≥ {}", percent(*t));
            legend_entry(ui, threshold_color(k), Swatch::Dashed, &label);
        }
        if let Some(b) = benchmark {
            let bench = format!("{} {}", lang.t(s::BENCHMARK), percent(b));
            legend_entry(ui, theme::REFERENCE, Swatch::Dotted, &bench);
        }
    });
}
