//! Evidence attachments in the core: the facts read from a file (size,
//! SHA-256, kind, pages), the refusals with their reasons, and the status of
//! an attachment once the file is changed, moved or removed.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use innocheck::i18n::Lang;
use innocheck::storage::attachments::{
    AttachError, AttachmentStatus, FileKind, attach, inspect, relative_path, status,
};

fn evidence(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/evidence")
        .join(name)
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

#[test]
fn a_pdf_is_hashed_and_its_pages_counted() {
    let path = evidence("three-pages.pdf");
    let facts = inspect(&path).expect("a good PDF");
    let bytes = fs::read(&path).expect("read");
    assert_eq!(facts.size, bytes.len() as u64);
    assert_eq!(facts.kind, FileKind::Pdf);
    assert_eq!(facts.pages, Some(3));
    // The same digest as `sha256sum` gives (computed here independently).
    let expected = <sha2::Sha256 as sha2::Digest>::digest(&bytes);
    let expected = expected.iter().fold(String::new(), |mut s, b| {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
        s
    });
    assert_eq!(facts.sha256, expected);
    // Encrypted with an owner password only: it opens without one, so it
    // can be read and merged.
    assert_eq!(
        inspect(&evidence("owner-only.pdf")).expect("opens").pages,
        Some(3)
    );
}

#[test]
fn images_count_one_page_and_other_files_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("营业执照.png");
    fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let jpg = dir.path().join("scan.JPG");
    fs::write(&jpg, [0xFF, 0xD8, 0xFF, 0xE0, 0, 16]).expect("write");
    let doc = dir.path().join("名单.xlsx");
    fs::write(&doc, b"PK\x03\x04 not really").expect("write");
    assert_eq!(inspect(&png).expect("png").kind, FileKind::Png);
    assert_eq!(inspect(&png).expect("png").pages, Some(1));
    assert_eq!(inspect(&jpg).expect("jpg").pages, Some(1));
    let other = inspect(&doc).expect("other");
    assert_eq!((other.kind, other.pages), (FileKind::Other, None));
}

/// A path, the error it must give, and a word of its Chinese message.
type Case = (PathBuf, fn(&AttachError) -> bool, &'static str);

#[test]
fn bad_files_are_refused_naming_the_file_and_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("没有这个文件.pdf");
    let empty = dir.path().join("空.pdf");
    fs::write(&empty, b"").expect("write");
    let damaged = dir.path().join("损坏.pdf");
    fs::write(&damaged, b"%PDF-1.7\n1 0 obj << /Type /Cat").expect("write");
    let cases: Vec<Case> = vec![
        (
            missing,
            |e| matches!(e, AttachError::NotFound { .. }),
            "文件不存在",
        ),
        (
            dir.path().to_path_buf(),
            |e| matches!(e, AttachError::Folder { .. }),
            "文件夹",
        ),
        (empty, |e| matches!(e, AttachError::Empty { .. }), "为空"),
        (
            damaged,
            |e| matches!(e, AttachError::PdfDamaged { .. }),
            "损坏",
        ),
        (
            evidence("encrypted.pdf"),
            |e| matches!(e, AttachError::PdfEncrypted { .. }),
            "加密",
        ),
    ];
    for (path, is, zh) in cases {
        let err = inspect(&path).expect_err("refused");
        assert!(is(&err), "{}: {err:?}", path.display());
        let shown = path.display().to_string();
        let msg = err.message(Lang::Zh);
        assert!(msg.contains(zh) && msg.contains(&shown), "{msg}");
        assert!(err.to_string().contains(&shown), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_and_a_fifo_are_refused() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked.pdf");
    fs::copy(evidence("three-pages.pdf"), &locked).expect("copy");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads anything: only check where the permission holds.
    if fs::read(&locked).is_err() {
        let err = inspect(&locked).expect_err("unreadable");
        assert!(matches!(err, AttachError::Unreadable { .. }), "{err:?}");
    }
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let err = inspect(&fifo).expect_err("a FIFO");
        assert!(matches!(err, AttachError::NotRegular { .. }), "{err:?}");
    }
}

#[test]
fn a_changed_moved_or_removed_file_shows_in_its_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let scans = dir.path().join("扫描件");
    fs::create_dir(&scans).expect("mkdir");
    let file = scans.join("审计报告 2024.pdf");
    fs::copy(evidence("three-pages.pdf"), &file).expect("copy");
    let a = attach(
        dir.path(),
        &file,
        "tc.nat.2016.rd_ratio",
        0,
        "盖章版",
        day(),
        &[],
    )
    .expect("attached");
    assert_eq!(a.path, "扫描件/审计报告 2024.pdf");
    assert_eq!(a.pages, Some(3));
    assert_eq!(a.note, "盖章版");
    assert_eq!(status(dir.path(), &a), AttachmentStatus::Attached);

    // Same size, one byte different: the hash tells.
    let mut bytes = fs::read(&file).expect("read");
    let last = bytes.len() - 2;
    bytes[last] ^= 0x20;
    fs::write(&file, &bytes).expect("write");
    assert_eq!(fs::metadata(&file).expect("meta").len(), a.size);
    assert_eq!(status(dir.path(), &a), AttachmentStatus::Changed);

    // Another size.
    fs::write(&file, b"%PDF-1.4 shorter").expect("write");
    assert_eq!(status(dir.path(), &a), AttachmentStatus::Changed);

    // Put back: attached again.
    fs::copy(evidence("three-pages.pdf"), &file).expect("copy");
    assert_eq!(status(dir.path(), &a), AttachmentStatus::Attached);

    // Removed.
    fs::remove_file(&file).expect("rm");
    assert_eq!(status(dir.path(), &a), AttachmentStatus::NotFound);

    // The folder moved as a whole: relative paths still resolve.
    fs::copy(evidence("three-pages.pdf"), &file).expect("copy");
    let moved = tempfile::tempdir().expect("temp dir");
    let new_home = moved.path().join("申报 2026");
    fs::rename(dir.path(), &new_home).expect("move the folder");
    assert_eq!(status(&new_home, &a), AttachmentStatus::Attached);
}

#[test]
fn the_same_file_twice_on_one_item_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a.pdf");
    fs::copy(evidence("three-pages.pdf"), &file).expect("copy");
    let first = attach(dir.path(), &file, "c", 1, "", day(), &[]).expect("first");
    let err = attach(
        dir.path(),
        &file,
        "c",
        1,
        "",
        day(),
        std::slice::from_ref(&first),
    )
    .expect_err("twice");
    assert!(
        matches!(err, AttachError::AlreadyAttached { .. }),
        "{err:?}"
    );
    // A copy under another name is the same content.
    let copy = dir.path().join("a 副本.pdf");
    fs::copy(&file, &copy).expect("copy");
    assert!(
        attach(
            dir.path(),
            &copy,
            "c",
            1,
            "",
            day(),
            std::slice::from_ref(&first)
        )
        .is_err()
    );
    // The same file for another item is fine.
    assert!(attach(dir.path(), &file, "c", 2, "", day(), &[first]).is_ok());
}

#[test]
fn a_file_outside_the_folder_is_stored_with_dot_dots() {
    let base = Path::new("/srv/企业/申报");
    assert_eq!(
        relative_path(base, Path::new("/srv/共用/营业执照.pdf")),
        "../../共用/营业执照.pdf"
    );
}

#[test]
fn remembered_hashes_give_the_same_statuses_and_see_every_edit() {
    use innocheck::storage::attachments::{HashMemo, statuses_remembered};
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("审计报告.pdf");
    fs::copy(evidence("three-pages.pdf"), &file).expect("copy");
    let a = attach(dir.path(), &file, "c", 0, "", day(), &[]).expect("attached");
    let list = [a.clone()];
    let mut memo = HashMemo::default();
    let check = |memo: &mut HashMemo| {
        let remembered = statuses_remembered(dir.path(), &list, memo);
        assert_eq!(remembered, vec![status(dir.path(), &a)]);
        remembered[0]
    };
    assert_eq!(check(&mut memo), AttachmentStatus::Attached);
    assert_eq!(check(&mut memo), AttachmentStatus::Attached);
    // Same size, one byte different, a later modification time: read again.
    let mut bytes = fs::read(&file).expect("read");
    let at = bytes.len() - 2;
    bytes[at] ^= 0x20;
    fs::write(&file, &bytes).expect("write");
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(later))
        .expect("touch");
    assert_eq!(check(&mut memo), AttachmentStatus::Changed);
    fs::remove_file(&file).expect("rm");
    assert_eq!(check(&mut memo), AttachmentStatus::NotFound);
    fs::copy(evidence("three-pages.pdf"), &file).expect("copy");
    assert_eq!(check(&mut memo), AttachmentStatus::Attached);
}
