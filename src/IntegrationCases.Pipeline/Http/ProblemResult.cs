using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// An RFC 9457 problem document (<c>application/problem+json</c>). Written by hand with a fixed member order
/// (type, title, status, detail, instance, errors) so that both hosts give the same bytes and no reflection runs.
/// <see cref="Title"/> and <see cref="Detail"/> are Danish: a user reads them.
/// </summary>
public sealed class ProblemResult(
    int status,
    string type,
    string title,
    string detail,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null) : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public int Status { get; } = status;

    public string Type { get; } = type;

    public string Title { get; } = title;

    public string Detail { get; } = detail;

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors { get; } = errors;

    int? IStatusCodeHttpResult.StatusCode => Status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        var body = ToUtf8(httpContext.Request.Path.Value);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    /// <summary>The document as UTF-8 JSON; <paramref name="instance"/> is the request path.</summary>
    public byte[] ToUtf8(string? instance)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ApiJsonWriter.Options))
        {
            w.WriteStartObject();
            w.WriteString("type", Type);
            w.WriteString("title", Title);
            w.WriteNumber("status", Status);
            w.WriteString("detail", Detail);
            if (!string.IsNullOrEmpty(instance))
            {
                w.WriteString("instance", instance);
            }

            if (Errors is { Count: > 0 })
            {
                w.WriteStartObject("errors");
                foreach (var (path, messages) in Errors)
                {
                    w.WriteStartArray(path);
                    foreach (var message in messages)
                    {
                        w.WriteStringValue(message);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
