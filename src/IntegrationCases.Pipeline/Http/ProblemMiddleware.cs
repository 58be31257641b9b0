using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// Turns an unhandled exception into a 500 problem document (logged, never shown to the user) and a bare
/// error status from the server itself (an over-long body refused by Kestrel, a bad request line) into a
/// problem document too, so that every error the local server gives is RFC 9457.
/// </summary>
public sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
            if (context.Response is { HasStarted: false, StatusCode: >= 400 } response && response.ContentType is null)
            {
                // A bare status from routing or the server (404 of a file-like path, 405): give it a body.
                await (response.StatusCode switch
                {
                    StatusCodes.Status405MethodNotAllowed => Problems.MethodNotAllowed(context.Request.Method, context.Request.Path),
                    StatusCodes.Status404NotFound => Problems.UnknownRoute(context.Request.Path),
                    var status => Problems.Status(status),
                }).ExecuteAsync(context);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await Problems.BodyTooLarge(context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0).ExecuteAsync(context);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            ApiLog.Unhandled(logger, e, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Problems.InternalError().ExecuteAsync(context);
        }
    }
}
