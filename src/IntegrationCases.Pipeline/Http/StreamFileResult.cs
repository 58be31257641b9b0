using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Pipeline.Http;

/// <summary>A file to download (a municipality's extract); the stream is disposed after it is copied.</summary>
public sealed class StreamFileResult(Stream content, string contentType, string downloadName) : IResult, IStatusCodeHttpResult
{
    public string ContentType { get; } = contentType;

    public string DownloadName { get; } = downloadName;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using (content)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            response.Headers.ContentDisposition = $"attachment; filename=\"{DownloadName}\"";
            response.Headers.CacheControl = "no-cache";
            if (content.CanSeek)
            {
                response.ContentLength = content.Length - content.Position;
            }

            await content.CopyToAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
