// The 'Usikkerhed' panel (issue 12): how sure the shown case is. For every result the page shows it asks
// POST …/scenarios/uncertainty for the page's own scenario with the case's default ranges, and draws the tornado
// (each factor's low and high end, the others at 1) and the distribution of the net effect over the draws
// (histogram, P10–P90, the probability of a positive net effect). Plugs in through panels.js (docs/operations.md).

import { ApiError, postScenario, Rejection } from "./api.js";
import { svgEl } from "./charts.js";
import { el } from "./fields.js";
import { addPanel } from "./panels.js";
import { compactKroner, decimals1, kroner, number } from "./format.js";

/** The contract's defaults, said on the page: 2,000 draws with seed 1, so the figures are the same every time. */
const DRAWS = 2000;
const SEED = 1;

/** The factors as the CLI's table names them. */
const FACTORS = {
  effectMultiplier: "Effekt (ekstra selvforsørgende)",
  costMultiplier: "Investeringens udgift",
  earningsMultiplier: "Månedsløn i job",
  effortCostMultiplier: "Udgift til ordinær indsats",
};

const WIDTH = 640;
const MARGIN = { top: 12, right: 20, bottom: 40, left: 20 };
const percent = (share) => `${decimals1(share * 100)} %`;

function figure(id, label) {
  return el("div", { class: "figure" }, el("label", { for: id }, label), el("output", { id, "aria-live": "off" }));
}

function chart(id, caption) {
  return el("figure", { class: "chart" },
    el("figcaption", { id: `${id}-titel` }, caption),
    svgEl("svg", { id, role: "img", "aria-labelledby": `${id}-titel`, "aria-describedby": `${id}-resume` }),
    el("p", { id: `${id}-resume`, class: "hint" }));
}

/** The panel's fixed markup in #usikkerhed-plads. */
function build(slot) {
  const status = el("p", { id: "usikkerhed-status", class: "hint usikkerhed-status", role: "status" });
  const figures = el("div", { class: "figures" },
    figure("u-sandsynlighed", "Sandsynlighed for positiv nettoeffekt"),
    figure("u-interval", "Nettoeffekt, P10–P90"),
    figure("u-median", "Nettoeffekt, median (P50)"),
    figure("u-tilbagebetalt", "Andel tilbagebetalt inden for horisonten"));
  const table = el("table", { id: "u-tornado-tabel", class: "budget tornado-table" },
    el("caption", {}, "Tornado i tal: nettoeffekten ved hver faktors lave og høje ende, de øvrige faktorer på 1"),
    el("thead", {}, el("tr", {}, ...["Faktor", "Lav", "Nettoeffekt ved lav", "Høj", "Nettoeffekt ved høj"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody"));
  const body = el("div", { id: "usikkerhed-tal", hidden: "" },
    figures,
    chart("u-tornado", "Tornado: hvor meget hver faktor flytter nettoeffekten"),
    el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Tornado i tal" }, table),
    chart("u-fordeling", `Fordeling af nettoeffekten over ${number(DRAWS)} trækninger`));
  slot.replaceChildren(el("section", { id: "usikkerhed", "aria-labelledby": "usikkerhed-overskrift" },
    el("h3", { id: "usikkerhed-overskrift" }, "Usikkerhed"),
    el("p", { class: "hint" },
      "Hvor sikker er casen? Effekten, investeringens udgift, månedslønnen i job og udgiften til den ordinære indsats " +
      "varierer hver mellem casens lave og høje standardværdi (trekantfordelt om scenariets egen værdi, uafhængigt af hinanden). " +
      `Beregnet med ${number(DRAWS)} trækninger og frø ${SEED}, så tallene er de samme hver gang.`),
    status, body));
  return { status, body, tbody: table.tBodies[0] };
}

/** Horizontal bars from each factor's low-end to its high-end net effect, around the scenario's own net effect. */
function drawTornado(svg, summary, answer) {
  const rows = answer.tornado;
  const rowHeight = 34;
  const left = 210;
  const height = MARGIN.top + rows.length * rowHeight + MARGIN.bottom;
  const values = rows.flatMap((r) => [r.low.netEffectTotal, r.high.netEffectTotal]).concat(answer.base.netEffectTotal, 0);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const x = (v) => left + ((v - min) / (max - min || 1)) * (WIDTH - left - MARGIN.right);
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${height}`);
  svg.append(svgEl("title", {}, "Tornado"));
  const grid = svgEl("g", { class: "grid" });
  const bottom = height - MARGIN.bottom;
  grid.append(svgEl("line", { x1: x(0), x2: x(0), y1: MARGIN.top, y2: bottom, class: "zero" }));
  grid.append(svgEl("line", { x1: x(answer.base.netEffectTotal), x2: x(answer.base.netEffectTotal), y1: MARGIN.top, y2: bottom, class: "base" }));
  grid.append(svgEl("text", { x: x(min), y: bottom + 18, "text-anchor": "start" }, compactKroner(min)));
  grid.append(svgEl("text", { x: x(max), y: bottom + 18, "text-anchor": "end" }, compactKroner(max)));
  grid.append(svgEl("text", { x: x(answer.base.netEffectTotal), y: bottom + 34, "text-anchor": "middle" }, `Scenariet: ${compactKroner(answer.base.netEffectTotal)}`));
  svg.append(grid);
  rows.forEach((r, i) => {
    const y = MARGIN.top + i * rowHeight;
    const group = svgEl("g", { class: "series tornado" });
    group.append(svgEl("text", { x: left - 8, y: y + rowHeight / 2 + 4, "text-anchor": "end" }, FACTORS[r.factor] ?? r.factor));
    const [a, b] = [r.low.netEffectTotal, r.high.netEffectTotal];
    const bar = svgEl("rect", { x: Math.min(x(a), x(b)), y: y + 6, width: Math.max(1, Math.abs(x(b) - x(a))), height: rowHeight - 12 });
    bar.append(svgEl("title", {}, `${FACTORS[r.factor] ?? r.factor}: ${kroner(a)} ved ${number(r.low.value)}, ${kroner(b)} ved ${number(r.high.value)}`));
    group.append(bar);
    svg.append(group);
  });
  const top = rows[0];
  summary.textContent = top
    ? `${FACTORS[top.factor] ?? top.factor} flytter nettoeffekten mest: fra ${kroner(top.low.netEffectTotal)} ved faktor ${number(top.low.value)} til ${kroner(top.high.netEffectTotal)} ved faktor ${number(top.high.value)}.`
    : "";
}

/** The 20 bins of the net effect, with the zero line and P10, P50 and P90 marked. */
function drawDistribution(svg, summary, mc) {
  const bins = mc.histogram;
  const height = 230;
  const bottom = height - MARGIN.bottom;
  const from = Math.min(bins[0].from, 0);
  const to = Math.max(bins[bins.length - 1].to, 0);
  const x = (v) => MARGIN.left + ((v - from) / (to - from || 1)) * (WIDTH - MARGIN.left - MARGIN.right);
  const most = Math.max(...bins.map((b) => b.count), 1);
  const y = (count) => bottom - (count / most) * (bottom - MARGIN.top - 16);
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${height}`);
  svg.append(svgEl("title", {}, "Fordeling af nettoeffekten"));
  const group = svgEl("g", { class: "series histogram" });
  for (const b of bins) {
    const bar = svgEl("rect", { x: x(b.from), y: y(b.count), width: Math.max(0.5, x(b.to) - x(b.from) - 1), height: bottom - y(b.count), class: b.to <= 0 ? "negative" : "positive" });
    bar.append(svgEl("title", {}, `${kroner(b.from)} til ${kroner(b.to)}: ${number(b.count)} trækninger`));
    group.append(bar);
  }
  svg.append(group);
  const grid = svgEl("g", { class: "grid" });
  grid.append(svgEl("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: bottom, y2: bottom }));
  grid.append(svgEl("line", { x1: x(0), x2: x(0), y1: MARGIN.top, y2: bottom, class: "zero" }));
  const net = mc.netEffectTotal;
  for (const [name, value] of [["P10", net.p10], ["P50", net.p50], ["P90", net.p90]]) {
    grid.append(svgEl("line", { x1: x(value), x2: x(value), y1: MARGIN.top + 12, y2: bottom, class: "percentile" }));
    grid.append(svgEl("text", { x: x(value), y: MARGIN.top + 8, "text-anchor": "middle" }, name));
  }
  grid.append(svgEl("text", { x: x(from), y: bottom + 18, "text-anchor": "start" }, compactKroner(from)));
  grid.append(svgEl("text", { x: x(to), y: bottom + 18, "text-anchor": "end" }, compactKroner(to)));
  svg.append(grid);
  summary.textContent = `I 80 % af trækningerne ligger nettoeffekten mellem ${kroner(net.p10)} og ${kroner(net.p90)} (P10–P90); ` +
    `medianen er ${kroner(net.p50)} Nettoeffekten er positiv i ${percent(mc.probabilityNetPositive)} af trækningerne.`;
}

function show(view, answer) {
  const mc = answer.monteCarlo;
  const net = mc.netEffectTotal;
  document.getElementById("u-sandsynlighed").textContent = percent(mc.probabilityNetPositive);
  document.getElementById("u-interval").textContent = `${kroner(net.p10)} til ${kroner(net.p90)}`;
  document.getElementById("u-median").textContent = kroner(net.p50);
  document.getElementById("u-tilbagebetalt").textContent = percent(mc.paybackWithinHorizonShare);
  view.tbody.replaceChildren(...answer.tornado.map((r) => el("tr", { "data-factor": r.factor },
    el("th", { scope: "row" }, FACTORS[r.factor] ?? r.factor),
    el("td", {}, number(r.low.value)), el("td", {}, kroner(r.low.netEffectTotal)),
    el("td", {}, number(r.high.value)), el("td", {}, kroner(r.high.netEffectTotal)))));
  drawTornado(document.getElementById("u-tornado"), document.getElementById("u-tornado-resume"), answer);
  drawDistribution(document.getElementById("u-fordeling"), document.getElementById("u-fordeling-resume"), mc);
  view.body.hidden = false;
  view.status.textContent = "";
}

function panel(slot) {
  let view = null;
  let timer = null;
  const fail = (message) => {
    view.body.hidden = true;
    view.status.textContent = message;
  };
  return {
    async shown(scenario, _result, signal) {
      view ??= build(slot);
      clearTimeout(timer);
      view.status.textContent = "Beregner usikkerheden …";
      // Wait for the user to stop typing; a newer result aborts the signal and starts again.
      await new Promise((resolve) => { timer = setTimeout(resolve, 250); signal.addEventListener("abort", resolve); });
      if (signal.aborted) {
        return;
      }
      try {
        const answer = await postScenario("scenarios/uncertainty", { scenario, draws: DRAWS, seed: SEED }, signal);
        if (signal.aborted) {
          return;
        }
        if (answer instanceof Rejection) {
          fail(`Usikkerheden kunne ikke beregnes: ${Object.values(answer.errors).flat().join(" ") || answer.title}`);
          return;
        }
        const json = await answer.json();
        if (!signal.aborted) {
          show(view, json);
        }
      } catch (e) {
        if (e instanceof ApiError && !signal.aborted) {
          fail(e.message);
        } else if (e?.name !== "AbortError") {
          throw e;
        }
      }
    },
    cleared() {
      clearTimeout(timer);
      if (view) {
        view.body.hidden = true;
        view.status.textContent = "";
      }
    },
  };
}

const slot = document.getElementById("usikkerhed-plads");
if (slot) {
  addPanel(panel(slot));
}
