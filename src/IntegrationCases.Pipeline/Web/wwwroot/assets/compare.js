// Up to three saved scenarios side by side: their key figures and the net effect by year.

import { decimals1, kroner, number } from "./format.js";
import { el } from "./fields.js";
import { keyFigures } from "./results.js";

export const MAX_SAVED = 3;

/** Saved scenarios: { name, scenario, result, label }. */
const saved = [];
let serial = 0;

export function canSave() {
  return saved.length < MAX_SAVED;
}

export function save(scenario, result, label) {
  if (!canSave()) {
    return false;
  }
  saved.push({ name: `Scenarie ${++serial}`, scenario, result, label });
  return true;
}

export function count() {
  return saved.length;
}

/** Renders the comparison into its section; onChange is called after a scenario is removed. */
export function renderComparison(container, onChange) {
  container.replaceChildren();
  if (saved.length === 0) {
    container.append(el("p", { class: "hint", text: "Ingen scenarier gemt endnu. Brug «Gem til sammenligning» under resultatet; du kan gemme op til tre." }));
    return;
  }
  const maxYears = Math.max(...saved.map((s) => s.result.years.length));
  const figures = saved.map((s) => keyFigures(s.result));
  const rows = [
    ["Kommune og business case", saved.map((s) => s.label)],
    ["Deltagere", saved.map((s) => participantsText(s.scenario))],
    ["Investering i alt", figures.map((f) => f["kt-investering"])],
    ["Nettoeffekt i alt", figures.map((f) => f["kt-netto"])],
    ["Nutidsværdi", figures.map((f) => f["kt-nutidsvaerdi"])],
    ["Gevinst pr. investeret krone", figures.map((f) => f["kt-gevinst"])],
    ["Tilbagebetaling", figures.map((f) => f["kt-tilbagebetaling"])],
    ["Break-even-effektfaktor", figures.map((f) => f["kt-breakeven"])],
    ["Ekstra selvforsørgende ved horisontens udgang", figures.map((f) => f["kt-ekstra"])],
  ];
  for (let y = 0; y < maxYears; y++) {
    rows.push([`Nettoeffekt år ${y + 1}`, saved.map((s) => (s.result.years[y] ? kroner(s.result.years[y].difference.net) : "–"))]);
  }
  const table = el("table", { class: "compare" },
    el("caption", { text: "Gemte scenarier side om side" }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Nøgletal" }), ...saved.map((s) => el("th", { scope: "col", text: s.name })))),
    el("tbody", {}, ...rows.map(([label, values]) =>
      el("tr", {}, el("th", { scope: "row", text: label }), ...values.map((v) => el("td", { class: "num", text: v }))))));
  const removeButtons = el("div", { class: "actions" }, ...saved.map((s, i) => {
    const button = el("button", { type: "button", class: "secondary", text: `Fjern ${s.name}` });
    button.addEventListener("click", () => {
      saved.splice(i, 1);
      renderComparison(container, onChange);
      onChange();
    });
    return button;
  }));
  container.append(el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Sammenligning af scenarier" }, table), removeButtons);
}

function participantsText(scenario) {
  if (Array.isArray(scenario.cohorts)) {
    const total = scenario.cohorts.reduce((sum, c) => sum + c.participants, 0);
    return `${number(total)} i alt (${scenario.cohorts.length} hold)`;
  }
  return scenario.participants === undefined ? "–" : decimals1(scenario.participants);
}
