//! `innocheck package` run as a process: the package written from the files
//! attached in an assessment; an unknown tier named with the tiers there are;
//! bad attachments named with nothing written (and left out with
//! `--skip-bad`); the output never replaces the assessment or an attachment;
//! the same bytes under `SOURCE_DATE_EPOCH`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::attach::{self, text_pdf};

const SAMPLE: &str = "hongdu-precision.ron";
const TIER: &str = "sme.2022.innovative";

/// The sample in `dir` with `files` (name, bytes, criterion, item) written
/// beside it and recorded as its attachments; returns the assessment's path.
fn assessment_with(dir: &Path, files: &[(&str, Vec<u8>, &str, usize)]) -> PathBuf {
    let mut list = String::new();
    for (name, bytes, criterion, item) in files {
        std::fs::write(dir.join(name), bytes).expect("writes");
        list.push_str(&attach::entry(
            &format!("{TIER}.{criterion}"),
            *item,
            name,
            bytes,
        ));
    }
    let path = dir.join("企业.ron");
    let text = attach::with_attachments(common::sample_text(SAMPLE), &list);
    std::fs::write(&path, text).expect("writes");
    path
}

fn innocheck(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1751328000")
        .output()
        .expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_package_is_written_from_the_attached_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    assessment_with(
        d,
        &[(
            "证书.pdf",
            text_pdf(&["CERTIFICATE"], 595.0, 842.0),
            "ip",
            0,
        )],
    );
    let o = innocheck(
        &["package", "企业.ron", "--tier", TIER, "-o", "申报材料.pdf"],
        d,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("已生成材料包"), "{}", stderr(&o));
    let first = std::fs::read(d.join("申报材料.pdf")).expect("written");
    assert!(first.starts_with(b"%PDF-"));
    // Same input, same SOURCE_DATE_EPOCH: same bytes.
    let o = innocheck(
        &["package", "企业.ron", "--tier", TIER, "-o", "again.pdf"],
        d,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(d.join("again.pdf")).expect("written") == first);
}

#[test]
fn an_unknown_tier_lists_the_tiers_in_the_users_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    assessment_with(d, &[]);
    let o = innocheck(&["package", "企业.ron", "--tier", "nope", "-o", "p.pdf"], d);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("没有这一申报类别：nope") && e.contains(TIER),
        "{e}"
    );
    let o = innocheck(
        &[
            "--lang",
            "en",
            "package",
            "企业.ron",
            "--tier",
            "nope",
            "-o",
            "p.pdf",
        ],
        d,
    );
    assert!(stderr(&o).contains("no such tier: nope"), "{}", stderr(&o));
    assert!(!d.join("p.pdf").exists());
}

#[test]
fn bad_attachments_write_nothing_unless_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    assessment_with(
        d,
        &[
            ("good.pdf", text_pdf(&["GOOD"], 595.0, 842.0), "ip", 0),
            (
                "scan.gif",
                b"GIF89a\x01\x00\x01\x00".to_vec(),
                "rd_ratio",
                0,
            ),
            ("gone.pdf", text_pdf(&["GONE"], 595.0, 842.0), "growth", 0),
        ],
    );
    std::fs::remove_file(d.join("gone.pdf")).expect("removes");
    let o = innocheck(&["package", "企业.ron", "--tier", TIER, "-o", "p.pdf"], d);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("2 个附件有问题"), "{e}");
    assert!(e.contains("scan.gif") && e.contains("不支持的格式"), "{e}");
    assert!(e.contains("gone.pdf") && e.contains("文件不存在"), "{e}");
    assert!(!e.contains("good.pdf"), "{e}");
    assert!(!d.join("p.pdf").exists(), "nothing is written");
    let o = innocheck(
        &[
            "package",
            "企业.ron",
            "--tier",
            TIER,
            "-o",
            "p.pdf",
            "--skip-bad",
        ],
        d,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("已跳过 2 个"), "{}", stderr(&o));
    assert!(d.join("p.pdf").exists());
}

#[test]
fn the_output_never_replaces_the_assessment_or_an_attachment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let pdf = text_pdf(&["KEEP"], 595.0, 842.0);
    let ron = assessment_with(d, &[("keep.pdf", pdf.clone(), "ip", 0)]);
    let before = std::fs::read(&ron).expect("reads");
    std::fs::create_dir(d.join("sub")).expect("mkdir");
    for target in ["企业.ron", "keep.pdf", "sub/../keep.pdf"] {
        let o = innocheck(&["package", "企业.ron", "--tier", TIER, "-o", target], d);
        assert_eq!(o.status.code(), Some(2), "{target} was accepted");
    }
    assert_eq!(std::fs::read(&ron).expect("reads"), before);
    assert_eq!(std::fs::read(d.join("keep.pdf")).expect("reads"), pdf);
}
