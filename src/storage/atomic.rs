//! Atomic replacement of a file: write a temporary file in the same folder,
//! fsync it, keep the previous file as a backup, rename over the target,
//! fsync the folder.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::StorageError;

/// The backup kept beside `path`: `name.ron.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically; with `backup`, the previous content is
/// kept in [`backup_path`]. Readers never see a half-written file.
pub fn save_atomic(path: &Path, bytes: &[u8], backup: bool) -> Result<(), StorageError> {
    let name = path.display().to_string();
    let err = |e: std::io::Error| StorageError::io(&name, &e);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| StorageError::NotAFile { file: name.clone() })?
        .to_string_lossy()
        .into_owned();
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(err)?;
        f.write_all(bytes).map_err(err)?;
        f.sync_all().map_err(err)?;
        drop(f);
        if backup && path.exists() {
            let bak = backup_path(path);
            // A hard copy, so the original stays in place until the rename.
            fs::copy(path, &bak).map_err(err)?;
            // Opened for writing: Windows flushes a file only through a
            // handle with write access (FlushFileBuffers).
            if let Ok(b) = OpenOptions::new().write(true).open(&bak) {
                b.sync_all().map_err(err)?;
            }
        }
        fs::rename(&tmp, path).map_err(err)?;
        if let Ok(d) = File::open(&dir) {
            // Persist the rename; not every platform allows syncing a folder.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
