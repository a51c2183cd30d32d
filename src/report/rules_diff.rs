//! What changed between two versions of a programme's rules: criteria matched
//! by their id without the pack id (`sme.2022.giant.debt` and
//! `sme.2026.giant.debt` are both `giant.debt`), each added, removed, changed
//! (rule, confidence or applicability) or unchanged.
//!
//! Two rules are the same when they read the same in words
//! ([`describe_rule`]): a prerequisite naming `sme.2022.innovative` and one
//! naming `sme.2026.innovative` are the same requirement.

use std::collections::BTreeMap;

use super::format::describe_rule;
use crate::i18n::Lang;
use crate::rules::{Criterion, Pack};

/// How one criterion differs between two packs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change<'p> {
    /// Only in the newer pack.
    Added(&'p Criterion),
    /// Only in the older pack.
    Removed(&'p Criterion),
    /// In both, with another rule, confidence or applicability.
    Changed(&'p Criterion, &'p Criterion),
    /// In both, the same.
    Same(&'p Criterion, &'p Criterion),
}

impl Change<'_> {
    /// Whether anything changed.
    #[must_use]
    pub fn is_change(&self) -> bool {
        !matches!(self, Change::Same(..))
    }
}

/// A criterion's or tier's id without its pack id: `giant.debt` for
/// `sme.2022.giant.debt` in pack `sme.2022`; the id itself when it is the
/// pack's id (a pack of one tier, `hnte.2016`).
#[must_use]
pub fn key<'a>(pack_id: &str, id: &'a str) -> &'a str {
    match id.strip_prefix(pack_id).map(|r| r.trim_start_matches('.')) {
        Some(rest) if !rest.is_empty() => rest,
        _ => id,
    }
}

/// The criteria of `from` and `to`, paired by key, in key order.
#[must_use]
pub fn diff<'p>(from: &'p Pack, to: &'p Pack) -> Vec<(String, Change<'p>)> {
    let index = |p: &'p Pack| -> BTreeMap<String, &'p Criterion> {
        p.all_criteria()
            .map(|c| (key(&p.id, &c.id).to_string(), c))
            .collect()
    };
    let (a, b) = (index(from), index(to));
    let mut out: Vec<(String, Change<'p>)> = Vec::new();
    for (k, c) in &a {
        let change = match b.get(k) {
            None => Change::Removed(c),
            Some(d) => {
                let words = |x: &Criterion| describe_rule(&x.rule, Lang::En);
                if words(c) != words(d) || c.confidence != d.confidence || c.when != d.when {
                    Change::Changed(c, d)
                } else {
                    Change::Same(c, d)
                }
            }
        };
        out.push((k.clone(), change));
    }
    for (k, d) in &b {
        if !a.contains_key(k) {
            out.push((k.clone(), Change::Added(d)));
        }
    }
    out.sort_by(|x, y| x.0.cmp(&y.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Registry;

    #[test]
    fn the_little_giant_rd_rule_changed_between_2022_and_2026() {
        let reg = Registry::bundled().expect("bundled packs");
        let (a, b) = (
            reg.get("sme.2022").expect("2022"),
            reg.get("sme.2026").expect("2026"),
        );
        let d = diff(a, b);
        assert!(d.iter().any(|(_, c)| c.is_change()), "nothing changed?");
        assert!(d.windows(2).all(|w| w[0].0 <= w[1].0), "not in key order");
        // A pack compared with itself: nothing changes.
        assert!(diff(a, a).iter().all(|(_, c)| !c.is_change()));
    }
}
