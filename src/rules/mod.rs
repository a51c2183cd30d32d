//! Rule packs: schema, loading with validation, the bundled registry and
//! selection by date.

mod load;
pub mod schema;

pub use load::{RuleError, parse_pack};
pub use schema::*;

use chrono::NaiveDate;
use std::path::Path;

/// Packs bundled in the binary: `(file name, RON text)`.
pub const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_rules.rs"));

/// A set of validated packs, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    packs: Vec<Pack>,
}

impl Registry {
    /// The packs bundled with innocheck.
    pub fn bundled() -> Result<Registry, RuleError> {
        let mut packs = Vec::new();
        for (name, text) in BUNDLED {
            packs.push(parse_pack(text, &format!("assets/rules/{name}"))?);
        }
        Registry::from_packs(packs)
    }

    /// The bundled packs, overridden and extended by every `*.ron` in `dir`
    /// (a pack with the same id replaces the bundled one).
    pub fn with_dir(dir: &Path) -> Result<Registry, RuleError> {
        let mut reg = Registry::bundled()?;
        let entries = std::fs::read_dir(dir).map_err(|e| RuleError::Io {
            path: dir.display().to_string(),
            reason: e.to_string(),
        })?;
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")))
            .collect();
        paths.sort();
        let mut extra = Vec::new();
        for p in paths {
            extra.push(load::read_pack(&p)?);
        }
        for pack in extra {
            reg.packs.retain(|q| q.id != pack.id);
            reg.packs.push(pack);
        }
        Registry::from_packs(reg.packs)
    }

    /// Builds a registry, checking references between packs.
    pub fn from_packs(mut packs: Vec<Pack>) -> Result<Registry, RuleError> {
        packs.sort_by(|a, b| a.id.cmp(&b.id));
        for w in packs.windows(2) {
            if w[0].id == w[1].id {
                return Err(RuleError::Invalid {
                    file: w[1].id.clone(),
                    line: 0,
                    reason: format!("two packs have the id {:?}", w[1].id),
                });
            }
        }
        load::check_cross_references(&packs)?;
        Ok(Registry { packs })
    }

    /// All packs, sorted by id.
    #[must_use]
    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    /// A pack by id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// Packs in force on `date` (from ≤ date ≤ to).
    #[must_use]
    pub fn in_force(&self, date: NaiveDate) -> Vec<&Pack> {
        self.packs.iter().filter(|p| p.in_force(date)).collect()
    }
}

/// The criteria of `packs` that read input `field` (e.g. `years.2024.rd_spend`),
/// with their pack, for help texts beside each input.
#[must_use]
pub fn criteria_reading<'p>(packs: &[&'p Pack], field: &str) -> Vec<&'p Criterion> {
    fn test_reads(t: &Test, field: &str) -> bool {
        match t {
            Test::Cmp { metric, .. } | Test::Flag { metric, .. } | Test::Declared { metric } => {
                metric.reads(field)
            }
            Test::Holds { .. } => crate::metrics::field_matches("titles", field),
            Test::Score { .. } => false,
            Test::All(v) => v.iter().any(|x| test_reads(x, field)),
            Test::Any(rs) => rs.iter().any(|r| {
                r.when.as_ref().is_some_and(|w| test_reads(w, field)) || test_reads(&r.test, field)
            }),
        }
    }
    fn scoring_reads(s: &Scoring, field: &str) -> bool {
        match s {
            Scoring::Bands { metric, .. } | Scoring::Manual { metric } => metric.reads(field),
            Scoring::Ladder { steps, .. } | Scoring::Sum { steps, .. } => {
                steps.iter().any(|st| test_reads(&st.test, field))
            }
            Scoring::Max(v) => v.iter().any(|x| scoring_reads(x, field)),
        }
    }
    packs
        .iter()
        .flat_map(|p| p.all_criteria())
        .filter(|c| {
            c.when.as_ref().is_some_and(|w| test_reads(w, field))
                || match &c.rule {
                    Rule::Check(t) => test_reads(t, field),
                    Rule::Points { scoring, .. } => scoring_reads(scoring, field),
                }
        })
        .collect()
}

impl Pack {
    /// Whether the pack is in force on `date`.
    #[must_use]
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.effective_from <= date && self.effective_to.is_none_or(|to| date <= to)
    }

    /// Every criterion of the pack (common ones first).
    pub fn all_criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.common
            .iter()
            .chain(self.tiers.iter().flat_map(|t| t.criteria.iter()))
    }
}
