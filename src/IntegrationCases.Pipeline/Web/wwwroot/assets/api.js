// The project's own API, and nothing else. The host names its base in <meta name="api-base">: "api/" on serve
// (where a loopback session cookie stands in for the key) and "page-api/" behind Entra ID sign-in in Azure.
// No key is ever known to this page.

const base = document.querySelector('meta[name="api-base"]')?.content ?? "api/";

/** A failure that is not a rejected scenario: no access, no network, a server error. Its message is Danish. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** A scenario the API rejected: the problem document's errors, field path → Danish messages. */
export class Rejection {
  constructor(problem) {
    this.title = problem.title ?? "Scenariet er ugyldigt";
    this.detail = problem.detail ?? "";
    this.errors = problem.errors ?? {};
  }
}

async function send(path, init = {}) {
  let response;
  try {
    response = await fetch(base + path, {
      ...init,
      credentials: "same-origin",
      redirect: "manual",
      headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest", ...(init.headers ?? {}) },
    });
  } catch (e) {
    if (e.name === "AbortError") {
      throw e;
    }
    throw new ApiError("Beregningen kunne ikke kontaktes. Tjek forbindelsen, og prøv igen.", 0);
  }
  // A redirect here is the sign-in page of App Service authentication: the session has run out.
  if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
    throw new ApiError(
      base === "api/"
        ? "Siden har ikke adgang til beregningen. Åbn værktøjet på denne maskine med adressen, som 'serve' skrev ud (fx http://127.0.0.1:7071/)."
        : "Du er ikke logget ind (længere). Genindlæs siden for at logge ind igen.",
      response.status);
  }
  return response;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: `Tjenesten svarede med status ${response.status}.` };
  }
}

export async function getJson(path, signal) {
  const response = await send(path, { signal });
  if (!response.ok) {
    const problem = await problemOf(response);
    throw new ApiError(problem.detail ?? problem.title, response.status);
  }
  return response.json();
}

/** POSTs a scenario, or a request that holds one ({ scenario, … }); a rejected one resolves to a Rejection, never to numbers. */
export async function postScenario(path, body, signal) {
  const response = await send(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
    signal,
  });
  if (response.status === 400) {
    return new Rejection(await problemOf(response));
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    throw new ApiError(problem.detail ?? problem.title ?? `Tjenesten svarede med status ${response.status}.`, response.status);
  }
  return response;
}

export const api = {
  municipalities: (signal) => getJson("municipalities", signal),
  cases: (signal) => getJson("cases", signal),
  /** The unit prices in force on a date; without one, on the API's default start date (the budget year's first day), which the answer names. */
  parameters: (date, signal) => getJson(date ? `parameters?date=${encodeURIComponent(date)}` : "parameters", signal),
  results: (code, signal) => getJson(`municipalities/${encodeURIComponent(code)}/results`, signal),
  async evaluate(scenario, signal) {
    const answer = await postScenario("scenarios/evaluate", scenario, signal);
    return answer instanceof Rejection ? answer : answer.json();
  },
  async extractXlsx(scenario, signal) {
    const answer = await postScenario("scenarios/extract.xlsx", scenario, signal);
    return answer instanceof Rejection ? answer : answer.blob();
  },
};
