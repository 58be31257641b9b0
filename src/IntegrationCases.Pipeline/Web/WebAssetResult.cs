using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IntegrationCases.Pipeline.Web;

/// <summary>
/// Writes a file of the calculation tool with the headers that keep the page on its own origin: a content
/// security policy that allows scripts, styles and calls to this origin only (no CDN, no inline script), no
/// framing, no referrer, and an ETag so a browser revalidates instead of downloading again.
/// </summary>
public sealed class WebAssetResult(WebAsset asset) : IResult, IStatusCodeHttpResult
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public WebAsset Asset { get; } = asset;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = Asset.ETag;
        if (httpContext.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(Asset.ETag, StringComparison.Ordinal)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = Asset.ContentType;
        response.ContentLength = Asset.Content.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(Asset.Content, httpContext.RequestAborted);
        }
    }
}
