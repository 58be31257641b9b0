using System.Globalization;
using System.Text.Json;
using IntegrationCases.Engine;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Scenarios;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// The HTTP API's handlers, shared by the Azure Functions app and the local <c>serve</c> host: each reads the
/// request, calls the pipeline or the engine, and answers with JSON, a file or an RFC 9457 problem. Keys are the
/// host's business (the Functions host, or <see cref="FunctionKeyMiddleware"/> for <c>serve</c>).
/// </summary>
public sealed partial class ApiHandlers(ApiDataSource data, IOptions<ApiOptions> options, ILogger<ApiHandlers> logger)
{
    private readonly ApiOptions _options = options.Value;
    private readonly ResultCache _cache = new(options.Value.ResultCacheEntries);

    /// <summary><c>POST /api/scenarios/evaluate</c>: a scenario of API.md in the body, its result back.</summary>
    public async Task<IResult> EvaluatePostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, problem) = await ReadScenarioBodyAsync(request, cancellationToken);
        using (body)
        {
            if (problem is not null)
            {
                return problem;
            }

            var context = await data.EvaluationContextAsync(cancellationToken);
            return EvaluateJson(body!.Span, context);
        }
    }

    /// <summary><c>GET /api/scenarios/evaluate?municipalityCode=851&amp;caseId=NY-JOB-30&amp;…</c>: the flat form for Power Query.</summary>
    public async Task<IResult> EvaluateGetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.QueryString.Value is { } qs && qs.Length > _options.MaxQueryLength)
        {
            ApiLog.BodyTooLarge(logger, _options.MaxQueryLength, request.Path);
            return Problems.QueryTooLong(_options.MaxQueryLength);
        }

        var (json, errors) = FlatScenarioQuery.ToScenarioJson(request.Query);
        if (json is null)
        {
            ApiLog.ScenarioRejected(logger, errors.Count, errors[0].Path);
            return Problems.InvalidQuery(errors);
        }

        var context = await data.EvaluationContextAsync(cancellationToken);
        return EvaluateJson(json, context);
    }

    /// <summary><c>GET /api/cases</c>: the standard case catalogue, each case with its defaults and their reasons.</summary>
    public IResult Cases() => Json(w => CaseCatalogueJson.Write(w, CaseCatalogue.Standard));

    /// <summary><c>GET /api/municipalities</c>: the 98 municipalities, with the target-group counts of the latest run where there are any.</summary>
    public async Task<IResult> MunicipalitiesAsync(CancellationToken cancellationToken)
    {
        var context = await data.EvaluationContextAsync(cancellationToken);
        return Json(w =>
        {
            w.WriteStartArray();
            foreach (var m in MunicipalityRegister.Default.All)
            {
                w.WriteStartObject();
                w.WriteString("municipalityCode", m.Code);
                w.WriteString("name", m.Name);
                w.WriteString("regionCode", m.RegionCode);
                w.WriteString("regionName", m.RegionName);
                w.WriteStartObject("targetGroupPersonsByCase");
                if (context.Municipalities.TryGetValue(m.Code, out var facts))
                {
                    foreach (var (caseId, persons) in facts.TargetGroupPersonsByCase.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        w.WriteNumber(caseId, persons);
                    }
                }

                w.WriteEndObject();
                w.WriteString("resultsUrl", $"{ApiRoutes.Prefix}/municipalities/{m.Code}/results");
                w.WriteString("extractXlsxUrl", $"{ApiRoutes.Prefix}/municipalities/{m.Code}/extract.xlsx");
                w.WriteString("extractCsvUrl", $"{ApiRoutes.Prefix}/municipalities/{m.Code}/extract.csv");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary><c>GET /api/municipalities/{kode}/results</c>: the municipality's case results from the latest run.</summary>
    public async Task<IResult> MunicipalityResultsAsync(string kode, CancellationToken cancellationToken)
    {
        if (!MunicipalityRegister.Default.TryGetByCode(kode ?? string.Empty, out var municipality))
        {
            return Problems.UnknownMunicipality(kode ?? string.Empty);
        }

        var json = await data.MunicipalityResultsAsync(municipality, cancellationToken);
        return json is null
            ? Problems.NoResultsYet($"Resultaterne for {municipality.Name} Kommune")
            : new JsonBytesResult(json, "no-cache");
    }

    /// <summary><c>GET /api/municipalities/{kode}/extract.xlsx</c> or <c>.csv</c>: the municipality's refreshed extract.</summary>
    public async Task<IResult> MunicipalityExtractAsync(string kode, string format, CancellationToken cancellationToken)
    {
        if (!MunicipalityRegister.Default.TryGetByCode(kode ?? string.Empty, out var municipality))
        {
            return Problems.UnknownMunicipality(kode ?? string.Empty);
        }

        var contentType = format switch
        {
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "csv" => "text/csv; charset=utf-8",
            _ => null,
        };
        if (contentType is null)
        {
            return Problems.NotFound($"Udtrækket findes som 'extract.xlsx' og 'extract.csv', ikke som 'extract.{Problems.Shorten(format ?? string.Empty)}'.");
        }

        var content = await data.ExtractAsync(municipality, format!, cancellationToken);
        return content is null
            ? Problems.NoResultsYet($"Udtrækket for {municipality.Name} Kommune")
            : new StreamFileResult(new MemoryStream(content, writable: false), contentType, $"business-cases-{municipality.Code}.{format}");
    }

    /// <summary>
    /// <c>GET /api/parameters?date=2026-01-01</c>: every unit price and rule of the latest run in force on the date;
    /// without a date, on the default start date (the first day of the budget year), which the answer names.
    /// </summary>
    public async Task<IResult> ParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DateOnly? date = null;
        var dates = request.Query["date"];
        if (dates.Count > 0)
        {
            if (dates.Count > 1 || !DateOnly.TryParseExact(dates[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var given))
            {
                return Problems.InvalidDate(string.Join(',', dates.ToArray()));
            }

            date = given;
        }

        var unknown = request.Query.Keys.Where(k => k is not ("date" or "code")).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return Problems.InvalidQuery([.. unknown.Select(k => new ValidationError(k, $"'{Problems.Shorten(k)}' er ikke en parameter her; kun 'date' kan angives."))]);
        }

        var context = await data.EvaluationContextAsync(cancellationToken);
        return Json(w => ParameterListJson.Write(w, context.Parameters, date ?? context.DefaultStartDate));
    }

    /// <summary><c>GET /api/health</c>: no key needed; says the process is up and which engine it runs.</summary>
    public static IResult Health() => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "ok");
        w.WriteString("engineVersion", EngineInfo.EngineVersion);
        w.WriteString("methodVersion", EngineInfo.MethodVersion);
        w.WriteEndObject();
    });

    /// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.0 document of this API.</summary>
    public static IResult OpenApi() => new JsonBytesResult(OpenApiDocument.Utf8, "no-cache");

    private IResult EvaluateJson(ReadOnlySpan<byte> scenarioJson, EvaluationContext context)
    {
        if (_cache.TryGet(context, scenarioJson, out var cached))
        {
            return new JsonBytesResult(cached);
        }

        var (evaluated, problem) = ParseAndEvaluate(scenarioJson, context);
        if (evaluated is null)
        {
            return problem!;
        }

        var result = ScenarioJson.SerializeResult(evaluated);
        _cache.Add(context, scenarioJson, result);
        return new JsonBytesResult(result);
    }

    /// <summary>A POSTed scenario's bytes, or the problem when it is not JSON by its content type or is over the limit.</summary>
    private async Task<(RentedBody? Body, IResult? Problem)> ReadScenarioBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }

        var body = await RequestBody.ReadAsync(request, _options.MaxScenarioBodyBytes, cancellationToken);
        if (body is null)
        {
            ApiLog.BodyTooLarge(logger, _options.MaxScenarioBodyBytes, request.Path);
            return (null, Problems.BodyTooLarge(_options.MaxScenarioBodyBytes));
        }

        return (body, null);
    }

    /// <summary>The scenario's result, or the logged 400 problem of a rejected scenario (nothing computed).</summary>
    private (ScenarioResult? Result, IResult? Problem) ParseAndEvaluate(ReadOnlySpan<byte> scenarioJson, EvaluationContext context)
    {
        var parsed = ScenarioJson.Parse(scenarioJson);
        if (parsed.Scenario is null)
        {
            ApiLog.ScenarioRejected(logger, parsed.Errors.Count, parsed.Errors.Count > 0 ? parsed.Errors[0].Path : "$");
            return (null, Problems.InvalidScenario(parsed.Errors));
        }

        var outcome = ScenarioEvaluator.Evaluate(parsed.Scenario, context);
        if (outcome.Result is null)
        {
            ApiLog.ScenarioRejected(logger, outcome.Errors.Count, outcome.Errors[0].Path);
            return (null, Problems.InvalidScenario(outcome.Errors));
        }

        return (outcome.Result, null);
    }

    internal static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true; // Power Query and curl often send none; the body must still be JSON.
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var media = parsed.MediaType.Value ?? string.Empty;
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static JsonBytesResult Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ApiJsonWriter.Options))
        {
            write(writer);
        }

        return new JsonBytesResult(buffer.ToArray(), "no-cache");
    }
}
