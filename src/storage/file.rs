//! What innocheck agrees to read and to write over.
//!
//! Inputs are read only when they are regular files (after following
//! symbolic links), through a reader that stops at a limit whatever size the
//! file claims: a FIFO would block forever and `/dev/zero` never ends.
//!
//! Outputs replace only a regular file that is not an assessment (by name or
//! by its first bytes, parseable or not) and not one of the command's inputs.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use super::StorageError;

/// How much of an existing file is read to tell whether it is an assessment.
const SNIFF_BYTES: u64 = 64 * 1024;

/// Why a file could not be read, before it is put into a caller's error type.
#[derive(Debug)]
pub(crate) enum ReadFailure {
    /// The operating system refused (missing file, permissions…).
    Io(io::Error),
    /// A folder.
    Folder,
    /// Not a regular file: what it is instead (e.g. "FIFO").
    Special(&'static str),
    /// Longer than the limit: the size found (or read so far).
    TooLarge(u64),
}

impl ReadFailure {
    /// The failure as a storage error naming `file`.
    pub(crate) fn into_storage(self, file: &str) -> StorageError {
        let file = file.to_string();
        match self {
            ReadFailure::Io(e) => StorageError::Io {
                file,
                reason: e.to_string(),
            },
            ReadFailure::Folder => StorageError::NotAFile { file },
            ReadFailure::Special(kind) => StorageError::NotRegular {
                file,
                kind: kind.to_string(),
            },
            ReadFailure::TooLarge(bytes) => StorageError::TooLarge { file, bytes },
        }
    }

    /// The reason in English, for callers whose errors carry a free text.
    pub(crate) fn reason(&self, limit: u64) -> String {
        match self {
            ReadFailure::Io(e) => e.to_string(),
            ReadFailure::Folder => "it is a folder, not a file".to_string(),
            ReadFailure::Special(kind) => {
                format!("it is a {kind}, not a regular file; only regular files are read")
            }
            ReadFailure::TooLarge(n) => {
                format!("it holds {n} bytes or more, over the limit of {limit} bytes")
            }
        }
    }
}

/// What kind of non-regular file `meta` describes.
pub(crate) fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "FIFO (named pipe)";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_char_device() {
            return "character device";
        }
        if t.is_block_device() {
            return "block device";
        }
    }
    "special file"
}

/// Opens `path` for reading without blocking on a FIFO swapped in after the
/// type check (the descriptor's own type is checked again after opening).
pub(crate) fn open_read(path: &Path) -> io::Result<File> {
    let mut o = fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading waits for a writer unless non-blocking;
        // on a regular file the flag changes nothing.
        o.custom_flags(libc::O_NONBLOCK);
    }
    o.open(path)
}

/// Reads the regular file at `path` (symbolic links followed), at most
/// `limit` bytes: a file that turns out longer is refused, whatever its
/// metadata claimed. Folders, FIFOs, sockets and devices are never opened
/// for reading.
pub(crate) fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let meta = fs::metadata(path).map_err(ReadFailure::Io)?;
    check_regular(&meta)?;
    if meta.len() > limit {
        return Err(ReadFailure::TooLarge(meta.len()));
    }
    let file = open_read(path).map_err(ReadFailure::Io)?;
    // The path may have been replaced between the check and the open.
    check_regular(&file.metadata().map_err(ReadFailure::Io)?)?;
    read_bounded(file, limit)
}

pub(crate) fn check_regular(meta: &Metadata) -> Result<(), ReadFailure> {
    if meta.is_dir() {
        Err(ReadFailure::Folder)
    } else if meta.is_file() {
        Ok(())
    } else {
        Err(ReadFailure::Special(kind_of(meta)))
    }
}

/// Reads at most `limit` bytes from `r`; one byte more is an error.
fn read_bounded(r: impl Read, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let mut bytes = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Whether a file named `name` is taken for an assessment by its name alone:
/// `*.ron` and its backup `*.ron.bak`, in any case.
#[must_use]
pub(crate) fn has_assessment_name(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    // Lower-cased first, so the comparison is case-insensitive.
    let name = name.to_string_lossy().to_lowercase();
    let ext = |e: &str| {
        name.len() > e.len()
            && name.is_char_boundary(name.len() - e.len())
            && name[name.len() - e.len()..] == *e
    };
    ext(".ron") || ext(".ron.bak")
}

/// Whether `prefix`, the first bytes of a file, begin like an innocheck
/// envelope (`(` then `format_version`), in any encoding that keeps ASCII
/// recognisable: UTF-8 with or without BOM, GBK, UTF-16 and UTF-32 of either
/// byte order. Parse errors further on do not matter: a damaged assessment is
/// still somebody's only copy.
///
/// A RON struct opening (`(` or `Name(`) after blank space and comments is
/// enough; so is `format_version` anywhere in the prefix, or comments and
/// nothing else (a file cut off inside its header comment).
#[must_use]
pub(crate) fn looks_like_assessment(prefix: &[u8]) -> bool {
    // NUL bytes are the high (or low) halves of ASCII in UTF-16/32; BOM bytes
    // and NULs never occur in an export's first bytes (%PDF, PK…).
    let ascii: Vec<u8> = prefix.iter().copied().filter(|&b| b != 0).collect();
    let mut rest: &[u8] = &ascii;
    while let Some((&b, tail)) = rest.split_first() {
        if matches!(b, 0xEF | 0xBB | 0xBF | 0xFE | 0xFF) {
            rest = tail;
        } else {
            break;
        }
    }
    if contains(&ascii, b"format_version") {
        return true;
    }
    let mut commented = false;
    loop {
        rest = trim_ascii_start(rest);
        if rest.starts_with(b"//") || rest.starts_with(b"/*") {
            commented = true;
        }
        if let Some(after) = rest.strip_prefix(b"//") {
            rest = after
                .iter()
                .position(|&b| b == b'\n')
                .map_or(&[][..], |i| &after[i + 1..]);
        } else if let Some(after) = rest.strip_prefix(b"/*") {
            rest = find(after, b"*/").map_or(&[][..], |i| &after[i + 2..]);
        } else if let Some(after) = rest.strip_prefix(b"#![") {
            // A RON extension attribute line: `#![enable(…)]`.
            rest = after
                .iter()
                .position(|&b| b == b'\n')
                .map_or(&[][..], |i| &after[i + 1..]);
        } else {
            break;
        }
    }
    if rest.is_empty() {
        // Nothing but RON comments (e.g. an assessment's header comment, cut
        // off before its data): somebody's file, not an export.
        return commented;
    }
    let ident = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    // `Name(` without a space: a word and a bracket in prose is not RON.
    rest[ident..].starts_with(b"(")
}

fn trim_ascii_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}

/// Identity of a file: device and inode on Unix, the canonical path elsewhere.
#[derive(Debug, PartialEq, Eq)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(std::path::PathBuf),
}

fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path)
            .ok()
            .map(|m| FileId::Inode(m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        fs::canonicalize(path).ok().map(FileId::Path)
    }
}

/// Whether `a` and `b` are the same existing file, however they are spelt
/// (symbolic links, `..`, hard links on Unix).
#[must_use]
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (file_id(a), file_id(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Checks that an export may be written to `path`: it does not exist, or it
/// is a regular file that is neither an assessment (by name or content) nor
/// one of `inputs`.
pub(crate) fn check_export_target(path: &Path, inputs: &[&Path]) -> Result<(), StorageError> {
    let name = path.display().to_string();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        // Nothing there (or a dangling link, which the rename replaces).
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StorageError::io(&name, &e)),
    };
    if !meta.is_file() {
        return Err(StorageError::NotRegular {
            file: name,
            kind: kind_of(&meta).to_string(),
        });
    }
    if has_assessment_name(path) || fs::canonicalize(path).is_ok_and(|p| has_assessment_name(&p)) {
        return Err(StorageError::ExportOverAssessment { file: name });
    }
    let prefix = match open_read(path).and_then(|f| {
        let mut v = Vec::new();
        f.take(SNIFF_BYTES).read_to_end(&mut v).map(|_| v)
    }) {
        Ok(v) => v,
        // A file that cannot be read cannot be shown to be expendable.
        Err(e) => return Err(StorageError::io(&name, &e)),
    };
    if looks_like_assessment(&prefix) {
        return Err(StorageError::ExportOverAssessment { file: name });
    }
    if let Some(input) = inputs.iter().find(|i| same_file(path, i)) {
        return Err(StorageError::OutputIsInput {
            file: name,
            input: input.display().to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_openings_in_several_encodings_are_recognised() {
        let text = "// 江西\n(\n    format_version: 2,\n";
        let little: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let utf32: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        for (what, bytes) in [
            ("utf-8", text.as_bytes().to_vec()),
            ("bom", [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()),
            ("utf-16le", little),
            ("utf-16be", big),
            ("utf-32", utf32),
            ("cut", b"(".to_vec()),
            ("cut after a comment", b"/* x */ \n ( form".to_vec()),
            ("only comments", b"// header\n// cut he".to_vec()),
            ("cut inside a block comment", b"/* header".to_vec()),
            ("named", b"Envelope(assessment: ())".to_vec()),
        ] {
            assert!(looks_like_assessment(&bytes), "{what}");
        }
        for (what, bytes) in [
            ("pdf", &b"%PDF-1.7\n%\xE2\xE3"[..]),
            ("xlsx", b"PK\x03\x04\x14\x00"),
            ("empty", b""),
            ("text", b"hello (world)"),
        ] {
            assert!(!looks_like_assessment(bytes), "{what}");
        }
    }

    #[test]
    fn assessment_names() {
        for n in ["a.ron", "A.RON", "a.ron.bak", "a.Ron.BAK"] {
            assert!(has_assessment_name(Path::new(n)), "{n}");
        }
        for n in ["a.pdf", "ron", "a.bak", "a.ron.pdf"] {
            assert!(!has_assessment_name(Path::new(n)), "{n}");
        }
    }
}
