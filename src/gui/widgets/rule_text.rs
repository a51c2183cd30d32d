//! A rule as the hover help of a field shows it: a pass/fail test on one
//! line, a score table one band or step a line, in words ("低于 1%：0 分",
//! "1%–2%：5 分", "5% 及以上：20 分"), never in interval notation.

use eframe::egui::{RichText, Ui};

use crate::gui::theme;
use crate::i18n::{Lang, common};
use crate::metrics::Unit;
use crate::report::format as f;
use crate::rules::{Band, Rule, Scoring};

/// Shows `rule` under a criterion's title, muted and small, indented.
pub fn rule_lines(ui: &mut Ui, lang: Lang, rule: &Rule) {
    let lines = match rule {
        Rule::Check(t) => vec![f::describe_test(t, lang)],
        Rule::Points { max, scoring, .. } => {
            let mut v = vec![
                lang.t(common::RULE_MAX_POINTS)
                    .replace("{points}", &points(*max, lang)),
            ];
            scoring_lines(scoring, lang, 0, &mut v);
            v
        }
    };
    for line in lines {
        ui.label(
            RichText::new(format!("    {line}"))
                .small()
                .color(theme::MUTED),
        );
    }
}

/// The lines of a scoring, each indented by `depth` steps.
fn scoring_lines(s: &Scoring, lang: Lang, depth: usize, out: &mut Vec<String>) {
    let pad = "  ".repeat(depth);
    let item = |label: &str, pts: String| format!("{pad}{label}{}{pts}", colon(lang));
    match s {
        Scoring::Bands {
            metric,
            year,
            unit,
            upper_closed,
            bands,
        } => {
            let yr = year
                .map(|b| f::paren(&format!("Y−{b}"), lang))
                .unwrap_or_default();
            out.push(format!("{pad}{}{yr}", lang.pick(metric.zh(), metric.en())));
            for b in bands {
                out.push(format!(
                    "{pad}  {}{}{}",
                    band(b, *unit, *upper_closed, lang),
                    colon(lang),
                    points(b.points, lang)
                ));
            }
        }
        Scoring::Ladder { steps, otherwise } => {
            for st in steps {
                out.push(item(st.label.get(lang), points(st.points, lang)));
            }
            out.push(item(
                lang.t(common::RULE_OTHERWISE),
                points(*otherwise, lang),
            ));
        }
        Scoring::Sum { steps, cap } => {
            for st in steps {
                out.push(item(
                    st.label.get(lang),
                    format!("+{}", points(st.points, lang)),
                ));
            }
            out.push(format!(
                "{pad}{}",
                lang.t(common::RULE_CAP)
                    .replace("{points}", &points(*cap, lang))
            ));
        }
        Scoring::Max(v) => {
            out.push(format!("{pad}{}", lang.t(common::RULE_BEST_OF)));
            for x in v {
                scoring_lines(x, lang, depth + 1, out);
            }
        }
        Scoring::Manual { .. } => out.push(format!("{pad}{}", f::describe_scoring(s, lang))),
    }
}

/// A band in words (the same wording as every renderer).
#[must_use]
pub fn band(b: &Band, unit: Unit, upper_closed: bool, lang: Lang) -> String {
    f::band_words(b.from, b.to, unit, upper_closed, lang)
}

fn points(p: f64, lang: Lang) -> String {
    f::quantity(p, Unit::Points, lang)
}

fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(from: Option<f64>, to: Option<f64>) -> Band {
        Band {
            from,
            to,
            points: 0.0,
            up_to: None,
        }
    }

    #[test]
    fn bands_read_as_words() {
        let zh = Lang::Zh;
        let pct = Unit::Percent;
        assert_eq!(band(&b(None, Some(1.0)), pct, false, zh), "低于 1%");
        assert_eq!(band(&b(Some(1.0), Some(2.0)), pct, false, zh), "1%–2%");
        assert_eq!(band(&b(Some(5.0), None), pct, false, zh), "5% 及以上");
        assert_eq!(band(&b(None, Some(55.0)), pct, true, zh), "55% 及以下");
        assert_eq!(
            band(&b(Some(55.0), Some(75.0)), pct, true, zh),
            "高于 55% 至 75%"
        );
        assert_eq!(band(&b(Some(75.0), None), pct, true, zh), "高于 75%");
        assert_eq!(
            band(&b(Some(100.0), Some(200.0)), Unit::Wan, false, zh),
            "100–200 万元"
        );
        let en = Lang::En;
        assert_eq!(band(&b(None, Some(1.0)), pct, false, en), "below 1%");
        assert_eq!(band(&b(Some(5.0), None), pct, false, en), "5% or more");
        assert_eq!(band(&b(None, Some(55.0)), pct, true, en), "55% or less");
    }
}
