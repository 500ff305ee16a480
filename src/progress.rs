//! Progress of a comparison, for a progress bar and for timing the stages
//! in benchmarks.

use serde::Serialize;

/// A stage of a comparison, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Stage {
    /// Cutting the documents into segments, labelling them, reading words.
    Reading,
    /// Indexing rare words and choosing candidate pairs.
    Indexing,
    /// Scoring the candidates and deciding the matches.
    Scoring,
    /// Groups, shares, and which matches the report lists.
    Grouping,
    /// Word diffs and discrepancies of the listed matches.
    Diffing,
    /// Passages and the report itself.
    Reporting,
}

/// How far a comparison has come: its stage and the share of the whole
/// work done, from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Progress {
    /// What it is doing.
    pub stage: Stage,
    /// Share of the work done, 0 to 1, never decreasing.
    pub done: f64,
}

/// Where each stage starts in the overall progress (roughly its share of
/// the time on large inputs).
const STAGE_STARTS: [(Stage, f64); 6] = [
    (Stage::Reading, 0.0),
    (Stage::Indexing, 0.25),
    (Stage::Scoring, 0.35),
    (Stage::Grouping, 0.65),
    (Stage::Diffing, 0.7),
    (Stage::Reporting, 0.95),
];

/// Passes progress on: each stage as it starts, then at most once per
/// percent.
pub struct Reporter<'a> {
    sink: &'a mut dyn FnMut(Progress),
    last: Option<Progress>,
}

impl<'a> Reporter<'a> {
    /// A reporter to `sink`.
    pub fn new(sink: &'a mut dyn FnMut(Progress)) -> Self {
        Reporter { sink, last: None }
    }

    /// `done` (0 to 1) of `stage`.
    pub fn report(&mut self, stage: Stage, done: f64) {
        let i = STAGE_STARTS.iter().position(|(s, _)| *s == stage).unwrap_or(0);
        let start = STAGE_STARTS[i].1;
        let end = STAGE_STARTS.get(i + 1).map_or(1.0, |s| s.1);
        let overall = start + (end - start) * done.clamp(0.0, 1.0);
        let due = match self.last {
            None => true,
            Some(last) => last.stage != stage || overall >= last.done + 0.01 || (overall >= 1.0 && last.done < 1.0),
        };
        if due && self.last.is_none_or(|last| overall >= last.done) {
            let progress = Progress { stage, done: overall };
            self.last = Some(progress);
            (self.sink)(progress);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_is_announced_and_progress_never_goes_back() {
        let mut seen = Vec::new();
        let mut sink = |p: Progress| seen.push(p);
        let mut reporter = Reporter::new(&mut sink);
        reporter.report(Stage::Reading, 0.0);
        for i in 0..1000 {
            reporter.report(Stage::Reading, i as f64 / 1000.0);
        }
        reporter.report(Stage::Indexing, 0.0);
        reporter.report(Stage::Scoring, 0.5);
        reporter.report(Stage::Reporting, 1.0);
        assert!(seen.len() < 40, "throttled: {}", seen.len());
        assert!(seen.windows(2).all(|w| w[1].done >= w[0].done));
        let stages: Vec<Stage> = seen.iter().map(|p| p.stage).collect();
        for stage in [Stage::Reading, Stage::Indexing, Stage::Scoring, Stage::Reporting] {
            assert!(stages.contains(&stage), "{stage:?}");
        }
        assert_eq!(seen.last().map(|p| p.done), Some(1.0));
    }
}
