//! Pages: one function per wizard step, plus the results page. A page reads
//! the [`PageCtx`], edits the document in place, sets `changed`, and pushes
//! [`Action`]s for anything else. No page does I/O.

pub mod company;
pub mod compliance;
pub mod conditions;
pub mod direction;
pub mod finance;
pub mod funding;
pub mod ip_awards;
pub mod projects;
pub mod results;
pub mod review_notes;
pub mod staff;
pub mod welcome;

use std::path::PathBuf;

use eframe::egui::Ui;
use serde::{Deserialize, Serialize};

use crate::eval::Evaluation;
use crate::gui::action::Action;
use crate::gui::widgets::Env;
use crate::i18n::{Tr, pages as s};
use crate::model::{Assessment, Step};
use crate::rules::Registry;

/// A page of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// The start page: new, open, sample, recent files.
    Welcome,
    /// A wizard step.
    Step(Step),
    /// The results.
    Results,
    /// The consultant's desk: every assessment of a folder in one table.
    Portfolio,
}

impl Page {
    /// The wizard's pages in order: the nine steps, then the results.
    pub const ALL: [Page; 10] = [
        Page::Step(Step::Company),
        Page::Step(Step::Finance),
        Page::Step(Step::Staff),
        Page::Step(Step::Funding),
        Page::Step(Step::Conditions),
        Page::Step(Step::Direction),
        Page::Step(Step::Projects),
        Page::Step(Step::IpAwards),
        Page::Step(Step::Compliance),
        Page::Results,
    ];

    /// Every page: the welcome page, the wizard's, then the folder table
    /// (the `--page` names).
    pub const WITH_WELCOME: [Page; 12] = {
        let mut all = [Page::Welcome; 12];
        let mut i = 0;
        while i < Self::ALL.len() {
            all[i + 1] = Self::ALL[i];
            i += 1;
        }
        all[11] = Page::Portfolio;
        all
    };

    /// Page title.
    #[must_use]
    pub fn title(self) -> Tr {
        match self {
            Page::Welcome => s::welcome::TITLE,
            Page::Step(Step::Company) => s::company::TITLE,
            Page::Step(Step::Finance) => s::finance::TITLE,
            Page::Step(Step::Staff) => s::staff::TITLE,
            Page::Step(Step::Funding) => s::funding::TITLE,
            Page::Step(Step::Conditions) => s::conditions::TITLE,
            Page::Step(Step::Direction) => s::direction::TITLE,
            Page::Step(Step::Projects) => s::projects::TITLE,
            Page::Step(Step::IpAwards) => s::ip_awards::TITLE,
            Page::Step(Step::Compliance) => s::compliance::TITLE,
            Page::Results => s::results::TITLE,
            Page::Portfolio => s::desk::TITLE,
        }
    }

    /// The command-line name (`--page company`).
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Page::Welcome => "welcome",
            Page::Step(Step::Company) => "company",
            Page::Step(Step::Finance) => "finance",
            Page::Step(Step::Staff) => "staff",
            Page::Step(Step::Funding) => "funding",
            Page::Step(Step::Conditions) => "conditions",
            Page::Step(Step::Direction) => "direction",
            Page::Step(Step::Projects) => "projects",
            Page::Step(Step::IpAwards) => "ip",
            Page::Step(Step::Compliance) => "compliance",
            Page::Results => "results",
            Page::Portfolio => "portfolio",
        }
    }

    /// The page named `slug`.
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<Page> {
        Page::WITH_WELCOME.into_iter().find(|p| p.slug() == slug)
    }

    /// The page that asks for the input `field` (a validation issue's field
    /// id: `company.uscc`, `years.2024.revenue`, `projects.0.name`); the
    /// company page for ids it does not know.
    #[must_use]
    pub fn of_field(field: &str) -> Page {
        let mut parts = field.split('.');
        let step = match parts.next().unwrap_or_default() {
            "years" => match parts.nth(1).and_then(crate::model::FiscalField::by_name) {
                Some(f) => match f.page {
                    crate::model::FiscalPage::Finance => Step::Finance,
                    crate::model::FiscalPage::Staff => Step::Staff,
                    crate::model::FiscalPage::Funding => Step::Funding,
                },
                // A whole year (`years.2025`): its figures start on the finance page.
                None => Step::Finance,
            },
            "staff" => Step::Staff,
            "conditions" => Step::Conditions,
            "direction" => Step::Direction,
            "projects" => Step::Projects,
            "ip" | "awards" | "maker_china" | "titles" | "high_tech" => Step::IpAwards,
            "compliance" | "manual" => Step::Compliance,
            _ => Step::Company,
        };
        Page::Step(step)
    }

    /// The wizard page before and after this one (none around the welcome page).
    #[must_use]
    pub fn neighbours(self) -> (Option<Page>, Option<Page>) {
        let Some(i) = Page::ALL.iter().position(|p| *p == self) else {
            return (None, None);
        };
        (
            i.checked_sub(1).map(|j| Page::ALL[j]),
            Page::ALL.get(i + 1).copied(),
        )
    }
}

/// What a page works with.
pub struct PageCtx<'a> {
    /// Language, packs, issues, as-of date.
    pub env: Env<'a>,
    /// The document (edit in place; set `changed`).
    pub doc: &'a mut Assessment,
    /// The evaluation of the document before this frame's edits.
    pub evaluation: Option<&'a Evaluation>,
    /// All known packs (for the pack chooser).
    pub registry: &'a Registry,
    /// Packs chosen explicitly (None: in force on the as-of date).
    pub pack_ids: Option<&'a [String]>,
    /// The as-of date changed the yearly columns during this session (the
    /// pages with a date or yearly columns say so).
    pub years_shifted: bool,
    /// The custom rule folder, if any.
    pub rules_dir: Option<&'a std::path::Path>,
    /// Side effects to run after the frame.
    pub actions: &'a mut Vec<Action>,
    /// Recently opened or saved files, newest first (the welcome page).
    pub recent: &'a [PathBuf],
    /// The review beside the file, in words (the results page shows it).
    pub review: Option<&'a crate::report::review::ReviewView>,
    /// Review mode: the answers are read-only; notes may be added.
    pub reviewing: bool,
    /// The machine's date (a new review note's date).
    pub today: chrono::NaiveDate,
    /// Set when the document was edited.
    pub changed: bool,
}

/// Shows `page`.
pub fn show(ui: &mut Ui, page: Page, ctx: &mut PageCtx) {
    // Review mode: the answers are shown but cannot be edited (the results
    // page disables its own settings and offers the review notes).
    if ctx.reviewing && matches!(page, Page::Step(_)) {
        ui.add_enabled_ui(false, |ui| show_page(ui, page, ctx));
        return;
    }
    show_page(ui, page, ctx);
}

fn show_page(ui: &mut Ui, page: Page, ctx: &mut PageCtx) {
    match page {
        Page::Welcome => welcome::ui(ui, ctx),
        Page::Step(Step::Company) => company::ui(ui, ctx),
        Page::Step(Step::Finance) => finance::ui(ui, ctx),
        Page::Step(Step::Staff) => staff::ui(ui, ctx),
        Page::Step(Step::Funding) => funding::ui(ui, ctx),
        Page::Step(Step::Conditions) => conditions::ui(ui, ctx),
        Page::Step(Step::Direction) => direction::ui(ui, ctx),
        Page::Step(Step::Projects) => projects::ui(ui, ctx),
        Page::Step(Step::IpAwards) => ip_awards::ui(ui, ctx),
        Page::Step(Step::Compliance) => compliance::ui(ui, ctx),
        Page::Results => results::ui(ui, ctx),
        // Drawn by the window itself (it owns the desk), never through here.
        Page::Portfolio => {}
    }
}
