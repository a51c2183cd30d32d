//! The folder table: filters, a sortable header and the rows, drawn only
//! where visible (`ScrollArea::show_rows`), so the cost of a frame does not
//! grow with the number of files.

use eframe::egui::{self, Align, Layout, RichText, Sense, Ui, UiBuilder, vec2};

use super::{Desk, MAX_COMPARED};
use crate::gui::theme;
use crate::i18n::{Lang, pages::desk as s, portfolio as tr};
use crate::model::{City, Industry};
use crate::report::format as f;
use crate::report::portfolio::{Column, Entry, PROGRAMMES, Row};

/// Height of one row (points).
pub const ROW_HEIGHT: f32 = 24.0;

/// What the user asked of the table this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Open this file (double-click).
    Open(std::path::PathBuf),
    /// Choose a folder.
    PickFolder,
    /// Read the folder again.
    Reload,
    /// Export the rows shown (`true`: xlsx, else CSV).
    Export(bool),
}

/// A column of the table: heading, width and sort key.
struct Col {
    head: String,
    width: f32,
    sort: Column,
}

fn columns(lang: Lang) -> Vec<Col> {
    let mut v = vec![
        Col {
            head: lang.t(tr::COL_COMPANY).into(),
            width: 220.0,
            sort: Column::Company,
        },
        Col {
            head: lang.t(tr::COL_CITY).into(),
            width: 64.0,
            sort: Column::City,
        },
        Col {
            head: lang.t(tr::COL_INDUSTRY).into(),
            width: 120.0,
            sort: Column::Industry,
        },
        Col {
            head: lang.t(tr::COL_AS_OF).into(),
            width: 84.0,
            sort: Column::AsOf,
        },
    ];
    for p in PROGRAMMES {
        v.push(Col {
            head: f::programme(p, lang).into(),
            width: 210.0,
            sort: Column::Programme(p),
        });
    }
    for (t, w, c) in [
        (tr::COL_RD, 104.0, Column::RdRatio),
        (tr::COL_HAVES, 104.0, Column::FiveHaves),
        (tr::COL_MISSING, 64.0, Column::Missing),
        (tr::COL_REVIEW, 170.0, Column::Review),
        (tr::COL_FILE, 320.0, Column::File),
    ] {
        v.push(Col {
            head: lang.t(t).into(),
            width: w,
            sort: c,
        });
    }
    v
}

/// Width of the tick-box column.
const PICK_WIDTH: f32 = 32.0;

/// Draws the desk's table page; returns what the user asked for.
pub fn ui(ui: &mut Ui, desk: &mut Desk, lang: Lang) -> Option<Request> {
    let mut req = None;
    let Some(root) = desk.root.clone() else {
        ui.add_space(theme::SECTION_GAP);
        ui.label(lang.t(s::EMPTY));
        if ui.button(lang.t(s::OPEN_FOLDER)).clicked() {
            req = Some(Request::PickFolder);
        }
        return req;
    };
    ui.horizontal_wrapped(|ui| {
        ui.heading(lang.t(s::TITLE));
        ui.label(RichText::new(root.display().to_string()).color(theme::MUTED));
        if ui.button(lang.t(s::OPEN_FOLDER)).clicked() {
            req = Some(Request::PickFolder);
        }
        if ui
            .add_enabled(!desk.is_loading(), egui::Button::new(lang.t(s::RELOAD)))
            .clicked()
        {
            req = Some(Request::Reload);
        }
    });
    if desk.is_loading() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(
                lang.t(s::LOADING)
                    .replace("{folder}", &root.display().to_string()),
            );
        });
        return req;
    }
    if filters(ui, desk, lang) {
        desk.refresh_view();
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(
            lang.t(s::COUNTS)
                .replace("{all}", &desk.entries.len().to_string())
                .replace("{shown}", &desk.view.len().to_string())
                .replace("{bad}", &desk.damaged().to_string()),
        );
        ui.separator();
        if ui.button(lang.t(s::EXPORT_CSV)).clicked() {
            req = Some(Request::Export(false));
        }
        if ui.button(lang.t(s::EXPORT_XLSX)).clicked() {
            req = Some(Request::Export(true));
        }
        ui.separator();
        let n = desk.picked.len();
        if ui
            .add_enabled(
                (2..=MAX_COMPARED).contains(&n),
                egui::Button::new(lang.t(s::COMPARE).replace("{n}", &n.to_string())),
            )
            .on_hover_text(lang.t(s::COMPARE_HELP))
            .on_disabled_hover_text(lang.t(s::COMPARE_HELP))
            .clicked()
        {
            desk.compare_picked();
        }
        ui.checkbox(&mut desk.open_for_review, lang.t(s::OPEN_AS_REVIEW));
    });
    ui.add_space(4.0);
    if let Some(r) = rows(ui, desk, lang) {
        req = Some(r);
    }
    req
}

/// The filter bar; `true` when a filter changed.
fn filters(ui: &mut Ui, desk: &mut Desk, lang: Lang) -> bool {
    let before = desk.filter.clone();
    let fl = &mut desk.filter;
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut fl.text)
                .hint_text(lang.t(s::SEARCH))
                .desired_width(180.0),
        );
        let any = lang.t(s::ANY);
        let l = ui.label(lang.t(s::CITY));
        let r = egui::ComboBox::from_id_salt("desk-city")
            .selected_text(fl.city.map_or(any, |c| lang.pick(c.zh(), c.en())))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut fl.city, None, any);
                for c in City::ALL {
                    ui.selectable_value(&mut fl.city, Some(c), lang.pick(c.zh(), c.en()));
                }
            });
        let _ = r.response.labelled_by(l.id);
        let l = ui.label(lang.t(s::INDUSTRY));
        let r = egui::ComboBox::from_id_salt("desk-industry")
            .selected_text(fl.industry.map_or(any, |i| lang.pick(i.zh(), i.en())))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut fl.industry, None, any);
                for i in Industry::ALL {
                    ui.selectable_value(&mut fl.industry, Some(i), lang.pick(i.zh(), i.en()));
                }
            });
        let _ = r.response.labelled_by(l.id);
        let l = ui.label(lang.t(s::NEAR));
        let mut prog = fl.near.map(|(p, _)| p);
        let mut n = fl.near.map_or(1, |(_, n)| n);
        let r = egui::ComboBox::from_id_salt("desk-near")
            .selected_text(prog.map_or(any, |p| f::programme(p, lang)))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut prog, None, any);
                for p in PROGRAMMES {
                    ui.selectable_value(&mut prog, Some(p), f::programme(p, lang));
                }
            });
        let _ = r.response.labelled_by(l.id);
        if prog.is_some() {
            let text = lang.t(s::NEAR_AT_MOST);
            let (before_n, after_n) = text.split_once("{n}").unwrap_or((text, ""));
            ui.label(before_n.trim_end());
            ui.add(egui::DragValue::new(&mut n).range(0..=20));
            ui.label(after_n.trim_start());
        }
        fl.near = prog.map(|p| (p, n));
        ui.checkbox(&mut fl.damaged_only, lang.t(s::ONLY_DAMAGED));
        if ui
            .add_enabled(fl.is_set(), egui::Button::new(lang.t(s::CLEAR_FILTERS)))
            .clicked()
        {
            *fl = super::Filter::default();
        }
    });
    desk.filter != before
}

/// One cell: text cut to the width, full text on hover.
fn cell(ui: &mut Ui, width: f32, text: RichText, hover: Option<&str>) {
    let r = ui
        .allocate_ui_with_layout(
            vec2(width, ROW_HEIGHT),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.set_width(width);
                ui.add(egui::Label::new(text).truncate().selectable(false))
            },
        )
        .inner;
    if let Some(h) = hover {
        r.on_hover_text(h);
    }
}

/// The programme cell: tier reached, then what the next lacks.
fn ladder_text(row: &Row, i: usize, lang: Lang) -> (String, String) {
    let l = &row.ladders[i];
    let reached = l.reached_words(lang);
    let short = l.short_words(lang);
    let text = if short.is_empty() {
        reached.clone()
    } else {
        format!("{reached} → {short}")
    };
    let hover = match &l.next {
        Some(n) => format!(
            "{reached}\n{}",
            lang.t(s::NEXT_TIER)
                .replace("{next}", n.get(lang))
                .replace("{short}", &short)
        ),
        None => reached,
    };
    (text, hover)
}

fn header(ui: &mut Ui, desk: &mut Desk, cols: &[Col], lang: Lang) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.allocate_ui_with_layout(
            vec2(PICK_WIDTH, ROW_HEIGHT),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.set_width(PICK_WIDTH);
                ui.label(RichText::new(lang.t(s::PICK)).small())
                    .on_hover_text(lang.t(s::ROW_HELP));
            },
        );
        for c in cols {
            let mark = match desk.sort {
                Some((col, true)) if col == c.sort => " ▲",
                Some((col, false)) if col == c.sort => " ▼",
                _ => "",
            };
            let clicked = ui
                .allocate_ui_with_layout(
                    vec2(c.width, ROW_HEIGHT),
                    Layout::left_to_right(Align::Center),
                    |ui| {
                        ui.set_width(c.width);
                        ui.add(
                            egui::Button::new(RichText::new(format!("{}{mark}", c.head)).strong())
                                .frame(false)
                                .truncate(),
                        )
                    },
                )
                .inner
                .clicked();
            if clicked {
                desk.toggle_sort(c.sort);
            }
        }
    });
}

fn rows(ui: &mut Ui, desk: &mut Desk, lang: Lang) -> Option<Request> {
    let cols = columns(lang);
    let total: f32 = PICK_WIDTH + cols.iter().map(|c| c.width).sum::<f32>();
    let mut req = None;
    egui::ScrollArea::horizontal()
        .id_salt("desk-h")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_min_width(total);
            header(ui, desk, &cols, lang);
            ui.separator();
            let view = desk.view.clone();
            egui::ScrollArea::vertical()
                .id_salt("desk-v")
                .auto_shrink([false, false])
                .show_rows(ui, ROW_HEIGHT, view.len(), |ui, range| {
                    ui.spacing_mut().item_spacing.y = 0.0;
                    for vi in range {
                        let idx = view[vi];
                        if let Some(r) = row_ui(ui, desk, idx, &cols, total, lang) {
                            req = Some(r);
                        }
                    }
                });
        });
    req
}

fn row_ui(
    ui: &mut Ui,
    desk: &mut Desk,
    idx: usize,
    cols: &[Col],
    total: f32,
    lang: Lang,
) -> Option<Request> {
    let (rect, resp) = ui.allocate_exact_size(vec2(total, ROW_HEIGHT), Sense::click());
    let entry = &desk.entries[idx];
    let path = entry.path().to_path_buf();
    let picked = desk.picked.contains(&path);
    if picked {
        ui.painter().rect_filled(rect, 0.0, theme::CARD_FILL);
    }
    if resp.hovered() {
        ui.painter().rect_stroke(
            rect,
            0.0,
            (1.0, theme::CARD_STROKE),
            egui::StrokeKind::Inside,
        );
    }
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(rect)
            .layout(Layout::left_to_right(Align::Center)),
    );
    child.spacing_mut().item_spacing.x = 0.0;
    let mut tick = picked;
    child.allocate_ui_with_layout(
        vec2(PICK_WIDTH, ROW_HEIGHT),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_width(PICK_WIDTH);
            let enabled = entry.row().is_some() && (picked || desk.picked.len() < MAX_COMPARED);
            let name = entry.row().map(|r| r.name(lang)).unwrap_or_default();
            // Read out (and found by tests) as "对比 公司名".
            ui.add_enabled(enabled, egui::Checkbox::without_text(&mut tick))
                .widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::CheckBox,
                        enabled,
                        tick,
                        format!("{} {name}", lang.t(s::PICK)),
                    )
                });
        },
    );
    match entry {
        Entry::Read(row) => {
            let (mut k, mut ladder) = (0usize, 0usize);
            for c in cols {
                let (text, hover): (RichText, Option<String>) = match c.sort {
                    Column::Company => (RichText::new(row.name(lang)), Some(row.name(lang))),
                    Column::City => (row.city_words(lang).into(), None),
                    Column::Industry => (
                        row.industry_words(lang).into(),
                        Some(row.industry_words(lang).to_string()),
                    ),
                    Column::AsOf => (row.as_of.to_string().into(), None),
                    Column::Programme(_) => {
                        let (t, h) = ladder_text(row, ladder, lang);
                        ladder += 1;
                        let color = if row.ladders[ladder - 1].reached.is_some() {
                            theme::LADDER_REACHED
                        } else {
                            theme::MUTED
                        };
                        (RichText::new(t).color(color), Some(h))
                    }
                    Column::RdRatio => (
                        row.rd_ratio
                            .map_or_else(|| "—".into(), |v| f::number(v, 2))
                            .into(),
                        None,
                    ),
                    Column::FiveHaves => (
                        row.five_haves
                            .map_or_else(|| "—".into(), |v| f::number(v * 100.0, 0))
                            .into(),
                        None,
                    ),
                    Column::Missing => (
                        RichText::new(row.missing.to_string()).color(if row.missing > 0 {
                            theme::MISSING
                        } else {
                            theme::MUTED
                        }),
                        None,
                    ),
                    Column::Review => {
                        let w = row.review.words(lang);
                        (RichText::new(w.clone()), Some(w))
                    }
                    Column::File => {
                        let p = row.path.display().to_string();
                        (RichText::new(p.clone()).color(theme::MUTED), Some(p))
                    }
                };
                cell(&mut child, c.width, text, hover.as_deref());
                k += 1;
            }
            debug_assert_eq!(k, cols.len());
        }
        Entry::Damaged { path, reason } => {
            let why = format!(
                "{}{}{}",
                lang.t(s::DAMAGED),
                lang.pick("：", ": "),
                reason.get(lang)
            );
            let w: f32 = cols[..cols.len() - 1].iter().map(|c| c.width).sum();
            cell(
                &mut child,
                w,
                RichText::new(why.clone()).color(theme::ERROR_TEXT),
                Some(&why),
            );
            let p = path.display().to_string();
            cell(
                &mut child,
                cols[cols.len() - 1].width,
                RichText::new(p.clone()).color(theme::MUTED),
                Some(&p),
            );
        }
    }
    if tick != picked {
        if tick {
            desk.picked.insert(path.clone());
        } else {
            desk.picked.remove(&path);
        }
    }
    (resp.double_clicked() && desk.entries[idx].row().is_some()).then_some(Request::Open(path))
}
