//! Line breaking: where a text may break, and the greedy filling of lines
//! of a given width with the font's advances.
//!
//! CJK text breaks between any two characters, Latin text between words (a
//! word longer than the line is cut per character). Closing punctuation
//! (`，。）` …) never starts a line and opening punctuation (`（〔“` …) never
//! ends one; a number keeps its unit (`1,310 万元`, `58 人`).

use super::font::Metrics;

/// Breaks `text` into lines no wider than `width` at `size`.
/// Explicit newlines start new lines; an empty text gives no line.
pub(super) fn wrap(m: &Metrics, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        wrap_paragraph(m, para.trim_end(), size, width, &mut out);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

fn wrap_paragraph(m: &Metrics, text: &str, size: f32, width: f32, out: &mut Vec<String>) {
    // Most cells hold a short text that fits: take it whole when it has
    // no leading, trailing or repeated space (which the loop below folds).
    let plain = !text.is_empty()
        && !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace)
        && !text.contains("  ")
        && !text.contains(|c: char| c.is_whitespace() && c != ' ');
    if plain && m.width(text, size) <= width + 0.01 {
        out.push(text.to_string());
    } else {
        wrap_atoms(m, text, size, width, out);
    }
}

/// Breaks `text` into lines at the break opportunities `atoms` finds.
fn wrap_atoms(m: &Metrics, text: &str, size: f32, width: f32, out: &mut Vec<String>) {
    let mut line = String::new();
    let mut line_w = 0.0_f32;
    let mut pending_space = false;
    let space_w = m.glyph(' ').1 * size;
    for atom in atoms(text) {
        if atom.trim().is_empty() {
            pending_space = !line.is_empty();
            continue;
        }
        let w = m.width(atom, size);
        let sep = if pending_space { space_w } else { 0.0 };
        if line_w + sep + w <= width + 0.01 {
            if pending_space {
                line.push(' ');
            }
            line.push_str(atom);
            line_w += sep + w;
        } else if w <= width {
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            line.push_str(atom);
            line_w = w;
        } else {
            // A word wider than the line: cut it per character.
            if pending_space && line_w + space_w < width {
                line.push(' ');
                line_w += space_w;
            }
            for c in atom.chars() {
                let cw = m.glyph(c).1 * size;
                if line_w + cw > width + 0.01 && !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        pending_space = false;
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
}

/// Whether `c` is set as a CJK character (each one a possible break).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF
        | 0x3200..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// Punctuation that must not start a line.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '》'
            | '」'
            | '』'
            | '〕'
            | '】'
            | '〉'
            | '’'
            | '”'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
            | '…'
            | '·'
            | '—'
            | '–'
    )
}

/// Punctuation that must not end a line.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '《' | '「' | '『' | '〔' | '【' | '〈' | '‘' | '“' | '(' | '[' | '{'
    )
}

/// Splits `text` into unbreakable pieces: single CJK characters, Latin words
/// and runs of spaces; punctuation sticks to its neighbour.
fn atoms(text: &str) -> Vec<&str> {
    // Raw pieces as byte ranges.
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut start = None::<usize>;
    let mut kind = 0_u8; // 1 word, 2 space
    let mut prev = None::<char>;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|x| x.1);
        // A separator inside a number (`5,020`, `2.54`) belongs to it.
        let in_number = matches!(c, ',' | '.')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        prev = Some(c);
        // 0: a character of its own, 1: part of a word, 2: a space.
        let k = if c.is_whitespace() {
            2
        } else {
            u8::from(in_number || !(is_cjk(c) || is_closing(c) || is_opening(c)))
        };
        if let Some(s) = start
            && (k != kind || k == 0)
        {
            raw.push((s, i));
            start = None;
        }
        if k == 0 {
            raw.push((i, i + c.len_utf8()));
        } else if start.is_none() {
            start = Some(i);
            kind = k;
        }
    }
    if let Some(s) = start {
        raw.push((s, text.len()));
    }
    // Inside a word, a line may break after `/` and `-`, and after `.` or `_`
    // before a letter (ids such as `sme.2022.innovative.rd_ratio`), not inside `2.54`.
    let mut split: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    for (s, e) in raw {
        let piece = &text[s..e];
        let is_word = piece
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !is_cjk(c) && !is_closing(c) && !is_opening(c));
        if !is_word {
            split.push((s, e));
            continue;
        }
        let mut from = s;
        let mut chars = piece.char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            let next = chars.peek().map(|x| x.1);
            let at = s + off + c.len_utf8();
            let brk = at > from + c.len_utf8()
                && match c {
                    '/' | '-' => next.is_some(),
                    '.' | '_' => next.is_some_and(char::is_alphabetic),
                    _ => false,
                };
            if brk {
                split.push((from, at));
                from = at;
            }
        }
        split.push((from, e));
    }
    let raw = split;
    // Glue: a closing mark joins the piece before it, an opening mark the piece after it.
    let mut glued: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    let mut open_from: Option<usize> = None;
    for (s, e) in raw {
        let piece = &text[s..e];
        let first = piece.chars().next().unwrap_or(' ');
        let single = piece.chars().count() == 1;
        if single && is_opening(first) {
            open_from.get_or_insert(s);
            continue;
        }
        let s = open_from.take().unwrap_or(s);
        if single
            && is_closing(first)
            && let Some(last) = glued.last_mut()
            && last.1 == s
            && !text[last.0..last.1].trim().is_empty()
        {
            last.1 = e;
            continue;
        }
        glued.push((s, e));
    }
    if let Some(s) = open_from {
        glued.push((s, text.len()));
    }
    // A number keeps its unit: `1,310 万元`, `58 人`, `2024 年）` do not break inside.
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(glued.len());
    let mut i = 0;
    while i < glued.len() {
        let (s, mut e) = glued[i];
        i += 1;
        let ends_in_number = text[s..e].ends_with(|c: char| c.is_ascii_digit() || c == '%');
        if ends_in_number
            && i + 1 < glued.len()
            && text[glued[i].0..glued[i].1].trim().is_empty()
            && starts_with_unit(&text[glued[i + 1].0..glued[i + 1].1])
        {
            e = glued[i + 1].1;
            i += 2;
            while i < glued.len()
                && glued[i].0 == e
                && starts_with_unit(&text[glued[i].0..glued[i].1])
            {
                e = glued[i].1;
                i += 1;
            }
        }
        out.push((s, e));
    }
    out.into_iter().map(|(s, e)| &text[s..e]).collect()
}

/// Whether a piece starts with a unit character that follows a number.
fn starts_with_unit(piece: &str) -> bool {
    piece.chars().next().is_some_and(|c| {
        matches!(
            c,
            '年' | '月'
                | '日'
                | '人'
                | '项'
                | '个'
                | '万'
                | '元'
                | '亿'
                | '分'
                | '名'
                | '级'
                | '次'
                | '家'
                | '件'
                | '倍'
                | '岁'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::font::metrics;
    use proptest::prelude::*;

    #[test]
    fn numbers_are_never_split() {
        let whole = |text: &str, number: &str| {
            let a = atoms(text);
            assert!(
                a.iter().any(|p| p.contains(number)),
                "{number} split: {a:?}"
            );
        };
        whole("short by 5,020 万元, i.e. 2.54 pp.", "5,020");
        whole("short by 5,020 万元, i.e. 2.54 pp.", "2.54");
        whole("还差 5,020 万元，即 12,345,678.5 元", "12,345,678.5");
        // A comma followed by a space still ends the number.
        assert_eq!(atoms("5, 6"), ["5,", " ", "6"]);
    }

    proptest! {
        /// Taking a fitting text whole gives the lines the break loop gives.
        #[test]
        fn whole_text_shortcut_matches_the_break_loop(
            text in "[a-z 技术中心，。.]{0,24}",
            width in 20.0_f32..400.0,
        ) {
            let m = metrics().unwrap();
            let mut fast = Vec::new();
            wrap_paragraph(m, &text, 9.0, width, &mut fast);
            let mut slow = Vec::new();
            wrap_atoms(m, &text, 9.0, width, &mut slow);
            prop_assert_eq!(fast, slow);
        }
    }
}
