using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// Which requests the local server's <see cref="FunctionKeyMiddleware"/> lets through without the key. The host
/// decides (serve: the calculation tool's page, its files and its loopback session), so the API's handlers and
/// the key check know nothing of the page above them.
/// </summary>
public delegate bool KeylessAccess(HttpContext context);
