using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Pipeline.Http;

/// <summary>JSON that is already serialised (for example by ScenarioJson), written as it is: byte for byte.</summary>
public sealed class JsonBytesResult(ReadOnlyMemory<byte> utf8Json, string cacheControl = "no-store") : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public ReadOnlyMemory<byte> Utf8Json { get; } = utf8Json;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = cacheControl;
        response.ContentLength = Utf8Json.Length;
        await response.Body.WriteAsync(Utf8Json, httpContext.RequestAborted);
    }
}
