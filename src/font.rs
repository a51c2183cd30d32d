//! The bundled font and which characters it can draw.
//!
//! One copy of Noto Sans CJK SC (SIL OFL 1.1; see `assets/fonts/`) serves the
//! window (as the fallback after egui's Latin fonts) and the PDF summary
//! (which embeds the glyphs it uses). A character it lacks prints as an empty
//! box, so validation warns about such characters in the texts a user types.

use std::sync::OnceLock;

use skrifa_krilla::charmap::Charmap;
use skrifa_krilla::{FontRef, MetadataProvider};

/// The bundled font's bytes.
///
/// A `static`, not a `const`: a `const` byte slice is copied into every place
/// that uses it, and the 17 MB font was in the binary twice (the window and
/// the PDF writer).
pub static FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKsc-Regular-subset.ttf");

/// The font's character map, parsed once.
fn charmap() -> Option<&'static Charmap<'static>> {
    static CHARMAP: OnceLock<Option<Charmap<'static>>> = OnceLock::new();
    CHARMAP
        .get_or_init(|| FontRef::new(FONT).ok().map(|f| f.charmap()))
        .as_ref()
}

/// The character drawn for `c`: a close equivalent the font has for a few
/// symbols it lacks (✔ → ✓, ✘ → ×), a space for control characters.
#[must_use]
pub fn substitute(c: char) -> char {
    match c {
        '✔' => '✓',
        '✘' | '✗' => '×',
        '\t' | '\r' | '\n' => ' ',
        c if c.is_control() => ' ',
        c => c,
    }
}

/// Whether `c` can be drawn: the font has a glyph for it or for its
/// substitute. Spaces count as drawable (they are laid out, not drawn).
#[must_use]
pub fn has(c: char) -> bool {
    let c = substitute(c);
    c.is_whitespace() || charmap().is_some_and(|m| m.map(c).is_some())
}

/// The distinct characters of `text` the font cannot draw, in order of first use.
#[must_use]
pub fn lacks(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if !has(c) && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_draw_and_emoji_do_not() {
        assert!(lacks("江西洪岳精密机械有限公司 Ltd. ≥ 3%（万元）").is_empty());
        // 通用规范汉字表 name characters beyond the basic block.
        assert!(lacks("赣州䶮𬭚𬘡科技").is_empty());
        assert_eq!(lacks("研发😀中心😀🚀"), vec!['😀', '🚀']);
        assert!(lacks("tab\there\n").is_empty());
        // Drawn as ✓ and ×.
        assert!(lacks("✔ ✘").is_empty());
    }
}
