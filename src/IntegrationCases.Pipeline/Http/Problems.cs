using IntegrationCases.Engine.Evaluation;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// Every problem the API answers with, in one place: the status, a stable <c>type</c> (documented in
/// docs/api.md) and the Danish title and detail a user reads.
/// </summary>
public static class Problems
{
    private const string TypeBase = "urn:integration-cases:problem:";

    public static ProblemResult InvalidScenario(IReadOnlyList<ValidationError> errors) =>
        new(
            StatusCodes.Status400BadRequest,
            TypeBase + "invalid-scenario",
            "Scenariet er ugyldigt",
            errors.Count == 1
                ? "Scenariet blev afvist: 1 felt har en fejl. Se 'errors' for feltets sti og besked."
                : $"Scenariet blev afvist: {errors.Count} fejl. Se 'errors' for hvert felts sti og beskeder.",
            Group(errors));

    public static ProblemResult InvalidQuery(IReadOnlyList<ValidationError> errors) =>
        new(
            StatusCodes.Status400BadRequest,
            TypeBase + "invalid-query",
            "Forespørgslen er ugyldig",
            "En eller flere forespørgselsparametre kunne ikke læses. Se 'errors' for parameterens navn og besked.",
            Group(errors));

    public static ProblemResult MissingKey() =>
        new(
            StatusCodes.Status401Unauthorized,
            TypeBase + "missing-key",
            "Adgangsnøgle mangler eller er forkert",
            "Angiv API-nøglen i headeren 'x-functions-key' eller i forespørgselsparameteren 'code'.");

    /// <summary>The page's API in Azure without a signed-in user (App Service authentication off or bypassed).</summary>
    public static ProblemResult SignInRequired() =>
        new(
            StatusCodes.Status401Unauthorized,
            TypeBase + "sign-in-required",
            "Log ind for at bruge beregningsværktøjet",
            "Beregningsværktøjet kræver, at du er logget ind med din organisations konto. Genindlæs siden for at logge ind.");

    public static ProblemResult NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, TypeBase + "not-found", "Ikke fundet", detail);

    public static ProblemResult UnknownMunicipality(string code) =>
        NotFound($"Kommunekoden '{Shorten(code)}' findes ikke. Brug en 3-cifret kommunekode fra /api/municipalities, fx '851'.");

    public static ProblemResult UnknownRoute(string path) =>
        NotFound($"Adressen '{Shorten(path)}' findes ikke i API'et. Se /api/openapi.json for de gyldige adresser.");

    /// <summary>A file under the calculation tool's <c>/assets/</c> that it does not have (both hosts say the same).</summary>
    public static ProblemResult UnknownPageFile(string file) =>
        NotFound($"Filen '{Shorten(file)}' findes ikke i beregningsværktøjet.");

    public static ProblemResult NoResultsYet(string what) =>
        NotFound($"{what} findes ikke endnu: der er ikke kørt en genberegning, der har skrevet den.");

    public static ProblemResult MethodNotAllowed(string method, string path) =>
        new(
            StatusCodes.Status405MethodNotAllowed,
            TypeBase + "method-not-allowed",
            "Metoden er ikke tilladt",
            $"Adressen '{Shorten(path)}' understøtter ikke metoden {Shorten(method)}.");

    public static ProblemResult BodyTooLarge(long limitBytes) =>
        new(
            StatusCodes.Status413PayloadTooLarge,
            TypeBase + "body-too-large",
            "Forespørgslen er for stor",
            $"Forespørgslens indhold må højst være {limitBytes} bytes.");

    public static ProblemResult QueryTooLong(int limitCharacters) =>
        new(
            StatusCodes.Status414UriTooLong,
            TypeBase + "query-too-long",
            "Adressen er for lang",
            $"Forespørgselsdelen af adressen må højst være {limitCharacters} tegn. Send store scenarier med POST i stedet.");

    public static ProblemResult UnsupportedMediaType(string? contentType) =>
        new(
            StatusCodes.Status415UnsupportedMediaType,
            TypeBase + "unsupported-media-type",
            "Forkert indholdstype",
            $"Indholdstypen '{Shorten(contentType ?? string.Empty)}' understøttes ikke. Send scenariet som 'application/json'.");

    public static ProblemResult InvalidDate(string value) =>
        InvalidQuery([new ValidationError("date", $"'{Shorten(value)}' er ikke en dato på formen ÅÅÅÅ-MM-DD, fx 2026-01-01.")]);

    public static ProblemResult ServiceUnavailable(string detail) =>
        new(StatusCodes.Status503ServiceUnavailable, TypeBase + "unavailable", "Tjenesten er ikke klar", detail);

    /// <summary>A bare status the server produced itself (for example a malformed request line).</summary>
    public static ProblemResult Status(int status) =>
        new(status, "about:blank", status < 500 ? "Forespørgslen kunne ikke behandles" : "Der opstod en fejl i tjenesten", $"Tjenesten svarede med status {status}.");

    public static ProblemResult InternalError() =>
        new(
            StatusCodes.Status500InternalServerError,
            TypeBase + "internal-error",
            "Der opstod en intern fejl",
            "Forespørgslen kunne ikke gennemføres på grund af en fejl i tjenesten. Fejlen er logget; prøv igen senere.");

    /// <summary>Errors grouped by field path, in the order the paths first appear.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Group(IReadOnlyList<ValidationError> errors)
    {
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var error in errors)
        {
            var path = error.Path.Length == 0 ? "$" : error.Path;
            if (!grouped.TryGetValue(path, out var list))
            {
                grouped[path] = list = [];
                order.Add(path);
            }

            list.Add(error.Message);
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var path in order)
        {
            result[path] = grouped[path];
        }

        return result;
    }

    /// <summary>Echoed input is cut so that a hostile value cannot blow up a problem document.</summary>
    internal static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
