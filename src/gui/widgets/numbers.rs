//! Numeric text inputs that keep what the user types while editing and show
//! the stored value otherwise.

use eframe::egui::{self, Id, Response, RichText, Ui};

use crate::gui::theme;
use crate::report::format::number;

/// The text typed is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// Parses what a user typed (`Err` means "not a number"): empty → `Ok(None)`; thousands separators and
/// full-width digits accepted; NaN, infinities and words rejected.
pub fn parse_number(s: &str) -> Result<Option<f64>, NotANumber> {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}' | '_'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '－' => '-',
            _ => c,
        })
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return Err(NotANumber);
    }
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(NotANumber),
    }
}

fn shown(value: Option<f64>) -> String {
    value
        .map(|v| number(v, 4).replace(',', ""))
        .unwrap_or_default()
}

/// Edits an `Option<f64>`; returns the response and whether the value changed.
pub fn edit(
    ui: &mut Ui,
    id: Id,
    value: &mut Option<f64>,
    labelled_by: Id,
    width: f32,
) -> (Response, bool) {
    let (r, changed, _) = edit_checked(ui, id, value, labelled_by, width, |_| true);
    (r, changed)
}

/// Edits an `Option<f64>` whose values must pass `accept`: a number that
/// fails it is kept in the field as typed (focused or not) and never stored,
/// like text that is not a number. Returns the response, whether the value
/// changed, and whether the field holds a number that `accept` refuses (the
/// caller says why, next to the field).
pub fn edit_checked(
    ui: &mut Ui,
    id: Id,
    value: &mut Option<f64>,
    labelled_by: Id,
    width: f32,
    accept: impl Fn(f64) -> bool,
) -> (Response, bool, bool) {
    let buf_id = id.with("buf");
    let mut buf: String = ui
        .data_mut(|d| d.get_temp::<String>(buf_id))
        .unwrap_or_else(|| shown(*value));
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut buf)
                .desired_width(width)
                .id(id),
        )
        .labelled_by(labelled_by);
    super::focus::input_drawn(ui, &r);
    let parsed = parse_number(&buf);
    let refused = matches!(parsed, Ok(Some(v)) if !accept(v));
    let mut changed = false;
    if r.changed()
        && !refused
        && let Ok(v) = parsed
        && v != *value
    {
        *value = v;
        changed = true;
    }
    if r.has_focus() || parsed.is_err() || refused {
        ui.data_mut(|d| d.insert_temp(buf_id, buf));
    } else {
        ui.data_mut(|d| d.remove::<String>(buf_id));
    }
    if parsed.is_err() {
        // Words, not a symbol: every glyph here is in the bundled font. The
        // field is outlined; the words go below in a table cell, beside it
        // in a row.
        let tr = crate::i18n::common::BAD_NUMBER;
        ui.painter().rect_stroke(
            r.rect,
            2.0,
            egui::Stroke::new(1.5, theme::ERROR_TEXT),
            egui::StrokeKind::Outside,
        );
        ui.label(
            RichText::new(super::ui_lang(ui).t(tr))
                .color(theme::ERROR_TEXT)
                .small(),
        );
    }
    (r, changed, refused)
}

/// Edits an `Option<u8>` that must be a whole number in `range` (a month:
/// 1–12). Anything else stays in the field, is not stored, and returns
/// `refused = true` so the caller can say what is allowed.
pub fn edit_whole_in(
    ui: &mut Ui,
    id: Id,
    value: &mut Option<u8>,
    labelled_by: Id,
    range: std::ops::RangeInclusive<u8>,
    width: f32,
) -> (bool, bool) {
    let mut f = value.map(f64::from);
    let lo = f64::from(*range.start());
    let hi = f64::from(*range.end());
    let (_, changed, refused) = edit_checked(ui, id, &mut f, labelled_by, width, |v| {
        v.fract() == 0.0 && (lo..=hi).contains(&v)
    });
    if changed {
        *value = f.map(|v| v as u8);
    }
    (changed, refused)
}

/// Edits an `Option<u32>` (negative or fractional input is refused).
pub fn edit_count(ui: &mut Ui, id: Id, value: &mut Option<u32>, labelled_by: Id) -> bool {
    let mut f = value.map(f64::from);
    let (_, changed) = edit(ui, id, &mut f, labelled_by, theme::NUMBER_WIDTH * 0.8);
    if changed {
        match f {
            None => *value = None,
            Some(v) if v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) => {
                *value = Some(v as u32);
            }
            Some(_) => return false,
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::{NotANumber, parse_number};

    #[test]
    fn typed_numbers_parse_as_users_write_them() {
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number(" 1,234.5 "), Ok(Some(1234.5)));
        assert_eq!(parse_number("１２３"), Ok(Some(123.0)));
        assert_eq!(parse_number("-3"), Ok(Some(-3.0)));
        assert_eq!(parse_number("NaN"), Err(NotANumber));
        assert_eq!(parse_number("inf"), Err(NotANumber));
        assert_eq!(parse_number("1e400"), Err(NotANumber));
        assert_eq!(parse_number("12万"), Err(NotANumber));
    }
}
