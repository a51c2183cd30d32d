//! Atomic replacement of a file: write a temporary file in the same folder,
//! fsync it, keep the previous file as a backup (itself replaced atomically),
//! rename over the target, fsync the folder.
//!
//! Temporary files are named `.<target name>.<16 hex digits>.tmp`, created
//! exclusively with a fresh random suffix per attempt (retried on a
//! collision), and only a file this save created is ever deleted. A process
//! killed mid-save leaves at most one of them; the next save of the same
//! target removes those older than [`STALE_AFTER`].

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::StorageError;
use super::file::kind_of;

/// Age after which a temporary file left beside a target by a killed save is
/// removed by the next save of that target.
pub const STALE_AFTER: Duration = Duration::from_hours(24);

/// Attempts at a free temporary name before giving up.
const ATTEMPTS: usize = 64;

/// Longest part of the target's name kept in a temporary name (bytes), so
/// the temporary name stays within the usual 255-byte limit.
const NAME_PART: usize = 200;

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
/// kept in [`backup_path`]. Readers never see a half-written file, and the
/// backup is never half-written either.
///
/// `path` must not exist or be a regular file (a symbolic link is followed:
/// the file it points to is replaced and the link kept). Folders, FIFOs,
/// sockets and devices are refused, whoever runs the program.
pub fn save_atomic(path: &Path, bytes: &[u8], backup: bool) -> Result<(), StorageError> {
    let name = path.display().to_string();
    let err = |e: io::Error| StorageError::io(&name, &e);
    let target = resolve_link(path);
    let existing = match fs::metadata(&target) {
        Ok(m) if m.is_file() => Some(m),
        Ok(m) => {
            return Err(StorageError::NotRegular {
                file: name,
                kind: kind_of(&m).to_string(),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(err(e)),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = target
        .file_name()
        .ok_or_else(|| StorageError::NotAFile { file: name.clone() })?
        .to_os_string();
    let stem = temp_stem(&file_name);
    remove_stale(&dir, &stem, &file_name);
    if backup && existing.is_some() {
        make_backup(&target, &dir, &stem).map_err(|e| match e {
            BackupError::Io(e) => err(e),
            BackupError::NotRegular(bak, kind) => StorageError::NotRegular {
                file: bak.display().to_string(),
                kind,
            },
        })?;
    }
    let (tmp, mut f) = create_temp(&dir, &stem).map_err(err)?;
    let result = (|| {
        if let Some(m) = &existing {
            // Keep the file's permissions: a save must not widen who can read it.
            f.set_permissions(m.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, &target)?;
        sync_dir(&dir);
        Ok(())
    })()
    .map_err(err);
    if result.is_err() {
        // Created by this call with create_new: nobody else's file.
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The file a symbolic link at `path` points to (so the save replaces the
/// document, not the link); `path` itself otherwise, or when the link dangles.
fn resolve_link(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    path.to_path_buf()
}

/// `.<name>.` with the name cut to [`NAME_PART`] bytes (on a character boundary).
fn temp_stem(file_name: &OsStr) -> String {
    let full = file_name.to_string_lossy();
    let mut end = full.len().min(NAME_PART);
    while !full.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}.", &full[..end])
}

/// A random 64-bit number from the standard library's per-process random
/// hash keys, mixed with the time and a counter: unique enough for names that
/// are created exclusively anyway.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    if let Ok(t) = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    h.finish()
}

fn temp_name(dir: &Path, stem: &str) -> PathBuf {
    dir.join(format!("{stem}{:016x}.tmp", random_u64()))
}

/// Creates a new temporary file beside the target, exclusively; another
/// random name is tried when one is taken.
fn create_temp(dir: &Path, stem: &str) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..ATTEMPTS {
        let tmp = temp_name(dir, stem);
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

enum BackupError {
    Io(io::Error),
    NotRegular(PathBuf, String),
}

impl From<io::Error> for BackupError {
    fn from(e: io::Error) -> Self {
        BackupError::Io(e)
    }
}

/// Replaces `<target>.bak` atomically with the current content of `target`:
/// a hard link to the current file under a temporary name (or, where links
/// are not supported, a full copy fsynced there), renamed over the backup.
/// The backup is therefore always a complete file: the old one or the new one.
fn make_backup(target: &Path, dir: &Path, stem: &str) -> Result<(), BackupError> {
    let bak = backup_path(target);
    match fs::symlink_metadata(&bak) {
        Ok(m) if !m.is_file() => {
            return Err(BackupError::NotRegular(bak, kind_of(&m).to_string()));
        }
        _ => {}
    }
    // A save killed between its two renames leaves the backup as a second
    // name of the current file: it is already the backup wanted.
    if super::file::same_file(target, &bak) {
        return Ok(());
    }
    let tmp = link_or_copy(target, dir, stem)?;
    let result = fs::rename(&tmp, &bak);
    // `rename` between two names of one file does nothing and succeeds,
    // leaving the temporary name: it is this call's own, remove it.
    if result.is_err() || fs::symlink_metadata(&tmp).is_ok() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    sync_dir(dir);
    Ok(())
}

/// A new temporary name holding the content of `target`.
fn link_or_copy(target: &Path, dir: &Path, stem: &str) -> io::Result<PathBuf> {
    for _ in 0..ATTEMPTS {
        let tmp = temp_name(dir, stem);
        match fs::hard_link(target, &tmp) {
            Ok(()) => return Ok(tmp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            // No hard links here (some network and FAT file systems): copy.
            Err(_) => break,
        }
    }
    let (tmp, mut out) = create_temp(dir, stem)?;
    let result = (|| {
        let mut src = File::open(target)?;
        io::copy(&mut src, &mut out)?;
        out.set_permissions(src.metadata()?.permissions())?;
        out.sync_all()
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            drop(out);
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Persists renames in `dir`; not every platform allows syncing a folder.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Whether `name` is a temporary file of a save of the target whose
/// temporary stem is `stem`: `<stem><16 hex>.tmp`, or the process-id names
/// of innocheck 0.1 (`.<name>.<digits>.tmp`).
fn is_our_temp(name: &str, stem: &str, legacy_stem: &str) -> bool {
    let tail = |s: &str| {
        name.strip_prefix(s)
            .and_then(|r| r.strip_suffix(".tmp"))
            .map(str::to_string)
    };
    if let Some(hex) = tail(stem)
        && hex.len() == 16
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return true;
    }
    tail(legacy_stem).is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes temporary files of earlier, killed saves of this target that are
/// older than [`STALE_AFTER`]. Best effort: a failure here never stops a save.
fn remove_stale(dir: &Path, stem: &str, file_name: &OsStr) {
    let legacy_stem = format!(".{}.", file_name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_our_temp(name, stem, &legacy_stem) {
            continue;
        }
        // Never follow a link or touch anything but a regular file.
        let Ok(meta) = fs::symlink_metadata(e.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && old {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised_only_for_their_target() {
        let stem = temp_stem(OsStr::new("a.ron"));
        assert_eq!(stem, ".a.ron.");
        let legacy = ".a.ron.";
        assert!(is_our_temp(".a.ron.0123456789abcdef.tmp", &stem, legacy));
        assert!(is_our_temp(".a.ron.4242.tmp", &stem, legacy));
        for other in [
            ".a.ron.0123456789abcdeg.tmp",
            ".a.ron.0123456789abcdef",
            ".b.ron.0123456789abcdef.tmp",
            ".a.ron..tmp",
            "a.ron",
            "a.ron.bak",
        ] {
            assert!(!is_our_temp(other, &stem, legacy), "{other}");
        }
    }

    #[test]
    fn long_names_are_cut_on_a_character_boundary() {
        let long = "赣".repeat(100); // 300 bytes
        let stem = temp_stem(OsStr::new(&long));
        assert!(stem.len() <= NAME_PART + 2);
        assert!(stem.starts_with(".赣") && stem.ends_with("赣."));
    }

    #[test]
    fn random_suffixes_differ() {
        let a: std::collections::BTreeSet<u64> = (0..1000).map(|_| random_u64()).collect();
        assert_eq!(a.len(), 1000);
    }
}
