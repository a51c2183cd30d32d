//! Formatting of values, thresholds and gaps, shared by every renderer so
//! the terminal, the app and the printed summary say the same thing.

use std::fmt::Write as _;

use crate::eval::{Check, CheckOp, Evaluation, Gap, Outcome, ProgrammeProgress, Verdict};
use crate::i18n::Lang;
use crate::i18n::words;
use crate::metrics::{Unit, Value};
use crate::rules::{Confidence, Have, Op, Programme, Rule, Scoring, Test, Text};

/// A number with at most `decimals` decimals, trailing zeros trimmed, and
/// thousands separators.
#[must_use]
pub fn number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if v < 0.0 && (int != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// 是 / 否 (yes / no).
#[must_use]
pub fn yes_no(b: bool, lang: Lang) -> &'static str {
    lang.t(if b { words::YES } else { words::NO })
}

/// A value with its unit, e.g. `2.4%`, `1,500 万元`, `是`.
#[must_use]
pub fn value(v: Option<Value>, unit: Unit, lang: Lang) -> String {
    match v {
        None => lang.t(words::DASH).into(),
        Some(Value::Flag(b)) => yes_no(b, lang).into(),
        Some(Value::Num(n)) => quantity(n, unit, lang),
        Some(Value::Span(s)) => {
            // "1.1–2 年": the start is known only to the year.
            let hi = quantity(s.max, unit, lang);
            format!("{}–{hi}", number((s.min * 10.0 + 1e-9).floor() / 10.0, 1))
        }
    }
}

/// A number with its unit.
#[must_use]
pub fn quantity(n: f64, unit: Unit, lang: Lang) -> String {
    let decimals = match unit {
        Unit::Percent => 2,
        Unit::Points | Unit::Year => 1,
        u if u.is_count() => 0,
        _ => 2,
    };
    // Durations are shown cut down, never rounded up: 5.58 years is "5.5 年",
    // not "6 年" (criteria.md §1 "Durations are measured").
    let n = if unit == Unit::Year {
        (n * 10.0 + 1e-9).floor() / 10.0
    } else {
        n
    };
    let num = number(n, decimals);
    match unit {
        Unit::Percent => format!("{num}%"),
        Unit::Flag => num,
        _ => {
            let word = match (lang, unit) {
                (Lang::Zh, u) => u.zh(),
                // English singular for exactly one: "1 item", "1 year", "1 point".
                (Lang::En, Unit::Person) if num == "1" => "person",
                (Lang::En, Unit::Item) if num == "1" => "item",
                (Lang::En, Unit::Year) if num == "1" => "year",
                (Lang::En, Unit::Points) if num == "1" => "point",
                // "level 2", "rank 9": English puts these words first.
                (Lang::En, Unit::Level | Unit::Rank) => return format!("{} {num}", unit.en()),
                (Lang::En, u) => u.en(),
            };
            format!("{num} {word}")
        }
    }
}

/// A check as `label value op threshold`, e.g. `研发费用（2024 年） 1,200 万元 ≥ 1,500 万元`.
#[must_use]
pub fn check_line(c: &Check, lang: Lang) -> String {
    let label = c.label.get(lang);
    if c.value.is_none() && c.outcome == Outcome::Review && c.decide.is_some() {
        // Filled, but the formula does not apply: the note says what decides.
        return format!("{label}{}", lang.t(words::FORMULA_NOT_APPLICABLE));
    }
    match (c.value, c.threshold) {
        (Some(Value::Flag(v)), Some(Value::Flag(t))) if c.unit == Unit::Flag => {
            let yes_no = |b: bool| yes_no(b, lang);
            format!(
                "{label}：{}（{} {}）",
                yes_no(v),
                lang.t(words::REQUIRED),
                yes_no(t)
            )
            .replace('：', if lang == Lang::En { ": " } else { "：" })
            .replace('（', if lang == Lang::En { " (" } else { "（" })
            .replace('）', if lang == Lang::En { ")" } else { "）" })
        }
        (None, Some(t)) => {
            let ts = value(Some(t), c.unit, lang);
            let op = c.op.symbol();
            match lang {
                Lang::Zh => format!("{label}：未填写（要求 {op} {ts}）").replace("  ", " "),
                Lang::En => format!("{label}: not entered (required {op} {ts})").replace("  ", " "),
            }
        }
        (Some(Value::Num(v)), Some(Value::Num(t))) if c.op != CheckOp::None => {
            let (vs, ts) = distinct(v, t, c.unit, lang);
            let op = match c.op {
                CheckOp::Cmp(op) if !op.holds(v, t) => negate(op),
                other => other.symbol(),
            };
            format!("{label} {vs} {op} {ts}")
        }
        (None, None) => format!("{label}{}", lang.t(words::NOT_ENTERED)),
        (v, _) => format!("{label} {}", value(v, c.unit, lang)),
    }
}

/// The symbol of the opposite comparison, for a check that does not hold.
fn negate(op: Op) -> &'static str {
    match op {
        Op::Ge => "<",
        Op::Gt => "≤",
        Op::Le => ">",
        Op::Lt => "≥",
    }
}

/// A value and its threshold as text, with enough decimals that two different
/// numbers never print alike ("89.996% < 90%", not "90% < 90%").
fn distinct(v: f64, t: f64, unit: Unit, lang: Lang) -> (String, String) {
    let (vs, ts) = (quantity(v, unit, lang), quantity(t, unit, lang));
    if vs != ts || v == t || unit.is_count() || unit == Unit::Year {
        return (vs, ts);
    }
    for decimals in 3..=8 {
        let n = number(v, decimals);
        if n != number(t, decimals) {
            let word = quantity(0.0, unit, lang);
            let word = word.trim_start_matches('0').trim();
            return match unit {
                Unit::Percent => (format!("{n}%"), ts),
                _ => (format!("{n} {word}"), ts),
            };
        }
    }
    (vs, ts)
}

/// `v` rounded **up** to `decimals` places (exactly, on its decimal form): a
/// gap is never printed smaller than it is.
#[must_use]
pub fn round_up(v: f64, decimals: u32) -> f64 {
    use crate::metrics::exact::Q;
    let scale = 10_i64.pow(decimals);
    Q::from_f64(v)
        .and_then(|q| q.times(Q::int(scale)))
        .and_then(Q::ceil)
        .and_then(|c| Q::int(c).over(Q::int(scale)))
        .map_or(v, Q::to_f64)
}

/// The gap as a phrase, e.g. `还差 0.6 个百分点，即研发费用再增加 60 万元`.
#[must_use]
pub fn gap(g: &Gap, lang: Lang) -> String {
    let amount = match g.unit {
        Unit::Percent => match lang {
            Lang::Zh => format!("{} 个百分点", number(round_up(g.shortfall, 2), 2)),
            Lang::En => format!("{} pp", number(round_up(g.shortfall, 2), 2)),
        },
        Unit::Points => quantity(round_up(g.shortfall, 1), g.unit, lang),
        u if u.is_count() => quantity(g.shortfall, u, lang),
        u => quantity(round_up(g.shortfall, 2), u, lang),
    };
    // Over a ceiling (a size cap, a debt ratio) the gap says by how much,
    // not that the firm should shrink.
    let mut s = lang
        .t(if g.decrease {
            words::GAP_OVER
        } else {
            words::GAP_SHORT
        })
        .replace("{amount}", &amount);
    if let Some(l) = g.lever {
        let q = quantity(l.amount, l.unit, lang);
        match lang {
            Lang::Zh => {
                let what = l.input.zh();
                if what.starts_with('需') {
                    let _ = write!(s, "，即{what} {q}");
                } else {
                    let _ = write!(s, "，即{what}再增加 {q}");
                }
            }
            Lang::En => {
                let _ = write!(s, ", i.e. {q} {}", l.input.en());
            }
        }
    }
    if let Some(p) = g.points_gain {
        match lang {
            Lang::Zh => {
                let _ = write!(s, "（可多得 {} 分）", number(p, 1));
            }
            Lang::En => {
                let _ = write!(s, " (+{} points)", number(p, 1));
            }
        }
    }
    s
}

/// Status word of an outcome.
#[must_use]
pub fn outcome(o: Outcome, lang: Lang) -> &'static str {
    match o {
        Outcome::Met => lang.t(words::MET),
        Outcome::NotMet => lang.t(words::NOT_MET),
        Outcome::Missing => lang.t(words::MISSING_DATA),
        Outcome::Review => lang.t(words::NEEDS_REVIEW),
        Outcome::NA => lang.t(words::N_A),
    }
}

/// One-character status mark of an outcome, for every view (text, window,
/// PDF): glyphs every bundled font can draw.
#[must_use]
pub fn outcome_mark(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "✓",
        Outcome::NotMet => "×",
        Outcome::Missing => "?",
        Outcome::Review => "…",
        Outcome::NA => "–",
    }
}

/// Verdict word.
#[must_use]
pub fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Eligible => lang.t(words::ELIGIBLE),
        Verdict::NotEligible => lang.t(words::NOT_ELIGIBLE),
        Verdict::Incomplete => lang.t(words::INCOMPLETE),
        Verdict::NotApplicable => lang.t(words::NOT_APPLICABLE),
    }
}

/// Confidence explanation.
#[must_use]
pub fn confidence(c: Confidence, lang: Lang) -> &'static str {
    match c {
        Confidence::V => lang.t(words::VERIFIED_TWO_OR_MORE_OFFICIAL_COPIES),
        Confidence::V1 => lang.t(words::ONE_PUBLIC_COPY_RE_CHECK),
        Confidence::P => lang.t(words::PROVISIONAL_CONFIRM_WITH_THE_AUTHORITY),
        Confidence::Q => lang.t(words::QUALITATIVE_DECLARE_AND_ATTACH_EVIDENCE),
    }
}

/// Name of a have.
#[must_use]
pub fn have(h: Have, lang: Lang) -> &'static str {
    match h {
        Have::Staff => lang.t(words::R_D_STAFF),
        Have::Funding => lang.t(words::R_D_FUNDING),
        Have::Conditions => lang.t(words::R_D_CONDITIONS),
        Have::Direction => lang.t(words::R_D_DIRECTION),
        Have::Projects => lang.t(words::R_D_PROJECTS),
        Have::Basis => lang.t(words::BASIS),
    }
}

/// Name of a programme.
#[must_use]
pub fn programme(p: Programme, lang: Lang) -> &'static str {
    match p {
        Programme::TechCenter => lang.t(words::ENTERPRISE_TECHNOLOGY_CENTER),
        Programme::QualitySme => lang.t(words::QUALITY_SME_LADDER),
        Programme::HighTech => lang.t(words::HIGH_TECH_ENTERPRISE),
        Programme::TechSme => lang.t(words::TECH_BASED_SME),
    }
}

/// The tier a programme has reached, by title, marked when the company already
/// holds it ("江西省专业化小巨人企业（已持有）"); `None` when no tier is reached.
#[must_use]
pub fn reached_tier(ev: &Evaluation, p: &ProgrammeProgress, lang: Lang) -> Option<String> {
    let t = ev.tier(p.reached.as_deref()?)?;
    let held = if p.reached_held {
        lang.t(words::HELD)
    } else {
        ""
    };
    Some(format!("{}{held}", t.title.get(lang)))
}

/// A test described in words, e.g. `研发费用（Y−1） ≥ 1,500 万元`.
#[must_use]
pub fn describe_test(t: &Test, lang: Lang) -> String {
    let metric = |m: crate::metrics::Metric| lang.pick(m.zh(), m.en()).to_string();
    let yr = |y: Option<u8>| {
        y.map(|b| paren(&format!("Y−{b}"), lang))
            .unwrap_or_default()
    };
    match t {
        Test::Cmp {
            metric: m,
            year,
            op,
            value,
            unit,
        } => {
            format!(
                "{}{} {} {}",
                metric(*m),
                yr(*year),
                op.symbol(),
                quantity(*value, *unit, lang)
            )
        }
        Test::Flag { metric: m, expect } => {
            format!("{} = {}", metric(*m), yes_no(*expect, lang))
        }
        Test::Declared { metric: m } => {
            format!("{}{}", metric(*m), paren(lang.t(words::DECLARED), lang))
        }
        Test::Holds { title, tier, .. } => {
            let t = lang.pick(title.zh(), title.en());
            match tier {
                Some(_) => format!(
                    "{} {t}{}",
                    lang.t(words::HOLDS),
                    lang.t(words::OR_MEETS_THAT_TIER_NOW)
                ),
                None => format!("{} {t}", lang.t(words::HOLDS)),
            }
        }
        Test::Score { min } => format!("{} ≥ {}", lang.t(words::SCORE), number(*min, 1)),
        Test::All(v) => v
            .iter()
            .map(|x| describe_test(x, lang))
            .collect::<Vec<_>>()
            .join(lang.t(words::AND)),
        Test::Any(rs) => rs
            .iter()
            .map(|r| {
                let when = r
                    .when
                    .as_ref()
                    .map(|w| format!("[{}] ", describe_test(w, lang)))
                    .unwrap_or_default();
                format!("({when}{})", describe_test(&r.test, lang))
            })
            .collect::<Vec<_>>()
            .join(lang.t(words::OR)),
    }
}

/// A scoring rule described in words.
#[must_use]
pub fn describe_scoring(s: &Scoring, lang: Lang) -> String {
    match s {
        Scoring::Bands {
            metric,
            year,
            unit,
            upper_closed,
            bands,
        } => {
            let yr = year
                .map(|b| paren(&format!("Y−{b}"), lang))
                .unwrap_or_default();
            let parts: Vec<String> = bands
                .iter()
                .map(|b| {
                    format!(
                        "{}{}{}",
                        band_words(b.from, b.to, *unit, *upper_closed, lang),
                        lang.t(words::COLON_SPACED),
                        quantity(b.points, Unit::Points, lang)
                    )
                })
                .collect();
            format!(
                "{}{yr}{}{}",
                lang.pick(metric.zh(), metric.en()),
                lang.t(words::COLON_SPACED),
                parts.join(lang.t(words::SEMICOLON))
            )
        }
        Scoring::Ladder { steps, otherwise } => {
            let mut parts: Vec<String> = steps
                .iter()
                .map(|s| format!("{} → {}", s.label.get(lang), number(s.points, 1)))
                .collect();
            parts.push(format!(
                "{} → {}",
                lang.t(words::OTHERWISE),
                number(*otherwise, 1)
            ));
            parts.join("; ")
        }
        Scoring::Sum { steps, cap } => {
            let parts: Vec<String> = steps
                .iter()
                .map(|s| format!("{} +{}", s.label.get(lang), number(s.points, 1)))
                .collect();
            format!(
                "{} ({} {})",
                parts.join("; "),
                lang.t(words::CAP),
                number(*cap, 1)
            )
        }
        Scoring::Max(v) => v
            .iter()
            .map(|x| describe_scoring(x, lang))
            .collect::<Vec<_>>()
            .join(lang.t(words::BEST_OF)),
        Scoring::Manual { metric } => format!(
            "{}{}",
            lang.pick(metric.zh(), metric.en()),
            paren(lang.t(words::ENTERED_BY_HAND), lang)
        ),
    }
}

/// A band in words, as the official tables write them. `[from, to)` bands (a
/// boundary value scores the higher band): "低于 1%", "1%–2%", "5% 及以上";
/// `(from, to]` bands ("≤ X" tables): "55% 及以下", "高于 55% 至 75%", "高于 75%".
#[must_use]
pub fn band_words(
    from: Option<f64>,
    to: Option<f64>,
    unit: Unit,
    upper_closed: bool,
    lang: Lang,
) -> String {
    use crate::i18n::common;
    let q = |v: f64| quantity(v, unit, lang);
    let (below, range, above) = if upper_closed {
        (
            common::BAND_AT_MOST,
            common::BAND_OVER_TO,
            common::BAND_OVER,
        )
    } else {
        (
            common::BAND_BELOW,
            common::BAND_RANGE,
            common::BAND_AT_LEAST,
        )
    };
    match (from, to) {
        (None, Some(to)) => lang.t(below).replace("{to}", &q(to)),
        (Some(from), None) => lang.t(above).replace("{from}", &q(from)),
        (Some(from), Some(to)) => {
            // "1%–2%", but "100–200 万元": a word unit is written once.
            let from = if unit == Unit::Percent || upper_closed {
                q(from)
            } else {
                number(from, 2)
            };
            lang.t(range)
                .replace("{from}", &from)
                .replace("{to}", &q(to))
        }
        (None, None) => lang.t(common::BAND_ANY).to_string(),
    }
}

/// What a tier's status reads as, the same in every renderer: 已持有 for a
/// held title or center (its criteria are context for the next review), the
/// reason for a tier that does not apply, else the verdict word with the route
/// that passed, in words.
#[must_use]
pub fn tier_status(t: &crate::eval::TierResult, lang: Lang) -> String {
    if t.held {
        return lang.t(words::HELD_WORD).to_string();
    }
    if let Some(reason) = &t.not_applicable {
        return reason.get(lang).to_string();
    }
    let word = verdict(t.verdict, lang);
    match &t.route_label {
        Some(r) => format!(
            "{word}{}",
            paren(&format!("{}{}", lang.t(words::BY), r.get(lang)), lang)
        ),
        None => word.to_string(),
    }
}

/// A rule described in words.
#[must_use]
pub fn describe_rule(r: &Rule, lang: Lang) -> String {
    match r {
        Rule::Check(t) => describe_test(t, lang),
        Rule::Points { max, scoring, .. } => {
            format!(
                "{}{} {}",
                lang.t(words::MAX),
                quantity(*max, Unit::Points, lang),
                describe_scoring(scoring, lang)
            )
        }
    }
}

/// `s` in parentheses: full-width in Chinese, ` (s)` in English.
#[must_use]
pub fn paren(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{s}）"),
        Lang::En => format!(" ({s})"),
    }
}

/// A citation: `document, article (date)`.
#[must_use]
pub fn source(s: &crate::rules::Source, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}，{}（{}）", s.document, s.article, s.date),
        Lang::En => format!("{}, {} ({})", s.document, s.article, s.date),
    }
}

/// Pads `s` with spaces to `width` terminal columns (CJK characters count as two).
#[must_use]
pub fn pad(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// `zh` or `en` of a bilingual text.
#[must_use]
pub fn text(t: &Text, lang: Lang) -> &str {
    t.get(lang)
}

/// Operator symbol (re-exported for renderers).
#[must_use]
pub fn op(o: Op) -> &'static str {
    o.symbol()
}

/// A file size in B, KB or MB (1 KB = 1024 bytes), e.g. `1.2 MB`.
#[must_use]
pub fn file_size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.0} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// An attached file's facts, joined by `sep`: pages (when known), size and
/// the date added, e.g. "3 页 · 1.2 MB · 2026-12-01".
#[must_use]
pub fn attachment_facts(a: &crate::model::Attachment, lang: Lang, sep: &str) -> String {
    use crate::i18n::attach as t;
    let mut parts = Vec::new();
    match a.pages {
        Some(1) => parts.push(lang.t(t::PAGE_ONE).to_string()),
        Some(n) => parts.push(lang.t(t::PAGES).replace("{n}", &n.to_string())),
        None => {}
    }
    parts.push(file_size(a.size));
    parts.push(a.added.to_string());
    parts.join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{Lever, LeverInput};

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(number(1500.0, 2), "1,500");
        assert_eq!(number(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(number(2.40, 2), "2.4");
        assert_eq!(number(-3.5, 2), "-3.5");
        assert_eq!(number(-0.001, 2), "0");
        assert_eq!(number(f64::NAN, 2), "—");
    }

    #[test]
    fn a_ratio_gap_names_the_money() {
        let g = Gap {
            shortfall: 0.6,
            unit: Unit::Percent,
            decrease: false,
            lever: Some(Lever {
                amount: 60.0,
                unit: Unit::Wan,
                input: LeverInput::RdSpend,
            }),
            points_gain: None,
        };
        assert_eq!(
            gap(&g, Lang::Zh),
            "还差 0.6 个百分点，即研发费用再增加 60 万元"
        );
        assert_eq!(
            gap(&g, Lang::En),
            "short by 0.6 pp, i.e. 60 万元 more R&D spending"
        );
    }

    #[test]
    fn a_ceiling_gap_says_by_how_much_not_to_shrink() {
        // 科技型中小企业: revenue at most 2 亿; a firm at 90,600 万元 is 70,600 万元 over.
        let g = Gap {
            shortfall: 70_600.0,
            unit: Unit::Wan,
            decrease: true,
            lever: None,
            points_gain: None,
        };
        assert_eq!(gap(&g, Lang::Zh), "超出上限 70,600 万元");
        assert_eq!(gap(&g, Lang::En), "70,600 万元 over the limit");
    }
}
