//! The results page's evidence section: for one tier (chosen, by default the
//! next one), every criterion's evidence items with their status (已附 / 缺 /
//! 文件已变更 / 文件不存在), "添加材料…" per item, the files attached with
//! "移除", and the readiness of the proof, "材料齐全度 N / M". Files dropped
//! onto an item are attached to it. No I/O here: the window attaches,
//! checks and removes through [`Action`]s.

use eframe::egui::{self, Align, RichText, Stroke, Ui};

use super::PageCtx;
use crate::eval::{Evaluation, TierResult};
use crate::gui::action::Action;
use crate::gui::{theme, widgets as w};
use crate::i18n::attach as a;
use crate::model::Attachment;
use crate::report::format as f;
use crate::report::proof::{self, ItemStatus, TierProof};

/// Memory key: scroll the section into view during the next frames (a
/// count of frames, `u8`).
#[must_use]
pub fn scroll_request() -> egui::Id {
    egui::Id::unique("evidence-scroll-request")
}

/// Memory key: files dropped this frame were taken by an item.
#[must_use]
pub fn drop_taken() -> egui::Id {
    egui::Id::unique("evidence-drop-taken")
}

/// The tier shown by default: the five-haves target, else the next tier
/// of the first programme that has one, else the first with evidence.
fn default_tier(ev: &Evaluation, proof: &[TierProof]) -> Option<String> {
    let has = |id: &str| proof::of(proof, id).is_some_and(|p| p.total > 0);
    ev.target
        .iter()
        .cloned()
        .chain(
            ev.progress
                .iter()
                .filter_map(|p| p.next.first().map(|n| n.tier.clone())),
        )
        .chain(ev.tiers.iter().map(|t| t.id.clone()))
        .find(|id| has(id))
}

/// Shows the section.
pub fn section(ui: &mut Ui, ctx: &mut PageCtx, ev: &Evaluation) {
    let lang = ctx.env.lang;
    let heading = ui.heading(lang.t(a::GUI_TITLE));
    // Asked for a few frames: the page above may still be settling its layout.
    let left = ui.data_mut(|d| d.remove_temp::<u8>(scroll_request()).unwrap_or(0));
    if left > 0 {
        heading.scroll_to_me(Some(Align::TOP));
        ui.data_mut(|d| d.insert_temp(scroll_request(), left - 1));
    }
    w::paragraph(ui, RichText::new(lang.t(a::GUI_INTRO)).color(theme::MUTED));
    ui.add_space(6.0);
    let proof = proof::tiers(ev, &ctx.doc.attachments, ctx.attachment_statuses, lang);
    let Some(default) = default_tier(ev, &proof) else {
        ui.label(RichText::new(lang.t(a::GUI_NO_EVIDENCE)).color(theme::MUTED));
        return;
    };
    let choice_id = ui.make_persistent_id("evidence-tier");
    let mut chosen: String = ui
        .data(|d| d.get_temp::<String>(choice_id))
        .filter(|id| proof::of(&proof, id).is_some_and(|p| p.total > 0))
        .unwrap_or(default);
    let tiers: Vec<&TierResult> = ev
        .tiers
        .iter()
        .filter(|t| proof::of(&proof, &t.id).is_some_and(|p| p.total > 0))
        .collect();
    let name = |t: &TierResult| format!("{}  {}", t.ladder.get(lang), t.title.get(lang));
    ui.horizontal(|ui| {
        let l = ui.label(lang.t(a::GUI_TIER));
        let shown = ev.tier(&chosen).map(name).unwrap_or_default();
        egui::ComboBox::from_id_salt("evidence-tier-choice")
            .selected_text(shown)
            .width(w::fit_width(ui, 420.0))
            .show_ui(ui, |ui| {
                for t in &tiers {
                    ui.selectable_value(&mut chosen, t.id.clone(), name(t));
                }
            })
            .response
            .labelled_by(l.id);
        if ui.button(lang.t(a::GUI_RECHECK)).clicked() {
            ctx.actions.push(Action::RecheckAttachments);
        }
    });
    ui.data_mut(|d| d.insert_temp(choice_id, chosen.clone()));
    let (Some(t), Some(p)) = (ev.tier(&chosen), proof::of(&proof, &chosen)) else {
        return;
    };
    ui.add_space(4.0);
    let color = if p.attached == p.total {
        theme::GOOD
    } else {
        theme::MISSING
    };
    ui.label(RichText::new(p.figure(lang)).strong().color(color));
    ui.add_space(4.0);
    let editable = !ctx.reviewing;
    let known = proof::Known::of(ev, &ctx.doc.attachments, ctx.attachment_statuses);
    for c in t.criteria.iter().filter(|c| !c.evidence.is_empty()) {
        ui.add_space(6.0);
        ui.label(RichText::new(c.title.get(lang)).strong());
        for (i, e) in c.evidence.iter().enumerate() {
            let own = proof::item_status(&ctx.doc.attachments, ctx.attachment_statuses, &c.id, i);
            // The same document attached under another criterion proves this item too.
            let status = match own {
                ItemStatus::Missing => Status::Elsewhere(known.document(&e.zh)),
                s => Status::Own(s),
            };
            item_ui(ui, ctx, editable, (&c.id, i), e.get(lang), status);
        }
    }
}

/// An item's status: from its own files, or (with none) from the same
/// document attached under another criterion.
#[derive(Debug, Clone, Copy)]
enum Status {
    Own(ItemStatus),
    Elsewhere(ItemStatus),
}

/// Room kept at the end of an item's line for its button.
const BUTTON_ROOM: f32 = 140.0;

/// One evidence item: its status, its text, "添加材料…", then its files.
fn item_ui(
    ui: &mut Ui,
    ctx: &mut PageCtx,
    editable: bool,
    (criterion, item): (&str, usize),
    text: &str,
    status: Status,
) {
    let lang = ctx.env.lang;
    let row = ui.indent(("evidence", criterion, item), |ui| {
        ui.horizontal_top(|ui| {
            let (shown, elsewhere) = match status {
                Status::Own(s) => (s, false),
                Status::Elsewhere(s) => (s, s != ItemStatus::Missing),
            };
            w::evidence_badge(ui, lang, shown);
            let room = (ui.available_width() - BUTTON_ROOM).max(120.0);
            ui.scope(|ui| {
                ui.set_max_width(room);
                let mut job = RichText::new(text);
                if elsewhere {
                    job = RichText::new(format!("{text}{}", lang.t(a::GUI_ELSEWHERE)));
                }
                ui.add(egui::Label::new(job).wrap());
            });
            if ui
                .add_enabled(editable, egui::Button::new(lang.t(a::GUI_ADD)))
                .clicked()
            {
                ctx.actions.push(Action::AttachFor {
                    criterion: criterion.to_string(),
                    item,
                });
            }
        });
        let files: Vec<(usize, Attachment)> = ctx
            .doc
            .attachments
            .iter()
            .enumerate()
            .filter(|(_, x)| x.is_for(criterion, item))
            .map(|(k, x)| (k, x.clone()))
            .collect();
        for (k, x) in files {
            let s = ctx
                .attachment_statuses
                .get(k)
                .map_or(ItemStatus::Missing, |s| {
                    proof::item_status(std::slice::from_ref(&x), &[*s], criterion, item)
                });
            file_ui(ui, ctx, editable, k, &x, s);
        }
    });
    take_drop(ui, ctx, editable, row.response.rect, (criterion, item));
}

/// One attached file: its path (full path and hash on hover), pages, size,
/// date, a status badge when something is wrong, the note (editable) and
/// "移除". `index` is its place in `doc.attachments`.
fn file_ui(
    ui: &mut Ui,
    ctx: &mut PageCtx,
    editable: bool,
    index: usize,
    x: &Attachment,
    status: ItemStatus,
) {
    let lang = ctx.env.lang;
    ui.indent(("file", &x.path), |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("•").color(theme::MUTED));
            ui.label(&x.path).on_hover_text(
                lang.t(a::GUI_PATH_HINT)
                    .replace("{path}", &x.path)
                    .replace("{sha}", &x.sha256),
            );
            ui.label(
                RichText::new(f::attachment_facts(x, lang, " · "))
                    .color(theme::MUTED)
                    .small(),
            );
            if status != ItemStatus::Attached {
                w::evidence_badge(ui, lang, status);
            }
            let label = ui.label(RichText::new(lang.t(a::GUI_NOTE)).color(theme::MUTED));
            if let Some(doc) = ctx.doc.attachments.get_mut(index) {
                let r = ui
                    .add_enabled(
                        editable,
                        egui::TextEdit::singleline(&mut doc.note).desired_width(180.0),
                    )
                    .labelled_by(label.id);
                ctx.changed |= r.changed();
            }
            if ui
                .add_enabled(editable, egui::Button::new(lang.t(a::GUI_REMOVE)).small())
                .on_hover_text(lang.t(a::GUI_REMOVE_HINT))
                .clicked()
            {
                ctx.actions.push(Action::Detach(Box::new(x.clone())));
            }
        });
    });
}

/// Files hovered over the item are outlined; files dropped on it are attached to it.
fn take_drop(
    ui: &mut Ui,
    ctx: &mut PageCtx,
    editable: bool,
    rect: egui::Rect,
    (criterion, item): (&str, usize),
) {
    if !editable {
        return;
    }
    let (hovering, dropped, pointer) = ui.input(|i| {
        (
            !i.raw.hovered_files.is_empty(),
            i.raw.dropped_files.clone(),
            i.pointer.latest_pos(),
        )
    });
    let over = pointer.is_some_and(|p| rect.contains(p));
    if hovering && over {
        ui.painter().rect_stroke(
            rect.expand(2.0),
            4.0,
            Stroke::new(2.0, theme::ACCENT),
            egui::StrokeKind::Outside,
        );
    }
    if over && !dropped.is_empty() {
        let paths: Vec<std::path::PathBuf> =
            dropped.iter().map(|d| d.path().to_path_buf()).collect();
        if !paths.is_empty() {
            ui.data_mut(|d| d.insert_temp(drop_taken(), true));
            ctx.actions.push(Action::AttachPaths {
                criterion: criterion.to_string(),
                item,
                paths,
            });
        }
    }
}
