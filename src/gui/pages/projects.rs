//! 研发项目: a list editor of the R&D projects, with the count of ongoing ones.
//!
//! Also holds the list-item helpers that the IP-and-awards page reuses: a
//! framed card with a remove button, and rows that show their issues under
//! the input (a card is too narrow for a fourth, issue column).

use chrono::NaiveDate;
use eframe::egui::{self, Align, Id, Layout, RichText, Ui};

use super::PageCtx;
use crate::gui::{theme, widgets as w};
use crate::i18n::pages::projects as s;
use crate::i18n::{Lang, Tr};
use crate::metrics::Unit;
use crate::model::{Project, ProjectKind, ProjectStatus};

/// Width of the text inputs of list items and long answers.
pub(super) const TEXT_WIDTH: f32 = 280.0;
/// Width of the combo boxes of list items.
pub(super) const COMBO_WIDTH: f32 = 200.0;

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    let projects = &mut ctx.doc.projects;
    ui.heading(env.t(s::TITLE));
    w::paragraph(ui, RichText::new(env.t(s::INTRO)).color(theme::MUTED));
    ui.add_space(theme::SECTION_GAP);
    let mut changed = false;

    let ongoing = projects
        .iter()
        .filter(|p| p.status == ProjectStatus::Ongoing)
        .count();
    w::form(ui, "projects-summary", |ui| {
        summary_row(ui, &env, s::ONGOING, ongoing);
        summary_row(ui, &env, s::TOTAL, projects.len());
    });
    ui.add_space(theme::SECTION_GAP);

    let kinds = [
        (ProjectKind::Basic, env.t(s::KIND_BASIC)),
        (ProjectKind::Applied, env.t(s::KIND_APPLIED)),
        (ProjectKind::Experimental, env.t(s::KIND_EXPERIMENTAL)),
    ];
    let statuses = [
        (ProjectStatus::Planned, env.t(s::STATUS_PLANNED)),
        (ProjectStatus::Ongoing, env.t(s::STATUS_ONGOING)),
        (ProjectStatus::Completed, env.t(s::STATUS_COMPLETED)),
    ];
    if projects.is_empty() {
        w::paragraph(ui, RichText::new(env.t(s::EMPTY)).color(theme::MUTED));
    }
    let mut remove = None;
    for (i, p) in projects.iter_mut().enumerate() {
        let title = format!("{} {}", env.t(s::PROJECT), i + 1);
        let removed = card(
            ui,
            &format!("projects.{i}"),
            &title,
            env.t(s::REMOVE),
            |ui| {
                let f = |name: &str| format!("projects.{i}.{name}");
                w::form(ui, "project", |ui| {
                    changed |= item_row(ui, &env, s::NAME, &f("name"), None, |ui, l| {
                        text_input(ui, &mut p.name, l, TEXT_WIDTH)
                    });
                    changed |= item_row(ui, &env, s::KIND, &f("kind"), None, |ui, l| {
                        combo_input(ui, &f("kind"), &mut p.kind, &kinds, l)
                    });
                    changed |= item_row(
                        ui,
                        &env,
                        s::BUDGET,
                        &f("budget"),
                        Some(Unit::Wan),
                        |ui, l| {
                            let id = ui.scope_id().with(f("budget"));
                            ui.horizontal(|ui| {
                                w::number_input(ui, id, &mut p.budget, l, theme::NUMBER_WIDTH).1
                            })
                            .inner
                        },
                    );
                    changed |= item_row(ui, &env, s::START, &f("start"), None, |ui, l| {
                        date_input(ui, &env, &f("start"), &mut p.start, l)
                    });
                    changed |= item_row(ui, &env, s::END, &f("end"), None, |ui, l| {
                        date_input(ui, &env, &f("end"), &mut p.end, l)
                    });
                    changed |= item_row(ui, &env, s::STATUS, &f("status"), None, |ui, l| {
                        combo_input(ui, &f("status"), &mut p.status, &statuses, l)
                    });
                    changed |= item_row(ui, &env, s::PARTNER, &f("partner"), None, |ui, l| {
                        text_input(ui, &mut p.partner, l, TEXT_WIDTH)
                    });
                });
            },
        );
        if removed {
            remove = Some(i);
        }
    }
    if let Some(i) = remove {
        projects.remove(i);
        changed = true;
    }
    if ui.button(env.t(s::ADD)).clicked() {
        projects.push(Project::default());
        changed = true;
    }
    ctx.changed |= changed;
}

/// A read-only form row: a count with its unit, help on the label.
fn summary_row(ui: &mut Ui, env: &w::Env, label_tr: Tr, n: usize) {
    w::label(ui, env, env.t(label_tr), "projects");
    ui.label(RichText::new(n.to_string()).strong());
    unit_label(ui, env.lang, Unit::Item);
    ui.label("");
    ui.end_row();
}

fn unit_label(ui: &mut Ui, lang: Lang, u: Unit) {
    ui.label(RichText::new(u.label(lang)).color(theme::MUTED));
}

/// A framed list item with the unique `id` (such as `projects.2`): a bold
/// title and a remove button on top, then `add`. Returns whether the remove
/// button was clicked.
pub(super) fn card(
    ui: &mut Ui,
    id: &str,
    title: &str,
    remove_label: &str,
    add: impl FnOnce(&mut Ui),
) -> bool {
    let mut remove = false;
    ui.push_id(id, |ui| {
        egui::Frame::group(ui.style())
            .fill(theme::CARD_FILL)
            .show(ui, |ui| {
                // Keep clear of the floating scroll bar.
                ui.set_width((ui.available_width() - theme::SECTION_GAP).max(0.0));
                ui.horizontal(|ui| {
                    ui.label(RichText::new(title).strong());
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        remove = ui.small_button(remove_label).clicked();
                    });
                });
                add(ui);
            });
    });
    ui.add_space(4.0);
    remove
}

/// A form row of a list item: the label (with hover help on `field`), then
/// the input and its unit, with the issues of `field` under them. `input` gets the
/// label's id to name the input it adds, and returns whether it changed.
pub(super) fn item_row(
    ui: &mut Ui,
    env: &w::Env,
    label_tr: Tr,
    field: &str,
    unit: Option<Unit>,
    input: impl FnOnce(&mut Ui, Id) -> bool,
) -> bool {
    let l = w::label(ui, env, env.t(label_tr), field);
    let changed = ui
        .vertical(|ui| {
            let changed = ui
                .horizontal(|ui| {
                    let changed = input(ui, l.id);
                    if let Some(u) = unit {
                        unit_label(ui, env.lang, u);
                    }
                    changed
                })
                .inner;
            w::issues(ui, env, field);
            changed
        })
        .inner;
    ui.end_row();
    changed
}

/// A single-line text input `width` wide, named by `labelled_by`.
pub(super) fn text_input(ui: &mut Ui, value: &mut String, labelled_by: Id, width: f32) -> bool {
    w::text_input(
        ui,
        value,
        labelled_by,
        w::fit_width(ui, width),
        (None, None),
    )
    .changed()
}

/// A combo box over `options` for a value that is always set.
pub(super) fn combo_input<T: Copy + PartialEq>(
    ui: &mut Ui,
    salt: &str,
    value: &mut T,
    options: &[(T, &str)],
    labelled_by: Id,
) -> bool {
    let selected = options
        .iter()
        .find(|(o, _)| *o == *value)
        .map_or("", |(_, s)| *s);
    let mut changed = false;
    let r = egui::ComboBox::from_id_salt(ui.scope_id().with(salt))
        .selected_text(selected)
        .width(COMBO_WIDTH)
        .show_ui(ui, |ui| {
            for (o, s) in options {
                changed |= ui.selectable_value(value, *o, *s).changed();
            }
        });
    let _ = r.response.labelled_by(labelled_by);
    changed
}

/// A date input (`YYYY-MM-DD`) named by `labelled_by`.
pub(super) fn date_input(
    ui: &mut Ui,
    env: &w::Env,
    salt: &str,
    value: &mut Option<NaiveDate>,
    labelled_by: Id,
) -> bool {
    let id = ui.scope_id().with(salt);
    ui.horizontal(|ui| w::date_input(ui, env, id, value, labelled_by))
        .inner
}

/// A whole-number input for a value that is always set; an emptied or
/// fractional entry keeps the old value.
pub(super) fn whole_input<T>(ui: &mut Ui, salt: &str, value: &mut T, labelled_by: Id) -> bool
where
    T: Copy + Into<f64> + TryFrom<i64>,
{
    let id = ui.scope_id().with(salt);
    let mut f = Some((*value).into());
    let changed = ui
        .horizontal(|ui| w::number_input(ui, id, &mut f, labelled_by, theme::NUMBER_WIDTH * 0.8).1)
        .inner;
    if changed
        && let Some(v) = f
        && v.fract() == 0.0
        && let Ok(n) = T::try_from(v as i64)
    {
        *value = n;
        return true;
    }
    false
}

/// A whole-number input for an optional value (empty = not answered); a
/// fractional or out-of-range entry is ignored.
pub(super) fn opt_whole_input<T>(
    ui: &mut Ui,
    salt: &str,
    value: &mut Option<T>,
    labelled_by: Id,
) -> bool
where
    T: Copy + Into<f64> + TryFrom<i64>,
{
    let id = ui.scope_id().with(salt);
    let mut f = value.map(Into::into);
    let changed = ui
        .horizontal(|ui| w::number_input(ui, id, &mut f, labelled_by, theme::NUMBER_WIDTH * 0.8).1)
        .inner;
    if !changed {
        return false;
    }
    match f {
        None => {
            *value = None;
            true
        }
        Some(v) if v.fract() == 0.0 => match T::try_from(v as i64) {
            Ok(n) => {
                *value = Some(n);
                true
            }
            Err(_) => false,
        },
        Some(_) => false,
    }
}

/// A form row for free text `width` wide, with an optional placeholder
/// (issues in the fourth column, as in the shared form rows).
pub(super) fn text_row(
    ui: &mut Ui,
    env: &w::Env,
    label_tr: Tr,
    field: &str,
    value: &mut String,
    width: f32,
    hint: Option<Tr>,
) -> bool {
    let l = w::label(ui, env, env.t(label_tr), field);
    let r = w::text_input(
        ui,
        value,
        l.id,
        w::fit_width(ui, width),
        (hint.map(|h| env.t(h)), None),
    );
    ui.label("");
    w::issues(ui, env, field);
    ui.end_row();
    r.changed()
}
