using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Cli.Serve;

/// <summary>
/// How the page calls the API on <c>serve</c> without anyone typing a key, and without the function key ever
/// reaching a browser. A browser on this machine that loads the page gets a session cookie (HttpOnly,
/// SameSite=Strict, path <c>/api</c>) holding a random token made when the server starts; the key middleware
/// accepts that cookie in place of the key. The cookie is only issued, and only accepted, when:
/// <list type="bullet">
/// <item>the client is on loopback, so nobody else on the network gets one even with <c>--host 0.0.0.0</c>;</item>
/// <item>the Host header is a loopback name, so a page of another site that resolves its name to 127.0.0.1
/// (DNS rebinding) gets none;</item>
/// <item>a browser that says where the call comes from (<c>Sec-Fetch-Site</c>) says it is the page's own origin,
/// so another local web app on another port cannot ride on the cookie.</item>
/// </list>
/// </summary>
public sealed class LocalPageSession
{
    public const string CookieName = "integration-cases-page";

    private readonly string _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Gives the loading browser the session cookie, when it is on this machine; otherwise nothing.</summary>
    public void IssueTo(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsLoopbackBrowser(context))
        {
            return;
        }

        context.Response.Cookies.Append(CookieName, _token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/api",
            IsEssential = true,
        });
    }

    /// <summary>Whether a request carries this server's session cookie under the conditions above.</summary>
    public bool Accepts(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var given) || !IsLoopbackBrowser(context))
        {
            return false;
        }

        var site = context.Request.Headers["Sec-Fetch-Site"];
        if (site.Count > 0 && site[0] is not ("same-origin" or "none"))
        {
            return false;
        }

        // Fixed-time comparison, as for the key.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given ?? string.Empty), Encoding.UTF8.GetBytes(_token));
    }

    private static bool IsLoopbackBrowser(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) && IsLoopbackName(context.Request.Host.Host);

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
