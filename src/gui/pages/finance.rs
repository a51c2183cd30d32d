//! 财务数据: the yearly financial figures and the ratios derived from them.
//!
//! Also holds the yearly-table helpers that the staff and funding pages share:
//! a grid whose label column wraps to fit the page, and read-only rows of
//! derived ratios that say which input is missing when a ratio cannot be computed.

use eframe::egui::{Grid, RichText, TextStyle, TextWrapMode, Ui, WidgetText};

use super::PageCtx;
use crate::gui::widgets::Env;
use crate::gui::{theme, widgets as w};
use crate::i18n::pages::finance as s;
use crate::i18n::{Tr, common, fields};
use crate::metrics::{Metrics, Missing, Unit};
use crate::model::{Assessment, FieldRef, FiscalField, FiscalPage};
use crate::report::format as f;

/// Space between the columns of a yearly table.
const COL_GAP: f32 = 8.0;
/// Left inset of derived values, so that their digits line up with the
/// digits typed in the inputs above (the text inputs' inner margin).
const VALUE_INSET: f32 = 8.0;

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    let shifted = ctx.years_shifted;
    let doc = &mut *ctx.doc;
    ui.heading(env.t(s::TITLE));
    w::paragraph(ui, RichText::new(env.t(s::INTRO)).color(theme::MUTED));
    w::years::notice(ui, &env, doc, shifted);
    ui.add_space(theme::SECTION_GAP);
    let mut changed = false;
    yearly_grid(
        ui,
        &env,
        ("finance-years", &[Unit::Wan, Unit::Percent]),
        |ui| {
            for field in FiscalField::on_page(FiscalPage::Finance) {
                changed |= w::yearly_input(ui, &env, doc, field);
            }
            derived_rows(
                ui,
                &env,
                doc,
                &[
                    (
                        (s::MAIN_SHARE, s::MAIN_SHARE_HELP),
                        Unit::Percent,
                        Metrics::main_share,
                    ),
                    (
                        (s::DEBT_RATIO, s::DEBT_RATIO_HELP),
                        Unit::Percent,
                        Metrics::debt_ratio,
                    ),
                    (
                        (s::NET_MARGIN, s::NET_MARGIN_HELP),
                        Unit::Percent,
                        Metrics::net_margin,
                    ),
                    (
                        (s::MAIN_GROWTH, s::MAIN_GROWTH_HELP),
                        Unit::Percent,
                        Metrics::main_growth,
                    ),
                ],
            );
        },
    );
    changed |= w::years::outside_section(ui, &env, doc, FiscalPage::Finance);
    ctx.changed |= changed;
}

/// A yearly table (label, Y−1, Y−2, Y−3, unit) under its header row, sized
/// to fit the page: the label column takes the room left by the numbers and
/// by the widest of `units`, and wraps long labels; the number columns keep
/// their width whatever issue appears under an input, so the table does not
/// jump while typing. `id` names the grid.
pub(super) fn yearly_grid<R>(
    ui: &mut Ui,
    env: &Env,
    (id, units): (&str, &[Unit]),
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let unit_width = units
        .iter()
        .map(|u| {
            WidgetText::from(unit_text(env, *u))
                .into_galley(
                    ui,
                    Some(TextWrapMode::Extend),
                    f32::INFINITY,
                    TextStyle::Body,
                )
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let fixed = 3.0 * theme::NUMBER_WIDTH + 4.0 * COL_GAP + unit_width;
    let label_width = (ui.available_width() - fixed).clamp(theme::NUMBER_WIDTH, theme::LABEL_WIDTH);
    Grid::new(id)
        .num_columns(5)
        .spacing([COL_GAP, 6.0])
        .max_col_width(theme::NUMBER_WIDTH)
        .show(ui, |ui| {
            year_header(ui, env, label_width);
            add(ui)
        })
        .inner
}

/// A unit symbol in the interface language.
fn unit_text(env: &Env, unit: Unit) -> &'static str {
    unit.label(env.lang)
}

/// The header row of a yearly table; its first cell sets the width of the
/// label column (labels below wrap at it).
fn year_header(ui: &mut Ui, env: &Env, label_width: f32) {
    ui.horizontal(|ui| {
        ui.set_min_width(label_width);
        ui.label(RichText::new(env.t(common::YEAR)).strong());
    });
    for back in 1..=3 {
        let r = ui.label(RichText::new(format!("{} (Y−{back})", env.year(back))).strong());
        w::focus::claim_heading(ui, env, &format!("years.{}", env.year(back)), &r);
    }
    ui.label("");
    ui.end_row();
}

/// A form (label, input, unit, issues) whose cells may grow to `max_width`:
/// inputs get their full width from the first frame, long labels wrap.
pub(super) fn form_grid<R>(
    ui: &mut Ui,
    id: &str,
    max_width: f32,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    Grid::new(id)
        .num_columns(4)
        .spacing([10.0, 6.0])
        .min_col_width(0.0)
        .max_col_width(max_width)
        .show(ui, add)
        .inner
}

/// A number with thousands separators and exactly two decimals, so that a
/// column of ratios lines up.
fn two_decimals(v: f64) -> String {
    let s = f::number(v, 2);
    match s.split_once('.') {
        None => format!("{s}.00"),
        Some((_, frac)) if frac.len() == 1 => format!("{s}0"),
        Some(_) => s,
    }
}

/// The heading row above the derived ratios of a yearly table.
pub(super) fn derived_header(ui: &mut Ui, env: &Env) {
    ui.vertical(|ui| {
        ui.add_space(theme::SECTION_GAP / 2.0);
        ui.label(RichText::new(env.t(s::DERIVED)).strong())
            .on_hover_text(env.t(s::DERIVED_HELP));
    });
    ui.end_row();
}

/// A derived metric computed per fiscal year (`Metrics::rd_ratio`, …).
pub(super) type MetricFn<'a> = fn(&Metrics<'a>, u8) -> Result<f64, Missing>;

/// One derived row: its label and formula (hover), unit and metric.
pub(super) type Derived<'a> = ((Tr, Tr), Unit, MetricFn<'a>);

/// The "derived ratios" heading and one read-only row per entry of `rows`,
/// computed from `doc` for Y−1, Y−2 and Y−3.
pub(super) fn derived_rows<'a>(ui: &mut Ui, env: &Env, doc: &'a Assessment, rows: &[Derived<'a>]) {
    derived_header(ui, env);
    let m = Metrics::new(doc, env.as_of);
    for &(text, unit, metric) in rows {
        derived_row(ui, env, doc, text, unit, [1, 2, 3].map(|b| metric(&m, b)));
    }
}

/// A read-only row of a yearly table: a ratio for Y−1, Y−2, Y−3 (`values`),
/// or "—" and the inputs it lacks. `text` is the label and its formula (hover).
fn derived_row(
    ui: &mut Ui,
    env: &Env,
    doc: &Assessment,
    text: (Tr, Tr),
    unit: Unit,
    values: [Result<f64, Missing>; 3],
) {
    let (label, formula) = text;
    ui.vertical(|ui| {
        ui.label(env.t(label)).on_hover_text(env.t(formula));
    });
    for (back, value) in (1..=3u8).zip(values) {
        let year = env.year(back);
        ui.vertical(|ui| {
            ui.set_max_width(theme::NUMBER_WIDTH);
            match value {
                Ok(v) => {
                    ui.horizontal_top(|ui| {
                        ui.add_space(VALUE_INSET);
                        ui.label(two_decimals(v));
                    });
                }
                Err(missing) if needs_other_year(env, &missing).is_some() => {
                    // A figure of a year no column asks for (the growth of
                    // Y−3 needs Y−4): not computed, and not asked for.
                    let year = needs_other_year(env, &missing).unwrap_or_default();
                    ui.horizontal_top(|ui| {
                        ui.add_space(VALUE_INSET);
                        ui.label(RichText::new(env.t(s::NOT_COMPUTABLE)).color(theme::MUTED))
                            .on_hover_text(
                                env.t(common::GROWTH_NEEDS_YEAR)
                                    .replace("{year}", &year.to_string()),
                            );
                    });
                }
                Err(missing) => {
                    ui.horizontal_top(|ui| {
                        ui.add_space(VALUE_INSET);
                        ui.label(RichText::new(env.t(s::NOT_COMPUTABLE)).color(theme::MUTED))
                            .on_hover_text(fields::field_names(&missing.fields, env.lang));
                    });
                    for line in missing_lines(env, doc, year, &missing) {
                        ui.label(RichText::new(line).small().color(theme::MISSING));
                    }
                }
            }
        });
    }
    ui.label(RichText::new(unit.label(env.lang)).color(theme::MUTED));
    ui.end_row();
}

/// The earliest year before the columns whose figure `missing` names, if any.
fn needs_other_year(env: &Env, missing: &Missing) -> Option<i32> {
    let first = env.year(3);
    missing
        .fields
        .iter()
        .filter_map(|f| match f {
            FieldRef::Year { year, .. } => Some(*year),
            _ => None,
        })
        .filter(|y| *y < first)
        .min()
}

/// One line per input a ratio lacks: "缺：营业收入", or "营业收入为 0 或无效"
/// when it is filled but cannot be used; the year is named when it is not
/// the column's.
fn missing_lines(env: &Env, doc: &Assessment, column_year: i32, missing: &Missing) -> Vec<String> {
    missing
        .fields
        .iter()
        .map(|field| {
            let FieldRef::Year { year, field } = field else {
                let named = fields::field_name(field, env.lang);
                return env.t(s::MISSING).replace("{field}", &named);
            };
            let label = env.t(field.label);
            let named = if *year == column_year {
                label.to_string()
            } else {
                env.t(s::OTHER_YEAR)
                    .replace("{year}", &year.to_string())
                    .replace("{field}", label)
            };
            let filled = doc.year(*year).is_some_and(|fy| field.is_filled(fy));
            env.t(if filled { s::INVALID } else { s::MISSING })
                .replace("{field}", &named)
        })
        .collect()
}
