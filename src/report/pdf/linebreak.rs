//! Line breaking: where a text may break, and the greedy filling of lines of
//! a given width with the font's advances.
//!
//! The break opportunities are those of the Unicode line-breaking algorithm
//! (UAX #14, from the `unicode-linebreak` crate): Chinese may break between
//! any two ideographs, Latin text after spaces and hyphens; closing
//! punctuation (`，。）〗` …) never starts a line and opening punctuation
//! (`（〔“` …) never ends one; a number keeps its signs and separators
//! (`50％`, `5,020`, `2.54`, `sme.2022`). One rule of our own comes on top:
//! a number keeps its unit (`1,500 万元`, `3 %`, `20 人`, `0.6 pp`).
//!
//! Lines are filled greedily. A run of spaces prints as one space, and as
//! none at either end of a line. A piece wider than a whole line (a long id,
//! `9.48%（2024 年）` in a narrow column) goes on lines of its own, cut where
//! it reads best: after a dot or an underscore of an id, before an opening
//! bracket, and only as a last resort inside a number or before a closing mark.

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

/// Breaks `text` into lines at the break opportunities [`atoms`] finds.
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
            // Wider than a whole line: on lines of its own, cut inside it.
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            let mut rest = atom;
            loop {
                let at = emergency_cut(m, rest, size, width);
                if at >= rest.len() {
                    line.push_str(rest);
                    line_w = m.width(rest, size);
                    break;
                }
                out.push(rest[..at].trim_end().to_string());
                rest = rest[at..].trim_start();
            }
        }
        pending_space = false;
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
}

/// Where to cut `piece`, which has no break opportunity and is wider than
/// `width`, so that its head fits: at the best place on the line (see
/// [`cut_quality`]), the last of them; the whole piece when it fits.
fn emergency_cut(m: &Metrics, piece: &str, size: f32, width: f32) -> usize {
    let units = unit_spans(piece);
    let mut w = 0.0;
    let (mut best, mut best_at) = (0, 0);
    let (mut before, mut prev) = (None, None);
    for (i, c) in piece.char_indices() {
        if let Some(p) = prev {
            let q = if units.iter().any(|&(s, e)| s <= i && i < e) {
                0
            } else {
                cut_quality(before, p, c)
            };
            if q >= best {
                (best, best_at) = (q, i);
            }
        }
        w += m.glyph(c).1 * size;
        if w > width + 0.01 {
            // Only a first character wider than the line has no place before it.
            return if best_at > 0 { best_at } else { c.len_utf8() };
        }
        (before, prev) = (prev, Some(c));
    }
    piece.len()
}

/// How good a cut between `p` and `c` (after `before`, if any) is where
/// UAX #14 offers no break: 2 after a separator inside an id
/// (`sme.2022.` | `innovative`), between ideographs or before an opening
/// bracket (`9.48%` | `（2024 年）`); 1 inside a word, or after a dot before
/// a digit (`sme.` | `2022`); 0, the last resort, inside a number, before a
/// closing mark or after an opening one.
fn cut_quality(before: Option<char>, p: char, c: char) -> u8 {
    use unicode_linebreak::BreakClass as B;
    let (bp, bc) = (
        unicode_linebreak::break_property(p as u32),
        unicode_linebreak::break_property(c as u32),
    );
    let no_start = matches!(
        bc,
        B::ClosePunctuation
            | B::CloseParenthesis
            | B::Exclamation
            | B::InfixSeparator
            | B::NonStarter
            | B::Postfix
            | B::Inseparable
    ) || matches!(c, '”' | '’' | '»' | '›');
    let no_end = matches!(bp, B::OpenPunctuation | B::Prefix) || matches!(p, '“' | '‘' | '«' | '‹');
    let after_digit = before.is_some_and(|b| b.is_ascii_digit());
    let in_number =
        bc == B::Numeric && (bp == B::Numeric || (bp == B::InfixSeparator && after_digit));
    let word = |b: B| {
        matches!(
            b,
            B::Alphabetic | B::HebrewLetter | B::Numeric | B::Ambiguous
        )
    };
    if no_start || no_end || in_number {
        0
    } else if (word(bp) && word(bc)) || bc == B::Numeric {
        1
    } else {
        2
    }
}

/// Splits `text` into the pieces a line may not break inside: the text
/// between two break opportunities, the spaces that end it as a piece of
/// their own.
fn atoms(text: &str) -> Vec<&str> {
    let glued = unit_spans(text);
    let mut out = Vec::new();
    let mut from = 0;
    for (at, _) in unicode_linebreak::linebreaks(text) {
        if at == from || glued.iter().any(|&(s, e)| s <= at && at < e) {
            continue;
        }
        let piece = &text[from..at];
        let body = piece.trim_end();
        if !body.is_empty() {
            out.push(body);
        }
        if body.len() < piece.len() {
            out.push(&piece[body.len()..]);
        }
        from = at;
    }
    out
}

/// Byte ranges inside which a line may not break: from the end of a number
/// to the end of the unit that follows it, with or without a space
/// (`1,500| 万元|`, `3| %|`, `2024|年|`).
fn unit_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (i, c) in text.char_indices() {
        if !c.is_ascii_digit() {
            continue;
        }
        let end = i + 1;
        let rest = &text[end..];
        let unit = rest.trim_start_matches([' ', '\u{a0}', '\u{2009}', '\u{202f}']);
        let len = unit_len(unit);
        if len > 0 {
            spans.push((end, end + (rest.len() - unit.len()) + len));
        }
    }
    spans
}

/// Characters of the Chinese units (and percent signs) a number is written with.
const UNIT_CHARS: &[char] = &[
    '年', '月', '日', '人', '项', '个', '万', '元', '亿', '分', '名', '级', '次', '家', '件', '倍',
    '岁', '%', '％', '‰',
];

/// The English unit words of the report, longest first where one begins another.
const UNIT_WORDS: &[&str] = &[
    "pp", "persons", "person", "items", "item", "years", "year", "points", "point", "level",
    "rank", "m²",
];

/// Length in bytes of the unit `s` starts with, 0 for none: a run of
/// [`UNIT_CHARS`] (`万元`, `个月`) or one of [`UNIT_WORDS`]; a `/` joins two
/// units (`万元/人`).
fn unit_len(s: &str) -> usize {
    let one = |s: &str| -> usize {
        let chars: usize = s
            .chars()
            .take_while(|c| UNIT_CHARS.contains(c))
            .map(char::len_utf8)
            .sum();
        if chars > 0 {
            return chars;
        }
        UNIT_WORDS
            .iter()
            .find(|w| s.starts_with(**w) && !s[w.len()..].starts_with(char::is_alphanumeric))
            .map_or(0, |w| w.len())
    };
    let mut end = one(s);
    while end > 0 && s[end..].starts_with('/') {
        let next = one(&s[end + 1..]);
        if next == 0 {
            break;
        }
        end += 1 + next;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::font::metrics;
    use proptest::prelude::*;

    const SIZE: f32 = 9.0;

    /// `text` wrapped at every width from its widest unbreakable piece (below
    /// which a piece is cut per character) to the width of the whole text.
    fn every_wrap(text: &str) -> Vec<(f32, Vec<String>)> {
        let m = metrics().unwrap();
        let widest = atoms(text)
            .iter()
            .map(|a| m.width(a, SIZE))
            .fold(0.0, f32::max);
        let mut out = Vec::new();
        let mut w = widest;
        while w <= m.width(text, SIZE) + 1.0 {
            out.push((w, wrap(m, text, SIZE, w)));
            w += 0.5;
        }
        assert!(out.len() > 10, "{text:?}: too few widths");
        out
    }

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

    #[test]
    fn a_percent_sign_stays_with_its_number() {
        // UAX #14 rule LB25: no break between a number and a postfix sign.
        assert_eq!(atoms("占比50％"), ["占", "比", "50％"]);
        let text = "研发人员占职工总数的比例为50％，高于35%的门槛，另有 3 % 待核实";
        for (w, lines) in every_wrap(text) {
            for l in &lines {
                assert!(
                    !l.starts_with(['％', '%']),
                    "width {w}: a line starts with a percent sign: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn closing_marks_never_start_a_line_nor_opening_marks_end_one() {
        let text = "研发费用（含委托研发）已按〖附件一〗归集。详见《管理办法》，另按〔2024〕3 号文件核定，共计 5 项。";
        for (w, lines) in every_wrap(text) {
            assert_eq!(
                lines.concat().replace(' ', ""),
                text.replace(' ', ""),
                "width {w}"
            );
            for l in &lines[1..] {
                assert!(
                    !l.starts_with(['〗', '）', '。', '，', '》', '〕']),
                    "width {w}: {l:?} starts a line: {lines:?}"
                );
            }
            for l in &lines {
                assert!(
                    !l.ends_with(['〖', '（', '《', '〔']),
                    "width {w}: {l:?} ends a line: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn an_id_is_not_broken_after_its_dot() {
        assert_eq!(atoms("sme.2022"), ["sme.2022"]);
        for (w, lines) in every_wrap("适用规则包 sme.2022 与 tc.nat.2016 的全部条件") {
            for id in ["sme.2022", "tc.nat.2016"] {
                assert!(
                    lines.iter().any(|l| l.contains(id)),
                    "width {w}: {id} broken: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn a_number_keeps_its_unit() {
        assert_eq!(atoms("还差 1,500 万元"), ["还", "差", " ", "1,500 万元"]);
        assert_eq!(atoms("2024年度"), ["2024年", "度"]);
        assert_eq!(atoms("2.5 万元/人"), ["2.5 万元/人"]);
        assert_eq!(
            atoms("short by 0.6 pp, i.e."),
            ["short", " ", "by", " ", "0.6 pp,", " ", "i.e."]
        );
        // A unit word must be a whole word.
        assert_eq!(atoms("3 yearly"), ["3", " ", "yearly"]);
        let text =
            "研发费用 1,310 万元，还差 1,500 万元，研发人员 20 人，占比还差 3 %，入库 2 年以上";
        for (w, lines) in every_wrap(text) {
            for kept in ["1,310 万元", "1,500 万元", "20 人", "3 %", "2 年"] {
                assert!(
                    lines.iter().any(|l| l.contains(kept)),
                    "width {w}: {kept:?} split: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn chinese_wraps_per_character_within_the_width() {
        let m = metrics().unwrap();
        let text = "企业技术中心应具备较强的经济技术实力和较好的经济效益在行业中具有显著的规模优势和竞争优势研发投入较高且持续增长";
        let width = 100.0;
        let lines = wrap(m, text, SIZE, width);
        assert!(lines.len() > 4, "{lines:?}");
        assert_eq!(lines.concat(), text);
        for pair in lines.windows(2) {
            let (line, next) = (&pair[0], &pair[1]);
            assert!(m.width(line, SIZE) <= width + 0.01, "{line:?} too wide");
            // Per character: the next line's first character did not fit.
            let first = next.chars().next().unwrap();
            assert!(
                m.width(line, SIZE) + m.glyph(first).1 * SIZE > width,
                "{line:?} could take {first}"
            );
        }
    }

    #[test]
    fn an_overlong_word_is_cut_rather_than_overflowing() {
        let m = metrics().unwrap();
        let text = "see sme.2022.innovative.rd_ratio_of_main_business_revenue for details";
        let width = 60.0;
        let lines = wrap(m, text, SIZE, width);
        for l in &lines {
            assert!(m.width(l, SIZE) <= width + 0.01, "{l:?} overflows");
        }
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        assert!(lines.len() >= 5, "{lines:?}");
    }

    #[test]
    fn an_overlong_piece_is_cut_where_it_reads_best() {
        let m = metrics().unwrap();
        // After a dot of an id, not inside its name nor before a digit.
        let id = "sme.2022.specialized.score.main_share";
        let width = m.width("sme.2022.specialized.score.main_sh", SIZE);
        assert_eq!(
            wrap(m, id, SIZE, width),
            ["sme.2022.specialized.score.", "main_share"]
        );
        let width = m.width("sme.20", SIZE);
        assert_eq!(wrap(m, id, SIZE, width)[0], "sme.");
        // UAX #14 keeps `9.48%（2024` together (LB25); cut before the bracket,
        // never with `）` starting a line.
        let value = "9.48%（2024 年）";
        let width = m.width("9.48%（2024 年", SIZE);
        assert_eq!(wrap(m, value, SIZE, width), ["9.48%", "（2024 年）"]);
    }

    proptest! {
        /// Whatever the text and the width, no character is lost and no line
        /// is wider than the width unless it holds a single character.
        #[test]
        fn lines_keep_every_character_and_fit(
            text in "[a-z0-9 .,_%（）“”技术中心万元，。]{0,40}",
            width in 4.0_f32..200.0,
        ) {
            let m = metrics().unwrap();
            let lines = wrap(m, &text, SIZE, width);
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            prop_assert_eq!(squeeze(&lines.concat()), squeeze(&text));
            for l in &lines {
                prop_assert!(
                    m.width(l, SIZE) <= width + 0.01 || l.chars().count() == 1,
                    "{:?} is wider than {}", l, width
                );
            }
        }

        /// Taking a fitting text whole gives the lines the break loop gives.
        #[test]
        fn whole_text_shortcut_matches_the_break_loop(
            text in "[a-z0-9 技术中心万元，。.%（）]{0,24}",
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
