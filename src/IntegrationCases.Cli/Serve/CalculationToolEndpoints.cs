using IntegrationCases.Pipeline.Http;
using IntegrationCases.Pipeline.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationCases.Cli.Serve;

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
                : Problems.UnknownPageFile(file ?? string.Empty));
        return app;
    }

    /// <summary>
    /// What the local server's key middleware lets through without the key: the page and its files (they hold no
    /// data) and API calls that carry the session's cookie.
    /// </summary>
    public static KeylessAccess KeylessAccess(LocalPageSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return context => IsPagePath(context.Request.Path) || session.Accepts(context);
    }

    /// <summary>Paths the key middleware lets through without a key: the page and its files hold no data.</summary>
    private static bool IsPagePath(PathString path) =>
        path == "/" || path.StartsWithSegments("/" + CalculationToolPage.AssetsFolder.TrimEnd('/'), StringComparison.Ordinal);
}
