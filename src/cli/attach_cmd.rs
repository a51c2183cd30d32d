//! `innocheck attach`: evidence files attached to a criterion's evidence
//! items, listed with their status, or removed. The assessment is saved as
//! the window saves it (atomically, the previous file kept as `NAME.ron.bak`);
//! the files themselves are never copied or changed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::{AttachArgs, Format, Selection, evaluate_file};
use crate::clock::today;
use crate::i18n::{Lang, attach as tr};
use crate::model::Attachment;
use crate::report::proof::{self, ItemStatus};
use crate::rules::{Criterion, Registry};
use crate::storage::{self, attachments};

/// Runs `attach`; returns the text to print.
pub fn run(reg: &Registry, args: &AttachArgs, lang: Lang) -> Result<String> {
    if args.list {
        list(reg, args, lang)
    } else if let Some(id) = &args.remove {
        remove(&args.file, id, &args.paths, lang)
    } else if let Some(id) = &args.criterion {
        add(reg, args, id, lang)
    } else {
        bail!("{}", lang.t(tr::CLI_WHAT))
    }
}

/// The criterion `id` in any known pack (in force or not: a file may be
/// evaluated under other packs later).
fn criterion<'r>(reg: &'r Registry, id: &str) -> Option<&'r Criterion> {
    reg.packs()
        .iter()
        .flat_map(crate::rules::Pack::all_criteria)
        .find(|c| &*c.id == id)
}

fn add(reg: &Registry, args: &AttachArgs, id: &str, lang: Lang) -> Result<String> {
    let Some(c) = criterion(reg, id) else {
        bail!("{}", lang.t(tr::CLI_UNKNOWN_CRITERION).replace("{id}", id));
    };
    let items = c.evidence.len();
    let item = match (args.item, items) {
        (_, 0) => bail!(
            "{}",
            lang.t(tr::CLI_NO_EVIDENCE)
                .replace("{criterion}", c.title.get(lang))
        ),
        (Some(n), _) if (1..=items).contains(&n) => n - 1,
        (None, 1) => 0,
        (n, _) => {
            let mut msg = match n {
                Some(n) => attachments::AttachError::NoSuchItem {
                    criterion: c.title.get(lang).to_string(),
                    item: n,
                }
                .message(lang),
                None => lang
                    .t(tr::CLI_WHICH_ITEM)
                    .replace("{criterion}", c.title.get(lang))
                    .replace("{n}", &items.to_string()),
            };
            for (i, e) in c.evidence.iter().enumerate() {
                let _ = write!(msg, "\n  {}. {}", i + 1, e.get(lang));
            }
            bail!("{msg}");
        }
    };
    if args.paths.is_empty() {
        bail!("{}", lang.t(tr::CLI_NO_PATHS));
    }
    let mut a = storage::load(&args.file)?.assessment;
    let dir = attachments::folder_of(&args.file);
    let note = args.note.clone().unwrap_or_default();
    let mut out = String::new();
    // All or nothing: every file is checked before the assessment is saved.
    for path in &args.paths {
        let new = attachments::attach(&dir, path, id, item, &note, today(), &a.attachments)?;
        let _ = writeln!(
            out,
            "{}",
            lang.t(tr::CLI_ATTACHED)
                .replace("{path}", &new.path)
                .replace("{facts}", &facts(&new, lang))
        );
        a.attachments.push(new);
    }
    storage::save(&a, &args.file)?;
    let _ = writeln!(
        out,
        "{}",
        lang.t(tr::CLI_ATTACHED_TO)
            .replace("{criterion}", c.title.get(lang))
            .replace("{item}", &(item + 1).to_string())
            .replace("{evidence}", c.evidence[item].get(lang))
            .replace("{file}", &args.file.display().to_string())
    );
    Ok(out)
}

/// "3 页，1.2 MB，2026-12-01".
fn facts(a: &Attachment, lang: Lang) -> String {
    crate::report::format::attachment_facts(a, lang, lang.pick("，", ", "))
}

fn remove(file: &Path, id: &str, paths: &[PathBuf], lang: Lang) -> Result<String> {
    let mut a = storage::load(file)?.assessment;
    let dir = attachments::folder_of(file);
    let wanted: Vec<String> = paths
        .iter()
        .map(|p| attachments::relative_path(&dir, p))
        .collect();
    let before = a.attachments.len();
    let mut unmatched: Vec<&PathBuf> = paths
        .iter()
        .zip(&wanted)
        .filter(|(p, w)| {
            !a.attachments
                .iter()
                .any(|x| x.criterion == id && (x.path == **w || Path::new(&x.path) == p.as_path()))
        })
        .map(|(p, _)| p)
        .collect();
    if let Some(p) = unmatched.pop() {
        bail!(
            "{}",
            lang.t(tr::CLI_NOT_ATTACHED)
                .replace("{file}", &p.display().to_string())
        );
    }
    a.attachments.retain(|x| {
        x.criterion != id
            || !(paths.is_empty()
                || wanted.contains(&x.path)
                || paths.iter().any(|p| Path::new(&x.path) == p.as_path()))
    });
    let removed = before - a.attachments.len();
    if removed == 0 {
        bail!("{}", lang.t(tr::CLI_NOTHING_ATTACHED).replace("{id}", id));
    }
    storage::save(&a, file)?;
    Ok(lang
        .t(tr::CLI_REMOVED)
        .replace("{n}", &removed.to_string())
        .replace("{file}", &file.display().to_string())
        + "\n")
}

/// One attachment as `--list --format json` gives it.
#[derive(serde::Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    attachment: &'a Attachment,
    /// The evidence item in words (empty if the criterion is unknown).
    evidence: String,
    status: ItemStatus,
}

fn list(reg: &Registry, args: &AttachArgs, lang: Lang) -> Result<String> {
    let e = evaluate_file(&args.file, reg, &Selection::default(), today())?;
    let a = &e.assessment;
    let dir = attachments::folder_of(&args.file);
    let statuses = attachments::statuses(&dir, &a.attachments);
    let tiers = proof::tiers(&e.evaluation, &a.attachments, &statuses, lang);
    let evidence = |x: &Attachment| {
        criterion(reg, &x.criterion)
            .and_then(|c| c.evidence.get(x.item).map(|t| t.get(lang).to_string()))
            .unwrap_or_default()
    };
    if args.format == Format::Json {
        let listed: Vec<Listed> = a
            .attachments
            .iter()
            .zip(&statuses)
            .map(|(x, s)| Listed {
                attachment: x,
                evidence: evidence(x),
                status: proof::item_status(std::slice::from_ref(x), &[*s], &x.criterion, x.item),
            })
            .collect();
        return Ok(serde_json::to_string_pretty(&serde_json::json!({
            "file": e.file,
            "attachments": listed,
            "tiers": tiers,
        }))? + "\n");
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        lang.t(tr::CLI_LIST_HEAD)
            .replace("{n}", &a.attachments.len().to_string())
            .replace("{file}", &e.file)
    );
    for (x, s) in a.attachments.iter().zip(&statuses) {
        let status = proof::item_status(std::slice::from_ref(x), &[*s], &x.criterion, x.item);
        let _ = writeln!(
            out,
            "  [{}] {}{}",
            status.label(lang),
            x.path,
            crate::report::format::paren(&facts(x, lang), lang)
        );
        let what = match criterion(reg, &x.criterion) {
            Some(c) => format!(
                "{} — {}",
                c.title.get(lang),
                lang.t(tr::CLI_ITEM)
                    .replace("{n}", &(x.item + 1).to_string())
                    .replace("{evidence}", &evidence(x))
            ),
            None => lang.t(tr::CLI_CRITERION_GONE).to_string(),
        };
        let _ = writeln!(out, "      {what}");
        if !x.note.is_empty() {
            let _ = writeln!(out, "      {}{}", lang.t(tr::CLI_NOTE), x.note);
        }
    }
    // The readiness of the tiers next on each ladder.
    for p in &e.evaluation.progress {
        for n in p.next.iter().take(1) {
            if let Some(tp) = proof::of(&tiers, &n.tier).filter(|t| t.total > 0) {
                let _ = writeln!(out, "\n{}：{}", n.title.get(lang), tp.figure(lang));
                for m in tp.missing() {
                    let _ = writeln!(out, "  □ {}（{}）", m.text, m.status.label(lang));
                }
            }
        }
    }
    Ok(out)
}
