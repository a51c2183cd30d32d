//! The window's side of the folder table: drawing the page, and the actions
//! it asks for (choose a folder, open a row, export, compare).

use std::path::Path;
use std::time::Duration;

use eframe::egui::{self, Context, Ui};

use super::{App, Pending};
use crate::gui::action::Action;
use crate::gui::desk::{compare, table};
use crate::gui::dialogs::Purpose;
use crate::gui::pages::Page;
use crate::i18n::{common, pages::desk as s};
use crate::report::portfolio;
use crate::storage;

impl App {
    /// Draws the folder table, or the comparison opened from it.
    pub(super) fn desk_page(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        self.desk.poll();
        if self.desk.is_loading() {
            // The worker sends once; look again shortly (no busy repaint).
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        }
        let mut request = None;
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(c) = &mut self.desk.compare {
                if compare::ui(ui, c, lang) {
                    self.desk.compare = None;
                    // Opened from the document (two rule versions), not from a folder.
                    if self.desk.root.is_none() {
                        self.page = Page::Results;
                    }
                }
                return;
            }
            request = table::ui(ui, &mut self.desk, lang);
        });
        match request {
            Some(table::Request::Open(p)) => self.actions.push(Action::OpenFromDesk(p)),
            Some(table::Request::PickFolder) => self.actions.push(Action::OpenFolder),
            Some(table::Request::Reload) => self.desk.reload(),
            Some(table::Request::Export(xlsx)) => {
                self.actions.push(Action::ExportPortfolio(xlsx));
            }
            None => {}
        }
    }

    /// Runs a folder-table action; `false` when `action` is not one.
    pub(super) fn run_desk(&mut self, ctx: &Context, action: &Action) -> bool {
        match action {
            Action::OpenFolder => {
                let dir = self.desk.root.clone().or_else(|| self.current_dir());
                self.dialogs.request(ctx, Purpose::Folder, dir, None);
            }
            Action::LoadFolder(dir) => {
                self.desk.open(dir, &self.session.registry, self.today);
                self.page = Page::Portfolio;
            }
            Action::OpenFromDesk(p) => {
                let pending = if self.desk.open_for_review {
                    Pending::OpenReviewPath(p.clone())
                } else {
                    Pending::OpenPath(p.clone())
                };
                self.guarded(ctx, pending);
            }
            Action::ExportPortfolio(xlsx) => {
                let name = format!(
                    "{}.{}",
                    self.lang.t(crate::i18n::portfolio::SHEET),
                    if *xlsx { "xlsx" } else { "csv" }
                );
                let purpose = if *xlsx {
                    Purpose::ExportPortfolioXlsx
                } else {
                    Purpose::ExportPortfolioCsv
                };
                let dir = self.desk.root.clone().or_else(|| self.current_dir());
                self.dialogs.request(ctx, purpose, dir, Some(name));
            }
            Action::ExportPortfolioTo(p, xlsx) => self.export_portfolio(p, *xlsx),
            Action::ComparePacks(ids) => {
                let as_of = self.session.as_of(self.today);
                let name = self.session.title(self.lang.t(common::UNTITLED));
                self.desk.compare_packs(
                    &self.session.doc,
                    &name,
                    ids,
                    &self.session.registry,
                    as_of,
                );
                self.page = Page::Portfolio;
            }
            _ => return false,
        }
        true
    }

    /// Writes the rows the table shows, in its order, as CSV or xlsx; never
    /// over an assessment.
    fn export_portfolio(&mut self, path: &Path, xlsx: bool) {
        let rows = self.desk.shown();
        let bytes = if xlsx {
            portfolio::xlsx(&rows, self.lang).map_err(|e| e.message(self.lang).to_string())
        } else {
            Ok(portfolio::csv(&rows, self.lang).into_bytes())
        };
        let result =
            bytes.and_then(|b| storage::save_export(path, &b).map_err(|e| e.message(self.lang)));
        match result {
            Ok(()) => {
                self.status = Some(
                    self.lang
                        .t(s::EXPORTED)
                        .replace("{file}", &path.display().to_string()),
                );
            }
            Err(e) => {
                self.error = Some(format!("{} {e}", self.lang.t(common::EXPORT_FAILED)));
            }
        }
    }
}

/// Versions of one rule pack, oldest first, paired with the next: packs of
/// the same programme whose ids differ only in the last part (`sme.2022`,
/// `sme.2026`; `tc.nat.2016`, `tc.nat.2026`).
fn version_pairs(reg: &crate::rules::Registry) -> Vec<(&crate::rules::Pack, &crate::rules::Pack)> {
    let family = |id: &str| id.rsplit_once('.').map_or(id, |(f, _)| f).to_string();
    let mut packs: Vec<&crate::rules::Pack> = reg.packs().iter().collect();
    packs.sort_by_key(|p| (family(&p.id), p.effective_from));
    packs
        .windows(2)
        .filter(|w| family(&w[0].id) == family(&w[1].id) && w[0].programme == w[1].programme)
        .map(|w| (w[0], w[1]))
        .collect()
}

impl App {
    /// File → 按两版规则对比…: one entry per pair of versions of a pack.
    pub(super) fn compare_packs_menu(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        ui.menu_button(lang.t(s::COMPARE_PACKS), |ui| {
            for (old, new) in version_pairs(&self.session.registry) {
                let text = format!("{} → {}", old.title.get(lang), new.title.get(lang));
                if ui.button(text).clicked() {
                    self.actions
                        .push(Action::ComparePacks(vec![old.id.clone(), new.id.clone()]));
                }
            }
        });
    }
}
