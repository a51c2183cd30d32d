//! Files: the versioned envelope around an assessment, forward migration,
//! atomic saves with a backup, and clear errors for damaged files.
//!
//! A file is RON:
//! ```ron
//! (
//!     format_version: 4,
//!     app_version: "0.1.0",
//!     assessment: ( company: ( name: "…", … ), years: [ … ], … ),
//! )
//! ```
//! A file written by a newer innocheck (higher `format_version`) is refused and
//! never rewritten; an older one is migrated in memory and saved in the
//! current format only when the user saves.

mod atomic;
pub mod attachments;
mod error;
pub(crate) mod file;
mod migrate;
pub mod review;
pub mod scan;
pub mod sheets;
pub mod xlsx_import;
pub mod xlsx_read;

pub use atomic::{STALE_AFTER, backup_path, save_atomic};
pub use error::StorageError;
pub use file::same_file;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::Assessment;

/// The format this build writes.
pub const FORMAT_VERSION: u32 = 4;
/// Largest assessment file accepted (bytes).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest nesting accepted while parsing.
pub const MAX_DEPTH: usize = 64;

/// The on-disk envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// Format version of the file.
    pub format_version: u32,
    /// Version of innocheck that wrote it.
    #[serde(default)]
    pub app_version: String,
    /// The document.
    pub assessment: Assessment,
}

/// A loaded document and what loading it involved.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The assessment, in the current model.
    pub assessment: Assessment,
    /// Format version found in the file.
    pub format_version: u32,
    /// Whether it was migrated from an older format.
    pub migrated: bool,
}

/// Reads an assessment file; `path` names it in errors.
pub fn load(path: &Path) -> Result<Loaded, StorageError> {
    let bytes = read(path)?;
    load_bytes(&bytes, &path.display().to_string())
}

/// Reads the bytes of an assessment file with the checks of [`load`]: a
/// regular file (symbolic links followed; never a folder, FIFO, socket or
/// device), of at most [`MAX_FILE_BYTES`] bytes counted as they are read,
/// whatever size the file claims. For callers that also need the bytes
/// themselves, e.g. to fingerprint them.
pub fn read(path: &Path) -> Result<Vec<u8>, StorageError> {
    file::read_regular(path, MAX_FILE_BYTES)
        .map_err(|e| e.into_storage(&path.display().to_string()))
}

/// Parses an assessment from bytes; `name` identifies the source in errors.
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<Loaded, StorageError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(StorageError::TooLarge {
            file: name.to_string(),
            bytes: bytes.len() as u64,
        });
    }
    let text = decode(bytes, name)?;
    if !has_data(text) {
        return Err(StorageError::Empty {
            file: name.to_string(),
        });
    }
    let version = migrate::peek_version(text, name)?;
    if version > FORMAT_VERSION {
        return Err(StorageError::TooNew {
            file: name.to_string(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let assessment = if version == FORMAT_VERSION {
        let env: Envelope = parse(text, name)?;
        env.assessment
    } else {
        migrate::from_version(version, text, name)?
    };
    check_numbers(&assessment, name)?;
    Ok(Loaded {
        assessment,
        format_version: version,
        migrated: version != FORMAT_VERSION,
    })
}

fn decode<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, StorageError> {
    let (bom, bytes) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(StorageError::Encoding {
            file: name.to_string(),
            line: 1,
            detail: "UTF-16".into(),
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        StorageError::Encoding {
            file: name.to_string(),
            line,
            // Offset in the file as it is on disk, BOM included.
            detail: format!("byte {}", bom + e.valid_up_to()),
        }
    })
}

/// Parses RON with the depth limit, mapping errors to file/line/column.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    text: &str,
    name: &str,
) -> Result<T, StorageError> {
    ron::Options::default()
        .with_recursion_limit(MAX_DEPTH)
        .from_str(text)
        .map_err(|e| StorageError::Parse {
            file: name.to_string(),
            line: e.span.start.line,
            col: e.span.start.col,
            reason: match e.code {
                // ron's own text addresses programmers ("increase recursion_limit").
                ron::Error::ExceededRecursionLimit => {
                    format!(
                        "nested more than {MAX_DEPTH} levels deep (the limit for assessment files)"
                    )
                }
                code => code.to_string(),
            },
        })
}

/// Writes an export (PDF, spreadsheet) to `path` atomically, refusing to
/// replace an assessment file: `report a.ron -o a.ron`, or picking the open
/// file in the export dialog, must not turn the company's answers into a PDF.
///
/// Same as [`save_export_excluding`] without inputs.
pub fn save_export(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    save_export_excluding(path, bytes, &[])
}

/// Writes an export to `path` atomically, only where nothing exists yet or
/// over a regular file that
/// - is not an assessment: not named `*.ron` / `*.ron.bak`, and not starting
///   like one (`(` … `format_version`, in UTF-8, UTF-16, GBK…), parseable or
///   not — a damaged assessment may be the user's only copy;
/// - is not one of `inputs` (the files the command read), compared by
///   identity (device and inode on Unix), not by spelling.
///
/// Folders, FIFOs, sockets and devices are never written over.
pub fn save_export_excluding(
    path: &Path,
    bytes: &[u8],
    inputs: &[&Path],
) -> Result<(), StorageError> {
    check_export(path, inputs)?;
    save_atomic(path, bytes, false)
}

/// The checks of [`save_export_excluding`] alone, to refuse a target before
/// spending time on rendering (the save checks again).
pub fn check_export(path: &Path, inputs: &[&Path]) -> Result<(), StorageError> {
    file::check_export_target(path, inputs)
}

/// Whether `text` holds anything besides blank space and comments (`//` lines,
/// `/* … */` blocks): a file cut off inside its opening comment holds nothing.
fn has_data(text: &str) -> bool {
    let mut rest = text.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, next)| next);
        } else {
            return !rest.is_empty();
        }
        rest = rest.trim_start();
    }
}

/// Rejects NaN and infinities, which RON accepts as numbers.
fn check_numbers(a: &Assessment, name: &str) -> Result<(), StorageError> {
    let mut bad = Vec::new();
    for y in &a.years {
        for field in crate::model::FISCAL_FIELDS {
            let v = field.money(y);
            if v.is_some_and(|v| !v.is_finite()) {
                bad.push(field.id(y.year));
            }
        }
    }
    for (f, v) in [
        ("conditions.equipment_value", a.conditions.equipment_value),
        ("conditions.rd_space_m2", a.conditions.rd_space_m2),
        ("direction.niche_share_pct", a.direction.niche_share_pct),
        ("manual.miit_platform_score", a.manual.miit_platform_score),
        ("manual.featured_score_2022", a.manual.featured_score_2022),
        (
            "manual.provincial_revenue_growth_benchmark",
            a.manual.provincial_revenue_growth_benchmark,
        ),
        (
            "manual.provincial_profit_growth_benchmark",
            a.manual.provincial_profit_growth_benchmark,
        ),
        (
            "direction.intl_niche_share_pct",
            a.direction.intl_niche_share_pct,
        ),
    ] {
        if v.is_some_and(|v| !v.is_finite()) {
            bad.push(f.to_string());
        }
    }
    for (i, p) in a.projects.iter().enumerate() {
        if p.budget.is_some_and(|v| !v.is_finite()) {
            bad.push(format!("projects.{i}.budget"));
        }
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(StorageError::NotFinite {
            file: name.to_string(),
            fields: bad,
        })
    }
}

/// Serialises an assessment in the current format.
pub fn to_ron(a: &Assessment) -> Result<String, StorageError> {
    let env = Envelope {
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        assessment: a.clone(),
    };
    let cfg = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .struct_names(false)
        .indentor("    ".to_string());
    ron::ser::to_string_pretty(&env, cfg).map_err(|e| StorageError::Serialize {
        reason: e.to_string(),
    })
}

/// Saves `a` to `path` atomically, keeping the previous file as `<name>.bak`.
/// A file written by a newer innocheck is never overwritten, nor is anything
/// but a regular file.
pub fn save(a: &Assessment, path: &Path) -> Result<(), StorageError> {
    let name = path.display().to_string();
    match file::read_regular(path, MAX_FILE_BYTES) {
        Ok(existing) => {
            if let Ok(text) = decode(&existing, &name)
                && let Ok(found) = migrate::peek_version(text, &name)
                && found > FORMAT_VERSION
            {
                return Err(StorageError::TooNew {
                    file: name,
                    found,
                    supported: FORMAT_VERSION,
                });
            }
        }
        Err(e @ (file::ReadFailure::Folder | file::ReadFailure::Special(_))) => {
            return Err(e.into_storage(&name));
        }
        // Missing (a new file), unreadable or too large to be ours: the
        // atomic save decides, and keeps the old file as the backup.
        Err(_) => {}
    }
    let text = to_ron(a)?;
    save_atomic(path, text.as_bytes(), true)
}

/// The bundled sample companies: `(file name, RON text)`.
pub const SAMPLES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_samples.rs"));

/// The bundled sample opened when innocheck starts without a file.
pub const DEFAULT_SAMPLE: &str = "hongdu-precision.ron";

/// Loads a bundled sample by file name (e.g. `hongdu-precision.ron`).
pub fn sample(name: &str) -> Result<Assessment, StorageError> {
    let (n, text) =
        SAMPLES
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| StorageError::NotAFile {
                file: format!("assets/samples/{name}"),
            })?;
    load_bytes(text.as_bytes(), &format!("assets/samples/{n}")).map(|l| l.assessment)
}
