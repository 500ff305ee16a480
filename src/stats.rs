//! Shares: how much of each document's content is shared and how much is
//! its own, and the pairwise overlap matrix. Lengths are UTF-16 units of
//! segment text, the unit the front end displays.

use crate::report::{DocumentStats, SegmentReport};
use crate::roles::Role;

/// Statistics of one document's segments (their `group` already set).
pub fn document_stats(segments: &[SegmentReport]) -> DocumentStats {
    let mut s = DocumentStats {
        segments: segments.len(),
        content_segments: 0,
        shared_segments: 0,
        unique_segments: 0,
        boilerplate_segments: 0,
        content_length: 0,
        shared_length: 0,
        unique_length: 0,
        shared_share: 0.0,
        unique_share: 0.0,
    };
    for seg in segments {
        let len = seg.end - seg.start;
        if seg.role == Role::Boilerplate {
            s.boilerplate_segments += 1;
        }
        if !seg.role.is_content() {
            continue;
        }
        s.content_segments += 1;
        s.content_length += len;
        if seg.group.is_some() {
            s.shared_segments += 1;
            s.shared_length += len;
        } else {
            s.unique_segments += 1;
            s.unique_length += len;
        }
    }
    if s.content_length > 0 {
        s.shared_share = s.shared_length as f64 / s.content_length as f64;
        s.unique_share = s.unique_length as f64 / s.content_length as f64;
    }
    s
}

/// `overlap[i][j]`: share of document `i`'s content length in segments that
/// match something in document `j`. `matched_in[i][s]` lists the documents
/// in which segment `s` of document `i` has a match.
pub fn overlap_matrix(documents: &[&[SegmentReport]], matched_in: &[Vec<Vec<usize>>]) -> Vec<Vec<f64>> {
    let n = documents.len();
    let mut matrix = vec![vec![0.0; n]; n];
    for (i, segments) in documents.iter().enumerate() {
        let mut shared = vec![0usize; n];
        let mut content = 0usize;
        for (s, seg) in segments.iter().enumerate() {
            if !seg.role.is_content() {
                continue;
            }
            let len = seg.end - seg.start;
            content += len;
            for &j in &matched_in[i][s] {
                shared[j] += len;
            }
        }
        if content == 0 {
            continue;
        }
        for j in 0..n {
            matrix[i][j] = if i == j { 1.0 } else { shared[j] as f64 / content as f64 };
        }
    }
    matrix
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(start: usize, end: usize, role: Role, group: Option<usize>) -> SegmentReport {
        SegmentReport { start, end, text: "x".repeat(end - start), role, group }
    }

    #[test]
    fn shares_count_content_only() {
        let segs = [
            seg(0, 10, Role::Title, Some(0)),
            seg(11, 41, Role::Body, None),
            seg(42, 52, Role::Boilerplate, None),
            seg(53, 63, Role::Body, Some(1)),
        ];
        let s = document_stats(&segs);
        assert_eq!((s.content_segments, s.shared_segments, s.unique_segments, s.boilerplate_segments), (3, 2, 1, 1));
        assert_eq!((s.content_length, s.shared_length, s.unique_length), (50, 20, 30));
        assert!((s.shared_share - 0.4).abs() < 1e-9 && (s.unique_share - 0.6).abs() < 1e-9);
    }

    #[test]
    fn overlap_is_directional() {
        let a = [seg(0, 10, Role::Body, Some(0)), seg(11, 41, Role::Body, None)];
        let b = [seg(0, 10, Role::Body, Some(0))];
        let matched_in = vec![vec![vec![1], vec![]], vec![vec![0]]];
        let m = overlap_matrix(&[&a, &b], &matched_in);
        assert_eq!(m, vec![vec![1.0, 0.25], vec![1.0, 1.0]]);
    }
}
