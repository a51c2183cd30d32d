//! Parsing and validating a rule pack. Every rejection names the file, the
//! line and the reason.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::schema::{Criterion, Expr, Pack, Rule, SCHEMA_VERSION, Scoring, Test, Tier};
use crate::metrics::Unit;

/// Largest pack file accepted.
const MAX_PACK_BYTES: u64 = 4 * 1024 * 1024;

/// Why a pack was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// The file could not be read.
    #[error("cannot read rule pack {path}: {reason}")]
    Io {
        /// Path.
        path: String,
        /// OS reason.
        reason: String,
    },
    /// The RON text does not match the schema.
    #[error("{file}:{line}:{col}: {reason}")]
    Parse {
        /// File.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What is wrong.
        reason: String,
    },
    /// The pack parses but breaks a rule of the schema.
    #[error("{file}:{line}: {reason}")]
    Invalid {
        /// File.
        file: String,
        /// 1-based line (0 when the problem is not tied to one line).
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// Reads and validates a pack file.
pub fn read_pack(path: &Path) -> Result<Pack, RuleError> {
    let io = |e: std::io::Error| RuleError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_PACK_BYTES {
        return Err(RuleError::Io {
            path: path.display().to_string(),
            reason: format!("file is {} bytes, more than a rule pack can be", meta.len()),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        RuleError::Parse {
            file: path.display().to_string(),
            line,
            col: 1,
            reason: "the file is not UTF-8 text".into(),
        }
    })?;
    // Notepad on Windows may save "UTF-8 with BOM": the mark is not part of the pack.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    parse_pack(text, &path.display().to_string())
}

/// Parses and validates a pack from RON text; `file` names it in errors.
pub fn parse_pack(text: &str, file: &str) -> Result<Pack, RuleError> {
    let pack: Pack = ron::Options::default()
        .with_recursion_limit(64)
        .from_str(text)
        .map_err(|e| RuleError::Parse {
            file: file.to_string(),
            line: e.span.start.line,
            col: e.span.start.col,
            reason: e.code.to_string(),
        })?;
    Checker { file, text }.pack(&pack)?;
    Ok(pack)
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
}

impl Checker<'_> {
    /// Line of the `nth` (0-based) definition (`id: "needle"`) of `needle` in the
    /// source; without definitions, of its `nth` quoted occurrence (e.g. a name in
    /// a `pass` expression). Definitions come first: a criterion named in its tier's
    /// `pass` expression above its own definition is reported at the definition.
    fn line_of(&self, needle: &str, nth: usize) -> usize {
        let quoted = format!("\"{needle}\"");
        let all: Vec<usize> = self.text.match_indices(&quoted).map(|(i, _)| i).collect();
        let defs: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| self.text[..i].trim_end().ends_with("id:"))
            .collect();
        let at = if defs.is_empty() {
            all.get(nth).or_else(|| all.first())
        } else {
            defs.get(nth).or_else(|| defs.first())
        };
        at.map_or(0, |&i| self.line_at(i))
    }

    /// 1-based line of byte offset `i`.
    fn line_at(&self, i: usize) -> usize {
        1 + self.text[..i].matches('\n').count()
    }

    /// Line of the first field `key: …` outside comments, if any.
    fn line_of_key(&self, key: &str) -> Option<usize> {
        self.text
            .lines()
            .position(|l| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .map(|n| n + 1)
    }

    fn err(&self, at: &str, reason: String) -> RuleError {
        RuleError::Invalid {
            file: self.file.to_string(),
            line: self.line_of(at, 0),
            reason,
        }
    }

    fn pack(&self, p: &Pack) -> Result<(), RuleError> {
        if p.schema != SCHEMA_VERSION {
            return Err(RuleError::Invalid {
                file: self.file.into(),
                line: self.line_of_key("schema").unwrap_or(1),
                reason: format!(
                    "pack is written for rule schema {}, this innocheck reads schema {SCHEMA_VERSION}",
                    p.schema
                ),
            });
        }
        for b in &p.benchmarks {
            self.unit(b.metric, b.unit, &format!("benchmark {}", b.metric.id()))?;
            if !b.value.is_finite() {
                return Err(self.err(
                    "benchmarks",
                    format!("benchmark {} is not a finite number", b.metric.id()),
                ));
            }
        }
        if p.id.trim().is_empty() {
            return Err(self.err("id", "pack id is empty".into()));
        }
        if let Some(to) = p.effective_to
            && to < p.effective_from
        {
            return Err(RuleError::Invalid {
                file: self.file.into(),
                line: self
                    .line_of_key("effective_to")
                    .unwrap_or_else(|| self.line_of(&p.id, 0)),
                reason: format!(
                    "effective_to {to} is before effective_from {}",
                    p.effective_from
                ),
            });
        }
        if p.tiers.is_empty() {
            return Err(self.err(&p.id, "pack has no tiers".into()));
        }
        // Ids: unique across the pack, prefixed by their tier (or the pack for common criteria).
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut note = |id: &str| -> Result<(), RuleError> {
            let count = seen.entry(id.to_string()).or_insert(0);
            *count += 1;
            if *count > 1 {
                // A tier may share the pack's id (tech-center packs): skip the pack's own `id:`.
                let nth = *count - 1 + usize::from(id == p.id);
                return Err(RuleError::Invalid {
                    file: self.file.into(),
                    line: self.line_of(id, nth),
                    reason: format!("duplicate id {id:?}"),
                });
            }
            Ok(())
        };
        for t in &p.tiers {
            note(&t.id)?;
        }
        for c in p.all_criteria() {
            note(&c.id)?;
        }
        for c in &p.common {
            self.prefixed(&c.id, &p.id)?;
            self.criterion(c, None)?;
        }
        for t in &p.tiers {
            if t.id != p.id {
                self.prefixed(&t.id, &p.id)?;
            }
            self.tier(p, t)?;
        }
        Ok(())
    }

    fn prefixed(&self, id: &str, prefix: &str) -> Result<(), RuleError> {
        if id
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('.') && rest.len() > 1)
        {
            Ok(())
        } else {
            Err(self.err(
                id,
                format!("id {id:?} must start with {prefix:?} followed by '.'"),
            ))
        }
    }

    fn tier(&self, p: &Pack, t: &Tier) -> Result<(), RuleError> {
        if t.criteria.is_empty() {
            return Err(self.err(&t.id, format!("tier {:?} has no criteria", t.id)));
        }
        if let Some(spec) = &t.score {
            let mut ids = BTreeSet::new();
            let mut total = 0.0;
            for b in &spec.blocks {
                if !ids.insert(b.id.as_str()) {
                    return Err(self.err(&b.id, format!("duplicate score block {:?}", b.id)));
                }
                total += b.max;
                let items: f64 = t
                    .criteria
                    .iter()
                    .filter_map(|c| match &c.rule {
                        Rule::Points { block, max, .. } if *block == b.id => Some(*max),
                        _ => None,
                    })
                    .sum();
                if (items - b.max).abs() > 1e-9 {
                    return Err(self.err(
                        &b.id,
                        format!(
                            "block {:?} has max {} but its items add up to {items}",
                            b.id, b.max
                        ),
                    ));
                }
            }
            if (total - spec.max).abs() > 1e-9 {
                return Err(self.err(
                    &t.id,
                    format!(
                        "score blocks of {:?} add up to {total}, not the stated max {}",
                        t.id, spec.max
                    ),
                ));
            }
        }
        for c in &t.criteria {
            self.prefixed(&c.id, &t.id)?;
            self.criterion(c, Some(t))?;
        }
        if let Some(expr) = &t.pass {
            let known: BTreeSet<&str> =
                p.common.iter().chain(&t.criteria).map(|c| &*c.id).collect();
            self.expr(expr, &known, &t.id)?;
        }
        Ok(())
    }

    fn expr(&self, e: &Expr, known: &BTreeSet<&str>, tier: &str) -> Result<(), RuleError> {
        match e {
            Expr::C(id) if known.contains(id.as_str()) => Ok(()),
            Expr::C(id) => Err(self.err(
                id,
                format!("pass expression of {tier:?} names {id:?}, which is not a criterion of the tier or the pack"),
            )),
            Expr::All(v) | Expr::Any(v) if v.is_empty() => {
                Err(self.err(tier, format!("pass expression of {tier:?} has an empty All/Any")))
            }
            Expr::All(v) | Expr::Any(v) => v.iter().try_for_each(|x| self.expr(x, known, tier)),
        }
    }

    fn criterion(&self, c: &Criterion, tier: Option<&Tier>) -> Result<(), RuleError> {
        if c.title.zh.trim().is_empty() || c.title.en.trim().is_empty() {
            return Err(self.err(
                &c.id,
                format!("criterion {:?} needs a title in zh and en", c.id),
            ));
        }
        if c.source.document.trim().is_empty() {
            return Err(self.err(
                &c.id,
                format!("criterion {:?} has no source document", c.id),
            ));
        }
        if let Some(w) = &c.when {
            self.test(w, &c.id, tier)?;
        }
        match &c.rule {
            Rule::Check(t) => self.test(t, &c.id, tier),
            Rule::Points {
                block,
                max,
                scoring,
            } => {
                let Some(spec) = tier.and_then(|t| t.score.as_ref()) else {
                    return Err(self.err(
                        &c.id,
                        format!("{:?} awards points but its tier has no score table", c.id),
                    ));
                };
                if !spec.blocks.iter().any(|b| b.id == *block) {
                    return Err(self.err(
                        &c.id,
                        format!(
                            "{:?} names score block {block:?}, which the tier does not define",
                            c.id
                        ),
                    ));
                }
                if !(max.is_finite() && *max > 0.0) {
                    return Err(self.err(&c.id, format!("{:?} has a max of {max} points", c.id)));
                }
                self.scoring(scoring, *max, &c.id, tier)
            }
        }
    }

    fn metric_year(
        &self,
        m: crate::metrics::Metric,
        year: Option<u8>,
        id: &str,
    ) -> Result<(), RuleError> {
        match (m.is_yearly(), year) {
            (true, Some(1..=3)) | (false, None) => Ok(()),
            (true, Some(y)) => Err(self.err(
                id,
                format!(
                    "{id:?}: year offset {y} for {} is outside 1–3 (Y−1 … Y−3)",
                    m.id()
                ),
            )),
            (true, None) => Err(self.err(
                id,
                format!(
                    "{id:?}: metric {} is yearly and needs `year: Some(1..=3)`",
                    m.id()
                ),
            )),
            (false, Some(_)) => Err(self.err(
                id,
                format!("{id:?}: metric {} is not yearly and takes no year", m.id()),
            )),
        }
    }

    fn unit(&self, m: crate::metrics::Metric, unit: Unit, id: &str) -> Result<(), RuleError> {
        if m.unit() == unit {
            Ok(())
        } else {
            Err(self.err(
                id,
                format!(
                    "{id:?}: metric {} is in {:?}, not {unit:?}",
                    m.id(),
                    m.unit()
                ),
            ))
        }
    }

    fn test(&self, t: &Test, id: &str, tier: Option<&Tier>) -> Result<(), RuleError> {
        match t {
            Test::Cmp {
                metric,
                year,
                value,
                unit,
                ..
            } => {
                if *unit == Unit::Flag {
                    return Err(self.err(
                        id,
                        format!("{id:?}: {} is yes/no; use Flag, not Cmp", metric.id()),
                    ));
                }
                if !value.is_finite() {
                    return Err(self.err(
                        id,
                        format!("{id:?}: threshold {value} is not a finite number"),
                    ));
                }
                self.unit(*metric, *unit, id)?;
                self.metric_year(*metric, *year, id)
            }
            Test::Flag { metric, .. } | Test::Declared { metric } => {
                self.unit(*metric, Unit::Flag, id)?;
                self.metric_year(*metric, None, id)
            }
            Test::Holds { .. } => Ok(()),
            Test::Score { min } => {
                if tier.and_then(|t| t.score.as_ref()).is_none() {
                    return Err(self.err(
                        id,
                        format!("{id:?} tests a score but its tier has no score table"),
                    ));
                }
                if !min.is_finite() {
                    return Err(self.err(id, format!("{id:?}: pass mark {min} is not finite")));
                }
                Ok(())
            }
            Test::All(v) => {
                if v.is_empty() {
                    return Err(self.err(id, format!("{id:?}: All([]) is empty")));
                }
                v.iter().try_for_each(|x| self.test(x, id, tier))
            }
            Test::Any(routes) => {
                if routes.is_empty() {
                    return Err(self.err(id, format!("{id:?}: Any([]) is empty")));
                }
                let mut names = BTreeSet::new();
                for r in routes {
                    if !names.insert(r.name.as_str()) {
                        return Err(
                            self.err(id, format!("{id:?}: route name {:?} is used twice", r.name))
                        );
                    }
                    if let Some(w) = &r.when {
                        self.test(w, id, tier)?;
                    }
                    self.test(&r.test, id, tier)?;
                }
                Ok(())
            }
        }
    }

    fn scoring(
        &self,
        s: &Scoring,
        max: f64,
        id: &str,
        tier: Option<&Tier>,
    ) -> Result<(), RuleError> {
        let over = |p: f64| -> Result<(), RuleError> {
            if p.is_finite() && (0.0..=max).contains(&p) {
                Ok(())
            } else {
                Err(self.err(id, format!("{id:?}: {p} points is outside 0–{max}")))
            }
        };
        match s {
            Scoring::Bands {
                metric,
                year,
                unit,
                bands,
                ..
            } => {
                self.unit(*metric, *unit, id)?;
                self.metric_year(*metric, *year, id)?;
                self.bands(bands, id)?;
                bands.iter().try_for_each(|b| over(b.points))
            }
            Scoring::Ladder { steps, otherwise } => {
                over(*otherwise)?;
                for st in steps {
                    over(st.points)?;
                    self.test(&st.test, id, tier)?;
                }
                Ok(())
            }
            Scoring::Sum { steps, cap } => {
                over(*cap)?;
                for st in steps {
                    if !(st.points.is_finite() && st.points >= 0.0) {
                        return Err(
                            self.err(id, format!("{id:?}: step worth {} points", st.points))
                        );
                    }
                    self.test(&st.test, id, tier)?;
                }
                Ok(())
            }
            Scoring::Max(v) => {
                if v.is_empty() {
                    return Err(self.err(id, format!("{id:?}: Max([]) is empty")));
                }
                v.iter().try_for_each(|x| self.scoring(x, max, id, tier))
            }
            Scoring::Manual { metric } => self.unit(*metric, Unit::Points, id),
        }
    }

    fn bands(&self, bands: &[super::schema::Band], id: &str) -> Result<(), RuleError> {
        let (Some(first), Some(last)) = (bands.first(), bands.last()) else {
            return Err(self.err(id, format!("{id:?}: no score bands")));
        };
        if first.from.is_some() {
            return Err(self.err(id, format!("{id:?}: the lowest band must start unbounded (from: None), it starts at {:?}; values below it would score nothing", first.from)));
        }
        if last.to.is_some() {
            return Err(self.err(
                id,
                format!(
                    "{id:?}: the highest band must end unbounded (to: None), it ends at {:?}",
                    last.to
                ),
            ));
        }
        for b in bands {
            if let (Some(f), Some(t)) = (b.from, b.to)
                && !(f.is_finite() && t.is_finite() && f < t)
            {
                return Err(self.err(id, format!("{id:?}: band {f}–{t} is empty or reversed")));
            }
        }
        for w in bands.windows(2) {
            match (w[0].to, w[1].from) {
                (Some(t), Some(f)) if t == f => {}
                (Some(t), Some(f)) if f < t => {
                    return Err(self.err(id, format!("{id:?}: bands overlap between {f} and {t}; list bands from low to high without overlap")));
                }
                (Some(t), Some(f)) => {
                    return Err(
                        self.err(id, format!("{id:?}: bands leave a gap between {t} and {f}"))
                    );
                }
                _ => {
                    return Err(self.err(id, format!("{id:?}: only the first band may start unbounded and only the last may end unbounded")));
                }
            }
        }
        Ok(())
    }
}

/// Checks that tiers named by `Holds` exist among `packs` (in rules, `when`s,
/// routes and the steps of scored items).
pub(super) fn check_cross_references(packs: &[Pack]) -> Result<(), RuleError> {
    fn walk_scoring<'a>(s: &'a Scoring, out: &mut Vec<&'a str>) {
        match s {
            Scoring::Ladder { steps, .. } | Scoring::Sum { steps, .. } => {
                for st in steps {
                    walk(&st.test, out);
                }
            }
            Scoring::Max(v) => v.iter().for_each(|x| walk_scoring(x, out)),
            Scoring::Bands { .. } | Scoring::Manual { .. } => {}
        }
    }
    fn walk<'a>(t: &'a Test, out: &mut Vec<&'a str>) {
        match t {
            Test::Holds { tier: Some(id), .. } => out.push(id),
            Test::All(v) => v.iter().for_each(|x| walk(x, out)),
            Test::Any(rs) => rs.iter().for_each(|r| {
                if let Some(w) = &r.when {
                    walk(w, out);
                }
                walk(&r.test, out);
            }),
            _ => {}
        }
    }
    let tiers: BTreeSet<&str> = packs
        .iter()
        .flat_map(|p| p.tiers.iter().map(|t| t.id.as_str()))
        .collect();
    for p in packs {
        for c in p.all_criteria() {
            let mut refs = Vec::new();
            if let Some(w) = &c.when {
                walk(w, &mut refs);
            }
            match &c.rule {
                Rule::Check(t) => walk(t, &mut refs),
                Rule::Points { scoring, .. } => walk_scoring(scoring, &mut refs),
            }
            for r in refs {
                if !tiers.contains(r) {
                    return Err(RuleError::Invalid {
                        file: p.id.clone(),
                        line: 0,
                        reason: format!(
                            "criterion {:?} requires tier {r:?}, which no loaded pack defines",
                            c.id
                        ),
                    });
                }
            }
        }
    }
    Ok(())
}
