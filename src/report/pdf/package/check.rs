//! Reading an attachment: is it still there, the same bytes as attached,
//! not too large, and of a kind the package can place (PDF, JPEG, PNG)?
//! The kind is told by the file's first bytes, not by its name.

use std::io::Read as _;

use super::FileRef;
use super::error::Reason;

/// What an attachment holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A PDF document.
    Pdf,
    /// A JPEG picture.
    Jpeg,
    /// A PNG picture.
    Png,
}

/// The kind of `bytes` by their signature: `%PDF-` in the first kilobyte
/// (readers accept a few bytes of junk before it), the JPEG SOI marker, the
/// PNG signature.
pub(super) fn sniff(bytes: &[u8]) -> Option<Kind> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(Kind::Jpeg)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if head.windows(5).any(|w| w == b"%PDF-") {
        Some(Kind::Pdf)
    } else {
        None
    }
}

/// SHA-256 of `bytes` as lower-case hex.
fn sha256_hex(bytes: &[u8]) -> String {
    crate::report::data::fingerprint(bytes)
}

/// Reads the attachment `f`, refusing it when it vanished, is not a regular
/// file, is larger than `limit` bytes (checked before reading), is empty,
/// differs from what was attached (size, then SHA-256) or is of an unknown kind.
pub(super) fn read(f: &FileRef, limit: u64) -> Result<(Kind, Vec<u8>), Reason> {
    let meta = match std::fs::metadata(&f.path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Reason::Missing),
        Err(e) => return Err(Reason::Unreadable(e.kind().to_string())),
    };
    if !meta.is_file() {
        return Err(Reason::Unreadable("not a regular file".into()));
    }
    let size = meta.len();
    if size > limit {
        return Err(Reason::TooLarge { size, limit });
    }
    if f.size.is_some_and(|s| s != size) {
        return Err(Reason::Changed);
    }
    if size == 0 {
        return Err(Reason::Empty);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    std::fs::File::open(&f.path)
        // Never more than the limit, should the file grow while it is read.
        .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| Reason::Unreadable(e.kind().to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(Reason::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    if let Some(expected) = &f.sha256
        && !expected.eq_ignore_ascii_case(&sha256_hex(&bytes))
    {
        return Err(Reason::Changed);
    }
    let kind = sniff(&bytes).ok_or(Reason::Unsupported)?;
    Ok((kind, bytes))
}

/// Whether a PDF's bytes declare encryption (an `/Encrypt` entry in its
/// trailer or cross-reference stream). A PDF encrypted with an empty user
/// password opens without one, and is refused all the same: its pages would
/// be copied without the restrictions its author set.
pub(super) fn declares_encryption(bytes: &[u8]) -> bool {
    const KEY: &[u8] = b"/Encrypt";
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'/')
        .any(|(i, _)| {
            bytes[i..].starts_with(KEY)
                && !bytes
                    .get(i + KEY.len())
                    .is_some_and(u8::is_ascii_alphanumeric)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_their_first_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(Kind::Pdf));
        assert_eq!(sniff(b"\r\n%PDF-1.4"), Some(Kind::Pdf));
        assert_eq!(sniff(&[0xff, 0xd8, 0xff, 0xe0]), Some(Kind::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(Kind::Png));
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b"II*\0"), None);
    }

    #[test]
    fn encryption_is_found_but_not_in_longer_names() {
        assert!(declares_encryption(b"trailer << /Encrypt 5 0 R >>"));
        assert!(declares_encryption(b"<</Encrypt<</V 4>>>>"));
        assert!(!declares_encryption(b"<< /EncryptMetadata false >>"));
        assert!(!declares_encryption(b"<< /Root 1 0 R >>"));
    }
}
