//! The fiscal years the evaluation reads (Y−1, Y−2, Y−3 before the as-of
//! date), and the figures of other years: kept in the file, shown and
//! flagged, never silently dropped from view.

use chrono::Datelike;
use eframe::egui::{self, RichText, Ui};

use super::{Env, focus};
use crate::gui::theme;
use crate::i18n::{Lang, common};
use crate::model::{Assessment, FISCAL_FIELDS, FiscalField, FiscalPage, FiscalYear};
use crate::report::format as f;

/// The three calendar years of the yearly columns, newest first.
#[must_use]
pub fn window(env: &Env) -> [i32; 3] {
    [1, 2, 3].map(|b| env.as_of.year() - b)
}

/// "2024–2022": the yearly columns.
#[must_use]
pub fn range(env: &Env) -> String {
    let [y1, _, y3] = window(env);
    format!("{y1}–{y3}")
}

/// Years of `doc` that hold at least one figure but are not columns, newest first.
#[must_use]
pub fn outside(env: &Env, doc: &Assessment) -> Vec<i32> {
    let cols = window(env);
    let mut v: Vec<i32> = doc
        .years
        .iter()
        .filter(|fy| !cols.contains(&fy.year) && FISCAL_FIELDS.iter().any(|f| f.is_filled(fy)))
        .map(|fy| fy.year)
        .collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    v.dedup();
    v
}

/// The notice about the yearly columns: that they moved (`shifted`: the
/// as-of date changed them during this session), and which years' figures
/// are outside them. `None` when there is nothing to say.
#[must_use]
pub fn notice_text(env: &Env, doc: &Assessment, shifted: bool) -> Option<String> {
    let out = outside(env, doc);
    let years = out
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(env.lang.pick("、", ", "));
    let range = range(env);
    let moved = env.t(common::YEARS_SHIFTED).replace("{range}", &range);
    match (shifted, out.is_empty()) {
        (false, true) => None,
        (true, true) => Some(moved),
        (true, false) => Some(format!(
            "{moved}{}{}",
            env.lang.pick("；", "; "),
            env.t(common::YEARS_NOT_EVALUATED)
                .replace("{years}", &years)
        )),
        (false, false) => Some(
            env.t(common::YEARS_OUTSIDE)
                .replace("{years}", &years)
                .replace("{range}", &range),
        ),
    }
}

/// Shows the notice (see [`notice_text`]) in the warning colour.
pub fn notice(ui: &mut Ui, env: &Env, doc: &Assessment, shifted: bool) {
    if let Some(text) = notice_text(env, doc, shifted) {
        let width = (ui.clip_rect().right() - ui.cursor().left() - theme::SECTION_GAP).max(160.0);
        ui.scope(|ui| {
            ui.set_max_width(width);
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, theme::WARNING_TEXT))
                .corner_radius(3.0)
                .inner_margin(egui::Margin::symmetric(8, 4))
                .show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(text).color(theme::WARNING_TEXT)).wrap());
                });
        });
    }
}

/// The figures of `page` in years outside the columns, read-only and
/// flagged, each year with a button removing it from the file. Returns
/// whether the document changed.
pub fn outside_section(ui: &mut Ui, env: &Env, doc: &mut Assessment, page: FiscalPage) -> bool {
    let years: Vec<i32> = outside(env, doc)
        .into_iter()
        .filter(|y| {
            doc.year(*y)
                .is_some_and(|fy| FiscalField::on_page(page).any(|f| f.is_filled(fy)))
        })
        .collect();
    if years.is_empty() {
        return false;
    }
    let mut remove = None;
    ui.add_space(theme::SECTION_GAP);
    ui.label(
        RichText::new(env.t(common::OUTSIDE_TITLE))
            .strong()
            .color(theme::WARNING_TEXT),
    );
    ui.add(
        egui::Label::new(
            RichText::new(env.t(common::OUTSIDE_HELP).replace("{range}", &range(env)))
                .color(theme::MUTED),
        )
        .wrap(),
    );
    for y in years {
        let Some(fy) = doc.year(y) else { continue };
        let head = ui.label(
            RichText::new(
                env.t(common::OUTSIDE_YEAR)
                    .replace("{year}", &y.to_string()),
            )
            .strong(),
        );
        focus::claim_row(ui, env, &format!("years.{y}"), &head);
        egui::Grid::new(("outside-year", y, page.title().en))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for field in FiscalField::on_page(page).filter(|f| f.is_filled(fy)) {
                    ui.label(env.t(field.label));
                    ui.label(
                        RichText::new(value_text(env.lang, field, fy)).color(theme::WARNING_TEXT),
                    );
                    ui.end_row();
                }
            });
        if ui
            .button(
                env.t(common::OUTSIDE_REMOVE)
                    .replace("{year}", &y.to_string()),
            )
            .clicked()
        {
            remove = Some(y);
        }
    }
    if let Some(y) = remove {
        doc.years.retain(|fy| fy.year != y);
        return true;
    }
    false
}

/// A figure with its unit ("1,310 万元", "52 人").
fn value_text(lang: Lang, field: &FiscalField, fy: &FiscalYear) -> String {
    let unit = field.unit();
    let unit = lang.pick(unit.zh(), unit.en());
    let n = match (field.money(fy), field.people(fy)) {
        (Some(v), _) => f::number(v, 2),
        (None, Some(p)) => p.to_string(),
        (None, None) => String::new(),
    };
    format!("{n} {unit}")
}
