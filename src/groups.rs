//! Groups: the connected sets of matching segments across all documents.
//! A segment in no group says something no other document says.

/// Union–find over segment indices, with path halving and union by size.
struct DisjointSets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets { parent: (0..n).collect(), size: vec![1; n] }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        if self.size[ra] < self.size[rb] {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb] = ra;
        self.size[ra] += self.size[rb];
    }
}

/// The groups formed by `pairs` over `n` items: each group's members in
/// increasing order, groups ordered by their first member, and for every
/// item the index of its group (`None` for items in no pair).
pub fn connected_groups(
    n: usize,
    pairs: impl IntoIterator<Item = (usize, usize)>,
) -> (Vec<Vec<usize>>, Vec<Option<usize>>) {
    let mut sets = DisjointSets::new(n);
    let mut paired = vec![false; n];
    for (a, b) in pairs {
        sets.union(a, b);
        paired[a] = true;
        paired[b] = true;
    }
    let mut group_of_root: Vec<Option<usize>> = vec![None; n];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut membership = vec![None; n];
    for item in 0..n {
        if !paired[item] {
            continue;
        }
        let root = sets.find(item);
        let g = *group_of_root[root].get_or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(item);
        membership[item] = Some(g);
    }
    (groups, membership)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_join_and_loners_stay_out() {
        let (groups, of) = connected_groups(7, [(0, 3), (3, 5), (1, 6)]);
        assert_eq!(groups, vec![vec![0, 3, 5], vec![1, 6]]);
        assert_eq!(of, vec![Some(0), Some(1), None, Some(0), None, Some(0), Some(1)]);
    }

    #[test]
    fn no_pairs_no_groups() {
        let (groups, of) = connected_groups(3, []);
        assert!(groups.is_empty());
        assert!(of.iter().all(Option::is_none));
    }
}
