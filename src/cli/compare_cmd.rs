//! `innocheck compare`: assessments side by side, or one assessment under
//! several pack versions.

use std::path::Path;

use anyhow::{Result, bail};

use super::{CompareArgs, Evaluated, Format, Selection, evaluate_file};
use crate::clock::today;
use crate::i18n::Lang;
use crate::i18n::cli as tr;
use crate::report::compare::{self, Input};
use crate::rules::{Pack, Registry};

/// Evaluates what `args` names and returns the comparison as text or JSON.
pub fn run(reg: &Registry, args: &CompareArgs, lang: Lang) -> Result<String> {
    let today = today();
    // (label, evaluation) per column.
    let mut columns: Vec<(String, Evaluated)> = Vec::new();
    if let [file] = args.files.as_slice() {
        if args.packs.len() < 2 {
            bail!("{}", lang.t(tr::COMPARE_NEEDS_TWO));
        }
        for id in &args.packs {
            let sel = Selection {
                as_of: args.as_of,
                packs: vec![id.clone()],
                ..Selection::default()
            };
            columns.push((id.clone(), evaluate_file(file, reg, &sel, today)?));
        }
    } else {
        let sel = Selection {
            as_of: args.as_of,
            packs: args.packs.clone(),
            ..Selection::default()
        };
        for file in &args.files {
            columns.push((label(file), evaluate_file(file, reg, &sel, today)?));
        }
    }
    let packs: Vec<Vec<&Pack>> = columns
        .iter()
        .map(|(_, e)| {
            e.evaluation
                .packs
                .iter()
                .filter_map(|p| reg.get(&p.id))
                .collect()
        })
        .collect();
    let inputs: Vec<Input<'_>> = columns
        .iter()
        .zip(&packs)
        .map(|((label, e), packs)| Input {
            label,
            assessment: &e.assessment,
            evaluation: &e.evaluation,
            packs,
        })
        .collect();
    let c = compare::compare(&inputs, lang);
    Ok(match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&c)?;
            s.push('\n');
            s
        }
        Format::Text => compare::render_text(&c, args.all),
    })
}

/// A column label: the file name, or the path when it has none.
fn label(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
