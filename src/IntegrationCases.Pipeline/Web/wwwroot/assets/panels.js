// Panels in the result column beyond the key figures (issue 12's 'Usikkerhed' goes in #usikkerhed-plads): a
// panel registers itself here and is told of every result the page shows, and of every moment it shows none.
// app.js is the only caller of resultShown and resultCleared; a panel never reads the form itself.

const panels = new Set();
let controller = null;
let current = null;

/**
 * Registers a panel: { shown(scenario, result, signal), cleared() }.
 * - shown: the page shows a new result. scenario is exactly what the page sent to scenarios/evaluate (send it
 *   as it is to another scenario endpoint, e.g. { scenario, ... }); result is the API's answer to it. signal is
 *   aborted as soon as a newer result or a rejection replaces this one: pass it to fetch, and draw nothing after.
 * - cleared: the page shows no figures (a rejected scenario, an error, no municipality chosen).
 * A panel that registers after a result was shown is told of it at once. Returns a function that unregisters.
 */
export function addPanel(panel) {
  panels.add(panel);
  if (current) {
    tell(panel, "shown", current.scenario, current.result, controller.signal);
  }
  return () => panels.delete(panel);
}

/** Called by app.js after it has drawn a result. */
export function resultShown(scenario, result) {
  controller?.abort();
  controller = new AbortController();
  current = { scenario, result };
  for (const panel of panels) {
    tell(panel, "shown", scenario, result, controller.signal);
  }
}

/** Called by app.js whenever it hides the figures. */
export function resultCleared() {
  controller?.abort();
  controller = null;
  current = null;
  for (const panel of panels) {
    tell(panel, "cleared");
  }
}

// One panel's failure must not stop the page or the other panels.
function tell(panel, method, ...args) {
  try {
    const answer = panel[method]?.(...args);
    answer?.catch?.((e) => e?.name === "AbortError" || console.error(e));
  } catch (e) {
    console.error(e);
  }
}
