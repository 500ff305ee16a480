//! Sort keys packed into integers: sorting hundreds of thousands of links
//! or matches by a segment, a document and a score is several times faster
//! on one `u64` than with a comparator of tuples and `f32::total_cmp`, and
//! the keys are half the size of the tuples they replace.

use crate::limits::{MAX_DOCUMENTS, MAX_SEGMENTS};

/// Bits for a segment index and a document index in a [`side_key`].
const SEGMENT_BITS: u32 = 22;
const DOCUMENT_BITS: u32 = 10;
const _: () = assert!(MAX_SEGMENTS <= 1 << SEGMENT_BITS && MAX_DOCUMENTS <= 1 << DOCUMENT_BITS);

/// A key that sorts in the opposite order of [`f32::total_cmp`]: sorted
/// with it, the highest score comes first.
pub(crate) fn descending_key(x: f32) -> u32 {
    let bits = x.to_bits();
    // total_cmp's order as unsigned bits: negatives with every bit flipped
    // (the larger the magnitude, the lower), the others above them.
    let ascending = if bits >> 31 == 1 { !bits } else { bits | 0x8000_0000 };
    !ascending
}

/// A segment's link into another document, as a key that sorts by
/// segment, then document, then score from the highest; `key >> 32` is
/// the (segment, document) part.
pub(crate) fn side_key(segment: usize, doc: usize, score: f32) -> u64 {
    debug_assert!(segment < 1 << SEGMENT_BITS && doc < 1 << DOCUMENT_BITS);
    (segment as u64) << (32 + DOCUMENT_BITS) | (doc as u64) << 32 | u64::from(descending_key(score))
}

/// The score a [`side_key`] was made with, exactly.
pub(crate) fn side_score(key: u64) -> f32 {
    let ascending = !(key as u32);
    f32::from_bits(if ascending >> 31 == 1 { ascending & 0x7FFF_FFFF } else { !ascending })
}

/// The segment of a [`side_key`].
pub(crate) fn side_segment(key: u64) -> usize {
    (key >> (32 + DOCUMENT_BITS)) as usize
}

/// The indices of `scores`, the highest first, equal scores in the order
/// they come. Laid out by a digit of the scores' keys at a time, the
/// lowest first, each pass keeping the order before it: the matches of a
/// comparison of 200 articles, 300,000, took a thirtieth of it to sort.
/// Digits of 16 bits for long lists, of 8 for short ones, for which
/// clearing 65,536 buckets twice cost more than the rest of the order.
pub(crate) fn strongest_first(scores: &[f32]) -> Vec<u32> {
    let bits = if scores.len() > 1 << 16 { 16 } else { 8 };
    let mut order: Vec<(u32, u32)> =
        scores.iter().enumerate().map(|(i, &score)| (descending_key(score), i as u32)).collect();
    for shift in (0..32).step_by(bits) {
        let digit = |&(key, _): &(u32, u32)| (key >> shift & ((1 << bits) - 1)) as usize;
        order = collect_in_buckets(|| order.iter().copied(), 1 << bits, digit).0;
    }
    order.into_iter().map(|(_, i)| i).collect()
}

/// The items `items()` yields, laid out bucket by bucket (`bucket(item)`,
/// below `buckets`) in the order they come, and where each bucket starts
/// (and, last, the length). `items` is called twice: to count, then to
/// place. Each item is written once, straight to its place: swapping items
/// home in place made each step wait on the cache miss of the one before,
/// a tenth of a comparison of 200 articles, while independent writes
/// overlap.
pub(crate) fn collect_in_buckets<T: Copy, I: Iterator<Item = T>>(
    items: impl Fn() -> I,
    buckets: usize,
    bucket: impl Fn(&T) -> usize,
) -> (Vec<T>, Vec<usize>) {
    let mut starts = vec![0usize; buckets + 1];
    // Internal iteration (`for_each`): a `flat_map`'s `next` is not inlined.
    items().for_each(|item| starts[bucket(&item) + 1] += 1);
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let Some(filler) = items().next() else { return (Vec::new(), starts) };
    let mut placed = vec![filler; starts[buckets]];
    let mut next = starts.clone();
    items().for_each(|item| {
        let b = bucket(&item);
        placed[next[b]] = item;
        next[b] += 1;
    });
    (placed, starts)
}

/// The items `items()` yields, sorted by `key` as `sort_unstable_by_key`
/// would, given that the key's order begins with `bucket(item)`; and
/// where each bucket starts. Laid out by [`collect_in_buckets`], then each
/// bucket sorted apart: links grouped by segment fall into thousands of
/// buckets of a few dozen, which sort several times faster than one slice
/// of hundreds of thousands.
pub(crate) fn sort_into_buckets<T: Copy, I: Iterator<Item = T>, K: Ord>(
    items: impl Fn() -> I,
    buckets: usize,
    bucket: impl Fn(&T) -> usize,
    key: impl FnMut(&T) -> K + Copy,
) -> (Vec<T>, Vec<usize>) {
    let (mut placed, starts) = collect_in_buckets(items, buckets, bucket);
    for range in starts.windows(2) {
        placed[range[0]..range[1]].sort_unstable_by_key(key);
    }
    (placed, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_keep_the_order_items_come_in() {
        // A fixed pseudo-random sequence of (bucket, key) pairs.
        let mut state = 7u64;
        let items: Vec<(u32, u64)> = (0..2000)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((state >> 59) as u32, state >> 20)
            })
            .collect();
        let (placed, starts) = collect_in_buckets(|| items.iter().copied(), 32, |&(b, _)| b as usize);
        let mut expected = items.clone();
        expected.sort_by_key(|&(b, _)| b);
        assert_eq!(placed, expected, "a stable sort by bucket");
        assert_eq!(starts.len(), 33);
        assert!(starts.windows(2).enumerate().all(|(b, r)| placed[r[0]..r[1]].iter().all(|x| x.0 as usize == b)));
        let (sorted, sorted_starts) = sort_into_buckets(|| items.iter().copied(), 32, |&(b, _)| b as usize, |&x| x);
        expected.sort_unstable();
        assert_eq!(sorted, expected, "bucket by bucket, a whole sort");
        assert_eq!(sorted_starts, starts);
        let (empty, starts) = collect_in_buckets(std::iter::empty::<(u32, u64)>, 2, |&(b, _)| b as usize);
        assert!(empty.is_empty());
        assert_eq!(starts, [0, 0, 0]);
    }

    #[test]
    fn descending_keys_reverse_total_order() {
        let values = [f32::NEG_INFINITY, -8.0, -0.5, -0.0, 0.0, 1e-30, 0.5, 8.0, f32::INFINITY];
        for pair in values.windows(2) {
            assert!(descending_key(pair[0]) > descending_key(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn side_keys_give_back_their_scores() {
        for x in [f32::NEG_INFINITY, -8.0, -0.5, -0.0, 0.0, 1e-30, 0.5, 8.0, f32::INFINITY] {
            assert_eq!(side_score(side_key(7, 3, x)).to_bits(), x.to_bits());
        }
    }

    #[test]
    fn strongest_first_keeps_the_order_of_equal_scores() {
        let scores = [0.5, 1.0, -2.0, 0.5, 0.75, 1.0, 0.5, 1e-30, 0.0, 65536.0, 0.5 + f32::EPSILON];
        let mut expected: Vec<u32> = (0..scores.len() as u32).collect();
        expected.sort_by(|&i, &j| scores[j as usize].total_cmp(&scores[i as usize]));
        assert_eq!(strongest_first(&scores), expected);
        assert!(strongest_first(&[]).is_empty());
        // A long list, laid out by wider digits: a fixed pseudo-random
        // sequence of scores, many of them equal.
        let mut state = 11u64;
        let scores: Vec<f32> = (0..70_000)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (state >> 52) as f32 / 64.0 - 16.0
            })
            .collect();
        let mut expected: Vec<u32> = (0..scores.len() as u32).collect();
        expected.sort_by(|&i, &j| scores[j as usize].total_cmp(&scores[i as usize]));
        assert_eq!(strongest_first(&scores), expected);
    }

    #[test]
    fn keys_sort_field_by_field() {
        let last = MAX_SEGMENTS - 1;
        assert!(side_key(1, 0, 9.0) > side_key(0, MAX_DOCUMENTS - 1, -9.0));
        assert!(side_key(0, 1, 9.0) > side_key(0, 0, -9.0));
        assert!(side_key(0, 0, 1.0) > side_key(0, 0, 2.0));
        assert_eq!(side_key(last, 3, 0.5) >> 32, side_key(last, 3, -0.5) >> 32);
        assert_eq!(side_segment(side_key(last, MAX_DOCUMENTS - 1, -1.0)), last);
    }
}
