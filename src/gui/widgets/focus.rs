//! Taking the user to a field: the issue list names a field id
//! (`years.2024.revenue`, `projects.0.name`); the page that shows it scrolls
//! its row into view, marks the label and gives the input keyboard focus.

use std::cell::RefCell;

use eframe::egui::{self, Align, Id, Response, Ui};

use super::Env;
use crate::gui::theme;

/// The field to bring into view, if any (taken by the first row that shows it).
#[derive(Debug, Default)]
pub struct Request(RefCell<Option<String>>);

impl Request {
    /// A request for `field`.
    #[must_use]
    pub fn new(field: Option<String>) -> Request {
        Request(RefCell::new(field))
    }

    /// Whether a field is still waiting to be shown.
    #[must_use]
    pub fn is_pending(&self) -> bool {
        self.0.borrow().is_some()
    }

    /// Takes the request if it names exactly `field`.
    #[must_use]
    pub fn take_exact(&self, field: &str) -> bool {
        let mut slot = self.0.borrow_mut();
        let hit = slot.as_deref() == Some(field);
        if hit {
            *slot = None;
        }
        hit
    }

    /// Takes the request if it names `field` or something inside it
    /// (`projects.0` takes `projects.0.name`).
    #[must_use]
    pub fn take_if(&self, field: &str) -> bool {
        let mut slot = self.0.borrow_mut();
        let hit = slot.as_deref().is_some_and(|t| {
            t == field
                || t.strip_prefix(field)
                    .is_some_and(|rest| rest.starts_with('.'))
        });
        if hit {
            *slot = None;
        }
        hit
    }
}

/// Key of the "focus the next input" mark in egui's temporary memory.
fn next_key() -> Id {
    Id::unique("innocheck-focus-next-input")
}

/// If the request names `field`, scrolls `row` (the row's label) into view,
/// outlines it, and marks the next input drawn to take keyboard focus.
pub fn claim_row(ui: &mut Ui, env: &Env, field: &str, row: &Response) {
    if env.focus.take_if(field) {
        show(ui, row);
        ui.data_mut(|d| d.insert_temp(next_key(), true));
    }
}

/// If the request names exactly `field` (a heading: `years.2024` is the
/// heading of the 2024 column, `years.2024.revenue` a cell below it),
/// scrolls `heading` into view and outlines it.
pub fn claim_heading(ui: &mut Ui, env: &Env, field: &str, heading: &Response) {
    if env.focus.take_exact(field) {
        show(ui, heading);
    }
}

/// If the request names `field`, marks the next input drawn to take
/// keyboard focus and scroll into view (for inputs without a label row of
/// their own, such as the cells of a yearly table).
pub fn claim_next(ui: &mut Ui, env: &Env, field: &str) {
    if env.focus.take_if(field) {
        ui.data_mut(|d| d.insert_temp(next_key(), true));
    }
}

/// Gives `input` the focus a row asked for just before it (see [`claim_row`]).
pub fn input_drawn(ui: &Ui, input: &Response) {
    let wanted = ui.data_mut(|d| d.remove_temp::<bool>(next_key()).unwrap_or(false));
    if wanted {
        input.request_focus();
        show(ui, input);
    }
}

/// Forgets a mark no input took (call once per frame, after the page).
pub fn end_frame(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<bool>(next_key()));
}

fn show(ui: &Ui, r: &Response) {
    r.scroll_to_me(Some(Align::Center));
    ui.painter().rect_stroke(
        r.rect.expand(3.0),
        3.0,
        egui::Stroke::new(2.0, theme::ACCENT),
        egui::StrokeKind::Outside,
    );
}
