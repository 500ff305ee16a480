//! Sort keys packed into integers: sorting millions of links or matches by
//! several fields, one of them a score, is several times faster on one
//! `u128` than with a comparator of tuples and `f32::total_cmp`.

/// A key that sorts in the opposite order of [`f32::total_cmp`]: sorted
/// with it, the highest score comes first.
pub(crate) fn descending_key(x: f32) -> u32 {
    let bits = x.to_bits();
    // total_cmp's order as unsigned bits: negatives with every bit flipped
    // (the larger the magnitude, the lower), the others above them.
    let ascending = if bits >> 31 == 1 { !bits } else { bits | 0x8000_0000 };
    !ascending
}

/// Four 32-bit fields in one integer that sorts by them in turn (segment
/// and document indices, scores as [`descending_key`], link numbers: all
/// far below 2^32 within the input limits).
pub(crate) fn packed(first: usize, second: usize, third: u32, last: usize) -> u128 {
    debug_assert!(first <= u32::MAX as usize && second <= u32::MAX as usize && last <= u32::MAX as usize);
    (first as u128) << 96 | (second as u128) << 64 | (third as u128) << 32 | last as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descending_keys_reverse_total_order() {
        let values = [f32::NEG_INFINITY, -8.0, -0.5, -0.0, 0.0, 1e-30, 0.5, 8.0, f32::INFINITY];
        for pair in values.windows(2) {
            assert!(descending_key(pair[0]) > descending_key(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn packed_keys_sort_field_by_field() {
        assert!(packed(1, 0, 0, 0) > packed(0, 7, u32::MAX, 9));
        assert!(packed(0, 1, 0, 0) > packed(0, 0, 5, 5));
        assert!(packed(0, 0, 1, 0) > packed(0, 0, 0, 5));
    }
}
