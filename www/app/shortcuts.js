// The app's keyboard shortcuts: one table that both runs them (through
// keyboard.js, which keeps them out of text boxes) and lists them in the
// "?" dialog. What each does is the page's: main.js passes the actions.

import { h } from '../render/dom.js';
import { installShortcuts } from './keyboard.js';

/** The table of shortcuts over `actions`; entries without keys only explain the columns' own keys. */
export function shortcutTable(actions) {
  return [
    { keys: ['j'], label: 'j', does: 'Next unique sentence', run: () => actions.next('unique', 1) },
    { keys: ['k'], label: 'k', does: 'Previous unique sentence', run: () => actions.next('unique', -1) },
    { keys: ['d'], label: 'd', does: 'Next discrepancy', run: () => actions.next('discrepancy', 1) },
    { keys: ['D'], label: 'Shift D', does: 'Previous discrepancy', run: () => actions.next('discrepancy', -1) },
    { keys: ['m'], label: 'm', does: 'Next moved sentence', run: () => actions.next('moved', 1) },
    { keys: ['M'], label: 'Shift M', does: 'Previous moved sentence', run: () => actions.next('moved', -1) },
    // Keys of the columns themselves (render/columns.js), listed for the reader.
    { label: '↑ ↓', does: 'Previous or next sentence in a column' },
    { label: '← →', does: 'The same passage in the column to the left or right' },
    { label: 'Enter', does: 'Line up the other columns with this sentence' },
    { keys: ['f'], label: 'f', does: 'Next filter: all, unique, shared, discrepancies', run: actions.cycleFilter },
    { keys: ['b'], label: 'b', does: 'Show or hide page chrome', run: actions.toggleBoilerplate },
    { keys: ['s'], label: 's', does: 'Switch between side by side and summary', run: actions.switchView },
    { keys: ['Escape'], label: 'Esc', does: 'Release the pinned sentence', run: actions.release },
    { keys: ['i'], label: 'i', does: 'Read the details of the sentence (the side panel)', run: actions.readDetails },
    { keys: ['?'], label: '?', does: 'Show these shortcuts', run: actions.showHelp },
  ];
}

/**
 * Lists the shortcuts in `app`'s shortcut dialog and listens for them on
 * its document; `active()` may veto them (a dialog or menu is open).
 */
export function installAppShortcuts(app, actions, { active }) {
  const doc = app.ownerDocument;
  const table = shortcutTable(actions);
  app.querySelector('.ac-shortcut-list').replaceChildren(...table.flatMap((s) => [
    h(doc, 'dt', {}, s.label.split(' ').map((k) => h(doc, 'kbd', {}, k))),
    h(doc, 'dd', {}, s.does),
  ]));
  return installShortcuts(doc, table.filter((s) => s.run), { active });
}
