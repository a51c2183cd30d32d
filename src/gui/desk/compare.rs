//! Assessments side by side in the window: the ticked files of the folder
//! table (several years of one company, or several companies), or the open
//! document under two versions of the rules. The comparison is the core's
//! ([`crate::report::compare`]), as `innocheck compare` prints it; the
//! window adds the overlaid five-haves and R&D charts.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eframe::egui::{self, RichText, Ui};

use super::charts;
use crate::eval::{Evaluation, Outcome, evaluate};
use crate::gui::theme;
use crate::i18n::{Lang, pages::desk as s};
use crate::model::Assessment;
use crate::report::compare::{self, Comparison, Input};
use crate::rules::{Registry, Text};
use crate::storage;

/// One column: its label, answers, evaluation and the packs used.
struct Column {
    label: String,
    assessment: Assessment,
    evaluation: Evaluation,
}

/// The comparison shown.
pub struct Compared {
    columns: Vec<Column>,
    /// Files that could not be read, with why.
    errors: Vec<(PathBuf, Text)>,
    registry: Registry,
    built: Option<Comparison>,
    /// Show only the rows that changed.
    pub only_changed: bool,
}

/// A column label: the file name, or the path when it has none.
fn label(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl Compared {
    /// Reads and evaluates `files` (each against the packs in force on its date).
    #[must_use]
    pub fn load(files: &[PathBuf], registry: &Registry, today: NaiveDate) -> Compared {
        let mut columns = Vec::new();
        let mut errors = Vec::new();
        for f in files {
            match storage::load(f) {
                Ok(l) => {
                    let a = l.assessment;
                    let as_of = a.as_of_or(today);
                    let evaluation = evaluate(&a, &registry.in_force(as_of), as_of);
                    columns.push(Column {
                        label: label(f),
                        assessment: a,
                        evaluation,
                    });
                }
                Err(e) => errors.push((
                    f.clone(),
                    Text::new(e.message(Lang::Zh), e.message(Lang::En)),
                )),
            }
        }
        Compared {
            columns,
            errors,
            registry: registry.clone(),
            built: None,
            only_changed: true,
        }
    }

    /// One document evaluated under each of `packs` (one column per pack).
    #[must_use]
    pub fn packs(
        a: &Assessment,
        name: &str,
        packs: &[String],
        registry: &Registry,
        as_of: NaiveDate,
    ) -> Compared {
        let columns = packs
            .iter()
            .filter_map(|id| registry.get(id).map(|p| (id, p)))
            .map(|(id, p)| Column {
                label: format!("{name} · {id}"),
                assessment: a.clone(),
                evaluation: evaluate(a, &[p], as_of),
            })
            .collect();
        Compared {
            columns,
            errors: Vec::new(),
            registry: registry.clone(),
            built: None,
            only_changed: true,
        }
    }

    /// Puts the comparison in `lang` (built again only when it changes).
    pub fn set_lang(&mut self, lang: Lang) {
        if self.built.as_ref().is_some_and(|c| c.lang == lang) {
            return;
        }
        let packs: Vec<Vec<&crate::rules::Pack>> = self
            .columns
            .iter()
            .map(|c| {
                c.evaluation
                    .packs
                    .iter()
                    .filter_map(|p| self.registry.get(&p.id))
                    .collect()
            })
            .collect();
        let inputs: Vec<Input<'_>> = self
            .columns
            .iter()
            .zip(&packs)
            .map(|(c, packs)| Input {
                label: &c.label,
                assessment: &c.assessment,
                evaluation: &c.evaluation,
                packs,
            })
            .collect();
        self.built = Some(compare::compare(&inputs, lang));
    }

    /// The comparison, once [`Compared::set_lang`] has built it.
    #[must_use]
    pub fn comparison(&self) -> Option<&Comparison> {
        self.built.as_ref()
    }
}

fn outcome_color(o: Outcome) -> egui::Color32 {
    theme::outcome(o)
}

/// Draws the comparison; `true` when the user asks to go back to the table.
pub fn ui(ui: &mut Ui, c: &mut Compared, lang: Lang) -> bool {
    c.set_lang(lang);
    let mut back = false;
    ui.horizontal(|ui| {
        if ui.button(lang.t(s::BACK)).clicked() {
            back = true;
        }
        ui.heading(lang.t(s::COMPARE_TITLE));
    });
    for (p, why) in &c.errors {
        ui.label(
            RichText::new(format!(
                "{} {} — {}",
                lang.t(s::COMPARE_FAILED),
                p.display(),
                why.get(lang)
            ))
            .color(theme::ERROR_TEXT),
        );
    }
    let only_changed = &mut c.only_changed;
    let Some(cmp) = c.built.as_ref() else {
        return back;
    };
    egui::ScrollArea::vertical()
        .id_salt("compare-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            headings(ui, cmp);
            ui.add_space(theme::SECTION_GAP);
            let wide = ui.available_width() > 900.0;
            let half = if wide {
                (ui.available_width() - 16.0) / 2.0
            } else {
                ui.available_width()
            };
            let draw = |ui: &mut Ui| {
                ui.vertical(|ui| {
                    ui.set_width(half);
                    ui.label(RichText::new(lang.t(s::HAVES_CHART)).strong());
                    charts::haves_overlay(ui, lang, &cmp.columns, "cmp-haves");
                });
                ui.vertical(|ui| {
                    ui.set_width(half);
                    ui.label(RichText::new(lang.t(s::RD_CHART)).strong());
                    charts::rd_overlay(ui, &cmp.columns, "cmp-rd");
                });
            };
            if wide {
                ui.horizontal_top(draw);
            } else {
                draw(ui);
            }
            charts::legend(ui, &cmp.columns);
            ui.add_space(theme::SECTION_GAP);
            ui.horizontal(|ui| {
                ui.checkbox(only_changed, lang.t(s::ONLY_CHANGED));
                ui.label(
                    RichText::new(lang.t(s::CHANGED).replace("{n}", &cmp.changed.to_string()))
                        .color(theme::MUTED),
                );
            });
            criteria(ui, cmp, lang, *only_changed);
        });
    back
}

fn headings(ui: &mut Ui, cmp: &Comparison) {
    egui::Grid::new("cmp-heads").striped(false).show(ui, |ui| {
        for (k, col) in cmp.columns.iter().enumerate() {
            let color = theme::COMPARE_SERIES[k % theme::COMPARE_SERIES.len()];
            ui.label(RichText::new("■").color(color));
            ui.label(RichText::new(&col.company).strong());
            ui.label(col.as_of.to_string());
            // The packs used, on hover: a long list would widen the page.
            ui.label(RichText::new(&col.label).color(theme::MUTED))
                .on_hover_text(col.pack_titles.join("\n"));
            ui.end_row();
        }
    });
}

fn criteria(ui: &mut Ui, cmp: &Comparison, lang: Lang, only_changed: bool) {
    let n = cmp.columns.len();
    let col_w = ((ui.available_width() - 260.0) / n.max(1) as f32).clamp(140.0, 320.0);
    for tier in &cmp.tiers {
        let rows: Vec<_> = tier
            .criteria
            .iter()
            .filter(|r| !only_changed || r.changed || r.rule_changed)
            .collect();
        if only_changed && rows.is_empty() && !tier.changed {
            continue;
        }
        ui.add_space(6.0);
        egui::Frame::group(ui.style())
            .fill(theme::CARD_FILL)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!("{} · {}", tier.programme_title, tier.title)).strong(),
                );
                egui::Grid::new(("cmp-tier", &tier.key, tier.programme as u8))
                    .striped(true)
                    .min_col_width(col_w)
                    .show(ui, |ui| {
                        ui.label("");
                        for (k, col) in cmp.columns.iter().enumerate() {
                            let color = theme::COMPARE_SERIES[k % theme::COMPARE_SERIES.len()];
                            ui.label(RichText::new(format!("■ {}", col.company)).color(color));
                        }
                        ui.end_row();
                        ui.label("");
                        for cell in &tier.cells {
                            match cell {
                                Some(t) => {
                                    let text = match t.score {
                                        Some(sc) => format!("{} · {sc:.1}", t.status),
                                        None => t.status.clone(),
                                    };
                                    ui.label(RichText::new(text).strong())
                                }
                                None => ui.label(lang.t(s::ABSENT)),
                            };
                        }
                        ui.end_row();
                        for r in rows {
                            let title = match (r.rule_changed, lang) {
                                (false, _) => r.title.clone(),
                                (true, Lang::Zh) => {
                                    format!("{}（{}）", r.title, lang.t(s::RULE_CHANGED))
                                }
                                (true, Lang::En) => {
                                    format!("{} ({})", r.title, lang.t(s::RULE_CHANGED))
                                }
                            };
                            let t = RichText::new(title);
                            ui.add(egui::Label::new(if r.changed { t.strong() } else { t }).wrap())
                                .on_hover_text(
                                    r.rules
                                        .iter()
                                        .flatten()
                                        .cloned()
                                        .collect::<Vec<_>>()
                                        .join("\n"),
                                );
                            for cell in &r.cells {
                                match cell {
                                    Some(c) => {
                                        let text = if c.value.is_empty() {
                                            c.outcome_words.clone()
                                        } else {
                                            format!(
                                                "{}{}{}",
                                                c.outcome_words,
                                                lang.pick("：", ": "),
                                                c.value
                                            )
                                        };
                                        ui.add(
                                            egui::Label::new(
                                                RichText::new(text).color(outcome_color(c.outcome)),
                                            )
                                            .wrap(),
                                        );
                                    }
                                    None => {
                                        ui.label(lang.t(s::ABSENT));
                                    }
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    }
}
