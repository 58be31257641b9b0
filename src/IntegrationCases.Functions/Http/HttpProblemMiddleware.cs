using IntegrationCases.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Http;

/// <summary>
/// The worker-side counterpart of the local server's <see cref="ProblemMiddleware"/>: an exception in an HTTP
/// function becomes a logged 500 problem document instead of the host's bare 500. Other triggers rethrow, so
/// that the host retries them (queue) or records the failure (blob).
/// </summary>
public sealed partial class HttpProblemMiddleware(ILogger<HttpProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false } http && e is not OperationCanceledException)
        {
            Failed(logger, e, context.FunctionDefinition.Name, http.Request.Path);
            http.Response.Clear();
            await Problems.InternalError().ExecuteAsync(http);
        }
    }

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Unhandled error in HTTP function {FunctionName} on {Path}")]
    private static partial void Failed(ILogger logger, Exception exception, string functionName, string path);
}
