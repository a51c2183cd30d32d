//! Readiness of the proof: for every tier, which documents of its evidence
//! checklist have a file attached and unchanged ("材料齐全度 12 / 17"), and
//! which are still to attach.
//!
//! A document is named by its text in the rule packs; several criteria
//! often ask for the same one (the audit report of Y−1), so a file attached
//! under one of them proves it for every criterion and tier naming the same
//! document, and the checklist lists it once: a less precise name
//! ("上年度审计报告") is folded into a more precise one ("上年度审计报告（划型
//! 所需营业收入、资产总额）") as the printed checklist does. Names are compared
//! in Chinese, so both languages count the same documents.
//!
//! Pure: the statuses of the files are read by the caller
//! ([`crate::storage::attachments::statuses`]) and passed in.

use serde::Serialize;

use crate::eval::{Evaluation, TierResult};
use crate::i18n::{Lang, attach as tr};
use crate::model::Attachment;
use crate::storage::attachments::AttachmentStatus;

/// The state of one evidence item, or of one document of a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// 已附: a file is attached and unchanged.
    Attached,
    /// 文件已变更: the file attached has changed since.
    Changed,
    /// 无法读取: the file attached cannot be read now.
    Unreadable,
    /// 文件不存在: the file attached is gone.
    NotFound,
    /// 缺: nothing attached.
    Missing,
}

impl ItemStatus {
    /// The status in words.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            ItemStatus::Attached => tr::ATTACHED,
            ItemStatus::Changed => tr::CHANGED,
            ItemStatus::Unreadable => tr::UNREADABLE,
            ItemStatus::NotFound => tr::NOT_FOUND,
            ItemStatus::Missing => tr::MISSING,
        })
    }

    fn of(s: AttachmentStatus) -> ItemStatus {
        match s {
            AttachmentStatus::Attached => ItemStatus::Attached,
            AttachmentStatus::Changed => ItemStatus::Changed,
            AttachmentStatus::Unreadable => ItemStatus::Unreadable,
            AttachmentStatus::NotFound => ItemStatus::NotFound,
        }
    }
}

/// The status of item `item` of `criterion`: missing with no file attached,
/// attached when every file attached to it is unchanged, else the worst
/// problem among its files (gone, unreadable, changed). `statuses` are those
/// of `attachments`, in the same order.
#[must_use]
pub fn item_status(
    attachments: &[Attachment],
    statuses: &[AttachmentStatus],
    criterion: &str,
    item: usize,
) -> ItemStatus {
    attachments
        .iter()
        .zip(statuses)
        .filter(|(a, _)| a.is_for(criterion, item))
        .map(|(_, s)| ItemStatus::of(*s))
        .max_by_key(|s| match s {
            ItemStatus::Attached => 0,
            ItemStatus::Changed => 1,
            ItemStatus::Unreadable => 2,
            ItemStatus::NotFound | ItemStatus::Missing => 3,
        })
        .unwrap_or(ItemStatus::Missing)
}

/// One document of a tier's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProofItem {
    /// The document, in the report's language.
    pub text: String,
    /// Attached (by any criterion naming it), or what is wrong.
    pub status: ItemStatus,
}

/// The proof of one tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierProof {
    /// Tier id.
    pub tier: String,
    /// Documents with a file attached and unchanged.
    pub attached: usize,
    /// Documents on the checklist.
    pub total: usize,
    /// The checklist, in pack order.
    pub items: Vec<ProofItem>,
}

impl TierProof {
    /// "材料齐全度 12 / 17".
    #[must_use]
    pub fn figure(&self, lang: Lang) -> String {
        lang.t(tr::READINESS)
            .replace("{n}", &self.attached.to_string())
            .replace("{m}", &self.total.to_string())
    }

    /// The documents still to attach (or to attach again), in order.
    pub fn missing(&self) -> impl Iterator<Item = &ProofItem> {
        self.items
            .iter()
            .filter(|i| i.status != ItemStatus::Attached)
    }

    /// The documents still to attach in one line: "A、B（文件已变更）".
    #[must_use]
    pub fn missing_text(&self, lang: Lang) -> String {
        self.missing()
            .map(|i| match i.status {
                ItemStatus::Missing => i.text.clone(),
                s => format!(
                    "{}{}",
                    i.text,
                    crate::report::format::paren(s.label(lang), lang)
                ),
            })
            .collect::<Vec<_>>()
            .join(lang.pick("、", "; "))
    }
}

/// Whether the documents named `a` and `b` (Chinese) are the same, one
/// named more precisely: `b` is `a` followed by a qualifier, or the reverse.
#[must_use]
pub fn same_document(a: &str, b: &str) -> bool {
    let extends = |long: &str, short: &str| {
        long.strip_prefix(short)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| !c.is_alphanumeric())
    };
    a == b || extends(a, b) || extends(b, a)
}

/// The documents of `t`'s checklist: `(Chinese name, name in lang)`,
/// deduplicated and folded, in pack order.
#[must_use]
pub fn checklist(t: &TierResult, lang: Lang) -> Vec<(String, String)> {
    let mut docs: Vec<(String, String)> = Vec::new();
    for c in &t.criteria {
        for e in c.evidence.iter() {
            if !docs.iter().any(|(zh, _)| **zh == *e.zh) {
                docs.push((e.zh.to_string(), e.get(lang).to_string()));
            }
        }
    }
    let covered = |zh: &str| {
        docs.iter().any(|(other, _)| {
            other
                .strip_prefix(zh)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| !c.is_alphanumeric())
        })
    };
    docs.iter()
        .filter(|(zh, _)| !covered(zh))
        .cloned()
        .collect()
}

/// The documents with a file attached, as named by their items (Chinese),
/// and each item's status.
#[derive(Debug, Default)]
pub struct Known<'a>(Vec<(&'a str, ItemStatus)>);

impl<'a> Known<'a> {
    /// Every evidence item of every criterion of `ev` with a file attached.
    #[must_use]
    pub fn of(
        ev: &'a Evaluation,
        attachments: &[Attachment],
        statuses: &[AttachmentStatus],
    ) -> Known<'a> {
        let mut known = Vec::new();
        for t in &ev.tiers {
            for c in &t.criteria {
                for (i, e) in c.evidence.iter().enumerate() {
                    if attachments.iter().any(|a| a.is_for(&c.id, i)) {
                        known.push((&*e.zh, item_status(attachments, statuses, &c.id, i)));
                    }
                }
            }
        }
        Known(known)
    }

    /// The status of the document named `zh`: attached if any item naming
    /// it has its files attached and unchanged, else the least bad problem,
    /// else missing.
    #[must_use]
    pub fn document(&self, zh: &str) -> ItemStatus {
        self.0
            .iter()
            .filter(|(k, _)| same_document(k, zh))
            .map(|(_, s)| *s)
            .min()
            .unwrap_or(ItemStatus::Missing)
    }
}

/// The proof of every tier that applies, in the evaluation's order.
/// `statuses` are those of `attachments`, in the same order.
#[must_use]
pub fn tiers(
    ev: &Evaluation,
    attachments: &[Attachment],
    statuses: &[AttachmentStatus],
    lang: Lang,
) -> Vec<TierProof> {
    let known = Known::of(ev, attachments, statuses);
    ev.tiers
        .iter()
        .filter(|t| t.not_applicable.is_none())
        .map(|t| {
            let items: Vec<ProofItem> = checklist(t, lang)
                .into_iter()
                .map(|(zh, text)| ProofItem {
                    text,
                    status: known.document(&zh),
                })
                .collect();
            TierProof {
                tier: t.id.clone(),
                attached: items
                    .iter()
                    .filter(|i| i.status == ItemStatus::Attached)
                    .count(),
                total: items.len(),
                items,
            }
        })
        .collect()
}

/// The proof of tier `id`, if it applies.
#[must_use]
pub fn of<'a>(proof: &'a [TierProof], id: &str) -> Option<&'a TierProof> {
    proof.iter().find(|p| p.tier == id)
}
