// Records what the widgets tell the page, for the tests to read: their
// events (in order, with their detail) and any CSP violation.
window.widgetEvents = [];
window.cspViolations = [];
for (const name of ['ready', 'compared', 'select', 'error']) {
  document.addEventListener(`article-compare:${name}`, (e) => {
    window.widgetEvents.push({ type: e.type, id: e.target.id, detail: { ...e.detail, error: undefined } });
  });
}
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
