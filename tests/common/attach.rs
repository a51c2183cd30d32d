//! Attachments for the package's tests and benchmark: PDFs written by hand
//! (so reading them back never depends on our own writer) and an assessment
//! text recording files as its attachments.

// Each test crate (and the package benchmark) uses a part of these.
#![allow(dead_code)]

/// A PDF whose pages are `w` × `h` points and draw the content streams
/// `contents` (one per page), with Helvetica as font `/F1`.
pub fn pdf_of(contents: &[String], w: f32, h: f32) -> Vec<u8> {
    let mut objs: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
    ];
    let mut kids = Vec::new();
    for c in contents {
        kids.push(format!("{} 0 R", objs.len() + 1));
        objs.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            objs.len() + 2
        ));
        objs.push(format!("<< /Length {} >>\nstream\n{c}\nendstream", c.len()));
    }
    objs[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        contents.len()
    );
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A PDF of one page per text, each showing its text in 24 pt Helvetica.
pub fn text_pdf(texts: &[&str], w: f32, h: f32) -> Vec<u8> {
    let contents: Vec<String> = texts
        .iter()
        .map(|t| format!("BT /F1 24 Tf 40 {} Td ({t}) Tj ET", h / 2.0))
        .collect();
    pdf_of(&contents, w, h)
}

/// One attachment as the assessment records it: `bytes` saved as `name`,
/// for item `item` of the criterion `criterion` (a full id).
pub fn entry(criterion: &str, item: usize, name: &str, bytes: &[u8]) -> String {
    format!(
        "(criterion: \"{criterion}\", item: {item}, path: \"{name}\", sha256: \"{}\", size: {}, added: \"2025-07-01\"),\n",
        innocheck::report::data::fingerprint(bytes),
        bytes.len()
    )
}

/// The assessment text `text` with `entries` ([`entry`]) as its attachments.
pub fn with_attachments(text: &str, entries: &str) -> String {
    let end = text
        .trim_end()
        .rfind("    ),")
        .expect("the assessment's end");
    format!(
        "{}        attachments: [\n{entries}        ],\n{}",
        &text[..end],
        &text[end..]
    )
}
