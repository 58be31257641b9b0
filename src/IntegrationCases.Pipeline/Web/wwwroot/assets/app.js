// Beregningsværktøjet: pick a municipality and a business case, change any assumption, and see at once what
// an investment in integration work means for the municipality's budget. Every number comes from the
// project's scenario API (the same one Power BI calls); the page computes nothing itself.

import { api, ApiError, Rejection } from "./api.js";
import { drawCumulative, drawSelfSupporting } from "./charts.js";
import * as compare from "./compare.js";
import { resultCleared, resultShown } from "./panels.js";
import {
  el, GROUPS, getPath, PRICES, readField, renderField, setFieldValue, setPath, STAIRCASE_MONTHS, TARGET_GROUP, toFieldText,
} from "./fields.js";
import { danishDate, kroner, listText, monthText, number, shareToPercentText, wholeKr } from "./format.js";
import { FIGURE_IDS, keyFigures, plainDanish, renderBudgetTable } from "./results.js";
import { download, downloadJson, fileNameFor, linkFor, scenarioFromLocation } from "./share.js";
import "./uncertainty.js";

const $ = (selector) => document.querySelector(selector);
const DEBOUNCE_MS = 40;

const HOUSEHOLDS = {
  enlig_forsoerger: "Enlige forsørgere",
  forsoerger: "Forsørgere (gift eller samlevende)",
  ikke_forsoerger: "Ikke-forsørgere",
  hjemmeboende_under_30: "Hjemmeboende under 30 år",
};
const BENEFITS = {
  integrationsydelse: "Integrationsydelse / selvforsørgelses- og hjemrejseydelse",
  kontanthjaelp: "Kontanthjælp",
};

const state = {
  municipalities: [],
  cases: new Map(),
  resultsByMunicipality: new Map(),
  /** The API's default start date ("2027-01-01": the budget year's first day, from the server's clock). */
  defaultStart: null,
  parameters: null,
  parametersDate: null,
  parametersRequest: null,
  standard: null,
  scenario: null,
  result: null,
  lastSent: null,
  controller: null,
  sequence: 0,
  timer: 0,
};

// ---------------------------------------------------------------- start

async function start() {
  try {
    // Without a date the API answers the prices of its default start date and names it: the page never works
    // out a default of its own (the budget year is the server's, in Danish time, as for every other client).
    const [municipalities, cases, parameters] = await Promise.all([api.municipalities(), api.cases(), api.parameters()]);
    state.municipalities = municipalities;
    for (const c of cases) {
      state.cases.set(c.caseId, c);
    }
    state.defaultStart = parameters.date;
    fillSelections();
    buildForm();
    showParameters(parameters);
  } catch (e) {
    fatal(e);
    return;
  }
  wireEvents();

  const linked = scenarioFromLocation();
  if (linked === undefined) {
    notice("Linket indeholder ikke et scenarie, der kan læses. Vælg kommune og business case.");
  } else if (linked) {
    await openScenario(linked, "Scenariet fra linket er åbnet.");
  }
}

function fillSelections() {
  const select = $("#kommune");
  select.replaceChildren(el("option", { value: "", text: "Vælg kommune" }),
    ...[...state.municipalities]
      .sort((a, b) => a.name.localeCompare(b.name, "da"))
      .map((m) => el("option", { value: m.municipalityCode, text: `${m.name} (${m.municipalityCode})` })));
  $("#case").replaceChildren(...[...state.cases.values()].map((c) => el("option", { value: c.caseId, text: `${c.caseId}: ${c.name}` })));
}

/** Narrows the municipality list to names or codes containing the search text, and picks a single match. */
function filterMunicipalities() {
  const query = $("#kommune-soeg").value.trim().toLocaleLowerCase("da");
  const select = $("#kommune");
  let visible = [];
  for (const option of select.options) {
    if (option.value === "") {
      continue;
    }
    const match = query === "" || option.text.toLocaleLowerCase("da").includes(query);
    option.hidden = !match;
    option.disabled = !match;
    if (match) {
      visible.push(option);
    }
  }
  $("#kommune-antal").textContent = query === "" ? "" : `${visible.length} ${visible.length === 1 ? "kommune passer" : "kommuner passer"} på søgningen.`;
  if (visible.length === 1 && select.value !== visible[0].value) {
    select.value = visible[0].value;
    selectionChanged();
  }
}

// ---------------------------------------------------------------- the form

function buildForm() {
  const groups = $("#grupper");
  for (const group of GROUPS) {
    const fieldset = el("fieldset", { id: `g-${group.id}` }, el("legend", { text: group.legend }));
    if (group.reason) {
      fieldset.append(el("p", { class: "reason group-reason", "data-reason-for": group.reason, hidden: true }));
    }
    for (const def of group.fields) {
      fieldset.append(renderField(def, 5));
    }
    groups.append(fieldset);
  }
  const target = $("#g-maalgruppe");
  for (const def of TARGET_GROUP) {
    const field = renderField(def, 5);
    target.append(field);
    if (def.path === "targetGroup.benefitType") {
      target.append(el("fieldset", { id: "husstande", class: "inner" },
        el("legend", { text: "Husstandsfordeling (%)" }),
        el("p", { class: "hint", text: "Andelene skal tilsammen give 100 %. Tomme felter tæller ikke med." }),
        el("div", { id: "husstande-felter", class: "grid-2" }),
        el("p", { class: "reason", "data-reason-for": "targetGroup.householdMix", hidden: true }),
        el("p", { class: "error", hidden: true, "data-error-for": "targetGroup.householdMix", "data-label": "Husstandsfordeling" })));
    }
  }
  const prices = $("#g-priser");
  for (const def of PRICES) {
    prices.append(renderField(def, 5));
  }
  prices.append(staircaseTable());
  prices.append(el("fieldset", { id: "bonus", class: "inner" },
    el("legend", { text: "Bonus pr. ekstra selvforsørgende person (kr.)" }),
    el("p", { class: "hint", text: "Udfyldes et år, betales bonussen kun i de udfyldte år. Tomme felter: parameterlageret (bonus i 2017 og 2018)." }),
    el("div", { id: "bonus-felter", class: "grid-2" }),
    el("p", { class: "error", hidden: true, "data-error-for": "prices.bonusPerExtraPersonByYear", "data-label": "Bonus pr. ekstra selvforsørgende person" })));
}

function staircaseTable() {
  const cells = [];
  for (let c = 0; c < STAIRCASE_MONTHS; c++) {
    const id = `trappe-${c}`;
    cells.push(el("div", { class: "field compact" },
      el("label", { for: id, text: c === 12 ? "Måned 12+" : `Måned ${c}` }),
      el("span", { class: "with-unit" },
        el("input", { id, type: "text", inputmode: "decimal", autocomplete: "off", "data-path": `prices.refusionShareByClockMonth[${c}]`, "data-kind": "percent", "data-optional": "true", "aria-describedby": "trappe-hint" }),
        el("span", { class: "unit", "aria-hidden": "true", text: "%" })),
      el("p", { class: "error", hidden: true, "data-error-for": `prices.refusionShareByClockMonth[${c}]` })));
  }
  return el("fieldset", { id: "trappe", class: "inner" },
    el("legend", { text: "Refusionstrappe: statsrefusion af ydelsen pr. måned på trappen (%)" }),
    el("p", { class: "hint", id: "trappe-hint", text: "Udfyld alle 13 måneder eller ingen. Tomme felter: refusionstrappen i parameterlageret." }),
    el("div", { class: "grid-4" }, ...cells),
    el("p", { class: "error", hidden: true, "data-error-for": "prices.refusionShareByClockMonth", "data-label": "Refusionstrappe" }));
}

function horizon() {
  const value = Number.parseInt($("[data-path='horizonYears']").value, 10);
  return Number.isInteger(value) && value >= 1 && value <= 10 ? value : 5;
}

/** The start as "2027-01", from the month and year selects. */
function startMonth() {
  return readField(fieldFor("startDate")).value.slice(0, 7);
}

function startYear() {
  return Number(startMonth().slice(0, 4));
}

/** The rows that depend on the horizon and the start: trajectories, intake plan, bonus years. Typed values stay. */
function renderYearRows() {
  const h = horizon();
  const y0 = startYear();
  const c = currentCase();
  const keep = (selector) => new Map([...document.querySelectorAll(selector)].map((i) => [i.dataset.key, i.value]));

  const baseline = keep("#effekt-tabel [data-key^='b']");
  const extra = keep("#effekt-tabel [data-key^='e']");
  const body = el("tbody");
  for (let y = 0; y < h; y++) {
    const yearId = `effekt-aar-${y}`;
    const base = baseline.get(`b${y}`) ?? toFieldText("percent", c?.defaults.baseline.selfSupportShareByYear[y]);
    const ext = extra.get(`e${y}`) ?? toFieldText("percent", c?.defaults.investment.extraSelfSupportShareByYear[y]);
    body.append(el("tr", {},
      el("th", { scope: "row", id: yearId, text: effectYearLabel(y, y0) }),
      yearCell(`baseline.selfSupportShareByYear[${y}]`, `b${y}`, base, `${yearId} effekt-basis`),
      yearCell(`investment.extraSelfSupportShareByYear[${y}]`, `e${y}`, ext, `${yearId} effekt-ekstra`),
      el("td", { class: "num", "data-total": String(y) })));
  }
  $("#effekt-tabel tbody").replaceWith(body);
  updateEffectTotals();

  const intake = keep("#tilgang-tabel [data-key]");
  const intakeBody = el("tbody");
  for (let y = 0; y < h; y++) {
    const yearId = `tilgang-aar-${y}`;
    intakeBody.append(el("tr", {},
      el("th", { scope: "row", id: yearId, text: `År ${y + 1}: ${monthName(y0 + y)}` }),
      yearCell(null, `t${y}`, intake.get(`t${y}`) ?? "", `${yearId} tilgang-antal`, "count")));
  }
  $("#tilgang-tabel tbody").replaceWith(intakeBody);

  const bonus = keep("#bonus-felter [data-key]");
  const endYear = Number(addMonths(startMonth(), 12 * h - 1).slice(0, 4));
  const bonusFields = [];
  for (let year = y0; year <= endYear; year++) {
    const id = `bonus-${year}`;
    bonusFields.push(el("div", { class: "field compact" },
      el("label", { for: id, text: String(year) }),
      el("span", { class: "with-unit" },
        el("input", { id, type: "text", inputmode: "decimal", autocomplete: "off", "data-key": `y${year}`, "data-year": String(year), "data-path": `prices.bonusPerExtraPersonByYear.${year}`, "data-kind": "money", "data-optional": "true", value: bonus.get(`y${year}`) ?? "" }),
        el("span", { class: "unit", "aria-hidden": "true", text: "kr." })),
      el("p", { class: "error", hidden: true, "data-error-for": `prices.bonusPerExtraPersonByYear.${year}` })));
  }
  $("#bonus-felter").replaceChildren(...bonusFields);

  for (const input of document.querySelectorAll("[data-path='investment.durationMonths'], [data-path='danishTest.month']")) {
    const hint = document.getElementById(`${input.id}-hint`);
    hint.textContent = hint.textContent.replace(/Tilladt: (\d+)–\d+ /, `Tilladt: $1–${12 * h} `);
  }
}

/**
 * An effect row's year. With one cohort its years are calendar years from the start; with an intake plan every
 * cohort follows the shares in its own years of the course (METHOD.md 3a), so no calendar year is named.
 */
function effectYearLabel(y, y0) {
  return $("#modus-tilgang").checked ? `År ${y + 1} af forløbet` : `År ${y + 1} (${y0 + y})`;
}

function monthName(year) {
  return monthText(`${year}-${startMonth().slice(5)}`);
}

function addMonths(yearMonth, months) {
  const [y, m] = yearMonth.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

function yearCell(path, key, value, labelledBy, kind = "percent") {
  const id = `yc-${key}`;
  const errorId = `${id}-error`;
  return el("td", {},
    el("input", {
      id, type: "text", inputmode: "decimal", autocomplete: "off", value,
      "data-key": key, "data-path": path, "data-kind": kind, "aria-labelledby": labelledBy, "aria-describedby": errorId,
    }),
    el("p", { class: "error", id: errorId, hidden: true, "data-error-for": path }));
}

function updateEffectTotals() {
  for (const cell of document.querySelectorAll("#effekt-tabel [data-total]")) {
    const y = cell.dataset.total;
    const b = readField(document.querySelector(`#effekt-tabel [data-key='b${y}']`));
    const e = readField(document.querySelector(`#effekt-tabel [data-key='e${y}']`));
    cell.textContent = b.error || e.error ? "–" : `${shareToPercentText(b.value + e.value)} %`;
  }
}

function renderHouseholds(benefitType, mix) {
  const types = householdTypes(benefitType);
  $("#husstande-felter").replaceChildren(...types.map((type) => {
    const id = `husstand-${type}`;
    return el("div", { class: "field compact" },
      el("label", { for: id, text: HOUSEHOLDS[type] ?? type }),
      el("span", { class: "with-unit" },
        el("input", { id, type: "text", inputmode: "decimal", autocomplete: "off", "data-path": `targetGroup.householdMix.${type}`, "data-kind": "percent", "data-optional": "true", value: mix[type] === undefined ? "" : shareToPercentText(mix[type]) }),
        el("span", { class: "unit", "aria-hidden": "true", text: "%" })),
      el("p", { class: "error", hidden: true, "data-error-for": `targetGroup.householdMix.${type}` }));
  }));
}

function householdTypes(benefitType) {
  const prefix = `ydelse.${benefitType}.`;
  const types = (state.parameters?.parameters ?? []).filter((p) => p.id.startsWith(prefix)).map((p) => p.id.slice(prefix.length));
  return [...new Set(types)];
}

function benefitTypes() {
  const types = (state.parameters?.parameters ?? []).map((p) => p.id.split(".")).filter((p) => p.length === 3 && p[0] === "ydelse").map((p) => p[1]);
  return [...new Set(types)].sort();
}

// ---------------------------------------------------------------- defaults of the chosen case

function currentCase() {
  return state.cases.get($("#case").value);
}

async function selectionChanged() {
  const code = $("#kommune").value;
  $("#arbejdsflade").hidden = code === "";
  $("#vejledning").hidden = code !== "";
  if (code === "") {
    resultCleared();
    return;
  }
  await applyDefaults();
  recalculate();
}

async function municipalityResults(code) {
  if (!state.resultsByMunicipality.has(code)) {
    try {
      state.resultsByMunicipality.set(code, await api.results(code));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) {
        throw e;
      }
      state.resultsByMunicipality.set(code, null);
    }
  }
  return state.resultsByMunicipality.get(code);
}

async function loadParameters(date) {
  if (state.parametersDate === date) {
    return;
  }
  const request = (state.parametersRequest = date);
  const parameters = await api.parameters(date);
  if (state.parametersRequest !== request) {
    return; // a newer start date asked for its own prices meanwhile
  }
  showParameters(parameters);
}

function showParameters(parameters) {
  state.parameters = parameters;
  state.parametersDate = parameters.date;
  renderUnitPrices();
  describePrices();
}

/** Fills the form with the chosen case's defaults and the municipality's standard case from the latest run. */
async function applyDefaults() {
  const code = $("#kommune").value;
  const c = currentCase();
  const municipality = state.municipalities.find((m) => m.municipalityCode === code);
  let results;
  try {
    results = await municipalityResults(code);
  } catch (e) {
    fatal(e);
    return;
  }
  const standard = results?.results.find((r) => r.scenarioId === "standard" && r.result.caseId === c.caseId) ?? null;
  const persons = municipality?.targetGroupPersonsByCase?.[c.caseId];
  const participants = standard?.participants ?? (persons === undefined ? undefined : persons * c.participationShare);
  // The scenario starts on the API's default start date, as evaluate does without one; the run's standard case
  // started on the default of the day it ran, which is the same date unless the run is from an earlier year.
  const start = state.defaultStart.slice(0, 7);
  const runStart = (standard?.result.startDate ?? results?.startDate ?? state.defaultStart).slice(0, 7);
  state.standard = { runId: results?.runId ?? null, participants, persons, start, runStart };

  const d = c.defaults;
  $("[data-path='horizonYears']").value = String(d.horizonYears);
  setFieldValue(fieldFor("startDate"), `${start}-01`);
  try {
    await loadParameters(`${start}-01`);
  } catch (e) {
    fatal(e);
    return;
  }
  for (const input of document.querySelectorAll("#effekt-tabel [data-key], #tilgang-tabel [data-key], #bonus-felter [data-key]")) {
    input.removeAttribute("data-key");
  }
  renderYearRows();
  const h = d.horizonYears;
  const values = structuredClone(d);
  values.investment.durationMonths = Math.min(d.investment.durationMonths, 12 * h);
  values.danishTest.month = Math.min(d.danishTest.month, 12 * h);
  for (const def of [...GROUPS.flatMap((g) => g.fields), ...TARGET_GROUP]) {
    if (def.path === "startDate" || def.path === "horizonYears" || def.path === "targetGroup.benefitType") {
      continue;
    }
    setFieldValue(fieldFor(def.path), getPath(values, def.path));
  }
  const benefit = $("[data-path='targetGroup.benefitType']");
  benefit.replaceChildren(...benefitTypes().map((t) => el("option", { value: t, text: BENEFITS[t] ?? t })));
  benefit.value = d.targetGroup.benefitType;
  renderHouseholds(d.targetGroup.benefitType, d.targetGroup.householdMix);
  for (const def of PRICES) {
    fieldFor(def.path).value = "";
  }
  for (const input of document.querySelectorAll("#trappe input")) {
    input.value = "";
  }

  $("#modus-enkelt").checked = true;
  setIntakeMode(false);
  $("#deltagere").value = participants === undefined ? "" : toFieldText("count", participants);
  describeDefaults(c, municipality);
  clearErrors();
}

function fieldFor(path) {
  return document.querySelector(`[data-path='${CSS.escape(path)}']`);
}

/** Shows each default with the catalogue's reason for it, under its field. */
function describeDefaults(c, municipality) {
  const std = state.standard;
  $("#case-beskrivelse").textContent = `${c.description} Målgruppe: ${c.targetGroupLabel}.`;
  const runText = std.runId ? `seneste kørsel (${std.runId})` : "data (der er endnu ingen kørsel)";
  $("#standard-info").textContent = std.participants === undefined
    ? `Der er ingen tal for ${municipality?.name ?? "kommunen"} i ${runText}; skriv selv antal deltagere.`
    : `Standardcasen for ${municipality.name} fra ${runText}: ${number(std.persons ?? std.participants)} fuldtidspersoner i målgruppen × deltagerandel ${shareToPercentText(c.participationShare)} % = ${number(std.participants)} deltagere, start ${monthText(std.start)}.`
      + (std.runStart === std.start ? "" : ` Kørslen regnede standardcasen fra ${monthText(std.runStart)}; her regnes fra budgetårets start.`);

  for (const node of document.querySelectorAll(".reason")) {
    node.hidden = true;
    node.textContent = "";
  }
  const show = (node, text) => {
    if (node && text) {
      node.textContent = text;
      node.hidden = false;
    }
  };
  const defaults = c.defaults;
  const argued = new Set(["participants", "baseline.selfSupportShareByYear", "investment.extraSelfSupportShareByYear"]);
  for (const def of [...GROUPS.flatMap((g) => g.fields), ...TARGET_GROUP]) {
    argued.add(def.path);
    const input = fieldFor(def.path);
    const reason = c.reasons[def.path];
    const value = getPath(defaults, def.path);
    const shown = value === null ? "parameterlageret" : def.kind === "checkbox" ? (value ? "ja" : "nej") : def.kind === "select" ? (BENEFITS[value] ?? value) : `${toFieldText(def.kind, value)}${def.unit ? " " + def.unit : ""}`;
    if (def.path === "startDate" || def.path === "discountRate") {
      continue;
    }
    show(document.getElementById(`${input.id}-reason`), `Standard for casen: ${shown}${shown.endsWith(".") ? "" : "."}${reason ? " " + reason : ""}`);
  }
  for (const node of document.querySelectorAll("[data-reason-for]")) {
    argued.add(node.dataset.reasonFor);
    show(node, c.reasons[node.dataset.reasonFor] ? `Casens begrundelse: ${c.reasons[node.dataset.reasonFor]}` : "");
  }
  // Reasons for assumptions that have no field of their own (the IGU case's result grant, say).
  const others = Object.entries(c.reasons).filter(([path]) => !argued.has(path)).map(([, reason]) => reason);
  show($("#case-antagelser"), others.length ? `Casens øvrige antagelser: ${others.join(" ")}` : "");
  show($("#deltagere-reason"), c.reasons.participants ? `Begrundelse for deltagerandelen: ${c.reasons.participants}` : "");
  show($("#effekt-reason"), [
    c.reasons["baseline.selfSupportShareByYear"] ? `Basisforløbet: ${c.reasons["baseline.selfSupportShareByYear"]}` : "",
    c.reasons["investment.extraSelfSupportShareByYear"] ? `Effekten: ${c.reasons["investment.extraSelfSupportShareByYear"]}` : "",
  ].filter(Boolean).join(" "));
  describePrices();
}

/** Under each unit-price field: the value in force on the start date, its source and whether it is an estimate. */
function describePrices() {
  const byId = new Map((state.parameters?.parameters ?? []).map((p) => [p.id, p]));
  for (const def of PRICES) {
    const input = fieldFor(def.path);
    const node = document.getElementById(`${input.id}-reason`);
    const p = def.parameter ? byId.get(def.parameter) : null;
    node.hidden = !p;
    node.textContent = p ? `Parameterlageret pr. ${danishDate(state.parametersDate)}: ${valueText(p)}${p.isEstimate ? " (skøn)" : ""}. Kilde: ${p.source}` : "";
  }
}

function valueText(p) {
  return p.unit === "andel" ? `${shareToPercentText(p.value)} %` : `${number(p.value)} ${p.unit}`;
}

function setIntakeMode(plan) {
  $("#enkelt-hold").hidden = plan;
  $("#tilgang").hidden = !plan;
  $("#effekt-plan").hidden = !plan;
  const y0 = startYear();
  document.querySelectorAll("#effekt-tabel tbody th[scope='row']").forEach((th, y) => {
    th.textContent = effectYearLabel(y, y0);
  });
}

// ---------------------------------------------------------------- reading the scenario

/** The scenario the form shows, or the fields the page itself cannot read (not numbers, empty). */
function readScenario() {
  const scenario = { municipalityCode: $("#kommune").value, caseId: $("#case").value };
  const errors = [];
  const take = (input, path = input.dataset.path) => {
    const { value, error } = readField(input);
    if (error) {
      errors.push({ input, message: error });
      return undefined;
    }
    setPath(scenario, path, value);
    return value;
  };

  take(fieldFor("startDate"));
  take(fieldFor("horizonYears"));
  take(fieldFor("discountRate"));
  const plan = $("#modus-tilgang").checked;
  if (plan) {
    const cohorts = [];
    for (const input of document.querySelectorAll("#tilgang-tabel input")) {
      input.dataset.path = "";
      input.dataset.pathAlt = "";
      if (input.value.trim() === "") {
        continue;
      }
      const { value, error } = readField(input);
      if (error) {
        errors.push({ input, message: error });
        continue;
      }
      input.dataset.path = `cohorts[${cohorts.length}].participants`;
      input.dataset.pathAlt = `cohorts[${cohorts.length}].startDate`;
      const y = Number(input.dataset.key.slice(1));
      cohorts.push({ startDate: `${addMonths(startMonth(), 12 * y)}-01`, participants: value });
    }
    scenario.cohorts = cohorts;
  } else {
    take($("#deltagere"));
  }

  for (const input of document.querySelectorAll("#grupper [data-path], #effekt-tabel [data-path], #g-maalgruppe [data-path], #g-priser [data-path]")) {
    const path = input.dataset.path;
    if (["startDate", "horizonYears", "discountRate"].includes(path) || path.startsWith("prices.refusionShareByClockMonth")) {
      continue;
    }
    const arrayItem = /^(.*)\[(\d+)\]$/.exec(path);
    if (arrayItem) {
      const { value, error } = readField(input);
      if (error) {
        errors.push({ input, message: error });
        continue;
      }
      const list = getPath(scenario, arrayItem[1]) ?? [];
      list[Number(arrayItem[2])] = value;
      setPath(scenario, arrayItem[1], list);
      continue;
    }
    take(input);
  }

  const stairs = [...document.querySelectorAll("#trappe input")];
  const filled = stairs.filter((i) => i.value.trim() !== "");
  if (filled.length > 0 && filled.length < STAIRCASE_MONTHS) {
    errors.push({ input: stairs.find((i) => i.value.trim() === ""), message: "Udfyld alle 13 måneder af refusionstrappen, eller lad dem alle være tomme." });
  } else if (filled.length === STAIRCASE_MONTHS) {
    const values = stairs.map((input) => {
      const { value, error } = readField(input);
      if (error) {
        errors.push({ input, message: error });
      }
      return value;
    });
    setPath(scenario, "prices.refusionShareByClockMonth", values);
  }
  return { scenario, errors };
}

// ---------------------------------------------------------------- recalculation

function schedule(immediate) {
  clearTimeout(state.timer);
  state.timer = setTimeout(recalculate, immediate ? 0 : DEBOUNCE_MS);
}

/** Sends the scenario to the API; only the answer to the newest request is ever shown. */
async function recalculate() {
  if ($("#kommune").value === "") {
    return;
  }
  const { scenario, errors } = readScenario();
  if (errors.length > 0) {
    state.lastSent = null;
    state.controller?.abort();
    state.sequence++;
    showRejection(errors.map((e) => ({ input: e.input, path: e.input.dataset.path, messages: [e.message] })), "Ret de markerede felter: de er ikke tal, som beregningen kan læse.");
    return;
  }
  const json = JSON.stringify(scenario);
  if (json === state.lastSent) {
    return;
  }
  state.lastSent = json;
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  const sequence = ++state.sequence;
  $("#resultat").setAttribute("aria-busy", "true");
  try {
    const answer = await api.evaluate(scenario, controller.signal);
    if (sequence !== state.sequence) {
      return;
    }
    if (answer instanceof Rejection) {
      const count = Object.keys(answer.errors).length;
      showRejection(Object.entries(answer.errors).map(([path, messages]) => ({ path, messages })),
        `${count === 1 ? "Et felt skal" : `${count} felter skal`} rettes; beskeden står også ved feltet.`);
    } else {
      showResult(scenario, answer);
    }
  } catch (e) {
    if (e.name === "AbortError" || sequence !== state.sequence) {
      return;
    }
    state.lastSent = null;
    fatal(e);
  } finally {
    if (sequence === state.sequence) {
      $("#resultat").removeAttribute("aria-busy");
    }
  }
}

function showResult(scenario, result) {
  state.scenario = scenario;
  state.result = result;
  clearErrors();
  $("#fejl").hidden = true;
  $("#tal").hidden = false;
  $("#tal-detaljer").hidden = false;
  $("#afvist").hidden = true;
  for (const [id, text] of Object.entries(keyFigures(result))) {
    document.getElementById(id).textContent = text;
  }
  // At 0 % the present value equals the net effect; the rate beside it says why.
  $("label[for='kt-nutidsvaerdi']").textContent = `Nutidsværdi ved ${shareToPercentText(scenario.discountRate)} % rente`;
  $("#sammenfatning").textContent = plainDanish(result);
  drawCumulative($("#graf-akkumuleret"), $("#graf-akkumuleret-resume"), result);
  drawSelfSupporting($("#graf-selvforsoergende"), $("#graf-selvforsoergende-resume"), result);
  renderBudgetTable($("#budget"), result);
  renderPlanEcho(scenario, result);
  renderPrintSummary(scenario);
  $("#link-felt").value = linkFor(scenario);
  for (const button of document.querySelectorAll("[data-needs-result]")) {
    button.disabled = false;
  }
  $("#gem").disabled = !compare.canSave();
  resultShown(scenario, result);
}

/** With an intake plan, the plan the engine resolved (API 1.2 echoes it as 'cohorts'). */
function renderPlanEcho(scenario, result) {
  const node = $("#plan-ekko");
  const cohorts = Array.isArray(scenario.cohorts) && Array.isArray(result.cohorts) ? result.cohorts : null;
  node.hidden = !cohorts;
  node.textContent = cohorts ? `Beregnet med tilgang: ${planText(cohorts)}.` : "";
}

/** "40 i januar 2027, 35 i januar 2028 og 30 i januar 2029 (105 deltagere i alt)" */
function planText(cohorts) {
  const total = cohorts.reduce((sum, c) => sum + c.participants, 0);
  return `${listText(cohorts.map((c) => `${number(c.participants)} i ${monthText(c.startDate)}`))} (${number(total)} deltagere i alt)`;
}

/** A rejected scenario: each message beside the field it names, a list of them at the top, and no numbers. */
function showRejection(problems, detail) {
  state.scenario = null;
  state.result = null;
  resultCleared();
  clearErrors();
  $("#tal").hidden = true;
  $("#tal-detaljer").hidden = true;
  $("#afvist").hidden = false;
  for (const id of FIGURE_IDS) {
    document.getElementById(id).textContent = "";
  }
  $("#sammenfatning").textContent = "";
  for (const button of document.querySelectorAll("[data-needs-result]")) {
    button.disabled = true;
  }
  const list = $("#fejl-liste");
  list.replaceChildren();
  for (const problem of problems) {
    const { input, slot } = placeFor(problem);
    const message = problem.messages.join(" ");
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
    }
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.closest("details")?.setAttribute("open", "");
    }
    const target = input ?? slot;
    const name = input ? accessibleName(input) : slot?.dataset.label ?? problem.path;
    const item = el("li");
    if (target?.id) {
      const link = el("a", { href: `#${target.id}`, text: `${name}: ${message}` });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        target.closest("details")?.setAttribute("open", "");
        target.focus?.();
        target.scrollIntoView({ block: "center" });
      });
      item.append(link);
    } else {
      item.textContent = `${name}: ${message}`;
    }
    list.append(item);
  }
  $("#fejl-detalje").textContent = detail ?? "";
  $("#fejl").hidden = false;
}

/** The input and message slot for a problem's field path; a group's slot where no single input matches. */
function placeFor(problem) {
  const input = problem.input
    ?? document.querySelector(`[data-path='${CSS.escape(problem.path)}']`)
    ?? document.querySelector(`[data-path-alt='${CSS.escape(problem.path)}']`);
  if (input) {
    const slot = document.getElementById(`${input.id}-error`) ?? input.closest(".field, td")?.querySelector(".error");
    return { input, slot };
  }
  let path = problem.path;
  while (path) {
    const slot = document.querySelector(`[data-error-for='${CSS.escape(path)}']`);
    if (slot) {
      return { input: null, slot };
    }
    path = path.replace(/(\[\d+\]|\.[^.[]+)$/, "");
    if (path === problem.path) {
      break;
    }
  }
  return { input: null, slot: $("#fejl-generelt") };
}

function accessibleName(input) {
  if (input.labels?.length) {
    return input.labels[0].textContent;
  }
  const ids = input.getAttribute("aria-labelledby");
  return ids ? ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(", ") : input.dataset.path;
}

function clearErrors() {
  for (const node of document.querySelectorAll(".error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const input of document.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
}

function fatal(error) {
  const box = $("#fejl-side");
  box.textContent = error instanceof ApiError ? error.message : "Der opstod en uventet fejl på siden. Genindlæs siden, og prøv igen.";
  box.hidden = false;
  $("#tal").hidden = true;
  $("#tal-detaljer").hidden = true;
  resultCleared();
}

function notice(text) {
  const box = $("#besked");
  box.textContent = text;
  box.hidden = false;
}

// ---------------------------------------------------------------- taking it along, comparing, printing

function renderPrintSummary(scenario) {
  const c = currentCase();
  const municipality = state.municipalities.find((m) => m.municipalityCode === scenario.municipalityCode);
  const rows = [
    ["Kommune", `${municipality?.name ?? ""} (${scenario.municipalityCode})`],
    ["Business case", `${c.name} (${c.caseId})`],
    ["Start og horisont", `${monthText(scenario.startDate)}, ${scenario.horizonYears} år`],
    ["Deltagere", scenario.cohorts ? `Tilgang: ${planText(scenario.cohorts)}` : number(scenario.participants)],
    ["Investering", `${wholeKr(scenario.investment.monthlyCostPerParticipant)} kr. pr. deltager pr. måned i ${scenario.investment.durationMonths} måneder, engangsudgift ${wholeKr(scenario.investment.oneOffCostPerParticipant)} kr.`],
    ["Selvforsørgende i basisforløbet", scenario.baseline.selfSupportShareByYear.map((s) => `${shareToPercentText(s)} %`).join(" · ")],
    ["Ekstra med investeringen", scenario.investment.extraSelfSupportShareByYear.map((s) => `${shareToPercentText(s)} pp.`).join(" · ")],
    ["Løn i job", `${wholeKr(scenario.monthlyEarnings)} kr. pr. måned`],
    ["Diskonteringsrente", `${shareToPercentText(scenario.discountRate)} %`],
  ];
  if (scenario.prices) {
    rows.push(["Egne enhedspriser", Object.keys(scenario.prices).join(", ")]);
  }
  $("#print-forudsaetninger").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]));
}

async function downloadXlsx() {
  const status = $("#hent-status");
  status.textContent = "Henter Excel-filen …";
  try {
    const answer = await api.extractXlsx(state.scenario);
    if (answer instanceof Rejection) {
      status.textContent = answer.detail;
      return;
    }
    download(answer, fileNameFor(state.scenario, "xlsx"));
    status.textContent = "Excel-filen er hentet.";
  } catch (e) {
    status.textContent = e instanceof ApiError ? e.message : "Excel-filen kunne ikke hentes.";
  }
}

async function copyLink() {
  const field = $("#link-felt");
  field.hidden = false;
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    $("#hent-status").textContent = "Linket er kopieret. Det åbner præcis dette scenarie.";
  } catch {
    $("#hent-status").textContent = "Kopiér linket fra feltet. Det åbner præcis dette scenarie.";
  }
}

function saveForComparison() {
  const c = currentCase();
  const m = state.municipalities.find((x) => x.municipalityCode === state.scenario.municipalityCode);
  compare.save(state.scenario, state.result, `${m?.name ?? state.scenario.municipalityCode}, ${c.caseId}`);
  compare.renderComparison($("#sammenligning-indhold"), () => ($("#gem").disabled = !compare.canSave() || !state.result));
  $("#gem").disabled = !compare.canSave();
  $("#hent-status").textContent = `Gemt som scenarie ${compare.count()} af højst ${compare.MAX_SAVED}. Se «Sammenlign scenarier».`;
}

/** Opens a scenario (from a link or a file): its municipality and case, their defaults, then its own values. */
async function openScenario(scenario, message) {
  if (!state.municipalities.some((m) => m.municipalityCode === scenario.municipalityCode) || !state.cases.has(scenario.caseId)) {
    notice("Scenariet nævner en kommune eller business case, som værktøjet ikke kender.");
    return;
  }
  $("#kommune").value = scenario.municipalityCode;
  $("#case").value = scenario.caseId;
  $("#arbejdsflade").hidden = false;
  $("#vejledning").hidden = true;
  await applyDefaults();
  if (scenario.horizonYears !== undefined) {
    fieldFor("horizonYears").value = String(scenario.horizonYears);
  }
  if (scenario.startDate) {
    setFieldValue(fieldFor("startDate"), scenario.startDate);
    await loadParameters(scenario.startDate);
  }
  renderYearRows();
  for (const def of [...GROUPS.flatMap((g) => g.fields), ...TARGET_GROUP, ...PRICES]) {
    const value = getPath(scenario, def.path);
    if (value !== undefined && def.path !== "startDate") {
      setFieldValue(fieldFor(def.path), value);
    }
  }
  if (scenario.targetGroup?.householdMix) {
    renderHouseholds(fieldFor("targetGroup.benefitType").value, scenario.targetGroup.householdMix);
  }
  scenario.baseline?.selfSupportShareByYear?.forEach((v, y) => setIfPresent(`#effekt-tabel [data-key='b${y}']`, toFieldText("percent", v)));
  scenario.investment?.extraSelfSupportShareByYear?.forEach((v, y) => setIfPresent(`#effekt-tabel [data-key='e${y}']`, toFieldText("percent", v)));
  updateEffectTotals();
  scenario.prices?.refusionShareByClockMonth?.forEach((v, c) => setIfPresent(`#trappe-${c}`, toFieldText("percent", v)));
  for (const [year, amount] of Object.entries(scenario.prices?.bonusPerExtraPersonByYear ?? {})) {
    setIfPresent(`#bonus-${year}`, toFieldText("money", amount));
  }
  if (Array.isArray(scenario.cohorts)) {
    $("#modus-tilgang").checked = true;
    setIntakeMode(true);
    if (!placeCohorts(scenario.cohorts)) {
      message += " Tilgangen havde hold, der ikke starter i startmåneden et af årene; siden har lagt dem sammen pr. år, så tallene kan afvige fra scenariet, der blev åbnet.";
    }
  } else if (scenario.participants !== undefined) {
    $("#deltagere").value = toFieldText("count", scenario.participants);
  }
  notice(message);
  recalculate();
}

/**
 * Puts an intake plan in the page's yearly rows (one cohort a year, in the start month), summing the cohorts of
 * a year. Returns false when a cohort did not fit that grid exactly (another month, outside the horizon).
 */
function placeCohorts(cohorts) {
  const start = startMonth();
  const byYear = new Map();
  let exact = true;
  for (const cohort of cohorts) {
    const offset = typeof cohort?.startDate === "string" ? monthsBetween(start, cohort.startDate.slice(0, 7)) : Number.NaN;
    const year = Math.floor(offset / 12);
    const input = document.querySelector(`#tilgang-tabel [data-key='t${year}']`);
    if (!input || typeof cohort.participants !== "number" || offset % 12 !== 0 || byYear.has(year)) {
      exact = false;
    }
    if (input && typeof cohort.participants === "number") {
      byYear.set(year, (byYear.get(year) ?? 0) + cohort.participants);
    }
  }
  for (const [year, participants] of byYear) {
    setIfPresent(`#tilgang-tabel [data-key='t${year}']`, toFieldText("count", participants));
  }
  return exact;
}

function setIfPresent(selector, value) {
  const input = document.querySelector(selector);
  if (input) {
    input.value = value;
  }
}

function monthsBetween(from, to) {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

async function openFile(file) {
  try {
    const scenario = JSON.parse(await file.text());
    if (typeof scenario?.municipalityCode !== "string" || typeof scenario?.caseId !== "string") {
      throw new Error("not a scenario");
    }
    await openScenario(scenario, `Scenariet fra filen ${file.name} er åbnet.`);
  } catch {
    notice(`Filen ${file.name} er ikke et scenarie (JSON med municipalityCode og caseId).`);
  }
}

// ---------------------------------------------------------------- unit prices

function renderUnitPrices() {
  const params = state.parameters?.parameters ?? [];
  $("#priser-opsummering").textContent = `Enhedspriser i kraft ${danishDate(state.parametersDate)}: ${params.length} i alt, heraf ${params.filter((p) => p.isEstimate).length} skøn`;
  $("#enhedspriser tbody").replaceChildren(...params.map((p) => el("tr", {},
    el("th", { scope: "row" }, el("span", { text: p.description || p.id }), el("br"), el("code", { text: p.id })),
    el("td", { class: "num", text: valueText(p) }),
    el("td", { text: danishDate(p.validFrom) }),
    el("td", { text: p.isEstimate ? "Ja" : "Nej" }),
    el("td", { text: p.source + (p.note ? ` (${p.note})` : "") }))));
}

// ---------------------------------------------------------------- events

function wireEvents() {
  $("#kommune-soeg").addEventListener("input", filterMunicipalities);
  $("#kommune").addEventListener("change", selectionChanged);
  $("#case").addEventListener("change", selectionChanged);
  $("#nulstil").addEventListener("click", selectionChanged);
  for (const radio of document.querySelectorAll("[name='deltager-modus']")) {
    radio.addEventListener("change", () => {
      setIntakeMode($("#modus-tilgang").checked);
      schedule(true);
    });
  }
  const form = $("#scenarie");
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", (event) => {
    if (event.target.closest("#effekt-tabel")) {
      updateEffectTotals();
    }
    schedule(false);
  });
  form.addEventListener("change", async (event) => {
    const path = event.target.dataset?.path;
    const start = path === "startDate" || event.target.matches("[data-start-year]");
    if (path === "horizonYears" || start) {
      renderYearRows();
      if (start) {
        try {
          await loadParameters(`${startMonth()}-01`);
        } catch (e) {
          fatal(e);
        }
      }
    }
    if (path === "targetGroup.benefitType") {
      renderHouseholds(event.target.value, {});
    }
    schedule(true);
  });
  $("#gem").addEventListener("click", saveForComparison);
  $("#hent-xlsx").addEventListener("click", downloadXlsx);
  $("#hent-json").addEventListener("click", () => downloadJson(state.scenario));
  $("#kopier-link").addEventListener("click", copyLink);
  $("#udskriv").addEventListener("click", () => window.print());
  $("#aabn-fil").addEventListener("change", (event) => {
    const [file] = event.target.files;
    if (file) {
      openFile(file);
    }
    event.target.value = "";
  });
  compare.renderComparison($("#sammenligning-indhold"), () => {});
}

start();
