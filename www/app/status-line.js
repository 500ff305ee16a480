// The status line under the toolbar: what the app is doing (comparing, with
// the engine's stage and share done once it takes a while; done, with the
// totals; stopped; failed), and the progress bar.

import { plural } from '../render/palette.js';

// A comparison shorter than this shows no progress bar: it would only flicker.
const SLOW_AFTER_MS = 250;

// What each stage of the engine is called on the status line.
const STAGE_NAMES = {
  reading: 'reading',
  indexing: 'indexing',
  scoring: 'matching',
  grouping: 'grouping',
  diffing: 'diffing',
  reporting: 'finishing',
};

/** A one-line total of a report: passages (moved), unique sentences, discrepancies. */
export function buildTotals(report) {
  const moved = report.passages.filter((p) => p.moved).length;
  const unique = report.documents.reduce((n, d) => n + d.stats.unique_segments, 0);
  const discrepancies = report.matches.reduce((n, m) => n + m.discrepancies.length, 0);
  return [
    `${plural(report.passages.length, 'shared passage')}${moved ? ` (${moved} moved)` : ''}`,
    plural(unique, 'unique sentence'),
    plural(discrepancies, 'discrepancy', 'discrepancies'),
  ].join(', ');
}

/** A duration for people: "37 ms", "1.4 s". */
export function formatMs(ms) {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** What to tell the reader when a comparison failed. */
export function failureMessage(error) {
  if (error?.kind === 'worker_crashed') return `${error.message} Your articles are kept; try changing the strictness or splitting the articles.`;
  if (error?.name === 'ArticleCompareError') return `The articles could not be compared: ${error.message}`;
  return `Something went wrong while comparing: ${error?.message ?? error}`;
}

/**
 * The status line of `app`. `articleCount()` says how many articles would
 * be compared; `notify` and `announce` show and speak a failure.
 */
export function createStatusLine(app, { articleCount, notify, announce }) {
  const $ = (selector) => app.querySelector(selector);
  let progressNow = null; // {done, stage} of the running comparison
  let elapsedTimer = 0;

  /** The engine's own progress: the bar fills, the status line names the stage. */
  function showProgress(done, stage) {
    progressNow = { done, stage };
    const progress = $('.ac-progress');
    progress.classList.add('ac-progress-known');
    progress.setAttribute('aria-valuenow', String(Math.round(done * 100)));
    $('.ac-progress-bar').style.width = `${(done * 100).toFixed(1)}%`;
  }

  /** Shows the phase of the app's state `s` (idle, waiting, comparing, done, stopped, failed). */
  function showPhase(s) {
    app.dataset.phase = s.phase;
    const text = $('.ac-status-text');
    const progress = $('.ac-progress');
    const stop = $('.ac-stop-button');
    clearInterval(elapsedTimer);
    progress.hidden = true;
    progress.classList.remove('ac-progress-known');
    progress.removeAttribute('aria-valuenow');
    $('.ac-progress-bar').style.width = '';
    if (s.phase !== 'comparing') progressNow = null;
    stop.hidden = true;
    app.classList.remove('ac-slow');
    const n = articleCount();
    switch (s.phase) {
      case 'idle':
        text.textContent = n === 1 ? 'Add a second article to compare.' : '';
        break;
      case 'waiting':
        break;
      case 'comparing': {
        const tick = () => {
          const elapsed = (performance.now() - s.startedAt) / 1000;
          if (elapsed * 1000 < SLOW_AFTER_MS) return;
          app.classList.add('ac-slow');
          progress.hidden = false;
          stop.hidden = false;
          const how = progressNow ? ` ${STAGE_NAMES[progressNow.stage] ?? progressNow.stage} ${Math.round(progressNow.done * 100)}% ·` : '';
          text.textContent = `Comparing ${plural(n, 'article')}…${how} ${elapsed.toFixed(1)} s`;
        };
        elapsedTimer = setInterval(tick, 100);
        break;
      }
      case 'done': {
        app.querySelector('.ac-notice[data-topic="failure"]')?.remove();
        const t = buildTotals(s.report);
        text.textContent = `Compared ${plural(s.report.documents.length, 'article')} in ${formatMs(s.ms)}: ${t}.`;
        break;
      }
      case 'stopped':
        text.textContent = s.report
          ? 'Stopped. The comparison below is of the articles as they were; press Compare to bring it up to date.'
          : 'Stopped. Press Compare to compare the articles.';
        break;
      case 'failed':
        text.textContent = '';
        notify(failureMessage(s.error), { tone: 'error', topic: 'failure' });
        announce(failureMessage(s.error));
        break;
      default:
        break;
    }
  }

  return { showProgress, showPhase };
}
