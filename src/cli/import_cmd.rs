//! `innocheck import answers.xlsx -o company.ron`: an answers workbook (the
//! export, or the template filled in by a client) into an assessment file.
//! Nothing is written when a cell cannot be read; an existing file is
//! replaced only with `--force` (keeping it as the backup), the workbook never.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::{ImportArgs, issue_lines, write_out};
use crate::clock::today;
use crate::i18n::Lang;
use crate::i18n::cli as tr;
use crate::i18n::workbook as wt;
use crate::model::validate;
use crate::storage::{self, xlsx_import};

/// Runs `import`.
pub fn run(args: &ImportArgs, lang: Lang) -> Result<ExitCode> {
    let out = args.output.display().to_string();
    if storage::same_file(&args.input, &args.output) {
        bail!("{}", lang.t(tr::IMPORT_OVER_INPUT).replace("{file}", &out));
    }
    if args.output.exists() && !args.force {
        bail!("{}", lang.t(tr::IMPORT_EXISTS).replace("{file}", &out));
    }
    let imported = xlsx_import::import_file(&args.input)
        .map_err(|e| anyhow::anyhow!("{}", e.message(lang)))?;
    if !imported.problems.is_empty() {
        for p in &imported.problems {
            eprintln!("  {}", p.message(lang));
        }
        bail!(
            "{}",
            lang.t(wt::CELLS_UNREADABLE)
                .replace("{n}", &imported.problems.len().to_string())
                .replace("{file}", &args.input.display().to_string())
        );
    }
    storage::save(&imported.assessment, &args.output)?;
    let issues = validate(&imported.assessment, today());
    if !issues.is_empty() {
        write_out(&format!(
            "{}\n{}",
            lang.t(tr::IMPORT_ISSUES),
            issue_lines(&issues, lang)
        ))?;
    }
    eprintln!(
        "innocheck: {}",
        lang.t(tr::IMPORT_WROTE).replace("{file}", &out)
    );
    Ok(ExitCode::SUCCESS)
}
