//! Parsing and validating a rule pack. Every rejection names the file, the
//! line and the reason.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::schema::{Criterion, Expr, Pack, Rule, SCHEMA_VERSION, Scoring, Test, Tier};
use crate::metrics::Unit;
use crate::model::validate::{MAX_MONEY, MAX_PEOPLE};

/// Largest pack file accepted (bytes, counted as read).
pub const MAX_PACK_BYTES: u64 = 4 * 1024 * 1024;

/// Longest chain of prerequisite tiers accepted: a tier requiring a tier
/// requiring a tier … at most this many steps down (the bundled ladders need
/// 2). Evaluation follows prerequisites recursively, so deeper chains and
/// cycles are refused when the packs are loaded.
pub const MAX_PREREQUISITE_DEPTH: usize = 8;

/// The range a threshold (or score-band bound) in `unit` must lie in:
///
/// | unit | range |
/// |---|---|
/// | 万元, 万元/人 | ±[`MAX_MONEY`] (10 万亿元) |
/// | percent | ±1000 |
/// | persons, items, rank | 0 – [`MAX_PEOPLE`] |
/// | years | 0 – 500 |
/// | m² | 0 – 100,000,000 |
/// | level | 0 – 10 |
/// | points | 0 – 1000 |
///
/// Anything outside is a typo or a hostile pack, and would turn gaps and
/// levers into infinities.
#[must_use]
pub fn plausible_range(unit: Unit) -> (f64, f64) {
    let count = f64::from(MAX_PEOPLE);
    match unit {
        Unit::Wan | Unit::WanPerPerson => (-MAX_MONEY, MAX_MONEY),
        Unit::Percent => (-1000.0, 1000.0),
        Unit::Person | Unit::Item | Unit::Rank => (0.0, count),
        Unit::Year => (0.0, 500.0),
        Unit::Sqm => (0.0, 1.0e8),
        Unit::Level => (0.0, 10.0),
        Unit::Points => (0.0, 1000.0),
        Unit::Flag => (0.0, 1.0),
    }
}

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
    #[error("{file}{}: {reason}", at_line(*.line))]
    Invalid {
        /// File.
        file: String,
        /// 1-based line (0 when the problem is not tied to one line).
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// `:line` after a file name, or nothing for line 0 (not tied to a line).
fn at_line(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}

/// Reads a pack file's text: a regular file (symbolic links followed; never
/// a FIFO, socket or device) of at most [`MAX_PACK_BYTES`] bytes as read.
pub(super) fn read_text(path: &Path) -> Result<String, RuleError> {
    let bytes =
        crate::storage::file::read_regular(path, MAX_PACK_BYTES).map_err(|e| RuleError::Io {
            path: path.display().to_string(),
            reason: e.reason(MAX_PACK_BYTES),
        })?;
    String::from_utf8(bytes).map_err(|e| {
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
    })
}

/// Parses and validates a pack from RON text; `file` names it in errors.
pub fn parse_pack(text: &str, file: &str) -> Result<Pack, RuleError> {
    // Notepad on Windows may save "UTF-8 with BOM": the mark is not part of the pack.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
    // Prerequisites within the pack (those naming other packs are checked
    // when the registry is built).
    check_prerequisites(&[Source {
        pack: &pack,
        file,
        text: Some(text),
    }])?;
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
            let (_, most) = plausible_range(Unit::Points);
            if !(spec.max.is_finite() && spec.max > 0.0 && spec.max <= most) {
                return Err(self.err(
                    &t.id,
                    format!(
                        "score table of {:?} has a max of {}; it must be a number above 0 and at most {most}",
                        t.id, spec.max
                    ),
                ));
            }
            let mut ids = BTreeSet::new();
            let mut total = 0.0;
            for b in &spec.blocks {
                if !ids.insert(b.id.as_str()) {
                    return Err(self.err(&b.id, format!("duplicate score block {:?}", b.id)));
                }
                self.block_bounds(b, spec.max)?;
                total += b.max;
                let items: f64 = t
                    .criteria
                    .iter()
                    .filter_map(|c| match &c.rule {
                        Rule::Points { block, max, .. } if **block == *b.id => Some(*max),
                        _ => None,
                    })
                    .sum();
                let adds_up = if b.capped {
                    items + 1e-9 >= b.max
                } else {
                    (items - b.max).abs() <= 1e-9
                };
                if !adds_up {
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

    /// A block's max and sub-minimum: numbers, 0 ≤ min ≤ max ≤ the table's max.
    fn block_bounds(&self, b: &super::schema::Block, table_max: f64) -> Result<(), RuleError> {
        if !(b.max.is_finite() && (0.0..=table_max).contains(&b.max)) {
            return Err(self.err(
                &b.id,
                format!(
                    "block {:?} has a max of {}; it must be a number from 0 to the table's max {table_max}",
                    b.id, b.max
                ),
            ));
        }
        if let Some(min) = b.min {
            if !min.is_finite() || min < 0.0 {
                return Err(self.err(
                    &b.id,
                    format!(
                        "block {:?} has a sub-minimum of {min}; it must be a number of 0 or more",
                        b.id
                    ),
                ));
            }
            if min > b.max {
                return Err(self.err(
                    &b.id,
                    format!(
                        "block {:?} has a sub-minimum of {min} above its max {}: it could never be reached",
                        b.id, b.max
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A threshold (or band bound) `v` in `unit`: within [`plausible_range`].
    fn threshold(&self, v: f64, unit: Unit, id: &str) -> Result<(), RuleError> {
        let (lo, hi) = plausible_range(unit);
        if v.is_finite() && (lo..=hi).contains(&v) {
            Ok(())
        } else {
            Err(self.err(
                id,
                format!(
                    "{id:?}: threshold {v} is outside the plausible range for {} ({lo} to {hi})",
                    unit.en()
                ),
            ))
        }
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
                if !spec.blocks.iter().any(|b| *b.id == **block) {
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
                self.threshold(*value, *unit, id)?;
                self.metric_year(*metric, *year, id)
            }
            Test::Flag { metric, .. } | Test::Declared { metric } => {
                self.unit(*metric, Unit::Flag, id)?;
                self.metric_year(*metric, None, id)
            }
            Test::Holds { .. } => Ok(()),
            Test::Score { min } => {
                let Some(spec) = tier.and_then(|t| t.score.as_ref()) else {
                    return Err(self.err(
                        id,
                        format!("{id:?} tests a score but its tier has no score table"),
                    ));
                };
                if !(min.is_finite() && (0.0..=spec.max).contains(min)) {
                    return Err(self.err(
                        id,
                        format!(
                            "{id:?}: pass mark {min} is outside 0–{} (the score table's max)",
                            spec.max
                        ),
                    ));
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
                for b in bands {
                    for v in b.from.iter().chain(&b.to) {
                        self.threshold(*v, *unit, id)?;
                    }
                }
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

/// Line of the pack's own `id: "…"` in `text` (0 without a text).
pub(super) fn line_of_pack_id(text: &str, id: &str) -> usize {
    if text.is_empty() {
        return 0;
    }
    Checker { file: "", text }.line_of(id, 0).max(1)
}

/// A pack with where it came from, for messages naming file and line.
pub(super) struct Source<'a> {
    /// The pack.
    pub pack: &'a Pack,
    /// Its file (`assets/rules/…` for bundled packs).
    pub file: &'a str,
    /// Its text, when known, to find lines in.
    pub text: Option<&'a str>,
}

impl Source<'_> {
    /// Line of the definition of `id` in this pack's text (0 when unknown).
    fn line_of(&self, id: &str) -> usize {
        self.text.map_or(0, |text| {
            Checker {
                file: self.file,
                text,
            }
            .line_of(id, 0)
        })
    }

    fn invalid(&self, at: &str, reason: String) -> RuleError {
        RuleError::Invalid {
            file: self.file.to_string(),
            line: self.line_of(at),
            reason,
        }
    }
}

/// Tiers named by `Holds { tier: Some(…) }` anywhere in a criterion: its
/// rule, its `when`, routes and their `when`s, the steps of scored items.
fn required_tiers(c: &Criterion) -> Vec<&str> {
    // An explicit stack: nesting is bounded by the parser, but stays off the call stack anyway.
    enum Node<'a> {
        T(&'a Test),
        S(&'a Scoring),
    }
    let mut out = Vec::new();
    let mut stack = Vec::new();
    if let Some(w) = &c.when {
        stack.push(Node::T(w));
    }
    match &c.rule {
        Rule::Check(t) => stack.push(Node::T(t)),
        Rule::Points { scoring, .. } => stack.push(Node::S(scoring)),
    }
    while let Some(n) = stack.pop() {
        match n {
            Node::T(Test::Holds { tier: Some(id), .. }) => out.push(id.as_str()),
            Node::T(Test::All(v)) => stack.extend(v.iter().rev().map(Node::T)),
            Node::T(Test::Any(routes)) => {
                for r in routes.iter().rev() {
                    stack.push(Node::T(&r.test));
                    if let Some(w) = &r.when {
                        stack.push(Node::T(w));
                    }
                }
            }
            Node::T(_) | Node::S(Scoring::Bands { .. } | Scoring::Manual { .. }) => {}
            Node::S(Scoring::Ladder { steps, .. } | Scoring::Sum { steps, .. }) => {
                stack.extend(steps.iter().rev().map(|st| Node::T(&st.test)));
            }
            Node::S(Scoring::Max(v)) => stack.extend(v.iter().rev().map(Node::S)),
        }
    }
    out
}

/// Checks what only the set of packs together can tell:
/// - tiers named by `Holds` exist among the packs;
/// - every tier id is defined once, and not inside another pack's id space
///   (the evaluation knows tiers by id: a second one would be dropped);
/// - prerequisites form no cycle and no chain deeper than
///   [`MAX_PREREQUISITE_DEPTH`].
pub(super) fn check_registry(sources: &[Source]) -> Result<(), RuleError> {
    let mut tiers: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, src) in sources.iter().enumerate() {
        for t in &src.pack.tiers {
            if let Some(&j) = tiers.get(t.id.as_str()) {
                return Err(src.invalid(
                    &t.id,
                    format!(
                        "tier {:?} is also defined by pack {:?} in {}; tier ids must be unique across packs",
                        t.id, sources[j].pack.id, sources[j].file
                    ),
                ));
            }
            tiers.insert(&t.id, i);
        }
    }
    for src in sources {
        for t in &src.pack.tiers {
            // The most specific pack id that the tier id falls under must be its own pack's.
            let owner = sources
                .iter()
                .filter(|o| {
                    t.id == o.pack.id
                        || t.id
                            .strip_prefix(o.pack.id.as_str())
                            .is_some_and(|r| r.starts_with('.'))
                })
                .max_by_key(|o| o.pack.id.len());
            if let Some(o) = owner
                && o.pack.id != src.pack.id
            {
                return Err(src.invalid(
                    &t.id,
                    format!(
                        "tier {:?} of pack {:?} lies in the id space of pack {:?} ({}); a pack's tiers are named after the pack itself",
                        t.id, src.pack.id, o.pack.id, o.file
                    ),
                ));
            }
        }
    }
    for src in sources {
        for c in src.pack.all_criteria() {
            for r in required_tiers(c) {
                if !tiers.contains_key(r) {
                    return Err(src.invalid(
                        &c.id,
                        format!(
                            "criterion {:?} requires tier {r:?}, which no loaded pack defines",
                            c.id
                        ),
                    ));
                }
            }
        }
    }
    check_prerequisites(sources)
}

/// `a → b → c`, with the middle of a long chain left out.
fn arrows(chain: &[&str]) -> String {
    if chain.len() > 8 {
        format!(
            "{} → … ({} more) … → {}",
            chain[..3].join(" → "),
            chain.len() - 6,
            chain[chain.len() - 3..].join(" → ")
        )
    } else {
        chain.join(" → ")
    }
}

/// Rejects prerequisite cycles and chains deeper than
/// [`MAX_PREREQUISITE_DEPTH`] among the tiers of `sources`; prerequisites
/// naming tiers outside them are ignored here.
///
/// A tier requires every tier named by a `Holds` in its criteria and in its
/// pack's common criteria (which are evaluated with every tier of the pack).
/// Walks the graph with an explicit stack, so a hostile chain cannot
/// overflow the loader's own stack either.
pub(super) fn check_prerequisites(sources: &[Source]) -> Result<(), RuleError> {
    /// One prerequisite: the tier required, by which criterion of which source.
    struct Edge<'a> {
        to: usize,
        criterion: &'a str,
        src: usize,
    }
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut names: Vec<&str> = Vec::new();
    for src in sources {
        for t in &src.pack.tiers {
            index.entry(&t.id).or_insert_with(|| {
                names.push(&t.id);
                names.len() - 1
            });
        }
    }
    let mut edges: Vec<Vec<Edge>> = (0..names.len()).map(|_| Vec::new()).collect();
    for (si, src) in sources.iter().enumerate() {
        let common: Vec<(&str, Vec<&str>)> = src
            .pack
            .common
            .iter()
            .map(|c| (&*c.id, required_tiers(c)))
            .collect();
        for t in &src.pack.tiers {
            let from = index[t.id.as_str()];
            let own = t.criteria.iter().map(|c| (&*c.id, required_tiers(c)));
            for (criterion, reqs) in common.iter().cloned().chain(own) {
                for r in reqs {
                    if let Some(&to) = index.get(r) {
                        edges[from].push(Edge {
                            to,
                            criterion,
                            src: si,
                        });
                    }
                }
            }
        }
    }
    // Iterative depth-first search: 0 unseen, 1 on the current path, 2 done.
    let mut state = vec![0u8; names.len()];
    // Longest chain below each finished tier, and the edge that starts it.
    let mut depth = vec![0usize; names.len()];
    let mut next: Vec<Option<usize>> = vec![None; names.len()];
    for root in 0..names.len() {
        if state[root] != 0 {
            continue;
        }
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (node, ref mut k)) = path.last_mut() {
            if let Some(e) = edges[node].get(*k) {
                *k += 1;
                match state[e.to] {
                    0 => {
                        state[e.to] = 1;
                        path.push((e.to, 0));
                    }
                    1 => {
                        let start = path.iter().position(|&(n, _)| n == e.to).unwrap_or(0);
                        let mut cycle: Vec<&str> =
                            path[start..].iter().map(|&(n, _)| names[n]).collect();
                        cycle.push(names[e.to]);
                        return Err(sources[e.src].invalid(
                            e.criterion,
                            format!(
                                "prerequisites form a cycle: {} (criterion {:?}); a tier cannot require itself, even through other tiers",
                                arrows(&cycle),
                                e.criterion
                            ),
                        ));
                    }
                    _ => {
                        if depth[e.to] + 1 > depth[node] {
                            depth[node] = depth[e.to] + 1;
                            next[node] = Some(e.to);
                        }
                    }
                }
            } else {
                state[node] = 2;
                path.pop();
                if let Some(&(parent, _)) = path.last()
                    && depth[node] + 1 > depth[parent]
                {
                    depth[parent] = depth[node] + 1;
                    next[parent] = Some(node);
                }
                if depth[node] > MAX_PREREQUISITE_DEPTH {
                    let mut chain = vec![names[node]];
                    let mut at = node;
                    while let Some(n) = next[at] {
                        chain.push(names[n]);
                        at = n;
                    }
                    let shown = arrows(&chain);
                    let first = next[node].and_then(|n| edges[node].iter().find(|e| e.to == n));
                    let (src, at_id) = first.map_or((&sources[0], names[node]), |e| {
                        (&sources[e.src], e.criterion)
                    });
                    return Err(src.invalid(
                        at_id,
                        format!(
                            "prerequisite chain {shown} is {} steps deep, more than the limit of {MAX_PREREQUISITE_DEPTH}",
                            depth[node]
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}
