using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationCases.Pipeline.Http;

/// <summary>Maps the API's handlers onto ASP.NET Core routing for the local server (the Functions app has its own classes).</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapIntegrationCasesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(ApiRoutes.Prefix);
        api.MapPost(ApiRoutes.Evaluate, (HttpContext c, ApiHandlers h) => h.EvaluatePostAsync(c.Request, c.RequestAborted));
        api.MapGet(ApiRoutes.Evaluate, (HttpContext c, ApiHandlers h) => h.EvaluateGetAsync(c.Request, c.RequestAborted));
        api.MapPost(ApiRoutes.Uncertainty, (HttpContext c, UncertaintyHandler h) => h.PostAsync(c.Request, c.RequestAborted));
        api.MapPost(ApiRoutes.ScenarioExtract, (HttpContext c, ApiHandlers h) => h.ScenarioExtractXlsxAsync(c.Request, c.RequestAborted));
        api.MapGet(ApiRoutes.Cases, (ApiHandlers h) => h.Cases());
        api.MapGet(ApiRoutes.Municipalities, (HttpContext c, ApiHandlers h) => h.MunicipalitiesAsync(c.RequestAborted));
        api.MapGet(ApiRoutes.MunicipalityResults, (string kode, HttpContext c, ApiHandlers h) => h.MunicipalityResultsAsync(kode, c.RequestAborted));
        api.MapGet(ApiRoutes.MunicipalityExtract, (string kode, string format, HttpContext c, ApiHandlers h) => h.MunicipalityExtractAsync(kode, format, c.RequestAborted));
        api.MapGet(ApiRoutes.Parameters, (HttpContext c, ApiHandlers h) => h.ParametersAsync(c.Request, c.RequestAborted));
        api.MapGet(ApiRoutes.Health, ApiHandlers.Health);
        api.MapGet(ApiRoutes.OpenApi, ApiHandlers.OpenApi);

        // Anything else: 404, or 405 where the path exists with another method; always a problem document.
        app.MapFallback((HttpContext c) => KnownPath(c.Request.Path)
            ? Problems.MethodNotAllowed(c.Request.Method, c.Request.Path)
            : Problems.UnknownRoute(c.Request.Path));
        return app;
    }

    private static bool KnownPath(PathString path)
    {
        var p = path.Value?.TrimEnd('/') ?? string.Empty;
        return p is "/api/scenarios/evaluate" or "/api/scenarios/uncertainty" or "/api/scenarios/extract.xlsx" or "/api/cases" or "/api/municipalities" or "/api/parameters" or "/api/health" or "/api/openapi.json"
            || (p.StartsWith("/api/municipalities/", StringComparison.Ordinal)
                && (p.EndsWith("/results", StringComparison.Ordinal) || p.Contains("/extract.", StringComparison.Ordinal)));
    }
}
