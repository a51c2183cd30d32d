//! Taking the user to a field: the issue list names a field id
//! (`years.2024.revenue`, `projects.0.name`); the page that shows it scrolls
//! its row into view, gives the input keyboard focus, and outlines it for a
//! few seconds so the eye finds it.

use std::cell::RefCell;

use eframe::egui::{self, Align, Id, Response, Ui};

use super::Env;
use crate::gui::theme;

/// How long the field found stays outlined, in seconds.
pub const HIGHLIGHT_SECONDS: f64 = 3.0;

/// The field to bring into view, if any (taken by the first row that shows
/// it), and the field to outline meanwhile.
#[derive(Debug, Default)]
pub struct Request {
    target: RefCell<Option<String>>,
    highlight: Option<String>,
}

/// Whether `target` is `field` or something inside it (`projects.0` holds
/// `projects.0.name`).
fn within(target: &str, field: &str) -> bool {
    target == field
        || target
            .strip_prefix(field)
            .is_some_and(|rest| rest.starts_with('.'))
}

impl Request {
    /// A request to show `field` and to outline `highlight`.
    #[must_use]
    pub fn new(field: Option<String>, highlight: Option<String>) -> Request {
        Request {
            target: RefCell::new(field),
            highlight,
        }
    }

    /// Whether a field is still waiting to be shown.
    #[must_use]
    pub fn is_pending(&self) -> bool {
        self.target.borrow().is_some()
    }

    /// Takes the request if it names exactly `field`.
    #[must_use]
    pub fn take_exact(&self, field: &str) -> bool {
        let mut slot = self.target.borrow_mut();
        let hit = slot.as_deref() == Some(field);
        if hit {
            *slot = None;
        }
        hit
    }

    /// Takes the request if it names `field` or something inside it.
    #[must_use]
    pub fn take_if(&self, field: &str) -> bool {
        let mut slot = self.target.borrow_mut();
        let hit = slot.as_deref().is_some_and(|t| within(t, field));
        if hit {
            *slot = None;
        }
        hit
    }

    fn outlines(&self, field: &str, exact: bool) -> bool {
        self.highlight
            .as_deref()
            .is_some_and(|h| if exact { h == field } else { within(h, field) })
    }
}

/// Key of the "focus the next input" mark in egui's temporary memory.
fn focus_key() -> Id {
    Id::unique("innocheck-focus-next-input")
}

/// Key of the "outline the next input" mark.
fn outline_key() -> Id {
    Id::unique("innocheck-outline-next-input")
}

/// For the label `row` of the row of `field`: if the request names the
/// field, scrolls the row into view and marks the next input drawn to take
/// keyboard focus; while the field is highlighted, outlines the row.
pub fn claim_row(ui: &mut Ui, env: &Env, field: &str, row: &Response) {
    if env.focus.take_if(field) {
        row.scroll_to_me(Some(Align::Center));
        ui.data_mut(|d| d.insert_temp(focus_key(), true));
    }
    if env.focus.outlines(field, false) {
        outline(ui, row);
    }
}

/// For a heading naming exactly `field` (`years.2024` is the heading of the
/// 2024 column, `years.2024.revenue` a cell below it): scrolls it into view
/// and outlines it.
pub fn claim_heading(ui: &mut Ui, env: &Env, field: &str, heading: &Response) {
    if env.focus.take_exact(field) {
        heading.scroll_to_me(Some(Align::Center));
    }
    if env.focus.outlines(field, true) {
        outline(ui, heading);
    }
}

/// For an input without a label row of its own (a cell of a yearly table):
/// marks the next input drawn to take focus if the request names `field`,
/// and to be outlined while it is highlighted.
pub fn claim_next(ui: &mut Ui, env: &Env, field: &str) {
    if env.focus.take_if(field) {
        ui.data_mut(|d| d.insert_temp(focus_key(), true));
    }
    if env.focus.outlines(field, false) {
        ui.data_mut(|d| d.insert_temp(outline_key(), true));
    }
}

/// Gives `input` the focus (and outline) a row asked for just before it.
pub fn input_drawn(ui: &Ui, input: &Response) {
    let take = |key: Id| ui.data_mut(|d| d.remove_temp::<bool>(key).unwrap_or(false));
    if take(focus_key()) {
        input.request_focus();
        input.scroll_to_me(Some(Align::Center));
    }
    if take(outline_key()) {
        outline(ui, input);
    }
}

/// Forgets marks no input took (call once per frame, after the page).
pub fn end_frame(ctx: &egui::Context) {
    ctx.data_mut(|d| {
        d.remove::<bool>(focus_key());
        d.remove::<bool>(outline_key());
    });
}

fn outline(ui: &Ui, r: &Response) {
    ui.painter().rect_stroke(
        r.rect.expand(3.0),
        3.0,
        egui::Stroke::new(2.0, theme::ACCENT),
        egui::StrokeKind::Outside,
    );
}
