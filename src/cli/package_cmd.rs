//! `innocheck package FILE --tier TIER -o OUT.pdf`: the application package
//! (申报材料包) of one tier, from the files attached in the assessment.
//! Nothing is written when an attachment has a problem, unless `--skip-bad`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;

use super::{Cli, Selection, evaluate_bytes, inputs_of, registry};
use crate::clock::today;
use crate::i18n::package as t;
use crate::report::pdf::package;
use crate::storage;

/// Options of `package`.
#[derive(Debug, Args)]
pub struct PackageArgs {
    /// Assessment file (.ron) whose attachments go into the package.
    pub file: PathBuf,
    /// The tier applied for, by id (an unknown id lists the tiers there are).
    #[arg(long, value_name = "TIER")]
    pub tier: String,
    /// The PDF to write (replaced atomically; never an assessment or an attachment).
    #[arg(short, long, value_name = "OUT.pdf")]
    pub output: PathBuf,
    /// Shrink scans finer than this resolution at their printed size (dots per inch).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(50..=1200))]
    pub max_dpi: Option<u32>,
    /// Leave out attachments with problems (listed on the contents page) instead of failing.
    #[arg(long)]
    pub skip_bad: bool,
    /// Evaluation date (default: the file's as-of date, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Use this pack (repeatable) instead of the packs in force.
    #[arg(long = "pack", value_name = "ID")]
    pub packs: Vec<String>,
}

/// Runs `package`.
pub fn run(cli: &Cli, args: &PackageArgs) -> Result<ExitCode> {
    let lang = cli.lang();
    let reg = registry(cli.rules.as_deref())?;
    let bytes = storage::read(&args.file)?;
    let selection = Selection {
        as_of: args.as_of,
        packs: args.packs.clone(),
        all_packs: false,
        target: None,
    };
    let e = evaluate_bytes(&args.file, &bytes, &reg, &selection, today())?;
    let attached = package::attached_of(&e.assessment, &args.file);
    let input = package::input(
        &bytes,
        &e.assessment,
        &e.evaluation,
        &args.tier,
        lang,
        crate::clock::document_date().to_string(),
        &attached,
    )?;
    // Never written over: the assessment, the rule packs read, any attachment.
    let mut inputs = inputs_of(cli, &args.file);
    inputs.extend(attached.iter().map(|a| a.path.clone()));
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    storage::check_export(&args.output, &inputs)?;
    let opts = package::Options {
        skip_bad: args.skip_bad,
        max_dpi: args.max_dpi,
        ..package::Options::default()
    };
    // Each problem names its file; no English context around the user's language.
    let built = package::build(&input, &opts)?;
    storage::save_export_excluding(&args.output, &built.bytes, &inputs)?;
    if !built.skipped.is_empty() {
        eprintln!(
            "innocheck: {}",
            lang.t(t::DONE_SKIPPED)
                .replace("{n}", &built.skipped.len().to_string())
        );
        for p in &built.skipped {
            eprintln!("  {}", p.message_with_item(lang));
        }
    }
    eprintln!(
        "innocheck: {}",
        lang.t(t::WROTE)
            .replace("{n}", &built.pages.to_string())
            .replace("{file}", &args.output.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}
