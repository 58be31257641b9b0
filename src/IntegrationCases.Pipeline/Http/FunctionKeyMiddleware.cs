using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// The local server's stand-in for the Functions host's function keys: every request but <c>/api/health</c> and
/// those the host admits without a key (<see cref="KeylessAccess"/>: the calculation tool's page, its files and
/// its session cookie) must carry the key in header <c>x-functions-key</c> or query parameter <c>code</c>, else 401
/// with a problem document. In Azure the host enforces <c>AuthorizationLevel.Function</c> itself and this is not used.
/// </summary>
public sealed class FunctionKeyMiddleware(RequestDelegate next, string key, KeylessAccess keyless, ILogger<FunctionKeyMiddleware> logger)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.Equals(ApiRoutes.Prefix + "/" + ApiRoutes.Health, StringComparison.OrdinalIgnoreCase)
            || Matches(context.Request)
            || keyless(context))
        {
            await next(context);
            return;
        }

        ApiLog.KeyRejected(logger, context.Request.Path);
        await Problems.MissingKey().ExecuteAsync(context);
    }

    private bool Matches(HttpRequest request)
    {
        var header = request.Headers[HeaderName];
        var query = request.Query[QueryName];
        var given = header.Count == 1 ? header[0] : header.Count == 0 && query.Count == 1 ? query[0] : null;
        // Fixed-time comparison: the answer time must not tell how much of a guessed key was right.
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key);
    }
}
