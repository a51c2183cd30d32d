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
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
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
