// A result of the API (API.md 'Result') on screen: the key figures, one sentence in plain Danish, and the
// budget table by year with every money line for the baseline, the investment and the difference.

import { decimals1, decimals2, kroner, monthOfCourse, wholeKr, yearSpan } from "./format.js";
import { el } from "./fields.js";
// The server writes lines.js from the engine's LineCatalogue: the labels of the extracts and Power BI.
import { LINES } from "./lines.js";

const FUTURES = [
  ["baseline", "Basisforløb"],
  ["investment", "Med investering"],
  ["difference", "Forskel"],
];

const last = (list) => list[list.length - 1];

/** The ids of the key figures' <output> elements. */
export const FIGURE_IDS = ["kt-investering", "kt-netto", "kt-nutidsvaerdi", "kt-gevinst", "kt-tilbagebetaling", "kt-breakeven", "kt-ekstra"];

/** The key figures, by the id of their <output>. */
export function keyFigures(result) {
  const k = result.kpis;
  const n = result.years.length;
  return {
    "kt-investering": kroner(k.investmentTotal),
    "kt-netto": kroner(k.netEffectTotal),
    "kt-nutidsvaerdi": kroner(k.npv),
    "kt-gevinst": k.returnPerKrone === null ? "–" : `${decimals2(k.returnPerKrone)} kr.`,
    "kt-tilbagebetaling": k.paybackMonth === null ? `Ikke inden for ${n} år` : `Måned ${k.paybackMonth} (${monthOfCourse(result.startDate, k.paybackMonth)})`,
    "kt-breakeven": k.breakEvenEffectMultiplier === null ? "–" : `${decimals2(k.breakEvenEffectMultiplier)} × effekten`,
    "kt-ekstra": `${decimals1(last(k.extraSelfSupportingByYear))} personer`,
  };
}

/** One or two sentences that say what the numbers mean, for a reader who does not read tables. */
export function plainDanish(result) {
  const k = result.kpis;
  const n = result.years.length;
  const years = n === 1 ? "1 år" : `${n} år`;
  const parts = [];
  if (k.paybackMonth !== null) {
    parts.push(`Investeringen er tjent hjem i måned ${k.paybackMonth} (${monthOfCourse(result.startDate, k.paybackMonth)}).`);
    parts.push(`Over ${years} giver den kommunen en nettoeffekt på ${kroner(k.netEffectTotal)}`);
    if (k.returnPerKrone !== null) {
      parts.push(`Hver investeret krone giver ${decimals2(k.returnPerKrone)} kr. tilbage.`);
    }
    // The break-even multiplier in words: how much of the assumed effect may fail before the case no longer pays.
    if (k.breakEvenEffectMultiplier !== null && k.breakEvenEffectMultiplier < 1) {
      parts.push(`Den går stadig lige op over ${years}, hvis effekten kun bliver ${Math.round(k.breakEvenEffectMultiplier * 100)} % af den antagne.`);
    }
  } else if (k.netEffectTotal < 0) {
    parts.push(`Investeringen er ikke tjent hjem inden for ${years}: kommunen får ${kroner(-k.netEffectTotal)} mindre tilbage, end den investerer.`);
    if (k.breakEvenEffectMultiplier !== null) {
      parts.push(`Effekten skal være ${decimals2(k.breakEvenEffectMultiplier)} gange så stor, før investeringen går lige op.`);
    }
  } else {
    parts.push(`Over ${years} giver scenariet kommunen en nettoeffekt på ${kroner(k.netEffectTotal)}, men den akkumulerede effekt er ikke positiv til horisontens udgang.`);
  }
  const extra = last(k.extraSelfSupportingByYear);
  parts.push(`Ved udgangen af år ${n} er ${decimals1(extra)} flere personer selvforsørgende end uden investeringen.`);
  return parts.join(" ");
}

/** Rebuilds the budget table: per line three rows (baseline, investment, difference), the years across. */
export function renderBudgetTable(table, result) {
  const head = el("thead", {},
    el("tr", {},
      el("th", { scope: "col", text: "Budgetpost" }),
      el("th", { scope: "col", text: "Forløb" }),
      ...result.years.map((y) => el("th", { scope: "col", class: "num", text: `År ${y.year} (${yearSpan(y.firstMonth)})` })),
      el("th", { scope: "col", class: "num", text: "I alt" })));
  const groups = LINES.map(([code, label]) => {
    const body = el("tbody", { class: code === "net" ? "net" : "" });
    FUTURES.forEach(([future, futureLabel], i) => {
      const amounts = result.years.map((y) => y[future][code]);
      const total = amounts.reduce((a, b) => a + b, 0);
      const row = el("tr", { class: future },
        i === 0 ? el("th", { scope: "rowgroup", rowspan: "3", text: label }) : null,
        el("th", { scope: "row", class: "future", text: futureLabel }),
        ...amounts.map((a) => el("td", { class: "num", text: wholeKr(a) })),
        el("td", { class: "num total", text: wholeKr(total) }));
      body.append(row);
    });
    return body;
  });
  const cumulative = el("tbody", { class: "cumulative" },
    el("tr", {},
      el("th", { scope: "row", colspan: "2", text: "Akkumuleret nettoeffekt (forskel)" }),
      ...result.years.map((y) => el("td", { class: "num", text: wholeKr(y.cumulativeNetDifference) })),
      el("td", { class: "num total", text: "" })));
  table.replaceChildren(
    el("caption", {}, "Budgetvirkning pr. år for kommunen, i hele kroner. Indtægter er positive, udgifter negative."),
    head, ...groups, cumulative);
}
