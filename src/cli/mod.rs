//! The command line: a thin shell over the core. Exit codes: 0 done,
//! 1 "not eligible" (only with `--fail-if-ineligible`), 2 error.

mod attach_cmd;
mod compare_cmd;
mod import_cmd;
mod package_cmd;
mod portfolio;
mod review_cmd;
mod rules_cmd;

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::clock::today;
use crate::eval::{Evaluation, Verdict, evaluate};
use crate::i18n::Lang;
use crate::i18n::cli as tr;
use crate::model::{Assessment, Issue, validate};
use crate::report;
use crate::rules::{Pack, Registry};
use crate::storage;
use crate::storage::DEFAULT_SAMPLE;
use crate::storage::review::Review;
pub use package_cmd::PackageArgs;

/// innocheck — 企业技术中心与优质中小企业梯度培育自评工具 / readiness check for
/// enterprise technology centers and the quality-SME ladder. Offline; nothing
/// leaves this machine.
#[derive(Debug, Parser)]
// Not `args_conflicts_with_subcommands`: clap counts the global `--rules`/`--lang` given before a
// subcommand as conflicting arguments, rejecting the documented `innocheck --rules DIR evaluate F`.
// A FILE together with a subcommand is refused in `run` instead.
#[command(
    name = "innocheck",
    version,
    override_usage = "innocheck [OPTIONS] [FILE]\n       innocheck [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// Assessment file to open (without a subcommand).
    pub file: Option<PathBuf>,
    /// Folder of rule packs (*.ron) that override or extend the bundled ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Output language (default: Chinese; the window remembers the last choice).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Open the window, render one page, write it as PNG to this file and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// Page for --screenshot.
    #[arg(
        long,
        value_name = "PAGE",
        default_value = "results",
        requires = "screenshot",
        value_parser = clap::builder::PossibleValuesParser::new(SCREENSHOT_PAGES)
    )]
    pub page: String,
    /// Window size for --screenshot, e.g. 1280x800.
    #[arg(
        long,
        value_name = "WxH",
        default_value = "1280x800",
        requires = "screenshot",
        value_parser = parse_size
    )]
    pub size: WindowSize,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The pages `--screenshot` can render (the window's page slugs).
pub const SCREENSHOT_PAGES: [&str; 12] = [
    "welcome",
    "company",
    "finance",
    "staff",
    "funding",
    "conditions",
    "direction",
    "projects",
    "ip",
    "compliance",
    "results",
    "portfolio",
];

/// A window size in pixels, `WIDTHxHEIGHT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowSize {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

/// Parses `1280x800` (320–7680 × 240–4320).
fn parse_size(s: &str) -> std::result::Result<WindowSize, String> {
    s.split_once(['x', 'X'])
        .and_then(|(w, h)| Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?)))
        .filter(|(w, h)| (320..=7680).contains(w) && (240..=4320).contains(h))
        .map(|(width, height)| WindowSize { width, height })
        .ok_or_else(|| {
            format!("{s:?} is not WIDTHxHEIGHT within 320x240–7680x4320 (e.g. 1280x800)")
        })
}

impl Cli {
    /// The output language (Chinese unless `--lang en`).
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang.map_or(Lang::Zh, Lang::from)
    }
}

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// The `innocheck.evaluation/1` JSON contract.
    Json,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate assessment files against the rule packs in force.
    Evaluate(EvaluateArgs),
    /// Check assessment files for input problems (exit 2 if a file cannot be read).
    Validate(ValidateArgs),
    /// One line per company across many files or folders, for comparing a portfolio.
    Portfolio(PortfolioArgs),
    /// Write the printable summary of one assessment as an A4 PDF.
    Report(ReportArgs),
    /// Build the application package of one tier (申报材料包): cover, contents, readiness
    /// summary, every attached evidence file in the order of the tier's criteria, what is missing.
    Package(PackageArgs),
    /// Export the answers, every criterion's outcome and the gaps to a spreadsheet (.xlsx);
    /// with --template, a blank answers workbook to hand to a client.
    Export(ExportArgs),
    /// Read an answers workbook (the export, or the filled-in template) into an assessment file.
    Import(ImportArgs),
    /// Compare assessments side by side (years, companies), or one assessment under several
    /// pack versions (`compare FILE --pack sme.2022 --pack sme.2026`): what changed and why.
    Compare(CompareArgs),
    /// A reviewer's notes beside an assessment (NAME.review.ron); the assessment is never written.
    Review {
        /// What to do.
        #[command(subcommand)]
        action: ReviewAction,
    },
    /// Attach evidence files to a criterion's evidence items, list them with their status
    /// (attached / changed / not found), or remove them; saved like the window saves.
    Attach(AttachArgs),
    /// List, show or compare rule packs.
    Rules {
        /// What to do with the packs.
        #[command(subcommand)]
        action: RulesAction,
    },
}

/// Options of `evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// Assessment files (.ron).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Evaluation date (default: the file's as-of date, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Use this pack (repeatable) instead of the packs in force.
    #[arg(long = "pack", value_name = "ID")]
    pub packs: Vec<String>,
    /// Use every known pack, whatever its dates.
    #[arg(long, conflicts_with = "packs")]
    pub all_packs: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Exit with 1 when any evaluated tier is not eligible (narrow with --pack).
    #[arg(long)]
    pub fail_if_ineligible: bool,
    /// Tier whose five-haves readiness is reported (default: the next tech-center rung).
    #[arg(long, value_name = "TIER")]
    pub target: Option<String>,
}

impl EvaluateArgs {
    /// The packs and date these options select.
    #[must_use]
    pub fn selection(&self) -> Selection {
        Selection {
            as_of: self.as_of,
            packs: self.packs.clone(),
            all_packs: self.all_packs,
            target: self.target.clone(),
        }
    }
}

/// Which date, packs and five-haves target an evaluation uses (from the
/// options of `evaluate`, `report`, `export` or `portfolio`).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Evaluation date (default: the file's as-of date, else today).
    pub as_of: Option<NaiveDate>,
    /// Packs chosen by id; empty: those in force.
    pub packs: Vec<String>,
    /// Every known pack, whatever its dates.
    pub all_packs: bool,
    /// Tier for the five-haves readiness.
    pub target: Option<String>,
}

/// Options of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Assessment file (.ron).
    pub file: PathBuf,
    /// The PDF to write (replaced atomically).
    #[arg(short, long, value_name = "OUT.pdf")]
    pub output: PathBuf,
    /// Evaluation date (default: the file's as-of date, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Use this pack (repeatable) instead of the packs in force.
    #[arg(long = "pack", value_name = "ID")]
    pub packs: Vec<String>,
    /// Tier whose five-haves readiness is charted (default: the next tech-center rung).
    #[arg(long, value_name = "TIER")]
    pub target: Option<String>,
}

/// Options of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Assessment file (.ron).
    #[arg(required_unless_present = "template", conflicts_with = "template")]
    pub file: Option<PathBuf>,
    /// Write a blank answers workbook (the fiscal years before --as-of, else today) instead.
    #[arg(long)]
    pub template: bool,
    /// The spreadsheet to write (.xlsx, replaced atomically).
    #[arg(short, long, value_name = "OUT.xlsx")]
    pub output: PathBuf,
    /// Evaluation date (default: the file's as-of date, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Use this pack (repeatable) instead of the packs in force.
    #[arg(long = "pack", value_name = "ID")]
    pub packs: Vec<String>,
}

/// Options of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The answers workbook (.xlsx).
    pub input: PathBuf,
    /// The assessment file to write (.ron).
    #[arg(short, long, value_name = "OUT.ron")]
    pub output: PathBuf,
    /// Replace an existing OUT.ron (the old file is kept as OUT.ron.bak).
    #[arg(long)]
    pub force: bool,
}

/// Options of `portfolio`.
#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// Assessment files or folders of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Evaluation date for every file (default: each file's as-of date, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: portfolio::PortfolioFormat,
    /// Read the sub-folders of the folders given too (hidden folders and links to folders are skipped).
    #[arg(long, short = 'r')]
    pub recursive: bool,
}

/// Options of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more assessment files; or one, with two or more `--pack`.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Packs to use for every file; with one file, each pack is one column.
    #[arg(long = "pack", value_name = "ID")]
    pub packs: Vec<String>,
    /// Evaluation date for every column (default: each file's as-of date, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Show every criterion, not only those that changed.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// Options of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Assessment files (.ron).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// Options of `attach`.
#[derive(Debug, Args)]
pub struct AttachArgs {
    /// Assessment file (.ron).
    pub file: PathBuf,
    /// Files to attach (with --criterion), or to detach (with --remove; none: all of it).
    pub paths: Vec<PathBuf>,
    /// Criterion id to attach to (as `evaluate --format json` names it).
    #[arg(long, value_name = "ID", conflicts_with_all = ["list", "remove"])]
    pub criterion: Option<String>,
    /// Evidence item of the criterion, numbered from 1 (needed when it lists several).
    #[arg(long, value_name = "N", requires = "criterion")]
    pub item: Option<usize>,
    /// A note kept with each file attached.
    #[arg(long, requires = "criterion")]
    pub note: Option<String>,
    /// List the files attached, their status and the evidence still missing.
    #[arg(long, conflicts_with = "remove")]
    pub list: bool,
    /// Detach files from the criterion ID (the files themselves are kept).
    #[arg(long, value_name = "ID")]
    pub remove: Option<String>,
    /// Output format of --list.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// `review` actions.
#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// Open the file in the window in review mode: the answers read-only,
    /// notes saved beside the file.
    Open {
        /// Assessment file (.ron).
        file: PathBuf,
    },
    /// Print the notes, and the answers changed since the review.
    Show {
        /// Assessment file (.ron).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Add a note on a criterion or a field (saved atomically beside the file).
    Add {
        /// Assessment file (.ron).
        file: PathBuf,
        /// Criterion id (as `evaluate --format json` names it).
        #[arg(long, conflicts_with = "field", required_unless_present = "field")]
        criterion: Option<String>,
        /// Field id, e.g. years.2024.revenue.
        #[arg(long)]
        field: Option<String>,
        /// The verdict on it.
        #[arg(long, value_enum)]
        status: ReviewStatus,
        /// The note.
        #[arg(long)]
        note: Option<String>,
        /// Who writes it.
        #[arg(long)]
        reviewer: Option<String>,
        /// Date of the note (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
    },
}

/// A reviewer's verdict on a criterion or field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewStatus {
    /// 确认: checked and right.
    Confirmed,
    /// 存疑: doubtful.
    Doubtful,
    /// 缺材料: the proof is missing.
    MissingEvidence,
}

/// `rules` actions.
#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// List every pack with its dates and confidence.
    List,
    /// Show a pack's tiers and criteria.
    Show {
        /// Pack id.
        id: String,
    },
    /// What changed between two packs (e.g. sme.2022 sme.2026).
    Diff {
        /// Older pack id.
        from: String,
        /// Newer pack id.
        to: String,
    },
}

/// Loads the registry, with `--rules DIR` overrides.
pub fn registry(dir: Option<&Path>) -> Result<Registry> {
    match dir {
        Some(d) => Registry::with_dir(d)
            .with_context(|| format!("loading rule packs from {}", d.display())),
        None => Registry::bundled().context("loading the bundled rule packs"),
    }
}

/// Picks packs: explicit ids, all packs, or those in force on `as_of`.
pub fn select<'r>(
    reg: &'r Registry,
    ids: &[String],
    all: bool,
    as_of: NaiveDate,
) -> Result<Vec<&'r Pack>> {
    if all {
        return Ok(reg.packs().iter().collect());
    }
    if ids.is_empty() {
        return Ok(reg.in_force(as_of));
    }
    ids.iter()
        .map(|id| {
            reg.get(id).with_context(|| {
                let known: Vec<&str> = reg.packs().iter().map(|p| p.id.as_str()).collect();
                format!("no rule pack {id:?}; known packs: {}", known.join(", "))
            })
        })
        .collect()
}

/// One evaluated file.
pub struct Evaluated {
    /// Path as given.
    pub file: String,
    /// The assessment.
    pub assessment: Assessment,
    /// Validation issues.
    pub issues: Vec<Issue>,
    /// The evaluation.
    pub evaluation: Evaluation,
    /// The review beside the file (`NAME.review.ron`), if any and readable.
    pub review: Option<Review>,
    /// Why the review beside the file could not be read.
    pub review_error: Option<storage::StorageError>,
}

impl Evaluated {
    /// The readiness of the proof per tier, in `lang`: reads (hashes) the
    /// attached files beside the assessment, so it is called only by the
    /// commands that show it, not for a portfolio.
    #[must_use]
    pub fn proof(&self, lang: Lang) -> Vec<report::proof::TierProof> {
        let dir = storage::attachments::folder_of(Path::new(&self.file));
        let statuses = storage::attachments::statuses(&dir, &self.assessment.attachments);
        report::proof::tiers(
            &self.evaluation,
            &self.assessment.attachments,
            &statuses,
            lang,
        )
    }
}

/// Loads and evaluates one file.
pub fn evaluate_file(
    path: &Path,
    reg: &Registry,
    args: &Selection,
    today: NaiveDate,
) -> Result<Evaluated> {
    let loaded = storage::load(path)?;
    evaluate_loaded(path, loaded.assessment, reg, args, today)
}

/// Evaluates the file `path` whose bytes were already read (the report
/// fingerprints the same bytes it evaluates).
pub fn evaluate_bytes(
    path: &Path,
    bytes: &[u8],
    reg: &Registry,
    args: &Selection,
    today: NaiveDate,
) -> Result<Evaluated> {
    let loaded = storage::load_bytes(bytes, &path.display().to_string())?;
    evaluate_loaded(path, loaded.assessment, reg, args, today)
}

fn evaluate_loaded(
    path: &Path,
    a: Assessment,
    reg: &Registry,
    args: &Selection,
    today: NaiveDate,
) -> Result<Evaluated> {
    let as_of = args.as_of.unwrap_or_else(|| a.as_of_or(today));
    // The file goes last, as in every message (several files may be evaluated at once).
    let packs = select(reg, &args.packs, args.all_packs, as_of)
        .map_err(|e| anyhow::anyhow!("{e:#}: {}", path.display()))?;
    let issues = validate(&a, today);
    let mut evaluation = evaluate(&a, &packs, as_of);
    if let Some(t) = &args.target {
        if evaluation.tier(t).is_none() {
            let known: Vec<&str> = evaluation.tiers.iter().map(|t| t.id.as_str()).collect();
            bail!(
                "--target {t:?} is not among the tiers evaluated on {as_of} ({}): {}",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                },
                path.display()
            );
        }
        evaluation.target = Some(t.clone());
    }
    // A review that cannot be read does not stop the evaluation: it is said.
    let (review, review_error) = match storage::review::load_review(path) {
        Ok(r) => (r, None),
        Err(e) => (None, Some(e)),
    };
    Ok(Evaluated {
        file: path.display().to_string(),
        assessment: a,
        issues,
        evaluation,
        review,
        review_error,
    })
}

/// The review beside `path` in words, if there is one; a review that cannot
/// be read is said on standard error (in `lang`) and left out.
fn review_of(path: &Path, e: &Evaluated, lang: Lang) -> Option<report::review::ReviewView> {
    if let Some(err) = &e.review_error {
        eprintln!("innocheck: {}", err.message(lang));
    }
    e.review.as_ref().map(|r| {
        let file = storage::review::review_path(path).display().to_string();
        report::review::view(&file, r, &e.assessment, &e.evaluation, lang)
    })
}

/// An evaluation's JSON object with the review beside the file added.
#[derive(serde::Serialize)]
struct WithReview<'a> {
    #[serde(flatten)]
    doc: report::json::Doc<'a>,
    review: &'a report::review::ReviewView,
}

/// An error and its causes, in `lang` where the core can say them so
/// (storage and report errors), joined as anyhow's `{:#}` joins them.
#[must_use]
pub fn error_text(e: &anyhow::Error, lang: Lang) -> String {
    e.chain()
        .map(|cause| {
            if let Some(s) = cause.downcast_ref::<storage::StorageError>() {
                s.message(lang)
            } else if let Some(a) = cause.downcast_ref::<storage::attachments::AttachError>() {
                a.message(lang)
            } else if let Some(r) = cause.downcast_ref::<report::ReportError>() {
                r.message(lang).to_string()
            } else if let Some(p) = cause.downcast_ref::<report::pdf::package::PackageError>() {
                p.message(lang)
            } else if let Some(u) = cause.downcast_ref::<report::pdf::package::UnknownTier>() {
                u.message(lang)
            } else {
                cause.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// Applies `f` to every file on all cores (rayon's pool), keeping their order.
pub fn par_map<T: Send>(files: &[PathBuf], f: impl Fn(&Path) -> T + Sync) -> Vec<T> {
    use rayon::prelude::*;
    files.par_iter().map(|p| f(p)).collect()
}

/// Evaluates many files on all cores, keeping their order.
#[must_use]
pub fn evaluate_many(
    files: &[PathBuf],
    reg: &Registry,
    args: &Selection,
    today: NaiveDate,
) -> Vec<Result<Evaluated>> {
    par_map(files, |p| evaluate_file(p, reg, args, today))
}

fn write_out(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`innocheck … | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("writing to standard output"),
    }
}

fn cmd_evaluate(cli: &Cli, args: &EvaluateArgs) -> Result<ExitCode> {
    /// Files evaluated and rendered per round; bounds memory for large batches.
    const BATCH: usize = 256;
    let reg = registry(cli.rules.as_deref())?;
    let lang: Lang = cli.lang();
    let today = today();
    let json = args.format == Format::Json;
    let array = json && args.files.len() > 1;
    let (mut failed, mut ineligible) = (false, false);
    let mut first = true;
    let mut out = String::new();
    if array {
        out.push_str("[\n");
    }
    let selection = args.selection();
    for batch in args.files.chunks(BATCH) {
        // Evaluate and render in the workers; only the writing is sequential.
        let rendered = par_map(batch, |path| {
            let e = evaluate_file(path, &reg, &selection, today)?;
            // A tier that does not apply, or one already held, is no failure.
            let not_eligible = e.evaluation.tiers.iter().any(|t| {
                !t.held && matches!(t.verdict, Verdict::NotEligible | Verdict::Incomplete)
            });
            let review = review_of(path, &e, lang);
            let proof = e.proof(lang);
            let text = if json {
                let doc = report::json::doc(&e.file, &e.assessment, &e.issues, &e.evaluation, lang)
                    .with_proof(&proof);
                match &review {
                    // The contract's fields in their order, then `review`.
                    Some(r) => serde_json::to_string_pretty(&WithReview { doc, review: r })?,
                    None => serde_json::to_string_pretty(&doc)?,
                }
            } else {
                let mut t = report::text::render(
                    &e.file,
                    &e.assessment,
                    &e.issues,
                    &e.evaluation,
                    &proof,
                    lang,
                );
                if let Some(r) = &review {
                    t.push('\n');
                    t.push_str(&report::review::render_text(r, lang));
                }
                t
            };
            Ok::<_, anyhow::Error>((text, not_eligible))
        });
        for (path, r) in batch.iter().zip(rendered) {
            let item = match r {
                Ok((text, not_eligible)) => {
                    ineligible |= not_eligible;
                    text
                }
                Err(err) => {
                    failed = true;
                    eprintln!("innocheck: {}", error_text(&err, lang));
                    if !json {
                        continue;
                    }
                    serde_json::to_string_pretty(&serde_json::json!({
                        "format": report::json::FORMAT,
                        "file": path.display().to_string(),
                        "error": error_text(&err, lang),
                    }))?
                }
            };
            if !first {
                out.push_str(if json {
                    ",\n"
                } else {
                    "\n────────────────────────────────────────\n\n"
                });
            }
            first = false;
            out.push_str(&item);
        }
        write_out(&out)?;
        out.clear();
    }
    if array {
        out.push_str("\n]");
    }
    if json {
        out.push('\n');
    }
    write_out(&out)?;
    Ok(if failed {
        ExitCode::from(2)
    } else if args.fail_if_ineligible && ineligible {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads, evaluates and summarises one file for `report` and `export`.
fn summarise(
    cli: &Cli,
    file: &Path,
    as_of: Option<NaiveDate>,
    packs: &[String],
    target: Option<&str>,
) -> Result<(Evaluated, report::data::ReportData)> {
    let reg = registry(cli.rules.as_deref())?;
    let bytes = storage::read(file)?;
    let selection = Selection {
        as_of,
        packs: packs.to_vec(),
        all_packs: false,
        target: target.map(str::to_string),
    };
    let e = evaluate_bytes(file, &bytes, &reg, &selection, today())?;
    if e.evaluation.tiers.is_empty() {
        bail!(
            "{}: no rule pack is in force on {} (choose packs with --pack)",
            e.file,
            e.evaluation.as_of
        );
    }
    let mut data = report::data::build(&bytes, &e.assessment, &e.evaluation, cli.lang());
    data.proof = e.proof(data.lang);
    Ok((e, data))
}

/// The files `report`/`export` read: the assessment and the packs of `--rules`.
fn inputs_of(cli: &Cli, file: &Path) -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = vec![file.to_path_buf()];
    if let Some(dir) = &cli.rules
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        inputs.extend(entries.filter_map(Result::ok).map(|e| e.path()));
    }
    inputs
}

/// Writes an export, never over one of the command's inputs, an assessment
/// or anything but a regular file. Checked once before the rendering (so a
/// refusal is immediate) and again when writing.
fn export_to(
    cli: &Cli,
    file: &Path,
    output: &Path,
    render: impl FnOnce() -> Result<Vec<u8>>,
) -> Result<()> {
    let inputs = inputs_of(cli, file);
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    storage::check_export(output, &inputs)?;
    let bytes = render()?;
    storage::save_export_excluding(output, &bytes, &inputs)?;
    eprintln!("innocheck: wrote {}", output.display());
    Ok(())
}

fn cmd_report(cli: &Cli, args: &ReportArgs) -> Result<ExitCode> {
    export_to(cli, &args.file, &args.output, || {
        let (e, mut data) = summarise(
            cli,
            &args.file,
            args.as_of,
            &args.packs,
            args.target.as_deref(),
        )?;
        // The reviewer's notes beside the file, in the summary's language.
        data.review = review_of(&args.file, &e, data.lang);
        report::pdf::render(&data)
            .with_context(|| format!("{}: rendering the PDF", args.file.display()))
    })?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_export(cli: &Cli, args: &ExportArgs) -> Result<ExitCode> {
    let Some(file) = &args.file else {
        storage::check_export(&args.output, &[])?;
        let bytes = report::xlsx_template(cli.lang(), args.as_of.unwrap_or_else(today))
            .context("writing the template")?;
        storage::save_export(&args.output, &bytes)?;
        eprintln!("innocheck: wrote {}", args.output.display());
        return Ok(ExitCode::SUCCESS);
    };
    export_to(cli, file, &args.output, || {
        let (e, data) = summarise(cli, file, args.as_of, &args.packs, None)?;
        report::xlsx::render(&e.assessment, &data)
            .with_context(|| format!("{}: writing the spreadsheet", file.display()))
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The lines `validate` prints for `issues`: severity, field, message.
fn issue_lines(issues: &[Issue], lang: Lang) -> String {
    let mut text = String::new();
    for i in issues {
        let sev = match i.severity {
            crate::model::Severity::Error => lang.t(tr::ERROR),
            crate::model::Severity::Warning => lang.t(tr::WARNING),
        };
        let _ = writeln!(
            text,
            "  [{sev}] {}{}{}",
            crate::i18n::fields::field_name_of_id(&i.field, lang),
            lang.t(tr::COLON),
            lang.pick(&i.zh, &i.en)
        );
    }
    text
}

fn cmd_validate(cli: &Cli, args: &ValidateArgs) -> Result<ExitCode> {
    let lang: Lang = cli.lang();
    let today = today();
    let mut failed = false;
    let mut text = String::new();
    let mut items = Vec::new();
    for path in &args.files {
        match storage::load(path) {
            Ok(l) => {
                let issues = validate(&l.assessment, today);
                if args.format == Format::Json {
                    items.push(serde_json::json!({
                        "file": path.display().to_string(),
                        "format_version": l.format_version,
                        "migrated": l.migrated,
                        "issues": issues.iter().map(|i| serde_json::json!({
                            "field": i.field, "severity": i.severity, "message": lang.pick(&i.zh, &i.en),
                        })).collect::<Vec<_>>(),
                    }));
                } else {
                    let head = if issues.is_empty() {
                        lang.t(tr::NO_PROBLEMS_FOUND)
                    } else {
                        lang.t(tr::PROBLEMS_FOUND)
                    };
                    let _ = writeln!(text, "{}: {head}", path.display());
                    if l.migrated {
                        let _ = writeln!(text, "  {}", lang.t(tr::OLD_FORMAT));
                    }
                    text.push_str(&issue_lines(&issues, lang));
                }
            }
            Err(e) => {
                failed = true;
                eprintln!("innocheck: {}", e.message(lang));
                if args.format == Format::Json {
                    items.push(serde_json::json!({"file": path.display().to_string(), "error": e.message(lang)}));
                }
            }
        }
    }
    if args.format == Format::Json {
        write_out(&(serde_json::to_string_pretty(&items)? + "\n"))?;
    } else {
        write_out(&text)?;
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs the parsed command line.
pub fn run(cli: &Cli) -> Result<ExitCode> {
    if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
        bail!(
            "{}: a file cannot be given before a subcommand (write `innocheck evaluate FILE`)",
            file.display()
        );
    }
    match &cli.command {
        Some(Command::Evaluate(args)) => cmd_evaluate(cli, args),
        Some(Command::Validate(args)) => cmd_validate(cli, args),
        Some(Command::Report(args)) => cmd_report(cli, args),
        Some(Command::Export(args)) => cmd_export(cli, args),
        Some(Command::Package(args)) => package_cmd::run(cli, args),
        Some(Command::Import(args)) => import_cmd::run(args, cli.lang()),
        Some(Command::Review { action }) => {
            let reg = registry(cli.rules.as_deref())?;
            write_out(&review_cmd::run(&reg, action, cli.lang())?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Attach(args)) => {
            let reg = registry(cli.rules.as_deref())?;
            write_out(&attach_cmd::run(&reg, args, cli.lang())?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Compare(args)) => {
            let reg = registry(cli.rules.as_deref())?;
            write_out(&compare_cmd::run(&reg, args, cli.lang())?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Portfolio(args)) => {
            let reg = registry(cli.rules.as_deref())?;
            let entries = portfolio::load(&args.inputs, args.recursive, &reg, args.as_of, today());
            let failed = entries.iter().any(|e| e.row().is_none());
            write_out(&portfolio::render(&entries, cli.lang(), args.format))?;
            Ok(if failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Rules { action }) => {
            let reg = registry(cli.rules.as_deref())?;
            let s = rules_cmd::run(&reg, action, cli.lang())?;
            write_out(&s)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            if cli.screenshot.is_some() {
                bail!(
                    "--screenshot needs the desktop window, which this build does not include (feature `gui`)"
                );
            }
            // Without a window, show the evaluation of the file (or the bundled sample).
            let reg = registry(cli.rules.as_deref())?;
            let lang: Lang = cli.lang();
            let today = today();
            let (name, a) = match &cli.file {
                Some(p) => (p.display().to_string(), storage::load(p)?.assessment),
                None => (
                    format!("assets/samples/{DEFAULT_SAMPLE}"),
                    storage::sample(DEFAULT_SAMPLE)?,
                ),
            };
            let as_of = a.as_of_or(today);
            let packs = reg.in_force(as_of);
            if packs.is_empty() {
                bail!("no rule pack is in force on {as_of}");
            }
            let issues = validate(&a, today);
            let ev = evaluate(&a, &packs, as_of);
            // The bundled sample has no attachments; a file's are checked beside it.
            let statuses = cli.file.as_deref().map_or_else(Vec::new, |p| {
                storage::attachments::statuses(&storage::attachments::folder_of(p), &a.attachments)
            });
            let proof = report::proof::tiers(&ev, &a.attachments, &statuses, lang);
            write_out(&report::text::render(&name, &a, &issues, &ev, &proof, lang))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
