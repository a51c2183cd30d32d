//! The comparison's overlaid charts: five-haves readiness as grouped bars
//! (one colour per file) and R&D intensity as one line per file over the
//! fiscal years. Same numbers as `innocheck compare` prints.

use eframe::egui::{self, RichText, Ui};
use egui_plot::{Bar, BarChart, GridMark, Line, PlotPoints, Points};

use crate::gui::charts::{still_plot, year_plot};
use crate::gui::theme;
use crate::i18n::Lang;
use crate::report::compare::Column;
use crate::report::format as f;

fn color(k: usize) -> egui::Color32 {
    theme::COMPARE_SERIES[k % theme::COMPARE_SERIES.len()]
}

/// Five-haves readiness of each column side by side, per have (0–100 %).
/// A have without criteria in a column's target tier has no bar.
pub fn haves_overlay(ui: &mut Ui, lang: Lang, columns: &[Column], id: &str) {
    let haves: Vec<crate::rules::Have> = columns
        .first()
        .map(|c| c.haves.iter().map(|h| h.have).collect())
        .unwrap_or_default();
    let n = columns.len().max(1);
    let width = 0.8 / n as f64;
    let names: Vec<String> = haves
        .iter()
        .map(|h| f::have(*h, lang).to_string())
        .collect();
    let count = haves.len();
    still_plot(id, theme::TREND_HEIGHT)
        .show_grid([false, true])
        .include_y(0.0)
        .include_y(105.0)
        .include_x(-0.6)
        .include_x(count as f64 - 0.4)
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .y_axis_min_width(36.0)
        .show(ui, |plot| {
            for (k, col) in columns.iter().enumerate() {
                let offset = (k as f64 - (n as f64 - 1.0) / 2.0) * width;
                let bars: Vec<Bar> = haves
                    .iter()
                    .enumerate()
                    .filter_map(|(i, h)| {
                        let v = col.haves.iter().find(|x| x.have == *h)?.readiness?;
                        Some(
                            Bar::new(i as f64 + offset, v * 100.0)
                                .width(width * 0.92)
                                .fill(color(k))
                                .stroke(egui::Stroke::NONE),
                        )
                    })
                    .collect();
                plot.bar_chart(BarChart::new(col.label.clone(), bars).allow_hover(false));
            }
        });
}

/// R&D intensity (%) of each column over its fiscal years; a missing year
/// breaks that line.
pub fn rd_overlay(ui: &mut Ui, columns: &[Column], id: &str) {
    let years: Vec<i32> = {
        let mut y: Vec<i32> = columns
            .iter()
            .flat_map(|c| c.rd_ratio.iter().map(|v| v.year))
            .collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let top = columns
        .iter()
        .flat_map(|c| c.rd_ratio.iter().filter_map(|v| v.value))
        .fold(0.0_f64, f64::max);
    year_plot(id, years.iter().map(|y| f64::from(*y)).collect())
        .include_y(0.0)
        .include_y(top * 1.15 + 0.2)
        .y_axis_formatter(|mark, _| format!("{:.1}%", mark.value))
        .y_axis_min_width(36.0)
        .show(ui, |plot| {
            for (k, col) in columns.iter().enumerate() {
                let mut run: Vec<[f64; 2]> = Vec::new();
                let mut runs = Vec::new();
                for v in &col.rd_ratio {
                    match v.value {
                        Some(x) => run.push([f64::from(v.year), x]),
                        None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                        None => {}
                    }
                }
                if !run.is_empty() {
                    runs.push(run);
                }
                for r in runs {
                    if r.len() > 1 {
                        plot.line(
                            Line::new(col.label.clone(), PlotPoints::new(r.clone()))
                                .color(color(k))
                                .width(2.5)
                                .allow_hover(false),
                        );
                    }
                    plot.points(
                        Points::new(col.label.clone(), PlotPoints::new(r))
                            .color(color(k))
                            .radius(4.0)
                            .filled(true)
                            .allow_hover(false),
                    );
                }
            }
        });
}

/// One swatch per column: company and date.
pub fn legend(ui: &mut Ui, columns: &[Column]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 16.0;
        for (k, c) in columns.iter().enumerate() {
            ui.label(RichText::new("■").color(color(k)));
            ui.label(format!("{} {}", c.company, c.as_of));
        }
    });
}
