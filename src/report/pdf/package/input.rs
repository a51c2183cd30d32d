//! What goes into a package, from an evaluated assessment: the tier's
//! criteria in the rule pack's order, each with its evidence items (in the
//! package's language) and the files attached to each. The attachments come
//! in as [`Attached`] — criterion id, item index and where the file is now —
//! so this is the only place that knows how the assessment records them.

use std::path::{Path, PathBuf};

use super::{FileRef, Item, PackageInput, Section};
use crate::eval::Evaluation;
use crate::i18n::Lang;
use crate::model::Assessment;
use crate::report::data;
use crate::storage::attachments;

/// A file attached to an evidence item, as the assessment records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    /// Id of the criterion.
    pub criterion: String,
    /// Index into the criterion's evidence list.
    pub item: usize,
    /// Where the file is now (resolved against the assessment's folder).
    pub path: PathBuf,
    /// The path as recorded (shown in messages and on the header page).
    pub name: String,
    /// SHA-256 when attached (lower-case hex).
    pub sha256: String,
    /// Size in bytes when attached.
    pub size: u64,
    /// The note given when attaching.
    pub note: String,
}

/// The files attached in `a`, whose file is `assessment` (relative paths
/// are taken from its folder).
#[must_use]
pub fn attached_of(a: &Assessment, assessment: &Path) -> Vec<Attached> {
    let dir = attachments::folder_of(assessment);
    a.attachments
        .iter()
        .map(|x| Attached {
            criterion: x.criterion.clone(),
            item: x.item,
            path: attachments::resolve(&dir, &x.path),
            name: x.path.clone(),
            sha256: x.sha256.clone(),
            size: x.size,
            note: x.note.clone(),
        })
        .collect()
}

/// A tier that was not evaluated: the tiers there are, as (id, title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTier {
    /// The id asked for.
    pub asked: String,
    /// The tiers evaluated, id and title in the language asked.
    pub known: Vec<(String, String)>,
}

impl UnknownTier {
    /// "没有这一申报类别：X。可选：id（title）、…" in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        use crate::i18n::package as t;
        if self.known.is_empty() {
            return lang.t(t::ERR_NO_TIERS).to_string();
        }
        let known = self
            .known
            .iter()
            .map(|(id, title)| match lang {
                Lang::Zh => format!("{id}（{title}）"),
                Lang::En => format!("{id} ({title})"),
            })
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "));
        lang.t(t::ERR_TIER)
            .replace("{tier}", &self.asked)
            .replace("{known}", &known)
    }
}

impl std::fmt::Display for UnknownTier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for UnknownTier {}

/// The package of tier `tier` for the assessment `a` (file bytes
/// `file_bytes`, evaluated as `ev`), with the files `attached`, dated `date`.
pub fn input(
    file_bytes: &[u8],
    a: &Assessment,
    ev: &Evaluation,
    tier: &str,
    lang: Lang,
    date: String,
    attached: &[Attached],
) -> Result<PackageInput, UnknownTier> {
    let Some(t) = ev.tier(tier) else {
        return Err(UnknownTier {
            asked: tier.to_string(),
            known: ev
                .tiers
                .iter()
                .map(|t| (t.id.clone(), t.title.get(lang).to_string()))
                .collect(),
        });
    };
    let sections = t
        .criteria
        .iter()
        .map(|c| Section {
            criterion: c.title.get(lang).to_string(),
            items: c
                .evidence
                .iter()
                .enumerate()
                .map(|(i, words)| Item {
                    words: words.get(lang).to_string(),
                    files: attached
                        .iter()
                        .filter(|f| *f.criterion == *c.id && f.item == i)
                        .map(|f| FileRef {
                            path: f.path.clone(),
                            name: f.name.clone(),
                            sha256: Some(f.sha256.clone()),
                            size: Some(f.size),
                            note: f.note.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let summary = data::build(file_bytes, a, ev, lang).only_tier(tier);
    Ok(PackageInput {
        lang,
        company: a.company.name.clone(),
        uscc: a.company.uscc.clone(),
        tier: t.title.get(lang).to_string(),
        date,
        summary,
        sections,
    })
}
