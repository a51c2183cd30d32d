//! The window: owns the session, lays out the panels, runs actions after
//! each frame, autosaves a recovery copy, and asks before losing changes.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use eframe::egui::{
    self, Context, Key, KeyboardShortcut, Modifiers, RichText, Ui, ViewportCommand,
};

use crate::gui::action::Action;
use crate::gui::dialogs::{Dialogs, Purpose};
use crate::gui::package_ui::{Form, Outcome, PackageUi};
use crate::gui::pages::{self, Page, PageCtx};
use crate::gui::prefs::{DataDir, Prefs, Recovery};
use crate::gui::session::Session;
use crate::gui::widgets::{Env, focus};
use crate::gui::{Launch, screenshot, theme};
use crate::i18n::pages::{desk as desk_words, welcome};
use crate::i18n::{Lang, common};
use crate::model::{Assessment, Severity, Step, completion};
use crate::rules::Registry;
use crate::storage;

mod desk_page;

/// Seconds of unsaved changes before a recovery copy is written.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// An action that discards the document, waiting for "save changes?".
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    New,
    Open,
    ImportXlsx,
    OpenReview,
    OpenPath(PathBuf),
    OpenReviewPath(PathBuf),
    OpenSample(&'static str),
    Quit,
}

/// The answer to "save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveChoice {
    /// Save first, then go on.
    Save,
    /// Go on and lose the changes.
    DontSave,
    /// Stay on the document.
    Cancel,
}

/// The yearly columns of the open document: the Y−1 they had when it was
/// opened, to tell the user when the as-of date moves them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    /// [`Session::opened`] when `origin` was taken.
    opened: u64,
    /// Y−1 when the document was opened.
    origin: i32,
}

/// The application state.
pub struct App {
    /// The open document.
    pub session: Session,
    /// Interface language.
    pub lang: Lang,
    /// Page shown.
    pub page: Page,
    /// Commands queued during the frame.
    pub actions: Vec<Action>,
    /// Preferences (language, recent files).
    pub prefs: Prefs,
    /// Last error shown to the user, if not yet dismissed.
    pub error: Option<String>,
    data: DataDir,
    dialogs: Dialogs,
    confirm: Option<Pending>,
    after_save: Option<Pending>,
    recovery_offer: Option<Recovery>,
    last_edit: Option<f64>,
    autosaved: bool,
    close_allowed: bool,
    title: String,
    today: NaiveDate,
    screenshot: Option<screenshot::Capture>,
    status: Option<String>,
    /// The list of input problems is open.
    issues_open: bool,
    /// A field to bring into view on the next frame (from the issue list).
    focus: Option<String>,
    /// The field found last, outlined until the time given.
    highlight: Option<(String, f64)>,
    /// The widget that had keyboard focus last frame (an edit ends when it changes).
    last_focus: Option<egui::Id>,
    columns: Option<Columns>,
    /// The application package: its form, the build running, its problems.
    package: PackageUi,
    /// The cells the last import could not read, until dismissed.
    import_problems: Option<Vec<String>>,
    /// The folder table (文件 → 打开文件夹…) and its comparison.
    desk: crate::gui::desk::Desk,
    /// Attaching evidence: the item a file is being chosen for.
    attaching: Attaching,
}

/// The window's state while attaching evidence.
#[derive(Debug, Default)]
struct Attaching {
    /// The evidence item a file is being chosen for (criterion id, item).
    target: Option<(String, usize)>,
    /// Whether the window was away from the focus last frame (regaining it
    /// re-checks the attached files, which may have changed meanwhile).
    away: bool,
}

impl App {
    /// Starts on `launch.file`; else, for a screenshot, on the bundled
    /// sample; else on the last file opened or saved (the first of the
    /// recent files), or the welcome page when there is none or it cannot be
    /// read. Offers the recovery copy.
    #[must_use]
    pub fn new(ctx: &Context, launch: Launch, data: DataDir) -> App {
        ctx.set_visuals(theme::visuals());
        ctx.all_styles_mut(theme::text_styles);
        let mut prefs = Prefs::load(&data);
        let lang = launch.lang.unwrap_or(prefs.lang);
        let mut error = None;
        let mut status = None;
        let registry = Registry::bundled().unwrap_or_default();
        let mut page = Page::Results;
        let mut sample = None;
        // A folder given to the window opens the folder table.
        let folder = launch.file.clone().filter(|p| p.is_dir());
        let file = launch.file.clone().filter(|p| !p.is_dir());
        let (doc, path) = match (&file, &launch.screenshot) {
            (Some(p), _) => match storage::load(p) {
                Ok(l) => (l.assessment, Some(p.clone())),
                Err(e) => {
                    error = Some(format!(
                        "{} {}",
                        lang.t(common::OPEN_FAILED),
                        e.message(lang)
                    ));
                    (Assessment::default(), None)
                }
            },
            (None, Some(_)) => {
                sample = Some(storage::DEFAULT_SAMPLE.to_string());
                (
                    storage::sample(storage::DEFAULT_SAMPLE).unwrap_or_default(),
                    None,
                )
            }
            (None, None) => {
                if let Some(last) = prefs.recent.first() {
                    match storage::load(last) {
                        Ok(l) => (l.assessment, Some(last.clone())),
                        Err(e) => {
                            page = Page::Welcome;
                            status = Some(format!(
                                "{} {}",
                                lang.t(welcome::LAST_FAILED),
                                e.message(lang)
                            ));
                            (Assessment::default(), None)
                        }
                    }
                } else {
                    page = Page::Welcome;
                    (Assessment::default(), None)
                }
            }
        };
        let mut session = Session::new(doc, path, registry);
        session.load_review();
        // `innocheck review open FILE`: the answers read-only.
        session.reviewing = launch.review && session.path.is_some();
        session.sample = sample;
        if launch.rules_dir.is_some()
            && let Err(e) = session.load_rules(launch.rules_dir.clone())
        {
            error = Some(e.to_string());
        }
        let screenshot = launch.screenshot.map(screenshot::Capture::new);
        let today = crate::clock::today();
        let mut desk = crate::gui::desk::Desk::new();
        if let Some(dir) = &folder {
            page = Page::Portfolio;
            if screenshot.is_some() {
                // One picture of the full table: read before the first frame.
                let found = storage::scan::assessments_under(dir, true);
                let entries =
                    crate::report::portfolio::load_all(found, &session.registry, None, today);
                desk.show_entries(dir, entries, &session.registry);
            } else {
                desk.open(dir, &session.registry, today);
            }
        }
        if let Some(shot) = &screenshot {
            page = shot.spec.page;
        }
        // A file given to the window (typed, or double-clicked through "Open
        // with") is the last file opened, as one opened from the menu.
        if screenshot.is_none()
            && file.is_some()
            && let Some(p) = &session.path
        {
            prefs.remember(p);
            if let Err(e) = prefs.save(&data) {
                status = Some(format!(
                    "{} {}",
                    lang.t(common::PREFS_FAILED),
                    e.message(lang)
                ));
            }
        }
        let recovery_offer = if screenshot.is_none() {
            Recovery::load(&data)
        } else {
            None
        };
        let dialogs = if screenshot.is_some() {
            Dialogs::in_app_only()
        } else {
            Dialogs::native()
        };
        App {
            session,
            lang,
            page,
            actions: Vec::new(),
            prefs,
            error,
            data,
            dialogs,
            confirm: None,
            after_save: None,
            recovery_offer,
            last_edit: None,
            autosaved: false,
            close_allowed: false,
            title: String::new(),
            today,
            screenshot,
            status,
            issues_open: false,
            focus: None,
            highlight: None,
            last_focus: None,
            columns: None,
            package: PackageUi::default(),
            import_problems: None,
            desk,
            attaching: Attaching::default(),
        }
    }

    /// An app for tests: no native dialogs, nothing persisted unless `data` says so.
    #[must_use]
    pub fn for_tests(ctx: &Context, doc: Assessment, data: DataDir) -> App {
        let mut app = App::new(ctx, Launch::default(), data);
        app.dialogs = Dialogs::in_app_only();
        app.session.replace(doc, None, true);
        app.page = Page::Results;
        app.recovery_offer = None;
        app.error = None;
        app.status = None;
        app
    }

    /// The folder table.
    #[must_use]
    pub fn desk(&self) -> &crate::gui::desk::Desk {
        &self.desk
    }

    /// The folder table, to change (tests pick rows and filters through it).
    pub fn desk_mut(&mut self) -> &mut crate::gui::desk::Desk {
        &mut self.desk
    }

    /// Replaces the native file dialogs by the in-app path field only
    /// (tests of the real start, which have no dialog service).
    pub fn use_in_app_dialogs(&mut self) {
        self.dialogs = Dialogs::in_app_only();
    }

    /// The message in the status bar, if any.
    #[must_use]
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// The cells the last import could not read, while their list is shown.
    #[must_use]
    pub fn import_problems(&self) -> Option<&[String]> {
        self.import_problems.as_deref()
    }

    /// Whether the issue list is open.
    #[must_use]
    pub fn issues_open(&self) -> bool {
        self.issues_open
    }

    /// Whether a modal (a file choice, a question, an error, the issue
    /// list) covers the window; shortcuts underneath wait until it closes.
    #[must_use]
    pub fn modal_open(&self) -> bool {
        self.dialogs.is_open()
            || self.confirm.is_some()
            || self.recovery_offer.is_some()
            || self.error.is_some()
            || self.issues_open
            || self.import_problems.is_some()
    }

    /// Closes the topmost modal (Escape): an error, then "save changes?",
    /// then the issue list, then a file choice, then the recovery offer (kept
    /// on disk, offered again at the next start).
    fn close_top_modal(&mut self) {
        if self.error.is_some() {
            self.error = None;
        } else if self.confirm.is_some() {
            self.confirm = None;
        } else if self.issues_open {
            self.issues_open = false;
        } else if self.import_problems.is_some() {
            self.import_problems = None;
        } else if self.dialogs.is_open() {
            self.dialogs.close();
            self.after_save = None;
        } else {
            self.recovery_offer = None;
        }
    }

    /// Saves the preferences; a failure is said in the status bar, naming the file.
    fn save_prefs(&mut self) {
        if let Err(e) = self.prefs.save(&self.data) {
            self.status = Some(format!("{} {e}", self.lang.t(common::PREFS_FAILED)));
        }
    }

    /// Whether the as-of date has moved the yearly columns away from those
    /// the document had when it was opened.
    fn years_shifted(&mut self) -> bool {
        let y1 = self.session.as_of(self.today).year() - 1;
        let opened = self.session.opened();
        match self.columns {
            Some(c) if c.opened == opened => c.origin != y1,
            _ => {
                self.columns = Some(Columns { opened, origin: y1 });
                false
            }
        }
    }

    /// Ends the current undo step when an edit is complete: the keyboard
    /// focus moved (to another field, or away), or `changed` by a click
    /// (a choice, a button) rather than by typing in a field that keeps focus.
    fn undo_checkpoints(&mut self, ctx: &Context, changed: bool) {
        let focused = ctx.memory(egui::Memory::focused);
        if focused != self.last_focus {
            self.last_focus = focused;
            self.session.checkpoint();
        }
        let typing = ctx.text_edit_focused();
        if changed && !typing {
            self.session.checkpoint();
        }
    }

    /// Fixes "today" (tests and screenshots of fixed dates).
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = today;
        self.session.touch();
    }

    fn shortcuts(&mut self, ctx: &Context) {
        let cmd = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
        let cmd_shift = |k| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, k);
        ctx.input_mut(|i| {
            // Longer combinations first, so Ctrl+Shift+S is not taken for Ctrl+S.
            if i.consume_shortcut(&cmd_shift(Key::Z)) {
                self.actions.push(Action::Redo);
            }
            if i.consume_shortcut(&cmd_shift(Key::S)) {
                self.actions.push(Action::SaveAs);
            }
            if i.consume_shortcut(&cmd(Key::Z)) {
                self.actions.push(Action::Undo);
            }
            if i.consume_shortcut(&cmd(Key::Y)) {
                self.actions.push(Action::Redo);
            }
            if i.consume_shortcut(&cmd(Key::S)) {
                self.actions.push(Action::Save);
            }
            if i.consume_shortcut(&cmd(Key::O)) {
                self.actions.push(Action::Open);
            }
            if i.consume_shortcut(&cmd(Key::P)) {
                self.actions.push(Action::ExportPdf);
            }
            if i.consume_shortcut(&cmd(Key::N)) {
                self.actions.push(Action::New);
            }
        });
    }

    /// Draws one frame (the eframe entry point and the test harness call this).
    pub fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.modal_open() {
            // A modal takes the keyboard: no shortcut acts on what it covers.
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
                self.close_top_modal();
                ctx.request_repaint();
            }
        } else if self.screenshot.is_none() {
            self.shortcuts(&ctx);
        }
        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_allowed
            && self.session.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.confirm = Some(Pending::Quit);
        }
        self.session.refresh(self.today);
        self.session.refresh_review(self.lang);
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        if focused && self.attaching.away {
            self.session.recheck_attachments();
        }
        self.attaching.away = !focused;
        self.session.refresh_attachments();
        self.menu_bar(ui);
        self.status_bar(ui);
        if !matches!(self.page, Page::Welcome | Page::Portfolio) {
            self.wizard_panel(ui);
        }
        // An edit ends when the focus moves: before this frame's typing.
        self.undo_checkpoints(&ctx, false);
        let changed = self.content(ui);
        self.unplaced_drop(&ctx);
        focus::end_frame(&ctx);
        self.undo_checkpoints(&ctx, changed);
        if changed {
            self.session.touch();
            self.last_edit = Some(ctx.input(|i| i.time));
            self.autosaved = false;
            ctx.request_repaint();
        }
        self.modals(&ctx);
        let actions = std::mem::take(&mut self.actions);
        if !actions.is_empty() {
            // Commands change what this frame has already drawn (a page, an error,
            // a dialog): draw once more, or it would wait for the next input.
            ctx.request_repaint();
        }
        for c in actions {
            self.run(&ctx, c);
        }
        self.autosave(&ctx);
        let untouched = self.session.path.is_none()
            && self.session.sample.is_none()
            && !self.session.is_dirty();
        let title = if self.page == Page::Welcome && untouched {
            "innocheck".to_string()
        } else {
            self.session.title(self.lang.t(common::UNTITLED))
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if let Some(shot) = &mut self.screenshot
            && shot.step(&ctx)
        {
            self.close_allowed = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(lang.t(common::MENU_FILE), |ui| {
                    if ui
                        .add(egui::Button::new(lang.t(common::NEW)).shortcut_text("Ctrl+N"))
                        .clicked()
                    {
                        self.actions.push(Action::New);
                    }
                    if ui
                        .add(egui::Button::new(lang.t(common::OPEN)).shortcut_text("Ctrl+O"))
                        .clicked()
                    {
                        self.actions.push(Action::Open);
                    }
                    if ui.button(lang.t(common::OPEN_REVIEW)).clicked() {
                        self.actions.push(Action::OpenReview);
                    }
                    if ui
                        .button(lang.t(crate::i18n::workbook::MENU_IMPORT))
                        .clicked()
                    {
                        self.actions.push(Action::ImportXlsx);
                    }
                    if ui.button(lang.t(desk_words::OPEN_FOLDER)).clicked() {
                        self.actions.push(Action::OpenFolder);
                    }
                    if self.desk.root.is_some()
                        && self.page != Page::Portfolio
                        && ui.button(lang.t(desk_words::BACK_TO_LIST)).clicked()
                    {
                        self.actions.push(Action::Show(Page::Portfolio));
                    }
                    self.compare_packs_menu(ui);
                    ui.menu_button(lang.t(common::OPEN_RECENT), |ui| {
                        if self.prefs.recent.is_empty() {
                            ui.label(lang.t(common::NO_RECENT));
                        }
                        for p in self.prefs.recent.clone() {
                            if ui.button(p.display().to_string()).clicked() {
                                self.actions.push(Action::OpenPath(p));
                            }
                        }
                    });
                    ui.menu_button(lang.t(common::OPEN_SAMPLE), |ui| {
                        for (name, _) in storage::SAMPLES {
                            if ui.button(*name).clicked() {
                                self.actions.push(Action::OpenSample(name));
                            }
                        }
                    });
                    if ui.button(lang.t(welcome::TITLE)).clicked() {
                        self.actions.push(Action::Show(Page::Welcome));
                    }
                    ui.separator();
                    if ui
                        .add(egui::Button::new(lang.t(common::SAVE)).shortcut_text("Ctrl+S"))
                        .clicked()
                    {
                        self.actions.push(Action::Save);
                    }
                    if ui
                        .add(
                            egui::Button::new(lang.t(common::SAVE_AS))
                                .shortcut_text("Ctrl+Shift+S"),
                        )
                        .clicked()
                    {
                        self.actions.push(Action::SaveAs);
                    }
                    ui.separator();
                    if ui
                        .add(egui::Button::new(lang.t(common::EXPORT_PDF)).shortcut_text("Ctrl+P"))
                        .clicked()
                    {
                        self.actions.push(Action::ExportPdf);
                    }
                    if ui.button(lang.t(common::EXPORT_XLSX)).clicked() {
                        self.actions.push(Action::ExportXlsx);
                    }
                    if ui
                        .add_enabled(
                            !self.package.busy(),
                            egui::Button::new(lang.t(crate::i18n::package::MENU)),
                        )
                        .clicked()
                    {
                        self.actions.push(Action::Package);
                    }
                    ui.separator();
                    if ui.button(lang.t(crate::i18n::attach::GUI_ADD)).clicked() {
                        self.actions.push(Action::ShowEvidence);
                    }
                    ui.separator();
                    if ui.button(lang.t(common::QUIT)).clicked() {
                        self.actions.push(Action::Quit);
                    }
                });
                ui.menu_button(lang.t(common::MENU_EDIT), |ui| {
                    let (can_undo, can_redo) = self.session.can_undo_redo();
                    if ui
                        .add_enabled(
                            can_undo,
                            egui::Button::new(lang.t(common::UNDO)).shortcut_text("Ctrl+Z"),
                        )
                        .clicked()
                    {
                        self.actions.push(Action::Undo);
                    }
                    if ui
                        .add_enabled(
                            can_redo,
                            egui::Button::new(lang.t(common::REDO)).shortcut_text("Ctrl+Shift+Z"),
                        )
                        .clicked()
                    {
                        self.actions.push(Action::Redo);
                    }
                });
                if ui.button(lang.t(common::LANGUAGE)).clicked() {
                    self.actions.push(Action::SetLang(lang.other()));
                }
            });
        });
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        let welcome = matches!(self.page, Page::Welcome | Page::Portfolio);
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                if welcome {
                    // No document yet: only a message, if any.
                    if let Some(s) = &self.status {
                        ui.label(RichText::new(s).small().color(theme::MUTED));
                    }
                    return;
                }
                let path = match (&self.session.path, &self.session.sample) {
                    (Some(p), _) => p.display().to_string(),
                    (None, Some(s)) => format!("{}{s}", lang.t(common::SAMPLE)),
                    (None, None) => lang.t(common::UNTITLED).to_string(),
                };
                ui.label(RichText::new(path).small());
                ui.separator();
                if self.session.reviewing {
                    ui.label(
                        RichText::new(lang.t(common::REVIEW_MODE))
                            .small()
                            .strong()
                            .color(theme::REVIEW),
                    );
                    ui.separator();
                }
                let errors = self
                    .session
                    .issues()
                    .iter()
                    .filter(|i| i.severity == Severity::Error)
                    .count();
                let warnings = self.session.issues().len() - errors;
                let color = if errors > 0 {
                    theme::ERROR_TEXT
                } else {
                    theme::MUTED
                };
                let text = lang
                    .t(common::ISSUES_BUTTON)
                    .replace("{errors}", &errors.to_string())
                    .replace("{warnings}", &warnings.to_string());
                if ui
                    .add(egui::Button::new(RichText::new(text).small().color(color)).small())
                    .on_hover_text(lang.t(common::ISSUES_HELP))
                    .clicked()
                {
                    self.issues_open = !self.issues_open;
                }
                if self.session.is_dirty() {
                    ui.separator();
                    ui.label(
                        RichText::new(lang.t(common::UNSAVED))
                            .small()
                            .color(theme::MISSING),
                    );
                }
                if let Some(s) = &self.status {
                    ui.separator();
                    ui.label(RichText::new(s).small().color(theme::MUTED));
                }
            });
        });
    }

    fn wizard_panel(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        let as_of = self.session.as_of(self.today);
        egui::Panel::left("wizard")
            .exact_size(theme::WIZARD_WIDTH)
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.label(RichText::new(lang.t(common::STEPS)).strong());
                ui.add_space(4.0);
                for (i, page) in Page::ALL.iter().enumerate() {
                    let mark = match page {
                        Page::Step(step) => {
                            let c = completion(&self.session.doc, *step, as_of);
                            if c.done() {
                                "✓".to_string()
                            } else {
                                format!("{}/{}", c.filled, c.total)
                            }
                        }
                        Page::Results => "→".to_string(),
                        Page::Welcome | Page::Portfolio => String::new(),
                    };
                    let text = format!("{}. {}  {mark}", i + 1, lang.t(page.title()));
                    if ui.selectable_label(self.page == *page, text).clicked() {
                        self.actions.push(Action::Show(*page));
                    }
                }
            });
    }

    fn content(&mut self, ui: &mut Ui) -> bool {
        crate::gui::widgets::set_ui_lang(ui.ctx(), self.lang);
        if self.page == Page::Portfolio {
            self.desk_page(ui);
            return false;
        }
        let years_shifted = self.years_shifted();
        let now = ui.ctx().input(|i| i.time);
        self.highlight = self.highlight.take().filter(|(_, until)| *until > now);
        if let Some((_, until)) = &self.highlight {
            ui.ctx()
                .request_repaint_after(Duration::from_secs_f64(until - now + 0.05));
        }
        let request = focus::Request::new(
            self.focus.take(),
            self.highlight.as_ref().map(|(f, _)| f.clone()),
        );
        let reviewing = self.session.reviewing;
        let parts = self.session.parts(self.today);
        let env = Env {
            lang: self.lang,
            packs: &parts.packs,
            issues: parts.issues,
            as_of: parts.as_of,
            focus: &request,
        };
        let mut ctx = PageCtx {
            env,
            doc: parts.doc,
            evaluation: parts.evaluation,
            registry: parts.registry,
            pack_ids: parts.pack_ids,
            years_shifted,
            rules_dir: parts.rules_dir,
            recent: &self.prefs.recent,
            review: parts.review,
            reviewing,
            today: self.today,
            attachment_statuses: parts.attachment_statuses,
            actions: &mut self.actions,
            changed: false,
        };
        let page = self.page;
        if matches!(page, Page::Step(_)) {
            egui::Panel::right("summary")
                .exact_size(theme::SUMMARY_WIDTH)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("summary-scroll")
                        .show(ui, |ui| {
                            pages::results::summary_ui(ui, &mut ctx);
                        });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(page.slug())
                .show(ui, |ui| {
                    pages::show(ui, page, &mut ctx);
                    if let Page::Step(_) = page {
                        ui.add_space(theme::SECTION_GAP);
                        ui.horizontal(|ui| {
                            let (prev, next) = page.neighbours();
                            if let Some(p) = prev
                                && ui
                                    .button(format!("← {}", ctx.env.t(common::PREVIOUS)))
                                    .clicked()
                            {
                                ctx.actions.push(Action::Show(p));
                            }
                            if let Some(n) = next
                                && ui
                                    .button(format!("{} →", ctx.env.t(common::NEXT)))
                                    .clicked()
                            {
                                ctx.actions.push(Action::Show(n));
                            }
                        });
                    }
                });
        });
        ctx.changed
    }

    fn modals(&mut self, ctx: &Context) {
        let lang = self.lang;
        let choosing = self.dialogs.is_open();
        let chosen = self.dialogs.ui(ctx, lang);
        if choosing && chosen.is_none() && !self.dialogs.is_open() {
            // The file choice was cancelled: whatever waited on a save waits no more.
            self.after_save = None;
        }
        if let Some((purpose, path)) = chosen {
            self.actions.push(match purpose {
                // "Save changes?" was asked before the dialog opened.
                Purpose::Open => Action::OpenChosen(path),
                Purpose::OpenReview => Action::OpenReviewChosen(path),
                Purpose::Save => Action::SaveTo(path),
                Purpose::RulesDir => Action::LoadRulesDir(Some(path)),
                Purpose::ExportPdf => Action::ExportPdfTo(path),
                Purpose::ExportXlsx => Action::ExportXlsxTo(path),
                Purpose::ExportPackage => Action::PackageTo(path),
                Purpose::ImportXlsx => Action::ImportXlsxChosen(path),
                Purpose::Folder => Action::LoadFolder(path),
                Purpose::ExportPortfolioCsv => Action::ExportPortfolioTo(path, false),
                Purpose::ExportPortfolioXlsx => Action::ExportPortfolioTo(path, true),
                Purpose::Attach => match self.attaching.target.take() {
                    Some((criterion, item)) => Action::AttachPaths {
                        criterion,
                        item,
                        paths: vec![path],
                    },
                    None => return,
                },
            });
        }
        if self.package.ui(ctx, lang, self.session.evaluation()) {
            let stem = self
                .session
                .path
                .as_ref()
                .and_then(|p| p.file_stem())
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let name = format!("{stem}-{}.pdf", lang.t(crate::i18n::package::TITLE));
            let dir = self.current_dir();
            self.dialogs
                .request(ctx, Purpose::ExportPackage, dir, Some(name));
        }
        self.poll_package();
        if let Some(pending) = self.confirm.clone() {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("confirm-save")).show(ctx, |ui| {
                ui.heading(lang.t(common::SAVE_CHANGES_TITLE));
                ui.label(lang.t(common::SAVE_CHANGES_BODY));
                ui.horizontal(|ui| {
                    for (c, tr) in [
                        (SaveChoice::Save, common::SAVE),
                        (SaveChoice::DontSave, common::DONT_SAVE),
                        (SaveChoice::Cancel, common::CANCEL),
                    ] {
                        if ui.button(lang.t(tr)).clicked() {
                            choice = Some(c);
                        }
                    }
                });
            });
            match choice {
                Some(SaveChoice::Save) => {
                    self.confirm = None;
                    self.after_save = Some(pending);
                    self.actions.push(Action::Save);
                }
                Some(SaveChoice::DontSave) => {
                    self.confirm = None;
                    Recovery::clear(&self.data);
                    self.perform(ctx, pending);
                }
                Some(SaveChoice::Cancel) => self.confirm = None,
                None => {}
            }
        }
        if let Some(rec) = self.recovery_offer.clone() {
            egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
                ui.heading(lang.t(common::RECOVERY_TITLE));
                ui.label(lang.t(common::RECOVERY_BODY));
                if let Some(p) = &rec.original {
                    ui.label(RichText::new(p.display().to_string()).small());
                }
                ui.label(RichText::new(&rec.assessment.company.name).strong());
                ui.horizontal(|ui| {
                    if ui.button(lang.t(common::RESTORE)).clicked() {
                        self.actions.push(Action::RestoreRecovery(
                            Box::new(rec.assessment.clone()),
                            rec.original.clone(),
                        ));
                    }
                    if ui.button(lang.t(common::DISCARD)).clicked() {
                        self.actions.push(Action::DiscardRecovery);
                    }
                });
            });
        }
        if self.issues_open {
            self.issue_list(ctx);
        }
        super::import::problems_modal(ctx, lang, &mut self.import_problems);
        if let Some(msg) = self.error.clone() {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading(RichText::new(lang.t(common::ERROR)).color(theme::ERROR_TEXT));
                ui.label(msg);
                if ui.button(lang.t(common::OK)).clicked() {
                    close = true;
                }
            });
            if close {
                self.error = None;
            }
        }
    }

    /// The list of input problems (the same as `innocheck validate`): each
    /// a button that shows its field.
    fn issue_list(&mut self, ctx: &Context) {
        let lang = self.lang;
        let mut go = None;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("issue-list")).show(ctx, |ui| {
            ui.set_width(ctx.content_rect().width().clamp(320.0, 720.0) - 80.0);
            ui.heading(lang.t(common::ISSUES_TITLE));
            ui.label(RichText::new(lang.t(common::ISSUES_HELP)).color(theme::MUTED));
            ui.add_space(6.0);
            let issues = self.session.issues();
            if issues.is_empty() {
                ui.label(lang.t(common::ISSUES_NONE));
            }
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.6)
                .show(ui, |ui| {
                    for issue in issues {
                        let (tag, color) = match issue.severity {
                            Severity::Error => (common::ISSUE_ERROR, theme::ERROR_TEXT),
                            Severity::Warning => (common::ISSUE_WARNING, theme::WARNING_TEXT),
                        };
                        let mut job = egui::text::LayoutJob::default();
                        let body = egui::TextStyle::Body.resolve(ui.style());
                        let fmt = |color| egui::TextFormat {
                            font_id: body.clone(),
                            color,
                            ..Default::default()
                        };
                        let text = ui.visuals().text_color();
                        job.append(&format!("{}  ", lang.t(tag)), 0.0, fmt(color));
                        job.append(
                            &crate::i18n::fields::field_name_of_id(&issue.field, lang),
                            0.0,
                            fmt(text),
                        );
                        job.append(
                            &format!(
                                "{}{}",
                                lang.pick("：", ": "),
                                lang.pick(&issue.zh, &issue.en)
                            ),
                            0.0,
                            fmt(color),
                        );
                        let b = egui::Button::new(job).wrap().frame(false);
                        let r = ui
                            .with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
                                ui.add(b)
                            })
                            .inner;
                        if r.on_hover_cursor(egui::CursorIcon::PointingHand).clicked() {
                            go = Some(issue.field.clone());
                        }
                    }
                });
            ui.add_space(6.0);
            if ui.button(lang.t(common::CLOSE)).clicked() {
                close = true;
            }
        });
        if let Some(field) = go {
            self.page = Page::of_field(&field);
            let now = ctx.input(|i| i.time);
            self.highlight = Some((field.clone(), now + focus::HIGHLIGHT_SECONDS));
            self.focus = Some(field);
            self.issues_open = false;
        } else if close {
            self.issues_open = false;
        }
    }

    fn guarded(&mut self, ctx: &Context, action: Pending) {
        if self.session.is_dirty() {
            self.confirm = Some(action);
        } else {
            self.perform(ctx, action);
        }
    }

    fn perform(&mut self, ctx: &Context, action: Pending) {
        match action {
            Pending::New => {
                self.session.replace(Assessment::default(), None, true);
                self.page = Page::Step(Step::Company);
                self.status = None;
            }
            Pending::Open => {
                let dir = self.current_dir();
                self.dialogs.request(ctx, Purpose::Open, dir, None);
            }
            Pending::OpenReview => {
                let dir = self.current_dir();
                self.dialogs.request(ctx, Purpose::OpenReview, dir, None);
            }
            Pending::ImportXlsx => {
                let dir = self.current_dir();
                self.dialogs.request(ctx, Purpose::ImportXlsx, dir, None);
            }
            Pending::OpenPath(p) => {
                let from_desk = self.page == Page::Portfolio;
                self.open_path(&p);
                if from_desk && self.session.path.as_deref() == Some(p.as_path()) {
                    self.page = Page::Results;
                }
            }
            Pending::OpenReviewPath(p) => self.open_for_review(&p),
            Pending::OpenSample(name) => match storage::sample(name) {
                Ok(a) => {
                    self.session.replace(a, None, true);
                    self.session.sample = Some(name.to_string());
                    self.leave_welcome();
                }
                Err(e) => self.error = Some(e.message(self.lang)),
            },
            Pending::Quit => {
                self.close_allowed = true;
                Recovery::clear(&self.data);
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// A document was opened from the welcome page: show its results.
    fn leave_welcome(&mut self) {
        if self.page == Page::Welcome {
            self.page = Page::Results;
        }
    }

    fn current_dir(&self) -> Option<PathBuf> {
        self.session
            .path
            .as_ref()
            .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
            .or_else(DataDir::documents)
    }

    /// Opens `path`; a damaged file leaves the document unchanged and shows why.
    pub fn open_path(&mut self, path: &std::path::Path) {
        match self.session.open(path) {
            Ok(()) => {
                self.prefs.remember(path);
                self.status = None;
                self.save_prefs();
                self.leave_welcome();
                // The answers opened; only their review could not be read.
                if let Some(e) = &self.session.review_error {
                    self.error = Some(e.message(self.lang));
                }
            }
            Err(e) => {
                self.error = Some(format!(
                    "{} {}",
                    self.lang.t(common::OPEN_FAILED),
                    e.message(self.lang)
                ));
            }
        }
    }

    /// Imports the answers workbook at `path` as a new, unsaved document
    /// (nothing is written); the cells it could not read are listed. A file
    /// that is no workbook leaves the document unchanged and says why.
    pub fn import_xlsx(&mut self, path: &std::path::Path) {
        match crate::storage::xlsx_import::import_file(path) {
            Ok(imported) => {
                self.session.replace(imported.assessment, None, false);
                self.status = Some(
                    self.lang
                        .t(crate::i18n::workbook::IMPORTED)
                        .replace("{file}", &path.display().to_string()),
                );
                self.page = Page::Step(Step::Company);
                self.import_problems = (!imported.problems.is_empty()).then(|| {
                    imported
                        .problems
                        .iter()
                        .map(|p| p.message(self.lang))
                        .collect()
                });
            }
            Err(e) => {
                self.error = Some(format!(
                    "{} {}",
                    self.lang.t(common::OPEN_FAILED),
                    e.message(self.lang)
                ));
            }
        }
    }

    /// Opens `path` in review mode: the answers read-only, never saved; the
    /// review beside the file is created when the first note is added.
    pub fn open_for_review(&mut self, path: &std::path::Path) {
        self.open_path(path);
        if self.session.path.as_deref() == Some(path) {
            self.session.reviewing = true;
            self.page = Page::Results;
        }
    }

    /// Adds `note` to the review beside the open file and saves the review
    /// (atomically, with a backup); the assessment is not written.
    fn add_review_note(&mut self, note: crate::storage::review::Note) {
        use crate::storage::review::{Review, save_review};
        let Some(path) = self.session.path.clone() else {
            return;
        };
        let mut review = self
            .session
            .review
            .clone()
            .unwrap_or_else(|| Review::of(&self.session.doc));
        review.add(&self.session.doc, note);
        match save_review(&path, &review) {
            Ok(()) => {
                self.session.load_review();
                self.status = Some(
                    self.lang
                        .t(common::REVIEW_NOTE_SAVED)
                        .replace("{n}", &review.notes.len().to_string()),
                );
            }
            Err(e) => self.error = Some(e.message(self.lang)),
        }
    }

    /// Saves to `path`; on success remembers it and runs a pending action.
    pub fn save_to(&mut self, ctx: &Context, path: &std::path::Path) {
        match self.session.save_to(path) {
            Ok(()) => {
                self.prefs.remember(path);
                Recovery::clear(&self.data);
                self.status = Some(format!("{} {}", self.lang.t(common::SAVED), path.display()));
                self.save_prefs();
                if let Some(next) = self.after_save.take() {
                    self.perform(ctx, next);
                }
            }
            Err(e) => {
                self.after_save = None;
                self.error = Some(format!(
                    "{} {}",
                    self.lang.t(common::SAVE_FAILED),
                    e.message(self.lang)
                ));
            }
        }
    }

    fn run(&mut self, ctx: &Context, c: Action) {
        if self.run_desk(ctx, &c) {
            return;
        }
        match c {
            Action::New => self.guarded(ctx, Pending::New),
            Action::Open => self.guarded(ctx, Pending::Open),
            Action::OpenPath(p) => self.guarded(ctx, Pending::OpenPath(p)),
            Action::OpenChosen(p) => self.open_path(&p),
            Action::OpenReview => self.guarded(ctx, Pending::OpenReview),
            Action::ImportXlsx => self.guarded(ctx, Pending::ImportXlsx),
            Action::ImportXlsxChosen(p) => self.import_xlsx(&p),
            Action::OpenReviewChosen(p) => self.open_for_review(&p),
            Action::AddReviewNote(note) => self.add_review_note(note),
            Action::OpenSample(n) => self.guarded(ctx, Pending::OpenSample(n)),
            Action::Quit => self.guarded(ctx, Pending::Quit),
            // Review mode never writes the answers.
            Action::Save | Action::SaveAs if self.session.reviewing => {
                self.status = Some(self.lang.t(common::REVIEW_MODE).to_string());
            }
            Action::Save => match self.session.path.clone() {
                Some(p) => self.save_to(ctx, &p),
                None => self.run(ctx, Action::SaveAs),
            },
            Action::SaveAs => {
                let name = format!(
                    "{}.ron",
                    if self.session.doc.company.name.trim().is_empty() {
                        "innocheck"
                    } else {
                        self.session.doc.company.name.trim()
                    }
                );
                let dir = self.current_dir();
                self.dialogs.request(ctx, Purpose::Save, dir, Some(name));
            }
            Action::SaveTo(p) => self.save_to(ctx, &p),
            Action::ExportPdf | Action::ExportXlsx => {
                let pdf = c == Action::ExportPdf;
                let stem = self
                    .session
                    .path
                    .as_ref()
                    .and_then(|p| p.file_stem())
                    .map_or_else(
                        || "innocheck".to_string(),
                        |s| s.to_string_lossy().into_owned(),
                    );
                let name = format!("{stem}.{}", if pdf { "pdf" } else { "xlsx" });
                let dir = self.current_dir();
                let purpose = if pdf {
                    Purpose::ExportPdf
                } else {
                    Purpose::ExportXlsx
                };
                self.dialogs.request(ctx, purpose, dir, Some(name));
            }
            Action::Package => {
                self.session.refresh(self.today);
                if self.session.path.is_none() {
                    self.error = Some(self.lang.t(crate::i18n::package::SAVE_FIRST).to_string());
                } else if let Some(ev) = self.session.evaluation() {
                    self.package.open(ev, self.session.target.as_deref());
                }
            }
            Action::PackageTo(p) => {
                if let Some(form) = self.package.chosen.take() {
                    self.start_package(ctx, &form, p);
                }
            }
            Action::ExportPdfTo(p) => self.export(&p, true),
            Action::ExportXlsxTo(p) => self.export(&p, false),
            Action::Undo | Action::Redo => {
                // The field being edited shows the restored value, not its
                // own buffer of what was typed.
                ctx.memory_mut(|m| {
                    if let Some(id) = m.focused() {
                        m.surrender_focus(id);
                    }
                });
                if c == Action::Undo {
                    self.session.undo();
                } else {
                    self.session.redo();
                }
            }
            Action::SetLang(l) => {
                self.lang = l;
                self.prefs.lang = l;
                self.save_prefs();
            }
            Action::Show(p) => self.page = p,
            Action::AttachFor { criterion, item } => {
                if self.session.path.is_none() {
                    self.error = Some(self.lang.t(crate::i18n::attach::GUI_SAVE_FIRST).to_string());
                } else {
                    self.attaching.target = Some((criterion, item));
                    let dir = Some(self.session.attachment_dir());
                    self.dialogs.request(ctx, Purpose::Attach, dir, None);
                }
            }
            Action::AttachPaths {
                criterion,
                item,
                paths,
            } => self.attach(&criterion, item, &paths),
            Action::Detach(x) => {
                if let Some(k) = self.session.doc.attachments.iter().position(|a| *a == *x) {
                    self.session.checkpoint();
                    self.session.doc.attachments.remove(k);
                    self.session.checkpoint();
                    self.session.touch();
                }
            }
            Action::RecheckAttachments => self.session.recheck_attachments(),
            Action::ShowEvidence => {
                self.page = Page::Results;
                ctx.data_mut(|d| d.insert_temp(crate::gui::pages::evidence::scroll_request(), 3u8));
            }
            Action::SetPacks(ids) => {
                self.session.pack_ids = ids;
                self.session.touch();
            }
            Action::PickRulesDir => {
                let dir = self
                    .session
                    .rules_dir
                    .clone()
                    .or_else(|| self.current_dir());
                self.dialogs.request(ctx, Purpose::RulesDir, dir, None);
            }
            Action::LoadRulesDir(dir) => {
                if let Err(e) = self.session.load_rules(dir) {
                    self.error = Some(e.to_string());
                }
            }
            Action::SetTarget(t) => {
                self.session.target = t;
                self.session.touch();
            }
            Action::RestoreRecovery(doc, original) => {
                self.session.replace(*doc, original, false);
                self.session.load_review();
                self.recovery_offer = None;
                self.leave_welcome();
            }
            Action::DiscardRecovery => {
                Recovery::clear(&self.data);
                self.recovery_offer = None;
            }
            // Run by `run_desk` above.
            Action::OpenFolder
            | Action::LoadFolder(_)
            | Action::OpenFromDesk(_)
            | Action::ExportPortfolio(_)
            | Action::ExportPortfolioTo(..)
            | Action::ComparePacks(_) => {}
        }
    }

    /// Attaches `paths` to evidence item `item` of `criterion` as one undo
    /// step; the files that cannot serve are named with their reason, the
    /// others attached.
    pub fn attach(&mut self, criterion: &str, item: usize, paths: &[PathBuf]) {
        if self.session.path.is_none() {
            self.error = Some(self.lang.t(crate::i18n::attach::GUI_SAVE_FIRST).to_string());
            return;
        }
        let dir = self.session.attachment_dir();
        self.session.checkpoint();
        let (mut added, mut failed) = (0, Vec::new());
        for p in paths {
            match storage::attachments::attach(
                &dir,
                p,
                criterion,
                item,
                "",
                self.today,
                &self.session.doc.attachments,
            ) {
                Ok(x) => {
                    self.session.doc.attachments.push(x);
                    added += 1;
                }
                Err(e) => failed.push(e.message(self.lang)),
            }
        }
        if added > 0 {
            self.session.checkpoint();
            self.session.touch();
            self.status = Some(
                self.lang
                    .t(crate::i18n::attach::GUI_ATTACHED)
                    .replace("{n}", &added.to_string()),
            );
        }
        if !failed.is_empty() {
            self.error = Some(format!(
                "{}{}",
                self.lang.t(crate::i18n::attach::GUI_ATTACH_FAILED),
                failed.join("\n")
            ));
        }
    }

    /// Files dropped onto the window but onto no evidence item: say where
    /// to drop them, and show the evidence section.
    fn unplaced_drop(&mut self, ctx: &Context) {
        let dropped = ctx.input(|i| !i.raw.dropped_files.is_empty());
        let taken = ctx.data_mut(|d| {
            d.remove_temp::<bool>(crate::gui::pages::evidence::drop_taken())
                .unwrap_or(false)
        });
        if dropped && !taken && !self.session.reviewing {
            self.status = Some(self.lang.t(crate::i18n::attach::GUI_DROP_HERE).to_string());
            self.actions.push(Action::ShowEvidence);
        }
    }

    /// Starts building the application package `form` asks for into `out`
    /// (on a worker thread; [`App::poll_package`] reports how it ended).
    pub fn start_package(&mut self, ctx: &Context, form: &Form, out: PathBuf) {
        use crate::report::pdf::package;
        self.session.refresh(self.today);
        let (Some(path), Some(ev)) = (self.session.path.clone(), self.session.evaluation()) else {
            self.error = Some(self.lang.t(crate::i18n::package::SAVE_FIRST).to_string());
            return;
        };
        // Attachments are found from the folder of the file as it is on disk.
        let bytes = storage::read(&path).unwrap_or_default();
        let attached = package::attached_of(&self.session.doc, &path);
        let date = crate::clock::document_date().to_string();
        let input = match package::input(
            &bytes,
            &self.session.doc,
            ev,
            &form.tier,
            self.lang,
            date,
            &attached,
        ) {
            Ok(i) => i,
            Err(e) => {
                self.error = Some(e.message(self.lang));
                return;
            }
        };
        let mut inputs = vec![path];
        inputs.extend(attached.into_iter().map(|a| a.path));
        let opts = package::Options {
            skip_bad: form.skip_bad,
            ..package::Options::default()
        };
        self.status = Some(self.lang.t(crate::i18n::package::BUILDING).to_string());
        self.package.start(ctx, input, opts, out, inputs);
    }

    /// Whether a package build ended since the last call (its outcome is then
    /// in the status line, the error or the problem list).
    pub fn poll_package(&mut self) -> bool {
        match self.package.poll() {
            Some(outcome) => {
                self.package_done(outcome);
                true
            }
            None => false,
        }
    }

    /// The attachments with problems (or left out) the window lists, each with its reason.
    #[must_use]
    pub fn package_problems(&self) -> &[String] {
        &self.package.problems
    }

    /// Says how the package build ended (the problems are listed by [`PackageUi`]).
    fn package_done(&mut self, outcome: Outcome) {
        use crate::i18n::package as t;
        let lang = self.lang;
        match outcome {
            Outcome::Written {
                path,
                pages,
                skipped,
            } => {
                let mut s = lang
                    .t(t::WROTE)
                    .replace("{n}", &pages.to_string())
                    .replace("{file}", &path.display().to_string());
                if !skipped.is_empty() {
                    s.push_str(" — ");
                    s.push_str(
                        &lang
                            .t(t::DONE_SKIPPED)
                            .replace("{n}", &skipped.len().to_string()),
                    );
                }
                self.status = Some(s);
            }
            Outcome::Bad(problems) => {
                self.status = Some(
                    lang.t(t::ERR_BAD_WINDOW)
                        .replace("{n}", &problems.len().to_string())
                        .trim_end_matches(['：', ':'])
                        .to_string(),
                );
            }
            Outcome::Failed(e) => {
                self.status = None;
                self.error = Some(format!("{} {e}", lang.t(common::EXPORT_FAILED)));
            }
        }
    }

    /// Writes the readiness summary (PDF) or the spreadsheet to `path`.
    pub fn export(&mut self, path: &std::path::Path, pdf: bool) {
        self.session.refresh(self.today);
        // The summary shows the review the window shows, in the same words.
        self.session.refresh_review(self.lang);
        let Some(ev) = self.session.evaluation() else {
            return;
        };
        // The fingerprint is of the file as saved; unsaved changes are fingerprinted as they would be saved.
        let bytes = match (&self.session.path, self.session.is_dirty()) {
            (Some(p), false) => storage::read(p).ok(),
            _ => None,
        }
        .or_else(|| {
            storage::to_ron(&self.session.doc)
                .ok()
                .map(String::into_bytes)
        })
        .unwrap_or_default();
        let mut data = crate::report::data::build(&bytes, &self.session.doc, ev, self.lang);
        data.proof = self.session.proof(self.lang);
        let rendered = if pdf {
            data.review = self.session.review_view().cloned();
            crate::report::pdf::render(&data)
        } else {
            crate::report::xlsx::render(&self.session.doc, &data)
        };
        let result = rendered
            .map_err(|e| e.message(self.lang).to_string())
            .and_then(|b| storage::save_export(path, &b).map_err(|e| e.message(self.lang)));
        match result {
            Ok(()) => {
                let mut status = format!("{} {}", self.lang.t(common::EXPORTED), path.display());
                // A review that cannot be read is left out of the summary, and said.
                if let Some(e) = self.session.review_error.as_ref().filter(|_| pdf) {
                    status.push_str(" — ");
                    status.push_str(&e.message(self.lang));
                }
                self.status = Some(status);
            }
            Err(e) => self.error = Some(format!("{} {e}", self.lang.t(common::EXPORT_FAILED))),
        }
    }

    fn autosave(&mut self, ctx: &Context) {
        if self.autosaved || !self.session.is_dirty() {
            return;
        }
        let Some(edited) = self.last_edit else { return };
        let now = ctx.input(|i| i.time);
        if now - edited >= AUTOSAVE_SECONDS {
            let rec = Recovery {
                original: self.session.path.clone(),
                assessment: self.session.doc.clone(),
            };
            // Tried once per edit: a failure is said, not retried every frame.
            self.autosaved = true;
            self.status = Some(match rec.save(&self.data) {
                Ok(()) => self.lang.t(common::AUTOSAVED).to_string(),
                Err(e) => format!("{} {e}", self.lang.t(common::AUTOSAVE_FAILED)),
            });
        } else {
            // Wake up once when the autosave is due; no continuous repaint.
            ctx.request_repaint_after(Duration::from_secs_f64(
                AUTOSAVE_SECONDS - (now - edited) + 0.1,
            ));
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }
}
