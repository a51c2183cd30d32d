//! Rule packs: schema, loading with validation, the bundled registry and
//! selection by date.

mod load;
pub mod schema;

pub use load::{MAX_PACK_BYTES, MAX_PREREQUISITE_DEPTH, RuleError, parse_pack, plausible_range};
pub use schema::*;

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::Path;

/// The bundled packs, parsed.
fn bundled_loaded() -> Result<Vec<Loaded>, RuleError> {
    BUNDLED
        .iter()
        .map(|(name, text)| {
            let file = format!("assets/rules/{name}");
            Ok(Loaded {
                pack: parse_pack(text, &file)?,
                file,
                text: (*text).to_string(),
            })
        })
        .collect()
}

/// A parsed pack with its file and text, while a registry is built.
struct Loaded {
    pack: Pack,
    file: String,
    text: String,
}

/// Packs bundled in the binary: `(file name, RON text)`.
pub const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_rules.rs"));

/// A set of validated packs, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    packs: Vec<Pack>,
    /// The file each pack was read from, by pack id.
    files: BTreeMap<String, String>,
}

impl Registry {
    /// The packs bundled with innocheck.
    pub fn bundled() -> Result<Registry, RuleError> {
        Registry::from_loaded(bundled_loaded()?)
    }

    /// The bundled packs, overridden and extended by every `*.ron` in `dir`
    /// (a pack with the same id replaces the bundled one). Every `*.ron`
    /// entry must be a regular file (symbolic links followed) of at most
    /// [`MAX_PACK_BYTES`] bytes, and two files of the folder may not define
    /// the same pack id.
    pub fn with_dir(dir: &Path) -> Result<Registry, RuleError> {
        let mut loaded = bundled_loaded()?;
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
        let mut extra: Vec<Loaded> = Vec::new();
        for p in paths {
            let file = p.display().to_string();
            let text = load::read_text(&p)?;
            let pack = parse_pack(&text, &file)?;
            if let Some(first) = extra.iter().find(|l| l.pack.id == pack.id) {
                return Err(RuleError::Invalid {
                    line: load::line_of_pack_id(&text, &pack.id),
                    reason: format!(
                        "pack id {:?} is also defined by {}; a folder may hold each pack once",
                        pack.id, first.file
                    ),
                    file,
                });
            }
            extra.push(Loaded { pack, file, text });
        }
        for l in extra {
            loaded.retain(|q| q.pack.id != l.pack.id);
            loaded.push(l);
        }
        Registry::from_loaded(loaded)
    }

    /// Builds a registry, checking references between packs. Messages name
    /// each pack by its id, as the files are not known here; prefer
    /// [`Registry::bundled`] and [`Registry::with_dir`].
    pub fn from_packs(packs: Vec<Pack>) -> Result<Registry, RuleError> {
        let loaded = packs
            .into_iter()
            .map(|pack| Loaded {
                file: format!("pack {:?}", pack.id),
                pack,
                text: String::new(),
            })
            .collect();
        Registry::from_loaded(loaded)
    }

    fn from_loaded(mut loaded: Vec<Loaded>) -> Result<Registry, RuleError> {
        loaded.sort_by(|a, b| a.pack.id.cmp(&b.pack.id));
        for w in loaded.windows(2) {
            if w[0].pack.id == w[1].pack.id {
                return Err(RuleError::Invalid {
                    file: w[1].file.clone(),
                    line: load::line_of_pack_id(&w[1].text, &w[1].pack.id),
                    reason: format!(
                        "pack id {:?} is also defined by {}",
                        w[1].pack.id, w[0].file
                    ),
                });
            }
        }
        let sources: Vec<load::Source> = loaded
            .iter()
            .map(|l| load::Source {
                pack: &l.pack,
                file: &l.file,
                text: (!l.text.is_empty()).then_some(l.text.as_str()),
            })
            .collect();
        load::check_registry(&sources)?;
        let files = loaded
            .iter()
            .map(|l| (l.pack.id.clone(), l.file.clone()))
            .collect();
        Ok(Registry {
            packs: loaded.into_iter().map(|l| l.pack).collect(),
            files,
        })
    }

    /// The file pack `id` was read from (`assets/rules/…` for a bundled pack).
    #[must_use]
    pub fn file_of(&self, id: &str) -> Option<&str> {
        self.files.get(id).map(String::as_str)
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

    /// The packs chosen by id (unknown ids are skipped), or without a choice
    /// those in force on `as_of`.
    #[must_use]
    pub fn chosen(&self, ids: Option<&[String]>, as_of: NaiveDate) -> Vec<&Pack> {
        match ids {
            Some(ids) => ids.iter().filter_map(|id| self.get(id)).collect(),
            None => self.in_force(as_of),
        }
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
