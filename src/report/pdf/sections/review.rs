//! The review notes (part 5, when the assessment has a review beside it):
//! a warning when the answers changed after the review, naming them, then
//! the notes as a table. The same warning stands on page 1 under the title
//! block, so that a reader of the summary cannot miss it.

use super::{BODY, Doc, Part, numeral};
use crate::i18n::Lang;
use crate::i18n::report as tr;
use crate::report::data::ReportData;
use crate::report::pdf::layout::{
    Align, Cell, Col, Ink, Line, MARGIN, MUTED, Style, TABLE, Table, WIDTH, lines_height,
};
use crate::report::review::ReviewView;
use crate::storage::review::Status;

/// Changed answers named on page 1 before "等 N 项"; the review part names them all.
const CHANGED_NAMED_ON_PAGE_ONE: usize = 6;

/// Column widths of the notes table: status (set by the language), item,
/// note (the rest), reviewer, date.
const NOTE_COLS: [f32; 5] = [0.0, 150.0, 0.0, 66.0, 54.0];

/// Width of the status column: "缺材料" or "evidence missing" on one line.
fn status_width(lang: Lang) -> f32 {
    match lang {
        Lang::Zh => 44.0,
        Lang::En => 66.0,
    }
}

/// The answers changed after the review, in words: at most `at_most` of
/// them (then "等 N 项"), joined.
fn changed_names(d: &Doc, v: &ReviewView, at_most: usize) -> String {
    let mut shown: Vec<String> = v
        .changed_fields
        .iter()
        .take(at_most)
        .map(|f| f.name.clone())
        .collect();
    if v.changed_fields.len() > at_most {
        shown.push(
            d.t(tr::LEVERS_MORE)
                .replace("{n}", &(v.changed_fields.len() - at_most).to_string()),
        );
    }
    shown.join(d.t(tr::SEMICOLON))
}

/// The warning that the answers changed after the review: a bold count, the
/// answers named (at most `at_most`), and `then`, what it means for the notes.
fn changed_lines(d: &Doc, v: &ReviewView, at_most: usize, then: &str) -> Vec<Line> {
    let inner = WIDTH - 20.0;
    let head = if v.changed_fields.is_empty() {
        d.t(tr::REVIEW_CHANGED_ANY).to_string()
    } else {
        d.t(tr::REVIEW_CHANGED)
            .replace("{n}", &v.changed_fields.len().to_string())
    };
    let mut lines = d.wrap(&head, Style::new(9.4).bold(), inner);
    let names = changed_names(d, v, at_most);
    if !names.is_empty() {
        lines.extend(d.wrap(&names, Style::new(8.0), inner));
    }
    lines.extend(d.wrap(then, Style::new(7.8).bold(), inner));
    lines
}

/// Draws `lines` in the warning box: a heavy frame and a black bar on the left.
fn warning_box(d: &mut Doc, lines: &[Line]) {
    d.barred_box(
        lines,
        (Ink::Grey(0x10), 1.4),
        (Ink::Grey(0x10), 5.0),
        5.0,
        13.0,
    );
}

/// On page 1, under the title block: the answers changed after the review,
/// when they did, and where the notes made on the old answers are.
pub(super) fn changed_on_page_one(d: &mut Doc, r: &ReportData) {
    let Some(v) = r.review.as_ref().filter(|v| v.answers_changed) else {
        return;
    };
    let then = d
        .t(tr::REVIEW_STALE_AT)
        .replace("{part}", &numeral(d.lang, Part::Review.number(r)));
    let lines = changed_lines(d, v, CHANGED_NAMED_ON_PAGE_ONE, &then);
    warning_box(d, &lines);
    d.y += 8.0;
}

/// The status cell's style: bold when the note asks for something.
fn status_style(s: Status) -> Style {
    match s {
        Status::Confirmed => Style::new(TABLE),
        Status::Doubtful | Status::MissingEvidence => Style::new(TABLE).bold(),
    }
}

/// The notes as a table, a note asking for something shaded.
fn notes_table(d: &Doc, v: &ReviewView) -> Table {
    let body = Style::new(TABLE);
    let rows = v
        .notes
        .iter()
        .map(|n| {
            let shade = (n.status != Status::Confirmed).then_some(Ink::Grey(0xef));
            (
                vec![
                    Cell::text(&n.status_words, status_style(n.status)),
                    Cell::text(&n.target.name, body),
                    Cell::text(super::or_dash(&n.text), body),
                    Cell::text(super::or_dash(&n.reviewer), body),
                    Cell::text(&n.date, body),
                ],
                shade,
            )
        })
        .collect();
    let heads = [
        d.t(tr::COL_STATUS),
        d.t(tr::COL_REVIEW_ITEM),
        d.t(tr::COL_REVIEW_NOTE),
        d.t(tr::COL_REVIEWER),
        d.t(tr::COL_DATE),
    ];
    let mut widths = NOTE_COLS;
    widths[0] = status_width(d.lang);
    let rest = WIDTH - widths.iter().sum::<f32>();
    Table {
        cols: heads
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (h, w))| Col {
                head: (*h).to_string(),
                width: if i == 2 { rest } else { w },
                align: Align::Left,
            })
            .collect(),
        head: true,
        rows,
        continued: Some(d.t(tr::REVIEW_CONT).into()),
        grid: false,
    }
}

/// Part 5, when there is a review: the answers changed after it (or that
/// they are the ones reviewed), then the notes.
pub(in crate::report::pdf) fn review(d: &mut Doc, r: &ReportData) {
    let Some(v) = &r.review else { return };
    let intro = d.t(tr::REVIEW_INTRO);
    let intro_style = Style::new(7.6).ink(MUTED);
    let warning = v
        .answers_changed
        .then(|| changed_lines(d, v, usize::MAX, d.t(tr::REVIEW_STALE)));
    let table = notes_table(d, v);
    // The heading stays with the warning (or the intro) and the first rows.
    let keep = warning.as_deref().map_or_else(
        || lines_height(&d.wrap(intro, intro_style, WIDTH)),
        |w| lines_height(w) + 10.0,
    ) + 6.0
        + d.table_lead(&table);
    d.section(Part::Review.number(r), d.t(tr::REVIEW), keep);
    if let Some(lines) = &warning {
        warning_box(d, lines);
        d.y += 6.0;
    } else {
        let text = d.t(tr::REVIEW_CURRENT);
        d.paragraph(MARGIN, WIDTH, text, Style::new(BODY));
        d.y += 2.0;
    }
    d.paragraph(MARGIN, WIDTH, intro, intro_style);
    d.y += 3.0;
    if v.notes.is_empty() {
        let text = d.t(tr::REVIEW_NO_NOTES);
        d.paragraph(MARGIN, WIDTH, text, Style::new(BODY).ink(MUTED));
    } else {
        d.table(&table);
    }
}
