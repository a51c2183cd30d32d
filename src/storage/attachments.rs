//! Evidence files attached to an assessment: their facts (size, SHA-256,
//! kind, page count) when attached, and their status later.
//!
//! Nothing of the file is copied into the assessment: it records where the
//! file is (relative to the assessment's folder) and its SHA-256, so a file
//! replaced or edited afterwards shows as changed, and a moved one as absent.
//!
//! Only regular files are read (no folders, FIFOs or devices). A PDF's page
//! count is read with `hayro-syntax`; a PDF that cannot be opened without a
//! password, that is damaged beyond reading its page tree, or that has no
//! page is refused with that reason: the application package is one merged
//! PDF, and such a file could neither be merged nor checked by a reviewer.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::file::{self, ReadFailure};
use crate::i18n::Lang;
use crate::i18n::errors::fill;
use crate::model::Attachment;

/// Largest PDF whose pages are counted (bytes): the whole file is read into
/// memory for it. Larger PDFs are attached with their hash and no page count.
pub const MAX_PDF_BYTES: u64 = 512 * 1024 * 1024;

/// What a file is, by its first bytes (not by its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `%PDF-` within the first KiB.
    Pdf,
    /// JPEG (`FF D8 FF`).
    Jpeg,
    /// PNG (`89 50 4E 47 0D 0A 1A 0A`).
    Png,
    /// Anything else (a Word file, a spreadsheet…): hashed, not read.
    Other,
}

impl FileKind {
    /// The kind of a file starting with `head`.
    #[must_use]
    pub fn sniff(head: &[u8]) -> FileKind {
        let window = &head[..head.len().min(1024)];
        if window.windows(5).any(|w| w == b"%PDF-") {
            FileKind::Pdf
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            FileKind::Jpeg
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            FileKind::Png
        } else {
            FileKind::Other
        }
    }
}

/// What [`inspect`] learned about a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, lower-case hex.
    pub sha256: String,
    /// Kind by magic bytes.
    pub kind: FileKind,
    /// Pages: counted for a PDF, 1 for an image, `None` otherwise.
    pub pages: Option<u32>,
}

/// Why a file cannot be attached. Every variant names the file as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttachError {
    /// Nothing at that path.
    #[error("no such file: {file}")]
    NotFound {
        /// The path as given.
        file: String,
    },
    /// A folder, not a file.
    #[error("this is a folder, not a file: {file}")]
    Folder {
        /// The path as given.
        file: String,
    },
    /// A FIFO, socket or device.
    #[error("not a regular file ({kind}): {file}")]
    NotRegular {
        /// The path as given.
        file: String,
        /// What it is instead.
        kind: String,
    },
    /// The operating system refused to read it.
    #[error("cannot read the file: {reason}: {file}")]
    Unreadable {
        /// The path as given.
        file: String,
        /// The system's reason.
        reason: String,
    },
    /// Zero bytes.
    #[error("the file is empty (0 bytes): {file}")]
    Empty {
        /// The path as given.
        file: String,
    },
    /// A PDF that needs a password to open.
    #[error("the PDF is encrypted (password protected); attach an unprotected copy: {file}")]
    PdfEncrypted {
        /// The path as given.
        file: String,
    },
    /// A PDF whose structure cannot be read.
    #[error("the PDF is damaged: its pages cannot be read: {file}")]
    PdfDamaged {
        /// The path as given.
        file: String,
    },
    /// A PDF without a single page.
    #[error("the PDF has no pages: {file}")]
    PdfNoPages {
        /// The path as given.
        file: String,
    },
    /// The same file is already attached to this item.
    #[error("this file is already attached to this item: {file}")]
    AlreadyAttached {
        /// The path as given.
        file: String,
    },
    /// The criterion has no such evidence item (command line: a wrong
    /// `--item`), or the criterion is not in the packs used.
    #[error("criterion {criterion} has no evidence item {item}")]
    NoSuchItem {
        /// Criterion id.
        criterion: String,
        /// 1-based item number as typed.
        item: usize,
    },
}

impl AttachError {
    /// The message in `lang`, naming the file and the reason.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        use crate::i18n::attach as t;
        let f = |tr, values: &[(&str, &dyn std::fmt::Display)]| fill(lang.t(tr), values);
        match self {
            AttachError::NotFound { file } => f(t::ERR_NOT_FOUND, &[("file", file)]),
            AttachError::Folder { file } => f(t::ERR_FOLDER, &[("file", file)]),
            AttachError::NotRegular { file, kind } => {
                f(t::ERR_NOT_REGULAR, &[("file", file), ("kind", kind)])
            }
            AttachError::Unreadable { file, reason } => {
                f(t::ERR_UNREADABLE, &[("file", file), ("reason", reason)])
            }
            AttachError::Empty { file } => f(t::ERR_EMPTY, &[("file", file)]),
            AttachError::PdfEncrypted { file } => f(t::ERR_PDF_ENCRYPTED, &[("file", file)]),
            AttachError::PdfDamaged { file } => f(t::ERR_PDF_DAMAGED, &[("file", file)]),
            AttachError::PdfNoPages { file } => f(t::ERR_PDF_NO_PAGES, &[("file", file)]),
            AttachError::AlreadyAttached { file } => f(t::ERR_TWICE, &[("file", file)]),
            AttachError::NoSuchItem { criterion, item } => f(
                t::ERR_NO_SUCH_ITEM,
                &[("criterion", criterion), ("item", item)],
            ),
        }
    }

    fn from_read(e: ReadFailure, file: &str) -> AttachError {
        let file = file.to_string();
        match e {
            ReadFailure::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                AttachError::NotFound { file }
            }
            ReadFailure::Folder => AttachError::Folder { file },
            ReadFailure::Special(kind) => AttachError::NotRegular {
                file,
                kind: kind.to_string(),
            },
            other => AttachError::Unreadable {
                file,
                reason: other.reason(MAX_PDF_BYTES),
            },
        }
    }
}

/// Reads the facts of the file at `path`: size, SHA-256 (streamed), kind and
/// pages. Refuses what cannot serve as evidence ([`AttachError`]).
pub fn inspect(path: &Path) -> Result<FileFacts, AttachError> {
    let name = path.display().to_string();
    let Read {
        size,
        sha256,
        kind,
        pdf,
    } = read_hashed(path, &name)?;
    if size == 0 {
        return Err(AttachError::Empty { file: name });
    }
    let pages = match kind {
        FileKind::Pdf => match pdf {
            Some(bytes) => Some(pdf_pages(bytes, &name)?),
            None => None,
        },
        FileKind::Jpeg | FileKind::Png => Some(1),
        FileKind::Other => None,
    };
    Ok(FileFacts {
        size,
        sha256,
        kind,
        pages,
    })
}

/// What one pass over a file gives.
struct Read {
    size: u64,
    sha256: String,
    kind: FileKind,
    /// The bytes, kept for a PDF small enough to count its pages.
    pdf: Option<Vec<u8>>,
}

/// Size, SHA-256 and kind of a regular file, and its bytes when it is a PDF
/// small enough to count its pages.
fn read_hashed(path: &Path, name: &str) -> Result<Read, AttachError> {
    let fail = |e| AttachError::from_read(e, name);
    let meta = std::fs::metadata(path).map_err(|e| fail(ReadFailure::Io(e)))?;
    file::check_regular(&meta).map_err(fail)?;
    let mut f = file::open_read(path).map_err(|e| fail(ReadFailure::Io(e)))?;
    file::check_regular(&f.metadata().map_err(|e| fail(ReadFailure::Io(e)))?).map_err(fail)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    let mut kind = None;
    let mut keep: Option<Vec<u8>> = None;
    loop {
        let n = match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(fail(ReadFailure::Io(e))),
        };
        let chunk = &buf[..n];
        if kind.is_none() {
            let k = FileKind::sniff(chunk);
            if k == FileKind::Pdf && meta.len() <= MAX_PDF_BYTES {
                keep = Some(Vec::with_capacity(meta.len() as usize));
            }
            kind = Some(k);
        }
        hasher.update(chunk);
        size += n as u64;
        if let Some(k) = keep.as_mut() {
            if size > MAX_PDF_BYTES {
                keep = None;
            } else {
                k.extend_from_slice(chunk);
            }
        }
    }
    Ok(Read {
        size,
        sha256: hex(&hasher.finalize()),
        kind: kind.unwrap_or(FileKind::Other),
        pdf: keep,
    })
}

/// Pages of a PDF, or why they cannot be counted.
fn pdf_pages(bytes: Vec<u8>, name: &str) -> Result<u32, AttachError> {
    use hayro_syntax::{LoadPdfError, Pdf};
    let file = name.to_string();
    // A parser bug on a hostile file must not take the program down: it is
    // a damaged PDF like any other.
    let counted = std::panic::catch_unwind(move || match Pdf::new(bytes) {
        Ok(pdf) => Ok(pdf.pages().len()),
        Err(LoadPdfError::Decryption(_)) => Err(true),
        Err(LoadPdfError::Invalid) => Err(false),
    });
    match counted {
        Ok(Ok(0)) => Err(AttachError::PdfNoPages { file }),
        Ok(Ok(n)) => Ok(u32::try_from(n).unwrap_or(u32::MAX)),
        Ok(Err(true)) => Err(AttachError::PdfEncrypted { file }),
        Ok(Err(false)) | Err(_) => Err(AttachError::PdfDamaged { file }),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The state of an attached file now, against what was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentStatus {
    /// 已附: present, same SHA-256.
    Attached,
    /// 文件已变更: present, but its content differs.
    Changed,
    /// 无法读取: present but cannot be read (permissions, a folder now…).
    Unreadable,
    /// 文件不存在: nothing at the recorded path.
    NotFound,
}

/// The status of `a`, its path taken relative to `dir` (the assessment's
/// folder). The size is compared first, so a file of another size is not read.
#[must_use]
pub fn status(dir: &Path, a: &Attachment) -> AttachmentStatus {
    let path = resolve(dir, &a.path);
    match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return AttachmentStatus::NotFound,
        Err(_) => return AttachmentStatus::Unreadable,
        Ok(m) if !m.is_file() => return AttachmentStatus::Unreadable,
        Ok(m) if m.len() != a.size => return AttachmentStatus::Changed,
        Ok(_) => {}
    }
    match read_hashed(&path, &a.path) {
        Ok(r) if r.sha256 == a.sha256 => AttachmentStatus::Attached,
        Ok(_) => AttachmentStatus::Changed,
        Err(AttachError::NotFound { .. }) => AttachmentStatus::NotFound,
        Err(_) => AttachmentStatus::Unreadable,
    }
}

/// The status of every attachment of `list`, in order.
#[must_use]
pub fn statuses(dir: &Path, list: &[Attachment]) -> Vec<AttachmentStatus> {
    list.iter().map(|a| status(dir, a)).collect()
}

/// The SHA-256 of files already read, by path, with the size and
/// modification time they had: checking again (the window regains focus)
/// reads only files touched since. The package reads and checks every file
/// again whatever this says.
#[derive(Debug, Default)]
pub struct HashMemo {
    seen: std::collections::HashMap<PathBuf, (u64, std::time::SystemTime, String)>,
}

/// As [`statuses`], reading only the files `memo` has not seen with their
/// present size and modification time.
pub fn statuses_remembered(
    dir: &Path,
    list: &[Attachment],
    memo: &mut HashMemo,
) -> Vec<AttachmentStatus> {
    list.iter()
        .map(|a| {
            let path = resolve(dir, &a.path);
            let Ok(meta) = std::fs::metadata(&path) else {
                memo.seen.remove(&path);
                return status(dir, a);
            };
            let stamp = meta.modified().ok().filter(|_| meta.is_file());
            if let (Some(t), Some((len, when, sha))) = (stamp, memo.seen.get(&path))
                && *len == meta.len()
                && *when == t
                && meta.len() == a.size
            {
                return if *sha == a.sha256 {
                    AttachmentStatus::Attached
                } else {
                    AttachmentStatus::Changed
                };
            }
            if !meta.is_file() {
                return AttachmentStatus::Unreadable;
            }
            if meta.len() != a.size {
                return AttachmentStatus::Changed;
            }
            match read_hashed(&path, &a.path) {
                Ok(r) => {
                    let st = if r.sha256 == a.sha256 {
                        AttachmentStatus::Attached
                    } else {
                        AttachmentStatus::Changed
                    };
                    // Remembered with the time taken before reading: a file
                    // written meanwhile is read again next time.
                    if let Some(t) = stamp {
                        memo.seen.insert(path, (r.size, t, r.sha256));
                    }
                    st
                }
                Err(AttachError::NotFound { .. }) => AttachmentStatus::NotFound,
                Err(_) => AttachmentStatus::Unreadable,
            }
        })
        .collect()
}

/// The folder attachment paths are relative to: the folder of `assessment`
/// (`.` for a bare file name).
#[must_use]
pub fn folder_of(assessment: &Path) -> PathBuf {
    match assessment.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a stored path names: relative paths are taken from `dir`.
#[must_use]
pub fn resolve(dir: &Path, stored: &str) -> PathBuf {
    let p = Path::new(stored);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        dir.join(stored)
    }
}

/// `file` as stored: relative to `dir` with `/` separators (`scans/审计报告.pdf`,
/// `../共用/营业执照.pdf`), or absolute (with `/`) when the two do not share a
/// root, e.g. another drive on Windows.
#[must_use]
pub fn relative_path(dir: &Path, file: &Path) -> String {
    let (base, target) = (normalized(dir), normalized(file));
    let same_root = matches!(
        (base.first(), target.first()),
        (Some(a), Some(b)) if a == b
    );
    if !same_root {
        return join_slash(&target);
    }
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); base.len() - common];
    parts.extend(target[common..].iter().cloned());
    parts.join("/")
}

/// The components of `p` made absolute, with `.` and `..` resolved by name.
fn normalized(p: &Path) -> Vec<String> {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out: Vec<String> = Vec::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if out.len() > 1 {
                    out.pop();
                }
            }
            Component::RootDir => out.push("/".to_string()),
            Component::Prefix(p) => out.push(p.as_os_str().to_string_lossy().into_owned()),
            Component::Normal(n) => out.push(n.to_string_lossy().into_owned()),
        }
    }
    // On Windows the prefix (`C:`) and the root are two components: one root.
    if out.len() >= 2 && out[1] == "/" && out[0] != "/" {
        let prefix = out.remove(0);
        out[0] = format!("{prefix}/");
    }
    out
}

fn join_slash(parts: &[String]) -> String {
    let mut s = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 && !s.ends_with('/') {
            s.push('/');
        }
        s.push_str(p);
    }
    s
}

/// The paths of `list` re-expressed for an assessment that moves from the
/// folder `from` to the folder `to` (Save As elsewhere), so they still name
/// the same files. Absolute paths stay as they are.
pub fn rebase(list: &mut [Attachment], from: &Path, to: &Path) {
    for a in list {
        if !Path::new(&a.path).is_absolute() {
            a.path = relative_path(to, &resolve(from, &a.path));
        }
    }
}

/// A new attachment of the file at `file` (as the user named it) to `item`
/// of `criterion`, its path stored relative to `dir`. Refuses a file that
/// cannot serve ([`inspect`]) and one already attached to the same item
/// (same stored path or same content).
pub fn attach(
    dir: &Path,
    file: &Path,
    criterion: &str,
    item: usize,
    note: &str,
    added: NaiveDate,
    existing: &[Attachment],
) -> Result<Attachment, AttachError> {
    let facts = inspect(file)?;
    let path = relative_path(dir, file);
    if existing
        .iter()
        .any(|a| a.is_for(criterion, item) && (a.path == path || a.sha256 == facts.sha256))
    {
        return Err(AttachError::AlreadyAttached {
            file: file.display().to_string(),
        });
    }
    Ok(Attachment {
        criterion: criterion.to_string(),
        item,
        path,
        sha256: facts.sha256,
        size: facts.size,
        pages: facts.pages,
        added,
        note: note.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_with_slashes() {
        let dir = Path::new("/home/张三/申报");
        assert_eq!(
            relative_path(dir, Path::new("/home/张三/申报/扫描件/审计报告.pdf")),
            "扫描件/审计报告.pdf"
        );
        assert_eq!(
            relative_path(dir, Path::new("/home/张三/共用/执照.pdf")),
            "../共用/执照.pdf"
        );
        assert_eq!(
            relative_path(dir, Path::new("/home/张三/申报/./a/../b.png")),
            "b.png"
        );
    }

    #[test]
    fn saving_elsewhere_keeps_naming_the_same_files() {
        let mut list = vec![Attachment {
            criterion: "c".into(),
            item: 0,
            path: "扫描件/a.pdf".into(),
            sha256: String::new(),
            size: 1,
            pages: None,
            added: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
            note: String::new(),
        }];
        rebase(
            &mut list,
            Path::new("/srv/公司"),
            Path::new("/srv/公司/2026"),
        );
        assert_eq!(list[0].path, "../扫描件/a.pdf");
        rebase(
            &mut list,
            Path::new("/srv/公司/2026"),
            Path::new("/srv/公司"),
        );
        assert_eq!(list[0].path, "扫描件/a.pdf");
    }

    #[test]
    fn kinds_come_from_the_first_bytes() {
        assert_eq!(FileKind::sniff(b"%PDF-1.7\n"), FileKind::Pdf);
        assert_eq!(FileKind::sniff(b"\xEF\xBB\xBF %PDF-1.4"), FileKind::Pdf);
        assert_eq!(FileKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), FileKind::Jpeg);
        assert_eq!(FileKind::sniff(b"\x89PNG\r\n\x1a\n...."), FileKind::Png);
        assert_eq!(FileKind::sniff(b"PK\x03\x04"), FileKind::Other);
    }
}
