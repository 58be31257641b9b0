// Taking a scenario along: as a JSON file, as a link that reopens it, and (through the API) as a workbook.
// The link keeps the scenario in the fragment (#s=…), which a browser never sends to any server.

/** A scenario as base64url of its UTF-8 JSON. */
export function encodeScenario(scenario) {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = "";
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeScenario(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const scenario = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof scenario !== "object" || scenario === null || typeof scenario.municipalityCode !== "string" || typeof scenario.caseId !== "string") {
    throw new Error("not a scenario");
  }
  return scenario;
}

/** The address that reopens a scenario on this page. */
export function linkFor(scenario) {
  return `${location.origin}${location.pathname}#s=${encodeScenario(scenario)}`;
}

/** The scenario a link carries, or null. */
export function scenarioFromLocation() {
  const match = /^#s=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (!match) {
    return null;
  }
  try {
    return decodeScenario(match[1]);
  } catch {
    return undefined;
  }
}

export function fileNameFor(scenario, extension) {
  return `scenarie-${scenario.municipalityCode}-${scenario.caseId}.${extension}`;
}

/** Offers a blob as a download with the given name. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadJson(scenario) {
  download(new Blob([JSON.stringify(scenario, null, 2) + "\n"], { type: "application/json" }), fileNameFor(scenario, "json"));
}
