using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationCases.Pipeline.Web;

/// <summary>
/// The calculation tool on the local server: the page at <c>/</c> (with the session cookie of
/// <see cref="LocalPageSession"/>) and its files under <c>/assets/</c>. The page calls the API at <c>/api/</c>.
/// </summary>
public static class CalculationToolEndpoints
{
    public static IEndpointRouteBuilder MapCalculationTool(this IEndpointRouteBuilder app, LocalPageSession session)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(session);
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], (HttpContext c) =>
        {
            session.IssueTo(c);
            return new WebAssetResult(CalculationToolPage.Index(CalculationToolPage.DefaultApiBase));
        });
        app.MapMethods("/" + CalculationToolPage.AssetsFolder + "{**file}", [HttpMethods.Get, HttpMethods.Head], (string? file) =>
            CalculationToolPage.TryGetAsset(file, out var asset)
                ? (IResult)new WebAssetResult(asset)
                : Http.Problems.NotFound($"Filen '{Http.Problems.Shorten(file ?? string.Empty)}' findes ikke i beregningsværktøjet."));
        return app;
    }

    /// <summary>Paths the key middleware lets through without a key: the page and its files hold no data.</summary>
    public static bool IsPagePath(PathString path) =>
        path == "/" || path.StartsWithSegments("/" + CalculationToolPage.AssetsFolder.TrimEnd('/'), StringComparison.Ordinal);
}
