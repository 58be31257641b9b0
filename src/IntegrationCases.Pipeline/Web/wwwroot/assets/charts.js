// Two small SVG line charts drawn by hand: no chart library to download, vet or keep up to date, and SVG
// text that prints sharply. Each chart is an image with a caption and a one-sentence summary for screen
// readers; the budget table below holds every number the charts show.

import { compactKroner, decimals1, kroner, yearSpan } from "./format.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 20, bottom: 44, left: 96 };

/** An SVG element with its attributes and, when given, its text (also used by the Usikkerhed panel). */
export function svgEl(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Round tick values spanning [min, max] (min ≤ 0 ≤ max is kept so the zero line shows). */
function ticks(min, max, count = 5) {
  if (min === max) {
    max = min + 1;
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const values = [Math.floor(min / step) * step];
  while (values[values.length - 1] < max - step * 1e-9) {
    values.push(Math.round((values[values.length - 1] + step) / step) * step);
  }
  return values;
}

/**
 * Draws series over the points 0..n (the start and each year end) into the figure's svg.
 * series: [{ name, values: number[n+1], className }]; labels: x labels; format: y label text.
 */
function lineChart(svg, labels, series, format, title) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  const all = series.flatMap((s) => s.values);
  const yTicks = ticks(Math.min(0, ...all), Math.max(0, ...all));
  const yMin = yTicks[0];
  const yMax = yTicks[yTicks.length - 1];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (i) => MARGIN.left + (labels.length === 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v) => MARGIN.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;

  svg.append(svgEl("title", {}, title));
  const grid = svgEl("g", { class: "grid" });
  for (const t of yTicks) {
    grid.append(svgEl("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(t), y2: y(t), class: t === 0 ? "zero" : "" }));
    grid.append(svgEl("text", { x: MARGIN.left - 8, y: y(t) + 4, "text-anchor": "end" }, format(t)));
  }
  labels.forEach((label, i) => {
    const text = svgEl("text", { x: x(i), y: HEIGHT - MARGIN.bottom + 18, "text-anchor": "middle" });
    const [first, second] = label.split("\n");
    text.append(svgEl("tspan", { x: x(i), dy: 0 }, first));
    if (second) {
      text.append(svgEl("tspan", { x: x(i), dy: 14 }, second));
    }
    grid.append(text);
  });
  svg.append(grid);

  for (const s of series) {
    const group = svgEl("g", { class: `series ${s.className}` });
    group.append(svgEl("polyline", { points: s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ") }));
    s.values.forEach((v, i) => {
      const point = svgEl("circle", { cx: x(i), cy: y(v), r: 4 });
      point.append(svgEl("title", {}, `${s.name}, ${labels[i].replace("\n", " ")}: ${s.pointText(v)}`));
      group.append(point);
    });
    svg.append(group);
  }
}

function yearLabels(result) {
  return ["Start", ...result.years.map((y) => `År ${y.year}\n(${yearSpan(y.firstMonth)})`)];
}

/** The cumulative net effect for the municipality, from 0 at the start to the end of each year. */
export function drawCumulative(svg, summary, result) {
  const values = [0, ...result.years.map((y) => y.cumulativeNetDifference)];
  lineChart(svg, yearLabels(result), [{ name: "Akkumuleret nettoeffekt", values, className: "cumulative", pointText: kroner }], compactKroner, "Akkumuleret nettoeffekt");
  const last = values[values.length - 1];
  const lowest = Math.min(...values);
  summary.textContent = `Den akkumulerede nettoeffekt er lavest med ${kroner(lowest)} og ender på ${kroner(last)} efter ${result.years.length} år.`;
}

/** Persons self-supporting at each year end, in the baseline and with the investment. */
export function drawSelfSupporting(svg, summary, result) {
  const baseline = [0, ...result.years.map((y) => y.selfSupportingAtYearEnd.baseline)];
  const investment = [0, ...result.years.map((y) => y.selfSupportingAtYearEnd.investment)];
  const persons = (v) => `${decimals1(v)} personer`;
  lineChart(svg, yearLabels(result), [
    { name: "Basisforløbet", values: baseline, className: "baseline", pointText: persons },
    { name: "Med investeringen", values: investment, className: "investment", pointText: persons },
  ], (v) => decimals1(v), "Selvforsørgende personer ved årets udgang");
  const n = result.years.length;
  summary.textContent = `Efter ${n} år er ${decimals1(investment[n])} personer selvforsørgende med investeringen mod ${decimals1(baseline[n])} i basisforløbet.`;
}
