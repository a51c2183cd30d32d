//! Form widgets: every input has a label (its accessible name), a unit, a
//! hover help quoting the criteria it feeds, and its validation issues
//! inline. Each returns `true` when the user changed the value.

mod badges;
pub mod cull;
pub mod focus;
mod numbers;
pub mod rule_text;
pub mod wrap;
pub mod years;

pub use badges::{confidence_badge, evidence_badge, outcome_badge, tier_badge, verdict_badge};
pub use numbers::parse_number;

use chrono::{Datelike, NaiveDate};
use eframe::egui::{self, Grid, Response, RichText, Ui};

use crate::gui::theme;
use crate::i18n::{Lang, Tr, common};
use crate::metrics::Unit;
use crate::model::fiscal::Access;
use crate::model::{Assessment, FiscalField, FiscalYear, Issue, Severity};
use crate::rules::{Pack, criteria_reading};

/// What every widget may read: language, packs in use, validation issues, as-of date.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    /// Interface language.
    pub lang: Lang,
    /// Packs in use (for help texts).
    pub packs: &'a [&'a Pack],
    /// Validation issues of the document.
    pub issues: &'a [Issue],
    /// Effective as-of date.
    pub as_of: NaiveDate,
    /// The field the issue list asked to bring into view, until a row takes it.
    pub focus: &'a focus::Request,
}

impl Env<'_> {
    /// A string in the interface language.
    #[must_use]
    pub fn t(&self, tr: Tr) -> &'static str {
        self.lang.t(tr)
    }

    /// Calendar year of offset `back` (1 = Y−1).
    #[must_use]
    pub fn year(&self, back: u8) -> i32 {
        self.as_of.year() - i32::from(back)
    }
}

/// Key of the interface language in egui's memory (for the few widgets
/// drawn without an [`Env`]).
fn lang_key() -> egui::Id {
    egui::Id::unique("innocheck-lang")
}

/// Records the interface language for this frame (the window calls it).
pub fn set_ui_lang(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(lang_key(), lang));
}

/// The interface language recorded by [`set_ui_lang`] (Chinese if none).
#[must_use]
pub fn ui_lang(ui: &Ui) -> Lang {
    ui.data(|d| d.get_temp::<Lang>(lang_key()))
        .unwrap_or_default()
}

/// A form: a grid with label, input, unit and issue columns.
pub fn form<R>(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    Grid::new(id)
        .num_columns(4)
        .spacing([10.0, 6.0])
        .min_col_width(40.0)
        .max_col_width(2.0 * theme::LABEL_WIDTH)
        .striped(false)
        .show(ui, add)
        .inner
}

/// A form whose labels wrap within what the inputs leave of the page (for
/// long declarations; never wider than [`form`]'s label column).
pub fn form_fit<R>(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    let label_width =
        (ui.available_width() - 300.0).clamp(theme::LABEL_WIDTH * 0.8, 2.0 * theme::LABEL_WIDTH);
    Grid::new(id)
        .num_columns(4)
        .spacing([10.0, 6.0])
        .min_col_width(40.0)
        .max_col_width(label_width)
        .striped(false)
        .show(ui, add)
        .inner
}

/// A section heading.
pub fn section(ui: &mut Ui, env: &Env, title: Tr) {
    ui.add_space(theme::SECTION_GAP);
    ui.heading(env.t(title));
    ui.add_space(4.0);
}

/// Hover help: the criteria of the packs in use that read `field`.
pub fn field_help(ui: &mut Ui, env: &Env, field: &str) {
    let readers = criteria_reading(env.packs, field);
    if readers.is_empty() {
        ui.label(RichText::new(env.t(common::FEEDS_NONE)).color(theme::MUTED));
        return;
    }
    ui.label(env.t(common::FEEDS));
    for c in readers.iter().take(12) {
        ui.horizontal_wrapped(|ui| {
            confidence_badge(ui, c.confidence);
            ui.label(RichText::new(&*c.id).monospace().small());
            ui.label(c.title.get(env.lang));
        });
        rule_text::rule_lines(ui, env.lang, &c.rule);
    }
    if readers.len() > 12 {
        ui.label(format!("… +{}", readers.len() - 12));
    }
}

/// The label of a form row, with hover help; its id names the input.
pub fn label(ui: &mut Ui, env: &Env, text: &str, field: &str) -> Response {
    let r = ui.add(egui::Label::new(text).wrap().sense(egui::Sense::hover()));
    focus::claim_row(ui, env, field, &r);
    let field = field.to_string();
    r.on_hover_ui(|ui| {
        ui.set_max_width(460.0);
        field_help(ui, env, &field);
    })
}

/// The validation issues of `field` (exact id or items inside it), in a cell.
pub fn issues(ui: &mut Ui, env: &Env, field: &str) {
    let found = issues_of(env, field);
    ui.vertical(|ui| {
        for i in found {
            issue_label(ui, env, i);
        }
    });
}

/// A form row's validation issues, in a row of their own under the input
/// (second column), where a long message has the input's width to wrap in.
/// Adds nothing when the field has no issue.
fn issue_row(ui: &mut Ui, env: &Env, field: &str) {
    let found = issues_of(env, field);
    if found.is_empty() {
        return;
    }
    ui.label("");
    ui.vertical(|ui| {
        for i in found {
            issue_label(ui, env, i);
        }
    });
    ui.end_row();
}

/// Issues on `field` itself or on items inside it.
fn issues_of<'a>(env: &'a Env, field: &str) -> Vec<&'a Issue> {
    let inside = format!("{field}.");
    env.issues
        .iter()
        .filter(|i| i.field == field || i.field.starts_with(&inside))
        .collect()
}

fn issue_label(ui: &mut Ui, env: &Env, i: &Issue) {
    let color = match i.severity {
        Severity::Error => theme::ERROR_TEXT,
        Severity::Warning => theme::WARNING_TEXT,
    };
    ui.add(
        egui::Label::new(
            RichText::new(env.lang.pick(&i.zh, &i.en))
                .color(color)
                .small(),
        )
        .wrap(),
    );
}

fn unit_label(ui: &mut Ui, env: &Env, unit: Unit) {
    ui.label(RichText::new(unit.label(env.lang)).color(theme::MUTED));
}

/// A numeric input for `Option<f64>` (empty = not answered).
pub fn number_input(
    ui: &mut Ui,
    id: egui::Id,
    value: &mut Option<f64>,
    labelled_by: egui::Id,
    width: f32,
) -> (Response, bool) {
    numbers::edit(ui, id, value, labelled_by, width)
}

/// A form row for an amount or ratio (`Option<f64>`).
pub fn money(
    ui: &mut Ui,
    env: &Env,
    label_tr: Tr,
    field: &str,
    value: &mut Option<f64>,
    unit: Unit,
) -> bool {
    let l = label(ui, env, env.t(label_tr), field);
    let id = ui.scope_id().with(field);
    let changed = ui
        .horizontal(|ui| numbers::edit(ui, id, value, l.id, theme::NUMBER_WIDTH).1)
        .inner;
    unit_label(ui, env, unit);
    ui.end_row();
    issue_row(ui, env, field);
    changed
}

/// A form row for a count (`Option<u32>`).
pub fn count(
    ui: &mut Ui,
    env: &Env,
    label_tr: Tr,
    field: &str,
    value: &mut Option<u32>,
    unit: Unit,
) -> bool {
    let l = label(ui, env, env.t(label_tr), field);
    let id = ui.scope_id().with(field);
    let changed = ui
        .horizontal(|ui| numbers::edit_count(ui, id, value, l.id))
        .inner;
    unit_label(ui, env, unit);
    ui.end_row();
    issue_row(ui, env, field);
    changed
}

/// A form row for declared points (`Option<u8>`, a whole number from 0 to
/// `max`; empty = not answered). Anything else stays in the field, is not
/// stored and is flagged beside it; the field's issues follow.
pub fn points(
    ui: &mut Ui,
    env: &Env,
    label_tr: Tr,
    field: &str,
    value: &mut Option<u8>,
    max: u8,
) -> bool {
    let l = label(ui, env, env.t(label_tr), field);
    let id = ui.scope_id().with(field);
    let changed = ui
        .horizontal(|ui| {
            let (changed, refused) =
                numbers::edit_whole_in(ui, id, value, l.id, 0..=max, theme::NUMBER_WIDTH * 0.6);
            if refused {
                ui.label(
                    RichText::new(env.t(common::BAD_POINTS).replace("{max}", &max.to_string()))
                        .color(theme::ERROR_TEXT)
                        .small(),
                );
            }
            changed
        })
        .inner;
    unit_label(ui, env, Unit::Points);
    ui.end_row();
    issue_row(ui, env, field);
    changed
}

/// A form row for a calendar year (`Option<i32>`).
pub fn year(ui: &mut Ui, env: &Env, label_tr: Tr, field: &str, value: &mut Option<i32>) -> bool {
    let l = label(ui, env, env.t(label_tr), field);
    let mut as_u32 = value.and_then(|y| u32::try_from(y).ok());
    let id = ui.scope_id().with(field);
    let changed = ui
        .horizontal(|ui| numbers::edit_count(ui, id, &mut as_u32, l.id))
        .inner;
    if changed {
        *value = as_u32.and_then(|y| i32::try_from(y).ok());
    }
    suffix(ui, env, common::YEAR_SUFFIX);
    ui.end_row();
    issue_row(ui, env, field);
    changed
}

/// The muted word after a calendar year or a month ("2009 年", "4 月"); a
/// calendar year is not a duration, so English shows nothing ("2009", never
/// "2009 years").
pub fn suffix(ui: &mut Ui, env: &Env, tr: Tr) {
    let s = env.t(tr);
    if s.is_empty() {
        ui.label("");
    } else {
        ui.label(RichText::new(s).color(theme::MUTED));
    }
}

/// A month input (`Option<u8>`, 1–12; empty = not answered) named by
/// `labelled_by`, with its unit; anything else stays in the field, is not
/// stored and is flagged beside it.
pub fn month_input(
    ui: &mut Ui,
    env: &Env,
    id: egui::Id,
    value: &mut Option<u8>,
    labelled_by: egui::Id,
) -> bool {
    ui.horizontal(|ui| {
        let (changed, refused) = numbers::edit_whole_in(
            ui,
            id,
            value,
            labelled_by,
            1..=12,
            theme::NUMBER_WIDTH * 0.6,
        );
        if !env.t(common::MONTH_SUFFIX).is_empty() {
            ui.label(RichText::new(env.t(common::MONTH_SUFFIX)).color(theme::MUTED));
        }
        if refused {
            ui.label(
                RichText::new(env.t(common::BAD_MONTH))
                    .color(theme::ERROR_TEXT)
                    .small(),
            );
        }
        changed
    })
    .inner
}

/// A width up to `max` that ends before the visible right edge of the page
/// (a form's columns would otherwise push it out of view, where a wide
/// label column in English leaves less room).
#[must_use]
pub fn fit_width(ui: &Ui, max: f32) -> f32 {
    (ui.clip_rect().right() - ui.cursor().left() - theme::SECTION_GAP).clamp(160.0, max)
}

/// A wrapped paragraph that ends before the visible right edge of the page,
/// even where a form above is wider than the page.
pub fn paragraph(ui: &mut Ui, text: RichText) -> Response {
    let width = (ui.clip_rect().right() - ui.cursor().left() - theme::SECTION_GAP).max(160.0);
    ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
        ui.set_max_width(width);
        ui.add(egui::Label::new(text).wrap())
    })
    .inner
}

/// A text input for names and titles, `width` wide, named by `labelled_by`
/// (with a placeholder and an explicit id, if given):
/// a long name wraps onto more lines instead of being cut off, Enter adds no
/// line break (pasted ones are dropped), and the full text shows on hover.
pub fn text_input(
    ui: &mut Ui,
    value: &mut String,
    labelled_by: egui::Id,
    width: f32,
    (hint, id): (Option<&str>, Option<egui::Id>),
) -> Response {
    let mut edit = egui::TextEdit::multiline(value)
        .desired_rows(1)
        .return_key(None)
        .desired_width(width)
        .min_size(egui::vec2(width, 0.0));
    if let Some(h) = hint {
        edit = edit.hint_text(h);
    }
    if let Some(id) = id {
        edit = edit.id(id);
    }
    let mut r = ui.add(edit).labelled_by(labelled_by);
    if r.changed() && value.contains(['\n', '\r']) {
        *value = value.replace(['\r', '\n'], "");
    }
    focus::input_drawn(ui, &r);
    if !value.is_empty() && !r.has_focus() {
        r = r.on_hover_text(value.as_str());
    }
    r
}

/// A form row for free text.
pub fn text(ui: &mut Ui, env: &Env, label_tr: Tr, field: &str, value: &mut String) -> bool {
    let l = label(ui, env, env.t(label_tr), field);
    let width = fit_width(ui, 320.0);
    let r = text_input(ui, value, l.id, width, (None, None));
    ui.label("");
    ui.end_row();
    issue_row(ui, env, field);
    r.changed()
}

/// A yes / no / not-answered choice for `Option<bool>`.
pub fn tri_input(ui: &mut Ui, env: &Env, id: egui::Id, value: &mut Option<bool>) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        for (v, tr) in [
            (Some(true), common::YES),
            (Some(false), common::NO),
            (None, common::UNANSWERED),
        ] {
            let r = ui
                .push_id(id.with(tr.en), |ui| ui.radio_value(value, v, env.t(tr)))
                .inner;
            focus::input_drawn(ui, &r);
            if r.changed() {
                changed = true;
            }
        }
    });
    changed
}

/// A form row for a yes/no question (`Option<bool>`; empty = not answered).
pub fn tri(ui: &mut Ui, env: &Env, label_tr: Tr, field: &str, value: &mut Option<bool>) -> bool {
    label(ui, env, env.t(label_tr), field);
    let changed = tri_input(ui, env, ui.scope_id().with(field), value);
    ui.label("");
    ui.end_row();
    issue_row(ui, env, field);
    changed
}

/// A form row choosing one of `options` (`Option<T>`; empty = not answered).
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    env: &Env,
    label_tr: Tr,
    field: &str,
    value: &mut Option<T>,
    options: &[(T, &str)],
) -> bool {
    let l = label(ui, env, env.t(label_tr), field);
    let selected = value
        .and_then(|v| options.iter().find(|(o, _)| *o == v))
        .map_or(env.t(common::UNANSWERED), |(_, s)| *s);
    let mut changed = false;
    let r = egui::ComboBox::from_id_salt(ui.scope_id().with(field))
        .selected_text(selected)
        .width(200.0)
        .show_ui(ui, |ui| {
            changed |= ui
                .selectable_value(value, None, env.t(common::UNANSWERED))
                .changed();
            for (o, s) in options {
                changed |= ui.selectable_value(value, Some(*o), *s).changed();
            }
        });
    let r = r.response.labelled_by(l.id);
    focus::input_drawn(ui, &r);
    ui.label("");
    ui.end_row();
    issue_row(ui, env, field);
    changed
}

/// A date input: text `YYYY-MM-DD`, checked as typed.
pub fn date_input(
    ui: &mut Ui,
    env: &Env,
    id: egui::Id,
    value: &mut Option<NaiveDate>,
    labelled_by: egui::Id,
) -> bool {
    let buf_id = id.with("buf");
    let mut buf: String = ui
        .data_mut(|d| d.get_temp::<String>(buf_id))
        .unwrap_or_else(|| value.map(|d| d.to_string()).unwrap_or_default());
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut buf)
                .desired_width(theme::NUMBER_WIDTH)
                .hint_text("YYYY-MM-DD"),
        )
        .labelled_by(labelled_by);
    focus::input_drawn(ui, &r);
    let mut changed = false;
    if r.changed() {
        let t = buf.trim();
        if t.is_empty() {
            changed = value.is_some();
            *value = None;
        } else if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            changed = *value != Some(d);
            *value = Some(d);
        }
    }
    let bad = !buf.trim().is_empty() && NaiveDate::parse_from_str(buf.trim(), "%Y-%m-%d").is_err();
    if r.has_focus() || bad {
        ui.data_mut(|d| d.insert_temp(buf_id, buf));
    } else {
        ui.data_mut(|d| d.remove::<String>(buf_id));
    }
    if bad {
        ui.label(
            RichText::new(env.t(common::BAD_DATE))
                .color(theme::ERROR_TEXT)
                .small(),
        );
    }
    changed
}

/// A form row for a date (`Option<NaiveDate>`).
pub fn date(
    ui: &mut Ui,
    env: &Env,
    label_tr: Tr,
    field: &str,
    value: &mut Option<NaiveDate>,
) -> bool {
    let l = label(ui, env, env.t(label_tr), field);
    let changed = ui
        .horizontal(|ui| date_input(ui, env, ui.scope_id().with(field), value, l.id))
        .inner;
    ui.label("");
    ui.end_row();
    issue_row(ui, env, field);
    changed
}

/// The fiscal year `year`, created if the document has none yet (only call on change).
pub fn year_mut(doc: &mut Assessment, year: i32) -> &mut FiscalYear {
    if let Some(i) = doc.years.iter().position(|y| y.year == year) {
        return &mut doc.years[i];
    }
    doc.years.push(FiscalYear {
        year,
        ..FiscalYear::default()
    });
    doc.years.sort_by_key(|y| std::cmp::Reverse(y.year));
    let i = doc.years.iter().position(|y| y.year == year).unwrap_or(0);
    &mut doc.years[i]
}

/// A header row for a yearly table: the three fiscal years before the as-of date.
pub fn year_header(ui: &mut Ui, env: &Env) {
    ui.label(RichText::new(env.t(common::YEAR)).strong());
    for back in 1..=3 {
        ui.label(RichText::new(format!("{} (Y−{back})", env.year(back))).strong());
    }
    ui.label("");
    ui.end_row();
}

/// A yearly table: `yearly(ui, "id", |ui| { year_header(..); yearly_money(..); … })`.
pub fn yearly<R>(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    Grid::new(id)
        .num_columns(5)
        .spacing([10.0, 6.0])
        .show(ui, add)
        .inner
}

/// A row of a yearly table: one per-year input of the catalogue
/// ([`crate::model::FISCAL_FIELDS`]), a cell per fiscal year, its unit last.
pub fn yearly_input(
    ui: &mut Ui,
    env: &Env,
    doc: &mut Assessment,
    field: &'static FiscalField,
) -> bool {
    let l = label(
        ui,
        env,
        env.t(field.label),
        &crate::model::FieldRef::EveryYear(field).id(),
    );
    let mut changed = false;
    for back in 1..=3u8 {
        let y = env.year(back);
        let id = field.id(y);
        focus::claim_next(ui, env, &id);
        let fy = doc.years.iter().find(|fy| fy.year == y);
        let (mut money, mut people) = match field.access {
            Access::Money { get, .. } => (fy.and_then(get), None),
            Access::People { get, .. } => (None, fy.and_then(get)),
        };
        ui.vertical(|ui| {
            match field.access {
                Access::Money { get_mut, .. } => {
                    let v = &mut money;
                    let (_, ch) =
                        numbers::edit(ui, ui.scope_id().with(&id), v, l.id, theme::NUMBER_WIDTH);
                    if ch {
                        *get_mut(year_mut(doc, y)) = *v;
                        changed = true;
                    }
                }
                Access::People { get_mut, .. } => {
                    let v = &mut people;
                    if numbers::edit_count(ui, ui.scope_id().with(&id), v, l.id) {
                        *get_mut(year_mut(doc, y)) = *v;
                        changed = true;
                    }
                }
            }
            issues(ui, env, &id);
        });
    }
    unit_label(ui, env, field.unit());
    ui.end_row();
    changed
}
