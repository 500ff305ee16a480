//! The table of longest common subsequences of every pair of suffixes of two
//! sequences, as bit vectors (Crochemore et al. 2001; Hyyrö 2004): a row of
//! the table is one bit per column, 64 columns to a machine word, and each
//! row is made from the one before in a few word operations instead of a
//! comparison per cell. Word diffs and the matcher's alignments walk it.

/// Longest common subsequence lengths of `a[i..]` and `b[j..]` for all `i`, `j`.
pub struct SuffixLcs {
    n: usize,
    m: usize,
    /// Machine words of a row's bits.
    words: usize,
    /// Where the rows start in `block`.
    rows_at: usize,
    /// One allocation for all (the table is made once per matched pair):
    /// where `b`'s items are, then the rows. Row `r` stands for the last
    /// `r` items of `a`. Its bit `k` stands for the `k`th item of `b` from
    /// its end, and is clear where the longest common subsequence with the
    /// last `k + 1` items of `b` is longer than with the last `k`. After
    /// each row's `words` come `words + 1` counts: the clear bits in the
    /// words before each word, so that a cell is read in constant time.
    block: Vec<u64>,
}

impl SuffixLcs {
    /// The table of `a` and `b`.
    pub fn new(a: &[u32], b: &[u32]) -> Self {
        let (n, m) = (a.len(), b.len());
        let words = m.div_ceil(64).max(1);
        let slots = (2 * m).next_power_of_two().max(8);
        let rows_at = slots + m * words;
        let stride = 2 * words + 1;
        let mut block = vec![0u64; rows_at + (n + 1) * stride];
        let (places, rows) = block.split_at_mut(rows_at);
        let mut places = Places::new(places, slots, words);
        for (k, &item) in b.iter().rev().enumerate() {
            places.add(item, k);
        }
        rows[..words].fill(u64::MAX);
        for r in 0..=n {
            let (before, this) = rows.split_at_mut(r * stride);
            let (row, counts) = this[..stride].split_at_mut(words);
            if r > 0 {
                let previous = &before[(r - 1) * stride..][..words];
                match places.of(a[n - r]) {
                    // An item `b` lacks changes nothing.
                    None => row.copy_from_slice(previous),
                    Some(matches) => {
                        let mut carry = false;
                        for ((v, matches), out) in previous.iter().zip(matches).zip(row.iter_mut()) {
                            let (sum, over) = v.overflowing_add(v & matches);
                            let (sum, over_carry) = sum.overflowing_add(u64::from(carry));
                            carry = over || over_carry;
                            *out = sum | (v & !matches);
                        }
                    }
                }
            }
            let mut clear = 0;
            counts[0] = 0;
            for (v, count) in row.iter().zip(&mut counts[1..]) {
                clear += u64::from(v.count_zeros());
                *count = clear;
            }
        }
        SuffixLcs { n, m, words, rows_at, block }
    }

    /// The length of a longest common subsequence of `a[i..]` and `b[j..]`.
    pub fn get(&self, i: usize, j: usize) -> usize {
        let row = &self.block[self.rows_at + (self.n - i) * (2 * self.words + 1)..];
        let columns = self.m - j;
        let (w, bits) = (columns / 64, columns % 64);
        let mut clear = row[self.words + w] as usize;
        if bits > 0 {
            clear += (row[w] | (u64::MAX << bits)).count_zeros() as usize;
        }
        clear
    }
}

/// Where each distinct item of a sequence is, as bits counted from its end
/// (`words` machine words an item), found through a small hash table: one
/// lookup per row instead of a comparison per cell.
struct Places<'a> {
    words: usize,
    /// Open addressing: an item in the high half, the index of its bits in
    /// the low half, or `EMPTY`.
    slots: &'a mut [u64],
    bits: &'a mut [u64],
    distinct: usize,
}

const EMPTY: u64 = u64::MAX;

impl<'a> Places<'a> {
    /// Places in `block`: `slots` slots (a power of two), then room for the
    /// bits of as many items as the block leaves.
    fn new(block: &'a mut [u64], slots: usize, words: usize) -> Self {
        let (slots, bits) = block.split_at_mut(slots);
        slots.fill(EMPTY);
        Places { words, slots, bits, distinct: 0 }
    }

    /// The slot that holds `item`, or the empty one where it would go.
    fn slot(&self, item: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = (item.wrapping_mul(0x9E37_79B9) >> 7) as usize & mask;
        while self.slots[slot] != EMPTY && (self.slots[slot] >> 32) as u32 != item {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// Records `item` at place `k`.
    fn add(&mut self, item: u32, k: usize) {
        let slot = self.slot(item);
        if self.slots[slot] == EMPTY {
            self.slots[slot] = u64::from(item) << 32 | self.distinct as u64;
            self.distinct += 1;
        }
        let at = (self.slots[slot] & u64::from(u32::MAX)) as usize * self.words;
        self.bits[at + k / 64] |= 1 << (k % 64);
    }

    /// The places of `item`, if it is there.
    fn of(&self, item: u32) -> Option<&[u64]> {
        let found = self.slots[self.slot(item)];
        (found != EMPTY).then(|| &self.bits[(found & u64::from(u32::MAX)) as usize * self.words..][..self.words])
    }
}

#[cfg(test)]
mod tests {
    use super::SuffixLcs;

    /// The plain table, cell by cell.
    fn table(a: &[u32], b: &[u32]) -> Vec<Vec<usize>> {
        let mut lcs = vec![vec![0; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
            }
        }
        lcs
    }

    #[test]
    fn every_cell_is_the_plain_tables() {
        // A fixed linear congruential sequence: small alphabets make many
        // ties, lengths past 64 and 128 cross machine words.
        let mut state = 12345u64;
        let mut next = |below: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) % below
        };
        for round in 0..300 {
            let alphabet = [2, 3, 5, 20][round % 4];
            let (n, m) = (next(150) as usize, next(150) as usize);
            let a: Vec<u32> = (0..n).map(|_| next(alphabet) as u32).collect();
            let b: Vec<u32> = (0..m).map(|_| next(alphabet) as u32).collect();
            let (fast, plain) = (SuffixLcs::new(&a, &b), table(&a, &b));
            for (i, row) in plain.iter().enumerate() {
                for (j, &cell) in row.iter().enumerate() {
                    assert_eq!(fast.get(i, j), cell, "a {a:?}, b {b:?}, cell ({i}, {j})");
                }
            }
        }
    }
}
