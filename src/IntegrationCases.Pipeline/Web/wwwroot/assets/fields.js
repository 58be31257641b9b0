// The scenario form: one declarative list of fields (API.md path, Danish label, unit, allowed range), rendered
// into labelled inputs, filled from the case's defaults, and read back into a scenario. Shares are shown and
// typed as percent; the API receives shares (25 % → 0.25). Every input carries its field path in data-path, so
// the API's problem document can put each message next to the field it names.

import { number, parseDanishNumber, shareToPercentText, wholeKr } from "./format.js";

const MAX_MONEY = 10_000_000;

/** Scalar fields by group. kind: count | money | percent | int | month | select | checkbox. */
export const GROUPS = [
  {
    id: "periode",
    legend: "Periode og rente",
    fields: [
      { path: "startDate", label: "Startmåned", kind: "month", hint: "Forløbets første måned. Standard: budgetårets første dag. Hver måned regnes med de enhedspriser, der gælder i den måned." },
      { path: "horizonYears", label: "Tidshorisont", kind: "int", unit: "år", min: 1, max: 10 },
      { path: "discountRate", label: "Diskonteringsrente", kind: "percent", unit: "% pr. år", min: 0, max: 20, hint: "Bruges kun til nutidsværdien; 0 % giver nutidsværdi lig nettoeffekten." },
    ],
  },
  {
    id: "investering",
    legend: "Investeringens udgifter",
    reason: "investment",
    fields: [
      { path: "investment.monthlyCostPerParticipant", label: "Investering pr. deltager pr. måned", kind: "money", unit: "kr. pr. måned", min: 0, max: MAX_MONEY, hint: "Betales for de deltagere, der stadig er på ydelse, i investeringens varighed." },
      { path: "investment.durationMonths", label: "Investeringens varighed", kind: "int", unit: "måneder", min: 0, maxFromHorizon: true },
      { path: "investment.oneOffCostPerParticipant", label: "Engangsudgift pr. deltager", kind: "money", unit: "kr.", min: 0, max: MAX_MONEY },
      { path: "investment.reimbursementShare", label: "Statsrefusion af investeringen", kind: "percent", unit: "%", min: 0, max: 100, optional: true, hint: "Tomt felt: parameterlagerets refusionsandel." },
    ],
  },
  {
    id: "basis",
    legend: "Den ordinære indsats (basisforløbet)",
    fields: [
      { path: "baseline.effortCostPerMonth", label: "Ordinær indsats pr. person på ydelse pr. måned", kind: "money", unit: "kr. pr. måned", min: 0, max: MAX_MONEY },
      { path: "baseline.effortReimbursementShare", label: "Statsrefusion af den ordinære indsats", kind: "percent", unit: "%", min: 0, max: 100, optional: true, hint: "Tomt felt: parameterlagerets refusionsandel." },
    ],
  },
  {
    id: "job",
    legend: "Job, løn og støtte i job",
    reason: "inJobSupport",
    fields: [
      { path: "monthlyEarnings", label: "Månedsløn i job", kind: "money", unit: "kr. pr. måned", min: 0, max: MAX_MONEY },
      { path: "jobLossMonthlyProbability", label: "Risiko for at miste jobbet pr. måned", kind: "percent", unit: "% pr. måned", min: 0, max: 100 },
      { path: "inJobSupport.monthlyCost", label: "Støtte i job pr. måned", kind: "money", unit: "kr. pr. måned", min: 0, max: MAX_MONEY, hint: "Fx mentor efter jobstart, i begge forløb." },
      { path: "inJobSupport.durationMonths", label: "Støtte i job, varighed", kind: "int", unit: "måneder", min: 0, max: 24 },
    ],
  },
  {
    id: "dansk",
    legend: "Danskprøve",
    reason: "danishTest",
    fields: [
      { path: "danishTest.month", label: "Måned for danskprøven", kind: "int", unit: "måned nr.", min: 1, maxFromHorizon: true, hint: "Talt fra startmåneden (måned 1)." },
      { path: "danishTest.baselinePassShare", label: "Består prøven i basisforløbet", kind: "percent", unit: "%", min: 0, max: 100 },
      { path: "danishTest.investmentPassShare", label: "Består prøven med investeringen", kind: "percent", unit: "%", min: 0, max: 100 },
    ],
  },
];

export const TARGET_GROUP = [
  { path: "targetGroup.benefitType", label: "Ydelsestype", kind: "select" },
  { path: "targetGroup.initialRefusionClockMonths", label: "Refusionsur ved start", kind: "int", unit: "måneder", min: 0, max: 12, hint: "Måneder på refusionstrappen, før forløbet starter." },
  { path: "targetGroup.programmeEligible", label: "I integrationsprogrammet", kind: "checkbox", hint: "Uden for programmet udbetales hverken grundtilskud eller resultattilskud." },
  { path: "targetGroup.programmeMonthAtStart", label: "Gennemførte programmåneder ved start", kind: "int", unit: "måneder", min: 0, max: 120 },
];

/** Unit-price overrides (API.md 'prices'); parameter: the store's id whose value in force is shown under the field. */
export const PRICES = [
  { path: "prices.monthlyBenefit", label: "Ydelse pr. måned (efter husstandsfordeling)", kind: "money", unit: "kr. pr. måned", min: 0, max: MAX_MONEY, optional: true, hint: "Tomt felt: ydelsessatserne vægtet med husstandsfordelingen." },
  { path: "prices.grundtilskudMonthly", label: "Grundtilskud pr. måned", kind: "money", unit: "kr. pr. måned", min: 0, max: MAX_MONEY, optional: true, parameter: "grundtilskud.maaned" },
  { path: "prices.resultattilskudHigh", label: "Resultattilskud, højt (job eller uddannelse)", kind: "money", unit: "kr.", min: 0, max: MAX_MONEY, optional: true, parameter: "resultattilskud.job_uddannelse.hoej" },
  { path: "prices.resultattilskudLow", label: "Resultattilskud, lavt (job eller uddannelse)", kind: "money", unit: "kr.", min: 0, max: MAX_MONEY, optional: true, parameter: "resultattilskud.job_uddannelse.lav" },
  { path: "prices.resultattilskudDanish", label: "Resultattilskud for bestået danskprøve", kind: "money", unit: "kr.", min: 0, max: MAX_MONEY, optional: true, parameter: "resultattilskud.danskproeve" },
  { path: "prices.personfradragAnnual", label: "Personfradrag pr. år", kind: "money", unit: "kr. pr. år", min: 0, max: MAX_MONEY, optional: true, parameter: "personfradrag.aar" },
  { path: "prices.amBidragRate", label: "Arbejdsmarkedsbidrag", kind: "percent", unit: "%", min: 0, max: 100, optional: true, parameter: "am_bidrag.sats" },
  { path: "prices.employmentAllowanceRate", label: "Beskæftigelsesfradrag, sats", kind: "percent", unit: "%", min: 0, max: 100, optional: true, parameter: "beskaeftigelsesfradrag.sats" },
  { path: "prices.employmentAllowanceMaxAnnual", label: "Beskæftigelsesfradrag, loft pr. år", kind: "money", unit: "kr. pr. år", min: 0, max: MAX_MONEY, optional: true, parameter: "beskaeftigelsesfradrag.loft" },
  { path: "prices.kommuneskatRate", label: "Kommuneskatteprocent", kind: "percent", unit: "%", min: 0, max: 100, optional: true, hint: "Tomt felt: kommunens egen skatteprocent fra data (ellers landsgennemsnittet)." },
];

export const STAIRCASE_MONTHS = 13;

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const YEARS = Array.from({ length: 20 }, (_, i) => 2016 + i);

/** The year select that belongs to a start-month select. */
const yearOf = (monthSelect) => document.getElementById(`${monthSelect.id}-year`);

let serial = 0;
const idOf = (path) => `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}-${++serial}`;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === "text") {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? "" : value);
    }
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}
export { el };

/** Range text for the hint: "Tilladt: 0–10.000.000 kr. pr. måned." */
function rangeText(def, horizonYears) {
  const max = def.maxFromHorizon ? horizonYears * 12 : def.max;
  if (def.min === undefined || max === undefined) {
    return "";
  }
  const fmt = def.kind === "money" ? wholeKr : number;
  const text = `Tilladt: ${fmt(def.min)}–${fmt(max)}${def.unit ? " " + def.unit : ""}`;
  return text.endsWith(".") ? text : `${text}.`;
}

/**
 * One labelled field: the label is the accessible name; the unit, the allowed range, the default with its
 * reason and any error are its description (aria-describedby).
 */
export function renderField(def, horizonYears) {
  const id = idOf(def.path);
  const hintId = `${id}-hint`;
  const reasonId = `${id}-reason`;
  const errorId = `${id}-error`;
  let input;
  if (def.kind === "select") {
    input = el("select", { id, "data-path": def.path, "data-kind": def.kind });
  } else if (def.kind === "checkbox") {
    input = el("input", { id, type: "checkbox", "data-path": def.path, "data-kind": def.kind });
  } else if (def.kind === "month") {
    // Two selects rather than <input type="month">, whose display follows the browser's own language.
    input = el("select", { id, "data-path": def.path, "data-kind": def.kind },
      ...MONTHS.map((name, i) => el("option", { value: String(i + 1).padStart(2, "0"), text: name })));
  } else {
    input = el("input", {
      id,
      type: "text",
      inputmode: def.kind === "int" ? "numeric" : "decimal",
      autocomplete: "off",
      spellcheck: "false",
      "data-path": def.path,
      "data-kind": def.kind,
      "data-optional": def.optional ? "true" : null,
    });
  }
  input.setAttribute("aria-describedby", `${hintId} ${reasonId} ${errorId}`);
  const range = rangeText(def, horizonYears);
  const hint = el("p", { class: "hint", id: hintId }, [range || (def.unit ? `Enhed: ${def.unit}.` : ""), def.hint ?? ""].filter(Boolean).join(" "));
  const reason = el("p", { class: "reason", id: reasonId, hidden: true });
  const error = el("p", { class: "error", id: errorId, hidden: true, "data-error-for": def.path });
  const label = el("label", { for: id, text: def.label });
  if (def.kind === "month") {
    const yearId = `${id}-year`;
    const year = el("select", { id: yearId, "data-start-year": "", "aria-describedby": hintId }, ...YEARS.map((y) => el("option", { value: String(y), text: String(y) })));
    return el("div", { class: "field", "data-field": def.path },
      el("div", { class: "month-year" },
        el("div", {}, label, input),
        el("div", {}, el("label", { for: yearId, text: "Startår" }), year)),
      hint, reason, error);
  }
  const control = def.unit && def.kind !== "checkbox" && def.kind !== "select" && def.kind !== "month"
    ? el("span", { class: "with-unit" }, input, el("span", { class: "unit", "aria-hidden": "true", text: def.unit }))
    : input;
  const wrapper = def.kind === "checkbox"
    ? el("div", { class: "field field-checkbox", "data-field": def.path }, input, label, hint, reason, error)
    : el("div", { class: "field", "data-field": def.path }, label, control, hint, reason, error);
  return wrapper;
}

/** The text a field shows for a value of the scenario's units. */
export function toFieldText(kind, value) {
  if (value === null || value === undefined) {
    return "";
  }
  switch (kind) {
    case "percent":
      return shareToPercentText(value);
    case "month":
      return String(value).slice(0, 7);
    default:
      return number(value);
  }
}

export function setFieldValue(input, value) {
  const kind = input.dataset.kind;
  if (kind === "checkbox") {
    input.checked = Boolean(value);
  } else if (kind === "select") {
    input.value = value ?? "";
  } else if (kind === "month") {
    input.value = String(value).slice(5, 7);
    yearOf(input).value = String(value).slice(0, 4);
  } else {
    input.value = toFieldText(kind, value);
  }
}

/**
 * Reads one input into the scenario's units. Returns { value } (undefined for an empty optional field) or
 * { error } with a Danish message for text that is not a number; the API judges every number itself.
 */
export function readField(input) {
  const kind = input.dataset.kind;
  if (kind === "checkbox") {
    return { value: input.checked };
  }
  if (kind === "select") {
    return { value: input.value };
  }
  if (kind === "month") {
    return { value: `${yearOf(input).value}-${input.value}-01` };
  }
  const text = input.value.trim();
  if (text === "") {
    return input.dataset.optional === "true" ? { value: undefined } : { error: "Feltet skal udfyldes med et tal." };
  }
  const parsed = parseDanishNumber(text);
  if (parsed === null) {
    return { error: `«${text}» er ikke et tal. Skriv fx 1.234,5.` };
  }
  if (kind === "int" && !Number.isInteger(parsed)) {
    return { error: `${number(parsed)} er ikke et helt tal.` };
  }
  return { value: kind === "percent" ? parsed / 100 : parsed };
}

/** Sets a value at an API.md path in a scenario object ("baseline.effortCostPerMonth"). */
export function setPath(target, path, value) {
  if (value === undefined) {
    return;
  }
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node = node[part] ??= {};
  }
  node[parts[parts.length - 1]] = value;
}

/** Reads a value at a path, or undefined. */
export function getPath(source, path) {
  return path.split(".").reduce((node, part) => (node === undefined || node === null ? undefined : node[part]), source);
}
