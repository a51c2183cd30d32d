//! `innocheck review show|add`: a reviewer's notes beside an assessment,
//! which is never written.

use anyhow::{Result, bail};

use super::{Format, ReviewAction, ReviewStatus, Selection, evaluate_file};
use crate::clock::today;
use crate::i18n::Lang;
use crate::i18n::cli as tr;
use crate::report::review::{render_text, view};
use crate::rules::Registry;
use crate::storage::review::{self, Note, Review, Status, Target};

/// Runs a review action; returns the text to print.
pub fn run(reg: &Registry, action: &ReviewAction, lang: Lang) -> Result<String> {
    match action {
        // The window is launched by main.rs; a build without it says so.
        ReviewAction::Open { .. } => bail!("{}", lang.t(tr::REVIEW_NEEDS_WINDOW)),
        ReviewAction::Show { file, format } => {
            let e = evaluate_file(file, reg, &Selection::default(), today())?;
            let path = review::review_path(file);
            // Unlike `evaluate`, a damaged review is this command's error.
            let Some(r) = review::load_review(file)? else {
                bail!(
                    "{}",
                    lang.t(tr::NO_REVIEW)
                        .replace("{file}", &path.display().to_string())
                );
            };
            let v = view(
                &path.display().to_string(),
                &r,
                &e.assessment,
                &e.evaluation,
                lang,
            );
            Ok(match format {
                Format::Json => serde_json::to_string_pretty(&v)? + "\n",
                Format::Text => render_text(&v, lang),
            })
        }
        ReviewAction::Add {
            file,
            criterion,
            field,
            status,
            note,
            reviewer,
            date,
        } => {
            let e = evaluate_file(file, reg, &Selection::default(), today())?;
            let target = match (criterion, field) {
                (Some(id), None) => {
                    if !e.evaluation.tiers.iter().any(|t| t.criterion(id).is_some()) {
                        bail!("{}", lang.t(tr::UNKNOWN_CRITERION).replace("{id}", id));
                    }
                    Target::Criterion(id.clone())
                }
                (None, Some(id)) => Target::Field(id.clone()),
                _ => bail!("{}", lang.t(tr::REVIEW_ONE_TARGET)),
            };
            let mut r = review::load_review(file)?.unwrap_or_else(|| Review::of(&e.assessment));
            r.add(
                &e.assessment,
                Note {
                    target,
                    status: Status::from(*status),
                    text: note.clone().unwrap_or_default(),
                    reviewer: reviewer.clone().unwrap_or_default(),
                    date: date.unwrap_or_else(today),
                },
            );
            review::save_review(file, &r)?;
            let path = review::review_path(file);
            Ok(lang
                .t(tr::REVIEW_SAVED)
                .replace("{n}", &r.notes.len().to_string())
                .replace("{file}", &path.display().to_string())
                + "\n")
        }
    }
}

impl From<ReviewStatus> for Status {
    fn from(s: ReviewStatus) -> Status {
        match s {
            ReviewStatus::Confirmed => Status::Confirmed,
            ReviewStatus::Doubtful => Status::Doubtful,
            ReviewStatus::MissingEvidence => Status::MissingEvidence,
        }
    }
}
