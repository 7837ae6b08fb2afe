//! Deterministic shuffles for quiz choices. The order depends only on the
//! attempt id and the question id, so a quiz resumed after a crash shows the
//! choices in the same order as before. The generator is written out here
//! (FNV-1a to seed, SplitMix64 to draw) rather than taken from a library so
//! that an upgrade can never change the order of an attempt in progress.

fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A permutation of `0..n` seeded by `attempt` and `question`.
pub fn permutation(attempt: &str, question: &str, n: usize) -> Vec<usize> {
    let mut state = fnv1a(&[attempt, question]);
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (splitmix(&mut state) % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

/// Like [`permutation`] but never the identity (for ordering questions,
/// where the written order is the answer).
pub fn scramble(attempt: &str, question: &str, n: usize) -> Vec<usize> {
    let mut v = permutation(attempt, question, n);
    if n > 1 && v.iter().enumerate().all(|(i, x)| i == *x) {
        v.rotate_left(1);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_order_and_a_real_permutation() {
        let a = permutation("att-1", "q1", 5);
        assert_eq!(a, permutation("att-1", "q1", 5));
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
        // Different attempts give different orders for most questions.
        let differ = (0..20)
            .filter(|i| permutation(&format!("att-{i}"), "q1", 5) != a)
            .count();
        assert!(differ >= 15, "{differ}");
    }

    #[test]
    fn scramble_is_never_the_written_order() {
        for i in 0..200 {
            let s = scramble(&format!("a{i}"), "order", 3);
            assert_ne!(s, vec![0, 1, 2]);
        }
    }
}
