//! The results page: the evaluation settings (as-of date, rule packs, rule
//! folder), one card per programme with its tier ladder and every criterion,
//! what to do next, the five-haves radar and the R&D-intensity trend; and the
//! compact live summary shown beside the wizard.
//!
//! Every value, threshold and gap is worded by [`crate::report::format`], so
//! the window says exactly what the command line says.

use std::fmt::Write as _;

use eframe::egui::{
    self, Align, Frame, Grid, Label, Layout, Margin, RichText, Sense, Stroke, Ui, WidgetInfo,
    accesskit,
    collapsing_header::{CollapsingState, paint_default_icon},
    text::{LayoutJob, TextFormat},
};

use super::{Page, PageCtx};
use crate::eval::{
    Blocker, Check, CriterionResult, Evaluation, Outcome, ProgrammeProgress, TierResult, Verdict,
};
use crate::gui::action::Action;
use crate::gui::{charts, theme, widgets as w};
use crate::i18n::fields::field_names;
use crate::i18n::{Lang, Tr, common, pages::results as s};
use crate::metrics::{Metric, Metrics};
use crate::report::data::{self, ScoreLever};
use crate::report::format as f;
use crate::report::proof::{self, TierProof};
use crate::rules::{Op, Pack, Programme, Rule, Test, Text};

/// Width of the status column of the criteria table.
const STATUS_W: f32 = 64.0;
/// Width of the points column (room for a range: “10–15 / 20”).
const POINTS_W: f32 = 72.0;
/// Width of the confidence column (its heading, 可信度, on one line).
const CONF_W: f32 = 44.0;
/// Score items named under a criterion in the next steps before "等 N 项".
const LEVERS_NAMED: usize = 6;
/// Horizontal spacing of the criteria table.
const COL_GAP: f32 = 10.0;

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let lang = ctx.env.lang;
    ui.heading(lang.t(s::TITLE));
    ui.label(RichText::new(lang.t(s::INTRO)).color(theme::MUTED));
    ui.add_space(theme::SECTION_GAP);
    let reviewing = ctx.reviewing;
    ui.add_enabled_ui(!reviewing, |ui| settings(ui, ctx));
    ui.add_space(theme::SECTION_GAP);
    let Some(ev) = ctx.evaluation else {
        ui.label(RichText::new(lang.t(s::NO_EVALUATION)).color(theme::MUTED));
        return;
    };
    if ev.tiers.is_empty() {
        ui.label(RichText::new(lang.t(s::NO_TIERS)).color(theme::MISSING));
        return;
    }
    if ctx.review.is_some() || reviewing {
        super::review_notes::card(ui, ctx, ev);
        ui.add_space(theme::SECTION_GAP);
    }
    let proof =
        crate::report::proof::tiers(ev, &ctx.doc.attachments, ctx.attachment_statuses, lang);
    for prog in programmes(ev) {
        programme_card(ui, lang, ev, prog, &proof);
        ui.add_space(theme::SECTION_GAP);
    }
    next_steps(ui, lang, ev, &proof);
    ui.add_space(theme::SECTION_GAP);
    super::evidence::section(ui, ctx, ev);
    ui.add_space(theme::SECTION_GAP);
    charts_section(ui, ctx, ev);
    ui.add_space(theme::SECTION_GAP);
    ui.label(RichText::new(lang.t(s::CONFIDENCE_LEGEND)).color(theme::MUTED));
}

/// The compact live summary shown beside the wizard: per programme the
/// ladder, the tier reached, how many things block the next tier and the
/// three most important gaps; then the five-haves readiness as small bars.
pub fn summary_ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let lang = ctx.env.lang;
    ui.add_space(6.0);
    ui.label(RichText::new(lang.t(common::LIVE_SUMMARY)).strong());
    let Some(ev) = ctx.evaluation else {
        ui.label(RichText::new(lang.t(s::NO_EVALUATION)).color(theme::MUTED));
        return;
    };
    if ev.tiers.is_empty() {
        ui.label(RichText::new(lang.t(s::NO_TIERS)).color(theme::MISSING));
        return;
    }
    for prog in programmes(ev) {
        ui.separator();
        let progress = ev.progress.iter().find(|p| p.programme == prog);
        let tiers = tiers_of(ev, prog);
        ui.label(RichText::new(f::programme(prog, lang)).strong());
        ui.add_space(2.0);
        ladder(ui, lang, &tiers, progress, true);
        ui.add_space(2.0);
        ui.label(RichText::new(format!(
            "{}{}{}",
            lang.t(s::REACHED),
            colon(lang),
            reached_text(ev, progress, lang)
        )));
        let Some(p) = progress else { continue };
        if let Some(next) = p.next.first() {
            let head = format!(
                "{}{}{}{}",
                lang.t(s::NEXT_TIER),
                colon(lang),
                next.title.get(lang),
                f::paren(
                    &format!("{} {}", next.criteria_short(), lang.t(s::TO_RESOLVE)),
                    lang
                )
            );
            ui.add(Label::new(RichText::new(head)).wrap());
            for b in next.criteria().take(3) {
                let (text, color) = blocker_brief(b, lang);
                ui.horizontal_top(|ui| {
                    ui.label(RichText::new("•").color(color));
                    let font = egui::TextStyle::Body.resolve(ui.style());
                    let text = w::wrap::keep_units(ui, &text, &font, ui.available_width());
                    ui.add(Label::new(RichText::new(text).color(color)).wrap());
                });
            }
        } else if p.reached.is_some() {
            ui.label(RichText::new(lang.t(s::TOP_REACHED)).color(theme::GOOD));
        }
    }
    if let (Some(target), Some(haves)) = (
        ev.target.as_deref().and_then(|id| ev.tier(id)),
        ev.five_haves(None),
    ) {
        ui.separator();
        ui.label(RichText::new(lang.t(s::FIVE_HAVES)).strong());
        ui.label(
            RichText::new(format!(
                "{}{}{}",
                lang.t(s::TARGET),
                colon(lang),
                target.title.get(lang)
            ))
            .color(theme::MUTED),
        );
        ui.add_space(2.0);
        Grid::new("summary-haves")
            .num_columns(3)
            .spacing([6.0, 4.0])
            .show(ui, |ui| {
                for h in crate::rules::Have::FIVE {
                    let r = haves.iter().find(|x| x.have == h);
                    let value = r.and_then(|r| r.readiness);
                    let name = ui.label(f::have(h, lang));
                    if value.is_none() {
                        name.on_hover_text(lang.t(s::NOT_TESTED));
                    }
                    ui.add(
                        egui::ProgressBar::new(value.unwrap_or(0.0) as f32)
                            .desired_width(120.0)
                            .desired_height(9.0)
                            .fill(readiness_color(value)),
                    );
                    let pct = value.map_or_else(
                        || "—".to_string(),
                        |v| format!("{}%", f::number(v * 100.0, 0)),
                    );
                    right_cell_aligned(
                        ui,
                        44.0,
                        RichText::new(pct).color(theme::MUTED),
                        Align::Center,
                    );
                    ui.end_row();
                }
            });
        let untested = crate::rules::Have::FIVE.iter().any(|h| {
            haves
                .iter()
                .find(|x| x.have == *h)
                .is_none_or(|r| r.readiness.is_none())
        });
        if untested {
            ui.add(
                Label::new(RichText::new(lang.t(common::NOT_TESTED_SHORT)).color(theme::MUTED))
                    .wrap(),
            );
        }
    }
    ui.add_space(8.0);
    if ui
        .button(format!("{} →", lang.t(s::OPEN_RESULTS)))
        .clicked()
    {
        ctx.actions.push(Action::Show(Page::Results));
    }
}

// ---------------------------------------------------------------- settings

/// As-of date, rule folder and the pack chooser.
fn settings(ui: &mut Ui, ctx: &mut PageCtx) {
    let lang = ctx.env.lang;
    card(ui, |ui| {
        ui.label(RichText::new(lang.t(s::SETTINGS)).strong());
        ui.add_space(4.0);
        Grid::new("results-settings")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                // The document's one as-of date, the same field as on the company page.
                let l = ui
                    .add(Label::new(lang.t(s::AS_OF)).sense(Sense::hover()))
                    .on_hover_text(lang.t(s::AS_OF_HELP));
                ui.horizontal(|ui| {
                    let env = ctx.env;
                    let id = egui::Id::unique("results-as-of");
                    if w::date_input(ui, &env, id, &mut ctx.doc.as_of, l.id) {
                        ctx.changed = true;
                    }
                    if ctx.doc.as_of.is_none() {
                        ui.label(
                            RichText::new(format!("{} {}", lang.t(s::AS_OF_IN_USE), ctx.env.as_of))
                                .color(theme::MUTED),
                        )
                        .on_hover_text(lang.t(s::AS_OF_HELP));
                    }
                });
                ui.end_row();
                ui.label(lang.t(s::RULES_FROM));
                ui.horizontal_wrapped(|ui| {
                    match ctx.rules_dir {
                        Some(d) => ui.label(RichText::new(d.display().to_string()).monospace()),
                        None => ui.label(lang.t(s::BUNDLED)),
                    };
                    if ui.button(lang.t(s::LOAD_DIR)).clicked() {
                        ctx.actions.push(Action::PickRulesDir);
                    }
                    if ui
                        .add_enabled(
                            ctx.rules_dir.is_some(),
                            egui::Button::new(lang.t(s::USE_BUNDLED)),
                        )
                        .clicked()
                    {
                        ctx.actions.push(Action::LoadRulesDir(None));
                    }
                });
                ui.end_row();
            });
        w::years::notice(ui, &ctx.env, ctx.doc, ctx.years_shifted);
        ui.add_space(4.0);
        pack_chooser(ui, ctx);
    });
}

/// Every known pack with a checkbox: the packs in force on the as-of date,
/// or an explicit choice.
fn pack_chooser(ui: &mut Ui, ctx: &mut PageCtx) {
    let lang = ctx.env.lang;
    let in_use: Vec<String> = ctx.env.packs.iter().map(|p| p.id.clone()).collect();
    let header = format!(
        "{}{}",
        lang.t(s::PACKS),
        f::paren(
            &format!("{} {}", in_use.len(), lang.t(s::PACKS_IN_USE)),
            lang
        )
    );
    egui::CollapsingHeader::new(header)
        .id_salt("results-packs")
        .default_open(false)
        .show(ui, |ui| {
            let auto = ctx.pack_ids.is_none();
            ui.horizontal_wrapped(|ui| {
                if ui.radio(auto, lang.t(s::PACKS_AUTO)).clicked() && !auto {
                    ctx.actions.push(Action::SetPacks(None));
                }
                if ui.radio(!auto, lang.t(s::PACKS_MANUAL)).clicked() && auto {
                    ctx.actions.push(Action::SetPacks(Some(in_use.clone())));
                }
            });
            ui.add_space(4.0);
            let as_of = ctx.env.as_of;
            Grid::new("results-pack-grid")
                .num_columns(5)
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for p in ctx.registry.packs() {
                        let mut on = in_use.contains(&p.id);
                        let r = ui.checkbox(&mut on, p.title.get(lang));
                        r.clone().on_hover_ui(|ui| pack_help(ui, lang, p));
                        if r.changed() {
                            let ids: Vec<String> = ctx
                                .registry
                                .packs()
                                .iter()
                                .filter(|q| {
                                    if q.id == p.id {
                                        on
                                    } else {
                                        in_use.contains(&q.id)
                                    }
                                })
                                .map(|q| q.id.clone())
                                .collect();
                            ctx.actions.push(Action::SetPacks(Some(ids)));
                        }
                        ui.label(RichText::new(&p.id).monospace().small().color(theme::MUTED));
                        let to = p
                            .effective_to
                            .map_or_else(|| lang.t(s::OPEN_ENDED).to_string(), |d| d.to_string());
                        ui.label(RichText::new(format!("{} – {to}", p.effective_from)));
                        w::confidence_badge(ui, p.confidence);
                        ui.horizontal(|ui| {
                            if p.partial {
                                ui.label(RichText::new(lang.t(s::PARTIAL)).color(theme::MISSING))
                                    .on_hover_text(lang.t(s::PARTIAL_HELP));
                            }
                            if on && !p.in_force(as_of) {
                                ui.label(RichText::new(lang.t(s::NOT_IN_FORCE)).color(theme::BAD));
                            }
                        });
                        ui.end_row();
                    }
                });
        });
}

/// Hover help of a pack: document, issuer and notes.
fn pack_help(ui: &mut Ui, lang: Lang, p: &Pack) {
    ui.set_max_width(480.0);
    ui.label(RichText::new(p.title.get(lang)).strong());
    ui.label(format!(
        "{}{}{}",
        lang.t(s::DOCUMENT),
        colon(lang),
        p.document
    ));
    ui.label(RichText::new(p.issuer.get(lang)).color(theme::MUTED));
    for n in &p.notes {
        ui.label(RichText::new(format!("{}{}", lang.t(s::NOTE), n.get(lang))).color(theme::MUTED));
    }
}

// ------------------------------------------------------------ programmes

/// Programmes with at least one tier, in evaluation order.
fn programmes(ev: &Evaluation) -> Vec<Programme> {
    let mut v: Vec<Programme> = Vec::new();
    for t in &ev.tiers {
        if !v.contains(&t.programme) {
            v.push(t.programme);
        }
    }
    v
}

/// Tiers of one programme, in evaluation order (by level).
fn tiers_of(ev: &Evaluation, prog: Programme) -> Vec<&TierResult> {
    ev.tiers.iter().filter(|t| t.programme == prog).collect()
}

/// One programme: its ladder, the tier reached, and each tier in detail.
fn programme_card(ui: &mut Ui, lang: Lang, ev: &Evaluation, prog: Programme, proof: &[TierProof]) {
    let progress = ev.progress.iter().find(|p| p.programme == prog);
    let tiers = tiers_of(ev, prog);
    card(ui, |ui| {
        ui.label(RichText::new(f::programme(prog, lang)).heading().strong());
        ui.add_space(6.0);
        ladder(ui, lang, &tiers, progress, false);
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(lang.t(s::REACHED)).color(theme::MUTED));
            ui.label(RichText::new(reached_text(ev, progress, lang)).strong());
        });
        ui.add_space(6.0);
        ui.separator();
        for t in &tiers {
            w::cull::section(ui, &t.id, |ui| {
                tier_section(ui, lang, t, proof::of(proof, &t.id));
            });
        }
    });
}

/// Whether `t` is the step to highlight as reached.
fn is_reached(t: &TierResult, p: Option<&ProgrammeProgress>) -> bool {
    p.is_some_and(|p| {
        p.reached.as_deref() == Some(t.id.as_str())
            || (p.reached_held && t.held && t.level == p.reached_level)
    })
}

/// The text in the title's last parentheses, to tell apart two tiers on
/// one rung (e.g. 省工信厅 / 省发改委); a leading ladder word is dropped.
fn qualifier<'a>(title: &'a str, ladder: &str) -> Option<&'a str> {
    let (open, close) = if title.ends_with('）') {
        ('（', '）')
    } else if title.ends_with(')') {
        ('(', ')')
    } else {
        return None;
    };
    let start = title.rfind(open)?;
    let inner = title[start + open.len_utf8()..]
        .trim_end_matches(close)
        .trim();
    let inner = inner.strip_prefix(ladder).map_or(inner, str::trim_start);
    (!inner.is_empty()).then_some(inner)
}

/// The tier ladder as a row of steps coloured by verdict; the step reached
/// is outlined and marked with a dot; held steps say so.
fn ladder(
    ui: &mut Ui,
    lang: Lang,
    tiers: &[&TierResult],
    progress: Option<&ProgrammeProgress>,
    compact: bool,
) {
    let mut levels: Vec<u8> = tiers.iter().map(|t| t.level).collect();
    levels.dedup();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = if compact { 4.0 } else { 6.0 };
        for (k, level) in levels.iter().enumerate() {
            let here: Vec<&&TierResult> = tiers.iter().filter(|t| t.level == *level).collect();
            for (i, t) in here.iter().enumerate() {
                let look = Chip {
                    fill: tier_color(t),
                    stroke: if is_reached(t, progress) {
                        Stroke::new(2.0, theme::LADDER_REACHED)
                    } else {
                        Stroke::NONE
                    },
                    compact,
                    dot: is_reached(t, progress),
                    arrow: k > 0 && i == 0,
                };
                step(ui, lang, t, here.len() > 1, look);
            }
        }
    });
}

/// One step of the ladder.
fn step(ui: &mut Ui, lang: Lang, t: &TierResult, qualify: bool, look: Chip) {
    let ladder_label = t.ladder.get(lang);
    let mut text = ladder_label.to_string();
    if qualify && let Some(q) = qualifier(t.title.get(lang), ladder_label) {
        text.push_str(" · ");
        text.push_str(q);
    }
    if t.held {
        text.push_str(&f::paren(lang.t(s::HELD), lang));
    } else if t.verdict == Verdict::NotApplicable {
        text.push_str(&f::paren(f::verdict(t.verdict, lang), lang));
    }
    let reached = look.dot;
    let r = chip(ui, &text, look);
    r.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        ui.label(RichText::new(t.title.get(lang)).strong());
        ui.label(tier_status(t, lang));
        if let Some(why) = &t.not_applicable {
            ui.add(Label::new(RichText::new(why.get(lang)).color(theme::MUTED)).wrap());
        }
        if reached {
            ui.label(lang.t(s::REACHED_HERE));
        }
    });
}

/// A tier's status in words: 已持有 for a held tier (whatever its criteria
/// say today), else its verdict.
fn tier_status(t: &TierResult, lang: Lang) -> &'static str {
    if t.held {
        lang.t(s::HELD)
    } else {
        f::verdict(t.verdict, lang)
    }
}

/// A tier's colour: reached for a held tier, else its verdict's (muted for
/// one that does not apply).
fn tier_color(t: &TierResult) -> egui::Color32 {
    if t.held {
        theme::GOOD
    } else {
        theme::verdict(t.verdict)
    }
}

/// How a chip looks.
#[derive(Clone, Copy)]
struct Chip {
    /// Background.
    fill: egui::Color32,
    /// Outline.
    stroke: Stroke,
    /// Smaller padding (the live summary).
    compact: bool,
    /// A dot before the text (the step reached).
    dot: bool,
    /// A muted arrow before the chip (a rung of a ladder), kept on the same line.
    arrow: bool,
}

/// A coloured chip of known size, so that a wrapping row moves it (with its
/// arrow) to the next line as a whole.
fn chip(ui: &mut Ui, text: &str, look: Chip) -> egui::Response {
    let rich = if look.compact {
        RichText::new(text)
    } else {
        RichText::new(text).strong()
    };
    let galley = egui::WidgetText::from(rich).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let arrow = look.arrow.then(|| {
        egui::WidgetText::from(RichText::new("→").color(theme::MUTED)).into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
    });
    let arrow_w = arrow.as_ref().map_or(0.0, |g| g.size().x + 6.0);
    let pad = if look.compact {
        egui::vec2(6.0, 2.0)
    } else {
        egui::vec2(10.0, 5.0)
    };
    let radius = if look.compact { 3.0 } else { 4.0 };
    let lead = if look.dot { 2.0 * radius + 5.0 } else { 0.0 };
    let box_size = galley.size() + 2.0 * pad + egui::vec2(lead, 0.0);
    let (rect, response) =
        ui.allocate_exact_size(box_size + egui::vec2(arrow_w, 0.0), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        if let Some(g) = arrow {
            let pos = egui::pos2(rect.left(), rect.center().y - g.size().y / 2.0);
            painter.galley(pos, g, theme::MUTED);
        }
        let boxed = egui::Rect::from_min_size(rect.min + egui::vec2(arrow_w, 0.0), box_size);
        painter.rect(boxed, 4.0, look.fill, look.stroke, egui::StrokeKind::Inside);
        if look.dot {
            let c = egui::pos2(boxed.left() + pad.x + radius, boxed.center().y);
            painter.circle_filled(c, radius, theme::BADGE_TEXT);
        }
        painter.galley(
            boxed.min + pad + egui::vec2(lead, 0.0),
            galley,
            theme::BADGE_TEXT,
        );
    }
    response
}

/// The tier reached, in words.
fn reached_text(ev: &Evaluation, p: Option<&ProgrammeProgress>, lang: Lang) -> String {
    p.and_then(|p| f::reached_tier(ev, p, lang))
        .unwrap_or_else(|| {
            // A programme of one tier (高企, 科技型) has no "any tier" to speak of.
            let single = p.is_some_and(|p| {
                let mut levels = ev
                    .tiers
                    .iter()
                    .filter(|t| t.programme == p.programme)
                    .map(|t| t.level);
                levels.next().is_some_and(|l| levels.all(|m| m == l))
            });
            lang.t(if single {
                s::REACHED_NOT_YET
            } else {
                s::REACHED_NONE
            })
            .to_string()
        })
}

/// A tier as a collapsing section: verdict, route, score and criteria.
fn tier_section(ui: &mut Ui, lang: Lang, t: &TierResult, evidence: Option<&TierProof>) {
    let id = ui.make_persistent_id(("tier", &t.id));
    let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, false);
    let title = format!("{}  {}", t.ladder.get(lang), t.title.get(lang));
    let header = ui.horizontal(|ui| {
        let toggle = state.show_toggle_button(ui, paint_default_icon);
        // Screen readers hear the tier's name and whether it is open, as for
        // egui's own collapsing headers.
        toggle.widget_info(|| {
            WidgetInfo::labeled(accesskit::Role::DisclosureTriangle, ui.is_enabled(), &title)
        });
        let open = state.is_open();
        ui.ctx()
            .accesskit_node_builder(toggle.id, |node| node.set_expanded(open));
        let r = ui.add(Label::new(RichText::new(&title).strong()).sense(Sense::click()));
        w::tier_badge(ui, lang, t);
        if let Some(sc) = &t.score
            && t.verdict != Verdict::NotApplicable
        {
            ui.label(
                RichText::new(format!(
                    "{} {} / {}",
                    lang.t(s::SCORE),
                    f::number(sc.total, 1),
                    f::number(sc.max, 1)
                ))
                .color(theme::MUTED),
            );
        }
        if let Some(p) = evidence.filter(|p| p.total > 0) {
            ui.label(RichText::new(p.figure(lang)).color(theme::MUTED));
        }
        r.clicked()
    });
    if header.inner {
        state.toggle(ui);
    }
    // Why a tier does not apply is said at once, muted: it is not a failure.
    if let Some(why) = &t.not_applicable
        && !t.held
    {
        ui.indent(("why-not", &t.id), |ui| {
            ui.add(Label::new(RichText::new(why.get(lang)).color(theme::MUTED)).wrap());
        });
    }
    state.show_body_indented(&header.response, ui, |ui| tier_body(ui, lang, t));
}

/// The inside of a tier section.
fn tier_body(ui: &mut Ui, lang: Lang, t: &TierResult) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&t.id).monospace().small().color(theme::MUTED));
        route_line(ui, lang, t.route.as_deref(), t.route_label.as_ref());
    });
    if t.verdict == Verdict::NotApplicable && !t.held {
        // Nothing to meet: its criteria would only read as failures.
        ui.label(RichText::new(lang.t(s::NOT_APPLICABLE_BODY)).color(theme::MUTED));
        ui.add_space(8.0);
        return;
    }
    if t.held {
        ui.add(Label::new(RichText::new(lang.t(s::HELD_CONTEXT)).color(theme::MUTED)).wrap());
    }
    if let Some(sc) = &t.score {
        ui.add_space(4.0);
        let mut line = format!(
            "{} {} / {}",
            lang.t(s::SCORE),
            f::number(sc.total, 1),
            f::number(sc.max, 1)
        );
        if let Some(p) = sc.pass {
            let _ = write!(
                line,
                "{}{} {}",
                lang.pick("，", ", "),
                lang.t(s::PASS_MARK),
                f::number(p, 1)
            );
        }
        if sc.potential > sc.total {
            let _ = write!(
                line,
                "{}{} {}",
                lang.pick("，", ", "),
                lang.t(s::POTENTIAL),
                f::number(sc.potential, 1)
            );
        }
        ui.label(RichText::new(line).strong());
        let width = ui.available_width().min(560.0);
        ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
            charts::score_bars(ui, lang, sc, ("score", &t.id));
        });
        if sc.blocks.iter().any(|b| b.min.is_some()) {
            ui.label(RichText::new(lang.t(s::SUB_MIN_MARK)).color(theme::MUTED));
        }
        ui.add_space(6.0);
    }
    criteria_grid(ui, lang, t);
    ui.add_space(8.0);
}

/// A fixed-width cell whose text wraps.
fn cell<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.vertical(|ui| {
        ui.set_width(width);
        add(ui)
    })
    .inner
}

/// A fixed-width table cell with right-aligned text (numbers), top-aligned like the other cells.
fn right_cell(ui: &mut Ui, width: f32, text: RichText) {
    cell(ui, width, |ui| {
        ui.with_layout(Layout::top_down(Align::Max), |ui| ui.label(text));
    });
}

/// A fixed-width cell with right-aligned text, one line high, aligned vertically by `valign`.
fn right_cell_aligned(ui: &mut Ui, width: f32, text: RichText, valign: Align) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ui.spacing().interact_size.y),
        Layout::right_to_left(valign),
        |ui| {
            ui.set_width(width);
            ui.label(text);
        },
    );
}

/// The criteria of a tier: status, title, value vs threshold, gap, points,
/// confidence and source.
fn criteria_grid(ui: &mut Ui, lang: Lang, t: &TierResult) {
    let scored = t.criteria.iter().any(CriterionResult::is_scored_item);
    let columns = if scored { 7 } else { 6 };
    let fixed = STATUS_W + CONF_W + if scored { POINTS_W } else { 0.0 };
    let flex = (ui.available_width() - fixed - COL_GAP * (columns as f32 - 1.0) - 8.0).max(380.0);
    // The gap column only takes room when the tier has something to say there.
    let gaps = t.criteria.iter().any(|c| {
        c.outcome != Outcome::NA
            && (!c.missing.is_empty()
                || decide(&c.checks).is_some()
                || c.primary_check().is_some_and(|ch| ch.gap.is_some()))
    });
    // The source wraps (never cut to "…"): give it room for a document name
    // in about three lines.
    let weights = [0.28, 0.31, if gaps { 0.23 } else { 0.10 }, 0.18];
    let total: f32 = weights.iter().sum();
    let [w_title, w_value, w_gap, w_source] = weights.map(|x| flex * x / total);
    Grid::new(("criteria", &t.id))
        .num_columns(columns)
        .striped(true)
        .spacing([COL_GAP, 6.0])
        .show(ui, |ui| {
            let head = |ui: &mut Ui, tr: Tr, width: f32| {
                cell(ui, width, |ui| {
                    ui.label(RichText::new(lang.t(tr)).strong().color(theme::MUTED));
                });
            };
            head(ui, s::COL_STATUS, STATUS_W);
            head(ui, s::COL_CRITERION, w_title);
            head(ui, s::COL_VALUE, w_value);
            head(ui, s::COL_GAP, w_gap);
            if scored {
                right_cell(
                    ui,
                    POINTS_W,
                    RichText::new(lang.t(s::COL_POINTS))
                        .strong()
                        .color(theme::MUTED),
                );
            }
            head(ui, s::COL_CONFIDENCE, CONF_W);
            head(ui, s::COL_SOURCE, w_source);
            ui.end_row();
            for c in &t.criteria {
                criterion_row(ui, lang, c, scored, [w_title, w_value, w_gap, w_source]);
                ui.end_row();
            }
        });
}

/// One row of the criteria table.
fn criterion_row(ui: &mut Ui, lang: Lang, c: &CriterionResult, scored: bool, widths: [f32; 4]) {
    let [w_title, w_value, w_gap, w_source] = widths;
    cell(ui, STATUS_W, |ui| {
        w::outcome_badge(ui, lang, c.outcome);
    });
    cell(ui, w_title, |ui| {
        ui.add(Label::new(c.title.get(lang)).wrap().sense(Sense::hover()))
            .on_hover_ui(|ui| criterion_help(ui, lang, c));
    });
    let primary = c.primary_check();
    cell(ui, w_value, |ui| {
        let text = match primary {
            Some(ch) if c.outcome != Outcome::NA => f::check_line(ch, lang),
            _ => "—".to_string(),
        };
        let r = ui.add(Label::new(text).wrap().sense(Sense::hover()));
        if c.checks.len() > 1 && c.outcome != Outcome::NA {
            r.on_hover_ui(|ui| {
                ui.set_max_width(520.0);
                ui.label(RichText::new(lang.t(s::ALL_CHECKS)).strong());
                for ch in &c.checks {
                    check_with_gap(ui, lang, ch);
                }
            });
        }
    });
    cell(ui, w_gap, |ui| {
        if c.outcome == Outcome::NA {
            return;
        }
        if let Some(g) = primary.and_then(|ch| ch.gap.as_ref()) {
            let color = if c.outcome == Outcome::NotMet {
                theme::BAD
            } else {
                theme::ACCENT
            };
            ui.add(Label::new(RichText::new(f::gap(g, lang)).color(color)).wrap());
        } else if let Some(d) = decide(&c.checks) {
            ui.add(Label::new(RichText::new(d.get(lang)).color(theme::REVIEW)).wrap());
        } else if !c.missing.is_empty() {
            ui.add(
                Label::new(
                    RichText::new(format!(
                        "{}{}",
                        lang.t(s::FILL_IN),
                        field_names(&c.missing, lang)
                    ))
                    .color(theme::MISSING),
                )
                .wrap(),
            );
        }
    });
    if scored {
        // Points that hang on a pending input or declaration show as a range.
        let text = match (c.points, c.points_upper, c.max_points) {
            (Some(p), Some(u), Some(m)) if u > p => format!(
                "{}–{} / {}",
                f::number(p, 1),
                f::number(u, 1),
                f::number(m, 1)
            ),
            (Some(p), _, Some(m)) => format!("{} / {}", f::number(p, 1), f::number(m, 1)),
            _ => String::new(),
        };
        right_cell(ui, POINTS_W, RichText::new(text));
    }
    cell(ui, CONF_W, |ui| {
        w::confidence_badge(ui, c.confidence);
    });
    cell(ui, w_source, |ui| {
        ui.add(
            Label::new(RichText::new(c.source.document.as_ref()).color(theme::MUTED))
                .wrap()
                .sense(Sense::hover()),
        )
        .on_hover_ui(|ui| source_help(ui, lang, c));
    });
}

/// Hover of a criterion title: id, note and route.
fn criterion_help(ui: &mut Ui, lang: Lang, c: &CriterionResult) {
    ui.set_max_width(480.0);
    ui.label(RichText::new(c.title.get(lang)).strong());
    ui.label(
        RichText::new(format!(
            "{}{}{}",
            lang.t(s::CRITERION_ID),
            colon(lang),
            c.id
        ))
        .monospace()
        .small(),
    );
    ui.label(
        RichText::new(format!(
            "{}{}{}",
            f::have(c.have, lang),
            colon(lang),
            f::confidence(c.confidence, lang)
        ))
        .color(theme::MUTED),
    );
    // Already a tooltip: the route's id goes beside its words, not in a
    // tooltip of its own.
    if let Some(id) = c.route.as_deref() {
        let words = c.route_label.as_ref().map_or(id, |l| l.get(lang));
        ui.label(
            RichText::new(format!("{}{}{words}", lang.t(s::ROUTE), colon(lang))).color(theme::GOOD),
        );
        if c.route_label.is_some() {
            ui.label(RichText::new(id).monospace().small().color(theme::MUTED));
        }
    }
    if let Some(n) = &c.note {
        ui.label(RichText::new(format!("{}{}", lang.t(s::NOTE), n.get(lang))).color(theme::MUTED));
    }
}

/// Hover of a criterion source: the citation and the evidence to prepare.
fn source_help(ui: &mut Ui, lang: Lang, c: &CriterionResult) {
    ui.set_max_width(480.0);
    ui.label(RichText::new(lang.t(s::COL_SOURCE)).strong());
    ui.label(f::source(&c.source, lang));
    if !c.evidence.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(lang.t(s::EVIDENCE)).strong());
        for e in c.evidence.iter() {
            ui.label(format!("• {}", e.get(lang)));
        }
    }
}

/// A check line followed by its gap, the gap in colour.
fn check_with_gap(ui: &mut Ui, lang: Lang, ch: &Check) {
    let style = ui.style().clone();
    let font = egui::TextStyle::Body.resolve(&style);
    let mut job = LayoutJob::default();
    let fmt = |color| TextFormat {
        font_id: font.clone(),
        color,
        ..TextFormat::default()
    };
    job.append(
        &format!("{} ", crate::report::format::outcome_mark(ch.outcome)),
        0.0,
        fmt(theme::outcome(ch.outcome)),
    );
    job.append(
        &f::check_line(ch, lang),
        0.0,
        fmt(style.visuals.text_color()),
    );
    if let Some(g) = &ch.gap {
        job.append(colon(lang), 0.0, fmt(style.visuals.text_color()));
        let color = if ch.outcome == Outcome::NotMet {
            theme::BAD
        } else {
            theme::ACCENT
        };
        job.append(&f::gap(g, lang), 0.0, fmt(color));
    }
    if let Some(d) = &ch.decide {
        job.append(colon(lang), 0.0, fmt(style.visuals.text_color()));
        job.append(d.get(lang), 0.0, fmt(theme::REVIEW));
    }
    ui.add(Label::new(job).wrap());
}

/// What would decide an undecided criterion (its first check that says).
fn decide(checks: &[Check]) -> Option<&Text> {
    checks.iter().find_map(|ch| ch.decide.as_ref())
}

/// “通过途径：…” in words; the route's id only on hover.
fn route_line(ui: &mut Ui, lang: Lang, id: Option<&str>, label: Option<&Text>) {
    let Some(id) = id else { return };
    let words = label.map_or(id, |l| l.get(lang));
    ui.add(
        Label::new(
            RichText::new(format!("{}{}{words}", lang.t(s::ROUTE), colon(lang))).color(theme::GOOD),
        )
        .wrap()
        .sense(Sense::hover()),
    )
    .on_hover_ui(|ui| {
        ui.label(RichText::new(id).monospace().small());
    });
}

// ------------------------------------------------------------ next steps

/// “下一步怎么做”: per programme, the blockers of each next tier in order,
/// with their gaps in concrete units.
fn next_steps(ui: &mut Ui, lang: Lang, ev: &Evaluation, proof: &[TierProof]) {
    ui.heading(lang.t(s::NEXT_STEPS));
    ui.label(RichText::new(lang.t(s::NEXT_STEPS_INTRO)).color(theme::MUTED));
    ui.add_space(6.0);
    for prog in programmes(ev) {
        let progress = ev.progress.iter().find(|p| p.programme == prog);
        card(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(f::programme(prog, lang)).strong());
                ui.label(
                    RichText::new(format!(
                        "{}{}{}",
                        lang.t(s::REACHED),
                        colon(lang),
                        reached_text(ev, progress, lang)
                    ))
                    .color(theme::MUTED),
                );
            });
            let Some(p) = progress else { return };
            if p.next.is_empty() {
                ui.label(RichText::new(lang.t(s::TOP_REACHED)).color(theme::GOOD));
                return;
            }
            for n in &p.next {
                ui.add_space(6.0);
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("→ {}", n.title.get(lang))).strong());
                    ui.label(
                        RichText::new(format!("{} {}", n.criteria_short(), lang.t(s::TO_RESOLVE)))
                            .color(theme::MUTED),
                    );
                });
                let short = data::short_criteria(n, lang);
                if short.is_empty() {
                    ui.label(RichText::new(lang.t(s::NO_BLOCKERS)).color(theme::GOOD));
                }
                for (i, (b, levers)) in short.iter().enumerate() {
                    ui.add_space(4.0);
                    ui.horizontal_top(|ui| {
                        right_cell(ui, 22.0, RichText::new(format!("{}.", i + 1)).strong());
                        ui.vertical(|ui| {
                            let named_by_levers = levers.iter().any(|l| l.pending);
                            blocker(ui, lang, b, !named_by_levers);
                            levers_lines(ui, lang, levers);
                        });
                    });
                }
                if let Some(p) = proof::of(proof, &n.tier).filter(|p| p.total > 0) {
                    evidence_step(ui, lang, p);
                }
            }
        });
        ui.add_space(theme::SECTION_GAP / 2.0);
    }
}

/// The readiness of the proof of a next tier, and the documents still to
/// attach (named on hover when there are many).
fn evidence_step(ui: &mut Ui, lang: Lang, p: &TierProof) {
    ui.add_space(4.0);
    ui.horizontal_top(|ui| {
        let done = p.attached == p.total;
        right_cell(
            ui,
            22.0,
            RichText::new(if done { "✓" } else { "□" }).color(if done {
                theme::GOOD
            } else {
                theme::MISSING
            }),
        );
        ui.vertical(|ui| {
            ui.label(RichText::new(p.figure(lang)).strong());
            if !done {
                let text = format!(
                    "{}{}",
                    lang.t(crate::i18n::attach::TO_ATTACH),
                    p.missing_text(lang)
                );
                w::paragraph(ui, RichText::new(text).color(theme::MUTED));
            }
        });
    });
}

/// The score items whose points count towards a criterion short of the
/// next tier: those earned by improving a figure, then those waiting on data
/// or a declaration; the first [`LEVERS_NAMED`] of each named, every one on hover.
fn levers_lines(ui: &mut Ui, lang: Lang, levers: &[ScoreLever]) {
    for (pending, color) in [(false, theme::ACCENT), (true, theme::MISSING)] {
        let text = data::levers_text(levers, pending, LEVERS_NAMED, lang);
        if text.is_empty() {
            continue;
        }
        let shown = ui.add(Label::new(RichText::new(text).color(color)).wrap());
        if levers.iter().filter(|l| l.pending == pending).count() > LEVERS_NAMED {
            shown.on_hover_text(data::levers_text(levers, pending, usize::MAX, lang));
        }
    }
}

/// One blocker: status, title, confidence; then its checks with gaps and,
/// with `fill_in`, the inputs to fill in (a score's levers name the items
/// waiting on data instead).
fn blocker(ui: &mut Ui, lang: Lang, b: &Blocker, fill_in: bool) {
    ui.horizontal_wrapped(|ui| {
        w::outcome_badge(ui, lang, b.outcome);
        ui.add(Label::new(RichText::new(b.title.get(lang)).strong()).wrap());
        w::confidence_badge(ui, b.confidence);
    });
    let relevant: Vec<&Check> = b
        .checks
        .iter()
        .filter(|c| c.outcome != Outcome::Met || c.gap.is_some())
        .collect();
    let shown: Vec<&Check> = if relevant.is_empty() {
        b.checks.iter().collect()
    } else {
        relevant
    };
    for ch in shown {
        check_with_gap(ui, lang, ch);
    }
    if fill_in && !b.missing.is_empty() {
        ui.label(
            RichText::new(format!(
                "{}{}",
                lang.t(s::FILL_IN),
                field_names(&b.missing, lang)
            ))
            .color(theme::MISSING),
        );
    }
}

/// A one-line gist of a blocker for the summary, and its colour.
fn blocker_brief(b: &Blocker, lang: Lang) -> (String, egui::Color32) {
    if let Some(ch) = b.checks.iter().find(|c| c.gap.is_some())
        && let Some(g) = &ch.gap
    {
        let color = if ch.outcome == Outcome::NotMet {
            theme::BAD
        } else {
            theme::ACCENT
        };
        return (
            format!("{}{}{}", ch.label.get(lang), colon(lang), f::gap(g, lang)),
            color,
        );
    }
    if let Some(d) = decide(&b.checks) {
        return (
            format!("{}{}{}", b.title.get(lang), colon(lang), d.get(lang)),
            theme::REVIEW,
        );
    }
    match b.outcome {
        Outcome::NotMet => {
            let line = b
                .checks
                .iter()
                .find(|c| c.outcome == Outcome::NotMet)
                .map_or_else(|| b.title.get(lang).to_string(), |c| f::check_line(c, lang));
            (line, theme::BAD)
        }
        o => (
            format!(
                "{}{}{}",
                b.title.get(lang),
                colon(lang),
                f::outcome(o, lang)
            ),
            theme::outcome(o),
        ),
    }
}

// ---------------------------------------------------------------- charts

/// The five-haves radar with its target chooser, and the R&D-intensity trend.
fn charts_section(ui: &mut Ui, ctx: &mut PageCtx, ev: &Evaluation) {
    let lang = ctx.env.lang;
    let as_of = ctx.env.as_of;
    let m = Metrics::new(ctx.doc, as_of);
    let points: Vec<(i32, Option<f64>)> = (1..=3u8)
        .rev()
        .map(|back| (m.calendar_year(back), m.rd_ratio(back).ok()))
        .collect();
    let thresholds = rd_thresholds(ctx.env.packs, ev, lang);
    let mut target_choice: Option<String> = None;
    let radar = |ui: &mut Ui, choice: &mut Option<String>| {
        card(ui, |ui| {
            ui.label(RichText::new(lang.t(s::FIVE_HAVES)).strong());
            ui.horizontal(|ui| {
                let l = ui.label(lang.t(s::TARGET));
                let current = ev.target.as_deref().and_then(|id| ev.tier(id));
                let selected = current.map_or_else(String::new, |t| tier_name(t, lang));
                let r = egui::ComboBox::from_id_salt("five-haves-target")
                    .selected_text(selected)
                    .width(ui.available_width() - 8.0)
                    .truncate()
                    .show_ui(ui, |ui| {
                        for t in &ev.tiers {
                            let on = ev.target.as_deref() == Some(t.id.as_str());
                            if ui.selectable_label(on, tier_name(t, lang)).clicked() && !on {
                                *choice = Some(t.id.clone());
                            }
                        }
                    });
                let _ = r.response.labelled_by(l.id);
            });
            match ev.five_haves(None) {
                Some(haves) => charts::five_haves_radar(ui, lang, haves, "five-haves-radar"),
                None => {
                    ui.label(RichText::new(lang.t(s::NO_TIERS)).color(theme::MUTED));
                }
            }
            ui.label(RichText::new(lang.t(s::FIVE_HAVES_HELP)).color(theme::MUTED));
        });
    };
    let trend = |ui: &mut Ui| {
        card(ui, |ui| {
            ui.label(RichText::new(lang.t(s::RD_TREND)).strong());
            if points.iter().all(|(_, v)| v.is_none()) {
                ui.label(RichText::new(lang.t(s::NO_RD_DATA)).color(theme::MISSING));
            }
            let bench = ev.benchmark(Metric::RdRatio).map(|b| b.value);
            charts::rd_trend(ui, lang, &points, &thresholds, bench, "rd-trend");
            ui.label(RichText::new(lang.t(s::RD_TREND_HELP)).color(theme::MUTED));
        });
    };
    if ui.available_width() >= 760.0 {
        ui.columns(2, |cols| {
            radar(&mut cols[0], &mut target_choice);
            trend(&mut cols[1]);
        });
    } else {
        radar(ui, &mut target_choice);
        ui.add_space(theme::SECTION_GAP);
        trend(ui);
    }
    if let Some(id) = target_choice {
        ctx.actions.push(Action::SetTarget(Some(id)));
    }
}

/// `ladder title`, for the target chooser.
fn tier_name(t: &TierResult, lang: Lang) -> String {
    format!("{} · {}", t.ladder.get(lang), t.title.get(lang))
}

/// The thresholds on 研发费用占营业收入比重 in the packs in use, labelled by
/// the rung that sets them, lowest first; a tier that does not apply to the
/// company draws no line.
fn rd_thresholds(packs: &[&Pack], ev: &Evaluation, lang: Lang) -> Vec<(String, f64)> {
    fn walk(t: &Test, out: &mut Vec<f64>) {
        match t {
            Test::Cmp {
                metric: Metric::RdRatio,
                op: Op::Ge | Op::Gt,
                value,
                ..
            } => out.push(*value),
            Test::All(v) => v.iter().for_each(|x| walk(x, out)),
            Test::Any(routes) => routes.iter().for_each(|r| walk(&r.test, out)),
            _ => {}
        }
    }
    // Rungs by threshold value, each rung once.
    let mut found: Vec<(f64, Vec<String>)> = Vec::new();
    for p in packs {
        for tier in &p.tiers {
            if ev
                .tier(&tier.id)
                .is_some_and(|t| t.verdict == Verdict::NotApplicable && !t.held)
            {
                continue;
            }
            let mut values = Vec::new();
            for c in &tier.criteria {
                if let Rule::Check(t) = &c.rule {
                    walk(t, &mut values);
                }
            }
            let label = tier.ladder.get(lang).to_string();
            for v in values {
                match found.iter_mut().find(|(x, _)| *x == v) {
                    Some((_, labels)) if !labels.contains(&label) => labels.push(label.clone()),
                    Some(_) => {}
                    None => found.push((v, vec![label.clone()])),
                }
            }
        }
    }
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found
        .into_iter()
        .map(|(v, labels)| (labels.join(lang.pick("、", ", ")), v))
        .collect()
}

// ---------------------------------------------------------------- helpers

/// A card: a tinted, bordered frame filling the width.
fn card<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    Frame::new()
        .fill(theme::CARD_FILL)
        .stroke(Stroke::new(1.0, theme::CARD_STROKE))
        .corner_radius(6.0)
        .inner_margin(Margin::same(theme::CARD_MARGIN))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui)
        })
        .inner
}

/// Colour of a readiness bar.
fn readiness_color(r: Option<f64>) -> egui::Color32 {
    match r {
        Some(v) if v >= 1.0 => theme::GOOD,
        Some(v) if v >= 0.5 => theme::ACCENT,
        Some(_) => theme::MISSING,
        None => theme::MUTED,
    }
}

/// A colon in the interface language.
fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}
