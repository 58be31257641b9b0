// Danish numbers in and out. The page formats with da-DK explicitly, whatever the browser's own language,
// so that every user reads 1.234.567,89 kr. and may type 1.234,5 or 1234,5 (or 1234.5).

const money = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholeKroner = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 4 });
const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const monthYear = new Intl.DateTimeFormat("da-DK", { month: "long", year: "numeric", timeZone: "UTC" });
const shortMonthYear = new Intl.DateTimeFormat("da-DK", { month: "short", year: "numeric", timeZone: "UTC" });
const longDate = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** 1234567.891 → "1.234.567,89 kr." */
export function kroner(value) {
  return `${money.format(value)} kr.`;
}

/** 1234567.891 → "1.234.568" (budget tables: whole kroner). */
export function wholeKr(value) {
  const text = wholeKroner.format(value);
  return text === "-0" ? "0" : text;
}

/** A compact amount for chart axes: "1,2 mio. kr.", "350.000 kr." */
export function compactKroner(value) {
  const abs = Math.abs(value);
  if (abs >= 1e6) {
    return `${oneDecimal.format(value / 1e6)} mio. kr.`;
  }
  return `${wholeKroner.format(value)} kr.`;
}

/** Any number the way a Danish reader writes it, up to four decimals: 0,15 · 18.000 · 2,5. */
export function number(value) {
  return plain.format(value);
}

export function decimals1(value) {
  return oneDecimal.format(value);
}

export function decimals2(value) {
  return twoDecimals.format(value);
}

/** A share (0.15) as the percent a user types (15), without binary noise (0.15 × 100 = 15.000000000000002). */
export function shareToPercentText(share) {
  return plain.format(Math.round(share * 100 * 1e6) / 1e6);
}

/** "2027-01-01" plus m months → "april 2030" (month 1 is the start month). */
export function monthOfCourse(startDate, month) {
  const [y, m] = startDate.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1 + month - 1, 1));
  return monthYear.format(date);
}

/** "2027-01-01" → "1. januar 2027". */
export function danishDate(isoDate) {
  return longDate.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** "2027-01" → "januar 2027". */
export function monthText(yearMonth) {
  return monthYear.format(new Date(`${yearMonth.slice(0, 7)}-01T00:00:00Z`));
}

/**
 * The calendar span of a reported year from its firstMonth: "2027" for a year from January (a budget year),
 * otherwise "apr. 2027–mar. 2028", so a year that is not a budget year never reads as one.
 */
export function yearSpan(firstMonth) {
  const [y, m] = firstMonth.split("-").map(Number);
  if (m === 1) {
    return String(y);
  }
  const from = new Date(Date.UTC(y, m - 1, 1));
  const to = new Date(Date.UTC(y + 1, m - 2, 1));
  return `${shortMonthYear.format(from)}–${shortMonthYear.format(to)}`;
}

/** Words in a Danish list: "a", "a og b", "a, b og c". */
export function listText(items) {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

/**
 * Reads a number as a Danish user writes it. With a comma, the comma is the decimal sign and dots and spaces
 * group thousands ("1.234,5"); without one, a dot followed by groups of exactly three digits groups thousands
 * ("18.000"), otherwise it is a decimal point ("0.15"). Returns null for text that is not a number.
 */
export function parseDanishNumber(text) {
  let t = String(text).trim().replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (t === "") {
    return null;
  }
  if (t.includes(",")) {
    if (t.indexOf(",") !== t.lastIndexOf(",")) {
      return null;
    }
    t = t.replace(/\./g, "").replace(",", ".");
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) {
    t = t.replace(/\./g, "");
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) {
    return null;
  }
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}
