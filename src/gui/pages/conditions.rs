//! 研发条件: equipment, space and certified labs; the company's R&D
//! institutions; its university and institute partners.

use eframe::egui::{Align, ComboBox, Frame, Grid, Id, Layout, RichText, Ui};

use super::PageCtx;
use super::finance::form_grid;
use crate::gui::widgets::Env;
use crate::gui::{theme, widgets as w};
use crate::i18n::pages::conditions as s;
use crate::i18n::{Tr, common};
use crate::metrics::Unit;
use crate::model::{Institution, InstitutionKind, InstitutionLevel, ProvincialTrack};

/// Institution kinds in the order offered, with their names.
const KINDS: [(InstitutionKind, Tr); 6] = [
    (InstitutionKind::TechCenter, s::KIND_TECH_CENTER),
    (
        InstitutionKind::EngineeringCenter,
        s::KIND_ENGINEERING_CENTER,
    ),
    (InstitutionKind::KeyLab, s::KIND_KEY_LAB),
    (
        InstitutionKind::AcademicianStation,
        s::KIND_ACADEMICIAN_STATION,
    ),
    (InstitutionKind::PostdocStation, s::KIND_POSTDOC_STATION),
    (InstitutionKind::Other, s::KIND_OTHER),
];

/// Institution levels from none to national, with their names.
const LEVELS: [(InstitutionLevel, Tr); 5] = [
    (InstitutionLevel::None, s::LEVEL_NONE),
    (InstitutionLevel::Enterprise, s::LEVEL_ENTERPRISE),
    (InstitutionLevel::Municipal, s::LEVEL_MUNICIPAL),
    (InstitutionLevel::Provincial, s::LEVEL_PROVINCIAL),
    (InstitutionLevel::National, s::LEVEL_NATIONAL),
];

/// Width of the kind chooser.
const KIND_WIDTH: f32 = 180.0;
/// Width of the level chooser.
const LEVEL_WIDTH: f32 = 120.0;
/// Width of a year input.
const YEAR_WIDTH: f32 = theme::NUMBER_WIDTH * 0.6;
/// Widest name or partner field.
const NAME_WIDTH: f32 = 320.0;
/// Room kept beside an institution's inputs for their labels.
const INST_LABEL_ROOM: f32 = 140.0;
/// Room kept beside a partner's field for its label and remove button.
const PARTNER_ROOM: f32 = 170.0;

/// Id of the name field of institution `i`.
fn institution_name_id(i: usize) -> Id {
    Id::unique(("conditions-institution-name", i))
}

/// Id of the field of partner `i`.
fn partner_id(i: usize) -> Id {
    Id::unique(("conditions-partner", i))
}

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    // The track a provincial center without one is taken to be on.
    let inferred = ctx.doc.provincial_track(&Institution::default());
    let c = &mut ctx.doc.conditions;
    ui.heading(env.t(s::TITLE));
    w::paragraph(ui, RichText::new(env.t(s::INTRO)).color(theme::MUTED));
    let mut changed = false;

    w::section(ui, &env, s::FACILITIES);
    form_grid(ui, "conditions-facilities", theme::LABEL_WIDTH, |ui| {
        changed |= w::money(
            ui,
            &env,
            s::EQUIPMENT,
            "conditions.equipment_value",
            &mut c.equipment_value,
            Unit::Wan,
        );
        changed |= w::money(
            ui,
            &env,
            s::RD_SPACE,
            "conditions.rd_space_m2",
            &mut c.rd_space_m2,
            Unit::Sqm,
        );
        changed |= w::count(
            ui,
            &env,
            s::CERTIFIED_LABS,
            "conditions.certified_labs",
            &mut c.certified_labs,
            Unit::Item,
        );
    });
    w::paragraph(
        ui,
        RichText::new(env.t(s::CERTIFIED_LABS_HELP))
            .small()
            .color(theme::MUTED),
    );

    w::section(ui, &env, s::INSTITUTIONS);
    w::paragraph(
        ui,
        RichText::new(env.t(s::INSTITUTIONS_HELP)).color(theme::MUTED),
    );
    ui.add_space(4.0);
    changed |= institutions(ui, &env, &mut c.institutions, inferred);

    w::section(ui, &env, s::PARTNERS);
    w::paragraph(
        ui,
        RichText::new(env.t(s::PARTNERS_HELP)).color(theme::MUTED),
    );
    ui.add_space(4.0);
    changed |= partners(ui, &env, &mut c.partners);

    ctx.changed |= changed;
}

/// The list editor of R&D institutions: one framed form each, an add button below.
fn institutions(
    ui: &mut Ui,
    env: &Env,
    list: &mut Vec<Institution>,
    inferred: Option<ProvincialTrack>,
) -> bool {
    let mut changed = false;
    let mut remove = None;
    if list.is_empty() {
        w::paragraph(
            ui,
            RichText::new(env.t(s::NO_INSTITUTIONS)).color(theme::MUTED),
        );
    }
    for (i, inst) in list.iter_mut().enumerate() {
        ui.push_id(("institution", i), |ui| {
            Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!("{} {}", env.t(s::INSTITUTION), i + 1)).strong(),
                    );
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        if ui
                            .button(env.t(common::REMOVE))
                            .on_hover_text(env.t(s::REMOVE_INSTITUTION))
                            .clicked()
                        {
                            remove = Some(i);
                        }
                    });
                });
                let base = format!("conditions.institutions.{i}");
                let max_width =
                    (ui.available_width() - INST_LABEL_ROOM).clamp(KIND_WIDTH, NAME_WIDTH);
                Grid::new("institution-form")
                    .num_columns(2)
                    .spacing([10.0, 6.0])
                    .min_col_width(0.0)
                    .max_col_width(max_width)
                    .show(ui, |ui| {
                        let field = format!("{base}.name");
                        let l = w::label(ui, env, env.t(s::INST_NAME), &field);
                        changed |= ui
                            .push_id(i, |ui| {
                                let id = Some(institution_name_id(i));
                                w::text_input(ui, &mut inst.name, l.id, max_width, (None, id))
                            })
                            .inner
                            .changed();
                        ui.end_row();
                        changed |= combo_row(
                            ui,
                            env,
                            (s::INST_KIND, &format!("{base}.kind")),
                            &mut inst.kind,
                            &KINDS,
                            KIND_WIDTH,
                        );
                        changed |= combo_row(
                            ui,
                            env,
                            (s::INST_LEVEL, &format!("{base}.level")),
                            &mut inst.level,
                            &LEVELS,
                            LEVEL_WIDTH,
                        );
                        let field = format!("{base}.year");
                        let l = w::label(ui, env, env.t(s::INST_YEAR), &field);
                        changed |= ui
                            .horizontal(|ui| {
                                let c = year_input(
                                    ui,
                                    ui.scope_id().with("year"),
                                    &mut inst.year,
                                    l.id,
                                );
                                w::suffix(ui, env, common::YEAR_SUFFIX);
                                c
                            })
                            .inner;
                        ui.end_row();
                        let field = format!("{base}.month");
                        let l = w::label(ui, env, env.t(s::INST_MONTH), &field);
                        changed |= w::month_input(
                            ui,
                            env,
                            ui.scope_id().with("month"),
                            &mut inst.month,
                            l.id,
                        );
                        ui.end_row();
                        if is_provincial_center(inst) || inst.track.is_some() {
                            changed |= track_row(ui, env, &base, &mut inst.track, inferred);
                        }
                    });
                w::issues(ui, env, &base);
            });
        });
        ui.add_space(4.0);
    }
    if let Some(i) = remove {
        list.remove(i);
        changed = true;
    }
    if ui.button(env.t(s::ADD_INSTITUTION)).clicked() {
        list.push(Institution::default());
        let id = institution_name_id(list.len() - 1);
        ui.memory_mut(|m| m.request_focus(id));
        changed = true;
    }
    changed
}

/// The list editor of partner names: a numbered row each, an add button below.
fn partners(ui: &mut Ui, env: &Env, list: &mut Vec<String>) -> bool {
    let mut changed = false;
    let mut remove = None;
    if list.is_empty() {
        w::paragraph(ui, RichText::new(env.t(s::NO_PARTNERS)).color(theme::MUTED));
    } else {
        let width = (ui.available_width() - PARTNER_ROOM).clamp(KIND_WIDTH, NAME_WIDTH);
        form_grid(ui, "conditions-partners", width, |ui| {
            for (i, name) in list.iter_mut().enumerate() {
                let field = format!("conditions.partners.{i}");
                let text = format!("{} {}", env.t(s::PARTNER), i + 1);
                let l = w::label(ui, env, &text, &field);
                changed |= ui
                    .push_id(i, |ui| {
                        w::text_input(ui, name, l.id, width, (None, Some(partner_id(i))))
                    })
                    .inner
                    .changed();
                if ui
                    .button(env.t(common::REMOVE))
                    .on_hover_text(env.t(s::REMOVE_PARTNER))
                    .clicked()
                {
                    remove = Some(i);
                }
                w::issues(ui, env, &field);
                ui.end_row();
            }
        });
    }
    if let Some(i) = remove {
        list.remove(i);
        changed = true;
    }
    if ui.button(env.t(s::ADD_PARTNER)).clicked() {
        list.push(String::new());
        let id = partner_id(list.len() - 1);
        ui.memory_mut(|m| m.request_focus(id));
        changed = true;
    }
    changed
}

/// Whether `inst` is a provincial 企业技术中心, the one kind of institution
/// recognised on a track (省发改委 or 省工信厅).
fn is_provincial_center(inst: &Institution) -> bool {
    inst.kind == InstitutionKind::TechCenter && inst.level == InstitutionLevel::Provincial
}

/// The track of a provincial tech center: 未填写 / 省发改委 / 省工信厅. When it
/// is not entered, says which track the company's industry implies.
fn track_row(
    ui: &mut Ui,
    env: &Env,
    base: &str,
    value: &mut Option<ProvincialTrack>,
    inferred: Option<ProvincialTrack>,
) -> bool {
    let field = format!("{base}.track");
    let l = w::label(ui, env, env.t(s::INST_TRACK), &field);
    let name = |t: ProvincialTrack| env.lang.pick(t.zh(), t.en());
    let selected = value.map_or(env.t(common::UNANSWERED), name);
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let r = ComboBox::from_id_salt(ui.scope_id().with(&field))
            .selected_text(selected)
            .width(KIND_WIDTH)
            .show_ui(ui, |ui| {
                changed |= ui
                    .selectable_value(value, None, env.t(common::UNANSWERED))
                    .changed();
                for t in ProvincialTrack::ALL {
                    changed |= ui.selectable_value(value, Some(t), name(t)).changed();
                }
            });
        let _ = r.response.labelled_by(l.id);
        if value.is_none()
            && let Some(t) = inferred
        {
            ui.label(
                RichText::new(env.t(s::TRACK_INFERRED).replace("{track}", name(t)))
                    .small()
                    .color(theme::MUTED),
            );
        }
    });
    ui.end_row();
    changed
}

/// A row of a two-column grid choosing one of `options` (a value is always
/// chosen); `label` is the label and the field id it describes.
fn combo_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    env: &Env,
    label: (Tr, &str),
    value: &mut T,
    options: &[(T, Tr)],
    width: f32,
) -> bool {
    let (text, field) = label;
    let l = w::label(ui, env, env.t(text), field);
    let selected = options
        .iter()
        .find(|(o, _)| o == value)
        .map_or("", |(_, tr)| env.t(*tr));
    let mut changed = false;
    let r = ComboBox::from_id_salt(ui.scope_id().with(field))
        .selected_text(selected)
        .width(width)
        .show_ui(ui, |ui| {
            for (o, tr) in options {
                changed |= ui.selectable_value(value, *o, env.t(*tr)).changed();
            }
        });
    let _ = r.response.labelled_by(l.id);
    ui.end_row();
    changed
}

/// A year input (`Option<i32>`; empty = not answered). Input that is not a
/// whole year between 1 and 9999 is refused.
fn year_input(ui: &mut Ui, id: Id, value: &mut Option<i32>, labelled_by: Id) -> bool {
    let mut as_f64 = value.map(f64::from);
    let (_, changed) = w::number_input(ui, id, &mut as_f64, labelled_by, YEAR_WIDTH);
    if !changed {
        return false;
    }
    match as_f64 {
        None => *value = None,
        Some(y) if y.fract() == 0.0 && (1.0..=9999.0).contains(&y) => *value = Some(y as i32),
        Some(_) => return false,
    }
    true
}
