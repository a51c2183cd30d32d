//! `innocheck portfolio`: one line per company, for consultants comparing
//! files. The rows are the core's ([`report::portfolio`]), as in the window.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::report::portfolio::{self as core, Entry};
use crate::rules::Registry;
use crate::storage::scan::{Found, assessments_under};

/// The files to read: folders expanded into their assessments (sorted;
/// sub-folders too when `recursive`), files kept as given. A folder that
/// cannot be listed is kept as an error, said on its row.
#[must_use]
pub fn expand(inputs: &[PathBuf], recursive: bool) -> Vec<Found> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            out.extend(assessments_under(p, recursive));
        } else {
            out.push(Ok(p.clone()));
        }
    }
    out
}

/// Reads and evaluates every file (on all cores), keeping their order.
#[must_use]
pub fn load(
    inputs: &[PathBuf],
    recursive: bool,
    reg: &Registry,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Entry> {
    core::load_all(expand(inputs, recursive), reg, as_of, today)
}

/// Renders the portfolio as text, CSV or JSON.
#[must_use]
pub fn render(entries: &[Entry], lang: Lang, format: PortfolioFormat) -> String {
    match format {
        PortfolioFormat::Text => core::text(entries, lang),
        PortfolioFormat::Csv => core::csv(entries, lang),
        PortfolioFormat::Json => core::json(entries, lang),
    }
}

/// Output formats of `portfolio`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PortfolioFormat {
    /// Text, one block per company.
    Text,
    /// CSV, one row per file (for spreadsheets), UTF-8 with a byte-order mark
    /// so that Excel shows the Chinese.
    Csv,
    /// JSON array.
    Json,
}
