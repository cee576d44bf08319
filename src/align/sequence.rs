//! Realignment of two sequences.
//!
//! 1. A diff (`similar`, Myers with a deadline) over the items' fingerprints finds the
//!    items that are unchanged in what matters across languages.
//! 2. Inside each replaced block, items pair by index when both sides have as many;
//!    otherwise an order-keeping assignment maximises fingerprint similarity, so an
//!    edited bullet next to a deleted one still pairs with its translation.
//! 3. A deleted item whose fingerprint equals an inserted one was moved: they pair.
//!
//! What is left is an orphan, anchored at the neighbouring paired item on the other
//! side.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use similar::{capture_diff_slices_deadline, Algorithm, DiffOp};

use super::{Fingerprint, Fingerprints};
use crate::source::Side;
use crate::yaml::Node;

/// Above this many cells the assignment inside a block falls back to pairing by index.
const MAX_ASSIGNMENT_CELLS: usize = 250_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// zh index, en index.
    Pair(usize, usize),
    /// An item on one side only: its index there, and the index on the other side of
    /// the item it sits next to, if any.
    Only(Side, usize, Option<usize>),
}

pub fn realign(zh: &[Node], en: &[Node], fingerprints: &mut Fingerprints) -> Vec<Step> {
    let zf: Vec<Fingerprint> = zh.iter().map(|n| fingerprints.of(n)).collect();
    let ef: Vec<Fingerprint> = en.iter().map(|n| fingerprints.of(n)).collect();
    let mut steps = Vec::with_capacity(zh.len().max(en.len()));
    let deadline = Some(Instant::now() + Duration::from_millis(200));
    for op in capture_diff_slices_deadline(Algorithm::Myers, &zf, &ef, deadline) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => steps.extend((0..len).map(|k| Step::Pair(old_index + k, new_index + k))),
            DiffOp::Delete {
                old_index, old_len, ..
            } => steps
                .extend((old_index..old_index + old_len).map(|i| Step::Only(Side::Zh, i, None))),
            DiffOp::Insert {
                new_index, new_len, ..
            } => steps
                .extend((new_index..new_index + new_len).map(|j| Step::Only(Side::En, j, None))),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => assign(
                &zf[old_index..old_index + old_len],
                &ef[new_index..new_index + new_len],
                old_index,
                new_index,
                &mut steps,
            ),
        }
    }
    pair_moved(&mut steps, &zf, &ef);
    anchor(&mut steps);
    steps
}

/// Pairs the items of one replaced block, keeping their order.
fn assign(zf: &[Fingerprint], ef: &[Fingerprint], zo: usize, eo: usize, steps: &mut Vec<Step>) {
    let (n, m) = (zf.len(), ef.len());
    if n == m || n * m > MAX_ASSIGNMENT_CELLS {
        for k in 0..n.max(m) {
            steps.push(match (k < n, k < m) {
                (true, true) => Step::Pair(zo + k, eo + k),
                (true, false) => Step::Only(Side::Zh, zo + k, None),
                _ => Step::Only(Side::En, eo + k, None),
            });
        }
        return;
    }
    // score[i][j]: best total over zf[i..] and ef[j..]. Pairing is worth a little even
    // with nothing in common, so items without tokens still pair in order.
    const PAIR_BONUS: f64 = 1e-3;
    let mut score = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let pair = score[i + 1][j + 1] + zf[i].similarity(&ef[j]) + PAIR_BONUS;
            score[i][j] = pair.max(score[i + 1][j]).max(score[i][j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m {
            let pair = score[i + 1][j + 1] + zf[i].similarity(&ef[j]) + PAIR_BONUS;
            if pair >= score[i][j] - 1e-12 {
                steps.push(Step::Pair(zo + i, eo + j));
                i += 1;
                j += 1;
                continue;
            }
        }
        if i < n && (j == m || score[i + 1][j] >= score[i][j + 1]) {
            steps.push(Step::Only(Side::Zh, zo + i, None));
            i += 1;
        } else {
            steps.push(Step::Only(Side::En, eo + j, None));
            j += 1;
        }
    }
}

/// An orphan on each side with the same non-empty fingerprint is one item, moved.
fn pair_moved(steps: &mut Vec<Step>, zf: &[Fingerprint], ef: &[Fingerprint]) {
    let mut inserted: HashMap<&Fingerprint, Vec<usize>> = HashMap::new();
    for step in steps.iter() {
        if let Step::Only(Side::En, j, _) = *step {
            if !ef[j].is_empty() {
                inserted.entry(&ef[j]).or_default().push(j);
            }
        }
    }
    if inserted.is_empty() {
        return;
    }
    let mut moved = HashMap::new();
    for step in steps.iter_mut() {
        if let Step::Only(Side::Zh, i, _) = *step {
            if let Some(js) = inserted.get_mut(&zf[i]) {
                if !js.is_empty() {
                    let j = js.remove(0);
                    moved.insert(j, i);
                    *step = Step::Pair(i, j);
                }
            }
        }
    }
    steps.retain(|s| !matches!(s, Step::Only(Side::En, j, _) if moved.contains_key(j)));
}

/// Gives every orphan the other side's index of the nearest paired item after it (or,
/// at the end, before it).
fn anchor(steps: &mut [Step]) {
    let mut next: Option<(usize, usize)> = None;
    let mut after = vec![None; steps.len()];
    for (k, step) in steps.iter().enumerate().rev() {
        if let Step::Pair(i, j) = *step {
            next = Some((i, j));
        }
        after[k] = next;
    }
    let mut prev: Option<(usize, usize)> = None;
    for (k, step) in steps.iter_mut().enumerate() {
        match step {
            Step::Pair(i, j) => prev = Some((*i, *j)),
            Step::Only(side, _, slot) => {
                let near = after[k].or(prev);
                *slot = near.map(|(i, j)| if *side == Side::Zh { j } else { i });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn items(yaml: &str) -> Vec<Node> {
        let file = SourceFile {
            name: "t.yaml".into(),
            text: yaml.into(),
        };
        let mut stream = crate::yaml::parse(&file).unwrap();
        match std::mem::replace(
            &mut stream.documents[0].kind,
            crate::yaml::NodeKind::Sequence(vec![]),
        ) {
            crate::yaml::NodeKind::Sequence(items) => items,
            _ => panic!("not a sequence"),
        }
    }

    fn pairs(zh: &str, en: &str) -> Vec<Step> {
        realign(&items(zh), &items(en), &mut Fingerprints::default())
    }

    #[test]
    fn aligned_sequences_pair_by_index() {
        let steps = pairs("[订单+6.35%, GMV+5.47%]", "[orders +6.53%, GMV +5.47%]");
        assert_eq!(steps, [Step::Pair(0, 0), Step::Pair(1, 1)]);
    }

    #[test]
    fn a_deleted_item_is_one_orphan() {
        let steps = pairs("[A1 提升, B2 降低, C3 增长, D4]", "[A1 up, C3 grew, D4]");
        assert_eq!(
            steps,
            [
                Step::Pair(0, 0),
                Step::Only(Side::Zh, 1, Some(1)),
                Step::Pair(2, 1),
                Step::Pair(3, 2)
            ]
        );
    }

    #[test]
    fn a_deleted_item_next_to_an_edited_one_pairs_the_edited_one() {
        let steps = pairs("[A1, B2 X9, C3 Y7, D4]", "[A1, C3 Y8, D4]");
        assert_eq!(
            steps,
            [
                Step::Pair(0, 0),
                Step::Only(Side::Zh, 1, Some(1)),
                Step::Pair(2, 1),
                Step::Pair(3, 2)
            ]
        );
    }

    #[test]
    fn a_moved_item_pairs_with_itself() {
        let steps = pairs("[A1, B2, C3, D4]", "[A1, C3, D4, B2]");
        assert!(steps.contains(&Step::Pair(1, 3)), "{steps:?}");
        assert!(
            !steps.iter().any(|s| matches!(s, Step::Only(..))),
            "{steps:?}"
        );
    }

    #[test]
    fn an_inserted_item_is_one_orphan_on_the_other_side() {
        let steps = pairs("[A1, C3]", "[A1, B2, C3]");
        assert_eq!(
            steps,
            [
                Step::Pair(0, 0),
                Step::Only(Side::En, 1, Some(1)),
                Step::Pair(1, 2)
            ]
        );
    }
}
