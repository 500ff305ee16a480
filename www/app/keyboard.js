// Keyboard shortcuts of the app: one table that both runs the shortcuts and
// lists them in the "?" dialog. Shortcuts never fire while the user types
// in a text box or holds Ctrl, Alt or Meta.

/** Whether `el` takes typed text (so a key press there is not a shortcut). */
export function isTypingTarget(el) {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(el.type);
}

/**
 * Listens on `target` for the keys of `shortcuts` ([{keys: ['j'],
 * run(event)}]); `active()` may veto shortcuts (a dialog is open).
 * Returns a function that stops listening.
 */
export function installShortcuts(target, shortcuts, { active = () => true } = {}) {
  const byKey = new Map();
  for (const shortcut of shortcuts) for (const key of shortcut.keys) byKey.set(key, shortcut);
  const onKey = (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    const path = event.composedPath?.() ?? [event.target];
    if (isTypingTarget(path[0])) return;
    const shortcut = byKey.get(event.key);
    if (!shortcut || !active(shortcut)) return;
    event.preventDefault();
    shortcut.run(event);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
