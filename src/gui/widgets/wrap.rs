//! Line breaks that keep a figure with its unit: egui may break a line
//! between any two Chinese characters, so "还差 5,020 万元" can end a row
//! with "万" and start the next with "元". These helpers move such a break
//! before the figure instead.

use eframe::egui::{self, FontId, Ui};

/// Whether `c` is a CJK ideograph.
fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Whether `word` is a figure: digits with separators, signs or a decimal point.
fn is_figure(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | '−'))
}

/// Where to break `row` instead of at its end: before its last word, or
/// before the figure that word follows ("5,020 万"). `None` when the row
/// has no space to break at.
fn earlier_break(row: &str) -> Option<usize> {
    let body = row.trim_end();
    let last = body.rfind(' ')?;
    let before = &body[..last];
    match before.rfind(' ') {
        Some(prev) if is_figure(&before[prev + 1..]) => Some(prev),
        None if is_figure(before) => None,
        _ => Some(last),
    }
}

/// `text` with an explicit line break wherever, laid out in `font` at
/// `width`, a row would end between two Chinese characters that a space
/// could keep together: the break moves before the last word of that row
/// (before its figure when the word is a unit).
#[must_use]
pub fn keep_units(ui: &Ui, text: &str, font: &FontId, width: f32) -> String {
    let mut text = text.to_string();
    // Each pass fixes one row; a few are plenty for the short lines shown.
    for _ in 0..4 {
        let galley = ui.painter().layout(
            text.clone(),
            font.clone(),
            egui::Color32::PLACEHOLDER,
            width,
        );
        let rows: Vec<(String, bool)> = galley
            .rows
            .iter()
            .map(|r| (r.text(), r.ends_with_newline))
            .collect();
        let split = rows.windows(2).enumerate().find_map(|(i, w)| {
            let ((row, newline), (next, _)) = (&w[0], &w[1]);
            let pair = !newline
                && row.chars().last().is_some_and(is_cjk)
                && next.chars().next().is_some_and(is_cjk);
            pair.then(|| earlier_break(row).map(|at| (i, at))).flatten()
        });
        let Some((i, at)) = split else {
            return text;
        };
        let mut out = String::with_capacity(text.len() + 1);
        for (k, (row, newline)) in rows.iter().enumerate() {
            if k == i {
                out.push_str(&row[..at]);
                out.push('\n');
                out.push_str(&row[at + 1..]);
            } else {
                out.push_str(row);
            }
            if *newline {
                out.push('\n');
            }
        }
        text = out;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::earlier_break;

    #[test]
    fn the_break_moves_before_the_figure_of_a_unit() {
        let row = "Main-business revenue (2024): short by 5,020 万";
        let at = earlier_break(row).expect("a space");
        assert_eq!(&row[at + 1..], "5,020 万");
        assert_eq!(earlier_break("short by 万"), Some(8));
        assert_eq!(earlier_break("万元"), None);
        assert_eq!(earlier_break("5,020 万"), None);
    }
}
