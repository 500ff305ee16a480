//! Disjoint sets of indices as a forest of parents, where each set is the
//! tree under one root: what groups join segments with, and what matching
//! joins documents about one event with.

/// The root of `x`'s tree in `parent` (a root is its own parent), halving
/// the path on the way so that later lookups are short.
pub(crate) fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}
