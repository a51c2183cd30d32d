//! Interface preferences and the recovery copy, kept in the user's data
//! folder (from `directories`). Never the user's document: that lives only in
//! the files the user chooses.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::Assessment;

/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

/// Where preferences and the recovery copy live; `None` keeps nothing (tests).
#[derive(Debug, Clone, Default)]
pub struct DataDir(Option<PathBuf>);

impl DataDir {
    /// The platform's data folder for innocheck (e.g. `~/.local/share/innocheck`).
    #[must_use]
    pub fn user() -> DataDir {
        DataDir(
            directories::ProjectDirs::from("cn", "innocheck", "innocheck")
                .map(|p| p.data_dir().to_path_buf()),
        )
    }

    /// A given folder (tests, portable use).
    #[must_use]
    pub fn at(path: impl Into<PathBuf>) -> DataDir {
        DataDir(Some(path.into()))
    }

    /// Keep nothing.
    #[must_use]
    pub fn none() -> DataDir {
        DataDir(None)
    }

    /// The folder, if any.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.0.as_deref()
    }

    fn file(&self, name: &str) -> Option<PathBuf> {
        self.0.as_ref().map(|d| d.join(name))
    }

    /// The preferences file.
    #[must_use]
    pub fn prefs_file(&self) -> Option<PathBuf> {
        self.file("prefs.ron")
    }

    /// The recovery copy of unsaved work.
    #[must_use]
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.file("recovery.ron")
    }

    /// Default folder for file dialogs: the user's documents, else home.
    #[must_use]
    pub fn documents() -> Option<PathBuf> {
        directories::UserDirs::new().map(|u| u.document_dir().unwrap_or(u.home_dir()).to_path_buf())
    }
}

/// Interface preferences.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Interface language.
    pub lang: Lang,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
}

impl Prefs {
    /// Reads the preferences; a missing or unreadable file gives the defaults
    /// (preferences are not worth an error dialog).
    #[must_use]
    pub fn load(dir: &DataDir) -> Prefs {
        dir.prefs_file()
            .and_then(|p| crate::storage::read(&p).ok())
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| ron::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Writes the preferences atomically.
    pub fn save(&self, dir: &DataDir) -> Result<(), crate::storage::StorageError> {
        write_ron(dir.prefs_file(), self)
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = full_path(path);
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

/// The file's full path, as a user would read it: `fs::canonicalize`
/// without the `\\?\` prefix it adds on Windows (`C:\Users\张三\…`, not
/// `\\?\C:\Users\张三\…`), so the same file is listed once and shows as
/// the user knows it. Rust's file functions add the prefix back where a path
/// is too long to go without it.
#[must_use]
pub fn full_path(path: &Path) -> PathBuf {
    use std::path::{Component, Prefix};
    let Ok(full) = std::fs::canonicalize(path) else {
        return path.to_path_buf();
    };
    let mut parts = full.components();
    let plain = match parts.next() {
        Some(Component::Prefix(p)) => match p.kind() {
            Prefix::VerbatimDisk(d) => format!("{}:", char::from(d)),
            Prefix::VerbatimUNC(server, share) => format!(
                r"\\{}\{}",
                server.to_string_lossy(),
                share.to_string_lossy()
            ),
            _ => return full,
        },
        _ => return full,
    };
    PathBuf::from(plain).join(parts.as_path())
}

/// The autosaved copy of unsaved work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the work belongs to, if it had been saved before.
    pub original: Option<PathBuf>,
    /// The unsaved document.
    pub assessment: Assessment,
}

/// The recovery copy on disk: the document is kept as a whole assessment
/// file (with its `format_version`), so a copy left by an older innocheck
/// goes through the same migrations as a saved file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryFile {
    /// The file the work belongs to, if it had been saved before.
    original: Option<PathBuf>,
    /// The unsaved document as the text of an assessment file.
    document: String,
}

/// The recovery copy as innocheck 0.1 wrote it: the document inline,
/// without a format version (read as the current format when it parses).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryUnversioned {
    original: Option<PathBuf>,
    assessment: Assessment,
}

impl Recovery {
    /// Writes the recovery copy atomically.
    pub fn save(&self, dir: &DataDir) -> Result<(), crate::storage::StorageError> {
        let file = RecoveryFile {
            original: self.original.clone(),
            document: crate::storage::to_ron(&self.assessment)?,
        };
        write_ron(dir.recovery_file(), &file)
    }

    /// The recovery copy left by an earlier run, if any and readable,
    /// migrated to the current format.
    #[must_use]
    pub fn load(dir: &DataDir) -> Option<Recovery> {
        let path = dir.recovery_file()?;
        // Through the storage reader: a regular file, bounded, never a FIFO.
        let bytes = crate::storage::read(&path).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let options = ron::Options::default().with_recursion_limit(crate::storage::MAX_DEPTH);
        if let Ok(file) = options.from_str::<RecoveryFile>(&text) {
            let name = path.display().to_string();
            let loaded = crate::storage::load_bytes(file.document.as_bytes(), &name).ok()?;
            return Some(Recovery {
                original: file.original,
                assessment: loaded.assessment,
            });
        }
        let old: RecoveryUnversioned = options.from_str(&text).ok()?;
        Some(Recovery {
            original: old.original,
            assessment: old.assessment,
        })
    }

    /// Deletes the recovery copy (after a save or an explicit discard).
    pub fn clear(dir: &DataDir) {
        if let Some(p) = dir.recovery_file() {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Writes `value` as RON to `path` atomically, creating its folder; nothing
/// when there is no per-user folder (`path` is `None`).
fn write_ron<T: Serialize>(
    path: Option<PathBuf>,
    value: &T,
) -> Result<(), crate::storage::StorageError> {
    use crate::storage::StorageError;
    let Some(path) = path else {
        return Ok(());
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| StorageError::Io {
            file: parent.display().to_string(),
            reason: e.to_string(),
        })?;
    }
    let text =
        ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default()).map_err(|e| {
            StorageError::Serialize {
                reason: e.to_string(),
            }
        })?;
    crate::storage::save_atomic(&path, text.as_bytes(), false)
}
